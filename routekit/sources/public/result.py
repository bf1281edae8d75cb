"""What every public-source adapter returns: the normalised rows and the rows it refused, with why.

Adapters never drop a row silently. A row that cannot be read is kept in ``rejects`` with the
file, its row number as a spreadsheet shows it (header = row 1), the field and the reason.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd
import pandera.pandas as pa

ROW = "_row"  # the column every raw frame carries: the row number in its file (header = 1)
FILE = "_file"  # the column every raw frame carries: the file it was read from
REJECT_COLUMNS = ["file", "row", "field", "reason"]


@dataclass
class AdapterResult:
    """Normalised ``data``, refused ``rejects`` (file, row, field, reason + raw values), files read.

    ``revisions`` is filled only where a publisher revised earlier figures (Frontex); it has the
    columns period, route, border_type, nationality, old, new, old_file, new_file.
    ``coverage`` maps each file read to the first and last month it publishes (a month with no
    row inside that span is a published zero; a month outside it is not published).
    ``unreadable`` lists files that could not be read at all, with the reason: they are left
    out and their sibling files still count.
    """

    source: str
    data: pd.DataFrame
    rejects: pd.DataFrame
    files: tuple[Path, ...] = ()
    revisions: pd.DataFrame | None = None
    notes: list[str] = field(default_factory=list)
    coverage: dict[str, tuple[str, str]] = field(default_factory=dict)
    unreadable: list[tuple[str, str]] = field(default_factory=list)
    out_of_scope: dict[str, int] = field(default_factory=dict)  # rows set aside (not errors), by what

    @property
    def first_month(self) -> str | None:
        """The first month any file read publishes (None when nothing was read)."""
        return min((first for first, _ in self.coverage.values()), default=None)

    @property
    def last_month(self) -> str | None:
        """The last month published: beyond it the source has published nothing yet."""
        return max((last for _, last in self.coverage.values()), default=None)

    @property
    def reject_reasons(self) -> pd.Series:
        """How many rows were refused for each reason, most frequent first."""
        if self.rejects.empty:
            return pd.Series(dtype="int64", name="rows")
        return self.rejects.groupby("reason").size().sort_values(ascending=False).rename("rows")


def empty_rejects() -> pd.DataFrame:
    return pd.DataFrame(columns=REJECT_COLUMNS)


class RowRejects:
    """Collects refused rows of one raw frame while an adapter normalises it.

    ``flag(mask, field, reason)`` marks rows; ``keep(frame)`` returns the rows not marked;
    ``frame()`` gives the rejects table. A row flagged twice keeps every reason ("; "-joined).
    """

    def __init__(self, raw: pd.DataFrame):
        self._raw = raw
        self._reasons: dict[object, list[tuple[str, str]]] = {}

    def flag(self, mask: pd.Series, field: str, reason: str | pd.Series) -> None:
        mask = mask.reindex(self._raw.index, fill_value=False).fillna(False).astype(bool)
        if not mask.any():
            return
        texts = reason[mask] if isinstance(reason, pd.Series) else pd.Series(reason, index=mask[mask].index)
        for index, text in texts.items():
            self._reasons.setdefault(index, []).append((field, str(text)))

    def flagged(self) -> pd.Index:
        return pd.Index(list(self._reasons))

    def keep(self, frame: pd.DataFrame) -> pd.DataFrame:
        """``frame`` (same index as the raw frame) without the rows flagged so far."""
        return frame.loc[~frame.index.isin(self.flagged())]

    def validate(self, frame: pd.DataFrame, schema: pa.DataFrameSchema) -> pd.DataFrame:
        """Validate ``frame`` lazily; rows failing a check are flagged with the check's message.

        Whole-frame failures (a missing column) cannot be blamed on a row and are raised.
        """
        try:
            return schema.validate(frame, lazy=True)
        except pa.errors.SchemaErrors as errors:
            cases = errors.failure_cases
            row_cases = cases[cases["index"].notna()]
            if len(row_cases) < len(cases):
                raise
            for (column, check), group in row_cases.groupby(["column", "check"], dropna=False):
                mask = pd.Series(self._raw.index.isin(group["index"]), index=self._raw.index)
                self.flag(mask, str(column), f"{column}: {check}")
            return schema.validate(self.keep(frame), lazy=True)

    def frame(self) -> pd.DataFrame:
        if not self._reasons:
            return empty_rejects()
        raw = self._raw.loc[list(self._reasons)]
        values = raw.drop(columns=[ROW, FILE], errors="ignore")
        table = pd.DataFrame({
            "file": raw[FILE].astype(str).to_numpy() if FILE in raw else "",
            "row": raw[ROW].to_numpy() if ROW in raw else raw.index.to_numpy(),
            "field": [", ".join(dict.fromkeys(f for f, _ in self._reasons[i])) for i in raw.index],
            "reason": ["; ".join(dict.fromkeys(r for _, r in self._reasons[i])) for i in raw.index],
        }, index=raw.index)
        return pd.concat([table, values], axis=1).sort_values(["file", "row"]).reset_index(drop=True)


def concat_rejects(frames: list[pd.DataFrame]) -> pd.DataFrame:
    frames = [f for f in frames if not f.empty]
    return pd.concat(frames, ignore_index=True) if frames else empty_rejects()


def read_each(paths, reader, source: str) -> tuple[list[AdapterResult], list[tuple[str, str]]]:
    """Read every file with ``reader``; a file that cannot be read is listed with its reason and
    skipped, so one bad download never disables its sibling files. Raises only if none is readable."""
    from routekit.errors import InputError, RoutekitError

    results, unreadable = [], []
    for path in paths:
        try:
            results.append(reader(path))
        except RoutekitError as error:
            unreadable.append((str(path), str(error)))
    if not results:
        reasons = "; ".join(reason for _, reason in unreadable)
        raise InputError(Path(paths[0]).parent if paths else source, f"no readable {source} file ({reasons})")
    return results, unreadable


def month_span(months) -> tuple[str, str] | None:
    """(first, last) of a collection of 'YYYY-MM' (or 'YYYY-MM-DD') values, None when empty."""
    values = sorted({str(m)[:7] for m in months if isinstance(m, str) and m})
    return (values[0], values[-1]) if values else None
