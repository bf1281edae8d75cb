"""Free-text route narratives (Dutch and English) to an ordered route with a mode per leg.

The steps, each driven by data an analyst can extend (``routekit/reference/gazetteer/``):
1. check the text is usable (empty, unreadable bytes, another language -> ``reason``);
2. find place names (gazetteer: countries, exonyms, misspellings, cities, islands, border towns);
3. split into sentences and clauses; find cue words (``cues.yaml``) and mode words (``modes.yaml``);
4. decide per mention whether it was travelled: intentions, negations, relatives living
   elsewhere, document origins and returns are dropped; nationality mentions are only a fallback
   start; "vanuit X" / "daarvoor" reorder;
5. build the route in order of first arrival, each country once, the Netherlands last; give each
   leg the mode nearest to the country's arrival mention;
6. the smuggler flag and a confidence score.

Only country codes, mode words and fixed reason strings leave this module - never text - so no
personal data reaches the output of ``routekit extract``.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache, partial
from itertools import chain, repeat
from operator import attrgetter, eq
from typing import Any, Final, Iterable, Mapping, Sequence

from routekit.text.calibration import feature_vector, flags, genre_counts, no_route_probability, probability
from routekit.text.dialogue import EMPTY as NO_DIALOGUE
from routekit.text.dialogue import DialogueReading, joined, read_dialogue
from routekit.text.document import cues as _document_words
from routekit.text.document import in_dutch_file
from routekit.text.document import prepare_folded
from routekit.text.document import translation_opening_chars
from routekit.text.gazetteer import Mention, Place, find_places, foreign_authorities, fuzzy_name, read_data_csv
from routekit.text.legmodes import UNKNOWN_MODE, LegModes, netherlands_leg
from routekit.text.legmodes import mode_spans as find_mode_spans
from routekit.text.matcher import Tokens, WordCache, first_words, tokenize
from routekit.text.normalise import QUOTE_CLOSE, QUOTE_CLOSERS, Segments, detect_language, fold, quote_opening_before, segment
from routekit.text import timeline
from routekit.text.timeline import NETHERLANDS
from routekit.text.vocabulary import CLAUSE_BREAK, FOREIGN_AUTHORITY, Vocabulary, vocabulary
from routekit.text.wordstart import word_start_first
from routekit.text.verifier import review as review_stops
from routekit.text.order_model import distance_home, review as review_order
from routekit.text.context_words import shared_record_words
from routekit.text.origin_model import review as review_origin
from routekit.text.vocabulary import _raw as _raw_cues

# plain word lists of cues.yaml (``word_lists``) the patterns below are built from
_WORD_LISTS: Final[dict] = {**_raw_cues()[0]["word_lists"],
                     # and two lists of document.yaml shared with the document layer (one list each): the negations
                     # (``negation_words: not``), the words between two alternatives (``dialogue: alternatives``)
                     "negations": _document_words()["negation_words"]["not"],
                     "alternative_or": _document_words()["dialogue"]["alternatives"]}


def _listed(*keys: str) -> str:
    """A list of ``word_lists`` (``keys``: its path) as a regex group of alternatives, longest first."""
    words: Any = _WORD_LISTS
    for key in keys:
        words = words[key]
    escaped = (re.escape(fold(word)).replace(r"\ ", r"\s+") for word in sorted(words, key=len, reverse=True))
    return "(?:" + "|".join(escaped) + ")"


def _in_order(*keys: str, spaced: bool = False) -> str:
    """``word_lists`` lists as one regex group of alternatives in the order written there (the order a regex tries them:
    keep it when adding a word); ``word*`` is the word and any ending; ``spaced``: the words of a phrase are parted by
    any white space, not one space."""
    words = (re.escape(word[:-1]) + r"\w*" if word.endswith("*") else re.escape(word)
             for key in keys for word in _WORD_LISTS[key])
    return "(?:" + "|".join(word.replace(r"\ ", r"\s+") if spaced else word for word in words) + ")"


_POSSESSIVES: Final = _listed("possessives")
# Reasons a row produced no route (a fixed vocabulary, so the field never carries text).
REASON_EMPTY: Final = "empty text"
REASON_UNREADABLE: Final = "unreadable text"
REASON_OTHER_LANGUAGE: Final = "other language"
REASON_NO_ROUTE: Final = "no route stated"
REASON_NOT_TEXT: Final = "not a text"

# Words allowed between a cue such as "vanuit" and the place it governs ("vanuit de kust van Turkije").
_FILLER: Final = frozenset(_WORD_LISTS["filler"])
_GAP_WORD: Final = re.compile(r"[^\s.,;:!?()]+")


@dataclass(frozen=True)
class RouteExtraction:
    """The structured route of one narrative; carries no text from the narrative."""

    route: tuple[str, ...] = ()
    modes: tuple[str, ...] = ()
    smuggler: str = "unknown"
    route_asked: bool = False
    confidence: float = 0.0
    reason: str = ""
    # Per route country: the gazetteer hint of its place names (e.g. "canary_islands"), else "".
    hints: tuple[str, ...] = field(default=(), compare=False)
    language: str = field(default="", compare=False)
    # Why the route may be wrong, in a fixed vocabulary (``FLAG_TEXTS``): the review sheet's reasons.
    flags: tuple[str, ...] = field(default=(), compare=False)
    # Free-text review notes of the learned stages ("verifier removed TUR: words near it: 'chauffeur'"): the review
    # sheet adds them to the flags' reasons; never codes, so nothing that counts flags reads them.
    notes: tuple[str, ...] = field(default=(), compare=False)
    features: tuple[float, ...] = field(default=(), compare=False)   # ``calibration.FEATURES`` (for refitting)

    @property
    def route_text(self) -> str:
        return ">".join(self.route)

    @property
    def modes_text(self) -> str:
        return ">".join(self.modes)


class _MentionState:
    """What the cues say about one place mention. Slots, every field set at creation: the rules read these
    flags dozens of times per mention, and a slot is read faster than a class-level default."""

    __slots__ = ("before", "before_cues", "before_of", "clause", "continues_before", "departure", "excluded",
                 "here", "home", "intended", "journey_start", "mention", "residence", "sentence", "start",
                 "strong_home", "transit", "transit_previous", "via", "via_destination", "first", "home_left")

    def __init__(self, mention: Mention, sentence: int, clause: int) -> None:
        self.mention, self.sentence, self.clause = mention, sentence, clause
        self.excluded = ""                  # why the mention is not a travelled country
        self.home = self.departure = self.start = self.residence = self.before = self.via = False
        self.before_cues: tuple[int, ...] = ()   # offsets of 'before' cues in the sentence
        self.via_destination = -1           # offset of the destination named before a 'via' list in the sentence
        self.journey_start = False          # "mijn reis begon in X": always the first country
        self.strong_home = False            # birth or nationality ("geboren in"), not "komt uit" said at a border
        self.before_of = -1                 # offset of the anchor of a "voordat ik in X kwam, was ik in Y" sentence
        self.continues_before = False       # a past-perfect sentence right after a 'before' sentence
        self.here = False                   # the place an abroad note is written about (the route's current end)
        self.transit = False                # a stop on a flight ("changing planes in Dubai")
        self.intended = False               # NL named as an intention ("op weg naar Nederland"): counted, not told
        self.transit_previous = False       # a transit with no destination in its sentence: before the last country
        self.first = False                  # "eerst naar Turkije", "first to Iran": the first leg after the start
        self.home_left = False              # a home then told left, no place named ("I come from Iraq; I left in May")


def _by_clause(spans: list[tuple[int, int]], segments: Segments, at_end: bool = False) -> dict[int, list]:
    index: dict[int, list[tuple[int, int]]] = {}
    for span in spans:
        index.setdefault(segments.clause(span[1] - 1 if at_end else span[0]), []).append(span)
    return index


def _gap_ok(folded: str, start: int, end: int, max_words: int = 3) -> bool:
    """True when only filler words (articles, 'stad', 'kust', years) lie between two offsets."""
    if end < start:
        return False
    return _filler_gap(folded[start:end], max_words)


@lru_cache(maxsize=65_536)
def _filler_gap(gap: str, max_words: int) -> bool:
    """The text between a cue and a place holds only filler words (cached: the same short gaps recur)."""
    if _PUNCT.search(gap):
        return False
    words = _GAP_WORD.findall(gap)
    return len(words) <= max_words and all(w in _FILLER or w.isdigit() for w in words)


class _SpanIndex:
    """Cue spans sorted by start, for window look-ups (keeps long texts linear)."""

    def __init__(self, spans: Iterable[tuple[int, int]]):
        self.spans = sorted(spans)
        self.starts = [start for start, _ in self.spans]

    def between(self, low: int, high: int) -> list[tuple[int, int]]:
        """Spans starting in [low, high]."""
        return self.spans[bisect_left(self.starts, low):bisect_right(self.starts, high)]

    def __bool__(self) -> bool:
        return bool(self.spans)


_NO_SPANS: Final = _SpanIndex(())   # shared by the cue categories a text does not contain (never modified)


def _governed(cues: dict[str, list[tuple[int, int]]], name: str, folded: str, mention_starts: list[int],
              max_words: int = 3) -> set[int] | frozenset[int]:
    """The start offsets of the mentions a cue of category ``name`` governs (see ``_governs``): worked out per
    cue, as a text has far fewer cues than mentions, so that each mention asks a set."""
    spans = cues.get(name)
    return _governed_by(spans, folded, mention_starts, max_words) if spans else _NONE_GOVERNED


def _governed_by(spans: Iterable[tuple[int, int]], folded: str, mention_starts: list[int],
                 max_words: int = 3) -> set[int]:
    """``_governed`` for a list of cue spans: a cue governs the mentions that start at most 120 characters after
    the cue's start, after its end, with only filler words in between."""
    governed: set[int] = set()
    for cue_start, cue_end in spans:
        for start in _nearby(mention_starts, folded, cue_start, cue_end):
            if _filler_gap(folded[cue_end:start], max_words):
                governed.add(start)
    return governed


def _nearby(mention_starts: list[int], folded: str, cue_start: int, cue_end: int) -> list[int]:
    """The mentions a cue may govern: starting after its end, at most 120 characters after its start, and before the
    first punctuation after it (a gap holding punctuation is no filler gap, and every later gap holds it too), so that
    most far mentions are not sliced and looked up in ``_filler_gap``'s cache."""
    reach = cue_start + 120
    stop = _PUNCT.search(folded, cue_end, reach)
    if stop is not None:
        reach = stop.start()
    return mention_starts[bisect_left(mention_starts, cue_end):bisect_right(mention_starts, reach)]


_NONE_GOVERNED: Final[frozenset[int]] = frozenset()


def _governs(index: _SpanIndex, folded: str, mention: Mention, max_words: int = 3) -> bool:
    """A cue that ends shortly before the mention, with only filler words in between."""
    if not index.spans:
        return False
    start = mention.start
    for _, end in index.between(start - 120, start):
        if end <= start and _filler_gap(folded[end:start], max_words):
            return True
    return False


_BROKEN: Final = re.compile(r"[\ufffd\ud800-\udfff]")
_CONTROL: Final = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
_LETTERS: Final = re.compile(r"[^\W\d_]+")
_PUNCT: Final = re.compile(r"[.,;:!?()]")


def _ascii_class(char: str) -> str:
    """The class ``_clean`` counts a character in: " " space (what str.split() drops), "c" control, "a" letter,
    "o" other."""
    if char.isspace():
        return " "
    return "c" if _CONTROL.match(char) else "a" if _LETTERS.match(char) else "o"


# Every ASCII byte as its class letter: one bytes.translate, then bytes.count per class (all in C).
_ASCII_CLASSES: Final = "".join(_ascii_class(chr(c)) for c in range(128)).encode("ascii") + b"o" * 128
_ASCII_BYTES: Final = bytes(range(128))
_CHARACTER_CLASSES: Final = WordCache(_ascii_class, 10_000)   # the class letter of each other character seen


def _clean(text: str) -> tuple[str, str]:
    """(usable text, reason) - drops undecodable characters, reports texts that are mostly noise."""
    if not text.isascii() and ("\ufffd" in text or _has_surrogates(text)):
        broken = len(_BROKEN.findall(text))
        if broken:
            if broken / len(text) > 0.05:
                return "", REASON_UNREADABLE
            text = _BROKEN.sub("", text)
    head = text[:5000]
    # Counted with bytes.translate and bytes.count (C) instead of split and regex scans.
    classes = head.encode("ascii", "ignore").translate(_ASCII_CLASSES)
    if not head.isascii():   # the other characters, picked out with the UTF-8 codec, by their class letters
        others = head.encode("utf-8").translate(None, _ASCII_BYTES).decode("utf-8")
        classes += "".join(map(_CHARACTER_CLASSES.__getitem__, others)).encode("ascii")
    size = len(classes) - classes.count(b" ")   # the characters str.split() keeps
    if not size:
        return "", REASON_EMPTY
    if classes.count(b"c") / size > 0.02 or classes.count(b"a") / size < 0.4:
        return "", REASON_UNREADABLE
    return text, ""


def _has_surrogates(text: str) -> bool:
    """Lone surrogates (bytes decoded with 'surrogateescape'): a C-speed test before the regex count."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


_NO_SENTENCES: Final[frozenset[int]] = frozenset()   # the sentence scope of a cue kind the text does not contain (never changed)
_START: Final = attrgetter("start")   # a mention's start (in C)
# a mention's other fields read for every mention of a text, in C (``map``) rather than a generator
_FUZZY: Final = attrgetter("fuzzy")
_ISO3: Final = attrgetter("place.iso3")
_KIND: Final = attrgetter("place.kind")
_MID_SENTENCE: Final = attrgetter("place.mid_sentence")
_CAPITALISED: Final = attrgetter("place.capitalised")
_MATCH_START: Final = re.Match.start


class _Scopes:
    """What the cues of one text govern, worked out once per text before the mentions are read: per cue kind the
    clauses, sentences or mention offsets it reaches. A rule whose cue list is empty for this text gets an empty
    scope, so the per-mention steps skip it (its flag keeps the default, which is what the rule would give)."""

    __slots__ = ("negation_clauses", "never_there", "retracted", "final_index", "transit_index", "transit_after",
                 "any_transit", "intention", "intention_after", "relatives",
                 "relative_sentences", "relative_moves", "residence_verbs", "start_after", "before_index",
                 "home_after", "boarding_after", "birth_after", "residence_after", "first_clauses", "returned",
                 "persons_from", "homes", "nationalities", "journey_starts", "starts", "residences", "vias",
                 "departed", "abroad", "abroad_sentences", "before_sentences", "documents", "document_index", "link",
                 "may_exclude", "borders", "elsewhere_now", "onward", "guessed", "may_order", "set_aside",
                 "childhood_clauses")

    negation_clauses: Any
    never_there: Any
    retracted: Any
    final_index: Any
    transit_index: Any
    transit_after: Any
    any_transit: Any
    intention: Any
    intention_after: Any
    relatives: Any
    relative_sentences: Any
    relative_moves: Any
    residence_verbs: Any
    start_after: Any
    before_index: Any
    home_after: Any
    boarding_after: Any
    birth_after: Any
    residence_after: Any
    first_clauses: Any
    returned: Any
    persons_from: Any
    homes: Any
    nationalities: Any
    journey_starts: Any
    starts: Any
    residences: Any
    vias: Any
    departed: Any
    abroad: Any
    abroad_sentences: Any
    before_sentences: Any
    documents: Any
    document_index: Any
    link: Any
    may_exclude: Any
    borders: Any
    elsewhere_now: Any
    onward: Any
    guessed: Any
    may_order: Any
    set_aside: Any
    childhood_clauses: Any


# a counted time ago ("12 years ago", "two years ago", "twenty-two years ago"): this journey's date, not a stay long before
_COUNTED_YEARS_AGO: Final = re.compile(r"\b(?:\d+|" + _in_order("counted_years", spaced=True) + r"(?:[\s-]+(?:one|two|three|four|"
                                r"five|six|seven|eight|nine))?)\s+years?\s+ago\b")


def _cue_scopes(folded: str, mentions: list[Mention], cues: dict[str, list[tuple[int, int]]], vocab: Vocabulary,
                segments: Segments, dialogue: DialogueReading) -> _Scopes:
    """Step 1 of ``_classify``: the reach of every cue kind in this text (see ``_Scopes``)."""
    scopes = _Scopes()
    scopes.negation_clauses = set()
    scopes.never_there = set(dialogue.never)   # "V: Bent u in Belgie geweest? A: Nee."
    if "negation" in cues or "never_there" in cues:
        excepted = cues.get("negation_exceptions", [])
        if "negation" in cues and "years ago" in folded:   # "I left Syria 12 years ago": counted, this journey
            excepted = [*excepted, *(match.span() for match in _COUNTED_YEARS_AGO.finditer(folded))]
        exceptions = {start for start, _ in excepted}
        # an exception starting with the negation ("niet lang") or holding it ("two years ago" holds "years ago")
        negations = [span for span in cues.get("negation", []) if span[0] not in exceptions
                     and not any(a <= span[0] and span[1] <= b for a, b in excepted)]
        scopes.negation_clauses = {segments.clause(start) for start, _ in negations}
        scopes.never_there |= _never_there(mentions, cues, exceptions, segments, folded)
    if "reported_question" in cues and "reported_no" in cues:
        scopes.never_there |= _answered_no(mentions, cues["reported_question"], cues["reported_no"], folded)
    if "not_reached_after" in cues:
        scopes.negation_clauses = scopes.negation_clauses | _not_reached_before(mentions, cues["not_reached_after"],
                                                                                segments, folded)
    words = segments.words
    no_words = [] if words is not None and _NO_WORD_TOKENS.isdisjoint(words) and "'" not in folded else list(
        map(_MATCH_START, _NO_WORD.finditer(folded)))
    # (an elliptic negation's word stands apart, after a space, so it is one of ``no_words``: none there, none to look
    # for - the substrings are the cheaper test where there are)
    if (no_words or not _NEGATIONS_ARE_NO_WORDS) and (
            "niet" in folded or "nooit" in folded or "never" in folded or "not" in folded):
        # an answer's "Zvicra niet.", "Lithuania never.", "Oostenrijk, wij niet": never there, wherever else named
        denied_mentions = [m for m in mentions if _ELLIPTIC_NEGATION.match(folded, m.end)]
        # a town denied ("In Athene was ik nooit.") denies its country only when the text names it by no other place
        elliptic = {m.place.iso3 for m in denied_mentions if m.place.kind == "country" or all(
            o.place.iso3 != m.place.iso3 or o in denied_mentions for o in mentions)}
        if elliptic:
            scopes.never_there |= elliptic
    scopes.retracted = frozenset()
    if no_words:
        # the speaker takes a country back ("toen Bulgaristan... nee, naar Makedonya", "Libie en Tunesie, nee, alleen
        # Libie") or names it only to deny it ("nee, niet Majaristan", "Niet Duitsland, ik kwam uit Frankrijk"): that
        # mention is no stop (a later one may still be); the patterns are tried only next to such a word
        def near(start: int, end: int) -> bool:
            position = bisect_left(no_words, start)
            return position < len(no_words) and no_words[position] < end
        retracted = {m.start for m in mentions if near(m.start - 20, m.start)
                     and _DENIED_BEFORE.search(folded, max(0, m.start - 20), m.start)}
        denied = frozenset(retracted)
        for index, m in enumerate(mentions):
            if m.start not in denied and near(m.end, m.end + 8) and _RETRACTION.match(folded, m.end):
                # with the list it ends, but for a country said again in the correction ("Egypte en Libie, nee,
                # alleen Libie": the first Libie keeps its place in the story)
                listed = [m]
                while index > 0 and _RETRACTED_LIST.fullmatch(folded, mentions[index - 1].end, mentions[index].start):
                    index -= 1
                    listed.append(mentions[index])
                said_again = {o.place.iso3 for o in mentions if m.end < o.start <= m.end + 60 and o.start not in denied}
                retracted.update(o.start for o in listed if o.place.iso3 not in said_again)
        if "?" in folded:
            # a statement doubted and denied ("naar Ethiopie te zijn gegaan? Nee: ...", "had in Hongarije gewerkt? Nee,
            # dat betrof haar zus"): the places of its clause that the text does not name again after it; a place
            # right before the question mark is the one doubted ("door Servie?, nee door Roemenie")
            for question in _QUESTION_DENIED.finditer(folded):
                asked = question.start()
                clause = segments.clause(asked - 1)
                if folded.endswith("  ", 0, asked):
                    continue   # the doubted place itself, already taken back by the document layer (blanked)
                members = [m for m in mentions if m.end <= asked and segments.clause(m.start) == clause]
                if members and not folded[members[-1].end:asked].strip():
                    members = members[-1:]
                named_after = {o.place.iso3 for o in mentions if o.start > asked}
                retracted.update(m.start for m in members if m.place.iso3 not in named_after)
        scopes.retracted = frozenset(retracted)
    # (each index and governed set below tests its cue list in line: most lists are empty in a text, and a call per
    # empty list (``_governed`` and a helper for the indices) cost about 3 us per demo text)
    get = cues.get
    scopes.final_index = _SpanIndex(spans) if (spans := get("intention_final")) else _NO_SPANS
    scopes.transit_index = _SpanIndex(spans) if (spans := get("transit")) else _NO_SPANS
    scopes.transit_after = _transit_after_governed(spans, mentions, segments) if (
        spans := get("transit_after")) else _NONE_GOVERNED
    scopes.any_transit = bool(scopes.transit_index.spans or scopes.transit_after)
    scopes.intention = {}
    if "intention" in cues:
        # a label "Doel: werk in Engeland", "Einddoel: Canada": the intention reaches the clause after the colon
        scopes.intention = _by_clause(cues["intention"], segments, at_end=True)
        for _, end in cues["intention"]:
            if (match := _LABEL_COLON.match(folded, end)) and ":" in match.group():
                scopes.intention.setdefault(segments.clause(match.end()), []).append((match.end(), match.end()))
    scopes.intention_after = _by_clause(cues["intention_after"], segments) if "intention_after" in cues else {}
    scopes.relatives = _NO_SPANS
    if "relative_nouns" in cues:
        scopes.relatives = _SpanIndex(span for span in cues["relative_nouns"]
                                      if _blockers_absent(folded, span[0], vocab)
                                      and not _a_person_noun(folded, *span))
    scopes.relative_sentences = ({segments.sentence(start) for start, _ in scopes.relatives.spans}
                                 if scopes.relatives.spans else _NO_SENTENCES)
    scopes.residence_verbs = _SpanIndex(spans) if (spans := get("residence_verbs")) else _NO_SPANS
    scopes.relative_moves = _NO_SPANS
    if scopes.relatives and ("residence_verbs" in cues or "relative_moves" in cues):
        scopes.relative_moves = _SpanIndex(cues.get("residence_verbs", []) + cues.get("relative_moves", []))
    scopes.start_after = _SpanIndex(spans) if (spans := get("start_after")) else _NO_SPANS
    scopes.before_index = _SpanIndex(spans) if (spans := get("before")) else _NO_SPANS
    scopes.home_after = _SpanIndex(spans) if (spans := get("home_after")) else _NO_SPANS
    scopes.boarding_after = _SpanIndex(spans) if (spans := get("boarding_after")) else _NO_SPANS
    scopes.birth_after = _SpanIndex(spans) if (spans := get("birth_after")) else _NO_SPANS
    # "mijn ouders namen mij als kind mee naar Iran", "we left Myanmar when I was a baby": earlier life, a home
    scopes.childhood_clauses = {segments.clause(start) for start, _ in spans} if (spans := get("childhood")) else ()
    scopes.residence_after = _SpanIndex(spans) if (spans := get("residence_after")) else _NO_SPANS
    scopes.first_clauses = _by_clause(cues["first"], segments) if "first" in cues else {}
    # the mentions (start offsets) each kind of cue governs ("vanuit Turkije", "via Griekenland", "geboren in")
    mention_starts = list(map(_START, mentions))
    scopes.returned = _governed_by(spans, folded, mention_starts, 2) if (spans := get("return")) else _NONE_GOVERNED
    scopes.homes = _governed_by(spans, folded, mention_starts, 4) if (spans := get("home")) else _NONE_GOVERNED
    if "home" in cues:   # a record's label and its value: "Herkomst: Aleppo.", "Origin: Kirkuk"
        labelled = _quoted_answers(cues["home"], folded, mention_starts)
        if labelled:
            scopes.homes = set(scopes.homes) | labelled
        named = _home_in_unknown_place(cues["home"], folded, mention_starts)
        if named:
            scopes.homes = set(scopes.homes) | named
    scopes.persons_from = _NONE_GOVERNED
    # "op de grens met Hongarije"; "maybe Slovenia", not "maybe two weeks in"
    scopes.borders = _governed_by(spans, folded, mention_starts, 1) if (spans := get("border_of")) else _NONE_GOVERNED
    scopes.guessed = _governed_by(spans, folded, mention_starts, 1) if (spans := get("guess")) else _NONE_GOVERNED
    if "guess_after" in cues:
        # a doubt right after the place, ending its clause: two places offered ("Italie of Spanje, misschien", "V: Dus
        # Litouwen of Letland? A: Ik weet het echt niet meer") or one the person says not to know ("Slovenia I don't
        # know, it was night"); "Italy, I think" keeps a single place
        doubted = {end for _, end in cues["guess_after"] if _CLAUSE_ENDS.match(folded, end)}
        strong = {end for start, end in cues["guess_after"] if end in doubted and _DONT_KNOW.match(folded, start)}
        after: set[Any] = set()
        for index, mention in enumerate(mentions):
            gap = _DOUBT_GAP.match(folded, mention.end)
            assert gap is not None   # the pattern matches the empty string
            cue_end = next((end for start, end in cues["guess_after"] if start == gap.end() and end in doubted), None)
            if cue_end is None:
                continue
            if mention.place.iso3 == NETHERLANDS:
                continue   # "Hoe kwam u in Nederland? A: Dat weet ik niet meer": the way is not known, the place is
            if index > 0 and _ALTERNATIVE_GAP.fullmatch(folded, mentions[index - 1].end, mention.start):
                after.update((mentions[index - 1].start, mention.start))
            elif cue_end in strong and gap.end() - mention.end < 3:
                after.add(mention.start)   # the speaker's own doubt, not an answer to a question naming the place
        if after:
            scopes.guessed = set(scopes.guessed) | after
    if scopes.guessed:   # the guess covers its alternatives: "vermoedelijk Oostenrijk of Duitsland"
        scopes.guessed = set(scopes.guessed)
        for previous, mention in zip(mentions, mentions[1:]):
            if previous.start in scopes.guessed and _ALTERNATIVE_GAP.fullmatch(folded, previous.end, mention.start):
                scopes.guessed.add(mention.start)
    scopes.elsewhere_now = _NONE_GOVERNED
    if "abroad" not in cues and any(map(folded.__contains__, _THERE_NOW_WORDS)):
        # "my cousin ... he is in Sweden now", "salam to Yonas who is in Swid", "mijn broer, die nu in Zweden woont":
        # where another person is now (the person the record is about is in the Netherlands; not in an abroad note)
        # (the anchored clause-end test before the search back for the person)
        scopes.elsewhere_now = {m.start for m in mentions if folded.startswith(" in ", m.start - 4)
                                and _CLAUSE_ENDS.match(folded, m.end)
                                and _SOMEONE_THERE_NOW.search(folded, max(0, m.start - 40), m.start)}
    if "person_from" in cues:   # not a companion: "met haar man uit Jemen", "with my friend from Aleppo"
        others = [span for span in cues["person_from"] if _blockers_absent(folded, span[0], vocab)
                  and not _POSSESSIVE_BEFORE.search(folded, max(0, span[0] - 12), span[0])]
        # "Betrokkene, een Koerdische man uit Sulaymaniyah", "The applicant, a woman from Tigray": the person
        # the record is about, whose origin this is
        subject = [span for span in others if _SUBJECT_APPOSITION.search(folded, max(0, span[0] - 60), span[0])]
        if subject:
            others = [span for span in others if span not in subject]
            scopes.homes = set(scopes.homes) | _governed_by(subject, folded, mention_starts, 2)
        scopes.persons_from = _governed_by(others, folded, mention_starts, 2) if others else _NONE_GOVERNED
    if "other_person_said" in cues:
        # another person of the record tells their own way ("the front passenger said he came via Czechia",
        # "stowaways 2 and 3 said they boarded in Abidjan"): the places after it in its sentence are theirs, unless
        # the person the record is about is named with them ("the driver said he took us to Germany")
        # "Verdachte is de bestuurder ... De bestuurder verklaarde dat hij ...": the role the record gives its subject
        # tells the subject's own way
        own_roles = _subject_roles(folded)
        told = {m.start for start, end in cues["other_person_said"] for m in mentions
                if m.start >= end and segments.sentence(m.start) == segments.sentence(start)
                and not _WITH_THE_SUBJECT.search(folded, end, m.start)
                and not (own_roles and _role_of(folded, start, end) in own_roles)
                and not _on_the_drivers_way(folded, start, end, m, segments)}
        if told:
            scopes.persons_from = set(scopes.persons_from) | told
    scopes.nationalities = (_governed_by(spans, folded, mention_starts, 4) if (spans := get("nationality"))
                            else _NONE_GOVERNED)
    scopes.journey_starts = (_governed_by(spans, folded, mention_starts, 4) if (spans := get("journey_start"))
                             else _NONE_GOVERNED)
    if dialogue.starts:   # "V: Waar begon uw reis? A: In Herat."
        starts: Any = dialogue.starts
        if scopes.homes and not starts.isdisjoint(scopes.homes):
            # "V: Waar begon het? A: Ik kom uit Marokko, maar heb in Istanbul gewerkt; vandaar ...": an answer that
            # opens with where the person is from starts at the next place it names (in its sentence)
            starts = {_next_in_sentence(mentions, mention_starts, start, segments, scopes.homes)
                      if start in scopes.homes else start for start in starts}
        scopes.journey_starts = set(scopes.journey_starts) | starts
    if "journey_start" in cues:   # "Gevraagd waar de reis begon: 'uit Conakry, met de bus naar Bamako'"
        quoted = _quoted_answers(cues["journey_start"], folded, mention_starts)
        if quoted:
            scopes.journey_starts = set(scopes.journey_starts) | quoted
    scopes.starts = _governed_by(spans, folded, mention_starts) if (spans := get("start")) else _NONE_GOVERNED
    scopes.residences = _governed_by(spans, folded, mention_starts) if (spans := get("residence")) else _NONE_GOVERNED
    if "residence_there" in cues:   # "naar Kassala gegaan en daar opgegroeid", "Moscow, where she had lived"
        lived_there = {mention_starts[position - 1] for start, _ in cues["residence_there"]
                       if (position := bisect_left(mention_starts, start)) > 0
                       and start - mentions[position - 1].end <= 60
                       and segments.sentence(mention_starts[position - 1]) == segments.sentence(start)}
        if lived_there:
            scopes.residences = set(scopes.residences) | lived_there
    if "birth_there" in cues or "question_birth" in cues:
        # "Karachi was only where he was born"; "V: Bent u in Egypte geboren? A: Nee, in Bangladesh": a birthplace
        born = {mention_starts[position - 1] for start, _ in cues.get("birth_there", ())
                if (position := bisect_left(mention_starts, start)) > 0 and start - mentions[position - 1].end <= 40
                and segments.sentence(mention_starts[position - 1]) == segments.sentence(start)}
        born |= _answered_places(cues.get("question_birth", []), folded, mention_starts, birth=True)
        if born:
            scopes.homes = set(scopes.homes) | born
            scopes.nationalities = set(scopes.nationalities) | born
    if "question_residence" in cues:   # "V: Waar woonde u voor uw vertrek? A: In Agadir": lived there
        answered = _answered_places(cues["question_residence"], folded, mention_starts)
        if answered:
            scopes.residences = set(scopes.residences) | answered
    scopes.vias = _governed_by(spans, folded, mention_starts, 2) if (spans := get("via")) else _NONE_GOVERNED
    scopes.departed = _NONE_GOVERNED
    if "departure" in cues:
        # ("he is from Kumasi", "ik kom uit Marokko": where the person is from, not a place left; "het vliegveld van
        # Eindhoven": a place) - both tested only for a cue that governs a mention (``_governed_by``, written out)
        home_ends = {end for _, end in cues["home"]} if "home" in cues else ()
        departed: set[int] = set()
        for cue_start, cue_end in cues["departure"]:
            governed = [start for start in _nearby(mention_starts, folded, cue_start, cue_end)
                        if _filler_gap(folded[cue_end:start], 3)]
            if governed and cue_end not in home_ends and not _after_place_noun(folded, cue_start, vocab):
                departed.update(governed)
        scopes.departed = departed
    if "departure_after" in cues:
        left = _departure_after(cues["departure_after"], folded, mentions, mention_starts)
        if left:
            scopes.departed = set(scopes.departed) | left
            scopes.starts = set(scopes.starts) | left
    scopes.onward = _NONE_GOVERNED
    vehicles = get("vehicle", ())
    for previous, mention in zip(mentions, mentions[1:]):
        # a leg that starts in the Netherlands ("the Hook of Holland-Harwich ferry", "from Rotterdam ... a truck to
        # England", "KMar Schiphol, gate D4, vlucht KL 691 naar Toronto"): the route ends at the first arrival here,
        # so its end is no stop
        if (previous.place.iso3 == NETHERLANDS and mention.place.iso3 != NETHERLANDS
                and mention.start - previous.end <= 60
                and ((segments.clause(previous.start) == segments.clause(mention.start)
                      and (_ADJACENT_PAIR.fullmatch(folded, previous.end, mention.start)
                           or (previous.start in scopes.departed
                               and _ONWARD_TO.search(folded, previous.end, mention.start))))
                     or _outbound_from_here(folded, previous, mention, vehicles, scopes.vias, segments))):
            if not scopes.onward:
                scopes.onward = set()
            scopes.onward.add(mention.start)
    scopes.abroad = bool(cues.get("abroad"))
    scopes.abroad_sentences = ({segments.sentence(start) for start, _ in cues["abroad"]} if "abroad" in cues
                               else _NO_SENTENCES)
    if scopes.abroad and mentions and not any(segments.sentence(m.start) in scopes.abroad_sentences
                                              for m in mentions):
        # "He was refused boarding and handed over to the police": the note's place is where it opens ("KMar
        # officer, Athens International Airport") - the first sentence, if it names a place
        opening = segments.sentence(mentions[0].start)
        if opening == 0:
            scopes.abroad_sentences = scopes.abroad_sentences | {0}
    scopes.before_sentences = _before_sentences(cues["before"], folded, segments) if "before" in cues else _NO_SENTENCES
    scopes.documents = cues.get("document", [])
    scopes.document_index = _SpanIndex(scopes.documents) if scopes.documents else _NO_SPANS
    scopes.link = vocab.document_links
    # whether any rule of ``_why_not_travelled`` can apply in this text (most texts: none, and the step is skipped)
    scopes.may_exclude = any((scopes.negation_clauses, scopes.never_there, scopes.retracted, scopes.relative_sentences,
                              scopes.documents, scopes.returned, scopes.persons_from, scopes.borders, scopes.guessed,
                              scopes.elsewhere_now, scopes.onward, scopes.intention, scopes.intention_after,
                              scopes.final_index.spans)) or any(m.place.kind == "border_side" for m in mentions)
    # the mentions one of the governed sets of ``_why_not_travelled`` holds (one look-up per mention, not six; nearly
    # always empty)
    set_aside = _SET_ASIDE_VALUES(scopes)
    scopes.set_aside = frozenset().union(*set_aside) if any(set_aside) else _NONE_GOVERNED
    # whether any order cue of ``_mark_order`` is in this text (nearly half the demo texts: none, the step is skipped)
    scopes.may_order = any(_ORDER_SCOPE_VALUES(scopes))
    return scopes


# the person the record is about, named between another person's words and a place: they went together
_WITH_THE_SUBJECT: Final = re.compile(r"\b" + _listed("with_the_subject") + r"\b")
# the record's subject named in a role ("Verdachte is de bestuurder", "The suspect, the driver of the van",
# "Betrokkene reed als chauffeur"; "De bestuurder, verdachte, ..."): cues.yaml word_lists.subject_in_role
_ROLE_NOUN: Final = {fold(word): role for role, words in _WORD_LISTS["subject_in_role"]["roles"].items() for word in words}
_ROLE: Final = (r"(?P<role>" + "|".join(re.escape(word).replace(r"\ ", r"\s+")
                                  for word in sorted(_ROLE_NOUN, key=len, reverse=True)) + r")(?![\w'])")
# (not a numbered one: "de bestuurder (verdachte 2)" is one of several persons)
_SUBJECT_NOUN: Final = re.compile(r"\b(?P<subject>" + _listed("subject_in_role", "subjects")
                           + r")(?![\w'])(?!\.?\s*(?:nr\b|no\b|\d))")
_ROLE_ARTICLE: Final = r"(?:" + _listed("articles") + r"\s+)?"
_SUBJECT_IN_ROLE: Final = re.compile(
    _SUBJECT_NOUN.pattern + r"\.?(?:\s*[,(]\s*|\s+(?:[a-z]+\s+){0,2}?" + _listed("subject_in_role", "links") + r"\s+)"
    + _ROLE_ARTICLE + r"(?:[a-z]+\s+)?" + _ROLE
    + r"|\b" + _ROLE.replace("?P<role>", "?P<role2>") + r"\s*[,(]\s*" + _ROLE_ARTICLE
    + _SUBJECT_NOUN.pattern.replace("?P<subject>", "?P<subject2>"))
_ROLE_IN_CUE: Final = re.compile(r"\b" + _ROLE)


def _subject_roles(folded: str) -> frozenset[str]:
    """The roles of ``other_person_said`` the record gives its subject: a subject noun joined to a role noun, when no
    other subject noun is named before it ("Betrokkene zat achterin. Verdachte is de bestuurder": the driver is
    another person)."""
    first = _SUBJECT_NOUN.search(folded)
    if first is None:
        return frozenset()
    roles = set()
    for match in _SUBJECT_IN_ROLE.finditer(folded):
        noun = match.group("subject") or match.group("subject2")
        if noun.startswith(first.group("subject")) or first.group("subject").startswith(noun):
            roles.add(_ROLE_NOUN[re.sub(r"\s+", " ", match.group("role") or match.group("role2"))])
    return frozenset(roles)


# "de chauffeur verklaarde dat hij via Frankrijk en België had gereden", "the driver stated he had driven via Austria
# and Germany": a way word, then a list of places only (commas, 'en'/'and') up to the place
# (document.yaml persons.way_words and persons.drive_words, which subject.py reads too)
_WAY_LIST: Final = re.compile(r"(?<![\w'])(?:" + "|".join(map(re.escape, _document_words()["persons"]["way_words"]))
                       + r")\s+(?:[\w'-]+(?:\s*,\s*|\s+))*$")
_DRIVE_WORD: Final = re.compile(r"(?<![\w'])(?:" + "|".join(map(re.escape, _document_words()["persons"]["drive_words"]))
                         + r")(?![\w'])")


def _on_the_drivers_way(folded: str, start: int, end: int, mention: Mention, segments: Segments) -> bool:
    """A place on the way the driver of the subject's vehicle tells he drove ("De chauffeur verklaarde dat hij via
    Frankrijk had gereden"): the subject rode along (subject.py keeps the statement), so it is the subject's stop."""
    if _role_of(folded, start, end) != "driver":
        return False
    window = folded[end:mention.start]
    way = _WAY_LIST.search(window) if len(window) <= 120 else None
    if way is None or len(way.group().split()) > 8:
        return False
    starts = segments.sentence_starts
    index = segments.sentence(mention.start)
    sentence_end = starts[index] if index < len(starts) else len(folded)
    return _DRIVE_WORD.search(folded, end, sentence_end) is not None


