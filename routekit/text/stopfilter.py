"""A learned stop filter: drops route countries whose mentions read like a nationality, family, a document or a plan.

Hand rules for "a mention that is not a stop" generalise to new writers at a third to a half of their gain on the
sets they were written against. This filter learns the same decision from the words around each mention instead:
for every country of a built route (not the Netherlands, and never below two countries) a logistic model gives the
probability that the country is NOT a stop, from cheap features (``country_features``): folded words within
``WINDOW`` words before and after each mention, the word pair right before and right after it, what the rules
already decided about the mention (home, departure, excluded and why ...), the place kind, whether the country
opens the route, how often it is named, and the record's genre counts. Above the model's threshold the country
is dropped, the most likely first.

The weights are data (``routekit/reference/gazetteer/stopfilter.json``), written by one command,
``.venv/bin/python benchmarks/text_stopfilter.py``, which also prints the leave-one-set-out table that decides
whether ``ENABLED`` may be switched on. Only country codes leave this module; the weights hold single words and word
pairs seen in several labelled rows, never a text.
"""

from __future__ import annotations

import json
import math
from bisect import bisect_left
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Iterable, Mapping, Sequence

from routekit.errors import RoutekitError
from routekit.text.gazetteer import data_path

# Off until the leave-one-set-out figures of benchmarks/text_stopfilter.py show it helps on new writers' sets
# (see the module's README section); the training script switches ``ACTIVE`` on to record features.
ENABLED = False
WEIGHTS_FILE = "stopfilter.json"
WINDOW = 4                 # words each side of a mention
NETHERLANDS = "NLD"
MIN_ROUTE = 2              # a filtered route keeps at least this many countries

# The flags of a rule's reading of a mention (``extraction._MentionState``) used as features.
STATE_FLAGS = ("home", "strong_home", "departure", "start", "residence", "journey_start", "transit", "via",
               "before", "first", "here", "intended", "continues_before")

ACTIVE = ENABLED           # extract_route calls ``filter_route`` only when this is true
recorder: list | None = None   # training: ``filter_route`` appends (route, features per country) here


class StopFilterError(RoutekitError):
    """A stop-filter weights file that cannot be read (names the file and the field)."""


@dataclass(frozen=True)
class StopModel:
    """P(not a stop) = logistic(intercept + sum of weight x feature); a country is dropped above ``threshold``."""

    intercept: float
    weights: Mapping[str, float]
    threshold: float
    fitted: Mapping[str, object] = field(default_factory=dict)
    # the cue kinds the weights read: the only ones ``filter_route`` looks for around a mention (speed)
    cue_kinds: frozenset = field(default=frozenset(), compare=False)

    def __post_init__(self) -> None:
        kinds = frozenset(name.split(":", 1)[1] for name in self.weights if name.startswith(("cb:", "ca:")))
        object.__setattr__(self, "cue_kinds", kinds)

    def probability(self, features: Mapping[str, float]) -> float:
        weights = self.weights
        score = self.intercept + sum(value * weights.get(name, 0.0) for name, value in features.items())
        return 1.0 / (1.0 + math.exp(-max(min(score, 30.0), -30.0)))

    def to_json(self) -> str:
        data = {"fitted": dict(self.fitted), "intercept": round(self.intercept, 5),
                "threshold": round(self.threshold, 4),
                "weights": {name: round(value, 5) for name, value in sorted(self.weights.items())}}
        return json.dumps(data, indent=1, sort_keys=True, ensure_ascii=False) + "\n"


def parse_model(data: object, source: str) -> StopModel:
    """A ``StopModel`` from the weights file's JSON; a clear one-line error naming ``source`` and the field."""
    if not isinstance(data, dict):
        raise StopFilterError(f"{source}: not a JSON object (write it with benchmarks/text_stopfilter.py)")
    for key in ("intercept", "threshold", "weights"):
        if key not in data:
            raise StopFilterError(f"{source}: field '{key}' missing")
    weights = data["weights"]
    if not isinstance(weights, dict):
        raise StopFilterError(f"{source}: field 'weights' is not an object")
    try:
        intercept, threshold = float(data["intercept"]), float(data["threshold"])
        parsed = {str(name): float(value) for name, value in weights.items()}
    except (TypeError, ValueError) as error:
        raise StopFilterError(f"{source}: a number field holds a non-number ({error})") from None
    if not 0.0 <= threshold <= 1.0:
        raise StopFilterError(f"{source}: field 'threshold' = {threshold} is not a probability")
    return StopModel(intercept, parsed, threshold, data.get("fitted") or {})


@lru_cache(maxsize=1)
def load_model() -> StopModel:
    """The stored model (``stopfilter.json``), read once per process."""
    path = data_path(WEIGHTS_FILE)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        raise StopFilterError(f"{WEIGHTS_FILE}: cannot be read ({error})") from None
    return parse_model(data, WEIGHTS_FILE)


_model_override: StopModel | None = None


