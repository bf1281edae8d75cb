"""``routekit synth``: write the demo partner extracts and their ground truth."""

from __future__ import annotations

from pathlib import Path

import typer


def synth(
    out: Path = typer.Option(..., "--out", help="Folder to write partners/, truth/ and README.md into."),
    seed: int = typer.Option(42, "--seed", help="Random seed; the same seed gives the same files."),
    start: str = typer.Option("2023-01", "--start", help="First month (YYYY-MM)."),
    end: str = typer.Option("2025-12", "--end", help="Last month (YYYY-MM)."),
    scale: float = typer.Option(1.0, "--scale", help="Volume multiplier (1 = about 2,000 journeys a month)."),
    cdr: bool = typer.Option(True, "--cdr/--no-cdr",
                             help="Also write one operator's call detail records to partners/mobility_cdr/."),
    cdr_events: float = typer.Option(0, "--cdr-events", min=0,
                                     help="About this many CDR events, e.g. 1e8 (0 = the demo's smallest "
                                          "world: about 3 million at the default size)."),
    cdr_months: int = typer.Option(12, "--cdr-months", min=1, help="Months of CDR events, up to --end."),
    export_style: bool = typer.Option(False, "--export-style",
                                      help="Also write KMar, IND, police and Eurodac extracts as the partners' "
                                           "own exports (partners/exports/; profiles in params/intake/)."),
) -> None:
    """Generate synthetic partner extracts (KMar, IND, police, Eurodac, mobility) with ground truth."""
    from routekit.synth import generate
    from routekit.synth.population import month_range

    month_range(start, end)  # fail fast on a bad period, before any work
    path = generate(out, seed=seed, start=start, end=end, scale=scale,
                    cdr_events=int(cdr_events) if cdr else None, cdr_months=cdr_months)
    typer.echo(f"wrote demo data to {path}")
    if export_style:
        from routekit.intake.examples import write_exports

        written = write_exports(Path(path) / "partners", Path(path) / "partners" / "exports")
        typer.echo(f"wrote {len(written)} partner exports to {Path(path) / 'partners' / 'exports'}")
