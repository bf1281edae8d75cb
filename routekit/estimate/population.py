"""Population estimates per month x corridor from the link, and their sums per reporting period.

The link table holds, per month and corridor, persons per capture history. Before estimating,
the whole table (all months and corridors pooled) is inspected once for structure that no
single month can show:

- a *nested* source: nobody was ever seen by it alone (Eurodac hits need an IND application or
  a KMar apprehension), so it says nothing about persons no other source saw; it is left out
  and its cells are added to the others (a sum with suppressed parts becomes a range);
- a *structural zero*: two sources that together saw nobody although, if independent, they
  should have shared many (the police only record persons outside the asylum procedure);
  their overlap cells are removed from the model.

Period sums add the bootstrap draws of the months (independent months), so the interval of a
quarter is not the sum of the monthly bounds.
"""

from __future__ import annotations

import itertools
from dataclasses import replace

import numpy as np
import pandas as pd

from routekit.contracts.notes import NOTE_COLUMN, Note, dumps, english
from routekit.estimate.grades import estimate_grade
from routekit.estimate.mse import DEPENDENCE_RANGE, MSEResult, estimate_pooled

# How much corridors may differ in a shared source's odds of seeing someone: a factor two either
# way (95%), the same "alike, not equal" range as the dependence of two lists (mse.DEPENDENCE_RANGE).
SPREAD = 2.0

NESTED_MIN = 20  # a source must have seen at least this many persons to be called nested
STRUCTURAL_MIN_EXPECTED = 20.0  # expected overlap under independence before an empty one is structural


def link_structure(contingency: pd.DataFrame, sources: list[str]) -> dict:
    """Nested sources and structural-zero pairs, from the pooled link table (see module doc)."""
    flags = [f"in_{s}" for s in sources]
    known = contingency.dropna(subset=["count"])
    suppressed = contingency[contingency["count"].isna()]
    total = known["count"].sum()
    nested = []
    for source, flag in zip(sources, flags):
        others = [f for f in flags if f != flag]
        alone = (contingency[flag] == 1) & (contingency[others].sum(axis=1) == 0)
        seen = known.loc[known[flag] == 1, "count"].sum()
        if seen >= NESTED_MIN and known.loc[alone.loc[known.index], "count"].sum() == 0 and not alone.loc[suppressed.index].any():
            nested.append(source)
    structural = []
    for (a, fa), (b, fb) in itertools.combinations(zip(sources, flags), 2):
        both = (contingency[fa] == 1) & (contingency[fb] == 1)
        if both.loc[suppressed.index].any() or known.loc[both.loc[known.index], "count"].sum() > 0:
            continue
        n_a = known.loc[known[fa] == 1, "count"].sum()
        n_b = known.loc[known[fb] == 1, "count"].sum()
        if total > 0 and n_a * n_b / total >= STRUCTURAL_MIN_EXPECTED:
            structural.append((a, b))
    return {"nested": nested, "structural_zeros": structural}


def collapse_sources(contingency: pd.DataFrame, keep: list[str], threshold: int) -> pd.DataFrame:
    """Sum cells over the dropped sources; a sum with suppressed parts becomes a range [lower, upper]."""
    flags = [f"in_{s}" for s in keep]
    frame = contingency.assign(
        suppressed=contingency["count"].isna(),
        known=contingency["count"].fillna(0.0),
    )
    frame = frame[frame[flags].sum(axis=1) > 0]
    grouped = frame.groupby(["month", "corridor", *flags], sort=True).agg(
        known=("known", "sum"), parts=("suppressed", "sum"), cells=("suppressed", "size")).reset_index()
    grouped["censored"] = grouped["parts"] > 0
    grouped["lower"] = np.where(grouped["censored"], grouped["known"] + grouped["parts"], np.nan)
    grouped["upper"] = np.where(grouped["censored"], grouped["known"] + grouped["parts"] * (threshold - 1), np.nan)
    grouped["count"] = np.where(grouped["censored"], np.nan, grouped["known"])
    return grouped.drop(columns=["known", "parts", "cells"])


