"""The document layer: what a record says about itself, applied to its text before the route rules read it.

Real records are not plain stories. ``prepare`` rewrites a text into the account the rules should read:
1. police and border-guard shorthand written out (``abbreviations.csv``: "verd." -> "verdachte"), so its dots no
   longer end sentences and its words match the cue lists;
2. ISO2 country codes and IATA airport codes read as the countries they stand for, where the context makes them
   codes (capitals after a travel word, joined to another code or a place, before a Dutch postposition or a
   travel word and a code: "via IR en TR naar GR", "overstap DXB", "LOS-CAI-AMS", "Quetta - IR - TR", "te voet
   HU in,"; ``airports.csv``, ``document.yaml``), never "DE" as a word of a title in capitals or "UA registration";
3. a lawyer's letter correcting an interview report read as the corrected account (``letters.py``);
4. in a record about several persons, only the sentences about the person the record is about (``subject.py``);
5. several journeys: the account ends at the first arrival in the Netherlands (``journeys.py``);
6. a speaker correcting themself ("naar Bulgaristan - nee, sorry, ik bedoel eerst naar Makedonya"): the place named
   right before the correction is not read.

Each step is gated by a cheap test, so a plain narrative passes through at the cost of a few searches. Every
list is data in ``routekit/reference/gazetteer/`` (``document.yaml``, ``abbreviations.csv``, ``airports.csv``,
``airports_also_countries.csv``).
"""

from __future__ import annotations

from typing import Final

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache

import yaml

from routekit.errors import InputError
from routekit.text.gazetteer import data_path, find_places, gazetteer, read_data_csv
from routekit.text.wordstart import word_start_first
from routekit.text.normalise import fold

_ISO3: Final = re.compile(r"[A-Z]{3}")


@lru_cache(maxsize=1)
def cues() -> dict:
    """``document.yaml``: the cue lists of every step of the document layer."""
    path = data_path("document.yaml")
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    for section in ("codes", "letters", "persons", "journeys", "negation_words"):
        if not isinstance(data.get(section), dict):
            raise InputError(path, f"section '{section}' is missing or not a mapping", field=section)
    return data


def words_regex(patterns, anchored_end: bool = True) -> re.Pattern[str]:
    """One regex of whole-word alternatives (regex fragments from ``document.yaml``) for folded text. A fragment written
    with a trailing space ("concerns (his|her|their) ") ends at that word: the space would make the whole-word end
    unmatchable before the next word."""
    alternatives = "|".join(sorted((str(p).rstrip(" ") or str(p) for p in patterns), key=len, reverse=True))
    return word_start_first(re.compile(r"(?<![\w'])(?:" + alternatives + (r")(?![\w'])" if anchored_end else ")")))


def literal_alternation(words: Iterable[str]) -> str:
    """A regex source that matches exactly the given literal strings, their common beginnings written once (a trie:
    "betr(?:e(?:ft|kking)|okkene)"). ``re`` tries the alternatives of an alternation one by one at every position, so
    a gate of twenty words is tried twenty times there; the factored form tries one branch per first letter."""
    trie: dict = {}
    for word in words:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}   # a word ends here

    def source(node: dict) -> str:
        branches = [re.escape(char) + source(child) for char, child in sorted(node.items()) if char]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return "(?:" + body + ")?" if "" in node else body

    return source(trie)   # no words: "", which matches everywhere, as an empty alternation does


# --- 1. abbreviations ------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class _Abbreviations:
    expansion: dict[str, str]   # abbreviation (lower case) -> expansion
    dotted: frozenset[str]      # the abbreviations that end in a dot ("verd.", "i.v.m.")
    plain: tuple[str, ...]      # the others ("alwaar")
    gate: re.Pattern[str]       # see ``_may_hold``
    plain_words: re.Pattern[str] | None   # the abbreviations without a dot as whole words
    phrase_final: frozenset[str] = frozenset()   # document.yaml abbreviations.phrase_final ("nat.")


