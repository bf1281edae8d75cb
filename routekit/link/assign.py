"""One month and one corridor per person seen by several sources: the documented rule.

- month: the earliest month in which any source saw the person (closest to entry);
- corridor: from the most reliable kind of source that placed the person on a known corridor:
  border observation (KMar) > fingerprint (Eurodac) > self-report (IND, police narratives);
  within one kind the earliest record, then the source name, decides. A corridor ``other``
  (no usable route) is used only when no source gives a known corridor.

Why: border observations are recorded at the moment of crossing and are not self-reported;
the first EU registration of a fingerprint is a fact but maps to a corridor only coarsely;
narratives are detailed but told, often long after arrival.
"""

from __future__ import annotations

import pandas as pd

KIND_PRIORITY = {"border_observation": 0, "fingerprint": 1, "self_reported": 2}
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
