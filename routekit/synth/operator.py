"""Synthetic call detail records: the demo journeys plus a much larger non-migrating population.

What an operator's events would look like if the demo world (``routekit.synth``) were real, so
the released flows can be triangulated with the other demo sources, and at any scale for
benchmarks. Written in Parquet part files of about ``chunk_events`` events each: 10^8 events are
generated without ever holding more than one chunk in memory.

The world:
- Cells: every country on a demo route plus the Netherlands gets regions (the twelve Dutch
  provinces by ISO 3166-2 code; elsewhere ``ISO3-R1`` ...) with ``cells_per_region`` cells each,
  placed around the country's centroid from ``routekit.reference.countries()``.
- Residents (almost all subscribers): one home region (half of them in the Netherlands), a work
  region in the same country, ``events_per_day`` events a day; a night event is at home with
  probability 0.85, else in another region of the same country; 2% move home once in the period.
  There are at least ``residents_per_phone`` residents per migrant phone in use on an average day.
- Migrants: a share ``phone_seen`` of the journeys carry a phone. Each country on the route is a
  stay (lognormal, median ``transit_days``) timed backwards from the entry date, after
  ``home_days`` at home; the Netherlands is the stay from the entry date on (60% arrive in
  Groningen, where Ter Apel is), for ``days_in_destination`` days (then the phone gets a Dutch SIM
  and a new token) or to the end. At each border the SIM is changed with probability
  ``sim_change_per_leg``: the phone then continues under a new token, as on real routes.
Tokens are 12 hex digits, a bijective scramble of an index: unique, and not a phone number.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

DUTCH_PROVINCES = ("NL-DR", "NL-FL", "NL-FR", "NL-GE", "NL-GR", "NL-LI", "NL-NB", "NL-NH", "NL-OV",
                   "NL-UT", "NL-ZE", "NL-ZH")
ARRIVAL_REGION = "NL-GR"
# Relative event intensity per clock hour (quiet at night, peaks at midday and early evening).
HOURLY = np.array([2, 1, 1, 1, 1, 2, 4, 6, 7, 7, 7, 8, 8, 7, 7, 7, 8, 9, 9, 9, 8, 6, 4, 3], dtype=float)
_MIX = 0x9E3779B97F4A7C15 % (1 << 48) | 1  # odd, so index -> token is a bijection modulo 2^48


@dataclass(frozen=True)
class EventWorld:
    """Knobs of the synthetic world (see the module docstring)."""

    start: str = "2024-01-01"
    end: str = "2024-12-31"
    events: int = 1_000_000
    events_per_day: float = 3.0
    migrant_events_per_day: float = 2.0
    phone_seen: float = 0.6
    sim_change_per_leg: float = 0.15
    transit_days: float = 20.0
    regions_per_country: int = 4
    cells_per_region: int = 5
    chunk_events: int = 5_000_000
    residents_per_phone: int = 10  # at least this many residents per migrant phone in use on a day
    home_days: int = 60  # days a migrant phone is seen at home before the journey starts
    days_in_destination: int | None = None  # days seen in the Netherlands after entry (None = to the end)
    seed: int = 1


def load_journeys(seed: int, start: str, end: str, scale: float) -> pd.DataFrame:
    """The demo journeys (``routekit.synth.simulate(...).journeys``): route, entry_date, ..."""
    from routekit.synth import simulate

    try:
        population = simulate(seed, start, end, scale, texts=False)
    except TypeError:  # an API without the fast no-text switch
        population = simulate(seed, start, end, scale)
    return population.journeys


def make_cells(countries: list[str], world: EventWorld) -> pd.DataFrame:
    """The cell table (cell_id, lon, lat, country, region) for ``countries``."""
    from routekit.reference import countries as gazetteer

    places = gazetteer()
    rng = np.random.default_rng(world.seed + 7)
    rows, cell_id = [], 1
    for iso3 in sorted(set(countries) | {"NLD"}):
        regions = DUTCH_PROVINCES if iso3 == "NLD" else tuple(f"{iso3}-R{k + 1}" for k in range(world.regions_per_country))
        lat0, lon0 = (float(places.loc[iso3, "lat"]), float(places.loc[iso3, "lon"])) if iso3 in places.index else (0.0, 0.0)
        for region in regions:
            centre = (lat0 + rng.uniform(-1, 1), lon0 + rng.uniform(-1, 1))
            for _ in range(world.cells_per_region):
                rows.append((cell_id, round(float(np.clip(centre[1] + rng.normal(0, 0.1), -180, 180)), 5),
                             round(float(np.clip(centre[0] + rng.normal(0, 0.1), -90, 90)), 5), iso3, region))
                cell_id += 1
    return pd.DataFrame(rows, columns=["cell_id", "lon", "lat", "country", "region"])


class _Geography:
    """Index arithmetic over the cell table: region -> cells, region -> country's regions."""

    def __init__(self, cells: pd.DataFrame):
        regions = cells.drop_duplicates("region")[["region", "country"]].reset_index(drop=True)
        self.regions = regions["region"].to_numpy()
        self.region_index = {r: i for i, r in enumerate(self.regions)}
        self.cells_of = [cells.loc[cells["region"] == r, "cell_id"].to_numpy() for r in self.regions]
        self.cells_per_region = np.array([len(c) for c in self.cells_of])
        self.first_cell = np.array([c.min() for c in self.cells_of])  # cells of a region are consecutive
        country = regions["country"].to_numpy()
        self.country_index = {c: i for i, c in enumerate(dict.fromkeys(country))}
        region_country = np.array([self.country_index[c] for c in country])
        self.first_region_of_country = np.array([np.flatnonzero(region_country == k)[0] for k in range(len(self.country_index))])
        self.regions_in_country = np.bincount(region_country)
        self.region_country = region_country

    def other_region(self, rng, region: np.ndarray) -> np.ndarray:
        """A random region of the same country as each ``region``."""
        country = self.region_country[region]
        return self.first_region_of_country[country] + rng.integers(0, self.regions_in_country[country])

    def cell(self, rng, region: np.ndarray) -> np.ndarray:
        return self.first_cell[region] + rng.integers(0, self.cells_per_region[region])


