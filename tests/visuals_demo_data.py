"""Small made-up frames in the shapes the report's charts and maps take (for tests and demos)."""
from __future__ import annotations
import numpy as np
import pandas as pd

MONTHS = [f"2025-{m:02d}" for m in range(1, 10)]
CORRIDORS = ["central_med", "eastern_med", "western_balkans", "air_direct"]
SOURCES = ["kmar", "ind", "police"]


def corridor_trends_frame(seed: int = 1) -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    rows = []
    for c_i, corridor in enumerate(CORRIDORS):
        for m_i, month in enumerate(MONTHS):
            est = 200 + 80 * c_i + 15 * m_i + rng.integers(0, 40)
            rows.append(dict(month=month, corridor=corridor, source="triangulated", count=np.nan,
                             estimate=float(est), lower=est * 0.8, upper=est * 1.25))
            for s_i, source in enumerate(SOURCES):
                rows.append(dict(month=month, corridor=corridor, source=source,
                                 count=float(est * (0.3 - 0.07 * s_i) + rng.integers(0, 10)),
                                 estimate=np.nan, lower=np.nan, upper=np.nan))
    frame = pd.DataFrame(rows)
    # one suppressed cell, as the release stage publishes it: no value
    frame.loc[(frame["source"] == "police") & (frame["corridor"] == "air_direct") & (frame["month"] == "2025-03"), "count"] = np.nan
    return frame


def nationality_frame() -> pd.DataFrame:
    rng = np.random.default_rng(2)
    nats = ["SYR", "AFG", "TUR", "ERI", "MAR", "DZA", "IRQ", "YEM", "SOM", "COL", "NGA"]
    rows = [dict(month=m, corridor=c, nationality=n, count=float(rng.integers(10, 120)))
            for m in MONTHS for c in CORRIDORS for n in nats[:7 + CORRIDORS.index(c)]]
    return pd.DataFrame(rows)


def entry_point_frame() -> pd.DataFrame:
    rng = np.random.default_rng(3)
    eps = ["hazeldonk", "venlo", "oldenzaal", "schiphol", "eindhoven_airport", "rotterdam_port"]
    return pd.DataFrame([dict(month=m, entry_point=e, count=float(rng.integers(10, 150)))
                         for m in MONTHS for e in eps])


def agreement_frame() -> pd.DataFrame:
    rows = []
    for i, c in enumerate(CORRIDORS):
        est = 1000 + 400 * i
        rows.append(dict(corridor=c, source="triangulated", count=np.nan, estimate=est, lower=est * 0.8, upper=est * 1.3))
        for j, s in enumerate(SOURCES):
            rows.append(dict(corridor=c, source=s, count=est * (0.5 - 0.1 * j), estimate=np.nan, lower=np.nan, upper=np.nan))
    return pd.DataFrame(rows)


def safety_frame() -> pd.DataFrame:
    rng = np.random.default_rng(4)
    return pd.DataFrame([dict(month=m, corridor=c, dead=float(rng.integers(0, 60)), missing=float(rng.integers(0, 90)))
                         for m in MONTHS for c in ["central_med", "eastern_med", "western_med", "western_african"]])


def missing_route_frame() -> pd.DataFrame:
    rng = np.random.default_rng(5)
    return pd.DataFrame([dict(month=m, source=s, share=float(rng.uniform(0.05, 0.6))) for m in MONTHS for s in SOURCES])


def interview_lag_frame() -> pd.DataFrame:
    return pd.DataFrame([dict(month=m, median=60.0 + 5 * i, p25=30.0 + 3 * i, p75=110.0 + 8 * i) for i, m in enumerate(MONTHS)])


def legs_frame() -> pd.DataFrame:
    rows = [
        ("central_med", "ERI", "LBY", 900, 700, 1200, "B"), ("central_med", "LBY", "ITA", 1400, 1100, 1800, "B"),
        ("central_med", "ITA", "NLD", 1200, 950, 1500, "A"), ("central_med", "SDN", "LBY", 500, 380, 700, "C"),
        ("eastern_med", "SYR", "TUR", 1600, 1300, 2000, "B"), ("eastern_med", "TUR", "GRC", 1100, 900, 1400, "B"),
        ("eastern_med", "GRC", "NLD", 700, 500, 950, "C"), ("western_balkans", "TUR", "BGR", 800, 600, 1000, "B"),
        ("western_balkans", "BGR", "SRB", 750, 560, 980, "C"), ("western_balkans", "SRB", "HUN", 700, 500, 900, "C"),
        ("western_balkans", "HUN", "AUT", 650, 480, 850, "C"), ("western_balkans", "AUT", "DEU", 640, 470, 830, "B"),
        ("western_balkans", "DEU", "NLD", 900, 700, 1100, "A"), ("air_direct", "MAR", "NLD", 300, 240, 380, "A"),
        ("air_direct", "COL", "NLD", np.nan, np.nan, np.nan, "D"),  # suppressed: must not be drawn
    ]
    return pd.DataFrame(rows, columns=["corridor", "from_country", "to_country", "estimate", "lower", "upper", "grade"])


def entry_counts_frame() -> pd.DataFrame:
    return pd.DataFrame({"entry_point": ["hazeldonk", "venlo", "oldenzaal", "schiphol", "rotterdam_port", "meer"],
                         "count": [420.0, 310.0, 150.0, 880.0, 60.0, np.nan]})


def incidents_frame() -> pd.DataFrame:
    return pd.DataFrame({
        "lat": [33.5, 35.1, 36.9, 28.1, 41.7, 37.2], "lon": [12.5, 14.2, 26.5, -15.4, 26.3, -1.9],
        "dead": [12, 3, 5, 30, 2, 4], "missing": [40, 0, 8, 55, 0, 6],
        "corridor": ["central_med", "central_med", "eastern_med", "western_african", "eastern_land", "western_med"],
        "month": ["2025-03", "2025-04", "2025-05", "2025-06", "2025-02", "2025-07"],
    })
