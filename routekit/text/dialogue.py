"""Question/answer transcripts: the question names the country, the answer says whether it was travelled.

An interview report ("V: Heeft u in Kroatie overnacht? A: Nee, alleen doorgereden." / "Q: And Slovakia?
A: Only the train station.") puts the place in the interviewer's question. Without this layer the rules
ignore every question, so such a country is lost. Here the text is split into turns at the labels of
``question_labels`` and ``answer_labels`` (``cues.yaml``), and each question that names a place is read
with its answer:

- a negative answer ("Nee.", "No, we went via Switzerland") drops the question's places; when the question
  asks about being there at all (``question_presence``: "geweest", "been"), the country is never on the route;
  a negative answer that still tells a passage ("Nee, alleen doorgereden", ``answer_passage``) keeps them, and so
  does "no" to a question about staying there (``question_stay``: "Heeft u in Servie overnacht?", "Did you leave
  the airport in Dubai?"), which presumes the person passed through;
- an answered question about coming to the Netherlands ("Hoe bent u naar Nederland gekomen?") shows the person
  reached it (the labelling convention of the hand-labelled sets: a person in an IND interview is in NL);
- any other answer (yes, "Only the train station", "Met de bus", "From Bulgaria") keeps them, and the
  question and answer are read as one sentence, so "En voor Oostenrijk? A: Hongarije" or "How did you get to
  Serbia? A: From Bulgaria" are ordered by the usual cues;
- an answer to a question about where the journey began (``question_start``: "Waar begon uw reis?") is the
  journey's start, wherever in the transcript it is asked.

Beyond the answer's first word (``document.yaml``, section ``dialogue``): an answer that does not know ("Misschien,
ik weet het niet") to a yes/no question leaves its places out (a question asking where or how presumes them); short
negatives ("Ook niet", "Italy, no."); "daar ben ik nooit geweest" denies the country even after a question about
staying; a question quoting an earlier statement ("In het aanmeldgehoor noemde u Oostenrijk") whose answer takes
it back ("verkeerd verstaan", "I was confused") drops the quoted places; "Lithuania or Poland? - Poland" drops the
alternative not named; "Tripoli in Libie? - Nee, in Libanon" drops that reading of the town's name everywhere; and
turns that speak of being here ("hier", "Europe", "asiel") make the transcript an interview held in the Netherlands
(``interview``: the route ends in NLD).

Only offsets leave this module, never text.
"""

from __future__ import annotations

from typing import Final

import re
from bisect import bisect_left
from dataclasses import dataclass
from functools import lru_cache

from routekit.errors import InputError
from routekit.text.gazetteer import data_path
from routekit.text.normalise import fold
from routekit.text.wordstart import word_start_first


@dataclass(frozen=True)
class DialogueReading:
    """What the turns say about the place mentions (by their start offsets in the folded text)."""

    kept: frozenset[int]          # question mentions that count as travelled
    dropped: frozenset[int]       # question mentions denied by the answer
    never: frozenset[str]         # countries a presence question was answered 'no' for
    starts: frozenset[int]        # answer mentions that are the journey's start
    joins: tuple[int, ...]        # offsets of the '?' / label colons to blank, joining a question to its answer
    turns: int = 0                # question/answer pairs found (a transcript: a confidence feature)

    interview: bool = False       # turns that speak of being here: an interview held in the Netherlands
    reached: frozenset[str] = frozenset()   # countries asked as reached, answered with a when or a how (told)


EMPTY: Final = DialogueReading(frozenset(), frozenset(), frozenset(), frozenset(), ())


def _words(patterns) -> str:
    cleaned = sorted({fold(str(p)).strip() for p in patterns or () if str(p).strip()}, key=len, reverse=True)
    parts = []
    for pattern in cleaned:
        pieces = []
        for piece in pattern.split():
            if piece == "...":
                pieces.append(r"(?:\s+[^\s.,;:!?()]+){0,4}?")
            else:
                if pieces:
                    pieces.append(r"\s+")
                pieces.append(re.escape(piece.rstrip("*")) + (r"[\w']*" if piece.endswith("*") else ""))
        parts.append("".join(pieces))
    return "|".join(parts)


@dataclass(frozen=True)
class _Lexicon:
    label: re.Pattern[str]          # a question or answer label and its colon
    question_labels: frozenset[str]
    negative: re.Pattern[str] | None
    passage: re.Pattern[str] | None
    presence: re.Pattern[str] | None
    start: re.Pattern[str] | None
    stay: re.Pattern[str] | None = None
    negative_end: re.Pattern[str] | None = None   # "I thought about it, but no."
    extra: _Turns | None = None                   # the lists of ``document.yaml`` (``dialogue``)
    label_words: frozenset[str] | None = None     # the labels, when each is one word (found from the colons)
    residence: re.Pattern[str] | None = None      # "Where did you live before you came here?"
    left: re.Pattern[str] | None = None           # "How did you leave Russia?", "Did you travel ... directly from X?"
    intention: re.Pattern[str] | None = None      # cues.yaml ``intention``: "tried", "geprobeerd", "wanted to"
    worked: re.Pattern[str] | None = None         # "de zevende keer", "the last time": the attempt that worked
    reached: re.Pattern[str] | None = None        # cues.yaml ``question_reached``: "When did you reach Italy?"
    when_how: re.Pattern[str] | None = None       # an answer telling when or how (``answer_when_how``, a vehicle)
    attempt: re.Pattern[str] | None = None        # cues.yaml word_lists ``attempt_verbs``: "tried", "geprobeerd"
    success: re.Pattern[str] | None = None        # ``attempt_success`` and ``reached``: "got in", "kwamen er in"


@dataclass(frozen=True)
class _Turns:
    """What a turn says beyond the start of its answer (``document.yaml``, section ``dialogue``)."""

    question_words: frozenset[str]
    lead_words: frozenset[str]          # "En", "And", "Dus": skipped before the question's first word
    elliptic_words: int
    uncertain: re.Pattern[str]
    negative: re.Pattern[str]           # anchored at the answer's start
    negative_after_comma: re.Pattern[str]
    never_there: re.Pattern[str]
    earlier: re.Pattern[str]
    rejected: re.Pattern[str]
    alternatives: re.Pattern[str]
    procedure: re.Pattern[str]
    here: re.Pattern[str]
    interview_turns: int
    record_turns: int                 # a transcript this long is an interview record held in NL
    affirmative: re.Pattern[str]      # anchored at the answer's start
    affirmed_later: re.Pattern[str] | None = None   # "ja, toch door Roemenie": an affirming word a few words before
    leg_question: re.Pattern[str] | None = None   # a start question about one leg ("Waar begon die autorit?")
    leg_elliptic: frozenset[str] = frozenset()    # "Vanwaar?", "From where?": asks where the leg before came from
    conditional: re.Pattern[str] | None = None    # a counterfactual question: a conditional word ...
    counterfactual: re.Pattern[str] | None = None  # ... and a counterfactual one ("Als ..., waar was u dan heen gegaan?")
    presence_told: re.Pattern[str] | None = None  # "Only the station", "Once": an answer telling a stay by a word


