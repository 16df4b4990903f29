"""SessionTicker: drives the engine from the Qt event loop and re-emits its events."""

from __future__ import annotations

import time

from pytestqt.qtbot import QtBot

from stretchapp.app.session_ticker import SessionTicker
from stretchapp.core.session.controls import Control, Status
from stretchapp.core.session.cues import Cue, CueKind
from stretchapp.core.session.engine import SessionEngine
from stretchapp.core.session.events import AutoPaused, PhaseStarted, SessionFinished, SessionState
from stretchapp.core.session.timeline import Phase
from tests.helpers.routines import FakeClock, routine, step


class Recorder:
    """Collects what a ticker emits, signal by signal."""

    def __init__(self, ticker: SessionTicker) -> None:
        self.batches: list[list[object]] = []
        self.cues: list[Cue] = []
        self.phases: list[Phase] = []
        self.paused: list[AutoPaused] = []
        self.finished = 0
        self.states: list[SessionState] = []
        self.refused: list[str] = []
        ticker.eventsReady.connect(self.batches.append)
        ticker.cueDue.connect(self.cues.append)
        ticker.phaseStarted.connect(self.phases.append)
        ticker.autoPaused.connect(self.paused.append)
        ticker.finished.connect(self._finish)
        ticker.stateChanged.connect(self.states.append)
        ticker.controlRefused.connect(self.refused.append)

    def _finish(self) -> None:
        self.finished += 1


def fake_ticker(qtbot: QtBot, **options: int) -> tuple[SessionTicker, FakeClock, Recorder]:
    """A ticker over a 2 s prepare and a 4 s hold, on a fake clock."""
    clock = FakeClock()
    engine = SessionEngine(routine(step(hold=4, prepare=2), countdown=2), clock)
    ticker = SessionTicker(engine, **options)
    return ticker, clock, Recorder(ticker)


def test_start_emits_the_first_phase_and_its_cue(qtbot: QtBot) -> None:
    """Starting through apply emits the batch, the phase, its cue and the new state at once."""
    ticker, _, seen = fake_ticker(qtbot)
    assert ticker.apply(Control.START)
    first = ticker.engine.timeline[0]
    assert seen.batches == [[PhaseStarted(first), seen.cues[0], seen.cues[1]]]
    assert seen.phases == [first]
    assert [c.text for c in seen.cues] == ["First: Neck tilt", "Stop if anything hurts sharply"]
    assert seen.states[-1].status is Status.RUNNING


def test_pump_re_emits_each_kind_of_event(qtbot: QtBot) -> None:
    """Ticks at fake times deliver cues, phases and the finish through their own signals."""
    ticker, clock, seen = fake_ticker(qtbot)
    ticker.apply(Control.START)
    for _ in range(24):
        clock.advance(0.25)
        ticker.pump()
    assert [c.text for c in seen.cues] == [
        "First: Neck tilt", "Stop if anything hurts sharply", "Neck tilt", "2", "1", "Well done"]
    assert [p.index for p in seen.phases] == [0, 1]
    assert seen.finished == 1
    assert isinstance(seen.batches[-1][-1], SessionFinished)
    assert seen.states[-1].status is Status.FINISHED
    assert ticker.armed_ms is None  # nothing left to wait for


def test_timer_waits_for_the_next_deadline(qtbot: QtBot) -> None:
    """The timer is armed for the next second, cue or phase end, capped at refresh_ms."""
    ticker, clock, _ = fake_ticker(qtbot, refresh_ms=5000)
    ticker.apply(Control.START)
    assert ticker.armed_ms == 1000  # the shown countdown changes in 1 s
    clock.advance(1.9996)
    ticker.pump()
    assert ticker.armed_ms == 1  # 0.4 ms rounded up: never early
    capped, _, _ = fake_ticker(qtbot)
    capped.apply(Control.START)
    assert capped.armed_ms == 250


def test_no_timer_while_paused(qtbot: QtBot) -> None:
    """A paused session stops the timer; resuming arms it again."""
    ticker, _, _ = fake_ticker(qtbot)
    ticker.apply(Control.START)
    ticker.apply(Control.PAUSE)
    assert ticker.armed_ms is None
    ticker.apply(Control.RESUME)
    assert ticker.armed_ms is not None


def test_refused_control_says_why(qtbot: QtBot) -> None:
    """A refused control returns False and emits the engine's reason."""
    ticker, _, seen = fake_ticker(qtbot)
    assert not ticker.apply(Control.PAUSE)
    assert seen.refused == ["the session has not started yet"]
    ticker.apply(Control.START)
    assert not ticker.apply(Control.JUMP, 7)
    assert seen.refused[-1].startswith("there is no step 7")
    assert ticker.apply(Control.JUMP, 0)


def test_gap_is_reported_through_auto_paused(qtbot: QtBot) -> None:
    """A long gap between ticks comes out as autoPaused and stops the timer."""
    ticker, clock, seen = fake_ticker(qtbot)
    ticker.apply(Control.START)
    clock.advance(30)
    ticker.pump()
    assert [p.at for p in seen.paused] == [0.0]
    assert ticker.armed_ms is None


def test_real_event_loop_plays_a_short_routine_on_time(qtbot: QtBot) -> None:
    """On the real clock in a real event loop a 2 s routine finishes close to plan."""
    short = routine(step(hold=1, prepare=0, rest=0), step("Chin tuck", hold=1, prepare=0))
    ticker = SessionTicker.for_routine(short)
    seen = Recorder(ticker)
    with qtbot.waitSignal(ticker.finished, timeout=5000):
        start = time.monotonic()
        ticker.apply(Control.START)
    late = time.monotonic() - start - short.total_seconds
    assert -0.001 <= late < 0.25  # generous: CI machines are noisy; the benchmark measures
    assert [c.kind for c in seen.cues][-1] is CueKind.FINISHED
    assert [p.index for p in seen.phases] == [0, 1]
