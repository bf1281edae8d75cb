"""A learned order stage (issue 15): for a route whose countries the rules (and the stop verifier) already chose, is
another order of them clearly more likely?

The rules order countries by text order and reordering cues; on a new writer's records some cues misfire and others
are missed, and then the right countries come out in the wrong order. This stage reads only what the rules already
computed - never a word of the text - so that what it learns carries over to another writer:

- a pairwise model: for two route countries a and b, P(a before b) = logistic(w . x(a, b)) where x is antisymmetric
  (x(b, a) = -x(a, b), so P(a before b) + P(b before a) = 1): the rules' relative order, which is told first and last
  in the text, how many sentences lie between, the differences of their ``_MentionState`` flags (home, departure,
  start, via, transit, flashback ...), question/answer marks, and the rules' and the text's order crossed with the
  record's genre and language (``PAIR_FEATURES``);
- candidates: the rules' order, the order of first travelled mention, and every order that moves one country of the
  rules' route to another place (at most ``MAX_COUNTRIES`` countries abroad); NLD stays last;
- a candidate's score is the sum of log P over its ordered pairs; the best one replaces the rules' order only when it
  beats it by ``margin`` (chosen by leaving one training set out: a wrong switch breaks a right row).

Modes belong to their country (``mode_of`` maps a country to the mode of the leg that reaches it), so a reordered
route keeps each country's mode. The weights are data in ``routekit/reference/gazetteer/order_model.yaml``, fitted by
``benchmarks/text_order_fit.py`` on labelled sets the rules were never tuned on. With ``enabled: false`` the route
passes unchanged and the stage adds no count.
"""

from __future__ import annotations

import math
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path
from typing import Iterator, NamedTuple

import yaml

from routekit.errors import RoutekitError
from routekit.text.gazetteer import data_path

ORDER_FILE = "order_model.yaml"
NETHERLANDS = "NLD"
MAX_COUNTRIES = 8   # countries abroad; beyond it the stage leaves the route alone (rare; 8 x 7 moves)

# ``_MentionState`` flags compared between the two countries (true for any travelled mention of the country)
_FLAGS = ("home", "strong_home", "departure", "start", "journey_start", "residence", "before", "continues_before",
          "via", "transit", "transit_previous", "first", "here")
# the record's kinds the rules' and the text's order are crossed with (``calibration.genre_counts`` keys, any of)
_KINDS = (("dialogue", ("transcript",)), ("letter", ("letter_words", "correction_words")),
          ("report", ("police", "border_guard")), ("summary", ("summary",)), ("translated", ("translated",)))

PAIR_FEATURES: tuple[str, ...] = (
    # order signs: +1 when a comes first, -1 when b does, 0 when the same
    "rules", "text_first", "text_last", "rules_adjacent", "rules_first_country", "text_first_far", "text_last_far",
    # the difference of a flag between a and b (+1: only a has it)
    *_FLAGS, "via_destination", "flashback", "asked", "answered_start", "mentions", "flown", "excluded_too",
    # geography (``countries.csv`` centroids): journeys mostly move towards the Netherlands
    "farther", "farther_rules_disagree", "farther_flown",
    # the rules' and the text's order by kind of record and language
    *(f"{sign}_{kind}" for kind, _ in _KINDS for sign in ("rules", "text")), "rules_dutch", "text_dutch",
)
_INDEX = {name: i for i, name in enumerate(PAIR_FEATURES)}


class OrderModelError(RoutekitError):
    """An order-model file that cannot be read (no weights, a weight for a feature the stage lacks)."""


class Model(NamedTuple):
    """The stored stage: on/off, the pair weights (``PAIR_FEATURES`` order; no intercept: the model is antisymmetric)
    and the margin in log-likelihood by which a candidate must beat the rules' order."""

    enabled: bool
    weights: tuple[float, ...]
    margin: float
    pair_scale: float = 1.0      # utility = pair_scale x pair score - ground_weight x 1,000 km over land or sea
    ground_weight: float = 0.0   #           - flight_weight x 1,000 km flown
    flight_weight: float = 0.0


class Country(NamedTuple):
    """What the rules said about one route country, summed over its mentions (travelled ones if any)."""

    first: int          # offset of its first (travelled) mention
    last: int
    sentence_first: int
    flags: tuple[float, ...]   # per ``_FLAGS``, then via_destination, flashback, asked, answered_start
    mentions: float
    excluded_too: float   # some of its mentions are excluded (named but not travelled there)


_NO_COUNTRY = Country(1 << 30, 1 << 30, 1 << 20, (0.0,) * (len(_FLAGS) + 4), 0.0, 0.0)


