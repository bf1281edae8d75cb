"""``routekit release``: run by a partner inside its own environment."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer


def release(
    source: Annotated[str, typer.Option("--source", help="Registered source name (see 'routekit sources').")],
    input: Annotated[Path, typer.Option("--input", help="The partner's person-level extract (canonical CSV, or its own export with --profile).")],
    out: Annotated[Path, typer.Option("--out", help="Release directory to write.")],
    threshold: Annotated[int, typer.Option("--threshold", help="Suppression threshold K (at least 5).")] = 10,
    key_file: Annotated[Optional[Path], typer.Option(
        "--key-file", help="Linkage key file; default: the environment variable ROUTEKIT_LINK_KEY.")] = None,
    rejects: Annotated[Optional[Path], typer.Option(
        "--rejects", help="Where rejected rows go (default: <input dir>/<input stem>.rejects.csv).")] = None,
    profile: Annotated[Optional[Path], typer.Option(
        "--profile", help="Intake profile (YAML) for an export in the partner's own layout "
                          "(see 'routekit intake template').")] = None,
    max_reject_share: Annotated[float, typer.Option(
        "--max-reject-share", min=0.0, max=1.0,
        help="Fail the release when more than this share of rows is rejected.")] = 0.05,
    previous: Annotated[Optional[Path], typer.Option(
        "--previous", help="The last edition published of this source (may be --out itself): a month whose "
                           "late records would revise a published cell by fewer than K persons stays as "
                           "published, so the two editions cannot be differenced.")] = None,
) -> None:
    """Turn a partner extract into disclosure-controlled aggregates, a manifest and steward tokens."""
    from rich.console import Console

    from routekit.release import load_key, release_extract
    from routekit.sources import get_source

    if get_source(source).person_level:
        key = load_key(key_file)
    else:
        key = None
    if profile is not None:
        from routekit.intake import release_with_profile

        manifest = release_with_profile(source, profile, input, out, threshold=threshold, key=key, rejects=rejects,
                                        max_reject_share=max_reject_share, previous=previous)
    else:
        manifest = release_extract(source, input, out, threshold=threshold, key=key, rejects=rejects,
                                   max_reject_share=max_reject_share, previous=previous)
    console = Console()
    suppressed = sum(t["cells_suppressed_primary"] + t["cells_suppressed_secondary"]
                     for t in manifest["tables"].values())
    console.print(f"released [bold]{manifest['source']}[/] {manifest['period']['start']}..{manifest['period']['end']} "
                  f"into {out}: {len(manifest['tables'])} tables, {suppressed} cells suppressed, "
                  f"{manifest['rows_rejected']} rows rejected (threshold {manifest['threshold']})", highlight=False)
