"""Train the learned stop filter (routekit/text/stopfilter.py) and test it honestly: leave one set out.

One command rewrites the weights (``routekit/reference/gazetteer/stopfilter.json``) and prints the table that decides
whether the filter may be switched on (``stopfilter.ENABLED``):

    .venv/bin/python benchmarks/text_stopfilter.py [--sets hard_dev hard_dev2 ...] [--no-write]

Training data: every route country (not NLD) the extractor proposes on the tuning sets (default: every
``tests/data/extraction_hard_dev*.csv``), labelled "not a stop" when the gold route lacks it. The model is an L2
logistic regression (``logistic_fit``: sparse, L-BFGS) on the features of ``stopfilter.country_features`` seen in at
least ``MIN_ROWS`` texts. Leave-one-set-out: for each set, the ridge and the threshold are chosen by an inner
leave-one-set-out over the other sets only (the most rows fixed net of those broken, among the thresholds that pass
the switch-on rule on those inner sets: better on most, none worse by more than one row; none passes: off), the
model is fitted on the other sets and applied to the left-out set by the extractor itself. The plain sets are then
checked with the model fitted on all tuning sets. Deterministic: sorted features, a fixed solver, no randomness.
Sets kept for honest evaluation (``untouched``, ``calib``) are refused.
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Iterable

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "tests" / "data"
PLAIN_SETS = ("gold", "dev2", "dev3", "dev4", "heldout", "heldout2")
FORBIDDEN = ("untouched", "calib")
RIDGES = (1.0, 3.0, 10.0)
THRESHOLDS = tuple(round(0.40 + 0.05 * i, 2) for i in range(12))   # 0.40 ... 0.95
MIN_ROWS = 5           # a feature must occur in this many texts of the training sets (no record's own words)
OFF = 1.0              # a threshold no probability exceeds: the filter drops nothing
SWEEP = (0.2, 0.3, 0.5, 0.7)   # fixed thresholds (weakest ridge) shown for information only, never used to choose


@dataclass(frozen=True)
class Row:
    """One labelled text as the extractor saw it before the filter: gold route, proposed route, features."""

    set_name: str
    gold: tuple[str, ...]
    route: tuple[str, ...]
    features: dict   # country -> {feature: value}


def set_path(name: str) -> Path:
    if any(word in name for word in FORBIDDEN):
        raise SystemExit(f"{name}: kept for honest evaluation, never trained or tuned on")
    path = DATA / f"extraction_{name}.csv"
    if not path.exists():
        raise SystemExit(f"{path}: no such labelled set")
    return path


def default_sets() -> list[str]:
    names = sorted((p.stem.removeprefix("extraction_") for p in DATA.glob("extraction_hard_dev*.csv")),
                   key=lambda name: (len(name), name))   # hard_dev, hard_dev2, ..., hard_dev10
    return [name for name in names if not any(word in name for word in FORBIDDEN)]


def record(name: str, frame=None) -> list[Row]:
    """Extract every row of a set with the filter recording, not dropping."""
    import pandas as pd

    from routekit.text import stopfilter
    from routekit.text.evaluation import split_route
    from routekit.text.extraction import extract_route

    if frame is None:
        frame = pd.read_csv(set_path(name), dtype=str, keep_default_na=False)
    rows = []
    stopfilter.ACTIVE, stopfilter.recorder = True, []
    stopfilter.use_model(None)
    enabled, stopfilter.ENABLED = stopfilter.ENABLED, False
    try:
        for text, gold in zip(frame["text"], frame["route"]):
            stopfilter.recorder.clear()
            result = extract_route(text)
            route, features = stopfilter.recorder[0] if stopfilter.recorder else (result.route, {})
            rows.append(Row(name, split_route(gold), tuple(route), features))
    finally:
        stopfilter.ACTIVE, stopfilter.recorder, stopfilter.ENABLED = enabled, None, enabled
    return rows


def examples(rows: list[Row]) -> list[tuple[dict, bool]]:
    """(features, not a stop) for every proposed country the filter may drop."""
    return [(row.features[country], country not in row.gold)
            for row in rows for country in sorted(row.features)]


def logistic_fit(matrix, labels, ridge: float):
    """L2 logistic regression on a sparse matrix (intercept not penalised): intercept, weights. L-BFGS from zero."""
    import numpy as np
    from scipy.optimize import minimize

    y = np.asarray(labels, dtype=float)

    def loss_and_gradient(beta):
        z = matrix @ beta[1:] + beta[0]
        p = 0.5 * (1.0 + np.tanh(0.5 * z))   # the logistic function without overflow
        loss = float(np.sum(np.logaddexp(0.0, z) - y * z) + 0.5 * ridge * beta[1:] @ beta[1:])
        residual = p - y
        return loss, np.concatenate([[residual.sum()], matrix.T @ residual + ridge * beta[1:]])

    beta = minimize(loss_and_gradient, np.zeros(matrix.shape[1] + 1), jac=True, method="L-BFGS-B",
                    options={"maxiter": 500}).x
    return float(beta[0]), beta[1:]


def fit(rows: list[Row], ridge: float, threshold: float = OFF, fitted: dict | None = None,
        groups: tuple[str, ...] = ()):
    """A ``StopModel`` fitted on ``rows``' proposed countries, on the features whose prefix is in ``groups``
    (all when empty) seen in at least ``MIN_ROWS`` texts."""
    from scipy.sparse import csr_matrix

    from routekit.text.stopfilter import StopModel

    pairs = examples(rows)
    labels = [label for _, label in pairs]
    if not pairs or not any(labels) or all(labels):
        return StopModel(-30.0, {}, OFF, fitted or {})
    seen: dict[str, int] = {}   # per feature, the texts (not countries) it occurs in: no word of a single record
    for row in rows:
        for name in set().union(*row.features.values()) if row.features else ():
            if not groups or name.split(":", 1)[0] in groups:
                seen[name] = seen.get(name, 0) + 1
    column = {name: j for j, name in enumerate(sorted(n for n, count in seen.items() if count >= MIN_ROWS))}
    data, indices, pointers = [], [], [0]
    for features, _ in pairs:
        for name in sorted(features):
            j = column.get(name)
            if j is not None:
                data.append(features[name])
                indices.append(j)
        pointers.append(len(indices))
    matrix = csr_matrix((data, indices, pointers), shape=(len(pairs), len(column)))
    intercept, weights = logistic_fit(matrix, labels, ridge)
    kept = {name: float(weights[j]) for name, j in column.items() if abs(weights[j]) >= 1e-3}
    return StopModel(intercept, kept, threshold, fitted or {})


def fit_sets(pool: dict[str, list[Row]], names: Iterable[str], ridge: float, memo: dict, threshold: float = OFF):
    """``fit`` on the rows of the sets ``names`` of ``pool``, remembered in ``memo`` per (sets, ridge) for one run:
    the inner folds of two outer folds train on the same sets (all but k and j), so each pair is fitted once."""
    key = (tuple(sorted(names)), ridge)
    if key not in memo:
        memo[key] = fit([row for name in key[0] for row in pool[name]], ridge)
    return replace(memo[key], threshold=threshold)


def filtered(row: Row, model, threshold: float) -> tuple[str, ...]:
    from routekit.text.stopfilter import drop_countries

    if not row.features or len(row.route) <= 2:
        return row.route
    probabilities = {country: model.probability(values) for country, values in row.features.items()}
    return tuple(drop_countries(row.route, probabilities, threshold))


def gain(scored: list[tuple[Row, tuple[str, ...]]]) -> int:
    """Rows made exact minus rows made wrong."""
    return sum((after == row.gold) - (row.route == row.gold) for row, after in scored)


def choose(rows_by_set: dict[str, list[Row]], pool: dict[str, list[Row]] | None = None,
           memo: dict | None = None) -> tuple[float, float, int]:
    """(ridge, threshold, inner gain) by leave-one-set-out over ``rows_by_set`` alone. A threshold is eligible only if
    it passes the switch-on rule (``passes``) on these inner left-out sets; among those, the most rows gained (ties:
    the stronger ridge, the higher threshold). None eligible: OFF."""
    names = sorted(rows_by_set)
    pool = rows_by_set if pool is None else pool   # the sets of the whole run, whose fits ``memo`` keeps
    memo = {} if memo is None else memo
    best = (0, RIDGES[-1], OFF)
    if len(names) < 2:
        return RIDGES[-1], OFF, 0
    for ridge in RIDGES:
        out_of_fold = {}
        for name in names:
            model = fit_sets(pool, [other for other in names if other != name], ridge, memo)
            out_of_fold[name] = [(row, model) for row in rows_by_set[name]]
        for threshold in THRESHOLDS:
            per_set = [gain([(row, filtered(row, model, threshold)) for row, model in out_of_fold[name]])
                       for name in names]
            if passes(per_set):
                best = max(best, (sum(per_set), ridge, threshold))
    total, ridge, threshold = best
    return ridge, threshold, total


def passes(changes: list[int]) -> bool:
    """The brief's switch-on rule on per-set changes in exact rows: better on most sets, none worse by more than 1."""
    return sum(change > 0 for change in changes) * 2 > len(changes) and min(changes) >= -1


