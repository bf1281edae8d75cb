"""Red team: malformed extracts give one line naming file and row, never a traceback or a guess.

A first record with one field more than the header made pandas take the first column as the
index, so every field shifted one place left and the release died in a traceback
(``ValueError: invalid literal for int() with base 10: 'ED-1'``). A header naming a column twice
was released silently from whichever copy pandas kept (the other became ``category.1``).
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from routekit.errors import InputError
from routekit.release.extract import read_extract
from routekit.sources import get_source

HEADER = "record_id,hit_date,v_number,nationality,first_registration_country,category"
ROWS = [f"ED-{i:07d},2024-01-{1 + i % 28:02d},{1000000000 + i},SYR,GRC,1" for i in range(1, 40)]


def _write(tmp_path: Path, lines: list[str]) -> Path:
    path = tmp_path / "eurodac.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.mark.parametrize("where", [0, 5])
def test_a_record_with_more_fields_than_the_header_is_named(tmp_path, where):
    rows = list(ROWS)
    rows[where] += ",extra"
    with pytest.raises(InputError) as error:
        read_extract(get_source("eurodac"), _write(tmp_path, [HEADER, *rows]))
    message = str(error.value)
    assert f"row {where + 2}" in message and "7 fields" in message and "\n" not in message


def test_the_release_command_says_so_in_one_line(tmp_path):
    rows = list(ROWS)
    rows[0] += ",extra"
    path = _write(tmp_path, [HEADER, *rows])
    done = subprocess.run([sys.executable, "-m", "routekit.cli", "release", "--source", "eurodac", "--input",
                           str(path), "--out", str(tmp_path / "release"), "--rejects", str(tmp_path / "r.csv")],
                          capture_output=True, text=True,
                          env={**os.environ, "ROUTEKIT_LINK_KEY": "redteam-input-test-key-0123456789abcdef"})
    assert done.returncode == 2 and "Traceback" not in done.stderr, done.stderr[-1500:]
    assert len(done.stderr.strip().splitlines()) == 1


def test_a_column_named_twice_in_the_header_is_refused(tmp_path):
    header = HEADER.replace("category", "category,category")
    rows = [row + ",3" for row in ROWS]
    with pytest.raises(InputError) as error:
        read_extract(get_source("eurodac"), _write(tmp_path, [header, *rows]))
    assert "category" in str(error.value) and "twice" in str(error.value)


def test_a_well_formed_extract_still_reads(tmp_path):
    extract = read_extract(get_source("eurodac"), _write(tmp_path, [HEADER, *ROWS]))
    assert len(extract.rows) == len(ROWS) and extract.rejects.empty


def test_a_release_of_another_source_at_out_is_not_replaced(tmp_path):
    """A copy-paste slip (--source eurodac ... --out releases/police) replaced police's release."""
    import shutil

    from routekit.release import release_extract

    key = b"redteam-input-test-key-0123456789abcdef"
    path = _write(tmp_path, [HEADER, *ROWS])
    police = tmp_path / "releases" / "police"
    release_extract("eurodac", path, police, threshold=10, key=key, rejects=tmp_path / "r.csv")
    manifest = police / "manifest.json"
    manifest.write_text(manifest.read_text(encoding="utf-8").replace('"source": "eurodac"', '"source": "police"'),
                        encoding="utf-8")
    before = manifest.read_bytes()
    with pytest.raises(InputError, match="police"):
        release_extract("eurodac", path, police, threshold=10, key=key, rejects=tmp_path / "r.csv")
    assert manifest.read_bytes() == before
    # the same source's earlier release is still replaced as a whole
    shutil.rmtree(police)
    release_extract("eurodac", path, police, threshold=10, key=key, rejects=tmp_path / "r.csv")
    release_extract("eurodac", path, police, threshold=10, key=key, rejects=tmp_path / "r.csv")
