"""``routekit link``: run by the data steward on the releases of several partners."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer


def link(
    release_dirs: Annotated[list[Path], typer.Argument(help="Release directories (each with steward/tokens.csv).")],
    out: Annotated[Path, typer.Option("--out", help="Directory for contingency.csv and manifest.json.")],
    threshold: Annotated[int, typer.Option("--threshold", help="Suppression threshold K (at least 5).")] = 10,
    key_file: Annotated[Optional[Path], typer.Option(
        "--key-file", help="Linkage key file (the key every release's seal is checked with); default: the "
                           "environment variable ROUTEKIT_LINK_KEY.")] = None,
) -> None:
    """Count persons per combination of sources per month x corridor, disclosure-controlled.

    Every release is checked first: its files against their sha256, then its keyed seal under the
    linkage key, so a release edited after it left the partner is refused by name."""
    from rich.console import Console

    from routekit.link import link_releases
    from routekit.release import load_key

    from routekit.locking import output_lock

    with output_lock(out, log=Console(stderr=True, emoji=False).print):  # one writer per link folder
        key = load_key(key_file) if key_file is not None else None  # None: the environment, when needed
        manifest = link_releases(release_dirs, out, threshold=threshold, key=key)
    Console(emoji=False).print(
        f"linked {', '.join(manifest['sources'])} into {out}: {manifest['cells_published']} cells published, "
        f"{manifest['cells_suppressed']} suppressed (threshold {manifest['threshold']})", highlight=False)
