"""Multiple-systems estimation (MSE): how many journeys were there, seen and unseen?

The model
---------
Each person is either seen or not by each of S sources (KMar, IND, police, Eurodac, ...). The
steward's link step counts persons per *capture history* (a 0/1 vector over the sources). The
cell of persons seen by no source is, by definition, missing; MSE estimates it.

For S >= 3 sources the counts per capture history ``h`` are modelled as independent Poisson
variables with a log-linear mean (Fienberg 1972; Bishop, Fienberg & Holland 1975)::

    log mu_h = u0 + sum_i u_i h_i + sum_{(i,j) in M} u_ij h_i h_j

The main effects ``u_i`` describe how many each source sees; the two-way interactions
``u_ij`` in the model ``M`` describe dependence between sources (positive: the same persons
tend to be seen by both, e.g. an asylum interview and a Eurodac hit; negative: a source that
sees people the other does not). The unseen cell has ``h = 0`` so its expected size is
``exp(u0)`` and the population estimate is ``N = observed + exp(u0)``. The highest-order
interaction is never identifiable (it would absorb the unseen cell), so candidate models are
the hierarchical models with any subset of two-way interactions whose margins are observed;
the estimate is the AIC- (or BIC-) weighted average of the candidate models' estimates
(Buckland, Burnham & Augustin 1997): with a structural zero, "KMar depends on IND" and "KMar
depends on police" fit the data equally well yet imply very different unseen counts, so picking
one would be arbitrary. The best model is still reported. Structural zeros (two sources that by construction never
see the same person, e.g. police who only record persons not known to the IND) are removed
from the table and their interaction from the candidate set.

Two sources leave only the independence model; the estimator is Chapman's (1951) nearly
unbiased version of Lincoln-Petersen: ``N = (n1 + 1)(n2 + 1) / (m + 1) - 1``.

Suppressed cells
----------------
Disclosure control publishes small cells only as "between 1 and K-1". These cells enter the
likelihood as interval-censored Poisson observations, ``P(1 <= Y <= K-1 | mu)``; the fit uses
EM (each censored cell is replaced by its conditional mean given the interval, then one Newton
step) which converges to the censored-data maximum likelihood. AIC uses that censored
likelihood. The bootstrap below re-censors each replicate, so the interval includes the
information lost by suppression. After secondary suppression a withheld cell may also be a
larger one: with ``secondary_share`` q its likelihood is ``P(1..K-1) + q P(Y >= K)``.

Intervals
---------
A parametric bootstrap that includes model-selection uncertainty (Buckland & Garthwaite 1991):
each replicate's complete table, including the unseen cell, is drawn from one candidate model
picked with its AIC weight; each replicate is censored like the data and run through the *whole*
procedure (identifiability checks, all candidate models, weighting). What we want to cover is
the realised number of journeys, not its expectation, so the interval is a prediction
interval: with ``d* = N*_hat - N*`` over replicates, ``[N_hat - q97.5(d*), N_hat - q2.5(d*)]``,
never below the number observed.

Estimability
------------
An estimate is refused (``estimable=False`` with the reason) when fewer than two sources saw
anyone, when fewer than ``min_overlap`` persons were seen by two or more sources, when no
candidate model can be fitted, or when more than ``max_failed_share`` of the bootstrap
replicates have no estimable model (the data are too thin for the interval to mean anything).
"""

from __future__ import annotations

import itertools
import zlib
from dataclasses import dataclass, field

import numpy as np
import pandas as pd
from scipy.special import gammainc, gammaln

__all__ = ["MSEResult", "estimate_population", "estimate_pooled", "chapman"]

_MAX_ITER = 200
_TOL = 1e-6
_MAX_STEP = 4.0
_PRUNE_DELTA = 10.0
EXACT, INTERVAL, UNKNOWN = 0, 1, 2


@dataclass(frozen=True)
class MSEResult:
    """One population estimate with its 95% interval and how it was obtained.

    ``observed`` is the number of distinct persons seen by any source; when cells are
    suppressed it is the published part plus the fitted value of the suppressed cells, and
    ``observed_lower``/``observed_upper`` bound it. ``estimate``, ``lower`` and ``upper`` are
    NaN when ``estimable`` is False; ``reason`` then says why.
    """

    estimate: float
    lower: float
    upper: float
    method: str
    model: str
    observed: float
    estimable: bool
    reason: str = ""
    observed_lower: float = float("nan")
    observed_upper: float = float("nan")
    sources: tuple[str, ...] = ()
    censored_cells: int = 0
    bootstrap_failed_share: float = 0.0
    model_weights: dict[str, float] = field(default_factory=dict)
    draws: np.ndarray | None = field(default=None, repr=False, compare=False)
    stratum: object = None

    @property
    def unseen(self) -> float:
        return self.estimate - self.observed


def chapman(n1: float, n2: float, m: float) -> tuple[float, float]:
    """Chapman's estimate of N and Seber's variance for two sources (n1, n2 seen, m by both)."""
    estimate = (n1 + 1.0) * (n2 + 1.0) / (m + 1.0) - 1.0
    variance = (n1 + 1.0) * (n2 + 1.0) * (n1 - m) * (n2 - m) / ((m + 1.0) ** 2 * (m + 2.0))
    return estimate, variance


