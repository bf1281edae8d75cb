"""What the learned stages share (routekit.text.learned, routekit.text.learned_fit; issue 15)."""

from __future__ import annotations

import pytest

from routekit.errors import RoutekitError
from routekit.text import learned, learned_fit, order_model, origin_model, verifier
from routekit.text.extraction import extract_route

TEXT = "Ik kom uit Syrie. Ik reisde via Turkije en Griekenland naar Italie en daarna naar Nederland."


class _Error(RoutekitError):
    pass


def test_hooks_restore_what_was_there_even_after_an_error():
    hooks = learned.StageHooks()
    with hooks.using("outer"):
        with pytest.raises(ValueError):
            with hooks.using("inner"):
                assert hooks.model == "inner"
                raise ValueError
        assert hooks.model == "outer"
        with hooks.recording() as rows:
            rows.append(1)
            with hooks.recording() as inner:
                assert inner == [] and hooks.recorder is inner
            assert hooks.recorder is rows
    assert hooks.model is None and hooks.recorder is None


STAGES = (verifier, order_model, origin_model)


@pytest.mark.parametrize("stage", STAGES)
def test_each_stage_has_its_own_hooks(stage):
    others = [s for s in STAGES if s is not stage]
    with stage.recording() as recorded:
        extract_route(TEXT)
        assert all(other._HOOKS.recorder is None for other in others)
    assert recorded, "the stage recorded the record it reviewed"
    assert stage._HOOKS.recorder is None


def test_a_stage_file_that_cannot_be_read_names_the_file(tmp_path):
    missing = tmp_path / "absent.yaml"
    with pytest.raises(_Error, match="absent.yaml: cannot be read"):
        learned.read_stage_file(missing, _Error)
    broken = tmp_path / "broken.yaml"
    broken.write_text("enabled: true\nweights: {rules: [1\n", encoding="utf-8")
    with pytest.raises(_Error, match=r"broken.yaml: not yaml \(line \d+\)"):
        learned.read_stage_file(broken, _Error)
    listed = tmp_path / "listed.yaml"
    listed.write_text("- 1\n- 2\n", encoding="utf-8")
    with pytest.raises(_Error, match="listed.yaml: not a mapping"):
        learned.read_stage_file(listed, _Error)


@pytest.mark.parametrize("stage, error", [(verifier, verifier.VerifierError),
                                          (order_model, order_model.OrderModelError),
                                          (origin_model, origin_model.OriginModelError)])
def test_every_stage_refuses_a_missing_file_with_its_own_error(tmp_path, stage, error):
    # before learned.py the stop verifier let a FileNotFoundError through
    with pytest.raises(error, match="nowhere.yaml: cannot be read"):
        stage.read_model(tmp_path / "nowhere.yaml")


BAD_VALUES = [   # (stage, file, its text, what the error says)
    (verifier, "verifier.yaml", "keep: {intercept: 0, weights: {mentions: high}}\nadd: {intercept: 0}",
     "verifier.yaml: keep.weights: a weight is not a number"),
    (verifier, "verifier.yaml", "keep: {intercept: 0}\nadd: {intercept: 0}\nthresholds: {remove: low}",
     "verifier.yaml: thresholds.remove: not a number"),
    (order_model, "order_model.yaml", "weights: {rules: 1}\njourney: {ground_weight: far}",
     "order_model.yaml: journey.ground_weight: not a number"),
    (order_model, "order_model.yaml", "weights: {rules: 1}\nmax_countries: many",
     "order_model.yaml: max_countries: not a whole number"),
    (origin_model, "origin_model.yaml", "margin: wide\ndrop: {intercept: 0}\nadd: {intercept: 0}",
     "origin_model.yaml: margin: not a number"),
    (origin_model, "origin_model.yaml", "drop: {intercept: low}\nadd: {intercept: 0}",
     "origin_model.yaml: drop.intercept: not a number"),
]


@pytest.mark.parametrize("stage, name, text, message", BAD_VALUES)
def test_a_value_that_is_not_a_number_names_file_and_field(tmp_path, stage, name, text, message):
    path = tmp_path / name
    path.write_text("enabled: true\n" + text + "\n", encoding="utf-8")
    with pytest.raises(RoutekitError, match=message):
        stage.read_model(path)


