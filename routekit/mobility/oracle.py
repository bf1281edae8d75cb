"""An independent, in-memory pandas statement of the definition in ``definition.py``.

Not an engine: it holds every event in memory. It exists as a test oracle (the SQL engines must
agree with a second, differently written implementation) and as the plain-pandas baseline in
``benchmarks/cdr_benchmark.py``. Returns the same result tables as an engine.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from routekit.mobility.engines import CELL, SUBSCRIBER, TIMESTAMP, _normalise
from routekit.mobility.params import CdrParams


def run_pandas(events: pd.DataFrame, cells: pd.DataFrame, params: CdrParams) -> dict[str, pd.DataFrame]:
    """Home counts, flows and totals for ``events`` (columns subscriber, timestamp, cell_id)."""
    subscriber = events[SUBSCRIBER]
    ts = pd.to_datetime(events[TIMESTAMP], errors="coerce", format="ISO8601") \
        if not pd.api.types.is_datetime64_any_dtype(events[TIMESTAMP]) else events[TIMESTAMP]
    region = events[CELL].map(cells.set_index("cell")["region"])
    reason = pd.Series(np.select(
        [subscriber.isna().to_numpy(), ts.isna().to_numpy(), events[CELL].isna().to_numpy(), region.isna().to_numpy()],
        ["missing subscriber", "missing or unparsable timestamp", "missing cell id", "cell id not in cell table"],
        default="",
    ), index=events.index)
    event_counts = reason.replace("", None).value_counts(dropna=False).rename("events").reset_index()
    event_counts.columns = ["reject_reason", "events"]

    ok = reason == ""
    ts, subscriber, region = ts[ok], subscriber[ok], region[ok]
    is_night = ts.dt.hour.isin(params.night_hours())
    night_date = (ts - pd.Timedelta(hours=12)).dt.normalize().where(is_night)
    activity_date = night_date.where(is_night, ts.dt.normalize())
    period = (activity_date.dt.year * 12 + activity_date.dt.month - 1) // params.period_months
    used = pd.DataFrame({"subscriber": subscriber, "period": period.astype("int64"),
                         "night_date": night_date, "region": region.where(is_night)})

    active = used.groupby(["subscriber", "period"])["night_date"].nunique().rename("active_nights").reset_index()
    nights = used[used["night_date"].notna()]
    per_region = (nights.groupby(["subscriber", "period", "region"])
                  .agg(nights=("night_date", "nunique"), night_events=("night_date", "size"),
                       last_night=("night_date", "max")).reset_index())
    per_region = per_region.sort_values(
        ["subscriber", "period", "nights", "night_events", "last_night", "region"],
        ascending=[True, True, False, False, False, True])
    homes = per_region.drop_duplicates(["subscriber", "period"])[["subscriber", "period", "region"]]
    homes = homes.merge(active, on=["subscriber", "period"])
    homes = homes[homes["active_nights"] >= params.min_nights].drop(columns="active_nights")

    period_totals = (active.assign(located=active["active_nights"] >= params.min_nights)
                     .groupby("period").agg(seen=("subscriber", "size"), located=("located", "sum")).reset_index())
    home_counts = homes.groupby(["period", "region"]).size().rename("subscribers").reset_index()
    earlier = homes.assign(period=homes["period"] + 1).rename(columns={"region": "origin"})
    moves = earlier.merge(homes.rename(columns={"region": "destination"}), on=["subscriber", "period"])
    flows = moves.groupby(["period", "origin", "destination"]).size().rename("subscribers").reset_index()
    subscribers_total = pd.DataFrame({"subscribers": [active["subscriber"].nunique()]})
    return _normalise({"period_totals": period_totals, "home_counts": home_counts, "flows": flows,
                       "event_counts": event_counts, "subscribers_total": subscribers_total})
