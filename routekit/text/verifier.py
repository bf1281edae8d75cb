"""A learned second stage that checks the rules' stops (issue 15).

The rules decide, per country named in a record, whether it is a stop. On a new writer's records they are wrong
in a few recurring ways (a country named but not travelled kept as a stop, an origin dropped), and rules tuned on
rows carry that over badly. This stage looks at the rules' own decisions and asks, per candidate country, "is it
in the gold route?":

- a KEPT candidate is a country the rules put in the route (the final NLD, a convention, is never a candidate);
- a DROPPED candidate is a country named in the record that the rules left out (every mention excluded - denied,
  another person's, a document's, an intention - or only a nationality).

Its features (``FEATURE_NAMES``, ``candidates``) are what the rules already computed - the flags of the candidate's
mentions, where they stand in the text, its place in the rule route, the record's genre and language - never a word
of the text, so that what is learnt carries over to another writer. Two ridge logistic regressions (one for kept,
one for dropped candidates) are data in ``routekit/reference/gazetteer/verifier.yaml``, fitted by
``benchmarks/text_verifier_fit.py`` on labelled sets the rules were never tuned on. A kept candidate is removed only
when p(in gold) < ``thresholds.remove``, a dropped one added only when p > ``thresholds.add``; the route never loses
NLD and never falls below two countries. With ``enabled: false`` the rules' route passes unchanged.
"""

from __future__ import annotations

import math
from operator import attrgetter, mul
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

from routekit.errors import RoutekitError
from routekit.text.context_words import ANY, AFTER, BEFORE, RecordWords, mention_words, plain
from routekit.text.gazetteer import data_path
from routekit.text.learned import (StageHooks, coefficients_entry, coefficients, number, read_stage_file,
                                   read_word_weights, words_entry, write_stage_file)
from routekit.text.timeline import neighbours

VERIFIER_FILE = "verifier.yaml"
NETHERLANDS = "NLD"


class VerifierError(RoutekitError):
    """A verifier file that cannot be read (no model, a weight for a feature the stage lacks)."""


# why a mention is not travelled (``_MentionState.excluded``), grouped into a few kinds that every writer's records show
_EXCLUSION_KIND = {
    "negation": "ex_negation", "intention": "ex_intention", "relatives": "ex_person", "person": "ex_person",
    "document": "ex_document", "return": "ex_return", "seen": "ex_unreal", "conditional": "ex_unreal",
    "regulation": "ex_unreal", "guess": "ex_unreal",
}
# the flags of ``_MentionState`` a candidate reads (true for any of its travelled mentions)
_FLAGS = ("home", "strong_home", "departure", "start", "residence", "via", "transit", "before", "first",
          "journey_start")
# the record's genre (``calibration.genre_counts``), 0/1 each
_GENRES = ("transcript", "police", "border_guard", "summary", "letter_words", "correction_words", "translated",
           "quotes")

