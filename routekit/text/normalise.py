"""Text normalisation shared by the matchers: folding, segmentation and language detection.

Folding maps every character to exactly one character (lower case, accents stripped, hyphens and
slashes read as spaces), so an offset in the folded text is the same offset in the original text.
That lets the case-sensitive checks (``UK``, ``Nice``) and the scrubber look back at the original.
"""

from __future__ import annotations

from typing import Final

import re
import unicodedata
from bisect import bisect_left, bisect_right
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import chain, repeat

_EXTRA: Final = {
    "ß": "s", "ø": "o", "Ø": "o", "ł": "l", "Ł": "l", "ı": "i", "İ": "i", "đ": "d", "Đ": "d",
    "æ": "a", "Æ": "a", "œ": "o", "Œ": "o", "þ": "t", "ð": "d",
    "’": "'", "‘": "'", "`": "'", "´": "'", "ʼ": "'",
    "-": " ", "‐": " ", "‑": " ", "–": " ", "—": " ", "_": " ", "/": " ",
    "\t": " ", "\u00a0": " ",
}

# Cyrillic letters, one Latin letter each (folding keeps offsets): a Russian or Ukrainian name quoted in a Dutch or
# English record ("В Италии", "до Германии") is matched through the Cyrillic names in exonyms_cldr.csv.
_CYRILLIC: Final = dict(zip("абвгдеёжзийклмнопрстуфхцчшщъыьэюяіїєґўјљњћђџѓќѕ",
                     "abvgdeezziiklmnoprstufhccssjyjeuaiiegujlncddgkz"))

# Arabic-script letters (Arabic, Persian, Urdu, Pashto, Sorani), one Latin letter each. The letters people write for
# one another (the hamza seats, Arabic and Persian ya and kaf, ta marbuta) fold apart, so that each spelling of a
# name ("إيران", "ايران", "ایران") keeps its own entry, matched only when written exactly so.
_ARABIC: Final = dict(zip("اأإآٱءئؤبتثجحخدذرزسشصضطظعغفقكکلڵمنهھہةۃوۆيیىےېێەپچژگٹڈڑںډټړږښځڅڼګۍڤ",
                   "aeiuaaywbttjhkddrzsssdtzagfqkxllmnhhhttwoyiaeeeepczgtdrndtrzszcngyv"))


@lru_cache(maxsize=1)
def _fold_table() -> dict[int, str]:
    table: dict[int, str] = {}
    # Latin-1, Latin Extended-A/B and Latin Extended Additional (the dots below of Arabic transliteration, "Ṣṭif";
    # Vietnamese "Hà Nội"): a letter left unfolded would split a name into false short words ("Ṣṭif" -> "if")
    for code in (*range(0x80, 0x250), *range(0x1E00, 0x1F00)):
        char = chr(code)
        base = unicodedata.normalize("NFKD", char)[:1].lower()
        if len(base) == 1 and base.isascii() and base.isalpha():
            table[code] = base
    for code in range(ord("A"), ord("Z") + 1):
        table[code] = chr(code).lower()
    for char, repl in _EXTRA.items():
        table[ord(char)] = repl
    for char, repl in _CYRILLIC.items():
        table[ord(char)] = table[ord(char.upper())] = repl
    for char, repl in _ARABIC.items():
        table[ord(char)] = repl
    return table


@lru_cache(maxsize=1)
def _ascii_fold_table() -> bytes:
    """The ASCII part of the fold table as a ``bytes.translate`` table (one C pass per text)."""
    table = _fold_table()
    return bytes(ord(table.get(code, chr(code))) for code in range(256) if code < 128) + bytes(range(128, 256))


_NON_ASCII: Final = re.compile(r"[^\x00-\x7f]")


def _fold_char(match: re.Match) -> str:
    char = match.group()
    return _fold_table().get(ord(char), char)


@lru_cache(maxsize=1)
def _latin1_fold_table() -> bytes:
    """The fold table for Latin-1 text as a ``bytes.translate`` table (a folded Latin-1 character is ASCII)."""
    table = _fold_table()
    return bytes(ord(table.get(code, chr(code))) for code in range(256))