@lru_cache(maxsize=1)
def _abbreviations() -> _Abbreviations:
    expansion: dict[str, str] = {}
    for number, row in enumerate(read_data_csv("abbreviations.csv"), start=2):
        short, long = row.get("abbreviation", ""), row.get("expansion", "")
        if not short or not long:
            raise InputError(data_path("abbreviations.csv"), "an abbreviation and its expansion are required",
                             row=number, field="expansion" if short else "abbreviation")
        expansion[short.lower()] = long
    dotted = frozenset(a for a in expansion if a.endswith("."))
    plain = tuple(a for a in expansion if a not in dotted)
    # starts with a literal: ``re`` jumps to the dots; a capitalised two-letter word's dot before a name too ("St. Maarten")
    phrase_final = frozenset(str(a).lower() for a in cues().get("abbreviations", {}).get("phrase_final", ()))
    # ... and a phrase-final one before a capitalised word ("nat. Irak,")
    final_before_name = "".join(r"|(?<=\b" + re.escape(a[:-1]) + r"\.)\s+[A-Z]" for a in sorted(phrase_final))
    gate = re.compile(r"\.(?=\s+[a-z0-9(]|[A-Za-z]\.|[,;:)]|(?<=\b[A-Z][a-z]\.)\s+[A-Z]" + final_before_name + ")")
    words = re.compile(r"(?<![\w'])(?:" + "|".join(map(re.escape, plain)) + r")(?![\w'])") if plain else None
    return _Abbreviations(expansion, dotted, plain, gate, words, phrase_final)


# a capitalised word after a phrase-final abbreviation: a new sentence ("nat. Betr.", not the code in "nat. SYR"),
# unless the abbreviation stands in a list, after a comma or bracket, and a comma or bracket ends the word: then it is
# the phrase's value ("betrokkene, nat. Irak, werd ..."; "de Eritrese nat. Soedan, Libie ..." is a new sentence)
_SENTENCE_AFTER: Final = re.compile(r"\s+[A-Z][a-z]")
_VALUE_AFTER: Final = re.compile(r"\s+[A-Z][a-z][^\W\d_]*\s*[,;)]")
_IN_A_LIST: Final = re.compile(r"[,(]\s*$")


def expand_abbreviations(text: str) -> str:
    """'Verd. verklaarde ...' -> 'Verdachte verklaarde ...' (a capitalised abbreviation stays capitalised).

    Most texts hold none, which ``_may_hold`` sees cheaply (one regex of all abbreviations would be tried at every
    position of every text); only then is the word before each dot looked up, and the words without a dot.
    """
    table = _abbreviations()
    if not _may_hold(text, table):
        return text
    lowered = text.lower()
    found: list[tuple[int, int, str]] = []
    dot = lowered.find(".")
    while dot >= 0:
        start = max(lowered.rfind(" ", 0, dot), lowered.rfind("(", 0, dot), lowered.rfind("\n", 0, dot)) + 1
        end = dot + 1
        long = table.expansion.get(lowered[start:end])
        if long is not None and (end == len(text) or not text[end].isalnum()):
            if lowered[start:end] in table.phrase_final and _SENTENCE_AFTER.match(text, end) and not (
                    _VALUE_AFTER.match(text, end) and _IN_A_LIST.search(text, max(0, start - 3), start)):
                long += "."   # "Marokkaanse nat. Betr. verklaarde": the dot also ends the sentence
            found.append((start, end, long))
        dot = lowered.find(".", end)
    if table.plain_words is not None and any(map(lowered.__contains__, table.plain)):
        found += [(m.start(), m.end(), table.expansion[m.group()]) for m in table.plain_words.finditer(lowered)]
    if not found:
        return text
    pieces, last = [], 0
    for start, end, long in sorted(found):
        if start < last:
            continue
        pieces.append(text[last:start])
        pieces.append(long[:1].upper() + long[1:] if text[start:start + 1].isupper() else long)
        last = end
    pieces.append(text[last:])
    return "".join(pieces)


def _may_hold(text: str, table: _Abbreviations) -> bool:
    """Whether a text may hold an abbreviation: a dot inside a sentence (followed by a lower-case word, a digit,
    another letter and dot, or a comma or bracket: "Verd. verklaarde", "betr. 2", "i.v.m.", "nat.)"; or ending a
    capitalised two-letter word before a name: "St. Maarten") or one of the
    abbreviations without a dot (a substring test). The regex starts with a literal dot, so ``re`` jumps from dot to
    dot; an alternative for the words without a dot would make it try every position."""
    if table.gate.search(text) is not None:
        return True
    if not table.plain:
        return False
    lowered = text.lower()
    return any(map(lowered.__contains__, table.plain))   # substring tests in C (a generator cost ~1 us a text)


# --- 2. ISO2 and IATA codes ------------------------------------------------------------------------------------

