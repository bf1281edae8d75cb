"""City names shared by two countries (issue 15, names round 2): the person's nationality told with the name
('een Argentijnse uit Cordoba'), or held when the text names none of the name's countries as a place, and a country
named only to deny it ('in Libie is hij nooit geweest') is no evidence. Examples written for these tests."""

import pytest

from routekit.text.extraction import _nationality_words, _shared_places, extract_route


@pytest.mark.parametrize("text, route", [
    # a nationality word right before 'uit'/'from' + the shared name
    ("Betrokkene is een Argentijnse uit Córdoba. Zij vloog van Córdoba via São Paulo naar Lissabon en reisde "
     "daarna met de bus naar Amsterdam.", ("ARG", "BRA", "PRT", "NLD")),
    ("Our client, a Lebanese from Tripoli, took a fishing boat from Tripoli to Cyprus and flew on to Amsterdam.",
     ("LBN", "CYP", "NLD")),
    # the other reading's country named only in a denial; the nationality decides
    ("Hij is Libanees. Hij vertrok vanuit Tripoli met een boot naar Cyprus en vloog daarna naar Nederland. "
     "In Libië is hij nooit geweest.", ("LBN", "CYP", "NLD")),
    ("The subject, a Venezuelan woman from Valencia, went by bus to Cúcuta and flew from Bogotá to Madrid "
     "and Amsterdam.", ("VEN", "COL", "ESP", "NLD")),
])
def test_the_text_picks_the_reading_of_a_shared_name(text, route):
    assert extract_route(text).route == route


@pytest.mark.parametrize("text, route", [
    ("Hij kwam uit Valencia en reisde met de bus naar Parijs en dan naar Nederland.", ("ESP", "FRA", "NLD")),
    ("She left Tripoli by boat to Lampedusa and travelled by train to the Netherlands. She is Libyan; she has "
     "never been to Lebanon.", ("LBY", "ITA", "NLD")),
    ("Hij vloog van Tripoli via Beiroet naar Cyprus en daarna naar Nederland.", ("LBN", "CYP", "NLD")),
])
def test_the_default_and_named_readings_stay(text, route):
    assert extract_route(text).route == route


def test_every_country_of_a_shared_name_has_its_nationality_words():
    held = set(_nationality_words().values())
    missing = {c for countries in _shared_places().values() for c in countries} - held
    assert not missing, f"nationality_words.csv lacks {sorted(missing)}"
