"""Refit the extractor's calibrated confidence on hand-labelled sets, judge it on a new writer's set, store it.

The lead's refit, one command (the labelled sets the rules are tuned on, ``DEFAULT_SETS``: ``learned_fit.PLAIN_SETS``
and ``TUNED_SETS``; the map onto the untuned sets ``learned_fit.RECALIBRATION_SETS``; about 3 minutes on a shared
2-core machine; add ``--write`` to store the fit and its held-out figures):

    .venv/bin/python benchmarks/text_calibrate.py [--write]

It fits P(exact route) = logistic(intercept + weights . features) (``routekit.text.calibration.fit_marginal``) on the
rows with a route, and the exact rate of the texts without one per kind (no place named, one country), and prints:
- the reliability by fifths of confidence in sample, pooled and per set;
- leave-one-set-out (LOSO): each set scored by the fit on the other sets. For every hard set (``*hard*``, one blind
  writer each) its fifths table, max |exact - mean confidence| of a fifth, PASS/FAIL against ``--tolerance`` (0.10),
  and what a perfectly calibrated confidence would show by chance on the same rows (median and 90th percentile of
  its max |gap| over ``--simulations`` draws, and how often chance alone reaches the gap seen: ``p``);
  then the hard sets' LOSO scores pooled (fifths of ~300 rows, where chance is small);
- a k-fold cross-validation over rows (``--folds``; new records of writers the fit has seen).
The method (defaults chosen by leaving one untuned set out, see ``routekit/text/README.md``): the robust features
``calibration.FITTED`` (``--features all`` for every feature), weights of ``calibration.LOWERING`` held <= 0
(``--no-monotone`` to free them), ridge ``--ridge`` (3), and one intercept per set (``--random-intercept``, the
default; ``--no-random-intercept`` for one common intercept), so that how easy the tuned sets are as a whole is not
learned as feature weight; it predicts with the mean over the sets' spread. ``--write`` stores the fit on all given
sets in ``routekit/reference/gazetteer/confidence.yaml`` (its other keys, such as ``genre_markers``, are kept). Never
fit or recalibrate on a set kept for evaluation: a file named ``*untouched*`` is refused. ``--balance 1`` weighs every
set equally. Deterministic: the fits start from fixed values, the chance draws from a fixed seed.

Why a second step (``--recalibrate-on``, default ``learned_fit.RECALIBRATION_SETS``: the untuned calibration sets
``tests/data/extraction_hard_calib.csv`` ... ``_hard_calib14.csv`` (``CALIBRATION_SETS``) and the training sets
``extraction_hard_train1.csv`` ... ``_hard_train36.csv`` (``TRAIN_SETS``), 48 writers; a missing one stops the refit
naming it; at least three, or ``none`` to skip the step): the rules are tuned on the sets above, so on them the
extractor is right more often than on a new writer's records, and a fit on them is over-confident on new material. An
untuned set is a hard set by an independent writer on which no rule was ever tuned (keep it so: never look at its
wrong rows; the training sets are read by counts only). The fitted score z = intercept + weights . features is mapped
to logistic(a + b z), a and b fitted on those sets alone (Platt scaling, ``RECALIBRATION``; b is held > 0, so the sign
limits keep); the stored intercept and weights are a + b * intercept and b * weights. ``--slope-ridge`` (1e6: a shift
only) and ``--terms`` store another map.
How it will do on a new writer's set is measured by leaving out one group of whole untuned sets at a time
(``--groups``, ``GROUPS`` = 6; ``set_groups`` deals the sets round-robin in the order given, so each of the 6 groups
holds 2 calibration and 6 training sets, ~960 rows). Why whole sets: a new writer's set is what the confidence is used
on, and a writer's rows share a style, genres and a difficulty of their own (the spread ``tau``); rows of one writer on
both sides of the split would flatter the map. Why groups rather than one set at a time: the nested figure below
chooses among ``CANDIDATES`` by leaving one of the other units out, so 48 sets one by one cost 48 x 5 x 47 fits (~50
minutes), 6 groups 6 x 5 x 5 (seconds); and a group's fifths of ~190 rows are tight enough that "within
``--tolerance``" says something (a perfectly calibrated confidence stays within 0.10 on nearly every group, on a
120-row set only 20-40% of the time). ``--per-set`` leaves one set out instead (slow). Two figures:
- the stored map (fixed in advance, no choice made on these sets): each group scored by the map fitted on the sets of
  the other groups;
- nested: each group scored by the map that ``choose`` picks among ``CANDIDATES`` on the other groups alone (lowest
  log loss when each of them is scored by the map fitted on the rest) and fits on them. Picking the best of several
  maps on the same held-out sets is optimistic; this is the figure for choosing at all.
Per held-out group it prints max|gap| of a fifth, PASS/FAIL against ``--tolerance``, and how often a perfectly
calibrated confidence stays within the tolerance on those rows by chance, then the groups pooled; then whether
choosing beats the stored map by ``CLEAR_MARGIN`` on both log loss and mean max|gap| (only then is another default
worth its parameters). ``--compare-with`` (default ``COMPARED_SETS``, the calibration sets, when they are some of the
recalibration sets): the same map recalibrated on those sets alone, scored on the same held-out groups, against the
map on all the sets: pooled max|gap|, groups within the tolerance, log loss (``at_least_as_good``: all three), and the
two on the rows of those sets alone (no learned stage was fitted on them). ``--write`` stores all of it under
``fitted: untuned_held_out``.
"""

