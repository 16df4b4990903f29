"""The player as QML sees it: one session of one routine, its controls and its looks.

A SessionTicker drives the engine; every state it reports becomes one dict of
display values (player_view) that QML binds to through `view`. The bridge also
keeps the crash-recovery position up to date and shows the time the engine
says was played.

Before the first step of every start the get-ready screen shows (`preparing`):
the routine's safety note, which a relief routine's user acknowledges once per
routine, while the cue player gets its sounds and voice ready. The session
clock starts only when both are done (or "Start now" is pressed), so the first
cue is on time. The cues the engine plays come from the speech schedule: each
sound at its instant, each phrase at its planned start.
"""

from __future__ import annotations

import contextlib
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from PySide6.QtCore import Property, QObject, Signal, Slot

from stretchapp.core.red_flags import RED_FLAGS_HEADING
from stretchapp.core.session import recovery
from stretchapp.core.session.cues import flashed_words
from stretchapp.core.session.side_choice import (
    DEFAULT_SIDE_CHOICE,
    SIDE_CHOICES,
    SideChoice,
    apply_side_choice,
    asks_side,
    side_choice_for,
)
from stretchapp.core.wording import SAFETY_HEADING, player_words

# The session machinery (engine, events, timeline, cues, ticker, the player's view)
# is imported by the methods that play a routine: the first frame does without it.
if TYPE_CHECKING:
    from stretchapp.app.session_ticker import SessionTicker
    from stretchapp.app.spoken_cues import SpokenCues
    from stretchapp.app.stretch_images import StretchImages
    from stretchapp.core.model import Routine
    from stretchapp.core.session.cues import Cue
    from stretchapp.core.session.engine import SessionEngine
    from stretchapp.core.session.events import (
        AutoPaused,
        Control,
        SessionPosition,
        SessionState,
        Status,
    )
    from stretchapp.core.session.timeline import Phase

REFRESH_MS = 200  # how often the ring and a movement's frames move on: 5 Hz (at most 10 wanted)
# The view's values that move with every refresh: they have their own properties
# and signal, so a refresh re-evaluates three bindings, not every one of the page's.
MOTION_KEYS = ("phaseProgress", "routineProgress", "pulse", "imageSource")


class SafetyMemory(Protocol):
    """Where acknowledged safety notes are remembered (the settings bridge)."""

    def safety_acknowledged(self, routine_id: str) -> bool: ...

    def acknowledge_safety(self, routine_id: str) -> None: ...

    def welcome_pending(self) -> bool: ...


def session_clock() -> float:
    """A monotonic clock that keeps counting while the computer sleeps (where it can).

    CLOCK_MONOTONIC stops during suspend on Linux, so the engine would never see
    the gap and could not auto-pause; CLOCK_BOOTTIME includes it.
    """
    return time.clock_gettime(time.CLOCK_BOOTTIME)


if not hasattr(time, "CLOCK_BOOTTIME"):  # pragma: no cover - not Linux
    session_clock = time.monotonic


