"""Refit the extractor's calibrated confidence on hand-labelled sets, judge it on a new writer's set, store it.

The lead's refit, one command (the labelled tuning sets by default; add ``--write`` to store the fit):

    .venv/bin/python benchmarks/text_calibrate.py [--write]

It fits P(exact route) = logistic(intercept + weights . features) (``routekit.text.calibration.fit_marginal``) on the
rows with a route, and the exact rate of the texts without one per kind (no place named, one country), and prints:
- the reliability by fifths of confidence in sample, pooled and per set;
- leave-one-set-out (LOSO): each set scored by the fit on the other sets. For every hard set (``*hard*``, one blind
  writer each) its fifths table, max |exact - mean confidence| of a fifth, PASS/FAIL against ``--tolerance`` (0.10),
  and what a perfectly calibrated confidence would show by chance on the same rows (median and 90th percentile of
  its max |gap| over ``--simulations`` draws, and how often chance alone reaches the gap seen: ``p``);
  then the five hard sets' LOSO scores pooled (fifths of ~110 rows, where chance is small);
- a k-fold cross-validation over rows (``--folds``; new records of writers the fit has seen).
The method (defaults chosen by leaving one untuned set out, see ``routekit/text/README.md``): the robust features
``calibration.FITTED`` (``--features all`` for every feature), weights of ``calibration.LOWERING`` held <= 0
(``--no-monotone`` to free them), ridge ``--ridge`` (3), and one intercept per set (``--random-intercept``, the
default; ``--no-random-intercept`` for one common intercept), so that how easy the tuned sets are as a whole is not
learned as feature weight; it predicts with the mean over the sets' spread. ``--write`` stores the fit on all given
sets in ``routekit/reference/gazetteer/confidence.yaml`` (its other keys, such as ``genre_markers``, are kept). Never
fit or recalibrate on a set kept for evaluation: a file named ``*untouched*`` is refused. ``--balance 1`` weighs every
set equally. Deterministic: the fits start from fixed values, the chance draws from a fixed seed.

Why a second step (``--recalibrate-on``, default the four untuned sets ``tests/data/extraction_hard_calib.csv``,
``..._hard_calib2.csv``, ``..._hard_calib3.csv``, ``..._hard_calib4.csv``; a missing one stops the refit naming it):
the rules are tuned on the sets above, so on them the extractor is right more often than on a new writer's records,
and a fit on them is over-confident on new material, most of all on records that look easy. An untuned set is a hard
set by an independent writer on which no rule was ever tuned (keep it so: never look at its wrong rows). The fitted
score z = intercept + weights . features is mapped to m x logistic(a + b z), a, b and the ceiling m fitted on those
sets alone (Platt scaling with a learned ceiling, ``RECALIBRATION``; ``--no-ceiling``, ``--slope-ridge``, ``--terms``
for the others); the stored intercept and weights are a + b * intercept and b * weights and the ceiling is stored as
``ceiling``. ``b`` is held > 0, so the sign limits keep. ``--recalibrate-on none`` skips the step.
How it will do on a new writer's set is measured by leaving one untuned set out: each untuned set scored by the fit
recalibrated on the other untuned sets; the refit prints, for the chosen map and the alternatives (``COMPARED``), the
max|gap| of a fifth per held-out set beside the median a perfectly calibrated confidence shows by chance on those rows,
the pooled held-out max|gap| and log loss, then the chosen map's fifths per held-out set; ``--write`` stores them
under ``fitted: untuned_held_out``.
"""

from __future__ import annotations