def test_coefficients_written_are_read_back(tmp_path):
    names = ("a", "b", "c")
    entry = learned.coefficients_entry((0.1234567, (1.0, -2.5, 0.0000004)), names)
    assert entry == {"intercept": 0.123457, "weights": {"a": 1.0, "b": -2.5, "c": 0.0}}
    path = tmp_path / "stage.yaml"
    learned.write_stage_file(path, "# a header\n", {"enabled": False, "drop": entry})
    assert path.read_text(encoding="utf-8").startswith("# a header\nenabled: false\ndrop:\n")
    data = learned.read_stage_file(path, _Error)
    assert learned.coefficients(data, "drop", names, path, _Error, "a script") == (0.123457, (1.0, -2.5, 0.0))
    with pytest.raises(_Error, match="stage.yaml: add: no 'intercept' \\(a file written by a script\\)"):
        learned.coefficients(data, "add", names, path, _Error, "a script")


def test_tally_and_line():
    results = [(("SYR", "NLD"), ("SYR", "NLD"), ("SYR", "NLD")),          # right before and after
               (("TUR", "SYR", "NLD"), ("SYR", "TUR", "NLD"), ("SYR", "TUR", "NLD")),   # fixed (switched)
               (("IRQ", "NLD"), ("IRN", "NLD"), ("IRQ", "NLD"))]          # broken (switched)
    o = learned_fit.tally(results, order=True)
    assert {k: o[k] for k in ("rows", "before", "fixed", "broken", "switched")} == {
        "rows": 3, "before": 2, "fixed": 1, "broken": 1, "switched": 2}
    assert learned_fit.line("set", o).startswith("set                rows    3  exact 0.667 -> 0.667  order ")
    plain = learned_fit.tally(results, switched=False)
    assert list(plain) == ["rows", "before", "fixed", "broken"]
    assert learned_fit.line("set", plain).endswith("-> 0.667  fixed   1 broken   1 net +0")
    assert learned_fit.held_out_gain(learned_fit.add({}, plain)) is False
    assert learned_fit.held_out_gain({"rows": 100, "fixed": 2, "broken": 1}) is True


def test_margin_choice_prefers_the_cautious_margin_on_ties():
    assert learned_fit.choose_margin({0.5: (3, 1), 1.0: (2, 0), float("inf"): (0, 0)}, 1.0) == 1.0
    assert learned_fit.choose_margin({0.5: (5, 1), 1.0: (2, 0)}, 1.0) == 0.5


def test_evaluation_sets_are_never_fitted_on(tmp_path):
    with pytest.raises(SystemExit, match="kept for evaluation"):
        learned_fit.refuse_evaluation_sets([tmp_path / "ok.csv", tmp_path / "extraction_hard_untouched2.csv"])
    unlabelled = tmp_path / "corrections.csv"
    unlabelled.write_text("id,text\n1,Ik kwam via Belgie naar Nederland.\n", encoding="utf-8")
    with pytest.raises(SystemExit, match="corrections.csv: no column route"):
        learned_fit.labelled_frame(unlabelled)


def test_a_stored_fit_command_names_the_training_sets_only_when_they_are_not_the_default():
    from routekit.text.learned_fit import TRAIN_SETS, train_option

    assert train_option(TRAIN_SETS) == ""
    assert train_option(["tests/data/extraction_hard_train1.csv", "tests/data/extraction_hard_train2.csv"]) == (
        " --train tests/data/extraction_hard_train1.csv tests/data/extraction_hard_train2.csv")
    assert train_option(["/elsewhere/corrections.csv"]) == " --train /elsewhere/corrections.csv"


@pytest.mark.parametrize("fixed, broken, candidates, replaces", [
    (10, 0, 1, True),     # 1/1024
    (5, 0, 1, True),      # 1/32 <= .05
    (5, 0, 2, False),     # 1/32 > .05 / 2: two candidates judged in one round
    (30, 15, 1, True),    # P(X >= 30 | 45, .5) = .018
    (25, 15, 1, False),   # .077: a net gain of 10 rows that chance gives too often
    (3, 3, 1, False), (1, 4, 1, False), (0, 0, 1, False),
])
def test_a_candidate_replaces_the_stored_stage_only_beyond_chance(fixed, broken, candidates, replaces):
    assert learned_fit.replaces_stored(fixed, broken, candidates) is replaces


def test_the_replacement_rule_refuses_impossible_counts():
    with pytest.raises(ValueError, match="candidates >= 1"):
        learned_fit.replaces_stored(3, 1, candidates=0)
