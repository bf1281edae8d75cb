"""The runner's commands: ``routekit report`` (data up to date, then the report) and ``routekit demo``."""

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

    console = Console(stderr=True, emoji=False)
    if not (out / "partners").is_dir():
        generate(out, seed=seed, start=start, end=end, scale=scale)
        console.print(f"demo partner data written to {out}")
    prepare_workspace(out, list(PARTNER_SOURCES), threshold, None, log=console.print)


def report(
    params: Path = typer.Option(Path("params/default.yaml"), "--params", help="Parameter set (YAML)."),
    overrides: list[str] = typer.Option([], "-p", "--param", help="Override one key: key=value (dotted for nested)."),
    build_root: Path = typer.Option(None, "--build-dir", help="Where sites are written (default: _build)."),
    no_pdf: bool = typer.Option(False, "--no-pdf", help="Build the website only."),
) -> None:
    """Execute the chapter notebooks and build the report site (and PDF) for a parameter set."""
    from routekit.pipeline.report import PROJECT_ROOT, build_report

    build_report(params, overrides, project=PROJECT_ROOT, build_root=build_root, pdf=not no_pdf)
