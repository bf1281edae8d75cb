"""Multiple-systems estimation: known formulas, simulated populations, refusals and censoring."""

from __future__ import annotations

import itertools

import numpy as np
import pandas as pd
import pytest

from routekit.estimate.mse import chapman, estimate_population


def capture_table(captures: np.ndarray, names: list[str]) -> pd.DataFrame:
    """Collapse person-level 0/1 captures to one row per observable capture history."""
    frame = pd.DataFrame(captures.astype(int), columns=names)
    counts = frame.value_counts().rename("count").reset_index()
    full = pd.DataFrame(list(itertools.product((0, 1), repeat=len(names))), columns=names)
    table = full.merge(counts, how="left", on=names).fillna({"count": 0})
    return table[table[names].sum(axis=1) > 0].reset_index(drop=True)


def simulate(rng, n, probabilities, dependence=None):
    captures = rng.random((n, len(probabilities))) < np.asarray(probabilities)
    if dependence is not None:
        a, b, p_if_a = dependence
        captures[:, b] = np.where(captures[:, a], rng.random(n) < p_if_a, captures[:, b])
    return capture_table(captures, [f"s{i}" for i in range(len(probabilities))])


def test_chapman_matches_the_formula():
    estimate, variance = chapman(60, 50, 20)
    assert estimate == pytest.approx(61 * 51 / 21 - 1)
    assert variance == pytest.approx(61 * 51 * 40 * 30 / (21**2 * 22))


def test_two_sources_use_chapman_and_bound_the_interval_by_the_observed():
    table = pd.DataFrame({"a": [1, 0, 1], "b": [0, 1, 1], "count": [40, 30, 20]})
    result = estimate_population(table, n_boot=199)
    assert result.method == "chapman"
    assert result.estimable
    assert result.estimate == pytest.approx(chapman(60, 50, 20)[0])
    assert result.observed == 90
    assert 90 <= result.lower < result.estimate < result.upper


def test_three_independent_sources_recover_the_population():
    rng = np.random.default_rng(3)
    table = simulate(rng, 2000, [0.2, 0.3, 0.25])
    result = estimate_population(table, n_boot=199)
    assert result.model == "independence"
    assert result.lower <= 2000 <= result.upper
    assert abs(result.estimate - 2000) / 2000 < 0.1
    assert result.observed == table["count"].sum()


def test_model_selection_finds_a_strong_dependence():
    rng = np.random.default_rng(5)
    table = simulate(rng, 3000, [0.2, 0.3, 0.25], dependence=(0, 1, 0.8))
    result = estimate_population(table, n_boot=0)
    assert "s0:s1" in result.model
    assert abs(result.estimate - 3000) / 3000 < 0.15


def test_intervals_cover_the_truth_in_most_simulations():
    rng = np.random.default_rng(11)
    hits = 0
    for _ in range(25):
        n = int(rng.integers(150, 600))
        table = simulate(rng, n, [0.25, 0.3, 0.2])
        result = estimate_population(table, n_boot=99)
        hits += result.lower <= n <= result.upper
    assert hits >= 21  # nominal 95%; binomial(25, 0.95) falls below 21 with probability < 0.01


def test_no_overlap_is_refused_with_the_reason():
    table = pd.DataFrame({"a": [1, 0, 1], "b": [0, 1, 1], "count": [40, 30, 0]})
    result = estimate_population(table)
    assert not result.estimable
    assert np.isnan(result.estimate)
    assert "overlap" in result.reason
    assert result.observed == 70


def test_a_single_source_is_refused():
    table = pd.DataFrame({"a": [1, 0, 1], "b": [0, 1, 1], "count": [40, 0, 0]})
    result = estimate_population(table)
    assert not result.estimable
    assert "fewer than two sources" in result.reason


def test_suppressed_cells_are_interval_censored():
    rng = np.random.default_rng(7)
    table = simulate(rng, 600, [0.2, 0.3, 0.25])
    exact = estimate_population(table, n_boot=0)
    censored = table.assign(censored=table["count"].between(1, 9))
    censored.loc[censored["censored"], "count"] = np.nan
    assert censored["censored"].any()
    result = estimate_population(censored, threshold=10, n_boot=99)
    n_cens = int(censored["censored"].sum())
    published = censored.loc[~censored["censored"], "count"].sum()
    assert result.censored_cells == n_cens
    assert result.observed_lower == published + n_cens
    assert result.observed_upper == published + 9 * n_cens
    assert result.observed_lower <= result.observed <= result.observed_upper
    assert "censored" in result.method
    assert abs(result.estimate - exact.estimate) / exact.estimate < 0.1
    assert result.lower <= 600 <= result.upper


def test_censored_cells_need_a_threshold():
    table = pd.DataFrame({"a": [1, 0, 1], "b": [0, 1, 1], "count": [40, 30, None], "censored": [False, False, True]})
    with pytest.raises(ValueError, match="threshold"):
        estimate_population(table)


def test_a_missing_count_must_be_marked_censored():
    table = pd.DataFrame({"a": [1, 0, 1], "b": [0, 1, 1], "count": [40, None, 5]})
    with pytest.raises(ValueError, match="missing"):
        estimate_population(table)