@dataclass(frozen=True)
class _Codes:
    names: dict[str, str]            # code -> a gazetteer name of its country ("IST" -> "Turkey")
    travel: frozenset[str]
    weak: frozenset[str]
    list_gap: re.Pattern[str]       # what may stand between two codes of a list (", ", " en ")
    ambiguous: frozenset[str]
    not_after: frozenset[str]
    countries: dict[str, str] = field(default_factory=dict)   # ISO3 code -> a name of that country ("ITA" -> "Italy")
    phrases: frozenset[str] = frozenset()   # two travel words before a code ("grens met")
    # right after a code: a postposition ending the clause or a participle of entering ("HU in,", "NL ingereisd"),
    # or a travel word and another code ("AT naar NL")
    entered: re.Pattern[str] = re.compile("(?!)")
    onward: re.Pattern[str] = re.compile("(?!)")
    dutch: dict[str, str] = field(default_factory=dict)   # a name above -> the Dutch name ("Turkey" -> "Turkije")
    verbs: frozenset[str] = frozenset()   # travel and stay verbs: a clause with one tells travel (_weak_code_kept)
    work: frozenset[str] = frozenset()   # work words ("werkte", "werkzaam", "employed"): see _weak_code_kept
    border: frozenset[str] = frozenset()   # a border word before a pair of codes ("grens DE-NL"): a border, no leg
    # a code that is also a country's ISO3 code -> a name of its airport's country ("GEO" -> "Guyana"), read so only
    # next to another airport's code (``airports_also_countries.csv``, see ``read_codes``)
    also_countries: dict[str, str] = field(default_factory=dict)


def _country_names(order: tuple[str, str] = ("name_en", "name_nl")) -> dict[str, str]:
    """ISO3 -> a name the gazetteer reads as that country (English first, or Dutch first)."""
    from routekit.reference import countries

    table = gazetteer()
    names: dict[str, str] = {}
    for iso3, row in countries().iterrows():
        for name in (str(row[order[0]]), str(row[order[1]])):
            place = table.get(" ".join(fold(name).replace(",", " ").replace(".", " ").split()))
            if place is not None and place.iso3 == iso3 and place.kind == "country":
                names[str(iso3)] = name
                break
    return names


@lru_cache(maxsize=1)
def _codes() -> _Codes:
    import pycountry

    settings = cues()["codes"]
    by_iso3 = _country_names()
    names: dict[str, str] = {}
    for country in pycountry.countries:
        if country.alpha_3 in by_iso3:
            names[country.alpha_2] = by_iso3[country.alpha_3]
    for code, iso3 in (settings.get("aliases") or {}).items():
        if iso3 in by_iso3:
            names[str(code)] = by_iso3[iso3]
    path = data_path("airports.csv")
    for number, row in enumerate(read_data_csv("airports.csv"), start=2):
        code, iso3 = row.get("iata", ""), row.get("iso3", "")
        if not _ISO3.fullmatch(code):
            raise InputError(path, f"IATA code {code!r} is not three capital letters", row=number, field="iata")
        if not _ISO3.fullmatch(iso3):
            raise InputError(path, f"country {iso3!r} is not an ISO3 code", row=number, field="iso3")
        if iso3 in by_iso3:
            names.setdefault(code, by_iso3[iso3])
    also_countries = {row["iata"]: by_iso3[row["iso3"]] for row in read_data_csv("airports_also_countries.csv")
                      if row["iso3"] in by_iso3}

    def words(key: str) -> frozenset[str]:
        return frozenset(str(w).lower() for w in settings.get(key) or ())

    joiners = "|".join(re.escape(w) for w in sorted(words("list_words"), key=len, reverse=True))
    list_gap = re.compile(r"\s*(?:" + joiners + r")?\s*")
    # ISO3 country codes ("naar NLD", "via ITA"); a hub airport's code wins alone ("FRA" is Frankfurt), a chain of
    # country codes reads them as countries ("train ITA-FRA", see read_codes)
    countries = {iso3: name for iso3, name in by_iso3.items() if _ISO3.fullmatch(iso3)}
    for iso3, name in countries.items():
        names.setdefault(iso3, name)
    for code in settings.get("not_codes") or ():
        names.pop(str(code), None)
        countries.pop(str(code), None)
    postpositions = "|".join(sorted(words("postpositions"), key=len, reverse=True)) or "(?!)"
    participles = "|".join(sorted(words("entered_participles"), key=len, reverse=True)) or "(?!)"
    entered = re.compile(r"[ \t]+(?:(?:" + postpositions + r")(?=[ \t]*(?:[,.;:)]|$))"
                         r"|(?:(?:was|is|zijn|waren|werd)[ \t]+)?(?:" + participles + r")(?![\w'-]))", re.IGNORECASE)
    onward_words = "|".join(sorted((words("travel_words") | words("place_verbs")) - words("weak_travel_words")
                                   - words("travel_verbs"), key=len, reverse=True))
    onward = re.compile(r"[ \t]+(?:" + onward_words + r")[ \t]+([A-Z]{2,3})(?![\w-])")
    in_dutch = _country_names(("name_nl", "name_en"))
    # not a Dutch name with a comment or a comma in it ("Sint Maarten (Nederlands deel)": its "Nederlands" is no
    # stop; "Moldavië, Republiek" would read as a list)
    dutch = {name: in_dutch[iso3] for iso3, name in by_iso3.items()
             if iso3 in in_dutch and "(" not in in_dutch[iso3] and "," not in in_dutch[iso3]}
    weak = words("weak_travel_words") | words("travel_verbs")
    verbs = words("travel_verbs") | words("place_verbs") | words("stay_verbs")
    return _Codes(names, words("travel_words") | words("place_verbs") | weak, weak, list_gap,
                  frozenset(str(w) for w in settings.get("ambiguous") or ()), words("not_after"), countries,
                  words("travel_phrases") | words("mode_phrases"), entered, onward, dutch, verbs, words("work_words"),
                  words("border_words"), also_countries)


