"""Remove personal data from free text before any text or text-derived field leaves a partner.

What ``scrub`` replaces (placeholder in brackets):
- e-mail addresses [EMAIL];
- v-numbers: any 10-digit number, and digits after "v-nummer" / "v-nr" / "vreemdelingennummer"
  [V-NUMMER] (a 10-digit number starting with 06 is a Dutch mobile number [TELEFOON]);
- phone numbers: international (+31 6 ..., 0031 ..., +90 (532) ...), Dutch national
  (06-12345678, 020 123 4567), and digits after "tel", "telefoon", "phone", "mobile" [TELEFOON];
- dates of birth: a date (12-03-1995, 1995-03-12, 12 maart 1995, March 12, 1995) or year after
  "geboren", "geb.", "geboortedatum", "born", "date of birth", "DOB" [GEBOORTEDATUM]; every other
  full day-month-year date [DATUM] (a full date plus a place can identify a person);
- street addresses: Dutch/German street names with a house number ("Kerkstraat 12a",
  "Hauptstraße 5"), English ones ("12 Baker Street"), Dutch postcodes ("1234 AB"), "Postbus 123"
  [ADRES];
- names [NAAM]: the capitalised words after a cue ("genaamd", "dhr.", "mijn broer", "named",
  "Mr", "smokkelaar"), known given names (``pii.yaml``), capitalised words inside a sentence that
  are neither places (the gazetteer), route vocabulary, nor allowed words (organisations,
  nationalities, languages, months), pairs of unknown capitalised words at a sentence start, and
  words in capitals of three letters or more that are not known acronyms (police style "JANSEN").

What it cannot catch (so free text itself must still never leave a partner unreviewed):
- names written in lower case, or a single unknown name at the start of a sentence;
- names that are also place names or allowed words ("Sofia", "Jordan", "Georgia");
- nicknames and descriptions ("de lange man met de baard"), family relations that identify;
- numbers in unusual formats (v-numbers split over lines, phones written in words), IBANs,
  passport numbers that are not 10 digits, licence plates;
- addresses without a house number or with a street type not in ``pii.yaml``;
- ages, professions, rare nationalities or rare routes - indirect identifiers are handled by
  aggregation and disclosure control, not here.
It over-scrubs rather than under-scrubs: unknown capitalised words (a small town, a brand) become
[NAAM]. Place names in the gazetteer, mode and cue words always survive.
"""

from __future__ import annotations

import re
from functools import lru_cache

import yaml

from routekit.text.gazetteer import data_path, find_places, gazetteer
from routekit.text.normalise import fold
from routekit.text.vocabulary import vocabulary

NAME, VNUMBER, PHONE, EMAIL, BIRTHDATE, DATE, ADDRESS = (
    "[NAAM]", "[V-NUMMER]", "[TELEFOON]", "[EMAIL]", "[GEBOORTEDATUM]", "[DATUM]", "[ADRES]")

_MONTHS = (r"(?:januari|jan|februari|feb|maart|mrt|april|apr|mei|juni|jun|juli|jul|augustus|aug|september|sept|sep|"
           r"oktober|okt|october|oct|november|nov|december|dec|january|february|march|mar|may|june|july|august)")
_DATE = (r"(?:\b\d{1,2}[-/.]\d{1,2}[-/.](?:19|20)?\d{2}\b"
         r"|\b(?:19|20)\d{2}-\d{1,2}-\d{1,2}\b"
         r"|\b\d{1,2}(?:e|st|nd|rd|th)?\s+" + _MONTHS + r"\.?,?\s+(?:19|20)\d{2}\b"
         r"|\b" + _MONTHS + r"\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+(?:19|20)\d{2}\b)")
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_INTERNATIONAL_PHONE = re.compile(r"(?<![\w+])(?:\+|00)[1-9][\d\s().-]{7,20}\d(?!\d)")
_NATIONAL_PHONE = re.compile(r"(?<![\w+])0\d(?:[\s-]?\d){8}(?![\d])")
_TEN_DIGITS = re.compile(r"(?<!\d)\d{10}(?!\d)")
_DUTCH_POSTCODE = re.compile(r"\b[1-9]\d{3}\s?(?!SS|SA|SD)[A-Z]{2}\b")
_POSTBOX = re.compile(r"\b(?:Postbus|P\.?O\.? Box)\s+\d+\b", re.IGNORECASE)
_TOKEN = re.compile(r"[^\W\d_][\w'’-]*")
_PLACEHOLDER = re.compile(r"\[[A-Z-]+\]")
_SENTENCE_OPENERS = set(".!?:;\n\"'“”‘’()[]-•*")