def _role_of(folded: str, start: int, end: int) -> str | None:
    """The role an ``other_person_said`` cue names ("de bestuurder verklaarde": driver), None for other persons."""
    match = _ROLE_IN_CUE.search(folded, start, min(end, start + 25))   # its first words ("stowaways ... said": none)
    return _ROLE_NOUN[re.sub(r"\s+", " ", match.group("role"))] if match else None
# between a place and a doubt after it: a comma, a question mark, an answer's label ("Letland?  A: ik weet het niet")
_DOUBT_GAP: Final = re.compile(r"\s*[,?]?\s*(?:" + _in_order("answer_words") + r"\s*:?\s+)?")
_DONT_KNOW: Final = re.compile(r"(?:ik weet|weet ik|dat weet|i don'?\s?t|i do not|no idea|geen idee)")
_LABEL_COLON: Final = re.compile(r"\s*:\s*")
_ALTERNATIVE_GAP: Final = re.compile(r"\s*,?\s*" + _in_order("alternative_or") + r"\s+")   # "Oostenrijk of Duitsland"
# the relative nouns that are also person nouns ("vrouw": wife or woman) and the articles that make them the person noun
_PERSON_NOUNS_AFTER_A: Final = frozenset(_WORD_LISTS["relative_nouns_after_a"])
_INDEFINITE_ARTICLES: Final = frozenset(_WORD_LISTS["articles"]) - frozenset(_WORD_LISTS["definite_articles"])


_PERSON_ORIGIN_AFTER: Final = re.compile(r"\s+" + _in_order("person_origin_after", spaced=True) + r"\s")


def _a_person_noun(folded: str, start: int, end: int) -> bool:
    """"een (Somalische, 23-jarige) vrouw uit Kismayo": a woman, not a wife - the relative noun read as the person
    noun it also is, after an indefinite article with at most three words (an age, a nationality) between, before an
    origin ("heeft een vrouw in Duitsland" is his wife)."""
    if folded[start:end] not in _PERSON_NOUNS_AFTER_A or not _PERSON_ORIGIN_AFTER.match(folded, end):
        return False
    before = folded[max(0, start - 50):start].split()[-4:]
    return any(word in _INDEFINITE_ARTICLES for word in before)


_SUBJECT_APPOSITION: Final = re.compile(r"\b" + _listed("subject_apposition") + r"\b[^.;:!?]{0,40}$")
_POSSESSIVE_BEFORE: Final = re.compile(r"\b" + _POSSESSIVES + r"\s+$")
_QUOTED_ANSWER: Final = re.compile(r"\s*[:]\s*['\"\u2018\u201c]?\s*(?:[a-z]+\s+){0,2}")   # ": 'uit ", ": in "


_UNKNOWN_PLACE_IN: Final = re.compile(r"\s+[^\W\d_][\w'-]*\s+in\s+")   # " maungdaw in ": one word, then "in" and the country


def _home_in_unknown_place(spans: list[tuple[int, int]], folded: str, mention_starts: list[int]) -> set[int]:
    """"born in Maungdaw in Myanmar", "geboren in Tessenei in Eritrea": a home cue, a town the gazetteer does not know
    (one word, no mention), then "in" and the country: that country is the home, as if the town were known."""
    named: set[int] = set()
    for _, cue_end in spans:
        index = bisect_left(mention_starts, cue_end)
        if index < len(mention_starts) and _UNKNOWN_PLACE_IN.fullmatch(folded, cue_end, mention_starts[index]):
            named.add(mention_starts[index])
    return named


def _quoted_answers(spans: list[tuple[int, int]], folded: str, mention_starts: list[int]) -> set[int]:
    """A start question reported with its answer after a colon ("Gevraagd waar de reis begon: 'uit Conakry, ...'",
    "Asked where his journey started: 'In Herat'"): the answer's first place is the start."""
    found: set[int] = set()
    for _, end in spans:
        match = _QUOTED_ANSWER.match(folded, end)
        if match and ":" in folded[end:match.end()]:
            position = bisect_left(mention_starts, end)
            if position < len(mention_starts) and mention_starts[position] == match.end():
                found.add(mention_starts[position])
    return found


@lru_cache(maxsize=2)
def _answer_opening(birth: bool = False) -> re.Pattern[str]:
    """A question's answer label (``timeline.turn_labels``) as a transcript join leaves it ("... voor uw vertrek  a  in
    agadir"), then at most two words before the place ("in", "bij mijn oom in"); after a yes/no birth question
    (``birth``) the answer may open with "nee," / "no," before the place ("A: Nee, in X")."""
    opening = r"[^.;!\n]{0,60}?[\s?](?:" + timeline.turn_labels()[1] + r")\s*:?\s+"
    if birth:
        return re.compile(opening + r"(?:" + _in_order("no_words", "yes_words") + r"\s*,?\s*)?(?:"
                          + _in_order("birth_place_in") + r"\s+)?")   # "A: Uit Conakry"
    return re.compile(opening + r"(?:[a-z]+\s+){0,2}")


def _answered_places(spans: list[tuple[int, int]], folded: str, mention_starts: list[int],
                     birth: bool = False) -> set[int]:
    """The first place of the answer to each question these cues open ("Where did you live before you came here?
    A: In Tbilisi")."""
    found: set[int] = set()
    opening = _answer_opening(birth)
    for _, end in spans:
        match = opening.match(folded, end)
        if match:
            position = bisect_left(mention_starts, match.end())
            if position < len(mention_starts) and mention_starts[position] == match.end():
                found.add(mention_starts[position])
                # the place's own country or region told after it ("In Valencia, in de staat Carabobo", "In
                # Tbilisi, Georgia", "In Georgia, in Batumi") is the same answer, not a place travelled
                while (position + 1 < len(mention_starts)
                       and _PLACE_APPOSITION.fullmatch(folded, mention_starts[position], mention_starts[position + 1])):
                    position += 1
                    found.add(mention_starts[position])
    return found


# a place, then a comma and its region or country ("Valencia, Carabobo", "Valencia, in de staat Carabobo",
# "Batumi, in Georgia", "uit Guinee, uit Conakry", "in the state of Illinois"): the place is at most four words
_PLACE_APPOSITION: Final = re.compile(r"[^\s,.;:!?]+(?:\s+[^\s,.;:!?]+){0,3}\s*,\s*(?:" + _in_order("in_from") + r"\s+)?"
                               r"(?:(?:" + _in_order("definite_articles") + r"\s+)?(?:deel)?" + _in_order("region_nouns")
                               + r"\s+(?:of\s+)?)?")


# the governed sets of ``_why_not_travelled``'s reasons told by a cue before the mention, in its order (and ``set_aside``,
# their union)
_SET_ASIDE_VALUES: Final = attrgetter("returned", "borders", "guessed", "onward", "elsewhere_now", "persons_from")


_BORDER_NOUN_END: Final = re.compile(r"\s" + _in_order("border_nouns", spaced=True) + r"$")
_STOPPED_AT: Final = re.compile(r"\b" + _in_order("stopped_at_border", spaced=True) + r"\b")
_CROSSED_FIRST: Final = re.compile(r"\b" + _in_order("crossed_border", spaced=True) + r"\s+(?:\S+\s+){0,3}$")


def _stopped_at_border(folded: str, mention: Mention, segments: Segments) -> bool:
    """An adjective border ("de Hongaarse grens", "the Hungarian border") in a clause that says the person was
    stopped or turned back there: the border was not crossed (a later arrival in that country counts instead)."""
    if _BORDER_NOUN_END.search(folded, mention.start, mention.end) is None:
        return False
    index = segments.clause(mention.start)
    starts = segments.clause_starts
    low = starts[index - 1] if index > 0 else 0
    high = starts[index] if index < len(starts) else len(folded)
    if _CROSSED_FIRST.search(folded, low, mention.start) is not None:   # "after crossing the Hungarian border"
        return False
    return _STOPPED_AT.search(folded, low, high) is not None


def _why_not_travelled(state: _MentionState, folded: str, scopes: _Scopes, vocab: Vocabulary,
                       segments: Segments) -> str:
    """Step 2: why a mention is not a travelled country ("" when nothing says so): negations, relatives living
    there, document origins, returns, intentions. A flight stop spent on board is travelled, like an airport transit
    (the labelling convention of 5 Dec 2026: the plane was on the ground there)."""
    mention, clause, sentence = state.mention, state.clause, state.sentence
    m_start, m_end = mention.start, mention.end
    iso3 = mention.place.iso3
    intended_counts = iso3 != NETHERLANDS or scopes.abroad   # an intention towards NL counts as reached
    if clause in scopes.negation_clauses or iso3 in scopes.never_there or m_start in scopes.retracted:
        return "negation"
    if sentence in scopes.relative_sentences and (_relative_lives_there(
            folded, mention, sentence, scopes.relatives, scopes.residence_verbs, segments)
            or _relative_is_the_subject(folded, mention, sentence, scopes.relatives, scopes.relative_moves,
                                        segments)):
        return "relatives"
    if scopes.documents and ((scopes.link is not None and _document_origin(folded, scopes.documents, scopes.link,
                                                                            mention)) or any(
            start - m_end <= 1 or (_ISSUED_BEFORE_DOCUMENT.fullmatch(folded, m_end, start)
                                   and folded.endswith(("door ", "by "), 0, m_start))
            for start, _ in scopes.document_index.between(m_end, m_end + 40))):
        # "paspoort van Bulgarije"; "een vals Nederlands paspoort" (the name used as an adjective); "een door Italie
        # afgegeven schengenvisum" (the issuer before the document; not where: "door de ambassade in Conakry ...")
        return "document"
    if mention.place.kind == "border_side" and _stopped_at_border(folded, mention, segments):
        return "border"
    if m_start in scopes.set_aside:
        if m_start in scopes.returned:
            return "return"
        if m_start in scopes.borders:   # "Subotica, op de grens met Hongarije": the country across a border named
            return "border"
        if m_start in scopes.guessed:   # "vermoedelijk Oostenrijk": a guess at the place names no stop
            return "guess"
        if m_start in scopes.onward:   # "the Hook of Holland-Harwich ferry": a leg out of the Netherlands
            return "onward"
        if m_start in scopes.elsewhere_now:   # "he is in Sweden now", "Yonas who is in Swid": another person's place
            return "person"
        if m_start in scopes.persons_from:   # "werkte voor een man uit Ghana", "a fellow traveller was from Belize"
            return "person"
    if clause in scopes.intention and intended_counts and any(
            end <= m_start for _, end in scopes.intention[clause]) and m_start not in scopes.departed:
        # a place left is travelled even after an attempt ("vier mislukte pogingen vanuit Bosnie")
        return "intention"
    if clause in scopes.intention_after and intended_counts and any(
            start >= m_end for start, _ in scopes.intention_after[clause]):
        return "intention"
    if scopes.final_index.spans and intended_counts and any(
            _gap_ok(folded, m_end, start, 2) for start, _ in scopes.final_index.between(m_end, m_end + 40)) \
            and _after_word(folded, m_start, vocab.destination_words):
        return "intention"   # "(dat hij) naar Engeland wilde"
    return ""


# between an issuer and its document: "(een door Italie) afgegeven (schengen)visum"
_ISSUED_BEFORE_DOCUMENT: Final = re.compile(r"\s+" + _in_order("issued_words") + r"\s+(?:[a-z]+\s+)?")


# a negation right after the place, ending its clause: "Zvicra niet.", "Lithuania never.", "Oostenrijk, wij niet"
_ELLIPTIC_NEGATION: Final = re.compile(r"\s*(?:,\s*" + _in_order("elliptic_persons") + r"\s+)?" + _in_order("negations")
                                + r"\s*(?:[.,;!]|$)"
                                # fronted, with a verb before the person: "In Bulgarije was ik nooit.", "Door Servie kwamen wij
                                # niet." (not one of stopping: "In Kroatie sliepen wij niet"); or after it: "In Bulgaria I never was"
                                + r"|\s+(?:(?!" + _in_order("elliptic_stay_verbs") + r"\b)\w+\s+" + _in_order("elliptic_persons")
                                + r"|" + _in_order("elliptic_persons") + r"(?:\s+" + _in_order("elliptic_there_verbs")
                                + r")?)\s+" + _in_order("negations") + r"(?:\s+" + _in_order("elliptic_there_verbs")
                                + r")?(?:\s+" + _in_order("elliptic_there_participles") + r")?\s*(?:[.,;!]|$)")
# nee/no/niet/not/nooit/never as words; the literal "n" first lets ``re`` skip to candidates in C (4x faster than a
# pattern opening with \b, measured on the demo texts)
_NO_WORD: Final = re.compile(r"n(?<!\wn)(?:ee|o|iet|ot|ooit|ever)\b")
# its words as tokens: without an apostrophe in the text (where "no's" would match "no" but tokenize keeps "no's") a
# match is one of these tokens, so a record whose tokens hold none has no match (a set test instead of the scan)
_NO_WORD_TOKENS: Final = frozenset(("nee", "no", "niet", "not", "nooit", "never"))
_NEGATIONS_ARE_NO_WORDS: Final = all(_NO_WORD.fullmatch(fold(word)) for word in _WORD_LISTS["negations"])   # (``_cue_scopes``)
# a country taken back right after it is said: an ellipsis, a dash (read as spaces) or a comma, then "nee"/"no"
_RETRACTION: Final = re.compile(r"(?:\s*(?:\.\.\.|\u2026|\?)\s*|\s{2,}|\s*,\s*)" + _in_order("no_words") + r"\s*[,.!;:]")
# a question mark right after a statement, then "nee"/"no": the statement is taken back ("... gewerkt? Nee, ...")
_QUESTION_DENIED: Final = re.compile(r"\?[\s,]*" + _in_order("no_words") + r"(?![\w'])")
# the list a taken-back country ends: "in Panama and in Madrid? No, only in Madrid"
_RETRACTED_LIST: Final = re.compile(r"\s*" + _in_order("list_joiners") + r"?\s*(?:,\s*)?(?:" + _in_order("list_and") + r"\s+)?(?:"
                             + _in_order("retracted_towards") + r"\s+)?")
# a country named only to deny it: "nee, niet Majaristan", "Niet Duitsland, ...", "not Germany" opening a clause
_DENIED_BEFORE: Final = re.compile(r"(?:^|[.,;:!?'\"]\s*|\b" + _in_order("no_words") + r"\s*,?\s*|\s{2,})"
                            + _in_order("negations") + r"\s+$")
# birth data after a country ("(Guinee, geb. 2005)", "Iraq, born 12-03-1999") or a nationality noun ("a Venezuelan
# national", "de Eritrese nationaliteit"): the person's nationality in the record, not a place (one match per mention)
_PERSONAL_DATA_AFTER: Final = re.compile(r"\s*,\s*" + _in_order("birth_labels") + r"\b\W*(?:" + _in_order("date_on")
                                  + r"\s+)?\d|\s+" + _in_order("nationality_labels") + r"\b")


# a third person's (or a relative clause's) present whereabouts right before "in": "he is in", "who is now in",
# "die nu in", "zij zit nog in"; read only with ``_CLAUSE_ENDS`` (a Dutch perfect goes on: "hij is in Duitsland
# aangekomen")
_SOMEONE_THERE_NOW: Final = re.compile(
    r"(?:\b" + _listed("there_now", "persons") + r"\s+" + _listed("there_now", "being") + r"|\b"
    + _listed("there_now", "relative_pronouns") + r"\s+" + _listed("there_now", "living") + r"?)\s+(?:"
    + _listed("there_now", "now") + r"\s+)?in\s+$")
# a note's heading naming the vehicle that leaves a Dutch airport or port: "Schiphol, gate D4, vlucht KL 691 naar",
# "Hoek van Holland, controle veerboot naar" (no person in the gap: "Schiphol: hij vloog eerst naar" is his story)
_OUTBOUND_GAP: Final = re.compile(r"[^.;:!?]*\b" + _in_order("onward_to") + r"\s+(?:" + _in_order("definite_articles")
                           + r"\s+)?")
_FLIGHT_NUMBER: Final = re.compile(r"\b[a-z][a-z0-9]\s?\d{2,4}\b")
# the person's words ("hij", "mij", "I", "us"): a person in an outbound note's gap, or named between a relative and a
# place ("Mijn oom bracht mij naar Turkije": the person went too; "met"/"with" alone name no one)
_PERSON_WORDS: Final = frozenset(_WORD_LISTS["person_words"])


def _outbound_from_here(folded: str, here: Mention, there: Mention, vehicles: Sequence[tuple[int, int]],
                        vias: Any, segments: Segments) -> bool:
    """A place abroad reached from a Dutch airport, port or town named right before it in its sentence, by a vehicle
    named between them (a vehicle word or a flight number: "KMar Schiphol, gate D4, vlucht KL 691 naar Toronto",
    "Hook of Holland, check of the ferry to Harwich") or through it ("travelling from Lagos via Amsterdam to
    Toronto"): the leg out of the Netherlands, after the arrival that ends the route. Not when a person stands in the
    gap ("KMar Schiphol: hij verklaarde dat hij eerst naar Istanbul vloog" tells his story)."""
    if here.place.kind == "country" or segments.sentence(here.start) != segments.sentence(there.start):
        return False
    if not _OUTBOUND_GAP.fullmatch(folded, here.end, there.start):
        return False
    gap = folded[here.end:there.start]
    if not _PERSON_WORDS.isdisjoint(_GAP_WORD.findall(gap)):
        return False
    return (here.start in vias or any(here.end <= start < there.start for start, _ in vehicles)
            or _FLIGHT_NUMBER.search(gap) is not None)


_ADJACENT_PAIR: Final = re.compile(r"\s*(?:-|\u2013|>|/)?\s*")   # "Hook of Holland-Harwich" (the hyphen may read as a space)
_ONWARD_TO: Final = re.compile(r"\b" + _in_order("onward_to") + r"\b")
_THERE_NOW_WORDS: Final = (" is ", " are ", " zit", " die ", " who ")
_CLAUSE_ENDS: Final = re.compile(r"\s*(?:" + _in_order("clause_end_words") + r"\s*)?(?:[.;!?,)'\"]|$)")


def _mark_origin(state: _MentionState, folded: str, scopes: _Scopes, segments: Segments) -> None:
    """Step 3: where the journey starts and what was left - nationality or birth (home), the journey's start, a
    departure or strong start, a residence; with the verb-last Dutch forms ("in Iran opgegroeid", "in Tesseney
    geboren", "uit Guinee kom") and boarding ("in Belgie in de vrachtwagen geklommen": left, not reached)."""
    mention = state.mention
    m_start, m_end = mention.start, mention.end
    if m_start in scopes.homes:
        state.home = True
        state.strong_home = m_start in scopes.nationalities
    if mention.place.iso3 == NETHERLANDS:
        # here: neither left nor started from (every cue after it below is about a place abroad); lived in, perhaps
        state.start = state.departure = False
        if m_start in scopes.residences:
            state.residence = True
        return
    if m_start in scopes.journey_starts:
        state.journey_start = True
    boarding_after = scopes.boarding_after
    departure = m_start in scopes.departed or (bool(boarding_after.spans) and any(
        segments.clause(start) == state.clause and start - m_end <= 50
        for start, _ in boarding_after.between(m_end, m_end + 50)))
    is_start = m_start in scopes.starts
    if departure and not is_start and scopes.start_after.spans:
        is_start = any(_gap_ok(folded, m_end, cue, 3) for cue, _ in scopes.start_after.between(m_end, m_end + 60))
    state.start = is_start
    state.departure = is_start or departure
    if m_start in scopes.residences:
        state.residence = True
    if departure and scopes.home_after.spans and any(
            _gap_ok(folded, m_end, cue, 2) for cue, _ in scopes.home_after.between(m_end, m_end + 40)):
        state.home, state.departure, state.start = True, False, False
    if scopes.residence_after.spans and any(
            _gap_ok(folded, m_end, cue, 3) for cue, _ in scopes.residence_after.between(m_end, m_end + 40)):
        state.residence = True   # "(ik ben) in Iran opgegroeid", "die drie jaar in Turkije had gewoond"
    if _PERSONAL_DATA_AFTER.match(folded, m_end):
        # "Betrokkene (Guinee, geb. 2005)", "Arben H., Albania, born 02-05-1994": the person's nationality in the
        # record's personal data, not a place travelled
        state.home = state.strong_home = True
        state.departure = state.start = state.residence = False
    if scopes.birth_after.spans and any(
            _gap_ok(folded, m_end, cue, 2) for cue, _ in scopes.birth_after.between(m_end, m_end + 30)):
        # "Ik ben in Tesseney geboren", "in Afghanistan geboren maar vertrok uit Iran": a birthplace, told verb-last
        state.home = state.strong_home = True
        state.departure = state.start = state.residence = False
    elif state.clause in scopes.childhood_clauses and not state.journey_start and not state.residence:
        # a move in childhood ("mijn ouders namen mij als kind mee naar Iran", "we left Myanmar when I was a baby"):
        # where the person grew up, a home like a birthplace, not a stop of the journey told (a place the clause says
        # the person lived in stays one: "als kind naar Kassala gegaan en daar opgegroeid")
        state.home = True
        state.departure = state.start = state.residence = False


# The scopes ``_mark_order`` reads, each guarding one of its steps: a text with none of them skips the step (one list,
# so that a cue added to the step is also added to the skip test)
_COLON_AFTER: Final = re.compile(r" ?:")


def _before_sentences(spans: list[tuple[int, int]], folded: str, segments: Segments) -> dict[int, int]:
    """The sentences a 'before' cue reaches, each with the offset its cues are looked for from: the cue's own
    sentence, and the next one when the cue ends its sentence with a colon ("Daarvoor: Iran en Turkije", "Before
    that: Iran and Turkey") - the colon ends a sentence, but the list after it is what the cue governs."""
    sentence_starts = segments.sentence_starts
    reach: dict[int, int] = {}
    for start, end in spans:
        sentence = segments.sentence(start)
        if sentence not in reach:
            reach[sentence] = sentence_starts[sentence - 1] if sentence > 0 else 0
        colon = _COLON_AFTER.match(folded, end)
        if colon is not None:
            following = segments.sentence(colon.end())
            if following != sentence:
                reach[following] = min(reach.get(following, start), start)
    return reach


_ORDER_SCOPES: Final = ("intention", "intention_after", "abroad", "before_sentences", "vias", "first_clauses", "any_transit")
_ORDER_SCOPE_VALUES: Final = attrgetter(*_ORDER_SCOPES)   # their values as one tuple (in C)


