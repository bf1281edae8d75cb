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
from itertools import repeat
from pathlib import Path
from typing import Final, NamedTuple

from routekit.errors import RoutekitError
from routekit.text.context_words import ANY, AFTER, BEFORE, RecordWords, mention_words, plain
from routekit.text.gazetteer import data_path
from routekit.text.learned import (StageHooks, coefficients_entry, coefficients, number, read_stage_file,
                                   read_word_weights, words_entry, write_stage_file)
from routekit.text.timeline import neighbours

VERIFIER_FILE: Final = "verifier.yaml"
NETHERLANDS: Final = "NLD"


class VerifierError(RoutekitError):
    """A verifier file that cannot be read (no model, a weight for a feature the stage lacks)."""


# why a mention is not travelled (``_MentionState.excluded``), grouped into a few kinds that every writer's records show
_EXCLUSION_KIND: Final = {
    "negation": "ex_negation", "intention": "ex_intention", "relatives": "ex_person", "person": "ex_person",
    "document": "ex_document", "return": "ex_return", "seen": "ex_unreal", "conditional": "ex_unreal",
    "regulation": "ex_unreal", "guess": "ex_unreal",
}
# the flags of ``_MentionState`` a candidate reads (true for any of its travelled mentions)
_FLAGS: Final = ("home", "strong_home", "departure", "start", "residence", "via", "transit", "before", "first",
          "journey_start")
# the record's genre (``calibration.genre_counts``), 0/1 each
_GENRES: Final = ("transcript", "police", "border_guard", "summary", "letter_words", "correction_words", "translated",
           "quotes")
# the kinds of record a gate (``Model.gate``) names: a genre above, or "plain" (a record with none of them, the demo
# generator's and most plain sets' narratives)
PLAIN: Final = "plain"
GATE_KINDS: Final = (*_GENRES, PLAIN)


TRANSCRIPT: Final = "transcript"


@lru_cache(maxsize=1)
def interview_turns() -> int:
    """The turns that make a transcript an interview record (``document.yaml`` ``dialogue.record_turns``): a shorter
    one ("Q: How did you travel here? A: <the whole story>") is a narrative with a label, not a record of turns."""
    from routekit.text.dialogue import record_turns

    turns = record_turns()
    return turns if turns is not None else 3


def question_turns(folded: str) -> int:
    """The question labels of a folded text (``timeline.question_label_ends``): the turns, for a caller that has the
    text but no ``DialogueReading``."""
    from routekit.text.timeline import question_label_ends

    return len(question_label_ends(folded))


def record_kinds(genre: dict[str, float], turns: int | None = None) -> frozenset:
    """The kinds of a record (``GATE_KINDS``) from ``calibration.genre_counts``: its genres, or "plain". A transcript
    of fewer than ``interview_turns`` turns (``turns``: its question/answer turns, when known) is no transcript kind:
    the kind stands for interview records, whose turns the stage reads (``turns`` None: not checked)."""
    found = frozenset(name for name in _GENRES if genre.get(name))
    if turns is not None and turns < interview_turns() and TRANSCRIPT in found:
        return found - {TRANSCRIPT}   # nothing when that was its only genre: not a plain narrative either
    return found or frozenset((PLAIN,))


def in_gate(gate: frozenset | None, genre: dict[str, float], turns: int | None = None) -> bool:
    """Whether the stage looks at a record of this genre (``Model.gate``; None: every record), its kinds as
    ``record_kinds`` gives them. A few dict look-ups: what a gated-out record costs."""
    if gate is None:
        return True
    get = genre.get
    told = False
    for name in _GENRES:
        if get(name):
            if name in gate and not (name == TRANSCRIPT and turns is not None and turns < interview_turns()):
                return True
            told = True
    return not told and PLAIN in gate


FEATURE_NAMES: Final[tuple[str, ...]] = (
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
    # where the journey starts: another country told as a start or a residence (a home named beside it is
    # then more likely a nationality); the next route country told as passed 'via' (kept; then the journey starts
    # before it: a home named first is the start, "Afkomstig uit Iran. Via Dubai naar Nederland.")
    "other_start", "next_via",
)
_INDEX: Final = {name: i for i, name in enumerate(FEATURE_NAMES)}
_NONE: Final[frozenset] = frozenset()
# the features' positions, looked up once (the stage runs on every record)
_I: Final = _INDEX
_EXCLUSION_INDEX: Final = {reason: _I[kind] for reason, kind in _EXCLUSION_KIND.items()}
_EX_OTHER: Final = _I["ex_other"]
_HOME: Final = _I["home"]
_FLAG_INDEX: Final = tuple(_I[name] for name in _FLAGS)
_flags_of: Final = attrgetter(*_FLAGS)
# where a journey is told to begin: a start cue or a residence ("woonde in"), not a leg's departure ("vanuit X")
_starts_of: Final = attrgetter("start", "residence", "journey_start")
_GENRE_INDEX: Final = tuple((_I[name], name) for name in _GENRES)
# the feature vector's indices the scoring reads by name (one Final each: a C static under mypyc)
_MENTIONS: Final = _I["mentions"]
_EXCLUDED_SHARE: Final = _I["excluded_share"]
_FIRST_POSITION: Final = _I["first_position"]
_LAST_POSITION: Final = _I["last_position"]
_PLACE_ONLY: Final = _I["place_only"]
_FUZZY_ONLY: Final = _I["fuzzy_only"]
_ASKED: Final = _I["asked"]
_ANSWERED: Final = _I["answered_start"]
_OTHER_HOMES: Final = _I["other_homes"]
_AFTER_NETHERLANDS: Final = _I["after_netherlands"]
_NEAR_EXCLUDED: Final = _I["near_excluded"]
_NEAR_HOME: Final = _I["near_home"]
_ALONE: Final = _I["alone"]
_ROUTE_FIRST: Final = _I["route_first"]
_ROUTE_LAST: Final = _I["route_last"]
_MODE_TOLD: Final = _I["mode_told"]
_FLOWN: Final = _I["flown"]
_BORDERS_PREVIOUS: Final = _I["borders_previous"]
_BORDERS_NEXT: Final = _I["borders_next"]
_BORDERS_ROUTE: Final = _I["borders_route"]
_BRIDGES: Final = _I["bridges"]
_BARE: Final = _I["bare"]
_BARE_FAR: Final = _I["bare_far"]
_LENGTH: Final = _I["length"]
_DUTCH: Final = _I["dutch"]
_DIALOGUE: Final = _I["dialogue"]
_LEGS: Final = _I["legs"]
_OTHER_START: Final = _I["other_start"]
_NEXT_VIA: Final = _I["next_via"]


