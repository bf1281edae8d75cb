"""The source registry: one entry per source type, with schema, purpose and legal basis.

Adding a source is one ``register(SourceType(...))`` call in its own module. Every report states
each source's purpose and legal basis from here, so a source cannot be used without them.
Sources without a legal basis for mapping routes are registered as *refused*, so asking for them
fails with the reason instead of an unknown-name error.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable

import pandera.pandas as pa

from routekit.errors import RefusedSourceError, RoutekitError

# Independent kinds of source, used when grading whether a finding is confirmed by two or more.
SOURCE_KINDS = ("border_observation", "self_reported", "fingerprint", "mobility", "public_statistics", "refused")


@dataclass(frozen=True)
class SourceType:
    name: str
    partner: str
    title_en: str
    title_nl: str
    kind: str
    purpose: str
    legal_basis: str
    person_level: bool
    schema: pa.DataFrameSchema | None = None
    date_column: str | None = None
    text_column: str | None = None
    id_column: str | None = None
    refused: bool = False
    refusal_reason: str = ""
    #: A group this source registers completely (nobody in it is unseen), e.g. every asylum
    #: applicant is registered by the IND; multiple-systems estimation conditions on it.
    complete_for: str = ""
    #: The chance of being seen hardly depends on the route (the police meet people inland,
    #: after the route), so estimation may share its rate across corridors.
    route_independent: bool = False
    reader: Callable | None = field(default=None, compare=False)

    def title(self, language: str = "en") -> str:
        return self.title_nl if language == "nl" else self.title_en

    def purpose_in(self, language: str = "en") -> str:
        """The purpose in the report's language (Dutch from ``DUTCH_TEXTS``)."""
        return _in(self, "purpose", language)

    def legal_basis_in(self, language: str = "en") -> str:
        return _in(self, "legal_basis", language)

    def refusal_reason_in(self, language: str = "en") -> str:
        return _in(self, "refusal_reason", language)


# Dutch wording of each source's purpose, legal basis and refusal reason (the English is on the
# source's registration). A Dutch report never states a source's grounds in English: a source
# registered without its Dutch texts fails tests/test_report_bilingual.py.
DUTCH_TEXTS: dict[str, dict[str, str]] = {
    "kmar": {
        "purpose": "Grenstoezicht en de bestrijding van irreguliere migratie aan de Nederlandse grenzen.",
        "legal_basis": "Vreemdelingenwet 2000 art. 46-47 en de Schengengrenscode; verwerking op grond van "
                       "AVG art. 6 lid 1 onder e; alleen geanonimiseerde aggregaten verlaten de KMar (buiten de AVG).",
    },
    "ind": {
        "purpose": "Beslissen op asielaanvragen; de routevraag in het gehoor.",
        "legal_basis": "Vreemdelingenwet 2000 en AVG art. 6 lid 1 onder e; alleen geanonimiseerde aggregaten "
                       "verlaten de IND (buiten de AVG).",
    },
    "police": {
        "purpose": "Toezicht op vreemdelingen in het binnenland (migratietoezicht).",
        "legal_basis": "Wet politiegegevens (Wpg) art. 8 en 9; alleen geanonimiseerde aggregaten verlaten de "
                       "politie (buiten de Wpg).",
    },
    "eurodac": {
        "purpose": "Bepalen welke lidstaat verantwoordelijk is voor een asielaanvraag (Dublin).",
        "legal_basis": "Verordening (EU) 2024/1358 (Eurodac) en AVG art. 6 lid 1 onder e; alleen geanonimiseerde "
                       "aggregaten verlaten DRM (buiten de AVG).",
    },
    "mobility": {
        "purpose": "Periodieke trendindicatoren van stromen tussen landen; door de operator alleen als "
                   "geschoonde aggregaten vrijgegeven (open algoritme).",
        "legal_basis": "Geanonimiseerde aggregaten, buiten de AVG; de operator pseudonimiseert en aggregeert "
                       "op grond van een eigen afweging onder AVG art. 6 lid 1 onder f.",
    },
    "phone_readout": {
        "purpose": "-", "legal_basis": "geen",
        "refusal_reason": "het uitlezen van individuele telefoons heeft geen grondslag om routes in kaart te "
                          "brengen; gegevens verzameld voor identificatie of strafrechtelijk onderzoek gebruiken "
                          "voor routeanalyse is function creep.",
    },
    "anpr": {
        "purpose": "-", "legal_basis": "geen",
        "refusal_reason": "gegevens van automatische kentekenherkenning (ANPR) hebben geen grondslag om "
                          "migratieroutes in kaart te brengen (doelbinding; function creep).",
    },
    "frontex": {
        "purpose": "Europese context: maandelijkse detecties per route en nationaliteit aan de buitengrenzen "
                   "van de EU, om nationale cijfers mee te trianguleren.",
        "legal_basis": "gepubliceerde geaggregeerde statistieken (openbaar)",
    },
    "eurostat_asylum": {
        "purpose": "Europese context: eerste asielaanvragen per ontvangend land, nationaliteit, geslacht en "
                   "periode, waaronder Nederland.",
        "legal_basis": "gepubliceerde geaggregeerde statistieken (openbaar)",
    },
    "iom_missing_migrants": {
        "purpose": "De menselijke prijs van de routes: geregistreerde doden en vermisten per incident, met "
                   "plaats, oorzaak en kwaliteit van de bron (minimumschattingen).",
        "legal_basis": "gepubliceerde geaggregeerde statistieken (openbaar)",
    },
    "unhcr_arrivals": {
        "purpose": "Europese context: jaarlijkse aankomsten over zee in Griekenland, Italië, Spanje, Malta en "
                   "Cyprus per aankomstplaats.",
        "legal_basis": "gepubliceerde geaggregeerde statistieken (openbaar)",
    },
}


def _in(source: "SourceType", field_name: str, language: str) -> str:
    english = getattr(source, field_name)
    if language != "nl" or not english:
        return english
    try:
        return DUTCH_TEXTS[source.name][field_name]
    except KeyError:
        raise RoutekitError(f"source '{source.name}': no Dutch {field_name.replace('_', ' ')} "
                            "(add it to DUTCH_TEXTS in routekit/sources/registry.py)") from None


_REGISTRY: dict[str, SourceType] = {}


def register(source: SourceType) -> SourceType:
    if source.kind not in SOURCE_KINDS:
        raise ValueError(f"source '{source.name}': unknown kind '{source.kind}'")
    _REGISTRY[source.name] = source
    return source


def registered_sources(include_refused: bool = False) -> list[SourceType]:
    return [s for s in _REGISTRY.values() if include_refused or not s.refused]


def get_source(name: str) -> SourceType:
    """The source type called ``name``; refused sources raise with the reason they are refused."""
    if name not in _REGISTRY:
        known = ", ".join(sorted(s.name for s in registered_sources()))
        raise RoutekitError(f"unknown source '{name}'; routekit accepts: {known}")
    source = _REGISTRY[name]
    if source.refused:
        raise RefusedSourceError(f"source '{name}' is refused: {source.refusal_reason}")
    return source
