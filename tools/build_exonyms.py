"""Regenerate routekit/reference/gazetteer/exonyms_cldr.csv: other languages' country names from CLDR (Babel).

Run when the list should change: ``.venv/bin/python tools/build_exonyms.py``. Babel is a runtime dependency of
routekit already; the generated file is read by ``routekit.text.gazetteer`` after the hand-kept ``exonyms.csv``.

Which names: interpreters keep a country's name in the speaker's language ("Jarmal", "Uholanzi", "Macarıstan",
"Germaniya"). CLDR holds every country's name in every language; this script takes, for the languages of people on
routes to Europe written in the Latin script (Turkish, Kurdish, Azerbaijani, Uzbek, Somali, Swahili, Hausa, Oromo,
Yoruba, Albanian, French, Spanish, Portuguese, Italian, Vietnamese, Wolof, Fula, Bambara, Lingala, Igbo), and the
Cyrillic ones transliterated (Russian, Ukrainian, Belarusian, Bulgarian, Serbian, Macedonian: BGN-style, with the
common "ija"/"ia" variants), the name of every country outside the small territories (``countries.csv`` region
'Other'). Left out: names under four letters, names with letters ``fold`` keeps ("Indɛ"), names that are ordinary Dutch or
English words, given names or demonyms (wordfreq Zipf >= 2.0 for one word, 3.0 for a phrase: "Livia", "Omani",
"Romani"), and names that another entry already uses (the hand-kept lists, pycountry, towns).
Every generated name counts only when written with a capital (``case_sensitive = capital``). Arabic, Persian,
Pashto, Urdu, Tigrinya, Amharic and Chinese have no single Latin spelling: their transliterations are hand-kept in
``exonyms.csv``.
"""

from __future__ import annotations

import csv
import re
import sys
import unicodedata
from pathlib import Path

from babel import Locale
from wordfreq import zipf_frequency

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
OUT = ROOT / "routekit/reference/gazetteer/exonyms_cldr.csv"

LATIN = ("tr", "ku", "az", "uz", "so", "sw", "ha", "om", "yo", "sq", "fr", "es", "pt", "it", "vi", "wo", "ff",
         "bm", "ln", "ig")
CYRILLIC = ("ru", "uk", "be", "bg", "sr", "mk")
_CYRILLIC = {
    "а": "a", "б": "b", "в": "v", "г": "g", "ґ": "g", "д": "d", "е": "e", "ё": "yo", "є": "ye", "ж": "zh", "з": "z",
    "и": "i", "і": "i", "ї": "yi", "й": "y", "ј": "j", "к": "k", "л": "l", "љ": "lj", "м": "m", "н": "n", "њ": "nj",
    "о": "o", "п": "p", "р": "r", "с": "s", "т": "t", "ћ": "c", "ђ": "dj", "ќ": "kj", "ѓ": "gj", "у": "u", "ў": "u",
    "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "џ": "dz", "ш": "sh", "щ": "shch", "ъ": "", "ы": "y", "ь": "",
    "э": "e", "ю": "yu", "я": "ya", "ѕ": "dz", "’": "", "'": "",
}
MIN_LENGTH = 4
COMMON_WORD = 3.0          # a phrase this common in Dutch or English is left out
COMMON_SINGLE_WORD = 2.0   # one word this common is a name, a demonym or a word ("Livia", "Omani", "Romani")
_LATIN_KEY = re.compile(r"[a-z][a-z' -]*")   # what ``fold`` leaves of a name the tokenizer reads whole


def transliterate(name: str) -> list[str]:
    """BGN-style Latin spellings of a Cyrillic name, with the variants interpreters also write."""
    plain = "".join(_CYRILLIC.get(ch.lower(), ch.lower()) for ch in name)
    plain = " ".join(word[:1].upper() + word[1:] for word in plain.split(" "))
    variants = {plain, plain.replace("iya", "ia"), plain.replace("iya", "ija"), plain.replace("kh", "h"),
                plain.replace("ts", "c")}
    return sorted(v for v in variants if v.isascii() or all(ord(c) < 0x250 for c in v))


def _key(name: str) -> str:
    from routekit.text.gazetteer import _key as gazetteer_key

    return gazetteer_key(name)


def main() -> None:
    import pycountry

    from routekit.reference import countries
    from routekit.text.gazetteer import gazetteer

    OUT.write_text("alias,iso3,language,kind,case_sensitive\n", encoding="utf-8")   # this file's old names are no
    gazetteer.cache_clear()                                                              # hand-kept names
    table = countries()
    wanted = [str(iso3) for iso3, row in table.iterrows() if row["region"] != "Other"]
    hand = {key: place.iso3 for key, place in gazetteer().items()}   # the hand-kept and pycountry names win
    rows: dict[str, tuple[str, str, str]] = {}
    clashes: set[str] = set()
    for language in LATIN + CYRILLIC:
        locale = Locale.parse(language)
        for iso3 in wanted:
            country = pycountry.countries.get(alpha_3=iso3)
            name = locale.territories.get(country.alpha_2) if country else None
            if not name:
                continue
            names = transliterate(name) if language in CYRILLIC else [unicodedata.normalize("NFC", name)]
            for spelling in names:
                key = _key(spelling)
                if len(key.replace(" ", "")) < MIN_LENGTH or key in hand or not _LATIN_KEY.fullmatch(key):
                    continue
                common = max(zipf_frequency(key, "nl"), zipf_frequency(key, "en"))
                if common >= (COMMON_WORD if " " in key else COMMON_SINGLE_WORD):
                    continue
                if key in rows and rows[key][1] != iso3:
                    clashes.add(key)
                rows.setdefault(key, (spelling, iso3, language))
    with OUT.open("w", encoding="utf-8", newline="") as handle:
        handle.write("# Generated by tools/build_exonyms.py from CLDR (through Babel); do not edit by hand.\n")
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(["alias", "iso3", "language", "kind", "case_sensitive"])
        for key in sorted(rows):
            if key in clashes:
                continue   # two countries' names in different languages: no safe reading
            spelling, iso3, language = rows[key]
            writer.writerow([spelling, iso3, language, "country", "capital"])
    print(f"{OUT.relative_to(ROOT)}: {len(rows) - len(clashes)} names ({len(clashes)} shared by two countries left out)")


if __name__ == "__main__":
    main()