class Candidate(NamedTuple):
    """One country the rules decided on: kept in the route or dropped, where it is first named, its features."""

    iso3: str
    kept: bool
    first_offset: int
    values: tuple[float, ...]
    words: frozenset = frozenset()   # the window words of its mentions (``context_words``), pooled; empty unless asked
    left: bool = False   # a home of it then told left, no place named (``_MentionState.home_left``; ``keep_origin``)


class _Scan(NamedTuple):
    """What every candidate of one record reads, gathered in one pass over the mentions: the travelled and excluded
    mentions per country (NLD apart), per sentence the countries named, excluded and told as a home, the homes, the
    countries told as where a journey starts, the countries passed 'via', where the Netherlands is first named, and the
    homes then told left with no place named (``_MentionState.home_left``)."""

    by_country: dict
    countries_in: dict
    excluded_in: dict
    home_in: dict
    homes: set
    starts: set
    vias: set
    netherlands: int
    left_homes: set


def _scan(states) -> _Scan:
    by_country: dict[str, list] = {}
    netherlands = -1                       # the offset of the first mention of the Netherlands
    countries_in: dict[int, set[str]] = {}   # per sentence: the countries named, excluded, as a home
    excluded_in: dict[int, set[str]] = {}
    home_in: dict[int, set[str]] = {}
    homes: set[str] = set()
    starts: set[str] = set()
    vias: set[str] = set()
    left_homes: set[str] = set()
    for state in states:
        iso3 = state.mention.place.iso3
        sentence = state.sentence
        countries_in.setdefault(sentence, set()).add(iso3)
        if state.excluded:
            excluded_in.setdefault(sentence, set()).add(iso3)
        else:
            if state.home:
                home_in.setdefault(sentence, set()).add(iso3)
                homes.add(iso3)
                if state.home_left:
                    left_homes.add(iso3)
            if state.via:
                vias.add(iso3)
            if any(_starts_of(state)):
                starts.add(iso3)
        if iso3 != NETHERLANDS:
            by_country.setdefault(iso3, []).append(state)
        elif netherlands < 0:
            netherlands = state.mention.start
    starts.discard(NETHERLANDS)
    return _Scan(by_country, countries_in, excluded_in, home_in, homes, starts, vias, netherlands, left_homes)


def _record_features(route, dialogue, genre: dict[str, float], language: str) -> dict[int, float]:
    """The record's own features (the same for each of its candidates), by position."""
    record = {index: float(genre.get(name, 0.0)) for index, name in _GENRE_INDEX}
    record[_LENGTH] = float(genre.get("length", 0.0))
    record[_DUTCH] = float(language == "nl")
    record[_DIALOGUE] = float(getattr(dialogue, "turns", 0) > 0)
    record[_LEGS] = min(max(len(route) - 1, 0), 8) / 8.0
    return record


def _candidate_features(iso3: str, group: list, scan: _Scan, route, in_route: dict, last_abroad, mode_of,
                        borders: dict, asked, answered, length: float) -> dict[int, float]:
    """One candidate's features beyond the record's, by position (sparse: a feature left out is 0). ``in_route``: the
    rule route's countries by position; ``length``: the text's length (at least 1)."""
    values: dict[int, float] = {}
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
    if excluded:
        values[_EXCLUDED_SHARE] = excluded / len(group)
    values[_FIRST_POSITION] = first / length
    values[_LAST_POSITION] = group[-1].mention.start / length
    if place_only:
        values[_PLACE_ONLY] = 1.0
    if fuzzy_only:
        values[_FUZZY_ONLY] = 1.0
    homes = scan.homes
    if homes and not homes <= {iso3}:
        values[_OTHER_HOMES] = 1.0
    if 0 <= scan.netherlands < first:
        values[_AFTER_NETHERLANDS] = 1.0
    excluded_in, home_in = scan.excluded_in, scan.home_in
    if excluded_in and any(excluded_in.get(n, _NONE) - {iso3} for n in sentences):
        values[_NEAR_EXCLUDED] = 1.0
    if home_in and any(home_in.get(n, _NONE) - {iso3} for n in sentences):
        values[_NEAR_HOME] = 1.0
    itself = {iso3, NETHERLANDS}
    countries_in = scan.countries_in
    if all(countries_in[n] <= itself for n in sentences):
        values[_ALONE] = 1.0
    if scan.starts and not scan.starts <= {iso3}:
        values[_OTHER_START] = 1.0
    near = borders.get(iso3, _NONE)
    if not near.isdisjoint(route):   # no country borders itself
        values[_BORDERS_ROUTE] = 1.0
    position = in_route.get(iso3)
    if position is not None:
        previous = route[position - 1] if position else None
        following = route[position + 1] if position + 1 < len(route) else None
        mode = mode_of.get(iso3, "unknown")
        if position == 0:
            values[_ROUTE_FIRST] = 1.0
        if iso3 == last_abroad:
            values[_ROUTE_LAST] = 1.0
        if mode != "unknown":
            values[_MODE_TOLD] = 1.0
            if mode == "plane":
                values[_FLOWN] = 1.0
        if previous in near:
            values[_BORDERS_PREVIOUS] = 1.0
        if following in near:
            values[_BORDERS_NEXT] = 1.0
            if previous in near and following not in borders.get(previous, _NONE):
                values[_BRIDGES] = 1.0
        if following in scan.vias:
            values[_NEXT_VIA] = 1.0
        if mode == "unknown" and not flagged:
            values[_BARE] = 1.0
            if _BORDERS_ROUTE not in values:
                values[_BARE_FAR] = 1.0
    elif any(a in near and b in near and b not in borders.get(a, _NONE) for a, b in zip(route, route[1:])):
        values[_BRIDGES] = 1.0
    return values


