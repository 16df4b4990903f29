"""Run a test with the machine to itself while the rest of the suite runs in parallel.

The suite runs in several processes (pytest-xdist). A test that measures real
time against a tight bound (the real-audio cue lateness) must not share the
cores with other tests, so it takes a writer's lock that every other test takes
as a reader. Writers come first: a writer closes a gate that new readers pass
through, then waits for the readers already running to finish. flock(2) locks
are dropped by the kernel if a process dies, so a crashed worker blocks nobody.
"""

from __future__ import annotations

import fcntl
import os
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


def _lock_folder() -> Path | None:
    """The folder shared by this run's workers, or None when not run by xdist."""
    run = os.environ.get("PYTEST_XDIST_TESTRUNUID")
    if run is None:
        return None
    folder = Path(tempfile.gettempdir()) / f"stretchapp-tests-{run}"
    folder.mkdir(exist_ok=True)
    return folder


@contextmanager
def _flock(path: Path, mode: int) -> Iterator[None]:
    with open(path, "a") as handle:
        fcntl.flock(handle, mode)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


@contextmanager
def machine_share(alone: bool) -> Iterator[None]:
    """Hold the machine alone (alone=True) or shared with other shared tests."""
    folder = _lock_folder()
    if folder is None:
        yield
        return
    gate, running = folder / "gate", folder / "running"
    if alone:
        with _flock(gate, fcntl.LOCK_EX), _flock(running, fcntl.LOCK_EX):
            _wait_for_quiet()
            yield
        return
    with open(running, "a") as handle:
        with _flock(gate, fcntl.LOCK_SH):  # no writer waiting: join the running readers
            fcntl.flock(handle, fcntl.LOCK_SH)
        yield  # closing the file drops the lock


def _busy_fraction(seconds: float) -> float:
    """The share of all cores' time not idle over the next `seconds` (0 if unreadable)."""
    def totals() -> tuple[int, int]:
        with open("/proc/stat", encoding="ascii") as stat:
            fields = [int(value) for value in stat.readline().split()[1:]]
        return sum(fields), fields[3] + fields[4]  # all, idle + iowait
    try:
        all0, idle0 = totals()
        time.sleep(seconds)
        all1, idle1 = totals()
    except (OSError, ValueError, IndexError):
        return 0.0
    return 1 - (idle1 - idle0) / max(1, all1 - all0)


def _wait_for_quiet(limit: float = 10.0) -> None:
    # No other test runs now, but what the last ones started (an app closing, a
    # server stopping) may still be busy for a moment: a timing test waits for it.
    deadline = time.monotonic() + limit
    while _busy_fraction(0.2) > 0.25 and time.monotonic() < deadline:
        pass
