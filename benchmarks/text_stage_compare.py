"""Judge candidate fits of a learned stage against the stored one by the replacement rule (issue 15).

Each yaml (the stored stage's file first, then one or more candidates written by the stage's fit script with
``--out``) is put in place of the stage's stored model in turn, in one process with the same rules, and every row of
the untuned calibration sets and of the plain sets is read. Per candidate it prints, aggregate only (no row, no text:
the calibration sets are never read row by row), the rows fixed and broken against the stored file on each
calibration set and pooled, the plain rows broken, and the verdict of ``learned_fit.replaces_stored``: a candidate
replaces the stored stage only if it beats it on the calibration sets by more than chance and breaks no plain row.
Of the candidates that pass, the one with the largest net gain is named.

    .venv/bin/python benchmarks/text_stage_compare.py --stage order routekit/reference/gazetteer/order_model.yaml \
        /tmp/order_candidate.yaml

``--switch-on`` (the verifier, round 11) applies the stage's switch-on rule (``learned_fit.SwitchOnRule``, written
before the end-of-round fit) to one candidate written by ``benchmarks/text_verifier_fit.py --out``: (a) its held-out
counts on train1-28 as the fit stored them, (b) the calibration sets pooled and (c) the plain sets with the candidate
off and on, (d) a fresh demo seed (``--demo-seed``, refused when in the ledger ``learned_fit.DEMO_SEEDS_LEDGER``, and
written there by the command before (d) runs) off and on against its truth, at least ``DEMO_MIN_LET_IN`` texts in the
gate, (e) the stage's CPU share on the speed benchmark's texts. Counts only, then one verdict line:

    .venv/bin/python benchmarks/text_stage_compare.py --stage verifier --switch-on /tmp/verifier_candidate.yaml \
        --demo-seed 43 --bench-demo /tmp/rk_bench_demo
"""

from __future__ import annotations

import argparse
import sys
from datetime import datetime, timezone
from pathlib import Path

import pandas as pd

from routekit.text import order_model, origin_model, verifier
from routekit.text.evaluation import evaluate
from routekit.text import learned_fit
from routekit.text.learned_fit import (CALIBRATION_SETS, COST_BUDGET, DATA, DEMO_MIN_LET_IN, PLAIN_SETS, TRAIN_SETS,
                                       replaces_stored, sign_test_tail, switch_on_rule)

STAGES = {"order": order_model, "verifier": verifier, "origin": origin_model}


def exact_rows(stage, path, sets: tuple[str, ...]) -> dict[str, pd.Series]:
    """Set name -> per-row exact (True/False) with ``path`` (or a model) as the stage's model."""
    out = {}
    with stage.using(stage.read_model(path) if isinstance(path, Path) else path):
        for name in sets:
            gold = pd.read_csv(DATA / f"extraction_{name}.csv", dtype=str, keep_default_na=False)
            out[name] = evaluate(gold).rows["exact"].reset_index(drop=True)
    return out


def discordant(stored: pd.Series, candidate: pd.Series) -> tuple[int, int]:
    return int((candidate & ~stored).sum()), int((stored & ~candidate).sum())


def held_out_counts(path: Path, model, trial: bool = False) -> tuple[tuple[int, int] | None, str]:
    """(a)'s counts as the verifier fit stored them (``fitted.held_out_pooled``: fixed, broken), or None with why not:
    a fit on other sets than train1-28, a held-out figure made with another gate than the candidate's (the fit stores
    its gate with the counts: a hand-edited gate keeps the old counts), or a figure not nested (the fit's ``--quick``;
    accepted with ``trial``, a try of the rule that decides nothing)."""
    import yaml

    fitted = (yaml.safe_load(path.read_text(encoding="utf-8")) or {}).get("fitted") or {}
    pooled = fitted.get("held_out_pooled") or {}
    if sorted(fitted.get("sets") or []) != sorted(p.name for p in TRAIN_SETS):
        return None, f"fitted on {len(fitted.get('sets') or [])} sets, not the {len(TRAIN_SETS)} training sets"
    if "fixed" not in pooled or "broken" not in pooled:
        return None, "no held-out counts stored"
    if (model.gate is not None) != bool(pooled.get("gated")):
        return None, "the held-out counts are not of the stored gate"
    if "gate" not in pooled:
        return None, "the held-out counts name no gate (refit: the fit stores its gate with them)"
    stored_gate = pooled["gate"]
    if (None if stored_gate is None else frozenset(stored_gate)) != model.gate:
        return None, "the held-out counts were made with another gate than the candidate's"
    nested = pooled.get("nested", True)
    if not nested and not trial:
        return None, "the held-out counts are not nested (the fit's --quick): refit without it"
    return ((int(pooled["fixed"]), int(pooled["broken"])),
            f"held out on {pooled.get('rows', '?')} rows" + ("" if nested else ", quick: not nested"))


