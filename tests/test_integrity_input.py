"""Input you can trust, releases that are all or nothing (issue 13, items 2 and 4).

Each test damages a copy of a demo extract the way a tired analyst or an export bug would, and
checks that routekit says so in one line or sets the rows aside - never merges, widens or
overwrites silently.
"""

from __future__ import annotations

import csv
import io
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from routekit.errors import InputError
from routekit.release import release_extract
from routekit.release.extract import read_extract
from routekit.sources import get_source

KEY = b"integrity-test-key-0123456789abcdef"


def _rows(path: Path) -> list[list[str]]:
    with open(path, encoding="utf-8", newline="") as handle:
        return list(csv.reader(handle))


def _write(rows: list[list[str]], path: Path) -> Path:
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerows(rows)
    path.write_text(buffer.getvalue(), encoding="utf-8")
    return path


@pytest.fixture()
def kmar(small_demo_data, tmp_path) -> Path:
    """A private copy of the demo KMar extract (one record per line, quoted where needed)."""
    return _write(_rows(small_demo_data / "partners" / "kmar.csv"), tmp_path / "kmar.csv")


def test_unclosed_quote_is_an_error_not_a_merge(kmar):
    lines = kmar.read_text(encoding="utf-8").split("\n")
    column = lines[0].split(",").index("route_statement")
    row = next(i for i, line in enumerate(lines[1:], start=1) if i >= 10 and '"' not in line)
    fields = lines[row].split(",")
    fields[column] = '"' + fields[column]  # a quote opened and never closed
    lines[row] = ",".join(fields)
    kmar.write_text("\n".join(lines), encoding="utf-8")
    with pytest.raises(InputError) as info:
        read_extract(get_source("kmar"), kmar)
    message = str(info.value)
    assert "quot" in message and f"line {row + 1}" in message and "\n" not in message


def test_quote_closing_on_a_later_record_is_found(kmar):
    """A quote that happens to close on a later record merges silently for a lenient parser."""
    rows = _rows(kmar)
    header = rows[0]
    text_column = header.index("route_statement")
    merged = [list(row) for row in rows]
    # what a lenient parser makes of an unclosed quote closed three records later
    swallowed = "\n".join(",".join(row) for row in rows[12:15])
    merged[11][text_column] = merged[11][text_column] + "\n" + swallowed
    del merged[12:15]
    _write(merged, kmar)
    with pytest.raises(InputError) as info:
        read_extract(get_source("kmar"), kmar)
    assert info.value.field == "route_statement" and info.value.row == 12


def test_multiline_narratives_are_still_read(small_demo_data):
    """IND narratives hold line breaks legitimately; every record is read, none rejected."""
    path = small_demo_data / "partners" / "ind.csv"
    extract = read_extract(get_source("ind"), path)
    assert extract.rows_in == len(_rows(path)) - 1
    assert extract.rejects.empty


def test_nul_bytes_and_implausible_dates_are_rejects(kmar, tmp_path):
    rows = _rows(kmar)
    header = rows[0]
    date, nationality = header.index("date"), header.index("nationality")
    rows[3][header.index("route_statement")] = "via\x00Libya"
    rows[4][date] = "1900-01-05"
    rows[5][date] = "2099-03-01"
    _write(rows, kmar)
    extract = read_extract(get_source("kmar"), kmar)
    reasons = dict(zip(extract.rejects["row"], extract.rejects["reason"]))
    assert reasons[4] == "route_statement: contains a NUL byte"
    assert reasons[5].startswith("date: not a plausible date")
    assert reasons[6].startswith("date: not a plausible date")
    assert not extract.rows.apply(lambda c: c.astype(str).str.contains("\x00")).any().any()
    manifest = release_extract("kmar", kmar, tmp_path / "out", key=KEY, rejects=tmp_path / "rej.csv")
    first = pd.read_csv(kmar, dtype=str, keep_default_na=False)["date"].drop([3, 4]).str[:7]
    assert manifest["period"] == {"start": first.min(), "end": first.max()}
    assert nationality  # the header is the demo's


@pytest.mark.parametrize("value", ["=HYPERLINK(\"http://x\",\"y\")", "+31 6 1234", "-1+1", "@SUM(A1)"])
def test_formula_cells_are_neutralised_in_rejects(kmar, tmp_path, value):
    rows = _rows(kmar)
    rows[2][rows[0].index("crossing_point")] = value  # not an entry point: the row is rejected
    _write(rows, kmar)
    rejects = tmp_path / "kmar.rejects.csv"
    release_extract("kmar", kmar, tmp_path / "out", key=KEY, rejects=rejects)
    written = pd.read_csv(rejects, dtype=str, keep_default_na=False)
    cell = written.loc[written["row"] == "3", "crossing_point"].item()
    assert cell == "'" + value


