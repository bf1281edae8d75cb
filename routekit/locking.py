"""One writer at a time, and nothing half-written: advisory locks and staged folders.

Every command that writes (report, release, link, estimate) holds an exclusive lock on the data
directory and on the output folder it writes. A second run waits, saying so, and stops with one
line when the wait exceeds ``ROUTEKIT_LOCK_TIMEOUT`` seconds (0: stop at once). Locks are
``flock`` locks on small files that stay in place (deleting a lock file races); the kernel
drops a lock when its process ends, even on SIGKILL, so a crashed run never blocks the next.

Output folders are written in a staging folder beside the target and swapped in with renames
only when complete; a failure or Ctrl-C removes the staging folder and keeps the old output.
"""

from __future__ import annotations

import fcntl
import os
import shutil
import tempfile
import threading
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Callable, Iterator

from routekit.errors import RoutekitError

TIMEOUT_ENV = "ROUTEKIT_LOCK_TIMEOUT"
DEFAULT_TIMEOUT = 1800.0
POLL_SECONDS = 0.2


class LockTimeout(RoutekitError):
    """Another routekit run kept writing the same folder for longer than we may wait."""


def lock_timeout() -> float:
    try:
        return float(os.environ.get(TIMEOUT_ENV, DEFAULT_TIMEOUT))
    except ValueError:
        raise RoutekitError(f"{TIMEOUT_ENV}={os.environ[TIMEOUT_ENV]!r} is not a number of seconds") from None


def _holder(fd: int) -> str:
    try:
        text = os.pread(fd, 64, 0).decode("ascii", "replace").strip()
    except OSError:
        return ""
    return f" (pid {text})" if text.isdigit() else ""


@contextmanager
def hold(lock_file: Path, what: str, timeout: float | None = None,
         log: Callable[[str], object] | None = print) -> Iterator[None]:
    """Hold an exclusive lock on ``lock_file`` for the block; ``what`` names the folder it guards."""
    timeout = lock_timeout() if timeout is None else timeout
    lock_file = Path(lock_file)
    lock_file.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(lock_file, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = _holder(fd)
            if timeout <= 0:
                raise LockTimeout(f"{what} is being written by another routekit run{holder}; "
                                  "try again when it has finished") from None
            if log:
                log(f"waiting for another routekit run{holder} writing {what} (at most {timeout:.0f} s)")
            deadline = time.monotonic() + timeout
            while True:
                time.sleep(POLL_SECONDS)
                try:
                    fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                    break
                except BlockingIOError:
                    if time.monotonic() > deadline:
                        raise LockTimeout(f"{what} is still being written by another routekit run"
                                          f"{_holder(fd)} after {timeout:.0f} s ({TIMEOUT_ENV})") from None
        os.ftruncate(fd, 0)
        os.pwrite(fd, f"{os.getpid()}\n".encode("ascii"), 0)
        yield
    finally:
        os.close(fd)  # closing the descriptor releases the lock


def data_lock(data_dir: Path, log=print, timeout: float | None = None):
    """The lock of a data directory (releases, link, estimates inside it)."""
    data_dir = Path(data_dir)
    return hold(data_dir / ".routekit-lock", f"data directory '{data_dir}'", timeout, log)


_LENT = threading.local()  # output folders whose lock this thread holds for a writer it calls


@contextmanager
def output_lock(out: Path, log=print, timeout: float | None = None, lend: bool = False) -> Iterator[None]:
    """The lock of an output folder; the lock file sits beside it, since the folder is swapped.

    With ``lend``, a writer this thread calls inside the block (which takes the same lock
    itself, e.g. ``release_extract`` under ``release --profile``) passes through: the caller's
    own steps before and after it stay under one lock, with no window for another run."""
    out = Path(out).absolute()
    lent = getattr(_LENT, "folders", set())
    if out in lent:
        yield
        return
    with hold(out.parent / f".{out.name}.routekit-lock", f"'{out}'", timeout, log):
        if not lend:
            yield
            return
        _LENT.folders = lent | {out}
        try:
            yield
        finally:
            _LENT.folders = lent


def replace_dir(new: Path, target: Path) -> None:
    """Put folder ``new`` at ``target`` with two renames; the old folder survives until then."""
    new, target = Path(new), Path(target)
    old = target.with_name(f".{target.name}.old-{os.getpid()}-{time.monotonic_ns()}")
    if target.exists():
        target.rename(old)
    new.rename(target)
    shutil.rmtree(old, ignore_errors=True)


@contextmanager
def staged(target: Path) -> Iterator[Path]:
    """A fresh staging folder beside ``target``, swapped in only when the block succeeds.

    On any exception (Ctrl-C included) the staging folder is removed and ``target`` is left
    exactly as it was.
    """
    target = Path(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{target.name}.staging-", dir=target.parent))
    staging.chmod(0o755)  # mkdtemp makes it private; the output is read by others
    try:
        yield staging
        replace_dir(staging, target)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
