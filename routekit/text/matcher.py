"""A token-level phrase matcher: one pass over a text finds every cue, mode word and place name.

Why not one regular expression per cue list: Python's ``re`` tries each alternative at each
position, so 25 cue lists cost about a millisecond per narrative. Here the folded text is split
into tokens once, and phrases are looked up by their first token in a dictionary (``word*``
prefixes by their stem), which is about ten times faster and keeps overlapping matches of
different lists (``vertrokken uit`` is both a start and a departure cue).

Phrase syntax (as in ``cues.yaml``): tokens in sequence; ``word*`` any word starting with
``word``; ``...`` a gap of up to three tokens that does not cross punctuation.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import partial
from itertools import compress
from typing import Hashable, Iterator, NamedTuple

from routekit.text.normalise import fold

TOKEN = re.compile(r"[a-z0-9]+(?:'[a-z0-9]+)*")
GAP_TOKENS = 3
_GAP = ("...",)


@dataclass(frozen=True)
class Tokens:
    """The tokens of a folded text: character offsets, words, and punctuation groups."""

    starts: list[int]
    ends: list[int]
    words: list[str]
    groups: list[int]   # tokens with the same group id are not separated by punctuation

    def __len__(self) -> int:
        return len(self.words)


_BREAK = re.compile(r"[.,;:!?()\[\]\n]")
_MATCH_START, _MATCH_END, _MATCH_TEXT = re.Match.start, re.Match.end, re.Match.group


def tokenize(folded: str) -> Tokens:
    """Tokens with offsets; a token's group is the number of punctuation marks before it.

    ``map`` over the match methods and one ``bisect`` per token keep the loop in C (this is one of
    the hottest functions of the text stage). Groups never decrease along the text.
    """
    matches = list(TOKEN.finditer(folded))
    starts = list(map(_MATCH_START, matches))
    ends = list(map(_MATCH_END, matches))
    words = list(map(_MATCH_TEXT, matches))
    breaks = [m.start() for m in _BREAK.finditer(folded)]
    if breaks:
        groups = list(map(partial(bisect_right, breaks), starts))
    else:
        groups = [0] * len(starts)
    return Tokens(starts, ends, words, groups)


def phrase_elements(phrase: str) -> tuple[tuple[str, ...], ...]:
    """A phrase as elements: ('=', word) exact, ('^', stem) prefix, ('...',) gap."""
    elements: list[tuple[str, ...]] = []
    for piece in fold(str(phrase)).split():
        if piece == "...":
            if elements and elements[-1] != _GAP:
                elements.append(_GAP)
            continue
        wildcard = piece.endswith("*")
        parts = TOKEN.findall(piece.rstrip("*"))
        for index, part in enumerate(parts):
            last = index == len(parts) - 1
            elements.append(("^", part) if wildcard and last else ("=", part))
    while elements and elements[-1] == _GAP:
        elements.pop()
    return tuple(elements)


class _Phrase(NamedTuple):
    """A compiled phrase: its length in tokens and, when every element after the first is an exact
    word, those words (matched with one list comparison instead of the element loop)."""

    size: int
    exact_tail: list[str] | None
    elements: tuple
    payload: Hashable


def _compile(elements: tuple, payload: Hashable) -> _Phrase:
    tail = elements[1:]
    exact = all(element != _GAP and element[0] == "=" for element in tail)
    return _Phrase(len(elements), [word for _, word in tail] if exact else None, elements, payload)


class PhraseMatcher:
    """Find phrases (with payloads) in tokenized text."""

    _CACHE_LIMIT = 200_000

    def __init__(self) -> None:
        self._exact: dict[str, list[_Phrase]] = {}
        self._prefix: dict[str, list[_Phrase]] = {}
        self._prefix_lengths: list[int] = []
        self._cache: dict[str, list[_Phrase] | None] = {}

    def add(self, phrase: str, payload: Hashable) -> None:
        elements = phrase_elements(phrase)
        if not elements:
            return
        kind, word = elements[0]
        self._cache.clear()
        compiled = _compile(elements, payload)
        if kind == "=":
            self._exact.setdefault(word, []).append(compiled)
        else:
            self._prefix.setdefault(word, []).append(compiled)
            if len(word) not in self._prefix_lengths:
                self._prefix_lengths.append(len(word))
                self._prefix_lengths.sort()

    def _lookup(self, word: str) -> list[_Phrase] | None:
        """The phrases that can start with ``word``: exact first words, then prefixes by length."""
        found = self._exact.get(word)
        for length in self._prefix_lengths:
            if length > len(word):
                break
            more = self._prefix.get(word[:length])
            if more:
                found = (found or []) + more
        return found

    def _candidates_per_token(self, words: list[str]) -> list[list[_Phrase] | None]:
        """The candidate phrases of every token; words are looked up once and kept in a cache."""
        cache = self._cache
        unseen = set(words).difference(cache)
        if unseen:
            if len(cache) + len(unseen) > self._CACHE_LIMIT:
                cache.clear()
            for word in unseen:
                cache[word] = self._lookup(word)
        return list(map(cache.__getitem__, words))

    @staticmethod
    def _match(elements: tuple, tokens: Tokens, i: int, e: int = 1) -> int:
        """End token index (exclusive) of a match starting at token i, or -1."""
        words, groups = tokens.words, tokens.groups
        n = len(words)
        while e < len(elements):
            element = elements[e]
            if element is _GAP or element == _GAP:
                for skip in range(0, GAP_TOKENS + 1):
                    j = i + skip
                    if j >= n or groups[j] != groups[i - 1]:
                        break
                    end = PhraseMatcher._match(elements, tokens, j, e + 1)
                    if end >= 0:
                        return end
                return -1
            if i >= n or groups[i] != groups[i - 1]:
                return -1
            kind, word = element
            if (kind == "=" and words[i] != word) or (kind == "^" and not words[i].startswith(word)):
                return -1
            i += 1
            e += 1
        return i

    def find(self, tokens: Tokens) -> Iterator[tuple[int, int, Hashable]]:
        """Every match (start token, end token exclusive, payload); overlapping matches included.

        Groups never decrease, so "no punctuation inside the phrase" is one comparison of the groups
        of its first and last token; phrases of exact words compare as one list slice.
        """
        per_token = self._candidates_per_token(tokens.words)
        words, groups, n = tokens.words, tokens.groups, len(tokens.words)
        match = self._match
        for i in compress(range(n), per_token):
            for size, tail, elements, payload in per_token[i]:
                if size == 1:
                    yield i, i + 1, payload
                elif tail is not None:
                    end = i + size
                    if end <= n and groups[end - 1] == groups[i] and words[i + 1:end] == tail:
                        yield i, end, payload
                else:
                    end = match(elements, tokens, i + 1)
                    if end >= 0:
                        yield i, end, payload

    def find_longest(self, tokens: Tokens) -> Iterator[tuple[int, int, Hashable]]:
        """Leftmost-longest, non-overlapping matches (for place names); the first phrase wins a tie."""
        per_token = self._candidates_per_token(tokens.words)
        words, groups, n = tokens.words, tokens.groups, len(tokens.words)
        match = self._match
        covered = 0
        for i in compress(range(n), per_token):
            if i < covered:
                continue
            best_end, best_payload = -1, None
            for size, tail, elements, payload in per_token[i]:
                if size == 1:
                    end = i + 1
                elif tail is not None:
                    end = i + size
                    if end > n or groups[end - 1] != groups[i] or words[i + 1:end] != tail:
                        end = -1
                else:
                    end = match(elements, tokens, i + 1)
                if end > best_end:
                    best_end, best_payload = end, payload
            if best_end > i:
                yield i, best_end, best_payload
                covered = best_end
