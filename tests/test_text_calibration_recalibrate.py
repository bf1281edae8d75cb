"""Recalibration on a set no rule was tuned on (benchmarks/text_calibrate.py --recalibrate-on): a fit that is
over-confident on a new writer's records is mapped so that its confidence matches that set, keeping the ranking."""

from __future__ import annotations

import math
import sys
from pathlib import Path

import numpy as np
import pytest

from routekit.text.calibration import FEATURE_NAMES

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def calibrate_module():
    sys.path.insert(0, str(ROOT / "benchmarks"))
    try:
        import text_calibrate
    finally:
        sys.path.remove(str(ROOT / "benchmarks"))
    return text_calibrate


def _model(intercept: float, weight: float) -> dict:
    weights = dict.fromkeys(FEATURE_NAMES, 0.0)
    weights[FEATURE_NAMES[0]] = weight
    return {"intercept": intercept, "weights": weights, "no_route": {"no_place": 0.5, "one_country": 0.5}, "tau": 0.0}


def _new_writer_rows(module, n: int = 600, seed: int = 4):
    """Rows whose true chance is logistic(0.2 - 0.9 x): harder than a fit that says logistic(2.0 - 0.9 x)."""
    rng = np.random.default_rng(seed)
    rows = []
    for i in range(n):
        x = float(rng.integers(0, 4))
        features = (x,) + (0.0,) * (len(FEATURE_NAMES) - 1)
        exact = bool(rng.random() < 1 / (1 + math.exp(-(0.2 - 0.9 * x))))
        rows.append(module.Row("new", str(i), features, "", exact))
    return rows


def test_an_over_confident_fit_is_brought_to_the_new_writers_rate(calibrate_module):
    rows = _new_writer_rows(calibrate_module)
    over = _model(2.0, -0.9)
    before = np.mean([calibrate_module.confidence(over, r) for r in rows])
    mapped, offset, slope = calibrate_module.recalibrate(over, rows)
    after = np.mean([calibrate_module.confidence(mapped, r) for r in rows])
    rate = np.mean([r.exact for r in rows])
    assert before - rate > 0.2                      # the fit was far too sure of itself
    assert abs(after - rate) < 0.02                 # now it says what the new writer's rows show
    assert slope > 0 and offset < 0
    assert mapped["weights"][FEATURE_NAMES[0]] < 0  # ranking and sign kept
    assert mapped["intercept"] == pytest.approx(offset + slope * 2.0, abs=1e-3)


def test_recalibration_is_deterministic_and_keeps_a_calibrated_fit(calibrate_module):
    rows = _new_writer_rows(calibrate_module)
    right = _model(0.2, -0.9)
    first = calibrate_module.recalibrate(right, rows)
    second = calibrate_module.recalibrate(right, rows)
    assert first == second
    _, offset, slope = first
    assert abs(offset) < 0.3 and abs(slope - 1.0) < 0.25   # little to correct when the fit is already right


def _capped_rows(module, name: str, n: int = 400, seed: int = 7, cap: float = 0.75):
    """Rows of a new writer whose records that look easy are right at most ``cap`` of the time."""
    rng = np.random.default_rng(seed)
    rows = []
    for i in range(n):
        x = float(rng.integers(0, 4))
        features = (x,) + (0.0,) * (len(FEATURE_NAMES) - 1)
        exact = bool(rng.random() < min(cap, 1 / (1 + math.exp(-(2.5 - 0.9 * x)))))
        rows.append(module.Row(name, str(i), features, "", exact))
    return rows


def test_a_slope_ridge_keeps_the_slope_near_one_and_fits_the_offset(calibrate_module):
    rows = _new_writer_rows(calibrate_module)
    over = _model(2.0, -0.9)
    free = calibrate_module.recalibrate(over, rows, calibrate_module.Recalibration())
    held = calibrate_module.recalibrate(over, rows, calibrate_module.Recalibration(slope_ridge=1e6))
    _, offset, slope = held
    assert slope == pytest.approx(1.0, abs=1e-3) and offset == pytest.approx(-1.8, abs=0.3)
    assert held[0]["weights"][FEATURE_NAMES[0]] == pytest.approx(-0.9, abs=1e-3)
    assert "ceiling" not in free[0] and calibrate_module.Recalibration(slope_ridge=1e6).label() == "shift only"