# A capitalised token of two or three letters, or a chain of them joined by hyphens/slashes ("LOS-CAI-AMS"). It
# starts with a character class (capitals are rare), so ``re`` skips ahead to candidates; the look-behind follows.
# "ALG–IST", "IR - TR" too
_CODE_CHAIN: Final = re.compile(r"[A-Z](?<![\w-][A-Z])[A-Z]{1,2}(?: ?[-/>–—] ?[A-Z]{2,3})*(?![\w-])")
_CHAIN_JOIN: Final = re.compile(r" ?[-/>–—] ?")
_WORD_BEFORE: Final = re.compile(r"([\w']+|[,&])\W*$")
_TWO_WORDS_BEFORE: Final = re.compile(r"([\w']+)\s+([\w']+)\W*$")
_PLACE_JOINED_BEFORE: Final = re.compile(r"([\w'.]+)\s?[-–—>]\s?$")   # "Quetta - IR - TR": the chain goes on from a place
# the word right after a code, in its own clause ("UA registration"; not "naar AMS. Paspoort"); "visa-free" is one word
_WORD_AFTER: Final = re.compile(r"^[ \t]*([\w']+(?:-[\w']+)*)")
_ONE_WORD_GAP: Final = re.compile(r"[ \t]+[a-z]+[ \t]+")   # "HAV to GEO", "IKA naar GEO": one word between two codes
_CODE_NEXT: Final = re.compile(r"[ \t]+[a-z]+[ \t]+([A-Z]{3})(?![\w-])")   # "from CAN to IST": the code one word on


def _an_airport(code: str, table: _Codes) -> bool:
    """An airport's code that is no country's ("IST", "HAV"; not "FRA", also France)."""
    return len(code) == 3 and code in table.names and code not in table.countries


def _chain_names(parts: list[str], names: dict[str, str], table: _Codes, next_to_airport: bool) -> list[str]:
    """The countries a chain of codes names: a code that is also a country's (``also_countries``) is its airport
    next to another airport's code ("ALA-IST-AMS" Almaty, "from HAV to GEO" Georgetown, "from CAN to IST"
    Guangzhou: ``next_to_airport``), else the country."""
    if not table.also_countries.keys() & set(parts):
        return [names[p] for p in parts]
    airport_near = next_to_airport or any(_an_airport(p, table) for p in parts)
    return [table.also_countries[p] if p in table.also_countries and airport_near else names[p] for p in parts]


def _is_place(word: str) -> bool:
    """A word the gazetteer reads as a place ("Quetta"), or a code of one ("IR" in "IR - TR - GR")."""
    if word in _codes().names:
        return True
    return gazetteer().get(fold(word).strip(".")) is not None


def _in_dutch(text: str) -> bool:
    """A record in Dutch: more of its words are Dutch function words than English ones (``document.yaml``
    ``codes.function_words``; asked only of a record with codes read)."""
    dutch, english = _function_words()
    words = re.findall(r"[a-z]+", text[:2000].lower())
    return sum(word in dutch for word in words) > sum(word in english for word in words)


@lru_cache(maxsize=1)
def _function_words() -> tuple[frozenset[str], frozenset[str]]:
    lists = cues()["codes"].get("function_words") or {}
    return frozenset(lists.get("nl") or ()), frozenset(lists.get("en") or ())


