"""The replacement rule's command (benchmarks/text_stage_compare.py; issue 15): a candidate fit of a learned stage
against the stored one on the untuned calibration sets, aggregate only."""

from __future__ import annotations

import re

import yaml

from learned_helpers import load_fit_script
from routekit.text.gazetteer import data_path
from routekit.text import order_model

compare = load_fit_script("text_stage_compare")


def test_switching_the_order_stage_off_is_judged_on_counts_and_names_no_row(tmp_path, capsys):
    stored = data_path(order_model.ORDER_FILE)
    off = tmp_path / "order_off.yaml"
    data = yaml.safe_load(stored.read_text(encoding="utf-8"))
    data["enabled"] = False
    off.write_text(yaml.safe_dump(data), encoding="utf-8")
    assert compare.main(["--stage", "order", str(stored), str(off), str(stored)]) == 0
    out = capsys.readouterr().out
    off_line = next(line for line in out.splitlines() if line.startswith(f"candidate {off}"))
    fixed, broken = map(int, re.search(r"fixed/broken against stored (\d+)/(\d+)", off_line).groups())
    assert broken > fixed   # the stored stage was switched on for its held-out gain: switching it off loses rows
    assert off_line.endswith("replaces stored: false")
    same = next(line for line in out.splitlines() if line.startswith(f"candidate {stored}"))
    assert "fixed/broken against stored 0/0 (net +0)" in same and same.endswith("replaces stored: false")
    assert out.splitlines()[-1] == "verdict: keep the stored stage"
    assert not re.search(r"\b(nl|en)-\d{3}\b", out)   # aggregate only: no row of a calibration set is named


def test_a_missing_file_is_a_usage_error(tmp_path, capsys):
    assert compare.main(["--stage", "order", str(tmp_path / "none.yaml"), str(tmp_path / "none.yaml")]) == 2
    assert "none.yaml: no such file" in capsys.readouterr().err
