import re

import pandas as pd
import pytest

import visuals_demo_data as demo
from routekit.errors import DisclosureError
from routekit.report import embed, maps

CDN = re.compile(r"(cdn|unpkg|jsdelivr|cdnjs|googleapis|bootstrapcdn|code\.jquery)", re.I)


def test_country_shapes_are_trimmed_and_keyed_by_iso3():
    shapes = maps.country_shapes()
    ids = {f["id"] for f in shapes["features"]}
    assert {"NLD", "LBY", "TUR", "AFG", "DEU"} <= ids
    assert "USA" not in ids and "BRA" not in ids and "AUS" not in ids
    assert len(shapes["features"]) < 180


def test_route_map_has_one_layer_per_corridor_and_no_cdn():
    fmap, alt_text = maps.route_map(demo.legs_frame(), "nl")
    html = embed.map_html(fmap, alt_text, static_chart=maps.route_map_static(demo.legs_frame(), "nl")[0])
    for name in ("Centrale Middellandse Zee", "Oostelijke Middellandse Zee", "Westelijke Balkan", "Directe luchtroute"):
        assert f'"{name}" : feature_group_' in html
    assert html.count("L.featureGroup(") == 4
    assert "L.control.layers" in html and "rk-legend" in html
    assert not CDN.search(html)
    assert not re.search(r"""(src|href)\s*=\s*["']https?://""", html)
    assert "rk-screen-only" in html and "rk-print-only" in html


def test_route_tooltips_show_interval_and_grade():
    fmap, _ = maps.route_map(demo.legs_frame(), "en")
    body, script = embed.folium_parts(fmap)
    assert "1,400 (interval 1,100 – 1,800)" in script
    assert "B (moderate)" in script


def test_suppressed_leg_is_not_drawn():
    drawn = maps.route_legs(demo.legs_frame(), "en")
    assert len(drawn) == len(demo.legs_frame()) - 1
    assert "Colombia" not in set(drawn["from_name"])
    fmap, _ = maps.route_map(demo.legs_frame(), "en")
    assert "Colombia" not in embed.folium_parts(fmap)[1]


def test_line_width_follows_the_estimate():
    fmap, _ = maps.route_map(demo.legs_frame(), "nl")
    weights = [float(w) for w in re.findall(r'"weight": ([\d.]+)', embed.folium_parts(fmap)[1])]
    route_weights = [w for w in weights if w >= 2.0]
    # widest for the largest estimate (1600), narrowest for the smallest (300), by sqrt
    assert max(route_weights) == 12.0
    assert min(route_weights) == pytest.approx(2 + 10 * (300 / 1600) ** 0.5, abs=0.1)


def test_threshold_guard_on_legs():
    legs = demo.legs_frame().rename(columns={"estimate": "count"})
    legs.loc[0, "count"] = 4
    with pytest.raises(DisclosureError):
        maps.route_map(legs, "nl", threshold=10)


def test_static_route_map_uses_linestrings_and_localised_legend():
    chart, _ = maps.route_map_static(demo.legs_frame(), "en")
    spec = embed.chart_spec(chart)
    text = str(spec)
    assert "'LineString'" in text and "Estimated journeys" in text
    assert spec["layer"][1]["projection"]["type"] == "mercator"


def test_entry_and_incident_maps():
    fmap, alt_text = maps.entry_points_map(demo.entry_counts_frame(), "nl")
    script = embed.folium_parts(fmap)[1]
    assert script.count("L.circleMarker(") == 5  # 'meer' has no published count
    assert "Schiphol" in alt_text
    fmap, alt_text = maps.incidents_map(demo.incidents_frame(), "en")
    script = embed.folium_parts(fmap)[1]
    assert script.count("L.circleMarker(") == 6 and "165" in alt_text
    assert not CDN.search(embed.map_html(fmap, alt_text))


def test_corridor_map_draws_one_labelled_arrow_per_corridor_or_says_why_there_is_none():
    import vl_convert as vlc

    from routekit.report import embed

    frame = pd.DataFrame({"corridor": ["central_med", "western_balkans"], "estimate": [1200.0, 800.0],
                          "lower": [1000.0, 600.0], "upper": [1500.0, 1000.0], "change_ratio": [1.2, 0.9]})
    fmap, alt_text = maps.corridor_map(frame, "nl", threshold=10)
    page = fmap.get_root().render()
    assert page.count("rk-arrow-label") == 2 and "Kaart met 2 pijlen" in alt_text
    empty = frame.iloc[0:0]
    fmap, alt_text = maps.corridor_map(empty, "nl", threshold=10)
    assert alt_text.startswith("Geen pijlen") and "Geen pijlen" in fmap.get_root().render()
    chart, alt_text = maps.corridor_map_static(empty, "en", threshold=10)
    svg = vlc.vegalite_to_svg(embed.chart_spec(chart))
    assert "No arrows" in svg and alt_text.startswith("No arrows")
