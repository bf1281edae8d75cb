"""Chapter 2, route map: the legs of the period and the map drawn from them."""

from __future__ import annotations

import pandas as pd

from routekit.reference import country_name
from routekit.report.chapters.common import _corridor_label
from routekit.report.context import ReportContext


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
    ctx.show_focus_note()  # beside the figure: a focus its data cannot honour


def show_corridor_map(ctx: ReportContext) -> None:
    """The corridors at a glance: one arrow per corridor into the Netherlands, width by the
    period's estimate, labelled with the estimate and the change (interactive and for print)."""
    from routekit.report import embed, headline, maps

    head = headline.compute(ctx.estimates_dir, ctx.period, ctx.baseline, ctx.threshold)
    corridors = headline.map_frame(head)
    fmap, alt_text = maps.corridor_map(corridors, ctx.language, threshold=ctx.threshold)
    static, _ = maps.corridor_map_static(corridors, ctx.language, threshold=ctx.threshold)
    embed.show_map(fmap, alt_text, static_chart=static, height_px=480)
