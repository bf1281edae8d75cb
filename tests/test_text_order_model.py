"""The learned order stage (routekit.text.order_model, issue 15)."""

from __future__ import annotations

import math
from pathlib import Path

import pytest

from routekit.text import order_model
from routekit.text.extraction import extract_route

from learned_helpers import load_fit_script, write_labelled_sets

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "tests" / "data"
# told out of order (a departure after its arrival), so the stage reviews it
TEXT = ("Eerst ging ik met de bus naar Turkije, vanuit Syrie. Daarna met een boot naar Griekenland en met de trein naar "
        "Duitsland. Toen met de trein naar Nederland.")
RULES = ("SYR", "TUR", "GRC", "DEU", "NLD")


def _fit_script():
    return load_fit_script("text_order_fit")


def _model(weights=None, margin=0.0, enabled=True, ground=0.0, flight=0.0):
    weights = weights or {}
    return order_model.Model(enabled, tuple(float(weights.get(n, 0.0)) for n in order_model.PAIR_FEATURES), margin,
                             1.0, ground, flight)


@pytest.fixture
def stored(monkeypatch):
    """Replace the stored model for one test."""
    def use(model):
        monkeypatch.setattr(order_model, "stored_model", lambda: model)
    return use


def test_the_rules_route_of_the_example(stored):
    stored(_model(enabled=False))
    assert extract_route(TEXT).route == RULES


def test_disabled_gives_the_rules_output_exactly(stored, monkeypatch):
    texts = [TEXT, "I fled Eritrea to Sudan, then Libya and Italy by boat, then by train to France and the Netherlands.",
             "V: Waar kwam u vandaan? A: Uit Irak. Via Turkije en Bulgarije naar Nederland.", "Alleen Belgie."]
    stored(_model({"rules": -5.0}, enabled=False))
    off = [extract_route(t) for t in texts]
    monkeypatch.setattr("routekit.text.extraction.review_order", lambda route, *args: (route, {}))
    without = [extract_route(t) for t in texts]
    assert off == without


def test_a_confident_other_order_switches_keeping_nld_last_and_modes_with_their_countries(stored, monkeypatch):
    stored(_model(enabled=False))
    rules = extract_route(TEXT)
    stored(_model({"rules": -3.0}))   # a model that distrusts the rules' order completely
    seen = []
    from routekit.text import extraction
    real = extraction.feature_vector
    monkeypatch.setattr(extraction, "feature_vector", lambda counts: seen.append(dict(counts)) or real(counts))
    new = extract_route(TEXT)
    assert seen and seen[-1]["order_margin"] > 0   # the calibration's signal: the best other order's margin
    assert new.route != rules.route and sorted(new.route) == sorted(rules.route)
    assert new.route[-1] == "NLD"
    old_modes = dict(zip(rules.route[1:], rules.modes))
    new_modes = dict(zip(new.route[1:], new.modes))
    assert len(new.modes) == len(new.route) - 1
    for country in set(old_modes) & set(new_modes):
        assert new_modes[country] == old_modes[country], country


def test_a_record_told_in_the_rules_order_is_not_reviewed(stored):
    told = "Ik kom uit Syrie. Met de bus naar Turkije, met een boot naar Griekenland en toen naar Nederland."
    stored(_model(enabled=False))
    rules = extract_route(told)
    stored(_model({"rules": -3.0}))
    assert extract_route(told) == rules


def test_a_margin_too_high_keeps_the_rules_order(stored):
    stored(_model(enabled=False))
    rules = extract_route(TEXT)
    stored(_model({"rules": -3.0}, margin=100.0))
    assert extract_route(TEXT) == rules


def _case(countries, first, pairs_by_feature):
    """A hand-made case: features per pair given as {(a, b): {name: value}} for a before b in the rules' order."""
    pairs = {}
    for pair, values in pairs_by_feature.items():
        x = [0.0] * len(order_model.PAIR_FEATURES)
        for name, value in values.items():
            x[order_model.PAIR_FEATURES.index(name)] = value
        pairs[pair] = tuple(x)
    return order_model.Case(tuple(countries), pairs, first, frozenset())