def _mark_order(state: _MentionState, folded: str, scopes: _Scopes, segments: Segments) -> None:
    """Step 4: the order cues that reach one mention - 'before' ("daarvoor"), a via list, "eerst", a flight stop -
    and, for the Netherlands, whether it is only an intention; in an abroad note, whether the note is written
    about this place."""
    mention, clause, sentence = state.mention, state.clause, state.sentence
    m_start = mention.start
    is_home_country = mention.place.iso3 == NETHERLANDS
    if is_home_country and (scopes.intention or scopes.intention_after):
        state.intended = any(end <= m_start for _, end in scopes.intention.get(clause, [])) or any(
            start >= mention.end for start, _ in scopes.intention_after.get(clause, []))
    if scopes.abroad:
        state.here = sentence in scopes.abroad_sentences
    if sentence in scopes.before_sentences:
        cue_ends = [end for _, end in scopes.before_index.between(scopes.before_sentences[sentence], m_start)]
        state.before = any(end <= m_start for end in cue_ends)
        state.before_cues = tuple(cue_ends)
    if m_start in scopes.vias:
        state.via = True
    if scopes.first_clauses and clause in scopes.first_clauses and not is_home_country:
        state.first = any(end <= m_start for _, end in scopes.first_clauses[clause])
    if scopes.any_transit and not is_home_country:
        state.transit = _is_transit(folded, mention, scopes.transit_index, scopes.transit_after)


def _classify(folded: str, mentions: list[Mention], cues: dict[str, list[tuple[int, int]]], vocab: Vocabulary,
              segments: Segments, dialogue: DialogueReading = NO_DIALOGUE) -> list[_MentionState]:
    """Per place mention, what the cues say about it, in named steps: the cues' reach (``_cue_scopes``), whether it
    was travelled at all (``_why_not_travelled``), the origin and departures (``_mark_origin``), the order cues
    (``_mark_order``), then the rules that read several mentions at once (not stops, via lists, flight stops,
    appositions, 'before' clauses)."""
    scopes = _cue_scopes(folded, mentions, cues, vocab, segments, dialogue)
    clause_starts, sentence_starts = segments.clause_starts, segments.sentence_starts
    states: list[_MentionState] = []
    for mention in mentions:
        m_start = mention.start
        # segments.clause / segments.sentence, inlined: once per mention
        state = _MentionState(mention, bisect_right(sentence_starts, m_start), bisect_right(clause_starts, m_start))
        states.append(state)
        if scopes.may_exclude:
            state.excluded = _why_not_travelled(state, folded, scopes, vocab, segments)
            if state.excluded:
                continue
        _mark_origin(state, folded, scopes, segments)
        if scopes.may_order:   # else every flag it sets keeps its default
            _mark_order(state, folded, scopes, segments)
    if "seen_only" in cues or "conditional" in cues or "regulation_context" in cues:
        _mark_not_travelled(states, folded, cues, segments, dialogue.joins)
    if scopes.vias:   # only a mention a 'via' cue governs starts a via list
        _mark_via_lists(states, folded)
        if dialogue.kept:
            _mark_asked_vias(states, dialogue.kept, folded, segments)
    if scopes.any_transit:
        _mark_transits(states, folded)
    _mark_appositions(states, folded)
    if len(states) > 1:
        _mark_home_legs(states, folded)
    if "origin_contrast" in cues and len(states) > 1:
        _mark_origin_contrast(states, folded, cues, segments)
    if "before_clause" in cues or "pluperfect" in cues:
        _mark_before_clauses(states, folded, cues, segments)
    if "before" in cues:
        _mark_before_in_sentence(states, cues["before"])
    if "flashback_aux" in cues and len(segments.sentence_starts) > 1:
        _mark_flashbacks(states, folded, cues, segments)
    if "home" in cues and ("start" in cues or "start_after" in cues):
        _mark_left_homes(states, folded, cues.get("start", []) + cues.get("start_after", []), segments)
    return states


_CONTRAST_REACH: Final = 40   # characters from a country's name to the 'but' that turns from it
_TURN_WORDS: Final = frozenset(_WORD_LISTS["origin_contrast"]["turn"])
_ONLY_NEXT: Final = re.compile(r"\s+(?:\d|(?:" + "|".join(map(re.escape, _WORD_LISTS["origin_contrast"]["only_next"]))
                               + r")\b)")


def _mark_contrasted_once(states: list[_MentionState], folded: str, contrasts: list[tuple[int, int]],
                          segments: Segments) -> None:
    """A case officer's summary retells what the person considered, was told or first said and then turns away from
    it ("X was het plan, maar ...", "he first named X, but ..."): a country named only once, with a 'but' right after
    it in its sentence (of the ``origin_contrast`` words only "maar"/"but", ``word_lists.origin_contrast.turn``; not
    "maar" meaning "only": "maar twee weken", "maar kort"), is no stop. Not a place lived in, left or a home: the 'but'
    is about what came after ("woonde twee jaar in Turkije, maar vond daar geen werk"). Summaries only: in other
    records such a country is as often travelled (train1-42, counts only)."""
    contrasts = [(start, end) for start, end in contrasts if folded[start:end] in _TURN_WORDS
                 and not _ONLY_NEXT.match(folded, end)]
    if not contrasts:
        return
    kept = Counter(state.mention.place.iso3 for state in states if not state.excluded)
    starts = [start for start, _ in contrasts]
    for state, after in zip(states, [*states[1:], None]):
        mention = state.mention
        iso3 = mention.place.iso3
        if state.excluded or iso3 == NETHERLANDS or kept[iso3] != 1 or state.home or state.strong_home \
                or state.departure or state.start or state.residence:   # a place left, lived in or a home
            continue
        at = bisect_left(starts, mention.end)
        if at < len(starts) and starts[at] - mention.end <= _CONTRAST_REACH \
                and segments.sentence(starts[at]) == state.sentence \
                and (after is None or after.mention.start > starts[at]):   # the place told last before the 'but'
            state.excluded = "contrast"


def _mark_left_homes(states: list[_MentionState], folded: str, leaving: list[tuple[int, int]],
                     segments: Segments) -> None:
    """A home the person is then told to have left, naming no place: a leaving cue (``start``, ``start_after``) after
    it in its sentence or the next, before the next place named and governing no other country ("I come from Iraq; I
    left in January 2025", "Ik kom uit Irak. In februari ben ik vertrokken"). The journey starts there, so a later
    country told as left ("I left Belarus and went to Poland") is a leg's departure: the stop verifier's
    ``keep_origin`` reads it (the rules do not)."""
    last = len(states) - 1
    for index, state in enumerate(states):
        if not state.home or state.excluded:
            continue
        home_end, iso3 = state.mention.end, state.mention.place.iso3
        following = states[index + 1].mention if index < last else None
        until = following.start if following is not None else len(folded)
        for cue_start, cue_end in leaving:
            if not home_end <= cue_start < until or segments.sentence(cue_start) > state.sentence + 1:
                continue
            if (following is not None and following.place.iso3 != iso3
                    and _governed_by(((cue_start, cue_end),), folded, [following.start])):
                continue   # "I come from Somalia. I left Kenya": another place left
            state.home_left = True
            break


# a participle by its form: Dutch ge-...-d/t/en, also after a separable prefix ("binnengekomen", "overgestoken" is
# listed), English -ed ("had crossed")
_PARTICIPLE_NL: Final = re.compile(r"\b" + _in_order("participle_prefixes") + r"?ge[a-z]{2,}(?:d|t|en)\b")
_PARTICIPLE_EN: Final = re.compile(r"\b[a-z]{2,}ed\b")
_AUX_REACH: Final = 3   # words between an English auxiliary and its participle ("had already crossed")


def _past_perfect_clauses(folded: str, auxiliaries: list[tuple[int, int]], cues, segments: Segments) -> dict[int, int]:
    """Per sentence, the start of its first clause in the past perfect: an auxiliary (``flashback_aux``) with a
    participle in its clause (Dutch puts it at the clause's end: "naar Marokko was gereisd") or, after an English
    "had", within ``_AUX_REACH`` words ("had already crossed"; not "had a visa")."""
    irregular = [start for start, _ in cues.get("flashback_participles", ())]
    clause_starts = segments.clause_starts
    found: dict[int, int] = {}
    for start, end in auxiliaries:
        sentence = segments.sentence(start)
        if sentence in found:
            continue
        clause = segments.clause(start)
        clause_start = clause_starts[clause - 1] if clause > 0 else 0
        clause_end = clause_starts[clause] if clause < len(clause_starts) else len(folded)
        if folded[start:end] in ("had", "hadden") or "'" in folded[start:end]:
            # English (and Dutch "had"): the participle follows within reach, or (Dutch) ends the clause
            reach_end = end
            for _ in range(_AUX_REACH + 1):
                next_space = folded.find(" ", reach_end + 1)
                reach_end = clause_end if next_space < 0 or next_space > clause_end else next_space
            window = (end, reach_end)
        else:
            window = (clause_start, clause_end)
        # (a Dutch participle, else an English one after any auxiliary but "was": each window searched once)
        if (any(window[0] <= at < window[1] for at in irregular) or _PARTICIPLE_NL.search(folded, *window)
                or folded[start:end] != "was" and _PARTICIPLE_EN.search(folded, *window)):
            found[sentence] = clause_start
    return found


def _mark_flashbacks(states: list[_MentionState], folded: str, cues, segments: Segments) -> None:
    """A flashback in the past perfect ("Hij zat in een BlaBlaCar uit Luik. Hij verklaarde dat hij uit Conakry via
    Mali naar Marokko was gereisd", "He first arrived in NL via Greece and Austria. He had left Aleppo for Turkey"):
    the sentence's new countries come before those of the sentence told before it (marked as 'before', so
    ``_build_route`` places them as it places "daarvoor"). Consecutive past-perfect sentences go further back each.
    Not when a continuation word ("vandaar", "then") comes before the new countries, nor - unless the previous
    sentence was a flashback too - when a country told before opens the sentence as a stop ("In Servie had hij een
    smokkelaar betaald die hem naar Hongarije bracht"); a country told before reached from a new one ("He had come to
    Italy on the ferry from Patras") starts a flashback."""
    first = next((s.sentence for s in states if not s.excluded), None)
    if first is None:
        return
    sentence_of = segments.sentence
    # a flashback comes after a sentence with a country; the tense of that first sentence is read too
    auxiliaries = [span for span in cues["flashback_aux"] if sentence_of(span[0]) >= first]
    if not auxiliaries or sentence_of(auxiliaries[-1][0]) == first:
        return
    perfect = _past_perfect_clauses(folded, auxiliaries, cues, segments)
    if not perfect:
        return
    continuation = [start for start, _ in cues.get("continuation", ())]
    sentence_starts = segments.sentence_starts
    seen: set[str] = set()
    previous = ""   # the sentence told before: "plain" (not past perfect), "perfect", or a flashback told "back"
    #                 (its new countries end in a departure: the story goes on backwards) or "forward"
    index, count = 0, len(states)
    while index < count:
        sentence = states[index].sentence
        group = []
        while index < count and states[index].sentence == sentence:
            state = states[index]
            if not state.excluded:
                group.append(state)
            index += 1
        if not group:
            continue
        new = [s for s in group if s.mention.place.iso3 not in seen and s.mention.place.iso3 != NETHERLANDS
               and not s.home]
        flashback = False
        if previous in ("plain", "back") and new and sentence in perfect and not any(
                s.before or s.before_of >= 0 or s.continues_before or s.journey_start or s.first for s in group):
            first_new = new[0]
            sentence_start = sentence_starts[sentence - 1] if sentence > 0 else 0
            carried_on = any(sentence_start <= at < first_new.mention.start for at in continuation)
            if not carried_on and perfect[sentence] <= new[-1].mention.start:
                opened_by_old = any(s.mention.start < first_new.mention.start for s in group)
                flashback = previous == "back" or not opened_by_old or first_new.departure
        if flashback:
            for state in new:
                state.before = True
            previous = "back" if new[-1].departure else "forward"
        elif previous != "forward" or sentence not in perfect:
            previous = "perfect" if sentence in perfect else "plain"
        seen.update(s.mention.place.iso3 for s in group)


def _mark_before_in_sentence(states: list[_MentionState], cues: list[tuple[int, int]]) -> None:
    """'dat hij sinds drie jaar in Keulen woont en dat hij daarvoor in Italie was', "kwam via Duitsland, daarvoor
    Oostenrijk": a 'before' cue after a country reached in its own sentence puts what follows it before that country
    (a cue after a country only left - "kwam oorspronkelijk uit Irak, maar had daarvoor in Turkije gewoond" - or
    with no country before it looks back to the previous sentence, as before)."""
    for index, state in enumerate(states):
        if not state.before or state.before_of >= 0 or state.excluded or state.home:
            continue
        cue_start = max((start for start, end in cues if end <= state.mention.start), default=-1)
        anchor = None
        for other in reversed(states[:index]):
            if other.sentence != state.sentence:
                break
            if (other.mention.end <= cue_start and not other.excluded and not other.home and not other.departure
                    and other.mention.place.iso3 != state.mention.place.iso3):
                anchor = other
                break
        if anchor is not None:
            state.before_of = anchor.mention.start


# ends the reach of a 'seen' cue: a contrast, or the boat arriving somewhere ("... en kwamen aan in Calabrie")
_REGULATION_CITIES: Final = frozenset(_WORD_LISTS["regulation_cities"])   # cities that name an EU regulation
_SEEN_ENDS: Final = re.compile(r"\b" + _in_order("seen_ends") + r"\b")   # after a 'seen' cue: a place reached or left
# a coast or its lights right before a place: "de kust van", "the coast of", "de lichten van"
_SEEN_COAST_BEFORE: Final = re.compile(r"\b" + _in_order("coast_nouns") + r"\s+" + _in_order("coast_of") + r"\s+"
                                r"(?:" + _in_order("de_the") + r"\s+)?$")
_CONTRAST: Final = re.compile(r"\b" + _in_order("seen_contrast") + r"\b")


def _mark_not_travelled(states: list[_MentionState], folded: str, cues, segments: Segments,
                        turn_joins: Sequence[int] = ()) -> None:
    """Mentions that are not stops: coasts and islands only seen from a boat ("zagen de lichten van de Tunesische
    kust en later die van Malta, maar ..."; "Curacao heeft hij alleen vanaf de boot gezien"): the cue's clause and
    what follows it in the sentence up to a contrast ("maar", "but", "toen"); a conditional sentence ("Als hij geld
    had gehad, was hij naar Canada gevlogen"; an 'if' and a 'would' in one sentence): every country in it.
    A question read as one sentence with its answer (``turn_joins``: the blanked question marks and answer colons)
    does not pass its 'seen' on to the answer ("V: Welke landen heeft u gezien onderweg? A: Ethiopie, daarna
    Soedan": the countries passed)."""
    joins = sorted(turn_joins)
    seen = cues.get("seen_only", ())
    # "Eurodac hit: Croatia ... whether he would be sent 'to Dublin'": in a record about the Dublin Regulation, the
    # city names the regulation unless the text names Ireland otherwise (the regulation's own phrases are
    # not_places.csv; this catches the bare name)
    regulation = _REGULATION_CITIES if "regulation_context" in cues else frozenset()
    if regulation and any(s.mention.place.iso3 == "IRL" and s.excluded != "negation"
                          and folded[s.mention.start:s.mention.end] not in regulation for s in states):
        regulation = frozenset()   # the text names Ireland otherwise ("visum voor Ierland", Rosslare; not "niet in
        # Ierland"): the city
    conditional_sentences: set[int] = set()
    if "conditional" in cues and "counterfactual" in cues:
        counterfactual = {segments.sentence(start) for start, _ in cues["counterfactual"]}
        polite = cues.get("polite_conditional", ())
        conditional_sentences = {segments.sentence(start) for start, _ in cues["conditional"]
                                 if not any(p_start <= start < p_end for p_start, p_end in polite)} & counterfactual
    for state in states:
        if state.excluded or state.mention.place.iso3 == NETHERLANDS:
            continue
        if state.sentence in conditional_sentences:
            state.excluded = "conditional"
            continue
        if regulation and folded[state.mention.start:state.mention.end] in regulation:
            state.excluded = "regulation"
            continue
        m_start = state.mention.start
        for start, end in seen:
            if segments.sentence(start) != state.sentence:
                continue
            if start <= m_start < end:   # inside the cue: "langs de Mauritaanse en Marokkaanse kust"
                if state.departure:   # but left: "sailed from Libya along ...", "voer hij vanuit Libie langs ..."
                    continue
                state.excluded = "seen"
                break
            if end <= m_start:
                # after the cue, up to a contrast, the place the boat went on to or a place left ("went past Malta
                # to Italy", "langs Malta voer, en dat hij vanuit Italie ...")
                if (not _CONTRAST.search(folded, end, m_start) and not _SEEN_ENDS.search(folded, end, m_start)
                        and not (joins and bisect_left(joins, end) < bisect_left(joins, m_start))):
                    state.excluded = "seen"
                    break
            elif not state.departure and (segments.clause(start) == state.clause or (
                    _SEEN_COAST_BEFORE.search(folded, max(0, m_start - 24), m_start)
                    and not _CONTRAST.search(folded, state.mention.end, start))):
                # before the cue: in its clause, or a coast the Dutch verb-final cue closes ("de kust van Senegal en
                # later Portugal heeft gezien"); not the place the boat left ("Vanuit Egypte voeren zij langs ...")
                state.excluded = "seen"
                break


def _next_in_sentence(mentions: list[Mention], mention_starts: list[int], start: int, segments: Segments,
                      homes) -> int:
    """The first mention after ``start`` in its sentence that is no origin of its own (else ``start``)."""
    sentence = segments.sentence(start)
    for m in mentions[bisect_right(mention_starts, start):]:
        if segments.sentence(m.start) != sentence:
            break
        if m.start not in homes and m.place.iso3 != NETHERLANDS:
            return m.start
    return start


def _answered_no(mentions: list[Mention], questions: list[tuple[int, int]], noes: list[tuple[int, int]],
                 folded: str) -> set[str]:
    """'Asked whether she had ever been to Italy or Spain, she said no': the countries between a reported question
    and a 'no' that answers it before the sentence ends (a colon may introduce the answer)."""
    denied: set[str] = set()
    for _, q_end in questions:
        answer = next((start for start, _ in noes if q_end < start <= q_end + 160), None)
        if answer is None or _FULL_STOP.search(folded, q_end, answer):
            continue
        denied.update(m.place.iso3 for m in mentions if q_end <= m.start and m.end <= answer)
    denied.discard(NETHERLANDS)
    return denied


_FULL_STOP: Final = re.compile(r"[.!?;](?:\s|$)")


def _not_reached_before(mentions: list[Mention], spans: list[tuple[int, int]], segments: Segments,
                        folded: str) -> set[int]:
    """'..., but we never went', 'maar dat mislukte': a cue that ends a clause naming no place says the place of the
    clause before it in the sentence was not reached - that clause only (unlike ``_never_there``, a later account
    may still reach the country)."""
    clauses: set[int] = set()
    mention_clauses = [segments.clause(m.start) for m in mentions]
    for start, end in spans:
        clause = segments.clause(start)
        clause_end = segments.clause_starts[clause] if clause < len(segments.clause_starts) else len(folded)
        if clause in mention_clauses or len(_PLAIN_WORD.findall(folded, end, clause_end)) > 2:
            continue   # a clause that goes on ("mislukte steeds", "zijn daar niet aan land geweest" end it; not more)
        sentence = segments.sentence(start)
        earlier = [c for m, c in zip(mentions, mention_clauses)
                   if c < clause and segments.sentence(m.start) == sentence]
        if earlier:
            clauses.add(earlier[-1])
    return clauses


# "i have never been there": no place of its own
_THERE_WORDS: Final = frozenset(_WORD_LISTS["there_words"])


def _never_there(mentions: list[Mention], cues, exceptions: set[int], segments: Segments, folded: str = "") -> set[str]:
    """Countries the text says the person never set foot in ("In Duitsland ben ik nooit geweest"): not on the
    route wherever the text names them (the Netherlands excepted: every partner records the person there)."""
    spans = [span for span in cues.get("never_there", []) if span[0] not in exceptions]
    if not spans:
        return set()
    clauses = {segments.clause(start) for start, _ in spans}
    mention_clauses = [segments.clause(m.start) for m in mentions]
    for start, end in spans:
        # "In Afghanistan ben ik daarna nooit meer geweest.": a cue that ends its clause, which names no place,
        # denies the place of the clause before it in its sentence
        clause = segments.clause(start)
        clause_end = segments.clause_starts[clause] if clause < len(segments.clause_starts) else len(folded)
        if clause not in mention_clauses and _THERE_WORDS.issuperset(_PLAIN_WORD.findall(folded, end, clause_end)):
            sentence = segments.sentence(start)
            earlier = [c for m, c in zip(mentions, mention_clauses)
                       if c < clause and segments.sentence(m.start) == sentence]
            if earlier:
                clauses.add(earlier[-1])
    denied = [m for m, c in zip(mentions, mention_clauses) if c in clauses]
    # "has never been to Caracas" denies the city; the country stays when the text names it by itself elsewhere
    # ("left Venezuela by boat") or by another of its places ("nooit in Melilla geweest ... met een boot naar Almeria",
    # "was never in Calais ... by train to Paris")
    denied_names = {(m.place.iso3, folded[m.start:m.end]) for m in denied if m.place.kind != "country"}
    named_by_itself = {m.place.iso3 for m in mentions if m not in denied and (
        m.place.kind == "country" or (m.place.iso3, folded[m.start:m.end]) not in denied_names)}
    return {m.place.iso3 for m in denied
            if m.place.kind == "country" or m.place.iso3 not in named_by_itself} - {NETHERLANDS}


def _is_transit(folded: str, mention: Mention, before: _SpanIndex, after: set[int] | frozenset[int]) -> bool:
    """A stop on a flight: "changing planes in Dubai", "in Doha te zijn overgestapt" (a cue after it in its clause)."""
    return mention.start in after or _governs(before, folded, mention, 3)


_TRANSIT_AFTER_REACH: Final = 30   # characters between a place and a flight-stop cue told after it


def _transit_after_governed(spans: list[tuple[int, int]], mentions: list[Mention], segments: Segments) -> set[int]:
    """The mention each flight-stop cue told after its place governs ("in Doha te zijn overgestapt", "landed in Doha
    to refuel"): the place right before it in its clause, not the flight's ends told before that place ("the plane
    from Port Sudan to Istanbul landed in Doha to refuel": Doha only)."""
    governed: set[int] = set()
    starts = [m.start for m in mentions]
    for cue, _ in spans:
        index = bisect_right(starts, cue) - 1
        while index >= 0 and mentions[index].end > cue:
            index -= 1
        if index >= 0 and cue - mentions[index].end <= _TRANSIT_AFTER_REACH and (
                segments.clause(cue) == segments.clause(mentions[index].start)):
            governed.add(mentions[index].start)
    return governed


def _mark_transits(states: list[_MentionState], folded: str) -> None:
    """'flew from Delhi to Belgrade, changing planes in Dubai': a stop goes before the destination told before it
    in the sentence; with none there ("I flew to Istanbul. We changed planes in Addis"), before the last country
    the previous sentence reached - unless a word of succession before it says it came after ("Was Istanbul uw
    laatste overstap? A: Nee, ik moest daarna nog in Belgrado overstappen")."""
    for index, state in enumerate(states):
        if not state.transit or state.excluded:
            continue
        destination = None
        for other in reversed(states[:index]):
            if other.sentence != state.sentence:
                break
            if not (other.excluded or other.home or other.departure or other.via or other.transit):
                destination = other
                break
        if destination is not None:
            state.via_destination = destination.mention.start
        elif not any(other.sentence == state.sentence and not other.excluded and not other.home
                     for other in states[index + 1:]) and not _succession_before(folded, state.mention.start):
            state.transit_previous = True


_SENTENCE_OR_TURN_END: Final = re.compile(r"[.?!:;]")


def _succession_before(folded: str, start: int) -> bool:
    """A word of succession ("daarna", "then") earlier in the sentence or answer that ends at ``start``."""
    window = max(0, start - 80)
    ends = [m.end() for m in _SENTENCE_OR_TURN_END.finditer(folded, window, start)]
    return _NEXT_LEG.search(folded, ends[-1] if ends else window, start) is not None


_APPOSITION: Final = re.compile(r"\s*[,(]\s*(?:in\s+)?")   # "geboren in Mogadishu, Somalie", "in Dakar, in Senegal"
_BRACKET: Final = re.compile(r"\s*\(\s*")


# "uit Khujand, maar ik werkte acht jaar in Jekaterinenburg": after a contrast word, a stay verb in its sentence
_STAY_VERB: Final = re.compile(r"\b" + _listed("origin_contrast", "stay") + r"\b")
_BE_WORDS: Final = frozenset(_WORD_LISTS["origin_contrast"]["be"])


def _mark_origin_contrast(states: list[_MentionState], folded: str, cues: dict[str, list[tuple[int, int]]],
                          segments: Segments) -> None:
    """Where the person is from, a contrast, and a stay elsewhere in one sentence ("I am Honduran, from San Pedro Sula,
    but for four years I lived in Tapachula, in Mexico"; "Betrokkene is Syrier uit Daraa, maar woont sinds 2013 in
    Irbid"): the country told before the contrast as a home or only as left with a bare "uit"/"from" is the
    nationality (a home, not a departure), and the first other country after the stay verb is lived in (a residence),
    so the journey starts there. A country left with a leaving verb ("vertrok uit Syrie, maar woonde ...") stays left."""
    sentence_starts = segments.sentence_starts
    legs = sorted(start for name in ("arrived_from", "vehicle") for start, _ in cues.get(name, ()))
    for contrast, contrast_end in cues["origin_contrast"]:
        sentence = segments.sentence(contrast)
        opening = sentence_starts[sentence - 1] if sentence > 0 else 0
        if any(opening <= start < contrast for start in legs):
            continue   # a leg told before the contrast ("We came from Syria by bus, but ..."): a place left
        verb = _STAY_VERB.search(folded, contrast_end, sentence_starts[sentence] if sentence < len(sentence_starts)
                                 else len(folded))
        if verb is None:
            continue
        stay = verb.end()
        before = [s for s in states if s.sentence == sentence and s.mention.start < contrast and not s.excluded]
        origins = {s.mention.place.iso3 for s in before if s.home or (
            s.departure and not s.start and not _BE_WORDS.isdisjoint(folded[opening:s.mention.start].split()))}
        origins.discard(NETHERLANDS)
        if not origins:
            continue
        lived = next((s for s in states if s.sentence == sentence and s.mention.start >= stay and not s.excluded
                      and s.mention.place.iso3 not in origins and s.mention.place.iso3 != NETHERLANDS), None)
        if lived is None:
            continue
        lived.residence = True
        for state in before:
            if state.mention.place.iso3 in origins and not state.start and not state.journey_start:
                state.home, state.departure = True, False


# between a place told with "come from" / "kom uit" and the next place: "to" / "naar" (and an article)
_HOME_LEG_TO: Final = re.compile(r"\s+" + _in_order("onward_to") + r"\s+(?:" + _in_order("definite_articles") + r"\s+)?")


def _mark_home_legs(states: list[_MentionState], folded: str) -> None:
    """"She had come from Nigeria to Belgium", "dat hij uit Syrie naar Turkije kwam": a place told with a home cue
    ("come from", "kom uit") and followed at once by "to"/"naar" and another place is the start of a leg, so it is
    left, not only where the person is from (a birth or nationality cue keeps it a home)."""
    for state, following in zip(states, states[1:]):
        if (state.home and not state.strong_home and not state.excluded and not following.excluded
                and following.mention.place.iso3 != state.mention.place.iso3
                and _HOME_LEG_TO.fullmatch(folded, state.mention.end, following.mention.start)):
            state.home, state.departure = False, True


def _mark_appositions(states: list[_MentionState], folded: str) -> None:
    """'geboren in Mogadishu, Somalie': a country naming the city before it shares that city's reading.
    'bij Meer (Belgie)': a country in brackets after a place of another country says where that place is (a
    name shared across a border), so the place's own reading is dropped."""
    for previous, state in zip(states, states[1:]):
        if previous.mention.place.kind == "country":
            continue   # both readings need a place other than a country first
        if (previous.mention.place.iso3 != state.mention.place.iso3
                and state.mention.place.kind == "country" and not previous.excluded
                and _BRACKET.fullmatch(folded[previous.mention.end:state.mention.start])):
            previous.excluded = "apposition"
            continue
        if (previous.mention.place.iso3 == state.mention.place.iso3
                and _APPOSITION.fullmatch(folded[previous.mention.end:state.mention.start])):
            state.excluded, state.home, state.strong_home = previous.excluded, previous.home, previous.strong_home
            state.departure, state.start, state.residence = previous.departure, previous.start, previous.residence


_SHORT_GAP: Final = re.compile(r"[^.,;:!?()]{0,40}")


def _mark_before_clauses(states: list[_MentionState], folded: str, cues, segments: Segments) -> None:
    """'Voordat ik in Libie kwam, was ik in Tsjaad' / 'Before Germany she had been in Austria': the country
    governed by the cue anchors the sentence; countries in its other clauses come before it. A past-perfect
    sentence right after a 'before' sentence ('He had left Nigeria ...') continues the flashback."""
    plain_before = {start for start, _ in cues.get("before", [])}
    cue_spans = [span for span in cues.get("before_clause", []) if span[0] not in plain_before]
    before_sentences = {s.sentence for s in states if s.before}
    for start, end in cue_spans:
        anchor = next((s for s in states if s.mention.start >= end and not s.excluded
                       and segments.clause(s.mention.start) == segments.clause(start)
                       and len(folded[end:s.mention.start].split()) <= (0 if folded[start:end] == "voor" else 4)
                       and _SHORT_GAP.fullmatch(folded[end:s.mention.start])), None)
        if anchor is None:
            continue
        for state in states:
            if (state.sentence == anchor.sentence and state.mention.start > anchor.mention.end and not state.excluded
                    and not state.home and state.mention.place.iso3 != anchor.mention.place.iso3):
                state.before_of = anchor.mention.start
                before_sentences.add(state.sentence)
    pluperfect = {segments.sentence(start) for start, _ in cues.get("pluperfect", [])}
    for state in states:
        if state.sentence in pluperfect and state.sentence - 1 in before_sentences and not state.excluded:
            state.continues_before = True


_LIST_JOINER: Final = re.compile(r"\s*" + _in_order("list_joiners") + r"?\s*(?:,\s*)?(?:" + _in_order("list_and") + r"\s+)?")
_VIA_AFTER_COMMA: Final = re.compile(r",\s*" + _in_order("via_after_comma") + r"\b")
# "to Belgium via France", "came to Sweden in 2015 via Iran" (a date between the destination and its route)
_VIA_RIGHT_AFTER: Final = re.compile(r"\s*(?:,?\s*(?:in\s+)?(?:[a-z]+\s+)?(?:19|20)\d\d\s*,?\s*)?" + _in_order("via_right_after")
                              + r"\s+(?:" + _in_order("definite_articles") + r"\s+)?")
_RELATIVE_IN: Final = re.compile(r"\s+" + _in_order("in_from") + r"\s+(?:" + _in_order("definite_articles") + r"\s+)?")
_SENTENCE_MARK: Final = re.compile(r"[.!?;:\n]")
_PLAIN_WORD: Final = re.compile(r"[a-z']+")


# "to Budapest and on, via Vienna, to here": the via list goes on after that destination, not before it
_ONWARD: Final = re.compile(r"\b" + _in_order("onward") + r"\b")


