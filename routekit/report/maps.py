"""The report's maps: interactive (folium/Leaflet) for the site, static (Altair geoshape) for the PDF.

Country shapes come from the shipped world-atlas TopoJSON, decoded and simplified here and
trimmed to the area routes to the Netherlands cross (Europe, Africa, Middle East, Asia), so a
map needs no web tiles and no network. Maps draw only published values: a leg, entry point or
incident without a value (suppressed upstream) is left out, never estimated.

Each public function returns ``(figure, alt_text)``; show the pair with
``embed.show_map(m, alt_text, static_chart=static)`` so print shows the static version.
"""

from __future__ import annotations

import html
import json
import math
from functools import lru_cache
from importlib import resources

import altair as alt
import folium
import numpy as np
import pandas as pd
from branca.element import MacroElement
from jinja2 import Template

from routekit.errors import InputError
from routekit.reference import PALETTE, corridor, corridor_ids, corridor_name, countries, country_name, entry_points
from routekit.report import i18n
from routekit.report.i18n import t

# lon_min, lat_min, lon_max, lat_max: where routes towards the Netherlands run.
ROUTES_EXTENT = (-30.0, -12.0, 95.0, 72.0)
NETHERLANDS_EXTENT = (1.5, 49.8, 9.0, 54.2)
LAND_STYLE = {"fillColor": "#f4f1ea", "color": "#9a9a9a", "weight": 0.6, "fillOpacity": 1.0}
SEA_COLOUR = "#dfeaf2"
STATIC_WIDTH, STATIC_HEIGHT = 640, 460


# --- country shapes ----------------------------------------------------------------------------
def _simplify(points: np.ndarray, tolerance: float) -> np.ndarray:
    """Douglas-Peucker on one arc (end points kept, so shared borders stay shared)."""
    if len(points) <= 2 or tolerance <= 0:
        return points
    keep = np.zeros(len(points), dtype=bool)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    while stack:
        first, last = stack.pop()
        if last - first < 2:
            continue
        start, end = points[first], points[last]
        segment = end - start
        inner = points[first + 1:last]
        length = math.hypot(*segment)
        if length == 0:
            dist = np.hypot(*(inner - start).T)
        else:
            dist = np.abs(segment[0] * (inner[:, 1] - start[1]) - segment[1] * (inner[:, 0] - start[0])) / length
        index = int(np.argmax(dist))
        if dist[index] > tolerance:
            split = first + 1 + index
            keep[split] = True
            stack.extend([(first, split), (split, last)])
    return points[keep]


@lru_cache(maxsize=1)
def _topology() -> dict:
    path = resources.files("routekit.report").joinpath("assets", "world-atlas", "countries-50m.json")
    return json.loads(path.read_text(encoding="utf-8"))


@lru_cache(maxsize=4)
def _decoded_arcs(tolerance: float) -> tuple[np.ndarray, ...]:
    topo = _topology()
    scale, translate = topo["transform"]["scale"], topo["transform"]["translate"]
    arcs = []
    for arc in topo["arcs"]:
        quantized = np.cumsum(np.asarray(arc, dtype=float), axis=0)
        coords = quantized * scale + translate
        arcs.append(_simplify(coords, tolerance))
    return tuple(arcs)


def _ring(indexes: list[int], arcs: tuple[np.ndarray, ...]) -> list[list[float]]:
    points: list[np.ndarray] = []
    for i in indexes:
        arc = arcs[i] if i >= 0 else arcs[~i][::-1]
        points.append(arc if not points else arc[1:])
    ring = np.round(np.concatenate(points), 2)
    return ring.tolist()


def _overlaps(ring: list[list[float]], extent: tuple[float, float, float, float]) -> bool:
    xs = [p[0] for p in ring]
    ys = [p[1] for p in ring]
    return not (max(xs) < extent[0] or min(xs) > extent[2] or max(ys) < extent[1] or min(ys) > extent[3])


@lru_cache(maxsize=4)
def _country_shapes_json(extent: tuple[float, float, float, float], tolerance: float) -> str:
    arcs = _decoded_arcs(tolerance)
    by_numeric = {row.iso_numeric: iso3 for iso3, row in countries().iterrows()}
    features = []
    for geometry in _topology()["objects"]["countries"]["geometries"]:
        if geometry.get("type") not in ("Polygon", "MultiPolygon"):
            continue
        polygons = [geometry["arcs"]] if geometry["type"] == "Polygon" else geometry["arcs"]
        kept = []
        for polygon in polygons:
            rings = [_ring(r, arcs) for r in polygon]
            rings = [r for r in rings if len(r) >= 4]
            if rings and _overlaps(rings[0], extent):
                kept.append(rings)
        if not kept:
            continue
        iso3 = by_numeric.get(str(geometry.get("id", "")).zfill(3), "")
        features.append({
            "type": "Feature",
            "id": iso3 or str(geometry.get("id", "")),
            "properties": {"iso3": iso3, "name": geometry.get("properties", {}).get("name", "")},
            "geometry": {"type": "MultiPolygon", "coordinates": kept},
        })
    return json.dumps({"type": "FeatureCollection", "features": features}, separators=(",", ":"))


