"""Several journeys: the route ends at the first arrival in the Netherlands.

Someone who reached the Netherlands, left or was transferred (Dublin), and came back has two journeys; the route
is the first (hand-labelling convention 4 of the hard sets). When a text tells a return to the Netherlands
("in 2023 ben ik teruggekomen", "she returned here in 2023", "kwam hij opnieuw naar Nederland"), the later
journey is cut out: from the last departure told after the first mention of the Netherlands ("vertrok in 2020
naar Frankrijk", "was aan Polen overgedragen", "moved to Dusseldorf") up to the end of the statement that tells
the return (and the answer to it, when a question tells it). A departure in the past perfect ("He had left
Aleppo") is a flashback to the first journey, not a later departure. Without a told return nothing is cut: a
transfer out of the Netherlands followed by the current trip ("aan Italie overgedragen. Hij verklaart nu ...")
keeps the current trip, whose places the rules may need. A return home ("keerde terug naar de Filipijnen") is a
departure, not the return; a departure whose statement goes on to the Netherlands ("went by train ... to Amsterdam")
is the first arrival's own account when the first arrival was named before it ("Client first came to the
Netherlands in 2019: ..."). The first arrival told without naming the country ("Client first arrived in 2016") is the
first arrival too. A later journey named as such ("de route van zijn tweede reis", "his second arrival") is cut
when the text also tells the first. Leaving again after the first arrival ("In 2019 vertrok hij opnieuw, nu via
Bulgarije", "he left again, this time through Austria") with no return told is a later journey too: cut from the
last departure after that arrival up to the statement that reaches the Netherlands again ("en meldde zich in Ter
Apel"), the first arrival being the first mention of the Netherlands after a place abroad. Cue lists:
``document.yaml`` (``journeys``).
"""

from __future__ import annotations

from typing import Final

import re
from dataclasses import dataclass
from functools import lru_cache

from routekit.text.document import SENTENCE_END, cues, words_regex
from routekit.text.normalise import fold

# not an initial's dot; the mark or comma comes first and the look-behinds read back over it, so ``re`` skips from
# candidate to candidate instead of trying the look-behinds at every position (the same matches)
_STATEMENT_END: Final = re.compile(r"[.!?;,](?:(?<=[.!?;])(?<!\s[a-z][.!?;])(?<!^[a-z][.!?;])(?=\s|$)|(?<=,)\s+(?=en\s|and\s))")
_QUESTION_END: Final = re.compile(r"\?(?=\s|$)")


@dataclass(frozen=True)
class _Lexicon:
    returned: re.Pattern[str]
    earlier_stay: re.Pattern[str]   # "was al eerder in Nederland", "had been in the Netherlands before"
    left: re.Pattern[str]
    pluperfect: frozenset[str]
    gate_words: tuple[str, ...]   # substrings one of which a text telling a return holds (a fast test)
    second_journey: re.Pattern[str]
    first_arrival: re.Pattern[str]
    second_journey_question: re.Pattern[str]   # "Hoe bent u deze keer gekomen?": the later journey, asked
    left_again: re.Pattern[str]   # "vertrok hij opnieuw", "he left again": a later journey when no return is told
    passive: frozenset[str]   # departures that are passive after "was" ("was moved"), not a past perfect
    yes_no: re.Pattern[str]   # an answer's first word: group 1 "yes"/"ja", group 2 "no"/"nee" (``_first_arrival_told``)
    gate_cores: tuple[str, ...] = ("",)   # fewer substrings, one of which every gate word holds (``_cores``)


@lru_cache(maxsize=1)
def _lexicon() -> _Lexicon:
    lists = cues()["journeys"]
    gate = tuple(str(w) for w in lists["gate"])
    return _Lexicon(words_regex(lists["returned"]), words_regex(lists["earlier_stay"]), words_regex(lists["left"]), frozenset(str(w) for w in lists["pluperfect"]),
                    gate, words_regex(lists["second_journey"]),
                    words_regex(lists["first_arrival"]), words_regex(lists["second_journey_question"]),
                    words_regex(lists["left_again"]),
                    frozenset(str(w) for w in lists["passive"]), _yes_no(lists["answer_yes"], lists["answer_no"]),
                    _cores(gate))


