"""Calibrated confidence: the probability that an extracted route is exactly right.

The extractor describes each text by a few counts (``FEATURES``: mentions it dropped, reorderings it made,
misspelt names, a start inferred from nationality, no Netherlands, modes it could not tell, a transcript,
the route's length ...). A logistic regression fitted on hand-labelled sets maps them to P(exact route);
its coefficients are data (``routekit/reference/gazetteer/confidence.yaml``), refitted with
``benchmarks/text_calibrate.py`` when the rules or the labelled sets change (it also maps the score onto sets no rule
was tuned on: Platt scaling, folded into the stored intercept and weights). ``evaluate-extraction`` prints
the reliability table (fifths of rows by confidence: mean confidence against the exact-route rate).

The same counts, when not zero, are the reasons a review sheet shows (``FLAG_TEXTS``).
"""

from __future__ import annotations

from typing import Final

import math
import re
from itertools import filterfalse
from operator import mul
from functools import lru_cache
from pathlib import Path


from routekit.errors import RoutekitError
from routekit.text.gazetteer import data_path
from routekit.text.learned import read_stage_file, write_stage_file

CALIBRATION_FILE: Final = "confidence.yaml"


class CalibrationError(RoutekitError):
    """A calibration file that cannot be read (no intercept, a weight for a feature the extractor lacks)."""
# (name, cap): every feature is a count or a 0/1 flag, capped so that a rare long text does not dominate
FEATURES: Final[tuple[tuple[str, float], ...]] = (
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
    # a learned stage (verifier, origin or order model) changed the rules' route: the route is no longer the one
    # the rules' own difficulty counts describe, so the refit must be able to weigh it
    ("learned_change", 1),
)
FEATURE_NAMES: Final = tuple(name for name, _ in FEATURES)
_CAPS: Final = tuple(float(cap) for _, cap in FEATURES)
# The features the refit uses by default (issue 15 item 2). On a new writer's set (leave one hard set out) fewer,
# robust counts beat all of them (log loss .511 against .524); the others are still computed (reasons, refits with
# ``--features``) and weigh 0.
FITTED: Final = ("excluded", "fuzzy", "reorders", "no_netherlands", "unknown_mode_share", "legs", "turns", "codes",
          "genre", "quotes", "translated", "length", "named_not_routed", "persons", "letter", "learned_change")
# Features that can only lower the chance that the whole route is right (a dropped mention, a guessed start, a
# misspelt name, a record that is not a plain story). The fit holds their weights <= 0, so that a sign flipped by
# chance on a few hundred rows cannot make a new writer's harder records look safer.
LOWERING: Final = frozenset({
    "excluded", "fuzzy", "reorders", "inferred_home", "no_netherlands", "unknown_mode_share", "unclear_language",
    "homes", "turns", "persons", "letter", "codes", "years", "city_only", "translated", "police", "border_guard",
    "summary", "letter_words", "correction_words", "quotes", "genre"})
# What a non-zero feature tells an analyst (a fixed vocabulary: no text of the record).
FLAG_TEXTS: Final = {
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
    "learned_change": "a learned stage changed the rules' route",
}


GENRES: Final = ("translated", "police", "border_guard", "summary", "letter_words", "correction_words", "quotes",
          "transcript")


_WORD: Final = re.compile(r"\w+")


@lru_cache(maxsize=1)
def _genre_markers() -> tuple[dict[str, frozenset[str]],
                               tuple[tuple[frozenset[str], tuple[str, ...], str, re.Pattern[str]], ...],
                               tuple[tuple[str, ...], re.Pattern[str]] | None]:
    """``genre_markers`` (``confidence.yaml``) ready for a fast scan: one-word markers by word, phrases and marks
    (``proces verbaal``, ``v:``) as (their words, their literal pieces, genre, pattern) to try only when all their
    words and pieces occur, and the quote marks as one pattern. A marker matches as a whole word, case-insensitively;
    a space in a phrase matches spaces or hyphens."""
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
                phrases.append((frozenset(_WORD.findall(entry)), tuple(entry.split()), genre,
                                re.compile(rf"(?<!\w){body}(?!\w)")))
    return {w: frozenset(g) for w, g in words.items()}, tuple(phrases), quotes