def _turn_lists() -> _Turns:
    from routekit.text.document import cues, words_regex

    lists = cues().get("dialogue") or {}

    def words(key: str) -> frozenset[str]:
        return frozenset(fold(str(w)) for w in lists.get(key) or ())

    negatives = "|".join(sorted((str(p) for p in lists.get("negative") or ()), key=len, reverse=True))
    after_comma = "|".join(str(p) for p in lists.get("negative_after_comma") or ())
    return _Turns(
        question_words=words("question_words"),
        lead_words=frozenset({"en", "and", "dus", "so", "maar", "but", "then", "toen", "of", "or"}),
        elliptic_words=int(lists.get("elliptic_words", 4)),
        uncertain=words_regex(lists.get("uncertain") or ["(?!)"]),
        negative=re.compile(r"^\W*(?:" + (negatives or "(?!)") + r")(?![\w'])"),
        negative_after_comma=re.compile(r"^\W*[^,.;:!?]{1,40},\s*(?:" + (after_comma or "(?!)") + r")(?![\w'])"),
        never_there=words_regex(lists.get("never_there") or ["(?!)"]),
        earlier=words_regex(lists.get("earlier") or ["(?!)"]),
        rejected=words_regex(lists.get("rejected") or ["(?!)"]),
        alternatives=words_regex(lists.get("alternatives") or ["(?!)"]),
        procedure=words_regex(lists.get("procedure") or ["(?!)"]),
        here=words_regex(lists.get("here") or ["(?!)"]),
        interview_turns=int(lists.get("interview_turns", 2)),
        record_turns=int(lists.get("record_turns", 3)),
        affirmative=re.compile(r"^\W*(?:" + "|".join(sorted((fold(str(p)) for p in lists.get("affirmative") or ["(?!)"]),
                                                                key=len, reverse=True)) + r")(?![\w'])"),
        # the affirming word, then at most three words (no sentence mark, no negation: "Yes, Italy, not Spain") up to
        # the country
        affirmed_later=re.compile(r"(?<![\w'])(?:" + "|".join(re.escape(fold(str(w))) for w in lists.get("affirmed_later") or ["(?!)"])
                                  + r")(?![\w'])[^.!?]{0,3}(?:(?!(?:" + "|".join(
                                      re.escape(fold(str(w))) for w in cues()["negation_words"]["not"] + cues()["negation_words"]["no"])
                                  + r")(?![\w']))[\w'-]+[^\w.!?]{1,3}){0,3}$"),
        leg_question=re.compile(r"(?<![\w'])(?:" + "|".join(str(p) for p in lists.get("leg_question") or ["(?!)"])
                                + r")(?![\w'])"),
        leg_elliptic=frozenset(" ".join(fold(str(p)).split()) for p in lists.get("leg_elliptic") or ()),
        conditional=re.compile(r"(?<![\w'])(?:" + _words((lists.get("counterfactual_question") or {}).get("conditional")
                                                         or ["(?!)"]) + r")(?![\w'])"),
        counterfactual=re.compile(r"(?<![\w'])(?:" + _words((lists.get("counterfactual_question") or {}).get(
            "counterfactual") or ["(?!)"]) + r")(?![\w'])"),
        presence_told=words_regex(lists.get("presence_told") or ["(?!)"]),
    )


_GAP: Final = r"(?:\s+[^\s.,;:!?()]+){0,4}?"   # '...' in a pattern: up to four words


def _arrival_question(section: dict) -> str:
    """The ``question_arrival`` templates of cues.yaml as one alternation: each language's wordings with {way} one of
    its ways and {vehicle} any one-word vehicle of modes.yaml (all modes but foot), so a question about arriving by
    any vehicle reads as one about staying ("Bent u met de taxi in Bosnie aangekomen?", "Did you arrive by car?")."""
    from routekit.text.vocabulary import _raw

    modes = _raw()[1].get("modes") or {}
    vehicles = sorted({fold(str(word)) for mode, languages in modes.items() if mode != "foot"
                       for words in (languages or {}).values() for word in words or ()
                       if re.fullmatch(r"[^\W\d_]+(?:'s)?", str(word))}, key=len, reverse=True)
    ways = section.get("ways") or {}
    vehicle = r"(?:" + "|".join(map(re.escape, vehicles)) + r")" if vehicles else "(?!)"
    parts = []
    for language in ("nl", "en"):
        way = r"(?:" + "|".join(r"\s+".join(map(re.escape, fold(str(w)).split()))
                                for w in sorted(ways.get(language) or (), key=len, reverse=True)) + r")"
        for template in section.get(language) or ():
            pieces = []
            for piece in fold(str(template)).split():
                if piece == "...":
                    pieces.append(_GAP)
                    continue
                if pieces:
                    pieces.append(r"\s+")
                pieces.append(way if piece == "{way}" else vehicle if piece == "{vehicle}" else re.escape(piece))
            parts.append("".join(pieces))
    return "|".join(parts)


@lru_cache(maxsize=1)
def _lexicon() -> _Lexicon:
    from routekit.text.vocabulary import _raw, _select

    cues = _raw()[0]

    def listed(name: str) -> list[str]:
        return [fold(str(p)) for p in _select(cues.get(name), "both")]

    from routekit.text.document import cues as document_cues

    more = document_cues().get("dialogue") or {}

    def compiled(name: str, anchored: bool = False, built: str = "") -> re.Pattern[str] | None:
        # the turn lists of cues.yaml, with the document layer's additions under the same name (document.yaml)
        alternatives = "|".join(filter(None, (_words(listed(name) + [fold(str(p)) for p in more.get(name) or ()]),
                                              built)))
        if not alternatives:
            return None
        prefix = r"^\W*(?:" if anchored else r"(?<![\w'])(?:"
        return word_start_first(re.compile(prefix + alternatives + r")(?![\w'])"))

    questions, answers = listed("question_labels"), listed("answer_labels")
    labels = _words(questions + answers)
    return _Lexicon(
        label=re.compile(r"(?:^|(?<=[\s.!?]))(" + labels + r")[ \t]*:"),
        label_words=None if any(not w.isalnum() for w in questions + answers) else frozenset(questions + answers),
        question_labels=frozenset(questions),
        negative=compiled("answer_negative", anchored=True),
        passage=compiled("answer_passage"),
        presence=compiled("question_presence"),
        start=compiled("question_start"),
        stay=compiled("question_stay", built=_arrival_question(cues.get("question_arrival") or {})),
        negative_end=_ending(listed("answer_negative_end")),
        extra=_turn_lists(),
        residence=compiled("question_residence"),
        left=compiled("question_left"),
        intention=compiled("intention"),
        worked=_attempt_that_worked(cues.get("word_lists") or {}),
        reached=compiled("question_reached"),
        when_how=_when_how(listed("answer_when_how")),
        attempt=_listed_words(cues.get("word_lists") or {}, "attempt_verbs"),
        success=_listed_words(cues.get("word_lists") or {}, "attempt_success", "reached"),
    )


