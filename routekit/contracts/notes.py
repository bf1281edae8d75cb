"""Estimate notes as codes with values: the estimate stage says what happened, the report words it.

A note is ``{"code": "dependence_range", "a": "kmar", "b": "police", "ratio": 1.0, "low": 0.333,
"high": 3.0}``. The estimate stage writes a row's notes as a JSON list in the ``note_codes`` column
of ``estimates.csv``; the report renders each one from its ``note.<code>`` key in
``report/assets/i18n.yaml``, so it never reads English back. The estimate stage keeps its plain
English ``note`` beside it for whoever reads the CSV or ``MSEResult.reason`` (the steward, the
MSE tests and benchmarks); that English is made here from the same values, once.

``CODES`` lists every code the estimate stage may write, with the values it carries and its
English; a test checks that each has Dutch and English words in the report.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Mapping

import numpy as np
from pydantic import BaseModel, ConfigDict, TypeAdapter, ValidationError

from routekit.errors import InputError

NOTE_COLUMN = "note_codes"


def _names(values: Iterable[str], joiner: str = ", ") -> str:
    return joiner.join(values)


def _suppressed(v: Mapping) -> str:
    how = "interval-censored" if not v["weight"] else f"interval-censored, or larger with weight {v['weight']:.2f}"
    return f"{v['n']} suppressed cell(s) treated as {how}"


def _overlap(v: Mapping) -> str:
    outside = f" outside {_names(v['outside'])}" if v["outside"] else ""
    return (f"too few persons seen by two or more sources{outside} ({v['n']:.0f} < {v['k']}): without overlap the "
            "unseen part cannot be estimated")


#: code -> (the values it carries, its English). The English is the estimate stage's own wording.
CODES: dict[str, tuple[tuple[str, ...], Callable[[Mapping], str]]] = {
    # the table (mse._prepare)
    "rows_unmarked": ((), lambda v: "rows with no source marked were ignored"),
    "sources_left_out": (("sources",),
                         lambda v: f"source(s) with nobody in this cell left out: {_names(v['sources'])}"),
    "dropped_sources_only": ((), lambda v: "persons seen only by dropped sources were ignored"),
    "fewer_than_two_sources": (("sources",), lambda v: "fewer than two sources saw anyone here "
                                                       f"({_names(v['sources']) or 'none'})"),
    "one_list_besides_registration": (
        ("lists", "complete"),
        lambda v: f"only {len(v['lists'])} list ({_names(v['lists']) or 'none'}) besides the complete registration "
                  f"({_names(v['complete'])}): whom it missed outside the registration cannot be estimated"),
    # assumptions the data cannot check (mse._assumptions)
    "complete_registration": (
        ("complete", "lists"),
        lambda v: f"{_names(v['complete'], ' and ')} taken as complete registration (everyone of its group is in "
                  f"it, so nobody there is unseen): the unseen are estimated from {_names(v['lists'], ' and ')} "
                  "among the persons outside it"),
    "assumed_independent": (("a", "b"), lambda v: f"{v['a']}-{v['b']} assumed independent (two lists cannot show "
                                                  "their dependence)"),
    "dependence_range": (
        ("a", "b", "ratio", "low", "high"),
        lambda v: f"{v['a']}-{v['b']} dependence cannot be estimated from two lists: odds ratio taken as "
                  f"{v['ratio']:.3g}, 95% range {v['low']:.3g}-{v['high']:.3g} carried in the interval"),
    "shared_rate": (
        ("sources", "factor"),
        lambda v: f"{_names(v['sources'], ' and ')} taken to see persons at a similar rate in every group (odds "
                  f"within a factor {v['factor']:.3g} either way, 95%): a group with little overlap of its own "
                  "borrows the others'"),
    # refusals and the fit (mse._estimate)
    "too_little_overlap": (("outside", "n", "k"), _overlap),
    "no_model_fitted": ((), lambda v: "no log-linear model could be fitted (margins empty or fit diverged)"),
    "no_upper_bound": (("max_ratio",), lambda v: f"no upper bound: the estimate runs past {v['max_ratio']:g} times the "
                                             "persons seen (too few persons in the overlaps of this stratum's group)"),
    "bootstrap_unbounded": (
        ("share",),
        lambda v: f"estimate unstable: in {v['share']:.0%} of bootstrap replicates no model could bound this "
                  "stratum's unseen (too few persons in the overlaps), so the data give no upper bound"),
    "suppressed_cells": (("n", "weight"), _suppressed),
    "withheld_cells": (("n",), lambda v: f"{v['n']} withheld cell(s) of unknown size imputed from the model"),
    # months and periods (population)
    "release_missing": (("sources",), lambda v: f"no release of {_names(v['sources'])} covers this month"),
    "link_not_modelled": (("error",), lambda v: f"the link table cannot be modelled ({v['error']})"),
    "not_estimable_in": (("months",), lambda v: f"not estimable in {_names(v['months'])}"),
    "zero_months": (("months",), lambda v: f"no persons seen in {_names(v['months'])} (counted as zero)"),
    "no_draws": ((), lambda v: "no bootstrap draws: no interval"),
    "not_estimable_all": ((), lambda v: "not every corridor can be estimated and the total needs them all"),
    # grades (grades.estimate_grade)
    "no_estimate": ((), lambda v: "no estimate"),
    "one_kind": (("kinds",), lambda v: f"all sources in the estimate are of one kind ({_names(v['kinds'])})"),
    "no_interval": ((), lambda v: "no interval"),
    "wide_interval": (("share",), lambda v: f"wide interval ({v['share']:,.0%} of the estimate)"),
    "kinds_overlap": (("kinds",), lambda v: f"{len(v['kinds'])} independent kinds of source overlap "
                                            f"({_names(v['kinds'])})"),
    # publication (estimate.pipeline._publishable)
    "small_seen_hidden": (("threshold",), lambda v: f"fewer than {v['threshold']} persons seen: not shown"),
}


def _plain(value):
    """A value as JSON holds it: numpy numbers as Python numbers, tuples and arrays as lists."""
    if isinstance(value, np.integer):
        return int(value)
    if isinstance(value, np.floating):
        return float(value)
    if isinstance(value, (tuple, list, np.ndarray)):
        return [_plain(v) for v in value]
    return value


class Note(BaseModel):
    """One note: a ``code`` from ``CODES`` and the values it carries (as extra fields)."""

    model_config = ConfigDict(extra="allow", frozen=True)

    code: str

    @classmethod
    def of(cls, code: str, **values) -> Note:
        """A note the estimate stage writes; refuses a code or a value ``CODES`` does not know."""
        if code not in CODES:
            raise ValueError(f"unknown note code '{code}' (add it to routekit.contracts.notes.CODES)")
        names, _ = CODES[code]
        if set(values) != set(names):
            raise ValueError(f"note '{code}' carries {sorted(names)}, got {sorted(values)}")
        return cls(code=code, **{k: _plain(v) for k, v in values.items()})

    @property
    def values(self) -> dict:
        return dict(self.model_extra or {})

    @property
    def english(self) -> str:
        """The estimate stage's English for this note (its CSV ``note`` and ``MSEResult.reason``)."""
        return CODES[self.code][1](self.values)

    @property
    def key(self) -> str:
        return json.dumps(self.model_dump(), sort_keys=True)