@lru_cache(maxsize=1)
def _phrases_by_word() -> tuple[dict[str, tuple], tuple]:
    """The marker phrases filed under one of their words (the longest), and those without a word: a text tries only
    the phrases filed under its own words, since a phrase needs all its words."""
    keyed: dict[str, list] = {}
    unkeyed = []
    for phrase in _genre_markers()[1]:
        if phrase[0]:
            keyed.setdefault(max(sorted(phrase[0]), key=len), []).append(phrase)
        else:
            unkeyed.append(phrase)
    return {word: tuple(filed) for word, filed in keyed.items()}, tuple(unkeyed)


@lru_cache(maxsize=1)
def _marker_words() -> frozenset[str]:
    """Every word ``genre_counts`` asks about: the one-word markers and the words of the phrases (those they are filed
    under among them), so the text's other words need not go into a set."""
    by_word, phrases, _ = _genre_markers()
    return frozenset(by_word).union(*(needed for needed, _, _, _ in phrases))


@lru_cache(maxsize=1)
def _filed_words() -> tuple[frozenset[str], frozenset[str]]:
    """The one-word markers and the words phrases are filed under, as sets: a set intersected with a set walks the
    smaller one (the text's few marker words), with a dict it walks every key of the dict."""
    return frozenset(_genre_markers()[0]), frozenset(_phrases_by_word()[0])


# An ASCII byte that is no ``\w`` character becomes a space: ``_WORD``'s words of ASCII text by one translate and split.
_ASCII_NON_WORD: Final = bytes(c if chr(c).isalnum() or c == 95 else 32 for c in range(128)) + bytes([32]) * 128
# The same for UTF-8 bytes: the bytes of a multi-byte character (128-255) are kept.
_ASCII_NON_WORD_UTF8: Final = _ASCII_NON_WORD[:128] + bytes(range(128, 256))
# The same for Latin-1 text, one byte a character: a character that is no ``\w`` character ("«", "·", no-break space)
# becomes a space, the letters ("é", "ë", "ß") are kept.
_LATIN1_NON_WORD: Final = _ASCII_NON_WORD[:128] + bytes(c if chr(c).isalnum() else 32 for c in range(128, 256))


def _words(low: str) -> set[str]:
    """The set of ``_WORD`` matches: for ASCII and Latin-1 text without a regex scan, in C. (Other text keeps the
    regex for its pieces with a non-ASCII character: a marker may hold a non-ASCII letter, "cliënt".)"""
    return set(_word_pieces(low))


def _word_pieces(low: str) -> list[str] | set[str]:
    """``_words``' words before they become a set (``genre_counts`` keeps only the marker words of them)."""
    if low.isascii():
        return low.encode("ascii").translate(_ASCII_NON_WORD).decode("ascii").split()
    try:   # most other text is Latin-1 ("Libië", "Türkei"): the same translate, one byte a character
        return low.encode("latin-1").translate(_LATIN1_NON_WORD).decode("latin-1").split()
    except UnicodeEncodeError:
        pass
    # ASCII separators split the UTF-8 bytes the same way (no multi-byte character holds an ASCII byte); only the
    # pieces with a non-ASCII character need the regex, for the non-ASCII separators (curly quotes, dashes) in them
    pieces = set(low.encode("utf-8").translate(_ASCII_NON_WORD_UTF8).decode("utf-8").split())
    mixed = list(filterfalse(str.isascii, pieces))
    if mixed:
        pieces.difference_update(mixed)
        pieces.update(_WORD.findall(" ".join(mixed)))
    return pieces


