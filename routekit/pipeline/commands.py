"""``routekit demo``: demo partner data plus every partner's release, the link and estimates."""

from __future__ import annotations

from pathlib import Path

import typer


def demo(
    out: Path = typer.Option(Path("data/demo"), "--out", help="Data directory to fill."),
    seed: int = typer.Option(20251, "--seed"),
    start: str = typer.Option("2023-01", "--start"),
    end: str = typer.Option("2025-12", "--end"),
    scale: float = typer.Option(1.0, "--scale"),
    threshold: int = typer.Option(10, "--threshold"),
) -> None:
    """Generate demo partner extracts, then run each partner's release and the steward's link."""
    from rich.console import Console

    from routekit.params import PARTNER_SOURCES
    from routekit.pipeline.workspace import prepare_workspace
    from routekit.synth import generate

    console = Console(stderr=True)
    if not (out / "partners").is_dir():
        generate(out, seed=seed, start=start, end=end, scale=scale)
        console.print(f"demo partner data written to {out}")
    prepare_workspace(out, list(PARTNER_SOURCES), threshold, None, log=console.print)
