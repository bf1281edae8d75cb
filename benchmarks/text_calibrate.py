"""Refit the extractor's calibrated confidence on hand-labelled sets and write its coefficients as data.

    .venv/bin/python benchmarks/text_calibrate.py tests/data/extraction_gold.csv tests/data/extraction_dev[234].csv \\
        tests/data/extraction_heldout.csv tests/data/extraction_heldout2.csv tests/data/extraction_hard_dev.csv \\
        [--write] [--ridge 1.0]

Fits P(exact route) = logistic(intercept + weights . features) (``routekit.text.calibration``) on the rows with a
route, and the exact rate of the texts without one per kind (no place named, one country). Prints:
- the reliability by fifths of confidence on all fitting rows together and per set (in sample);
- a leave-one-set-out cross-validation: for each set, the fit on the other sets scores it (out of sample), by
  fifths, and the largest gap |exact - mean confidence| of a fifth (a new kind of record, not seen in any fit);
- a k-fold cross-validation over rows (``--folds``, every fold holds rows of every set): each row scored by the fit
  without its fold, reliability per set and pooled (new records of kinds the fit has seen).
``--write`` stores the fit on all sets in ``routekit/reference/gazetteer/confidence.yaml`` (its other keys, such as
``genre_markers``, are kept). Never fit on a set kept for evaluation (a file named ``*untouched*`` is refused).
``--balance 1`` weighs every set equally whatever its size (0, the default: every row equally).
The leave-one-set-out table of each held-out set is printed in full, and for the hard sets (``*hard*``) whether every
fifth's exact rate lies within ``--tolerance`` (0.10) of its mean confidence: the target for a new writer's records.
"""

from __future__ import annotations

import argparse
import math
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pandas as pd
import yaml

ROOT = Path(__file__).resolve().parents[1]
TARGET = ROOT / "routekit" / "reference" / "gazetteer" / "confidence.yaml"
BINS = 5


@dataclass
class Row:
    set_name: str
    row_id: str
    features: tuple[float, ...] | None   # None: no route extracted
    kind: str                             # "" or the no-route kind
    exact: bool


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


def fit_rows(rows: list[Row], ridge: float, balance: float = 0.0) -> dict:
    from routekit.text.calibration import FEATURE_NAMES, fit

    routed = [r for r in rows if r.features is not None]
    sizes = {name: sum(1 for r in routed if r.set_name == name) for name in {r.set_name for r in routed}}
    mean_size = sum(sizes.values()) / len(sizes)
    row_weights = [(mean_size / sizes[r.set_name]) ** balance for r in routed]
    intercept, weights = fit([r.features for r in routed], [r.exact for r in routed], ridge, row_weights)
    rates = {}
    for kind in ("no_place", "one_country"):
        hits = [r.exact for r in rows if r.kind == kind]
        rates[kind] = round((sum(hits) + 1) / (len(hits) + 2), 2)   # Laplace: few rows
    return {"intercept": round(intercept, 4), "weights": {n: round(w, 4) for n, w in zip(FEATURE_NAMES, weights)},
            "no_route": rates}


def confidence(model: dict, row: Row) -> float:
    """What ``calibration.probability`` / ``no_route_probability`` give for this row under ``model``."""
    from routekit.text.calibration import FEATURE_NAMES

    if row.features is None:
        return model["no_route"].get(row.kind, 1.0 if row.exact else 0.0) if row.kind != "other" else 0.0
    score = model["intercept"] + sum(model["weights"][n] * v for n, v in zip(FEATURE_NAMES, row.features))
    return round(min(max(1.0 / (1.0 + math.exp(-score)), 0.01), 0.99), 2)


def table(model: dict, rows: list[Row]) -> pd.DataFrame:
    from routekit.text.evaluation import reliability

    frame = pd.DataFrame({"id": [f"{r.set_name}:{r.row_id}" for r in rows],
                          "confidence": [confidence(model, r) for r in rows], "exact": [r.exact for r in rows]})
    return reliability(frame, BINS)


