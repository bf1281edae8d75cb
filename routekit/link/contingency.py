"""``link_releases``: per month x corridor, persons per combination of sources, disclosure-controlled.

The table is what multiple-systems estimation needs: for every stratum, how many persons were
seen by exactly each combination of sources (the all-zero combination is the unseen population
to estimate, so it is not a row). Every combination of a stratum is written, zeros included,
so a missing row never has to be guessed. Counts follow the same rule as a release: a cell in
1..K-1 is suppressed, and secondary suppression protects it against the stratum totals and the
number of persons (treated as known, to be safe).
"""

from __future__ import annotations

import itertools
import logging
from pathlib import Path

import pandas as pd

import routekit
from routekit.contracts import LinkWriter, ReleaseBundle, check_same_key
from routekit.errors import DisclosureError, InputError
from routekit.link.assign import assign_persons
from routekit.release.keys import check_key, load_key
from routekit.disclosure.rule import check_threshold
from routekit.disclosure.tables import CountTable, Margin, TableSet, assert_k_anonymous

log = logging.getLogger(__name__)


def read_sightings(release_dirs: list[Path], threshold: int | None = None,
                   key: bytes | None = None) -> tuple[pd.DataFrame, list[dict], bytes]:
    """Tokens of every release with the source name and kind from its manifest.

    Every release is verified first (sealed, unchanged, made for ``threshold``), and all must
    share one linkage key: tokens under different keys never match, so each person would be
    counted once per source. Then the steward's ``key`` (default: ``load_key()``, the
    environment) checks each keyed seal: an edit whose sha256 digests were recomputed is refused.
    Returns the sightings, the manifests and the key. The key is asked for only after the checks
    anyone can make, so a plainly edited file is named even where no key is set.
    """
    bundles = []
    for directory in map(Path, release_dirs):
        bundle = ReleaseBundle(directory).verify(threshold)
        if any(b.source == bundle.source for b in bundles):
            raise InputError(directory, f"source '{bundle.source}' is given twice")
        if not bundle.has_tokens:
            bundle.tokens()  # raises: names the missing token file
        bundles.append(bundle)
    if len(bundles) < 2:
        raise InputError(", ".join(map(str, release_dirs)) or "(none)", "linkage needs at least two releases")
    check_same_key(bundles)
    key = load_key(None) if key is None else check_key(key)
    for bundle in bundles:
        bundle.verify_seal(key)
    frames = [b.tokens().assign(source=b.source, kind=b.kind) for b in bundles]
    manifests = [b.manifest.model_dump(mode="json") for b in bundles]
    return pd.concat(frames, ignore_index=True), manifests, key


def contingency_counts(persons: pd.DataFrame, sources: list[str]) -> pd.DataFrame:
    """Persons per month x corridor x combination of sources, every combination of a stratum."""
    flags = [f"in_{s}" for s in sources]
    counts = persons.groupby(["month", "corridor", *flags], sort=True).size().rename("count")
    strata = persons[["month", "corridor"]].drop_duplicates().sort_values(["month", "corridor"])
    patterns = [p for p in itertools.product([1, 0], repeat=len(sources)) if any(p)]
    grid = pd.MultiIndex.from_tuples(
        [(m, c, *map(bool, p)) for m, c in strata.itertuples(index=False) for p in patterns],
        names=["month", "corridor", *flags])
    frame = counts.reindex(grid, fill_value=0).reset_index()
    frame[flags] = frame[flags].astype(int)
    return frame


def link_releases(release_dirs: list[Path], out: Path, threshold: int = 10, key: bytes | None = None) -> dict:
    """Link the token files of ``release_dirs`` and write ``out``/contingency.csv and manifest.json.

    ``key`` is the linkage key the steward shares with the partners (default: the environment
    variable, ``routekit.release.load_key``); every release's keyed seal is checked with it and
    the link is sealed with it.
    """
    threshold = check_threshold(threshold)
    sightings, manifests, key = read_sightings(release_dirs, threshold, key)
    sources = sorted(m["source"] for m in manifests)
    persons = assign_persons(sightings)
    if len(persons) < threshold:
        raise DisclosureError(f"fewer persons than the threshold {threshold}; nothing can be linked")
    _warn_disjoint(persons, sources)
    flags = [f"in_{s}" for s in sources]
    counts = contingency_counts(persons, sources)
    strata = counts.groupby(["month", "corridor"], sort=True)["count"].sum().reset_index()
    protected = TableSet(
        [CountTable("persons", pd.DataFrame({"count": [len(persons)], "hidden": [True]}), []),
         CountTable("strata", strata.assign(hidden=True), ["month", "corridor"]),
         CountTable("contingency", counts, ["month", "corridor", *flags])],
        [Margin("persons", "strata", ()), Margin("strata", "contingency", ("month", "corridor"))],
        threshold)
    protected.protect()
    table = protected.result("contingency")
    assert_k_anonymous(table, ["month", "corridor", *flags], threshold, "link/contingency")
    summary = protected.summary("contingency")
    manifest = {
        "sources": sources,
        "releases": [{"source": m["source"], "kind": m.get("kind"), "period": m.get("period"),
                      "input_sha256": m.get("input_sha256")} for m in sorted(manifests, key=lambda m: m["source"])],
        "key_fingerprint": next((m["key_fingerprint"] for m in manifests if m.get("key_fingerprint")), None),
        "threshold": threshold,
        "persons": int(len(persons)),
        "period": {"start": str(persons["month"].min()), "end": str(persons["month"].max())},
        "cells": int(summary["rows"]),
        "cells_published": int((table["status"] == "published").sum()),
        "cells_suppressed": int((table["status"] == "suppressed").sum()),
        "cells_suppressed_primary": summary["cells_suppressed_primary"],
        "cells_suppressed_secondary": summary["cells_suppressed_secondary"],
        "assignment": {
            "month": "earliest month in which any source saw the person",
            "corridor": "from the source kind that saw most of the route with a known corridor: "
                        "self_reported > border_observation > fingerprint; then earliest month, then source name; "
                        "'other' only if no source gives a known corridor",
        },
        "routekit_version": routekit.__version__,
    }
    LinkWriter(Path(out)).write(table, manifest, key)
    log.info("linked %d releases into %s", len(sources), out)
    return manifest


def _warn_disjoint(persons: pd.DataFrame, sources: list[str]) -> None:
    """A source that shares nobody with any other usually means a release made with another key."""
    flags = persons[[f"in_{s}" for s in sources]].to_numpy()
    shared = flags[flags.sum(axis=1) >= 2].any(axis=0)
    for source, linked in zip(sources, shared):
        if not linked:
            log.warning("source %s shares no person with any other source: was it released with the "
                        "same linkage key?", source)
