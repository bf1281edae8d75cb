"""The publishers' downloads as they come: Frontex's workbook and a route-totals table beside the
vendored file, IOM's global CSV and workbook, Eurostat SDMX-CSV 2.0 and JSON-stat; one bad file
never disables its source; ``routekit public`` shows the months covered and the last month."""

from __future__ import annotations

import shutil
from pathlib import Path

import pandas as pd
import pytest
from typer.testing import CliRunner

from routekit.errors import InputError
from routekit.sources.public import load_frontex, load_iom, merge_frontex
from routekit.sources.public.eurostat import read_eurostat_file
from routekit.sources.public.frontex import read_frontex_file
from routekit.sources.public.iom import read_iom_file
from routekit.sources.public.paths import repository_data_dir
from routekit.sources.public.reading import parse_month

FIXTURES = Path(__file__).parent / "data" / "public"
WORKBOOK = FIXTURES / "frontex" / "Monthly_detections_of_IBC_2025_10_06.xlsx"
TOTALS = FIXTURES / "frontex" / "frontex_route_month_totals.csv"
VENDORED_FRONTEX = repository_data_dir() / "frontex" / "frontex_ibc_route_nationality_monthly.csv"
IOM_CSV = FIXTURES / "iom" / "Missing_Migrants_Global_Figures_allData.csv"
IOM_XLSX = FIXTURES / "iom" / "Missing_Migrants_Global_Figures_allData.xlsx"


@pytest.fixture(scope="module")
def workbook():
    return read_frontex_file(WORKBOOK)


@pytest.fixture(scope="module")
def vendored_frontex():
    return read_frontex_file(VENDORED_FRONTEX)


def test_month_labels_as_publishers_write_them():
    labels = ["2025-04", "2025-04-01", "2025-04-01 00:00", "2025M04", "2025M4", "Apr 2025", "APRIL 2025",
              "APR2025", "Apr-25", "04/2025", "45748"]
    assert parse_month(pd.Series(labels)).tolist() == ["2025-04"] * len(labels)
    assert parse_month(pd.Series(["2025-13", "Route", ""])).isna().all()


def test_frontex_workbook_is_read_as_downloaded(workbook, vendored_frontex):
    assert workbook.rejects.empty
    assert workbook.coverage[str(WORKBOOK)] == ("2025-01", "2025-09")
    assert "1 total row(s) left out" in workbook.notes[0]
    data = workbook.data
    assert {"XKX", "CIV", "SYR", "TUR"} <= set(data["nationality"])  # written "Kosovo*", "Côte d'Ivoire", "...
    # Jan-Apr 2025 are the vendored figures, but for the one cell the release revised (+17)
    key = ["period", "route", "border_type", "nationality"]
    old = vendored_frontex.data[vendored_frontex.data["period"].between("2025-01", "2025-04")].set_index(key)["detections"]
    new = data[data["period"] <= "2025-04"].set_index(key)["detections"]
    difference = (new - old.reindex(new.index)).loc[lambda d: d != 0]
    assert difference.to_dict() == {("2025-03", "Central Mediterranean Route", "sea", "BGD"): 17}
    assert len(new) == len(old)


def test_workbook_beside_the_vendored_file_wins_for_its_months_and_lists_the_revision():
    merged = merge_frontex([WORKBOOK, VENDORED_FRONTEX])  # order does not matter: the later end wins
    assert merged.last_month == "2025-09" and merged.first_month == "2009-01"
    vendored = pd.read_csv(VENDORED_FRONTEX)
    march = vendored.query("route == 'Central Mediterranean Route' and nat == 'BGD' and t == '2025-03-01'")["n"].item()
    assert merged.revisions[["period", "nationality", "old", "new"]].values.tolist() == [["2025-03", "BGD", march, march + 17]]
    assert len(merged.revisions) == 1
    vendored_2024 = vendored.loc[vendored["t"].str.startswith("2024"), "n"].sum()
    assert merged.data.loc[merged.data["period"].str.startswith("2024"), "detections"].sum() == vendored_2024
    assert merged.data["period"].max() == "2025-09"


