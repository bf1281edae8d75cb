"""Log-linear MSE for any capture-history table, sparse overlaps included.

Why a second engine next to ``mse.py``
--------------------------------------
``mse.py`` serves the pipeline (strata, suppressed cells, complete registrations). It keeps only
models whose pairs of lists share someone in the data, which on real, sparse tables throws away
the models that fit best (two lists with nobody in common are strongly negatively dependent) and
doubles the estimate. This module fits one plain table (one 0/1 column per list plus ``count``)
the way the extended-MLE literature does:

- **Boundary MLE.** A model whose maximum likelihood lies at infinity (an interaction at minus
  infinity because its overlap is empty) is fitted by its *extended* MLE: cells in which the model
  must expect zero persons are found with the linear programme of Geyer (2009) and Fienberg &
  Rinaldo (2012) (the *facial set*); the model is fitted on the other cells.
- **Identifiability.** The unseen cell ``exp(u0)`` must still be determined by the cells that
  remain (Chan, Silverman & Vincent 2021): its design row must lie in their row space. A model
  where it does not is no candidate (in the data or in a bootstrap replicate).
- **Existence without a linear programme.** Newton converging to a stationary point proves that
  the MLE exists (the likelihood is strictly concave), so the LP only runs when Newton does not
  converge quickly; the LP result is cached per model and zero pattern.
- **Model search that scales.** ``stepwise`` (forward, likelihood-ratio p below ``p_threshold``,
  0.02 as in SparseMSE) fits at most ``pairs`` models per step; ``aic`` averages every model
  (Buckland et al. 1997) when there are at most ``max_models`` of them and refuses with a reason
  otherwise, never trying to list 2^28 models.
- **Intervals.** Parametric bootstrap from the chosen model with the whole search rerun on every
  replicate (model choice is part of the uncertainty); replicates that lose an overlap are fitted
  at the boundary like the data. BCa interval (Efron 1987): bias from the replicates, acceleration
  from a jackknife over persons with the chosen model.

Degrees of freedom: an interaction at its boundary counts as one parameter (it was estimated, at
minus infinity), as in the fits of Rcapture and SparseMSE.
"""

from __future__ import annotations

import itertools
import zlib
from dataclasses import dataclass, field

import numpy as np
import pandas as pd
from scipy.optimize import linprog
from scipy.special import gammaln
from scipy.stats import chi2, norm

__all__ = ["CaptureTable", "LoglinearResult", "capture_table", "estimate_loglinear", "MAX_CELLS_X_COLUMNS"]

# 2^S - 1 cells times 1 + S + S(S-1)/2 columns: 12 lists are 4,095 x 79 = 323,505; 16 lists 9 million
# (72 MB per design matrix); beyond this the table is refused, not tried.
MAX_CELLS_X_COLUMNS = 2_000_000
MAX_COUNT = 10**12  # persons in one cell of a capture-history table, at most
_NEWTON_ITER = 60
_TOL = 1e-9


@dataclass(frozen=True)
class CaptureTable:
    """Counts per capture history over every observable history (the all-zero one excluded)."""

    lists: tuple[str, ...]
    histories: np.ndarray  # (C, S) 0/1
    counts: np.ndarray  # (C,) float

    @property
    def observed(self) -> float:
        return float(self.counts.sum())


@dataclass(frozen=True)
class PopulationEstimate:
    """One population estimate of any method; NaN with ``reason`` when not estimable."""

    estimate: float
    lower: float
    upper: float
    estimable: bool
    method: str
    model: str
    observed: float
    reason: str = ""


@dataclass(frozen=True)
class LoglinearResult(PopulationEstimate):
    """A log-linear estimate: the population estimate, the boundary terms, the model weights, the bootstrap."""

    boundary: tuple[str, ...] = ()  # interactions of the chosen model fitted at minus infinity
    model_weights: dict[str, float] = field(default_factory=dict)
    bootstrap_failed_share: float = 0.0
    draws: np.ndarray | None = field(default=None, repr=False, compare=False)


