"""Cue words and transport modes, read from the analyst-editable YAML files and compiled once.

``routekit/reference/gazetteer/cues.yaml`` holds the cue categories (intention, negation, relatives,
forged documents, smuggler, origin "vanuit/from", ...) and ``modes.yaml`` the mode vocabulary; both
describe their pattern syntax. Each language variant ("nl", "en", and "both" for texts whose
language is unclear) compiles to one ``PhraseMatcher`` that finds all of them in one pass.
"""

from __future__ import annotations

from typing import Final

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache, partial

import yaml

from routekit.text.gazetteer import data_path, foreign_authorities, fuzzy_name, gazetteer, place_phrases
from routekit.text.matcher import PhraseMatcher, Tokens, WordCache
from routekit.text.normalise import fold
from routekit.text.wordstart import word_start_first

MODE_PREFIX: Final = "mode:"
_LEXICON_LIMIT: Final = 200_000   # distinct words kept per vocabulary (``Vocabulary.per_token``)
CLAUSE_BREAK: Final = "clause_break"
FOREIGN_AUTHORITY: Final = "foreign_authority"   # ``foreign_authorities.csv``: where a record was made
# Categories that are word sets or regexes rather than phrases found in the text.
_SPECIAL: Final = {"clause_breaks", "relatives_blockers", "smuggler_negators", "ignored_fields", "document_links",
            "place_nouns", "question_labels", "destination_words", "reported_speech",
            # read per question/answer turn by ``dialogue.py``, not matched in the whole text
            "answer_labels", "answer_negative", "answer_passage", "question_presence", "question_start",
            "question_stay", "question_arrival", "answer_negative_end",
            "word_lists"}   # plain lists the extractor builds its own patterns from


def pattern_regex(pattern: str) -> str:
    """Regex for one pattern (used for the few lists applied to a short piece of text)."""
    parts: list[str] = []
    for piece in fold(pattern).split():
        if piece == "...":
            parts.append(r"(?:\s+[^\s.,;:!?()]+){0,3}?")
            continue
        if parts:
            parts.append(r"\s+")
        parts.append(re.escape(piece[:-1]) + r"[\w']*" if piece.endswith("*") else re.escape(piece))
    return "".join(parts)


def compile_patterns(patterns: list[str]) -> re.Pattern[str] | None:
    cleaned = sorted({str(p).strip() for p in patterns if str(p).strip()}, key=lambda p: (-len(p), p))
    if not cleaned:
        return None
    return word_start_first(re.compile(r"(?<![\w'])(?:" + "|".join(pattern_regex(p) for p in cleaned) + r")(?![\w'])"))


def _select(entry: dict | list | None, variant: str) -> list[str]:
    """A category's phrases for a language variant; a nested list (a YAML alias shared by two categories, as
    cues.yaml's leaving verbs) is read as its items."""
    if entry is None:
        return []
    if isinstance(entry, list):
        chosen = entry
    else:
        chosen = list(entry.get("any", []) or [])
        if variant in ("nl", "both"):
            chosen += entry.get("nl", []) or []
        if variant in ("en", "both"):
            chosen += entry.get("en", []) or []
    return [str(word) for item in chosen for word in (item if isinstance(item, list) else (item,))]


