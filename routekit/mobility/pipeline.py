"""The open algorithm end to end: inputs -> engine (one SQL definition) -> redaction -> files.

This is what an operator runs next to its own data; only the files written by
``write_release`` leave the operator, and none of them holds a subscriber token or a count at or
below the threshold.
"""

from __future__ import annotations

import json
import platform
from pathlib import Path

import pandas as pd

import routekit
from routekit.disclosure.rule import Threshold
from routekit.mobility.definition import fingerprint
from routekit.mobility.engines import Resources, make_engine, temp_root
from routekit.mobility.inputs import event_files, read_cells
from routekit.mobility.params import CdrParams
from routekit.mobility.release import Release, build_release

OUTPUT_FILES = ("flows_country.csv", "flows_region.csv", "home_counts.csv", "mobility.csv", "manifest.json")


def compute_indicators(events: str | Path, cells: str | Path, params: CdrParams | None = None,
                       engine: str = "duckdb", resources: Resources | None = None) -> tuple[Release, dict]:
    """Run the definition on ``events`` with ``cells`` and redact the result.

    Returns the release and its manifest (parameters, counts in and out, versions)."""
    params = params or CdrParams()
    resources = resources or Resources()
    temp_root(resources.temp_directory)
    files = event_files(events)
    cell_table = read_cells(cells, integer_ids=files.cell_is_integer)
    runner = make_engine(engine, resources)
    results = runner.run(files, cell_table, params)
    release = build_release(results, cell_table, params.threshold, params.period_months)
    manifest = _manifest(params, runner, files, cell_table, results, release)
    return release, manifest


def _manifest(params: CdrParams, runner, files, cell_table: pd.DataFrame, results: dict,
              release: Release) -> dict:
    event_counts = results["event_counts"]
    accepted = int(event_counts.loc[event_counts["reject_reason"].isna(), "events"].sum())
    rejected = {str(r.reject_reason): int(r.events) for r in event_counts.itertuples() if r.reject_reason is not None}
    subscribers = int(results["subscribers_total"]["subscribers"].iloc[0])

    def table_counts(frame: pd.DataFrame) -> dict:
        return {"rows": len(frame), "published": int((frame["status"] == "published").sum()),
                "suppressed": int((frame["status"] == "suppressed").sum())}

    return {
        "indicator": "night-time home location and flows between regions and countries",
        "software": {"routekit": routekit.__version__, "engine": runner.version(),
                     "python": platform.python_version()},
        "definition_sha256": fingerprint(params),
        "parameters": {
            **params.model_dump(),
            "night_hours": params.night_hours(),
            "night_date_rule": "a night is dated by the day it started: date(timestamp - 12 h)",
            "tie_rule": "most nights, then most night-time events, then latest night, then smallest region code",
            "release_rule": f"a count is published only if it is at least {params.threshold} distinct subscribers",
            "differencing_protection": "secondary suppression over all additive relations between released counts",
        },
        "engine": runner.name,
        "inputs": {
            "event_files": len(files.paths),
            "event_format": files.format,
            "events_read": accepted + sum(rejected.values()),
            "events_used": accepted,
            "events_rejected": rejected,
            "subscribers": subscribers if Threshold(params.threshold).publishes(subscribers) else None,
            "cells": len(cell_table),
            "regions": int(cell_table["region"].nunique()),
            "countries": int(cell_table["country"].nunique()),
        },
        "periods": json.loads(release.totals.to_json(orient="records")),
        "outputs": {
            "flows_country.csv": table_counts(release.flows_country),
            "flows_region.csv": table_counts(release.flows_region),
            "home_counts.csv": table_counts(release.home_counts),
            "counts_suppressed": {"primary": release.suppression["primary"],
                                  "secondary": release.suppression["secondary"],
                                  "published": release.suppression["published"]},
        },
    }


def country_moves(release: Release) -> pd.DataFrame:
    """The country flows that are a change of home country (origin != destination), in the
    column names of the partner contract (``MOBILITY_SCHEMA``): stayers are not movement."""
    flows = release.flows_country
    return (flows[flows["origin"] != flows["destination"]]
            .rename(columns={"origin": "origin_country", "destination": "destination_country"})
            .reset_index(drop=True))


def write_release(release: Release, manifest: dict, out_dir: str | Path) -> list[Path]:
    """Write the released tables and the manifest; returns the paths written."""
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for name, frame in (("flows_country.csv", release.flows_country), ("flows_region.csv", release.flows_region),
                        ("home_counts.csv", release.home_counts)):
        frame.to_csv(out / name, index=False)
        written.append(out / name)
    moves = country_moves(release)
    (moves[moves["status"] == "published"][["month", "origin_country", "destination_country", "subscribers"]]
     .to_csv(out / "mobility.csv", index=False))
    written.append(out / "mobility.csv")
    (out / "manifest.json").write_text(json.dumps(manifest, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    written.append(out / "manifest.json")
    return written
