"""Fit the learned origin decision (``routekit.text.origin_model``), judge it, store it.

    .venv/bin/python benchmarks/text_origin_fit.py [--write] [--extra CORRECTIONS.csv ...]

Trains on labelled sets the rules were never tuned on (default the ten blind-written training sets
``tests/data/extraction_hard_train1.csv`` ... ``_train10.csv``), each set one group. The extractor runs with the stage
recording (the routes the rules, the stop verifier and the order stage make, and per record the alternative origins
with their features). An alternative is labelled right when it gives the gold route's first country without losing a
gold country (``drop``: the dropped country is not in gold and the next one is gold's first; ``add``: the country is
gold's first). Two ridge logistic regressions (``calibration.fit``), one per action, over the alternatives of rows
where the alternative or the rules' origin is right (the choice the stage makes); each set counts as much as another.

The margin (the log-odds the best alternative must exceed) is chosen by leaving one set out: rows fixed less
``--break-cost`` x rows broken, ties to the larger margin. A row's route after the stage is the extractor's route with
the chosen origin (its order as the order stage left it). It prints, counts only (nothing of a row):
(a) leave one training set out, nested (the margin chosen on the other training sets alone): exact route per set and
    pooled, fixed/broken;
(b) every allowed set of the repository (plain and tuned) with the final fit.
The stage is stored switched on (``--write``) only when (a) nets at least 1% of the rows pooled and (b) breaks no row
of a plain set; otherwise ``enabled: false`` with the figures. ``--extra FILE``: more labelled CSVs, one group each.
``--add-tuned`` / ``--add-plain``: the repository's tuned / plain sets as extra training rows (never a fold of (a));
(b) then judges each of them with a fit without it, never with one that saw its rows.
Never fits on a set kept for evaluation (``*untouched*``, ``*calib*`` are refused). Deterministic.
"""

from __future__ import annotations

import math
import sys
from dataclasses import dataclass
from pathlib import Path

from routekit.text import learned_fit, origin_model
from routekit.text.calibration import fit as ridge_logistic
from routekit.text.learned_fit import (DATA, PLAIN_SETS, TRAIN_SETS, TUNED,  # noqa: F401  (TRAIN_SETS: the tests)
                                       TUNED_SETS, allowed_sets, choose_margin, fit_arguments, fit_record, train_option,
                                       finite_or_never, held_out_gain, judge_allowed_sets, leave_one_set_out,
                                       print_margin_choice, recorded_rows, store, switch_on as switch_on_rule, tally,
                                       training_rows)

ROOT = Path(__file__).resolve().parents[1]
TARGET = ROOT / "routekit" / "reference" / "gazetteer" / origin_model.ORIGIN_FILE
MARGINS = (-1.0, -0.5, 0.0, 0.5, 1.0, 1.5, 2.0, 3.0, math.inf)   # inf: never switch


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
    rows = []
    for recorded in recorded_rows(path, origin_model.recording):
        final = tuple(recorded.result.route)
        reviewed, found = recorded.record or (final, [])
        rows.append(Row(group, reviewed, final, list(found), recorded.gold))
    return rows


def rules_right(row: Row) -> bool:
    """Is the rules' origin (the reviewed route's first country) gold's first country?"""
    return bool(row.gold) and bool(row.reviewed) and row.reviewed[0] == row.gold[0]


def fit(rows: list[Row], ridge: float, margin: float = math.inf) -> origin_model.Model:
    """Per action a ridge logistic regression over its alternatives, each set weighing as much as another. An
    alternative is learnt from only when it or the rules' origin is right: the choice the stage makes is between the
    two, so the score is the log-odds of the alternative against the rules' origin and a margin of 0 is the even
    bet (rows where neither is right taught 'keep' and pushed the held-out margin to the grid's floor)."""
    sizes = {}
    for row in rows:
        sizes[row.group] = sizes.get(row.group, 0) + 1
    parts = {}
    for action in origin_model.ACTIONS:
        vectors, labels, weights = [], [], []
        for row in rows:
            keep_right = rules_right(row)
            for alternative in row.found:
                if alternative.action == action and (keep_right or right(row, alternative)):
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
    return tally((row.route, row.final(model), row.gold) for row in rows)


