"""Estimate notes: codes with values from the estimate stage, words from the report's i18n.yaml."""

import ast
from pathlib import Path

import pytest

from routekit.contracts.notes import CODES, NOTE_COLUMN, Note, dumps, english, loads
from routekit.errors import InputError
from routekit.report import i18n
from routekit.report.notes import VALUE_FORMATS, note_in, note_text

ESTIMATE = Path(__file__).resolve().parents[1] / "routekit" / "estimate"

#: one note per code, with values like the estimate stage's (a new code needs one here)
SAMPLES = {
    "rows_unmarked": {}, "sources_left_out": {"sources": ["eurodac", "mobility"]}, "dropped_sources_only": {},
    "fewer_than_two_sources": {"sources": ["police"]},
    "one_list_besides_registration": {"lists": ["police"], "complete": ["ind"]},
    "complete_registration": {"complete": ["ind"], "lists": ["kmar", "police"]},
    "assumed_independent": {"a": "kmar", "b": "police"},
    "dependence_range": {"a": "kmar", "b": "police", "ratio": 1.0, "low": 1 / 3, "high": 3.0},
    "shared_rate": {"sources": ["police"], "factor": 2.0},
    "too_little_overlap": {"outside": ["ind"], "n": 1.0, "k": 3}, "no_model_fitted": {},
    "no_upper_bound": {"max_ratio": 50.0}, "bootstrap_unbounded": {"share": 14 / 99},
    "suppressed_cells": {"n": 3, "weight": 0.25}, "withheld_cells": {"n": 2},
    "release_missing": {"sources": ["ind", "kmar"]}, "link_not_modelled": {"error": "cell seen by ind & kmar"},
    "not_estimable_in": {"months": ["2025-10", "2025-11"]}, "zero_months": {"months": ["2025-04"]},
    "no_draws": {}, "not_estimable_all": {}, "no_estimate": {}, "one_kind": {"kinds": ["self_reported"]},
    "no_interval": {}, "wide_interval": {"share": 1.234},
    "kinds_overlap": {"kinds": ["border_observation", "self_reported"]}, "small_seen_hidden": {"threshold": 10},
}


def _emitted_codes() -> set[str]:
    """Every code the estimate stage's source writes with ``Note.of("code", ...)``."""
    codes = set()
    for path in ESTIMATE.glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and getattr(node.func, "attr", "") == "of" \
                    and getattr(node.func.value, "id", "") == "Note" and node.args:
                codes.add(node.args[0].value)
    return codes


def test_every_code_the_estimate_stage_writes_has_dutch_and_english_words():
    emitted = _emitted_codes()
    assert {"dependence_range", "bootstrap_unbounded", "small_seen_hidden", "kinds_overlap"} <= emitted
    assert emitted <= set(CODES), f"codes without an entry in CODES: {sorted(emitted - set(CODES))}"
    texts = i18n.strings()
    missing = [f"note.{code} ({lang})" for code in emitted for lang in i18n.LANGUAGES
               if not texts.get(f"note.{code}", {}).get(lang)]
    assert not missing, f"note codes without words in report/assets/i18n.yaml: {missing}"
    assert set(SAMPLES) == set(CODES)
    assert {name for names, _ in CODES.values() for name in names} <= set(VALUE_FORMATS)


@pytest.mark.parametrize("code", sorted(CODES))
def test_each_code_renders_in_both_languages_and_the_english_reads_as_the_estimate_stage(code):
    note = Note.of(code, **SAMPLES[code])
    dutch, english_ = note_text(note, "nl"), note_text(note, "en")
    assert dutch and "{" not in dutch and "{" not in english_
    assert english_ == note.english  # the report's English is the estimate stage's wording (outputs unchanged)


def test_values_are_worded_and_numbers_formatted_for_the_reader():
    notes = [Note.of("kinds_overlap", kinds=["border_observation", "self_reported"]),
             Note.of("dependence_range", a="kmar", b="police", ratio=1.0, low=1 / 3, high=3.0),
             Note.of("complete_registration", complete=["ind"], lists=["kmar", "police"]),
             Note.of("bootstrap_unbounded", share=14 / 99), Note.of("not_estimable_in", months=["2025-10", "2025-11"])]
    cell = dumps(notes)
    dutch = note_in(cell, "nl")
    assert dutch.startswith("2 onafhankelijke soorten bronnen overlappen (grenswaarneming, eigen verklaring); "
                            "de samenhang tussen KMar en politie is uit twee lijsten niet te schatten: odds ratio "
                            "aangenomen als 1, een bereik van 0,333 tot 3 (95%) zit in het interval; ")
    assert "geschat uit KMar en politie bij de personen daarbuiten" in dutch
    assert "in 14% van de bootstrap-herhalingen" in dutch and dutch.endswith("niet te schatten in 2025-10, 2025-11")
    assert note_in(cell, "en") == english(notes)
    assert note_in(float("nan"), "nl") == "" and note_in("[]", "en") == ""


def test_notes_travel_as_json_and_a_malformed_cell_is_one_line_naming_the_field():
    notes = [Note.of("suppressed_cells", n=3, weight=0.0), Note.of("small_seen_hidden", threshold=10)]
    assert loads(dumps(notes)) == notes
    assert '"code": "suppressed_cells"' in dumps(notes)
    with pytest.raises(InputError, match=f"estimates.csv, row 4, field '{NOTE_COLUMN}'"):
        loads("fewer than 10 persons seen", "estimates.csv", row=4)
    with pytest.raises(InputError, match="unknown note code"):
        loads('[{"code": "brand_new"}]', "estimates.csv")
    with pytest.raises(ValueError, match="carries"):
        Note.of("dependence_range", a="kmar")


def test_the_report_reads_no_english_back():
    source = (Path(__file__).resolve().parents[1] / "routekit" / "report" / "notes.py").read_text(encoding="utf-8")
    assert "import re" not in source and "PATTERNS" not in source
