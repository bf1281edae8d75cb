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

import json
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

PARTITIONS = {"nationality.csv": "nationality", "mode.csv": "mode", "smuggler.csv": "smuggler",
              "first_country.csv": "first_eu_country"}


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
    """Suppressed cells of a release whose value follows from its published figures."""
    release_dir = Path(release_dir)
    manifest = json.loads((release_dir / "manifest.json").read_text(encoding="utf-8"))
    tables = release_dir / "tables"
    system = _System()
    read = {path.name: pd.read_csv(path, keep_default_na=False, na_values=[""], dtype={"count": "Float64"})
            for path in tables.glob("*.csv")}
    totals = read.get("totals.csv")
    if totals is None:
        return _audit_flat(read, system)
    corridor_terms = {}
    for row in totals.itertuples(index=False):
        corridor_terms[(row.month, row.corridor)] = system.term(_value(row.count), f"totals {row.month} {row.corridor}")
    for file, column in PARTITIONS.items():
        if file not in read:
            continue
        for (month, corridor), group in read[file].groupby(["month", "corridor"]):
            parts = [system.term(_value(c), f"{file} {month} {corridor} {v}") for v, c in zip(group[column], group["count"])]
            system.equal([corridor_terms[(month, corridor)]], parts)
    quality = read.get("quality.csv")
    months = sorted(totals["month"].unique())
    month_terms = []
    for month in months:
        if quality is not None and month in set(quality["month"]):
            row = quality[quality["month"] == month].iloc[0]
            month_term = system.term(_value(row["records"]), f"quality {month} records")
            parts = [system.term(_value(row[c]), f"quality {month} {c}") for c in ("route_found", "route_not_asked", "unusable")]
            system.equal([month_term], parts)
            with_text = system.term(_value(row["with_text"]), f"quality {month} with_text")
            without = system.unknown(f"hidden: without text {month}")
            system.equal([month_term], [with_text, ({without: 1.0}, 0.0)])
        else:
            month_term = ({system.unknown(f"hidden: records {month}"): 1.0}, 0.0)
        month_terms.append(month_term)
        corridors = [corridor_terms[key] for key in corridor_terms if key[0] == month]
        system.equal([month_term], corridors)
        if "entry_point.csv" in read:
            group = read["entry_point.csv"][read["entry_point.csv"]["month"] == month]
            if len(group):
                parts = [system.term(_value(c), f"entry_point {month} {v}") for v, c in zip(group["entry_point"], group["count"])]
                system.equal([month_term], parts)
    persons = system.unknown("hidden: persons")
    system.equal([({persons: 1.0}, 0.0)], month_terms)
    system.inequalities.append(({persons: 1.0}, float(manifest["rows_used"])))
    return _exposed(system)


def _audit_flat(read: dict[str, pd.DataFrame], system: _System) -> list[Exposure]:
    """Tables without relations between cells (mobility flows): nothing to combine."""
    for name, frame in read.items():
        for row in frame.itertuples(index=False):
            system.term(_value(row.count), f"{name} {row}")
    return _exposed(system)


def audit_link(link_dir: Path) -> list[Exposure]:
    """Suppressed contingency cells whose value follows from the link's published figures."""
    link_dir = Path(link_dir)
    manifest = json.loads((link_dir / "manifest.json").read_text(encoding="utf-8"))
    table = pd.read_csv(link_dir / "contingency.csv", keep_default_na=False, na_values=[""], dtype={"count": "Float64"})
    system = _System()
    flags = [c for c in table.columns if c.startswith("in_")]
    parts = [system.term(_value(row["count"]), f"contingency {row['month']} {row['corridor']} "
                         + "".join(str(int(row[f])) for f in flags)) for _, row in table.iterrows()]
    system.equal([({}, float(manifest["persons"]))], parts)
    return _exposed(system)


def _value(count: object) -> float | None:
    return None if pd.isna(count) else float(count)


def _exposed(system: _System) -> list[Exposure]:
    cells = _suppressed_cells(system)
    intervals = system.intervals(cells) if cells else {}
    return [Exposure(system.names[c], low, high) for c, (low, high) in intervals.items() if high - low < 1.0 - 1e-6]