# ----------------------------------------------------------------------------- the table


@dataclass(frozen=True)
class _Table:
    sources: tuple[str, ...]
    histories: np.ndarray  # (C, S) 0/1, observable cells only (no all-zero row)
    counts: np.ndarray  # (C,) float; lower bound for INTERVAL cells, 0 for UNKNOWN cells
    censored: np.ndarray  # (C,) int8: EXACT, INTERVAL (counts..counts+span) or UNKNOWN (any value >= 0)
    span: np.ndarray  # (C,) width of each INTERVAL cell's range, 0 elsewhere
    threshold: int
    pairs: tuple[tuple[int, int], ...]  # interaction pairs allowed (not structural zeros)
    stratum: np.ndarray  # (C,) index of each cell's stratum (all 0 for a single table)
    strata: tuple = (None,)  # stratum labels
    tail: float = 0.0  # chance that a larger cell was withheld too (secondary suppression)


def _prepare(
    table: pd.DataFrame,
    sources: list[str] | None,
    censored: pd.Series | np.ndarray | None,
    threshold: int | None,
    structural_zeros: list[tuple[str, str]] | None,
    unknown: pd.Series | np.ndarray | None = None,
    strata: str | None = None,
    secondary_share: float = 0.0,
) -> tuple[_Table | None, str, list[str]]:
    """Collapse the input to one count per (stratum and) capture history; returns (table, reason, notes)."""
    notes: list[str] = []
    if sources is None:
        sources = [c for c in table.columns if c not in ("count", "censored", "unknown", "lower", "upper", strata)]
    labels = table[strata].to_numpy() if strata else np.zeros(len(table), int)
    if "count" not in table.columns:
        raise ValueError("the table needs a 'count' column")
    if censored is None:
        censored = table["censored"] if "censored" in table.columns else np.zeros(len(table), bool)
    censored = np.asarray(censored, dtype=bool)
    if unknown is None:
        unknown = table["unknown"] if "unknown" in table.columns else np.zeros(len(table), bool)
    unknown = np.asarray(unknown, dtype=bool)
    state = np.where(unknown, UNKNOWN, np.where(censored, INTERVAL, EXACT))
    censored = state != EXACT
    histories = table[sources].to_numpy(dtype=float)
    if not np.isin(histories, (0.0, 1.0)).all():
        raise ValueError("source columns must be 0/1")
    counts = pd.to_numeric(table["count"], errors="coerce").to_numpy(dtype=float)
    if np.isnan(counts[~censored]).any():
        raise ValueError("a count is missing in a cell that is not marked censored")
    interval = state == INTERVAL
    explicit = {"lower", "upper"} <= set(table.columns)
    if interval.any() and not explicit and (threshold is None or threshold < 2):
        raise ValueError("censored cells need a suppression threshold K >= 2 (values lie in 1..K-1)")
    low = np.ones(len(table))
    high = np.full(len(table), float((threshold or 2) - 1))
    if explicit:  # explicit ranges, e.g. a sum of suppressed cells
        given = pd.to_numeric(table["lower"], errors="coerce").to_numpy(float)
        low = np.where(np.isnan(given), low, given)
        given = pd.to_numeric(table["upper"], errors="coerce").to_numpy(float)
        high = np.where(np.isnan(given), high, given)
    if (interval & ((high < low) | (low < 0))).any():
        raise ValueError("a censored cell's range is empty (upper below lower)")
    spans = np.where(interval, high - low, 0.0)
    counts = np.where(interval, low, np.where(censored, 0.0, counts))
    seen_any = histories.sum(axis=1) > 0
    if (counts[~seen_any] > 0).any():
        notes.append("rows with no source marked were ignored")
    histories, counts, censored, state = histories[seen_any], counts[seen_any], censored[seen_any], state[seen_any]
    spans, labels = spans[seen_any], labels[seen_any]

    # Collapse duplicate histories: published counts add up; a sum with a suppressed part is
    # itself a range (lower bounds and widths add), and with a withheld part it is withheld.
    frame = pd.DataFrame(histories.astype(int), columns=sources)
    frame["count"], frame["censored"], frame["state"], frame["span"] = counts, censored, state, spans
    frame.insert(0, "_stratum", labels)
    grouped = frame.groupby(["_stratum", *sources], sort=True).agg(
        count=("count", "sum"), censored=("censored", "sum"), state=("state", "max"), span=("span", "sum"))
    grouped = grouped.reset_index()
    withheld = grouped["state"] == UNKNOWN
    grouped.loc[withheld, "count"], grouped.loc[withheld, "span"] = 0.0, 0.0
    histories = grouped[sources].to_numpy(dtype=float)
    counts = grouped["count"].to_numpy(dtype=float)
    censored = grouped["censored"].to_numpy() > 0
    state = grouped["state"].to_numpy()
    spans = grouped["span"].to_numpy(dtype=float)
    labels = grouped["_stratum"].to_numpy()
    strata_labels = tuple(pd.unique(labels)) if strata else (None,)
    if not strata:
        labels = np.full(len(labels), None, dtype=object)

    # A zero is information, so empty cells stay. Sources that saw nobody are dropped: no
    # published person and no suppressed cell (which holds at least one). A source whose only
    # cells are withheld (may hide any value, including none) is dropped as well.
    seen_by_source = (histories * counts[:, None]).sum(axis=0)
    some_suppressed = (histories * (state == INTERVAL)[:, None]).sum(axis=0)
    keep = [i for i, s in enumerate(sources) if seen_by_source[i] > 0 or some_suppressed[i] > 0]
    dropped = [s for i, s in enumerate(sources) if i not in keep]
    if dropped:
        notes.append(f"source(s) with nobody in this cell left out: {', '.join(dropped)}")
    sources = [sources[i] for i in keep]
    if len(sources) < 2:
        return None, f"fewer than two sources saw anyone here ({', '.join(sources) or 'none'})", notes

    # Rebuild the complete set of observable histories over the kept sources.
    full = np.array([h for h in itertools.product((0, 1), repeat=len(sources)) if any(h)], dtype=float)
    structural = []
    for a, b in structural_zeros or []:
        if a in sources and b in sources:
            structural.append((sources.index(a), sources.index(b)))
    allowed = np.ones(len(full), bool)
    for i, j in structural:
        allowed &= ~((full[:, i] == 1) & (full[:, j] == 1))
    full = full[allowed]
    n_hist = len(full)
    full = np.tile(full, (len(strata_labels), 1))
    cell_stratum = np.repeat(np.arange(len(strata_labels)), n_hist)
    sub = histories[:, keep]
    index = {(strata_labels[cell_stratum[k]], tuple(h)): k for k, h in enumerate(full.astype(int).tolist())}
    new_counts = np.zeros(len(full))
    new_censored = np.zeros(len(full), np.int8)
    new_span = np.zeros(len(full))
    for label, h, c, z, sp in zip(labels, sub.astype(int).tolist(), counts, state, spans):
        if not any(h):
            if c > 0 or z:
                notes.append("persons seen only by dropped sources were ignored")
            continue
        key = (label, tuple(h))
        if key not in index:
            if c > 0 or z == INTERVAL:
                pair = next((f"{sources[i]} & {sources[j]}" for i, j in structural if h[i] and h[j]), "?")
                raise ValueError(f"cell seen by {pair} is declared a structural zero but holds persons")
            continue
        # Cells that merge once a dropped source is summed out (its part is zero or withheld):
        # exact + exact is exact, with a range it is a range, with a withheld part withheld.
        k = index[key]
        new_censored[k] = max(new_censored[k], z)
        new_counts[k] += c
        new_span[k] += sp
    withheld = new_censored == UNKNOWN
    new_counts[withheld], new_span[withheld] = 0.0, 0.0
    if ((new_censored == INTERVAL) & (new_span == 0)).any():
        merged = (new_censored == INTERVAL) & (new_span == 0)
        new_censored[merged] = EXACT  # a range of width zero is an exact count
    pairs = tuple(p for p in itertools.combinations(range(len(sources)), 2) if p not in structural)
    table_ = _Table(tuple(sources), full, new_counts, new_censored, new_span, int(threshold or 0), pairs,
                    cell_stratum, strata_labels, float(secondary_share))
    return table_, "", notes


