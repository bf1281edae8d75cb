"""IOM Missing Migrants Project: deaths and disappearances on the routes, one row per incident.

Two publisher layouts are read: the redistributed Europe-bound file that is vendored
("Incident date", "No. dead", "No. missing", "Route", "Latitude"/"Longitude", ...) and IOM's own
current download ("Incident Date", "Number Dead"/"Number of Dead", "Minimum Estimated Number of
Missing", "Migration route", "Coordinates" as "lat, lon", ...). IOM figures are minimum
estimates; empty dead or missing cells mean none were reported and count as 0.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pandera.pandas as pa
from pandera.pandas import Check, Column

from routekit.reference import corridor_ids
from routekit.sources.public.codes import iom_corridor
from routekit.sources.public.paths import source_files
from routekit.sources.public.reading import (
    find_columns, header_key, is_signed_number, is_whole_number, read_raw_table,
)
from routekit.sources.public.result import ROW, AdapterResult, RowRejects, concat_rejects, month_span, read_each

SOURCE = "iom_missing_migrants"
COLUMNS = ["incident_id", "date", "year", "month", "route", "corridor", "dead", "missing", "dead_missing",
           "cause", "lat", "lon", "source_quality", "country_of_incident", "origin"]

ALIASES = {
    "incident_id": ("Incident ID", "Main ID", "Web ID"),
    "date": ("Incident date", "Incident Date", "Date of Incident", "Reported Date", "incident_date_clean"),
    "dead": ("No. dead", "Number Dead", "Number of Dead"),
    "missing": ("No. missing", "Minimum Estimated Number of Missing"),
    "dead_missing": ("No. dead/missing", "Total Number of Dead and Missing", "Total Dead and Missing"),
    "cause": ("Cause of death (category)", "Cause of Death", "Cause of death"),
    "route": ("Route", "Migration route", "Migration Route"),
    "country_of_incident": ("Country of Incident",),
    "origin": ("Country of Origin",),
    "source_quality": ("Source Quality",),
    "lat": ("Latitude",),
    "lon": ("Longitude",),
    "coordinates": ("Coordinates", "Location Coordinates"),
    "region": ("Region of Incident", "Region of incident"),
}
REQUIRED = ("incident_id", "date", "dead", "missing", "route")
DATE_FORMATS = ("%Y-%m-%d", "%a, %m/%d/%Y", "%m/%d/%Y", "%d %B %Y")
EMPTY = {"", "NA", "N/A", "NaN", "nan", "null"}

IOM_SCHEMA = pa.DataFrameSchema(
    {
        "incident_id": Column(str, Check.str_length(min_value=1), unique=True),
        "date": Column(str, Check.str_matches(r"^\d{4}-\d{2}-\d{2}$", error="date is not YYYY-MM-DD")),
        "year": Column("int64", Check.in_range(2000, 2100)),
        "month": Column("int64", Check.in_range(1, 12)),
        "route": Column(str, Check.str_length(min_value=1)),
        "corridor": Column(str, Check.isin(corridor_ids(), error="corridor is not a routekit corridor")),
        "dead": Column("int64", Check.ge(0, error="dead is negative")),
        "missing": Column("int64"),  # negative = IOM's correction of an earlier 'missing' count
        "dead_missing": Column("int64", Check.ge(0, error="dead + missing is negative")),
        "cause": Column(str),
        "lat": Column(float, Check.in_range(-90, 90, error="latitude outside -90..90"), nullable=True),
        "lon": Column(float, Check.in_range(-180, 180, error="longitude outside -180..180"), nullable=True),
        "source_quality": Column("Int64", Check.in_range(1, 5), nullable=True),
        "country_of_incident": Column(str),
        "origin": Column(str),
    },
    checks=[Check(lambda f: f["dead"] + f["missing"] == f["dead_missing"], element_wise=False,
                  error="dead + missing differs from dead/missing")],
    strict=True,
)


# Regions of incident on the way to or inside Europe: an incident there on a route corridors.yaml
# does not list is a new European route name (rejected, to be added); elsewhere it is out of scope.
EUROPEAN_REGIONS = {"mediterranean", "europe"}


def _parse_dates(text: pd.Series) -> pd.Series:
    """IOM dates: ISO, 'Thu, 01/01/2026 - 12:00' (the raw download), 'Sat, 01/18/2014' or
    '01/18/2014' (US order, as IOM exports them); a time of day is dropped."""
    day = text.str.replace(r"(\s*-\s*|[T ])\d{1,2}:\d{2}(:\d{2})?$", "", regex=True).str.strip()
    parsed = pd.Series(pd.NaT, index=text.index, dtype="datetime64[ns]")
    for date_format in DATE_FORMATS:
        parsed = parsed.fillna(pd.to_datetime(day, format=date_format, errors="coerce"))
    return parsed


def _counts(text: pd.Series, field: str, label: str, rejects: RowRejects, allow_negative: bool = False) -> pd.Series:
    """Whole numbers (>= 0 unless ``allow_negative``); empty means none reported (0)."""
    empty = text.isin(EMPTY)
    negative = text.str.fullmatch(r"-\d+(\.0+)?").fillna(False).astype(bool)
    if not allow_negative:
        rejects.flag(negative, field, f"{label} is negative (" + text + ")")
    rejects.flag(~empty & ~is_whole_number(text) & ~negative, field,
                 f"{label} '" + text + "' is not a whole number")
    numbers = pd.to_numeric(text.where(~empty, "0"), errors="coerce")
    return numbers.fillna(0).round().astype("int64")


def _coordinates(text: dict[str, pd.Series], rejects: RowRejects) -> tuple[pd.Series, pd.Series]:
    """Latitude and longitude from Latitude/Longitude columns or one 'lat, lon' cell; empty -> NaN."""
    if "lat" in text and "lon" in text:
        lat_text, lon_text, field = text["lat"], text["lon"], "Latitude/Longitude"
        shown = lat_text + ", " + lon_text
    elif "coordinates" in text:
        parts = text["coordinates"].str.extract(r"^(?P<lat>[^,]*)(?:,(?P<lon>.*))?$")
        lat_text, lon_text, field = parts["lat"].fillna("").str.strip(), parts["lon"].fillna("").str.strip(), "Coordinates"
        shown = text["coordinates"]
    else:
        nan = pd.Series(np.nan, index=next(iter(text.values())).index)
        return nan, nan
    empty = lat_text.isin(EMPTY) & lon_text.isin(EMPTY)
    bad = ~empty & ~(is_signed_number(lat_text) & is_signed_number(lon_text))
    rejects.flag(bad, field, "coordinates '" + shown + "' are not 'lat, lon' numbers")
    lat = pd.to_numeric(lat_text.where(~empty), errors="coerce")
    lon = pd.to_numeric(lon_text.where(~empty), errors="coerce")
    rejects.flag(~bad & ((lat.abs() > 90) | (lon.abs() > 180)), field,
                 "coordinates '" + shown + "' are outside the globe")
    return lat.astype(float), lon.astype(float)


def _source_quality(text: pd.Series, rejects: RowRejects) -> pd.Series:
    """IOM's 1-5 reliability grade. Merged incidents carry one digit per source ('45'): the best grade counts."""
    empty = text.isin(EMPTY)
    valid = text.str.fullmatch(r"[1-5]+").fillna(False).astype(bool)
    rejects.flag(~empty & ~valid, "Source Quality", "source quality '" + text + "' is not a 1-5 grade")
    best = text.where(valid).map(lambda grades: max(int(d) for d in grades) if isinstance(grades, str) else None)
    return best.astype("Int64")


