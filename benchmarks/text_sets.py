"""Every labelled set the team may read, one line each: exact route, corridor, country F1, order, and per genre.

The plain sets (must not regress) and the tuned hard sets; never the training, calibration or untouched sets
(their figures are aggregate-only, from `routekit evaluate-extraction ... --worst 0`). About 10 s.

    .venv/bin/python benchmarks/text_sets.py
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from routekit.text.evaluation import evaluate
from routekit.text.learned_fit import PLAIN_SETS, TUNED_SETS

DATA = Path(__file__).resolve().parents[1] / "tests" / "data"


def main() -> None:
    for name in (*PLAIN_SETS, *TUNED_SETS):
        result = evaluate(pd.read_csv(DATA / f"extraction_{name}.csv", dtype=str, keep_default_na=False))
        m = result.metrics
        genres = result.rows.groupby("genre")["exact"].mean().round(2).to_dict() if name.startswith("hard") else {}
        print(f"{name:12} exact {m['exact_route']:.3f} corridor {m['corridor_agreement']:.3f} "
              f"f1 {m['country_f1']:.3f} order {m['order_accuracy']:.3f} {genres or ''}")


if __name__ == "__main__":
    main()
