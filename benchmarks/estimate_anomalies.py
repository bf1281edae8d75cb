"""Shock detection, false alarms and outlook coverage of the anomaly flags over seeded demo scenarios.

Per scenario (``routekit.synth.simulate``, 2023-01..2025-12, no texts) the series the estimate
stage watches are rebuilt as a release would publish them:
- corridor: the MSE estimate per corridor-month (``estimate``, from a link table built from the
  true capture flags as in ``validation.link_from_journeys``) and each source's corridor totals
  (``count``);
- entry_point: KMar per crossing point;
- nationality: each source per nationality, the sum of its published (month, corridor,
  nationality) cells (cells of 1..K-1 suppressed, as in a release).
Months are the source's own (KMar check, IND application, police report, Eurodac hit).

Truth per series-month: the share of its persons that a surge added, ``excess`` = share of its
persons in a surge corridor-month x (1 - 1/factor). ``shock`` when excess >= 0.2 (the count is at
least 1.25x what it would have been), ``quiet`` when excess < 0.02, otherwise ``partial`` (left out
of both rates). The route shift moves persons between transit variants inside a corridor and
changes none of these series. A shock counts as detected when its month is flagged 'high'.

Outlook: for every series and each month of the last year, the one-month-ahead interval from
all preceding months (``trends.predict``, what ``outlook.csv`` gives for the next month) is
checked against the realised value; for the corridor estimate also against the true count.

Runs in batches (each under the bench lock) that write their rows; ``--summarise`` pools them:
  flock /tmp/routekit-bench.lock .venv/bin/python benchmarks/estimate_anomalies.py --seeds 1-20 --workers 2 --out /tmp/anom_1.csv
  .venv/bin/python benchmarks/estimate_anomalies.py --summarise /tmp/anom_*.csv
"""

from __future__ import annotations

import argparse
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import numpy as np
import pandas as pd
from scipy import stats

START, END = "2023-01", "2025-12"
THRESHOLD = 10
SHOCK, QUIET = 0.2, 0.02
OUTLOOK_MONTHS = 12
SOURCE_MONTH = {"kmar": "kmar_date", "ind": "application_date", "police": "police_date", "eurodac": "eurodac_hit_date"}
KEYS = ["series", "source", "dimension", "category"]


def _published_sum(frame: pd.DataFrame, cells: list[str], category: str) -> pd.DataFrame:
    """A release's cells (``cells``), suppressed below the threshold, summed per month x category."""
    counts = frame.groupby(cells).size().rename("count").reset_index()
    counts["count"] = counts["count"].astype(float).where(counts["count"] >= THRESHOLD)
    return counts.groupby(["month", category])["count"].sum(min_count=1).reset_index().rename(columns={category: "category"})


def _surge_weight(journeys: pd.DataFrame, shocks: pd.DataFrame) -> pd.Series:
    """Per person: 1 - 1/factor if the person travelled in a surge corridor-month, else 0."""
    surge = shocks[shocks["kind"] == "surge"]
    factor = {(m, c): f for m, c, f in surge[["period", "corridor", "magnitude"]].itertuples(index=False)}
    keys = list(zip(journeys["entry_month"], journeys["corridor"]))
    return pd.Series([1 - 1 / factor[k] if k in factor else 0.0 for k in keys], index=journeys.index)


def scenario_series(seed: int, n_boot: int) -> tuple[pd.DataFrame, pd.DataFrame]:
    """All watched series of one scenario with their excess share, and the true corridor counts."""
    from routekit.estimate.population import estimate_strata
    from routekit.synth.validation import KINDS, link_from_journeys
    from routekit.synth import simulate

    population = simulate(seed, START, END, 1.0, texts=False)
    people = population.journeys_full.copy()
    people["weight"] = _surge_weight(people, population.shocks)
    frames = []
    link = link_from_journeys(population.journeys, THRESHOLD)
    estimates, _, _ = estimate_strata(link, n_boot=n_boot, seed=seed, kinds=KINDS)
    estimate = estimates.rename(columns={"period": "month", "estimate": "count"})[["month", "corridor", "count"]]
    by_entry = people.groupby(["entry_month", "corridor"])["weight"].mean().rename("excess").reset_index()
    by_entry = by_entry.rename(columns={"entry_month": "month", "corridor": "category"})
    estimate = estimate.rename(columns={"corridor": "category"}).merge(by_entry, on=["month", "category"], how="left")
    frames.append(estimate.assign(series="estimate", source="all", dimension="corridor"))
    for source, date_column in SOURCE_MONTH.items():
        seen = people[people[f"in_{source}"] == 1].copy()
        seen["month"] = seen[date_column].astype(str).str[:7]
        tables = {"corridor": (["month", "corridor"], "corridor"),
                  "nationality": (["month", "corridor", "nationality"], "nationality")}
        if source == "kmar":
            tables["entry_point"] = (["month", "entry_point"], "entry_point")
        for dimension, (cells, category) in tables.items():
            counts = _published_sum(seen, cells, category)
            excess = seen.groupby(["month", category])["weight"].mean().rename("excess").reset_index()
            counts = counts.merge(excess.rename(columns={category: "category"}), on=["month", "category"], how="left")
            frames.append(counts.assign(series="count", source=source, dimension=dimension))
    series = pd.concat(frames, ignore_index=True)
    series["excess"] = series["excess"].fillna(0.0)
    series = series[(series["month"] >= START) & (series["month"] <= END)]
    truth = population.corridor_month.rename(columns={"period": "month", "corridor": "category", "true_count": "truth"})
    return series, truth


