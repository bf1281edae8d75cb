"""The learned origin decision (routekit.text.origin_model, issue 15)."""

from __future__ import annotations

import math
from pathlib import Path

import pandas as pd
import pytest
import yaml

from routekit.text import extraction, origin_model, verifier
from routekit.text.extraction import extract_route

from learned_helpers import load_fit_script, write_labelled_sets

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "tests" / "data"
# born in Eritrea but lived in Sudan: the rules start in Sudan and leave Eritrea out (a home they did not place)
TEXT = ("Hij is geboren in Eritrea maar woonde in Soedan. Vanuit Soedan reisde hij met een vrachtwagen naar Libie en "
        "met de boot naar Italie. Daarna met de trein naar Nederland.")
RULES = ("SDN", "LBY", "ITA", "NLD")
MODES = ("truck", "boat", "train")
N = len(origin_model.FEATURE_NAMES)


def _fit_script():
    return load_fit_script("text_origin_fit")


def _model(drop=-50.0, add=-50.0, margin=0.0, enabled=True, weights=None):
    """A model whose alternatives score their intercept (plus ``weights`` by feature name, for both actions)."""
    w = tuple(float((weights or {}).get(n, 0.0)) for n in origin_model.FEATURE_NAMES)
    return origin_model.Model(enabled, (drop, w), (add, w), margin)


def _values(**named):
    return tuple(float(named.get(n, 0.0)) for n in origin_model.FEATURE_NAMES)


def test_the_rules_route_and_the_alternatives_of_the_example():
    with origin_model.recording() as recorded:
        result = extract_route(TEXT)
    assert result.route == RULES and result.modes == MODES
    route, found = recorded[0]
    assert route == RULES
    # Sudan is told as where the journey starts ("Vanuit Soedan"): the gate offers no drop, only the left-out birth
    assert [(a.action, a.country) for a in found] == [("add", "ERI")]
    add = found[0].values
    assert add[origin_model.FEATURE_NAMES.index("strong_home")] == 1.0   # a birth country
    assert all(len(a.values) == N for a in found)


def test_hand_made_switch_and_keep():
    weights = {name: 0.0 for name in origin_model.FEATURE_NAMES}
    weights["strong_home"] = 3.0
    model = origin_model.Model(True, (-1.0, tuple(weights.values())), (-1.0, tuple(weights.values())), 1.0)
    home = origin_model.Alternative("add", "ERI", _values(strong_home=1.0))
    bare = origin_model.Alternative("drop", "SDN", _values(departure=1.0))
    chosen, best = origin_model.decide([bare, home], model)
    assert chosen == home and best == pytest.approx(2.0)   # -1 + 3 > margin 1
    assert origin_model.apply(list(RULES), chosen) == ["ERI", *RULES]
    chosen, best = origin_model.decide([bare], model)
    assert chosen is None and best == pytest.approx(-1.0)   # below the margin: the rules' origin stays
    assert origin_model.decide([], model) == (None, -math.inf)


def test_an_added_origin_keeps_nld_last_and_modes_with_their_countries():
    with origin_model.using(_model(add=5.0)):
        result = extract_route(TEXT)
    assert result.route == ("ERI", *RULES)
    assert result.route[-1] == "NLD"
    # the leg into Sudan: the rules told no mode for it; every other leg keeps its country's mode
    assert result.modes == ("unknown", *MODES)


@pytest.fixture
def verifier_off():
    """The origin stage alone over the rules: the stop verifier (on since round 13) removes the goal told first in
    ``HARD`` itself ("Where did you want to go? A: England"), before this stage could."""
    with verifier.using(verifier.stored_model()._replace(enabled=False)):
        yield


def test_a_dropped_origin_keeps_nld_last_and_modes_with_their_countries(verifier_off):
    rules = extract_route(HARD)
    with origin_model.using(_model(drop=5.0)):
        result = extract_route(HARD)
    assert rules.route == HARD_RULES
    assert result.route == rules.route[1:]
    assert result.modes == rules.modes[1:]


def test_a_two_country_route_is_never_dropped_and_nld_never_added():
    with origin_model.using(_model(drop=50.0, add=50.0)):
        result = extract_route("Ik ben met het vliegtuig van Turkije naar Nederland gekomen.")
    assert result.route == ("TUR", "NLD")


def test_disabled_gives_the_rules_output_exactly(monkeypatch):
    frame = pd.read_csv(DATA / "extraction_hard_dev.csv", dtype=str, keep_default_na=False)
    texts = [TEXT, *frame["text"].head(60)]
    with origin_model.using(_model(drop=50.0, add=50.0, enabled=False)):
        disabled = [extract_route(t) for t in texts]
    monkeypatch.setattr(extraction, "review_origin", lambda route, *args: (route, {}))
    assert disabled == [extract_route(t) for t in texts]


