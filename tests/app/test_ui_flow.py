"""Library -> detail -> player -> finish, driven with clicks and keys on the real QML."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt

from tests.helpers.ui import Ui


def test_library_shows_the_builtin_routines_grouped(ui: Ui) -> None:
    """The first screen lists every built-in routine under calf, back and neck."""
    assert ui.page() == "library"
    for group in ("calf", "back", "neck"):
        assert ui.exists(f"section_{group}")
    assert ui.exists("routineCard_calf-relief")
    card = ui.item("routineCard_calf-relief")
    name = card.property("Accessible.name") or ""
    assert ui.shell.library.visibleCount == 17  # the nine group routines and eight everyday ones
    assert "Calf cramp relief" in str(card.property("routine")["title"]) or name


def test_whole_routine_from_library_to_finish(ui: Ui) -> None:
    """Clicking through to Start plays the routine to the done screen as the clock moves."""
    ui.start("calf-relief")
    assert ui.text("playerRoutineTitle") == "Calf cramp relief"
    assert ui.text("phaseLabel") == "Get ready"
    assert ui.text("stretchName") == "Stand on the cramping leg"
    assert ui.text("sideRepText") == "Left side"
    assert ui.text("countdownText") == "5"
    ui.advance(3)
    assert ui.text("countdownText") == "2"
    ui.advance(2)
    assert ui.text("phaseLabel") == "Hold"
    assert ui.text("countdownText") == "30"
    ui.play_to_end()
    assert ui.page() == "finish"
    assert ui.text("finishTitle") == "Well done"
    assert "7 min 35 s" in ui.text("timeSpentText")
    assert ui.exists("afterCare")


def test_keys_pause_skip_back_and_stop(ui: Ui) -> None:
    """Space pauses and resumes, Right skips, Left goes back, Esc asks before stopping."""
    ui.start("calf-relief")
    ui.key(Qt.Key.Key_Space)
    assert ui.shell.player.view["paused"] is True
    assert ui.text("pauseButton") == "Resume"
    ui.advance(5)
    assert ui.text("countdownText") == "5"
    ui.key(Qt.Key.Key_Space)
    assert ui.shell.player.view["paused"] is False
    ui.key(Qt.Key.Key_Right)
    assert ui.text("phaseLabel") == "Hold"
    ui.advance(5)
    ui.key(Qt.Key.Key_Left)
    assert ui.text("phaseLabel") == "Get ready"
    ui.key(Qt.Key.Key_Escape)
    assert ui.popup_open("stopDialog")
    assert ui.page() == "player"
    ui.click("stopDialogAccept")
    assert ui.page() == "detail"
    assert ui.text("detailTitle") == "Calf cramp relief"


def test_stop_can_be_declined(ui: Ui) -> None:
    """The Stop button asks first, holding the clock meanwhile; Keep going plays on."""
    ui.start("calf-relief")
    ui.click("stopButton")
    assert ui.shell.player.view["paused"] is True
    ui.advance(30)  # however long the question stays open, no time is lost
    ui.click("stopDialogReject")
    assert ui.page() == "player"
    assert not ui.popup_open("stopDialog")
    assert ui.shell.player.view["paused"] is False
    ui.advance(2)
    assert ui.text("countdownText") == "3"


def test_stop_question_keeps_a_pause_the_user_chose(ui: Ui) -> None:
    """Declining to stop a routine the user had paused leaves it paused."""
    ui.start("calf-relief")
    ui.key(Qt.Key.Key_Space)
    ui.click("stopButton")
    ui.click("stopDialogReject")
    assert ui.shell.player.view["paused"] is True


def test_buttons_control_the_session(ui: Ui) -> None:
    """The on-screen Pause, Skip and Back buttons do what the keys do."""
    ui.start("calf-relief")
    ui.click("pauseButton")
    assert ui.text("pauseButton") == "Resume"
    ui.click("pauseButton")
    ui.click("skipButton")
    assert ui.text("phaseLabel") == "Hold"
    ui.click("backButton")
    assert ui.text("phaseLabel") == "Get ready"


def test_right_side_picture_is_mirrored(ui: Ui) -> None:
    """On the right side the picture URL asks for the right side, drawn as the left flipped."""
    ui.start("calf-relief")
    ui.advance(5)
    left_source = ui.shell.player.view["imageSource"]
    assert "/left/" in left_source
    ui.advance(30)
    assert ui.text("phaseLabel") == "Switch sides"
    assert ui.text("sideRepText") == "Right side"
    right_source = ui.shell.player.view["imageSource"]
    assert "/right/" in right_source and ui.shell.player.view["mirrored"] is True
    image = ui.item("pictureImage")
    assert image.property("source").toString() == right_source
    size = ui.shell.images.image(left_source.removeprefix("image://stretch/"),
                                 _size(200)).size()
    left = ui.shell.images.image(left_source.removeprefix("image://stretch/"), size)
    right = ui.shell.images.image(right_source.removeprefix("image://stretch/"), size)
    # A drawn pose is drawn again for the right side; a file image is flipped.
    flipped = left.flipped(Qt.Orientation.Horizontal)
    assert _difference(right, flipped) < 0.02
    assert _difference(right, left) > 0.05


def _difference(a: Any, b: Any) -> float:
    """The share of pixels that differ clearly between two images of one size."""
    differing = 0
    for y in range(0, a.height(), 4):
        for x in range(0, a.width(), 4):
            pa, pb = a.pixelColor(x, y), b.pixelColor(x, y)
            if abs(pa.alpha() - pb.alpha()) > 64 or abs(pa.lightness() - pb.lightness()) > 64:
                differing += 1
    return differing / ((a.height() // 4 + 1) * (a.width() // 4 + 1))


def _size(pixels: int) -> Any:
    from PySide6.QtCore import QSize

    return QSize(pixels, pixels)


def test_counted_movement_shows_the_count(ui: Ui) -> None:
    """A counted movement shows the repetition under way and how many there are."""
    ui.start("calf-relief")
    for _ in range(60):
        if ui.shell.player.view["phaseKind"] == "count":
            break
        ui.shell.player.skip()
    ui.settle()
    # Seated toe and heel lifts: 10 x 3 s.
    assert ui.text("stretchName") == "Seated toe and heel lifts"
    assert ui.text("countdownText") == "1"
    assert ui.text("countOfText").startswith("of 10")
    ui.advance(7)
    assert ui.text("countdownText") == "3"


def test_cues_sound_and_show(ui: Ui, qtbot: Any) -> None:
    """Each cue reaches the cue player's sink and pulses on screen."""
    ui.start("calf-relief")
    assert ui.sink.names[:1] == ["next"]
    with qtbot.waitSignal(ui.shell.player.cueShown, timeout=1000) as shown:
        ui.advance(10)
    assert shown.args[0] == "phase_start"
    assert "start" in ui.sink.names


