"""Red team: a release edited after it left the partner and re-sealed by hand (issue 13, item 3).

A careful attacker who multiplies a published count by ten and writes the new sha256 into the
manifest's ``files`` passed ``link_releases`` (and ``routekit link``) while the seal was a list
of plain sha256 digests. The keyed seal (HMAC-SHA256 under the linkage key the partners and the
steward share, over the canonical manifest and each file digest) is what the steward checks now.
"""

from __future__ import annotations

import hashlib
import json
import shutil
from pathlib import Path

import pandas as pd
import pytest

from routekit.errors import RoutekitError
from routekit.link import link_releases
from routekit.release import release_extract

KEY = b"redteam-seal-test-key-0123456789abcdef"
K = 10


@pytest.fixture()
def releases(small_demo_data, tmp_path) -> list[Path]:
    out = []
    for source in ("eurodac", "kmar"):
        shutil.copy2(small_demo_data / "partners" / f"{source}.csv", tmp_path / f"{source}.csv")
        release_extract(source, tmp_path / f"{source}.csv", tmp_path / "releases" / source, threshold=K, key=KEY,
                        rejects=tmp_path / f"{source}.rejects.csv")
        out.append(tmp_path / "releases" / source)
    return out


def _reseal(release: Path) -> None:
    """What anyone can do: write the edited files' sha256 into the manifest."""
    manifest_path = release / "manifest.json"
    manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
    manifest["files"] = {name: hashlib.sha256((release / name).read_bytes()).hexdigest()
                         for name in manifest["files"]}
    manifest_path.write_text(json.dumps(manifest, indent=2), encoding="utf-8")


def _inflate_totals(release: Path) -> None:
    totals = release / "tables" / "totals.csv"
    frame = pd.read_csv(totals, dtype=str, keep_default_na=False)
    row = frame.index[frame["status"] == "published"][0]
    frame.loc[row, "count"] = str(int(frame.loc[row, "count"]) * 10)
    frame.to_csv(totals, index=False, lineterminator="\n")


def test_a_table_edited_and_resealed_is_refused(releases, tmp_path):
    _inflate_totals(releases[1])
    _reseal(releases[1])
    with pytest.raises(RoutekitError, match="kmar") as error:
        link_releases(releases, tmp_path / "link", threshold=K, key=KEY)
    line = str(error.value)
    assert "\n" not in line and str(releases[1]) in line and "tables/totals.csv" in line and "seal" in line
    assert not (tmp_path / "link").exists()


def test_the_key_comes_from_the_environment_when_not_given(releases, tmp_path, monkeypatch):
    """``routekit link`` without --key-file: the steward's key from ROUTEKIT_LINK_KEY checks the seal."""
    _inflate_totals(releases[1])
    _reseal(releases[1])
    monkeypatch.setenv("ROUTEKIT_LINK_KEY", KEY.decode())
    with pytest.raises(RoutekitError, match="tables/totals.csv"):
        link_releases(releases, tmp_path / "link", threshold=K)
    monkeypatch.delenv("ROUTEKIT_LINK_KEY")
    with pytest.raises(RoutekitError, match="no linkage key"):  # never linked unchecked
        link_releases(releases, tmp_path / "link", threshold=K)


def test_a_threshold_lowered_and_the_seal_dropped_is_refused(releases, tmp_path):
    """Editing the manifest (threshold 10 -> 5) and removing the seal does not pass either."""
    path = releases[0] / "manifest.json"
    manifest = json.loads(path.read_text(encoding="utf-8"))
    manifest["rows_used"] += 1
    path.write_text(json.dumps(manifest, indent=2), encoding="utf-8")
    with pytest.raises(RoutekitError, match=r"eurodac.*manifest\.json.*keyed seal"):
        link_releases(releases, tmp_path / "link", threshold=K, key=KEY)
    del manifest["seal"]
    path.write_text(json.dumps(manifest, indent=2), encoding="utf-8")
    with pytest.raises(RoutekitError, match=r"eurodac.*manifest\.json.*no keyed seal"):
        link_releases(releases, tmp_path / "link", threshold=K, key=KEY)


def test_a_seal_made_with_another_key_is_refused(releases, tmp_path):
    """Whoever re-seals without the partners' key (here: under a key of their own) is refused."""
    from routekit.contracts.release import keyed_seal, key_fingerprint

    _inflate_totals(releases[1])
    _reseal(releases[1])
    path = releases[1] / "manifest.json"
    manifest = json.loads(path.read_text(encoding="utf-8"))
    manifest["seal"] = keyed_seal(manifest, b"x" * 40)
    path.write_text(json.dumps(manifest, indent=2), encoding="utf-8")
    with pytest.raises(RoutekitError, match="kmar.*manifest.json.*not made with the linkage key"):
        link_releases(releases, tmp_path / "link", threshold=K, key=KEY)
    manifest["key_fingerprint"] = key_fingerprint(b"x" * 40)  # and claims that key throughout
    manifest["seal"] = keyed_seal(manifest, b"x" * 40)
    path.write_text(json.dumps(manifest, indent=2), encoding="utf-8")
    with pytest.raises(RoutekitError, match="kmar.*another linkage key"):
        link_releases(releases, tmp_path / "link", threshold=K, key=KEY)