class PlayerBridge(QObject):
    """Plays one routine at a time for the player and finish pages."""

    viewChanged = Signal()
    motionChanged = Signal()  # one of MOTION_KEYS moved on
    preparingChanged = Signal()
    cueShown = Signal(str, str)  # cue kind, words to flash ("" for none)
    cueDue = Signal(object)  # a Cue, for the cue player
    stateUpdated = Signal(object)  # a SessionState, for the cue player
    finished = Signal()
    stopped = Signal()
    historyTextChanged = Signal()
    refused = Signal(str)
    sideQuestionChanged = Signal()
    safetyChanged = Signal()

    def __init__(self, images: StretchImages, home: Path, *,
                 clock: Callable[[], float] = session_clock, gap_threshold: float = 2.0,
                 refresh_ms: int = REFRESH_MS, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._images = images
        self._home = home
        self._clock = clock
        self._gap_threshold = gap_threshold
        self._refresh_ms = refresh_ms
        self._theme = "light"
        self._paused_for_question = False
        # The cue player (stretchapp.app.cue_player.CuePlayer): prepare(routine),
        # and its ready, preparing and progress properties.
        self._audio: Any = None
        self._routine: Routine | None = None
        self._ticker: SessionTicker | None = None
        self._view: dict[str, Any] = {}  # every key once a routine opens (blank_view)
        self._preparing = False
        self._pending: SessionPosition | None = None
        self._phase_index = -1
        self._status: Status | None = None
        self._saved_at = 0.0
        self._spent = 0.0
        self._auto_pause_text = ""
        self._history_text = ""
        # `sides: choose` steps: the answer, and whether the start still waits for it.
        self._side_choice: SideChoice = DEFAULT_SIDE_CHOICE
        self._side_question = False
        self._memory: SafetyMemory | None = None
        self._must_acknowledge = False
        self._safety_shown = False  # from open until the first stretch runs
        self._spoken: SpokenCues | None = None  # phrase lengths, made with the first phrases
        self._pulse_at: float | None = None  # routine time of the last cue sound

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
        if theme != self._theme:
            self._theme = theme
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

    def set_history_text(self, text: str) -> None:
        """A line for the done screen about the user's history with this routine."""
        if text != self._history_text:
            self._history_text = text
            self.historyTextChanged.emit()

    def _get_history_text(self) -> str:
        return self._history_text

    @property
    def engine(self) -> SessionEngine | None:
        return self._ticker.engine if self._ticker is not None else None

    def open(self, routine: Routine, position: SessionPosition | None = None) -> None:
        """Get a routine ready and start it once its sounds are (paused at position if given)."""
        from stretchapp.app.player_view import blank_view

        self._end_session()
        self._routine = routine
        self._pending = position
        self._spent = 0.0
        self._pulse_at = None
        self._auto_pause_text = ""
        self._phase_index = -1
        self._status = None
        self._view = blank_view()
        self._side_choice = DEFAULT_SIDE_CHOICE
        self._set_side_question(asks_side(routine))
        self._view["routineTitle"] = routine.title  # the get-ready screen names it
        self.viewChanged.emit()
        self.motionChanged.emit()
        self._must_acknowledge = self._needs_acknowledgement(routine)
        self._safety_shown = True
        self.safetyChanged.emit()
        if self._audio is not None:
            self._audio.prepare(routine)
        self._set_preparing(True)
        self.audio_changed()

    def audio_changed(self) -> None:
        """The cue player's readiness moved on: start when it is ready or has given up."""
        if self._preparing and self._routine is not None and not self._side_question:
            if self._voice_ready() and not self._must_acknowledge and not self._welcome_pending():
                self._begin()
            else:
                self.preparingChanged.emit()

    def _welcome_pending(self) -> bool:
        """The first-launch screen is still up (`stretchapp run ID` on a first launch)."""
        return self._memory is not None and self._memory.welcome_pending()

    def _voice_ready(self) -> bool:
        audio = self._audio
        return audio is None or bool(audio.ready) or not audio.preparing

    def _needs_acknowledgement(self, routine: Routine) -> bool:
        from stretchapp.core.model import Kind

        if routine.kind is not Kind.RELIEF or not routine.safety.strip():
            return False
        return self._memory is None or not self._memory.safety_acknowledged(routine.id)

    def close(self) -> None:
        """Leave the player: stop any session without a trace on disk."""
        from stretchapp.core.session.events import Control, Status

        if self._ticker is not None and self._ticker.engine.status in (
                Status.RUNNING, Status.PAUSED, Status.AUTO_PAUSED):
            self._ticker.apply(Control.STOP)
        self._end_session()
        recovery.clear_position(self._home)
        self._routine = None
        self._must_acknowledge = False
        self._safety_shown = False
        self.safetyChanged.emit()
        self._set_preparing(False)

    # --- to QML ------------------------------------------------------------------

    def _get_view(self) -> dict[str, Any]:
        return self._view

    def _get_preparing(self) -> bool:
        return self._preparing

    def _get_prepare_progress(self) -> float:
        return float(self._audio.progress) if self._audio is not None else 1.0

    def _get_time_spent(self) -> str:
        from stretchapp.app.player_view import time_spent_text

        return time_spent_text(self._spent)

    def _get_auto_pause_text(self) -> str:
        return self._auto_pause_text

    def _get_side_question(self) -> bool:
        return self._side_question

    def _get_side_choices(self) -> list[dict[str, str]]:
        return [{"key": choice.key, "label": choice.label} for choice in SIDE_CHOICES]

    def _get_phase_progress(self) -> float:
        return float(self._view.get("phaseProgress", 0.0))

    def _get_routine_progress(self) -> float:
        return float(self._view.get("routineProgress", 0.0))

    def _get_pulse(self) -> float:
        return float(self._view.get("pulse", 0.0))

    def _get_image_source(self) -> str:
        return str(self._view.get("imageSource", ""))

    def _get_safety_text(self) -> str:
        return " ".join(self._routine.safety.split()) if self._routine is not None else ""

    def _get_red_flags(self) -> list[str]:
        return list(self._routine.red_flags) if self._routine is not None else []

    def _get_red_flags_heading(self) -> str:
        return RED_FLAGS_HEADING

    def _get_safety_heading(self) -> str:
        return SAFETY_HEADING

    def _get_must_acknowledge(self) -> bool:
        return self._must_acknowledge

    def _get_safety_shown(self) -> bool:
        return self._safety_shown

    def _get_voice_ready(self) -> bool:
        return self._voice_ready()

    def _get_words(self) -> dict[str, str]:
        return player_words()

    view = Property(dict, _get_view, notify=viewChanged)
    # True while the get-ready screen asks which side goes first (sides: choose).
    sideQuestion = Property(bool, _get_side_question, notify=sideQuestionChanged)
    sideChoices = Property(list, _get_side_choices, constant=True)
    preparing = Property(bool, _get_preparing, notify=preparingChanged)
    prepareProgress = Property(float, _get_prepare_progress,
                               notify=preparingChanged)
    timeSpentText = Property(str, _get_time_spent, notify=viewChanged)
    historyText = Property(str, _get_history_text, notify=historyTextChanged)
    autoPauseText = Property(str, _get_auto_pause_text, notify=viewChanged)
    phaseProgress = Property(float, _get_phase_progress, notify=motionChanged)
    routineProgress = Property(float, _get_routine_progress, notify=motionChanged)
    pulse = Property(float, _get_pulse, notify=motionChanged)
    imageSource = Property(str, _get_image_source, notify=motionChanged)
    safetyText = Property(str, _get_safety_text, notify=safetyChanged)
    safetyHeading = Property(str, _get_safety_heading, constant=True)
    redFlags = Property(list, _get_red_flags, notify=safetyChanged)  # a relief routine's
    redFlagsHeading = Property(str, _get_red_flags_heading, constant=True)
    mustAcknowledge = Property(bool, _get_must_acknowledge, notify=safetyChanged)
    # The note stays on screen from the get-ready screen until the first stretch runs.
    safetyShown = Property(bool, _get_safety_shown, notify=safetyChanged)
    voiceReady = Property(bool, _get_voice_ready, notify=preparingChanged)
    words = Property(dict, _get_words, constant=True)  # the safety and welcome sentences

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
        from stretchapp.core.session.events import Control, Status

        if self._ticker is None:
            return
        running = self._ticker.engine.status is Status.RUNNING
        self._control(Control.PAUSE if running else Control.RESUME)

    @Slot()
    def holdForQuestion(self) -> None:
        """Pause while the user is asked something (stop?); releaseQuestion undoes it."""
        from stretchapp.core.session.events import Control, Status

        if self._ticker is not None and self._ticker.engine.status is Status.RUNNING:
            self._paused_for_question = self._control(Control.PAUSE)

    @Slot()
    def releaseQuestion(self) -> None:
        """Resume after a question, if holdForQuestion paused the session."""
        from stretchapp.core.session.events import Control

        if self._paused_for_question:
            self._paused_for_question = False
            self._control(Control.RESUME)

    @Slot()
    def skip(self) -> None:
        from stretchapp.core.session.events import Control

        self._control(Control.SKIP)

    @Slot()
    def back(self) -> None:
        from stretchapp.core.session.events import Control

        self._control(Control.BACK)

    @Slot()
    def stop(self) -> None:
        """End the session now (QML has asked the user to confirm)."""
        from stretchapp.core.session.events import Control

        if self._ticker is None or not self._control(Control.STOP):
            return
        recovery.clear_position(self._home)
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
        from stretchapp.app.session_ticker import SessionTicker
        from stretchapp.core.session.engine import SessionEngine
        from stretchapp.core.session.events import Control

        assert self._routine is not None
        # The routine as the user's side answer plays it (unchanged when nothing asked).
        routine = self._routine = apply_side_choice(self._routine, self._side_choice)
        self._set_side_question(False)
        self._set_preparing(False)
        position, self._pending = self._pending, None
        rate = int(getattr(self._audio, "voiceRate", 0) or 160)
        cues = self._spoken_cues().for_routine(routine, rate)
        if position is not None:
            engine = SessionEngine.restore(routine, position, self._clock,
                                           gap_threshold=self._gap_threshold, cues=cues)
        else:
            engine = SessionEngine(routine, self._clock, gap_threshold=self._gap_threshold,
                                   cues=cues)
        ticker = SessionTicker(engine, self, refresh_ms=self._refresh_ms)
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
        from stretchapp.app.spoken_cues import SpokenCues

        if self._spoken is None:
            self._spoken = SpokenCues()
        return self._spoken

    def _end_session(self) -> None:
        if self._ticker is not None:
            self._ticker.blockSignals(True)
            self._ticker.deleteLater()
            self._ticker = None

    def _on_cue(self, cue: Cue) -> None:
        self.cueDue.emit(cue)
        if cue.sound:  # a phrase alone (from the speech schedule) has its sound's pulse
            self._pulse_at = cue.due
            self.cueShown.emit(cue.kind.value, flashed_words(cue))

    def _on_auto_paused(self, event: AutoPaused) -> None:
        self._auto_pause_text = event.reason
        self._save_position()

    def _on_finished(self) -> None:
        recovery.clear_position(self._home)
        self.finished.emit()

    def _on_state(self, state: SessionState) -> None:
        from stretchapp.core.session.events import Status

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

    def _save_position(self) -> None:
        if self._ticker is None or self._routine is None:
            return
        self._saved_at = self._clock()
        # A read-only home: the routine plays on without a recovery point.
        with contextlib.suppress(OSError):
            recovery.save_position(self._home, self._ticker.engine.snapshot(), self._routine.title)

    def _show(self, state: SessionState) -> None:
        if self._routine is None:
            return
        from stretchapp.app.player_view import player_view, pulse_level

        view = player_view(self._routine, state, self._images, self._theme)
        view["pulse"] = pulse_level(state.elapsed, self._pulse_at)
        old, self._view = self._view, view
        moved = any(view[key] != old.get(key) for key in MOTION_KEYS)
        if any(value != old.get(key) for key, value in view.items() if key not in MOTION_KEYS):
            self.viewChanged.emit()
        if moved:
            self.motionChanged.emit()

    def _refresh_view(self) -> None:
        if self._ticker is not None:
            self._show(self._ticker.engine.state())

    def _set_side_question(self, value: bool) -> None:
        if value != self._side_question:
            self._side_question = value
            self.sideQuestionChanged.emit()

    def _set_preparing(self, value: bool) -> None:
        if value != self._preparing:
            self._preparing = value
            self.preparingChanged.emit()

