"""Sums over released cells that include a withheld cell are marked, never shown as complete."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from routekit.report import tables
from routekit.report.views import cell_mark


def test_cell_mark_tells_complete_lower_bound_and_withheld_apart():
    assert cell_mark(120, partial=False) == ""
    assert cell_mark(120, partial=True) == "lower_bound"
    assert cell_mark(0, partial=True) == "suppressed"


def _marked_frame() -> pd.DataFrame:
    frame = pd.DataFrame({"corridor": ["a", "b", "c"],
                          "ind": pd.array([1257, 52, pd.NA], dtype="Int64")})
    frame.attrs["cell_marks"] = {"ind": ["", "lower_bound", "suppressed"]}
    return frame


def test_marked_cells_read_as_lower_bound_or_x_with_a_legend():
    page = tables.table_html(_marked_frame(), "t.csv", "caption", "nl", threshold=10)
    cells = page.split("<tbody>")[1]
    # a marked column is a number column: right-aligned and never wrapped, marks included
    assert "<td class='rk-num'>1.257</td>" in cells
    assert "<td class='rk-num'>≥ 52</td>" in cells
    assert "<td class='rk-num'>x</td>" in cells and "<td>a</td>" in cells
    assert "minder dan 10 personen" in page
    english = tables.table_html(_marked_frame(), "t.csv", "caption", "en", threshold=10)
    assert "<td class='rk-num'>1,257</td>" in english and "fewer than 10 persons" in english


def test_unmarked_tables_have_no_legend():
    frame = pd.DataFrame({"corridor": ["a"], "ind": [12]})
    assert "rk-table-marks" not in tables.table_html(frame, "t.csv", "caption", "nl", threshold=10)


def test_csv_carries_a_status_column_next_to_each_marked_column(tmp_path: Path):
    path = tables.write_table(_marked_frame(), "marked", tmp_path, threshold=10)
    written = pd.read_csv(path, keep_default_na=False)
    assert list(written.columns) == ["corridor", "ind", "ind status"]
    assert written["ind status"].tolist() == ["complete", "lower_bound", "suppressed"]
    assert written["ind"].tolist() == ["1257", "52", ""]  # whole numbers, the withheld one empty


def test_marks_that_do_not_fit_the_rows_are_ignored_not_misapplied():
    frame = _marked_frame()
    frame.attrs["cell_marks"] = {"ind": ["lower_bound"]}
    assert tables.cell_marks(frame) == {}


def _report_months(built_report) -> set[str]:
    """The months of the built report's period, resolved from its parameters and data as the runner does."""
    from routekit.params import load_params
    from routekit.pipeline.report import data_coverage
    from routekit.pipeline.workspace import Workspace

    params = load_params(built_report.params_path, [])
    workspace = Workspace(built_report.data_dir, params.threshold)
    last_month = data_coverage(workspace, params.sources)[1]
    return set(params.resolve_period(last_month).months)


@pytest.mark.slow
@pytest.mark.xdist_group("report")
def test_summary_marks_every_source_sum_that_includes_a_withheld_cell(built_report):
    """Against the releases: a corridor sum is complete exactly when no cell of it was withheld."""
    from routekit.reference import corridor_name
    from routekit.report.i18n import t

    months = _report_months(built_report)
    corridors = pd.read_csv(built_report.site / "tables" / "summary" / "corridors-period.csv",
                            keep_default_na=False, na_values=[""])
    releases = next(built_report.data_dir.glob("steward/k*/releases"))
    checked = withheld_seen = 0
    for source_dir in sorted(p for p in releases.iterdir() if (p / "tables" / "totals.csv").is_file()):
        column = t(f"source.{source_dir.name}", "nl")  # the short name charts use
        if column not in corridors.columns:
            continue
        totals = pd.read_csv(source_dir / "tables" / "totals.csv", dtype={"month": str},
                             keep_default_na=False, na_values=[""])
        totals = totals[totals["month"].isin(months)]
        for _, row in corridors.iterrows():
            cells = totals[totals["corridor"].map(lambda c: corridor_name(c, "nl")) == row["corridor"]]
            withheld = bool(cells["status"].ne("published").any())
            # a column without a status column has no withheld cell at all
            status = row[f"{column} status"] if f"{column} status" in corridors.columns else "complete"
            assert (status != "complete") == withheld, (source_dir.name, row["corridor"])
            if status == "suppressed":
                assert pd.isna(row[column])
            else:
                assert row[column] == cells["count"].sum() or (pd.isna(row[column]) and cells.empty)
            checked += 1
            withheld_seen += withheld
    assert checked > 0 and withheld_seen > 0  # the small demo has withheld cells to mark
