"""The mobility source as a partner release: the open algorithm's result in the release contract.

``routekit.estimate`` and the report read every source from ``releases/<source>/``: a
``manifest.json`` and ``tables/*.csv`` with ``count`` and ``status`` (routekit/release/README.md).
For the mobility source the operator runs the open algorithm next to its call detail records;
``release_mobility`` writes the redacted result in that contract:

- ``tables/flows.csv``: month, origin_country, destination_country, count, status - the changes
  of home country between consecutive months (the operator's ``flows_country`` without stayers),
  a suppressed row with an empty count;
- ``manifest.json``: source, kind, period, threshold, events in/used/rejected, the suppression
  summary of the table, and the operator's own manifest under ``cdr``;
- ``operator/``: the files ``routekit cdr`` writes, unchanged, for audit.

The operator's K is never below 16 (FlowKit's "more than 15"), whatever the steward's K.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

import routekit
from routekit.disclosure.equations import SECONDARY
from routekit.mobility.engines import Resources
from routekit.mobility.params import DEFAULT_THRESHOLD, CdrParams
from routekit.mobility.pipeline import compute_indicators, country_moves, write_release

FLOW_KEYS = ["month", "origin_country", "destination_country"]


def release_mobility(events: str | Path, cells: str | Path, out: str | Path, threshold: int,
                     params: CdrParams | None = None, resources: Resources | None = None,
                     note: dict | None = None) -> dict:
    """Run the open algorithm (DuckDB) on ``events`` and write a partner release into ``out``.

    ``threshold`` is the steward's K; the operator publishes a count only if it is at least
    ``max(threshold, 16)``. ``note`` (e.g. the scale of demo data) is kept in the manifest.
    Returns the manifest."""
    from routekit.contracts import ReleaseWriter
    from routekit.digests import combine, file_digest, tree_digest
    from routekit.disclosure.rule import Threshold
    from routekit.disclosure.tables import assert_k_anonymous
    from routekit.sources.registry import get_source

    operator_threshold = Threshold.of(threshold).at_least(DEFAULT_THRESHOLD).k
    params = (params or CdrParams()).model_copy(update={"threshold": operator_threshold})
    out = Path(out)
    resources = resources or Resources(temp_directory=str(out.parent / f".{out.name}-spill"))
    try:
        release, cdr_manifest = compute_indicators(events, cells, params, engine="duckdb", resources=resources)
    finally:
        _remove_empty(resources.temp_directory)
    writer = ReleaseWriter(out)
    writer.clear()
    write_release(release, cdr_manifest, writer.operator_folder())

    moves = country_moves(release).rename(columns={"subscribers": "count"})
    flows = moves[[*FLOW_KEYS, "count", "status"]].sort_values(FLOW_KEYS, kind="stable")
    assert_k_anonymous(flows, FLOW_KEYS, operator_threshold, "mobility/flows")
    writer.table("flows", flows)

    source = get_source("mobility")
    inputs = cdr_manifest["inputs"]
    months = flows["month"] if len(flows) else pd.Series([p["month"] for p in cdr_manifest["periods"]])
    manifest = {
        "source": source.name,
        "partner": source.partner,
        "kind": source.kind,
        "purpose": source.purpose,
        "legal_basis": source.legal_basis,
        "period": {"start": str(months.min()), "end": str(months.max())},
        "threshold": operator_threshold,
        "rows_in": inputs["events_read"],
        "rows_used": inputs["events_used"],
        "rows_rejected": inputs["events_read"] - inputs["events_used"],
        "rejected_reasons": inputs["events_rejected"],
        "input_sha256": combine(tree_digest(Path(events)), file_digest(Path(cells))),
        "routekit_version": routekit.__version__,
        "tables": {"flows": _summary(flows, release, params.period_months)},
        "cdr": cdr_manifest,
    }
    if note:
        manifest["note"] = note
    return writer.seal(manifest, None)  # sealed: file digests, no tokens so no key


def _summary(flows: pd.DataFrame, release, period_months: int) -> dict:
    """Rows and suppressions of the flows table, split like the other sources' releases."""
    suppressed = flows[flows["status"] != "published"]
    secondary = 0
    for row in suppressed.itertuples(index=False):  # the frame has month labels, the status periods
        year, month = (int(part) for part in row.month.split("-"))
        period = (year * 12 + month - 1) // period_months
        key = ("flow_country", period, row.origin_country, row.destination_country)
        secondary += release.status.get(key) == SECONDARY
    return {"rows": len(flows), "cells_generalised": 0,
            "cells_suppressed_primary": len(suppressed) - secondary,
            "cells_suppressed_secondary": secondary, "generalised": []}


def _remove_empty(folder: str | None) -> None:
    if folder and Path(folder).is_dir() and not any(Path(folder).iterdir()):
        Path(folder).rmdir()
