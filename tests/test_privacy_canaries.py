"""Planted canaries (names, v-numbers, phones, birth dates) never reach anything shared.

The demo generator plants personal data in the extracts and their free text and lists a sample
in truth/canaries.csv. After a full build, no canary may appear in any release, link output,
estimate, cache, executed notebook, build log or rendered page, and no published count may lie
between 1 and K-1.
"""

from __future__ import annotations

import csv
from pathlib import Path

import pandas as pd
import pytest

pytestmark = [pytest.mark.slow, pytest.mark.xdist_group("report")]


def _canaries(data_dir: Path) -> list[str]:
    with open(data_dir / "truth" / "canaries.csv", encoding="utf-8") as handle:
        values = [row["value"] for row in csv.DictReader(handle)]
    return [v for v in values if len(v) >= 6]


def _shared_files(built_report) -> list[Path]:
    roots = [built_report.data_dir / "steward", built_report.build_root]
    files = []
    for root in roots:
        files += [p for p in root.rglob("*") if p.is_file() and p.suffix not in {".png", ".pdf", ".pickle", ".doctree"}]
    return files


def test_canaries_never_leave_the_partner(built_report):
    canaries = _canaries(built_report.data_dir)
    assert len(canaries) >= 10
    # the canaries are really in the partner extracts, so the test can fail
    partner_text = "".join(p.read_text(encoding="utf-8") for p in (built_report.data_dir / "partners").glob("*.csv"))
    assert sum(c in partner_text for c in canaries) >= len(canaries) * 0.9
    files = _shared_files(built_report)
    assert any(f.suffix == ".html" for f in files) and any(f.suffix == ".ipynb" for f in files)
    leaks = []
    for path in files:
        try:
            text = path.read_text(encoding="utf-8")
        except UnicodeDecodeError:
            continue
        leaks += [(str(path), c) for c in canaries if c in text]
    assert not leaks, leaks[:5]


def test_pdf_text_has_no_canary(built_report):
    import subprocess

    if built_report.pdf is None:
        pytest.skip("no PDF built")
    text = subprocess.run(["pdftotext", str(built_report.pdf), "-"], capture_output=True, text=True).stdout
    assert text.strip()
    assert not [c for c in _canaries(built_report.data_dir) if c in text]


def test_no_published_count_below_threshold(built_report):
    threshold = 10
    checked = 0
    for path in list((built_report.data_dir / "steward").rglob("*.csv")) + list(built_report.site.rglob("*.csv")):
        if "steward" in path.parts[-3:-1] or path.name.startswith("public-"):
            continue
        frame = pd.read_csv(path)
        for column in ("count", "observed", "persons", "records", "subscribers"):
            if column in frame.columns:
                values = pd.to_numeric(frame[column], errors="coerce")
                assert not ((values > 0) & (values < threshold)).any(), f"{path}:{column}"
                checked += 1
    assert checked >= 5