import argparse
import math
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import numpy as np
import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
TARGET = ROOT / "routekit" / "reference" / "gazetteer" / "confidence.yaml"
DATA = ROOT / "tests" / "data"
RECALIBRATION_SETS = tuple(DATA / f"extraction_hard_calib{n}.csv" for n in ("", "2", "3", "4"))
DEFAULT_SETS = tuple(DATA / f"extraction_{name}.csv" for name in (
    "gold", "dev2", "dev3", "dev4", "heldout", "heldout2", "hard_dev", "hard_dev2", "hard_dev3", "hard_dev4",
    "hard_dev5", "hard_dev6", "hard_dev7", "hard_dev8", "hard_dev9", "hard_dev10", "hard_dev11"))
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
    """What ``calibration.probability`` / ``no_route_probability`` give for this row under ``model``."""
    from routekit.text.calibration import FEATURE_NAMES

    if row.features is None:
        return model["no_route"].get(row.kind, 1.0 if row.exact else 0.0) if row.kind != "other" else 0.0
    score = model["intercept"] + sum(model["weights"][n] * v for n, v in zip(FEATURE_NAMES, row.features))
    return round(min(max(model.get("ceiling", 1.0) / (1.0 + math.exp(-score)), 0.01), 0.99), 2)


@dataclass(frozen=True)
class Recalibration:
    """How the fitted score z is mapped on the untuned sets: logistic(a + b z + terms . x), at most ``ceiling``.

    ``slope_ridge`` pulls b toward 1 (0: plain Platt; a large value leaves a shift of the intercept only): a few
    hundred rows of three or four writers tell the slope poorly. ``terms``: features that get a weight of their own
    on the untuned sets (ridge ``term_ridge`` toward plain Platt). ``beta``: beta calibration (logit p' = a + b ln p -
    c ln(1 - p), ``slope_ridge`` pulls b and c together) - for comparison only, its form cannot be stored.
    ``ceiling``: the highest confidence m, learned on the untuned sets: confidence = m x logistic(...)."""
    slope_ridge: float = 0.0
    terms: tuple[str, ...] = ()
    term_ridge: float = 10.0
    beta: bool = False
    ceiling: bool = False

    def label(self) -> str:
        parts = ["beta" if self.beta else "Platt"]
        if self.slope_ridge:
            parts.append(f"slope ridge {self.slope_ridge:g}")
        if self.terms:
            parts.append(f"+ {'/'.join(self.terms)} (ridge {self.term_ridge:g})")
        if self.ceiling:
            parts.append("ceiling")
        return " ".join(parts)



# The recalibration the refit stores (chosen by leaving one untuned set out; ``routekit/text/README.md``), and the
# others the refit measures the same way beside it.
RECALIBRATION = Recalibration(ceiling=True)
COMPARED = (
    Recalibration(), Recalibration(slope_ridge=30.0), Recalibration(slope_ridge=1e6),
    Recalibration(terms=("genre",)), Recalibration(terms=("legs", "turns")), Recalibration(beta=True),
    Recalibration(ceiling=True), Recalibration(slope_ridge=30.0, ceiling=True),
)

def _scores(model: dict, rows: list[Row]) -> np.ndarray:
    from routekit.text.calibration import FEATURE_NAMES

    weights = np.array([model["weights"][n] for n in FEATURE_NAMES])
    return model["intercept"] + np.array([r.features for r in rows], dtype=float).reshape(len(rows), -1) @ weights


def _log_likelihood(y: np.ndarray, p: np.ndarray) -> float:
    p = np.clip(p, 1e-9, 1 - 1e-9)
    return float(np.sum(y * np.log(p) + (1 - y) * np.log(1 - p)))


