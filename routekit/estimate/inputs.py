"""Read what estimation may read: partner releases and the steward's link output, nothing else.

Every table is checked for its columns and values; a problem names the file, row and field.
Suppressed cells keep ``count`` empty (NaN here) and ``status`` ``suppressed``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd

from routekit.contracts import LinkBundle, LinkWriter, ReleaseBundle
from routekit.contracts.release import QUALITY, TABLE_KEYS
from routekit.errors import InputError

STATUSES = ("published", "suppressed")

# table name -> the columns that identify a cell (besides count and status): the release contract
RELEASE_TABLES = TABLE_KEYS
QUALITY_COLUMNS = ["month", "records", "lag_days_median", "lag_days_p25", "lag_days_p75"]


@dataclass
class Release:
    """One partner release: its manifest and its tables (only those present)."""

    path: Path
    manifest: dict
    tables: dict[str, pd.DataFrame] = field(default_factory=dict)

    @property
    def source(self) -> str:
        return str(self.manifest["source"])

    @property
    def kind(self) -> str:
        return str(self.manifest.get("kind", ""))


@dataclass
class Link:
    """The steward's contingency table: persons per month x corridor x capture history."""

    path: Path
    manifest: dict
    contingency: pd.DataFrame
    sources: list[str]
    threshold: int

    def write(self, folder: Path) -> Path:
        """Write the link as a sealed link bundle, e.g. a simulated link for tests and
        validation runs that go through ``run_estimate``."""
        frame = self.contingency.copy()
        frame["count"] = frame["count"].astype("Int64")
        LinkWriter(Path(folder)).write(frame, self.manifest)
        return Path(folder)


def read_count_table(path: Path, keys: list[str], frame: pd.DataFrame | None = None) -> pd.DataFrame:
    """A count table with ``keys``, ``count`` and ``status``; counts as float (NaN if suppressed).

    ``frame``: the table already read as text (from a bundle); ``path`` names it in errors.
    """
    if frame is None:
        try:
            frame = pd.read_csv(path, dtype=str, keep_default_na=False)
        except pd.errors.EmptyDataError:
            raise InputError(path, "empty file") from None
    missing = [c for c in [*keys, "count", "status"] if c not in frame.columns]
    if missing:
        raise InputError(path, f"missing column(s) {missing}")
    bad_status = ~frame["status"].isin(STATUSES)
    if bad_status.any():
        row = int(np.flatnonzero(bad_status)[0])
        raise InputError(path, f"status must be one of {list(STATUSES)}", row=row + 2, field="status")
    counts = pd.to_numeric(frame["count"].where(frame["count"] != ""), errors="coerce")
    published = frame["status"] == "published"
    bad = published & (counts.isna() | (counts < 0))
    bad |= (~published) & (frame["count"] != "")
    if bad.any():
        row = int(np.flatnonzero(bad)[0])
        problem = ("a published count must be a whole number >= 0" if published.iloc[row]
                   else "a suppressed cell must have an empty count")
        raise InputError(path, problem, row=row + 2, field="count")
    if "month" in keys:
        months = frame["month"].str.fullmatch(r"\d{4}-(0[1-9]|1[0-2])")
        if not months.all():
            row = int(np.flatnonzero(~months)[0])
            raise InputError(path, "expected a month as YYYY-MM", row=row + 2, field="month")
    frame["count"] = counts.astype(float)
    return frame


def read_release(directory: Path) -> Release:
    """Manifest plus whichever known tables the release bundle in ``directory`` holds."""
    bundle = ReleaseBundle(Path(directory))
    release = Release(bundle.path, bundle.data)
    for name, keys in RELEASE_TABLES.items():
        if bundle.has_table(name):
            release.tables[name] = read_count_table(bundle.file(name), keys, bundle.raw_table(name))
    if bundle.has_table(QUALITY):
        frame = bundle.table(QUALITY)
        missing = [c for c in QUALITY_COLUMNS if c not in frame.columns]
        if missing:
            raise InputError(bundle.file(QUALITY), f"missing column(s) {missing}")
        release.tables[QUALITY] = frame
    if not release.tables:
        raise InputError(bundle.path, "no release tables found")
    return release


def read_link(directory: Path) -> Link:
    """contingency.csv with its in_<source> columns and the threshold from the manifest."""
    bundle = LinkBundle(Path(directory))
    path = bundle.contingency_file
    if not path.is_file():
        raise InputError(path, "missing contingency.csv")
    raw = bundle.raw_contingency()
    flags = [c for c in raw.columns if c.startswith("in_")]
    if len(flags) < 2:
        raise InputError(path, "needs at least two in_<source> columns")
    table = read_count_table(path, ["month", "corridor", *flags], raw)
    for flag in flags:
        values = table[flag]
        bad = ~values.isin(["0", "1"])
        if bad.any():
            raise InputError(path, "must be 0 or 1", row=int(np.flatnonzero(bad)[0]) + 2, field=flag)
        table[flag] = values.astype(int)
    sources = [f[3:] for f in flags]
    return Link(bundle.path, bundle.data, table, sources, bundle.manifest.threshold)