# ----------------------------------------------------------------------------- the fit


def _design(histories: np.ndarray, pairs: tuple[tuple[int, int], ...], stratum: np.ndarray, n_strata: int) -> np.ndarray:
    """Columns: one level per stratum (the log of its unseen cell), main effects, interactions."""
    columns = [(stratum == t).astype(float) for t in range(n_strata)] + [*histories.T]
    columns += [histories[:, i] * histories[:, j] for i, j in pairs]
    return np.column_stack(columns)


def _truncated_moments(mu: np.ndarray, low: np.ndarray, span: np.ndarray,
                       tail: float = 0.0) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Moments of Y ~ Poisson(mu) given that its cell was suppressed: E[Y | ...], Var[Y | ...] and
    log P(suppressed).

    Suppressed means ``low <= Y <= low+span`` (primary suppression) or, with probability
    ``tail``, ``Y > low+span`` (a larger cell withheld by secondary suppression):
    P = P(low..low+span) + tail P(Y > low+span). The upper tail uses the regularised incomplete
    gamma function: P(Y >= L) = P(L, mu), E[Y 1{Y >= L}] = mu P(Y >= L-1),
    E[Y(Y-1) 1{Y >= L}] = mu^2 P(Y >= L-2).
    """
    grid = np.arange(int(span.max()) + 1 if span.size else 1, dtype=float)
    y = low[..., None] + grid
    logmu = np.log(np.maximum(mu, 1e-300))[..., None]
    logp = y * logmu - mu[..., None] - gammaln(y + 1.0)
    logp = np.where(grid <= span[..., None], logp, -np.inf)
    top = logp.max(axis=-1, keepdims=True)
    weights = np.exp(logp - top)
    mass = weights.sum(axis=-1)
    mean = (weights * y).sum(axis=-1) / mass
    square = (weights * y * y).sum(axis=-1) / mass
    logp = np.log(mass) + top[..., 0]
    if tail > 0:
        m = np.maximum(mu, 1e-300)
        start = low + span + 1.0

        def at_least(k):
            return np.where(k <= 0, 1.0, gammainc(np.maximum(k, 1.0), m))

        tail_mass = at_least(start)
        safe = np.maximum(tail_mass, 1e-300)
        tail_mean = np.where(tail_mass > 0, m * at_least(start - 1.0) / safe, start)
        tail_square = np.where(tail_mass > 0, (m * m * at_least(start - 2.0) + m * at_least(start - 1.0)) / safe,
                               start * start)
        log_tail = np.log(tail) + np.log(safe)
        both = np.maximum(logp, log_tail)
        a, b = np.exp(logp - both), np.exp(log_tail - both)
        mean = (a * mean + b * tail_mean) / (a + b)
        square = (a * square + b * tail_square) / (a + b)
        logp = both + np.log(a + b)
    return mean, np.maximum(square - mean**2, 0.0), logp


def _truncated_mean(mu: np.ndarray, low: np.ndarray, span: np.ndarray, tail: float = 0.0) -> np.ndarray:
    return _truncated_moments(mu, low, span, tail)[0]


def _fit_batch(
    design: np.ndarray,
    active: np.ndarray,
    y: np.ndarray,
    censored: np.ndarray,
    span: np.ndarray,
    skip: np.ndarray | None = None,
    max_unseen: np.ndarray | None = None,
    start: np.ndarray | None = None,
    n_strata: int = 1,
    tail: float = 0.0,
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Fit many Poisson log-linear models at once by Newton-Raphson on the censored likelihood.

    design (C, P); active (M, P) which columns each model uses; y (R, C); censored (R, C);
    skip (M, R) fits not to attempt (known non-identifiable); max_unseen (R,) stop a fit whose
    unseen cell runs past this (the likelihood is flat towards infinity); start (M, P) starting
    values (e.g. the fit to the data, for bootstrap replicates).
    The score of a censored cell with respect to its linear predictor is E[Y | 1..K-1] - mu
    and its information mu - Var[Y | 1..K-1] (floored, which only slows convergence).
    Returns beta (M, R, P), loglik (M, R), fitted mu (M, R, C), converged (M, R).
    """
    n_models, n_params = active.shape
    n_reps, n_cells = y.shape
    mask = active[:, None, :].astype(float) * np.ones((1, n_reps, 1))
    beta = np.zeros((n_models, n_reps, n_params))
    if start is None:
        level = np.where(censored == INTERVAL, 1.0, y).mean(axis=1)
        beta[..., :n_strata] = np.log(np.maximum(level, 0.5))[None, :, None]
    else:
        beta[:] = np.where(np.isfinite(start), start, 0.0)[:, None, :] * active[:, None, :]
    has_censored = bool((censored != EXACT).any())
    done = np.zeros((n_models, n_reps), bool) if skip is None else skip.copy()
    converged = np.zeros((n_models, n_reps), bool)
    diverged = np.zeros((n_models, n_reps), bool)
    limit = np.log(max_unseen) if max_unseen is not None else None
    # Newton steps exploit the structure: the stratum levels (first n_strata columns, one-hot)
    # give a diagonal block of the information matrix, so they are eliminated (Schur complement)
    # and only the few source parameters need a dense solve. Blocks as one matrix product each.
    levels, shared = design[:, :n_strata], design[:, n_strata:]
    n_shared = n_params - n_strata
    cross = (levels[:, :, None] * shared[:, None, :]).reshape(n_cells, n_strata * n_shared)
    products = (shared[:, :, None] * shared[:, None, :]).reshape(n_cells, n_shared * n_shared)
    eye_shared = np.eye(n_shared)
    for _iteration in range(_MAX_ITER):
        todo = ~done
        if not todo.any():
            break
        b = beta[todo]  # (T, P)
        rows = np.nonzero(todo)[1]
        eta = np.clip(b @ design.T, -50.0, 30.0)
        mu = np.exp(eta)
        y_eff, info = y[rows], mu
        if has_censored:
            state = censored[rows]
            cens, unknown = state == INTERVAL, state == UNKNOWN
            y_eff, info = y_eff.copy(), mu.copy()
            if cens.any():
                mean, variance, _ = _truncated_moments(mu[cens], y[rows][cens], span[rows][cens], tail)
                y_eff[cens] = mean
                info[cens] = np.maximum(mu[cens] - variance, 0.05 * mu[cens])
            y_eff[unknown] = mu[unknown]  # no information: score 0
            info[unknown] = 0.0
        m = mask[todo]
        gradient = ((y_eff - mu) @ design) * m
        ms = m[:, n_strata:]
        diagonal = info @ levels + 1e-10  # (T, S)
        coupling = (info @ cross).reshape(len(info), n_strata, n_shared) * ms[:, None, :]
        block = (info @ products).reshape(len(info), n_shared, n_shared)
        block = block * ms[:, :, None] * ms[:, None, :] + eye_shared * (1.0 - ms[:, :, None])
        scaled = coupling / diagonal[:, :, None]
        schur = block - np.swapaxes(coupling, 1, 2) @ scaled + 1e-10 * eye_shared
        g_levels, g_shared = gradient[:, :n_strata], gradient[:, n_strata:]
        rhs = g_shared - (np.swapaxes(scaled, 1, 2) @ g_levels[..., None])[..., 0]
        step_shared = np.linalg.solve(schur, rhs[..., None])[..., 0]
        step_levels = (g_levels - (coupling @ step_shared[..., None])[..., 0]) / diagonal
        step = np.concatenate([step_levels, step_shared], axis=1)
        biggest = np.abs(step).max(axis=-1)
        step = step * np.minimum(1.0, _MAX_STEP / np.maximum(biggest, 1e-300))[:, None]
        b = b + step
        beta[todo] = b
        finished = biggest < _TOL
        if limit is not None:
            runaway = (b[:, :n_strata] > limit[rows][:, None]).any(axis=1)
            diverged[todo] = runaway
            finished |= runaway
        converged[todo] = biggest < _TOL
        done[todo] = finished
    mu = np.exp(np.clip(beta @ design.T, -50.0, 30.0))
    loglik = _loglik(mu, y, censored, span, tail)
    return beta, loglik, mu, converged & ~diverged


