"""Renders a routine's phrases to WAV off the GUI thread, reporting progress.

espeak-ng takes about a millisecond per phrase once loaded, but loading it,
starting processes (the command fallback) and writing files can take longer,
and the GUI thread also runs the session's timer: so the rendering is a plain
task on the app's TaskRunner. The task touches no QObject: it writes its
progress into a small locked record that a GUI-thread timer reads, and its
result comes back through the runner's on_done, on the GUI thread.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import Property, QObject, QTimer, Signal, Slot

from stretchapp.app.task_runner import TaskRunner
from stretchapp.core.sound.voice import (
    DEFAULT_RATE,
    DEFAULT_VOICE,
    SpeechEngine,
    VoiceRenderer,
    clamp_rate,
)
from stretchapp.core.wording import sound as sound_words

log = logging.getLogger(__name__)
PROGRESS_POLL_MS = 100


class _Cancelled(Exception):
    """Raised inside a render whose result nobody wants any more."""


@dataclass
class _JobState:
    """Shared by one render task and the GUI thread; plain data under a lock."""

    job: int
    lock: threading.Lock = field(default_factory=threading.Lock)
    wanted: bool = True
    steps: list[tuple[int, int]] = field(default_factory=list)  # (done, total) not yet shown


@dataclass(frozen=True)
class _Rendered:
    job: int
    phrases: dict[str, Path]
    notice: str


def _render(state: _JobState, renderer: VoiceRenderer, phrases: list[str],
            rate: int, voice: str) -> _Rendered:
    """The task: render, noting progress in state. Plain Python, no Qt."""

    def report(done: int, total: int) -> None:
        with state.lock:
            if not state.wanted:
                raise _Cancelled
            state.steps.append((done, total))

    try:
        # One render at a time (the runner's tasks for this renderer are chained).
        renderer.voice, renderer.rate = voice, clamp_rate(rate)
        rendered = renderer.render_all(phrases, report)
        return _Rendered(state.job, rendered, renderer.notice)
    except _Cancelled:
        raise
    except Exception as error:  # a task must report, never die silently
        log.exception("rendering the voice cues failed")
        return _Rendered(state.job, {}, sound_words.voice_failed(error))


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
        runner: TaskRunner | None = None,
    ) -> None:
        super().__init__(parent)
        # One renderer for the object's life: it finds its engines once, in a task.
        self._renderer = VoiceRenderer(cache_dir, engines=engines)
        self._job = 0
        self._state: _JobState | None = None
        self._busy = False
        self._notice = ""
        # Without a shared runner, a one-worker runner of its own: renders never overlap.
        self._runner = runner if runner is not None else TaskRunner(workers=1)
        self._queued: tuple[_JobState, list[str], int, str] | None = None
        self._running = False
        self._poll = QTimer(self)
        self._poll.setInterval(PROGRESS_POLL_MS)
        self._poll.timeout.connect(self._report_progress)

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
        self._drop_current()
        self._job += 1
        self._state = state = _JobState(self._job)
        self._set_busy(True)
        self._poll.start()
        # The renderer is not thread-safe: a new job waits for the one still running.
        self._queued = (state, list(phrases), rate, voice)
        self._start_queued()

    def _start_queued(self) -> None:
        if self._running or self._queued is None:
            return
        state, phrases, rate, voice = self._queued
        self._queued = None
        self._running = True
        renderer = self._renderer
        self._runner.run(lambda: _render(state, renderer, phrases, rate, voice),
                         self._on_done, self._on_error, name="voice")

    @Slot()
    def cancel(self) -> None:
        """Forget the job under way: it stops at its next phrase and reports nothing."""
        self._drop_current()
        self._job += 1
        self._queued = None
        self._poll.stop()
        self._set_busy(False)

    def _drop_current(self) -> None:
        if self._state is not None:
            with self._state.lock:
                self._state.wanted = False
            self._state = None

    def wait(self, msecs: int = -1) -> bool:
        """Block until no render is running (for shutdown and tests); False on time-out."""
        return self._runner.wait_idle(3600.0 if msecs < 0 else msecs / 1000)

    @Slot()
    def _report_progress(self) -> None:
        state = self._state
        if state is None:
            return
        with state.lock:
            steps, state.steps = state.steps, []
        for done, total in steps:
            self.progress.emit(done, total)

    def _on_error(self, error: Exception) -> None:
        self._running = False
        if not isinstance(error, _Cancelled):
            log.error("rendering the voice cues failed: %s", error)
        self._start_queued()

    def _on_done(self, rendered: _Rendered) -> None:
        self._running = False
        if rendered.job == self._job:
            self._finish(rendered)
        self._start_queued()

    def _finish(self, rendered: _Rendered) -> None:
        self._poll.stop()
        self._report_progress()
        self._state = None
        if rendered.notice != self._notice:
            self._notice = rendered.notice
            self.noticeChanged.emit()
        # finished before busy turns False: whoever waits for "not busy" then
        # finds the phrases already handed over.
        self.finished.emit(rendered.phrases)
        if rendered.job == self._job:  # unless a receiver of finished started another job
            self._set_busy(False)

    def _set_busy(self, busy: bool) -> None:
        if busy != self._busy:
            self._busy = busy
            self.busyChanged.emit()
