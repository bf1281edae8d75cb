"""Editions and revisions (issue 17, item 3).

Each build of the periodic parameter set keeps its edition in ``_build/editions/<period>/`` (site,
PDF, the period's estimates); the next period's site links to it and shows what later records
revised. Ad-hoc builds keep nothing. The slow tests build the small demo report twice, for two
consecutive quarters, into one build folder of this module.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pandas as pd
import pytest
import yaml

from routekit.periods import parse_period
from routekit.report import editions

Q1, Q2 = parse_period("2025-Q1"), parse_period("2025-Q2")


def _rows(**values) -> pd.DataFrame:
    """corridor -> (persons seen, estimate, lower, upper)."""
    return pd.DataFrame([{"corridor": c, "seen": o, "estimate": e, "lower": lo, "upper": hi, "grade": "confirmed"}
                         for c, (o, e, lo, hi) in values.items()])


def test_revisions_compare_the_same_period_and_name_the_persons_seen_since():
    before = _rows(all=(600, 900, 800, 1000), central_med=(300, 450, 400, 520), eastern_med=(300, 450, 380, 500))
    now = _rows(all=(640, 960, 860, 1080), central_med=(336, 500, 440, 560), eastern_med=(304, 460, 390, 510))
    table = editions.revisions(before, now, threshold=10).set_index("corridor")
    assert list(table.index) == ["all", "central_med", "eastern_med"]  # national total first
    assert table.loc["central_med", "revision"] == pytest.approx(50)
    assert table.loc["central_med", "seen_change"] == 36
    assert editions.reason(table.loc["central_med"], 10, "en") == "more records received: 36 more persons seen"
    # 4 more persons seen is below the threshold: never given as a number
    assert pd.isna(table.loc["eastern_med", "seen_change"])
    assert editions.reason(table.loc["eastern_med"], 10, "nl") == \
        "meer gegevens ontvangen: minder dan 10 personen meer gezien"
    shown = editions.revisions_display(editions.revisions(before, now, 10), Q1, 10, "nl")
    assert shown.iloc[0, 0] == "Alle corridors" and "1e kwartaal 2025" in shown.columns[1]
    assert shown.iloc[1, 3] == "+50 (+11%)"
    assert not shown.apply(lambda col: col.astype(str).str.fullmatch(r"[+−]?\d")).any().any()


def test_figures_below_the_threshold_never_enter_a_revision():
    before = _rows(black_sea=(5, 8, 3, 14), western_med=(40, 60, 50, 75))
    now = _rows(black_sea=(12, 15, 9, 30), western_med=(0, 0, 0, 0))
    table = editions.revisions(before, now, threshold=10).set_index("corridor")
    assert table.loc["black_sea", ["before_estimate", "before_lower", "before_seen"]].isna().all()
    assert table.loc["black_sea", "now_estimate"] == 15 and pd.isna(table.loc["black_sea", "revision"])
    assert editions.reason(table.loc["black_sea"], 10, "en") == "persons seen not published in both editions"
    same = editions.revisions(_rows(all=(600, 900, 800, 1000)), _rows(all=(600, 930, 820, 1040)), 10).iloc[0]
    assert editions.reason(same, 10, "en").startswith("no new records for this period; a difference comes from")
    still = editions.revisions(_rows(all=(600, 900, 800, 1000)), _rows(all=(600, 900, 800, 1000)), 10).iloc[0]
    assert editions.reason(still, 10, "en") == "no new records for this period"
    assert table.loc["western_med", "now_seen"] == 0  # nobody seen is no small count
    kept = editions.published_rows(before, 10).set_index("corridor")
    assert kept.loc["black_sea", ["seen", "estimate", "lower", "upper"]].isna().all()


def test_keep_copies_site_and_pdf_and_rewrites_links_for_the_edition_folder(tmp_path):
    site = tmp_path / "_build" / "html"
    (site / "book").mkdir(parents=True)
    (site / "book" / "editions.html").write_text(f"<a href='{editions.LIVE_PREFIX}2024-Q4/html/index.html'>x</a>")
    pdf = tmp_path / "_build" / "pdf" / "report.pdf"
    pdf.parent.mkdir(parents=True)
    pdf.write_bytes(b"%PDF-1.7")
    estimates = tmp_path / "estimates"
    estimates.mkdir()
    _rows(all=(600, 900, 800, 1000)).assign(period="2025-Q1", level="period").to_csv(estimates / "estimates.csv")
    plan = editions.plan_editions("default", tmp_path / "_build", Q1, "2025-04-20", estimates, 10)
    folder = editions.keep(plan, site, pdf, "Routes", "nl")
    assert folder == tmp_path / "_build" / "editions" / "2025-Q1"
    assert (folder / "pdf" / "report.pdf").is_file() and (folder / "html" / "book" / "editions.html").is_file()
    assert "href='../../../2024-Q4/html/index.html'" in (folder / "html" / "book" / "editions.html").read_text()
    [kept] = editions.read_editions(tmp_path / "_build")
    assert kept.period == Q1 and kept.estimates.set_index("corridor").loc["all", "estimate"] == 900
    later = editions.plan_editions("default", tmp_path / "_build", Q2, "2025-07-20", estimates, 10)
    assert [e.label for e in later.earlier] == ["2025-Q1"]
    adhoc = editions.plan_editions("default-1a2b3c", tmp_path / "_build", Q2, "2025-07-20", estimates, 10)
    assert not adhoc.periodic and adhoc.earlier == [] and editions.keep(adhoc, site, pdf, "R", "nl") is None


# --- two builds for consecutive periods -----------------------------------------------------------

@pytest.fixture(scope="module")
def two_editions(small_demo_data, tmp_path_factory):
    """The periodic report for 2025-Q1 (with PDF), then for 2025-Q2 (site only), one build folder."""
    from conftest import ROOT, make_project

    from routekit.pipeline.report import build_report

    tmp = tmp_path_factory.mktemp("editions")
    project = make_project(tmp)
    params_path = project / "params" / "default.yaml"
    params_path.parent.mkdir(parents=True, exist_ok=True)
    params = yaml.safe_load((ROOT / "params" / "default.yaml").read_text())
    params["data_dir"] = str(small_demo_data)
    build_root = tmp / "_build"
    results = {}
    for period, pdf in (("2025-Q1", True), ("2025-Q2", False)):
        params_path.write_text(yaml.safe_dump({**params, "period": period}))
        results[period] = build_report(params_path, [], project=project, build_root=build_root, pdf=pdf)
    return {"build_root": build_root, "project": project, "params_path": params_path, "results": results}


@pytest.mark.slow
@pytest.mark.xdist_group("editions")  # its own pair of builds: the other worker can take it
def test_the_next_period_keeps_the_first_as_an_edition_and_shows_its_revisions(two_editions):
    build_root = two_editions["build_root"]
    first = build_root / "editions" / "2025-Q1"
    assert (first / "html" / "book" / "intro.html").is_file() and (first / "pdf" / "report.pdf").is_file()
    assert json.loads((first / "edition.json").read_text())["period"]["label"] == "2025-Q1"
    assert (build_root / "editions" / "2025-Q2" / "html").is_dir()  # the second build is an edition too
    page = (build_root / "html" / "book" / "editions.html").read_text(encoding="utf-8")
    assert "Herzieningen van de vorige editie" in page
    assert "href='../../editions/2025-Q1/html/index.html'" in page
    assert (build_root / "html" / "book" / "../../editions/2025-Q1/html/index.html").resolve().is_file()
    table = re.search(r"<table.*?</table>", page, flags=re.S).group(0)
    assert "vorige editie (1e kwartaal 2025)" in table and "Alle corridors" in table
    assert table.count("<tr>") >= 3  # header, national total, corridors
    # every row says why: the persons seen for 2025-Q1 then and now; both builds read the same
    # data, so no row may claim records that were received or corrected
    reasons = re.findall(r"(gegevens ontvangen|gegevens gecorrigeerd|geen nieuwe gegevens|niet in beide edities)",
                         table)
    assert len(reasons) == table.count("<tr>") - 1
    assert "geen nieuwe gegevens" in reasons and not {"gegevens ontvangen", "gegevens gecorrigeerd"} & set(reasons)
    csv = build_root / "html" / "revisions" / "revisions-2025-q1.csv"  # file names are slugs
    assert csv.is_file() and len(pd.read_csv(csv)) == table.count("<tr>") - 1
    # the first edition, read where it is kept, says it had nothing to compare with
    kept = (first / "html" / "book" / "editions.html").read_text(encoding="utf-8")
    assert "Er is nog geen eerdere editie bewaard" in kept

