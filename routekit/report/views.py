"""What each chapter shows, computed from the report context: one function per figure or table.

Notebooks call these and nothing else, so every number on a page is computed (and tested) here.
Functions named ``*_table`` return DataFrames; ``show_*`` display them on the page.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from routekit.reference import corridor_ids, corridor_name, country_name
from routekit.report.context import ReportContext
from routekit.report.notes import note_in
from routekit.disclosure.gate import not_counts, suppress_small


def _corridor_label(ctx: ReportContext, corridor_id: str) -> str:
    return corridor_name(corridor_id, ctx.language)


def key_numbers_table(ctx: ReportContext) -> pd.DataFrame:
    """Persons per source in the period and in the baseline, with the change.

    A figure that includes a withheld month is marked as a lower bound and gets no change, so
    privacy suppression never reads as a fall.
    """
    rows, marks = [], {"now": [], "before": []}
    for source in ctx.sources:
        if not (ctx.releases_dir / source / "tables" / "totals.csv").is_file():
            continue  # e.g. mobility indicators count flows between countries, not persons here
        monthly = ctx.monthly_persons(source)
        figures = {}
        for key, period in (("now", ctx.period), ("before", ctx.baseline)):
            part = monthly[monthly["month"].isin(period.months)]
            total, partial = int(part["count"].sum()), bool(part["suppressed"].any())
            figures[key] = (total, partial)
            marks[key].append(cell_mark(total, partial))
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


def cell_mark(total: int, partial: bool) -> str:
    """How complete a sum of released cells is: '' complete, 'lower_bound', or 'suppressed'."""
    if not partial:
        return ""
    return "lower_bound" if total > 0 else "suppressed"


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
        table[source] = table[source].where(totals > 0).round().astype("Int64")
        marks[ctx.source_label(source)] = [cell_mark(int(t), bool(f)) for t, f in zip(totals, flags)]
    table["corridor"] = table["corridor"].map(lambda c: _corridor_label(ctx, c))
    renamed = {s: ctx.source_label(s) for s in ctx.sources}
    estimate_columns = [c for c in table.columns if c in (ctx.t("schatting", "estimate"), ctx.t("ondergrens", "lower"),
                                                          ctx.t("bovengrens", "upper"))]
    table = suppress_small(table, estimate_columns, ctx.threshold).rename(columns=renamed)
    table.attrs["cell_marks"] = marks
    return table


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
    return not_counts(pd.DataFrame(rows), ctx.t("drempel", "threshold"), ctx.t("rijen in", "rows in"),
                      ctx.t("rijen afgewezen", "rows rejected"),
                      ctx.t("cellen gegeneraliseerd", "cells generalised"),
                      ctx.t("cellen onderdrukt", "cells suppressed"))


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
    frame = suppress_small(frame, ["count", "estimate", "lower", "upper"], ctx.threshold)
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


# --- shared helpers --------------------------------------------------------------------------
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


def _change(now: float, before: float) -> float | None:
    return round((now - before) / before * 100, 1) if before else None


# --- chapter 4: entry into the Netherlands ---------------------------------------------------
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
    table = pd.DataFrame(rows).sort_values("count", ascending=False).reset_index(drop=True)
    return not_counts(table, ctx.t("verandering %", "change %"))


def show_entry_points(ctx: ReportContext) -> None:
    from routekit.report import charts, embed, maps

    frame = entry_point_frame(ctx)
    period = ctx.in_period(frame).groupby("entry_point", as_index=False)["count"].sum()
    fmap, alt_text = maps.entry_points_map(period, ctx.language, threshold=ctx.threshold)
    static, _ = maps.entry_points_map_static(period, ctx.language, threshold=ctx.threshold)
    embed.show_map(fmap, alt_text, static_chart=static)
    chart, chart_alt = charts.entry_point_trends(frame, ctx.language, threshold=ctx.threshold)
    embed.show_chart(chart, chart_alt)


# --- chapter 5: nationalities ----------------------------------------------------------------
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
    monthly = frame.groupby(["month", "nationality"], as_index=False)["count"].sum()
    chart, alt_text = charts.nationality_over_time(monthly, ctx.language, threshold=ctx.threshold)
    embed.show_chart(chart, alt_text)


# --- chapter 7: safety and suffering ---------------------------------------------------------
def iom_frame(ctx: ReportContext) -> pd.DataFrame:
    """IOM incidents with a month column, restricted to the 24 months up to the period's end."""
    result = ctx.public("iom")
    if result is None:
        return pd.DataFrame()
    frame = result.data.copy()
    frame["month"] = frame["date"].astype(str).str[:7]
    start = str(pd.Period(ctx.period.end, freq="M") - 23)
    return ctx.apply_focus(frame[(frame["month"] >= start) & (frame["month"] <= ctx.period.end)])


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
    monthly = frame.groupby(["month", "corridor"], as_index=False)[["dead", "missing"]].sum()
    chart, chart_alt = charts.safety(monthly, ctx.language)
    embed.show_chart(chart, chart_alt)


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


