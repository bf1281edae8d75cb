"""Round 17 of the rules, origin: the journey's first country."""
import pytest

from routekit.text.extraction import extract_route
from learned_helpers import rules_only



@pytest.mark.parametrize("text, route", [
    # a country only named (no travel cue, no mode) before a journey told as starting where the person lived
    ("Hij noemde Canada. Hij woonde jaren in Kabul. Vanuit Kabul reisde hij naar Iran en Turkije en met een "
     "vrachtwagen naar Duitsland en Nederland.", "AFG>IRN>TUR>DEU>NLD"),
    ("The report speaks of Brazil. In fact the client lived in Herat for ten years. From Herat he walked to Iran, "
     "then took a bus to Turkey and a plane to Amsterdam.", "AFG>IRN>TUR>NLD"),
    # ... or as left from a country the named one does not border
    ("Het rapport noemt Canada. Vanuit Damascus reisde hij met een bus naar Turkije en daarna met een boot naar "
     "Griekenland; met het vliegtuig naar Amsterdam.", "SYR>TUR>GRC>NLD"),
])
def test_a_country_only_named_before_the_told_start_is_no_stop(text, route):
    assert extract_route(text).route_text == route


@pytest.mark.parametrize("text", [
    "The statement mentions Canada. He left Damascus by bus for Turkey, crossed to Greece by boat and flew to "
    "Amsterdam.",
    "Het rapport noemt Canada. Hij vertrok uit Syrië naar Turkije. Met een boot naar Griekenland en met het "
    "vliegtuig naar Amsterdam.",
])
def test_a_country_only_named_put_first_by_the_order_stage_is_no_stop(text):
    # the rules place it after the start; the learned order stage moved it first: the same test applies
    assert extract_route(text).route_text == "SYR>TUR>GRC>NLD"


@pytest.mark.parametrize("text, route", [
    # a neighbour left on foot or by car before the first departure told: still where the journey began
    ("She had been in France before. She came from Belgium to the Netherlands by train.", "FRA>BEL>NLD"),
    # the next country told as reached: the journey went there from the first one
    ("The report speaks of Brazil. She flew to Portugal and took the bus to the Netherlands.", "BRA>PRT>NLD"),
])
def test_a_first_country_linked_to_the_next_stays(text, route):
    with rules_only():
        assert extract_route(text).route_text == route


def test_a_country_only_left_goes_before_the_first_country_reached():
    # Turkey told first, as reached by bus; Iraq only as left, never reached: the journey began in Iraq
    text = ("He came to Turkey by bus; the smugglers took him from Iraq. By boat to Greece, then a plane to "
            "Amsterdam.")
    assert extract_route(text).route_text == "IRQ>TUR>GRC>NLD"