def fold(text: str) -> str:
    """Lower-case, strip accents, read hyphens as spaces; the result has the same length.

    ASCII and Latin-1 text (most accented names) go through ``bytes.translate``; in other text only the
    non-ASCII characters are looked up one by one (``str.translate`` with a dict visits every character in
    Python objects). Nothing is remembered between calls: a record's text must not outlive its extraction in a
    module-level cache (privacy review of this session; a memo of the last text saved only ~1 us per text).
    """
    if text.isascii():
        return text.encode("ascii").translate(_ascii_fold_table()).decode("ascii")
    try:
        folded = text.encode("latin-1").translate(_latin1_fold_table()).decode("latin-1")
    except UnicodeEncodeError:   # characters beyond Latin-1 ("ı", "ş", "’")
        mixed = _NON_ASCII.sub(_fold_char, text)   # every replacement is one character
        if mixed.isascii():
            return mixed.encode("ascii").translate(_ascii_fold_table()).decode("ascii")
        folded = text.translate(_fold_table())
    if folded.isascii():
        return folded
    lowered = folded.lower()
    return lowered if len(lowered) == len(folded) else folded


# --- language -------------------------------------------------------------------------------------
# Function words that are frequent in one language and rare in the others (shared ones left out).
_LANGUAGE_WORDS: Final = {
    "nl": {"de", "het", "een", "ik", "hij", "zij", "naar", "met", "niet", "werd", "ben", "heb", "heeft",
           "daar", "daarna", "dat", "mijn", "zijn", "op", "ook", "uit", "te", "vanuit", "verklaarde",
           "betrokkene", "vreemdeling", "ging", "gereisd", "reisde", "aangekomen", "bij", "toen", "wij",
           "nooit", "geen", "hem", "wilde", "vervolgens", "waar", "maar", "per", "zich", "haar", "hun"},
    "en": {"the", "and", "to", "he", "she", "with", "from", "of", "then", "went", "travelled", "traveled",
           "arrived", "my", "his", "by", "were", "they", "stated", "that", "there", "after", "had", "through",
           "when", "not", "never", "him", "wanted", "where", "but", "it", "her", "their", "into"},
    "de": {"der", "das", "und", "ich", "nach", "bin", "ist", "nicht", "von", "uber", "zu", "dann", "wir",
           "habe", "wurde", "sind", "ein", "eine", "dem", "den", "auch", "mich", "mein", "bis"},
    "fr": {"le", "la", "les", "et", "je", "suis", "avec", "pour", "du", "des", "par", "puis", "nous", "il",
           "elle", "est", "une", "au", "ai", "ete", "dans", "j'ai", "sommes", "mon", "vers", "pas"},
    "es": {"el", "los", "las", "y", "yo", "con", "para", "por", "desde", "luego", "fui", "fue", "una",
           "del", "llegue", "despues", "mi", "pero", "hacia"},
    "it": {"il", "gli", "sono", "con", "per", "che", "della", "poi", "siamo", "stato", "nel", "alla"},
}
_WORD_LANGUAGES: Final[dict[str, tuple[str, ...]]] = {}
for _lang, _words in _LANGUAGE_WORDS.items():
    for _word in _words:
        _WORD_LANGUAGES[_word] = _WORD_LANGUAGES.get(_word, ()) + (_lang,)
# A function word's votes packed in one integer, 12 bits a language in ``_LANGUAGE_WORDS`` order: one ``sum`` in C
# counts every language's votes of a text's first 800 words (at most 800 a language, below 2 ** 12).
_VOTE_BITS: Final = 12
_VOTE_MASK: Final = (1 << _VOTE_BITS) - 1
_LANGUAGE_ORDER: Final = tuple(_LANGUAGE_WORDS)
assert _LANGUAGE_ORDER[:2] == ("nl", "en")
_OTHER_VOTES: Final = 1 << (2 * _VOTE_BITS)   # the packed votes of the languages after nl and en start here
_WORD_VOTES: Final = {word: sum(1 << (_VOTE_BITS * _LANGUAGE_ORDER.index(lang)) for lang in langs)
               for word, langs in _WORD_LANGUAGES.items()}
# Letters of non-Latin scripts (Greek, Cyrillic, Armenian, Hebrew, Arabic, Indic, CJK, Hangul, ...).
_NON_LATIN: Final = re.compile(r"[\u0370-\u03ff\u0400-\u052f\u0530-\u1fff\u3040-\u9fff"
                        r"\uac00-\ud7af\ufb1d-\ufdff\ufe70-\ufeff]")
_LATIN_LETTER: Final = re.compile(r"[a-z]")
# the Cyrillic and Arabic-script letters that ``fold`` makes Latin
_FOLDED_SCRIPT_LETTER: Final = re.compile("[" + "".join(_CYRILLIC) + "".join(_CYRILLIC).upper() + "".join(_ARABIC) + "]")