# --- chapter 8: European context (public statistics) -----------------------------------------
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


def frontex_frame(ctx: ReportContext) -> pd.DataFrame:
    result = ctx.public("frontex")
    if result is None:
        return pd.DataFrame()
    frame = result.data.rename(columns={"period": "month"})
    return ctx.apply_focus(frame[frame["month"] <= ctx.period.end])


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


# --- chapter 9: data quality -----------------------------------------------------------------
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
    rows = []
    for source, own in frame.groupby("source"):
        records = pd.to_numeric(own["records"], errors="coerce").sum()
        with_text = pd.to_numeric(own["with_text"], errors="coerce").sum()
        found = pd.to_numeric(own["route_found"], errors="coerce").sum()
        rows.append({
            ctx.t("bron", "source"): ctx.source_title(source),
            "records": int(records),
            ctx.t("met tekst", "with text"): int(with_text),
            ctx.t("met route", "with route"): int(found),
            ctx.t("zonder route %", "without route %"): round(100 * (1 - found / with_text), 1) if with_text else None,
        })
    return not_counts(pd.DataFrame(rows), ctx.t("zonder route %", "without route %"))


def show_quality(ctx: ReportContext) -> None:
    from routekit.report import charts, embed

    frame = quality_frame(ctx)
    if frame.empty:
        return
    share = frame.dropna(subset=["share"])[["month", "source", "share"]]
    chart, alt_text = charts.missing_route_share(share, ctx.language)
    embed.show_chart(chart, alt_text)
    lag = frame[frame["source"] == "ind"].rename(columns={
        "lag_days_median": "median", "lag_days_p25": "p25", "lag_days_p75": "p75"})
    lag = lag.dropna(subset=["median"]) if "median" in lag.columns else pd.DataFrame()
    if not lag.empty:
        chart, alt_text = charts.interview_lag(lag[["month", "median", "p25", "p75"]], ctx.language)
        embed.show_chart(chart, alt_text)


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


# --- chapter 1: summary, public-only reading -------------------------------------------------
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


# --- chapter 10: methods and accountability --------------------------------------------------
def public_sources_table(ctx: ReportContext) -> pd.DataFrame:
    """Each public source with publisher, purpose, legal basis and the files read (with hash)."""
    from routekit.pipeline.fingerprint import file_digest
    from routekit.sources import get_source

    names = {"frontex": "frontex", "eurostat": "eurostat_asylum", "iom": "iom_missing_migrants"}
    rows = []
    for name in ctx.params.get("public_sources", []):
        info = get_source(names[name])
        from routekit.report.i18n import format_month

        result = ctx.public(name)
        files = result.files if result is not None else ()
        unreadable = [f"{Path(f).name} ({ctx.t('niet gelezen', 'not read')}: {why.split(': ', 1)[-1]})"
                      for f, why in (result.unreadable if result is not None else [])]
        rows.append({
            ctx.t("bron", "source"): info.title(ctx.language),
            ctx.t("uitgever", "publisher"): info.partner,
            ctx.t("doel", "purpose"): info.purpose,
            ctx.t("grondslag", "legal basis"): info.legal_basis,
            ctx.t("bestanden (sha256)", "files (sha256)"): "; ".join(
                [f"{Path(f).name} ({file_digest(Path(f))[:12]})" for f in files] + unreadable),
            ctx.t("gegevens t/m", "data up to"):
                format_month(result.last_month, ctx.language) if result is not None and result.last_month else "",
            ctx.t("rijen afgewezen", "rows rejected"): 0 if result is None else len(result.rejects),
        })
    return pd.DataFrame(rows)


