"""Several journeys: the route ends at the first arrival in the Netherlands.

Someone who reached the Netherlands, left or was transferred (Dublin), and came back has two journeys; the route
is the first (hand-labelling convention 4 of the hard sets). When a text tells a return to the Netherlands
("in 2023 ben ik teruggekomen", "she returned here in 2023", "kwam hij opnieuw naar Nederland"), the later
journey is cut out: from the last departure told after the first mention of the Netherlands ("vertrok in 2020
naar Frankrijk", "was aan Polen overgedragen", "moved to Dusseldorf") up to the end of the statement that tells
the return (and the answer to it, when a question tells it). A departure in the past perfect ("He had left
Aleppo") is a flashback to the first journey, not a later departure. Without a told return nothing is cut: a
transfer out of the Netherlands followed by the current trip ("aan Italie overgedragen. Hij verklaart nu ...")
keeps the current trip, whose places the rules may need. Cue lists: ``document.yaml`` (``journeys``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from routekit.text.document import cues, words_regex
from routekit.text.normalise import fold

_STATEMENT_END = re.compile(r"(?<!\s[a-z])(?<!^[a-z])[.!?;](?=\s|$)|,\s+(?=en\s|and\s)")   # not an initial's dot
_QUESTION_END = re.compile(r"\?(?=\s|$)")


@dataclass(frozen=True)
class _Lexicon:
    returned: re.Pattern[str]
    left: re.Pattern[str]
    pluperfect: frozenset[str]
    gate_words: tuple[str, ...]   # substrings one of which a text telling a return holds (a fast test)


@lru_cache(maxsize=1)
def _lexicon() -> _Lexicon:
    lists = cues()["journeys"]
    return _Lexicon(words_regex(lists["returned"]), words_regex(lists["left"]), frozenset(str(w) for w in lists["pluperfect"]),
                    tuple(str(w) for w in lists["gate"]))


def _netherlands_at(text: str) -> list[int]:
    from routekit.text.gazetteer import find_places

    return [m.start for m in find_places(text, fold(text)) if m.place.iso3 == "NLD"]


def _statement_bounds(folded: str, offset: int) -> tuple[int, int]:
    start = 0
    for match in _STATEMENT_END.finditer(folded, 0, offset):
        start = match.end()
    end_match = _STATEMENT_END.search(folded, offset)
    return start, end_match.end() if end_match else len(folded)


def first_journey(text: str, folded: str | None = None) -> str:
    """``text`` without the journey after the first arrival in the Netherlands (see the module docstring)."""
    folded = fold(text) if folded is None else folded
    lexicon = _lexicon()
    if not any(word in folded for word in lexicon.gate_words):   # substrings first: most texts tell no return
        return text
    returned = lexicon.returned.search(folded)
    if returned is None:
        return text
    arrivals = _netherlands_at(text)
    anchor = returned
    if not arrivals or arrivals[0] > anchor.start():
        return text
    first = arrivals[0]
    departure = None
    for match in lexicon.left.finditer(folded, first, anchor.end()):
        before = folded[max(0, match.start() - 40):match.start()].split()
        if any(word in lexicon.pluperfect for word in before[-3:]):
            continue   # "He had left Aleppo": a flashback
        departure = match
    if departure is None:
        departure = returned
    cut_start, _ = _statement_bounds(folded, departure.start())
    if cut_start <= first:   # the arrival and the departure in one statement: cut from the departure's verb
        cut_start = departure.start()
    _, cut_end = _statement_bounds(folded, returned.start())
    if folded[:cut_end].rstrip().endswith("?"):   # the return told in a question: its answer goes too
        answer_end = re.compile(r"[.!]\s+(?=[a-z]+\s*:)|\?(?=\s|$)").search(folded, cut_end)
        cut_end = answer_end.end() if answer_end else len(folded)
    return text[:cut_start] + text[cut_end:]
