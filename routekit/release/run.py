"""``release_extract``: a partner's person-level extract in, anonymised aggregates out.

Runs inside the partner's environment. The release directory holds only disclosure-controlled
tables, a manifest and (in ``steward/``) keyed-hash tokens for the data steward. Rejected rows
go to a rejects file next to the input, never into the release.
"""

from __future__ import annotations

import logging
from pathlib import Path

import numpy as np
import pandas as pd

import routekit
from routekit.contracts.release import QUALITY, TABLE_KEYS, ReleaseBundle, ReleaseWriter, file_sha256
from routekit.errors import DisclosureError, InputError
from routekit.disclosure.rule import check_threshold
from routekit.disclosure.tables import CountTable, TableSet, assert_k_anonymous
from routekit.release.extract import (MAX_REJECT_SHARE, Extract, check_reject_share,
                                      check_release_paths, read_extract)
from routekit.release.keys import check_key, load_key, tokens
from routekit.release.structure import SOURCE_TABLES, known_country, structure_records
from routekit.release.tables import build_tables
from routekit.sources.registry import SourceType, get_source

log = logging.getLogger(__name__)

# table name -> columns written before count and status; the output contract (routekit.contracts)
TABLE_FILES = {name: keys for name, keys in TABLE_KEYS.items() if name != "flows"}
QUALITY_COLUMNS = ["month", "records", "with_text", "route_found", "route_not_asked", "unusable",
                   "lag_days_median", "lag_days_p25", "lag_days_p75"]


def release_extract(source: str, input: Path, out: Path, threshold: int = 10, key: bytes | None = None,
                    rejects: Path | None = None, max_reject_share: float | None = MAX_REJECT_SHARE,
                    previous: Path | None = None) -> dict:
    """Release ``input`` into ``out`` as one writer, all or nothing (see ``_release_into``).

    The release is written to a staging folder beside ``out`` and swapped in only when it is
    complete and at most ``max_reject_share`` of the rows were rejected; a second run on the same
    ``out`` waits. A non-empty ``out`` that is not a release, or a rejects file on the input, is
    refused before anything is written.
    """
    from routekit.locking import output_lock, staged

    input, out = Path(input), Path(out)
    rejects = Path(rejects) if rejects is not None else input.with_name(f"{input.stem}.rejects.csv")
    if _inside(rejects, out):
        raise InputError(rejects, "the rejects file may not be written inside the release directory")
    with output_lock(out, log=log.warning):
        check_release_paths(input, out, rejects, source)
        with staged(out) as staging:
            manifest = _release_into(source, input, staging, threshold, key, rejects, previous)
            check_reject_share(manifest, input, rejects, max_reject_share)
    return manifest


def _release_into(source: str, input: Path, out: Path, threshold: int = 10, key: bytes | None = None,
                  rejects: Path | None = None, previous: Path | None = None) -> dict:
    """Release ``input`` (an extract of source ``source``) as aggregates into ``out``.

    ``key`` is the linkage key (default: ``load_key()`` from the environment); ``rejects`` where
    rejected rows go (default ``<input dir>/<input stem>.rejects.csv``); ``previous`` the last
    edition published of this source, so that comparing the two cannot give away a small group
    (``freeze_small_revisions``). Returns the manifest.
    """
    threshold = check_threshold(threshold)
    source_type = get_source(source)
    input, out = Path(input), Path(out)
    rejects = Path(rejects) if rejects is not None else input.with_name(f"{input.stem}.rejects.csv")
    if _inside(rejects, out):
        raise InputError(rejects, "the rejects file may not be written inside the release directory")
    if source_type.name == "mobility":
        return _release_mobility(source_type, input, out, threshold, rejects)
    if source_type.name not in SOURCE_TABLES:
        raise InputError(input, f"source '{source}' has no release recipe")
    key = check_key(key, "key") if key is not None else load_key(None)

    extract = read_extract(source_type, input)
    _write_rejects(extract, rejects)
    if extract.rows.empty:
        raise InputError(input, "no usable rows (all rows rejected; see the rejects file)")
    from routekit.text.review import reviewed_rows

    # an analyst's corrections next to the input ('routekit review import') win over the extraction
    rows, review = reviewed_rows(extract.rows, input, threshold)
    records = structure_records(source_type.name, rows)
    if len(records) < threshold:
        raise DisclosureError(f"{input}: fewer persons than the threshold {threshold}; nothing can be released")
    table_names = SOURCE_TABLES[source_type.name]
    text_source = "quality" in table_names
    tables, margins = build_tables(records, table_names, threshold, month_total_written=text_source)
    protected = TableSet(tables, margins, threshold)
    protected.protect()

    frames, summaries = {}, {}
    for name, columns in TABLE_FILES.items():
        if name not in table_names:
            continue
        frames[name] = protected.result(name)[columns + ["count", "status"]]
        summaries[name] = protected.summary(name)
    if text_source:
        frames[QUALITY], summaries[QUALITY] = _quality(protected, records, threshold)
    if "legs" in frames:
        frames["legs"], extra = protect_leg_complements(frames["legs"], frames["totals"], threshold)
        summaries["legs"]["cells_suppressed_secondary"] += extra
    frozen = freeze_small_revisions(frames, previous, source_type.name, threshold, key) if previous else []
    writer = ReleaseWriter(out)
    writer.clear()
    for name, frame in frames.items():
        if name == QUALITY:
            writer.table(name, frame)
            continue
        columns = TABLE_FILES[name]
        assert_k_anonymous(frame, columns, threshold, f"{source}/{name}")
        writer.table(name, frame.sort_values(columns, kind="stable"))
    token_frame = pd.DataFrame({"token": tokens(records["person"], key),
                                "month": records["month"], "corridor": records["corridor"]})
    writer.tokens(token_frame.sort_values(["token", "month", "corridor"]))

    manifest = _manifest(source_type, input, extract, threshold, records["month"], summaries)
    if review:
        manifest["text_review"] = review
    if previous:
        manifest["previous_edition"] = {"period": ReleaseBundle(previous).data.get("period"),
                                        "months_kept_as_published": frozen}
    manifest = writer.seal(manifest, key)
    log.info("released source %s into %s (%d tables)", source_type.name, out, len(summaries))
    return manifest


