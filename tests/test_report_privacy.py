"""The last privacy gate before a page: small counts and identifiers never get through."""

import pandas as pd
import pytest

from routekit.errors import DisclosureError
from routekit.disclosure.gate import assert_publishable
from routekit.report.tables import format_cell, table_html, write_table


def test_small_count_is_refused():
    frame = pd.DataFrame({"corridor": ["a", "b"], "count": [25, 7]})
    with pytest.raises(DisclosureError, match="below the threshold 10"):
        assert_publishable(frame, 10, "t")


def test_zero_and_large_counts_pass():
    assert_publishable(pd.DataFrame({"count": [0, 10, 250]}), 10, "t")


def test_public_statistics_are_exempt_from_threshold_but_not_identifiers():
    assert_publishable(pd.DataFrame({"count": [3]}), 10, "t", public=True)
    with pytest.raises(DisclosureError, match="v-number"):
        assert_publishable(pd.DataFrame({"note": ["case 2912345678"]}), 10, "t", public=True)


@pytest.mark.parametrize("column", ["v_number", "token", "narrative"])
def test_identifier_columns_are_refused(column):
    with pytest.raises(DisclosureError, match="may not be published"):
        assert_publishable(pd.DataFrame({column: ["x"], "count": [20]}), 10, "t")


def test_phone_and_email_in_text_are_refused():
    with pytest.raises(DisclosureError, match="phone"):
        assert_publishable(pd.DataFrame({"x": ["bel +31 6 12345678"]}), 10, "t")
    with pytest.raises(DisclosureError, match="e-mail"):
        assert_publishable(pd.DataFrame({"x": ["a.b@example.org"]}), 10, "t")


def test_write_table_prefixes_public_and_refuses_small(tmp_path):
    path = write_table(pd.DataFrame({"count": [3]}), "frontex detections", tmp_path, 10, public=True)
    assert path.name == "public-frontex-detections.csv"
    with pytest.raises(DisclosureError):
        write_table(pd.DataFrame({"count": [3]}), "national", tmp_path, 10)
    assert not (tmp_path / "national.csv").exists()


def test_numbers_follow_language():
    assert format_cell(1234567, "nl") == "1.234.567"
    assert format_cell(1234567, "en") == "1,234,567"
    assert format_cell(1234.5, "nl") == "1.234,5"


def test_table_html_links_csv_and_captions():
    html = table_html(pd.DataFrame({"count": [12]}), "../../tables/x/t.csv", "Caption", "en")
    assert "href='../../tables/x/t.csv'" in html and "<caption>Caption</caption>" in html


def test_gate_fails_closed_on_renamed_count_columns():
    frame = pd.DataFrame({"gezien (elke bron)": [250, 5]})
    with pytest.raises(DisclosureError, match="gezien"):
        assert_publishable(frame, 10, "t")


def test_declared_non_counts_and_suppress_small():
    from routekit.disclosure.gate import not_counts, suppress_small

    frame = not_counts(pd.DataFrame({"count": [20, 30], "change %": [3.5, -2.0]}), "change %")
    assert_publishable(frame, 10, "t")
    blanked = suppress_small(pd.DataFrame({"estimate": [4.0, 0.0, 12.0]}), ["estimate"], 10)
    assert blanked["estimate"].isna().tolist() == [True, False, False]
    assert_publishable(blanked, 10, "t")
