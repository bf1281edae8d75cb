"""The heterogeneity check of ``routekit mse``'s default: Mth fits, the evidence test, the reported range."""

from __future__ import annotations

import itertools
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from routekit.estimate.heterogeneity import (HETEROGENEITY_FORMS, check_heterogeneity, fit_mth, fit_pairwise,
                                             heterogeneity_evidence)
from routekit.estimate.loglinear import capture_table, estimate_loglinear, read_capture_file
from routekit.estimate.mse_table import estimate_table

DATA = Path(__file__).parent / "data" / "mse"


def _histories(n_lists: int) -> np.ndarray:
    return np.array(list(itertools.product((0, 1), repeat=n_lists))[1:], float)


def _two_classes(n: int, share: float, high: list[float], low: list[float], seed: int):
    """A sample of ``n`` persons in two classes of visibility (``share`` in the visible one)."""
    rng = np.random.default_rng(seed)
    visible = rng.random(n) < share
    seen = rng.random((n, len(high))) < np.where(visible[:, None], high, low)
    seen = seen[seen.any(axis=1)]
    frame = pd.DataFrame(seen.astype(int), columns=[f"L{i}" for i in range(len(high))])
    return capture_table(frame.value_counts().rename("count").reset_index())


@pytest.mark.parametrize("form", list(HETEROGENEITY_FORMS))
@pytest.mark.parametrize("n_lists", [3, 5])
def test_an_mth_model_recovers_its_own_unseen_from_its_expected_table(form, n_lists):
    histories = _histories(n_lists)
    k = histories.sum(axis=1)
    main = np.linspace(-1.5, -0.8, n_lists)
    tau = 0.4 if form != "Gamma3.5" else 6.0
    unseen = 700.0
    y = unseen * np.exp(histories @ main + tau * HETEROGENEITY_FORMS[form](k))
    fit = fit_mth(histories, y, form)
    assert fit["unseen"] == pytest.approx(unseen, rel=1e-6)
    assert fit["tau"] == pytest.approx(tau, rel=1e-5)


def test_chaos_model_extrapolates_from_persons_seen_once_or_twice_only():
    """Cells seen by 3+ lists are free: changing them leaves Chao's estimate of the unseen as it was."""
    histories = _histories(4)
    y = 500.0 * np.exp(histories @ np.array([-1.0, -1.2, -0.9, -1.4]))
    base = fit_mth(histories, y, "Chao")["unseen"]
    assert base == pytest.approx(500.0, rel=1e-6)
    more = y.copy()
    more[histories.sum(axis=1) >= 3] *= 5  # a visible group seen by many lists
    assert fit_mth(histories, more, "Chao")["unseen"] == pytest.approx(base, rel=1e-6)
    assert fit_mth(histories, more, "Mt")["unseen"] < 0.9 * base  # while Mt is pulled down by them


def test_the_refit_of_the_chosen_log_linear_model_reproduces_its_estimate_at_the_boundary():
    table = read_capture_file(DATA / "Ned_5.csv")
    result = estimate_loglinear(table, "stepwise", n_boot=0)
    assert result.boundary  # K:R at minus infinity
    index = {name: i for i, name in enumerate(table.lists)}
    pairs = [tuple(index[n] for n in part.split(":")) for part in result.model.split(" + ")]
    boundary = [tuple(index[n] for n in part.split(":")) for part in result.boundary]
    refit = fit_pairwise(table.histories, table.counts, pairs, boundary)
    assert table.observed + refit["unseen"] == pytest.approx(result.estimate, rel=1e-6)


def test_negative_dependence_is_never_evidence_of_heterogeneity():
    # lists A and B avoid each other (odds ratio e^-2), C independent
    histories = _histories(3)
    log_mu = histories @ np.array([-1.0, -1.1, -0.9]) - 2.0 * histories[:, 0] * histories[:, 1]
    y = np.round(3000 * np.exp(log_mu))
    statistic, p_value, form, _ = heterogeneity_evidence(histories, y)
    assert form == "" and p_value == 1.0


