"""Round 20: names (exonyms, transliterations, shared city names, a city or region as the only clue).

Kind fixed here (word lists in ``reference/gazetteer/``):
- a relative named together with the person, "drove him and his family from Aleppo into Turkey", "bracht hem en
  zijn familie van Aleppo naar Turkije": they travelled together (cues.yaml word_lists ``companion_pairs``), as
  with "met mijn broer" / "with my family"; the city left is the start, not the family's home. (The Dutch wording
  was already read so: its example is a guard.)
- a record's city shorthand, "per Flixbus uit Bxl", "naar R'dam", "from Bxl" (abbreviations.csv, written out
  before the rules read the text).
- transliterated and regional names standing for a country (places.csv): "Kalabriya" (Calabria, ITA), "Kriti"
  (Crete, GRC), "the Darién" (the Panama jungle, PAN).

Tried and dropped (train-neutral or negative; see the text README, round 20): a perfect "having/had come from
Italy" read as a country travelled, not an origin ('having' alone train 0/0; with 'had' train27-53 0/2); an
inverted or 'otherwise' counterfactual ("Had they reached Italy, he would have ...", "anders was hij naar Zweden
gegaan", "Otherwise he would have gone to Sweden") as a conditional (train 0/0); "found before boarding for
Harwich" / "voor het inschepen naar" as an intention (train 0/0).

Texts written for these tests (not taken from any set)."""

from __future__ import annotations

import pytest

from routekit.text.extraction import extract_route


def _route(text: str) -> str:
    return ">".join(extract_route(text).route)


TOGETHER_WITH_A_RELATIVE = [
    ("A smuggler drove him and his family from Aleppo into Turkey. From Izmir they went by boat to Greece.",
     "SYR>TUR>GRC"),
    ("De smokkelaar reed mij en mijn familie van Kandahar naar Iran. Vanuit Teheran liepen we naar Turkije.",
     "AFG>IRN>TUR"),
]


@pytest.mark.parametrize("text,route", TOGETHER_WITH_A_RELATIVE)
def test_a_relative_named_with_the_person_travelled_along(text: str, route: str) -> None:
    assert _route(text) == route


RELATIVE_ELSEWHERE = [
    # a relative after a plain 'and' between clauses still lives elsewhere (guard)
    ("I went to Italy and my family lives in Sweden. Then I took the train to the Netherlands.", "ITA>NLD"),
    ("Ik ging naar Italië en mijn broer woont in Zweden. Daarna nam ik de trein naar Nederland.", "ITA>NLD"),
]


@pytest.mark.parametrize("text,route", RELATIVE_ELSEWHERE)
def test_a_relative_in_another_clause_stays_elsewhere(text: str, route: str) -> None:
    assert _route(text) == route


CITY_SHORTHAND = [
    ("Verd. verklaarde dat hij met de trein uit Bxl naar A'dam was gereisd.", "BEL>NLD"),
    ("KMar check at Hazeldonk: the suspect stated he had come by Flixbus from Bxl.", "BEL>NLD"),
]


@pytest.mark.parametrize("text,route", CITY_SHORTHAND)
def test_a_city_shorthand_is_the_city(text: str, route: str) -> None:
    assert _route(text) == route


REGION_NAMES = [
    ("Vertaling uit het Arabisch: 'Vanuit Zuwara voeren we naar Kalabriya, daarna met de trein naar Frankrijk.'",
     "LBY>ITA>FRA>NLD"),
    ("Translation from Arabic: 'From Tobruk the boat went to Kriti, then we flew from Athens to Brussels.'",
     "LBY>GRC>BEL>NLD"),
    ("He walked from Colombia through the Darién for nine days and then took buses to Mexico.", "COL>PAN>MEX"),
]


@pytest.mark.parametrize("text,route", REGION_NAMES)
def test_a_transliterated_or_regional_name_is_its_country(text: str, route: str) -> None:
    assert _route(text) == route