@dataclass(frozen=True)
class Vocabulary:
    """The compiled cue and mode vocabulary for one language variant."""

    matcher: PhraseMatcher
    modes: tuple[str, ...]
    words: frozenset[str]   # every single word of the vocabulary (never fuzzy-matched to a place)
    document_links: re.Pattern[str] | None
    relatives_blockers: frozenset[str]
    smuggler_negators: frozenset[str]
    place_nouns: frozenset[str]
    destination_words: frozenset[str]   # "naar": read only before a verb-final intention (not matched in every text)
    reported_speech: re.Pattern[str] | None   # "verklaarde dat": searched only inside procedural sentences
    ignored_lines: re.Pattern[str] | None   # "Naam: ...", "Adres: ..." header lines (see ``ignored_spans``)
    inline_questions: re.Pattern[str] | None = None   # "... reis. V: Bent u naar Griekenland gegaan? A: ..."
    # word -> (cue phrases, place names, misspelt country) that can start at it; see ``per_token``
    lexicon: WordCache | None = field(default=None, compare=False, repr=False)
    # an inline question's opening (sentence mark, spaces, label, colon) read backwards from its colon, when every label
    # is a plain word; see ``ignored_spans``
    inline_opening: re.Pattern[str] | None = field(default=None, compare=False, repr=False)

    def per_token(self, words: list[str]) -> tuple[Sequence, Sequence, Sequence[str]]:
        """Per token: the cue phrases and the place names that can start there, and the country name it
        misspells (else ""). One cache holds all three, so a text costs one dictionary probe per token instead of
        one per matcher (probes into three large dictionaries took about a tenth of the extraction time)."""
        facts = self.lexicon.values_of(words)   # type: ignore[union-attr]  # set by vocabulary()
        if not facts:
            return (), (), ()
        cues, places, misspelt = zip(*facts)
        return cues, places, misspelt

    def ignored_spans(self, folded: str) -> list[tuple[int, int]]:
        """Character spans of the header lines whose place names are personal data, not the route, and
        of the interviewer's questions - also those that follow an answer on the same line."""
        if self.ignored_lines is None or ":" not in folded:   # a label ends with a colon
            return []
        spans = [(m.start(), m.end() - 1) for m in self.ignored_lines.finditer("\n" + folded)]
        if self.inline_questions is not None and (
                _colon_after_a_sentence_mark(folded) if self.inline_opening is None
                else self.inline_opening.search(folded[::-1]) is not None):
            inline = [m.span(1) for m in self.inline_questions.finditer(folded)]
            if inline:
                spans = sorted(set(spans + inline))
        return spans

    def spans(self, folded: str, tokens: Tokens,
              candidates: Sequence | None = None) -> dict[str, list[tuple[int, int]]]:
        """Character spans of every cue category, ``mode:<name>`` and ``clause_break`` in a text (``candidates``:
        the cue phrases per token from ``per_token``, when looked up already)."""
        return self.matcher.find_spans(tokens, candidates)   # type: ignore[return-value]  # payloads: str


def _colon_after_a_sentence_mark(folded: str) -> bool:
    """Whether a colon follows a sentence mark somewhere: an inline question (a sentence mark, the label, a colon) needs
    one, and most records' only colons are their header's, before any sentence mark (four searches in C, not a regex
    scan from every sentence mark)."""
    marks = [found for found in (folded.find("."), folded.find("!"), folded.find("?")) if found >= 0]
    return bool(marks) and folded.rfind(":") > min(marks)


@lru_cache(maxsize=1)
def _raw() -> tuple[dict, dict]:
    cues = yaml.safe_load(data_path("cues.yaml").read_text(encoding="utf-8"))
    modes = yaml.safe_load(data_path("modes.yaml").read_text(encoding="utf-8"))
    return cues, modes


def mode_vocabulary() -> tuple[str, ...]:
    """The documented mode values (plus ``unknown``)."""
    return tuple(_raw()[1]["modes"]) + ("unknown",)


