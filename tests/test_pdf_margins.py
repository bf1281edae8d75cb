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


@pytest.mark.slow
@pytest.mark.skipif(not shutil.which("pdftotext"), reason="needs poppler's pdftotext")
def test_no_word_of_the_dutch_pdf_runs_past_the_right_margin(built_report):
    found = words_past_margin(built_report.pdf)
    assert not found, "\n".join(found[:15])


@pytest.mark.slow
@pytest.mark.skipif(not shutil.which("pdftotext"), reason="needs poppler's pdftotext")
def test_no_word_of_the_brief_runs_past_the_right_margin(built_report):
    brief = built_report.pdf.with_name("brief.pdf")
    assert not words_past_margin(brief)
