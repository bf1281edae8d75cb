"""Write the publisher-layout fixtures of tests/data/public (run once; the files are committed).

``python tests/data/public/make_fixtures.py`` rewrites them. Real figures are taken from the
vendored files in data/public where a fixture needs them; every figure for a month the vendored
files do not cover is illustrative (README.md says which).
"""

from __future__ import annotations

import csv
import datetime as dt
import json
from pathlib import Path

import pandas as pd
from openpyxl import Workbook

HERE = Path(__file__).parent
VENDORED = HERE.parents[2] / "data" / "public"

# Frontex's workbook names nationalities; these are its words for the non-ISO codes.
SPECIAL_NAMES = {"OOS": "Not specified", "STL": "Stateless", "OOO": "Unknown", "XKX": "Kosovo*"}
FIRST, LAST_REAL, LAST = "2025-01", "2025-04", "2025-09"
# 2025-05 to 2025-09 are not in the vendored file (it ends 2025-04): illustrative detections,
# the mean of Feb-Apr 2025 times these factors.
ILLUSTRATIVE = {"2025-05": 1.10, "2025-06": 1.25, "2025-07": 1.40, "2025-08": 1.30, "2025-09": 0.90}
REVISED = ("Central Mediterranean Route", "BGD", "2025-03", 17)  # one earlier month revised, as releases do


def _nationality_name(iso3: str) -> str:
    import pycountry

    return SPECIAL_NAMES.get(iso3) or pycountry.countries.get(alpha_3=iso3).name


def frontex_workbook() -> None:
    """Frontex's migratory-map workbook: title rows, then Route | Border Location | Nationality |
    one date-formatted column per month; empty cells where nothing was detected; a total row.
    Jan-Apr 2025 are the vendored (real) figures with one revised cell; May-Sep are illustrative."""
    vendored = pd.read_csv(VENDORED / "frontex" / "frontex_ibc_route_nationality_monthly.csv", dtype={"n": int})
    vendored["month"] = vendored["t"].str[:7]
    vendored = vendored[vendored["month"].between(FIRST, LAST_REAL)]
    months = [str(p) for p in pd.period_range(FIRST, LAST, freq="M")]
    book = Workbook()
    sheet = book.active
    sheet.title = "Detections of IBC"
    sheet.append(["Detections of illegal border-crossings at the EU external borders, monthly"])
    sheet.append(["Data as of 6 October 2025; figures for the latest months are provisional"])
    sheet.append([])
    sheet.append(["Route", "Border Location", "Nationality"] + [dt.datetime(int(m[:4]), int(m[5:]), 1) for m in months])
    for cell in sheet[4][3:]:
        cell.number_format = "mmm-yy"
    totals = [0] * len(months)
    for (route, location, iso3), own in vendored.groupby(["route", "type", "nat"]):
        by_month = own.set_index("month")["n"]
        base = by_month.reindex(["2025-02", "2025-03", "2025-04"]).fillna(0).mean()
        values = []
        for i, month in enumerate(months):
            if month <= LAST_REAL:
                value = int(by_month.get(month, 0))
                if (route, iso3, month) == REVISED[:3]:
                    value += REVISED[3]
            else:
                value = round(base * ILLUSTRATIVE[month])
            values.append(value or None)
            totals[i] += value
        sheet.append([route, location, _nationality_name(iso3)] + values)
    sheet.append(["Total", "", ""] + totals)
    book.save(HERE / "frontex" / "Monthly_detections_of_IBC_2025_10_06.xlsx")


def frontex_route_totals() -> None:
    """A route x month totals table without nationality or border type (illustrative, 2025-08 to 2025-10)."""
    rows = [("Central Mediterranean Route", "2025-08", 7110), ("Central Mediterranean Route", "2025-09", 6480),
            ("Central Mediterranean Route", "2025-10", 5020), ("Western African Route", "2025-08", 1210),
            ("Western African Route", "2025-09", 1540), ("Western African Route", "2025-10", 2890),
            ("Eastern Borders Route", "2025-10", 160)]
    with (HERE / "frontex" / "frontex_route_month_totals.csv").open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["route", "date", "detections"])
        writer.writerows(rows)


IOM_HEADER = ["Main ID", "Incident ID", "Incident Type", "Region of Incident", "Incident Date", "Incident Year",
              "Month", "Number of Dead", "Minimum Estimated Number of Missing", "Total Number of Dead and Missing",
              "Number of Survivors", "Number of Females", "Number of Males", "Number of Children",
              "Country of Origin", "Region of Origin", "Cause of Death", "Country of Incident", "Migration Route",
              "Location of Incident", "Coordinates", "UNSD Geographical Grouping", "Information Source", "URL",
              "Source Quality"]
# made-up incidents outside routekit's scope (IOM's global file holds every region)
IOM_ELSEWHERE = [
    ("2026.MMP9001", "Northern America", "2026-01-03", 1, 0, "Mexico", "Mixed or unknown", "United States of America",
     "US-Mexico border crossing", "31.3, -110.9"),
    ("2026.MMP9002", "Eastern Africa", "2026-01-09", 2, 5, "Ethiopia", "Drowning", "Djibouti",
     "Horn of Africa Route", "11.6, 43.1"),
    ("2026.MMP9003", "South-eastern Asia", "2026-02-14", 4, 0, "Myanmar", "Drowning", "Malaysia", "", "5.4, 100.3"),
    ("2026.MMP9004", "Central America", "2026-02-20", 1, 0, "Venezuela", "Violence", "Panama",
     "Darien", "8.0, -77.7"),
]