def _tokens(indices: np.ndarray, seed: int) -> np.ndarray:
    scrambled = ((indices.astype(np.uint64) + np.uint64(seed * 1_000_003)) * np.uint64(_MIX)) % np.uint64(1 << 48)
    return np.char.mod("%012x", scrambled)


def _segment_events(rng, geo: _Geography, subscriber, region, work, first_day, last_day, rate, start_us):
    """Events for stays (subscriber, region, work region, days [first_day, last_day))."""
    days = np.maximum(last_day - first_day, 0)
    counts = rng.poisson(rate * days)
    owner = np.repeat(np.arange(len(days)), counts)
    day = first_day[owner] + (rng.random(len(owner)) * days[owner]).astype(np.int64)
    hour = rng.choice(24, len(owner), p=HOURLY / HOURLY.sum())
    night = (hour >= 19) | (hour < 7)
    home = region[owner]
    away = rng.random(len(owner))
    where = np.where(night, np.where(away < 0.85, home, geo.other_region(rng, home)),
                     np.where(away < 0.5, home, work[owner]))
    seconds = day * 86_400 + hour * 3_600 + rng.integers(0, 3_600, len(owner))
    return subscriber[owner], start_us + seconds * 1_000_000, geo.cell(rng, where)


def _write_part(path: Path, subscriber_index: np.ndarray, ts_us: np.ndarray, cell: np.ndarray, seed: int) -> int:
    import pyarrow as pa
    import pyarrow.parquet as pq

    unique, codes = np.unique(subscriber_index, return_inverse=True)
    table = pa.table({
        "subscriber": pa.DictionaryArray.from_arrays(pa.array(codes.astype(np.int32)), pa.array(_tokens(unique, seed))),
        "timestamp": pa.array(ts_us.astype("datetime64[us]")),
        "cell_id": pa.array(cell.astype(np.int32)),
    })
    pq.write_table(table, path, compression="zstd")
    return len(ts_us)


