"""Finding and checking the operator's inputs before any engine touches them.

Problems with the *shape* of the inputs (missing column, unknown format, a bad cell row) stop the
run with one line naming file, row and field. Problems with single *events* (missing or unparsable
values, unknown cell) are not errors at operator scale: the definition counts them per reason and
the manifest reports the counts; no event row is ever written out, because events are
person-level data.
"""

from __future__ import annotations

import glob
from pathlib import Path

import pandas as pd
import pandera.pandas as pa
from pandera.pandas import Check, Column

from routekit.errors import InputError
from routekit.mobility.engines import CELL, SUBSCRIBER, TIMESTAMP, EventFiles

EVENT_COLUMNS = (SUBSCRIBER, TIMESTAMP, CELL)
CELL_COLUMNS = ("cell_id", "lon", "lat", "country", "region")
_FORMATS = {".parquet": "parquet", ".pq": "parquet", ".csv": "csv"}

CELL_SCHEMA = pa.DataFrameSchema(
    {
        "cell_id": Column(str, Check.str_length(min_value=1), unique=True),
        "lon": Column(float, Check.in_range(-180, 180)),
        "lat": Column(float, Check.in_range(-90, 90)),
        "country": Column(str, Check.str_matches(r"^[A-Z]{3}$")),
        "region": Column(str, Check.str_length(min_value=1)),
    },
    strict=False,
    coerce=True,
)


def event_files(location: str | Path) -> EventFiles:
    """The event files at ``location`` (a file, a directory of part files, or a glob pattern)."""
    location = str(location)
    if Path(location).is_dir():
        paths = sorted(p for p in glob.glob(str(Path(location) / "**" / "*"), recursive=True)
                       if Path(p).suffix.lower() in _FORMATS)
    elif any(ch in location for ch in "*?["):
        paths = sorted(glob.glob(location, recursive=True))
    else:
        paths = [location] if Path(location).exists() else []
    if not paths:
        raise InputError(location, "no event files found (expected .parquet or .csv files)")
    formats = {_FORMATS.get(Path(p).suffix.lower()) for p in paths}
    if None in formats or len(formats) != 1:
        raise InputError(location, "event files must all be .parquet or all be .csv")
    fmt = formats.pop()
    cell_is_integer = False
    for path in paths:
        columns, cell_is_integer = _columns(path, fmt)
        missing = [c for c in EVENT_COLUMNS if c not in columns]
        if missing:
            raise InputError(path, f"missing column(s) {', '.join(missing)}; events need "
                                   f"{', '.join(EVENT_COLUMNS)}", field=missing[0])
    return EventFiles(tuple(str(Path(p).resolve()) for p in paths), fmt, cell_is_integer)


def _columns(path: str, fmt: str) -> tuple[list[str], bool]:
    if fmt == "parquet":
        import pyarrow as pyarrow_
        import pyarrow.parquet as pq

        try:
            schema = pq.read_schema(path)
        except Exception as error:  # pyarrow raises several types for a corrupt footer
            raise InputError(path, f"not a readable Parquet file ({error.__class__.__name__})") from None
        is_integer = CELL in schema.names and pyarrow_.types.is_integer(schema.field(CELL).type)
        return list(schema.names), is_integer
    with open(path, encoding="utf-8") as handle:
        header = handle.readline().strip()
    return [c.strip().strip('"') for c in header.split(",")], False


def read_cells(path: str | Path, integer_ids: bool = False) -> pd.DataFrame:
    """The validated cell table with columns ``cell`` (typed like the events' cell id) and
    ``region``/``country``; each region must lie in exactly one country."""
    path = Path(path)
    if not path.exists():
        raise InputError(path, "cell table not found")
    if path.suffix.lower() in (".parquet", ".pq"):
        raw = pd.read_parquet(path).astype(str)
    else:
        raw = pd.read_csv(path, dtype=str, keep_default_na=False, na_values=[""])
    missing = [c for c in CELL_COLUMNS if c not in raw.columns]
    if missing:
        raise InputError(path, f"missing column(s) {', '.join(missing)}", field=missing[0])
    try:
        cells = CELL_SCHEMA.validate(raw, lazy=True)
    except pa.errors.SchemaErrors as error:
        failure = error.failure_cases.iloc[0]
        row = None if pd.isna(failure["index"]) else int(failure["index"]) + 1
        raise InputError(path, f"invalid value {failure['failure_case']!r} ({failure['check']})",
                         row=row, field=str(failure["column"])) from None
    countries = cells.groupby("region")["country"].nunique()
    if (countries > 1).any():
        region = countries[countries > 1].index[0]
        row = int(cells.index[cells["region"] == region][0]) + 1
        raise InputError(path, f"region '{region}' lies in more than one country; region codes "
                               "must be unique across countries", row=row, field="region")
    cells = cells.rename(columns={"cell_id": "cell"})
    if integer_ids:
        as_int = pd.to_numeric(cells["cell"], errors="coerce")
        if as_int.isna().any():
            row = int(as_int.index[as_int.isna()][0]) + 1
            raise InputError(path, "events use integer cell ids but this cell id is not an integer",
                             row=row, field="cell_id")
        cells["cell"] = as_int.astype("int64")
    return cells.reset_index(drop=True)