def read_iom_file(path: str | Path) -> AdapterResult:
    """One IOM file (vendored or IOM's raw download layout), normalised; refused rows in ``rejects``."""
    path = Path(path)
    raw = read_raw_table(path, _is_header, "IOM Missing Migrants (incident id and date)")
    columns = find_columns(raw, path, ALIASES, required=REQUIRED)
    text = {name: raw[column].str.strip() for name, column in columns.items()}
    out_of_scope = _outside_europe(text)
    set_aside = text["route"][out_of_scope].where(~text["route"][out_of_scope].isin(EMPTY), "(no route)")
    raw = raw[~out_of_scope]
    text = {name: values[~out_of_scope] for name, values in text.items()}
    rejects = RowRejects(raw)

    date = _parse_dates(text["date"])
    rejects.flag(date.isna(), columns["date"], "incident date '" + text["date"] + "' is not a date")
    route = text["route"]
    corridor = iom_corridor(route)
    rejects.flag(route.isin(EMPTY), columns["route"], "no route")
    rejects.flag(~route.isin(EMPTY) & corridor.isna(), columns["route"],
                 "route '" + route + "' is not listed in corridors.yaml iom_routes")
    dead = _counts(text["dead"], columns["dead"], "number dead", rejects)
    # IOM nets corrections inside an incident: people first reported missing and later found dead
    # appear as a negative 'missing' next to the dead. Kept, so totals equal IOM's; dead/missing >= 0.
    missing = _counts(text["missing"], columns["missing"], "number missing", rejects, allow_negative=True)
    rejects.flag(dead + missing < 0, columns["missing"], "dead + missing is negative")
    if "dead_missing" in text:
        total = _counts(text["dead_missing"], columns["dead_missing"], "number dead and missing", rejects)
        rejects.flag(total != dead + missing, columns["dead_missing"],
                     "dead and missing (" + total.astype(str) + ") is not dead + missing ("
                     + (dead + missing).astype(str) + ")")
    lat, lon = _coordinates(text, rejects)
    quality = _source_quality(text["source_quality"], rejects) if "source_quality" in text else \
        pd.Series(pd.NA, index=raw.index, dtype="Int64")
    incident_id = text["incident_id"]
    rejects.flag(incident_id.isin(EMPTY), columns["incident_id"], "no incident id")
    first_row = raw[ROW].groupby(incident_id).transform("first")
    rejects.flag(incident_id.duplicated(keep="first") & ~incident_id.isin(EMPTY), columns["incident_id"],
                 "duplicate incident id (first at row " + first_row.astype(str) + ")")

    optional = lambda name: text[name].where(~text[name].isin(EMPTY), "") if name in text else ""  # noqa: E731
    frame = pd.DataFrame({
        "incident_id": incident_id,
        "date": date.dt.strftime("%Y-%m-%d"),
        "year": date.dt.year,
        "month": date.dt.month,
        "route": route,
        "corridor": corridor,
        "dead": dead,
        "missing": missing,
        "dead_missing": dead + missing,
        "cause": optional("cause"),
        "lat": lat,
        "lon": lon,
        "source_quality": quality,
        "country_of_incident": optional("country_of_incident"),
        "origin": optional("origin"),
    }, index=raw.index)
    good = rejects.keep(frame).astype({"year": "int64", "month": "int64"})
    data = rejects.validate(good[COLUMNS], IOM_SCHEMA)
    span = month_span(data["date"])
    return AdapterResult(SOURCE, data.reset_index(drop=True), rejects.frame(), (path,),
                         coverage={str(path): span} if span else {},
                         out_of_scope=set_aside.value_counts().to_dict())


