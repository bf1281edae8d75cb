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
from routekit.sources.public.codes import frontex_corridor, is_nationality_code
from routekit.sources.public.paths import source_files
from routekit.sources.public.reading import find_columns, is_whole_number, read_raw_csv
from routekit.sources.public.result import ROW, AdapterResult, RowRejects, concat_rejects

SOURCE = "frontex"
KEY = ["period", "route", "border_type", "nationality"]
COLUMNS = ["period", "route", "corridor", "border_type", "nationality", "detections"]
REVISION_COLUMNS = ["period", "route", "border_type", "nationality", "old", "new", "old_file", "new_file"]

ALIASES = {
    "route": ("Route",),
    "type": ("Border type", "Border location", "border_type"),
    "nat": ("Nationality", "nationality"),
    "t": ("Month", "Date", "period"),
    "n": ("Detections", "Value", "detections"),
}

FRONTEX_SCHEMA = pa.DataFrameSchema(
    {
        "period": Column(str, Check.str_matches(r"^\d{4}-(0[1-9]|1[0-2])$", error="period is not YYYY-MM")),
        "route": Column(str, Check.str_length(min_value=1, error="route is empty")),
        "corridor": Column(str, Check.isin(corridor_ids(), error="corridor is not a routekit corridor")),
        "border_type": Column(str, Check.isin(["sea", "land"], error="border type is not sea or land")),
        "nationality": Column(str, Check.str_matches(r"^[A-Z]{3}$", error="nationality is not a 3-letter code")),
        "detections": Column("int64", Check.ge(0, error="detections are negative")),
    },
    unique=KEY,
    strict=True,
    coerce=False,
)


def read_frontex_file(path: str | Path) -> AdapterResult:
    """One Frontex file, normalised; refused rows in ``rejects``."""
    path = Path(path)
    raw = read_raw_csv(path)
    columns = find_columns(raw, path, ALIASES, required=tuple(ALIASES))
    text = {name: raw[column].str.strip() for name, column in columns.items()}
    rejects = RowRejects(raw)

    corridor = frontex_corridor(text["route"])
    rejects.flag(text["route"] == "", "route", "route is empty")
    rejects.flag((text["route"] != "") & corridor.isna(), "route",
                 "route '" + text["route"] + "' is not listed in corridors.yaml frontex_routes")
    border_type = text["type"].str.lower()
    rejects.flag(~border_type.isin(["sea", "land"]), "type", "border type '" + text["type"] + "' is not Sea or Land")
    nationality = text["nat"].str.upper()
    rejects.flag(~is_nationality_code(nationality), "nat",
                 "nationality '" + text["nat"] + "' is not an ISO3 code (or XKX/STL/OOO/OOS)")
    month = pd.to_datetime(text["t"].str.slice(0, 7), format="%Y-%m", errors="coerce")
    valid_t = text["t"].str.fullmatch(r"\d{4}-\d{2}(-01)?").fillna(False) & month.notna()
    rejects.flag(~valid_t, "t", "month '" + text["t"] + "' is not the first day of a month (YYYY-MM-01)")
    rejects.flag(~is_whole_number(text["n"]), "n", "detections '" + text["n"] + "' are not a whole number >= 0")

    frame = pd.DataFrame({
        "period": text["t"].str.slice(0, 7),
        "route": text["route"],
        "corridor": corridor,
        "border_type": border_type,
        "nationality": nationality,
    })
    good = rejects.keep(frame).copy()
    good["detections"] = pd.to_numeric(text["n"][good.index]).astype("int64")
    _flag_duplicates(good, raw, rejects)
    data = rejects.validate(rejects.keep(good)[COLUMNS], FRONTEX_SCHEMA)
    return AdapterResult(SOURCE, data.reset_index(drop=True), rejects.frame(), (path,))


def _flag_duplicates(frame: pd.DataFrame, raw: pd.DataFrame, rejects: RowRejects) -> None:
    duplicated = frame.duplicated(KEY, keep="first")
    if duplicated.any():
        first_row = frame.assign(_r=raw.loc[frame.index, ROW]).groupby(KEY)["_r"].transform("first")
        rejects.flag(duplicated, "t", "duplicate cell (same month, route, type, nationality) as row "
                     + first_row.astype(str))


