"""Red team: a release through an intake profile keeps every guard of a plain release.

``routekit release --profile`` is the path real partners take (their own export layout), yet it
dropped ``--max-reject-share`` and ``--previous`` and did not refuse ``--rejects`` on the input:
a partner export that lost 40% of its rows to an unreadable date was released with exit 0, the
rejects file overwrote the partner's export, and the next edition could be differenced against
the last one.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from routekit.errors import InputError
from routekit.intake import release_with_profile
from routekit.release.audit import audit_editions

KEY = b"redteam-intake-test-key-0123456789abcdef"
K = 10


def _profile(tmp_path: Path) -> Path:
    """The template profile for eurodac, which reads routekit's canonical CSV as it is."""
    done = subprocess.run([sys.executable, "-m", "routekit.cli", "intake", "template", "--source", "eurodac"],
                          capture_output=True, text=True, check=True)
    path = tmp_path / "eurodac.yaml"
    path.write_text(done.stdout, encoding="utf-8")
    return path


def _export(small_demo_data: Path, tmp_path: Path, bad_share: float, name: str = "export.csv") -> Path:
    """The demo Eurodac extract with ``bad_share`` of its rows given a date no format reads."""
    frame = pd.read_csv(small_demo_data / "partners" / "eurodac.csv", dtype=str, keep_default_na=False)
    bad = np.random.default_rng(13).random(len(frame)) < bad_share
    frame.loc[bad, "hit_date"] = "31-02-2024"
    path = tmp_path / name
    frame.to_csv(path, index=False)
    return path


def _cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "routekit.cli", "release", *args], capture_output=True, text=True,
                          env={**os.environ, "ROUTEKIT_LINK_KEY": KEY.decode()})


def test_rejects_on_the_input_is_refused_and_the_export_kept(small_demo_data, tmp_path):
    export = _export(small_demo_data, tmp_path, bad_share=0.01)
    before = export.read_bytes()
    with pytest.raises(InputError, match="may not be the input"):
        release_with_profile("eurodac", _profile(tmp_path), export, tmp_path / "release", threshold=K, key=KEY,
                             rejects=export)
    assert export.read_bytes() == before
    assert not (tmp_path / "release").exists()


def test_rows_the_profile_rejects_count_against_the_maximum_share(small_demo_data, tmp_path):
    export = _export(small_demo_data, tmp_path, bad_share=0.4)
    done = _cli("--source", "eurodac", "--input", str(export), "--profile", str(_profile(tmp_path)),
                "--out", str(tmp_path / "release"), "--rejects", str(tmp_path / "rejects.csv"))
    assert done.returncode == 2, done.stdout + done.stderr
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and "rows rejected" in lines[0] and "Traceback" not in done.stderr
    assert not (tmp_path / "release").exists()
    # the analyst still gets every rejected row to look at
    assert len(pd.read_csv(tmp_path / "rejects.csv")) > 0.3 * len(pd.read_csv(export))


def test_an_explicit_maximum_share_is_honoured(small_demo_data, tmp_path):
    export = _export(small_demo_data, tmp_path, bad_share=0.03)
    profile = _profile(tmp_path)
    strict = _cli("--source", "eurodac", "--input", str(export), "--profile", str(profile),
                  "--out", str(tmp_path / "strict"), "--rejects", str(tmp_path / "strict.rejects.csv"),
                  "--max-reject-share", "0.01")
    assert strict.returncode == 2 and not (tmp_path / "strict").exists(), strict.stdout + strict.stderr
    lenient = _cli("--source", "eurodac", "--input", str(export), "--profile", str(profile),
                   "--out", str(tmp_path / "lenient"), "--rejects", str(tmp_path / "lenient.rejects.csv"))
    assert lenient.returncode == 0, lenient.stderr
    assert (tmp_path / "lenient" / "manifest.json").is_file()


def test_previous_protects_the_next_edition_made_through_a_profile(small_demo_data, tmp_path):
    """As test_edition_audit, but the second edition is released from an export through a profile."""
    frame = pd.read_csv(small_demo_data / "partners" / "eurodac.csv", dtype=str, keep_default_na=False)
    late = np.random.default_rng(5).random(len(frame)) < 0.05
    first_rows, second_rows = frame[(frame["hit_date"] < "2025-04") & ~late], frame[frame["hit_date"] < "2025-07"]
    first_rows.to_csv(tmp_path / "first.csv", index=False)
    second_rows.to_csv(tmp_path / "second.csv", index=False)
    profile = _profile(tmp_path)
    release_with_profile("eurodac", profile, tmp_path / "first.csv", tmp_path / "first", threshold=K, key=KEY,
                         rejects=tmp_path / "first.rejects.csv")
    plain = tmp_path / "plain"
    release_with_profile("eurodac", profile, tmp_path / "second.csv", plain, threshold=K, key=KEY,
                         rejects=tmp_path / "plain.rejects.csv")
    assert audit_editions(tmp_path / "first", plain), "the late records must revise some cell by 1..K-1"
    done = _cli("--source", "eurodac", "--input", str(tmp_path / "second.csv"), "--profile", str(profile),
                "--out", str(tmp_path / "second"), "--rejects", str(tmp_path / "second.rejects.csv"),
                "--previous", str(tmp_path / "first"))
    assert done.returncode == 0, done.stderr
    assert audit_editions(tmp_path / "first", tmp_path / "second") == []


def test_cells_the_profile_refuses_are_neutralised_in_the_rejects_file(small_demo_data, tmp_path):
    """A formula in an export cell the profile cannot map must not run when the analyst opens the rejects."""
    export = _export(small_demo_data, tmp_path, bad_share=0.0)
    frame = pd.read_csv(export, dtype=str, keep_default_na=False)
    frame.loc[3, "nationality"] = '=HYPERLINK("http://evil.example","SYR")'
    frame.loc[7, "first_registration_country"] = "@SUM(1+1)"
    frame.to_csv(export, index=False)
    release_with_profile("eurodac", _profile(tmp_path), export, tmp_path / "release", threshold=K, key=KEY,
                         rejects=tmp_path / "rejects.csv")
    rejects = pd.read_csv(tmp_path / "rejects.csv", dtype=str, keep_default_na=False)
    cells = rejects.drop(columns=["row"]).to_numpy().ravel()
    assert len(rejects) >= 2
    assert not [c for c in cells if c.startswith(("=", "+", "-", "@"))]
    assert "'=HYPERLINK(\"http://evil.example\",\"SYR\")" in cells
