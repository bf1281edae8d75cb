"""Run every benchmark once and print its figures (``make bench``). Each runs in its own process."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
CDR_DATA = HERE.parent / "_build" / "bench" / "cdr-1e7"
BENCHMARKS = [
    ["synth_generate.py"],
    ["text_extraction.py", "--n", "20000"],
    ["release_ind.py"],
    ["estimate_speed.py", "99"],
    ["report_speed.py"],
    # 10^7 events (generated once, about a minute); 10^8: see routekit/mobility/README.md
    ["cdr_generate.py", "--events", "1e7", "--out", str(CDR_DATA)],
    ["cdr_benchmark.py", "--data", str(CDR_DATA), "--runs", "duckdb,pandas"],
]


def main() -> int:
    failed = 0
    for command in BENCHMARKS:
        print(f"\n=== {' '.join(command)}", flush=True)
        result = subprocess.run([sys.executable, str(HERE / command[0]), *command[1:]])
        failed += result.returncode != 0
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
