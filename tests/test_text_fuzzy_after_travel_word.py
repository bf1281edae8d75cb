"""A common word one edit from a country (fuzzy_blocked.csv: "german", "hungry") is still a misspelt country right
after a travel word ("went by plane to German"), and stays a word elsewhere ("a German passport")."""

import pytest

from routekit.text import extract_route
from routekit.text.gazetteer import find_places
from routekit.text.normalise import fold


def _countries(text: str) -> list[str]:
    return [m.place.iso3 for m in find_places(text, fold(text))]


@pytest.mark.parametrize("text", ["He went by plane to German", "Daarna ging hij naar German met de trein",
                                  "We drove via German and then into Holland", "They walked into Hungry"])
def test_a_blocked_word_after_a_travel_word_is_a_misspelt_country(text):
    assert _countries(text)[0] in {"DEU", "HUN"}


@pytest.mark.parametrize("text", ["He has a German passport", "We were hungry in the camp", "He speaks german well"])
def test_a_blocked_word_elsewhere_is_a_word(text):
    assert "DEU" not in _countries(text) and "HUN" not in _countries(text)


def test_a_states_police_names_the_state():
    # names round 7: "the German police" stopped the person in Germany (adjective_nouns.csv: police, politie)
    assert _countries("the german police") == ["DEU"]


def test_speed_sample_row_696_keeps_germany():
    result = extract_route("From Syria I went to Turkey, then went by plane to German")
    assert result.route[-1] == "DEU"


def test_a_language_after_a_travel_word_is_no_country():
    assert "DEU" not in _countries("The statement was translated into German")
