"""The refit (issue 15 item 2): monotone weights, a random intercept per set, determinism, the stored YAML."""

from __future__ import annotations

import math
import sys
from pathlib import Path

import numpy as np
import pytest
import yaml

from routekit.text.calibration import (FEATURE_NAMES, FITTED, LOWERING, CalibrationError, coefficients, fit,
                                       fit_marginal, read_model, write_model)

ROOT = Path(__file__).resolve().parents[1]


def _rows(seed: int = 3, sets: int = 6, per_set: int = 80, spread: float = 1.2):
    """Rows of several sets: exact falls with feature 0, rises by chance with feature 1, each set its own offset."""
    rng = np.random.default_rng(seed)
    vectors, exact, groups = [], [], []
    for s in range(sets):
        offset = spread * (s - (sets - 1) / 2) / sets * 2
        for _ in range(per_set):
            a, b = float(rng.integers(0, 3)), float(rng.integers(0, 2))
            z = 1.5 + offset - 1.0 * a + 0.8 * b
            vectors.append((a, b))
            exact.append(bool(rng.random() < 1 / (1 + math.exp(-z))))
            groups.append(f"set{s}")
    return vectors, exact, groups


def test_a_lowering_feature_never_gets_a_positive_weight():
    vectors, exact, _ = _rows()
    _, free = fit(vectors, exact, ridge=1.0)
    _, held = fit(vectors, exact, ridge=1.0, lowering=(1,))
    assert free[1] > 0.3                    # the data alone would raise the chance with feature 1
    assert held[1] <= 0.0 and held[1] == pytest.approx(0.0, abs=1e-6)
    assert held[0] < -0.5                   # the unconstrained feature keeps its sign


def test_a_random_intercept_shrinks_towards_one_half_by_the_sets_spread():
    vectors, exact, groups = _rows(spread=2.0)
    plain_intercept, plain_weights = fit(vectors, exact, ridge=1.0)
    intercept, weights, tau = fit_marginal(vectors, exact, groups, ridge=1.0)
    assert tau > 0.3                        # the sets differ as a whole
    assert abs(weights[0]) < abs(plain_weights[0]) * 1.2 and weights[0] < 0
    # the marginal coefficients are the conditional ones scaled by 1/sqrt(1 + pi tau^2 / 8) < 1: less sure
    assert 0 < intercept < plain_intercept  # P at no difficulty is nearer 1/2 than the plain fit's
    one_set = fit_marginal(vectors, exact, ["one"] * len(exact), ridge=1.0)
    assert one_set == (plain_intercept, plain_weights, 0.0)   # one set: no spread to learn, a plain fit


def test_the_fit_is_deterministic():
    vectors, exact, groups = _rows()
    first = fit_marginal(vectors, exact, groups, ridge=3.0, lowering=(0, 1))
    second = fit_marginal(list(vectors), list(exact), list(groups), ridge=3.0, lowering=(0, 1))
    assert first == second


def test_the_model_round_trips_through_yaml(tmp_path):
    target = tmp_path / "confidence.yaml"
    target.write_text(yaml.safe_dump({"intercept": 0.0, "genre_markers": {"police": ["politie"]}}), encoding="utf-8")
    weights = {name: round(-0.01 * i, 4) for i, name in enumerate(FEATURE_NAMES)}
    model = {"intercept": 2.5, "weights": weights, "no_route": {"no_place": 0.9, "one_country": 0.8}, "tau": 0.4}
    write_model(target, model, {"ridge": 3.0, "features": list(FITTED)})
    data = read_model(target)
    assert data["intercept"] == 2.5 and data["weights"] == weights and data["tau"] == 0.4
    assert data["no_route"] == model["no_route"] and data["fitted"]["ridge"] == 3.0
    assert data["genre_markers"] == {"police": ["politie"]}           # other keys are kept


def test_a_calibration_file_naming_an_unknown_feature_is_refused(tmp_path):
    target = tmp_path / "confidence.yaml"
    target.write_text("intercept: 1.0\nweights:\n  no_such_feature: -1.0\n", encoding="utf-8")
    with pytest.raises(CalibrationError, match="no_such_feature"):
        read_model(target)
    target.write_text("weights: {}\n", encoding="utf-8")
    with pytest.raises(CalibrationError, match="intercept"):
        read_model(target)


def test_the_stored_fit_respects_the_method():
    data = read_model(ROOT / "routekit" / "reference" / "gazetteer" / "confidence.yaml")
    _, weights = coefficients()
    fitted = data["fitted"]
    for name, weight in zip(FEATURE_NAMES, weights):
        if name in LOWERING and fitted.get("monotone"):
            assert weight <= 0, name
        if name not in fitted.get("features", FEATURE_NAMES):
            assert weight == 0, name


