"""A learned order stage (issue 15): for a route whose countries the rules (and the stop verifier) already chose, is
another order of them clearly more likely?

The rules order countries by text order and reordering cues; on a new writer's records some cues misfire and others
are missed, and then the right countries come out in the wrong order. This stage reads only what the rules already
computed - never a word of the text - so that what it learns carries over to another writer:

- a pairwise model: for two route countries a and b, P(a before b) = logistic(w . x(a, b)) where x is antisymmetric
  (x(b, a) = -x(a, b), so P(a before b) + P(b before a) = 1): the rules' relative order, which is told first and last
  in the text, how many sentences lie between, whether one is told with a source word in a sentence that tells the
  other without one (``from_link``: "Naar X ben ik gegaan vanuit Y"), the differences of their ``_MentionState`` flags
  (home, departure,
  start, via, transit, flashback ...), question/answer marks, and the rules' and the text's order crossed with the
  record's genre and language (``PAIR_FEATURES``);
- candidates: the rules' order, the order of first travelled mention, and every order that moves one country of the
  rules' route to another place (at most ``max_countries`` countries abroad, stored; NLD stays last);
- a candidate's utility is pair_scale x (sum of log P over its ordered pairs) less the length of its journey through
  the countries' centroids (``ground_weight`` per 1,000 km told over land or sea, ``flight_weight`` per 1,000 km flown
  - a plane told, or an arrival at an airport such as Schiphol -, ``unknown_weight`` per 1,000 km of a leg of no told
  mode: a detour over land is unlikely); the best one replaces the rules' order only when it beats it by ``margin`` (chosen
  by leaving one training set out: a wrong switch breaks a right row);
- a record whose text tells the countries in the rules' order (first and last travelled mentions) is not reviewed:
  held out, the stage fixed as many such rows as it broke, and the check keeps the stage's cost small.

Modes belong to their country (``mode_of`` maps a country to the mode of the leg that reaches it), so a reordered
route keeps each country's mode. The weights are data in ``routekit/reference/gazetteer/order_model.yaml``, fitted by
``benchmarks/text_order_fit.py`` on labelled sets the rules were never tuned on. With ``enabled: false`` the route
passes unchanged and the stage adds no count.
"""

from __future__ import annotations

import math
from bisect import bisect_left, bisect_right
from functools import lru_cache
from operator import attrgetter, or_
from pathlib import Path
from typing import Any, Final, NamedTuple

from routekit.errors import RoutekitError
from routekit.text.context_words import RecordWords, blanked
from routekit.text.gazetteer import data_path
from routekit.text.legmodes import UNKNOWN_MODE
from routekit.text.learned import (StageHooks, named_weights, number, read_stage_file, read_word_weights,
                                   weights_by_name, whole_number, words_entry, write_stage_file)

ORDER_FILE: Final = "order_model.yaml"
NETHERLANDS: Final = "NLD"
MAX_COUNTRIES: Final = 8   # countries abroad; beyond it the stage leaves the route alone (rare; 8 x 7 moves)

# ``_MentionState`` flags compared between the two countries (true for any travelled mention of the country)
_FLAGS: Final = ("home", "strong_home", "departure", "start", "journey_start", "residence", "before", "continues_before",
          "via", "transit", "transit_previous", "first", "here")
# the record's kinds the rules' and the text's order are crossed with (``calibration.genre_counts`` keys, any of)
KINDS: Final = (("dialogue", ("transcript",)), ("letter", ("letter_words", "correction_words")),
          ("report", ("police", "border_guard")), ("summary", ("summary",)), ("translated", ("translated",)))

PAIR_FEATURES: Final[tuple[str, ...]] = (
    # order signs: +1 when a comes first, -1 when b does, 0 when the same
    "rules", "text_first", "text_last", "rules_adjacent", "rules_first_country", "text_first_far", "text_last_far",
    # +1 when a is told with a source word (the rules' ``departure`` cues: vanuit, uit, from, left ...) in a sentence
    # telling b without one ("Naar X ben ik gegaan vanuit Y", "I came to X from Y"), -1 the other way round
    "from_link",
    # the difference of a flag between a and b (+1: only a has it)
    *_FLAGS, "via_destination", "flashback", "asked", "answered_start", "mentions", "flown", "excluded_too",
    # geography (``countries.csv`` centroids): journeys mostly move towards the Netherlands
    "farther", "farther_rules_disagree", "farther_flown",
    # the rules' and the text's order by kind of record and language
    *(f"{sign}_{kind}" for kind, _ in KINDS for sign in ("rules", "text")), "rules_dutch", "text_dutch",
)
_INDEX: Final = {name: i for i, name in enumerate(PAIR_FEATURES)}