def _migrant_stays(rng, geo: _Geography, journeys: pd.DataFrame, world: EventWorld, n_days: int,
                   start: pd.Timestamp, first_index: int):
    """Stays of the migrants whose phone a cooperating operator sees, one token per SIM."""
    if world.days_in_destination is not None:  # phones gone before the first day are never seen
        entry = pd.to_datetime(journeys["entry_date"])
        journeys = journeys[entry >= start - pd.Timedelta(days=world.days_in_destination)]
    seen = journeys[rng.random(len(journeys)) < world.phone_seen]
    subscriber, region, first_day, last_day = [], [], [], []
    token = first_index
    for route, entry in zip(seen["route"].str.split(">"), pd.to_datetime(seen["entry_date"])):
        if route[-1] != "NLD":
            route = [*route, "NLD"]
        entry_day = (entry - start).days
        stays = np.maximum(1, rng.lognormal(np.log(world.transit_days), 0.8, len(route) - 1)).astype(int)
        arrivals = entry_day - np.concatenate([np.cumsum(stays[::-1])[::-1], [0]])
        arrivals[0] = min(arrivals[0], arrivals[1] - world.home_days if len(route) > 1 else entry_day)
        stay_in_destination = n_days if world.days_in_destination is None else entry_day + world.days_in_destination
        ends = np.append(arrivals[1:], min(stay_in_destination, n_days))
        for position, country in enumerate(route):
            if position > 0 and rng.random() < world.sim_change_per_leg:
                token += 1
            if country == "NLD":
                name = ARRIVAL_REGION if rng.random() < 0.6 else DUTCH_PROVINCES[rng.integers(len(DUTCH_PROVINCES))]
            else:
                name = f"{country}-R{rng.integers(world.regions_per_country) + 1}"
            lo, hi = max(arrivals[position], 0), min(ends[position], n_days)
            if name in geo.region_index and hi > lo:
                subscriber.append(token)
                region.append(geo.region_index[name])
                first_day.append(lo)
                last_day.append(hi)
        token += 1
    arrays = [np.array(x, dtype=np.int64) for x in (subscriber, region, first_day, last_day)]
    return arrays, token - first_index


def generate_events(out_dir: str | Path, journeys: pd.DataFrame, world: EventWorld | None = None) -> dict:
    """Write ``out_dir/cells.csv`` and ``out_dir/events/part-*.parquet``; returns a summary.

    The total is about ``world.events`` events (Poisson noise), of which the migrants' phones
    are a small part; the rest are residents, processed ``chunk_events`` at a time. There are
    always at least ``residents_per_phone`` residents per migrant phone, so a small ``events``
    with many journeys gives more events than asked."""
    world = world or EventWorld()
    out = Path(out_dir)
    (out / "events").mkdir(parents=True, exist_ok=True)
    for stale in (out / "events").glob("part-*.parquet"):  # parts of an earlier, larger run
        stale.unlink()
    rng = np.random.default_rng(world.seed)
    countries = sorted({c for route in journeys["route"].unique() for c in route.split(">")})
    cells = make_cells(countries, world)
    cells.to_csv(out / "cells.csv", index=False)
    geo = _Geography(cells)
    start = pd.Timestamp(world.start)
    n_days = (pd.Timestamp(world.end) - start).days + 1
    start_us = start.value // 1_000

    written, part = 0, 0
    (sub, region, lo, hi), phones = _migrant_stays(rng, geo, journeys, world, n_days, start, first_index=0)
    if len(sub):
        events = _segment_events(rng, geo, sub, region, geo.other_region(rng, region), lo, hi,
                                 world.migrant_events_per_day, start_us)
        written += _write_part(out / "events" / f"part-{part:05d}.parquet", *events, world.seed)
        part += 1

    phones_per_day = float((hi - lo).sum()) / n_days if len(sub) else 0.0
    residents = max(math.ceil(world.residents_per_phone * phones_per_day),
                    round((world.events - written) / (world.events_per_day * n_days)))
    per_chunk = max(1, int(world.chunk_events / (world.events_per_day * n_days)))
    nl = np.array([geo.region_index[p] for p in DUTCH_PROVINCES])
    for first in range(0, residents, per_chunk):
        n = min(per_chunk, residents - first)
        index = phones + first + np.arange(n)
        home = np.where(rng.random(n) < 0.5, nl[rng.integers(0, len(nl), n)], rng.integers(0, len(geo.regions), n))
        work = geo.other_region(rng, home)
        moves = rng.random(n) < 0.02
        move_day = np.where(moves, rng.integers(1, n_days, n), n_days)
        new_home = geo.other_region(rng, home)
        stays = (np.concatenate([index, index]), np.concatenate([home, new_home]), np.concatenate([work, work]),
                 np.concatenate([np.zeros(n, np.int64), move_day]), np.concatenate([move_day, np.full(n, n_days)]))
        events = _segment_events(rng, geo, *stays, world.events_per_day, start_us)
        written += _write_part(out / "events" / f"part-{part:05d}.parquet", *events, world.seed)
        part += 1
    return {"events": written, "parts": part, "residents": residents, "migrant_phones": phones,
            "migrant_phones_per_day": round(phones_per_day, 1),
            "journeys": len(journeys), "cells": len(cells), "regions": int(cells["region"].nunique()),
            "days": n_days}


