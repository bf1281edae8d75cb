"""Fit the learned second stage that checks the rules' stops (``routekit.text.verifier``), judge it, store it.

    .venv/bin/python benchmarks/text_verifier_fit.py [--write] [--extra CORRECTIONS.csv ...]

Trains on labelled sets the rules were never tuned on (default the ten blind-written training sets
``tests/data/extraction_hard_train1.csv`` ... ``_train10.csv``; ``--train`` names others), each set one group: the
extractor runs with the stage recording (the rules' own routes), every candidate country (kept in the route or
dropped by the rules) is labelled by whether the gold route holds it, and two ridge logistic regressions (kept,
dropped) are fitted with one intercept per set (``ridge_logistic``: how easy a set is as a whole is not learnt as
feature weight; it predicts with the common intercept). Nothing of a row is printed: counts only.

The thresholds (remove a kept country when p < t_remove, add a dropped one when p > t_add) are chosen by leaving one
set out: each set's candidates scored by the fit on the others, the pair with the most rows fixed less
``--break-cost`` x rows broken over all sets, within the margins (t_remove <= 0.35, t_add >= 0.65; no flip unless
clearly likely). It prints:
(a) leave one training set out, nested (the held-out set scored by the fit on the others with thresholds chosen on
    those others alone): exact route without/with the stage per set and pooled, rows fixed and broken;
(b) every allowed set of the repository (plain and tuned) with the final fit: exact without/with, fixed/broken.
Per gate (``verifier.Model.gate``, round 11): the rows of each kind of record (a genre of ``calibration.genre_counts``
or "plain") fixed and broken held out, and the gate chosen from them - a kind is in the gate when its held-out rows
fixed outnumber those broken and the demo texts of that kind (seed 7) are not worse; (a) is nested for the gate too
(chosen on the other sets' folds) and printed gated and ungated.
(a) and (b) are the extractor's own output with the stage off and on (any later stage included); the thresholds'
grid simulates the stage on the route it receives.
The stage is stored switched on (``--write``) only when (a) fixes more rows than it breaks with a pooled net gain of
at least 1% and (b) breaks no row of a plain set; otherwise ``enabled: false`` with the figures.

A partner's review corrections (``routekit review import``: id,text,route,...) are exactly this stage's training data:
``--extra FILE`` adds each file as one more group. Never fit on a set kept for evaluation: files named
``*untouched*`` or ``*calib*`` are refused. Deterministic (fixed starting values, no random draws).
"""

from __future__ import annotations

import math
import sys
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from routekit.text import verifier
from routekit.text.calibration import genre_counts
from routekit.text.normalise import fold
from routekit.text.extraction import extract_route
from routekit.text.learned_fit import (DATA, TUNED_SETS, WordFloor, fit_arguments, fit_record, train_option,
                                       held_out_gain, judge_allowed_sets, leave_one_set_out, line,
                                       print_strongest_words, record_key,
                                       recorded_rows, store, switch_on as switch_on_rule, tally, training_rows,
                                       word_floor, word_vocabulary)

ROOT = Path(__file__).resolve().parents[1]
TARGET = ROOT / "routekit" / "reference" / "gazetteer" / verifier.VERIFIER_FILE
REMOVE_GRID = (0.0, 0.05, 0.1, 0.15, 0.2, 0.25, 0.3, 0.35)
ADD_GRID = (0.65, 0.7, 0.75, 0.8, 0.85, 0.9, 0.95, 1.0)   # 1.0: never add


def add_grid(adds: bool = True) -> tuple[float, ...]:
    """The thresholds for adding a dropped country tried (``--no-add``: only 1.0, never add). A stage that may add
    takes the extractor's full path (every candidate's features) instead of the removals' short cut: far over the
    3% CPU budget."""
    return ADD_GRID if adds else (1.0,)


@dataclass
class Row:
    """One labelled record as the stage sees it: the rules' route before the stage, its candidates, the gold route."""
    group: str
    route: tuple[str, ...]          # the rule route the stage reviews (may hold one country)
    candidates: list                # verifier.Candidate
    gold: tuple[str, ...]
    rules_final: tuple[str, ...]    # the rules' route as the stage receives it (one country: no route)
    tuned: bool = False             # a set the rules were tuned on (fitted with its own indicator, never held out)
    text: str = field(default="", repr=False)   # kept in memory for the end-to-end evaluation; never printed
    record: str = field(default="", repr=False)   # ``learned_fit.record_key`` of the text: the word floor's unit
    kinds: frozenset = frozenset()   # ``verifier.record_kinds``: its genres or "plain" (the gate's unit)


def read_rows(path: Path, group: str, tuned: bool = False) -> list[Row]:
    """Run the extractor (stage recording, so the rules' own output) over a labelled file."""
    rows = []
    for recorded in recorded_rows(path, verifier.recording):
        route, found = recorded.record or ((), [])
        route = tuple(route)
        rows.append(Row(group, route, list(found), recorded.gold, route if len(route) >= 2 else (), tuned=tuned,
                        text=recorded.text, record=record_key(recorded.text),
                        kinds=verifier.record_kinds(genre_counts(recorded.text),
                                                          verifier.question_turns(fold(recorded.text)))))
    return rows


