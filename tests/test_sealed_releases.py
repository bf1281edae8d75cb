"""Sealed releases: what the steward links and reports is exactly what the partner released.

Each test is an attack or accident from issue 13: a table edited by hand, a manifest threshold
lowered from 10 to 5, releases made under two linkage keys, a key change that re-released only
one partner. ``link`` and the report's workspace step refuse with one line naming the bundle and
the file.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pandas as pd
import pytest

from routekit.errors import RoutekitError
from routekit.link import link_releases
from routekit.release import release_extract

KEY = b"sealed-release-test-key-0123456789abcdef"
OTHER_KEY = b"another-partner-used-this-key-0123456789"
K = 10
SOURCES = ("eurodac", "kmar")


# one worker runs this module, so its module-scoped fixture is built once, not once per worker
pytestmark = pytest.mark.xdist_group("sealed_releases")


@pytest.fixture(scope="module")
def partners(small_demo_data, tmp_path_factory) -> Path:
    """The small demo's Eurodac and KMar extracts (quick to release)."""
    folder = tmp_path_factory.mktemp("sealed") / "partners"
    folder.mkdir()
    for source in SOURCES:
        shutil.copy2(small_demo_data / "partners" / f"{source}.csv", folder / f"{source}.csv")
    return folder


def _release(partners: Path, out: Path, key: bytes = KEY, sources=SOURCES) -> list[Path]:
    for source in sources:
        release_extract(source, partners / f"{source}.csv", out / source, threshold=K, key=key,
                        rejects=out.parent / "rejects" / f"{out.name}-{source}.csv")
    return [out / source for source in sources]


@pytest.fixture()
def releases(partners, tmp_path) -> list[Path]:
    return _release(partners, tmp_path / "releases")


def _one_line(error: pytest.ExceptionInfo) -> str:
    text = str(error.value)
    assert "\n" not in text
    return text


def test_untouched_releases_link(releases, tmp_path):
    manifest = link_releases(releases, tmp_path / "link", threshold=K, key=KEY)
    assert manifest["sources"] == sorted(SOURCES)


def test_a_table_edited_after_release_is_refused(releases, tmp_path):
    totals = releases[1] / "tables" / "totals.csv"
    frame = pd.read_csv(totals, dtype=str, keep_default_na=False)
    row = frame.index[frame["status"] == "published"][0]
    frame.loc[row, "count"] = str(int(frame.loc[row, "count"]) + 40)
    frame.to_csv(totals, index=False, lineterminator="\n")
    with pytest.raises(RoutekitError) as error:
        link_releases(releases, tmp_path / "link", threshold=K, key=KEY)
    line = _one_line(error)
    assert str(releases[1]) in line and "tables/totals.csv" in line and "changed" in line
    assert not (tmp_path / "link" / "contingency.csv").exists()


def test_a_token_file_edited_after_release_is_refused(releases, tmp_path):
    tokens = releases[0] / "steward" / "tokens.csv"
    tokens.write_text(tokens.read_text() + tokens.read_text().splitlines()[1] + "\n")
    with pytest.raises(RoutekitError, match="steward/tokens.csv"):
        link_releases(releases, tmp_path / "link", threshold=K, key=KEY)


def test_a_file_added_to_a_release_is_refused(releases, tmp_path):
    (releases[0] / "tables" / "extra.csv").write_text("month,count\n2024-01,3\n")
    with pytest.raises(RoutekitError, match="tables/extra.csv.*not part of the sealed release"):
        link_releases(releases, tmp_path / "link", threshold=K, key=KEY)


def test_a_manifest_threshold_lowered_from_10_to_5_is_refused(releases, tmp_path):
    path = releases[0] / "manifest.json"
    manifest = json.loads(path.read_text())
    assert manifest["threshold"] == 10
    manifest["threshold"] = 5
    path.write_text(json.dumps(manifest, indent=2))
    with pytest.raises(RoutekitError) as error:
        link_releases(releases, tmp_path / "link", threshold=K, key=KEY)
    line = _one_line(error)
    assert str(releases[0]) in line and "manifest.json" in line and "threshold 5" in line


def test_releases_made_under_two_keys_are_refused(partners, tmp_path):
    first = _release(partners, tmp_path / "a", KEY, sources=("eurodac",))
    second = _release(partners, tmp_path / "b", OTHER_KEY, sources=("kmar",))
    with pytest.raises(RoutekitError) as error:
        link_releases(first + second, tmp_path / "link", threshold=K, key=KEY)
    line = _one_line(error)
    assert "manifest.json" in line and "linkage key" in line
    assert str(second[0]) in line or str(first[0]) in line
    # the fingerprint tells keys apart without showing them
    fingerprints = {json.loads((d / "manifest.json").read_text())["key_fingerprint"] for d in first + second}
    assert len(fingerprints) == 2
    written = b"".join(p.read_bytes() for d in first + second for p in d.rglob("*") if p.is_file())
    assert KEY not in written and OTHER_KEY not in written


def _workspace(partners: Path, tmp_path: Path) -> Path:
    data = tmp_path / "data"
    shutil.copytree(partners, data / "partners")
    return data


def test_a_key_change_re_releases_every_partner(partners, tmp_path, monkeypatch):
    from routekit.pipeline.workspace import prepare_workspace

    data = _workspace(partners, tmp_path)
    monkeypatch.setenv("ROUTEKIT_LINK_KEY", KEY.decode())
    workspace = prepare_workspace(data, list(SOURCES), K, None, log=lambda *_: None)
    before = {s: json.loads((workspace.releases / s / "manifest.json").read_text())["key_fingerprint"]
              for s in SOURCES}
    monkeypatch.setenv("ROUTEKIT_LINK_KEY", OTHER_KEY.decode())
    prepare_workspace(data, list(SOURCES), K, None, log=lambda *_: None)  # links: same key everywhere
    after = {s: json.loads((workspace.releases / s / "manifest.json").read_text())["key_fingerprint"]
             for s in SOURCES}
    assert len(set(before.values())) == len(set(after.values())) == 1
    assert set(before.values()) != set(after.values())


def test_the_report_workspace_refuses_an_edited_release(partners, tmp_path, monkeypatch):
    """A steward without partner extracts: the received releases are verified before use."""
    from routekit.pipeline.workspace import prepare_workspace

    data = _workspace(partners, tmp_path)
    monkeypatch.setenv("ROUTEKIT_LINK_KEY", KEY.decode())
    workspace = prepare_workspace(data, list(SOURCES), K, None, log=lambda *_: None)
    shutil.rmtree(data / "partners")
    path = workspace.releases / "eurodac" / "manifest.json"
    manifest = json.loads(path.read_text())
    manifest["threshold"] = 5
    path.write_text(json.dumps(manifest, indent=2))
    with pytest.raises(RoutekitError) as error:
        prepare_workspace(data, list(SOURCES), K, None, log=lambda *_: None)
    line = _one_line(error)
    assert "eurodac" in line and "manifest.json" in line and "threshold 5" in line


def test_routekit_link_names_the_bundle_and_file_in_one_line(releases, tmp_path):
    import subprocess
    import sys

    path = releases[1] / "tables" / "nationality.csv"
    path.write_text(path.read_text().replace("published", "published ", 1))
    done = subprocess.run([sys.executable, "-m", "routekit.cli", "link", *map(str, releases),
                           "--out", str(tmp_path / "link")], capture_output=True, text=True)
    assert done.returncode != 0
    lines = [line for line in done.stderr.strip().splitlines() if line.strip()]
    assert len(lines) == 1 and str(releases[1]) in lines[0] and "tables/nationality.csv" in lines[0], lines
