"""The stop verifier's gate by kind of record and its switch-on rule (issue 15, round 11): the stage looks only at the
kinds of record (genres) it was shown to help, the fit chooses the gate from held-out counts per kind and the demo
texts, and ``benchmarks/text_stage_compare.py --switch-on`` applies the rule written before the end-of-round fit."""

from __future__ import annotations

import math
import re

import pytest
import yaml

from learned_helpers import load_fit_script
from routekit.text import verifier
from routekit.text.calibration import genre_counts
from routekit.text.extraction import extract_route
from routekit.text import learned_fit
from routekit.text.learned_fit import (COST_BUDGET, DEMO_MIN_LET_IN, DEMO_SEEDS_USED, TRAIN_SETS, beats_by_chance,
                                       replaces_stored, sign_test_tail, switch_on_rule)

fit = load_fit_script("text_verifier_fit")
compare = load_fit_script("text_stage_compare")

N = len(verifier.FEATURE_NAMES)
# a stage that doubts every kept country: it removes all it may (a route keeps two countries), so whether it ran shows
REMOVES_ALL = verifier.Model(True, (-50.0, (0.0,) * N), (-50.0, (0.0,) * N), 0.35, 1.0)

# hand-written records, the same journey told plainly and as a police report (Dutch and English)
POLICE_NL = ("Proces-verbaal van verhoor. De verdachte verklaarde dat hij van Syrië naar Turkije reisde, daarna naar "
             "Griekenland en toen naar Nederland.")
PLAIN_NL = "Hij reisde van Syrië naar Turkije, daarna naar Griekenland en toen naar Nederland."
POLICE_EN = ("Police report. The suspect stated that he travelled from Syria to Turkey, then to Greece and on to the "
             "Netherlands.")
PLAIN_EN = "He travelled from Syria to Turkey, then to Greece and on to the Netherlands."
JOURNEY = ("SYR", "TUR", "GRC", "NLD")


@pytest.mark.parametrize("text, kinds", [(POLICE_NL, {"police"}), (POLICE_EN, {"police"}), (PLAIN_NL, {"plain"}),
                                         (PLAIN_EN, {"plain"})])
def test_a_record_is_of_its_genres_or_plain(text, kinds):
    assert verifier.record_kinds(genre_counts(text)) == kinds


def test_in_gate_reads_the_genres_values():
    assert verifier.in_gate(None, {})                       # no gate: every record
    assert verifier.in_gate(frozenset({"police"}), {"police": 1.0, "length": 0.3})
    assert not verifier.in_gate(frozenset({"police"}), {"transcript": 1.0})
    assert not verifier.in_gate(frozenset({"police"}), {"police": 0.0})     # a genre told 0 is not there
    assert verifier.in_gate(frozenset({"plain"}), {"police": 0.0, "length": 1.0})
    assert not verifier.in_gate(frozenset({"plain"}), {"quotes": 1.0})     # quotes alone: not a plain record
    assert not verifier.in_gate(frozenset(), {"police": 1.0})                # an empty gate: the stage never looks


@pytest.mark.parametrize("police, plain", [(POLICE_NL, PLAIN_NL), (POLICE_EN, PLAIN_EN)])
def test_the_gate_decides_which_records_the_stage_reviews(police, plain):
    for text in (police, plain):
        assert extract_route(text).route == JOURNEY   # the rules' route (the stored stage is off)
        with verifier.using(REMOVES_ALL):
            assert extract_route(text).route == ("GRC", "NLD")   # ungated: every record reviewed
    with verifier.using(REMOVES_ALL._replace(gate=frozenset({"police", "transcript"}))):
        assert extract_route(police).route == ("GRC", "NLD")
        assert extract_route(plain).route == JOURNEY           # a plain narrative passes unchanged
        assert not extract_route(plain).notes and extract_route(police).notes   # only the police record's removals
    with verifier.using(REMOVES_ALL._replace(gate=frozenset({"plain"}))):
        assert extract_route(police).route == JOURNEY
        assert extract_route(plain).route == ("GRC", "NLD")


