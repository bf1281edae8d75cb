"""Round 15, calibration: the refit's held-out measure leaves out groups of whole untuned sets (a new writer's set is
what the confidence must hold on; a few minutes for 48 sets where leaving one set out took ~50), per set behind
``--per-set``, and judges other recalibration sets on the same held-out groups (``--compare-with``)."""

from __future__ import annotations

import sys

import pytest
from test_text_calibration_nested import _model, _refit, _rows, tc  # noqa: F401 (tc: the refit module's fixture)

from routekit.text.calibration import read_model


def test_whole_sets_are_dealt_round_robin_into_groups(tc):
    names = [f"s{k}" for k in range(8)]
    assert tc.set_groups(names, 3) == {"g1": ["s0", "s3", "s6"], "g2": ["s1", "s4", "s7"], "g3": ["s2", "s5"]}
    assert tc.set_groups(names, 3) == tc.set_groups(list(names), 3)          # deterministic
    # no groups asked, or as many as sets: one set a group, named by the set (leave one set out)
    assert tc.set_groups(names, 0) == tc.set_groups(names, 8) == tc.set_groups(names, 20) == {n: [n] for n in names}


def test_each_group_is_scored_by_a_map_fitted_on_the_other_groups_sets_only(tc):
    names = [f"u{k}" for k in range(6)]
    rows = [r for k, name in enumerate(names) for r in _rows(tc, name, 30 + k, offset=-0.4 * (k % 3), n=120)]
    groups = tc.set_groups(names, 3)
    held = tc.leave_one_group_out(_model(), rows, groups, tc.Recalibration())
    assert list(held) == ["g1", "g2", "g3"]
    for label, members in groups.items():
        inside = [r for r in rows if r.set_name in members]
        others = [r for r in rows if r.set_name not in members]
        assert [r for r, _ in held[label]] == inside
        assert [c for _, c in held[label]] == tc.recalibrated_confidences(_model(), others, inside, tc.Recalibration())
    # another choice of recalibration sets, judged on the same groups: fitted on those of its sets outside the group
    alone = tc.leave_one_group_out(_model(), rows, groups, tc.Recalibration(), frozenset({"u0", "u1"}))
    assert [c for _, c in alone["g1"]] == tc.recalibrated_confidences(
        _model(), [r for r in rows if r.set_name == "u1"], [r for r in rows if r.set_name in groups["g1"]],
        tc.Recalibration())
    # a list of names is one group per set, as before
    assert tc.leave_one_group_out(_model(), rows, names, tc.Recalibration()) == \
        tc.leave_one_untuned_set_out(_model(), rows, names, tc.Recalibration())


def test_nested_with_groups_chooses_without_the_group_it_scores(tc):
    names = [f"u{k}" for k in range(6)]
    rows = [r for k, name in enumerate(names) for r in _rows(tc, name, 50 + k, n=120)]
    groups = tc.set_groups(names, 3)
    scored, chosen = tc.nested(_model(), rows, groups, tc.CANDIDATES)
    assert list(scored) == list(chosen) == ["g1", "g2", "g3"]
    for label, members in groups.items():
        train = [r for r in rows if r.set_name not in members]
        rest = {other: sets for other, sets in groups.items() if other != label}
        assert chosen[label] == tc.choose(_model(), train, rest, tc.CANDIDATES)
        held = [r for r in rows if r.set_name in members]
        assert [c for _, c in scored[label]] == tc.recalibrated_confidences(_model(), train, held, chosen[label])


def test_at_least_as_good_needs_all_three_scores(tc):
    base = {"pooled_max_gap": 0.05, "within_tolerance": 4, "log_loss": 0.47}
    assert tc.at_least_as_good(dict(base), base)
    assert not tc.at_least_as_good(dict(base, pooled_max_gap=0.06), base)
    assert not tc.at_least_as_good(dict(base, within_tolerance=3), base)
    assert not tc.at_least_as_good(dict(base, log_loss=0.4701), base)
    assert tc.at_least_as_good(dict(base, log_loss=0.46, within_tolerance=6), base)