def protect_leg_complements(legs: pd.DataFrame, totals: pd.DataFrame, threshold: int) -> tuple[pd.DataFrame, int]:
    """Suppress a published leg whose corridor-month has 1..K-1 persons *without* that leg.

    Legs are multiple-response (a person counts once per leg), so they are outside the table
    set's sums; but a published total minus a published leg is a count of persons too.
    Suppressing the leg leaves only the interval [1, total] for it. Returns the table and the
    number of cells suppressed here.
    """
    total = legs.merge(totals[["month", "corridor", "count"]], on=["month", "corridor"], how="left",
                       suffixes=("", "_total"))["count_total"].astype("Float64").to_numpy(dtype="float64", na_value=np.nan)
    complement = total - legs["count"].to_numpy(dtype="float64", na_value=np.nan)
    small = (legs["status"].to_numpy() == "published") & (complement > 0) & (complement < threshold)
    if not small.any():
        return legs, 0
    legs = legs.copy()
    legs.loc[small, "count"] = pd.NA
    legs.loc[small, "status"] = "suppressed"
    return legs, int(small.sum())


def freeze_small_revisions(frames: dict[str, pd.DataFrame], previous: Path, source: str,
                           threshold: int, key: bytes | None = None) -> list[str]:
    """Keep a month as the previous edition published it when late records would revise one of
    its published cells by 1..K-1 persons (the revision itself would be a small group).

    A month is kept or replaced whole, in every table, so each edition stays consistent with its
    own sums; late records of a kept month are published once every revised cell moves by K or
    more. ``frames`` is changed in place; returns the months kept. Kept months are copied from
    ``previous``, so with the linkage ``key`` its keyed seal is checked first (an edit there
    would otherwise be sealed anew in this release).
    """
    before = ReleaseBundle(previous).verify(threshold, key)
    if before.source != source:
        raise InputError(previous, f"the previous edition is a release of '{before.source}', not '{source}'")
    old = {name: before.table(name) for name in frames if before.has_table(name)}
    months = set(old.get("totals", pd.DataFrame(columns=["month"]))["month"])
    frozen = set()
    for name, frame in frames.items():
        if name not in old:
            continue
        if name == QUALITY:  # one row per month, a figure per column (empty when withheld)
            both = frame.merge(old[name], on="month", how="inner", suffixes=("", "_old"))
            for column in QUALITY_COLUMNS[1:6]:
                change = (both[column].astype("float64") - both[f"{column}_old"].astype("float64")).abs()
                frozen |= set(both.loc[(change > 0) & (change < threshold), "month"])
            continue
        both = frame.merge(old[name], on=TABLE_FILES[name], how="inner", suffixes=("", "_old"))
        both = both[(both["status"] == "published") & (both["status_old"] == "published")]
        change = (both["count"].astype("float64") - both["count_old"].astype("float64")).abs()
        frozen |= set(both.loc[(change > 0) & (change < threshold), "month"])
    frozen &= months
    for name in frames:
        if name in old and frozen:
            kept = old[name][old[name]["month"].isin(frozen)]
            fresh = frames[name][~frames[name]["month"].isin(frozen)]
            if name == QUALITY:
                kept = kept.astype({c: "Int64" for c in QUALITY_COLUMNS[1:] if c in kept.columns})
            else:
                kept = kept.astype({"count": "Int64"})
            frames[name] = pd.concat([kept, fresh], ignore_index=True)[list(frames[name].columns)] \
                .sort_values(["month", *(TABLE_FILES.get(name, ["month"])[1:])], kind="stable").reset_index(drop=True)
    return sorted(frozen)


