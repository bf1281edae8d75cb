"""The words around a place mention, as features a learned stage may weigh (issue 15).

A country kept as a stop that is not one (a driver's nationality, a plate, a visa, family abroad, an intention) is
told by the words beside it. The rules read such words from hand-written lists; a learned stage reads them from
labelled records instead. This module gives, per mention, the folded lower-case words in a small window around it:

- ``w=word``: any word within ``WINDOW`` words before or after the mention;
- ``b=word`` / ``a=word``: the word right before / right after it (its own feature: "naar X" is not "X naar").

A window never crosses a sentence or a transcript turn (a line): the words of the next answer are not this one's.
Other place names in the window read ``<place>`` and numbers ``<num>``, so that no country, town or year is learnt as
a word. The record-level part (``RecordWords``: tokens with places blanked, the boundaries) is made once per text;
``mention_words`` is the per-mention part (a few bisects and a slice).
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from typing import Iterable

WINDOW = 4
PLACE = "<place>"
NUMBER = "<num>"
ANY, BEFORE, AFTER = "w=", "b=", "a="


class RecordWords:
    """One text's tokens as a window reads them: token starts, words (places and numbers blanked), and the offsets
    where a sentence or a turn starts."""

    __slots__ = ("starts", "words", "bounds")

    def __init__(self, starts: list[int], words: list[str], bounds: list[int]) -> None:
        self.starts, self.words, self.bounds = starts, words, bounds


def record_words(starts: list[int], words: list[str], places: Iterable[tuple[int, int]], sentence_starts,
                 unjoined: str | None = None) -> RecordWords:
    """The record-level part: ``starts``/``words`` the tokens of the folded text, ``places`` the (start, end) of every
    place mention, ``sentence_starts`` the offsets where a sentence starts (``Segments.sentence_starts``), and
    ``unjoined`` the folded text before a question and its answer were joined (its line breaks are turn starts)."""
    blanked = [NUMBER if word.isdigit() else word for word in words]
    for start, end in places:
        for index in range(bisect_left(starts, start), bisect_left(starts, end)):
            blanked[index] = PLACE
    bounds = list(sentence_starts)
    if unjoined is not None and "\n" in unjoined:
        at = unjoined.find("\n")
        while at >= 0:
            bounds.append(at + 1)
            at = unjoined.find("\n", at + 1)
        bounds.sort()
    return RecordWords(starts, blanked, bounds)


def mention_words(record: RecordWords, start: int, end: int, into: set[str]) -> None:
    """Add the window features of the mention at ``start``:``end`` to ``into`` (pooled over a candidate's mentions)."""
    starts, words, bounds = record.starts, record.words, record.bounds
    at = bisect_right(bounds, start)
    low = bisect_left(starts, bounds[at - 1]) if at else 0
    high = bisect_left(starts, bounds[at]) if at < len(bounds) else len(starts)
    first = bisect_left(starts, start)
    after = bisect_left(starts, end)
    before = words[max(low, first - WINDOW):first]
    following = words[after:min(high, after + WINDOW)]
    if before:
        into.add(BEFORE + before[-1])
    if following:
        into.add(AFTER + following[0])
    for word in before:
        into.add(ANY + word)
    for word in following:
        into.add(ANY + word)


def plain(feature: str) -> str:
    """A feature as an analyst reads it: the word alone (``b=chauffeur`` -> ``chauffeur``)."""
    return feature[2:] if feature[1:2] == "=" else feature
