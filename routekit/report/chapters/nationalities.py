"""Chapter 5, nationalities per corridor and over time."""

from __future__ import annotations

import pandas as pd

from routekit.disclosure.gate import not_counts
from routekit.reference import country_name
from routekit.report.chapters.common import _change, _placeable, max_over_sources
from routekit.report.context import ReportContext


def nationality_frame(ctx: ReportContext) -> pd.DataFrame:
    """month, corridor, nationality, count (largest source per cell), up to the period's end."""
    frame = max_over_sources(ctx, "nationality", ["month", "corridor", "nationality"])
    return frame[frame["month"] <= ctx.period.end].reset_index(drop=True)


def nationality_table(ctx: ReportContext, top: int = 15) -> pd.DataFrame:
    frame = nationality_frame(ctx)
    frame = frame[_placeable(frame["nationality"])]
    now = ctx.in_period(frame).groupby("nationality")["count"].sum()
    before = ctx.in_period(frame, ctx.baseline).groupby("nationality")["count"].sum()
    rows = [{
        ctx.t("nationaliteit", "nationality"): country_name(code, ctx.language),
        "count": int(now.get(code, 0)),
        ctx.t("vergelijking", "baseline"): int(before.get(code, 0)),
        ctx.t("verandering %", "change %"): _change(now.get(code, 0), before.get(code, 0)),
    } for code in now.sort_values(ascending=False).index[:top]]
    return not_counts(pd.DataFrame(rows), ctx.t("verandering %", "change %"))


def show_nationalities(ctx: ReportContext) -> None:
    from routekit.report import charts, embed

    frame = nationality_frame(ctx)
    chart, alt_text = charts.nationality_by_corridor(ctx.in_period(frame), ctx.language,
                                                     threshold=ctx.threshold)
    embed.show_chart(chart, alt_text)
    ctx.show_focus_note()  # beside the figure: a focus its data cannot honour
    monthly = frame.groupby(["month", "nationality"], as_index=False)["count"].sum()
    chart, alt_text = charts.nationality_over_time(monthly, ctx.language, threshold=ctx.threshold)
    embed.show_chart(chart, alt_text)
    ctx.show_focus_note()  # beside the figure: a focus its data cannot honour
