"""Publisher codes turned into routekit's: countries to ISO3, publisher routes to corridors.

Country codes: ISO 3166 via pycountry, plus the few codes publishers use that are not ISO
(documented here, in one place). Route names: read from ``routekit/reference/corridors.yaml``
(fields ``frontex_routes`` and ``iom_routes``) through ``routekit.reference.corridors()``.
"""

from __future__ import annotations

from functools import lru_cache

import pandas as pd
import pycountry

from routekit.reference import alpha2_to_iso3, corridors
from routekit.reference.names import name_to_iso3, pycountry_iso3

# Nationality codes that are not ISO 3166-1 alpha-3 but that publishers use; kept as they are.
SPECIAL_NATIONALITIES = {
    "XKX": "Kosovo (UNSCR 1244), the code the EU uses",
    "STL": "stateless",
    "OOO": "unknown or not specified",
    "OOS": "not specified (Frontex placeholder, 2021-2022, Mediterranean and Atlantic routes)",
}

EUROSTAT_CITIZEN_SPECIAL = {"STLS": "STL", "UNK": "OOO"}
# Eurostat citizenship aggregates: sums of other rows, never a nationality.
EUROSTAT_CITIZEN_AGGREGATE_PREFIXES = ("TOTAL", "EU", "EXT_", "EA", "EFTA", "NEU")
# Receiving-country aggregates, normalised to a short label (the vendored annual file uses EU27).
GEO_AGGREGATES = {"EU27_2020": "EU27", "EU27": "EU27", "EU28": "EU28", "EU27_2007": "EU27_2007"}


def is_nationality_code(codes: pd.Series) -> pd.Series:
    """True where a code is ISO 3166-1 alpha-3 or one of ``SPECIAL_NATIONALITIES``."""
    known = pycountry_iso3() | set(SPECIAL_NATIONALITIES)
    return codes.isin(known)


def is_iso3(codes: pd.Series) -> pd.Series:
    return codes.isin(pycountry_iso3())


def eurostat_country(codes: pd.Series) -> pd.Series:
    """Eurostat country codes (ISO2 with EL/UK/XK, or already ISO3) to ISO3; NaN when unknown."""
    iso3 = codes.map(alpha2_to_iso3())
    already = is_nationality_code(codes)
    return iso3.where(iso3.notna(), codes.where(already))


def eurostat_citizen(codes: pd.Series) -> pd.Series:
    """Eurostat ``citizen`` codes to ISO3 (STLS -> STL, UNK -> OOO); NaN for aggregates/unknown."""
    mapped = eurostat_country(codes)
    return mapped.where(mapped.notna(), codes.map(EUROSTAT_CITIZEN_SPECIAL))


def is_eurostat_citizen_aggregate(codes: pd.Series) -> pd.Series:
    return codes.str.startswith(EUROSTAT_CITIZEN_AGGREGATE_PREFIXES) & ~codes.isin(EUROSTAT_CITIZEN_SPECIAL)


def country_name_to_iso3(names: pd.Series) -> pd.Series:
    """Country names as UN agencies write them (e.g. 'Türkiye', 'Greece') to ISO3; NaN if unknown.
    Read like a partner's names (``reference.names``), then pycountry's fuzzy search."""

    def one(name: str) -> str | None:
        if not name:
            return None
        known = name_to_iso3(name)
        if known:
            return known
        try:
            return pycountry.countries.search_fuzzy(name)[0].alpha_3
        except LookupError:
            return None

    unique = {name: one(name) for name in names.dropna().unique()}
    return names.map(unique)


@lru_cache(maxsize=1)
def frontex_route_corridors() -> dict[str, str]:
    """Frontex route name (case-folded) -> corridor id, from corridors.yaml ``frontex_routes``."""
    return {route.casefold(): c.id for c in corridors() for route in c.frontex_routes}


@lru_cache(maxsize=1)
def iom_route_corridors() -> dict[str, str]:
    """IOM route name (case-folded) -> corridor id, from corridors.yaml ``iom_routes``."""
    return {route.casefold(): c.id for c in corridors() for route in c.iom_routes}


def frontex_corridor(routes: pd.Series) -> pd.Series:
    """Corridor id per Frontex route name; NaN where corridors.yaml does not list the name."""
    return routes.str.strip().str.casefold().map(frontex_route_corridors())


def iom_corridor(routes: pd.Series) -> pd.Series:
    """Corridor id per IOM route; NaN where a name is not listed in corridors.yaml.

    IOM joins the routes of a merged incident with commas ("Central Mediterranean,Sahara Desert
    crossing"): the first listed route on a corridor other than ``other`` wins, else ``other``.
    """
    table = iom_route_corridors()

    def one(value: str) -> str | None:
        parts = [part.strip().casefold() for part in value.split(",") if part.strip()]
        if not parts or any(part not in table for part in parts):
            return None
        specific = [table[part] for part in parts if table[part] != "other"]
        return specific[0] if specific else "other"

    unique = {value: one(value) for value in routes.dropna().unique()}
    return routes.map(unique)
