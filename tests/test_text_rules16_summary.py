"""Round 16, case officers' interview summaries: hand-written texts (Dutch and English), one test per kind."""

from __future__ import annotations

from routekit.text import extract_route


def _route(text: str) -> list[str]:
    return list(extract_route(text).route)


# -- the subject's nationality in brackets after the subject word is the start ----------------------------------------

def test_a_bracketed_nationality_after_the_subject_word_is_the_start():
    text = ("Samenvatting nader gehoor. Betrokkene (Syrisch, 1994) reisde met een smokkelaar naar Turkije en vandaar "
            "per boot naar Griekenland. Daarna reisde hij met de trein via Duitsland naar Nederland.")
    assert _route(text) == ["SYR", "TUR", "GRC", "DEU", "NLD"]


def test_a_bracketed_nationality_with_a_person_noun_is_the_start():
    text = ("Summary of the main interview. The applicant (Eritrean man, 24) walked into Sudan in 2021. He flew from "
            "Khartoum to Istanbul, crossed to Greece by boat and travelled on to the Netherlands by train.")
    assert _route(text) == ["ERI", "SDN", "TUR", "GRC", "NLD"]


def test_a_bracketed_nationality_is_no_start_when_the_person_lived_elsewhere():
    # he lived in Lebanon: the journey starts where he lived, not in the country of his passport
    text = ("Samenvatting gehoor. Betrokkene (Syrisch, 1990) woonde sinds 2015 in Beiroet. In 2022 vloog hij naar "
            "Turkije en reisde via Griekenland naar Nederland.")
    assert _route(text)[0] == "LBN"


def test_a_relatives_bracketed_nationality_is_not_the_subjects():
    text = ("Samenvatting gehoor. Zijn broer (Syrisch) bracht hem naar Turkije. Hij nam een boot naar Griekenland en "
            "reisde via Duitsland naar Nederland.")
    assert _route(text)[0] != "SYR"


# -- a stay verb with a time and company phrase before its place ("woonde sinds 2013 met zijn ouders in") ------------

def test_lived_since_a_year_with_the_parents_in_a_country_contradicts_the_birth_country():
    text = ("Samenvatting gehoor. Betrokkene is geboren in Syrie en woonde sinds 2013 met zijn ouders in Jordanie. In "
            "2022 vloog hij naar Turkije en reisde via Griekenland naar Nederland.")
    assert _route(text) == ["JOR", "TUR", "GRC", "NLD"]


def test_lived_for_the_last_years_in_a_town_contradicts_the_birth_country():
    text = ("Samenvatting gehoor. Betrokkene werd in 1998 in Damascus geboren. Hij woonde de laatste tien jaar in "
            "Amman. In 2022 vloog hij naar Turkije en reisde via Griekenland naar Nederland.")
    assert _route(text) == ["JOR", "TUR", "GRC", "NLD"]


def test_lived_from_a_year_with_relatives_in_english():
    text = ("Summary of the main interview. The applicant was born in Syria and lived from 2013 with his parents in "
            "Jordan. In 2022 he flew to Turkey and travelled through Greece to the Netherlands.")
    assert _route(text) == ["JOR", "TUR", "GRC", "NLD"]


def test_a_relative_who_lived_long_somewhere_is_still_no_stop():
    text = ("Samenvatting gehoor. Betrokkene vertrok in 2021 uit Herat naar Iran. Zijn broer woonde de laatste tien "
            "jaar in Zweden. Via Turkije en Griekenland kwam hij naar Nederland.")
    assert "SWE" not in _route(text)


# -- a refugee camp between a cue and its place ("geboren in vluchtelingenkamp Kakuma") -------------------------------

def test_born_in_a_named_refugee_camp_is_the_birth_not_a_stop_before_the_residence():
    text = ("Samenvatting gehoor. Betrokkene is geboren in vluchtelingenkamp Kakuma en woonde daarna in Juba. In 2022 "
            "vloog hij naar Turkije en reisde via Griekenland naar Nederland.")
    assert _route(text) == ["SSD", "TUR", "GRC", "NLD"]