_CLAUSE_END: Final = re.compile(r"[.;:!?,()\n]")
_WORD: Final = re.compile(r"[\w']+")


def _weak_code_kept(text: str, start: int, end: int, word: str, read: list[tuple[int, int, list[str]]],
                    table: _Codes) -> bool:
    """An ambiguous code after a weak travel word ("van IT", "in IT"), in a record with other codes read: never in a
    clause with a work word ("werkte in IT", "werkzaam in HR", "die in IT werkte", "works in IT": a department); after
    "in" a country only when it is list-joined to a code read ("in HR en AT naar NL") or its clause holds a travel or
    stay verb ("verbleef in HR en reisde via SI", "never been in IT")."""
    clause_start = max((m.end() for m in _CLAUSE_END.finditer(text, max(0, start - 200), start)),
                       default=max(0, start - 200))
    after = _CLAUSE_END.search(text, end, end + 200)
    words = _WORD.findall(text[clause_start:after.start() if after else end + 200].lower())
    if not table.work.isdisjoint(words):
        return False
    if word != "in":
        return True
    for other_start, other_end, _ in read:
        if (other_end <= start and table.list_gap.fullmatch(text[other_end:start])) or (
                end <= other_start and table.list_gap.fullmatch(text[end:other_start])):
            return True
    return any(w in table.verbs for w in words)


# A-Z as "A", every other byte a space: two capitals together show as "AA" (see ``read_codes``)
_CAPITALS: Final = bytes(65 if 65 <= code <= 90 else 32 for code in range(256))


def read_codes(text: str) -> str:
    """ISO2 and IATA codes in travel context replaced by their countries' names ("via IST naar AMS").

    Every code starts with two capitals together, which most texts lack: one ``bytes.translate`` tells, before the
    code scan stops at every capital (dropping the non-ASCII characters can only join capitals, so no code is
    missed)."""
    if b"AA" not in text.encode("ascii", "ignore").translate(_CAPITALS):
        return text
    table = _codes()
    read: list[tuple[int, int, list[str]]] = []   # start, end, the countries' names
    weak_words: list = []   # ambiguous codes after a weak travel word ("in IT") and that word, see below
    previous_code_end = -100
    previous_airport_end = -100   # the end of the last chain read that ends with an airport's code ("HAV" to GEO)
    for match in _CODE_CHAIN.finditer(text):
        parts = _CHAIN_JOIN.split(match.group())
        if not all(part in table.names for part in parts) and not (
                len(parts) > 1 and all(part in table.countries for part in parts)):
            continue
        start, end = match.span()
        before = _WORD_BEFORE.search(text, max(0, start - 40), start)
        word = before.group(1).lstrip("'") if before else ""   # "'via BE'": a quoted travel word
        following = text[end:end + 40]
        after = _WORD_AFTER.match(following)
        if len(parts) == 1 and after and after.group(1).lower() in table.not_after:
            continue   # a document or plate of one state ("UA registration"); a chain is a route ("PVG-IST (visa)")
        lowered = word.lower()
        if lowered in table.border or (len(parts) > 1 and after and after.group(1).lower() in table.border):
            continue   # "bij de grens DE-NL", "at the DE-NL border": a border names no stop
        # a chain of airports, or of airports and countries ("LOS-CAI-AMS", "PK-DOH-PRG"), or of country codes
        # alone ("boat LY-IT", "train IT-FR-BE-NL": a hyphen-joined pair of codes is a leg, not two departments)
        chained = len(parts) > 1
        # a code right after another one, joined by a comma or "en"/"and": a list ("via IR en TR", "HR, SI")
        listed = 0 <= start - previous_code_end <= 8 and bool(table.list_gap.fullmatch(text[previous_code_end:start]))
        if not listed and word.isupper() and word.isalpha() and len(word) > 1:
            continue   # a title in capitals ("ONDERZOEK NAAR DE ..."), not a code after a travel word (or "EK147")
        if lowered not in table.travel and any(phrase.endswith(f" {lowered}") for phrase in table.phrases):
            two = _TWO_WORDS_BEFORE.search(text, max(0, start - 40), start)
            if two and f"{two.group(1)} {two.group(2)}".lower() in table.phrases:
                lowered = f"{two.group(1)} {two.group(2)}".lower()
        weak_word = False
        if lowered in table.travel or lowered in table.phrases:
            accepted = (lowered not in table.weak and lowered not in table.phrases) or not any(
                p in table.ambiguous for p in parts)
            weak_word = not accepted
        else:
            accepted = chained or listed
        if not accepted:
            # "te voet HU in,", "NL ingereisd", "en AT naar NL", "Quetta - IR - TR": the words after, or the chain of
            # places before, make it a place
            onward = table.onward.match(following)
            joined = _PLACE_JOINED_BEFORE.search(text, max(0, start - 40), start) if any(
                c in text[max(0, start - 2):start] for c in "-–—>") else None
            plain = not any(p in table.ambiguous for p in parts)
            accepted = bool((plain and table.entered.match(following)) or (
                onward and onward.group(1) in table.names and onward.group(1) not in table.ambiguous) or (
                joined and _is_place(joined.group(1))))
        # a chain of country codes ("train ITA-FRA, bus FRA-NLD") reads them as countries, not airports (Frankfurt)
        names = table.countries if chained and all(p in table.countries for p in parts) else table.names
        if not accepted:
            if weak_word:
                weak_words.append((start, end, [names[p] for p in parts], lowered))
            continue
        next_to_airport = previous_airport_end >= 0 and bool(_ONE_WORD_GAP.fullmatch(text, previous_airport_end, start))
        if not next_to_airport and parts[-1] in table.also_countries:
            following_code = _CODE_NEXT.match(following)
            next_to_airport = following_code is not None and _an_airport(following_code.group(1), table)
        read.append((start, end, _chain_names(parts, names, table, next_to_airport)))
        previous_code_end = end
        if _an_airport(parts[-1], table):
            previous_airport_end = end
    if not read:
        return text
    # a record that writes its stops as codes writes them so after "in" too ("verbleef in HR; daarna via SI en IT"),
    # unless a work word makes it a department ("werkte in IT")
    if weak_words:
        weak_words = [(start, end, names) for start, end, names, word in weak_words
                      if _weak_code_kept(text, start, end, word, read, table)]
    spans = sorted(read + weak_words) if weak_words else read
    # the names in the record's language, so that its own cues meet them ("opnieuw naar Nederland")
    dutch = _in_dutch(text)
    pieces: list[str] = []
    last = 0
    for start, end, span_names in spans:
        pieces.append(text[last:start])
        pieces.append(" - ".join(table.dutch.get(name, name) for name in span_names) if dutch else " - ".join(span_names))
        last = end
    pieces.append(text[last:])
    return "".join(pieces)