def show(title: str, reliability_table: pd.DataFrame, tolerance: float | None = None) -> float:
    worst = float(reliability_table["gap"].abs().max())
    cells = "  ".join(f"{part} n={int(r.rows)} conf {r.confidence:.2f} exact {r.exact:.2f} gap {r.gap:+.2f}"
                      for part, r in reliability_table.iterrows())
    verdict = "" if tolerance is None else ("  PASS" if worst <= tolerance + 1e-9 else "  FAIL")
    print(f"{title:<28} max|gap| {worst:.2f}{verdict}   {cells}")
    return worst


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sets", nargs="+", type=Path)
    parser.add_argument("--ridge", type=float, default=1.0)
    parser.add_argument("--write", action="store_true")
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--balance", type=float, default=0.0, help="0: every row counts once; 1: every set equally")
    parser.add_argument("--tolerance", type=float, default=0.10, help="largest |gap| of a fifth on a held-out hard set")
    args = parser.parse_args()
    if any("untouched" in path.name for path in args.sets):
        parser.error("the untouched set is for evaluation only")

    rows = read_rows(args.sets)
    model = fit_rows(rows, args.ridge, args.balance)
    routed = [r for r in rows if r.features is not None]
    print(f"rows {len(rows)}, with a route {len(routed)} (exact {sum(r.exact for r in routed) / len(routed):.3f}); "
          f"no-route rates {model['no_route']}")
    print(f"intercept {model['intercept']:+.3f}  " + "  ".join(f"{n} {w:+.3f}" for n, w in model["weights"].items()))
    print("\nin sample (fit on all sets)")
    show("all sets", table(model, rows))
    names = [p.stem for p in args.sets]
    for name in names:
        show(name, table(model, [r for r in rows if r.set_name == name]))
    print("\nleave one set out (fit on the other sets, scored on this one)")
    pooled = []
    for name in names:
        held_out = [r for r in rows if r.set_name == name]
        other = fit_rows([r for r in rows if r.set_name != name], args.ridge, args.balance)
        show(name, table(other, held_out), args.tolerance if "hard" in name else None)
        pooled += [(r, confidence(other, r)) for r in held_out]
    from routekit.text.evaluation import reliability
    frame = pd.DataFrame({"id": [f"{r.set_name}:{r.row_id}" for r, _ in pooled], "confidence": [c for _, c in pooled],
                          "exact": [r.exact for r, _ in pooled]})
    show("all sets, out of sample", reliability(frame, BINS))
    print(f"\n{args.folds}-fold cross-validation over rows (each row scored by a fit without its fold)")
    folds = [rows[i::args.folds] for i in range(args.folds)]   # rows interleaved: every fold holds every set
    scored = []
    for index, fold in enumerate(folds):
        other = fit_rows([r for j, f in enumerate(folds) if j != index for r in f], args.ridge, args.balance)
        scored += [(r, confidence(other, r)) for r in fold]
    for name in names + [None]:
        chosen = [(r, c) for r, c in scored if name is None or r.set_name == name]
        frame = pd.DataFrame({"id": [f"{r.set_name}:{r.row_id}" for r, _ in chosen],
                              "confidence": [c for _, c in chosen], "exact": [r.exact for r, _ in chosen]})
        show(name or "all sets, out of fold", reliability(frame, BINS))
    if args.write:
        kept = {key: value for key, value in (yaml.safe_load(TARGET.read_text(encoding="utf-8")) or {}).items()
                if key not in ("fitted", "intercept", "weights", "no_route")}
        data = {"fitted": {"on": [p.name for p in args.sets], "rows": len(routed), "date": date.today().isoformat(),
                           "ridge": args.ridge, "balance": args.balance, "command": "benchmarks/text_calibrate.py"},
                **model, **kept}
        header = ("# Calibrated confidence of routekit.text (see calibration.py): P(exact route) =\n"
                  "# logistic(intercept + sum of weight x feature). Written by benchmarks/text_calibrate.py.\n"
                  "# genre_markers: words by which a record tells its genre (calibration.genre_counts; whole words,\n"
                  "# any case, a space also matches a hyphen). Analysts may extend them; refit afterwards.\n")
        TARGET.write_text(header + yaml.safe_dump(data, sort_keys=False, allow_unicode=True), encoding="utf-8")
        print(f"wrote {TARGET}")


if __name__ == "__main__":
    main()