def _loglik(mu: np.ndarray, y: np.ndarray, censored: np.ndarray, span: np.ndarray, tail: float = 0.0) -> np.ndarray:
    """Poisson log-likelihood; interval cells hold their lower bound in ``y`` and width in ``span``."""
    exact = y * np.log(np.maximum(mu, 1e-300)) - mu - gammaln(y + 1.0)
    where = np.broadcast_to(censored[None] == INTERVAL, exact.shape)
    if where.any():
        low = np.broadcast_to(y[None], exact.shape)[where]
        exact[where] = _truncated_moments(mu[where], low, np.broadcast_to(span[None], exact.shape)[where], tail)[2]
    exact[np.broadcast_to(censored[None] == UNKNOWN, exact.shape)] = 0.0
    return exact.sum(axis=-1)


def _candidate_models(n_sources: int, pairs: tuple, max_interactions: int | None) -> list[tuple[int, ...]]:
    """Each model is a tuple of indices into ``pairs``; always hierarchical (main effects in)."""
    limit = len(pairs) if max_interactions is None else min(max_interactions, len(pairs))
    if n_sources == 2:
        return [()]
    models = []
    for size in range(limit + 1):
        models.extend(itertools.combinations(range(len(pairs)), size))
    return models


def _margin_ok(table: _Table, y: np.ndarray, censored: np.ndarray) -> np.ndarray:
    """(n_pairs, R) whether each pair's four margin cells are positive in each replicate."""
    # interval-censored cells hold at least one person; unknown cells may hold none
    positive = np.where(censored == UNKNOWN, 0.0, y)  # interval cells hold their lower bound
    h = table.histories
    checks = []
    for i, j in table.pairs:
        cells = [
            (h[:, i] == a) & (h[:, j] == b) for a, b in ((1, 1), (1, 0), (0, 1), (0, 0))
        ]
        sums = np.stack([positive[:, c].sum(axis=1) for c in cells])
        checks.append((sums > 0).all(axis=0))
    return np.array(checks).reshape(len(table.pairs), len(y))