from __future__ import annotations

import argparse
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import numpy as np
import pandas as pd

from routekit.text.learned_fit import CALIBRATION_SETS, PLAIN_SETS, TUNED_SETS
from routekit.text.learned_fit import RECALIBRATION_SETS as RECALIBRATION_NAMES

ROOT = Path(__file__).resolve().parents[1]
TARGET = ROOT / "routekit" / "reference" / "gazetteer" / "confidence.yaml"
DATA = ROOT / "tests" / "data"
RECALIBRATION_SETS = tuple(DATA / f"extraction_{name}.csv" for name in RECALIBRATION_NAMES)
# what the refit also judges the map recalibrated on alone, on the same held-out groups (``--compare-with``)
COMPARED_SETS = tuple(DATA / f"extraction_{name}.csv" for name in CALIBRATION_SETS)
# held out: the untuned sets in this many groups of whole sets (``set_groups``; 48 sets: 8 a group, ~960 rows)
GROUPS = 6
DEFAULT_SETS = tuple(DATA / f"extraction_{name}.csv" for name in (*PLAIN_SETS, *TUNED_SETS))
BINS = 5


@dataclass
class Row:
    set_name: str
    row_id: str
    features: tuple[float, ...] | None   # None: no route extracted
    kind: str                             # "" or the no-route kind
    exact: bool


@dataclass(frozen=True)
class Method:
    """How to fit: the features used, ridge, set balance, monotone weights, a random intercept per set."""
    features: tuple[str, ...]
    ridge: float = 3.0
    balance: float = 0.0
    monotone: bool = True
    random_intercept: bool = True


def read_rows(paths: list[Path]) -> list[Row]:
    from routekit.text import extract_route
    from routekit.text.evaluation import split_route

    rows = []
    for path in paths:
        gold = pd.read_csv(path, dtype=str, keep_default_na=False)
        for row_id, text, route in zip(gold["id"], gold["text"], gold["route"]):
            result = extract_route(text)
            right = result.route == split_route(route)
            if result.features:
                rows.append(Row(path.stem, row_id, result.features, "", right))
            else:
                kind = "one_country" if "one_country" in result.flags else (
                    "no_place" if result.reason == "no route stated" else "other")
                rows.append(Row(path.stem, row_id, None, kind, right))
    return rows


def fit_rows(rows: list[Row], method: Method) -> dict:
    """The model (intercept, a weight per feature - 0 for those not used -, no-route rates, tau) fitted on ``rows``."""
    from routekit.text.calibration import FEATURE_NAMES, LOWERING, fit_marginal

    routed = [r for r in rows if r.features is not None]
    sizes = {name: sum(1 for r in routed if r.set_name == name) for name in {r.set_name for r in routed}}
    mean_size = sum(sizes.values()) / len(sizes)
    row_weights = [(mean_size / sizes[r.set_name]) ** method.balance for r in routed]
    columns = [FEATURE_NAMES.index(name) for name in method.features]
    lowering = tuple(j for j, name in enumerate(method.features) if method.monotone and name in LOWERING)
    intercept, weights, tau = fit_marginal(
        [[r.features[c] for c in columns] for r in routed], [r.exact for r in routed],
        [r.set_name for r in routed] if method.random_intercept else None, method.ridge, row_weights, lowering)
    used = dict(zip(method.features, weights))
    rates = {}
    for kind in ("no_place", "one_country"):
        hits = [r.exact for r in rows if r.kind == kind]
        rates[kind] = round((sum(hits) + 1) / (len(hits) + 2), 2)   # Laplace: few rows
    return {"intercept": round(intercept, 4), "weights": {n: round(used.get(n, 0.0), 4) for n in FEATURE_NAMES},
            "no_route": rates, "tau": round(tau, 4)}


def confidence(model: dict, row: Row) -> float:
    """What the extractor would give this row with ``model`` stored (``calibration.logistic_confidence`` of the score,
    or ``no_route_probability``; a text left without a route for another reason: 0)."""
    from routekit.text.calibration import FEATURE_NAMES, logistic_confidence, no_route_probability

    if row.features is None:
        return 0.0 if row.kind == "other" else no_route_probability(row.kind, model["no_route"])
    return logistic_confidence(model["intercept"] + sum(model["weights"][n] * v
                                                        for n, v in zip(FEATURE_NAMES, row.features)))


