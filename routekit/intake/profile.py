"""The intake profile: how one partner's export maps onto a registered source's canonical extract.

A partner writes the profile once (YAML) and reuses it for every export. The model is strict
(``extra="forbid"``) because a misspelt key that is silently ignored would change what is
released without anyone noticing; every problem is reported as one line naming the key.
"""

from __future__ import annotations

import codecs
from datetime import datetime
from pathlib import Path
from typing import Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, PrivateAttr, ValidationError, field_validator, model_validator

from routekit.errors import RoutekitError

COUNTRY_SCHEMES = ("iso3", "iso2", "name_nl", "name_en")
EXCEL_SERIAL = "excel"  # a date written as Excel's day number (45292 = 2024-01-01)
_PROBE = datetime(2024, 11, 23)  # day > 12 so day and month cannot be swapped unnoticed


class ProfileError(RoutekitError):
    """An intake profile is invalid; names the profile file and the key."""

    def __init__(self, path: object, key: str, problem: str):
        self.path, self.key, self.problem = str(path), key, problem
        super().__init__(f"{self.path}: key '{key}': {problem}" if key else f"{self.path}: {problem}")


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", coerce_numbers_to_str=True)


class ReadOptions(_Strict):
    """How to open the export."""

    format: Literal["csv", "xlsx", "parquet"]
    encoding: str = "utf-8-sig"
    delimiter: str = ","
    quotechar: str = '"'
    sheet: str | None = None
    header_row: int = Field(1, ge=1)

    @field_validator("encoding")
    @classmethod
    def _known_codec(cls, value: str) -> str:
        try:
            codecs.lookup(value)
        except LookupError:
            raise ValueError(f"'{value}' is not a Python codec name (e.g. utf-8, utf-8-sig, cp1252, latin-1)") from None
        return value

    @field_validator("delimiter", "quotechar")
    @classmethod
    def _one_character(cls, value: str) -> str:
        if len(value) != 1:
            raise ValueError(f"{value!r} must be one character (a tab is written \"\\t\")")
        return value

    def misplaced(self) -> tuple[str, str] | None:
        """An option given for a format that does not use it, as (key, problem)."""
        given = self.model_fields_set
        if self.format != "csv":
            for name in ("encoding", "delimiter", "quotechar"):
                if name in given:
                    return name, "for format csv only"
        if self.format != "xlsx" and "sheet" in given:
            return "sheet", "for format xlsx only"
        if self.format == "parquet" and "header_row" in given:
            return "header_row", "for formats csv and xlsx only"
        return None


class ValueRule(_Strict):
    """How one field's values become routekit's form; ``map`` may accompany another rule as exceptions."""

    date: list[str] | None = None
    country: list[str] | None = None
    digits: int | None = Field(None, ge=1, le=30)
    map: dict[str, str] | None = None

    @field_validator("date", "country", mode="before")
    @classmethod
    def _one_or_list(cls, value: object) -> object:
        return [value] if isinstance(value, str) else value

    @field_validator("date")
    @classmethod
    def _whole_dates(cls, formats: list[str] | None) -> list[str] | None:
        for fmt in formats or []:
            if fmt == EXCEL_SERIAL:
                continue
            try:
                back = datetime.strptime(_PROBE.strftime(fmt), fmt)
            except ValueError:
                back = None
            if back is None or back.date() != _PROBE.date():
                raise ValueError(f"'{fmt}' does not read a whole date (strptime codes, e.g. \"%d-%m-%Y\"; "
                                 f"or '{EXCEL_SERIAL}' for Excel day numbers)")
        if formats is not None and not formats:
            raise ValueError("give at least one format")
        return formats

    @field_validator("country")
    @classmethod
    def _known_schemes(cls, schemes: list[str] | None) -> list[str] | None:
        for scheme in schemes or []:
            if scheme not in COUNTRY_SCHEMES:
                raise ValueError(f"'{scheme}' is not one of {', '.join(COUNTRY_SCHEMES)}")
        if schemes is not None and not schemes:
            raise ValueError("give at least one scheme")
        return schemes

    @field_validator("map", mode="before")
    @classmethod
    def _text_pairs(cls, pairs: object) -> object:
        if not isinstance(pairs, dict):
            return pairs
        for key, value in pairs.items():
            for item in (key, value):
                if isinstance(item, bool) or item is None:
                    raise ValueError(f"{item!r} is read by YAML as {type(item).__name__}: put it in quotes")
        return {str(key): str(value) for key, value in pairs.items()}

    @model_validator(mode="after")
    def _one_rule(self) -> "ValueRule":
        rules = [name for name in ("date", "country", "digits") if getattr(self, name) is not None]
        if len(rules) > 1:
            raise ValueError(f"give one of date, country, digits (got {', '.join(rules)}); "
                             "'map' may accompany it for exceptions")
        if not rules and self.map is None:
            raise ValueError("give one of date, country, digits or map")
        return self

    def describe(self) -> str:
        """A short human description for ``intake check`` (profile settings only, never data)."""
        parts = []
        if self.date is not None:
            parts.append("date " + " | ".join(self.date))
        if self.country is not None:
            parts.append("country " + " | ".join(self.country))
        if self.digits is not None:
            parts.append(f"digits {self.digits}")
        if self.map is not None:
            parts.append(f"map of {len(self.map)}")
        return ", ".join(parts)