def country_shapes(extent: tuple[float, float, float, float] = ROUTES_EXTENT,
                   tolerance: float = 0.08) -> dict:
    """Country polygons (GeoJSON FeatureCollection) overlapping ``extent``, simplified to
    ``tolerance`` degrees. Feature id and ``properties.iso3`` are ISO3 codes."""
    return json.loads(_country_shapes_json(tuple(extent), float(tolerance)))


# --- shared helpers -------------------------------------------------------------------------------
def _require(frame: pd.DataFrame, columns: list[str], what: str) -> None:
    missing = [c for c in columns if c not in frame.columns]
    if missing:
        raise InputError(f"map '{what}'", f"input frame lacks column(s) {missing}")


def _published(frame: pd.DataFrame, value: str, threshold: int | None, what: str,
               public: bool = False) -> pd.DataFrame:
    """Rows with a published, positive value only: suppressed (missing) values are dropped, not guessed."""
    from routekit.disclosure.gate import published_rows

    return published_rows(frame, [value], threshold, f"map '{what}'", public=public, positive=True)


def _corridor_name(corridor_id: str, lang: str) -> str:
    return corridor_name(corridor_id, lang)


def _corridor_colour(corridor_id: str) -> str:
    try:
        return corridor(corridor_id).colour
    except KeyError:
        return "#999999"


def _ordered_corridors(ids) -> list[str]:
    present = set(ids)
    return [c for c in corridor_ids() if c in present] + sorted(present - set(corridor_ids()))


def _centroid(iso3: str) -> tuple[float, float] | None:
    table = countries()
    if iso3 not in table.index:
        return None
    return float(table.at[iso3, "lat"]), float(table.at[iso3, "lon"])


def _curve(start: tuple[float, float], end: tuple[float, float], bend: float, steps: int = 16):
    """A gentle arc (quadratic Bezier in lon/lat) so corridors sharing a leg stay apart."""
    (lat1, lon1), (lat2, lon2) = start, end
    mid_lat, mid_lon = (lat1 + lat2) / 2, (lon1 + lon2) / 2
    ctrl_lat, ctrl_lon = mid_lat + bend * (lon2 - lon1), mid_lon - bend * (lat2 - lat1)
    points = []
    for i in range(steps + 1):
        s = i / steps
        lat = (1 - s) ** 2 * lat1 + 2 * (1 - s) * s * ctrl_lat + s ** 2 * lat2
        lon = (1 - s) ** 2 * lon1 + 2 * (1 - s) * s * ctrl_lon + s ** 2 * lon2
        points.append((round(lat, 3), round(lon, 3)))
    return points


def _weight(value: float, largest: float, thinnest: float = 2.0, thickest: float = 12.0) -> float:
    return round(thinnest + (thickest - thinnest) * math.sqrt(value / largest), 1) if largest > 0 else thinnest


def _radius(value: float, largest: float, smallest: float = 4.0, biggest: float = 22.0) -> float:
    return round(smallest + (biggest - smallest) * math.sqrt(value / largest), 1) if largest > 0 else smallest


class _Legend(MacroElement):
    """A Leaflet control with legend HTML (works offline: no jQuery, no Bootstrap)."""

    _template = Template("""
        {% macro script(this, kwargs) %}
        (function () {
            var legend = L.control({position: {{ this.position|tojson }}});
            legend.onAdd = function () {
                var div = L.DomUtil.create("div", "rk-legend");
                div.innerHTML = {{ this.body|tojson }};
                return div;
            };
            legend.addTo({{ this._parent.get_name() }});
        })();
        {% endmacro %}
    """)

    def __init__(self, body: str, position: str = "bottomleft"):
        super().__init__()
        self._name = "RoutekitLegend"
        self.body, self.position = body, position


def _base_map(extent: tuple[float, float, float, float], lang: str, tolerance: float) -> folium.Map:
    fmap = folium.Map(location=[(extent[1] + extent[3]) / 2, (extent[0] + extent[2]) / 2],
                      zoom_start=4, tiles=None, control_scale=True, prefer_canvas=False)
    folium.GeoJson(country_shapes(extent, tolerance), name=t("map.countries", lang), control=False,
                   style_function=lambda _feature: dict(LAND_STYLE), interactive=False,
                   smooth_factor=0.5).add_to(fmap)
    return fmap


def _fit(fmap: folium.Map, lats: list[float], lons: list[float], pad: float) -> None:
    if lats:
        fmap.fit_bounds([[min(lats) - pad, min(lons) - pad], [max(lats) + pad, max(lons) + pad]])