def _yes_no(yes: list, no: list) -> re.Pattern[str]:
    from routekit.text.timeline import turn_labels

    return re.compile(r"\s*(?:" + turn_labels()[1] + r")[ \t]*:\s*(?:(" + "|".join(map(re.escape, map(str, yes)))
                      + r")|(" + "|".join(map(re.escape, map(str, no))) + r"))(?![\w'])")


def _cores(words: tuple[str, ...]) -> tuple[str, ...]:
    """Substrings one of which each of ``words`` holds, fewer than the words: the words' own words, picked greedily by
    how many of them they cover ("came back", "back here" and "back to the netherlands": "back"). A text holding
    none of them holds none of ``words`` (the cheaper first test: each substring test reads the whole text)."""
    uncovered, cores = set(words), []
    while uncovered:
        candidates = {piece for word in uncovered for piece in (word.split() or [word])}
        best = max(sorted(candidates), key=lambda piece: sum(piece in word for word in uncovered))
        cores.append(best)
        uncovered = {word for word in uncovered if best not in word}
    return tuple(cores)


_TO: Final = re.compile(r"(?:\s+[\w']+){0,3}?\s+(?:naar|to)\s")   # "returned to", "returned voluntarily to", "in 2018 to"
_TO_BEFORE: Final = re.compile(r"(?<![\w'])(?:naar|to)\s+$")
_VERB_LAST_GAP: Final = 30   # characters between "naar Irak" and a verb-last return ("naar Irak teruggekeerd")
_SENTENCE_END: Final = SENTENCE_END   # (the mark first: see _STATEMENT_END)


def _places_at(text: str, folded: str) -> list[tuple[int, str]]:
    from routekit.text.gazetteer import find_places

    return [(m.start, m.place.iso3) for m in find_places(text, folded)]


_FROM_BEFORE: Final = re.compile(r"(?<![\w'])(?:from|uit|vanuit|van|via)\s+$")


def _reaches_netherlands(folded: str, places: list[tuple[int, str]], offset: int) -> bool:
    """Whether the statement from ``offset`` names the Netherlands other than as a place left or passed ("went to
    England under a lorry from Hoek van Holland" leaves it; "went by train ... to Amsterdam" reaches it)."""
    _, stop = _statement_bounds(folded, offset)
    # the place right after the departure's verb is the place left ("then left NL in 2021 to live in Brussels")
    return any(iso3 == "NLD" and offset + _LEFT_OBJECT < at < stop and _FROM_BEFORE.search(folded, max(0, at - 10), at) is None
               for at, iso3 in places)


_LEFT_OBJECT: Final = 5   # characters between a departure verb and the place it leaves ("left NL", "verliet het land")


def _returned_to(folded: str, match: re.Match[str], places: list[tuple[int, str]]) -> str:
    """Where a return verb goes: the country after "naar"/"to" a few words on ("returned voluntarily to Iraq", "came
    back to the Netherlands"; "NLD" when no country follows), or before a Dutch verb-last return ("is hij naar Irak
    teruggekeerd"); "" when it names none (a return here told without the country: "in 2023 ben ik teruggekomen")."""
    inside = [iso3 for at, iso3 in places if match.start() <= at < match.end()
              and _TO_BEFORE.search(folded, max(0, at - 6), at)]
    if inside:   # "opnieuw naar Nederland", "kwam hij naar Nederland terug"
        return inside[-1]
    to = _TO.match(folded, match.end())
    if to is not None:
        return next((iso3 for at, iso3 in places if to.end() <= at <= to.end() + 4), "NLD")
    verb_last = match.group().startswith("terug") and " " not in match.group()   # Dutch: "teruggekeerd", "terugkwam"
    before = [at_iso3 for at_iso3 in places if match.start() - _VERB_LAST_GAP <= at_iso3[0] < match.start()
              ] if verb_last else []
    if before:   # "(is hij) naar Irak teruggekeerd": the place and then the verb, nothing but words between
        at, iso3 = before[-1]
        if _TO_BEFORE.search(folded, max(0, at - 6), at) and _WORDS_ONLY.fullmatch(folded, at, match.start()):
            return iso3
    return ""


