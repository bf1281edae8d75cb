"""Reading a partner extract against its registered schema; bad rows are set aside with a reason.

Reasons name the field and the rule, never the offending value: a reason may end up in the
manifest as a category, and values can be identifiers (v-numbers, names) that must not travel.
The rejected rows themselves, with their reasons, go to a rejects file that stays inside the
partner's environment.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from routekit.errors import InputError
from routekit.sources.registry import SourceType

DATE_SUFFIX = "_date"


@dataclass
class Extract:
    """A validated extract: the usable rows, the rejected rows with ``row`` and ``reason``."""

    rows: pd.DataFrame
    rejects: pd.DataFrame
    rows_in: int


def read_extract(source: SourceType, path: Path) -> Extract:
    """Read ``path`` as all-text columns (counts as integers) and validate it row by row."""
    import pandera.pandas as pa

    path = Path(path)
    if not path.is_file():
        raise InputError(path, "file not found")
    schema = source.schema
    integer_columns = [name for name, column in schema.columns.items()
                       if str(column.dtype).startswith("int")]
    try:
        frame = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8")
    except UnicodeDecodeError:
        raise InputError(path, "not UTF-8 text") from None
    except pd.errors.EmptyDataError:
        raise InputError(path, "the file is empty") from None
    except pd.errors.ParserError as error:
        raise InputError(path, f"not a readable CSV file ({str(error).splitlines()[0]})") from None
    missing = [name for name in schema.columns if name not in frame.columns]
    if missing:
        raise InputError(path, f"missing column(s) {', '.join(repr(m) for m in missing)} for "
                               f"source '{source.name}'")
    frame = frame[list(schema.columns)].copy()
    reasons = pd.Series("", index=frame.index, dtype=object)

    def reject(mask: pd.Series, reason: str) -> None:
        fresh = mask & (reasons == "")
        reasons[fresh] = reason

    for name in integer_columns:
        numbers = pd.to_numeric(frame[name], errors="coerce")
        reject(numbers.isna() | (numbers % 1 != 0), f"{name}: not a whole number")
        frame[name] = numbers.fillna(0).astype("int64")
    check_frame = frame.copy()
    try:
        schema.validate(check_frame, lazy=True)
    except pa.errors.SchemaErrors as errors:
        cases = errors.failure_cases
        cases = cases[cases["index"].notna() & (cases["check"] != "field_uniqueness")]
        for (column, check), group in cases.groupby(["column", "check"], sort=True):
            mask = frame.index.isin(group["index"].astype(int))
            reject(pd.Series(mask, index=frame.index), f"{column}: fails {_describe(check)}")
    for name in schema.columns:
        if name.endswith(DATE_SUFFIX) or name == "date":
            parsed = pd.to_datetime(frame[name], format="%Y-%m-%d", errors="coerce")
            reject(parsed.isna(), f"{name}: not a calendar date")
    for name, allowed, reason in _domain_checks(source.name):
        reject(~frame[name].isin(allowed), reason)
    if source.id_column:
        reject(frame[source.id_column].duplicated(keep="first"), f"{source.id_column}: duplicate")
    bad = reasons != ""
    rejects = frame[bad].copy()
    rejects.insert(0, "reason", reasons[bad])
    rejects.insert(0, "row", rejects.index + 2)  # spreadsheet row: the header is row 1
    return Extract(rows=frame[~bad].reset_index(drop=True), rejects=rejects.reset_index(drop=True),
                   rows_in=len(frame))


def _domain_checks(source_name: str) -> list[tuple[str, set, str]]:
    """Checks against reference data that the schemas leave open (only the kinds we publish)."""
    from routekit.reference import entry_points

    if source_name == "kmar":
        return [("crossing_point", set(entry_points().index), "crossing_point: not a known entry point")]
    return []


def _describe(check: str) -> str:
    """A readable rule name from a pandera check description (never a data value)."""
    check = str(check)
    if check.startswith("str_matches"):
        return "the required format"
    if check.startswith("isin"):
        return "the allowed values"
    if "nullable" in check or "not_nullable" in check:
        return "not empty"
    if check.startswith("greater_than_or_equal_to"):
        return "the minimum"
    if "dtype" in check:
        return "the data type"
    return "a schema check"
