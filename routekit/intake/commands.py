"""``routekit intake check`` and ``routekit intake template``: describing a partner's export."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

app = typer.Typer(name="intake", help="Describe a partner export with an intake profile (check, template).",
                  no_args_is_help=True, add_completion=False, pretty_exceptions_enable=False,
                  rich_markup_mode=None)


@app.command("check")
def check(
    export: Annotated[Path, typer.Argument(help="The partner's export (csv, tsv, xlsx or parquet).")],
    profile: Annotated[Path, typer.Option("--profile", help="The intake profile (YAML).")],
) -> None:
    """Dry run: how each column maps, how many rows pass, and why the others would be rejected."""
    from routekit.intake import check_export

    checked = check_export(profile, export)
    intake = checked.intake
    read = intake.profile.read
    how = read.format if read.format != "csv" else \
        f"csv, encoding {read.encoding}, delimiter {read.delimiter!r}"
    typer.echo(f"{export} read with {profile} ({how}, header row {read.header_row}) for source "
               f"'{intake.profile.source}'")
    typer.echo("columns:")
    width = max(len(field) for field in intake.profile.fields)
    for field, header in intake.profile.columns.items():
        rule = intake.profile.values.get(field)
        typer.echo(f"  {field.ljust(width)} <- {header!r}" + (f"  [{rule.describe()}]" if rule else ""))
    typer.echo(f"rows: {checked.rows_in} in, {checked.rows_used} pass, {len(checked.rejects)} rejected")
    reasons = checked.reasons()
    if len(reasons):
        typer.echo("rejected (reason: rows, first spreadsheet row):")
        for row in reasons.itertuples(index=False):
            typer.echo(f"  {row.reason}: {row.rows}, first at row {row.first_row}")


@app.command("template")
def template(
    source: Annotated[str, typer.Option("--source", help="Registered source name (see 'routekit sources').")],
) -> None:
    """Print a commented starting profile for SOURCE (it reads routekit's canonical CSV as it is)."""
    from routekit.intake import profile_template

    typer.echo(profile_template(source), nl=False)
