"""The steward's workspace for one data directory, and the steps that fill it.

Layout of a data directory (``params.data_dir``)::

    partners/<source>.csv          person-level extracts (demo only: in reality each partner
                                   keeps these inside its own environment)
    partners/mobility_cdr/         the mobile operator's call detail records (events/*.parquet,
                                   cells.csv); for demo data written by ``routekit synth``
    truth/                         demo ground truth - never read by the report
    steward/k<K>/releases/<source>/   what each partner released (aggregates, manifest, tokens)
    steward/k<K>/link/             the steward's de-duplicated contingency tables
    steward/k<K>/estimates/<key>/  triangulated estimates for one period and baseline

A steward who receives releases from partners puts them in ``steward/k<K>/releases/`` and has no
``partners/`` folder; then only link and estimate run. Each step is skipped when a stamp shows
its inputs and routekit's code are unchanged.
"""

from __future__ import annotations

import os
import secrets
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from routekit.contracts import BundleError, EstimateBundle, LinkBundle, ReleaseBundle, check_same_key, key_fingerprint
from routekit.errors import RoutekitError
from routekit.periods import Period
from routekit.cache import InPlace, key as cache_key
from routekit.digests import combine, file_digest, tree_digest

KEY_ENV = "ROUTEKIT_LINK_KEY"


@dataclass(frozen=True)
class Workspace:
    root: Path
    threshold: int

    @property
    def partners(self) -> Path:
        return self.root / "partners"

    @property
    def steward(self) -> Path:
        return self.root / "steward" / f"k{self.threshold}"

    @property
    def releases(self) -> Path:
        return self.steward / "releases"

    @property
    def link(self) -> Path:
        return self.steward / "link"

    def estimates(self, key: str) -> Path:
        return self.steward / "estimates" / key

    def release_dirs(self, sources: list[str]) -> list[Path]:
        return [self.releases / s for s in sources if ReleaseBundle.is_release(self.releases / s)]

    def bundles(self, sources: list[str]) -> list[ReleaseBundle]:
        """The releases of ``sources`` present here, each verified (sealed, unchanged, this
        workspace's threshold) and all made under one linkage key; refuses by bundle and file.
        Where the steward's key is at hand (``steward_key``) each keyed seal is checked too."""
        key = steward_key(self.root)
        bundles = [ReleaseBundle(d).verify(self.threshold, key) for d in self.release_dirs(sources)]
        for bundle in bundles:  # releases/<source>/ holds that source's release, not one copied there
            if bundle.source != bundle.path.name:
                raise BundleError(bundle.path, "manifest.json", f"a release of '{bundle.source}' in the folder of "
                                                                f"'{bundle.path.name}'")
        check_same_key(bundles)
        return bundles


def _run_step(out: Path, digest: str, step: Callable[[], object], label: str, log) -> bool:
    """Run ``step`` unless ``out`` is fresh for ``digest`` (``cache.InPlace``); True when it ran."""
    started = time.perf_counter()
    ran = InPlace(out).make(digest, step)
    log(f"{label}: {time.perf_counter() - started:.1f} s" if ran else f"[dim]{label}: unchanged, reused[/]")
    return ran


def demo_key(root: Path) -> bytes:
    """The linkage key: from the environment, else a per-workspace demo key kept outside git.

    The key never appears in any output, log or cache; only partners and the steward hold it.
    """
    key = steward_key(root)
    if key is not None:
        return key
    path = root / ".steward-key"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(secrets.token_hex(32))
    path.chmod(0o600)
    return path.read_text().strip().encode()


def steward_key(root: Path) -> bytes | None:
    """The linkage key if this workspace has one (environment, else the demo key file), never
    made up: without it releases are checked by digest and fingerprint, and ``link`` asks for it."""
    if os.environ.get(KEY_ENV):
        return os.environ[KEY_ENV].encode()
    path = Path(root) / ".steward-key"
    return path.read_text().strip().encode() if path.is_file() else None


def prepare_workspace(data_dir: Path, sources: list[str], threshold: int, period: Period | None,
                      log=print) -> Workspace:
    """Make sure releases, link and estimates for ``data_dir`` are there and up to date."""
    from routekit.link import link_releases
    from routekit.release import release_extract

    workspace = Workspace(Path(data_dir), threshold)
    if not workspace.root.is_dir():
        raise RoutekitError(f"data directory '{data_dir}' does not exist (run 'make demo-data' "
                            "or 'routekit synth --out DIR' for demo data)")
    if workspace.partners.is_dir():
        key = None
        for source in sources:
            if source == "mobility" and _prepare_mobility(workspace, threshold, log):
                continue
            extract = workspace.partners / f"{source}.csv"
            if not extract.is_file():
                continue
            out = workspace.releases / source
            if key is None:
                key = demo_key(workspace.root)
            # keyed on the key's fingerprint: a new key re-releases every partner, not only
            # the one whose extract changed (tokens under two keys never match)
            extract_digest = file_digest(extract)
            digest = cache_key(extract_digest, str(threshold), key_fingerprint(key))
            _run_step(out, digest, lambda: release_extract(
                source, extract, out, threshold=threshold, key=key,
                rejects=workspace.root / "rejects" / f"{source}.rejects.csv",
                previous=previous_edition(out, source, extract_digest, threshold, key, log)),
                f"release {source}", log)
    bundles = workspace.bundles(sources)
    if not bundles:
        raise RoutekitError(f"data directory '{data_dir}' holds no releases for sources {sources}")
    linkable = [b for b in bundles if b.has_tokens]
    if len(linkable) >= 2:
        digest = cache_key(*[part for b in linkable for part in b.digest_parts()], str(threshold))
        _run_step(workspace.link, digest, lambda: link_releases([b.path for b in linkable], workspace.link,
                                                                threshold=threshold, key=steward_key(workspace.root)),
                  "link", log)
    if LinkBundle.exists(workspace.link):
        LinkBundle(workspace.link).verify(threshold, steward_key(workspace.root)).verify_made_from(bundles)
    return workspace


