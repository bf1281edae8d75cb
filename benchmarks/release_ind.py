"""Time `release` on an IND extract of about 60,000 rows and `link` on all demo sources.

Run: .venv/bin/python benchmarks/release_ind.py [DATA_DIR]
Generates demo data (2023-01..2025-12, scale 1) into DATA_DIR (default /tmp/routekit-bench)
unless partners/ind.csv is already there. Prints seconds per step; no assertions.
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

import pandas as pd

from routekit.link import link_releases
from routekit.release import release_extract
from routekit.release.audit import audit_release

KEY = b"benchmark-key-not-secret-0123456789abcdef"


def main() -> None:
    data = Path(sys.argv[1]) if len(sys.argv) > 1 else Path("/tmp/routekit-bench")
    if not (data / "partners" / "ind.csv").is_file():
        from routekit.synth import generate

        started = time.perf_counter()
        generate(data, seed=1, start="2023-01", end="2025-12", scale=1.0)
        print(f"generate: {time.perf_counter() - started:.1f} s")
    out = Path(tempfile.mkdtemp(prefix="routekit-release-"))
    for source in ("ind", "kmar", "police", "eurodac"):
        rows = len(pd.read_csv(data / "partners" / f"{source}.csv", dtype=str))
        started = time.perf_counter()
        manifest = release_extract(source, data / "partners" / f"{source}.csv", out / source, key=KEY,
                                   rejects=out / f"{source}.rejects.csv")
        elapsed = time.perf_counter() - started
        cells = sum(t["rows"] for t in manifest["tables"].values())
        suppressed = sum(t["cells_suppressed_primary"] + t["cells_suppressed_secondary"]
                         for t in manifest["tables"].values())
        print(f"release {source}: {rows} rows, {cells} cells ({suppressed} suppressed) in {elapsed:.1f} s")
    started = time.perf_counter()
    link = link_releases([out / s for s in ("ind", "kmar", "police", "eurodac")], out / "link")
    print(f"link: {link['persons']} persons, {link['cells']} cells ({link['cells_suppressed']} suppressed) "
          f"in {time.perf_counter() - started:.1f} s")
    started = time.perf_counter()
    exposed = audit_release(out / "ind")
    print(f"audit ind: {len(exposed)} exposed cells in {time.perf_counter() - started:.1f} s")


if __name__ == "__main__":
    main()
