"""The gazetteer: every name that stands for a country on a route, and a fast matcher over it.

Sources, in order of precedence (a later source never overrides an earlier one for the same name):
1. ``routekit/reference/gazetteer/country_aliases.csv`` - routekit's exonyms, short forms and
   misspellings (also decides ambiguous names such as "Congo");
2. ``routekit/reference/gazetteer/places.csv`` - cities, islands, border towns, airports, camps,
   enclaves and regions, each mapped to its country (with an optional hint such as ``canary_islands``);
   then ``exonyms.csv`` - other languages' names for countries and main cities ("Almanya", "Uholanzi"),
   as interpreters keep them in translated statements;
3. pycountry: English names, common and official names, and their Dutch, German and French
   translations read with gettext from ``pycountry.LOCALES_DIR`` (domain ``iso3166-1``);
4. routekit's own country table (``routekit.reference.countries()``, English and Dutch names).
Names listed in ``blocked_aliases.csv`` (ordinary words such as German "Island") are never matched.

Matching runs on the tokens of the folded text (see ``normalise.fold`` and ``matcher``): names are
looked up by their first token, longest name first, so the cost grows with the text, hardly with
the number of names. A second, fuzzy pass catches
single-word misspellings of country names at edit distance 1 (e.g. "Masedonie"), for words of 6
letters or more (not city names: "Parisa" is a first name, not Paris).
"""

from __future__ import annotations

import csv
import gettext
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from itertools import compress
from typing import NamedTuple

from routekit.text.matcher import PhraseMatcher, Tokens, WordCache, tokenize
from routekit.text.normalise import fold

GAZETTEER_PACKAGE = "routekit.reference.gazetteer"
TRANSLATION_LANGUAGES = ("nl", "de", "fr")
FUZZY_MIN_LENGTH = 6
# Word endings of demonyms and adjectives ("Franse", "Belgier", "Turkse"): a nationality word is
# not a place, so such words are never fuzzy-matched to a country.
_ADJECTIVE_ENDINGS = ("se", "sche", "ier", "iers", "er", "ers", "aan", "anen", "ees", "ese", "ian",
                      "ians", "ean", "eans", "ish", "isch", "ische", "aans", "ans", "ns", "ch", "ijn", "ijnen")


def _demonym_of(word: str, name: str) -> bool:
    """'Pakistani', 'Yemeni' (name + i), 'Somali' (name less its final a): a nationality, not a misspelt country."""
    return word == name + "i" or (name.endswith("a") and word + "a" == name)


@dataclass(frozen=True)
class Place:
    """What a matched name stands for."""

    iso3: str
    kind: str = "country"   # country | city | island | border | border_side (adjective + border/coast) | airport | camp | enclave | region | port
    hint: str = ""          # tag for classify_corridor, e.g. canary_islands
    case_sensitive: str = ""  # the name as it must be written, when case matters ("UK", "Nice")
    mid_sentence: bool = False  # only counts inside a sentence ("Van", "Meer" start Dutch sentences)


class Mention(NamedTuple):
    """One place name found in a text (a named tuple: created for every name in every text)."""

    start: int
    end: int
    place: Place
    fuzzy: bool = False


def data_path(name: str):
    return resources.files(GAZETTEER_PACKAGE).joinpath(name)


def read_data_csv(name: str) -> list[dict[str, str]]:
    """Rows of a gazetteer CSV; lines starting with '#' are comments."""
    with data_path(name).open("r", encoding="utf-8") as handle:
        lines = [line for line in handle if line.strip() and not line.startswith("#")]
    return [{k: (v or "").strip() for k, v in row.items()} for row in csv.DictReader(lines)]


def _key(name: str) -> str:
    return " ".join(fold(name).replace(",", " ").replace(".", " ").split())