def fit_recalibration(z: np.ndarray, terms: np.ndarray, y: np.ndarray, how: Recalibration) -> dict:
    """The map's parameters by penalised maximum likelihood on untuned rows: offset a, slope b (held > 0, so the sign
    limits keep), a weight per term, for beta calibration the second slope c, and the ceiling m (1 without): the
    confidence is m x logistic(...), fitted jointly, so a new writer's easy-looking records may stay below 1."""
    from scipy.optimize import minimize

    k = terms.shape[1]
    soft_minus, soft_plus = np.logaddexp(0.0, -z), np.logaddexp(0.0, z)   # -ln p, -ln(1 - p) of p = logistic(z)
    size = 3 if how.beta else 2 + k

    def logit(theta):
        if how.beta:
            return theta[0] - theta[1] * soft_minus + theta[2] * soft_plus
        return theta[0] + theta[1] * z + terms @ theta[2:size]

    def loss(theta):
        t = logit(theta)
        if how.ceiling:   # log m + log logistic(t), log(1 - m logistic(t))
            log_p = np.log(theta[size]) - np.logaddexp(0.0, -t)
            fit = np.sum(y * log_p + (1 - y) * np.log1p(-np.minimum(np.exp(log_p), 1 - 1e-12)))
        else:
            fit = np.sum(y * t - np.logaddexp(0.0, t))
        penalty = (how.slope_ridge * (theta[1] - theta[2]) ** 2 if how.beta
                   else how.slope_ridge * (theta[1] - 1.0) ** 2 + how.term_ridge * np.sum(theta[2:size] ** 2))
        return -fit + 0.5 * penalty

    start = [0.0, 1.0, 1.0] if how.beta else [0.0, 1.0] + [0.0] * k
    bounds = [(None, None), (0.05, None)] + ([(0.05, None)] if how.beta else [(None, None)] * k)
    if how.ceiling:
        start, bounds = start + [0.95], bounds + [(0.5, 1.0)]
    theta = minimize(loss, np.array(start), method="L-BFGS-B", bounds=bounds).x
    return {"theta": theta[:size], "ceiling": round(float(theta[size]), 4) if how.ceiling else 1.0}


def apply_recalibration(params: dict, z: np.ndarray, terms: np.ndarray, how: Recalibration) -> np.ndarray:
    theta = params["theta"]
    if how.beta:
        t = theta[0] - theta[1] * np.logaddexp(0.0, -z) + theta[2] * np.logaddexp(0.0, z)
    else:
        t = theta[0] + theta[1] * z + terms @ theta[2:]
    return params["ceiling"] / (1.0 + np.exp(-t))


def _term_matrix(rows: list[Row], how: Recalibration) -> np.ndarray:
    from routekit.text.calibration import FEATURE_NAMES

    columns = [FEATURE_NAMES.index(name) for name in how.terms]
    return np.array([[r.features[c] for c in columns] for r in rows], dtype=float).reshape(len(rows), len(columns))


def recalibrate(model: dict, rows: list[Row], how: Recalibration | None = None) -> tuple[dict, float, float]:
    """``model`` with its score mapped as ``how`` says (default ``RECALIBRATION``), fitted on ``rows`` (sets the rules
    were not tuned on; see the module doc); returns (new model, a, b). The map is folded into the stored intercept
    and weights (a + b * intercept, b * weight + the term's own weight), the ceiling stored as ``ceiling``."""
    how = RECALIBRATION if how is None else how
    if how.beta:
        raise ValueError("beta calibration is for comparison only: its form cannot be stored")
    routed = [r for r in rows if r.features is not None]
    y = np.array([r.exact for r in routed], dtype=float)
    params = fit_recalibration(_scores(model, routed), _term_matrix(routed, how), y, how)
    a, b = (float(v) for v in params["theta"][:2])
    own = dict(zip(how.terms, params["theta"][2:]))
    mapped = dict(model, intercept=round(a + b * model["intercept"], 4),
                  weights={n: round(b * w + float(own.get(n, 0.0)), 4) for n, w in model["weights"].items()},
                  ceiling=params["ceiling"])
    return mapped, a, b


def recalibrated_confidences(model: dict, train: list[Row], scored: list[Row], how: Recalibration) -> list[float]:
    """The confidence of each row of ``scored`` under ``model`` recalibrated on ``train`` as ``how`` says (texts
    without a route keep their kind's rate) - what the stored model would give, also for beta calibration."""
    routed = [r for r in train if r.features is not None]
    params = fit_recalibration(_scores(model, routed), _term_matrix(routed, how),
                               np.array([r.exact for r in routed], dtype=float), how)
    out = []
    for row in scored:
        if row.features is None:
            out.append(confidence(model, row))
            continue
        p = apply_recalibration(params, _scores(model, [row]), _term_matrix([row], how), how)[0]
        out.append(round(min(max(float(p), 0.01), 0.99), 2))
    return out


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