FEATURE_NAMES: tuple[str, ...] = (
    # the candidate's mentions
    "mentions", "excluded_share", "ex_negation", "ex_intention", "ex_person", "ex_document", "ex_return", "ex_unreal",
    "ex_other", *_FLAGS, "first_position", "last_position", "place_only", "fuzzy_only", "asked", "answered_start",
    # its place in the rule route (kept candidates only)
    "route_first", "route_last", "mode_told", "flown", "legs",
    # geography (land borders, ``neighbours.csv``): a stop usually borders the stops around it unless flown
    "borders_previous", "borders_next", "borders_route", "bridges",
    # its sentences: only after the Netherlands was named, beside another country's excluded or home mention, alone
    "after_netherlands", "near_excluded", "near_home", "alone",
    # a stop no cue, no mode and no border supports (kept): the rules' weakest kind of stop
    "bare", "bare_far",
    # the record
    *_GENRES, "length", "dutch", "dialogue", "other_homes",
)
_INDEX = {name: i for i, name in enumerate(FEATURE_NAMES)}
_NONE: frozenset = frozenset()
# the features' positions, looked up once (the stage runs on every record)
_I = _INDEX
_EXCLUSION_INDEX = {reason: _I[kind] for reason, kind in _EXCLUSION_KIND.items()}
_EX_OTHER = _I["ex_other"]
_FLAG_INDEX = tuple(_I[name] for name in _FLAGS)
_flags_of = attrgetter(*_FLAGS)
_GENRE_INDEX = tuple((_I[name], name) for name in _GENRES)
(_MENTIONS, _EXCLUDED_SHARE, _FIRST_POSITION, _LAST_POSITION, _PLACE_ONLY, _FUZZY_ONLY, _ASKED, _ANSWERED,
 _OTHER_HOMES, _AFTER_NETHERLANDS, _NEAR_EXCLUDED, _NEAR_HOME, _ALONE, _ROUTE_FIRST, _ROUTE_LAST, _MODE_TOLD, _FLOWN,
 _BORDERS_PREVIOUS, _BORDERS_NEXT, _BORDERS_ROUTE, _BRIDGES, _BARE, _BARE_FAR) = (_I[name] for name in (
    "mentions", "excluded_share", "first_position", "last_position", "place_only", "fuzzy_only", "asked",
    "answered_start", "other_homes", "after_netherlands", "near_excluded", "near_home", "alone", "route_first",
    "route_last", "mode_told", "flown", "borders_previous", "borders_next", "borders_route", "bridges", "bare",
    "bare_far"))


class Candidate(NamedTuple):
    """One country the rules decided on: kept in the route or dropped, where it is first named, its features."""

    iso3: str
    kept: bool
    first_offset: int
    values: tuple[float, ...]
    words: frozenset = frozenset()   # the window words of its mentions (``context_words``), pooled; empty unless asked


