"""How a table built from published figures is labelled: citation, caption and CSV file name.

Figures a publisher already made public are not subject to routekit's small-cell suppression,
but they are never merged into partner tables. A table built only from public sources says so
in its caption, cites its publishers, and its CSV file name starts with ``public-``. The helpers
refuse any source that is not registered as ``public_statistics``, so the rule lives here.
"""

from __future__ import annotations

import re

from routekit.errors import DisclosureError, RoutekitError
from routekit.sources.registry import get_source

PUBLIC_KIND = "public_statistics"
PUBLIC_PREFIX = "public-"

_CITATIONS = {
    "frontex": {
        "en": "Frontex (European Border and Coast Guard Agency), monthly detections of illegal "
              "border-crossings by route and nationality (migratory map data). "
              "https://www.frontex.europa.eu/what-we-do/monitoring-and-risk-analysis/migratory-map/",
        "nl": "Frontex (Europees Grens- en kustwachtagentschap), maandelijkse detecties van illegale "
              "grensoverschrijdingen per route en nationaliteit (gegevens van de migratiekaart). "
              "https://www.frontex.europa.eu/what-we-do/monitoring-and-risk-analysis/migratory-map/",
    },
    "eurostat_asylum": {
        "en": "Eurostat, asylum applicants by type, citizenship, age and sex: first-time applicants, "
              "annual (migr_asyappctza) and monthly (migr_asyappctzm) data, rounded to multiples of 5. "
              "https://ec.europa.eu/eurostat/databrowser/view/migr_asyappctzm/default/table",
        "nl": "Eurostat, asielzoekers naar type, nationaliteit, leeftijd en geslacht: eerste aanvragen, "
              "jaarcijfers (migr_asyappctza) en maandcijfers (migr_asyappctzm), afgerond op vijftallen. "
              "https://ec.europa.eu/eurostat/databrowser/view/migr_asyappctzm/default/table",
    },
    "iom_missing_migrants": {
        "en": "IOM Missing Migrants Project, recorded deaths and disappearances of migrants on routes "
              "towards Europe (minimum estimates). https://missingmigrants.iom.int",
        "nl": "IOM Missing Migrants Project, geregistreerde doden en vermisten onder migranten op routes "
              "naar Europa (minimumschattingen). https://missingmigrants.iom.int",
    },
    "unhcr_arrivals": {
        "en": "UNHCR Operational Data Portal, Mediterranean situation: sea arrivals by landing place. "
              "https://data.unhcr.org/en/situations/mediterranean",
        "nl": "UNHCR Operational Data Portal, situatie Middellandse Zee: aankomsten over zee per "
              "aankomstplaats. https://data.unhcr.org/en/situations/mediterranean",
    },
}

_PUBLISHERS = {
    "frontex": "Frontex",
    "eurostat_asylum": "Eurostat",
    "iom_missing_migrants": "IOM Missing Migrants Project",
    "unhcr_arrivals": "UNHCR",
}

_CAPTION_NOTE = {
    "en": ("Source: {publishers}. Figures as published by {them}: not subject to routekit's "
           "small-cell suppression and not combined with partner data."),
    "nl": ("Bron: {publishers}. Cijfers zoals gepubliceerd door {them}: niet onderworpen aan de "
           "celonderdrukking van routekit en niet gecombineerd met gegevens van ketenpartners."),
}


def _language(language: str) -> str:
    if language not in ("en", "nl"):
        raise RoutekitError(f"language '{language}': routekit writes 'en' or 'nl'")
    return language


def require_public(source_names: list[str] | tuple[str, ...]) -> None:
    """Raise DisclosureError unless every source is registered as published statistics."""
    if not source_names:
        raise DisclosureError("a public table needs at least one public source")
    for name in source_names:
        source = get_source(name)
        if source.kind != PUBLIC_KIND:
            raise DisclosureError(
                f"source '{name}' is {source.kind} data, not published statistics: it may not appear "
                "in a public- table (partner data go through release and suppression)")


def citation(source_name: str, language: str = "en", as_of: str | None = None) -> str:
    """The publisher citation for a public source, in English or Dutch; ``as_of`` adds the vintage."""
    require_public([source_name])
    text = _CITATIONS[source_name][_language(language)]
    if as_of:
        text += f" ({'stand' if language == 'nl' else 'data as of'} {as_of})"
    return text


def caption(title: str, source_names: list[str] | tuple[str, ...], language: str = "en") -> str:
    """Caption for a table or chart built only from public sources: title, publishers, why unsuppressed."""
    require_public(source_names)
    publishers = list(dict.fromkeys(_PUBLISHERS[name] for name in source_names))
    joiner = " en " if language == "nl" else " and "
    listed = ", ".join(publishers[:-1]) + joiner + publishers[-1] if len(publishers) > 1 else publishers[0]
    them = ("de uitgever" if len(publishers) == 1 else "de uitgevers") if language == "nl" else \
        ("the publisher" if len(publishers) == 1 else "the publishers")
    note = _CAPTION_NOTE[_language(language)].format(publishers=listed, them=them)
    return f"{title.rstrip('. ')}. {note}"


def public_csv_name(stem: str) -> str:
    """CSV file name for a public-only table: 'public-<stem>.csv' (lower case, safe characters)."""
    slug = re.sub(r"[^a-z0-9]+", "-", stem.lower().removesuffix(".csv")).strip("-")
    slug = slug.removeprefix("public-")
    if not slug:
        raise RoutekitError(f"CSV name '{stem}': needs letters or digits")
    return f"{PUBLIC_PREFIX}{slug}.csv"
