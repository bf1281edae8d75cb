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
``--choose``: the review's length (``--max-countries`` 4, 6 or 8) and the journey term's legs of no told mode (own
weight or ``--no-unknown-legs``) are chosen with the margin inside each held-out fold too (the same inner leave-one-
set-out, ``--break-cost`` and ``--min-margin``), so that (a) is honest about them; the stored fit takes the choice
made over all the sets.
Speed (``FastFits``): each row is read through the extractor once; its pair examples, candidate orders, their
journeys and the pairs each turns round are worked out once; a ridge fit or journey term on a set of groups is computed
once and kept (the nested loop asks for ~8,000 fits of ~1,350 distinct sets at 20 sets); BLAS runs on one thread.
On train1-10 (one process, same rows): 14 min wall / 8 min CPU before, ~4 s CPU after, the same tables and yaml.
``--add-tuned``: the repository's tuned hard sets join the training with their own indicator (their rules' and
text order weights apart, dropped for prediction); the folds stay the training sets. Never fits on a set kept for
evaluation: files named ``*untouched*`` or ``*calib*`` are refused. Deterministic (no random draws).
"""

from __future__ import annotations

import argparse
import math
import os
import re
import sys

# one core (the machine's others are busy): a BLAS spreading each small product over threads made the fit ~20 times
# slower on a loaded machine; set before numpy is first imported (by routekit below)
for _threads in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_threads, "1")
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable

import yaml

from routekit.text import learned_fit, order_model
from routekit.text.calibration import fit as ridge_logistic
from routekit.text.learned_fit import (TRAIN_SETS, TUNED, TUNED_SETS,  # noqa: F401  (TRAIN_SETS: for the tests)
                                       allowed_sets, choose_margin, fit_arguments, fit_record, finite_or_never,
                                       held_out_gain, judge_allowed_sets, leave_one_set_out, print_margin_choice,
                                       line, print_strongest_words, record_key, recorded_rows, store,
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


def _moved_to_the_front(given: tuple[str, ...], final: tuple[str, ...]) -> bool:
    """The one rule after the stage that acts on a route the stage left as it was given: a country told only as left
    and farthest from the Netherlands goes first (``extraction._farthest_left_first``, round 17)."""
    return len(final) == len(given) and final[0] in given and final[1:] == tuple(c for c in given if c != final[0])


def read_rows(path: Path, group: str) -> list[Row]:
    """Run the extractor (stage recording, so the rules' own order) over a labelled file."""
    rows = []
    for recorded in recorded_rows(path, order_model.recording):
        final = tuple(recorded.result.route)
        route, case = recorded.record or (final, None)
        if case is not None and final != tuple(route):
            if not _moved_to_the_front(tuple(route), final):
                raise SystemExit(f"{path}: line {recorded.line}: the stage's route differs from the extractor's (a bug)")
            final = tuple(route)   # the stage is fitted on the order it is given, as it is in use
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


def plain_fit(rows: list[Row], args: argparse.Namespace, margin: float = 0.0) -> order_model.Model:
    """Pair weights on all rows; the journey scales on pair scores cross-fitted by group (never a tuned group held).
    The method written plainly, one fit at a time: ``FastFits`` computes the same, and is what the script runs."""
    weights, words = pair_weights(rows, args)
    groups = sorted({row.group for row in rows})
    if args.journey and len(groups) >= 2:
        weights_of = {g: pair_weights([r for r in rows if r.group != g], args) for g in groups}
        *scales, unknown = journey_scales(rows, weights_of, unknown_legs=args.unknown_legs)
    else:
        scales, unknown = (1.0, 0.0, 0.0), None
    return order_model.Model(True, weights, margin, *scales, args.max_countries, words, unknown)


class FastFits:
    """The fit's fast path (the same method as ``fit``, ``folds`` and ``outcome``; ``tests/test_text_order_fit_fast.py``
    holds it equal to them): what does not depend on the fold is worked out once from the rows - each row's pair
    examples as one numpy matrix, its candidate orders, their journeys and the pairs each turns round, whether each
    candidate is gold -, and a ridge fit or a journey term on a set of groups is computed once and kept (the nested
    leave-one-set-out asks for the same sets of groups many times: with 20 sets, ~8,000 fits of ~1,350 distinct sets).
    A fold is then a mask over the rows, a model's decisions one matrix product per fold."""

    def __init__(self, rows: list[Row], args: argparse.Namespace):
        import numpy as np
        from scipy import sparse

        self.rows, self.args = rows, args
        self.groups = sorted({row.group for row in rows})
        self.group_index = {g: k for k, g in enumerate(self.groups)}
        self.row_group = np.array([self.group_index[row.group] for row in rows], dtype=int)
        self._is_tuned = np.array([g.startswith(TUNED) for g in self.groups])
        # the ridge fit's examples in row order, the tuned indicator's columns always built (dropped when no tuned set)
        owners: list = []
        per_row: list[int] = []
        vectors, labels, weights, lexical = [], [], [], []
        for k, row in enumerate(rows):
            v, l, w, lex = examples([row], args.pairs, args.per_row, True, owners)
            vectors += v
            labels += l
            weights += w
            lexical += lex
            per_row += [k] * len(v)
        width = len(order_model.PAIR_FEATURES) + 2
        self.x = np.asarray(vectors, dtype=float).reshape(len(vectors), width)
        self.y = np.asarray(labels, dtype=bool)
        self.w = np.asarray(weights, dtype=float)
        self.example_group = self.row_group[np.asarray(per_row, dtype=int)] if per_row else np.zeros(0, dtype=int)
        self.lexical, self.owners = lexical, owners
        # every row the stage may review: its candidates (the rules' order first), their journeys and turned pairs
        pair_rows, pair_group, turned_cols, turned_rows, blocks, starts = [], [], [], [], [], []
        ground, air, unknown, exact, chosen = [], [], [], [], []
        self.pair_words: list[dict] = []
        self.review_rows: list[int] = []
        self.orders: list[tuple[str, ...]] = []   # every reviewed row's candidates, one after another
        journey_rows: list[int] = []
        candidate = 0
        for k, row in enumerate(rows):
            case = row.case
            if case is None or order_model.told_in_order(case):
                continue
            pair_index = {}
            for pair, x in case.pairs.items():
                pair_index[pair] = len(pair_rows)
                pair_rows.append(x)
                pair_group.append(self.row_group[k])
                self.pair_words.append((case.words or {}).get(pair) or {})
            found = list(order_model._scored(case.countries, None, case.first, case.flown, case.known))
            orders = [order for order, *_ in found]
            starts.append(candidate)
            self.review_rows.append(k)
            for order, _, g, a, u in found:
                position = {c: i for i, c in enumerate(order)}
                for (a_country, b_country), index in pair_index.items():
                    if position[a_country] > position[b_country]:
                        turned_rows.append(candidate)
                        turned_cols.append(index)
                ground.append(g)
                air.append(a)
                unknown.append(u)
                exact.append(tuple(order) + row.route[len(order):] == row.gold)
                self.orders.append(order)
                blocks.append(len(self.review_rows) - 1)
                candidate += 1
            target = row.gold_order
            chosen.append(orders.index(target) if target is not None and target in orders else -1)
        self.pairs = np.asarray(pair_rows, dtype=float).reshape(len(pair_rows), len(order_model.PAIR_FEATURES))
        self.turned = sparse.csr_matrix((np.ones(len(turned_rows)), (turned_rows, turned_cols)),
                                        shape=(candidate, len(pair_rows)))
        self.pair_group = np.asarray(pair_group, dtype=int)
        self.starts = np.asarray(starts, dtype=int)
        self.block = np.asarray(blocks, dtype=int)
        self.ground, self.air, self.unknown = (np.asarray(v, dtype=float) for v in (ground, air, unknown))   # 1,000 km
        self.exact = np.asarray(exact, dtype=bool)
        self.chosen = np.asarray(chosen, dtype=int)
        self.review_group = self.row_group[np.asarray(self.review_rows, dtype=int)] if self.review_rows else \
            np.zeros(0, dtype=int)
        self.review_size = np.asarray([len(rows[k].case.countries) for k in self.review_rows], dtype=int)
        self.is_first = np.zeros(candidate, dtype=bool)
        self.is_first[self.starts] = True
        self.rules_exact = np.asarray([row.route == row.gold for row in rows], dtype=bool)
        self._weights: dict = {}
        self._scales: dict = {}
        self._models: dict = {}

    def included(self, excluded: Iterable[str] = ()) -> frozenset:
        return frozenset(self.groups) - frozenset(excluded)

    def pair_weights(self, included: frozenset) -> tuple[tuple[float, ...], dict[str, float] | None]:
        """``pair_weights`` of the rows of the ``included`` groups (computed once per set of groups)."""
        import numpy as np

        if included in self._weights:
            return self._weights[included]
        args = self.args
        ids = [self.group_index[g] for g in included]
        mask = np.isin(self.example_group, ids)
        labels = self.y[mask]
        if labels.size == 0 or labels.all() or not labels.any():
            found = (0.0,) * len(order_model.PAIR_FEATURES), None
        else:
            tuned = bool(self._is_tuned[ids].any())
            x = self.x[mask] if tuned else self.x[mask, :len(order_model.PAIR_FEATURES)]
            names: list[str] = []
            if args.words:
                chosen = np.flatnonzero(mask)
                lexical = [self.lexical[k] for k in chosen]
                owners = [self.owners[k // 2] for k in chosen[::2]]
                names = vocabulary(lexical, owners, word_floor(args.word_min))
                if names:
                    column = {name: k for k, name in enumerate(names)}
                    extra = np.zeros((len(lexical), len(names)))
                    for k, features in enumerate(lexical):
                        for name, value in features.items():
                            if name in column:
                                extra[k, column[name]] = value * args.word_scale
                    x = np.hstack([x, extra])
            intercept, coefficients = ridge_logistic(x, labels, args.ridge, self.w[mask])
            assert abs(intercept) < 1e-3, intercept
            words = ({name: w * args.word_scale for name, w in zip(names, coefficients[-len(names):])}
                     if names else None)
            found = tuple(coefficients[:len(order_model.PAIR_FEATURES)]), words
        self._weights[included] = found
        return found

    def _pair_logits(self, weights_of) -> "np.ndarray":
        """Each reviewed pair's log odds under its group's (pair, word) weights (``weights_of(group)``)."""
        import numpy as np

        logits = np.zeros(len(self.pairs))
        for k, group in enumerate(self.groups):
            at = np.flatnonzero(self.pair_group == k)
            if not at.size:
                continue
            found = weights_of(group)
            if found is None:
                continue
            weights, words = found
            logits[at] = self.pairs[at] @ np.asarray(weights, dtype=float)
            if words:
                logits[at] += [order_model.word_logit(self.pair_words[p], words) for p in at]
        return logits

    def journey_scales(self, included: frozenset, unknown_legs: bool, ridge: float = 0.1):
        """``journey_scales`` over the rows of the ``included`` groups, each group's pair scores from the fit without
        it (computed once per set of groups)."""
        import numpy as np
        from scipy.optimize import minimize

        key = (included, unknown_legs)
        if key in self._scales:
            return self._scales[key]
        weights_of = {g: self.pair_weights(included - {g}) for g in included}
        ids = [self.group_index[g] for g in included]
        logits = self._pair_logits(weights_of.get)
        score = -(self.turned @ logits)
        blocks = np.flatnonzero(np.isin(self.review_group, ids) & (self.chosen >= 0))
        if not blocks.size:
            found = 1.0, 0.0, 0.0, (0.0 if unknown_legs else None)
            self._scales[key] = found
            return found
        stops = np.append(self.starts[1:], len(self.block))
        index = np.concatenate([np.arange(self.starts[b], stops[b]) for b in blocks])
        sizes = stops[blocks] - self.starts[blocks]
        local = np.repeat(np.arange(len(blocks)), sizes)
        if unknown_legs:
            x = np.column_stack([score[index], -self.ground[index], -self.air[index], -self.unknown[index]])
        else:
            x = np.column_stack([score[index], -self.ground[index] - self.unknown[index], -self.air[index]])
        first = np.concatenate([[0], np.cumsum(sizes)[:-1]])
        x = x - x[first][local]
        picked = first + self.chosen[blocks]

        def loss(theta):
            u = x @ theta
            top = np.maximum.reduceat(u, first)
            e = np.exp(u - top[local])
            total_e = np.add.reduceat(e, first)
            p = e / total_e[local]
            total = 0.5 * ridge * float(theta[1:] @ theta[1:]) - float(np.sum(u[picked] - top - np.log(total_e)))
            gradient = np.concatenate([[0.0], ridge * theta[1:]]) - x[picked].sum(axis=0) + p @ x
            return total, gradient

        size = x.shape[1]
        theta = minimize(loss, np.array([1.0] + [0.0] * (size - 1)), jac=True, method="L-BFGS-B",
                         bounds=[(0.0, None)] * size).x
        found = float(theta[0]), float(theta[1]), float(theta[2]), (float(theta[3]) if unknown_legs else None)
        self._scales[key] = found
        return found

    def model(self, included: frozenset, margin: float = 0.0, unknown_legs: bool | None = None,
              max_countries: int | None = None) -> order_model.Model:
        """``fit`` on the rows of the ``included`` groups."""
        args = self.args
        unknown_legs = args.unknown_legs if unknown_legs is None else unknown_legs
        weights, words = self.pair_weights(included)
        if args.journey and len(included) >= 2:
            *scales, unknown = self.journey_scales(included, unknown_legs)
        else:
            scales, unknown = (1.0, 0.0, 0.0), None
        return order_model.Model(True, weights, margin, *scales, max_countries or args.max_countries, words, unknown)

    def decisions(self, model: order_model.Model) -> tuple["np.ndarray", "np.ndarray"]:
        """Per reviewed row, the best other candidate (its global index) and its gain over the rules' order in
        utility (``order_model._best``; -inf when the route is longer than ``max_countries``)."""
        import numpy as np

        logits = self._pair_logits(lambda group: (model.weights, model.words))
        utility = (model.pair_scale * -(self.turned @ logits) - model.ground_weight * self.ground
                   - model.flight_weight * self.air - model.unknown * self.unknown)
        base = utility[self.starts][self.block]
        gain = np.where(self.is_first, -np.inf, utility - base)
        best_gain = np.maximum.reduceat(gain, self.starts)
        candidate = np.arange(len(gain))
        at_best = np.where(gain == best_gain[self.block], candidate, len(gain))
        best = np.minimum.reduceat(at_best, self.starts)
        best_gain = np.where(self.review_size > model.max_countries, -np.inf, best_gain)
        return best, best_gain

    def finals(self, model: order_model.Model, rows: "np.ndarray") -> "np.ndarray":
        """Per row of the mask ``rows``: whether the route with the stage is gold (its switched rows and exact)."""
        import numpy as np

        exact = self.rules_exact.copy()
        switched = np.zeros(len(self.rows), dtype=bool)
        best, gain = self.decisions(model)
        moved = gain > model.margin
        at = np.asarray(self.review_rows, dtype=int)[moved]
        switched[at] = True
        exact[at] = self.exact[best[moved]]
        return exact[rows], switched[rows]

    def counts(self, model: order_model.Model, held: Iterable[str], margins) -> dict[float, tuple[int, int]]:
        """margin -> (rows fixed, rows broken) on the rows of the ``held`` groups (``learned_fit.margin_table`` of one
        fold)."""
        import numpy as np

        ids = [self.group_index[g] for g in held]
        review = np.isin(self.review_group, ids)
        best, gain = self.decisions(model)
        right = self.exact[best]
        was = self.rules_exact[np.asarray(self.review_rows, dtype=int)] if self.review_rows else np.zeros(0, bool)
        table = {}
        for margin in margins:
            moved = review & (gain > margin)
            table[margin] = (int(np.sum(moved & right & ~was)), int(np.sum(moved & was & ~right)))
        return table

    def folds(self, included: frozenset, margins=None, unknown_legs: bool | None = None) -> dict:
        """``margin_table(folds(rows of included))``: margin -> (fixed, broken) over the included training groups each
        held out, fitted on the other included groups."""
        margins = MARGINS if margins is None else margins
        table = {m: (0, 0) for m in margins}
        for held in sorted(g for g in included if not g.startswith(TUNED)):
            model = self.model(included - {held}, unknown_legs=unknown_legs)
            for m, (f, b) in self.counts(model, [held], margins).items():
                table[m] = (table[m][0] + f, table[m][1] + b)
        return table

    def grid(self, included: frozenset, legs: Iterable[bool], sizes: Iterable[int], margins) -> dict:
        """(unknown_legs, max_countries, margin) -> (rows fixed, rows broken) over the included training groups each
        held out, fitted on the other included groups: the options chosen inside a fold (``--choose``)."""
        import numpy as np

        table: dict = {}
        was = self.rules_exact[np.asarray(self.review_rows, dtype=int)] if self.review_rows else np.zeros(0, bool)
        for unknown_legs in legs:
            for held in sorted(g for g in included if not g.startswith(TUNED)):
                model = self.model(included - {held}, unknown_legs=unknown_legs, max_countries=order_model.MAX_COUNTRIES)
                review = self.review_group == self.group_index[held]
                best, gain = self.decisions(model)
                right = self.exact[best]
                for size in sizes:
                    shown = review & (self.review_size <= size)
                    for margin in margins:
                        moved = shown & (gain > margin)
                        f, b = table.get((unknown_legs, size, margin), (0, 0))
                        table[(unknown_legs, size, margin)] = (f + int(np.sum(moved & right & ~was)),
                                                               b + int(np.sum(moved & was & ~right)))
        return table

    def outcome(self, held: str, model: order_model.Model) -> dict:
        """``outcome`` of the rows of group ``held`` (the same tally: rows, exact, fixed, broken, switched, order)."""
        rows = [k for k, row in enumerate(self.rows) if row.group == held]
        return self.outcome_rows(rows, model)

    def outcome_rows(self, rows: list[int], model: order_model.Model) -> dict:
        """``outcome`` of the rows at the given indices, in that order."""
        best, gain = self.decisions(model)
        final = {row_index: int(best[k]) for k, row_index in enumerate(self.review_rows) if gain[k] > model.margin}
        results = []
        for k in rows:
            row = self.rows[k]
            if k in final:
                order = self.orders[final[k]]
                results.append((row.route, tuple(order) + row.route[len(order):], row.gold))
            else:
                results.append((row.route, row.route, row.gold))
        return tally(results, order=True)



def outcome(rows: list[Row], model: order_model.Model | None) -> dict:
    """Rows, exact before/after, fixed, broken, switched, order accuracy before/after."""
    return tally(((row.route, row.final(model), row.gold) for row in rows), order=True)


def plain_folds(rows: list[Row], args) -> list[tuple[list[Row], order_model.Model]]:
    """Per training group (never a tuned set): its rows and the fit on all other rows (``plain_fit``)."""
    found = []
    for held in sorted({row.group for row in rows if not row.group.startswith(TUNED)}):
        found.append(([r for r in rows if r.group == held], plain_fit([r for r in rows if r.group != held], args)))
    return found


def fit(rows: list[Row], args: argparse.Namespace, margin: float = 0.0) -> order_model.Model:
    """``plain_fit`` by the fast path."""
    return FastFits(rows, args).model(frozenset({row.group for row in rows}), margin)


def folds(rows: list[Row], args) -> list[tuple[list[Row], order_model.Model]]:
    """``plain_folds`` by the fast path."""
    fast = FastFits(rows, args)
    return [([r for r in rows if r.group == held], fast.model(fast.included([held])))
            for held in fast.groups if not held.startswith(TUNED)]


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


LEGS = (False, True)   # ``--choose``: legs of no told mode weigh as over land, or with their own fitted weight
SIZES = (4, 6, 8)      # ``--choose``: review routes of at most this many countries abroad


def choose_options(table: dict, break_cost: float, floor: float | None) -> tuple[bool, int, float]:
    """``--choose``: from ``FastFits.grid``'s held-out table, per (unknown_legs, max_countries) the margin as without
    it (``choose_margin``, raised to the floor), then the pair of options whose margin gives the most fixed -
    break_cost x broken; ties to the cautious (fewer countries, no weight of its own for legs of no told mode)."""
    best = None
    for legs in sorted({k[0] for k in table}):
        for size in sorted({k[1] for k in table}):
            margins = {m: fb for (l, n, m), fb in table.items() if (l, n) == (legs, size)}
            margin = at_least(choose_margin(margins, break_cost), floor)
            fixed, broken = margins.get(margin, (0, 0)) if math.isfinite(margin) else (0, 0)
            value = round(fixed - break_cost * broken, 9)
            if best is None or value > best[0]:
                best = (value, (legs, size, margin))
    return best[1]


def at_least(margin: float, floor: float | None) -> float:
    """The chosen margin, raised to ``--min-margin``: a floor the held-out choice cannot go below (the stage must not
    overrule the rules' explicit "from X" orders that the test suite's hand-made examples hold)."""
    return margin if floor is None else max(margin, floor)


def command_options(args: argparse.Namespace) -> str:
    """The options of this run as the stored command writes them (read before ``--choose`` overwrites any)."""
    return (train_option(args.train) + (" --add-tuned" if args.add_tuned else "")
            + (f" --pairs {args.pairs}" if args.pairs != "equal" else "")
            + ("" if args.per_row else " --per-pair")
            + (" --choose" if args.choose else f" --max-countries {args.max_countries}")
            + ("" if args.journey else " --no-journey")
            + ("" if args.unknown_legs or args.choose else " --no-unknown-legs")
            + (" --words" if args.words else "")
            + (f" --word-min {word_floor(args.word_min).records}" if word_floor(args.word_min) != word_floor()
               else "")
            + (f" --word-scale {args.word_scale}" if args.word_scale != 0.5 else "")
            + (f" --ridge {args.ridge}" if args.ridge != 3.0 else "")
            + (f" --break-cost {args.break_cost:g}" if args.break_cost != 1.0 else "")
            + (f" --min-margin {args.min_margin:g}" if args.min_margin is not None else ""))


def reuse_file(path: Path) -> dict:
    """``--held-out-from``, read at once (before the long recording of the training rows): the file's 'fitted' block
    with a pooled held-out figure; refused in one line naming the file and field otherwise."""
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as error:
        raise SystemExit(f"{path}: cannot be read as an order_model.yaml ({type(error).__name__})") from None
    fitted = data.get("fitted") if isinstance(data, dict) else None
    if not isinstance(fitted, dict):
        raise SystemExit(f"{path}: fitted: no 'fitted' block (not an order_model.yaml written by this command)")
    total = fitted.get("held_out_pooled")
    if not isinstance(total, dict) or not total.get("rows"):
        raise SystemExit(f"{path}: fitted.held_out_pooled: no pooled held-out figure to reuse")
    return fitted


_TRAIN_OPTION = re.compile(r" --train(?: (?!--)\S+)+")


def _without_train(command: str) -> str:
    return _TRAIN_OPTION.sub("", command)


def reused_held_out(path: Path, sets: list[str], rows: int, command: str) -> tuple[dict, str]:
    """``--held-out-from``: a full run's pooled held-out tally and where it comes from (its date, or the run it
    itself took the figure from). Refused in one line naming the file when it is not a figure of this very refit:
    other training sets, another number of rows (a figure carried over from an older run) or another command."""
    fitted = reuse_file(path)
    total = fitted["held_out_pooled"]
    if list(fitted.get("sets") or []) != sets:
        raise SystemExit(f"{path}: fitted.sets: its figure is of {len(fitted.get('sets') or [])} training sets, this "
                         f"refit has {len(sets)}; run the full command")
    if total["rows"] != rows:
        raise SystemExit(f"{path}: fitted.held_out_pooled.rows: its figure holds {total['rows']} rows, the training "
                         f"sets {rows} (a figure carried over from an older run); run the full command")
    theirs = re.sub(r" --held-out-from \S+", "", str(fitted.get("command", "")))
    # the training sets are compared above by name: a run on the default sets and one naming the same sets with
    # --train (the default has grown since) are the same refit
    if _without_train(theirs) != _without_train(command):
        raise SystemExit(f"{path}: fitted.command: its figure is of '{theirs}', this refit is '{command}'")
    source = fitted.get("held_out_pooled_from") or f"the nested evaluation of {fitted.get('date', '?')} " \
        f"({len(sets)} training sets)"
    return total, str(source)


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
    parser.add_argument("--choose", action="store_true",
                        help="choose --max-countries (4, 6, 8) and --no-unknown-legs with the margin, inside each "
                             "held-out fold (nested), instead of taking them as given")
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
    parser.add_argument("--held-out-from", type=Path, default=None, metavar="FITTED_YAML",
                        help="skip the nested held-out evaluation (a) (about 35 minutes in two processes) and take its "
                             "pooled figure, for the switch-on rule and the stored record, from FITTED_YAML, an "
                             "order_model.yaml written by a full run of this command; the stored file names that "
                             "run's date")
    parser.add_argument("--skip-held-out", action="store_true",
                        help="do not run the nested held-out evaluation (a) (an hour on 53 sets): a refit of the "
                             "stored command on the rules' new output, whose held-out figure the next full run fills "
                             "in; the stage keeps the switch-on decision of the file it replaces, and the stored "
                             "file says (a) was not run")
    args = parser.parse_args(argv)
    if args.skip_held_out and args.held_out_from:
        parser.error("--skip-held-out and --held-out-from: give one (no figure, or a full run's figure)")
    stored_options = command_options(args)
    kept_decision = order_model.read_model(args.out).enabled if args.skip_held_out and args.out.exists() else None
    if args.held_out_from:
        reuse_file(args.held_out_from)
    paths, rows, groups = training_rows(args, read_rows)
    reused = reused_held_out(args.held_out_from, [Path(p).name for p in paths], len(rows),
                             fit_record("benchmarks/text_order_fit.py", args.extra, stored_options)["command"]) \
        if args.held_out_from else None
    allowed: dict[str, list[Row]] = {}
    if args.add_tuned or not args.no_allowed_sets:
        for name, path in allowed_sets():
            allowed[name] = read_rows(path, TUNED + name if name in TUNED_SETS else name)
    training = rows + ([r for name in TUNED_SETS for r in allowed.get(name, [])] if args.add_tuned else [])
    n_pairs = len(examples(training, args.pairs, False)[0]) // 2
    print(f"training: {len(groups)} sets, {len(rows)} rows, {sum(r.case is not None for r in rows)} with 2+ countries "
          f"abroad, {n_pairs} pairs (--pairs {args.pairs}, ridge {args.ridge}, "
          f"{'each row once' if args.per_row else 'each pair once'}{', tuned sets added' if args.add_tuned else ''})")

    fast = FastFits(training, args)

    def options(included: frozenset) -> tuple[bool, int, float]:
        """(unknown_legs, max_countries, margin) chosen by leaving each included training set out in turn."""
        if len([g for g in included if not g.startswith(TUNED)]) < 2:
            return args.unknown_legs, args.max_countries, math.inf
        if args.choose:
            return choose_options(fast.grid(included, LEGS, SIZES, MARGINS), args.break_cost, args.min_margin)
        return (args.unknown_legs, args.max_countries,
                at_least(choose_margin(fast.folds(included), args.break_cost), args.min_margin))

    def held_out(held: str) -> tuple[dict, str]:
        rest = fast.included([held])
        legs, size, margin = options(rest)
        model = fast.model(rest, margin, unknown_legs=legs, max_countries=size)
        chosen = f", {'own weight for legs of no told mode' if legs else 'no own leg weight'}, {size} countries" \
            if args.choose else ""
        return (fast.outcome(held, model),
                f"  (margin {margin}{chosen}, journey {model.pair_scale:.2f} {model.ground_weight:.2f} "
                f"{model.flight_weight:.2f} {model.unknown:.2f})")

    total: dict = {}
    margin = math.inf
    if reused is not None:
        total = reused[0]
        print(f"(a) not rerun: the pooled held-out figure of {reused[1]}: " + line("pooled", total), flush=True)
    if args.skip_held_out:
        print(f"(a) not run (--skip-held-out): the stage keeps its switch-on decision ({kept_decision})", flush=True)
    if len(groups) >= 2:
        if not args.skip_held_out:
            total = total or leave_one_set_out("(a) leave one training set out (nested: the margin chosen on the other training "
                                      "sets)", groups, held_out, args.workers)
        every = fast.included()
        outer = [([r for r in training if r.group == held], fast.model(fast.included([held])))
                 for held in fast.groups if not held.startswith(TUNED)]
        print("pairs: " + pair_accuracy(outer, args.pairs))
        if args.choose:
            table = fast.grid(every, LEGS, SIZES, MARGINS)
            for legs in LEGS:
                for size in SIZES:
                    print(f"leave one set out, {'own leg weight' if legs else 'no own leg weight'}, {size} countries, "
                          "rows fixed/broken by margin: "
                          + ", ".join(f"{m}: {f}/{b}" for (l, n, m), (f, b) in table.items() if (l, n) == (legs, size)))
            args.unknown_legs, args.max_countries, margin = choose_options(table, args.break_cost, args.min_margin)
            print(f"options (leave one set out over all {len(groups)} sets, break cost {args.break_cost:g}, margin "
                  f"at least {args.min_margin}): unknown legs {args.unknown_legs}, max countries {args.max_countries}, "
                  f"margin {margin}")
        else:
            margin = at_least(print_margin_choice(fast.folds(every), args.break_cost, len(groups)), args.min_margin)
            if args.min_margin is not None:
                print(f"margin at least {args.min_margin} (--min-margin): {margin}")
    pooled_ok = bool(kept_decision) if args.skip_held_out else held_out_gain(total)
    model = fast.model(fast.included(), margin, unknown_legs=args.unknown_legs, max_countries=args.max_countries)
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
        fitted = {
            **fit_record("benchmarks/text_order_fit.py", args.extra,
                         stored_options + (f" --held-out-from {args.held_out_from.name}" if reused is not None else "")
                         + (" --skip-held-out" if args.skip_held_out else "")),
            "sets": [Path(p).name for p in paths], "rows": len(rows), "pairs": n_pairs,
            "ridge": args.ridge, "journey_term": args.journey, "unknown_legs": args.unknown_legs,
            "pairs_from": args.pairs, "each_row_once": args.per_row,
            "tuned_sets_added": args.add_tuned, "options_chosen_in_folds": args.choose, "break_cost": args.break_cost, "min_margin": args.min_margin,
            **({"word_floor": word_floor(args.word_min).entry()} if args.words else {}),
            "words": ({"scale": args.word_scale, "features": len(model.words or {})} if args.words else False),
            **({"held_out_pooled_from": reused[1]} if reused is not None else {}),
            "held_out_pooled": {key: (round(v, 3) if isinstance(v, float) else v) for key, v in total.items()}
            if not args.skip_held_out else None,
            **({"held_out_not_run": "--skip-held-out: the switch-on decision is the replaced file's; the next full "
                                    "run of the command without it gives the held-out figure"}
               if args.skip_held_out else {}),
            "allowed_sets_fixed_broken": figures,
        }
        stored = model._replace(enabled=switch_on, margin=finite_or_never(margin))
        store(order_model.write_model, args.out, stored, fitted)
    return 0


if __name__ == "__main__":
    sys.exit(main())
