"""The fast paths of the calibration's per-text steps give the plain computation's answers (issue 15, speed)."""

from __future__ import annotations

import math
from itertools import repeat
from pathlib import Path

import pandas as pd

from routekit.text.calibration import FEATURE_NAMES, FEATURES, _CAPS, feature_vector

SAMPLE = Path(__file__).parent / "data" / "text_speed_regression.csv"


def _plain_vector(counts: dict) -> tuple[float, ...]:
    """The definition: every feature's count (0 when missing) as a float, capped."""
    return tuple(map(min, map(float, map(counts.get, FEATURE_NAMES, repeat(0.0))), _CAPS))


def _same(left: tuple[float, ...], right: tuple[float, ...]) -> bool:
    """Equal value by value, NaN where the other has NaN, and the same repr (the sign of a zero included)."""
    return len(left) == len(right) and all(
        (math.isnan(a) and math.isnan(b)) or (a == b and repr(a) == repr(b)) for a, b in zip(left, right))


def test_feature_vector_caps_fills_and_ignores_like_the_definition():
    names = [name for name, _ in FEATURES]
    cases = [
        {},
        {"legs": 3, "excluded": 9, "length": -1.0},   # an int under its cap, one over it, a negative float
        {name: cap for name, cap in FEATURES},        # every value exactly at its cap
        {name: cap + 1 for name, cap in FEATURES},    # every value over its cap
        {"fuzzy": True, "dialogue": False, "sentences": 12.5},
        {"length": -0.0, "unknown_mode_share": 0.0, "turns": 0},
        {"reorders": float("nan"), "codes": float("inf"), "years": float("-inf")},
        {"not_a_feature": 99, "legs": 2, "genre": 1.0},   # a count the features do not read
    ]
    for counts in cases:
        assert _same(feature_vector(counts), _plain_vector(counts)), counts
    assert len(feature_vector({})) == len(names)


def test_feature_vector_matches_the_definition_on_real_extractions():
    from routekit.text import extract_route
    from routekit.text import extraction

    seen = []
    original = extraction.feature_vector

    def recording(counts):
        seen.append(dict(counts))
        return original(counts)

    texts = pd.read_csv(SAMPLE, dtype=str, keep_default_na=False)["text"].head(150)
    extraction.feature_vector = recording
    try:
        for text in texts:
            extract_route(text)
    finally:
        extraction.feature_vector = original
    assert len(seen) > 50
    for counts in seen:
        assert _same(feature_vector(counts), _plain_vector(counts)), counts


def test_words_of_ascii_latin1_and_other_text_are_the_regex_words():
    from routekit.text.calibration import _WORD, _words

    every_latin1 = "".join(f"a{chr(code)}b {chr(code)}x" for code in range(256))
    cases = [every_latin1.lower(), "libië en türkei «via» frankrijk·italië\u00a0nl", "cliënt’s verklaring – via ı",
             "naar italië: “ja”", "plain ascii text, v: 12", "", "é", "ß²ª½"]
    texts = pd.read_csv(SAMPLE, dtype=str, keep_default_na=False)["text"]
    cases += [text.lower() for text in texts]
    assert any(not case.isascii() and max(map(ord, case)) < 256 for case in cases)   # the Latin-1 path is tried
    for case in cases:
        assert _words(case) == set(_WORD.findall(case)), case[:80]