def secondary_share(contingency: pd.DataFrame, manifest: dict, threshold: int) -> float:
    """The chance that a cell of K or more was withheld by secondary suppression.

    The link reports how many cells it withheld secondarily; those were published-size cells
    (K or more; an empty cell is never withheld). Their share among all such cells is the
    weight a suppressed cell gets for lying above 1..K-1.
    """
    withheld = int(manifest.get("cells_suppressed_secondary", 0) or 0)
    if withheld <= 0:
        return 0.0
    large = int((contingency["count"] >= threshold).sum())
    return min(withheld / (large + withheld), 0.95)


def source_coverage(manifest: dict, sources: list[str], months: list[str]) -> dict[str, tuple[str, ...]]:
    """Per month, the sources whose release covers it (from the link manifest's release periods).

    A source cannot see anyone in a month outside its release; pooling such a month with the
    others would read "not covered" as "nobody seen" and bias its capture rate.
    """
    periods = {}
    for entry in manifest.get("releases", []) or []:
        period = entry.get("period") or {}
        if entry.get("source") in sources and period.get("start") and period.get("end"):
            periods[entry["source"]] = (str(period["start"]), str(period["end"]))
    return {month: tuple(s for s in sources if s not in periods or periods[s][0] <= month <= periods[s][1])
            for month in months}


def source_roles(sources: list[str]) -> dict[str, list[str]]:
    """What the registry declares about how each source sees the population.

    ``complete``: complete registrations of a group (``SourceType.complete_for``; the IND holds
    every asylum applicant), so nobody in that group is unseen and estimation only concerns the
    persons outside it. ``shared``: sources whose chance of seeing someone hardly depends on
    the route (``SourceType.route_independent``; the police meet people inland, after the
    journey), so corridors may share it. Both are knowledge of how a source is made, which no
    link table can show, so they live with the source's declaration. Unknown sources: neither.
    """
    from routekit.errors import RoutekitError
    from routekit.sources import get_source

    roles: dict[str, list[str]] = {"complete": [], "shared": []}
    for name in sources:
        try:
            source = get_source(name)
        except RoutekitError:
            continue
        if getattr(source, "complete_for", ""):
            roles["complete"].append(name)
        if getattr(source, "route_independent", False):
            roles["shared"].append(name)
    return roles


# Months pooled in one model per corridor; None: all months a source set covers. Blocks of 6
# months were tried: thinner tables gave worse coverage (0.53 against 0.85 in 4 scenarios).
POOL_MONTHS = None