@lru_cache(maxsize=1)
def _centroids() -> dict[str, tuple[float, float]]:
    """Each country's centroid in radians (``countries.csv``)."""
    from routekit.reference import countries

    table = countries()
    found = {}
    for iso3, lat, lon in zip(table.index, table["lat"], table["lon"]):
        try:
            found[iso3] = (math.radians(float(lat)), math.radians(float(lon)))
        except (TypeError, ValueError):
            continue
    return found


@lru_cache(maxsize=65_536)
def _km(a: str, b: str) -> float:
    """Great-circle distance between two countries' centroids (0 when one is unknown)."""
    centroids = _centroids()
    if a not in centroids or b not in centroids:
        return 0.0
    (lat_a, lon_a), (lat_b, lon_b) = centroids[a], centroids[b]
    cosine = math.sin(lat_a) * math.sin(lat_b) + math.cos(lat_a) * math.cos(lat_b) * math.cos(lon_a - lon_b)
    return 6371.0 * math.acos(max(-1.0, min(1.0, cosine)))


@lru_cache(maxsize=1)
def _distance_home() -> dict[str, float]:
    """Distance (km) of each country's centroid from the Netherlands'."""
    return {iso3: _km(iso3, NETHERLANDS) for iso3 in _centroids()}


def journey_km(order: tuple[str, ...], flown: frozenset[str]) -> tuple[float, float]:
    """The journey through the countries' centroids, ending in the Netherlands: (km over land or sea, km flown; a
    leg is flown when the country it reaches is reached by plane). A detour over land is long; a flight may go far."""
    ground = air = 0.0
    stops = (*order, NETHERLANDS)
    for a, b in zip(stops, stops[1:]):
        if b in flown:
            air += _km(a, b)
        else:
            ground += _km(a, b)
    return ground, air


def _farther(a: str, b: str) -> float:
    """How much farther from the Netherlands a lies than b, in 3,000 km, within [-1, 1] (0 when one is unknown)."""
    distance = _distance_home()
    if a not in distance or b not in distance:
        return 0.0
    return max(-1.0, min(1.0, (distance[a] - distance[b]) / 3000.0))


def _sign(value: int) -> float:
    return 1.0 if value > 0 else -1.0 if value < 0 else 0.0


def _countries(states, route: list[str], dialogue) -> dict[str, Country]:
    by_country: dict[str, list] = {}
    wanted = set(route)
    for state in states:
        iso3 = state.mention.place.iso3
        if iso3 in wanted:
            by_country.setdefault(iso3, []).append(state)
    asked = getattr(dialogue, "kept", frozenset())
    answered = getattr(dialogue, "starts", frozenset())
    found = {}
    for iso3, group in by_country.items():
        travelled = [s for s in group if not s.excluded] or group
        flags = [float(any(getattr(s, name) for s in travelled)) for name in _FLAGS]
        flags.append(float(any(s.via_destination >= 0 for s in travelled)))
        flags.append(float(any(s.before_of >= 0 or s.before_cues for s in travelled)))
        flags.append(float(any(s.mention.start in asked for s in group)))
        flags.append(float(any(s.mention.start in answered for s in group)))
        found[iso3] = Country(travelled[0].mention.start, travelled[-1].mention.start, travelled[0].sentence,
                              tuple(flags), min(len(travelled), 4) / 4.0, float(len(travelled) < len(group)))
    return found


def pair_features(states, route: list[str], mode_of: dict[str, str], dialogue, genre: dict[str, float],
                  language: str) -> tuple[list[str], dict[tuple[str, str], tuple[float, ...]]]:
    """The countries the stage may reorder (the route less a final NLD) and x(a, b) for each pair a before b in the
    rules' route (x(b, a) is its negation). Numbers only, no text."""
    movable = route[:-1] if route and route[-1] == NETHERLANDS else list(route)
    summary = _countries(states, movable, dialogue)
    kinds = [float(any(genre.get(key, 0.0) for key in keys)) for _, keys in _KINDS]
    dutch = float(language == "nl")
    flag_slice = slice(_INDEX[_FLAGS[0]], _INDEX["answered_start"] + 1)
    pairs = {}
    for i, a in enumerate(movable):
        ca = summary.get(a, _NO_COUNTRY)
        for j in range(i + 1, len(movable)):
            b = movable[j]
            cb = summary.get(b, _NO_COUNTRY)
            x = [0.0] * len(PAIR_FEATURES)
            x[_INDEX["rules"]] = 1.0
            first = _sign(cb.first - ca.first)
            last = _sign(cb.last - ca.last)
            far = min(abs(cb.sentence_first - ca.sentence_first), 8) / 8.0
            x[_INDEX["text_first"]] = first
            x[_INDEX["text_last"]] = last
            x[_INDEX["rules_adjacent"]] = float(j == i + 1)
            x[_INDEX["rules_first_country"]] = float(i == 0)
            x[_INDEX["text_first_far"]] = first * far
            x[_INDEX["text_last_far"]] = last * far
            x[flag_slice] = [fa - fb for fa, fb in zip(ca.flags, cb.flags)]
            x[_INDEX["mentions"]] = ca.mentions - cb.mentions
            x[_INDEX["flown"]] = float(mode_of.get(a) == "plane") - float(mode_of.get(b) == "plane")
            x[_INDEX["excluded_too"]] = ca.excluded_too - cb.excluded_too
            farther = _farther(a, b)
            x[_INDEX["farther"]] = farther
            if first < 0:   # the rules put a first though b is told first: does geography agree?
                x[_INDEX["farther_rules_disagree"]] = farther
            if mode_of.get(a) == "plane" or mode_of.get(b) == "plane":   # a flight may go anywhere
                x[_INDEX["farther_flown"]] = farther
            for (kind, _), on in zip(_KINDS, kinds):
                if on:
                    x[_INDEX[f"rules_{kind}"]] = 1.0
                    x[_INDEX[f"text_{kind}"]] = first
            if dutch:
                x[_INDEX["rules_dutch"]] = 1.0
                x[_INDEX["text_dutch"]] = first
            pairs[(a, b)] = tuple(x)
    return movable, pairs