def test_untouched_releases_link_and_the_link_is_sealed(releases, tmp_path):
    from routekit.contracts import LinkBundle
    from routekit.contracts.release import keyed_seal

    manifest = link_releases(releases, tmp_path / "link", threshold=K, key=KEY)
    assert manifest["sources"] == ["eurodac", "kmar"]
    LinkBundle(tmp_path / "link").verify(K, KEY)
    path = tmp_path / "link" / "contingency.csv"
    frame = pd.read_csv(path, dtype=str, keep_default_na=False)
    row = frame.index[frame["status"] == "published"][0]
    frame.loc[row, "count"] = str(int(frame.loc[row, "count"]) + 100)
    frame.to_csv(path, index=False, lineterminator="\n")
    _reseal(tmp_path / "link")
    LinkBundle(tmp_path / "link").verify(K)  # digests alone cannot see it ...
    with pytest.raises(RoutekitError, match="link .*contingency.csv.*keyed seal"):
        LinkBundle(tmp_path / "link").verify(K, KEY)  # ... the keyed seal does
    assert keyed_seal({"files": {"a": "0" * 64}}, KEY) != keyed_seal({"files": {"a": "0" * 64}}, KEY + b"!")


def test_a_release_is_byte_identical_across_runs(small_demo_data, tmp_path):
    for run in ("a", "b"):
        release_extract("kmar", small_demo_data / "partners" / "kmar.csv", tmp_path / run, threshold=K, key=KEY,
                        rejects=tmp_path / f"{run}.rejects.csv")
    assert (tmp_path / "a" / "manifest.json").read_bytes() == (tmp_path / "b" / "manifest.json").read_bytes()
    assert json.loads((tmp_path / "a" / "manifest.json").read_text())["seal"]["manifest"]


def test_an_edited_table_without_a_new_seal_is_refused(releases, tmp_path):
    """The accident the seal does catch (the control for the test above)."""
    totals = releases[1] / "tables" / "totals.csv"
    totals.write_text(totals.read_text(encoding="utf-8").replace(",published", ",published ", 1), encoding="utf-8")
    with pytest.raises(RoutekitError, match="totals.csv"):
        link_releases(releases, tmp_path / "link", threshold=K)


def test_the_report_workspace_checks_the_seal_when_it_holds_the_key(small_demo_data, tmp_path, monkeypatch):
    """The runner's check: with the steward's key a re-sealed release is refused by name; without
    it (a report machine given only releases and link) digests and fingerprint pass, and the seal
    is what ``link`` checks - so a stale link is never remade from it without the key."""
    from routekit.pipeline.workspace import prepare_workspace

    data = tmp_path / "data"
    (data / "partners").mkdir(parents=True)
    for source in ("eurodac", "kmar"):
        shutil.copy2(small_demo_data / "partners" / f"{source}.csv", data / "partners" / f"{source}.csv")
    monkeypatch.setenv("ROUTEKIT_LINK_KEY", KEY.decode())
    workspace = prepare_workspace(data, ["eurodac", "kmar"], K, None, log=lambda *_: None)
    shutil.rmtree(data / "partners")
    kmar = workspace.releases / "kmar"
    _inflate_totals(kmar)
    _reseal(kmar)
    with pytest.raises(RoutekitError) as error:
        prepare_workspace(data, ["eurodac", "kmar"], K, None, log=lambda *_: None)
    assert "\n" not in str(error.value) and str(kmar) in str(error.value) and "tables/totals.csv" in str(error.value)
    monkeypatch.delenv("ROUTEKIT_LINK_KEY")
    assert [b.source for b in workspace.bundles(["eurodac", "kmar"])] == ["eurodac", "kmar"]  # keyless check
    with pytest.raises(RoutekitError, match="no linkage key"):  # the link is stale: it needs the key
        prepare_workspace(data, ["eurodac", "kmar"], K, None, log=lambda *_: None)


def test_routekit_link_refuses_a_resealed_release_in_one_line(releases, tmp_path):
    import os
    import subprocess
    import sys

    _inflate_totals(releases[1])
    _reseal(releases[1])
    key_file = tmp_path / "key"
    key_file.write_bytes(KEY + b"\n")
    env = {k: v for k, v in os.environ.items() if k != "ROUTEKIT_LINK_KEY"}
    done = subprocess.run([sys.executable, "-m", "routekit.cli", "link", *map(str, releases), "--out",
                           str(tmp_path / "link"), "--key-file", str(key_file)], capture_output=True, text=True,
                          env=env)
    lines = [line for line in done.stderr.strip().splitlines() if line.strip()]
    assert done.returncode == 2 and len(lines) == 1, done.stderr
    assert str(releases[1]) in lines[0] and "tables/totals.csv" in lines[0] and "keyed seal" in lines[0]
    assert KEY.decode() not in done.stderr + done.stdout
    done = subprocess.run([sys.executable, "-m", "routekit.cli", "link", *map(str, releases), "--out",
                           str(tmp_path / "link")], capture_output=True, text=True, env=env)
    assert done.returncode == 2 and "no linkage key" in done.stderr and not (tmp_path / "link").exists()
