"""The route as one timeline: the order a text states, collected as weighted constraints and solved.

The rules first place each country at its first arrival (the order of the text, with the local reorderings a cue
makes). Records often tell the journey in another order: an interview that starts at the arrival and asks "how did
you get to Germany?", a summary that goes back from the last country to the first. Here the ordering evidence the
text states outright - legs ("van A naar B", "came from A"), the stops of a leg, dates, words of succession - is a
list of constraints "A before B" with a weight (how outright the text says it). They are solved into one order:
the heaviest consistent set is kept (a constraint that would close a cycle with heavier ones is dropped), and the
base order decides only what they leave open. The base order is the text's order, unless the text is told
backwards (more of its legs across episodes point back than forward): then the episodes - the question/answer
turns of a transcript, else the sentences - are read from the last to the first, each in its own order.

A few countries per text: every step here is quadratic in a handful of items, cheap next to reading the text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Final, NamedTuple

import yaml

from routekit.text.gazetteer import data_path, read_data_csv
from routekit.text.normalise import fold
from routekit.text.vocabulary import _raw, _select

NETHERLANDS: Final = "NLD"   # the end of every route (the extractor reads it from here)

# Weights: how outright the text states an order (heaviest first when constraints contradict each other).
LEG: Final = 6            # a departure and the arrival it leads to: "van Khartoum naar Tunis"
AFTER: Final = 5          # "nadat hij Belgrado had verlaten", "after travelling from Tirana"
CAME_FROM: Final = 5      # a departure told after its arrival: "Hoe kwam u daar? A: Vanuit Punto Fijo", "Hij kwam uit X"
STOP: Final = 4           # a stop of a leg: "van Soedan naar Marokko ... via Tsjaad en Libie"
ITINERARY: Final = 3      # a sentence telling the whole journey up to the Netherlands
BACKWARD_LIST: Final = 3  # a list told after 'daarvoor' from the nearest back: "Daarvoor Oostenrijk, Slovenie en Kroatie"
QUESTION: Final = 5       # the answer to a question asking what came before or after a country: "En voor Bosnie? A: Servie"
SUCCESSION: Final = 2     # "naar Tunis en daarna naar Libie"
ELLIPTIC: Final = 3       # the answer to a bare "Before?" / "En daarna?": before / after the last answer's countries
DATED: Final = 1          # dates only: "in juni 2017 ... in september 2021"
RETURNED: Final = 3       # sent or pushed back to a country: it came before the one left: "teruggeduwd naar Servie"
FIRST_THEN: Final = 7     # the order told outright, often a correction: "eerst in Algerije en pas daarna in Marokko"


class Constraint(NamedTuple):
    """``earlier`` comes before ``later`` on the route, as strongly as ``weight``. (A named tuple: made for every told
    leg of every text, and a tuple is made several times faster than a frozen dataclass.)"""

    earlier: str
    later: str
    weight: int


def solve(route: list[str], constraints: list[Constraint], fixed_first: str | None = None,
          base: list[str] | None = None) -> list[str]:
    """The order that keeps the heaviest consistent constraints, ``base`` (default ``route``) deciding the rest: each
    country in base order, pulled forward by the countries the kept constraints put before it (with their own
    earlier ones). ``fixed_first`` (the journey's start the text names) is never put after anything; the
    Netherlands stays last when it is."""
    order = list(base) if base is not None else list(route)
    position = {country: index for index, country in enumerate(order)}
    before: dict[str, list[str]] = {}
    for constraint in sorted(constraints, key=lambda c: -c.weight):   # stable: equal weights keep their order
        earlier, later = constraint.earlier, constraint.later
        if (earlier == later or earlier not in position or later not in position or earlier == fixed_first
                or later == fixed_first or NETHERLANDS in (earlier, later)):
            continue
        if earlier in before.get(later, ()) or _reaches(before, earlier, later):
            continue   # kept already, or 'later' already comes before 'earlier' through heavier constraints
        before.setdefault(later, []).append(earlier)
    if not before:
        return order
    for earlier_ones in before.values():   # predecessors pulled in base order: the text's order decides the rest
        earlier_ones.sort(key=position.__getitem__)
    ordered: list[str] = []
    placed: set[str] = set()
    for country in order:
        _place_after_predecessors(country, before, ordered, placed)
    return ordered


def _reaches(before: dict[str, list[str]], country: str, target: str) -> bool:
    """True when ``target`` must come before ``country`` through the constraints kept so far."""
    stack, seen = [country], set()
    while stack:
        current = stack.pop()
        for earlier in before.get(current, ()):
            if earlier == target:
                return True
            if earlier not in seen:
                seen.add(earlier)
                stack.append(earlier)
    return False


def _place_after_predecessors(country: str, before: dict[str, list[str]], ordered: list[str], placed: set[str]) -> None:
    """Append ``country`` after the countries the constraints put before it (recursively; they hold no cycle)."""
    if country in placed:
        return
    placed.add(country)
    for earlier in before.get(country, ()):
        _place_after_predecessors(earlier, before, ordered, placed)
    ordered.append(country)


_BACKWARD_EVIDENCE: Final = 3   # pieces of evidence pointing back, with none forward, that make a text told backwards


def told_backwards(first_episode: dict[str, int], legs: list[tuple[str, str]], before_episodes: int,
                   onward_episodes: int) -> bool:
    """Whether the text tells the journey from its end back: the legs that cross episodes ("Hoe kwam u in Duitsland?"
    answered in a later turn with the country before it) and the episodes that open a 'before' point back at least
    ``_BACKWARD_EVIDENCE`` times, and no leg across episodes nor an episode opening with a word of succession
    points forward (a single flashback inside a story told forward is the rules' business, not a reversal)."""
    back, forward = before_episodes, onward_episodes
    for earlier, later in legs:
        told_earlier, told_later = first_episode.get(earlier), first_episode.get(later)
        if told_earlier is None or told_later is None or told_earlier == told_later:
            continue
        if told_earlier > told_later:
            back += 1
        else:
            forward += 1
    return back >= _BACKWARD_EVIDENCE and not forward



_UNTOLD: Final = 1 << 30   # a country no travelled mention names (a home): as if told in the last episode, so it stays first


def backward_base(route: list[str], first_episode: dict[str, int], fixed_first: str | None) -> list[str]:
    """The base order of a text told backwards: the episodes from the last to the first, the countries of each in the
    order the rules gave them; the journey's start first and the Netherlands last stay where they are."""
    rank = {country: index for index, country in enumerate(route)}
    middle = [c for c in route if c != fixed_first and c != NETHERLANDS]
    middle.sort(key=lambda c: (-first_episode.get(c, _UNTOLD), rank[c]))
    head = [fixed_first] if fixed_first in rank else []
    tail = [NETHERLANDS] if NETHERLANDS in rank else []
    return head + middle + tail


@lru_cache(maxsize=2)
def _labels(name: str) -> tuple[str, ...]:
    """The folded labels of ``cues.yaml``'s ``name`` (``question_labels``, ``answer_labels``), longest first."""
    return tuple(sorted({fold(label) for label in _select(_raw()[0].get(name), "both")}, key=len, reverse=True))


@lru_cache(maxsize=1)
def turn_labels() -> tuple[str, str]:
    """The question and the answer labels of a transcript as regex alternations, longest first: ``question_labels``
    and ``answer_labels`` of ``cues.yaml``, from the one parse the vocabulary and the dialogue lexicon read."""
    return "|".join(map(re.escape, _labels("question_labels"))), "|".join(map(re.escape, _labels("answer_labels")))


@lru_cache(maxsize=1)
def _question_label() -> re.Pattern[str]:
    """The interviewer's labels at the start of a line or after a sentence."""
    return re.compile(r"(?:^|(?<=[\s.!?/]))(?:" + turn_labels()[0] + r")[ \t]*:")


@lru_cache(maxsize=1)
def _answer_label() -> re.Pattern[str]:
    """The answer's label after its question (the join blanks the colon: "? A: Iran" reads "  a  iran")."""
    return re.compile(r"(?:^|(?<=\s))(?:" + turn_labels()[1] + r")(?:[ \t]*:|\s\s)")


@lru_cache(maxsize=1)
def _question_label_reversed() -> re.Pattern[str] | None:
    """``_question_label`` read backwards from its colon (the labels reversed, ``^`` as ``\\Z``): run on the reversed
    text it opens with a literal colon, so ``re`` skips to the colons in C instead of trying every word start. None
    when a label holds a colon itself (then labels could overlap and the counts differ)."""
    if any(":" in label for label in _labels("question_labels")):
        return None
    labels = "|".join(re.escape(label[::-1]) for label in _labels("question_labels"))
    return re.compile(r":[ \t]*(?:" + labels + r")(?:(?=[\s.!?/])|\Z)")


def question_label_ends(folded: str) -> list[int]:
    """The end (just after the colon) of each question label, in text order: ``_question_label``'s matches, found
    backwards from the colons (see ``_question_label_reversed``)."""
    if ":" not in folded:
        return []
    reversed_label = _question_label_reversed()
    if reversed_label is None:
        return [m.end() for m in _question_label().finditer(folded)]
    size = len(folded)
    return [size - m.start() for m in reversed_label.finditer(folded[::-1])][::-1]


def is_transcript(folded: str) -> bool:
    """Two or more question labels: the text is a question/answer transcript. (Each label ends at a colon and holds
    none, so the labels found backwards are the labels found forwards; 12 -> 1 us per demo text.)"""
    if ":" not in folded:
        return False
    reversed_label = _question_label_reversed()
    labels = (reversed_label.finditer(folded[::-1]) if reversed_label is not None   # stops at the second label
              else _question_label().finditer(folded))
    return next(labels, None) is not None and next(labels, None) is not None


def episodes(folded: str, sentence_starts: tuple[int, ...], onward: re.Pattern[str]) -> tuple[list[int], int]:
    """The episode of each sentence (index = sentence number, as ``Segments.sentence`` counts) and how many episodes
    open with a word of succession. An episode is a question with its answer in a transcript (two or more
    question labels: a question and its answer read as one sentence, the answer's further sentences follow it),
    else a sentence; a sentence that opens with a word of succession ("Daarna ...", "Then ...") carries the
    episode before it on. A question asking what came next ("En daarna?", "And after Poland?") counts as onward."""
    bounds = (0,) + tuple(sentence_starts) + (len(folded),)
    questions = question_label_ends(folded)
    transcript = len(questions) >= 2
    episode_of: list[int] = []
    current, onward_count, pointer = -1, 0, 0
    for index in range(len(bounds) - 1):
        start, end = bounds[index], bounds[index + 1]
        if transcript:
            label = -1
            while pointer < len(questions) and questions[pointer] <= end:
                label, pointer = questions[pointer], pointer + 1
            if label >= 0 or current < 0:
                current += 1
                asked = _AND.match(folded, label).end() if label >= 0 else -1  # type: ignore[union-attr]
                if label >= 0 and (onward.match(folded, asked) or _onward_question().match(folded, asked)):
                    onward_count += 1
        elif current < 0 or not onward.match(folded, start):
            current += 1
        else:
            onward_count += 1
        episode_of.append(current)
    return episode_of, onward_count


# "V: En na Oostenrijk?", "Q: And after Poland?", "Q: What happened next?": a question asking what came next (its
# opening "en"/"and" read over by ``_AND``, below: its words are data)


@lru_cache(maxsize=1)
def _onward_question() -> re.Pattern[str]:
    """A question asking what came next (``onward_question`` in ``order_questions.yaml``), read after its label."""
    return re.compile(r"\W*(?:" + _phrases(_order_words()["onward_question"]) + r")\b")


@lru_cache(maxsize=1)
def neighbours() -> dict[str, frozenset[str]]:
    """Each country's land neighbours (``neighbours.csv``, from GeoNames: ``tools/build_neighbours.py``)."""
    return {row["iso3"]: frozenset(row["neighbours"].split()) for row in read_data_csv("neighbours.csv")}


def has_gap(route: list[str]) -> bool:
    """Whether some country of the route after the first borders at most one of the countries around it while it
    borders two of the route (the cheap test before ``between_neighbours``: most routes have no such country)."""
    return _has_gap(tuple(route))


@lru_cache(maxsize=4096)
def _has_gap(route: tuple[str, ...]) -> bool:
    borders = neighbours()
    ordered = [c for c in route if c != NETHERLANDS] + ([NETHERLANDS] if NETHERLANDS in route else [])
    on_route = set(ordered)
    for index in range(1, len(ordered)):
        around = borders.get(ordered[index])
        following = ordered[index + 1] if index + 1 < len(ordered) else None
        if (around and not (ordered[index - 1] in around and following in around)
                and len(around & on_route) >= 2):
            return True
    return False


def between_neighbours(route: list[str], free: set[str], told: dict[str, int] | None = None) -> list[str]:
    """The last hint, before the order of the text: a country nothing in the text orders ("V: Bent u in Zwitserland
    geweest? A: De trein ging erdoor"), standing where it borders at most one of the countries around it, moves into
    the one gap of the route it fills - between two countries it borders that do not border each other, each ordered
    by the text or told before it (``told``: the position of each country's first mention), so that a country told
    later never pushes aside one told earlier. Switzerland between Italy and Germany. Never the first country, never
    after the Netherlands."""
    borders = neighbours()
    # the Netherlands is read at the end of the route, where the rules put it last
    result = [c for c in route if c != NETHERLANDS] + ([NETHERLANDS] if NETHERLANDS in route else [])
    for country in [c for c in result[1:] if c in free and c != NETHERLANDS]:
        around = borders.get(country)
        if not around:
            continue
        index = result.index(country)
        previous, following = result[index - 1], result[index + 1] if index + 1 < len(result) else None
        if (previous in around) + (following in around) == 2:
            continue
        rest = result[:index] + result[index + 1:]
        gaps = [position for position in range(1, len(rest))
                if rest[position - 1] in around and rest[position] in around
                and rest[position] not in borders.get(rest[position - 1], ())
                and _firmer(rest[position - 1], country, free, told) and _firmer(rest[position], country, free, told)]
        if len(gaps) == 1:
            rest.insert(gaps[0], country)
            result = rest
    result = _pair_between_neighbours(result, free, told, borders)
    if NETHERLANDS in route and route[-1] != NETHERLANDS:
        result.remove(NETHERLANDS)
        result.insert(route.index(NETHERLANDS), NETHERLANDS)
    return result


def _pair_between_neighbours(result: list[str], free: set[str], told: dict[str, int] | None,
                             borders: dict[str, frozenset[str]]) -> list[str]:
    """Two neighbouring countries nothing orders ("Did you stop in Croatia? ... And Slovenia?") that stand where neither
    borders both countries around it move, as a chain, into the one gap of the route they fill: between two countries
    that do not border each other, the first bordering one of them and the second the other (Croatia and Slovenia
    between Bosnia and Italy). Never the first country, never after the Netherlands."""
    candidates = [c for c in result[1:] if c in free and c != NETHERLANDS and borders.get(c)
                  and not _between_its_neighbours(result, c, borders)]
    for a_index, a in enumerate(candidates):
        for b in candidates[a_index + 1:]:
            if b not in borders[a]:
                continue
            rest = [c for c in result if c not in (a, b)]
            gaps = []
            for position in range(1, len(rest)):
                before, after = rest[position - 1], rest[position]
                if after == NETHERLANDS or after in borders.get(before, ()):
                    continue
                for first, second in ((a, b), (b, a)):
                    if (before in borders[first] and after in borders[second]
                            and _firmer(before, first, free, told) and _firmer(after, second, free, told)):
                        gaps.append((position, first, second))
            if len(gaps) == 1:
                position, first, second = gaps[0]
                rest[position:position] = [first, second]
                return rest
    return result


def _between_its_neighbours(route: list[str], country: str, borders: dict[str, frozenset[str]]) -> bool:
    index = route.index(country)
    around = borders[country]
    return route[index - 1] in around and index + 1 < len(route) and route[index + 1] in around


def _firmer(end: str, country: str, free: set[str], told: dict[str, int] | None) -> bool:
    """Whether ``end`` may border the gap ``country`` moves into: ordered by the text, or told before ``country``."""
    if end not in free:
        return True
    return told is not None and told.get(end, 1 << 30) < told.get(country, -1)


@dataclass(frozen=True, slots=True)
class _OrderQuestions:
    before_governs: re.Pattern[str]
    before_anywhere: re.Pattern[str]
    after_governs: re.Pattern[str]
    after_anywhere: re.Pattern[str]
    elliptic_before: frozenset[str]
    elliptic_after: frozenset[str]
    not_order: re.Pattern[str]
    deictic: re.Pattern[str]
    boarding: re.Pattern[str]
    confirmed: re.Pattern[str]
    whole_order: re.Pattern[str]   # "In welke volgorde?": the answer tells the order outright


def _phrases(words: list[str]) -> str:
    """Folded phrases as one alternation; "..." stands for up to four words."""
    parts = [r"\s+".join(r"(?:\S+\s+){0,4}?" if w == "..." else re.escape(w) for w in fold(str(p)).split())
             for p in sorted(words, key=len, reverse=True)]
    return "|".join(part.replace(r"?\s+", "?") for part in parts)


@lru_cache(maxsize=1)
def _order_words() -> dict:
    """``order_questions.yaml`` as written."""
    return yaml.safe_load(data_path("order_questions.yaml").read_text(encoding="utf-8"))


def succession_words(*more: str) -> str:
    """The words of succession (``succession`` in ``order_questions.yaml``) and the lists named in ``more`` (e.g.
    ``succession_joined``), as one regex alternation."""
    data = _order_words()
    return _phrases([word for name in ("succession",) + more for word in data[name]])


# an English "first" after an article or a possessive is a rank ("the first interview"), not a time
_RANK_BEFORE: Final = r"(?<!\bthe )(?<!\ba )(?<!\bhis )(?<!\bher )(?<!\bmy )(?<!\btheir )(?<!\bour )(?<!\bits )"


@lru_cache(maxsize=1)
def first_then() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """The words of an order told outright in one sentence ("eerst in Algerije en pas daarna in Marokko", "first to
    Lebanon and only then to Jordan"; ``first_then_first`` / ``first_then_then`` in ``order_questions.yaml``). An
    English "first" after an article or a possessive is a rank ("the first interview"), not a time; a Dutch "toen"
    before its subject is "when" ("toen hij uit Turkije kwam"), not "then"."""
    data = _order_words()
    when = {fold(str(w)) for w in data["first_then_when"]}
    conjunctions = [p for p in data["first_then_then"] if fold(str(p)).split()[-1] in when]
    adverbs = [p for p in data["first_then_then"] if p not in conjunctions]
    then = (r"\b(?:(?:" + _phrases(adverbs) + r")\b|(?:" + _phrases(conjunctions) + r")\b(?!\s+(?:"
            + _phrases(data["clause_subject"]) + r")\b))")
    return re.compile(_RANK_BEFORE + r"\b(?:" + _phrases(data["first_then_first"]) + r")\b"), re.compile(then)


@lru_cache(maxsize=1)
def _first_word_scan() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """``first_then``'s first pattern in two parts: its words (which start with a few letters, so ``re`` skips to
    them) and its assertions before them (the word boundary and the rank look-behinds, tried only where a word is)."""
    return (re.compile(r"(?:" + _phrases(_order_words()["first_then_first"]) + r")\b"),
            re.compile(r"\b" + _RANK_BEFORE))


def first_word_ends(folded: str) -> list[int]:
    """Where the matches of ``first_then``'s first pattern end, the matches its ``finditer`` gives. That pattern opens
    with eight look-behinds, which ``re`` tries at every position of the text (about 0.2 ms a text that holds
    "eerst" or "first"); here the words are found first and the assertions tried at each word's start. A start the
    assertions refuse is skipped by one character, as the pattern's own scan moves on, so the matches are the same."""
    words, opening = _first_word_scan()
    ends: list[int] = []
    position = 0
    while (match := words.search(folded, position)) is not None:
        start = match.start()
        if opening.match(folded, start) is None:
            position = start + 1
        else:
            ends.append(match.end())
            position = match.end()
    return ends


@lru_cache(maxsize=1)
def from_where() -> re.Pattern[str]:
    """A relative 'from where' right after a place ("Turkije, vanwaar hij ...", "Istanbul, from where"; ``from_where``
    in ``order_questions.yaml``), matched at the place's end."""
    return re.compile(r"\s*(?:,\s*|\s(?:en|and)\s+)?(?:" + _phrases(_order_words()["from_where"]) + r")\b")


@lru_cache(maxsize=1)
def from_where_phrases() -> tuple[str, ...]:
    """The ``from_where`` phrases, folded, their words joined by one space."""
    return tuple(" ".join(fold(str(phrase)).split()) for phrase in _order_words()["from_where"])


@lru_cache(maxsize=1)
def _from_where_guard() -> tuple[tuple[str, ...], tuple[re.Pattern[str], ...]]:
    """The one-word ``from_where`` phrases as substrings, and the longer ones as patterns of their own (one per first
    word, so ``re`` skips to that literal) whose words any whitespace joins, as in ``from_where``."""
    single = tuple(phrase for phrase in from_where_phrases() if " " not in phrase)
    rests: dict[str, list[str]] = {}
    for phrase in from_where_phrases():
        if " " in phrase:
            first, rest = phrase.split(" ", 1)
            rests.setdefault(first, []).append(rest)
    return single, tuple(re.compile(re.escape(first) + r"\s+(?:" + _phrases(rest) + ")")
                         for first, rest in rests.items())


def may_hold_from_where(folded: str) -> bool:
    """Whether a text may hold a ``from_where`` relative: a text that holds none (most) needs no look at its mentions.
    Never false where ``from_where`` matches ("van  waar", "from\\nwhere" included); it may be true where it does
    not."""
    single, longer = _from_where_guard()
    return any(map(folded.__contains__, single)) or any(pattern.search(folded) for pattern in longer)


@lru_cache(maxsize=1)
def _order_questions() -> _OrderQuestions:
    """``order_questions.yaml``, compiled."""
    data = _order_words()
    def governs(words):   # the cue, then at most two words ("the", "de", "het"), then the country
        return re.compile(r"\b(?:" + _phrases(words) + r")\s+(?:\S+\s+){0,2}$")
    def anywhere(words):
        return re.compile(r"\b(?:" + _phrases(words) + r")\b")
    def elliptic(words):
        return frozenset(" ".join(fold(str(w)).split()) for w in words)
    return _OrderQuestions(governs(data["before"]["governs"]), anywhere(data["before"]["anywhere"]),
                           governs(data["after"]["governs"]), anywhere(data["after"]["anywhere"]),
                           elliptic(data["elliptic_before"]), elliptic(data["elliptic_after"]),
                           anywhere(data["not_order"]), anywhere(data["deictic"]), anywhere(data["boarding_question"]),
                           re.compile(r"\W*(?:" + _phrases(data["confirmed"]) + r")\b"), anywhere(data["whole_order"]))


@lru_cache(maxsize=1)
def going_back() -> re.Pattern[str]:
    """A word telling a move back to a place reached before (``going_back`` in ``order_questions.yaml``)."""
    return re.compile(r"\b(?:" + _phrases(_order_words()["going_back"]) + r")\b")


def may_go_back(folded: str) -> bool:
    """False when ``going_back`` cannot match anywhere in ``folded``: none of its phrases' first words is in the text
    (a few substring tests, in C, instead of a regex search per leg)."""
    return any(map(folded.__contains__, _going_back_first_words()))


@lru_cache(maxsize=1)
def _going_back_first_words() -> tuple[str, ...]:
    """The first word of each ``going_back`` phrase, less those holding another of them ("teruggestuurd": "terug");
    a phrase opening with a gap makes every text a candidate (the empty string)."""
    firsts = {(fold(str(phrase)).split() or [""])[0] for phrase in _order_words()["going_back"]}
    if "..." in firsts or "" in firsts:
        return ("",)
    return tuple(sorted(word for word in firsts if not any(other != word and other in word for other in firsts)))


# a word that carries an answer on past the place asked about: "Montenegro. Then Bosnia"
_BEFORE: Final = -1
_AFTER: Final = 1
# "en", "and" (``list_and`` of cues.yaml ``word_lists``, the extractor's list too; read once): a question's opening word
# read over before an onward question ("V: En na Oostenrijk?"), and a question that carries the story on ("En vanuit
# Griekenland?", "And from Greece?") asks what came next
_AND_WORDS: Final = "(?:" + "|".join(re.escape(word) for word in _raw()[0]["word_lists"]["list_and"]) + ")"
_AND: Final = re.compile(r"\W*(?:" + _AND_WORDS + r"\b)?")
_CARRIED_ON: Final = re.compile(r"\W*" + _AND_WORDS + r"\b")


@lru_cache(maxsize=1)
def _onward_in_answer() -> re.Pattern[str]:
    """A word that carries an answer on past the place asked about: "Montenegro. Then Bosnia"."""
    return re.compile(r"\b(?:" + succession_words("succession_in_answer") + r")\b")


def question_legs(folded: str, mentions: list[tuple[int, str, bool]], route: list[str]) -> list[Constraint]:
    """The order a transcript's questions ask for. ``mentions``: (offset, country, told as before something) of the
    travelled mentions in text order; ``route``: the order so far (which of a previous answer's countries is the
    earliest). A question naming one country and asking what came before it ("V: En voor Bosnie?", "Q: Where did you
    enter Bosnia from?", "How did you get to Belarus?") puts each country of its answer before that one - up to a
    word that carries the answer on ("Montenegro. Then ..."); one asking what came after it ("Na Kroatie?", "And after
    Croatia?") puts them after it. A bare "Before?" / "En daarna?" anchors at the countries of the last turn that named
    any (the earliest of them / the latest). A question asking for the whole order ("In welke volgorde?") puts its
    answer's countries in the order told. Questions about going back ("terug", "again") order nothing."""
    labels = question_label_ends(folded)
    if len(labels) < 2:
        return []
    words, answer_label = _order_questions(), _answer_label()
    rank = {country: index for index, country in enumerate(route)}
    constraints: list[Constraint] = []
    previous: list[str] = []   # the countries of the last turn that named any
    cursor = 0
    for index, question_start in enumerate(labels):
        turn_end = labels[index + 1] if index + 1 < len(labels) else len(folded)
        answer = answer_label.search(folded, question_start, turn_end)
        while cursor < len(mentions) and mentions[cursor][0] < question_start:
            cursor += 1
        turn = []
        while cursor < len(mentions) and mentions[cursor][0] < turn_end:
            turn.append(mentions[cursor])
            cursor += 1
        if answer is None:
            if turn:
                previous = list(dict.fromkeys(country for _, country, _ in turn))
            continue
        question = folded[question_start:answer.start()]
        asked = [m for m in turn if m[0] < answer.start()]
        answered = [m for m in turn if m[0] >= answer.end()]
        relation, anchor, weight = 0, None, QUESTION
        asked_countries = {country for _, country, _ in asked}
        if len(asked_countries) > 1 and NETHERLANDS in asked_countries:   # "Hoe kwam u van Duitsland in Nederland?"
            asked = [m for m in asked if m[1] != NETHERLANDS]
            asked_countries.discard(NETHERLANDS)
        if words.not_order.search(question):
            relation = 0
        elif words.whole_order.search(question):
            # "V: In welke volgorde? A: Turkije, Bulgarije, dan ... Oostenrijk": the answer's countries as told, as
            # outright as "eerst ... pas daarna"
            told = list(dict.fromkeys(country for _, country, flashback in answered
                                      if not flashback and country != NETHERLANDS))
            constraints += [Constraint(a, b, FIRST_THEN) for a, b in zip(told, told[1:])]
        elif len(asked_countries) == 1:
            offset, anchor, _ = asked[0]
            lead = folded[question_start:offset]
            if words.before_governs.search(lead) or words.before_anywhere.search(question):
                relation = _BEFORE
            elif (words.after_governs.search(lead) and not _CARRIED_ON.match(question)
                  and words.confirmed.match(folded, answer.end()) and anchor not in previous
                  and (known := [c for c in previous if c in rank and c != NETHERLANDS])):
                # a departure the interviewer proposes for the last answer's place, confirmed ("A: Bij de Evros.
                # V: Vanuit Turkije dus? A: Ja, vanaf Edirne", "A: In Bonaire. Q: From Venezuela? A: Yes"): the
                # proposed country comes before that place
                constraints.append(Constraint(anchor, min(known, key=rank.__getitem__), QUESTION))
            elif words.after_governs.search(lead) or words.after_anywhere.search(question):
                relation = _AFTER
        elif not asked_countries and previous:
            bare = " ".join(re.sub(r"[^\w\s]", " ", question).split())
            pointing = words.deictic.search(question) is not None
            asks_before = (bare in words.elliptic_before or (pointing and words.before_anywhere.search(question))
                           or words.boarding.search(question) is not None)
            asks_after = bare in words.elliptic_after or (pointing and words.after_anywhere.search(question))
            relation = _BEFORE if asks_before else _AFTER if asks_after else 0
            if relation:
                known = [c for c in previous if c in rank]
                if known:
                    anchor = (min if relation == _BEFORE else max)(known, key=rank.__getitem__)
                weight = ELLIPTIC
        if relation and anchor is not None and anchor != NETHERLANDS:
            if relation == _BEFORE:
                onward = _onward_in_answer().search(folded, answered[0][0], turn_end) if answered else None
                stop = onward.start() if onward else turn_end
                # an answer that reaches the asked country itself goes on past it ("Hoe kwam u in Soedan? A: Uit
                # Eritrea. De smokkelaar in Khartoum vroeg geld voor de vrachtwagen naar Libie")
                stop = next((offset for offset, country, _ in answered if country == anchor and offset < stop), stop)
                constraints += [Constraint(country, anchor, weight) for offset, country, _ in answered
                                if offset < stop and country not in (anchor, NETHERLANDS)]
            else:   # after the anchor, one after the other as told; a country reached again keeps its first arrival
                told = [anchor]
                for offset, country, flashback in answered:
                    if (not flashback and country not in told and country != NETHERLANDS
                            and not words.not_order.search(folded, max(0, offset - 12), offset)):
                        told.append(country)
                constraints += [Constraint(anchor, country, weight) for country in told[1:]]
                constraints += [Constraint(a, b, weight) for a, b in zip(told[1:], told[2:])]
        if turn:
            previous = list(dict.fromkeys(country for _, country, _ in turn))
    return constraints