def detect_language(original: str, folded: str, words: list[str]) -> str:
    """'nl', 'en', 'unknown' (too few function words, e.g. a bare list of countries) or another code.

    Texts mostly in a non-Latin script give 'other'. Decided by counting distinctive function words.
    """
    # (a text of Latin-1 characters holds no letter of another script: one encode in C instead of the scan)
    if not original.isascii() and len(original.encode("latin-1", "ignore")) != len(original):
        head = original[:4000]
        # the other script's letters counted in the original: folding makes Cyrillic and Arabic letters Latin, so
        # those are taken off the Latin letters of the folded sample
        other = len(_NON_LATIN.findall(head))
        if other and other > len(_LATIN_LETTER.findall(folded[:4000])) - len(_FOLDED_SCRIPT_LETTER.findall(head)):
            return _framing_language(original) or "other"   # a Dutch/English record quoting it is ours
    # one vote per language of each function word, counted in C: the packed votes (``_WORD_VOTES``) summed
    votes = sum(map(_WORD_VOTES.get, words if len(words) <= 800 else words[:800], repeat(0)))
    if not votes:
        return "unknown"
    if votes < _OTHER_VOTES:   # Dutch and English votes only (most texts): the larger wins, a tie goes to nl
        return "nl" if votes & _VOTE_MASK >= votes >> _VOTE_BITS else "en"
    scores = {lang: votes >> (_VOTE_BITS * index) & _VOTE_MASK for index, lang in enumerate(_LANGUAGE_ORDER)}
    top = max(scores.values())
    if top == 0:
        return "unknown"
    dutch, english = scores.get("nl", 0), scores.get("en", 0)
    if top in (dutch, english):   # a tie with another language goes to nl or en, a tie between them to nl
        return "nl" if dutch == top else "en"
    ours = dutch + english
    if top >= 2 and top > ours:
        framing = _framing_language(original)   # a Dutch or English record quoting a French or Spanish statement
        return framing or next(lang for lang in _LANGUAGE_WORDS if scores.get(lang, 0) == top)
    return "nl" if dutch >= english else "en"


# A quotation: opened after a space, a colon or the start, closed before a space, a punctuation mark or the end (an
# apostrophe inside a word - "jusqu'à", "l'Algérie" - neither opens nor closes one).
QUOTE_OPENERS: Final = "'\"“‘«„"
QUOTE_CLOSERS: Final = "'\"”’»"
_OPENED: Final = r"(?:^|(?<=[\s:(]))[" + re.escape(QUOTE_OPENERS) + "]"
_CLOSED: Final = "[" + re.escape(QUOTE_CLOSERS) + r"](?=[\s.,;:!?)]|$)"
_QUOTATION: Final = re.compile(_OPENED + r"(?:.|\n)+?" + _CLOSED)
# the mark that closes a quotation (``quote_opening_before`` finds the one that opens it)
QUOTE_CLOSE: Final = re.compile(_CLOSED)


def quote_opening_before(text: str, end: int) -> int:
    """The offset just after the last quote mark before ``end`` that opens a quotation (after a space, a colon, a
    bracket or the text's start: ``_QUOTATION``'s opening), or -1. Searched backwards: the mark sought is usually
    near."""
    position = end
    while True:
        mark = max(text.rfind(opener, 0, position) for opener in QUOTE_OPENERS)
        if mark < 0:
            return -1
        if mark == 0 or text[mark - 1].isspace() or text[mark - 1] in ":(":
            return mark + 1
        position = mark
_WORD: Final = re.compile(r"[a-z]+(?:'[a-z]+)*")


def _framing_language(original: str) -> str:
    """'nl' or 'en' when the words outside quotations are Dutch or English (at least three votes, more than any other
    language's): the record is ours and only quotes the statement in its own language; else ''."""
    outside = _QUOTATION.sub(" ", original)
    if len(outside) == len(original):
        return ""
    scores = Counter(chain.from_iterable(map(_WORD_LANGUAGES.__getitem__, filter(
        _WORD_LANGUAGES.__contains__, _WORD.findall(fold(outside))))))
    dutch, english = scores.get("nl", 0), scores.get("en", 0)
    others = max((count for lang, count in scores.items() if lang not in ("nl", "en")), default=0)
    # a translation's label ("Translation from Spanish: '...'", "Vertaling uit het Frans:") says the record is ours
    # even when it has fewer than three function words of its own
    if max(dutch, english) < 3 and not others:
        labels = [_TRANSLATION_LABELS[word] for word in _WORD.findall(fold(outside)) if word in _TRANSLATION_LABELS]
        if labels:
            return labels[0]
    if max(dutch, english) < 3 or max(dutch, english) <= others:
        return ""
    return "nl" if dutch >= english else "en"


_TRANSLATION_LABELS: Final = {"translation": "en", "translated": "en", "interpreter": "en", "interpreter's": "en",
                       "vertaling": "nl", "vertaald": "nl", "tolk": "nl", "tolkin": "nl"}


