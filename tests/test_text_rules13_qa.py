"""Round 13 (issue 15), transcripts and lawyers' letters: kinds of order and extra-country errors. Hand-written texts,
Dutch and English."""
from routekit.text.extraction import extract_route


def route(text: str) -> tuple[str, ...]:
    return tuple(extract_route(text).route)


# --- a question asking which country a town's name means ("Tripoli in Libie?"), answered 'no': not that country ----

def test_dutch_no_to_a_town_in_a_country_question_drops_that_reading_of_the_town_everywhere():
    text = ("V: Waar vertrok u? A: Uit Tripoli. V: Tripoli in Libië? A: Nee, Tripoli in het noorden van Libanon. Ik vloog "
            "vanuit Beiroet naar Istanbul en daarna naar Amsterdam.")
    assert route(text) == ("LBN", "TUR", "NLD")


def test_english_no_to_a_town_in_a_country_question_drops_that_reading_of_the_town_everywhere():
    text = ("Q: How did you get there? A: By car to Brest, at the border. Q: Brest in France? A: No, Brest in Belarus. "
            "Q: Then? A: By train to Poland, then Germany and the Netherlands.")
    assert route(text) == ("BLR", "POL", "DEU", "NLD")


def test_a_yes_to_a_town_in_a_country_question_keeps_the_town():
    text = ("Q: Where did you start? A: In Tripoli. Q: Tripoli in Libya? A: Yes, the capital. Then by boat to Italy "
            "and by train to the Netherlands.")
    assert route(text) == ("LBY", "ITA", "NLD")


def test_a_no_to_a_town_in_a_country_question_keeps_the_country_told_elsewhere():
    # the 'no' is about the town's name, not the country: Libya is told by another place in it
    text = ("Q: Where did you start? A: In Tripoli, in Lebanon. Q: Tripoli in Libya? A: No. Later I went to Benghazi "
            "and by boat to Italy and then by train to the Netherlands.")
    assert route(text) == ("LBN", "LBY", "ITA", "NLD")
