"""How the player makes a session: its clock, its engine and ticker, and what the start waits for.

The get-ready screen holds the start until the cue player's sounds and voice are
ready (or it gave up, or "Start now" was pressed), a relief routine's safety note
was acknowledged and the first-launch screen was read. These are the questions
the bridge asks before it calls `start_ticker`.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Sequence
from functools import partial
from typing import TYPE_CHECKING, Protocol

from stretchapp.app import deferred_imports
from stretchapp.core.model import Kind

# The engine and its ticker (with the speech they schedule, about 35 ms of imports)
# come through deferred_imports when a routine starts, not before the first frame.
if TYPE_CHECKING:
    from PySide6.QtCore import QObject

    from stretchapp.app.session_ticker import SessionTicker
    from stretchapp.app.task_runner import Runner
    from stretchapp.core.model import Routine
    from stretchapp.core.session.cues import Cue
    from stretchapp.core.session.events import SessionPosition


log = logging.getLogger(__name__)


class SafetyMemory(Protocol):
    """Where acknowledged safety notes are remembered (the settings bridge)."""

    def safety_acknowledged(self, routine_id: str) -> bool: ...

    def acknowledge_safety(self, routine_id: str) -> None: ...

    def welcome_pending(self) -> bool: ...


class CueReadiness(Protocol):
    """What the start asks of the cue player (stretchapp.app.cue_player.CuePlayer)."""

    @property
    def ready(self) -> bool: ...

    @property
    def preparing(self) -> bool: ...

    @property
    def progress(self) -> float: ...

    def prepare(self, routine: Routine) -> None: ...


def session_clock() -> float:
    """A monotonic clock that keeps counting while the computer sleeps (where it can).

    CLOCK_MONOTONIC stops during suspend on Linux, so the engine would never see
    the gap and could not auto-pause; CLOCK_BOOTTIME includes it.
    """
    return time.clock_gettime(time.CLOCK_BOOTTIME)


if not hasattr(time, "CLOCK_BOOTTIME"):  # pragma: no cover - not Linux
    session_clock = time.monotonic


def voice_ready(audio: CueReadiness | None) -> bool:
    """The cue player is ready, or has given up preparing (or there is none)."""
    return audio is None or bool(audio.ready) or not audio.preparing


def needs_acknowledgement(routine: Routine, memory: SafetyMemory | None) -> bool:
    """A relief routine with a safety note the user has not acknowledged yet."""
    if routine.kind is not Kind.RELIEF or not routine.safety.strip():
        return False
    return memory is None or not memory.safety_acknowledged(routine.id)


def start_ticker(routine: Routine, position: SessionPosition | None,
                 clock: Callable[[], float], cues: Sequence[Cue], *, gap_threshold: float,
                 refresh_ms: int, parent: QObject) -> SessionTicker:
    """A ticker over a new engine, or one restored (paused) at position."""
    SessionEngine, SessionTicker = deferred_imports.session_classes()
    if position is not None:
        engine = SessionEngine.restore(routine, position, clock,
                                       gap_threshold=gap_threshold, cues=cues)
    else:
        engine = SessionEngine(routine, clock, gap_threshold=gap_threshold, cues=cues)
    return SessionTicker(engine, parent, refresh_ms=refresh_ms)


class DrawingAhead:
    """The routine's movement frames, drawn by the task runner while the start waits.

    `ready` is False from `start(task)` until that task's drawings arrive (handed to
    `on_drawn` on the GUI thread); a later start makes an earlier task's result stale.
    """

    def __init__(self, runner: Runner, on_drawn: Callable[[dict[str, str]], None]) -> None:
        self._runner = runner
        self._on_drawn = on_drawn
        self._started = 0  # which start a task's result belongs to
        self.ready = True

    def start(self, task: Callable[[], dict[str, str]] | None) -> None:
        """Draw with task (None: nothing to draw, ready at once)."""
        self._started += 1
        self.ready = task is None
        if task is not None:
            self._runner.run(task, partial(self._drawn, self._started),
                             partial(self._failed, self._started), name="player pictures")

    def _drawn(self, started: int, drawn: dict[str, str]) -> None:
        if started == self._started:
            self.ready = True
            self._on_drawn(drawn)

    def _failed(self, started: int, error: Exception) -> None:
        """Drawing ahead failed: the frames are drawn when shown, as before."""
        log.warning("could not draw the routine's pictures ahead: %s", error)
        self._drawn(started, {})
