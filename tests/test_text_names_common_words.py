"""Common words one edit from a country's name are no misspelt country (issue 15, names round 2): fuzzy_blocked.csv
compares a word with the name it is near in the word's own language (English 'surname' is far commoner in English than
'Suriname', though Dutch writes Suriname often). Examples written for these tests."""

import pytest

from routekit.text.extraction import extract_route


@pytest.mark.parametrize("text, route", [
    ("The person gave his name as Yonas (no surname). He travelled from Libya to Italy and on to the Netherlands.",
     ("LBY", "ITA", "NLD")),
    ("Betrokkene verklaarde dat de smokkelaar Roland heette. Hij reisde van Turkije naar Griekenland en daarna naar "
     "Nederland.", ("TUR", "GRC", "NLD")),
    ("Hij werkte bij de smeden in Izmir en reisde van Turkije naar Griekenland en Nederland.", ("TUR", "GRC", "NLD")),
])
def test_a_common_word_near_a_country_is_no_stop(text, route):
    assert extract_route(text).route == route


def test_a_misspelt_country_after_a_travel_word_is_still_read():
    assert extract_route("Hij vloog van Paramaribo naar Amsterdam; eerder reisde hij naar Surinme en terug.").route[0] \
        == "SUR"


@pytest.mark.parametrize("text, route", [
    # a country's own-language name that is also a common word elsewhere is an exact exonym, not left to the fuzzy pass
    ("Ik woonde drie jaar in Brasil en vloog toen naar Portugal en Nederland.", ("BRA", "PRT", "NLD")),
    ("Translated from Portuguese: I left Angola for Brasil in 2019, then flew to Lisboa and on to Holanda.",
     ("AGO", "BRA", "PRT", "NLD")),
])
def test_an_exonym_that_is_also_a_common_word_is_read(text, route):
    assert extract_route(text).route == route
