"""``benchmarks/text_order_fit.py --held-out-from``: the end-of-round refit may skip the nested held-out evaluation
(about 35 minutes) only by naming the full run whose pooled figure it reuses; the stored file then says where the
figure comes from, and a file with no pooled figure is refused with one line naming it."""

from __future__ import annotations

import pytest
import yaml

from learned_helpers import load_fit_script

POOLED = {"rows": 5287, "before": 3900, "fixed": 140, "broken": 9}


@pytest.fixture(scope="module")
def script():
    return load_fit_script("text_order_fit")


def _write(tmp_path, fitted):
    path = tmp_path / "order_model.yaml"
    path.write_text(yaml.safe_dump({"enabled": True, "fitted": fitted}), encoding="utf-8")
    return path


def test_a_full_runs_figure_is_reused_with_its_date(script, tmp_path):
    path = _write(tmp_path, {"date": "07 Dec 2026 10:40 UTC", "sets": ["a.csv", "b.csv"], "held_out_pooled": POOLED})
    total, source = script.reused_held_out(path)
    assert total == POOLED
    assert "07 Dec 2026 10:40 UTC" in source and "2 training sets" in source


def test_a_figure_that_was_itself_reused_keeps_its_first_source(script, tmp_path):
    path = _write(tmp_path, {"date": "08 Dec 2026 09:00 UTC", "held_out_pooled": POOLED,
                             "held_out_pooled_from": "the nested evaluation of 07 Dec 2026 10:40 UTC"})
    assert script.reused_held_out(path)[1] == "the nested evaluation of 07 Dec 2026 10:40 UTC"


@pytest.mark.parametrize("fitted", [{"date": "x"}, {"held_out_pooled": {"rows": 0}}, {"held_out_pooled": "none"}])
def test_a_file_without_a_pooled_figure_is_refused_naming_it(script, tmp_path, fitted):
    path = _write(tmp_path, fitted)
    with pytest.raises(SystemExit) as stop:
        script.reused_held_out(path)
    assert str(path) in str(stop.value) and "held_out_pooled" in str(stop.value)