@lru_cache(maxsize=1)
def _config() -> dict:
    return yaml.safe_load(data_path("pii.yaml").read_text(encoding="utf-8"))


def _phrases(entry) -> list[str]:
    if isinstance(entry, dict):
        return [str(p) for lang in ("nl", "en", "any") for p in entry.get(lang, [])]
    return [str(p) for p in entry]


def _cue_regex(phrases: list[str]) -> str:
    escaped = sorted((re.escape(p).replace(r"\ ", r"[\s-]+") for p in phrases), key=len, reverse=True)
    return r"(?<![\w])(?:" + "|".join(escaped) + r")(?![\w])"


@lru_cache(maxsize=1)
def _patterns() -> dict[str, re.Pattern[str]]:
    config = _config()
    suffixes = "|".join(sorted(config["address_suffixes"], key=len, reverse=True))
    street_en = "|".join(config["street_words_en"])
    return {
        "vnumber": re.compile(_cue_regex(config["vnumber_cues"]) + r"\s*[:.]?\s*(\d(?:[\s.-]?\d){5,13})", re.IGNORECASE),
        "phone_cue": re.compile(_cue_regex(_phrases(config["phone_cues"])) + r"\.?\s*[:.]?\s*(\+?\d(?:[\s().-]?\d){5,16})",
                                re.IGNORECASE),
        "birth": re.compile(_cue_regex(_phrases(config["birth_cues"])) + r"\.?\s*(?:op|on|in|:)?\s*(" + _DATE +
                            r"|\b(?:19|20)\d{2}\b)", re.IGNORECASE),
        "date": re.compile(_DATE, re.IGNORECASE),
        "street_nl": re.compile(r"\b(?:[A-Z][\w'.]*[\s-]){0,3}[A-Z]?[\w'.]*(?:" + suffixes +
                                r")\.?\s+\d{1,5}(?:\s?[a-zA-Z](?![\w]))?(?:[-/]\d{1,4})?\b"),
        "street_en": re.compile(r"\b\d{1,5}[a-zA-Z]?,?\s+(?:[A-Z][\w']+\s+){1,3}(?:" + street_en + r")\b\.?"),
        "name_cue": re.compile(_cue_regex(_phrases(config["name_cues"])) + r"\.?\s*:?\s*(?:(?:mijn|zijn|haar|my|his|her|"
                               r"de|het|een|the|a|an)\s+)?$", re.IGNORECASE),
    }


@lru_cache(maxsize=1)
def _safe_words() -> frozenset[str]:
    """Folded words that are never names: place names, route vocabulary, allowed words."""
    config = _config()
    words = set(vocabulary("both").words)
    for name in gazetteer():
        words.update(name.split())
    words.update(fold(w) for w in config["allowed_capitalised"])
    for phrase in _phrases(config["name_cues"]):
        words.update(fold(phrase).rstrip(".").split())
    return frozenset(words)


def _replace(text: str, pattern: re.Pattern[str], placeholder: str, group: int = 0) -> str:
    def substitute(match: re.Match[str]) -> str:
        if group == 0:
            return placeholder
        whole = match.group(0)
        start, end = match.start(group) - match.start(0), match.end(group) - match.start(0)
        return whole[:start] + placeholder + whole[end:]

    return pattern.sub(substitute, text)


def _phone_or_vnumber(match: re.Match[str]) -> str:
    return PHONE if match.group(0).startswith("06") else VNUMBER


def _international(match: re.Match[str]) -> str:
    digits = sum(ch.isdigit() for ch in match.group(0))
    return PHONE if 8 <= digits <= 15 else match.group(0)


def _scrub_numbers(text: str) -> str:
    patterns = _patterns()
    text = _EMAIL.sub(EMAIL, text)
    text = _replace(text, patterns["vnumber"], VNUMBER, 1)
    text = _replace(text, patterns["birth"], BIRTHDATE, 1)
    text = patterns["date"].sub(DATE, text)
    text = _replace(text, patterns["phone_cue"], PHONE, 1)
    text = _INTERNATIONAL_PHONE.sub(_international, text)
    text = _TEN_DIGITS.sub(_phone_or_vnumber, text)
    text = _NATIONAL_PHONE.sub(PHONE, text)
    return text


