"""Write a Population to disk: partner extracts, ground truth and a README, byte-reproducibly.

Files are UTF-8 CSV with '\n' line endings, rows in a fixed order, no index, no timestamps, so
the same seed and parameters give byte-identical files.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from routekit.synth.simulation import Population


def _csv(frame: pd.DataFrame, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    frame.to_csv(path, index=False, lineterminator="\n", encoding="utf-8", float_format="%.4f")


def write_population(population: Population, out: Path) -> Path:
    """Write partners/*.csv, truth/*.csv and README.md under ``out``; returns ``out``."""
    from routekit.synth.readme import readme_text

    out = Path(out)
    for name in ("kmar", "ind", "police", "eurodac", "mobility"):
        _csv(getattr(population, name), out / "partners" / f"{name}.csv")
    _csv(population.journeys, out / "truth" / "journeys.csv")
    _csv(population.corridor_month, out / "truth" / "corridor_month.csv")
    _csv(population.narratives, out / "truth" / "narratives.csv")
    _csv(population.shocks, out / "truth" / "shocks.csv")
    _csv(population.canaries, out / "truth" / "canaries.csv")
    _csv(population.mobility_migrants, out / "truth" / "mobility_migrants.csv")
    (out / "README.md").write_text(readme_text(population), encoding="utf-8", newline="\n")
    return out