def _held_out(tc, monkeypatch, tmp_path, untuned: list[str], extra: list[str]):
    """The held-out figures the refit's main stores, run on made-up rows (``_refit``: no extraction)."""
    target = _refit(tc, monkeypatch, tmp_path, untuned, extra)
    return read_model(target)["fitted"]["untuned_held_out"], {
        name: tmp_path / f"{name}.csv" for name in ["extraction_t1", "extraction_t2", "extraction_t3", *untuned]}


def test_the_refit_holds_out_groups_prints_each_and_compares_the_sets_on_them(tc, monkeypatch, tmp_path, capsys):
    untuned = [f"extraction_u{k}" for k in range(1, 7)]
    held, paths = _held_out(tc, monkeypatch, tmp_path, untuned,
                         ["--groups", "3", "--compare-with", str(tmp_path / "extraction_u1.csv"),
                          str(tmp_path / "extraction_u2.csv"), str(tmp_path / "extraction_u3.csv")])
    out = capsys.readouterr().out
    assert held["groups"] == {"g1": ["u1", "u4"], "g2": ["u2", "u5"], "g3": ["u3", "u6"]}
    assert list(held["max_gap"]) == list(held["nested"]["max_gap"]) == ["g1", "g2", "g3"]
    assert "held out: " + f"{held['within_tolerance']} of 3 untuned groups within 0.10" in out
    for label in ("g1 (2 sets)", "g2 (2 sets)", "g3 (2 sets)", "untuned sets pooled, held out"):
        assert label in out and "chance median" in out
    compared = held["compared"]
    assert compared["alone_on"] == ["u1", "u2", "u3"]
    # the comparison's own figure recomputed: the map fitted on u1-u3 only, each group left out
    rows = tc.read_rows([paths[n] for n in ["extraction_t1", "extraction_t2", "extraction_t3"]])
    model = tc.fit_rows(rows, tc.Method(tuple(read_model(tc.TARGET)["fitted"]["features"])))
    calibration_rows = tc.read_rows([paths[n] for n in untuned])
    alone = tc.leave_one_group_out(model, calibration_rows, tc.set_groups(untuned, 3), tc.RECALIBRATION,
                                   frozenset(untuned[:3]))
    assert compared["alone"] == tc.held_out_figures(alone, 0.10)
    mine = {key: held[key] for key in ("pooled_max_gap", "within_tolerance", "log_loss")}
    assert compared["at_least_as_good"] is tc.at_least_as_good(mine, compared["alone"])
    assert ("ARE at least as good" if compared["at_least_as_good"] else "are NOT at least as good") in out


def test_per_set_stays_behind_a_flag(tc, monkeypatch, tmp_path, capsys):
    untuned = [f"extraction_u{k}" for k in range(1, 5)]
    held, _ = _held_out(tc, monkeypatch, tmp_path, untuned, ["--per-set", "--compare-with", "none"])
    assert list(held["max_gap"]) == untuned and "groups" not in held and "compared" not in held
    assert "held out: " + f"{held['within_tolerance']} of 4 untuned sets within 0.10" in capsys.readouterr().out


def test_the_refit_refuses_two_groups_and_a_comparison_outside_its_sets(tc, monkeypatch, tmp_path, capsys):
    paths = [tmp_path / f"extraction_u{k}.csv" for k in range(4)]
    for path in paths:
        path.write_text("id,text,route\n", encoding="utf-8")
    monkeypatch.setattr(tc, "read_rows", lambda given: pytest.fail("read rows before refusing"))
    for extra, message in ((["--groups", "2"], "--groups: at least three"),
                           (["--compare-with", str(tmp_path / "extraction_other.csv")], "only sets among")):
        monkeypatch.setattr(sys, "argv", ["text_calibrate.py", "--recalibrate-on", *map(str, paths), *extra])
        with pytest.raises(SystemExit) as stop:
            tc.main()
        assert stop.value.code == 2 and message in capsys.readouterr().err