def test_hand_made_case_switches_to_the_order_the_text_tells():
    # the rules put Greece before Turkey; the text tells Turkey first, the departure cue is on Turkey
    case = _case(("GRC", "TUR", "DEU"), {"TUR": 10, "GRC": 40, "DEU": 80},
                 {("GRC", "TUR"): {"rules": 1, "text_first": -1, "departure": -1},
                  ("GRC", "DEU"): {"rules": 1, "text_first": 1},
                  ("TUR", "DEU"): {"rules": 1, "text_first": 1}})
    model = _model({"rules": 1.0, "text_first": 1.5, "departure": 1.0}, margin=0.5)
    order, margin = order_model.decide(case, model)
    assert order == ("TUR", "GRC", "DEU") and margin > 0.5


def test_hand_made_case_keeps_the_rules_when_the_evidence_is_weak():
    case = _case(("GRC", "TUR", "DEU"), {"TUR": 10, "GRC": 40, "DEU": 80},
                 {("GRC", "TUR"): {"rules": 1, "text_first": -1},
                  ("GRC", "DEU"): {"rules": 1, "text_first": 1},
                  ("TUR", "DEU"): {"rules": 1, "text_first": 1}})
    model = _model({"rules": 1.5, "text_first": 1.0}, margin=0.0)
    order, margin = order_model.decide(case, model)
    assert order == ("GRC", "TUR", "DEU") and margin < 0


def test_a_detour_over_land_counts_against_an_order():
    # no pair evidence either way: the shorter journey over land wins (Syria, Turkey, Greece, not Greece first)
    case = _case(("GRC", "SYR", "TUR"), {}, {("GRC", "SYR"): {}, ("GRC", "TUR"): {}, ("SYR", "TUR"): {}})
    order, _ = order_model.decide(case, _model(ground=1.0))
    assert order == ("SYR", "TUR", "GRC")
    flown = case._replace(flown=frozenset({"GRC", "SYR", "TUR", "NLD"}))
    assert order_model.decide(flown, _model(ground=1.0))[0] == ("GRC", "SYR", "TUR")   # flights go anywhere


def test_candidates_are_rules_text_order_and_single_moves():
    case = _case(("A", "B", "C"), {"A": 30, "B": 20, "C": 10}, {})
    found = order_model.candidates(case)
    assert found[0] == ("A", "B", "C") and found[1] == ("C", "B", "A")
    assert len(found) == len(set(found))
    # every single move of three countries (4 distinct) plus the text order
    assert set(found) == {("A", "B", "C"), ("C", "B", "A"), ("B", "A", "C"), ("B", "C", "A"), ("A", "C", "B"),
                          ("C", "A", "B")}


def test_turning_a_pair_round_costs_its_log_odds():
    # log P(b before a) - log P(a before b) = -logit: the text order (B, A) scores minus the pair's logit
    case = _case(("A", "B"), {"A": 20, "B": 10}, {("A", "B"): {"rules": 1.0, "text_first": -1.0}})
    weights = tuple(0.7 if n == "rules" else 0.2 if n == "text_first" else 0.0 for n in order_model.PAIR_FEATURES)
    found = order_model.terms(case, weights)
    assert [order for order, *_ in found] == [("A", "B"), ("B", "A")]
    assert found[1][1] == pytest.approx(-(0.7 - 0.2))