_WORDS_ONLY: Final = re.compile(r"[\w'-]+(?:\s+[\w'-]+){0,2}\s+")   # the place's word and at most two more ("is", "was")


def without_second_journey(text: str, folded: str | None = None) -> str:
    """The text without the sentences about a later journey named as such, when the first is told too (before a
    letter's statements are split at colons: "Het rapport noemt de route van zijn tweede reis: ...")."""
    folded = fold(text) if folded is None else folded
    lexicon = _lexicon()
    named = "tweede" in folded or "second" in folded or "later" in folded   # substrings first
    asked = ":" in folded and (" keer" in folded or " time" in folded) and _asks_this_time(folded, lexicon)
    if not (named or asked):
        return text
    if (not asked and lexicon.second_journey.search(folded) is None) or not _first_arrival_told(folded, lexicon):
        return text
    kept, start = [], 0
    answer_of_cut = False   # in the answer to a question cut ("Q: And the second time? A: Italy, Switzerland, ...")
    for end in [m.end() for m in _SENTENCE_END.finditer(folded)] + [len(folded)]:
        sentence = folded[start:end]
        if answer_of_cut and _opens_question(sentence):
            answer_of_cut = False
        question = sentence.rstrip().endswith("?") and _opens_question(sentence)
        # (a question that tells the return itself, "En hoe kwam u deze keer terug?", is left to ``first_journey``,
        # which cuts from the departure before it)
        if (lexicon.second_journey.search(sentence) or (
                asked and question and lexicon.second_journey_question.search(sentence)
                and not lexicon.returned.search(sentence))) and not lexicon.first_arrival.search(sentence):
            answer_of_cut = question
        elif not answer_of_cut:
            kept.append(text[start:end])
        start = end
    if not kept:
        return text
    cut = "".join(kept)
    if len(cut) < len(text) and all(iso3 == "NLD" for _, iso3 in _places_at(cut, fold(cut))):
        return text   # a cut that leaves no country mention (but the Netherlands, the end) cut the only journey told
    return cut


def _first_arrival_told(folded: str, lexicon: _Lexicon) -> bool:
    """Whether a ``first_arrival`` phrase tells an earlier arrival: one outside a question, or in a question whose
    answer does not deny it ("Q: Was this the first time you left Syria? A: Yes." tells none, nor "V: Bent u eerder
    in Nederland geweest? A: Nee."; "Is this the first time ...? A: No, in 2020 ..." and "... eerder ...? A: Ja"
    do)."""
    for match in lexicon.first_arrival.finditer(folded):
        start = 0
        for end_match in _SENTENCE_END.finditer(folded, 0, match.start()):
            start = end_match.end()
        closing = _SENTENCE_END.search(folded, match.end())
        end = closing.end() if closing else len(folded)
        if not (folded[start:end].rstrip().endswith("?") and _opens_question(folded[start:end])):
            return True
        answer = lexicon.yes_no.match(folded, end)
        if answer is None:
            return True
        denied_by = 2 if lexicon.earlier_stay.fullmatch(match.group()) else 1   # "eerder ...? Nee" / "first ...? Yes"
        if answer.group(denied_by) is None:
            return True
    return False


def _asks_this_time(folded: str, lexicon: _Lexicon) -> bool:
    """Whether a transcript asks about the journey of now ("Hoe bent u deze keer gekomen?", "And this time?"): a
    ``second_journey_question`` phrase before a question mark, searched only from each question mark back."""
    search = lexicon.second_journey_question.search
    end = folded.find("?")
    while end >= 0:
        if search(folded, max(0, end - 60), end):
            return True
        end = folded.find("?", end + 1)
    return False


