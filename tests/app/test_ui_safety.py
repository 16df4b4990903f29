"""Safety in the player: the note on every start path, the relief acknowledgement, the welcome."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal

from stretchapp.core.red_flags import red_flags
from stretchapp.core.session import recovery
from stretchapp.core.session.cues import CueKind
from stretchapp.core.session.events import SessionPosition
from stretchapp.core.storage.settings import load_settings
from stretchapp.core.wording.player import SAFETY_SPOKEN, WELCOME_TEXT
from tests.helpers.ui import Ui


def _waiting_on_the_note(ui: Ui, words: str) -> None:
    """The get-ready screen shows the note and holds the clock until it is acknowledged."""
    assert ui.exists("preparingOverlay")
    assert words in ui.text("getReadySafetyText").lower()
    assert ui.exists("acknowledgeButton")
    assert not ui.exists("startNowButton")  # no way past an unread note but reading it
    ui.advance(30)
    assert ui.shell.player.engine is None  # the session clock has not started


def test_detail_start_of_a_relief_routine_waits_for_the_acknowledgement(ui: Ui,
                                                                       home: Path) -> None:
    """Start on the detail page: the note shows, one click acknowledges, and it is remembered."""
    ui.start("calf-relief", acknowledge=False)
    _waiting_on_the_note(ui, "cramp")
    ui.click("acknowledgeButton")
    if ui.shell.player.sideQuestion:  # calf relief asks which leg next; the default answer
        ui.key(Qt.Key.Key_Return)
    assert not ui.exists("preparingOverlay")
    engine = ui.shell.player.engine
    assert engine is not None
    get_ready = engine.timeline[0].duration
    assert ui.text("phaseLabel") == "Get ready"
    assert ui.text("countdownText") == str(get_ready)
    assert "calf-relief" in load_settings(home).settings.safety_acknowledged
    # The note stays on the player through the first get-ready, then makes room.
    assert "cramp" in ui.text("safetyBannerText").lower()
    ui.advance(get_ready)
    assert ui.text("phaseLabel") == "Hold" and not ui.exists("safetyBanner")
    ui.click("stopButton")
    ui.click("stopDialogAccept")
    ui.click("startButton")  # acknowledged once: not asked again
    assert not ui.shell.player.mustAcknowledge
    assert ui.shell.player.sideQuestion  # only which leg, as every time
    ui.key(Qt.Key.Key_Return)
    assert ui.shell.player.engine is not None
    assert ui.exists("safetyBanner")


def test_run_id_shows_the_note_and_enter_acknowledges(open_ui: Any) -> None:
    """`stretchapp run neck-relief`: the note shows before the first step; Enter reads it."""
    ui = open_ui("neck-relief")
    _waiting_on_the_note(ui, "")
    ui.key(Qt.Key.Key_Return)
    assert not ui.exists("preparingOverlay") and ui.text("phaseLabel") == "Get ready"


def test_do_it_again_shows_the_note(ui: Ui) -> None:
    """"Do it again" on the done screen starts with the note on screen again."""
    ui.start("calf-warm-up")
    assert ui.exists("safetyBanner") and not ui.shell.player.mustAcknowledge
    ui.play_to_end()
    assert ui.page() == "finish"
    ui.click("againButton")
    assert ui.page() == "player"
    assert ui.exists("safetyBanner")
    assert "warm" in ui.text("safetyBannerText").lower() or ui.text("safetyBannerText")


def test_resume_of_an_interrupted_session_shows_the_note(home: Path, open_ui: Any) -> None:
    """Continuing an interrupted relief routine asks for the acknowledgement first, then pauses."""
    recovery.save_position(home, SessionPosition("back-relief", 3, 2.0), "Back relief")
    ui = open_ui()
    ui.click("recoveryDialogAccept")
    assert ui.page() == "player"
    _waiting_on_the_note(ui, "")
    ui.click("acknowledgeButton")
    assert ui.shell.player.view["paused"] is True
    assert ui.exists("safetyBanner")


def test_editor_preview_shows_the_note(ui: Ui) -> None:
    """A preview from the editor is a start like any other: the note is on the get-ready screen."""
    ui.click("routineCard_neck-cool-down")
    ui.click("customiseButton")
    ui.qtbot.waitUntil(lambda: ui.page() == "editor")
    ui.click("editorPreview")
    ui.qtbot.waitUntil(lambda: ui.page() == "player")
    assert ui.exists("safetyBanner") or ui.exists("getReadySafety")
    assert ui.shell.player.safetyText != ""


def test_the_voice_says_stop_if_it_hurts_at_the_start(ui: Ui) -> None:
    """The first phase of every routine speaks the safety line (a cue of words alone)."""
    said: list[tuple[str, str]] = []
    ui.shell.player.cueDue.connect(lambda cue: said.append((cue.kind, cue.text)))
    ui.start("back-warm-up")
    ui.advance(3)
    assert (CueKind.SAFETY, SAFETY_SPOKEN) in said


def test_first_launch_screen_shows_once(open_ui: Any, home: Path) -> None:
    """A fresh home shows what the app is and is not; after "Got it" it never shows again."""
    ui = open_ui(welcome=True)
    assert ui.exists("welcomeScreen")
    assert ui.text("welcomeText") == WELCOME_TEXT
    assert "not medical advice" in WELCOME_TEXT
    ui.key(Qt.Key.Key_Return)
    assert not ui.exists("welcomeScreen")
    assert json.loads((home / "settings.json").read_text())["welcome_seen"] is True


def test_run_id_on_a_first_launch_waits_for_the_welcome(open_ui: Any) -> None:
    """`run ID` on a first launch: the welcome comes first and the clock waits behind it."""
    ui = open_ui("back-warm-up", welcome=True)
    assert ui.exists("welcomeScreen")
    ui.advance(10)
    assert ui.shell.player.engine is None
    ui.click("welcomeButton")
    assert ui.shell.player.engine is not None


def test_history_leaves_out_a_suspend(ui: Ui, home: Path) -> None:
    """5 s of play, a 600 s suspend, resume, finish: the history has 5 s plus what came after."""
    ui.start("calf-relief")
    ui.advance(5)
    ui.clock.now += 600
    ui.shell.player.refresh()
    ui.settle()
    assert ui.exists("autoPauseBanner")
    engine = ui.shell.player.engine
    assert engine is not None
    assert engine.played == 5.0
    ui.click("autoResumeButton")
    rest = engine.total - engine.state().elapsed
    ui.play_to_end()
    assert ui.page() == "finish"
    seconds = sqlite3.connect(home / "history.sqlite3").execute(
        "SELECT seconds FROM sessions").fetchone()[0]
    assert abs(seconds - (5 + rest)) < 1.0
    assert f"{int((5 + rest) // 60)} min" in ui.text("timeSpentText")


class SlowVoice(QObject):
    """A cue player whose voice is still being rendered: the edge the get-ready screen waits on."""

    readyChanged = Signal()
    preparingChanged = Signal()
    progressChanged = Signal()
    noticeChanged = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.ready, self.preparing, self.progress, self.notice = False, True, 0.4, ""
        self.voiceRate = 160
        self.played: list[object] = []

    def prepare(self, routine: object) -> None:
        self.ready, self.preparing = False, True

    def finish(self) -> None:
        self.ready, self.preparing = True, False
        self.preparingChanged.emit()

    def play_cue(self, cue: object) -> None:
        self.played.append(cue)

    def follow_state(self, state: object) -> None: ...

    def stop(self) -> None: ...

    def set_volume(self, value: float) -> None: ...

    def set_muted(self, value: bool) -> None: ...

    def set_voice_enabled(self, value: bool) -> None: ...

    def set_voice_rate(self, value: int) -> None: ...


def _with_slow_voice(ui: Ui) -> SlowVoice:
    voice = SlowVoice(ui.shell)
    ui.shell.audio = voice
    ui.shell._wire_audio(voice)
    ui.shell.player.set_audio(voice)
    return voice


def test_clock_starts_only_when_the_voice_is_ready(ui: Ui) -> None:
    """While the voice renders the get-ready screen waits, clock still; ready, the first cue is
    due at once."""
    voice = _with_slow_voice(ui)
    ui.start("back-warm-up")
    assert ui.exists("preparingVoiceText") and ui.exists("startNowButton")
    ui.advance(5)
    assert ui.shell.player.engine is None and voice.played == []
    voice.finish()
    ui.settle()
    assert ui.shell.player.engine is not None
    assert [c.kind for c in voice.played][:1] == [CueKind.PHASE_START]
    assert ui.text("countdownText") == ui.shell.player.view["countdownText"]


def test_start_now_starts_without_the_voice(ui: Ui) -> None:
    """"Start now" on the get-ready screen starts at once, voice or not."""
    _with_slow_voice(ui)
    ui.start("back-warm-up")
    ui.click("startNowButton")
    assert ui.shell.player.engine is not None and not ui.exists("preparingOverlay")


def test_a_relief_get_ready_lists_its_red_flags(ui: Ui) -> None:
    """Calf relief's get-ready screen lists every calf red flag before the first stretch."""
    ui.start("calf-relief", acknowledge=False)
    shown = [str(item.property("text")) for item in ui.items("getReadyRedFlag")]
    assert len(shown) == len(red_flags("calf")) > 0
    assert all(any(flag in text for text in shown) for flag in red_flags("calf"))
    assert any("clot" in text for text in shown)


def test_a_warm_up_has_no_red_flags_in_the_player(ui: Ui) -> None:
    """Red flags belong to relief routines: a warm-up's player lists none."""
    ui.start("calf-warm-up")
    assert ui.shell.player.redFlags == []
    assert not ui.exists("getReadyRedFlag")
