"""Anomaly flags and change tests: false alarms near the stated rate, overdispersion, surges."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from routekit.estimate.trends import anomalies, dispersion, outlook, predict, rate_change


def _seasonal(rng, months: int, mean: float = 100.0, amplitude: float = 0.4, shape: float | None = None) -> np.ndarray:
    """Monthly counts around a yearly cycle; ``shape`` makes them gamma-Poisson (overdispersed)."""
    phase = rng.integers(0, 12)
    mu = mean * (1 + amplitude * np.cos(2 * np.pi * (np.arange(months) + phase) / 12))
    if shape is not None:
        mu = rng.gamma(shape, mu / shape)
    return rng.poisson(mu).astype(float)


def test_the_first_month_after_one_year_is_not_misjudged_for_a_seasonal_series():
    """One year of history: level + season, no trend (a trend fitted over one cycle flagged ~22%)."""
    rng = np.random.default_rng(0)
    months = pd.period_range("2023-01", periods=13, freq="M")
    flagged = 0
    for _ in range(400):
        counts = pd.Series(_seasonal(rng, 13), index=months)
        interval = predict(counts.iloc[:12], months[12], alpha=0.05)
        flagged += not (interval["lower"] <= counts.iloc[12] <= interval["upper"])
    assert flagged / 400 < 0.09


def test_overdispersed_quiet_series_stay_near_the_stated_rate():
    rng = np.random.default_rng(1)
    months = [str(m) for m in pd.period_range("2022-01", periods=36, freq="M")]
    frames = [pd.DataFrame({"key": k, "month": months, "count": _seasonal(rng, 36, shape=8.0)}) for k in range(25)]
    judged = anomalies(pd.concat(frames), ["key"], alpha=0.05)
    assert len(judged) == 25 * 24
    assert (judged["anomaly"] != "").mean() < 0.08


def test_a_surge_is_flagged_high_in_its_months():
    rng = np.random.default_rng(2)
    months = [str(m) for m in pd.period_range("2022-01", periods=36, freq="M")]
    counts = _seasonal(rng, 36, mean=200.0, amplitude=0.2)
    counts[28:31] = rng.poisson(counts[28:31] * 2.5)
    judged = anomalies(pd.DataFrame({"key": "a", "month": months, "count": counts}), ["key"], alpha=0.05)
    surge = judged[judged["month"].isin(months[28:31])]
    assert surge["anomaly"].tolist() == ["high", "high", "high"]


def test_outlook_gives_the_next_month_with_an_interval():
    rng = np.random.default_rng(3)
    months = [str(m) for m in pd.period_range("2022-01", periods=30, freq="M")]
    result = outlook(pd.DataFrame({"key": "a", "month": months, "count": _seasonal(rng, 30)}), ["key"])
    row = result.iloc[0]
    assert row["month"] == "2024-07" and row["lower"] < row["expected"] < row["upper"]
    assert row["history_months"] == 30


def test_dispersion_is_one_for_poisson_and_larger_for_overdispersed_counts():
    rng = np.random.default_rng(4)
    index = pd.period_range("2022-01", periods=24, freq="M")
    poisson = [dispersion(pd.Series(_seasonal(rng, 24, amplitude=0.2), index=index)) for _ in range(50)]
    spread = [dispersion(pd.Series(_seasonal(rng, 24, amplitude=0.2, shape=4.0), index=index)) for _ in range(50)]
    assert 1.0 <= np.median(poisson) < 1.6
    assert np.median(spread) > 5  # var = mu + mu^2/shape: about 26 at mu 100
    assert np.isnan(dispersion(pd.Series([5.0] * 11, index=index[:11])))


def test_an_overdispersed_change_needs_more_to_be_significant():
    poisson = rate_change(1200, 1000)
    spread = rate_change(1200, 1000, dispersion=50.0)
    assert poisson["p_value"] < 0.001 and spread["p_value"] > 0.05
    assert spread["ratio"] == pytest.approx(poisson["ratio"])
    assert spread["ratio_lower"] < poisson["ratio_lower"] < poisson["ratio_upper"] < spread["ratio_upper"]
    assert rate_change(3600, 1000, months_current=3, dispersion=4.0)["ratio"] == pytest.approx(1.2)


def test_the_poisson_fit_agrees_with_statsmodels_and_stays_finite_without_events():
    import statsmodels.api as sm

    from routekit.estimate.trends import _design, _poisson_fit

    rng = np.random.default_rng(3)
    months = pd.period_range("2022-01", periods=30, freq="M")
    x = _design(months, months[0])
    for _ in range(20):
        y = _seasonal(rng, 30, mean=rng.uniform(2, 300))
        beta, covariance, dispersion_ = _poisson_fit(x, y)
        reference = sm.GLM(y, x, family=sm.families.Poisson()).fit()
        assert np.allclose(beta, reference.params, atol=1e-8)
        assert np.allclose(covariance / dispersion_, reference.cov_params(), rtol=1e-5)
    beta, covariance, _ = _poisson_fit(x, np.zeros(30))  # statsmodels gives up here
    assert np.isfinite(beta).all() and np.isfinite(covariance).all()