# the words linking two countries' mentions (``pair_words``), learnt from labelled data and weighed on top of
# ``PAIR_FEATURES``; a feature is a kind and a folded word (places read ``<place>``, numbers ``<num>``)
PRE: Final = "pre:"
SPAN: Final = "span:"
START: Final = "start:"
PRE_WORDS: Final = 2      # "pre:": the words right before a country's first travelled mention (uit / naar / via ...)
SPAN_WORDS: Final = 6     # "span:": the last words between the earlier-told and the later-told country's mentions
START_WORDS: Final = 3    # "start:": the first words of the later-told mention's sentence (daarvoor, before that, then ...)
WORD_KINDS: Final = (PRE, SPAN, START)


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
    max_countries: int = MAX_COUNTRIES   # longer routes abroad are left to the rules (the stage's cost grows as n^2)
    words: dict | None = None   # weight per word feature (``pair_words``); None or empty: the stage reads no word
    unknown_weight: float | None = None   # per 1,000 km of a leg of no told mode (None: as ``ground_weight``)

    @property
    def unknown(self) -> float:
        """The weight of a leg whose mode the text does not tell."""
        return self.ground_weight if self.unknown_weight is None else self.unknown_weight


class Country(NamedTuple):
    """What the rules said about one route country, summed over its mentions (travelled ones if any)."""

    first: int          # offset of its first (travelled) mention
    last: int
    sentence_first: int
    flags: tuple[float, ...]   # per ``_FLAGS``, then via_destination, flashback, asked, answered_start
    mentions: float
    excluded_too: float   # some of its mentions are excluded (named but not travelled there)
    left_in: tuple = ()   # sentences telling it with a source word (a travelled ``departure`` mention)
    told_in: tuple = ()   # sentences telling it without one


_NO_COUNTRY: Final = Country(1 << 30, 1 << 30, 1 << 20, (0.0,) * (len(_FLAGS) + 4), 0.0, 0.0)


def _sentences(travelled) -> tuple[tuple, tuple]:
    """The sentences of a country's travelled mentions told with a source word (``departure``) and without one
    (a country has few mentions: tuples)."""
    left: list[int] = []
    told: list[int] = []
    for state in travelled:
        (left if state.departure else told).append(state.sentence)
    return tuple(left), tuple(told)


def _from_link(left_a, told_a, left_b, told_b) -> float:
    """``from_link`` of a before b: a left in a sentence that tells b without a source word, or the reverse (both or
    neither: 0)."""
    a_first = any(sentence in told_b for sentence in left_a)
    b_first = any(sentence in told_a for sentence in left_b)
    return float(a_first) - float(b_first)


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
def distance_home() -> dict[str, float]:
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
    distance = distance_home()
    if a not in distance or b not in distance:
        return 0.0
    return max(-1.0, min(1.0, (distance[a] - distance[b]) / 3000.0))


def _sign(value: int) -> float:
    return 1.0 if value > 0 else -1.0 if value < 0 else 0.0


_FLAG_VALUES: Final = attrgetter(*_FLAGS)


def country_summaries(states, route, dialogue) -> dict[str, Country]:
    by_country: dict[str, list] = {}
    wanted = set(route)
    for state in states:
        iso3 = state.mention.place.iso3
        if iso3 in wanted:
            by_country.setdefault(iso3, []).append(state)
    asked: Any = getattr(dialogue, "kept", frozenset())
    answered: Any = getattr(dialogue, "starts", frozenset())
    found = {}
    for iso3, group in by_country.items():
        travelled = [s for s in group if not s.excluded] or group
        if len(travelled) == 1:
            flags = list(map(float, _FLAG_VALUES(travelled[0])))
        else:
            flags = [float(any(values)) for values in zip(*map(_FLAG_VALUES, travelled))]
        flags.append(float(any(s.via_destination >= 0 for s in travelled)))
        flags.append(float(any(s.before_of >= 0 or s.before_cues for s in travelled)))
        flags.append(float(bool(asked) and any(s.mention.start in asked for s in group)))
        flags.append(float(bool(answered) and any(s.mention.start in answered for s in group)))
        left_in, told_in = _sentences([s for s in group if not s.excluded])
        found[iso3] = Country(travelled[0].mention.start, travelled[-1].mention.start, travelled[0].sentence,
                              tuple(flags), min(len(travelled), 4) / 4.0, float(len(travelled) < len(group)),
                              left_in, told_in)
    return found


