"""The estimate bundle: what ``run_estimate`` writes for one period and what the report reads.

Layout (known here only)::

    <table>.csv        one file per name in ESTIMATE_TABLES (README.md of routekit/estimate)
    manifest.json      period, baseline, sources, model settings, public series used, and the
                       sha256 of every table (``files``)
"""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd

from routekit.contracts.errors import BundleError
from routekit.contracts.release import MANIFEST, file_sha256

ESTIMATE_TABLES = ("estimates", "draws", "agreement", "public_agreement", "agreement_pairs", "changes", "trends",
                   "anomalies", "outlook", "timeliness", "findings")


def _check(name: str) -> str:
    if name not in ESTIMATE_TABLES:
        raise ValueError(f"'{name}' is not an estimate table (one of {', '.join(ESTIMATE_TABLES)})")
    return f"{name}.csv"


class EstimateWriter:
    def __init__(self, out: Path):
        self.out = Path(out)
        self.out.mkdir(parents=True, exist_ok=True)

    def table(self, name: str, frame: pd.DataFrame) -> None:
        frame.to_csv(self.out / _check(name), index=False, lineterminator="\n")

    def seal(self, manifest: dict) -> dict:
        """Write the manifest with the sha256 of every table written; returns it."""
        files = {f"{name}.csv": file_sha256(self.out / f"{name}.csv") for name in sorted(ESTIMATE_TABLES)
                 if (self.out / f"{name}.csv").is_file()}
        sealed = {**manifest, "files": files}
        (self.out / MANIFEST).write_text(json.dumps(sealed, indent=2) + "\n", encoding="utf-8")
        return sealed


class EstimateBundle:
    """An estimate folder opened for reading: tables by name (empty when absent)."""

    def __init__(self, path: Path):
        self.path = Path(path)

    @classmethod
    def exists(cls, path: Path) -> bool:
        return (Path(path) / MANIFEST).is_file()

    def has_table(self, name: str) -> bool:
        return (self.path / _check(name)).is_file()

    def table(self, name: str, **read_options) -> pd.DataFrame:
        """Table ``name`` (``read_options`` go to ``pandas.read_csv``), or an empty frame."""
        if not self.has_table(name):
            return pd.DataFrame()
        return pd.read_csv(self.path / _check(name), **read_options)

    @property
    def manifest(self) -> dict:
        path = self.path / MANIFEST
        if not path.is_file():
            raise BundleError(self.path, MANIFEST, "missing: not an estimate folder", kind="estimate")
        return json.loads(path.read_text(encoding="utf-8"))

    def verify(self) -> "EstimateBundle":
        """Refuse a table changed after the estimate stage sealed the folder."""
        files = self.manifest.get("files")
        if not isinstance(files, dict):
            raise BundleError(self.path, MANIFEST, "not sealed (no file digests); run the estimate again",
                              kind="estimate")
        for name, digest in files.items():
            path = self.path / name
            if not path.is_file() or file_sha256(path) != digest:
                raise BundleError(self.path, name, "missing or changed after the estimate stage sealed it",
                                  kind="estimate")
        return self
