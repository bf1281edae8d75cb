"""Issue 13, minor items of the release side: a release through an intake profile writes its
rejects and restates its manifest only while it holds the ``--out`` lock."""

from __future__ import annotations

import json
import threading
from pathlib import Path

import pandas as pd
import pytest

from routekit.intake import release_with_profile
from routekit.intake.examples import as_stored, write_export
from routekit.locking import LockTimeout, output_lock

ROOT = Path(__file__).resolve().parents[1]
KEY = b"minor-items-test-key-0123456789abcdefgh"
K = 10


# one worker runs this module, so its module-scoped fixture is built once, not once per worker
pytestmark = pytest.mark.xdist_group("release_integrity_minor")


@pytest.fixture(scope="module")
def export(small_demo_data, tmp_path_factory) -> Path:
    frame = pd.read_csv(small_demo_data / "partners" / "eurodac.csv", dtype=str, keep_default_na=False)
    folder = tmp_path_factory.mktemp("minor") / "partner"
    return write_export("eurodac", as_stored("eurodac", frame), folder)


def test_profile_rejects_are_written_under_the_out_lock(export, tmp_path, monkeypatch):
    """Another run writing ``--out``: this run stops with one line and writes nothing, not even
    its rejects file (it used to write the rejects, and restate a manifest, outside the lock)."""
    monkeypatch.setenv("ROUTEKIT_LOCK_TIMEOUT", "0")
    out, rejects = tmp_path / "release", tmp_path / "side" / "eurodac.rejects.csv"
    holding, release = threading.Event(), threading.Event()

    def other_run():
        with output_lock(out, log=None):
            holding.set()
            release.wait(30)

    thread = threading.Thread(target=other_run)
    thread.start()
    holding.wait(10)
    try:
        with pytest.raises(LockTimeout) as error:
            release_with_profile("eurodac", ROOT / "params" / "intake" / "eurodac.yaml", export, out,
                                 threshold=K, key=KEY, rejects=rejects)
    finally:
        release.set()
        thread.join()
    assert "\n" not in str(error.value)
    assert not rejects.exists() and not out.exists()


def test_a_profile_release_is_sealed_with_its_key(export, tmp_path):
    """The manifest restated with the counts of both steps is sealed again under the key."""
    from routekit.contracts import ReleaseBundle

    out = tmp_path / "release"
    manifest = release_with_profile("eurodac", ROOT / "params" / "intake" / "eurodac.yaml", export, out,
                                    threshold=K, key=KEY, rejects=tmp_path / "eurodac.rejects.csv")
    assert "intake_profile" in manifest and manifest["seal"]
    ReleaseBundle(out).verify(K, KEY)
    assert json.loads((out / "manifest.json").read_text())["intake_profile"]["file"] == "eurodac.yaml"
