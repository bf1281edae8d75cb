"""Speed round 10: each shortcut against the plain computation it replaces (see routekit/text/wordstart.py)."""

from __future__ import annotations

import re
import sys

import pytest

from routekit.text import timeline
from routekit.text.normalise import fold
from routekit.text.wordstart import word_start_first

sys.path.insert(0, str(__import__("pathlib").Path(__file__).parent))
from text_samples import shortcut_texts  # noqa: E402


@pytest.fixture(scope="module")
def folded_texts() -> list[str]:
    return [fold(text) for text in shortcut_texts()]


def _matches(pattern: re.Pattern[str], text: str, *window: int) -> list:
    return [(m.span(), m.groups()) for m in pattern.finditer(text, *window)]


def _same(plain: re.Pattern[str], fast: re.Pattern[str], texts: list[str]) -> None:
    for text in texts:
        assert _matches(fast, text) == _matches(plain, text), (plain.pattern[:60], text[:80])
        middle = len(text) // 2   # windows: look-behinds stop at the window's start as before
        assert _matches(fast, text, middle) == _matches(plain, text, middle)
        assert _matches(fast, text, 3, middle) == _matches(plain, text, 3, middle)
        for start in range(0, len(text), 37):
            plain_match, fast_match = plain.match(text, start), fast.match(text, start)
            assert (fast_match and fast_match.span()) == (plain_match and plain_match.span())


CASES = ["Hij verklaarde dat hij via Italie kwam; zij stated niets. hijverklaarde.", "'said' x-said told, zei'n zei",
         "woonde in Kabul, gewoond te Herat, verblijfplaats, opgegroeid", "naar de kust. to Libya into Spain"]


@pytest.mark.parametrize("source", [
    r"(?<![\w'])(?:verklaarde|verklaarden|stated|said|zei|told|s)(?![\w'])",
    r"(?<![\w'])(?:zei (dat|that)|said (that)|told|s(o))(?![\w'])",   # groups: alternatives stay in place
    r"\b(?:woon\w*|gewoond|verbleef|opgegroeid)(?![\w'])",
    r"\b(?:naar|to|into)\s+(?:(?:de|het|the)\s+)?",
    r"(?<![\w'])(?:naar|to)\s+$|(?<![\w'])(?:from|uit)\b",            # a top-level alternative after the group
])
def test_word_start_first_matches_as_the_plain_pattern(source: str, folded_texts: list[str]) -> None:
    plain = re.compile(source)
    fast = word_start_first(plain)
    assert fast is not plain and not fast.pattern.startswith(("(?<!", r"\b"))
    assert fast.groups == plain.groups
    _same(plain, fast, CASES + folded_texts[:400])


@pytest.mark.parametrize("source, flags", [
    (r"(?<![\w'])(?:naar|to)?\s+", 0),        # the group may be left out: the assertion must stay outside
    (r"(?<![\w'])(?:naar|to)+", 0),
    (r"(?<![\w'])(?:(?:de|het)\s+|to)", 0),   # an alternative opening with a group
    (r"(?<![\w'])(?:\d+|to)", 0),             # ... with an escape
    (r"(?<![\w'])(?:a?b|to)", 0),             # ... with a quantified first character
    (r"(?<![\w'])(?:naar|to)", re.IGNORECASE),
    (r"(?:naar|to)\b", 0),
])
def test_word_start_first_leaves_other_patterns(source: str, flags: int) -> None:
    plain = re.compile(source, flags)
    assert word_start_first(plain) is plain


def test_the_package_patterns_match_as_before(folded_texts: list[str]) -> None:
    """Every pattern of the text modules that opens with a word-start alternation (as written there), rewritten,
    finds what it finds as written - and the rewritten ones the package uses equal their plain sources."""
    import routekit.text.extraction as extraction
    from routekit.text import dialogue, document, journeys, letters, subject

    plain_sources = []
    for module in (extraction, dialogue, document, journeys, letters, subject):
        plain_sources += [value for value in vars(module).values() if isinstance(value, re.Pattern)
                          and value.pattern.startswith((r"(?<![\w'])(?:", r"\b(?:"))]
    plain_sources.append(re.compile(r"\b" + extraction._in_order("lived_words", spaced=True) + r"(?![\w'])"))
    statement = [str(w) for w in document.cues()["persons"]["statement"]]
    plain_sources.append(re.compile(r"(?<![\w'])(?:" + "|".join(sorted(statement, key=len, reverse=True))
                                    + r")(?![\w'])"))
    rewritten = [(plain, word_start_first(plain)) for plain in plain_sources]
    assert sum(fast is not plain for plain, fast in rewritten) >= 10
    for plain, fast in rewritten:
        if fast is not plain:
            _same(plain, fast, CASES + folded_texts[:150])
    assert extraction._LIVED_SOMEWHERE.pattern == word_start_first(plain_sources[-2]).pattern
    assert document.words_regex(statement).pattern == word_start_first(plain_sources[-1]).pattern
