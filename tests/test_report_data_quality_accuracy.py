"""Data-quality chapter: the route extraction's measured accuracy per source and the partner's review counts
(issue 15 item 4b). A small stand-in for ReportContext holds the manifests, so no report is built."""

from __future__ import annotations

from importlib import resources
from types import SimpleNamespace

import pandas as pd
import pytest
import yaml

from routekit.disclosure.gate import assert_publishable
from routekit.errors import DisclosureError
from routekit.report import tables
from routekit.report.chapters import data_quality

MANIFESTS = {
    "ind": {"text_review": {"corrections_file": "ind.corrections.csv", "extracted": 1200, "reviewed": 40,
                            "corrected": "<10"}},
    "police": {},
    "kmar": {"text_review": {"corrections_file": None, "extracted": 800, "reviewed": 0, "corrected": 0}},
    "eurodac": {},
}


def _ctx(language: str):
    return SimpleNamespace(sources=list(MANIFESTS), language=language, threshold=10,
                           manifest=lambda s: MANIFESTS[s], source_title=lambda s: s.upper())


def _reference() -> dict:
    text = resources.files("routekit.reference").joinpath("text_confusion.yaml").read_text(encoding="utf-8")
    return yaml.safe_load(text)["sources"]


@pytest.mark.parametrize("language", ["nl", "en"])
def test_accuracy_per_text_source_with_its_sets_and_the_review_counts(language):
    table = data_quality.extraction_accuracy_table(_ctx(language))
    words = {"nl": ("Bron", "Exacte route %", "Juiste corridor %", "Gelabelde teksten", "Beoordeeld door analist",
                    "Gecorrigeerd", "Evaluatiesets (teksten)"),
             "en": ("Source", "Exact route %", "Corridor agreement %", "Labelled texts", "Reviewed by an analyst",
                    "Corrected", "Evaluation sets (texts)")}[language]
    source, exact, corridor, labelled, reviewed, corrected, sets = words
    rows = table.set_index(source)
    assert list(rows.index) == ["IND", "POLICE", "KMAR"]   # in the report's source order; Eurodac has no text
    measured = _reference()
    for name in ("ind", "police", "kmar"):
        row = rows.loc[name.upper()]
        assert row[exact] == pytest.approx(100 * measured[name]["exact_route"], abs=0.05)
        assert row[corridor] == pytest.approx(100 * measured[name]["corridor_agreement"], abs=0.05)
        assert row[labelled] == measured[name]["rows"] == sum(measured[name]["sets"].values())
        # measured on the untuned sets only (benchmarks/text_confusion.py): never a tuned or an untouched set
        listed = [part.split(" (")[0] for part in row[sets].split(", ")]
        assert listed and all(name.startswith("hard_calib") for name in listed), row[sets]
    assert rows.loc["IND", reviewed] == 40 and rows.loc["IND", corrected] == "<10"
    assert rows.loc["KMAR", reviewed] == 0
    assert pd.isna(rows.loc["POLICE", reviewed])   # no review reported by the police
    assert_publishable(table, 10, "extraction_accuracy")   # the privacy gate lets it through
    page = tables.table_html(table, "extraction_accuracy.csv", "accuracy", language)
    assert "&lt;10" in page or "<10" in page


def test_the_labelled_figures_are_not_taken_for_counts_of_persons():
    table = data_quality.extraction_accuracy_table(_ctx("en"))
    assert {"Labelled texts", "Exact route %", "Corridor agreement %"} <= set(table.attrs["not_counts"])
    assert "Reviewed by an analyst" not in table.attrs["not_counts"]   # partner figures stay under the gate


def test_a_small_review_count_would_be_stopped_by_the_gate():
    manifests = {"ind": {"text_review": {"extracted": 1200, "reviewed": 3, "corrected": 0}}}
    ctx = SimpleNamespace(sources=["ind"], language="en", threshold=10, manifest=manifests.get,
                          source_title=str.upper)
    with pytest.raises(DisclosureError, match="below the threshold 10"):
        assert_publishable(data_quality.extraction_accuracy_table(ctx), 10, "extraction_accuracy")
