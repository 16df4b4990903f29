"""What the player page binds to: the player's signals and properties, read from its state.

PlayerBridge (player_bridge) plays the session and keeps this state; this base
class only declares what QML sees, so the page's surface is read in one place.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Property, QObject, QSize, Signal

from stretchapp.app.player_presenter import PlayerPresenter
from stretchapp.app.player_session import voice_ready
from stretchapp.app.player_view import time_spent_text
from stretchapp.core.red_flags import RED_FLAGS_HEADING
from stretchapp.core.session.side_choice import SIDE_CHOICES
from stretchapp.core.wording.player import SAFETY_HEADING

if TYPE_CHECKING:
    from stretchapp.app.player_session import CueReadiness
    from stretchapp.core.model import Routine


class PlayerPageState(QObject):
    """The player's signals, and the properties QML binds to (see PlayerBridge)."""

    viewChanged = Signal()
    tickChanged = Signal()  # one of TICK_KEYS moved on (every second)
    # One signal per moving value (player_presenter.MOTION_KEYS), and the routine's
    # progress (once a second): a binding is re-evaluated only when its value moved.
    phaseProgressChanged = Signal()
    pulseChanged = Signal()
    imageSourceChanged = Signal()
    routineProgressChanged = Signal()
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
    pictureSizeChanged = Signal()

    def __init__(self, presenter: PlayerPresenter, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._presenter = presenter
        # The cue player (stretchapp.app.cue_player.CuePlayer): prepare(routine),
        # and its ready, preparing and progress properties.
        self._audio: CueReadiness | None = None
        self._routine: Routine | None = None
        self._preparing = False
        self._spent = 0.0  # the engine's time played, kept after the session ends
        self._auto_pause_text = ""
        self._history_text = ""
        self._side_question = False  # the start waits for the side answer
        self._must_acknowledge = False
        self._safety_shown = False  # from open until the first stretch runs
        # The size the page draws the picture at (QML sets it): what is drawn ahead.
        self._picture_size = QSize()

    def set_history_text(self, text: str) -> None:
        """A line for the done screen about the user's history with this routine."""
        if text != self._history_text:
            self._history_text = text
            self.historyTextChanged.emit()

    def _get_history_text(self) -> str:
        return self._history_text

    def _get_view(self) -> dict[str, Any]:
        return self._presenter.view

    def _get_tick(self) -> dict[str, str]:
        return self._presenter.tick()

    def _get_preparing(self) -> bool:
        return self._preparing

    def _get_prepare_progress(self) -> float:
        return float(self._audio.progress) if self._audio is not None else 1.0

    def _get_time_spent(self) -> str:
        return time_spent_text(self._spent)

    def _get_auto_pause_text(self) -> str:
        return self._auto_pause_text

    def _get_side_question(self) -> bool:
        return self._side_question

    def _get_side_choices(self) -> list[dict[str, str]]:
        return [{"key": choice.key, "label": choice.label} for choice in SIDE_CHOICES]

    def _get_phase_progress(self) -> float:
        return self._presenter.number("phaseProgress")

    def _get_routine_progress(self) -> float:
        return self._presenter.number("routineProgress")

    def _get_pulse(self) -> float:
        return self._presenter.number("pulse")

    def _get_image_source(self) -> str:
        return self._presenter.text("imageSource")

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
        return voice_ready(self._audio)

    def _get_picture_size(self) -> QSize:
        return self._picture_size

    def _set_picture_size(self, size: QSize) -> None:
        if size != self._picture_size:
            self._picture_size = QSize(size)
            self.pictureSizeChanged.emit()

    view = Property(dict, _get_view, notify=viewChanged)
    # The view's figures that change every second (player_presenter.TICK_KEYS).
    tick = Property(dict, _get_tick, notify=tickChanged)
    # True while the get-ready screen asks which side goes first (sides: choose).
    sideQuestion = Property(bool, _get_side_question, notify=sideQuestionChanged)
    sideChoices = Property(list, _get_side_choices, constant=True)
    preparing = Property(bool, _get_preparing, notify=preparingChanged)
    prepareProgress = Property(float, _get_prepare_progress,
                               notify=preparingChanged)
    timeSpentText = Property(str, _get_time_spent, notify=viewChanged)
    historyText = Property(str, _get_history_text, notify=historyTextChanged)
    autoPauseText = Property(str, _get_auto_pause_text, notify=viewChanged)
    phaseProgress = Property(float, _get_phase_progress, notify=phaseProgressChanged)
    routineProgress = Property(float, _get_routine_progress, notify=routineProgressChanged)
    pulse = Property(float, _get_pulse, notify=pulseChanged)
    imageSource = Property(str, _get_image_source, notify=imageSourceChanged)
    safetyText = Property(str, _get_safety_text, notify=safetyChanged)
    safetyHeading = Property(str, _get_safety_heading, constant=True)
    redFlags = Property(list, _get_red_flags, notify=safetyChanged)  # a relief routine's
    redFlagsHeading = Property(str, _get_red_flags_heading, constant=True)
    mustAcknowledge = Property(bool, _get_must_acknowledge, notify=safetyChanged)
    # The note stays on screen from the get-ready screen until the first stretch runs.
    safetyShown = Property(bool, _get_safety_shown, notify=safetyChanged)
    voiceReady = Property(bool, _get_voice_ready, notify=preparingChanged)
    pictureSize = Property(QSize, _get_picture_size, _set_picture_size,
                           notify=pictureSizeChanged)

    def _set_side_question(self, value: bool) -> None:
        if value != self._side_question:
            self._side_question = value
            self.sideQuestionChanged.emit()

    def _emit_motion(self, changed: set[str]) -> None:
        """Notify the moving values that changed, each on its own signal."""
        if "phaseProgress" in changed:
            self.phaseProgressChanged.emit()
        if "pulse" in changed:
            self.pulseChanged.emit()
        if "imageSource" in changed:
            self.imageSourceChanged.emit()
        if "routineProgress" in changed:
            self.routineProgressChanged.emit()

    def _set_preparing(self, value: bool) -> None:
        if value != self._preparing:
            self._preparing = value
            self.preparingChanged.emit()