def run_scenario(seed: int, alpha: float, n_boot: int) -> pd.DataFrame:
    """Judged series-months (anomaly flags) and one-month-ahead outlook checks of one scenario."""
    from routekit.estimate.trends import anomalies, predict

    series, truth = scenario_series(seed, n_boot)
    flagged = anomalies(series[[*KEYS, "month", "count"]], KEYS, alpha)
    flagged = flagged.merge(series[[*KEYS, "month", "excess"]], on=[*KEYS, "month"], how="left")
    flagged = flagged.assign(check="anomaly")
    rows = []
    last_year = [str(p) for p in pd.period_range(END, periods=OUTLOOK_MONTHS, freq="M") - (OUTLOOK_MONTHS - 1)]
    for key, part in series.groupby(KEYS, sort=True):
        counts = part.set_index(pd.PeriodIndex(part["month"], freq="M"))["count"].sort_index()
        excess = part.set_index("month")["excess"]
        for month in last_year:
            target = pd.Period(month, freq="M")
            value = counts.get(target, np.nan)
            if not np.isfinite(value):
                continue
            prediction = predict(counts[counts.index < target], target, alpha)
            if not np.isfinite(prediction["expected"]):
                continue
            rows.append({**dict(zip(KEYS, key)), "month": month, "count": value, **prediction,
                         "excess": excess.get(month, 0.0)})
    outlook = pd.DataFrame(rows).assign(check="outlook")
    outlook = outlook.merge(truth, on=["month", "category"], how="left")
    outlook.loc[outlook["series"] != "estimate", "truth"] = np.nan
    return pd.concat([flagged, outlook], ignore_index=True).assign(seed=seed)


def _wilson(k: int, n: int, level: float = 0.95) -> tuple[float, float]:
    if n == 0:
        return float("nan"), float("nan")
    z = stats.norm.ppf(0.5 + level / 2)
    p = k / n
    centre = (p + z * z / (2 * n)) / (1 + z * z / n)
    half = z * np.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / (1 + z * z / n)
    return centre - half, centre + half


def _seed_interval(hits: pd.Series, seeds: pd.Series, draws: int = 2000) -> tuple[float, float]:
    """95% interval of a pooled rate resampling whole scenarios (months of one series are not
    independent trials; scenarios are)."""
    per_seed = pd.DataFrame({"hit": hits.astype(float), "seed": seeds}).groupby("seed")["hit"].agg(["sum", "count"])
    if len(per_seed) < 2:
        return float("nan"), float("nan")
    rng = np.random.default_rng(0)
    pick = rng.integers(0, len(per_seed), size=(draws, len(per_seed)))
    rates = per_seed["sum"].to_numpy()[pick].sum(axis=1) / np.maximum(per_seed["count"].to_numpy()[pick].sum(axis=1), 1)
    return tuple(np.quantile(rates, [0.025, 0.975]))


def _line(label: str, hits: pd.Series, seeds: pd.Series, stated: float | None = None) -> str:
    k, n = int(hits.sum()), int(len(hits))
    lo, hi = _wilson(k, n)
    slo, shi = _seed_interval(hits, seeds)
    text = f"{label:34s} {k:6d}/{n:<6d} = {k / max(n, 1):.3f}  binomial 95% [{lo:.3f}, {hi:.3f}]  by scenario [{slo:.3f}, {shi:.3f}]"
    if stated is not None and n:
        p_above = stats.binomtest(k, n, stated, alternative="greater").pvalue
        text += f"  P(>= if rate {stated}) = {p_above:.3g}"
    return text


