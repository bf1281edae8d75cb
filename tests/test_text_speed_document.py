"""The document layer's fast paths give the plain computation's answers (issue 15, speed): turn labels found
backwards from the colons, the code scan skipped without two capitals together, the subject gate as a factored
alternation, and punctuation made spaces with a bytes table."""

from __future__ import annotations

import random
import re
from pathlib import Path

import pandas as pd

from routekit.text.dialogue import _labels, _lexicon as _dialogue_lexicon
from routekit.text.document import _CAPITALS, _CODE_CHAIN, literal_alternation, read_codes
from routekit.text.normalise import fold
from routekit.text.subject import _PUNCTUATION_TO_SPACE, _punctuation_to_space

SAMPLE = Path(__file__).parent / "data" / "text_speed_regression.csv"


def _sample_texts() -> list[str]:
    return list(pd.read_csv(SAMPLE, dtype=str, keep_default_na=False)["text"])


def _labels_by_scan(folded: str, words: frozenset[str]) -> list[tuple[int, int, str]]:
    """The definition: at each colon, the word before it (spaces and tabs between), preceded by the text's start, a
    white-space character or a sentence mark, when that word is a label."""
    found = []
    for colon in (i for i, char in enumerate(folded) if char == ":"):
        end = colon
        while end > 0 and folded[end - 1] in " \t":
            end -= 1
        start = end
        while start > 0 and (folded[start - 1].isalnum() or folded[start - 1] == "_"):
            start -= 1
        word = folded[start:end]
        if word in words and (start == 0 or folded[start - 1] in " \t\n\r\f\v.!?"):
            found.append((start, colon + 1, word))
    return found


def test_turn_labels_are_the_words_before_the_colons():
    lexicon = _dialogue_lexicon()
    assert lexicon.label_words   # the one-word labels this test is about
    words = sorted(lexicon.label_words)
    rng = random.Random(5)
    pieces = [" ", "\t", "\n", ".", "?", "(", ":", "x", "_", "1", "é", "蛇"] + [w for w in words] + [w + ":" for w in words]
    cases = [fold(text) for text in _sample_texts()] + ["v: waar? a: daar", "V : ja\nA:\tnee", ":", "a:", "xv: no",
                                                         "(v: no", "vraag  :  x antwoord:y", "éa: no", "蛇a: no"]
    cases += ["".join(rng.choice(pieces) for _ in range(rng.randrange(0, 14))) for _ in range(20_000)]
    for folded in cases:
        got = [(label.start(), label.end(), label.group(1)) for label in _labels(folded, lexicon)]
        assert got == _labels_by_scan(folded, lexicon.label_words), folded


def test_codes_are_read_only_where_two_capitals_stand_together():
    """The code scan is skipped only where it would find nothing: every code chain holds two capitals together, also
    when non-ASCII letters stand next to them."""
    rng = random.Random(6)
    pieces = ["A", "B", "I", "S", "T", "a", "é", "É", "Ü", " ", "-", "/", "–", "via ", "naar ", "\n"]
    for text in _sample_texts() + ["".join(rng.choice(pieces) for _ in range(rng.randrange(0, 12))) for _ in range(20_000)]:
        if b"AA" not in text.encode("ascii", "ignore").translate(_CAPITALS):
            assert _CODE_CHAIN.search(text) is None, text
            assert read_codes(text) is text
    for text, codes in (("We vlogen via IST naar AMS.", ("IST", "AMS")),
                        ("Met de trein via ITA-FRA en toen via TR naar NL.", ("ITA", "FRA", "TR", "NL"))):
        read = read_codes(text)   # the codes are still read (as country names)
        assert read != text and not any(code in read for code in codes), read
    for text in ("Geen codes hier, maar Élan en Über.", "A B C", "ÄÖ via Ü", "via ÉIST", ""):
        assert read_codes(text) is text


def test_literal_alternation_matches_the_plain_alternation():
    rng = random.Random(9)
    for _ in range(2_000):
        words = ["".join(rng.choice("ab c.") for _ in range(rng.randrange(0, 4))) for _ in range(rng.randrange(0, 5))]
        plain, factored = re.compile("|".join(map(re.escape, words))), re.compile(literal_alternation(words))
        for _ in range(10):
            text = "".join(rng.choice("abc .d") for _ in range(rng.randrange(0, 9)))
            assert (plain.search(text) is None) == (factored.search(text) is None), (words, text)
            assert ({(m, n) for m in range(len(text) + 1) for n in range(m, len(text) + 1) if plain.fullmatch(text, m, n)}
                    == {(m, n) for m in range(len(text) + 1) for n in range(m, len(text) + 1)
                        if factored.fullmatch(text, m, n)}), (words, text)


def test_punctuation_to_space_is_the_translation_table():
    for text in [fold(text) for text in _sample_texts()] + ["a,b.c;d:e!f?g(h)i'j\"k", "héé, ı’s", ""]:
        assert _punctuation_to_space(text) == text.translate(_PUNCTUATION_TO_SPACE)
