"""``routekit public``: check the public files through their adapters and summarise them."""

from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer

# What each source counts, and in which column.
_TOTALS = {
    "frontex": ("detections", "detections"),
    "eurostat_asylum": ("applicants", "applicants"),
    "iom_missing_migrants": ("dead_missing", "dead+missing"),
    "unhcr_arrivals": ("arrivals", "arrivals"),
}
_PERIOD_COLUMN = {"frontex": "period", "eurostat_asylum": "period", "iom_missing_migrants": "date",
                  "unhcr_arrivals": "period"}
_YEARS_SHOWN = 3


def _yearly_totals(name, data):
    """(label, totals per year for the last few years) lines for the summary."""
    column, label = _TOTALS[name]
    year = data[_PERIOD_COLUMN[name]].astype(str).str.slice(0, 4)
    if name != "eurostat_asylum":
        return [(label, data[column].groupby(year).sum().tail(_YEARS_SHOWN))]
    lines = []
    for geo, title in (("NLD", "first-time applicants, Netherlands"), ("EU27", "first-time applicants, EU27")):
        for freq in sorted(data["freq"].unique()):
            chosen = (data["geo"] == geo) & (data["freq"] == freq)
            if chosen.any():
                per = "per year" if freq == "A" else "monthly data, per year"
                lines.append((f"{title} ({per})", data.loc[chosen, column].groupby(year[chosen]).sum().tail(_YEARS_SHOWN)))
    return lines


def _total(name, data):
    """One total that does not double-count (Eurostat: countries only, annual data if present)."""
    column = _TOTALS[name][0]
    if name == "eurostat_asylum":
        from routekit.sources.public.codes import GEO_AGGREGATES

        countries = data[~data["geo"].isin(set(GEO_AGGREGATES.values()))]
        freq = "A" if (countries["freq"] == "A").any() else "M"
        return int(countries.loc[countries["freq"] == freq, column].sum())
    return int(data[column].sum())


def months_covered(result) -> str:
    """'2009-01 to 2025-04 (196 months)': the span the files publish, per file when they differ."""
    import pandas as pd

    first, last = result.first_month, result.last_month
    if first is None:
        return "-"
    count = len(pd.period_range(first, last, freq="M"))
    return f"{first} to {last} ({count} months)"


def public(
    data_dir: Optional[Path] = typer.Option(
        None, "--data-dir", help="Folder with the public files (default: data/public or $ROUTEKIT_PUBLIC_DATA)."),
    source: Optional[str] = typer.Option(
        None, "--source", help="Check one source only: frontex, eurostat_asylum, iom_missing_migrants, unhcr_arrivals."),
    strict: bool = typer.Option(False, "--strict", help="Exit with code 1 when any row was rejected."),
    show: int = typer.Option(10, "--show", help="How many reject reasons and revisions to list per source."),
) -> None:
    """Validate the public files (Frontex, Eurostat, IOM, UNHCR) and print what they hold."""
    from rich.console import Console
    from rich.table import Table

    from routekit.errors import RoutekitError
    from routekit.sources.public import LOADERS
    from routekit.sources.public.paths import resolve_data_dir

    console = Console()
    root = resolve_data_dir(data_dir)
    names = [source] if source else list(LOADERS)
    for name in names:
        if name not in LOADERS:
            raise RoutekitError(f"unknown public source '{source}'; choose from {', '.join(LOADERS)}")

    summary = Table(title=f"Public sources in {root}", show_lines=False)
    numeric = ("files", "rows read", "kept", "rejected", "set aside")
    for column in ("source", *numeric, "months covered", "last month published", "total"):
        summary.add_column(column, justify="right" if column in numeric else "left")
    results, failures = {}, []
    for name in names:
        try:
            result = LOADERS[name](root)
        except RoutekitError as error:
            failures.append(f"{name}: {error}")
            summary.add_row(name, "-", "-", "-", "-", "-", "-", "-", f"[red]{error}[/]")
            continue
        results[name] = result
        set_aside = sum(result.out_of_scope.values())
        rows_read = len(result.data) + len(result.rejects) + set_aside
        files = f"{len(result.files)}" + (f" [red](+{len(result.unreadable)} unreadable)[/]" if result.unreadable else "")
        summary.add_row(name, files, f"{rows_read:,}", f"{len(result.data):,}",
                        f"[red]{len(result.rejects):,}[/]" if len(result.rejects) else "0", f"{set_aside:,}",
                        months_covered(result), result.last_month or "-",
                        f"{_total(name, result.data):,} {_TOTALS[name][1]}")
    console.print(summary)

    for name, result in results.items():
        for path, reason in result.unreadable:
            console.print(f"[red]{name}: {Path(path).name} not read[/] - {reason}", highlight=False)
        for label, totals in _yearly_totals(name, result.data):
            listed = " · ".join(f"{year}: {int(value):,}" for year, value in totals.items())
            console.print(f"[bold]{name}[/] {label}: {listed}", highlight=False)
        for note in result.notes:
            console.print(f"[yellow]{name}:[/] {note}")
        if len(result.rejects):
            table = Table(title=f"{name}: rejected rows by reason")
            for column in ("rows", "reason", "first at"):
                table.add_column(column)
            first = result.rejects.groupby("reason")[["file", "row"]].first()
            for reason, count in result.reject_reasons.head(show).items():
                where = f"{Path(first.at[reason, 'file']).name}, row {first.at[reason, 'row']}"
                table.add_row(str(count), reason, where)
            console.print(table)
        revisions = result.revisions
        if revisions is not None and len(revisions):
            table = Table(title=f"{name}: {len(revisions):,} cells revised by a newer release (newer wins)")
            for column in ("period", "route", "border_type", "nationality", "old", "new"):
                table.add_column(column, justify="right" if column in ("old", "new") else "left")
            for row in revisions.head(show).itertuples():
                table.add_row(row.period, row.route, row.border_type, row.nationality, str(row.old), str(row.new))
            console.print(table)

    if failures:
        raise RoutekitError("; ".join(failures))
    if strict and any(len(r.rejects) for r in results.values()):
        raise typer.Exit(1)