def counts(rows: list[Row], model, threshold: float) -> dict[str, int]:
    """Exact rows without and with the filter, and countries dropped rightly / wrongly."""
    right = wrong = exact_before = exact_after = 0
    for row in rows:
        after = filtered(row, model, threshold)
        dropped = set(row.route) - set(after)
        right += len(dropped - set(row.gold))
        wrong += len(dropped & set(row.gold))
        exact_before += row.route == row.gold
        exact_after += after == row.gold
    return {"rows": len(rows), "exact_before": exact_before, "exact_after": exact_after, "right": right,
            "wrong": wrong}


def evaluate_with(name: str, model) -> tuple[float, float, float, float]:
    """(exact, corridor) without and with ``model``, by the extractor itself (the route after the filter, its modes
    and corridor)."""
    import pandas as pd

    from routekit.text import stopfilter
    from routekit.text.evaluation import evaluate

    frame = pd.read_csv(set_path(name), dtype=str, keep_default_na=False)
    figures = []
    enabled = stopfilter.ENABLED
    for active in (False, True):
        stopfilter.ACTIVE, stopfilter.ENABLED = active, False
        stopfilter.use_model(model if active else None)
        try:
            metrics = evaluate(frame).metrics
        finally:
            stopfilter.ACTIVE, stopfilter.ENABLED = enabled, enabled
            stopfilter.use_model(None)
        figures += [metrics["exact_route"], metrics["corridor_agreement"]]
    return tuple(figures)


