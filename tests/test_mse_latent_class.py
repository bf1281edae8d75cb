"""The latent-class (LCMCR-style) estimator: deterministic, and right where its model holds."""

from __future__ import annotations

import numpy as np
import pandas as pd

from routekit.estimate.latent_class import estimate_latent_class
from routekit.estimate.loglinear import capture_table


def _simulate(n: int, probabilities: np.ndarray, share: float, seed: int):
    """Two classes (``share`` in the first) with their own capture probabilities per list."""
    rng = np.random.default_rng(seed)
    first = rng.random(n) < share
    p = np.where(first[:, None], probabilities[0], probabilities[1])
    seen = rng.random(p.shape) < p
    seen = seen[seen.any(axis=1)]
    frame = pd.DataFrame(seen.astype(int), columns=[f"L{i}" for i in range(seen.shape[1])])
    return capture_table(frame.value_counts().rename("count").reset_index())


def test_same_seed_same_answer_other_seed_other_draws():
    table = _simulate(1500, np.array([[0.3, 0.25, 0.35, 0.3], [0.3, 0.25, 0.35, 0.3]]), 0.5, seed=1)
    first = estimate_latent_class(table, seed=4, burn_in=200, n_draws=300)
    again = estimate_latent_class(table, seed=4, burn_in=200, n_draws=300)
    other = estimate_latent_class(table, seed=5, burn_in=200, n_draws=300)
    assert (first.estimate, first.lower, first.upper) == (again.estimate, again.lower, again.upper)
    assert (first.lower, first.upper) != (other.lower, other.upper)


def test_two_classes_of_visibility_are_recovered_with_five_lists():
    truth = 3000
    p = np.array([[0.5, 0.45, 0.55, 0.5, 0.4], [0.15, 0.12, 0.18, 0.15, 0.1]])
    table = _simulate(truth, p, 0.3, seed=2)
    result = estimate_latent_class(table, seed=0, burn_in=600, n_draws=800)
    assert result.estimable
    assert result.lower <= truth <= result.upper
    assert abs(result.estimate / truth - 1) < 0.2
    assert result.classes_used >= 2


def test_two_lists_are_refused_with_a_reason():
    table = capture_table(pd.DataFrame({"A": [1, 0, 1], "B": [0, 1, 1], "count": [30, 20, 5]}))
    result = estimate_latent_class(table)
    assert not result.estimable and "three or more lists" in result.reason


def test_three_lists_are_estimated_but_flagged_as_not_identifiable():
    p = np.array([[0.5, 0.45, 0.55], [0.1, 0.08, 0.12]])
    result = estimate_latent_class(_simulate(2000, p, 0.3, seed=3), seed=0, burn_in=100, n_draws=100)
    assert result.estimable and "not identifiable" in result.reason
    four = estimate_latent_class(_simulate(2000, np.c_[p, [0.5, 0.1]], 0.3, seed=3), seed=0, burn_in=100,
                                 n_draws=100)
    assert four.estimable and four.reason == ""