def _tooltip(rows: list[tuple[str, str]]) -> str:
    return "<br>".join(f"<b>{html.escape(k)}</b>: {html.escape(v)}" for k, v in rows)


def _static_base(extent: tuple[float, float, float, float], tolerance: float, fit: dict):
    """Land layer and projection for a static map; only countries near the fitted area are
    included, which keeps the print SVG small."""
    (lon0, lat0), (lon1, lat1) = fit["geometry"]["coordinates"]
    margin_lon, margin_lat = 0.4 * (lon1 - lon0) + 2, 0.4 * (lat1 - lat0) + 2
    near = (max(extent[0], lon0 - margin_lon), max(extent[1], lat0 - margin_lat),
            min(extent[2], lon1 + margin_lon), min(extent[3], lat1 + margin_lat))
    shapes = country_shapes(near, tolerance)
    projection = {"type": "mercator", "fit": fit}
    land = alt.Chart(alt.Data(values=shapes["features"])).mark_geoshape(
        fill=LAND_STYLE["fillColor"], stroke=LAND_STYLE["color"], strokeWidth=0.5, clip=True,
    ).project(**projection)
    sea = alt.Chart(alt.sphere()).mark_geoshape(fill=SEA_COLOUR, stroke=None, clip=True).project(**projection)
    return alt.layer(sea, land), projection


def _fit_box(lats: list[float], lons: list[float], pad: float) -> dict:
    """A GeoJSON MultiPoint the static projection fits to (the area with data, padded)."""
    return {"type": "Feature", "properties": {}, "geometry": {"type": "MultiPoint", "coordinates": [
        [min(lons) - pad, min(lats) - pad], [max(lons) + pad, max(lats) + pad]]}}


def _finish_static(chart, lang: str, title: str):
    return (chart.properties(width=STATIC_WIDTH, height=STATIC_HEIGHT,
                             title=alt.TitleParams(title, anchor="start", fontSize=14))
            .configure(locale=i18n.vega_locale(lang), font="sans-serif")
            .configure_view(fill=SEA_COLOUR, stroke="#999999")
            .configure_legend(orient="bottom", columns=3, labelLimit=240, labelFontSize=11,
                              titleFontSize=11))


# --- route legs -------------------------------------------------------------------------------------
def _value_column(legs: pd.DataFrame) -> str:
    if "estimate" in legs.columns:
        return "estimate"
    if "count" in legs.columns:
        return "count"
    raise InputError("map 'routes'", "legs need an 'estimate' or 'count' column")


