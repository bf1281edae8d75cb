import json

import numpy as np
import pandas as pd
import pytest

import visuals_demo_data as demo
from routekit.errors import DisclosureError, InputError
from routekit.report import charts, embed
from routekit.report.i18n import t

ALL = [
    (charts.corridor_trends, demo.corridor_trends_frame),
    (charts.nationality_by_corridor, demo.nationality_frame),
    (charts.nationality_over_time, demo.nationality_frame),
    (charts.entry_point_trends, demo.entry_point_frame),
    (charts.source_agreement, demo.agreement_frame),
    (charts.safety, demo.safety_frame),
    (charts.missing_route_share, demo.missing_route_frame),
    (charts.interview_lag, demo.interview_lag_frame),
]


def _spec_text(chart) -> str:
    return json.dumps(embed.chart_spec(chart), ensure_ascii=False)


@pytest.mark.parametrize("function,make", ALL, ids=[f.__name__ for f, _ in ALL])
@pytest.mark.parametrize("lang", ["nl", "en"])
def test_chart_is_titled_localised_and_described(function, make, lang):
    chart, alt_text = function(make(), lang)
    spec = embed.chart_spec(chart)
    assert spec["config"]["locale"]["time"]["months"][0] == ("januari" if lang == "nl" else "January")
    title = spec["title"]["text"]
    other = "en" if lang == "nl" else "nl"
    assert title != "" and len(alt_text) > 40
    text = _spec_text(chart)
    assert "http://" not in text.replace("https://vega.github.io/schema", "")


def test_corridor_trends_labels_follow_language():
    nl = _spec_text(charts.corridor_trends(demo.corridor_trends_frame(), "nl")[0])
    en = _spec_text(charts.corridor_trends(demo.corridor_trends_frame(), "en")[0])
    assert "Centrale Middellandse Zee" in nl and "Getrianguleerde schatting" in nl and t("label.persons", "nl") in nl
    assert "Central Mediterranean" in en and "Triangulated estimate" in en and "Centrale Middellandse" not in en


def test_suppressed_values_are_not_drawn_or_invented():
    frame = demo.corridor_trends_frame()
    chart, _ = charts.corridor_trends(frame, "en")
    values = next(iter(embed.chart_spec(chart)["datasets"].values()))
    police_air = [v for v in values if v["series"] == "Police (AVIM)" and v["month_date"] == "2025-03-01"
                  and v["corridor_name"] == "Direct air route"]
    assert police_air == []  # the suppressed cell is absent, not zero
    published = frame["count"].notna().sum() + (frame["source"] == "triangulated").sum()
    assert len(values) == published


def test_threshold_guard_refuses_small_counts():
    frame = demo.nationality_frame()
    frame.loc[0, "count"] = 3.0
    with pytest.raises(DisclosureError):
        charts.nationality_by_corridor(frame, "nl", threshold=10)
    charts.nationality_by_corridor(frame.drop(index=0), "nl", threshold=10)


def test_rows_not_published_are_left_out():
    frame = demo.entry_point_frame().assign(status="published")
    frame.loc[frame.index[:5], "status"] = "suppressed"
    values = next(iter(embed.chart_spec(charts.entry_point_trends(frame, "nl")[0])["datasets"].values()))
    assert len(values) == len(frame) - 5


def test_nationalities_beyond_top_n_are_grouped():
    chart, alt_text = charts.nationality_over_time(demo.nationality_frame(), "nl", top_n=3)
    values = next(iter(embed.chart_spec(chart)["datasets"].values()))
    names = {v["nationality_name"] for v in values}
    assert len(names) == 4 and "Overige nationaliteiten" in names


def test_missing_column_names_the_chart():
    with pytest.raises(InputError, match="corridor_trends"):
        charts.corridor_trends(pd.DataFrame({"month": ["2025-01"]}), "nl")


def test_empty_input_gives_a_no_data_chart():
    frame = demo.safety_frame().assign(dead=np.nan, missing=np.nan)
    chart, alt_text = charts.safety(frame, "en")
    assert alt_text == t("alt.no_data", "en")


def test_chart_html_is_offline_and_escaped():
    chart, alt_text = charts.source_agreement(demo.agreement_frame(), "nl")
    html = embed.chart_html(chart, alt_text + ' <"x">', caption="Figuur 1")
    assert 'class="rk-vega"' in html and 'type="application/json"' in html
    assert "cdn" not in html.lower() and "<script src" not in html
    body = html.split('class="rk-spec">', 1)[1].split("</script>", 1)[0]
    assert "<" not in body  # nothing in the spec can close the script element
    assert json.loads(body)["title"]["text"] == t("chart.source_agreement.title", "nl")