def test_the_extractors_fast_logits_equal_the_fitted_model(monkeypatch):
    # the extractor computes w . x per country first; it must give the same log odds as the features the fit reads
    import random
    from routekit.text import order_model as om
    texts = [TEXT, "I fled Eritrea to Sudan, then Libya and Italy by boat, then by train to France and the Netherlands.",
             "V: Waar kwam u vandaan? A: Uit Irak. Via Turkije en Bulgarije naar Nederland. Eerder was ik in Iran.",
             "Mijn reis begon in Iran. Daarvoor woonde ik in Afghanistan. Ik vloog via Dubai naar Turkije, toen Griekenland."]
    # and real records of every genre (the review of the stage: four hand-made texts are too few to hold the paths)
    import pandas as pd
    for name in ("gold", "hard_dev", "hard_dev9"):
        texts += list(pd.read_csv(DATA / f"extraction_{name}.csv", dtype=str, keep_default_na=False)["text"])
    generator = random.Random(7)
    weights = tuple(generator.uniform(-2, 2) for _ in om.PAIR_FEATURES)
    # word weights too: the words the extractor adds must be the ones the fit reads (``Case.words``)
    words = {f"{kind}{word}": generator.uniform(-2, 2) for kind in om.WORD_KINDS
             for word in ("naar", "uit", "vanuit", "via", "to", "from", "then", "daarvoor", "before", "had", "ik", "i",
                          "<place>", "en", "and", "toen", "eerder")}
    seen, worded = [], []

    def spy(route, states, mode_of, dialogue, genre, language, words_of=None):
        movable = len(route) - (bool(route) and route[-1] == "NLD")
        if movable >= 2:
            countries = tuple(route[:movable])
            case = om.case_of(states, route, mode_of, dialogue, genre, language, words_of())
            told = om._told(states, countries, mode_of, dialogue, weights)
            assert (told is None) == om.told_in_order(case) == om.told_in_order_of(states, countries)
            if told is None:
                told = om._told(states, countries, mode_of, dialogue, weights, always=True)
            z = om.fast_logits(told, countries, genre, language, weights)
            for (i, j), features in om.pair_words(words_of(), om.first_spans(states, countries)).items():
                z[i][j] += om.word_logit(features, words)
            fast = {(a, b): z[i][j] for i, a in enumerate(countries) for j, b in enumerate(countries) if i < j}
            seen.append((om.case_logits(case, weights, words), fast))
            worded.append(any(om.word_logit(features, words) for features in case.words.values()))
            # and the O(1) moves choose what scoring every candidate afresh chooses
            for margin, unknown in ((-100.0, None), (0.0, 1.1), (1.0, 0.3)):
                model = om.Model(True, weights, margin, 0.9, 1.7, 0.6, words=words, unknown_weight=unknown)
                by_text = om._text_order(countries, case.first)
                slow_order, slow_margin = om._best(countries, om.case_logits(case, weights, words), case.first,
                                                   case.flown, model, case.known)
                fast_order, fast_margin = om._fast_best(countries, z, by_text, case.flown, model, case.known)
                assert fast_order == slow_order
                if slow_margin > margin:   # a switch: the exact margin
                    assert fast_margin == pytest.approx(slow_margin, abs=1e-9)
                else:                      # no switch: at most the margin, never below the true best
                    assert slow_margin - 1e-9 <= fast_margin <= margin + 1e-9
        return route, {}
    monkeypatch.setattr("routekit.text.extraction.review_order", spy)
    for text in texts:
        extract_route(text)
    assert len(seen) >= 150
    assert sum(worded) >= 100   # the words weighed in on most reviewed routes
    for slow, fast in seen:
        assert slow.keys() == fast.keys()
        for pair in slow:
            assert fast[pair] == pytest.approx(slow[pair], abs=1e-9), pair


def test_a_one_country_route_and_an_inner_nld_are_left_alone(stored):
    stored(_model({"rules": -3.0}))
    assert order_model.review(["TUR", "NLD"], [], {}, None, {}, "nl") == (["TUR", "NLD"], {})
    assert order_model.review(["TUR", "NLD", "DEU"], [], {}, None, {}, "nl") == (["TUR", "NLD", "DEU"], {})


def test_read_model_names_file_and_field(tmp_path):
    path = tmp_path / "order_model.yaml"
    path.write_text("enabled: true\nmargin: 1\nweights: {rules: 1.0, words_of_the_text: 2.0}\n", encoding="utf-8")
    with pytest.raises(order_model.OrderModelError, match="order_model.yaml: weights: unknown feature words_of"):
        order_model.read_model(path)
    path.write_text("enabled: true\nmargin: 1\n", encoding="utf-8")
    with pytest.raises(order_model.OrderModelError, match="weights: missing"):
        order_model.read_model(path)


def test_write_and_read_round_trip(tmp_path):
    model = _model({"rules": 1.25, "farther": 2.5}, margin=0.75, ground=1.5, flight=0.5)
    order_model.write_model(tmp_path / "m.yaml", model, {"command": "test"})
    assert order_model.read_model(tmp_path / "m.yaml") == model


def _small_sets(tmp_path, variants: int = 1):
    """Two small labelled sets; ``variants`` > 1 adds closing sentences so that each story is told by that many
    distinct records (the word floor counts distinct records, K = 10)."""
    rows = [
        ("Ik kom uit Syrie. Via Turkije en Griekenland naar Nederland.", "SYR>TUR>GRC>NLD"),
        ("Ik ben gevlucht uit Eritrea naar Soedan en daarna naar Libie en Italie. Toen naar Nederland.",
         "ERI>SDN>LBY>ITA>NLD"),
        ("I left Afghanistan for Iran, then Turkey and Bulgaria, then by truck to the Netherlands.",
         "AFG>IRN>TUR>BGR>NLD"),
        ("Eerst naar Griekenland, vanuit Turkije. Daarna Noord-Macedonie en Servie en toen Nederland.",
         "TUR>GRC>MKD>SRB>NLD"),
        ("Voordat ik in Libie kwam, was ik in Tsjaad. Van Libie naar Italie en Frankrijk, dan Nederland.",
         "TCD>LBY>ITA>FRA>NLD"),
        ("We crossed from Morocco to Spain, then France and Belgium, and reached the Netherlands.",
         "MAR>ESP>FRA>BEL>NLD"),
    ]
    endings = ("", " Het was zwaar.", " Ik was bang.", " Het duurde lang.")[:variants]
    return write_labelled_sets(tmp_path, [(text + ending, route) for ending in endings for text, route in rows])


