"""estimate_strata with complete registrations and a shared list: corridors estimated together from
a suppressed link table, and the roles read from the source registry."""

from __future__ import annotations

from types import SimpleNamespace

import numpy as np
import pandas as pd

from routekit.contracts.notes import english, loads
from routekit.errors import RoutekitError
from routekit.estimate import population
from routekit.estimate.population import estimate_strata, source_roles
from routekit.synth.validation import link_from_journeys


def journeys(seed: int = 3) -> pd.DataFrame:
    """Two corridors x 12 months; applying follows a KMar apprehension, police meet only
    non-applicants; corridor b is small."""
    rng = np.random.default_rng(seed)
    frames = []
    for corridor, size, p_kmar in (("central_med", 900, 0.25), ("eastern_land", 60, 0.03)):
        for month in pd.period_range("2024-01", "2024-12", freq="M"):
            n = rng.poisson(size)
            kmar = rng.random(n) < p_kmar
            odds = np.where(kmar, 4.0, 1.0)
            ind = rng.random(n) < odds / (1 + odds)
            police = (rng.random(n) < 0.25) & ~ind
            frames.append(pd.DataFrame({"entry_month": str(month), "corridor": corridor, "in_ind": ind.astype(int),
                                        "in_kmar": kmar.astype(int), "in_police": police.astype(int)}))
    return pd.concat(frames, ignore_index=True)


def test_corridors_share_the_police_rate_and_every_month_is_estimated():
    people = journeys()
    link = link_from_journeys(people, threshold=10, sources=["ind", "kmar", "police"])
    frame, draws, structure = estimate_strata(link, n_boot=49, complete=["ind"], shared=["police"])
    assert structure["structural_zeros"] == [("ind", "police")]
    assert structure["complete"] == ["ind"] and structure["shared"] == ["police"]
    assert len(frame) == 24 and (frame["grade"] != "not_estimable").all()
    assert frame["note"].str.contains("ind taken as complete registration").all()
    assert frame["note"].str.contains("police taken to see persons at a similar rate").all()
    codes = frame["note_codes"].map(loads)  # the same notes as codes with values, for the report
    assert [english(notes) for notes in codes] == frame["note"].tolist()
    assert all({"complete_registration", "shared_rate"} <= {n.code for n in notes} for notes in codes)
    # one joint model: the bootstrap draws of all corridors and months come from the same replicates
    assert len({len(d) for d in draws.values()}) == 1
    truth = people.groupby(["entry_month", "corridor"]).size().rename("truth").reset_index()
    merged = frame.merge(truth, left_on=["period", "corridor"], right_on=["entry_month", "corridor"])
    covered = (merged["lower"] <= merged["truth"]) & (merged["truth"] <= merged["upper"])
    assert covered.mean() >= 0.8
    assert (merged["lower"] >= merged["observed_lower"] - 1e-6).all()


def test_without_a_shared_list_each_corridor_stands_alone():
    link = link_from_journeys(journeys(), threshold=10, sources=["ind", "kmar", "police"])
    frame, _, structure = estimate_strata(link, n_boot=49, complete=["ind"], shared=[])
    assert structure["shared"] == []
    assert not frame["note"].str.contains("similar rate").any()
    thin = frame[frame["corridor"] == "eastern_land"]
    assert (thin["grade"] == "not_estimable").all()  # its lists barely overlap outside the IND
    assert thin["note"].str.contains("too few persons seen by two or more sources outside ind").all()


def test_the_roles_come_from_the_source_registry(monkeypatch):
    declared = {"ind": SimpleNamespace(complete_for="asylum applicants", route_independent=False),
                "police": SimpleNamespace(complete_for="", route_independent=True),
                "kmar": SimpleNamespace()}

    def get_source(name):
        if name not in declared:
            raise RoutekitError(f"unknown source '{name}'")
        return declared[name]

    monkeypatch.setattr("routekit.sources.get_source", get_source)
    assert source_roles(["ind", "kmar", "police", "elsewhere"]) == {"complete": ["ind"], "shared": ["police"]}
    assert population.SPREAD == 2.0