# the band (``verifier.Model.word_band``): held out on train1-10 (t_remove .35) a kept country's words changed no
# decision once its score without them was more than 1 log-odds above the cut (band 1: 35 fixed / 2 broken, no band:
# 37 / 4); the band saves reading the words of most records
WORD_BAND = 1.0
# the words' own ridge, chosen held out on train1-4 (leave one set out, net rows of 480: ridge 1 +8, 2 +10, 3 +13,
# 4 +10, 5 +13, 8 +6, 15 +8, 30 +7; no words +7); train5-10, written after the choice, confirmed it (+18 of 723)
WORD_RIDGE = 3.0


@dataclass(frozen=True)
class Words:
    """How the fit weighs window words: ``ridge`` (None: no words, the stage of the rules' signals alone) and the
    vocabulary's floor (``learned_fit.word_vocabulary``: K distinct records of 2 groups, or more)."""
    ridge: float | None = WORD_RIDGE
    floor: WordFloor = field(default_factory=word_floor)
    stacked: bool = False   # a words-only model's out-of-fold logit as one feature, instead of one joint fit
    band: float = WORD_BAND   # ``verifier.Model.word_band``: words weigh within this many log-odds of the cut


NO_WORDS = Words(None)


@dataclass(frozen=True)
class Priors:
    """What the stage never removes, whatever the regression says (``verifier.Model``): a country the rules found a
    mode of travel for (``keep_told``), the route's first country told as a home when no other country is told as
    where the journey started (``keep_origin``), the end of a route the rules read as ending abroad (``keep_end``)."""
    keep_told: bool = True
    keep_origin: bool = True
    keep_end: bool = True   # the last country of a route that does not end in the Netherlands


PRIORS = Priors()
NO_PRIORS = Priors(False, False, False)


def priors_of(fitted: dict) -> Priors:
    """The priors a stored fit was made with (absent: none, the fits before them)."""
    stored = fitted.get("priors") or {}
    return Priors(bool(stored.get("keep_told", False)), bool(stored.get("keep_origin", False)),
                  bool(stored.get("keep_end", False)))


# a demo-like data set (``routekit synth``) whose labelled texts may join the fit (``--add-synth SEED``): the
# generator's plain IND, police and KMar narratives, a style the blind writers never use; never the benchmark's seed
SYNTH_BENCHMARK_SEED = 7
SYNTH_ROWS = 300


def synth_rows(seed: int) -> list[Row]:
    """``SYNTH_ROWS`` labelled texts of a demo made with ``seed`` (two months, scale 0.2, no call records), drawn
    with the seed, as rows of the group ``synth<seed>`` fitted like the tuned sets (the 'tuned' indicator, never
    held out): the rules were built on such texts too."""
    import tempfile

    from routekit.synth import generate
    from routekit.text.evaluation import synth_gold

    if seed == SYNTH_BENCHMARK_SEED:
        raise SystemExit(f"--add-synth {seed}: the seed of the demo benchmark the stage is judged on; pick another")
    with tempfile.TemporaryDirectory(prefix="routekit_verifier_synth_") as folder:
        generate(Path(folder), seed, "2025-01", "2025-02", 0.2, cdr_events=None)
        frame = synth_gold(folder)
        frame = frame[frame["text"].map(lambda text: isinstance(text, str) and bool(text))]
        frame = frame.sample(n=min(SYNTH_ROWS, len(frame)), random_state=seed)[["id", "text", "route"]]
        path = Path(folder) / f"synth{seed}.csv"
        frame.to_csv(path, index=False)
        return read_rows(path, f"synth{seed}", tuned=True)


def words_of(fitted: dict) -> Words:
    """How a stored fit weighed words (its ``fitted.window_words``; absent: none)."""
    stored = fitted.get("window_words")
    if not stored:
        return NO_WORDS
    floor = fitted.get("word_floor") or {}
    return Words(float(stored["ridge"]), word_floor(floor.get("records"), floor.get("groups")),
                 bool(stored.get("stacked", False)), float(stored.get("band", math.inf)))


def vocabulary(rows: list[Row], kept: bool, words: Words) -> list[str]:
    """The word-features near the candidates (kept or dropped) of ``rows`` that pass the floor
    (``learned_fit.word_vocabulary``; a tuned set's or demo texts' records count for nothing), sorted: built from the training
    rows only, so a held-out set's words never enter its own vocabulary."""
    if words.ridge is None:
        return []
    return word_vocabulary(((row.record or record_key(row.text), None if row.tuned else row.group, candidate.words)
                            for row in rows for candidate in row.candidates if candidate.kept == kept), words.floor)


