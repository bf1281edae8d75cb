"""Aggregating structured records into a release's tables, generalising rare categories first.

Generalisation is *local recoding* inside each month x corridor group: a category with fewer than
K persons is replaced by a coarser label (a country by ``region:<region>``, an entry point by
``type:<land|air|sea>``), and what is still rare by ``generalised:other``. A coarse label
therefore means "the remaining countries of that region, not shown separately in the same
group", so rows stay disjoint and every partition table still adds up to its total. Only what
is rare after all levels is left to suppression (``routekit.disclosure.tables``).
"""

from __future__ import annotations

from typing import Callable

import numpy as np
import pandas as pd

from routekit.reference import countries, entry_points
from routekit.disclosure.tables import CountTable, Margin
from routekit.release.structure import UNKNOWN

OTHER = "generalised:other"
LEG_SEPARATOR = "\x1f"


def to_region(values: pd.Series) -> pd.Series:
    """ISO3 country -> ``region:<region>``; anything that is not a country -> generalised:other."""
    regions = countries()["region"]
    mapped = values.map(regions)
    return ("region:" + mapped).where(mapped.notna(), OTHER)


def to_other(values: pd.Series) -> pd.Series:
    return pd.Series(OTHER, index=values.index)


def to_crossing_type(values: pd.Series) -> pd.Series:
    types = entry_points()["crossing_type"]
    mapped = values.map(types)
    return ("type:" + mapped).where(mapped.notna(), OTHER)


def _leg_level(recode: Callable[[pd.Series], pd.Series]) -> Callable[[pd.Series], pd.Series]:
    def recode_leg(values: pd.Series) -> pd.Series:
        ends = values.str.split(LEG_SEPARATOR, n=1, expand=True)
        return recode(ends[0]) + LEG_SEPARATOR + recode(ends[1])
    return recode_leg


LEVELS = {
    "nationality": [("countries to region", to_region), ("regions to generalised:other", to_other)],
    "first_eu_country": [("countries to region", to_region), ("regions to generalised:other", to_other)],
    "entry_point": [("entry points to crossing type", to_crossing_type),
                    ("crossing types to generalised:other", to_other)],
    "mode": [("modes to generalised:other", to_other)],
    "leg": [("both countries of the leg to region", _leg_level(to_region)),
            ("region pairs to generalised:other", _leg_level(to_other))],
    "smuggler": [],
}


def generalise(long: pd.DataFrame, group: list[str], value: str, threshold: int,
               levels: list[tuple[str, Callable]]) -> tuple[pd.DataFrame, list[str]]:
    """Counts of distinct persons per group x value after recoding rare values level by level.

    ``long`` holds one row per person and value (a person may have several values, e.g. legs).
    Returns the counts and one description per level that recoded anything.
    """
    long = long[["person", *group, value]].drop_duplicates()
    descriptions = []
    for description, recode in levels:
        sizes = long.groupby([*group, value], sort=False)["person"].transform("size")
        rare = (sizes < threshold).to_numpy()
        if not rare.any():
            continue
        before = long.loc[rare, value]
        after = recode(before)
        changed = after.to_numpy() != before.to_numpy()
        if not changed.any():
            continue
        recoded = len(long.loc[rare].loc[changed, [*group, value]].drop_duplicates())
        long.loc[rare, value] = after.to_numpy()
        long = long.drop_duplicates()
        descriptions.append(f"{description} ({recoded} rare cell{'s' if recoded != 1 else ''} recoded)")
    counts = long.groupby([*group, value], sort=True).size().rename("count").reset_index()
    return counts, descriptions


def _is_generalised(labels: pd.Series) -> pd.Series:
    return labels.str.contains(r"(?:^|\x1f)(?:region:|type:|generalised:)", regex=True)