def _pycountry_names() -> list[tuple[str, str]]:
    import pycountry

    translations = {
        lang: gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=[lang], fallback=True)
        for lang in TRANSLATION_LANGUAGES
    }
    names: list[tuple[str, str]] = []
    for country in pycountry.countries:
        english = [country.name]
        for attribute in ("common_name", "official_name"):
            value = getattr(country, attribute, None)
            if value:
                english.append(value)
        for name in english:
            variants = [name]
            if "," in name:  # "Iran, Islamic Republic of" -> "Iran"
                variants.append(name.split(",")[0])
            for variant in variants:
                names.append((variant, country.alpha_3))
                for translation in translations.values():
                    translated = translation.gettext(variant)
                    names.append((translated, country.alpha_3))
                    if "," in translated:
                        names.append((translated.split(",")[0], country.alpha_3))
    return names


def _adjective_places() -> list[tuple[str, str]]:
    """'de Franse grens', 'the Libyan coast': a country adjective with a border/coast noun names that country
    (``country_adjectives.csv`` x ``adjective_nouns.csv``, per language); the adjective alone names nothing."""
    nouns: dict[str, list[str]] = {}
    for row in read_data_csv("adjective_nouns.csv"):
        nouns.setdefault(row["language"], []).append(row["noun"])
    return [(f"{row['adjective']} {noun}", row["iso3"])
            for row in read_data_csv("country_adjectives.csv") for noun in nouns.get(row["language"], [])]


@lru_cache(maxsize=1)
def gazetteer() -> dict[str, Place]:
    """Folded name -> Place, with the precedence described in the module docstring."""
    blocked = {_key(row["alias"]) for row in read_data_csv("blocked_aliases.csv")}
    table: dict[str, Place] = {}

    def add(name: str, place: Place) -> None:
        key = _key(name)
        if len(key) < 2 or key in blocked or key in table:
            return
        table[key] = place

    for row in read_data_csv("not_places.csv"):
        add(row["phrase"], Place(""))
    for row in read_data_csv("country_aliases.csv"):
        sensitive = row["alias"] if row.get("case_sensitive") == "yes" else ""
        add(row["alias"], Place(row["iso3"], "country", "", sensitive))
    for row in read_data_csv("places.csv"):
        flag = row.get("case_sensitive", "")
        sensitive = row["place"] if flag in ("yes", "mid") else ""
        add(row["place"], Place(row["iso3"], row["kind"] or "city", row.get("hint", ""), sensitive, flag == "mid"))
    for row in read_data_csv("exonyms.csv"):   # other languages' names kept in translated statements
        sensitive = row["alias"] if row.get("case_sensitive") == "yes" else ""
        add(row["alias"], Place(row["iso3"], row["kind"] or "country", "", sensitive))
    for phrase, iso3 in _adjective_places():
        add(phrase, Place(iso3, "border_side"))
    for name, iso3 in _pycountry_names():
        add(name, Place(iso3))
    from routekit.reference import countries

    for iso3, row in countries().iterrows():
        add(str(row["name_en"]), Place(str(iso3)))
        add(str(row["name_nl"]), Place(str(iso3)))
    return table


@lru_cache(maxsize=1)
def _matcher() -> PhraseMatcher:
    matcher = PhraseMatcher()
    for name, place in gazetteer().items():
        matcher.add(name, place)   # the payload is the place: no second look-up per match
    return matcher


@lru_cache(maxsize=1)
def _fuzzy_index() -> dict[str, tuple[str, ...]]:
    """Deletion neighbourhood (SymSpell, distance 1) of the one-word names, for the fuzzy pass."""
    index: dict[str, set[str]] = {}
    for name, place in gazetteer().items():
        if (" " in name or len(name) < FUZZY_MIN_LENGTH - 1 or place.case_sensitive or not name.isalpha()
                or not place.iso3 or place.kind != "country"):
            continue
        for variant in {name} | {name[:i] + name[i + 1:] for i in range(len(name))}:
            index.setdefault(variant, set()).add(name)
    return {key: tuple(sorted(value)) for key, value in index.items()}


def _within_one_edit(a: str, b: str) -> bool:
    if a == b:
        return True
    if abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        diff = [i for i in range(len(a)) if a[i] != b[i]]
        if len(diff) == 1:
            return True
        return len(diff) == 2 and diff[1] == diff[0] + 1 and a[diff[0]] == b[diff[1]] and a[diff[1]] == b[diff[0]]
    short, long_ = (a, b) if len(a) < len(b) else (b, a)
    for i in range(len(long_)):
        if long_[:i] + long_[i + 1:] == short:
            return True
    return False


