"""Issue 13: the report's release step passes the previous edition itself.

``routekit report`` re-releases a partner whose extract changed (a new period, late records for
months an earlier edition published). It now hands the release already in the workspace to the
release as ``--previous``, so the cross-edition protection applies without the analyst
remembering a flag; an unchanged extract is released exactly as a fresh workspace would.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from routekit.cache import STAMP
from routekit.pipeline.workspace import prepare_workspace
from routekit.release.audit import audit_editions, audit_release

KEY = b"auto-previous-test-key-0123456789abcdef"
K = 10
SOURCES = ["eurodac", "kmar"]


def _quiet(*_):
    return None


@pytest.fixture()
def workspace(small_demo_data, tmp_path, monkeypatch) -> dict:
    """A workspace whose KMar extract first lacks 4% of its records up to 2025-03 (they come late)."""
    monkeypatch.setenv("ROUTEKIT_LINK_KEY", KEY.decode())
    data = tmp_path / "data"
    (data / "partners").mkdir(parents=True)
    shutil.copy2(small_demo_data / "partners" / "eurodac.csv", data / "partners" / "eurodac.csv")
    kmar = pd.read_csv(small_demo_data / "partners" / "kmar.csv", dtype=str, keep_default_na=False)
    late = np.random.default_rng(3).random(len(kmar)) < 0.04
    kmar[(kmar["date"] < "2025-04") & ~late].to_csv(data / "partners" / "kmar.csv", index=False)
    second = tmp_path / "kmar-second.csv"
    kmar[kmar["date"] < "2025-07"].to_csv(second, index=False)
    return {"data": data, "second": second, "tmp": tmp_path}


def test_the_next_edition_is_released_against_the_last_one(workspace):
    data = workspace["data"]
    first = prepare_workspace(data, SOURCES, K, None, log=_quiet)
    kept = workspace["tmp"] / "first-edition-kmar"
    shutil.copytree(first.releases / "kmar", kept)
    assert "previous_edition" not in json.loads((kept / "manifest.json").read_text())

    shutil.copy2(workspace["second"], data / "partners" / "kmar.csv")  # next period, with late records
    said = []
    second = prepare_workspace(data, SOURCES, K, None, log=said.append)
    manifest = json.loads((second.releases / "kmar" / "manifest.json").read_text())
    assert manifest["previous_edition"]["period"] == {"start": "2024-01", "end": "2025-03"}
    assert manifest["previous_edition"]["months_kept_as_published"], "late records revise some months by < K"
    assert manifest["period"]["end"] == "2025-06"
    assert audit_editions(kept, second.releases / "kmar") == []  # nothing recovered by comparing them
    assert audit_release(second.releases / "kmar") == []
    assert any("previous edition" in line and "kmar" in line for line in said)


def test_an_unchanged_extract_is_released_as_in_a_fresh_workspace(workspace):
    """A re-release for a code change only: byte-identical to a fresh one, no previous edition."""
    data = workspace["data"]
    first = prepare_workspace(data, SOURCES, K, None, log=_quiet)
    before = (first.releases / "eurodac" / "manifest.json").read_bytes()
    (first.releases / "eurodac" / STAMP).unlink()  # as a new routekit version would
    prepare_workspace(data, SOURCES, K, None, log=_quiet)
    assert (first.releases / "eurodac" / "manifest.json").read_bytes() == before


def test_an_earlier_release_under_another_key_is_refused_not_released_in_full(workspace, monkeypatch):
    """Its seal cannot be checked with this key, and a release in full could be differenced against the
    published edition (red team round 3): one line saying what to do; the earlier release stays."""
    from routekit.errors import RoutekitError

    data = workspace["data"]
    first = prepare_workspace(data, SOURCES, K, None, log=_quiet)
    before = (first.releases / "kmar" / "manifest.json").read_bytes()
    shutil.copy2(workspace["second"], data / "partners" / "kmar.csv")
    monkeypatch.setenv("ROUTEKIT_LINK_KEY", "another-key-for-this-test-0123456789abcdef")
    with pytest.raises(RoutekitError, match=r"kmar.*another linkage key.*move that folder away"):
        prepare_workspace(data, SOURCES, K, None, log=_quiet)
    assert (first.releases / "kmar" / "manifest.json").read_bytes() == before


def test_a_tampered_earlier_release_is_refused_not_copied(workspace):
    """Months kept as published are copied from the earlier release: an edit there is refused."""
    from routekit.errors import RoutekitError

    data = workspace["data"]
    first = prepare_workspace(data, SOURCES, K, None, log=_quiet)
    totals = first.releases / "kmar" / "tables" / "totals.csv"
    frame = pd.read_csv(totals, dtype=str, keep_default_na=False)
    row = frame.index[frame["status"] == "published"][0]
    frame.loc[row, "count"] = str(int(frame.loc[row, "count"]) * 3)
    frame.to_csv(totals, index=False, lineterminator="\n")
    manifest = json.loads((first.releases / "kmar" / "manifest.json").read_text())
    import hashlib
    manifest["files"]["tables/totals.csv"] = hashlib.sha256(totals.read_bytes()).hexdigest()
    (first.releases / "kmar" / "manifest.json").write_text(json.dumps(manifest, indent=2))
    shutil.copy2(workspace["second"], data / "partners" / "kmar.csv")
    with pytest.raises(RoutekitError, match=r"kmar.*tables/totals.csv"):
        prepare_workspace(data, SOURCES, K, None, log=_quiet)


def test_release_previous_checks_the_keyed_seal_of_the_edition_it_copies(workspace):
    """'release --previous R': months kept are copied from R, so an edit of R with recomputed
    digests is refused (it would otherwise be sealed anew under the partner's key)."""
    import hashlib

    from routekit.errors import RoutekitError
    from routekit.release import release_extract

    tmp = workspace["tmp"]
    first = tmp / "first"
    release_extract("kmar", workspace["data"] / "partners" / "kmar.csv", first, threshold=K, key=KEY,
                    rejects=tmp / "first.rejects.csv")
    totals = first / "tables" / "totals.csv"
    frame = pd.read_csv(totals, dtype=str, keep_default_na=False)
    row = frame.index[frame["status"] == "published"][0]
    frame.loc[row, "count"] = str(int(frame.loc[row, "count"]) + 1)
    frame.to_csv(totals, index=False, lineterminator="\n")
    manifest = json.loads((first / "manifest.json").read_text())
    manifest["files"]["tables/totals.csv"] = hashlib.sha256(totals.read_bytes()).hexdigest()
    (first / "manifest.json").write_text(json.dumps(manifest, indent=2))
    with pytest.raises(RoutekitError, match=r"first.*tables/totals.csv.*keyed seal"):
        release_extract("kmar", workspace["second"], tmp / "second", threshold=K, key=KEY,
                        rejects=tmp / "second.rejects.csv", previous=first)
    assert not (tmp / "second").exists()
