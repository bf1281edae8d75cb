"""Eurostat: first-time asylum applicants by citizenship, reporting country, sex and period.

Four publisher layouts are read into one table:
- the vendored annual extract of ``migr_asyappctza``: ``geo`` (ISO3, EU27), ``t`` (year), ``nat``
  (ISO3), ``sex`` (male/female/unknown), ``n``;
- Eurostat's SDMX-CSV download (API or Data Browser), e.g. of the monthly ``migr_asyappctzm``:
  ``DATAFLOW, LAST UPDATE, freq, unit, citizen, sex, age, applicant (older: asyl_app), geo,
  TIME_PERIOD, OBS_VALUE, OBS_FLAG``, countries as ISO2 (EL, UK, XK as Eurostat writes them);
- Eurostat's JSON-stat 2.0 (the statistics API's default answer): ``id``/``size``/``dimension``
  with the values row-major, ``status`` for flags;
- Eurostat's TSV download: one line per series, ``freq,unit,...,geo\\TIME_PERIOD`` then one
  column per period, cells "value flags" (":" = not available).
Only first-time applicants (applicant FRST / asyl_app NASY_APP), all ages (TOTAL), persons (PER)
are kept; aggregates (citizen TOTAL, EXT_EU27_2020, ...; sex T when M/F are present) would
double-count and are refused with that reason. Eurostat rounds every cell to a multiple of 5.
"""

from __future__ import annotations

import gzip
from pathlib import Path

import pandas as pd
import pandera.pandas as pa
from pandera.pandas import Check, Column

from routekit.errors import InputError
from routekit.sources.public.codes import (
    GEO_AGGREGATES, eurostat_citizen, eurostat_country, is_eurostat_citizen_aggregate, is_nationality_code,
)
from routekit.sources.public.paths import source_files
from routekit.sources.public.reading import find_columns, is_whole_number, read_raw_csv
from routekit.sources.public.result import FILE, ROW, AdapterResult, RowRejects, concat_rejects, month_span, read_each

SOURCE = "eurostat_asylum"
KEY = ["freq", "period", "geo", "nationality", "sex"]
COLUMNS = ["period", "freq", "geo", "nationality", "sex", "applicants", "flag"]
FIRST_TIME = {"FRST", "NASY_APP"}
SEX_CODES = {"M": "male", "F": "female", "UNK": "unknown", "T": "total",
             "male": "male", "female": "female", "unknown": "unknown", "total": "total"}

SDMX_ALIASES = {
    "freq": (), "unit": (), "citizen": (), "sex": (), "age": (), "applicant": ("asyl_app",), "geo": (),
    "time": ("TIME_PERIOD", "time"), "value": ("OBS_VALUE",), "flag": ("OBS_FLAG",),
}
ANNUAL_ALIASES = {"geo": (), "t": (), "nat": (), "sex": (), "n": ()}

EUROSTAT_SCHEMA = pa.DataFrameSchema(
    {
        "period": Column(str, Check.str_matches(r"^\d{4}(-(0[1-9]|1[0-2]))?$", error="period is not YYYY or YYYY-MM")),
        "freq": Column(str, Check.isin(["A", "M"], error="frequency is not A or M")),
        "geo": Column(str, Check.str_matches(r"^([A-Z]{3}|EU\d\d(_\d{4})?)$", error="geo is not ISO3 or an EU aggregate")),
        "nationality": Column(str, Check.str_matches(r"^[A-Z]{3}$", error="nationality is not a 3-letter code")),
        "sex": Column(str, Check.isin(["male", "female", "unknown", "total"], error="sex is not male/female/unknown/total")),
        "applicants": Column("int64", Check.ge(0, error="applicants are negative")),
        "flag": Column(str),
    },
    unique=KEY,
    strict=True,
)


def _first_line(path: Path) -> str:
    opener = gzip.open if path.suffix == ".gz" else open
    try:
        with opener(path, "rt", encoding="utf-8-sig") as handle:
            return handle.readline()
    except (OSError, UnicodeDecodeError) as error:
        raise InputError(path, f"cannot read the file ({error})") from None


