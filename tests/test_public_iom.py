"""IOM Missing Migrants adapter: vendored layout, IOM's raw download layout, bad rows."""

import csv
from pathlib import Path

import pytest

from routekit.sources.public import load_iom
from routekit.sources.public.iom import read_iom_file
from routekit.sources.public.paths import repository_data_dir

RAW_SAMPLE = Path(__file__).parent / "data" / "public" / "iom" / "iom_raw_download_sample.csv"
VENDORED = repository_data_dir() / "iom-missing-migrants" / "iom_mmp_europe_routes.csv"


@pytest.fixture(scope="module")
def vendored():
    return load_iom()


def _count(cell: str) -> int:
    return 0 if cell in ("", "NA") else int(cell)


def test_central_mediterranean_2023_dead_and_missing_equal_the_direct_sum(vendored):
    dead = missing = 0
    with VENDORED.open(newline="", encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            if row["Route"] == "Central Mediterranean" and row["Incident date"].startswith("2023-"):
                dead += _count(row["No. dead"])
                missing += _count(row["No. missing"])
    data = vendored.data
    chosen = data[(data["corridor"] == "central_med") & (data["year"] == 2023)]
    assert (chosen["dead"].sum(), chosen["missing"].sum()) == (dead, missing)
    assert chosen["dead_missing"].sum() == dead + missing > 2000


def test_vendored_file_keeps_every_incident_and_ioms_corrections(vendored):
    assert vendored.rejects.empty
    assert len(vendored.data) == 6_802
    assert vendored.data["incident_id"].is_unique
    assert (vendored.data["missing"] < 0).sum() == 4  # IOM's netted corrections, kept
    assert any("negative 'missing'" in note for note in vendored.notes)
    assert vendored.data["source_quality"].between(1, 5).all()
    assert vendored.data["lat"].between(-90, 90).all()
    # every IOM route name in the file is mapped in corridors.yaml
    assert vendored.data["corridor"].notna().all()
    combined = vendored.data[vendored.data["route"] == "Central Mediterranean,Sahara Desert crossing"]
    assert set(combined["corridor"]) == {"central_med"}


def test_raw_download_layout_is_normalised():
    result = read_iom_file(RAW_SAMPLE)
    data = result.data.set_index("incident_id")
    first = data.loc["2023.MMP0007"]
    assert (first["date"], first["year"], first["month"]) == ("2023-01-02", 2023, 1)
    assert first["corridor"] == "central_med"
    assert (first["lat"], first["lon"]) == pytest.approx((32.84183165, 13.69131602))
    assert data.loc["2015.MMP00058", "dead"] == 0  # empty "Number Dead" = none reported
    assert data.loc["2015.MMP00058", "dead_missing"] == 25
    assert data.loc["2018.MMP00119126,2018.MMP00119127,2018.MMP00119128", "source_quality"] == 5  # "45"
    assert data.loc["2014.MMP00118", "corridor"] == "western_african"
    assert len(data) == 8


def test_raw_download_bad_rows_are_rejected_with_reasons():
    rejects = read_iom_file(RAW_SAMPLE).rejects
    by_row = dict(zip(rejects["row"], rejects["reason"]))
    assert by_row[10] == "route 'US-Mexico border crossing' is not listed in corridors.yaml iom_routes"
    assert by_row[11] == "coordinates 'somewhere off Lampedusa' are not 'lat, lon' numbers"
    assert by_row[12] == "incident date '31/31/2023' is not a date"
    assert by_row[13].startswith("number dead is negative (-3)")
    assert by_row[14] == "dead and missing (99) is not dead + missing (1)"
    assert by_row[15] == "coordinates '95.1, 12.0' are outside the globe"
    assert by_row[16] == "duplicate incident id (first at row 2)"
    assert rejects.loc[rejects["row"] == 10, "Migration route"].item() == "US-Mexico border crossing"


def test_coordinates_may_be_empty(tmp_path):
    text = RAW_SAMPLE.read_text(encoding="utf-8").splitlines()
    header, first = text[0], text[1]
    path = tmp_path / "iom.csv"
    path.write_text(header + "\n" + first.replace('"32.84183165, 13.69131602"', '""') + "\n", encoding="utf-8")
    result = read_iom_file(path)
    assert result.rejects.empty
    assert result.data["lat"].isna().all()
