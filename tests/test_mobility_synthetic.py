"""Synthetic call detail records follow the journeys they are given, in chunks, reproducibly."""

from __future__ import annotations

import pandas as pd
import pyarrow.parquet as pq

from routekit.mobility import CdrParams, compute_indicators
from routekit.synth.operator import EventWorld, generate_events

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
    assert summary["residents"] >= 10 * summary["migrant_phones_per_day"] > 0
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


def test_a_phone_is_seen_for_the_days_in_destination_after_entry(tmp_path):
    world = EventWorld(start="2024-01-01", end="2024-06-30", events=0, phone_seen=1.0,
                       sim_change_per_leg=0.0, days_in_destination=20, residents_per_phone=1, seed=3)
    generate_events(tmp_path, JOURNEYS.head(30), world)
    migrants = pd.read_parquet(tmp_path / "events" / "part-00000.parquet")
    # no SIM change: one token per journey, the last event at most 20 days after entry
    assert migrants["subscriber"].nunique() == 30
    assert migrants["timestamp"].max() < pd.Timestamp("2024-04-10") + pd.Timedelta(days=20)


def test_the_demo_operator_uses_only_route_and_entry_date_and_notes_its_scale(tmp_path):
    import json

    from routekit.synth.operator import DEMO_MONTHS, simulate_demo_operator

    journeys = JOURNEYS.assign(v_number="2912345678", entry_date=["2024-01-15"] * 100 + ["2025-03-10"] * 100)
    summary = simulate_demo_operator(journeys, tmp_path / "operator")
    events = pd.read_parquet(tmp_path / "operator" / "events")
    # the last DEMO_MONTHS months up to the last entry month: April 2024 - March 2025
    assert events["timestamp"].min() >= pd.Timestamp("2024-04-01")
    assert events["timestamp"].max() < pd.Timestamp("2025-04-01")
    noted = json.loads((tmp_path / "operator" / "simulation.json").read_text())
    assert noted["events"] == summary["events"] == len(events)
    assert noted["world"]["start"] == "2024-04-01" and DEMO_MONTHS == 12
    assert noted["residents"] >= 5 * noted["migrant_phones_per_day"]
    written = "".join(p.read_text(errors="ignore") for p in (tmp_path / "operator").glob("*.*"))
    assert "2912345678" not in written


def test_the_demo_operator_starts_no_earlier_than_the_first_entry_month():
    from routekit.synth.operator import demo_world

    journeys = JOURNEYS.assign(entry_date=["2025-01-20"] * 100 + ["2025-03-10"] * 100)
    world = demo_world(journeys, months=12)
    assert (world.start, world.end) == ("2025-01-01", "2025-03-31")