@dataclass(frozen=True)
class Recalibration:
    """How the fitted score z is mapped on the untuned sets: logistic(a + b z + terms . x).

    ``slope_ridge`` pulls b toward 1 (0: plain Platt; 1e6 leaves a shift of the intercept only): a few hundred rows
    of three or four writers tell the slope poorly. ``terms``: features that get a weight of their own on the untuned
    sets (ridge ``term_ridge`` toward plain Platt)."""
    slope_ridge: float = 0.0
    terms: tuple[str, ...] = ()
    term_ridge: float = 10.0

    def label(self) -> str:
        if self.slope_ridge >= 1e6 and not self.terms:
            return "shift only"
        parts = ["Platt"]
        if self.slope_ridge:
            parts.append(f"slope ridge {self.slope_ridge:g}")
        if self.terms:
            parts.append(f"+ {'/'.join(self.terms)} (ridge {self.term_ridge:g})")
        return " ".join(parts)


# The map the refit stores: the simplest that does as well held out (``routekit/text/README.md``). Choosing among
# ``CANDIDATES`` (simplest first: a tie goes to the earlier) did not beat it by ``CLEAR_MARGIN`` when nested.
RECALIBRATION = Recalibration()
CANDIDATES = (
    Recalibration(), Recalibration(slope_ridge=1e6), Recalibration(slope_ridge=30.0),
    Recalibration(terms=("genre",)), Recalibration(terms=("legs", "turns")),
)
# How much better, held out and nested, a choice among the candidates must do on both scores before a map other than
# the simplest is worth storing (log loss per row, mean over the untuned sets of max|gap| of a fifth).
CLEAR_MARGIN = {"log_loss": 0.005, "mean_max_gap": 0.02}


def _scores(model: dict, rows: list[Row]) -> np.ndarray:
    from routekit.text.calibration import FEATURE_NAMES

    weights = np.array([model["weights"][n] for n in FEATURE_NAMES])
    return model["intercept"] + np.array([r.features for r in rows], dtype=float).reshape(len(rows), -1) @ weights


def _log_likelihood(y: np.ndarray, p: np.ndarray) -> float:
    p = np.clip(p, 1e-9, 1 - 1e-9)
    return float(np.sum(y * np.log(p) + (1 - y) * np.log(1 - p)))


def fit_recalibration(z: np.ndarray, terms: np.ndarray, y: np.ndarray, how: Recalibration) -> np.ndarray:
    """The map's parameters (offset a, slope b held > 0 so the sign limits keep, a weight per term) by penalised
    maximum likelihood on untuned rows."""
    from scipy.optimize import minimize

    k = terms.shape[1]
    design = np.column_stack([np.ones(len(z)), z, terms])

    def loss(theta):
        t = design @ theta
        penalty = how.slope_ridge * (theta[1] - 1.0) ** 2 + how.term_ridge * np.sum(theta[2:] ** 2)
        return -np.sum(y * t - np.logaddexp(0.0, t)) + 0.5 * penalty

    def gradient(theta):
        residual = y - 0.5 * (1.0 + np.tanh(0.5 * (design @ theta)))   # y - logistic(t), without overflow
        penalty = np.concatenate([[0.0, how.slope_ridge * (theta[1] - 1.0)], how.term_ridge * theta[2:]])
        return -(design.T @ residual) + penalty

    start = np.array([0.0, 1.0] + [0.0] * k)
    return minimize(loss, start, jac=gradient, method="L-BFGS-B",
                    bounds=[(None, None), (0.05, None)] + [(None, None)] * k).x


def _term_matrix(rows: list[Row], how: Recalibration) -> np.ndarray:
    from routekit.text.calibration import FEATURE_NAMES

    columns = [FEATURE_NAMES.index(name) for name in how.terms]
    return np.array([[r.features[c] for c in columns] for r in rows], dtype=float).reshape(len(rows), len(columns))


def recalibrate(model: dict, rows: list[Row], how: Recalibration = RECALIBRATION) -> tuple[dict, float, float]:
    """``model`` with its score mapped as ``how`` says, fitted on ``rows`` (sets the rules were not tuned on; see the
    module doc); returns (new model, a, b). The map is folded into the stored intercept and weights
    (a + b * intercept, b * weight + the term's own weight)."""
    routed = [r for r in rows if r.features is not None]
    y = np.array([r.exact for r in routed], dtype=float)
    theta = fit_recalibration(_scores(model, routed), _term_matrix(routed, how), y, how)
    a, b = float(theta[0]), float(theta[1])
    own = dict(zip(how.terms, theta[2:]))
    mapped = dict(model, intercept=round(a + b * model["intercept"], 4),
                  weights={n: round(b * w + float(own.get(n, 0.0)), 4) for n, w in model["weights"].items()})
    return mapped, a, b


def recalibrated_confidences(model: dict, train: list[Row], scored: list[Row], how: Recalibration) -> list[float]:
    """The confidence of each row of ``scored`` under ``model`` recalibrated on ``train`` as ``how`` says: what the
    stored model would give (texts without a route keep their kind's rate)."""
    mapped, _, _ = recalibrate(model, train, how)
    return [confidence(mapped, row) for row in scored]


def frame(scored: list[tuple[Row, float]]) -> pd.DataFrame:
    return pd.DataFrame({"id": [f"{r.set_name}:{r.row_id}" for r, _ in scored], "confidence": [c for _, c in scored],
                         "exact": [r.exact for r, _ in scored]})


