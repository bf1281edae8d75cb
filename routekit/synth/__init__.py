"""Demo data generator: a seeded, documented simulation of journeys towards the Netherlands.

``simulate`` returns a ``Population`` in memory (truth, partner extracts, texts, mobility,
shocks); ``generate`` writes it as partner CSVs plus ground truth and a README. The rates live in
corridors.yaml, capture.yaml and shocks.yaml next to this file.
"""

from __future__ import annotations

from pathlib import Path

from routekit.synth.simulation import Population, simulate


def generate(out: Path, seed: int, start: str = "2023-01", end: str = "2025-12", scale: float = 1.0,
             cdr_events: int | None = 0, cdr_months: int = 12) -> Path:
    """Simulate and write partners/, truth/ and README.md under ``out``; returns ``out``.

    With ``cdr_events`` not None, one cooperating operator's call detail records for the last
    ``cdr_months`` months are written to ``partners/mobility_cdr/`` as well (0 = the smallest
    world the demo allows, about 3 million events at the default size; N = about N events)."""
    from routekit.synth.writer import write_population

    population = simulate(seed, start, end, scale)
    path = write_population(population, Path(out))
    if cdr_events is not None:
        from routekit.synth.operator import simulate_demo_operator

        simulate_demo_operator(population.journeys, path / "partners" / "mobility_cdr", months=cdr_months,
                               events=cdr_events, seed=seed)
    return path


__all__ = ["Population", "generate", "simulate"]
