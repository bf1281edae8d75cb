"""Generate synthetic call detail records at scale for the CDR benchmarks.

    .venv/bin/python benchmarks/cdr_generate.py --events 1e7 --out /tmp/cdr-1e7

Writes OUT/cells.csv and OUT/events/part-*.parquet (about --chunk-events events per part, never
more than one part in memory) following the demo journeys of routekit.synth plus residents.
Prints events, seconds, events per second and the size on disk.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from routekit.synth.operator import EventWorld, generate_events, load_journeys


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=float, required=True, help="target number of events, e.g. 1e7")
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--start", default="2024-01-01")
    parser.add_argument("--end", default="2024-06-30")
    parser.add_argument("--journeys-scale", type=float, default=0.1, help="routekit.synth scale (1 = ~2,000 journeys a month)")
    parser.add_argument("--chunk-events", type=float, default=5e6)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    began = time.perf_counter()
    journeys = load_journeys(args.seed, args.start[:7], args.end[:7], args.journeys_scale)
    world = EventWorld(start=args.start, end=args.end, events=int(args.events),
                       chunk_events=int(args.chunk_events), seed=args.seed)
    summary = generate_events(args.out, journeys, world)
    seconds = time.perf_counter() - began
    size = sum(p.stat().st_size for p in args.out.rglob("*") if p.is_file())
    print(f"generated {summary['events']:,} events ({summary['residents']:,} residents, "
          f"{summary['migrant_phones']:,} migrant SIMs from {summary['journeys']:,} journeys, "
          f"{summary['regions']} regions) in {summary['parts']} parts: {seconds:.1f} s, "
          f"{summary['events'] / seconds:,.0f} events/s, {size / 1e9:.2f} GB on disk")


if __name__ == "__main__":
    main()
