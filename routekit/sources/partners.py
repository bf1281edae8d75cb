"""The chain partners' person-level extracts: their schemas, purpose and legal basis.

These extracts never leave a partner: ``routekit release`` turns them into anonymised
aggregates inside the partner's own environment. The schemas here are the contract between the
demo generator (``routekit.synth``), real partner exports and the release step.
"""

from __future__ import annotations

import pandera.pandas as pa
from pandera.pandas import Check, Column

from routekit.sources.registry import SourceType, register

ISO3 = Check.str_matches(r"^[A-Z]{3}$")
VNUMBER = Check.str_matches(r"^\d{10}$")
DATE = Check.str_matches(r"^\d{4}-\d{2}-\d{2}$")

KMAR_SCHEMA = pa.DataFrameSchema(
    {
        "record_id": Column(str, unique=True),
        "date": Column(str, DATE),
        "crossing_point": Column(str),
        "crossing_type": Column(str, Check.isin(["land", "air", "sea"])),
        "last_country": Column(str, ISO3),
        "nationality": Column(str, ISO3),
        "transport": Column(str),
        "v_number": Column(str, VNUMBER),
        "route_statement": Column(str, nullable=True),
    },
    strict=False,
)

IND_SCHEMA = pa.DataFrameSchema(
    {
        "record_id": Column(str, unique=True),
        "application_date": Column(str, DATE),
        "interview_date": Column(str, DATE),
        "nationality": Column(str, ISO3),
        "v_number": Column(str, VNUMBER),
        "language": Column(str, Check.isin(["nl", "en"])),
        "narrative": Column(str, nullable=True),
    },
    strict=False,
)

POLICE_SCHEMA = pa.DataFrameSchema(
    {
        "record_id": Column(str, unique=True),
        "date": Column(str, DATE),
        "place": Column(str),
        "nationality": Column(str, ISO3),
        "v_number": Column(str, VNUMBER),
        "report_text": Column(str, nullable=True),
    },
    strict=False,
)

EURODAC_SCHEMA = pa.DataFrameSchema(
    {
        "record_id": Column(str, unique=True),
        "hit_date": Column(str, DATE),
        "v_number": Column(str, VNUMBER),
        "nationality": Column(str, ISO3),
        "first_registration_country": Column(str, ISO3),
        "category": Column(str, Check.isin(["1", "2", "3"])),
    },
    strict=False,
)

MOBILITY_SCHEMA = pa.DataFrameSchema(
    {
        "month": Column(str, Check.str_matches(r"^\d{4}-\d{2}$")),
        "origin_country": Column(str, ISO3),
        "destination_country": Column(str, ISO3),
        "subscribers": Column(int, Check.ge(0)),
    },
    strict=False,
)

register(SourceType(
    name="kmar", partner="KMar (Koninklijke Marechaussee)",
    title_en="Border apprehensions (KMar)", title_nl="Aantreffen aan de grens (KMar)",
    kind="border_observation",
    purpose="Border control and the fight against irregular migration at the Dutch borders.",
    legal_basis="Vreemdelingenwet 2000 art. 46-47 and Schengen Borders Code; processing under "
                "AVG art. 6(1)(e); only anonymised aggregates leave KMar (outside the AVG).",
    person_level=True, schema=KMAR_SCHEMA, date_column="date", text_column="route_statement",
    id_column="record_id",
))
register(SourceType(
    name="ind", partner="IND (Immigratie- en Naturalisatiedienst)",
    title_en="Asylum interviews (IND)", title_nl="Asielgehoren (IND)",
    kind="self_reported",
    purpose="Deciding on asylum applications; the route question in the interview.",
    legal_basis="Vreemdelingenwet 2000 and AVG art. 6(1)(e); only anonymised aggregates leave "
                "the IND (outside the AVG).",
    person_level=True, schema=IND_SCHEMA, date_column="application_date", text_column="narrative",
    id_column="record_id", complete_for="asylum applicants",
))
register(SourceType(
    name="police", partner="Politie (AVIM), analysed by NVIK",
    title_en="Police reports inland (AVIM)", title_nl="Processen-verbaal binnenland (AVIM)",
    kind="self_reported",
    purpose="Supervision of foreign nationals inland (migration surveillance).",
    legal_basis="Wet politiegegevens (Wpg) art. 8 and 9; only anonymised aggregates leave the "
                "police (outside the Wpg).",
    person_level=True, schema=POLICE_SCHEMA, date_column="date", text_column="report_text",
    id_column="record_id", route_independent=True,
))
register(SourceType(
    name="eurodac", partner="DRM (Directie Regie Migratieketen)",
    title_en="Fingerprint first-registration hits (Eurodac)",
    title_nl="Vingerafdruk-treffers eerste registratie (Eurodac)",
    kind="fingerprint",
    purpose="Determining the state responsible for an asylum application (Dublin).",
    legal_basis="Regulation (EU) 2024/1358 (Eurodac) and AVG art. 6(1)(e); only anonymised "
                "aggregates leave DRM (outside the AVG).",
    person_level=True, schema=EURODAC_SCHEMA, date_column="hit_date", id_column="record_id",
))
register(SourceType(
    name="mobility", partner="Mobile network operators (aggregated indicators)",
    title_en="Mobility indicators from phone data (aggregated)",
    title_nl="Mobiliteitsindicatoren uit telefoondata (geaggregeerd)",
    kind="mobility",
    purpose="Periodic trend indicators of flows between countries; released by the operator as "
            "redacted aggregates only (open algorithm).",
    legal_basis="Anonymised aggregates - outside the AVG; the operator pseudonymises and "
                "aggregates under its own AVG art. 6(1)(f) assessment.",
    person_level=False, schema=MOBILITY_SCHEMA, date_column="month",
))
register(SourceType(
    name="phone_readout", partner="-", title_en="Reading out individual migrants' phones",
    title_nl="Uitlezen van telefoons van individuele migranten", kind="refused",
    purpose="-", legal_basis="none", person_level=True, refused=True,
    refusal_reason="reading out individual phones has no legal basis for mapping routes; using "
                   "data collected for identification or criminal investigation for route "
                   "analysis is function creep.",
))
register(SourceType(
    name="anpr", partner="-", title_en="ANPR camera data", title_nl="ANPR-cameradata",
    kind="refused", purpose="-", legal_basis="none", person_level=True, refused=True,
    refusal_reason="automatic number-plate recognition data have no legal basis for mapping "
                   "migration routes (purpose limitation; function creep).",
))