# a run's fits by the rows they were made on (``main`` switches it on: its rows live as long as the process, so their
# ids name them): the nested leave-one-set-out fits each pair of left-out sets twice, (A then B) and (B then A)
FIT_CACHE: dict | None = None


def fit(rows: list[Row], ridge: float, words: Words = NO_WORDS) -> tuple[tuple, tuple, dict, dict]:
    """(keep coefficients, add coefficients, keep word weights, add word weights) fitted on the rows' candidates, one
    random intercept per group; the words (``words``) with their own ridge."""
    if FIT_CACHE is None:
        return _fit(rows, ridge, words)
    key = (frozenset(map(id, rows)), ridge, words)
    found = FIT_CACHE.get(key)
    if found is None:
        found = FIT_CACHE[key] = _fit(rows, ridge, words)
    return found


def _fit(rows: list[Row], ridge: float, words: Words = NO_WORDS) -> tuple[tuple, tuple, dict, dict]:
    import math

    parts = []
    indicator = any(row.tuned for row in rows)
    n = len(verifier.FEATURE_NAMES)
    for kept in (True, False):
        vectors, labels, groups, bags, folds = [], [], [], [], []
        for row in rows:
            gold = set(row.gold)
            for candidate in row.candidates:
                if candidate.kept == kept:
                    # the tuned sets' ease (the rules are right there more often) goes to an indicator that is 0 for
                    # a new writer's records
                    vectors.append(candidate.values + (float(row.tuned),) if indicator else candidate.values)
                    labels.append(candidate.iso3 in gold)
                    groups.append(row.group)
                    bags.append(candidate.words)
                    folds.append("tuned" if row.tuned else row.group)   # the stacked variant's folds
        if len(set(labels)) < 2:   # nothing to learn (all candidates one way): a constant
            rate = (sum(labels) + 0.5) / (len(labels) + 1.0)
            parts.append(((math.log(rate / (1 - rate)), (0.0,) * n), {}))
            continue
        names = vocabulary(rows, kept, words)
        if words.stacked and names:
            parts.append(_stacked(vectors, labels, groups, folds, bags, names, ridge, words.ridge, n))
            continue
        intercept, weights = ridge_logistic(vectors, labels, groups, ridge, bags=bags, vocabulary=names,
                                            word_ridge=words.ridge or 0.0)
        word_weights = {name: w for name, w in zip(names, weights[len(vectors[0]):])}
        parts.append(((intercept, weights[:n]), word_weights))
    (keep, keep_words), (add, add_words) = parts
    return keep, add, keep_words, add_words


def _stacked(vectors, labels, groups, fold_of, bags, names, ridge: float, word_ridge: float, n: int) -> tuple:
    """The stacked variant: a words-only ridge logistic regression, its out-of-fold logit (each training set scored by
    the fit on the others; the tuned sets one fold) one more feature of the rules' signals' regression. Linear all
    through, so it is stored as word weights (the lexical weights times the stacked feature's weight) and an
    intercept: the stage reads it as it reads the joint fit."""
    folds = sorted(set(fold_of))
    nothing = [()] * len(labels)

    def lexical(members):
        picked = [i for i, f in enumerate(fold_of) if f in members]
        return ridge_logistic([nothing[i] for i in picked], [labels[i] for i in picked], [groups[i] for i in picked],
                              0.0, bags=[bags[i] for i in picked], vocabulary=names, word_ridge=word_ridge)

    held_out = [0.0] * len(labels)
    for fold in folds:
        if len(folds) < 2 or len({labels[i] for i, f in enumerate(fold_of) if f != fold}) < 2:
            continue
        intercept, weights = lexical(set(folds) - {fold})
        table = dict(zip(names, weights))
        for i, f in enumerate(fold_of):
            if f == fold:
                held_out[i] = intercept + sum(table.get(w, 0.0) for w in bags[i])
    intercept, weights = ridge_logistic([v + (h,) for v, h in zip(vectors, held_out)], labels, groups, ridge)
    scale = weights[-1]
    lexical_intercept, lexical_weights = lexical(set(folds))
    return ((intercept + scale * lexical_intercept, weights[:n]),
            {name: scale * w for name, w in zip(names, lexical_weights)})


