"""THE definition of night-time home location and flows, written once as portable SQL.

Both engines run exactly these SELECT statements. The text is Spark SQL that DuckDB also accepts:
``hour``, ``year``, ``month``, ``day``, ``DATE - integer``, ``FLOOR``, ``CAST``, ``CASE``,
``BIT_OR``, ``BIT_COUNT``, ``BIN``, ``LENGTH``, ``COUNT(DISTINCT)``, ``ROW_NUMBER() OVER`` and
``max_by``; the two Spark functions DuckDB spells differently (``shiftleft``, ``struct``) are
given to DuckDB as macros by its engine. An engine only decides how to load the two input views
and how to keep an intermediate step (DuckDB: temp table, Spark: cached view).

The events are read once: the ``activity`` step reduces them to one row per subscriber, month
and place (night-time region, daytime, or unusable cell), keeping the month's nights as a bit
mask (bit d-1 = night of day d), so "distinct nights" needs no row per night and every later
step works on a few rows per subscriber and month. That pass is where the time goes, so it groups
by three narrow keys with two aggregates and computes each date part once; the latest night is
read back from the mask later instead of being kept per event. The night date of an event after
midnight is the calendar date minus one day, which is ``date(ts - 12 hours)`` because the night
window never contains noon.

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
    return f"(clock_hour >= {start} {joiner} clock_hour < {end})"


# Why an event is not used, in the order the checks apply; 0 = used. ``event_counts`` derives the
# code from the activity keys (codes 3 and 4 are kept as a negative ``place``) and turns it back
# into these words.
REJECT_REASONS = {
    1: "missing subscriber",
    2: "missing or unparsable timestamp",
    3: "missing cell id",
    4: "cell id not in cell table",
}


def steps(params: CdrParams) -> list[Step]:
    """The definition as an ordered list of SELECT statements, parameters filled in."""
    night = _night_condition(params)
    period = f"CAST(FLOOR(month_index / {params.period_months}) AS INT)"
    reason_names = "\n".join(f"    WHEN {code} THEN '{text}'" for code, text in REJECT_REASONS.items())

    # Regions numbered in the order of their codes, so "smallest region id" is "smallest code"
    # and the heavy steps group by integers, not text.
    regions = """
SELECT region, CAST(ROW_NUMBER() OVER (ORDER BY region) AS INT) AS region_id
FROM (SELECT DISTINCT region FROM cells) distinct_regions"""

    cell_regions = """
SELECT c.cell AS cell, r.region_id AS region_id
FROM cells c
JOIN regions r ON r.region = c.region"""

    # The only pass over the events: one row per subscriber, month and place, holding the nights
    # as a bit mask over the day of the month. That keeps the distinct nights without a row per
    # night, so 10^8 events shrink to a few rows per subscriber and month before anything else
    # happens. Three narrow keys and two aggregates keep this pass cheap: ``place`` is the region
    # of a night-time event, 0 for a daytime event (it only makes the subscriber seen), and minus
    # the reject code when the cell is unusable; a missing subscriber or timestamp shows as a
    # NULL subscriber or month (see ``event_counts``).
    activity = f"""
WITH classified AS (
  SELECT
    e.subscriber AS subscriber,
    e.ts AS ts,
    hour(e.ts) AS clock_hour,
    CASE WHEN e.cell IS NULL THEN -3 WHEN c.region_id IS NULL THEN -4 ELSE c.region_id END AS cell_place
  FROM events e
  LEFT JOIN cell_regions c ON e.cell = c.cell
),
dated AS (
  SELECT
    subscriber,
    cell_place,
    {night} AS is_night,
    CAST(ts AS DATE) - CASE WHEN {night} AND clock_hour < 12 THEN 1 ELSE 0 END AS activity_date
  FROM classified
),
keyed AS (
  SELECT
    subscriber,
    year(activity_date) * 12 + month(activity_date) - 1 AS month_index,
    CASE WHEN cell_place < 0 OR is_night THEN cell_place ELSE 0 END AS place,
    CASE WHEN is_night THEN shiftleft(1, day(activity_date) - 1) ELSE 0 END AS night_day
  FROM dated
)
SELECT subscriber, month_index, place, COUNT(*) AS events, BIT_OR(night_day) AS night_days
FROM keyed
GROUP BY subscriber, month_index, place"""

    used = "subscriber IS NOT NULL AND month_index IS NOT NULL AND place >= 0"

    subscriber_periods = f"""
