"""`routekit synth` writes the demo operator's call detail records; the pipeline releases them
without ever reading the demo truth."""
from __future__ import annotations

import json
import shutil

import pandas as pd
from typer.testing import CliRunner

from routekit.cli import app
from routekit.pipeline.workspace import prepare_workspace

SMALL = ["--seed", "4", "--start", "2024-01", "--end", "2024-04", "--scale", "0.1"]


def _synth(out, *extra: str):
    result = CliRunner().invoke(app, ["synth", "--out", str(out), *SMALL, *extra])
    assert result.exit_code == 0, result.output
    return out / "partners" / "mobility_cdr"


def test_synth_writes_cdr_at_the_asked_scale_and_the_release_needs_no_truth(tmp_path):
    small = _synth(tmp_path / "small")
    large = _synth(tmp_path / "large", "--cdr-events", "4e5", "--cdr-months", "3")
    small_scale = json.loads((small / "simulation.json").read_text())
    large_scale = json.loads((large / "simulation.json").read_text())
    assert large_scale["world"]["start"] == "2024-02-01" and small_scale["world"]["start"] == "2024-01-01"
    assert 0.9 * 4e5 < large_scale["events"] < 1.1 * 4e5 < small_scale["events"] * 100
    assert large_scale["migrant_phones"] > 0
    events = pd.read_parquet(large / "events")
    assert len(events) == large_scale["events"] and list(events.columns) == ["subscriber", "timestamp", "cell_id"]

    shutil.rmtree(tmp_path / "large" / "truth")  # the steward never has it
    workspace = prepare_workspace(tmp_path / "large", ["mobility"], threshold=10, period=None, log=lambda *_: None)
    manifest = json.loads((workspace.releases / "mobility" / "manifest.json").read_text())
    assert manifest["rows_in"] == large_scale["events"]
    assert manifest["note"]["demo_scale"]["events"] == large_scale["events"]
    assert (workspace.releases / "mobility" / "tables" / "flows.csv").is_file()


def test_no_cdr_leaves_the_aggregate_extract_to_be_released(tmp_path):
    _synth(tmp_path, "--no-cdr")
    assert not (tmp_path / "partners" / "mobility_cdr").exists()
    workspace = prepare_workspace(tmp_path, ["mobility"], threshold=10, period=None, log=lambda *_: None)
    manifest = json.loads((workspace.releases / "mobility" / "manifest.json").read_text())
    assert "cdr" not in manifest and manifest["source"] == "mobility"
