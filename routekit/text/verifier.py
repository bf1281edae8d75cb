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
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path
from typing import Iterator, NamedTuple

import yaml

from routekit.errors import RoutekitError
from routekit.text.gazetteer import data_path

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
    "route_first", "route_last", "mode_told", "legs",
    # the record
    *_GENRES, "length", "dutch", "dialogue", "other_homes",
)
_INDEX = {name: i for i, name in enumerate(FEATURE_NAMES)}


class Candidate(NamedTuple):
    """One country the rules decided on: kept in the route or dropped, where it is first named, its features."""

    iso3: str
    kept: bool
    first_offset: int
    values: tuple[float, ...]


def candidates(states, route: list[str], mode_of: dict[str, str], dialogue, genre: dict[str, float],
               language: str, text_length: int) -> list[Candidate]:
    """The rules' candidate decisions in one record with their features (shared with any later learned stage).

    ``states``: the rules' ``_MentionState`` per mention, in text order; ``route``: the rule route; ``dialogue``: the
    ``DialogueReading`` (questions kept, answers that are starts); ``genre``: ``calibration.genre_counts``."""
    by_country: dict[str, list] = {}
    for state in states:
        iso3 = state.mention.place.iso3
        if iso3 != NETHERLANDS:
            by_country.setdefault(iso3, []).append(state)
    if not by_country:
        return []
    length = float(max(text_length, 1))
    in_route = {country: position for position, country in enumerate(route)}
    abroad = [c for c in route if c != NETHERLANDS]
    last_abroad = abroad[-1] if abroad else None
    homes = {c for c, group in by_country.items() if any(s.home and not s.excluded for s in group)}
    record = [0.0] * len(FEATURE_NAMES)
    for name in _GENRES:
        record[_INDEX[name]] = float(genre.get(name, 0.0))
    record[_INDEX["length"]] = float(genre.get("length", 0.0))
    record[_INDEX["dutch"]] = float(language == "nl")
    record[_INDEX["dialogue"]] = float(getattr(dialogue, "turns", 0) > 0)
    record[_INDEX["legs"]] = min(max(len(route) - 1, 0), 8) / 8.0
    asked = getattr(dialogue, "kept", frozenset())
    answered = getattr(dialogue, "starts", frozenset())
    found = []
    for iso3, group in by_country.items():
        values = record.copy()
        excluded = 0
        place_only = fuzzy_only = True
        for state in group:
            mention = state.mention
            if state.excluded:
                excluded += 1
                values[_INDEX[_EXCLUSION_KIND.get(state.excluded, "ex_other")]] = 1.0
            else:
                for name in _FLAGS:
                    if getattr(state, name):
                        values[_INDEX[name]] = 1.0
            if mention.place.kind == "country":
                place_only = False
            if not mention.fuzzy:
                fuzzy_only = False
            if mention.start in asked:
                values[_INDEX["asked"]] = 1.0
            if mention.start in answered:
                values[_INDEX["answered_start"]] = 1.0
        values[_INDEX["mentions"]] = min(len(group), 4) / 4.0
        values[_INDEX["excluded_share"]] = excluded / len(group)
        values[_INDEX["first_position"]] = group[0].mention.start / length
        values[_INDEX["last_position"]] = group[-1].mention.start / length
        values[_INDEX["place_only"]] = float(place_only)
        values[_INDEX["fuzzy_only"]] = float(fuzzy_only)
        values[_INDEX["other_homes"]] = float(bool(homes - {iso3}))
        kept = iso3 in in_route
        if kept:
            values[_INDEX["route_first"]] = float(in_route[iso3] == 0)
            values[_INDEX["route_last"]] = float(iso3 == last_abroad)
            values[_INDEX["mode_told"]] = float(mode_of.get(iso3, "unknown") != "unknown")
        found.append(Candidate(iso3, kept, group[0].mention.start, tuple(values)))
    return found


class Model(NamedTuple):
    """The stored stage: on/off, the two regressions (intercept, weights in ``FEATURE_NAMES`` order), thresholds."""

    enabled: bool
    keep: tuple[float, tuple[float, ...]]
    add: tuple[float, tuple[float, ...]]
    remove_below: float
    add_above: float


def probability(coefficients: tuple[float, tuple[float, ...]], values: tuple[float, ...]) -> float:
    """p(in gold) of one candidate: a dot product over a few floats."""
    intercept, weights = coefficients
    score = intercept + sum(w * v for w, v in zip(weights, values) if v)
    return 1.0 / (1.0 + math.exp(-score)) if score > -700 else 0.0