def test_next_stretch_is_shown_during_rest(ui: Ui) -> None:
    """During a rest the player names the stretch that comes next."""
    ui.start("calf-relief")
    player = ui.shell.player
    while player.view["phaseKind"] != "rest":
        player.skip()
    ui.settle()
    assert ui.exists("nextCard")
    assert "Toes-up wall calf stretch" in ui.text("nextName")
    assert ui.text("stretchName") == "Rest a moment"
    assert "toe-up-wall-calf-stretch" in ui.shell.player.view["imageSource"]


def test_auto_pause_shows_resume(ui: Ui) -> None:
    """A long gap between ticks (a sleeping computer) pauses, with a banner to resume."""
    ui.start("calf-relief")
    ui.advance(2)
    ui.clock.now += 30
    ui.shell.player.refresh()
    ui.settle()
    assert ui.exists("autoPauseBanner")
    assert "Paused at" in ui.text("autoPauseText")
    ui.click("autoResumeButton")
    assert not ui.exists("autoPauseBanner")
    assert ui.text("countdownText") == "3"


def test_mute_and_full_screen_keys(ui: Ui) -> None:
    """M mutes the sound (remembered in the settings), F toggles full screen."""
    ui.start("calf-relief")
    ui.key(Qt.Key.Key_M)
    assert ui.shell.settings.muted is True
    assert ui.shell.audio.muted is True
    assert ui.text("muteButton") == "Sound off"
    ui.key(Qt.Key.Key_F)
    assert ui.window.visibility() == ui.window.Visibility.FullScreen
    ui.key(Qt.Key.Key_F)
    assert ui.window.visibility() != ui.window.Visibility.FullScreen


def test_run_id_opens_the_player(open_ui: Any) -> None:
    """`stretchapp run ID` starts straight in the player."""
    ui = open_ui("neck-relief")
    assert ui.page() == "player"
    ui.key(Qt.Key.Key_Return)  # the relief routine's safety note
    assert ui.text("playerRoutineTitle") == "Stiff neck relief"


def test_unknown_routine_id_gives_a_notice(open_ui: Any) -> None:
    """`stretchapp run` with an unknown id stays on the library with a notice."""
    ui = open_ui("no-such-routine")
    assert ui.page() == "library"
    assert "no-such-routine" in ui.shell.app.notices[0]
    ui.click("dismissNotice_0")
    assert ui.shell.app.notices == []


def test_notice_leaves_by_itself(open_ui: Any, qtbot: Any) -> None:
    """A notice carries a timer that dismisses it by its text, so it never stays over controls."""
    from PySide6.QtCore import QObject

    ui = open_ui("no-such-routine")
    notice = ui.item("notice_0")
    timers = [t for t in notice.findChildren(QObject) if t.metaObject().className() == "QQmlTimer"]
    assert [t.property("interval") for t in timers] == [10000]
    text = ui.shell.app.notices[0]
    timers[0].setProperty("interval", 1)
    timers[0].setProperty("running", False)
    timers[0].setProperty("running", True)
    qtbot.waitUntil(lambda: not ui.shell.app.notices, timeout=3000)
    assert text not in ui.shell.app.notices
    assert not ui.exists("notice_0")


def test_sessions_are_kept_in_the_history(ui: Ui, home: Path) -> None:
    """A finished routine is counted in the SQLite history and the done screen says how often."""
    from stretchapp.core.storage.history import History

    earlier = History(home)
    earlier.record("calf-relief", "Calf cramp relief", 480, finished=True, ended_at=1.0)
    earlier.close()
    ui.start("calf-relief")
    ui.play_to_end()
    assert ui.page() == "finish"
    assert ui.text("historyText") == "That was the 2nd time you finished this routine."
    ui.click("homeButton")
    ui.start("neck-relief")
    ui.advance(30)
    ui.click("stopButton")
    ui.click("stopDialogAccept")
    rows = sqlite3.connect(home / "history.sqlite3").execute(
        "SELECT routine_id, finished, seconds FROM sessions ORDER BY id").fetchall()
    assert [(r, f) for r, f, _ in rows] == [
        ("calf-relief", 1), ("calf-relief", 1), ("neck-relief", 0)]
    assert 440 < rows[1][2] < 470 and 25 <= rows[2][2] <= 35