def _model_label(table: _Table, model: tuple[int, ...]) -> str:
    if not model:
        return "independence"
    return " + ".join(f"{table.sources[table.pairs[k][0]]}:{table.sources[table.pairs[k][1]]}" for k in model)


def _select(
    table: _Table,
    models: list[tuple[int, ...]],
    y: np.ndarray,
    censored: np.ndarray,
    span: np.ndarray,
    criterion: str,
    min_overlap: int,
    max_ratio: float,
    start: np.ndarray | None = None,
) -> dict:
    """Run the whole procedure (checks, every model, selection) on R tables at once."""
    n_reps = len(y)
    n_strata = len(table.strata)
    design = _design(table.histories, table.pairs, table.stratum, n_strata)
    onehot = design[:, :n_strata]  # (C, T)
    n_sources = len(table.sources)
    active = np.zeros((len(models), design.shape[1]), bool)
    active[:, : n_strata + n_sources] = True
    for m, model in enumerate(models):
        for k in model:
            active[m, n_strata + n_sources + k] = True
    completed_floor = np.where(censored == UNKNOWN, 0.0, y)
    multi = table.histories.sum(axis=1) >= 2
    overlap = completed_floor[:, multi].sum(axis=1)
    observed_floor = completed_floor.sum(axis=1)

    margins = _margin_ok(table, y, censored)  # (n_pairs, R)
    identifiable = np.ones((len(models), n_reps), bool)
    for m, model in enumerate(models):
        # More parameters than the table can carry (e.g. after structural zeros): not identifiable.
        informative = design[table.censored != UNKNOWN][:, active[m]]
        if np.linalg.matrix_rank(informative) < active[m].sum():
            identifiable[m] = False
        for k in model:
            identifiable[m] &= margins[k]
    identifiable &= (overlap >= min_overlap)[None]
    max_unseen = max_ratio * np.maximum(observed_floor, 1.0)
    beta, loglik, mu, converged = _fit_batch(design, active, y, censored, span, ~identifiable, max_unseen, start,
                                             n_strata, table.tail)
    unseen = np.exp(np.clip(beta[..., :n_strata], -50, 30))  # (M, R, T)
    valid = identifiable & converged & (unseen.sum(axis=-1) < max_unseen[None])
    n_params = active.sum(axis=1)[:, None]
    penalty = 2.0 if criterion == "aic" else np.log(np.maximum(observed_floor, 2.0))[None]
    score = np.where(valid, -2.0 * loglik + penalty * n_params, np.inf)
    best = score.argmin(axis=0)
    reps = np.arange(n_reps)
    ok = np.isfinite(score[best, reps]) & (overlap >= min_overlap)
    best_mu = mu[best, reps]  # (R, C)
    completed = y
    if (censored == INTERVAL).any():
        completed = np.where(censored == INTERVAL, _truncated_mean(best_mu, y, span, table.tail), completed)
    completed = np.where(censored == UNKNOWN, best_mu, completed)
    n_obs = completed @ onehot  # (R, T)
    if n_sources == 2 and n_strata == 1:
        n1 = (completed * table.histories[:, 0]).sum(axis=1)
        n2 = (completed * table.histories[:, 1]).sum(axis=1)
        m = (completed * (table.histories.sum(axis=1) == 2)).sum(axis=1)
        n_hat = np.maximum(chapman(n1, n2, m)[0][:, None], n_obs)
    else:
        # Model average (Buckland, Burnham & Augustin 1997): models that fit equally well may
        # imply very different unseen counts (e.g. dependence between KMar and IND or between
        # KMar and police, which the data cannot tell apart); the best alone would be arbitrary.
        finite = np.isfinite(score)
        lowest = np.where(finite, score, np.inf).min(axis=0)
        weight = np.where(finite, np.exp(-(np.where(finite, score, 0.0) - np.where(np.isfinite(lowest), lowest, 0.0))
                                          / 2.0), 0.0)
        weight = weight / np.maximum(weight.sum(axis=0), 1e-300)
        n_hat = n_obs + np.einsum("mr,mrt->rt", weight, np.where(finite[..., None], unseen, 0.0))
    return {
        "n_hat": np.where(ok[:, None], n_hat, np.nan),  # (R, T)
        "observed": n_obs,
        "best": best,
        "score": score,
        "mu": mu,
        "beta": beta,
        "unseen": unseen,
        "overlap": overlap,
        "valid_any": np.isfinite(score).any(axis=0),
        "onehot": onehot,
    }