def decide(route: list[str], found: list[Candidate], model: Model) -> tuple[list[str], int, float]:
    """The route after the confident flips, the number of flips and the lowest p of a kept candidate (1.0 if none).

    A kept candidate goes when p < ``remove_below`` (lowest p first) while the route keeps two countries; a dropped
    one comes back when p > ``add_above``, before the first route country first named after it (NLD stays last)."""
    kept = [(probability(model.keep, c.values), c) for c in found if c.kept]
    lowest = min((p for p, _ in kept), default=1.0)
    new = list(route)
    flips = 0
    for p, candidate in sorted(kept, key=lambda pair: pair[0]):
        if p >= model.remove_below or len(new) <= 2:
            break
        new.remove(candidate.iso3)
        flips += 1
    if model.add_above < 1.0:
        first_offset = {c.iso3: c.first_offset for c in found}
        for candidate in sorted((c for c in found if not c.kept), key=lambda c: c.first_offset):
            if probability(model.add, candidate.values) <= model.add_above:
                continue
            position = next((i for i, country in enumerate(new) if country == NETHERLANDS
                             or first_offset.get(country, -1) > candidate.first_offset), len(new))
            new.insert(position, candidate.iso3)
            flips += 1
    return new, flips, lowest


_recorder: list | None = None


@contextmanager
def recording() -> Iterator[list]:
    """Collect, per record the extractor reads, (rule route, candidates) and leave the routes the rules' own: what the
    fit reads. Numbers and country codes only, no text."""
    global _recorder
    previous, _recorder = _recorder, []
    try:
        yield _recorder
    finally:
        _recorder = previous


def review(route: list[str], states, mode_of: dict[str, str], dialogue, genre: dict[str, float], language: str,
           text_length: int) -> tuple[list[str], dict[str, float]]:
    """The extractor's hook: the route after the stage and the stage's signal for the calibration
    (``verifier_flips``, ``verifier_lowest``; empty when the stage is off)."""
    if _recorder is not None:
        _recorder.append((tuple(route), candidates(states, route, mode_of, dialogue, genre, language, text_length)))
        return route, {}
    model = stored_model()
    if not model.enabled:
        return route, {}
    if len(route) <= 2 and all(state.mention.place.iso3 in route or state.mention.place.iso3 == NETHERLANDS
                               for state in states):
        # nothing could change: a removal would leave one country and no country was dropped
        return route, {}
    found = candidates(states, route, mode_of, dialogue, genre, language, text_length)
    new, flips, lowest = decide(route, found, model)
    return new, {"verifier_flips": float(flips), "verifier_lowest": lowest}


@lru_cache(maxsize=1)
def stored_model() -> Model:
    return read_model(data_path(VERIFIER_FILE))


def _coefficients(data: dict, key: str, path) -> tuple[float, tuple[float, ...]]:
    part = data.get(key)
    if not isinstance(part, dict) or "intercept" not in part:
        raise VerifierError(f"{path}: {key}: no 'intercept' (a file written by benchmarks/text_verifier_fit.py)")
    weights = part.get("weights") or {}
    unknown = sorted(set(weights) - set(FEATURE_NAMES))
    if unknown:
        raise VerifierError(f"{path}: {key}.weights: unknown feature {', '.join(unknown)}")
    return float(part["intercept"]), tuple(float(weights.get(name, 0.0)) for name in FEATURE_NAMES)


def read_model(path) -> Model:
    """The stage's file: ``enabled``, ``keep`` and ``add`` (intercept, weights by feature), ``thresholds``."""
    data = yaml.safe_load(Path(str(path)).read_text(encoding="utf-8")) or {}
    if not isinstance(data, dict):
        raise VerifierError(f"{path}: not a mapping")
    thresholds = data.get("thresholds") or {}
    return Model(bool(data.get("enabled", False)), _coefficients(data, "keep", path), _coefficients(data, "add", path),
                 float(thresholds.get("remove", 0.0)), float(thresholds.get("add", 1.0)))


_HEADER = ("# The learned second stage of routekit.text (verifier.py): p(a candidate country is in the gold route) =\n"
           "# logistic(intercept + sum of weight x feature), 'keep' for the countries the rules put in the route,\n"
           "# 'add' for those they left out. A kept country is removed when p < thresholds.remove, a dropped one added\n"
           "# when p > thresholds.add. Written by benchmarks/text_verifier_fit.py --write (see 'fitted').\n")


def write_model(path: Path, model: Model, fitted: dict) -> None:
    """Store a fit and how it was made (``fitted``: sets, ridge, held-out figures)."""
    def part(coefficients):
        intercept, weights = coefficients
        return {"intercept": round(float(intercept), 6),
                "weights": {name: round(float(w), 6) for name, w in zip(FEATURE_NAMES, weights)}}
    data = {"enabled": bool(model.enabled), "fitted": fitted,
            "thresholds": {"remove": float(model.remove_below), "add": float(model.add_above)},
            "keep": part(model.keep), "add": part(model.add)}
    Path(path).write_text(_HEADER + yaml.safe_dump(data, sort_keys=False, allow_unicode=True), encoding="utf-8")