def use_model(model: StopModel | None) -> None:
    """Apply ``model`` instead of the stored one (training and tests); ``None`` returns to the stored one."""
    global _model_override
    _model_override = model


_NO_CUES: Mapping[str, Sequence[tuple[int, int]]] = {}


def _window_words(words: Sequence[str], first: int, last: int) -> tuple[list[str], list[str]]:
    """The words before token ``first`` and after token ``last`` (exclusive), at most ``WINDOW`` each side,
    letters only (numbers and codes are record-specific)."""
    before = [w for w in words[max(0, first - WINDOW):first] if w.isalpha()]
    after = [w for w in words[last:last + WINDOW] if w.isalpha()]
    return before, after


def mention_features(state, words: Sequence[str], starts: Sequence[int],
                     cues: Mapping[str, Sequence[tuple[int, int]]] = _NO_CUES) -> set[str]:
    """The 0/1 features of one mention: side-marked words and word pairs around it, the cue kinds (``cues.yaml``
    categories: a kinship noun, a document noun, an intention ...) starting in the same window, the rules' flags,
    its kind. Cue kinds carry over to a new writer's words better than the words themselves."""
    mention = state.mention
    first = bisect_left(starts, mention.start)
    last = bisect_left(starts, mention.end)
    before, after = _window_words(words, first, last)
    found = {"b:" + w for w in before}
    found.update("a:" + w for w in after)
    if before:
        found.add("b1:" + before[-1])
        if len(before) >= 2:
            found.add(f"bb:{before[-2]}_{before[-1]}")
    if after:
        found.add("a1:" + after[0])
        if len(after) >= 2:
            found.add(f"ab:{after[0]}_{after[1]}")
    if cues:
        low = starts[max(0, first - WINDOW)] if starts else mention.start
        high = starts[last + WINDOW] if last + WINDOW < len(starts) else mention.end + 60
        for kind, spans in cues.items():
            for start, _ in spans:
                if low <= start < mention.start:
                    found.add("cb:" + kind)
                elif mention.end <= start < high:
                    found.add("ca:" + kind)
    found.update("s:" + name for name in STATE_FLAGS if getattr(state, name))
    if state.excluded:
        found.add("x:" + state.excluded)
    found.add("k:" + mention.place.kind)
    if mention.fuzzy:
        found.add("s:fuzzy")
    return found


def country_features(country: str, route: Sequence[str], states: Iterable, words: Sequence[str],
                     starts: Sequence[int], genre: Mapping[str, float],
                     cues: Mapping[str, Sequence[tuple[int, int]]] = _NO_CUES) -> dict[str, float]:
    """The features of one route country: each mention feature as the share of its mentions that have it, where it
    stands in the route, how often it is named, and the record's genre counts."""
    counted: dict[str, int] = {}
    mentions = 0
    for state in states:
        if state.mention.place.iso3 != country:
            continue
        mentions += 1
        for name in mention_features(state, words, starts, cues):
            counted[name] = counted.get(name, 0) + 1
    features = {name: count / mentions for name, count in counted.items()} if mentions else {}
    features["r:first"] = float(route[0] == country)
    features["r:mentions"] = math.log1p(mentions)
    features["r:once"] = float(mentions == 1)
    features["r:legs"] = float(min(len(route) - 1, 8))
    for name, value in genre.items():
        if value:
            features["g:" + name] = float(value)
    return features


def drop_countries(route: Sequence[str], probabilities: Mapping[str, float], threshold: float) -> list[str]:
    """The route without its countries whose P(not a stop) is above ``threshold``, most likely first, while it keeps
    ``MIN_ROUTE`` countries. Shared by ``filter_route`` and the training script's scoring, so both drop the same."""
    kept = list(route)
    for country in sorted(probabilities, key=lambda c: (-probabilities[c], c)):
        if probabilities[country] <= threshold or len(kept) <= MIN_ROUTE:
            break
        kept.remove(country)
    return kept


def candidates(route: Sequence[str]) -> list[str]:
    """The route countries the filter may drop: every one but the Netherlands."""
    return [country for country in route if country != NETHERLANDS]


def filter_route(route: list[str], states: Sequence, words: Sequence[str], starts: Sequence[int],
                 genre: Mapping[str, float], cues: Mapping[str, Sequence[tuple[int, int]]] = _NO_CUES) -> list[str]:
    """The route after the stop filter (``extract_route`` calls it after building the route, before the modes)."""
    model = _model_override if _model_override is not None else (load_model() if ENABLED else None)
    if recorder is None:
        if model is None or len(route) <= MIN_ROUTE or model.threshold >= 1.0:
            return route   # nothing could be dropped: no features computed
        cues = {kind: spans for kind, spans in cues.items() if kind in model.cue_kinds}
    features = {country: country_features(country, route, states, words, starts, genre, cues)
                for country in candidates(route)}
    if recorder is not None:
        recorder.append((tuple(route), features))
    if model is None:
        return route
    probabilities = {country: model.probability(values) for country, values in features.items()}
    return drop_countries(route, probabilities, model.threshold)