def test_route_totals_file_in_another_layout_combines_with_the_others():
    merged = merge_frontex([TOTALS, WORKBOOK, VENDORED_FRONTEX])
    assert merged.last_month == "2025-10"
    newest = merged.data[merged.data["period"] >= "2025-08"]
    assert set(newest["nationality"]) == {""} and set(newest["border_type"]) == {""}  # route totals only
    assert newest.groupby("period")["detections"].sum().to_dict() == {"2025-08": 8320, "2025-09": 8020,
                                                                       "2025-10": 8070}
    july = merged.data[merged.data["period"] == "2025-07"]
    assert (july["nationality"] != "").all() and len(july) > 10  # the workbook still serves July
    # the overlap with the workbook (Aug-Sep) is compared per route, the only detail both have
    revised = merged.revisions[merged.revisions["new_file"] == TOTALS.name]
    assert set(revised["period"]) == {"2025-08", "2025-09"} and set(revised["nationality"]) == {""}
    assert any("route totals only" in note for note in merged.notes)


def test_an_unreadable_file_leaves_its_siblings_in_use(tmp_path):
    folder = tmp_path / "frontex"
    folder.mkdir()
    shutil.copy(VENDORED_FRONTEX, folder)
    (folder / "Monthly_detections_of_IBC_broken.xlsx").write_bytes(b"this is not a workbook")
    (folder / "export.csv").write_text("Country,Year,Value\nSyria,2025,10\n", encoding="utf-8")
    result = load_frontex(tmp_path)
    assert len(result.data) == 34_273 and result.last_month == "2025-04"
    reasons = {Path(path).name: reason for path, reason in result.unreadable}
    assert set(reasons) == {"Monthly_detections_of_IBC_broken.xlsx", "export.csv"}
    assert "not a readable .xlsx workbook" in reasons["Monthly_detections_of_IBC_broken.xlsx"]
    assert "no Frontex (a 'Route' column) header row" in reasons["export.csv"]
    (folder / VENDORED_FRONTEX.name).unlink()
    with pytest.raises(InputError, match="no readable frontex file"):
        load_frontex(tmp_path)


def test_iom_global_csv_dates_and_scope():
    result = read_iom_file(IOM_CSV)
    assert result.data["date"].min() == "2026-01-01" and result.coverage[str(IOM_CSV)] == ("2026-01", "2026-03")
    # incidents outside Europe's routes are set aside and counted, not refused
    assert result.out_of_scope == {"US-Mexico border crossing": 1, "Horn of Africa Route": 1, "(no route)": 1,
                                   "Darien": 1}
    # ... but an unlisted route in the Mediterranean is a new European name: refused with the name
    assert result.rejects["reason"].tolist() == [
        "route 'Aegean crossing' is not listed in corridors.yaml iom_routes"]
    vendored = load_iom().data.set_index("incident_id")
    mine = result.data.set_index("incident_id")
    columns = ["date", "corridor", "dead", "missing", "source_quality"]
    assert mine[columns].equals(vendored.loc[mine.index, columns])


def test_iom_workbook_equals_the_csv_download():
    from_csv, from_xlsx = read_iom_file(IOM_CSV), read_iom_file(IOM_XLSX)
    pd.testing.assert_frame_equal(from_csv.data, from_xlsx.data)
    assert from_xlsx.rejects["row"].tolist() == from_csv.rejects["row"].tolist()
    assert from_xlsx.out_of_scope == from_csv.out_of_scope


@pytest.mark.parametrize("name", ["migr_asyappctzm_nl_sdmx2.csv", "migr_asyappctzm_nl_sample.json"])
def test_eurostat_sdmx_csv_2_and_json_stat_equal_sdmx_csv_1(name):
    order = ["period", "geo", "nationality", "sex"]
    reference = read_eurostat_file(FIXTURES / "eurostat" / "migr_asyappctzm_nl_sample.csv")
    other = read_eurostat_file(FIXTURES / "eurostat" / name)
    pd.testing.assert_frame_equal(other.data.sort_values(order).reset_index(drop=True),
                                  reference.data.sort_values(order).reset_index(drop=True))
    assert sorted(other.rejects["reason"]) == sorted(reference.rejects["reason"])
    assert other.coverage[str(FIXTURES / "eurostat" / name)] == ("2024-01", "2024-02")