def pair_features(states, route: list[str], mode_of: dict[str, str], dialogue, genre: dict[str, float],
                  language: str) -> tuple[list[str], dict[tuple[str, str], tuple[float, ...]]]:
    """The countries the stage may reorder (the route less a final NLD) and x(a, b) for each pair a before b in the
    rules' route (x(b, a) is its negation). Numbers only, no text."""
    movable = route[:-1] if route and route[-1] == NETHERLANDS else list(route)
    summary = country_summaries(states, movable, dialogue)
    kinds = [float(any(genre.get(key, 0.0) for key in keys)) for _, keys in KINDS]
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
            x[_INDEX["from_link"]] = _from_link(ca.left_in, ca.told_in, cb.left_in, cb.told_in)
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
            for (kind, _), on in zip(KINDS, kinds):
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
    out), x(a, b) per pair a before b, each country's first travelled offset, the countries reached by plane (NLD
    too: the leg into it)."""

    countries: tuple[str, ...]
    pairs: dict
    first: dict
    flown: frozenset
    words: dict | None = None   # per pair a before b, its word features {name: value} (``pair_words``)
    known: frozenset | None = None   # the countries (NLD too) whose leg has a told mode (None: every leg's)


def case_of(states, route: list[str], mode_of: dict[str, str], dialogue, genre: dict[str, float],
            language: str, record: RecordWords | None = None) -> Case:
    countries, pairs = pair_features(states, route, mode_of, dialogue, genre, language)
    words = None
    if record is not None:
        found = pair_words(record, first_spans(states, countries))
        words = {(a, countries[j]): found[(i, j)] for i, a in enumerate(countries) for j in range(i + 1, len(countries))}
    airports = airport_arrivals(states)
    return Case(tuple(countries), pairs, first_offsets(states, countries), _flown(countries, mode_of, airports), words,
                _known(countries, mode_of, airports))


def airport_arrivals(states) -> frozenset:
    """The countries the text arrives in at an airport (a travelled mention of an ``airport`` place, not told as where
    a leg starts: "naar Amsterdam Schiphol", "kwam aan op Eindhoven Airport", not "vanaf Sabiha Gokcen"): reached by
    plane whatever mode the rules found for the leg."""
    if AIRPORT not in map(_PLACE_KIND, states):   # most records name no airport: one pass in C
        return frozenset()
    return frozenset(s.mention.place.iso3 for s in states
                     if s.mention.place.kind == AIRPORT and not s.excluded and not s.departure)


AIRPORT: Final = "airport"   # ``gazetteer.Place.kind`` of an airport (Schiphol, Eindhoven Airport, Zaventem ...)
_PLACE_KIND: Final = attrgetter("mention.place.kind")


def first_spans(states, countries) -> list[tuple[int, int] | None]:
    """Per country (in the given order) the (start, end) of its first travelled mention (any mention if none is
    travelled; None if it has none)."""
    position = {c: k for k, c in enumerate(countries)}
    travelled: list = [None] * len(countries)
    other: list = [None] * len(countries)
    for state in states:
        k = position.get(state.mention.place.iso3)
        if k is None:
            continue
        found = other if state.excluded else travelled
        if found[k] is None:
            found[k] = (state.mention.start, state.mention.end)
    return [t or o for t, o in zip(travelled, other)]


def pair_words(record: RecordWords, spans: list[tuple[int, int] | None]) -> dict[tuple[int, int], dict[str, float]]:
    """The words that link two countries' mentions, per pair (i, j), i < j positions in ``spans`` (the rules' order),
    as antisymmetric features {name: value} (the pair turned round negates them):

    - ``pre:w`` +1 when w is among the ``PRE_WORDS`` right before i's first mention, -1 for j's ("uit X" vs "naar Y");
    - ``span:w`` the text order's sign (+1: i told first) when w is among the last ``SPAN_WORDS`` words between the
      two mentions ("daarvoor", "then", "had");
    - ``start:w`` the same sign when w opens the later-told mention's sentence (a sentence after the earlier one).

    Windows never cross a sentence or a turn for ``pre:``; other places read ``<place>`` (``context_words``)."""
    starts, words, places, bounds = record.starts, record.words, record.places, record.bounds

    def sentence_start(offset: int) -> int:
        at = bisect_right(bounds, offset)
        return bounds[at - 1] if at else 0

    before: list[tuple[str, ...]] = []
    for span in spans:
        if span is None:
            before.append(())
            continue
        first = bisect_left(starts, span[0])
        low = bisect_left(starts, sentence_start(span[0]))
        before.append(tuple(PRE + w for w in blanked(words, places, max(low, first - PRE_WORDS), first)))
    found: dict[tuple[int, int], dict[str, float]] = {}
    n = len(spans)
    for i in range(n):
        for j in range(i + 1, n):
            features: dict[str, float] = {}
            for name in before[i]:
                features[name] = features.get(name, 0.0) + 1.0
            for name in before[j]:
                features[name] = features.get(name, 0.0) - 1.0
            a, b = spans[i], spans[j]
            if a is not None and b is not None and a[0] != b[0]:
                sign = 1.0 if b[0] > a[0] else -1.0
                early, late = (a, b) if sign > 0 else (b, a)
                low, high = bisect_left(starts, early[1]), bisect_left(starts, late[0])
                for word in set(blanked(words, places, max(low, high - SPAN_WORDS), high)):
                    features[SPAN + word] = features.get(SPAN + word, 0.0) + sign
                opening = sentence_start(late[0])
                if opening > early[0]:
                    at = bisect_left(starts, opening)
                    for word in set(blanked(words, places, at, min(high, at + START_WORDS))):
                        features[START + word] = features.get(START + word, 0.0) + sign
            found[(i, j)] = {name: value for name, value in features.items() if value}
    return found


def word_logit(features: dict[str, float], weights: dict[str, float]) -> float:
    """The word features' share of a pair's log odds."""
    return sum(weights.get(name, 0.0) * value for name, value in features.items())


def _flown(countries, mode_of: dict[str, str], airports: frozenset = frozenset()) -> frozenset:
    """The countries (the route's and NLD) reached by plane: the rules' mode, or an arrival at an airport."""
    return frozenset(c for c in (*countries, NETHERLANDS) if mode_of.get(c) == "plane" or c in airports)


def _known(countries, mode_of: dict[str, str], airports: frozenset = frozenset()) -> frozenset:
    """The countries (the route's and NLD) whose leg has a told mode (or an airport arrival): the others' legs weigh
    ``Model.unknown`` per km - over land or flown, the text does not say."""
    return frozenset(c for c in (*countries, NETHERLANDS)
                     if mode_of.get(c, UNKNOWN_MODE) != UNKNOWN_MODE or c in airports)



def _text_order(countries: tuple[str, ...], first: dict) -> tuple[str, ...]:
    return tuple(sorted(countries, key=lambda c: (first.get(c, 1 << 30), countries.index(c))))


def candidates(case: Case) -> list[tuple[str, ...]]:
    """The rules' order first, then the order of first travelled mention, then every move of one country (each
    once)."""
    return [order for order, *_ in _scored(case.countries, None, case.first, case.flown)]


def _scored(countries: tuple[str, ...], logit: dict | None, first: dict, flown: frozenset,
            known: frozenset | None = None):
    """Per distinct candidate, the rules' order first: (order, pair score less the rules' order's, 1,000 km over land
    or sea, 1,000 km flown, 1,000 km of no told mode; ``known`` None: every leg's mode told). ``logit[(a, b)]``: log odds of a before b for a before b in the rules' order; the pair
    score of an order less the rules' is minus the sum of the logits of the pairs it turns round (log P(b before a)
    - log P(a before b) = -logit). ``logit`` None: scores 0 (the candidates alone)."""
    n = len(countries)
    seen = set()

    def journey(order):
        ground = air = unknown = 0.0
        previous = order[0]
        for country in (*order[1:], NETHERLANDS):
            if country in flown:
                air += _km(previous, country)
            elif known is None or country in known:
                ground += _km(previous, country)
            else:
                unknown += _km(previous, country)
            previous = country
        return ground / 1000.0, air / 1000.0, unknown / 1000.0

    seen.add(countries)
    yield (countries, 0.0, *journey(countries))
    by_text = _text_order(countries, first)
    if by_text not in seen:
        seen.add(by_text)
        delta = 0.0
        if logit is not None:
            position = {c: i for i, c in enumerate(countries)}
            for i, a in enumerate(by_text):
                for b in by_text[i + 1:]:
                    if position[a] > position[b]:
                        delta -= logit[(b, a)]
        yield (by_text, delta, *journey(by_text))
    for i in range(n):
        moved = countries[i]
        rest = countries[:i] + countries[i + 1:]
        passed = [0.0] * n   # passed[j]: minus the logits of the countries passed moving to place j
        if logit is not None:
            running = 0.0
            for j in range(i + 1, n):
                running -= logit[(moved, countries[j])]
                passed[j] = running
            running = 0.0
            for j in range(i - 1, -1, -1):
                running -= logit[(countries[j], moved)]
                passed[j] = running
        for j in range(n):
            if j == i:
                continue
            order = rest[:j] + (moved,) + rest[j:]
            if order not in seen:
                seen.add(order)
                yield (order, passed[j], *journey(order))


def logits(weights: tuple[float, ...], pairs: dict[tuple[str, str], tuple[float, ...]]) -> dict:
    """log odds of a before b (w . x(a, b)) for each pair a before b in the rules' order."""
    return {pair: sum(w * v for w, v in zip(weights, x) if v) for pair, x in pairs.items()}