def cross_validate(rows_by_set: dict[str, list[Row]], run_extractor: bool = True, memo: dict | None = None
                   ) -> list[dict]:
    """Leave one set out: choose on the others, fit on the others, apply to the left-out set."""
    table, memo = [], {} if memo is None else memo
    for name in rows_by_set:
        others = {other: rows for other, rows in rows_by_set.items() if other != name}
        ridge, threshold, inner = choose(others, rows_by_set, memo)
        model = fit_sets(rows_by_set, others, ridge, memo, threshold)
        sweep_model = fit_sets(rows_by_set, others, RIDGES[0], memo)
        line = {"set": name, "ridge": ridge, "threshold": threshold, "inner_gain": inner,
                **counts(rows_by_set[name], model, threshold),
                "sweep": {t: counts(rows_by_set[name], sweep_model, t) for t in SWEEP}}
        if run_extractor:
            line["exact"], line["corridor"], line["exact_filter"], line["corridor_filter"] = evaluate_with(name, model)
        table.append(line)
    return table


def verdict(table: list[dict]) -> tuple[bool, str]:
    """The brief's rule: better exact on most left-out sets, none worse by more than one row."""
    changes = [line["exact_after"] - line["exact_before"] for line in table]
    better, worst = sum(change > 0 for change in changes), min(changes)
    passed = passes(changes)
    return passed, (f"{better}/{len(table)} left-out sets better, worst change {worst:+d} rows: "
                    + ("PASS (may be switched on if the plain sets hold)" if passed else "FAIL (leave it off)"))