def _too_large(n_lists: int) -> str:
    """Why a table of ``n_lists`` lists is refused before anything is built ('' when it fits the cap)."""
    width = 1 + n_lists + n_lists * (n_lists - 1) // 2
    if (2**n_lists - 1) * width > MAX_CELLS_X_COLUMNS:
        return (f"{n_lists} lists give {2**n_lists - 1:,} capture histories x {width} parameters, above the "
                f"cap of {MAX_CELLS_X_COLUMNS:,}: merge lists")
    return ""


def capture_table(frame: pd.DataFrame, lists: list[str] | None = None) -> CaptureTable:
    """Collapse rows to one count per history; absent histories are zero. Raises ValueError."""
    if "count" not in frame.columns:
        raise ValueError("the table needs a 'count' column")
    lists = list(lists) if lists is not None else [c for c in frame.columns if c != "count"]
    if len(lists) < 2:
        raise ValueError("the table needs at least two list columns besides 'count'")
    flags = frame[lists].to_numpy(dtype=float)
    if not np.isin(flags, (0.0, 1.0)).all():
        raise ValueError("list columns must hold 0 or 1")
    counts = frame["count"].to_numpy(dtype=float)
    if not np.isfinite(counts).all() or (counts < 0).any() or (counts != np.round(counts)).any():
        raise ValueError("counts must be whole numbers >= 0")
    n_lists = len(lists)
    too_large = _too_large(n_lists)
    if too_large:
        raise ValueError(too_large)
    histories = _histories(n_lists)
    code = flags @ (2 ** np.arange(n_lists)[::-1])
    full = np.zeros(2**n_lists)
    np.add.at(full, code.astype(int), counts)
    return CaptureTable(tuple(lists), histories, full[1:])


# ----------------------------------------------------------------------------- one model


def _histories(n_lists: int) -> np.ndarray:
    """Every observable capture history, in binary order (first list = highest bit)."""
    codes = np.arange(1, 2**n_lists)
    return ((codes[:, None] >> np.arange(n_lists - 1, -1, -1)[None]) & 1).astype(float)


