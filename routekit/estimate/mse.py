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
(Buckland, Burnham & Augustin 1997). The best model is still reported. Structural zeros (two
sources that by construction never see the same person, e.g. police who only record persons
not known to the IND) are removed from the table and their interaction from the candidate set.

Complete registrations
----------------------
Some sources are no lists that can miss someone but registers of a whole group: the IND holds
every asylum applicant. Nobody in such a group is unseen, so the unseen are all outside it and
are estimated from the other sources (the *lists*) among the persons outside the registration
(``complete``). The registered persons get their own levels and history distribution, free of
the lists' effects outside, so any dependence between registration and lists is allowed. That is
what the process needs: applying follows a KMar apprehension (someone stopped at the border
applies on the spot), so a model that takes KMar and IND as independent (the KMar x police
model when police and IND never overlap) underestimates, and averaging it with the KMar x IND
model does too. With complete registrations each stratum has a second level for its persons
outside them: a group's share outside (per group) plus the stratum's deviation from it with a
normal prior (within a factor two either way, 95%), so a month in which no list saw anyone
outside is not estimated at zero.

Two lists
---------
Two lists (with or without a registration) leave only independence, and their dependence
cannot be seen in their data: the odds ratio ``theta`` of being seen by one given the other
only scales the unseen (``U(theta) = theta U(1)``). For the demo partners two mechanisms pull
in opposite directions: non-applicants stopped at the border may be handed back to the
neighbouring state, so the police meet them less often inland (theta < 1), and people who
travel or live visibly are seen by both (theta > 1). Neither is measured, so ``dependence``
gives a 95% range for theta (default a factor three either way, ``DEPENDENCE_RANGE``): the
estimate takes its geometric middle (1, independence), the interval draws theta from a
log-normal with that range. One stratum without registrations uses Chapman's (1951) nearly
unbiased version of Lincoln-Petersen: ``N = (n1 + 1)(n2 + 1) / (m + 1) - 1``.

Groups and shared rates
-----------------------
``estimate_pooled`` takes strata in groups (corridor x month strata in corridors): each group
has its own effects. A list whose chance of seeing someone hardly depends on the group (the
police meet people inland, after the route) can be ``shared``: a common effect plus a
deviation per group with a normal prior (within ``spread``, default a factor two either way on
the odds). This is partial pooling: a corridor whose lists barely overlap borrows the others'
rate, one with much overlap keeps its own. The fit is then a posterior mode (penalised
likelihood).

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
each replicate's table is drawn from one candidate model picked with its AIC weight, censored
like the data and run through the *whole* procedure (identifiability checks, all candidate
models, weighting). What we want to cover is the realised number of journeys, so the interval
is a prediction interval from plausible totals: the persons seen (plus the replicate's error in
imputing suppressed cells) and a Poisson draw around a plausible expected unseen count, which
is the replicate's estimate from one model drawn with the replicate's weights (percentile
method), times a draw of the two lists' odds ratio, times a draw of what the priors leave open
(posterior minus sampling covariance, ``V L V``, for penalised fits). The percentile method
keeps the right skew of a ratio estimator with a small overlap (the truth may be far above the
estimate); a pivot around the estimate would flip it, and did: every miss of the old intervals
was an underestimate. 95% of the draws, never below the number observed, holding the estimate.