def demo_outcome(model, seed: int) -> tuple[int, int, int, int]:
    """A fresh demo (``routekit synth`` with ``seed``, as the speed benchmark makes its own: 2025-01..03, scale 0.5)
    against its truth, the stage off and on: (texts, texts the gate lets in, fixed, broken)."""
    import tempfile

    from routekit.synth import generate
    from routekit.text.calibration import genre_counts
    from routekit.text.normalise import fold
    from routekit.text.evaluation import split_route, synth_gold
    from routekit.text.extraction import extract_route

    with tempfile.TemporaryDirectory(prefix="routekit_switch_on_demo_") as made:
        frame = synth_gold(generate(Path(made), seed, "2025-01", "2025-03", 0.5, cdr_events=None))
    pairs = [(text, split_route(gold)) for text, gold in zip(frame["text"], frame["route"])
             if isinstance(text, str) and text]
    with verifier.using(model._replace(enabled=False)):
        off = [extract_route(text).route for text, _ in pairs]
    with verifier.using(model):
        on = [extract_route(text).route for text, _ in pairs]
    fixed = sum(now == gold != was for (_, gold), was, now in zip(pairs, off, on))
    broken = sum(was == gold != now for (_, gold), was, now in zip(pairs, off, on))
    let_in = sum(verifier.in_gate(model.gate, genre_counts(text), verifier.question_turns(fold(text))) for text, _ in pairs)
    return len(pairs), let_in, fixed, broken


def bench_texts(folder: Path | None, n: int) -> list[str]:
    """``n`` texts drawn as ``benchmarks/text_extraction.py`` draws them (its demo, seed 7; ``folder``: made)."""
    import random
    import tempfile

    from routekit.synth import generate
    from routekit.text.evaluation import synth_gold

    with tempfile.TemporaryDirectory(prefix="routekit_switch_on_bench_") as made:
        if folder is None:
            folder = generate(Path(made), 7, "2025-01", "2025-03", 0.5, cdr_events=None)
        base = [t for t in synth_gold(folder)["text"] if isinstance(t, str) and t]
    rng = random.Random(7)
    return [base[rng.randrange(len(base))] for _ in range(n)]


def stage_cost(model, texts: list[str], passes: int) -> tuple[float, float, float]:
    """The verifier's CPU share of an extraction: its inputs captured from the extractor (stage off), then passes
    interleaved - the extraction of every text (stage off), the stage on those inputs switched on, and off. Medians
    of CPU seconds: (extraction, stage on, stage off); the share is (on - off) / extraction. A fresh word reader per
    call (``shared_record_words``' arguments captured), so the words the later order stage read are not reused."""
    import statistics
    import time

    from routekit.text import context_words, extraction

    captured: list = []
    readers: list = []
    real_reader, real_review = extraction.shared_record_words, extraction.review_stops

    def reader(starts, words, mentions, sentence_starts, unjoined=None):
        mentions = list(mentions)
        readers.append((starts, words, mentions, sentence_starts, unjoined))
        return real_reader(starts, words, mentions, sentence_starts, unjoined)

    def review(route, states, mode_of, dialogue, genre, language, length, words_of=None, gone_to=None):
        captured.append((list(route), states, mode_of, dialogue, genre, language, length, readers[-1], gone_to))
        return real_review(route, states, mode_of, dialogue, genre, language, length, words_of, gone_to)

    off = model._replace(enabled=False)
    extraction.shared_record_words, extraction.review_stops = reader, review
    try:
        with verifier.using(off):
            for text in texts:
                extraction.extract_route(text)
    finally:
        extraction.shared_record_words, extraction.review_stops = real_reader, real_review

    def replay(stage_model) -> float:
        calls = [(route, states, mode_of, dialogue, genre, language, length,
                  context_words.shared_record_words(*arguments), gone_to)
                 for route, states, mode_of, dialogue, genre, language, length, arguments, gone_to in captured]
        with verifier.using(stage_model):
            began = time.process_time()
            for route, states, mode_of, dialogue, genre, language, length, words_of, gone_to in calls:
                verifier.review(list(route), states, mode_of, dialogue, genre, language, length, words_of, gone_to)
            return time.process_time() - began

    whole, stage_on, stage_off = [], [], []
    for _ in range(passes):
        with verifier.using(off):
            began = time.process_time()
            for text in texts:
                extraction.extract_route(text)
            whole.append(time.process_time() - began)
        stage_on.append(replay(model))
        stage_off.append(replay(off))
    return statistics.median(whole), statistics.median(stage_on), statistics.median(stage_off)


