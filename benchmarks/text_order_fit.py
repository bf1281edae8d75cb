"""Fit the learned order stage (``routekit.text.order_model``), judge it, store it.

    .venv/bin/python benchmarks/text_order_fit.py [--write] [--extra CORRECTIONS.csv ...]

Trains on labelled sets the rules were never tuned on (default the ten blind-written training sets
``tests/data/extraction_hard_train1.csv`` ... ``_train10.csv``; ``--train`` names others), each set one group. The
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

The journey term's weights (pair_scale, ground_weight, flight_weight and unknown_weight - a leg of no told mode;
``--no-unknown-legs``: such legs weigh as over land, the round-7 term) come from a conditional logit over each row's
candidates; a leg into an airport (Schiphol, Eindhoven Airport ...) counts as flown.
``--extra FILE``: more labelled CSVs (id,text,route,...: e.g. a partner's review corrections), one group each.
``--words``: word features that link two countries' mentions (``order_model.pair_words``: the words right before each,
between them, opening the later-told one's sentence) are learnt too, those seen in at least K distinct records of 2
training sets (``learned_fit.word_vocabulary``; ``--word-min`` may only raise K), digits blanked, their columns scaled
by ``--word-scale`` (a stronger ridge); the strongest are printed and stored under ``words``.
Off by default: held out they gained nothing for their cost (routekit/text/README.md).
``--add-tuned``: the repository's tuned hard sets join the training with their own indicator (their rules' and
text order weights apart, dropped for prediction); the folds stay the training sets. Never fits on a set kept for
evaluation: files named ``*untouched*`` or ``*calib*`` are refused. Deterministic (no random draws).
"""

from __future__ import annotations

import argparse
import math
import sys
from dataclasses import dataclass
from pathlib import Path

from routekit.text import learned_fit, order_model
from routekit.text.calibration import fit as ridge_logistic
from routekit.text.learned_fit import (TRAIN_SETS, TUNED, TUNED_SETS,  # noqa: F401  (TRAIN_SETS: for the tests)
                                       allowed_sets, choose_margin, fit_arguments, fit_record, finite_or_never,
                                       held_out_gain, judge_allowed_sets, leave_one_set_out, print_margin_choice,
                                       print_strongest_words, record_key, recorded_rows, store,
                                       switch_on as switch_on_rule, tally, training_rows, WordFloor, word_floor,
                                       train_option, word_vocabulary)

ROOT = Path(__file__).resolve().parents[1]
TARGET = ROOT / "routekit" / "reference" / "gazetteer" / order_model.ORDER_FILE
MARGINS = (0.0, 0.25, 0.5, 0.75, 1.0, 1.5, 2.0, 3.0, 4.0, 6.0, math.inf)   # inf: never switch


@dataclass
class Row:
    """One labelled record as the stage sees it: the route it reviews, its ``Case`` (None: nothing to reorder), the
    gold route."""
    group: str
    route: tuple[str, ...]
    case: order_model.Case | None
    gold: tuple[str, ...]
    record: str = ""   # ``learned_fit.record_key`` of the text: the word floor's unit

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


def read_rows(path: Path, group: str) -> list[Row]:
    """Run the extractor (stage recording, so the rules' own order) over a labelled file."""
    rows = []
    for recorded in recorded_rows(path, order_model.recording):
        final = tuple(recorded.result.route)
        route, case = recorded.record or (final, None)
        if case is not None and final != tuple(route):
            raise SystemExit(f"{path}: line {recorded.line}: the stage's route differs from the extractor's (a bug)")
        rows.append(Row(group, final, case, recorded.gold, record_key(recorded.text)))
    return rows


def examples(rows: list[Row], pairs_from: str, per_row: bool, tuned_indicator: bool = False,
             owners: list | None = None):
    """(vectors, labels, weights, words): each pair of countries both in gold in both orientations, ``words`` its word
    features ({name: value}, negated with the orientation); ``owners`` (a list) gets each pair's (record key, group,
    None for a tuned set), once per pair, for the word floor."""
    vectors, labels, weights, lexical = [], [], [], []
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
            features = (row.case.words or {}).get((a, b)) or {}
            lexical += [features, {name: -value for name, value in features.items()}]
            if owners is not None:
                owners.append((row.record, None if tuned else row.group))
            x = list(x)
            if tuned_indicator:
                x += [tuned * x[rules], tuned * x[text]]
            y = gold[a] < gold[b]
            vectors += [tuple(x), tuple(-v for v in x)]
            labels += [y, not y]
            weights += [weight, weight]
    return vectors, labels, weights, lexical


