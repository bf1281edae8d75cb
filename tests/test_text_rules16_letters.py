"""Round 16, lawyers' letters: where the legs a letter tells out of order go in the route. Hand-written texts, Dutch
and English."""
import pytest

from routekit.text.extraction import extract_route
from routekit.text.letters import corrected_account


def route(text: str) -> tuple[str, ...]:
    return tuple(extract_route(text).route)


# --- the journey's start told after other legs: its statement goes first -------------------------------------------

@pytest.mark.parametrize("text, expected", [
    # an addition after the correction of a later leg tells where the journey began
    ("Correcties op het rapport van het nader gehoor van cliënt dhr. B. Hadi. Pagina 6: cliënt reisde van Wenen niet "
     "met de trein maar met een auto naar Duitsland. Aanvulling: vóór Turkije was cliënt in Iran (Mashhad), waar hij "
     "vanuit Afghanistan te voet kwam. Met een smokkelaar naar Turkije, per boot naar Griekenland en door Servië naar "
     "Oostenrijk. Van Duitsland met de bus naar Nederland.",
     ("AFG", "IRN", "TUR", "GRC", "SRB", "AUT", "DEU", "NLD")),
    # the first leg asked to be added after the legs of the middle were corrected
    ("Corrections to the interview report, client Mr R. Karimi. 1. Page 2: correct. 2. Page 5: 'I stayed in "
     "Hungary.' Our client said 'I was not in Hungary.' He took a bus from Belgrade to Zagreb and a train from Zagreb "
     "to Vienna. 3. Page 5, line 8: please add that he arrived in Serbia by plane from Cairo. 4. From Vienna he took "
     "the train to Utrecht.", ("EGY", "SRB", "HRV", "AUT", "NLD")),
])
def test_the_start_told_after_other_legs_goes_first(text, expected):
    assert route(text) == expected


def test_a_start_whose_leg_goes_to_a_country_told_before_stays_where_told():
    # Belgrade was told as reached in the report's list before: the rules put Tehran before it; the statement stays
    text = ("Correcties op het rapport nader gehoor van cliënte mw. P. Rahimi. Pagina 3: als reisroute staat "
            "achtereenvolgens Turkije, Servië, Hongarije en Oostenrijk. Cliënte is nooit in Hongarije geweest. Zij vloog "
            "van Teheran via Istanbul naar Belgrado en reisde daarna met de bus door Kroatië.")
    account = corrected_account(text)
    assert account.index("Pagina 3") < account.index("Zij vloog van Teheran")


def test_a_place_left_in_the_middle_of_the_journey_is_no_start():
    # Milan is told only as left, but Sudan and Libya lie farther from the Netherlands: the statement stays
    text = ("Corrections to the interview report, client Mr T. Bekele. Page 3: our client lived in Sudan and spent a "
            "year in Libya before he crossed the sea. Page 5: he did not travel through Austria. From Milan he took the "
            "train to Paris, and from Paris a coach to Amsterdam.")
    assert corrected_account(text).index("Page 3") < corrected_account(text).index("From Milan")
    assert route(text) == ("SDN", "LBY", "ITA", "FRA", "NLD")
