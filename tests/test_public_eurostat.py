"""Eurostat adapter: the vendored annual file, and migr_asyappctzm in SDMX-CSV and TSV layouts."""

import csv
from pathlib import Path

import pytest

from routekit.errors import InputError
from routekit.sources.public import load_eurostat_asylum
from routekit.sources.public.eurostat import read_eurostat_file
from routekit.sources.public.paths import repository_data_dir

FIXTURES = Path(__file__).parent / "data" / "public" / "eurostat"
VENDORED = repository_data_dir() / "eurostat" / "eurostat_first_time_asylum_applicants_annual.csv"
SORT = ["period", "geo", "nationality", "sex"]


@pytest.fixture(scope="module")
def annual():
    return load_eurostat_asylum()


def test_dutch_first_time_applicants_2023_equal_the_direct_sum(annual):
    with VENDORED.open(newline="", encoding="utf-8") as handle:
        direct = sum(int(r["n"]) for r in csv.DictReader(handle) if r["geo"] == "NLD" and r["t"] == "2023")
    data = annual.data
    adapter = data.loc[(data["geo"] == "NLD") & (data["period"] == "2023"), "applicants"].sum()
    assert direct == 39_695  # the figure SOURCES.md states
    assert adapter == direct


def test_vendored_annual_file_is_read_whole(annual):
    assert annual.rejects.empty
    assert len(annual.data) == 43_896
    assert set(annual.data["freq"]) == {"A"}
    assert set(annual.data["sex"]) == {"male", "female", "unknown"}
    assert "EU27" in set(annual.data["geo"])


def test_monthly_sdmx_csv_maps_iso2_to_iso3_and_keeps_flags():
    result = read_eurostat_file(FIXTURES / "migr_asyappctzm_nl_sample.csv")
    data = result.data
    assert set(data["freq"]) == {"M"} and set(data["period"]) == {"2024-01", "2024-02"}
    assert {"NLD", "GRC", "EU27"} == set(data["geo"])  # NL, EL (Eurostat's Greece), EU27_2020
    assert {"SYR", "AFG", "TUR", "ERI", "XKX", "STL", "OOO"} == set(data["nationality"])
    syria_nl_jan = data.query("geo == 'NLD' and nationality == 'SYR' and period == '2024-01'")
    assert syria_nl_jan["applicants"].sum() == 265 + 710 + 0  # sex T (975) is not counted on top
    assert set(data.loc[data["period"] == "2024-02", "flag"]) == {"p"}


def test_monthly_aggregates_and_breakdowns_are_rejected_with_reasons():
    rejects = read_eurostat_file(FIXTURES / "migr_asyappctzm_nl_sample.csv").rejects
    by_row = dict(zip(rejects["row"], rejects["reason"]))
    assert by_row[5] == "sex total (T) is the sum of the M, F and UNK rows"
    assert by_row[6].startswith("age 'Y_LT14'")
    assert by_row[12] == "no value (not available, flag c)"
    assert "citizenship 'TOTAL' is an aggregate" in by_row[18]
    assert "citizenship 'EXT_EU27_2020' is an aggregate" in by_row[19]
    assert len(rejects) == 5


def test_tsv_download_gives_the_same_observations_as_sdmx_csv():
    from_csv = read_eurostat_file(FIXTURES / "migr_asyappctzm_nl_sample.csv").data.sort_values(SORT)
    from_tsv = read_eurostat_file(FIXTURES / "migr_asyappctzm_nl_sample.tsv")
    assert from_tsv.data.sort_values(SORT).reset_index(drop=True).equals(from_csv.reset_index(drop=True))
    assert any("cells marked ':'" in note for note in from_tsv.notes)
    assert len(from_tsv.rejects) == 5


def test_legacy_bulk_tsv_with_asyl_app_and_2016m01_periods():
    result = read_eurostat_file(FIXTURES / "migr_asyappctzm_legacy_bulk.tsv")
    assert sorted(result.data["period"]) == ["2016-01", "2016-02", "2016-02"]
    assert result.data["applicants"].sum() == 1170 + 505 + 50  # NASY_APP only
    assert set(result.rejects["reason"]) == {
        "applicant 'ASY_APP': only first-time applicants (FRST / NASY_APP) are used"}


def test_annual_and_monthly_files_side_by_side(tmp_path):
    folder = tmp_path / "eurostat"
    folder.mkdir()
    (folder / "annual.csv").write_text("geo,t,nat,sex,n\nNLD,2024,SYR,male,5000\nNLD,2024,XYZ,male,5\n")
    (folder / "monthly.csv").write_bytes((FIXTURES / "migr_asyappctzm_nl_sample.csv").read_bytes())
    result = load_eurostat_asylum(tmp_path)
    assert set(result.data["freq"]) == {"A", "M"}
    assert "citizenship 'XYZ' is not a known code" in set(result.rejects["reason"])


def test_unknown_layout_is_refused_with_the_file_name(tmp_path):
    path = tmp_path / "eurostat.csv"
    path.write_text("country,year,value\nNL,2024,5\n")
    with pytest.raises(InputError, match="eurostat.csv: not a known Eurostat layout"):
        read_eurostat_file(path)
