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
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import pandas as pd

from routekit.text import order_model, origin_model, verifier
from routekit.text.evaluation import evaluate
from routekit.text.learned_fit import CALIBRATION_SETS, DATA, PLAIN_SETS, replaces_stored

STAGES = {"order": order_model, "verifier": verifier, "origin": origin_model}


def exact_rows(stage, path: Path, sets: tuple[str, ...]) -> dict[str, pd.Series]:
    """Set name -> per-row exact (True/False) with ``path`` as the stage's model."""
    out = {}
    with stage.using(stage.read_model(path)):
        for name in sets:
            gold = pd.read_csv(DATA / f"extraction_{name}.csv", dtype=str, keep_default_na=False)
            out[name] = evaluate(gold).rows["exact"].reset_index(drop=True)
    return out


def discordant(stored: pd.Series, candidate: pd.Series) -> tuple[int, int]:
    return int((candidate & ~stored).sum()), int((stored & ~candidate).sum())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--stage", choices=sorted(STAGES), required=True)
    parser.add_argument("stored", type=Path, help="the stage's stored yaml (or a refit of its stored command)")
    parser.add_argument("candidates", type=Path, nargs="+", help="candidate yaml files")
    args = parser.parse_args(argv)
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