def estimate_strata(link, n_boot: int = 99, seed: int = 0, secondary_unknown: bool | None = None,
                    kinds: dict[str, str] | None = None,
                    pool_months: int | None = POOL_MONTHS, complete: list[str] | None = None,
                    dependence: tuple[float, float] | None = DEPENDENCE_RANGE, shared: list[str] | None = None,
                    spread: float = SPREAD) -> tuple[pd.DataFrame, dict, dict]:
    """One MSE per month x corridor. Returns (estimates frame, draws per stratum, structure).

    Months are pooled per corridor among the months that the same sources cover (and, with
    ``pool_months``, in blocks of that many months). With ``shared`` sources the corridors are
    estimated together in one model, each with its own effects, except that the corridors
    partly share how often a shared source sees someone (within a factor ``spread``).
    ``complete`` and ``shared`` default to the registry's declarations (:func:`source_roles`);
    ``dependence``: the 95% range of the odds ratio of two lists, which two lists cannot show
    (``mse.estimate_population``).
    ``secondary_unknown``: the link applied secondary suppression, so a suppressed cell may also
    be a larger cell withheld to protect a small one (weighted by :func:`secondary_share`)
    rather than surely 1..K-1; default: when the link manifest reports secondary suppressions.
    """
    structure = link_structure(link.contingency, link.sources)
    keep = [s for s in link.sources if s not in structure["nested"]]
    if secondary_unknown is None:
        secondary_unknown = bool(link.manifest.get("cells_suppressed_secondary", 0))
    share = secondary_share(link.contingency, link.manifest, link.threshold) if secondary_unknown else 0.0
    structure["secondary_share"] = share
    roles = source_roles(keep) if complete is None or shared is None else {}
    structure["complete"] = [s for s in (roles["complete"] if complete is None else complete) if s in keep]
    structure["shared"] = [s for s in (roles["shared"] if shared is None else shared) if s in keep]
    table = collapse_sources(link.contingency, keep, link.threshold)
    coverage = source_coverage(link.manifest, keep, sorted(table["month"].unique()))
    flags = [f"in_{s}" for s in keep]
    cells = table[["month", "corridor", *flags, "count", "censored", "lower", "upper"]].rename(
        columns=dict(zip(flags, keep)))
    cells["stratum"] = cells["corridor"] + "|" + cells["month"]
    joint = bool(structure["shared"]) and cells["corridor"].nunique() > 1
    units: dict[tuple, list[tuple[str, str]]] = {}
    for corridor, part in cells.groupby("corridor", sort=True):
        months_here = sorted(part["month"].unique())
        first = cells["month"].min() if joint else months_here[0]
        for month in months_here:
            key = (None if joint else corridor, coverage[month], _window(month, first, pool_months))
            units.setdefault(key, []).append(f"{corridor}|{month}")
    rows, draws = [], {}
    for (_, covering, _), strata in units.items():
        subset = cells[cells["stratum"].isin(strata)]
        uncovered = [s for s in keep if s not in covering]
        results = _estimate_group(subset, list(covering), link.threshold, structure, n_boot, seed, share,
                                  dependence, joint, spread)
        for stratum, result in results.items():
            corridor, month = stratum.split("|")
            if uncovered:
                missing = Note.of("release_missing", sources=uncovered)
                result = replace(result, reason="; ".join(filter(None, [result.reason, missing.english])),
                                 notes=(*result.notes, missing))
            rows.append(_row(month, corridor, result, kinds or {}))
            draws[(month, corridor)] = result.draws
    frame = pd.DataFrame(rows)
    if len(frame):
        frame = frame.sort_values(["corridor", "period"], kind="stable").reset_index(drop=True)
    structure["sources_used"] = keep
    return frame, draws, structure


def _window(month: str, first: str, pool_months: int | None) -> int:
    """Which block of ``pool_months`` consecutive months (counted from ``first``) a month is in."""
    if not pool_months:
        return 0
    return ((pd.Period(month, freq="M") - pd.Period(first, freq="M")).n) // pool_months


def _estimate_group(cells: pd.DataFrame, sources: list[str], threshold: int, structure: dict, n_boot: int,
                    seed: int, share: float = 0.0,
                    dependence: tuple[float, float] | None = DEPENDENCE_RANGE, joint: bool = False,
                    spread: float = SPREAD) -> dict[str, MSEResult]:
    """The pooled model for one corridor's months, or with ``joint`` for all corridors' months
    at once; {"corridor|month": result}. A table it cannot take is refused, not raised."""
    data = cells[["stratum", *sources, "count", "censored", "lower", "upper"]]
    if joint:
        data = data.assign(corridor=cells["corridor"])
    try:
        return estimate_pooled(data, "stratum", sources=sources, threshold=threshold,
                               structural_zeros=structure["structural_zeros"], n_boot=n_boot, seed=seed,
                               keep_draws=True, secondary_share=share, complete=structure.get("complete", []),
                               dependence=dependence, groups="corridor" if joint else None,
                               shared=structure.get("shared", []) if joint else [], spread=spread)
    except ValueError as error:
        nan = float("nan")
        why = Note.of("link_not_modelled", error=str(error))
        return {stratum: MSEResult(nan, nan, nan, "none", "", nan, False, why.english, stratum=stratum, notes=(why,))
                for stratum in pd.unique(cells["stratum"])}


def _row(period: str, corridor: str, result: MSEResult, kinds: dict[str, str]) -> dict:
    used_kinds = sorted({kinds.get(s, s) for s in result.sources})
    grade, why = estimate_grade(result.estimable, result.estimate, result.lower, result.upper, used_kinds,
                                bool(result.notes))
    notes = [*why, *result.notes]
    return {
        "period": period,
        "corridor": corridor,
        "observed": round(result.observed, 1),
        "observed_lower": result.observed_lower,
        "observed_upper": result.observed_upper,
        "estimate": _round(result.estimate),
        "lower": _round(result.lower),
        "upper": _round(result.upper),
        "method": result.method,
        "model": result.model,
        "sources": "+".join(result.sources),
        "grade": grade,
        "note": english(notes),
        NOTE_COLUMN: dumps(notes),
    }


