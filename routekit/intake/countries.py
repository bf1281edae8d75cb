"""Country codes and names as partners write them, to routekit's ISO3.

Names come from three places, in order of authority: the name variants kept as data in
``routekit/reference/country_names.csv`` (Syrië, Ivoorkust, Palestinian Territories, ...), the
gazetteer's own English and Dutch names (``countries.csv``) and pycountry's English names.
Names are compared without case, accents or punctuation. A name that two lower-authority sources
give to different countries is left out rather than guessed.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from importlib import resources

import pandas as pd

from routekit.reference import alpha2_to_iso3


def normalise_name(name: str) -> str:
    """Lower case, no accents, punctuation as spaces: 'Côte d’Ivoire' and 'cote d'ivoire' agree."""
    decomposed = unicodedata.normalize("NFKD", name)
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()
    plain = re.sub(r"[’'`´]", "", plain)
    return " ".join(re.sub(r"[^0-9a-z]+", " ", plain).split())


@lru_cache(maxsize=1)
def iso3_codes() -> frozenset[str]:
    """Every ISO3 code routekit knows: the gazetteer's (with Kosovo's XKX) and pycountry's."""
    import pycountry

    from routekit.reference import countries

    return frozenset(countries().index) | {c.alpha_3 for c in pycountry.countries}


@lru_cache(maxsize=2)
def names(language: str) -> dict[str, str]:
    """Normalised name -> ISO3 for ``language`` ('en' or 'nl')."""
    from routekit.reference import countries

    table = countries()
    candidates: dict[str, set[str]] = {}

    def add(name: object, iso3: str) -> None:
        key = normalise_name(str(name)) if name else ""
        if key:
            candidates.setdefault(key, set()).add(iso3)

    for iso3, name in table[f"name_{language}"].items():
        add(name, iso3)
    if language == "en":
        import pycountry

        for country in pycountry.countries:
            for attribute in ("name", "official_name", "common_name"):
                add(getattr(country, attribute, None), country.alpha_3)
    lookup = {key: next(iter(codes)) for key, codes in candidates.items() if len(codes) == 1}
    lookup.update({normalise_name(name): iso3 for iso3, name in _variants(language)})
    return lookup


def _variants(language: str) -> list[tuple[str, str]]:
    with resources.files("routekit.reference").joinpath("country_names.csv").open("r", encoding="utf-8") as handle:
        frame = pd.read_csv(handle, dtype=str, keep_default_na=False)
    chosen = frame[frame["language"] == language]
    return list(zip(chosen["iso3"], chosen["name"]))


def to_iso3(text: str, scheme: str) -> str | None:
    """The ISO3 code for ``text`` under ``scheme`` (iso3, iso2, name_nl, name_en), or None."""
    if scheme == "iso3":
        code = text.strip().upper()
        return code if code in iso3_codes() else None
    if scheme == "iso2":
        return alpha2_to_iso3().get(text.strip().upper())
    language = scheme.removeprefix("name_")
    return names(language).get(normalise_name(text))
