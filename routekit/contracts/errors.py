"""The one error a bundle check raises: names the bundle and the file, in one line."""

from __future__ import annotations

from pathlib import Path

from routekit.errors import InputError


class BundleError(InputError):
    """A release, link or estimate folder is incomplete, edited after sealing or not for this run."""

    def __init__(self, bundle: Path, file: str, problem: str, kind: str = "release"):
        self.bundle, self.file, self.kind = Path(bundle), file, kind
        super().__init__(f"{kind} '{bundle}', file {file}", problem)
