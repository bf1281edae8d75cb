"""The hidden population: every journey that enters the Netherlands, with its true route.

Volumes: scale 1 gives ``total_per_month`` journeys a month (corridors.yaml) split over the
corridors by ``monthly_share``, times a seasonal factor ``1 + amplitude * cos(2 pi (month -
peak_month) / 12)`` and the surge factors of shocks.yaml; the realised count of a corridor-month
is Poisson around that mean, so truth/corridor_month.csv is the exact count of journeys.
Routes: origin (= nationality) -> approach countries -> onward countries -> NLD, sampled from the
templates in corridors.yaml; a route shift moves weight between onward variants from its month on.
The entry point into NL follows from the last country and the mode of the last leg.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from routekit.errors import ParamError
from routekit.synth.config import RouteConfig, Shock, capture_config, route_config, shock_config


def month_range(start: str, end: str) -> pd.PeriodIndex:
    """Months from start to end inclusive; ParamError for a bad YYYY-MM or end before start."""
    parsed = {}
    for key, value in (("start", start), ("end", end)):
        text = str(value)
        if len(text) != 7 or text[4] != "-" or not (text[:4] + text[5:]).isdigit():
            raise ParamError(key, value, "expected a month as YYYY-MM")
        month = int(text[5:])
        if not 1 <= month <= 12:
            raise ParamError(key, value, "month must be 01-12")
        parsed[key] = pd.Period(text, freq="M")
    if parsed["end"] < parsed["start"]:
        raise ParamError("end", end, f"is before start {start}")
    return pd.period_range(parsed["start"], parsed["end"], freq="M")


@dataclass(frozen=True)
class Template:
    """One fully specified route: corridor, nationality, countries and modes in travel order."""

    corridor: str
    nationality: str
    variant: str
    countries: tuple[str, ...]
    modes: tuple[str, ...]
    hub: str


def _assemble(nationality: str, via: list[str], via_modes: list[str],
              route: list[str], modes: list[str]) -> tuple[tuple[str, ...], tuple[str, ...], str]:
    """Origin + approach + onward, dropping transit countries equal to the previous stop."""
    countries, legs = [nationality], []
    for country, mode in zip(list(via) + list(route), list(via_modes) + list(modes)):
        if country == countries[-1]:
            continue
        countries.append(country)
        legs.append(mode)
    hub = via[-1] if via else nationality
    return tuple(countries), tuple(legs), hub


def placed_shocks(months: pd.PeriodIndex, shocks: tuple[Shock, ...] | None = None) -> list[dict]:
    """Each shock with its month indices in this range (start = floor(at * n_months))."""
    shocks = shock_config() if shocks is None else shocks
    n = len(months)
    placed = []
    for shock in shocks:
        first = min(int(np.floor(shock.at * n)), n - 1)
        last = n - 1 if shock.kind == "shift" else min(first + shock.months - 1, n - 1)
        placed.append({"shock": shock, "first": first, "last": last})
    return placed


def expected_counts(config: RouteConfig, months: pd.PeriodIndex, scale: float,
                    placed: list[dict]) -> pd.DataFrame:
    """Mean journeys per corridor (rows) and month (columns), before Poisson noise."""
    month_number = np.asarray(months.month)
    rows = {}
    for name, spec in config.corridors.items():
        season = 1 + spec.season_amplitude * np.cos(2 * np.pi * (month_number - config.peak_month) / 12)
        mean = config.total_per_month * scale * spec.monthly_share * season
        for item in placed:
            shock = item["shock"]
            if shock.kind == "surge" and shock.corridor == name:
                mean[item["first"]: item["last"] + 1] *= shock.factor
        rows[name] = mean
    return pd.DataFrame(rows, index=months.astype(str)).T


def _variant_weights(config: RouteConfig, corridor: str, n_months: int,
                     placed: list[dict]) -> dict[str, np.ndarray]:
    """Weight of each onward variant per month, after route shifts."""
    spec = config.corridors[corridor]
    weights = {v.name: np.full(n_months, v.weight, dtype=float) for v in spec.onward}
    for item in placed:
        shock = item["shock"]
        if shock.kind != "shift" or shock.corridor != corridor:
            continue
        moved = weights[shock.from_variant][item["first"]:] * shock.share
        weights[shock.from_variant][item["first"]:] -= moved
        weights[shock.to_variant][item["first"]:] += moved
    return weights


def _pick(rng: np.random.Generator, cumulative: np.ndarray) -> np.ndarray:
    """Inverse-CDF draw per row of a (rows x options) cumulative weight matrix."""
    u = rng.random(cumulative.shape[0]) * cumulative[:, -1]
    return (u[:, None] >= cumulative).sum(axis=1).clip(max=cumulative.shape[1] - 1)


def _unique_v_numbers(rng: np.random.Generator, n: int) -> np.ndarray:
    """Random, unique 10-digit case numbers (not sequential)."""
    chosen = np.empty(0, dtype=np.int64)
    while chosen.size < n:
        draw = rng.integers(1_000_000_000, 10_000_000_000, size=int((n - chosen.size) * 1.05) + 16)
        merged = np.concatenate([chosen, draw])
        _, first = np.unique(merged, return_index=True)
        chosen = merged[np.sort(first)]
    return chosen[:n]


def simulate_journeys(rng: np.random.Generator, months: pd.PeriodIndex, scale: float,
                      config: RouteConfig | None = None) -> tuple[pd.DataFrame, pd.DataFrame, list[dict]]:
    """Sample all journeys. Returns (journeys, corridor_month truth, placed shocks)."""
    config = route_config() if config is None else config
    placed = placed_shocks(months)
    means = expected_counts(config, months, scale, placed)
    counts = rng.poisson(means.to_numpy())
    n_months = len(months)
    dublin = set(capture_config()["dublin_states"])

    templates: list[Template] = []
    template_ids: list[np.ndarray] = []
    month_ids: list[np.ndarray] = []
    for c_index, (corridor, spec) in enumerate(config.corridors.items()):
        month_of = np.repeat(np.arange(n_months), counts[c_index])
        if month_of.size == 0:
            continue
        nat_names = list(spec.nationalities)
        nat_weights = np.cumsum([spec.nationalities[n] for n in nat_names])
        nat_of = _pick(rng, np.tile(nat_weights, (month_of.size, 1)))
        variant_weights = _variant_weights(config, corridor, n_months, placed)
        for n_index, nationality in enumerate(nat_names):
            mask = np.flatnonzero(nat_of == n_index)
            if mask.size == 0:
                continue
            options = spec.approaches.get(nationality, spec.approaches.get("default"))
            approach_of = _pick(rng, np.tile(np.cumsum([o.weight for o in options]), (mask.size, 1)))
            for a_index, option in enumerate(options):
                rows = mask[approach_of == a_index]
                if rows.size == 0:
                    continue
                allowed = [v for v in spec.onward
                           if (option.onward is None and not v.restricted
                               and (v.nationalities is None or nationality in v.nationalities))
                           or (option.onward is not None and v.name in option.onward)]
                matrix = np.column_stack([variant_weights[v.name] for v in allowed])
                cumulative = np.cumsum(matrix, axis=1)[month_of[rows]]
                variant_of = _pick(rng, cumulative)
                for v_index, variant in enumerate(allowed):
                    chosen = rows[variant_of == v_index]
                    if chosen.size == 0:
                        continue
                    countries, legs, hub = _assemble(nationality, option.via, option.modes,
                                                     variant.route, variant.modes)
                    templates.append(Template(corridor, nationality, variant.name, countries, legs, hub))
                    template_ids.append(np.full(chosen.size, len(templates) - 1))
                    month_ids.append(month_of[chosen])

    template_of = np.concatenate(template_ids) if template_ids else np.empty(0, dtype=int)
    month_of = np.concatenate(month_ids) if month_ids else np.empty(0, dtype=int)
    n = template_of.size
    table = pd.DataFrame([
        {"corridor": t.corridor, "nationality": t.nationality, "variant": t.variant,
         "route": ">".join(t.countries), "modes": ">".join(t.modes),
         "last_country": t.countries[-2] if len(t.countries) > 1 else t.nationality,
         "last_mode": t.modes[-1], "hub": t.hub,
         "first_dublin_country": next((c for c in t.countries[:-1] if c in dublin), "")}
        for t in templates
    ])
    journeys = table.iloc[template_of].reset_index(drop=True) if n else table

    month_start = months.to_timestamp().to_numpy()[month_of]
    days_in_month = np.asarray(months.days_in_month)[month_of]
    day = np.floor(rng.random(n) * days_in_month).astype(int)
    entry = pd.to_datetime(month_start) + pd.to_timedelta(day, unit="D")
    journeys["entry_date"] = entry
    journeys["entry_point"] = _entry_points(rng, config, journeys)

    smuggler_rate = journeys["corridor"].map({k: v.smuggler_rate for k, v in config.corridors.items()})
    smuggler = rng.random(n) < smuggler_rate.to_numpy()
    median = np.where(smuggler,
                      journeys["corridor"].map({k: v.cost_eur.median for k, v in config.corridors.items()}),
                      journeys["corridor"].map({k: v.cost_eur.self_median for k, v in config.corridors.items()}))
    sigma = journeys["corridor"].map({k: v.cost_eur.sigma for k, v in config.corridors.items()}).to_numpy()
    cost = np.round(median * np.exp(sigma * rng.standard_normal(n)) / 50) * 50
    journeys["smuggler"] = np.where(smuggler, "yes", "no")
    journeys["cost_eur"] = np.maximum(cost, 50).astype(int)
    journeys["sex"] = np.where(rng.random(n) < 0.78, "m", "f")
    age_days = (rng.gamma(6.0, 4.5, n) + 15) * 365.25
    journeys["birth_date"] = (entry - pd.to_timedelta(np.floor(age_days), unit="D")).normalize()
    journeys["v_number"] = _unique_v_numbers(rng, n).astype(str)

    # Stable order: by entry date, ties in a seeded random order; ids follow that order.
    tiebreak = rng.permutation(n)
    order = np.lexsort((tiebreak, journeys["entry_date"].to_numpy()))
    journeys = journeys.iloc[order].reset_index(drop=True)
    journeys.insert(0, "journey_id", [f"J-{i:07d}" for i in range(1, n + 1)])
    journeys["entry_month"] = journeys["entry_date"].dt.strftime("%Y-%m")

    truth = pd.DataFrame(counts, index=list(config.corridors), columns=months.astype(str))
    corridor_month = (truth.stack().rename("true_count").rename_axis(["corridor", "period"])
                      .reset_index()[["period", "corridor", "true_count"]]
                      .sort_values(["period", "corridor"], kind="stable").reset_index(drop=True))
    return journeys, corridor_month, placed


def _entry_points(rng: np.random.Generator, config: RouteConfig, journeys: pd.DataFrame) -> np.ndarray:
    """Entry point id from the last country and the mode of the last leg (corridors.yaml)."""
    result = np.empty(len(journeys), dtype=object)
    keys = journeys["last_mode"].eq("plane").map({True: "plane", False: "land"}) + "|" + journeys["last_country"]
    for key in sorted(keys.unique()):
        kind, country = key.split("|")
        table = config.entry_points[kind]
        choices = table.get(country, table.get("default"))
        if choices is None:
            raise ValueError(f"no entry point for a {kind} arrival from {country}")
        rows = np.flatnonzero(keys.to_numpy() == key)
        names = list(choices)
        picked = _pick(rng, np.tile(np.cumsum([choices[c] for c in names]), (rows.size, 1)))
        result[rows] = np.asarray(names, dtype=object)[picked]
    return result
