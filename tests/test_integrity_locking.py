"""routekit.locking: a second writer waits (saying so) or stops with one line; staging is all or nothing."""

import threading
import time

import pytest

from routekit.locking import LockTimeout, hold, output_lock, staged


def test_second_writer_stops_with_one_line_when_it_may_not_wait(tmp_path):
    lock = tmp_path / "out.lock"
    with hold(lock, "'out'", log=None):
        with pytest.raises(LockTimeout) as info:
            with hold(lock, "'out'", timeout=0, log=None):
                pass
    assert "another routekit run" in str(info.value) and "\n" not in str(info.value)


def test_second_writer_waits_with_a_message_then_runs(tmp_path):
    lock, said, order = tmp_path / "out.lock", [], []

    def first():
        with hold(lock, "'out'", log=None):
            order.append("first in")
            time.sleep(0.8)
            order.append("first out")

    thread = threading.Thread(target=first)
    thread.start()
    time.sleep(0.2)
    with hold(lock, "'out'", timeout=10, log=said.append):
        order.append("second in")
    thread.join()
    assert order == ["first in", "first out", "second in"]
    assert len(said) == 1 and said[0].startswith("waiting for another routekit run")


def test_waiting_has_a_limit(tmp_path):
    with output_lock(tmp_path / "release", log=None):
        started = time.monotonic()
        with pytest.raises(LockTimeout, match="still being written"):
            with output_lock(tmp_path / "release", log=None, timeout=0.5):
                pass
    assert time.monotonic() - started < 5


def test_staged_folder_replaces_the_target_only_on_success(tmp_path):
    target = tmp_path / "release"
    target.mkdir()
    (target / "old.csv").write_text("old")
    with pytest.raises(KeyboardInterrupt):
        with staged(target) as staging:
            (staging / "half.csv").write_text("half")
            raise KeyboardInterrupt
    assert [p.name for p in target.iterdir()] == ["old.csv"]
    with staged(target) as staging:
        (staging / "new.csv").write_text("new")
    assert [p.name for p in target.iterdir()] == ["new.csv"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["release"]
