"""A fixture for test modules that make QObjects without a parent."""

from __future__ import annotations

import gc
from collections.abc import Iterator

import pytest


@pytest.fixture(autouse=True)
def collect_qt_garbage() -> Iterator[None]:
    """After each test, collect its unparented QObjects here, on the GUI thread.

    Left to chance, Python's cycle collector can run on a task runner's worker
    and destroy a watcher or a timer there, which crashes Qt.
    """
    yield
    gc.collect()
