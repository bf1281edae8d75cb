"""The ``routekit cdr`` command: argument parsing only (heavy imports inside the function)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from routekit.mobility.params import DEFAULT_THRESHOLD


def cdr(
    events: Annotated[Path, typer.Option(help="Event file, folder of part files or glob (Parquet or CSV: subscriber, timestamp, cell_id).")],
    cells: Annotated[Path, typer.Option(help="Cell table (CSV or Parquet: cell_id, lon, lat, country, region).")],
    out: Annotated[Path, typer.Option("--out", help="Folder for the released tables and manifest.json.")],
    engine: Annotated[str, typer.Option(help="duckdb (embedded, default) or spark (pyspark).")] = "duckdb",
    night_start: Annotated[int, typer.Option(help="First hour of the night window.")] = 19,
    night_end: Annotated[int, typer.Option(help="Hour at which the night window ends (exclusive).")] = 7,
    min_nights: Annotated[int, typer.Option(help="Active nights needed in a period to be located.")] = 5,
    period_months: Annotated[int, typer.Option(help="Length of a period in months (1 = month, 3 = quarter).")] = 1,
    threshold: Annotated[int, typer.Option(help="K: publish a count only if it is at least this many subscribers.")] = DEFAULT_THRESHOLD,
    memory_limit: Annotated[str, typer.Option(help="Engine memory limit, e.g. 1GB; beyond it DuckDB spills to disk.")] = "1GB",
    threads: Annotated[int, typer.Option(help="Engine threads (Spark: local[threads]).")] = 2,
    temp_directory: Annotated[Path | None, typer.Option(help="Where the engine may spill to disk (default: OUT/.spill, removed after).")] = None,
) -> None:
    """Night-time home locations and flows from call detail records, redacted for release."""
    from rich.console import Console

    from routekit.mobility.engines import Resources
    from routekit.mobility.params import make_params
    from routekit.mobility.pipeline import compute_indicators, write_release

    params = make_params(night_start_hour=night_start, night_end_hour=night_end, min_nights=min_nights,
                         period_months=period_months, threshold=threshold)
    spill = temp_directory or out / ".spill"
    resources = Resources(memory_limit=memory_limit, threads=threads, temp_directory=str(spill))
    try:
        release, manifest = compute_indicators(events, cells, params, engine=engine, resources=resources)
    finally:
        if spill.is_dir() and not any(spill.iterdir()):
            spill.rmdir()
    written = write_release(release, manifest, out)
    counts = manifest["outputs"]["counts_suppressed"]
    Console().print(
        f"cdr ({engine}): {manifest['inputs']['events_used']:,} events used, "
        f"{len(manifest['periods'])} periods; {counts['published']} counts published, "
        f"{counts['primary']} suppressed below threshold, {counts['secondary']} against differencing; "
        f"wrote {', '.join(p.name for p in written)} to {out}",
        highlight=False,
    )
