"""Synthetic call detail records follow the journeys they are given, in chunks, reproducibly."""

from __future__ import annotations

import pandas as pd
import pyarrow.parquet as pq

from routekit.mobility import CdrParams, compute_indicators
from routekit.mobility.synthetic import EventWorld, generate_events

# Our own small journeys frame, in the columns routekit.synth.simulate(...).journeys has.
JOURNEYS = pd.DataFrame({
    "journey_id": [f"J-{i:07d}" for i in range(200)],
    "nationality": ["SYR"] * 200,
    "corridor": ["western_balkans"] * 200,
    "route": ["SYR>TUR>GRC>MKD>SRB>HUN>AUT>DEU>NLD"] * 200,
    "entry_date": ["2024-04-10"] * 200,
})
WORLD = EventWorld(start="2024-01-01", end="2024-05-31", events=400_000, chunk_events=100_000,
                   phone_seen=1.0, sim_change_per_leg=0.0, transit_days=8.0, seed=5)


def test_events_are_written_in_chunks_with_the_documented_columns(tmp_path):
    summary = generate_events(tmp_path, JOURNEYS, WORLD)
    parts = sorted((tmp_path / "events").glob("part-*.parquet"))
    assert summary["parts"] == len(parts) >= 4
    assert max(pq.ParquetFile(p).metadata.num_rows for p in parts[1:]) < 1.3 * WORLD.chunk_events
    assert sum(pq.ParquetFile(p).metadata.num_rows for p in parts) == summary["events"]
    assert summary["residents"] >= 10 * summary["migrant_phones"]
    events = pd.read_parquet(parts[0])
    assert list(events.columns) == ["subscriber", "timestamp", "cell_id"]
    assert events["subscriber"].astype(str).str.fullmatch(r"[0-9a-f]{12}").all()
    assert events["timestamp"].between(pd.Timestamp("2024-01-01"), pd.Timestamp("2024-06-01")).all()
    cells = pd.read_csv(tmp_path / "cells.csv")
    assert set(events["cell_id"]) <= set(cells["cell_id"])
    assert {"NLD", "SYR", "DEU"} <= set(cells["country"])


def test_generation_is_reproducible(tmp_path):
    world = EventWorld(start="2024-03-01", end="2024-04-30", events=50_000, seed=9)
    generate_events(tmp_path / "a", JOURNEYS.head(20), world)
    generate_events(tmp_path / "b", JOURNEYS.head(20), world)
    first = pd.read_parquet(tmp_path / "a" / "events")
    second = pd.read_parquet(tmp_path / "b" / "events")
    pd.testing.assert_frame_equal(first, second)


def test_released_flows_show_the_journeys_arrival_in_the_netherlands(tmp_path):
    generate_events(tmp_path, JOURNEYS, WORLD)
    release, manifest = compute_indicators(tmp_path / "events", tmp_path / "cells.csv", CdrParams())
    flows = release.flows_country.dropna(subset=["subscribers"]).set_index(["month", "origin", "destination"])
    # 200 phones enter on 10 April: located on the route in March and in the Netherlands in April.
    # Residents never move abroad, so no other month has a published flow into NLD from abroad.
    from_abroad = flows.xs("NLD", level="destination").query("origin != 'NLD'")["subscribers"]
    assert set(from_abroad.index.get_level_values("month")) == {"2024-04"}
    assert 100 <= from_abroad.sum() <= 200
    assert set(from_abroad.index.get_level_values("origin")) <= {"TUR", "GRC", "MKD", "SRB", "HUN", "AUT", "DEU"}
    assert manifest["inputs"]["events_rejected"] == {}
