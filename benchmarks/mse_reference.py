"""routekit mse against the published reference figures and against four simulated truths.

Usage: .venv/bin/python benchmarks/mse_reference.py [--tables 10] [--n-boot 99]
           [--methods stepwise,stepwise-plain,latent-class] [--truths sparse5,dep4,het3,het5,pos3,many7]
           [--skip-published]
Prints, per published table, our estimate next to SparseMSE's; per truth and method: coverage of
the 95% interval, median (absolute and signed) relative error, median width (upper / lower),
refused share, share of tables flagged for heterogeneity and seconds per table. Methods:
``stepwise`` is routekit mse's default (log-linear stepwise plus the heterogeneity check of
``routekit.estimate.heterogeneity``), ``stepwise-plain`` the log-linear search alone, ``aic``,
``latent-class``. The default run is modest (10 tables per truth); pass
``--tables 100`` for the figures in routekit/estimate/README.md.

Truths (each person's capture history drawn from the truth, N fixed; the all-zero history is
the unseen):
- ``sparse5``: 5 lists, N = 2,000, log-linear with two strong negative dependences (odds
  ratios e^-2.5 and e^-3) and one positive; pairs often share nobody.
- ``dep4``: 4 lists, N = 2,000, one positive (e^1) and one negative (e^-1) dependence.
- ``het3``: 3 lists, N = 2,000, two latent classes: 30% seen often (0.45-0.55 per list), 70%
  rarely (0.08-0.12): heterogeneity that no two-way log-linear model describes.
- ``het5``: 5 lists, N = 2,000, the same two classes (30% seen 0.40-0.55 per list, 70% 0.08-0.12):
  with five lists heterogeneity is identifiable (latent classes, Mth models by AIC).
- ``pos3``: 3 lists, N = 2,000, log-linear with one positive dependence (e^0.8), no heterogeneity:
  what the heterogeneity check costs where its alarm is false (with three lists it cannot tell).
- ``many7``: 7 lists, N = 3,000, low capture (0.06-0.15), one positive dependence (e^1).
"""

from __future__ import annotations

import argparse
import itertools
import time
from pathlib import Path
from types import SimpleNamespace

import numpy as np
import pandas as pd

from routekit.estimate.loglinear import capture_table, read_capture_file
from routekit.estimate.mse_table import estimate_table

DATA = Path(__file__).resolve().parents[1] / "tests" / "data" / "mse"
REFERENCE = {  # SparseMSE 2.0.1, stepwise p < 0.02, BCa (tests/data/mse/README.md)
    "UKdat": (11418, 9418, 14161), "UKdat_5": (11313, 8785, 14700),
    "Ned": (111139, 45421, 160431), "Ned_5": (121522, 47393, 162846),
}


def _loglinear_truth(n: int, main: list[float], pairs: dict[tuple[int, int], float], rng) -> pd.DataFrame:
    histories = np.array(list(itertools.product((0, 1), repeat=len(main))), float)
    log_p = histories @ np.array(main)
    for (i, j), u in pairs.items():
        log_p += u * histories[:, i] * histories[:, j]
    p = np.exp(log_p - log_p.max())
    counts = rng.multinomial(n, p / p.sum())
    frame = pd.DataFrame(histories[1:].astype(int), columns=[f"L{i}" for i in range(len(main))])
    return frame.assign(count=counts[1:])


def _classes_truth(n: int, share: float, high: list[float], low: list[float], rng) -> pd.DataFrame:
    first = rng.random(n) < share
    p = np.where(first[:, None], high, low)
    seen = rng.random(p.shape) < p
    seen = seen[seen.any(axis=1)]
    frame = pd.DataFrame(seen.astype(int), columns=[f"L{i}" for i in range(len(high))])
    return frame.value_counts().rename("count").reset_index()


