"""Several persons in one record: only the subject's route counts (routekit.text.subject)."""

import pytest

from routekit.text import extract_route
from routekit.text.subject import subject_sentences


def route(text: str) -> str:
    return extract_route(text).route_text


@pytest.mark.parametrize("text, expected", [
    # a numbered subject; the other numbered persons and the driver are dropped
    ("Op de A2 trof verbalisant in Maastricht een bestelbus aan met drie personen. Dit pv betreft betr. 3. "
     "Betr. 1 en 2 verklaarden via Libië en Italië te zijn gekomen. Betr. 3 verklaarde dat hij vanuit Irak naar "
     "Turkije en per boot naar Griekenland reisde, en verder via Servië naar Hongarije. De bestuurder verklaarde "
     "uit Polen te komen.", "IRQ>TUR>GRC>SRB>HUN>NLD"),
    # an ordinal subject ("the second man") and ordinal others
    ("Report of a check at Venlo. This report concerns only the second man. He stated he had come from Morocco "
     "to Spain by boat and then by bus to France and Germany. The first man said he was from Algeria; the third "
     "man stated he came from Tunisia.", "MAR>ESP>FRA>DEU>NLD"),
    # the declaration after the person ("De ene, ..., op wie deze notitie betrekking heeft")
    ("Controle bij Venlo. Twee mannen in een vrachtwagen. De ene, op wie deze notitie betrekking heeft, verklaarde "
     "vanuit Italië via Oostenrijk en Duitsland te zijn gekomen. De andere man verklaarde uit Tunesië te komen.",
     "ITA>AUT>DEU>NLD"),
    # a subject named by role; a relative's own journey is not the subject's
    ("Corrections concerning the minor client. His mother flew from Tehran to Amsterdam via Istanbul. My client "
     "walked from Iran into Turkey, took a boat to Lesbos and came by train from Italy to the Netherlands.",
     "IRN>TUR>GRC>ITA>NLD"),
])
def test_only_the_subjects_route_counts(text, expected):
    assert route(text) == expected


@pytest.mark.parametrize("text", [
    # no declaration, no numbered persons
    "Mijn broer en ik vertrokken uit Syrië. De bestuurder bracht ons naar Turkije.",
    # travelling together is not another person's route
    "Dit verslag betreft betrokkene. Haar man en zij reisden samen via Griekenland naar Nederland.",
])
def test_records_about_one_person_pass_unchanged(text):
    assert subject_sentences(text) == text


def test_an_initial_does_not_end_the_sentence_about_another_person():
    text = ("Official report concerning B. Tesfaye, found in a car at the Kerkrade border crossing. The driver stated "
            "that he picked B. up in Aachen. B. stated that she flew from Addis Ababa to Rome and took a train to "
            "Germany.")
    assert "Aachen" not in subject_sentences(text)
    assert route(text) == "ETH>ITA>DEU>NLD"