def _opens_question(sentence: str) -> bool:
    """Whether a sentence of a transcript opens with the interviewer's label ("V:", "Q:", "Vraag:")."""
    from routekit.text.timeline import turn_labels

    return re.match(r"[\s/]*(?:" + turn_labels()[0] + r")[ \t]*:", sentence) is not None


def _statement_bounds(folded: str, offset: int) -> tuple[int, int]:
    start = 0
    for match in _STATEMENT_END.finditer(folded, 0, offset):
        start = match.end()
    end_match = _STATEMENT_END.search(folded, offset)
    return start, end_match.end() if end_match else len(folded)


def _current_trip_before(folded: str, places: list[tuple[int, str]], earlier: int) -> list[tuple[int, int]]:
    """The statements told before the one saying the person was here before ("Cliënt was echter al eerder in
    Nederland: ..."), when that stay ended with a return home: those naming a place abroad tell the current trip
    ("Vreemdeling kwam aan uit Paramaribo", "Het rapport beschrijft alleen zijn reis van 2023 (via Georgie)"), not
    the first arrival the route is."""
    cue_start, _ = _statement_bounds(folded, earlier)
    spans, start = [], 0
    for match in _STATEMENT_END.finditer(folded, 0, cue_start):
        spans.append((start, match.end()))
        start = match.end()
    return [(a, b) for a, b in spans if any(a <= at < b and iso3 != "NLD" for at, iso3 in places)]


_CLAUSE_JOINER: Final = re.compile(r",|;|\s(?:en|and|maar|but)\s")


def _later_journey(folded: str, places: list[tuple[int, str]], first: int, lexicon: _Lexicon) -> tuple[int, int] | None:
    """The span of a later journey told by leaving again ("In 2019 vertrok hij opnieuw, nu via Bulgarije", "he left
    again, this time through Austria") after the first arrival here, when no return is told: from the statement of
    the last departure after that arrival ("werd overgedragen aan Griekenland") to the end of the statement that
    reaches the Netherlands again ("en meldde hij zich in Ter Apel"), else to the end. The first arrival is the first
    mention of the Netherlands after a place abroad: a record opening with the arrival now tells the journeys after
    it."""
    abroad = next((at for at, iso3 in places if iso3 != "NLD"), None)
    if abroad is None:
        return None
    if first < abroad:   # the arrival now, told first: the first arrival is the one told after a place abroad
        told_after = next((at for at, iso3 in places if iso3 == "NLD" and at > abroad), None)
        if told_after is None:
            return None
        first = told_after   # a new name: mypyc (`make compiled`) refuses an int variable re-typed as int | None
    again = lexicon.left_again.search(folded, first)
    if again is None:
        return None
    departure = again.start()
    for match in lexicon.left.finditer(folded, first, again.start()):
        before = folded[max(0, match.start() - 40):match.start()].split()
        passive = match.group(0).split()[-1] in lexicon.passive
        if not any(word in lexicon.pluperfect and not (passive and word in ("was", "waren")) for word in before[-3:]):
            departure = match.start()   # the last departure after the first arrival (a transfer, a return home)
    cut_start, _ = _statement_bounds(folded, departure)
    if cut_start <= first or any(cut_start <= at < departure and iso3 == "NLD" for at, iso3 in places):
        # the arrival and the departure in one statement: cut from the clause of the departure's verb ("naar Nederland
        # en werd in 2018 aan Duitsland overgedragen": the Dutch verb comes last)
        joiners = list(_CLAUSE_JOINER.finditer(folded, first, departure))
        cut_start = joiners[-1].start() if joiners else departure
    cut_end = len(folded)
    for at, iso3 in places:
        if iso3 == "NLD" and at > again.end() and _FROM_BEFORE.search(folded, max(0, at - 10), at) is None:
            cut_end = _statement_bounds(folded, at)[1]
            break
    if not any((at < cut_start or at >= cut_end) and iso3 != "NLD" for at, iso3 in places):
        return None
    return cut_start, cut_end


