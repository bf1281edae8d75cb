"""Time routekit.synth: simulate() without texts (estimation validation loop) and a full generate().

Run: .venv/bin/python benchmarks/synth_generate.py
"""

from __future__ import annotations

import tempfile
import time
from pathlib import Path

from routekit.synth import generate, simulate


def main() -> None:
    for scale in (0.3, 1.0):
        t0 = time.perf_counter()
        population = simulate(1, "2023-01", "2025-12", scale, texts=False)
        print(f"simulate 36 months scale {scale} texts=False: {time.perf_counter() - t0:.2f} s, "
              f"{len(population.journeys)} journeys")
    with tempfile.TemporaryDirectory() as tmp:
        t0 = time.perf_counter()
        generate(Path(tmp) / "out", seed=42)
        print(f"generate 2023-01..2025-12 scale 1: {time.perf_counter() - t0:.2f} s")


if __name__ == "__main__":
    main()
