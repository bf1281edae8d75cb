"""Grades of changes and findings: which evidence gives which grade, with the reason in nl and en."""

from __future__ import annotations

import pytest

from routekit.estimate.grades import EU_BORDER, Check, change_grade, finding_grade

EUROSTAT = Check("Eurostat's published first-time applicants in NL", "de door Eurostat gepubliceerde eerste asielaanvragers in NL", 0, 0)


def _check(public: int, ours: int) -> Check:
    return Check(EUROSTAT.label_en, EUROSTAT.label_nl, public, ours)


@pytest.mark.parametrize("directions, checks, grade", [
    ({"border_observation": 1, "self_reported": 1}, [], "confirmed"),
    ({"border_observation": 1, EU_BORDER: 1}, [], "confirmed"),
    ({"border_observation": 1, "self_reported": 0}, [], "single_source"),
    ({"self_reported": 1}, [_check(1, 1)], "single_source"),  # the same registrations are no second kind
    ({"self_reported": -1}, [_check(1, -1)], "contradicted"),
    ({"border_observation": 1, "fingerprint": -1}, [], "contradicted"),
    ({"border_observation": 0, "self_reported": 0}, [], "single_source"),
])
def test_change_grade(directions, checks, grade):
    graded = change_grade(directions, checks)
    assert graded.grade == grade
    assert graded.reason_en and graded.reason_nl and graded.reason_en != graded.reason_nl


@pytest.mark.parametrize("level, sign, directions, grade, en, nl", [
    ("confirmed", 1, {"border_observation": 1, "self_reported": 1}, "confirmed", "as observation", "zoals waarneming"),
    ("indicative", 1, {"border_observation": 1, "self_reported": 1}, "indicative", "not confirmed in 2025-05",
     "niet bevestigd in 2025-05"),
    ("confirmed", 1, {"border_observation": 1, "self_reported": 0}, "single_source", "only observation",
     "alleen waarneming"),
    ("confirmed", 1, {"border_observation": 0}, "indicative", "only with the sources pooled", "bronnen samen"),
    ("confirmed", -1, {"border_observation": -1, EU_BORDER: 1}, "contradicted", "against a rise in detections",
     "tegen een stijging in detecties"),
    ("confirmed", 0, {"border_observation": 1, "self_reported": -1}, "contradicted", "up in observation",
     "stijging in waarneming"),
    ("confirmed", 0, {"border_observation": 1}, "confirmed", "no significant change in the estimate",
     "geen significante verandering"),
    ("indicative", 0, None, "indicative", "not assessed", "niet beoordeeld"),
])
def test_finding_grade(level, sign, directions, grade, en, nl):
    graded = finding_grade(level, sign, directions, weak_months=["2025-05"] if level != "confirmed" else [])
    assert graded.grade == grade
    assert en in graded.reason_en and nl in graded.reason_nl
    assert graded.reason("nl") == graded.reason_nl and graded.reason("en") == graded.reason_en
