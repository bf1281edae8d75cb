"""Our counts against the published Frontex and Eurostat series: directions, coverage, grades."""

from __future__ import annotations

import json
from unittest import mock

import numpy as np
import pandas as pd
import pytest

from routekit.estimate import run_estimate
from routekit.estimate.public_series import (
    OurSeries,
    compare_public,
    load_eurostat_series,
    load_frontex_series,
    load_public_series,
)
from routekit.synth.validation import link_from_journeys

MONTHS = [str(m) for m in pd.period_range("2023-01", "2024-12", freq="M")]
PERIOD = ["2024-10", "2024-11", "2024-12"]
BASELINE = ["2024-07", "2024-08", "2024-09"]
SOURCES = {"kmar": ("border_observation", 0.3), "ind": ("self_reported", 0.4)}
NATIONALITY = {"central_med": "SYR", "western_balkans": "AFG"}


# one worker runs this module, so its module-scoped fixture is built once, not once per worker
pytestmark = pytest.mark.xdist_group("estimate_agreement_public")


def _journeys() -> pd.DataFrame:
    """Central Med doubles in the period; the Western Balkans stay flat."""
    rng = np.random.default_rng(3)
    rows = []
    for month in MONTHS:
        for corridor, nationality in NATIONALITY.items():
            mean = 300 * (2.0 if corridor == "central_med" and month in PERIOD else 1.0)
            n = rng.poisson(mean)
            flags = {f"in_{s}": (rng.random(n) < p).astype(int) for s, (_, p) in SOURCES.items()}
            rows.append(pd.DataFrame({"entry_month": month, "corridor": corridor, "nationality": nationality, **flags}))
    return pd.concat(rows, ignore_index=True)


def _write_release(root, journeys, source, kind):
    seen = journeys[journeys[f"in_{source}"] == 1].rename(columns={"entry_month": "month"})
    directory = root / "releases" / source
    (directory / "tables").mkdir(parents=True)
    tables = {"totals": ["month", "corridor"]}
    if source == "ind":
        tables["nationality"] = ["month", "corridor", "nationality"]
    for name, keys in tables.items():
        table = seen.groupby(keys).size().rename("count").reset_index()
        table["status"] = "published"
        table.to_csv(directory / "tables" / f"{name}.csv", index=False)
    (directory / "manifest.json").write_text(json.dumps({"source": source, "kind": kind, "threshold": 10}))
    return directory


def _write_frontex(folder, last="2024-12", central_in_period=0.5, balkans_in_period=3.0):
    """Frontex's long layout: detections fall on the Central Med route and triple on the Balkan route."""
    rng = np.random.default_rng(4)
    rows = []
    for month in pd.period_range("2021-01", last, freq="M"):
        month = str(month)
        factor_central = central_in_period if month in PERIOD else 1.0
        factor_balkans = balkans_in_period if month in PERIOD else 1.0
        rows.append(("Central Mediterranean Route", "Sea", "SYR", f"{month}-01", rng.poisson(5000 * factor_central)))
        rows.append(("Western Balkan Route", "Land", "AFG", f"{month}-01", rng.poisson(3000 * factor_balkans)))
    folder.mkdir(parents=True, exist_ok=True)
    pd.DataFrame(rows, columns=["route", "type", "nat", "t", "n"]).to_csv(folder / "frontex.csv", index=False)


def _write_eurostat_monthly(folder):
    """Eurostat SDMX-CSV for NL: Syrians double in the period (as IND's do), Afghans fall by half."""
    rng = np.random.default_rng(5)
    rows = []
    for month in pd.period_range("2022-01", "2024-12", freq="M"):
        month = str(month)
        for code, factor in (("SY", 2.0), ("AF", 0.5)):
            value = rng.poisson(800 * (factor if month in PERIOD else 1.0))
            rows.append(("ESTAT:MIGR_ASYAPPCTZM(1.0)", "18/03/25 23:00:00", "M", "PER", code, "T", "TOTAL", "FRST",
                         "NL", month, value, ""))
    folder.mkdir(parents=True, exist_ok=True)
    pd.DataFrame(rows, columns=["DATAFLOW", "LAST UPDATE", "freq", "unit", "citizen", "sex", "age", "applicant", "geo",
                                "TIME_PERIOD", "OBS_VALUE", "OBS_FLAG"]).to_csv(folder / "monthly.csv", index=False)