def _with_reached(mode_of: dict[str, str], dialogue, gone: frozenset = _NONE) -> dict[str, str]:
    """The rules' modes, with a country the turns tell as reached ("Q: When did you reach Italy? A: In May 2021",
    ``DialogueReading.reached``) or the text tells the person went to (``gone``: "daarna naar Griekenland gegaan",
    ``told_gone_to``) and no mode of its own as told ("told"): ``keep_told`` never removes it."""
    reached = getattr(dialogue, "reached", _NONE)
    if gone:
        reached = reached | gone
    if not reached:
        return mode_of
    return {**mode_of, **{c: "told" for c in reached if mode_of.get(c, "unknown") == "unknown"}}


def told_gone_to(route: list[str], states, mode_of: dict[str, str], asked: frozenset, moved_to) -> frozenset:
    """The route's countries abroad with no told mode whose travelled mention follows a destination word ("Daarna
    ben ik naar Griekenland gegaan", "After that I travelled to Spain", "arrived in Spain") before the arrival here
    ("naar Amsterdam", told after a stop abroad): the text tells the person went there on the way, so the stage reads
    them as told (``_with_reached``; ``keep_told`` never removes them) - its regression, fitted on records whose bare
    stops are often wrong, removed such plain legs of the demo's narratives. Not a question's mention (``asked``: the
    offsets of ``DialogueReading.kept``, "Did you ever go to Spain?" - the answer tells) nor one after the arrival here
    ("Na een afwijzing vertrok hij naar Denemarken"). ``moved_to(offset)``: whether a destination word stands right
    before the mention there (``extraction._moved_to``). The reference; ``_removals`` reads the same in its one pass."""
    bare = {country for country in route if country != NETHERLANDS and mode_of.get(country, "unknown") == "unknown"}
    if not bare:
        return _NONE
    told = set()
    abroad_named = False
    for state in states:
        mention = state.mention
        iso3 = mention.place.iso3
        if iso3 == NETHERLANDS:
            if abroad_named and moved_to(mention.start):
                break   # the arrival here, after the way: what the text tells after it is no leg on the way
        elif iso3 in route:
            abroad_named = True   # an arrival here told before any stop is the journey's gist ("hoe u naar NL ...")
            if iso3 in bare and iso3 not in told and not state.excluded and mention.start not in asked \
                    and moved_to(mention.start):
                told.add(iso3)
    return frozenset(told)


def candidates(states, route: list[str], mode_of: dict[str, str], dialogue, genre: dict[str, float],
               language: str, text_length: int, kept_only: bool = False,
               words: RecordWords | None = None, gone: frozenset = _NONE) -> list[Candidate]:
    """The rules' candidate decisions in one record with their features (shared with any later learned stage).

    ``states``: the rules' ``_MentionState`` per mention, in text order; ``route``: the rule route; ``dialogue``: the
    ``DialogueReading`` (questions kept, answers that are starts); ``genre``: ``calibration.genre_counts``;
    ``kept_only``: only the countries of the route (what a removal needs); ``words``: the record's tokens
    (``context_words.record_words``) when the candidates' window words are wanted; ``gone``: the countries the text
    tells the person went to (read as told, ``_with_reached``)."""
    scan = _scan(states)
    if not scan.by_country:
        return []
    mode_of = _with_reached(mode_of, dialogue, gone)
    length = float(max(text_length, 1))
    borders = neighbours()
    in_route = {country: position for position, country in enumerate(route)}
    abroad = [c for c in route if c != NETHERLANDS]
    last_abroad = abroad[-1] if abroad else None
    record = [0.0] * len(FEATURE_NAMES)
    for index, value in _record_features(route, dialogue, genre, language).items():
        record[index] = value
    asked = getattr(dialogue, "kept", _NONE)
    answered = getattr(dialogue, "starts", _NONE)
    found = []
    for iso3, group in scan.by_country.items():
        kept = iso3 in in_route
        if kept_only and not kept:
            continue
        values = record.copy()
        for index, value in _candidate_features(iso3, group, scan, route, in_route, last_abroad, mode_of, borders,
                                                asked, answered, length).items():
            values[index] = value
        first = group[0].mention.start
        left = iso3 in scan.left_homes
        if words is not None:
            window: set[str] = set()
            for state in group:
                mention_words(words, state.mention.start, state.mention.end, window)
            found.append(Candidate(iso3, kept, first, tuple(values), frozenset(window), left))
        else:
            found.append(Candidate(iso3, kept, first, tuple(values), left=left))
    return found


_NO_WORDS: Final[dict[str, float]] = {}


