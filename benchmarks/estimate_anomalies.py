"""Shock detection and false alarms of the anomaly flags over many seeded demo scenarios.

Series: distinct persons seen per corridor and month (the link's published total, suppressed
cells as 0) and the MSE estimate per corridor-month. A surge shock counts as detected in a
month when its corridor is flagged 'high' that month. False alarms: flags in corridor-months
without any shock. Usage: .venv/bin/python benchmarks/estimate_anomalies.py [scenarios] [alpha]
"""

from __future__ import annotations

import sys
import time

import pandas as pd

from routekit.estimate.population import estimate_strata
from routekit.estimate.trends import anomalies
from routekit.estimate.validation import KINDS, link_from_journeys
from routekit.synth import simulate


def main(scenarios: int = 10, alpha: float = 0.05) -> None:
    hits = {"observed": [0, 0], "estimate": [0, 0]}
    alarms = {"observed": [0, 0], "estimate": [0, 0]}
    started = time.time()
    for seed in range(1, scenarios + 1):
        population = simulate(seed, "2023-01", "2025-12", 1.0, texts=False)
        link = link_from_journeys(population.journeys)
        observed = (link.contingency.fillna({"count": 0}).groupby(["month", "corridor"])["count"].sum().reset_index())
        estimates, _, _ = estimate_strata(link, n_boot=49, seed=seed, kinds=KINDS)
        series = {
            "observed": observed,
            "estimate": estimates.rename(columns={"period": "month"})[["month", "corridor", "estimate"]]
            .rename(columns={"estimate": "count"}),
        }
        shocks = population.shocks
        surge = shocks[shocks["kind"] == "surge"][["period", "corridor"]].rename(columns={"period": "month"})
        shocked = shocks[["period", "corridor"]].rename(columns={"period": "month"}).assign(shock=True)
        for name, frame in series.items():
            flagged = anomalies(frame, ["corridor"], alpha)
            merged = flagged.merge(shocked.drop_duplicates(), on=["month", "corridor"], how="left")
            quiet = merged[merged["shock"].isna()]
            alarms[name][0] += int((quiet["anomaly"] != "").sum())
            alarms[name][1] += len(quiet)
            judged = surge.merge(flagged, on=["month", "corridor"])
            hits[name][0] += int((judged["anomaly"] == "high").sum())
            hits[name][1] += len(judged)
    print(f"scenarios: {scenarios}  alpha: {alpha}  seconds: {time.time() - started:.0f}")
    for name in series:
        print(f"{name:9s} surge months flagged: {hits[name][0]}/{hits[name][1]} = {hits[name][0] / max(hits[name][1], 1):.2f}   "
              f"false-alarm rate in quiet corridor-months: {alarms[name][0]}/{alarms[name][1]} = "
              f"{alarms[name][0] / max(alarms[name][1], 1):.3f}")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 10, float(sys.argv[2]) if len(sys.argv) > 2 else 0.05)
