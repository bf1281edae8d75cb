"""Fit the learned order stage (``routekit.text.order_model``), judge it, store it.

    .venv/bin/python benchmarks/text_order_fit.py [--write] [--extra CORRECTIONS.csv ...]

Trains on labelled sets the rules were never tuned on (default the four blind-written training sets
``tests/data/extraction_hard_train1.csv`` ... ``_train4.csv``; ``--train`` names others), each set one group. The
extractor runs with the stage recording (the routes as the rules and the stop verifier make them); from each row
whose route holds the gold route's countries (``--pairs equal``; ``overlap``: any row, pairs of countries both in
gold) every pair of route countries is labelled by the gold order, and a ridge logistic regression
(``calibration.fit``) is fitted on the antisymmetric pair features, each pair in both orientations (so the intercept
is 0 and P(a before b) + P(b before a) = 1); by default each row counts once whatever its number of pairs.

The margin (how much more log-likelihood the best candidate order must have than the rules' order) is chosen by
leaving one set out: rows fixed less ``--break-cost`` x rows broken over the held-out sets, ties to the larger margin.
It prints, counts only (nothing of a row):
(a) leave one training set out, nested (the held-out set scored by the fit on the others with the margin chosen on
    those others alone): exact route and order accuracy without/with the stage per set and pooled, fixed/broken;
(b) every allowed set of the repository (plain and tuned) with the final fit.
The stage is stored switched on (``--write``) only when (a) has a pooled net gain of at least 1% of rows and (b)
breaks no row of a plain set; otherwise ``enabled: false`` with the figures.

``--extra FILE``: more labelled CSVs (id,text,route,...: e.g. a partner's review corrections), one group each.
``--add-tuned``: the repository's tuned hard sets join the training with their own indicator (their rules' and
text order weights apart, dropped for prediction); the folds stay the training sets. Never fits on a set kept for
evaluation: files named ``*untouched*`` or ``*calib*`` are refused. Deterministic (no random draws).
"""

from __future__ import annotations

import argparse
import math
import sys
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

import pandas as pd

from routekit.text import order_model
from routekit.text.calibration import fit as ridge_logistic
from routekit.text.evaluation import order_score, split_route
from routekit.text.extraction import extract_route

ROOT = Path(__file__).resolve().parents[1]
TARGET = ROOT / "routekit" / "reference" / "gazetteer" / order_model.ORDER_FILE
DATA = ROOT / "tests" / "data"
TRAIN_SETS = tuple(DATA / f"extraction_hard_train{n}.csv" for n in (1, 2, 3, 4))
PLAIN_SETS = ("gold", "dev2", "dev3", "dev4", "heldout", "heldout2")
TUNED_SETS = ("hard_dev", *(f"hard_dev{n}" for n in range(2, 14)))
MARGINS = (0.0, 0.25, 0.5, 0.75, 1.0, 1.5, 2.0, 3.0, 4.0, 6.0, math.inf)   # inf: never switch
NET_GAIN = 0.01
TUNED = "tuned:"   # group prefix of the tuned sets (``--add-tuned``)


@dataclass
class Row:
    """One labelled record as the stage sees it: the route it reviews, its ``Case`` (None: nothing to reorder), the
    gold route."""
    group: str
    route: tuple[str, ...]
    case: order_model.Case | None
    gold: tuple[str, ...]

    def final(self, model: order_model.Model | None) -> tuple[str, ...]:
        if model is None or self.case is None:
            return self.route
        order, _ = order_model.decide(self.case, model)
        return tuple(order) + self.route[len(order):]

    @property
    def gold_order(self) -> tuple[str, ...] | None:
        """The gold order of the case's countries when gold holds exactly them (and a final NLD like the route)."""
        if self.case is None or set(self.route) != set(self.gold):
            return None
        return tuple(c for c in self.gold if c in self.case.countries)


def refuse_evaluation_sets(paths) -> None:
    for path in paths:
        if "untouched" in Path(path).name or "calib" in Path(path).name:
            raise SystemExit(f"{path}: kept for evaluation; never fitted on")


def read_rows(path: Path, group: str) -> list[Row]:
    """Run the extractor (stage recording, so the rules' own order) over a labelled file."""
    if not Path(path).exists():
        raise SystemExit(f"{path}: no such file")
    frame = pd.read_csv(path, dtype=str, keep_default_na=False)
    missing = {"text", "route"} - set(frame.columns)
    if missing:
        raise SystemExit(f"{path}: no column {', '.join(sorted(missing))} (a labelled file: id,text,route,...)")
    rows = []
    with order_model.recording() as recorded:
        for number, (text, gold) in enumerate(zip(frame["text"], frame["route"]), start=2):
            recorded.clear()
            result = extract_route(text)
            route, case = recorded[0] if recorded else (tuple(result.route), None)
            if case is not None and tuple(result.route) != tuple(route):
                raise SystemExit(f"{path}: line {number}: the stage's route differs from the extractor's (a bug)")
            rows.append(Row(group, tuple(result.route), case, split_route(gold)))
    return rows