class Model(NamedTuple):
    """The stored stage: on/off, the two regressions (intercept, weights in ``FEATURE_NAMES`` order), thresholds, and
    each regression's weights of window words (``context_words`` features; none: the stage reads no word).

    ``word_band``: a kept country's words are weighed only when its score from the rules' signals alone lies less
    than this many log-odds above the removal cut (``logit(remove_below)``); a country further up stays without its
    words being read. Part of the model (the fit judges and chooses the thresholds with it), not an approximation of
    it: what it saves is reading the words of the many stops the rules' signals alone make certain.
    ``keep_told``: a country the rules found a mode of travel for ("met de bus naar Duitsland") is never removed
    nor scored - the text says how the person got there; held out the stage's removals of such countries were few
    and mixed - and the lowest p (``verifier_doubt``) is over the others.
    ``keep_origin``: the route's first country, told as where the person comes from (a home: "Afkomstig uit Iran"),
    is never removed nor scored when no other country is told as where the journey started (a start cue or a
    residence; a leg's "vanuit X" is not one): then the text names no other origin for the journey. The training
    writers' nationalities stated alone taught the regression to doubt every such origin, and it removed plain
    "Afkomstig uit Iran. Via Dubai naar Nederland." origins; held out on train1-10 the stage removed no such
    country. A home then told left with no place named ("I come from Iraq; I left in January 2025",
    ``_MentionState.home_left``) is such an origin even when a later country is told as left ("I left Belarus and
    went to Poland": a leg's departure; round 16, demo seeds 71, 203, 204).
    ``keep_end``: the last country of a route that does not end in the Netherlands (the rules read the record as
    written abroad, a debriefing at Lampedusa) is never removed nor scored: it is where the person is, and the
    training records, nearly all ending in the Netherlands, cannot teach the stage to judge it.
    ``gate``: the kinds of record the stage looks at (``GATE_KINDS``: genres of ``calibration.genre_counts``, or
    "plain" for a record of none); a record of no kind in it passes unchanged after a few dict look-ups. None: every
    record. Chosen by the fit per kind from the held-out counts and the demo texts (round 11: the stage helped the
    training writers' genres and removed right stops of the demo generator's narratives)."""

    enabled: bool
    keep: tuple[float, tuple[float, ...]]
    add: tuple[float, tuple[float, ...]]
    remove_below: float
    add_above: float
    keep_words: dict[str, float] = _NO_WORDS
    add_words: dict[str, float] = _NO_WORDS
    word_band: float = math.inf
    keep_told: bool = False
    keep_origin: bool = False
    keep_end: bool = False
    gate: frozenset | None = None

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


def _word_cut(model: Model) -> float:
    """The rules'-signal score below which a kept country's words are weighed (``Model.word_band``)."""
    below = _logit(model.remove_below)
    if not model.keep_words or below == -math.inf:
        return -math.inf
    return below + model.word_band if math.isfinite(model.word_band) else math.inf


def decide(route: list[str], found: list[Candidate], model: Model, removed: list | None = None
           ) -> tuple[list[str], int, float]:
    """The route after the confident flips, the number of flips and the lowest p of a kept candidate (1.0 if none).

    A kept candidate goes when p < ``remove_below`` (lowest p first) while the route keeps two countries - its words
    weigh only when the rules' signals alone leave it within ``word_band`` of the cut -; a dropped one comes back when
    p > ``add_above``, before the first route country first named after it (NLD stays last). ``removed``: a list to
    receive the removed candidates (their reasons). The full path, over every candidate's features and words: the
    fit's, and what ``review``'s short cut must equal."""
    intercept, weights = model.keep
    keep_words = model.keep_words
    word_cut = _word_cut(model)
    # scores, not probabilities: p < t is score < logit(t), and only the lowest needs its probability
    kept = []
    for c in found:
        if c.kept and not (model.keep_told and c.values[_MODE_TOLD]) and not (model.keep_origin and _told_origin(c)) \
                and not (model.keep_end and route[-1] != NETHERLANDS and c.iso3 == route[-1]):
            score = intercept + sum(map(mul, weights, c.values))
            if score < word_cut:
                score += _word_score(c.words, keep_words)
            kept.append((score, c))
    kept.sort(key=_first)
    new, flips, lowest = _remove(route, kept, _logit(model.remove_below), removed)
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


def _told_origin(candidate: Candidate) -> bool:
    """The route's first country, a home, and no other country told as a start or the home told left
    (``Model.keep_origin``)."""
    values = candidate.values
    return bool(values[_ROUTE_FIRST] and values[_HOME] and (candidate.left or not values[_OTHER_START]))


def _remove(route, kept: list, below: float, removed: list | None) -> tuple[list[str], int, float]:
    """The removals of ``kept`` ((score, candidate), lowest first): the route, the flips and the lowest p."""
    lowest = _logistic(kept[0][0]) if kept else 1.0
    new = list(route)
    flips = 0
    for score, candidate in kept:
        if score >= below or len(new) <= 2:
            break
        new.remove(candidate.iso3)
        flips += 1
        if removed is not None:
            removed.append(candidate)
    return new, flips, lowest


# The hot path's view of a candidate's mention-level 0/1 features: one bit each, OR-ed over its mentions, so that a
# record's candidates are scored in one pass over the mentions and one table look-up per candidate (``_Compiled``).
_BIT_FEATURES: Final = (*_FLAGS, "ex_negation", "ex_intention", "ex_person", "ex_document", "ex_return", "ex_unreal",
                 "ex_other", "asked", "answered_start")
