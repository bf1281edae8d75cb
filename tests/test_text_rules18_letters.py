"""Round 18, lawyers' letters (and any record): a crossing of the Evros, the Greek-Turkish border river, was made from
Turkey, also when the letter names Turkey only in a claim it drops or not at all. Hand-written texts, Dutch and
English."""
from routekit.text.extraction import extract_route


def route(text: str) -> tuple[str, ...]:
    return tuple(extract_route(text).route)


def test_a_letter_telling_the_evros_crossing_keeps_turkey_before_greece():
    text = ("Corrections to the interview report, client Mr R. Hakimi. The report says that he 'was helped by his "
            "uncle in Izmir'. That is not what he said: nobody helped him. He crossed the Evros on foot into Greece, "
            "took the train from Thessaloniki to Athens and flew with a borrowed passport from Athens to Amsterdam.")
    assert route(text) == ("TUR", "GRC", "NLD")


def test_a_dutch_letter_telling_the_evros_crossing_keeps_turkey_before_greece():
    text = ("Correcties op het rapport van het nader gehoor van cliënt dhr. F. Nazari. In het rapport staat dat cliënt "
            "'met de boot naar Lesbos' ging. Dat is onjuist. Cliënt is over de Evros gezwommen "
            "en kwam zo in Griekenland. Daarna reisde hij met een vrachtwagen via Noord-Macedonië naar Servië en met de "
            "trein via Hongarije naar Nederland.")
    assert route(text) == ("TUR", "GRC", "MKD", "SRB", "HUN", "NLD")


def test_the_turkish_name_of_the_river_counts_too():
    text = ("Corrections, client Mr B. Ahmadi. Page 3: he did not go by boat to Lesbos. He waded through the Meriç "
            "at night into Greece and went by bus to Athens; from there he flew to Eindhoven.")
    assert route(text) == ("TUR", "GRC", "NLD")


def test_a_route_that_already_holds_turkey_is_left_as_it_is():
    text = ("Corrections to the report, client Mr S. Rahimi. He travelled from Iran to Turkey on foot and crossed the "
            "Evros into Greece. From Greece he went to North Macedonia and Serbia, and by train to the Netherlands.")
    assert route(text) == ("IRN", "TUR", "GRC", "MKD", "SRB", "NLD")