def _write_eurostat_annual(folder):
    rows = [("NLD", "2023", "SYR", "male", 1000), ("NLD", "2023", "SYR", "female", 500),
            ("NLD", "2024", "SYR", "male", 1600), ("NLD", "2024", "SYR", "female", 800),
            ("NLD", "2023", "AFG", "male", 900), ("NLD", "2024", "AFG", "male", 880),
            ("DEU", "2024", "SYR", "male", 99999)]
    folder.mkdir(parents=True, exist_ok=True)
    pd.DataFrame(rows, columns=["geo", "t", "nat", "sex", "n"]).to_csv(folder / "annual.csv", index=False)


@pytest.fixture(scope="module")
def chain(tmp_path_factory):
    root = tmp_path_factory.mktemp("public_agreement")
    journeys = _journeys()
    releases = [_write_release(root, journeys, s, kind) for s, (kind, _) in SOURCES.items()]
    link_from_journeys(journeys, threshold=10, sources=sorted(SOURCES)).write(root / "link")
    public = root / "public"
    _write_frontex(public / "frontex")
    _write_eurostat_monthly(public / "eurostat")
    out = root / "out"
    # This world draws KMar and IND as two independent lists, not the registry's IND (a complete
    # registration of applicants), so the estimate is told so.
    with mock.patch("routekit.estimate.population.source_roles",
                    return_value={"complete": [], "shared": []}):
        run_estimate(releases, root / "link", out, PERIOD, n_boot=19, public_dir=public, period_label="2024-Q4")
    return {"root": root, "out": out, "journeys": journeys, "public": public}


def _read(chain, name):
    return pd.read_csv(chain["out"] / name, dtype={"month": str, "period": str}, keep_default_na=False,
                       na_values=[""])


def test_frontex_against_the_estimate_per_corridor(chain):
    table = _read(chain, "public_agreement.csv")
    rows = table[(table["comparison"] == "frontex_corridor") & (table["scope"] == "period")].set_index("category")
    assert rows.loc["central_med", "ours_direction"] == 1 and rows.loc["central_med", "public_direction"] == -1
    assert rows.loc["central_med", "agreement"] == "opposite"
    assert rows.loc["western_balkans", "agreement"] == "only_public"
    assert bool(rows.loc["central_med", "counts_as_kind"])
    assert rows.loc["central_med", "public_end"] == "2024-12"
    assert "all" in rows.index  # the corridors both know, summed on both sides


def test_a_finding_the_public_series_contradicts_says_so_in_both_languages(chain):
    ranked = _read(chain, "findings.csv").set_index("category")
    central = ranked.loc["central_med"]
    assert bool(central["significant"]) and central["grade"] == "contradicted"
    assert "Frontex" in central["reason_en"] and "against a fall" in central["reason_en"]
    assert "Frontex" in central["reason_nl"] and "tegen een daling" in central["reason_nl"]
    assert "Frontex" in central["text_en"] and "Frontex" in central["text_nl"]
    assert ranked["reason_nl"].str.len().gt(10).all() and ranked["reason_en"].str.len().gt(10).all()
    assert (ranked["reason"] == ranked["reason_en"]).all()


def test_eurostat_is_a_check_on_ind_not_an_independent_kind(chain):
    table = _read(chain, "public_agreement.csv")
    syrians = table[(table["comparison"] == "eurostat_nationality") & (table["category"] == "SYR")].iloc[0]
    assert syrians["agreement"] == "same" and not bool(syrians["counts_as_kind"])
    changes = _read(chain, "changes.csv").set_index(["dimension", "category"])
    syr = changes.loc[("nationality", "SYR")]
    assert syr["grade"] == "single_source"  # IND alone; Eurostat publishes the same registrations
    assert "not an independent kind" in syr["reason_en"] and "geen onafhankelijke" in syr["reason_nl"]
    afg = table[(table["comparison"] == "eurostat_nationality") & (table["category"] == "AFG")].iloc[0]
    assert afg["agreement"] == "only_public"


