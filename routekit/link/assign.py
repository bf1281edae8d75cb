"""One month and one corridor per person seen by several sources: the documented rule.

- month: the earliest month in which any source saw the person (closest to entry);
- corridor: from the kind of source that saw most of the route and placed the person on a known
  corridor: self-report (IND, police narratives: the whole route) > border observation (KMar:
  the last leg and a short statement) > fingerprint (Eurodac: only the first EU registration
  country, which maps to a corridor coarsely - a Greek registration starts both the Eastern
  Mediterranean and the Western Balkan route); within one kind the earliest record, then the
  source name, decides. A corridor ``other`` (no usable route) is used only when no source gives
  a known corridor.

Why: a corridor is a property of the whole route, so the source that records the whole route
classifies it best. Measured on the demo (scale 1, 2023-01..2025-12; corridor per source against
the generator's truth, persons with a known corridor): IND 0.963, police 0.970, KMar 0.766,
Eurodac 0.657 (Greek registrations of Western Balkan journeys).
"""

from __future__ import annotations

import pandas as pd

KIND_PRIORITY = {"self_reported": 0, "border_observation": 1, "fingerprint": 2}
UNPLACED = "other"


def assign_persons(sightings: pd.DataFrame) -> pd.DataFrame:
    """From sightings (token, month, corridor, source, kind) to one row per token.

    Returns token, month, corridor and one boolean column ``in_<source>`` per source.
    """
    sources = sorted(sightings["source"].unique())
    frame = sightings.assign(
        unplaced=(sightings["corridor"] == UNPLACED).astype(int),
        priority=sightings["kind"].map(KIND_PRIORITY).fillna(len(KIND_PRIORITY)).astype(int),
    )
    month = frame.groupby("token", sort=True)["month"].min()
    best = frame.sort_values(["token", "unplaced", "priority", "month", "source"], kind="stable")
    corridor = best.drop_duplicates("token", keep="first").set_index("token")["corridor"]
    seen = pd.crosstab(frame["token"], frame["source"]).reindex(columns=sources, fill_value=0) > 0
    persons = pd.DataFrame({"month": month, "corridor": corridor.reindex(month.index)})
    for source in sources:
        persons[f"in_{source}"] = seen[source].reindex(month.index).fillna(False).astype(bool)
    return persons.rename_axis("token").reset_index()
