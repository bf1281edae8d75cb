"""routekit.synth: capture rates and overlaps match the documented model (statistical bounds)."""

from __future__ import annotations

import numpy as np
import pytest

from routekit.synth import simulate
from routekit.synth.capture import eurodac_registration_probability, ind_probability
from routekit.synth.config import capture_config

Z_NODES, Z_WEIGHTS = np.polynomial.hermite_e.hermegauss(24)
Z_WEIGHTS = Z_WEIGHTS / Z_WEIGHTS.sum()


# one worker runs this module, so its module-scoped fixture is built once, not once per worker
pytestmark = pytest.mark.xdist_group("synth_rates")


@pytest.fixture(scope="module")
def full():
    return simulate(21, "2024-01", "2024-12", 0.6, texts=False).journeys_full


def _within(observed: np.ndarray, probability: np.ndarray, sds: float = 4.0) -> None:
    """Sum of Bernoulli outcomes within ``sds`` standard deviations of its expectation."""
    expected = probability.sum()
    sd = np.sqrt((probability * (1 - probability)).sum())
    assert abs(observed.sum() - expected) < sds * sd + 1, (observed.sum(), expected, sd)


def test_kmar_rate_matches_model_and_documented_range(full):
    from routekit.synth.capture import kmar_probability

    # integrate the frailty out: P_i = E_z[P(kmar | z)]
    p = sum(w * kmar_probability(full, np.full(len(full), z)) for z, w in zip(Z_NODES, Z_WEIGHTS))
    _within(full["in_kmar"].to_numpy(), p)
    assert 0.03 <= full["in_kmar"].mean() <= 0.12


def test_ind_rate_by_nationality_and_kmar_dependence(full):
    p = ind_probability(full, full["in_kmar"].to_numpy())
    _within(full["in_ind"].to_numpy(), p)
    assert 0.70 <= full["in_ind"].mean() <= 0.85
    syrians = full[(full["nationality"] == "SYR") & (full["in_kmar"] == 0)]
    rate = capture_config()["ind"]["by_nationality"]["SYR"]
    _within(syrians["in_ind"].to_numpy(), np.full(len(syrians), rate))


def test_kmar_ind_odds_ratio_on_land_corridors(full):
    rows = full[full["corridor"].isin(["western_balkans", "eastern_land"])]
    # within nationality the documented odds ratio is 4; pooled over nationalities it stays > 2
    table = np.array([[((rows["in_kmar"] == k) & (rows["in_ind"] == i)).sum() + 0.5 for i in (0, 1)] for k in (0, 1)])
    log_or = np.log(table[1, 1] * table[0, 0] / (table[1, 0] * table[0, 1]))
    se = np.sqrt((1 / table).sum())
    assert log_or - 3 * se > 0
    assert abs(log_or - np.log(4.0)) < 4 * se + 0.3


def test_police_sees_five_to_ten_percent_of_non_applicants(full):
    outside = full[full["in_ind"] == 0]
    rate = outside["in_police"].mean()
    se = np.sqrt(rate * (1 - rate) / len(outside))
    assert 0.05 - 3 * se <= rate <= 0.10 + 3 * se
    assert full.loc[full["in_ind"] == 1, "in_police"].sum() == 0


def test_eurodac_registration_rate(full):
    fingerprinted = full[(full["in_ind"] == 1) | (full["in_kmar"] == 1)]
    p = eurodac_registration_probability(fingerprinted)
    _within(fingerprinted["in_eurodac"].to_numpy(), p)
    greece = fingerprinted[fingerprinted["first_dublin_country"] == "GRC"]
    _within(greece["in_eurodac"].to_numpy(), np.full(len(greece), capture_config()["eurodac"]["by_first_country"]["GRC"]))


def test_interview_lag_and_application_delay(full):
    rates = capture_config()["ind"]
    ind = full[full["in_ind"] == 1]
    lag = (ind["interview_date"] - ind["application_date"]).dt.days
    assert abs(np.median(lag) / rates["interview_lag_median_days"] - 1) < 0.08
    same_day = (ind["application_date"] == ind["entry_date"])[ind["in_kmar"] == 0]
    _within(same_day.to_numpy(), np.full(len(same_day), rates["application_same_day"]))


def test_volume_and_seasonality():
    population = simulate(4, "2023-01", "2024-12", 1.0, texts=False)
    monthly = population.corridor_month.groupby("period")["true_count"].sum()
    assert 1500 <= monthly.median() <= 2500
    sea = population.corridor_month[population.corridor_month["corridor"] == "central_med"].set_index("period")["true_count"]
    summer = sea[sea.index.str[5:].isin(["07", "08", "09"])].mean()
    winter = sea[sea.index.str[5:].isin(["01", "02", "12"])].mean()
    assert summer > 1.5 * winter


def test_mobility_release_is_redacted_and_contains_migrant_signal():
    population = simulate(6, "2024-01", "2024-06", 1.0, texts=False)
    released, migrants = population.mobility, population.mobility_migrants
    assert (released["subscribers"] > 15).all()
    into_nl = migrants[migrants["destination_country"] == "NLD"]["subscribers"].sum()
    assert 0 < into_nl < 0.45 * len(population.journeys)
    # background travel dominates: migrants are a small share of every released pair
    merged = released.merge(migrants, on=["month", "origin_country", "destination_country"], how="left",
                            suffixes=("", "_migrants")).fillna({"subscribers_migrants": 0})
    assert merged["subscribers_migrants"].sum() < 0.5 * merged["subscribers"].sum()
