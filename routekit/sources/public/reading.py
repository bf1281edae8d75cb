"""Reading a publisher's file as text, with row numbers, and finding its columns by name."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from routekit.errors import InputError
from routekit.sources.public.result import FILE, ROW


def read_raw_csv(path: Path, sep: str = ",") -> pd.DataFrame:
    """Every cell as text (nothing turned into NaN), plus the file and the row number (header = 1)."""
    try:
        raw = pd.read_csv(path, sep=sep, dtype=str, keep_default_na=False, encoding="utf-8-sig")
    except FileNotFoundError:
        raise InputError(path, "file not found") from None
    except (UnicodeDecodeError, pd.errors.ParserError, pd.errors.EmptyDataError) as error:
        raise InputError(path, f"not a readable {'TSV' if sep == chr(9) else 'CSV'} file ({error})") from None
    raw.columns = [str(column).strip() for column in raw.columns]
    raw[ROW] = raw.index + 2
    raw[FILE] = str(path)
    return raw


def _key(name: str) -> str:
    return " ".join(name.replace("_", " ").split()).casefold()


def find_columns(
    raw: pd.DataFrame, path: Path, aliases: dict[str, tuple[str, ...]], required: tuple[str, ...]
) -> dict[str, str]:
    """canonical name -> the file's column, matching aliases case- and space-insensitively.

    Raises InputError naming the first required column that is missing.
    """
    by_key = {_key(column): column for column in raw.columns if column not in (ROW, FILE)}
    found: dict[str, str] = {}
    for canonical, names in aliases.items():
        for name in (canonical, *names):
            if _key(name) in by_key:
                found[canonical] = by_key[_key(name)]
                break
    for canonical in required:
        if canonical not in found:
            expected = " or ".join(repr(n) for n in aliases.get(canonical, ()) or (canonical,))
            raise InputError(path, f"missing column (expected {expected})", field=canonical)
    return found


def is_whole_number(values: pd.Series) -> pd.Series:
    """True where a text cell is a non-negative whole number ("12", "12.0")."""
    return values.str.strip().str.fullmatch(r"\d+(\.0+)?").fillna(False).astype(bool)


def is_signed_number(values: pd.Series) -> pd.Series:
    return values.str.strip().str.fullmatch(r"[+-]?\d+(\.\d+)?").fillna(False).astype(bool)


SPREADSHEET_SUFFIXES = (".xlsx", ".xlsm")
HEADER_SCAN_ROWS = 30  # publishers put a title block of a few rows above the header


def cell_text(value: object) -> str:
    """A spreadsheet cell as the text a CSV export would show ('' for empty; dates as ISO)."""
    import datetime as dt

    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        return value.strftime("%Y-%m-%d") if value.time() == dt.time(0) else value.strftime("%Y-%m-%d %H:%M")
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def _sheet_grids(path: Path) -> list[tuple[str, list[list[str]]]]:
    """Every sheet of a workbook as rows of text cells (first HEADER_SCAN_ROWS rows decide the header)."""
    import zipfile

    from openpyxl import load_workbook

    try:
        workbook = load_workbook(path, read_only=True, data_only=True)
    except (OSError, zipfile.BadZipFile, KeyError, ValueError) as error:
        raise InputError(path, f"not a readable .xlsx workbook ({type(error).__name__}: {error})") from None
    try:
        return [(sheet.title, [[cell_text(v) for v in row] for row in sheet.iter_rows(values_only=True)])
                for sheet in workbook.worksheets]
    finally:
        workbook.close()


def _csv_grid(path: Path, sep: str | None) -> list[list[str]]:
    import csv

    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise InputError(path, "file not found") from None
    except UnicodeDecodeError as error:
        raise InputError(path, f"not a UTF-8 text file ({error})") from None
    if not text.strip():
        raise InputError(path, "the file is empty")
    delimiter = sep or ("\t" if path.suffix.lower() == ".tsv" else ",")
    return [[cell.strip() for cell in row] for row in csv.reader(text.splitlines(), delimiter=delimiter)]


def read_raw_table(path: Path, is_header, what: str, sep: str | None = None) -> pd.DataFrame:
    """A CSV or .xlsx file as text cells below its header row, with file and sheet row numbers.

    ``is_header(cells)`` recognises the header among the first rows, so title rows above it
    (as publishers' workbooks have) are skipped; a workbook's first sheet with such a header is
    read. ``_row`` is the row number a spreadsheet shows (the header's row + 1 for the first).
    """
    path = Path(path)
    if not path.is_file():
        raise InputError(path, "file not found")
    grids = _sheet_grids(path) if path.suffix.lower() in SPREADSHEET_SUFFIXES else [("", _csv_grid(path, sep))]
    for _sheet, grid in grids:
        for index, cells in enumerate(grid[:HEADER_SCAN_ROWS]):
            if is_header(cells):
                return _frame_below(grid, index, path)
    sheets = ", ".join(repr(s) for s, _ in grids if s)
    raise InputError(path, f"no {what} header row in the first {HEADER_SCAN_ROWS} rows"
                     + (f" of any sheet ({sheets})" if sheets else ""))


def _frame_below(grid: list[list[str]], header_index: int, path: Path) -> pd.DataFrame:
    header = grid[header_index]
    width = max(len(header), *(len(r) for r in grid[header_index + 1:])) if len(grid) > header_index + 1 else len(header)
    names, seen = [], set()
    for position in range(width):
        name = header[position].strip() if position < len(header) else ""
        name = name or f"column {position + 1}"
        while name in seen:
            name += " (again)"
        seen.add(name)
        names.append(name)
    rows = [list(r) + [""] * (width - len(r)) for r in grid[header_index + 1:]]
    raw = pd.DataFrame(rows, columns=names, dtype=object).astype(str) if rows else pd.DataFrame(columns=names, dtype=str)
    raw[ROW] = range(header_index + 2, header_index + 2 + len(raw))
    raw[FILE] = str(path)
    blank = raw[names].apply(lambda column: column.str.strip().eq("")).all(axis=1) if len(raw) else pd.Series(dtype=bool)
    return raw[~blank].reset_index(drop=True) if len(raw) else raw


def header_key(name: str) -> str:
    """How header cells are compared: case, spaces and underscores do not matter."""
    return _key(name)


_MONTH_FORMATS = ("%Y-%m", "%Y-%m-%d", "%b %Y", "%B %Y", "%b%Y", "%B%Y", "%b-%y", "%b-%Y",
                  "%B-%y", "%m/%Y", "%Y/%m", "%d/%m/%Y", "%d.%m.%Y")


def parse_month(text: pd.Series) -> pd.Series:
    """Month labels as publishers write them -> 'YYYY-MM' (NaN where not a month).

    Reads ISO months and dates ('2025-04', '2025-04-01', with a time), Eurostat's '2025M04',
    'Apr 2025', 'April 2025', 'APR2025', 'Apr-25', '04/2025', and Excel date serials (a month
    header cell a CSV export wrote as a number, e.g. 45748).
    """
    text = text.astype(str).str.strip()
    cleaned = text.str.replace(r"[ T]\d{1,2}:\d{2}(:\d{2})?$", "", regex=True)
    cleaned = cleaned.str.replace(r"^(\d{4})M(\d{1,2})$", lambda m: f"{m[1]}-{int(m[2]):02d}", regex=True)
    parsed = pd.Series(pd.NaT, index=text.index, dtype="datetime64[ns]")
    for month_format in _MONTH_FORMATS:
        missing = parsed.isna()
        if not missing.any():
            break
        attempt = pd.to_datetime(cleaned[missing].str.title() if "%b" in month_format or "%B" in month_format
                                 else cleaned[missing], format=month_format, errors="coerce")
        parsed = parsed.fillna(attempt.astype("datetime64[ns]"))
    serial = cleaned.str.fullmatch(r"\d{5}(\.0+)?").fillna(False).astype(bool) & parsed.isna()
    if serial.any():
        days = pd.to_numeric(cleaned[serial], errors="coerce")
        days = days.where((days > 20000) & (days < 80000))
        parsed = parsed.fillna(pd.to_datetime(days, unit="D", origin="1899-12-30", errors="coerce")
                               .astype("datetime64[ns]"))
    return parsed.dt.strftime("%Y-%m").where(parsed.notna())
