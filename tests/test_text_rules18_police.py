"""Round 18, police reports and KMar notes: a place the officer or the person takes back in the record itself.
Invented sentences."""

from __future__ import annotations

import pytest

from learned_helpers import rules_only
from routekit.text.extraction import extract_route


def _rules_route(text: str) -> tuple[str, ...]:
    with rules_only():
        return tuple(extract_route(text).route)


@pytest.mark.parametrize("text, taken_back", [
    # a place doubted with a question mark and then corrected by a dash and a correction word
    ("KMar note. Subject stated: left Oran, boat to Almeria, then train via Italy? - corrected: from Spain straight "
     "to France by bus, then to Venlo.", "ITA"),
    ("Pv van bevindingen. Betr. verklaarde: boot naar Almería, daarna via Italië? - gecorrigeerd: met de bus "
     "rechtstreeks naar Frankrijk en met de trein naar Venlo.", "ITA"),
    # a list doubted as a whole before the 'no': every place of it, not only the last
    ("Pv van bevindingen. Betr. verklaarde dat hij via Tunesië en Libië? Nee, via Egypte naar Italië was gevaren. "
     "Daarna trein naar Venlo.", "TUN"),
])
def test_a_place_doubted_and_corrected_is_no_stop(text, taken_back):
    assert taken_back not in _rules_route(text)


@pytest.mark.parametrize("text, kept", [
    # the place named again in the correction stays
    ("KMar Schiphol. Betr. verklaarde dat hij via Bogotá en Caracas? Nee, via Bogotá naar Madrid was gevlogen.",
     ("COL", "ESP", "NLD")),
])
def test_a_place_restated_in_the_correction_stays(text, kept):
    assert _rules_route(text) == kept


@pytest.mark.parametrize("text, other", [
    # a numbered person with a report of their own is not the record's subject; what they said goes with them
    ("Pv van bevindingen. Op het station werden twee personen gecontroleerd: betr. 1 en betr. 2. Van betr. 2 wordt "
     "afzonderlijk pv opgemaakt; hij verklaarde via Italië te zijn gereisd. Betr. 1 verklaarde: vlucht van Tunis naar "
     "Istanbul, daarna te voet naar Bulgarije en met de bus naar Venlo.", "ITA"),
    ("Official report. Two persons were checked at the station: person 1 and person 2. A separate report is drawn up "
     "of person 2; he stated he came via Italy. Person 1 stated: flight from Tunis to Istanbul, then on foot to "
     "Bulgaria and by bus to Venlo.", "ITA"),
    # a statement said to be recorded elsewhere ("his statement is recorded separately", "zie afzonderlijk pv") is
    # that other person's
    ("Official report. Subject stated: flight from Tunis to Istanbul, then on foot to Bulgaria and by bus to Venlo. "
     "Mr Farid K. stated he came via Italy; his statement is recorded separately.", "ITA"),
    ("Pv van bevindingen. Betr. verklaarde: vlucht van Tunis naar Istanbul, daarna te voet naar Bulgarije en met de "
     "bus naar Venlo. Farid K. verklaarde via Italië te zijn gekomen; dit wordt in een afzonderlijk pv vastgelegd.",
     "ITA"),
])
def test_a_person_reported_separately_is_not_the_subject(text, other):
    route = _rules_route(text)
    assert other not in route
    assert route[:3] == ("TUN", "TUR", "BGR")


def test_the_subject_told_after_a_separately_recorded_statement_stays():
    # the subject's own statement after a 'see separate report' clause about others
    text = ("Pv van bevindingen. Betr. 1 en 3 verklaarden via Italië te zijn gekomen; zie afzonderlijk pv. Dit pv "
            "betreft betr. 2. Betr. 2 verklaarde: vlucht van Tunis naar Istanbul, daarna met de bus naar Venlo.")
    assert _rules_route(text) == ("TUN", "TUR", "NLD")


@pytest.mark.parametrize("text", [
    # the subject declared by name, then given the number the record calls them by
    "Pv van bevindingen. In de bus zaten drie personen. Dit pv betreft Hamid A. (betr. 2), Marokkaanse nat. Betr. 2 "
    "verklaarde dat hij via Spanje en Frankrijk naar Venlo was gereisd. Betr. 1 verklaarde via Italië te zijn gekomen.",
    "Official report. Three persons were found in the van. This report concerns Mr Hamid A., hereinafter person 2. "
    "Person 2 stated that he travelled via Spain and France to Venlo. Person 1 stated he came via Italy.",
    "Pv van bevindingen. Dit pv betreft de verklaring van Hamid A., in dit pv verder betr. 2. Betr. 2 verklaarde dat "
    "hij via Spanje en Frankrijk naar Venlo was gereisd. Betr. 1 verklaarde via Italië te zijn gekomen.",
])
def test_a_subject_declared_by_name_and_then_numbered_is_that_number(text):
    assert _rules_route(text) == ("ESP", "FRA", "NLD")


def test_a_number_after_of_in_the_declaration_is_another_person():
    # "the passenger of suspect 1": the number belongs to the driver, not to the subject
    text = ("Official report. This report concerns Mr Hamid A., the passenger of suspect 1. He stated that he travelled "
            "via Spain and France to Venlo. Suspect 1 stated he drove from Milan via Italy.")
    assert "ITA" not in _rules_route(text)


@pytest.mark.parametrize("text, route", [
    # a home told in the sentence that later names where the person lived after reaching another country first: the
    # lived-in country is no rival start
    ("KMar note. He states he comes from Kharkiv and went by bus to Poland, then lived in Berlin.",
     ("UKR", "POL", "DEU", "NLD")),
    ("KMar-notitie. Betr. verklaart uit Charkiv te komen, met de bus naar Polen, daarna in Berlijn gewoond.",
     ("UKR", "POL", "DEU", "NLD")),
])
def test_a_home_stays_the_start_before_a_later_stay_in_its_sentence(text, route):
    assert _rules_route(text) == route


def test_a_home_with_a_stay_told_as_the_first_country_is_no_start():
    # "born in X but had lived in Y": the stay is where the told journey began
    text = "Hij is geboren in Mali maar had lang in Nouadhibou gewoond. Daarna met een boot naar Tenerife en naar Venlo."
    assert _rules_route(text)[0] == "MRT"
