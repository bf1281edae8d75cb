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