# a question that is only a via and its place ("V: Via Oostenrijk?", "Q: And through Austria?"), not a question of
# presence ("Bent u door Hongarije gereisd?")
_BARE_VIA_QUESTION: Final = re.compile(r"\W*(?:[vq]\W+)?(?:" + _in_order("list_and") + r"\s+)?"
                                       + _in_order("via_right_after") + r"\s+(?:" + _in_order("definite_articles")
                                       + r"\s+)?")


def _mark_asked_vias(states: list[_MentionState], kept: frozenset[int], folded: str, segments: Segments) -> None:
    """A bare via asked after the answer that told a leg ("A: Vanuit Ljubljana de trein naar Munchen. V: Via
    Oostenrijk? A: Ja", "Q: Through Austria? A: Yes"), naming no destination of its own: a stop of that leg, before
    the last country the previous answer reached (as a flight stop told in the next sentence)."""
    sentence_starts = segments.sentence_starts
    for state in states:
        if (not state.via or state.via_destination >= 0 or state.excluded or state.departure
                or state.mention.start not in kept):
            continue
        sentence = state.sentence
        if not _BARE_VIA_QUESTION.fullmatch(folded, sentence_starts[sentence - 1] if sentence > 0 else 0,
                                            state.mention.start):
            continue
        if any(other.sentence == state.sentence and other is not state and not other.via and not other.excluded
               and not other.departure and other.mention.place.iso3 != state.mention.place.iso3 for other in states):
            continue
        state.transit_previous = True


def _mark_via_lists(states: list[_MentionState], folded: str) -> None:
    """A list after 'via' is all transit ("via Bulgarije, Roemenie en Hongarije"); note when it follows
    a destination in the same sentence ("naar Duitsland, via Bulgarije")."""
    for previous, state in zip(states, states[1:]):
        if previous.via and not state.via and state.sentence == previous.sentence and not state.excluded:
            between = folded[previous.mention.end:state.mention.start]
            if _LIST_JOINER.fullmatch(between):
                state.via = True
    for index, state in enumerate(states):
        if not state.via:
            continue
        for other in reversed(states[:index]):
            if other.sentence != state.sentence:
                break
            if other.via or other.departure or other.excluded or other.home:
                continue
            between = folded[other.mention.end:state.mention.start]
            if (_VIA_AFTER_COMMA.search(folded[other.mention.end:state.mention.start + 1] + " ")
                    or _VIA_RIGHT_AFTER.fullmatch(between)) and not _ONWARD.search(between):
                state.via_destination = other.mention.start
            break


def _place_before(route: list, iso3: str, anchor: str | None, state, before_placed: list, flashback: list) -> None:
    """Insert a country told as 'before' another; a chain of 'befores' goes before the last one
    placed ("daarvoor in Polen en daarvoor in Wit-Rusland")."""
    if before_placed and _cue_between(before_placed[-1][0], state.mention.start, state.before_cues):
        anchor = before_placed[-1][1]
    route.insert(route.index(anchor), iso3)
    before_placed.append((state.mention.start, iso3))
    flashback.append((state.sentence, iso3))


def _cue_between(start: int, end: int, cues: tuple[int, ...]) -> bool:
    return any(start < cue < end for cue in cues)


def _relative_lives_there(folded: str, mention: Mention, sentence: int, relatives, residence_verbs,
                          segments: Segments) -> bool:
    """'mijn oom woont in Zweden', 'een moeder in Noorwegen', 'In Zweden woont mijn broer' (``sentence``: the
    mention's)."""
    if not relatives.spans:
        return False
    for r_start, r_end in relatives.between(mention.start - 120, mention.end + 40):
        if segments.sentence(r_start) != sentence:
            continue
        if r_end <= mention.start and mention.start - r_end <= 80:
            if _RELATIVE_IN.fullmatch(folded[r_end:mention.start]):
                return True
            if any(v_end <= mention.start and not _CLAUSE_CLOSED.search(folded, v_end, mention.start)
                   for _, v_end in residence_verbs.between(r_end, mention.start)):
                return True
        elif r_start >= mention.end and r_start - mention.end <= 40:
            if any(v_end <= r_start for _, v_end in residence_verbs.between(mention.end, r_start)):
                return True
            if _WHERE_RELATIVE.fullmatch(folded, mention.end, r_start) and residence_verbs.between(r_end, r_end + 12):
                return True   # "Kenya and Uganda are where her aunts live", "Turkije is het land waar zijn vader woont"
    return False


# a comma and a clause opener after the relative's living verb: the person's clause again ("waar zijn oom woont, en
# daarna via Belgie naar", "where his cousin lives, and then via")
_CLAUSE_CLOSED: Final = re.compile(r",\s*" + _in_order("clause_openers") + r"\b")


# a place (or a list of places) said to be where a relative lives: "X and Y are where her", "X is het land waar zijn"
_WHERE_RELATIVE: Final = re.compile(r"(?:\s*" + _in_order("list_joiners") + r"\s+[a-z']+(?:\s[a-z']+)?)*\s+"
                             + _in_order("where_being") + r"\s+(?:" + _in_order("definite_articles") + r"\s+"
                             + _in_order("country_nouns") + r"\s+)?" + _in_order("where_words") + r"\s+(?:"
                             + _in_order("relative_possessives") + r"\s+)?")
# a possessive opening its clause before a relative ("Mijn vader zit in Pakistan", "..., and her husband went to"),
# or a relative clause after the relative ("zijn oom, die later naar Italie voer", "her husband, who travelled via")
_CLAUSE_OPENING: Final = r"(?:^|[.;:!?,]\s*|\b" + _in_order("clause_openers", "answer_words") + r"\s+)"
_POSSESSIVE_OPENING: Final = re.compile(r"(?:" + _CLAUSE_OPENING + r"|\b" + _in_order("complementizers") + r"\s+)"
                                      + _POSSESSIVES + r"\s+$")
# a definite article opening its sentence before a relative ("The cousin travelled via Libya", "De neef reisde via
# Italie"): the relative the letter or report just named, unless a person noun or the person's group (``_NOT_AFTER_THE``)
_ARTICLE_OPENING: Final = re.compile(r"(?:^|[.;:!?]\s*)" + _in_order("definite_articles") + r"\s+$")
_NOT_AFTER_THE: Final = frozenset(_WORD_LISTS["relative_nouns_not_after_the"])
_OPENING: Final = re.compile(_CLAUSE_OPENING + r"$")   # before a relative phrase that holds its possessive ("mijn man")
_POSSESSIVE_WORD: Final = re.compile(_POSSESSIVES + r"\s")
_RELATIVE_CLAUSE_OPENING: Final = re.compile(r"\s*,?\s*" + _in_order("relative_pronouns") + r"\b")


def _relative_is_the_subject(folded: str, mention: Mention, sentence: int, relatives, moves: _SpanIndex,
                             segments: Segments) -> bool:
    """A relative is the one the clause is about ("Mijn vader zit in Pakistan", "Zijn broer zou in Duitsland asiel
    hebben aangevraagd", "her husband, who travelled via Iran", a letter's "Client said that her brother travelled via
    Libya", "The cousin travelled via Libya"): the places told of the relative are not the person's
    stops, unless the person is named with them ("Mijn oom bracht mij naar Turkije"). The Netherlands stays: the
    person is here ("My cousin paid the bus to Amsterdam"). Only a relative who moved or lived there (``moves``:
    cues.yaml relative_moves and residence_verbs) takes the place off: "Mijn oom betaalde de reis naar Iran" keeps
    Iran."""
    if mention.place.iso3 == NETHERLANDS or not moves:
        return False
    for r_start, r_end in relatives.between(mention.start - 80, mention.start):
        if r_end > mention.start or segments.sentence(r_start) != sentence:
            continue
        between = folded[r_end:mention.start]
        if _SENTENCE_MARK.search(between) or not _PERSON_WORDS.isdisjoint(_PLAIN_WORD.findall(between)):
            continue
        if not _relative_moved(moves, r_end, mention, segments):
            continue
        preceding = folded[max(0, r_start - 40):r_start]
        if (_POSSESSIVE_OPENING.search(preceding) or _RELATIVE_CLAUSE_OPENING.match(folded, r_end)
                or (_POSSESSIVE_WORD.match(folded, r_start) and _OPENING.search(preceding))
                or (_ARTICLE_OPENING.search(preceding) and folded[r_start:r_end] not in _NOT_AFTER_THE)):
            return True
    return False


def _relative_moved(moves: _SpanIndex, relative_end: int, mention: Mention, segments: Segments) -> bool:
    """A moving or living verb after the relative: before the place ("her husband, who travelled via Libya") or after
    it in the place's clause, where Dutch puts it ("Mijn man was al eerder naar Oostenrijk gegaan")."""
    clause = segments.clause(mention.start)
    for v_start, v_end in moves.between(relative_end, mention.end + 60):
        if v_end <= mention.start or (v_start >= mention.end and segments.clause(v_start) == clause):
            return True
    return False


# Words before a place that tell an arrival there ("met de bus naar Brussel", "reached Vienna"): a country first told
# as left is reached again only after these, not when it is merely named ("de ambassade te Beijing").
_ARRIVAL_WORDS: Final = frozenset(_WORD_LISTS["arrival_words"])


def _after_word(folded: str, start: int, words: frozenset[str], max_filler: int = 2) -> bool:
    """One of ``words`` stands before ``start``, with at most ``max_filler`` filler words between ("naar het VK")."""
    preceding = _SENTENCE_MARK.split(folded[max(0, start - 60):start])[-1].split()
    for word in reversed(preceding[-(max_filler + 1):]):
        if word in words:
            return True
        if word not in _FILLER:
            return False
    return False


# a destination word or phrase right before a place ("naar Griekenland", "into Spain", "left for"): cues.yaml
# word_lists.moved_to_words, each as a tuple of words
_MOVED_TO_WORDS: Final = frozenset(tuple(phrase.split()) for phrase in _WORD_LISTS["moved_to_words"])
# the words a place may follow for ``_after_phrase`` to read on with ``_MOVED_TO_WORDS``: a phrase's last word, a filler
_MOVED_TO_OR_FILLER: Final = frozenset(phrase[-1] for phrase in _MOVED_TO_WORDS) | _FILLER


def _after_phrase(tokens: Tokens, folded: str, start: int, phrases: frozenset[tuple[str, ...]],
                  max_filler: int = 2) -> bool:
    """One of ``phrases`` (word tuples of one or two words) ends right before the place at ``start``, in its sentence,
    with at most ``max_filler`` filler words between ("naar het VK", "left for the United Arab Emirates"). Read on the
    tokens (a look-up per word, no scan of the text: the stop verifier asks this of every reviewed record)."""
    starts, ends, words = tokens.starts, tokens.ends, tokens.words
    j = bisect_left(starts, start)
    following = start
    for _ in range(max_filler + 1):
        if not j:
            return False
        word = words[j - 1]
        single = (word,) in phrases
        pair = not single and j > 1 and (words[j - 2], word) in phrases
        filler = word in _FILLER
        if not (single or pair or filler):
            return False   # the common case, decided without a search
        if _SENTENCE_MARK.search(folded, ends[j - 1], following):
            return False
        if single or (pair and not _SENTENCE_MARK.search(folded, ends[j - 2], starts[j - 1])):
            return True
        if not filler:
            return False
        j -= 1
        following = starts[j]
    return False


def _moved_to(tokens: Tokens, folded: str, start: int) -> bool:
    """A destination word right before the place at ``start`` ("naar Griekenland", "travelled to Spain", "arrived
    in Spain"; ``_after_phrase``): the stop verifier's test of a mention told as gone to (``verifier.told_gone_to``),
    asked per mention only when the stage looks at the record. The word right before the place is read first: most
    places follow no destination word nor filler, and are answered by one set look-up."""
    j = bisect_left(tokens.starts, start)
    return bool(j) and tokens.words[j - 1] in _MOVED_TO_OR_FILLER and _after_phrase(tokens, folded, start,
                                                                                     _MOVED_TO_WORDS)


def _after_place_noun(folded: str, start: int, vocab: Vocabulary) -> bool:
    """'het vliegveld van Eindhoven': 'van' after a place noun names a place, not a departure."""
    preceding = folded[max(0, start - 20):start].rsplit(None, 1)
    return bool(preceding) and preceding[-1] in vocab.place_nouns


# characters from a place to its verb-last leaving verb ("Irak in mei 2019 verlaten")
_DEPARTURE_AFTER_REACH: Final = 60
_PERFECT_AUXILIARIES: Final = frozenset(_WORD_LISTS["perfect_auxiliaries"])
_AUXILIARY_WORDS_BEFORE: Final = 4   # words before the place an auxiliary may stand in ("heeft hij Eritrea ... verlaten")


def _departure_after(spans: list[tuple[int, int]], folded: str, mentions: list[Mention],
                     mention_starts: list[int]) -> set[int]:
    """The mentions (start offsets) a verb-last leaving verb governs ("nadat ik Irak had verlaten", "Syrie ontvlucht"):
    the place right before the verb, with only filler words or a year between - a country left, so a departure and a
    strong start like "verliet Irak". A bare "verlaten" is a verb only after an auxiliary before the place (else it
    is the adjective: "in Servie in een verlaten fabriek")."""
    left: set[int] = set()
    for cue_start, cue_end in spans:
        bare = folded[cue_start:cue_end] == "verlaten"
        low = bisect_left(mention_starts, cue_start - _DEPARTURE_AFTER_REACH)
        for mention in mentions[low:bisect_left(mention_starts, cue_start)]:
            if mention.end <= cue_start and _filler_gap(folded[mention.end:cue_start], 3) and (
                    not bare or _auxiliary_before(folded, mention.start)):
                left.add(mention.start)
    return left


def _auxiliary_before(folded: str, start: int) -> bool:
    """A perfect auxiliary among the few words before ``start`` in its sentence ("Hij heeft Eritrea ...")."""
    clause = _SENTENCE_MARK.split(folded[max(0, start - 40):start])[-1]
    return not _PERFECT_AUXILIARIES.isdisjoint(clause.split()[-_AUXILIARY_WORDS_BEFORE:])


# a person and a relative named together ("hem en zijn familie", "him and his family"; cues.yaml word_lists)
_COMPANION_PAIRS: Final = frozenset(fold(pair) for pair in _WORD_LISTS["companion_pairs"])


def _blockers_absent(folded: str, start: int, vocab: Vocabulary) -> bool:
    """False when the relative follows 'met'/'with' ("met mijn broer") or is named together with the person ("him
    and his family"): they travelled together."""
    window = _SENTENCE_MARK.split(folded[max(0, start - 30):start])[-1]
    preceding = window.split()[-3:]
    if any(f"{a} {b}" in _COMPANION_PAIRS for a, b in zip(preceding, preceding[1:])):
        return False
    return vocab.relatives_blockers.isdisjoint(preceding)


# "van Teheran naar", "van Teheran via Doha naar", "from Lagos via Istanbul to": the document's words are a from-to
# route
_FROM_TO: Final = re.compile(r"\s+(?:" + _in_order("from_to_via") + r"\s+[^\s.,;:!?]+(?:\s+[^\s.,;:!?]+)?\s+)?"
                      + _in_order("onward_to") + r"\s")
# after the link: an article, or the mission that issued it ("issued by the Polish embassy in New Delhi", "afgegeven
# door het Italiaanse consulaat te Islamabad"): the document's origin either way
_DOC_GAP: Final = re.compile(r"\s*(?:" + _in_order("articles") + r"\s+)?(?:[a-z]+\s+" + _in_order("missions")
                      + r"\s+" + _in_order("mission_at") + r"\s+)?")
# before the link: a comma, a hedge ("vals schengenvisum, zogenaamd afgegeven door Portugal", "a visa, allegedly
# issued by")
_DOC_HEDGE: Final = re.compile(r",?\s*(?:" + _in_order("document_hedges") + r"\s+)?")


# a document word that is also a word of a person's registration (cues.yaml ``regulation_context``: "registered",
# "geregistreerd"): its field names where the person was registered, a stop ("Eurodac, registered: Bulgaria")
_PERSON_REGISTRATION: Final = frozenset(fold(word) for words in _raw_cues()[0]["regulation_context"].values() for word in words)


def _document_origin(folded: str, documents: list[tuple[int, int]], link: re.Pattern[str], mention: Mention) -> bool:
    """'paspoort van Bulgarije', 'passport issued by Italy': the country is the document's origin."""
    for doc_start, doc_end in documents:
        if doc_end > mention.start or mention.start - doc_end > 60:
            continue
        between = folded[doc_end:mention.start]
        if between[:1] == ":":
            # a record's field, "vlag: Panama", "flag: Malta": the value is its country, unless the field is the
            # person's registration
            if between[1:].isspace() and folded[doc_start:doc_end] not in _PERSON_REGISTRATION:
                return True
            continue
        stripped = between.lstrip()
        if len(stripped) == len(between) and not between.startswith(","):
            continue   # the document word goes on ("documentatie"); a comma may open a hedge
        match = link.match(stripped)
        if not match and (hedge := _DOC_HEDGE.match(stripped)):
            match = link.match(stripped, hedge.end())
        if match and _DOC_GAP.fullmatch(stripped, match.end()):
            # "met een toeristenvisum van Georgie naar Eindhoven": a from-to route, not the visa's origin
            return not _FROM_TO.match(folded, mention.end)
    return False


def _smuggler(folded: str, cues: dict[str, list[tuple[int, int]]], vocab: Vocabulary, segments: Segments) -> str:
    """yes: a smuggler was involved in the journey; no: the text denies it; unknown: not said.

    A smuggler who supplied a forged document counts (procuring a fraudulent travel document to enable the
    journey is smuggling, UN Smuggling Protocol art. 6), but less than the journey itself: "een vals paspoort
    van de smokkelaar ... de reis zelf geregeld, zonder smokkelaar" is no.
    """
    no = cues.get("smuggler_no", [])
    yes = cues.get("smuggler_yes")
    if not yes:
        return "no" if no else "unknown"
    document_sentences = {segments.sentence(start) for start, _ in cues.get("document", [])}
    affirmed = document_only = False
    denied = bool(no)
    for start, end in yes:
        if no and any(n_start <= start < n_end for n_start, n_end in no):
            continue
        clause_start = _clause_start(segments, start)
        if not vocab.smuggler_negators.isdisjoint(_PLAIN_WORD.findall(folded[clause_start:start])):
            denied = True
        elif segments.sentence(start) in document_sentences:
            document_only = True
        else:
            affirmed = True
    if affirmed or (document_only and not denied):
        return "yes"
    return "no" if denied else "unknown"


def _clause_start(segments: Segments, offset: int) -> int:
    index = segments.clause(offset)
    return segments.clause_starts[index - 1] if index > 0 else 0


# A relative clause about the place named just before it: "Servie, waar hij met een vlucht uit Istanbul was geland"
_RELATIVE_CLAUSE: Final = re.compile(r"\s*,\s*" + _in_order("place_relatives") + r"\b[^.;:!?]*")


def _departure_pairs(travelled: list[_MentionState], arrivals_in: dict[int, list[_MentionState]],
                     departures: list[int], folded: str = "") -> dict[int, _MentionState]:
    """Per departure mention (its index in ``travelled``), the arrival of the same sentence it leads to; a departure
    inside a relative clause leads to the place the clause is about ("Turkije, waar hij vanuit Iran naartoe was
    gelopen": Iran before Turkey), whatever else the sentence names."""
    pair_of: dict[int, _MentionState] = {}
    for index in departures:
        st = travelled[index]
        if index and folded:
            antecedent = travelled[index - 1]
            if (antecedent.sentence == st.sentence and antecedent.mention.place.iso3 != st.mention.place.iso3
                    and _RELATIVE_CLAUSE.fullmatch(folded, antecedent.mention.end, st.mention.start)):
                pair_of[index] = antecedent
                continue
        same = arrivals_in.get(st.sentence)
        if not same:
            continue
        pair = _arrival_of_departure(st, same, folded)
        if (pair is not None and pair.mention.place.iso3 == st.mention.place.iso3
                and pair.mention.start > st.mention.start):
            # the place after it is in the same country ("from Bordeaux, changing in Paris", "From Agadez in Niger on
            # a truck"): a move inside a country is no leg, the departure leads to another country's arrival
            pair = _arrival_of_departure(st, [o for o in same if o.mention.place.iso3 != st.mention.place.iso3], folded)
        if pair is not None:
            pair_of[index] = pair
    return pair_of


_NEXT_LEG: Final = re.compile(r"\b(?:" + timeline.succession_words() + r")\b")
_APPENDED_SOURCE: Final = re.compile(r"(?:\s+(?:te\s+zijn\s+)?[a-z]+)?\s*,\s*" + _in_order("appended_source", spaced=True)
                              + r"\s+(?:" + _in_order("definite_articles") + r"\s+)?")


def _arrival_of_departure(st: _MentionState, same: list[_MentionState], folded: str = "") -> _MentionState | None:
    """The arrival among ``same`` (the sentence's arrivals) that the departure ``st`` leads to."""
    after = [other for other in same if other.mention.start > st.mention.start]
    before_it = [other for other in same if other.mention.start < st.mention.start]
    # "stak de Hongaarse grens over vanuit Servie, en ... naar Oostenrijk": the arrival of its own clause
    own_clause = [other for other in before_it if other.clause == st.clause]
    if own_clause and not any(other.clause == st.clause and not other.transit and not other.via for other in after):
        # ("naar Moskou vanuit Sanaa met een overstap in Cairo": a flight stop after it is no leg's end; nor is a via
        # list: "to Germany in 2016 from Afghanistan via Iran and Turkey", "naar Duitsland vanuit Afghanistan via Iran")
        return own_clause[-1]
    if after and before_it and folded and (_NEXT_LEG.search(folded, st.mention.end, after[0].mention.start)
                                           or after[0].clause != st.clause) \
            and _APPENDED_SOURCE.fullmatch(folded, before_it[-1].mention.end, st.mention.start):
        # "in BY te zijn geland, vanuit Bagdad, vervolgens naar PL": the source told right after its arrival
        return before_it[-1]
    if after:
        return after[0]
    if before_it and not (folded and len(before_it) > 1 and before_it[-1].clause != st.clause and not st.before
                          and _LEG_JOINED.search(folded, before_it[-1].mention.end, st.mention.start)):
        # ("met de bus naar Nador en over het hek van Melilla": after two arrivals, a clause joined by 'en' goes on with
        # a leg of its own, its end untold; after the sentence's only arrival, "Naar Soedan en ik te voet gegaan vanuit
        # Eritrea" still tells where that one came from)
        return before_it[-1]
    return None


# a clause that goes on with a new leg: "... naar Minsk en was in Berlijn in deze trein gestapt"
_LEG_JOINED: Final = re.compile(r"\b(?:" + timeline.succession_words("succession_joined") + r")\b")


def _build_route(states: list[_MentionState], folded: str, mode_spans, segments: Segments, dutch_record: bool = False,
                 vehicles: Sequence = (), after_cues: Sequence = (), arrived_cues: Sequence = (),
                 cues: Mapping[str, list[tuple[int, int]]] | None = None):
    """Route in order of first arrival, the mode per country, the hint per country, and counters."""
    route: list[str] = []
    mode_of: dict[str, str] = {}
    hint_of: dict[str, str] = {}
    explicit_start: set[str] = set()
    homes: list[tuple[str, bool, int]] = []
    reorders = 0
    current_sentence = -1
    new_in_sentence: list[str] = []
    this_sentence: list[str] = []
    before_anchor: str | None = None
    travelled, arrivals_in, arrival_clauses, departures, before_sentences, abroad_note = _sort_mentions(states)
    clause_of = segments.clause
    leg_modes = LegModes(folded, mode_spans, segments, arrival_clauses, arrivals_in, states, vehicles)
    mode_for, last_arrival = leg_modes.mode_for, leg_modes.last_arrival
    pair_of = _departure_pairs(travelled, arrivals_in, departures, folded) if departures and arrivals_in else {}
    if after_cues:
        # "after which" / "after that" tell what followed, not what came before
        after_cues = [cue for cue in after_cues if not _AFTER_WHICH.match(folded, cue[1])]
        if pair_of and after_cues:
            # "met de trein uit Antwerpen, nadat hij vanuit Irak via Turkije ... was gereisd": a departure does not
            # lead to an arrival on the other side of an 'after' cue
            pair_of = {index: pair for index, pair in pair_of.items() if not any(
                min(travelled[index].mention.start, pair.mention.start) < cue
                < max(travelled[index].mention.start, pair.mention.start) for cue, _ in after_cues)}
    last_sentence_with_countries: list[str] = []
    before_placed: list[tuple[int, str]] = []   # (offset, country) placed by a 'before' cue in this sentence
    travelled_index = -1               # the position of ``state`` in ``travelled`` (the key of ``pair_of``)
    destination_of: dict[int, str] | None = None   # country per mention offset, made when a rule needs it
    anchored_start: set[str] = set()   # countries the text says were left or lived in
    flashback: list[tuple[int, str]] = []   # (sentence, country) placed before an anchor by a 'before' cue
    journey_start: str | None = None
    start_sentence = -1                # the sentence that names the journey's start
    added_order: dict[str, int] = {}
    departure_only: set[str] = set()   # countries so far only told as left ("vanuit X"), never as reached
    stops: set[str] = set()   # countries placed as a stop before a destination told first ("via", "changing planes in")
    last_reached: list[str] = []       # the countries reached in the previous sentence that named any
    reached_in_sentence: list[str] = []
    previous_state: _MentionState | None = None
    reached_netherlands = False        # the story told the arrival here
    origin_chain, origin_position = -1, 0   # a sentence telling the missing beginning, and where its next goes
    for state in states:
        if state.excluded:
            continue
        if previous_state is not None and not previous_state.departure and not previous_state.home:
            last_arrival[previous_state.sentence] = previous_state
        previous_state = state
        iso3 = state.mention.place.iso3
        if state.sentence != current_sentence:
            current_sentence = state.sentence
            if this_sentence:
                last_sentence_with_countries = this_sentence
                last_reached = reached_in_sentence or last_reached
            new_in_sentence, this_sentence, before_placed, reached_in_sentence = [], [], [], []
            if current_sentence in before_sentences:
                anchors = [c for c in last_sentence_with_countries if c in route]
                before_anchor = min(anchors, key=route.index) if anchors else None
        if state.mention.place.hint and not hint_of.get(iso3):
            hint_of[iso3] = state.mention.place.hint
        if state.home:
            homes.append((iso3, state.strong_home, state.sentence))
            continue
        travelled_index += 1
        this_sentence.append(iso3)
        if iso3 == NETHERLANDS and not state.departure and not state.intended and route.count(NETHERLANDS) < len(route):
            reached_netherlands = True   # told after countries abroad: not the record's opening place
        if not state.departure:
            reached_in_sentence.append(iso3)
        if state.journey_start and journey_start is None:
            journey_start, start_sentence = iso3, state.sentence
            if iso3 in route:
                route.remove(iso3)
            route.insert(0, iso3)
            explicit_start.add(iso3)
            anchored_start.add(iso3)
            mode_of.setdefault(iso3, UNKNOWN_MODE)
            reorders += 1
            continue
        if (state.first and journey_start is not None and iso3 != journey_start
                and 0 <= state.sentence - start_sentence <= 1):
            # "Waar begon uw reis? A: Uit Syrie. Ik ben eerst naar Turkije gegaan": the first country after the start
            if iso3 in route:
                route.remove(iso3)
            route.insert(1, iso3)
            mode_of.setdefault(iso3, mode_for(state))
            added_order.setdefault(iso3, len(added_order))
            new_in_sentence.append(iso3)
            reorders += 1
            continue
        if iso3 in route:
            if (iso3 in departure_only and not state.departure
                    and _after_word(folded, state.mention.start, _ARRIVAL_WORDS)):
                # "komende uit Brussel. ... vanuit Italie naar Frankrijk en met de bus naar Brussel": a country first
                # told as left is reached now, after the countries told before it in this sentence.
                departure_only.discard(iso3)
                told_before = [c for c in new_in_sentence if route.index(c) > route.index(iso3)]
                if told_before and iso3 != NETHERLANDS:
                    route.remove(iso3)
                    route.insert(max(map(route.index, told_before)) + 1, iso3)
                    reorders += 1
            if mode_of.get(iso3, UNKNOWN_MODE) == UNKNOWN_MODE:
                mode_of[iso3] = leg_modes.mode_again(travelled, travelled_index)
            continue
        mode_of[iso3] = mode_for(state)
        if state.departure and not (state.start or state.residence):
            departure_only.add(iso3)
        if state.residence or state.start:
            explicit_start.add(iso3)
        if state.residence or state.start or state.departure:
            anchored_start.add(iso3)
        pair = pair_of.get(travelled_index)
        via_target = None
        if state.via_destination >= 0:
            if destination_of is None:
                destination_of = {st.mention.start: st.mention.place.iso3 for st in travelled}
            via_target = destination_of.get(state.via_destination)
            if via_target not in new_in_sentence:
                via_target = None
        if origin_chain == state.sentence:
            route.insert(origin_position, iso3)
            origin_position += 1
            reorders += 1
        elif (state.departure and reached_netherlands and journey_start is None and route[0] not in anchored_start
              and (pair is None or pair.mention.place.iso3 not in route)
              and _countries_of_sentence(travelled, state.sentence).isdisjoint(route)):
            # "... en vandaar met een Flixbus naar Rotterdam. Cliënt benadrukt dat hij uit Eritrea via Soedan naar
            # Libie is gereisd": after the arrival here, a journey told on its own, left from a country not on the
            # route, whose route so far starts where it was only reached, is the beginning that was missing
            origin_chain, origin_position = state.sentence, 1
            route.insert(0, iso3)
            reorders += 1
        elif state.departure and pair is not None and pair.mention.place.iso3 in route:
            # "Eerst naar Turkije, vanuit Syrie" / "uit Marokko in Parijs aan": left before arriving.
            route.insert(route.index(pair.mention.place.iso3), iso3)
            reorders += 1
        elif state.departure and pair is not None and pair.via and (known := _known_destination(
                pair, arrivals_in, route, new_in_sentence, departure_only)) is not None:
            # "uit Damascus via Libanon naar Kopenhagen", Copenhagen told earlier: the leg goes before it
            route.insert(route.index(known), iso3)
            reorders += 1
        elif state.start and route and not (set(route[:1]) & explicit_start) and journey_start is None:
            route.insert(0, iso3)
            reorders += 1
        elif state.before_of >= 0 and _country_at(states, state.before_of) in route:
            # "Voordat ik in Libie kwam, was ik in Tsjaad": before the country the cue governs
            # ("..., and before that in Hungary": before the one placed last).
            _place_before(route, iso3, _country_at(states, state.before_of), state, before_placed, flashback)
            reorders += 1
        elif state.continues_before and any(sentence == state.sentence - 1 for sentence, _ in flashback):
            # "Before that he had been in Libya. He had left Nigeria and crossed Niger": still before.
            earlier = [c for sentence, c in flashback if sentence == state.sentence - 1 and c in route]
            anchor = min(earlier, key=route.index) if earlier else None
            if anchor is None:
                route.append(iso3)
            else:
                position = route.index(anchor)
                if route[:1] == [journey_start] and position == 0:
                    position = 1
                route.insert(position, iso3)
                reorders += 1
            flashback.append((state.sentence, iso3))
        elif state.before and before_anchor in route:
            # "Daarvoor was ik in Polen en daarvoor in Wit-Rusland": each 'before' goes before the last.
            _place_before(route, iso3, before_anchor, state, before_placed, flashback)
            reorders += 1
        elif state.transit_previous and last_reached and last_reached[-1] in route:
            # "I flew to Istanbul. We changed planes in Addis Ababa": the stop before the flight's destination - the
            # last country the previous sentence reached by plane ("a flight from Brazzaville to Paris, and the train
            # from Paris to Amsterdam. The flight had a stopover in Casablanca"), else its last country.
            flown = [c for c in last_reached if mode_of.get(c) == "plane" and c in route]
            route.insert(route.index(flown[-1] if flown else last_reached[-1]), iso3)
            stops.add(iso3)
            reorders += 1
        elif via_target is not None:
            # "naar Duitsland, via Bulgarije en Hongarije": transit before the destination.
            route.insert(route.index(via_target), iso3)
            stops.add(iso3)
            reorders += 1
        elif state.via and (known := _known_destination(state, arrivals_in, route, new_in_sentence,
                                                                                departure_only)) is not None:
            # "uit Damascus via Libanon naar Kopenhagen", Copenhagen told earlier: the stop goes before it
            route.insert(route.index(known), iso3)
            stops.add(iso3)
            reorders += 1
        else:
            route.append(iso3)
        new_in_sentence.append(iso3)
        added_order[iso3] = len(added_order)

    leg_modes.told_apart(route, mode_of, travelled, arrivals_in)

    if not homes and route:   # no birth or origin named as a place: the nationality told as an adjective
        homes = _nationality_adjective_homes(folded, segments, route, travelled, mode_of)
    transcript = ":" in folded and timeline.is_transcript(folded)   # read once: the births, the order, the turns
    if homes and cues:
        births = _record_told_births(states, folded, segments, cues, transcript)
        if births:
            homes = [home for home in homes if home[0] not in births]
    inferred_home = _place_home(route, homes, explicit_start, travelled) if homes else False
    if pair_of:
        reorders += _repair_legs(route, added_order, [(travelled[i].mention.place.iso3, pair.mention.place.iso3)
                                                      for i, pair in pair_of.items()])
    episodes = _Episodes(folded, segments, transcript)
    if len(route) > 1:
        after_legs = _after_clause_legs(travelled, after_cues, segments, folded) if after_cues else []
        flown_set = {country for country, mode in mode_of.items() if mode == "plane"}
        came_clauses = frozenset(clause_of(start) for start, _ in arrived_cues)
        constraints = _told_legs(travelled, pair_of, folded, after_legs, flown_set, came_clauses) + [
            timeline.Constraint(a, b, timeline.DATED) for a, b in _dated_legs(travelled, folded, segments, route)]
        if len(travelled) < len(states):
            constraints += _returned_to_legs(states, route, folded, episodes)
        fixed_first = journey_start if journey_start is not None else (
            route[0] if route[0] in explicit_start or inferred_home else None)
        if transcript:
            # "V: En voor Bosnie? A: Servie", "Q: Before? A: Iran": the order the questions ask for; one that repeats
            # a told leg adds nothing (nor counts twice as a sign of a story told backwards)
            # (a flight stop told after a destination abroad, "to Belgrade, changing in Dubai", is no next country
            # after it either)
            told = {(c.earlier, c.later) for c in constraints}
            stop_before = {s.via_destination for s in travelled if s.transit and s.via_destination >= 0}
            if stop_before:
                stop_before = {s.mention.start for s in travelled if s.mention.start in stop_before
                               and s.mention.place.iso3 != NETHERLANDS}
            constraints += [c for c in timeline.question_legs(folded, [
                (s.mention.start, s.mention.place.iso3, bool(s.before or s.before_of >= 0 or s.continues_before
                                                             or (s.transit and s.via_destination in stop_before)))
                for s in travelled], route) if (c.earlier, c.later) not in told]
        if fixed_first is None and len(route) > 2 and _left_before_the_first(route, travelled, mode_of):
            route[0], route[1] = route[1], route[0]
            fixed_first = route[0]
            reorders += 1
        base = _backward_base(route, travelled, constraints, episodes, fixed_first)
        reorders += _keep_legs_in_order(route, constraints, fixed_first if base is not None else journey_start, base)
    if NETHERLANDS in route:
        reorders += _last_leg_into_netherlands(route, pair_of, travelled, departure_only, journey_start, stops)
    if vehicles and (NETHERLANDS in route or dutch_record) and not abroad_note:
        reorders += _vehicle_into_netherlands(route, states, travelled, folded, vehicles, journey_start, dutch_record)
    if journey_start is not None and route[0] != journey_start:
        route.remove(journey_start)
        route.insert(0, journey_start)
    if journey_start is not None:
        reorders += _first_leg_after_start(route, travelled, journey_start, folded, segments, episodes)
    if len(route) > 3:
        reorders += _between_neighbours(route, travelled, constraints, pair_of)
    if len(route) > 2 and _named_before_the_start(route, [s for s in states if not s.excluded], mode_of):
        del route[0]   # with the homes, as after the stages: a home told first is the person's origin
    reorders += _place_the_end(route, states, abroad_note, dutch_record)
    return route, mode_of, hint_of, reorders, inferred_home


