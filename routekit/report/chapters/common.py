"""Helpers shared by several chapters: labels, estimate rows, publication gaps, public frames."""

from __future__ import annotations

import pandas as pd

from routekit.reference import corridor_ids, corridor_name
from routekit.report.context import ReportContext


def _corridor_label(ctx: ReportContext, corridor_id: str) -> str:
    return corridor_name(corridor_id, ctx.language)


def cell_mark(total: int, partial: bool) -> str:
    """How complete a sum of released cells is: '' complete, 'lower_bound', or 'suppressed'."""
    if not partial:
        return ""
    return "lower_bound" if total > 0 else "suppressed"


def estimate_rows(ctx: ReportContext, period) -> pd.DataFrame:
    """Estimates for a period, per corridor (the estimate stage's period rows when present)."""
    frame = ctx.estimates
    if frame.empty:
        return pd.DataFrame()
    label_rows = period_estimates(ctx, period)
    if label_rows.empty:
        return pd.DataFrame()
    keep = [c for c in ("corridor", "estimate", "lower", "upper", "grade") if c in label_rows.columns]
    out = label_rows[keep].copy()
    for column in ("estimate", "lower", "upper"):
        if column in out.columns:
            out[column] = out[column].round(0)
    out["grade"] = out["grade"].map(lambda g: grade_label(ctx, g))
    return out.rename(columns={
        "estimate": ctx.t("schatting", "estimate"), "lower": ctx.t("ondergrens", "lower"),
        "upper": ctx.t("bovengrens", "upper"), "grade": ctx.t("beoordeling", "grade")})


def period_estimates(ctx: ReportContext, period) -> pd.DataFrame:
    """The estimate stage's rows for a whole period (labelled '2025-Q2' or '2025-04/2025-06')."""
    frame = ctx.estimates
    if frame.empty or "period" not in frame.columns:
        return pd.DataFrame()
    keys = {period.label, f"{period.start}/{period.end}"}
    rows = frame[frame["period"].isin(keys) & frame["corridor"].isin(corridor_ids())]
    return rows.reset_index(drop=True)


def grade_label(ctx: ReportContext, grade) -> str:
    from routekit.estimate.grades import GRADE_LABELS

    return GRADE_LABELS[ctx.language].get(grade, grade) if isinstance(grade, str) else ""


def _placeable(values: pd.Series) -> pd.Series:
    """True where a label is a real code, not a generalised group ('region:...', 'generalised:...')."""
    return ~values.astype(str).str.contains(":")


def max_over_sources(ctx: ReportContext, table: str, keys: list[str]) -> pd.DataFrame:
    """Per key, the largest published count over the included sources.

    Counts of different sources are never added (one person can be in several); the largest is a
    lower bound of the persons behind the cell.
    """
    frames = []
    for source in ctx.sources:
        frame = ctx.release_table(source, table)
        if frame.empty or not set(keys) <= set(frame.columns):
            continue
        frames.append(frame.groupby(keys, as_index=False)["count"].sum())
    if not frames:
        return pd.DataFrame(columns=[*keys, "count"])
    return pd.concat(frames).groupby(keys, as_index=False)["count"].max()


def released_months(ctx: ReportContext, source: str) -> set[str]:
    """Months for which partner ``source`` delivered anything: a row (published or withheld) in
    its totals or its monthly quality table. A month outside this set was not released, which
    is not a zero: tables say so ('niet geleverd') and give no change against it."""
    bundle = ctx.release(source)
    if bundle is None:
        return set()
    months: set[str] = set()
    for table in ("totals", "quality"):
        if bundle.has_table(table):
            frame = bundle.table(table)
            if "month" in frame.columns:
                months.update(frame["month"].dropna().astype(str))
    return months


def unreleased_months(ctx: ReportContext, source: str, period) -> list[str]:
    """The months of ``period`` for which ``source`` released nothing."""
    delivered = released_months(ctx, source)
    return [m for m in period.months if m not in delivered]


def _change(now: float, before: float) -> float | None:
    return round((now - before) / before * 100, 1) if before else None


def public_gap(ctx: ReportContext, name: str, period=None, by_nationality: bool = False) -> str | None:
    """None when source ``name`` publishes every month of ``period`` (default: the reporting
    period), else the words a cell shows instead of a number: 'nog niet gepubliceerd (gegevens
    t/m april 2025)'. A month the source has not published is never a 0. ``by_nationality``:
    months for which the newest file gives route totals only count as not published."""
    from routekit.report.i18n import format_month, t

    result = ctx.public(name)
    if result is None or result.last_month is None:
        return None
    months = list((period or ctx.period).months)
    first, last = result.first_month, result.last_month
    if months[-1] > last:
        return t("gap.not_yet", ctx.language, last=format_month(last, ctx.language))
    if months[0] < first:
        return t("gap.before", ctx.language, first=format_month(first, ctx.language))
    if by_nationality and name == "frontex":
        totals_only = result.data.loc[result.data["nationality"] == "", "period"]
        if totals_only.isin(months).any():
            detailed = result.data.loc[result.data["nationality"] != "", "period"]
            up_to = detailed.max() if len(detailed) else first
            return t("gap.not_yet", ctx.language, last=format_month(up_to, ctx.language))
    return None


def public_gap_sentence(ctx: ReportContext, name: str, period=None) -> str | None:
    """The sentence under a chart or table when ``period`` is past a source's last month."""
    from routekit.report.i18n import format_month, format_period, t

    result = ctx.public(name)
    period = period or ctx.period
    if result is None or public_gap(ctx, name, period) is None:
        return None
    source = {"frontex": "Frontex", "eurostat": "Eurostat", "iom": "IOM"}[name]
    return t("gap.sentence", ctx.language, source=source,
             period=format_period(period.start, period.end, ctx.language),
             last=format_month(result.last_month, ctx.language))


def _gap_or(value, gap: str | None):
    return gap if gap is not None else value


def _series_name(ctx: ReportContext, source: str) -> str:
    """A partner source, the triangulated estimate, or a public series labelled as published."""
    from routekit.sources import registered_sources

    if source in ctx.sources:
        return ctx.source_label(source)
    if source == "estimate":
        return ctx.t("getrianguleerde schatting", "triangulated estimate")
    info = {s.name: s for s in registered_sources()}.get(source)
    if info is None:
        return source
    if info.kind == "public_statistics":
        return ctx.t(f"{info.title('nl')}, gepubliceerd door {info.partner}",
                     f"{info.title('en')}, published by {info.partner}")
    return ctx.source_title(source)


def frontex_frame(ctx: ReportContext) -> pd.DataFrame:
    result = ctx.public("frontex")
    if result is None:
        return pd.DataFrame()
    frame = result.data.rename(columns={"period": "month"})
    return ctx.apply_focus(frame[frame["month"] <= ctx.period.end])


def iom_frame(ctx: ReportContext) -> pd.DataFrame:
    """IOM incidents with a month column, restricted to the 24 months up to the period's end."""
    result = ctx.public("iom")
    if result is None:
        return pd.DataFrame()
    frame = result.data.copy()
    frame["month"] = frame["date"].astype(str).str[:7]
    start = str(pd.Period(ctx.period.end, freq="M") - 23)
    return ctx.apply_focus(frame[(frame["month"] >= start) & (frame["month"] <= ctx.period.end)])