def _read_tsv(path: Path) -> pd.DataFrame:
    """Eurostat TSV: one series per line -> one observation per row (row = the line number)."""
    wide = read_raw_csv(path, sep="\t")
    key_column = wide.columns[0]
    dimensions = [d.strip() for d in key_column.split("\\")[0].split(",")]
    periods = [c for c in wide.columns[1:] if c not in (ROW, FILE)]
    keys = wide[key_column].str.split(",", expand=True)
    if keys.shape[1] != len(dimensions):
        raise InputError(path, f"series keys do not have the {len(dimensions)} dimensions {dimensions}", row=2)
    keys.columns = dimensions
    long = pd.concat([keys, wide[[ROW, FILE] + periods]], axis=1).melt(
        id_vars=dimensions + [ROW, FILE], value_vars=periods, var_name="time", value_name="cell")
    cell = long.pop("cell").fillna("").str.strip()
    parts = cell.str.extract(r"^(?P<value>:|[^\s:]+)?\s*(?P<flag>.*)$")
    long["value"] = parts["value"].fillna("")
    long["flag"] = parts["flag"].fillna("").str.strip()
    long["time"] = long["time"].str.strip()
    return long.sort_values([ROW, "time"]).reset_index(drop=True)


def _read_jsonstat(path: Path) -> tuple[pd.DataFrame, int]:
    """Eurostat JSON-stat 2.0 (API ``statistics/1.0/data``): one row per value or flag.

    Values are stored row-major over ``id``/``size`` (the last dimension runs fastest), as a
    list or as an object keyed by position; ``status`` holds the flags. Returns the observations
    (row = position + 1) and how many positions carry a flag but no value.
    """
    import json

    import numpy as np

    try:
        with (gzip.open if path.suffix == ".gz" else open)(path, "rt", encoding="utf-8-sig") as handle:
            doc = json.load(handle)
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
        raise InputError(path, f"not a readable JSON file ({error})") from None
    if not isinstance(doc, dict) or doc.get("class") != "dataset" or not {"id", "size", "dimension", "value"} <= set(doc):
        raise InputError(path, "not a JSON-stat 2.0 dataset (expected class 'dataset' with id, size, dimension, value)")
    ids, sizes = list(doc["id"]), [int(n) for n in doc["size"]]
    codes = []
    for name, size in zip(ids, sizes):
        index = doc["dimension"].get(name, {}).get("category", {}).get("index")
        if isinstance(index, dict):
            ordered = sorted(index, key=index.get)
        elif isinstance(index, list):
            ordered = index
        else:  # a dimension of one category may leave out its index
            ordered = list(doc["dimension"].get(name, {}).get("category", {}).get("label", {}))
        if len(ordered) != size:
            raise InputError(path, f"dimension '{name}' lists {len(ordered)} categories, size says {size}", field=name)
        codes.append(np.asarray(ordered, dtype=object))
    values, status = doc["value"], doc.get("status") or {}
    value_at = {int(k): v for k, v in values.items()} if isinstance(values, dict) else \
        {i: v for i, v in enumerate(values) if v is not None}
    if isinstance(status, dict):
        flag_at = {int(k): str(v) for k, v in status.items() if v}
    elif isinstance(status, list):
        flag_at = {i: str(v) for i, v in enumerate(status) if v}
    else:  # one flag for every value
        flag_at = {i: str(status) for i in value_at} if status else {}
    # a position with a flag and no value is Eurostat's ':' with a flag (e.g. c = confidential): kept
    # as a row so it is refused with its flag, as in the other layouts
    positions = np.array(sorted(set(value_at) | set(flag_at)), dtype=np.int64)
    cells = [value_at.get(int(p)) for p in positions]
    unravelled = np.unravel_index(positions, sizes) if len(positions) else [np.array([], dtype=np.int64)] * len(ids)
    frame = pd.DataFrame({name: codes[i][unravelled[i]] for i, name in enumerate(ids)}, dtype=object)
    frame["value"] = ["" if v is None else str(int(v)) if isinstance(v, (int, float)) and float(v).is_integer()
                      else str(v) for v in cells]
    frame["flag"] = [flag_at.get(int(p), "") for p in positions]
    frame = frame.astype(str)
    frame[ROW] = positions + 1
    frame[FILE] = str(path)
    flagged_only = sum(v is None for v in cells)
    return frame.sort_values(ROW).reset_index(drop=True), flagged_only


