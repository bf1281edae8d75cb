"""From the engine's exact counts to the released tables: country level, suppression, frame.

Runs on the small aggregate tables only (one row per period and region or region pair), so it is
plain pandas and the same for every engine.

Released tables (see README.md): ``flows_region``, ``flows_country``, ``home_counts`` and the
per-period totals in the manifest. A suppressed row carries no count. Rows are written for a
fixed frame - every area (pair) that is published in at least one period, in every period - so a
``suppressed`` row does not even tell whether anybody made that move (it may be zero), and the
frame itself is derived from published counts only.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd

from routekit.disclosure.equations import PUBLISHED, Equation, protect

FLOW_COLUMNS = ["month", "origin", "destination", "subscribers", "status"]
HOME_COLUMNS = ["month", "level", "area", "subscribers", "status"]
TOTAL_NAMES = ("seen", "located", "unlocatable", "located_both")


@dataclass
class Release:
    """The redacted tables, ready to write, plus counts of what was suppressed."""

    flows_region: pd.DataFrame
    flows_country: pd.DataFrame
    home_counts: pd.DataFrame
    totals: pd.DataFrame  # month, seen, located, unlocatable, located_both (None = suppressed)
    suppression: dict[str, int]
    # Exact counts, their status and the equations, for audits in memory only: never written.
    counts: dict = field(default_factory=dict, repr=False)
    status: dict = field(default_factory=dict, repr=False)
    equations: list = field(default_factory=list, repr=False)


def month_label(period: int, period_months: int) -> str:
    """The first calendar month of a period, as YYYY-MM."""
    index = int(period) * period_months
    return f"{index // 12:04d}-{index % 12 + 1:02d}"


def build_release(results: dict[str, pd.DataFrame], cells: pd.DataFrame, threshold: int,
                  period_months: int) -> Release:
    """Apply the threshold and differencing protection to the engine's exact counts."""
    country_of = cells.drop_duplicates("region").set_index("region")["country"]
    homes_r = results["home_counts"]
    flows_r = results["flows"]
    homes_c = (homes_r.assign(country=homes_r["region"].map(country_of))
               .groupby(["period", "country"], as_index=False)["subscribers"].sum())
    flows_c = (flows_r.assign(origin=flows_r["origin"].map(country_of),
                              destination=flows_r["destination"].map(country_of))
               .groupby(["period", "origin", "destination"], as_index=False)["subscribers"].sum())
    periods = sorted(set(results["period_totals"]["period"]))

    counts: dict[tuple, int] = {}
    for row in homes_r.itertuples(index=False):
        counts[("home_region", row.period, row.region)] = row.subscribers
    for row in homes_c.itertuples(index=False):
        counts[("home_country", row.period, row.country)] = row.subscribers
    for row in flows_r.itertuples(index=False):
        counts[("flow_region", row.period, row.origin, row.destination)] = row.subscribers
    for row in flows_c.itertuples(index=False):
        counts[("flow_country", row.period, row.origin, row.destination)] = row.subscribers
    totals = results["period_totals"].set_index("period")
    located_both = flows_c.groupby("period")["subscribers"].sum()
    for period in periods:
        seen, located = int(totals.loc[period, "seen"]), int(totals.loc[period, "located"])
        counts[("seen", period)] = seen
        counts[("located", period)] = located
        counts[("unlocatable", period)] = seen - located
        counts[("located_both", period)] = int(located_both.get(period, 0))

    equations = _equations(counts, periods, country_of.to_dict())
    status = protect(counts, equations, threshold)

    flow_periods = periods[1:]  # a flow needs the period before it
    flows_region = _cells_frame(counts, status, "flow_region", flow_periods, period_months, FLOW_COLUMNS)
    flows_country = _cells_frame(counts, status, "flow_country", flow_periods, period_months, FLOW_COLUMNS)
    home_counts = pd.concat([
        _cells_frame(counts, status, "home_country", periods, period_months, HOME_COLUMNS, level="country"),
        _cells_frame(counts, status, "home_region", periods, period_months, HOME_COLUMNS, level="region"),
    ], ignore_index=True)
    total_rows = []
    for period in periods:
        row = {"month": month_label(period, period_months)}
        for name in TOTAL_NAMES:
            key = (name, period)
            row[name] = counts[key] if status[key] == PUBLISHED else None
        total_rows.append(row)
    suppression = {"primary": 0, "secondary": 0, "published": 0}
    for value in status.values():
        suppression[value] += 1
    return Release(flows_region, flows_country, home_counts,
                   pd.DataFrame(total_rows, columns=["month", *TOTAL_NAMES]), suppression,
                   counts, status, equations)


def _equations(counts: dict[tuple, int], periods: list[int], country_of: dict[str, str]) -> list[Equation]:
    """Every additive relation between released counts (a forest; see disclosure.py)."""
    members: dict[tuple, list[tuple]] = {}
    for key in counts:
        kind, period = key[0], key[1]
        if kind == "home_region":
            members.setdefault(("home_country", period, country_of[key[2]]), []).append(key)
        elif kind == "home_country":
            members.setdefault(("located", period), []).append(key)
        elif kind == "flow_region":
            parent = ("flow_country", period, country_of[key[2]], country_of[key[3]])
            members.setdefault(parent, []).append(key)
        elif kind == "flow_country":
            members.setdefault(("located_both", period), []).append(key)
    equations = [Equation(total, tuple(sorted(parts, key=str))) for total, parts in sorted(members.items(), key=str)]
    for period in periods:
        equations.append(Equation(("seen", period), (("located", period), ("unlocatable", period))))
        # A total without any member (e.g. nobody located) is still an equation: total = 0.
        for total in (("located", period), ("located_both", period)):
            if total not in members:
                equations.append(Equation(total, ()))
    return equations


def _status_label(status: str | None) -> str:
    return "published" if status == PUBLISHED else "suppressed"


def _cells_frame(counts, status, kind: str, periods: list[int], period_months: int, columns: list[str],
                 level: str | None = None) -> pd.DataFrame:
    """One row per period for every cell of ``kind`` published in some period (a flow's origin and
    destination, a home's area); a cell suppressed in a period has no count there. ``level`` (homes)
    is written after the month."""
    cells = sorted({key[2:] for key, s in status.items() if key[0] == kind and s == PUBLISHED})
    leading = () if level is None else (level,)
    rows = []
    for period in periods:
        for cell in cells:
            key = (kind, period, *cell)
            published = status.get(key) == PUBLISHED
            rows.append((month_label(period, period_months), *leading, *cell,
                         counts[key] if published else None, _status_label(status.get(key))))
    frame = pd.DataFrame(rows, columns=columns)
    frame["subscribers"] = frame["subscribers"].astype("Int64")
    return frame
