"""Round 14, translated statements: hand-written texts (Dutch and English), one test per kind."""

from __future__ import annotations

from routekit.text import extract_route
from routekit.text.gazetteer import find_places
from routekit.text.normalise import fold


def _route(text: str) -> list[str]:
    return list(extract_route(text).route)


def _named(text: str) -> list[str]:
    return [m.place.iso3 for m in find_places(text, fold(text))]


# -- a town one letter from a known town's name, where a leg starts or ends (gazetteer._town_misspelt) ----------

def test_a_hand_kept_town_one_letter_off_is_read_where_the_journey_starts():
    # "Kandahaar": the hand-kept Kandahar with the long vowel an interpreter writes
    text = ("Vertaling uit het Pashto (tolk 5120): 'Ik ben uit Kandahaar weggegaan met mijn oom. Met een smokkelaar "
            "naar Iran en te voet naar Turkije. Daarna met de boot naar Griekenland en met het vliegtuig naar "
            "Nederland.'")
    assert _route(text) == ["AFG", "IRN", "TUR", "GRC", "NLD"]


def test_a_generated_town_one_letter_off_is_read_where_the_journey_starts():
    # "Beledweine": GeoNames' Beledweyne (a generated town of cities.csv) as the interpreter spells it
    text = ("Translation from Somali: 'I am from Beledweine. I went by bus to Ethiopia and then to Sudan and Libya. "
            "From Libya a boat to Italy, and then by train to the Netherlands.'")
    assert _route(text) == ["SOM", "ETH", "SDN", "LBY", "ITA", "NLD"]


def test_a_generated_town_one_letter_off_is_read_where_a_leg_ends():
    assert _named("Daarna vlogen we naar Klaipeida.") == ["LTU"]
    assert _named("Then we drove to Klaipeida.") == ["LTU"]


def test_a_hand_kept_town_one_letter_off_is_read_after_in_a_generated_one_is_not():
    # a hand-kept town is chosen not to be a word or a name; a generated town has many GeoNames spellings, one letter
    # from other places' names ("born in Farchana camp" is Chad's camp, not Uzbekistan's Farghana)
    assert _named("Ik heb twee jaar in Khartuum gewerkt.") == ["SDN"]
    assert _named("We stayed a week in Beledweine.") == []
    assert _named("We went via Klaipeida.") == []


def test_a_word_one_letter_from_a_town_is_no_place_otherwise():
    # lower case, inside a person's name, shorter than seven letters, or with no leg word before it
    assert _named("I am from beledweine.") == []
    assert _named("The letter came from Beledweine Ahmed.") == []
    assert _named("Ik kom uit Herrat.") == []        # Herat, one letter off, but six letters: too many words are
    assert _named("Kandahaar is a big city.") == []
    # a given name or word one letter from a town ("Adriano", Sicily's Adrano): fuzzy_town_blocked.csv
    assert _named("I got the money from Adriano and went to Greece.") == ["GRC"]
