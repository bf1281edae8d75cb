"""Reading a partner extract against its registered schema; bad rows are set aside with a reason.

Reasons name the field and the rule, never the offending value: a reason may end up in the
manifest as a category, and values can be identifiers (v-numbers, names) that must not travel.
The rejected rows themselves, with their reasons, go to a rejects file that stays inside the
partner's environment.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from routekit.errors import InputError
from routekit.sources.registry import SourceType
from routekit.spreadsheet import formula_like, quoted

DATE_SUFFIX = "_date"
# Records older than this or later than today (plus a month of clock slack) are typing errors
# (1900, 2099) and would otherwise widen the release period.
PLAUSIBLE_FIRST_DATE = dt.date(2000, 1, 1)
CLOCK_SLACK = dt.timedelta(days=31)
MAX_REJECT_SHARE = 0.05


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
        text = path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise InputError(path, f"not UTF-8 text (byte {error.start + 1})") from None
    if not text.strip():
        raise InputError(path, "the file is empty")
    records = check_quoting(path, text)
    try:
        frame = pd.read_csv(io.StringIO(text), dtype=str, keep_default_na=False)
    except pd.errors.EmptyDataError:
        raise InputError(path, "the file is empty") from None
    except pd.errors.ParserError as error:
        raise InputError(path, f"not a readable CSV file ({str(error).splitlines()[0]})") from None
    if len(frame) != records:
        raise InputError(path, f"{len(frame)} rows read but {records} records in the file; "
                               "check the quoting")
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
        if not pd.api.types.is_numeric_dtype(frame[name]):
            reject(frame[name].astype(str).str.contains("\x00", regex=False), f"{name}: contains a NUL byte")
    latest = dt.date.today() + CLOCK_SLACK
    for name in schema.columns:
        if name.endswith(DATE_SUFFIX) or name == "date":
            parsed = pd.to_datetime(frame[name], format="%Y-%m-%d", errors="coerce")
            reject(parsed.isna(), f"{name}: not a calendar date")
            implausible = (parsed.dt.date < PLAUSIBLE_FIRST_DATE) | (parsed.dt.date > latest)
            reject(parsed.notna() & implausible,
                   f"{name}: not a plausible date ({PLAUSIBLE_FIRST_DATE.isoformat()} to today)")
    for name, allowed, reason in _domain_checks(source.name):
        reject(~frame[name].isin(allowed), reason)
    if source.id_column:
        reject(frame[source.id_column].duplicated(keep="first"), f"{source.id_column}: duplicate")
    bad = reasons != ""
    rejects = frame[bad].copy()
    rejects.insert(0, "reason", reasons[bad])
    rejects.insert(0, "row", rejects.index + 2)  # spreadsheet row: the header is row 1
    rejects = neutralise_cells(rejects)
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


def _shape(value: str) -> str:
    """Letters as 'a', digits as '9': 'KMAR-0001234' and 'KMAR-0009876' have the same shape."""
    return re.sub(r"[0-9]", "9", re.sub(r"[^\W\d_]", "a", value))


def check_quoting(path: Path, text: str) -> int:
    """Count the records with a strict CSV parser; an unclosed quote is an error, not a merge.

    A lenient parser reads past an unclosed quote and swallows the following records into one
    field (six records vanished into a route statement, none rejected). The strict parser stops
    where a quote cannot close; the remaining case - a quote that closes on a later record - is
    found as a field holding whole lines shaped like records. Returns the number of records.
    """
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    record, start_line = 0, 1
    try:
        header = next(reader)
        width, id_shape = len(header), None
        twice = sorted({name for name in header if header.count(name) > 1})
        if twice:
            raise InputError(path, f"the header names column(s) {', '.join(repr(n) for n in twice)} twice; "
                                   "which one holds the data is a guess", row=1)
        for row in reader:
            record += 1
            if len(row) > width:  # pandas would take the first column as the index and shift the rest
                raise InputError(path, f"{len(row)} fields but the header has {width} (a stray delimiter?)",
                                 row=record + 1)
            if id_shape is None and row and "\n" not in row[0]:
                id_shape = _shape(row[0])
            for column, value in zip(header, row):
                if "\n" in value and _holds_records(value, width, id_shape):
                    raise InputError(path, f"a quote opened on line {start_line + 1} is not closed "
                                           "before the next records; they would be read as this "
                                           "field's text", row=record + 1, field=column)
            start_line = reader.line_num
    except csv.Error as error:
        raise InputError(path, f"broken quoting in the record starting on line {start_line + 1} "
                               f"(an unclosed quote?): {error}", row=record + 2) from None
    return record


def _holds_records(value: str, width: int, id_shape: str | None) -> bool:
    for line in value.split("\n")[1:]:
        try:
            fields = next(csv.reader([line]))
        except (csv.Error, StopIteration):
            continue
        if len(fields) >= width and (id_shape is None or _shape(fields[0]) == id_shape):
            return True
    return False


def neutralise_cells(frame: pd.DataFrame) -> pd.DataFrame:
    """Text an analyst opens in a spreadsheet: formula-like cells get a leading quote, NUL is shown.

    Applied to rejects files only; released tables hold reference labels and counts.
    """
    frame = frame.copy()
    for column in frame.columns:
        if pd.api.types.is_numeric_dtype(frame[column]):
            continue
        values = frame[column].astype(str).str.replace("\x00", "\\0", regex=False)
        frame[column] = quoted(values, formula_like(values))
    return frame


def check_release_paths(input: Path, out: Path, rejects: Path, source: str | None = None) -> None:
    """Refuse paths that would destroy data: the rejects file on the input, a foreign folder as
    out, or (with ``source``) another source's release as out."""
    input, out, rejects = Path(input), Path(out), Path(rejects)
    if rejects.exists() and input.exists() and rejects.resolve() == input.resolve():
        raise InputError(rejects, "the rejects file may not be the input extract (it would be overwritten)")
    if out.exists() and input.exists() and (out.resolve() == input.resolve() or out.is_file()):
        raise InputError(out, "the release folder must be a folder, not a file")
    if out.is_dir() and any(out.iterdir()) and not is_release_folder(out):
        raise InputError(out, "is not empty and is not a routekit release; a release replaces its "
                              "folder as a whole, so choose a new or empty folder")
    if source is not None and out.is_dir() and any(out.iterdir()):
        from routekit.contracts import ReleaseBundle

        earlier = ReleaseBundle(out).data.get("source")
        if earlier not in (None, source):
            raise InputError(out, f"holds the release of source '{earlier}', not '{source}'; a release of "
                                  f"'{source}' would replace it, so choose that source's own folder")


def is_release_folder(folder: Path) -> bool:
    """A folder an earlier release wrote: a manifest naming a source and a threshold."""
    from routekit.contracts import BundleError, ReleaseBundle

    try:
        return "threshold" in ReleaseBundle(Path(folder)).data
    except (OSError, BundleError):
        return False


def check_reject_share(manifest: dict, input: Path, rejects: Path, max_share: float | None) -> None:
    """Fail a release that set aside more than ``max_share`` of its rows (a broken export)."""
    if max_share is None:
        return
    rows_in, rejected = int(manifest.get("rows_in", 0)), int(manifest.get("rows_rejected", 0))
    if rows_in and rejected / rows_in > max_share:
        raise InputError(input, f"{rejected} of {rows_in} rows rejected ({rejected / rows_in:.1%}), more "
                                f"than the allowed {max_share:.1%} (--max-reject-share); nothing was "
                                f"released; see {rejects}")
