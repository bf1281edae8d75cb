"""Round 12, ambiguous names: a name read by its context (a person named like a country). Hand-written texts."""

import pytest

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
