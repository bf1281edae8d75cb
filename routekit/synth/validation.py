"""Check the estimates against the demo generator's truth over many seeded scenarios.

The path, stated plainly: ``routekit.synth.simulate`` (no texts, in memory) -> a link table built
directly from the true capture flags (month = entry month, corridor = true corridor, one row
per capture history, every history written, counts in 1..K-1 suppressed) -> the same
``estimate_strata`` the pipeline runs -> compare with ``corridor_month`` truth. What this
skips: free-text extraction (corridor errors), the keyed-hash linkage, and secondary
suppression. Those add error the figures here do not include.
"""

from __future__ import annotations

import itertools
from pathlib import Path

import numpy as np
import pandas as pd

from routekit.estimate.inputs import Link
from routekit.estimate.mse import DEPENDENCE_RANGE

SOURCES = ["eurodac", "ind", "kmar", "police"]
_THREAD_VARIABLES = ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS")
KINDS = {"kmar": "border_observation", "ind": "self_reported", "police": "self_reported", "eurodac": "fingerprint"}


def link_from_journeys(journeys: pd.DataFrame, threshold: int = 10, sources: list[str] | None = None) -> Link:
    """A link table like the steward's, from person-level truth with in_<source> flags."""
    sources = sources or SOURCES
    flags = [f"in_{s}" for s in sources]
    seen = journeys[journeys[flags].sum(axis=1) > 0]
    counts = seen.groupby(["entry_month", "corridor", *flags]).size().rename("count")
    strata = seen[["entry_month", "corridor"]].drop_duplicates()
    patterns = [p for p in itertools.product((1, 0), repeat=len(flags)) if any(p)]
    grid = pd.MultiIndex.from_tuples(
        [(m, c, *p) for m, c in strata.itertuples(index=False) for p in patterns],
        names=["entry_month", "corridor", *flags])
    table = counts.reindex(grid, fill_value=0).reset_index().rename(columns={"entry_month": "month"})
    small = table["count"].between(1, threshold - 1)
    table["status"] = np.where(small, "suppressed", "published")
    table["count"] = table["count"].astype(float).where(~small)
    manifest = {"sources": sources, "threshold": threshold, "cells_suppressed_secondary": 0}
    return Link(Path("<simulated>"), manifest, table, sources, threshold)


def validate_scenarios(n_scenarios: int, seed: int = 0, start: str = "2023-01", end: str = "2024-12",
                       scale: float = 1.0, threshold: int = 10, n_boot: int = 99, progress=None,
                       workers: int = 1, complete: list[str] | None = None,
                       dependence: tuple[float, float] | None = DEPENDENCE_RANGE,
                       shared: list[str] | None = None) -> dict:
    """Coverage of the 95% intervals and median relative error over seeded scenarios.

    ``workers`` > 1 runs scenarios in that many processes (each scenario is independent and
    seeded, so the figures do not depend on it). ``complete``, ``dependence`` and ``shared`` as
    in ``estimate_strata`` (default: the registry's declarations, the default range)."""
    jobs = [(seed + k, start, end, scale, threshold, n_boot, complete, dependence, shared)
            for k in range(n_scenarios)]
    rows = []
    if workers > 1:
        import multiprocessing
        import os
        from concurrent.futures import ProcessPoolExecutor

        # The processes are the parallelism: each gets one BLAS thread (set before it starts and
        # loads numpy), else every process would use every core and they slow each other down.
        saved = {name: os.environ.get(name) for name in _THREAD_VARIABLES}
        os.environ.update({name: "1" for name in _THREAD_VARIABLES})
        try:
            context = multiprocessing.get_context("spawn")
            with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
                for done, frame in enumerate(pool.map(run_scenario, *zip(*jobs)), start=1):
                    rows.append(frame)
                    if progress:
                        progress(done, n_scenarios)
        finally:
            for name, value in saved.items():
                if value is None:
                    os.environ.pop(name, None)
                else:
                    os.environ[name] = value
    else:
        for done, job in enumerate(jobs, start=1):
            rows.append(run_scenario(*job))
            if progress:
                progress(done, n_scenarios)
    results = pd.concat(rows, ignore_index=True)
    return summarise(results) | {"results": results}


def run_scenario(scenario_seed: int, start: str, end: str, scale: float, threshold: int, n_boot: int,
                 complete: list[str] | None = None,
                 dependence: tuple[float, float] | None = DEPENDENCE_RANGE,
                 shared: list[str] | None = None) -> pd.DataFrame:
    """One seeded scenario: estimates per month x corridor next to the true count."""
    from routekit.estimate.population import estimate_strata
    from routekit.synth import simulate

    population = simulate(scenario_seed, start, end, scale, texts=False)
    link = link_from_journeys(population.journeys, threshold)
    estimates, _, _ = estimate_strata(link, n_boot=n_boot, seed=scenario_seed, kinds=KINDS, complete=complete,
                                      dependence=dependence, shared=shared)
    truth = population.corridor_month.rename(columns={"true_count": "truth"})
    merged = estimates.merge(truth, on=["period", "corridor"], how="left")
    merged["scenario"] = scenario_seed
    return merged


def summarise(results: pd.DataFrame) -> dict:
    """The figures: coverage, median relative error, share not estimable, interval width
    (median upper / lower bound)."""
    estimable = results[results["grade"] != "not_estimable"].dropna(subset=["truth", "estimate"])
    covered = (estimable["lower"] <= estimable["truth"]) & (estimable["truth"] <= estimable["upper"])
    relative = (estimable["estimate"] - estimable["truth"]).abs() / estimable["truth"]
    signed = (estimable["estimate"] - estimable["truth"]) / estimable["truth"]
    width = estimable["upper"] / estimable["lower"].clip(lower=1.0)
    by_corridor = estimable.assign(covered=covered, rel=relative, width=width).groupby("corridor").agg(
        coverage=("covered", "mean"), median_relative_error=("rel", "median"), median_width=("width", "median"),
        estimable=("covered", "size"))
    refused = (results["grade"] == "not_estimable").groupby(results["corridor"]).mean().rename("not_estimable_share")
    by_corridor = by_corridor.join(refused, how="outer")
    return {
        "strata": int(len(results)),
        "estimable": int(len(estimable)),
        "not_estimable_share": float(1 - len(estimable) / max(len(results), 1)),
        "coverage": float(covered.mean()) if len(estimable) else float("nan"),
        "median_relative_error": float(relative.median()) if len(estimable) else float("nan"),
        "median_signed_error": float(signed.median()) if len(estimable) else float("nan"),
        "median_width": float(width.median()) if len(estimable) else float("nan"),
        "below_lower": float((estimable["truth"] < estimable["lower"]).mean()) if len(estimable) else float("nan"),
        "by_corridor": by_corridor,
    }
