"""One seeded run of the demo world: journeys -> capture -> extracts, texts and mobility.

Every stage draws from its own child of ``numpy.random.SeedSequence(seed)``, so a change in one
stage (say, a new phrasing) does not change the journeys or the capture flags of the same seed.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from routekit.errors import ParamError
from routekit.synth.capture import capture
from routekit.synth.extracts import build_extracts
from routekit.synth.mobility import departure_dates, mobility_indicators, time_legs
from routekit.synth.population import month_range, simulate_journeys

JOURNEY_COLUMNS = ["journey_id", "v_number", "nationality", "corridor", "route", "modes", "entry_date",
                   "entry_month", "entry_point", "smuggler", "cost_eur", "in_kmar", "in_ind", "in_police",
                   "in_eurodac", "variant", "first_dublin_country"]


@dataclass
class Population:
    """Everything one run produces, in memory. ``journeys`` is the truth incl. capture flags.

    ``journeys_full`` keeps the per-person detail (source dates, sex, birth date) the writers and
    tests use; ``journeys`` has the documented truth columns with dates as YYYY-MM-DD strings.
    """

    journeys: pd.DataFrame
    kmar: pd.DataFrame
    ind: pd.DataFrame
    police: pd.DataFrame
    eurodac: pd.DataFrame
    mobility: pd.DataFrame
    narratives: pd.DataFrame
    shocks: pd.DataFrame
    corridor_month: pd.DataFrame
    canaries: pd.DataFrame
    mobility_migrants: pd.DataFrame
    journeys_full: pd.DataFrame = field(repr=False)
    params: dict = field(default_factory=dict)


def _shock_frame(placed: list[dict], months: pd.PeriodIndex) -> pd.DataFrame:
    """One row per affected month for surges; the first month of the new route for shifts."""
    labels = months.astype(str)
    rows = []
    for item in placed:
        shock = item["shock"]
        last = item["first"] if shock.kind == "shift" else item["last"]
        magnitude = shock.factor if shock.kind == "surge" else shock.share
        for index in range(item["first"], last + 1):
            rows.append({"period": labels[index], "corridor": shock.corridor, "kind": shock.kind,
                         "magnitude": magnitude, "description": shock.description})
    frame = pd.DataFrame(rows, columns=["period", "corridor", "kind", "magnitude", "description"])
    return frame.sort_values(["period", "corridor", "kind"], kind="stable").reset_index(drop=True)


def simulate(seed: int, start: str, end: str, scale: float = 1.0, *, texts: bool = True) -> Population:
    """Simulate journeys towards NL between ``start`` and ``end`` (YYYY-MM) and what each source sees.

    ``scale`` multiplies the volumes (1 = about 2,000 journeys a month). ``texts=False`` skips the
    free text (narratives truth and canaries are then empty) for fast repeated runs; journeys,
    flags and structured columns are identical either way.
    """
    if not isinstance(scale, (int, float)) or not scale > 0:
        raise ParamError("scale", scale, "must be a positive number")
    months = month_range(start, end)
    root = np.random.SeedSequence(int(seed))
    journey_seed, capture_seed, extract_seed, leg_seed, mobility_seed = root.spawn(5)
    journeys, corridor_month, placed = simulate_journeys(np.random.default_rng(journey_seed), months, scale)
    captured = capture(np.random.default_rng(capture_seed), journeys)
    legs = time_legs(np.random.default_rng(leg_seed), captured)
    departure = departure_dates(legs).reindex(range(len(captured)))
    captured["departure_date"] = departure.fillna(captured["entry_date"].reset_index(drop=True)).to_numpy()
    extracts = build_extracts(extract_seed, captured, texts=texts)
    mobility, migrants = mobility_indicators(np.random.default_rng(mobility_seed), captured, legs, months)

    truth = captured[JOURNEY_COLUMNS].copy()
    truth["entry_date"] = truth["entry_date"].dt.strftime("%Y-%m-%d")
    return Population(
        journeys=truth, kmar=extracts["kmar"], ind=extracts["ind"], police=extracts["police"],
        eurodac=extracts["eurodac"], mobility=mobility, narratives=extracts["narratives"],
        shocks=_shock_frame(placed, months), corridor_month=corridor_month, canaries=extracts["canaries"],
        mobility_migrants=migrants, journeys_full=captured,
        params={"seed": int(seed), "start": str(months[0]), "end": str(months[-1]), "scale": float(scale)},
    )
