"""Calibrated confidence: the probability that an extracted route is exactly right.

The extractor describes each text by a few counts (``FEATURES``: mentions it dropped, reorderings it made,
misspelt names, a start inferred from nationality, no Netherlands, modes it could not tell, a transcript,
the route's length ...). A logistic regression fitted on hand-labelled sets maps them to P(exact route);
its coefficients are data (``routekit/reference/gazetteer/confidence.yaml``), refitted with
``benchmarks/text_calibrate.py`` when the rules or the labelled sets change. ``evaluate-extraction`` prints
the reliability table (fifths of rows by confidence: mean confidence against the exact-route rate).

The same counts, when not zero, are the reasons a review sheet shows (``FLAG_TEXTS``).
"""

from __future__ import annotations

import math
import re
from itertools import repeat
from functools import lru_cache

import yaml

from routekit.text.gazetteer import data_path

CALIBRATION_FILE = "confidence.yaml"
# (name, cap): every feature is a count or a 0/1 flag, capped so that a rare long text does not dominate
FEATURES: tuple[tuple[str, float], ...] = (
    ("excluded", 4), ("fuzzy", 2), ("reorders", 4), ("inferred_home", 1), ("no_netherlands", 1),
    ("unknown_mode_share", 1), ("legs", 8), ("unclear_language", 1), ("dialogue", 1), ("sentences", 12),
    ("homes", 3),
    # genre-like document features (issue 15): records that are not plain stories are wrong more often
    ("turns", 12), ("persons", 4), ("letter", 4), ("codes", 6), ("years", 4), ("before_cues", 3),
    ("named_not_routed", 4), ("city_only", 4), ("departures", 6), ("pluperfect", 4),
    # the record's genre as its own words tell it (``genre_counts``, 0/1 each; round 2 of issue 15): on sets written
    # by other writers these carry the difficulty the rule counts miss; ``length`` = log(characters / 400)
    ("translated", 1), ("police", 1), ("border_guard", 1), ("summary", 1), ("letter_words", 1),
    ("correction_words", 1), ("quotes", 1), ("transcript", 1), ("genre", 1), ("length", 2.5),
)
FEATURE_NAMES = tuple(name for name, _ in FEATURES)
_CAPS = tuple(float(cap) for _, cap in FEATURES)
# What a non-zero feature tells an analyst (a fixed vocabulary: no text of the record).
FLAG_TEXTS = {
    "excluded": "places not counted (negation, intention, relatives, documents)",
    "fuzzy": "misspelt place names",
    "reorders": "order taken from cues, not text order",
    "inferred_home": "start taken from nationality or birth",
    "no_netherlands": "the Netherlands not named",
    "unknown_mode_share": "transport mode not told",
    "unclear_language": "language unclear",
    "dialogue": "question/answer transcript",
    "homes": "nationality or birth named",
    "persons": "several persons in the record",
    "letter": "a letter or correction of a report",
    "codes": "codes or abbreviations (ISO2, airports)",
    "years": "several years named (more than one journey?)",
    "named_not_routed": "countries named but left off the route",
    "one_country": "only one country found",
}


GENRES = ("translated", "police", "border_guard", "summary", "letter_words", "correction_words", "quotes",
          "transcript")


_WORD = re.compile(r"\w+")


@lru_cache(maxsize=1)
def _genre_markers() -> tuple[dict[str, frozenset[str]], tuple[tuple[frozenset[str], str, re.Pattern[str]], ...],
                               tuple[tuple[str, ...], re.Pattern[str]] | None]:
    """``genre_markers`` (``confidence.yaml``) ready for a fast scan: one-word markers by word, phrases and marks
    (``proces verbaal``, ``v:``) as (their words, genre, pattern) to try only when all their words occur, and
    the quote marks as one pattern. A marker matches as a whole word, case-insensitively; a space in a phrase
    matches spaces or hyphens."""
    markers = _data().get("genre_markers") or {}
    words: dict[str, set[str]] = {}
    phrases = []
    quotes = None
    for genre in GENRES:
        entries = [str(w).lower() for w in markers.get(genre, []) or []]
        if not entries:
            continue
        if genre == "quotes":   # punctuation: an apostrophe inside a word ("Dar'a", "don't") is no quote
            alternatives = "|".join(re.escape(w) for w in sorted(entries, key=len, reverse=True))
            quotes = (tuple(entries), re.compile(rf"(?<=\W)(?:{alternatives})|(?:{alternatives})(?=\W)"))
            continue
        for entry in entries:
            if _WORD.fullmatch(entry):
                words.setdefault(entry, set()).add(genre)
            else:
                body = re.escape(entry).replace(r"\ ", r"[\s\-]+")
                phrases.append((frozenset(_WORD.findall(entry)), genre, re.compile(rf"(?<!\w){body}(?!\w)")))
    return {w: frozenset(g) for w, g in words.items()}, tuple(phrases), quotes