def _same_words(text: str) -> bool:
    """Whether ``_word_pieces(text.lower())`` are the tokens of the folded text: in ASCII text folding lower-cases and
    makes '-', '/' and tabs spaces, and both splits keep runs of letters and digits - unless the text holds a character
    one of them keeps in a word and the other does not ("'" and '`' in tokens, '_' in a regex word)."""
    return text.isascii() and "'" not in text and "`" not in text and "_" not in text


def genre_counts(text: str, tokens: list[str] | None = None) -> dict[str, float]:
    """What kind of record a text is, by its own words (a translation, a police or border-guard report, a case
    officer's summary, a lawyer's letter, corrections, quoted speech, Q/A labels): 0/1 per genre, ``genre`` = any,
    and ``length``. Read on the text before the document layer rewrites it. Counts only, no text.

    One pass over the words and a set lookup each (a regular expression of every marker cost a third of the
    extraction's time); phrases are tried only when all their words are there. ``tokens``: the words of
    ``matcher.tokenize(fold(text))``, when the caller has them: for ASCII text without an apostrophe, backquote or
    underscore they are the same words (no second split of the text, and their hashes serve the later look-ups)."""
    by_word, phrases, quotes = _genre_markers()
    low = text.lower()
    words = tokens if tokens is not None and _same_words(text) else _word_pieces(low)
    present = _marker_words().intersection(words)   # the text's words that any test below asks about
    found: set[str] = set()
    one_word, filed = _filed_words()
    for word in present.intersection(one_word):
        found |= by_word[word]
    keyed, unkeyed = _phrases_by_word()
    for word in present.intersection(filed):
        for needed, pieces, genre, pattern in keyed[word]:
            # the pattern's literal pieces ("v:") as substrings first: most texts with a "v" hold no "v:" label
            if genre not in found and needed <= present and all(map(low.__contains__, pieces)) and pattern.search(low):
                found.add(genre)
    for needed, pieces, genre, pattern in unkeyed:
        if genre not in found and all(map(low.__contains__, pieces)) and pattern.search(low):
            found.add(genre)
    if quotes is not None and any(map(text.__contains__, quotes[0])) and quotes[1].search(text):
        found.add("quotes")
    counts: dict[str, float] = dict.fromkeys(found, 1.0)
    counts["genre"] = float(bool(found - {"quotes", "correction_words"}))
    counts["length"] = max(-1.0, math.log(max(len(text), 1) / 400.0))
    return counts


# feature name -> (its index in ``FEATURES``, its cap)
_SLOTS: Final = {name: (index, cap) for index, (name, cap) in enumerate(zip(FEATURE_NAMES, _CAPS))}
_NO_FEATURES: Final = [0.0] * len(FEATURES)


def feature_vector(counts: dict[str, float]) -> tuple[float, ...]:
    """The capped feature values in ``FEATURES`` order (missing counts are 0).

    Fills the counts a text has into a list of zeros (a look-up, a conversion and a ``min`` per feature cost twice
    as much); ``cap < value`` picks what ``min(value, cap)`` picks, NaN included."""
    values = _NO_FEATURES.copy()
    slots = _SLOTS
    for name, value in counts.items():
        slot = slots.get(name)
        if slot is not None:
            index, cap = slot
            value = float(value)
            values[index] = cap if cap < value else value
    return tuple(values)


def flags(counts: dict[str, float]) -> tuple[str, ...]:
    """The names of the features that point at a possible error (for the review sheet's reasons)."""
    return tuple(filter(counts.get, FLAG_TEXTS))   # a name whose count is missing or 0 is no flag (filtered in C)


@lru_cache(maxsize=1)
def coefficients() -> tuple[float, tuple[float, ...]]:
    """(intercept, weights in ``FEATURES`` order) from the data file; a feature the file lacks weighs 0."""
    data = _data()
    weights = data.get("weights", {}) or {}
    return float(data["intercept"]), tuple(float(weights.get(name, 0.0)) for name in FEATURE_NAMES)


