"""The suite's lock that gives a real-time test the machine to itself (tests/helpers/alone)."""

from __future__ import annotations

import threading
import time
from pathlib import Path

import pytest

from tests.helpers.alone import machine_share


def _hold(alone: bool, entered: threading.Event, leave: threading.Event,
          order: list[str], name: str) -> threading.Thread:
    def run() -> None:
        with machine_share(alone):
            order.append(name)
            entered.set()
            leave.wait(10)
    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    return thread


def test_a_writer_waits_for_running_readers_and_new_readers_wait_for_it(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """An alone test starts after the test running beside it and before any queued after it."""
    monkeypatch.setenv("PYTEST_XDIST_TESTRUNUID", f"lock-{tmp_path.name}")
    order: list[str] = []
    events = {name: (threading.Event(), threading.Event()) for name in ("r1", "w", "r2")}
    threads = [_hold(False, *events["r1"], order, "r1")]
    assert events["r1"][0].wait(5)
    threads.append(_hold(True, *events["w"], order, "w"))
    time.sleep(0.2)  # the writer is now waiting on r1 (nothing to signal that it waits)
    threads.append(_hold(False, *events["r2"], order, "r2"))
    time.sleep(0.2)
    assert order == ["r1"]  # neither the writer nor the later reader got in
    events["r1"][1].set()
    assert events["w"][0].wait(5)
    time.sleep(0.2)
    assert order == ["r1", "w"]  # the later reader still waits for the writer
    events["w"][1].set()
    assert events["r2"][0].wait(5)
    events["r2"][1].set()
    for thread in threads:
        thread.join(5)
    assert order == ["r1", "w", "r2"]


def test_readers_share(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Two ordinary tests run side by side."""
    monkeypatch.setenv("PYTEST_XDIST_TESTRUNUID", f"lock-{tmp_path.name}")
    first, second = (threading.Event(), threading.Event()), (threading.Event(), threading.Event())
    order: list[str] = []
    threads = [_hold(False, *first, order, "a"), _hold(False, *second, order, "b")]
    assert first[0].wait(5) and second[0].wait(5)
    first[1].set()
    second[1].set()
    for thread in threads:
        thread.join(5)
    assert sorted(order) == ["a", "b"]


def test_outside_xdist_nothing_is_locked(monkeypatch: pytest.MonkeyPatch) -> None:
    """In a one-process run there is nothing to share: an alone test just runs."""
    monkeypatch.delenv("PYTEST_XDIST_TESTRUNUID", raising=False)
    with machine_share(True), machine_share(True):
        pass
