"""What the fit scripts of the learned stages share (``benchmarks/text_{verifier,order,origin}_fit.py``, issue 15).

Every learned stage is fitted and judged the same way: labelled sets read through the extractor with the stage
recording, one group per set, evaluation sets refused, each training set held out in turn with the stage's one
tuning choice (thresholds, margin) made on the others, the repository's plain and tuned sets judged with the final
fit, and a switch-on rule (a held-out net gain, no plain-set row broken). Written once here so that the stages are
judged alike and a fix reaches all three.

It lives in the package, not in ``benchmarks/``: the scripts are run by path and loaded by file by their tests (and
one script by another), so a sibling module in ``benchmarks/`` would need ``sys.path`` edits in each; and a refit on a
partner's review corrections (``--extra``) is a supported use, not only a benchmark. The extractor's hot path never
imports this module.
"""

from __future__ import annotations

import argparse
import hashlib
import math
import multiprocessing
from concurrent.futures import ProcessPoolExecutor
from datetime import datetime, timezone
from pathlib import Path
from typing import Callable, Iterable, Iterator, NamedTuple

import pandas as pd

from routekit.disclosure.rule import DEFAULT_K, Threshold
from routekit.text.context_words import has_digit
from routekit.text.evaluation import order_score, split_route
from routekit.text.extraction import RouteExtraction, extract_route
from routekit.text.learned import words_entry
from routekit.text.normalise import fold

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "tests" / "data"
# the blind-written training sets (train1-28 by 6 Dec 2026 round 11, train29-32 round 12, train33-34 round 13, train35-36 round 14, train37-38 round 15, train39-40 round 16, train41-42 round 17, train43-44 round 18, train45-53 round 19): the rules were never tuned on them, nobody reads their texts
TRAIN_SETS = tuple(DATA / f"extraction_hard_train{n}.csv" for n in range(1, 54))
PLAIN_SETS = ("gold", "dev2", "dev3", "dev4", "heldout", "heldout2")
TUNED_SETS = ("hard_dev", *(f"hard_dev{n}" for n in range(2, 26)))   # dev22-25: round 20
# blind-written, never tuned on and never fitted by a learned stage: the confidence's recalibration
# (benchmarks/text_calibrate.py) and the corridor confusion the estimates carry (benchmarks/text_confusion.py)
# calib13-14 added in round 20 (newer writers, on whom the confidence was overconfident)
CALIBRATION_SETS = ("hard_calib", *(f"hard_calib{n}" for n in range(2, 15)))
# the confidence's recalibration (benchmarks/text_calibrate.py): the untuned calibration sets. Rounds 15-16 added the
# training sets, held out over groups of whole sets at least as good as the calibration sets alone; in round 17 (the
# verifier on) they were not (pooled gap .02 against .01), so the calibration sets alone again
RECALIBRATION_SETS = CALIBRATION_SETS
NET_GAIN = 0.01   # the held-out gain a stage needs to be switched on, a share of the rows
TUNED = "tuned:"   # the group prefix of a tuned set added to the training (``--add-tuned``): never held out


WORD_GROUPS = 2   # a stored word is seen in this many training groups (sets, partner files): no one writer's habit


class WordFloor(NamedTuple):
    """What a word-feature needs to be learnt and stored: seen in at least ``records`` distinct records (the
    project's suppression threshold K: a word of fewer records could point to a person) of at least ``groups``
    training groups that are not tuned sets. Stored in a fit's ``fitted.word_floor`` and checked on read."""

    records: int
    groups: int = WORD_GROUPS

    def entry(self) -> dict:
        return {"records": int(self.records), "groups": int(self.groups)}


def word_floor(records: int | None = None, groups: int | None = None, threshold: Threshold | int = DEFAULT_K
               ) -> WordFloor:
    """The floor a fit uses: K of ``threshold`` (never below ``Threshold(DEFAULT_K)``) records and ``WORD_GROUPS``
    groups, or more when asked (an option may only raise it)."""
    k = Threshold.of(threshold).at_least(DEFAULT_K).k
    return WordFloor(max(k, int(records or 0)), max(WORD_GROUPS, int(groups or 0)))