# what makes a mention more than a name: an origin or order cue the rules read on it
_TOLD_AS_MORE: Final = attrgetter("home", "residence", "start", "departure", "journey_start", "before", "via", "transit",
                           "first", "here")


def _told_after_a_plain_first(route: list[str], travelled: list[_MentionState]) -> list[_MentionState] | None:
    """The mentions of the route's second country when the first is told with no origin or order cue on any mention;
    None when it has one, or either is the Netherlands or untold."""
    first, following = route[0], route[1]
    if first == NETHERLANDS or following == NETHERLANDS:
        return None
    told_first, told_next = False, []
    for state in travelled:
        country = state.mention.place.iso3
        if country == first:
            if any(_TOLD_AS_MORE(state)) or state.before_of >= 0 or state.continues_before:
                return None
            told_first = True
        elif country == following:
            told_next.append(state)
    return told_next if told_first and told_next else None


def _named_before_the_start(route: list[str], travelled: list[_MentionState], mode_of: Mapping[str, str]) -> bool:
    """The route's first country is only named (no origin or order cue on any mention, no mode it was reached by)
    and the next country is never told as reached, only as lived in, set out from or started at ("The report speaks
    of Brazil. The client lived in Herat ... From Herat he walked to Iran"): the journey begins at that next country
    and the first is a mention, not a stop - when the next is told as lived in or as the start, or as left and the
    first does not border it (a neighbour left before, "had been in France before. She came from Belgium", stays)."""
    if mode_of.get(route[0], UNKNOWN_MODE) != UNKNOWN_MODE:
        return False
    told_next = _told_after_a_plain_first(route, travelled)
    if told_next is None or not all(s.residence or s.departure or s.start or s.journey_start or s.home
                                    for s in told_next):
        return False   # the next country reached: the journey may have come there from the first
    named_in = {s.sentence for s in travelled if s.mention.place.iso3 == route[0]}
    if any(s.sentence in named_in and s.mention.place.iso3 != route[0] and not s.departure for s in travelled):
        return False   # told with a country reached ("verliet Syrië richting Turkije"): a leg from it
    return (any(s.residence or s.start or s.journey_start for s in told_next)
            or route[1] not in timeline.neighbours().get(route[0], ()))


def _reached_from_the_next(route: list[str], travelled: list[_MentionState], tokens: Tokens, folded: str) -> bool:
    """A sentence tells the route's first country reached - a destination word right before it (``_moved_to``, the
    verifier's ``told_gone_to``) and no source word - and the next with a source word ("Naar de Verenigde Arabische
    Emiraten ben ik gegaan vanuit Syrie", "I came to Oman from Yemen"): a leg from the next into the first, which is a
    stop reached, not a mention before the start. Read after the order stage put the first there (round 19: the stage
    turned such a pair by geography, a destination farther from the Netherlands than its source). A first country
    only named beside the next one left ("The report mentions Canada and that he left Syria") is not reached."""
    first, following = route[0], route[1]
    reached = {s.sentence for s in travelled if s.mention.place.iso3 == first and not s.departure
               and _moved_to(tokens, folded, s.mention.start)}
    return bool(reached) and any(s.departure and s.sentence in reached for s in travelled
                                 if s.mention.place.iso3 == following)


def _left_before_the_first(route: list[str], travelled: list[_MentionState], mode_of: Mapping[str, str]) -> bool:
    """The route's first country is told only as reached (a mode, no origin or order cue) and the next one only as
    set out from, never reached ("By bus to Turkey ... the smugglers took him from Iraq"): the journey began at the
    one left."""
    if mode_of.get(route[0], UNKNOWN_MODE) == UNKNOWN_MODE:
        return False
    told_next = _told_after_a_plain_first(route, travelled)
    return told_next is not None and all(
        s.departure and not (s.residence or s.start or s.journey_start or s.home) for s in told_next)


_AFTER_WHICH: Final = re.compile(r"\s+" + _in_order("after_which") + r"\b")
# a stretch of time right after 'after'/'na' and nowhere named in it: "after six months", "na twee jaar", "after a while"
_TIME_SPAN: Final = re.compile(r"\s+(?:(?:" + _in_order("time_counts", spaced=True) + r"|\d+(?:[.,]\d+)?)\s+)*"
                        + _in_order("time_units") + r"\b(?!\s+" + _in_order("time_here") + r"\b)")


def _after_clause_legs(travelled: list[_MentionState], after_cues, segments: Segments,
                       folded: str = "") -> list[tuple[str, str]]:
    """'Duitsland bereikte hij nadat hij een maand in Wenen had gewacht', 'He lived in London, after travelling from
    Tirana': each country from an ``after_clause`` cue to the end of its clause comes before each country told just
    before the cue - earlier in its clause, else in the nearest clause of its sentence before it that names one.
    An 'after' that only names a stretch of time tells time going on ("flew to Istanbul and after six months walked
    into Bulgaria": nothing came before it)."""
    legs: list[tuple[str, str]] = []
    for start, end in after_cues:
        if folded and _TIME_SPAN.match(folded, end):
            continue
        sentence, clause = segments.sentence(start), segments.clause(start)
        inside = [s.mention.place.iso3 for s in travelled if s.clause == clause and s.mention.start >= end]
        if not inside:
            continue
        earlier = [s for s in travelled if s.sentence == sentence and s.mention.start < start]
        if not earlier:
            continue
        nearest = earlier[-1].clause
        legs += [(a, s.mention.place.iso3) for s in earlier if s.clause == nearest for a in inside
                 if a != s.mention.place.iso3 and NETHERLANDS not in (a, s.mention.place.iso3)]
    return legs


_BACK_WORD: Final = re.compile(r"\b(?:terug|back|return)")


def _returned_to_legs(states: list[_MentionState], route: list[str], folded: str,
                      episodes: _Episodes | None = None) -> list[timeline.Constraint]:
    """A country someone was sent, pushed or went back to ("de politie stuurde ons terug naar Bosnie", "put us in
    boats back to Turkey", "teruggeduwd naar Wit-Rusland") was reached before the country the person was sent back
    from: the last country travelled before the return in its sentence. (The return itself is no arrival - a
    country keeps its first one - but 'back' tells which came first.) Only a return told with 'back'/'terug': a
    deportation ("uitgezet naar Ethiopie", "deported to") may reach a country never seen before. In a transcript, a
    return whose sentence names no country before it left the last country of its turn or of the turn before ("Q:
    Were you in Spain? A: Only the airport. Q: What happened then? A: They sent me back to Dakar"). So does a
    return told first in the sentence after the last country ("Hij vluchtte naar Jordanie. Hij keerde in 2018 terug
    naar Syrie ..."): the person went back from there."""
    legs: list[timeline.Constraint] = []
    last: _MentionState | None = None
    told: set[str] = set()   # countries told as travelled before ``last``
    for state in states:
        if not state.excluded:
            if last is not None:
                told.add(last.mention.place.iso3)
            last = state
            continue
        if state.excluded != "return" or last is None or (
                state.sentence not in (last.sentence, last.sentence + 1)
                and not _next_turn(episodes, last.sentence, state.sentence)) \
                or not _BACK_WORD.search(folded, max(last.mention.end, state.mention.start - 40), state.mention.start) \
                or _BACK_WORD.match(folded, last.mention.end + 1):
            continue
        back_to, back_from = state.mention.place.iso3, last.mention.place.iso3
        # the country left was a second visit when both were told as reached before, or when it was itself a return
        # ("naar Italie teruggestuurd, maar ik kwam terug naar Duitsland", "sent to Italy again, but I came back to
        # Germany"): going back says nothing of the first arrivals
        if back_to != back_from and back_to in route and not (back_to in told and back_from in told) \
                and NETHERLANDS not in (back_to, back_from):
            legs.append(timeline.Constraint(back_to, back_from, timeline.RETURNED))
    return legs


def _next_turn(episodes: _Episodes | None, earlier: int, later: int) -> bool:
    """Whether sentence ``later`` of a transcript lies in the turn of sentence ``earlier`` or in the next one."""
    if episodes is None or not episodes.transcript:
        return False
    episode_of, _ = episodes.get()
    last = len(episode_of) - 1
    return 0 <= episode_of[min(later, last)] - episode_of[min(earlier, last)] <= 1


def _countries_of_sentence(travelled: list[_MentionState], sentence: int) -> set[str]:
    return {s.mention.place.iso3 for s in travelled if s.sentence == sentence}


def _first_leg_after_start(route: list[str], travelled: list[_MentionState], journey_start: str,
                           folded: str, segments: Segments, episodes: _Episodes) -> int:
    """The journey's start told with its first leg ("Waar begon de reis? A: Uit Conakry, met de bus naar Bamako",
    "In Kano, met een vrachtwagen naar Niamey"): the country reached next in that sentence is the first after the
    start, wherever the text told it before. When the answer goes on in a sentence of its own that opens with a word
    of succession ("A: In Kabul. Daarna Iran en Turkije"), the countries that sentence reaches follow the start in
    the order told; else, in a transcript, the countries the rest of the answer names up to the last one it reaches
    ("A: Isfahan. I lived there. I crossed into Turkey on foot.", "A: In Peshawar. Een agent bracht mij via Iran naar
    Turkije") follow the start, however late the start is asked. Returns the moves."""
    for index, state in enumerate(travelled):
        if not state.journey_start or state.mention.place.iso3 != journey_start:
            continue
        following = next((s for s in travelled[index + 1:] if s.mention.place.iso3 != journey_start), None)
        if following is None or following.departure:
            return 0
        if following.sentence == state.sentence:
            # a flight stop told after that country goes before it ("vertrokken, met een vlucht naar Belgrado, overstap
            # in Dubai")
            chain = [s.mention.place.iso3 for s in travelled[index + 1:] if s.sentence == state.sentence
                     and (s.transit or s.via) and s.via_destination == following.mention.start]
            chain.append(following.mention.place.iso3)
        elif following.sentence == state.sentence + 1 and _SUCCESSION_START.match(
                folded, segments.sentence_starts[following.sentence - 1]):
            chain = []
            for other in travelled[index + 1:]:
                if other.sentence != following.sentence or other.departure:
                    break
                if other.mention.place.iso3 not in chain and other.mention.place.iso3 != journey_start:
                    chain.append(other.mention.place.iso3)
        elif episodes.same_answer(state.sentence, following.sentence):
            # "Where did your journey begin? A: Isfahan. I am Afghan, but I lived there. I crossed into Turkey on foot."
            # The answer to where the journey began tells its beginning, however late it is asked ("Waar begon uw
            # reis? A: In Peshawar. Een agent bracht mij via Iran naar Turkije ... Daarna Servie en Bosnie"): the
            # countries it names follow the start in the order told, before those of other answers - up to the last
            # one it reaches (a place it then only tells as left leads to the Netherlands: "From Trieste I came here").
            told: list[str] = []
            reached = 0
            for other in travelled[index + 1:]:
                if not episodes.same_answer(state.sentence, other.sentence):
                    break
                country = other.mention.place.iso3
                if (other.before or other.before_of >= 0 or other.continues_before or country in told
                        or country == journey_start or country == NETHERLANDS):
                    continue
                told.append(country)
                if not other.departure:
                    reached = len(told)
            chain = told[:reached] or [following.mention.place.iso3]
        else:
            return 0
        chain = [c for c in chain if c != NETHERLANDS and c in route]
        if not chain or route[1:1 + len(chain)] == chain:
            return 0
        for country in chain:
            route.remove(country)
        route[1:1] = chain
        return 1
    return 0


_RIVER_CROSSINGS: Final = {row["river"]: (row["left"], row["entered"]) for row in read_data_csv("border_rivers.csv")}
_BORDER_RIVERS: Final = re.compile(r"(?<![\w'])(?:" + "|".join(map(re.escape, _RIVER_CROSSINGS)) + r")(?![\w'])")


def _crossed_border_river(route: list[str], folded: str) -> None:
    """A record naming a border river crossed one way ("crossed the Evros into Greece", "over de Evros gezwommen")
    tells the country left too: it goes right before the country entered when the route lacks it (a letter often
    names Turkey only in the claim it drops, or not at all); before the learned stages, so they read it as a rule's stop. ``border_rivers.csv``; train1-42: Turkey is on the gold
    route of every row naming the Evros."""
    for match in _BORDER_RIVERS.finditer(folded):
        left, entered = _RIVER_CROSSINGS[match.group()]
        if entered in route and left not in route:
            route.insert(route.index(entered), left)


def _farthest_left_first(route: list[str], travelled: list[_MentionState]) -> int:
    """A country the text tells only as left ("A: From Lagos", "vanuit Nador", never reached) that lies farthest from
    the Netherlands of the route's countries is where the journey began: it goes first. (Counted on train1-40 before
    the rule: where such a country was not first, the gold put it first in every row with it farthest; a country told
    only as left but nearer than another on the route was not the start as often as it was.) Returns the moves."""
    abroad = [c for c in route if c != NETHERLANDS]
    distance = distance_home()
    farthest = max(abroad, key=lambda c: distance.get(c, 0.0))
    if farthest == route[0] or not distance.get(farthest):
        return 0
    if any(s.journey_start or (s.mention.place.iso3 == route[0] and (s.before or s.before_of >= 0 or s.continues_before))
           for s in travelled):
        return 0   # a start the text names, or a first country a 'before' put there ("Daarvoor was ik in Libanon")
    told = [s for s in travelled if s.mention.place.iso3 == farthest]
    if not told or not all(s.departure for s in told):
        return 0
    into_netherlands = {s.sentence for s in travelled if s.mention.place.iso3 == NETHERLANDS}
    if any(s.sentence in into_netherlands for s in told):
        return 0   # "vanuit Calais naar Nederland": the leg into the Netherlands, not the start
    route.remove(farthest)
    route.insert(0, farthest)
    return 1


class _Episodes:
    """``timeline.episodes`` of one text, worked out at most once: the check for a story told backwards and the
    reading of the start's answer both need it, and it scans the whole text."""

    __slots__ = ("folded", "segments", "transcript", "_value")

    def __init__(self, folded: str, segments: Segments, transcript: bool) -> None:
        self.folded, self.segments = folded, segments
        self.transcript = transcript   # ``timeline.is_transcript``, read once per text by the caller
        self._value: tuple[list[int], int] | None = None

    def get(self) -> tuple[list[int], int]:
        if self._value is None:
            self._value = timeline.episodes(self.folded, self.segments.sentence_starts, _SUCCESSION_START)
        return self._value

    def same_answer(self, sentence: int, other: int) -> bool:
        """Whether two sentences of a transcript lie in one question's answer."""
        if ":" not in self.folded or other <= sentence:
            return False
        episode_of, _ = self.get()
        last = len(episode_of) - 1
        return episode_of[min(sentence, last)] == episode_of[min(other, last)] and self.transcript


# a sentence that carries the story on: "Daarna Iran en Turkije", "Then Iran and Turkey"
_SUCCESSION_START: Final = re.compile(r"\W*(?:" + timeline.succession_words("succession_from_there") + r")\b")


# a mention state's fields, read in C (``map``) for a test over all the mentions of a text
_BEFORE_FLAG: Final = attrgetter("before")
_VIA_FLAG: Final = attrgetter("via")
_TRANSIT_FLAG: Final = attrgetter("transit")
_DEPARTURE_FLAG: Final = attrgetter("departure")
_SENTENCE: Final = attrgetter("sentence")


def _told_legs(travelled: list[_MentionState], pair_of: dict[int, _MentionState], folded: str,
               after_legs: Sequence[tuple[str, str]] = (), flown: set[str] | None = None,
               came_clauses: frozenset[int] = frozenset()) -> list[timeline.Constraint]:
    """The order the text states outright, as timeline constraints: each departure before the arrival it leads to
    ("van Khartoum naar Tunis"), a country told as left after an 'after' cue or a 'there' pointing back, a sentence
    telling the whole itinerary (``_itinerary_legs``), then countries reached one after another in one sentence,
    joined by a word of succession ("naar Tunis en met de auto naar Libie"), after a 'via' ("via Bosnie naar
    Kroatie") or by a dash only ("the flights were Casablanca-Istanbul and Istanbul-Belgrade"). Mentions some other
    cue already orders ('before', a flight stop, a via list after its destination, the journey's start, "eerst")
    take no part in the last kind."""
    # (earlier, later, weight) first, in the order the solver sees them (equal weights keep it); a Constraint is
    # made only for a leg that is kept
    legs: list[tuple[str, str, int]] = []
    if pair_of:
        # a leg back to a country reached before ("Uit Duitsland werd ik naar Italie teruggestuurd", "sent back to
        # Serbia") is another journey's: a country keeps its first arrival
        # (searched only when one of its words is in the leg's stretch of text, which the search cannot pass: the
        # leg's ends and at most ``_clause_rest``'s 30 characters on; most legs hold none, and this test on the
        # stretch is cheaper than on the whole text)
        again = timeline.going_back()
        text_may_go_back = timeline.may_go_back(folded)   # a word in no leg's stretch when in none of the text (most)
        for i, pair in pair_of.items():
            departure_end = travelled[i].mention.end
            low, last_end = min(departure_end, pair.mention.start), max(departure_end, pair.mention.end)
            if not (text_may_go_back and timeline.may_go_back(folded[low:last_end + 30])
                    and again.search(folded, low, _clause_rest(folded, last_end))):
                legs.append((travelled[i].mention.place.iso3, pair.mention.place.iso3, timeline.LEG))
    if after_legs:
        legs += [(a, b, timeline.AFTER) for a, b in after_legs]   # "nadat hij Belgrado had verlaten"
    there = _legs_to_there(travelled, pair_of, folded, came_clauses)
    if there:
        legs += [(a, b, timeline.CAME_FROM) for a, b in there]
    itinerary = _itinerary_legs(travelled)
    if itinerary:
        legs += [(a, b, timeline.ITINERARY) for a, b in itinerary]
    if any(map(_BEFORE_FLAG, travelled)):
        legs += [(a, b, timeline.BACKWARD_LIST) for a, b in _backward_list_legs(travelled)]
    if pair_of:
        legs += [(a, b, timeline.STOP) for a, b in _stop_legs(travelled, pair_of, folded, flown)]
    if any(map(_VIA_FLAG, travelled)):
        legs += [(a, b, timeline.STOP) for a, b in _via_after_arrival_legs(travelled, folded)]
    if "eerst" in folded or "first" in folded:
        legs += [(a, b, timeline.FIRST_THEN) for a, b in _first_then_legs(travelled, folded)]
    if timeline.may_hold_from_where(folded):
        legs += [(a, b, timeline.LEG) for a, b in _from_where_legs(travelled, folded)]
    if (" nu " in folded or " now " in folded) and _NOW_IN.search(folded):
        legs += [(a, b, timeline.ITINERARY) for a, b in _where_now_legs(travelled, folded)]
    previous: _MentionState | None = None
    for state in travelled:
        if (state.departure or state.before or state.before_of >= 0 or state.continues_before or state.transit
                or state.via_destination >= 0 or state.journey_start or state.first
                or state.mention.place.iso3 == NETHERLANDS):
            previous = None
            continue
        if previous is not None and previous.sentence == state.sentence and (previous.via or _SUCCESSION.search(
                folded, previous.mention.end, state.mention.start)
                or not folded[previous.mention.end:state.mention.start].strip()):   # "Casablanca-Istanbul"
            legs.append((previous.mention.place.iso3, state.mention.place.iso3, timeline.SUCCESSION))
        previous = state
    if not legs:
        return []
    Constraint = timeline.Constraint
    return [Constraint(a, b, weight) for a, b, weight in legs if a != b and a != NETHERLANDS and b != NETHERLANDS]


_FIRST_REACH: Final = 60   # characters from "eerst"/"first" to the country it puts first ("eerst met dat paspoort naar Belgrado")


def _first_then_legs(travelled: list[_MentionState], folded: str) -> list[tuple[str, str]]:
    """The order told outright in one sentence: "cliënt was eerst in Algerije en pas daarna in Marokko", "hij vloog
    eigenlijk eerst naar Belgrado en ging pas later naar Bulgarije", "she first went to Lebanon and only then to
    Jordan". The first country after the 'first' word comes before the first other country after a 'then' word later
    in the sentence. Often a correction of a report's order, so the solver weighs it above a told leg."""
    then_word = timeline.first_then()[1]
    legs: list[tuple[str, str]] = []
    starts = [s.mention.start for s in travelled]
    for word_end in timeline.first_word_ends(folded):   # the first pattern's matches (its finditer was ~5% of a text)
        index = bisect_left(starts, word_end)
        if index == len(travelled) or starts[index] - word_end > _FIRST_REACH:
            continue
        first = travelled[index]
        if any(mark in folded[word_end:first.mention.start] for mark in ".?!"):
            continue   # not in the sentence of the 'first' word
        country = first.mention.place.iso3
        for later in travelled[index + 1:]:
            if later.sentence != first.sentence:
                break
            if later.mention.place.iso3 != country and then_word.search(folded, first.mention.end, later.mention.start):
                if not later.departure:   # "en pas daarna, komend uit Turkije": a place left, not the next stay
                    legs.append((country, later.mention.place.iso3))
                break
    return legs


def _from_where_legs(travelled: list[_MentionState], folded: str) -> list[tuple[str, str]]:
    """A place and a relative 'from where' ("vloog naar Turkije, vanwaar hij met een rubberboot naar Chios ging",
    "flew to Istanbul, from where he took a bus to Sofia"): a leg from that place to the next country reached in the
    sentence."""
    relative = timeline.from_where()
    legs: list[tuple[str, str]] = []
    for index, state in enumerate(travelled):
        if not relative.match(folded, state.mention.end):
            continue
        country = state.mention.place.iso3
        reached = next((s for s in travelled[index + 1:] if s.sentence == state.sentence and not s.departure
                        and s.mention.place.iso3 != country), None)
        if reached is not None:
            legs.append((country, reached.mention.place.iso3))
    return legs


def _clause_rest(folded: str, offset: int, most: int = 30) -> int:
    """Where the clause at ``offset`` ends, at most ``most`` characters on (a Dutch verb comes last: "naar Italie
    teruggestuurd")."""
    end = min(len(folded), offset + most)
    stops = [position for position in (folded.find(",", offset, end), folded.find(".", offset, end)) if position >= 0]
    return min(stops) if stops else end


def _backward_list_legs(travelled: list[_MentionState]) -> list[tuple[str, str]]:
    """A list told after a 'before' cue ("Met de trein uit Duitsland. Daarvoor Oostenrijk, Slovenie, Kroatie, Servie
    en Griekenland", "V: En daarvoor? A: Iran, Afghanistan") goes back from the countries of the sentence before when it
    walks over borders - its first country borders one of them, its last does not, each borders the next (the nearest
    told first): read backwards, each country comes after the one named after it. Any other list keeps its order."""
    by_sentence: dict[int, list[str]] = {}
    flagged: dict[int, bool] = {}
    for state in travelled:
        countries = by_sentence.setdefault(state.sentence, [])
        if state.mention.place.iso3 not in countries:
            countries.append(state.mention.place.iso3)
        flagged[state.sentence] = flagged.get(state.sentence, True) and state.before and not state.departure
    legs: list[tuple[str, str]] = []
    borders = timeline.neighbours()
    sentences = sorted(by_sentence)
    for previous, sentence in zip(sentences, sentences[1:]):
        countries = by_sentence[sentence]
        if not flagged[sentence] or len(countries) < 2:
            continue
        anchor = set(by_sentence[previous])
        if (anchor & borders.get(countries[0], frozenset()) and not anchor & borders.get(countries[-1], frozenset())
                and all(later in borders.get(earlier, ()) for earlier, later in zip(countries, countries[1:]))):
            legs += [(later, earlier) for earlier, later in zip(countries, countries[1:])]
    return legs


def _stop_legs(travelled: list[_MentionState], pair_of: dict[int, _MentionState], folded: str,
               flown: set[str] | None = None) -> list[tuple[str, str]]:
    """A stop of a leg lies between the leg's ends: a country passed ("via", "door", "through") or a flight stop
    ("changing planes in") in the sentence of a told leg - inside the leg ("van Khartoum via Tsjaad naar Libie"),
    or next to it with no other arrival between ("we reden door Oostenrijk, van Hongarije naar Duitsland"; a question
    "Hoe bent u van Soedan naar Marokko gereisd? A: Via Tsjaad en Libie"); or, alone in its sentence, a flight stop or
    a country not named before after a sentence telling one leg ("Zij vloog van Teheran naar Belgrado. Turkije deed
    zij alleen aan als overstap")."""
    if not (any(map(_VIA_FLAG, travelled)) or any(map(_TRANSIT_FLAG, travelled))):
        return []   # no stop told (most texts)
    legs_in: dict[int, list[tuple[_MentionState, _MentionState]]] = {}
    for index, arrival in pair_of.items():
        departure = travelled[index]
        if departure.sentence == arrival.sentence:
            legs_in.setdefault(arrival.sentence, []).append((departure, arrival))
    stops: list[tuple[str, str]] = []
    for position, state in enumerate(travelled):
        if not (state.via or state.transit) or state.departure:
            continue
        country = state.mention.place.iso3
        candidates = legs_in.get(state.sentence)
        if not candidates:
            alone = all(s.mention.place.iso3 == country for s in travelled if s.sentence == state.sentence)
            # a flight stop: the sentence before that names a place (in a transcript the question between names
            # none: "Gevlogen van Bagdad naar Minsk. V: Rechtstreeks? A: Nee, overgestapt in Istanbul")
            told_before = state.sentence - 1 if not state.transit else next(
                (s.sentence for s in reversed(travelled[:position]) if s.sentence < state.sentence), -1)
            candidates = legs_in.get(told_before) if alone else None
            if not candidates and state.transit and not alone:
                # the flight's one end named before the stop in its sentence, by the question: "Did you fly directly
                # to Belgrade? A: No, I changed in Istanbul", "Directly from Bonaire? A: No, via Curacao"
                ends = {s.mention.place.iso3: s for s in travelled[:position] if s.sentence == state.sentence}
                ends.pop(country, None)
                if len(ends) == 1 and all((s.mention.place.iso3 == country or s.mention.place.iso3 in ends) for s in travelled
                                          if s.sentence == state.sentence):
                    (end_country, end), = ends.items()
                    stops.append((end_country, country) if end.departure else (country, end_country))
                continue
            if not candidates or len(candidates) > 1:
                continue
            if not state.transit and any(s.mention.place.iso3 == country for s in travelled[:position]):
                continue   # a place passed again ("reed eerst nog langs Antwerpen"), not a stop of that leg
            if state.transit and flown is not None and candidates[0][1].mention.place.iso3 not in flown:
                continue   # a flight stop belongs to a flight ("by bus to Nairobi and flew to Istanbul. We changed")
        leg = _leg_around(state, candidates, travelled, folded)
        if leg is not None and country not in (leg[0].mention.place.iso3, leg[1].mention.place.iso3):
            stops += [(leg[0].mention.place.iso3, country), (country, leg[1].mention.place.iso3)]
    return stops