@lru_cache(maxsize=3)
def vocabulary(language: str) -> Vocabulary:
    """The compiled vocabulary for a detected language ('nl', 'en', anything else = both)."""
    variant = language if language in ("nl", "en") else "both"
    cues_raw, modes_raw = _raw()
    matcher = PhraseMatcher()
    for name, entry in cues_raw.items():
        if name not in _SPECIAL:
            for phrase in _select(entry, variant):
                matcher.add(phrase, name)
    for phrase in _select(cues_raw.get("clause_breaks"), variant):
        matcher.add(phrase, CLAUSE_BREAK)
    for phrase in foreign_authorities():   # names in every language: a record made abroad opens with one
        matcher.add(phrase, FOREIGN_AUTHORITY)
    for mode, entry in modes_raw["modes"].items():
        for phrase in _select(entry, variant):
            matcher.add(phrase, MODE_PREFIX + mode)
    words: set[str] = set()
    for entry in list(cues_raw.values()) + list(modes_raw["modes"].values()):
        for pattern in _select(entry, "both"):
            words.update(w.rstrip("*") for w in fold(pattern).split() if w != "...")
    fields = _select(cues_raw.get("ignored_fields"), variant)
    ignored_lines = None
    if fields:
        labels = "|".join(pattern_regex(f) for f in sorted(fields, key=len, reverse=True))
        # The value runs to the end of the line, or to an answer on the same line ("Q: ... A: ...").
        # Matched on "\n" + text: a literal first character lets ``re`` jump from line start to line start.
        # The value is read a run of non-space characters at a time, and a space only when no answer label follows
        # it: what "[^\n]*?(?=\s(?:a|antwoord|answer)\s*:|$)" matches, without its look-ahead at every character.
        ignored_lines = re.compile(r"(?m)\n[ \t]*(?:" + labels + r")[ \t]*:"
                                   r"(?:[^\s]++|[^\S\n](?!(?:a|antwoord|answer)\s*:))*+(?=\s(?:a|antwoord|answer)\s*:|$)")
    questions = _select(cues_raw.get("question_labels"), variant)
    inline_questions = inline_opening = None
    if questions:
        labels = "|".join(pattern_regex(f) for f in sorted(questions, key=len, reverse=True))
        # an inline question ends at its question mark, an answer label or the end of the line
        inline_questions = re.compile(
            r"[.!?][ \t]+((?:" + labels + r")[ \t]*:[^\n?]*?)(?=\?|\s(?:a|antwoord|answer)\s*:|$)", re.MULTILINE)
        inline_opening = _inline_opening(questions)
    return Vocabulary(
        matcher=matcher,
        modes=tuple(modes_raw["modes"]),
        words=frozenset(words),
        document_links=compile_patterns(_select(cues_raw.get("document_links"), variant)),
        relatives_blockers=frozenset(fold(w) for w in _select(cues_raw.get("relatives_blockers"), variant)),
        smuggler_negators=frozenset(fold(w) for w in _select(cues_raw.get("smuggler_negators"), variant)),
        place_nouns=frozenset(fold(w) for w in _select(cues_raw.get("place_nouns"), variant)),
        destination_words=frozenset(fold(w) for w in _select(cues_raw.get("destination_words"), variant)),
        reported_speech=compile_patterns(_select(cues_raw.get("reported_speech"), variant)),
        ignored_lines=ignored_lines,
        inline_questions=inline_questions,
        lexicon=WordCache(partial(_word_facts, matcher), _LEXICON_LIMIT),
        inline_opening=inline_opening,
    )


def _inline_opening(questions: list[str]) -> re.Pattern[str] | None:
    """``inline_questions`` holds a match exactly where the text holds its opening - a sentence mark, spaces or tabs, a
    label, spaces or tabs and a colon - since the rest of its match (up to a '?', an answer label or the line's end)
    always follows. That opening reversed starts with a colon, so on the reversed text ``re`` jumps from colon to colon
    instead of trying the question regex at every sentence mark. None when a label is no plain word (then no test)."""
    labels = [fold(str(question)).strip() for question in questions]
    if not labels or not all(label.isalnum() and label.isascii() for label in labels):
        return None
    reversed_labels = "|".join(label[::-1] for label in sorted(labels, key=len, reverse=True))
    return re.compile(r":[ \t]*(?:" + reversed_labels + r")[ \t]+[.!?]")


def _word_facts(matcher: PhraseMatcher, word: str) -> tuple:
    """What ``Vocabulary.per_token`` keeps per word: the cue phrases, the place names, the misspelt country."""
    misspelt = fuzzy_name(word)
    if misspelt and _nationality_word(word, misspelt) and gazetteer()[misspelt].kind == "country":
        misspelt = ""   # a town's name less its s is its short form ("Canaria" of "Canarias"), no nationality
    return matcher.starts_of(word), place_phrases(word), misspelt


def _nationality_word(word: str, name: str) -> bool:
    """'Ugandan', 'Kenyan' (the name + n), 'Philippine' (the plural name less its s): a nationality or an adjective -
    of the person, a driver, a passport - one edit from the country's name, not a misspelling of it."""
    return word == name + "n" or (name.endswith("s") and word == name[:-1])
