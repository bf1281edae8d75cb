"""The report's charts: Altair specs that read well on screen and on A4, in Dutch or English.

Every function takes a tidy DataFrame of *published* values and a language, and returns
``(chart, alt_text)`` for ``embed.show_chart(*...)``. Rows whose value is missing (suppressed
upstream) are left out, never filled in; with ``threshold`` the input is also re-checked by the
privacy gate. All words come from ``i18n``; colours from ``routekit.reference`` (Okabe-Ito).
Months are ``YYYY-MM`` strings or dates.
"""

from __future__ import annotations

from collections.abc import Iterable

import altair as alt
import pandas as pd

from routekit.errors import InputError
from routekit.reference import PALETTE, corridor_ids, corridor_name, country_name, entry_points
from routekit.report import i18n
from routekit.report.i18n import t

WIDTH = 640  # px: fits the A4 text width (about 680 px at 96 dpi) with a little margin
PANEL_WIDTH = 270  # facet panel width with two columns
TRIANGULATED = "triangulated"


# --- shared helpers ---------------------------------------------------------------------------
def _require(frame: pd.DataFrame, columns: Iterable[str], chart: str) -> None:
    missing = [c for c in columns if c not in frame.columns]
    if missing:
        raise InputError(f"chart '{chart}'", f"input frame lacks column(s) {missing}")


def _published(frame: pd.DataFrame, value_columns: Iterable[str], threshold: int | None,
               chart: str, public: bool = False) -> pd.DataFrame:
    """Only rows with a published value: suppressed (missing) values are dropped, not guessed."""
    from routekit.disclosure.gate import published_rows

    return published_rows(frame, value_columns, threshold, f"chart '{chart}'", public=public)


def _opening(frame: pd.DataFrame, name: str, lang: str, required: list[str], values: list[str],
             threshold: int | None) -> tuple[pd.DataFrame, str]:
    """Every chart's opening: its input columns checked, only published rows, its title."""
    _require(frame, required, name)
    return _published(frame, values, threshold, name), t(f"chart.{name}.title", lang)


def _counts_and_estimates(frame: pd.DataFrame, required: list[str], chart: str,
                          threshold: int | None) -> pd.DataFrame:
    """Published rows with count and estimate/lower/upper columns (missing ones added empty)."""
    _require(frame, required, chart)
    for column in ("count", "estimate", "lower", "upper"):
        if column not in frame.columns:
            frame = frame.assign(**{column: pd.NA})
    return _published(frame, ["count", "estimate"], threshold, chart)


def _month_column(frame: pd.DataFrame) -> pd.DataFrame:
    """Add ``month_date`` (first day, ISO string) used as the temporal field."""
    frame = frame.copy()
    frame["month_date"] = pd.to_datetime(frame["month"].astype(str).str[:7] + "-01").dt.strftime("%Y-%m-%d")
    return frame


def _localise_months(frame: pd.DataFrame, lang: str) -> pd.DataFrame:
    frame["month_label"] = frame["month_date"].map(lambda m: i18n.format_month(m, lang))
    return frame


def _corridor_name(corridor_id: str, lang: str) -> str:
    return corridor_name(corridor_id, lang)


def _corridor_order(ids: Iterable[str], lang: str) -> list[str]:
    present = set(ids)
    ordered = [c for c in corridor_ids() if c in present] + sorted(present - set(corridor_ids()))
    return [_corridor_name(c, lang) for c in ordered]


def source_label(source: str, lang: str) -> str:
    """Display name of a source (kmar, ind, ..., triangulated) in the report's language."""
    try:
        return t(f"source.{source}", lang)
    except KeyError:
        return str(source)


def _series_scale(labels: list[str]) -> alt.Scale:
    return alt.Scale(domain=labels, range=[PALETTE[i % len(PALETTE)] for i in range(len(labels))])