# the verb of an arrival between the place reached and the way it was reached: "Naar IT was hij gekomen via NE"
_REACHED: Final = re.compile(r"\b" + _listed("reached") + r"\b")


# a quoted statement telling where its speaker is now: "'Broer, ik ben nu in Nimsa, in Wenen.'", "'I am now in Almaan'"
# (written "\b(?:nu|now)..." it tried every position; the literal "n" first lets ``re`` skip to candidates in C)
_NOW_IN: Final = re.compile(r"n(?<!\wn)(?:u|ow)\s+(?:in|at|op)\s+(?:(?:de|het|the)\s+)?")
# a sentence about what is still to come: "Ik ga morgen met de trein naar Almanya"
_FUTURE: Final = re.compile(r"\b" + _listed("future") + r"\b")


def _where_now_legs(travelled: list[_MentionState], folded: str) -> list[tuple[str, str]]:
    """A quoted statement that tells where its speaker is now ("'Broer, ik ben nu in Nimsa, in Wenen. Ze hebben ons van
    Hongarije gebracht ...'", a voice message; "'I am now in Almaan ... then Austria, and now here'"): that country
    comes after every country the statement tells as passed - not those of a sentence about what is still to come
    ("Ik ga morgen ... naar Almanya"). Only inside quotes: a record's own 'now' is its own place and time."""
    legs: list[tuple[str, str]] = []
    for state in travelled:
        start = state.mention.start
        now = _NOW_IN.search(folded, max(0, start - 16), start)
        if now is None or now.end() != start or state.departure or state.intended:
            continue
        opened = quote_opening_before(folded, start)
        if opened < 0:
            continue
        closing = QUOTE_CLOSE.search(folded, start)
        end = closing.start() if closing else len(folded)
        here = state.mention.place.iso3
        for other in travelled:
            country, offset = other.mention.place.iso3, other.mention.start
            if not opened <= offset < end or country in (here, NETHERLANDS) or other.intended:
                continue
            sentence_start = max(folded.rfind(".", opened, offset), opened)
            sentence_end = folded.find(".", offset, end)
            if not _FUTURE.search(folded, sentence_start, sentence_end if sentence_end >= 0 else end):
                legs.append((country, here))
    return legs


_ANOTHER_TIME: Final = re.compile(r"\b" + _in_order("another_time") + r"\b")


def _via_after_arrival_legs(travelled: list[_MentionState], folded: str) -> list[tuple[str, str]]:
    """An arrival told with the way it was reached after it ("Naar IT was hij gekomen via NE en LY", "Hij was in FR
    gekomen via IT", "she reached Greece through Turkey"): the countries passed come before the arrival told first
    in their sentence, with no word of succession between them ("naar Griekenland en daarna via Macedonie") and no
    arrival of their own after them ("in Iran, via Turkije ging ik naar Griekenland": they lead there instead). A
    verb of arriving stands between ("In Thessaloniki stapte hij in de bus, die via Servie reed": boarded there),
    unless the via list follows its destination right away ("to Germany via Poland", which the rules place only when
    the destination is new in the sentence: here also when it was told before)."""
    legs: list[tuple[str, str]] = []
    index = 0
    while index < len(travelled):
        state = travelled[index]
        stop_of = state.via or (state.transit and state.via_destination >= 0)   # "naar Belgrado, overstap in Dubai"
        if not stop_of or state.departure or not index:
            index += 1
            continue
        chain_end = index
        while (chain_end + 1 < len(travelled) and travelled[chain_end + 1].via
               and travelled[chain_end + 1].sentence == state.sentence):
            chain_end += 1
        chain, index = travelled[index:chain_end + 1], chain_end + 1
        arrival = travelled[travelled.index(state) - 1]
        if (arrival.sentence != state.sentence or arrival.departure or arrival.via or arrival.transit
                or _SUCCESSION.search(folded, arrival.mention.end, state.mention.start)
                or (state.via_destination != arrival.mention.start
                    and not _REACHED.search(folded, arrival.mention.end, state.mention.start))
                or _ANOTHER_TIME.search(folded, folded.rfind(".", 0, arrival.mention.start) + 1, state.mention.start)):
            continue   # "The second time I reached Hungary through Croatia": not the first arrival
        following = next((s for s in travelled[chain_end + 1:] if s.sentence == state.sentence and not s.departure),
                         None)
        if following is not None and not _SUCCESSION.search(folded, chain[-1].mention.end, following.mention.start):
            continue
        legs += [(stop.mention.place.iso3, arrival.mention.place.iso3) for stop in chain
                 if stop.mention.place.iso3 != arrival.mention.place.iso3]
    return legs


def _leg_around(state: _MentionState, legs: list[tuple[_MentionState, _MentionState]],
                travelled: list[_MentionState], folded: str) -> tuple[_MentionState, _MentionState] | None:
    """The leg a stop belongs to: the one whose span holds it with no other arrival inside; else, in its sentence, the
    one it stands right next to - no arrival between them, none on its other side ("via Duitsland naar Nederland"
    belongs to the leg into the Netherlands), no word of succession after the leg's end ("from Morocco to Spain, then
    through France": a new leg), and neither end itself passed ("passed through Serbia and Croatia and took
    a train from Zagreb to Ljubljana": the stops came before Croatia); a stop alone in its sentence belongs to the one
    leg of the sentence before."""
    start = state.mention.start
    country = state.mention.place.iso3
    same = [other for other in travelled if other.sentence == state.sentence and other.mention.place.iso3 != country]

    def arrival_between(low: int, high: int) -> bool:
        return any(low < other.mention.start < high and not other.departure and not other.via and not other.transit
                   for other in same)

    for departure, arrival in legs:
        if departure.sentence != state.sentence:
            return departure, arrival
        low, high = sorted((departure.mention.start, arrival.mention.start))
        if low < start < high:
            return departure, arrival
    for departure, arrival in legs:
        low, high = sorted((departure.mention.start, arrival.mention.start))
        ends = (departure.mention.place.iso3, arrival.mention.place.iso3)
        if any((other.via or other.transit) and other.mention.place.iso3 in ends for other in same):
            continue
        if start < low and not arrival_between(-1, low):
            return departure, arrival
        if start > high and not arrival_between(high, 1 << 30):
            end = departure if departure.mention.start == high else arrival
            first_stop = min((other.mention.start for other in same if high < other.mention.start
                              and (other.via or other.transit)), default=start)
            if not _SUCCESSION.search(folded, end.mention.end, min(first_stop, start)):
                return departure, arrival
    return None


# "there" pointing back at a place told before: "Hoe kwam u daar? A: Vanuit Punto Fijo", "How did you get there?"
_THERE: Final = re.compile(r"\b" + _in_order("there_pointers") + r"\b")


def _legs_to_there(travelled: list[_MentionState], pair_of: dict[int, _MentionState], folded: str,
                   came_clauses: frozenset[int] = frozenset()) -> list[tuple[str, str]]:
    """A departure with no arrival in its sentence, after a 'there' that points back ("U woonde op Aruba. Hoe kwam u
    daar? A: Vanuit Punto Fijo") or in a clause telling an arrival (``arrived_from``: "Hij was eerst in Duitsland.
    Hij kwam uit Oostenrijk", "Ik was met de trein vanuit Slovenie gekomen"): it leads to the last country reached in
    the sentence before."""
    legs: list[tuple[str, str]] = []
    if sum(map(_DEPARTURE_FLAG, travelled)) == len(pair_of):
        return legs   # every departure leads to an arrival of its sentence (``pair_of`` holds departures only)
    if not came_clauses and "daar" not in folded and "there" not in folded and "erheen" not in folded:
        return legs
    for index, state in enumerate(travelled):
        if not state.departure or index in pair_of or state.start or not index:
            continue
        previous = next((s for s in reversed(travelled[:index]) if s.sentence < state.sentence), None)
        if previous is None or previous.departure or previous.sentence != state.sentence - 1:
            continue
        if state.clause in came_clauses or _THERE.search(folded, previous.mention.end, state.mention.start):
            legs.append((state.mention.place.iso3, previous.mention.place.iso3))
    return legs


_ITINERARY_COUNTRIES: Final = 3   # countries before the Netherlands that make a sentence a whole itinerary


def _itinerary_legs(travelled: list[_MentionState]) -> list[tuple[str, str]]:
    """A sentence that tells the whole journey up to its arrival in the Netherlands ("from N'Djamena to Zinder in
    Niger, across the desert to Libya, by boat to Lampedusa, by train to Ventimiglia and Paris, then Brussels and
    Amsterdam"): its countries, in the order told, are legs. Only a sentence whose last place is in the Netherlands,
    with at least ``_ITINERARY_COUNTRIES`` other countries, none ordered otherwise by a cue."""
    count = len(travelled)
    if count <= _ITINERARY_COUNTRIES:
        return []
    sentences = list(map(_SENTENCE, travelled))
    if not any(map(eq, sentences, sentences[_ITINERARY_COUNTRIES:])):
        return []   # no sentence holds more than that many mentions (their run in text order is that long)
    legs: list[tuple[str, str]] = []
    end = 0
    while end < count:   # the mentions of each sentence (``travelled`` is in text order: a sentence's are a run)
        first, sentence = end, travelled[end].sentence
        while end < count and travelled[end].sentence == sentence:
            end += 1
        last = travelled[end - 1]
        if end - first <= _ITINERARY_COUNTRIES or last.mention.place.iso3 != NETHERLANDS or last.intended:
            continue   # (too few mentions before the last for that many countries)
        legs += _sentence_itinerary(travelled[first:end - 1])
    return legs


def _sentence_itinerary(states: list[_MentionState]) -> list[tuple[str, str]]:
    """The legs of one sentence's mentions before its arrival in the Netherlands, in the order told: none when a cue
    orders any of them otherwise (before, transit, via) or when fewer than ``_ITINERARY_COUNTRIES`` distinct countries
    are told, or one comes back."""
    countries: list[str] = []
    for state in states:
        if (state.before or state.before_of >= 0 or state.continues_before or state.transit
                or state.via_destination >= 0):
            return []
        country = state.mention.place.iso3
        if country != NETHERLANDS and (not countries or countries[-1] != country):
            countries.append(country)
    if len(set(countries)) >= _ITINERARY_COUNTRIES and len(set(countries)) == len(countries):
        return list(zip(countries, countries[1:]))
    return []


# Words that tell the next arrival follows the previous one ("naar Tunis en ... naar Libie", "then to Austria"); a
# bare comma ("naar Duitsland gebracht, naar Frankfurt") or a question and its answer do not.
_SUCCESSION: Final = re.compile(r"\b(?:" + timeline.succession_words("succession_joined") + r")\b")


_MONTHS: Final = {name: number for number, names in enumerate((
    ("januari", "january", "jan"), ("februari", "february", "feb"), ("maart", "march", "mrt"), ("april", "apr"),
    ("mei", "may"), ("juni", "june", "jun"), ("juli", "july", "jul"), ("augustus", "august", "aug"),
    ("september", "sept", "sep"), ("oktober", "october", "okt", "oct"), ("november", "nov"),
    ("december", "dec")), start=1) for name in names}
# "14 april 2022", "juni 2017", "in 2019": a month name with an optional day and year, or a year alone
_DATE: Final = re.compile(r"\b(?:(?:(\d{1,2})\s+)?(" + "|".join(sorted(_MONTHS, key=len, reverse=True))
                   + r")\b(?:\s+(\d{4}))?|(?<!\d[\s.])(19[5-9]\d|20\d\d)"   # not the year of "14-09-2022"
                   + r"|(?<![\d.])(?<!\d\s)(0?[1-9]|1[0-2])[\s.](19[5-9]\d|20\d\d))\b")   # "03-2024", "10/2025"
# a numeric month right before a year ("03 2024", "10.2023" as folded), not the month of a whole date ("14 05 2025")
_MONTH_BEFORE_YEAR: Final = re.compile(r"(?<![\d.])(?<!\d\s)(?:0?[1-9]|1[0-2])[\s.]$")
# the years _is_year accepts (1950-2099), each scan opening with a literal: ``re`` skips to "19" / "20" in C (a scan
# opening with the class [12] stopped at every 1 and 2 of the dates); matches of a 4-digit word never overlap
# (not after an ASCII digit and a space or dot: the year of a numeric date, which ``_is_year`` refuses anyway - most
# demo records open with such dates - so those give no match to test)
_YEARS: Final = (("19", re.compile(r"19(?<![0-9][ .]19)[5-9]\d\b")), ("20", re.compile(r"20(?<![0-9][ .]20)\d\d\b")))
_DATED_COUNTRIES: Final = 3   # dates order a route only when at least this many of its countries carry one
_ANY_YEARS: Final = (("19", re.compile(r"19[5-9]\d\b")), ("20", re.compile(r"20\d\d\b")))   # numeric dates' years too


def _dated_legs(travelled: list[_MentionState], folded: str, segments: Segments,
                route: list[str]) -> list[tuple[str, str]]:
    """Order told only by dates ("V: Wanneer verliet u Eritrea? A: In juni 2017. ... Wanneer kwam u in Libie aan?
    A: In september 2021."): each country takes the earliest date of the sentences that name it (a question and
    its answer read as one), and countries follow each other in date order. A month without a year takes the next
    year in its sentence ("van mei tot oktober 2022"); a month with none is not used. Legs between countries with
    different dates only, and only when at least ``_DATED_COUNTRIES`` countries of the route carry a date."""
    # every usable date holds a year, so first the cheap test: enough countries named in sentences with a year?
    # (only route countries abroad can be dated: a route of fewer skips the year scans)
    if len(travelled) < _DATED_COUNTRIES or len(route) - (NETHERLANDS in route) < _DATED_COUNTRIES:
        return []
    sentence_starts = segments.sentence_starts   # (segments.sentence inlined: once per year)
    year_sentences = {bisect_right(sentence_starts, start) for prefix, pattern in _YEARS if prefix in folded
                      for start in map(_MATCH_START, pattern.finditer(folded)) if _is_year(folded, start)}
    if (len(year_sentences) < 2 or len({s.mention.place.iso3 for s in travelled
                                        if s.sentence in year_sentences}) < _DATED_COUNTRIES) and ":" in folded:
        # a police timeline ("Tijdlijn: 03-2024 aankomst in NL; 01-2024 in Frankrijk; ..."): its numeric month-years
        year_sentences |= {bisect_right(sentence_starts, start) for prefix, pattern in _ANY_YEARS if prefix in folded
                           for start in map(_MATCH_START, pattern.finditer(folded))
                           if _is_year(folded, start) or _is_month_year(folded, start)}
    if len(year_sentences) < 2 or len({s.mention.place.iso3 for s in travelled
                                       if s.sentence in year_sentences}) < _DATED_COUNTRIES:
        return []
    by_sentence: dict[int, tuple[int, int, int]] = {}
    pending: list[tuple[int, int, int]] = []   # (sentence, month, day) waiting for a year later in the sentence
    for match in _DATE.finditer(folded):
        sentence = segments.sentence(match.start())
        day, month, year, bare_year, numeric_month, numeric_year = match.groups()
        if numeric_year:   # "03-2024": a month and its year, told as numbers (police timelines)
            _keep_earliest(by_sentence, sentence, (int(numeric_year), int(numeric_month), 0))
            continue
        day_number = int(day) if day and int(day) <= 31 else 0
        if not (year or bare_year):
            pending.append((sentence, _MONTHS[month], day_number))
            continue
        year_number = int(year or bare_year)
        waiting = [(m, d) for pending_sentence, m, d in pending if pending_sentence == sentence]
        pending = []
        for waiting_month, waiting_day in waiting:   # "van mei tot oktober 2022": May 2022
            _keep_earliest(by_sentence, sentence, (year_number, waiting_month, waiting_day))
        if year:
            _keep_earliest(by_sentence, sentence, (year_number, _MONTHS[month], day_number))
        elif not waiting:   # "in 2019"; but "in maart 2019" was the month's year
            _keep_earliest(by_sentence, sentence, (year_number, 0, 0))
    dates: dict[str, tuple[int, int, int]] = {}
    for state in travelled:
        key = by_sentence.get(state.sentence)
        country = state.mention.place.iso3
        if key is not None and country in route and country != NETHERLANDS and (
                country not in dates or key < dates[country]):
            dates[country] = key
    if len(dates) < _DATED_COUNTRIES:
        return []
    groups: dict[tuple[int, int, int], list[str]] = {}
    for country, key in dates.items():
        groups.setdefault(key, []).append(country)
    keys = sorted(groups)
    # every country of a date before every country of the next date: a later country pulls all the earlier ones
    return [(a, b) for earlier, later in zip(keys, keys[1:]) for a in groups[earlier] for b in groups[later]]


def _is_year(folded: str, start: int) -> bool:
    """A year 1950-2099 on its own (the start of a ``_YEARS`` match): not inside a longer number, not the year of a
    numeric date ("14 09 2022", "05.03.2024")."""
    century = folded[start:start + 3]
    if not (century[:2] == "20" or (century[:2] == "19" and century[2:] >= "5")):
        return False
    before = folded[max(0, start - 2):start]
    return not (before[-1:].isalnum() or (len(before) == 2 and before[0].isdigit() and before[1] in " ."))


def _is_month_year(folded: str, start: int) -> bool:
    """The year of a numeric month-year ("03 2024", "10.2023" as folded), not of a whole date ("14 05 2025")."""
    return _MONTH_BEFORE_YEAR.search(folded, max(0, start - 3), start) is not None and not folded[
        start + 4:start + 5].isalnum()


def _keep_earliest(by_sentence: dict[int, tuple[int, int, int]], sentence: int, key: tuple[int, int, int]) -> None:
    if sentence not in by_sentence or key < by_sentence[sentence]:
        by_sentence[sentence] = key


def _keep_legs_in_order(route: list[str], constraints: list[timeline.Constraint], journey_start: str | None,
                        base: list[str] | None = None) -> int:
    """The route read again as a timeline (``timeline.solve``): a country that the told legs say comes after others
    still placed later pulls those earlier countries forward (each with its own earlier ones), the rest keeps its
    place ("Ik vloog van Khartoum naar Tunis en ... naar Libie", told after Libya was placed: Tunisia moves before
    Libya); a leg that contradicts heavier ones (a cycle) is dropped. ``base``: the order of a text told backwards.
    Returns 1 when the route changed."""
    if base is None:
        position = {country: index for index, country in enumerate(route)}
        if all(position.get(c.earlier, -1) < position.get(c.later, len(route)) for c in constraints):
            return 0   # the usual case: the route already keeps every told leg
    ordered = timeline.solve(route, constraints, journey_start, base)
    if ordered == route:
        return 0
    route[:] = ordered
    return 1


def _between_neighbours(route: list[str], travelled: list[_MentionState], constraints: list[timeline.Constraint],
                        pair_of: dict[int, _MentionState]) -> int:
    """A country nothing in the text orders - no leg, stop, date or succession names it, no cue placed it - goes into
    the gap of the route it fills by its borders (``timeline.between_neighbours``). Returns 1 when the route changed."""
    if len(route) < 4 or not timeline.has_gap(route):
        return 0
    # the country left in a return ("in Kroatie ... teruggestuurd naar Bosnie") is only after the one it went back to,
    # not placed by it: its borders still find its gap
    ordered = {c.earlier for c in constraints} | {c.later for c in constraints if c.weight != timeline.RETURNED}
    ordered.update(travelled[index].mention.place.iso3 for index in pair_of)
    ordered.update(pair.mention.place.iso3 for pair in pair_of.values())
    ordered.update(s.mention.place.iso3 for s in travelled if s.before or s.before_of >= 0 or s.continues_before
                   or s.via or s.transit or s.via_destination >= 0 or s.first or s.journey_start or s.start
                   or s.residence or s.transit_previous)
    free = set(route) - ordered
    if not free:
        return 0
    told: dict[str, int] = {}
    for index, state in enumerate(travelled):
        told.setdefault(state.mention.place.iso3, index)
    moved = timeline.between_neighbours(route, free, told)
    if moved == route:
        return 0
    route[:] = moved
    return 1


def _backward_base(route: list[str], travelled: list[_MentionState], constraints: list[timeline.Constraint],
                   episodes: _Episodes, fixed_first: str | None) -> list[str] | None:
    """The base order when the text tells the journey from its end back (``timeline.told_backwards``), else None.
    Evidence: the legs between countries first told in different episodes, the episodes that open with a 'before'
    (a 'before' mention whose country is new there) and a transcript's start asked in its last turn after others,
    against those that open with a word of succession."""
    if len(route) < 3:
        return None
    crossing = [(c.earlier, c.later) for c in constraints if c.weight >= timeline.CAME_FROM]
    flashbacks = [s for s in travelled if s.before or s.before_of >= 0 or s.continues_before]
    if len(crossing) + len(flashbacks) < 2:
        return None
    first_sentence: dict[str, int] = {}
    for state in travelled:
        first_sentence.setdefault(state.mention.place.iso3, state.sentence)
    if not flashbacks and all(first_sentence.get(a, -1) <= first_sentence.get(b, -1) for a, b in crossing):
        return None   # the usual case: every leg told forward
    episode_of, onward = episodes.get()
    last = len(episode_of) - 1
    first_episode = {country: episode_of[min(sentence, last)] for country, sentence in first_sentence.items()}
    before_episodes = {episode_of[min(s.sentence, last)] for s in flashbacks
                       if first_sentence.get(s.mention.place.iso3) == s.sentence}
    if episodes.transcript and _start_told_last(travelled, episode_of):
        before_episodes.add(episode_of[-1])   # a set: a last episode that opens with a 'before' counts once
    if not timeline.told_backwards(first_episode, crossing, len(before_episodes), onward):
        return None
    return timeline.backward_base(route, first_episode, fixed_first)


def _start_told_last(travelled: list[_MentionState], episode_of: list[int]) -> bool:
    """Whether a transcript tells its journey's start ("Waar begon uw reis? A: In Herat") in its last episode, after
    other turns, asked or not: the interview went back from the end, one sign of a story told backwards."""
    last, final = len(episode_of) - 1, episode_of[-1] if episode_of else 0
    return final > 0 and any(s.journey_start and episode_of[min(s.sentence, last)] == final for s in travelled)


def _sort_mentions(states: list[_MentionState]):
    """One pass over the mentions: the travelled ones (not excluded, not a home), arrivals per sentence and their
    clauses, the indices of departures in ``travelled``, sentences with a 'before' mention, and whether the text is
    an abroad note."""
    travelled: list[_MentionState] = []
    arrivals_in: dict[int, list[_MentionState]] = {}
    arrival_clauses: set[int] = set()
    departures: list[int] = []
    before_sentences: set[int] = set()   # sentences with a 'before' mention (which reads ``before_anchor``)
    abroad_note = False
    for st in states:
        if st.excluded:
            continue
        if st.here:
            abroad_note = True
        if st.home:
            continue
        if st.departure:
            departures.append(len(travelled))
        else:
            arrivals_in.setdefault(st.sentence, []).append(st)
            arrival_clauses.add(st.clause)
        if st.before:
            before_sentences.add(st.sentence)
        travelled.append(st)
    return travelled, arrivals_in, arrival_clauses, departures, before_sentences, abroad_note


def _last_leg_into_netherlands(route: list[str], pair_of: dict[int, _MentionState], travelled: list[_MentionState],
                               departure_only: set[str], journey_start: str | None, stops: set[str]) -> int:
    """"in de trein van Dusseldorf naar Venlo", the rest told afterwards: the leg into the Netherlands is the last one,
    so the country it left is the last before the Netherlands (and before that leg's stops). Not when another leg
    leaves the same country for elsewhere ("van Cairo naar Amsterdam, dat is alles" corrected later by "eerst van
    Cairo naar Benghazi"): the story then goes on from there. Returns the moves."""
    moves = 0
    left_elsewhere = {travelled[index].mention.place.iso3 for index, pair in pair_of.items()
                      if pair.mention.place.iso3 != NETHERLANDS}
    for index, pair in pair_of.items():
        left = travelled[index].mention.place.iso3
        if (pair.mention.place.iso3 != NETHERLANDS or pair.intended or left not in departure_only
                or left == journey_start or left in left_elsewhere):
            continue
        rest = [c for c in route if c != NETHERLANDS and c != left]
        position = len(rest)
        while position and rest[position - 1] in stops:
            position -= 1
        moved = rest[:position] + [left] + rest[position:]
        if moved != [c for c in route if c != NETHERLANDS]:
            route[:] = moved + [NETHERLANDS]
            moves += 1
    return moves


_VEHICLE_REACH: Final = 60   # characters before a departure in which a mode word names the vehicle ("de vlucht uit Dubai")


def _vehicle_into_netherlands(route: list[str], states: list[_MentionState], travelled: list[_MentionState],
                              folded: str, vehicles, journey_start: str | None, dutch_record: bool) -> int:
    """A record that opens with the vehicle the person came in ("een passagier van de vlucht uit Bonaire", "in een
    BlaBlaCar uit Luik", "on the flight from Sofia", "in de IC Berlijn-Amsterdam"), before it tells the journey: that
    vehicle's leg is the last one, so its country is the last before the Netherlands. Only a departure (or a train's
    origin) told before every other country of the journey, not followed in its sentence by the arrival of its own
    leg, a vehicle word just before it, and the record's place in the Netherlands named before it (or a Dutch
    record's opening sentences). Returns the moves."""
    index, first = next(((i, s) for i, s in enumerate(travelled) if s.mention.place.iso3 != NETHERLANDS), (-1, None))
    if first is None or first.start or first.residence or first.home:
        return 0
    country, start = first.mention.place.iso3, first.mention.start
    # (the tests that end here in any order; the vehicle word before the place first: most texts have none there)
    if not any(start - _VEHICLE_REACH <= cue_start < start for cue_start, _ in vehicles):
        return 0
    if country == journey_start or country not in route:
        return 0
    # "de IC Berlijn-Amsterdam", "ICE 126 Frankfurt-Amsterdam": a train named by its origin and Dutch end
    destination = next((s for s in states if s.mention.start > start), None)
    route_name = (destination is not None and destination.mention.place.iso3 == NETHERLANDS
                  and not folded[first.mention.end:destination.mention.start].strip())
    if not (first.departure or route_name):
        return 0
    following = next((s for s in states
                      if s.mention.start > start and s.mention.place.iso3 not in (NETHERLANDS, country)),
                     None)   # the next country: "uit Sint Maarten (SXM)" names the same one twice
    if (following is not None and following.sentence == first.sentence and not following.departure
            and not following.residence):
        return 0   # "met een bootje van Puerto Cumarebo naar Curacao wilde": a leg of its own, even if not made
        #            (not where the person lives: "een passagier van vlucht EK149 uit DXB ... dat hij in Hyderabad
        #            woont")
    found_here = route_name or any(s.mention.place.iso3 == NETHERLANDS and s.mention.start < start and not s.excluded
                                   for s in states)
    if not found_here and not (dutch_record and first.sentence <= 2):
        return 0
    rest = [c for c in route if c not in (country, NETHERLANDS)]
    # a stop of that same last flight: not one told before another destination ("reached Poland by plane from
    # Kathmandu, changing in Doha" is a stop before Poland, whatever vehicle came last)
    destination_of = {s.mention.start: s.mention.place.iso3 for s in states}
    stops = {s.mention.place.iso3 for s in travelled if s.transit and (
        s.transit_previous or destination_of.get(s.via_destination) == NETHERLANDS)}
    position = len(rest)
    while position and rest[position - 1] in stops:   # "vlucht uit Nairobi ... in Doha overgestapt": the same flight
        position -= 1
    moved = rest[:position] + [country] + rest[position:] + ([NETHERLANDS] if NETHERLANDS in route else [])
    if moved == route:
        return 0
    route[:] = moved
    return 1


def _place_the_end(route: list[str], states: list[_MentionState], abroad_note: bool, dutch_record: bool = False) -> int:
    """The Netherlands last; in an abroad note without it, the place the note is written about (where the person
    is now); a Dutch authority's record about a journey ends in the Netherlands even when it names no Dutch place
    (the person it is about is here). Returns the moves."""
    moves = 0
    if dutch_record and not abroad_note and route and NETHERLANDS not in route and (len(route) > 1 or any(
            s.departure or s.via or s.transit for s in states if s.mention.place.iso3 == route[0] and not s.excluded)):
        # one country only when a leg leaves it ("uit Belgie kwam"), not a place merely named ("afgegeven in Kabul")
        route.append(NETHERLANDS)
        return moves
    here = None
    if abroad_note:
        here = next((s.mention.place.iso3 for s in states if s.here and not s.excluded
                     and s.mention.place.iso3 in route), None)
    if here is not None and NETHERLANDS not in route and route[-1] != here:
        route.remove(here)
        route.append(here)
        moves += 1
    if NETHERLANDS in route and route[-1] != NETHERLANDS:
        route.remove(NETHERLANDS)
        route.append(NETHERLANDS)
        moves += 1
    return moves


def _known_destination(state: _MentionState, arrivals_in: dict[int, list[_MentionState]], route: list[str],
                       new_in_sentence: list[str], departure_only: set[str]) -> str | None:
    """The destination after a 'via' stop in its sentence, when an earlier sentence already put it on the route."""
    for other in arrivals_in.get(state.sentence, ()):
        if other.mention.start > state.mention.start and not other.via:
            country = other.mention.place.iso3
            known = (country in route and country not in new_in_sentence and country != NETHERLANDS
                     and country not in departure_only)   # a country told only as left is placed when reached
            return country if known else None
    return None


# a birth label set off after a comma or a bracket ("Betrokkene, geboren in Herat,", "Subject (born in Kabul)"); the
# person's own words; the cues that tell a move or a stay after a birth ("geboren en vluchtte naar", "en opgegroeid")
_BIRTH_BEFORE: Final = re.compile(r"[,(]\s*" + _in_order("birth_labels") + r"\b[^.;]{0,30}$")
_OWN_WORDS: Final = re.compile(r"\b" + _in_order("own_words") + r"\b")
_MOVE_OR_STAY: Final = ("relative_moves", "residence_verbs", "residence_after", "residence_there")
_COMMA_LIKE: Final = re.compile(r"[,;:]")
_GOES_ON: Final = ("relative_moves", "departure")   # after the aside: the subject leaves, flees, crosses, goes
_ENTERED: Final = re.compile(r"\b(?:into|naar)\s+(?:the\s+)?$")   # "crossed into Sudan", "gevlucht naar Ethiopie"


