"""Findings read as sentences with the report's number and period formats."""
from __future__ import annotations

import pandas as pd
import pytest

from routekit.report.findings import finding_sentence
from routekit.report.i18n import format_period_label

ROW = dict(rank=1, period="2025-10/2025-12", baseline_period="2025-07/2025-09", topic="corridor",
           category="central_med", estimate=1045.0, lower=901.0, upper=1691.0, change_ratio=0.78,
           change_lower=0.66, change_upper=0.95, significant=True, grade="confirmed",
           reason_en="the estimate falls, as fingerprint registration shows; more",
           reason_nl="de schatting daalt, zoals vingerafdrukregistratie laat zien; meer", stale=False)


def _row(**changes):
    return next(pd.DataFrame([{**ROW, **changes}]).itertuples(index=False))


@pytest.mark.parametrize("label,lang,expected", [
    ("2025-07/2025-09", "nl", "3e kwartaal 2025"), ("2025-07/2025-09", "en", "Q3 2025"),
    ("2025-02/2025-04", "nl", "februari 2025 t/m april 2025"), ("2025-07", "en", "July 2025"),
    ("2024-01/2024-12", "nl", "2024"), ("not a period", "nl", "not a period"),
])
def test_period_labels_in_words(label, lang, expected):
    assert format_period_label(label, lang) == expected


def test_a_finding_in_dutch_has_dutch_numbers_period_and_the_first_reason():
    text = finding_sentence(_row(), "nl")
    assert text.startswith("**Centrale Middellandse Zee**: geschat 1.045 reizen (95%-interval 901–1.691)")
    assert "22% minder dan in het 3e kwartaal 2025" in text and "×0,66 tot ×0,95; significant" in text
    assert text.endswith("Oordeel: bevestigd – de schatting daalt, zoals vingerafdrukregistratie laat zien.")
    assert "2025-07" not in text and "meer" not in text.split("–")[-1]


def test_a_finding_in_english_rising_not_significant_has_no_reason_and_notes_staleness():
    text = finding_sentence(_row(change_ratio=1.3, significant=False, grade="indicative", stale=True), "en")
    assert "an estimated 1,045 journeys (95% interval 901–1,691), 30% more than in Q3 2025" in text
    assert "not significant). Grade: indicative." in text and "fingerprint" not in text
    assert text.endswith("Note: rests on interviews not yet complete.")