def case_logits(case: Case, weights: tuple[float, ...], words: dict | None = None) -> dict:
    """``logits`` of the case's pairs plus their word features' share (``words``: weight per word feature)."""
    found = logits(weights, case.pairs)
    if words and case.words:
        for pair, features in case.words.items():
            if features:
                found[pair] += word_logit(features, words)
    return found


def terms(case: Case, weights: tuple[float, ...], words: dict | None = None
          ) -> list[tuple[tuple[str, ...], float, float, float, float]]:
    """Per candidate (the rules' order first): the order, its pair score less the rules' order's, its 1,000 km
    over land or sea, flown and of no told mode."""
    return list(_scored(case.countries, case_logits(case, weights, words), case.first, case.flown, case.known))


def utility(model: Model, pair_score: float, ground: float, air: float, unknown: float = 0.0) -> float:
    return (model.pair_scale * pair_score - model.ground_weight * ground - model.flight_weight * air
            - model.unknown * unknown)


def _best(countries: tuple[str, ...], logit: dict, first: dict, flown: frozenset, model: Model,
          known: frozenset | None = None) -> tuple[tuple[str, ...], float]:
    found = _scored(countries, logit, first, flown, known)
    rules, _, ground, air, unknown = next(found)
    base = utility(model, 0.0, ground, air, unknown)
    best, best_utility = rules, -math.inf
    for order, pair_score, ground, air, unknown in found:
        value = utility(model, pair_score, ground, air, unknown)
        if value > best_utility + 1e-12:
            best, best_utility = order, value
    margin = best_utility - base
    return (best if margin > model.margin else rules), margin


def told_in_order(case: Case) -> bool:
    """The rules' order is the order in which the text first and last tells each country: the stage leaves it
    (``told_in_order_of``; the rules followed the text, and held out the stage fixed as many such rows as it broke)."""
    first, last = _INDEX["text_first"], _INDEX["text_last"]
    return all(x[first] > 0 and x[last] > 0 for x in case.pairs.values())


def decide(case: Case, model: Model) -> tuple[tuple[str, ...], float | None]:
    """The order to use and the margin of the best other candidate over the rules' order in utility (negative: the
    rules' order is the most likely one; None: told in order, not reviewed). The rules' order unless the best other
    beats it by more than ``model.margin``."""
    if told_in_order(case) or len(case.countries) > model.max_countries:
        return case.countries, None
    return _best(case.countries, case_logits(case, model.weights, model.words), case.first, case.flown, model,
                 case.known)