_BIT: Final = {name: 1 << n for n, name in enumerate(_BIT_FEATURES)}
_FLAG_BITS: Final = sum(_BIT[name] for name in _FLAGS)
_START_BITS: Final = sum(_BIT[name] for name in ("start", "residence", "journey_start"))
_HOME_BIT: Final = _BIT["home"]
_VIA_BIT: Final = _BIT["via"]
_ASKED_BIT: Final = _BIT["asked"]
_ANSWERED_BIT: Final = _BIT["answered_start"]
_REASON_BIT: Final = {reason: _BIT[kind] for reason, kind in _EXCLUSION_KIND.items()}
_EX_OTHER_BIT: Final = _BIT["ex_other"]
_NOT_PLACE: Final = 1 << len(_BIT_FEATURES)          # a mention of the country itself (place_only is 0)
_NOT_FUZZY: Final = _NOT_PLACE << 1                  # a mention matched exactly (fuzzy_only is 0)


def _flag_mask(flags: tuple[bool, ...]) -> int:
    return sum(1 << n for n, on in enumerate(flags) if on)


# the weights the hot path adds one by one, in this order (``_Compiled.named``)
_NAMED: Final = ("mentions", "first_position", "last_position", "excluded_share", "other_homes", "after_netherlands",
          "near_excluded", "near_home", "alone", "other_start", "mode_told", "flown", "bare", "bare_far", "next_via")
# the weights of a country's place in the route (``_route_parts``), in this order
_ROUTE_NAMED: Final = ("borders_route", "route_first", "route_last", "borders_previous", "borders_next", "bridges")


class _Compiled(NamedTuple):
    """A model as the hot path reads it, made once per model (``_compiled``): the kept regression's intercept and
    weights (all, and ``_NAMED`` as a tuple to unpack), the removal cut, the words' cut, and two tables filled as
    met - a mention's flags to bits, and a candidate's OR-ed bits to the sum of their weights."""

    model: Model
    intercept: float
    weights: tuple[float, ...]
    named: tuple[float, ...]
    below: float
    word_cut: float
    masks: dict
    mask_scores: dict
    legs: tuple[float, ...]                # the weight of 'legs' times its value, by the route's legs (0..8)
    mentions: tuple[float, ...]            # the weight of 'mentions' times its value, by the mentions (0..4)
    dutch: float
    dialogue: float
    genre: tuple[tuple[str, float], ...]   # the genre features and 'length' that weigh: ``genre_counts`` key, weight
    route_weights: tuple[float, ...]       # ``_ROUTE_NAMED``'s weights
    routes: dict                           # a route -> its countries' parts (``_route_parts``), filled as met


_LAST_COMPILED: Final[list] = [None]


def _compiled(model: Model) -> _Compiled:
    last = _LAST_COMPILED[0]
    if last is not None and last.model is model:
        return last
    intercept, weights = model.keep
    made = _Compiled(model, intercept, weights, tuple(weights[_I[name]] for name in _NAMED),
                     _logit(model.remove_below), _word_cut(model), {}, {},
                     tuple(weights[_LEGS] * (legs / 8.0) for legs in range(9)),
                     tuple(weights[_MENTIONS] * (count / 4.0) for count in range(5)), weights[_DUTCH],
                     weights[_DIALOGUE],
                     tuple((name, weights[index]) for index, name in (*_GENRE_INDEX, (_LENGTH, "length"))
                           if weights[index]),
                     tuple(weights[_I[name]] for name in _ROUTE_NAMED), {})
    _LAST_COMPILED[0] = made
    return made


def _mask_score(mask: int, weights: tuple[float, ...]) -> float:
    """The weights of a candidate's mention-level 0/1 features given its OR-ed bits."""
    score = sum(weights[_I[name]] for name in _BIT_FEATURES if mask & _BIT[name])
    if not mask & _NOT_PLACE:
        score += weights[_PLACE_ONLY]
    if not mask & _NOT_FUZZY:
        score += weights[_FUZZY_ONLY]
    return score


def _others(sets: dict, sentences, iso3: str) -> bool:
    """Whether a country other than ``iso3`` is in ``sets`` (per sentence) in one of ``sentences``."""
    for n in sentences:
        there = sets.get(n)
        if there and (len(there) > 1 or iso3 not in there):
            return True
    return False


def _route_parts(compiled: "_Compiled", route: list[str]) -> dict[str, tuple[float, bool, str | None]]:
    """Per country of ``route``: the weights of the features its place in the route gives (bordering the route or
    its neighbours in it, a bridge, first, last abroad), whether it borders the route, and the country after it.
    A function of the route alone, kept per model for the routes met (routes repeat: a corridor's usual path)."""
    key = tuple(route)
    parts = compiled.routes.get(key)
    if parts is not None:
        return parts
    (w_borders_route, w_route_first, w_route_last, w_borders_previous, w_borders_next,
     w_bridges) = compiled.route_weights
    borders = neighbours()
    last_position = len(route) - 1
    last_abroad = next((c for c in reversed(route) if c != NETHERLANDS), None)
    parts = {}
    for position, iso3 in enumerate(route):
        near = borders.get(iso3, _NONE)
        touches = not near.isdisjoint(route)
        previous = route[position - 1] if position else None
        following = route[position + 1] if position < last_position else None
        part = w_borders_route if touches else 0.0
        if position == 0:
            part += w_route_first
        if iso3 == last_abroad:
            part += w_route_last
        if previous in near:
            part += w_borders_previous
        if following in near:
            part += w_borders_next
            if previous is not None and previous in near and following not in borders.get(previous, _NONE):
                part += w_bridges
        parts[iso3] = (part, touches, following)
    if len(compiled.routes) >= _ROUTES_KEPT:
        compiled.routes.clear()
    compiled.routes[key] = parts
    return parts


_ROUTES_KEPT: Final = 4096   # routes whose parts a model keeps (a few hundred kilobytes at most)


