"""Suppression over a set of linked count tables (partner releases, the steward's link tables).

A release is a set of tables whose cells are tied together by additive equations (a corridor
total is the sum of its nationality cells, the month total the sum of its corridor totals, ...).
Protecting a small cell in one table is not enough: an attacker can subtract published figures
of any table in the same release. This module therefore works on *all* cells of a release at
once:

1. ``primary``: a cell with a count in 1..K-1 is suppressed.
2. ``secondary``: for every equation ``total = part_1 + ... + part_n`` the suppressed members
   must not be recoverable: if the total is published, at least two parts are suppressed and
   together hold at least K persons (so subtraction reveals only a sum that is itself safe); if
   the total is suppressed, at least one part is too. The cheapest published cell (smallest
   count) is suppressed to repair a violated equation; this is repeated until nothing changes.
3. ``audit``: linear algebra over the remaining unknowns checks that no suppressed cell is
   determined by the whole system of equations (chains across tables); any such cell triggers
   one more suppression and a new round.

Cells may be *hidden*: figures that are never written but can be derived (for example "records
without text" = records - records with text). A hidden cell with a small count is protected like
a published one.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from routekit.disclosure.rule import Threshold
from routekit.errors import DisclosureError

PUBLISHED = "published"
SUPPRESSED = "suppressed"


@dataclass
class CountTable:
    """One table of counts: dimension columns plus ``count``; one row per cell.

    ``hidden`` marks cells that are never written but can be derived from written ones.
    ``generalised`` describes the recodings applied, for the manifest.
    """

    name: str
    frame: pd.DataFrame
    dims: list[str]
    generalised: list[str] = field(default_factory=list)
    cells_generalised: int = 0

    def __post_init__(self) -> None:
        frame = self.frame.reset_index(drop=True).copy()
        if "hidden" not in frame.columns:
            frame["hidden"] = False
        frame["count"] = frame["count"].astype("int64")
        self.frame = frame


@dataclass(frozen=True)
class Margin:
    """``total`` rows equal the sum of ``parts`` rows grouped by the columns ``on``."""

    total: str
    parts: str
    on: tuple[str, ...]


class TableSet:
    """All tables of one release with their equations; runs suppression over all of them."""

    def __init__(self, tables: list[CountTable], margins: list[Margin], threshold: Threshold | int):
        self.rule = Threshold.of(threshold)
        self.threshold = self.rule.k
        self.tables = {table.name: table for table in tables}
        self.margins = margins
        offsets, start = {}, 0
        for table in tables:
            offsets[table.name] = start
            table.frame["cell"] = np.arange(start, start + len(table.frame), dtype=np.int64)
            start += len(table.frame)
        self.size = start
        self.counts = np.concatenate([t.frame["count"].to_numpy() for t in tables]) if tables else np.zeros(0, np.int64)
        self.hidden = np.concatenate([t.frame["hidden"].to_numpy(bool) for t in tables]) if tables else np.zeros(0, bool)
        self.equations = self._equations()
        self._by_cell: dict[int, list[int]] = defaultdict(list)
        for index, (total, parts) in enumerate(self.equations):
            self._by_cell[total].append(index)
            for part in parts:
                self._by_cell[int(part)].append(index)
        self.primary = self.rule.small(self.counts)
        self.suppressed = self.primary.copy()

    # -- equations ----------------------------------------------------------------------------
    def _equations(self) -> list[tuple[int, np.ndarray]]:
        """(total cell, part cells) for every margin; checks that the parts add up."""
        equations = []
        for margin in self.margins:
            total = self.tables[margin.total].frame
            parts = self.tables[margin.parts].frame
            on = list(margin.on)
            if on:
                positions = parts.groupby(on, sort=False, dropna=False).indices
                sums = parts.groupby(on, sort=False, dropna=False)["count"].sum()
                keyed = total.set_index(on)
                joined = sums.rename("parts").to_frame().join(keyed[["count", "cell"]], how="left")
                if joined["cell"].isna().any():
                    raise DisclosureError(f"internal: {margin.parts} has groups without a {margin.total} row")
                if (joined["parts"] != joined["count"]).any():
                    key = joined.index[(joined["parts"] != joined["count"]).to_numpy()][0]
                    raise DisclosureError(
                        f"internal: {margin.parts} does not add up to {margin.total} for {key}")
                part_cells = parts["cell"].to_numpy()
                for key, total_cell in zip(joined.index, joined["cell"].astype("int64")):
                    equations.append((int(total_cell), part_cells[positions[key]]))
            else:
                if len(total) != 1:
                    raise DisclosureError(f"internal: {margin.total} must have one row")
                if int(total["count"].iloc[0]) != int(parts["count"].sum()):
                    raise DisclosureError(f"internal: {margin.parts} does not add up to {margin.total}")
                equations.append((int(total["cell"].iloc[0]), parts["cell"].to_numpy()))
        return equations

    # -- secondary suppression ----------------------------------------------------------------
    def _repair(self, total: int, parts: np.ndarray) -> int | None:
        """The cell to suppress next so that this equation reveals nothing; None if it is safe."""
        suppressed_parts = parts[self.suppressed[parts]]
        open_parts = parts[~self.suppressed[parts] & (self.counts[parts] > 0)]
        if self.suppressed[total]:
            if len(suppressed_parts) == 0 and len(open_parts):
                return int(open_parts[np.argmin(self.counts[open_parts])])
            return None
        if len(suppressed_parts) == 0:
            return None
        if len(suppressed_parts) >= 2 and self.counts[suppressed_parts].sum() >= self.threshold:
            return None
        if len(open_parts):
            # the smallest published part: costs least information; ties by cell order (stable)
            return int(open_parts[np.argmin(self.counts[open_parts])])
        return total

    def _secondary_pass(self) -> None:
        by_cell = self._by_cell
        pending = list(range(len(self.equations)))
        queued = set(pending)
        while pending:
            index = pending.pop()
            queued.discard(index)
            total, parts = self.equations[index]
            cell = self._repair(total, parts)
            if cell is None:
                continue
            self.suppressed[cell] = True
            for other in by_cell[cell]:
                if other not in queued:
                    queued.add(other)
                    pending.append(other)
            if index not in queued:
                queued.add(index)
                pending.append(index)

    def protect(self, max_rounds: int = 50) -> None:
        """Secondary suppression until every equation and the full-system audit are satisfied."""
        for _ in range(max_rounds):
            self._secondary_pass()
            exposed = determined_cells(self.counts, self.suppressed, self.equations)
            if not exposed:
                return
            for cell in exposed:
                self._suppress_neighbour(cell)
        raise DisclosureError("secondary suppression did not converge; raise the threshold")

    def _suppress_neighbour(self, cell: int) -> None:
        """Suppress the smallest published cell sharing an equation with an exposed cell."""
        best = None
        for index in self._by_cell[cell]:
            total, parts = self.equations[index]
            members = np.concatenate([[total], parts])
            open_members = members[~self.suppressed[members] & (self.counts[members] > 0)]
            if len(open_members):
                candidate = int(open_members[np.argmin(self.counts[open_members])])
                if best is None or self.counts[candidate] < self.counts[best]:
                    best = candidate
        if best is None:
            raise DisclosureError("internal: an exposed cell has no published neighbour")
        self.suppressed[best] = True

    # -- results ------------------------------------------------------------------------------
    def result(self, name: str) -> pd.DataFrame:
        """The table's written cells with ``count`` (empty when suppressed) and ``status``."""
        table = self.tables[name]
        frame = table.frame
        cells = frame["cell"].to_numpy()
        out = frame[~frame["hidden"]][table.dims].copy()
        visible = cells[~frame["hidden"].to_numpy(bool)]
        suppressed = self.suppressed[visible]
        out["count"] = pd.array(np.where(suppressed, 0, self.counts[visible]), dtype="Int64")
        out.loc[suppressed, "count"] = pd.NA
        out["status"] = np.where(suppressed, SUPPRESSED, PUBLISHED)
        return out.reset_index(drop=True)

    def summary(self, name: str) -> dict:
        """Manifest entry: rows, cells generalised, suppressed (primary, secondary), recodings."""
        table = self.tables[name]
        frame = table.frame
        visible = frame["cell"].to_numpy()[~frame["hidden"].to_numpy(bool)]
        primary = self.primary[visible]
        return {
            "rows": int(len(visible)),
            "cells_generalised": int(table.cells_generalised),
            "cells_suppressed_primary": int(primary.sum()),
            "cells_suppressed_secondary": int((self.suppressed[visible] & ~primary).sum()),
            "generalised": list(table.generalised),
        }


