"""One content-addressed cache for every step, chapter and the PDF.

A result is named by its key: the digest of its inputs, its parameters and routekit's code
(``key``), so the same inputs and code find the same result and any change finds none. Two kinds
of entry, one rule:

- ``Store``: results kept aside (an executed chapter with its tables, a printed PDF) in
  ``<root>/<key>/``; ``put`` fills a private folder and renames it into place, so a reader never
  sees half an entry, and ``get`` returns the entry or None.
- ``InPlace``: results that live where their readers look for them (a release, the link, the
  estimates); the folder is the entry and a stamp inside it names its key. The stamp is removed
  before the result is remade and written (atomically) only after, so a half-made folder is
  never taken as fresh.

A neutral module beside ``digests`` (stages, the report and the runner may all use it). A cache
holds only what the run publishes or seals (gated tables, executed chapters, sealed bundles).
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from routekit.digests import code_digest, combine

STAMP = ".stamp"  # digests.tree_digest leaves it out: a stamp is no part of what it stamps


def key(*parts: str, length: int | None = None) -> str:
    """The key of a result made from ``parts`` (input digests and parameters) by this code."""
    digest = combine(*parts, code_digest())
    return digest[:length] if length else digest


@dataclass(frozen=True)
class Store:
    """Entries kept aside in ``root``, one folder per key."""

    root: Path

    def get(self, key: str) -> Path | None:
        """The entry's folder, or None when there is none (an entry is only there whole)."""
        entry = Path(self.root) / key
        return entry if entry.is_dir() else None

    def put(self, key: str, fill: Callable[[Path], None]) -> Path | None:
        """Store the entry ``fill(folder)`` writes; returns it, or None when it could not be stored
        (another build stored the same key first, or the disk refused: the cache is a shortcut)."""
        root = Path(self.root)
        root.mkdir(parents=True, exist_ok=True)
        partial = Path(tempfile.mkdtemp(prefix=f".{key}-", dir=root))
        entry = root / key
        try:
            fill(partial)
            if entry.exists():
                shutil.rmtree(entry, ignore_errors=True)
            partial.rename(entry)
            return entry
        except OSError:
            return None
        finally:
            shutil.rmtree(partial, ignore_errors=True)


@dataclass(frozen=True)
class InPlace:
    """A result folder that is its own entry; its stamp names the key it was made for."""

    folder: Path

    @property
    def stamp(self) -> Path:
        return Path(self.folder) / STAMP

    def fresh(self, key: str) -> bool:
        return self.stamp.is_file() and self.stamp.read_text().strip() == key

    def make(self, key: str, build: Callable[[], object]) -> bool:
        """Run ``build`` (which writes the folder) unless it is fresh for ``key``; True when it ran."""
        if self.fresh(key):
            return False
        self.stamp.unlink(missing_ok=True)  # a build that fails half-way leaves no fresh stamp
        build()
        Path(self.folder).mkdir(parents=True, exist_ok=True)
        handle, partial = tempfile.mkstemp(prefix=f"{STAMP}-", dir=self.folder)
        with os.fdopen(handle, "w") as out:
            out.write(key)
        os.replace(partial, self.stamp)
        return True