def train(rows_by_set: dict[str, list[Row]], sets: list[str], memo: dict | None = None):
    """The model to store: ridge and threshold by leave-one-set-out over all tuning sets, fitted on them all."""
    ridge, threshold, inner = choose(rows_by_set, rows_by_set, memo)
    fitted = {"sets": sets, "ridge": ridge, "inner_gain": inner, "min_rows": MIN_ROWS,
              "script": "benchmarks/text_stopfilter.py"}
    return fit([row for rows in rows_by_set.values() for row in rows], ridge, threshold, fitted)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sets", nargs="+", default=None, help="tuning sets (default: every hard_dev set)")
    parser.add_argument("--no-write", action="store_true", help="print the table, keep the stored weights")
    parser.add_argument("--out", type=Path, default=ROOT / "routekit" / "reference" / "gazetteer" / "stopfilter.json")
    args = parser.parse_args(argv)
    sets = args.sets or default_sets()
    rows_by_set = {name: record(name) for name in sets}
    memo: dict = {}   # fits shared by the leave-one-set-out table and the stored model's choice
    table = cross_validate(rows_by_set, memo=memo)
    print("leave-one-set-out (ridge and threshold chosen on the other sets only):")
    print(f"{'left out':12} {'rows':>4} {'ridge':>5} {'thr':>5} {'exact':>6} {'+filter':>7} {'corr':>6} "
          f"{'+filter':>7} {'rows +/-':>8} {'dropped right':>13} {'wrong':>5}")
    for line in table:
        print(f"{line['set']:12} {line['rows']:4d} {line['ridge']:5.0f} {line['threshold']:5.2f} "
              f"{line['exact']:6.3f} {line['exact_filter']:7.3f} {line['corridor']:6.3f} {line['corridor_filter']:7.3f} "
              f"{line['exact_after'] - line['exact_before']:+8d} {line['right']:13d} {line['wrong']:5d}")
    passed, words = verdict(table)
    print(words)
    print(f"for information, left-out models of ridge {RIDGES[0]:g} at fixed thresholds "
          "(rows +/-, countries dropped right/wrong):")
    for threshold in SWEEP:
        cells = [line["sweep"][threshold] for line in table]
        print(f"  thr {threshold:.2f}: " + "  ".join(
            f"{line['set']} {cell['exact_after'] - cell['exact_before']:+d} ({cell['right']}/{cell['wrong']})"
            for line, cell in zip(table, cells)))
    model = train(rows_by_set, sets, memo)
    print(f"stored model: ridge {model.fitted.get('ridge')}, threshold {model.threshold:.2f}, "
          f"{len(model.weights)} weights; plain sets with it:")
    for name in PLAIN_SETS:
        if (DATA / f"extraction_{name}.csv").exists():
            exact, corridor, exact_filter, corridor_filter = evaluate_with(name, model)
            print(f"  {name:10} exact {exact:.3f} -> {exact_filter:.3f}  corridor {corridor:.3f} -> {corridor_filter:.3f}")
    if not args.no_write:
        args.out.write_text(model.to_json(), encoding="utf-8")
        print(f"wrote {args.out.relative_to(ROOT) if args.out.is_relative_to(ROOT) else args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
