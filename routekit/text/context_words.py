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
An article right before a mention ("via the United Arab Emirates", "naar de Verenigde Staten", "the Turkish border")
belongs to the name or its noun phrase, not to the context: the window starts before it (``ARTICLES``). Read as a
word, "the" before a country took the weight the training writers' "the Turkish driver" gave it.
The record-level part (``RecordWords``: tokens with places blanked, the boundaries) is made once per text;
``mention_words`` is the per-mention part (a few bisects and a slice).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from itertools import accumulate
from typing import Callable, Final, Iterable

WINDOW: Final = 4
PLACE: Final = "<place>"
NUMBER: Final = "<num>"
ANY: Final = "w="
BEFORE: Final = "b="
AFTER: Final = "a="
# the articles that belong to the place named after them, never window words of it (English and Dutch, folded)
ARTICLES: Final = frozenset({"the", "de", "het"})


class RecordWords:
    """One text's tokens as a window reads them: token starts and words, the place mentions' spans, the offsets where
    a sentence starts and the text whose line breaks start a turn. Built in constant time: a window finds its own
    sentence, turn and places (``mention_words``), so a text whose stage reads one country's words pays for that
    country's windows only. ``places`` (the indices of the tokens inside a place name) and ``bounds`` (every sentence
    and turn start, sorted) are made on first use, for a reader that walks the whole text (``order_model``)."""

    __slots__ = ("starts", "words", "place_starts", "place_ends", "sentence_starts", "turns", "_places", "_bounds")

    def __init__(self, starts: list[int], words: list[str], spans: list[tuple[int, int]], sentence_starts,
                 turns: str | None) -> None:
        self.starts, self.words, self.sentence_starts, self.turns = starts, words, sentence_starts, turns
        spans = sorted(spans)
        self.place_starts = [start for start, _ in spans]
        # the furthest end of the places begun so far (a place inside another stays inside)
        self.place_ends = list(accumulate([end for _, end in spans], max))
        self._places: set[int] | None = None
        self._bounds: list[int] | None = None

    @property
    def places(self) -> set[int]:
        if self._places is None:
            starts = self.starts
            inside: set[int] = set()
            for start, end in zip(self.place_starts, self.place_ends):   # the same union as each place's own span
                inside.update(range(bisect_left(starts, start), bisect_left(starts, end)))
            self._places = inside
        return self._places

    @property
    def bounds(self) -> list[int]:
        if self._bounds is None:
            bounds = self.sentence_starts
            if self.turns is not None:
                bounds = list(bounds)
                at = self.turns.find("\n")
                while at >= 0:
                    bounds.append(at + 1)
                    at = self.turns.find("\n", at + 1)
                bounds.sort()
            self._bounds = bounds
        return self._bounds

    def window(self, start: int) -> tuple[int, int]:
        """The tokens (first, end) of the sentence and turn around the offset ``start``."""
        sentences = self.sentence_starts
        at = bisect_right(sentences, start)
        low = sentences[at - 1] if at else 0
        high = sentences[at] if at < len(sentences) else -1
        turns = self.turns
        if turns is not None:
            line = turns.rfind("\n", 0, start) + 1   # the turn's first offset (0: the text's first line)
            if line > low:
                low = line
            line = turns.find("\n", start)
            if line >= 0 and (high < 0 or line + 1 < high):
                high = line + 1
        starts = self.starts
        return bisect_left(starts, low), bisect_left(starts, high) if high >= 0 else len(starts)

    def blank(self, first: int, last: int) -> list[str]:
        """Tokens ``first``..``last - 1`` as a window reads them (``blanked``), the places found by their spans, an
        article right before a place read as part of it ("from Iran and the Turkish border": 'the' is the border's,
        not a word near Iran)."""
        if first >= last:
            return []
        starts, words, place_starts, place_ends = self.starts, self.words, self.place_starts, self.place_ends
        j = bisect_right(place_starts, starts[first]) - 1   # the last place begun at or before the first token
        last_place = len(place_starts) - 1
        found: list[str] = []
        for index in range(first, last):
            at = starts[index]
            while j < last_place and place_starts[j + 1] <= at:
                j += 1
            if j >= 0 and at < place_ends[j]:
                if found and found[-1] in ARTICLES:
                    found[-1] = PLACE   # "and the Turkish border": the article is the place's, not a word
                else:
                    found.append(PLACE)
            else:
                word = words[index]
                found.append(word if word.isalpha() or not _DIGIT(word) else NUMBER)
        return found