def _finish(chart, lang: str, title: str, subtitle: str | None = None):
    """Title, locale (month names, separators) and A4-friendly fonts, for every chart."""
    params = alt.TitleParams(title, anchor="start", fontSize=14)
    if subtitle:
        params = alt.TitleParams(title, anchor="start", fontSize=14, subtitle=subtitle,
                                 subtitleFontSize=11)
    return (
        chart.properties(title=params)
        .configure(locale=i18n.vega_locale(lang), font="sans-serif")
        .configure_axis(labelFontSize=11, titleFontSize=11, grid=True, gridOpacity=0.4)
        .configure_legend(orient="bottom", labelFontSize=11, titleFontSize=11, columns=3,
                          labelLimit=220)
        .configure_header(labelFontSize=12, titleFontSize=12)
        .configure_view(stroke=None)
    )


def _empty(lang: str, title: str):
    chart = alt.Chart(pd.DataFrame({"text": [t("alt.no_data", lang)]})).mark_text(
        fontSize=13, color="#444").encode(text="text:N").properties(width=WIDTH, height=60)
    return _finish(chart, lang, title), t("alt.no_data", lang)


def _span(frame: pd.DataFrame, lang: str) -> dict[str, str]:
    return {"start": i18n.format_month(frame["month_date"].min(), lang),
            "end": i18n.format_month(frame["month_date"].max(), lang)}


def _largest(frame: pd.DataFrame, value: str, what: str, lang: str, when: str = "month_date") -> str:
    row = frame.loc[frame[value].idxmax()]
    return t("alt.largest", lang, what=row[what], value=i18n.format_number(row[value], lang),
             when=i18n.format_month(row[when], lang))


def _month_axis(lang: str) -> alt.Axis:
    return alt.Axis(title=t("label.month", lang), format="%b %Y", labelAngle=-40, tickCount="month")


def _nationality_groups(frame: pd.DataFrame, top_n: int, lang: str) -> tuple[pd.DataFrame, list[str]]:
    """Top ``top_n`` nationalities by total, the rest summed as 'other nationalities'."""
    totals = frame.groupby("nationality")["count"].sum().sort_values(ascending=False)
    top = list(totals.index[:top_n])
    other = t("label.other_nationalities", lang)
    frame = frame.copy()
    frame["nationality_name"] = frame["nationality"].map(
        lambda iso: country_name(iso, lang) if iso in top else other)
    order = [country_name(iso, lang) for iso in top] + ([other] if len(totals) > top_n else [])
    return frame, order


def _nationality_bars(data: pd.DataFrame, order: list[str], lang: str, along: alt.Tooltip, **axes) -> alt.Chart:
    """Bars stacked by nationality in ``order`` (largest first, 'other' last) along a category
    (``along``: its tooltip); ``axes``: the category's and the persons' x and y."""
    data["order"] = data["nationality_name"].map({n: i for i, n in enumerate(order)})
    return alt.Chart(data).mark_bar().encode(
        **axes,
        color=alt.Color("nationality_name:N", title=t("label.nationality", lang),
                        scale=_series_scale(order), sort=order),
        order=alt.Order("order:Q"),
        tooltip=[along, alt.Tooltip("nationality_name:N", title=t("label.nationality", lang)),
                 alt.Tooltip("count:Q", title=t("label.persons", lang), format=",.0f")])


