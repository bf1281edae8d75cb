"""Fit the learned origin decision (``routekit.text.origin_model``), judge it, store it.

    .venv/bin/python benchmarks/text_origin_fit.py [--write] [--extra CORRECTIONS.csv ...]

Trains on labelled sets the rules were never tuned on (default the four blind-written training sets
``tests/data/extraction_hard_train1.csv`` ... ``_train4.csv``), each set one group. The extractor runs with the stage
recording (the routes the rules, the stop verifier and the order stage make, and per record the alternative origins
with their features). An alternative is labelled right when it gives the gold route's first country without losing a
gold country (``drop``: the dropped country is not in gold and the next one is gold's first; ``add``: the country is
gold's first). Two ridge logistic regressions (``calibration.fit``), one per action; each set counts as much as
another.

The margin (the log-odds the best alternative must exceed) is chosen by leaving one set out: rows fixed less
``--break-cost`` x rows broken, ties to the larger margin. A row's route after the stage is the extractor's route with
the chosen origin (its order as the order stage left it). It prints, counts only (nothing of a row):
(a) leave one training set out, nested (the margin chosen on the other training sets alone): exact route per set and
    pooled, fixed/broken;
(b) every allowed set of the repository (plain and tuned) with the final fit.
The stage is stored switched on (``--write``) only when (a) nets at least 1% of the rows pooled and (b) breaks no row
of a plain set; otherwise ``enabled: false`` with the figures. ``--extra FILE``: more labelled CSVs, one group each.
Never fits on a set kept for evaluation (``*untouched*``, ``*calib*`` are refused). Deterministic.
"""

from __future__ import annotations

import argparse
import importlib.util
import math
import sys
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

import pandas as pd

from routekit.text import origin_model
from routekit.text.calibration import fit as ridge_logistic
from routekit.text.evaluation import split_route
from routekit.text.extraction import extract_route

ROOT = Path(__file__).resolve().parents[1]
TARGET = ROOT / "routekit" / "reference" / "gazetteer" / origin_model.ORIGIN_FILE


def _order_fit():
    """The order stage's fit script (its set lists, the refusal of evaluation sets, the report lines)."""
    spec = importlib.util.spec_from_file_location("text_order_fit", Path(__file__).with_name("text_order_fit.py"))
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("text_order_fit", module)   # its dataclasses look their module up
    spec.loader.exec_module(module)
    return module


_ORDER_FIT = _order_fit()
DATA, TRAIN_SETS = _ORDER_FIT.DATA, _ORDER_FIT.TRAIN_SETS
PLAIN_SETS, TUNED_SETS = _ORDER_FIT.PLAIN_SETS, _ORDER_FIT.TUNED_SETS
refuse_evaluation_sets, add = _ORDER_FIT.refuse_evaluation_sets, _ORDER_FIT.add
MARGINS = (-1.0, -0.5, 0.0, 0.5, 1.0, 1.5, 2.0, 3.0, math.inf)   # inf: never switch
NET_GAIN = 0.01
TUNED = "tuned:"   # group prefix of the tuned sets (``--add-tuned``)


@dataclass
class Row:
    """One labelled record as the stage sees it: the route it reviewed, the extractor's final route (the order
    stage's after it), the alternatives, the gold route."""
    group: str
    reviewed: tuple[str, ...]
    route: tuple[str, ...]
    found: list
    gold: tuple[str, ...]

    def final(self, model: origin_model.Model | None) -> tuple[str, ...]:
        if model is None or not self.found:
            return self.route
        chosen, _ = origin_model.decide(self.found, model)
        return tuple(origin_model.apply(self.route, chosen))


def right(row: Row, alternative: origin_model.Alternative) -> bool:
    """Does the alternative give gold's first country without losing a gold country?"""
    if not row.gold:
        return False
    if alternative.action == "drop":
        return alternative.country not in row.gold and row.reviewed[1] == row.gold[0]
    return alternative.country == row.gold[0]