def ridge_logistic(vectors, labels, groups, ridge: float, set_penalty: float = 4.0, bags=None, vocabulary=(),
                   word_ridge: float = 0.0) -> tuple[float, tuple]:
    """A ridge logistic regression with one intercept per set (held near the common one by ``set_penalty``, a normal
    prior of variance 1/4 on the log-odds scale), predicting for a new set with the common intercept. One L-BFGS
    solve from zeros (deterministic); ``calibration.fit_marginal`` also learns the sets' spread, ~50 solves, which
    made the nested leave-one-set-out too slow for a refit on a shared machine. ``bags``/``vocabulary``: each row's
    window words as 0/1 columns (sparse) after the features, with their own ``word_ridge``; the weights returned are
    the features' then the vocabulary's."""
    import numpy as np
    from scipy import sparse
    from scipy.optimize import minimize

    x = np.asarray(vectors, dtype=float)
    y = np.asarray(labels, dtype=float)
    names = sorted(set(groups))
    member = np.array([[g == n for n in names] for g in groups], dtype=float)
    blocks = [sparse.csr_matrix(np.column_stack([np.ones(len(x)), x]))]
    column = {word: i for i, word in enumerate(vocabulary)}
    if column:
        rows_at, columns_at = [], []
        for row, bag in enumerate(bags):
            for word in bag:
                if word in column:
                    rows_at.append(row)
                    columns_at.append(column[word])
        blocks.append(sparse.csr_matrix((np.ones(len(rows_at)), (rows_at, columns_at)), shape=(len(x), len(column))))
    blocks.append(sparse.csr_matrix(member))
    design = sparse.hstack(blocks, format="csr")
    penalty = np.concatenate([[0.0], np.full(x.shape[1], ridge), np.full(len(column), word_ridge),
                              np.full(len(names), set_penalty)])

    def loss(beta):
        z = design @ beta
        return -np.sum(y * z - np.logaddexp(0.0, z)) + 0.5 * np.sum(penalty * beta ** 2)

    def gradient(beta):
        p = 1.0 / (1.0 + np.exp(-(design @ beta)))
        return -(design.T @ (y - p)) + penalty * beta

    beta = minimize(loss, np.zeros(design.shape[1]), jac=gradient, method="L-BFGS-B",
                    options={"maxiter": 2000}).x
    width = x.shape[1] + len(column)
    offsets = beta[1 + width:]
    return float(beta[0] + offsets.mean()), tuple(float(v) for v in beta[1:1 + width])


def outcome(rows: list[Row], model: verifier.Model) -> dict:
    """Rows, exact without the stage, fixed, broken: the stage simulated on the route it receives (fast: the
    thresholds' grid); ``end_to_end`` is the extractor's own output."""
    def final(row):
        if model.gate is not None and model.gate.isdisjoint(row.kinds):
            return row.rules_final
        new, _, _ = verifier.decide(list(row.route), row.candidates, model)
        return tuple(new) if len(new) >= 2 else ()
    return tally(((row.rules_final, final(row), row.gold) for row in rows), switched=False)


def kind_table(folds, t_remove: float, t_add: float) -> dict[str, tuple[int, int, int]]:
    """Per kind of record (``verifier.GATE_KINDS``): (rows, fixed, broken) over the held-out folds at the thresholds,
    the stage ungated (a record of two genres counts for both)."""
    table = {kind: [0, 0, 0] for kind in verifier.GATE_KINDS}
    for held_rows, model in folds:
        ungated = model._replace(remove_below=t_remove, add_above=t_add, gate=None)
        for row in held_rows:
            o = outcome([row], ungated)
            for kind in row.kinds:
                counts = table[kind]
                counts[0] += 1
                counts[1] += o["fixed"]
                counts[2] += o["broken"]
    return {kind: tuple(counts) for kind, counts in table.items()}


def choose_gate(table: dict[str, tuple[int, int, int]], demo: dict[str, tuple[int, int, int]] | None = None
                ) -> frozenset:
    """The kinds of record the stage runs on: held out, the rows it fixed outnumber those it broke, and on the demo
    texts (``demo``, per kind; absent: not judged) it fixed at least as many rows as it broke."""
    demo = demo or {}
    return frozenset(kind for kind, (_, fixed, broken) in table.items()
                     if fixed > broken and demo.get(kind, (0, 0, 0))[1] >= demo.get(kind, (0, 0, 0))[2])


def gate_text(gate: frozenset | None) -> str:
    return "all" if gate is None else (",".join(sorted(gate, key=verifier.GATE_KINDS.index)) or "none")


def print_kind_table(heading: str, table: dict[str, tuple[int, int, int]]) -> None:
    """One line per kind of record: rows, fixed, broken (counts only)."""
    print(heading)
    for kind, (rows, fixed, broken) in table.items():
        print(f"  {kind:18} rows {rows:5} fixed {fixed:3} broken {broken:3} net {fixed - broken:+d}")


def model_of(rows: list[Row], ridge: float, words: Words, t_remove: float = 0.0, t_add: float = 1.0,
             priors: Priors = NO_PRIORS) -> verifier.Model:
    """The stage fitted on ``rows`` (switched on, with the given thresholds, word band and priors)."""
    keep, add, keep_words, add_words = fit(rows, ridge, words)
    band = words.band if words.ridge is not None else math.inf
    return verifier.Model(True, keep, add, t_remove, t_add, keep_words, add_words, band, priors.keep_told,
                          priors.keep_origin, priors.keep_end)


def held_out_folds(rows: list[Row], ridge: float, words: Words = NO_WORDS, priors: Priors = NO_PRIORS
                   ) -> list[tuple[list[Row], verifier.Model]]:
    """Per group: its rows and the stage fitted on the other groups."""
    folds = []
    for held in sorted({row.group for row in rows if not row.tuned}):
        folds.append(([r for r in rows if r.group == held], model_of([r for r in rows if r.group != held], ridge,
                                                                       words, priors=priors)))
    return folds