def limitations(ctx: ReportContext) -> list[str]:
    """Known limitations of the sources and methods, stated in every report."""
    return [ctx.t(*pair) for pair in (
        ("Reisverhalen zijn zelfgerapporteerd, vaak weken tot maanden na binnenkomst opgetekend, en kunnen onvolledig zijn.",
         "Narratives are self-reported, often recorded weeks to months after entry, and can be incomplete."),
        ("De KMar ziet alleen het laatste deel van de reis en controleert slechts een klein deel van het verkeer; grenswaarnemingen zijn betrouwbaar maar onvolledig.",
         "KMar sees only the last leg and checks only a small share of traffic; border observations are reliable but incomplete."),
        ("Aantallen onder de drempel zijn onderdrukt en zeldzame categorieën gegeneraliseerd; totalen van deeltabellen kunnen daardoor lager zijn dan het werkelijke aantal.",
         "Counts below the threshold are suppressed and rare categories generalised; sums of sub-tables can therefore be lower than the true number."),
        ("De schatting van het ongeziene deel veronderstelt dat de afhankelijkheid tussen bronnen door het gekozen model wordt beschreven; het interval neemt de modelkeuze mee, maar niet elke schending van die aanname.",
         "The estimate of the unseen part assumes the dependence between sources is captured by the chosen model; the interval includes model-selection uncertainty but not every violation of that assumption."),
        ("Frontex telt detecties, geen personen; IOM-cijfers zijn minimumschattingen.",
         "Frontex counts detections, not persons; IOM figures are minimum estimates."),
    )]


def ethics_statement(ctx: ReportContext) -> str:
    return ctx.t(
        "Het recht om asiel aan te vragen staat voorop. Betere zichtbaarheid van routes dient om leed te voorkomen en migratie verantwoord te beheren, en moet proportioneel zijn. De privacy van migranten wordt beschermd, ook wanneer zij irregulier zijn binnengekomen: persoonsgegevens verlaten de partners niet, alleen geanonimiseerde aggregaten worden gedeeld, en elke bron wordt alleen gebruikt voor het doel en op de grondslag die hierboven staan. Het uitlezen van individuele telefoons en ANPR-cameradata wordt niet gebruikt.",
        "The right to seek asylum stands. Better visibility of routes serves to prevent suffering and to manage migration responsibly, and must be proportionate. Migrants' privacy is protected also when they entered irregularly: personal data never leave the partners, only anonymised aggregates are shared, and every source is used only for the purpose and on the legal basis stated above. Reading out individual phones and ANPR camera data are not used.")


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


# --- chapter 6: sources and the unseen -------------------------------------------------------
def unseen_table(ctx: ReportContext) -> pd.DataFrame:
    """Per corridor in the period: persons seen by any source, the estimated total, its interval,
    the grade and the reason written out."""
    rows = period_estimates(ctx, ctx.period)
    if rows.empty:
        return pd.DataFrame()
    numbers = [ctx.t("gezien (elke bron)", "seen (any source)"), ctx.t("geschat totaal", "estimated total"),
               ctx.t("ondergrens", "lower"), ctx.t("bovengrens", "upper")]
    return suppress_small(pd.DataFrame({
        "corridor": rows["corridor"].map(lambda c: _corridor_label(ctx, c)),
        ctx.t("gezien (elke bron)", "seen (any source)"): rows["observed"].round(0),
        ctx.t("geschat totaal", "estimated total"): rows["estimate"].round(0),
        ctx.t("ondergrens", "lower"): rows["lower"].round(0),
        ctx.t("bovengrens", "upper"): rows["upper"].round(0),
        ctx.t("beoordeling", "grade"): rows["grade"].map(lambda g: grade_label(ctx, g)),
        ctx.t("toelichting", "note"): rows["note"].map(lambda n: note_in(n, ctx.language)),
    }), numbers, ctx.threshold)