def test_terms_get_a_weight_of_their_own_on_the_untuned_sets(calibrate_module):
    rng = np.random.default_rng(11)
    rows = []
    for i in range(800):   # the second feature lowers the chance on the new writer's set; the base fit ignores it
        a, b = float(rng.integers(0, 4)), float(rng.integers(0, 2))
        features = (a, b) + (0.0,) * (len(FEATURE_NAMES) - 2)
        exact = bool(rng.random() < 1 / (1 + math.exp(-(1.5 - 0.9 * a - 1.5 * b))))
        rows.append(calibrate_module.Row("new", str(i), features, "", exact))
    how = calibrate_module.Recalibration(terms=(FEATURE_NAMES[1],), term_ridge=1.0)
    mapped, _, slope = calibrate_module.recalibrate(_model(1.5, -0.9), rows, how)
    assert mapped["weights"][FEATURE_NAMES[1]] < -0.8
    assert mapped["weights"][FEATURE_NAMES[0]] == pytest.approx(-0.9 * slope, abs=1e-3)


def test_an_untuned_set_is_scored_by_a_recalibration_that_never_saw_it(calibrate_module):
    easy = _capped_rows(calibrate_module, "easy", cap=1.0)
    hard = _new_writer_rows(calibrate_module, n=400)
    hard = [calibrate_module.Row("hard", r.row_id, r.features, "", r.exact) for r in hard]
    hard2 = [calibrate_module.Row("hard2", r.row_id, r.features, "", r.exact)
             for r in _new_writer_rows(calibrate_module, 400, 9)]
    over = _model(2.5, -0.9)
    held = calibrate_module.leave_one_untuned_set_out(over, easy + hard + hard2, ["easy", "hard", "hard2"],
                                                      calibrate_module.Recalibration())
    assert set(held) == {"easy", "hard", "hard2"} and [r for r, _ in held["easy"]] == easy
    how = calibrate_module.Recalibration()
    assert [c for _, c in held["easy"]] == calibrate_module.recalibrated_confidences(over, hard + hard2, easy, how)
    in_sample = calibrate_module.recalibrated_confidences(over, easy + hard + hard2, easy, how)
    rate = np.mean([r.exact for r in easy])
    # the easy set, scored by a map fitted on the two hard sets only, looks harder than it is: it never saw itself
    assert np.mean([c for _, c in held["easy"]]) < np.mean(in_sample) - 0.1 < rate
    assert calibrate_module.log_loss(held["hard"]) < calibrate_module.log_loss(held["easy"])


def test_the_refit_stops_naming_a_missing_recalibration_set(calibrate_module, monkeypatch, capsys, tmp_path):
    missing = tmp_path / "extraction_hard_calib9.csv"
    monkeypatch.setattr(sys, "argv", ["text_calibrate.py", "--recalibrate-on", str(missing)])
    with pytest.raises(SystemExit) as stop:
        calibrate_module.main()
    assert stop.value.code == 2 and str(missing) in capsys.readouterr().err
    # by default every untuned calibration set the repository holds and the training sets (round 15), and only those
    from routekit.text.learned_fit import TRAIN_SETS

    calibration = set((ROOT / "tests" / "data").glob("extraction_hard_calib*.csv"))
    assert set(calibrate_module.RECALIBRATION_SETS) == calibration   # round 17: the training sets did not do as well
    assert set(calibrate_module.COMPARED_SETS) == calibration


def test_the_refit_refuses_to_recalibrate_on_a_set_kept_for_evaluation(calibrate_module, monkeypatch, capsys,
                                                                        tmp_path):
    kept = tmp_path / "extraction_hard_untouched9.csv"
    kept.write_text("id,text,route\n", encoding="utf-8")   # an empty stand-in: the refit must stop before reading
    monkeypatch.setattr(sys, "argv", ["text_calibrate.py", "--recalibrate-on", str(kept)])
    with pytest.raises(SystemExit) as stop:
        calibrate_module.main()
    assert stop.value.code == 2 and "evaluation only" in capsys.readouterr().err
