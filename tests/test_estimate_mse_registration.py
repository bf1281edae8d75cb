"""Complete registrations, the unidentifiable dependence of two lists, and partial pooling of a
list's rate over groups: simulated populations with known truth."""

from __future__ import annotations

import itertools

import numpy as np
import pandas as pd
import pytest
from scipy.optimize import minimize

from routekit.estimate import mse
from routekit.estimate.mse import estimate_pooled, estimate_population

SOURCES = ["ind", "kmar", "police"]
NO_IND_POLICE = [("ind", "police")]


def border_population(rng, n, p_kmar=0.3, p_police=0.3, p_apply=0.5, apply_odds_ratio=4.0):
    """Persons (ind, kmar, police): applying follows the apprehension (odds x ``apply_odds_ratio``
    after one); the police only meet non-applicants, independently of the border guard."""
    kmar = rng.random(n) < p_kmar
    odds = p_apply / (1 - p_apply) * np.where(kmar, apply_odds_ratio, 1.0)
    ind = rng.random(n) < odds / (1 + odds)
    police = (rng.random(n) < p_police) & ~ind
    return pd.DataFrame({"ind": ind, "kmar": kmar, "police": police}).astype(int)


def history_table(persons: pd.DataFrame, by: list[str] | None = None) -> pd.DataFrame:
    """Persons per capture history (every history except the unseen and ind & police)."""
    by = by or []
    counts = persons.groupby([*by, *SOURCES]).size().rename("count").reset_index()
    histories = pd.DataFrame([h for h in itertools.product((0, 1), repeat=3) if any(h) and not (h[0] and h[2])],
                             columns=SOURCES)
    keys = persons[by].drop_duplicates() if by else pd.DataFrame(index=[0])
    grid = keys.merge(histories, how="cross")
    return grid.merge(counts, how="left", on=[*by, *SOURCES]).fillna({"count": 0})


def test_a_complete_registration_removes_the_bias_of_averaging_over_dependence_models():
    """Applying depends on the apprehension: the K x police model (KMar independent of IND) is
    biased low and drags the average down; taking IND as complete estimates only the
    non-applicants, from KMar and the police, and is right."""
    old_errors, new_errors, covered = [], [], 0
    for seed in range(8):
        n = 5000
        table = history_table(border_population(np.random.default_rng(seed), n))
        old = estimate_population(table, structural_zeros=NO_IND_POLICE, n_boot=0, dependence=None)
        new = estimate_population(table, structural_zeros=NO_IND_POLICE, n_boot=99, complete=["ind"],
                                  dependence=None, seed=seed)
        old_errors.append(old.estimate / n - 1)
        new_errors.append(new.estimate / n - 1)
        covered += new.lower <= n <= new.upper
    assert np.mean(old_errors) < -0.06  # the averaging of K x I and K x police underestimates
    assert abs(np.mean(new_errors)) < 0.03
    assert covered >= 7


def test_the_note_states_the_assumptions_the_data_cannot_check():
    table = history_table(border_population(np.random.default_rng(1), 3000))
    result = estimate_population(table, structural_zeros=NO_IND_POLICE, n_boot=49, complete=["ind"])
    assert result.estimable
    assert "ind taken as complete registration" in result.reason
    assert "kmar-police dependence cannot be estimated from two lists" in result.reason
    assert "odds ratio taken as 1, 95% range 0.333-3" in result.reason
    assert result.model_weights == {"independence": 1.0}


def test_the_dependence_range_widens_the_interval_and_its_middle_scales_the_unseen():
    table = history_table(border_population(np.random.default_rng(2), 4000))
    common = {"structural_zeros": NO_IND_POLICE, "n_boot": 199, "complete": ["ind"], "seed": 3}
    exact = estimate_population(table, dependence=None, **common)
    ranged = estimate_population(table, dependence=(1 / 3, 3.0), **common)
    assert ranged.estimate == pytest.approx(exact.estimate)
    assert ranged.upper - ranged.lower > 1.3 * (exact.upper - exact.lower)
    halved = estimate_population(table, dependence=(0.25, 1.0), **common)  # middle 0.5: half the unseen
    assert halved.unseen == pytest.approx(exact.unseen / 2, rel=1e-3)