def test_json_stat_that_is_not_a_dataset_is_refused(tmp_path):
    path = tmp_path / "migr_asyappctzm.json"
    path.write_text('{"class": "collection", "link": {}}', encoding="utf-8")
    with pytest.raises(InputError, match="not a JSON-stat 2.0 dataset"):
        read_eurostat_file(path)


def test_routekit_public_shows_months_covered_last_month_and_the_bad_file(tmp_path):
    from routekit.cli import app

    for sub in ("frontex", "iom-missing-migrants"):
        (tmp_path / sub).mkdir()
    shutil.copy(VENDORED_FRONTEX, tmp_path / "frontex")
    shutil.copy(WORKBOOK, tmp_path / "frontex")
    (tmp_path / "frontex" / "broken.xlsx").write_bytes(b"PK not really")
    shutil.copy(IOM_CSV, tmp_path / "iom-missing-migrants")
    runner = CliRunner()
    result = runner.invoke(app, ["public", "--data-dir", str(tmp_path), "--source", "frontex"],
                           env={"COLUMNS": "250"})
    assert result.exit_code == 0, result.output
    assert "2009-01 to 2025-09 (201 months)" in result.output
    assert "broken.xlsx not read" in result.output and "(+1 unreadable)" in result.output
    row = next(line for line in result.output.splitlines() if line.startswith("│ frontex"))
    assert "2025-09" in row.split("│")[-3]
    iom = runner.invoke(app, ["public", "--data-dir", str(tmp_path), "--source", "iom_missing_migrants"],
                        env={"COLUMNS": "250"})
    assert "2026-01 to 2026-03 (3 months)" in iom.output
    assert "4 incidents outside Europe's routes set aside as out of scope" in iom.output


def test_report_reads_public_files_from_the_parameter_then_the_variable_then_the_project(tmp_path, monkeypatch):
    from routekit.errors import RoutekitError
    from routekit.params import validate
    from routekit.report.pipeline import resolve_public_dir
    from routekit.sources.public.paths import ENV_VARIABLE

    project, download, mine = tmp_path / "project", tmp_path / "download", tmp_path / "project" / "public-mine"
    for folder in (project, download, mine):
        folder.mkdir(parents=True, exist_ok=True)
    params = validate({"sources": [], "public_sources": ["frontex"]})
    monkeypatch.delenv(ENV_VARIABLE, raising=False)
    assert resolve_public_dir(params, project) == project / "data" / "public"
    monkeypatch.setenv(ENV_VARIABLE, str(download))
    assert resolve_public_dir(params, project) == download
    assert resolve_public_dir(validate({"public_data_dir": "public-mine"}), project) == mine
    with pytest.raises(RoutekitError, match="public data folder .*nowhere.* not found"):
        resolve_public_dir(validate({"public_data_dir": str(tmp_path / "nowhere")}), project)


def test_public_only_report_may_cover_a_month_frontex_has_not_published(tmp_path):
    from routekit.params import check_against_data, validate
    from routekit.report.pipeline import public_coverage

    explicit = validate({"sources": [], "public_sources": ["frontex", "iom"], "period": "2025-Q3"})
    first, last, available = public_coverage(explicit, repository_data_dir())
    assert (first, last) == ("2009-01", "2026-05")  # IOM's last month bounds an explicit period
    assert check_against_data(explicit, first, last, available).start == "2025-07"
    latest = validate({"sources": [], "public_sources": ["frontex", "iom"], "period": "latest-quarter"})
    first, last, available = public_coverage(latest, repository_data_dir())
    assert check_against_data(latest, first, last, available).end == "2025-03"  # Frontex's, not IOM's
