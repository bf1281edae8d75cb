"""A stratum that cannot be bounded is refused on its own; the other strata keep their estimates."""

from __future__ import annotations

import numpy as np
import pandas as pd

from routekit.estimate.mse import estimate_pooled

HISTORIES = ["100", "010", "001", "110", "101", "011", "111"]


def _stratum(corridor: str, month: str, counts: list[int]) -> pd.DataFrame:
    rows = [[corridor, f"{corridor}|{month}", *map(int, h), n] for h, n in zip(HISTORIES, counts)]
    return pd.DataFrame(rows, columns=["corridor", "stratum", "A", "B", "C", "count"])


def _table() -> pd.DataFrame:
    good = [[120, 90, 80, 30, 25, 20, 6], [110, 95, 70, 28, 22, 18, 5]]
    # one person seen by two lists in the whole corridor: a replicate often has nobody, and then
    # nothing bounds this corridor's unseen
    bad = [[40, 35, 30, 1, 0, 0, 0], [38, 33, 31, 0, 0, 0, 0]]
    parts = [_stratum("good", f"2024-0{k + 1}", c) for k, c in enumerate(good)]
    parts += [_stratum("bad", f"2024-0{k + 1}", c) for k, c in enumerate(bad)]
    return pd.concat(parts, ignore_index=True)


def test_an_unbounded_corridor_does_not_blank_the_others():
    results = estimate_pooled(_table(), "stratum", sources=["A", "B", "C"], groups="corridor", n_boot=99, seed=1,
                              min_overlap=1, dependence=None)
    good = {k: r for k, r in results.items() if k.startswith("good")}
    bad = {k: r for k, r in results.items() if k.startswith("bad")}
    assert all(r.estimable for r in good.values()), [r.reason for r in good.values()]
    for r in good.values():
        assert r.lower <= r.estimate <= r.upper and np.isfinite(r.upper)
    assert not any(r.estimable for r in bad.values())
    for r in bad.values():
        assert "no upper bound" in r.reason
        assert f"{r.bootstrap_failed_share:.0%}" in r.reason and r.bootstrap_failed_share > 0.10