def _when_how(words: list[str]) -> re.Pattern[str]:
    """An answer that tells when or how: a digit ("In May 2021", "3-5-2019"), a word of cues.yaml
    ``answer_when_how`` (a month, "walking") or a one-word vehicle of modes.yaml ("By train", "met de bus")."""
    from routekit.text.vocabulary import _raw

    modes = _raw()[1].get("modes") or {}
    vehicles = [fold(str(word)) for languages in modes.values() for words_ in (languages or {}).values()
                for word in words_ or () if re.fullmatch(r"[^\W\d_]+", fold(str(word)))]
    alternatives = _words(words + vehicles)
    return re.compile(r"\d|(?<![\w'])(?:" + (alternatives or "(?!)") + r")(?![\w'])")


def record_turns() -> int | None:
    """The question turns that make a transcript an interview record (``document.yaml`` ``dialogue.record_turns``;
    None without the dialogue lists)."""
    turns = _lexicon().extra
    return turns.record_turns if turns is not None else None


def _listed_words(lists: dict, *keys: str) -> re.Pattern[str] | None:
    """The words of the ``word_lists`` under ``keys`` as one pattern of whole words (None when there are none)."""
    alternatives = _words([w for key in keys for w in lists.get(key) or ()])
    return re.compile(r"(?<![\w'])(?:" + alternatives + r")(?![\w'])") if alternatives else None


def _attempt_that_worked(lists: dict) -> re.Pattern[str] | None:
    """An attempt counted as the one that worked ("De zevende keer lukte het", "the last time"; ``word_lists``
    ``attempt_determiners``, ``attempt_ordinals``, ``attempt_nouns``, the lists of the rule for 'bij de tweede
    poging')."""
    def words(key: str) -> str:
        return "|".join(re.escape(fold(str(w))) for w in lists.get(key) or ()) or "(?!)"
    return re.compile(r"(?<![\w'])(?:" + words("attempt_determiners") + r")\s+(?:" + words("attempt_ordinals")
                      + r"|\d+(?:e|de|ste|st|nd|rd|th))\s+(?:" + words("attempt_nouns") + r")(?![\w'])")


def _asked_words(question_text: str, turns: _Turns) -> list[str]:
    """The words of the sentence a question ends with, without its lead words ("En", "And"); [] when no question."""
    end = question_text.rfind("?")
    if end < 0:
        return []
    sentence = re.split(r"[.!?;:]", question_text[:end])[-1].split()
    while sentence and sentence[0] in turns.lead_words:
        sentence = sentence[1:]
    return sentence


def _yes_no(question_text: str, turns: _Turns) -> bool:
    """Whether a question asks yes or no ("Bent u in Belgie geweest?", "And Slovakia?"), not where or how."""
    sentence = _asked_words(question_text, turns)
    if not sentence:
        return False
    return len(sentence) <= turns.elliptic_words and sentence[0] not in turns.question_words or (
        sentence[0] not in turns.question_words)


@dataclass(frozen=True)
class _Negations:
    """Patterns built from ``document.yaml`` ``negation_words`` (the one list of the document layer)."""

    not_words: tuple[str, ...]          # "niet", "not", "never", "nooit"
    self_doubt: re.Pattern[str]         # "In Kosice? No, ...": a question the speaker asks and answers 'no'
    not_after: re.Pattern[str]          # "Montenegro niet"
    not_before: re.Pattern[str]         # "niet Italie"
    retraction: re.Pattern[str]         # "... nee,", "- no": the speaker takes back what they began to say


@lru_cache(maxsize=1)
def _negations() -> _Negations:
    from routekit.text.document import cues

    words = cues()["negation_words"]
    nots = tuple(fold(str(word)) for word in words["not"])
    nos = tuple(fold(str(word)) for word in words["no"])
    return _Negations(
        not_words=nots,
        self_doubt=re.compile(r"[^.!?]{1,60}\?\s*(?=(?:" + "|".join(nos) + r")(?![\w']))"),
        not_after=re.compile(r"[\w'-]*[ ,]{1,3}(?:" + "|".join(nots + nos) + r")(?![\w'])"),
        not_before=re.compile(r"(?<![\w'])(?:" + "|".join(nots) + r")[ ,]{1,3}$"),
        retraction=re.compile(r"(?:\.\.\.|…|\s[-–—])\s*(?:" + "|".join(nos) + r")(?![\w'])"),
    )


def _negated(folded: str, start: int) -> bool:
    """'Montenegro niet', 'not Montenegro': the answer names the country to deny it."""
    negations = _negations()
    return bool(negations.not_after.match(folded, start, start + 40)
                or negations.not_before.search(folded, max(0, start - 8), start))


def _asks_a_leg(question_text: str, turns: _Turns | None) -> bool:
    """'Waar begon die autorit?', 'Where did the flight leave from?', 'Vanwaar?': a question about where one leg began,
    not the journey (its answer is that leg's start, which the usual cues order)."""
    if turns is None:
        return False
    mark = question_text.rfind("?")
    asked = re.split(r"[.!?;:]", question_text[:mark])[-1] if mark >= 0 else question_text
    if turns.leg_question is not None and turns.leg_question.search(asked):
        return True
    return " ".join(_asked_words(question_text, turns)) in turns.leg_elliptic


def _elliptic(question_text: str, turns: _Turns) -> bool:
    """'En Montenegro?', 'Libya?': a question that asks only whether the person was there."""
    sentence = _asked_words(question_text, turns)
    return 0 < len(sentence) <= 2 and sentence[0] not in turns.question_words


def _first_sentences(text: str, count: int) -> str:
    parts = re.split(r"(?<=[.!?])\s", text.strip(), maxsplit=count)
    return " ".join(parts[:count])


def _ending(patterns: list[str]) -> re.Pattern[str] | None:
    """A pattern that matches when the answer's first sentence ends with one of ``patterns``."""
    alternatives = _words(patterns)
    return re.compile(r"(?<![\w'])(?:" + alternatives + r")\W*(?:$|[.!?])") if alternatives else None