def record_key(text: str) -> str:
    """A record's identity for the floor: a digest of its folded, whitespace-collapsed text, so that the same record
    imported twice (two review rounds, two files) counts once."""
    return hashlib.sha256(" ".join(fold(text).split()).encode("utf-8")).hexdigest()


def word_vocabulary(seen: Iterable[tuple[str, str | None, Iterable[str]]], floor: WordFloor) -> list[str]:
    """The word-features both fits may learn, sorted: ``seen`` yields (record key, group, features) per training
    example (a candidate, a pair; group None for a tuned set or demo-like texts). A feature is kept when it occurs in
    at least ``floor.records`` distinct records of at least ``floor.groups`` groups, and never when it holds a digit
    (a flight, postcode or file number). Only the training groups' records count (a tuned set's or demo texts'
    records count neither as records nor as a group): the floor is met by the independent, blind-written records
    it protects, not by hand-written sets or a generator's near-identical narratives."""
    records: dict[str, set] = {}
    groups: dict[str, set] = {}
    for key, group, features in seen:
        if group is None:
            continue
        for feature in features:
            records.setdefault(feature, set()).add(key)
            groups.setdefault(feature, set()).add(group)
    return sorted(feature for feature, keys in records.items()
                  if len(keys) >= floor.records and len(groups.get(feature, ())) >= floor.groups
                  and not has_digit(feature))


def print_strongest_words(heading: str, weights: dict[str, float], count: int = 20) -> None:
    """A fit's learned words on one line: ``heading``, then the ``count`` strongest with their signed weights in the
    order the stage file stores them (``learned.words_entry``). Words and weights only, never a row."""
    if weights:
        strongest = list(words_entry(weights).items())[:count]
        print(f"{heading}, strongest: " + ", ".join(f"{name} {w:+.2f}" for name, w in strongest))


def refuse_evaluation_sets(paths) -> None:
    """Never fit on a set kept for evaluation (``*untouched*``, ``*calib*``)."""
    for path in paths:
        if "untouched" in Path(path).name or "calib" in Path(path).name:
            raise SystemExit(f"{path}: kept for evaluation; never fitted on")


def labelled_frame(path) -> pd.DataFrame:
    """A labelled CSV (id,text,route,...: a set of the repository or a partner's review corrections)."""
    if not Path(path).exists():
        raise SystemExit(f"{path}: no such file")
    frame = pd.read_csv(path, dtype=str, keep_default_na=False)
    missing = {"text", "route"} - set(frame.columns)
    if missing:
        raise SystemExit(f"{path}: no column {', '.join(sorted(missing))} (a labelled file: id,text,route,...)")
    return frame


class Recorded(NamedTuple):
    """One labelled row read through the extractor: its file line, text (kept in memory, never printed), gold route,
    the extractor's result and what the stage recorded (None: the stage did not look at the row)."""

    line: int
    text: str
    gold: tuple[str, ...]
    result: RouteExtraction
    record: tuple | None


def recorded_rows(path, recording) -> list[Recorded]:
    """Run the extractor over a labelled file with a stage recording (``recording``: the stage's context manager),
    all rows at once so that the recording ends before any row is used."""
    frame = labelled_frame(path)
    found = []
    with recording() as recorded:
        for number, (text, gold) in enumerate(zip(frame["text"], frame["route"]), start=2):
            recorded.clear()
            result = extract_route(text)
            found.append(Recorded(number, text, split_route(gold), result, recorded[0] if recorded else None))
    return found


def training_rows(args: argparse.Namespace, read_rows: Callable) -> tuple[list[Path], list, list[str]]:
    """The ``--train`` and ``--extra`` files (evaluation sets refused), their rows, one group per file named by its
    stem, read by the stage's ``read_rows(path, group)``, and the groups (sorted)."""
    paths = [*args.train, *args.extra]
    refuse_evaluation_sets(paths)
    rows: list = []
    for path in paths:
        rows += read_rows(path, Path(path).stem)
    return paths, rows, sorted({row.group for row in rows})


def store(write_model: Callable, out, model, fitted: dict) -> None:
    """Write a fit with the stage's ``write_model`` and say where (``--out``: anywhere, the stored file by default)."""
    write_model(out, model, fitted)
    print(f"wrote {out}")