def against_chance(scored: list[tuple[Row, float]], draws: int) -> tuple[float, float, str]:
    """The max |gap| seen, how often a perfectly calibrated confidence reaches it by chance, and a note saying so."""
    from routekit.text.evaluation import reliability

    confidences = np.array([c for _, c in scored])
    seen = float(reliability(frame(scored), BINS)["gap"].abs().max())   # the table shown (ties ordered by id)
    chance = chance_gaps(confidences, draws)
    p_value = float(np.mean(chance >= seen - 1e-9))
    return seen, p_value, (f"  (chance median {np.median(chance):.2f} p90 {np.quantile(chance, 0.9):.2f}, "
                           f"p {p_value:.2f})")


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


def leave_one_untuned_set_out(model: dict, rows: list[Row], names: list[str], how: Recalibration,
                              ) -> dict[str, list[tuple[Row, float]]]:
    """Each untuned set scored by ``model`` recalibrated (as ``how`` says) on the other untuned sets: how the stored
    confidence will do on a new writer's set."""
    scored = {}
    for name in names:
        held = [r for r in rows if r.set_name == name]
        scored[name] = list(zip(held, recalibrated_confidences(model, [r for r in rows if r.set_name != name], held,
                                                               how)))
    return scored


def log_loss(scored: list[tuple[Row, float]]) -> float:
    """Mean negative log-likelihood of the rows' exact/not under their confidence (clipped to 0.01-0.99)."""
    p = np.clip(np.array([c for _, c in scored], dtype=float), 0.01, 0.99)
    return -_log_likelihood(np.array([r.exact for r, _ in scored], dtype=float), p) / max(len(scored), 1)


def summary(title: str, held_out: dict[str, list[tuple[Row, float]]], draws: int = 1000) -> str:
    """One line: max|gap| per held-out set (chance median), their mean, the pooled max|gap|, the log loss."""
    from routekit.text.evaluation import largest_gap

    gaps = {name: largest_gap(frame(scored)) for name, scored in held_out.items()}
    medians = {name: float(np.median(chance_gaps(np.array([c for _, c in scored]), draws)))
               for name, scored in held_out.items()}
    pooled = [s for scored in held_out.values() for s in scored]
    return (f"{title:<44} " + " ".join(f"{gaps[n]:.2f} ({medians[n]:.2f})" for n in held_out)
            + f"  mean {np.mean(list(gaps.values())):.3f}  pooled {largest_gap(frame(pooled)):.2f}"
              f"  log loss {log_loss(pooled):.4f}")


def recalibration_paths(values: list[str]) -> list[Path]:
    return [] if values == ["none"] else [Path(value) for value in values]


