"""The refit's held-out figure on the untuned sets (issue 15 item 2, review of the recalibration): choosing a map
among several on the same sets it is judged on is optimistic, so the choice is itself held out (nested), and the
refit's main loop stores what it printed."""

from __future__ import annotations

import math
import sys
from pathlib import Path

import numpy as np
import pytest
import yaml

from routekit.text.calibration import FEATURE_NAMES, no_route_probability, read_model

ROOT = Path(__file__).resolve().parents[1]
LEGS, GENRE = FEATURE_NAMES.index("legs"), FEATURE_NAMES.index("genre")


@pytest.fixture(scope="module")
def tc():
    sys.path.insert(0, str(ROOT / "benchmarks"))
    try:
        import text_calibrate
    finally:
        sys.path.remove(str(ROOT / "benchmarks"))
    return text_calibrate


def _model(intercept: float = 2.0) -> dict:
    weights = dict.fromkeys(FEATURE_NAMES, 0.0)
    weights["legs"] = -0.4
    return {"intercept": intercept, "weights": weights, "no_route": {"no_place": 0.7, "one_country": 0.4}, "tau": 0.0}


def _rows(tc, name: str, seed: int, genre_weight: float = 0.0, offset: float = 0.0, n: int = 160):
    """A writer's rows: the chance falls with legs (as the base fit says) and, on the untuned sets, with genre."""
    rng = np.random.default_rng(seed)
    rows = []
    for i in range(n):
        values = [0.0] * len(FEATURE_NAMES)
        values[LEGS], values[GENRE] = float(rng.integers(1, 7)), float(rng.integers(0, 2))
        z = 1.2 + offset - 0.4 * values[LEGS] + genre_weight * values[GENRE]
        rows.append(tc.Row(name, f"{name}-{i}", tuple(values), "", bool(rng.random() < 1 / (1 + math.exp(-z)))))
    rows.append(tc.Row(name, f"{name}-none", None, "no_place", True))
    return rows


def test_each_untuned_set_is_scored_by_a_map_chosen_and_fitted_without_it(tc):
    names = ["u1", "u2", "u3", "u4"]
    rows = [r for k, name in enumerate(names) for r in _rows(tc, name, 20 + k, genre_weight=-2.0)]
    scored, chosen = tc.nested(_model(), rows, names, tc.CANDIDATES)
    assert list(scored) == names and list(chosen) == names
    for name in names:
        train = [r for r in rows if r.set_name != name]
        others = [n for n in names if n != name]
        assert chosen[name] == tc.choose(_model(), train, others, tc.CANDIDATES)
        held = [r for r in rows if r.set_name == name]
        assert [r for r, _ in scored[name]] == held
        assert [c for _, c in scored[name]] == tc.recalibrated_confidences(_model(), train, held, chosen[name])
        # a genre that costs much on every untuned set: each fold finds the map that gives it a weight
        assert chosen[name].terms == ("genre",)


def test_a_tie_goes_to_the_earlier_simpler_candidate(tc):
    names = ["u1", "u2", "u3"]
    rows = [r for k, name in enumerate(names) for r in _rows(tc, name, 40 + k)]
    rows = [tc.Row(r.set_name, r.row_id, None if r.features is None else tuple(
        0.0 if j == GENRE else v for j, v in enumerate(r.features)), r.kind, r.exact) for r in rows]
    plain, with_genre = tc.Recalibration(), tc.Recalibration(terms=("genre",))
    # genre is 0 everywhere: its weight stays 0, both maps score alike
    assert tc.choose(_model(), rows, names, (plain, with_genre)) == plain
    assert tc.choose(_model(), rows, names, (with_genre, plain)) == with_genre


def test_the_refit_scores_a_row_as_the_extractor_would(tc):
    """One implementation of the confidence: the refit's ``confidence`` is ``calibration.logistic_confidence`` of the
    stored score, and a text without a route gets its kind's stored rate."""
    from routekit.text.calibration import coefficients, feature_vector, probability

    data = read_model(ROOT / "routekit" / "reference" / "gazetteer" / "confidence.yaml")
    intercept, weights = coefficients()
    model = {"intercept": intercept, "weights": dict(zip(FEATURE_NAMES, weights)), "no_route": data["no_route"]}
    rng = np.random.default_rng(5)
    for _ in range(30):
        values = feature_vector({name: float(rng.integers(0, 5)) for name in FEATURE_NAMES})
        assert tc.confidence(model, tc.Row("s", "r", values, "", False)) == probability(values)
    for kind in ("no_place", "one_country"):
        for exact in (True, False):   # never the row's own truth
            assert tc.confidence(model, tc.Row("s", "r", None, kind, exact)) == no_route_probability(kind)