# --- a speaker correcting themself ------------------------------------------------------------------------------

@lru_cache(maxsize=1)
def _self_correction() -> re.Pattern[str]:
    settings = cues().get("self_correction") or {}
    nos = "|".join(re.escape(fold(str(w))) for w in cues()["negation_words"]["no"])   # the one list of 'no' words
    then = "|".join(re.escape(fold(str(w))) for w in sorted(settings.get("then") or ["(?!)"], key=len, reverse=True))
    # "naar Bulgaristan - nee, ik bedoel ...": a dash or comma, 'no' and a correction word; "In Kosice? No, sorry, in
    # Kyiv", "Ik zei Australie... nee, Albanie", "Alleen tot Oujda? Nee, nooit": the speaker doubts the place and denies it
    return re.compile(r"[-–—,](?<=[\w\s][-–—,])[-–—,]*\s*(?:" + nos + r")(?![\w'])[\s,.]*(?:(?:sorry|wacht|wait)[\s,.]*)?(?:" + then
                      + r")(?![\w'])|(?:\?|\.\.\.|…)\s*(?:" + nos + r")(?![\w'])", re.IGNORECASE)


@lru_cache(maxsize=1)
def _corrected_after_question() -> re.Pattern[str]:
    """"via Italy? - corrected: from Spain straight to France": the officer's correction of a doubted place."""
    words = (fold(str(w)) for w in (cues().get("self_correction") or {}).get("corrected") or ())
    return re.compile(r"\?\s*[-–—]?\s*(?:" + (literal_alternation(words) or "(?!)") + r")(?![\w'])", re.IGNORECASE)


# places listed together before a doubting question mark: "via Tunesië en Libië? Nee, via Egypte" doubts both when
# the officer corrects ("? - corrected:") or the 'no' gives a new way ("via"); "via Iran, Turkije en Bulgarije? Nee,
# Griekenland" takes back only the last
_LIST_JOINER: Final = re.compile(r"\s*(?:,|,?\s+(?:en|and|or|of))\s+")
_NEW_ROUTE: Final = re.compile(r"[\s,.!:;-]*(?:via|over|through)(?![\w'])")


