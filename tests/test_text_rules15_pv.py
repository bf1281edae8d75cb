"""Round 15, police reports (proces-verbaal): the subject's nationality as the start of a journey. Invented
sentences."""

from __future__ import annotations

import pytest

from routekit.text.extraction import extract_route


def _route(text: str) -> tuple[str, ...]:
    return tuple(extract_route(text).route)


@pytest.mark.parametrize("text", [
    # the first country is reached first, and left later on: the journey still starts in the nationality's country
    "Police report. Subject, an Eritrean national, walked to Sudan and a month later flew from Khartoum to Amsterdam.",
    "Proces-verbaal. Betrokkene, een Eritrese vrouw, liep naar Soedan en vloog later vanuit Khartoem naar Amsterdam.",
])
def test_a_first_country_left_after_it_was_reached_keeps_the_nationality_as_start(text):
    assert _route(text) == ("ERI", "SDN", "NLD")


@pytest.mark.parametrize("text", [
    # the journey told as starting in the first country: no nationality before it
    "Police report. Subject, an Eritrean national, flew from Khartoum to Amsterdam after three years in Sudan.",
    "Proces-verbaal. Betrokkene, een Eritrese vrouw, vloog vanuit Khartoem naar Amsterdam.",
])
def test_a_first_country_told_first_as_left_stays_the_start(text):
    assert _route(text) == ("SDN", "NLD")


@pytest.mark.parametrize("text", [
    # a stay told after a later country is that country's, not where the journey began
    "Police report. Subject, an Eritrean national, walked to Sudan and flew to Cairo. He lived in Alexandria for a "
    "year. Then he flew to Amsterdam.",
    "Proces-verbaal. Betrokkene, een Eritrese vrouw, liep naar Soedan en vloog naar Caïro. Zij woonde een jaar in "
    "Alexandrië. Daarna vloog zij naar Amsterdam.",
])
def test_a_stay_in_a_later_country_keeps_the_nationality_as_start(text):
    assert _route(text) == ("ERI", "SDN", "EGY", "NLD")


@pytest.mark.parametrize("text", [
    # a stay told before any later country: the journey starts where the person stayed
    "Police report. Subject, an Eritrean national, lived for years in Sudan and then flew to Amsterdam.",
])
def test_a_stay_before_the_later_countries_is_the_start(text):
    assert _route(text) == ("SDN", "NLD")


def test_a_nationality_abbreviation_ending_a_sentence_keeps_its_full_stop():
    from routekit.text.document import expand_abbreviations

    assert expand_abbreviations("Betr. A., Iraanse nat. De bestuurder zweeg.") == (
        "Betrokkene A., Iraanse nationaliteit. De bestuurder zweeg.")
    # a code after it, or a comma, continues the phrase
    assert expand_abbreviations("Betr. A., nat. IRQ. Zij zweeg, Iraanse nat., geb. 1990.") == (
        "Betrokkene A., nationaliteit IRQ. Zij zweeg, Iraanse nationaliteit, geboren 1990.")


def test_another_persons_statement_after_the_subjects_nationality_is_not_the_subjects():
    text = ("Proces-verbaal van bevindingen, Zeehavenpolitie. Bij controle van een oplegger troffen wij twee mannen aan. "
            "Dit pv betreft betr. 1, Iraakse nat. De chauffeur, PL-nat., verklaarde de lading in Polen te hebben "
            "geladen. Betr. 1 verklaarde dat hij bij Keulen in de oplegger was geklommen. Daarvoor: van Bagdad naar "
            "Istanbul gevlogen en via Bulgarije naar Duitsland.")
    assert "POL" not in _route(text)