def told_in_order_of(states, countries: tuple[str, ...]) -> bool:
    """``told_in_order`` from the mention states, before any feature is computed: each country's first and last
    travelled mention (all its mentions when none is travelled) come in the rules' order (one pass over the
    mentions; most records are told in order, and this keeps the stage's cost small)."""
    position = {c: k for k, c in enumerate(countries)}
    first: dict[str, int] = {}
    last: dict[str, int] = {}
    first_any: dict[str, int] = {}
    last_any: dict[str, int] = {}
    for state in states:
        iso3 = state.mention.place.iso3
        if iso3 in position:
            start = state.mention.start
            if state.excluded:
                if iso3 not in first_any:
                    first_any[iso3] = start
                last_any[iso3] = start
            else:
                if iso3 not in first:
                    first[iso3] = start
                last[iso3] = start
    previous_first = previous_last = -1
    for country in countries:
        f = first.get(country, first_any.get(country))
        if f is None or f <= previous_first:
            return False
        l = last.get(country, last_any.get(country))
        if l <= previous_last:   # type: ignore[operator]  # a country with a first mention has a last one
            return False
        previous_first, previous_last = f, l   # type: ignore[assignment]
    return True


@lru_cache(maxsize=4096)
def _legs(countries: tuple[str, ...], flown: frozenset, ground_weight: float, flight_weight: float,
          known: frozenset | None = None, unknown_weight: float | None = None
          ) -> tuple[list[list[float]], list[float], float]:
    """The weighted km (utility units) of every leg between the route's countries and NLD, ``cost[a][b]`` by the
    mode reaching b (flown, told over land or sea, or not told: ``known``), the rules' order's legs and their sum
    (cached: routes recur, corridors are few)."""
    n = len(countries)
    nodes = (*countries, NETHERLANDS)
    unknown_weight = ground_weight if unknown_weight is None else unknown_weight
    per_km = [(flight_weight if node in flown else ground_weight if known is None or node in known
               else unknown_weight) / 1000.0 for node in nodes]
    cost = [[per_km[b] * _km(nodes[a], nodes[b]) if a != b else 0.0 for b in range(n + 1)] for a in range(n)]
    legs = [cost[k][k + 1] for k in range(n)]
    return cost, legs, sum(legs)


@lru_cache(maxsize=4096)
def _journey_gain(countries: tuple[str, ...], flown: frozenset, ground_weight: float, flight_weight: float,
                  known: frozenset | None = None, unknown_weight: float | None = None) -> float:
    """The most any single move of the rules' order can shorten its weighted journey (a bound for the text order
    too: that is checked apart). Route geometry only, so cached per route."""
    cost, legs, _ = _legs(countries, flown, ground_weight, flight_weight, known, unknown_weight)
    n = len(countries)
    best = 0.0
    for i in range(n):
        removed = -legs[i] + (cost[i - 1][i + 1] - legs[i - 1] if i else 0.0)
        for j in range(n):
            if j == i:
                continue
            after = j + 1 if j >= i else j
            added = cost[i][after]
            if j:
                before = j if j > i else j - 1
                added += cost[before][i] - cost[before][after]
            best = max(best, -(removed + added))
    return best


def _fast_best(countries: tuple[str, ...], logit: list[list[float]], by_text: tuple[str, ...], flown: frozenset,
               model: Model, known: frozenset | None = None) -> tuple[tuple[str, ...], float]:
    """``_best`` with each single move's change worked out in O(1) from the rules' order (the pairs it passes, the
    legs it removes and adds) instead of scoring every candidate afresh: what the extractor runs. ``logit[i][j]``
    (i < j): the log odds of countries[i] before countries[j]."""
    n = len(countries)
    scale = model.pair_scale
    leg_weights = (flown, model.ground_weight, model.flight_weight, known, model.unknown_weight)
    cost, legs, rules_journey = _legs(countries, *leg_weights)
    # no move can gain more than every pair it turns round (the negative log odds) plus the most a move saves of
    # the journey: when that cannot beat the margin, only the text order is scored (most reviewed records)
    turned = 0.0
    for i in range(n - 1):
        for z in logit[i][i + 1:]:
            if z < 0:
                turned -= z
    move_bound = scale * turned + _journey_gain(countries, *leg_weights)
    moves_bounded = move_bound <= model.margin
    best_gain, best, best_move = -math.inf, countries, None
    if by_text != countries:
        position = {c: k for k, c in enumerate(countries)}
        order = [position[c] for c in by_text]
        pairs = 0.0
        for i, a in enumerate(order):
            for b in order[i + 1:]:
                if a > b:
                    pairs -= logit[b][a]
        journey = sum(cost[a][b] for a, b in zip(order, (*order[1:], n)))
        best_gain, best = scale * pairs - (journey - rules_journey), by_text
    for i in range(0 if not moves_bounded else n, n):
        removed = -legs[i]
        if i:
            removed += cost[i - 1][i + 1] - legs[i - 1]
        from_moved = cost[i]
        # later places: passing countries i + 1 .. j (others' nodes j + 1 after, j before)
        running = 0.0
        row = logit[i]
        for j in range(i + 1, n):
            running -= row[j]
            added = from_moved[j + 1] + cost[j][i] - cost[j][j + 1]
            gain = scale * running - (removed + added)
            if gain > best_gain + 1e-12:
                best_gain, best_move = gain, (i, j)
        # earlier places: passing countries j .. i - 1 (j = i - 1 is the swap already counted from i - 1)
        running = -logit[i - 1][i] if i else 0.0
        for j in range(i - 2, -1, -1):
            running -= logit[j][i]
            added = from_moved[j]
            if j:
                added += cost[j - 1][i] - cost[j - 1][j]
            gain = scale * running - (removed + added)
            if gain > best_gain + 1e-12:
                best_gain, best_move = gain, (i, j)
    if moves_bounded:
        best_gain = max(best_gain, move_bound)   # reported: at most the margin (an upper bound below it)
    if best_move is not None:
        i, j = best_move
        rest_countries = countries[:i] + countries[i + 1:]
        best = rest_countries[:j] + (countries[i],) + rest_countries[j:]
    return (best if best_gain > model.margin else countries), best_gain


