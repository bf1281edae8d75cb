"""Heterogeneity of capture: a check, and a sensitivity range from Rcapture-style Mth models.

Why: when people differ in how visible they are (one group seen often by every list, another
rarely), every list over-samples the same visible people. The lists look positively dependent,
and a log-linear model with two-way terms extrapolates to the unseen from the visible group: it
underestimates, and its interval does not hold the truth (the ``het3`` truth in
``benchmarks/mse_reference.py``: coverage 0.12, median error -38%).

With three lists this cannot be repaired by a better model. Seven observed cells cannot separate
two classes of visibility from the unseen (Link 2003: under heterogeneous capture the population
size is not identifiable; only a lower bound, Chao 1987, is). The Mth models of Rivest &
Baillargeon (Rcapture's ``closedp``: a main effect per list plus one column ``h(k)`` in the number
``k`` of lists that saw a person) all fit such a table equally well and still disagree by a factor
two (expected ``het3`` table: Chao's lower bound 1,516, Poisson2 1,456, Darroch 1,662, Gamma3.5
1,948; truth 2,000; deviance 0.02 for each). So what an honest default can do is *detect* positive
heterogeneity and then report the range these models span, saying so, instead of the narrow
interval of one log-linear model. With four or more lists the cells with ``k >= 3`` show the
curvature in ``k`` and AIC separates the models better.

The check, in three steps:

1. **Evidence** (``p_value``): each heterogeneity form (Poisson2 ``2^k - 1``, Darroch ``k^2 / 2``,
   Gamma3.5 ``-log(1 + k / 3.5)``) is added to Mt (main effects only); the largest
   likelihood-ratio statistic among forms whose coefficient is positive (more persons seen by
   several lists than independence predicts) is tested with one degree of freedom, Bonferroni over
   the three forms. Negative dependence (lists that avoid each other) never counts as evidence.
2. **Candidates**: the log-linear model the search chose (refitted here, with pairs at minus
   infinity fitted at the boundary, to get its log-likelihood on the same scale) and the Mth models
   Chao (lower bound: counts seen by three or more lists left free), Poisson2, Darroch, Gamma3.5.
3. **Average and range**: the estimate is the AIC-weighted average of the candidates; the interval
   runs from the lowest to the highest 95% bound among candidates within ``max_delta_aic`` (10) AIC
   units of the best (Burnham & Anderson: beyond 10, essentially no support), never below the
   persons seen. Mth intervals: parametric bootstrap (percentiles) refitting the same model.

This is a sensitivity range over the standard heterogeneity models, not a guarantee: a population
with a class still less visible than these forms allow lies above it, and no table of three lists
can show that.
"""

from __future__ import annotations

import zlib
from dataclasses import dataclass, field
from typing import Callable

import numpy as np
from scipy.special import gammaln
from scipy.stats import chi2

__all__ = ["HETEROGENEITY_FORMS", "CandidateModel", "HeterogeneityCheck", "check_heterogeneity", "fit_mth"]

# Rcapture's standard forms for the heterogeneity column, in the number k of lists that saw a person.
HETEROGENEITY_FORMS: dict[str, Callable[[np.ndarray], np.ndarray]] = {
    "Poisson2": lambda k: 2.0**k - 1.0,
    "Darroch": lambda k: k**2 / 2.0,
    "Gamma3.5": lambda k: -np.log1p(k / 3.5),
}
_NEWTON_ITER = 100


@dataclass(frozen=True)
class CandidateModel:
    """One model's estimate of the population, its 95% interval, fit and AIC weight."""

    name: str
    estimate: float
    lower: float
    upper: float
    loglik: float
    n_params: int
    aic: float
    weight: float = 0.0
    tau: float = float("nan")  # the heterogeneity coefficient (Mth Poisson2, Darroch, Gamma3.5)