def max_gap(confidences: np.ndarray, exact: np.ndarray) -> float:
    """Largest |exact rate - mean confidence| over the fifths of rows by confidence (``evaluation.reliability``)."""
    from routekit.text.evaluation import reliability

    table = reliability(pd.DataFrame({"id": np.arange(len(confidences)), "confidence": confidences, "exact": exact}),
                        BINS)
    return float(table["gap"].abs().max())


def chance_gaps(confidences: np.ndarray, draws: int, seed: int = 15) -> np.ndarray:
    """Max |gap| of a perfectly calibrated confidence on these rows: each row exact with its own confidence."""
    rng = np.random.default_rng(seed)
    ordered = np.sort(confidences, kind="stable")   # the parts of ``reliability`` (ties: a row's draw is its own)
    part = (np.arange(len(ordered)) * BINS) // max(len(ordered), 1)
    counts = np.bincount(part, minlength=BINS)
    means = np.bincount(part, weights=ordered, minlength=BINS) / counts
    exact = rng.random((draws, len(ordered))) < ordered
    rates = np.stack([exact[:, part == k].mean(axis=1) for k in range(BINS)], axis=1)
    return np.abs(rates - means).max(axis=1)


def against_chance(scored: list[tuple[Row, float]], draws: int, tolerance: float | None = None,
                   ) -> tuple[float, float, str]:
    """The max |gap| seen, how often a perfectly calibrated confidence reaches it by chance, and a note saying so
    (with ``tolerance``: also how often such a confidence stays within it on these rows)."""
    from routekit.text.evaluation import reliability

    confidences = np.array([c for _, c in scored])
    seen = float(reliability(frame(scored), BINS)["gap"].abs().max())   # the table shown (ties ordered by id)
    chance = chance_gaps(confidences, draws)
    p_value = float(np.mean(chance >= seen - 1e-9))
    within = "" if tolerance is None else f", within {tolerance:.2f} {np.mean(chance <= tolerance + 1e-9):.0%}"
    return seen, p_value, (f"  (chance median {np.median(chance):.2f} p90 {np.quantile(chance, 0.9):.2f}"
                           f"{within}, p {p_value:.2f})")


def show(title: str, reliability_table: pd.DataFrame, tolerance: float | None = None, chance: str = "") -> float:
    worst = float(reliability_table["gap"].abs().max())
    cells = "  ".join(f"{part} n={int(r.rows)} conf {r.confidence:.2f} exact {r.exact:.2f} gap {r.gap:+.2f}"
                      for part, r in reliability_table.iterrows())
    verdict = "" if tolerance is None else ("  PASS" if worst <= tolerance + 1e-9 else "  FAIL")
    print(f"{title:<28} max|gap| {worst:.2f}{verdict}{chance}   {cells}")
    return worst


def leave_one_set_out(rows: list[Row], names: list[str], method: Method) -> dict[str, list[tuple[Row, float]]]:
    """Each set scored by the fit on the other sets."""
    scored = {}
    for name in names:
        other = fit_rows([r for r in rows if r.set_name != name], method)
        scored[name] = [(r, confidence(other, r)) for r in rows if r.set_name == name]
    return scored


def set_groups(names: list[str], groups: int) -> dict[str, list[str]]:
    """Whole sets dealt into ``groups`` groups, round-robin in the order given (deterministic; with the default order,
    calib, calib2, ... then train1, train2, ..., every group holds untuned sets of both kinds). ``groups`` <= 0 or at
    least the number of sets: one group per set, named by it (leave one set out)."""
    if groups <= 0 or groups >= len(names):
        return {name: [name] for name in names}
    dealt: dict[str, list[str]] = {f"g{k + 1}": [] for k in range(groups)}
    for index, name in enumerate(names):
        dealt[f"g{index % groups + 1}"].append(name)
    return dealt


def _as_groups(names: list[str] | dict[str, list[str]]) -> dict[str, list[str]]:
    return names if isinstance(names, dict) else {name: [name] for name in names}


def leave_one_group_out(model: dict, rows: list[Row], groups: list[str] | dict[str, list[str]], how: Recalibration,
                        fit_on: frozenset[str] | None = None) -> dict[str, list[tuple[Row, float]]]:
    """Each group of untuned sets scored by ``model`` recalibrated (as ``how`` says) on the sets of the other groups
    (only those in ``fit_on``, when given: another choice of recalibration sets judged on the same groups): how the
    stored confidence will do on a new writer's sets. A list of names: one group per set."""
    scored = {}
    for label, members in _as_groups(groups).items():
        inside = set(members)
        held = [r for r in rows if r.set_name in inside]
        train = [r for r in rows if r.set_name not in inside and (fit_on is None or r.set_name in fit_on)]
        scored[label] = list(zip(held, recalibrated_confidences(model, train, held, how)))
    return scored


def leave_one_untuned_set_out(model: dict, rows: list[Row], names: list[str], how: Recalibration,
                              ) -> dict[str, list[tuple[Row, float]]]:
    """Each untuned set scored by ``model`` recalibrated (as ``how`` says) on the other untuned sets (``--per-set``)."""
    return leave_one_group_out(model, rows, list(names), how)


