"""routekit.synth: files, reproducibility, schemas and truth consistency."""

from __future__ import annotations

import filecmp
from pathlib import Path

import pandas as pd
import pytest
from typer.testing import CliRunner

from routekit.errors import ParamError
from routekit.reference import corridor_ids, entry_points
from routekit.sources.partners import EURODAC_SCHEMA, IND_SCHEMA, KMAR_SCHEMA, MOBILITY_SCHEMA, POLICE_SCHEMA
from routekit.synth import generate, simulate

ARGS = dict(seed=11, start="2024-01", end="2024-06", scale=0.2)
FILES = ["partners/kmar.csv", "partners/ind.csv", "partners/police.csv", "partners/eurodac.csv",
         "partners/mobility.csv", "truth/journeys.csv", "truth/corridor_month.csv", "truth/narratives.csv",
         "truth/shocks.csv", "truth/canaries.csv", "README.md"]


# one worker runs this module, so its module-scoped fixture is built once, not once per worker
pytestmark = pytest.mark.xdist_group("synth_output")


@pytest.fixture(scope="module")
def written(tmp_path_factory) -> Path:
    return generate(tmp_path_factory.mktemp("synth") / "a", **ARGS)


def test_all_files_written(written):
    for name in FILES:
        assert (written / name).is_file(), name


def test_same_seed_same_bytes_and_other_seed_differs(written, tmp_path):
    again = generate(tmp_path / "b", **ARGS)
    for name in FILES:
        assert filecmp.cmp(written / name, again / name, shallow=False), name
    other = generate(tmp_path / "c", **{**ARGS, "seed": 12})
    assert not filecmp.cmp(written / "truth/journeys.csv", other / "truth/journeys.csv", shallow=False)
    assert not filecmp.cmp(written / "partners/ind.csv", other / "partners/ind.csv", shallow=False)


def test_partner_extracts_match_the_contract(written):
    for name, schema in (("kmar", KMAR_SCHEMA), ("ind", IND_SCHEMA), ("police", POLICE_SCHEMA),
                         ("eurodac", EURODAC_SCHEMA)):
        frame = pd.read_csv(written / "partners" / f"{name}.csv", dtype=str, keep_default_na=False)
        assert len(frame) > 0, name
        schema.validate(frame)
    mobility = pd.read_csv(written / "partners/mobility.csv", dtype={"subscribers": int}, keep_default_na=False)
    MOBILITY_SCHEMA.validate(mobility)
    assert (mobility["subscribers"] > 15).all()
    kmar = pd.read_csv(written / "partners/kmar.csv", dtype=str, keep_default_na=False)
    assert set(kmar["crossing_point"]) <= set(entry_points().index)


def test_truth_is_consistent_with_extracts(written):
    journeys = pd.read_csv(written / "truth/journeys.csv", dtype=str, keep_default_na=False)
    assert journeys["v_number"].str.fullmatch(r"\d{10}").all()
    assert journeys["v_number"].is_unique
    for source in ("kmar", "ind", "police", "eurodac"):
        extract = pd.read_csv(written / "partners" / f"{source}.csv", dtype=str, keep_default_na=False)
        flagged = set(journeys.loc[journeys[f"in_{source}"] == "1", "v_number"])
        assert set(extract["v_number"]) == flagged, source
        assert extract["v_number"].is_unique
        # record ids are not derived from the v-number
        assert not extract["record_id"].str.contains(r"\d{10}").any()
    corridor_month = pd.read_csv(written / "truth/corridor_month.csv", dtype={"true_count": int}, keep_default_na=False)
    counted = journeys.groupby(["entry_month", "corridor"]).size()
    truth = corridor_month.set_index(["period", "corridor"])["true_count"]
    assert truth.sum() == len(journeys)
    assert (counted.reindex(truth.index, fill_value=0) == truth).all()
    assert set(corridor_month["corridor"]) <= set(corridor_ids())
    assert len(corridor_month) == 6 * corridor_month["corridor"].nunique()