def route_legs(legs: pd.DataFrame, lang: str = "nl", threshold: int | None = None) -> pd.DataFrame:
    """Published legs with drawable geometry: one row per leg with its arc points and labels.

    Columns in: corridor, from_country, to_country, estimate (or count), optional lower, upper,
    grade. Legs with a missing value or an unknown country are dropped.
    """
    _require(legs, ["corridor", "from_country", "to_country"], "routes")
    value = _value_column(legs)
    data = _published(legs, value, threshold, "routes")
    order = _ordered_corridors(data["corridor"].unique())
    rows = []
    for _, leg in data.iterrows():
        start, end = _centroid(leg["from_country"]), _centroid(leg["to_country"])
        if start is None or end is None or start == end:
            continue
        k = order.index(leg["corridor"])
        bend = (0.10 + 0.035 * (k // 2)) * (1 if k % 2 == 0 else -1)
        lower, upper = leg.get("lower"), leg.get("upper")
        grade = leg.get("grade")
        rows.append({
            "corridor": leg["corridor"], "corridor_name": _corridor_name(leg["corridor"], lang),
            "colour": _corridor_colour(leg["corridor"]),
            "from_name": country_name(leg["from_country"], lang), "to_name": country_name(leg["to_country"], lang),
            "value": float(leg[value]),
            "value_text": i18n.format_interval(leg[value], lower, upper, lang),
            "grade_text": t(f"grade.{grade}", lang) if isinstance(grade, str) and f"grade.{grade}" in i18n.strings() else "",
            "points": _curve(start, end, bend),
        })
    return pd.DataFrame(rows, columns=["corridor", "corridor_name", "colour", "from_name", "to_name",
                                       "value", "value_text", "grade_text", "points"])


def _routes_alt_text(drawn: pd.DataFrame, lang: str) -> str:
    names = [_corridor_name(c, lang) for c in _ordered_corridors(drawn["corridor"].unique())]
    return t("map.routes.alt", lang, n_legs=len(drawn), n_corridors=len(names), corridors=", ".join(names))


def route_map(legs: pd.DataFrame, lang: str = "nl", threshold: int | None = None):
    """Interactive map: one toggleable layer per corridor, line width by estimated journeys,
    tooltips with the estimate, its interval and its grade."""
    drawn = route_legs(legs, lang, threshold)
    fmap = _base_map(ROUTES_EXTENT, lang, 0.08)
    largest = drawn["value"].max() if len(drawn) else 0.0
    legend_rows = []
    for corridor_id in _ordered_corridors(drawn["corridor"].unique()):
        own = drawn[drawn["corridor"] == corridor_id]
        name, colour = own["corridor_name"].iloc[0], own["colour"].iloc[0]
        group = folium.FeatureGroup(name=name, show=True).add_to(fmap)
        for _, leg in own.iterrows():
            tip = _tooltip([(t("label.corridor", lang), name),
                            (t("label.from", lang) + " → " + t("label.to", lang), f"{leg['from_name']} → {leg['to_name']}"),
                            (t("label.journeys", lang), leg["value_text"])]
                           + ([(t("grade.label", lang), leg["grade_text"])] if leg["grade_text"] else []))
            folium.PolyLine(leg["points"], color=colour, weight=_weight(leg["value"], largest),
                            opacity=0.85, tooltip=folium.Tooltip(tip, sticky=True),
                            line_cap="round").add_to(group)
        legend_rows.append(f'<div><span class="rk-swatch" style="background:{colour}"></span>'
                           f"{html.escape(name)}</div>")
    folium.LayerControl(collapsed=False, position="topright").add_to(fmap)
    _Legend(f'<div class="rk-legend-title">{html.escape(t("map.routes.legend", lang))}</div>'
            + "".join(legend_rows)).add_to(fmap)
    lats = [p[0] for pts in drawn["points"] for p in pts]
    lons = [p[1] for pts in drawn["points"] for p in pts]
    _fit(fmap, lats, lons, 1.5)
    return fmap, _routes_alt_text(drawn, lang)


def route_map_static(legs: pd.DataFrame, lang: str = "nl", threshold: int | None = None):
    """Static route map for print: country shapes and the same arcs as geoshape LineStrings."""
    drawn = route_legs(legs, lang, threshold)
    lats = [p[0] for pts in drawn["points"] for p in pts] or [35.0, 55.0]
    lons = [p[1] for pts in drawn["points"] for p in pts] or [-10.0, 40.0]
    land, projection = _static_base(ROUTES_EXTENT, 0.12, _fit_box(lats, lons, 2.0))
    features = [{"type": "Feature", "properties": {
        "corridor_name": leg["corridor_name"], "value": leg["value"], "leg": f"{leg['from_name']} → {leg['to_name']}",
        "value_text": leg["value_text"]},
        "geometry": {"type": "LineString", "coordinates": [[lon, lat] for lat, lon in leg["points"]]}}
        for _, leg in drawn.iterrows()]
    order = _ordered_corridors(drawn["corridor"].unique())
    domain = [_corridor_name(c, lang) for c in order]
    lines = alt.Chart(alt.Data(values=features)).mark_geoshape(filled=False, strokeCap="round", opacity=0.85,
                                                              clip=True).encode(
        stroke=alt.Stroke("properties.corridor_name:N", title=t("label.corridor", lang),
                          scale=alt.Scale(domain=domain, range=[_corridor_colour(c) for c in order]),
                          legend=alt.Legend(symbolType="stroke", symbolStrokeWidth=4)),
        strokeWidth=alt.StrokeWidth("properties.value:Q", title=t("label.journeys", lang),
                                    scale=alt.Scale(range=[2, 12], zero=True),
                                    legend=alt.Legend(format=",.0f", symbolType="stroke", symbolStrokeColor="#555")),
        tooltip=[alt.Tooltip("properties.corridor_name:N", title=t("label.corridor", lang)),
                 alt.Tooltip("properties.leg:N", title=t("label.from", lang) + " → " + t("label.to", lang)),
                 alt.Tooltip("properties.value_text:N", title=t("label.journeys", lang))],
    ).project(**projection)
    return _finish_static(alt.layer(land, lines), lang, t("map.routes.title", lang)), _routes_alt_text(drawn, lang)


# --- entry points ------------------------------------------------------------------------------------
_CROSSING_COLOURS = {"land": PALETTE[0], "air": PALETTE[1], "sea": PALETTE[2]}


def _entry_rows(counts: pd.DataFrame, lang: str, threshold: int | None) -> pd.DataFrame:
    _require(counts, ["entry_point", "count"], "entry_points")
    data = _published(counts, "count", threshold, "entry_points")
    data = data.groupby("entry_point", as_index=False)["count"].sum()
    points = entry_points()
    data = data[data["entry_point"].isin(points.index)].copy()
    data["name"] = data["entry_point"].map(lambda e: points.at[e, "name"])
    data["lat"] = data["entry_point"].map(lambda e: float(points.at[e, "lat"]))
    data["lon"] = data["entry_point"].map(lambda e: float(points.at[e, "lon"]))
    data["crossing_type"] = data["entry_point"].map(lambda e: points.at[e, "crossing_type"])
    data["crossing"] = data["crossing_type"].map(lambda c: t(f"crossing.{c}", lang))
    data["count_text"] = data["count"].map(lambda v: i18n.format_number(v, lang))
    return data.sort_values("count", ascending=False)


def _entry_alt_text(data: pd.DataFrame, lang: str) -> str:
    largest = data.iloc[0]["name"] if len(data) else "-"
    return t("map.entry_points.alt", lang, n=len(data), largest=largest)


def entry_points_map(counts: pd.DataFrame, lang: str = "nl", threshold: int | None = None):
    """Interactive map of Dutch entry points, circle size by persons found. Columns:
    entry_point (reference id), count (summed over rows, e.g. months)."""
    data = _entry_rows(counts, lang, threshold)
    fmap = _base_map(NETHERLANDS_EXTENT, lang, 0.02)
    largest = data["count"].max() if len(data) else 0.0
    for crossing_type, colour in _CROSSING_COLOURS.items():
        own = data[data["crossing_type"] == crossing_type]
        if own.empty:
            continue
        group = folium.FeatureGroup(name=t(f"crossing.{crossing_type}", lang)).add_to(fmap)
        for _, row in own.iterrows():
            folium.CircleMarker([row["lat"], row["lon"]], radius=_radius(row["count"], largest), color="#333333",
                                weight=1, fill=True, fill_color=colour, fill_opacity=0.75,
                                tooltip=_tooltip([(t("label.entry_point", lang), row["name"]),
                                                  (t("label.persons", lang), row["count_text"])])).add_to(group)
    folium.LayerControl(collapsed=False).add_to(fmap)
    legend = "".join(f'<div><span class="rk-dot" style="background:{c};width:10px;height:10px"></span>'
                     f'{html.escape(t(f"crossing.{k}", lang))}</div>' for k, c in _CROSSING_COLOURS.items())
    _Legend(f'<div class="rk-legend-title">{html.escape(t("map.entry_points.legend", lang))}</div>{legend}').add_to(fmap)
    _fit(fmap, list(data["lat"]) or [50.7, 53.6], list(data["lon"]) or [3.3, 7.2], 0.3)
    return fmap, _entry_alt_text(data, lang)


def entry_points_map_static(counts: pd.DataFrame, lang: str = "nl", threshold: int | None = None):
    data = _entry_rows(counts, lang, threshold)
    land, projection = _static_base(NETHERLANDS_EXTENT, 0.02,
                                    _fit_box([50.7, 53.6], [3.3, 7.2], 0.2))
    kinds = [t(f"crossing.{k}", lang) for k in _CROSSING_COLOURS]
    dots = alt.Chart(data[["name", "lat", "lon", "crossing", "count", "count_text"]]).mark_circle(
        opacity=0.8, stroke="#333333", strokeWidth=0.8).encode(
        longitude="lon:Q", latitude="lat:Q",
        size=alt.Size("count:Q", title=t("label.persons", lang), scale=alt.Scale(range=[40, 1400]),
                      legend=alt.Legend(format=",.0f")),
        color=alt.Color("crossing:N", title=t("label.crossing_type", lang),
                        scale=alt.Scale(domain=kinds, range=list(_CROSSING_COLOURS.values()))),
        tooltip=[alt.Tooltip("name:N", title=t("label.entry_point", lang)),
                 alt.Tooltip("count_text:N", title=t("label.persons", lang))]).project(**projection)
    labels = alt.Chart(data[["name", "lat", "lon"]]).mark_text(align="left", dx=10, fontSize=10).encode(
        longitude="lon:Q", latitude="lat:Q", text="name:N").project(**projection)
    chart = _finish_static(alt.layer(land, dots, labels), lang, t("map.entry_points.title", lang))
    return chart, _entry_alt_text(data, lang)


# --- IOM incidents ----------------------------------------------------------------------------------
def _incident_rows(frame: pd.DataFrame, lang: str) -> pd.DataFrame:
    _require(frame, ["lat", "lon", "dead", "missing"], "incidents")
    data = frame.copy()
    for column in ("dead", "missing", "lat", "lon"):
        data[column] = pd.to_numeric(data[column], errors="coerce")
    data = data.dropna(subset=["lat", "lon"])
    data["victims"] = data["dead"].fillna(0) + data["missing"].fillna(0)
    data = data[data["victims"] > 0].copy()  # public IOM data: no threshold, but only real incidents
    if "corridor" not in data.columns:
        data["corridor"] = "other"
    data["corridor_name"] = data["corridor"].map(lambda c: _corridor_name(c, lang))
    data["when"] = data["month"].map(lambda m: i18n.format_month(m, lang)) if "month" in data.columns else ""
    return data


def _incidents_alt_text(data: pd.DataFrame, lang: str) -> str:
    return t("map.incidents.alt", lang, n=len(data), victims=i18n.format_number(data["victims"].sum(), lang))


def incidents_map(frame: pd.DataFrame, lang: str = "nl"):
    """Interactive map of IOM Missing Migrants incidents, circle size by dead + missing, one
    layer per corridor. Columns: lat, lon, dead, missing, optional corridor, month."""
    data = _incident_rows(frame, lang)
    fmap = _base_map(ROUTES_EXTENT, lang, 0.08)
    largest = data["victims"].max() if len(data) else 0.0
    legend_rows = []
    for corridor_id in _ordered_corridors(data["corridor"].unique()):
        own = data[data["corridor"] == corridor_id]
        name, colour = own["corridor_name"].iloc[0], _corridor_colour(corridor_id)
        group = folium.FeatureGroup(name=name).add_to(fmap)
        for _, row in own.iterrows():
            rows = [(t("label.corridor", lang), name), (t("label.dead", lang), i18n.format_number(row["dead"], lang)),
                    (t("label.missing", lang), i18n.format_number(row["missing"], lang))]
            if row["when"]:
                rows.insert(1, (t("label.month", lang), row["when"]))
            folium.CircleMarker([row["lat"], row["lon"]], radius=_radius(row["victims"], largest, 3, 18),
                                color="#333333", weight=0.8, fill=True, fill_color=colour, fill_opacity=0.7,
                                tooltip=_tooltip(rows)).add_to(group)
        legend_rows.append(f'<div><span class="rk-dot" style="background:{colour};width:10px;height:10px"></span>'
                           f"{html.escape(name)}</div>")
    folium.LayerControl(collapsed=False).add_to(fmap)
    _Legend(f'<div class="rk-legend-title">{html.escape(t("map.incidents.legend", lang))}</div>'
            + "".join(legend_rows)).add_to(fmap)
    _fit(fmap, list(data["lat"]), list(data["lon"]), 2.0)
    return fmap, _incidents_alt_text(data, lang)


def incidents_map_static(frame: pd.DataFrame, lang: str = "nl"):
    data = _incident_rows(frame, lang)
    lats = list(data["lat"]) or [25.0, 50.0]
    lons = list(data["lon"]) or [-20.0, 40.0]
    land, projection = _static_base(ROUTES_EXTENT, 0.12, _fit_box(lats, lons, 3.0))
    order = _ordered_corridors(data["corridor"].unique())
    domain = [_corridor_name(c, lang) for c in order]
    dots = alt.Chart(data[["lat", "lon", "victims", "corridor_name", "dead", "missing"]]).mark_circle(
        opacity=0.75, stroke="#333333", strokeWidth=0.6).encode(
        longitude="lon:Q", latitude="lat:Q",
        size=alt.Size("victims:Q", title=t("label.victims", lang), scale=alt.Scale(range=[20, 900])),
        color=alt.Color("corridor_name:N", title=t("label.corridor", lang),
                        scale=alt.Scale(domain=domain, range=[_corridor_colour(c) for c in order])),
        tooltip=[alt.Tooltip("corridor_name:N", title=t("label.corridor", lang)),
                 alt.Tooltip("dead:Q", title=t("label.dead", lang)),
                 alt.Tooltip("missing:Q", title=t("label.missing", lang))]).project(**projection)
    return _finish_static(alt.layer(land, dots), lang, t("map.incidents.title", lang)), _incidents_alt_text(data, lang)


# --- corridors at a glance ---------------------------------------------------------------------------
# Where each corridor reaches Europe or its neighbourhood (lat, lon): the tail of its arrow. A
# presentation choice, not data; the leg map shows where people actually travelled. Corridors
# without a region ('other') get no arrow and are named in the alternative text instead.
CORRIDOR_GATEWAYS = {
    "central_med": (33.5, 13.0), "eastern_med": (37.5, 27.5), "western_med": (35.3, -4.0),
    "western_african": (28.0, -15.5), "western_balkans": (43.8, 20.5), "eastern_land": (53.8, 27.5),
    "black_sea": (43.4, 31.5), "air_direct": (33.9, 35.6), "air_indirect": (25.3, 52.0),
    "channel": (50.9, 1.8),
}
NETHERLANDS_POINT = (52.15, 5.3)
CHANGE_COLOURS = {"up": "#b2182b", "down": "#2166ac", "unknown": "#6b6b6b"}


def corridor_arrows(corridors: pd.DataFrame, lang: str = "nl", threshold: int | None = None) -> pd.DataFrame:
    """One drawable arrow per corridor with a published estimate: its curve, arrowhead and label.

    Columns in: corridor, estimate, optional lower, upper, change_ratio. The label is the
    estimate and the change ('1.234 · +12%'); the colour says the change's direction.
    """
    from routekit.disclosure.gate import not_counts

    _require(corridors, ["corridor", "estimate"], "corridors")
    ratios = [c for c in ("change_ratio",) if c in corridors.columns]  # a ratio, not a count
    data = _published(not_counts(corridors.copy(), *ratios), "estimate", threshold, "corridors")
    order = _ordered_corridors(data["corridor"].unique())
    rows = []
    for corridor_id in order:
        own = data[data["corridor"] == corridor_id].iloc[0]
        start = CORRIDOR_GATEWAYS.get(corridor_id)
        if start is None:
            continue
        k = order.index(corridor_id)
        points = _curve(start, NETHERLANDS_POINT, (0.12 + 0.02 * (k % 3)) * (1 if k % 2 == 0 else -1), steps=24)
        ratio = own.get("change_ratio")
        known = ratio is not None and pd.notna(ratio)
        direction = "unknown" if not known else ("up" if ratio >= 1 else "down")
        change = (("+" if ratio >= 1 else "−") + i18n.format_number(abs(round((ratio - 1) * 100)), lang) + "%"
                  if known else t("map.corridors.unknown", lang))
        estimate = i18n.format_number(round(float(own["estimate"])), lang)
        rows.append({
            "corridor": corridor_id, "corridor_name": _corridor_name(corridor_id, lang),
            "value": float(own["estimate"]), "direction": direction,
            "colour": CHANGE_COLOURS[direction], "label": f"{estimate} · {change}",
            "value_text": i18n.format_interval(own["estimate"], own.get("lower"), own.get("upper"), lang),
            "change_text": change, "points": points, "head": _arrow_head(points),
            "label_at": points[len(points) // 5],
        })
    return pd.DataFrame(rows, columns=["corridor", "corridor_name", "value", "direction", "colour", "label",
                                       "value_text", "change_text", "points", "head", "label_at"])


def _arrow_head(points: list[tuple[float, float]], size: float = 1.1) -> list[tuple[float, float]]:
    """A small triangle at the curve's end, pointing along its last segment (lat/lon)."""
    (lat1, lon1), (lat2, lon2) = points[-3], points[-1]
    d_lat, d_lon = lat2 - lat1, (lon2 - lon1) * math.cos(math.radians(lat2))
    norm = math.hypot(d_lat, d_lon) or 1.0
    u_lat, u_lon = d_lat / norm, d_lon / norm
    scale = 1 / math.cos(math.radians(lat2))
    base_lat, base_lon = lat2 - size * u_lat, lon2 - size * u_lon * scale
    half = size * 0.5
    return [(round(lat2, 3), round(lon2, 3)),
            (round(base_lat + half * u_lon, 3), round(base_lon - half * u_lat * scale, 3)),
            (round(base_lat - half * u_lon, 3), round(base_lon + half * u_lat * scale, 3))]


def _clockwise(ring: list[list[float]]) -> list[list[float]]:
    """A closed ring wound clockwise (lon, lat): d3's spherical polygons read the other winding
    as 'everything outside the triangle'."""
    area = sum(x1 * y2 - x2 * y1 for (x1, y1), (x2, y2) in zip(ring, ring[1:] + ring[:1]))
    ring = ring if area < 0 else ring[::-1]
    return [*ring, ring[0]]


def _corridors_alt_text(drawn: pd.DataFrame, corridors: pd.DataFrame, lang: str) -> str:
    if drawn.empty:
        return t("map.corridors.none", lang)
    labels = [f"{row.corridor_name} {row.value_text} ({row.change_text})" for row in drawn.itertuples()]
    return t("map.corridors.alt", lang, n=len(drawn), labels="; ".join(labels))


def corridor_map(corridors: pd.DataFrame, lang: str = "nl", threshold: int | None = None):
    """Interactive map: one arrow per corridor into the Netherlands, width by estimate, with the
    estimate and the change written beside it."""
    drawn = corridor_arrows(corridors, lang, threshold)
    fmap = _base_map(ROUTES_EXTENT, lang, 0.08)
    largest = drawn["value"].max() if len(drawn) else 0.0
    for _, arrow in drawn.iterrows():
        tip = _tooltip([(t("label.corridor", lang), arrow["corridor_name"]),
                        (t("label.journeys", lang), arrow["value_text"]),
                        (t("headline.col_change", lang), arrow["change_text"])])
        weight = _weight(arrow["value"], largest, 3.0, 16.0)
        folium.PolyLine(arrow["points"], color=arrow["colour"], weight=weight, opacity=0.85,
                        tooltip=folium.Tooltip(tip, sticky=True), line_cap="butt").add_to(fmap)
        folium.Polygon(arrow["head"], color=arrow["colour"], fill=True, fill_opacity=0.9, weight=1,
                       interactive=False).add_to(fmap)
        folium.Marker(arrow["label_at"], icon=folium.DivIcon(
            html=f'<div class="rk-arrow-label">{html.escape(arrow["corridor_name"])}<br>'
                 f'<b>{html.escape(arrow["label"])}</b></div>', icon_size=(150, 34), icon_anchor=(75, 17)),
                      interactive=False, keyboard=False).add_to(fmap)
    # one view, no layers to switch (the leg map has those); the class tells the browser test so
    _Legend(f'<div class="rk-legend-title rk-corridors-legend">{html.escape(t("map.corridors.legend", lang))}</div>'
            + "".join(f'<div><span class="rk-swatch" style="background:{CHANGE_COLOURS[k]}"></span>'
                      f'{html.escape(t(f"map.corridors.{k}", lang))}</div>' for k in ("up", "down"))
            + (f'<div class="rk-map-empty"><b>{html.escape(t("map.corridors.none", lang))}</b></div>'
               if drawn.empty else "")).add_to(fmap)
    lats = [p[0] for pts in drawn["points"] for p in pts] or [35.0, 55.0]
    lons = [p[1] for pts in drawn["points"] for p in pts] or [-10.0, 40.0]
    _fit(fmap, lats, lons, 1.5)
    return fmap, _corridors_alt_text(drawn, corridors, lang)


def corridor_map_static(corridors: pd.DataFrame, lang: str = "nl", threshold: int | None = None,
                        width: int = STATIC_WIDTH, height: int = STATIC_HEIGHT):
    """The same arrows for print: country shapes, arrow bodies and heads, and their labels."""
    drawn = corridor_arrows(corridors, lang, threshold)
    lats = [p[0] for pts in drawn["points"] for p in pts] or [35.0, 55.0]
    lons = [p[1] for pts in drawn["points"] for p in pts] or [-10.0, 40.0]
    land, projection = _static_base(ROUTES_EXTENT, 0.12, _fit_box(lats, lons, 1.5))
    largest = drawn["value"].max() if len(drawn) else 0.0
    bodies = [{"type": "Feature", "properties": {"colour": a["colour"], "width": _weight(a["value"], largest, 2.0, 11.0),
                                                 "name": a["corridor_name"], "value_text": a["value_text"]},
               "geometry": {"type": "LineString", "coordinates": [[lon, lat] for lat, lon in a["points"]]}}
              for _, a in drawn.iterrows()]
    heads = [{"type": "Feature", "properties": {"colour": a["colour"]},
              "geometry": {"type": "Polygon", "coordinates": [_clockwise([[lon, lat] for lat, lon in a["head"]])]}}
             for _, a in drawn.iterrows()]
    labels = pd.DataFrame({"lat": [a["label_at"][0] for _, a in drawn.iterrows()],
                           "lon": [a["label_at"][1] for _, a in drawn.iterrows()],
                           "name": list(drawn["corridor_name"]), "label": list(drawn["label"])})
    body = alt.Chart(alt.Data(values=bodies)).mark_geoshape(filled=False, opacity=0.85, clip=True).encode(
        stroke=alt.Color("properties.colour:N", scale=None), strokeWidth=alt.StrokeWidth("properties.width:Q", scale=None),
    ).project(**projection)
    head = alt.Chart(alt.Data(values=heads)).mark_geoshape(clip=True, strokeWidth=0.5).encode(
        fill=alt.Color("properties.colour:N", scale=None), stroke=alt.Color("properties.colour:N", scale=None),
    ).project(**projection)
    text = alt.Chart(labels).mark_text(fontSize=10, fontWeight="bold", dy=-7, stroke="white", strokeWidth=3,
                                       strokeOpacity=0.8).encode(
        longitude="lon:Q", latitude="lat:Q", text="label:N").project(**projection)
    text_fill = alt.Chart(labels).mark_text(fontSize=10, fontWeight="bold", dy=-7).encode(
        longitude="lon:Q", latitude="lat:Q", text="label:N").project(**projection)
    names = alt.Chart(labels).mark_text(fontSize=9, dy=6, color="#333333").encode(
        longitude="lon:Q", latitude="lat:Q", text="name:N").project(**projection)
    layers = [land, body, head, text, text_fill, names]
    if drawn.empty:  # an empty map must not read as 'no journeys': say why there is no arrow
        note = alt.Chart(alt.Data(values=[{"text": t("map.corridors.none", lang)}])).mark_text(
            fontSize=13, fontWeight="bold", color="#333333", stroke="white", strokeWidth=4, strokeOpacity=0.9,
            x=width / 2, y=height / 2).encode(text="text:N")
        layers += [note, note.mark_text(fontSize=13, fontWeight="bold", color="#333333", x=width / 2, y=height / 2)]
    chart = alt.layer(*layers)
    finished = (chart.properties(width=width, height=height,
                                 title=alt.TitleParams(t("map.corridors.title", lang), anchor="start", fontSize=14,
                                                       subtitle=t("map.corridors.legend", lang), subtitleFontSize=10))
                .configure(locale=i18n.vega_locale(lang), font="sans-serif")
                .configure_view(fill=SEA_COLOUR, stroke="#999999"))
    return finished, _corridors_alt_text(drawn, corridors, lang)