def pooled(held_out: dict[str, list[tuple[Row, float]]]) -> list[tuple[Row, float]]:
    return [s for scored in held_out.values() for s in scored]


def choose(model: dict, rows: list[Row], names: list[str] | dict[str, list[str]],
           candidates: tuple[Recalibration, ...]) -> Recalibration:
    """The candidate map with the lowest log loss over ``names`` (sets, or groups of sets), each scored by the map
    fitted on the others (log loss: a proper score that moves little from run to run; a fifth's gap on ~120 rows is
    mostly chance). A tie goes to the earlier, simpler candidate."""
    losses = [round(log_loss(pooled(leave_one_group_out(model, rows, names, how))), 4) for how in candidates]
    return candidates[losses.index(min(losses))]


def nested(model: dict, rows: list[Row], names: list[str] | dict[str, list[str]],
           candidates: tuple[Recalibration, ...],
           ) -> tuple[dict[str, list[tuple[Row, float]]], dict[str, Recalibration]]:
    """How choosing a map does on a new writer's set: each untuned set (or group of sets) scored by the map chosen
    (``choose``, leaving one of the other sets or groups out) and fitted on the other untuned sets only, so the choice
    never sees the rows it is judged on. Returns the scored rows and the map each fold chose."""
    groups = _as_groups(names)
    scored, chosen = {}, {}
    for label, members in groups.items():
        inside = set(members)
        train = [r for r in rows if r.set_name not in inside]
        how = choose(model, train, {other: sets for other, sets in groups.items() if other != label}, candidates)
        held = [r for r in rows if r.set_name in inside]
        scored[label], chosen[label] = list(zip(held, recalibrated_confidences(model, train, held, how))), how
    return scored, chosen


def log_loss(scored: list[tuple[Row, float]]) -> float:
    """Mean negative log-likelihood of the rows' exact/not under their confidence (clipped to 0.01-0.99)."""
    p = np.clip(np.array([c for _, c in scored], dtype=float), 0.01, 0.99)
    return -_log_likelihood(np.array([r.exact for r, _ in scored], dtype=float), p) / max(len(scored), 1)


def held_out_figures(held_out: dict[str, list[tuple[Row, float]]], tolerance: float) -> dict:
    """What a held-out evaluation stores: max|gap| per set, their mean, how many sets are within ``tolerance``, the
    pooled max|gap| and the log loss per row."""
    from routekit.text.evaluation import largest_gap

    gaps = {name: round(largest_gap(frame(scored)), 2) for name, scored in held_out.items()}
    return {"max_gap": gaps, "mean_max_gap": round(float(np.mean(list(gaps.values()))), 3),
            "within_tolerance": sum(gap <= tolerance + 1e-9 for gap in gaps.values()),
            "pooled_max_gap": round(largest_gap(frame(pooled(held_out))), 2),
            "log_loss": round(log_loss(pooled(held_out)), 4)}


def summary(title: str, held_out: dict[str, list[tuple[Row, float]]], draws: int = 1000) -> str:
    """One line: max|gap| per held-out set (chance median), their mean, the pooled max|gap|, the log loss."""
    figures = held_out_figures(held_out, 0.0)
    medians = {name: float(np.median(chance_gaps(np.array([c for _, c in scored]), draws)))
               for name, scored in held_out.items()}
    return (f"{title:<32} " + " ".join(f"{figures['max_gap'][n]:.2f} ({medians[n]:.2f})" for n in held_out)
            + f"  mean {figures['mean_max_gap']:.3f}  pooled {figures['pooled_max_gap']:.2f}"
              f"  log loss {figures['log_loss']:.4f}")


def _short(name: str) -> str:
    return name.removeprefix("extraction_").removeprefix("hard_")


def at_least_as_good(figures: dict, other: dict) -> bool:
    """Whether held-out ``figures`` are at least as good as ``other``'s on all three scores: pooled max|gap|, groups
    within the tolerance and log loss per row."""
    return (figures["pooled_max_gap"] <= other["pooled_max_gap"] + 1e-9
            and figures["within_tolerance"] >= other["within_tolerance"]
            and figures["log_loss"] <= other["log_loss"] + 1e-9)