def examples(rows: list[Row], pairs_from: str, per_row: bool, tuned_indicator: bool = False):
    """(vectors, labels, weights): each pair of countries both in gold in both orientations."""
    vectors, labels, weights = [], [], []
    rules, text = order_model._INDEX["rules"], order_model._INDEX["text_first"]
    for row in rows:
        if row.case is None:
            continue
        gold = {country: index for index, country in reversed(list(enumerate(row.gold)))}
        if pairs_from == "equal" and set(row.route) != set(row.gold):
            continue
        usable = [(pair, x) for pair, x in row.case.pairs.items() if pair[0] in gold and pair[1] in gold]
        if not usable:
            continue
        weight = 1.0 / len(usable) if per_row else 1.0
        tuned = float(row.group.startswith(TUNED))
        for (a, b), x in usable:
            x = list(x)
            if tuned_indicator:
                x += [tuned * x[rules], tuned * x[text]]
            y = gold[a] < gold[b]
            vectors += [tuple(x), tuple(-v for v in x)]
            labels += [y, not y]
            weights += [weight, weight]
    return vectors, labels, weights


def pair_weights(rows: list[Row], ridge: float, pairs_from: str, per_row: bool) -> tuple[float, ...]:
    """The pair weights (``PAIR_FEATURES`` order) fitted on the rows."""
    indicator = any(row.group.startswith(TUNED) for row in rows)
    vectors, labels, weights = examples(rows, pairs_from, per_row, indicator)
    if len(set(labels)) < 2:
        return (0.0,) * len(order_model.PAIR_FEATURES)
    intercept, coefficients = ridge_logistic(vectors, labels, ridge, weights)
    assert abs(intercept) < 1e-3, intercept   # antisymmetric data: 0 up to the optimiser's tolerance
    return tuple(coefficients[:len(order_model.PAIR_FEATURES)])


def journey_scales(rows: list[Row], weights_of: dict[str, tuple[float, ...]], ridge: float = 0.1
                   ) -> tuple[float, float, float]:
    """(pair_scale, ground_weight, flight_weight): a conditional logit over each row's candidates (which one is the
    gold order), utility = pair_scale x pair score - ground_weight x km over land/sea - flight_weight x km flown
    (thousands). ``weights_of``: per group the pair weights to score its rows with (fitted without that group, so
    the pair scores are as sure of themselves as on a new set)."""
    import numpy as np
    from scipy.optimize import minimize

    blocks = []
    for row in rows:
        target = row.gold_order
        if target is None or order_model.told_in_order(row.case):   # rows the stage does not review
            continue
        found = order_model.terms(row.case, weights_of[row.group])
        orders = [order for order, *_ in found]
        if target not in orders:
            continue
        x = np.array([[p, -g, -a] for _, p, g, a in found])
        blocks.append((x - x[0], orders.index(target)))
    if not blocks:
        return 1.0, 0.0, 0.0

    def loss(theta):
        total = 0.5 * ridge * float(theta[1:] @ theta[1:])
        gradient = np.concatenate([[0.0], ridge * theta[1:]])
        for x, chosen in blocks:
            u = x @ theta
            top = u.max()
            p = np.exp(u - top)
            p /= p.sum()
            total -= u[chosen] - top - math.log(np.exp(u - top).sum())
            gradient -= x[chosen] - p @ x
        return total, gradient

    theta = minimize(loss, np.array([1.0, 0.0, 0.0]), jac=True, method="L-BFGS-B",
                     bounds=[(0.0, None), (0.0, None), (0.0, None)]).x
    return float(theta[0]), float(theta[1]), float(theta[2])


def fit(rows: list[Row], args, margin: float = 0.0) -> order_model.Model:
    """Pair weights on all rows; the journey scales on pair scores cross-fitted by group (never a tuned group held)."""
    weights = pair_weights(rows, args.ridge, args.pairs, args.per_row)
    groups = sorted({row.group for row in rows})
    if args.journey and len(groups) >= 2:
        weights_of = {g: pair_weights([r for r in rows if r.group != g], args.ridge, args.pairs, args.per_row)
                      for g in groups}
        scales = journey_scales(rows, weights_of)
    else:
        scales = (1.0, 0.0, 0.0)
    return order_model.Model(True, weights, margin, *scales, args.max_countries)


