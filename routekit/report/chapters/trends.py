"""Chapter 3, corridor trends: monthly counts per source with the triangulated estimate."""

from __future__ import annotations

import pandas as pd

from routekit.disclosure.gate import suppress_small
from routekit.report.chapters.common import _corridor_label
from routekit.report.context import ReportContext


def corridor_trend_frame(ctx: ReportContext) -> pd.DataFrame:
    """month, corridor, source, count for every month with data, plus estimates when present."""
    counts = ctx.counts_by_source()
    counts = counts[counts["month"] <= ctx.period.end]
    estimates = ctx.estimates
    if not estimates.empty and "period" in estimates.columns:
        monthly = estimates[estimates["period"].str.fullmatch(r"\d{4}-\d{2}")]
        monthly = monthly[monthly["period"] <= ctx.period.end]
        if not monthly.empty and "estimate" in monthly.columns:
            est = monthly.rename(columns={"period": "month", "estimate": "count"})
            est = est[["month", "corridor", "count", "lower", "upper"]].dropna(subset=["count"])
            est["source"] = "estimate"
            counts = pd.concat([counts, est], ignore_index=True)
    return counts.sort_values(["corridor", "source", "month"]).reset_index(drop=True)


def show_corridor_trends(ctx: ReportContext) -> None:
    """Monthly persons per corridor per source, with the triangulated estimate and interval."""
    from routekit.report import charts, embed

    frame = corridor_trend_frame(ctx).copy()
    frame.loc[frame["source"] == "estimate", "estimate"] = frame.loc[frame["source"] == "estimate", "count"]
    frame.loc[frame["source"] == "estimate", "count"] = pd.NA
    frame["source"] = frame["source"].replace({"estimate": charts.TRIANGULATED})
    frame = suppress_small(frame, ["count", "estimate", "lower", "upper"], ctx.threshold)
    chart, alt_text = charts.corridor_trends(frame, ctx.language, threshold=ctx.threshold)
    embed.show_chart(chart, alt_text)
    ctx.show_focus_note()  # beside the figure: a focus its data cannot honour


def corridor_trend_table(ctx: ReportContext) -> pd.DataFrame:
    """The trend data as shown on the page: localised corridor and source names."""
    frame = corridor_trend_frame(ctx)
    names = {s: ctx.source_title(s) for s in ctx.sources}
    names["estimate"] = ctx.t("getrianguleerde schatting", "triangulated estimate")
    return pd.DataFrame({
        ctx.t("maand", "month"): frame["month"],
        "corridor": frame["corridor"].map(lambda c: _corridor_label(ctx, c)),
        ctx.t("bron", "source"): frame["source"].map(lambda s: names.get(s, s)),
        "count": frame["count"].round(0),
        ctx.t("ondergrens", "lower"): frame.get("lower"),
        ctx.t("bovengrens", "upper"): frame.get("upper"),
    }).pipe(suppress_small, ["count", ctx.t("ondergrens", "lower"), ctx.t("bovengrens", "upper")], ctx.threshold)
