"""run_estimate on what the real chain writes: synth -> release (every partner) -> link.

Sparse on purpose (six months): thin corridors, suppressed and secondary-suppressed cells, sources
whose only persons sit in suppressed cells, releases covering different months. Whatever the
data, the estimate stage must finish and give either a number with an interval or
"not estimable" with the reason, in the formats the report reads.
"""

from __future__ import annotations

import json

import numpy as np
import pandas as pd
import pytest

from routekit.estimate import run_estimate

K = 10
KEY = b"k" * 32
SOURCES = ("kmar", "ind", "police", "eurodac", "mobility")


# one worker runs this module, so its module-scoped fixture is built once, not once per worker
pytestmark = pytest.mark.xdist_group("estimate_real_outputs")


@pytest.fixture(scope="module")
def chain(tmp_path_factory) -> dict:
    from routekit.link import link_releases
    from routekit.release import release_extract
    from routekit.synth import generate

    root = tmp_path_factory.mktemp("estimate_real")
    generate(root / "data", seed=5, start="2024-01", end="2024-06", scale=1.0)
    partners = root / "data" / "partners"
    releases = root / "releases"
    for source in SOURCES:
        release_extract(source, partners / f"{source}.csv", releases / source, threshold=K, key=KEY,
                        rejects=root / "rejects" / f"{source}.csv")
    link_releases([releases / s for s in SOURCES if s != "mobility"], root / "link", threshold=K, key=KEY)
    out = root / "out"
    manifest = run_estimate([releases / s for s in SOURCES], root / "link", out,
                            period_months=["2024-04", "2024-05", "2024-06"], n_boot=19, period_label="2024-Q2")
    return {"root": root, "out": out, "manifest": manifest}


def test_run_estimate_finishes_on_real_release_and_link_outputs(chain):
    estimates = pd.read_csv(chain["out"] / "estimates.csv", dtype={"period": str})
    assert len(estimates) > 0
    assert chain["manifest"]["period"]["label"] == "2024-Q2"
    link = json.loads((chain["root"] / "link" / "manifest.json").read_text())
    assert set(chain["manifest"]["sources"]) == set(link["sources"])


def test_period_rows_carry_the_period_label_and_month_rows_their_month(chain):
    estimates = pd.read_csv(chain["out"] / "estimates.csv", dtype={"period": str})
    for column in ["period", "corridor", "observed", "estimate", "lower", "upper", "grade", "note", "level"]:
        assert column in estimates.columns
    period = estimates[estimates["level"] == "period"]
    assert set(period["period"]) == {"2024-Q2"}
    assert "all" in set(period["corridor"])
    monthly = estimates[estimates["level"] == "month"]
    assert monthly["period"].str.fullmatch(r"\d{4}-(0[1-9]|1[0-2])").all()
    assert {"2024-04", "2024-05", "2024-06"} <= set(monthly["period"])


def test_every_row_is_a_number_with_an_interval_or_refused_with_a_reason(chain):
    estimates = pd.read_csv(chain["out"] / "estimates.csv", dtype={"period": str}, keep_default_na=True)
    refused = estimates["grade"] == "not_estimable"
    assert estimates.loc[refused, "estimate"].isna().all()
    assert (estimates.loc[refused, "note"].fillna("").str.len() > 10).all()
    # the safety net (a table the model could not take) must not be what handled these data
    assert not estimates["note"].fillna("").str.contains("cannot be modelled").any()
    given = estimates[~refused]
    assert np.isfinite(given[["estimate", "lower", "upper"]].to_numpy()).all()
    assert (given["lower"] <= given["estimate"] + 1e-6).all() and (given["estimate"] <= given["upper"] + 1e-6).all()
    monthly = given[given["level"] == "month"]
    shown = monthly.dropna(subset=["observed_lower"])  # below K the observed count is blanked
    assert (shown["lower"] >= shown["observed_lower"] - 1e-6).all()
    # Six thin months of one small demo: the pooled model's strata stand or fall on their own, so
    # most months with persons seen publish a number with finite bounds (a bootstrap replicate the
    # pooled fit could not settle used to refuse every stratum: 0 of 48 here).
    seen = estimates[(estimates["level"] == "month")].dropna(subset=["observed_lower"])
    assert len(shown) >= 0.5 * len(seen), f"{len(shown)} of {len(seen)} months with persons seen estimated"
    period_given = given[given["level"] == "period"]
    assert len(period_given) and np.isfinite(period_given[["lower", "upper"]].to_numpy()).all()
    small = pd.to_numeric(estimates["observed"], errors="coerce")
    assert not ((small > 0) & (small < K)).any()


def test_findings_have_rank_and_both_languages(chain):
    ranked = pd.read_csv(chain["out"] / "findings.csv")
    for column in ["rank", "text_nl", "text_en"]:
        assert column in ranked.columns


def test_findings_name_corridors_in_the_reader_s_language():
    from types import SimpleNamespace

    from routekit.estimate.pipeline import _text

    row = SimpleNamespace(category="central_med", change_ratio=1.5, grade="confirmed", significant=True,
                          estimate=120.0, lower=100.0, upper=150.0, baseline_period="2024-01/2024-03",
                          change_lower=1.1, change_upper=2.0, stale=False)
    assert _text(row, "en").startswith("Central Mediterranean:")
    assert _text(row, "nl").startswith("Centrale Middellandse Zee:")


def test_every_note_the_chain_writes_reads_in_dutch_in_the_report(chain):
    """The report words every note the chain writes (codes with values) in Dutch and English; the
    English reads as the estimate stage's own note."""
    from routekit.report.notes import note_in

    estimates = pd.read_csv(chain["out"] / "estimates.csv", dtype={"period": str})
    assert estimates["note_codes"].notna().all()
    for cell, english in zip(estimates["note_codes"], estimates["note"].fillna("")):
        assert note_in(cell, "nl") and note_in(cell, "en") == english
