"""Read what estimation may read: partner releases and the steward's link output, nothing else.

Every table is checked for its columns and values; a problem names the file, row and field.
Suppressed cells keep ``count`` empty (NaN here) and ``status`` ``suppressed``.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd

from routekit.errors import InputError
from routekit.release.run import TABLE_FILES

STATUSES = ("published", "suppressed")

# table name -> the columns that identify a cell (besides count and status)
# the release's own contract, plus the operator's flows that mobility releases pass through
RELEASE_TABLES = {**TABLE_FILES, "flows": ["month", "origin_country", "destination_country"]}
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
        """Write the link in the steward's layout (contingency.csv, manifest.json), e.g. a
        simulated link for tests and validation runs that go through ``run_estimate``."""
        folder = Path(folder)
        folder.mkdir(parents=True, exist_ok=True)
        frame = self.contingency.copy()
        frame["count"] = frame["count"].astype("Int64")
        frame.to_csv(folder / "contingency.csv", index=False)
        (folder / "manifest.json").write_text(json.dumps(self.manifest))
        return folder


def _read_manifest(path: Path) -> dict:
    if not path.is_file():
        raise InputError(path, "missing manifest.json")
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as error:
        raise InputError(path, f"not valid JSON ({error.msg})", row=error.lineno) from None


def read_count_table(path: Path, keys: list[str]) -> pd.DataFrame:
    """A count table with ``keys``, ``count`` and ``status``; counts as float (NaN if suppressed)."""
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
    """Manifest plus whichever known tables exist in ``directory``/tables."""
    directory = Path(directory)
    manifest = _read_manifest(directory / "manifest.json")
    if "source" not in manifest:
        raise InputError(directory / "manifest.json", "no 'source' in the manifest", field="source")
    release = Release(directory, manifest)
    for name, keys in RELEASE_TABLES.items():
        path = directory / "tables" / f"{name}.csv"
        if path.is_file():
            release.tables[name] = read_count_table(path, keys)
    quality = directory / "tables" / "quality.csv"
    if quality.is_file():
        frame = pd.read_csv(quality, dtype={"month": str})
        missing = [c for c in QUALITY_COLUMNS if c not in frame.columns]
        if missing:
            raise InputError(quality, f"missing column(s) {missing}")
        release.tables["quality"] = frame
    if not release.tables:
        raise InputError(directory / "tables", "no release tables found")
    return release


def read_link(directory: Path) -> Link:
    """contingency.csv with its in_<source> columns and the threshold from the manifest."""
    directory = Path(directory)
    manifest = _read_manifest(directory / "manifest.json")
    threshold = manifest.get("threshold")
    if not isinstance(threshold, int) or threshold < 2:
        raise InputError(directory / "manifest.json", "threshold must be a whole number >= 2", field="threshold")
    path = directory / "contingency.csv"
    if not path.is_file():
        raise InputError(path, "missing contingency.csv")
    header = pd.read_csv(path, nrows=0).columns
    flags = [c for c in header if c.startswith("in_")]
    if len(flags) < 2:
        raise InputError(path, "needs at least two in_<source> columns")
    table = read_count_table(path, ["month", "corridor", *flags])
    for flag in flags:
        values = table[flag]
        bad = ~values.isin(["0", "1"])
        if bad.any():
            raise InputError(path, "must be 0 or 1", row=int(np.flatnonzero(bad)[0]) + 2, field=flag)
        table[flag] = values.astype(int)
    sources = [f[3:] for f in flags]
    return Link(directory, manifest, table, sources, threshold)
