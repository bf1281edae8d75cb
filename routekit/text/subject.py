"""Several persons in one record: keep the sentences about the person the record is about.

Police and border-guard reports often tell several routes: the driver's, the passengers', a companion's ("Dit pv
betreft betr. 2 ... Betr. 1 en 3 verklaarden via LY en IT te zijn gekomen"). Only the subject's route counts
(hand-labelling convention 3 of the hard sets). The subject is the person a declaration names ("Dit pv betreft
betr. 2", "This report concerns only the second man", "op wie deze notitie betrekking heeft", "Re: statement of
witness ..."); without a declaration, a record whose statements are made by numbered persons is about the first
numbered person who makes one.

A sentence (or a part after a semicolon) whose speaker is another person is dropped: its first words or the
words before a statement verb name that person ("De andere man verklaarde ...", "The other passengers stated
...", "Betr. 1 en 3 verklaarden ...", "De bestuurder verklaarde ..."; and, when the subject is named by a role,
a relative: "His mother flew ..."). Sentences that name no person (most of them, "Hij verklaarde ...") are kept.
Cue lists: ``document.yaml`` (``persons``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Final

from routekit.text.document import cues, literal_alternation, words_regex
from routekit.text.normalise import fold
from routekit.text.vocabulary import _raw as _raw_cues

# a sentence end, not the dot of an initial ("picked B. up in Aachen")
# (nor the dot of "passenger no. 4", "betr. nr. 2"); the mark comes first and the look-behinds read back over it, so
# ``re`` skips from mark to mark instead of trying four look-behinds at every position (the same matches)
_SENTENCE_END: Final = re.compile(r"[.!?;](?:(?<!\s[a-z][.!?;])(?<!^[a-z][.!?;])(?<!\sno[.!?;])(?<!\snr[.!?;])['\"’”]?(?=\s|$)"
                           r"|(?<=\sno[.!?;]|\snr[.!?;])(?=\s+\D|$))")
# the possessives before a relative noun ("his mother", "zijn broer"): only these make a reference a relative
_POSSESSIVE_WORDS: Final = r"(?:zijn|haar|his|her|mijn|my|hun|their)"
# a statement after the first that opens with a possessive (a fast test: only such a statement can open with a relative;
# a statement starts after a sentence end and its closing quote, then white space; see ``_SENTENCE_END``)
_POSSESSIVE_OPENING: Final = re.compile(r"[.!?;]['\"’”]?\s+" + _POSSESSIVE_WORDS + r"\s")
# a statement's first word a possessive: only then can the reference it opens with be a relative (a fast test per
# statement before the long person-reference pattern)
_POSSESSIVE_START: Final = re.compile(_POSSESSIVE_WORDS + r"\s")
_ID: Final = r"(?:\d+|[a-f](?![\w']))"   # a number, or a letter label ("person C")
_NUMBER_LIST: Final = _ID + r"(?:\s*(?:,|en|and|t m|tot en met|to|\&)\s*" + _ID + r")*"


@dataclass(frozen=True)
class Person:
    """A person as a record names one: a role noun, the numbers it carries, and whether it is one of many."""

    noun: str = ""
    numbers: tuple[int, ...] = ()
    many: bool = False         # "de overige inzittenden", "the other passengers", "betr. 1 en 3"
    other: bool = False        # "de andere man", "the other passengers"
    relative: bool = False     # "his mother"


@dataclass(frozen=True)
class _Lexicon:
    declaration: re.Pattern[str]
    reference: re.Pattern[str]
    statement: re.Pattern[str]
    together: re.Pattern[str]
    ordinals: dict[str, int]
    plural: frozenset[str]
    others: frozenset[str]
    relatives: frozenset[str]
    companions: frozenset[str]
    gate: re.Pattern[str]
    gate_words: re.Pattern[str]   # substrings one of which a record with a subject to pick holds (a fast test)
    always_other: frozenset[str] = frozenset()
    drivers: frozenset[str] = frozenset()
    drives_via: re.Pattern[str] | None = None   # a drive word and a way word in one statement
    object_pronoun: re.Pattern[str] | None = None
    label: re.Pattern[str] | None = None   # "p4", "v2": a person labelled by a letter and a number
    relative_moves: re.Pattern[str] | None = None   # cues.yaml relative_moves: a relative moving ("reisde", "came")
    with_subject: re.Pattern[str] | None = None   # "samen met hem", "with her": a relative with the subject
    relative_pronouns: frozenset[str] = frozenset()   # "die", "who": a relative clause, not a noun phrase's modifier
    here_arrival: re.Pattern[str] | None = None   # cues.yaml here_arrival: "came here", "hierheen"
    drivers_suspects: frozenset[str] = frozenset()   # "verdachte", "suspect": in a record about the driver, the driver
    separately_reported: re.Pattern[str] | None = None   # "zie afzonderlijk pv", "recorded separately"
    separately_heard: re.Pattern[str] | None = None   # "apart gehoord", "heard separately": interview procedure


@lru_cache(maxsize=1)
def _lexicon() -> _Lexicon:
    lists = cues()["persons"]
    ordinals = {str(k): int(v) for k, v in (lists.get("ordinals") or {}).items()}
    nouns = sorted({str(n) for n in lists["nouns"]} | {str(n) for n in lists["relatives"]}, key=len, reverse=True)
    noun = "(?:" + "|".join(nouns) + ")"
    ordinal = "(?:" + "|".join(sorted(ordinals, key=len, reverse=True)) + ")"
    other = "(?:" + "|".join(str(w) for w in lists["other_words"]) + ")"
    possessive = r"(?:(?P<possessive>" + _POSSESSIVE_WORDS + r")\s+)"
    # "de tweede persoon", "the other passengers", "betrokkene 1 en 3", "his mother", "the suspect driver", "the third"
    reference = re.compile(
        r"(?<![\w'])(?:(?:de|het|the|een|a)\s+|" + possessive + r")?"
        r"(?:(?P<ordinal>" + ordinal + r")\s+)?(?:(?:twee|drie|vier|vijf|zes|two|three|four|five|six)\s+)?"
        r"(?:(?P<other>" + other + r")\s+)?"   # "de drie andere aangetroffenen"
        r"(?:(?:minor|minderjarige|mannelijke|vrouwelijke|male|female|jonge|young)\s+)?"
        r"(?:(?P<noun>" + noun + r")(?:\s+(?P<second>" + noun + r"))?|(?P<alone>" + ordinal + r"))"
        r"(?:\s+(?:(?:no|nr|nummer|number|num)\.?\s+|#\s*)?(?P<numbers>" + _NUMBER_LIST + r"))?(?![\w'])")
    return _Lexicon(
        declaration=words_regex(lists["declaration"]),
        reference=reference,
        statement=words_regex(lists["statement"]),
        together=words_regex(lists["together"]),
        ordinals=ordinals,
        plural=frozenset(str(w) for w in lists["plural"]),
        others=frozenset(str(w) for w in lists["other_words"]),
        relatives=frozenset(str(w) for w in lists["relatives"]),
        companions=frozenset(str(w) for w in lists["companions"]),
        gate_words=re.compile(literal_alternation(str(w) for w in lists["gate"])),
        gate=words_regex(list(lists["declaration"]) + [r"\w+ \d+ (?:en|and|t m) \d+", r"(?:betrokkene|passenger|passagier|persoon|person) \d+"]
                         + [str(w) for w in lists.get("always_other") or ()]),
        always_other=frozenset(str(w) for w in lists.get("always_other") or ()),
        object_pronoun=words_regex(lists.get("object_pronouns") or ["(?!)"]),
        label=re.compile(r"(?<![\w'-])(" + str(lists["label"]) + r")(?![\w'-])") if lists.get("label") else None,
        # the driver nouns are the extraction's role nouns (cues.yaml subject_in_role.roles.driver), written once
        drivers=frozenset(str(w) for w in _raw_cues()[0]["word_lists"]["subject_in_role"]["roles"]["driver"]),
        drives_via=_drives_via(lists),
        relative_moves=words_regex([str(w) for lang in ("nl", "en") for w in _raw_cues()[0]["relative_moves"][lang]
                                    if "..." not in str(w) and str(w) not in ("wel", "did", "asiel", "asylum")]),
        with_subject=words_regex([f"{blocker} {pronoun}" for lang in ("nl", "en")
                                  for blocker in _raw_cues()[0]["relatives_blockers"][lang]
                                  for pronoun in lists.get("object_pronouns") or ()]),
        relative_pronouns=frozenset(str(w) for w in _raw_cues()[0]["word_lists"]["there_now"]["relative_pronouns"]),
        here_arrival=words_regex([str(w) for lang in ("nl", "en") for w in _raw_cues()[0]["here_arrival"][lang]]),
        # a companion noun the records also use for the person they are about (cues.yaml subject_in_role.subjects:
        # "verdachte", "suspect"): in a record about the driver, that companion is the driver
        drivers_suspects=frozenset(str(w) for w in lists["companions"])
        & frozenset(str(w) for w in _raw_cues()[0]["word_lists"]["subject_in_role"]["subjects"]),
        separately_reported=words_regex(lists.get("separately_reported") or ["(?!)"]),
        separately_heard=words_regex(lists.get("separately_heard") or ["(?!)"]),
    )


def _drives_via(lists: dict) -> re.Pattern[str] | None:
    """A drive word and a way word, in either order, in one statement ("via Frankrijk had gereden", "driven via")."""
    if not lists.get("drive_words") or not lists.get("way_words"):
        return None
    drive = literal_alternation(str(w) for w in lists["drive_words"])
    way = literal_alternation(str(w) for w in lists["way_words"])
    return re.compile(r"(?<![\w'])(?:" + drive + r")(?![\w']).*?(?<![\w'])(?:" + way + r")(?![\w'])"
                      r"|(?<![\w'])(?:" + way + r")(?![\w']).*?(?<![\w'])(?:" + drive + r")(?![\w'])")


def _person(match: re.Match[str], lexicon: _Lexicon) -> Person:
    noun = match.group("second") or match.group("noun") or ""
    numbers = tuple(int(n) if n.isdigit() else ord(n) - ord("a") + 1   # "persons a and b" -> 1, 2
                    for n in re.findall(r"\d+|(?<![\w'])[a-f](?![\w'])", match.group("numbers") or ""))
    if match.group("alone"):
        numbers = (lexicon.ordinals[match.group("alone")],)
    elif match.group("ordinal"):
        numbers = (lexicon.ordinals[match.group("ordinal")],) + numbers
    elif noun in lexicon.ordinals:   # "de ene" (the one)
        numbers = (lexicon.ordinals[noun],)
    other = bool(match.group("other")) or noun in lexicon.others or noun in lexicon.always_other
    many = noun in lexicon.plural or len(numbers) > 1 or "t m" in (match.group("numbers") or "")
    relative = bool(match.group("possessive")) and noun in lexicon.relatives
    return Person(noun, numbers, many, other, relative)


def _statements(folded: str) -> list[tuple[int, int]]:
    spans, start = [], 0
    for match in _SENTENCE_END.finditer(folded):
        spans.append((start, match.end()))
        start = match.end()
    if start < len(folded):
        spans.append((start, len(folded)))
    return spans


def _speaker(statement: str, lexicon: _Lexicon) -> Person | None:
    """The person a statement is told by or about: named in its first words, or right before a statement verb."""
    for match in lexicon.reference.finditer(statement):
        head = statement[:match.start()].split()
        verb = lexicon.statement.search(statement, match.end(), match.end() + 40)
        speaks = verb is not None and len(statement[match.end():verb.start()].split()) <= 3
        if len(head) <= 1 or speaks or _fronted(head, match, lexicon):
            if lexicon.together.match(statement, match.end() + 1):
                return None   # "Mijn broer en ik ...": travelled along
            return _person(match, lexicon)
        if len(head) > 12:
            break
    return None


_FRONT_ARTICLES: Final = frozenset(("de", "het", "the"))
_FRONT_WORDS: Final = 5   # words before a numbered person that a noun phrase's article and modifiers may take


def _fronted(head: list[str], match: re.Match[str], lexicon: _Lexicon) -> bool:
    """'De in dit pv genoemde verdachte 2, Osas E., reisde ...': a numbered or other person after an article and a few
    modifiers (no comma, no relative pronoun: not "de man die verdachte 2 hielp") is the sentence's grammatical
    subject."""
    if not head or head[0] not in _FRONT_ARTICLES or len(head) > _FRONT_WORDS or any("," in word for word in head):
        return False
    if not lexicon.relative_pronouns.isdisjoint(head):
        return False
    return bool(match.group("numbers") or match.group("other"))


_NAMED_AS: Final = 40   # characters after a declared person in which a numbered name for them may follow
_BARE_NUMBER: Final = re.compile(r"(?:no|nr|nummer|number|num)\.?\s+(\d+)(?![\w'])")   # a declared number with no noun


def _subject(folded: str, spans: list[tuple[int, int]], lexicon: _Lexicon) -> tuple[Person | None, int]:
    """The declared subject and the index of the declaring statement; (None, -1) without a declaration."""
    for index, (start, stop) in enumerate(spans):
        statement = folded[start:stop]
        declared = lexicon.declaration.search(statement)
        if declared is None:
            continue
        gap = len(statement[declared.end():]) - len(statement[declared.end():].lstrip(" :"))   # "concerns: person ..."
        after = lexicon.reference.match(statement, declared.end() + gap)
        if after is not None and not statement[declared.end():after.start()].strip(" ,:"):
            person = _person(after, lexicon)
            if not person.numbers:   # "concerns: person referred to as betr. 1", "the man, hereinafter suspect 2"
                named = next((m for m in lexicon.reference.finditer(statement, after.end(), after.end() + _NAMED_AS)
                              if m.group("numbers")), None)
                if named is not None:
                    named_person = _person(named, lexicon)
                    return Person(named_person.noun, named_person.numbers[:1]), index
            return person, index
        bare = _BARE_NUMBER.match(statement, declared.end() + gap)
        if bare is not None:   # "Dit pv betreft nr. 2", "This report concerns no. 3": the number the persons carry
            return Person("", (int(bare.group(1)),)), index
        before = [m for m in lexicon.reference.finditer(statement, 0, declared.start())]
        bracket = statement.rfind("(", 0, declared.start() + 1)
        if before and bracket >= 0 and not statement[bracket + 1:declared.start()].strip():
            # "suspect 1 (driver) and found: person 2 (subject, ...)": the person right before the bracket
            right_before = [m for m in before if not statement[m.end():bracket].strip()]
            if right_before:
                return _person(right_before[-1], lexicon), index
        if before:
            return _person(before[0], lexicon), index
        numbered = _numbered_after_name(statement, declared.end(), lexicon)
        if numbered is not None:   # "Dit pv betreft Hamid A. (betr. 2)", "concerns Mr A., hereinafter person 2"
            return Person(numbered.noun, numbered.numbers[:1]), index
        return Person(), index   # "Official report concerning B. Tesfaye": a subject named only by name
    return None, -1


_NUMBERED_AFTER_NAME: Final = 60   # characters after a declaration naming the subject by name in which their number may follow
# a number of someone else: "the passenger of suspect 1", "samen met verd. 1"
_OF_ANOTHER: Final = re.compile(r"(?<![\w'])(?:van|of|met|with|door|by|voor|for|en|and)\s+(?:(?:de|het|the|een|a)\s+)?$")


def _numbered_after_name(statement: str, declared_end: int, lexicon: _Lexicon) -> Person | None:
    """The number a record gives the subject it declared by name, in the declaring statement ("Hamid A. (betr. 2)",
    "Mr A., hereinafter person 2", "in dit pv verder betr. 2"); not a number that follows 'of', 'with' or 'and'."""
    for match in lexicon.reference.finditer(statement, declared_end, declared_end + _NUMBERED_AFTER_NAME):
        person = _person(match, lexicon)
        if len(person.numbers) != 1 or person.many or person.other:
            continue
        if _OF_ANOTHER.search(statement, max(declared_end, match.start() - 12), match.start()):
            return None
        return person
    return None


def _labelled_subject(folded: str, spans: list[tuple[int, int]], declared_at: int, speakers: list[Person | None],
                      lexicon: _Lexicon) -> Person | None:
    """'This report concerns the person designated P4': the subject is labelled by a letter and a number; statements
    that open with another label of that letter ("P7, his cousin, stated ...", "V1 stated ...") get that person as
    their speaker (``speakers`` is filled in place). None when the declaration names no such label."""
    if lexicon.label is None:
        return None
    start, stop = spans[declared_at]
    declared = lexicon.declaration.search(folded, start, stop)
    label = lexicon.label.search(folded, declared.end(), min(stop, declared.end() + 30)) if declared else None
    if label is None and declared is not None:   # "P2 (subject of this note): ...": the label right before it
        label = _LABEL_BEFORE.search(folded, max(start, declared.start() - 8), declared.start())
        label = label if label is not None and lexicon.label.fullmatch(label.group(1)) else None
    if label is None:
        return None
    letter, number = label.group(1)[0], int(label.group(1)[1:])
    for index, (start, stop) in enumerate(spans):
        statement = folded[start:stop]
        opening = lexicon.label.match(folded, start + len(statement) - len(statement.lstrip()))
        if opening is not None and opening.group(1)[0] == letter:
            speakers[index] = Person("label " + letter, (int(opening.group(1)[1:]),))
    return Person("label " + letter, (number,))


_LABEL_BEFORE: Final = re.compile(r"(?<![\w'-])([a-z]\d{1,2})\s*\(\s*$")   # "p2 (" before a declaration


def _is_other(person: Person, subject: Person) -> bool:
    if person.other:
        return True
    if subject.numbers:
        if person.numbers:
            return not set(person.numbers) <= set(subject.numbers)
        return person.many or _another_companion(person, subject, _lexicon())
    if person.many or person.numbers:
        return True
    if person.relative:
        return bool(subject.noun)
    return _another_companion(person, subject, _lexicon())


def _another_companion(person: Person, subject: Person, lexicon: _Lexicon) -> bool:
    """A companion named by another role than the subject's ("De bestuurder verklaarde ..." in a record about a
    passenger); not the suspect in a record about the driver ("Dit pv betreft de bestuurder ... Verdachte verklaarde
    ..."): the driver is the one suspected of smuggling."""
    if not person.noun or person.noun == subject.noun or person.noun not in lexicon.companions:
        return False
    return not (subject.noun in lexicon.drivers and person.noun in lexicon.drivers_suspects)


def _drivers_way(statement: str, speaker: Person | None, lexicon: _Lexicon) -> bool:
    """'De chauffeur verklaarde dat hij via Frankrijk had gereden': the driver (not a numbered or other one) tells the
    way the vehicle the subject rode in drove; the statement stays (extraction keeps only its way's places)."""
    return (speaker is not None and speaker.noun in lexicon.drivers and not speaker.numbers and not speaker.many
            and not speaker.other and lexicon.drives_via is not None and lexicon.drives_via.search(statement) is not None)


def _acts_on_subject(statement: str, speaker: Person, lexicon: _Lexicon) -> bool:
    """'The suspect picked her up in Bilbao and drove her via FR to NL': a companion's act on the subject, told by the
    record (no statement verb), is the subject's travel."""
    return (speaker.noun in lexicon.companions and not speaker.numbers and not speaker.many and not speaker.other
            and lexicon.statement.search(statement) is None and lexicon.object_pronoun is not None
            and lexicon.object_pronoun.search(statement) is not None)


def subject_sentences(text: str, folded: str | None = None) -> str:
    """``text`` without the statements about persons other than the record's subject; unchanged when the record
    declares no subject and numbers no persons."""
    folded = fold(text) if folded is None else folded
    lexicon = _lexicon()
    text, folded = _without_relatives_travel(text, folded, lexicon)
    text, folded = _without_separately_reported(text, folded, lexicon)
    return _subject_sentences(text, folded, lexicon)


_THIRD_PERSON_OPENING: Final = re.compile(r"\s*(?:hij|zij|ze|he|she|they)\s")


def _without_separately_reported(text: str, folded: str, lexicon: _Lexicon) -> tuple[str, str]:
    """'Van betr. 2 wordt afzonderlijk pv opgemaakt; hij verklaarde via ES te zijn gereisd', 'Mr K. stated he came via
    Italy; his statement is recorded separately': a person whose statement a report of its own holds is not the
    record's subject. The clause naming the separate report goes, with the clause of its sentence that tells that
    person's statement: the one before it when it names no person ("...; zie afzonderlijk pv"; not "...; van zijn broer
    wordt afzonderlijk pv opgemaakt"), the one after it that opens with a pronoun when it names a numbered person.
    Not the clause declaring the subject, nor any clause when the numbers named include the subject's. Persons heard
    apart ("Betr. 2 werd apart gehoord; hij verklaarde ..."): only a numbered one, with the pronoun clause after."""
    if not ("afzonderlijk" in folded or "apart " in folded or "separate" in folded) or (
            lexicon.separately_reported is None or lexicon.separately_heard is None or (
            lexicon.separately_reported.search(folded) is None and lexicon.separately_heard.search(folded) is None)):
        return text, folded
    spans = _statements(folded)
    subject, _ = _subject(folded, spans, lexicon)
    own = set(subject.numbers) if subject is not None else set()
    dropped: set[int] = set()
    for index, (start, stop) in enumerate(spans):
        reported = lexicon.separately_reported.search(folded, start, stop) is not None
        if not reported and lexicon.separately_heard.search(folded, start, stop) is None or (
                lexicon.declaration.search(folded, start, stop)):
            continue
        persons = [_person(m, lexicon) for m in lexicon.reference.finditer(folded, start, stop)]
        numbers = {number for person in persons for number in person.numbers}
        if numbers & own or not (reported or numbers):   # the subject's own number; "zijn vrouw werd apart gehoord"
            continue
        dropped.add(index)
        if numbers:
            after = index + 1
            if after < len(spans) and folded[stop - 1] == ";" and _THIRD_PERSON_OPENING.match(folded, spans[after][0]):
                dropped.add(after)
        elif reported and not persons and index > 1 and folded[spans[index - 1][1] - 1] == ";" and not (
                lexicon.declaration.search(folded, *spans[index - 1])):   # "...; zie afzonderlijk pv": no one else named
            dropped.add(index - 1)
    kept = "".join(text[start:stop] for index, (start, stop) in enumerate(spans) if index not in dropped)
    return kept, fold(kept)


def _without_relatives_travel(text: str, folded: str, lexicon: _Lexicon) -> tuple[str, str]:
    """'Zijn broer was eerder via Italie gekomen', 'His brother stated he came via Libya': a later sentence whose
    grammatical subject is the subject's relative (its first words: a possessive and a relative noun) and that tells
    that relative moving or stating is the relative's route; it goes unless it holds a together word ("Zijn broer en
    hij reisden samen", "met hem", "with him") or an arrival here, which the record's person may share ("My cousin came
    by train to here last year. I came later.": the here-arrival rules keep the cousin's mode out)."""
    if lexicon.relative_moves is None or _POSSESSIVE_OPENING.search(folded) is None:
        return text, folded
    spans = _statements(folded)
    dropped = []
    for index, (start, stop) in enumerate(spans[1:], 1):
        statement = folded[start:stop]
        first_word = len(statement) - len(statement.lstrip())
        if _POSSESSIVE_START.match(statement, first_word) is None:
            continue
        opening = lexicon.reference.match(statement, first_word)
        if opening is None or not _person(opening, lexicon).relative or lexicon.together.match(statement, opening.end() + 1):
            continue
        rest = statement[opening.end():]
        if (lexicon.with_subject is not None and lexicon.with_subject.search(rest)) or lexicon.together.search(rest) or (
                lexicon.object_pronoun is not None and lexicon.object_pronoun.search(rest)):   # "drove us from PL"
            continue
        if lexicon.here_arrival is not None and lexicon.here_arrival.search(rest):
            continue   # "My cousin came by train to here. I came later.": left to the here-arrival rules (modes.yaml into_here)
        if lexicon.relative_moves.search(rest) or lexicon.statement.search(rest):
            dropped.append(index)
    if not dropped:
        return text, folded
    # a dropped statement's closing quote stays ("... My sister went to London.'")
    kept = "".join(text[start:stop] if index not in dropped else text[start:stop][len(text[start:stop].rstrip("'\"’”")):]
                   for index, (start, stop) in enumerate(spans))
    return kept, fold(kept)


def _subject_sentences(text: str, folded: str, lexicon: _Lexicon) -> str:
    if lexicon.gate_words.search(folded) is None or lexicon.gate.search(folded) is None:
        return _first_speaker_only(text, folded, lexicon)
    spans = _statements(folded)
    subject, declared_at = _subject(folded, spans, lexicon)
    speakers = [_speaker(folded[start:stop], lexicon) for start, stop in spans]
    if declared_at >= 0:
        labelled = _labelled_subject(folded, spans, declared_at, speakers, lexicon)
        if labelled is not None:
            subject = labelled
    if subject is None:
        numbered = [p for p in speakers if p is not None and len(p.numbers) == 1 and not p.many]
        if any(p is not None and p.noun in lexicon.always_other for p in speakers):
            # "Medeverdachte Farid N. verklaarde ...": only that person's statements are another person's
            return "".join(text[start:stop] for (start, stop), speaker in zip(spans, speakers)
                           if speaker is None or speaker.noun not in lexicon.always_other)
        if len({p.numbers for p in numbered}) < 2 and not any(p is not None and p.many and p.numbers for p in speakers):
            return _first_speaker_only(text, folded, lexicon, spans, speakers)
        elif not numbered:
            return _first_speaker_only(text, folded, lexicon, spans, speakers)
        else:
            # the first numbered person who makes a statement, not one only listed before ("Passagiers: betr. 1 ...;
            # betr. 2 onbekend gebleven. Betr. 1 verklaarde ...")
            subject = next((p for p, (start, stop) in zip(speakers, spans) if p is not None and len(p.numbers) == 1
                            and not p.many and lexicon.statement.search(folded, start, stop) is not None),
                           numbered[0])
    kept = [(start, stop) for index, ((start, stop), speaker) in enumerate(zip(spans, speakers))
            if index == declared_at or speaker is None or not _is_other(speaker, subject)
            or _acts_on_subject(folded[start:stop], speaker, lexicon) or _drivers_way(folded[start:stop], speaker, lexicon)]
    if "(" in folded:
        kept = [span for kept_span in kept for span in _without_asides(folded, kept_span, subject, lexicon)]
    return "".join(text[start:stop] for start, stop in kept) if kept != spans else text


_ASIDE: Final = re.compile(r"\([^()]{0,160}\)")
_ASIDE_LOOK_BACK: Final = 80   # characters before an aside in which the person it speaks of is named


def _without_asides(folded: str, span: tuple[int, int], subject: Person, lexicon: _Lexicon) -> list[tuple[int, int]]:
    """A kept statement less its asides in which another person states their own route ("Passagiers: betr. A
    (Marokkaanse nat., verklaarde via ES en FR te komen) en betr. B", "Person 1 is her brother-in-law; his route
    differs (he says he came via SOF)"): a bracketed statement after a reference to someone other than the subject
    in its sentence."""
    start, stop = span
    pieces, cursor = [], start
    for aside in _ASIDE.finditer(folded, start, stop):
        if lexicon.statement.search(aside.group()) is None:
            continue
        window = folded[max(0, aside.start() - _ASIDE_LOOK_BACK):aside.start()]   # also across a ';'
        window = window[window.rfind(". ") + 1:]   # in its sentence
        # the aside's own speaker ("(betr. 1 en 2 verklaarden via Spanje te zijn gekomen)"), else a person before it
        speaker = _speaker(aside.group()[1:-1], lexicon)
        if (speaker is not None and _is_other(speaker, subject)) or any(
                _is_other(_person(reference, lexicon), subject) for reference in lexicon.reference.finditer(window)):
            pieces.append((cursor, aside.start()))
            cursor = aside.end()
    pieces.append((cursor, stop))
    return pieces


def _first_speaker_only(text: str, folded: str, lexicon: _Lexicon, spans: list[tuple[int, int]] | None = None,
                        speakers: list[Person | None] | None = None) -> str:
    """A record that declares no subject is about its first speaker ("Betr. verklaarde ...", "Aangeefster verklaarde
    ...", "Mr K. Mensah stated ..."): a later statement by someone else - another, several, numbered persons, a
    relative or a companion such as the suspect or the driver ("Zijn vriendin ... verklaarde dat zij via IT kwam", "His
    flatmate stated that he came via Italy") - tells that person's own route and is dropped. A sentence without a
    statement verb ("Zijn broer en hij reisden samen ...") stays."""
    # a fast test first, on the common statement verbs' stems (a record whose persons state with rarer verbs only is
    # left as it is): most texts hold none
    if not ("verkla" in folded or "state" in folded or "said" in folded or "zei" in folded or "told" in folded):
        return text
    first_verb = lexicon.statement.search(folded)
    if first_verb is None:
        return text
    # someone named after the first statement who could be someone else: several, other, numbered persons and
    # companions; a relative only when a second statement verb follows (a relative's own statement)
    after = set(_punctuation_to_space(folded[first_verb.end():]).split())
    persons, relatives = _person_words(), _relative_words()
    if persons.isdisjoint(after):
        named_relatives = relatives & after   # "zijn vriendin", "his flatmate": a relative with a possessive
        if not any(possessive + word in folded for word in named_relatives for possessive in _POSSESSIVES):
            return text
    person_words = persons | relatives
    if spans is None:
        spans = _statements(folded)
    stating = [index for index, (start, stop) in enumerate(spans) if lexicon.statement.search(folded, start, stop)]
    if not stating:
        return text

    def speaker(index: int) -> Person | None:
        return speakers[index] if speakers is not None else _speaker(folded[spans[index][0]:spans[index][1]], lexicon)

    first = stating[0]
    named = [index for index in range(first + 1, len(spans))
             if not person_words.isdisjoint(_WORD.findall(folded, spans[index][0], spans[index][1]))]
    if not named:   # "Hij verklaarde ...": later statements that name no person
        return text
    subject = speaker(first) or Person()
    if subject.many or subject.other or subject.relative or len(subject.numbers) > 1:
        return text
    # a later statement by someone else; or one that opens with such a person as the one who travelled ("Verdachte 1
    # reisde apart via BE"), unless it tells what that person did with the subject ("De verdachte bracht haar naar ...")
    others: set[int] = set()
    for index in named:
        person = speaker(index)
        if person is None or not _someone_else(person, subject, lexicon):
            continue
        statement = folded[spans[index][0]:spans[index][1]]
        if (index in stating or (bool(person.noun) and not person.relative   # not "First Greece, then ..."
                                 and _opens_with_person(folded, spans[index], lexicon)
                                 and not _acts_on_subject(statement, person, lexicon))) and not _drivers_way(
                statement, person, lexicon):
            others.add(index)
    if not others:
        return text
    return "".join(text[start:stop] for index, (start, stop) in enumerate(spans) if index not in others)




_WORD: Final = re.compile(r"[\w']+")
_POSSESSIVES: Final = ("zijn ", "haar ", "his ", "her ", "hun ", "their ")
_PUNCTUATION_TO_SPACE: Final = str.maketrans(",.;:!?()'\"", " " * 10)
_PUNCTUATION_TO_SPACE_BYTES: Final = bytes.maketrans(b",.;:!?()'\"", b" " * 10)


def _punctuation_to_space(folded: str) -> str:
    """``_PUNCTUATION_TO_SPACE`` applied: as a ``bytes.translate`` for ASCII text (folded text nearly always is), which
    is several times faster than ``str.translate`` with a table of characters."""
    if folded.isascii():
        return folded.encode("ascii").translate(_PUNCTUATION_TO_SPACE_BYTES).decode("ascii")
    return folded.translate(_PUNCTUATION_TO_SPACE)


@lru_cache(maxsize=1)
def _person_words() -> frozenset[str]:
    """Every word of the nouns that can name someone other than the subject (several persons, relatives, companions,
    'other', ordinals): a statement holding none is told by the subject or names no one ("Betrokkene verklaart")."""
    lists = cues()["persons"]
    ordinals = [word for word, number in (lists.get("ordinals") or {}).items() if int(number) > 1]   # the first is the subject
    phrases = [*lists["plural"], *lists["companions"], *lists["other_words"], *lists.get("always_other", ()), *ordinals]
    return frozenset(fold(str(phrase)).split()[-1] for phrase in phrases) - _relative_words()


@lru_cache(maxsize=1)
def _relative_words() -> frozenset[str]:
    """The last word of each relative (``persons.relatives``: "travel companion" -> "companion")."""
    return frozenset(fold(str(phrase)).split()[-1] for phrase in cues()["persons"]["relatives"])


def _someone_else(speaker: Person | None, subject: Person, lexicon: _Lexicon) -> bool:
    if speaker is None:
        return False
    if subject.numbers and speaker.numbers:   # "Verdachte 2 verklaarde ... Verdachte 1 en 3 verklaarden ..."
        return not set(speaker.numbers) <= set(subject.numbers)
    return (speaker.other or speaker.many or bool(speaker.numbers) or speaker.relative
            or _another_companion(speaker, subject, lexicon))


def _opens_with_person(folded: str, span: tuple[int, int], lexicon: _Lexicon) -> bool:
    """Whether a statement's first words are a person reference (the one the statement is about)."""
    start = span[0] + len(folded[span[0]:span[1]]) - len(folded[span[0]:span[1]].lstrip())
    if lexicon.reference.match(folded, start, span[1]) is not None:
        return True
    first = lexicon.reference.search(folded, start, span[1])   # "De in dit pv genoemde verdachte 2 reisde ..."
    return first is not None and _fronted(folded[start:first.start()].split(), first, lexicon)
