"""Load and validate the simulation's data files (corridors.yaml, capture.yaml, shocks.yaml).

The rates live in YAML so an analyst can read and change them; the pydantic models here catch a
typo (a route and its modes of different length, an unknown country code) before a run.
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources
from typing import Literal

import yaml
from pydantic import BaseModel, Field, field_validator, model_validator

MODES = ("foot", "car", "bus", "train", "truck", "boat", "plane", "ferry")


class Approach(BaseModel):
    via: list[str]
    modes: list[str]
    weight: float = Field(gt=0)
    onward: list[str] | None = None

    @model_validator(mode="after")
    def _legs_match(self) -> Approach:
        if len(self.via) != len(self.modes):
            raise ValueError(f"approach via {self.via} needs one mode per country")
        return self


class Onward(BaseModel):
    name: str
    route: list[str]
    modes: list[str]
    weight: float = Field(ge=0)
    nationalities: list[str] | None = None
    restricted: bool = False

    @model_validator(mode="after")
    def _legs_match(self) -> Onward:
        if len(self.route) != len(self.modes) or self.route[-1] != "NLD":
            raise ValueError(f"onward {self.name}: route must end in NLD with one mode per leg")
        return self


class Cost(BaseModel):
    median: float
    sigma: float
    self_median: float


class CorridorSpec(BaseModel):
    monthly_share: float = Field(ge=0)
    season_amplitude: float = Field(gt=-1, lt=1)
    smuggler_rate: float = Field(ge=0, le=1)
    cost_eur: Cost
    hub_days: float = Field(ge=0)
    transit_days: float = Field(ge=0)
    nationalities: dict[str, float]
    approaches: dict[str, list[Approach]]
    onward: list[Onward]

    @model_validator(mode="after")
    def _approach_per_nationality(self) -> CorridorSpec:
        names = {o.name for o in self.onward}
        for nationality in self.nationalities:
            if nationality not in self.approaches and "default" not in self.approaches:
                raise ValueError(f"no approach for nationality {nationality}")
        for options in self.approaches.values():
            for option in options:
                for name in option.onward or []:
                    if name not in names:
                        raise ValueError(f"approach names unknown onward variant {name}")
        return self


class RouteConfig(BaseModel):
    total_per_month: float = Field(gt=0)
    peak_month: int = Field(ge=1, le=12)
    corridors: dict[str, CorridorSpec]
    entry_points: dict[str, dict[str, dict[str, float]]]

    @field_validator("corridors")
    @classmethod
    def _known_corridors(cls, value: dict[str, CorridorSpec]) -> dict[str, CorridorSpec]:
        from routekit.reference import corridor_ids

        unknown = set(value) - set(corridor_ids())
        if unknown:
            raise ValueError(f"unknown corridor ids {sorted(unknown)}")
        return value


class Shock(BaseModel):
    kind: Literal["surge", "shift"]
    corridor: str
    at: float = Field(ge=0, lt=1)
    months: int = 1
    factor: float = 1.0
    from_variant: str | None = None
    to_variant: str | None = None
    share: float = 0.0
    description: str


def _load(name: str):
    return yaml.safe_load(resources.files(__package__).joinpath(name).read_text(encoding="utf-8"))


@lru_cache(maxsize=1)
def route_config() -> RouteConfig:
    """The corridors, their nationalities, route templates and entry points (corridors.yaml)."""
    config = RouteConfig.model_validate(_load("corridors.yaml"))
    from routekit.reference import countries

    known = set(countries().index)
    for spec in config.corridors.values():
        codes = set(spec.nationalities)
        for options in spec.approaches.values():
            for option in options:
                codes.update(option.via)
                if not set(option.modes) <= set(MODES):
                    raise ValueError(f"unknown mode in {option.modes}")
        for variant in spec.onward:
            codes.update(variant.route)
            if not set(variant.modes) <= set(MODES):
                raise ValueError(f"unknown mode in {variant.modes}")
        if codes - known:
            raise ValueError(f"unknown country codes {sorted(codes - known)}")
    return config


@lru_cache(maxsize=1)
def capture_config() -> dict:
    """The capture probabilities (capture.yaml), as a plain mapping."""
    return _load("capture.yaml")


@lru_cache(maxsize=1)
def shock_config() -> tuple[Shock, ...]:
    """The shocks (shocks.yaml)."""
    return tuple(Shock.model_validate(item) for item in _load("shocks.yaml"))