def grid(folds, adds: bool = True) -> dict[tuple[float, float], tuple[int, int]]:
    """(t_remove, t_add) -> (rows fixed, rows broken) over the held-out folds."""
    table = {}
    for t_remove in REMOVE_GRID:
        for t_add in add_grid(adds):
            fixed = broken = 0
            for held_rows, model in folds:
                o = outcome(held_rows, model._replace(remove_below=t_remove, add_above=t_add))
                fixed, broken = fixed + o["fixed"], broken + o["broken"]
            table[(t_remove, t_add)] = (fixed, broken)
    return table


def end_to_end(rows: list[Row], model: verifier.Model) -> dict:
    """Rows, exact without the stage, fixed, broken from the extractor itself, the stage off and on: what a user
    gets, with every later step (a learned order stage) after it."""
    with verifier.using(model._replace(enabled=False)):
        off = [extract_route(row.text).route for row in rows]
    with verifier.using(model):
        on = [extract_route(row.text).route for row in rows]
    return tally(zip(off, on, (row.gold for row in rows)), switched=False)


def choose_thresholds(rows: list[Row], ridge: float, break_cost: float, folds=None, words: Words = NO_WORDS,
                      priors: Priors = NO_PRIORS, adds: bool = True) -> tuple[float, float, int, int]:
    """The (t_remove, t_add) with the best fixed - break_cost x broken over the groups, each scored by the fit on the
    others (ties: the more cautious pair); also its fixed and broken."""
    table = grid(folds if folds is not None else held_out_folds(rows, ridge, words, priors), adds)
    best = None
    for t_remove in REMOVE_GRID:
        for t_add in sorted(add_grid(adds), reverse=True):
            fixed, broken = table[(t_remove, t_add)]
            score = fixed - break_cost * broken
            # strictly better only: the grid runs from the most cautious pair, so ties keep the cautious one
            if best is None or score > best[0] + 1e-9:
                best = (score, t_remove, t_add, fixed, broken)
    return best[1], best[2], best[3], best[4]


def ranking(folds) -> str:
    """How well the held-out p(in gold) tells the candidates apart (AUC, kept and dropped), and how many candidates
    the gold route contradicts (the most the stage could act on)."""
    import numpy as np
    parts = []
    for kept in (True, False):
        scores, labels = [], []
        for held_rows, model in folds:
            for row in held_rows:
                gold = set(row.gold)
                for c in row.candidates:
                    if c.kept == kept:
                        scores.append(verifier.probability(model.keep, c.values, c.words, model.keep_words) if kept
                                      else verifier.probability(model.add, c.values, c.words, model.add_words))
                        labels.append(c.iso3 in gold)
        y = np.asarray(labels, dtype=bool)
        if y.all() or not y.any():
            parts.append(f"{'kept' if kept else 'dropped'} {len(y)} (one class)")
            continue
        ranks = pd.Series(scores).rank().to_numpy()
        auc = (ranks[y].sum() - y.sum() * (y.sum() + 1) / 2) / (y.sum() * (~y).sum())
        wrong = int((~y).sum()) if kept else int(y.sum())
        parts.append(f"{'kept' if kept else 'dropped'} {len(y)}, {wrong} the gold route contradicts, held-out AUC "
                     f"{auc:.3f}")
    return "; ".join(parts)


def nested_held_out(rows: list[Row], ridge: float, break_cost: float, held: str, words: Words = NO_WORDS,
                    priors: Priors = NO_PRIORS, adds: bool = True, gated: bool = False) -> tuple:
    """One group's tally, scored by the fit on the others with thresholds chosen on those others alone (the
    vocabulary too is built from the others). ``gated``: the gate too is chosen on the others' folds, the tally is
    the gated stage's and the ungated stage's tally comes third."""
    rest = [r for r in rows if r.group != held]
    gate = None
    if len({r.group for r in rest if not r.tuned}) >= 2:
        inner = held_out_folds(rest, ridge, words, priors)
        t_remove, t_add, _, _ = choose_thresholds(rest, ridge, break_cost, inner, words=words, priors=priors,
                                                  adds=adds)
        if gated:
            gate = choose_gate(kind_table(inner, t_remove, t_add))
    else:
        t_remove, t_add = 0.0, 1.0
    model = model_of(rest, ridge, words, t_remove, t_add, priors)
    held_rows = [r for r in rows if r.group == held]
    if not gated:
        return end_to_end(held_rows, model), f"  (t_remove {t_remove}, t_add {t_add})"
    # the gated stage is (a)'s figure; the ungated one is returned beside it
    ungated = end_to_end(held_rows, model)
    return (end_to_end(held_rows, model._replace(gate=gate)),
            f"  (t_remove {t_remove}, t_add {t_add}, gate {gate_text(gate)}; ungated net "
            f"{ungated['fixed'] - ungated['broken']:+d})", ungated)


