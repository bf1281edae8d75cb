"""Red team: a release stopped by SIGTERM (``timeout``, a scheduler, ``docker stop``, ``kill``)
leaves what Ctrl-C leaves: nothing half-written, no private copy of the partner's rows.

Python ends on SIGTERM without running ``finally`` blocks, so the staging folder beside ``--out``
and, on the intake path, the hidden folder with the export's canonical (person-level) rows
stayed behind.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

KEY = "redteam-signal-test-key-0123456789abcdef"


def _start(args: list[str], cwd: Path) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "routekit.cli", *args], cwd=cwd, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, env={**os.environ, "ROUTEKIT_LINK_KEY": KEY},
                            preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))


def _wait_for(pattern: str, folder: Path, process: subprocess.Popen, seconds: float = 120) -> None:
    deadline = time.monotonic() + seconds
    while not list(folder.glob(pattern)):
        assert process.poll() is None, process.communicate()
        assert time.monotonic() < deadline, f"{pattern} never appeared"
        time.sleep(0.05)
    time.sleep(0.5)


@pytest.mark.parametrize("stop, code", [(signal.SIGTERM, 143), (signal.SIGINT, 130)])
def test_a_stopped_release_leaves_no_staging_folder(small_demo_data, tmp_path, stop, code):
    _stop_a_release(small_demo_data, tmp_path, stop, code, times=1)


def _stop_a_release(small_demo_data, tmp_path, stop, code, times):
    """A release stopped ``times`` times, 50 ms apart, once its staging folder stands: one line, the signal's exit
    code, nothing left behind."""
    process = _start(["release", "--source", "ind", "--input", str(small_demo_data / "partners" / "ind.csv"),
                      "--out", "release", "--rejects", "ind.rejects.csv"], tmp_path)
    _wait_for(".release.staging-*", tmp_path, process)
    for sent in range(times):
        if sent:
            time.sleep(0.05)
        process.send_signal(stop)
    _, err = process.communicate(timeout=120)
    assert process.returncode == code, err
    assert len(err.strip().splitlines()) == 1 and "Traceback" not in err
    assert not (tmp_path / "release").exists()
    assert not list(tmp_path.glob(".release.staging-*"))


@pytest.mark.parametrize("stop, code", [(signal.SIGTERM, 143), (signal.SIGINT, 130)])
def test_a_second_stop_while_cleaning_up_does_not_cut_the_cleanup_short(small_demo_data, tmp_path, stop, code):
    """An impatient user presses Ctrl-C twice: the second arrives while the first one's cleanup runs.
    It used to end the process by the signal itself (exit -2, not 130), half-way through unwinding."""
    _stop_a_release(small_demo_data, tmp_path, stop, code, times=2)


def test_a_stopped_intake_release_leaves_no_private_copy_of_the_rows(small_demo_data, tmp_path):
    template = subprocess.run([sys.executable, "-m", "routekit.cli", "intake", "template", "--source", "ind"],
                              capture_output=True, text=True, check=True).stdout
    (tmp_path / "ind.yaml").write_text(template, encoding="utf-8")
    (tmp_path / "private").mkdir()
    process = _start(["release", "--source", "ind", "--input", str(small_demo_data / "partners" / "ind.csv"),
                      "--profile", "ind.yaml", "--out", "release", "--rejects", "private/ind.rejects.csv"], tmp_path)
    _wait_for(".routekit-intake-*/*.csv", tmp_path / "private", process)
    process.send_signal(signal.SIGTERM)
    _, err = process.communicate(timeout=120)
    assert process.returncode == 143, err
    assert not list((tmp_path / "private").glob(".routekit-intake-*"))
    assert not list(tmp_path.glob(".release.staging-*")) and not (tmp_path / "release").exists()