def _left_home(states, iso3: str) -> bool:
    """A travelled home mention of ``iso3`` then told left (``_MentionState.home_left``): read only when another
    country is told as a start, so the usual record pays nothing for it."""
    return any(state.home_left and not state.excluded and state.mention.place.iso3 == iso3 for state in states)


def _removals(route: list[str], states, mode_of: dict[str, str], dialogue, genre: dict[str, float], language: str,
              text_length: int, words_of, model: Model, moved_to=None
              ) -> tuple[list[str], int, float, list[Candidate]]:
    """``decide`` for a model that only removes, without building the candidates (``told_gone_to``, ``candidates`` and
    ``decide`` are the reference, and a test holds the two equal): one pass over the mentions OR-s each route
    country's 0/1 features into bits and reads which of them the text tells as gone to - ``moved_to`` asked only of
    a reviewed country's mentions, and of the Netherlands' ones (the arrival here) only once such a mention follows a
    destination word -, a table gives the bits' weights' sum, the route's part comes per route (``_route_parts``),
    the few other features are added, and a country's words are read only when that score lies within the model's
    ``word_band`` of the cut - usually no country of a record does, and then no word is read at all. A removed
    country is returned as a ``Candidate`` with its words (for the note), its values left empty; no object is made
    for a country that stays."""
    compiled = _compiled(model)
    below = compiled.below
    if below == -math.inf:
        return route, 0, 1.0, []
    # the countries reviewed: never the Netherlands, with ``keep_told`` only those without a told mode (nor reached in
    # the turns), with ``keep_end`` not the end of a route that ends abroad
    reached = getattr(dialogue, "reached", _NONE)
    keep_told = model.keep_told
    if keep_told:
        reviewed = {country for country in route
                    if country not in reached and mode_of.get(country, "unknown") == "unknown"}
    else:
        reviewed = set(route)
    reviewed.discard(NETHERLANDS)
    if model.keep_end:
        reviewed.discard(route[-1])   # the Netherlands (not reviewed anyway) or the end of a route written abroad
    if not reviewed:
        return route, 0, 1.0, []
    # the reviewed countries a mention told as gone to would make told (``told_gone_to``): with ``keep_told`` all of
    # them (then not reviewed), without it those with no told mode (then scored as told)
    if moved_to is None:
        pending: set[str] = set()
    elif keep_told:
        pending = set(reviewed)
    else:
        pending = {country for country in reviewed
                   if country not in reached and mode_of.get(country, "unknown") == "unknown"}
    gone: set[str] = set()
    waiting: list[int] = []      # the Netherlands' mentions after a route country, not yet asked if the arrival here
    abroad_named = False
    found: dict[str, list] = {}            # route country -> [bits, mentions, excluded, first, last, sentences]
    first_in: dict[int, str] = {}          # per sentence: the first country named in it other than the Netherlands
    crowded: set[int] = set()              # the sentences that name two such countries (no country there is alone)
    excluded_in: dict[int, set[str]] = {}
    home_in: dict[int, set[str]] = {}
    homes: set[str] = set()
    starts: set[str] = set()
    vias: set[str] = set()
    netherlands = -1
    asked = getattr(dialogue, "kept", _NONE)
    answered = getattr(dialogue, "starts", _NONE)
    dialogue_marks = bool(asked or answered)
    masks = compiled.masks
    # the loop's constants as locals (a global is looked up on every use)
    flags_of, reason_bit, netherlands_code = _flags_of, _REASON_BIT, NETHERLANDS
    not_place, not_fuzzy = _NOT_PLACE, _NOT_FUZZY
    for state in states:
        mention = state.mention
        iso3 = mention.place.iso3
        sentence = state.sentence
        reason = state.excluded
        if reason:
            there = excluded_in.get(sentence)
            if there is None:
                excluded_in[sentence] = {iso3}
            else:
                there.add(iso3)
        else:
            # the three flags every country's mentions feed (homes, vias, starts), read one by one: most are off
            if state.home:
                there = home_in.get(sentence)
                if there is None:
                    home_in[sentence] = {iso3}
                else:
                    there.add(iso3)
                homes.add(iso3)
            if state.via:
                vias.add(iso3)
            if (state.start or state.residence or state.journey_start) and iso3 != netherlands_code:
                starts.add(iso3)
        if iso3 == netherlands_code:
            if netherlands < 0:
                netherlands = mention.start
            if pending and abroad_named:
                waiting.append(mention.start)
            continue
        if not abroad_named and iso3 in route:
            abroad_named = True
        if first_in.setdefault(sentence, iso3) != iso3:
            crowded.add(sentence)
        if iso3 not in reviewed:
            continue
        # a reviewed country's mention: all its 0/1 features as bits
        if reason:
            bits = reason_bit.get(reason, _EX_OTHER_BIT)
        else:
            flags = flags_of(state)
            known = masks.get(flags)
            if known is None:
                known = masks[flags] = _flag_mask(flags)
            bits = known
        if mention.place.kind == "country":
            bits |= not_place
        if not mention.fuzzy:
            bits |= not_fuzzy
        start = mention.start
        if dialogue_marks:
            if start in asked:
                bits |= _ASKED_BIT
            if start in answered:
                bits |= _ANSWERED_BIT
        told = found.get(iso3)
        if told is None:
            found[iso3] = [bits, 1, 1 if reason else 0, start, start, (sentence,)]
        else:
            told[0] |= bits
            told[1] += 1
            if reason:
                told[2] += 1
            told[4] = start
            told[5] += (sentence,)
        if iso3 in pending and not reason and start not in asked and moved_to(start):
            if waiting and any(map(moved_to, waiting)):
                pending = set()   # the arrival here came first: what the text tells after it is no leg on the way
            else:
                waiting.clear()
                gone.add(iso3)
                pending.discard(iso3)
    if keep_told:
        for country in gone:
            del found[country]   # told as gone to: not reviewed
    elif reached or gone:
        mode_of = _with_reached(mode_of, dialogue, frozenset(gone))
    origin = route[0]
    if model.keep_origin and origin in found and origin in homes and (
            not (starts and (len(starts) > 1 or origin not in starts)) or _left_home(states, origin)):
        del found[origin]   # a told origin, with no other start told or told left: never removed
    if not found:
        return route, 0, 1.0, []
    several_homes, several_starts = len(homes) > 1, len(starts) > 1
    (w_mentions, w_first_position, w_last_position, w_excluded_share, w_other_homes, w_after_netherlands,
     w_near_excluded, w_near_home, w_alone, w_other_start, w_mode_told, w_flown, w_bare, w_bare_far,
     w_next_via) = compiled.named
    base = compiled.intercept + compiled.legs[min(len(route) - 1, 8)]
    if language == "nl":
        base += compiled.dutch
    if getattr(dialogue, "turns", 0) > 0:
        base += compiled.dialogue
    get = genre.get
    for name, weight in compiled.genre:
        value = get(name)
        if value:
            base += weight * value
    mask_scores = compiled.mask_scores
    mentions_part = compiled.mentions   # w_mentions x min(mentions, 4) / 4, by mentions (0..4)
    parts = _route_parts(compiled, route)
    length = float(max(text_length, 1))
    word_cut = compiled.word_cut
    scored = []
    lowest = math.inf
    for iso3, (bits, count, excluded, first, last, sentences) in found.items():
        score = mask_scores.get(bits)
        if score is None:
            score = mask_scores[bits] = _mask_score(bits, compiled.weights)
        part, touches, following = parts[iso3]
        score += base + part + mentions_part[count if count < 4 else 4] + w_first_position * (first / length) \
            + w_last_position * (last / length)
        if excluded:
            score += w_excluded_share * (excluded / count)
        if homes and (several_homes or iso3 not in homes):
            score += w_other_homes
        if 0 <= netherlands < first:
            score += w_after_netherlands
        if excluded_in and _others(excluded_in, sentences, iso3):
            score += w_near_excluded
        if home_in and _others(home_in, sentences, iso3):
            score += w_near_home
        if crowded.isdisjoint(sentences):
            score += w_alone
        if starts and (several_starts or iso3 not in starts):
            score += w_other_start
        mode = mode_of.get(iso3, "unknown")
        if mode != "unknown":
            score += w_mode_told
            if mode == "plane":
                score += w_flown
        elif not bits & _FLAG_BITS:
            score += w_bare if touches else w_bare + w_bare_far
        if following in vias:
            score += w_next_via
        scored.append((score, iso3, first))
        if score < lowest:
            lowest = score
    if lowest >= word_cut and lowest >= below:   # no word is read and nothing removed: the usual record
        return route, 0, _logistic(lowest), []
    kept: list = scored   # (score, iso3, first), with the words read: (score, iso3, first, words)
    if words_of is not None and lowest < word_cut:
        # the words of the countries within the band (usually one, with a mention or two)
        words = words_of()
        pooled: dict[str, set[str]] = {iso3: set() for score, iso3, _ in scored if score < word_cut}
        for state in states:
            mention = state.mention
            into = pooled.get(mention.place.iso3)
            if into is not None:
                mention_words(words, mention.start, mention.end, into)
        word_weight = model.keep_words.get
        kept = []
        lowest = math.inf
        for score, iso3, first in scored:
            window = pooled.get(iso3)
            if window:
                score += sum(map(word_weight, window, repeat(0.0)))
            kept.append((score, iso3, first, window))
            if score < lowest:
                lowest = score
    if lowest >= below or len(route) <= 2:
        return route, 0, _logistic(lowest), []
    kept.sort(key=_first)
    removed: list[Candidate] = []
    new, flips, lowest = _remove(route, [(item[0], Candidate(item[1], True, item[2], (), frozenset(item[3])
                                                             if len(item) > 3 and item[3] else _NONE))
                                         for item in kept], below, removed)
    return new, flips, lowest, removed