def allowed_sets() -> list[tuple[str, Path]]:
    """The repository's plain and tuned sets a fit may be judged on, (name, path), those present."""
    found = [(name, DATA / f"extraction_{name}.csv") for name in (*PLAIN_SETS, *TUNED_SETS)]
    return [(name, path) for name, path in found if path.exists()]


def fit_arguments(description: str, target: Path, choosing: str, ridge: float = 3.0) -> argparse.ArgumentParser:
    """The options every fit script takes (``choosing``: what ``--break-cost`` weighs in, e.g. "the margin";
    ``ridge``: the stage's default ridge)."""
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--train", nargs="+", type=Path, default=list(TRAIN_SETS),
                        help="labelled sets the rules were never tuned on (one group each)")
    parser.add_argument("--extra", nargs="*", type=Path, default=[],
                        help="more labelled CSVs (review corrections: id,text,route,...), one group each")
    parser.add_argument("--ridge", type=float, default=ridge)
    parser.add_argument("--break-cost", type=float, default=1.0,
                        help=f"how many fixed rows one broken row costs when choosing {choosing}")
    parser.add_argument("--no-allowed-sets", action="store_true",
                        help="skip (b), the repository's plain and tuned sets (a small refit on a partner's data)")
    parser.add_argument("--workers", type=int, default=1,
                        help="processes for the held-out evaluation (a); the figures are the same with any number")
    parser.add_argument("--write", action="store_true", help=f"store the fit in {target.name}")
    parser.add_argument("--out", type=Path, default=target,
                        help="with --write, store the fit here instead: a candidate for "
                             "benchmarks/text_stage_compare.py")
    return parser


def tally(results: Iterable[tuple[tuple, tuple, tuple]], switched: bool = True, order: bool = False) -> dict:
    """Rows, exact before, fixed, broken (and switched, order accuracy before/after) over (route without the stage,
    route with it, gold route) triples."""
    o = {"rows": 0, "before": 0, "fixed": 0, "broken": 0}
    if switched:
        o["switched"] = 0
    if order:
        o["order_before"] = o["order_after"] = 0.0
    for was_route, new, gold in results:
        was, now = was_route == gold, new == gold
        o["rows"] += 1
        o["before"] += was
        o["fixed"] += now and not was
        o["broken"] += was and not now
        if switched:
            o["switched"] += new != was_route
        if order:
            o["order_before"] += order_score(was_route, gold)
            o["order_after"] += order_score(new, gold)
    return o


def add(a: dict, b: dict) -> dict:
    """Two tallies summed (``a`` may be empty)."""
    return {key: a.get(key, 0) + b[key] for key in b}


def line(name: str, o: dict) -> str:
    """A tally as one printed line (counts only, nothing of a row)."""
    n = max(o["rows"], 1)
    after = o["before"] + o["fixed"] - o["broken"]
    text = f"{name:18} rows {o['rows']:4}  exact {o['before'] / n:.3f} -> {after / n:.3f}  "
    if "order_before" in o:
        text = text[:-2] + f"  order {o['order_before'] / n:.3f} -> {o['order_after'] / n:.3f}  "
    if "switched" in o:
        text += f"switched {o['switched']:3} "
    return text + f"fixed {o['fixed']:3} broken {o['broken']:3} net {o['fixed'] - o['broken']:+d}"


_HELD_OUT: Callable | None = None   # the running evaluation's ``held_out``, inherited by forked workers


def _held_out_in_worker(held: str) -> tuple:
    assert _HELD_OUT is not None
    return _HELD_OUT(held)


def held_out_results(groups: Iterable[str], held_out: Callable[[str], tuple], workers: int = 1) -> Iterator[tuple]:
    """``held_out(group)`` for each group, in the groups' order. With ``workers`` > 1 the groups run in forked
    processes (each held-out fit is independent and deterministic, so the results are the same as in one process);
    ``held_out`` may be a closure: a forked worker inherits it rather than unpickling it. Yields as results arrive
    in order, so a long evaluation prints as it goes."""
    groups = list(groups)
    if workers <= 1 or len(groups) < 2 or "fork" not in multiprocessing.get_all_start_methods():
        yield from (held_out(held) for held in groups)
        return
    global _HELD_OUT
    _HELD_OUT = held_out
    try:
        # an executor, not a Pool: a worker killed (out of memory) raises BrokenProcessPool instead of a silent hang
        with ProcessPoolExecutor(min(workers, len(groups)), mp_context=multiprocessing.get_context("fork")) as pool:
            yield from pool.map(_held_out_in_worker, groups)
    finally:
        _HELD_OUT = None


