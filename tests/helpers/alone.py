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
            yield
        return
    with open(running, "a") as handle:
        with _flock(gate, fcntl.LOCK_SH):  # no writer waiting: join the running readers
            fcntl.flock(handle, fcntl.LOCK_SH)
        yield  # closing the file drops the lock
