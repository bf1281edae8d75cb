"""The words around a place mention, as features a learned stage may weigh (issue 15).

A country kept as a stop that is not one (a driver's nationality, a plate, a visa, family abroad, an intention) is
told by the words beside it. The rules read such words from hand-written lists; a learned stage reads them from
labelled records instead. This module gives, per mention, the folded lower-case words in a small window around it:

- ``w=word``: any word within ``WINDOW`` words before or after the mention;
- ``b=word`` / ``a=word``: the word right before / right after it (its own feature: "naar X" is not "X naar").

A window never crosses a sentence or a transcript turn (a line): the words of the next answer are not this one's
(the order stage's ``span:``/``start:`` features, ``order_model.pair_words``, are the exception: they read the words
between two mentions, which may lie in different sentences or turns). Other place names in the window read
``<place>``, and any token holding a digit reads ``<num>``: not only years and all-digit numbers but flight numbers
("kl0714"), postcodes ("1234ab"), house numbers ("12a") and file or v-numbers ("v1234567") - tokens that can point to
one person or one journey, and that a stored model must never learn. Transcript labels ("v", "a") are ordinary words.
The record-level part (``RecordWords``: tokens with places blanked, the boundaries) is made once per text;
``mention_words`` is the per-mention part (a few bisects and a slice).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from typing import Callable, Iterable

WINDOW = 4
PLACE = "<place>"
NUMBER = "<num>"
ANY, BEFORE, AFTER = "w=", "b=", "a="


class RecordWords:
    """One text's tokens as a window reads them: token starts and words, the indices of the tokens inside a place
    name, and the offsets where a sentence or a turn starts. Nothing is copied per token: a window blanks its own few
    words."""

    __slots__ = ("starts", "words", "places", "bounds")

    def __init__(self, starts: list[int], words: list[str], places: set[int], bounds: list[int]) -> None:
        self.starts, self.words, self.places, self.bounds = starts, words, places, bounds


def record_words(starts: list[int], words: list[str], places: Iterable[tuple[int, int]], sentence_starts,
                 unjoined: str | None = None) -> RecordWords:
    """The record-level part: ``starts``/``words`` the tokens of the folded text, ``places`` the (start, end) of every
    place mention, ``sentence_starts`` the offsets where a sentence starts (``Segments.sentence_starts``), and
    ``unjoined`` the folded text before a question and its answer were joined (its line breaks are turn starts)."""
    inside: set[int] = set()
    for start, end in places:
        inside.update(range(bisect_left(starts, start), bisect_left(starts, end)))
    bounds = sentence_starts
    if unjoined is not None and "\n" in unjoined:
        bounds = list(sentence_starts)
        at = unjoined.find("\n")
        while at >= 0:
            bounds.append(at + 1)
            at = unjoined.find("\n", at + 1)
        bounds.sort()
    return RecordWords(starts, words, inside, bounds)


def shared_record_words(starts: list[int], words: list[str], mentions, sentence_starts,
                        unjoined: str | None = None) -> Callable[[], RecordWords]:
    """``record_words`` of one text, built on the first call and shared by every learned stage that reads words
    (``mentions``: objects with ``start``/``end``): a text whose stages read no words never pays for it."""
    built = None

    def get() -> RecordWords:
        nonlocal built
        if built is None:
            built = record_words(starts, words, [(m.start, m.end) for m in mentions], sentence_starts, unjoined)
        return built
    return get


_DIGIT = re.compile(r"\d").search


def blanked(words: list[str], places: set[int], first: int, last: int) -> list[str]:
    """Tokens ``first``..``last - 1`` as a window reads them: a place name ``<place>``, a token with any digit
    ``<num>`` (a flight, postcode, house or file number is person-level, never a word to learn)."""
    return [PLACE if index in places else word if (word := words[index]).isalpha() or not _DIGIT(word) else NUMBER
            for index in range(first, last)]   # isalpha first: most tokens skip the regex


def has_digit(word: str) -> bool:
    """Whether a word holds a digit (what ``blanked`` turns into ``<num>``; a stored word-feature never does)."""
    return _DIGIT(word) is not None


def mention_words(record: RecordWords, start: int, end: int, into: set[str]) -> None:
    """Add the window features of the mention at ``start``:``end`` to ``into`` (pooled over a candidate's mentions)."""
    starts, bounds = record.starts, record.bounds
    at = bisect_right(bounds, start)
    low = bisect_left(starts, bounds[at - 1]) if at else 0
    high = bisect_left(starts, bounds[at]) if at < len(bounds) else len(starts)
    first = bisect_left(starts, start)
    after = bisect_left(starts, end)
    before = blanked(record.words, record.places, max(low, first - WINDOW), first)
    following = blanked(record.words, record.places, after, min(high, after + WINDOW))
    if before:
        into.add(BEFORE + before[-1])
    if following:
        into.add(AFTER + following[0])
    into.update([ANY + word for word in before])
    into.update([ANY + word for word in following])


def plain(feature: str) -> str:
    """A feature as an analyst reads it: the word alone (``b=chauffeur`` -> ``chauffeur``)."""
    return feature[2:] if feature[1:2] == "=" else feature
