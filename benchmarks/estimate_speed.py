"""Time the estimation of one demo run: 36 months x all corridors, one core.

Usage: .venv/bin/python benchmarks/estimate_speed.py [n_boot]
"""

from __future__ import annotations

import sys
import time

from routekit.estimate.population import estimate_strata
from routekit.synth.validation import KINDS, link_from_journeys
from routekit.synth import simulate

n_boot = int(sys.argv[1]) if len(sys.argv) > 1 else 99
link = link_from_journeys(simulate(1, "2023-01", "2025-12", 1.0, texts=False).journeys)
started = time.time()
estimates, _, structure = estimate_strata(link, n_boot=n_boot, kinds=KINDS)
print(f"{len(estimates)} month x corridor estimates, n_boot={n_boot}: {time.time() - started:.1f} s; "
      f"structure: {structure}")
