"""A report from public data alone (params/eu-context.yaml), with spot checks that the rendered
figures equal sums computed directly from the publishers' files."""

from __future__ import annotations

import csv
from pathlib import Path

import pandas as pd
import pytest
import yaml

from conftest import ROOT, make_project

pytestmark = [pytest.mark.slow, pytest.mark.xdist_group("public")]
PUBLIC = ROOT / "data" / "public"


def _build(tmp_path_factory, period: dict, name: str):
    from routekit.pipeline.report import build_report

    tmp = tmp_path_factory.mktemp(name)
    project = make_project(tmp)
    params = yaml.safe_load((ROOT / "params" / "eu-context.yaml").read_text())
    params["period"] = period
    path = project / "params" / "eu-context.yaml"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(yaml.safe_dump(params))
    return build_report(path, [], project=project, build_root=tmp / "_build", pdf=False)


@pytest.fixture(scope="module")
def report_2024(tmp_path_factory):
    return _build(tmp_path_factory, {"start": "2024-01", "end": "2024-12"}, "eu2024")


@pytest.fixture(scope="module")
def report_2023(tmp_path_factory):
    return _build(tmp_path_factory, {"start": "2023-01", "end": "2023-12"}, "eu2023")


def _rows(path: Path) -> list[dict]:
    with open(path, encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def test_public_only_report_has_its_chapters_and_no_partner_chapter(report_2024):
    pages = {p.stem for p in (report_2024.site / "book" / "chapters").glob("*.html")}
    assert {"01_summary", "07_safety", "08_eu_context", "10_methods"} <= pages
    assert "02_route_map" not in pages and "06_sources_unseen" not in pages
    for csv_file in (report_2024.site / "tables").rglob("*.csv"):
        if csv_file.parent.name in ("eu_context", "safety"):
            assert csv_file.name.startswith("public-"), csv_file


def test_frontex_detections_2024_equal_the_file(report_2024):
    expected = sum(int(r["n"]) for r in _rows(PUBLIC / "frontex" / "frontex_ibc_route_nationality_monthly.csv")
                   if r["t"].startswith("2024"))
    table = pd.read_csv(report_2024.site / "tables" / "eu_context" / "public-frontex-routes.csv")
    assert int(table.iloc[:, 1].sum()) == expected == 240021


def test_dutch_first_time_applicants_2023_equal_the_file(report_2024):
    expected = sum(int(r["n"]) for r in _rows(PUBLIC / "eurostat" / "eurostat_first_time_asylum_applicants_annual.csv")
                   if r["geo"] == "NLD" and r["t"] == "2023")
    table = pd.read_csv(report_2024.site / "tables" / "eu_context" / "public-eurostat-nl-applicants.csv")
    total = table[table.iloc[:, 0].str.startswith("Totaal")]
    assert int(total["2023"].iloc[0]) == expected == 39695


def test_iom_dead_and_missing_central_med_2023_equal_the_file(report_2023):
    rows = [r for r in _rows(PUBLIC / "iom-missing-migrants" / "iom_mmp_europe_routes.csv")
            if r["Route"] == "Central Mediterranean" and r["Incident year"] == "2023"]
    number = lambda v: 0 if v in ("", "NA") else int(float(v))  # noqa: E731
    expected = sum(number(r["No. dead"]) + number(r["No. missing"]) for r in rows)
    table = pd.read_csv(report_2023.site / "tables" / "safety" / "public-iom-dead-missing.csv")
    row = table[table["corridor"] == "Centrale Middellandse Zee"].iloc[0]
    assert int(row.iloc[1]) + int(row.iloc[2]) == expected
