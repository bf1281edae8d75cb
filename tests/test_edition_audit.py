"""Editions that cannot be differenced (issue 13, item 7).

Each period's report is built from fresh releases that include late records for months an
earlier edition already published. The LP audit, extended across two consecutive editions,
must recover no count below K by comparing them; leg complements (persons of a corridor-month
without a given leg) are protected too.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from routekit.release import release_extract
from routekit.release.audit import audit_editions, audit_release

KEY = b"edition-audit-test-key-0123456789abcdef"
K = 10


# one worker runs this module, so its module-scoped fixture is built once, not once per worker
pytestmark = pytest.mark.xdist_group("edition_audit")


@pytest.fixture(scope="module")
def editions(small_demo_data, tmp_path_factory) -> dict:
    """Two KMar extracts: the first edition up to 2025-03 without 4% of its records (they come
    late), the second up to 2025-06 with them."""
    root = tmp_path_factory.mktemp("editions")
    kmar = pd.read_csv(small_demo_data / "partners" / "kmar.csv", dtype=str, keep_default_na=False)
    late = np.random.default_rng(3).random(len(kmar)) < 0.04
    first = kmar[(kmar["date"] < "2025-04") & ~late]
    second = kmar[kmar["date"] < "2025-07"]
    paths = {}
    for name, frame in (("first", first), ("second", second)):
        paths[name] = root / f"{name}.csv"
        frame.to_csv(paths[name], index=False)
    return {"root": root, **paths}


def _release(editions, name, previous=None):
    """Each edition is released once per module (the tests share them)."""
    out = editions["root"] / f"{name}-{'protected' if previous else 'plain'}"
    if (out / "manifest.json").is_file():
        return out
    release_extract("kmar", editions[name], out, threshold=K, key=KEY,
                    rejects=editions["root"] / f"{out.name}.rejects.csv", previous=previous)
    return out


def test_leg_complements_below_k_are_not_published(editions):
    out = _release(editions, "first")
    legs = pd.read_csv(out / "tables" / "legs.csv", dtype={"month": str}, keep_default_na=False, na_values=[""])
    totals = pd.read_csv(out / "tables" / "totals.csv", dtype={"month": str}, keep_default_na=False, na_values=[""])
    both = legs.merge(totals, on=["month", "corridor"], suffixes=("", "_total"))
    both = both[(both["status"] == "published") & (both["status_total"] == "published")]
    complement = both["count_total"] - both["count"]
    assert not ((complement > 0) & (complement < K)).any()
    assert (legs["status"] == "published").any()
    assert audit_release(out) == []


def test_the_edition_audit_finds_revisions_below_k_when_editions_are_released_independently(editions):
    first = _release(editions, "first")
    second = _release(editions, "second")
    exposures = audit_editions(first, second)
    assert any(e.where.startswith("revision") and 1 <= e.low < K for e in exposures)


def test_a_release_made_against_the_previous_edition_cannot_be_differenced(editions):
    first = _release(editions, "first")
    second = _release(editions, "second", previous=first)
    assert audit_editions(first, second) == []
    assert audit_release(second) == []
    # the months the first edition did not cover are released in full
    new = pd.read_csv(second / "tables" / "totals.csv", dtype={"month": str}, keep_default_na=False, na_values=[""])
    plain = pd.read_csv(_release(editions, "second") / "tables" / "totals.csv", dtype={"month": str},
                        keep_default_na=False, na_values=[""])
    later = ["2025-04", "2025-05", "2025-06"]
    pd.testing.assert_frame_equal(new[new["month"].isin(later)].reset_index(drop=True),
                                  plain[plain["month"].isin(later)].reset_index(drop=True))


def test_release_previous_on_the_command_line(editions, tmp_path):
    """'routekit release --out R --previous R' releases the next edition over the last one."""
    import os
    import shutil
    import subprocess
    import sys

    first = _release(editions, "first")
    out = tmp_path / "kmar"
    shutil.copytree(first, out)
    done = subprocess.run([sys.executable, "-m", "routekit.cli", "release", "--source", "kmar",
                           "--input", str(editions["second"]), "--out", str(out), "--previous", str(out),
                           "--rejects", str(tmp_path / "kmar.rejects.csv")],
                          capture_output=True, text=True, env={**os.environ, "ROUTEKIT_LINK_KEY": KEY.decode()})
    assert done.returncode == 0, done.stderr
    assert audit_editions(first, out) == []