def added_rows(names) -> list[Row]:
    """The repository's sets named in ``names`` (tuned or plain, ``--add-tuned``/``--add-plain``) as extra training
    rows, each its own group ``tuned:NAME``: never a held-out fold of (a), and (b) judges each with a fit without it,
    so that a set's own rows never vouch for the fit that judges them."""
    rows: list[Row] = []
    for name, path in allowed_sets():
        if name in names:
            rows += read_rows(path, TUNED + name)
    return rows


def margin_table(rows: list[Row], ridge: float) -> dict[float, tuple[int, int]]:
    """margin -> (rows fixed, rows broken) over the training sets (never a tuned one), each held out and scored by
    the fit on all other rows."""
    held = [([r for r in rows if r.group == g], fit([r for r in rows if r.group != g], ridge))
            for g in sorted({r.group for r in rows if not r.group.startswith(TUNED)})]
    return learned_fit.margin_table(MARGINS, held, outcome)


def main(argv: list[str] | None = None) -> int:
    parser = fit_arguments(__doc__.splitlines()[0], TARGET, "the margin", ridge=1.0)
    parser.add_argument("--add-tuned", action="store_true",
                        help="train also on the repository's tuned hard sets (never held out: the folds stay the "
                             "training sets)")
    parser.add_argument("--add-plain", action="store_true",
                        help="train also on the repository's plain sets (gold, dev2-4, heldout, heldout2), like "
                             "--add-tuned; (b) then judges each added set with a fit without it")
    args = parser.parse_args(argv)
    paths, rows, groups = training_rows(args, read_rows)
    added_names = {*(TUNED_SETS if args.add_tuned else ()), *(PLAIN_SETS if args.add_plain else ())}
    added = added_rows(added_names)
    training = rows + added
    counts = {a: sum(x.action == a for r in rows for x in r.found) for a in origin_model.ACTIONS}
    print(f"training: {len(groups)} sets, {len(rows)} rows, alternatives: drop {counts['drop']}, add {counts['add']} "
          f"(ridge {args.ridge})")

    def held_out(held: str) -> tuple[dict, str]:
        rest = [r for r in training if r.group != held]
        inner = margin_table(rest, args.ridge) if len(groups) >= 3 else {math.inf: (0, 0)}
        chosen = choose_margin(inner, args.break_cost)
        return outcome([r for r in rows if r.group == held], fit(rest, args.ridge, chosen)), f"  (margin {chosen})"

    total: dict = {}
    margin = math.inf
    if len(groups) >= 2:
        total = leave_one_set_out("(a) leave one training set out (nested: the margin chosen on the other training "
                                  "sets)", groups, held_out, args.workers)
        margin = print_margin_choice(margin_table(training, args.ridge), args.break_cost, len(groups))
    pooled_ok = held_out_gain(total)
    model = fit(training, args.ridge, margin)
    for action, (intercept, weights) in (("drop", model.drop), ("add", model.add)):
        print(f"{action}: intercept {intercept:+.2f}; " + ", ".join(
            f"{name} {w:+.2f}" for name, w in zip(origin_model.FEATURE_NAMES, weights) if abs(w) >= 0.05))
    figures, plain_ok = {}, True
    if not args.no_allowed_sets:
        def judged(name: str, path: Path) -> dict:
            if not math.isfinite(margin):
                return outcome(read_rows(path, name), None)
            if name not in added_names:
                return outcome(read_rows(path, name), model)
            own = [r for r in added if r.group == TUNED + name]
            return outcome(own, fit([r for r in training if r.group != TUNED + name], args.ridge, margin))

        figures, plain_ok = judge_allowed_sets(judged)
    switch_on = switch_on_rule(pooled_ok, plain_ok, math.isfinite(margin))
    if args.write:
        options = ((" --add-tuned" if args.add_tuned else "") + (" --add-plain" if args.add_plain else "")
                   + (f" --ridge {args.ridge}" if args.ridge != 1.0 else "") + train_option(args.train))
        fitted = {
            **fit_record("benchmarks/text_origin_fit.py", args.extra, options),
            "sets": [Path(p).name for p in paths], "rows": len(rows), "alternatives": counts, "ridge": args.ridge,
            "tuned_sets_added": args.add_tuned, "plain_sets_added": args.add_plain, "held_out_pooled": total,
            "allowed_sets_fixed_broken": figures,
        }
        stored = model._replace(enabled=switch_on, margin=finite_or_never(margin))
        store(origin_model.write_model, args.out, stored, fitted)
    return 0


if __name__ == "__main__":
    sys.exit(main())