# The demo operator: what ``routekit synth`` writes into ``partners/mobility_cdr/`` (see
# README.md): one cooperating operator holding a third of the phones, a year of events - about
# three million at the default demo size, so synth and the release step take seconds.
DEMO_MONTHS = 12
DEMO_OPERATOR_SHARE = 1 / 3
DEMO_SCALE = {"events_per_day": 1.0, "migrant_events_per_day": 1.5, "residents_per_phone": 5,
              "home_days": 40, "days_in_destination": 60}


def demo_world(journeys: pd.DataFrame, months: int = DEMO_MONTHS, seed: int = 1, events: int = 0) -> EventWorld:
    """The demo operator's world: the last ``months`` months of the journeys' entries (never
    before the first entry month: the demo has no journeys then), phones seen and SIM changes at
    the demo's capture rates (``routekit.synth`` capture.yaml).

    ``events`` = 0 keeps the smallest resident population the world allows (5 residents per
    migrant phone in use); a larger target adds residents until about that many events."""
    from routekit.synth.config import capture_config

    rates = capture_config()["mobility"]
    entries = pd.to_datetime(journeys["entry_date"])
    last = pd.Period(entries.max(), freq="M")
    first = max(last - (months - 1), pd.Period(entries.min(), freq="M"))
    return EventWorld(start=str(first.start_time.date()), end=str(last.end_time.date()), events=int(events),
                      phone_seen=rates["phone_seen"] * DEMO_OPERATOR_SHARE, sim_change_per_leg=rates["sim_change_per_leg"],
                      chunk_events=2_000_000, seed=seed, **DEMO_SCALE)


def simulate_demo_operator(journeys: pd.DataFrame, out_dir: str | Path, months: int = DEMO_MONTHS,
                           events: int = 0, seed: int = 1) -> dict:
    """Demo only: the call detail records of a cooperating operator, from the demo journeys.

    Uses only the ``route`` and ``entry_date`` of each journey - what an operator's network would
    reflect; writes ``out_dir/cells.csv``, ``out_dir/events/`` and ``out_dir/simulation.json``
    (the scale, for the release manifest). Returns that summary."""
    import json
    from dataclasses import asdict

    journeys = journeys[["route", "entry_date"]]
    world = demo_world(journeys, months, seed=seed, events=events)
    summary = {**generate_events(out_dir, journeys, world),
               "operator_share": DEMO_OPERATOR_SHARE, "world": asdict(world)}
    (Path(out_dir) / "simulation.json").write_text(json.dumps(summary, indent=2) + "\n", encoding="utf-8")
    return summary
