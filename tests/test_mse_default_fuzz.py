"""`routekit mse`'s default method (log-linear search plus the heterogeneity check) on random tables of 3 to 12
lists, sparse and with two latent classes of visibility (which makes the check fire): a row every time, never a
crash, and bounds in order (issue 16: "no crash on any table of up to 12 lists")."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest

from routekit.estimate.loglinear import capture_table
from routekit.estimate.mse_table import COLUMNS, estimate_table


def _random_table(rng: np.random.Generator, n_lists: int, heterogeneous: bool) -> pd.DataFrame:
    size = int(rng.integers(80, 700))
    p = rng.uniform(0.03, 0.35, n_lists)
    if heterogeneous:   # a visible class seen four times as often by every list
        visible = rng.random(size) < 0.3
        chance = np.where(visible[:, None], np.minimum(4 * p, 0.9), p)
    else:
        chance = np.broadcast_to(p, (size, n_lists))
    seen = rng.random((size, n_lists)) < chance
    seen = seen[seen.any(axis=1)]
    frame = pd.DataFrame(seen.astype(int), columns=[f"L{i}" for i in range(n_lists)])
    return frame.value_counts().rename("count").reset_index()


@pytest.mark.parametrize("n_lists", [3, 4, 5, 6, 8, 10, 12])
@pytest.mark.parametrize("heterogeneous", [False, True])
def test_the_default_method_gives_a_row_with_ordered_bounds(n_lists, heterogeneous):
    rng = np.random.default_rng(100 * n_lists + heterogeneous)
    table = capture_table(_random_table(rng, n_lists, heterogeneous))
    row = estimate_table(table, seed=1, n_boot=5)
    assert set(COLUMNS) <= set(row)
    if row["estimable"]:
        assert row["observed"] <= row["lower"] <= row["estimate"] <= row["upper"]
        assert math.isfinite(row["estimate"])
    else:
        assert row["reason"]
