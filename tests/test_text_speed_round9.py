"""Speed round 9 (issue 15): each shortcut gives what the plain computation gives."""

from __future__ import annotations

import pytest

from text_samples import shortcut_texts as _texts

_FIRST_CASES = [
    "eerst naar algerije en pas daarna naar marokko",
    "the first interview; at first he went to lebanon and only then to jordan",
    "his first, at first x, firstly y; her first z, a first, xa first, teerst first, allereerst",
    "the at first eerst",   # a refused start inside a longer word list: the scan moves on by one character
    "the  first my first their firstly our first its first",
    "first",
    "",
]


@pytest.mark.parametrize("folded", _FIRST_CASES)
def test_first_word_ends_are_the_first_patterns_matches_on_cases(folded):
    from routekit.text import timeline

    assert timeline.first_word_ends(folded) == [m.end() for m in timeline.first_then()[0].finditer(folded)]


def test_first_word_ends_are_the_first_patterns_matches_on_real_texts():
    from routekit.text import timeline
    from routekit.text.normalise import fold

    first_word = timeline.first_then()[0]
    found = refused = 0
    for text in _texts():
        folded = fold(text)
        for probe in (folded, folded.lower()):
            ends = timeline.first_word_ends(probe)
            assert ends == [m.end() for m in first_word.finditer(probe)]
            found += len(ends)
            refused += len(timeline._first_word_scan()[0].findall(probe)) > len(ends)
    assert found > 10 and refused > 0   # the sample holds the words, and ranks ("the first") the assertions refuse
