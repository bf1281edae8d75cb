"""Content digests: the seals of bundles and the keys of every cache.

Same inputs and code, same digest, no recompute; a changed byte, a different digest. A neutral
module (like ``errors``) so that stages, contracts and the runner can all use it without any
stage importing the runner.
"""

from __future__ import annotations

import hashlib
from functools import lru_cache
from pathlib import Path

import routekit


def file_digest(path: Path) -> str:
    """sha256 of one file, read in blocks (partner extracts can be large)."""
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def tree_digest(*paths: Path, pattern: str = "*") -> str:
    """Digest over the names and contents of all files below ``paths`` (sorted, stable)."""
    digest = hashlib.sha256()
    for root in paths:
        root = Path(root)
        files = [root] if root.is_file() else sorted(p for p in root.rglob(pattern) if p.is_file())
        for path in files:
            if path.name.startswith(".stamp"):
                continue
            digest.update(str(path.relative_to(root.parent)).encode())
            digest.update(file_digest(path).encode())
    return digest.hexdigest()


@lru_cache(maxsize=1)
def code_digest() -> str:
    """Digest of routekit's own source and data files: a code change invalidates every cache."""
    package = Path(routekit.__file__).parent
    digest = hashlib.sha256(routekit.__version__.encode())
    for path in sorted(package.rglob("*")):
        if path.is_file() and path.suffix in {".py", ".yaml", ".yml", ".csv", ".json"} and "assets" not in path.parts:
            digest.update(str(path.relative_to(package)).encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()


def combine(*parts: str) -> str:
    return hashlib.sha256("\n".join(parts).encode()).hexdigest()
