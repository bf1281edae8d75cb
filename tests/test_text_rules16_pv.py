"""Round 16, police reports (proces-verbaal): the suspect's own quoted words before the officer's note in one
sentence, ... Invented sentences."""

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