def _round(value: float) -> float:
    return float(np.round(value, 1)) if np.isfinite(value) else float("nan")


def aggregate_period(estimates: pd.DataFrame, draws: dict, months: list[str], label: str,
                     seed: int = 0, kinds_used: list[str] | None = None) -> pd.DataFrame:
    """Per corridor and for all corridors together: the sum over ``months`` with its interval.

    A corridor whose months are not all estimable gets no sum (the reason names the months).
    """
    rng = np.random.default_rng(seed)
    subset = estimates[estimates["period"].isin(months)]
    rows, all_draws, all_ok, without_draws = [], [], True, False
    corridors = sorted(subset["corridor"].unique())
    for corridor in corridors:
        part = subset[subset["corridor"] == corridor]
        missing = sorted(set(months) - set(part["period"]))
        refused = part.loc[part["grade"] == "not_estimable", "period"].tolist()
        observed = part["observed"].sum()
        if refused:
            all_ok = False
            rows.append(_period_row(label, corridor, observed, np.nan, np.nan, np.nan,
                                    [Note.of("not_estimable_in", months=refused)], kinds_used))
            continue
        note = [Note.of("zero_months", months=missing)] if missing else []
        month_draws = [draws.get((m, corridor)) for m in part["period"]]
        if any(d is None or len(d) == 0 for d in month_draws):  # no bootstrap (n_boot=0): no interval
            without_draws = True
            rows.append(_period_row(label, corridor, observed, part["estimate"].sum(), np.nan, np.nan,
                                    [*note, Note.of("no_draws")], kinds_used))
            continue
        total = _sum_draws(month_draws, rng)
        all_draws.append(total)
        rows.append(_period_row(label, corridor, observed, part["estimate"].sum(), *_interval(total, part), note, kinds_used))
    if corridors:
        observed = subset["observed"].sum()
        if all_ok and without_draws:
            rows.append(_period_row(label, "all", observed, subset["estimate"].sum(), np.nan, np.nan,
                                    [Note.of("no_draws")], kinds_used))
        elif all_ok and all_draws:
            total = np.sum(np.stack([d[: min(map(len, all_draws))] for d in all_draws]), axis=0)
            rows.append(_period_row(label, "all", observed, subset["estimate"].sum(), *_interval(total, subset), [], kinds_used))
        else:
            rows.append(_period_row(label, "all", observed, np.nan, np.nan, np.nan,
                                    [Note.of("not_estimable_all")], kinds_used))
    return pd.DataFrame(rows)


def _sum_draws(draws: list[np.ndarray], rng: np.random.Generator) -> np.ndarray:
    """Sum the draws of several months replicate by replicate (months of one corridor share a
    fit, so their draws are aligned and correlated; corridors are independent fits)."""
    size = min(len(d) for d in draws)
    return np.sum([d[:size] for d in draws], axis=0)


def _interval(total: np.ndarray, part: pd.DataFrame) -> tuple[float, float]:
    """95% of the summed draws, never below the persons surely seen, and holding the estimate
    (percentile draws of a skewed estimate need not hold it, as for the months)."""
    lower, upper = np.quantile(total, [0.025, 0.975])
    estimate = part["estimate"].sum()
    return min(max(lower, part["observed_lower"].sum()), estimate), max(upper, estimate)


def _period_row(label, corridor, observed, estimate, lower, upper, notes: list[Note], kinds_used) -> dict:
    grade, why = estimate_grade(np.isfinite(estimate), estimate, lower, upper, kinds_used or [], bool(notes))
    notes = [*why, *notes]
    return {"period": label, "corridor": corridor, "observed": round(float(observed), 1),
            "estimate": _round(estimate), "lower": _round(lower), "upper": _round(upper),
            "method": "sum of monthly estimates (bootstrap draws added)", "grade": grade,
            "note": english(notes), NOTE_COLUMN: dumps(notes)}
