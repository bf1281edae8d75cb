"""What the learned stages of the extractor share (issue 15): ``verifier.py``, ``order_model.py``, ``origin_model.py``.

Each stage reviews the rules' route in ``extract_route`` with coefficients stored as yaml beside the gazetteer, and
each offers its fit two switches: use a given model instead of the stored one (the held-out evaluation, tests), and
record what the stage would read instead of acting (the fit's training rows). Written once here so that the three
stages read, refuse and write their files alike; what differs (features, decisions) stays in each stage.

Hot path: a stage's ``review`` reads its ``StageHooks``' two attributes once per record, never per candidate.
"""

from __future__ import annotations

from contextlib import contextmanager
from pathlib import Path
from typing import Any, Iterator

import yaml

from routekit.errors import RoutekitError


class StageHooks:
    """A stage's two switches for its fit and tests, instead of module globals: ``model`` (None: the stored one) and
    ``recorder`` (None: act; a list: record and leave the route alone)."""

    __slots__ = ("model", "recorder")

    def __init__(self) -> None:
        self.model = None
        self.recorder: list | None = None

    @contextmanager
    def using(self, model) -> Iterator[None]:
        """Let the extractor use ``model`` instead of the stored one (the fit's held-out evaluation, tests)."""
        previous, self.model = self.model, model
        try:
            yield
        finally:
            self.model = previous

    @contextmanager
    def recording(self) -> Iterator[list]:
        """Collect, per record the extractor reads, what the stage would decide on (country codes and numbers, no
        text) and leave the route as it came: what the fit reads."""
        previous, self.recorder = self.recorder, []
        try:
            yield self.recorder
        finally:
            self.recorder = previous


def read_stage_file(path, error: type[RoutekitError]) -> dict[str, Any]:
    """A stage's yaml as a mapping; ``error`` (the stage's ``RoutekitError``) names the file when it is missing,
    not yaml or not a mapping."""
    try:
        text = Path(str(path)).read_text(encoding="utf-8")
    except OSError as problem:
        raise error(f"{path}: cannot be read ({problem.strerror})") from None
    try:
        data = yaml.safe_load(text) or {}
    except yaml.YAMLError as problem:
        mark = getattr(problem, "problem_mark", None)
        where = f" (line {mark.line + 1})" if mark is not None else ""
        raise error(f"{path}: not yaml{where}") from None
    if not isinstance(data, dict):
        raise error(f"{path}: not a mapping")
    return data


def number(part: dict, key: str, default: float, path, error: type[RoutekitError], field: str | None = None) -> float:
    """``part[key]`` as a float (``default`` when absent); else an error naming file and field."""
    try:
        return float(part.get(key, default))
    except (TypeError, ValueError):
        raise error(f"{path}: {field or key}: not a number") from None


def whole_number(part: dict, key: str, default: int, path, error: type[RoutekitError]) -> int:
    """``part[key]`` as an int (``default`` when absent); else an error naming file and field."""
    try:
        return int(part.get(key, default))
    except (TypeError, ValueError):
        raise error(f"{path}: {key}: not a whole number") from None


def weights_by_name(weights, names: tuple[str, ...], path, field: str, error: type[RoutekitError]
                    ) -> tuple[float, ...]:
    """Weights stored by feature name as a vector in ``names`` order (a missing one weighs 0). A name the stage lacks
    is refused: it would silently weigh nothing."""
    if not isinstance(weights, dict):
        raise error(f"{path}: {field}: not a mapping of feature to weight")
    unknown = sorted(set(weights) - set(names), key=str)
    if unknown:
        raise error(f"{path}: {field}: unknown feature {', '.join(map(str, unknown))}")
    try:
        return tuple(float(weights.get(name, 0.0)) for name in names)
    except (TypeError, ValueError):
        raise error(f"{path}: {field}: a weight is not a number") from None


def coefficients(data: dict, key: str, names: tuple[str, ...], path, error: type[RoutekitError], writer: str
                 ) -> tuple[float, tuple[float, ...]]:
    """One logistic regression of a stage's file, ``key: {intercept, weights}``, as (intercept, weights)."""
    part = data.get(key)
    if not isinstance(part, dict) or "intercept" not in part:
        raise error(f"{path}: {key}: no 'intercept' (a file written by {writer})")
    weights = weights_by_name(part.get("weights") or {}, names, path, f"{key}.weights", error)
    return number(part, "intercept", 0.0, path, error, f"{key}.intercept"), weights


def named_weights(weights, names: tuple[str, ...]) -> dict[str, float]:
    """Weights by feature name, rounded as every stage stores them."""
    return {name: round(float(w), 6) for name, w in zip(names, weights)}


def coefficients_entry(coefficients: tuple[float, tuple[float, ...]], names: tuple[str, ...]) -> dict:
    """(intercept, weights) as ``coefficients`` reads it back."""
    intercept, weights = coefficients
    return {"intercept": round(float(intercept), 6), "weights": named_weights(weights, names)}


def write_stage_file(path, header: str, data: dict) -> None:
    """Store a stage's file: its header (what the numbers mean, which script wrote them), then the yaml in the
    order given."""
    Path(path).write_text(header + yaml.safe_dump(data, sort_keys=False, allow_unicode=True), encoding="utf-8")
