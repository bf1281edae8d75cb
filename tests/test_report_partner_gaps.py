"""Honest gaps for partner sources: a source that delivered nothing for a month of the period is
'niet geleverd' / 'not released' in the chapters' tables - never a 0 and never a -100% change.

The chapter functions are given a small stand-in for ReportContext holding released tables in
memory (the shape ReleaseBundle.table returns), so no report is built.
"""

from __future__ import annotations

from types import SimpleNamespace

import pandas as pd

from routekit.periods import parse_period
from routekit.report import tables
from routekit.report.chapters import data_quality, summary

Q1, Q2 = parse_period("2025-Q1"), parse_period("2025-Q2")


class _Bundle:
    def __init__(self, frames: dict[str, pd.DataFrame]):
        self.frames = frames

    def has_table(self, name: str) -> bool:
        return name in self.frames

    def table(self, name: str) -> pd.DataFrame:
        return self.frames[name].copy()


def _ctx(delivered: dict[str, list[str]], language: str = "nl"):
    """Two text sources, 120 records a month in each month they delivered."""
    bundles = {}
    for source, months in delivered.items():
        totals = pd.DataFrame({"month": months, "corridor": "central_med", "count": 120, "status": "published"})
        quality = pd.DataFrame({"month": months, "records": 120, "with_text": 100, "route_found": 80})
        bundles[source] = _Bundle({"totals": totals, "quality": quality})

    def monthly_persons(source):
        frame = bundles[source].table("quality")
        return pd.DataFrame({"month": frame["month"], "count": frame["records"], "suppressed": False})

    def release_table(source, table, published_only=True, apply_focus=True):
        return bundles[source].table(table)

    return SimpleNamespace(
        sources=list(delivered), period=Q2, baseline=Q1, language=language, threshold=10,
        release=bundles.get, has_release_table=lambda s, t: bundles[s].has_table(t),
        monthly_persons=monthly_persons, release_table=release_table, in_period=lambda f: f[f["month"].isin(Q2.months)],
        source_title=lambda s: s.upper(), t=lambda nl, en: nl if language == "nl" else en)


def test_a_month_not_delivered_is_not_a_zero_nor_a_fall():
    # police delivered nothing for May 2025; KMar every month
    ctx = _ctx({"kmar": Q1.months + Q2.months, "police": Q1.months + ["2025-04", "2025-06"]})
    table = summary.key_numbers_table(ctx)
    police = table.set_index("bron").loc["POLICE"]
    assert pd.isna(police["personen (periode)"]) and pd.isna(police["verandering %"])  # no 240, no -33%
    assert police["personen (vergelijking)"] == 360
    kmar = table.set_index("bron").loc["KMAR"]
    assert kmar["personen (periode)"] == 360 and kmar["verandering %"] == 0
    page = tables.table_html(table, "kerncijfers.csv", "Kerncijfers", "nl")
    assert "niet geleverd" in page and "dat is geen nul" in page
    assert "-100" not in page and "−100" not in page
    csv = tables.with_status_columns(table)
    assert list(csv["personen (periode) status"]) == ["complete", "not_released"]


def test_a_source_silent_for_the_whole_period_reads_not_released_in_english():
    ctx = _ctx({"kmar": Q1.months + Q2.months, "police": Q1.months}, language="en")
    table = summary.key_numbers_table(ctx)
    page = tables.table_html(table, "key.csv", "Key numbers", "en")
    police_row = [row for row in page.split("</tr>") if "POLICE" in row][0]
    assert police_row.count("not released") == 1 and ">0<" not in police_row and "-100" not in police_row


def test_data_quality_gives_no_sums_for_a_source_with_a_month_not_delivered(monkeypatch):
    ctx = _ctx({"kmar": Q2.months, "police": ["2025-04", "2025-05"]})
    frame = pd.concat([ctx.release_table(s, "quality").assign(source=s) for s in ctx.sources])
    monkeypatch.setattr(data_quality, "quality_frame", lambda _ctx: frame)
    table = data_quality.quality_table(ctx)
    police = table.set_index("bron").loc["POLICE"]
    assert pd.isna(police["records"]) and pd.isna(police["zonder route %"])
    assert table.set_index("bron").loc["KMAR", "records"] == 360
    assert "niet geleverd" in tables.table_html(table, "q.csv", "Kwaliteit", "nl")