TRUTHS = {
    "sparse5": (2000, lambda rng: _loglinear_truth(2000, [-2.6, -2.8, -3.0, -2.7, -3.2],
                                                   {(0, 1): -2.5, (2, 3): -3.0, (1, 4): 1.0}, rng)),
    "dep4": (2000, lambda rng: _loglinear_truth(2000, [-1.2, -1.0, -1.4, -1.1], {(0, 1): 1.0, (2, 3): -1.0}, rng)),
    "het3": (2000, lambda rng: _classes_truth(2000, 0.3, [0.5, 0.45, 0.55], [0.1, 0.08, 0.12], rng)),
    "het5": (2000, lambda rng: _classes_truth(2000, 0.3, [0.5, 0.45, 0.55, 0.5, 0.4], [0.1, 0.08, 0.12, 0.1, 0.09],
                                              rng)),
    "pos3": (2000, lambda rng: _loglinear_truth(2000, [-1.0, -1.2, -0.9], {(0, 1): 0.8}, rng)),
    "many7": (3000, lambda rng: _loglinear_truth(3000, [-2.0, -2.5, -2.2, -2.8, -1.9, -2.4, -2.6],
                                                 {(0, 1): 1.0}, rng)),
}


def _run(method: str, table, n_boot: int, seed: int) -> SimpleNamespace:
    """One row of ``routekit mse`` (the same function as the command line), as attributes."""
    return SimpleNamespace(**estimate_table(table, method, seed=seed, n_boot=n_boot))


def published(methods: list[str], n_boot: int) -> None:
    print("published tables (SparseMSE 2.0.1 reference: estimate, 95% BCa)")
    for name, (ref, ref_low, ref_high) in REFERENCE.items():
        table = read_capture_file(DATA / f"{name}.csv")
        for method in methods:
            started = time.perf_counter()
            r = _run(method, table, n_boot, 0)
            seconds = time.perf_counter() - started
            if not r.estimable:
                print(f"  {name:8} {method:13} refused: {r.reason}")
                continue
            print(f"  {name:8} {method:13} {r.estimate:9,.0f} ({r.lower:,.0f}-{r.upper:,.0f})  reference {ref:,} "
                  f"({ref_low:,}-{ref_high:,})  ratio {r.estimate / ref:.2f}  "
                  f"in reference interval: {ref_low <= r.estimate <= ref_high}  {seconds:.1f} s")


def simulate(truths: list[str], methods: list[str], n_tables: int, n_boot: int) -> pd.DataFrame:
    rows = []
    for truth_name in truths:
        truth, draw = TRUTHS[truth_name]
        for k in range(n_tables):
            table = capture_table(draw(np.random.default_rng(1000 + k)))
            for method in methods:
                started = time.perf_counter()
                r = _run(method, table, n_boot, k)
                rows.append({"truth": truth_name, "method": method, "table": k, "seen": table.observed,
                             "estimable": bool(r.estimable), "flagged": r.method.endswith("+heterogeneity"),
                             "estimate": r.estimate, "lower": r.lower, "upper": r.upper,
                             "seconds": time.perf_counter() - started, "true": truth})
    results = pd.DataFrame(rows)
    ok = results[results["estimable"]]
    summary = ok.assign(
        covered=(ok["lower"] <= ok["true"]) & (ok["true"] <= ok["upper"]),
        abs_error=(ok["estimate"] / ok["true"] - 1).abs(), signed_error=ok["estimate"] / ok["true"] - 1,
        width=ok["upper"] / ok["lower"],
    ).groupby(["truth", "method"]).agg(
        tables=("covered", "size"), seen=("seen", "median"), coverage=("covered", "mean"),
        median_abs_error=("abs_error", "median"), median_signed_error=("signed_error", "median"),
        median_width=("width", "median"))
    summary["refused"] = 1 - results.groupby(["truth", "method"])["estimable"].mean()
    summary["heterogeneity_flag"] = results.groupby(["truth", "method"])["flagged"].mean()
    summary["seconds_per_table"] = results.groupby(["truth", "method"])["seconds"].mean()
    return summary


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--tables", type=int, default=10)
    parser.add_argument("--n-boot", type=int, default=99)
    parser.add_argument("--methods", default="stepwise,stepwise-plain,latent-class")
    parser.add_argument("--truths", default=",".join(TRUTHS))
    parser.add_argument("--skip-published", action="store_true")
    args = parser.parse_args()
    methods = [m for m in args.methods.split(",") if m]
    if not args.skip_published:
        published(methods, args.n_boot)
    summary = simulate([t for t in args.truths.split(",") if t], methods, args.tables, args.n_boot)
    print(f"simulations ({args.tables} tables per truth, n_boot {args.n_boot}; 'stepwise' is the default method)")
    print(summary.round(3).to_string())


if __name__ == "__main__":
    main()