SELECT subscriber, period, SUM(nights_in_month) AS active_nights
FROM (
  SELECT subscriber, {period} AS period, BIT_COUNT(BIT_OR(night_days)) AS nights_in_month
  FROM activity
  WHERE {used}
  GROUP BY subscriber, month_index
) monthly
GROUP BY subscriber, period"""

    # Per subscriber, period and night-time region: nights, night-time events and the latest
    # night as an ordering key (month, then the highest night bit: the length of the mask written
    # in binary is the day of the month of its last night). With one-month periods the activity
    # rows already are these rows, so they are not grouped again (the costliest later step).
    nights, night_events, last_night = "BIT_COUNT(night_days)", "events", "month_index * 32 + LENGTH(BIN(night_days))"
    if params.period_months == 1:
        region_nights = f"""
SELECT subscriber, {period} AS period, place AS region_id,
       {nights} AS nights, {night_events} AS night_events, {last_night} AS last_night
FROM activity
WHERE {used} AND place > 0"""
    else:
        region_nights = f"""
SELECT subscriber, {period} AS period, place AS region_id,
       SUM({nights}) AS nights, SUM({night_events}) AS night_events, MAX({last_night}) AS last_night
FROM activity
WHERE {used} AND place > 0
GROUP BY subscriber, {period}, place"""

    # Rule 5 as one ordering: the home is the region with the largest (nights, night-time events,
    # latest night, minus region id), so ties can never leave two homes.
    homes = f"""
SELECT best.subscriber, best.period, best.region_id
FROM (
  SELECT subscriber, period,
         max_by(region_id, struct(nights, night_events, last_night, -region_id)) AS region_id
  FROM region_nights
  GROUP BY subscriber, period
) best
JOIN subscriber_periods sp ON sp.subscriber = best.subscriber AND sp.period = best.period
WHERE sp.active_nights >= {params.min_nights}"""

    period_totals = f"""
SELECT period,
       COUNT(*) AS seen,
       SUM(CASE WHEN active_nights >= {params.min_nights} THEN 1 ELSE 0 END) AS located
FROM subscriber_periods
GROUP BY period"""

    home_counts = """
SELECT h.period AS period, r.region AS region, COUNT(*) AS subscribers
FROM homes h
JOIN regions r ON r.region_id = h.region_id
GROUP BY h.period, r.region"""

    flows = """
SELECT moves.period AS period, o.region AS origin, d.region AS destination, moves.subscribers AS subscribers
FROM (
  SELECT later.period AS period, earlier.region_id AS origin_id, later.region_id AS destination_id,
         COUNT(*) AS subscribers
  FROM homes earlier
  JOIN homes later ON later.subscriber = earlier.subscriber AND later.period = earlier.period + 1
  GROUP BY later.period, earlier.region_id, later.region_id
) moves
JOIN regions o ON o.region_id = moves.origin_id
JOIN regions d ON d.region_id = moves.destination_id"""

    event_counts = f"""
SELECT
  CASE reject_code
{reason_names}
  END AS reject_reason,
  SUM(events) AS events
FROM (
  SELECT
    CASE
      WHEN subscriber IS NULL THEN 1
      WHEN month_index IS NULL THEN 2
      WHEN place < 0 THEN -place
      ELSE 0
    END AS reject_code,
    events
  FROM activity
) coded
GROUP BY reject_code"""

    subscribers_total = """
SELECT COUNT(DISTINCT subscriber) AS subscribers
FROM subscriber_periods"""

    return [
        Step("regions", regions, keep=True),
        Step("cell_regions", cell_regions, keep=True),
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
