"""Chapter 7, safety and suffering: IOM's dead and missing, smugglers, transport modes."""

from __future__ import annotations

import pandas as pd

from routekit.disclosure.gate import not_counts
from routekit.reference import corridor_ids
from routekit.report.chapters.common import (
    _corridor_label, _gap_or, _placeable, iom_frame, max_over_sources, public_gap,
)
from routekit.report.context import ReportContext


def iom_corridor_table(ctx: ReportContext) -> pd.DataFrame:
    frame = iom_frame(ctx)
    if frame.empty:
        return pd.DataFrame()
    gap_now, gap_before = public_gap(ctx, "iom"), public_gap(ctx, "iom", ctx.baseline)
    rows, order = [], []
    for corridor_id, own in frame.groupby("corridor"):
        now, before = ctx.in_period(own), ctx.in_period(own, ctx.baseline)
        rows.append({
            "corridor": _corridor_label(ctx, corridor_id),
            ctx.t("doden (periode)", "dead (period)"): _gap_or(int(now["dead"].sum()), gap_now),
            ctx.t("vermisten (periode)", "missing (period)"): _gap_or(int(now["missing"].sum()), gap_now),
            ctx.t("doden en vermisten (vergelijking)", "dead and missing (baseline)"):
                _gap_or(int(before["dead"].sum() + before["missing"].sum()), gap_before),
            ctx.t("incidenten (periode)", "incidents (period)"): _gap_or(len(now), gap_now),
        })
        order.append(int(now["dead"].sum()) if gap_now is None else int(before["dead_missing"].sum()))
    table = pd.DataFrame(rows).assign(_order=order).sort_values("_order", ascending=False)
    table = table.drop(columns="_order").reset_index(drop=True)
    if gap_now or gap_before:
        table.attrs["number_columns"] = list(table.columns[1:])
    return table


def show_safety_map(ctx: ReportContext) -> None:
    from routekit.report import charts, embed, maps

    frame = iom_frame(ctx)
    if frame.empty:
        ctx.say("Geen IOM-gegevens voor deze periode.", "No IOM data for this period.")
        return
    period = ctx.in_period(frame).dropna(subset=["lat", "lon"])
    if period.empty:
        period = frame.dropna(subset=["lat", "lon"])
    fmap, alt_text = maps.incidents_map(period, ctx.language)
    static, _ = maps.incidents_map_static(period, ctx.language)
    embed.show_map(fmap, alt_text, static_chart=static)
    ctx.show_focus_note()  # beside the figure: a focus its data cannot honour
    monthly = frame.groupby(["month", "corridor"], as_index=False)[["dead", "missing"]].sum()
    chart, chart_alt = charts.safety(monthly, ctx.language)
    embed.show_chart(chart, chart_alt)
    ctx.show_focus_note()  # beside the figure: a focus its data cannot honour


def smuggler_table(ctx: ReportContext) -> pd.DataFrame:
    """Share of persons who say a smuggler was involved, per corridor, in the period (narratives)."""
    frame = max_over_sources(ctx, "smuggler", ["month", "corridor", "smuggler"])
    frame = ctx.in_period(frame)
    frame = frame[frame["corridor"].isin(corridor_ids()) & frame["smuggler"].isin(["yes", "no"])]
    if frame.empty:
        return pd.DataFrame()
    wide = frame.pivot_table(index="corridor", columns="smuggler", values="count", aggfunc="sum").fillna(0)
    for column in ("yes", "no"):
        if column not in wide.columns:
            wide[column] = 0
    wide = wide[(wide["yes"] + wide["no"]) > 0]
    return not_counts(pd.DataFrame({
        "corridor": [_corridor_label(ctx, c) for c in wide.index],
        ctx.t("met smokkelaar", "with smuggler"): wide["yes"].astype(int).values,
        ctx.t("zonder smokkelaar", "without smuggler"): wide["no"].astype(int).values,
        ctx.t("aandeel met smokkelaar %", "share with smuggler %"):
            (100 * wide["yes"] / (wide["yes"] + wide["no"])).round(0).values,
    }), ctx.t("aandeel met smokkelaar %", "share with smuggler %"))


def mode_table(ctx: ReportContext) -> pd.DataFrame:
    """Transport modes per corridor in the period (legs travelled, largest source)."""
    frame = ctx.in_period(max_over_sources(ctx, "mode", ["month", "corridor", "mode"]))
    frame = frame[frame["corridor"].isin(corridor_ids()) & _placeable(frame["mode"])]
    if frame.empty:
        return pd.DataFrame()
    wide = frame.pivot_table(index="corridor", columns="mode", values="count", aggfunc="sum").fillna(0).astype(int)
    wide.index = [_corridor_label(ctx, c) for c in wide.index]
    return wide.reset_index(names="corridor")
