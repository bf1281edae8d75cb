"""What each chapter shows, computed from the report context: one function per figure or table.

Notebooks call these and nothing else, so every number on a page is computed (and tested) here.
Functions named ``*_table`` return DataFrames; ``show_*`` display them on the page.
"""

from __future__ import annotations

import pandas as pd

from routekit.reference import corridor, corridor_ids, country_name
from routekit.report.context import ReportContext


def _corridor_label(ctx: ReportContext, corridor_id: str) -> str:
    try:
        return corridor(corridor_id).name(ctx.language)
    except KeyError:
        return corridor_id


def key_numbers_table(ctx: ReportContext) -> pd.DataFrame:
    """Persons per source in the period and in the baseline, with the change."""
    rows = []
    counts = ctx.counts_by_source()
    for source in ctx.sources:
        own = counts[counts["source"] == source]
        now = int(own[own["month"].isin(ctx.period.months)]["count"].sum())
        before = int(own[own["month"].isin(ctx.baseline.months)]["count"].sum())
        change = (now - before) / before * 100 if before else float("nan")
        rows.append({
            ctx.t("bron", "source"): ctx.source_title(source),
            ctx.t("personen (periode)", "persons (period)"): now,
            ctx.t("personen (vergelijking)", "persons (baseline)"): before,
            ctx.t("verandering %", "change %"): round(change, 1) if pd.notna(change) else None,
        })
    return pd.DataFrame(rows)


def corridor_period_table(ctx: ReportContext) -> pd.DataFrame:
    """Per corridor: observed per source and the triangulated estimate with interval, this period."""
    counts = ctx.in_period(ctx.counts_by_source())
    wide = counts.pivot_table(index="corridor", columns="source", values="count", aggfunc="sum")
    estimates = estimate_rows(ctx, ctx.period)
    table = wide.join(estimates.set_index("corridor"), how="outer") if not estimates.empty else wide
    table = table.reset_index()
    table = table[table["corridor"].isin(corridor_ids())]
    order = {c: i for i, c in enumerate(corridor_ids())}
    table = table.sort_values("corridor", key=lambda s: s.map(order))
    table["corridor"] = table["corridor"].map(lambda c: _corridor_label(ctx, c))
    renamed = {s: ctx.source_title(s) for s in ctx.sources}
    return table.rename(columns=renamed)


def estimate_rows(ctx: ReportContext, period) -> pd.DataFrame:
    """Estimates for a period, per corridor (the estimate stage's period rows when present)."""
    frame = ctx.estimates
    if frame.empty:
        return pd.DataFrame()
    label_rows = frame[frame["period"] == period.label]
    if label_rows.empty:
        return pd.DataFrame()
    keep = [c for c in ("corridor", "estimate", "lower", "upper", "grade") if c in label_rows.columns]
    out = label_rows[keep].copy()
    return out.rename(columns={
        "estimate": ctx.t("schatting", "estimate"), "lower": ctx.t("ondergrens", "lower"),
        "upper": ctx.t("bovengrens", "upper"), "grade": ctx.t("beoordeling", "grade")})


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


def legs_frame(ctx: ReportContext) -> pd.DataFrame:
    """Route legs (from -> to) per corridor in the period, summed over the included sources.

    Sources are not added up (a person may be in several): per leg the largest source count is
    taken as the lower bound of persons who travelled it.
    """
    frames = []
    for source in ctx.sources:
        legs = ctx.in_period(ctx.release_table(source, "legs"))
        if legs.empty:
            continue
        grouped = legs.groupby(["corridor", "from_country", "to_country"], as_index=False)["count"].sum()
        grouped["source"] = source
        frames.append(grouped)
    if not frames:
        return pd.DataFrame(columns=["corridor", "from_country", "to_country", "count"])
    legs = pd.concat(frames, ignore_index=True)
    return (legs.groupby(["corridor", "from_country", "to_country"], as_index=False)["count"].max()
            .sort_values("count", ascending=False).reset_index(drop=True))