def _refit(tc, monkeypatch, tmp_path, untuned: list[str], extra: list[str] = ()):
    """Run the refit's main on made-up rows (no extraction): three tuned sets and the given untuned sets."""
    tuned = ["extraction_t1", "extraction_t2", "extraction_t3"]
    paths = {}
    for name in tuned + untuned:
        paths[name] = tmp_path / f"{name}.csv"
        paths[name].write_text("id,text,route\n", encoding="utf-8")
    made = {name: _rows(tc, name, 60 + k, offset=1.0 if name in tuned else -0.3, genre_weight=-0.8 * (name in untuned))
            for k, name in enumerate(tuned + untuned)}
    monkeypatch.setattr(tc, "read_rows", lambda given: [r for p in given for r in made[Path(p).stem]])
    target = tmp_path / "confidence.yaml"
    target.write_text(yaml.safe_dump({"intercept": 0.0, "ceiling": 0.85, "genre_markers": {"police": ["politie"]}}),
                      encoding="utf-8")
    monkeypatch.setattr(tc, "TARGET", target)
    monkeypatch.setattr(sys, "argv", ["text_calibrate.py", *(str(paths[n]) for n in tuned), "--write", "--folds", "2",
                                      "--simulations", "200", "--recalibrate-on", *(str(paths[n]) for n in untuned),
                                      *extra])
    tc.main()
    return target


def test_the_refit_prints_and_stores_the_held_out_and_nested_figures(tc, monkeypatch, tmp_path, capsys):
    untuned = ["extraction_u1", "extraction_u2", "extraction_u3", "extraction_u4"]
    target = _refit(tc, monkeypatch, tmp_path, untuned)
    out = capsys.readouterr().out
    stored = read_model(target)
    held = stored["fitted"]["untuned_held_out"]
    assert "ceiling" not in stored and "ceiling" not in stored["fitted"]["recalibration"]   # an old one is dropped
    assert stored["genre_markers"] == {"police": ["politie"]}
    assert held["map"] == tc.RECALIBRATION.label() == stored["fitted"]["recalibration"]["method"] == "Platt"
    assert list(held["max_gap"]) == untuned and list(held["nested"]["max_gap"]) == untuned
    assert set(held["nested"]["chosen"].values()) <= {c.label() for c in tc.CANDIDATES}
    # the stored figures are those of the loop, computed once: recompute them independently
    rows = tc.read_rows([tmp_path / f"{n}.csv" for n in ["extraction_t1", "extraction_t2", "extraction_t3"]])
    model = tc.fit_rows(rows, tc.Method(tuple(stored["fitted"]["features"])))
    calibration_rows = tc.read_rows([tmp_path / f"{n}.csv" for n in untuned])
    fixed = tc.leave_one_untuned_set_out(model, calibration_rows, untuned, tc.RECALIBRATION)
    assert held == {"map": "Platt", **tc.held_out_figures(fixed, 0.10), "nested": held["nested"]}
    nested_scored, _ = tc.nested(model, calibration_rows, untuned, tc.CANDIDATES)
    assert held["nested"]["log_loss"] == tc.held_out_figures(nested_scored, 0.10)["log_loss"]
    assert f"held out: {held['within_tolerance']} of 4 untuned sets within 0.10" in out
    clear = all(held[key] - held["nested"][key] >= margin for key, margin in tc.CLEAR_MARGIN.items())
    verdict = ("CLEAR - choosing beats the stored map (Platt)" if clear
               else "not clear - choosing adds nothing over the stored map (Platt)")
    assert "nested choice" in out and verdict in out and held["nested"]["beats_the_map_clearly"] is clear
    assert held["nested"]["candidates"] == [c.label() for c in tc.CANDIDATES]
    assert out.count("the stored map (Platt), each untuned set scored by the map fitted on the others") == 1


@pytest.mark.parametrize("count", [1, 2])
def test_fewer_than_three_untuned_sets_stop_the_refit_before_reading(tc, monkeypatch, tmp_path, capsys, count):
    """With one untuned set nothing can be held out (the refit used to store ``untuned_held_out: {}`` silently)."""
    paths = [tmp_path / f"extraction_u{k}.csv" for k in range(count)]
    for path in paths:
        path.write_text("id,text,route\n", encoding="utf-8")

    def read_rows(given):
        raise AssertionError("the refit read rows before refusing")

    monkeypatch.setattr(tc, "read_rows", read_rows)
    monkeypatch.setattr(sys, "argv", ["text_calibrate.py", "--recalibrate-on", *map(str, paths)])
    with pytest.raises(SystemExit) as stop:
        tc.main()
    assert stop.value.code == 2 and "at least three untuned sets" in capsys.readouterr().err
