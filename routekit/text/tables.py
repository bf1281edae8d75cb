"""Reading the input tables of ``extract`` and ``evaluate-extraction`` without losing a row.

Texts arrive from partners' systems: mostly UTF-8, sometimes Windows-1252 (Dutch "Servi\xeb"),
sometimes with a broken byte. A line that is not valid UTF-8 is re-read as Windows-1252; a line
that is neither gets replacement characters for its broken bytes, so the extractor reports the
text as unreadable instead of the whole file failing. Rows with too many fields are kept (extra fields dropped).
"""

from __future__ import annotations

import csv
import io
import sys
from pathlib import Path

import pandas as pd

from routekit.errors import InputError


def _decode(raw: bytes) -> str:
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        pass
    lines = []
    for line in raw.split(b"\n"):
        for encoding in ("utf-8", "cp1252"):
            try:
                lines.append(line.decode(encoding))
                break
            except UnicodeDecodeError:
                continue
        else:
            lines.append(line.decode("utf-8", errors="replace"))
    return "\n".join(lines)


def read_table(path: Path, required: list[str]) -> pd.DataFrame:
    """All columns as text ('' for empty cells); raises InputError naming the file or column."""
    path = Path(path)
    if not path.is_file():
        raise InputError(path, "file not found")
    try:
        raw = path.read_bytes()
    except OSError as error:
        raise InputError(path, f"cannot be read ({error.strerror})") from None
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    text = _decode(raw)
    if "\x00" in text[:10000]:
        raise InputError(path, "not a text/CSV file (binary content)")
    if not text.strip():
        raise InputError(path, "file is empty (no header row)")
    options = dict(dtype=str, keep_default_na=False, na_filter=False)
    try:
        frame = pd.read_csv(io.StringIO(text), **options)
    except (pd.errors.ParserError, UnicodeError, ValueError):
        header = next(csv.reader(io.StringIO(text.split("\n", 1)[0])), [])
        width = len(header)
        csv.field_size_limit(min(sys.maxsize, 2**31 - 1))
        try:
            frame = pd.read_csv(io.StringIO(text), engine="python", on_bad_lines=lambda fields: fields[:width],
                                **options)
        except (pd.errors.ParserError, csv.Error, ValueError) as error:
            raise InputError(path, f"not a readable CSV file ({type(error).__name__})") from None
    for column in required:
        if column not in frame.columns:
            available = ", ".join(map(str, frame.columns[:12]))
            raise InputError(path, f"column is missing (columns: {available})", field=column)
    return frame
