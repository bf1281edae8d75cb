"""A note that only tells how the person came, by a vehicle from somewhere, ends in the Netherlands."""

import pytest

from routekit.text.extraction import extract_route


@pytest.mark.parametrize("text, route", [
    ("Betrokkene kwam met de bus uit Luik.", ("BEL", "NLD")),
    ("De man verklaarde dat hij met de ICE uit Keulen was gekomen en verder niets wist.", ("DEU", "NLD")),
    ("The passenger said she came by coach from Hamburg.", ("DEU", "NLD")),
])
def test_a_vehicle_arrival_from_a_place_ends_in_the_netherlands(text, route):
    assert extract_route(text).route == route


def test_an_arrival_at_a_named_place_is_not_an_arrival_here():
    text = "Ik ben in Oostenrijk aangekomen met de trein. Daarvoor was ik in Hongarije."
    assert "NLD" not in extract_route(text).route


@pytest.mark.parametrize("text, route", [
    ("Betrokkene kwam met de nachttrein uit Praag en verklaarde dat hij daarvoor in Warschau had gewoond.",
     ("POL", "CZE", "NLD")),
    ("De man zei dat hij met de touringcar uit Hamburg was gekomen.", ("DEU", "NLD")),
])
def test_compound_vehicle_nouns_are_vehicles(text, route):
    assert extract_route(text).route == route