def vocabulary(lexical: list[dict], owners: list, floor: WordFloor) -> list[str]:
    """The word features that pass the floor (``learned_fit.word_vocabulary``: distinct records of 2 training groups,
    a tuned set counting for records only), sorted; ``lexical`` holds both orientations, ``owners`` one per pair."""
    return word_vocabulary(((record, group, features) for (record, group), features in zip(owners, lexical[::2])),
                           floor)


def pair_weights(rows: list[Row], args: argparse.Namespace) -> tuple[tuple[float, ...], dict[str, float] | None]:
    """The pair weights (``PAIR_FEATURES`` order) and the word features' weights (None: no words) fitted on the rows.
    Word columns enter scaled by ``--word-scale`` s, so their ridge is the pair features' over s^2 (stronger for
    s < 1); their stored weight is the coefficient times s."""
    indicator = any(row.group.startswith(TUNED) for row in rows)
    owners: list = []
    vectors, labels, weights, lexical = examples(rows, args.pairs, args.per_row, indicator, owners)
    if len(set(labels)) < 2:
        return (0.0,) * len(order_model.PAIR_FEATURES), None
    names = vocabulary(lexical, owners, word_floor(args.word_min)) if args.words else []
    if names:
        column = {name: k for k, name in enumerate(names)}
        scale = args.word_scale
        widened = []
        for x, features in zip(vectors, lexical):
            extra = [0.0] * len(names)
            for name, value in features.items():
                k = column.get(name)
                if k is not None:
                    extra[k] = value * scale
            widened.append((*x, *extra))
        vectors = widened
    intercept, coefficients = ridge_logistic(vectors, labels, args.ridge, weights)
    assert abs(intercept) < 1e-3, intercept   # antisymmetric data: 0 up to the optimiser's tolerance
    words = {name: w * args.word_scale for name, w in zip(names, coefficients[-len(names):])} if names else None
    return tuple(coefficients[:len(order_model.PAIR_FEATURES)]), words


def journey_scales(rows: list[Row], weights_of: dict[str, tuple], ridge: float = 0.1, unknown_legs: bool = True
                   ) -> tuple[float, float, float, float | None]:
    """(pair_scale, ground_weight, flight_weight, unknown_weight): a conditional logit over each row's candidates
    (which one is the gold order), utility = pair_scale x pair score - ground_weight x km over land/sea told -
    flight_weight x km flown - unknown_weight x km of no told mode (thousands; ``unknown_legs`` False: such legs
    count as over land, unknown_weight None). ``weights_of``: per group the (pair, word) weights to score its rows
    with (fitted without it, so the pair scores are as sure of themselves as on a new set)."""
    import numpy as np
    from scipy.optimize import minimize

    blocks = []
    for row in rows:
        target = row.gold_order
        if target is None or order_model.told_in_order(row.case):   # rows the stage does not review
            continue
        found = order_model.terms(row.case, *weights_of[row.group])
        orders = [order for order, *_ in found]
        if target not in orders:
            continue
        if unknown_legs:
            x = np.array([[p, -g, -a, -u] for _, p, g, a, u in found])
        else:
            x = np.array([[p, -g - u, -a] for _, p, g, a, u in found])
        blocks.append((x - x[0], orders.index(target)))
    if not blocks:
        return 1.0, 0.0, 0.0, (0.0 if unknown_legs else None)
    size = blocks[0][0].shape[1]

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

    theta = minimize(loss, np.array([1.0] + [0.0] * (size - 1)), jac=True, method="L-BFGS-B",
                     bounds=[(0.0, None)] * size).x
    return float(theta[0]), float(theta[1]), float(theta[2]), (float(theta[3]) if unknown_legs else None)


def fit(rows: list[Row], args: argparse.Namespace, margin: float = 0.0) -> order_model.Model:
    """Pair weights on all rows; the journey scales on pair scores cross-fitted by group (never a tuned group held)."""
    weights, words = pair_weights(rows, args)
    groups = sorted({row.group for row in rows})
    if args.journey and len(groups) >= 2:
        weights_of = {g: pair_weights([r for r in rows if r.group != g], args) for g in groups}
        *scales, unknown = journey_scales(rows, weights_of, unknown_legs=args.unknown_legs)
    else:
        scales, unknown = (1.0, 0.0, 0.0), None
    return order_model.Model(True, weights, margin, *scales, args.max_countries, words, unknown)


