"""The analyst review loop end to end: export uncertain records, an analyst corrects the sheet, import it,
release with the corrections, and evaluate the extractor on them (they are the partner's own gold set)."""

import json
import subprocess
import sys

import openpyxl
import pandas as pd
import pytest

from routekit.errors import InputError
from routekit.release.structure import structure_records
from routekit.text.review import SHEET_COLUMNS, corrections_path, import_review, reviewed_rows

KEY = b"k" * 32
K = 5


# one worker runs this module, so its module-scoped fixture is built once, not once per worker
pytestmark = pytest.mark.xdist_group("review_roundtrip")


def routekit(*args):
    done = subprocess.run([sys.executable, "-m", "routekit.cli", *map(str, args)], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    return done.stdout


@pytest.fixture(scope="module")
def ind_extract(tmp_path_factory):
    from routekit.synth import generate

    root = tmp_path_factory.mktemp("review")
    generate(root / "data", seed=3, start="2024-01", end="2024-02", scale=0.2)
    return root / "data" / "partners" / "ind.csv"


def _fill(sheet_path, edits):
    """Play the analyst: per sheet row (0-based data row), a dict of analyst columns to write."""
    book = openpyxl.load_workbook(sheet_path)
    sheet = book.active
    header = [cell.value for cell in sheet[1]]
    for row, values in edits.items():
        for column, value in values.items():
            sheet.cell(row=row + 2, column=header.index(column) + 1, value=value)
    book.save(sheet_path)


def test_review_round_trip(ind_extract, tmp_path):
    sheet = tmp_path / "review.xlsx"
    out = routekit("review", "export", "--input", ind_extract, "--below", "0.97", "--out", sheet)
    exported = pd.read_excel(sheet, dtype=str)
    assert list(exported.columns) == SHEET_COLUMNS and len(exported) >= 3, out
    assert (exported["confidence"].astype(float) < 0.97).all()
    assert exported["reasons"].fillna("").str.len().gt(0).all()   # every exported record says why
    # the analyst confirms row 0, corrects row 1's route (modes not given: unknown), leaves the rest
    first, second = exported.iloc[0], exported.iloc[1]
    new_route = "AFG>IRN>TUR>GRC>NLD" if second["proposed_route"] != "AFG>IRN>TUR>GRC>NLD" else "SYR>TUR>NLD"
    _fill(sheet, {0: {"reviewed": "ja"}, 1: {"route": new_route}})
    corrections = corrections_path(ind_extract)
    routekit("review", "import", "--input", sheet, "--out", corrections)
    got = pd.read_csv(corrections, dtype=str, keep_default_na=False)
    assert list(got["id"]) == [first["id"], second["id"]]
    assert list(got["corrected"]) == ["False", "True"]
    legs = len(new_route.split(">")) - 1
    assert got.loc[1, "route"] == new_route and got.loc[1, "modes"] == ">".join(["unknown"] * legs)

    # release uses the correction over the extraction, and the manifest counts the review
    rows = pd.read_csv(ind_extract, dtype=str, keep_default_na=False)
    attached, counts = reviewed_rows(rows, ind_extract, K)
    records = structure_records("ind", attached)
    person = rows.loc[rows["record_id"] == second["id"], "v_number"].iloc[0]
    assert records.loc[records["person"] == person, "route"].iloc[0] == tuple(new_route.split(">"))
    assert counts["extracted"] == int((rows["narrative"].str.strip() != "").sum())
    assert counts["reviewed"] == "<5" and counts["corrected"] == "<5"   # below K: never an exact small count
    from routekit.release import release_extract

    manifest = release_extract("ind", ind_extract, tmp_path / "release", threshold=K, key=KEY,
                               rejects=tmp_path / "rejects.csv")
    assert manifest["text_review"]["corrections_file"] == corrections.name
    assert json.loads((tmp_path / "release" / "manifest.json").read_text())["text_review"]["reviewed"] == "<5"

    # the corrections are a gold set: the confirmed row is exact, the corrected one is not
    evaluation = routekit("evaluate-extraction", corrections)
    assert "gold rows: 2" in evaluation and "exact_route        0.500" in evaluation


def test_import_names_row_and_field_of_a_bad_code(ind_extract, tmp_path):
    sheet = tmp_path / "review.xlsx"
    routekit("review", "export", "--input", ind_extract, "--below", "0.97", "--out", sheet)
    _fill(sheet, {1: {"route": "SYR>TRK>NLD"}})
    with pytest.raises(InputError, match=r"row 3, field 'route': not an ISO3 country code: TRK"):
        import_review(sheet, tmp_path / "c.csv")
    _fill(sheet, {1: {"route": "SYR>TUR>NLD", "modes": "boat"}})
    with pytest.raises(InputError, match=r"row 3, field 'modes': 2 legs need 2 modes, got 1"):
        import_review(sheet, tmp_path / "c.csv")