class _Compiled(NamedTuple):
    """A model's weights arranged for ``fast_logits`` (the same sums as w . x, without building x)."""

    own: tuple[float, ...]       # per country: flags (``_FLAGS`` and the four after them), mentions, flown, excluded
    rules: float
    text_first: float
    text_last: float
    adjacent: float
    first_country: float
    first_far: float
    last_far: float
    from_link: float
    farther: float
    farther_disagree: float
    farther_flown: float
    kinds: tuple[tuple[float, float], ...]
    dutch: tuple[float, float]


@lru_cache(maxsize=8)
def _compiled(weights: tuple[float, ...]) -> _Compiled:
    w = dict(zip(PAIR_FEATURES, weights))
    own_names = (*_FLAGS, "via_destination", "flashback", "asked", "answered_start", "mentions", "flown",
                 "excluded_too")
    return _Compiled(tuple(w[name] for name in own_names), w["rules"], w["text_first"], w["text_last"],
                     w["rules_adjacent"], w["rules_first_country"], w["text_first_far"], w["text_last_far"],
                     w["from_link"], w["farther"], w["farther_rules_disagree"], w["farther_flown"],
                     tuple((w[f"rules_{kind}"], w[f"text_{kind}"]) for kind, _ in KINDS),
                     (w["rules_dutch"], w["text_dutch"]))


_LAST_PREPARED: Final[list] = [None, None, None]   # the weights last used, their ``_Compiled`` and ``_flag_sums``


def _prepared(weights: tuple[float, ...]) -> tuple[_Compiled, dict]:
    """``_compiled`` and ``_flag_sums`` of the weights: the extractor passes the stored model's one tuple every time,
    and checking it is the same object costs less than the lru caches' hash of its 42 floats (3 hashes a record)."""
    last = _LAST_PREPARED
    if last[0] is not weights:
        last[:] = [weights, _compiled(weights), _flag_sums(weights)]
    return last[1], last[2]


class _Told(NamedTuple):
    """Per route country (rules' order): what ``fast_logits`` reads, worked out from the mention states at once."""

    first: list[int]
    last: list[int]
    sentence: list[int]
    own: list[float]     # the weighted sum of the country's own features (flags, mentions, flown, excluded)
    plane: list[bool]
    left_in: tuple | None   # ``Country.left_in`` / ``told_in`` per country (``from_link``); None when it weighs
    told_in: tuple | None   # nothing or no country is told with a source word