def outcome(rows: list[Row], model: order_model.Model | None) -> dict:
    """Rows, exact before/after, fixed, broken, switched, order accuracy before/after."""
    return tally(((row.route, row.final(model), row.gold) for row in rows), order=True)


def folds(rows: list[Row], args) -> list[tuple[list[Row], order_model.Model]]:
    """Per training group (never a tuned set): its rows and the fit on all other rows."""
    found = []
    for held in sorted({row.group for row in rows if not row.group.startswith(TUNED)}):
        found.append(([r for r in rows if r.group == held], fit([r for r in rows if r.group != held], args)))
    return found


def margin_table(fold_list) -> dict[float, tuple[int, int]]:
    """margin -> (rows fixed, rows broken) over the held-out folds."""
    return learned_fit.margin_table(MARGINS, fold_list, outcome)


def pair_accuracy(fold_list, pairs_from: str) -> str:
    """Held-out pairs: how often the rules' order and the model's P > 0.5 agree with gold."""
    total = rules_right = model_right = 0
    for held_rows, model in fold_list:
        weights, words = model.weights, model.words or {}
        vectors, labels, _, lexical = examples(held_rows, pairs_from, False)
        for x, y, features in zip(vectors[::2], labels[::2], lexical[::2]):
            z = sum(w * v for w, v in zip(weights, x)) + order_model.word_logit(features, words)
            total += 1
            rules_right += y          # the first orientation is always 'a before b in the rules' route'
            model_right += (z > 0) == y
    if not total:
        return "no held-out pairs"
    return (f"{total} held-out pairs: the rules' order right {rules_right / total:.3f}, the model's "
            f"{model_right / total:.3f}")


def at_least(margin: float, floor: float | None) -> float:
    """The chosen margin, raised to ``--min-margin``: a floor the held-out choice cannot go below (the stage must not
    overrule the rules' explicit "from X" orders that the test suite's hand-made examples hold)."""
    return margin if floor is None else max(margin, floor)


