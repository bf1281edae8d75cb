"""Parameter sets: a YAML file validated by a typed model, so a report is configured by data.

``load_params(path, overrides)`` reads the YAML, applies ``key=value`` overrides from the command
line, and validates. Every problem is a ``ParamError`` naming the key and the value in one line.
Checks that need the data (a period outside the data, a focus that selects nothing) happen in
``check_against_data`` once the data's coverage is known.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from routekit.disclosure.rule import DEFAULT_K, MINIMUM_K
from routekit.errors import ParamError
from routekit.periods import LATEST, Period, latest_complete, parse_period
from routekit.reference import corridor_ids, countries, entry_points

PARTNER_SOURCES = ("kmar", "ind", "police", "eurodac", "mobility")
PUBLIC_SOURCES = ("frontex", "eurostat", "iom")
MAX_TITLE = 200


class Focus(BaseModel):
    """Optional filters for an ad-hoc question; empty means everything."""

    model_config = ConfigDict(extra="forbid")
    nationalities: list[str] = Field(default_factory=list)
    corridors: list[str] = Field(default_factory=list)
    entry_points: list[str] = Field(default_factory=list)

    @field_validator("nationalities")
    @classmethod
    def _iso3(cls, values: list[str]) -> list[str]:
        return _all_known(values, countries().index, "an ISO 3166-1 alpha-3 country code", list_known=False)

    @field_validator("corridors")
    @classmethod
    def _corridor(cls, values: list[str]) -> list[str]:
        return _all_known(values, corridor_ids(), "a corridor")

    @field_validator("entry_points")
    @classmethod
    def _entry(cls, values: list[str]) -> list[str]:
        return _all_known(values, list(entry_points().index), "an entry point")


def _all_known(values: list[str], known, what: str, list_known: bool = True) -> list[str]:
    """``values`` unchanged, or a ValueError naming the first one that is not ``what``."""
    for value in values:
        if value not in known:
            raise ValueError(f"'{value}' is not {what}" + (f"; known: {', '.join(known)}" if list_known else ""))
    return values


def _character(ch: str) -> str:
    """A character a reader cannot see, named: 'U+00A0 (NO-BREAK SPACE)', 'a line break (U+000A)'."""
    import unicodedata

    code = f"U+{ord(ch):04X}"
    if ch in "\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029":
        return f"a line break ({code})"
    name = unicodedata.name(ch, "")
    if name:
        return f"{code} ({name})"
    return f"{'a tab' if ch == chr(9) else 'a control character'} ({code})" if unicodedata.category(ch) == "Cc" \
        else f"a character with no printable form ({code})"


class ReportParams(BaseModel):
    """One report: which period, compared with what, from which sources, for which focus."""

    model_config = ConfigDict(extra="forbid")
    title: str = "Routes naar Nederland"
    language: Literal["nl", "en"] = "nl"
    period: str | dict = "latest-quarter"
    baseline: Literal["previous-period", "same-period-last-year"] | dict = "previous-period"
    data_dir: str = "data/demo"
    sources: list[str] = Field(default_factory=lambda: list(PARTNER_SOURCES))
    public_sources: list[str] = Field(default_factory=lambda: list(PUBLIC_SOURCES))
    focus: Focus = Field(default_factory=Focus)
    threshold: int = DEFAULT_K
    # folder with the public files (sub-folders frontex/, eurostat/, iom-missing-migrants/);
    # unset: $ROUTEKIT_PUBLIC_DATA, else the repository's data/public
    public_data_dir: str | None = None

    @field_validator("title")
    @classmethod
    def _title(cls, value: str) -> str:
        # any text is allowed and escaped where it is rendered; only the shape is checked here
        if not value.strip():
            raise ValueError("the title may not be empty")
        if len(value) > MAX_TITLE:
            raise ValueError(f"longer than {MAX_TITLE} characters")
        odd = next(((i, ch) for i, ch in enumerate(value, 1) if not ch.isprintable()), None)
        if odd is not None:
            raise ValueError(f"character at position {odd[0]} is {_character(odd[1])}; a title is one "
                             "line of printable text with ordinary spaces")
        return value

    @field_validator("period")
    @classmethod
    def _period(cls, value):
        if isinstance(value, str) and value in LATEST:
            return value
        parse_period(value)
        return value

    @field_validator("baseline")
    @classmethod
    def _baseline(cls, value):
        if isinstance(value, dict):
            parse_period(value)
        return value

    @field_validator("sources")
    @classmethod
    def _sources(cls, values: list[str]) -> list[str]:
        from routekit.sources import get_source, registered_sources

        refused = {s.name for s in registered_sources(include_refused=True) if s.refused}
        for value in values:
            if value in refused:
                get_source(value)  # raises RefusedSourceError with the reason
            _all_known([value], PARTNER_SOURCES, "a partner source")
        return values

    @field_validator("public_sources")
    @classmethod
    def _public(cls, values: list[str]) -> list[str]:
        return _all_known(values, PUBLIC_SOURCES, "a public source")

    @field_validator("threshold")
    @classmethod
    def _threshold(cls, value: int) -> int:
        if value < MINIMUM_K:
            raise ValueError(f"must be at least {MINIMUM_K} (statistical disclosure control)")
        return value

    @model_validator(mode="after")
    def _some_source(self) -> "ReportParams":
        if not self.sources and not self.public_sources:
            raise ValueError("sources: at least one partner or public source is needed")
        return self

    @property
    def public_only(self) -> bool:
        """A report from public EU statistics alone (no partner data)."""
        return not self.sources

    def resolve_period(self, last_month: str) -> Period:
        """The concrete period, resolving 'latest-*' against the data's last month."""
        if isinstance(self.period, str) and self.period in LATEST:
            return latest_complete(self.period, last_month)
        return parse_period(self.period)

    def resolve_baseline(self, period: Period) -> Period:
        if isinstance(self.baseline, dict):
            return parse_period(self.baseline)
        return period.previous() if self.baseline == "previous-period" else period.year_earlier()