# --- charts ---------------------------------------------------------------------------------------
def corridor_trends(frame: pd.DataFrame, lang: str = "nl", threshold: int | None = None):
    """Persons per corridor and month: triangulated estimate with its interval, plus each source.

    Columns: month, corridor, source, count, estimate, lower, upper. Rows of source
    'triangulated' carry estimate/lower/upper; source rows carry count.
    """
    name = "corridor_trends"
    data = _counts_and_estimates(frame, ["month", "corridor", "source"], name, threshold)
    title = t(f"chart.{name}.title", lang)
    if data.empty:
        return _empty(lang, title)
    data = _localise_months(_month_column(data), lang)
    data["corridor_name"] = data["corridor"].map(lambda c: _corridor_name(c, lang))
    data["series"] = data["source"].map(lambda s: source_label(s, lang))
    data["value"] = data["estimate"].where(data["source"] == TRIANGULATED, data["count"])
    data = data.dropna(subset=["value"])
    sources = [s for s in data["source"].unique() if s != TRIANGULATED]
    series = ([source_label(TRIANGULATED, lang)] if (data["source"] == TRIANGULATED).any() else []) + \
        [source_label(s, lang) for s in sources]
    columns = ["month_date", "month_label", "corridor_name", "series", "value", "lower", "upper"]
    data = data[columns]
    base = alt.Chart(data)
    x = alt.X("month_date:T", axis=_month_axis(lang))
    colour = alt.Color("series:N", title=t("label.source", lang), scale=_series_scale(series))
    tooltip = [alt.Tooltip("corridor_name:N", title=t("label.corridor", lang)),
               alt.Tooltip("month_label:N", title=t("label.month", lang)),
               alt.Tooltip("series:N", title=t("label.source", lang)),
               alt.Tooltip("value:Q", title=t("label.persons", lang), format=",.0f")]
    tri = alt.datum.series == source_label(TRIANGULATED, lang)
    band = base.transform_filter(tri).mark_area(opacity=0.22, color=PALETTE[0]).encode(
        x=x, y=alt.Y("lower:Q", title=t("label.persons", lang)), y2="upper:Q",
        tooltip=tooltip + [alt.Tooltip("lower:Q", title=t("label.lower", lang), format=",.0f"),
                           alt.Tooltip("upper:Q", title=t("label.upper", lang), format=",.0f")])
    lines = base.mark_line(point=alt.OverlayMarkDef(size=22), strokeWidth=1.6).encode(
        x=x, y=alt.Y("value:Q", title=t("label.persons", lang)), color=colour,
        strokeDash=alt.condition(tri, alt.value([1, 0]), alt.value([4, 3])), tooltip=tooltip)
    panels = alt.layer(band, lines).properties(width=PANEL_WIDTH, height=150)
    chart = panels.facet(
        facet=alt.Facet("corridor_name:N", title=None, sort=_corridor_order(frame["corridor"], lang)),
        columns=2).resolve_scale(y="independent")
    alt_text = t(f"chart.{name}.alt", lang,
                 corridors=", ".join(_corridor_order(frame["corridor"].unique(), lang)),
                 sources=", ".join(series), **_span(data, lang))
    estimates = data[data["series"] == source_label(TRIANGULATED, lang)]
    if not estimates.empty:
        alt_text += " " + _largest(estimates, "value", "corridor_name", lang)
    return _finish(chart, lang, title), alt_text


def nationality_by_corridor(frame: pd.DataFrame, lang: str = "nl", top_n: int = 8,
                            threshold: int | None = None):
    """Stacked horizontal bars: persons per corridor split by nationality. Columns: corridor,
    nationality (ISO3), count."""
    name = "nationality_by_corridor"
    data, title = _opening(frame, name, lang, ["corridor", "nationality", "count"], ["count"], threshold)
    if data.empty:
        return _empty(lang, title)
    data, order = _nationality_groups(data, top_n, lang)
    data["corridor_name"] = data["corridor"].map(lambda c: _corridor_name(c, lang))
    data = data.groupby(["corridor_name", "nationality_name"], as_index=False)["count"].sum()
    corridors = _corridor_order(frame["corridor"].unique(), lang)
    chart = _nationality_bars(
        data, order, lang, alt.Tooltip("corridor_name:N", title=t("label.corridor", lang)),
        y=alt.Y("corridor_name:N", title=None, sort=corridors),
        x=alt.X("sum(count):Q", title=t("label.persons", lang), axis=alt.Axis(format=",.0f")),
    ).properties(width=WIDTH - 200, height=max(60, 26 * len(corridors)))
    totals = data.groupby("corridor_name")["count"].sum()
    alt_text = t(f"chart.{name}.alt", lang, n=min(top_n, len(order)),
                 nationalities=", ".join(order)) + " " + t(
        "alt.largest_total", lang, what=totals.idxmax(), value=i18n.format_number(totals.max(), lang))
    return _finish(chart, lang, title), alt_text