def show_source_agreement(ctx: ReportContext) -> None:
    """Each source's count per corridor against the triangulated estimate and its interval."""
    from routekit.report import charts, embed

    counts = ctx.in_period(ctx.counts_by_source()).groupby(["corridor", "source"], as_index=False)["count"].sum()
    counts = counts[counts["corridor"].isin(corridor_ids())]
    estimates = period_estimates(ctx, ctx.period)
    frame = counts
    if not estimates.empty:
        tri = estimates[["corridor", "estimate", "lower", "upper"]].dropna(subset=["estimate"]).copy()
        tri["source"] = charts.TRIANGULATED
        frame = pd.concat([counts, tri], ignore_index=True)
    frame = suppress_small(frame, [c for c in ("count", "estimate", "lower", "upper") if c in frame.columns],
                           ctx.threshold)
    chart, alt_text = charts.source_agreement(frame, ctx.language, threshold=ctx.threshold)
    embed.show_chart(chart, alt_text)


def agreement_table(ctx: ReportContext) -> pd.DataFrame:
    """How far the sources agree on the distribution over corridors, first EU country and transits."""
    pairs = ctx.estimates_table("agreement_pairs")
    if pairs.empty:
        return pd.DataFrame()
    names = {s: _series_name(ctx, s) for s in set(pairs["source_a"]) | set(pairs["source_b"])}
    dimension = {"corridor": ctx.t("corridor", "corridor"), "entry_point": ctx.t("binnenkomstpunt", "entry point"),
                 "nationality": ctx.t("nationaliteit", "nationality"),
                 "first_country": ctx.t("eerste EU-land", "first EU country"),
                 "transit": ctx.t("transit (etappes)", "transit (legs)")}
    return pd.DataFrame({
        ctx.t("onderwerp", "dimension"): pairs["dimension"].map(lambda d: dimension.get(d, d)),
        ctx.t("bron A", "source A"): pairs["source_a"].map(names.get),
        ctx.t("bron B", "source B"): pairs["source_b"].map(names.get),
        ctx.t("categorieën", "categories"): pairs["categories"],
        ctx.t("rangcorrelatie (Spearman)", "rank correlation (Spearman)"): pairs["spearman"].round(2),
        ctx.t("verschil (Jensen-Shannon, 0-1)", "divergence (Jensen-Shannon, 0-1)"): pairs["jensen_shannon"].round(2),
    }).pipe(not_counts, ctx.t("categorieën", "categories"), ctx.t("rangcorrelatie (Spearman)", "rank correlation (Spearman)"),
            ctx.t("verschil (Jensen-Shannon, 0-1)", "divergence (Jensen-Shannon, 0-1)"))


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


_AGREEMENT_WORDS = {
    "same": ("zelfde richting", "same direction"), "opposite": ("tegengesteld", "opposite"),
    "only_ours": ("alleen onze reeks verandert", "only ours changes"),
    "only_public": ("alleen de gepubliceerde reeks verandert", "only the published series changes"),
    "neither": ("geen van beide verandert", "neither changes"),
    "not_covered": ("niet te vergelijken", "not comparable"),
}