def read_rows(path: Path, group: str) -> list[Row]:
    """Run the extractor (stage recording) over a labelled file."""
    if not Path(path).exists():
        raise SystemExit(f"{path}: no such file")
    frame = pd.read_csv(path, dtype=str, keep_default_na=False)
    missing = {"text", "route"} - set(frame.columns)
    if missing:
        raise SystemExit(f"{path}: no column {', '.join(sorted(missing))} (a labelled file: id,text,route,...)")
    rows = []
    with origin_model.recording() as recorded:
        for text, gold in zip(frame["text"], frame["route"]):
            recorded.clear()
            result = extract_route(text)
            reviewed, found = recorded[0] if recorded else (tuple(result.route), [])
            rows.append(Row(group, reviewed, tuple(result.route), list(found), split_route(gold)))
    return rows


def fit(rows: list[Row], ridge: float, margin: float = math.inf) -> origin_model.Model:
    """Per action a ridge logistic regression over its alternatives, each set weighing as much as another."""
    sizes = {}
    for row in rows:
        sizes[row.group] = sizes.get(row.group, 0) + 1
    parts = {}
    for action in origin_model.ACTIONS:
        vectors, labels, weights = [], [], []
        for row in rows:
            for alternative in row.found:
                if alternative.action == action:
                    vectors.append(alternative.values)
                    labels.append(right(row, alternative))
                    weights.append(100.0 / sizes[row.group])
        if len(set(labels)) < 2:
            parts[action] = (-50.0, (0.0,) * len(origin_model.FEATURE_NAMES))
        else:
            intercept, coefficients = ridge_logistic(vectors, labels, ridge, weights)
            parts[action] = (float(intercept), tuple(float(w) for w in coefficients))
    return origin_model.Model(True, parts["drop"], parts["add"], margin)


def outcome(rows: list[Row], model: origin_model.Model | None) -> dict:
    """Rows, exact before, fixed, broken, switched."""
    n = before = fixed = broken = switched = 0
    for row in rows:
        new = row.final(model)
        was, now = row.route == row.gold, new == row.gold
        n += 1
        before += was
        fixed += now and not was
        broken += was and not now
        switched += new != row.route
    return {"rows": n, "before": before, "fixed": fixed, "broken": broken, "switched": switched}


def line(name: str, o: dict) -> str:
    n = max(o["rows"], 1)
    after = o["before"] + o["fixed"] - o["broken"]
    return (f"{name:18} rows {o['rows']:4}  exact {o['before'] / n:.3f} -> {after / n:.3f}  switched "
            f"{o['switched']:3} fixed {o['fixed']:3} broken {o['broken']:3} net {o['fixed'] - o['broken']:+d}")


