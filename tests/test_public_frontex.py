"""Frontex adapter: real-file spot check, bad rows with reasons, revisions between releases."""

import csv
from pathlib import Path

import pandas as pd
import pytest

from routekit.errors import InputError
from routekit.sources.public import frontex_revisions, load_frontex, merge_frontex
from routekit.sources.public.frontex import read_frontex_file
from routekit.sources.public.paths import repository_data_dir

FIXTURES = Path(__file__).parent / "data" / "public"
VENDORED = repository_data_dir() / "frontex" / "frontex_ibc_route_nationality_monthly.csv"
HEADER = "route,type,nat,t,n\n"


@pytest.fixture(scope="module")
def vendored():
    return load_frontex()


def test_detections_2024_equal_the_direct_sum_of_the_file(vendored):
    with VENDORED.open(newline="", encoding="utf-8") as handle:
        direct = sum(int(row["n"]) for row in csv.DictReader(handle) if row["t"].startswith("2024-"))
    adapter = vendored.data.loc[vendored.data["period"].str.startswith("2024-"), "detections"].sum()
    assert direct == 240_021  # the figure SOURCES.md states
    assert adapter == direct


def test_vendored_file_reads_without_rejects_and_maps_every_route(vendored):
    assert vendored.rejects.empty
    assert len(vendored.data) == 34_273
    assert vendored.data["corridor"].notna().all()
    routes = vendored.data.groupby("route")["corridor"].first()
    assert routes["Circular Route from Albania to Greece"] == "western_balkans"
    assert routes["Eastern Borders Route"] == "eastern_land"
    assert set(vendored.data["border_type"]) == {"sea", "land"}
    assert vendored.data["period"].min() == "2009-01" and vendored.data["period"].max() == "2025-04"


def test_bad_rows_are_rejected_with_file_row_and_reason():
    result = read_frontex_file(FIXTURES / "frontex" / "frontex_slice_with_bad_rows.csv")
    assert len(result.data) == 12
    reasons = dict(zip(result.rejects["row"], result.rejects["reason"]))
    assert "'Atlantic Route' is not listed in corridors.yaml" in reasons[14]
    assert "'Air' is not Sea or Land" in reasons[15]
    assert "'Atlantis' is not an ISO3 code" in reasons[16]
    assert "'2024-13-01'" in reasons[17]
    assert "'-4'" in reasons[18] and "'12a'" in reasons[19]
    assert reasons[20].startswith("duplicate cell") and "row 2" in reasons[20]
    assert set(result.rejects["file"]) == {str(FIXTURES / "frontex" / "frontex_slice_with_bad_rows.csv")}
    assert result.rejects.loc[result.rejects["row"] == 19, "n"].item() == "12a"  # raw values kept
    # the duplicate keeps the first value, not the later one
    first = result.data.query("period == '2024-01' and nationality == 'SYR' and corridor == 'central_med'")
    assert first["detections"].tolist() == [415]


def test_missing_column_names_file_and_field(tmp_path):
    path = tmp_path / "frontex.csv"
    path.write_text("route,type,nat,t\nCentral Mediterranean Route,Sea,SYR,2024-01-01\n")
    with pytest.raises(InputError, match=r"frontex.csv, field 'n': missing column"):
        read_frontex_file(path)


def _write(path: Path, rows: list[str]) -> Path:
    path.write_text(HEADER + "".join(row + "\n" for row in rows), encoding="utf-8")
    return path


@pytest.fixture()
def two_releases(tmp_path):
    (tmp_path / "frontex").mkdir()
    old = _write(tmp_path / "frontex" / "frontex_2025-03.csv", [
        "Central Mediterranean Route,Sea,SYR,2025-01-01,100",
        "Central Mediterranean Route,Sea,SYR,2025-02-01,80",
        "Central Mediterranean Route,Sea,BGD,2025-02-01,40",
        "Western Balkan Route,Land,AFG,2024-12-01,7",
    ])
    new = _write(tmp_path / "frontex" / "frontex_2025-04.csv", [
        "Central Mediterranean Route,Sea,SYR,2025-01-01,100",   # unchanged
        "Central Mediterranean Route,Sea,SYR,2025-02-01,95",    # revised up
        "Central Mediterranean Route,Sea,ERI,2025-02-01,12",    # new cell in an old month
        "Central Mediterranean Route,Sea,SYR,2025-03-01,60",    # new month
        # BGD 2025-02 is gone: revised to 0
    ])
    return old, new


def test_revision_table_lists_changed_cells_in_the_overlap(two_releases):
    old, new = two_releases
    table = frontex_revisions(old, new)
    assert list(table.columns[:6]) == ["period", "route", "border_type", "nationality", "old", "new"]
    cells = {(r.period, r.nationality): (r.old, r.new) for r in table.itertuples()}
    assert cells == {("2025-02", "SYR"): (80, 95), ("2025-02", "ERI"): (0, 12), ("2025-02", "BGD"): (40, 0)}


def test_merge_lets_the_newer_release_win_whatever_the_order(two_releases):
    old, new = two_releases
    for order in ([old, new], [new, old]):
        merged = merge_frontex(order)
        values = merged.data.set_index(["period", "nationality"])["detections"]
        assert values[("2025-02", "SYR")] == 95
        assert ("2025-02", "BGD") not in values.index
        assert values[("2024-12", "AFG")] == 7      # only the old file covers December
        assert values[("2025-03", "SYR")] == 60
        assert len(merged.revisions) == 3


def test_load_frontex_merges_every_file_in_the_folder(two_releases):
    data_dir = two_releases[0].parent.parent
    result = load_frontex(data_dir)
    assert len(result.files) == 2
    assert len(result.revisions) == 3
    assert result.data["detections"].sum() == 100 + 95 + 12 + 60 + 7


def test_single_file_has_an_empty_revision_table(vendored):
    assert isinstance(vendored.revisions, pd.DataFrame) and vendored.revisions.empty
