"""Round 16, police reports (proces-verbaal): the person's own quoted words before the officer's note in one
sentence, and the suspect in a record about the driver. Invented sentences."""

from __future__ import annotations

import pytest

from routekit.text.extraction import extract_route


def _route(text: str) -> tuple[str, ...]:
    return tuple(extract_route(text).route)


@pytest.mark.parametrize("text", [
    # a quotation closed by its full stop, then the officer's note in the same sentence (the closing quote after the
    # full stop does not end the sentence): the quoted places are the suspect's account, not procedure
    "Pv van verhoor. Verd. verklaarde: 'Ik ben in 2021 vanuit Tunesië met een boot naar Italië gegaan.' "
    "Verbalisant noteert dat verd. daarna met de trein naar Venlo reisde.",
    "Police report. Susp. stated: 'In 2021 I went from Tunisia to Italy by boat.' Officers found a train ticket "
    "from Milan to Venlo on him.",
])
def test_a_quotation_closed_before_the_officers_note_is_narrative(text):
    assert _route(text) == ("TUN", "ITA", "NLD")


@pytest.mark.parametrize("text", [
    # the procedural cue inside the quotation: the quotation is procedure too (a birthplace)
    "Pv van verhoor. Verd. verklaarde: 'Ik ben geboren te Sfax in Tunesië.' Verbalisant noteert dat verd. met de "
    "trein uit Milaan naar Venlo kwam.",
])
def test_a_quotation_holding_the_procedural_cue_stays_procedure(text):
    assert "TUN" not in _route(text)


@pytest.mark.parametrize("text", [
    # the record is about the driver; the suspect's statement is the driver's own (the one suspected of smuggling)
    "Proces-verbaal van bevindingen. Dit pv betreft de bestuurder van een bestelbus met Pools kenteken. Verdachte "
    "verklaarde dat hij in Warschau was vertrokken en via Duitsland naar Venlo was gereden.",
    "Official report. This report concerns the driver of a van stopped near Venlo. The suspect stated that he had "
    "left Warsaw and driven through Germany to Venlo.",
])
def test_the_suspect_in_a_record_about_the_driver_is_the_driver(text):
    assert _route(text) == ("POL", "DEU", "NLD")


@pytest.mark.parametrize("text", [
    # a record about a passenger: the suspect (the driver) tells his own way, not hers
    "Official report. This report concerns the passenger of a van stopped near Venlo. She stated she came from "
    "Spain. The suspect stated that he had travelled from Warsaw through Germany.",
])
def test_the_suspect_in_a_record_about_a_passenger_is_someone_else(text):
    assert "POL" not in _route(text)