class _Label:
    """A turn label found at a colon ("V:", "answer :"), with the methods of the ``re.Match`` it stands for."""

    __slots__ = ("_start", "_end", "_word")

    def __init__(self, start: int, end: int, word: str) -> None:
        self._start, self._end, self._word = start, end, word

    def start(self) -> int:
        return self._start

    def end(self) -> int:
        return self._end

    def group(self, _index: int = 1) -> str:
        return self._word


def _labels(folded: str, lexicon: _Lexicon) -> list:
    """The turn labels (what ``lexicon.label`` matches), found from the colons: a text has few colons, so one regex
    on the reversed text, which starts with a colon and so jumps from colon to colon in C, reads a label word before
    each (instead of the label regex tried at every position, or a Python loop per colon and character). Labels of
    several words use the label regex."""
    words = lexicon.label_words
    if words is None:
        return list(lexicon.label.finditer(folded))
    size = len(folded)
    found = [_Label(size - match.end(1), size - match.start(), match.group(1)[::-1])
             for match in _label_reversed(words).finditer(folded[::-1])]
    found.reverse()
    return found


@lru_cache(maxsize=4)
def _label_reversed(words: frozenset[str]) -> re.Pattern[str]:
    """Reversed: a colon, spaces or tabs, a label word (possessive: the spaces are never given back), and before it the
    text's start, a white-space character or a sentence mark - so the word is the whole word before the colon. Only
    the labels match: no match, group and look-up for every other colon ("Datum:", "Naam:" in a record's header)."""
    alternatives = "|".join(re.escape(word[::-1]) for word in sorted(words, key=len, reverse=True))
    return re.compile(r":[ \t]*+(" + alternatives + r")(?=[ \t\n\r\f\v.!?]|\Z)")