def test_the_fit_command_runs_end_to_end_on_a_small_input(tmp_path, capsys):
    script = _fit_script()
    first, second = _small_sets(tmp_path)
    out = tmp_path / "order_model.yaml"
    assert script.main(["--train", str(first), "--extra", str(second), "--no-allowed-sets", "--write",
                        "--out", str(out)]) == 0
    printed = capsys.readouterr().out
    assert "(a) leave one training set out" in printed and "pooled" in printed and "enabled:" in printed
    model = order_model.read_model(out)
    assert len(model.weights) == len(order_model.PAIR_FEATURES)


def test_the_fit_learns_and_stores_word_features_when_asked(tmp_path, capsys):
    script = _fit_script()
    first, second = _small_sets(tmp_path, variants=4)   # 24 distinct records in 2 groups
    out = tmp_path / "order_model.yaml"
    assert script.main(["--train", str(first), "--extra", str(second), "--no-allowed-sets", "--words",
                        "--word-min", "1", "--word-scale", "1.0", "--write", "--out", str(out)]) == 0
    printed = capsys.readouterr().out
    assert "words (" in printed and "strongest:" in printed
    model = order_model.read_model(out)
    assert model.words and all(name.startswith(order_model.WORD_KINDS) for name in model.words)
    assert not any(country in name for name in model.words for country in ("syrie", "turkije", "libie", "spain"))
    assert "--words" in out.read_text(encoding="utf-8")   # the command that refits it
    # without --words the same fit stores none
    assert script.main(["--train", str(first), "--extra", str(second), "--no-allowed-sets", "--write",
                        "--out", str(out)]) == 0
    assert order_model.read_model(out).words is None


def test_the_fit_refuses_evaluation_sets(tmp_path):
    script = _fit_script()
    with pytest.raises(SystemExit, match="kept for evaluation"):
        script.main(["--train", str(tmp_path / "extraction_hard_calib9.csv"), "--no-allowed-sets"])


def test_the_fit_is_deterministic_and_reproduces_the_stored_coefficients():
    import yaml
    script = _fit_script()
    path = ROOT / "routekit" / "reference" / "gazetteer" / order_model.ORDER_FILE
    stored = order_model.read_model(path)
    fitted = yaml.safe_load(path.read_text(encoding="utf-8"))["fitted"]   # the sets and options it was fitted with
    rows = []
    for name in fitted["sets"]:
        rows += script.read_rows(DATA / name, Path(name).stem)
    words = fitted.get("words") or {}
    args = script.argparse.Namespace(ridge=fitted["ridge"], pairs=fitted["pairs_from"],
                                     per_row=fitted["each_row_once"], journey=fitted["journey_term"],
                                     unknown_legs=fitted.get("unknown_legs", False),
                                     max_countries=stored.max_countries, words=bool(words),
                                     word_min=(fitted.get("word_floor") or {}).get("records"),
                                     word_scale=words.get("scale", 0.5))
    first = script.fit(rows, args)
    again = script.fit(rows, args)
    assert first == again
    hint = "the rules' output on the training sets changed: refit with benchmarks/text_order_fit.py --write"
    for name, new, old in zip(order_model.PAIR_FEATURES, first.weights, stored.weights):
        assert new == pytest.approx(old, abs=2e-3), f"{name}: {hint}"
    assert set(first.words or {}) == set(stored.words or {}), hint
    for name, weight in (stored.words or {}).items():
        assert first.words[name] == pytest.approx(weight, abs=2e-3), f"{name}: {hint}"
    assert (first.pair_scale, first.ground_weight, first.flight_weight, first.unknown) == pytest.approx(
        (stored.pair_scale, stored.ground_weight, stored.flight_weight, stored.unknown), abs=2e-3), hint
    margin = script.at_least(script.choose_margin(script.margin_table(script.folds(rows, args)),
                                                  fitted.get("break_cost", 1.0)), fitted.get("min_margin"))
    assert margin == pytest.approx(stored.margin), hint