@lru_cache(maxsize=1)
def _no_words() -> tuple[re.Pattern[str], tuple[str, ...]]:
    """A cheap first test on the folded text: a 'no' word (``negation_words: no``, every one: 'nope' too) as a word
    of its own inside the text (" nee,", " no.", "? nope ") or at its end (not "No:", which an officer's own
    sentence holds: "North Macedonia? No: he clarified later ...")."""
    words = [fold(str(word)) for word in cues()["negation_words"]["no"]]
    inside = literal_alternation(f" {word}{end}" for word in words for end in " ,.!?;\n")
    return re.compile(inside), tuple(f" {word}" for word in words)   # one scan, not one substring test per form


def drop_self_corrected(text: str, folded: str | None = None) -> str:
    """'naar Bulgaristan - nee, sorry, ik bedoel eerst naar Makedonya': the place named right before the speaker's
    own correction is blanked (same length, so offsets hold), a whole list before a doubting question mark when the
    officer corrects it or the 'no' gives a new way ("via Tunesië en Libië? Nee, via Egypte", "via Italy? - corrected:");
    a text without such a correction is returned as is."""
    folded = fold(text) if folded is None else folded
    inside, last = _no_words()
    corrections = []
    if inside.search(folded) or folded.endswith(last):   # most texts hold no 'no'
        corrections = list(_self_correction().finditer(text))
    officers: list[re.Match[str]] = []
    if "?" in text:
        officers = list(_corrected_after_question().finditer(folded))
    if not corrections and not officers:
        return text
    mentions = find_places(text, folded)
    pieces = list(text)
    for correction in corrections + officers:
        before = [i for i, m in enumerate(mentions) if m.end <= correction.start() and correction.start() - m.end <= 3]
        if not before:
            continue
        first = final = before[-1]
        whole = correction in officers or _NEW_ROUTE.match(folded, correction.end()) is not None
        if whole and text[correction.start()] == "?":   # a doubting question: the whole list before it
            while first > 0 and _LIST_JOINER.fullmatch(text, mentions[first - 1].end, mentions[first].start):
                first -= 1
        for mention in mentions[first:final + 1]:
            pieces[mention.start:mention.end] = " " * (mention.end - mention.start)
    return "".join(pieces)


# --- a correction the person made, told by the record -----------------------------------------------------------

SENTENCE_END: Final = re.compile(r"[.!?](?<!\s[a-z][.!?])(?<!^[a-z][.!?])(?=\s|$)")   # not an initial's dot (journeys.py too)


@lru_cache(maxsize=1)
def _told_correction() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """The correction cue (a verb, then its colon in the sentence), a clause boundary inside the new version and a
    negation word (``negation_words: not``, the one list)."""
    settings = cues()["told_correction"]
    verbs = literal_alternation(fold(str(w)) for w in settings["verbs"])
    joiners = literal_alternation(fold(str(w)) for w in settings["clause_joiners"])
    nots = literal_alternation(fold(str(w)) for w in cues()["negation_words"]["not"])
    return (re.compile(r"(?<![\w'])(?:" + verbs + r")(?![\w'])[^.!?:;]{0,60}:"),
            re.compile(r"[,;:]|(?<![\w'])(?:" + joiners + r")(?![\w'])"),
            re.compile(r"(?<![\w'])(?:" + nots + r")(?![\w'])"))


def _denied_in_new_version(folded: str, start: int, offset: int, boundary: re.Pattern[str],
                           negation: re.Pattern[str]) -> bool:
    """Whether a negation stands in the clause of the new version before ``offset`` ("he did not go to Mali", "not
    to Latvia but to Lithuania": Lithuania's clause opens after "but")."""
    for match in boundary.finditer(folded, start, offset):
        start = match.end()
    return negation.search(folded, start, offset) is not None


