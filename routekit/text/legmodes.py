"""The transport mode of each leg: which mode phrase (``modes.yaml``) belongs to the leg into which country.

A leg's mode is the mode used to REACH a country. ``extraction._build_route`` asks ``LegModes.mode_for`` once per
country, at the mention that adds it to the route, and ``LegModes.told_apart`` gives a mode told in a sentence of
its own ("Dat was met een boot.") to the country reached last. Only mode words leave this module.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from typing import Any, Final, Sequence, TYPE_CHECKING

from routekit.text.vocabulary import MODE_PREFIX, _raw

if TYPE_CHECKING:   # the states are made by extraction, which imports this module
    from routekit.text.extraction import _MentionState
    from routekit.text.gazetteer import Mention
    from routekit.text.normalise import Segments

UNKNOWN_MODE: Final = "unknown"

# the words of the patterns below, read once (``_raw`` caches the parse): modes.yaml ``leg_words``, and the lists the
# extractor reads too from cues.yaml ``word_lists`` (one list each)
_LEG_WORDS: Final[dict] = {**_raw()[0]["word_lists"], **_raw()[1]["leg_words"]}


def _in_order(name: str) -> str:
    """A ``leg_words`` list as a regex group of alternatives, in the order written there (the order they are tried)."""
    return "(?:" + "|".join(re.escape(word) for word in _LEG_WORDS[name]) + ")"


_ARTICLE: Final = r"(?:" + _in_order("definite_articles") + r"\s+)?"   # "naar de", "to the", "in het"
# Words that join a flight's destination to the next stop of the same trip ("en vandaar naar", "and then on to").
_CONNECTION_GAP: Final = re.compile(r"(?:[\s,]+|\b" + _in_order("connection") + r"\b)+")
# "met de trein naar Oostenrijk en Duitsland": a list of destinations joined without a word of succession
# or going on ("a car to Hungary and onwards to Austria", "naar Hongarije en verder naar Oostenrijk")
_LIST_GAP: Final = re.compile(r"(?:[\s,]+|\b" + _in_order("list") + r"\b)+")
# the words that lead to a destination, right before it ("naar", "to the", "into")
_TOWARDS: Final = re.compile(r"\b" + _in_order("towards") + r"\s+" + _ARTICLE + "$")
# between a mode and the place it leads to: "(met de boot) naar", "(a bus) from Santiago to", "(per trein) via Wenen
# naar", "(vlucht) kl1234 naar" (a flight number first)
_LEADS_TO: Final = re.compile(r"\s*(?:[a-z][a-z0-9]\s?\d{1,4}\s+)?"
                       r"(?:" + _in_order("leads_from") + r"\s+[^\s,.;:!?]+(?:\s+[^\s,.;:!?]+){0,2}\s+)?"
                       + _in_order("leads_to") + r"\s+" + _ARTICLE)
# a place named as where a leg starts: "van Doha", "from Doha" (its name compared with the stop before)
_FROM_STOP: Final = re.compile(r"\b" + _in_order("stop_from") + r"\s+(\S+(?:\s+\S+)?)(?=\s+" + _in_order("onward_to") + r"\b)")
_LEADS_TO_REACH: Final = 120   # the longest gap it can span, in characters (a cheap test before the regex)
_TO_THE: Final = re.compile(r"\b" + _in_order("to_the") + r"\s+" + _in_order("de_the") + r"\s+$")

ModeSpan = tuple[int, int, str]
_OPENING_SENTENCES: Final = 2   # a record's vehicle is named in its heading or first sentence ("MTV-controle in de ICE ...")
_VEHICLE_ORIGIN_REACH: Final = 24   # the longest gap between an opening vehicle and the place it came from, in characters
# between a vehicle and the place it came from: a train or flight number, a word of origin ("uit", "from", "ex")
_VEHICLE_TO_ORIGIN: Final = re.compile(r"\s*(?:[a-z]{0,3}\s?\d{1,5}\s*)?(?:(?:uit|vanuit|from|ex)\s+)?")
_CARRIERS: Final = frozenset(("ferry", "boat"))
_ONBOARD_REACH: Final = 40   # "a lorry on the ship", "een vrachtwagen die op het schip": the longest gap between the two
_APPOSITION_REACH: Final = 60   # "met de ferry naar Ancona, verstopt onder een vrachtwagen": the ship first, then the lorry
_INSIDE_REACH: Final = 32   # "verstopt in een vrachtwagen": the longest gap between the inside word and the lorry
_CROSSING_REACH: Final = 60   # the longest gap between a border reached and the mode of its crossing, in characters


def _words(*words: str) -> str:
    return "(?:" + "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True)) + ")"


_ONBOARD: Final = re.compile(r"\b" + _words(*_raw()[1]["leg_words"]["on_board"]) + r"\b")
# "hidden in a lorry", "in de laadruimte van een vrachtwagen": the person inside the lorry named right after
_INSIDE: Final = re.compile(r"\b" + _words(*_raw()[1]["leg_words"]["inside"]) + r"\s+(?:[^\s,.;:!?]+\s+){0,2}$")
# "and then", "where": a lorry and a ship with one of these between are told apart, not the lorry on the ship
_APART: Final = re.compile(r"\b" + _words(*_raw()[1]["leg_words"]["apart"]) + r"\b")
# "met een vrachtwagen naar Libie, met de boot": a lorry that leads to a place is a leg of its own
_HEADS_TO: Final = re.compile(r"\b" + _in_order("towards") + r"\b")
_HEADS_TO_NOW: Final = re.compile(r"\s+" + _in_order("towards") + r"\b")
_LEG_START: Final[dict] = _raw()[1]["leg_start"]
# "in Italie", "op Lampedusa", "at the port of": the place the person is at, before the mention
_LOCATED: Final = re.compile(r"\b" + _words(*_LEG_START["located"]) + r"\s+" + _ARTICLE + "$")
# a sentence or clause that opens with where the person is ("In Wenen nam ik de trein"; not "kwam in Parijs aan")
_OPENERS: Final = frozenset(".!?;:")
_OPENS_LOCATED: Final = re.compile(r"(?:^|[.!?;:]\s*)" + _words(*_LEG_START["located"]) + r"\s+" + _ARTICLE + "$")
_NOT: Final[list] = _raw()[1]["not_a_mode"]
_NOT_WORDS: Final = tuple(word for group in _NOT for word in group["words"])
_NONE: Final[frozenset[int]] = frozenset()
# "haar vlucht", "naar de zee": the span of a mode word that means something else after the word before it
_NOT_A_MODE: Final = re.compile(r".*\b(?:" + ("|".join(_words(*group["after"]) + r"\s+" + _words(*group["words"])
                                               for group in _NOT if "after" in group) or "(?!)") + ")", re.DOTALL)
# "vlucht voor de oorlog": the span of a mode word that means something else before the word after it
_NOT_BEFORE: Final = re.compile("|".join(_words(*group["words"]) + r"\s+" + _words(*group["before"]) + r"\b"
                                  for group in _NOT if "before" in group) or "(?!)")
# "Daarna met de boot.": a mode told after these is the next leg's
_SUCCESSION: Final = re.compile(r"\b" + _words(*_LEG_START["next_leg"]) + r"\b")
# "daarvandaan", "from there": the place just named is where the next move starts
_FROM_THERE: Final = re.compile(r"\b" + _words(*_LEG_START["from_there"]) + r"\b")


_MODE_OF_CUE: Final[dict[str, str | None]] = {}   # cue name -> its mode (None for the other cues): the vocabulary's names
_UNSEEN: Final = object()


def _text_order(span: ModeSpan) -> tuple[int, int]:
    """Sort key: by start, the longer phrase first."""
    return span[0], span[0] - span[1]


def mode_spans(cues: dict[str, list[tuple[int, int]]]) -> list[ModeSpan]:
    """The mode phrases of a text as (start, end, mode), in text order; a phrase inside a longer one is dropped."""
    found: list[ModeSpan] = []
    for key, spans in cues.items():
        mode: Any = _MODE_OF_CUE.get(key, _UNSEEN)
        if mode is _UNSEEN:   # a cue name seen for the first time: its mode, or None for a cue that names none
            mode = _MODE_OF_CUE[key] = key[len(MODE_PREFIX):] if key.startswith(MODE_PREFIX) else None
        if mode is not None:
            found += [(start, end, mode) for start, end in spans]
    if len(found) > 1:
        found.sort(key=_text_order)
    kept: list[ModeSpan] = []
    for span in found:
        if kept and span[0] < kept[-1][1]:
            continue  # inside a longer phrase already kept ("met de bus" vs "bus")
        kept.append(span)
    return kept


def carried_in_vehicle(spans: list[ModeSpan], folded: str) -> list[ModeSpan]:
    """A ferry or ship that carried the lorry the person was in ("hidden in a lorry on the ferry to Ancona", "verstopt
    in een vrachtwagen op de veerboot"): the labelling conventions give the leg the vehicle the person was in, the
    truck."""
    carriers = [span for span in spans if span[2] in _CARRIERS]
    if not carriers or not any(span[2] == "truck" for span in spans):
        return spans
    carried = set()
    for truck in spans:
        if truck[2] == "truck":
            carrier = min(carriers, key=lambda c: c[0] - truck[1] if c[0] >= truck[1] else truck[0] - c[1])
            if _carried(truck, carrier, folded):
                carried.add(carrier)
    return [(span[0], span[1], "truck") if span in carried else span for span in spans]


def _carried(truck: ModeSpan, carrier: ModeSpan, folded: str) -> bool:
    """The lorry the person is in on the ship nearest it, in one clause: "in een vrachtwagen op de boot", "hidden in
    a truck that went on the ship", "met de ferry naar Ancona, verstopt onder een vrachtwagen". Not a lorry that
    brought people to the port before the ferry ("a truck to the port, then a ferry"), nor one told with a boat of
    another leg ("by boat to Greece and hiding in a lorry")."""
    if _INSIDE.search(folded, max(0, truck[0] - _INSIDE_REACH), truck[0]) is None:
        return False   # "I saw a truck on the ship", "A truck took us to the port"
    lorry_first = carrier[0] >= truck[1]
    gap_start, gap_end = (truck[1], carrier[0]) if lorry_first else (carrier[1], truck[0])
    if (not 0 <= gap_end - gap_start <= (_ONBOARD_REACH if lorry_first else _APPOSITION_REACH)
            or any(mark in folded[gap_start:gap_end] for mark in ".;:!?")
            or _APART.search(folded, gap_start, gap_end) is not None):
        return False
    if lorry_first:   # "in een vrachtwagen op de boot"; not "met een vrachtwagen naar Libie, met de boot"
        return (_ONBOARD.search(folded, gap_start, gap_end) is not None
                and _HEADS_TO.search(folded, gap_start, gap_end) is None)
    # "the ferry to Hoek van Holland, again hidden in a lorry"; not "de boot naar Italie, in een vrachtwagen naar Wenen"
    return _HEADS_TO_NOW.match(folded, truck[1]) is None


def _nearest(spans: list[ModeSpan], mention: Mention) -> ModeSpan | None:
    best, best_distance = None, None
    for span in spans:
        distance = mention.start - span[1] if span[1] <= mention.start else span[0] - mention.end
        distance = max(distance, 0)
        if best_distance is None or distance < best_distance:
            best, best_distance = span, distance
    return best


class LegModes:
    """The mode of the leg into a mention's country. A class, not closures in ``_build_route``: two closures
    calling each other form a reference cycle that kept every text's states alive until the garbage collector
    ran (about a tenth of the extraction time).

    ``last_arrival`` (per sentence, the last arrival before the mention asked about) is filled by the caller
    while it walks the mentions in text order."""

    __slots__ = ("folded", "mode_spans", "modes_by_clause", "modes_by_sentence", "free_modes", "last_arrival",
                 "sentence_starts", "starting_points", "states", "country_at", "vehicle_ends", "modes_at")

    def __init__(self, folded: str, spans: list[ModeSpan], segments: Segments, arrival_clauses,
                 arrivals_in: dict[int, list] | None = None, states: Sequence[_MentionState] = (),
                 vehicles: Sequence[tuple[int, int]] = ()) -> None:
        self.folded, self.states = folded, states
        # the ends of the land vehicles a record opens with ("Controle trein Brussel-Amsterdam", "MTV in de ICE uit
        # Keulen"): the place named right after one is where that vehicle came from, not how it was reached
        self.vehicle_ends = [end for start, end in vehicles
                             if bisect_right(segments.sentence_starts, start) < _OPENING_SENTENCES
                             and any(span[0] < end and start < span[1] and span[2] != "plane" for span in spans)]
        if self.vehicle_ends and not check_opening(folded, segments.sentence_starts):
            self.vehicle_ends = []   # "Met de bus Iran, Turkije": a story's first vehicle leads on
        self.country_at: dict[int, str] | None = None   # country per mention offset, made when a rule needs it
        self.modes_at: dict[int, str] = {}   # the mode decided per mention offset (``mode_for``)
        self.starting_points: frozenset[int] = _NONE
        self.modes_by_clause: dict[int, list] = {}
        self.modes_by_sentence: dict[int, list] = {}
        self.free_modes: dict[int, list] = {}   # per sentence, the modes outside every clause with an arrival
        self.last_arrival: dict[int, _MentionState] = {}
        self.sentence_starts = sentence_starts = segments.sentence_starts
        spans = carried_in_vehicle(spans, folded)
        clause_starts = segments.clause_starts
        clause_of, sentence_of = segments.clause, segments.sentence
        kept = []
        for span in spans:
            if folded.startswith(_NOT_WORDS, span[0]) and (_NOT_A_MODE.fullmatch(folded, max(0, span[0] - 16), span[1])
                                                           or _NOT_BEFORE.match(folded, span[0])):
                continue
            kept.append(span)
            # segments.clause / segments.sentence, inlined: twice per mode phrase
            clause, sentence = bisect_right(clause_starts, span[0]), bisect_right(sentence_starts, span[0])
            self.modes_by_clause.setdefault(clause, []).append(span)
            self.modes_by_sentence.setdefault(sentence, []).append(span)
            if clause not in arrival_clauses:
                self.free_modes.setdefault(sentence, []).append(span)
        self.mode_spans = kept
        if kept and arrivals_in:
            self.starting_points = self._starting_points(arrivals_in)
            if self.starting_points:   # a clause whose only arrivals are starting points tells the onward leg
                arrival_clauses = {st.clause for same in arrivals_in.values() for st in same
                                   if st.mention.start not in self.starting_points}
                self.free_modes = {}
                for span in kept:
                    if clause_of(span[0]) not in arrival_clauses:
                        self.free_modes.setdefault(sentence_of(span[0]), []).append(span)

    def _starting_points(self, arrivals_in: dict[int, list]) -> frozenset[int]:
        """The mentions (their offsets) of a place the person is at when the sentence goes on to another country
        ("In Wenen nam ik de trein naar Duitsland", "In Italy I took the train to Switzerland"): the mode told
        there is the onward leg's, not the way that place was reached."""
        found = []
        folded = self.folded
        for sentence in self.modes_by_sentence:   # (fewer than the sentences with arrivals; ``found`` is a set)
            same = arrivals_in.get(sentence)
            if same is None or len(same) < 2:
                continue
            for position, st in enumerate(same[:-1]):
                start = st.mention.start
                window = max(0, start - 16)
                if st.via or st.transit or not (window == 0 or _OPENERS.intersection(folded[window:start])):
                    continue   # (a cheap test first: no sentence or clause opens right before the mention)
                if not _OPENS_LOCATED.search(folded, window, start):
                    continue
                iso3 = st.mention.place.iso3
                if any(other.mention.place.iso3 != iso3 and _TOWARDS.search(folded, max(0, other.mention.start - 24),
                                                                            other.mention.start)
                       for other in same[position + 1:]):
                    found.append(st.mention.start)
        return frozenset(found)

    def mode_for(self, state: _MentionState) -> str:
        """The mode of the leg into ``state``'s place, kept per mention for the next leg of a chain to read."""
        mode = self.modes_at[state.mention.start] = self._mode_for(state)
        return mode

    def _mode_for(self, state: _MentionState) -> str:
        if state.departure or state.home or not self.mode_spans or state.mention.start in self.starting_points:
            return UNKNOWN_MODE
        if self.vehicle_ends and self._vehicle_origin(state.mention.start):
            return UNKNOWN_MODE
        if state.mention.place.kind == "border_side" and _TO_THE.search(self.folded, 0, state.mention.start):
            # "met de bus naar de Griekse grens": reaching the border is not crossing it; the crossing's mode is told
            # after it ("took a bus to the Turkish border and walked across", "... en liep de grens over")
            return self._crossing_after(state)
        # the nearest mode in the mention's clause, else the nearest in its sentence outside the clauses of arrivals
        spans = self.modes_by_clause.get(state.clause) or self.free_modes.get(state.sentence)
        if not spans:
            return self._connection_mode(state)
        folded, start = self.folded, state.mention.start
        for span in spans:   # "boat to Lampedusa - train to Milan": the mode that leads to this place
            if 0 <= start - span[1] <= _LEADS_TO_REACH and _LEADS_TO.fullmatch(folded, span[1], start):
                return span[2]
        if spans[-1][0] > start and not (state.via or state.transit):
            # "op Schiphol, bij het boarden van een vlucht naar Londen": a mode told after a place, leading elsewhere
            spans = [span for span in spans if span[0] < start or not self._leads_elsewhere(span, state)]
        span = _nearest(spans, state.mention)
        return span[2] if span else UNKNOWN_MODE

    def _vehicle_origin(self, start: int) -> bool:
        """Whether the mention at ``start`` names where an opening land vehicle came from ("trein Brussel-",
        "ICE 126 uit Frankfurt", "on the bus from Berlin")."""
        return any(0 <= start - end <= _VEHICLE_ORIGIN_REACH and _VEHICLE_TO_ORIGIN.fullmatch(self.folded, end, start)
                   for end in self.vehicle_ends)

    def _crossing_after(self, state: _MentionState) -> str:
        """The first mode told after a border reached, in its sentence, before any other place: how it was crossed."""
        end = state.mention.end
        for span in self.modes_by_sentence.get(state.sentence, ()):
            if span[0] < end:
                continue
            if span[0] - end > _CROSSING_REACH or any(end <= st.mention.start < span[0] for st in self.states):
                break
            return span[2]
        return UNKNOWN_MODE

    def _leads_elsewhere(self, span: ModeSpan, state: _MentionState) -> bool:
        """Whether the mode ``span`` leads to a place that is not in ``state``'s country ("een vlucht naar Londen")."""
        leads = _LEADS_TO.match(self.folded, span[1])
        if leads is None or leads.end() == state.mention.start:
            return False
        if self.country_at is None:
            self.country_at = {st.mention.start: st.mention.place.iso3 for st in self.states}
        return self.country_at.get(leads.end()) != state.mention.place.iso3

    def _connection_mode(self, state: _MentionState) -> str:
        """'flew to Dubai and then to Amsterdam': a leg joined to a flight by connector words only is a flight."""
        previous = self.last_arrival.get(state.sentence)
        if previous is None:
            return UNKNOWN_MODE
        gap = self.folded[previous.mention.end:state.mention.start]
        if not _CONNECTION_GAP.fullmatch(gap):
            # "van Lahore naar Doha, en van Doha naar Amsterdam": the stop named again as the next leg's start
            name = self.folded[previous.mention.start:previous.mention.end]
            if name not in gap:   # (the stop not named again: nothing to read over, the gap stays what it was)
                return UNKNOWN_MODE
            gap = _FROM_STOP.sub(lambda m: " " if m.group(1) == name else m.group(0), gap)
            if not _CONNECTION_GAP.fullmatch(gap):
                return UNKNOWN_MODE
        # the previous stop's leg as decided when it was reached: asked again now, ``last_arrival`` would be itself
        mode = self.modes_at.get(previous.mention.start) or self.mode_for(previous)
        if mode == "plane" or _LIST_GAP.fullmatch(self.folded, previous.mention.end, state.mention.start):
            return mode
        return UNKNOWN_MODE

    def told_apart(self, route: list[str], mode_of: dict[str, str], travelled: list[_MentionState],
                   arrivals_in: dict[int, list]) -> None:
        """A mode in a sentence without any arrival ("Dat was met een boot.") belongs to the last country reached;
        told after a word of succession ("Daarna de zee.", "Then by bus.") it is the next leg's, when the next
        mention is an arrival."""
        if all(sentence in arrivals_in for sentence in self.modes_by_sentence):
            return
        candidates = [s for s in travelled if s.mention.place.iso3 in route]
        pointer, last_state = 0, None
        for sentence, spans in sorted(self.modes_by_sentence.items()):
            while pointer < len(candidates) and candidates[pointer].sentence < sentence:
                last_state = candidates[pointer]
                pointer += 1
            if sentence in arrivals_in:
                continue
            if _TO_HERE.match(self.folded, spans[0][1]):
                continue   # "Toen met de trein hierheen.": the leg into the Netherlands (``netherlands_leg``)
            if pointer < len(candidates) and not candidates[pointer].departure and self._after_succession(
                    sentence, spans[0]):
                following = candidates[pointer].mention.place.iso3
                if mode_of.get(following, UNKNOWN_MODE) == UNKNOWN_MODE:
                    mode_of[following] = spans[0][2]
                continue
            if last_state is None or last_state.departure:
                continue
            last = last_state.mention.place.iso3
            if mode_of.get(last, UNKNOWN_MODE) == UNKNOWN_MODE:
                mode_of[last] = spans[0][2]

    def mode_again(self, travelled: list[_MentionState], index: int) -> str:
        """The mode of a country already on the route, named again (``travelled[index]``): a mode told now is the
        leg into it unless the sentence moves between two places of that country, from one where the person was
        placed or which they left ("In Italie met de trein naar Milaan", "Vanuit Italie per trein naar
        Ventimiglia", "naar Rome gebracht en daarvandaan"). A leg told with its source in another country ("to
        Istanbul from Tabriz by bus") or a stop on a flight stays a crossing."""
        state = travelled[index]
        if not self.mode_spans:
            return UNKNOWN_MODE
        inside = ((index and self._inside(travelled[index - 1], state))
                  or (index + 1 < len(travelled) and self._inside(state, travelled[index + 1])))
        if inside and not state.transit and not self._source_elsewhere(travelled, index):
            return UNKNOWN_MODE
        return self.mode_for(state)

    def _inside(self, start: _MentionState, end: _MentionState) -> bool:
        """Whether ``start`` -> ``end`` is a move inside one country, told in one sentence."""
        return (start.sentence == end.sentence and start.mention.place.iso3 == end.mention.place.iso3
                and start.mention.place.kind != "border_side"   # "naar de Hongaarse grens": not inside yet
                and (start.departure or _LOCATED.search(self.folded, max(0, start.mention.start - 16),
                                                        start.mention.start) is not None
                     or _FROM_THERE.search(self.folded, start.mention.end, end.mention.start) is not None))

    def _after_succession(self, sentence: int, span: ModeSpan) -> bool:
        start = self.sentence_starts[sentence - 1] if sentence > 0 else 0
        return _SUCCESSION.search(self.folded, start, span[0]) is not None

    @staticmethod
    def _source_elsewhere(travelled: list[_MentionState], index: int) -> bool:
        """Whether the clause of ``travelled[index]`` names a departure from another country."""
        state = travelled[index]
        for step in (-1, 1):
            other = index + step
            while 0 <= other < len(travelled) and travelled[other].clause == state.clause:
                if travelled[other].departure and travelled[other].mention.place.iso3 != state.mention.place.iso3:
                    return True
                other += step
        return False


_NETHERLANDS: Final = "NLD"
_INTO_HERE: Final[dict] = _raw()[1]["into_here"]
# "een bus naar hier", "met de trein hier gekomen", "took a train here": a mode that leads to where the record is made
_TO_HERE: Final = re.compile(r"\s*(?:" + _words(*_INTO_HERE["to"]) + r"\s+)?" + _words(*_INTO_HERE["here"]) + r"\b")
# "kwam met de nachttrein uit Wenen", "by bus from Germany": a mode that leads from the place right after it
_FROM_HERE: Final = re.compile(r"\s*" + _words(*_INTO_HERE["from"]) + r"\s+" + _ARTICLE + "$")
_FROM_REACH: Final = 24   # the longest gap between such a mode and its place, in characters
# "Mijn broer en ik", "My cousin and I": the record's person is a subject of the sentence
_OWN_SUBJECT: Final = re.compile(r"\b" + _words(*_INTO_HERE["own_subject"]) + r"\b")
# "MTV-controle in de ICE", "KMar check on an ICE": a check record's opening names the vehicle the person was found in
_CHECK_OPENING: Final = re.compile(r"\b" + _words(*_INTO_HERE["check"]) + r"\b")


def netherlands_leg(folded: str, spans: list[ModeSpan], states: Sequence[_MentionState], route: list[str],
                    vehicles: Sequence[tuple[int, int]], sentence_starts: Sequence[int],
                    relatives: Sequence[tuple[int, int]] = ()) -> str:
    """The mode of the last leg, into the Netherlands, when no mention of the Netherlands told it: the leg is often
    told without naming the country ("een bus naar hier", "kwam met de nachttrein uit Wenen", a record that opens with
    the train or flight the person was found in, "met de trein via Zwitserland en Duitsland" with the Netherlands
    implied as the end). ``route`` ends in the Netherlands; ``sentence_starts`` are the text's sentence offsets;
    ``relatives`` the spans of relatives and friends (cues.yaml relative_nouns), whose own leg here is not the
    person's."""
    if not spans or len(route) < 2:
        return UNKNOWN_MODE
    spans = carried_in_vehicle(spans, folded)
    for span in spans:   # "een bus naar hier", "took the train here"
        if _TO_HERE.match(folded, span[1]) and not _someone_elses(folded, span[0], relatives, sentence_starts):
            return span[2]
    previous = route[-2]
    told = [st for st in states if not st.excluded and not st.home]
    for position, st in enumerate(told):   # "kwam met de nachttrein uit Wenen": the leg out of the last country
        if st.mention.place.iso3 != previous or not st.departure:
            continue
        after = told[position + 1] if position + 1 < len(told) else None
        if after is not None and after.clause == st.clause and after.mention.place.iso3 != _NETHERLANDS:
            continue   # "met de trein uit Keulen naar Berlijn": a leg of its own
        start = st.mention.start
        for span in spans:
            if (0 <= start - span[1] <= _FROM_REACH and _FROM_HERE.fullmatch(folded, span[1], start)
                    and not _someone_elses(folded, span[0], relatives, sentence_starts)):
                return span[2]
    if vehicles:   # the vehicle a check record opens with, before any country of the journey: the leg that came here
        first_told = min((st.mention.start for st in told if st.mention.place.iso3 != _NETHERLANDS), default=None)
        for v_start, v_end in vehicles:
            sentence = bisect_right(sentence_starts, v_start)
            if sentence >= _OPENING_SENTENCES or (first_told is not None and v_start > first_told):
                break
            if not check_opening(folded, sentence_starts):
                break   # "Met de taxi naar het vliegveld van Erbil": a story's first vehicle is its first leg's
            for span in spans:
                if span[0] < v_end and v_start < span[1]:
                    return span[2]
    return UNKNOWN_MODE


def check_opening(folded: str, sentence_starts: Sequence[int]) -> bool:
    """Whether a check or police record opens the text (its first two sentences): the vehicle named there is the one
    the person was found in ("MTV-controle in de ICE", "Controle trein Brussel-Amsterdam")."""
    opening_end = (sentence_starts[_OPENING_SENTENCES - 1] if len(sentence_starts) >= _OPENING_SENTENCES
                   else len(folded))
    return _CHECK_OPENING.search(folded, 0, opening_end) is not None


def _someone_elses(folded: str, offset: int, relatives: Sequence[tuple[int, int]],
                   sentence_starts: Sequence[int]) -> bool:
    """Whether a relative or friend is named before ``offset`` in its sentence with no first-person subject ("Mijn
    broer kwam met de trein hierheen"; not "Mijn broer en ik kwamen met de trein hierheen")."""
    if not relatives:
        return False
    sentence = bisect_right(sentence_starts, offset)
    start = sentence_starts[sentence - 1] if sentence else 0
    return (any(start <= r_start < offset for r_start, _ in relatives)
            and _OWN_SUBJECT.search(folded, start, offset) is None)