def _without_empty_cells(raw: pd.DataFrame, columns: dict[str, str]) -> tuple[pd.DataFrame, int]:
    """TSV cells ':' without a flag are no observation (SDMX-CSV leaves them out); counted, not kept."""
    empty = raw[columns["value"]].isin(["", ":"]) & raw[columns["flag"]].eq("")
    return raw[~empty].reset_index(drop=True), int(empty.sum())


def _read_file(path: Path) -> tuple[pd.DataFrame, dict[str, str], str]:
    """The file as a raw observation table, the map canonical name -> raw column, and its layout."""
    if path.name.endswith((".json", ".json.gz")):
        raw, _ = _read_jsonstat(path)
        return raw, find_columns(raw, path, SDMX_ALIASES, required=("citizen", "sex", "geo", "time", "value")), "json-stat"
    header = _first_line(path)
    if "\t" in header and "\\" in header.split("\t")[0]:
        raw = _read_tsv(path)
        return raw, find_columns(raw, path, SDMX_ALIASES, required=("citizen", "sex", "geo", "time", "value")), "tsv"
    raw = read_raw_csv(path)
    names = {c.casefold() for c in raw.columns}
    if "time_period" in names or "obs_value" in names:
        return raw, find_columns(raw, path, SDMX_ALIASES, required=("citizen", "sex", "geo", "time", "value")), "sdmx-csv"
    if {"geo", "t", "nat", "sex", "n"} <= names:
        found = find_columns(raw, path, ANNUAL_ALIASES, required=tuple(ANNUAL_ALIASES))
        return raw, {"citizen": found["nat"], "sex": found["sex"], "geo": found["geo"],
                     "time": found["t"], "value": found["n"]}, "annual"
    raise InputError(path, "not a known Eurostat layout (expected SDMX-CSV with TIME_PERIOD and OBS_VALUE, "
                           "Eurostat TSV, or the annual extract geo,t,nat,sex,n)")


def _code(cells: pd.Series) -> pd.Series:
    """'NL:Netherlands' (Data Browser 'code and label' downloads) -> 'NL'; codes stay as they are."""
    return cells.str.strip().str.replace(r"^([A-Za-z0-9_\-]+):.*$", r"\1", regex=True)