def test_one_list_besides_the_registration_is_refused_with_the_reason():
    persons = border_population(np.random.default_rng(4), 2000).assign(police=0)
    result = estimate_population(history_table(persons), structural_zeros=NO_IND_POLICE, complete=["ind"])
    assert not result.estimable
    assert "only 1 list (kmar) besides the complete registration (ind)" in result.reason


def grouped_population(seed: int) -> tuple[pd.DataFrame, pd.Series]:
    """Two corridors x six months; corridor b is small, so its lists barely overlap."""
    rng = np.random.default_rng(seed)
    frames = []
    for corridor, size, p_kmar in (("a", 2500, 0.3), ("b", 100, 0.06)):
        for month in range(6):
            persons = border_population(rng, size, p_kmar=p_kmar, p_police=0.25)
            frames.append(persons.assign(corridor=corridor, month=f"2024-0{month + 1}"))
    persons = pd.concat(frames, ignore_index=True)
    persons["stratum"] = persons["corridor"] + "|" + persons["month"]
    truth = persons.groupby("stratum").size()
    return history_table(persons, by=["stratum", "corridor"]), truth


def test_a_group_with_little_overlap_borrows_the_shared_rate_of_the_others():
    table, truth = grouped_population(5)
    thin = table[(table["corridor"] == "b") & (table["ind"] == 0) & (table["kmar"] == 1) & (table["police"] == 1)]
    assert thin["count"].sum() < 3  # too few for corridor b on its own
    common = {"threshold": None, "structural_zeros": NO_IND_POLICE, "n_boot": 99, "complete": ["ind"]}
    alone = estimate_pooled(table[table["corridor"] == "b"].drop(columns="corridor"), "stratum", **common)
    assert not any(r.estimable for r in alone.values())
    pooled = estimate_pooled(table, "stratum", groups="corridor", shared=["police"], **common)
    corridor_b = [s for s in truth.index if s.startswith("b|")]
    assert all(pooled[s].estimable for s in truth.index)
    assert "police taken to see persons at a similar rate in every group" in pooled[corridor_b[0]].reason
    total = sum(pooled[s].estimate for s in corridor_b)
    assert abs(total / truth[corridor_b].sum() - 1) < 0.15
    inside = sum(pooled[s].lower <= truth[s] <= pooled[s].upper for s in truth.index)
    assert inside >= 10


def test_a_month_without_anyone_outside_the_registration_is_not_estimated_at_zero():
    table, _ = grouped_population(6)
    quiet = (table["stratum"] == "b|2024-03") & (table["ind"] == 0)
    table.loc[quiet, "count"] = 0
    result = estimate_pooled(table, "stratum", structural_zeros=NO_IND_POLICE, n_boot=99, complete=["ind"],
                             groups="corridor", shared=["police"])["b|2024-03"]
    assert result.estimable
    assert result.estimate > result.observed + 5  # the corridor's share of non-applicants, shrunk
    assert result.upper > result.estimate


def test_the_penalised_fit_is_the_posterior_mode():
    """The Newton solver with k x k level blocks and priors against a general optimiser."""
    table, _ = grouped_population(7)
    prepared, _, _ = mse._prepare(table, SOURCES, None, None, NO_IND_POLICE, None, "stratum", 0.0, ["ind"],
                                  (1 / 3, 3.0), "corridor", ["police"], 2.0)
    layout = mse._design(prepared)
    active = np.ones((1, layout.design.shape[1]), bool)
    beta, _, _, converged = mse._fit_batch(layout, active, prepared.counts[None], prepared.censored[None],
                                           prepared.span[None])
    assert converged.all()
    x, y, precision = layout.design, prepared.counts, layout.precision

    def objective(b):
        eta = x @ b
        return -(y @ eta - np.exp(eta).sum()) + 0.5 * (precision * b * b).sum()

    def gradient(b):
        return -(x.T @ (y - np.exp(x @ b))) + precision * b

    best = minimize(objective, beta[0, 0] * 0.9, jac=gradient, method="BFGS", options={"gtol": 1e-9, "maxiter": 20000})
    unseen = np.exp(layout.unseen @ beta[0, 0])
    assert np.exp(layout.unseen @ best.x) == pytest.approx(unseen, rel=1e-3)