def legs_table(ctx: ReportContext) -> pd.DataFrame:
    legs = legs_frame(ctx)
    return pd.DataFrame({
        "corridor": legs["corridor"].map(lambda c: _corridor_label(ctx, c)),
        ctx.t("van", "from"): legs["from_country"].map(lambda c: country_name(c, ctx.language)),
        ctx.t("naar", "to"): legs["to_country"].map(lambda c: country_name(c, ctx.language)),
        "count": legs["count"],
    })


def sources_table(ctx: ReportContext) -> pd.DataFrame:
    """Each source with its purpose, legal basis and what its release says about disclosure control."""
    from routekit.sources import get_source

    rows = []
    for source in ctx.sources:
        info = get_source(source)
        manifest = ctx.manifest(source)
        tables = manifest.get("tables", {})
        rows.append({
            ctx.t("bron", "source"): info.title(ctx.language),
            ctx.t("partner", "partner"): info.partner,
            ctx.t("doel", "purpose"): info.purpose,
            ctx.t("grondslag", "legal basis"): info.legal_basis,
            ctx.t("drempel", "threshold"): manifest.get("threshold"),
            ctx.t("rijen in", "rows in"): manifest.get("rows_in"),
            ctx.t("rijen afgewezen", "rows rejected"): manifest.get("rows_rejected"),
            ctx.t("cellen gegeneraliseerd", "cells generalised"):
                sum(t.get("cells_generalised", 0) for t in tables.values()),
            ctx.t("cellen onderdrukt", "cells suppressed"):
                sum(t.get("cells_suppressed_primary", 0) + t.get("cells_suppressed_secondary", 0)
                    for t in tables.values()),
            ctx.t("invoer (sha256)", "input (sha256)"): str(manifest.get("input_sha256", ""))[:16],
        })
    return pd.DataFrame(rows)


def parameters_table(ctx: ReportContext) -> pd.DataFrame:
    """The parameters this report was made with, as key/value rows."""
    import routekit

    params = dict(ctx.params)
    focus = params.pop("focus", {})
    rows = [{"key": k, "value": str(v)} for k, v in params.items()]
    rows += [{"key": f"focus.{k}", "value": ", ".join(v) or "-"} for k, v in focus.items()]
    rows.append({"key": "period (resolved)", "value": f"{ctx.period.start} - {ctx.period.end}"})
    rows.append({"key": "baseline (resolved)", "value": f"{ctx.baseline.start} - {ctx.baseline.end}"})
    rows.append({"key": "routekit version", "value": routekit.__version__})
    return pd.DataFrame(rows).rename(columns={"key": ctx.t("parameter", "parameter"),
                                              "value": ctx.t("waarde", "value")})


def show_corridor_trends(ctx: ReportContext) -> None:
    """Monthly persons per corridor per source, with the triangulated estimate and interval."""
    from routekit.report import charts, embed

    frame = corridor_trend_frame(ctx).copy()
    frame.loc[frame["source"] == "estimate", "estimate"] = frame.loc[frame["source"] == "estimate", "count"]
    frame.loc[frame["source"] == "estimate", "count"] = pd.NA
    frame["source"] = frame["source"].replace({"estimate": charts.TRIANGULATED})
    chart, alt_text = charts.corridor_trends(frame, ctx.language, threshold=ctx.threshold)
    embed.show_chart(chart, alt_text)


def route_map_legs(ctx: ReportContext) -> pd.DataFrame:
    """Legs drawn on the route map: generalised (region) labels cannot be placed and are left out."""
    legs = legs_frame(ctx)
    placeable = ~legs["from_country"].str.contains(":") & ~legs["to_country"].str.contains(":")
    return legs[placeable]


def show_route_map(ctx: ReportContext) -> None:
    """Interactive route map (one layer per corridor) with its static twin for print."""
    from routekit.report import embed, maps

    legs = route_map_legs(ctx)
    fmap, alt_text = maps.route_map(legs, ctx.language, threshold=ctx.threshold)
    static, _ = maps.route_map_static(legs, ctx.language, threshold=ctx.threshold)
    embed.show_map(fmap, alt_text, static_chart=static)
