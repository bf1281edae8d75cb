"""run_estimate end to end on small hand-built releases and a link table, plus trends helpers."""

from __future__ import annotations

import json

import numpy as np
import pandas as pd
import pytest

from routekit.errors import InputError
from routekit.estimate import findings, run_estimate
from routekit.estimate.trends import anomalies, rate_change
from routekit.synth.validation import link_from_journeys

SOURCES = {"kmar": ("border_observation", 0.25), "ind": ("self_reported", 0.35), "police": ("self_reported", 0.2)}
CORRIDORS = ["central_med", "western_balkans"]


# one worker runs this module, so its module-scoped fixture is built once, not once per worker
pytestmark = pytest.mark.xdist_group("estimate_pipeline")


def _journeys(seed: int = 1) -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    rows = []
    for month in pd.period_range("2023-01", "2024-12", freq="M"):
        for corridor in CORRIDORS:
            mean = 300 * (2.5 if corridor == "western_balkans" and str(month) == "2024-12" else 1.0)
            n = rng.poisson(mean)
            flags = {f"in_{s}": (rng.random(n) < p).astype(int) for s, (_, p) in SOURCES.items()}
            rows.append(pd.DataFrame({"entry_month": str(month), "corridor": corridor, **flags}))
    return pd.concat(rows, ignore_index=True)


def _write_release(root, journeys, source, kind, threshold=10):
    seen = journeys[journeys[f"in_{source}"] == 1]
    totals = seen.groupby(["entry_month", "corridor"]).size().rename("count").reset_index()
    totals = totals.rename(columns={"entry_month": "month"})
    small = totals["count"] < threshold
    totals["status"] = np.where(small, "suppressed", "published")
    totals["count"] = totals["count"].astype("Int64").where(~small)
    directory = root / source
    (directory / "tables").mkdir(parents=True)
    totals.to_csv(directory / "tables" / "totals.csv", index=False)
    months = sorted(totals["month"].unique())
    quality = pd.DataFrame({"month": months, "records": 100, "lag_days_median": 60 if source == "ind" else np.nan,
                            "lag_days_p25": 45 if source == "ind" else np.nan,
                            "lag_days_p75": 80 if source == "ind" else np.nan})
    quality.to_csv(directory / "tables" / "quality.csv", index=False)
    (directory / "manifest.json").write_text(json.dumps({"source": source, "kind": kind, "threshold": threshold}))
    return directory


@pytest.fixture(scope="module")
def workspace(tmp_path_factory):
    root = tmp_path_factory.mktemp("estimate")
    journeys = _journeys()
    releases = [_write_release(root, journeys, s, kind) for s, (kind, _) in SOURCES.items()]
    link_from_journeys(journeys, threshold=10, sources=sorted(SOURCES)).write(root / "link")
    out = root / "out"
    manifest = run_estimate(releases, root / "link", out, ["2024-10", "2024-11", "2024-12"], n_boot=49)
    truth = journeys.groupby(["entry_month", "corridor"]).size().rename("truth").reset_index()
    return {"out": out, "manifest": manifest, "truth": truth, "root": root, "releases": releases}


def test_estimates_have_the_documented_columns_and_cover_the_truth(workspace):
    estimates = pd.read_csv(workspace["out"] / "estimates.csv", dtype={"period": str})
    for column in ["period", "corridor", "observed", "estimate", "lower", "upper", "method", "grade", "note", "level"]:
        assert column in estimates.columns
    monthly = estimates[estimates["level"] == "month"].merge(
        workspace["truth"], left_on=["period", "corridor"], right_on=["entry_month", "corridor"])
    assert len(monthly) == 48
    covered = (monthly["lower"] <= monthly["truth"]) & (monthly["truth"] <= monthly["upper"])
    assert covered.mean() >= 0.85
    assert (monthly["lower"] >= monthly["observed_lower"] - 1e-6).all()
    period = estimates[estimates["level"] == "period"]
    assert set(period["corridor"]) == {*CORRIDORS, "all"}
    assert (period["lower"] <= period["estimate"]).all() and (period["estimate"] <= period["upper"]).all()


