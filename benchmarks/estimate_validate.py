"""Coverage and error of the estimates over seeded demo scenarios (same as
``routekit validate-estimates``, plus the estimator's assumptions as options for a sensitivity run).

Usage: .venv/bin/python benchmarks/estimate_validate.py [scenarios] [workers]
           [--complete ind] [--shared police] [--dependence LOW HIGH] [--seed 1]
``--complete`` / ``--shared`` (comma-separated, or ``none``) default to the source registry's
declarations; ``--dependence`` to ``mse.DEPENDENCE_RANGE``. Prints the figures and the time.
"""

from __future__ import annotations

import argparse
import time

from routekit.estimate.mse import DEPENDENCE_RANGE
from routekit.synth.validation import validate_scenarios


def _names(text: str | None) -> list[str] | None:
    if text is None:
        return None
    return [] if text == "none" else [name for name in text.split(",") if name]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("scenarios", type=int, nargs="?", default=20)
    parser.add_argument("workers", type=int, nargs="?", default=1)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--complete")
    parser.add_argument("--shared")
    parser.add_argument("--dependence", type=float, nargs=2, default=DEPENDENCE_RANGE)
    args = parser.parse_args()
    started = time.perf_counter()
    result = validate_scenarios(args.scenarios, seed=args.seed, workers=args.workers,
                                complete=_names(args.complete), shared=_names(args.shared),
                                dependence=tuple(args.dependence))
    print({k: (round(v, 3) if isinstance(v, float) else v) for k, v in result.items()
           if k not in ("results", "by_corridor")})
    print(result["by_corridor"].round(3).to_string())
    print(f"{args.scenarios} scenarios, {args.workers} worker(s): {time.perf_counter() - started:.0f} s")


if __name__ == "__main__":  # the worker processes import this file again
    main()
