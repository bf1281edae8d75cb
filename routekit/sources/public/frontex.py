"""Frontex: monthly detections of illegal border crossings, by route, border type and nationality.

Publisher layout (migratory-map data, long form): ``route`` (Frontex route name), ``type``
(Sea/Land), ``nat`` (ISO3, plus XKX/STL/OOO/OOS), ``t`` (first day of the month), ``n``
(detections). Frontex counts detections, not persons, and revises recent months in each
release: ``merge_frontex`` lets the newer file win and lists every revised cell.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pandera.pandas as pa
from pandera.pandas import Check, Column

from routekit.errors import InputError
from routekit.reference import corridor_ids
from routekit.sources.public.codes import country_name_to_iso3, frontex_corridor, is_nationality_code
from routekit.sources.public.paths import source_files
from routekit.sources.public.reading import find_columns, header_key, is_whole_number, parse_month, read_raw_table
from routekit.sources.public.result import (
    FILE, ROW, AdapterResult, RowRejects, concat_rejects, month_span, read_each,
)

SOURCE = "frontex"
KEY = ["period", "route", "border_type", "nationality"]
COLUMNS = ["period", "route", "corridor", "border_type", "nationality", "detections"]
REVISION_COLUMNS = ["period", "route", "border_type", "nationality", "old", "new", "old_file", "new_file"]

ALIASES = {
    "route": ("Route", "Migratory route", "Migration route"),
    "type": ("Border type", "Border location", "BorderLocation", "border_type"),
    "nat": ("Nationality", "NationalityLong", "Nationality long", "Citizenship", "nationality"),
    "t": ("Month", "Date", "period"),
    "n": ("Detections", "Value", "detections", "Number of detections", "Total detections"),
}
# Frontex's workbook writes nationalities as names; these are its own words for the codes
# routekit keeps beside ISO 3166 (SPECIAL_NATIONALITIES) and names pycountry does not know.
NATIONALITY_NAMES = {
    "not specified": "OOS", "stateless": "STL", "unknown": "OOO", "kosovo": "XKX", "kosovo*": "XKX",
    "syria": "SYR", "turkey": "TUR", "türkiye": "TUR", "turkiye": "TUR", "russia": "RUS",
    "iran": "IRN", "palestine": "PSE", "ivory coast": "CIV", "côte d'ivoire": "CIV",
    "democratic republic of the congo": "COD", "congo (democratic republic of the)": "COD",
    "dr congo": "COD", "congo": "COG", "republic of the congo": "COG", "moldova": "MDA",
    "vietnam": "VNM", "viet nam": "VNM", "laos": "LAO", "bolivia": "BOL", "venezuela": "VEN",
    "tanzania": "TZA", "north korea": "PRK", "south korea": "KOR", "gambia": "GMB", "the gambia": "GMB",
    "north macedonia": "MKD", "cape verde": "CPV",
}
AGGREGATE_ROUTES = {"total", "grand total", "all routes", "eu total"}

FRONTEX_SCHEMA = pa.DataFrameSchema(
    {
        "period": Column(str, Check.str_matches(r"^\d{4}-(0[1-9]|1[0-2])$", error="period is not YYYY-MM")),
        "route": Column(str, Check.str_length(min_value=1, error="route is empty")),
        "corridor": Column(str, Check.isin(corridor_ids(), error="corridor is not a routekit corridor")),
        # "" = the file publishes the route's total only (sea and land, or every nationality together)
        "border_type": Column(str, Check.isin(["sea", "land", ""], error="border type is not sea or land")),
        "nationality": Column(str, Check.str_matches(r"^([A-Z]{3})?$", error="nationality is not a 3-letter code")),
        "detections": Column("int64", Check.ge(0, error="detections are negative")),
    },
    unique=KEY,
    strict=True,
    coerce=False,
)


def _is_header(cells: list[str]) -> bool:
    keys = {header_key(c) for c in cells if c}
    return header_key("route") in keys or any(header_key(a) in keys for a in ALIASES["route"])


def _nationality(text: pd.Series) -> pd.Series:
    """ISO3 codes as they are; Frontex's nationality names mapped to ISO3 (NaN when unknown)."""
    upper = text.str.upper()
    named = text.str.casefold().map(NATIONALITY_NAMES)
    unresolved = ~is_nationality_code(upper) & named.isna() & (text != "")
    by_name = pd.Series(pd.NA, index=text.index, dtype=object)
    if unresolved.any():
        by_name[unresolved] = country_name_to_iso3(text[unresolved])
    return upper.where(is_nationality_code(upper), named.fillna(by_name))