def test_every_output_file_is_written(workspace):
    for name in ["estimates.csv", "agreement.csv", "agreement_pairs.csv", "trends.csv", "anomalies.csv",
                 "outlook.csv", "timeliness.csv", "findings.csv", "manifest.json"]:
        assert (workspace["out"] / name).is_file(), name
    assert workspace["manifest"]["period"]["label"] == "2024-10/2024-12"


def test_the_surge_is_the_top_finding_in_both_languages(workspace):
    ranked = findings(workspace["out"], "2024-12", "2024-12")
    top = ranked.iloc[0]
    assert top["category"] == "western_balkans"
    assert top["change_lower"] > 1.0
    assert "rose" in top["text_en"] and "steeg" in top["text_nl"]


def test_the_surge_month_is_flagged_as_an_anomaly(workspace):
    flagged = pd.read_csv(workspace["out"] / "anomalies.csv", dtype={"month": str})
    surge = flagged[(flagged["series"] == "estimate") & (flagged["category"] == "western_balkans")
                    & (flagged["month"] == "2024-12")]
    assert surge["anomaly"].tolist() == ["high"]


def test_recent_interview_months_are_marked_stale(workspace):
    lags = pd.read_csv(workspace["out"] / "timeliness.csv", dtype={"month": str})
    ind = lags[lags["source"] == "ind"].set_index("month")
    assert bool(ind.loc["2024-12", "stale"]) and not bool(ind.loc["2024-01", "stale"])


def test_a_bad_link_count_names_file_row_and_field(workspace, tmp_path):
    bad = tmp_path / "link"
    bad.mkdir()
    frame = pd.read_csv(workspace["root"] / "link" / "contingency.csv", dtype=str, keep_default_na=False)
    frame.loc[3, "count"] = "many"
    frame.loc[3, "status"] = "published"
    frame.to_csv(bad / "contingency.csv", index=False)
    (bad / "manifest.json").write_text((workspace["root"] / "link" / "manifest.json").read_text())
    with pytest.raises(InputError, match=r"row 5, field 'count'"):
        run_estimate(workspace["releases"], bad, tmp_path / "out", ["2024-12"], n_boot=0)


def test_rate_change_is_exact_and_symmetric():
    same = rate_change(100, 100)
    assert same["p_value"] == pytest.approx(1.0)
    assert same["ratio_lower"] < 1 < same["ratio_upper"]
    doubled = rate_change(200, 100)
    assert doubled["p_value"] < 1e-6 and doubled["ratio"] == pytest.approx(2.0)
    assert rate_change(300, 100, months_current=3)["ratio"] == pytest.approx(1.0)


def test_quiet_series_rarely_raise_an_alarm():
    rng = np.random.default_rng(0)
    months = [str(m) for m in pd.period_range("2021-01", "2024-12", freq="M")]
    frames = [pd.DataFrame({"key": k, "month": months, "count": rng.poisson(200, len(months))}) for k in range(10)]
    flagged = anomalies(pd.concat(frames), ["key"], alpha=0.05)
    assert 0 < len(flagged)
    assert (flagged["anomaly"] != "").mean() < 0.12


def test_months_outside_a_release_are_not_pooled_with_covered_ones():
    from routekit.estimate.population import source_coverage

    manifest = {"releases": [{"source": "kmar", "period": {"start": "2024-01", "end": "2024-02"}},
                             {"source": "ind", "period": {"start": "2024-01", "end": "2024-04"}}]}
    coverage = source_coverage(manifest, ["ind", "kmar", "police"], ["2024-01", "2024-03"])
    assert coverage == {"2024-01": ("ind", "kmar", "police"), "2024-03": ("ind", "police")}


def test_without_bootstrap_period_rows_have_no_interval_but_no_crash(workspace, tmp_path):
    run_estimate(workspace["releases"], workspace["root"] / "link", tmp_path / "out", ["2024-11", "2024-12"],
                 n_boot=0, period_label="2024-11/2024-12")
    estimates = pd.read_csv(tmp_path / "out" / "estimates.csv", dtype={"period": str})
    period = estimates[estimates["level"] == "period"]
    assert set(period["period"]) == {"2024-11/2024-12"}
    assert period["lower"].isna().all() and period["note"].str.contains("no interval").all()