def _record_told_births(states: list[_MentionState], folded: str, segments: Segments,
                        cues: Mapping[str, list[tuple[int, int]]], transcript: bool) -> set[str]:
    """The countries told only as a birthplace in an aside of the record ("Betrokkene, geboren in Herat, verklaarde
    ...", "Subject (born in Kabul) stated ..."): no start of the journey - writers start it where the story does
    (train1-28 +5/-1). Not a birth told as a sentence of its own ("Hij is in Syrie geboren. Hij ging naar Turkije"),
    in the person's own words or a transcript ("Ik ben geboren in Baidoa"), nor one its sentence goes on from, before
    a comma, with a move or a stay ("geboren in Nyala (Darfur) en vluchtte naar Egypte")."""
    if transcript:
        return set()
    moves = [start for name in _MOVE_OR_STAY for start, _ in cues.get(name, ())]
    goes = sorted(start for name in _GOES_ON for start, _ in cues.get(name, ()))
    borders = timeline.neighbours()
    sentence_starts, clause_starts = segments.sentence_starts, segments.clause_starts
    births: dict[str, bool] = {}
    for state in states:
        if not state.home or state.excluded:
            continue
        start, end = state.mention.start, state.mention.end
        born = _BIRTH_BEFORE.search(folded[max(0, start - 40):start]) is not None
        if born:
            clause = bisect_right(clause_starts, start)
            clause_start = clause_starts[clause - 1] if clause > 0 else 0
            clause_end = clause_starts[clause] if clause < len(clause_starts) else len(folded)
            sentence_start = sentence_starts[state.sentence - 1] if state.sentence > 0 else 0
            sentence_end = sentence_starts[state.sentence] if state.sentence < len(sentence_starts) else len(folded)
            if folded.rfind("(", sentence_start, start) > folded.rfind(")", sentence_start, start):
                closing = folded.find(")", end, sentence_end)   # an aside ("Subject (born in Kabul) stated ...")
                sentence_end = closing if closing >= 0 else sentence_end
            born = not _OWN_WORDS.search(folded, clause_start, clause_end) and not any(
                end <= move < sentence_end and not _COMMA_LIKE.search(folded, end, move) for move in moves)
            whole_end = sentence_starts[state.sentence] if state.sentence < len(sentence_starts) else len(folded)
            if born and _journey_from_aside(state, states, folded, whole_end, goes, borders):
                born = False
        country = state.mention.place.iso3
        births[country] = births.get(country, True) and born
    return {country for country, born in births.items() if born}


def _journey_from_aside(birth: _MentionState, states: list[_MentionState], folded: str, sentence_end: int,
                        goes: list[int], borders: Mapping[str, frozenset[str]]) -> bool:
    """The sentence goes on, after the aside closes, with the subject leaving for the first country it names, a
    neighbour of the birthplace or one entered directly ("Betrokkene, geboren in Somalie, is gevlucht naar
    Ethiopie", "The applicant, born in Eritrea, crossed into Sudan"): the birthplace is where the told journey
    starts. Not a country lived or worked in first ("geboren in Herat, verklaarde dat hij in Iran werkte")."""
    home = birth.mention.place.iso3
    closing = _COMMA_LIKE.search(folded, birth.mention.end, sentence_end)
    bracket = folded.find(")", birth.mention.end, sentence_end)
    ends = [at for at in (closing.start() if closing else -1, bracket) if at >= 0]
    if not ends:
        return False
    after = min(ends) + 1
    first = min((s for s in states if s.sentence == birth.sentence and after <= s.mention.start < sentence_end
                 and s.mention.place.iso3 != home), key=lambda s: s.mention.start, default=None)
    if first is None or first.excluded or first.residence or first.home:
        return False
    if not any(after <= go < first.mention.start for go in goes):
        return False
    return (first.mention.place.iso3 in borders.get(home, ())
            or _ENTERED.search(folded, after, first.mention.start) is not None)


def _place_home(route: list[str], homes: list[tuple[str, bool, int]], explicit_start: set[str],
                travelled: list[_MentionState]) -> bool:
    """Nationality or birth country as the start, only when nothing the text says contradicts it: the route starts
    in a country lived in or left, or the sentence of the birth tells where the person lived or left from instead
    ("born in Mali but had lived in Nouadhibou", "in Afghanistan geboren maar vertrok uit Iran"). True if placed."""
    travelled_abroad = any(c != NETHERLANDS for c in route)
    lived_or_left = {(s.sentence, s.mention.place.iso3) for s in travelled if s.residence or s.start}
    # the route's first country lived in, or told only as left and never as reached ("She had flown to Minsk from
    # Moscow"): the told journey begins there, so a birth country or nationality told elsewhere is not its start
    # ("she was born in Dushanbe"); a country reached first and left later ("gevlucht naar Libanon. Vanuit Beiroet")
    # is no such start
    first = next((country for country in route if country != NETHERLANDS), None)   # NL may open a transcript
    first_told = [s for s in travelled if s.mention.place.iso3 == first] if first else []
    left_first = bool(first_told) and (
        all(s.departure for s in first_told) or any(s.residence or s.start for s in first_told))
    for home, strong, sentence in homes:
        if home in route:
            if _left_home_later(route, home, travelled, explicit_start, left_first):
                route.remove(home)
                route.insert(0, home)
                return True
            continue
        if strong and not travelled_abroad:
            continue  # a birthplace or nationality alone is no journey, even for a person found in NL
        if route and (route[0] in explicit_start or left_first) and first != home:
            continue
        # the home's sentence tells where the person lived or left from instead ("born in Mali but had lived in
        # Nouadhibou"); not a country lived in after another it reached ("comes from Kharkiv, went by bus to Poland,
        # then lived in Berlin")
        if any(other == sentence and country != home and country in route
               and not _reached_before_in_sentence(travelled, sentence, country, home)
               for other, country in lived_or_left):
            continue
        if strong and first != home and _opens_as_left_abroad(first_told, travelled, home):
            continue
        route.insert(0, home)
        return True
    return False


def _left_home_later(route: list[str], home: str, travelled: list[_MentionState], explicit_start: set[str],
                     left_first: bool) -> bool:
    """The nationality or birth country told only as left, after countries abroad ("Georgische nationaliteit ...
    in 2019 via Turkije naar Griekenland ... In 2023 vloog hij van Koetaisi naar Memmingen"): an earlier trip abroad
    and a later journey from home, so the home is the start (order of first arrival). Not when the route starts in a
    country the text tells as the start, lived in or only left."""
    if route[0] == home or route[0] in explicit_start or left_first:
        return False
    told = [s for s in travelled if s.mention.place.iso3 == home]
    return bool(told) and all(s.departure and not s.residence for s in told)


def _reached_before_in_sentence(travelled: list[_MentionState], sentence: int, country: str, home: str) -> bool:
    """Another country than the home is told in the sentence before the first mention there of ``country`` lived in
    or left."""
    lived = min((s.mention.start for s in travelled if s.sentence == sentence and s.mention.place.iso3 == country
                 and (s.residence or s.start)), default=None)
    return lived is not None and any(s.sentence == sentence and s.mention.start < lived
                                     and s.mention.place.iso3 not in (home, country) for s in travelled)


def _opens_as_left_abroad(first_told: list[_MentionState], travelled: list[_MentionState], home: str) -> bool:
    """The route's first country is first told as left for another country abroad in the same sentence ("Hij reisde
    vanuit Quetta met een smokkelaar naar Iran", "she travelled from Sulaymaniyah to Turkey"): the told journey starts
    there, so a birth country or nationality told elsewhere is not its start, even when the story names the first
    country again later (the existing test wants every mention of it a departure). Not a departure into the
    Netherlands (a record that opens with its last leg, "met een taxi vanuit Aken Nederland binnengekomen", tells the
    journey backwards) nor one followed only by other departures. Birth or nationality only: a weak "komt uit" home
    told so stays the start (train1-28: +1/-1 with it, +1/-0 without)."""
    if not first_told:
        return False
    opening = min(first_told, key=lambda s: s.mention.start)
    if not opening.departure:
        return False
    first = opening.mention.place.iso3
    return any(s.sentence == opening.sentence and s.mention.start > opening.mention.start and not s.departure
               and s.mention.place.iso3 not in (first, home, NETHERLANDS) for s in travelled)


def _country_at(states: list[_MentionState], offset: int) -> str | None:
    """The country of the mention starting at ``offset``."""
    return next((s.mention.place.iso3 for s in states if s.mention.start == offset), None)


def _repair_legs(route: list[str], added_order: dict[str, int], legs: list[tuple[str, str]]) -> int:
    """A leg told later ("Van Turkije naar Oostenrijk") whose start stands after its end in the route: the
    countries told after the end's arrival, up to the start, go before the end. Returns the moves made."""
    moves = 0
    for left, reached in legs:
        if left not in route or reached not in route or left == NETHERLANDS or reached == NETHERLANDS:
            continue
        end, start = route.index(reached), route.index(left)
        if start <= end:
            continue
        block = [c for c in route[end + 1:start + 1] if added_order.get(c, -1) > added_order.get(reached, -1)]
        if left not in block:
            continue
        for country in block:
            route.remove(country)
        position = route.index(reached)
        route[position:position] = block
        moves += 1
    return moves


def _without_blanked_negations(cues: dict[str, list[tuple[int, int]]], folded: str,
                               unjoined: str) -> dict[str, list[tuple[int, int]]]:
    """A negative question the answer contradicts ("U bent dus niet in Frankrijk geweest? A: Jawel", "So you have not
    been in France? A: Yes, I was"): the dialogue layer blanked its negation word in the joined text (the tokens still
    hold it), so a negation cue holding a blanked word ("niet", "have not been") denies nothing."""
    def blanked(start: int, end: int) -> bool:
        return any(folded[i] == " " and unjoined[i].isalpha() for i in range(start, end))

    return {kind: ([span for span in spans if not blanked(*span)] if kind in ("negation", "never_there") else spans)
            for kind, spans in cues.items()}


def _one_country(smuggler: str, language: str) -> RouteExtraction:
    """No route: one country is no journey (a birthplace, the place a person was found), and a record whose journey
    was not told names no route."""
    return RouteExtraction(smuggler=smuggler, route_asked=True, confidence=no_route_probability("one_country"),
                           reason=REASON_NO_ROUTE, language=language, flags=("one_country",))


def extract_route(text: str | None) -> RouteExtraction:
    """Structure one narrative into its route; never raises on bad input (see ``reason``)."""
    if text is None or (isinstance(text, float) and text != text):
        return RouteExtraction(confidence=1.0, reason=REASON_EMPTY)
    if isinstance(text, bytes):
        text = text.decode("utf-8", errors="replace")
    if not isinstance(text, str):
        return RouteExtraction(confidence=0.0, reason=REASON_NOT_TEXT)
    if not text.strip():
        return RouteExtraction(confidence=1.0, reason=REASON_EMPTY)
    text, reason = _clean(text)
    if reason:
        asked = reason != REASON_EMPTY
        return RouteExtraction(route_asked=asked, confidence=1.0 if not asked else 0.0, reason=reason)
    original = text
    # the document layer (shorthand, codes, corrections, subject, first journey) and its account folded
    record = text   # as written: a letter stays a letter when its account dropped every word naming the report
    text, folded = prepare_folded(text)
    tokens = tokenize(folded)
    # the record's genre by its own words, before the document layer rewrote them (its tokens when it left them)
    genre = genre_counts(original, tokens.words if text is original else None)
    language = detect_language(text, folded, tokens.words)
    if language not in ("nl", "en", "unknown"):
        return RouteExtraction(route_asked=True, confidence=0.0, reason=REASON_OTHER_LANGUAGE, language=language)
    vocab = vocabulary(language)
    cue_phrases, place_phrases, misspelt = vocab.per_token(tokens.words)
    mentions = find_places(text, folded, tokens, vocab.words, place_phrases, misspelt)
    if mentions and any(map(_FUZZY, mentions)):
        # a lower-case word one letter longer than a country's name is an ordinary word ("service area", not Servie);
        # a name typed with a letter missing or wrong stays a misspelling, in either case ("naar urkije", "Hungry")
        mentions = [m for m in mentions if not (m.fuzzy and text[m.start:m.end].islower()
                                                and m.end - m.start > len(fuzzy_name(folded[m.start:m.end])))]
    if mentions and not _SHARED_NAMES.isdisjoint(tokens.words):
        mentions = _resolve_shared_names(folded, mentions)
    if mentions and any(map(_MID_SENTENCE, mentions)):
        # "Nguyen Van Thanh": a place name that is also a name particle, between two capitalised words, is a name
        mentions = [m for m in mentions if not (m.place.mid_sentence and _inside_a_name(text, m))]
    if mentions and (any(map(_FUZZY, mentions)) or any(map(_CAPITALISED, mentions))
                     or any(map(_MID_SENTENCE, mentions))):
        mentions = [m for m in mentions if not _a_persons_name(text, m, mentions)]
    if len(mentions) > 2:
        mentions = _without_restated_service_origins(text, mentions)
    dialogue = read_dialogue(folded, list(map(_START, mentions)), list(map(_ISO3, mentions)),
                             list(map(_KIND, mentions)))
    unjoined = folded
    header: list[tuple[int, int]] | None = None   # the questions' spans, kept for ``_in_the_netherlands``
    if vocab.ignored_lines is not None and mentions:
        header = vocab.ignored_spans(folded)
        if header:
            first, last = header[0][0], max(b for _, b in header)   # most mentions lie outside the header
            kept = dialogue.kept
            mentions = [m for m in mentions if m.start in kept
                        or not (first <= m.start < last and any(a <= m.start < b for a, b in header))]
    if dialogue is not NO_DIALOGUE:
        # a question kept by its answer reads as one sentence with it (same offsets, same tokens)
        mentions = [m for m in mentions if m.start not in dialogue.dropped]
        if dialogue.joins:
            unjoined = folded   # the turns' labels and question marks, which the join blanks out
            folded = joined(folded, dialogue.joins)
            tokens = Tokens(tokens.starts, tokens.ends, tokens.words, folded)
    # Keep lists of countries together ("Servie, Hongarije en Oostenrijk") when splitting clauses.
    together = [(a.end, b.start) for a, b in zip(mentions, mentions[1:]) if b.start - a.end <= 6]
    cues = vocab.spans(folded, tokens, cue_phrases)
    if dialogue.joins and ("negation" in cues or "never_there" in cues):
        cues = _without_blanked_negations(cues, folded, unjoined)
    breaks = [start for start, _ in cues.get(CLAUSE_BREAK, [])]
    segments = segment(folded, breaks, together, tokens.words)
    if "now_abroad" in cues:
        cues = _now_abroad(cues, mentions)
    if "intention" in cues:
        cues = _without_excepted_intentions(cues, folded)
    made_abroad = None
    if FOREIGN_AUTHORITY in cues:
        made_abroad = _made_abroad(cues, folded)
        if made_abroad is not None and not made_abroad[2]:   # an abroad note: its opening's place ends the route
            cues = {**cues, "abroad": sorted([*cues.get("abroad", ()), made_abroad[0]])}
    if "procedural" in cues:
        # a report's procedure (where the person was found, born, lives now) is not the narrative; but a
        # Dutch place there shows the person is in the Netherlands, which ends the route
        procedure = _procedure_stretches(folded, cues, segments, vocab)
        mentions = [m for m in mentions if m.place.iso3 == NETHERLANDS
                    or not _inside(procedure.get(segments.sentence(m.start), _NO_STRETCH), m.start)]
    mode_spans = find_mode_spans(cues)
    smuggler = _smuggler(folded, cues, vocab, segments)
    if not mentions:
        asked = bool(mode_spans) or smuggler != "unknown"
        return RouteExtraction(smuggler=smuggler, route_asked=asked, confidence=no_route_probability("no_place"),
                               reason=REASON_NO_ROUTE, language=language)
    states = _classify(folded, mentions, cues, vocab, segments, dialogue)
    if genre.get("summary") and "origin_contrast" in cues:
        _mark_contrasted_once(states, folded, cues["origin_contrast"], segments)
    dutch_record = (made_abroad is None or made_abroad[2]) and (
        _in_the_netherlands(unjoined, cues, vocab, header) or dialogue.interview or in_dutch_file(record)
        or _came_by_vehicle(cues, segments, states))
    route, mode_of, hint_of, reorders, inferred_home = _build_route(
        states, folded, mode_spans, segments, dutch_record, cues.get("vehicle", ()), cues.get("after_clause", ()),
        cues.get("arrived_from", ()), cues)
    if made_abroad is not None and made_abroad[1]:
        if made_abroad[2]:
            _handed_over_from(route, made_abroad[1])
        else:
            _end_where_made(route, states, made_abroad[1])
    if len(route) > 1 and ("journey_untold" in cues or "journey_untold_generic" in cues
                           or "journey_untold_silent" in cues) and _journey_untold(
            cues.get("journey_untold", ()), folded, states, segments, route, cues.get("journey_untold_generic", ()),
            mode_of, cues.get("journey_untold_silent", ())):
        # refused, not asked, told later: the countries named are no told route - decided before the learned stages,
        # which review a told route (and record the route they are given: their fits read it)
        return _one_country(smuggler, language)
    if len(route) > 1 and any(map(folded.__contains__, _RIVER_CROSSINGS)):   # substrings first (in C): rarely named
        _crossed_border_river(route, folded)   # a rule's stop: before the learned stages, which record the rules' route
    rules_route = tuple(route)
    # the window words both learned stages may read, built at most once per text and only if a stage asks
    words_of = shared_record_words(tokens.starts, tokens.words, (s.mention for s in states),
                                   segments.sentence_starts, unjoined)
    # the learned second stage (verifier.py): confident flips of the rules' stops; the rules' route when it is off.
    # It reads the countries the text tells as gone to as told ones (``verifier.told_gone_to``; the destination word
    # before a mention, ``_moved_to``, is asked for only when it runs)
    route, checked, verifier_notes = review_stops(
        route, states, mode_of, dialogue, genre, language, len(folded), words_of, partial(_moved_to, tokens, folded))
    route, origin = review_origin(route, states, mode_of, dialogue, genre, language, len(folded))   # origin_model
    given_to_order = route
    route, ordered = review_order(route, states, mode_of, dialogue, genre, language, words_of)   # order, after it
    learned_change = rules_route != tuple(route)   # before the rules that follow the stages
    if ordered and len(route) > 2 and route[0] != given_to_order[0]:
        travelled = [s for s in states if not s.excluded]
        if _named_before_the_start(route, travelled, mode_of):
            # the order stage put a country only named first (the rules' test of their own route) - unless the text
            # tells it reached from the next: then the stage turned a told leg round and is undone, the order given to
            # it stands, and no learned stage changed the route unless an earlier one did. (Undoing such a turn also
            # where nothing would be dropped - review 19 item 2 - broke 3 train rows, fixed none: not done.)
            if _reached_from_the_next(route, travelled, tokens, folded):
                route = given_to_order
                learned_change = rules_route != tuple(route)
            else:
                route = route[1:]
    if len(route) > 2 and tuple(route) == rules_route:   # the stages' own choices stand
        # after the order stage, which was fitted on the rules' routes without it (before the stage it broke rows the
        # stage had put right: the stage then left the rest of the order as it came)
        route = list(route)
        reorders += _farthest_left_first(route, [s for s in states if not s.excluded and not s.home])
    if len(route) < 2:  # one country is no journey (a birthplace, the place a person was found)
        return _one_country(smuggler, language)
    if route[-1] == NETHERLANDS and mode_of.get(NETHERLANDS, UNKNOWN_MODE) == UNKNOWN_MODE and mode_spans:
        mode_of[NETHERLANDS] = netherlands_leg(folded, mode_spans, states, route, cues.get("vehicle", ()),
                                               segments.sentence_starts,   # the leg here, told without naming it
                                               cues.get("relative_nouns", ()))
    modes = tuple(map(mode_of.get, route[1:], repeat(UNKNOWN_MODE)))   # mode_of.get(country, UNKNOWN_MODE)
    counts = _counts(states, route, modes, reorders, inferred_home, language, dialogue.turns,
                     len(segments.sentence_starts))
    counts.update(_document_counts(text, cues, states, route, dialogue.turns))
    counts.update(genre)
    counts.update(checked)
    counts.update(ordered)
    counts.update(origin)
    if learned_change:
        counts["learned_change"] = 1.0
    features = feature_vector(counts)
    return RouteExtraction(
        route=tuple(route), modes=modes, smuggler=smuggler, route_asked=True,
        confidence=probability(features), reason="", hints=tuple(map(hint_of.get, route, repeat(""))),
        language=language, flags=flags(counts), notes=verifier_notes, features=features,
    )


_CAPITALISED_BEFORE: Final = re.compile(r"(?<![.!?:]\s)(?<![.!?:])\b[A-Z][a-z]+\s+$")
_CAPITALISED_AFTER: Final = re.compile(r"\s+[A-Z][a-z]*\b")


# The words a record puts before a person's name: titles and the record's nouns for the person it is about.
_NAME_TITLES: Final = frozenset(_WORD_LISTS["name_titles"])   # as written, lower case ("cliënt" and "client")
# police style: "YILDIZ, Baran"; without the comma only when the name goes on ("NGUYEN Van Thanh", not "AVIM Almelo")
_SURNAME_IN_CAPITALS: Final = re.compile(r"(?<![\w'])[A-Z][A-Z'-]{3,}(\s*,)?\s+$")
_NAME_GOES_ON: Final = re.compile(r" [A-Z][a-z]")
_NAME_WORD: Final = re.compile(r"[\w.'-]+\s+$")


def _a_persons_name(text: str, mention: Mention, mentions: list[Mention]) -> bool:
    """A generated town name, a name particle or a misspelt country that is part of a person's name: right after a
    title or the record's noun for its person ("dhr. Mussie Berhane", "cliënt Selam"), or after a surname written in
    capitals, as police and KMar notes write names ("YILDIZ, Baran", "ABRAHA, Selam", "NGUYEN Van Thanh"). A particle
    ("Van") right before another place and after no word is the capitalised preposition opening a numbered point ("2) Van
    Sint Maarten vloog hij"; "vanuit Van Nederland" is the town)."""
    place = mention.place
    if not (mention.fuzzy or place.capitalised or place.mid_sentence) or place.kind == "country" and not mention.fuzzy:
        return False
    start = mention.start
    before = text[max(0, start - 24):start]
    if place.mid_sentence and not before.rstrip()[-1:].isalpha():   # "2) Van Sint Maarten", not "vanuit Van Nederland"
        following = next((m for m in mentions if m.start > start), None)
        if following is not None and following.start - mention.end <= 2 and text[mention.end:following.start].isspace():
            return True
    surname = _SURNAME_IN_CAPITALS.search(before)
    if surname and (surname.group(1) or _NAME_GOES_ON.match(text, mention.end)):
        return True
    word = _NAME_WORD.search(before)
    return word is not None and word.group().split()[0].rstrip(".,:").lower() in _NAME_TITLES


def _inside_a_name(text: str, mention: Mention) -> bool:
    """The mention stands between two capitalised words inside a sentence ("betrokkene 1, Nguyen Van Thanh, ...")."""
    return bool(_CAPITALISED_BEFORE.search(text, max(0, mention.start - 30), mention.start)
                and _CAPITALISED_AFTER.match(text, mention.end))


_NOW_ABROAD_REACH: Final = 30   # characters between "Greece," and "where I am now"; "I am now in" is followed by the place


def _now_abroad(cues: dict[str, list[tuple[int, int]]], mentions: list[Mention]) -> dict[str, list[tuple[int, int]]]:
    """The speaker says where they are now, and it is a country abroad ("A: Griekenland, waar ik nu ben.", "I am now
    in Greece"): the record was made abroad, so the phrase counts as an ``abroad`` cue (an abroad note: no genre ends
    the route in NLD, the country is its last). The nearest place before the phrase (within a short reach) or right
    after it decides; a Dutch place there ("naar Ter Apel, waar ik nu ben") keeps the record Dutch."""
    abroad = []
    for start, end in cues["now_abroad"]:
        after = next((m for m in mentions if end <= m.start <= end + 2), None)
        before = next((m for m in reversed(mentions) if start - _NOW_ABROAD_REACH <= m.end <= start), None)
        place = after or before
        if place is not None and place.place.iso3 != NETHERLANDS:
            abroad.append((start, end))
    if not abroad:
        return cues
    return {**cues, "abroad": sorted([*cues.get("abroad", ()), *abroad])}


# "bij mijn tweede poging", "bij de 3e poging", "on our third try": the attempt that worked (word_lists attempt_*)
_ATTEMPT_THAT_WORKED: Final = re.compile(r"\b" + _in_order("attempt_prepositions") + r"\s+" + _in_order("attempt_determiners")
                                  + r"\s+(?:" + _in_order("attempt_ordinals") + r"|\d+(?:e|de|ste|st|nd|rd|th))\s+"
                                  + _in_order("attempt_nouns") + r"\b")


def _without_excepted_intentions(cues: dict[str, list[tuple[int, int]]],
                                 folded: str) -> dict[str, list[tuple[int, int]]]:
    """An attempt told as the one that worked ("bij de tweede poging liep hij Litouwen binnen", "at the third attempt
    we crossed"): the intention cues inside such a phrase (``_ATTEMPT_THAT_WORKED``) are dropped."""
    exceptions = [match.span() for match in _ATTEMPT_THAT_WORKED.finditer(folded)]
    if not exceptions:
        return cues
    kept = [(start, end) for start, end in cues["intention"]
            if not any(a <= start and end <= b for a, b in exceptions)]
    if len(kept) == len(cues["intention"]):
        return cues
    return {**cues, "intention": kept} if kept else {k: v for k, v in cues.items() if k != "intention"}


_OPENING_WORDS: Final = 6   # words before a foreign authority in the record's opening ("Verbale di identificazione, Questura")
_AUTHORITY_NOT_AUTHOR: Final = frozenset(_WORD_LISTS["authority_not_author"])
_OPENING_END: Final = re.compile(r"[.!?\n]")
# the record kinds any authority writes ("Official report", "Interview summary"): before a foreign authority they keep
# nothing Dutch ("Interview summary, Hellenic Asylum Service"); the IND's own kinds and KMar's do
_GENERIC_RECORD_NAMES: Final = frozenset(fold(phrase) for phrase in _WORD_LISTS["generic_record_kinds"])
_AUTHORITY_AGENT_VERBS: Final = frozenset(fold(word) for word in _WORD_LISTS["authority_agent_verbs"])
_NEXT_WORD: Final = re.compile(r"\s*([a-z]+)")


def _made_abroad(cues: dict[str, list[tuple[int, int]]],
                 folded: str) -> tuple[tuple[int, int], str, bool] | None:
    """A record that opens with a foreign authority ("Questura di Agrigento", "Hellenic Police, Lesvos", "Straz
    Graniczna", "Bundespolizeiinspektion Rosenheim") was made in that country: (the authority's span, its country;
    "" when the name is shared), else None. The opening is the text's first line or sentence, with at most a few words
    before the name and none that makes the authority the story's agent ("Ik werd door de Griekse politie opgepakt");
    a Dutch authority or record named before it (``dutch_record``, not an English record kind any authority writes:
    "Proces-verbaal ... overgedragen door de Bundespolizei") keeps the record Dutch, and so does an opening that is a
    question ("Were you registered by the Greek police?"). A Dutch one after it in the opening ("Bundespolizei Kleve,
    overdracht aan de KMar") is a handover: the third element True - the authority's place is the last abroad, and
    the record, Dutch, still ends in NLD."""
    start, end = min(cues[FOREIGN_AUTHORITY])
    opening = _OPENING_END.search(folded)
    if opening is not None and opening.start() < start:
        return None
    before = folded[:start].replace(":", " ").replace(",", " ").split()
    if len(before) > _OPENING_WORDS or not _AUTHORITY_NOT_AUTHOR.isdisjoint(before):
        return None
    next_word = _NEXT_WORD.match(folded, end)
    if next_word is not None and (next_word.group(1) in _AUTHORITY_AGENT_VERBS or next_word.group(1).endswith("ed")):
        return None   # "Duitse politie heeft betrokkene ...", "Belgian police handed the man over": the story's agent
    closing = _OPENING_END.search(folded, end)
    opening_end = len(folded) if closing is None else closing.start()
    # a Dutch authority or record kind named before it keeps it Dutch; after it in the opening, a handover to the Dutch
    dutch = [cue_start for cue_start, cue_end in cues.get("dutch_record", ())
             if cue_start < opening_end and " ".join(folded[cue_start:cue_end].split()) not in _GENERIC_RECORD_NAMES]
    if any(cue_start < start for cue_start in dutch):
        return None
    if closing is not None and closing.group() == "?":
        return None
    return (start, end), foreign_authorities().get(" ".join(folded[start:end].split()), ""), bool(dutch)


def _handed_over_from(route: list[str], country: str) -> None:
    """A foreign authority's handover to the Dutch ("Bundespolizei Kleve, overdracht aan de KMar"): its country is the
    last before the Netherlands, wherever its opening's place stood."""
    if route and route[-1] == NETHERLANDS and country != NETHERLANDS:
        if country in route:
            route.remove(country)
        route.insert(len(route) - 1, country)


def _end_where_made(route: list[str], states: list[_MentionState], country: str) -> None:
    """A record made abroad ends where it was made (like a Dutch record in the Netherlands): the authority's country
    last, added when the story does not name it, unless the opening named a place (that place ended it) or the person
    reached the Netherlands after all."""
    if not route or NETHERLANDS in route or any(s.here and not s.excluded and s.mention.place.iso3 in route
                                                   for s in states):
        return
    if country in route:
        route.remove(country)
    route.append(country)


def _in_the_netherlands(folded: str, cues: dict[str, list[tuple[int, int]]], vocab: Vocabulary,
                        questions: list[tuple[int, int]] | None = None) -> bool:
    """(``folded``: the text before question and answer were joined, so the questions can be found.) The record is
    about a person in the Netherlands though it may name no Dutch place: a Dutch authority's record
    (``dutch_record`` cues), or the person's own words about coming here ("met de trein hier gekomen", "From Berlin
    I came here with Flixbus"; ``here_arrival`` cues outside the interviewer's questions). ``questions``:
    ``vocab.ignored_spans(folded)``, when the caller has it."""
    if "dutch_record" in cues:
        return True
    spans = cues.get("here_arrival")
    if not spans:
        return False
    if questions is None:
        questions = vocab.ignored_spans(folded)
    return any(not any(a <= start < b for a, b in questions) for start, _ in spans)


_SERVICE_DASH: Final = re.compile(r"\s*[-\u2013\u2014/]\s*")   # "ICE 126 Frankfurt - Amsterdam", "Emmerich/Zevenaar"


def _without_restated_service_origins(text: str, mentions: list[Mention]) -> list[Mention]:
    """A note that opens with the vehicle's service ("ICE 126 Frankfurt-Amsterdam", "coach Warsaw - Amsterdam") names
    its origin before the journey is told; when the story names that place again ("nu met deze trein vanaf
    Frankfurt"), the service name is only the vehicle's label and must not set the order (the story's mention does)."""
    dropped = set()
    for index, (origin, end) in enumerate(zip(mentions, mentions[1:])):
        if (end.place.iso3 == NETHERLANDS and origin.place.iso3 != NETHERLANDS
                and _SERVICE_DASH.fullmatch(text, origin.end, end.start)
                and not (index and _SERVICE_DASH.fullmatch(text, mentions[index - 1].end, origin.start))):
            name = text[origin.start:origin.end]   # a flight's legs "CCS-MAD-AMS" are a journey, not a label
            if any(text[m.start:m.end] == name for m in mentions[index + 2:]):
                dropped.add(index)
    return [m for index, m in enumerate(mentions) if index not in dropped] if dropped else mentions