def test_a_gated_out_record_never_reaches_the_scoring(monkeypatch):
    called = []
    monkeypatch.setattr(verifier, "_removals", lambda *a: called.append(1) or (list(a[0]), 0, 1.0, []))
    with verifier.using(REMOVES_ALL._replace(gate=frozenset({"police"}))):
        extract_route(PLAIN_EN)
        assert not called
        extract_route(POLICE_EN)
        assert called


def test_the_gate_is_stored_and_read_back(tmp_path):
    path = tmp_path / "verifier.yaml"
    gate = frozenset({"translated", "police", "transcript"})
    verifier.write_model(path, REMOVES_ALL._replace(gate=gate, enabled=False), {"command": "test"})
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert data["gate"] == ["transcript", "police", "translated"]   # in GATE_KINDS order
    assert verifier.read_model(path).gate == gate
    verifier.write_model(path, REMOVES_ALL, {"command": "test"})
    assert "gate" not in yaml.safe_load(path.read_text(encoding="utf-8"))
    assert verifier.read_model(path).gate is None                   # absent: every record (the fits before it)


@pytest.mark.parametrize("gate", [["police", "novel"], "police", [1]])
def test_a_gate_of_unknown_kinds_is_refused(tmp_path, gate):
    path = tmp_path / "verifier.yaml"
    verifier.write_model(path, REMOVES_ALL, {"command": "test"})
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data["gate"] = gate
    path.write_text(yaml.safe_dump(data), encoding="utf-8")
    with pytest.raises(verifier.VerifierError, match="gate"):
        verifier.read_model(path)


def test_the_stored_gate_is_the_one_its_yaml_names():
    data = yaml.safe_load(verifier.data_path(verifier.VERIFIER_FILE).read_text(encoding="utf-8"))
    named = data.get("gate")
    assert verifier.stored_model().gate == (None if named is None else frozenset(named))
    assert named is None or (named and set(named) <= set(verifier.GATE_KINDS))


def test_the_fit_chooses_the_kinds_that_gained_held_out_and_did_not_lose_on_the_demo():
    table = {"police": (40, 5, 1), "transcript": (30, 2, 2), "plain": (10, 3, 1), "quotes": (20, 0, 0)}
    assert fit.choose_gate(table) == {"police", "plain"}   # ties and kinds with nothing fixed stay out
    demo = {"plain": (1000, 1, 4), "police": (500, 0, 0)}
    assert fit.choose_gate(table, demo) == {"police"}      # the demo's plain narratives lost rows: out


def test_the_fits_simulation_leaves_a_gated_out_row_as_the_rules_made_it():
    kept = [verifier.Candidate(c, True, i, (0.0,) * N) for i, c in enumerate(("SYR", "TUR", "GRC"))]
    row = fit.Row("g", JOURNEY, kept, ("GRC", "NLD"), JOURNEY, kinds=frozenset({"plain"}))
    assert fit.outcome([row], REMOVES_ALL)["fixed"] == 1
    assert fit.outcome([row], REMOVES_ALL._replace(gate=frozenset({"police"})))["fixed"] == 0
    assert fit.outcome([row], REMOVES_ALL._replace(gate=frozenset({"plain"})))["fixed"] == 1
    table = fit.kind_table([([row], REMOVES_ALL._replace(gate=frozenset({"police"})))], 0.35, 1.0)
    assert table["plain"] == (1, 1, 0) and table["police"] == (0, 0, 0)   # per kind: ungated


def test_the_sign_test_is_exact_and_one_sided():
    assert sign_test_tail(9, 1) == pytest.approx(11 / 1024)
    assert sign_test_tail(0, 0) == 1.0
    assert beats_by_chance(9, 1, 0.05) and not beats_by_chance(6, 1, 0.05)   # 8/128 = .0625
    assert not beats_by_chance(1, 9, 0.05) and not beats_by_chance(5, 5, 1.0)
    # the replacement rule is the same test, its level shared out over the candidates
    assert replaces_stored(9, 1) and not replaces_stored(9, 1, candidates=5)