def leave_one_set_out(header: str, groups: Iterable[str], held_out: Callable[[str], tuple],
                      workers: int = 1, beside: dict | None = None) -> dict:
    """(a): print each group's tally from ``held_out(group)`` -> (tally, note) and the pooled one; the pooled tally.
    ``held_out`` may return a third item, a figure kept beside the tally: stored in ``beside[group]`` (a worker's
    side effects would not reach this process). ``workers``: see ``held_out_results``."""
    print(header, flush=True)
    total: dict = {}
    groups = list(groups)
    for held, result in zip(groups, held_out_results(groups, held_out, workers)):
        o, note = result[0], result[1]
        if beside is not None and len(result) > 2:
            beside[held] = result[2]
        print("  " + line(held, o) + note, flush=True)
        total = add(total, o)
    if total.get("rows"):
        print("  " + line("pooled", total))
    return total


def held_out_gain(total: dict) -> bool:
    """The switch-on rule's (a): the held-out rows fixed less broken reach ``NET_GAIN`` of the rows."""
    rows = total.get("rows", 0)
    return bool(rows) and total["fixed"] - total["broken"] >= NET_GAIN * rows


REPLACE_LEVEL = 0.05   # the replacement rule's one-sided level, shared out over the candidates judged together


def replaces_stored(fixed: int, broken: int, candidates: int = 1, level: float = REPLACE_LEVEL) -> bool:
    """The replacement rule for a stored learned stage (written 6 Dec 2026, before that round's fits were measured).

    A held-out gain on the training sets says a fit beats the rules; it cannot choose between two fits of the same
    stage (round 9: the fit with the better held-out figure did worse on the never-opened sets). So a candidate fit
    replaces the stored one only when, on the untuned calibration sets (``CALIBRATION_SETS``, which no stage is fitted
    on), the rows it gets right and the stored one wrong (``fixed``) outnumber the reverse (``broken``) by more than
    chance: a one-sided exact sign test on those discordant rows at ``level`` / ``candidates`` (Bonferroni), where
    ``candidates`` counts every candidate named for the round - so a round's candidates are judged together, in one
    run of ``benchmarks/text_stage_compare.py``. Ties and small margins keep the stored fit. The calibration sets thus
    also choose between fits, besides recalibrating the confidence and measuring the corridor confusion: a choice
    among a few fits spends little of them, and the never-opened sets stay the only reported measure."""
    if candidates < 1 or fixed < 0 or broken < 0:
        raise ValueError(f"replaces_stored: candidates >= 1 and counts >= 0, got {candidates}, {fixed}, {broken}")
    return beats_by_chance(fixed, broken, level / candidates)


def sign_test_tail(fixed: int, broken: int) -> float:
    """The one-sided exact sign test's p-value on discordant rows: P(at least ``fixed`` of ``fixed + broken`` rows
    go one way | each way equally likely). 1.0 when there is no discordant row."""
    if fixed < 0 or broken < 0:
        raise ValueError(f"sign_test_tail: counts >= 0, got {fixed}, {broken}")
    discordant = fixed + broken
    return sum(math.comb(discordant, k) for k in range(fixed, discordant + 1)) / 2 ** discordant


def beats_by_chance(fixed: int, broken: int, level: float = REPLACE_LEVEL) -> bool:
    """More rows fixed than broken, beyond chance: the one-sided exact sign test on the discordant rows at ``level``."""
    return fixed > broken and sign_test_tail(fixed, broken) <= level


