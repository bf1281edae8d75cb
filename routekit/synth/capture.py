"""Which source sees whom: the capture model (rates in capture.yaml).

One journey is one person. Each source's inclusion is a Bernoulli draw with a route-dependent
logit; the dependence between sources is deliberate and documented, so that multiple-systems
estimates can be judged against known overlaps:
- KMar and IND: positive dependence through ``ind.kmar_odds_ratio`` (someone stopped at the border
  applies for asylum on the spot), strongest on land corridors.
- KMar and police: a shared person-level frailty ``z`` (N(0,1), coefficient ``frailty_sd`` on both
  logits) makes visible people more visible to both; among non-applicants the odds of a police
  encounter after a KMar apprehension are multiplied by ``police.kmar_odds_ratio``.
- IND and police are disjoint by design: the police (AVIM) source only holds people not in the
  asylum procedure.
- Eurodac: a hit needs a registration in the first Dublin state of the route and fingerprinting in
  NL (IND application or KMar apprehension), so it is nested in KMar or IND.
Dates: KMar on the entry date; IND application 0 days (``application_same_day``, 90% after a KMar
apprehension) or 1 + geometric days after entry; interview a lognormal lag after application;
police a lognormal lag after entry; Eurodac hit on the first NL fingerprinting date.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
from scipy.special import expit, logit

from routekit.reference import entry_points
from routekit.synth.config import capture_config


def _lookup(series: pd.Series, table: dict, default: float) -> np.ndarray:
    return series.map(table).fillna(default).to_numpy(dtype=float, copy=True)


def kmar_probability(journeys: pd.DataFrame, z: np.ndarray, rates: dict | None = None) -> np.ndarray:
    """P(apprehended by KMar at entry) per journey, given the frailty z."""
    rates = (rates or capture_config())["kmar"]
    base = _lookup(journeys["entry_point"], rates["base_by_entry_point"], 0.05)
    score = logit(base) + np.log(_lookup(journeys["last_mode"], rates["mode_factor"], 1.0))
    hidden = journeys["smuggler"].eq("yes") & journeys["last_mode"].isin(["car", "truck"])
    score += np.where(hidden, np.log(rates["smuggled_vehicle_factor"]), 0.0)
    schengen = set(capture_config()["dublin_states"])
    non_schengen_flight = journeys["last_mode"].eq("plane") & ~journeys["last_country"].isin(schengen)
    score += np.where(non_schengen_flight, np.log(rates["non_schengen_flight_factor"]), 0.0)
    return expit(score + rates["frailty_sd"] * z)


def ind_probability(journeys: pd.DataFrame, in_kmar: np.ndarray, rates: dict | None = None) -> np.ndarray:
    """P(asylum application) per journey, given the KMar outcome."""
    rates = (rates or capture_config())["ind"]
    base = _lookup(journeys["nationality"], rates["by_nationality"], rates["default"])
    ratio = _lookup(journeys["corridor"], rates["kmar_odds_ratio"], rates["kmar_odds_ratio"]["default"])
    return expit(logit(base) + np.log(ratio) * in_kmar)


def police_probability(journeys: pd.DataFrame, in_kmar: np.ndarray, z: np.ndarray,
                       rates: dict | None = None) -> np.ndarray:
    """P(found inland by the police | not an asylum applicant) per journey."""
    rates = (rates or capture_config())["police"]
    base = _lookup(journeys["corridor"], rates["by_corridor"], rates["default"])
    return expit(logit(base) + np.log(rates["kmar_odds_ratio"]) * in_kmar + rates["frailty_sd"] * z)


def eurodac_registration_probability(journeys: pd.DataFrame, rates: dict | None = None) -> np.ndarray:
    """P(fingerprinted in the first Dublin state of the route) per journey."""
    rates = (rates or capture_config())["eurodac"]
    p = _lookup(journeys["first_dublin_country"], rates["by_first_country"], rates["default"])
    p[journeys["first_dublin_country"].eq("").to_numpy()] = 0.0
    p[journeys["corridor"].isin(rates["no_registration_corridors"]).to_numpy()] = 0.0
    return p


def capture(rng: np.random.Generator, journeys: pd.DataFrame) -> pd.DataFrame:
    """Add the capture flags and the dates each source records to a copy of ``journeys``."""
    rates = capture_config()
    n = len(journeys)
    out = journeys.copy()
    z = rng.standard_normal(n)
    in_kmar = rng.random(n) < kmar_probability(journeys, z)
    in_ind = rng.random(n) < ind_probability(journeys, in_kmar)
    police_draw = rng.random(n) < police_probability(journeys, in_kmar, z)
    in_police = police_draw & ~in_ind
    registered = rng.random(n) < eurodac_registration_probability(journeys)
    in_eurodac = registered & (in_ind | in_kmar)

    entry = out["entry_date"]
    ind_rates = rates["ind"]
    same_day = np.where(in_kmar, ind_rates["application_same_day_if_kmar"], ind_rates["application_same_day"])
    delay = np.where(rng.random(n) < same_day, 0,
                     rng.geometric(1 / ind_rates["application_mean_days"], n))
    application = entry + pd.to_timedelta(delay, unit="D")
    lag = np.exp(np.log(ind_rates["interview_lag_median_days"]) + ind_rates["interview_lag_sigma"] * rng.standard_normal(n))
    lag = np.maximum(np.round(lag), ind_rates["interview_lag_min_days"]).astype(int)
    interview = application + pd.to_timedelta(lag, unit="D")
    police_rates = rates["police"]
    police_lag = np.exp(np.log(police_rates["lag_median_days"]) + police_rates["lag_sigma"] * rng.standard_normal(n))
    police_date = entry + pd.to_timedelta(np.maximum(np.round(police_lag), 1).astype(int), unit="D")
    categories = list(rates["eurodac"]["category_weights"])
    weights = np.array([rates["eurodac"]["category_weights"][c] for c in categories], dtype=float)
    category = np.asarray(categories)[rng.choice(len(categories), size=n, p=weights / weights.sum())]

    out["in_kmar"] = in_kmar.astype(int)
    out["in_ind"] = in_ind.astype(int)
    out["in_police"] = in_police.astype(int)
    out["in_eurodac"] = in_eurodac.astype(int)
    out["kmar_date"] = entry.where(in_kmar)
    out["application_date"] = application.where(in_ind)
    out["interview_date"] = interview.where(in_ind)
    out["police_date"] = police_date.where(in_police)
    fingerprinted = np.where(in_kmar, entry, application)
    out["eurodac_hit_date"] = pd.Series(fingerprinted, index=out.index).where(in_eurodac)
    out["eurodac_category"] = np.where(in_eurodac, category, "")
    out["crossing_type"] = out["entry_point"].map(entry_points()["crossing_type"])
    return out