def test_the_switch_on_rule_needs_all_five_parts():
    good = dict(held_out=(40, 15), calibration=(6, 6), plain_broken=0, demo=(1, 1), cost_share=COST_BUDGET,
                demo_let_in=DEMO_MIN_LET_IN)
    assert switch_on_rule(**good).on
    assert math.isclose(COST_BUDGET, 0.03) and DEMO_MIN_LET_IN == 100
    for part, bad in (("held_out", (20, 12)), ("calibration", (5, 6)), ("plain_broken", 1), ("demo", (0, 1)),
                      ("cost_share", 0.031), ("demo_let_in", DEMO_MIN_LET_IN - 1)):
        rule = switch_on_rule(**{**good, part: bad})
        assert not rule.on and sum(rule) == 4


def test_a_demo_the_gate_shuts_out_is_no_evidence():
    # review 11 M6: with the demo gated out (0 texts let in, 0/0) (d) passed on 0 >= 0
    rule = switch_on_rule((40, 15), (0, 0), 0, (0, 0), 0.01, demo_let_in=0)
    assert not rule.demo and not rule.on
    assert not switch_on_rule((40, 15), (0, 0), 0, (3, 0), 0.01, demo_let_in=DEMO_MIN_LET_IN - 1).on
    assert switch_on_rule((40, 15), (0, 0), 0, (0, 0), 0.01, demo_let_in=DEMO_MIN_LET_IN).on   # (b) stays not worse
    with pytest.raises(TypeError):
        switch_on_rule((40, 15), (0, 0), 0, (0, 0), 0.01)   # the demo texts let in must be given


def test_held_out_counts_of_another_gate_are_refused(tmp_path):
    # review 11 M6: a hand-edited gate kept the old held-out counts
    path = tmp_path / "candidate.yaml"
    fitted = {"command": "test", "sets": [p.name for p in TRAIN_SETS],
              "held_out_pooled": {"rows": 3367, "fixed": 30, "broken": 9, "gated": True, "gate": ["police"]}}
    police = REMOVES_ALL._replace(gate=frozenset({"police"}))
    verifier.write_model(path, police, fitted)
    assert compare.held_out_counts(path, police)[0] == (30, 9)
    edited = REMOVES_ALL._replace(gate=frozenset({"police", "plain"}))
    verifier.write_model(path, edited, fitted)
    held, why = compare.held_out_counts(path, edited)
    assert held is None and "another gate" in why
    verifier.write_model(path, police, {**fitted, "held_out_pooled": {k: v for k, v in fitted["held_out_pooled"].items()
                                                                     if k != "gate"}})
    assert compare.held_out_counts(path, police)[0] is None              # a figure that names no gate


@pytest.fixture
def ledger(tmp_path, monkeypatch):
    path = tmp_path / "demo_seeds_used.csv"
    path.write_text(learned_fit.DEMO_SEEDS_LEDGER.read_text(encoding="utf-8"), encoding="utf-8")
    monkeypatch.setattr(learned_fit, "DEMO_SEEDS_LEDGER", path)
    return path


def test_the_seed_ledger_is_the_committed_file():
    assert learned_fit.DEMO_SEEDS_LEDGER.is_file()
    assert learned_fit.demo_seeds_used() == DEMO_SEEDS_USED and {7, 11, 29, 41} <= set(DEMO_SEEDS_USED)