Estimability
------------
An estimate is refused (``estimable=False`` with the reason) when fewer than two sources saw
anyone, when fewer than two lists remain besides complete registrations, when fewer than
``min_overlap`` persons were seen by two or more lists (outside the registrations), when no
candidate model can be fitted. Those concern the whole table. Bounds are judged per stratum: a
stratum is refused on its own, with its reason and its share of failed replicates, when no model
bounds its unseen in the data, or when more than ``max_failed_share`` of the bootstrap replicates
could not bound it or its upper bound is unbounded (more than 2.5% of the replicates). A corridor
whose lists share nobody in a replicate says nothing about the other corridors, which keep their
estimates (one KMar record moved used to blank every stratum of a pooled model). Likewise a
replicate whose fit has not settled after ``_MAX_ITER`` Newton steps (a withheld cell that may be
larger has a flat likelihood above its range) keeps the strata that settled; only the strata
still moving count as unbounded in it (such replicates used to refuse every stratum of a demo).
"""

from __future__ import annotations

import itertools
import zlib
from dataclasses import dataclass, field, replace

import numpy as np
import pandas as pd
from scipy import sparse
from scipy.special import gammainc, gammaln

from routekit.contracts.notes import Note, english, unique

__all__ = ["DEPENDENCE_RANGE", "MSEResult", "chapman", "estimate_pooled", "estimate_population"]

_MAX_ITER = 200
_TOL = 1e-6
_SETTLED = 1e-4  # a stratum of a replicate fit still moving by less than this (relative) per step has settled
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
    notes: tuple[Note, ...] = ()  # ``reason`` as codes with values (what the report words)

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
    registered: np.ndarray | None = None  # (C,) True where a complete registration holds the person
    residual: tuple[int, ...] = ()  # indices of the sources that are lists, not complete registrations
    complete: tuple[str, ...] = ()  # sources that hold everyone of their group
    dependence: tuple[float, float] | None = None  # 95% range of the odds ratio of two remaining lists
    stratum_group: np.ndarray | None = None  # (T,) index of each stratum's group (e.g. corridor)
    groups: tuple = (None,)  # group labels
    shared: tuple[int, ...] = ()  # lists whose rate is partially shared by the groups
    spread: float = 2.0  # 95% factor within which a shared list's odds differ between groups


    @property
    def n_lists(self) -> int:
        """Sources that can miss someone (all but the complete registrations)."""
        return len(self.residual)

    def dependence_factor(self) -> float:
        """The factor on the unseen for the assumed odds ratio of two lists (1: independence)."""
        if self.dependence is None or self.n_lists != 2:
            return 1.0
        return float(np.sqrt(self.dependence[0] * self.dependence[1]))

    def dependence_sd(self) -> float:
        """Standard deviation of the log odds ratio of two lists (its 95% range is ``dependence``)."""
        if self.dependence is None or self.n_lists != 2:
            return 0.0
        return float(np.log(self.dependence[1] / self.dependence[0]) / (2 * 1.959964))


def _prepare(
    table: pd.DataFrame,
    sources: list[str] | None,
    censored: pd.Series | np.ndarray | None,
    threshold: int | None,
    structural_zeros: list[tuple[str, str]] | None,
    unknown: pd.Series | np.ndarray | None = None,
    strata: str | None = None,
    secondary_share: float = 0.0,
    complete: list[str] | None = None,
    dependence: tuple[float, float] | None = None,
    groups: str | None = None,
    shared: list[str] | None = None,
    spread: float = 2.0,
) -> tuple[_Table | None, Note | None, list[Note]]:
    """Collapse the input to one count per (stratum and) capture history; returns (table, reason, notes)."""
    notes: list[Note] = []
    if sources is None:
        sources = [c for c in table.columns
                   if c not in ("count", "censored", "unknown", "lower", "upper", strata, groups)]
    labels = table[strata].to_numpy() if strata else np.zeros(len(table), int)
    if groups and not strata:
        raise ValueError("groups need strata (each stratum lies in one group)")
    group_of = {}
    if groups:
        pairs_seen = table[[strata, groups]].drop_duplicates()
        if pairs_seen[strata].duplicated().any():
            raise ValueError(f"a stratum lies in more than one '{groups}'")
        group_of = dict(zip(pairs_seen[strata], pairs_seen[groups]))
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
        notes.append(Note.of("rows_unmarked"))
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
        notes.append(Note.of("sources_left_out", sources=dropped))
    sources = [sources[i] for i in keep]
    if len(sources) < 2:
        return None, Note.of("fewer_than_two_sources", sources=sources), notes
    registrations = [s for s in sources if s in (complete or [])]
    lists = [s for s in sources if s not in registrations]
    if registrations and len(lists) < 2:
        return None, Note.of("one_list_besides_registration", lists=lists, complete=registrations), notes

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
                notes.append(Note.of("dropped_sources_only"))
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
    # A complete registration (every member of its group is in it) is no list that can miss
    # someone: its persons are all observed, and only persons outside it can be unseen. Their
    # number comes from the other sources among persons outside it, so only the pairs of those
    # sources are candidate interactions.
    residual = tuple(i for i, s in enumerate(sources) if s not in registrations)
    registered = (full[:, [sources.index(s) for s in registrations]].sum(axis=1) > 0) if registrations \
        else np.zeros(len(full), bool)
    pairs = tuple(p for p in itertools.combinations(residual, 2) if p not in structural)
    group_labels = tuple(pd.unique(np.array([group_of[t] for t in strata_labels], dtype=object))) if groups \
        else (None,)
    stratum_group = np.array([group_labels.index(group_of[t]) for t in strata_labels]) if groups \
        else np.zeros(len(strata_labels), int)
    pooled = tuple(i for i in residual if sources[i] in (shared or []))
    table_ = _Table(tuple(sources), full, new_counts, new_censored, new_span, int(threshold or 0), pairs,
                    cell_stratum, strata_labels, float(secondary_share), registered, residual,
                    tuple(registrations), dependence, stratum_group, group_labels, pooled, float(spread))
    return table_, None, notes


# ----------------------------------------------------------------------------- the fit


# How much the share of persons outside the complete registrations may differ between the strata
# (months) of one group from the group's own share: a factor two either way (95%). It keeps a
# month in which no list saw anyone outside the registration from being estimated at zero.
_STRATUM_SPREAD = 2.0


def _precision_of(spread: float) -> float:
    """Normal prior precision on a log odds that lies within a factor ``spread`` either way (95%)."""
    return float((1.959964 / np.log(spread)) ** 2) if spread > 1 else 1e12


@dataclass(frozen=True)
class _Layout:
    """The model matrix and how its columns are laid out."""

    design: np.ndarray  # (C, P)
    n_strata: int
    n_levels: int  # the first n_levels columns: per stratum one level (all its cells) and, with
    # complete registrations, a second one (its cells outside them), in blocks of n_strata
    n_base: int  # columns every model has
    precision: np.ndarray  # (P,) prior precision per column (0: no prior)
    pair_columns: list[list[int]]  # the columns of each candidate interaction
    unseen: np.ndarray  # (T, P) the design rows of the unseen cells (log mean = unseen @ beta)


def _design(table: _Table) -> _Layout:
    """The model matrix: levels, list effects, registered persons, candidate interactions.

    Columns: one level per stratum; with complete registrations a second per stratum for its
    persons outside them (the deviation of that stratum's outside share from its group's, with a
    normal prior, so a month without anyone seen outside borrows the group's share) and one
    outside share per group; per group the main effects of the lists on the cells outside the
    registrations, where a list whose rate the groups share has one common effect plus a
    deviation per group with a normal prior (partial pooling); per group the distribution of the
    registered persons over their histories (free of the lists' effects outside: a registration
    may depend on the lists in any way); last per group the interactions of list pairs outside
    the registrations (the candidates, one set of columns per pair).
    """
    n_strata, n_groups = len(table.strata), len(table.groups)
    outside = ~table.registered
    cell_group = table.stratum_group[table.stratum]
    member = [cell_group == g for g in range(n_groups)]
    columns: list[np.ndarray] = []
    precision: list[float] = []

    def add(column: np.ndarray, prior: float = 0.0) -> None:
        columns.append(np.asarray(column, dtype=float))
        precision.append(prior)

    for t in range(n_strata):
        add(table.stratum == t)
    registrations = bool(table.registered.any())
    if registrations:
        for t in range(n_strata):
            add((table.stratum == t) & outside, _precision_of(_STRATUM_SPREAD))
    n_levels = len(columns)
    if registrations:
        for g in range(n_groups):
            add(outside & member[g])
    for i in table.residual:
        seen = table.histories[:, i] * outside
        if i in table.shared and n_groups > 1:
            add(seen)
            for g in range(n_groups):
                add(seen * member[g], _precision_of(table.spread))
        else:
            for g in range(n_groups):
                add(seen * member[g])
    if registrations:
        patterns = [tuple(h) for h in table.histories[table.registered].astype(int).tolist()]
        for pattern in list(dict.fromkeys(patterns))[1:]:  # the first registered history is the reference
            holds = table.registered & (table.histories.astype(int) == pattern).all(axis=1)
            for g in range(n_groups):
                add(holds & member[g])
    n_base = len(columns)
    pair_columns = []
    for i, j in table.pairs:
        start = len(columns)
        for g in range(n_groups):
            add(table.histories[:, i] * table.histories[:, j] * outside * member[g])
        pair_columns.append(list(range(start, len(columns))))
    design = np.column_stack(columns)
    # The unseen cell of stratum t: its level, and (outside every registration) its outside share.
    unseen = np.zeros((n_strata, design.shape[1]))
    unseen[np.arange(n_strata), np.arange(n_strata)] = 1.0
    if registrations:
        unseen[np.arange(n_strata), n_strata + np.arange(n_strata)] = 1.0
        unseen[np.arange(n_strata), n_levels + table.stratum_group] = 1.0
    return _Layout(design, n_strata, n_levels, n_base, np.array(precision), pair_columns, unseen)


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
    layout: _Layout,
    active: np.ndarray,
    y: np.ndarray,
    censored: np.ndarray,
    span: np.ndarray,
    skip: np.ndarray | None = None,
    max_unseen: np.ndarray | None = None,
    start: np.ndarray | None = None,
    tail: float = 0.0,
    per_stratum: bool = False,
    settle_per_stratum: bool = False,
) -> tuple[np.ndarray, ...]:
    """Fit many Poisson log-linear models at once by Newton-Raphson on the censored likelihood.

    active (M, P) which columns each model uses; y (R, C); censored (R, C); skip (M, R) fits not
    to attempt (known non-identifiable); max_unseen (R,) the bound past which a stratum's unseen
    cell has run away (the likelihood is flat towards infinity): the fit goes on for the other
    strata and stops when every stratum ran away; start (M, P) starting values (e.g. the fit
    to the data, for bootstrap replicates). Columns with a prior (``layout.precision``) make the
    fit a penalised (posterior mode) one.
    The score of a censored cell with respect to its linear predictor is E[Y | 1..K-1] - mu
    and its information mu - Var[Y | 1..K-1] (floored, which only slows convergence).
    Returns beta (M, R, P), loglik (M, R), fitted mu (M, R, C), converged (M, R) and, with
    ``per_stratum``, which strata ran away (M, R, T): a group whose lists share nobody in a
    replicate cannot be bounded, but that says nothing about the other groups.
    ``settle_per_stratum`` (bootstrap replicates): a fit still moving after ``_MAX_ITER`` steps is
    judged per stratum. A stratum whose expected counts the last step changed by less than
    ``_SETTLED`` (relative) keeps its value; one still moving counts as run away in that fit. A
    withheld cell that may be larger (secondary suppression) has a flat likelihood above its
    range, so one stratum's counts can creep upwards for thousands of steps; without this the
    whole replicate, and with it every stratum of the pooled model, was lost.
    """
    design, n_levels, n_strata = layout.design, layout.n_levels, layout.n_strata
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
    ran_away = np.zeros((n_models, n_reps, n_strata), bool)
    limit = np.log(max_unseen) if max_unseen is not None else None
    # Newton steps exploit the structure: the levels (the first n_levels columns, k per stratum,
    # touching only that stratum's cells) give a block-diagonal part of the information matrix
    # with k x k blocks, so they are eliminated (Schur complement) and only the other
    # parameters need a dense solve. Sums over a stratum's cells go through a sparse one-hot.
    k = n_levels // n_strata
    shared = design[:, n_levels:]
    n_shared = n_params - n_levels
    cell_stratum = design[:, :n_strata].argmax(axis=1)
    part = design[np.arange(n_cells)[:, None], cell_stratum[:, None] + n_strata * np.arange(k)[None]]  # (C, k)
    cells = np.arange(n_cells)
    # Sparse maps from per-cell weights to every sum the Newton step needs (each a matrix product):
    # the k x k level block of each stratum, the level-by-other coupling, the other-by-other block.
    by_cell = sparse.csr_matrix(design)
    k_pairs = [(a, b) for a in range(k) for b in range(k)]
    level_sums = _sum_map(cells, [(cell_stratum * k + a) * k + b for a, b in k_pairs],
                          [part[:, a] * part[:, b] for a, b in k_pairs], n_cells, n_strata * k * k)
    rows_s, cols_s = np.nonzero(shared)
    coupling_sums = _sum_map(rows_s, [((cell_stratum[rows_s] * k + a) * n_shared + cols_s) for a in range(k)],
                             [part[rows_s, a] * shared[rows_s, cols_s] for a in range(k)], n_cells,
                             n_strata * k * n_shared)
    pairs_i, pairs_j = np.meshgrid(np.arange(n_shared), np.arange(n_shared), indexing="ij")
    block_rows, block_cols, block_values = [], [], []
    for i, j in zip(pairs_i.ravel(), pairs_j.ravel()):
        both = np.flatnonzero(shared[:, i] * shared[:, j])
        block_rows.append(both)
        block_cols.append(np.full(len(both), i * n_shared + j))
        block_values.append(shared[both, i] * shared[both, j])
    block_sums = _sum_map(np.concatenate(block_rows), [np.concatenate(block_cols)], [np.concatenate(block_values)],
                          n_cells, n_shared * n_shared)
    eye_shared, eye_k = np.eye(n_shared), np.eye(k)
    last_objective = np.full((n_models, n_reps), np.inf)
    prior = layout.precision
    prior_levels = prior[:n_levels].reshape(k, n_strata).T  # (T, k)
    prior_shared = prior[n_levels:]

    unsettled = np.zeros((n_models, n_reps, n_strata), bool)
    for iteration in range(_MAX_ITER):
        todo = ~done
        if not todo.any():
            break
        b = beta[todo]  # (N, P)
        rows = np.nonzero(todo)[1]
        eta = np.clip((by_cell @ b.T).T, -50.0, 30.0)
        mu = np.exp(eta)
        y_eff, info = y[rows], mu
        cell_loglik = y_eff * eta - mu
        if has_censored:
            state = censored[rows]
            cens, unknown = state == INTERVAL, state == UNKNOWN
            y_eff, info = y_eff.copy(), mu.copy()
            if cens.any():
                mean, variance, log_p = _truncated_moments(mu[cens], y[rows][cens], span[rows][cens], tail)
                y_eff[cens] = mean
                info[cens] = np.maximum(mu[cens] - variance, 0.05 * mu[cens])
                cell_loglik[cens] = log_p
            y_eff[unknown] = mu[unknown]  # no information: score 0
            info[unknown] = 0.0
            cell_loglik[unknown] = 0.0
        # The (penalised) log-likelihood up to a constant, to stop where it no longer changes: a
        # withheld cell that may be larger (secondary suppression) has an almost flat likelihood
        # above its range, so its expected count may drift for long without changing the fit.
        objective = cell_loglik.sum(axis=1) - 0.5 * (prior * b * b).sum(axis=1)
        flat = np.abs(objective - last_objective[todo]) < _TOL * 1e-2 * (1.0 + np.abs(objective))
        last_objective[todo] = objective
        m = mask[todo]
        n_todo = len(info)
        gradient = ((by_cell.T @ (y_eff - mu).T).T - prior * b) * m
        m_levels = m[:, :n_levels].reshape(n_todo, k, n_strata).transpose(0, 2, 1)  # (N, T, k)
        ms = m[:, n_levels:]
        blocks = (level_sums.T @ info.T).T.reshape(n_todo, n_strata, k, k)
        blocks = blocks + eye_k * prior_levels[None, :, :, None]
        blocks = blocks * m_levels[..., :, None] * m_levels[..., None, :] + eye_k * (1.0 - m_levels[..., :, None])
        blocks = blocks + 1e-10 * eye_k
        coupling = (coupling_sums.T @ info.T).T.reshape(n_todo, n_strata, k, n_shared)
        coupling = coupling * m_levels[..., :, None] * ms[:, None, None, :]  # (N, T, k, S)
        block = (block_sums.T @ info.T).T.reshape(n_todo, n_shared, n_shared) + eye_shared * prior_shared
        block = block * ms[:, :, None] * ms[:, None, :] + eye_shared * (1.0 - ms[:, :, None])
        inverse = np.linalg.inv(blocks)  # (N, T, k, k)
        scaled = inverse @ coupling  # (N, T, k, S)
        flat_coupling = coupling.reshape(n_todo, n_strata * k, n_shared)
        flat_scaled = scaled.reshape(n_todo, n_strata * k, n_shared)
        schur = block - np.swapaxes(flat_coupling, 1, 2) @ flat_scaled + 1e-10 * eye_shared
        g_levels = gradient[:, :n_levels].reshape(n_todo, k, n_strata).transpose(0, 2, 1)  # (N, T, k)
        g_shared = gradient[:, n_levels:]
        rhs = g_shared - (np.swapaxes(flat_scaled, 1, 2) @ g_levels.reshape(n_todo, n_strata * k, 1))[..., 0]
        step_shared = np.linalg.solve(schur, rhs[..., None])[..., 0]
        left = g_levels - (coupling @ step_shared[:, None, :, None])[..., 0]
        step_levels = (inverse @ left[..., None])[..., 0]  # (N, T, k)
        step = np.concatenate([step_levels.transpose(0, 2, 1).reshape(n_todo, n_levels), step_shared], axis=1)
        biggest = np.abs(step).max(axis=-1)
        step = step * np.minimum(1.0, _MAX_STEP / np.maximum(biggest, 1e-300))[:, None]
        b = b + step
        beta[todo] = b
        # Converged when the parameters stop moving, or when what still moves only changes
        # expected counts by less than the tolerance: a level running off towards an empty
        # stratum part (all its cells zero) does so ever more slowly and changes nothing.
        log_unseen = b @ layout.unseen.T
        moved = np.abs((by_cell @ step.T).T) * mu
        moved_unseen = np.abs(step @ layout.unseen.T) * np.exp(np.minimum(log_unseen, 30.0))
        if limit is not None:
            # A stratum whose unseen ran away stays away (flat likelihood); the rest may settle.
            away = ran_away[todo] | (log_unseen > limit[rows][:, None])
            ran_away[todo] = away
            moved = np.where(away[:, cell_stratum], 0.0, moved)
            moved_unseen = np.where(away, 0.0, moved_unseen)
        settled = (biggest < _TOL) | ((moved.max(axis=-1) < _TOL) & (moved_unseen.max(axis=-1) < _TOL)) | flat
        finished = settled.copy()
        if limit is not None:
            everywhere = ran_away[todo].all(axis=1)
            diverged[todo] = everywhere
            finished |= everywhere
        converged[todo] = settled
        done[todo] = finished
        if settle_per_stratum and iteration == _MAX_ITER - 1:
            unsettled[todo] = _still_moving(moved / (mu + 1.0), moved_unseen / (np.exp(np.minimum(log_unseen, 30.0))
                                                                                + 1.0), cell_stratum, n_strata)
            unsettled[todo] &= ~finished[:, None]
    if settle_per_stratum:
        # judged per stratum: the settled strata of a fit that reached the cap keep their values
        capped = ~done & ~diverged & ~unsettled.all(axis=-1)
        converged |= capped
        ran_away |= unsettled & capped[..., None]
        diverged |= ~done & unsettled.all(axis=-1)
    mu = np.exp(np.clip(beta @ design.T, -50.0, 30.0))
    loglik = _loglik(mu, y, censored, span, tail)
    if per_stratum:
        return beta, loglik, mu, converged & ~diverged, ran_away
    return beta, loglik, mu, (converged & ~diverged) & ~ran_away.any(axis=-1)


def _still_moving(cells: np.ndarray, unseen: np.ndarray, cell_stratum: np.ndarray, n_strata: int) -> np.ndarray:
    """(N, T) strata whose cells (N, C) or unseen cell (N, T) changed by more than ``_SETTLED``
    (relative changes of their expected counts) in the last Newton step."""
    order = np.argsort(cell_stratum, kind="stable")
    starts = np.searchsorted(cell_stratum[order], np.arange(n_strata))
    present = np.bincount(cell_stratum, minlength=n_strata) > 0
    by_stratum = np.zeros(unseen.shape)
    by_stratum[:, present] = np.maximum.reduceat(cells[:, order], starts[present], axis=1)
    return (by_stratum > _SETTLED) | (unseen > _SETTLED)


def _sum_map(rows: np.ndarray, columns: list[np.ndarray], values: list[np.ndarray], n_cells: int,
             width: int) -> sparse.csr_matrix:
    """A sparse (cells x width) matrix: ``weights @ it`` adds each cell's weight times ``values``
    into ``columns`` (one array of columns and values per term, all for the cells ``rows``)."""
    rows = np.tile(np.asarray(rows), len(columns))
    return sparse.csr_matrix((np.concatenate(values), (rows, np.concatenate(columns))), shape=(n_cells, width))


def _loglik(mu: np.ndarray, y: np.ndarray, censored: np.ndarray, span: np.ndarray, tail: float = 0.0) -> np.ndarray:
    """Poisson log-likelihood; interval cells hold their lower bound in ``y`` and width in ``span``."""
    exact = y * np.log(np.maximum(mu, 1e-300)) - mu - gammaln(y + 1.0)
    where = np.broadcast_to(censored[None] == INTERVAL, exact.shape)
    if where.any():
        low = np.broadcast_to(y[None], exact.shape)[where]
        exact[where] = _truncated_moments(mu[where], low, np.broadcast_to(span[None], exact.shape)[where], tail)[2]
    exact[np.broadcast_to(censored[None] == UNKNOWN, exact.shape)] = 0.0
    return exact.sum(axis=-1)


def _candidate_models(n_lists: int, pairs: tuple, max_interactions: int | None) -> list[tuple[int, ...]]:
    """Each model is a tuple of indices into ``pairs``; always hierarchical (main effects in).
    Two lists leave only independence (their interaction is the unseen cell's)."""
    limit = len(pairs) if max_interactions is None else min(max_interactions, len(pairs))
    if n_lists == 2:
        return [()]
    models = []
    for size in range(limit + 1):
        models.extend(itertools.combinations(range(len(pairs)), size))
    return models


def _margin_ok(table: _Table, y: np.ndarray, censored: np.ndarray, boundary: bool = False) -> np.ndarray:
    """(n_pairs, R) whether each pair's four margin cells are positive in each replicate (in
    every group: each group has its own interaction). With ``boundary`` an empty overlap (the
    pair's both-seen margin) is allowed: the interaction then goes to minus infinity, which only
    empties those cells (their extended MLE), so the unseen stays estimable."""
    # interval-censored cells hold at least one person; unknown cells may hold none
    positive = np.where(censored == UNKNOWN, 0.0, y)  # interval cells hold their lower bound
    h = table.histories
    outside = ~table.registered  # the interactions are those of the lists outside the registrations
    cell_group = table.stratum_group[table.stratum]
    checks = []
    for i, j in table.pairs:
        ok = np.ones(len(y), bool)
        for g in range(len(table.groups)):
            cells = [outside & (cell_group == g) & (h[:, i] == a) & (h[:, j] == b)
                     for a, b in ((1, 1), (1, 0), (0, 1), (0, 0))]
            sums = np.stack([positive[:, c].sum(axis=1) for c in cells])
            ok &= (sums[1 if boundary else 0:] > 0).all(axis=0)
        checks.append(ok)
    return np.array(checks).reshape(len(table.pairs), len(y))


def _uses_chapman(table: _Table) -> bool:
    """Two lists, one stratum, no complete registration: Chapman's nearly unbiased estimator."""
    return len(table.sources) == 2 and len(table.strata) == 1 and not table.registered.any()


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
    boundary: bool = False,
) -> dict:
    """Run the whole procedure (checks, every model, selection) on R tables at once. ``boundary``
    (bootstrap replicates): a model whose pair lost its overlap is fitted at the boundary, not
    dropped (models holding a pair whose overlap in the data is one person would otherwise all
    fail in about e^-1 of the replicates, and the replicate with them)."""
    n_reps = len(y)
    n_strata = len(table.strata)
    layout = _design(table)
    design, precision = layout.design, layout.precision
    onehot = (table.stratum[:, None] == np.arange(n_strata)[None]).astype(float)  # (C, T)
    active = np.zeros((len(models), design.shape[1]), bool)
    active[:, :layout.n_base] = True
    for m, model in enumerate(models):
        for k in model:
            active[m, layout.pair_columns[k]] = True
    completed_floor = np.where(censored == UNKNOWN, 0.0, y)
    # Only overlaps of the lists outside the complete registrations say anything about the unseen.
    multi = ~table.registered & (table.histories[:, list(table.residual)].sum(axis=1) >= 2)
    overlap = completed_floor[:, multi].sum(axis=1)
    observed_floor = completed_floor.sum(axis=1)

    margins = _margin_ok(table, y, censored, boundary)  # (n_pairs, R)
    identifiable = np.ones((len(models), n_reps), bool)
    for m, model in enumerate(models):
        # More parameters than the table can carry (e.g. after structural zeros): not identifiable.
        # (a column with a prior is identified by it)
        plain = active[m] & (precision == 0)
        informative = design[table.censored != UNKNOWN][:, plain]
        if np.linalg.matrix_rank(informative) < plain.sum():
            identifiable[m] = False
        for k in model:
            identifiable[m] &= margins[k]
    identifiable &= (overlap >= min_overlap)[None]
    max_unseen = max_ratio * np.maximum(observed_floor, 1.0)
    beta, loglik, mu, converged, away = _fit_batch(layout, active, y, censored, span, ~identifiable, max_unseen,
                                                   start, table.tail, per_stratum=True,
                                                   settle_per_stratum=boundary)
    unseen = np.exp(np.clip(beta @ layout.unseen.T, -50, 30))  # (M, R, T)
    # A stratum whose unseen runs past the bound is unbounded in that fit; the model still
    # estimates the others (one corridor without overlap says nothing about the rest).
    bounded = ~away & (unseen < max_unseen[None, :, None])
    valid = identifiable & converged & bounded.any(axis=-1)
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
    factor = table.dependence_factor()  # the assumed odds ratio of two lists (1: independent)
    finite = np.isfinite(score)
    if _uses_chapman(table):
        n1 = (completed * table.histories[:, 0]).sum(axis=1)
        n2 = (completed * table.histories[:, 1]).sum(axis=1)
        m = (completed * (table.histories.sum(axis=1) == 2)).sum(axis=1)
        unseen = np.maximum(chapman(n1, n2, m)[0][:, None] - n_obs, 0.0)[None]  # (1, R, T)
        weight = finite[:1].astype(float)
        n_hat = n_obs + factor * unseen[0]
    else:
        # Model average (Buckland, Burnham & Augustin 1997): models that fit equally well may
        # imply very different unseen counts (e.g. dependence between KMar and IND or between
        # KMar and police, which the data cannot tell apart); the best alone would be arbitrary.
        lowest = np.where(finite, score, np.inf).min(axis=0)
        weight = np.where(finite, np.exp(-(np.where(finite, score, 0.0) - np.where(np.isfinite(lowest), lowest, 0.0))
                                          / 2.0), 0.0)
        weight = weight / np.maximum(weight.sum(axis=0), 1e-300)
        # per stratum, the average is over the models that bound it (as a whole table would
        # drop a model whose unseen runs away); no such model: the stratum is unbounded
        stratum_weight = weight[..., None] * bounded  # (M, R, T)
        total = stratum_weight.sum(axis=0)
        n_hat = n_obs + factor * (stratum_weight * np.where(bounded, unseen, 0.0)).sum(axis=0) / np.maximum(total, 1e-300)
        n_hat = np.where(total > 0, n_hat, np.inf)
        unseen = np.where(bounded, unseen, np.inf)
    return {
        "n_hat": np.where(ok[:, None], n_hat, np.nan),  # (R, T)
        "observed": n_obs,
        "best": best,
        "score": score,
        "mu": mu,
        "beta": beta,
        "unseen": unseen,
        "weight": weight,  # (M, R) each model's weight (0 where it is not valid)
        "active": active,  # (M, P) the columns of each model
        "ok": ok,
        "bounded": bounded,  # (M, R, T) whether each fit bounds each stratum's unseen
        "overlap": overlap,
        "valid_any": np.isfinite(score).any(axis=0),
        "onehot": onehot,
    }


# ----------------------------------------------------------------------------- public API

# The odds ratio of two lists among the persons they could both see, which no data from two lists
# can show: a 95% range of a factor three either way around independence (see the module doc).
DEPENDENCE_RANGE = (1 / 3, 3.0)

_DEFAULTS = dict(structural_zeros=None, unknown=None, criterion="aic", n_boot=199, min_overlap=3,
                 max_interactions=None, max_ratio=1000.0, max_failed_share=0.10, seed=0, keep_draws=False,
                 secondary_share=0.0, complete=None, dependence=DEPENDENCE_RANGE)


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
    complete: list[str] | None = None,
    dependence: tuple[float, float] | None = DEPENDENCE_RANGE,
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
    complete:
        sources that are complete registrations of a group (every member of the group is in
        it, e.g. the IND for asylum applicants): their persons are never unseen, so the unseen
        are estimated from the other sources among the persons outside them, whatever the
        dependence between the registration and the other sources.
    dependence:
        when two lists remain, the 95% range of their odds ratio (how much more likely one
        sees a person the other saw), which two lists cannot show; the estimate takes the
        geometric middle, the interval carries the range (log-normal). None: independence,
        exactly.

    Returns an :class:`MSEResult`.
    """
    options = dict(structural_zeros=structural_zeros, unknown=unknown, criterion=criterion, n_boot=n_boot,
                   min_overlap=min_overlap, max_interactions=max_interactions, max_ratio=max_ratio,
                   max_failed_share=max_failed_share, seed=seed, keep_draws=keep_draws,
                   secondary_share=secondary_share, complete=complete, dependence=dependence)
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
    (check it with shorter windows). Takes the keyword options of :func:`estimate_population`
    and three more:

    ``groups``: a column that puts the strata in groups (e.g. the corridor of each
    corridor x month stratum) with their own source effects, interactions and registered
    persons; ``shared``: lists whose rate of seeing someone the groups partly share (e.g. the
    police, who meet people inland whatever route they took): a common effect plus a deviation
    per group with a normal prior whose 95% range is a factor ``spread`` either way on the odds
    (default 2), so a group with little overlap of its own borrows the others' and one with
    much keeps its own. Returns {stratum label: MSEResult}.
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
    dependence = options["dependence"]
    if dependence is not None and not (len(dependence) == 2 and 0 < dependence[0] <= dependence[1]):
        raise ValueError("dependence must be a range (low, high) of odds ratios with 0 < low <= high")
    if options.get("spread", 2.0) < 1.0:
        raise ValueError("spread must be a factor >= 1")
    prepared, reason, notes = _prepare(table, sources, censored, threshold, options["structural_zeros"],
                                       options["unknown"], strata, options["secondary_share"],
                                       options["complete"], dependence, options.get("groups"),
                                       options.get("shared"), options.get("spread", 2.0))
    base_note = unique(notes)
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
    models = _candidate_models(tbl.n_lists, tbl.pairs, options["max_interactions"])
    min_overlap, max_ratio = options["min_overlap"], options["max_ratio"]
    fit = _select(tbl, models, y, z, tbl.span[None], criterion, min_overlap, max_ratio)
    observed = fit["observed"][0]
    if _uses_chapman(tbl):
        method = "chapman"
    else:
        method = f"loglinear-{criterion}" + ("-pooled" if strata else "")
    base_note = [*_assumptions(tbl), *base_note]
    if (n_cens + n_unknown).sum():
        method += "-censored"

    def refuse(why: Note) -> list[MSEResult]:
        return [_refused(why, base_note, observed[t], obs_lo[t], obs_hi[t], tbl.sources, method, tbl.strata[t])
                for t in range(n_strata)]

    if fit["overlap"][0] < min_overlap:
        return refuse(Note.of("too_little_overlap", outside=tbl.complete, n=fit["overlap"][0], k=min_overlap))
    if not fit["valid_any"][0]:
        return refuse(Note.of("no_model_fitted"))
    best = int(fit["best"][0])
    estimate = fit["n_hat"][0]  # (T,)
    score = fit["score"][:, 0]
    weights = np.exp(-(score - score.min()) / 2.0)
    weights = weights / weights.sum()
    labels = [_model_label(tbl, m) for m in models]
    model_weights = {labels[i]: round(float(w), 4) for i, w in enumerate(weights) if w > 0.001}
    lower = upper = np.full(n_strata, np.nan)
    failed = np.zeros(n_strata)
    draws = [None] * n_strata
    # Each stratum stands or falls on its own: one that the data or the bootstrap cannot bound
    # (e.g. a corridor whose lists share nobody) is refused with its reason, the others keep theirs.
    why_not: list[Note | None] = [None] * n_strata
    for t in np.flatnonzero(~np.isfinite(estimate)):
        why_not[t] = Note.of("no_upper_bound", max_ratio=max_ratio)
    if options["n_boot"] > 0:
        lower, upper, failed, draws = _bootstrap(tbl, models, fit, weights, estimate, criterion, options["n_boot"],
                                                 min_overlap, max_ratio, options["seed"])
        for t in range(n_strata):
            if not why_not[t] and (failed[t] > options["max_failed_share"] or not np.isfinite(upper[t])):
                why_not[t] = Note.of("bootstrap_unbounded", share=failed[t])
        lower = np.minimum(np.maximum(lower, obs_lo), estimate)
        upper = np.maximum(upper, estimate)
    results = []
    for t in range(n_strata):
        if why_not[t]:
            refused = _refused(why_not[t], base_note, observed[t], obs_lo[t], obs_hi[t], tbl.sources, method,
                               tbl.strata[t])
            results.append(replace(refused, bootstrap_failed_share=float(failed[t])))
            continue
        note = list(base_note)
        if n_cens[t]:
            note.append(Note.of("suppressed_cells", n=n_cens[t], weight=tbl.tail))
        if n_unknown[t]:
            note.append(Note.of("withheld_cells", n=n_unknown[t]))
        results.append(MSEResult(
            estimate=float(estimate[t]), lower=float(lower[t]), upper=float(upper[t]), method=method,
            model=labels[best], observed=float(observed[t]), estimable=True, reason=english(note), notes=tuple(note),
            observed_lower=float(obs_lo[t]), observed_upper=float(obs_hi[t]), sources=tbl.sources,
            censored_cells=int(n_cens[t] + n_unknown[t]), bootstrap_failed_share=float(failed[t]),
            model_weights=model_weights,
            # a plausible total is never below the persons surely seen
            draws=np.maximum(draws[t], obs_lo[t]) if options["keep_draws"] and draws[t] is not None else None,
            stratum=tbl.strata[t]))
    return results


def _assumptions(tbl: _Table) -> list[Note]:
    """The assumptions the data cannot check, as notes."""
    lists = [tbl.sources[i] for i in tbl.residual]
    said = []
    if tbl.complete:
        said.append(Note.of("complete_registration", complete=tbl.complete, lists=lists))
    if tbl.n_lists == 2:
        if tbl.dependence is None:
            said.append(Note.of("assumed_independent", a=lists[0], b=lists[1]))
        else:
            low, high = tbl.dependence
            said.append(Note.of("dependence_range", a=lists[0], b=lists[1], ratio=tbl.dependence_factor(),
                                low=low, high=high))
    if tbl.shared and len(tbl.groups) > 1:
        said.append(Note.of("shared_rate", sources=[tbl.sources[i] for i in tbl.shared], factor=tbl.spread))
    return said


def _refused(reason: Note, notes: list[Note], observed, obs_lo, obs_hi, sources, method="none",
             stratum=None) -> MSEResult:
    said = (reason, *notes)
    nan = float("nan")
    return MSEResult(nan, nan, nan, method, "", float(observed), False, english(said), float(obs_lo), float(obs_hi),
                     tuple(sources), stratum=stratum, notes=said)


def _bootstrap(tbl, models, fit, weights, estimate, criterion, n_boot, min_overlap, max_ratio, seed):
    """Parametric bootstrap of plausible realised totals (percentile prediction interval); see the
    module doc. ``min_overlap`` applies to the data only: a replicate is estimated whenever it can
    be (one overlap), as its value is a plausible one, not a published estimate.

    Returns per stratum: lower (T,), upper (T,), the share of replicates without an estimate
    of it (T,) (its unseen count is unbounded), draws (list).
    """
    rng = np.random.default_rng(_seed_for(tbl, seed))
    n_strata = len(tbl.strata)
    # Models more than ``_PRUNE_DELTA`` AIC units behind the best hold < 1% weight and are
    # practically never chosen in a replicate; leaving them out keeps the bootstrap fast.
    score = fit["score"][:, 0]
    keep = np.flatnonzero(np.isfinite(score) & (score - score.min() <= _PRUNE_DELTA))
    # Each replicate's data come from one model drawn with its AIC weight, censored like the data.
    chosen = rng.choice(len(weights), size=n_boot, p=weights)
    cells = rng.poisson(fit["mu"][chosen, 0, :]).astype(float)  # (R, C)
    y, censored, span = _censor_like(tbl, cells, rng)
    rep = _select(tbl, [models[k] for k in keep], y, censored, span, criterion, 1, max_ratio,
                  start=fit["beta"][keep, 0, :], boundary=True)
    # Each replicate's estimate of the expected unseen, from one model drawn with the replicate's
    # own weights, is a plausible value of it (percentile method: it keeps the skew of a ratio
    # estimator, large when the overlap is small, which a pivot around the estimate would flip).
    weight = rep["weight"]  # (M, R)
    ok = (weight.sum(axis=0) > 0) & rep["ok"]
    # per stratum among the models that bound it (one uniform draw per replicate for all strata)
    stratum_weight = weight[..., None] * rep["bounded"]
    cumulative = np.cumsum(stratum_weight, axis=0) / np.maximum(stratum_weight.sum(axis=0), 1e-300)
    pick = np.minimum((cumulative < rng.random(n_boot)[None, :, None]).sum(axis=0), len(weight) - 1)  # (R, T)
    expected = np.take_along_axis(rep["unseen"], pick[None], axis=0)[0] * tbl.dependence_factor()  # (R, T)
    expected = np.where(stratum_weight.sum(axis=0) > 0, expected, np.inf)
    if tbl.dependence_sd() > 0:
        # Two lists cannot show their dependence: each replicate takes its own odds ratio from the
        # stated range (one for all strata: the same lists everywhere).
        expected = expected * np.exp(tbl.dependence_sd() * rng.standard_normal((n_boot, 1)))
    if _design(tbl).precision.any():
        # Replicates of a penalised fit vary only with the data; what the priors leave open (a
        # group's or a month's deviation, large where there are few data of its own) is added.
        best = int(np.argmax(weights))
        covariance = _prior_covariance(tbl, fit["mu"][best, 0], fit["active"][best])
        values, vectors = np.linalg.eigh(covariance)
        root = vectors * np.sqrt(np.maximum(values, 0.0))[None]
        expected = expected * np.exp(rng.standard_normal((n_boot, len(values))) @ root.T)
    # The persons seen are known but for suppressed cells: the replicate's error in imputing them.
    seen_error = cells @ fit["onehot"] - rep["observed"]
    realised = rng.poisson(np.where(ok[:, None], np.minimum(expected, 1e12), 0.0)).astype(float)
    draws = fit["observed"][0][None, :] + seen_error + realised  # (R, T)
    draws[~ok] = np.inf  # the replicate's data could not bound the unseen
    draws[~np.isfinite(expected)] = np.inf  # nor, in this replicate, this stratum's
    failed = 1.0 - np.isfinite(draws).mean(axis=0)  # (T,)
    lower, upper = np.quantile(draws, [0.025, 0.975], axis=0, method="inverted_cdf")
    # for sums over strata, an unbounded draw counts as the stratum's largest bounded one
    largest = np.where(np.isfinite(draws), draws, -np.inf).max(axis=0)
    draws = np.where(np.isfinite(draws), draws, largest[None])
    return lower, upper, failed, [draws[:, t] for t in range(n_strata)]


def _prior_covariance(tbl: _Table, mu: np.ndarray, active: np.ndarray) -> np.ndarray:
    """(T, T) the part of the posterior covariance of the log unseen cells that is due to the
    priors: U V L V U' with V the inverse of the penalised information, L the prior precisions
    and U the unseen cells' design rows (posterior V = sampling part V I V + prior part V L V;
    replicates of a penalised fit only show the sampling part)."""
    layout = _design(tbl)
    columns = np.flatnonzero(active)
    x = layout.design[:, columns]
    info = mu.copy()
    if (tbl.censored == INTERVAL).any():
        cens = tbl.censored == INTERVAL
        _, variance, _ = _truncated_moments(mu[cens], tbl.counts[cens], tbl.span[cens], tbl.tail)
        info[cens] = np.maximum(mu[cens] - variance, 0.05 * mu[cens])
    info[tbl.censored == UNKNOWN] = 0.0
    prior = layout.precision[columns]
    penalised = x.T @ (info[:, None] * x) + np.diag(prior) + 1e-9 * np.eye(len(columns))
    inverse = np.linalg.pinv(penalised, hermitian=True)
    rows = layout.unseen[:, columns] @ inverse  # (T, P)
    return (rows * prior[None, :]) @ rows.T


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
