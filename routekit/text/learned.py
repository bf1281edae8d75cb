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

from routekit.disclosure.rule import DEFAULT_K, Threshold
from routekit.errors import RoutekitError
from routekit.text.context_words import has_digit


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


def read_word_weights(part, path, field: str, prefixes: tuple[str, ...], error: type[RoutekitError],
                      fitted=None) -> dict[str, float]:
    """A stage's stored word-feature weights, ``part[words]`` (``field`` names it in errors, e.g. "keep.words"): a
    feature is a known prefix and a word. Refused, naming file and field: a word with a digit (a flight, postcode or
    file number points to a person), an unknown prefix, or words without a ``fitted.word_floor`` of at least K
    records (``disclosure.rule``) and 2 groups - a hand-edited or old file cannot slip a rare word in."""
    words = (part or {}).get("words") if isinstance(part, dict) else None
    if not words:
        return {}
    if not isinstance(words, dict):
        raise error(f"{path}: {field}: not a mapping of word feature to weight")
    _check_word_floor(fitted, path, field, error)
    found = {}
    for feature, weight in words.items():
        if not isinstance(feature, str) or not feature.startswith(prefixes) or len(feature) <= len(
                next(p for p in prefixes if feature.startswith(p))):
            raise error(f"{path}: {field}: {feature!r} is not a word feature ({', '.join(prefixes)} and a word)")
        if has_digit(feature):
            raise error(f"{path}: {field}: {feature!r} holds a digit (numbers are stored as <num>, never learnt)")
        try:
            found[feature] = float(weight)
        except (TypeError, ValueError):
            raise error(f"{path}: {field}: {feature}: not a number") from None
    return found


def _check_word_floor(fitted, path, field: str, error: type[RoutekitError]) -> None:
    """Words are read only from a fit that stored its floor (``fitted.word_floor``): K records, 2 groups or more."""
    floor = fitted.get("word_floor") if isinstance(fitted, dict) else None
    if not isinstance(floor, dict):
        raise error(f"{path}: {field}: stored words but no fitted.word_floor (records, groups): refit with the fit "
                    f"script")
    try:
        records, groups = int(floor.get("records", 0)), int(floor.get("groups", 0))
    except (TypeError, ValueError):
        raise error(f"{path}: fitted.word_floor: not whole numbers (records, groups)") from None
    k = Threshold(DEFAULT_K).k
    if records < k or groups < 2:
        raise error(f"{path}: {field}: fitted.word_floor records {records}, groups {groups} is below the floor "
                    f"({k} records, 2 groups): a rarer word could point to a person")


def words_entry(weights: dict[str, float] | None) -> dict[str, float]:
    """Word-feature weights as every stage stores them: rounded, zeros left out, strongest first (by absolute
    weight, then by name) - what an analyst reads first."""
    rounded = ((feature, round(float(w), 6)) for feature, w in (weights or {}).items())
    return dict(sorted(((f, w) for f, w in rounded if w), key=lambda item: (-abs(item[1]), item[0])))