@dataclass(frozen=True)
class HeterogeneityCheck:
    """Whether positive heterogeneity shows, and the range over the models when it does."""

    detected: bool  # 3 lists: any excess of multiple captures; more lists: the test at p_threshold
    statistic: float
    p_value: float
    form: str  # the heterogeneity form with the largest LR statistic (positive coefficient)
    estimate: float = float("nan")
    lower: float = float("nan")
    upper: float = float("nan")
    candidates: tuple[CandidateModel, ...] = ()
    reason: str = ""
    in_range: tuple[str, ...] = field(default=())  # candidates whose intervals make the range


def _poisson_fit(x: np.ndarray, y: np.ndarray) -> tuple[np.ndarray, np.ndarray, float] | None:
    """Poisson MLE by Newton with step halving; None when it does not converge (MLE at infinity)."""
    beta = np.zeros(x.shape[1])
    beta[0] = np.log(max(y.mean(), 0.5))
    mu = np.exp(x @ beta)
    loglik = _loglik(y, mu)
    for _ in range(_NEWTON_ITER):
        score = x.T @ (y - mu)
        information = x.T @ (mu[:, None] * x)
        try:
            step = np.linalg.solve(information, score)
        except np.linalg.LinAlgError:
            return None
        scale = 1.0
        while scale > 1e-6:
            trial = beta + scale * step
            trial_mu = np.exp(np.clip(x @ trial, -700, 700))
            trial_loglik = _loglik(y, trial_mu)
            if trial_loglik >= loglik - 1e-12:
                break
            scale /= 2
        beta, mu, previous, loglik = trial, trial_mu, loglik, trial_loglik
        if np.max(np.abs(scale * step)) < 1e-9 or abs(loglik - previous) < 1e-12 * max(1.0, abs(loglik)):
            return (beta, mu, loglik) if np.isfinite(beta).all() else None
    return None


def _loglik(y: np.ndarray, mu: np.ndarray) -> float:
    """Poisson log-likelihood (with the constant, so models on the same cells compare)."""
    with np.errstate(divide="ignore", invalid="ignore"):
        terms = np.where(y > 0, y * np.log(mu), 0.0) - mu - gammaln(y + 1)
    return float(terms.sum())


def _mth_design(histories: np.ndarray, form: str) -> np.ndarray:
    """Intercept, one main effect per list and the heterogeneity column(s) of ``form``."""
    k = histories.sum(axis=1)
    base = [np.ones(len(histories)), *histories.T]
    if form == "Mt":
        return np.column_stack(base)
    if form == "Chao":  # one free level per k >= 3: the unseen follow from k = 1, 2 (Chao's lower bound)
        return np.column_stack(base + [(k == j).astype(float) for j in range(3, histories.shape[1] + 1)])
    return np.column_stack(base + [HETEROGENEITY_FORMS[form](k)])


def fit_mth(histories: np.ndarray, y: np.ndarray, form: str) -> dict | None:
    """Fit Mt, Mth Chao or an Mth form; ``unseen`` is the fitted all-zero cell (every h(0) is 0).

    Chao's free levels whose cells are all empty are fitted at zero (dropped with their cells)."""
    x = _mth_design(histories, form)
    keep_rows = np.ones(len(y), bool)
    keep_cols = np.ones(x.shape[1], bool)
    if form == "Chao":
        for c in range(1 + histories.shape[1], x.shape[1]):
            rows = x[:, c] > 0
            if y[rows].sum() == 0:
                keep_rows &= ~rows
                keep_cols[c] = False
    fitted = _poisson_fit(x[keep_rows][:, keep_cols], y[keep_rows])
    if fitted is None:
        return None
    beta, mu, loglik = fitted
    full_mu = np.zeros(len(y))
    full_mu[keep_rows] = mu
    tau = float(beta[-1]) if form in HETEROGENEITY_FORMS else float("nan")
    return {"unseen": float(np.exp(beta[0])), "mu": full_mu, "loglik": loglik, "n_params": x.shape[1], "tau": tau}


def _pairs_of(model_label: str, lists: tuple[str, ...]) -> list[tuple[int, int]] | None:
    """The pairs named in a log-linear model label ('independence' or 'A:B + C:D'); None if unknown."""
    if model_label == "independence":
        return []
    names = {f"{lists[i]}:{lists[j]}": (i, j) for i in range(len(lists)) for j in range(i + 1, len(lists))}
    pairs = [names.get(part.strip()) for part in model_label.split(" + ")]
    return None if any(p is None for p in pairs) else pairs


