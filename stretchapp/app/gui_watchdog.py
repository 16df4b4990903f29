"""A watchdog that notices when the GUI thread stops, and logs why.

The GUI thread bumps a heartbeat from a QTimer every `BEAT` seconds; a plain
Python thread checks it. When the beat is older than `stall` seconds, the
watchdog writes every thread's Python stack to the log (once per stall), and
`faulthandler`'s dump of all threads as well, so the next freeze explains
itself. When the GUI thread beats again, one line says how long it stopped.

With STRETCHAPP_HEARTBEAT=FILE the GUI thread also writes its heartbeat's
monotonic time to FILE at each beat, so an outside script (scripts/soak_player.py)
can see a stall without trusting anything inside the process.
"""

from __future__ import annotations

import faulthandler
import logging
import os
import sys
import threading
import time
import traceback
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, QTimer

log = logging.getLogger(__name__)

BEAT = 0.25  # seconds between heartbeats
STALL = 2.0  # seconds without a heartbeat that count as a stall
HEARTBEAT_VARIABLE = "STRETCHAPP_HEARTBEAT"


def all_stacks() -> str:
    """Every Python thread's current stack, named, as text."""
    names = {thread.ident: thread.name for thread in threading.enumerate()}
    parts = []
    for ident, frame in sys._current_frames().items():
        stack = "".join(traceback.format_stack(frame))
        parts.append(f"Thread {names.get(ident, '?')} ({ident}):\n{stack}")
    return "\n".join(parts)


class GuiWatchdog(QObject):
    """Heartbeat on the GUI thread, watcher on its own; `stalls` counts what it saw."""

    def __init__(self, stall: float = STALL, beat: float = BEAT,
                 heartbeat_file: Path | None = None, parent: QObject | None = None,
                 clock: Callable[[], float] = time.monotonic) -> None:
        super().__init__(parent)
        self._stall, self._beat, self._clock = stall, beat, clock
        self._file = heartbeat_file
        self._last = clock()
        self.stalls = 0
        self._stop = threading.Event()
        self._timer = QTimer(self)  # a coarse timer (Qt's default) is enough for 0.25 s
        self._timer.timeout.connect(self.bump)
        self._thread = threading.Thread(target=self._watch, name="gui-watchdog", daemon=True)

    @classmethod
    def from_environment(cls, parent: QObject | None = None) -> GuiWatchdog:
        """A watchdog that also writes the heartbeat file STRETCHAPP_HEARTBEAT names."""
        named = os.environ.get(HEARTBEAT_VARIABLE)
        return cls(heartbeat_file=Path(named) if named else None, parent=parent)

    def start(self) -> GuiWatchdog:
        self.bump()
        self._timer.start(round(self._beat * 1000))
        self._thread.start()
        return self

    def stop(self) -> None:
        self._timer.stop()
        self._stop.set()
        if self._thread.is_alive():
            self._thread.join(timeout=2)

    def bump(self) -> None:
        """The GUI thread is alive now (called by the timer)."""
        self._last = self._clock()
        if self._file is not None:
            try:
                self._file.write_text(f"{self._last:.3f}\n", encoding="ascii")
            except OSError as error:
                log.debug("heartbeat file: %s", error)
                self._file = None

    def _watch(self) -> None:
        stalled_since: float | None = None
        while not self._stop.wait(self._beat):
            last = self._last
            quiet = self._clock() - last
            if stalled_since is None and quiet > self._stall:
                stalled_since = last
                self.stalls += 1
                self._report(quiet)
            elif stalled_since is not None and last > stalled_since:
                log.warning("the GUI thread ran again after %.1f s",
                            last - stalled_since)
                stalled_since = None

    def _report(self, quiet: float) -> None:
        log.error("the GUI thread has not run for %.1f s; every thread's stack:\n%s",
                  quiet, all_stacks())
        # faulthandler also sees threads that hold no Python frame in C code paths.
        for handler in logging.getLogger().handlers:
            stream = getattr(handler, "stream", None)
            if stream is not None and hasattr(stream, "fileno"):
                try:
                    stream.flush()
                    faulthandler.dump_traceback(file=stream, all_threads=True)
                except (OSError, ValueError) as error:
                    log.debug("faulthandler: %s", error)
