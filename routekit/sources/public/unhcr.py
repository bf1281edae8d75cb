"""UNHCR Operational Data Portal, Mediterranean situation: sea arrivals per landing place per year.

Publisher layout: geomaster_name, admin_level (Country/Province/Settlement), centroid_lon,
centroid_lat, month (the last month the yearly figure covers), year, population_groups_concat,
individuals, country_name, last_update. Each country is reported at one admin level per year,
so places of one country and year can be summed.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pandera.pandas as pa
from pandera.pandas import Check, Column

from routekit.sources.public.codes import country_name_to_iso3
from routekit.sources.public.paths import source_files
from routekit.sources.public.reading import find_columns, is_signed_number, is_whole_number, read_raw_csv
from routekit.sources.public.result import ROW, AdapterResult, RowRejects, concat_rejects

SOURCE = "unhcr_arrivals"
KEY = ["year", "country", "place"]
COLUMNS = ["period", "year", "through_month", "country", "place", "admin_level", "lat", "lon", "arrivals",
           "last_update"]
ALIASES = {
    "place": ("geomaster_name",), "admin_level": (), "lon": ("centroid_lon",), "lat": ("centroid_lat",),
    "month": (), "year": (), "individuals": (), "country_name": (), "last_update": (),
}

UNHCR_SCHEMA = pa.DataFrameSchema(
    {
        "period": Column(str, Check.str_matches(r"^\d{4}$")),
        "year": Column("int64", Check.in_range(2000, 2100)),
        "through_month": Column("int64", Check.in_range(1, 12)),
        "country": Column(str, Check.str_matches(r"^[A-Z]{3}$", error="country is not ISO3")),
        "place": Column(str, Check.str_length(min_value=1)),
        "admin_level": Column(str),
        "lat": Column(float, Check.in_range(-90, 90), nullable=True),
        "lon": Column(float, Check.in_range(-180, 180), nullable=True),
        "arrivals": Column("int64", Check.ge(0)),
        "last_update": Column(str),
    },
    unique=KEY,
    strict=True,
)


def read_unhcr_file(path: str | Path) -> AdapterResult:
    """One UNHCR sea-arrivals file, normalised; refused rows in ``rejects``."""
    path = Path(path)
    raw = read_raw_csv(path)
    columns = find_columns(raw, path, ALIASES, required=("place", "year", "individuals", "country_name"))
    text = {name: raw[column].str.strip() for name, column in columns.items()}
    rejects = RowRejects(raw)

    year_ok = text["year"].str.fullmatch(r"\d{4}").fillna(False).astype(bool)
    rejects.flag(~year_ok, columns["year"], "year '" + text["year"] + "' is not a year")
    month = text.get("month", pd.Series("12", index=raw.index))
    month_ok = month.str.fullmatch(r"(0?[1-9]|1[0-2])").fillna(False).astype(bool)
    rejects.flag(~month_ok, columns.get("month", "month"), "month '" + month + "' is not 1-12")
    rejects.flag(~is_whole_number(text["individuals"]), columns["individuals"],
                 "individuals '" + text["individuals"] + "' is not a whole number >= 0")
    country = country_name_to_iso3(text["country_name"])
    rejects.flag(country.isna(), columns["country_name"], "country '" + text["country_name"] + "' is not known")
    rejects.flag(text["place"] == "", columns["place"], "no place name")
    coordinates = {}
    for name in ("lat", "lon"):
        cell = text.get(name, pd.Series("", index=raw.index))
        rejects.flag((cell != "") & ~is_signed_number(cell), columns.get(name, name),
                     f"{name} '" + cell + "' is not a number")
        coordinates[name] = pd.to_numeric(cell.where(cell != ""), errors="coerce").astype(float)

    frame = pd.DataFrame({
        "period": text["year"], "country": country, "place": text["place"],
        "admin_level": text.get("admin_level", ""), "lat": coordinates["lat"], "lon": coordinates["lon"],
        "last_update": text.get("last_update", ""),
    }, index=raw.index)
    good = rejects.keep(frame).copy()
    good["year"] = good["period"].astype("int64")
    good["through_month"] = month[good.index].astype("int64")
    good["arrivals"] = pd.to_numeric(text["individuals"][good.index]).astype("int64")
    duplicated = good.duplicated(KEY, keep="first")
    first_row = raw.loc[good.index, ROW].groupby([good[k] for k in KEY]).transform("first")
    rejects.flag(duplicated, columns["place"], "duplicate place and year (first at row " + first_row.astype(str) + ")")
    data = rejects.validate(rejects.keep(good)[COLUMNS], UNHCR_SCHEMA)
    data = data.reset_index(drop=True)
    span = None
    if len(data):
        last = data.sort_values(["year", "through_month"]).iloc[-1]
        span = (f"{int(data['year'].min())}-01", f"{int(last['year'])}-{int(last['through_month']):02d}")
    return AdapterResult(SOURCE, data, rejects.frame(), (path,), coverage={str(path): span} if span else {})


def load_unhcr_arrivals(data_dir: str | Path | None = None) -> AdapterResult:
    """UNHCR Mediterranean sea arrivals per landing place and year (default: vendored data/public).

    data: period (YYYY), year, through_month (last month the figure covers; 12 = whole year),
    country (ISO3), place, admin_level, lat, lon, arrivals (persons), last_update.
    """
    results = [read_unhcr_file(path) for path in source_files(SOURCE, data_dir)]
    data = pd.concat([r.data for r in results], ignore_index=True).drop_duplicates(KEY, keep="last")
    data = data.sort_values(["year", "country", "place"]).reset_index(drop=True)
    return AdapterResult(SOURCE, data, concat_rejects([r.rejects for r in results]),
                         tuple(p for r in results for p in r.files),
                         coverage={k: v for r in results for k, v in r.coverage.items()})