def previous_edition(out: Path, source: str, extract_digest: str, threshold: int, key: bytes,
                     log) -> Path | None:
    """The release already in ``out``, to be passed as ``release --previous`` when ``source`` is
    released again: a new extract (the next period, late records) then keeps a month as it was
    published when its late records would revise a cell by fewer than K persons, so two editions
    of the report cannot be differenced. None for the first release, and for the same extract
    released again unless the earlier release was itself held to an edition (then it is passed
    again, so a re-release never undoes what was kept): the release is then the same bytes as in
    a fresh workspace. Months kept are copied from it, so it must carry this key's seal: an edited
    one is refused by name, and one under another key (a rotated key, or an older routekit without
    a keyed seal) is refused too - released in full instead, the new edition could be differenced
    against the published one. The analyst decides: the earlier key once more, or the folder moved
    away knowingly."""
    if not ReleaseBundle.is_release(out):
        return None
    earlier = ReleaseBundle(out)
    if earlier.source != source:
        return None  # the release refuses an --out holding another source
    if earlier.data.get("input_sha256") == extract_digest and "previous_edition" not in earlier.data:
        return None
    if earlier.data.get("key_fingerprint") != key_fingerprint(key) or not earlier.data.get("seal"):
        raise RoutekitError(f"release {source}: the earlier edition in '{out}' was made under another linkage key "
                            "or without a keyed seal, so the new one cannot be held to it and could be differenced "
                            "against it; release once more under the earlier key, or move that folder away to "
                            "release in full knowingly")
    earlier.verify(threshold, key)
    log(f"release {source}: held to the previous edition ({earlier.manifest.period.start} to "
        f"{earlier.manifest.period.end}) so the two cannot be differenced")
    return out


def _prepare_mobility(workspace: Workspace, threshold: int, log) -> bool:
    """The mobility release: the operator's open algorithm (``routekit cdr``, DuckDB) on its call
    detail records in ``partners/mobility_cdr/`` (for demo data written by ``routekit synth``),
    in the partner-release contract. Returns False when there are no records, so an operator's
    aggregate extract ``partners/mobility.csv`` is released instead. Cached like the other
    releases."""
    import json

    from routekit.mobility.partner_release import release_mobility

    operator = workspace.partners / "mobility_cdr"
    events, cells = operator / "events", operator / "cells.csv"
    if not (events.is_dir() and cells.is_file()):
        return False
    scale = operator / "simulation.json"
    note = {"demo_scale": json.loads(scale.read_text(encoding="utf-8"))} if scale.is_file() else None
    out = workspace.releases / "mobility"
    digest = cache_key(tree_digest(events), file_digest(cells), str(threshold))
    _run_step(out, digest, lambda: release_mobility(events, cells, out, threshold=threshold, note=note),
              "release mobility (cdr)", log)
    return True


def prepare_estimates(workspace: Workspace, sources: list[str], period: Period, baseline: Period,
                      log=print, public_dir: Path | None = None) -> Path:
    """Run the estimate stage for one period; cached on releases, link, public series and code.

    The public series (Frontex, Eurostat) enter the grades, so a refreshed public file must
    invalidate the cached estimates too.
    """
    from routekit.estimate import run_estimate

    bundles = workspace.bundles(sources)
    release_dirs = [b.path for b in bundles]
    # the folder is one result: period rows carry the period's label (a {start, end} period and
    # the quarter with the same months are labelled differently), so the label is in the key
    key = combine(period.label, period.start, period.end, baseline.start, baseline.end,
                  ",".join(sorted(sources)))[:12]
    out = workspace.estimates(key)
    parts = [part for b in bundles for part in b.digest_parts()]  # sealed manifests: files and key
    if LinkBundle.exists(workspace.link):
        parts.append(LinkBundle(workspace.link).verify(workspace.threshold, steward_key(workspace.root))
                     .verify_made_from(bundles).digest())
    if public_dir is not None and Path(public_dir).is_dir():
        parts.append(tree_digest(Path(public_dir)))
    digest = cache_key(*parts)
    months = period.months
    _run_step(out, digest, lambda: run_estimate(release_dirs, workspace.link, out, period_months=months,
                                                period_label=period.label, public_dir=public_dir),
              "estimate", log)
    if EstimateBundle.exists(out):  # a table edited in the cache is refused, not reported
        EstimateBundle(out).verify()
    return out