_VEHICLE_ARRIVAL_REACH: Final = 40   # characters between "kwam" and "met de trein" in one clause


def _came_by_vehicle(cues: dict[str, list[tuple[int, int]]], segments: Segments, states: list[_MentionState]) -> bool:
    """A note that tells how the person came, by a vehicle from somewhere and to nowhere named ("Betrokkene kwam met
    de trein uit Brussel", "met de Thalys uit Parijs was gekomen", "he came by train from Brussels"): the person
    came here, so the route ends in the Netherlands. Not "in Duitsland aangekomen met de trein" (a place reached)."""
    arrivals, vehicles = cues.get("arrived_from"), cues.get("vehicle")
    if not arrivals or not vehicles:
        return False
    for a, _ in arrivals:
        clause = segments.clause(a)
        if not any(abs(a - v) <= _VEHICLE_ARRIVAL_REACH and segments.clause(v) == clause for v, _ in vehicles):
            continue
        named = [st for st in states if st.clause == clause and not st.excluded]
        if named and all(st.departure for st in named):
            return True
    return False


@lru_cache(maxsize=1)
def _shared_places() -> dict[str, tuple[str, ...]]:
    """Folded city name -> the countries that have a city of that name (``shared_places.csv``), first the default."""
    return {" ".join(fold(row["place"]).replace("-", " ").split()): tuple(row["iso3s"].split())
            for row in read_data_csv("shared_places.csv")}


_SHARED_NAMES: Final = frozenset(name.split()[0] for name in _shared_places())   # first words: a cheap pre-test per text
_APPOSITION_REACH: Final = 50   # characters after a shared name in which a country says which one is meant
_SENTENCE_END: Final = re.compile(r"[.;!?]")


def _resolve_shared_names(folded: str, mentions: list[Mention]) -> list[Mention]:
    """A city name shared by countries (Tripoli, Valencia, Cordoba) takes the country the text gives it: a country
    named right after it in its sentence ("Tripoli, in het noorden van Libanon", "Valencia ... by bus to Caracas"),
    else the only one of its countries the rest of the text names (a country named only to deny it, "niet die in
    Libie", is no evidence), else the person's nationality (``nationality_words.csv``; also when told with the name:
    "een Argentijnse uit Cordoba"); one reading per name in a text."""
    table = _shared_places()
    shared = {index: table[key] for index, m in enumerate(mentions) if m.place.kind != "country"
              and (key := " ".join(folded[m.start:m.end].replace("-", " ").split())) in table}
    if not shared:
        return mentions
    readings = {c for countries in shared.values() for c in countries}
    denied = {index for index, m in enumerate(mentions) if index not in shared and m.place.iso3 in readings
              and _denied_in_clause(folded, m)}
    named = {m.place.iso3 for index, m in enumerate(mentions) if index not in shared and index not in denied}
    told: dict[int, str] = {}   # per shared mention, the country told right after it (its default reading too)
    for index, countries in shared.items():
        mention = mentions[index]
        person = _NATIONALITY_FROM.search(folded, max(0, mention.start - 40), mention.start)
        if person and _nationality_words().get(person.group(1)) in countries:   # "een Argentijnse uit Cordoba"
            told[index] = _nationality_words()[person.group(1)]
            continue
        for position, other in enumerate(mentions[index + 1:], index + 1):
            if other.start - mention.end > _APPOSITION_REACH or _SENTENCE_END.search(folded, mention.end, other.start):
                break
            if (other.place.iso3 in countries and position not in shared and position not in denied
                    and not _NAMED_NOT.search(folded, max(0, other.start - 12), other.start)):
                told[index] = _chosen_alternative(folded, mentions, position, countries) or other.place.iso3
                break
    nationalities = None
    chosen: dict[int, str] = {}
    for index, countries in shared.items():
        name = folded[mentions[index].start:mentions[index].end]
        same = [i for i in shared if folded[mentions[i].start:mentions[i].end] == name and i in told]
        before = [i for i in same if i <= index]
        if same:   # its own apposition, else the nearest one of the same name before it, else after it
            chosen[index] = told[before[-1]] if before else told[same[0]]
            continue
        others = [c for c in countries if c in named]
        if countries[0] not in named and len(others) == 1:
            chosen[index] = others[0]
        elif not others:   # no reading named as a place (or only denied: "nooit in Libie"): the person's nationality
            if nationalities is None:
                words = _nationality_words()
                nationalities = {words[w] for w in _WORD.findall(folded) if w in words}
            held = [c for c in countries if c in nationalities]
            if len(held) == 1:
                chosen[index] = held[0]
    if not chosen:
        return mentions
    resolved = list(mentions)
    for index, iso3 in chosen.items():
        mention = mentions[index]
        if iso3 != mention.place.iso3:
            place = mention.place
            resolved[index] = mention._replace(place=Place(iso3, place.kind, "", place.case_sensitive,
                                                           place.mid_sentence))
    return resolved


# "een Argentijnse uit", "a Lebanese from", "a Venezuelan woman from": the person's nationality told with the name
_NATIONALITY_FROM: Final = re.compile(r"(?<![\w'])(\w+)\s+(?:" + _in_order("nationality_nouns") + r"\s+)?"
                               + _in_order("nationality_from") + r"\s+$")
_WORD: Final = re.compile(r"\w+(?: (?:rus|russen|russische|russisch)\b)?")   # "wit russische" (folded Wit-Russische)
_CLAUSE_MARK: Final = re.compile(r"[.;:,!?'\"()\n]")
_DENIAL: Final = re.compile(r"(?<![\w'])" + _in_order("denial_words") + r"(?![\w'])")


@lru_cache(maxsize=1)
def _nationality_words() -> dict[str, str]:
    """Folded nationality noun or adjective -> ISO3, for the countries of ``shared_places.csv``
    (``nationality_words.csv``)."""
    return {" ".join(fold(row["word"]).split()): row["iso3"] for row in read_data_csv("nationality_words.csv")}


def _denied_in_clause(folded: str, mention: Mention) -> bool:
    """The mention's clause denies it ("niet die in Libie", "in Libie is hij nooit geweest", "never been to the
    country Georgia"): no evidence for reading a shared name as a place of that country."""
    low = max(0, mention.start - 40)
    marks = [m.end() for m in _CLAUSE_MARK.finditer(folded, low, mention.start)]
    start = marks[-1] if marks else low
    after = _CLAUSE_MARK.search(folded, mention.end, mention.end + 40)
    end = after.start() if after else min(len(folded), mention.end + 40)
    return _DENIAL.search(folded, start, end) is not None


_ALTERNATIVE: Final = re.compile(r"\s*,?\s*" + _in_order("alternative_or") + r"\s+(?:" + _in_order("in_from") + r"\s+)?$")
_REPEATED_ALTERNATIVE: Final = re.compile(r"\s*,?\s*" + _in_order("in_from") + r"?\s*$")
_NAMED_NOT: Final = re.compile(r"(?<![\w'])" + _in_order("named_not") + r"(?:\s+" + _in_order("named_not_after")
                        + r")?\s+$")   # "not the Libyan one"
_ANSWER_REACH: Final = 120   # characters after the question's '?' in which the answer names its choice


def _chosen_alternative(folded: str, mentions: list[Mention], position: int, countries: tuple[str, ...]) -> str | None:
    """'Tripoli in Libie of in Libanon? A: In Libie': when the country after a shared name is one of alternatives
    asked about, the reading is the one the answer names first (None when it names none)."""
    first = mentions[position]
    alternatives = {first.place.iso3}
    repeated = False   # "Tripoli in Libya or Tripoli in Lebanon?": the name said again before the next alternative
    for other in mentions[position + 1:]:
        gap = folded[first.end:other.start]
        if other.place.kind != "country" and not repeated and _ALTERNATIVE.match(gap) and other.place.iso3 in countries:
            repeated, first = True, other
            continue
        if (not (_REPEATED_ALTERNATIVE if repeated else _ALTERNATIVE).match(gap) or other.place.kind != "country"
                or other.place.iso3 not in countries):
            break
        alternatives.add(other.place.iso3)
        first, repeated = other, False
    mark = folded.find("?", first.end, first.end + 8)
    if len(alternatives) < 2 or mark < 0:
        return None
    for other in mentions[position + 1:]:
        if other.start > mark + _ANSWER_REACH:
            break
        if other.start > mark and other.place.iso3 in alternatives and other.place.kind == "country":
            return other.place.iso3
    return None


def _procedure_stretches(folded: str, cues: dict[str, list[tuple[int, int]]], segments: Segments,
                       vocab: Vocabulary) -> dict[int, tuple[int, float]]:
    """Per procedural sentence, the stretch whose places do not count, from-until: a statement after the last
    procedural cue ("..., geboren te Van (Turkije), dat hij vanuit Turkije ...") is narrative, else nothing after the
    cue is; and a quotation closed by its own sentence mark before the first cue ("Verd. verklaarde: '... naar Spanje
    gegaan.' Verbalisant noteert ...": the closing quote after the full stop ends no sentence) is the person's account."""
    first_cue: dict[int, int] = {}
    last_cue: dict[int, int] = {}
    for start, end in cues["procedural"]:
        sentence = segments.sentence(start)
        first_cue[sentence] = min(first_cue.get(sentence, start), start)
        last_cue[sentence] = max(last_cue.get(sentence, 0), end)
    stretches: dict[int, tuple[int, float]] = {}
    for sentence, cue_end in last_cue.items():
        sentence_end = segments.sentence_starts[sentence] if sentence < len(segments.sentence_starts) else len(folded)
        statement = vocab.reported_speech.search(folded, cue_end, sentence_end) if vocab.reported_speech else None
        sentence_start = segments.sentence_starts[sentence - 1] if sentence else 0
        quoted = sentence_start
        for closed in _QUOTATION_CLOSED_WITH_ITS_SENTENCE.finditer(folded, sentence_start, first_cue[sentence]):
            quoted = closed.end()
        stretches[sentence] = (quoted, statement.end() if statement else float("inf"))
    return stretches


def _inside(stretch: tuple[int, float], offset: int) -> bool:
    return stretch[0] <= offset < stretch[1]


_NO_STRETCH: Final = (0, -1.0)   # a sentence with no procedural cue: nothing left out
# a quotation's closing mark right after its sentence mark ("gegaan.' Verbalisant"), which ends no sentence
_QUOTATION_CLOSED_WITH_ITS_SENTENCE: Final = re.compile(r"[.!?][" + re.escape(QUOTE_CLOSERS) + r"](?=\s)")


def _counts(states, route, modes, reorders, inferred_home, language, turns, sentences) -> dict[str, float]:
    """What the calibrated confidence reads (``calibration.FEATURES``): how much the rules had to decide."""
    excluded = fuzzy = homes = 0
    for state in states:
        if state.excluded:
            excluded += 1
        elif state.mention.fuzzy:
            fuzzy += 1
        elif state.home:
            homes += 1
    reaches_nl = NETHERLANDS in route
    return {"excluded": excluded, "fuzzy": fuzzy, "reorders": max(reorders - (1 if reaches_nl else 0), 0),
            "inferred_home": int(bool(inferred_home)), "no_netherlands": int(not reaches_nl),
            "unknown_mode_share": modes.count(UNKNOWN_MODE) / len(modes) if modes else 0.0,
            "legs": len(modes), "unclear_language": int(language == "unknown"), "dialogue": int(turns > 0),
            "sentences": sentences, "homes": homes}


# "IR", "TR", "IKA", "DXB": codes standing for places (and acronyms), "\b[A-Z]{2,3}\b"; years "2019",
# "\b(?:19[5-9]\d|20\d\d)\b". Three scans, each opening with what ``re`` skips to in C (a character class; the
# literal "19" / "20", a fast substring search), the word boundary before it checked by a look-behind; the code scan
# runs only when two capitals stand together (one bytes.translate), which most texts lack. (One scan for all three
# started on every capital and every 1 and 2 of the dates: 8.2 -> 4.3 us per demo text.)
_CODE: Final = re.compile(r"[A-Z](?<=\b[A-Z])[A-Z]{1,2}\b")
_YEAR_19: Final = re.compile(r"19(?<=\b19)[5-9]\d\b")
_YEAR_20: Final = re.compile(r"20(?<=\b20)\d\d\b")
_CAPITALS: Final = bytes(65 if 65 <= code <= 90 else 32 for code in range(256))   # A-Z as "A", the rest a space


def _codes_and_years(text: str) -> tuple[int, set[str]]:
    """The number of codes in capitals and the set of years the text names."""
    # dropping the non-ASCII characters can only join capitals, never part them: no code is missed
    codes = len(_CODE.findall(text)) if b"AA" in text.encode("ascii", "ignore").translate(_CAPITALS) else 0
    years: set[str] = set()
    if "19" in text:
        years.update(_YEAR_19.findall(text))
    if "20" in text:
        years.update(_YEAR_20.findall(text))
    return codes, years


def _document_counts(text: str, cues: dict[str, list[tuple[int, int]]], states: list[_MentionState],
                     route: list[str], turns: int) -> dict[str, float]:
    """Genre-like counts for the calibrated confidence: how much of the record is not a plain story - question/answer
    turns, other persons named, a letter correcting a report, codes, several years (journeys), 'before' cues, and
    countries named that the route leaves out. Counts only, no text."""
    named: set[str] = set()   # the countries named, those named by a country's name, the departures: one pass
    as_country: set[str] = set()
    departures = 0
    for state in states:
        place = state.mention.place
        named.add(place.iso3)
        if place.kind == "country":
            as_country.add(place.iso3)
        if state.departure and not state.excluded:
            departures += 1
    codes, years = _codes_and_years(text)
    return {"turns": turns, "persons": len(cues.get("person_markers", ())),
            "city_only": len(set(route) - as_country - {NETHERLANDS}),
            "departures": departures,
            "pluperfect": len(cues.get("pluperfect", ())),
            "letter": len(cues.get("letter_markers", ())),
            "codes": codes,
            "years": len(years), "before_cues": len(cues.get("before", ())),
            "named_not_routed": len(named - set(route))}


# "an Iranian woman", "Ethiopian national", "de Egyptische nationaliteit", "RUS nat.": a word (a country adjective or
# code, ``_adjective_nationalities``) before a person or nationality noun (``nationality_adjective_nouns``)
_NATIONALITY_NOUN: Final = word_start_first(re.compile(r"(?<![\w'])" + _listed("nationality_adjective_nouns") + r"(?![\w'])"))
# the nouns' first words: a record whose tokens hold none of them has no match of ``_NATIONALITY_NOUN`` (a set test
# instead of the scan of every record with a route); None when a noun does not fold to plain words (then scan)
_NATIONALITY_NOUN_WORDS: Final = first_words(_WORD_LISTS["nationality_adjective_nouns"])
_WORD_BEFORE: Final = re.compile(r"([a-z]+)\s+$")
# the record's subject right before that adjective: "betrokkene, een", "the applicant, an", "i am an", "betrokkene heeft
# de", "he holds" (cues.yaml word_lists subject_apposition, nationality_holders, nationality_verbs); a bracket after the
# subject word is a summary's header of the person ("betrokkene (eritrese man, 24)")
_SUBJECT_SEPARATOR: Final = r"(?:\s*[,(]\s*|\s+"
_SUBJECT_BEFORE_NATIONALITY: Final = re.compile(
    r"\b(?:" + _listed("subject_apposition") + "|" + _listed("nationality_holders") + r")" + _SUBJECT_SEPARATOR
    + _listed("nationality_verbs") + r"\s+|\s+)(?:" + _listed("articles") + r"\s+)?$")


@lru_cache(maxsize=1)
def _demonym_nationalities() -> dict[str, str]:
    """Folded demonym or country adjective -> ISO3: ``nationality_words.csv`` over ``country_adjectives.csv``."""
    return {**_adjective_nationalities(), **_nationality_words()}


@lru_cache(maxsize=1)
def _demonym_words() -> frozenset[str]:
    """The one-word demonyms: a record whose tokens hold none has no match of ``_SUBJECT_DEMONYM`` (a set test)."""
    return frozenset(word for word in _demonym_nationalities() if " " not in word)


# the subject with its demonym and no person noun after it ("betrokkene is eritreeer", "ik ben afghaan", "the
# applicant is sudanese", "betrokkene (syrisch, 1994)"; with a noun the adjective rule above reads it)
_SUBJECT_DEMONYM: Final = word_start_first(re.compile(
    r"\b(?:" + _listed("subject_apposition") + r")" + _SUBJECT_SEPARATOR
    + _listed("nationality_verbs") + r"\s+|\s+)(?:" + _listed("articles") + r"\s+)?([a-z]+)\b(?!\s+"
    + _listed("nationality_adjective_nouns") + r"\b)"))
_LIVED_SOMEWHERE: Final = word_start_first(re.compile(r"\b" + _in_order("lived_words", spaced=True) + r"(?![\w'])"))


@lru_cache(maxsize=1)
def _adjective_nationalities() -> dict[str, str]:
    """Folded country adjective (``country_adjectives.csv``, every country, Dutch and English) -> ISO3; an adjective
    shared by two countries ("Congolese") names none."""
    table: dict[str, str] = {}
    for row in read_data_csv("country_adjectives.csv"):
        word = fold(row["adjective"])
        table[word] = row["iso3"] if table.get(word, row["iso3"]) == row["iso3"] else ""
    return table


@lru_cache(maxsize=1)
def _nationality_codes() -> frozenset[str]:
    """ISO3 codes, read as a nationality only before "nat" (police shorthand "SYR nat.": not "de man", "and nat")."""
    from routekit.reference import alpha2_to_iso3

    return frozenset(alpha2_to_iso3().values())


# police shorthand for a nationality with its code after it ("nat. AF" - the document layer writes "nationaliteit af"
# -, "nationality: SYR,"): a code that ends its phrase, so no word ("nationality in 2019", "and") is read as one
_CODE_AFTER_NAT: Final = re.compile(r"\s*:?\s*([a-z]{2,3})\s*[.,;)]")


def _code_after_nat(folded: str, end: int) -> str:
    """The ISO3 code of the alpha-2 or alpha-3 code right after a nationality noun, else ""."""
    from routekit.reference import alpha2_to_iso3

    after = _CODE_AFTER_NAT.match(folded, end)
    if after is None:
        return ""
    code = after.group(1).upper()
    return code if code in _nationality_codes() else alpha2_to_iso3().get(code, "") if len(code) == 2 else ""


def _nationality_adjective_homes(folded: str, segments: Segments, route: list[str],
                                 travelled: list[_MentionState],
                                 mode_of: Mapping[str, str] | None = None) -> list[tuple[str, bool, int]]:
    """The person's nationality told only as an adjective or code with a person noun, or as a demonym after the subject
    ("Betrokkene is Eritreeer", "nat. AF"), as a home: the start of a journey whose first country borders it or was
    reached by plane and is told only as reached ("an Iranian woman went to Turkey"), not when
    the story begins in the middle of the journey ("Afghaanse nationaliteit ... in Servie betaald") or where the person
    lived or left from. Only the subject's (``_SUBJECT_BEFORE_NATIONALITY``), or a header's code with "nat." ("SYR nat."): never the
    driver's or a helper's. The first such word the record names: a record describes its subject first."""
    if len(route) < 2:
        return []
    words = segments.words
    noun_told = words is None or _NATIONALITY_NOUN_WORDS is None or not _NATIONALITY_NOUN_WORDS.isdisjoint(words)
    demonym_told = words is None or not _demonym_words().isdisjoint(words)
    language = (_translation_language_home(folded) if words is None or _TRANSLATED_FROM_WORDS is None
                or not _TRANSLATED_FROM_WORDS.isdisjoint(words)
                else None)
    if not noun_told and not demonym_told and language is None:
        return []   # neither a noun, a demonym nor a translation's language: the scans below would find none
    first = next((country for country in route if country != NETHERLANDS), None)
    if first is None or _first_told_as_start(travelled, first):
        return []
    nouns = _NATIONALITY_NOUN.finditer(folded) if noun_told else iter(())
    noun = next(nouns, None)
    demonym = None
    if demonym_told:
        demonyms = _demonym_nationalities()
        demonym = next((m for m in _SUBJECT_DEMONYM.finditer(folded)
                        if demonyms.get(m.group(1), NETHERLANDS) != NETHERLANDS), None)
    if (noun is None and demonym is None and language is None) or _LIVED_SOMEWHERE.search(folded, 0, _later_legs_start(travelled, first, len(folded))):
        return []
    if _stayed_where_first_named(folded, segments, first, travelled):
        return []
    table = _adjective_nationalities()
    told: list[tuple[int, str]] = []   # (offset, country): the subject's nationality, the first told
    if demonym is not None:
        # "Betrokkene is Eritreeer", "ik ben Afghaan": the subject's demonym, with no person noun after it
        told.append((demonym.start(1), _demonym_nationalities()[demonym.group(1)]))
    matches = [noun, *nouns] if noun is not None else []
    for match in matches:
        if demonym is not None and match.start() > demonym.start(1):
            break
        code_after = _code_after_nat(folded, match.end()) if folded.startswith("nat", match.start()) else ""
        if code_after:   # "nat. AF", "nationality: SYR,": the header's shorthand with the code after it
            if any(_code_after_nat(folded, other.end()) for other in matches
                   if other is not match and folded.startswith("nat", other.start())):
                break   # a list of persons, each with a code ("1. ..., nat. MAR; 2. ..., nat. DZA"): whose is unsure
            told.append((match.start(), code_after))
            break
        before = _WORD_BEFORE.search(folded, max(0, match.start() - 30), match.start())
        if before is None:
            continue
        word = before.group(1)
        code = (word.upper() if folded.startswith("nat", match.start()) and len(word) == 3
                and word.upper() in _nationality_codes() else "")   # "AFG nat.": a header's shorthand of its subject
        iso3 = table.get(word) or code
        if iso3 and not code and not _SUBJECT_BEFORE_NATIONALITY.search(folded, max(0, before.start() - 40),
                                                                          before.start()):
            continue   # another person's nationality: "een Marokkaanse man bracht ons", "the driver, an Afghan national"
        if iso3 and iso3 != NETHERLANDS:
            told.append((match.start(), iso3))
            break
    if not told and language is not None:
        told.append(language)   # the language translated from: the nationality when the record tells none
    if told:
        offset, iso3 = min(told)
        if first in timeline.neighbours().get(iso3, ()) or (mode_of is not None and mode_of.get(first) == "plane"):
            return [(iso3, True, segments.sentence(offset))]
    return []


# a translated statement's label with its source language ("vertaling uit het dari", "translated from moroccan arabic")
_TRANSLATED_FROM: Final = re.compile(r"\b" + _listed("translated_from") + r"\s+(?:(?:the|het)\s+)?([a-z]+)(?:\s+([a-z]+))?")
_TRANSLATED_FROM_WORDS: Final = first_words(_WORD_LISTS["translated_from"])   # its first words: a set test before the scan


@lru_cache(maxsize=1)
def _translation_languages() -> dict[str, str]:
    """Folded language name -> the ISO3 of its one country, "" for a language of several (``translation_languages.csv``)."""
    return {fold(row["language"]): row["iso3"] for row in read_data_csv("translation_languages.csv")}


def _translation_language_home(folded: str) -> tuple[int, str] | None:
    """(offset, ISO3) of the country whose language the statement was translated from, by its label in the opening
    ("Vertaling uit het Dari" AFG; "Translated from Sudanese Arabic": a country's adjective before a language of
    several countries); None when the label names no language of one country ("Translated from Arabic")."""
    label = _TRANSLATED_FROM.search(folded, 0, translation_opening_chars())
    if label is None:
        return None
    languages = _translation_languages()
    first, second = label.group(1), label.group(2)
    iso3 = languages.get(first, "")
    if not iso3 and second in languages and first not in languages:
        iso3 = _demonym_nationalities().get(first, "")
    return (label.start(1), iso3) if iso3 and iso3 != NETHERLANDS else None


def _later_legs_start(travelled: list[_MentionState], first: str, end: int) -> int:
    """Where the record first names a country abroad after the route's first: a stay told from there on ("flew to
    Belgrade and lived in Novi Sad") is a later stop's, not where the journey began."""
    return min((s.mention.start for s in travelled
                if s.mention.place.iso3 not in (first, NETHERLANDS)), default=end)


def _first_told_as_start(travelled: list[_MentionState], first: str) -> bool:
    """The route's first country told as where the journey starts: lived in, a start, or left when first named ("flew
    from Khartoum"); a country reached first and left later ("walked to Sudan, ... flew from Khartoum") is not."""
    mentions = [s for s in travelled if s.mention.place.iso3 == first]
    if any(s.residence or s.start or s.journey_start for s in mentions):
        return True
    return bool(mentions) and min(mentions, key=lambda s: s.mention.start).departure


def _stayed_where_first_named(folded: str, segments: Segments, first: str, travelled: list[_MentionState]) -> bool:
    """A stay verb (``origin_contrast`` ``stay``: "werkte", "worked", "lived") before the route's first country in the
    sentence that first names it ("werkte sinds 2019 in de bouw in Benghazi"): the person stayed there, so the journey
    starts there, not in the nationality's country; a stay told later ("She worked in Riyadh") is a stop."""
    opening = min((s.mention.start for s in travelled if s.mention.place.iso3 == first), default=None)
    if opening is None:
        return False
    sentence = segments.sentence(opening)
    sentence_start = segments.sentence_starts[sentence - 1] if sentence > 0 else 0
    return _STAY_VERB.search(folded, sentence_start, opening) is not None


# a possessive before a refusal in its sentence: another person refused ("her employer ... refused to make a statement")
_POSSESSIVE_ANYWHERE: Final = re.compile(r"\b" + _POSSESSIVES + r"\b")


# the words that name the journey (word_lists.journey_words): a generic refusal is about it only near one of them
_JOURNEY_WORD: Final = re.compile(r"\b" + _listed("journey_words") + r"\b")

# a travel preposition right before a place, with an article between at most ("naar Turkije", "to the Netherlands")
_LEG_PREPOSITION_BEFORE: Final = re.compile(r"\b" + _listed("leg_prepositions") + r"\s+(?:" + _listed("articles")
                                     + r"\s+)?$")


def _tells_a_leg(folded: str, states: list[_MentionState], route: Sequence[str], mode_of: dict[str, str]) -> bool:
    """The record tells a leg of the route: a route country reached with a mode, on a 'via', or right after a travel
    preposition ("via Iran", "naar Turkije", "by boat to Greece"), not one only named (a SIM card, a ticket, a home)."""
    for state in states:
        iso3 = state.mention.place.iso3
        if state.excluded or iso3 not in route:
            continue
        if state.via or mode_of.get(iso3, UNKNOWN_MODE) != UNKNOWN_MODE or _LEG_PREPOSITION_BEFORE.search(
                folded, max(0, state.mention.start - 24), state.mention.start):
            return True
    return False


def _question_before(folded: str, starts: Sequence[int], sentence: int, start: int) -> int:
    """Where the question right before ``sentence`` begins (past a bare turn label, "A:", a sentence of its own: in a
    transcript the question the answer is about), or ``start`` (the sentence's own start) when no question is before:
    "How did you travel? A: I don't want to talk about that", not "He travelled by train. Details at the next interview"."""
    before = sentence - 1
    while before > 0 and starts[before] - starts[before - 1] < 6:
        before -= 1
    if before < 0:
        return start
    begin = starts[before - 1] if before > 0 else 0
    return begin if "?" in folded[begin:start] else start


_CLOSING_QUESTION: Final = re.compile(r"\b(?:" + "|".join(re.escape(w) for w in _WORD_LISTS["closing_question"]) + r")\b")


def _in_closing_exchange(folded: str, starts: Sequence[int], sentence: int) -> bool:
    """The sentence is the interview's closing question or its answer ("Wilt u verder nog iets zeggen? A: Nee, ik wil
    verder niets zeggen."): a question (a '?') asking for anything more, in it or up to three sentence parts before
    (the question mark and the turn's label are parts of their own)."""
    start = starts[sentence - 4] if sentence > 3 else 0
    end = starts[sentence] if sentence < len(starts) else len(folded)
    part = folded[start:end]
    return "?" in part and _CLOSING_QUESTION.search(part) is not None


def _journey_untold(spans: Sequence[tuple[int, int]], folded: str, states: list[_MentionState], segments: Segments,
                    route: Sequence[str], generic: Sequence[tuple[int, int]] = (),
                    mode_of: dict[str, str] | None = None, silent: Sequence[tuple[int, int]] = ()) -> bool:
    """The record says the person's journey was not told (refused, not asked, kept for a later interview): what it
    names is then evidence (a ticket, a SIM card, a vehicle's last port), a relative's place or a document, not a
    route (the labelling conventions: a refusal to talk, a route question not asked, gives an empty route). Not a
    refusal about one leg, told with its place ("She did not want to say how she had reached Germany"), nor another
    person's ("Her employer ... refused to make a statement": a possessive before it in its sentence). A generic cue
    ("I refused to answer", "niet gevraagd", "tell my lawyer") only where its sentence or the one before names the
    journey ("Q: How did you travel? A: I don't want to talk about that") or the record tells no leg: not the
    smuggler's questions or the price after a told route. A refusal to say anything (``silent``: "wilde zonder tolk
    niets zeggen", "does not want to say anything more") only where the record tells no leg (where the person is from
    is none: "states he is from Iraq and ...")."""
    starts = segments.sentence_starts
    told_leg: bool | None = None   # read once, only for a generic cue
    silent = [span for span in silent if not _in_closing_exchange(folded, starts, segments.sentence(span[0]))]
    if silent:   # a leg abroad, or one left for here ("zijn reis naar Nederland" alone tells none)
        came_here = (mode_of or {}).get(NETHERLANDS, UNKNOWN_MODE) != UNKNOWN_MODE
        if not (_tells_a_leg(folded, states, [iso3 for iso3 in route if iso3 != NETHERLANDS], mode_of or {})
                or any((s.departure or (came_here and s.home and not s.strong_home))   # "had come from Cologne by train"
                       and not s.excluded and s.mention.place.iso3 in route for s in states)):
            return True   # where the person is from, evidence and relatives' places: no told route
    for cue_start, is_generic in chain(((s, False) for s, _ in spans), ((s, True) for s, _ in generic)):
        sentence = segments.sentence(cue_start)
        start = starts[sentence - 1] if sentence > 0 else 0
        end = starts[sentence] if sentence < len(starts) else len(folded)
        if is_generic and not _JOURNEY_WORD.search(folded, _question_before(folded, starts, sentence, start), end):
            if told_leg is None:
                told_leg = _tells_a_leg(folded, states, route, mode_of or {})
            if told_leg:
                continue   # a refusal about something else than the journey told
        if any(start <= s.mention.start < end and s.mention.place.iso3 != NETHERLANDS
               and (not s.excluded or s.mention.place.iso3 in route) for s in states):
            continue   # the refusal names a leg of the route (not a wish: "apart from saying he wanted to go to England")
        if _POSSESSIVE_ANYWHERE.search(folded, max(start, cue_start - 40), cue_start):
            continue   # "her employer, suspect T., refused": another person
        return True
    return False
