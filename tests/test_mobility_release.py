"""Redaction of the mobility indicators: threshold, differencing protection, released files."""

from __future__ import annotations

import json

import numpy as np
import pandas as pd
import pytest
from typer.testing import CliRunner

from routekit.disclosure.equations import PUBLISHED, Equation, protect
from routekit.disclosure.rule import Threshold
from routekit.mobility.release import build_release
from routekit.sources.partners import MOBILITY_SCHEMA


def test_only_counts_above_the_threshold_are_published():
    status = protect({"a": 15, "b": 16, "c": 0}, [], threshold=Threshold.more_than(15))
    assert status == {"a": "primary", "b": "published", "c": "primary"}


def test_a_lone_small_cell_cannot_be_recovered_from_its_total():
    counts = {"total": 60, "x": 40, "y": 17, "small": 3}
    status = protect(counts, [Equation("total", ("x", "y", "small"))], threshold=Threshold.more_than(15))
    assert status["small"] == "primary"
    assert status["y"] == "secondary"  # the smallest publishable member is hidden with it
    assert status["x"] == status["total"] == PUBLISHED


def test_hidden_members_must_add_up_to_more_than_the_threshold():
    counts = {"total": 100, "x": 90, "s1": 4, "s2": 6}
    status = protect(counts, [Equation("total", ("x", "s1", "s2"))], threshold=Threshold.more_than(15))
    assert status["x"] == "secondary"  # 4 + 6 = 10 would otherwise be computable


def test_protection_cascades_through_the_hierarchy():
    counts = {"seen": 500, "located": 496, "unlocatable": 4, "NLD": 300, "BEL": 196}
    equations = [Equation("seen", ("located", "unlocatable")), Equation("located", ("NLD", "BEL"))]
    status = protect(counts, equations, threshold=Threshold.more_than(15))
    assert status["located"] == "secondary"
    assert status["BEL"] == "secondary"  # else located = NLD + BEL and unlocatable = seen - located


def determined(counts, status, equations) -> list:
    """Hidden nonzero counts that the published counts and the equations fix exactly."""
    hidden = [k for k, s in status.items() if s != PUBLISHED and counts[k] > 0]
    index = {k: i for i, k in enumerate(hidden)}
    rows = []
    for eq in equations:
        row = np.zeros(len(hidden))
        for key, sign in [(eq.total, 1.0)] + [(m, -1.0) for m in eq.members]:
            if key in index:
                row[index[key]] += sign
        if row.any():
            rows.append(row)
    if not rows:
        return []
    matrix = np.array(rows)
    _, singular, vt = np.linalg.svd(matrix)
    rank = int((singular > 1e-9).sum())
    null = vt[rank:].T
    return [k for k in hidden if np.abs(null[index[k]]).max(initial=0) < 1e-9]


@pytest.mark.parametrize("seed", range(6))
def test_no_hidden_count_is_determined_by_the_released_tables(seed):
    rng = np.random.default_rng(seed)
    regions = {f"R{i}": ["AAA", "BBB", "CCC"][i % 3] for i in range(7)}
    pairs = [(o, d) for o in regions for d in regions]
    flows = pd.DataFrame([(1, o, d, int(rng.choice([1, 3, 8, 16, 20, 40, 200]))) for o, d in pairs
                          if rng.random() < 0.7], columns=["period", "origin", "destination", "subscribers"])
    homes = pd.DataFrame([(p, r, int(rng.choice([2, 9, 17, 30, 300]))) for p in (0, 1) for r in regions],
                         columns=["period", "region", "subscribers"])
    located = homes.groupby("period")["subscribers"].sum()
    totals = pd.DataFrame({"period": [0, 1], "seen": located.values + rng.integers(0, 30, 2),
                           "located": located.values})
    cells = pd.DataFrame({"region": list(regions), "country": list(regions.values())})
    release = build_release({"home_counts": homes, "flows": flows, "period_totals": totals}, cells, 15, 1)
    assert release.suppression["secondary"] > 0
    assert determined(release.counts, release.status, release.equations) == []
    published = pd.concat([release.flows_region, release.flows_country, release.home_counts])
    published = published[published["status"] == "published"]
    assert (published["subscribers"] > 15).all()
    assert release.flows_region.loc[release.flows_region["status"] == "suppressed", "subscribers"].isna().all()


