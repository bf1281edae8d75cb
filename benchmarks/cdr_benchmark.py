"""Events per second and peak memory of the CDR home-location/flow job, per implementation.

    .venv/bin/python benchmarks/cdr_generate.py --events 1e7 --out /tmp/cdr-1e7
    flock /tmp/routekit-bench.lock .venv/bin/python benchmarks/cdr_benchmark.py \
        --data /tmp/cdr-1e7 --runs duckdb,pandas,spark,skmob

Each implementation runs in its own process, one after the other in the same invocation.
- duckdb: routekit's definition on DuckDB (memory_limit, spill folder), inputs to release.
- pandas: the same definition in plain pandas (routekit.mobility.oracle), every event in memory,
  then the same release step.
- spark: routekit's definition on local Spark (local[2]), inputs to release.
- floor: DuckDB only reading the three columns and grouping by subscriber (count, max timestamp,
  max cell), same memory limit and threads: the least any implementation of the job must do.
- skmob: scikit-mobility's home_location (night 19-07) on the same events, per month, no flows;
  it needs its own venv (--skmob-python), as it does not install next to pandas 3.

Measured per run: seconds of the job itself (interpreter start and library imports excluded; the
imports are printed apart), events/s, CPU seconds
of the job (all threads of the process; not Spark's JVM) and peak resident memory: the kernel's high-water
mark of the process (getrusage ru_maxrss, native allocations included, like /usr/bin/time -v)
and, for Spark's JVM, the sum over the process tree sampled every 0.1 s; the larger is printed.
The data size is printed as Parquet bytes and as the events' in-memory size (rows x bytes per
row of the decoded Arrow columns). ``--parts N`` uses the first N part files only (each part
holds whole subscribers), for implementations that cannot hold every event.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

SKMOB_JOB = r"""
import json, sys, time, glob
import pandas as pd
import pyarrow.parquet as pq
import skmob
from skmob.measures.individual import home_location
data = sys.argv[1]
began, cpu = time.perf_counter(), time.process_time()
cells = pd.read_csv(data + "/cells.csv")
centre = cells.groupby("region")[["lat", "lon"]].mean()
cells = cells.join(centre, on="region", rsuffix="_region")
events = pd.concat(pq.read_table(p).to_pandas() for p in sorted(glob.glob(data + "/events/*.parquet")))
events = events.merge(cells[["cell_id", "lat_region", "lon_region"]], on="cell_id")
events["subscriber"] = events["subscriber"].astype(str)
tdf = skmob.TrajDataFrame(events, latitude="lat_region", longitude="lon_region", datetime="timestamp", user_id="subscriber")
homes = []
for month, part in tdf.groupby(tdf["datetime"].dt.to_period("M")):
    homes.append(home_location(skmob.TrajDataFrame(part), start_night="19:00", end_night="07:00", show_progress=False))
