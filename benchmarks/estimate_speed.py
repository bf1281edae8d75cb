"""Time the estimation of one demo run: 36 months x all corridors, one core.

Usage: .venv/bin/python benchmarks/estimate_speed.py [n_boot] [--misclassification]
(``--misclassification``: as run_estimate does, with the text sources' corridor errors in the intervals,
``routekit.estimate.misclassification``)
"""

from __future__ import annotations

import sys
import time

from routekit.estimate.population import estimate_strata
from routekit.synth.validation import KINDS, link_from_journeys
from routekit.synth import simulate

arguments = [a for a in sys.argv[1:] if not a.startswith("--")]
n_boot = int(arguments[0]) if arguments else 99
if "--misclassification" in sys.argv:
    from routekit.estimate.misclassification import estimate_strata_reallocated as estimate_strata  # noqa: F811
link = link_from_journeys(simulate(1, "2023-01", "2025-12", 1.0, texts=False).journeys)
started, cpu = time.time(), time.process_time()
estimates, _, structure = estimate_strata(link, n_boot=n_boot, kinds=KINDS)
print(f"{len(estimates)} month x corridor estimates, n_boot={n_boot}: {time.time() - started:.1f} s "
      f"({time.process_time() - cpu:.1f} s CPU); "
      f"structure: {structure}")