def write_inputs(tmp_path, movers: int, stayers: int):
    """Events where ``movers`` subscribers move from NL-A to BE-D in April and others stay."""
    cells = pd.DataFrame({"cell_id": [1, 2, 3], "lon": [4.9, 5.1, 3.7], "lat": [52.4, 52.1, 51.0],
                          "country": ["NLD", "NLD", "BEL"], "region": ["NL-A", "NL-B", "BE-D"]})
    cells.to_csv(tmp_path / "cells.csv", index=False)
    rows = []
    for i in range(movers + stayers):
        for month, day in [(3, d) for d in range(1, 8)] + [(4, d) for d in range(1, 8)]:
            cell = 3 if (i < movers and month == 4) else (1 if i % 3 else 2)
            rows.append((f"token{i:04d}", pd.Timestamp(2024, month, day, 23), cell))
    pd.DataFrame(rows, columns=["subscriber", "timestamp", "cell_id"]).to_parquet(tmp_path / "events.parquet")


def test_cdr_command_writes_the_documented_files(tmp_path):
    from routekit.cli import app

    write_inputs(tmp_path, movers=20, stayers=100)
    out = tmp_path / "out"
    result = CliRunner().invoke(app, ["cdr", "--events", str(tmp_path / "events.parquet"),
                                      "--cells", str(tmp_path / "cells.csv"), "--out", str(out)])
    assert result.exit_code == 0, result.output
    flows = pd.read_csv(out / "flows_country.csv")
    assert list(flows.columns) == ["month", "origin", "destination", "subscribers", "status"]
    published = flows[flows["status"] == "published"].set_index(["origin", "destination"])["subscribers"]
    assert published.to_dict() == {("NLD", "BEL"): 20, ("NLD", "NLD"): 100}
    regions = pd.read_csv(out / "flows_region.csv")
    # 13 movers from NL-A and 7 from NL-B: both hidden, and never published, so not even listed.
    assert not regions["destination"].eq("BE-D").any()
    assert (regions.loc[regions["status"] == "published", "subscribers"] > 15).all()
    homes = pd.read_csv(out / "home_counts.csv")
    assert set(homes["level"]) == {"country", "region"}
    moves = MOBILITY_SCHEMA.validate(pd.read_csv(out / "mobility.csv", dtype={"subscribers": int}))
    # the partner contract holds changes of home country only, not the 100 stayers
    assert moves[["origin_country", "destination_country", "subscribers"]].values.tolist() == [["NLD", "BEL", 20]]
    manifest = json.loads((out / "manifest.json").read_text())
    assert manifest["parameters"]["threshold"] == 16  # FlowKit's "more than 15"
    assert manifest["inputs"]["events_used"] == 120 * 14
    assert manifest["software"]["routekit"]
    assert len(manifest["definition_sha256"]) == 64
    for path in out.iterdir():
        assert "token0" not in path.read_text()  # no subscriber token leaves the operator


def test_cdr_command_reports_bad_parameters_in_one_line(tmp_path):
    import subprocess
    import sys

    write_inputs(tmp_path, movers=1, stayers=1)
    done = subprocess.run([sys.executable, "-m", "routekit.cli", "cdr", "--events", str(tmp_path / "events.parquet"),
                           "--cells", str(tmp_path / "cells.csv"), "--out", str(tmp_path / "o"),
                           "--night-start", "9", "--night-end", "15"], capture_output=True, text=True)
    assert done.returncode == 2
    assert "noon" in done.stderr and "Traceback" not in done.stderr
