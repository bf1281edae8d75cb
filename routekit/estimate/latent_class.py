"""Latent-class MSE in the spirit of LCMCR (Manrique-Vallier 2016), for heterogeneous capture.

Why: when people differ in how visible they are (two groups, one seen often by every list and
one rarely), no log-linear model with two-way terms fits, and both the log-linear estimate and
its interval fall short. Latent classes model that directly: each person belongs to one of at
most ``K`` classes; within a class the lists see people independently with probabilities
``lambda[j, k]``. The class weights get a truncated stick-breaking prior (Dirichlet process,
concentration ``alpha ~ Gamma(0.25, 0.25)``), so the data decide how many classes are used; the
capture probabilities get uniform priors and the population size the prior 1/N.

The Gibbs sampler works on the table of counts, not on persons: for each capture history the
persons are split over the classes with one multinomial draw, the unseen are drawn as a negative
binomial given the chance of being missed by all lists, and every conditional is a vectorised
numpy draw. Deterministic for a given ``seed``. Estimate: posterior median of N; interval: the
central 95% of the posterior draws.

Three lists are too few: seven observed cells cannot identify even two classes (eight unknowns
with the unseen), so the posterior of N follows the priors (on ``het3`` in
``benchmarks/mse_reference.py``: coverage 0.14). The result then says so in ``reason``; the
default method of ``routekit mse`` reports the range of the heterogeneity models instead
(``heterogeneity``).
"""

from __future__ import annotations

import zlib
from dataclasses import dataclass

import numpy as np

from routekit.estimate.loglinear import CaptureTable, PopulationEstimate

__all__ = ["LatentClassResult", "estimate_latent_class"]


@dataclass(frozen=True)
class LatentClassResult(PopulationEstimate):
    """A latent-class estimate: the population estimate and the classes the posterior uses."""

    classes_used: float = float("nan")  # posterior mean of classes holding >= 1% of the population
    draws: np.ndarray | None = None


def estimate_latent_class(table: CaptureTable, *, n_classes: int = 10, burn_in: int = 1000, n_draws: int = 2000,
                          thin: int = 2, seed: int | None = 0, keep_draws: bool = False,
                          max_ratio: float = 1000.0) -> LatentClassResult:
    """Posterior median and 95% interval of the population size (Gibbs sampler, see module doc)."""
    nan = float("nan")
    observed = table.observed
    label = "latent-class"
    histories, counts = table.histories, table.counts
    if (histories.T @ counts > 0).sum() < 2 or counts[histories.sum(axis=1) >= 2].sum() == 0:
        return LatentClassResult(nan, nan, nan, False, label, "", observed,
                                 "fewer than two lists saw anyone, or nobody was seen by two or more")
    if len(table.lists) < 3:
        return LatentClassResult(nan, nan, nan, False, label, "", observed,
                                 "latent classes need three or more lists (two lists cannot show heterogeneity)")
    rng = np.random.default_rng(None if seed is None else
                                (zlib.crc32(counts.tobytes()) + 104729 * seed) % (2**32))
    cells = np.flatnonzero(counts > 0)
    h, y = histories[cells], counts[cells].astype(np.int64)  # (C, J), (C,)
    n_obs = int(y.sum())
    n_lists, k = h.shape[1], n_classes
    a_alpha, b_alpha = 0.25, 0.25
    alpha = 1.0
    weights = np.full(k, 1.0 / k)
    capture = rng.uniform(0.2, 0.8, size=(n_lists, k))
    totals, used = [], []
    n_iter = burn_in + n_draws * thin
    for iteration in range(n_iter):
        log_capture, log_miss = np.log(capture), np.log1p(-capture)
        # 1. classes of the persons seen, per capture history (one multinomial per history)
        log_p = np.log(weights)[None] + h @ log_capture + (1 - h) @ log_miss  # (C, K)
        p = np.exp(log_p - log_p.max(axis=1, keepdims=True))
        p /= p.sum(axis=1, keepdims=True)
        seen_by_class = rng.multinomial(y, p)  # (C, K)
        # 2. the unseen: negative binomial given the chance of being missed by every list
        missed_by_class = weights * np.exp(log_miss.sum(axis=0))  # (K,)
        missed = float(missed_by_class.sum())
        n0 = int(rng.negative_binomial(n_obs, max(1.0 - missed, 1e-12))) if missed > 0 else 0
        if n0 > max_ratio * n_obs:
            return LatentClassResult(nan, nan, nan, False, label, "", observed,
                                     f"the unseen ran past {max_ratio:g} times the persons seen: the data give no "
                                     "upper bound")
        unseen_by_class = rng.multinomial(n0, missed_by_class / missed) if n0 else np.zeros(k, np.int64)
        members = seen_by_class.sum(axis=0) + unseen_by_class  # (K,)
        # 3. capture probabilities per list and class (Beta(1, 1) prior)
        caught = h.T @ seen_by_class  # (J, K)
        capture = rng.beta(1.0 + caught, 1.0 + members[None] - caught)
        capture = np.clip(capture, 1e-10, 1 - 1e-10)
        # 4. class weights: truncated stick-breaking
        after = np.concatenate([np.cumsum(members[::-1])[::-1][1:], [0]])
        sticks = rng.beta(1.0 + members[:-1], alpha + after[:-1])
        sticks = np.clip(sticks, 1e-12, 1 - 1e-12)
        weights = np.concatenate([sticks, [1.0]]) * np.concatenate([[1.0], np.cumprod(1 - sticks)])
        weights = np.maximum(weights, 1e-300)
        # 5. concentration
        alpha = rng.gamma(a_alpha + k - 1, 1.0 / (b_alpha - np.log1p(-sticks).sum()))
        if iteration >= burn_in and (iteration - burn_in) % thin == 0:
            totals.append(n_obs + n0)
            used.append(int((members >= 0.01 * members.sum()).sum()))
    draws = np.array(totals, float)
    estimate = float(np.median(draws))
    lower, upper = np.quantile(draws, [0.025, 0.975])
    caveat = ("with 3 lists latent classes are not identifiable (7 cells, 8 unknowns for two classes): the "
              "posterior follows the prior, not the data" if n_lists == 3 else "")
    return LatentClassResult(estimate, float(lower), float(upper), True, label,
                             f"latent classes (at most {k}, stick-breaking prior)", observed, caveat,
                             float(np.mean(used)), draws if keep_draws else None)
