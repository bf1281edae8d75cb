"""Events per second and peak memory of the CDR home-location/flow job, per implementation.

    .venv/bin/python benchmarks/cdr_generate.py --events 1e7 --out /tmp/cdr-1e7
    .venv/bin/python benchmarks/cdr_benchmark.py --data /tmp/cdr-1e7 --runs duckdb,pandas,skmob,spark

Each implementation runs in its own process; the peak is the largest resident memory of that
process and all its children (Spark's JVM included), sampled every 0.2 s with psutil.
- duckdb: routekit's definition on DuckDB (memory_limit, temp_directory set), full release.
- pandas: the same definition in plain pandas (routekit.mobility.oracle), all events in memory.
- spark: routekit's definition on local Spark (local[2]), full release.
- skmob: scikit-mobility's home_location (night 19-07) on the same events, per month, no flows;
  it needs its own venv (--skmob-python), as it does not install next to pandas 3.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

SKMOB_JOB = r"""
import json, sys, time, glob
import pandas as pd
import skmob
from skmob.measures.individual import home_location
data = sys.argv[1]
began = time.perf_counter()
cells = pd.read_csv(data + "/cells.csv")
centre = cells.groupby("region")[["lat", "lon"]].mean()
cells = cells.join(centre, on="region", rsuffix="_region")
import pyarrow.parquet as pq
events = pd.concat(pq.read_table(p).to_pandas() for p in sorted(glob.glob(data + "/events/*.parquet")))
events = events.merge(cells[["cell_id", "lat_region", "lon_region"]], on="cell_id")
events["subscriber"] = events["subscriber"].astype(str)
tdf = skmob.TrajDataFrame(events, latitude="lat_region", longitude="lon_region", datetime="timestamp", user_id="subscriber")
homes = []
for month, part in tdf.groupby(tdf["datetime"].dt.to_period("M")):
    homes.append(home_location(skmob.TrajDataFrame(part), start_night="19:00", end_night="07:00", show_progress=False))
print(json.dumps({"seconds": time.perf_counter() - began, "events": len(events), "homes": int(sum(len(h) for h in homes))}))
"""


def job(kind: str, data: str, memory_limit: str) -> None:
    """Run one implementation in this process and print a JSON line."""
    import pandas as pd

    from routekit.mobility.engines import Resources
    from routekit.mobility.params import CdrParams

    began = time.perf_counter()
    if kind == "pandas":
        from routekit.mobility.inputs import read_cells
        from routekit.mobility.oracle import run_pandas

        events = pd.read_parquet(Path(data) / "events")
        events["subscriber"] = events["subscriber"].astype(str)
        results = run_pandas(events, read_cells(Path(data) / "cells.csv", integer_ids=True), CdrParams())
        used = int(results["event_counts"]["events"].sum())
    else:
        from routekit.mobility.pipeline import compute_indicators

        with tempfile.TemporaryDirectory(prefix="cdr-bench-") as spill:
            release, manifest = compute_indicators(Path(data) / "events", Path(data) / "cells.csv", CdrParams(),
                                                   engine=kind, resources=Resources(memory_limit, 2, spill))
        used = manifest["inputs"]["events_read"]
    print(json.dumps({"seconds": time.perf_counter() - began, "events": used}))


def measure(command: list[str]) -> dict:
    import psutil

    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    watched = psutil.Process(process.pid)
    peak = 0
    while process.poll() is None:
        try:
            tree = [watched, *watched.children(recursive=True)]
            peak = max(peak, sum(p.memory_info().rss for p in tree if p.is_running()))
        except psutil.Error:
            pass
        time.sleep(0.2)
    out, err = process.communicate()
    lines = [line for line in out.splitlines() if line.startswith("{")]
    if process.returncode != 0 or not lines:
        return {"error": (err.strip().splitlines() or ["failed"])[-1][:200]}
    result = json.loads(lines[-1])
    result["peak_gb"] = peak / 1e9
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", required=True, help="folder written by cdr_generate.py")
    parser.add_argument("--runs", default="duckdb,pandas", help="comma list of duckdb, pandas, spark, skmob")
    parser.add_argument("--memory-limit", default="2GB")
    parser.add_argument("--skmob-python", default="/tmp/mob_skmob_venv/bin/python")
    parser.add_argument("--job", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.job:
        job(args.job, args.data, args.memory_limit)
        return
    size = sum(p.stat().st_size for p in Path(args.data).rglob("*.parquet"))
    print(f"data: {args.data} ({size / 1e9:.2f} GB Parquet), memory_limit {args.memory_limit}, 2 threads")
    for kind in args.runs.split(","):
        if kind == "skmob":
            command = [args.skmob_python, "-c", SKMOB_JOB, args.data]
        else:
            command = [sys.executable, __file__, "--data", args.data, "--job", kind, "--memory-limit", args.memory_limit]
        result = measure(command)
        if "error" in result:
            print(f"{kind:7s} failed: {result['error']}")
            continue
        print(f"{kind:7s} {result['events']:>13,} events  {result['seconds']:8.1f} s  "
              f"{result['events'] / result['seconds']:>12,.0f} events/s  peak {result['peak_gb']:.2f} GB", flush=True)


if __name__ == "__main__":
    main()
