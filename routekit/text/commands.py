"""CLI commands of the text stage: ``routekit extract`` and ``routekit evaluate-extraction``.

Imports of pandas and the extractor happen inside the functions, so ``routekit --help`` stays fast.
"""

from __future__ import annotations

from pathlib import Path

import typer


def extract(
    input: Path = typer.Argument(..., help="CSV with an id column and a free-text column."),
    id_column: str = typer.Option("id", "--id-column", help="Column that identifies a row."),
    text_column: str = typer.Option("text", "--text-column", help="Column with the route narrative."),
    out: Path = typer.Option(..., "--out", help="Output CSV: one row per input row, in input order."),
) -> None:
    """Structure free-text route narratives into ordered route legs (no text is written out)."""
    from routekit.errors import InputError
    from routekit.text.frame import extract_frame
    from routekit.text.tables import read_table

    frame = read_table(input, [id_column, text_column])
    result = extract_frame(frame, id_column, text_column)
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        result.to_csv(out, index=False)
    except OSError as error:
        raise InputError(out, f"cannot be written ({error.strerror})") from None
    with_route = int((result["route"] != "").sum())
    typer.echo(f"{len(result)} rows -> {out} ({with_route} with a route, {len(result) - with_route} without)")


def evaluate_extraction(
    gold: list[Path] = typer.Argument(..., help="Gold CSV(s) with columns id, text, route (optional modes, smuggler); "
                                                "several files are pooled, and reported one line each."),
    id_column: str = typer.Option("id", "--id-column"),
    text_column: str = typer.Option("text", "--text-column"),
    route_column: str = typer.Option("route", "--route-column"),
    modes_column: str = typer.Option("modes", "--modes-column"),
    smuggler_column: str = typer.Option("smuggler", "--smuggler-column"),
    worst: int = typer.Option(10, "--worst", help="How many of the worst rows to list (0 for a set kept unseen)."),
    rows_out: Path = typer.Option(None, "--rows-out", help="Optional CSV with the per-row comparison."),
) -> None:
    """Score the extractor against gold sets: exact routes, country P/R/F1, order, calibration, worst rows."""
    import pandas as pd
    from rich.console import Console
    from rich.table import Table

    from routekit.text.evaluation import (CALIBRATION_TOLERANCE, INTERVAL_LEVEL, MISCALIBRATED_OUTSIDE, by_file,
                                          by_genre, chance_outside, evaluate, largest_gap, outside_interval,
                                          reliability)
    from routekit.text.tables import read_table

    frames = [read_table(path, [id_column, text_column, route_column]) for path in gold]
    if len(frames) > 1:   # evaluation sets number their rows alike: a row is known by its file and id
        frames = [frame.assign(**{id_column: path.stem + ":" + frame[id_column].astype(str)})
                  for path, frame in zip(gold, frames)]
    frame = pd.concat(frames, ignore_index=True)
    evaluation = evaluate(frame, id_column, text_column, route_column, modes_column, smuggler_column)
    evaluation.rows["file"] = [path.stem for path, part in zip(gold, frames) for _ in range(len(part))]
    console = Console()
    metrics = evaluation.metrics
    console.print(f"gold rows: {int(metrics['rows'])}" + (f" in {len(gold)} files" if len(gold) > 1 else ""))
    for key in ("exact_route", "country_precision", "country_recall", "country_f1", "order_accuracy",
                "corridor_agreement", "mode_accuracy", "smuggler_accuracy"):
        if key in metrics:
            console.print(f"{key:<18} {metrics[key]:.3f}")
    if len(evaluation.rows):
        level = f"{INTERVAL_LEVEL:.0%}"
        table = reliability(evaluation.rows).rename(columns={"low": f"{level} low", "high": f"{level} high"})
        table["inside"] = table["inside"].map({True: "yes", False: "no"})
        _print_frame(console, table, f"reliability (fifths by confidence; {level} Wilson interval of the exact rate)",
                     "part")
        gap = largest_gap(evaluation.rows)
        console.print(f"largest |gap| of a fifth: {gap:.2f} "
                      f"({'within' if gap <= CALIBRATION_TOLERANCE else 'above'} {CALIBRATION_TOLERANCE:.2f})")
        outside, rare = outside_interval(evaluation.rows), MISCALIBRATED_OUTSIDE
        console.print(f"mean confidence outside the {level} interval of its exact rate: {outside} of {len(table)} "
                      f"fifths ({'miscalibrated' if outside >= rare else 'consistent with chance'}: a calibrated "
                      f"confidence leaves 1 or more outside {chance_outside(len(table)):.0%} of the time, {rare} or "
                      f"more {chance_outside(len(table), at_least=rare):.0%})")
        if len(gold) > 1:
            per_file = by_file(evaluation.rows).rename(   # short enough for 80 columns
                index=lambda name: name.removeprefix("extraction_"),
                columns={"confidence": "conf", "largest_gap": "max|gap|", "fifths_outside": "outside"})
            _print_frame(console, per_file, f"per file (outside: fifths outside their {level} interval)", "file")
        _print_frame(console, by_genre(evaluation.rows), "per genre", "genre")
    worst_rows = evaluation.worst(worst)
    if worst > 0 and len(worst_rows):
        table = Table(title=f"worst {len(worst_rows)} rows")
        for column in ("id", "gold_route", "route", "order", "reason"):
            table.add_column(column, no_wrap=column == "id")
        for _, row in worst_rows.iterrows():
            table.add_row(str(row["id"]), row["gold_route"], row["route"], f"{row['order']:.2f}", row["reason"])
        console.print(table)
    if rows_out is not None:
        evaluation.rows.to_csv(rows_out, index=False)