@lru_cache(maxsize=1)
def _used_weights() -> tuple[float, tuple[int, ...], tuple[float, ...]]:
    """(intercept, the indices of the non-zero weights, those weights): the refit uses about half the features."""
    intercept, weights = coefficients()
    used = [i for i, w in enumerate(weights) if w]
    return intercept, tuple(used), tuple(weights[i] for i in used)


def no_route_probability(kind: str, rates: dict[str, float] | None = None) -> float:
    """P(the empty answer is right) for a text without a route: ``no_place`` (no place named) or ``one_country``,
    from ``rates`` (default: the stored ``no_route``); a kind without a rate gets 0.5."""
    rates = (_data().get("no_route") or {}) if rates is None else rates
    return float(rates.get(kind, 0.5))


@lru_cache(maxsize=1)
def _data() -> dict:
    return read_model(data_path(CALIBRATION_FILE))


def read_model(path: Path) -> dict:
    """The calibration file: ``intercept``, ``weights`` (by feature name), ``no_route`` rates, ``genre_markers``.
    (A ``ceiling`` that a refit of 5 Dec 2026 stored is not read: the next refit drops it.)"""
    data = read_stage_file(path, CalibrationError)
    if "intercept" not in data:
        raise CalibrationError(f"{path}: no 'intercept' (a calibration file written by benchmarks/text_calibrate.py)")
    unknown = sorted(set(data.get("weights") or {}) - set(FEATURE_NAMES))
    if unknown:
        raise CalibrationError(f"{path}: weights: unknown feature {', '.join(unknown)}")
    return data


_HEADER: Final = ("# Calibrated confidence of routekit.text (see calibration.py): P(exact route) =\n"
           "# logistic(intercept + sum of weight x feature).\n"
           "# Written by benchmarks/text_calibrate.py.\n"
           "# genre_markers: words by which a record tells its genre (calibration.genre_counts; whole words,\n"
           "# any case, a space also matches a hyphen). Analysts may extend them; refit afterwards.\n")


def write_model(path: Path, model: dict, fitted: dict) -> None:
    """Store a fit (``intercept``, ``weights``, ``no_route``, ``tau``) and how it was made (``fitted``) in ``path``,
    keeping the file's other keys (``genre_markers``; an old ``ceiling`` is dropped)."""
    kept = {}
    if path.exists():
        kept = {key: value for key, value in read_stage_file(path, CalibrationError).items()
                if key not in ("fitted", "intercept", "weights", "no_route", "tau", "ceiling")}
    data = {"fitted": fitted, "intercept": float(model["intercept"]),
            "weights": {name: float(model["weights"].get(name, 0.0)) for name in FEATURE_NAMES},
            "no_route": {kind: float(rate) for kind, rate in model["no_route"].items()},
            "tau": float(model.get("tau", 0.0)), **kept}
    write_stage_file(path, _HEADER, data)


def logistic_confidence(score: float) -> float:
    """logistic(score) as a route's confidence is shown: within 0.01-0.99 (no record is called sure either way),
    rounded to 2 decimals. The refit scores its held-out rows with this too."""
    return round(min(max(1.0 / (1.0 + math.exp(-score)), 0.01), 0.99), 2)


@lru_cache(maxsize=8192)
def probability(values: tuple[float, ...]) -> float:
    """P(exact route) for one feature vector: ``logistic_confidence`` of the stored score (cached: few distinct
    vectors recur)."""
    intercept, indices, weights = _used_weights()
    # the products summed in the same order as a loop over (index, weight), with ``map`` in C
    return logistic_confidence(intercept + sum(map(mul, weights, map(values.__getitem__, indices))))


