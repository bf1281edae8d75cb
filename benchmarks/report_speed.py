"""Time one period's report: from a clean state and again with nothing changed.

Usage: .venv/bin/python benchmarks/report_speed.py [--params params/default.yaml] [--no-pdf]

"Clean" removes the build folder (chapter cache, book, site, PDF) but keeps the steward's data
(releases, link, estimates) - those steps are timed and cached on their own, see
benchmarks/release_ind.py and benchmarks/estimate_speed.py. Prints the seconds per stage and the
share of each stage, for both runs.
"""

from __future__ import annotations

import argparse
import shutil
import tempfile
import time
from pathlib import Path

from rich.console import Console

from routekit.pipeline.report import PROJECT_ROOT, build_report


def _print(label: str, result, total: float) -> None:
    timings = result.timings
    chapters = {k.split(":", 1)[1]: v for k, v in timings.items() if k.startswith("chapter:")}
    print(f"{label}: {total:.1f} s total")
    for stage in ("data", "chapters", "book", "pdf"):
        if stage in timings:
            print(f"  {stage:9s} {timings[stage]:6.1f} s  ({100 * timings[stage] / total:4.1f}%)")
    print("  per chapter: " + ", ".join(f"{k} {v:.1f}s" for k, v in chapters.items()))
    print(f"  chapters from cache: {len(result.cached_chapters)}/{len(chapters)}")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--params", default=str(PROJECT_ROOT / "params" / "default.yaml"))
    parser.add_argument("--no-pdf", action="store_true")
    args = parser.parse_args()
    build_root = Path(tempfile.mkdtemp(prefix="routekit-bench-"))
    quiet = Console(stderr=True, quiet=True)
    try:
        build_report(Path(args.params), [], build_root=build_root, pdf=False, console=quiet)  # warm data
        shutil.rmtree(build_root)
        started = time.perf_counter()
        clean = build_report(Path(args.params), [], build_root=build_root, pdf=not args.no_pdf, console=quiet)
        _print("clean", clean, time.perf_counter() - started)
        started = time.perf_counter()
        warm = build_report(Path(args.params), [], build_root=build_root, pdf=not args.no_pdf, console=quiet)
        _print("unchanged", warm, time.perf_counter() - started)
    finally:
        shutil.rmtree(build_root, ignore_errors=True)


if __name__ == "__main__":
    main()
