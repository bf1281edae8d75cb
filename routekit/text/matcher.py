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
from collections.abc import Callable, Hashable, Iterable, Sequence
from itertools import accumulate, compress
from operator import add
from typing import Final, NamedTuple

from routekit.text.normalise import fold

TOKEN: Final = re.compile(r"[a-z0-9]+(?:'[a-z0-9]+)*")
GAP_TOKENS: Final = 3
_GAP: Final = ("...",)


class Tokens:
    """The tokens of a folded text: character offsets and words.

    Phrases never cross punctuation; a candidate match asks ``unbroken`` for its own span (a short
    regex search) instead of every text paying for punctuation groups of all its tokens.
    """

    __slots__ = ("starts", "ends", "words", "_folded")

    def __init__(self, starts: list[int], ends: list[int], words: list[str], folded: str) -> None:
        self.starts, self.ends, self.words, self._folded = starts, ends, words, folded

    def __len__(self) -> int:
        return len(self.words)

    def unbroken(self, first: int, last: int) -> bool:
        """No punctuation between token ``first`` and token ``last``."""
        return _BREAK.search(self._folded, self.ends[first], self.starts[last]) is None


_BREAK: Final = re.compile(r"[.,;:!?()\[\]\n]")
_MATCH_START: Final = re.Match.start
_MATCH_END: Final = re.Match.end
_MATCH_TEXT: Final = re.Match.group
_NON_ASCII: Final = re.compile(r"[^\x00-\x7f]")
# Bytes that can be part of a token keep their value, every other byte becomes a space.
_TOKEN_BYTES: Final = bytes(c if re.fullmatch(r"[a-z0-9']", chr(c)) else 32 for c in range(256))


def tokenize(folded: str) -> Tokens:
    """Tokens with offsets (``TOKEN`` matches of the folded text).

    The hottest function of the text stage, so it avoids a regex scan: every character that cannot be
    part of a token becomes a space (``bytes.translate``), ``split(" ")`` gives the words, and an
    empty piece per extra space keeps the offsets countable with ``accumulate`` - all loops in C.
    A text with an apostrophe (where ``TOKEN``'s rule "'s" / "didn't" decides) takes the regex.
    """
    plain = folded if folded.isascii() else _NON_ASCII.sub(" ", folded)
    spaced = plain.encode("ascii").translate(_TOKEN_BYTES).decode("ascii")
    if "'" in spaced:
        matches = list(TOKEN.finditer(folded))
        return Tokens(list(map(_MATCH_START, matches)), list(map(_MATCH_END, matches)),
                      list(map(_MATCH_TEXT, matches)), folded)
    pieces = spaced.split(" ")
    # piece i starts after the i pieces and i spaces before it
    offsets = list(map(add, accumulate(map(len, pieces), initial=0), range(len(pieces) + 1)))
    words = list(filter(None, pieces))
    starts = list(compress(offsets, pieces))
    return Tokens(starts, list(map(add, starts, map(len, words))), words, folded)


_PLAIN_WORDS: Final = re.compile(r"[a-z0-9]+(?: [a-z0-9]+)*")


def first_words(phrases: Iterable[str]) -> frozenset[str] | None:
    """The first word of each phrase (folded): a regex that matches one of the phrases as whole words, bounded by no
    ``[\\w']`` character on either side, matches where that word is one of the text's tokens (``tokenize`` splits at
    every character that is no ``[a-z0-9']``), so a text whose tokens hold none of these words holds no match - a
    set test before a scan of the whole text. None when a phrase is not plain lower-case words and digits (an
    apostrophe: no such guarantee)."""
    firsts = set()
    for phrase in phrases:
        folded = " ".join(fold(str(phrase)).split())
        if not _PLAIN_WORDS.fullmatch(folded):
            return None
        firsts.add(folded.split(" ", 1)[0])
    return frozenset(firsts)


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
    word, those words (matched with one list comparison instead of the element loop). Other phrases
    (gaps, ``word*``) carry the exact words they need within ``reach`` tokens after the first, a cheap
    test that rejects most candidates before the element loop runs."""

    size: int
    exact_tail: list[str] | None
    elements: tuple
    payload: Hashable
    needed: tuple[str, ...] = ()
    reach: int = 0


def _compile(elements: tuple, payload: Hashable) -> _Phrase:
    tail = elements[1:]
    exact = all(element != _GAP and element[0] == "=" for element in tail)
    if exact:
        return _Phrase(len(elements), [word for _, word in tail], elements, payload)
    gaps = tail.count(_GAP)
    needed = tuple(element[1] for element in tail if element != _GAP and element[0] == "=")
    return _Phrase(len(elements), None, elements, payload, needed, len(tail) - gaps + gaps * GAP_TOKENS)


def _within(needed: tuple[str, ...], words: list[str], i: int, reach: int) -> bool:
    """Every word a phrase needs occurs among the ``reach`` tokens after token i (a necessary condition)."""
    if not needed:
        return True
    return all(map(words[i + 1:i + 1 + reach].__contains__, needed))


class _Choice(NamedTuple):
    """The phrases to try at a token, and the same without those that need words after it (gaps, ``word*``): when
    none of the words those phrases need (``gate_words``) occurs within ``gate_reach`` tokens, none of them can
    match, and one ``isdisjoint`` replaces a test per phrase ("was ... gevlucht" and its kin start at every 'was')."""

    phrases: tuple[_Phrase, ...]
    ungated: tuple[_Phrase, ...]
    gate_words: frozenset[str]
    gate_reach: int
    # the payloads, when every phrase is one word long (most choices, and the empty ones): ``find_spans`` then adds
    # the token's span to each without the per-phrase tests; else None
    singles: tuple | None = None


def _choice(phrases: tuple[_Phrase, ...]) -> _Choice:
    gated = [phrase for phrase in phrases if phrase.exact_tail is None and phrase.needed]
    if not gated:
        singles = tuple(phrase.payload for phrase in phrases) if all(p.size == 1 for p in phrases) else None
        return _Choice(phrases, phrases, frozenset(), 0, singles)
    return _Choice(phrases, tuple(phrase for phrase in phrases if phrase not in gated),
                   frozenset(word for phrase in gated for word in phrase.needed), max(phrase.reach for phrase in gated))


class _Starts(NamedTuple):
    """The phrases that can start at a word, narrowed by the word after it: most candidates are phrases of
    exact words ("in de buurt van"), and the next word rules out nearly all of them with one dict look-up.
    Each choice keeps the phrases' order, so matches come out as from the full list."""

    by_next: dict[str, _Choice]
    otherwise: _Choice   # the phrases that do not need an exact second word