def compare_sets(model: dict, rows: list[Row], groups: dict[str, list[str]], how: Recalibration, tolerance: float,
                 fixed: dict[str, list[tuple[Row, float]]], fit_on: list[str], draws: int = 1000) -> dict:
    """Print and return the stored map recalibrated on all the untuned sets against the same map recalibrated on
    ``fit_on`` alone, both scored on the same held-out groups (each by a map that never saw its sets); then the same
    two on the rows of ``fit_on``'s sets alone (by default the calibration sets: no learned stage was fitted on them
    either, while the training sets are in sample for the learned stages)."""
    from routekit.text.evaluation import reliability

    alone = leave_one_group_out(model, rows, groups, how, frozenset(fit_on))
    label = f"{_short(fit_on[0])}..{_short(fit_on[-1])} alone ({len(fit_on)} sets)"
    mine, theirs = held_out_figures(fixed, tolerance), held_out_figures(alone, tolerance)
    kept = set(fit_on)
    subset = {name: [s for s in scored if s[0].set_name in kept] for name, scored in fixed.items()}
    subset_alone = {name: [s for s in scored if s[0].set_name in kept] for name, scored in alone.items()}
    print(f"\nrecalibration sets compared on the same held-out groups (each group scored by a map fitted without it): "
          f"all {len({r.set_name for r in rows})} untuned sets against {label}")
    for title, figures in ((f"all untuned sets ({how.label()})", mine), (label, theirs)):
        print(f"  {title:<40} pooled max|gap| {figures['pooled_max_gap']:.2f}  groups within {tolerance:.2f} "
              f"{figures['within_tolerance']} of {len(groups)}  mean max|gap| {figures['mean_max_gap']:.3f}  "
              f"log loss {figures['log_loss']:.4f}")
    on_subset = {}
    print(f"  only the rows of {_short(fit_on[0])}..{_short(fit_on[-1])}, held out as above, by the map on:")
    for title, scored in (("all untuned sets", subset), (label, subset_alone)):
        figures = held_out_figures({name: s for name, s in scored.items() if s}, tolerance)
        on_subset[title] = {key: figures[key] for key in ("pooled_max_gap", "log_loss")}
        show(f"  {title}", reliability(frame(pooled(scored)), BINS), None,
             against_chance(pooled(scored), draws)[2] + f"  log loss {figures['log_loss']:.4f}")
    good = at_least_as_good(mine, theirs)
    print("  all untuned sets " + ("ARE" if good else "are NOT") + f" at least as good as {label} (pooled max|gap|, "
          "groups within the tolerance, log loss)")
    return {"alone_on": [_short(name) for name in fit_on], "alone": theirs, "at_least_as_good": good,
            "rows_of_those_sets": on_subset}


def held_out_on_untuned(model: dict, rows: list[Row], names: list[str], how: Recalibration, tolerance: float,
                        draws: int, groups: int = 0, compare_with: list[str] = ()) -> dict:
    """Print and return how the map does on a new writer's set: each group of untuned sets (``set_groups``; 0: each
    set) scored by ``how`` fitted on the other groups' sets (no choice made on them), and nested (the map chosen
    among ``CANDIDATES`` and fitted on the other groups alone); then whether choosing beats ``how`` by
    ``CLEAR_MARGIN`` on both scores; with ``compare_with`` (some of ``names``), whether all the sets recalibrate at
    least as well as those alone (``compare_sets``)."""
    from routekit.text.evaluation import reliability

    dealt = set_groups(names, groups)
    per_set = all(members == [label] for label, members in dealt.items())
    unit = "set" if per_set else "group"
    print(f"\nheld out on the untuned sets, {'one set' if per_set else f'{len(dealt)} groups of whole sets'} left out "
          f"at a time: max|gap| of a fifth per {unit} (median a perfectly calibrated confidence shows by chance on its "
          "rows), their mean, pooled max|gap|, log loss per row. The held-out figure of choosing a map is the nested "
          f"one (chosen and fitted without the {unit} it is scored on); the stored map was fixed in advance, so its "
          "line is held out as well")
    if not per_set:
        for label, members in dealt.items():
            print(f"  {label}: " + ", ".join(_short(name) for name in members))
    fixed = leave_one_group_out(model, rows, dealt, how)
    nested_scored, chosen = nested(model, rows, dealt, CANDIDATES)
    print("  " + summary("nested choice", nested_scored, draws) + "   chose: "
          + ", ".join(f"{_short(label)} {chosen[label].label()}" for label in dealt))
    print("  " + summary(f"{how.label()} (stored)", fixed, draws))
    stored, choosing = held_out_figures(fixed, tolerance), held_out_figures(nested_scored, tolerance)
    gains = {key: stored[key] - choosing[key] for key in CLEAR_MARGIN}
    clear = all(gains[key] >= margin for key, margin in CLEAR_MARGIN.items())
    print("  choosing among " + ", ".join(c.label() for c in CANDIDATES) + " gains "
          + ", ".join(f"{key} {gains[key]:+.4f} (clear: {CLEAR_MARGIN[key]})" for key in CLEAR_MARGIN)
          + (f": CLEAR - choosing beats the stored map ({how.label()}): consider the map the folds chose" if clear
             else f": not clear - choosing adds nothing over the stored map ({how.label()})"))
    print(f"\nthe stored map ({how.label()}), each untuned {unit} scored by the map fitted on the others:")
    for label in dealt:
        title = label if per_set else f"{label} ({len(dealt[label])} sets)"
        show(title, reliability(frame(fixed[label]), BINS), tolerance,
             against_chance(fixed[label], draws, tolerance)[2])
    show("untuned sets pooled, held out", reliability(frame(pooled(fixed)), BINS), tolerance,
         against_chance(pooled(fixed), draws, tolerance)[2])
    print(f"held out: {stored['within_tolerance']} of {len(dealt)} untuned {unit}s within {tolerance:.2f}")
    figures = {"map": how.label(), **stored,
               "nested": {**choosing, "chosen": {label: chosen[label].label() for label in dealt},
                          "candidates": [c.label() for c in CANDIDATES], "beats_the_map_clearly": clear}}
    if not per_set:
        figures["groups"] = {label: [_short(name) for name in members] for label, members in dealt.items()}
    if compare_with:
        figures["compared"] = compare_sets(model, rows, dealt, how, tolerance, fixed, list(compare_with), draws)
    return figures


