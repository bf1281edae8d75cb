"""The text extractor's corridor errors carried into the estimates: multiple imputation over the link.

A person's corridor in the link comes from the source that saw most of the route (``routekit.link.assign``:
self-report > border observation > fingerprint). For IND, police and KMar it was read from free text
(``SourceType.text_column``), and the extractor puts some records on the wrong corridor: a person then sits in
another corridor's stratum. How often is measured on the hand-labelled sets (``benchmarks/text_confusion.py``
writes ``routekit/reference/text_confusion.yaml``: per source, labelled rows by true and extracted corridor).

Method (one imputation; ``IMPUTATIONS`` of them, the random stream fixed by the seed):
1. per source, draw P(extracted | true) row by row from its posterior, Dirichlet(counts + ``PRIOR_ROWS`` x a
   prior row): the measured agreement on the diagonal (Laplace-smoothed), the rest spread evenly. So a corridor
   with few labelled rows takes the source's overall error rate, and the matrix's own sampling error is drawn too;
2. per source, the true corridor mix behind the observed mix of its published link cells (all months) by EM
   (the maximum-likelihood mix given the drawn matrix), and from it by Bayes P(true | extracted);
3. the persons of every published cell whose corridor a text source gave are redistributed over corridors,
   multinomially with P(true | extracted), among the corridors the link has in that month (nobody is moved into
   a corridor-month the link does not hold); capture histories and months stay as they are;
4. the reallocated table is estimated like the link (``population.estimate_strata``, point estimates only).
Combined by Rubin's rules on the log scale (population sizes are skewed): the estimate is the geometric mean of
the imputations' estimates; the between-imputation variance B of the log estimates is added to the as-extracted
bootstrap (the within-imputation spread): draw ``r`` is scaled to the new centre and by imputation ``r mod M``'s
deviation from it, the deviations scaled so their variance is (1 + 1/M) B; the interval is the 2.5-97.5% of
these draws, never below the persons seen and holding the estimate. Replicate ``r`` of every stratum carries the
same imputation, so period and all-corridor sums (``aggregate_period``) keep the reallocation's correlations
(a person moved out of one corridor is moved into another). Re-running the bootstrap per imputation was 5x the
stage's time (the bootstrap's fixed cost dominates); the within spread of a table that differs from the link by
a few per cent of its persons is taken as the link's. ``observed`` becomes the mean of the imputations' (persons
seen after reallocation), so an estimate never falls below it; grades are recomputed from the new interval.
Not reallocated: suppressed cells (1..K-1 persons, size unknown; they stay censored in their corridor, see
``MOVE_SUPPRESSED``) and cells whose corridor came from a source without a text (Eurodac). When no imputation moves anybody (a perfect extractor)
the as-extracted estimates are returned unchanged.

Everything happens on the steward's link table (counts per month x corridor x capture history); what is written
still passes the estimate stage's disclosure step (``pipeline._publishable``).
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field, replace
from functools import lru_cache
from importlib import resources

import numpy as np
import pandas as pd
import yaml

from routekit.contracts.notes import NOTE_COLUMN, dumps, english, loads
from routekit.errors import InputError
from routekit.estimate.grades import estimate_grade
from routekit.estimate.population import estimate_strata

IMPUTATIONS = 10  # reallocations drawn and re-estimated (point estimates; the bootstrap is the link's)
PRIOR_ROWS = 1.0  # weight of the prior row (source-wide error rate) in each true corridor's Dirichlet
EM_STEPS = 500
# Move a suppressed cell of a text source whole to a drawn corridor? Off: tried on the small demo, a censored cell
# takes the fitted value of the stratum it lands in, which raised the quarter's persons seen by 4% and widened
# eastern_land from 302-455 to 251-923; kept in place they stay censored in their own corridor.
MOVE_SUPPRESSED = False
REFERENCE = "text_confusion.yaml"
# the notes estimate_grade writes before an estimate's own notes (replaced when the grade is recomputed)
_GRADE_CODES = frozenset({"no_estimate", "one_kind", "no_interval", "wide_interval", "kinds_overlap"})


@dataclass(frozen=True)
class ConfusionModel:
    """Per source, labelled rows by true corridor (rows) and extracted corridor (columns) over ``categories``."""

    categories: tuple[str, ...]
    counts: dict[str, np.ndarray]
    prior_rows: float = PRIOR_ROWS
    measured: dict = field(default_factory=dict, compare=False)

    @classmethod
    def from_mapping(cls, data: dict, categories: list[str] | None = None, prior_rows: float = PRIOR_ROWS,
                     where: str = REFERENCE) -> "ConfusionModel":
        """From the reference layout: ``sources.<source>.confusion: {true: {extracted: rows}}``."""
        from routekit.reference import corridor_ids

        categories = list(categories or corridor_ids())
        index = {c: i for i, c in enumerate(categories)}
        counts = {}
        for source, part in (data.get("sources") or {}).items():
            matrix = np.zeros((len(categories), len(categories)))
            for true, row in (part.get("confusion") or {}).items():
                for extracted, n in (row or {}).items():
                    if true not in index or extracted not in index:
                        raise InputError(where, f"unknown corridor '{true if true not in index else extracted}'",
                                         field=f"sources.{source}.confusion")
                    if not isinstance(n, (int, float)) or n < 0:
                        raise InputError(where, "a count of labelled rows must be a number >= 0",
                                         field=f"sources.{source}.confusion.{true}.{extracted}")
                    matrix[index[true], index[extracted]] += float(n)
            counts[str(source)] = matrix
        return cls(tuple(categories), counts, prior_rows, dict(data.get("measured") or {}))

    @classmethod
    def load(cls) -> "ConfusionModel":
        """The model measured on the labelled sets (``routekit/reference/text_confusion.yaml``)."""
        return _reference_model()

    def draw(self, source: str, rng: np.random.Generator) -> np.ndarray:
        """One draw of P(extracted | true) for ``source`` (rows: true corridor) from its Dirichlet posterior."""
        counts = self.counts[source]
        size = len(self.categories)
        total = counts.sum()
        agreement = (np.trace(counts) + 1.0) / (total + 2.0) if total else 0.5
        prior = np.full((size, size), (1.0 - agreement) / max(size - 1, 1))
        np.fill_diagonal(prior, agreement)
        shape = counts + self.prior_rows * prior
        gamma = rng.gamma(shape)   # a shape of 0 draws 0: a perfect, prior-free matrix stays the identity
        rows = gamma.sum(axis=1, keepdims=True)
        return np.where(rows > 0, gamma / np.where(rows > 0, rows, 1.0), np.eye(size))


@lru_cache(maxsize=1)
def _reference_model() -> ConfusionModel:
    text = resources.files("routekit.reference").joinpath(REFERENCE).read_text(encoding="utf-8")
    return ConfusionModel.from_mapping(yaml.safe_load(text) or {})


def true_mix(confusion: np.ndarray, observed: np.ndarray, steps: int = EM_STEPS) -> np.ndarray:
    """The true corridor mix whose expected extracted mix best explains ``observed`` (EM, maximum likelihood).

    ``confusion[t, e]`` = P(extracted e | true t); ``observed[e]``: persons per extracted corridor.
    """
    total = observed.sum()
    if total <= 0:
        return np.full(len(observed), 1.0 / len(observed))
    mix = np.full(len(observed), 1.0 / len(observed))
    for _ in range(steps):
        expected = mix @ confusion                        # P(extracted e)
        ratio = np.divide(observed / total, expected, out=np.zeros_like(expected), where=expected > 0)
        updated = mix * (confusion @ ratio)
        updated /= updated.sum()
        if np.abs(updated - mix).max() < 1e-10:
            return updated
        mix = updated
    return mix


def posterior(confusion: np.ndarray, mix: np.ndarray) -> np.ndarray:
    """P(true t | extracted e) as rows e, by Bayes from P(e | t) and the true mix."""
    joint = (confusion * mix[:, None]).T                  # [e, t]
    rows = joint.sum(axis=1, keepdims=True)
    return np.where(rows > 0, joint / np.where(rows > 0, rows, 1.0), np.eye(len(mix)))


def corridor_source(contingency: pd.DataFrame, sources: list[str], kinds: dict[str, str]) -> pd.Series:
    """Per link cell, the source whose record gave its corridor (``link.assign``'s priority: kind, then name).

    A cell seen by IND and police is attributed to IND (same kind, first by name); the link decides per person
    by the earliest month too, which the table no longer shows.
    """
    from routekit.link.assign import KIND_PRIORITY

    order = sorted(sources, key=lambda s: (KIND_PRIORITY.get(kinds.get(s, ""), len(KIND_PRIORITY)), s))
    result = pd.Series("", index=contingency.index, dtype=object)
    for source in reversed(order):
        result = result.where(contingency[f"in_{source}"] != 1, source)
    return result


def text_sources(sources: list[str]) -> list[str]:
    """The sources whose corridor is read from free text (the registry's ``text_column``)."""
    from routekit.errors import RoutekitError
    from routekit.sources import get_source

    found = []
    for name in sources:
        try:
            if getattr(get_source(name), "text_column", None):
                found.append(name)
        except RoutekitError:
            continue
    return found


@dataclass
class Plan:
    """What one reallocation needs, worked out once: the cells that move and the observed mixes."""

    cells: pd.DataFrame                  # the link's contingency, one row per cell
    movable: np.ndarray                  # bool per cell: published, > 0 persons, corridor from a modelled text source
    source: np.ndarray                   # corridor source per cell
    category: np.ndarray                 # index of the cell's corridor in the model's categories (-1: unknown)
    allowed: dict[str, np.ndarray]       # month -> bool per category: corridors the link holds that month
    observed: dict[str, np.ndarray]      # source -> persons per extracted corridor (movable cells, all months)
    censored: np.ndarray                 # bool per cell: suppressed (1..K-1 persons), corridor from a modelled text source


def plan(link, model: ConfusionModel, kinds: dict[str, str] | None = None) -> Plan:
    cells = link.contingency.reset_index(drop=True)
    kinds = kinds or _registry_kinds(link.sources)
    modelled = [s for s in text_sources(link.sources) if s in model.counts]
    source = corridor_source(cells, link.sources, kinds).to_numpy()
    index = {c: i for i, c in enumerate(model.categories)}
    category = cells["corridor"].map(index).fillna(-1).astype(int).to_numpy()
    count = cells["count"].to_numpy(dtype=float)
    text = np.isin(source, modelled) & (category >= 0)
    movable = text & np.isfinite(count) & (count > 0)
    allowed = {}
    for month, part in cells.groupby("month", sort=True):
        mask = np.zeros(len(model.categories), dtype=bool)
        mask[[index[c] for c in part["corridor"].unique() if c in index]] = True
        allowed[str(month)] = mask
    observed = {}
    for name in modelled:
        own = movable & (source == name)
        observed[name] = np.bincount(category[own], weights=count[own], minlength=len(model.categories))
    return Plan(cells, movable, source, category, allowed, observed, text & ~np.isfinite(count))


def _registry_kinds(sources: list[str]) -> dict[str, str]:
    from routekit.errors import RoutekitError
    from routekit.sources import get_source

    kinds = {}
    for name in sources:
        try:
            kinds[name] = get_source(name).kind
        except RoutekitError:
            continue
    return kinds


def reallocate(the_plan: Plan, model: ConfusionModel, rng: np.random.Generator,
               move_suppressed: bool = MOVE_SUPPRESSED) -> tuple[pd.DataFrame, int, int]:
    """One imputed contingency table, the persons of published cells and the suppressed cells it moved.

    Moved persons are added as extra rows with the cell's month and capture history (the estimate stage sums
    rows of the same cell, a suppressed part staying a range), so the table keeps every original cell. With
    ``move_suppressed`` a suppressed cell (its size unknown, 1..K-1) moves whole, to a corridor drawn from
    P(true | extracted); by default it stays (see ``MOVE_SUPPRESSED``).
    """
    cells = the_plan.cells
    counts = cells["count"].to_numpy(dtype=float).copy()
    corridors = cells["corridor"].to_numpy(dtype=object).copy()
    additions: list[pd.DataFrame] = []
    moved = moved_cells = 0
    categories = np.array(model.categories)
    months = cells["month"].astype(str).to_numpy()
    for name, observed in the_plan.observed.items():
        confusion = model.draw(name, rng)
        bayes = posterior(confusion, true_mix(confusion, observed))
        censored = np.flatnonzero(the_plan.censored & (the_plan.source == name)) if move_suppressed else []
        for index in censored:
            pvals = bayes[the_plan.category[index]] * the_plan.allowed[months[index]]
            if pvals.sum() > 0:
                target = int(rng.choice(len(pvals), p=pvals / pvals.sum()))
                if target != the_plan.category[index]:
                    corridors[index] = categories[target]
                    moved_cells += 1
        own = np.flatnonzero(the_plan.movable & (the_plan.source == name))
        if not len(own):
            continue
        keys = pd.DataFrame({"month": months[own], "category": the_plan.category[own]})
        for (month, extracted), group in keys.groupby(["month", "category"], sort=True):
            rows = own[group.index.to_numpy()]
            pvals = bayes[extracted] * the_plan.allowed[month]
            if pvals.sum() <= 0 or pvals[extracted] >= 1.0 - 1e-12 * pvals.sum():
                continue
            drawn = rng.multinomial(counts[rows].astype(np.int64), pvals / pvals.sum())   # [row, true corridor]
            stay = drawn[:, extracted]
            moving = drawn.copy()
            moving[:, extracted] = 0
            if not moving.any():
                continue
            moved += int(moving.sum())
            counts[rows] = stay
            where_row, where_to = np.nonzero(moving)
            extra = cells.iloc[rows[where_row]].copy()
            extra["corridor"] = categories[where_to]
            extra["count"] = moving[where_row, where_to].astype(float)
            extra["status"] = "published"
            additions.append(extra)
    table = cells.assign(count=counts, corridor=corridors)
    if additions:
        table = pd.concat([table, *additions], ignore_index=True)
    return table, moved, moved_cells


def estimate_strata_reallocated(link, n_boot: int = 99, seed: int = 0, kinds: dict[str, str] | None = None,
                                imputations: int = IMPUTATIONS, model: ConfusionModel | None = None,
                                **options) -> tuple[pd.DataFrame, dict, dict]:
    """``population.estimate_strata`` with the text sources' corridor errors in the intervals (module doc).

    Returns the same (estimates frame, draws per stratum, structure); ``structure["misclassification"]``
    says what was done (imputations, sources, persons movable and moved on average, suppressed cells and how many
    moved on average).
    """
    frame, draws, structure = estimate_strata(link, n_boot=n_boot, seed=seed, kinds=kinds, **options)
    model = ConfusionModel.load() if model is None else model
    the_plan = plan(link, model, kinds)
    movable = float(the_plan.cells["count"].to_numpy(dtype=float)[the_plan.movable].sum())
    info = {"method": "multiple imputation of corridors (routekit.estimate.misclassification)",
            "imputations": int(imputations), "sources": sorted(the_plan.observed), "persons_movable": movable,
            "persons_moved_mean": 0.0, "suppressed_cells": int(the_plan.censored.sum()),
            "suppressed_cells_moved_mean": 0.0, "applied": False,
            "measured_on": list(model.measured.get("on", [])), "measured_date": str(model.measured.get("date", ""))}
    structure["misclassification"] = info
    if imputations < 2 or not the_plan.observed or movable <= 0 or frame.empty:
        return frame, draws, structure
    rng = np.random.default_rng([int(seed), 15, 4])   # a stream of its own: the bootstrap's seeds stay as they were
    runs, moved, moved_cells = [], [], []
    for _ in range(imputations):
        table, n_moved, n_cells = reallocate(the_plan, model, rng)
        moved.append(n_moved)
        moved_cells.append(n_cells)
        if n_moved == 0 and n_cells == 0:
            runs.append(None)   # nothing moved: this imputation is the link as extracted
            continue
        imputed, _, _ = estimate_strata(replace(link, contingency=table), n_boot=0, seed=seed, kinds=kinds,
                                        **options)
        runs.append(imputed.set_index(["period", "corridor"]))
    info["persons_moved_mean"] = round(float(np.mean(moved)), 1)
    info["suppressed_cells_moved_mean"] = round(float(np.mean(moved_cells)), 1)
    if not any(moved) and not any(moved_cells):
        return frame, draws, structure
    info["applied"] = True
    combined, combined_draws = _combine(frame, draws, runs, kinds or _registry_kinds(link.sources))
    return combined, combined_draws, structure


def _combine(frame: pd.DataFrame, draws: dict, runs: list, kinds: dict[str, str]) -> tuple[pd.DataFrame, dict]:
    """Rubin's rules on the log scale, per stratum of the as-extracted frame, applied to its bootstrap draws.

    ``runs``: per imputation the re-estimated frame (indexed by period, corridor), or None when it moved nobody.
    Point estimate: the geometric mean of the imputations' estimates. Draw ``r`` of the as-extracted bootstrap
    (the within-imputation spread) is moved to that centre and by imputation ``r mod M``'s deviation from it,
    scaled so that the deviations' variance is Rubin's (1 + 1/M) x the between-imputation variance.
    """
    size = len(runs)
    rows, new_draws = [], {}
    for row in frame.to_dict("records"):
        key = (row["period"], row["corridor"])
        base_draws = draws.get(key)
        base = row["estimate"]
        if row["grade"] == "not_estimable" or not np.isfinite(base) or base <= 0 or base_draws is None \
                or not len(base_draws):
            rows.append(row)
            new_draws[key] = base_draws
            continue
        logs = np.full(size, np.nan)
        seen = np.full((size, 3), np.nan)
        for m, run in enumerate(runs):
            found = None if run is None else (run.loc[key] if key in run.index else None)
            if run is None:
                found = row
            if found is None or not np.isfinite(found["estimate"]) or found["estimate"] <= 0:
                continue   # an imputation that cannot estimate this stratum adds no deviation
            logs[m] = math.log(float(found["estimate"]))
            seen[m] = [found["observed"], found["observed_lower"], found["observed_upper"]]
        valid = np.isfinite(logs)
        if valid.sum() < 2:
            rows.append(row)
            new_draws[key] = base_draws
            continue
        centre = float(logs[valid].mean())
        count = int(valid.sum())
        deviation = np.where(valid, logs - centre, 0.0) * math.sqrt((count + 1) / (count - 1))
        replicate = np.arange(len(base_draws)) % size
        estimate = math.exp(centre)
        floor = _mean_or_nan(np.where(np.isfinite(seen[valid, 1]), seen[valid, 1], seen[valid, 0]))
        moved_draws = np.asarray(base_draws, dtype=float) * np.exp(centre - math.log(base) + deviation[replicate])
        if np.isfinite(floor):
            # the geometric mean of the imputations' estimates can fall below the mean of their persons seen
            # (each imputation near its own count): the published estimate holds the persons seen
            estimate = max(estimate, floor)
            moved_draws = np.maximum(moved_draws, floor)
        lower, upper = np.quantile(moved_draws, [0.025, 0.975], method="inverted_cdf")
        lower, upper = min(float(lower), estimate), max(float(upper), estimate)
        row = {**row, "estimate": _round(estimate), "lower": _round(lower), "upper": _round(upper),
               "observed": round(float(np.nanmean(seen[valid, 0])), 1),
               "observed_lower": floor, "observed_upper": _mean_or_nan(seen[valid, 2])}
        used_kinds = sorted({kinds.get(s, s) for s in str(row.get("sources", "") or "").split("+") if s})
        grade, why = estimate_grade(True, estimate, lower, upper, used_kinds)
        notes = [*why, *[n for n in loads(row.get(NOTE_COLUMN)) if n.code not in _GRADE_CODES]]
        row.update({"grade": grade, "note": english(notes), NOTE_COLUMN: dumps(notes)})
        rows.append(row)
        new_draws[key] = moved_draws
    return pd.DataFrame(rows, columns=frame.columns), new_draws


def _mean_or_nan(values: np.ndarray) -> float:
    finite = values[np.isfinite(values)]
    return round(float(finite.mean()), 1) if len(finite) else float("nan")


def _round(value: float) -> float:
    return float(np.round(value, 1)) if np.isfinite(value) else float("nan")
