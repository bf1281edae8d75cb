"""Chapter 4, entry into the Netherlands: crossings, airports and ports."""

from __future__ import annotations

import pandas as pd

from routekit.disclosure.gate import not_counts
from routekit.report.chapters.common import _change, _placeable, max_over_sources
from routekit.report.context import ReportContext


def entry_point_frame(ctx: ReportContext) -> pd.DataFrame:
    """month, entry_point, count (largest source per cell), up to the end of the period."""
    frame = max_over_sources(ctx, "entry_point", ["month", "entry_point"])
    frame = frame[_placeable(frame["entry_point"]) & (frame["month"] <= ctx.period.end)]
    return frame.sort_values(["entry_point", "month"]).reset_index(drop=True)


def _crossing_type(ctx: ReportContext, kind: str) -> str:
    names = {"land": ctx.t("land", "land"), "air": ctx.t("lucht", "air"), "sea": ctx.t("zee", "sea")}
    return names.get(kind, kind)


def entry_point_table(ctx: ReportContext) -> pd.DataFrame:
    from routekit.reference import entry_points

    frame = entry_point_frame(ctx)
    now = ctx.in_period(frame).groupby("entry_point")["count"].sum()
    before = ctx.in_period(frame, ctx.baseline).groupby("entry_point")["count"].sum()
    points = entry_points()
    rows = []
    for point in now.index.union(before.index):
        rows.append({
            ctx.t("binnenkomstpunt", "entry point"): points.at[point, "name"] if point in points.index else point,
            ctx.t("type", "type"): _crossing_type(ctx, points.at[point, "crossing_type"] if point in points.index else ""),
            "count": int(now.get(point, 0)),
            ctx.t("vergelijking", "baseline"): int(before.get(point, 0)),
            ctx.t("verandering %", "change %"): _change(now.get(point, 0), before.get(point, 0)),
        })
    columns = [ctx.t("binnenkomstpunt", "entry point"), ctx.t("type", "type"), "count",
               ctx.t("vergelijking", "baseline"), ctx.t("verandering %", "change %")]
    # a high threshold can suppress every cell: an empty table, shown as 'no data'
    table = pd.DataFrame(rows, columns=columns).sort_values("count", ascending=False).reset_index(drop=True)
    return not_counts(table, ctx.t("verandering %", "change %"))


def show_entry_points(ctx: ReportContext) -> None:
    from routekit.report import charts, embed, maps

    frame = entry_point_frame(ctx)
    period = ctx.in_period(frame).groupby("entry_point", as_index=False)["count"].sum()
    fmap, alt_text = maps.entry_points_map(period, ctx.language, threshold=ctx.threshold)
    static, _ = maps.entry_points_map_static(period, ctx.language, threshold=ctx.threshold)
    embed.show_map(fmap, alt_text, static_chart=static)
    ctx.show_focus_note()  # beside the figure: a focus its data cannot honour
    chart, chart_alt = charts.entry_point_trends(frame, ctx.language, threshold=ctx.threshold)
    embed.show_chart(chart, chart_alt)
    ctx.show_focus_note()  # beside the figure: a focus its data cannot honour