def test_routes_are_well_formed(written):
    journeys = pd.read_csv(written / "truth/journeys.csv", dtype=str, keep_default_na=False)
    points = entry_points()
    for row in journeys.itertuples():
        stops = row.route.split(">")
        assert stops[0] == row.nationality and stops[-1] == "NLD"
        assert len(set(stops)) == len(stops)
        assert len(row.modes.split(">")) == len(stops) - 1
        assert row.entry_month == row.entry_date[:7]
        last_mode = row.modes.split(">")[-1]
        kind = points.at[row.entry_point, "crossing_type"]
        if last_mode == "plane":
            assert kind == "air"
        else:
            assert kind == "land" and points.at[row.entry_point, "neighbour"] == stops[-2]


def test_eurodac_needs_dublin_registration_and_nl_fingerprints(written):
    journeys = pd.read_csv(written / "truth/journeys.csv", dtype=str, keep_default_na=False)
    hits = journeys[journeys["in_eurodac"] == "1"]
    assert ((hits["in_ind"] == "1") | (hits["in_kmar"] == "1")).all()
    assert (hits["first_dublin_country"] != "").all()
    assert not hits["corridor"].isin(["air_direct", "air_indirect"]).any()
    eurodac = pd.read_csv(written / "partners/eurodac.csv", dtype=str, keep_default_na=False)
    merged = eurodac.merge(journeys, on="v_number")
    assert (merged["first_registration_country"] == merged["first_dublin_country"]).all()
    both = journeys[(journeys["in_ind"] == "1") & (journeys["in_police"] == "1")]
    assert both.empty  # the police source holds only persons outside the asylum procedure


def test_source_dates_follow_entry():
    population = simulate(5, "2024-01", "2024-03", 0.2, texts=False)
    full = population.journeys_full
    kmar = full[full["in_kmar"] == 1]
    assert (kmar["kmar_date"] == kmar["entry_date"]).all()
    ind = full[full["in_ind"] == 1]
    assert (ind["application_date"] >= ind["entry_date"]).all()
    assert (ind["interview_date"] > ind["application_date"]).all()
    police = full[full["in_police"] == 1]
    assert (police["police_date"] > police["entry_date"]).all()


def test_shocks_are_listed_and_visible(tmp_path):
    population = simulate(3, "2023-01", "2025-12", 0.5, texts=False)
    shocks = population.shocks
    assert {"surge", "shift"} <= set(shocks["kind"])
    cm = population.corridor_month
    surge = shocks[(shocks["kind"] == "surge") & (shocks["corridor"] == "eastern_land")]
    series = cm[cm["corridor"] == "eastern_land"].set_index("period")["true_count"]
    inside = series[series.index.isin(surge["period"])].mean()
    outside = series[~series.index.isin(surge["period"])].mean()
    assert inside > 1.8 * outside
    shift = shocks[shocks["kind"] == "shift"].iloc[0]
    balkans = population.journeys[population.journeys["corridor"] == "western_balkans"]
    hungary = balkans["route"].str.contains("SRB>HUN")
    before = hungary[balkans["entry_month"] < shift["period"]].mean()
    after = hungary[balkans["entry_month"] >= shift["period"]].mean()
    assert after < before / 2
    assert balkans.loc[balkans["entry_month"] >= shift["period"], "route"].str.contains("HRV>SVN").mean() > 0.5


def test_bad_period_is_a_one_line_error():
    with pytest.raises(ParamError, match="start"):
        simulate(1, "2023-13", "2024-01")
    with pytest.raises(ParamError, match="end"):
        simulate(1, "2024-02", "2024-01")
    with pytest.raises(ParamError, match="YYYY-MM"):
        simulate(1, "2024/01", "2024-03")


def test_synth_command_writes_files(tmp_path):
    import typer

    from routekit.synth.commands import synth

    app = typer.Typer()
    app.command()(synth)
    result = CliRunner().invoke(app, ["--out", str(tmp_path / "o"), "--seed", "3", "--start", "2024-01",
                                      "--end", "2024-02", "--scale", "0.1"])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "o" / "truth" / "journeys.csv").is_file()
    bad = CliRunner().invoke(app, ["--out", str(tmp_path / "p"), "--start", "2024-05", "--end", "2024-01"])
    assert isinstance(bad.exception, ParamError)
