"""Country names as people and publishers write them, to ISO3: one normalisation for everyone.

Names come from three places, in order of authority: the name variants kept as data in
``country_names.csv`` (Syrië, Ivoorkust, Palestinian Territories, ...), the gazetteer's own
English and Dutch names (``countries.csv``) and pycountry's English names. Names are compared
without case, accents or punctuation. A name that two lower-authority sources give to different
countries is left out rather than guessed. Partner exports (``routekit.intake``) and public files
(``routekit.sources.public``) both read names through here.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from importlib import resources

import pandas as pd


def normalise_name(name: str) -> str:
    """Lower case, no accents, punctuation as spaces: 'Côte d’Ivoire' and 'cote d'ivoire' agree."""
    decomposed = unicodedata.normalize("NFKD", name)
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()
    plain = re.sub(r"[’'`´]", "", plain)
    return " ".join(re.sub(r"[^0-9a-z]+", " ", plain).split())


@lru_cache(maxsize=1)
def pycountry_iso3() -> frozenset[str]:
    """Every ISO 3166-1 alpha-3 code (pycountry); Kosovo's XKX is not among them."""
    import pycountry

    return frozenset(country.alpha_3 for country in pycountry.countries)


@lru_cache(maxsize=2)
def names(language: str) -> dict[str, str]:
    """Normalised name -> ISO3 for ``language`` ('en' or 'nl')."""
    from routekit.reference import countries

    candidates: dict[str, set[str]] = {}

    def add(name: object, iso3: str) -> None:
        key = normalise_name(str(name)) if name else ""
        if key:
            candidates.setdefault(key, set()).add(iso3)

    for iso3, name in countries()[f"name_{language}"].items():
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


def name_to_iso3(name: str, language: str = "en") -> str | None:
    """The ISO3 code a country name stands for in ``language``, or None."""
    return names(language).get(normalise_name(name))