# --- segmentation ---------------------------------------------------------------------------------
# "[.!?;:]+(?=\s|$)|\n+" written to start with one character class, so ``re`` can skip to candidates.
_SENTENCE_END: Final = re.compile(r"[.!?;:\n](?:(?<=\n)\n*|(?<!\n)[.!?;:]*(?=\s|$))")
# Commas and brackets all become "," in a bytes copy of the text (non-ASCII characters "?"): a search for one
# literal character is faster than a scan for a character class.
_CLAUSE_MARKS: Final = bytes(ord(",") if chr(code) in ",()[]" else code for code in range(256))
_COMMA: Final = re.compile(rb",")
_MATCH_START: Final = re.Match.start
_MATCH_END: Final = re.Match.end
# ASCII text as bytes where every sentence mark and newline is "." and every other white space " " (the rest "x"):
# ``_sentence_ends`` finds the marks with ``bytes.find`` (C) instead of ``_SENTENCE_END``'s scan of every character
_SENTENCE_MARKS: Final = bytes(46 if chr(code) in ".!?;:\n" else 32 if chr(code).isspace() else 120 for code in range(128)) \
    + b"x" * 128


def _sentence_ends(folded: str) -> list[int]:
    """The ends of ``_SENTENCE_END``'s matches: a run of newlines; a run of marks followed by white space or the end
    (the regex tries the run's later marks too, which end where it ends). Non-ASCII text takes the regex (other white
    space)."""
    if not folded.isascii():
        return list(map(_MATCH_END, _SENTENCE_END.finditer(folded)))
    marks = folded.encode("ascii").translate(_SENTENCE_MARKS)
    find, size = marks.find, len(marks)
    ends: list[int] = []
    at = find(46)
    while at >= 0:
        end = at + 1
        if folded[at] == "\n":
            while end < size and folded[end] == "\n":
                end += 1
            ends.append(end)
        else:
            while end < size and marks[end] == 46 and folded[end] != "\n":
                end += 1
            if end == size or marks[end] != 120:
                ends.append(end)
        at = find(46, end)
    return ends


@dataclass(frozen=True)
class Segments:
    """Sentence and clause boundaries (offsets) of a folded text; ``words``: the text's tokens
    (``matcher.tokenize``), when the caller gave them - a rule that needs a word can then ask the token list (a set
    test in C) before it scans the whole text with a regex; None: not known, so scan."""

    sentence_starts: tuple[int, ...]
    clause_starts: tuple[int, ...]
    words: list[str] | None = field(default=None, compare=False, hash=False, repr=False)

    def sentence(self, offset: int) -> int:
        return bisect_right(self.sentence_starts, offset)

    def clause(self, offset: int) -> int:
        return bisect_right(self.clause_starts, offset)


# a quotation closed right after its sentence mark ("... gereisd.' Hij is nooit in Libie"): the mark ends no sentence
# (the quotation belongs to the sentence that quotes it), but its clause ends there, so a negation after it does not
# cover the quotation
_QUOTED_SENTENCE_CLOSED: Final = re.compile(r"[.!?][" + re.escape(QUOTE_CLOSERS) + r"](?=\s)")


def segment(folded: str, break_words: list[int], keep_together: list[tuple[int, int]],
            words: list[str] | None = None) -> Segments:
    """Split into sentences and clauses.

    Clauses end at commas, brackets and the starts of ``break_words`` (conjunctions such as "en",
    "maar", "daarna"); a break inside one of the ``keep_together`` spans (a list of countries
    "Servie, Hongarije en Oostenrijk") is ignored, so a cue before a list covers the whole list.
    ``keep_together`` must be sorted and disjoint (the gaps between consecutive place names are). ``words``: the
    text's tokens, kept on the result (see ``Segments``).
    """
    sentences = _sentence_ends(folded)
    marks = folded.encode("ascii", "replace").translate(_CLAUSE_MARKS)
    candidates = list(map(_MATCH_START, _COMMA.finditer(marks))) + break_words
    if "'" in folded or '"' in folded or not folded.isascii():
        candidates.extend(map(_MATCH_END, _QUOTED_SENTENCE_CLOSED.finditer(folded)))
    if keep_together:
        # the spans lie between consecutive place names: sorted and disjoint, so the candidates inside them
        # are a slice of the sorted candidates per span
        candidates.sort()
        kept: list[int] = []
        taken = 0
        for start, end in keep_together:
            inside = max(bisect_left(candidates, start), taken)
            kept += candidates[taken:inside]
            taken = max(bisect_left(candidates, end), inside)
        candidates = kept + candidates[taken:]
    clauses = sentences + candidates
    clauses.sort()
    return Segments(tuple(sentences), tuple(clauses), words)
