"""The learned stop filter (routekit/text/stopfilter.py) and its training script (benchmarks/text_stopfilter.py)."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from types import SimpleNamespace

import pytest

from routekit.text import stopfilter
from routekit.text.extraction import extract_route
from routekit.text.gazetteer import Mention, Place
from routekit.text.matcher import tokenize
from routekit.text.normalise import fold

ROOT = Path(__file__).resolve().parents[1]
NATIONALITY_ONLY = "Her nationality is Sudan. She took a boat from Libya to Italy and a train to the Netherlands."
TRAVELLED = "She travelled from Sudan to Libya, took a boat to Italy and a train to the Netherlands."


@pytest.fixture
def training_script():
    sys.path.insert(0, str(ROOT / "benchmarks"))
    try:
        import text_stopfilter
        yield text_stopfilter
    finally:
        sys.path.remove(str(ROOT / "benchmarks"))


@pytest.fixture
def recording():
    """The filter switched on in recording mode (as the training script runs it), reset afterwards."""
    active = stopfilter.ACTIVE
    stopfilter.ACTIVE, stopfilter.recorder = True, []
    try:
        yield stopfilter.recorder
    finally:
        stopfilter.ACTIVE, stopfilter.recorder = active, None
        stopfilter.use_model(None)


def _state(text: str, word: str, iso3: str, **flags):
    start = fold(text).index(word)
    values = {name: False for name in stopfilter.STATE_FLAGS}
    values.update(flags)
    return SimpleNamespace(mention=Mention(start, start + len(word), Place(iso3)), excluded="", **values)


def test_mention_features_read_both_sides_the_cues_and_the_rules_flags():
    text = "zijn broer woont in zweden maar hij reisde verder naar duitsland"
    tokens = tokenize(text)
    state = _state(text, "zweden", "SWE", home=True)
    found = stopfilter.mention_features(state, tokens.words, tokens.starts, {"relative_nouns": [(5, 10)]})
    assert {"b:broer", "b:woont", "b1:in", "bb:woont_in", "a:maar", "a1:maar", "ab:maar_hij"} <= found
    assert "b:zijn" in found and "a:verder" in found and "a:naar" not in found   # four words each side
    assert {"cb:relative_nouns", "s:home", "k:country"} <= found
    assert "ca:relative_nouns" not in found and "s:departure" not in found


def test_country_features_are_shares_over_mentions_plus_route_and_genre():
    text = "zijn broer woont in zweden. daarna reisde hij naar zweden"
    tokens = tokenize(text)
    first = _state(text, "zweden", "SWE")
    second_start = text.rindex("zweden")
    second = SimpleNamespace(mention=Mention(second_start, second_start + 6, Place("SWE")), excluded="",
                             **{name: False for name in stopfilter.STATE_FLAGS})
    features = stopfilter.country_features("SWE", ("SWE", "DEU", "NLD"), [first, second], tokens.words,
                                           tokens.starts, {"police": 1.0, "summary": 0.0})
    assert features["b:broer"] == 0.5 and features["b1:naar"] == 0.5 and features["k:country"] == 1.0
    assert features["r:first"] == 1.0 and features["r:once"] == 0.0 and features["r:legs"] == 2.0
    assert features["g:police"] == 1.0 and "g:summary" not in features


def test_drop_countries_never_below_two_most_likely_first():
    route = ["SDN", "LBY", "ITA", "NLD"]
    assert stopfilter.drop_countries(route, {"SDN": 0.9, "LBY": 0.1, "ITA": 0.2}, 0.5) == ["LBY", "ITA", "NLD"]
    assert stopfilter.drop_countries(route, {"SDN": 0.9, "LBY": 0.95, "ITA": 0.8}, 0.5) == ["ITA", "NLD"]
    assert stopfilter.drop_countries(["SDN", "NLD"], {"SDN": 0.99}, 0.5) == ["SDN", "NLD"]
    assert stopfilter.candidates(route) == ["SDN", "LBY", "ITA"]


def test_a_model_read_from_data_drops_a_nationality_only_mention_and_keeps_a_travelled_one(recording):
    assert extract_route(NATIONALITY_ONLY).route == ("SDN", "LBY", "ITA", "NLD")   # the rules keep it
    data = json.loads(json.dumps({"intercept": -4.0, "threshold": 0.5, "fitted": {},
                                  "weights": {"b:nationality": 6.0, "a:travelled": -1.0, "b:from": -2.0}}))
    stopfilter.use_model(stopfilter.parse_model(data, "test.json"))
    assert extract_route(NATIONALITY_ONLY).route == ("LBY", "ITA", "NLD")
    assert extract_route(NATIONALITY_ONLY).modes == ("boat", "train")
    assert extract_route(TRAVELLED).route == ("SDN", "LBY", "ITA", "NLD")


def test_the_stored_weights_load_and_bad_files_say_which_field(tmp_path):
    model = stopfilter.load_model()
    assert 0.0 <= model.threshold <= 1.0 and model.weights
    assert all(name.split(":", 1)[0] in {"b", "a", "b1", "a1", "bb", "ab", "cb", "ca", "s", "x", "k", "r", "g"}
               for name in model.weights)
    with pytest.raises(stopfilter.StopFilterError, match="x.json: field 'threshold' missing"):
        stopfilter.parse_model({"intercept": 0, "weights": {}}, "x.json")
    with pytest.raises(stopfilter.StopFilterError, match="x.json: field 'threshold' = 2.0 is not a probability"):
        stopfilter.parse_model({"intercept": 0, "threshold": 2, "weights": {}}, "x.json")
    with pytest.raises(stopfilter.StopFilterError, match="x.json: a number field"):
        stopfilter.parse_model({"intercept": "a", "threshold": 0.5, "weights": {}}, "x.json")


def test_a_model_that_drops_everything_keeps_two_countries_and_the_netherlands(recording):
    stopfilter.use_model(stopfilter.StopModel(intercept=10.0, weights={}, threshold=0.5))
    result = extract_route(TRAVELLED)
    assert result.route == ("SDN", "NLD") and result.modes == ("train",)   # ties drop in code order: ITA, LBY


def _tiny_sets(script):
    """Three small 'sets' of proposed routes: a country named after 'nationality' is never a stop."""
    sets = {}
    for index, name in enumerate(("a", "b", "c")):
        rows = []
        for k in range(12):
            extra = k % 3 == index % 3
            features = {"LBY": {"b:from": 1.0, "r:first": 0.0}, "ITA": {"b:to": 1.0, "r:first": 0.0}}
            route = ("LBY", "ITA", "NLD")
            if extra:
                features["SDN"] = {"b:nationality": 1.0, "r:first": 1.0}
                route = ("SDN",) + route
            rows.append(script.Row(name, ("LBY", "ITA", "NLD"), route, features))
        sets[name] = rows
    return sets


def test_training_is_deterministic_and_learns_the_tiny_sets(training_script):
    first = training_script.train(_tiny_sets(training_script), ["a", "b", "c"]).to_json()
    again = training_script.train(_tiny_sets(training_script), ["a", "b", "c"]).to_json()
    assert first == again
    stored = json.loads(first)
    assert list(stored["weights"]) == sorted(stored["weights"])
    assert stored["weights"]["b:nationality"] > 0 > stored["weights"]["b:from"]
    assert stored["threshold"] < 1.0   # the inner leave-one-set-out found a threshold that fixes rows
    table = training_script.cross_validate(_tiny_sets(training_script), run_extractor=False)
    assert [line["exact_after"] - line["exact_before"] for line in table] == [4, 4, 4]
    assert training_script.verdict(table)[0]


def test_training_refuses_the_sets_kept_for_evaluation(training_script):
    with pytest.raises(SystemExit, match="kept for honest evaluation"):
        training_script.set_path("hard_untouched")