def nationality_over_time(frame: pd.DataFrame, lang: str = "nl", top_n: int = 8,
                          threshold: int | None = None):
    """Stacked bars per month split by nationality. Columns: month, nationality, count."""
    name = "nationality_over_time"
    data, title = _opening(frame, name, lang, ["month", "nationality", "count"], ["count"], threshold)
    if data.empty:
        return _empty(lang, title)
    data, order = _nationality_groups(data, top_n, lang)
    data = _localise_months(_month_column(data), lang)
    data = data.groupby(["month_date", "month_label", "nationality_name"], as_index=False)["count"].sum()
    chart = _nationality_bars(
        data, order, lang, alt.Tooltip("month_label:N", title=t("label.month", lang)),
        x=alt.X("yearmonth(month_date):O", title=t("label.month", lang),
                axis=alt.Axis(format="%b %Y", labelAngle=-40)),
        y=alt.Y("sum(count):Q", title=t("label.persons", lang), axis=alt.Axis(format=",.0f")),
    ).properties(width=WIDTH - 40, height=260)
    alt_text = t(f"chart.{name}.alt", lang, n=min(top_n, len(order)), nationalities=", ".join(order),
                 **_span(data, lang))
    return _finish(chart, lang, title), alt_text


def entry_point_trends(frame: pd.DataFrame, lang: str = "nl", threshold: int | None = None):
    """Persons found per entry point and month, one panel per crossing type.
    Columns: month, entry_point (reference id), count."""
    name = "entry_points"
    data, title = _opening(frame, name, lang, ["month", "entry_point", "count"], ["count"], threshold)
    if data.empty:
        return _empty(lang, title)
    points = entry_points()
    data = _localise_months(_month_column(data), lang)
    data["entry_name"] = data["entry_point"].map(lambda e: points.at[e, "name"] if e in points.index else e)
    data["crossing"] = data["entry_point"].map(
        lambda e: t(f"crossing.{points.at[e, 'crossing_type']}", lang) if e in points.index else "?")
    data = data[["month_date", "month_label", "entry_name", "crossing", "count"]]
    names = [points.at[e, "name"] for e in points.index if e in set(frame["entry_point"])]
    names += sorted(set(data["entry_name"]) - set(names))
    crossings = [t(f"crossing.{c}", lang) for c in ("land", "air", "sea")]
    chart = alt.Chart(data).mark_line(point=alt.OverlayMarkDef(size=20)).encode(
        x=alt.X("month_date:T", axis=_month_axis(lang)),
        y=alt.Y("count:Q", title=t("label.persons", lang), axis=alt.Axis(format=",.0f")),
        color=alt.Color("entry_name:N", title=t("label.entry_point", lang), scale=_series_scale(names)),
        tooltip=[alt.Tooltip("entry_name:N", title=t("label.entry_point", lang)),
                 alt.Tooltip("month_label:N", title=t("label.month", lang)),
                 alt.Tooltip("count:Q", title=t("label.persons", lang), format=",.0f")],
    ).properties(width=WIDTH - 90, height=120).facet(
        row=alt.Row("crossing:N", title=None, sort=crossings)).resolve_scale(y="independent")
    alt_text = t(f"chart.{name}.alt", lang, entry_points=", ".join(names), **_span(data, lang)) + \
        " " + _largest(data, "count", "entry_name", lang)
    return _finish(chart, lang, title), alt_text


