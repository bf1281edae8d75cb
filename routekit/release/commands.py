"""``routekit release``: run by a partner inside its own environment."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer


def release(
    source: Annotated[str, typer.Option("--source", help="Registered source name (see 'routekit sources').")],
    input: Annotated[Path, typer.Option("--input", help="The partner's person-level extract (CSV).")],
    out: Annotated[Path, typer.Option("--out", help="Release directory to write.")],
    threshold: Annotated[int, typer.Option("--threshold", help="Suppression threshold K (at least 5).")] = 10,
    key_file: Annotated[Optional[Path], typer.Option(
        "--key-file", help="Linkage key file; default: the environment variable ROUTEKIT_LINK_KEY.")] = None,
    rejects: Annotated[Optional[Path], typer.Option(
        "--rejects", help="Where rejected rows go (default: <input dir>/<input stem>.rejects.csv).")] = None,
) -> None:
    """Turn a partner extract into disclosure-controlled aggregates, a manifest and steward tokens."""
    from rich.console import Console

    from routekit.release import load_key, release_extract
    from routekit.sources import get_source

    if get_source(source).person_level:
        key = load_key(key_file)
    else:
        key = None
    manifest = release_extract(source, input, out, threshold=threshold, key=key, rejects=rejects)
    console = Console()
    suppressed = sum(t["cells_suppressed_primary"] + t["cells_suppressed_secondary"]
                     for t in manifest["tables"].values())
    console.print(f"released [bold]{manifest['source']}[/] {manifest['period']['start']}..{manifest['period']['end']} "
                  f"into {out}: {len(manifest['tables'])} tables, {suppressed} cells suppressed, "
                  f"{manifest['rows_rejected']} rows rejected (threshold {manifest['threshold']})", highlight=False)
