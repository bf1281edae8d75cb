"""Corridor rules and the first EU country; agreement with the demo generator's true corridors."""

import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from routekit.reference import corridor_ids
from routekit.text import classify_corridor, first_eu_country

ROOT = Path(__file__).resolve().parents[1]


# one worker runs this module, so its module-scoped fixture is built once, not once per worker
pytestmark = pytest.mark.xdist_group("text_corridors")


@pytest.mark.parametrize("route, modes, hint, expected", [
    ("ERI>SDN>LBY>ITA>FRA>BEL>NLD", "foot>truck>boat>train>train>bus", None, "central_med"),
    ("SYR>TUR>GRC>DEU>NLD", "foot>boat>plane>train", None, "eastern_med"),
    ("SYR>TUR>GRC>MKD>SRB>HUN>AUT>DEU>NLD", "", None, "western_balkans"),
    ("AFG>IRN>TUR>BGR>SRB>HUN>AUT>DEU>NLD", "", None, "western_balkans"),
    ("MAR>ESP>FRA>BEL>NLD", "boat>bus>train>train", None, "western_med"),
    ("MAR>ESP>FRA>BEL>NLD", "boat>bus>train>train", "canary_islands", "western_african"),
    ("SEN>ESP>FRA>BEL>NLD", "boat>plane>train>train", None, "western_african"),
    ("IRQ>BLR>POL>DEU>NLD", "plane>foot>car>car", None, "eastern_land"),
    ("AFG>IRN>TUR>ROU>HUN>AUT>DEU>NLD", "foot>foot>boat>car>car>car>car", None, "black_sea"),
    ("TUR>NLD", "plane", None, "air_direct"),
    ("YEM>TUR>NLD", "plane>plane", None, "air_indirect"),
    ("COL>NLD", "", None, "air_direct"),
    ("TUR>NLD", "", "air", "air_direct"),
    ("DEU>NLD", "car", None, "other"),
    ("SYR", "", None, "other"),
])
def test_rules(route, modes, hint, expected):
    assert classify_corridor(route, modes, hint) == expected


def test_every_result_is_a_known_corridor():
    assert classify_corridor(["SYR", "TUR", "GRC"], ["foot", "boat"]) in corridor_ids()


@pytest.mark.parametrize("route, expected", [
    ("SYR>TUR>GRC>MKD>SRB>HUN>NLD", "GRC"),
    (("IRQ", "BLR", "POL", "DEU", "NLD"), "POL"),
    ("TUR>SRB>HUN>NLD", "HUN"),
    ("TUR>ARE", None),
])
def test_first_eu_country(route, expected):
    assert first_eu_country(route) == expected


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    pytest.importorskip("routekit.synth")
    out = tmp_path_factory.mktemp("text_demo")
    command = [sys.executable, "-m", "routekit.cli", "synth", "--out", str(out), "--seed", "3",
               "--start", "2025-01", "--end", "2025-02", "--scale", "0.3"]
    completed = subprocess.run(command, capture_output=True, text=True, cwd=ROOT)
    if completed.returncode != 0 or not (out / "truth" / "journeys.csv").exists():
        pytest.skip(f"demo generator not usable: {completed.stderr[-300:]}")
    return out


def test_classify_corridor_agrees_with_the_generator(demo):
    journeys = pd.read_csv(demo / "truth" / "journeys.csv", dtype=str, keep_default_na=False)
    predicted = [classify_corridor(r, m) for r, m in zip(journeys["route"], journeys["modes"])]
    agreement = (pd.Series(predicted) == journeys["corridor"].reset_index(drop=True)).mean()
    assert agreement > 0.95


def test_extraction_on_generated_narratives(demo):
    from routekit.text.evaluation import evaluate, synth_gold

    evaluation = evaluate(synth_gold(demo))
    assert evaluation.metrics["exact_route"] >= 0.95