def candidates(states, route: list[str], mode_of: dict[str, str], dialogue, genre: dict[str, float],
               language: str, text_length: int, kept_only: bool = False,
               words: RecordWords | None = None) -> list[Candidate]:
    """The rules' candidate decisions in one record with their features (shared with any later learned stage).

    ``states``: the rules' ``_MentionState`` per mention, in text order; ``route``: the rule route; ``dialogue``: the
    ``DialogueReading`` (questions kept, answers that are starts); ``genre``: ``calibration.genre_counts``;
    ``kept_only``: only the countries of the route (what a removal needs); ``words``: the record's tokens
    (``context_words.record_words``) when the candidates' window words are wanted."""
    by_country: dict[str, list] = {}
    netherlands = -1                       # the offset of the first mention of the Netherlands
    countries_in: dict[int, set[str]] = {}   # per sentence: the countries named, excluded, as a home
    excluded_in: dict[int, set[str]] = {}
    home_in: dict[int, set[str]] = {}
    homes = set()
    for state in states:
        iso3 = state.mention.place.iso3
        sentence = state.sentence
        countries_in.setdefault(sentence, set()).add(iso3)
        if state.excluded:
            excluded_in.setdefault(sentence, set()).add(iso3)
        elif state.home:
            home_in.setdefault(sentence, set()).add(iso3)
            homes.add(iso3)
        if iso3 != NETHERLANDS:
            by_country.setdefault(iso3, []).append(state)
        elif netherlands < 0:
            netherlands = state.mention.start
    if not by_country:
        return []
    length = float(max(text_length, 1))
    borders = neighbours()
    in_route = {country: position for position, country in enumerate(route)}
    abroad = [c for c in route if c != NETHERLANDS]
    last_abroad = abroad[-1] if abroad else None
    record = [0.0] * len(FEATURE_NAMES)
    for index, name in _GENRE_INDEX:
        record[index] = float(genre.get(name, 0.0))
    record[_I["length"]] = float(genre.get("length", 0.0))
    record[_I["dutch"]] = float(language == "nl")
    record[_I["dialogue"]] = float(getattr(dialogue, "turns", 0) > 0)
    record[_I["legs"]] = min(max(len(route) - 1, 0), 8) / 8.0
    asked = getattr(dialogue, "kept", _NONE)
    answered = getattr(dialogue, "starts", _NONE)
    found = []
    for iso3, group in by_country.items():
        kept = iso3 in in_route
        if kept_only and not kept:
            continue
        values = record.copy()
        excluded = 0
        place_only = fuzzy_only = True
        flagged = False
        sentences = set()
        for state in group:
            mention = state.mention
            sentences.add(state.sentence)
            if state.excluded:
                excluded += 1
                values[_EXCLUSION_INDEX.get(state.excluded, _EX_OTHER)] = 1.0
            else:
                flags = _flags_of(state)
                if any(flags):
                    flagged = True
                    for index, on in zip(_FLAG_INDEX, flags):
                        if on:
                            values[index] = 1.0
            if mention.place.kind == "country":
                place_only = False
            if not mention.fuzzy:
                fuzzy_only = False
            if mention.start in asked:
                values[_ASKED] = 1.0
            if mention.start in answered:
                values[_ANSWERED] = 1.0
        first = group[0].mention.start
        values[_MENTIONS] = min(len(group), 4) / 4.0
        values[_EXCLUDED_SHARE] = excluded / len(group)
        values[_FIRST_POSITION] = first / length
        values[_LAST_POSITION] = group[-1].mention.start / length
        values[_PLACE_ONLY] = float(place_only)
        values[_FUZZY_ONLY] = float(fuzzy_only)
        values[_OTHER_HOMES] = float(bool(homes) and not homes <= {iso3})
        values[_AFTER_NETHERLANDS] = float(0 <= netherlands < first)
        if excluded_in:
            values[_NEAR_EXCLUDED] = float(any(excluded_in.get(n, _NONE) - {iso3} for n in sentences))
        if home_in:
            values[_NEAR_HOME] = float(any(home_in.get(n, _NONE) - {iso3} for n in sentences))
        itself = {iso3, NETHERLANDS}
        values[_ALONE] = float(all(countries_in[n] <= itself for n in sentences))
        near = borders.get(iso3, _NONE)
        if kept:
            position = in_route[iso3]
            previous = route[position - 1] if position else None
            following = route[position + 1] if position + 1 < len(route) else None
            mode = mode_of.get(iso3, "unknown")
            values[_ROUTE_FIRST] = float(position == 0)
            values[_ROUTE_LAST] = float(iso3 == last_abroad)
            values[_MODE_TOLD] = float(mode != "unknown")
            values[_FLOWN] = float(mode == "plane")
            values[_BORDERS_PREVIOUS] = float(previous in near)
            values[_BORDERS_NEXT] = float(following in near)
            values[_BORDERS_ROUTE] = float(not near.isdisjoint(route))   # no country borders itself
            values[_BRIDGES] = float(previous in near and following in near
                                     and following not in borders.get(previous, _NONE))
            if mode == "unknown" and not flagged:
                values[_BARE] = 1.0
                values[_BARE_FAR] = 1.0 - values[_BORDERS_ROUTE]
        else:
            values[_BORDERS_ROUTE] = float(not near.isdisjoint(route))
            values[_BRIDGES] = float(any(a in near and b in near and b not in borders.get(a, _NONE)
                                         for a, b in zip(route, route[1:])))
        if words is not None:
            window: set[str] = set()
            for state in group:
                mention_words(words, state.mention.start, state.mention.end, window)
            found.append(Candidate(iso3, kept, first, tuple(values), frozenset(window)))
        else:
            found.append(Candidate(iso3, kept, first, tuple(values)))
    return found


_NO_WORDS: dict[str, float] = {}


class Model(NamedTuple):
    """The stored stage: on/off, the two regressions (intercept, weights in ``FEATURE_NAMES`` order), thresholds, and
    each regression's weights of window words (``context_words`` features; none: the stage reads no word)."""

    enabled: bool
    keep: tuple[float, tuple[float, ...]]
    add: tuple[float, tuple[float, ...]]
    remove_below: float
    add_above: float
    keep_words: dict[str, float] = _NO_WORDS
    add_words: dict[str, float] = _NO_WORDS

    @property
    def reads_words(self) -> bool:
        return bool(self.keep_words) or (self.add_above < 1.0 and bool(self.add_words))


