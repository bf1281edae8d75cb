"""The public sources in the source registry: name, schema, purpose and legal basis."""

from __future__ import annotations

from routekit.sources.public.eurostat import EUROSTAT_SCHEMA, load_eurostat_asylum
from routekit.sources.public.frontex import FRONTEX_SCHEMA, load_frontex
from routekit.sources.public.iom import IOM_SCHEMA, load_iom
from routekit.sources.public.unhcr import UNHCR_SCHEMA, load_unhcr_arrivals
from routekit.sources.registry import SourceType, register

LEGAL_BASIS = "published aggregate statistics (public)"


def _public(name: str, partner: str, titles: tuple[str, str], purpose: str, schema, reader,
            date_column: str = "period", **more) -> SourceType:
    """A publisher's aggregate statistics: public, so no person-level data and one legal basis."""
    return register(SourceType(name=name, partner=partner, title_en=titles[0], title_nl=titles[1],
                               kind="public_statistics", purpose=purpose, legal_basis=LEGAL_BASIS,
                               person_level=False, schema=schema, date_column=date_column, reader=reader, **more))


_public("frontex", "Frontex (European Border and Coast Guard Agency)",
        ("Detections of illegal border-crossings at the EU external borders (Frontex)",
         "Detecties van illegale grensoverschrijdingen aan de EU-buitengrenzen (Frontex)"),
        "European context: monthly detections per route and nationality at the EU external borders, to "
        "triangulate national figures with.", FRONTEX_SCHEMA, load_frontex)
_public("eurostat_asylum", "Eurostat",
        ("First-time asylum applicants by citizenship (Eurostat)",
         "Eerste asielaanvragers naar nationaliteit (Eurostat)"),
        "European context: first-time asylum applicants per receiving country, citizenship, sex and period, "
        "including the Netherlands.", EUROSTAT_SCHEMA, load_eurostat_asylum)
_public("iom_missing_migrants", "IOM Missing Migrants Project",
        ("Deaths and disappearances on migration routes (IOM Missing Migrants)",
         "Doden en vermisten op migratieroutes (IOM Missing Migrants)"),
        "The human cost of the routes: recorded deaths and disappearances per incident, with place, cause "
        "and source quality (minimum estimates).", IOM_SCHEMA, load_iom, date_column="date",
        id_column="incident_id")
_public("unhcr_arrivals", "UNHCR Operational Data Portal",
        ("Mediterranean sea arrivals by landing place (UNHCR)",
         "Aankomsten over de Middellandse Zee per aankomstplaats (UNHCR)"),
        "European context: yearly sea arrivals in Greece, Italy, Spain, Malta and Cyprus by landing place.",
        UNHCR_SCHEMA, load_unhcr_arrivals)
