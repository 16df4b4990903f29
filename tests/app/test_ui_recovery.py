"""The recovery point while a routine plays: written off the GUI thread, in order, and
keeping the side answer and the time played, so a resumed session neither asks again nor
forgets what was played before the interruption.

Real QML, the real built-in routines, real files in the home.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt

from stretchapp.app.player_bridge import PlayerBridge
from stretchapp.app.stretch_images import StretchImages
from stretchapp.core.model import Side
from stretchapp.core.session.events import SessionPosition
from stretchapp.core.session.recovery import load_position, save_position
from stretchapp.core.storage.history import History
from tests.helpers.clock import FakeClock
from tests.helpers.routines import routine, step
from tests.helpers.ui import Ui


class HeldTasks:
    """A task runner that keeps its tasks until the test runs them (in any order)."""

    def __init__(self) -> None:
        self.tasks: list[tuple[Callable[[], Any], Callable[[Any], None]]] = []

    def run(self, task: Callable[[], Any], on_done: Callable[[Any], None],
            on_error: Callable[[Exception], None] | None = None, *,
            name: str = "task") -> None:
        self.tasks.append((task, on_done))


def _continue(ui: Ui) -> None:
    assert ui.popup_open("recoveryDialog")
    ui.click("recoveryDialogAccept")
    assert ui.page() == "player"
    if ui.shell.player.mustAcknowledge:
        ui.click("acknowledgeButton")


def test_playing_saves_the_side_answer_and_the_time_played(home: Path, ui: Ui) -> None:
    """Calf relief started 'Right side only', played 12 s and paused keeps both in its point."""
    ui.click("routineCard_calf-relief")
    ui.click("startButton")
    ui.click("acknowledgeButton")
    ui.click("sideChoice_right-only")
    ui.advance(12)
    ui.key(Qt.Key.Key_Space)  # a pause saves at once
    ui.advance(20)
    interrupted = load_position(home)
    assert interrupted is not None
    assert interrupted.position.side == "right-only"
    assert interrupted.position.played == pytest.approx(12.0, abs=0.3)


def test_a_resumed_session_does_not_ask_the_side_again(home: Path, open_ui: Any) -> None:
    """A point saved with 'right-only' resumes paused, on the right side, without the question."""
    save_position(home, SessionPosition("calf-relief", 1, 5.0, played=8.0, side="right-only"),
                  "Calf cramp relief")
    ui = open_ui()
    _continue(ui)
    assert not ui.shell.player.sideQuestion and not ui.exists("sideChooser")
    assert ui.shell.player.view["paused"] is True
    engine = ui.shell.player.engine
    assert engine is not None
    assert {phase.side for phase in engine.timeline if phase.side is not None} == {Side.RIGHT}


def test_time_played_before_the_interruption_counts(home: Path, open_ui: Any) -> None:
    """40 s played before a crash, then the rest after resuming: history and finish page
    count both, and the pause while the dialog was up counts for nothing."""
    save_position(home, SessionPosition("calf-cool-down", 2, 0.0, played=40.0),
                  "Calf cool-down")
    ui = open_ui()
    _continue(ui)
    engine = ui.shell.player.engine
    assert engine is not None
    left = engine.state().remaining
    ui.advance(30)  # paused: not played
    ui.key(Qt.Key.Key_Space)
    ui.advance(left + 1)
    assert ui.page() == "finish"
    expected = 40.0 + left
    assert ui.shell.player.seconds_spent == pytest.approx(expected, abs=0.3)
    history = History(home)
    try:
        record = history.sessions()[0]
    finally:
        history.close()
    assert record.finished and record.seconds == pytest.approx(expected, abs=0.5)


def test_saves_run_through_the_runner_and_a_late_one_loses(home: Path, qtbot: Any) -> None:
    """The bridge writes nothing itself; run in reverse, its saves leave the newest point."""
    held = HeldTasks()
    clock = FakeClock()
    player = PlayerBridge(StretchImages(), home, clock=clock, runner=held)
    player.open(routine(step("Neck tilt", hold=5, rest=4), step("Calf stretch", hold=8)))
    for _ in range(60):  # 15 s: several phases, several saves
        clock.advance(0.25)
        player.refresh()
    assert len(held.tasks) >= 3
    assert load_position(home) is None  # nothing written on this thread
    engine = player.engine
    assert engine is not None
    newest = engine.snapshot()
    results = []
    for task, on_done in reversed(held.tasks):
        results.append(task())
        on_done(results[-1])
    assert results[0] is True and not any(results[1:])
    interrupted = load_position(home)
    assert interrupted is not None
    assert interrupted.position.phase_index == newest.phase_index
    player.stop()
    assert load_position(home) is None
    player.deleteLater()



def test_closing_the_app_saves_where_the_session_is(home: Path, ui: Ui) -> None:
    """The save made as the app closes holds the latest second, not the one of 5 s before."""
    ui.start("calf-cool-down")
    ui.advance(3)
    saved = load_position(home)
    assert saved is not None and saved.position.played < 1.0
    ui.shell.player.save_recovery_now()
    latest = load_position(home)
    assert latest is not None and latest.position.played == pytest.approx(3.0, abs=0.3)