def main() -> None:
    from routekit.text.calibration import FEATURE_NAMES, FITTED, write_model
    from routekit.text.evaluation import CALIBRATION_TOLERANCE, largest_gap, reliability

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
                        help="hard sets no rule was tuned on: Platt-scale the fit on them ('none' to skip)")
    parser.add_argument("--slope-ridge", type=float, default=RECALIBRATION.slope_ridge,
                        help="recalibration: pull of the slope toward 1 (0: plain Platt)")
    parser.add_argument("--terms", nargs="*", default=list(RECALIBRATION.terms),
                        help="recalibration: features with a weight of their own on the untuned sets")
    parser.add_argument("--term-ridge", type=float, default=RECALIBRATION.term_ridge)
    parser.add_argument("--ceiling", action=argparse.BooleanOptionalAction, default=RECALIBRATION.ceiling,
                        help="recalibration: learn the highest confidence on the untuned sets")
    args = parser.parse_args()
    missing = [str(path) for path in [*args.sets, *recalibration_paths(args.recalibrate_on)] if not path.exists()]
    if missing:
        parser.error(f"no such labelled set: {', '.join(missing)}")
    if any("untouched" in path.name for path in [*args.sets, *recalibration_paths(args.recalibrate_on)]):
        parser.error("the untouched sets are for evaluation only: never fitted or recalibrated on")
    recalibration_sets = recalibration_paths(args.recalibrate_on)
    if {p.resolve() for p in recalibration_sets} & {p.resolve() for p in args.sets}:
        parser.error("--recalibrate-on: a recalibration set must not be one of the fitted sets")
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
        print(f"hard sets LOSO max|gap|: " + ", ".join(f"{n.removeprefix('extraction_')} {g:.2f}" for n, g, _ in verdicts)
              + f"; PASS {passed}/{len(verdicts)}; within chance (p >= 0.05) {within}/{len(verdicts)}")

    print(f"\n{args.folds}-fold cross-validation over rows (each row scored by a fit without its fold)")
    folds = [rows[i::args.folds] for i in range(args.folds)]   # rows interleaved: every fold holds every set
    pooled = []
    for index, fold in enumerate(folds):
        other = fit_rows([r for j, f in enumerate(folds) if j != index for r in f], method)
        pooled += [(r, confidence(other, r)) for r in fold]
    for name in names + [None]:
        show(name or "all sets, out of fold",
             reliability(frame([(r, c) for r, c in pooled if name is None or r.set_name == name]), BINS))
    recalibration = None
    held_out_figures = {}
    if recalibration_sets:
        calibration_rows = read_rows(recalibration_sets)
        how = Recalibration(args.slope_ridge, tuple(args.terms), args.term_ridge, False, args.ceiling)
        untuned = [p.stem for p in recalibration_sets]
        if len(untuned) > 1:
            print("\nleave one untuned set out (recalibrated on the other untuned sets, scored on this one): max|gap| "
                  "per held-out set (chance median), pooled held-out max|gap|, log loss per row")
            for candidate in [how, *(c for c in COMPARED if c != how)]:
                held_out = leave_one_untuned_set_out(model, calibration_rows, untuned, candidate)
                print(("* " if candidate == how else "  ") + summary(candidate.label(), held_out))
            held_out = leave_one_untuned_set_out(model, calibration_rows, untuned, how)
            print(f"\nthe chosen recalibration ({how.label()}), per held-out set:")
            for name in untuned:
                show(name, reliability(frame(held_out[name]), BINS), args.tolerance,
                     against_chance(held_out[name], args.simulations)[2])
            pooled_held = [s for name in untuned for s in held_out[name]]
            held_out_figures = {"max_gap": {name: round(largest_gap(frame(held_out[name])), 2) for name in untuned},
                                "pooled_max_gap": round(largest_gap(frame(pooled_held)), 2),
                                "log_loss": round(log_loss(pooled_held), 4)}
            show("untuned sets pooled, held out", reliability(frame(pooled_held), BINS), args.tolerance,
                 against_chance(pooled_held, args.simulations)[2])
        label = " + ".join(untuned)
        show(f"{label}, fit as above (before recalibration)",
             reliability(frame([(r, confidence(model, r)) for r in calibration_rows]), BINS), args.tolerance)
        model, a, b = recalibrate(model, calibration_rows, how)
        recalibration = {"on": [p.name for p in recalibration_sets], "method": how.label(), "offset": round(a, 4),
                         "slope": round(b, 4), "ceiling": model["ceiling"],
                         "rows": sum(r.features is not None for r in calibration_rows)}
        print(f"\nrecalibrated on {label} ({how.label()}): logistic({a:+.3f} + {b:.3f} z"
              + "".join(f" {model['weights'][t] - b * base_weights[t]:+.3f} {t}" for t in how.terms)
              + f"), at most {model['ceiling']:.2f}")
        show(f"{label}, recalibrated (in sample)",
             reliability(frame([(r, confidence(model, r)) for r in calibration_rows]), BINS), args.tolerance)
    if args.write:
        write_model(TARGET, model, {
            "recalibration": recalibration,
            "on": [p.name for p in args.sets], "rows": len(routed), "date": date.today().isoformat(),
            "ridge": method.ridge, "balance": method.balance, "monotone": method.monotone,
            "random_intercept": method.random_intercept, "features": list(method.features),
            "loso_max_gap": {name: round(gap, 2) for name, gap, _ in verdicts},
            "untuned_held_out": held_out_figures,
            "command": "benchmarks/text_calibrate.py"})
        print(f"wrote {TARGET}")


if __name__ == "__main__":
    main()