def probability(coefficients: tuple[float, tuple[float, ...]], values: tuple[float, ...],
                words: frozenset = frozenset(), word_weights: dict[str, float] = _NO_WORDS) -> float:
    """p(in gold) of one candidate: a dot product over a few floats, plus the weights of its window words."""
    intercept, weights = coefficients
    return _logistic(intercept + sum(map(mul, weights, values)) + _word_score(words, word_weights))


def _word_score(words: frozenset, weights: dict[str, float]) -> float:
    if not weights or not words:
        return 0.0
    get = weights.get
    return sum(get(word, 0.0) for word in words)


def removal_words(candidate: Candidate, weights: dict[str, float], most: int = 3) -> tuple[str, ...]:
    """The words that pushed a removed candidate out (the most negative weights among its window words), for an
    analyst: plain words, strongest first."""
    pushing = sorted((weights[w], w) for w in candidate.words if weights.get(w, 0.0) < 0.0)
    seen: list[str] = []
    for _, feature in pushing:
        word = plain(feature)
        if word not in seen:
            seen.append(word)
    return tuple(seen[:most])


def _first(pair):
    return pair[0]


def _logistic(score: float) -> float:
    return 1.0 / (1.0 + math.exp(-score)) if score > -700 else 0.0


def _logit(p: float) -> float:
    """The score at which p(in gold) = p; -inf for p <= 0 (never), +inf for p >= 1 (always)."""
    if p <= 0.0:
        return -math.inf
    if p >= 1.0:
        return math.inf
    return math.log(p / (1.0 - p))


def decide(route: list[str], found: list[Candidate], model: Model, removed: list | None = None
           ) -> tuple[list[str], int, float]:
    """The route after the confident flips, the number of flips and the lowest p of a kept candidate (1.0 if none).

    A kept candidate goes when p < ``remove_below`` (lowest p first) while the route keeps two countries; a dropped
    one comes back when p > ``add_above``, before the first route country first named after it (NLD stays last).
    ``removed``: a list to receive the removed candidates (their reasons)."""
    intercept, weights = model.keep
    keep_words = model.keep_words
    # scores, not probabilities: p < t is score < logit(t), and only the lowest needs its probability
    kept = sorted(((intercept + sum(map(mul, weights, c.values)) + _word_score(c.words, keep_words), c)
                   for c in found if c.kept), key=_first)
    lowest = _logistic(kept[0][0]) if kept else 1.0
    below = _logit(model.remove_below)
    new = list(route)
    flips = 0
    for score, candidate in kept:
        if score >= below or len(new) <= 2:
            break
        new.remove(candidate.iso3)
        flips += 1
        if removed is not None:
            removed.append(candidate)
    if model.add_above < 1.0:
        first_offset = {c.iso3: c.first_offset for c in found}
        for candidate in sorted((c for c in found if not c.kept), key=lambda c: c.first_offset):
            if probability(model.add, candidate.values, candidate.words, model.add_words) <= model.add_above:
                continue
            position = next((i for i, country in enumerate(new) if country == NETHERLANDS
                             or first_offset.get(country, -1) > candidate.first_offset), len(new))
            new.insert(position, candidate.iso3)
            flips += 1
    return new, flips, lowest


_HOOKS = StageHooks()
# the fit's and the tests' switches (``learned.StageHooks``): ``with using(model):``, ``with recording() as rows:``,
# each row (rule route, candidates)
using = _HOOKS.using
recording = _HOOKS.recording


