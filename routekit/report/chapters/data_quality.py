"""Chapter 9, data quality: coverage, rejected rows, texts without a route, interview lag."""

from __future__ import annotations

import pandas as pd

from routekit.disclosure.gate import not_counts
from routekit.report.chapters.common import unreleased_months
from routekit.report.context import ReportContext
from routekit.report.tables import NOT_RELEASED


def quality_frame(ctx: ReportContext) -> pd.DataFrame:
    """Per text source and month: records, texts, routes found, share without route, lag."""
    frames = []
    for source in ctx.sources:
        frame = ctx.release_table(source, "quality", apply_focus=False)
        if frame.empty:
            continue
        frame = frame.copy()
        frame["source"] = source
        frames.append(frame)
    if not frames:
        return pd.DataFrame()
    frame = pd.concat(frames, ignore_index=True)
    frame = frame[frame["month"] <= ctx.period.end]
    with_text = pd.to_numeric(frame["with_text"], errors="coerce")
    found = pd.to_numeric(frame["route_found"], errors="coerce")
    frame["share"] = (1 - found / with_text).where(with_text > 0)
    return frame


def quality_table(ctx: ReportContext) -> pd.DataFrame:
    frame = ctx.in_period(quality_frame(ctx))
    if frame.empty:
        return pd.DataFrame()
    rows, marks = [], []
    for source, own in frame.groupby("source"):
        records = pd.to_numeric(own["records"], errors="coerce").sum()
        with_text = pd.to_numeric(own["with_text"], errors="coerce").sum()
        found = pd.to_numeric(own["route_found"], errors="coerce").sum()
        missing = bool(unreleased_months(ctx, source, ctx.period))  # a month delivered nothing: no sums
        marks.append(NOT_RELEASED if missing else "")
        rows.append({
            ctx.t("bron", "source"): ctx.source_title(source),
            "records": None if missing else int(records),
            ctx.t("met tekst", "with text"): None if missing else int(with_text),
            ctx.t("met route", "with route"): None if missing else int(found),
            ctx.t("zonder route %", "without route %"): round(100 * (1 - found / with_text), 1)
            if with_text and not missing else None,
        })
    table = not_counts(pd.DataFrame(rows), ctx.t("zonder route %", "without route %"))
    if any(marks):
        table.attrs["cell_marks"] = {column: marks for column in table.columns[1:]}
    return table


def show_quality(ctx: ReportContext) -> None:
    from routekit.report import charts, embed

    frame = quality_frame(ctx)
    if frame.empty:
        return
    share = frame.dropna(subset=["share"])[["month", "source", "share"]]
    chart, alt_text = charts.missing_route_share(share, ctx.language)
    embed.show_chart(chart, alt_text)
    ctx.show_focus_note()  # beside the figure: a focus its data cannot honour
    lag = frame[frame["source"] == "ind"].rename(columns={
        "lag_days_median": "median", "lag_days_p25": "p25", "lag_days_p75": "p75"})
    lag = lag.dropna(subset=["median"]) if "median" in lag.columns else pd.DataFrame()
    if not lag.empty:
        chart, alt_text = charts.interview_lag(lag[["month", "median", "p25", "p75"]], ctx.language)
        embed.show_chart(chart, alt_text)
        ctx.show_focus_note()  # beside the figure: a focus its data cannot honour


def coverage_table(ctx: ReportContext) -> pd.DataFrame:
    """Per source: months covered, rows in, used and rejected, and the reasons for rejection."""
    rows = []
    for source in ctx.sources:
        manifest = ctx.manifest(source)
        period = manifest.get("period", {})
        reasons = manifest.get("rejected_reasons", {}) or {}
        rows.append({
            ctx.t("bron", "source"): ctx.source_title(source),
            ctx.t("maanden", "months"): f"{period.get('start', '?')} - {period.get('end', '?')}",
            ctx.t("rijen in", "rows in"): manifest.get("rows_in"),
            ctx.t("rijen gebruikt", "rows used"): manifest.get("rows_used"),
            ctx.t("rijen afgewezen", "rows rejected"): manifest.get("rows_rejected"),
            ctx.t("redenen", "reasons"): "; ".join(f"{k}: {v}" for k, v in reasons.items()) or "-",
        })
    # rows of an extract, not persons with an attribute: not subject to the threshold
    return not_counts(pd.DataFrame(rows), ctx.t("rijen in", "rows in"), ctx.t("rijen gebruikt", "rows used"),
                      ctx.t("rijen afgewezen", "rows rejected"))


def extraction_accuracy_table(ctx: ReportContext) -> pd.DataFrame:
    """Per text source: how well the extractor reads its kind of record, and the partner's own review.

    Accuracy comes from the hand-labelled evaluation sets (``routekit/reference/text_confusion.yaml``, written by
    ``benchmarks/text_confusion.py``): exact route and corridor agreement, with the sets and the number of texts.
    The same corridor errors enter the estimates' intervals (``routekit.estimate.misclassification``). The review
    counts are the release manifest's ``text_review`` (records with text, reviewed, corrected; "<K" when small).
    """
    from routekit.estimate.misclassification import text_sources
    from routekit.report.i18n import t

    measured = _measured_accuracy()
    lang = ctx.language
    column = {name: t(f"quality.accuracy.{name}", lang) for name in
              ("source", "sets", "labelled", "exact", "corridor", "extracted", "reviewed", "corrected")}
    rows = []
    for source in text_sources(ctx.sources):
        part = measured.get(source) or {}
        review = ctx.manifest(source).get("text_review") or {}
        sets = part.get("sets") or {}
        rows.append({
            column["source"]: ctx.source_title(source),
            column["sets"]: ", ".join(f"{name} ({n})" for name, n in sets.items()) or "-",
            column["labelled"]: part.get("rows"),
            column["exact"]: _percent(part.get("exact_route")),
            column["corridor"]: _percent(part.get("corridor_agreement")),
            column["extracted"]: review.get("extracted"),
            column["reviewed"]: review.get("reviewed"),
            column["corrected"]: review.get("corrected"),
        })
    # texts in labelled sets and shares are no counts of persons; the review counts are the partner's release
    # figures, already "<K" where small, and pass the gate as counts
    return not_counts(pd.DataFrame(rows, columns=list(column.values())), column["labelled"], column["exact"],
                      column["corridor"])


def show_extraction_accuracy(ctx: ReportContext) -> None:
    """The measured accuracy of the route extraction per source, and how it reaches the estimates."""
    from IPython.display import Markdown, display

    from routekit.report.i18n import t

    table = extraction_accuracy_table(ctx)
    if table.empty:
        return
    display(Markdown(t("quality.accuracy.intro", ctx.language)))
    ctx.show_table(table, "extraction_accuracy", t("quality.accuracy.caption", ctx.language))


def _measured_accuracy() -> dict:
    """Per source, the figures measured on the labelled sets (empty when the reference file is absent)."""
    from importlib import resources

    import yaml

    from routekit.estimate.misclassification import REFERENCE

    path = resources.files("routekit.reference").joinpath(REFERENCE)
    if not path.is_file():
        return {}
    return (yaml.safe_load(path.read_text(encoding="utf-8")) or {}).get("sources") or {}


def _percent(share) -> float | None:
    return round(100 * float(share), 1) if isinstance(share, (int, float)) else None