class _Engine:
    """The design matrix of all pairwise models over one set of lists, and fits of its models."""

    def __init__(self, n_lists: int):
        self.n_lists = n_lists
        cells = _histories(n_lists)
        self.pairs = list(itertools.combinations(range(n_lists), 2))
        columns = [np.ones(len(cells)), *cells.T, *[cells[:, i] * cells[:, j] for i, j in self.pairs]]
        self.design = np.column_stack(columns)
        self.n_base = 1 + n_lists
        self._faces: dict[tuple, tuple] = {}
        self.n_fits = 0  # models fitted so far (the work cap counts them)

    def columns(self, model: tuple[int, ...]) -> np.ndarray:
        return np.array([*range(self.n_base), *(self.n_base + k for k in model)], dtype=int)

    def label(self, model: tuple[int, ...], lists: tuple[str, ...]) -> str:
        if not model:
            return "independence"
        return " + ".join(f"{lists[self.pairs[k][0]]}:{lists[self.pairs[k][1]]}" for k in sorted(model))

    def fit(self, model: tuple[int, ...], y: np.ndarray, start: np.ndarray | None = None) -> dict | None:
        """The (extended) MLE of one model; None when the unseen cell is not identifiable."""
        x = self.design[:, self.columns(model)]
        if start is not None and start.shape == (x.shape[1],):
            beta = start.copy()
        else:
            beta = np.zeros(x.shape[1])
            beta[0] = np.log(max(y.mean(), 0.5))
        beta, converged = _newton(x, y, beta)
        if converged:
            mu = np.exp(x @ beta)
            return {"model": model, "beta": beta, "mu": mu, "loglik": _loglik(y, mu), "unseen": float(np.exp(beta[0])),
                    "outside": np.zeros(len(y), bool), "n_params": x.shape[1]}
        return self._fit_without_empty_pairs(model, x, y, start) or self._fit_on_face(model, x, y)

    def fit_many(self, models: list[tuple[int, ...]], y: np.ndarray,
                 starts: list[np.ndarray | None]) -> list[dict | None]:
        """Fit models of one size together (one batched Newton); those whose MLE is not reached
        quickly (it lies on the boundary) are fitted on their facial set one by one."""
        if not models:
            return []
        empty = set(self.empty_pairs(y))
        fits: list[dict | None] = [None] * len(models)
        plain = []
        for i, model in enumerate(models):
            if empty.intersection(model):  # at the boundary for sure: no Newton towards infinity
                x = self.design[:, self.columns(model)]
                fits[i] = self._fit_without_empty_pairs(model, x, y, starts[i]) or self._fit_on_face(model, x, y)
            else:
                plain.append(i)
        if not plain:
            return fits
        # batches of at most ~2 million numbers, so 16 lists do not stack gigabytes
        size = max(1, int(2_000_000 // (self.design.shape[0] * (self.n_base + len(models[plain[0]])))))
        if len(plain) > size:
            for part in range(0, len(plain), size):
                chunk = plain[part:part + size]
                for i, fit in zip(chunk, self.fit_many([models[i] for i in chunk], y, [starts[i] for i in chunk])):
                    fits[i] = fit
            return fits
        self.n_fits += len(plain)
        xs = np.stack([self.design[:, self.columns(models[i])] for i in plain])  # (K, C, P)
        betas = np.zeros((len(plain), xs.shape[2]))
        betas[:, 0] = np.log(max(y.mean(), 0.5))
        for row, i in enumerate(plain):
            if starts[i] is not None and starts[i].shape == betas[row].shape:
                betas[row] = starts[i]
        betas, converged = _newton_batch(xs, y, betas)
        for row, i in enumerate(plain):
            if converged[row]:
                mu = np.exp(xs[row] @ betas[row])
                fits[i] = {"model": models[i], "beta": betas[row], "mu": mu, "loglik": _loglik(y, mu),
                           "unseen": float(np.exp(betas[row][0])), "outside": np.zeros(len(y), bool),
                           "n_params": xs.shape[2]}
            else:
                fits[i] = self._fit_on_face(models[i], xs[row], y)
        return fits

    def empty_pairs(self, y: np.ndarray) -> tuple[int, ...]:
        """Pairs of lists with nobody in common (their interaction, if in a model, is at minus infinity)."""
        return tuple(int(k) for k in np.flatnonzero(y @ (self.design[:, self.n_base:] > 0) == 0))

    def _fit_without_empty_pairs(self, model, x, y, start: np.ndarray | None = None) -> dict | None:
        """The extended MLE when the model's empty pairs explain its boundary: their overlap cells
        are expected empty (the interaction at minus infinity) and the rest has an ordinary MLE.
        Exact: those interactions touch no other cell, so the rest's MLE is the supremum. None when
        that is not so (then the linear programme decides)."""
        empty = [k for k in model if y[self.design[:, self.n_base + k] > 0].sum() == 0]
        if not empty:
            return None
        outside = (self.design[:, [self.n_base + k for k in empty]] > 0).any(axis=1)
        keep_columns = [c for c, k in enumerate([None] * self.n_base + list(model)) if k not in empty]
        key = ("pairs", model, tuple(empty))
        if key not in self._faces:
            reduced = x[~outside][:, keep_columns]
            rank = np.linalg.matrix_rank(reduced)
            self._faces[key] = rank == reduced.shape[1]
        if not self._faces[key]:
            return None
        reduced = x[~outside][:, keep_columns]
        if start is not None and start.shape == (x.shape[1],) and np.isfinite(start[keep_columns]).all():
            start = start[keep_columns]
        else:
            start = np.zeros(len(keep_columns))
            start[0] = np.log(max(y.mean(), 0.5))
        gamma, converged = _newton(reduced, y[~outside], start, iterations=30)
        if not converged:
            return None
        beta = np.full(x.shape[1], -np.inf)
        beta[keep_columns] = gamma
        mu = np.zeros(len(y))
        mu[~outside] = np.exp(reduced @ gamma)
        return {"model": model, "beta": np.where(np.isfinite(beta), beta, -30.0), "mu": mu, "loglik": _loglik(y, mu),
                "unseen": float(np.exp(gamma[0])), "outside": outside, "n_params": x.shape[1]}

    def _fit_on_face(self, model, x, y) -> dict | None:
        zero = y == 0
        key = (model, np.packbits(zero).tobytes())
        if key not in self._faces:
            outside = _outside_facial_set(x, zero)
            inside = ~outside
            # An orthonormal basis of the row space of the cells that remain: the fit is unique there.
            _, values, vt = np.linalg.svd(x[inside], full_matrices=False)
            rank = int((values > values[0] * 1e-10).sum()) if values.size else 0
            basis = vt[:rank].T  # (P, r)
            unit = np.zeros(x.shape[1])
            unit[0] = 1.0
            identifiable = rank > 0 and np.linalg.norm(unit - basis @ (basis.T @ unit)) < 1e-7
            self._faces[key] = (outside, basis, identifiable)
        outside, basis, identifiable = self._faces[key]
        if not identifiable:
            return None
        inside = ~outside
        z = x[inside] @ basis
        gamma = np.zeros(basis.shape[1])
        gamma = np.linalg.lstsq(z, np.log(np.maximum(y[inside], 0.5)), rcond=None)[0]
        gamma, converged = _newton(z, y[inside], gamma)
        if not converged:
            return None
        beta = basis @ gamma
        mu = np.zeros(len(y))
        mu[inside] = np.exp(z @ gamma)
        return {"model": model, "beta": beta, "mu": mu, "loglik": _loglik(y, mu), "unseen": float(np.exp(beta[0])),
                "outside": outside, "n_params": x.shape[1]}


def _newton(x: np.ndarray, y: np.ndarray, beta: np.ndarray, iterations: int = _NEWTON_ITER) -> tuple[np.ndarray, bool]:
    """Poisson Newton-Raphson; converged means a stationary point was reached (so the MLE exists)."""
    for _ in range(iterations):
        eta = np.clip(x @ beta, -60.0, 40.0)
        mu = np.exp(eta)
        gradient = x.T @ (y - mu)
        information = (x * mu[:, None]).T @ x
        try:
            step = np.linalg.solve(information + 1e-12 * np.eye(len(beta)), gradient)
        except np.linalg.LinAlgError:
            return beta, False
        biggest = np.abs(step).max()
        if not np.isfinite(biggest):
            return beta, False
        if biggest > 3.0:
            step *= 3.0 / biggest
        beta = beta + step
        if biggest < 1e-7 and np.abs(gradient).max() < 1e-6 * (1.0 + y.sum()):
            return beta, True
    return beta, False


def _newton_batch(xs: np.ndarray, y: np.ndarray, betas: np.ndarray,
                  iterations: int = 30) -> tuple[np.ndarray, np.ndarray]:
    """Newton for K models at once (xs (K, C, P)); a model that has not converged after
    ``iterations`` steps is left to the facial-set fit (its MLE is at infinity)."""
    converged = np.zeros(len(xs), bool)
    eye = 1e-12 * np.eye(xs.shape[2])
    for _ in range(iterations):
        todo = ~converged
        if not todo.any():
            break
        x, beta = xs[todo], betas[todo]
        mu = np.exp(np.minimum((x @ beta[..., None])[..., 0], 40.0))
        gradient = (np.swapaxes(x, 1, 2) @ (y[None] - mu)[..., None])[..., 0]
        information = np.swapaxes(x * mu[..., None], 1, 2) @ x + eye
        step = np.linalg.solve(information, gradient[..., None])[..., 0]
        biggest = np.abs(step).max(axis=1)
        step *= np.minimum(1.0, 3.0 / np.maximum(biggest, 1e-300))[:, None]
        betas[todo] = beta + step
        stationary = (biggest < 1e-7) & (np.abs(gradient).max(axis=1) < 1e-6 * (1.0 + y.sum()))
        converged[np.flatnonzero(todo)[stationary]] = True
    return betas, converged


def _loglik(y: np.ndarray, mu: np.ndarray) -> float:
    positive = mu > 0
    return float((y[positive] * np.log(mu[positive]) - mu[positive]).sum() - gammaln(y + 1.0).sum())


def _outside_facial_set(x: np.ndarray, zero: np.ndarray) -> np.ndarray:
    """Cells whose extended-MLE mean is zero: some direction c keeps X c = 0 on the positive cells,
    X c >= 0 on the empty ones and > 0 on them (the LP of Geyer 2009; one LP finds them all, since
    a sum of such directions is one)."""
    outside = np.zeros(len(zero), bool)
    n_zero = int(zero.sum())
    if n_zero == 0:
        return outside
    n_params = x.shape[1]
    objective = np.concatenate([np.zeros(n_params), -np.ones(n_zero)])
    a_ub = np.hstack([-x[zero], np.eye(n_zero)])
    a_eq = np.hstack([x[~zero], np.zeros(((~zero).sum(), n_zero))]) if (~zero).any() else None
    b_eq = np.zeros(len(a_eq)) if a_eq is not None else None
    bounds = [(None, None)] * n_params + [(0.0, 1.0)] * n_zero
    solution = linprog(objective, A_ub=a_ub, b_ub=np.zeros(n_zero), A_eq=a_eq, b_eq=b_eq, bounds=bounds,
                       method="highs")
    if solution.status != 0:
        return outside
    outside[np.flatnonzero(zero)] = solution.x[n_params:] > 1e-6
    return outside


# ----------------------------------------------------------------------------- model search


class SearchRefused(Exception):
    """The search would exceed its cap; the message says why."""


def _stepwise(engine: _Engine, y: np.ndarray, p_threshold: float, starts: dict | None = None) -> dict | None:
    """Forward selection from the main effects plus the empty pairs at minus infinity: add the
    interaction with the largest likelihood-ratio statistic while its p-value is below
    ``p_threshold``. None: not even that start is estimable."""
    current = engine.fit((), y, (starts or {}).get(()))
    if current is None:
        return None
    while len(current["model"]) < len(engine.pairs):
        models, starts_here = [], []
        for k in range(len(engine.pairs)):
            if k in current["model"]:
                continue
            model = tuple(sorted((*current["model"], k)))
            start = (starts or {}).get(model)
            if start is None and not current["outside"].any():  # the current fit, the new term at 0
                coefficient = dict(zip(current["model"], current["beta"][engine.n_base:]))
                start = np.concatenate([current["beta"][:engine.n_base], [coefficient.get(j, 0.0) for j in model]])
            models.append(model)
            starts_here.append(start)
        fitted = [f for f in engine.fit_many(models, y, starts_here) if f is not None]
        best = max(fitted, key=lambda f: f["loglik"]) if fitted else None
        if best is None:
            break
        statistic = 2.0 * (best["loglik"] - current["loglik"])
        if chi2.sf(max(statistic, 0.0), 1) >= p_threshold:
            break
        current = best
    return current


def _all_models(n_pairs: int, max_models: int) -> list[tuple[int, ...]]:
    if 2**n_pairs > max_models:
        raise SearchRefused(f"{2**n_pairs:,} models with {n_pairs} pairs of lists exceed the cap of {max_models:,}: "
                            "use --method stepwise or merge lists")
    return [m for size in range(n_pairs + 1) for m in itertools.combinations(range(n_pairs), size)]


def _aic_average(engine: _Engine, y: np.ndarray, models: list[tuple[int, ...]], starts: dict | None = None
                 ) -> tuple[dict | None, float, dict]:
    """Every model's fit, AIC weights and the weighted unseen; (best fit, averaged unseen, weights)."""
    fits = [engine.fit(m, y, (starts or {}).get(m)) for m in models]
    valid = [f for f in fits if f is not None]
    if not valid:
        return None, float("nan"), {}
    aic = np.array([-2 * f["loglik"] + 2 * f["n_params"] for f in valid])
    weights = np.exp(-(aic - aic.min()) / 2)
    weights /= weights.sum()
    unseen = float(weights @ np.array([f["unseen"] for f in valid]))
    best = valid[int(np.argmin(aic))]
    return best, unseen, {f["model"]: float(w) for f, w in zip(valid, weights)}


# ----------------------------------------------------------------------------- the estimate


_METHODS = ("stepwise", "aic")


def estimate_loglinear(table: CaptureTable, method: str = "stepwise", *, p_threshold: float = 0.02,
                       n_boot: int = 199, seed: int | None = 0, max_models: int = 2048,
                       max_ratio: float = 1000.0, max_failed_share: float = 0.10, keep_draws: bool = False,
                       max_work: float = 1e12) -> LoglinearResult:
    """Population estimate from a capture-history table with a 95% BCa bootstrap interval.

    ``method``: ``stepwise`` (forward, LR test at ``p_threshold``) or ``aic`` (AIC-weighted average
    of all pairwise models, at most ``max_models``). ``max_ratio``: an unseen count above this
    many times the persons seen is taken as unbounded. ``max_work`` caps the arithmetic of the
    bootstrap (cells x columns^2 x fits); a bigger job is refused with the reason, not started.
    """
    if method not in _METHODS:
        raise ValueError(f"method must be one of {', '.join(_METHODS)}")
    label = f"loglinear-{method}"
    lists, y = table.lists, table.counts
    observed = table.observed
    nan = float("nan")

    def refuse(why: str, failed: float = 0.0) -> LoglinearResult:
        return LoglinearResult(nan, nan, nan, False, label, "", observed, why, bootstrap_failed_share=failed)

    seen_by = table.histories.T @ y
    if (seen_by > 0).sum() < 2:
        return refuse("fewer than two lists saw anyone")
    overlap = y[table.histories.sum(axis=1) >= 2].sum()
    if overlap == 0:
        return refuse("nobody was seen by two or more lists: the unseen cannot be estimated")
    n_lists = len(lists)
    too_large = _too_large(n_lists)
    if too_large:
        return refuse(too_large)
    engine = _Engine(n_lists)
    width = engine.design.shape[1]  # main effects and every pairwise interaction
    if n_lists == 2:
        return _two_lists(table, n_boot, seed, keep_draws)

    def run(counts: np.ndarray, starts: dict | None = None) -> tuple[dict | None, float, dict]:
        if method == "stepwise":
            chosen = _stepwise(engine, counts, p_threshold, starts)
            return chosen, (chosen["unseen"] if chosen else nan), ({chosen["model"]: 1.0} if chosen else {})
        return _aic_average(engine, counts, models, starts)

    try:
        models = _all_models(len(engine.pairs), max_models) if method == "aic" else []
    except SearchRefused as error:
        return refuse(str(error))
    step = len(engine.pairs) * engine.design.shape[0] * width**2 * 30
    if method == "stepwise" and step * 20 > max_work:
        return refuse(f"one step of the search would take about {step:.1e} operations (cap {max_work / 20:.0e}): "
                      "merge lists")
    chosen, unseen, weights = run(y)
    # The search on the data shows how many fits one run takes; the bootstrap repeats it.
    work = engine.design.shape[0] * width**2 * max(engine.n_fits, 1) * n_boot * 8
    if work > max_work:
        return refuse(f"the bootstrap would take about {work:.1e} operations ({engine.n_fits} model fits per "
                      f"search, {n_boot} replicates; cap {max_work:.0e}): use fewer replicates (--n-boot) or "
                      "merge lists")
    if chosen is None:
        return refuse("no model is estimable: the unseen cell is not identifiable from the cells observed")
    if unseen > max_ratio * max(observed, 1.0):
        return refuse(f"the estimate runs past {max_ratio:g} times the persons seen: the data give no upper bound")
    estimate = observed + unseen
    overlap_cells = {k: engine.design[:, engine.n_base + k] > 0 for k in chosen["model"]}
    boundary = tuple(engine.label((k,), lists) for k in chosen["model"] if chosen["outside"][overlap_cells[k]].all())
    ranked = sorted(weights.items(), key=lambda item: -item[1])
    shown = {engine.label(m, lists): round(w, 4) for m, w in ranked if w > 0.001}
    lower = upper = nan
    failed = 0.0
    draws = None
    if n_boot > 0:
        rng = np.random.default_rng(_seed_for(y, seed))
        totals = np.full(n_boot, np.inf)
        starts = {chosen["model"]: chosen["beta"]}
        for r in range(n_boot):
            replicate = rng.poisson(chosen["mu"]).astype(float)
            if replicate[table.histories.sum(axis=1) >= 2].sum() == 0:
                continue
            fit, rep_unseen, _ = run(replicate, starts)
            if fit is not None and rep_unseen <= max_ratio * max(replicate.sum(), 1.0):
                totals[r] = replicate.sum() + rep_unseen
        finite = np.isfinite(totals)
        failed = float(1.0 - finite.mean())
        if failed > max_failed_share:
            return refuse(f"estimate unstable: in {failed:.0%} of bootstrap replicates no model was estimable, so the "
                          "data give no upper bound", failed)
        acceleration = _jackknife_acceleration(engine, chosen["model"], y, chosen["beta"])
        lower, upper = _bca(totals, estimate, acceleration)
        if not np.isfinite(upper):
            return refuse("the bootstrap could not bound the estimate (too many replicates without one)", failed)
        lower, upper = max(min(lower, estimate), observed), max(upper, estimate)
        draws = totals if keep_draws else None
    return LoglinearResult(estimate, lower, upper, True, label, engine.label(chosen["model"], lists), observed,
                           "", boundary, shown, failed, draws)


def _two_lists(table: CaptureTable, n_boot: int, seed: int | None, keep_draws: bool) -> LoglinearResult:
    """Two lists: Chapman's estimator, independence assumed (the data cannot show dependence)."""
    y = table.counts  # histories 01, 10, 11
    n1, n2, m = y[1] + y[2], y[0] + y[2], y[2]
    estimate = (n1 + 1) * (n2 + 1) / (m + 1) - 1
    lower = upper = float("nan")
    if n_boot > 0:
        rng = np.random.default_rng(_seed_for(y, seed))
        p = y / y.sum()
        reps = rng.multinomial(int(y.sum()), p, size=n_boot).astype(float)
        totals = (reps[:, 1] + reps[:, 2] + 1) * (reps[:, 0] + reps[:, 2] + 1) / (reps[:, 2] + 1) - 1
        lower, upper = np.quantile(totals, [0.025, 0.975])
        lower, upper = max(min(lower, estimate), table.observed), max(upper, estimate)
    return LoglinearResult(float(estimate), float(lower), float(upper), True, "chapman", "independence",
                           table.observed, "two lists assumed independent (two lists cannot show their dependence)")


def _jackknife_acceleration(engine: _Engine, model: tuple[int, ...], y: np.ndarray, beta: np.ndarray) -> float:
    """BCa acceleration from leaving out one person at a time (grouped by capture history)."""
    cells = np.flatnonzero(y > 0)
    values, weights = [], []
    for c in cells:
        reduced = y.copy()
        reduced[c] -= 1
        fit = engine.fit(model, reduced, beta)
        if fit is None:
            continue
        values.append(reduced.sum() + fit["unseen"])
        weights.append(y[c])
    if len(values) < 2:
        return 0.0
    values, weights = np.array(values), np.array(weights)
    centre = (weights * values).sum() / weights.sum()
    d = centre - values
    denominator = 6.0 * ((weights * d**2).sum()) ** 1.5
    return float((weights * d**3).sum() / denominator) if denominator > 0 else 0.0


def _bca(totals: np.ndarray, estimate: float, acceleration: float, level: float = 0.95) -> tuple[float, float]:
    """BCa percentiles; unbounded replicates count as +infinity (they sort last)."""
    share_below = (np.sum(totals < estimate) + 0.5 * np.sum(totals == estimate)) / len(totals)
    z0 = norm.ppf(np.clip(share_below, 1.0 / (len(totals) + 1), 1.0 - 1.0 / (len(totals) + 1)))
    tail = norm.ppf([(1 - level) / 2, (1 + level) / 2])
    adjusted = norm.cdf(z0 + (z0 + tail) / (1 - acceleration * (z0 + tail)))
    ordered = np.sort(totals)
    positions = np.clip(np.ceil(adjusted * len(ordered)).astype(int) - 1, 0, len(ordered) - 1)
    return float(ordered[positions[0]]), float(ordered[positions[1]])


def _seed_for(y: np.ndarray, seed: int | None) -> int | None:
    """A seed that depends on the data, so results are reproducible and tables independent."""
    if seed is None:
        return None
    return (zlib.crc32(np.asarray(y, float).tobytes()) + 7919 * seed) % (2**32)


# ----------------------------------------------------------------------------- reading a table file


def read_capture_file(path) -> CaptureTable:
    """A capture-history CSV (one 0/1 column per list, plus ``count``); one-line errors naming
    the file, row and field (rows counted as in a spreadsheet: the header is row 1)."""
    from pathlib import Path

    from routekit.errors import InputError

    path = Path(path)
    if not path.is_file():
        raise InputError(path, "no such file")
    try:
        frame = pd.read_csv(path, dtype=str, keep_default_na=False)
    except (pd.errors.ParserError, pd.errors.EmptyDataError, UnicodeDecodeError) as error:
        raise InputError(path, f"not a readable CSV table ({str(error).splitlines()[0]})") from None
    frame.columns = [str(c).strip() for c in frame.columns]
    if "count" not in frame.columns:
        raise InputError(path, "no 'count' column (one 0/1 column per list plus 'count')", row=1)
    lists = [c for c in frame.columns if c != "count"]
    if len(lists) < 2:
        raise InputError(path, "at least two list columns (0/1) are needed besides 'count'", row=1)
    if len(set(frame.columns)) < len(frame.columns):
        raise InputError(path, "a column name appears twice", row=1)
    if len(frame) == 0:
        raise InputError(path, "the table has no rows")
    for column in lists:
        bad = ~frame[column].str.strip().isin(["0", "1"])
        if bad.any():
            row = int(np.flatnonzero(bad)[0])
            raise InputError(path, f"{frame[column].iloc[row]!r} is not 0 or 1", row=row + 2, field=column)
    counts = pd.to_numeric(frame["count"].str.strip(), errors="coerce")
    bad = counts.isna() | (counts < 0) | (counts != counts.round())
    if bad.any():
        row = int(np.flatnonzero(bad.to_numpy())[0])
        raise InputError(path, f"{frame['count'].iloc[row]!r} is not a whole number >= 0", row=row + 2, field="count")
    huge = counts > MAX_COUNT  # the bootstrap's multinomial draws overflow a C long long before this
    if huge.any():
        row = int(np.flatnonzero(huge.to_numpy())[0])
        raise InputError(path, f"{frame['count'].iloc[row]!r} is more than {MAX_COUNT:.0e} persons: not a count",
                         row=row + 2, field="count")
    flags = frame[lists].apply(lambda c: c.str.strip().astype(int))
    unseen = (flags.sum(axis=1) == 0) & (counts > 0)
    if unseen.any():
        row = int(np.flatnonzero(unseen.to_numpy())[0])
        raise InputError(path, "a person seen by no list cannot be counted (that cell is what MSE estimates)",
                         row=row + 2, field="count")
    repeated = flags.duplicated(keep=False)
    if repeated.any():
        rows = (np.flatnonzero(repeated.to_numpy())[:2] + 2).tolist()
        raise InputError(path, f"the same capture history appears in rows {rows[0]} and {rows[1]}", row=rows[1])
    try:
        return capture_table(flags.assign(count=counts.to_numpy()), lists)
    except ValueError as error:
        raise InputError(path, str(error), row=1) from None