def _quality(protected: TableSet, records: pd.DataFrame, threshold: int) -> tuple[pd.DataFrame, dict]:
    """The wide quality table: month totals, text and route status counts, interview lag."""
    records_frame = protected.result("month_total").set_index("month")["count"].rename("records")
    route = protected.result("quality_route").pivot(index="month", columns="route_status", values="count")
    text = protected.result("quality_text").pivot(index="month", columns="has_text", values="count")
    quality = pd.concat([records_frame, text["yes"].rename("with_text"),
                         route["found"].rename("route_found"), route["not_asked"].rename("route_not_asked"),
                         route["unusable"].rename("unusable")], axis=1)
    lags = records.dropna(subset=["lag_days"]).groupby("month")["lag_days"]
    sizes = lags.size()
    for name, q in (("lag_days_median", 0.5), ("lag_days_p25", 0.25), ("lag_days_p75", 0.75)):
        values = lags.quantile(q).round().astype("Int64")
        # an order statistic of fewer than K persons could be one person's value
        values[sizes.reindex(values.index, fill_value=0) < threshold] = pd.NA
        quality[name] = values.reindex(quality.index).astype("Int64")
    quality = quality.reset_index().rename(columns={"index": "month"})[QUALITY_COLUMNS]
    summaries = [protected.summary(name) for name in ("month_total", "quality_route", "quality_text")]
    summary = {
        "rows": int(len(quality)),
        "cells_generalised": 0,
        "cells_suppressed_primary": sum(s["cells_suppressed_primary"] for s in summaries),
        "cells_suppressed_secondary": sum(s["cells_suppressed_secondary"] for s in summaries),
        "generalised": [],
    }
    return quality.sort_values("month"), summary


def _release_mobility(source_type: SourceType, input: Path, out: Path, threshold: int, rejects: Path) -> dict:
    """Operator aggregates: check the threshold, suppress what is below it, pass flows through."""
    extract = read_extract(source_type, input)
    _write_rejects(extract, rejects)
    rows = extract.rows
    if rows.empty:
        raise InputError(input, "no usable rows (all rows rejected; see the rejects file)")
    flows = pd.DataFrame({"month": rows["month"], "origin_country": known_country(rows["origin_country"]),
                          "destination_country": known_country(rows["destination_country"]),
                          "count": rows["subscribers"].astype("int64")})
    dims = ["month", "origin_country", "destination_country"]
    flows = flows.groupby(dims, sort=True)["count"].sum().reset_index()
    flows = flows[flows["count"] > 0]
    protected = TableSet([CountTable("flows", flows, dims)], [], threshold)
    protected.protect()
    frame = protected.result("flows")
    assert_k_anonymous(frame, dims, threshold, f"{source_type.name}/flows")
    writer = ReleaseWriter(out)
    writer.clear()
    writer.table("flows", frame.sort_values(dims))
    summary = protected.summary("flows")
    summary["generalised"] = []
    if summary["cells_suppressed_primary"]:
        log.warning("mobility extract had cells below the threshold; they were suppressed")
    manifest = _manifest(source_type, input, extract, threshold, rows["month"], {"flows": summary})
    return writer.seal(manifest, None)


def _manifest(source_type: SourceType, input: Path, extract: Extract, threshold: int,
              months: pd.Series, tables: dict) -> dict:
    reasons = extract.rejects["reason"].value_counts().sort_index() if len(extract.rejects) else pd.Series(dtype=int)
    return {
        "source": source_type.name,
        "partner": source_type.partner,
        "kind": source_type.kind,
        "purpose": source_type.purpose,
        "legal_basis": source_type.legal_basis,
        "period": {"start": str(months.min()), "end": str(months.max())},
        "threshold": threshold,
        "rows_in": int(extract.rows_in),
        "rows_used": int(len(extract.rows)),
        "rows_rejected": int(len(extract.rejects)),
        "rejected_reasons": {str(reason): int(n) for reason, n in reasons.items()},
        "input_sha256": file_sha256(input),
        "routekit_version": routekit.__version__,
        "tables": tables,
    }


def _inside(path: Path, directory: Path) -> bool:
    try:
        path.resolve().relative_to(directory.resolve())
        return True
    except ValueError:
        return False


def _write_rejects(extract: Extract, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    extract.rejects.to_csv(path, index=False, lineterminator="\n")