def test_the_chance_gap_of_a_calibrated_model_is_about_one_binomial_sd():
    sys.path.insert(0, str(ROOT / "benchmarks"))
    try:
        from text_calibrate import chance_gaps, max_gap
    finally:
        sys.path.remove(str(ROOT / "benchmarks"))
    confidences = np.linspace(0.4, 0.95, 115).round(2)
    gaps = chance_gaps(confidences, 2000)
    assert 0.08 < float(np.median(gaps)) < 0.16       # a fifth of 23 rows: sd ~ 0.09
    assert (gaps == chance_gaps(confidences, 2000)).all()    # a fixed seed
    exact = np.array([True] * 60 + [False] * 55)
    assert max_gap(np.full(115, 0.5), exact) == pytest.approx(max(abs(23 / 23 - 0.5), abs(0 - 0.5)))


def test_probability_is_the_logistic_of_the_stored_coefficients():
    from routekit.text.calibration import feature_vector, probability

    intercept, weights = coefficients()
    for seed in range(20):
        rng = np.random.default_rng(seed)
        values = feature_vector({name: float(rng.integers(0, 4)) for name in FEATURE_NAMES})
        score = intercept + sum(w * v for w, v in zip(weights, values))
        assert probability(values) == round(min(max(1 / (1 + math.exp(-score)), 0.01), 0.99), 2)


def test_an_old_file_with_a_ceiling_still_reads_and_the_next_refit_drops_it(tmp_path, monkeypatch):
    """The ceiling (5 Dec 2026) did not win held out and was removed: a file that has one is read without it (the
    confidence is not capped) and written without it."""
    import routekit.text.calibration as calibration

    target = tmp_path / "confidence.yaml"
    weights = dict.fromkeys(FEATURE_NAMES, 0.0)
    weights["legs"] = -0.5
    target.write_text(yaml.safe_dump({"intercept": 4.0, "weights": weights, "ceiling": 0.83,
                                      "no_route": {"no_place": 0.9}}), encoding="utf-8")
    caches = (calibration._data, calibration.coefficients, calibration._used_weights, calibration.probability)
    monkeypatch.setattr(calibration, "data_path", lambda name: target)
    for cache in caches:
        cache.cache_clear()
    try:
        assert calibration.probability(calibration.feature_vector({"legs": 1})) == 0.97   # logistic(3.5), no cap
    finally:
        monkeypatch.undo()
        for cache in caches:
            cache.cache_clear()
    write_model(target, {"intercept": 4.0, "weights": weights, "no_route": {"no_place": 0.9}}, {})
    assert "ceiling" not in read_model(target) and "ceiling" not in target.read_text(encoding="utf-8")


def test_the_stored_fit_was_made_by_the_refits_default_method():
    """The lead's one command (no options) must reproduce the stored method: the data file says how it was fitted."""
    sys.path.insert(0, str(ROOT / "benchmarks"))
    try:
        from text_calibrate import DEFAULT_SETS, GROUPS, RECALIBRATION, RECALIBRATION_SETS, Method, set_groups
    finally:
        sys.path.remove(str(ROOT / "benchmarks"))
    stored = read_model(ROOT / "routekit" / "reference" / "gazetteer" / "confidence.yaml")
    fitted = stored["fitted"]
    assert fitted["random_intercept"] is Method(FITTED).random_intercept
    assert fitted["on"] == [path.name for path in DEFAULT_SETS]
    assert fitted["recalibration"]["method"] == RECALIBRATION.label() == fitted["untuned_held_out"]["map"]
    assert fitted["recalibration"]["on"] == [path.name for path in RECALIBRATION_SETS]
    assert "ceiling" not in stored and "ceiling" not in fitted["recalibration"]
    held_out = fitted["untuned_held_out"]
    # held out by the default groups of whole sets, every recalibration set in one of them
    dealt = set_groups([p.stem for p in RECALIBRATION_SETS], GROUPS)
    assert held_out["groups"] == {label: [name.removeprefix("extraction_hard_") for name in members]
                                  for label, members in dealt.items()}
    assert set(held_out["max_gap"]) == set(held_out["nested"]["max_gap"]) == set(dealt)
    assert held_out["within_tolerance"] == sum(gap <= 0.10 for gap in held_out["max_gap"].values())
    # the training sets recalibrate only when, on the same held-out groups, they did at least as well as calib alone
    # (written whenever the recalibration sets are more than the calibration sets; round 17: calib alone, no comparison)
    assert "compared" not in held_out or held_out["compared"]["at_least_as_good"] is True


def test_the_refit_fits_every_tuned_labelled_set_by_default():
    """Every hand-labelled set the rules are tuned on (README: evaluation sets) is fitted; the untuned sets are the
    recalibration's; the untouched sets are never named."""
    sys.path.insert(0, str(ROOT / "benchmarks"))
    try:
        from text_calibrate import DEFAULT_SETS, RECALIBRATION_SETS
    finally:
        sys.path.remove(str(ROOT / "benchmarks"))
    data = ROOT / "tests" / "data"
    tuned = {data / f"extraction_{name}.csv" for name in ("gold", "dev2", "dev3", "dev4", "heldout", "heldout2")}
    tuned |= set(data.glob("extraction_hard_dev*.csv"))
    assert len(tuned) >= 25 and set(DEFAULT_SETS) == tuned and len(DEFAULT_SETS) == len(tuned)   # no set twice
    assert not set(RECALIBRATION_SETS) & tuned
    assert not any("untouched" in path.name for path in [*DEFAULT_SETS, *RECALIBRATION_SETS])