def public_agreement_groups(ctx: ReportContext) -> list[dict]:
    """The comparison with published European series (public_agreement.csv), one group per
    scope and series: a caption sentence and a narrow table (subject, our change, published
    change, agreement, and a note only where a row has more to say than its group).

    Ratios only, never counts. A group with nothing comparable is a ``note`` without a table.
    """
    from routekit.report.i18n import format_number, format_period_label
    from routekit.sources.public import citation

    table = ctx.estimates_table("public_agreement")
    if table.empty:
        return []
    note_column = f"note_{ctx.language}"

    def change(ratio, lower, upper) -> str:
        if pd.isna(ratio):
            return ""
        if not (pd.notna(lower) and pd.notna(upper)) or upper == float("inf"):
            return f"×{format_number(ratio, ctx.language, 2)}"
        return (f"×{format_number(ratio, ctx.language, 2)} ({format_number(lower, ctx.language, 2)}–"
                f"{format_number(upper, ctx.language, 2)})")

    def subject(row) -> str:
        if row.category == "all":
            return ctx.t("alle", "all")
        return _corridor_label(ctx, row.category) if row.dimension == "corridor" else country_name(row.category, ctx.language)

    groups = []
    keys = ["scope", "comparison", "ours", "public_source", "period", "baseline_period"]
    order = {"period": 0, "latest_covered": 1}
    for key, rows in sorted(table.groupby(keys, sort=False), key=lambda item: (order.get(item[0][0], 2), item[0][1])):
        scope, comparison, ours, public, period, baseline = key
        notes = rows[note_column].fillna("").astype(str) if note_column in rows.columns else pd.Series("", rows.index)
        common = notes.mode().iloc[0] if len(notes) else ""
        heading = ctx.t("Verslagperiode", "Reporting period") if scope == "period" else ctx.t(
            "Laatste periode die beide reeksen dekken (ter vergelijking; telt niet mee in het oordeel)",
            "Latest period both series cover (context; it does not grade the findings)")
        sentence = ctx.t("{heading}: {ours} tegenover {public}, {period} ten opzichte van {baseline}.",
                         "{heading}: {ours} against {public}, {period} against {baseline}.").format(
            heading=heading, ours=_series_name(ctx, ours), public=_series_name(ctx, public),
            period=format_period_label(period, ctx.language), baseline=format_period_label(baseline, ctx.language))
        cited = public in ("frontex", "eurostat_asylum")  # the published series the estimate stage compares
        cite = (" " + ctx.t("Bron: ", "Source: ") + citation(public, ctx.language)) if cited else ""
        group = {"name": f"published-{scope}-{comparison}".replace("_", "-"), "caption": sentence + cite}
        if (rows["agreement"] == "not_covered").all():
            group["note"] = sentence + " " + (common[:1].upper() + common[1:] if common else "") + (
                "" if common.endswith(".") else ".")
            groups.append(group)
            continue
        rows = rows.assign(_subject=[subject(r) for r in rows.itertuples()], _note=notes.to_numpy())
        rows = rows.sort_values("_subject", key=lambda c: c.map(lambda v: "" if v == ctx.t("alle", "all") else v))
        extra = [note[len(common):].lstrip("; ") if note.startswith(common) else note for note in rows["_note"]]
        frame = pd.DataFrame({
            ctx.t("onderwerp", "subject"): rows["_subject"].to_numpy(),
            ctx.t("onze verandering (95%)", "our change (95%)"): [
                change(*v) for v in zip(rows["ours_ratio"], rows["ours_lower"], rows["ours_upper"])],
            ctx.t("gepubliceerde verandering (95%)", "published change (95%)"): [
                change(*v) for v in zip(rows["public_ratio"], rows["public_lower"], rows["public_upper"])],
            ctx.t("overeenstemming", "agreement"): [ctx.t(*_AGREEMENT_WORDS[a]) if a in _AGREEMENT_WORDS else a
                                                   for a in rows["agreement"]],
        })
        if any(extra):
            frame[ctx.t("toelichting", "note")] = extra
        frame.attrs["number_columns"] = list(frame.columns[1:3])
        group["table"] = frame.reset_index(drop=True)
        groups.append(group)
    return groups


def show_public_agreement(ctx: ReportContext) -> None:
    """Display each comparison with a published series: a sentence, and a table when comparable."""
    from IPython.display import Markdown, display

    groups = public_agreement_groups(ctx)
    if not groups:
        ctx.say("Er zijn geen gepubliceerde reeksen om mee te vergelijken.", "There are no published series to compare with.")
    for group in groups:
        if "table" in group:
            ctx.show_table(group["table"], group["name"], group["caption"])
        else:
            display(Markdown(group["note"]))


def mobility_flows_table(ctx: ReportContext, top: int = 15) -> pd.DataFrame:
    """The operator's published flows between countries of home location in the period.

    A mobility indicator cannot tell irregular migrants from other travellers; it is shown as a
    trend signal beside the narrated transits, not as a count of migrants.
    """
    if "mobility" not in ctx.sources:
        return pd.DataFrame()
    flows = ctx.in_period(ctx.release_table("mobility", "flows"))
    if flows.empty:
        return pd.DataFrame()
    grouped = (flows.groupby(["origin_country", "destination_country"], as_index=False)["count"].sum()
               .sort_values("count", ascending=False).head(top))
    return pd.DataFrame({
        ctx.t("van", "from"): grouped["origin_country"].map(lambda c: country_name(c, ctx.language)),
        ctx.t("naar", "to"): grouped["destination_country"].map(lambda c: country_name(c, ctx.language)),
        "count": grouped["count"].astype(int).values,
    })