def source_agreement(frame: pd.DataFrame, lang: str = "nl", threshold: int | None = None):
    """Per corridor: the estimate with its interval (bar) against each source's count (points).
    Columns: corridor, source, count, estimate, lower, upper (estimate on 'triangulated' rows
    or repeated on each row)."""
    name = "source_agreement"
    data = _counts_and_estimates(frame, ["corridor", "source"], name, threshold)
    title = t(f"chart.{name}.title", lang)
    if data.empty:
        return _empty(lang, title)
    data["corridor_name"] = data["corridor"].map(lambda c: _corridor_name(c, lang))
    estimates = (data.dropna(subset=["estimate"]).groupby("corridor_name", as_index=False)
                 [["estimate", "lower", "upper"]].first())
    observed = data[(data["source"] != TRIANGULATED)].dropna(subset=["count"]).copy()
    observed["series"] = observed["source"].map(lambda s: source_label(s, lang))
    observed = observed[["corridor_name", "series", "count"]]
    corridors = _corridor_order(frame["corridor"].unique(), lang)
    labels = sorted(observed["series"].unique())
    y = alt.Y("corridor_name:N", title=None, sort=corridors)
    est_label = source_label(TRIANGULATED, lang)
    est_tip = [alt.Tooltip("corridor_name:N", title=t("label.corridor", lang)),
               alt.Tooltip("estimate:Q", title=t("label.estimate", lang), format=",.0f"),
               alt.Tooltip("lower:Q", title=t("label.lower", lang), format=",.0f"),
               alt.Tooltip("upper:Q", title=t("label.upper", lang), format=",.0f")]
    interval = alt.Chart(estimates).mark_rule(strokeWidth=7, opacity=0.35, color="#555555").encode(
        y=y, x=alt.X("lower:Q", title=t("label.persons", lang), axis=alt.Axis(format=",.0f")),
        x2="upper:Q", tooltip=est_tip)
    tick = alt.Chart(estimates).mark_tick(thickness=2.5, size=18, color="#000000").encode(
        y=y, x="estimate:Q", tooltip=est_tip)
    points = alt.Chart(observed).mark_point(filled=True, size=70, opacity=0.9).encode(
        y=y, x="count:Q",
        color=alt.Color("series:N", title=t("label.observed", lang), scale=_series_scale(labels)),
        shape=alt.Shape("series:N", title=t("label.observed", lang), scale=alt.Scale(domain=labels)),
        tooltip=[alt.Tooltip("corridor_name:N", title=t("label.corridor", lang)),
                 alt.Tooltip("series:N", title=t("label.source", lang)),
                 alt.Tooltip("count:Q", title=t("label.observed", lang), format=",.0f")])
    chart = alt.layer(interval, tick, points).properties(
        width=WIDTH - 200, height=max(60, 30 * len(corridors)))
    subtitle = t(f"chart.{name}.subtitle", lang, interval=t("label.interval", lang), estimate=est_label)
    alt_text = t(f"chart.{name}.alt", lang, corridors=", ".join(corridors), sources=", ".join(labels))
    return _finish(chart, lang, title, subtitle), alt_text


def safety(frame: pd.DataFrame, lang: str = "nl"):
    """Dead and missing migrants per month and corridor (IOM, public). Columns: month, corridor,
    dead, missing."""
    name = "safety"
    data, title = _opening(frame, name, lang, ["month", "corridor", "dead", "missing"], ["dead", "missing"], None)
    if data.empty:
        return _empty(lang, title)
    data = _localise_months(_month_column(data), lang)
    data["corridor_name"] = data["corridor"].map(lambda c: _corridor_name(c, lang))
    long = data.melt(id_vars=["month_date", "month_label", "corridor_name"], value_vars=["dead", "missing"],
                     var_name="kind", value_name="persons").dropna(subset=["persons"])
    long["kind"] = long["kind"].map(lambda k: t(f"label.{k}", lang))
    kinds = [t("label.dead", lang), t("label.missing", lang)]
    corridors = _corridor_order(frame["corridor"].unique(), lang)
    chart = alt.Chart(long).mark_bar().encode(
        x=alt.X("yearmonth(month_date):O", title=None, axis=alt.Axis(format="%b %y", labelAngle=-50)),
        y=alt.Y("sum(persons):Q", title=t("label.victims", lang)),
        color=alt.Color("kind:N", title=t("label.dead_and_missing", lang),
                        scale=alt.Scale(domain=kinds, range=[PALETTE[7], PALETTE[8]])),
        tooltip=[alt.Tooltip("corridor_name:N", title=t("label.corridor", lang)),
                 alt.Tooltip("month_label:N", title=t("label.month", lang)),
                 alt.Tooltip("kind:N", title=t("label.dead_and_missing", lang)),
                 alt.Tooltip("sum(persons):Q", title=t("label.victims", lang), format=",.0f")],
    ).properties(width=PANEL_WIDTH, height=130).facet(
        facet=alt.Facet("corridor_name:N", title=None, sort=corridors), columns=2,
    ).resolve_scale(y="independent")
    totals = data.assign(total=data["dead"].fillna(0) + data["missing"].fillna(0))
    alt_text = t(f"chart.{name}.alt", lang, corridors=", ".join(corridors), **_span(data, lang)) + \
        " " + _largest(totals, "total", "corridor_name", lang)
    return _finish(chart, lang, title), alt_text


