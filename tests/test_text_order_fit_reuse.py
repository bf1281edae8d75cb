"""``benchmarks/text_order_fit.py --held-out-from``: the end-of-round refit may skip the nested held-out evaluation
(about 35 minutes) only by naming the full run whose pooled figure it reuses, and only when that run is of the same
training sets, rows and command; the stored file then says where the figure comes from and records the option. Any
other file is refused in one line naming it, never with a traceback (review 19, items 4 and 5)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from learned_helpers import load_fit_script

ROOT = Path(__file__).resolve().parents[1]
POOLED = {"rows": 240, "before": 180, "fixed": 14, "broken": 2}
SETS = ["a.csv", "b.csv"]
COMMAND = "benchmarks/text_order_fit.py --write --choose --break-cost 5 --min-margin 1.5"


@pytest.fixture(scope="module")
def script():
    return load_fit_script("text_order_fit")


def _write(tmp_path, fitted, name="order_model.yaml"):
    path = tmp_path / name
    path.write_text(yaml.safe_dump({"enabled": True, "fitted": fitted}), encoding="utf-8")
    return path


def _full_run(**changes):
    return {"command": COMMAND, "date": "07 Dec 2026 10:40 UTC", "sets": SETS, "held_out_pooled": POOLED, **changes}


def test_a_full_runs_figure_is_reused_with_its_date(script, tmp_path):
    total, source = script.reused_held_out(_write(tmp_path, _full_run()), SETS, 240, COMMAND)
    assert total == POOLED
    assert "07 Dec 2026 10:40 UTC" in source and "2 training sets" in source


def test_a_figure_that_was_itself_reused_keeps_its_first_source(script, tmp_path):
    path = _write(tmp_path, _full_run(command=COMMAND + " --held-out-from order_model.yaml",
                                      held_out_pooled_from="the nested evaluation of 07 Dec 2026 10:40 UTC"))
    assert script.reused_held_out(path, SETS, 240, COMMAND)[1] == "the nested evaluation of 07 Dec 2026 10:40 UTC"


def test_the_same_sets_named_with_train_are_the_same_refit(script, tmp_path):
    """A full run on the then-default training sets, refitted after the default grew by naming those sets: reused;
    naming other sets is still refused (by the sets, compared by name)."""
    named = COMMAND + " --train tests/data/a.csv tests/data/b.csv"
    total, _ = script.reused_held_out(_write(tmp_path, _full_run()), SETS, 240, named)
    assert total == POOLED
    with pytest.raises(SystemExit, match="fitted.sets"):
        script.reused_held_out(_write(tmp_path, _full_run()), SETS + ["c.csv"], 240, named + " tests/data/c.csv")
    with pytest.raises(SystemExit, match="fitted.command"):
        script.reused_held_out(_write(tmp_path, _full_run()), SETS, 240, named + " --break-cost 2")


@pytest.mark.parametrize("fitted, field", [
    ({"date": "x", "sets": SETS, "command": COMMAND}, "held_out_pooled"),
    (_full_run(held_out_pooled={"rows": 0}), "held_out_pooled"),
    (_full_run(held_out_pooled="none"), "held_out_pooled"),
    (_full_run(sets=SETS + ["c.csv"]), "fitted.sets"),                           # fitted on other training sets
    (_full_run(held_out_pooled={**POOLED, "rows": 200}), "held_out_pooled.rows"),  # a figure carried over from older sets
    (_full_run(command=COMMAND.replace("5", "2")), "fitted.command"),             # another command's figure
])
def test_a_figure_not_of_this_refit_is_refused_naming_file_and_field(script, tmp_path, fitted, field):
    path = _write(tmp_path, fitted)
    with pytest.raises(SystemExit) as stop:
        script.reused_held_out(path, SETS, 240, COMMAND)
    assert str(path) in str(stop.value) and field in str(stop.value)


@pytest.mark.parametrize("content", [None, "", "- a\n- b\n", "fitted: [1, 2]\n", "fitted: {a: [\n"])
def test_an_unreadable_or_foreign_file_is_a_one_line_usage_error(tmp_path, content):
    """A missing file, a list at the top, a list as 'fitted', broken YAML: one line naming the file, no traceback."""
    path = tmp_path / "reuse.yaml"
    if content is not None:
        path.write_text(content, encoding="utf-8")
    done = subprocess.run([sys.executable, str(ROOT / "benchmarks" / "text_order_fit.py"), "--held-out-from",
                           str(path), "--train", str(tmp_path / "none.csv")], capture_output=True, text=True,
                          cwd=ROOT, timeout=120)
    assert done.returncode != 0
    assert "Traceback" not in done.stderr
    assert str(path) in done.stderr


def test_a_refit_that_skips_the_held_out_evaluation_says_so_and_keeps_the_decision(script, tmp_path, capsys):
    """``--skip-held-out``: the same stored model as a full run (the margin and options are chosen on all the folds
    either way), no held-out figure stored, a note that (a) was not run, the command naming the option, and the
    replaced file's switch-on decision kept; with --held-out-from it is a usage error."""
    from learned_helpers import write_labelled_sets

    rows = [("Ik kom uit Syrie. Via Turkije en Griekenland naar Nederland.", "SYR>TUR>GRC>NLD"),
            ("I left Afghanistan for Iran, then Turkey and Bulgaria, then by truck to the Netherlands.",
             "AFG>IRN>TUR>BGR>NLD"),
            ("Eerst naar Griekenland, vanuit Turkije. Daarna Noord-Macedonie en Servie en toen Nederland.",
             "TUR>GRC>MKD>SRB>NLD"),
            ("We crossed from Morocco to Spain, then France and Belgium, and reached the Netherlands.",
             "MAR>ESP>FRA>BEL>NLD")]
    first, second = write_labelled_sets(tmp_path, rows)
    full, skipped = tmp_path / "full.yaml", tmp_path / "skipped.yaml"
    common = ["--train", str(first), "--extra", str(second), "--no-allowed-sets", "--write"]
    assert script.main(common + ["--out", str(full)]) == 0
    for enabled in (True, False):   # the decision of the file it replaces
        text = yaml.safe_load(full.read_text(encoding="utf-8"))
        skipped.write_text(yaml.safe_dump({**text, "enabled": enabled}), encoding="utf-8")
        assert script.main(common + ["--out", str(skipped), "--skip-held-out"]) == 0
        stored = yaml.safe_load(skipped.read_text(encoding="utf-8"))
        assert stored["enabled"] is (enabled and stored["margin"] < 1e8)   # a stage with no finite margin stays off
        assert stored["fitted"]["held_out_pooled"] is None and "not run" in capsys.readouterr().out
        assert "skip-held-out" in stored["fitted"]["held_out_not_run"] + stored["fitted"]["command"]
        assert {k: v for k, v in stored.items() if k not in ("fitted", "enabled")} == \
            {k: v for k, v in text.items() if k not in ("fitted", "enabled")}
    with pytest.raises(SystemExit):
        script.main(common + ["--out", str(skipped), "--skip-held-out", "--held-out-from", str(full)])
