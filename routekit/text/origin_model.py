"""A learned origin decision (issue 15): is the first country of the rules' route the journey's start?

On a new writer's records the rules' start logic (``extraction._place_home``, ``_mark_origin``) errs both ways: a
nationality, a birthplace or another person's country put first, or the country the journey began in (a nationality
or birth country the text implies it began from, a residence) left out. This stage decides between a few origins:

- keep the rules' route (the baseline, utility 0);
- ``drop``: leave out its first country (only when at least two countries remain; NLD is never dropped);
- ``add``: put first a country the rules left out of the route though they marked it as a start (a mention with a
  home, strong home - nationality or birth -, residence, start or journey-start flag).

Each alternative has a score (intercept + weights . features, a ridge logistic regression per kind fitted by
``benchmarks/text_origin_fit.py`` with ``calibration.fit``) and the best one replaces the rules' origin only when its
score exceeds ``margin`` (a log-odds, chosen by leaving one training set out). The features are what the rules
computed - the flags of the candidate's mentions (``order_model.country_summaries``), whether it is told before the
route's countries, whether it borders the country after it or that country is reached by plane, the record's kind
and language, the route's length - never a word of the text. Modes stay with their countries (``mode_of``): an added
country's leg has the mode the rules gave the country after it, ``unknown`` when they gave none. The weights are data
in ``routekit/reference/gazetteer/origin_model.yaml``; with ``enabled: false`` the route passes unchanged.
"""

from __future__ import annotations

from functools import lru_cache
from operator import mul
from pathlib import Path
from typing import NamedTuple

from routekit.errors import RoutekitError
from routekit.text.gazetteer import data_path
from routekit.text.learned import (StageHooks, coefficients, coefficients_entry, number, read_stage_file,
                                   write_stage_file)
from routekit.text.order_model import KINDS, PAIR_FEATURES, country_summaries
from routekit.text.timeline import neighbours
from routekit.text import verifier

ORIGIN_FILE = "origin_model.yaml"
NETHERLANDS = "NLD"
ACTIONS = ("drop", "add")

# the flags ``country_summaries`` sums per country (``order_model``'s own flags, then via_destination .. answered_start)
_SUMMARY_FLAGS = PAIR_FEATURES[PAIR_FEATURES.index("home"):PAIR_FEATURES.index("answered_start") + 1]
_ORIGIN_FLAGS = ("home", "strong_home", "residence", "start", "journey_start")   # what makes a left-out start
_OWN = ("home", "strong_home", "departure", "start", "journey_start", "residence", "before", "via", "transit",
        "first", "flashback", "asked", "answered_start")
_FLAG_AT = tuple(_SUMMARY_FLAGS.index(name) for name in _OWN)

FEATURE_NAMES: tuple[str, ...] = (
    # the candidate country's mentions (travelled ones if any)
    *_OWN, "mentions", "excluded_too", "told_first",
    # the country after it in the (new) route: borders it, reached by plane, its leg's mode told, its own start flags
    "borders_next", "next_flown", "next_mode_told", "next_start", "next_home", "next_told_first",
    # the record
    *(kind for kind, _ in KINDS), "dutch", "route_length", "other_homes",
    # the stop verifier's log-odds (its stored model, on or off) that the country is a stop, within [-1, 1] (/6)
    "verifier",
)
_INDEX = {name: i for i, name in enumerate(FEATURE_NAMES)}


class OriginModelError(RoutekitError):
    """An origin-model file that cannot be read (no coefficients, a weight for a feature the stage lacks)."""


class Model(NamedTuple):
    """The stored stage: on/off, per action (``ACTIONS``) intercept and weights (``FEATURE_NAMES`` order), margin."""

    enabled: bool
    drop: tuple[float, tuple[float, ...]]
    add: tuple[float, tuple[float, ...]]
    margin: float


class Alternative(NamedTuple):
    """One origin the stage may choose: ``drop`` (the route's first country) or ``add`` (``country`` put first)."""

    action: str
    country: str
    values: tuple[float, ...]


def apply(route, alternative: Alternative | None) -> list[str]:
    """The route with the alternative's origin (None: the route itself)."""
    if alternative is None:
        return list(route)
    if alternative.action == "drop":
        return [c for c in route if c != alternative.country]
    return [alternative.country, *route]


def _offers_drop(first: list, following: list, answered) -> bool:
    """Whether the route's first country may be dropped, from the rules' flags alone (the stage's gate, part of the
    model: the fit learns only over offered alternatives). ``first``/``following``: the states of the route's first and
    second country. Not when the rules were told the journey starts there (a source word, a start, an answered "where
    did it begin") - on every set, plain, tuned or new writer, such a first country is right far more often than
    not - and a home (nationality, birth, "afkomstig uit") first only when the text tells the next country as where
    the person lived or set out (the labelling rule: a nationality alone does not move the start; a residence does)."""
    travelled = [s for s in first if not s.excluded] or first
    home = False
    for state in travelled:
        if state.departure or state.start or state.journey_start:
            return False
        home = home or state.home or state.strong_home
    if answered and any(s.mention.start in answered for s in first):
        return False
    if not home:
        return True
    told = [s for s in following if not s.excluded] or following
    return any(s.residence or s.start or s.journey_start for s in told)