# ----------------------------------------------------------------------------- public API

_DEFAULTS = dict(structural_zeros=None, unknown=None, criterion="aic", n_boot=199, min_overlap=3,
                 max_interactions=None, max_ratio=1000.0, max_failed_share=0.10, seed=0, keep_draws=False,
                 secondary_share=0.0)


def estimate_population(
    table: pd.DataFrame,
    sources: list[str] | None = None,
    censored: pd.Series | np.ndarray | None = None,
    threshold: int | None = None,
    *,
    structural_zeros: list[tuple[str, str]] | None = None,
    unknown: pd.Series | np.ndarray | None = None,
    criterion: str = "aic",
    n_boot: int = 199,
    min_overlap: int = 3,
    max_interactions: int | None = None,
    max_ratio: float = 1000.0,
    max_failed_share: float = 0.10,
    seed: int | None = 0,
    keep_draws: bool = False,
    secondary_share: float = 0.0,
) -> MSEResult:
    """Estimate the total population (seen + unseen) from a capture-history table.

    Parameters
    ----------
    table:
        one row per capture history: 0/1 columns per source and ``count``. Rows for the
        all-zero history are ignored. Missing histories count as zero. Optional columns:
        ``censored`` (see below), ``unknown`` and ``lower``/``upper`` (an explicit range for a
        censored cell, e.g. the sum of several suppressed cells).
    sources:
        the 0/1 columns; default every column except the ones named above.
    censored:
        boolean per row, True where the count was suppressed and is only known to lie in
        ``1..threshold-1`` (or ``lower..upper``); default the table's ``censored`` column.
    threshold:
        the suppression threshold K.
    structural_zeros:
        pairs of sources that cannot see the same person; their overlap cells are removed.
    unknown:
        boolean per row, True where a count was withheld without a known range (e.g. secondary
        suppression, which may hide any value); such cells carry no likelihood information and
        are imputed from the model. Default the table's ``unknown`` column, else none.
    criterion:
        ``"aic"`` or ``"bic"`` for the model choice.
    n_boot:
        bootstrap replicates for the interval (0: no interval).
    min_overlap:
        fewest persons seen by two or more sources for an estimate to be given.
    keep_draws:
        keep the bootstrap draws of the total (to add estimates up over months or corridors).
    secondary_share:
        the chance that a cell above the range was withheld as well (secondary suppression
        withholds some larger cells, never empty ones): a censored cell then lies in its range
        or, with this weight, above it. 0: ranges are exact.

    Returns an :class:`MSEResult`.
    """
    options = dict(structural_zeros=structural_zeros, unknown=unknown, criterion=criterion, n_boot=n_boot,
                   min_overlap=min_overlap, max_interactions=max_interactions, max_ratio=max_ratio,
                   max_failed_share=max_failed_share, seed=seed, keep_draws=keep_draws,
                   secondary_share=secondary_share)
    return _estimate(table, sources, censored, threshold, None, options)[0]


