"""The one place for shared reference data: corridors, countries, entry points, palette.

Every module that needs a corridor name, a country's region or centroid, an entry point's
coordinates or a colour reads it from here, so a rule is changed in one file.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import pandas as pd
import yaml

# Okabe-Ito: a colour-blind-safe qualitative palette (Okabe & Ito, 2008), in corridor order.
PALETTE = [
    "#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7",
    "#56B4E9", "#F0E442", "#000000", "#999999", "#7F3C8D", "#11A579",
]


@dataclass(frozen=True)
class Corridor:
    id: str
    en: str
    nl: str
    kind: str
    frontex_routes: tuple[str, ...]
    iom_routes: tuple[str, ...]
    colour: str

    def name(self, language: str = "en") -> str:
        return self.nl if language == "nl" else self.en


# Codes some publishers (Eurostat) and partners write instead of ISO 3166 alpha-2 (GR, GB), or for
# Kosovo, which has no ISO code (the EU uses XK / XKX).
NON_ISO_ALPHA2 = {"EL": "GRC", "UK": "GBR", "XK": "XKX"}


@lru_cache(maxsize=1)
def alpha2_to_iso3() -> dict[str, str]:
    """ISO 3166 alpha-2 -> alpha-3 (pycountry), plus ``NON_ISO_ALPHA2``."""
    import pycountry

    table = {country.alpha_2: country.alpha_3 for country in pycountry.countries}
    table.update(NON_ISO_ALPHA2)
    return table


def _text(name: str) -> str:
    return resources.files(__name__).joinpath(name).read_text(encoding="utf-8")


@lru_cache(maxsize=1)
def corridors() -> tuple[Corridor, ...]:
    """All corridors in display order, each with its colour."""
    raw = yaml.safe_load(_text("corridors.yaml"))
    return tuple(
        Corridor(
            id=item["id"], en=item["en"], nl=item["nl"], kind=item["kind"],
            frontex_routes=tuple(item.get("frontex_routes", [])),
            iom_routes=tuple(item.get("iom_routes", [])),
            colour=PALETTE[i % len(PALETTE)],
        )
        for i, item in enumerate(raw)
    )


def corridor_ids() -> list[str]:
    return [c.id for c in corridors()]


def corridor(corridor_id: str) -> Corridor:
    for item in corridors():
        if item.id == corridor_id:
            return item
    raise KeyError(corridor_id)


def corridor_name(corridor_id: str, language: str = "en") -> str:
    """The corridor's name in the language; an unknown id is shown as it is."""
    try:
        return corridor(corridor_id).name(language)
    except KeyError:
        return str(corridor_id)


@lru_cache(maxsize=1)
def countries() -> pd.DataFrame:
    """ISO3-indexed table: iso_numeric, name_en, name_nl, region, lat, lon."""
    with resources.files(__name__).joinpath("countries.csv").open("r", encoding="utf-8") as handle:
        frame = pd.read_csv(handle, dtype={"iso_numeric": str}, keep_default_na=False)
    return frame.set_index("iso3")


def country_name(iso3: str, language: str = "en") -> str:
    table = countries()
    if iso3 not in table.index:
        return iso3
    return table.at[iso3, "name_nl" if language == "nl" else "name_en"]


def region_of(iso3: str) -> str:
    table = countries()
    return table.at[iso3, "region"] if iso3 in table.index else "Other"


@lru_cache(maxsize=1)
def entry_points() -> pd.DataFrame:
    """Dutch entry points (land crossings, airports, sea ports) with coordinates."""
    with resources.files(__name__).joinpath("entry_points.csv").open("r", encoding="utf-8") as handle:
        frame = pd.read_csv(handle, keep_default_na=False)
    return frame.set_index("entry_point")
