"""Round 12, ambiguous names read by their context: a person named like a country, a code that is both an airport
and a country. Hand-written texts."""

import pytest

from routekit.text.document import read_codes
from routekit.text.extraction import extract_route


def route(text: str) -> str:
    return ">".join(extract_route(text).route)


@pytest.mark.parametrize("text, expected", [
    # a country's name right after a naming word is a person's name
    ("A smuggler named Chad met us in Tripoli; we sailed to Italy and went by train to the Netherlands.",
     "LBY>ITA>NLD"),
    ("Mijn smokkelaar heette Jordan; hij reed me met de auto van Milaan naar Amsterdam.", "ITA>NLD"),
    # a noun for a country before the naming word keeps it the country
    ("He came from a country called Georgia; he flew from Tbilisi to Amsterdam.", "GEO>NLD"),
])
def test_a_country_name_after_a_naming_word_is_a_person(text, expected):
    assert route(text) == expected


@pytest.mark.parametrize("text, expected", [
    # ALA is Almaty (and Aaland's ISO3 code), GEO Georgetown (and Georgia's): in a chain of airport codes, airports
    ("KMar Schiphol. Betrokkene, Oezbeekse nat., verklaart per trein naar Almaty te zijn gereisd en daarna "
     "ALA-IST-AMS te hebben gevlogen.", "UZB>KAZ>TUR>NLD"),
    ("Border check Schiphol. Subject, a Cuban national, flew HAV-GEO, crossed into Suriname by boat and then "
     "flew PBM-AMS.", "CUB>GUY>SUR>NLD"),
])
def test_a_country_code_in_a_chain_of_airport_codes_is_the_airport(text, expected):
    assert route(text) == expected


@pytest.mark.parametrize("text, airport_country", [
    # one word between it and an airport's code, before or after: the airport
    ("He flew from HAV to GEO and later from PBM to AMS.", "Guyana"),
    ("She flew from CAN to IST and then to AMS.", "China"),
])
def test_a_country_code_next_to_an_airport_code_is_the_airport(text, airport_country):
    assert airport_country in read_codes(text)


@pytest.mark.parametrize("text", [
    # a chain of country codes alone stays countries; a code next to a country code or alone stays the country
    "Betrokkene reisde per bus GEO-TUR en vloog daarna naar AMS.",
    "Subject travelled from TUR to GEO and then flew to AMS.",
    "Subject (GEO nat.) travelled via TUR to NLD.",
])
def test_a_country_code_without_airports_next_to_it_stays_the_country(text):
    assert "Guyana" not in read_codes(text)
