"""Leg modes (routekit/text/legmodes.py): which told mode belongs to the leg into which country."""

import pytest

from routekit.text.extraction import extract_route


def _legs(text: str) -> dict[str, str]:
    result = extract_route(text)
    return dict(zip(result.route[1:], result.modes))


@pytest.mark.parametrize("text", [
    # a move between two places of a country already reached is not the crossing into it
    "Ik ben uit Libië vertrokken en kwam in Italië aan. Vanuit Italië reisde ik per trein naar Milaan. "
    "Daarna ben ik te voet naar Frankrijk gegaan en met de bus naar Nederland.",
    "I left Libya and arrived in Italy. In Italy I took the train to Milan. Then I walked to France and took a bus "
    "to the Netherlands.",
    "Ik kwam uit Libië. Na de aankomst op Lampedusa ben ik naar Rome gebracht en daarvandaan heb ik de trein "
    "genomen naar Ventimiglia. Vanuit Frankrijk met de bus naar Nederland.",
])
def test_travel_inside_a_country_is_not_the_crossing(text):
    legs = _legs(text)
    assert legs["ITA"] == "unknown"
    assert legs["NLD"] == "bus"


def test_a_border_reached_is_not_inside_the_country():
    legs = _legs("Ik vloog naar Belgrado. Vanuit Servië ben ik met een taxi naar de Hongaarse grens gebracht en te voet "
                 "Hongarije binnengegaan. Met de bus naar Nederland.")
    assert legs["HUN"] == "foot"


def test_a_leg_from_another_country_keeps_its_mode():
    legs = _legs("He flew to Serbia from Istanbul. Before that he had gone to Istanbul from Tabriz by bus, and in "
                 "Turkey he stayed a year. From Serbia he walked to Hungary.")
    assert legs["TUR"] == "bus"
