"""Country codes and names as partners write them, to routekit's ISO3.

Codes are checked against the gazetteer and ISO 3166; names are read through
``routekit.reference.names`` (the one normalisation, shared with the public files' readers).
"""

from __future__ import annotations

from functools import lru_cache

from routekit.reference import alpha2_to_iso3
from routekit.reference.names import name_to_iso3, names, normalise_name, pycountry_iso3

__all__ = ["iso3_codes", "names", "normalise_name", "to_iso3"]


@lru_cache(maxsize=1)
def iso3_codes() -> frozenset[str]:
    """Every ISO3 code routekit knows: the gazetteer's (with Kosovo's XKX) and pycountry's."""
    from routekit.reference import countries

    return frozenset(countries().index) | pycountry_iso3()


def to_iso3(text: str, scheme: str) -> str | None:
    """The ISO3 code for ``text`` under ``scheme`` (iso3, iso2, name_nl, name_en), or None."""
    if scheme == "iso3":
        code = text.strip().upper()
        return code if code in iso3_codes() else None
    if scheme == "iso2":
        return alpha2_to_iso3().get(text.strip().upper())
    return name_to_iso3(text, scheme.removeprefix("name_"))