def outcome(rows: list[Row], model: order_model.Model | None) -> dict:
    """Rows, exact before/after, fixed, broken, switched, order accuracy before/after."""
    n = before = fixed = broken = switched = 0
    order_before = order_after = 0.0
    for row in rows:
        new = row.final(model)
        was, now = row.route == row.gold, new == row.gold
        n += 1
        before += was
        fixed += now and not was
        broken += was and not now
        switched += new != row.route
        order_before += order_score(row.route, row.gold)
        order_after += order_score(new, row.gold)
    return {"rows": n, "before": before, "fixed": fixed, "broken": broken, "switched": switched,
            "order_before": order_before, "order_after": order_after}


def add(a: dict, b: dict) -> dict:
    return {key: a.get(key, 0) + b[key] for key in b}


def line(name: str, o: dict) -> str:
    n = max(o["rows"], 1)
    after = o["before"] + o["fixed"] - o["broken"]
    return (f"{name:18} rows {o['rows']:4}  exact {o['before'] / n:.3f} -> {after / n:.3f}  order "
            f"{o['order_before'] / n:.3f} -> {o['order_after'] / n:.3f}  switched {o['switched']:3} fixed "
            f"{o['fixed']:3} broken {o['broken']:3} net {o['fixed'] - o['broken']:+d}")


def folds(rows: list[Row], args) -> list[tuple[list[Row], order_model.Model]]:
    """Per training group (never a tuned set): its rows and the fit on all other rows."""
    found = []
    for held in sorted({row.group for row in rows if not row.group.startswith(TUNED)}):
        found.append(([r for r in rows if r.group == held], fit([r for r in rows if r.group != held], args)))
    return found


def margin_table(fold_list) -> dict[float, tuple[int, int]]:
    """margin -> (rows fixed, rows broken) over the held-out folds."""
    table = {}
    for margin in MARGINS:
        fixed = broken = 0
        for held_rows, model in fold_list:
            o = outcome(held_rows, model._replace(margin=margin))
            fixed, broken = fixed + o["fixed"], broken + o["broken"]
        table[margin] = (fixed, broken)
    return table


def choose_margin(table: dict, break_cost: float) -> float:
    """The margin with the most fixed - break_cost x broken; ties to the larger (more cautious) margin."""
    best = None
    for margin in sorted(table, reverse=True):
        fixed, broken = table[margin]
        value = fixed - break_cost * broken
        if best is None or value > best[0] + 1e-9:
            best = (value, margin)
    return best[1]