def drop_told_corrected(text: str, folded: str | None = None) -> str:
    """A record telling that the person corrected an earlier version ("vertelde eerst dat hij via Kenia reisde, maar
    corrigeerde dat later: hij ging via Ethiopie", "She corrects herself: not to Greece but to Bulgaria"): places of
    the version corrected are blanked (same length, so offsets hold) - in the cue's own sentence the place told last
    before the cue when the new version (after the colon) does not name its country, in the sentence before it the
    countries the new version denies."""
    folded = fold(text) if folded is None else folded
    if "correct" not in folded and "corrige" not in folded and "verbeter" not in folded:   # substrings first
        return text
    cue, boundary, negation = _told_correction()
    corrections = list(cue.finditer(folded))
    if not corrections:
        return text
    mentions = [m for m in find_places(text, folded) if m.place.iso3 != "NLD"]
    ends = [0] + [m.end() for m in SENTENCE_END.finditer(folded)] + [len(folded)]
    blanked = []
    for correction in corrections:
        at = correction.start()
        opening = max(end for end in ends if end <= at)
        closing = min(end for end in ends if end >= correction.end())
        new_version = [m for m in mentions if correction.end() <= m.start < closing]
        if not new_version:
            continue
        denied = [_denied_in_new_version(folded, correction.end(), m.start, boundary, negation) for m in new_version]
        named = {m.place.iso3 for m, no in zip(new_version, denied) if not no}
        same = [m for m in mentions if opening <= m.start < at]
        if same:   # the place told last before the cue ("via Kenia reisde, maar corrigeerde dat")
            blanked += [m for m in same[-1:] if m.place.iso3 not in named]
        else:
            gone = {m.place.iso3 for m, no in zip(new_version, denied) if no} - named
            before = max((end for end in ends if end < opening), default=0)
            blanked += [m for m in mentions if before <= m.start < opening and m.place.iso3 in gone]
    if not blanked:
        return text
    pieces = list(text)
    for mention in blanked:
        pieces[mention.start:mention.end] = " " * (mention.end - mention.start)
    return "".join(pieces)


# --- a record in a Dutch file --------------------------------------------------------------------------------------

def translation_opening_chars() -> int:
    """How far into a record its translation label may stand (``file_translation.opening_chars``): one reach for every
    reader of that label."""
    return _file_translation()[0]


@lru_cache(maxsize=1)
def _file_translation() -> tuple[int, re.Pattern[str], frozenset[str]]:
    """The opening's reach, its cue phrases as one regex (a trie: one scan of the opening instead of a substring test
    per phrase, ~28) and the first words."""
    settings = cues().get("file_translation") or {}
    phrases = literal_alternation(fold(str(c)) for c in settings.get("cues") or ()) or "(?!)"
    return (int(settings.get("opening_chars", 160)), re.compile(phrases),
            frozenset(fold(str(w)) for w in settings.get("first_words") or ()))


_FIRST_WORD: Final = re.compile(r"\W*(\w+)")


def in_dutch_file(text: str) -> bool:
    """An interpreter's translation made for the file ("Vertaling uit het Tigrinya: ...", "Translation from Urdu"), or
    a lawyer's letter correcting the client's interview report: the person is in the Netherlands, so the route ends in
    NLD though the statement names no Dutch place."""
    reach, phrases, first_words = _file_translation()
    lowered = text.lower()
    opening = lowered[:reach]   # the cue phrases are plain ASCII: no need to fold accents
    if phrases.search(opening) is not None:
        return True
    first = _FIRST_WORD.match(opening)
    if first is not None and first.group(1) in first_words:
        return True
    is_letter, may_represent = _letter_tests()
    if "client" not in lowered and "cliënt" not in lowered and not may_represent(lowered):   # substrings first
        return False
    return is_letter(fold(text))


@lru_cache(maxsize=1)
def _letter_tests():
    """letters.is_letter and may_represent, imported once (letters.py imports this module)."""
    from routekit.text.letters import is_letter, may_represent

    return is_letter, may_represent


# --- the layer -------------------------------------------------------------------------------------------------

@lru_cache(maxsize=1)
def _steps():
    """The steps after codes and shorthand (imported once: an import statement per text cost ~1% of extraction)."""
    from routekit.text.dialogue import layover_answers, other_persons_answers
    from routekit.text.journeys import first_journey, without_second_journey
    from routekit.text.letters import corrected_account
    from routekit.text.subject import subject_sentences

    return (without_second_journey, corrected_account, subject_sentences, first_journey, layover_answers,
            other_persons_answers)


def prepare(text: str) -> str:
    """The account the route rules should read (see the module docstring); plain narratives pass unchanged."""
    return prepare_folded(text)[0]


def prepare_folded(text: str) -> tuple[str, str]:
    """``prepare``'s account and that account folded: the layer folds it for its own tests, and the extractor reads
    the folded text too (no second fold of every text)."""
    text = read_codes(expand_abbreviations(text))
    folded = fold(text)   # shared by the next steps' first tests; folded again only after a step changed the text
    for step in (drop_self_corrected, drop_told_corrected) + _steps():
        changed = step(text, folded)
        if changed is not text:
            text, folded = changed, fold(changed)
    return text, folded