def read_dialogue(folded: str, mention_starts: list[int], mention_countries: list[str],
                  mention_kinds: list[str] | None = None) -> DialogueReading:
    """The turns of a transcript and what they say about the mentions; ``EMPTY`` for a text without turns.
    ``mention_kinds`` (the gazetteer's place kinds): a 'no' to being in a town, an enclave or an airport ("Bent u in
    Melilla geweest? A: Nee, wij kwamen nooit over het hek") denies that place, not its whole country."""
    if ":" not in folded or not mention_starts:
        return EMPTY
    lexicon = _lexicon()
    labels = _labels(folded, lexicon)
    if len(labels) < 2:
        return EMPTY
    kept: set[int] = set()
    dropped: set[int] = set()
    never: set[str] = set()
    starts: set[int] = set()
    joins: list[int] = []
    answers: list[tuple[int, int]] = []
    turns = 0
    bounds = [m.start() for m in labels] + [len(folded)]
    answered: frozenset[str] | None = None   # the countries the answers tell, found when a question states a premise
    lived: str | None = None   # the country of the first answer to a residence question
    reached: set[str] = set()   # the countries asked as reached and answered with a when or a how
    for index in range(len(labels) - 1):
        question, answer = labels[index], labels[index + 1]
        if question.group(1) not in lexicon.question_labels or answer.group(1) in lexicon.question_labels:
            continue
        turns += 1
        q_start, q_end = question.end(), answer.start()
        a_start, a_end = answer.end(), bounds[index + 2]
        answers.append((a_start, a_end))
        asked = list(range(bisect_left(mention_starts, q_start), bisect_left(mention_starts, q_end)))
        told = list(range(bisect_left(mention_starts, a_start), bisect_left(mention_starts, a_end)))
        question_text, answer_text = folded[q_start:q_end], folded[a_start:a_end]
        if lexicon.residence is not None and lived is None and told and lexicon.residence.search(question_text):
            lived = mention_countries[told[0]]
        elif lived is not None and asked and lexicon.left is not None and lexicon.left.search(question_text):
            # "Where did you live before you came here? A: In Tbilisi, Georgia. ... Q: How did you leave Russia?", "Did
            # you travel to Georgia directly from Nigeria?": the country asked as left, other than the one lived in, is
            # where the journey began
            left = next((i for i in asked if mention_countries[i] not in (lived, "NLD")), None)
            if left is not None:   # told as left whatever the answer says of the way ("Directly? - No. First ...")
                starts.add(mention_starts[left])
                kept.add(mention_starts[left])
                asked = [i for i in asked if i != left]
        # "Uit Eurodac blijkt dat u in Oostenrijk bent geregistreerd. ...", "Your boarding pass shows DXB-AMS. Where
        # did you board?": a statement of the interviewer's about a country another answer tells; that answer places it
        premise = [i for i in asked if mention_countries[i] != "NLD"] if asked else asked
        if premise:
            asking = _asking_from(folded, q_start, q_end)
            premise = [i for i in premise if mention_starts[i] < asking]
        if premise:
            if answered is None:
                answered = _answered_countries(folded, labels, bounds, lexicon, mention_starts, mention_countries)
            premise = [i for i in premise if mention_countries[i] in answered]
        if premise:
            dropped.update(mention_starts[i] for i in premise)
            asked = [i for i in asked if i not in premise]
            if never and lexicon.extra is not None and lexicon.extra.affirmative.search(answer_text):
                never.difference_update(mention_countries[i] for i in told + premise)   # "Okay - yes, I was there"
        extra = lexicon.extra
        if extra is not None and extra.conditional is not None and _counterfactual(question_text, extra):
            # "Als Italie u niet had geregistreerd, waar was u dan heen gegaan? A: Naar Portugal": what would have been
            dropped.update(mention_starts[i] for i in asked + told)
            continue
        if lexicon.start is not None and told and lexicon.start.search(question_text) and not _asks_a_leg(
                question_text, lexicon.extra):
            starts.add(mention_starts[told[0]])
        if not asked:
            if told:   # "V: En daarvoor? A: Frankrijk.": the question's cues order the answer's countries
                _join_turn(folded, q_start, q_end, answer, joins)
            continue
        extra = lexicon.extra
        opening = _first_sentences(answer_text, 2)
        if extra is not None:
            # "In uw eerste gehoor noemde u Oostenrijk. A: Dat heeft de tolk verkeerd verstaan": the earlier version
            if extra.earlier.search(question_text) and extra.rejected.search(opening):
                dropped.update(mention_starts[i] for i in asked)
                continue
            # "Heeft u in Bulgarije geslapen? A: Nee, daar ben ik nooit geweest": never there, whatever was asked
            never_match = extra.never_there.search(opening)
            asked_countries = {mention_countries[i] for i in asked}
            before = [i for i in told if mention_starts[i] < a_start + never_match.start()] if never_match else []
            # "My uncle lives in Tripoli, but I have not been there": 'there' is the asked country, not another one
            named_after = never_match is not None and any(   # "I have never been to Lebanon": another country
                0 <= mention_starts[i] - (a_start + never_match.end()) <= 25
                # in the same sentence ("Nooit geweest. Ik ging van Servie naar Kroatie" tells where it went instead)
                and not _SENTENCE_MARK.search(folded, a_start + never_match.end(), mention_starts[i]) for i in told)
            if never_match is not None and not named_after and all(mention_countries[i] in asked_countries
                                                                   for i in before):
                dropped.update(mention_starts[i] for i in asked + before)
                _deny(asked, folded, mention_starts, mention_countries, mention_kinds, never, dropped)
                continue
            yes_no = _yes_no(question_text, extra)
            told_countries = {mention_countries[i] for i in told}
            # "Did you enter Lithuania or Poland? A: Poland.": the alternative not named is not travelled
            if (yes_no and len(asked_countries) > 1 and told_countries & asked_countries
                    and extra.alternatives.search(question_text)
                    and _order_alternatives().search(question_text) is None):   # "Eerst Libie of eerst Egypte?"
                others = [i for i in asked if mention_countries[i] not in told_countries]
                dropped.update(mention_starts[i] for i in others)
                # "You said you were in Libya. ... Tripoli in Libya or Tripoli in Lebanon? A: Lebanon": the one not
                # chosen is not travelled, wherever the transcript named it
                never.update(mention_countries[i] for i in others)
                asked = [i for i in asked if mention_countries[i] in told_countries]
            # "Bent u in Duitsland geweest? A: Misschien, ik weet het niet": not known to be travelled
            if (yes_no and not (asked_countries & told_countries) and extra.uncertain.search(opening.split(".", 1)[0])
                    and not re.match(r"\W*(?:ja|yes|jawel|yeah)(?![\w'])", answer_text)):
                dropped.update(mention_starts[i] for i in asked)
                continue
            # "Q: Did you go to Latvia? A: We tried four times, they pushed us back.", "V: Bulgarije? A: Vijf keer
            # geprobeerd": only attempts, the country was not reached (unless one worked: "De zesde keer lukte het",
            # "Q: Did you ever get in? A: Yes")
            if yes_no and len(asked_countries) == 1 and _only_attempts(folded, answer_text, a_start, told, mention_starts,
                                                                      lexicon, labels, index):
                dropped.update(mention_starts[i] for i in asked)
                continue
        doubt = _negations().self_doubt.match(answer_text)
        if doubt is not None:   # "A: Alleen tot Oujda? Nee, nooit": the answer is what follows the speaker's doubt
            answer_text = answer_text[doubt.end():]
        negative: re.Match[str] | bool | None = (lexicon.negative is not None and lexicon.negative.search(answer_text)) or (
            lexicon.negative_end is not None and lexicon.negative_end.search(answer_text.split(".", 1)[0] + ".")) or (
            extra is not None and (extra.negative.search(answer_text) or extra.negative_after_comma.search(answer_text)))
        if not negative and extra is not None and extra.affirmative.search(answer_text):
            # "Was u in Egypte? A: Ja, we landden eerst in... nee, dat was een andere reis van mijn vader. Ik niet.": a
            # 'yes' the speaker takes back after a break, naming no place after it, is a 'no'
            retraction = _negations().retraction.search(answer_text)
            negative = retraction is not None and not any(mention_starts[i] >= a_start + retraction.end() for i in told)
        # "Heeft u in Servie overnacht? Nee": a question about staying presumes the person passed through (searched
        # only after a 'no': the stay pattern is long and most answers are no 'no')
        if negative and not ((lexicon.passage is not None and lexicon.passage.search(answer_text)) or (
                lexicon.stay is not None and lexicon.stay.search(question_text))):
            dropped.update(mention_starts[i] for i in asked)
            asked_countries = {mention_countries[i] for i in asked}
            if (lexicon.presence is not None and lexicon.presence.search(question_text)) or (
                    # "En Montenegro? A: Nee, wacht, Montenegro niet.": the answer takes the country back itself; "Q:
                    # Have you been to Greece? A: No. Q: Hungary? A: No.": a bare 'no' to a country asked alone
                    extra is not None and _elliptic(question_text, extra)
                    and (not told or any(mention_countries[i] in asked_countries and _negated(folded, mention_starts[i])
                                         for i in told)
                         # "V: Libie niet? A: Nee, Libie was te gevaarlijk": 'no' to a question asking whether not
                         or any(word in _negations().not_words for word in _asked_words(question_text, extra)))):
                _deny(asked, folded, mention_starts, mention_countries, mention_kinds, never, dropped)
            elif extra is not None and (town := _town_in_country(folded, q_end, asked, mention_starts, mention_countries,
                                                                   mention_kinds, extra)) >= 0:
                # "Tripoli in Libie? A: Nee, in Libanon": the name meant another town; that reading goes everywhere
                _deny([town], folded, mention_starts, mention_countries, mention_kinds, never, dropped)
            continue
        if (not negative and not told and extra is not None and lexicon.presence is not None
                and lexicon.presence.search(question_text) and _yes_no(question_text, extra)
                and _unconfirmed(_first_sentences(answer_text, 2), lexicon, extra)):
            # "Bent u in Oostenrijk geweest? A: Dat heeft de smokkelaar geregeld": neither yes nor no, nothing of a stay
            dropped.update(mention_starts[i] for i in asked)
            continue
        if extra is not None and never and extra.affirmative.search(answer_text):
            # "Have you been to Italy? A: No. ... A: Okay - yes, I was in Italy": the later answer corrects
            never.difference_update(mention_countries[i] for i in told + asked)
        kept.update(mention_starts[i] for i in asked)
        if lexicon.reached is not None and lexicon.when_how is not None and lexicon.reached.search(question_text) \
                and lexicon.when_how.search(_first_sentences(answer_text, 1)):
            # "Q: When did you reach Italy? A: In May 2021.": the record tells the country reached (a told country)
            reached.update(mention_countries[i] for i in asked if mention_countries[i] != "NLD")
        _join_turn(folded, q_start, q_end, answer, joins)
        if _contradiction().match(answer_text):
            # "U bent dus niet in Frankrijk geweest? A: Jawel.": the answer contradicts the question's negation, which
            # then denies nothing: its words are blanked like the turn's marks
            joins.extend(offset for word in _not_word().finditer(folded, q_start, q_end)
                         for offset in range(*word.span()))
    if not turns:
        return EMPTY
    # "A: Ja, dan Griekenland, niet Italie, sorry", "A: Niet Duitsland, ik kwam uit Frankrijk": an answer that names a
    # country right after a negation takes it back, also from earlier answers
    not_before = _negations().not_before
    for a_start, a_end in answers if any(word + " " in folded for word in _negations().not_words) else ():
        for index in range(bisect_left(mention_starts, a_start), bisect_left(mention_starts, a_end)):
            start = mention_starts[index]
            if not_before.search(folded, max(a_start, start - 8), start):
                never.add(mention_countries[index])
    extra = lexicon.extra
    if never and extra is not None:
        # "V: Door Roemenie? A: Nee. ... A: Met een busje naar Roemenie... ja, toch door Roemenie": a later answer that
        # affirms the country right before naming it corrects the earlier 'no'
        for a_start, a_end in answers:
            for index in range(bisect_left(mention_starts, a_start), bisect_left(mention_starts, a_end)):
                start = mention_starts[index]
                if mention_countries[index] in never and extra.affirmed_later.search(  # type: ignore[union-attr]
                        folded, max(a_start, start - 25), start):
                    never.discard(mention_countries[index])
    interview = extra is not None and (turns >= extra.record_turns or turns >= extra.interview_turns and (
        extra.procedure.search(folded) is not None or any(extra.here.search(folded, a, b) for a, b in answers)))
    return DialogueReading(frozenset(kept), frozenset(dropped), frozenset(never), frozenset(starts), tuple(joins),
                           turns, interview, frozenset(reached - never))