def _told(states, countries: tuple[str, ...], mode_of: dict[str, str], dialogue, weights: tuple[float, ...],
          always: bool = False) -> _Told | None:
    """The countries' mentions as ``country_summaries`` sums them, each country's own features already weighted; None
    when the text tells the countries in the rules' order (``told_in_order``: nothing to review; ``always``: work
    them out all the same). One pass over the mentions: most records stop after it."""
    position = {c: k for k, c in enumerate(countries)}
    n = len(countries)
    travelled: list[list] = [[] for _ in range(n)]
    other: list[list] = [[] for _ in range(n)]
    for state in states:
        k = position.get(state.mention.place.iso3)
        if k is not None:
            (other if state.excluded else travelled)[k].append(state)
    groups = [travelled[k] or other[k] for k in range(n)]
    if not always and all(groups):
        previous_first = previous_last = -1
        for group in groups:
            first, last = group[0].mention.start, group[-1].mention.start
            if first <= previous_first or last <= previous_last:
                break
            previous_first, previous_last = first, last
        else:
            return None
    c, flag_sums = _prepared(weights)
    link = bool(c.from_link)   # the sentences ``from_link`` reads, only when it weighs
    flag_weights = c.own[:len(_FLAGS)]
    w_via, w_flashback, w_asked, w_answered, w_mentions, w_flown, w_excluded = c.own[len(_FLAGS):]
    asked: Any = getattr(dialogue, "kept", frozenset())
    answered: Any = getattr(dialogue, "starts", frozenset())
    firsts, lasts, sentences, own, plane = [], [], [], [], []
    departed = False   # some country is told with a source word (a travelled mention's ``departure``)
    for k, country in enumerate(countries):
        group = groups[k]
        flown = mode_of.get(country) == "plane"
        plane.append(flown)
        if not group:
            firsts.append(_NO_COUNTRY.first)
            lasts.append(_NO_COUNTRY.last)
            sentences.append(_NO_COUNTRY.sentence_first)
            own.append(w_flown if flown else 0.0)
            continue
        head = group[0]
        firsts.append(head.mention.start)
        lasts.append(group[-1].mention.start)
        sentences.append(head.sentence)
        flags = _FLAG_VALUES(head)
        via = head.via_destination >= 0
        flashback = head.before_of >= 0 or bool(head.before_cues)
        for state in group[1:]:
            flags = tuple(map(or_, flags, _FLAG_VALUES(state)))
            via = via or state.via_destination >= 0
            flashback = flashback or state.before_of >= 0 or bool(state.before_cues)
        value = flag_sums.get(flags)
        if value is None:
            value = flag_sums[flags] = sum(w for w, on in zip(flag_weights, flags) if on)
        if flags[_DEPARTURE] and group is travelled[k]:
            departed = True
        if via:
            value += w_via
        if flashback:
            value += w_flashback
        if asked and any(s.mention.start in asked for s in travelled[k] + other[k]):
            value += w_asked
        if answered and any(s.mention.start in answered for s in travelled[k] + other[k]):
            value += w_answered
        value += w_mentions * min(len(group), 4) / 4.0
        if flown:
            value += w_flown
        if travelled[k] and other[k]:
            value += w_excluded
        own.append(value)
    if not (link and departed):   # no pair linked by a source word
        return _Told(firsts, lasts, sentences, own, plane, None, None)
    left_in, told_in = zip(*(_sentences(group) if group else ((), ()) for group in travelled))
    return _Told(firsts, lasts, sentences, own, plane, left_in, told_in)


_DEPARTURE: Final = _FLAGS.index("departure")


@lru_cache(maxsize=4096)
def _farther_matrix(countries: tuple[str, ...]) -> list[list[float]]:
    """``_farther(a, b)`` for every pair of the route's countries (cached: routes recur)."""
    return [[_farther(a, b) for b in countries] for a in countries]


@lru_cache(maxsize=8)
def _flag_sums(weights: tuple[float, ...]) -> dict:
    """Per combination of a country's flags (a tuple of ``_FLAGS`` truth values), its weighted sum: few recur."""
    return {}


def fast_logits(told: _Told, countries, genre: dict[str, float], language: str, weights: tuple[float, ...]
                ) -> list[list[float]]:
    """``logits(weights, pair_features(...))`` computed per country first (the model is linear and its flag
    features are differences, so w . x = per-pair terms + own(a) - own(b)): what the extractor runs. Returns
    ``z[i][j]`` for i < j (rules' positions)."""
    c = _prepared(weights)[0]
    rules, text = c.rules, c.text_first
    for (kind, keys), (w_rules, w_text) in zip(KINDS, c.kinds):
        if any(genre.get(key, 0.0) for key in keys):
            rules += w_rules
            text += w_text
    if language == "nl":
        rules += c.dutch[0]
        text += c.dutch[1]
    n = len(countries)
    firsts, lasts, sentences, own, plane, left_in, told_in = told
    farther_of = _farther_matrix(countries)
    text_last, adjacent, first_country = c.text_last, c.adjacent, c.first_country
    first_far, last_far = c.first_far, c.last_far
    w_link = c.from_link if left_in is not None else 0.0   # no source word told: no pair linked
    found = [[0.0] * n for _ in range(n)]
    for i in range(n):
        fa, la, sa, oa, pa = firsts[i], lasts[i], sentences[i], own[i], plane[i]
        row = found[i]
        farther_row = farther_of[i]
        for j in range(i + 1, n):
            fb, lb = firsts[j], lasts[j]
            first = 1.0 if fb > fa else -1.0 if fb < fa else 0.0
            last = 1.0 if lb > la else -1.0 if lb < la else 0.0
            z = rules + text * first + text_last * last + oa - own[j]
            if j == i + 1:
                z += adjacent
            if not i:
                z += first_country
            if w_link and (left_in[i] or left_in[j]):   # type: ignore[index]  # w_link is 0 when they are None
                z += w_link * _from_link(left_in[i], told_in[i], left_in[j], told_in[j])   # type: ignore[index]
            gap = sentences[j] - sa
            if gap:
                z += (first_far * first + last_far * last) * min(abs(gap), 8) / 8.0
            farther = farther_row[j]
            if farther:
                w_farther = c.farther
                if first < 0:
                    w_farther += c.farther_disagree
                if pa or plane[j]:
                    w_farther += c.farther_flown
                z += w_farther * farther
            row[j] = z
    return found