def build_tables(records: pd.DataFrame, table_names: tuple[str, ...], threshold: int,
                 month_total_written: bool) -> tuple[list[CountTable], list[Margin]]:
    """All count tables of one release and the equations between them.

    ``month_total`` (persons per month) is written as quality.records for text sources and
    kept hidden otherwise; ``grand_total`` (persons in the release) is always hidden but
    treated as known, because the manifest's row counts come close to it.
    """
    tables: list[CountTable] = []
    margins: list[Margin] = []
    month_total = records.groupby("month", sort=True).size().rename("count").reset_index()
    tables.append(CountTable("month_total", month_total.assign(hidden=not month_total_written), ["month"]))
    tables.append(CountTable("grand_total", pd.DataFrame({"count": [len(records)], "hidden": [True]}), []))
    margins.append(Margin("grand_total", "month_total", ()))

    totals = records.groupby(["month", "corridor"], sort=True).size().rename("count").reset_index()
    tables.append(CountTable("totals", totals, ["month", "corridor"]))
    margins.append(Margin("month_total", "totals", ("month",)))

    by_corridor = ["month", "corridor"]
    partitions = {"nationality": ("nationality", "nationality"), "mode": ("mode", "mode"),
                  "smuggler": ("smuggler", "smuggler"), "first_country": ("first_country", "first_eu_country")}
    for name, (column, label) in partitions.items():
        if name not in table_names:
            continue
        long = records[["person", *by_corridor, column]].rename(columns={column: label})
        long[label] = long[label].fillna(UNKNOWN).astype(str)
        counts, described = generalise(long, by_corridor, label, threshold, LEVELS[label])
        tables.append(_table(name, counts, [*by_corridor, label], described, label))
        margins.append(Margin("totals", name, tuple(by_corridor)))

    if "entry_point" in table_names:
        long = records[["person", "month", "entry_point"]].copy()
        long["entry_point"] = long["entry_point"].fillna(UNKNOWN).astype(str)
        counts, described = generalise(long, ["month"], "entry_point", threshold, LEVELS["entry_point"])
        tables.append(_table("entry_point", counts, ["month", "entry_point"], described, "entry_point"))
        margins.append(Margin("month_total", "entry_point", ("month",)))

    if "legs" in table_names:
        tables.append(_legs_table(records, threshold))

    if "quality" in table_names:
        route = records.groupby(["month", "route_status"]).size().unstack(fill_value=0)
        route = route.reindex(columns=["found", "not_asked", "unusable"], fill_value=0)
        route = route.stack().rename("count").reset_index()
        tables.append(CountTable("quality_route", route, ["month", "route_status"]))
        margins.append(Margin("month_total", "quality_route", ("month",)))
        text = records.assign(has_text=np.where(records["has_text"], "yes", "no"))
        text = text.groupby(["month", "has_text"]).size().unstack(fill_value=0)
        text = text.reindex(columns=["yes", "no"], fill_value=0).stack().rename("count").reset_index()
        # only "with text" is written; "without text" = records - with text is derivable
        text["hidden"] = text["has_text"] == "no"
        tables.append(CountTable("quality_text", text, ["month", "has_text"]))
        margins.append(Margin("month_total", "quality_text", ("month",)))
    return tables, margins


def _table(name: str, counts: pd.DataFrame, dims: list[str], described: list[str], label: str) -> CountTable:
    generalised = [f"{label}: {text}" for text in described]
    return CountTable(name, counts, dims, generalised=generalised,
                      cells_generalised=int(_is_generalised(counts[label]).sum()))


def _legs_table(records: pd.DataFrame, threshold: int) -> CountTable:
    """Persons per route leg (country pair) in each month x corridor; a person has several legs.

    Legs are a multiple-response table: it does not add up to the corridor total, so it is
    protected by generalisation and primary suppression, and it takes part in no equation.
    """
    with_route = records[records["route"].map(len) >= 2]
    persons, months, corridors, legs = [], [], [], []
    for person, month, corridor, route in zip(with_route["person"], with_route["month"],
                                              with_route["corridor"], with_route["route"]):
        for start, end in zip(route[:-1], route[1:]):
            if start != end:
                persons.append(person)
                months.append(month)
                corridors.append(corridor)
                legs.append(start + LEG_SEPARATOR + end)
    long = pd.DataFrame({"person": persons, "month": months, "corridor": corridors, "leg": legs})
    if long.empty:
        counts = pd.DataFrame(columns=["month", "corridor", "leg", "count"]).astype({"count": "int64"})
        described = []
    else:
        counts, described = generalise(long, ["month", "corridor"], "leg", threshold, LEVELS["leg"])
    ends = counts["leg"].str.split(LEG_SEPARATOR, n=1, expand=True) if len(counts) else None
    frame = pd.DataFrame({
        "month": counts["month"], "corridor": counts["corridor"],
        "from_country": ends[0] if ends is not None else pd.Series(dtype=str),
        "to_country": ends[1] if ends is not None else pd.Series(dtype=str),
        "count": counts["count"],
    })
    generalised_cells = int(_is_generalised(counts["leg"]).sum()) if len(counts) else 0
    return CountTable("legs", frame, ["month", "corridor", "from_country", "to_country"],
                      generalised=[f"leg: {text}" for text in described], cells_generalised=generalised_cells)
