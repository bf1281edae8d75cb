"""``routekit report``: render one parameter set into a site and a PDF."""

from __future__ import annotations

from pathlib import Path

import typer


def report(
    params: Path = typer.Option(Path("params/default.yaml"), "--params", help="Parameter set (YAML)."),
    overrides: list[str] = typer.Option([], "-p", "--param", help="Override one key: key=value (dotted for nested)."),
    build_root: Path = typer.Option(None, "--build-dir", help="Where sites are written (default: _build)."),
    no_pdf: bool = typer.Option(False, "--no-pdf", help="Build the website only."),
) -> None:
    """Execute the chapter notebooks and build the report site (and PDF) for a parameter set."""
    from routekit.report.pipeline import PROJECT_ROOT, build_report

    build_report(params, overrides, project=PROJECT_ROOT, build_root=build_root, pdf=not no_pdf)
