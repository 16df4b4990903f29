"""The GUI-thread watchdog: a stalled GUI thread is reported with every thread's stack."""

from __future__ import annotations

import logging
import time
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from stretchapp.app.gui_watchdog import GuiWatchdog


def stall_the_gui_thread(seconds: float) -> None:
    """Blocks the GUI thread on purpose: the stall the watchdog must catch."""
    time.sleep(seconds)


def test_a_stalled_gui_thread_is_logged_with_its_stack(
        qtbot: QtBot, caplog: pytest.LogCaptureFixture, tmp_path: Path) -> None:
    """A 1 s stall with a 0.3 s limit logs an error naming the stalled function, then recovery."""
    beat = tmp_path / "heartbeat"
    watchdog = GuiWatchdog(stall=0.3, beat=0.05, heartbeat_file=beat).start()
    try:
        qtbot.waitUntil(beat.exists, timeout=2000)
        with caplog.at_level(logging.WARNING, logger="stretchapp.app.gui_watchdog"):
            stall_the_gui_thread(1.0)
            qtbot.waitUntil(lambda: "ran again" in caplog.text, timeout=3000)
    finally:
        watchdog.stop()
    assert watchdog.stalls == 1
    assert "has not run for" in caplog.text
    assert "stall_the_gui_thread" in caplog.text and "gui-watchdog" in caplog.text
    assert float(beat.read_text()) > 0


def test_a_busy_but_responsive_gui_thread_is_not_a_stall(
        qtbot: QtBot, caplog: pytest.LogCaptureFixture) -> None:
    """Short pauses under the limit log nothing."""
    watchdog = GuiWatchdog(stall=0.5, beat=0.05).start()
    try:
        with caplog.at_level(logging.WARNING, logger="stretchapp.app.gui_watchdog"):
            for _ in range(5):
                stall_the_gui_thread(0.1)
                qtbot.wait(50)
    finally:
        watchdog.stop()
    assert watchdog.stalls == 0 and caplog.text == ""
