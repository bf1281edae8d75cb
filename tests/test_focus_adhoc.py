"""Ad-hoc answers are about the question (issue 13, item 5).

A focus the data cannot honour is said beside the figure; a focus with no data in the period is
a one-line error; the estimate cache tells a {start, end} period from the quarter with the same
months. Uses the session's small demo report (its workspace is reused, nothing is rebuilt).
"""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest

from routekit.errors import ParamError, RoutekitError

pytestmark = [pytest.mark.slow, pytest.mark.xdist_group("report")]
QUARTERS = [f"{y}-Q{q}" for y in (2024, 2025) for q in (1, 2, 3, 4)][:6]  # the small demo: 2024-01..2025-06


def _published(data_dir: Path, table: str, column: str) -> pd.DataFrame:
    frames = []
    for manifest in (data_dir / "steward" / "k10" / "releases").glob("*/manifest.json"):
        path = manifest.parent / "tables" / f"{table}.csv"
        if path.is_file():
            frame = pd.read_csv(path, dtype=str, keep_default_na=False)
            frames.append(frame[frame["status"] == "published"][["month", column]])
    return pd.concat(frames, ignore_index=True)


def _absent_in_a_quarter(data_dir: Path) -> tuple[str, str]:
    """A nationality published in the data, but not in one quarter of it (like KEN in 2025-Q4)."""
    from routekit.periods import parse_period

    published = _published(data_dir, "nationality", "nationality")
    published = published[published["nationality"].str.fullmatch(r"[A-Z]{3}")]
    for quarter in QUARTERS:
        months = parse_period(quarter).months
        inside = set(published.loc[published["month"].isin(months), "nationality"])
        outside = set(published["nationality"]) - inside
        if outside:
            return sorted(outside)[0], quarter
    pytest.skip("every nationality is published in every quarter of this demo")


def test_a_focus_with_no_data_in_the_period_is_a_one_line_error(built_report):
    from routekit.pipeline.report import build_report

    nationality, quarter = _absent_in_a_quarter(built_report.data_dir)
    with pytest.raises(ParamError) as error:
        build_report(built_report.params_path, [f"period={quarter}", f"focus.nationalities=[{nationality}]"],
                     project=built_report.project, build_root=built_report.build_root, pdf=False)
    assert "\n" not in str(error.value)
    assert "focus.nationalities" in str(error.value) and nationality in str(error.value)


def _context(built_report, focus: dict, period: str = "2025-Q2"):
    from routekit.periods import parse_period
    from routekit.pipeline.workspace import Workspace
    from routekit.report.context import ReportContext

    params = json.loads(json.dumps(_params(built_report)))
    params["focus"] = {"nationalities": [], "corridors": [], "entry_points": [], **focus}
    estimates = max((built_report.data_dir / "steward" / "k10" / "estimates").iterdir(),
                    key=lambda p: p.stat().st_mtime)
    workspace = Workspace(built_report.data_dir, 10)

    def as_dict(p):
        return {"start": p.start, "end": p.end, "kind": p.kind, "label": p.label, "months": p.months}

    now = parse_period(period)
    return ReportContext({"params": params, "period": as_dict(now), "baseline": as_dict(now.previous()),
                          "paths": {"releases": str(workspace.releases), "link": str(workspace.link),
                                    "estimates": str(estimates), "public": str(built_report.project / "data" / "public"),
                                    "tables_dir": str(built_report.build_root / "focus-tables"), "tables_href": "x"}})


def _params(built_report) -> dict:
    from routekit.params import load_params

    return load_params(built_report.params_path, []).model_dump(mode="json")


def _shown(monkeypatch) -> list[str]:
    """What the views display, as text (tables and notes are HTML objects)."""
    import IPython.display

    shown: list[str] = []
    monkeypatch.setattr(IPython.display, "display", lambda obj, *a, **k: shown.append(getattr(obj, "data", str(obj))))
    return shown


def test_estimates_next_to_a_nationality_focus_say_they_are_not_focused(built_report, monkeypatch):
    from routekit.report import views

    shown = _shown(monkeypatch)
    ctx = _context(built_report, {"nationalities": ["SYR"]})
    for view, name in ((views.corridor_period_table, "corridors"), (views.smuggler_table, "smuggler"),
                       (views.mode_table, "mode"), (views.entry_point_table, "entry")):
        shown.clear()
        ctx.show_table(view(ctx), name, name)
        notes = [s for s in shown if "rk-focus-note" in s]
        assert len(notes) == 1 and "SYR" in notes[0], name
    # a table that is focused carries no note
    shown.clear()
    ctx.show_table(views.nationality_table(ctx), "nationalities", "nationalities")
    assert not [s for s in shown if "rk-focus-note" in s]


def test_findings_and_estimates_honour_a_corridor_focus(built_report):
    ctx = _context(built_report, {"corridors": ["central_med"]})
    findings = ctx.estimates_table("findings")
    assert set(findings["category"]) <= {"central_med"}
    assert set(ctx.estimates["corridor"]) == {"central_med"}
    assert ctx.focus_note() == ""


def test_a_start_end_period_equal_to_a_cached_quarter_gets_its_own_estimates(built_report, tmp_path, monkeypatch):
    """The estimate cache is keyed on the period's label too: a {start, end} period with the
    months of a cached quarter must not reuse rows labelled for the quarter. The estimate stage
    is replaced by a recorder, so only the cache is under test (and the test is quick)."""
    import shutil

    import routekit.estimate
    from routekit.periods import parse_period
    from routekit.pipeline.workspace import Workspace, prepare_estimates

    runs = []

    def record(release_dirs, link_dir, out, period_months=None, period_label=None, public_dir=None, **_):
        runs.append(period_label)
        Path(out).mkdir(parents=True, exist_ok=True)
        pd.DataFrame({"level": ["period"], "period": [period_label]}).to_csv(Path(out) / "estimates.csv", index=False)

    monkeypatch.setattr(routekit.estimate, "run_estimate", record)
    data = tmp_path / "data"
    shutil.copytree(built_report.data_dir / "steward" / "k10" / "releases", data / "steward" / "k10" / "releases")
    shutil.copytree(built_report.data_dir / "steward" / "k10" / "link", data / "steward" / "k10" / "link")
    workspace = Workspace(data, 10)
    quarter = parse_period("2025-Q1")
    explicit = parse_period({"start": "2025-01", "end": "2025-03"})
    assert quarter.months == explicit.months and quarter.label != explicit.label
    folders = {}
    for period in (quarter, explicit, quarter):
        folders[period.label] = prepare_estimates(workspace, _params(built_report)["sources"], period,
                                                  period.previous(), log=lambda *_: None,
                                                  public_dir=built_report.project / "data" / "public")
    for label, folder in folders.items():
        assert set(pd.read_csv(folder / "estimates.csv", dtype=str)["period"]) == {label}
    assert runs == [quarter.label, explicit.label]  # the third call reused the quarter's folder


def test_an_unverifiable_workspace_is_refused_before_the_report(built_report, tmp_path):
    """The report's data step refuses an edited release by bundle and file (sealed releases)."""
    import shutil

    from routekit.pipeline.workspace import prepare_workspace

    data = tmp_path / "data"
    shutil.copytree(built_report.data_dir / "steward", data / "steward")
    totals = next((data / "steward" / "k10" / "releases").glob("*/tables/totals.csv"))
    totals.write_text(totals.read_text().replace(",published", ",published", 1) + "2099-01,other,10,published\n")
    with pytest.raises(RoutekitError, match="tables/totals.csv"):
        prepare_workspace(data, _params(built_report)["sources"], 10, None, log=lambda *_: None)