def _print_frame(console, frame, title: str, index_name: str) -> None:
    """A small metrics frame as a rich table (floats with 2 decimals)."""
    from rich.table import Table

    table = Table(title=title)
    table.add_column(index_name, no_wrap=True)
    for column in frame.columns:
        table.add_column(str(column), justify="right")
    for label, row in frame.astype(object).iterrows():
        table.add_row(str(label), *(f"{v:.2f}" if isinstance(v, float) else str(v) for v in row.tolist()))
    console.print(table)


review_app = typer.Typer(help="Analyst review of uncertain extractions: export a sheet, import the corrections.",
                         add_completion=False, pretty_exceptions_enable=False, no_args_is_help=True)


@review_app.command("export")
def review_export(
    input: Path = typer.Option(..., "--input", help="The partner extract (CSV) with an id and a text column."),
    out: Path = typer.Option(..., "--out", help="The review sheet to write (.xlsx)."),
    below: float = typer.Option(0.7, "--below", help="Export records whose confidence is below this."),
    id_column: str = typer.Option(None, "--id-column", help="Default: record_id or id."),
    text_column: str = typer.Option(None, "--text-column",
                                    help="Default: narrative, report_text, route_statement or text."),
) -> None:
    """Write the uncertain records (text, proposed route, reasons) to a sheet for an analyst."""
    from routekit.text.review import export_review

    written = export_review(input, out, below, id_column, text_column)
    typer.echo(f"{written} records with confidence below {below} -> {out}")


@review_app.command("import")
def review_import(
    sheet: Path = typer.Option(..., "--input", help="The review sheet filled in by the analyst (.xlsx)."),
    out: Path = typer.Option(..., "--out", help="The corrections CSV to write (a gold set for evaluate-extraction)."),
) -> None:
    """Check the analyst's sheet and write the corrections that 'routekit release --corrections' uses."""
    from routekit.text.review import import_review

    corrections = import_review(sheet, out)
    typer.echo(f"{len(corrections)} reviewed, {int(corrections['corrected'].sum())} corrected -> {out}")