def read_eurostat_file(path: str | Path) -> AdapterResult:
    """One Eurostat file in any of the three layouts, normalised; refused rows in ``rejects``."""
    path = Path(path)
    raw, columns, layout = _read_file(path)
    notes = []
    if layout == "tsv":
        raw, skipped = _without_empty_cells(raw, columns)
        if skipped:
            notes.append(f"{path.name}: {skipped} cells marked ':' (no data) are not observations")
    text = {name: _code(raw[column]) if name not in ("value", "flag", "time") else raw[column].str.strip()
            for name, column in columns.items()}
    rejects = RowRejects(raw)
    field = lambda name: columns.get(name, name)  # noqa: E731

    for name, allowed, why in (
        ("unit", {"PER"}, "only persons (PER) are used"),
        ("age", {"TOTAL"}, "only all ages (TOTAL) are used; the age groups sum to it"),
        ("applicant", FIRST_TIME, "only first-time applicants (FRST / NASY_APP) are used"),
    ):
        if name in text:
            rejects.flag(~text[name].isin(allowed), field(name), f"{name} '" + text[name] + f"': {why}")

    time = text["time"].str.replace(r"^(\d{4})M(\d{2})$", r"\1-\2", regex=True)
    monthly = time.str.fullmatch(r"\d{4}-(0[1-9]|1[0-2])").fillna(False).astype(bool)
    annual = time.str.fullmatch(r"\d{4}").fillna(False).astype(bool)
    freq = text["freq"].str.upper().str.slice(0, 1) if "freq" in text else \
        pd.Series("M", index=raw.index).where(monthly, "A")
    rejects.flag(~((freq == "M") & monthly | (freq == "A") & annual), field("time"),
                 "period '" + text["time"] + "' does not match frequency '" + freq + "'")

    sex = text["sex"].map(SEX_CODES)
    rejects.flag(sex.isna(), field("sex"), "sex '" + text["sex"] + "' is not M, F, UNK or T")
    if sex.isin(["male", "female"]).any():
        rejects.flag(sex == "total", field("sex"), "sex total (T) is the sum of the M, F and UNK rows")

    citizen = text["citizen"]
    aggregate = is_eurostat_citizen_aggregate(citizen)
    nationality = eurostat_citizen(citizen)
    rejects.flag(aggregate, field("citizen"), "citizenship '" + citizen + "' is an aggregate of other rows")
    rejects.flag(~aggregate & nationality.isna(), field("citizen"), "citizenship '" + citizen + "' is not a known code")
    rejects.flag(nationality.notna() & ~is_nationality_code(nationality.fillna("")), field("citizen"),
                 "citizenship '" + citizen + "' is not a known code")

    geo = text["geo"].map(GEO_AGGREGATES).fillna(eurostat_country(text["geo"]))
    rejects.flag(geo.isna(), field("geo"), "reporting country '" + text["geo"] + "' is not a known code")

    value = text["value"]
    flag = text["flag"] if "flag" in text else pd.Series("", index=raw.index)
    missing = value.isin(["", ":"])
    rejects.flag(missing, field("value"), "no value (not available" + flag.where(flag == "", ", flag " + flag) + ")")
    rejects.flag(~missing & ~is_whole_number(value), field("value"), "value '" + value + "' is not a whole number >= 0")

    frame = pd.DataFrame({"period": time, "freq": freq, "geo": geo, "nationality": nationality,
                          "sex": sex, "flag": flag}, index=raw.index)
    good = rejects.keep(frame).copy()
    good["applicants"] = pd.to_numeric(value[good.index]).astype("int64")
    duplicated = good.duplicated(KEY, keep="first")
    if duplicated.any():
        first_row = raw.loc[good.index, ROW].groupby([good[k] for k in KEY]).transform("first")
        rejects.flag(duplicated, field("value"), "duplicate cell (same period, geo, citizenship, sex) as row "
                     + first_row.astype(str))
    data = rejects.validate(rejects.keep(good)[COLUMNS], EUROSTAT_SCHEMA)
    periods = data["period"].astype(str)
    span = month_span(periods[data["freq"] == "M"]) or (
        (periods.min() + "-01", periods.max() + "-12") if len(periods) else None)
    return AdapterResult(SOURCE, data.reset_index(drop=True), rejects.frame(), (path,), notes=notes,
                         coverage={str(path): span} if span else {})


def load_eurostat_asylum(data_dir: str | Path | None = None) -> AdapterResult:
    """First-time asylum applicants from every Eurostat file in ``data_dir`` (default: vendored).

    data: period (YYYY or YYYY-MM), freq (A|M), geo (ISO3 of the reporting country, or EU27),
    nationality (ISO3, or XKX/STL/OOO), sex (male|female|unknown|total), applicants, flag
    (Eurostat's observation flag, e.g. p = provisional). Annual and monthly files can sit side by
    side; sum within one ``freq`` only, and leave out geo EU27 when summing countries.
    """
    results, unreadable = read_each(source_files(SOURCE, data_dir), read_eurostat_file, SOURCE)
    data = pd.concat([r.data for r in results], ignore_index=True)
    duplicated = data.duplicated(KEY, keep="last")
    notes = [f"{Path(path).name} could not be read and was left out: {reason}" for path, reason in unreadable]
    notes += [note for r in results for note in r.notes]
    if duplicated.any():
        notes.append(f"{int(duplicated.sum())} cells appear in more than one file; the last file read wins")
    data = data[~duplicated].sort_values(["freq", "period", "geo", "nationality", "sex"]).reset_index(drop=True)
    return AdapterResult(SOURCE, data, concat_rejects([r.rejects for r in results]),
                         tuple(p for r in results for p in r.files), notes=notes,
                         coverage={k: v for r in results for k, v in r.coverage.items()}, unreadable=unreadable)