def pair_accuracy(fold_list, pairs_from: str) -> str:
    """Held-out pairs: how often the rules' order and the model's P > 0.5 agree with gold."""
    total = rules_right = model_right = 0
    for held_rows, model in fold_list:
        weights = model.weights
        vectors, labels, _ = examples(held_rows, pairs_from, False)
        for x, y in zip(vectors[::2], labels[::2]):
            z = sum(w * v for w, v in zip(weights, x))
            total += 1
            rules_right += y          # the first orientation is always 'a before b in the rules' route'
            model_right += (z > 0) == y
    if not total:
        return "no held-out pairs"
    return (f"{total} held-out pairs: the rules' order right {rules_right / total:.3f}, the model's "
            f"{model_right / total:.3f}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--train", nargs="+", type=Path, default=list(TRAIN_SETS),
                        help="labelled sets the rules were never tuned on (one group each)")
    parser.add_argument("--extra", nargs="*", type=Path, default=[],
                        help="more labelled CSVs (review corrections: id,text,route,...), one group each")
    parser.add_argument("--ridge", type=float, default=3.0)
    parser.add_argument("--pairs", choices=("equal", "overlap"), default="equal",
                        help="rows whose route holds exactly the gold countries, or any row (pairs both in gold)")
    parser.add_argument("--per-pair", dest="per_row", action="store_false",
                        help="each pair counts once (default: each row counts once)")
    parser.add_argument("--break-cost", type=float, default=1.0,
                        help="how many fixed rows one broken row costs when choosing the margin")
    parser.add_argument("--max-countries", type=int, default=4,
                        help="review routes of at most this many countries abroad (the stage's cost grows as n^2: 4 "
                             "keeps it under 2%% of the extraction on the demo texts, 6 costs ~3%%, 8 ~4%%)")
    parser.add_argument("--no-journey", dest="journey", action="store_false",
                        help="pair scores alone (no journey-length term)")
    parser.add_argument("--add-tuned", action="store_true",
                        help="train also on the tuned hard sets, with their own indicator")
    parser.add_argument("--no-allowed-sets", action="store_true",
                        help="skip (b), the repository's plain and tuned sets (a small refit on a partner's data)")
    parser.add_argument("--write", action="store_true", help=f"store the fit in {TARGET.name}")
    parser.add_argument("--out", type=Path, default=TARGET, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    paths = [*args.train, *args.extra]
    refuse_evaluation_sets(paths)
    rows: list[Row] = []
    for path in paths:
        rows += read_rows(path, Path(path).stem)
    allowed: dict[str, list[Row]] = {}
    if args.add_tuned or not args.no_allowed_sets:
        for name in (*PLAIN_SETS, *TUNED_SETS):
            path = DATA / f"extraction_{name}.csv"
            if path.exists():
                allowed[name] = read_rows(path, TUNED + name if name in TUNED_SETS else name)
    training = rows + ([r for name in TUNED_SETS for r in allowed.get(name, [])] if args.add_tuned else [])
    groups = sorted({row.group for row in rows})
    n_pairs = len(examples(training, args.pairs, False)[0]) // 2
    print(f"training: {len(groups)} sets, {len(rows)} rows, {sum(r.case is not None for r in rows)} with 2+ countries "
          f"abroad, {n_pairs} pairs (--pairs {args.pairs}, ridge {args.ridge}, "
          f"{'each row once' if args.per_row else 'each pair once'}{', tuned sets added' if args.add_tuned else ''})")

    total: dict = {}
    if len(groups) >= 2:
        print("(a) leave one training set out (nested: the margin chosen on the other training sets)")
        for held in groups:
            rest = [r for r in training if r.group != held]
            inner = folds(rest, args)
            margin = choose_margin(margin_table(inner), args.break_cost) if len(inner) >= 2 else math.inf
            model = fit(rest, args, margin)
            o = outcome([r for r in rows if r.group == held], model)
            print("  " + line(held, o) + f"  (margin {margin}, journey {model.pair_scale:.2f} "
                  f"{model.ground_weight:.2f} {model.flight_weight:.2f})")
            total = add(total, o)
        print("  " + line("pooled", total))
        outer = folds(training, args)
        print("pairs: " + pair_accuracy(outer, args.pairs))
        table = margin_table(outer)
        print("leave one set out, rows fixed/broken by margin: "
              + ", ".join(f"{m}: {f}/{b}" for m, (f, b) in table.items()))
        margin = choose_margin(table, args.break_cost)
        print(f"margin (leave one set out over all {len(groups)} sets): {margin}")
    else:
        margin = math.inf
    pooled_ok = bool(total) and total["fixed"] - total["broken"] >= NET_GAIN * total["rows"]
    model = fit(training, args, margin)
    print(f"journey: pair_scale {model.pair_scale:.3f}, ground_weight {model.ground_weight:.3f}, flight_weight "
          f"{model.flight_weight:.3f} (per 1,000 km)")
    print("weights: " + ", ".join(f"{name} {w:+.2f}" for name, w in zip(order_model.PAIR_FEATURES, model.weights)
                                  if abs(w) >= 0.005))

    plain_ok = True
    figures: dict = {}
    if not args.no_allowed_sets:
        print("(b) allowed sets with the final fit")
        for name, set_rows in allowed.items():
            o = outcome(set_rows, model if math.isfinite(margin) else None)
            print("  " + line(name, o))
            figures[name] = f"{o['fixed']}/{o['broken']}"
            if name in PLAIN_SETS and o["broken"]:
                plain_ok = False
    switch_on = pooled_ok and plain_ok and math.isfinite(margin)
    print(f"switch-on rule: (a) pooled net >= {NET_GAIN:.0%} of rows: {pooled_ok}; (b) no plain-set row broken: "
          f"{plain_ok} -> enabled: {str(switch_on).lower()}")
    if args.write:
        fitted = {
            "command": "benchmarks/text_order_fit.py --write" + "".join(f" --extra {p}" for p in args.extra)
            + (" --add-tuned" if args.add_tuned else "") + (f" --pairs {args.pairs}" if args.pairs != "equal" else "")
            + ("" if args.per_row else " --per-pair")
            + f" --max-countries {args.max_countries}" + ("" if args.journey else " --no-journey") + (f" --ridge {args.ridge}" if args.ridge != 3.0 else ""),
            "date": datetime.now(timezone.utc).strftime("%d %b %Y %H:%M UTC"),
            "sets": [Path(p).name for p in paths], "rows": len(rows), "pairs": n_pairs,
            "ridge": args.ridge, "journey_term": args.journey, "pairs_from": args.pairs, "each_row_once": args.per_row,
            "tuned_sets_added": args.add_tuned,
            "held_out_pooled": {key: (round(v, 3) if isinstance(v, float) else v) for key, v in total.items()},
            "allowed_sets_fixed_broken": figures,
        }
        stored = model._replace(enabled=switch_on, margin=margin if math.isfinite(margin) else 1e9)
        order_model.write_model(args.out, stored, fitted)
        print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
