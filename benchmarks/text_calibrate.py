"""Refit the extractor's calibrated confidence on hand-labelled sets and write its coefficients as data.

    .venv/bin/python benchmarks/text_calibrate.py tests/data/extraction_gold.csv tests/data/extraction_dev*.csv \
        tests/data/extraction_hard_dev.csv [--write]

Fits P(exact route) = logistic(intercept + weights . features) (``routekit.text.calibration``) on the rows with a
route, and the exact rate of the texts without one per kind (no place named, one country). Prints the fit's
reliability by fifths on the fitting rows; ``--write`` stores the result in
``routekit/reference/gazetteer/confidence.yaml``. Never fit on a set kept for evaluation.
"""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path

import pandas as pd
import yaml

ROOT = Path(__file__).resolve().parents[1]
TARGET = ROOT / "routekit" / "reference" / "gazetteer" / "confidence.yaml"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sets", nargs="+", type=Path)
    parser.add_argument("--ridge", type=float, default=1.0)
    parser.add_argument("--write", action="store_true")
    args = parser.parse_args()
    if any("untouched" in path.name for path in args.sets):
        parser.error("the untouched set is for evaluation only")

    from routekit.text import extract_route
    from routekit.text.calibration import FEATURE_NAMES, fit
    from routekit.text.evaluation import split_route

    vectors, exact, no_route = [], [], {"no_place": [], "one_country": []}
    for path in args.sets:
        gold = pd.read_csv(path, dtype=str, keep_default_na=False)
        for text, route in zip(gold["text"], gold["route"]):
            result = extract_route(text)
            right = result.route == split_route(route)
            if result.features:
                vectors.append(result.features)
                exact.append(right)
            elif result.reason == "no route stated":
                no_route["one_country" if "one_country" in result.flags else "no_place"].append(right)
    intercept, weights = fit(vectors, exact, args.ridge)
    rates = {kind: round((sum(v) + 1) / (len(v) + 2), 2) for kind, v in no_route.items()}   # Laplace: few rows
    print(f"rows with a route: {len(vectors)}, exact {sum(exact) / len(exact):.3f}; without: "
          + ", ".join(f"{k} {len(v)} (rate {rates[k]})" for k, v in no_route.items()))
    print(f"intercept {intercept:+.3f}")
    for name, weight in zip(FEATURE_NAMES, weights):
        print(f"  {name:<20} {weight:+.3f}")
    data = {
        "fitted": {"on": [p.name for p in args.sets], "rows": len(vectors), "date": date.today().isoformat(),
                   "ridge": args.ridge, "command": "benchmarks/text_calibrate.py"},
        "intercept": round(intercept, 4),
        "weights": {name: round(w, 4) for name, w in zip(FEATURE_NAMES, weights)},
        "no_route": rates,
    }
    if args.write:
        header = ("# Calibrated confidence of routekit.text (see calibration.py): P(exact route) =\n"
                  "# logistic(intercept + sum of weight x feature). Written by benchmarks/text_calibrate.py.\n")
        TARGET.write_text(header + yaml.safe_dump(data, sort_keys=False, allow_unicode=True), encoding="utf-8")
        print(f"wrote {TARGET}")


if __name__ == "__main__":
    main()