# told backwards: Greece is told first, then "daarvoor" (before that) Turkey; the rules read the cue (Turkey first)
BACKWARDS = "Ik kwam in Griekenland aan met een boot. Daarvoor was ik in Turkije. Toen met het vliegtuig naar Nederland."
BACKWARDS_EN = "I arrived in Greece by boat. Before that I was in Turkey. Then I flew to the Netherlands."
# the twins without the cue: told in the order the rules follow (Greece, then Turkey), so not reviewed
TWIN = "Ik kwam in Griekenland aan met een boot. Ik was in Turkije. Toen met het vliegtuig naar Nederland."
TWIN_EN = "I arrived in Greece by boat. I was in Turkey. Then I flew to the Netherlands."


def test_the_words_of_the_text_keep_a_story_told_backwards_right(stored):
    # a model that trusts the text order alone would put Greece first; the cue word before the later-told Turkey
    # ("daarvoor" / "before" opening its sentence: it came first) keeps the right order
    text_order_only = {"text_first": 2.0}
    for text in (BACKWARDS, BACKWARDS_EN):
        stored(_model(enabled=False))
        assert extract_route(text).route == ("TUR", "GRC", "NLD")
        stored(_model(text_order_only))
        assert extract_route(text).route == ("GRC", "TUR", "NLD")
        stored(_model(text_order_only)._replace(words={"start:daarvoor": -5.0, "start:before": -5.0}))
        assert extract_route(text).route == ("TUR", "GRC", "NLD")


def test_the_twin_without_the_cue_stays_as_the_rules_had_it(stored):
    for text in (TWIN, TWIN_EN):
        stored(_model(enabled=False))
        rules = extract_route(text)
        stored(_model({"text_first": -2.0})._replace(words={"start:daarvoor": -5.0, "start:before": -5.0,
                                                          "span:was": -5.0}))
        assert extract_route(text) == rules


def test_pair_words_are_antisymmetric_and_name_the_linking_words():
    from routekit.text.context_words import record_words
    from routekit.text.matcher import tokenize
    from routekit.text.normalise import fold
    text = fold("Ik ging naar Griekenland. Daarvoor was ik vanuit Turkije gekomen.")
    tokens = tokenize(text)
    greece, turkey = (text.index("griekenland"), text.index("griekenland") + 11), (text.index("turkije"),
                                                                                   text.index("turkije") + 7)
    record = record_words(tokens.starts, tokens.words, [greece, turkey], [0, text.index("daarvoor")])
    forward = order_model.pair_words(record, [greece, turkey])[(0, 1)]
    backward = order_model.pair_words(record, [turkey, greece])[(0, 1)]
    assert forward == {name: -value for name, value in backward.items()}
    # Greece is told first (+1): the words between and opening Turkey's sentence carry that sign
    assert forward["start:daarvoor"] == 1.0 and forward["span:daarvoor"] == 1.0
    assert forward["pre:naar"] == 1.0 and forward["pre:vanuit"] == -1.0   # right before each country
    assert not any("griekenland" in name or "turkije" in name for name in forward)


def test_read_model_refuses_a_word_feature_of_no_kind(tmp_path):
    path = tmp_path / "order_model.yaml"
    floor = "fitted: {word_floor: {records: 10, groups: 2}}\n"
    path.write_text(floor + "enabled: true\nmargin: 1\nweights: {rules: 1.0}\nwords: {naar: 1.0}\n", encoding="utf-8")
    with pytest.raises(order_model.OrderModelError, match="order_model.yaml: words: 'naar' is not a word feature"):
        order_model.read_model(path)
    path.write_text(floor + "enabled: true\nmargin: 1\nweights: {rules: 1.0}\nwords: {'pre:naar': x}\n",
                    encoding="utf-8")
    with pytest.raises(order_model.OrderModelError, match="words: pre:naar: not a number"):
        order_model.read_model(path)


def test_words_round_trip_strongest_first(tmp_path):
    model = _model({"rules": 1.0})._replace(words={"pre:naar": -0.5, "span:daarvoor": -1.25, "start:then": 0.75})
    order_model.write_model(tmp_path / "m.yaml", model, {"command": "test", "word_floor": {"records": 10, "groups": 2}})
    assert order_model.read_model(tmp_path / "m.yaml") == model
    stored_text = (tmp_path / "m.yaml").read_text(encoding="utf-8")
    assert stored_text.index("span:daarvoor") < stored_text.index("start:then") < stored_text.index("pre:naar")