def test_rejects_equal_to_input_is_refused(kmar, tmp_path):
    before = kmar.read_bytes()
    with pytest.raises(InputError, match="may not be the input"):
        release_extract("kmar", kmar, tmp_path / "out", key=KEY, rejects=kmar)
    assert kmar.read_bytes() == before
    assert not (tmp_path / "out").exists()


def test_out_on_a_foreign_folder_keeps_its_contents(kmar, tmp_path):
    foreign = tmp_path / "documents"
    foreign.mkdir()
    (foreign / "thesis.docx").write_text("years of work")
    with pytest.raises(InputError, match="not a routekit release"):
        release_extract("kmar", kmar, foreign, key=KEY, rejects=tmp_path / "rej.csv")
    assert (foreign / "thesis.docx").read_text() == "years of work"


def test_release_replaces_an_earlier_release_as_a_whole(kmar, tmp_path):
    out = tmp_path / "out"
    release_extract("kmar", kmar, out, key=KEY, rejects=tmp_path / "rej.csv")
    first = {p.relative_to(out): p.read_bytes() for p in out.rglob("*") if p.is_file()}
    (out / "tables" / "stale.csv").write_text("month,count\n")
    release_extract("kmar", kmar, out, key=KEY, rejects=tmp_path / "rej.csv")
    second = {p.relative_to(out): p.read_bytes() for p in out.rglob("*") if p.is_file()}
    assert second == first  # byte-identical, and the stale table is gone
    assert [p.name for p in tmp_path.iterdir() if "staging" in p.name or ".old-" in p.name] == []


def test_too_many_rejects_fail_the_release(kmar, tmp_path):
    rows = _rows(kmar)
    date = rows[0].index("date")
    n = len(rows) - 1
    for row in rows[1: 1 + int(n * 0.36)]:
        row[date] = "2099-01-01"
    _write(rows, kmar)
    out, rejects = tmp_path / "out", tmp_path / "rej.csv"
    with pytest.raises(InputError, match=r"rows rejected \(36\.\d%\), more than the allowed 5\.0%"):
        release_extract("kmar", kmar, out, key=KEY, rejects=rejects)
    assert not out.exists() and rejects.is_file()
    assert release_extract("kmar", kmar, out, key=KEY, rejects=rejects, max_reject_share=0.5)["rows_rejected"]


def test_release_command_with_too_many_rejects_exits_2_in_one_line(kmar, tmp_path):
    rows = _rows(kmar)
    date = rows[0].index("date")
    for row in rows[1:200]:
        row[date] = "1900-01-01"
    _write(rows, kmar)
    key_file = tmp_path / "key"
    key_file.write_bytes(KEY)
    done = subprocess.run([sys.executable, "-m", "routekit.cli", "release", "--source", "kmar",
                           "--input", str(kmar), "--out", str(tmp_path / "out"), "--key-file", str(key_file)],
                          capture_output=True, text=True)
    lines = [line for line in done.stderr.splitlines() if line.strip()]
    assert done.returncode == 2 and len(lines) == 1 and "--max-reject-share" in lines[0], done.stderr


def test_interrupted_release_keeps_the_earlier_one(kmar, tmp_path, monkeypatch):
    import routekit.release.run as run

    out = tmp_path / "out"
    release_extract("kmar", kmar, out, key=KEY, rejects=tmp_path / "rej.csv")
    before = {p.relative_to(out): p.read_bytes() for p in out.rglob("*") if p.is_file()}

    def interrupted(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(run, "build_tables", interrupted)
    with pytest.raises(KeyboardInterrupt):
        release_extract("kmar", kmar, out, key=KEY, rejects=tmp_path / "rej.csv")
    after = {p.relative_to(out): p.read_bytes() for p in out.rglob("*") if p.is_file()}
    assert after == before
    assert [p.name for p in tmp_path.iterdir() if "staging" in p.name] == []


def test_mobility_release_is_byte_identical_across_runs(small_demo_data, tmp_path):
    """The operator's manifest held the run's start time, so no two releases were identical."""
    import time

    from routekit.mobility.partner_release import release_mobility

    operator = small_demo_data / "partners" / "mobility_cdr"
    outs = []
    for name in ("first", "second"):
        out = tmp_path / name
        release_mobility(operator / "events", operator / "cells.csv", out, threshold=10)
        outs.append({p.relative_to(out): p.read_bytes() for p in out.rglob("*") if p.is_file()})
        time.sleep(1.1)
    assert outs[0] and outs[0] == outs[1]