def _wide_to_long(raw: pd.DataFrame, columns: dict[str, str], month_columns: dict[str, str]) -> pd.DataFrame:
    """The workbook's one-column-per-month layout as one row per (row, month); empty cells
    (Frontex leaves zeros out) are not observations."""
    ids = [columns[name] for name in ("route", "type", "nat") if name in columns]
    long = raw[ids + [ROW, FILE]].join(raw[list(month_columns)]).melt(
        id_vars=ids + [ROW, FILE], value_vars=list(month_columns), var_name="_header", value_name="n")
    long["n"] = long["n"].fillna("").str.strip()
    long = long[~long["n"].isin(["", "-", "0"])]
    long["t"] = long["_header"].map(month_columns)
    return long.sort_values([ROW, "t"]).reset_index(drop=True)


def read_frontex_file(path: str | Path) -> AdapterResult:
    """One Frontex file, normalised; refused rows in ``rejects``.

    Layouts (CSV or the .xlsx workbook as downloaded, title rows above the header skipped):
    long ``route, type, nat, t, n``; the migratory-map workbook with one column per month and a
    row per route, border location and nationality (names or ISO3); a route x month totals table
    without nationality (``route, date, detections``, or wide). Where a file has no nationality or
    border type, its rows are route totals (nationality and border_type "").
    """
    path = Path(path)
    raw = read_raw_table(path, _is_header, "Frontex (a 'Route' column)")
    labels = [c for c in raw.columns if c not in (ROW, FILE)]
    found = find_columns(raw, path, ALIASES, required=("route",))
    months = parse_month(pd.Series(labels, index=labels))
    month_columns = {c: months[c] for c in labels if pd.notna(months[c]) and c not in found.values()}
    if "t" in found and "n" in found:
        layout, long = "long", raw.rename(columns={found["t"]: "t", found["n"]: "n"})
        field_t, field_n = found["t"], found["n"]
    elif month_columns:
        layout, long = "wide", _wide_to_long(raw, found, month_columns)
        field_t, field_n = "month", "detections"
    else:
        missing = "n" if "t" in found else "t"
        expected = " or ".join(repr(n) for n in (missing, *ALIASES[missing]))
        raise InputError(path, f"missing column (expected {expected}), and no column per month", field=missing)
    # the workbook's total row sums the rows above it: left out, counted, not an error
    aggregate = long[found["route"]].astype(str).str.strip().str.casefold().isin(AGGREGATE_ROUTES)
    totals_rows = int(long.loc[aggregate, ROW].nunique())
    long = long[~aggregate]
    text = {name: long[found[name]].astype(str).str.strip() for name in ("route", "type", "nat") if name in found}
    text["t"], text["n"] = long["t"].astype(str).str.strip(), long["n"].astype(str).str.strip()
    blank = pd.Series("", index=long.index)
    rejects = RowRejects(long)

    route = text["route"]
    corridor = frontex_corridor(route)
    rejects.flag(route == "", "route", "route is empty")
    rejects.flag((route != "") & corridor.isna(), "route",
                 "route '" + route + "' is not listed in corridors.yaml frontex_routes")
    if "type" in text:
        border_type = text["type"].str.lower()
        rejects.flag(~border_type.isin(["sea", "land"]), "type", "border type '" + text["type"] + "' is not Sea or Land")
    else:
        border_type = blank
    if "nat" in text:
        nationality = _nationality(text["nat"])
        rejects.flag(nationality.isna(), "nat",
                     "nationality '" + text["nat"] + "' is not an ISO3 code, a country name or Not specified/Stateless/Unknown")
    else:
        nationality = blank
    month = parse_month(text["t"]) if layout == "long" else text["t"]
    rejects.flag(month.isna(), field_t, "month '" + text["t"] + "' is not a month (YYYY-MM-01, 'Apr 2025', ...)")
    count = text["n"].str.replace(r"(?<=\d)[,  ](?=\d{3}\b)", "", regex=True)
    rejects.flag(~is_whole_number(count), field_n, "detections '" + text["n"] + "' are not a whole number >= 0")

    frame = pd.DataFrame({"period": month, "route": route, "corridor": corridor,
                          "border_type": border_type, "nationality": nationality.astype(object)})
    good = rejects.keep(frame).copy()
    good["detections"] = pd.to_numeric(count[good.index]).astype("int64")
    _flag_duplicates(good, long, rejects)
    data = rejects.validate(rejects.keep(good)[COLUMNS], FRONTEX_SCHEMA)
    if layout == "wide":
        span = (min(month_columns.values()), max(month_columns.values()))
    else:
        span = month_span(data["period"]) or month_span(month.dropna())
    coverage = {str(path): span} if span else {}
    notes = [f"{path.name}: {totals_rows} total row(s) left out (the sum of the other rows)"] if totals_rows else []
    return AdapterResult(SOURCE, data.reset_index(drop=True), rejects.frame(), (path,), coverage=coverage,
                         notes=notes, out_of_scope={"total rows": totals_rows} if totals_rows else {})