def fit_pairwise(histories: np.ndarray, y: np.ndarray, pairs: list[tuple[int, int]],
                 boundary: list[tuple[int, int]]) -> dict | None:
    """A pairwise log-linear model; pairs in ``boundary`` at minus infinity (their cells fitted at zero)."""
    rows = np.ones(len(y), bool)
    for i, j in boundary:
        rows &= ~((histories[:, i] > 0) & (histories[:, j] > 0))
    free = [p for p in pairs if p not in boundary]
    x = np.column_stack([np.ones(len(y)), *histories.T, *[histories[:, i] * histories[:, j] for i, j in free]])
    fitted = _poisson_fit(x[rows], y[rows])
    if fitted is None:
        return None
    beta, _, loglik = fitted
    return {"unseen": float(np.exp(beta[0])), "loglik": loglik, "n_params": x.shape[1] + len(boundary)}


def _bootstrap_interval(histories: np.ndarray, fit: dict, form: str, n_boot: int, rng: np.random.Generator,
                        max_ratio: float) -> tuple[float, float]:
    """Percentile 95% interval of seen + unseen over parametric replicates refitted with ``form``."""
    totals = np.full(n_boot, np.inf)
    for r in range(n_boot):
        replicate = rng.poisson(fit["mu"]).astype(float)
        refit = fit_mth(histories, replicate, form)
        if refit is not None and refit["unseen"] <= max_ratio * max(replicate.sum(), 1.0):
            totals[r] = replicate.sum() + refit["unseen"]
    lower, upper = np.quantile(np.sort(totals), [0.025, 0.975], method="inverted_cdf")
    return float(lower), float(upper)


def heterogeneity_evidence(histories: np.ndarray, y: np.ndarray) -> tuple[float, float, str, dict]:
    """(LR statistic, Bonferroni p, form, fits): positive heterogeneity against Mt."""
    fits = {form: fit_mth(histories, y, form) for form in ("Mt", *HETEROGENEITY_FORMS, "Chao")}
    best, statistic = "", 0.0
    if fits["Mt"] is not None:
        for form in HETEROGENEITY_FORMS:
            fit = fits[form]
            if fit is None or not fit["tau"] > 0:
                continue
            lr = 2.0 * (fit["loglik"] - fits["Mt"]["loglik"])
            if lr > statistic:
                best, statistic = form, lr
    p_value = min(1.0, len(HETEROGENEITY_FORMS) * float(chi2.sf(statistic, 1))) if best else 1.0
    return statistic, p_value, best, fits


