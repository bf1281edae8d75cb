"""Named errors, so a user sees one line that says what is wrong and where."""

from __future__ import annotations


class RoutekitError(Exception):
    """Base class: anything routekit raises on purpose, shown to the user as one line."""


class ParamError(RoutekitError):
    """A parameter set is invalid; names the key and the offending value."""

    def __init__(self, key: str, value: object, problem: str):
        self.key, self.value, self.problem = key, value, problem
        super().__init__(f"parameter '{key}' = {value!r}: {problem}")


class InputError(RoutekitError):
    """An input file is unusable; names the file and, where known, the row and field."""

    def __init__(self, path: object, problem: str, row: int | None = None, field: str | None = None):
        self.path, self.problem, self.row, self.field = str(path), problem, row, field
        where = self.path
        if row is not None:
            where += f", row {row}"
        if field is not None:
            where += f", field '{field}'"
        super().__init__(f"{where}: {problem}")


class RefusedSourceError(RoutekitError):
    """A source type routekit will not process, with the reason (legal basis, function creep)."""


class DisclosureError(RoutekitError):
    """A disclosure-control setting or result would put persons at risk."""


class BuildError(RoutekitError):
    """A report build failed; names the notebook and cell. The previous good site is kept."""