def _scrub_addresses(text: str) -> str:
    patterns = _patterns()
    blocked = {fold(w) for w in _config()["address_suffix_blocklist"]}

    def street(match: re.Match[str]) -> str:
        first = fold(match.group(0).split()[0])
        return match.group(0) if first in blocked else ADDRESS

    text = patterns["street_nl"].sub(street, text)
    text = patterns["street_en"].sub(ADDRESS, text)
    text = _POSTBOX.sub(ADDRESS, text)
    text = _DUTCH_POSTCODE.sub(ADDRESS, text)
    return text


def _is_sentence_start(text: str, start: int) -> bool:
    index = start - 1
    while index >= 0 and text[index] in " \t":
        index -= 1
    return index < 0 or text[index] in _SENTENCE_OPENERS


def _scrub_names(text: str) -> str:
    config = _config()
    safe = _safe_words()
    given = {fold(n) for n in config["given_names"]}
    particles = {fold(p) for p in config["name_particles"]}
    acronyms = {w for w in config["allowed_capitalised"] if w.isupper()}
    cue = _patterns()["name_cue"]
    folded = fold(text)
    protected = [(m.start, m.end) for m in find_places(text, folded)]
    protected += [(m.start(), m.end()) for m in _PLACEHOLDER.finditer(text)]
    tokens = [(m.start(), m.end(), m.group()) for m in _TOKEN.finditer(text)]

    def in_place(start: int) -> bool:
        return any(a <= start < b for a, b in protected)

    def unknown_capital(i: int) -> bool:
        start, _, word = tokens[i]
        if not word[0].isupper() or len(word) < 2 or in_place(start):
            return False
        key = fold(word).replace("'", "").replace("’", "")
        return key not in safe and fold(word) not in safe and word not in acronyms

    flagged = [False] * len(tokens)
    for i, (start, end, word) in enumerate(tokens):
        if not word[0].isupper() or len(word) < 2 or in_place(start):
            continue
        key = fold(word)
        after_cue = bool(cue.search(text[max(0, start - 40):start]))
        if after_cue and key not in safe:
            flagged[i] = True
        elif key in given and key not in safe - given:
            flagged[i] = True
        elif word.isupper() and len(word) >= 3 and word not in acronyms and key not in safe:
            flagged[i] = True
        elif unknown_capital(i):
            if not _is_sentence_start(text, start):
                flagged[i] = True
            elif i + 1 < len(tokens) and unknown_capital(i + 1) and text[end:tokens[i + 1][0]].strip() == "":
                flagged[i] = True
    # Extend a flagged name over following capitalised words and particles ("Abu Ali al Hassan").
    for i in range(1, len(tokens)):
        if flagged[i] or not flagged[i - 1]:
            continue
        start, _, word = tokens[i]
        if text[tokens[i - 1][1]:start].strip(" -") != "":
            continue
        if fold(word) in particles and i + 1 < len(tokens) and tokens[i + 1][2][:1].isupper():
            flagged[i] = True
        elif word[0].isupper() and not in_place(start) and fold(word) not in safe:
            flagged[i] = True
    # ... and back over particles written with a capital right before a name ("Abu Omar", "Van Dijk").
    for i in range(len(tokens) - 2, -1, -1):
        if flagged[i] or not flagged[i + 1]:
            continue
        start, end, word = tokens[i]
        if word[0].isupper() and fold(word) in particles and text[end:tokens[i + 1][0]].strip(" -") == "":
            flagged[i] = True
    pieces: list[str] = []
    cursor = 0
    i = 0
    while i < len(tokens):
        if not flagged[i]:
            i += 1
            continue
        j = i
        while j + 1 < len(tokens) and flagged[j + 1] and text[tokens[j][1]:tokens[j + 1][0]].strip(" -") == "":
            j += 1
        pieces.append(text[cursor:tokens[i][0]])
        pieces.append(NAME)
        cursor = tokens[j][1]
        i = j + 1
    pieces.append(text[cursor:])
    return "".join(pieces)


def scrub(text: str) -> str:
    """``text`` with names, v-numbers, phones, e-mails, birth dates and addresses replaced."""
    if not isinstance(text, str) or not text:
        return "" if text is None or (isinstance(text, float) and text != text) else str(text)
    text = _scrub_numbers(text)
    text = _scrub_addresses(text)
    return _scrub_names(text)