def test_frontex_joins_the_kinds_of_a_corridor_change(chain):
    changes = _read(chain, "changes.csv").set_index(["dimension", "category"])
    central = changes.loc[("corridor", "central_med")]
    assert central["grade"] == "contradicted"
    assert "eu_border_detection" in central["down"] and "border_observation" in central["up"]
    assert "Frontex" in central["reason_en"] and "Frontex" in central["reason_nl"]


def test_published_distributions_are_compared_and_labelled(chain):
    pairs = _read(chain, "agreement_pairs.csv")
    public = pairs[pairs["source_b"].isin(["frontex", "eurostat_asylum"])]
    assert set(public["source_b"]) == {"frontex", "eurostat_asylum"}
    assert public["note"].str.contains("published by").all()
    assert pairs.loc[pairs["source_b"] == "kmar", "note"].isna().all()


def test_public_files_ending_before_the_period_give_a_note_and_the_latest_covered_window(chain, tmp_path):
    _write_frontex(tmp_path / "frontex", last="2024-06")
    frontex = load_frontex_series(tmp_path)
    estimates = pd.read_csv(chain["out"] / "estimates.csv", dtype={"period": str})
    draws = pd.read_csv(chain["out"] / "draws.csv", dtype={"month": str})
    from routekit.estimate.public_series import estimate_series

    monthly = estimates[estimates["level"] == "month"]
    ours = {"estimate": estimate_series(monthly, draws, sorted(monthly["corridor"].unique()))}
    table = compare_public([frontex], ours, PERIOD, BASELINE)
    period = table[table["scope"] == "period"]
    assert period["agreement"].tolist() == ["not_covered"]
    assert "2024-06" in period["note_en"].iloc[0] and "2024-06" in period["note_nl"].iloc[0]
    latest = table[table["scope"] == "latest_covered"]
    assert set(latest["period"]) == {"2024-04/2024-06"} and set(latest["baseline_period"]) == {"2024-01/2024-03"}
    assert (latest["agreement"] != "not_covered").all()


def test_no_public_folder_is_a_note_not_an_error(chain, tmp_path):
    series = load_public_series(tmp_path / "missing")
    table = compare_public(series, {}, PERIOD, BASELINE)
    assert (table["agreement"] == "not_covered").all() and len(table) == 2
    assert table["note_en"].str.len().gt(0).all() and table["note_nl"].str.len().gt(0).all()


def _ind_series(months, syrians) -> OurSeries:
    counts = pd.DataFrame([{"category": c, "month": m, "count": float(n)} for m in months
                           for c, n in (("SYR", syrians(m)), ("AFG", 70))])
    return OurSeries("ind", counts)


def test_annual_eurostat_judges_whole_years_only(tmp_path):
    _write_eurostat_annual(tmp_path / "eurostat")
    eurostat = load_eurostat_series(tmp_path)
    assert not len(eurostat.monthly) and "migr_asyappctzm" in eurostat.note_en
    ours = {"ind": _ind_series(MONTHS, lambda m: 200 if m >= "2024-01" else 120)}
    quarter = compare_public([eurostat], ours, PERIOD, BASELINE)
    assert quarter.loc[quarter["scope"] == "period", "agreement"].tolist() == ["not_covered"]
    assert "annual" in quarter["note_en"].iloc[0] and "2024" in quarter["note_en"].iloc[0]
    assert "hele jaren" in quarter["note_nl"].iloc[0]
    latest = quarter[quarter["scope"] == "latest_covered"].set_index("category")
    assert latest.loc["SYR", "period"] == "2024-01/2024-12" and latest.loc["SYR", "agreement"] == "same"
    year = [m for m in MONTHS if m.startswith("2024")]
    whole = compare_public([eurostat], ours, year, [m for m in MONTHS if m.startswith("2023")])
    rows = whole[whole["scope"] == "period"].set_index("category")
    assert rows.loc["SYR", "public_count"] == 2400 and rows.loc["SYR", "public_baseline"] == 1500  # NL only
    assert rows.loc["SYR", "agreement"] == "same" and rows.loc["AFG", "agreement"] == "neither"
