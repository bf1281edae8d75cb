"""``routekit link``: run by the data steward on the releases of several partners."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer


def link(
    release_dirs: Annotated[list[Path], typer.Argument(help="Release directories (each with steward/tokens.csv).")],
    out: Annotated[Path, typer.Option("--out", help="Directory for contingency.csv and manifest.json.")],
    threshold: Annotated[int, typer.Option("--threshold", help="Suppression threshold K (at least 5).")] = 10,
) -> None:
    """Count persons per combination of sources per month x corridor, disclosure-controlled."""
    from rich.console import Console

    from routekit.link import link_releases

    from routekit.locking import output_lock

    with output_lock(out, log=Console(stderr=True).print):  # one writer per link folder
        manifest = link_releases(release_dirs, out, threshold=threshold)
    Console().print(f"linked {', '.join(manifest['sources'])} into {out}: {manifest['cells_published']} cells "
                    f"published, {manifest['cells_suppressed']} suppressed (threshold {manifest['threshold']})",
                    highlight=False)