def first_journey(text: str, folded: str | None = None, current_cut: bool = False) -> str:
    """``text`` without the journey after the first arrival in the Netherlands (see the module docstring)."""
    folded = fold(text) if folded is None else folded
    lexicon = _lexicon()
    # substrings first (in C): most texts tell no return
    if not (any(map(folded.__contains__, lexicon.gate_cores)) and any(map(folded.__contains__, lexicon.gate_words))):
        return text
    places = _places_at(text, folded)

    arrivals = [at for at, iso3 in places if iso3 == "NLD"]
    told_first = lexicon.first_arrival.search(folded)
    if told_first is not None:
        arrivals = sorted(arrivals + [told_first.start()])
    returned, home_returns = None, []
    for match in lexicon.returned.finditer(folded):
        home = _returned_to(folded, match, places)
        if home and home != "NLD":   # "keerde na een jaar terug naar de Filipijnen": a departure
            home_returns.append(match)
            continue
        returned = match
        break
    earlier = lexicon.earlier_stay.search(folded) if home_returns and not current_cut else None
    if earlier is not None and home_returns[0].start() > earlier.start():
        current = _current_trip_before(folded, places, earlier.start())
        if current:   # "Kwam aan uit Paramaribo, nu via Suriname. ... al eerder in Nederland: ...; keerde terug naar Guyana"
            kept, cursor = [], 0
            for start, stop in current:
                kept.append(text[cursor:start])
                cursor = stop
            return first_journey("".join(kept) + text[cursor:], current_cut=True)
    if returned is None and arrivals:
        later = _later_journey(folded, places, arrivals[0], lexicon)
        if later is not None:   # left again after the first arrival, no return told: cut up to the arrival again
            return text[:later[0]] + text[later[1]:]
    if returned is None and home_returns:   # a return home told after the arrival and no later return: a separate
        returned, home_returns = home_returns[0], []   # earlier trip ("worked in Riyadh and then returned to Uganda")
    if returned is None or not arrivals or arrivals[0] > returned.start():
        return text
    anchor = returned
    first = arrivals[0]
    departure = None
    for match in sorted([*lexicon.left.finditer(folded, first, anchor.end()), *home_returns], key=lambda m: m.start()):
        if not first <= match.start() < anchor.start():
            continue
        before = folded[max(0, match.start() - 40):match.start()].split()
        passive = match.group(0).split()[-1] in lexicon.passive   # "was moved to Italy" is no flashback
        if any(word in lexicon.pluperfect and not (passive and word in ("was", "waren")) for word in before[-3:]):
            continue   # "He had left Aleppo": a flashback
        if (_reaches_netherlands(folded, places, match.end())
                and lexicon.returned.search(folded, match.start(), match.end() + 1) is None
                and _statement_bounds(folded, match.end())[1] <= anchor.start()):
            # "then went by train ... to Amsterdam": the first arrival's own account (not "Na de overdracht aan DE
            # verbleef hij ... en kwam hij opnieuw naar NL", where the Netherlands reached is the return)
            continue
        departure = match
    if departure is None:
        departure = returned
    cut_start, _ = _statement_bounds(folded, departure.start())
    if cut_start <= first or any(cut_start <= at < departure.start() and iso3 == "NLD" for at, iso3 in places):
        cut_start = departure.start()   # the arrival and the departure in one statement: cut from the departure's verb
    _, cut_end = _statement_bounds(folded, returned.start())
    if folded[:cut_end].rstrip().endswith("?"):   # the return told in a question: its answer goes too
        answer_end = re.compile(r"[.!]\s+(?=[a-z]+\s*:)|\?(?=\s|$)").search(folded, cut_end)
        cut_end = answer_end.end() if answer_end else len(folded)
    if not any((at < cut_start or at >= cut_end) and iso3 != "NLD" for at, iso3 in places):
        return text   # a cut that leaves no country mention (but the Netherlands, the end) cut the only journey told
    return text[:cut_start] + text[cut_end:]
