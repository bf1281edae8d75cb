"""The fast paths of the matcher and the genre scan give the plain regex's answers.

``tokenize`` finds token offsets with numpy instead of ``TOKEN.finditer``; ``PhraseMatcher.find_spans`` groups
``find``'s matches as character spans in one loop; ``calibration._words`` splits non-ASCII text by bytes and
keeps the regex only for pieces with a non-ASCII character. Each is compared with the direct computation.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from routekit.text.calibration import _WORD, _words
from routekit.text.matcher import TOKEN, tokenize
from routekit.text.normalise import fold
from routekit.text.vocabulary import vocabulary

SAMPLE = Path(__file__).parent / "data" / "text_speed_regression.csv"
EDGE_CASES = ["", " ", "a", " a  b ", "abc,def\n\ngh", "don't go to l'Italie", "x" * 9, "naar\tSpanje-Frankrijk.",
              "São Tomé “Eritrea”—Soedan", "Ärzte\u00a0in\u2009Köln", "İstanbul ıı ß", "e\u0301t\u00e9 ,,"]


@pytest.fixture(scope="module")
def texts() -> list[str]:
    frame = pd.read_csv(SAMPLE, dtype=str, keep_default_na=False)
    return [text for text in frame["text"] if text] + EDGE_CASES


def test_tokenize_equals_the_token_regex(texts):
    for text in texts:
        for folded in (fold(text), text.lower()):   # folded text, and text that still holds non-ASCII letters
            tokens = tokenize(folded)
            matches = list(TOKEN.finditer(folded))
            assert tokens.words == [m.group() for m in matches], folded
            assert tokens.starts == [m.start() for m in matches], folded
            assert tokens.ends == [m.end() for m in matches], folded
            assert all(type(offset) is int for offset in tokens.starts + tokens.ends)


def test_find_spans_equals_find_as_spans(texts):
    for language in ("nl", "en", "both"):
        matcher = vocabulary(language).matcher
        for text in texts[:300]:
            tokens = tokenize(fold(text))
            expected: dict = {}
            for first, last, payload in matcher.find(tokens):
                expected.setdefault(payload, []).append((tokens.starts[first], tokens.ends[last - 1]))
            assert matcher.find_spans(tokens) == expected
            assert list(matcher.find_spans(tokens)) == list(expected)   # categories in the same order


def test_genre_words_equal_the_word_regex(texts):
    assert any(not text.isascii() for text in texts)
    for text in texts:
        low = text.lower()
        assert _words(low) == set(_WORD.findall(low)), low