def test_a_switch_adds_its_signal_for_the_calibration(monkeypatch):
    seen = []
    real = extraction.feature_vector
    monkeypatch.setattr(extraction, "feature_vector", lambda counts: seen.append(dict(counts)) or real(counts))
    with origin_model.using(_model(add=5.0)):
        extract_route(TEXT)
    with origin_model.using(_model()):
        extract_route(TEXT)
    assert seen[0].get("origin_flip") == 1.0 and "origin_flip" not in seen[1]


def test_read_model_names_file_and_field(tmp_path):
    path = tmp_path / "origin_model.yaml"
    path.write_text("enabled: true\ndrop: {intercept: 0}\n", encoding="utf-8")
    with pytest.raises(origin_model.OriginModelError, match=r"origin_model.yaml: add: no 'intercept'"):
        origin_model.read_model(path)
    path.write_text("drop: {intercept: 0, weights: {shoe_size: 1}}\nadd: {intercept: 0}\n", encoding="utf-8")
    with pytest.raises(origin_model.OriginModelError, match="unknown feature shoe_size"):
        origin_model.read_model(path)
    with pytest.raises(origin_model.OriginModelError, match="cannot be read"):
        origin_model.read_model(tmp_path / "missing.yaml")


def test_write_and_read_round_trip(tmp_path):
    model = _model(drop=-1.25, add=0.5, margin=0.75, weights={"home": 1.5, "verifier": -2.0})
    path = tmp_path / "origin_model.yaml"
    origin_model.write_model(path, model, {"rows": 3})
    assert path.read_text(encoding="utf-8").startswith("# The learned origin decision")
    assert origin_model.read_model(path) == model


def _small_sets(tmp_path):
    rows = [(TEXT, "ERI SDN LBY ITA NLD"), (TEXT, "SDN LBY ITA NLD"),
            ("Ik kom uit Afghanistan. Ik ging met de auto naar Iran en lopend naar Turkije. Met de boot naar "
             "Griekenland en met het vliegtuig naar Nederland.", "IRN TUR GRC NLD")]
    return write_labelled_sets(tmp_path, rows)


def test_the_fit_command_runs_end_to_end_on_a_small_input(tmp_path, capsys):
    script = _fit_script()
    first, second = _small_sets(tmp_path)
    out = tmp_path / "origin_model.yaml"
    assert script.main(["--train", str(first), "--extra", str(second), "--no-allowed-sets", "--write",
                        "--out", str(out)]) == 0
    printed = capsys.readouterr().out
    assert "(a) leave one training set out" in printed and "pooled" in printed and "enabled:" in printed
    model = origin_model.read_model(out)
    assert len(model.drop[1]) == len(model.add[1]) == N


@pytest.mark.parametrize("name", ["extraction_hard_calib9.csv", "extraction_hard_untouched7.csv"])
def test_the_fit_refuses_evaluation_sets(tmp_path, name):
    script = _fit_script()
    with pytest.raises(SystemExit, match="kept for evaluation"):
        script.main(["--train", str(tmp_path / name), "--no-allowed-sets"])


def test_the_fit_is_deterministic_and_reproduces_the_stored_coefficients():
    script = _fit_script()
    stored = origin_model.read_model(ROOT / "routekit" / "reference" / "gazetteer" / origin_model.ORIGIN_FILE)
    fitted = yaml.safe_load((ROOT / "routekit" / "reference" / "gazetteer" / origin_model.ORIGIN_FILE)
                            .read_text(encoding="utf-8"))["fitted"]
    rows = []
    # the sets the stored command names (``--train``), else the default training sets
    for path in [DATA / name for name in fitted["sets"]] or script.TRAIN_SETS:
        rows += script.read_rows(path, path.stem)
    # the stored fit's own extra rows (``--add-tuned`` / ``--add-plain``), as its command says
    rows += script.added_rows({*(script.TUNED_SETS if fitted.get("tuned_sets_added") else ()),
                               *(script.PLAIN_SETS if fitted.get("plain_sets_added") else ())})
    first = script.fit(rows, 1.0)
    assert first == script.fit(rows, 1.0)
    hint = "the rules' output on the training sets changed: refit with benchmarks/text_origin_fit.py --write"
    for action, new, old in (("drop", first.drop, stored.drop), ("add", first.add, stored.add)):
        assert new[0] == pytest.approx(old[0], abs=0.05), f"{action} intercept: {hint}"
        for name, a, b in zip(origin_model.FEATURE_NAMES, new[1], old[1]):
            assert a == pytest.approx(b, abs=0.05), f"{action} {name}: {hint}"
    margin = script.choose_margin(script.margin_table(rows, 1.0), 1.0)
    assert margin == pytest.approx(stored.margin), hint


# a plain chronological narrative: the journey starts in the country the person comes from
PLAIN = ("Ik kom uit Afghanistan. Vanuit Afghanistan ben ik met de auto naar Iran gereisd en daarna lopend naar "
         "Turkije. Met de boot naar Griekenland en met het vliegtuig naar Nederland.")
