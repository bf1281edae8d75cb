"""The mobility source in the partner-release contract, and its cached step in the workspace."""

from __future__ import annotations

import json

import pandas as pd
from test_mobility_release import write_inputs
from test_mobility_synthetic import JOURNEYS

from routekit.estimate.inputs import read_release
from routekit.mobility.partner_release import release_mobility


def test_the_release_holds_changes_of_home_country_readable_by_estimation(tmp_path):
    write_inputs(tmp_path, movers=20, stayers=100)
    out = tmp_path / "releases" / "mobility"
    manifest = release_mobility(tmp_path / "events.parquet", tmp_path / "cells.csv", out, threshold=10)
    release = read_release(out)
    assert release.source == "mobility" and release.kind == "mobility"
    flows = release.tables["flows"]
    assert flows[["month", "origin_country", "destination_country", "count", "status"]].values.tolist() == [
        ["2024-04", "NLD", "BEL", 20.0, "published"]]
    # the operator's K is 16 (FlowKit's "more than 15") even when the steward's K is lower
    assert manifest["threshold"] == 16 and manifest["cdr"]["parameters"]["threshold"] == 16
    assert manifest["period"] == {"start": "2024-04", "end": "2024-04"}
    assert manifest["rows_in"] == manifest["rows_used"] == 120 * 14 and manifest["rows_rejected"] == 0
    assert manifest["tables"]["flows"]["rows"] == 1
    assert {p.name for p in (out / "operator").iterdir()} == {
        "flows_country.csv", "flows_region.csv", "home_counts.csv", "mobility.csv", "manifest.json"}
    assert not (tmp_path / "releases" / ".mobility-spill").exists()
    for path in out.rglob("*.*"):
        assert "token0" not in path.read_text()  # no subscriber token in the release


def test_a_stricter_steward_threshold_hides_the_flow(tmp_path):
    write_inputs(tmp_path, movers=20, stayers=100)
    out = tmp_path / "mobility"
    manifest = release_mobility(tmp_path / "events.parquet", tmp_path / "cells.csv", out, threshold=25)
    assert manifest["threshold"] == 25
    flows = pd.read_csv(out / "tables" / "flows.csv", dtype={"count": "Int64"})
    # 20 movers: fewer than K = 25, so no pair is published and none is even listed
    assert flows.empty or (flows["status"] == "suppressed").all()
    assert manifest["tables"]["flows"]["cells_suppressed_primary"] == len(flows)


def test_the_workspace_releases_the_operators_events_once_and_reuses_the_release(tmp_path):
    from routekit.synth.operator import simulate_demo_operator
    from routekit.pipeline.workspace import Workspace, _prepare_mobility

    root = tmp_path / "data"
    simulate_demo_operator(JOURNEYS.assign(v_number="2912345678"), root / "partners" / "mobility_cdr")
    workspace = Workspace(root, threshold=10)
    logged = []
    assert _prepare_mobility(workspace, 10, logged.append)
    manifest = json.loads((workspace.releases / "mobility" / "manifest.json").read_text())
    assert manifest["rows_in"] == manifest["note"]["demo_scale"]["events"]
    assert (workspace.releases / "mobility" / "tables" / "flows.csv").is_file()
    logged.clear()
    assert _prepare_mobility(workspace, 10, logged.append)
    assert all("unchanged, reused" in line for line in logged) and len(logged) == 1
    for path in workspace.steward.rglob("*.*"):
        assert "2912345678" not in path.read_text(errors="ignore")


def test_without_events_or_journeys_the_aggregate_extract_path_is_kept(tmp_path):
    from routekit.pipeline.workspace import Workspace, _prepare_mobility

    (tmp_path / "partners").mkdir()
    assert not _prepare_mobility(Workspace(tmp_path, threshold=10), 10, print)
