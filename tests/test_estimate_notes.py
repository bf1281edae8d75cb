"""The estimate stage writes its notes as codes with values, and its English from the same notes."""

import math

import pandas as pd

from routekit.contracts.notes import Note, dumps, english, loads
from routekit.estimate.grades import estimate_grade
from routekit.estimate.pipeline import _publishable


def test_a_small_count_seen_is_blanked_and_says_so_in_codes_and_english():
    notes = [Note.of("kinds_overlap", kinds=["border_observation", "self_reported"])]
    frame = pd.DataFrame({"observed": [3.0, 40.0], "estimate": [30.0, 60.0], "note": [english(notes)] * 2,
                          "note_codes": [dumps(notes)] * 2})
    out = _publishable(frame, 10)
    assert math.isnan(out.loc[0, "observed"]) and out.loc[1, "observed"] == 40.0
    assert [n.code for n in loads(out.loc[0, "note_codes"])] == ["kinds_overlap", "small_seen_hidden"]
    assert out.loc[0, "note"] == english(notes) + "; fewer than 10 persons seen: not shown"
    assert out.loc[1, "note_codes"] == dumps(notes) and out.loc[1, "note"] == english(notes)


def test_grades_say_why_as_notes_and_a_refusal_that_says_why_gets_no_second_reason():
    grade, why = estimate_grade(True, 100.0, 60.0, 300.0, ["self_reported", "fingerprint"])
    assert grade == "indicative" and [(n.code, round(n.values["share"], 2)) for n in why] == [("wide_interval", 2.4)]
    assert estimate_grade(False, float("nan"), float("nan"), float("nan"), [], explained=True) == ("not_estimable", [])
    assert [n.code for n in estimate_grade(False, float("nan"), 0, 0, [])[1]] == ["no_estimate"]
    grade, why = estimate_grade(True, 100.0, 90.0, 110.0, ["self_reported", "fingerprint", "self_reported"])
    assert grade == "confirmed" and why[0].values == {"kinds": ["fingerprint", "self_reported"]}
    assert why[0].english == "2 independent kinds of source overlap (fingerprint, self_reported)"
