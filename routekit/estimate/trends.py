"""Changes, anomalies and a short-term outlook for monthly count series.

- Change: a period against the previous period and the same period a year earlier. For two
  Poisson counts the exact conditional test applies: given the sum, the first count is
  binomial with p = t1 / (t1 + t2) under "no change" (t = number of months). The rate ratio
  gets the matching exact (Clopper-Pearson) interval. A series that varies more than Poisson
  from month to month (``dispersion`` > 1, measured on its own successive months) gets the
  quasi-Poisson test instead, so large published counts do not turn every wobble into a change.
- Anomaly: a quasi-Poisson regression on the preceding months (level, one yearly harmonic, and
  from two years on a linear trend) predicts each month; the month is flagged when it falls
  outside the two-sided ``1 - alpha`` prediction interval (parameter uncertainty and
  overdispersion included; Student's t when the dispersion is estimated). Under the model the
  false-alarm rate is ``alpha`` per series and month (measured: benchmarks/estimate_anomalies.py,
  README.md). A flagged month enters later baselines at the bound it crossed, so a surge does
  not hide its own later months.
- Outlook: the same regression on all months predicts the next month with an interval.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
from scipy import stats

MIN_HISTORY = 12  # months of history before a month can be judged
TREND_HISTORY = 24  # months of history before a linear trend enters the model
WINDOW = 36  # months of history used at most


def rate_change(current: float, previous: float, months_current: int = 1, months_previous: int = 1,
                dispersion: float = 1.0) -> dict:
    """Test of two counts for a change in the monthly rate; ratio of monthly rates with a 95% interval.

    ``dispersion`` 1 (Poisson): the exact conditional test. Above 1 (an overdispersed series,
    see ``dispersion``): the quasi-Poisson Wald test on the log ratio, variance
    ``dispersion * (1/current + 1/previous)``.
    """
    if not (np.isfinite(current) and np.isfinite(previous)):
        return {"ratio": np.nan, "ratio_lower": np.nan, "ratio_upper": np.nan, "p_value": np.nan}
    current, previous = int(round(current)), int(round(previous))
    total = current + previous
    scale = months_previous / months_current
    if total == 0:
        return {"ratio": np.nan, "ratio_lower": np.nan, "ratio_upper": np.nan, "p_value": 1.0}
    if np.isfinite(dispersion) and dispersion > 1 and current > 0 and previous > 0:
        log_ratio = np.log(current / previous * scale)
        se = np.sqrt(dispersion * (1 / current + 1 / previous))
        z = stats.norm.ppf(0.975)
        return {"ratio": float(np.exp(log_ratio)), "ratio_lower": float(np.exp(log_ratio - z * se)),
                "ratio_upper": float(np.exp(log_ratio + z * se)),
                "p_value": float(2 * stats.norm.sf(abs(log_ratio) / se))}
    share = months_current / (months_current + months_previous)
    p_value = stats.binomtest(current, total, share).pvalue
    lo, hi = stats.binomtest(current, total, share).proportion_ci(0.95, method="exact")  # Clopper-Pearson

    def to_ratio(p):
        return np.inf if p >= 1 else p / (1 - p) * scale

    ratio = current / previous * scale if previous > 0 else np.inf
    return {"ratio": ratio, "ratio_lower": to_ratio(lo), "ratio_upper": to_ratio(hi), "p_value": float(p_value)}


def dispersion(history: pd.Series, months: int = 24) -> float:
    """Overdispersion of a monthly count series from its successive months (1 = Poisson).

    For neighbouring months with nearly the same mean, ``(y_t - y_t-1)^2 / (y_t + y_t-1)`` has
    expectation ``dispersion``; a slow trend or season hardly adds to it, a level that jumps
    about from month to month does. Uses the last ``months`` months; at least 1; NaN with fewer
    than ``MIN_HISTORY`` months.
    """
    values = history.dropna().astype(float).iloc[-months:].to_numpy()
    if len(values) < MIN_HISTORY:
        return float("nan")
    now, before = values[1:], values[:-1]
    both = (now + before) > 0
    if not both.any():
        return 1.0
    return max(float(np.mean((now[both] - before[both]) ** 2 / (now[both] + before[both]))), 1.0)


def _design(months: pd.PeriodIndex, origin: pd.Period) -> np.ndarray:
    t = np.array([(m - origin).n for m in months], dtype=float)
    angle = 2 * np.pi * np.array([m.month for m in months]) / 12.0
    return np.column_stack([np.ones_like(t), t / 12.0, np.sin(angle), np.cos(angle)])


def _poisson_fit(x: np.ndarray, y: np.ndarray, iterations: int = 30) -> tuple[np.ndarray, np.ndarray, float]:
    """Poisson regression by IRLS; returns coefficients, their covariance and the dispersion.

    Why not statsmodels' GLM: it gives the same coefficients (tests/test_estimate_trends_calibration.py
    checks to 1e-8) but fails on series that are all zero and takes about 5x longer, and the
    anomaly search fits one model per series and month. The linear predictor is clipped so a
    boundary fit (no events) stays finite.
    """
    beta = np.zeros(x.shape[1])
    beta[0] = np.log(max(y.mean(), 0.5))
    for _ in range(iterations):
        mu = np.exp(np.clip(x @ beta, -30, 30))
        info = x.T @ (mu[:, None] * x) + 1e-8 * np.eye(x.shape[1])
        step = np.linalg.solve(info, x.T @ (y - mu))
        beta += np.clip(step, -3, 3)
        if np.abs(step).max() < 1e-8:
            break
    mu = np.exp(np.clip(x @ beta, -30, 30))
    dof = max(len(y) - x.shape[1], 1)
    dispersion = max(float(((y - mu) ** 2 / np.maximum(mu, 1e-9)).sum() / dof), 1.0)
    covariance = np.linalg.inv(x.T @ (mu[:, None] * x) + 1e-8 * np.eye(x.shape[1])) * dispersion
    return beta, covariance, dispersion


def predict(history: pd.Series, target: pd.Period, alpha: float = 0.05) -> dict:
    """Prediction and two-sided ``1 - alpha`` interval for month ``target`` from ``history``
    (a Series of counts indexed by monthly Periods, before ``target``).

    Model: level and one yearly harmonic; from ``TREND_HISTORY`` months on also a linear trend
    (over a single year a trend and the season are confounded, and extrapolating that trend
    flagged a quarter of all quiet months right after the first year in the demo benchmark).
    The interval uses Student's t with the residual degrees of freedom when the dispersion
    is estimated above Poisson (an estimated scale), the normal quantile otherwise.
    """
    history = history.dropna().iloc[-WINDOW:]
    if len(history) < MIN_HISTORY:
        return {"expected": np.nan, "lower": np.nan, "upper": np.nan}
    origin = history.index[0]
    columns = [0, 1, 2, 3] if len(history) >= TREND_HISTORY else [0, 2, 3]  # level, trend, sin, cos
    x = _design(history.index, origin)[:, columns]
    beta, covariance, dispersion = _poisson_fit(x, history.to_numpy(float))
    x_new = _design(pd.PeriodIndex([target]), origin)[:, columns][0]
    eta = float(x_new @ beta)
    eta_sd = float(np.sqrt(x_new @ covariance @ x_new))
    expected = np.exp(eta)
    # predictive variance: overdispersed Poisson noise + uncertainty of the mean (delta method)
    variance = dispersion * expected + (expected * eta_sd) ** 2
    degrees = max(len(history) - len(columns), 1)
    quantile = stats.t.ppf(1 - alpha / 2, degrees) if dispersion > 1 else stats.norm.ppf(1 - alpha / 2)
    sd = np.sqrt(variance)
    return {"expected": expected, "lower": max(expected - quantile * sd, 0.0), "upper": expected + quantile * sd}


def anomalies(series: pd.DataFrame, keys: list[str], alpha: float = 0.05) -> pd.DataFrame:
    """Flag months outside the prediction interval of the preceding months, per series.

    ``series`` has ``keys``, ``month`` (YYYY-MM) and ``count``. Returns one row per judged month.
    """
    rows = []
    for key, part in series.groupby(keys, sort=True):
        key = key if isinstance(key, tuple) else (key,)
        counts = part.set_index(pd.PeriodIndex(part["month"], freq="M"))["count"].sort_index()
        counts = counts.reindex(pd.period_range(counts.index.min(), counts.index.max(), freq="M"))
        clean = counts.astype(float)  # flagged months enter later baselines at the bound they crossed
        for position in range(MIN_HISTORY, len(counts)):
            month = counts.index[position]
            observed = counts.iloc[position]
            if not np.isfinite(observed):
                continue
            prediction = predict(clean.iloc[:position], month, alpha)
            if not np.isfinite(prediction["expected"]):
                continue
            flag = "high" if observed > prediction["upper"] else "low" if observed < prediction["lower"] else ""
            if flag:
                clean.iloc[position] = prediction["upper" if flag == "high" else "lower"]
            rows.append({**dict(zip(keys, key)), "month": str(month), "count": observed, **prediction,
                         "anomaly": flag, "alpha": alpha})
    return pd.DataFrame(rows, columns=[*keys, "month", "count", "expected", "lower", "upper", "anomaly", "alpha"])


def outlook(series: pd.DataFrame, keys: list[str], alpha: float = 0.05) -> pd.DataFrame:
    """The next month after each series' last month, with a ``1 - alpha`` prediction interval."""
    rows = []
    for key, part in series.groupby(keys, sort=True):
        key = key if isinstance(key, tuple) else (key,)
        counts = part.set_index(pd.PeriodIndex(part["month"], freq="M"))["count"].sort_index()
        target = counts.index.max() + 1
        prediction = predict(counts, target, alpha)
        rows.append({**dict(zip(keys, key)), "month": str(target), **prediction, "history_months": int(counts.notna().sum())})
    return pd.DataFrame(rows, columns=[*keys, "month", "expected", "lower", "upper", "history_months"])


def changes(series: pd.DataFrame, keys: list[str], months: list[str]) -> pd.DataFrame:
    """Each series' total over ``months`` against the previous period and a year earlier."""
    period = pd.PeriodIndex(months, freq="M")
    previous = [str(m - len(period)) for m in period]
    year_earlier = [str(m - 12) for m in period]
    rows = []
    for key, part in series.groupby(keys, sort=True):
        key = key if isinstance(key, tuple) else (key,)
        counts = part.set_index("month")["count"]
        current = counts.reindex(months).sum(min_count=1)
        for label, other in (("previous", previous), ("year_earlier", year_earlier)):
            present = counts.reindex(other)
            if present.notna().sum() < len(other):
                continue
            base = present.sum()
            test = rate_change(current, base, len(months), len(other))
            rows.append({**dict(zip(keys, key)), "period": f"{months[0]}/{months[-1]}", "against": label,
                         "baseline_period": f"{other[0]}/{other[-1]}", "count": current, "baseline": base, **test})
    return pd.DataFrame(rows, columns=[*keys, "period", "against", "baseline_period", "count", "baseline",
                                       "ratio", "ratio_lower", "ratio_upper", "p_value"])
