"""An independent, in-memory pandas statement of the definition in ``definition.py``.

Not an engine: it holds every event in memory. It exists as a test oracle (the SQL engines must
agree with a second, differently written implementation: per-night rows and ``nunique`` here,
bit masks of nights in SQL) and as the plain-pandas baseline in ``benchmarks/cdr_benchmark.py``.
It is written as efficient idiomatic pandas - regions and subscribers as integer codes, no text
per event - so the benchmark compares the engines with a fair baseline. Returns the same result
tables as an engine.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from routekit.mobility.definition import REJECT_REASONS
from routekit.mobility.engines import CELL, SUBSCRIBER, TIMESTAMP, _normalise
from routekit.mobility.params import CdrParams


def run_pandas(events: pd.DataFrame, cells: pd.DataFrame, params: CdrParams) -> dict[str, pd.DataFrame]:
    """Home counts, flows and totals for ``events`` (columns subscriber, timestamp, cell_id)."""
    subscriber = events[SUBSCRIBER]
    ts = events[TIMESTAMP] if pd.api.types.is_datetime64_any_dtype(events[TIMESTAMP]) \
        else pd.to_datetime(events[TIMESTAMP], errors="coerce", format="ISO8601")
    region_code, region_names = pd.factorize(cells["region"])
    cell_position = pd.Index(cells["cell"]).get_indexer(events[CELL])
    region = np.where(cell_position >= 0, region_code[cell_position], -1)

    # The first failing check names the reason, in the order of REJECT_REASONS.
    failed = [subscriber.isna().to_numpy(), ts.isna().to_numpy(), events[CELL].isna().to_numpy(), region < 0]
    rejected = np.zeros(len(events), dtype=bool)
    event_counts = []
    for text, fails in zip(REJECT_REASONS.values(), failed):
        first_failure = fails & ~rejected
        if first_failure.any():
            event_counts.append((text, int(first_failure.sum())))
        rejected |= fails
    ok = ~rejected
    event_counts.append((None, int(ok.sum())))
    event_counts = pd.DataFrame(event_counts, columns=["reject_reason", "events"])

    ts, subscriber, region = ts[ok], subscriber[ok], region[ok]
    is_night = ts.dt.hour.isin(params.night_hours()).to_numpy()
    night_date = (ts - pd.Timedelta(hours=12)).dt.normalize().where(is_night)
    activity_date = night_date.where(is_night, ts.dt.normalize())
    period = (activity_date.dt.year * 12 + activity_date.dt.month - 1) // params.period_months
    used = pd.DataFrame({"subscriber": subscriber, "period": period.astype("int64"),
                         "night_date": night_date, "region": np.where(is_night, region, -1)})

    keys = ["subscriber", "period"]
    active = used.groupby(keys, observed=True)["night_date"].nunique().rename("active_nights").reset_index()
    nights = used[is_night]
    per_region = (nights.groupby([*keys, "region"], observed=True)
                  .agg(nights=("night_date", "nunique"), night_events=("night_date", "size"),
                       last_night=("night_date", "max")).reset_index())
    # region codes follow the cell table, not the alphabet: break the last tie on the name
    per_region["region"] = region_names[per_region["region"].to_numpy()]
    per_region = per_region.sort_values(
        [*keys, "nights", "night_events", "last_night", "region"],
        ascending=[True, True, False, False, False, True])
    homes = per_region.drop_duplicates(keys)[[*keys, "region"]]
    homes = homes.merge(active, on=keys)
    homes = homes[homes["active_nights"] >= params.min_nights].drop(columns="active_nights")

    period_totals = (active.assign(located=active["active_nights"] >= params.min_nights)
                     .groupby("period").agg(seen=("subscriber", "size"), located=("located", "sum")).reset_index())
    home_counts = homes.groupby(["period", "region"]).size().rename("subscribers").reset_index()
    earlier = homes.assign(period=homes["period"] + 1).rename(columns={"region": "origin"})
    moves = earlier.merge(homes.rename(columns={"region": "destination"}), on=keys)
    flows = moves.groupby(["period", "origin", "destination"]).size().rename("subscribers").reset_index()
    subscribers_total = pd.DataFrame({"subscribers": [active["subscriber"].nunique()]})
    return _normalise({"period_totals": period_totals, "home_counts": home_counts, "flows": flows,
                       "event_counts": event_counts, "subscribers_total": subscribers_total})