def _flag_duplicates(frame: pd.DataFrame, raw: pd.DataFrame, rejects: RowRejects) -> None:
    duplicated = frame.duplicated(KEY, keep="first")
    if duplicated.any():
        first_row = frame.assign(_r=raw.loc[frame.index, ROW]).groupby(KEY)["_r"].transform("first")
        rejects.flag(duplicated, "t", "duplicate cell (same month, route, type, nationality) as row "
                     + first_row.astype(str))


def frontex_revisions(old_path: str | Path, new_path: str | Path) -> pd.DataFrame:
    """Cells a newer Frontex release changed in the months both files cover.

    Columns: period, route, border_type, nationality, old, new, old_file, new_file. Frontex leaves
    out zero cells, so a cell missing on one side counts as 0 there. Files at different detail
    (one publishes route totals only) are compared at the detail both have.
    """
    old = read_frontex_file(old_path)
    new = read_frontex_file(new_path)
    return _revisions(old, new)


def _coarsest(frame: pd.DataFrame, nationality: bool, border_type: bool) -> pd.DataFrame:
    """Cells summed to route totals where the other release has no nationality / border type."""
    frame = frame.assign(nationality=frame["nationality"] if nationality else "",
                         border_type=frame["border_type"] if border_type else "")
    return frame.groupby(KEY, as_index=False)["detections"].sum()


def _revisions(old: AdapterResult, new: AdapterResult) -> pd.DataFrame:
    old_span, new_span = _span(old), _span(new)
    if old_span is None or new_span is None:
        return pd.DataFrame(columns=REVISION_COLUMNS)
    first, last = max(old_span[0], new_span[0]), min(old_span[1], new_span[1])
    in_overlap = lambda frame: frame[(frame["period"] >= first) & (frame["period"] <= last)]  # noqa: E731
    before, after = in_overlap(old.data), in_overlap(new.data)
    by_nationality = not ((before["nationality"] == "").any() or (after["nationality"] == "").any())
    by_type = not ((before["border_type"] == "").any() or (after["border_type"] == "").any())
    both = _coarsest(before, by_nationality, by_type).merge(
        _coarsest(after, by_nationality, by_type), on=KEY, how="outer", suffixes=("_old", "_new"))
    both = both.fillna({"detections_old": 0, "detections_new": 0})
    changed = both[both["detections_old"] != both["detections_new"]]
    table = changed.rename(columns={"detections_old": "old", "detections_new": "new"})
    table = table.astype({"old": "int64", "new": "int64"}).assign(
        old_file=Path(old.files[0]).name if old.files else "", new_file=Path(new.files[0]).name if new.files else "")
    return table[REVISION_COLUMNS].sort_values(KEY).reset_index(drop=True)