def _coerce(text: str):
    """Parse an override value as YAML so '-p threshold=15' gives an int and lists work; a value
    YAML cannot read (a title '{{ x }}', 'a: b: c', '@name') is the text as typed, then validated."""
    if text == "":
        return ""
    try:
        return yaml.safe_load(text)
    except yaml.YAMLError:
        return text


def apply_overrides(raw: dict, overrides: list[str]) -> dict:
    """Apply 'key=value' (dotted keys for nested, e.g. focus.corridors=[eastern_land])."""
    data = json.loads(json.dumps(raw))
    for item in overrides:
        if "=" not in item:
            raise ParamError(item, item, "an override is written key=value")
        key, value = item.split("=", 1)
        target = data
        parts = key.strip().split(".")
        for part in parts[:-1]:
            target = target.setdefault(part, {})
            if not isinstance(target, dict):
                raise ParamError(key, value, f"'{part}' is not a section")
        target[parts[-1]] = _coerce(value)
    return data


def validate(raw: dict, source: str = "parameters") -> ReportParams:
    """Validate a dict into ReportParams, turning the first problem into a one-line ParamError."""
    if not isinstance(raw, dict):
        raise ParamError(source, raw, "a parameter set is a mapping of keys to values")
    try:
        return ReportParams.model_validate(raw)
    except ValidationError as error:
        first = error.errors()[0]
        key = ".".join(str(p) for p in first["loc"]
                       if not any(ch in str(p) for ch in "[-")) or source
        if not first["loc"] and ":" in first["msg"]:
            key = first["msg"].removeprefix("Value error, ").split(":")[0]
            first = {**first, "msg": first["msg"].split(":", 1)[1].strip(), "input": raw.get(key)}
        value = first.get("input")
        message = first["msg"].removeprefix("Value error, ")
        if first["type"] == "extra_forbidden":
            message = "unknown key"
        raise ParamError(key, value, message) from None
    except Exception as error:  # refused source etc. raised inside a validator
        from routekit.errors import RoutekitError

        if isinstance(error, RoutekitError):
            raise
        raise


def _first_duplicate(node, path: str = "") -> tuple[str, int] | None:
    """The first key given twice in one mapping (dotted path, 1-based line), walking the YAML tree.

    PyYAML keeps the last of two equal keys silently, so 'threshold: 10 ... threshold: 5' would
    publish with a threshold nobody meant to set.
    """
    if isinstance(node, yaml.MappingNode):
        seen: set = set()
        for key_node, value_node in node.value:
            key = str(key_node.value)
            dotted = f"{path}.{key}" if path else key
            if key in seen:
                return dotted, key_node.start_mark.line + 1
            seen.add(key)
            found = _first_duplicate(value_node, dotted)
            if found:
                return found
    elif isinstance(node, yaml.SequenceNode):
        for item in node.value:
            found = _first_duplicate(item, path)
            if found:
                return found
    return None


def read_yaml(path: Path) -> dict:
    path = Path(path)
    if path.is_dir():
        raise ParamError("params", str(path), "is a folder, not a parameter file")
    if not path.is_file():
        raise ParamError("params", str(path), "file not found")
    try:
        text = path.read_bytes().decode("utf-8")
    except UnicodeDecodeError as error:
        raise ParamError("params", str(path), f"not UTF-8 text (byte {error.start + 1}); "
                                              "save the file as UTF-8") from None
    try:
        duplicate = _first_duplicate(yaml.compose(text, Loader=yaml.SafeLoader))
        raw = yaml.safe_load(text) or {}
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f" at line {mark.line + 1}" if mark else ""
        raise ParamError("params", str(path), f"not valid YAML{where}") from None
    if duplicate:
        raise ParamError(duplicate[0], str(path), f"duplicate key (again at line {duplicate[1]}); "
                                                  "give each key once")
    return raw


def load_params(path: Path, overrides: list[str] | None = None) -> ReportParams:
    """Read, override and validate a parameter set."""
    raw = apply_overrides(read_yaml(path), overrides or [])
    return validate(raw, str(path))


def params_digest(params: ReportParams) -> str:
    """A short stable hash of the validated parameters, for output folders and caches."""
    text = json.dumps(params.model_dump(mode="json"), sort_keys=True)
    return hashlib.sha256(text.encode()).hexdigest()[:10]


def check_against_data(params: ReportParams, first_month: str, last_month: str,
                       available: dict[str, set[str]]) -> Period:
    """Checks that need the data: the period lies inside it and the focus selects something.

    ``available`` maps 'nationalities', 'corridors', 'entry_points' to the values present in the
    published tables of the period's data.
    """
    period = params.resolve_period(last_month)
    if period.start < first_month or period.end > last_month:
        raise ParamError("period", params.period,
                         f"outside the data ({first_month} to {last_month})")
    for key in ("nationalities", "corridors", "entry_points"):
        wanted = getattr(params.focus, key)
        if wanted and not set(wanted) & available.get(key, set()):
            raise ParamError(f"focus.{key}", wanted, "selects nothing in the data for this period")
    return period