_NOTE_LIST = TypeAdapter(list[Note])


def unique(notes: Iterable[Note]) -> list[Note]:
    """The notes in order, each once."""
    return list({note.key: note for note in notes}.values())


def english(notes: Iterable[Note]) -> str:
    """The notes as the estimate stage's ``; ``-separated English."""
    return "; ".join(note.english for note in notes)


def dumps(notes: Iterable[Note]) -> str:
    """The ``note_codes`` cell: a JSON list of ``{"code": ..., values...}`` objects."""
    return json.dumps([note.model_dump() for note in notes], ensure_ascii=False)


def loads(cell: object, where: str = "estimates", row: int | None = None) -> list[Note]:
    """A ``note_codes`` cell back as notes ([] for an empty cell); a malformed cell is one InputError."""
    if cell is None or (isinstance(cell, float) and np.isnan(cell)) or cell == "":
        return []
    try:
        notes = _NOTE_LIST.validate_json(str(cell))
    except ValidationError as error:
        problem = error.errors()[0]
        raise InputError(where, f"not a list of notes ({problem['msg']})", row=row, field=NOTE_COLUMN) from None
    unknown = sorted({note.code for note in notes} - set(CODES))
    if unknown:
        raise InputError(where, f"unknown note code(s) {', '.join(unknown)}", row=row, field=NOTE_COLUMN)
    return notes