@pytest.mark.parametrize("name", ["UKdat_5", "Ned_5"])
def test_published_tables_show_no_heterogeneity_and_keep_the_plain_stepwise_row(name):
    table = read_capture_file(DATA / f"{name}.csv")
    loglinear = estimate_loglinear(table, "stepwise", n_boot=0)
    assert not check_heterogeneity(table, loglinear, n_boot=0).detected


def test_three_lists_with_two_classes_report_a_range_that_holds_the_truth_and_say_why():
    truth = 2000
    table = _two_classes(truth, 0.3, [0.5, 0.45, 0.55], [0.1, 0.08, 0.12], seed=1000)
    plain = estimate_table(table, "stepwise-plain", seed=0, n_boot=49)
    assert not plain["lower"] <= truth <= plain["upper"]  # the log-linear interval misses it
    row = estimate_table(table, "stepwise", seed=0, n_boot=49)
    assert row["method"] == "loglinear-stepwise+heterogeneity"
    assert row["lower"] <= truth <= row["upper"]
    assert row["observed"] <= row["lower"] <= row["estimate"] <= row["upper"]
    assert "heterogeneity sensitive" in row["reason"] and "Mth Gamma3.5" in row["model"]
    assert row == estimate_table(table, "stepwise", seed=0, n_boot=49)  # deterministic under a seed


def test_five_lists_with_two_classes_are_covered_where_the_log_linear_interval_misses():
    truth = 2000
    table = _two_classes(truth, 0.3, [0.5, 0.45, 0.55, 0.5, 0.4], [0.1, 0.08, 0.12, 0.1, 0.09], seed=1002)
    plain = estimate_table(table, "stepwise-plain", seed=2, n_boot=49)
    assert plain["upper"] < truth
    row = estimate_table(table, "stepwise", seed=2, n_boot=49)
    assert row["method"] == "loglinear-stepwise+heterogeneity"
    assert abs(row["estimate"] / truth - 1) < 0.2
    assert row["lower"] <= truth <= row["upper"]
    assert "capture heterogeneity" in row["reason"]


def test_a_log_linear_table_without_heterogeneity_keeps_its_row():
    histories = _histories(4)
    log_mu = histories @ np.array([-1.2, -1.0, -1.4, -1.1]) + histories[:, 0] * histories[:, 1] \
        - histories[:, 2] * histories[:, 3]
    rng = np.random.default_rng(3)
    y = rng.poisson(2000 * np.exp(log_mu) / (1 + np.exp(log_mu).sum()))
    frame = pd.DataFrame(histories.astype(int), columns=list("ABCD")).assign(count=y)
    table = capture_table(frame)
    row = estimate_table(table, "stepwise", seed=0, n_boot=9)
    assert row == estimate_table(table, "stepwise-plain", seed=0, n_boot=9)


def test_a_log_linear_model_that_cannot_be_refitted_stays_in_the_range_and_is_named():
    from dataclasses import replace

    table = _two_classes(2000, 0.3, [0.5, 0.45, 0.55], [0.1, 0.08, 0.12], seed=1000)
    loglinear = estimate_loglinear(table, "stepwise", n_boot=19)
    odd = replace(loglinear, model="L0:L9", lower=loglinear.observed, upper=9999.0)  # a model we cannot read
    check = check_heterogeneity(table, odd, n_boot=19)
    assert check.detected and check.upper == 9999.0 and check.lower == table.observed
    assert "not refitted for its AIC" in check.reason
    assert all(not m.name.startswith("log-linear") for m in check.candidates)


def test_without_replicates_the_heterogeneity_row_has_an_estimate_and_no_interval():
    table = _two_classes(2000, 0.3, [0.5, 0.45, 0.55], [0.1, 0.08, 0.12], seed=1000)
    row = estimate_table(table, "stepwise", seed=0, n_boot=0)
    assert row["method"].endswith("+heterogeneity") and np.isfinite(row["estimate"])
    assert np.isnan(row["lower"]) and np.isnan(row["upper"])