_HOOKS: Final = StageHooks()
# the fit's and the tests' switches (``learned.StageHooks``): ``with using(model):``, ``with recording() as rows:``,
# each row (route, ``Case``) with the route as the rules (and the stop verifier) made it
using: Final = _HOOKS.using
recording: Final = _HOOKS.recording


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
           language: str, words_of=None) -> tuple[list[str], dict[str, float]]:
    """The extractor's hook, after the stop verifier: the route in the order the stage chooses (modes follow their
    country through ``mode_of``) and its signal for the calibration, ``order_margin``: how much the best other order
    beats the rules' in utility, within [-4, 4] (above the stored margin the order switched; below it, possibly an
    upper bound). Empty when the stage is off, nothing could move, or the text tells the rules' order. ``words_of``:
    a callable giving the record's ``RecordWords``, called only for a record the stage reviews with word weights."""
    movable = len(route) - (route[-1] == NETHERLANDS if route else 0)
    if movable < 2 or movable > MAX_COUNTRIES or (NETHERLANDS in route and route[-1] != NETHERLANDS):
        return route, {}    # one country abroad: no other order; an NLD inside the route: left to the rules
    hooks = _HOOKS
    if hooks.recorder is not None:
        record = words_of() if words_of is not None else None
        hooks.recorder.append((tuple(route), case_of(states, route, mode_of, dialogue, genre, language, record)))
        return route, {}
    model = hooks.model or stored_model()
    if not model.enabled or movable > model.max_countries:
        return route, {}
    countries = tuple(route[:movable])
    told = _told(states, countries, mode_of, dialogue, model.weights)
    if told is None:   # told in the rules' order: not reviewed
        return route, {}
    logit = fast_logits(told, countries, genre, language, model.weights)
    if model.words and words_of is not None:
        words = model.words
        for (i, j), features in pair_words(words_of(), first_spans(states, countries)).items():
            if features:
                logit[i][j] += word_logit(features, words)
    by_text = _text_order(countries, dict(zip(countries, told.first)))
    airports = airport_arrivals(states)
    known = None if model.unknown_weight is None else _known(countries, mode_of, airports)   # None: as over land
    order, margin = _fast_best(countries, logit, by_text, _flown(countries, mode_of, airports), model, known)
    return list(order) + route[movable:], {"order_margin": round(max(-4.0, min(4.0, margin)), 6)}


@lru_cache(maxsize=1)
def stored_model() -> Model:
    return read_model(data_path(ORDER_FILE))


def read_model(path) -> Model:
    """The stage's file: ``enabled``, ``margin``, ``max_countries``, ``journey`` (scales), ``weights`` (by feature
    name; a missing one weighs 0)."""
    data = read_stage_file(path, OrderModelError)
    if not isinstance(data.get("weights"), dict):
        raise OrderModelError(f"{path}: weights: missing (a file written by benchmarks/text_order_fit.py)")
    values = weights_by_name(data["weights"], PAIR_FEATURES, path, "weights", OrderModelError)
    margin = number(data, "margin", 0.0, path, OrderModelError)
    journey = data.get("journey") or {}
    if not isinstance(journey, dict):
        raise OrderModelError(f"{path}: journey: not a mapping (pair_scale, ground_weight, flight_weight)")
    scales = tuple(number(journey, key, default, path, OrderModelError, f"journey.{key}")
                   for key, default in (("pair_scale", 1.0), ("ground_weight", 0.0), ("flight_weight", 0.0)))
    unknown = (number(journey, "unknown_weight", 0.0, path, OrderModelError, "journey.unknown_weight")
               if journey.get("unknown_weight") is not None else None)   # absent: a leg of no told mode as over land
    longest = whole_number(data, "max_countries", MAX_COUNTRIES, path, OrderModelError)
    pair_scale, ground_weight, flight_weight = scales
    return Model(bool(data.get("enabled", False)), values, margin, pair_scale, ground_weight, flight_weight,
                 min(longest, MAX_COUNTRIES),
                 read_words(data, path), unknown)


def read_words(data: dict, path) -> dict[str, float] | None:
    """The stored word features' weights (``pre:``/``span:``/``start:`` and a word, ``learned.read_word_weights``);
    None when there are none."""
    return read_word_weights(data, path, "words", WORD_KINDS, OrderModelError, data.get("fitted")) or None


_HEADER: Final = ("# The learned order stage of routekit.text (order_model.py): P(a before b) = logistic(sum of weight x\n"
           "# feature) over an antisymmetric pair description (no intercept, no word of the text); a candidate order\n"
           "# scores pair_scale x (sum of log P over its pairs) - ground_weight x (1,000 km told over land or sea) -\n"
           "# flight_weight x (1,000 km flown or into an airport) - unknown_weight x (1,000 km of no told mode), through\n"
           "# the countries' centroids, and replaces the rules' order only\n"
           "# when it beats it by more than 'margin'. Fitted on blind-written training sets the rules were never tuned on\n"
           "# by benchmarks/text_order_fit.py --write, which prints the held-out evaluation (see 'fitted').\n")


def write_model(path: Path, model: Model, fitted: dict) -> None:
    """Store a fit and how it was made (``fitted``: sets, ridge, held-out figures)."""
    data = {"enabled": bool(model.enabled), "margin": round(float(model.margin), 6),
            "max_countries": int(model.max_countries),
            "journey": {"pair_scale": round(float(model.pair_scale), 6),
                        "ground_weight": round(float(model.ground_weight), 6),
                        "flight_weight": round(float(model.flight_weight), 6),
                        **({} if model.unknown_weight is None
                           else {"unknown_weight": round(float(model.unknown_weight), 6)})},
            "fitted": fitted,
            "weights": named_weights(model.weights, PAIR_FEATURES)}
    if model.words:
        data["words"] = words_entry(model.words)
    write_stage_file(path, _HEADER, data)