def _is_header(cells: list[str]) -> bool:
    keys = {header_key(c) for c in cells if c}
    has = lambda name: any(header_key(a) in keys for a in (name, *ALIASES[name]))  # noqa: E731
    return has("incident_id") and has("date")


def _outside_europe(text: dict[str, pd.Series]) -> pd.Series:
    """Incidents of IOM's global file outside routekit's scope: on a route corridors.yaml does not
    list (or none) and in a region of incident that is not the Mediterranean or Europe. Without a
    region column nothing is set aside (an unlisted route is then rejected with its name)."""
    route = text["route"]
    if "region" not in text:
        return pd.Series(False, index=route.index)
    listed = iom_corridor(route.where(~route.isin(EMPTY), "")).notna()
    regions = text["region"].str.casefold().str.split(",")
    european = regions.map(lambda parts: any(p.strip() in EUROPEAN_REGIONS for p in parts)
                           if isinstance(parts, list) else False)
    return ~listed & ~european


def load_iom(data_dir: str | Path | None = None) -> AdapterResult:
    """IOM Missing Migrants incidents from ``data_dir`` (default: the vendored data/public).

    data: incident_id, date (YYYY-MM-DD), year, month, route (IOM name), corridor (routekit id),
    dead, missing, dead_missing, cause, lat, lon, source_quality (1-5), country_of_incident, origin.
    """
    results, unreadable = read_each(source_files(SOURCE, data_dir), read_iom_file, SOURCE)
    data = pd.concat([r.data for r in results], ignore_index=True)
    duplicated = data["incident_id"].duplicated(keep="last")
    notes = [f"{Path(path).name} could not be read and was left out: {reason}" for path, reason in unreadable]
    if duplicated.any():
        notes.append(f"{int(duplicated.sum())} incidents appear in more than one file; the last file read wins")
    out_of_scope: dict[str, int] = {}
    for result in results:
        for route, count in result.out_of_scope.items():
            out_of_scope[route] = out_of_scope.get(route, 0) + count
    if out_of_scope:
        listed = ", ".join(f"{route}: {count:,}" for route, count in
                           sorted(out_of_scope.items(), key=lambda item: -item[1])[:5])
        notes.append(f"{sum(out_of_scope.values()):,} incidents outside Europe's routes set aside as out of "
                     f"scope ({listed}{', ...' if len(out_of_scope) > 5 else ''})")
    data = data[~duplicated].sort_values(["date", "incident_id"]).reset_index(drop=True)
    corrections = int((data["missing"] < 0).sum())
    if corrections:
        notes.append(f"{corrections} incidents carry a negative 'missing' (IOM's correction of an earlier "
                     "count); kept so that totals equal IOM's")
    return AdapterResult(SOURCE, data, concat_rejects([r.rejects for r in results]),
                         tuple(p for r in results for p in r.files), notes=notes,
                         coverage={k: v for r in results for k, v in r.coverage.items()},
                         unreadable=unreadable, out_of_scope=out_of_scope)