_SENTENCE_MARK: Final = re.compile(r"[.!?]")


def _unconfirmed(answer: str, lexicon: _Lexicon, turns: _Turns) -> bool:
    """Whether an answer (the caller passes its first two sentences) to a presence question that names no place leaves
    the country unconfirmed: it does not agree
    and tells nothing of being there - no digit, when or way (``answer_when_how``, a vehicle), stretch of time, 'there'
    (order_questions.yaml ``deictic``), negation, doubt, attempt or arrival (``attempt_verbs``, ``attempt_success``,
    ``reached``) or ``presence_told`` word ("Only the station", "Once")."""
    if not answer.strip(" .") or turns.affirmative.search(answer):
        return False
    if lexicon.when_how is not None and lexicon.when_how.search(answer):
        return False
    if _told_stay().search(answer) or _not_word().search(answer) or turns.uncertain.search(answer):
        return False
    # "We tried to cross at night. We got in.": an attempt or an arrival told (the attempt rule reads those)
    if any(pattern is not None and pattern.search(answer) for pattern in (lexicon.attempt, lexicon.success)):
        return False
    return not (turns.presence_told is not None and turns.presence_told.search(answer))


@lru_cache(maxsize=1)
def _told_stay() -> re.Pattern[str]:
    """A stretch of time (cues.yaml ``time_units``), a word pointing back at the place (order_questions.yaml
    ``deictic``) or a 'no' word (``negation_words``) anywhere in an answer."""
    from routekit.text.document import cues
    from routekit.text.timeline import _order_words
    from routekit.text.vocabulary import _raw

    words = [fold(str(w)) for w in (_raw()[0].get("word_lists") or {}).get("time_units") or ()]
    words += [fold(str(w)) for w in _order_words().get("deictic") or () if "..." not in str(w)]
    words += [fold(str(w)) for w in cues()["negation_words"]["no"]]
    return re.compile(r"(?<![\w'])(?:" + "|".join(sorted(map(re.escape, words), key=len, reverse=True)) + r")(?![\w'])")


def _only_attempts(folded: str, answer_text: str, a_start: int, told: list[int], mention_starts: list[int],
                   lexicon: _Lexicon, labels: list, index: int) -> bool:
    """Whether an answer tells only attempts at the country asked: its first sentence holds an attempt verb ("We tried
    four times", "Vijf keer geprobeerd"; not a mere wish, "wanted to") and names no place, it does not open agreeing,
    no attempt in it worked ("De zesde keer lukte het") and nowhere in it or in the next answer does the person get in
    ("We got in", "Uiteindelijk kwamen we er in", "Did you ever get in? A: Yes")."""
    extra = lexicon.extra
    if lexicon.attempt is None or extra is None or extra.affirmative.search(answer_text):
        return False
    first = _SENTENCE_MARK.search(answer_text)
    first_end = first.end() if first else len(answer_text)
    if lexicon.attempt.search(answer_text, 0, first_end) is None:
        return False
    if any(mention_starts[i] < a_start + first_end for i in told):
        return False
    if lexicon.worked is not None and lexicon.worked.search(answer_text):
        return False
    if lexicon.success is not None and lexicon.success.search(answer_text):
        return False
    if index + 3 < len(labels) and labels[index + 2].group(1) in lexicon.question_labels:
        end = labels[index + 4].start() if index + 4 < len(labels) else len(folded)
        following = folded[labels[index + 3].end():end]
        if extra.affirmative.search(following[:40]) or (lexicon.success is not None
                                                         and lexicon.success.search(following)):
            return False
    return True


def _counterfactual(question: str, extra: _Turns) -> bool:
    """A question about what would have happened: a conditional word and a counterfactual phrase that is not around
    it ("Als ..., waar was u dan heen gegaan?"; not "Had u als minderjarige alleen gereisd?")."""
    conditions = [m.start() for m in extra.conditional.finditer(question)]  # type: ignore[union-attr]
    return bool(conditions) and any(not all(m.start() <= c < m.end() for c in conditions)
                                    for m in extra.counterfactual.finditer(question))  # type: ignore[union-attr]


# places inside a country: denying one of them leaves the rest of the country ("nooit in Melilla geweest", "I was
# not in Calais" while the record travels through Spain or France)
_PLACES_INSIDE: Final = frozenset({"city", "enclave", "airport", "camp", "port", "island", "region", "border"})


def _deny(asked: list[int], folded: str, mention_starts: list[int], mention_countries: list[str],
          mention_kinds: list[str] | None, never: set[str], dropped: set[int]) -> None:
    """A 'no' to being in the asked places: a country asked by its own name (or its side) is denied as a whole
    (``never``); a place inside it only where the transcript names that place ("Een agent in Londen. V: Bent u in
    Londen geweest? A: Nee"), so the rest of its country still counts."""
    for i in asked:
        if mention_kinds is None or mention_kinds[i] not in _PLACES_INSIDE:
            never.add(mention_countries[i])
            continue
        name = _name_at(folded, mention_starts[i], mention_countries[i])   # 'Al Bab': not Aleppo, not Al Hasakah
        dropped.update(start for start, country in zip(mention_starts, mention_countries)
                       if country == mention_countries[i] and folded.startswith(name, start)
                       and not folded[start + len(name):start + len(name) + 1].isalnum())