def fit(vectors: list[tuple[float, ...]], exact: list[bool], ridge: float = 1.0,
        row_weights: list[float] | None = None, lowering: tuple[int, ...] = ()) -> tuple[float, tuple[float, ...]]:
    """Logistic regression with a small L2 penalty (the labelled sets are a few hundred rows): intercept, weights.

    ``row_weights`` (default 1 per row) lets each labelled set count as much as another whatever its size, so that
    the many easy rows of the plain sets do not decide the confidence of the hard genres. ``lowering``: the columns
    whose weight is held <= 0 (see ``LOWERING``)."""
    intercept, weights, _ = fit_marginal(vectors, exact, None, ridge, row_weights, lowering)
    return intercept, weights


def fit_marginal(vectors: list[tuple[float, ...]], exact: list[bool], groups: list[str] | None, ridge: float = 1.0,
                 row_weights: list[float] | None = None, lowering: tuple[int, ...] = (),
                 ) -> tuple[float, tuple[float, ...], float]:
    """A logistic regression with a random intercept per group (a labelled set: one writer), predicting for a new
    group: intercept, weights and the groups' spread ``tau`` (0 without groups).

    Sets differ in difficulty as a whole, which no feature carries; a fit that ignores it is sure of itself where a
    new writer's set may sit anywhere in that spread. Each group's intercept is shrunk towards the common one
    (a normal prior of variance tau^2, tau by EM on the Laplace approximation), and the returned coefficients give
    the mean probability over the groups' spread, E[logistic(z + u)], u ~ N(0, tau^2), by the probit approximation
    logistic(z / sqrt(1 + pi tau^2 / 8)): the same form as a plain fit, so prediction costs nothing more."""
    import numpy as np
    from scipy.optimize import minimize

    x = np.asarray(vectors, dtype=float).reshape(len(exact), -1)
    y = np.asarray(exact, dtype=float)
    w = np.ones(len(x)) if row_weights is None else np.asarray(row_weights, dtype=float)
    features = x.shape[1]
    names = sorted(set(groups)) if groups is not None else []
    if len(names) < 2:   # one set has no spread to learn: a plain fit
        names = []
    member = (np.array([[g == n for n in names] for g in groups], dtype=float)   # type: ignore[type-var,union-attr]
              if names else np.zeros((len(x), 0)))   # (names is empty when groups is None)
    design = np.column_stack([np.ones(len(x)), x, member])
    bounds = ([(None, None)] + [(None, 0.0) if j in lowering else (None, None) for j in range(features)]
              + [(None, None)] * len(names))

    def solve(penalty, start):
        def loss(beta):
            z = design @ beta
            return -np.sum(w * (y * z - np.logaddexp(0.0, z))) + 0.5 * np.sum(penalty * beta ** 2)

        def gradient(beta):
            p = 1.0 / (1.0 + np.exp(-(design @ beta)))
            return -(design.T @ (w * (y - p))) + penalty * beta

        return minimize(loss, start, jac=gradient, method="L-BFGS-B", bounds=bounds).x

    tau2 = 0.25
    beta = np.zeros(design.shape[1])
    for _ in range(50 if names else 1):
        penalty = np.concatenate([[0.0], np.full(features, ridge), np.full(len(names), 1.0 / tau2)])
        beta = solve(penalty, beta)
        if not names:
            break
        p = 1.0 / (1.0 + np.exp(-(design @ beta)))
        hessian = design.T @ (design * (w * p * (1 - p))[:, None]) + np.diag(penalty)
        covariance = np.linalg.pinv(hessian)[1 + features:, 1 + features:]
        offsets = beta[1 + features:]
        new = max(float(np.sum(offsets ** 2) + np.trace(covariance)) / len(names), 1e-4)
        settled = abs(new - tau2) < 1e-4
        tau2 = new
        if settled:
            break
    if not names:
        return float(beta[0]), tuple(float(v) for v in beta[1:1 + features]), 0.0
    scale = 1.0 / math.sqrt(1.0 + math.pi * tau2 / 8.0)
    intercept = beta[0] + float(np.mean(beta[1 + features:]))
    return (float(scale * intercept), tuple(float(scale * v) for v in beta[1:1 + features]), math.sqrt(tau2))