def _starts(phrases: list[_Phrase]) -> _Starts:
    otherwise = tuple(phrase for phrase in phrases if not phrase.exact_tail)
    second_words = {phrase.exact_tail[0] for phrase in phrases if phrase.exact_tail}
    by_next = {word: _choice(tuple(phrase for phrase in phrases if not phrase.exact_tail or phrase.exact_tail[0] == word))
               for word in second_words}
    return _Starts(by_next, _choice(otherwise))


class WordCache(dict):
    """A bounded word -> value cache that fills its misses with ``compute``: a text's words are looked up with
    one ``map`` over ``__getitem__``, which stays in C for every word seen before."""

    def __init__(self, compute: Callable[[str], object], limit: int) -> None:
        super().__init__()
        self.compute, self.limit = compute, limit

    def __missing__(self, word: str) -> object:
        if len(self) >= self.limit:
            self.clear()
        value = self[word] = self.compute(word)
        return value

    def values_of(self, words: list[str]) -> list:
        return list(map(self.__getitem__, words))


class PhraseMatcher:
    """Find phrases (with payloads) in tokenized text."""

    _CACHE_LIMIT = 200_000

    def __init__(self) -> None:
        self._exact: dict[str, list[_Phrase]] = {}
        self._prefix: dict[str, list[_Phrase]] = {}
        self._prefix_lengths: list[int] = []
        self._cache = WordCache(self.starts_of, self._CACHE_LIMIT)

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

    def starts_of(self, word: str) -> _Starts | tuple:
        """The phrases that can start at ``word`` (an empty tuple for most words); not cached."""
        phrases = self._lookup(word)
        return _starts(phrases) if phrases else ()

    def _candidates_per_token(self, words: list[str]) -> list[_Starts | tuple]:
        """The candidate phrases of every token (an empty tuple for most words); words are looked up
        once and kept in a cache, so a text costs one ``map`` over the cache."""
        return self._cache.values_of(words)

    @staticmethod
    def _match(elements: tuple, tokens: Tokens, i: int, e: int = 1) -> int:
        """End token index (exclusive) of a match starting at token i, or -1."""
        words, unbroken = tokens.words, tokens.unbroken
        n = len(words)
        while e < len(elements):
            element = elements[e]
            if element is _GAP or element == _GAP:
                for skip in range(0, GAP_TOKENS + 1):
                    j = i + skip
                    if j >= n or not unbroken(i - 1, j):
                        break
                    end = PhraseMatcher._match(elements, tokens, j, e + 1)
                    if end >= 0:
                        return end
                return -1
            if i >= n or not unbroken(i - 1, i):
                return -1
            kind, word = element
            if (kind == "=" and words[i] != word) or (kind == "^" and not words[i].startswith(word)):
                return -1
            i += 1
            e += 1
        return i

    def find(self, tokens: Tokens, candidates: Sequence | None = None) -> list[tuple[int, int, Hashable]]:
        """Every match (start token, end token exclusive, payload); overlapping matches included.

        Phrases of exact words compare as one list slice, then check for punctuation inside their
        span; phrases with gaps or ``word*`` run the element loop only when the words they need occur.
        ``candidates``: ``starts_of`` per token, when the caller looked them up already.

        The plain form: the extractor runs ``find_spans`` (cues) and ``find_longest`` (places), which repeat this
        loop with their own bookkeeping inside it (tests hold ``find_spans`` to this one). The loop is written out
        in each rather than shared through a per-phrase helper: a shared helper measured 1-5% of the extraction
        time.
        """
        per_token = self._candidates_per_token(tokens.words) if candidates is None else candidates
        words, unbroken, n = tokens.words, tokens.unbroken, len(tokens.words)
        following = words[1:] + [""]
        match = self._match
        found: list[tuple[int, int, Hashable]] = []
        for i in compress(range(n), per_token):
            by_next, otherwise = per_token[i]
            choice = by_next.get(following[i], otherwise)
            if choice.gate_words and choice.gate_words.isdisjoint(words[i + 1:i + 1 + choice.gate_reach]):
                to_try = choice.ungated   # see _Choice
            else:
                to_try = choice.phrases
            for size, tail, elements, payload, needed, reach in to_try:
                if size == 1:
                    found.append((i, i + 1, payload))
                elif tail is not None:
                    end = i + size
                    if end <= n and words[i + 1:end] == tail and unbroken(i, end - 1):
                        found.append((i, end, payload))
                elif not needed or all(map(words[i + 1:i + 1 + reach].__contains__, needed)):   # see _within
                    end = match(elements, tokens, i + 1)
                    if end >= 0:
                        found.append((i, end, payload))
        return found

    def find_spans(self, tokens: Tokens, candidates: Sequence | None = None) -> dict[Hashable, list[tuple[int, int]]]:
        """``find``'s matches as character spans grouped by payload, in ``find``'s order: one loop instead of a list
        of token matches that the caller turns into spans (the cue spans of every text)."""
        per_token = self._candidates_per_token(tokens.words) if candidates is None else candidates
        words, n = tokens.words, len(tokens.words)
        starts, ends = tokens.starts, tokens.ends
        folded, broken = tokens._folded, _BREAK.search   # ``tokens.unbroken`` written out (no method call per candidate)
        following = words[1:] + [""]
        match = self._match
        found: dict[Hashable, list[tuple[int, int]]] = {}
        for i in compress(range(n), per_token):
            by_next, otherwise = per_token[i]
            choice = by_next.get(following[i], otherwise)
            singles = choice.singles
            if singles is not None:   # one-word phrases only (or none): the token's span for each, in phrase order
                if singles:
                    span = (starts[i], ends[i])
                    for payload in singles:
                        spans = found.get(payload)
                        if spans is None:
                            found[payload] = [span]
                        else:
                            spans.append(span)
                continue
            if choice.gate_words and choice.gate_words.isdisjoint(words[i + 1:i + 1 + choice.gate_reach]):
                to_try = choice.ungated   # see _Choice
            else:
                to_try = choice.phrases
            for size, tail, elements, payload, needed, reach in to_try:
                if size == 1:
                    end = i + 1
                elif tail is not None:
                    end = i + size
                    if end > n or words[i + 1:end] != tail or broken(folded, ends[i], starts[end - 1]) is not None:
                        continue
                elif not needed or all(map(words[i + 1:i + 1 + reach].__contains__, needed)):   # see _within
                    end = match(elements, tokens, i + 1)
                    if end < 0:
                        continue
                else:
                    continue
                span = (starts[i], ends[end - 1])
                spans = found.get(payload)
                if spans is None:
                    found[payload] = [span]
                else:
                    spans.append(span)
        return found

    def find_longest(self, tokens: Tokens, candidates: Sequence | None = None) -> list[tuple[int, int, Hashable]]:
        """Leftmost-longest, non-overlapping matches (for place names); the first phrase wins a tie.
        ``candidates``: as for ``find``."""
        per_token = self._candidates_per_token(tokens.words) if candidates is None else candidates
        words, n = tokens.words, len(tokens.words)
        starts, ends = tokens.starts, tokens.ends
        folded, broken = tokens._folded, _BREAK.search   # ``tokens.unbroken`` written out (no method call per candidate)
        following = words[1:] + [""]
        match = self._match
        covered = 0
        found: list[tuple[int, int, Hashable]] = []
        for i in compress(range(n), per_token):
            if i < covered:
                continue
            best_end, best_payload = -1, None
            by_next, otherwise = per_token[i]
            choice = by_next.get(following[i], otherwise)
            singles = choice.singles
            if singles is not None:   # one-word phrases only: the first one wins the token (none: no match)
                if singles:
                    found.append((i, i + 1, singles[0]))
                    covered = i + 1
                continue
            if choice.gate_words and choice.gate_words.isdisjoint(words[i + 1:i + 1 + choice.gate_reach]):
                to_try = choice.ungated   # see _Choice
            else:
                to_try = choice.phrases
            for size, tail, elements, payload, needed, reach in to_try:
                if size == 1:
                    end = i + 1
                elif tail is not None:
                    end = i + size
                    if end > n or words[i + 1:end] != tail or broken(folded, ends[i], starts[end - 1]) is not None:
                        end = -1
                elif _within(needed, words, i, reach):
                    end = match(elements, tokens, i + 1)
                else:
                    end = -1
                if end > best_end:
                    best_end, best_payload = end, payload
            if best_end > i:
                found.append((i, best_end, best_payload))
                covered = best_end
        return found
