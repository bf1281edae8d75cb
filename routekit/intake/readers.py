"""Reading an export as the partner's system wrote it: CSV/TSV, an Excel workbook or Parquet.

Every reader returns the cells as Python values (text, numbers, dates: an Excel date cell stays a
date) with the spreadsheet row of each record, so a reject can point the partner at the row to
look at. Wholly empty rows are not records and are skipped.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

from routekit.errors import InputError
from routekit.intake.profile import ReadOptions
from routekit.intake.values import is_blank


@dataclass
class RawTable:
    """The export's records: ``frame`` (object columns named by the header) and ``rows`` (spreadsheet rows)."""

    frame: pd.DataFrame
    rows: np.ndarray


def read_table(path: Path, read: ReadOptions) -> RawTable:
    path = Path(path)
    if not path.is_file():
        raise InputError(path, "file not found")
    reader = {"csv": _read_csv, "xlsx": _read_xlsx, "parquet": _read_parquet}[read.format]
    frame, rows = reader(path, read)
    frame.columns = [_clean_header(name) for name in frame.columns]
    filled = ~frame.map(is_blank).all(axis=1).to_numpy() if len(frame.columns) else np.zeros(len(frame), bool)
    return RawTable(frame[filled].reset_index(drop=True), np.asarray(rows)[filled])


def _clean_header(name: object) -> str:
    return "" if name is None else str(name).lstrip("\ufeff").strip()


def _read_csv(path: Path, read: ReadOptions) -> tuple[pd.DataFrame, np.ndarray]:
    _check_header_is_unique(path, read)
    try:
        frame = pd.read_csv(path, sep=read.delimiter, quotechar=read.quotechar, encoding=read.encoding,
                            dtype=str, keep_default_na=False, skiprows=read.header_row - 1, header=0,
                            skip_blank_lines=False, engine="c")
    except UnicodeDecodeError as error:
        raise InputError(path, f"not {read.encoding} text (byte {error.start}); set read.encoding "
                               "(e.g. cp1252 for Windows exports)") from None
    except pd.errors.EmptyDataError:
        raise InputError(path, f"no header at row {read.header_row} (read.header_row)") from None
    except pd.errors.ParserError as error:
        raise InputError(path, f"not readable with delimiter {read.delimiter!r} "
                               f"({str(error).splitlines()[0]})") from None
    return frame, np.arange(len(frame)) + read.header_row + 1


def _check_header_is_unique(path: Path, read: ReadOptions) -> None:
    """pandas would rename a repeated header to 'X.1'; a profile must not pick one of two silently."""
    import csv

    try:
        with open(path, encoding=read.encoding, newline="") as handle:
            reader = csv.reader(handle, delimiter=read.delimiter, quotechar=read.quotechar)
            header = next((row for i, row in enumerate(reader, start=1) if i == read.header_row), [])
    except UnicodeDecodeError as error:
        raise InputError(path, f"not {read.encoding} text (byte {error.start}); set read.encoding "
                               "(e.g. cp1252 for Windows exports)") from None
    except csv.Error as error:
        raise InputError(path, f"not readable as CSV ({error})", row=read.header_row) from None
    _unique(path, [_clean_header(name) for name in header], read.header_row)


def _unique(path: Path, header: list[str], row: int) -> None:
    seen = set()
    for name in header:
        if name and name in seen:
            raise InputError(path, f"column '{name}' appears twice in the header", row=row)
        seen.add(name)


def _read_xlsx(path: Path, read: ReadOptions) -> tuple[pd.DataFrame, np.ndarray]:
    from zipfile import BadZipFile

    import openpyxl
    from openpyxl.utils.exceptions import InvalidFileException

    try:
        workbook = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except (BadZipFile, InvalidFileException, KeyError, OSError):
        raise InputError(path, "not an .xlsx workbook") from None
    try:
        if read.sheet is None:
            sheet = workbook.worksheets[0]
        elif read.sheet in workbook.sheetnames:
            sheet = workbook[read.sheet]
        else:
            raise InputError(path, f"no sheet '{read.sheet}' (read.sheet); the workbook has: "
                                   f"{', '.join(workbook.sheetnames)}")
        header: list[str] = []
        records: list[tuple] = []
        rows: list[int] = []
        for number, cells in enumerate(sheet.iter_rows(values_only=True), start=1):
            if number == read.header_row:
                header = [_clean_header(cell) for cell in cells]
            elif number > read.header_row:
                records.append(cells)
                rows.append(number)
    finally:
        workbook.close()
    while header and not header[-1]:
        header.pop()
    if not header:
        raise InputError(path, f"no header at row {read.header_row} (read.header_row)")
    _unique(path, header, read.header_row)
    width = len(header)
    cells = [tuple(record[:width]) + (None,) * (width - len(record)) for record in records]
    frame = pd.DataFrame(cells, columns=range(width), dtype=object) if cells else \
        pd.DataFrame(columns=range(width), dtype=object)
    frame.columns = header
    return frame, np.asarray(rows, dtype=int)


def _read_parquet(path: Path, read: ReadOptions) -> tuple[pd.DataFrame, np.ndarray]:
    try:
        frame = pd.read_parquet(path)
    except Exception as error:  # pyarrow raises several types for a file that is not Parquet
        raise InputError(path, f"not a Parquet file ({type(error).__name__})") from None
    frame = frame.astype(object).where(frame.notna(), None)
    return frame, np.arange(len(frame)) + 2  # as if the header were row 1, like the canonical CSV
