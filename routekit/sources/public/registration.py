"""The public sources in the source registry: name, schema, purpose and legal basis."""

from __future__ import annotations

from routekit.sources.public.eurostat import EUROSTAT_SCHEMA, load_eurostat_asylum
from routekit.sources.public.frontex import FRONTEX_SCHEMA, load_frontex
from routekit.sources.public.iom import IOM_SCHEMA, load_iom
from routekit.sources.public.unhcr import UNHCR_SCHEMA, load_unhcr_arrivals
from routekit.sources.registry import SourceType, register

LEGAL_BASIS = "published aggregate statistics (public)"

register(SourceType(
    name="frontex", partner="Frontex (European Border and Coast Guard Agency)",
    title_en="Detections of illegal border-crossings at the EU external borders (Frontex)",
    title_nl="Detecties van illegale grensoverschrijdingen aan de EU-buitengrenzen (Frontex)",
    kind="public_statistics",
    purpose="European context: monthly detections per route and nationality at the EU external "
            "borders, to triangulate national figures with.",
    legal_basis=LEGAL_BASIS, person_level=False, schema=FRONTEX_SCHEMA, date_column="period",
    reader=load_frontex,
))
register(SourceType(
    name="eurostat_asylum", partner="Eurostat",
    title_en="First-time asylum applicants by citizenship (Eurostat)",
    title_nl="Eerste asielaanvragers naar nationaliteit (Eurostat)",
    kind="public_statistics",
    purpose="European context: first-time asylum applicants per receiving country, citizenship, "
            "sex and period, including the Netherlands.",
    legal_basis=LEGAL_BASIS, person_level=False, schema=EUROSTAT_SCHEMA, date_column="period",
    reader=load_eurostat_asylum,
))
register(SourceType(
    name="iom_missing_migrants", partner="IOM Missing Migrants Project",
    title_en="Deaths and disappearances on migration routes (IOM Missing Migrants)",
    title_nl="Doden en vermisten op migratieroutes (IOM Missing Migrants)",
    kind="public_statistics",
    purpose="The human cost of the routes: recorded deaths and disappearances per incident, with "
            "place, cause and source quality (minimum estimates).",
    legal_basis=LEGAL_BASIS, person_level=False, schema=IOM_SCHEMA, date_column="date",
    id_column="incident_id", reader=load_iom,
))
register(SourceType(
    name="unhcr_arrivals", partner="UNHCR Operational Data Portal",
    title_en="Mediterranean sea arrivals by landing place (UNHCR)",
    title_nl="Aankomsten over de Middellandse Zee per aankomstplaats (UNHCR)",
    kind="public_statistics",
    purpose="European context: yearly sea arrivals in Greece, Italy, Spain, Malta and Cyprus by "
            "landing place.",
    legal_basis=LEGAL_BASIS, person_level=False, schema=UNHCR_SCHEMA, date_column="period",
    reader=load_unhcr_arrivals,
))
