"""Benchmark: route narratives structured per second on one core (routekit.text.extract_route).

Uses 100,000 demo-like narratives: the free texts of a demo data set made by ``routekit synth``
(IND interview reports, police reports, KMar statements), repeated and shuffled; falls back to the
hand-labelled evaluation set when the demo generator is not available. Prints the figure.

    .venv/bin/python benchmarks/text_extraction.py [--n 100000] [--demo DIR] [--repeat 3]
"""

from __future__ import annotations

import argparse
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def demo_texts(directory: Path | None) -> list[str]:
    import pandas as pd

    if directory is None:
        directory = Path(tempfile.mkdtemp(prefix="routekit_text_bench_"))
        command = [str(ROOT / ".venv" / "bin" / "routekit"), "synth", "--out", str(directory), "--seed", "7",
                   "--start", "2025-01", "--end", "2025-03", "--scale", "0.5"]
        if subprocess.run(command, capture_output=True).returncode != 0:
            gold = pd.read_csv(ROOT / "tests" / "data" / "extraction_gold.csv", dtype=str, keep_default_na=False)
            return [t for t in gold["text"] if t]
    from routekit.text.evaluation import synth_gold

    return [t for t in synth_gold(directory)["text"] if isinstance(t, str) and t]


def compiled_modules() -> list[str]:
    """The routekit modules loaded as extension modules (the opt-in mypyc build, `make compiled`): a figure says
    what it measured."""
    from importlib.machinery import EXTENSION_SUFFIXES

    return sorted(name for name, module in list(sys.modules.items()) if name.startswith("routekit.")
                  and str(getattr(module, "__file__", "")).endswith(tuple(EXTENSION_SUFFIXES)))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=100_000)
    parser.add_argument("--demo", type=Path, default=None, help="an existing demo data folder")
    parser.add_argument("--repeat", type=int, default=1, help="timed passes; the median is reported (shared machine)")
    args = parser.parse_args()

    from routekit.text import extract_route

    base = demo_texts(args.demo)
    rng = random.Random(7)
    texts = [base[rng.randrange(len(base))] for _ in range(args.n)]
    extract_route(texts[0])  # load the gazetteer and vocabulary (about a second, once per process)
    cpu_times, wall_times = [], []
    for _ in range(max(args.repeat, 1)):
        wall, cpu = time.perf_counter(), time.process_time()
        with_route = sum(1 for text in texts if extract_route(text).route)
        wall_times.append(time.perf_counter() - wall)
        cpu_times.append(time.process_time() - cpu)
        if args.repeat > 1:
            print(f"  pass {len(cpu_times)}: CPU {cpu_times[-1]:.1f} s ({len(texts) / cpu_times[-1]:,.0f}/s), "
                  f"wall {wall_times[-1]:.1f} s")
    cpu, wall = statistics.median(cpu_times), statistics.median(wall_times)
    mean_chars = sum(map(len, texts)) / len(texts)
    import routekit

    compiled = compiled_modules()
    print(f"extractor: {'compiled (mypyc): ' + ', '.join(compiled) if compiled else 'pure Python'}; routekit from "
          f"{Path(routekit.__file__).parent}")
    print(f"narratives: {len(texts):,} (mean {mean_chars:.0f} characters, {with_route:,} with a route)")
    print(f"CPU time: {cpu:.1f} s -> {len(texts) / cpu:,.0f} narratives/s on one core "
          f"(wall {wall:.1f} s -> {len(texts) / wall:,.0f}/s)" + (f"; median of {len(cpu_times)}" if len(cpu_times) > 1 else ""))

if __name__ == "__main__":
    sys.exit(main())