def check_heterogeneity(table, loglinear, *, p_threshold: float = 0.02, n_boot: int = 199, seed: int | None = 0,
                        max_delta_aic: float = 10.0, max_ratio: float = 1000.0) -> HeterogeneityCheck:
    """Test for positive heterogeneity; when found, average the chosen log-linear model with the Mth
    models by AIC and give the range of their intervals (see the module docstring).

    ``table``: a ``CaptureTable``; ``loglinear``: the ``LoglinearResult`` of the same table."""
    histories, y = table.histories, table.counts
    statistic, p_value, form, fits = heterogeneity_evidence(histories, y)
    three_lists = len(table.lists) == 3
    if not form or not (three_lists or p_value < p_threshold):
        return HeterogeneityCheck(False, statistic, p_value, form)
    candidates: list[dict] = []
    unplaced = False  # the log-linear model could not be put on the AIC scale: its interval joins the range
    if loglinear.estimable:
        pairs = _pairs_of(loglinear.model, table.lists)
        boundary = _pairs_of(" + ".join(loglinear.boundary), table.lists) if loglinear.boundary else []
        refit = fit_pairwise(histories, y, pairs, boundary) if pairs is not None and boundary is not None else None
        # only when the refit reproduces the search's own estimate (same model, same MLE)
        reproduced = refit is not None and abs(refit["unseen"] + table.observed - loglinear.estimate) <= (
            1e-4 * loglinear.estimate)
        unplaced = not reproduced
        if reproduced:
            candidates.append({"name": f"log-linear {loglinear.model}", "estimate": loglinear.estimate,
                               "lower": loglinear.lower, "upper": loglinear.upper, "loglik": refit["loglik"],
                               "n_params": refit["n_params"], "tau": float("nan")})
    rng = np.random.default_rng(None if seed is None else (zlib.crc32(y.tobytes()) + 15485863 * seed) % (2**32))
    bounds = {}
    for name in ("Chao", *HETEROGENEITY_FORMS):
        fit = fits[name]
        if fit is None or fit["unseen"] > max_ratio * max(table.observed, 1.0):
            continue
        lower, upper = _bootstrap_interval(histories, fit, name, n_boot, rng, max_ratio) if n_boot > 0 else (
            float("nan"), float("nan"))
        bounds[name] = (table.observed + fit["unseen"], lower, upper)
        if name != "Chao":  # Chao's model is a lower bound: it sets the range's floor, not the estimate
            candidates.append({"name": f"Mth {name}", "estimate": table.observed + fit["unseen"], "lower": lower,
                               "upper": upper, "loglik": fit["loglik"], "n_params": fit["n_params"],
                               "tau": fit["tau"]})
    if not candidates:
        return HeterogeneityCheck(False, statistic, p_value, form, reason="no heterogeneity model could be fitted")
    aic = np.array([2 * c["n_params"] - 2 * c["loglik"] for c in candidates])
    delta = aic - aic.min()
    weights = np.exp(-delta / 2)
    weights /= weights.sum()
    models = tuple(CandidateModel(c["name"], c["estimate"], c["lower"], c["upper"], c["loglik"], c["n_params"],
                                  float(a), float(w), c["tau"]) for c, a, w in zip(candidates, aic, weights))
    supported = [m for m, d in zip(models, delta) if d <= max_delta_aic]
    estimate = float(weights @ np.array([c["estimate"] for c in candidates]))
    chao_lower = [bounds["Chao"][1]] if "Chao" in bounds else []
    joined = [loglinear.lower, loglinear.upper] if unplaced else []
    lower = max(min([m.lower for m in supported] + chao_lower + joined + [estimate]), table.observed)
    upper = max([m.upper for m in supported] + joined + [estimate])
    if n_boot <= 0:  # no bootstrap, no interval (as the log-linear search without replicates)
        lower = upper = float("nan")
    shown = ", ".join(f"{m.name} {m.estimate:,.0f} ({m.lower:,.0f}-{m.upper:,.0f}, weight {m.weight:.2f})"
                      for m in supported)
    if unplaced:
        shown += (f", log-linear {loglinear.model} {loglinear.estimate:,.0f} ({loglinear.lower:,.0f}-"
                  f"{loglinear.upper:,.0f}, not refitted for its AIC: in the range, not in the average)")
    if chao_lower:
        shown += f", Chao's lower bound {bounds['Chao'][0]:,.0f} ({bounds['Chao'][1]:,.0f}-{bounds['Chao'][2]:,.0f})"
    if three_lists:
        reason = (f"heterogeneity sensitive: with 3 lists, persons seen by several lists exceed independence "
                  f"(LR {statistic:.1f}, {form}) and unequal visibility cannot be told apart from list dependence "
                  f"(Link 2003): the estimate is the AIC average of the log-linear and heterogeneity (Mth) "
                  f"models, the interval spans them: {shown}; a still less visible group would lie above it")
    else:
        reason = (f"capture heterogeneity: persons seen by several lists exceed independence (LR {statistic:.1f}, "
                  f"p {p_value:.2g}, {form}); the estimate is the AIC average of the log-linear and heterogeneity "
                  f"(Mth) models, the interval spans those within {max_delta_aic:g} AIC units: {shown}")
    return HeterogeneityCheck(True, statistic, p_value, form, estimate, float(lower), float(upper), models, reason,
                              tuple(m.name for m in supported))
