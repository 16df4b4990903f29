"""Drives a SessionEngine from the Qt event loop and turns its events into signals.

One single-shot `Qt.PreciseTimer` is armed for the next thing due: the next cue,
the end of the phase, the next whole second of routine time (when the shown
countdown changes), and the next step of a `refresh_ms` grid of routine time so
the display keeps moving. It is stopped whenever the session is not running, so a paused session
costs nothing. Delays are measured on the engine's own clock, so a test can hand
the engine a fake clock and the ticker follows it.

Use it from the QML bridge like this::

    ticker = SessionTicker.for_routine(routine, parent=self)
    ticker.cueDue.connect(cue_player.play_cue)
    ticker.stateChanged.connect(self._show)
    ticker.apply(Control.START)

Controls go through `apply`, which runs the engine control, emits what it
caused at once and re-arms the timer; a refused control emits `controlRefused`.
Call `pump()` after driving the engine directly (after `SessionEngine.restore`).
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable

from PySide6.QtCore import QObject, Qt, QTimer, Signal

from stretchapp.core.model import Routine
from stretchapp.core.session.controls import Control
from stretchapp.core.session.cues import Cue
from stretchapp.core.session.engine import SessionEngine
from stretchapp.core.session.events import (
    AutoPaused,
    ControlRefused,
    Event,
    PhaseStarted,
    SessionFinished,
    SessionState,
)


class SessionTicker(QObject):
    """Ticks a SessionEngine at its deadlines and re-emits its events as Qt signals."""

    eventsReady = Signal(list)  # every batch of engine events, in order, before the ones below
    cueDue = Signal(object)  # a Cue: play its sound and words now
    phaseStarted = Signal(object)  # a Phase the session just entered
    autoPaused = Signal(object)  # an AutoPaused: the session paused itself, and why
    finished = Signal()  # the routine played to its end (or was skipped past it)
    stateChanged = Signal(object)  # a fresh SessionState after every tick and control
    controlRefused = Signal(str)  # why the last control did not apply

    def __init__(
        self, engine: SessionEngine, parent: QObject | None = None, *, refresh_ms: int = 250
    ) -> None:
        super().__init__(parent)
        self._engine = engine
        self._refresh_ms = refresh_ms
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.timeout.connect(self.pump)

    @classmethod
    def for_routine(
        cls,
        routine: Routine,
        parent: QObject | None = None,
        *,
        clock: Callable[[], float] = time.monotonic,
        gap_threshold: float = 2.0,
    ) -> SessionTicker:
        """A ticker with a new engine for `routine` on `clock` (time.monotonic by default)."""
        return cls(SessionEngine(routine, clock, gap_threshold=gap_threshold), parent)

    @property
    def engine(self) -> SessionEngine:
        """The engine this ticker drives."""
        return self._engine

    def set_refresh_ms(self, refresh_ms: int) -> None:
        """How long the display may wait while running (from the next arming on)."""
        self._refresh_ms = refresh_ms

    @property
    def armed_ms(self) -> int | None:
        """The wait the timer is armed for, in ms; None while it is stopped."""
        return self._timer.interval() if self._timer.isActive() else None

    def state(self) -> SessionState:
        """The engine's state now."""
        return self._engine.state()

    def apply(self, control: Control, step_index: int | None = None) -> bool:
        """Run one control (jump takes `step_index`); False, and controlRefused, when refused."""
        try:
            if control is Control.JUMP:
                self._engine.jump(-1 if step_index is None else step_index)
            else:
                getattr(self._engine, control.value)()
        except ControlRefused as refused:
            self.controlRefused.emit(refused.reason)
            return False
        finally:
            self.pump()
        return True

    def pump(self) -> None:
        """Tick the engine now: emit its events and state, then arm the timer again."""
        events = self._engine.tick()
        if events:
            self._emit(events)
        state = self._engine.state()
        self.stateChanged.emit(state)
        self._arm(state)

    def _emit(self, events: list[Event]) -> None:
        self.eventsReady.emit(events)
        for event in events:
            if isinstance(event, Cue):
                self.cueDue.emit(event)
            elif isinstance(event, PhaseStarted):
                self.phaseStarted.emit(event.phase)
            elif isinstance(event, AutoPaused):
                self.autoPaused.emit(event)
            elif isinstance(event, SessionFinished):
                self.finished.emit()

    def _arm(self, state: SessionState) -> None:
        """Arm the timer for the next deadline, or stop it when nothing will fall due."""
        deadline = self._engine.next_deadline()
        # The display moves on a grid of routine time (every refresh_ms from the start),
        # not refresh_ms after whatever came last: the steps are even, whole seconds fall
        # on the grid (so they cost no frame of their own), and a movement shows the same
        # few of its drawn frames on every count instead of new ones as ticks drift.
        step = self._refresh_ms / 1000
        next_step = self._engine.clock_at(step * (math.floor(state.elapsed / step + 1e-6) + 1))
        next_second = self._engine.clock_at(math.floor(state.elapsed) + 1)
        if deadline is None or next_step is None or next_second is None:
            self._timer.stop()
            return
        wait = min(deadline, next_step, next_second) - self._engine.clock()
        # Rounded up: a timer that fires a fraction of a millisecond early finds
        # nothing due and has to be armed again.
        self._timer.start(max(1, math.ceil(wait * 1000)))