def estimate_pooled(
    table: pd.DataFrame,
    strata: str,
    sources: list[str] | None = None,
    censored: pd.Series | np.ndarray | None = None,
    threshold: int | None = None,
    **options,
) -> dict[object, MSEResult]:
    """One estimate per stratum (e.g. month) from one model with source effects shared by all.

    ``log mu_{h,t} = a_t + sum_i u_i h_i + sum u_ij h_i h_j``: each stratum has its own level
    ``a_t`` (so its own unseen cell ``exp(a_t)``), while how often each source sees a person and
    how sources depend on each other are the same in every stratum. Thin months borrow the
    overlap of the others; the price is the assumption of stable capture rates over the strata
    (check it with shorter windows). Takes the keyword options of :func:`estimate_population`.
    Returns {stratum label: MSEResult}.
    """
    merged = dict(_DEFAULTS) | options
    results = _estimate(table, sources, censored, threshold, strata, merged)
    labels = list(pd.unique(table[strata])) if results and results[0].stratum is None else [r.stratum for r in results]
    return dict(zip(labels, results))


def _estimate(table, sources, censored, threshold, strata, options) -> list[MSEResult]:
    criterion = options["criterion"]
    if criterion not in ("aic", "bic"):
        raise ValueError("criterion must be 'aic' or 'bic'")
    if not 0.0 <= options["secondary_share"] < 1.0:
        raise ValueError("secondary_share must lie in [0, 1)")
    prepared, reason, notes = _prepare(table, sources, censored, threshold, options["structural_zeros"],
                                       options["unknown"], strata, options["secondary_share"])
    base_note = "; ".join(dict.fromkeys(notes))
    if prepared is None:
        labels = list(pd.unique(table[strata])) if strata else [None]
        return [_refused(reason, base_note, np.nan, np.nan, np.nan, (), stratum=label) for label in labels]
    tbl = prepared
    n_strata = len(tbl.strata)
    onehot = (tbl.stratum[:, None] == np.arange(n_strata)[None]).astype(float)
    y, z = tbl.counts[None], tbl.censored[None]
    obs_lo = tbl.counts @ onehot
    open_cells = (tbl.censored == UNKNOWN) | ((tbl.censored == INTERVAL) & (tbl.tail > 0))
    obs_hi = np.where(open_cells @ onehot > 0, np.inf, (tbl.counts + tbl.span) @ onehot)
    n_cens = ((tbl.censored == INTERVAL) @ onehot).astype(int)
    n_unknown = ((tbl.censored == UNKNOWN) @ onehot).astype(int)
    models = _candidate_models(len(tbl.sources), tbl.pairs, options["max_interactions"])
    min_overlap, max_ratio = options["min_overlap"], options["max_ratio"]
    fit = _select(tbl, models, y, z, tbl.span[None], criterion, min_overlap, max_ratio)
    observed = fit["observed"][0]
    if len(tbl.sources) == 2 and n_strata == 1:
        method = "chapman"
    else:
        method = f"loglinear-{criterion}" + ("-pooled" if strata else "")
    if (n_cens + n_unknown).sum():
        method += "-censored"

    def refuse(why: str) -> list[MSEResult]:
        return [_refused(why, base_note, observed[t], obs_lo[t], obs_hi[t], tbl.sources, method, tbl.strata[t])
                for t in range(n_strata)]

    if fit["overlap"][0] < min_overlap:
        return refuse(f"too few persons seen by two or more sources ({fit['overlap'][0]:.0f} < {min_overlap}): "
                      "without overlap the unseen part cannot be estimated")
    if not fit["valid_any"][0]:
        return refuse("no log-linear model could be fitted (margins empty or fit diverged)")
    best = int(fit["best"][0])
    estimate = fit["n_hat"][0]  # (T,)
    score = fit["score"][:, 0]
    weights = np.exp(-(score - score.min()) / 2.0)
    weights = weights / weights.sum()
    labels = [_model_label(tbl, m) for m in models]
    model_weights = {labels[i]: round(float(w), 4) for i, w in enumerate(weights) if w > 0.001}
    lower = upper = np.full(n_strata, np.nan)
    failed = 0.0
    draws = [None] * n_strata
    if options["n_boot"] > 0:
        lower, upper, failed, draws = _bootstrap(tbl, models, fit, weights, estimate, criterion, options["n_boot"],
                                                 min_overlap, max_ratio, options["seed"])
        if failed > options["max_failed_share"]:
            return refuse(f"estimate unstable: in {failed:.0%} of bootstrap replicates no model was estimable "
                          "(too few persons in the overlaps)")
        lower = np.maximum(lower, obs_lo)
        upper = np.maximum(upper, estimate)
    results = []
    for t in range(n_strata):
        note = base_note
        if n_cens[t]:
            how = "interval-censored" if tbl.tail == 0 else f"interval-censored, or larger with weight {tbl.tail:.2f}"
            note = "; ".join(filter(None, [note, f"{n_cens[t]} suppressed cell(s) treated as {how}"]))
        if n_unknown[t]:
            note = "; ".join(filter(None, [note, f"{n_unknown[t]} withheld cell(s) of unknown size imputed from the model"]))
        results.append(MSEResult(
            estimate=float(estimate[t]), lower=float(lower[t]), upper=float(upper[t]), method=method,
            model=labels[best], observed=float(observed[t]), estimable=True, reason=note,
            observed_lower=float(obs_lo[t]), observed_upper=float(obs_hi[t]), sources=tbl.sources,
            censored_cells=int(n_cens[t] + n_unknown[t]), bootstrap_failed_share=failed,
            model_weights=model_weights,
            # a plausible total is never below the persons surely seen
            draws=np.maximum(draws[t], obs_lo[t]) if options["keep_draws"] and draws[t] is not None else None,
            stratum=tbl.strata[t]))
    return results


