"""Regenerate routekit/reference/gazetteer/exonyms_cldr.csv: other languages' country names from CLDR (Babel).

Run when the list should change: ``.venv/bin/python tools/build_exonyms.py``. Babel is a runtime dependency of
routekit already; the generated file is read by ``routekit.text.gazetteer`` after the hand-kept ``exonyms.csv``.

Which names: interpreters keep a country's name in the speaker's language ("Jarmal", "Uholanzi", "Macarıstan",
"Germaniya"). CLDR holds every country's name in every language; this script takes, for the languages of people on
routes to Europe written in the Latin script (Turkish, Kurdish, Azerbaijani, Uzbek, Somali, Swahili, Hausa, Oromo,
Yoruba, Albanian, French, Spanish, Portuguese, Italian, Vietnamese, Wolof, Fula, Bambara, Lingala, Igbo, the Berber
languages of Morocco and Algeria - Kabyle, Tamazight, Tarifit, Tashelhit - and Akan/Twi), and the
Cyrillic ones transliterated (Russian, Ukrainian, Belarusian, Bulgarian, Serbian, Macedonian: BGN-style, with the
common "ija"/"ia" variants; also Tajik, Kyrgyz, Kazakh and Chechen), Georgian and Armenian romanised by their national
systems (``romanise``), the name of every country outside the small territories (``countries.csv`` region
'Other'). Left out: names under four letters, names with letters ``fold`` keeps ("Indɛ"), names that are ordinary Dutch or
English words, given names or demonyms (wordfreq Zipf >= 2.0 for one word, 3.0 for a phrase: "Livia", "Omani",
"Romani"), and names that another entry already uses (the hand-kept lists, pycountry, towns). The Cyrillic names are also kept
in Cyrillic with their Russian and Ukrainian case forms (``slavic_case_forms``): ``normalise.fold`` reads each
Cyrillic letter as one Latin letter, so "В Италии" in an English record matches. The Arabic, Persian, Urdu, Pashto and
Sorani names are kept in their own script too (``arabic_script_forms``: also without the article and with "و"/"ب"/
"ف"/"ل" joined, with hamza left off and Arabic/Persian ya and kaf swapped; Arabic having no capitals, they count
only written exactly so, never as a Latin word or a fuzzy match that folds alike).
The main cities CLDR names in each of these languages (its time zones' exemplar cities: "Viyana", "Budapeşte", "Şam")
are kept as towns of their country (``exemplar_cities``).
Albanian definite names also get their other cases (``albanian_case_forms``: "Greqisë", "Holandën").
Every generated name counts only when written with a capital (``case_sensitive = capital``). Arabic, Persian,
Pashto, Urdu, Tigrinya, Amharic and Chinese have no single Latin spelling: their transliterations are hand-kept in
``exonyms.csv`` and, per language and country, in ``exonyms_translit.yaml``; this script adds each such name's
spelling variants (``spelling_variants``: the article al-/el- or none, -iya/-ia/-iyya, doubled vowels written once,
ou/u), with a looser word filter for the hand-checked name itself (Zipf < 2.5: "Yaman", "Misr") than for a
generated variant. Also added: the endonyms of the European and Balkan countries on the routes (CLDR in their own
languages: "Hrvatska", "Magyarország", "Shqipëria"), and Turkish case endings (``turkish_case_forms``: dative,
locative, ablative, genitive, accusative after an apostrophe; the first four also fused to a stem of five letters or
more: "Yunanistan'a", "İran'dan", "Almanyada")
of every Turkish country name and of the Turkish city names in ``exonyms_translit.yaml``. A name of two words or
more whose first word is the article "al"/"el", and a Turkish form with an apostrophe, are kept whatever their
case and capitalised neighbours ("al-Yunan", "Avusturya'dan Almanya'ya"); so are French and Italian names after an
elided article or preposition (``elided_forms``: "l'Algérie", "d'Italie", "dall'Albania"), and the towns of
Arabic-speaking countries that ``cities.csv`` holds with the article ("Al Junaynah") when it is written in lower case
("al-Junaynah", "el-Geneina"), and of those in ``arabic_article_towns.csv`` (GeoNames towns ``cities.csv`` leaves out
since these forms fold like their names).
When two names fold alike, the first one read is kept: the main languages, the Arabic script, the hand-checked
transliterations, the towns, then the smaller languages (``SECOND_TIER``), then the exemplar cities.
Run it before ``build_fuzzy_blocked.py`` and ``build_fuzzy_generated_blocked.py`` (they read this file through the
gazetteer); ``tests/test_reference_regenerate.py`` fails when the committed file is not what this script writes.
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
         "bm", "ln", "ig", "kab", "tzm", "rif", "shi_Latn", "ak",
         # the countries' own languages on the Balkan and EU legs (endonyms told by people who lived there)
         # (not Baltic or Finnish, whose case endings make English words: Lithuanian "Togas", "Malis")
         "hr", "bs", "sr_Latn", "sl", "hu", "pl", "cs", "sk", "ro", "sv", "da", "nb", "de")
CYRILLIC = ("ru", "uk", "be", "bg", "sr", "mk",
            # Central Asia and the Caucasus (Tajik, Kyrgyz, Kazakh, Chechen): their extra letters in ``_CYRILLIC`` too
            "tg", "ky", "kk", "ce")
# Scripts of their own, romanised by their national systems (Georgian 2002 / BGN-PCGN 2009, Armenian BGN-PCGN 1981)
# without the ejective apostrophes, as interpreters write them ("Saberdzneti", "Hunastan")
OTHER_SCRIPTS = ("ka", "hy")
_GEORGIAN = dict(zip("აბგდევზთიკლმნოპჟრსტუფქღყშჩცძწჭხჯჰ",
                     "a b g d e v z t i k l m n o p zh r s t u p k gh q sh ch ts dz ts ch kh j h".split()))
_ARMENIAN = {**dict(zip("աբգդեզէըթժիլխծկհձղճմյնշոչպջռսվտրցփքօֆ",
                        "a b g d e z e y t zh i l kh ts k h dz gh ch m y n sh o ch p j r s v t r ts p k o f".split())),
             "և": "ev", "ւ": "v"}
ARABIC_SCRIPT = ("ar", "fa", "ur", "ps", "ckb")   # kept in their own script: ``normalise.fold`` reads it letter by letter
# Smaller languages on the routes (Berber, Akan, Central Asia, the Caucasus): read after the main languages, the Arabic
# script, the hand-checked transliterations and the towns, so a name that folds like one of theirs keeps that reading
# (Arabic "كویت" is Kuwait, not Kabyle "Kwit", Kuwait City; Arabic-script "باراغواي" not Tashelhit "baragway")
SECOND_TIER = frozenset(("kab", "tzm", "rif", "shi_Latn", "ak", "tg", "ky", "kk", "ce", "ka", "hy"))
_CYRILLIC = {
    "а": "a", "б": "b", "в": "v", "г": "g", "ґ": "g", "д": "d", "е": "e", "ё": "yo", "є": "ye", "ж": "zh", "з": "z",
    "и": "i", "і": "i", "ї": "yi", "й": "y", "ј": "j", "к": "k", "л": "l", "љ": "lj", "м": "m", "н": "n", "њ": "nj",
    "о": "o", "п": "p", "р": "r", "с": "s", "т": "t", "ћ": "c", "ђ": "dj", "ќ": "kj", "ѓ": "gj", "у": "u", "ў": "u",
    "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "џ": "dz", "ш": "sh", "щ": "shch", "ъ": "", "ы": "y", "ь": "",
    "э": "e", "ю": "yu", "я": "ya", "ѕ": "dz", "’": "", "'": "",
    "ҳ": "h", "һ": "h", "қ": "q", "ғ": "gh", "ҷ": "j", "ӣ": "i", "ӯ": "u", "ү": "u", "ө": "o", "ң": "ng", "ұ": "u",
    "ә": "a", "ӏ": "",
}
TRANSLIT = ROOT / "routekit/reference/gazetteer/exonyms_translit.yaml"
MIN_LENGTH = 4
COMMON_WORD = 3.0          # a phrase this common in Dutch or English is left out
COMMON_SINGLE_WORD = 2.0   # one word this common is a name, a demonym or a word ("Livia", "Omani", "Romani")
COMMON_CHECKED_WORD = 2.5  # a hand-checked transliteration ("Yaman", "Misr") may be a little more frequent
_ARTICLE = re.compile(r"(?i)(al|el|an|as|ar|at|ad|en)-(.+)")
_TURKISH_VOWELS = "aıoueiöü"
# Towns of the Arabic-speaking countries whose GeoNames name starts with the article ("Al Junaynah", "El Geneina")
ARABIC_SPEAKING = frozenset("DZA BHR EGY IRQ JOR KWT LBN LBY MAR MRT OMN PSE QAT SAU SDN SYR TUN ARE YEM TCD".split())
_ARABIC_TOWN = re.compile(r"(?:Al|El)[ -]([^ ]+(?: [^ ]+)?)")
_LATIN_KEY = re.compile(r"[a-z][a-z' -]*")   # what ``fold`` leaves of a name (Cyrillic folds to Latin letters too)


def romanise(name: str, language: str) -> list[str]:
    """Latin spellings of a Georgian or Armenian name (Armenian "ու" is u, "ո" and "ե" open a word as vo/ye)."""
    if language == "ka":
        plain = "".join(_GEORGIAN.get(ch, ch) for ch in name)
    else:
        lower = name.lower().replace("ու", "u")
        lower = re.sub(r"(?<![\w])ո", "vo", re.sub(r"(?<![\w])ե", "ye", lower))
        plain = "".join(_ARMENIAN.get(ch, ch) for ch in lower)
    plain = " ".join(word[:1].upper() + word[1:] for word in plain.split(" "))
    return [plain] if plain.isascii() else []


def transliterate(name: str) -> list[str]:
    """BGN-style Latin spellings of a Cyrillic name, with the variants interpreters also write."""
    plain = "".join(_CYRILLIC.get(ch.lower(), ch.lower()) for ch in name)
    plain = " ".join(word[:1].upper() + word[1:] for word in plain.split(" "))
    variants = {plain, plain.replace("iya", "ia"), plain.replace("iya", "ija"), plain.replace("kh", "h"),
                plain.replace("ts", "c")}
    if "ь" in name.lower():   # the soft sign written as an apostrophe, as scholarly and ISO 9 spellings do ("Pol'sha")
        soft = "".join("'" if ch.lower() == "ь" else _CYRILLIC.get(ch.lower(), ch.lower()) for ch in name)
        variants.add(" ".join(word[:1].upper() + word[1:] for word in soft.split(" ")))
    return sorted(v for v in variants if v.isascii() or all(ord(c) < 0x250 for c in v))


def spelling_variants(name: str) -> list[str]:
    """The spellings interpreters use for one transliterated name: with and without the Arabic article (al-/el-,
    and the assimilated an-/as-/...), -iya/-ia/-iyya/-iyah, doubled vowels written once and ou written u."""
    forms = {name}
    article = _ARTICLE.fullmatch(name)
    if article:
        bare = article.group(2)
        forms |= {bare[:1].upper() + bare[1:], f"al-{bare}", f"el-{bare}"}
    for form in list(forms):
        # Persian and Turkish write the ending -iye ("Maqduniye", "Suriye")
        for ending, others in (("iya", ("ia", "iyya", "iyah", "iye")), ("ia", ("iya",)), ("ie", ("iye",)),
                               ("iye", ("ie", "iya"))):
            if form.endswith(ending) and not (ending == "ia" and form.endswith("iia")):
                forms |= {form[: -len(ending)] + other for other in others}
    forms |= {re.sub(r"([aeiou])\1", r"\1", form) for form in list(forms)}
    forms |= {form.replace("ou", "u") for form in list(forms)}
    return sorted(forms)


def _turkish_lower(name: str) -> str:
    return name.replace("I", "ı").replace("İ", "i").lower()


def turkish_case_forms(name: str) -> list[str]:
    """Dative, locative (and -ki), ablative, genitive and accusative of a Turkish proper name, after an apostrophe
    as Turkish writes them ("Yunanistan'a", "İran'dan", "Selanik'te") and fused as people type them
    ("Almanyada"): vowel harmony by the last vowel, buffer consonants after a vowel, t for d after a voiceless one."""
    lower = _turkish_lower(name)
    vowels = [ch for ch in lower if ch in _TURKISH_VOWELS]
    if not vowels:
        return []
    last = vowels[-1]
    back, rounded = last in "aıou", last in "oöuü"
    a = "a" if back else "e"
    i = ("u" if rounded else "ı") if back else ("ü" if rounded else "i")
    after_vowel = lower[-1] in _TURKISH_VOWELS
    d = "t" if lower[-1] in "çfhkpsşt" else "d"
    endings = [("y" if after_vowel else "") + a, d + a, d + a + "ki", d + a + "n",
               ("n" if after_vowel else "") + i + "n", ("y" if after_vowel else "") + i]
    forms = [f"{name}'{ending}" for ending in endings]
    if len(lower) >= 5:   # fused only where the stem is long enough to stay a name ("Almanyada", not "Fasta")
        forms += [name + ending for ending in endings[:4]]
    return forms


def slavic_case_forms(name: str, language: str) -> list[str]:
    """Genitive, dative, accusative, instrumental and locative of a one-word Russian or Ukrainian place name by its
    ending ("Италия" -> "Италии", "Италию", "Италией"; "Иран" -> "Ирана", "Ирану", "Иране", "Ираном"; "Москва" ->
    "Москвы", "Москву", "Москве", "Москвой"); indeclinable names ("Того", "Перу") and other languages give none."""
    if language not in ("ru", "uk") or " " in name or "-" in name or len(name) < 3:
        return []
    ukrainian = language == "uk"
    stem, last = name[:-1], name[-1]
    if name.endswith(("ия", "ія")):
        base = name[:-2]
        endings = ("ії", "ію", "ією") if ukrainian else ("ии", "ию", "ией")
        return [base + ending for ending in endings]
    if last == "я":
        return [stem + ending for ending in (("і", "ю", "ею") if ukrainian else ("и", "е", "ю", "ей"))]
    if last == "а":
        soft = stem[-1:] in "гкхжшщч"
        return [stem + ending for ending in (("и" if soft else "и", "і", "у", "ою") if ukrainian
                                              else ("и" if soft else "ы", "е", "у", "ой"))]
    if last in "йь":
        return [stem + ending for ending in (("ю", "ї", "ем") if ukrainian else ("я", "ю", "е", "ем"))]
    if last.lower() in "бвгджзклмнпрстфхцчшщ":
        return [name + ending for ending in (("у", "а", "і", "ом") if ukrainian else ("а", "у", "е", "ом"))]
    return []


def arabic_script_forms(name: str, language: str) -> list[str]:
    """An Arabic-script name as it is written inside a sentence: without the article ("اليونان" -> "يونان") and with
    the conjunction or preposition joined to it (Arabic "و", "ب", "ف", "ل"/"لل": "وألمانيا", "باليونان")."""
    forms = [name]
    if language == "ar":
        bare = name[2:] if name.startswith("ال") else ""
        if bare:
            forms.append(bare)
        forms += [prefix + name for prefix in ("و", "ب", "ف")]
        forms.append("لل" + bare if bare else "ل" + name)
    variants = set(forms)
    for letters, plain in (("أإآ", "ا"), ("ي", "ی"), ("ی", "ي"), ("ك", "ک"), ("ک", "ك"), ("ة", "ه"), ("ى", "ي")):
        variants |= {form.translate(str.maketrans(letters, plain * len(letters))) for form in variants}
    return sorted(variants)   # the spellings people type: hamza left off, Persian and Arabic ya and kaf


def albanian_case_forms(name: str, language: str) -> list[str]:
    """Accusative and genitive/dative/ablative of an Albanian definite country name ("Greqia" -> "Greqinë",
    "Greqisë"; "Holanda" -> "Holandën", "Holandës"), with and without the ë as interpreters type them."""
    if language != "sq" or " " in name or not name.endswith("a") or len(name) < 5:
        return []
    forms = [name[:-1] + "në", name[:-1] + "së"] if name.endswith("ia") else [name[:-1] + "ën", name[:-1] + "ës"]
    return forms + [form.replace("ë", "e") for form in forms]


_ELISIONS = {"fr": ("l'", "d'"), "it": ("l'", "dall'", "all'", "nell'", "dell'")}


def elided_forms(name: str, language: str) -> list[str]:
    """French and Italian articles and prepositions elided before a name that starts with a vowel, written as one
    word with it ("l'Algérie", "d'Italie", "dall'Albania"): the quotations in a Dutch record keep them."""
    if language not in _ELISIONS or unicodedata.normalize("NFKD", name[:1])[:1].lower() not in "aeiouh":
        return []
    return [prefix + name for prefix in _ELISIONS[language]]


def article_town_forms(place: str) -> list[str]:
    """A town named with the Arabic article, the article written in lower case: "Al Junaynah" -> "al-Junaynah",
    "el-Junaynah". The name after the article is one or two words, each with a capital of any alphabet ("Al Ḩasakah")."""
    article = _ARABIC_TOWN.fullmatch(place)
    if not article or not all(word[:1].isupper() for word in article.group(1).split(" ")):
        return []
    return [prefix + article.group(1) for prefix in ("al-", "el-")]


def _translit_names() -> list[tuple[str, str, str, str]]:
    """(name, iso3, language, kind) of ``exonyms_translit.yaml``, each name once per spelling variant."""
    import yaml

    rows = []
    for language, countries in yaml.safe_load(TRANSLIT.read_text(encoding="utf-8")).items():
        for target, names in countries.items():
            iso3, _, kind = str(target).partition("@")
            for name in names:
                rows.append((str(name), iso3, language, kind or "country"))
    return rows


def exemplar_cities(wanted: list[str]) -> list[tuple[str, str, str]]:
    """(spelling, iso3, language): the main cities CLDR names in every language, its time zones' exemplar cities
    ("Viyana", "Budapeşte", "Şam", "Fiyeena", "Tehron"), in the languages of ``LATIN``, ``CYRILLIC`` (transliterated) and
    ``OTHER_SCRIPTS`` (romanised)."""
    from babel.core import get_global
    from babel.dates import get_timezone_location
    import pycountry

    wanted_set = set(wanted)
    out = []
    for zone, alpha2 in sorted(get_global("zone_territories").items()):
        country = pycountry.countries.get(alpha_2=alpha2)
        if not country or country.alpha_3 not in wanted_set:
            continue
        for language in LATIN + CYRILLIC + OTHER_SCRIPTS:
            city = get_timezone_location(zone, locale=language, return_city=True)
            names = (transliterate(city) if language in CYRILLIC else romanise(city, language)
                     if language in OTHER_SCRIPTS else [unicodedata.normalize("NFC", city)])
            out += [(name, country.alpha_3, language) for name in names]
    return out


def _key(name: str) -> str:
    from routekit.text.gazetteer import _key as gazetteer_key

    return gazetteer_key(name)


def main(out: Path = OUT) -> None:
    """Write the generated names to ``out`` (the committed file unless a test asks for another place)."""
    import pycountry

    from gazetteer_inputs import gazetteer_without
    from routekit.reference import countries
    from routekit.text.gazetteer import read_data_csv

    table = countries()
    wanted = [str(iso3) for iso3, row in table.iterrows() if row["region"] != "Other"]
    # the hand-kept and pycountry names win; this file's old names are none of them
    hand = {key: place.iso3 for key, place in gazetteer_without(OUT.name).items()}
    rows: dict[str, tuple[str, str, str, str]] = {}
    clashes: set[str] = set()

    def add(spelling: str, iso3: str, language: str, kind: str = "country", common_limit: float | None = None,
            town: bool = False) -> None:
        key = _key(spelling)
        taken = key in hand and not (town and hand[key] == iso3)   # a town's own name, read again in any case
        if len(key.replace(" ", "")) < MIN_LENGTH or taken or not _LATIN_KEY.fullmatch(key):
            return
        common = max(zipf_frequency(key, "nl"), zipf_frequency(key, "en"))
        limit = COMMON_WORD if " " in key else (common_limit or COMMON_SINGLE_WORD)
        if common >= limit and not (" " in key and common_limit):   # wordfreq guesses a phrase from its words:
            return                                                    # "Mal të Zi" is not as common as "te"
        if key in rows and rows[key][1] != iso3:
            clashes.add(key)
        rows.setdefault(key, (spelling, iso3, language.split("_")[0], kind))

    turkish: list[tuple[str, str, str]] = []   # (name, iso3, kind) whose case endings are added

    def add_countries(languages: list[str]) -> None:
        """CLDR's country names in these languages (Latin, transliterated or romanised), with elided forms."""
        for language in languages:
            locale = Locale.parse(language)
            for iso3 in wanted:
                country = pycountry.countries.get(alpha_3=iso3)
                name = locale.territories.get(country.alpha_2) if country else None
                if not name:
                    continue
                names = (transliterate(name) if language in CYRILLIC else romanise(name, language)
                         if language in OTHER_SCRIPTS else [unicodedata.normalize("NFC", name)])
                if language in CYRILLIC:   # also in Cyrillic, with the case forms ("в Италии", "до Германии")
                    names += [name, *slavic_case_forms(name, language)]
                for spelling in names:
                    add(spelling, iso3, language)
                if language == "tr":
                    turkish.append((unicodedata.normalize("NFC", name), iso3, "country"))
                for elided in elided_forms(unicodedata.normalize("NFC", name), language):
                    add(elided, iso3, language)

    languages = LATIN + CYRILLIC + OTHER_SCRIPTS
    add_countries([language for language in languages if language not in SECOND_TIER])
    for language in ARABIC_SCRIPT:   # Arabic, Persian, Urdu, Pashto and Sorani names in their own script
        locale = Locale.parse(language)
        for iso3 in wanted:
            country = pycountry.countries.get(alpha_3=iso3)
            name = locale.territories.get(country.alpha_2) if country else None
            for form in arabic_script_forms(name, language) if name else []:
                key = _key(form)
                if len(key.replace(" ", "")) >= MIN_LENGTH and key not in hand and _LATIN_KEY.fullmatch(key):
                    if key in rows and rows[key][1] != iso3:
                        clashes.add(key)
                    rows.setdefault(key, (form, iso3, language, "country"))
    for name, iso3, language, kind in _translit_names():
        if language.endswith("-script"):   # hand-kept names in Arabic script
            for form in arabic_script_forms(name, language.split("-")[0]):
                add(form, iso3, language.split("-")[0], kind)
            continue
        add(name, iso3, language, kind, COMMON_CHECKED_WORD)
        for variant in spelling_variants(name):
            add(variant, iso3, language, kind)
        if language == "tr":
            turkish.append((name, iso3, kind))
        for form in slavic_case_forms(name, language) + albanian_case_forms(name, language):
            add(form, iso3, language, kind)
    turkish += [(row["alias"], row["iso3"], row["kind"] or "country")
                for row in read_data_csv("exonyms.csv") if row.get("language") == "tr"]
    for name, iso3, kind in turkish:
        for form in turkish_case_forms(name):
            add(form, iso3, "tr", kind)
    # "Al Junaynah" written "al-Junaynah": the article in lower case (the towns of cities.csv, and those it leaves out
    # because this file's forms fold like their names)
    for row in read_data_csv("cities.csv") + read_data_csv("arabic_article_towns.csv"):
        if row["iso3"] in ARABIC_SPEAKING:
            for form in article_town_forms(row["place"]):
                add(form, row["iso3"], "ar", "city", town=True)
    add_countries([language for language in languages if language in SECOND_TIER])
    for spelling, iso3, language in exemplar_cities(wanted):   # a country's name wins over a city's that folds alike
        add(spelling, iso3, language, "city")
    with out.open("w", encoding="utf-8", newline="") as handle:
        handle.write("# Generated by tools/build_exonyms.py from CLDR (through Babel) and exonyms_translit.yaml; "
                     "do not edit by hand.\n")
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(["alias", "iso3", "language", "kind", "case_sensitive"])
        for key in sorted(rows):
            if key in clashes:
                continue   # two countries' names in different languages: no safe reading
            spelling, iso3, language, kind = rows[key]
            # "al-Yunan", "Avusturya'dan": an article or a Turkish case ending makes any spelling a name, and
            # no person's ("Avusturya'dan Almanya'ya" is not a first name and a surname)
            article = key.split(" ", 1)[0] in ("al", "el") and " " in key
            # Arabic script has no capitals: its names count written exactly so ("yes"), never as a Latin word or
            # a fuzzy match that folds alike ("kamyon" is no Cameroon)
            script = not spelling[:1].isascii() and unicodedata.category(spelling[0]) == "Lo"
            flag = "yes" if script else "no" if article or "'" in key else "capital"
            writer.writerow([spelling, iso3, language, kind, flag])
    print(f"{out}: {len(rows) - len(clashes)} names ({len(clashes)} shared by two countries left out)")


if __name__ == "__main__":
    main()
