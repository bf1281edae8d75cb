"""Mobility indicators as a telecom operator would release them (aggregated, redacted).

Each journey is timed backwards from its entry date: the stay in each transit country is
lognormal (median ``hub_days`` for the hub, ``transit_days`` elsewhere, corridors.yaml; sigma 0.8).
A share ``phone_seen`` of journeys carry a phone a cooperating operator sees; on arrival in each
next country the SIM is changed with probability ``sim_change_per_leg``, after which the phone is
lost. A move counts when the night-time home location changes: stays shorter than
``min_stay_days`` do not make a home location (NL and the origin always do). The migrant flows
are added to much larger background flows (tourists, commuters, regular migrants) on every
country pair the routes use, both directions, with a summer peak; rows with subscribers <=
``threshold`` are removed, as the operator would (capture.yaml, ``mobility``).
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from routekit.synth.config import capture_config, route_config

STAY_SIGMA = 0.8


def time_legs(rng: np.random.Generator, journeys: pd.DataFrame) -> pd.DataFrame:
    """One row per country on each route: journey index, position, country, arrival date, stay days."""
    config = route_config()
    countries = journeys["route"].str.split(">")
    legs = pd.DataFrame({"journey": np.repeat(np.arange(len(journeys)), countries.str.len()),
                         "country": np.concatenate(countries.to_numpy()) if len(journeys) else []})
    legs["position"] = legs.groupby("journey").cumcount()
    length = countries.str.len().to_numpy()[legs["journey"]]
    corridor = journeys["corridor"].to_numpy()[legs["journey"]]
    hub = journeys["hub"].to_numpy()[legs["journey"]]
    hub_days = pd.Series(corridor).map({k: v.hub_days for k, v in config.corridors.items()}).to_numpy()
    transit_days = pd.Series(corridor).map({k: v.transit_days for k, v in config.corridors.items()}).to_numpy()
    median = np.where(legs["country"].to_numpy() == hub, hub_days, transit_days)
    is_transit = (legs["position"].to_numpy() > 0) & (legs["position"].to_numpy() < length - 1)
    stay = np.where(is_transit, np.round(median * np.exp(STAY_SIGMA * rng.standard_normal(len(legs)))), 0)
    legs["stay_days"] = stay.astype(int)
    # arrival = entry date minus the stays in this and later transit countries
    later_stays = legs.iloc[::-1].groupby("journey")["stay_days"].cumsum().iloc[::-1].to_numpy()
    entry = journeys["entry_date"].to_numpy()[legs["journey"]]
    legs["arrival"] = pd.to_datetime(entry) - pd.to_timedelta(later_stays, unit="D")
    return legs


def departure_dates(legs: pd.DataFrame) -> pd.Series:
    """Date each journey left its origin (= arrival in the second country)."""
    second = legs[legs["position"] == 1].set_index("journey")["arrival"]
    return second


def migrant_flows(rng: np.random.Generator, journeys: pd.DataFrame, legs: pd.DataFrame) -> pd.DataFrame:
    """Monthly home-location changes of the journeys whose phones are seen (before redaction)."""
    rates = capture_config()["mobility"]
    n = len(journeys)
    seen = rng.random(n) < rates["phone_seen"]
    lost_at = rng.geometric(rates["sim_change_per_leg"], n)   # position at which the SIM changes
    length = journeys["route"].str.count(">").to_numpy() + 1
    j = legs["journey"].to_numpy()
    position = legs["position"].to_numpy()
    home = (position == 0) | (position == length[j] - 1) | (legs["stay_days"].to_numpy() >= rates["min_stay_days"])
    keep = seen[j] & (position < lost_at[j]) & home
    homes = legs[keep]
    previous = homes.groupby("journey")["country"].shift(1)
    moves = homes.assign(origin_country=previous).dropna(subset=["origin_country"])
    moves = moves.assign(month=moves["arrival"].dt.strftime("%Y-%m"))
    return (moves.groupby(["month", "origin_country", "country"]).size().rename("subscribers")
            .reset_index().rename(columns={"country": "destination_country"}))


def background_flows(rng: np.random.Generator, months: pd.PeriodIndex, pairs: list[tuple[str, str]]) -> pd.DataFrame:
    """Regular travel on the same country pairs: lognormal level per pair, summer peak, Poisson noise."""
    from routekit.reference import region_of

    eu = "EU and Schengen"
    level = np.array([900.0 if region_of(a) == eu and region_of(b) == eu else
                      250.0 if (region_of(a) == eu) != (region_of(b) == eu) else 120.0 for a, b in pairs])
    level = level * np.exp(1.0 * rng.standard_normal(len(pairs)))
    season = 1 + 0.3 * np.cos(2 * np.pi * (np.asarray(months.month) - 7) / 12)
    counts = rng.poisson(np.outer(season, level))
    frame = pd.DataFrame(counts, index=months.astype(str), columns=pd.MultiIndex.from_tuples(pairs))
    return (frame.stack([0, 1], future_stack=True).rename("subscribers").rename_axis(["month", "origin_country", "destination_country"])
            .reset_index())


def mobility_indicators(rng: np.random.Generator, journeys: pd.DataFrame, legs: pd.DataFrame,
                        months: pd.PeriodIndex) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(released indicators after redaction, migrant-only flows before redaction = truth)."""
    threshold = capture_config()["mobility"]["threshold"]
    migrants = migrant_flows(rng, journeys, legs)
    migrants = migrants[migrants["month"].isin(set(months.astype(str)))]
    pairs = set()
    for route in journeys["route"].unique():
        stops = route.split(">")
        for a, b in zip(stops, stops[1:]):
            pairs.update({(a, b), (b, a)})
    background = background_flows(rng, months, sorted(pairs))
    total = (pd.concat([background, migrants]).groupby(["month", "origin_country", "destination_country"],
                                                        as_index=False)["subscribers"].sum())
    released = total[total["subscribers"] > threshold].sort_values(
        ["month", "origin_country", "destination_country"], kind="stable").reset_index(drop=True)
    released["subscribers"] = released["subscribers"].astype(int)
    migrants = migrants.sort_values(["month", "origin_country", "destination_country"], kind="stable").reset_index(drop=True)
    return released, migrants
