"""A newer Frontex workbook in a folder named by ROUTEKIT_PUBLIC_DATA reaches the report: the
European-context quarter past the vendored file renders with the workbook's figures, the
methods chapter names the workbook and its last month, and the revision it brings is listed."""

from __future__ import annotations

import csv
import shutil
from pathlib import Path

import pytest
import yaml
from openpyxl import load_workbook

from conftest import ROOT, make_project

# its own build (its own data and period): a group of its own, so the two workers can share the
# European-context builds instead of one worker making all four
pytestmark = [pytest.mark.slow, pytest.mark.xdist_group("public_newer")]
WORKBOOK = Path(__file__).parent / "data" / "public" / "frontex" / "Monthly_detections_of_IBC_2025_10_06.xlsx"
PERIOD = {"start": "2025-07", "end": "2025-09"}


@pytest.fixture(scope="module")
def report(tmp_path_factory):
    from routekit.pipeline.report import build_report
    from routekit.sources.public.paths import ENV_VARIABLE

    tmp = tmp_path_factory.mktemp("eu_newer")
    download = tmp / "download"
    shutil.copytree(ROOT / "data" / "public", download)
    shutil.copy(WORKBOOK, download / "frontex")
    project = make_project(tmp)
    shutil.rmtree(project / "data" / "public")  # only the folder the variable names can be read
    params = yaml.safe_load((ROOT / "params" / "eu-context.yaml").read_text())
    params["period"] = PERIOD
    path = project / "params" / "eu-context.yaml"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(yaml.safe_dump(params))
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv(ENV_VARIABLE, str(download))
        return build_report(path, [], project=project, build_root=tmp / "_build", pdf=False)


def _rows(path: Path) -> list[dict]:
    with open(path, encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def _workbook_route_sums(months: set[str]) -> dict[str, int]:
    """Route -> detections in ``months``, read straight from the workbook's cells."""
    sheet = load_workbook(WORKBOOK, read_only=True).worksheets[0]
    rows = list(sheet.iter_rows(values_only=True))
    header = rows[3]
    columns = [i for i, cell in enumerate(header) if hasattr(cell, "strftime") and cell.strftime("%Y-%m") in months]
    sums: dict[str, int] = {}
    for row in rows[4:]:
        if row[0] and row[0] != "Total":
            sums[row[0]] = sums.get(row[0], 0) + sum(int(row[i] or 0) for i in columns)
    return sums


def test_the_newer_figures_are_shown_for_the_quarter(report):
    routes = _workbook_route_sums({"2025-07", "2025-08", "2025-09"})
    table = {r["corridor"]: r for r in _rows(report.site / "tables" / "eu_context" / "public-frontex-routes.csv")}
    central = int(table["Centrale Middellandse Zee"]["detecties (periode)"])
    assert central == routes["Central Mediterranean Route"] > 0
    balkans = routes["Western Balkan Route"] + routes["Circular Route from Albania to Greece"]
    assert int(table["Westelijke Balkan"]["detecties (periode)"]) == balkans
    total = sum(int(r["detecties (periode)"]) for r in table.values())
    assert total == sum(routes.values())
    assert all("gepubliceerd" not in value for r in table.values() for value in r.values())


def test_methods_chapter_names_the_workbook_and_its_last_month(report):
    rows = _rows(report.site / "tables" / "methods" / "public-sources.csv")
    frontex = next(r for r in rows if "Frontex" in r["bron"])
    assert "Monthly_detections_of_IBC_2025_10_06.xlsx" in frontex["bestanden (sha256)"]
    assert "frontex_ibc_route_nationality_monthly.csv" in frontex["bestanden (sha256)"]
    assert frontex["gegevens t/m"] == "september 2025"


def test_the_revision_the_workbook_brings_is_listed(report):
    rows = _rows(report.site / "tables" / "eu_context" / "public-frontex-revisions.csv")
    assert [(r["maand"], r["nationaliteit"], int(r["nieuw"]) - int(r["oud"])) for r in rows] == [("2025-03", "BGD", 17)]
