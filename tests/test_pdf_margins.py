"""Print that never cuts: on no page of the PDF does a word run past the right margin (words
are located with ``pdftotext -bbox``; the report prints with 15 mm side margins on A4)."""

from __future__ import annotations

import re
import shutil
import subprocess

import pytest

MARGIN_PT = 15 / 25.4 * 72  # 15 mm


def words_past_margin(pdf) -> list[str]:
    out = subprocess.run(["pdftotext", "-bbox", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    found = []
    for number, (width, body) in enumerate(re.findall(r"<page width=\"([\d.]+)\"[^>]*>(.*?)</page>", out, flags=re.S),
                                           start=1):
        limit = float(width) - MARGIN_PT + 2  # 2 pt tolerance for glyph overhang
        for x_max, word in re.findall(r"<word xMin=\"[\d.]+\" yMin=\"[\d.]+\" xMax=\"([\d.]+)\" yMax=\"[\d.]+\">([^<]*)</word>",
                                      body):
            if float(x_max) > limit:
                found.append(f"page {number}: {word!r} ends at {float(x_max):.0f} pt > {limit:.0f} pt")
    return found


def test_a_long_table_prints_its_top_rows_and_names_the_full_csv():
    """293 route legs: the page shows 40 rows, paper the top 25 and where the other 268 are."""
    import pandas as pd

    from routekit.report import tables

    frame = pd.DataFrame({"corridor": [f"c{i}" for i in range(293)], "count": range(293, 0, -1)})
    page = tables.table_html(frame, "../../tables/route_map/route-legs.csv", "Trajecten", "nl", max_rows=40)
    rows = re.findall(r"<tr( class='rk-screen-only')?>", page)
    assert len(rows) == 1 + 40  # header and the screen's rows
    assert sum(1 for hidden in rows if not hidden) == 1 + tables.PRINT_ROWS  # what paper shows
    assert "<thead>" in page  # repeated on each page by the print CSS (thead as table-header-group)
    note = re.search(r"<p class='rk-table-more rk-print-only'>([^<]*)</p>", page).group(1)
    assert "25 van 293 rijen" in note and "route-legs.csv" in note
    short = tables.table_html(frame.head(10), "x.csv", "Kort", "nl")
    assert "rk-print-only" not in short and "rk-screen-only" not in short


@pytest.mark.slow
@pytest.mark.xdist_group("report")  # the session's report is built by one worker
@pytest.mark.skipif(not shutil.which("pdftotext"), reason="needs poppler's pdftotext")
def test_no_word_of_the_dutch_pdf_runs_past_the_right_margin(built_report):
    found = words_past_margin(built_report.pdf)
    assert not found, "\n".join(found[:15])


@pytest.mark.slow
@pytest.mark.xdist_group("report")
@pytest.mark.skipif(not shutil.which("pdftotext"), reason="needs poppler's pdftotext")
def test_no_word_of_the_english_pdf_runs_past_the_right_margin(built_report_en):
    assert built_report_en.pdf is not None and built_report_en.pdf.is_file()
    found = words_past_margin(built_report_en.pdf)
    assert not found, "\n".join(found[:15])


def test_print_css_repeats_table_headers_and_keeps_rows_whole():
    from pathlib import Path

    css = (Path(__file__).resolve().parents[1] / "routekit" / "report" / "assets" / "routekit" / "routekit.css").read_text()
    printed = " ".join(re.findall(r"@media print\s*{(.*?)\n}", css, flags=re.S))
    assert re.search(r"thead\s*{\s*display:\s*table-header-group", printed)
    assert re.search(r"tr\s*{\s*break-inside:\s*avoid", printed)


@pytest.mark.slow
@pytest.mark.xdist_group("report")  # the session's report is built by one worker
@pytest.mark.skipif(not shutil.which("pdftotext"), reason="needs poppler's pdftotext")
def test_no_word_of_the_brief_runs_past_the_right_margin(built_report):
    brief = built_report.pdf.with_name("brief.pdf")
    assert not words_past_margin(brief)
