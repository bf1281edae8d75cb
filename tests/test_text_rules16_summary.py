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
