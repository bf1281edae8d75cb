"""Chapter 1, summary: key numbers, the corridors this period, ranked findings, the public reading."""

from __future__ import annotations

import pandas as pd

from routekit.disclosure.gate import not_counts, suppress_small
from routekit.reference import corridor_ids
from routekit.report.chapters.common import (
    _change, _corridor_label, cell_mark, estimate_rows, frontex_frame, iom_frame, public_gap,
    public_gap_sentence, unreleased_months,
)
from routekit.report.tables import NOT_RELEASED
from routekit.report.chapters.eu_context import frontex_route_table
from routekit.report.context import ReportContext


def key_numbers_table(ctx: ReportContext) -> pd.DataFrame:
    """Persons per source in the period and in the baseline, with the change.

    A figure that includes a withheld month is marked as a lower bound and gets no change, so
    privacy suppression never reads as a fall.
    """
    rows, marks = [], {"now": [], "before": []}
    for source in ctx.sources:
        if not ctx.has_release_table(source, "totals"):
            continue  # e.g. mobility indicators count flows between countries, not persons here
        monthly = ctx.monthly_persons(source)
        figures = {}
        for key, period in (("now", ctx.period), ("before", ctx.baseline)):
            part = monthly[monthly["month"].isin(period.months)]
            total, partial = int(part["count"].sum()), bool(part["suppressed"].any())
            missing = unreleased_months(ctx, source, period)  # nothing delivered: not a zero
            figures[key] = (None if missing else total, partial or bool(missing))
            marks[key].append(NOT_RELEASED if missing else cell_mark(total, partial))
        (now, now_partial), (before, before_partial) = figures["now"], figures["before"]
        complete = not (now_partial or before_partial)
        change = (now - before) / before * 100 if before and complete else float("nan")
        rows.append({
            ctx.t("bron", "source"): ctx.source_title(source),
            ctx.t("personen (periode)", "persons (period)"): now if now else None,
            ctx.t("personen (vergelijking)", "persons (baseline)"): before if before else None,
            ctx.t("verandering %", "change %"): round(change, 1) if pd.notna(change) else None,
        })
    table = not_counts(pd.DataFrame(rows), ctx.t("verandering %", "change %"))
    if rows:
        table.attrs["cell_marks"] = {ctx.t("personen (periode)", "persons (period)"): marks["now"],
                                     ctx.t("personen (vergelijking)", "persons (baseline)"): marks["before"]}
    return table


def corridor_period_table(ctx: ReportContext) -> pd.DataFrame:
    """Per corridor: observed per source and the triangulated estimate with interval, this period.

    Source columns sum the released months; a sum with a withheld cell is marked as a lower
    bound (or as withheld when nothing of it was published).
    """
    counts = ctx.in_period(ctx.counts_by_source())
    withheld = ctx.in_period(ctx.suppressed_by_source())
    wide = counts.pivot_table(index="corridor", columns="source", values="count", aggfunc="sum")
    partial = withheld.pivot_table(index="corridor", columns="source", values="suppressed", aggfunc="sum")
    estimates = estimate_rows(ctx, ctx.period)
    table = wide.join(estimates.set_index("corridor"), how="outer") if not estimates.empty else wide
    table = table.reset_index()
    table = table[table["corridor"].isin(corridor_ids())]
    order = {c: i for i, c in enumerate(corridor_ids())}
    table = table.sort_values("corridor", key=lambda s: s.map(order)).reset_index(drop=True)
    marks = {}
    for source in ctx.sources:
        if source not in table.columns:
            continue
        flags = table["corridor"].map(partial[source] if source in partial.columns else {}).fillna(0).gt(0)
        totals = table[source].fillna(0)
        missing = bool(unreleased_months(ctx, source, ctx.period))  # a month delivered nothing
        table[source] = table[source].where((totals > 0) & (not missing)).round().astype("Int64")
        marks[ctx.source_label(source)] = [NOT_RELEASED if missing else cell_mark(int(t), bool(f))
                                           for t, f in zip(totals, flags)]
    table["corridor"] = table["corridor"].map(lambda c: _corridor_label(ctx, c))
    renamed = {s: ctx.source_label(s) for s in ctx.sources}
    estimate_columns = [c for c in table.columns if c in (ctx.t("schatting", "estimate"), ctx.t("ondergrens", "lower"),
                                                          ctx.t("bovengrens", "upper"))]
    table = suppress_small(table, estimate_columns, ctx.threshold).rename(columns=renamed)
    table.attrs["cell_marks"] = marks
    return table