def main(argv: list[str] | None = None) -> int:
    parser = fit_arguments(__doc__.splitlines()[0], TARGET, "the margin")
    parser.add_argument("--pairs", choices=("equal", "overlap"), default="equal",
                        help="rows whose route holds exactly the gold countries, or any row (pairs both in gold)")
    parser.add_argument("--per-pair", dest="per_row", action="store_false",
                        help="each pair counts once (default: each row counts once)")
    parser.add_argument("--min-margin", type=float, default=None,
                        help="the margin is at least this, in each held-out fold and in the stored fit")
    parser.add_argument("--max-countries", type=int, default=4,
                        help="review routes of at most this many countries abroad (the stage's cost grows as n^2: 4 "
                             "keeps it under 2%% of the extraction on the demo texts, 6 costs ~3%%, 8 ~4%%)")
    parser.add_argument("--no-journey", dest="journey", action="store_false",
                        help="pair scores alone (no journey-length term)")
    parser.add_argument("--no-unknown-legs", dest="unknown_legs", action="store_false",
                        help="a leg of no told mode weighs as one over land (the round-7 journey term; default: its "
                             "own weight, fitted)")
    parser.add_argument("--add-tuned", action="store_true",
                        help="train also on the tuned hard sets, with their own indicator")
    parser.add_argument("--words", action="store_true",
                        help="learn word features too (``order_model.pair_words``; held out they gained nothing for "
                             "their cost, so off by default)")
    parser.add_argument("--word-min", type=int, default=None,
                        help="a word feature enters when seen in this many distinct records (default and least: K, "
                             "disclosure.rule) of 2 training sets; may only raise the floor")
    parser.add_argument("--word-scale", type=float, default=0.5,
                        help="word columns scaled by this (their ridge is the pair features' / scale^2)")
    args = parser.parse_args(argv)
    paths, rows, groups = training_rows(args, read_rows)
    allowed: dict[str, list[Row]] = {}
    if args.add_tuned or not args.no_allowed_sets:
        for name, path in allowed_sets():
            allowed[name] = read_rows(path, TUNED + name if name in TUNED_SETS else name)
    training = rows + ([r for name in TUNED_SETS for r in allowed.get(name, [])] if args.add_tuned else [])
    n_pairs = len(examples(training, args.pairs, False)[0]) // 2
    print(f"training: {len(groups)} sets, {len(rows)} rows, {sum(r.case is not None for r in rows)} with 2+ countries "
          f"abroad, {n_pairs} pairs (--pairs {args.pairs}, ridge {args.ridge}, "
          f"{'each row once' if args.per_row else 'each pair once'}{', tuned sets added' if args.add_tuned else ''})")

    def held_out(held: str) -> tuple[dict, str]:
        rest = [r for r in training if r.group != held]
        inner = folds(rest, args)
        margin = at_least(choose_margin(margin_table(inner), args.break_cost), args.min_margin) if len(inner) >= 2 \
            else math.inf
        model = fit(rest, args, margin)
        return (outcome([r for r in rows if r.group == held], model),
                f"  (margin {margin}, journey {model.pair_scale:.2f} {model.ground_weight:.2f} "
                f"{model.flight_weight:.2f} {model.unknown:.2f})")

    total: dict = {}
    margin = math.inf
    if len(groups) >= 2:
        total = leave_one_set_out("(a) leave one training set out (nested: the margin chosen on the other training "
                                  "sets)", groups, held_out)
        outer = folds(training, args)
        print("pairs: " + pair_accuracy(outer, args.pairs))
        margin = at_least(print_margin_choice(margin_table(outer), args.break_cost, len(groups)), args.min_margin)
        if args.min_margin is not None:
            print(f"margin at least {args.min_margin} (--min-margin): {margin}")
    pooled_ok = held_out_gain(total)
    model = fit(training, args, margin)
    print(f"journey: pair_scale {model.pair_scale:.3f}, ground_weight {model.ground_weight:.3f}, flight_weight "
          f"{model.flight_weight:.3f}, unknown_weight {model.unknown:.3f} (per 1,000 km)")
    print("weights: " + ", ".join(f"{name} {w:+.2f}" for name, w in zip(order_model.PAIR_FEATURES, model.weights)
                                  if abs(w) >= 0.005))
    if model.words:
        print_strongest_words(f"words ({len(model.words)}, seen in >= {word_floor(args.word_min).records} records, "
                              f"scale {args.word_scale})", model.words)

    figures, plain_ok = {}, True
    if not args.no_allowed_sets:
        figures, plain_ok = judge_allowed_sets(
            lambda name, path: outcome(allowed[name], model if math.isfinite(margin) else None))
    switch_on = switch_on_rule(pooled_ok, plain_ok, math.isfinite(margin))
    if args.write:
        options = (train_option(args.train) + (" --add-tuned" if args.add_tuned else "")
                   + (f" --pairs {args.pairs}" if args.pairs != "equal" else "")
                   + ("" if args.per_row else " --per-pair") + f" --max-countries {args.max_countries}"
                   + ("" if args.journey else " --no-journey")
                   + ("" if args.unknown_legs else " --no-unknown-legs")
                   + (" --words" if args.words else "")
                   + (f" --word-min {word_floor(args.word_min).records}" if word_floor(args.word_min) != word_floor()
                      else "")
                   + (f" --word-scale {args.word_scale}" if args.word_scale != 0.5 else "")
                   + (f" --ridge {args.ridge}" if args.ridge != 3.0 else "")
                   + (f" --break-cost {args.break_cost:g}" if args.break_cost != 1.0 else "")
                   + (f" --min-margin {args.min_margin:g}" if args.min_margin is not None else ""))
        fitted = {
            **fit_record("benchmarks/text_order_fit.py", args.extra, options),
            "sets": [Path(p).name for p in paths], "rows": len(rows), "pairs": n_pairs,
            "ridge": args.ridge, "journey_term": args.journey, "unknown_legs": args.unknown_legs,
            "pairs_from": args.pairs, "each_row_once": args.per_row,
            "tuned_sets_added": args.add_tuned, "break_cost": args.break_cost, "min_margin": args.min_margin,
            **({"word_floor": word_floor(args.word_min).entry()} if args.words else {}),
            "words": ({"scale": args.word_scale, "features": len(model.words or {})} if args.words else False),
            "held_out_pooled": {key: (round(v, 3) if isinstance(v, float) else v) for key, v in total.items()},
            "allowed_sets_fixed_broken": figures,
        }
        stored = model._replace(enabled=switch_on, margin=finite_or_never(margin))
        store(order_model.write_model, args.out, stored, fitted)
    return 0


if __name__ == "__main__":
    sys.exit(main())
