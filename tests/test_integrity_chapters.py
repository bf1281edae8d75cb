"""Chapters survive legal parameters that leave them without data (issue 13).

``threshold: 1000`` suppresses every entry-point cell and crashed chapter 04 (KeyError 'count');
``public_sources: []`` crashed the methods chapter while citing no publisher.
"""

from types import SimpleNamespace

import pandas as pd

from routekit.report.chapters import entry_points as chapter_04
from routekit.report.context import ReportContext


def _ctx(language="en"):
    return SimpleNamespace(language=language, t=lambda nl, en: en if language == "en" else nl,
                           baseline=None, in_period=lambda frame, period=None: frame)


def test_entry_point_table_with_everything_suppressed(monkeypatch):
    empty = pd.DataFrame({"month": pd.Series(dtype=str), "entry_point": pd.Series(dtype=str),
                          "count": pd.Series(dtype="int64")})
    monkeypatch.setattr(chapter_04, "entry_point_frame", lambda ctx: empty)
    table = chapter_04.entry_point_table(_ctx())
    assert table.empty
    assert "count" in table.columns and "change %" in table.attrs.get("not_counts", [])


def test_public_caption_without_public_sources():
    caption = ReportContext.public_caption(_ctx(), "Public sources", [])
    assert caption.startswith("Public sources")
