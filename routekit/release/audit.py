"""The attacker's view: can a suppressed figure be worked out from what a release publishes?

Reads only the published files of a release or link directory (never the steward's tokens),
writes down every additive relation an outsider knows from the output contract (a corridor
total is the sum of its nationality rows, of its mode rows, ...; the month's records are the
sum of its corridor totals and of its entry points; all persons add up to at most ``rows_used``)
and asks a linear program for the smallest and largest value each suppressed cell can take.
A cell whose interval is narrower than one person has been recovered by arithmetic.

This is an independent check on ``routekit.disclosure.tables``, which prevents the problem;
tests run it on every release they make, and a steward can run it on releases received.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

from routekit.contracts import LinkBundle, ReleaseBundle
from routekit.contracts.release import QUALITY

PARTITIONS = {"nationality": "nationality", "mode": "mode", "smuggler": "smuggler",
              "first_country": "first_eu_country"}


@dataclass(frozen=True)
class Exposure:
    """A suppressed cell and the interval an attacker can prove for it."""

    where: str
    low: float
    high: float


class _System:
    """Unknowns (suppressed or unpublished figures) and the linear relations between them."""

    def __init__(self) -> None:
        self.names: list[str] = []
        self.lower: list[float] = []
        self.upper: list[float | None] = []
        self.equalities: list[tuple[dict[int, float], float]] = []
        self.inequalities: list[tuple[dict[int, float], float]] = []  # sum <= bound

    def unknown(self, name: str, lower: float = 0.0, upper: float | None = None) -> int:
        self.names.append(name)
        self.lower.append(lower)
        self.upper.append(upper)
        return len(self.names) - 1

    def term(self, value: object, name: str) -> tuple[dict[int, float], float]:
        """A published number is a constant; a missing one (suppressed) a new unknown >= 1."""
        if value is None or (isinstance(value, float) and np.isnan(value)) or value is pd.NA:
            return {self.unknown(name, lower=1.0): 1.0}, 0.0
        return {}, float(value)

    def equal(self, left: list[tuple[dict[int, float], float]], right: list[tuple[dict[int, float], float]]) -> None:
        coefficients: dict[int, float] = defaultdict(float)
        constant = 0.0
        for sign, side in ((1.0, left), (-1.0, right)):
            for terms, value in side:
                for index, coefficient in terms.items():
                    coefficients[index] += sign * coefficient
                constant += sign * value
        # sum(coefficients * x) + constant = 0
        self.equalities.append((dict(coefficients), -constant))

    def intervals(self, cells: list[int]) -> dict[int, tuple[float, float]]:
        """Min and max of each listed unknown subject to all relations (per connected part)."""
        from scipy.optimize import linprog

        parent = list(range(len(self.names)))

        def find(i: int) -> int:
            while parent[i] != i:
                parent[i] = parent[parent[i]]
                i = parent[i]
            return i

        for terms, _ in self.equalities + self.inequalities:
            keys = list(terms)
            for other in keys[1:]:
                parent[find(other)] = find(keys[0])
        groups: dict[int, list[int]] = defaultdict(list)
        for i in range(len(self.names)):
            groups[find(i)].append(i)
        relations_of: dict[int, list[tuple[bool, dict[int, float], float]]] = defaultdict(list)
        for is_equality, relations in ((True, self.equalities), (False, self.inequalities)):
            for terms, bound in relations:
                if terms:
                    relations_of[find(next(iter(terms)))].append((is_equality, terms, bound))
        wanted: dict[int, list[int]] = defaultdict(list)
        for cell in cells:
            wanted[find(cell)].append(cell)
        result = {}
        for root, targets in wanted.items():
            members = groups[root]
            index = {m: j for j, m in enumerate(members)}
            rows_eq, b_eq, rows_ub, b_ub = [], [], [], []
            for is_equality, terms, bound in relations_of[root]:
                row = np.zeros(len(members))
                for i, coefficient in terms.items():
                    row[index[i]] += coefficient
                (rows_eq if is_equality else rows_ub).append(row)
                (b_eq if is_equality else b_ub).append(bound)
            bounds = [(self.lower[m], self.upper[m]) for m in members]
            for cell in targets:
                objective = np.zeros(len(members))
                objective[index[cell]] = 1.0
                extremes = []
                for sign in (1.0, -1.0):
                    solved = linprog(sign * objective, A_ub=np.array(rows_ub) if rows_ub else None,
                                     b_ub=b_ub or None, A_eq=np.array(rows_eq) if rows_eq else None,
                                     b_eq=b_eq or None, bounds=bounds, method="highs")
                    if solved.status == 3:  # unbounded
                        extremes.append(np.inf)
                    elif solved.status != 0:
                        raise RuntimeError(f"audit: the published figures are inconsistent ({solved.message})")
                    else:
                        extremes.append(sign * solved.fun)
                result[cell] = (extremes[0], extremes[1])
        return result


def _suppressed_cells(system: _System) -> list[int]:
    return [i for i, name in enumerate(system.names) if not name.startswith("hidden:")]


def audit_release(release_dir: Path) -> list[Exposure]:
    """Suppressed cells of a release whose value follows from its published figures, and leg
    complements (persons of a corridor-month without a given leg) below the threshold."""
    system = _System()
    cells, threshold = _release_terms(system, Path(release_dir), "")
    return _exposed(system) + _small_complements(cells, threshold)


def audit_editions(previous_dir: Path, current_dir: Path) -> list[Exposure]:
    """What comparing two editions of one partner's release gives away.

    A later edition adds late records to months the earlier one already published, so a cell
    published in both reveals its revision (current - previous): a revision of 1..K-1 persons
    is a small group recovered by subtraction. The attacker also knows that late records only
    add persons (revision >= 0), which bounds suppressed cells of one edition by published cells
    of the other; both editions' relations are solved together. (If the editions contradict that
    assumption, e.g. corrected records, revisions are left free.)
    """
    for monotone in (True, False):
        system = _System()
        previous, threshold = _release_terms(system, Path(previous_dir), "previous ")
        current, threshold_now = _release_terms(system, Path(current_dir), "current ")
        threshold = max(threshold, threshold_now)
        exposures = []
        for key in sorted(set(previous) & set(current), key=str):
            (a_terms, a), (b_terms, b) = previous[key], current[key]
            if not a_terms and not b_terms:
                if 0 < abs(b - a) < threshold:
                    exposures.append(Exposure(f"revision {' '.join(map(str, key))}", b - a, b - a))
                continue
            revision = system.unknown(f"{REVISION}{' '.join(map(str, key))}", lower=0.0 if monotone else None)
            system.equal([current[key]], [previous[key], ({revision: 1.0}, 0.0)])
        try:
            found = _exposed(system)
        except RuntimeError:
            continue  # not monotone: corrections as well as late records
        for exposure in found:
            if not exposure.where.startswith(REVISION):
                exposures.append(exposure)
            elif 1.0 - 1e-6 <= exposure.low and exposure.high < threshold:
                exposures.append(Exposure(exposure.where.removeprefix(REVISION), exposure.low, exposure.high))
        return exposures + _small_complements(current, threshold) + _small_complements(previous, threshold)
    raise RuntimeError("audit: the published figures are inconsistent")


REVISION = "revision: "
Term = tuple[dict[int, float], float]


def _release_terms(system: _System, release_dir: Path, prefix: str) -> tuple[dict[tuple, Term], int]:
    """Write a release's published figures and the relations between them into ``system``.

    Returns every cell's term by a key that is the same in another edition (table, month and
    categories, or quality field), and the release's threshold.
    """
    bundle = ReleaseBundle(release_dir)
    manifest = bundle.data
    cells: dict[tuple, Term] = {}

    def cell(key: tuple, value: object) -> Term:
        cells[key] = system.term(_value(value), prefix + " ".join(map(str, key)))
        return cells[key]

    read = {name: bundle.table(name).astype({"count": "Float64"}) for name in bundle.table_names()
            if name != QUALITY}
    if bundle.has_table(QUALITY):
        read[QUALITY] = bundle.table(QUALITY)
    threshold = int(manifest.get("threshold", 0))
    totals = read.get("totals")
    if totals is None:
        for name, frame in read.items():
            dims = [c for c in frame.columns if c not in ("count", "status")]
            for row in frame.itertuples(index=False):
                cell((name, *(getattr(row, d) for d in dims)), row.count)
        return cells, threshold
    corridor_terms = {}
    for row in totals.itertuples(index=False):
        corridor_terms[(row.month, row.corridor)] = cell(("totals", row.month, row.corridor), row.count)
    for name, column in PARTITIONS.items():
        if name not in read:
            continue
        for (month, corridor), group in read[name].groupby(["month", "corridor"]):
            parts = [cell((name, month, corridor, v), c) for v, c in zip(group[column], group["count"])]
            system.equal([corridor_terms[(month, corridor)]], parts)
    if "legs" in read:  # multiple response: no sum, but a cell of its own in every edition
        for row in read["legs"].itertuples(index=False):
            cell(("legs", row.month, row.corridor, row.from_country, row.to_country), row.count)
    quality = read.get(QUALITY)
    months = sorted(totals["month"].unique())
    month_terms = []
    for month in months:
        if quality is not None and month in set(quality["month"]):
            row = quality[quality["month"] == month].iloc[0]
            month_term = cell((QUALITY, month, "records"), row["records"])
            parts = [cell((QUALITY, month, c), row[c]) for c in ("route_found", "route_not_asked", "unusable")]
            system.equal([month_term], parts)
            with_text = cell((QUALITY, month, "with_text"), row["with_text"])
            without = system.unknown(f"hidden: {prefix}without text {month}")
            system.equal([month_term], [with_text, ({without: 1.0}, 0.0)])
        else:
            month_term = ({system.unknown(f"hidden: {prefix}records {month}"): 1.0}, 0.0)
        month_terms.append(month_term)
        corridors = [corridor_terms[key] for key in corridor_terms if key[0] == month]
        system.equal([month_term], corridors)
        if "entry_point" in read:
            group = read["entry_point"][read["entry_point"]["month"] == month]
            if len(group):
                parts = [cell(("entry_point", month, v), c) for v, c in zip(group["entry_point"], group["count"])]
                system.equal([month_term], parts)
    persons = system.unknown(f"hidden: {prefix}persons")
    system.equal([({persons: 1.0}, 0.0)], month_terms)
    system.inequalities.append(({persons: 1.0}, float(manifest["rows_used"])))
    return cells, threshold


def _small_complements(cells: dict[tuple, Term], threshold: int) -> list[Exposure]:
    """Legs are multiple-response, so a published leg and its published corridor total give the
    persons of that corridor-month *without* the leg: that difference must be 0 or >= K too."""
    exposures = []
    for key, (terms, value) in cells.items():
        if key[0] != "legs" or terms:
            continue
        total_terms, total = cells.get(("totals", key[1], key[2]), ({0: 1.0}, 0.0))
        if not total_terms and 0 < total - value < threshold:
            exposures.append(Exposure(f"legs complement {' '.join(map(str, key[1:]))}", total - value, total - value))
    return exposures


def audit_link(link_dir: Path) -> list[Exposure]:
    """Suppressed contingency cells whose value follows from the link's published figures."""
    bundle = LinkBundle(Path(link_dir))
    table = pd.read_csv(bundle.contingency_file, keep_default_na=False, na_values=[""], dtype={"count": "Float64"})
    system = _System()
    flags = [c for c in table.columns if c.startswith("in_")]
    parts = [system.term(_value(row["count"]), f"contingency {row['month']} {row['corridor']} "
                         + "".join(str(int(row[f])) for f in flags)) for _, row in table.iterrows()]
    system.equal([({}, float(bundle.manifest.persons))], parts)
    return _exposed(system)


def _value(count: object) -> float | None:
    return None if pd.isna(count) else float(count)


def _exposed(system: _System) -> list[Exposure]:
    cells = _suppressed_cells(system)
    intervals = system.intervals(cells) if cells else {}
    return [Exposure(system.names[c], low, high) for c, (low, high) in intervals.items() if high - low < 1.0 - 1e-6]