def judge_demo(model: verifier.Model, folder: Path | None, rows: list[Row] | None = None) -> tuple[dict, bool]:
    """(c): the demo benchmark's texts (``benchmarks/text_extraction.py``: ``routekit synth`` seed 7, 2025-01..03,
    scale 0.5; or ``folder``) against their truth with the stage off and on - the generator's plain narratives, a
    style no training writer uses. Printed; the tally and whether it breaks no more rows than it fixes."""
    rows = rows if rows is not None else demo_rows(folder)
    o = end_to_end(rows, model)
    print(f"(c) demo texts (synth seed 7), the final fit off and on (gate {gate_text(model.gate)})")
    print("  " + line("demo", o))
    return o, o["fixed"] >= o["broken"]


def demo_rows(folder: Path | None) -> list[Row]:
    """The demo benchmark's labelled texts as rows (no candidates: judged end to end), with their kinds."""
    import tempfile

    from routekit.synth import generate
    from routekit.text.evaluation import split_route, synth_gold

    with tempfile.TemporaryDirectory(prefix="routekit_verifier_demo_") as made:
        if folder is None:
            folder = generate(Path(made), SYNTH_BENCHMARK_SEED, "2025-01", "2025-03", 0.5, cdr_events=None)
        frame = synth_gold(folder)
    frame = frame[frame["text"].map(lambda text: isinstance(text, str) and bool(text))]
    return [Row("demo", (), [], split_route(gold), (), text=text,
                kinds=verifier.record_kinds(genre_counts(text), verifier.question_turns(fold(text))))
            for text, gold in zip(frame["text"], frame["route"])]


def demo_kind_table(rows: list[Row], model: verifier.Model) -> dict[str, tuple[int, int, int]]:
    """Per kind of record: (rows, fixed, broken) of the demo texts, the extractor with the ungated stage off and on."""
    ungated = model._replace(gate=None)
    with verifier.using(ungated._replace(enabled=False)):
        off = [extract_route(row.text).route for row in rows]
    with verifier.using(ungated):
        on = [extract_route(row.text).route for row in rows]
    table = {kind: [0, 0, 0] for kind in verifier.GATE_KINDS}
    for row, was, now in zip(rows, off, on):
        for kind in row.kinds:
            counts = table[kind]
            counts[0] += 1
            counts[1] += now == row.gold and was != row.gold
            counts[2] += was == row.gold and now != row.gold
    return {kind: tuple(counts) for kind, counts in table.items()}


def print_words(model: verifier.Model) -> None:
    """The final fit's strongest window words (kept countries: a negative weight pushes a country out)."""
    for name, weights in (("kept", model.keep_words), ("dropped", model.add_words)):
        print_strongest_words(f"window words ({name}, {len(weights)} in the vocabulary)", weights)


def main(argv: list[str] | None = None) -> int:
    """The command, with the run's fits kept (``FIT_CACHE``) until it ends."""
    global FIT_CACHE
    FIT_CACHE = {}
    try:
        return _main(argv)
    finally:
        FIT_CACHE = None


