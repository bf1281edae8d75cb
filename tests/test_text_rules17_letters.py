"""Round 17, lawyers' letters: a country a statement strikes from the route is no stop anywhere in the letter.
Hand-written texts, Dutch and English."""
from routekit.text.extraction import extract_route


def route(text: str) -> tuple[str, ...]:
    return tuple(extract_route(text).route)


def test_a_country_said_to_be_no_part_of_the_route_is_no_stop_where_a_relative_is_named_there():
    text = ("Corrections to the interview report, client Mr F. Rahimi. He travelled from Iran to Turkey on foot and "
            "from Turkey by truck to Bulgaria, Serbia and Austria, then by train to the Netherlands. Italy is not part "
            "of his route. His cousin was fingerprinted in Italy; this may explain the confusion.")
    assert route(text) == ("IRN", "TUR", "BGR", "SRB", "AUT", "NLD")


def test_a_country_that_only_came_up_because_of_a_relative_is_no_stop_in_a_later_statement():
    text = ("Correcties op het rapport van het nader gehoor van cliënt dhr. K. Berisha. Cliënt reisde vanuit Pristina "
            "met de bus via Servië en Hongarije naar Oostenrijk en vandaar met de trein naar Nederland. Duitsland is "
            "alleen ter sprake gekomen omdat zijn broer in München woont. Zijn broer heeft hem in Duitsland nooit "
            "opgevangen, maar stuurde geld naar Duitsland.")
    assert "DEU" not in route(text)


def test_a_struck_quoted_phrase_leaves_its_country():
    # the letter strikes the words of the report ("the phrase 'Dublin claim Croatia'"), not the country travelled
    text = ("Correcties op het rapport van cliënt dhr. A. Karimi. Cliënt liep van Bosnië naar Kroatië en reisde met de "
            "trein via Slovenië en Oostenrijk naar Duitsland en Nederland. De zinsnede 'Dublinclaim Kroatië' is niet "
            "door cliënt uitgesproken.")
    assert "HRV" in route(text)