class Case(NamedTuple):
    """What the stage decides on for one record: the countries it may reorder in the rules' order (a final NLD left
    out), x(a, b) per pair a before b, each country's first travelled offset, the countries reached by plane."""

    countries: tuple[str, ...]
    pairs: dict
    first: dict
    flown: frozenset


def case_of(states, route: list[str], mode_of: dict[str, str], dialogue, genre: dict[str, float],
            language: str) -> Case:
    countries, pairs = pair_features(states, route, mode_of, dialogue, genre, language)
    flown = frozenset(c for c in (*countries, NETHERLANDS) if mode_of.get(c) == "plane")
    return Case(tuple(countries), pairs, first_offsets(states, countries), flown)


def candidates(case: Case) -> list[tuple[str, ...]]:
    """The rules' order first, then the order of first travelled mention, then every move of one country."""
    movable = list(case.countries)
    rules = tuple(movable)
    found = [rules]
    seen = {rules}
    by_text = tuple(sorted(movable, key=lambda c: (case.first.get(c, 1 << 30), movable.index(c))))
    if by_text not in seen:
        seen.add(by_text)
        found.append(by_text)
    n = len(movable)
    for i in range(n):
        rest = movable[:i] + movable[i + 1:]
        for j in range(n):
            if j == i:
                continue
            moved = tuple(rest[:j] + [movable[i]] + rest[j:])
            if moved not in seen:
                seen.add(moved)
                found.append(moved)
    return found


def log_before(weights: tuple[float, ...], pairs: dict[tuple[str, str], tuple[float, ...]]) -> dict:
    """log P(a before b) for every ordered pair of the route's countries."""
    table = {}
    for (a, b), x in pairs.items():
        z = sum(w * v for w, v in zip(weights, x) if v)
        # log logistic(z) and log logistic(-z), stable for large |z|
        table[(a, b)] = -math.log1p(math.exp(-z)) if z > -30 else z
        table[(b, a)] = -math.log1p(math.exp(z)) if z < 30 else -z
    return table


def score(order: tuple[str, ...], table: dict) -> float:
    """The sum of log P(a before b) over the order's pairs."""
    return sum(table[(a, b)] for i, a in enumerate(order) for b in order[i + 1:])


def terms(case: Case, weights: tuple[float, ...]) -> list[tuple[tuple[str, ...], float, float, float]]:
    """Per candidate (the rules' order first): the order, its pair score, its km over land or sea and flown, in
    thousands of km."""
    table = log_before(weights, case.pairs)
    found = []
    for order in candidates(case):
        ground, air = journey_km(order, case.flown)
        found.append((order, score(order, table), ground / 1000.0, air / 1000.0))
    return found


def utility(model: "Model", pair_score: float, ground: float, air: float) -> float:
    return model.pair_scale * pair_score - model.ground_weight * ground - model.flight_weight * air


def decide(case: Case, model: "Model") -> tuple[tuple[str, ...], float]:
    """The order to use and the margin of the best other candidate over the rules' order in utility (negative: the
    rules' order is the most likely one). The rules' order unless the best other beats it by more than
    ``model.margin``."""
    found = terms(case, model.weights)
    rules = found[0][0]
    base = utility(model, *found[0][1:])
    best, best_utility = rules, -math.inf
    for order, pair_score, ground, air in found[1:]:
        value = utility(model, pair_score, ground, air)
        if value > best_utility + 1e-12:
            best, best_utility = order, value
    margin = best_utility - base
    return (best if margin > model.margin else rules), margin


