"""Chapter 8, European context: Frontex detections and Eurostat asylum applicants."""

from __future__ import annotations

import pandas as pd

from routekit.reference import country_name
from routekit.report.chapters.common import (
    _change, _corridor_label, _gap_or, frontex_frame, public_gap, public_gap_sentence,
)
from routekit.report.context import ReportContext


def frontex_route_table(ctx: ReportContext) -> pd.DataFrame:
    """Detections per Frontex route: period, baseline, change, same period a year earlier."""
    frame = frontex_frame(ctx)
    if frame.empty:
        return pd.DataFrame()
    by_nationality = bool(ctx.params["focus"].get("nationalities"))
    periods = {"now": ctx.period, "before": ctx.baseline, "year": ctx.period.year_earlier()}
    gaps = {key: public_gap(ctx, "frontex", period, by_nationality) for key, period in periods.items()}
    rows, order = [], []
    for corridor_id, own in frame.groupby("corridor"):
        sums = {key: int(ctx.in_period(own, period)["detections"].sum()) for key, period in periods.items()}
        shown = {key: _gap_or(sums[key], gaps[key]) for key in periods}
        change = lambda key: _gap_or(_gap_or(_change(sums["now"], sums[key]), gaps[key]), gaps["now"])  # noqa: E731
        rows.append({"corridor": _corridor_label(ctx, corridor_id),
                     ctx.t("detecties (periode)", "detections (period)"): shown["now"],
                     ctx.t("vergelijking", "baseline"): shown["before"],
                     ctx.t("verandering %", "change %"): change("before"),
                     ctx.t("jaar eerder", "a year earlier"): shown["year"],
                     ctx.t("verandering t.o.v. jaar eerder %", "change on a year earlier %"): change("year")})
        order.append(next((sums[k] for k in ("now", "before", "year") if gaps[k] is None), 0))
    table = pd.DataFrame(rows).assign(_order=order).sort_values("_order", ascending=False)
    table = table.drop(columns="_order").reset_index(drop=True)
    if any(gaps.values()):  # words in a number column: still laid out as numbers
        table.attrs["number_columns"] = list(table.columns[1:])
    return table


def frontex_nationality_table(ctx: ReportContext, top: int = 12) -> pd.DataFrame:
    gap = public_gap(ctx, "frontex", by_nationality=True)
    if gap is not None and ctx.public("frontex") is not None:
        return pd.DataFrame({ctx.t("nationaliteit", "nationality"): [gap], "corridor": [""],
                             ctx.t("detecties", "detections"): [gap]})
    frame = ctx.in_period(frontex_frame(ctx))
    if frame.empty:
        return pd.DataFrame()
    grouped = frame.groupby(["nationality", "corridor"], as_index=False)["detections"].sum()
    grouped = grouped.sort_values("detections", ascending=False).head(top)
    return pd.DataFrame({
        ctx.t("nationaliteit", "nationality"): grouped["nationality"].map(lambda c: country_name(c, ctx.language)),
        "corridor": grouped["corridor"].map(lambda c: _corridor_label(ctx, c)),
        ctx.t("detecties", "detections"): grouped["detections"].astype(int).values,
    })


def show_frontex_trends(ctx: ReportContext) -> None:
    from routekit.report import charts, embed

    frame = frontex_frame(ctx)
    if frame.empty:
        return
    start = str(pd.Period(ctx.period.end, freq="M") - 35)
    monthly = frame[frame["month"] >= start].groupby(["month", "corridor"], as_index=False)["detections"].sum()
    monthly = monthly.rename(columns={"detections": "count"})
    monthly["source"] = "frontex"
    chart, alt_text = charts.corridor_trends(monthly, ctx.language, threshold=None)
    embed.show_chart(chart, alt_text)
    sentence = public_gap_sentence(ctx, "frontex")
    if sentence:  # the lines end where Frontex's data end; say why instead of drawing a fall to 0
        ctx.say(sentence, sentence)
    ctx.show_focus_note()  # beside the figure: a focus its data cannot honour


