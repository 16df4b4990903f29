"""Renders a routine's phrases to WAV in a worker thread, reporting progress.

espeak-ng takes about a millisecond per phrase once loaded, but loading it,
starting processes (the command fallback) and writing files can take longer,
and the UI thread also runs the session's timer: so all of it happens here, in
a thread of this object's own pool, and results come back as queued signals.
"""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Iterable, Sequence
from pathlib import Path

from PySide6.QtCore import Property, QObject, QThreadPool, Signal, Slot

from stretchapp.core.sound.voice import (
    DEFAULT_RATE,
    DEFAULT_VOICE,
    SpeechEngine,
    VoiceRenderer,
    clamp_rate,
)

log = logging.getLogger(__name__)


class _Cancelled(Exception):
    """Raised inside a render whose result nobody wants any more."""


class _Relay(QObject):
    """Carries a worker's reports to the preparer's thread (as queued signals).

    The worker holds this, never the preparer: a QObject whose last Python
    reference went away in the worker would be destroyed in the wrong thread.
    The relay is owned by its parent on the C++ side, so it never is.
    """

    progressed = Signal(int, int, int)  # job, done, total
    done = Signal(int, object, str)  # job, {text: Path}, notice

    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        self.wanted_job = 0  # the job whose results are still wanted; read by the worker


def _render(relay: _Relay, renderer: VoiceRenderer, job: int, phrases: list[str],
            rate: int, voice: str) -> None:
    """The worker: render, report progress, hand the result over. Touches Qt only by signals."""

    def report(done: int, total: int) -> None:
        if relay.wanted_job != job:
            raise _Cancelled
        relay.progressed.emit(job, done, total)

    try:
        # One worker thread: the settings cannot change under a render.
        renderer.voice, renderer.rate = voice, clamp_rate(rate)
        rendered = renderer.render_all(phrases, report)
        notice = renderer.notice
    except _Cancelled:
        return
    except RuntimeError:
        return  # the preparer, and its relay, were deleted meanwhile
    except Exception as error:  # a worker must report, never die silently
        log.exception("rendering the voice cues failed")
        rendered, notice = {}, f"Voice cues are off: rendering failed ({error})."
    with contextlib.suppress(RuntimeError):
        relay.done.emit(job, rendered, notice)


class VoicePreparer(QObject):
    """Renders phrases off the UI thread; one job at a time, the newest wins."""

    progress = Signal(int, int)  # phrases done, phrases in all
    finished = Signal(object)  # dict[str, Path]: text -> WAV, for the phrases that worked
    busyChanged = Signal()
    noticeChanged = Signal()

    def __init__(
        self,
        cache_dir: Path,
        parent: QObject | None = None,
        *,
        engines: Sequence[SpeechEngine] | None = None,
    ) -> None:
        super().__init__(parent)
        # One renderer for the object's life: it finds its engines once, in the worker.
        self._renderer = VoiceRenderer(cache_dir, engines=engines)
        self._job = 0
        self._busy = False
        self._notice = ""
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._relay = _Relay(self)
        self._relay.progressed.connect(self._on_progress)
        self._relay.done.connect(self._on_done)

    # --- for the UI --------------------------------------------------------------

    def is_busy(self) -> bool:
        """True from prepare() until just after its `finished` (or a cancel)."""
        return self._busy

    def current_notice(self) -> str:
        """Why the voice is off after the last job, "" when it is on."""
        return self._notice

    busy = Property(bool, is_busy, notify=busyChanged)
    notice = Property(str, current_notice, notify=noticeChanged)

    # --- the work --------------------------------------------------------------------

    def prepare(
        self, phrases: Iterable[str], *, rate: int = DEFAULT_RATE, voice: str = DEFAULT_VOICE
    ) -> None:
        """Start rendering phrases; `finished` follows, unless another prepare() comes first."""
        self._job += 1
        self._relay.wanted_job = job = self._job
        relay, renderer, wanted = self._relay, self._renderer, list(phrases)
        self._set_busy(True)
        self._pool.start(lambda: _render(relay, renderer, job, wanted, rate, voice))

    @Slot()
    def cancel(self) -> None:
        """Forget the job under way: it stops at its next phrase and reports nothing."""
        self._job += 1
        self._relay.wanted_job = self._job
        self._set_busy(False)

    def wait(self, msecs: int = -1) -> bool:
        """Block until the worker is idle (for shutdown and tests); False on time-out."""
        return bool(self._pool.waitForDone(msecs))

    @Slot(int, int, int)
    def _on_progress(self, job: int, done: int, total: int) -> None:
        if job == self._job:
            self.progress.emit(done, total)

    @Slot(int, object, str)
    def _on_done(self, job: int, rendered: dict[str, Path], notice: str) -> None:
        if job != self._job:
            return
        if notice != self._notice:
            self._notice = notice
            self.noticeChanged.emit()
        # finished before busy turns False: whoever waits for "not busy" then
        # finds the phrases already handed over.
        self.finished.emit(rendered)
        if job == self._job:  # unless a receiver of finished started another job
            self._set_busy(False)

    def _set_busy(self, busy: bool) -> None:
        if busy != self._busy:
            self._busy = busy
            self.busyChanged.emit()
