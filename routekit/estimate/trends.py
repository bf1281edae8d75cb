"""Changes, anomalies and a short-term outlook for monthly count series.

- Change: a period against the previous period and the same period a year earlier. For two
  Poisson counts the exact conditional test applies: given the sum, the first count is
  binomial with p = t1 / (t1 + t2) under "no change" (t = number of months). The rate ratio
  gets the matching exact (Clopper-Pearson) interval.
- Anomaly: a quasi-Poisson regression on the preceding months (level, linear trend, one yearly
  harmonic) predicts each month; the month is flagged when it falls outside the two-sided
  ``1 - alpha`` prediction interval (parameter uncertainty and overdispersion included). Under
  the model the false-alarm rate is ``alpha`` per series and month. A flagged month enters
  later baselines at the bound it crossed, so a surge does not hide its own later months.
- Outlook: the same regression on all months predicts the next month with an interval.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
from scipy import stats

MIN_HISTORY = 12  # months of history before a month can be judged
WINDOW = 36  # months of history used at most


def rate_change(current: float, previous: float, months_current: int = 1, months_previous: int = 1) -> dict:
    """Exact conditional test of two Poisson counts; ratio of monthly rates with a 95% interval."""
    if not (np.isfinite(current) and np.isfinite(previous)):
        return {"ratio": np.nan, "ratio_lower": np.nan, "ratio_upper": np.nan, "p_value": np.nan}
    current, previous = int(round(current)), int(round(previous))
    total = current + previous
    scale = months_previous / months_current
    if total == 0:
        return {"ratio": np.nan, "ratio_lower": np.nan, "ratio_upper": np.nan, "p_value": 1.0}
    share = months_current / (months_current + months_previous)
    p_value = stats.binomtest(current, total, share).pvalue
    lo = stats.beta.ppf(0.025, current, total - current + 1) if current > 0 else 0.0
    hi = stats.beta.ppf(0.975, current + 1, total - current) if current < total else 1.0

    def to_ratio(p):
        return np.inf if p >= 1 else p / (1 - p) * scale

    ratio = current / previous * scale if previous > 0 else np.inf
    return {"ratio": ratio, "ratio_lower": to_ratio(lo), "ratio_upper": to_ratio(hi), "p_value": float(p_value)}


def _design(months: pd.PeriodIndex, origin: pd.Period) -> np.ndarray:
    t = np.array([(m - origin).n for m in months], dtype=float)
    angle = 2 * np.pi * np.array([m.month for m in months]) / 12.0
    return np.column_stack([np.ones_like(t), t / 12.0, np.sin(angle), np.cos(angle)])


def _poisson_fit(x: np.ndarray, y: np.ndarray, iterations: int = 30) -> tuple[np.ndarray, np.ndarray, float]:
    """Poisson regression by IRLS; returns coefficients, their covariance and the dispersion."""
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
    (a Series of counts indexed by monthly Periods, before ``target``)."""
    history = history.dropna().iloc[-WINDOW:]
    if len(history) < MIN_HISTORY:
        return {"expected": np.nan, "lower": np.nan, "upper": np.nan}
    origin = history.index[0]
    x = _design(history.index, origin)
    columns = slice(None) if len(history) >= 24 else slice(0, 2)  # season needs two years
    x = x[:, columns]
    beta, covariance, dispersion = _poisson_fit(x, history.to_numpy(float))
    x_new = _design(pd.PeriodIndex([target]), origin)[:, columns][0]
    eta = float(x_new @ beta)
    eta_sd = float(np.sqrt(x_new @ covariance @ x_new))
    expected = np.exp(eta)
    # predictive variance: overdispersed Poisson noise + uncertainty of the mean (delta method)
    variance = dispersion * expected + (expected * eta_sd) ** 2
    z = stats.norm.ppf(1 - alpha / 2)
    sd = np.sqrt(variance)
    return {"expected": expected, "lower": max(expected - z * sd, 0.0), "upper": expected + z * sd}


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
