"""The late-import seam: the loader's libraries are imported one thread at a time."""

from __future__ import annotations

import threading
from pathlib import Path

from stretchapp.app import deferred_imports


def test_editor_classes_wait_while_another_thread_imports() -> None:
    """editing_bridges() does not import while a worker holds the late-import lock."""
    held, release, done = threading.Event(), threading.Event(), threading.Event()

    def worker_importing() -> None:
        with deferred_imports.IMPORTING:
            held.set()
            release.wait(10)

    def click() -> None:
        deferred_imports.editing_bridges()
        done.set()

    worker = threading.Thread(target=worker_importing)
    worker.start()
    assert held.wait(10)
    clicker = threading.Thread(target=click)
    clicker.start()
    # The click is blocked on the lock, not finished, while the worker imports.
    assert not done.wait(0.3)
    release.set()
    assert done.wait(10)
    worker.join(10)
    clicker.join(10)


def test_a_library_load_through_the_seam_releases_the_lock(tmp_path: Path) -> None:
    """After a load through the seam, another thread takes the lock without waiting."""
    library = deferred_imports.load_library(tmp_path)
    assert library.routines
    taken: list[bool] = []

    def take() -> None:
        got = deferred_imports.IMPORTING.acquire(blocking=False)
        taken.append(got)
        if got:
            deferred_imports.IMPORTING.release()

    other = threading.Thread(target=take)
    other.start()
    other.join(5)
    assert taken == [True]