print(json.dumps({"seconds": time.perf_counter() - began, "cpu": time.process_time() - cpu, "events": len(events), "homes": int(sum(len(h) for h in homes))}))
"""


def job(kind: str, data: str, memory_limit: str, spill: str) -> None:
    """Run one implementation in this process and print a JSON line.

    The libraries are imported before the clock starts and timed apart ("imports"): loading
    pandas, pandera and DuckDB is the same fixed cost for every implementation, not work on the
    events (the skmob job does the same)."""
    if kind == "size":
        print(json.dumps(data_size(Path(data))))
        return
    loading = time.perf_counter()
    import pandas as pd
    import pyarrow.parquet  # noqa: F401

    from routekit.mobility.engines import Resources
    from routekit.mobility.inputs import read_cells
    from routekit.mobility.params import CdrParams
    from routekit.mobility.release import build_release

    if kind == "pandas":  # pandas alone, so its peak memory holds no DuckDB
        from routekit.mobility.oracle import run_pandas
    else:
        import duckdb

        from routekit.mobility.pipeline import compute_indicators
    imports = time.perf_counter() - loading
    params = CdrParams()
    began, cpu = time.perf_counter(), time.process_time()
    if kind == "baseline":  # the interpreter with the libraries loaded, no data
        used = 0
    elif kind == "pandas":
        events = pd.read_parquet(Path(data) / "events", columns=["subscriber", "timestamp", "cell_id"])
        cells = read_cells(Path(data) / "cells.csv", integer_ids=True)
        results = run_pandas(events, cells, params)
        build_release(results, cells, params.threshold, params.period_months)
        used = int(results["event_counts"]["events"].sum())
    elif kind == "floor":  # what any job must at least do: read the three columns, group by subscriber
        con = duckdb.connect()
        con.execute(f"SET memory_limit = '{memory_limit}'")
        con.execute("SET threads = 2")
        # every aggregate is used outside, or DuckDB would not read the columns behind it
        used = con.execute(
            "SELECT SUM(events), MAX(latest), MAX(top_cell) FROM (SELECT subscriber, COUNT(*) AS events, "
            "MAX(timestamp) AS latest, MAX(cell_id) AS top_cell "
            f"FROM read_parquet('{Path(data) / 'events' / '*.parquet'}') GROUP BY subscriber)").fetchone()[0]
        con.close()
    else:
        Path(spill).mkdir(parents=True, exist_ok=True)
        _release, manifest = compute_indicators(Path(data) / "events", Path(data) / "cells.csv", params,
                                               engine=kind, resources=Resources(memory_limit, 2, spill))
        used = manifest["inputs"]["events_read"]
    print(json.dumps({"seconds": time.perf_counter() - began, "cpu": time.process_time() - cpu, "events": int(used),
                      "imports": imports}))


def measure(command: list[str]) -> dict:
    """Run ``command``; its JSON line plus CPU seconds and peak memory from the kernel."""
    import subprocess

    import psutil

    with tempfile.TemporaryFile("w+") as out, tempfile.TemporaryFile("w+") as err:
        process = subprocess.Popen(command, stdout=out, stderr=err, text=True)
        watched = psutil.Process(process.pid)
        tree_peak = 0
        while True:
            # wait4 (not Popen.wait) so the child's rusage - CPU and ru_maxrss - is kept
            pid, status, usage = os.wait4(process.pid, os.WNOHANG)
            if pid:
                break
            try:
                tree = [watched, *watched.children(recursive=True)]
                tree_peak = max(tree_peak, sum(p.memory_info().rss for p in tree))
            except psutil.Error:
                pass
            time.sleep(0.1)
        process.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        lines = [line for line in out.read().splitlines() if line.startswith("{")]
        if process.returncode != 0 or not lines:
            return {"error": (err.read().strip().splitlines() or ["failed"])[-1][:300]}
    result = json.loads(lines[-1])
    result["peak_gb"] = max(usage.ru_maxrss * 1024, tree_peak) / 1e9  # ru_maxrss is in KiB on Linux
    return result


def subset(data: Path, parts: int, work: Path) -> Path:
    """A data folder holding the first ``parts`` part files (symlinks) and the cell table."""
    chosen = sorted((data / "events").glob("*.parquet"))[:parts]
    folder = work / f"first-{parts}-parts"
    (folder / "events").mkdir(parents=True, exist_ok=True)
    for path in chosen:
        link = folder / "events" / path.name
        if not link.exists():
            link.symlink_to(path.resolve())
    if not (folder / "cells.csv").exists():
        (folder / "cells.csv").symlink_to((data / "cells.csv").resolve())
    return folder


def data_size(data: Path) -> dict:
    """Rows, Parquet bytes, and bytes per row of the decoded events (Arrow, strings as strings)."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    parts = sorted((data / "events").glob("*.parquet"))
    rows = sum(pq.ParquetFile(p).metadata.num_rows for p in parts)
    sample = pa.Table.from_batches([next(pq.ParquetFile(parts[-1]).iter_batches(batch_size=200_000))])
    decoded = pa.table({name: (column.cast(column.type.value_type) if pa.types.is_dictionary(column.type) else column)
                        for name, column in zip(sample.column_names, sample.columns)})
    per_row = decoded.nbytes / max(1, sample.num_rows)
    return {"rows": rows, "parquet_bytes": sum(p.stat().st_size for p in parts), "bytes_per_row": per_row,
            "memory_bytes": rows * per_row}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", required=True, type=Path, help="folder written by cdr_generate.py")
    parser.add_argument("--runs", default="duckdb,pandas", help="comma list of duckdb, pandas, spark, skmob, floor")
    parser.add_argument("--memory-limit", default="1GB", help="engine memory limit (DuckDB, Spark driver)")
    parser.add_argument("--parts", type=int, help="use only the first N part files")
    parser.add_argument("--skmob-python", default="/tmp/mob_skmob_venv/bin/python")
    parser.add_argument("--job", help=argparse.SUPPRESS)
    parser.add_argument("--spill", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.job:
        job(args.job, str(args.data), args.memory_limit, args.spill)
        return
    data = subset(args.data, args.parts, args.data / ".subsets") if args.parts else args.data
    # Everything runs in children and this process stays small: Linux hands a child the
    # parent's resident high-water mark at exec, so a big parent would inflate ru_maxrss.
    size = measure([sys.executable, __file__, "--data", str(data), "--job", "size"])
    print(f"data: {data} - {size['rows']:,} events, {size['parquet_bytes'] / 1e9:.2f} GB Parquet, "
          f"{size['memory_bytes'] / 1e9:.2f} GB in memory ({size['bytes_per_row']:.0f} bytes/event decoded); "
          f"memory_limit {args.memory_limit}, 2 threads; load average {os.getloadavg()[0]:.1f}")
    baseline = measure([sys.executable, __file__, "--data", str(data), "--job", "baseline"])
    print(f"baseline: {baseline.get('peak_gb', float('nan')):.2f} GB resident with Python, pandas, "
          "pyarrow, DuckDB and routekit loaded, before any data", flush=True)
    for kind in args.runs.split(","):
        if kind == "skmob":
            command = [args.skmob_python, "-c", SKMOB_JOB, str(data)]
        else:
            command = [sys.executable, __file__, "--data", str(data), "--job", kind,
                       "--memory-limit", args.memory_limit, "--spill", str(args.data / ".spill")]
        result = measure(command)
        if "error" in result:
            print(f"{kind:7s} failed: {result['error']}", flush=True)
            continue
        # Spark works in its JVM, whose CPU time the Python process does not see
        cpu = "      -" if kind == "spark" else f"{result['cpu']:7.1f}"
        imports = f"  (imports {result['imports']:.1f} s, untimed)" if "imports" in result else ""
        print(f"{kind:7s} {result['events']:>13,} events {result['seconds']:8.1f} s "
              f"{result['events'] / result['seconds']:>12,.0f} events/s  cpu {cpu} s  "
              f"peak {result['peak_gb']:.2f} GB{imports}", flush=True)


if __name__ == "__main__":
    main()
