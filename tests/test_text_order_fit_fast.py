"""The order fit's fast path (``FastFits`` in benchmarks/text_order_fit.py) computes what the plain one does.

The nested leave-one-set-out of the order stage asks for thousands of fits; the fast path works out once what does
not depend on the fold and keeps each fit on a set of groups. These tests hold it equal to the plain, one-fit-at-a-
time computation (``plain_fit``, ``plain_folds``, ``margin_table``, ``outcome``) on small hand-made rows: random pair
features, routes, journeys and gold orders in four sets (and a tuned one), no extractor.
"""

from __future__ import annotations

import argparse
import random
from dataclasses import replace

import pytest

from routekit.text import order_model

from learned_helpers import load_fit_script

POOL = ("SYR", "TUR", "GRC", "BGR", "SRB", "HUN", "AUT", "DEU", "ITA", "LBY", "IRN", "AFG")


@pytest.fixture(scope="module")
def script():
    return load_fit_script("text_order_fit")


def _case(generator: random.Random, countries: tuple[str, ...], words: bool) -> order_model.Case:
    pairs, worded = {}, {}
    first = {c: generator.randrange(0, 500) for c in countries}
    for i, a in enumerate(countries):
        for b in countries[i + 1:]:
            x = [0.0] * len(order_model.PAIR_FEATURES)
            for k in range(len(x)):
                if generator.random() < 0.3:
                    x[k] = generator.choice((-1.0, 1.0, generator.uniform(-1, 1)))
            x[order_model.PAIR_FEATURES.index("rules")] = 1.0
            x[order_model.PAIR_FEATURES.index("text_first")] = 1.0 if first[b] > first[a] else -1.0
            pairs[(a, b)] = tuple(x)
            worded[(a, b)] = {f"span:{w}": generator.choice((-1.0, 1.0)) for w in ("naar", "toen", "daarvoor")
                              if generator.random() < 0.5}
    flown = frozenset(c for c in (*countries, "NLD") if generator.random() < 0.3)
    known = frozenset(c for c in (*countries, "NLD") if generator.random() < 0.6)
    return order_model.Case(countries, pairs, first, flown, worded if words else None, known)


def _rows(script, words: bool = False, tuned: bool = False, seed: int = 5):
    """Four small sets (and a tuned one): rules' routes of 2-4 countries abroad, gold the rules' order, another order
    of the same countries (most often the text's), or other countries; some rows with nothing to reorder."""
    generator = random.Random(seed)
    rows = []
    groups = [f"set{n}" for n in range(1, 5)] + ([script.TUNED + "hard_dev"] if tuned else [])
    for group in groups:
        for k in range(16):
            countries = tuple(generator.sample(POOL, generator.randint(2, 4)))
            route = (*countries, "NLD")
            if generator.random() < 0.1:
                rows.append(script.Row(group, route, None, route, f"{group}-{k}"))
                continue
            case = _case(generator, countries, words)
            draw = generator.random()
            if draw < 0.35:
                gold = route
            elif draw < 0.8:
                gold = (*sorted(countries, key=case.first.get), "NLD")
            elif draw < 0.9:
                gold = (*generator.sample(countries, len(countries)), "NLD")
            else:
                gold = (generator.choice(POOL), *countries[1:], "NLD")
            rows.append(script.Row(group, route, case, gold, f"{group}-{k}"))
    return rows


def _args(**changes) -> argparse.Namespace:
    args = dict(ridge=3.0, pairs="equal", per_row=True, journey=True, unknown_legs=False, max_countries=8,
                words=False, word_min=None, word_scale=0.5)
    args.update(changes)
    return argparse.Namespace(**args)


def _same_model(fast: order_model.Model, plain: order_model.Model) -> None:
    assert fast.weights == pytest.approx(plain.weights, abs=1e-9)
    assert (fast.pair_scale, fast.ground_weight, fast.flight_weight, fast.unknown) == pytest.approx(
        (plain.pair_scale, plain.ground_weight, plain.flight_weight, plain.unknown), abs=1e-6)
    assert (fast.unknown_weight is None) == (plain.unknown_weight is None)
    assert set(fast.words or {}) == set(plain.words or {})
    for name, weight in (plain.words or {}).items():
        assert fast.words[name] == pytest.approx(weight, abs=1e-9)
    assert (fast.margin, fast.max_countries, fast.enabled) == (plain.margin, plain.max_countries, plain.enabled)


@pytest.mark.parametrize("changes", [{}, {"unknown_legs": True}, {"pairs": "overlap", "per_row": False},
                                     {"max_countries": 3}, {"journey": False}])
def test_the_fast_fits_and_folds_equal_the_plain_ones(script, changes):
    rows = _rows(script)
    args = _args(**changes)
    fast = script.FastFits(rows, args)
    assert fast.review_rows and (fast.chosen >= 0).sum() >= 10   # rows the journey term learns from
    _same_model(fast.model(fast.included(), 0.75), script.plain_fit(rows, args, 0.75))
    # each set held out, and each pair of sets (the inner folds' fits of the nested leave-one-set-out)
    for held in fast.groups:
        rest = [r for r in rows if r.group != held]
        _same_model(fast.model(fast.included([held])), script.plain_fit(rest, args))
        for other in fast.groups:
            if other != held:
                _same_model(fast.model(fast.included([held, other])),
                            script.plain_fit([r for r in rest if r.group != other], args))
    plain_folds = script.plain_folds(rows, args)
    assert fast.folds(fast.included()) == script.margin_table(plain_folds)
    for (held_rows, plain_model), held in zip(plain_folds, fast.groups):
        for margin in (0.0, 1.5, 4.0):
            model = fast.model(fast.included([held]), margin)
            plain = script.outcome(held_rows, plain_model._replace(margin=margin))
            found = fast.outcome(held, model)
            assert found == pytest.approx(plain, abs=1e-9)


def test_the_fast_path_with_a_tuned_set_and_word_features(script):
    rows = _rows(script, words=True, tuned=True, seed=11)
    args = _args(words=True, word_min=10)
    fast = script.FastFits(rows, args)
    model = fast.model(fast.included(), 1.0)
    assert model.words   # words passed the floor (10 records of 2 sets)
    _same_model(model, script.plain_fit(rows, args, 1.0))
    for held in ("set1", "set3"):
        _same_model(fast.model(fast.included([held])), script.plain_fit([r for r in rows if r.group != held], args))
    # the tuned set is never held out
    assert fast.folds(fast.included()) == script.margin_table(script.plain_folds(rows, args))


def test_a_changed_row_changes_the_fast_fit(script):
    """The equality above is no accident of constant output: another gold order gives another fit."""
    rows = _rows(script)
    args = _args()
    before = script.FastFits(rows, args).model(frozenset({"set1", "set2", "set3", "set4"}))
    turned = [replace(r, gold=(*reversed(r.route[:-1]), "NLD")) if r.case is not None else r for r in rows]
    after = script.FastFits(turned, args).model(frozenset({"set1", "set2", "set3", "set4"}))
    assert max(abs(a - b) for a, b in zip(before.weights, after.weights)) > 0.1