def eurostat_nl_table(ctx: ReportContext, top: int = 10) -> pd.DataFrame:
    """First-time asylum applicants in the Netherlands by nationality over the years (top N)."""
    result = ctx.public("eurostat")
    if result is None:
        return pd.DataFrame()
    frame = result.data
    frame = frame[(frame["geo"] == "NLD") & (frame["freq"].astype(str).str.upper().str.startswith("A"))]
    frame = frame[frame["period"].astype(str) <= ctx.period.end[:4]]
    if ctx.params["focus"].get("nationalities"):
        frame = frame[frame["nationality"].isin(ctx.params["focus"]["nationalities"])]
    yearly = frame.groupby(["period", "nationality"], as_index=False)["applicants"].sum()
    years = sorted(yearly["period"].unique())[-5:]
    yearly = yearly[yearly["period"].isin(years)]
    latest = yearly[yearly["period"] == years[-1]].sort_values("applicants", ascending=False)
    keep = list(latest["nationality"].head(top))
    wide = yearly[yearly["nationality"].isin(keep)].pivot_table(
        index="nationality", columns="period", values="applicants", aggfunc="sum").fillna(0).astype(int)
    wide = wide.loc[keep]
    wide.index = [country_name(c, ctx.language) for c in wide.index]
    totals = yearly.groupby("period")["applicants"].sum().reindex(wide.columns).fillna(0).astype(int)
    wide.loc[ctx.t("Totaal (alle nationaliteiten)", "Total (all nationalities)")] = totals.values
    wide.columns = [str(c) for c in wide.columns]
    return wide.reset_index(names=ctx.t("nationaliteit", "nationality"))


def frontex_revisions_table(ctx: ReportContext) -> pd.DataFrame:
    """Figures Frontex revised between the files read (the newer file wins)."""
    result = ctx.public("frontex")
    if result is None or result.revisions is None or result.revisions.empty:
        return pd.DataFrame()
    revisions = result.revisions
    return pd.DataFrame({
        ctx.t("maand", "month"): revisions["period"],
        "route": revisions["route"],
        ctx.t("nationaliteit", "nationality"): revisions["nationality"],
        ctx.t("oud", "old"): revisions["old"],
        ctx.t("nieuw", "new"): revisions["new"],
        ctx.t("oud bestand", "old file"): revisions["old_file"],
        ctx.t("nieuw bestand", "new file"): revisions["new_file"],
    })


def show_frontex_revisions(ctx: ReportContext) -> None:
    """List Frontex's revisions of earlier months, or say there were none."""
    table = frontex_revisions_table(ctx)
    if table.empty:
        ctx.say("Frontex heeft in de gelezen bestanden geen eerder gepubliceerde maanden herzien.",
                "Frontex revised no earlier published months in the files read.")
        return
    ctx.show_table(table, "frontex-revisions",
                   ctx.public_caption(ctx.t("Herzieningen door Frontex (het nieuwste bestand geldt)",
                                            "Revisions by Frontex (the newest file wins)"), ["frontex"]),
                   public=True)


def show_eurostat_nl(ctx: ReportContext) -> None:
    from routekit.report import charts, embed

    result = ctx.public("eurostat")
    if result is None:
        return
    frame = result.data
    frame = frame[(frame["geo"] == "NLD") & (frame["freq"].astype(str).str.upper().str.startswith("A"))]
    frame = frame[frame["period"].astype(str) <= ctx.period.end[:4]]
    yearly = frame.groupby(["period", "nationality"], as_index=False)["applicants"].sum()
    yearly = yearly.rename(columns={"period": "month", "applicants": "count"})
    yearly["month"] = yearly["month"].astype(str) + "-01"
    chart, alt_text = charts.nationality_over_time(yearly, ctx.language, threshold=None)
    embed.show_chart(chart, alt_text)
    ctx.show_focus_note()  # beside the figure: a focus its data cannot honour
