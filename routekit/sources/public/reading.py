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