def _main(argv: list[str] | None = None) -> int:
    parser = fit_arguments(__doc__.splitlines()[0], TARGET, "the thresholds")
    parser.add_argument("--no-tuned", action="store_true",
                        help="leave out the 13 hard sets the rules were tuned on (by default added to the fit with "
                             "their own intercepts and a 'tuned' indicator, never held out)")
    parser.add_argument("--no-words", action="store_true",
                        help="the rules' signals alone: no window words (the stage before it read the text)")
    parser.add_argument("--word-ridge", type=float, default=WORD_RIDGE, help="the window words' own ridge")
    parser.add_argument("--word-min", type=int, default=None,
                        help="a window word enters the vocabulary when seen in this many distinct records (default and "
                             "least: K, disclosure.rule) of 2 training sets; may only raise the floor")
    parser.add_argument("--word-band", type=float, default=WORD_BAND,
                        help="a kept country's words weigh only within this many log-odds above the removal cut "
                             "(verifier.Model.word_band; inf: always)")
    parser.add_argument("--no-keep-told", action="store_true",
                        help="let the stage remove a country the rules found a mode of travel for")
    parser.add_argument("--no-keep-origin", action="store_true",
                        help="let the stage remove a first country told as a home when no other start is told")
    parser.add_argument("--no-keep-end", action="store_true",
                        help="let the stage remove the last country of a route that does not end in the Netherlands")
    parser.add_argument("--add-synth", type=int, default=None, metavar="SEED",
                        help=f"add {SYNTH_ROWS} labelled demo texts (routekit synth with SEED, not the benchmark's "
                             f"{SYNTH_BENCHMARK_SEED}) like the tuned sets: the generator's plain narratives")
    parser.add_argument("--demo", type=Path, default=None,
                        help="the demo folder for (c) (default: made as the speed benchmark makes it, seed 7)")
    parser.add_argument("--cost-within-budget", action="store_true",
                        help="the stage's CPU cost on the demo benchmark was measured at most 3%% (benchmarks/"
                             "text_extraction.py on/off, or a same-process A/B): without it the fit is stored off")
    parser.add_argument("--no-add", action="store_true",
                        help="never add a country the rules left out (thresholds.add 1.0): the stage then only removes "
                             "and takes the extractor's short cut; adding runs the full path, far over the CPU budget")
    parser.add_argument("--no-gate", action="store_true",
                        help="no gate: the stage looks at every record (verifier.Model.gate absent); by default the "
                             "gate is chosen per kind of record from the held-out counts and the demo texts")
    parser.add_argument("--quick", action="store_true",
                        help="(a) not nested: each set scored by the fit on the others at the thresholds and gate "
                             "chosen on all the folds (a trial on a busy machine; the switch-on rule asks for nested)")
    parser.add_argument("--stacked", action="store_true",
                        help="the words as a stacked score (a words-only model's out-of-fold logit) instead of a "
                             "joint fit")
    args = parser.parse_args(argv)
    words = NO_WORDS if args.no_words else Words(args.word_ridge, word_floor(args.word_min), stacked=args.stacked,
                                                 band=args.word_band)
    priors = Priors(not args.no_keep_told, not args.no_keep_origin, not args.no_keep_end)
    paths, rows, groups = training_rows(args, read_rows)
    candidates = sum(len(r.candidates) for r in rows)
    print(f"training: {len(groups)} sets, {len(rows)} rows, {candidates} candidates "
          f"({sum(c.kept for r in rows for c in r.candidates)} kept)")
    tuned_sets = [] if args.no_tuned else [name for name in TUNED_SETS if (DATA / f"extraction_{name}.csv").exists()]
    tuned_rows = [row for name in tuned_sets for row in read_rows(DATA / f"extraction_{name}.csv", name, tuned=True)]
    if tuned_rows:
        print(f"with the tuned sets: {len(tuned_sets)} sets, {len(tuned_rows)} rows (own intercepts and a 'tuned' "
              f"indicator; never held out)")
    if args.add_synth is not None:
        synth = synth_rows(args.add_synth)
        print(f"with demo-like texts: synth seed {args.add_synth}, {len(synth)} rows (like the tuned sets)")
        tuned_rows += synth
    rows += tuned_rows

    if len(groups) >= 2:
        folds = held_out_folds(rows, args.ridge, words, priors)
        print("candidates: " + ranking(folds))
        table = grid(folds, not args.no_add)
        print("leave one set out, rows fixed/broken by threshold (rows: t_remove, columns: t_add)")
        print("        " + " ".join(f"{t:>7}" for t in add_grid(not args.no_add)))
        for t_remove in REMOVE_GRID:
            print(f"  {t_remove:<5} " + " ".join(f"{'%d/%d' % table[(t_remove, t)]:>7}" for t in add_grid(not args.no_add)))
        t_remove, t_add, fixed, broken = choose_thresholds(rows, args.ridge, args.break_cost, folds,
                                                           adds=not args.no_add)
        print(f"thresholds (leave one set out over all {len(groups)} sets): remove below {t_remove}, add above "
              f"{t_add} (fixed {fixed}, broken {broken})")
        kinds = kind_table(folds, t_remove, t_add)
        print_kind_table("leave one set out at these thresholds, per kind of record (ungated):", kinds)
    else:
        t_remove, t_add, kinds = 0.0, 1.0, {}
    model = model_of(rows, args.ridge, words, t_remove, t_add, priors)
    print_words(model)
    demo_texts = demo_kinds = None
    if not args.no_allowed_sets:
        demo_texts = demo_rows(args.demo)
    if not args.no_gate:
        if demo_texts is not None:
            demo_kinds = demo_kind_table(demo_texts, model)
            print_kind_table("demo texts (synth seed 7) per kind of record, the final fit ungated off and on:",
                             demo_kinds)
        model = model._replace(gate=choose_gate(kinds, demo_kinds))
        print(f"gate (held out: fixed > broken; demo: fixed >= broken): {gate_text(model.gate)}")

    held_groups = sorted({row.group for row in rows if not row.tuned}) if len(groups) >= 2 else []
    ungated: dict | None = None if args.no_gate else {}
    if args.quick and held_groups:
        # not nested: each set scored by the fit on the others at the thresholds and gate chosen on all the folds
        fold_model = {held_rows[0].group: fold for held_rows, fold in folds if held_rows}

        def held_out(held):
            fold = fold_model[held]._replace(remove_below=t_remove, add_above=t_add, gate=model.gate)
            held_rows = [r for r in rows if r.group == held]
            if ungated is None:
                return end_to_end(held_rows, fold), ""
            return end_to_end(held_rows, fold), "", end_to_end(held_rows, fold._replace(gate=None))
        header = "(a) leave one training set out (quick, not nested: thresholds and gate chosen on all the folds)"
    else:
        def held_out(held):
            return nested_held_out(rows, args.ridge, args.break_cost, held, words, priors, not args.no_add,
                                   ungated is not None)
        header = ("(a) leave one training set out (nested: thresholds" + ("" if args.no_gate else " and gate")
                  + " chosen on the other sets)")
    total = leave_one_set_out(header, held_groups, held_out, args.workers, ungated)
    ungated_total = {}
    for o in (ungated or {}).values():
        ungated_total = {key: ungated_total.get(key, 0) + o[key] for key in o}
    if ungated_total:
        print("  " + line("pooled, ungated", ungated_total))
    pooled_ok = held_out_gain(total)   # a net gain of 1% of the rows is also more fixed than broken

    figures, plain_ok = {}, True
    if not args.no_allowed_sets:
        figures, plain_ok = judge_allowed_sets(
            lambda name, path: end_to_end([r for r in tuned_rows if r.group == name] or read_rows(path, name), model))
    switch_on = switch_on_rule(pooled_ok, plain_ok, t_remove > 0.0 or t_add < 1.0, "and more fixed than broken")
    demo, demo_ok = ({}, True) if args.no_allowed_sets else judge_demo(model, args.demo, demo_texts)
    print(f"and (c) the demo texts not worse: {demo_ok}; (d) cost within 3% CPU (--cost-within-budget): "
          f"{args.cost_within_budget} -> enabled: {str(switch_on and demo_ok and args.cost_within_budget).lower()}")
    switch_on = switch_on and demo_ok and args.cost_within_budget
    if args.write:
        options = (" --no-words" if words.ridge is None else
                   (f" --word-ridge {words.ridge}" if words.ridge != WORD_RIDGE else "")
                   + (f" --word-min {words.floor.records}" if words.floor != word_floor() else "")
                   + (" --stacked" if words.stacked else "")
                   + (f" --word-band {words.band}" if words.band != WORD_BAND else ""))
        options += ((" --no-keep-told" if not priors.keep_told else "")
                    + (" --no-keep-origin" if not priors.keep_origin else "")
                    + (" --no-keep-end" if not priors.keep_end else "")
                    + (" --no-add" if args.no_add else "")
                    + (" --no-gate" if args.no_gate else "") + (" --quick" if args.quick else "")
                    + (f" --add-synth {args.add_synth}" if args.add_synth is not None else "")
                    + (" --cost-within-budget" if args.cost_within_budget else "") + train_option(args.train))
        fitted = {
            **fit_record("benchmarks/text_verifier_fit.py", args.extra, options),
            "sets": [Path(p).name for p in paths], "rows": len(rows) - len(tuned_rows), "candidates": candidates,
            "tuned_sets_with_indicator": tuned_sets, "tuned_rows": len(tuned_rows),
            **({} if args.add_synth is None else {"synth_seed_with_indicator": args.add_synth}),
            "priors": {"keep_told": priors.keep_told, "keep_origin": priors.keep_origin, "keep_end": priors.keep_end},
            "ridge": args.ridge, "break_cost": args.break_cost, "intercept_per_set": True,
            **({"adds": False} if args.no_add else {}),
            **({} if words.ridge is None else {"word_floor": words.floor.entry()}),
            "window_words": None if words.ridge is None else {
                "ridge": words.ridge, "stacked": words.stacked, "band": words.band,
                "vocabulary_kept": len(model.keep_words), "vocabulary_dropped": len(model.add_words)},
            "held_out_pooled": {"rows": total.get("rows", 0), "exact_before": total.get("before", 0),
                                "fixed": total.get("fixed", 0), "broken": total.get("broken", 0),
                                **({} if args.no_gate else {"gated": True}), "nested": not args.quick,
                                # the gate these counts were made with: the switch-on rule's (a) checks it against
                                # the candidate's (a hand-edited gate would keep the old counts)
                                "gate": None if model.gate is None else sorted(model.gate,
                                                                               key=verifier.GATE_KINDS.index)},
            **({} if not ungated_total else {"held_out_pooled_ungated": {
                "fixed": ungated_total["fixed"], "broken": ungated_total["broken"]}}),
            **({} if not kinds else {"held_out_by_kind": {kind: f"{f}/{b} of {n}" for kind, (n, f, b)
                                                            in kinds.items()}}),
            **({} if not demo_kinds else {"demo_by_kind": {kind: f"{f}/{b} of {n}" for kind, (n, f, b)
                                                           in demo_kinds.items()}}),
            "allowed_sets_fixed_broken": figures,
            **({} if not demo else {"demo_fixed_broken": f"{demo['fixed']}/{demo['broken']}"}),
            "switch_on_rule": {"held_out_net_gain": pooled_ok, "no_plain_set_row_broken": plain_ok,
                               "demo_not_worse": demo_ok, "cost_within_budget": args.cost_within_budget},
        }
        store(verifier.write_model, args.out, model._replace(enabled=switch_on), fitted)
    return 0


if __name__ == "__main__":
    sys.exit(main())