def margin_table(rows: list[Row], ridge: float) -> dict[float, tuple[int, int]]:
    """margin -> (rows fixed, rows broken) over the training sets (never a tuned one), each held out and scored by
    the fit on all other rows."""
    held = [([r for r in rows if r.group == g], fit([r for r in rows if r.group != g], ridge))
            for g in sorted({r.group for r in rows if not r.group.startswith(TUNED)})]
    table = {}
    for margin in MARGINS:
        fixed = broken = 0
        for held_rows, model in held:
            o = outcome(held_rows, model._replace(margin=margin))
            fixed, broken = fixed + o["fixed"], broken + o["broken"]
        table[margin] = (fixed, broken)
    return table


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--train", nargs="+", type=Path, default=list(TRAIN_SETS),
                        help="labelled sets the rules were never tuned on (one group each)")
    parser.add_argument("--extra", nargs="*", type=Path, default=[],
                        help="more labelled CSVs (review corrections: id,text,route,...), one group each")
    parser.add_argument("--ridge", type=float, default=1.0)
    parser.add_argument("--break-cost", type=float, default=1.0,
                        help="how many fixed rows one broken row costs when choosing the margin")
    parser.add_argument("--add-tuned", action="store_true",
                        help="train also on the repository's tuned hard sets (never held out: the folds stay the "
                             "training sets)")
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
    groups = sorted({row.group for row in rows})
    tuned: list[Row] = []
    if args.add_tuned:
        for name in TUNED_SETS:
            path = DATA / f"extraction_{name}.csv"
            if path.exists():
                tuned += read_rows(path, TUNED + name)
    training = rows + tuned
    counts = {a: sum(x.action == a for r in rows for x in r.found) for a in origin_model.ACTIONS}
    print(f"training: {len(groups)} sets, {len(rows)} rows, alternatives: drop {counts['drop']}, add {counts['add']} "
          f"(ridge {args.ridge})")
    total: dict = {}
    margin = math.inf
    if len(groups) >= 2:
        print("(a) leave one training set out (nested: the margin chosen on the other training sets)")
        for held in groups:
            rest = [r for r in training if r.group != held]
            inner = margin_table(rest, args.ridge) if len(groups) >= 3 else {math.inf: (0, 0)}
            chosen = _ORDER_FIT.choose_margin(inner, args.break_cost)
            o = outcome([r for r in rows if r.group == held], fit(rest, args.ridge, chosen))
            print("  " + line(held, o) + f"  (margin {chosen})")
            total = add(total, o)
        print("  " + line("pooled", total))
        table = margin_table(training, args.ridge)
        print("leave one set out, rows fixed/broken by margin: "
              + ", ".join(f"{m}: {f}/{b}" for m, (f, b) in table.items()))
        margin = _ORDER_FIT.choose_margin(table, args.break_cost)
        print(f"margin (leave one set out over all {len(groups)} sets): {margin}")
    pooled_ok = bool(total) and total["fixed"] - total["broken"] >= NET_GAIN * total["rows"]
    model = fit(training, args.ridge, margin)
    for action, (intercept, weights) in (("drop", model.drop), ("add", model.add)):
        print(f"{action}: intercept {intercept:+.2f}; " + ", ".join(
            f"{name} {w:+.2f}" for name, w in zip(origin_model.FEATURE_NAMES, weights) if abs(w) >= 0.05))
    plain_ok = True
    figures: dict = {}
    if not args.no_allowed_sets:
        print("(b) allowed sets with the final fit")
        for name in (*PLAIN_SETS, *TUNED_SETS):
            path = DATA / f"extraction_{name}.csv"
            if not path.exists():
                continue
            o = outcome(read_rows(path, name), model if math.isfinite(margin) else None)
            print("  " + line(name, o))
            figures[name] = f"{o['fixed']}/{o['broken']}"
            if name in PLAIN_SETS and o["broken"]:
                plain_ok = False
    switch_on = pooled_ok and plain_ok and math.isfinite(margin)
    print(f"switch-on rule: (a) pooled net >= {NET_GAIN:.0%} of rows: {pooled_ok}; (b) no plain-set row broken: "
          f"{plain_ok} -> enabled: {str(switch_on).lower()}")
    if args.write:
        fitted = {
            "command": "benchmarks/text_origin_fit.py --write" + "".join(f" --extra {p}" for p in args.extra)
            + (" --add-tuned" if args.add_tuned else "") + (f" --ridge {args.ridge}" if args.ridge != 1.0 else ""),
            "date": datetime.now(timezone.utc).strftime("%d %b %Y %H:%M UTC"),
            "sets": [Path(p).name for p in paths], "rows": len(rows), "alternatives": counts, "ridge": args.ridge,
            "tuned_sets_added": args.add_tuned, "held_out_pooled": total, "allowed_sets_fixed_broken": figures,
        }
        stored = model._replace(enabled=switch_on, margin=margin if math.isfinite(margin) else 1e9)
        origin_model.write_model(args.out, stored, fitted)
        print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
