"""THE definition of night-time home location and flows, written once as portable SQL.

Both engines run exactly these SELECT statements (DuckDB and Spark SQL accept the same text: only
``hour``, ``year``, ``month``, ``FLOOR``, ``CAST``, ``INTERVAL 'n' HOUR``, ``CASE``,
``COUNT(DISTINCT)`` and ``ROW_NUMBER() OVER`` are used). An engine only decides how to load the
two input views and how to keep an intermediate step (DuckDB: temp table, Spark: cached view).

Input views, prepared by the engine:
  ``events(subscriber, ts TIMESTAMP, cell)``  - one row per event; ``ts`` NULL if unparsable
  ``cells(cell, region)``                     - one row per cell id

The rules, in the order they are applied:
1. Night: an event is night-time if its clock hour is in the night window (default 19:00-07:00,
   start inclusive, end exclusive). Timestamps are taken as local wall-clock time.
2. Night date: a night is dated by the day on which it STARTED. Formally the night date is the
   calendar date of ``ts - 12 hours`` (noon-to-noon days), so 02:00 on the 5th belongs to the
   night of the 4th. The period of a night is the period of its night date: the night of
   31 January belongs to January even for its events after midnight. Daytime events are dated
   by their calendar date (they only count a subscriber as seen).
3. Period: ``period = floor((12 * year + month - 1) / period_months)``, so consecutive periods are
   consecutive integers.
4. Active nights: the number of distinct night dates with at least one night-time event.
   A subscriber seen in a period with fewer than ``min_nights`` active nights is unlocatable.
5. Home: among the regions where the subscriber was active at night, the region with
   (a) the most distinct nights, then (b) the most night-time events, then (c) the latest night
   (the more recent location wins, which suits people on the move), then (d) the smallest
   region code - a total order, so the home is always unique and engine-independent.
6. Flows: a subscriber located in two consecutive periods contributes one to the flow
   (home in the earlier period -> home in the later period) dated by the later period. Stayers
   (origin = destination) are flows too; a change of home location is a flow with
   origin != destination.
Events with a missing subscriber, timestamp or cell, or with a cell not in the cell table, are
not used; they are counted per reason.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from routekit.mobility.params import CdrParams


@dataclass(frozen=True)
class Step:
    """One named SELECT; ``keep`` says later steps read it, so the engine materialises it."""

    name: str
    sql: str
    keep: bool


def _night_condition(params: CdrParams) -> str:
    start, end = params.night_start_hour, params.night_end_hour
    joiner = "AND" if start < end else "OR"
    return f"(hour(e.ts) >= {start} {joiner} hour(e.ts) < {end})"


def steps(params: CdrParams) -> list[Step]:
    """The definition as an ordered list of SELECT statements, parameters filled in."""
    night = _night_condition(params)
    period = f"CAST(FLOOR((year(activity_date) * 12 + month(activity_date) - 1) / {params.period_months}) AS INT)"
    activity = f"""
WITH classified AS (
  SELECT
    e.subscriber AS subscriber,
    c.region AS cell_region,
    e.ts AS ts,
    CASE
      WHEN e.subscriber IS NULL THEN 'missing subscriber'
      WHEN e.ts IS NULL THEN 'missing or unparsable timestamp'
      WHEN e.cell IS NULL THEN 'missing cell id'
      WHEN c.region IS NULL THEN 'cell id not in cell table'
    END AS reject_reason,
    CASE WHEN {night} THEN 1 ELSE 0 END AS is_night
  FROM events e
  LEFT JOIN cells c ON e.cell = c.cell
),
dated AS (
  SELECT
    subscriber,
    reject_reason,
    CASE WHEN is_night = 1 THEN cell_region END AS region,
    CASE WHEN is_night = 1 THEN CAST(ts - INTERVAL '12' HOUR AS DATE) END AS night_date,
    CASE WHEN is_night = 1 THEN CAST(ts - INTERVAL '12' HOUR AS DATE) ELSE CAST(ts AS DATE) END
      AS activity_date
  FROM classified
),
periodised AS (
  SELECT subscriber, reject_reason, region, night_date, {period} AS period
  FROM dated
)
SELECT subscriber, reject_reason, region, night_date, period, COUNT(*) AS events
FROM periodised
GROUP BY subscriber, reject_reason, region, night_date, period"""

    subscriber_periods = """
SELECT subscriber, period, COUNT(DISTINCT night_date) AS active_nights
FROM activity
WHERE reject_reason IS NULL
GROUP BY subscriber, period"""

    region_nights = """
SELECT subscriber, period, region,
       COUNT(*) AS nights, SUM(events) AS night_events, MAX(night_date) AS last_night
FROM activity
WHERE reject_reason IS NULL AND night_date IS NOT NULL
GROUP BY subscriber, period, region"""

    homes = f"""
SELECT ranked.subscriber, ranked.period, ranked.region
FROM (
  SELECT subscriber, period, region,
         ROW_NUMBER() OVER (
           PARTITION BY subscriber, period
           ORDER BY nights DESC, night_events DESC, last_night DESC, region ASC
         ) AS preference
  FROM region_nights
) ranked
JOIN subscriber_periods sp ON sp.subscriber = ranked.subscriber AND sp.period = ranked.period
WHERE ranked.preference = 1 AND sp.active_nights >= {params.min_nights}"""

    period_totals = f"""
SELECT period,
       COUNT(*) AS seen,
       SUM(CASE WHEN active_nights >= {params.min_nights} THEN 1 ELSE 0 END) AS located
FROM subscriber_periods
GROUP BY period"""

    home_counts = """
SELECT period, region, COUNT(*) AS subscribers
FROM homes
GROUP BY period, region"""

    flows = """
SELECT later.period AS period, earlier.region AS origin, later.region AS destination,
       COUNT(*) AS subscribers
FROM homes earlier
JOIN homes later ON later.subscriber = earlier.subscriber AND later.period = earlier.period + 1
GROUP BY later.period, earlier.region, later.region"""

    event_counts = """
SELECT reject_reason, SUM(events) AS events
FROM activity
GROUP BY reject_reason"""

    subscribers_total = """
SELECT COUNT(DISTINCT subscriber) AS subscribers
FROM subscriber_periods"""

    return [
        Step("activity", activity, keep=True),
        Step("subscriber_periods", subscriber_periods, keep=True),
        Step("region_nights", region_nights, keep=False),
        Step("homes", homes, keep=True),
        Step("period_totals", period_totals, keep=False),
        Step("home_counts", home_counts, keep=False),
        Step("flows", flows, keep=False),
        Step("event_counts", event_counts, keep=False),
        Step("subscribers_total", subscribers_total, keep=False),
    ]


# The steps whose (small) results leave the engine; everything else stays inside it.
RESULTS = ("period_totals", "home_counts", "flows", "event_counts", "subscribers_total")


def fingerprint(params: CdrParams) -> str:
    """SHA-256 of the exact SQL run, so a manifest proves which definition produced a release."""
    text = "\n;\n".join(f"-- {s.name}\n{s.sql.strip()}" for s in steps(params))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()
