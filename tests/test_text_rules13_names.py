"""Round 13: a hand-kept place that is also a given name ("Saba", "Sofia") is not read inside a person's name; the
place itself still is."""
import pytest

from routekit.text import extract_route


def route(text: str) -> tuple[str, ...]:
    return tuple(extract_route(text).route)


@pytest.mark.parametrize("text, expected", [
    ("Betrokkene verliet Mogadishu in maart. Per vliegtuig naar Cairo en verder naar Nederland. Een zus van "
     "betrokkene, Saba Osman, woont in Duitsland.", ("SOM", "EGY", "NLD")),
    ("Saba Tesfay left Eritrea for Sudan, then crossed Libya and reached Italy by boat before taking the train to the "
     "Netherlands.", ("ERI", "SDN", "LBY", "ITA", "NLD")),
    ("Aangeefster Sofia Petrova reisde vanuit Oekraine via Polen naar Nederland.", ("UKR", "POL", "NLD")),
])
def test_a_given_name_that_is_a_place_is_no_stop(text, expected):
    assert route(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Zij vloog van Saba naar Sint Maarten en daarna naar Amsterdam.", ("BES", "SXM", "NLD")),
    ("He took a bus from Istanbul to Sofia and walked on to Serbia, then Hungary and the Netherlands.",
     ("TUR", "BGR", "SRB", "HUN", "NLD")),
])
def test_the_place_itself_still_counts(text, expected):
    assert route(text) == expected