def _iom_rows() -> list[dict]:
    vendored = pd.read_csv(VENDORED / "iom-missing-migrants" / "iom_mmp_europe_routes.csv", dtype=str,
                           keep_default_na=False)
    in_quarter = vendored[vendored["Incident date"].between("2026-01-01", "2026-03-31")]
    real = in_quarter.groupby(in_quarter["Incident date"].str[:7]).head(5)
    rows = []
    for r in real.itertuples(index=False):
        d = dt.date.fromisoformat(r[4])
        rows.append({"Main ID": r[0], "Incident ID": r[1], "Incident Type": r[2], "Region of Incident": r[3],
                     "date": d, "Number of Dead": r[7], "Minimum Estimated Number of Missing": r[8],
                     "Total Number of Dead and Missing": r[9], "Country of Origin": r[14],
                     "Cause of Death": r[16], "Country of Incident": r[19], "Migration Route": r[18],
                     "Coordinates": f"{r[25]}, {r[26]}" if r[25] not in ("", "NA") else "",
                     "Source Quality": r[24]})
    for incident, region, date, dead, missing, origin, cause, country, route, coordinates in IOM_ELSEWHERE:
        rows.append({"Main ID": incident, "Incident ID": incident, "Incident Type": "Incident",
                     "Region of Incident": region, "date": dt.date.fromisoformat(date), "Number of Dead": str(dead),
                     "Minimum Estimated Number of Missing": str(missing) if missing else "",
                     "Total Number of Dead and Missing": str(dead + missing), "Country of Origin": origin,
                     "Cause of Death": cause, "Country of Incident": country, "Migration Route": route,
                     "Coordinates": coordinates, "Source Quality": "3"})
    # a Mediterranean incident on a route name corridors.yaml does not list: a reject, not out of scope
    rows.append({**rows[0], "Main ID": "2026.MMP9005", "Incident ID": "2026.MMP9005",
                 "Region of Incident": "Mediterranean", "Migration Route": "Aegean crossing"})
    return rows


def iom_raw_csv(rows: list[dict]) -> None:
    """IOM's global CSV as downloaded: dates as 'Thu, 01/01/2026 - 12:00'."""
    with (HERE / "iom" / "Missing_Migrants_Global_Figures_allData.csv").open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(IOM_HEADER)
        for row in rows:
            d = row["date"]
            writer.writerow([row.get(c, "") for c in IOM_HEADER[:4]]
                            + [d.strftime("%a, %m/%d/%Y") + " - 12:00", d.year, d.strftime("%B")]
                            + [row.get(c, "") for c in IOM_HEADER[7:]])


def iom_workbook(rows: list[dict]) -> None:
    """IOM's all-data workbook: the same columns, dates as date cells, counts as numbers."""
    book = Workbook()
    sheet = book.active
    sheet.title = "Worksheet"
    sheet.append(IOM_HEADER)
    number = lambda v: int(v) if str(v).lstrip("-").isdigit() else None  # noqa: E731
    for row in rows:
        d = row["date"]
        sheet.append([row.get(c, "") for c in IOM_HEADER[:4]]
                     + [dt.datetime(d.year, d.month, d.day), d.year, d.strftime("%B")]
                     + [number(row.get(c, "")) for c in IOM_HEADER[7:14]]
                     + [row.get(c, "") or None for c in IOM_HEADER[14:24]] + [number(row["Source Quality"])])
    book.save(HERE / "iom" / "Missing_Migrants_Global_Figures_allData.xlsx")


def eurostat_sdmx2_and_jsonstat() -> None:
    """The SDMX-CSV 1.0 sample's observations again as SDMX-CSV 2.0 and as JSON-stat 2.0."""
    sample = pd.read_csv(HERE / "eurostat" / "migr_asyappctzm_nl_sample.csv", dtype=str, keep_default_na=False)
    dims = ["freq", "unit", "citizen", "sex", "age", "applicant", "geo", "TIME_PERIOD"]
    two = sample.drop(columns=["DATAFLOW", "LAST UPDATE"])
    two.insert(0, "STRUCTURE_ID", "ESTAT:MIGR_ASYAPPCTZM(1.0)")
    two.insert(0, "STRUCTURE", "dataflow")
    two["CONF_STATUS"] = ""
    two.to_csv(HERE / "eurostat" / "migr_asyappctzm_nl_sdmx2.csv", index=False)

    ids = [d if d != "TIME_PERIOD" else "time" for d in dims]
    categories = {i: list(dict.fromkeys(sample[d])) for i, d in zip(ids, dims)}
    sizes = [len(categories[i]) for i in ids]
    values, status = {}, {}
    for row in sample.itertuples(index=False):
        record = row._asdict()
        position = 0
        for i, d in zip(ids, dims):
            position = position * len(categories[i]) + categories[i].index(record[d])
        if record["OBS_VALUE"] not in ("", ":"):
            values[str(position)] = int(record["OBS_VALUE"])
        if record["OBS_FLAG"]:
            status[str(position)] = record["OBS_FLAG"]
    doc = {"version": "2.0", "class": "dataset",
           "label": "Asylum applicants by type, citizenship, age and sex - monthly data",
           "source": "ESTAT", "updated": "2025-03-18T23:00:00+0100",
           "value": values, "status": status, "id": ids, "size": sizes,
           "dimension": {i: {"label": i, "category": {"index": {c: n for n, c in enumerate(categories[i])},
                                                      "label": {c: c for c in categories[i]}}} for i in ids}}
    (HERE / "eurostat" / "migr_asyappctzm_nl_sample.json").write_text(json.dumps(doc, indent=1), encoding="utf-8")


if __name__ == "__main__":
    frontex_workbook()
    frontex_route_totals()
    rows = _iom_rows()
    iom_raw_csv(rows)
    iom_workbook(rows)
    eurostat_sdmx2_and_jsonstat()
