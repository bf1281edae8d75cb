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
from typing import Hashable, Iterator

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


def tokenize(folded: str) -> Tokens:
    """Tokens with offsets; a token's group is the number of punctuation marks before it.

    Comprehensions over ``finditer`` and one ``bisect`` per token keep the loop in C as far as
    possible (this is the hottest function of the text stage).
    """
    matches = list(TOKEN.finditer(folded))
    starts = [m.start() for m in matches]
    ends = [m.end() for m in matches]
    words = [m.group() for m in matches]
    breaks = [m.start() for m in _BREAK.finditer(folded)]
    if breaks:
        groups = [bisect_right(breaks, start) for start in starts]
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


class PhraseMatcher:
    """Find phrases (with payloads) in tokenized text."""

    def __init__(self) -> None:
        self._exact: dict[str, list[tuple[tuple, Hashable]]] = {}
        self._prefix: dict[str, list[tuple[tuple, Hashable]]] = {}
        self._prefix_lengths: list[int] = []
        self._cache: dict[str, list | None] = {}

    def add(self, phrase: str, payload: Hashable) -> None:
        elements = phrase_elements(phrase)
        if not elements:
            return
        kind, word = elements[0]
        self._cache.clear()
        if kind == "=":
            self._exact.setdefault(word, []).append((elements, payload))
        else:
            self._prefix.setdefault(word, []).append((elements, payload))
            if len(word) not in self._prefix_lengths:
                self._prefix_lengths.append(len(word))
                self._prefix_lengths.sort()

    def _candidates(self, word: str):
        try:
            return self._cache[word]
        except KeyError:
            pass
        found = self._exact.get(word)
        for length in self._prefix_lengths:
            if length > len(word):
                break
            more = self._prefix.get(word[:length])
            if more:
                found = (found or []) + more
        if len(self._cache) < 200_000:
            self._cache[word] = found
        return found

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
        """Every match (start token, end token exclusive, payload); overlapping matches included."""
        for i, word in enumerate(tokens.words):
            candidates = self._candidates(word)
            if not candidates:
                continue
            for elements, payload in candidates:
                end = self._match(elements, tokens, i + 1) if len(elements) > 1 else i + 1
                if end >= 0:
                    yield i, end, payload

    def find_longest(self, tokens: Tokens) -> Iterator[tuple[int, int, Hashable]]:
        """Leftmost-longest, non-overlapping matches (for place names)."""
        i = 0
        n = len(tokens.words)
        while i < n:
            candidates = self._candidates(tokens.words[i])
            best_end, best_payload = -1, None
            if candidates:
                for elements, payload in candidates:
                    end = self._match(elements, tokens, i + 1) if len(elements) > 1 else i + 1
                    if end > best_end:
                        best_end, best_payload = end, payload
            if best_end > i:
                yield i, best_end, best_payload
                i = best_end
            else:
                i += 1