def _town_in_country(folded: str, q_end: int, asked: list[int], mention_starts: list[int], mention_countries: list[str],
                     mention_kinds: list[str] | None, turns: _Turns) -> int:
    """'Tripoli in Libie?', 'En Brest in France?': a question that is only a town's name, "in" and the country the
    gazetteer gives that town asks which town the name means; returns the town's mention index (-1 for any other)."""
    if mention_kinds is None or len(asked) != 2:
        return -1
    town, country = asked
    if (mention_kinds[town] not in _PLACES_INSIDE or mention_kinds[country] != "country"
            or mention_countries[town] != mention_countries[country]):
        return -1
    town_start, country_start = mention_starts[town], mention_starts[country]
    name = _name_at(folded, town_start, mention_countries[town])
    mark = folded.find("?", country_start, q_end)
    if (mark < 0 or folded[town_start + len(name):country_start].strip() != "in"
            or not _COUNTRY_ONLY.fullmatch(folded, country_start, mark)):
        return -1
    opening = max(folded.rfind(c, 0, town_start) for c in ".!?:;")
    return town if all(word in turns.lead_words for word in folded[opening + 1:town_start].split()) else -1


_COUNTRY_ONLY: Final = re.compile(r"[\w' -]{2,40}")   # the country's name and nothing after it up to the question mark
_FIRST_WORD: Final = re.compile(r"\w*")


def _name_at(folded: str, start: int, country: str) -> str:
    """The longest name of ``country``'s places in the gazetteer that the folded text has at ``start`` (its first
    word when there is none)."""
    from routekit.text.gazetteer import gazetteer

    table = gazetteer()
    window = folded[start:start + 60]
    for end in sorted((m.end() for m in re.finditer(r"\w+", window)), reverse=True):
        place = table.get(window[:end])
        if place is not None and place.iso3 == country:
            return window[:end]
    return _FIRST_WORD.match(folded, start).group()  # type: ignore[union-attr]


def _answered_countries(folded: str, labels: list, bounds: list[int], lexicon: _Lexicon, mention_starts: list[int],
                        mention_countries: list[str]) -> frozenset[str]:
    """The countries the answers of a transcript tell (an answer is the text after an answer label); an answer that
    opens by agreeing ("Dat klopt, mijn vingerafdrukken zijn in Graz genomen", "Yes, ...") only confirms the question."""
    countries: set[str] = set()
    affirmative = lexicon.extra.affirmative if lexicon.extra is not None else None
    for index, label in enumerate(labels):
        if label.group(1) in lexicon.question_labels:
            continue
        if affirmative is not None and affirmative.match(folded[label.end():label.end() + 40]):
            continue
        first, last = bisect_left(mention_starts, label.end()), bisect_left(mention_starts, bounds[index + 1])
        countries.update(mention_countries[first:last])
    return frozenset(countries)


def _asking_from(folded: str, q_start: int, q_end: int) -> int:
    """Where a question turn's own question begins: after the statements the interviewer makes first ("Uit Eurodac
    blijkt dat u in Oostenrijk bent geregistreerd.", "Your boarding pass shows DXB-AMS."); a turn without a question
    mark is a statement throughout."""
    mark = folded.rfind("?", q_start, q_end)
    if mark < 0:
        return q_end
    sentence_end = max(folded.rfind(".", q_start, mark), folded.rfind("!", q_start, mark), folded.rfind(";", q_start, mark))
    return sentence_end + 1 if sentence_end >= 0 else q_start


def _join_turn(folded: str, q_start: int, q_end: int, answer: re.Match[str], joins: list[int]) -> None:
    """Read question and answer as one sentence: blank the question's end mark and the answer's label colon."""
    mark = folded.rfind("?", q_start, q_end)
    if mark >= 0:
        joins.append(mark)
    joins.append(answer.end() - 1)


def joined(folded: str, joins: tuple[int, ...]) -> str:
    """``folded`` with the marks at ``joins`` replaced by spaces (same length, so offsets hold)."""
    if not joins:
        return folded
    characters = list(folded)
    for offset in joins:
        characters[offset] = " "
    return "".join(characters)


@dataclass(frozen=True)
class _Layover:
    """``document.yaml`` ``dialogue``: the questions about a direct flight or a change of planes, and their answers."""

    question: re.Pattern[str]
    words: tuple[str, ...]        # the longest word of each question phrase: substring tests before the regex
    answer: re.Pattern[str]       # what stands between the answer's label and the place of the stop
    phrase: dict[str, str]        # the transit phrase the rules read, per language
    direct: frozenset[str]        # question phrases that ask about a flight only beside a flight word ...
    flight: re.Pattern[str]       # ... (modes.yaml plane, document.yaml layover_flight)


_PLAIN_PHRASE: Final = re.compile(r"[^\W\d_]+(?:[ '-][^\W\d_]+)*")


@lru_cache(maxsize=1)
def _layover() -> _Layover:
    from routekit.text.document import cues, words_regex
    from routekit.text.vocabulary import _raw

    lists = cues().get("dialogue") or {}
    phrase = lists.get("layover_phrase") or {}
    plane = (_raw()[1].get("modes") or {}).get("plane") or {}
    flight = [str(w) for words in (plane.values() if isinstance(plane, dict) else [plane]) for w in words or ()]
    raw = [str(p) for p in lists.get("layover_question") or ()]
    if fragments := [p for p in raw if not _PLAIN_PHRASE.fullmatch(p)]:
        # they are folded like the text and pre-filtered by their longest word, which a regex fragment would break
        raise InputError(data_path("document.yaml"), f"plain words only, not {fragments[0]!r}",
                         field="dialogue.layover_question")
    phrases = [fold(p) for p in raw]
    longest = {max(re.findall(r"[a-z]+", question) or [question], key=len) for question in phrases}
    return _Layover(
        question=words_regex(phrases or ["(?!)"]),
        words=tuple(sorted(w for w in longest if not any(o != w and o in w for o in longest))),
        answer=re.compile(r"\s*(?:" + str(lists.get("layover_answer") or "(?!)") + r")"),
        phrase={"nl": str(phrase.get("nl", "overgestapt in")), "en": str(phrase.get("en", "changing planes in"))},
        direct=frozenset(fold(str(p)) for p in lists.get("layover_direct") or ()),
        flight=words_regex([re.escape(fold(w)) for w in flight + [str(w) for w in lists.get("layover_flight") or ()]]
                           or ["(?!)"]),
    )


