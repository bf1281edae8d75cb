"""Red team: every usage mistake is one line on stderr, and a hostile file cannot drive the terminal.

A partner's file header or a file name is data: printed into an error it must not carry terminal
control sequences (an OSC sequence retitles the window, CSI 2J clears the screen and hides what
came before) and must read as written (rich turned ':x:' into an emoji).
"""

from __future__ import annotations

import subprocess
import sys

import pytest


def _routekit(*args: str, cwd=None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "routekit.cli", *args], capture_output=True, text=True, cwd=cwd)


def _one_line_error(done: subprocess.CompletedProcess) -> str:
    assert done.returncode == 2, (done.returncode, done.stderr[-2000:])
    assert "Traceback" not in done.stderr
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1, lines
    return lines[0]


def test_a_hostile_csv_header_does_not_reach_the_terminal_as_control_codes(tmp_path):
    extract = tmp_path / "export.csv"
    extract.write_text("name\x1b]0;PWNED\x07:x:[red]x\x1b[2J\nfoo\n", encoding="utf-8")
    done = _routekit("extract", str(extract), "--id-column", "id", "--text-column", "text",
                     "--out", str(tmp_path / "out.csv"))
    line = _one_line_error(done)
    assert "\x1b" not in done.stderr and "\x07" not in done.stderr
    assert ":x:[red]x" in line  # shown as written, no emoji, no markup


@pytest.mark.parametrize("scenarios", ["0", "-1"])
def test_validate_estimates_without_scenarios_is_a_usage_error(scenarios):
    line = _one_line_error(_routekit("validate-estimates", "--scenarios", scenarios))
    assert "--scenarios" in line


def test_review_import_of_a_file_that_is_no_workbook_is_one_line(tmp_path):
    for name, content in (("text.xlsx", b"route,reviewed\n"), ("empty.xlsx", b""), ("zip.xlsx", b"PK\x03\x04junk")):
        sheet = tmp_path / name
        sheet.write_bytes(content)
        line = _one_line_error(_routekit("review", "import", "--input", str(sheet), "--out", str(tmp_path / "c.csv")))
        assert name in line and "xlsx" in line


@pytest.mark.parametrize("count", ["1e300", "9223372036854775807"])
def test_mse_with_an_absurd_count_is_one_line(tmp_path, count):
    """numpy's multinomial overflowed into a traceback on a count past a C long."""
    table = tmp_path / "table.csv"
    table.write_text(f"a,b,count\n1,1,{count}\n1,0,10\n0,1,10\n", encoding="utf-8")
    line = _one_line_error(_routekit("mse", str(table), "--out", str(tmp_path / "out.csv")))
    assert "row 2" in line and "count" in line