def switch_on(path: Path, demo_seed: int, bench_demo: Path | None, cost_texts: int, passes: int,
              trial: bool = False) -> int:
    """The verifier's switch-on rule on one candidate: counts, each part's answer and the verdict line."""
    from routekit.text.learned_fit import SWITCH_ON_LEVEL

    used = learned_fit.demo_seeds_used()
    if demo_seed in used:
        print(f"error: --demo-seed {demo_seed} is used up ({used[demo_seed]}); pick a seed not in "
              f"{learned_fit.DEMO_SEEDS_LEDGER.name}", file=sys.stderr)
        return 2
    candidate = verifier.read_model(path)
    on = candidate._replace(enabled=True)
    gate = "all records" if on.gate is None else ",".join(sorted(on.gate, key=verifier.GATE_KINDS.index))
    print(f"candidate {path}: gate {gate}; remove below {on.remove_below}")
    held, why = held_out_counts(path, on, trial)
    if held is None:
        print(f"(a) held out on the training sets: {why} -> no")
    else:
        print(f"(a) held out on the training sets ({why}): fixed {held[0]} broken {held[1]} net {held[0] - held[1]:+d}; "
              f"one-sided sign test p = {sign_test_tail(*held):.4f} (level {SWITCH_ON_LEVEL})")
    sets = (*CALIBRATION_SETS, *PLAIN_SETS)
    base = exact_rows(verifier, on._replace(enabled=False), sets)
    result = exact_rows(verifier, on, sets)
    per_set = {n: discordant(base[n], result[n]) for n in CALIBRATION_SETS}
    calibration = tuple(sum(v[i] for v in per_set.values()) for i in (0, 1))
    rows = sum(len(base[n]) for n in CALIBRATION_SETS)
    print(f"(b) calibration sets ({len(CALIBRATION_SETS)}, {rows} rows) off -> on: fixed {calibration[0]} broken "
          f"{calibration[1]} net {calibration[0] - calibration[1]:+d}, discordant {sum(calibration)} "
          f"(one-sided sign test p = "
          f"{sign_test_tail(*calibration):.4f}, shown only; the rule asks not worse)")
    plain_broken = sum(discordant(base[n], result[n])[1] for n in PLAIN_SETS)
    plain_fixed = sum(discordant(base[n], result[n])[0] for n in PLAIN_SETS)
    print(f"(c) plain sets off -> on: fixed {plain_fixed} broken {plain_broken}")
    try:   # spent before (d) is looked at, whatever it shows
        learned_fit.spend_demo_seed(demo_seed, f"{'trial ' if trial else ''}switch-on rule (d) on {path.name}, "
                                               f"{datetime.now(timezone.utc):%d %b %Y %H:%M} UTC")
    except ValueError as error:
        print(f"error: --demo-seed {demo_seed}: {error}", file=sys.stderr)
        return 2
    texts, let_in, fixed, broken = demo_outcome(on, demo_seed)
    print(f"(d) fresh demo seed {demo_seed} (written to {learned_fit.DEMO_SEEDS_LEDGER.name}): {texts} texts, {let_in} "
          f"in the gate (at least {DEMO_MIN_LET_IN} needed); off -> on fixed {fixed} broken {broken} "
          f"net {fixed - broken:+d}")
    whole, stage_on, stage_off = stage_cost(on, bench_texts(bench_demo, cost_texts), passes)
    share = (stage_on - stage_off) / whole
    print(f"(e) cost on {cost_texts} speed-benchmark texts (median of {passes} passes, CPU): extraction "
          f"{whole / cost_texts * 1e6:.1f} us a text, the stage on {stage_on / cost_texts * 1e6:.2f} us, off "
          f"{stage_off / cost_texts * 1e6:.2f} us -> {share:.2%} (budget {COST_BUDGET:.0%})")
    rule = switch_on_rule(held or (0, 0), calibration, plain_broken, (fixed, broken), share, demo_let_in=let_in)
    answers = " ".join(f"({part}) {'yes' if ok else 'no'}" for part, ok in zip("abcde", rule))
    print(f"{'trial verdict (decides nothing)' if trial else 'verdict'}: {answers} -> "
          f"{'switch on' if rule.on else 'keep off'}")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--stage", choices=sorted(STAGES), required=True)
    parser.add_argument("--switch-on", type=Path, default=None, metavar="CANDIDATE",
                        help="the verifier's switch-on rule on one candidate fit (no stored/candidates then)")
    parser.add_argument("--demo-seed", type=int, default=None, help="with --switch-on: a fresh demo seed, for (d)")
    parser.add_argument("--bench-demo", type=Path, default=None,
                        help="with --switch-on: the speed benchmark's demo folder (default: made, seed 7), for (e)")
    parser.add_argument("--cost-texts", type=int, default=3000, help="with --switch-on: texts timed for (e)")
    parser.add_argument("--passes", type=int, default=5, help="with --switch-on: timed passes for (e)")
    parser.add_argument("--trial", action="store_true",
                        help="with --switch-on: a try of the rule that decides nothing (accepts the fit's --quick "
                             "held-out figure; the verdict line says so)")
    parser.add_argument("stored", type=Path, nargs="?", help="the stage's stored yaml (or a refit of its stored "
                                                             "command)")
    parser.add_argument("candidates", type=Path, nargs="*", help="candidate yaml files")
    args = parser.parse_args(argv)
    if args.switch_on is not None:
        if args.stage != "verifier" or args.stored is not None or args.demo_seed is None:
            print("error: --switch-on is the verifier's rule: --stage verifier --switch-on CANDIDATE --demo-seed N",
                  file=sys.stderr)
            return 2
        if not args.switch_on.is_file():
            print(f"error: {args.switch_on}: no such file", file=sys.stderr)
            return 2
        return switch_on(args.switch_on, args.demo_seed, args.bench_demo, args.cost_texts, args.passes, args.trial)
    if args.stored is None or not args.candidates:
        print("error: the stored yaml and at least one candidate", file=sys.stderr)
        return 2
    for path in (args.stored, *args.candidates):
        if not path.is_file():
            print(f"error: {path}: no such file", file=sys.stderr)
            return 2
    stage = STAGES[args.stage]
    sets = (*CALIBRATION_SETS, *PLAIN_SETS)
    base = exact_rows(stage, args.stored, sets)
    rows = sum(len(base[name]) for name in CALIBRATION_SETS)
    print(f"stored {args.stored}: calibration sets ({len(CALIBRATION_SETS)}, {rows} rows) exact "
          f"{sum(int(base[n].sum()) for n in CALIBRATION_SETS) / rows:.3f}")
    passing = []
    for path in args.candidates:
        result = exact_rows(stage, path, sets)
        per_set = {n: discordant(base[n], result[n]) for n in CALIBRATION_SETS}
        fixed, broken = (sum(v[i] for v in per_set.values()) for i in (0, 1))
        plain_broken = sum(discordant(base[n], result[n])[1] for n in PLAIN_SETS)
        verdict = replaces_stored(fixed, broken, candidates=len(args.candidates)) and plain_broken == 0
        print(f"candidate {path}: calibration exact {sum(int(result[n].sum()) for n in CALIBRATION_SETS) / rows:.3f}; "
              f"fixed/broken against stored {fixed}/{broken} (net {fixed - broken:+d}); per set "
              + " ".join(f"{n.removeprefix('hard_')} {f}/{b}" for n, (f, b) in per_set.items())
              + f"; plain rows broken {plain_broken} -> replaces stored: {str(verdict).lower()}")
        if verdict:
            passing.append((fixed - broken, str(path)))
    print(f"verdict: {max(passing)[1] if passing else 'keep the stored stage'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
