"""Coverage and error of the estimates over seeded demo scenarios (same as
``routekit validate-estimates``). Usage: .venv/bin/python benchmarks/estimate_validate.py [scenarios] [workers]"""

from __future__ import annotations

import sys

from routekit.estimate.validation import validate_scenarios

scenarios = int(sys.argv[1]) if len(sys.argv) > 1 else 20
workers = int(sys.argv[2]) if len(sys.argv) > 2 else 1
result = validate_scenarios(scenarios, seed=1, workers=workers)
print({k: v for k, v in result.items() if k not in ("results", "by_corridor")})
print(result["by_corridor"].round(3).to_string())