# The demo seeds (``routekit synth --seed``) spent on fitting or judging a learned stage, kept in a committed ledger
# (``DEMO_SEEDS_LEDGER``: seed,spent_on). A switch-on trial's fresh demo (``benchmarks/text_stage_compare.py
# --switch-on --demo-seed``) takes a seed not in it, and the command writes the seed there itself before it runs (d)
# (``spend_demo_seed``): a seed looked at once is no longer fresh, and a re-run with another seed leaves a trace.
DEMO_SEEDS_LEDGER = ROOT / "routekit" / "reference" / "gazetteer" / "demo_seeds_used.csv"


def demo_seeds_used(ledger: Path | None = None) -> dict[int, str]:
    """The ledger's spent seeds: seed -> what it was spent on."""
    import csv

    path = DEMO_SEEDS_LEDGER if ledger is None else ledger
    with path.open(encoding="utf-8", newline="") as handle:
        return {int(row["seed"]): row["spent_on"] for row in csv.DictReader(handle)}


def spend_demo_seed(seed: int, spent_on: str, ledger: Path | None = None) -> None:
    """Write ``seed`` to the ledger (read afresh, not the import-time ``DEMO_SEEDS_USED``); ValueError when it is
    already there."""
    import csv

    path = DEMO_SEEDS_LEDGER if ledger is None else ledger
    used = demo_seeds_used(path)
    if seed in used:
        raise ValueError(f"demo seed {seed} is used up ({used[seed]})")
    with path.open("a", encoding="utf-8", newline="") as handle:
        csv.writer(handle, lineterminator="\n").writerow([seed, spent_on])


DEMO_SEEDS_USED = demo_seeds_used()
DEMO_MIN_LET_IN = 100   # (d) counts only with at least this many demo texts let in by the candidate's gate
COST_BUDGET = 0.03   # issue 15: a learned stage may cost this share of an extraction's CPU time
SWITCH_ON_LEVEL = 0.05   # the switch-on rule's one-sided level for (a) (one stage, one decision per round)


class SwitchOnRule(NamedTuple):
    """The verifier's switch-on rule (written 6 Dec 2026 round 11, before the round's end-of-round fit was made or
    the rule was run; ``benchmarks/text_stage_compare.py --stage verifier --switch-on``). Each part is a yes/no; the
    stage is stored switched on only when all five hold:

    (a) ``held_out``: held out on the training sets (``TRAIN_SETS``, each set scored by the fit on the others, thresholds
        and gate chosen on those others), the rows fixed outnumber those broken beyond chance: a one-sided exact sign
        test on the discordant rows at ``SWITCH_ON_LEVEL``;
    (b) ``calibration``: on the untuned calibration sets pooled (``CALIBRATION_SETS``, counts only), stage on against
        off, it is NOT WORSE: rows fixed >= rows broken. Decided before running it: (a) already carries the test
        against chance on 3,367 rows (train1-28 in round 11); at the expected gain (about 1% of rows, some 15 discordant rows in 1,450) a
        second significance test would have little power and keep a helpful stage off, while what (b) must catch is
        a writer shift that turns the gain negative. It also spends the calibration sets less (a sign, not a choice);
    (c) ``plain``: no row of a plain set breaks;
    (d) ``demo``: on a fresh demo seed (never used: not in the ledger ``DEMO_SEEDS_LEDGER``, which the command writes
        the seed to before it runs (d)), with at least ``DEMO_MIN_LET_IN`` demo texts let in by the candidate's gate,
        rows fixed >= rows broken (a gate that shuts the demo out has shown nothing on it: no);
    (e) ``cost``: the stage's CPU time (on less off) on the speed benchmark's texts is at most ``COST_BUDGET`` of an
        extraction's."""

    held_out: bool
    calibration: bool
    plain: bool
    demo: bool
    cost: bool

    @property
    def on(self) -> bool:
        return all(self)


def switch_on_rule(held_out: tuple[int, int], calibration: tuple[int, int], plain_broken: int,
                   demo: tuple[int, int], cost_share: float, *, demo_let_in: int) -> SwitchOnRule:
    """The verifier's switch-on rule (``SwitchOnRule``) from counts: (fixed, broken) held out, on the calibration sets
    and on the fresh demo, the plain rows broken, the stage's share of the extraction's CPU time, and the demo texts
    the candidate's gate let in."""
    return SwitchOnRule(beats_by_chance(*held_out, SWITCH_ON_LEVEL), calibration[0] >= calibration[1],
                        plain_broken == 0, demo_let_in >= DEMO_MIN_LET_IN and demo[0] >= demo[1],
                        cost_share <= COST_BUDGET)


