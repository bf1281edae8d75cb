"""Regenerate routekit/reference/countries.csv from pycountry and the shipped world-atlas TopoJSON.

Run once when the country list changes: ``.venv/bin/python tools/build_countries.py``.
Centroids are the area-weighted centre of each country's largest polygon (so France is in
Europe, not averaged with French Guiana). Regions are routekit's own coarse groups, used by
disclosure control to generalise rare countries and nationalities (country -> region).
"""

from __future__ import annotations

import csv
import gettext
import json
from pathlib import Path

import pycountry

ROOT = Path(__file__).resolve().parents[1]
ATLAS = ROOT / "routekit/report/assets/world-atlas/countries-50m.json"
OUT = ROOT / "routekit/reference/countries.csv"

REGIONS = {
    "Middle East": "SYR IRQ IRN LBN JOR PSE ISR YEM SAU KWT ARE OMN QAT BHR",
    "Türkiye and Caucasus": "TUR GEO ARM AZE",
    "South Asia": "AFG PAK BGD IND NPL LKA",
    "East Asia": "CHN VNM MMR THA PHL IDN MYS KHM LAO MNG PRK KOR JPN",
    "Central Asia": "KAZ UZB TKM KGZ TJK",
    "North Africa": "MAR DZA TUN LBY EGY ESH",
    "West Africa": "SEN GMB GIN GNB MLI MRT NER NGA GHA CIV BFA SLE LBR TGO BEN CPV",
    "Central Africa": "CMR TCD CAF COD COG GAB GNQ",
    "East Africa": "ERI ETH SOM SDN SSD KEN UGA DJI TZA RWA BDI",
    "Southern Africa": "AGO ZMB ZWE MOZ MWI ZAF NAM BWA LSO SWZ MDG",
    "Western Balkans": "ALB BIH MKD MNE SRB XKX",
    "Eastern Europe": "BLR RUS UKR MDA",
    "EU and Schengen": (
        "AUT BEL BGR HRV CYP CZE DNK EST FIN FRA DEU GRC HUN IRL ITA LVA LTU LUX MLT NLD POL "
        "PRT ROU SVK SVN ESP SWE CHE NOR ISL LIE"
    ),
    "Other Europe": "GBR AND MCO SMR VAT",
    "Americas": "USA CAN MEX COL VEN PER ECU BRA ARG CHL CUB HTI DOM BOL PRY URY GTM HND SLV NIC",
}
REGION_OF = {code: region for region, codes in REGIONS.items() for code in codes.split()}

# Territories with their own ISO 3166-1 code that the world atlas draws as part of another state (or not at all):
# a representative point (lon, lat) of the main town, so a route through them keeps the country (the text gazetteer
# resolves Cayenne, Kralendijk, Pointe-a-Pitre ...; a code missing here is dropped from a release with its leg).
REPRESENTATIVE_POINTS = {
    "BES": (-68.27, 12.15),    # Kralendijk, Bonaire
    "GIB": (-5.35, 36.14),     # Gibraltar
    "GLP": (-61.53, 16.24),    # Pointe-a-Pitre
    "GUF": (-52.33, 4.92),     # Cayenne
    "MTQ": (-61.07, 14.60),    # Fort-de-France
    "MYT": (45.23, -12.78),    # Mamoudzou
    "REU": (55.45, -20.88),    # Saint-Denis
}


def _decode_arcs(topology: dict) -> list[list[tuple[float, float]]]:
    sx, sy = topology["transform"]["scale"]
    tx, ty = topology["transform"]["translate"]
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x += dx
            y += dy
            points.append((x * sx + tx, y * sy + ty))
        arcs.append(points)
    return arcs


def _ring(arcs, indices):
    points = []
    for index in indices:
        arc = arcs[index] if index >= 0 else list(reversed(arcs[~index]))
        points.extend(arc if not points else arc[1:])
    return points


def _area_centroid(ring):
    area = cx = cy = 0.0
    for (x0, y0), (x1, y1) in zip(ring, ring[1:] + ring[:1]):
        cross = x0 * y1 - x1 * y0
        area += cross
        cx += (x0 + x1) * cross
        cy += (y0 + y1) * cross
    if abs(area) < 1e-12:
        return 0.0, ring[0]
    return abs(area) / 2, (cx / (3 * area), cy / (3 * area))


def centroids() -> dict[str, tuple[float, float]]:
    topology = json.loads(ATLAS.read_text())
    arcs = _decode_arcs(topology)
    out = {}
    for geometry in topology["objects"]["countries"]["geometries"]:
        polygons = geometry.get("arcs", [])
        if geometry["type"] == "Polygon":
            polygons = [polygons]
        best = max((_area_centroid(_ring(arcs, poly[0])) for poly in polygons), default=None)
        if best and geometry.get("id"):
            out[str(geometry["id"]).zfill(3)] = best[1]
    return out


def main() -> None:
    dutch = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["nl"])
    centres = centroids()
    centres.setdefault("XKX", (20.9, 42.6))
    # Where a country's area centre is far from where routes run, use a representative point:
    # Russia's centre lies in Siberia; routes via Russia run through Moscow/St Petersburg.
    centres.update({"643": (37.6, 55.75)})
    for code, point in REPRESENTATIVE_POINTS.items():
        centres.setdefault(pycountry.countries.get(alpha_3=code).numeric, point)
    rows = []
    for country in pycountry.countries:
        lon, lat = centres.get(country.numeric, (None, None))
        if lat is None:
            continue
        name_en = getattr(country, "common_name", None) or country.name
        rows.append({
            "iso3": country.alpha_3,
            "iso_numeric": country.numeric,
            "name_en": name_en,
            "name_nl": dutch.gettext(country.name),
            "region": REGION_OF.get(country.alpha_3, "Other"),
            "lat": round(lat, 3),
            "lon": round(lon, 3),
        })
    rows.append({"iso3": "XKX", "iso_numeric": "", "name_en": "Kosovo", "name_nl": "Kosovo",
                 "region": "Western Balkans", "lat": 42.6, "lon": 20.9})
    rows.sort(key=lambda r: r["iso3"])
    with OUT.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    print(f"wrote {len(rows)} countries to {OUT}")


if __name__ == "__main__":
    main()