def _refused(reason, note, observed, obs_lo, obs_hi, sources, method="none", stratum=None) -> MSEResult:
    text = "; ".join(filter(None, [reason, note]))
    nan = float("nan")
    return MSEResult(nan, nan, nan, method, "", float(observed), False, text, float(obs_lo), float(obs_hi),
                     tuple(sources), stratum=stratum)


def _bootstrap(tbl, models, fit, weights, estimate, criterion, n_boot, min_overlap, max_ratio, seed):
    """Parametric prediction bootstrap over the AIC-weighted models; see module doc.

    Returns per stratum: lower (T,), upper (T,), the share of failed replicates, draws (list).
    """
    rng = np.random.default_rng(_seed_for(tbl, seed))
    n_strata = len(tbl.strata)
    # Models more than ``_PRUNE_DELTA`` AIC units behind the best hold < 1% weight and are
    # practically never chosen in a replicate; leaving them out keeps the bootstrap fast.
    score = fit["score"][:, 0]
    keep = np.flatnonzero(np.isfinite(score) & (score - score.min() <= _PRUNE_DELTA))
    # Each replicate's population comes from one model drawn with its AIC weight, so the truth
    # of the replicates spans what the plausible models imply about the unseen.
    chosen = rng.choice(len(weights), size=n_boot, p=weights)
    mu_drawn = fit["mu"][chosen, 0, :]  # (R, C)
    unseen_drawn = fit["unseen"][chosen, 0, :]  # (R, T)
    if len(tbl.sources) == 2 and n_strata == 1:
        unseen_drawn = np.broadcast_to(np.maximum(estimate - fit["observed"][0], 0.0), (n_boot, n_strata))
    cells = rng.poisson(mu_drawn).astype(float)
    unseen = rng.poisson(unseen_drawn).astype(float)
    truth = cells @ fit["onehot"] + unseen  # (R, T)
    y, censored, span = _censor_like(tbl, cells, rng)
    kept_models = [models[k] for k in keep]
    rep = _select(tbl, kept_models, y, censored, span, criterion, min_overlap, max_ratio, start=fit["beta"][keep, 0, :])
    error = rep["n_hat"] - truth  # (R, T)
    ok = np.isfinite(error).all(axis=1)
    failed = float(1.0 - ok.mean())
    if ok.sum() < 10:
        return np.full(n_strata, np.nan), np.full(n_strata, np.nan), failed, [None] * n_strata
    lo_q, hi_q = np.quantile(error[ok], [0.025, 0.975], axis=0)
    draws = estimate[None, :] - error[ok]  # plausible values of the realised totals
    return estimate - hi_q, estimate - lo_q, failed, [draws[:, t] for t in range(n_strata)]


def _censor_like(tbl: _Table, y: np.ndarray, rng: np.random.Generator) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Withhold replicate cells the way the data were: the threshold rule (1..K-1), withheld
    cells stay withheld, and a cell given as a wider range (a sum of suppressed parts) gets a
    range of the same width placed at random around the replicate's value."""
    censored = np.zeros(y.shape, np.int8)
    span = np.zeros(y.shape)
    low = y.copy()
    if tbl.threshold >= 2:
        small = (y >= 1) & (y <= tbl.threshold - 1)
        if tbl.tail > 0:  # secondary suppression: a larger cell is withheld with chance ``tail``
            small |= (y >= tbl.threshold) & (rng.random(y.shape) < tbl.tail)
        censored[small], low[small], span[small] = INTERVAL, 1.0, tbl.threshold - 2
    wide = (tbl.censored == INTERVAL) & ~((tbl.counts == 1) & (tbl.span == tbl.threshold - 2))
    if wide.any():
        width = np.broadcast_to(tbl.span, y.shape)
        offset = np.floor(rng.random(y.shape) * (width + 1))
        shifted = np.maximum(y - offset, 0.0)
        censored[:, wide], low[:, wide], span[:, wide] = INTERVAL, shifted[:, wide], width[:, wide]
    censored[:, tbl.censored == UNKNOWN] = UNKNOWN  # withheld cells stay withheld
    low[censored == UNKNOWN] = 0.0
    span[censored != INTERVAL] = 0.0
    return low, censored, span


def _seed_for(tbl: _Table, seed: int | None) -> int | None:
    """A seed that depends on the data, so estimates are reproducible and tables independent."""
    if seed is None:
        return None
    fingerprint = np.concatenate([tbl.counts, tbl.censored.astype(float)]).tobytes()
    return (zlib.crc32(fingerprint) + 7919 * seed) % (2**32)