def margin_table(margins, fold_list, outcome: Callable) -> dict[float, tuple[int, int]]:
    """margin -> (rows fixed, rows broken) over the held-out folds ((rows, model fitted without them) pairs), the
    model's margin replaced; ``outcome(rows, model)`` is the stage's tally."""
    table = {}
    for margin in margins:
        fixed = broken = 0
        for held_rows, model in fold_list:
            o = outcome(held_rows, model._replace(margin=margin))
            fixed, broken = fixed + o["fixed"], broken + o["broken"]
        table[margin] = (fixed, broken)
    return table


def choose_margin(table: dict, break_cost: float) -> float:
    """The margin with the most fixed - break_cost x broken; ties to the larger (more cautious) margin."""
    best = None
    for margin in sorted(table, reverse=True):
        fixed, broken = table[margin]
        value = fixed - break_cost * broken
        if best is None or value > best[0] + 1e-9:
            best = (value, margin)
    return best[1]


def print_margin_choice(table: dict, break_cost: float, groups: int) -> float:
    """Print the held-out margin table and the margin it chooses; that margin."""
    print("leave one set out, rows fixed/broken by margin: "
          + ", ".join(f"{m}: {f}/{b}" for m, (f, b) in table.items()))
    margin = choose_margin(table, break_cost)
    print(f"margin (leave one set out over all {groups} sets): {margin}")
    return margin


def judge_allowed_sets(outcome_of: Callable[[str, Path], dict]) -> tuple[dict, bool]:
    """(b): each allowed set's tally with the final fit (``outcome_of(name, path)``), printed; the figures to store
    (fixed/broken per set) and whether no plain-set row broke."""
    print("(b) allowed sets with the final fit")
    figures: dict = {}
    plain_ok = True
    for name, path in allowed_sets():
        o = outcome_of(name, path)
        print("  " + line(name, o))
        figures[name] = f"{o['fixed']}/{o['broken']}"
        if name in PLAIN_SETS and o["broken"]:
            plain_ok = False
    return figures, plain_ok


def switch_on(pooled_ok: bool, plain_ok: bool, chosen: bool, rule: str = "of rows") -> bool:
    """The switch-on rule, printed: (a) held-out gain, (b) no plain-set row broken, and a finite tuning choice."""
    on = pooled_ok and plain_ok and chosen
    print(f"switch-on rule: (a) pooled net >= {NET_GAIN:.0%} {rule}: {pooled_ok}; (b) no plain-set row broken: "
          f"{plain_ok} -> enabled: {str(on).lower()}")
    return on


def train_option(paths: Iterable) -> str:
    """The ``--train`` part of a stored fit command: empty for the default training sets, else the sets named (relative
    to the repository when inside it), so that the stored command reproduces the stored fit."""
    named = [Path(p) for p in paths]
    if [p.resolve() for p in named] == [Path(p).resolve() for p in TRAIN_SETS]:
        return ""
    return " --train " + " ".join(str(p.resolve().relative_to(ROOT)) if ROOT in p.resolve().parents else str(p)
                                  for p in named)


def fit_record(script: str, extra: Iterable, options: str = "") -> dict:
    """How a stored fit was made: the command (with ``options``, e.g. " --ridge 1.0") and the date; an ``--extra``
    file (a partner's review corrections) by its name and sha256 only, never its full path (which may name a person's
    case folder or a partner's machine)."""
    extra = [Path(p) for p in extra]
    record = {"command": f"{script} --write" + "".join(f" --extra {p.name}" for p in extra) + options,
              "date": datetime.now(timezone.utc).strftime("%d %b %Y %H:%M UTC")}
    if extra:
        record["extra"] = [{"file": p.name, "sha256": hashlib.sha256(p.read_bytes()).hexdigest()} for p in extra]
    return record


def finite_or_never(margin: float) -> float:
    """A margin as stored: ``inf`` (never switch) as 1e9, which yaml and the stage read back as a number."""
    return margin if math.isfinite(margin) else 1e9
