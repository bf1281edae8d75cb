"""Round 13, drift: the generated gazetteer files agree with their tools again (``tests/test_reference_regenerate.py``
checks the files byte for byte); these tests pin the rules and inputs the tools gained to reproduce the intended content.
Hand-written sentences and invented town names."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from routekit.text.gazetteer import _key, find_places, gazetteer, read_data_csv
from routekit.text.normalise import fold

TOOLS = Path(__file__).resolve().parents[1] / "tools"


@pytest.fixture(scope="module")
def build_exonyms():
    spec = importlib.util.spec_from_file_location("build_exonyms", TOOLS / "build_exonyms.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _named(text: str) -> list[str]:
    return [m.place.iso3 for m in find_places(text, fold(text))]


# -- towns named with the Arabic article (build_exonyms.article_town_forms, arabic_article_towns.csv) -------------

@pytest.mark.parametrize("place, forms", [
    ("Al Qaryatayn", ["al-Qaryatayn", "el-Qaryatayn"]),
    ("El Ḩamrā", ["al-Ḩamrā", "el-Ḩamrā"]),            # a capital outside ASCII (GeoNames' dotted transliteration)
    ("Al Ṭāhir Jadīd", ["al-Ṭāhir Jadīd", "el-Ṭāhir Jadīd"]),
    ("Al-Mazra'a", ["al-Mazra'a", "el-Mazra'a"]),
])
def test_a_town_named_with_the_article_gives_its_lower_case_article_forms(build_exonyms, place, forms):
    assert build_exonyms.article_town_forms(place) == forms


@pytest.mark.parametrize("place", ["Alexandria", "Al qarya", "El Ḩamrā ash sharqi", "Elbasan"])
def test_a_name_that_is_no_article_and_capitalised_town_gives_no_article_forms(build_exonyms, place):
    assert build_exonyms.article_town_forms(place) == []


def test_the_article_towns_cities_csv_leaves_out_are_read_with_the_article_in_lower_case(build_exonyms):
    towns = read_data_csv("arabic_article_towns.csv")
    cities = {row["place"] for row in read_data_csv("cities.csv")}
    assert towns and not cities & {row["place"] for row in towns}   # only the towns cities.csv does not hold
    table = gazetteer()
    for row in towns:
        assert row["iso3"] in build_exonyms.ARABIC_SPEAKING
        readings = {table[_key(form)].iso3 for form in build_exonyms.article_town_forms(row["place"])
                    if _key(form) in table}
        assert readings == {row["iso3"]}, row


# -- fuzzy_blocked.csv: common words near a hand-kept name (build_fuzzy_blocked.py, hand-kept names only) ---------

def test_a_common_word_one_edit_from_a_hand_kept_name_is_no_country_outside_a_route():
    assert _named("Ze kocht een pak Persil en waste de kleren.") == []   # a washing powder, not Persia
    assert _named("We reisden via Persil naar Turkije.") == ["IRN", "TUR"]   # after a travel word: a misspelling


def test_fuzzy_blocked_lists_words_near_hand_kept_names_only():
    table = gazetteer()
    rows = read_data_csv("fuzzy_blocked.csv")
    assert rows and all(not table[row["near"]].capitalised for row in rows)   # no generated (capital-only) name
    assert all(row["word"] not in table for row in rows)   # a name of its own is matched exactly, never blocked


# -- which reading wins when two generated names fold alike (build_exonyms.SECOND_TIER) ------------------------

def test_an_arabic_script_country_name_is_not_displaced_by_a_smaller_languages_city(build_exonyms):
    assert {"kab", "ak", "ka", "hy", "tg"} <= build_exonyms.SECOND_TIER
    assert build_exonyms.SECOND_TIER <= set(build_exonyms.LATIN + build_exonyms.CYRILLIC + build_exonyms.OTHER_SCRIPTS)
    place = gazetteer()[_key("كویت")]
    assert (place.iso3, place.kind, place.case_sensitive) == ("KWT", "country", "كویت")
    assert _named("Hij werkte drie jaar in كویت als kok.") == ["KWT"]
