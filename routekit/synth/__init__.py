"""Demo data generator: a seeded, documented simulation of journeys towards the Netherlands.

``simulate`` returns a ``Population`` in memory (truth, partner extracts, texts, mobility,
shocks); ``generate`` writes it as partner CSVs plus ground truth and a README. The rates live in
corridors.yaml, capture.yaml and shocks.yaml next to this file.
"""

from __future__ import annotations

from pathlib import Path

from routekit.synth.simulation import Population, simulate


def generate(out: Path, seed: int, start: str = "2023-01", end: str = "2025-12", scale: float = 1.0) -> Path:
    """Simulate and write partners/, truth/ and README.md under ``out``; returns ``out``."""
    from routekit.synth.writer import write_population

    return write_population(simulate(seed, start, end, scale), Path(out))


__all__ = ["Population", "generate", "simulate"]
