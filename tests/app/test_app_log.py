"""The app's log: repeats collapsed, a size that stays bounded, Qt's messages in it."""

from __future__ import annotations

import io
import logging
from pathlib import Path

from PySide6.QtCore import qWarning

from stretchapp.app.app_log import BACKUPS, MAX_BYTES, REPEATS, AppLog, RepeatCollapser


class FakeClock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def record(message: str) -> logging.LogRecord:
    return logging.LogRecord("qt", logging.WARNING, __file__, 1, message, None, None)


def test_a_flood_of_one_message_is_collapsed_with_its_count() -> None:
    """Of 1000 copies in one second REPEATS pass; the next one later says how many were held."""
    clock = FakeClock()
    collapser = RepeatCollapser(clock=clock)
    passed = sum(collapser.filter(record("Invalid socket 7")) for _ in range(1000))
    assert passed == REPEATS
    assert collapser.filter(record("something else"))
    clock.now += 1.5
    later = record("Invalid socket 7")
    assert collapser.filter(later)
    assert later.getMessage() == f"Invalid socket 7 (and {1000 - REPEATS} more times before)"


def test_one_record_counts_once_across_handlers() -> None:
    """A record seen by the file and the terminal handler is one copy, not two."""
    collapser = RepeatCollapser(clock=FakeClock())
    for _ in range(REPEATS):
        one = record("twice")
        assert collapser.filter(one) and collapser.filter(one)
    assert not collapser.filter(record("twice"))


def test_the_log_file_stays_within_its_bound(tmp_path: Path) -> None:
    """Seven MiB of distinct lines leave at most (1 + BACKUPS) files of MAX_BYTES."""
    app_log = AppLog(tmp_path, stderr=io.StringIO()).install()
    try:
        noisy = logging.getLogger("stretchapp.test")
        for index in range(7 * 1024):
            noisy.info("line %d %s", index, "x" * 1000)
    finally:
        app_log.uninstall()
    files = sorted((tmp_path / "logs").glob("stretchapp.log*"))
    assert 1 < len(files) <= 1 + BACKUPS
    assert sum(f.stat().st_size for f in files) <= (1 + BACKUPS) * (MAX_BYTES + 2048)


def test_qt_warnings_go_to_the_file_and_stderr_collapsed(tmp_path: Path) -> None:
    """A Qt warning repeated 500 times is written a few times, then counted at shutdown."""
    terminal = io.StringIO()
    app_log = AppLog(tmp_path, stderr=terminal).install()
    try:
        for _ in range(500):
            qWarning("QSocketNotifier: Invalid socket 9 and type 'Read', disabling...")
    finally:
        app_log.uninstall()
    text = (tmp_path / "logs" / "stretchapp.log").read_text()
    lines = [line for line in text.splitlines() if "Invalid socket 9" in line]
    assert REPEATS <= len(lines) <= REPEATS + 1
    assert "more times" in lines[-1] and " WARNING qt: " in lines[0]
    assert terminal.getvalue().count("Invalid socket 9") == len(lines)
