"""The app's log: Python logging and Qt's messages, to a bounded file and stderr.

A log must never fill a disk: HOME/logs/stretchapp.log rotates at
`MAX_BYTES` with `BACKUPS` old files, and a message repeated more than
`REPEATS` times within a second is collapsed: the rest of that second's copies
are counted and reported in one line ("... repeated N more times"). Qt 6.10's
QSoundEffect once wrote 4.9 GB of one QSocketNotifier warning in 4 minutes.
"""

from __future__ import annotations

import logging
import sys
import threading
import time
from collections.abc import Callable
from logging.handlers import RotatingFileHandler
from pathlib import Path
from typing import TextIO

from PySide6.QtCore import QMessageLogContext, QtMsgType, qInstallMessageHandler

MAX_BYTES = 2 * 1024 * 1024
BACKUPS = 2
REPEATS = 5  # copies of one message per second written as they are
WINDOW = 1.0  # seconds
FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"

_QT_LEVELS = {
    QtMsgType.QtDebugMsg: logging.DEBUG,
    QtMsgType.QtInfoMsg: logging.INFO,
    QtMsgType.QtWarningMsg: logging.WARNING,
    QtMsgType.QtCriticalMsg: logging.ERROR,
    QtMsgType.QtFatalMsg: logging.CRITICAL,
}
qt_log = logging.getLogger("qt")


class RepeatCollapser(logging.Filter):
    """Lets a message through at most REPEATS times a second; counts the rest.

    When a collapsed message comes again after its window, one line first says
    how many copies were held back (and `flush` says it for all at shutdown).
    """

    def __init__(self, repeats: int = REPEATS, window: float = WINDOW,
                 clock: Callable[[], float] = time.monotonic) -> None:
        super().__init__()
        self._repeats, self._window, self._clock = repeats, window, clock
        self._lock = threading.Lock()
        # message key -> [window start, copies in window, copies held back]
        self._seen: dict[tuple[str, int, str], list[float]] = {}

    def filter(self, record: logging.LogRecord) -> bool:
        # One record passes every handler's filter: decide once, for all of them.
        decided = getattr(record, "_collapsed_keep", None)
        if isinstance(decided, bool):
            return decided
        keep = self._decide(record)
        record._collapsed_keep = keep
        return keep

    def _decide(self, record: logging.LogRecord) -> bool:
        key = (record.name, record.levelno, record.getMessage())
        now = self._clock()
        with self._lock:
            entry = self._seen.get(key)
            if entry is None or now - entry[0] >= self._window:
                held = int(entry[2]) if entry is not None else 0
                self._seen[key] = [now, 1, 0]
                if len(self._seen) > 1000:  # forget old keys: memory stays bounded
                    self._forget(now)
                if held:
                    record.msg = f"{record.getMessage()} (and {held} more times before)"
                    record.args = None
                return True
            entry[1] += 1
            if entry[1] <= self._repeats:
                return True
            entry[2] += 1
            return False

    def _forget(self, now: float) -> None:
        for key in [k for k, e in self._seen.items() if now - e[0] >= self._window and not e[2]]:
            del self._seen[key]

    def held_back(self) -> dict[str, int]:
        """For each message with copies not yet reported, how many."""
        with self._lock:
            return {key[2]: int(entry[2]) for key, entry in self._seen.items() if entry[2]}

    def flush(self, logger: logging.Logger) -> None:
        """Report every count still held back (at shutdown)."""
        with self._lock:
            pending = [(key, int(entry[2])) for key, entry in self._seen.items() if entry[2]]
            for key, _ in pending:
                self._seen[key][2] = 0
        for (name, level, message), count in pending:
            logging.getLogger(name).log(level, "%s (repeated %d more times)", message, count)
        del logger


def log_file(home: Path) -> Path:
    """Where the app's log lives for this home."""
    return home / "logs" / "stretchapp.log"


def _qt_message(kind: QtMsgType, context: QMessageLogContext, message: str) -> None:
    category = context.category or "default"
    qt_log.log(_QT_LEVELS.get(kind, logging.WARNING), "(%s) %s", category, message)


class AppLog:
    """Installs and removes the app's handlers; `collapser` is shared by both."""

    def __init__(self, home: Path, stderr: TextIO | None = None,
                 level: int = logging.INFO) -> None:
        self.path = log_file(home)
        self.collapser = RepeatCollapser()
        self._handlers: list[logging.Handler] = []
        self._stderr = stderr if stderr is not None else sys.stderr
        self._level = level
        self._previous_qt: object = None
        self._previous_level = logging.WARNING

    def install(self) -> AppLog:
        root = logging.getLogger()
        formatter = logging.Formatter(FORMAT)
        terminal = logging.StreamHandler(self._stderr)
        terminal.setLevel(logging.WARNING)
        handlers: list[logging.Handler] = [terminal]
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            handlers.append(RotatingFileHandler(
                self.path, maxBytes=MAX_BYTES, backupCount=BACKUPS, encoding="utf-8"))
        except OSError as error:  # a read-only home still gets stderr
            print(f"stretchapp: cannot write the log {self.path}: {error}", file=self._stderr)
        for handler in handlers:
            handler.setFormatter(formatter)
            handler.addFilter(self.collapser)
            root.addHandler(handler)
        self._handlers = handlers
        self._previous_level = root.level
        root.setLevel(min(root.level or logging.WARNING, self._level))
        self._previous_qt = qInstallMessageHandler(_qt_message)
        return self

    def uninstall(self) -> None:
        self.collapser.flush(logging.getLogger())
        qInstallMessageHandler(self._previous_qt)
        root = logging.getLogger()
        for handler in self._handlers:
            root.removeHandler(handler)
            handler.close()
        root.setLevel(self._previous_level)
        self._handlers = []