@lru_cache(maxsize=50_000)
def fuzzy_lookup(word: str) -> str | None:
    """The gazetteer name within one edit of ``word`` (None when none or when ambiguous)."""
    if len(word) < FUZZY_MIN_LENGTH or word.endswith(_ADJECTIVE_ENDINGS):
        return None
    index = _fuzzy_index()
    candidates: set[str] = set()
    for variant in {word} | {word[:i] + word[i + 1:] for i in range(len(word))}:
        for name in index.get(variant, ()):
            if _within_one_edit(word, name):
                candidates.add(name)
    places = {gazetteer()[name].iso3 for name in candidates}
    if len(places) != 1:
        return None
    return sorted(candidates)[0]


_TRUE = [True]


def place_phrases(word: str):
    """The place names that can start at ``word`` (for a per-word cache shared with the cue matcher)."""
    return _matcher().starts_of(word)


def fuzzy_name(word: str) -> str:
    """The country name a word misspells, else "".

    A word that is itself a name in the gazetteer gets "": the exact pass always covers its token (a one-word
    name matches wherever no longer name does), so a fuzzy reading of it would be dropped anyway.
    """
    long_word = len(word) >= FUZZY_MIN_LENGTH and word.isalpha() and word not in gazetteer()
    return (fuzzy_lookup(word) if long_word else None) or ""


_FUZZY_NAMES = WordCache(fuzzy_name, 200_000)


def _fuzzy_names(words: list[str]) -> list[str]:
    """Per token, the country name it misspells ("" for most words); each word is looked up once."""
    return _FUZZY_NAMES.values_of(words)


def _starts_sentence(text: str, offset: int) -> bool:
    index = offset - 1
    while index >= 0 and text[index] in " \t\"'“‘(":
        index -= 1
    return index < 0 or text[index] in ".!?:;\n"


def find_places(original: str, folded: str, tokens: Tokens | None = None, stopwords: frozenset[str] = frozenset(),
                phrases: Sequence | None = None, misspelt: Sequence[str] | None = None) -> list[Mention]:
    """All place names in a text, in text order; exact names first, then fuzzy single words.

    ``stopwords`` are words that must never be fuzzy-matched (the cue and mode vocabulary). ``phrases`` and
    ``misspelt``: ``place_phrases`` and ``fuzzy_name`` per token, when the caller looked them up already.
    """
    if tokens is None:
        tokens = tokenize(folded)
    table = gazetteer()
    starts, ends, words = tokens.starts, tokens.ends, tokens.words
    mentions: list[Mention] = []
    matches = _matcher().find_longest(tokens, phrases)
    for first, last, place in matches:
        start, end = starts[first], ends[last - 1]
        if place.case_sensitive and original[start:end].replace("-", " ") != place.case_sensitive.replace("-", " "):
            continue
        if place.mid_sentence and _starts_sentence(original, start):
            continue
        if place.iso3:  # not_places.csv phrases are matched only to be ignored
            mentions.append(Mention(start, end, place))
    names = _fuzzy_names(words) if misspelt is None else misspelt
    fuzzy_tokens = list(compress(range(len(names)), names))
    if not fuzzy_tokens:
        return mentions
    covered = [False] * len(words)
    for first, last, _ in matches:
        covered[first:last] = _TRUE * (last - first)
    fuzzy: list[Mention] = []
    for index in fuzzy_tokens:
        if covered[index] or words[index] in stopwords:
            continue
        if _demonym_of(words[index], names[index]) and original[ends[index] - 1] != "I":
            continue   # "a Pakistani national"; but "From SyriaI went" is a missing space
        fuzzy.append(Mention(starts[index], ends[index], table[names[index]], fuzzy=True))
    if fuzzy:
        mentions = sorted(mentions + fuzzy, key=lambda m: m.start)
    return mentions