def test_the_switch_on_command_spends_its_seed_before_the_demo_and_refuses_it_again(tmp_path, capsys, monkeypatch,
                                                                                    ledger):
    # review 11 M6: the command never recorded its seed, so seeds 42, 43, ... could be tried until (d) said yes
    path = tmp_path / "candidate.yaml"
    verifier.write_model(path, REMOVES_ALL._replace(gate=frozenset({"police"})), {"command": "test"})
    seen = []
    monkeypatch.setattr(compare, "CALIBRATION_SETS", ("dev2",))
    monkeypatch.setattr(compare, "PLAIN_SETS", ())
    monkeypatch.setattr(compare, "demo_outcome",
                        lambda model, seed: seen.append(seed in learned_fit.demo_seeds_used()) or (10, 4, 0, 1))
    monkeypatch.setattr(compare, "bench_texts", lambda folder, n: [POLICE_EN, PLAIN_EN])
    argv = ["--stage", "verifier", "--switch-on", str(path), "--demo-seed", "1002", "--cost-texts", "2",
            "--passes", "1"]
    assert compare.main(argv) == 0
    assert seen == [True]                                 # in the ledger before (d) was run
    assert 1002 in learned_fit.demo_seeds_used(ledger)
    capsys.readouterr()
    assert compare.main(argv) == 2 and seen == [True]     # the same seed again: refused, (d) not run
    assert "used up" in capsys.readouterr().err
    with pytest.raises(ValueError, match="used up"):
        learned_fit.spend_demo_seed(1002, "again")


def test_the_held_out_counts_come_from_a_fit_on_the_training_sets(tmp_path):
    path = tmp_path / "candidate.yaml"
    fitted = {"command": "test", "sets": [p.name for p in TRAIN_SETS],
              "held_out_pooled": {"rows": 3367, "fixed": 30, "broken": 9, "gated": True, "gate": ["police"]}}
    gated = REMOVES_ALL._replace(gate=frozenset({"police"}))
    verifier.write_model(path, gated, fitted)
    assert compare.held_out_counts(path, gated)[0] == (30, 9)
    assert compare.held_out_counts(path, REMOVES_ALL)[0] is None        # ungated stage, gated figure
    verifier.write_model(path, gated, {**fitted, "sets": fitted["sets"][:26]})
    assert compare.held_out_counts(path, gated)[0] is None              # train1-26: not this round's sets
    quick = {**fitted, "held_out_pooled": {**fitted["held_out_pooled"], "nested": False}}
    verifier.write_model(path, gated, quick)
    assert compare.held_out_counts(path, gated)[0] is None              # the fit's --quick: not nested
    assert compare.held_out_counts(path, gated, trial=True)[0] == (30, 9)


def test_the_switch_on_command_refuses_a_used_demo_seed(tmp_path, capsys):
    path = tmp_path / "candidate.yaml"
    verifier.write_model(path, REMOVES_ALL, {"command": "test"})
    assert 7 in DEMO_SEEDS_USED and 29 in DEMO_SEEDS_USED
    assert compare.main(["--stage", "verifier", "--switch-on", str(path), "--demo-seed", "7"]) == 2
    assert "used up" in capsys.readouterr().err
    assert compare.main(["--stage", "verifier", "--switch-on", str(path)]) == 2        # no seed
    assert compare.main(["--stage", "order", "--switch-on", str(path), "--demo-seed", "1001"]) == 2


def test_the_cost_replay_times_the_stage_on_the_extractors_own_inputs():
    texts = [POLICE_NL, PLAIN_NL, POLICE_EN, PLAIN_EN] * 3
    whole, on, off = compare.stage_cost(REMOVES_ALL._replace(gate=frozenset({"police"})), texts, 1)
    assert whole > 0 and on >= 0 and off >= 0
    assert on < whole   # the stage alone is a part of an extraction