# a debriefing told as questions and answers: England is where the person wanted to go (and tried to, from Calais),
# not where the journey began; the rules put it first, gold would start in Spain
HARD = ("Q: Where did you want to go? A: England, always England. I spent three months in Calais trying the lorries. "
        "Q: How did you reach Calais? A: I came to Spain by boat, then by bus to Paris. Q: And the Netherlands? A: From "
        "Brussels I took the train to Rotterdam, where the police found me.")
HARD_RULES = ("GBR", "ESP", "FRA", "BEL", "NLD")   # Spain told as reached: the rules' own test of a country named
# before the start (round 17, ``_named_before_the_start``) keeps England, so the stage is the one to drop it


def _drop_score(text, model):
    with origin_model.recording() as recorded:
        extract_route(text)
    route, found = recorded[0]
    (drop,) = [a for a in found if a.action == "drop"]
    return route, drop, origin_model.score(model, drop)


# an origin told alone, then the way ("Afkomstig uit Iran. Via Dubai naar Nederland."): the home is the start
ALONE = "Afkomstig uit Iran. Via Dubai naar Nederland. Het laatste deel met het vliegtuig."


@pytest.mark.parametrize("text, route", [(PLAIN, ("AFG", "IRN", "TUR", "GRC", "NLD")), (ALONE, ("IRN", "ARE", "NLD"))])
def test_the_stored_fit_switched_on_leaves_a_plain_narrative_alone(text, route):
    # the gate offers nothing: the first country is told as where the journey starts (PLAIN), or it is a home and
    # no other start is told (ALONE); so no weights, however fitted, can move it
    with origin_model.recording() as recorded:
        extract_route(text)
    assert recorded[0] == (route, [])
    with origin_model.using(origin_model.stored_model()._replace(enabled=True, margin=-50.0)):
        assert extract_route(text).route == route


def test_the_stored_fit_scores_the_goal_told_first_below_its_margin(verifier_off):
    model = origin_model.stored_model()._replace(enabled=True)
    route, drop, value = _drop_score(HARD, model)
    assert route == HARD_RULES and drop.country == "GBR"
    # the round-17 refit (train1-42, the verifier on) no longer drops it (-0.82 against a margin of 0.5): the stage is
    # off, and a dropped first country's route and modes are tested with a model that drops
    assert value < model.margin


def _hook_decisions(texts, model, monkeypatch):
    """(route into the hook, route out of it) per text that reached the hook, the stage using ``model``."""
    seen = []
    real = extraction.review_origin

    def spy(route, *args):
        out = real(route, *args)
        seen.append((tuple(route), tuple(out[0])))
        return out

    monkeypatch.setattr(extraction, "review_origin", spy)
    with origin_model.using(model):
        for text in texts:
            extract_route(text)
    monkeypatch.setattr(extraction, "review_origin", real)
    return seen


# 0.5: the round-20 refit acts there on these texts (at 1.0 it changes none of them; the round-13 fit acted at 1.0)
@pytest.mark.parametrize("margin", [-2.0, 0.0, 0.5])
def test_the_short_cut_makes_the_full_paths_decisions(monkeypatch, margin):
    """review (the gate, then the verifier feature only when a score can pass the margin) against decide over every
    alternative with every feature (the fit's path), on the plain and tuned sets' texts and at three margins."""
    texts = [TEXT, HARD, PLAIN, ALONE]
    for name in ("heldout", "hard_dev6", "hard_dev11"):
        texts += list(pd.read_csv(DATA / f"extraction_{name}.csv", dtype=str, keep_default_na=False)["text"])
    model = origin_model.stored_model()._replace(enabled=True, margin=margin)
    with origin_model.recording() as recorded:
        for text in texts:
            extract_route(text)
    full = [tuple(origin_model.apply(list(route), origin_model.decide(found, model)[0])) for route, found in recorded]
    calls = []
    real = origin_model.with_stop_feature
    monkeypatch.setattr(origin_model, "with_stop_feature", lambda found, *a: calls.append(1) or real(found, *a))
    short = _hook_decisions(texts, model, monkeypatch)
    assert [before for before, _ in short] == [route for route, _ in recorded]
    assert [after for _, after in short] == full
    offered = sum(bool(found) for _, found in recorded)
    assert sum(a != b for a, b in short) >= 1   # the stage does act at this margin: the comparison has teeth
    assert len(calls) < offered                  # and the short cut skipped the costly feature somewhere


def test_added_sets_are_their_own_groups_never_a_fold(tmp_path, monkeypatch):
    script = _fit_script()
    first, _ = _small_sets(tmp_path)
    monkeypatch.setattr(script, "allowed_sets", lambda: [("gold", first), ("hard_dev", first)])
    rows = script.added_rows({"gold"})
    assert len(rows) == 3 and {r.group for r in rows} == {script.TUNED + "gold"}
    assert script.added_rows(set()) == []
    # the margin's folds are the training sets only: an added set is never held out
    table = script.margin_table(rows, 1.0)
    assert all(fixed == broken == 0 for fixed, broken in table.values())
