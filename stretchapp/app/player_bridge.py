"""The player as QML sees it: one session of one routine, its controls and its looks.

A SessionTicker drives the engine; every state it reports becomes display values
(player_view) that QML binds to. The bridge also keeps the crash-recovery
position up to date and shows the time the engine says was played.

Before the first step of every start the get-ready screen shows (`preparing`):
the routine's safety note, which a relief routine's user acknowledges once per
routine, while the cue player gets its sounds and voice ready. The session
clock starts only when both are done (or "Start now" is pressed), so the first
cue is on time. The cues the engine plays come from the speech schedule: each
sound at its instant, each phrase at its planned start.

QML's surface is declared in player_page_state, the page's values are made by
player_presenter, a session and what its start waits for in player_session.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Slot

from stretchapp.app import deferred_imports
from stretchapp.app.player_page_state import PlayerPageState
from stretchapp.app.player_presenter import MOTION_KEYS, SECOND_KEYS, TICK_KEYS, PlayerPresenter
from stretchapp.app.player_session import (
    DrawingAhead,
    SafetyMemory,
    needs_acknowledgement,
    session_clock,
    start_ticker,
    voice_ready,
)
from stretchapp.app.task_runner import InlineRunner, Runner
from stretchapp.core.session import recovery
from stretchapp.core.session.controls import Control, Status
from stretchapp.core.session.cues import flashed_words
from stretchapp.core.session.side_choice import (
    DEFAULT_SIDE_CHOICE,
    SideChoice,
    apply_side_choice,
    asks_side,
    side_choice_for,
)

# The session machinery (engine, ticker, the speech; about 40 ms) comes through
# app/deferred_imports when a routine plays: the first frame does without it.
if TYPE_CHECKING:
    from stretchapp.app.session_ticker import SessionTicker
    from stretchapp.app.spoken_cues import SpokenCues
    from stretchapp.app.stretch_images import StretchImages
    from stretchapp.core.model import Routine
    from stretchapp.core.session.cues import Cue
    from stretchapp.core.session.engine import SessionEngine
    from stretchapp.core.session.events import AutoPaused, SessionPosition, SessionState
    from stretchapp.core.session.timeline import Phase

# How often the page moves on between whole seconds while a routine runs, on a grid of
# routine time: each step is a frame. A held stretch's ring steps twice a second; a
# movement's frames and a cue's fading halo four times (the issue allows up to 10): a
# movement with a 3 s tempo shows 7 evenly spaced frames each way, and a frame costs
# about as much as all the ring's steps.
REFRESH_MS = 500
MOVING_REFRESH_MS = 250
# The keys whose changes QML hears through their own signals, not `viewChanged`.
_MOVING_KEYS = frozenset((*MOTION_KEYS, *SECOND_KEYS))
__all__ = ["MOTION_KEYS", "REFRESH_MS", "PlayerBridge", "SafetyMemory", "session_clock"]


class PlayerBridge(PlayerPageState):
    """Plays one routine at a time for the player and finish pages."""

    def __init__(self, images: StretchImages, home: Path, *,
                 clock: Callable[[], float] = session_clock, gap_threshold: float = 2.0,
                 refresh_ms: int = REFRESH_MS, runner: Runner | None = None,
                 parent: QObject | None = None) -> None:
        super().__init__(PlayerPresenter(images), parent)
        self._home = home
        # Recovery points are written by the task runner, in the order they were asked for.
        self._runner: Runner = runner if runner is not None else InlineRunner()
        self._saves = recovery.OrderedSaves(home)
        self._clock = clock
        self._gap_threshold = gap_threshold
        self._refresh_ms = refresh_ms
        self._paused_for_question = False
        self._ticker: SessionTicker | None = None
        self._pending: SessionPosition | None = None
        self._phase_index = -1
        self._status: Status | None = None
        self._saved_at = 0.0
        # `sides: choose` steps: the answer, and whether the start still waits for it.
        self._side_choice: SideChoice = DEFAULT_SIDE_CHOICE
        self._side_asked = False  # the routine has `sides: choose` steps
        self._memory: SafetyMemory | None = None
        self._spoken: SpokenCues | None = None  # phrase lengths, made with the first phrases
        # The movement frames' drawings, made by the runner while the get-ready screen
        # shows: the start waits for them (each is 15 ms of GUI-thread time otherwise).
        self._pictures = DrawingAhead(self._runner, self._pictures_drawn)

    # --- from Python -------------------------------------------------------------

    def set_audio(self, audio: Any) -> None:
        """The cue player whose readiness the start waits for (None: start at once)."""
        self._audio = audio
        # The rendered phrases' lengths feed the speech schedule.
        preparer = getattr(audio, "_preparer", None)
        if preparer is not None:
            preparer.finished.connect(self._on_phrases)

    def set_safety_memory(self, memory: SafetyMemory) -> None:
        """Where relief routines' acknowledgements are remembered (and the welcome read)."""
        self._memory = memory

    def set_theme(self, theme: str) -> None:
        if theme != self._presenter.theme:
            self._presenter.theme = theme
            self._refresh_view()

    @property
    def routine(self) -> Routine | None:
        return self._routine

    @property
    def seconds_spent(self) -> float:
        """Time actually played (pauses left out) in the current or last session."""
        if self._ticker is not None:  # up to date even inside the finished signal
            self._spent = self._ticker.engine.played
        return self._spent

    @property
    def engine(self) -> SessionEngine | None:
        return self._ticker.engine if self._ticker is not None else None

    def open(self, routine: Routine, position: SessionPosition | None = None) -> None:
        """Get a routine ready and start it once its sounds are (paused at position if given)."""
        self._end_session()
        self._routine = routine
        self._pending = position
        self._spent = 0.0
        self._auto_pause_text = ""
        self._phase_index = -1
        self._status = None
        # A resumed session keeps the side answer it was started with.
        answered = side_choice_for(position.side) if position is not None else None
        self._side_choice = answered or DEFAULT_SIDE_CHOICE
        self._side_asked = asks_side(routine)
        self._set_side_question(self._side_asked and answered is None)
        self._presenter.reset(routine.title)  # the get-ready screen names it
        self.viewChanged.emit()
        self.tickChanged.emit()
        self._emit_motion(set(MOTION_KEYS) | {"routineProgress"})
        self._must_acknowledge = needs_acknowledgement(routine, self._memory)
        self._safety_shown = True
        self.safetyChanged.emit()
        if self._audio is not None:
            self._audio.prepare(routine)
        self._draw_pictures(routine)
        self._set_preparing(True)
        self.audio_changed()

    def _draw_pictures(self, routine: Routine) -> None:
        self._pictures.start(self._presenter.drawing_task(routine))

    def _pictures_drawn(self, drawn: dict[str, str]) -> None:
        self._presenter.learn_drawings(drawn)
        self.audio_changed()

    def audio_changed(self) -> None:
        """The cue player's readiness moved on: start when it is ready or has given up."""
        if self._preparing and self._routine is not None and not self._side_question:
            if (voice_ready(self._audio) and self._pictures.ready and not self._must_acknowledge
                    and not self._welcome_pending()):
                self._begin()
            else:
                self.preparingChanged.emit()

    def _welcome_pending(self) -> bool:  # `stretchapp run ID` on a first launch
        return self._memory is not None and self._memory.welcome_pending()

    def close(self) -> None:
        """Leave the player: stop any session without a trace on disk."""
        if self._ticker is not None and self._ticker.engine.status in (
                Status.RUNNING, Status.PAUSED, Status.AUTO_PAUSED):
            self._ticker.apply(Control.STOP)
        self._end_session()
        self._saves.clear()
        self._routine = None
        self._must_acknowledge = False
        self._safety_shown = False
        self.safetyChanged.emit()
        self._set_preparing(False)

    @Slot()
    def acknowledge(self) -> None:
        """The user has read a relief routine's safety note: remember it, and go on."""
        if not self._must_acknowledge or self._routine is None:
            return
        if self._memory is not None:
            self._memory.acknowledge_safety(self._routine.id)
        self._must_acknowledge = False
        self.safetyChanged.emit()
        self.audio_changed()

    @Slot()
    def togglePause(self) -> None:
        """Pause a running session, resume a paused one."""
        if self._ticker is None:
            return
        running = self._ticker.engine.status is Status.RUNNING
        self._control(Control.PAUSE if running else Control.RESUME)

    @Slot()
    def holdForQuestion(self) -> None:
        """Pause while the user is asked something (stop?); releaseQuestion undoes it."""
        if self._ticker is not None and self._ticker.engine.status is Status.RUNNING:
            self._paused_for_question = self._control(Control.PAUSE)

    @Slot()
    def releaseQuestion(self) -> None:
        """Resume after a question, if holdForQuestion paused the session."""
        if self._paused_for_question:
            self._paused_for_question = False
            self._control(Control.RESUME)

    @Slot()
    def skip(self) -> None:
        self._control(Control.SKIP)

    @Slot()
    def back(self) -> None:
        self._control(Control.BACK)

    @Slot()
    def stop(self) -> None:
        """End the session now (QML has asked the user to confirm)."""
        if self._ticker is None or not self._control(Control.STOP):
            return
        self._saves.clear()
        self.stopped.emit()

    @Slot(str)
    def chooseSide(self, key: str) -> None:
        """Answer the side question (a SideChoice key) and start once the sounds are ready."""
        choice = side_choice_for(key)
        if choice is None or not self._side_question:
            return
        self._side_choice = choice
        self._set_side_question(False)
        self.audio_changed()

    @Slot()
    def startNow(self) -> None:
        """Start without waiting any longer for the voice (never past an unread note)."""
        if self._preparing and not self._must_acknowledge:
            self._begin()

    @Slot()
    def refresh(self) -> None:
        """Read the clock now (the ticker does this on its own; tests call it too)."""
        if self._ticker is not None:
            self._ticker.pump()

    # --- the session ---------------------------------------------------------------

    def _control(self, control: Control) -> bool:
        if self._ticker is None:
            return False
        return self._ticker.apply(control)

    def _begin(self) -> None:
        assert self._routine is not None
        # The routine as the user's side answer plays it (unchanged when nothing asked).
        routine = self._routine = apply_side_choice(self._routine, self._side_choice)
        self._set_side_question(False)
        self._set_preparing(False)
        position, self._pending = self._pending, None
        if position is None and not self._picture_size.isEmpty():
            # The get-ready screen has no safety banner over the page, as the first
            # stretch has not: the picture's size now is the movement's.
            self._presenter.draw_first_movement(routine, self._picture_size,
                                                MOVING_REFRESH_MS / 1000)
        rate = int(getattr(self._audio, "voiceRate", 0) or 160)
        cues = self._spoken_cues().for_routine(routine, rate)
        ticker = start_ticker(routine, position, self._clock, cues,
                              gap_threshold=self._gap_threshold, refresh_ms=self._refresh_ms,
                              parent=self)
        self._ticker = ticker
        ticker.cueDue.connect(self._on_cue)
        ticker.stateChanged.connect(self._on_state)
        ticker.autoPaused.connect(self._on_auto_paused)
        ticker.finished.connect(self._on_finished)
        ticker.controlRefused.connect(self.refused)
        if position is None:
            ticker.apply(Control.START)
        else:
            ticker.pump()

    @Slot(object)
    def _on_phrases(self, rendered: dict[str, Path]) -> None:
        self._spoken_cues().learn(rendered)

    def _spoken_cues(self) -> SpokenCues:
        if self._spoken is None:
            self._spoken = deferred_imports.spoken_cues()
        return self._spoken

    def _end_session(self) -> None:
        if self._ticker is not None:
            self._ticker.blockSignals(True)
            self._ticker.deleteLater()
            self._ticker = None

    def _on_cue(self, cue: Cue) -> None:
        self.cueDue.emit(cue)
        if cue.sound:  # a phrase alone (from the speech schedule) has its sound's pulse
            self._presenter.cue_sounded(cue)
            self.cueShown.emit(cue.kind.value, flashed_words(cue))

    def _on_auto_paused(self, event: AutoPaused) -> None:
        self._auto_pause_text = event.reason
        self._save_position()

    def _on_finished(self) -> None:
        self._saves.clear()
        self.finished.emit()

    def _on_state(self, state: SessionState) -> None:
        now = self._clock()
        self._spent = state.played  # the engine's figure: pauses and gaps left out
        phase: Phase | None = state.phase
        changed_phase = phase is not None and phase.index != self._phase_index
        changed_status = state.status is not self._status
        self._phase_index = phase.index if phase is not None else -1
        self._status = state.status
        if state.status is Status.RUNNING:
            self._auto_pause_text = ""
            if self._safety_shown and phase is not None and phase.active:
                self._safety_shown = False
                self.safetyChanged.emit()
        if state.status in (Status.RUNNING, Status.PAUSED, Status.AUTO_PAUSED) and (
                changed_phase or changed_status or now - self._saved_at >= recovery.SAVE_EVERY):
            self._save_position()
        self.stateUpdated.emit(state)
        self._show(state)

    def _recovery_point(self) -> SessionPosition | None:
        if self._ticker is None or self._routine is None:
            return None
        side = self._side_choice.key if self._side_asked else ""
        return replace(self._ticker.engine.snapshot(), side=side)

    def _save_position(self) -> None:
        """Ask a worker to write where the session is (a plain position and title)."""
        position = self._recovery_point()
        if position is None or self._routine is None:
            return
        self._saved_at = self._clock()
        self._runner.run(self._saves.save_task(position, self._routine.title), _done,
                         name="recovery point")

    def save_recovery_now(self) -> None:
        """The app is closing: write where a live session is, on this thread, last."""
        position = self._recovery_point()
        if position is None or self._routine is None or self._ticker is None:
            return
        if self._ticker.engine.status in (Status.RUNNING, Status.PAUSED, Status.AUTO_PAUSED):
            self._saves.save_now(position, self._routine.title)

    def _show(self, state: SessionState) -> None:
        if self._routine is None:
            return
        changed = self._presenter.show(self._routine, state)
        if self._ticker is not None:
            self._ticker.set_refresh_ms(min(self._refresh_ms, MOVING_REFRESH_MS)
                                        if self._presenter.moving else self._refresh_ms)
        if not changed.issubset(_MOVING_KEYS):
            self.viewChanged.emit()
        if not changed.isdisjoint(TICK_KEYS):
            self.tickChanged.emit()
        self._emit_motion(changed)

    def _refresh_view(self) -> None:
        if self._ticker is not None:
            self._show(self._ticker.engine.state())



def _done(_written: bool) -> None:
    """A recovery point was written, or skipped (a later one, a read-only home)."""