def record_words(starts: list[int], words: list[str], places: Iterable[tuple[int, int]], sentence_starts,
                 unjoined: str | None = None) -> RecordWords:
    """The record-level part: ``starts``/``words`` the tokens of the folded text, ``places`` the (start, end) of every
    place mention, ``sentence_starts`` the offsets where a sentence starts (``Segments.sentence_starts``), and
    ``unjoined`` the folded text before a question and its answer were joined (its line breaks are turn starts)."""
    return RecordWords(starts, words, list(places), sentence_starts,
                       unjoined if unjoined is not None and "\n" in unjoined else None)


def shared_record_words(starts: list[int], words: list[str], mentions, sentence_starts,
                        unjoined: str | None = None) -> Callable[[], RecordWords]:
    """``record_words`` of one text, built on the first call and shared by every learned stage that reads words
    (``mentions``: objects with ``start``/``end``): a text whose stages read no words never pays for it."""
    built: RecordWords | None = None

    def get() -> RecordWords:
        nonlocal built
        if built is None:
            built = record_words(starts, words, [(m.start, m.end) for m in mentions], sentence_starts, unjoined)
        return built
    return get


_DIGIT: Final = re.compile(r"\d").search


def blanked(words: list[str], places: set[int], first: int, last: int) -> list[str]:
    """Tokens ``first``..``last - 1`` as a window reads them: a place name ``<place>``, a token with any digit
    ``<num>`` (a flight, postcode, house or file number is person-level, never a word to learn)."""
    return [PLACE if index in places else word if (word := words[index]).isalpha() or not _DIGIT(word) else NUMBER
            for index in range(first, last)]   # isalpha first: most tokens skip the regex


def has_digit(word: str) -> bool:
    """Whether a word holds a digit (what ``blanked`` turns into ``<num>``; a stored word-feature never does)."""
    return _DIGIT(word) is not None


def mention_words(record: RecordWords, start: int, end: int, into: set[str]) -> None:
    """Add the window features of the mention at ``start``:``end`` to ``into`` (pooled over a candidate's mentions).

    What ``record.window`` and ``record.blank`` give, in one pass over at most ``WINDOW`` + 1 tokens each side (the
    hot path of a learned stage that reads words; a test holds it equal to ``_mention_words_reference``): the bisects
    are bounded to the window, and a token is looked up among the places only once."""
    starts = record.starts
    words = record.words
    count = len(starts)
    first = bisect_left(starts, start)
    after = bisect_left(starts, end, first)
    # the sentence and turn around the mention, as offsets (``RecordWords.window``)
    sentences = record.sentence_starts
    at = bisect_right(sentences, start)
    low = sentences[at - 1] if at else 0
    high = sentences[at] if at < len(sentences) else -1
    turns = record.turns
    if turns is not None:
        line = turns.rfind("\n", 0, start) + 1
        if line > low:
            low = line
        line = turns.find("\n", start)
        if line >= 0 and (high < 0 or line + 1 < high):
            high = line + 1
    reach = first - WINDOW - 1   # the article (one token) and WINDOW words: no token before this is read
    low = bisect_left(starts, low, reach if reach > 0 else 0, first)
    if first > low and words[first - 1] in ARTICLES:
        first -= 1   # "the United Arab Emirates": the article is part of the name, the window starts before it
    reach = after + WINDOW if after + WINDOW < count else count
    high = bisect_left(starts, high, after, reach) if high >= 0 else reach
    if first - WINDOW > low:
        low = first - WINDOW
    if low < first:
        before = record.blank(low, first)
        into.add(BEFORE + before[-1])
        for word in before:
            into.add(ANY + word)
    if after < high:
        following = record.blank(after, high)
        into.add(AFTER + following[0])
        for word in following:
            into.add(ANY + word)


def _mention_words_reference(record: RecordWords, start: int, end: int, into: set[str]) -> None:
    """``mention_words`` as first written, over the whole sentence's tokens (``window``, ``blank``): the reference
    the fast one is tested against."""
    low, high = record.window(start)
    starts = record.starts
    first = bisect_left(starts, start)
    if first > low and record.words[first - 1] in ARTICLES:
        first -= 1
    after = bisect_left(starts, end)
    before = record.blank(max(low, first - WINDOW), first)
    following = record.blank(after, min(high, after + WINDOW))
    if before:
        into.add(BEFORE + before[-1])
    if following:
        into.add(AFTER + following[0])
    into.update([ANY + word for word in before])
    into.update([ANY + word for word in following])


def plain(feature: str) -> str:
    """A feature as an analyst reads it: the word alone (``b=chauffeur`` -> ``chauffeur``)."""
    return feature[2:] if feature[1:2] == "=" else feature