def summarise(rows: pd.DataFrame, alpha: float) -> None:
    """Print detection, false-alarm and outlook-coverage figures per dimension and series."""
    seeds = sorted(rows["seed"].unique())
    print(f"scenarios: {len(seeds)} (seeds {seeds[0]}..{seeds[-1]})  alpha: {alpha}  "
          f"shock: excess >= {SHOCK}  quiet: excess < {QUIET}")
    judged = rows[rows["check"] == "anomaly"]
    shocked = judged[judged["excess"] >= SHOCK]
    quiet = judged[judged["excess"] < QUIET]
    print("\nshock months flagged 'high' (detection)")
    for (dimension, series), part in shocked.groupby(["dimension", "series"]):
        print(_line(f"  {dimension} / {series}", part["anomaly"] == "high", part["seed"]))
    print("  by month (all dimensions):",
          ", ".join(f"{m} {g['anomaly'].eq('high').mean():.2f} (n={len(g)})" for m, g in shocked.groupby("month")))
    print(f"\nfalse alarms in quiet series-months (stated rate {alpha} per series and month)")
    print(_line("  all", quiet["anomaly"] != "", quiet["seed"], alpha))
    for dimension, part in quiet.groupby("dimension"):
        print(_line(f"  {dimension}", part["anomaly"] != "", part["seed"], alpha))
    for (dimension, series), part in quiet.groupby(["dimension", "series"]):
        print(_line(f"  {dimension} / {series}", part["anomaly"] != "", part["seed"], alpha))
    print(_line("  high flags only", quiet["anomaly"] == "high", quiet["seed"], alpha / 2))
    print(_line("  low flags only", quiet["anomaly"] == "low", quiet["seed"], alpha / 2))
    size = pd.cut(quiet["expected"], [0, 20, 50, 200, np.inf], labels=["<20", "20-50", "50-200", ">=200"])
    for label, part in quiet.groupby(size, observed=True):
        print(_line(f"  expected {label}", part["anomaly"] != "", part["seed"], alpha))
    outlook = rows[(rows["check"] == "outlook") & (rows["excess"] < QUIET)]
    print(f"\noutlook: one-month-ahead {1 - alpha:.0%} interval covers the realised value (quiet months, last {OUTLOOK_MONTHS} months)")
    inside = (outlook["lower"] <= outlook["count"]) & (outlook["count"] <= outlook["upper"])
    for dimension, part in outlook.groupby("dimension"):
        print(_line(f"  {dimension}", inside[part.index], part["seed"]))
    estimate = outlook[outlook["series"] == "estimate"].dropna(subset=["truth"])
    truth_inside = (estimate["lower"] <= estimate["truth"]) & (estimate["truth"] <= estimate["upper"])
    print(_line("  corridor estimate vs true count", truth_inside, estimate["seed"]))
    print(_line("  corridor estimate vs its value", inside[estimate.index], estimate["seed"]))


def _seeds(text: str) -> list[int]:
    first, _, last = text.partition("-")
    return list(range(int(first), int(last or first) + 1))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seeds", default="1-10", help="first-last seed of this batch")
    parser.add_argument("--alpha", type=float, default=0.05)
    parser.add_argument("--workers", type=int, default=1)
    parser.add_argument("--n-boot", type=int, default=49)
    parser.add_argument("--out", type=Path, help="write this batch's rows here (CSV)")
    parser.add_argument("--summarise", nargs="+", type=Path, help="pool batch CSVs and print the figures")
    args = parser.parse_args()
    if args.summarise:
        summarise(pd.concat([pd.read_csv(p, dtype={"month": str}, keep_default_na=True) for p in args.summarise],
                            ignore_index=True).fillna({"anomaly": ""}), args.alpha)
        return
    seeds = _seeds(args.seeds)
    started = time.time()
    if args.workers > 1:
        with ProcessPoolExecutor(max_workers=args.workers) as pool:
            frames = list(pool.map(run_scenario, seeds, [args.alpha] * len(seeds), [args.n_boot] * len(seeds)))
    else:
        frames = [run_scenario(seed, args.alpha, args.n_boot) for seed in seeds]
    rows = pd.concat(frames, ignore_index=True)
    print(f"seeds {seeds[0]}..{seeds[-1]}: {time.time() - started:.0f} s with {args.workers} worker(s)")
    if args.out:
        rows.to_csv(args.out, index=False)
    summarise(rows, args.alpha)


if __name__ == "__main__":
    main()