def determined_cells(counts: np.ndarray, suppressed: np.ndarray,
                     equations: list[tuple[int, np.ndarray]]) -> list[int]:
    """Suppressed cells whose value follows exactly from the published cells and equations.

    The unknowns are the suppressed cells; each equation gives one linear relation between them.
    A cell is determined when its unit vector lies in the row space of that system, i.e. when
    every vector of the null space is zero at that cell. Solved per connected component.
    """
    rows = []
    for total, parts in equations:
        members = [(int(total), 1.0)] + [(int(p), -1.0) for p in parts]
        unknown = [(cell, sign) for cell, sign in members if suppressed[cell]]
        if unknown:
            rows.append(unknown)
    if not rows:
        return []
    parent: dict[int, int] = {}

    def find(cell: int) -> int:
        parent.setdefault(cell, cell)
        while parent[cell] != cell:
            parent[cell] = parent[parent[cell]]
            cell = parent[cell]
        return cell

    for row in rows:
        first = find(row[0][0])
        for cell, _ in row[1:]:
            parent[find(cell)] = first
    components: dict[int, list[list[tuple[int, float]]]] = defaultdict(list)
    for row in rows:
        components[find(row[0][0])].append(row)
    exposed = []
    from scipy.linalg import null_space

    for component_rows in components.values():
        cells = sorted({cell for row in component_rows for cell, _ in row})
        index = {cell: i for i, cell in enumerate(cells)}
        matrix = np.zeros((len(component_rows), len(cells)))
        for r, row in enumerate(component_rows):
            for cell, sign in row:
                matrix[r, index[cell]] += sign
        basis = null_space(matrix)
        if basis.shape[1] == 0:
            exposed.extend(cells)
            continue
        norms = np.linalg.norm(basis, axis=1)
        exposed.extend(cell for cell, norm in zip(cells, norms) if norm < 1e-9)
    return sorted(exposed)


def assert_k_anonymous(frame: pd.DataFrame, quasi_identifiers: list[str], threshold: Threshold | int,
                       what: str) -> None:
    """Every published combination of quasi-identifiers stands for 0 or at least K persons.

    For aggregate tables this is k-anonymity: each published row is a group of at least K
    indistinguishable persons. Rows are first combined on the quasi-identifiers, so a table that
    lists the same combination twice is judged on the sum.
    """
    rule = Threshold.of(threshold)
    published = frame[frame["status"] == PUBLISHED]
    if published.empty:
        return
    sizes = published.groupby(quasi_identifiers, dropna=False)["count"].sum() if quasi_identifiers \
        else pd.Series([published["count"].sum()])
    small = sizes[rule.small(sizes)]
    if len(small):
        raise DisclosureError(
            f"{what}: {len(small)} published group(s) smaller than the threshold {rule.k}")
    if frame.loc[frame["status"] == SUPPRESSED, "count"].notna().any():
        raise DisclosureError(f"{what}: a suppressed cell carries a count")