_recorder: list | None = None


@contextmanager
def recording() -> Iterator[list]:
    """Collect, per record the extractor reads, (route, ``Case``) and leave the routes as the rules (and the stop
    verifier) made them: what the fit reads. Country codes and numbers only, no text."""
    global _recorder
    previous, _recorder = _recorder, []
    try:
        yield _recorder
    finally:
        _recorder = previous


def first_offsets(states, movable) -> dict[str, int]:
    """Offset of each country's first travelled mention (any mention if none is travelled)."""
    found: dict[str, int] = {}
    fallback: dict[str, int] = {}
    wanted = set(movable)
    for state in states:
        iso3 = state.mention.place.iso3
        if iso3 in wanted:
            fallback.setdefault(iso3, state.mention.start)
            if not state.excluded:
                found.setdefault(iso3, state.mention.start)
    return {c: found.get(c, fallback.get(c, 1 << 30)) for c in movable}


def review(route: list[str], states, mode_of: dict[str, str], dialogue, genre: dict[str, float],
           language: str) -> tuple[list[str], dict[str, float]]:
    """The extractor's hook, after the stop verifier: the route in the order the stage chooses (modes follow their
    country through ``mode_of``) and its signal for the calibration, ``order_margin`` (how much the best other order
    beats the rules', in utility; empty when the stage is off or nothing could move)."""
    movable = len(route) - (route[-1] == NETHERLANDS if route else 0)
    if movable < 2 or movable > MAX_COUNTRIES or (NETHERLANDS in route and route[-1] != NETHERLANDS):
        return route, {}    # one country abroad: no other order; an NLD inside the route: left to the rules
    if _recorder is not None:
        _recorder.append((tuple(route), case_of(states, route, mode_of, dialogue, genre, language)))
        return route, {}
    model = stored_model()
    if not model.enabled:
        return route, {}
    case = case_of(states, route, mode_of, dialogue, genre, language)
    order, margin = decide(case, model)
    return list(order) + route[movable:], {"order_margin": round(margin, 6)}


@lru_cache(maxsize=1)
def stored_model() -> Model:
    return read_model(data_path(ORDER_FILE))


def read_model(path) -> Model:
    """The stage's file: ``enabled``, ``margin``, ``weights`` (by feature name; a missing one weighs 0)."""
    try:
        data = yaml.safe_load(Path(str(path)).read_text(encoding="utf-8")) or {}
    except OSError as error:
        raise OrderModelError(f"{path}: cannot be read ({error.strerror})") from None
    if not isinstance(data, dict):
        raise OrderModelError(f"{path}: not a mapping")
    weights = data.get("weights")
    if not isinstance(weights, dict):
        raise OrderModelError(f"{path}: weights: missing (a file written by benchmarks/text_order_fit.py)")
    unknown = sorted(set(weights) - set(PAIR_FEATURES))
    if unknown:
        raise OrderModelError(f"{path}: weights: unknown feature {', '.join(unknown)}")
    try:
        margin = float(data.get("margin", 0.0))
        journey = data.get("journey") or {}
        scales = (float(journey.get("pair_scale", 1.0)), float(journey.get("ground_weight", 0.0)),
                  float(journey.get("flight_weight", 0.0)))
        values = tuple(float(weights.get(name, 0.0)) for name in PAIR_FEATURES)
    except (TypeError, ValueError, AttributeError):
        raise OrderModelError(f"{path}: margin, journey or a weight is not a number") from None
    return Model(bool(data.get("enabled", False)), values, margin, *scales)


_HEADER = ("# The learned order stage of routekit.text (order_model.py): P(a before b) = logistic(sum of weight x\n"
           "# feature) over an antisymmetric pair description (no intercept); a candidate order scores the sum of\n"
           "# log P over its pairs and replaces the rules' order only when it beats it by more than 'margin'.\n"
           "# Written by benchmarks/text_order_fit.py --write (how: see 'fitted').\n")


def write_model(path: Path, model: Model, fitted: dict) -> None:
    """Store a fit and how it was made (``fitted``: sets, ridge, held-out figures)."""
    data = {"enabled": bool(model.enabled), "margin": round(float(model.margin), 6),
            "journey": {"pair_scale": round(float(model.pair_scale), 6),
                        "ground_weight": round(float(model.ground_weight), 6),
                        "flight_weight": round(float(model.flight_weight), 6)},
            "fitted": fitted,
            "weights": {name: round(float(w), 6) for name, w in zip(PAIR_FEATURES, model.weights)}}
    Path(path).write_text(_HEADER + yaml.safe_dump(data, sort_keys=False, allow_unicode=True), encoding="utf-8")