def _gate(states, route: list[str], dialogue) -> tuple[bool, list[str]]:
    """One pass over the mentions: whether a ``drop`` is offered and the left-out start countries an ``add`` may put
    first (a mention with a home, strong home, residence, start or journey-start flag of a country not in the route).
    What the stage reads for every record; the features are built only when this offers something."""
    head, second = route[0], route[1]
    in_route = set(route)
    first, following, added = [], [], []
    for state in states:
        iso3 = state.mention.place.iso3
        if iso3 == head:
            first.append(state)
        elif iso3 == second:
            following.append(state)
        elif (iso3 not in in_route and iso3 != NETHERLANDS and iso3 not in added
              and (state.home or state.strong_home or state.residence or state.start or state.journey_start)):
            added.append(iso3)
    droppable = len(route) >= 3 and _offers_drop(first, following, getattr(dialogue, "starts", None))
    return droppable, added


def alternatives(states, route: list[str], mode_of: dict[str, str], dialogue, genre: dict[str, float],
                 language: str, text_length: int, stop_feature: bool = True) -> list[Alternative]:
    """The origins the stage may choose instead of the rules' with their features; empty when there is none (a route
    of fewer than two countries, an NLD first or inside it, no left-out start and no drop offered: ``_gate``).
    ``stop_feature`` False leaves the ``verifier`` feature 0 (``review`` fills it in only when it can matter)."""
    if len(route) < 2 or route[0] == NETHERLANDS or NETHERLANDS in route[:-1]:
        return []
    droppable, added = _gate(states, route, dialogue)
    if not added and not droppable:
        return []
    summary = country_summaries(states, [*route[:2], *added], dialogue)
    firsts = {c: s.first for c, s in summary.items()}
    homes = {c for c, s in summary.items() if s.flags[0] or s.flags[1]}
    record = [0.0] * len(FEATURE_NAMES)
    for (kind, keys) in KINDS:
        record[_INDEX[kind]] = float(any(genre.get(key, 0.0) for key in keys))
    record[_INDEX["dutch"]] = float(language == "nl")
    record[_INDEX["route_length"]] = min(len(route), 8) / 8.0
    borders = neighbours()
    found = []

    def describe(country: str, following: str, others) -> tuple[float, ...]:
        values = record.copy()
        told = summary.get(country)
        if told is not None:
            for index, at in enumerate(_FLAG_AT):
                values[index] = told.flags[at]
            values[_INDEX["mentions"]] = told.mentions
            values[_INDEX["excluded_too"]] = told.excluded_too
            values[_INDEX["told_first"]] = float(all(told.first < firsts.get(c, 1 << 30) for c in others))
        values[_INDEX["borders_next"]] = float(following in borders.get(country, ()))
        mode = mode_of.get(following, "unknown")
        values[_INDEX["next_flown"]] = float(mode == "plane")
        values[_INDEX["next_mode_told"]] = float(mode != "unknown")
        nxt = summary.get(following)
        if nxt is not None:
            flags = nxt.flags
            values[_INDEX["next_start"]] = float(any(flags[_SUMMARY_FLAGS.index(n)] for n in _ORIGIN_FLAGS[2:]))
            values[_INDEX["next_home"]] = float(flags[0] or flags[1])
            values[_INDEX["next_told_first"]] = float(all(nxt.first < firsts.get(c, 1 << 30)
                                                          for c in firsts if c != following))
        values[_INDEX["other_homes"]] = float(bool(homes - {country}))
        return tuple(values)

    if droppable:
        found.append(Alternative("drop", route[0], describe(route[0], route[1], route[1:2])))
    for country in added:
        found.append(Alternative("add", country, describe(country, route[0], route[:2])))
    if stop_feature:
        found = with_stop_feature(found, states, route, mode_of, dialogue, genre, language, text_length)
    return found