class Profile(_Strict):
    """A whole profile; ``check_fields`` ties it to the source's canonical schema."""

    source: str
    read: ReadOptions
    columns: dict[str, str]
    values: dict[str, ValueRule] = Field(default_factory=dict)
    path: Path | None = Field(None, exclude=True)
    _fields: list[str] = PrivateAttr(default_factory=list)

    def check_fields(self) -> None:
        """Every canonical field mapped exactly once, nothing else; values only for mapped fields."""
        from routekit.sources import get_source

        where = self.path or "profile"
        try:
            source = get_source(self.source)
        except RoutekitError as error:
            raise ProfileError(where, "source", str(error)) from None
        if source.schema is None:
            raise ProfileError(where, "source", f"source '{self.source}' has no extract schema")
        misplaced = self.read.misplaced()
        if misplaced:
            raise ProfileError(where, f"read.{misplaced[0]}", misplaced[1])
        fields = list(source.schema.columns)
        for name in self.columns:
            if name not in fields:
                raise ProfileError(where, f"columns.{name}",
                                   f"not a field of source '{self.source}' (fields: {', '.join(fields)})")
        for name in fields:
            if name not in self.columns:
                raise ProfileError(where, "columns", f"field '{name}' of source '{self.source}' is not mapped")
        headers = list(self.columns.values())
        for name, header in self.columns.items():
            if not header.strip():
                raise ProfileError(where, f"columns.{name}", "empty header")
            if headers.count(header) > 1:
                raise ProfileError(where, f"columns.{name}", f"header '{header}' is mapped to more than one field")
        for name in self.values:
            if name not in self.columns:
                raise ProfileError(where, f"values.{name}", "not a mapped field")
        self._fields = fields

    @property
    def fields(self) -> list[str]:
        """The source's fields in its schema's order (the canonical CSV's column order)."""
        return list(self._fields)


def load_profile(path: Path | str) -> Profile:
    """Read and validate a profile file; any problem is one ``ProfileError`` line naming the key."""
    path = Path(path)
    if not path.is_file():
        raise ProfileError(path, "", "profile file not found")
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = f" at line {mark.line + 1}" if mark is not None else ""
        raise ProfileError(path, "", f"not valid YAML{line}") from None
    except UnicodeDecodeError:
        raise ProfileError(path, "", "not UTF-8 text") from None
    return profile_from_dict(raw, path)


def profile_from_dict(raw: object, path: Path | str | None = None) -> Profile:
    """Validate a parsed profile (``path`` only names it in errors)."""
    where = path or "profile"
    if not isinstance(raw, dict):
        raise ProfileError(where, "", "a profile is a mapping of keys (source, read, columns, values)")
    try:
        profile = Profile.model_validate(raw)
    except ValidationError as error:
        first = error.errors()[0]
        key = ".".join(str(part) for part in first["loc"])
        problem = "unknown key" if first["type"] == "extra_forbidden" else first["msg"].removeprefix("Value error, ")
        raise ProfileError(where, key, problem) from None
    profile.path = Path(path) if path is not None else None
    profile.check_fields()
    return profile