def public_reading(ctx: ReportContext, top: int = 3) -> list[str]:
    """A few sentences on what changed in the public series: the largest route changes (Frontex)
    against the baseline and a year earlier, and the dead and missing (IOM)."""
    from routekit.report.i18n import format_number

    sentences = []
    frame = frontex_frame(ctx)
    frontex_gap = public_gap_sentence(ctx, "frontex")
    if frontex_gap and not frame.empty:
        sentences.append(frontex_gap)
    elif not frame.empty:
        now = ctx.in_period(frame).groupby("corridor")["detections"].sum()
        before = ctx.in_period(frame, ctx.baseline).groupby("corridor")["detections"].sum()
        year = ctx.in_period(frame, ctx.period.year_earlier()).groupby("corridor")["detections"].sum()
        total_now, total_year = int(now.sum()), int(year.sum())
        year_gap = public_gap(ctx, "frontex", ctx.period.year_earlier())
        sentences.append(ctx.t(
            "Frontex registreerde in de verslagperiode {n} detecties aan de EU-buitengrenzen ({c} ten opzichte van dezelfde periode een jaar eerder).",
            "Frontex recorded {n} detections at the EU's external borders in the reporting period ({c} on the same period a year earlier).",
        ).format(n=format_number(total_now, ctx.language),
                 c=year_gap or _signed_percent(_change(total_now, total_year), ctx.language)))
        change = (now - before.reindex(now.index).fillna(0)).sort_values(key=abs, ascending=False)
        if public_gap(ctx, "frontex", ctx.baseline) is not None:
            change = change.iloc[:0]  # no change against a baseline Frontex has not published
        for corridor_id in change.index[:top]:
            sentences.append(ctx.t(
                "{route}: {n} detecties, {d} ten opzichte van de vergelijkingsperiode ({p}).",
                "{route}: {n} detections, {d} against the baseline ({p}).",
            ).format(route=_corridor_label(ctx, corridor_id), n=format_number(int(now[corridor_id]), ctx.language),
                     d=("+" if change[corridor_id] >= 0 else "") + format_number(int(change[corridor_id]), ctx.language),
                     p=_signed_percent(_change(now[corridor_id], before.get(corridor_id, 0)), ctx.language)))
    incidents = iom_frame(ctx)
    iom_gap = public_gap_sentence(ctx, "iom")
    if iom_gap and not incidents.empty:
        sentences.append(iom_gap)
    elif not incidents.empty:
        period = ctx.in_period(incidents)
        sentences.append(ctx.t(
            "IOM registreerde in de verslagperiode ten minste {d} doden en {m} vermisten langs de routes naar Europa.",
            "IOM recorded at least {d} dead and {m} missing along the routes towards Europe in the reporting period.",
        ).format(d=format_number(int(period["dead"].sum()), ctx.language),
                 m=format_number(int(period["missing"].sum()), ctx.language)))
    return sentences


def _signed_percent(value: float | None, language: str) -> str:
    if value is None:
        return "n.v.t." if language == "nl" else "n/a"
    text = f"{value:+.0f}%"
    return text


def show_summary(ctx: ReportContext) -> None:
    """The period's findings in a few sentences, then the key numbers."""
    from IPython.display import Markdown, display

    if ctx.public_only:
        display(Markdown("\n".join(f"- {s}" for s in public_reading(ctx))))
        ctx.show_table(frontex_route_table(ctx), "frontex-routes",
                       ctx.public_caption(ctx.t("Detecties per route", "Detections per route"), ["frontex"]),
                       public=True)
        return
    findings = findings_sentences(ctx)
    if findings:
        display(Markdown("\n".join(f"- {s}" for s in findings)))
        ctx.show_focus_note()  # beside the figure: a focus its data cannot honour
    ctx.show_table(key_numbers_table(ctx), "key-numbers",
                   ctx.t("Personen per bron, verslagperiode en vergelijkingsperiode",
                         "Persons per source, reporting period and baseline"))
    ctx.show_table(corridor_period_table(ctx), "corridors-period",
                   ctx.t("Personen per corridor en bron in de verslagperiode, met de geschatte totale omvang (95%-interval)",
                         "Persons per corridor and source in the reporting period, with the estimated total (95% interval)"))


def findings_sentences(ctx: ReportContext, top: int = 6) -> list[str]:
    """Ranked findings of the estimate stage (findings.csv) as sentences in the report's
    language, numbers and periods formatted like the rest of the report."""
    from routekit.report.findings import finding_sentence

    findings = ctx.estimates_table("findings")
    if findings.empty:
        return []
    if "rank" in findings.columns:
        findings = findings.sort_values("rank")
    return [finding_sentence(row, ctx.language) for row in findings.head(top).itertuples(index=False)]
