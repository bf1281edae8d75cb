"""Fuzz the estimate stage with single-row changes to demo data: no change may blank (make not
estimable) strata outside the corridor it touches (months of a corridor share one model, so a
corridor is the unit a change can reach; other corridors must keep their estimates)."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from routekit.estimate.population import estimate_strata
from routekit.synth.validation import KINDS, link_from_journeys


def _estimates(journeys: pd.DataFrame) -> pd.DataFrame:
    frame, _, _ = estimate_strata(link_from_journeys(journeys), n_boot=19, seed=0, kinds=KINDS)
    return frame.set_index(["period", "corridor"])


@pytest.fixture(scope="module")
def demo():
    from routekit.synth import simulate

    journeys = simulate(3, "2024-01", "2024-08", 1.0, texts=False).journeys.reset_index(drop=True)
    return journeys, _estimates(journeys)


def _changes(journeys: pd.DataFrame, rng: np.random.Generator):
    """Single-row changes: (label, changed journeys, corridors touched)."""
    months = sorted(journeys["entry_month"].unique())
    outside = journeys[(journeys["in_ind"] == 0) & (journeys["in_kmar"] == 1) & (journeys["in_police"] == 1)]
    # the thinnest overlap first: the person who bounds a corridor's unseen on their own
    thinnest = outside.groupby("corridor").size().sort_values().index[0]
    key = outside.index[outside["corridor"] == thinnest][0]
    changed = journeys.copy()
    changed.loc[key, "in_kmar"] = 0
    yield "KMar record of the thinnest overlap removed", changed, {thinnest}
    changed = journeys.copy()
    changed.loc[key, "entry_month"] = next(m for m in months if m != journeys.loc[key, "entry_month"])
    yield "that KMar record moved to another month", changed, {thinnest}
    for _ in range(3):
        key = rng.choice(journeys.index[journeys["in_kmar"] == 1])
        changed = journeys.copy()
        changed.loc[key, "entry_month"] = rng.choice([m for m in months if m != journeys.loc[key, "entry_month"]])
        yield "a KMar record moved to another month", changed, {journeys.loc[key, "corridor"]}
    key = rng.choice(journeys.index[journeys["in_police"] == 1])
    changed = journeys.drop(index=key)
    yield "a police record dropped", changed, {journeys.loc[key, "corridor"]}


def test_no_single_row_change_blanks_strata_outside_the_corridor_it_touches(demo):
    journeys, before = demo
    was_estimable = before["grade"] != "not_estimable"
    assert was_estimable.mean() > 0.5  # the fuzz means something only if most strata are estimable
    rng = np.random.default_rng(11)
    for label, changed, touched in _changes(journeys, rng):
        after = _estimates(changed)
        now_blank = (after["grade"] == "not_estimable").reindex(was_estimable.index, fill_value=False)
        blanked = now_blank & was_estimable
        outside = [key for key in blanked[blanked].index if key[1] not in touched]
        assert not outside, f"{label}: blanked {outside}"
