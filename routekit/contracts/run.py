"""``RunSpec``: what the report hands each chapter notebook, as one typed JSON parameter.

The report builds one per chapter (``routekit.report.pipeline``) and papermill injects its JSON as
``run_json``; the notebook's ``ReportContext.from_json`` reads it back through this model, so a
missing or misspelt field is one error naming it, not a ``KeyError`` deep in a chapter. Its JSON
less the build's own tables folder (``cache_text``) is part of the chapter's cache key.
"""

from __future__ import annotations

import json
from pathlib import Path

from pydantic import BaseModel, ConfigDict, ValidationError

from routekit.errors import InputError
from routekit.params import ReportParams
from routekit.periods import Period


class PeriodSpec(BaseModel):
    """A period as a notebook gets it (its months spelt out for readers of the JSON)."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    start: str
    end: str
    kind: str = "range"
    label: str = ""
    months: list[str] = []

    @classmethod
    def of(cls, period: Period) -> PeriodSpec:
        return cls(start=period.start, end=period.end, kind=period.kind, label=period.label, months=period.months)

    @property
    def period(self) -> Period:
        return Period(self.start, self.end, self.kind, self.label)


class DataSpan(BaseModel):
    """The months the data cover (the parameter set was checked against them)."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    first_month: str
    last_month: str


class RunPaths(BaseModel):
    """Absolute folders a chapter reads (bundles are opened through their contracts) and where
    its downloadable tables go (``tables_href``: the same folder as the site links it)."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    releases: Path
    link: Path
    estimates: Path
    public: Path
    tables_dir: Path
    tables_href: str


class RunSpec(BaseModel):
    """One chapter's run: the parameter set (server paths reduced to a name, as the methods
    chapter lists them), the period and baseline, the chapter, the data's span and the folders."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    params: ReportParams
    period: PeriodSpec
    baseline: PeriodSpec
    paths: RunPaths
    chapter: str = ""  # empty outside a build (a test's context)
    data: DataSpan | None = None

    def to_json(self) -> str:
        """The ``run_json`` parameter: keys sorted, so the same run is the same text (and cache key)."""
        return json.dumps(self.model_dump(mode="json"), sort_keys=True)

    def cache_text(self) -> str:
        """What the chapter's result depends on: the run without where this build writes its
        tables (a fresh work folder per build; the cached tables are copied to the new one)."""
        return json.dumps(self.model_dump(mode="json", exclude={"paths": {"tables_dir"}}), sort_keys=True)

    @classmethod
    def from_json(cls, text: str) -> RunSpec:
        """The notebook's side; a malformed run is one InputError naming the field."""
        try:
            return cls.model_validate_json(text)
        except ValidationError as error:
            problem = error.errors()[0]
            field = ".".join(str(p) for p in problem["loc"]) or None
            raise InputError("run_json", problem["msg"], field=field) from None

    @classmethod
    def for_chapter(cls, params: ReportParams, period: Period, baseline: Period, chapter: str,
                    coverage: tuple, paths: dict[str, Path | str]) -> RunSpec:
        """The report's side: absolute folders, server paths in the parameters reduced to a name."""
        shown = params.model_dump(mode="json")
        for key in ("data_dir", "public_data_dir"):  # a server path says nothing to a reader
            if shown.get(key) and Path(shown[key]).is_absolute():
                shown[key] = Path(shown[key]).name
        folders = {k: (v if k == "tables_href" else Path(v).resolve()) for k, v in paths.items()}
        return cls(params=ReportParams.model_validate(shown), period=PeriodSpec.of(period),
                   baseline=PeriodSpec.of(baseline), paths=RunPaths(**folders), chapter=chapter,
                   data=DataSpan(first_month=coverage[0], last_month=coverage[1]))
