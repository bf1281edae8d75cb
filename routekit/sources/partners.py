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


def _extract_schema(columns: dict[str, Column]) -> pa.DataFrameSchema:
    """A person-level extract: one row per record (a unique ``record_id`` first) and the source's
    own columns; other columns are allowed and never read."""
    return pa.DataFrameSchema({"record_id": Column(str, unique=True), **columns}, strict=False)


def _iso3() -> Column:
    return Column(str, ISO3)


def _date() -> Column:
    return Column(str, DATE)


def _v_number() -> Column:
    return Column(str, VNUMBER)


def _one_of(*values: str) -> Column:
    return Column(str, Check.isin(list(values)))


KMAR_SCHEMA = _extract_schema({
    "date": _date(), "crossing_point": Column(str), "crossing_type": _one_of("land", "air", "sea"),
    "last_country": _iso3(), "nationality": _iso3(), "transport": Column(str), "v_number": _v_number(),
    "route_statement": Column(str, nullable=True),
})
IND_SCHEMA = _extract_schema({
    "application_date": _date(), "interview_date": _date(), "nationality": _iso3(), "v_number": _v_number(),
    "language": _one_of("nl", "en"), "narrative": Column(str, nullable=True),
})
POLICE_SCHEMA = _extract_schema({
    "date": _date(), "place": Column(str), "nationality": _iso3(), "v_number": _v_number(),
    "report_text": Column(str, nullable=True),
})
EURODAC_SCHEMA = _extract_schema({
    "hit_date": _date(), "v_number": _v_number(), "nationality": _iso3(),
    "first_registration_country": _iso3(), "category": _one_of("1", "2", "3"),
})
MOBILITY_SCHEMA = pa.DataFrameSchema(
    {
        "month": Column(str, Check.str_matches(r"^\d{4}-\d{2}$")),
        "origin_country": _iso3(),
        "destination_country": _iso3(),
        "subscribers": Column(int, Check.ge(0)),
    },
    strict=False,
)


def _person_level(name: str, partner: str, titles: tuple[str, str], kind: str, purpose: str,
                  legal_basis: str, schema: pa.DataFrameSchema, date_column: str, **more) -> SourceType:
    """A partner's person-level extract, one row per ``record_id``: released only as aggregates."""
    return register(SourceType(name=name, partner=partner, title_en=titles[0], title_nl=titles[1], kind=kind,
                               purpose=purpose, legal_basis=legal_basis, person_level=True, schema=schema,
                               date_column=date_column, id_column="record_id", **more))


_person_level(
    "kmar", "KMar (Koninklijke Marechaussee)",
    ("Border apprehensions (KMar)", "Aantreffen aan de grens (KMar)"), "border_observation",
    "Border control and the fight against irregular migration at the Dutch borders.",
    "Vreemdelingenwet 2000 art. 46-47 and Schengen Borders Code; processing under AVG art. 6(1)(e); "
    "only anonymised aggregates leave KMar (outside the AVG).",
    KMAR_SCHEMA, "date", text_column="route_statement")
_person_level(
    "ind", "IND (Immigratie- en Naturalisatiedienst)", ("Asylum interviews (IND)", "Asielgehoren (IND)"),
    "self_reported", "Deciding on asylum applications; the route question in the interview.",
    "Vreemdelingenwet 2000 and AVG art. 6(1)(e); only anonymised aggregates leave the IND (outside the AVG).",
    IND_SCHEMA, "application_date", text_column="narrative", complete_for="asylum applicants")
_person_level(
    "police", "Politie (AVIM), analysed by NVIK",
    ("Police reports inland (AVIM)", "Processen-verbaal binnenland (AVIM)"), "self_reported",
    "Supervision of foreign nationals inland (migration surveillance).",
    "Wet politiegegevens (Wpg) art. 8 and 9; only anonymised aggregates leave the police (outside the Wpg).",
    POLICE_SCHEMA, "date", text_column="report_text", route_independent=True)
_person_level(
    "eurodac", "DRM (Directie Regie Migratieketen)",
    ("Fingerprint first-registration hits (Eurodac)", "Vingerafdruk-treffers eerste registratie (Eurodac)"),
    "fingerprint", "Determining the state responsible for an asylum application (Dublin).",
    "Regulation (EU) 2024/1358 (Eurodac) and AVG art. 6(1)(e); only anonymised aggregates leave DRM "
    "(outside the AVG).",
    EURODAC_SCHEMA, "hit_date")
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


def _refused(name: str, titles: tuple[str, str], refusal_reason: str) -> SourceType:
    """A source with no legal basis for mapping routes: asking for it fails with the reason."""
    return register(SourceType(name=name, partner="-", title_en=titles[0], title_nl=titles[1], kind="refused",
                               purpose="-", legal_basis="none", person_level=True, refused=True,
                               refusal_reason=refusal_reason))


_refused("phone_readout",
         ("Reading out individual migrants' phones", "Uitlezen van telefoons van individuele migranten"),
         "reading out individual phones has no legal basis for mapping routes; using data collected for "
         "identification or criminal investigation for route analysis is function creep.")
_refused("anpr", ("ANPR camera data", "ANPR-cameradata"),
         "automatic number-plate recognition data have no legal basis for mapping migration routes (purpose "
         "limitation; function creep).")