_HOOKS: Final = StageHooks()
# the fit's and the tests' switches (``learned.StageHooks``): ``with using(model):``, ``with recording() as rows:``,
# each row (rule route, candidates)
using: Final = _HOOKS.using
recording: Final = _HOOKS.recording


def review(route: list[str], states, mode_of: dict[str, str], dialogue, genre: dict[str, float], language: str,
           text_length: int, words_of=None, moved_to=None) -> tuple[list[str], dict[str, float], tuple[str, ...]]:
    """The extractor's hook: the route after the stage, the stage's signal for the calibration -
    ``verifier_flips`` (countries removed or added) and ``verifier_doubt`` (1 - the lowest p of a kept country; 0 for
    a route of two countries, which nothing may shorten), empty when the stage is off - and the review reasons of its
    removals ("verifier removed TUR: words near it: 'chauffeur', 'kenteken'"). ``words_of`` gives the text's window
    words (``context_words.shared_record_words``, shared with the order stage); it is called only when the stored
    model weighs words and a kept country is within the model's word band of the cut. A model that only removes takes
    the short cut (``_removals``), one that may add the full path (``decide``); both decide alike.
    ``moved_to(offset)``: whether a destination word stands right before a mention (``extraction._moved_to``): the
    countries it tells the person went to are read as told (``told_gone_to``); asked only when the stage looks at the
    record, and in the short cut only of the mentions that could change its answer."""
    hooks = _HOOKS
    if hooks.recorder is not None:
        words = words_of() if words_of is not None else None
        gone = told_gone_to(route, states, mode_of, dialogue.kept, moved_to) if moved_to is not None else _NONE
        hooks.recorder.append((tuple(route), candidates(states, route, mode_of, dialogue, genre, language,
                                                        text_length, words=words, gone=gone)))
        return route, {}, ()
    model = hooks.model or stored_model()
    if not model.enabled or not in_gate(model.gate, genre, dialogue.turns):
        return route, {}, ()   # off, or a kind of record the stage was not shown to help (``Model.gate``)
    adds = model.add_above < 1.0
    if len(route) <= 2 and not (adds and any(state.mention.place.iso3 not in route
                                             and state.mention.place.iso3 != NETHERLANDS for state in states)):
        return route, {}, ()   # nothing could change: a removal would leave one country, and nothing may be added
    if adds:
        gone = told_gone_to(route, states, mode_of, dialogue.kept, moved_to) if moved_to is not None else _NONE
        words = words_of() if words_of is not None and model.reads_words else None
        found = candidates(states, route, mode_of, dialogue, genre, language, text_length, words=words, gone=gone)
        removed: list[Candidate] = []
        new, flips, lowest = decide(route, found, model, removed)
    else:
        new, flips, lowest, removed = _removals(route, states, mode_of, dialogue, genre, language, text_length,
                                                words_of if model.keep_words else None, model, moved_to)
    notes = tuple([_removal_note(candidate, model.keep_words) for candidate in removed]) if removed else ()
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