def test_the_switch_on_command_prints_counts_and_a_verdict(tmp_path, capsys, monkeypatch, ledger):
    path = tmp_path / "candidate.yaml"
    verifier.write_model(path, REMOVES_ALL._replace(gate=frozenset({"police"}), enabled=False),
                         {"command": "test", "sets": [p.name for p in TRAIN_SETS],
                          "held_out_pooled": {"rows": 3367, "fixed": 30, "broken": 9, "gated": True,
                                              "gate": ["police"]}})
    # the slow parts replaced: every set, the demo and the benchmark's texts are read by the real command
    monkeypatch.setattr(compare, "CALIBRATION_SETS", ("dev2",))
    monkeypatch.setattr(compare, "demo_outcome", lambda model, seed: (10, 4, 0, 1))
    monkeypatch.setattr(compare, "bench_texts", lambda folder, n: [POLICE_EN, PLAIN_EN] * 2)
    assert compare.main(["--stage", "verifier", "--switch-on", str(path), "--demo-seed", "1001",
                         "--cost-texts", "4", "--passes", "1"]) == 0
    out = capsys.readouterr().out
    assert "(a) held out on the training sets (held out on 3367 rows): fixed 30 broken 9 net +21" in out
    assert re.search(r"\(d\) fresh demo seed 1001 \(written to demo_seeds_used.csv\): 10 texts, 4 in the gate "
                     r"\(at least 100 needed\); off -> on fixed 0 broken 1", out)
    assert re.search(r"\(b\) calibration sets .* discordant \d+ ", out)
    last = out.splitlines()[-1]
    assert last.startswith("verdict: (a) yes") and "(d) no" in last and last.endswith("-> keep off")


def test_the_fit_reports_per_kind_and_marks_a_quick_held_out_figure(tmp_path):
    import pandas as pd

    from routekit.text.learned_fit import DATA

    gold = pd.read_csv(DATA / "extraction_gold.csv", dtype=str, keep_default_na=False)
    first, second = tmp_path / "part1.csv", tmp_path / "part2.csv"
    gold.iloc[::2].to_csv(first, index=False)
    gold.iloc[1::2].to_csv(second, index=False)
    stored = {}
    for mode in ("nested", "quick"):
        out = tmp_path / f"{mode}.yaml"
        assert fit.main(["--train", str(first), "--extra", str(second), "--no-allowed-sets", "--no-tuned", "--write",
                         "--out", str(out), *(["--quick"] if mode == "quick" else [])]) == 0
        assert fit.FIT_CACHE is None   # a run's fits are kept only while it runs
        stored[mode] = yaml.safe_load(out.read_text(encoding="utf-8"))
        fitted = stored[mode]["fitted"]
        assert fitted["held_out_pooled"]["nested"] is (mode == "nested") and fitted["held_out_pooled"]["gated"]
        assert fitted["held_out_pooled"]["gate"] == stored[mode].get("gate")   # the gate the counts were made with
        assert set(fitted["held_out_by_kind"]) == set(verifier.GATE_KINDS)
        assert "gate" in stored[mode] and set(stored[mode]["gate"]) <= set(verifier.GATE_KINDS)
    # the final fit and gate come from the same folds either way; only (a) differs
    assert stored["nested"]["keep"] == stored["quick"]["keep"]
    assert stored["nested"].get("gate") == stored["quick"].get("gate")


def test_a_runs_fits_are_kept_by_the_rows_they_were_made_on(monkeypatch):
    made = []
    monkeypatch.setattr(fit, "_fit", lambda rows, ridge, words: made.append(len(rows)) or (len(rows),))
    rows = [fit.Row("a", JOURNEY, [], JOURNEY, JOURNEY), fit.Row("b", JOURNEY, [], JOURNEY, JOURNEY)]
    monkeypatch.setattr(fit, "FIT_CACHE", {})
    assert fit.fit(rows, 3.0) == fit.fit(list(rows), 3.0) == (2,) and made == [2]   # the same rows: fitted once
    assert fit.fit(rows[:1], 3.0) == (1,) and fit.fit(rows, 1.0) == (2,) and made == [2, 1, 2]
    monkeypatch.setattr(fit, "FIT_CACHE", None)
    fit.fit(rows, 3.0)
    assert made == [2, 1, 2, 2]   # no cache outside a run
