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