def genre_counts(text: str) -> dict[str, float]:
    """What kind of record a text is, by its own words (a translation, a police or border-guard report, a case
    officer's summary, a lawyer's letter, corrections, quoted speech, Q/A labels): 0/1 per genre, ``genre`` = any,
    and ``length``. Read on the text before the document layer rewrites it. Counts only, no text.

    One pass over the words and a set lookup each (a regular expression of every marker cost a third of the
    extraction's time); phrases are tried only when all their words are there."""
    by_word, phrases, quotes = _genre_markers()
    low = text.lower()
    present = set(_WORD.findall(low))
    found: set[str] = set()
    for word in present.intersection(by_word):
        found |= by_word[word]
    for needed, genre, pattern in phrases:
        if genre not in found and needed <= present and pattern.search(low):
            found.add(genre)
    if quotes is not None and any(mark in text for mark in quotes[0]) and quotes[1].search(text):
        found.add("quotes")
    counts: dict[str, float] = dict.fromkeys(found, 1.0)
    counts["genre"] = float(bool(found - {"quotes", "correction_words"}))
    counts["length"] = max(-1.0, math.log(max(len(text), 1) / 400.0))
    return counts


def feature_vector(counts: dict[str, float]) -> tuple[float, ...]:
    """The capped feature values in ``FEATURES`` order (missing counts are 0)."""
    return tuple(map(min, map(float, map(counts.get, FEATURE_NAMES, repeat(0.0))), _CAPS))


def flags(counts: dict[str, float]) -> tuple[str, ...]:
    """The names of the features that point at a possible error (for the review sheet's reasons)."""
    return tuple(name for name in FLAG_TEXTS if counts.get(name, 0))


@lru_cache(maxsize=1)
def coefficients() -> tuple[float, tuple[float, ...]]:
    """(intercept, weights in ``FEATURES`` order) from the data file; a feature the file lacks weighs 0."""
    data = _data()
    weights = data.get("weights", {}) or {}
    return float(data["intercept"]), tuple(float(weights.get(name, 0.0)) for name in FEATURE_NAMES)


def no_route_probability(kind: str) -> float:
    """P(no route is right) for a text without a route: ``no_place`` (no place named) or ``one_country``."""
    data = _data()
    return float((data.get("no_route") or {}).get(kind, 0.5))


@lru_cache(maxsize=1)
def _data() -> dict:
    return yaml.safe_load(data_path(CALIBRATION_FILE).read_text(encoding="utf-8"))


@lru_cache(maxsize=8192)
def probability(values: tuple[float, ...]) -> float:
    """P(exact route) for one feature vector, rounded to 2 decimals (cached: few distinct vectors recur)."""
    intercept, weights = coefficients()
    score = intercept + sum(w * v for w, v in zip(weights, values))
    return round(min(max(1.0 / (1.0 + math.exp(-score)), 0.01), 0.99), 2)


def fit(vectors: list[tuple[float, ...]], exact: list[bool], ridge: float = 1.0,
        row_weights: list[float] | None = None) -> tuple[float, tuple[float, ...]]:
    """Logistic regression with a small L2 penalty (the labelled sets are a few hundred rows): intercept, weights.

    ``row_weights`` (default 1 per row) lets each labelled set count as much as another whatever its size, so that
    the many easy rows of the plain sets do not decide the confidence of the hard genres."""
    import numpy as np
    from scipy.optimize import minimize

    x = np.asarray(vectors, dtype=float)
    y = np.asarray(exact, dtype=float)
    w = np.ones(len(x)) if row_weights is None else np.asarray(row_weights, dtype=float)
    design = np.column_stack([np.ones(len(x)), x])

    def loss(beta):
        z = design @ beta
        log_likelihood = np.sum(w * (y * z - np.logaddexp(0.0, z)))
        return -log_likelihood + 0.5 * ridge * np.sum(beta[1:] ** 2)

    def gradient(beta):
        p = 1.0 / (1.0 + np.exp(-(design @ beta)))
        grad = -(design.T @ (w * (y - p)))
        grad[1:] += ridge * beta[1:]
        return grad

    result = minimize(loss, np.zeros(design.shape[1]), jac=gradient, method="L-BFGS-B")
    return float(result.x[0]), tuple(float(v) for v in result.x[1:])