def _span(result: AdapterResult) -> tuple[str, str] | None:
    """The months a release publishes (its month columns, or the months of its rows)."""
    spans = list(result.coverage.values())
    if spans:
        return min(s[0] for s in spans), max(s[1] for s in spans)
    return month_span(result.data["period"])


def _release_order(results: list[AdapterResult]) -> list[AdapterResult]:
    """Oldest release first: a file whose data end later is a later release; ties keep list order."""
    position = {id(result): i for i, result in enumerate(results)}
    return sorted(results, key=lambda r: ((_span(r) or ("", ""))[1], position[id(r)]))


def _merge(results: list[AdapterResult], unreadable: list[tuple[str, str]]) -> AdapterResult:
    results = _release_order(results)
    merged = results[0]
    revisions = []
    for newer in results[1:]:
        span = _span(newer)
        if span is None:
            continue
        revisions.append(_revisions(merged, newer))
        outside = (merged.data["period"] < span[0]) | (merged.data["period"] > span[1])
        merged = AdapterResult(SOURCE, pd.concat([merged.data[outside], newer.data], ignore_index=True),
                               merged.rejects, newer.files, coverage={**merged.coverage, **newer.coverage})
    data = merged.data.sort_values(["period", "route", "border_type", "nationality"]).reset_index(drop=True)
    revision_table = pd.concat(revisions, ignore_index=True) if revisions else pd.DataFrame(columns=REVISION_COLUMNS)
    notes = [f"{Path(path).name} could not be read and was left out: {reason}" for path, reason in unreadable]
    notes += [note for r in results for note in r.notes]
    files = tuple(path for r in results for path in r.files)
    coverage = {str(path): span for r in results for path, span in r.coverage.items()}
    totals_only = sorted({p for p in data.loc[data["nationality"] == "", "period"]})
    if totals_only:
        notes.append(f"{totals_only[0]} to {totals_only[-1]}: route totals only (the newest file for these "
                     "months publishes no nationality)")
    return AdapterResult(SOURCE, FRONTEX_SCHEMA.validate(data[COLUMNS]), concat_rejects([r.rejects for r in results]),
                         files, revisions=revision_table, notes=notes, coverage=coverage, unreadable=unreadable)


def merge_frontex(paths: list[str | Path]) -> AdapterResult:
    """Several Frontex releases as one table: within the months a newer file covers, it wins.

    A file that cannot be read is listed in ``unreadable`` and the others still count. Returns an
    AdapterResult whose ``revisions`` lists every cell a newer file changed.
    """
    if not paths:
        raise InputError("frontex", "no Frontex files given")
    results, unreadable = read_each(paths, read_frontex_file, SOURCE)
    return _merge(results, unreadable)


def load_frontex(data_dir: str | Path | None = None) -> AdapterResult:
    """Frontex detections from ``data_dir`` (default: ``$ROUTEKIT_PUBLIC_DATA`` or data/public).

    data: period (YYYY-MM), route (Frontex name), corridor (routekit id), border_type (sea|land,
    "" for a route total), nationality (ISO3 or XKX/STL/OOO/OOS, "" for a route total),
    detections. With several files, newer releases win and ``revisions`` lists what changed;
    ``last_month`` is the last month published.
    """
    return merge_frontex(source_files(SOURCE, data_dir))


__all__ = ["FRONTEX_SCHEMA", "load_frontex", "merge_frontex", "frontex_revisions", "read_frontex_file"]