def review(route: list[str], states, mode_of: dict[str, str], dialogue, genre: dict[str, float], language: str,
           text_length: int, words_of=None) -> tuple[list[str], dict[str, float], tuple[str, ...]]:
    """The extractor's hook: the route after the stage, the stage's signal for the calibration -
    ``verifier_flips`` (countries removed or added) and ``verifier_doubt`` (1 - the lowest p of a kept country; 0 for
    a route of two countries, which nothing may shorten), empty when the stage is off - and the review reasons of its
    removals ("verifier removed TUR: words near it: 'chauffeur', 'kenteken'"). ``words_of`` gives the text's window
    words (``context_words.shared_record_words``, shared with the order stage); it is called only when the stored
    model weighs words and there is something to decide."""
    hooks = _HOOKS
    if hooks.recorder is not None:
        words = words_of() if words_of is not None else None
        hooks.recorder.append((tuple(route), candidates(states, route, mode_of, dialogue, genre, language,
                                                        text_length, words=words)))
        return route, {}, ()
    model = hooks.model or stored_model()
    if not model.enabled:
        return route, {}, ()
    adds = model.add_above < 1.0
    if len(route) <= 2 and not (adds and any(state.mention.place.iso3 not in route
                                             and state.mention.place.iso3 != NETHERLANDS for state in states)):
        return route, {}, ()   # nothing could change: a removal would leave one country, and nothing may be added
    words = words_of() if words_of is not None and model.reads_words else None
    found = candidates(states, route, mode_of, dialogue, genre, language, text_length, kept_only=not adds,
                       words=words)
    removed: list[Candidate] = []
    new, flips, lowest = decide(route, found, model, removed)
    notes = tuple(_removal_note(candidate, model.keep_words) for candidate in removed)
    return new, {"verifier_flips": float(flips), "verifier_doubt": 1.0 - lowest}, notes


def _removal_note(candidate: Candidate, weights: dict[str, float]) -> str:
    """A removal as the review sheet says it: the country and the words that drove it (if words weighed)."""
    words = removal_words(candidate, weights)
    if not words:
        return f"verifier removed {candidate.iso3}: the rules' signals"
    return f"verifier removed {candidate.iso3}: words near it: " + ", ".join(f"'{w}'" for w in words)


@lru_cache(maxsize=1)
def stored_model() -> Model:
    return read_model(data_path(VERIFIER_FILE))


_WRITER = "benchmarks/text_verifier_fit.py"


def read_model(path) -> Model:
    """The stage's file: ``enabled``, ``keep`` and ``add`` (intercept, weights by feature), ``thresholds``."""
    data = read_stage_file(path, VerifierError)
    thresholds = data.get("thresholds") or {}
    if not isinstance(thresholds, dict):
        raise VerifierError(f"{path}: thresholds: not a mapping (remove, add)")
    keep = coefficients(data, "keep", FEATURE_NAMES, path, VerifierError, _WRITER)
    add = coefficients(data, "add", FEATURE_NAMES, path, VerifierError, _WRITER)
    return Model(bool(data.get("enabled", False)), keep, add,
                 number(thresholds, "remove", 0.0, path, VerifierError, "thresholds.remove"),
                 number(thresholds, "add", 1.0, path, VerifierError, "thresholds.add"),
                 *(read_word_weights(data[part], path, f"{part}.words", (ANY, BEFORE, AFTER), VerifierError,
                                     data.get("fitted")) for part in ("keep", "add")))


_HEADER = ("# The learned second stage of routekit.text (verifier.py): p(a candidate country is in the gold route) =\n"
           "# logistic(intercept + sum of weight x feature), 'keep' for the countries the rules put in the route,\n"
           "# 'add' for those they left out; 'words': the weight of a word near a mention of it (w= within 4 words, b= right\n"
           "# before, a= right after; context_words.py). A kept country is removed when p < thresholds.remove, a dropped one added\n"
           "# when p > thresholds.add. A word is stored only when seen in >= K distinct records of >= 2 training groups\n"
           "# (fitted.word_floor, checked on read); a token with a digit reads <num>, never a word.\n"
           "# Written by benchmarks/text_verifier_fit.py --write (see 'fitted').\n")


def write_model(path: Path, model: Model, fitted: dict) -> None:
    """Store a fit and how it was made (``fitted``: sets, ridge, held-out figures)."""
    data = {"enabled": bool(model.enabled), "fitted": fitted,
            "thresholds": {"remove": float(model.remove_below), "add": float(model.add_above)},
            "keep": {**coefficients_entry(model.keep, FEATURE_NAMES), "words": words_entry(model.keep_words)},
            "add": {**coefficients_entry(model.add, FEATURE_NAMES), "words": words_entry(model.add_words)}}
    write_stage_file(path, _HEADER, data)
