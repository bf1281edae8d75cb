"""``routekit mse TABLE.csv --out OUT.csv``: one row out, one-line errors in."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pandas as pd

DATA = Path(__file__).parent / "data" / "mse"


def _routekit(*args):
    return subprocess.run([sys.executable, "-m", "routekit.cli", "mse", *map(str, args)], capture_output=True,
                          text=True)


def test_mse_writes_one_row_with_the_documented_columns(tmp_path):
    out = tmp_path / "uk.csv"
    done = _routekit(DATA / "UKdat_5.csv", "--out", out, "--n-boot", "20", "--seed", "4")
    assert done.returncode == 0, done.stderr
    row = pd.read_csv(out)
    assert list(row.columns) == ["estimate", "lower", "upper", "estimable", "method", "model", "reason", "observed"]
    assert len(row) == 1 and bool(row["estimable"][0])
    assert round(row["estimate"][0]) == 11313 and row["lower"][0] <= 11313 <= row["upper"][0]
    assert "11,313" in done.stdout


def test_malformed_table_is_one_line_with_exit_code_2(tmp_path):
    path = tmp_path / "bad.csv"
    path.write_text("A,B,C,count\n1,0,0,4\n1,1,yes,2\n")
    done = _routekit(path, "--out", tmp_path / "o.csv")
    assert done.returncode == 2
    lines = [line for line in done.stderr.strip().splitlines() if line.strip()]
    assert lines == [f"error: {path}, row 3, field 'C': 'yes' is not 0 or 1"]
    assert not (tmp_path / "o.csv").exists()


def test_unknown_method_is_one_line(tmp_path):
    done = _routekit(DATA / "UKdat_5.csv", "--out", tmp_path / "o.csv", "--method", "magic")
    assert done.returncode == 2 and "parameter 'method'" in done.stderr.strip().splitlines()[-1]