def missing_route_share(frame: pd.DataFrame, lang: str = "nl"):
    """Data quality: share (0..1) of texts without a usable route, per source and month.
    Columns: month, source, share."""
    name = "missing_route"
    data, title = _opening(frame, name, lang, ["month", "source", "share"], ["share"], None)
    if data.empty:
        return _empty(lang, title)
    data = _localise_months(_month_column(data), lang)
    data["series"] = data["source"].map(lambda s: source_label(s, lang))
    data = data[["month_date", "month_label", "series", "share"]]
    labels = sorted(data["series"].unique())
    chart = alt.Chart(data).mark_line(point=alt.OverlayMarkDef(size=22)).encode(
        x=alt.X("month_date:T", axis=_month_axis(lang)),
        y=alt.Y("share:Q", title=t("label.without_route", lang),
                axis=alt.Axis(format=".0%"), scale=alt.Scale(domain=[0, 1])),
        color=alt.Color("series:N", title=t("label.source", lang), scale=_series_scale(labels)),
        tooltip=[alt.Tooltip("series:N", title=t("label.source", lang)),
                 alt.Tooltip("month_label:N", title=t("label.month", lang)),
                 alt.Tooltip("share:Q", title=t("label.share", lang), format=".1%")],
    ).properties(width=WIDTH - 40, height=220)
    alt_text = t(f"chart.{name}.alt", lang, sources=", ".join(labels), **_span(data, lang))
    return _finish(chart, lang, title), alt_text


def interview_lag(frame: pd.DataFrame, lang: str = "nl"):
    """Data quality: days between asylum application and interview per month (IND).
    Columns: month, median, p25, p75."""
    name = "interview_lag"
    data, title = _opening(frame, name, lang, ["month", "median", "p25", "p75"], ["median"], None)
    if data.empty:
        return _empty(lang, title)
    data = _localise_months(_month_column(data), lang)[["month_date", "month_label", "median", "p25", "p75"]]
    x = alt.X("month_date:T", axis=_month_axis(lang))
    tooltip = [alt.Tooltip("month_label:N", title=t("label.month", lang)),
               alt.Tooltip("median:Q", title=t("label.median", lang), format=",.0f"),
               alt.Tooltip("p25:Q", title="25%", format=",.0f"),
               alt.Tooltip("p75:Q", title="75%", format=",.0f")]
    band = alt.Chart(data).mark_area(opacity=0.25, color=PALETTE[0]).encode(
        x=x, y=alt.Y("p25:Q", title=t("label.lag_days", lang)), y2="p75:Q", tooltip=tooltip)
    line = alt.Chart(data).mark_line(point=True, color=PALETTE[0]).encode(
        x=x, y="median:Q", tooltip=tooltip)
    chart = alt.layer(band, line).properties(width=WIDTH - 40, height=220)
    subtitle = f"{t('label.median', lang)}; {t('label.quartiles', lang)}"
    alt_text = t(f"chart.{name}.alt", lang, **_span(data, lang)) + " " + _largest(
        data.assign(what=t("label.median", lang)), "median", "what", lang)
    return _finish(chart, lang, title, subtitle), alt_text
