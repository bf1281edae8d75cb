"""Timeliness: how long after entry a source's information arrives, and which months are stale.

Releases report per month the interview lag (days from application, close to entry, to the
asylum interview) as median and quartiles. A lognormal fitted to those quartiles gives, for
each month, the share of its interviews that had taken place by the data cut-off (the end of
the last month in the release). Findings for months below ``COMPLETE`` rest on incomplete,
self-reported information and are marked ``stale``.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
from scipy import stats

COMPLETE = 0.9


def lag_table(releases: list) -> pd.DataFrame:
    """Per source and month: records, lag quartiles, the share complete at cut-off, stale flag."""
    rows = []
    for release in releases:
        quality = release.tables.get("quality")
        if quality is None or quality.empty:
            continue
        cutoff = (pd.Period(str(quality["month"].max()), freq="M") + 1).to_timestamp()
        for record in quality.itertuples(index=False):
            median, p25, p75 = (getattr(record, c, np.nan) for c in ("lag_days_median", "lag_days_p25", "lag_days_p75"))
            month_mid = pd.Period(str(record.month), freq="M").to_timestamp() + pd.Timedelta(days=15)
            elapsed = (cutoff - month_mid).days
            complete = _share_complete(median, p25, p75, elapsed)
            rows.append({"source": release.source, "kind": release.kind, "month": str(record.month),
                         "records": record.records, "lag_days_median": median, "lag_days_p25": p25,
                         "lag_days_p75": p75, "share_complete": complete,
                         "stale": bool(np.isfinite(complete) and complete < COMPLETE)})
    return pd.DataFrame(rows, columns=["source", "kind", "month", "records", "lag_days_median", "lag_days_p25",
                                       "lag_days_p75", "share_complete", "stale"])


def _share_complete(median: float, p25: float, p75: float, elapsed_days: float) -> float:
    """P(lag <= elapsed) under a lognormal matched to the median and interquartile range."""
    try:
        median, p25, p75 = float(median), float(p25), float(p75)
    except (TypeError, ValueError):
        return float("nan")
    if not (np.isfinite(median) and median > 0):
        return float("nan")
    sigma = 0.6
    if np.isfinite(p25) and np.isfinite(p75) and p25 > 0 and p75 > p25:
        sigma = (np.log(p75) - np.log(p25)) / (2 * stats.norm.ppf(0.75))
    if elapsed_days <= 0:
        return 0.0
    return float(stats.norm.cdf((np.log(elapsed_days) - np.log(median)) / sigma))