_WRITER: Final = "benchmarks/text_verifier_fit.py"


def read_model(path) -> Model:
    """The stage's file: ``enabled``, ``keep`` and ``add`` (intercept, weights by feature), ``thresholds``."""
    data = read_stage_file(path, VerifierError)
    thresholds = data.get("thresholds") or {}
    if not isinstance(thresholds, dict):
        raise VerifierError(f"{path}: thresholds: not a mapping (remove, add)")
    keep = coefficients(data, "keep", FEATURE_NAMES, path, VerifierError, _WRITER)
    add = coefficients(data, "add", FEATURE_NAMES, path, VerifierError, _WRITER)
    band = number(thresholds, "word_band", math.inf, path, VerifierError, "thresholds.word_band")
    keep_told, keep_origin = thresholds.get("keep_told", False), thresholds.get("keep_origin", False)
    keep_end = thresholds.get("keep_end", False)
    gate = data.get("gate")
    if gate is not None:
        if not isinstance(gate, list) or not all(isinstance(kind, str) and kind in GATE_KINDS for kind in gate):
            raise VerifierError(f"{path}: gate: not a list of record kinds ({', '.join(GATE_KINDS)})")
        gate = frozenset(gate)
    for name, value in (("keep_told", keep_told), ("keep_origin", keep_origin), ("keep_end", keep_end)):
        if not isinstance(value, bool):
            raise VerifierError(f"{path}: thresholds.{name}: not true or false")
    if not band >= 0.0:
        raise VerifierError(f"{path}: thresholds.word_band: {band} is below 0 (log-odds above the removal cut)")
    remove_below = number(thresholds, "remove", 0.0, path, VerifierError, "thresholds.remove")
    add_above = number(thresholds, "add", 1.0, path, VerifierError, "thresholds.add")
    keep_words, add_words = (read_word_weights(data[part], path, f"{part}.words", (ANY, BEFORE, AFTER), VerifierError,
                                               data.get("fitted")) for part in ("keep", "add"))
    return Model(bool(data.get("enabled", False)), keep, add, remove_below, add_above, keep_words, add_words, band,
                 keep_told, keep_origin, keep_end, gate)


_HEADER: Final = ("# The learned second stage of routekit.text (verifier.py): p(a candidate country is in the gold route) =\n"
           "# logistic(intercept + sum of weight x feature), 'keep' for the countries the rules put in the route,\n"
           "# 'add' for those they left out; 'words': the weight of a word near a mention of it (w= within 4 words, b= right\n"
           "# before, a= right after; context_words.py). A kept country is removed when p < thresholds.remove, a dropped one added\n"
           "# when p > thresholds.add; a kept country's words weigh only when the rules' signals alone leave it less than\n"
           "# thresholds.word_band log-odds above the removal cut (absent: always); thresholds.keep_told, keep_origin, keep_end:\n"
           "# kinds of country never removed; gate: the kinds of record it looks at (absent: all; verifier.Model).\n"
           "# A word is stored only when seen in >= K distinct records of >= 2 training groups\n"
           "# (fitted.word_floor, checked on read); a token with a digit reads <num>, never a word.\n"
           "# Written by benchmarks/text_verifier_fit.py --write (see 'fitted').\n")


def write_model(path: Path, model: Model, fitted: dict) -> None:
    """Store a fit and how it was made (``fitted``: sets, ridge, held-out figures)."""
    data = {"enabled": bool(model.enabled), **({} if model.gate is None else {"gate": sorted(
        model.gate, key=GATE_KINDS.index)}), "fitted": fitted,
            "thresholds": {"remove": float(model.remove_below), "add": float(model.add_above),
                           **({"word_band": float(model.word_band)} if math.isfinite(model.word_band) else {}),
                           **({"keep_told": True} if model.keep_told else {}),
                           **({"keep_origin": True} if model.keep_origin else {}),
                           **({"keep_end": True} if model.keep_end else {})},
            "keep": {**coefficients_entry(model.keep, FEATURE_NAMES), "words": words_entry(model.keep_words)},
            "add": {**coefficients_entry(model.add, FEATURE_NAMES), "words": words_entry(model.add_words)}}
    write_stage_file(path, _HEADER, data)
