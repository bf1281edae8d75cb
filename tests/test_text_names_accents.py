"""A case-sensitive place name written with or without its accents is the same place (records write both)."""

import pytest

from routekit.text.extraction import extract_route


@pytest.mark.parametrize("text, route", [
    ("Ik kom uit Kobanê en reisde via Turkije en Griekenland naar Nederland.", ("SYR", "TUR", "GRC", "NLD")),
    ("I am from Kobanê. I walked to Turkey and flew to the Netherlands.", ("SYR", "TUR", "NLD")),
])
def test_a_listed_name_written_with_its_accent_is_found(text, route):
    assert extract_route(text).route == route


def test_the_lower_case_word_still_is_no_place():
    # case-sensitive names stay case-sensitive: only the accents are ignored
    assert "SYR" not in extract_route("Hij zei kobane tegen mij en reisde van Turkije naar Nederland.").route