def test_structural_zeros_remove_the_pair():
    rng = np.random.default_rng(2)
    table = simulate(rng, 1500, [0.3, 0.3, 0.2])
    table.loc[(table["s1"] == 1) & (table["s2"] == 1), "count"] = 0
    result = estimate_population(table, structural_zeros=[("s1", "s2")], n_boot=0)
    assert result.estimable
    assert "s1:s2" not in result.model and "s1:s2" not in result.model_weights
    table.loc[(table["s1"] == 1) & (table["s2"] == 1) & (table["s0"] == 0), "count"] = 4
    with pytest.raises(ValueError, match="structural zero"):
        estimate_population(table, structural_zeros=[("s1", "s2")])


def test_results_are_reproducible_for_a_seed():
    table = pd.DataFrame({"a": [1, 0, 1], "b": [0, 1, 1], "count": [40, 30, 20]})
    first, second = estimate_population(table, seed=4), estimate_population(table, seed=4)
    assert (first.lower, first.upper) == (second.lower, second.upper)


def test_withheld_cells_of_unknown_size_widen_the_observed_range():
    rng = np.random.default_rng(8)
    table = simulate(rng, 800, [0.3, 0.3, 0.25])
    withheld = table.assign(unknown=False)
    triple = withheld.index[withheld[["s0", "s1", "s2"]].sum(axis=1) == 3][0]
    withheld.loc[triple, ["count", "unknown"]] = [np.nan, True]
    exact = estimate_population(table, n_boot=99)
    result = estimate_population(withheld, n_boot=99)
    assert result.estimable
    assert result.observed_upper == float("inf")
    assert "unknown size" in result.reason
    assert result.lower <= exact.estimate <= result.upper
    # the model with every two-way interaction needs the withheld cell: it is not a candidate
    assert "s0:s1 + s0:s2 + s1:s2" in exact.model_weights
    assert "s0:s1 + s0:s2 + s1:s2" not in result.model_weights


def _pooled_with_a_thin_source(rng, state: str) -> pd.DataFrame:
    """Months of a, b, c where source d published nobody: its cells are zero or ``state``."""
    frames = []
    for month in ["2024-01", "2024-02", "2024-03"]:
        table = simulate(rng, 500, [0.3, 0.3, 0.25]).rename(columns={"s0": "a", "s1": "b", "s2": "c"})
        d_alone = pd.DataFrame({"a": [0], "b": [0], "c": [0], "d": [1], "count": [0.0]})
        table = pd.concat([table.assign(d=0), table.assign(d=1, count=0.0), d_alone])
        table = table.assign(month=month, censored=False, unknown=False).reset_index(drop=True)
        hidden = (table["d"] == 1) & (table["a"] == 1) & (table[["b", "c"]].sum(axis=1) == 0)
        table.loc[hidden, "count"] = np.nan
        table.loc[hidden, state] = True
        frames.append(table)
    return pd.concat(frames, ignore_index=True)


@pytest.mark.parametrize("state", ["censored", "unknown"])
def test_a_source_seen_only_in_suppressed_cells_never_raises(state):
    """Regression: a source with no published person but suppressed or withheld cells used to
    be dropped and its suppressed cells merged into others, which raised a ValueError."""
    from routekit.estimate.mse import estimate_pooled

    table = _pooled_with_a_thin_source(np.random.default_rng(3), state)
    results = estimate_pooled(table, "month", sources=["a", "b", "c", "d"], threshold=10, n_boot=19)
    assert set(results) == {"2024-01", "2024-02", "2024-03"}
    for result in results.values():
        assert result.estimable or result.reason
        if state == "censored":  # a suppressed cell holds at least one person: d stays in
            assert "d" in result.sources
        else:  # d may have seen nobody: summed out, its withheld cell makes a's cell withheld
            assert "d" not in result.sources and result.observed_upper == float("inf")


def test_secondary_suppression_weights_the_range_and_the_tail_like_brute_force():
    from scipy.stats import poisson

    from routekit.estimate.mse import _truncated_moments

    mu, low, span = np.array([0.5, 5.0, 30.0, 400.0]), np.ones(4), np.full(4, 8.0)
    for tail in (0.0, 0.3):
        mean, variance, logp = _truncated_moments(mu, low, span, tail)
        y = np.arange(2000)
        suppressed = np.where((y >= 1) & (y <= 9), 1.0, np.where(y > 9, tail, 0.0))
        weight = suppressed[None] * poisson.pmf(y[None], mu[:, None])
        mass = weight.sum(axis=1)
        expected = (weight * y).sum(axis=1) / mass
        assert np.allclose(mean, expected, rtol=1e-6)
        assert np.allclose(variance, (weight * y * y).sum(axis=1) / mass - expected**2, rtol=1e-5, atol=1e-8)
        assert np.allclose(logp, np.log(mass), rtol=1e-6)


def test_bootstrap_replicates_that_lose_an_overlap_are_fitted_at_the_boundary():
    """UKdat_5 (2,744 seen): every model within 10 AIC holds a pair whose overlap is one person, so
    about a third of the replicates lose it; they used to count as unbounded and refuse the table."""
    from pathlib import Path

    table = pd.read_csv(Path(__file__).parent / "data" / "mse" / "UKdat_5.csv")
    result = estimate_population(table, n_boot=99, seed=0)
    assert result.estimable, result.reason
    assert result.bootstrap_failed_share <= 0.10
    assert result.lower <= result.estimate <= result.upper