def with_stop_feature(found: list[Alternative], states, route: list[str], mode_of: dict[str, str], dialogue,
                      genre: dict[str, float], language: str, text_length: int) -> list[Alternative]:
    """The alternatives with their ``verifier`` feature: the stop verifier's stored log-odds (its rules' signals, not
    its words) that the country is a stop, within [-6, 6] and divided by 6. The costliest feature (the verifier's
    candidates of the whole record), so ``review`` asks for it only when the margin can be passed."""
    stops = verifier.stored_model()
    wanted = {a.country for a in found}
    judged = {c.iso3: c for c in verifier.candidates(states, route, mode_of, dialogue, genre, language, text_length)
              if c.iso3 in wanted}
    at = _INDEX["verifier"]
    filled = []
    for alternative in found:
        candidate = judged.get(alternative.country)
        if candidate is not None:
            intercept, weights = stops.keep if candidate.kept else stops.add
            z = intercept + sum(map(mul, weights, candidate.values))
            values = list(alternative.values)
            values[at] = max(-6.0, min(6.0, z)) / 6.0
            alternative = alternative._replace(values=tuple(values))
        filled.append(alternative)
    return filled


def score(model: Model, alternative: Alternative) -> float:
    """The alternative's log-odds of giving the right origin."""
    intercept, weights = model.drop if alternative.action == "drop" else model.add
    return intercept + sum(map(mul, weights, alternative.values))


def decide(found: list[Alternative], model: Model) -> tuple[Alternative | None, float]:
    """The best alternative when its score exceeds the margin (else None) and the best score (-inf: none)."""
    best, best_score = None, float("-inf")
    for alternative in found:
        value = score(model, alternative)
        if value > best_score:
            best, best_score = alternative, value
    return (best if best_score > model.margin else None), best_score


_HOOKS = StageHooks()
# the fit's and the tests' switches (``learned.StageHooks``): ``with using(model):``, ``with recording() as rows:``,
# each row (route, alternatives) with the route as the rules and the stop verifier made it
using = _HOOKS.using
recording = _HOOKS.recording


def review(route: list[str], states, mode_of: dict[str, str], dialogue, genre: dict[str, float], language: str,
           text_length: int) -> tuple[list[str], dict[str, float]]:
    """The extractor's hook, before the order stage: the route with the chosen origin and ``origin_flip`` (1 when
    the origin changed) for the calibration. Empty when the stage is off or keeps the rules' origin.

    The short cut (the same decisions as ``decide`` over ``alternatives``, the fit's full path; a test checks it):
    most records offer nothing (``_gate``: one pass over the mentions); of the rest, the ``verifier`` feature - the
    stop verifier's candidates of the whole record, the costliest part - is computed only when an alternative's
    score could still pass the margin with it (the feature lies in [-1, 1], so it moves a score by at most the
    absolute value of its weight)."""
    hooks = _HOOKS
    if hooks.recorder is not None:
        hooks.recorder.append((tuple(route), alternatives(states, route, mode_of, dialogue, genre, language,
                                                          text_length)))
        return route, {}
    model = hooks.model or stored_model()
    if not model.enabled:
        return route, {}
    found = alternatives(states, route, mode_of, dialogue, genre, language, text_length, stop_feature=False)
    if not found:
        return route, {}
    at = _INDEX["verifier"]
    if all(score(model, a) + abs((model.drop if a.action == "drop" else model.add)[1][at]) <= model.margin
           for a in found):
        return route, {}
    found = with_stop_feature(found, states, route, mode_of, dialogue, genre, language, text_length)
    chosen, _ = decide(found, model)
    if chosen is None:
        return route, {}
    return apply(route, chosen), {"origin_flip": 1.0}


@lru_cache(maxsize=1)
def stored_model() -> Model:
    return read_model(data_path(ORIGIN_FILE))


_WRITER = "benchmarks/text_origin_fit.py"


def read_model(path) -> Model:
    """The stage's file: ``enabled``, ``margin``, ``drop`` and ``add`` (intercept, weights by feature)."""
    data = read_stage_file(path, OriginModelError)
    drop = coefficients(data, "drop", FEATURE_NAMES, path, OriginModelError, _WRITER)
    add = coefficients(data, "add", FEATURE_NAMES, path, OriginModelError, _WRITER)
    return Model(bool(data.get("enabled", False)), drop, add, number(data, "margin", 0.0, path, OriginModelError))


_HEADER = ("# The learned origin decision of routekit.text (origin_model.py): per alternative origin - 'drop' the\n"
           "# route's first country, 'add' a left-out start country first - log-odds = intercept + sum of weight x\n"
           "# feature (no word of the text); the best alternative replaces the rules' origin only when its log-odds\n"
           "# exceed 'margin'. Fitted on the blind-written training sets (never tuned on; 'fitted' names them) by\n"
           "# benchmarks/text_origin_fit.py --write, which prints the held-out evaluation (see 'fitted').\n")


def write_model(path: Path, model: Model, fitted: dict) -> None:
    """Store a fit and how it was made (``fitted``: sets, ridge, held-out figures)."""
    data = {"enabled": bool(model.enabled), "margin": round(float(model.margin), 6), "fitted": fitted,
            "drop": coefficients_entry(model.drop, FEATURE_NAMES), "add": coefficients_entry(model.add, FEATURE_NAMES)}
    write_stage_file(path, _HEADER, data)