def frontex_revisions(old_path: str | Path, new_path: str | Path) -> pd.DataFrame:
    """Cells a newer Frontex release changed in the months both files cover.

    Columns: period, route, border_type, nationality, old, new, old_file, new_file. Frontex leaves
    out zero cells, so a cell missing on one side counts as 0 there.
    """
    old = read_frontex_file(old_path)
    new = read_frontex_file(new_path)
    return _revisions(old.data, new.data, Path(old_path), Path(new_path))


def _revisions(old: pd.DataFrame, new: pd.DataFrame, old_file: Path, new_file: Path) -> pd.DataFrame:
    if old.empty or new.empty:
        return pd.DataFrame(columns=REVISION_COLUMNS)
    first, last = max(old["period"].min(), new["period"].min()), min(old["period"].max(), new["period"].max())
    in_overlap = lambda frame: frame[(frame["period"] >= first) & (frame["period"] <= last)]  # noqa: E731
    both = in_overlap(old)[KEY + ["detections"]].merge(
        in_overlap(new)[KEY + ["detections"]], on=KEY, how="outer", suffixes=("_old", "_new"))
    both = both.fillna({"detections_old": 0, "detections_new": 0})
    changed = both[both["detections_old"] != both["detections_new"]]
    table = changed.rename(columns={"detections_old": "old", "detections_new": "new"})
    table = table.astype({"old": "int64", "new": "int64"}).assign(old_file=old_file.name, new_file=new_file.name)
    return table[REVISION_COLUMNS].sort_values(KEY).reset_index(drop=True)


def _release_order(results: list[AdapterResult]) -> list[AdapterResult]:
    """Oldest release first: a file whose data end later is a later release; ties keep list order."""
    position = {id(result): i for i, result in enumerate(results)}
    return sorted(results, key=lambda r: (r.data["period"].max() if not r.data.empty else "", position[id(r)]))


def merge_frontex(paths: list[str | Path]) -> AdapterResult:
    """Several Frontex releases as one table: within the months a newer file covers, it wins.

    Returns an AdapterResult whose ``revisions`` lists every cell a newer file changed.
    """
    if not paths:
        raise InputError("frontex", "no Frontex files given")
    results = _release_order([read_frontex_file(path) for path in paths])
    merged = results[0].data
    revisions = []
    for older, newer in zip(results, results[1:]):
        newer_first, newer_last = newer.data["period"].min(), newer.data["period"].max()
        revisions.append(_revisions(merged, newer.data, older.files[0], newer.files[0]))
        outside = (merged["period"] < newer_first) | (merged["period"] > newer_last)
        merged = pd.concat([merged[outside], newer.data], ignore_index=True)
    merged = merged.sort_values(["period", "route", "border_type", "nationality"]).reset_index(drop=True)
    revision_table = pd.concat(revisions, ignore_index=True) if revisions else pd.DataFrame(columns=REVISION_COLUMNS)
    return AdapterResult(
        SOURCE, FRONTEX_SCHEMA.validate(merged[COLUMNS]), concat_rejects([r.rejects for r in results]),
        tuple(path for r in results for path in r.files), revisions=revision_table,
    )


def load_frontex(data_dir: str | Path | None = None) -> AdapterResult:
    """Frontex detections from ``data_dir`` (default: the vendored data/public).

    data: period (YYYY-MM), route (Frontex name), corridor (routekit id), border_type (sea|land),
    nationality (ISO3 or XKX/STL/OOO/OOS), detections. With several files, newer releases win
    and ``revisions`` lists what changed.
    """
    files = source_files(SOURCE, data_dir)
    if len(files) == 1:
        result = read_frontex_file(files[0])
        result.revisions = pd.DataFrame(columns=REVISION_COLUMNS)
        return result
    return merge_frontex(files)


__all__ = ["FRONTEX_SCHEMA", "load_frontex", "merge_frontex", "frontex_revisions", "read_frontex_file"]
