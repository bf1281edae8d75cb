"""``routekit mse``: one population estimate from any capture-history table, as a one-row CSV.

Any multiple-systems question in the chain (e.g. the Dutch trafficking estimate, or a check on a
link table) can be asked of a plain table without the pipeline: log-linear models with sparse
overlaps fitted at the boundary (``loglinear``), or latent classes where capture probabilities
differ between unseen groups of people (``latent_class``).

The default, ``stepwise``, is the log-linear stepwise search followed by the heterogeneity check
of ``heterogeneity``: when the table shows positive heterogeneity of capture, the row reports the
AIC average of the log-linear and Mth models and the range of their intervals (``method``
``loglinear-stepwise+heterogeneity``, the models and weights in ``model``, why in ``reason``).
``stepwise-plain`` is the log-linear search alone.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd

from routekit.estimate.heterogeneity import check_heterogeneity
from routekit.estimate.latent_class import estimate_latent_class
from routekit.estimate.loglinear import CaptureTable, estimate_loglinear, read_capture_file

METHODS = ("stepwise", "aic", "latent-class", "stepwise-plain")
COLUMNS = ["estimate", "lower", "upper", "estimable", "method", "model", "reason", "observed"]


def estimate_table(table: CaptureTable, method: str = "stepwise", seed: int = 0, n_boot: int = 199) -> dict:
    """One row (dict with ``COLUMNS``) for a capture table."""
    if method == "latent-class":
        result = estimate_latent_class(table, seed=seed)
        notes = [result.reason]
        if result.estimable:
            notes.append(f"posterior median and central 95% (Gibbs sampler); about {result.classes_used:.1f} classes "
                         "hold people")
        return {"estimate": result.estimate, "lower": result.lower, "upper": result.upper,
                "estimable": result.estimable, "method": result.method, "model": result.model,
                "reason": "; ".join(filter(None, notes)), "observed": result.observed}
    result = estimate_loglinear(table, "stepwise" if method == "stepwise-plain" else method, n_boot=n_boot, seed=seed)
    notes = [result.reason]
    if result.boundary:
        notes.append(f"{', '.join(result.boundary)} fitted at minus infinity (nobody in common: extended MLE)")
    row = {"estimate": result.estimate, "lower": result.lower, "upper": result.upper,
           "estimable": result.estimable, "method": result.method, "model": result.model,
           "reason": "; ".join(filter(None, notes)), "observed": result.observed}
    if method != "stepwise" or not result.estimable or len(table.lists) < 3:
        return row
    check = check_heterogeneity(table, result, n_boot=n_boot, seed=seed)
    if not check.detected:
        return row
    model = " | ".join(f"{m.name} {m.weight:.2f}" for m in check.candidates)
    return {**row, "estimate": check.estimate, "lower": check.lower, "upper": check.upper,
            "method": f"{result.method}+heterogeneity", "model": f"AIC average: {model}",
            "reason": "; ".join(filter(None, [row["reason"], check.reason]))}


def estimate_file(path: Path, out: Path, method: str = "stepwise", seed: int = 0, n_boot: int = 199) -> dict:
    """Read ``path``, estimate, write the one-row CSV to ``out``; returns the row."""
    row = estimate_table(read_capture_file(path), method, seed, n_boot)
    frame = pd.DataFrame([row], columns=COLUMNS)
    for column in ("estimate", "lower", "upper"):
        frame[column] = frame[column].map(lambda v: round(float(v), 1) if np.isfinite(v) else np.nan)
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    frame.to_csv(out, index=False)
    return row
