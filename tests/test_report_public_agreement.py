"""The comparison with published series reads as short tables, one per scope and series."""
from __future__ import annotations

import pandas as pd

from routekit.report.context import ReportContext
from routekit.report.views import public_agreement_groups

COMMON_NL = "de laatste periode die beide dekken; alleen ter vergelijking, telt niet mee in het oordeel"
COMMON_EN = "the latest window both cover; context only, it does not grade the period's findings"


def _row(scope, comparison, category, agreement, ours=1.2, public=1.3, note_nl=COMMON_NL, note_en=COMMON_EN):
    frontex = comparison == "frontex_corridor"
    return dict(scope=scope, comparison=comparison, dimension="corridor" if frontex else "nationality",
                category=category, ours="estimate" if frontex else "ind",
                public_source="frontex" if frontex else "eurostat_asylum",
                period="2025-02/2025-04" if scope == "latest_covered" else "2025-10/2025-12",
                baseline_period="2024-11/2025-01" if scope == "latest_covered" else "2025-07/2025-09",
                ours_ratio=ours, ours_lower=ours - 0.1 if ours else None, ours_upper=ours + 0.1 if ours else None,
                public_ratio=public, public_lower=public - 0.2 if public else None,
                public_upper=public + 0.2 if public else None, agreement=agreement, note_nl=note_nl, note_en=note_en,
                ours_count=999.0, public_count=12345.0)


def _context(tmp_path, rows, language="nl") -> ReportContext:
    estimates = tmp_path / "estimates"
    estimates.mkdir()
    pd.DataFrame(rows).to_csv(estimates / "public_agreement.csv", index=False)
    period = {"start": "2025-07", "end": "2025-09", "kind": "quarter", "label": "2025-Q3"}
    return ReportContext({"params": {"language": language, "threshold": 10, "sources": []},
                          "period": period, "baseline": period,
                          "paths": {"estimates": str(estimates), "releases": str(tmp_path / "releases"),
                                    "link": str(tmp_path / "link"), "public": str(tmp_path / "public"),
                                    "tables_dir": str(tmp_path / "tables"), "tables_href": "tables"}})


def test_groups_are_narrow_sorted_and_say_what_is_compared(tmp_path):
    not_covered = "Frontex-detecties lopen van 2009-01 tot 2025-04: de periode valt er niet geheel binnen"
    rows = [_row("period", "frontex_corridor", "all", "not_covered", None, None, not_covered, "Frontex ends 2025-04"),
            _row("latest_covered", "frontex_corridor", "western_balkans", "same"),
            _row("latest_covered", "frontex_corridor", "central_med", "opposite", 0.8, 1.3),
            _row("latest_covered", "frontex_corridor", "all", "only_public", 1.0, 1.4,
                 COMMON_NL + "; ind: geen gepubliceerd aantal", COMMON_EN + "; ind: no published count")]
    groups = public_agreement_groups(_context(tmp_path, rows))
    assert [g["name"] for g in groups] == ["published-period-frontex-corridor", "published-latest-covered-frontex-corridor"]
    period, latest = groups
    # nothing comparable in the reporting period: a sentence, no table
    assert "table" not in period and "3e kwartaal 2025" in period["note"] and "4e kwartaal 2025" in period["note"]
    assert "Frontex-detecties lopen van 2009-01 tot 2025-04" in period["note"]
    table = latest["table"]
    assert list(table.columns) == ["onderwerp", "onze verandering (95%)", "gepubliceerde verandering (95%)",
                                   "overeenstemming", "toelichting"]
    assert list(table["onderwerp"]) == ["alle", "Centrale Middellandse Zee", "Westelijke Balkan"]
    assert list(table["overeenstemming"]) == ["alleen de gepubliceerde reeks verandert", "tegengesteld", "zelfde richting"]
    assert table.loc[1, "onze verandering (95%)"] == "×0,80 (0,70–0,90)"
    # only what a row adds to its group's note is shown; the group's note is in the caption
    assert list(table["toelichting"]) == ["ind: geen gepubliceerd aantal", "", ""]
    assert "februari 2025 t/m april 2025 ten opzichte van november 2024 t/m januari 2025" in latest["caption"]
    assert "telt niet mee in het oordeel" in latest["caption"] and "Frontex" in latest["caption"]
    assert not table.apply(lambda c: c.astype(str).str.contains("12345|999")).any().any()  # ratios only


def test_english_groups_without_extra_notes_have_no_note_column(tmp_path):
    rows = [_row("latest_covered", "eurostat_nationality", "SYR", "neither"),
            _row("latest_covered", "eurostat_nationality", "AFG", "only_ours", 1.5, 1.0)]
    (group,) = public_agreement_groups(_context(tmp_path, rows, "en"))
    assert list(group["table"].columns) == ["subject", "our change (95%)", "published change (95%)", "agreement"]
    assert list(group["table"]["subject"]) == ["Afghanistan", "Syria"]
    assert "Eurostat" in group["caption"] and "February 2025 to April 2025" in group["caption"]


def test_ratio_columns_are_laid_out_as_numbers(tmp_path):
    from routekit.report.tables import table_html

    (group,) = public_agreement_groups(_context(tmp_path, [_row("latest_covered", "eurostat_nationality", "SYR", "same")]))
    page = table_html(group["table"], "t.csv", group["caption"], "nl")
    assert "<td class='rk-num'>×1,20 (1,10–1,30)</td>" in page and "<td>Syrië</td>" in page