def layover_answers(text: str, folded: str) -> str:
    """A transcript's answer to whether a flight was direct ("V: Rechtstreeks? A: Nee, via Istanbul", "Q: Did you fly
    directly to Belgrade? A: No, I changed in Istanbul", "Heeft u onderweg overgestapt? A: Ja, in Caïro") tells a flight
    stop: the place it opens with is written as one ("overgestapt in Istanbul"), so the transit rule puts it
    between the flight's ends instead of reading a 'via' without a destination. Other texts are returned unchanged."""
    if "?" not in folded or ":" not in folded:
        return text
    layover = _layover()
    if not any(map(folded.__contains__, layover.words)) or layover.question.search(folded) is None:
        return text   # most transcripts ask about no direct flight
    lexicon = _lexicon()
    labels = _labels(folded, lexicon)
    edits: list[tuple[int, int, str]] = []
    for index, (question, answer) in enumerate(zip(labels, labels[1:])):
        if question.group(1) not in lexicon.question_labels or answer.group(1) in lexicon.question_labels:
            continue
        asked = [m.group() for m in layover.question.finditer(folded, question.end(), answer.start())]
        if not asked:
            continue
        # "Bent u direct naar Duitsland gegaan?", "Did you go directly to the police?": no flight asked about
        if all(" ".join(word.split()) in layover.direct for word in asked) and layover.flight.search(
                folded, labels[index - 1].end() if index else 0, answer.start()) is None:
            continue
        opening = layover.answer.match(folded, answer.end())
        if opening is None or not _place_at(text, folded, opening.end()):
            continue
        # the 'no' goes too: it denies a direct flight, not the destination the question names ("Did you fly directly
        # to Belgrade? A: No, ..."), which the joined question and answer then give the stop
        start = answer.end() + 1 if folded[answer.end():answer.end() + 1] == " " else answer.end()
        language = "nl" if question.group(1).startswith("v") else "en"
        edits.append((start, opening.end(), layover.phrase[language] + " "))
    for start, end, phrase in reversed(edits):
        text = text[:start] + phrase + text[end:]
    return text


def _place_at(text: str, folded: str, offset: int) -> bool:
    """A place name starts at ``offset`` (the gazetteer, read on the next few words only)."""
    from routekit.text.gazetteer import find_places

    stop = min(len(text), offset + 40)
    return any(m.start == 0 for m in find_places(text[offset:stop], folded[offset:stop]))


@dataclass(frozen=True)
class _OtherPerson:
    question: re.Pattern[str]       # "uw broer", "your travel companion": a relative of the interviewee asked about
    subjects: frozenset[str]        # "hij", "he": a clause about a third person opens with one
    first_person: frozenset[str]    # "ik", "us": the speaker is in the clause
    statement: re.Pattern[str]      # "says", "verklaarde": the question quotes that person's claim


@lru_cache(maxsize=1)
def _other_person() -> _OtherPerson:
    from routekit.text.document import cues, words_regex

    lists, persons = cues().get("dialogue") or {}, cues()["persons"]
    possessives = "|".join(re.escape(fold(str(w))) for w in lists.get("other_person_question") or ()) or "(?!)"
    relatives = "|".join(r"\s+".join(map(re.escape, fold(str(w)).split()))
                         for w in sorted(persons.get("relatives") or (), key=len, reverse=True)) or "(?!)"
    return _OtherPerson(
        question=word_start_first(re.compile(r"(?<![\w'])(?:" + possessives + r")\s+(?:[a-z]+\s+)?(?:" + relatives
                                             + r")(?![\w'])")),
        subjects=frozenset(fold(str(w)) for w in lists.get("other_person_subjects") or ()),
        first_person=frozenset(fold(str(w)) for w in lists.get("first_person_words") or ()),
        statement=words_regex([str(w) for w in persons.get("statement") or ()] or ["(?!)"]),
    )


@lru_cache(maxsize=1)
def _order_alternatives() -> re.Pattern[str]:
    """An alternative question that asks an order ("Eerst Libie of eerst Egypte?", "Which came first, Libya or
    Egypt?"): it presumes both countries, so the one the answer does not name stays (``document.yaml``
    ``dialogue.order_alternatives``)."""
    from routekit.text.document import cues, words_regex

    return words_regex([str(p) for p in (cues().get("dialogue") or {}).get("order_alternatives") or ()] or ["(?!)"])


@lru_cache(maxsize=1)
def _contradiction() -> re.Pattern[str]:
    """An answer opening that contradicts a negative question (``document.yaml`` ``dialogue.contradiction``: "Jawel",
    "Toch wel", "Yes, I was"), not followed by a negation of its own."""
    from routekit.text.document import cues

    phrases = [_words([str(p)]) for p in (cues().get("dialogue") or {}).get("contradiction") or ()]
    nots = "|".join(map(re.escape, _negations().not_words))
    return re.compile(r"\W*(?:" + ("|".join(phrases) or "(?!)") + r")(?![\w'])(?![\s,]+(?:" + nots + r")(?![\w']))")


@lru_cache(maxsize=1)
def _not_word() -> re.Pattern[str]:
    return re.compile(r"(?<![\w'])(?:" + "|".join(map(re.escape, _negations().not_words)) + r")(?![\w'])")


_ANSWER_CLAUSE: Final = re.compile(r"[^.,;!?/]+")
_CLAUSE_WORD: Final = re.compile(r"[a-z']+")


def other_persons_answers(text: str, folded: str) -> str:
    """A transcript's answer to a question about the interviewee's relative or companion ("V: Reisde uw broer met u
    mee? A: Nee, hij ging via Libie en Italie, ik via Turkije", "Q: Your travel companion says ... A: He came through
    Spain. I came through Italy") tells that person's own travel in the clauses whose subject is a third person and
    that hold no first-person word: those clauses are dropped (the speaker's own clauses stay). Other texts are
    returned unchanged."""
    if "?" not in folded or ":" not in folded:
        return text
    other = _other_person()
    if other.question.search(folded) is None:
        return text   # most transcripts ask about no relative
    labels = _labels(folded, _lexicon())
    questions = _lexicon().question_labels
    cuts: list[tuple[int, int]] = []
    for index, (question, answer) in enumerate(zip(labels, labels[1:])):
        if question.group(1) not in questions or answer.group(1) in questions:
            continue
        asked = other.question.search(folded, question.end(), answer.start())
        if asked is None:
            continue
        stop = labels[index + 2].start() if index + 2 < len(labels) else len(folded)
        answered = [clause.span() for clause in _ANSWER_CLAUSE.finditer(folded, answer.end(), stop)
                    if (words := _CLAUSE_WORD.findall(clause.group())) and words[0] in other.subjects
                    and other.first_person.isdisjoint(words)]
        if answered and other.statement.search(folded, asked.end(), answer.start()) is not None:
            # "Your travel companion says the two of you came through Spain. A: He came through Spain.": the question
            # quotes that person's claim, which the answer puts on them: the claim goes too
            cuts.append((asked.start(), answer.start()))
        cuts.extend(answered)
    for start, end in reversed(cuts):
        text = text[:start] + text[end:]
    return text