def recalibration_paths(values: list[str]) -> list[Path]:
    return [] if values == ["none"] else [Path(value) for value in values]


def main() -> None:
    from routekit.text.calibration import FEATURE_NAMES, FITTED, write_model
    from routekit.text.evaluation import CALIBRATION_TOLERANCE, reliability

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sets", nargs="*", type=Path, default=list(DEFAULT_SETS))
    parser.add_argument("--ridge", type=float, default=3.0)
    parser.add_argument("--write", action="store_true")
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--balance", type=float, default=0.0, help="0: every row counts once; 1: every set equally")
    parser.add_argument("--features", default="fitted", help="'fitted' (calibration.FITTED), 'all', or a comma list")
    parser.add_argument("--no-monotone", dest="monotone", action="store_false",
                        help="let the weights of calibration.LOWERING take either sign")
    parser.add_argument("--random-intercept", action=argparse.BooleanOptionalAction, default=Method.random_intercept,
                        help="one intercept per set, so that the tuned sets' ease is not learned as feature weight; "
                             "predict with the mean over the sets' spread (default)")
    parser.add_argument("--tolerance", type=float, default=CALIBRATION_TOLERANCE,
                        help="largest |gap| of a fifth on a held-out hard set")
    parser.add_argument("--simulations", type=int, default=2000, help="draws of a calibrated model's chance gap")
    parser.add_argument("--recalibrate-on", nargs="+", default=[str(p) for p in RECALIBRATION_SETS],
                        help="hard sets no rule was tuned on (at least three): map the fit's score onto them "
                             "(RECALIBRATION) and measure it by leaving one out ('none' to skip)")
    parser.add_argument("--groups", type=int, default=GROUPS,
                        help="held out: the untuned sets dealt into this many groups of whole sets, one group left out "
                             "at a time (set_groups)")
    parser.add_argument("--per-set", action="store_true",
                        help="held out: leave one untuned set out at a time (slow with many sets: nested, ~50 min "
                             "for 48 sets)")
    parser.add_argument("--compare-with", nargs="+",
                        help="some of the --recalibrate-on sets: also judge the map recalibrated on these alone on "
                             "the same held-out groups (default: those of COMPARED_SETS among them; 'none' to skip; "
                             "skipped when they are all the sets)")
    parser.add_argument("--slope-ridge", type=float, default=RECALIBRATION.slope_ridge,
                        help="recalibration: pull of the slope toward 1 (0: plain Platt; 1e6: a shift only)")
    parser.add_argument("--terms", nargs="*", default=list(RECALIBRATION.terms),
                        help="recalibration: features with a weight of their own on the untuned sets")
    parser.add_argument("--term-ridge", type=float, default=RECALIBRATION.term_ridge)
    args = parser.parse_args()
    missing = [str(path) for path in [*args.sets, *recalibration_paths(args.recalibrate_on)] if not path.exists()]
    if missing:
        parser.error(f"no such labelled set: {', '.join(missing)}")
    if any("untouched" in path.name for path in [*args.sets, *recalibration_paths(args.recalibrate_on)]):
        parser.error("the untouched sets are for evaluation only: never fitted or recalibrated on")
    recalibration_sets = recalibration_paths(args.recalibrate_on)
    if {p.resolve() for p in recalibration_sets} & {p.resolve() for p in args.sets}:
        parser.error("--recalibrate-on: a recalibration set must not be one of the fitted sets")
    if 0 < len(recalibration_sets) < 3:
        parser.error("--recalibrate-on: at least three untuned sets (the map is measured on each with a choice made "
                     "on the others), or 'none'")
    groups = 0 if args.per_set else args.groups
    if not args.per_set and 0 < args.groups < 3:
        parser.error("--groups: at least three (each group is scored by a map chosen leaving one of the others out)")
    known = {p.resolve(): p.stem for p in recalibration_sets}
    compared = (recalibration_paths(args.compare_with) if args.compare_with is not None
                else [p for p in COMPARED_SETS if p.resolve() in known])
    if any(p.resolve() not in known for p in compared):
        parser.error("--compare-with: only sets among --recalibrate-on (they are judged on the same held-out groups)")
    compare_with = [known[p.resolve()] for p in compared]
    if set(compare_with) == set(known.values()):
        compare_with = []   # the same sets: nothing to compare
    unknown_terms = sorted(set(args.terms) - set(FEATURE_NAMES))
    if unknown_terms:
        parser.error(f"--terms: unknown {', '.join(unknown_terms)}")
    features = {"fitted": FITTED, "all": FEATURE_NAMES}.get(args.features) or tuple(args.features.split(","))
    unknown = sorted(set(features) - set(FEATURE_NAMES))
    if unknown:
        parser.error(f"--features: unknown {', '.join(unknown)} (known: {', '.join(FEATURE_NAMES)})")
    method = Method(tuple(features), args.ridge, args.balance, args.monotone, args.random_intercept)

    rows = read_rows(args.sets)
    model = fit_rows(rows, method)
    routed = [r for r in rows if r.features is not None]
    print(f"rows {len(rows)}, with a route {len(routed)} (exact {sum(r.exact for r in routed) / len(routed):.3f}); "
          f"no-route rates {model['no_route']}")
    print(f"method {method}")
    print(f"intercept {model['intercept']:+.3f}  tau {model['tau']:.3f}  "
          + "  ".join(f"{n} {w:+.3f}" for n, w in model["weights"].items() if w))
    base_weights = dict(model["weights"])
    names = [p.stem for p in args.sets]
    print("\nin sample (fit on all sets)")
    show("all sets", reliability(frame([(r, confidence(model, r)) for r in rows]), BINS))
    for name in names:
        show(name, reliability(frame([(r, confidence(model, r)) for r in rows if r.set_name == name]), BINS))

    print("\nleave one set out (fit on the other sets, scored on this one); for a hard set: PASS/FAIL against "
          f"--tolerance {args.tolerance:.2f}, and the max|gap| a perfectly calibrated confidence shows by chance")
    scored = leave_one_set_out(rows, names, method)
    hard = [name for name in names if "hard" in name]
    verdicts = []
    for name in names:
        if name not in hard:
            show(name, reliability(frame(scored[name]), BINS))
            continue
        seen, p_value, note = against_chance(scored[name], args.simulations)
        show(name, reliability(frame(scored[name]), BINS), args.tolerance, note)
        verdicts.append((name, seen, p_value))
    show("all sets, out of sample", reliability(frame([s for name in names for s in scored[name]]), BINS))
    if hard:
        pooled_hard = [s for name in hard for s in scored[name]]
        show("hard sets pooled, LOSO", reliability(frame(pooled_hard), BINS), None,
             against_chance(pooled_hard, args.simulations)[2])
        passed = sum(gap <= args.tolerance + 1e-9 for _, gap, _ in verdicts)
        within = sum(p >= 0.05 for _, _, p in verdicts)
        print("hard sets LOSO max|gap|: "
              + ", ".join(f"{n.removeprefix('extraction_')} {g:.2f}" for n, g, _ in verdicts) + f"; PASS {passed}/{len(verdicts)}; within chance (p >= 0.05) {within}/{len(verdicts)}")

    print(f"\n{args.folds}-fold cross-validation over rows (each row scored by a fit without its fold)")
    folds = [rows[i::args.folds] for i in range(args.folds)]   # rows interleaved: every fold holds every set
    out_of_fold = []
    for index, fold in enumerate(folds):
        other = fit_rows([r for j, f in enumerate(folds) if j != index for r in f], method)
        out_of_fold += [(r, confidence(other, r)) for r in fold]
    for name in names + [None]:
        show(name or "all sets, out of fold",
             reliability(frame([(r, c) for r, c in out_of_fold if name is None or r.set_name == name]), BINS))
    recalibration = None
    untuned_held_out = {}
    if recalibration_sets:
        calibration_rows = read_rows(recalibration_sets)
        how = Recalibration(slope_ridge=args.slope_ridge, terms=tuple(args.terms), term_ridge=args.term_ridge)
        untuned = [p.stem for p in recalibration_sets]
        untuned_held_out = held_out_on_untuned(model, calibration_rows, untuned, how, args.tolerance,
                                               args.simulations, groups, compare_with)
        label = " + ".join(untuned) if len(untuned) <= 6 else f"{len(untuned)} untuned sets"
        show(f"{label}, fit as above (before recalibration)",
             reliability(frame([(r, confidence(model, r)) for r in calibration_rows]), BINS), args.tolerance)
        model, a, b = recalibrate(model, calibration_rows, how)
        recalibration = {"on": [p.name for p in recalibration_sets], "method": how.label(), "offset": round(a, 4),
                         "slope": round(b, 4), "rows": sum(r.features is not None for r in calibration_rows)}
        print(f"\nrecalibrated on {label} ({how.label()}): logistic({a:+.3f} + {b:.3f} z"
              + "".join(f" {model['weights'][t] - b * base_weights[t]:+.3f} {t}" for t in how.terms) + ")")
        show(f"{label}, recalibrated (in sample)",
             reliability(frame([(r, confidence(model, r)) for r in calibration_rows]), BINS), args.tolerance)
    if args.write:
        write_model(TARGET, model, {
            "recalibration": recalibration,
            "on": [p.name for p in args.sets], "rows": len(routed), "date": date.today().isoformat(),
            "ridge": method.ridge, "balance": method.balance, "monotone": method.monotone,
            "random_intercept": method.random_intercept, "features": list(method.features),
            "loso_max_gap": {name: round(gap, 2) for name, gap, _ in verdicts},
            "untuned_held_out": untuned_held_out,
            "command": "benchmarks/text_calibrate.py"})
        print(f"wrote {TARGET}")


if __name__ == "__main__":
    main()
