"""Settings page, settings kept between runs, and continuing an interrupted routine."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Qt

from stretchapp.core.session.events import SessionPosition
from stretchapp.core.session.recovery import load_position, recovery_path, save_position
from stretchapp.core.storage.settings import load_settings, settings_path
from tests.helpers.ui import Ui


def test_settings_page_changes_are_kept(home: Path, ui: Ui) -> None:
    """Choosing Dark, a slow voice and turning the voice off on the settings page is saved."""
    ui.click("settingsButton")
    assert ui.page() == "settings"
    ui.click("theme_dark")
    assert ui.shell.settings.dark is True
    ui.click("voiceRate_130")
    assert ui.shell.settings.voiceRate == 130
    ui.click("voiceSwitch")
    assert ui.shell.settings.voice is False
    ui.shell.settings.save_now()
    saved = load_settings(home).settings
    assert saved.theme == "dark" and saved.voice is False and saved.voice_rate == 130
    ui.click("settingsBack")
    assert ui.page() == "library"


def test_system_theme_follows_the_style_hints(ui: Ui) -> None:
    """With the theme on 'system', the palette follows the colour scheme Qt reports."""
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication

    hints = QGuiApplication.styleHints()
    assert ui.shell.settings.theme == "system"
    assert ui.shell.settings.dark is (hints.colorScheme() is Qt.ColorScheme.Dark)
    ui.shell.settings.systemDark = True
    assert ui.shell.settings.dark is True
    ui.shell.settings.setTheme("light")
    assert ui.shell.settings.dark is False


def test_corrupt_settings_show_a_notice(home: Path, open_ui: Any) -> None:
    """A damaged settings file opens the app on defaults with a notice, not a crash."""
    settings_path(home).write_text("{broken", encoding="utf-8")
    ui = open_ui()
    assert ui.exists("notice_0")
    assert "damaged" in ui.shell.app.notices[0]


def test_window_geometry_is_remembered(home: Path, ui: Ui) -> None:
    """Closing the app writes the window's size, and the next start restores it."""
    ui.window.resize(900, 640)
    ui.settle()
    ui.shell.shutdown(ui.window)
    geometry = load_settings(home).settings.geometry
    assert geometry is not None and (geometry.width, geometry.height) == (900, 640)


def test_get_ready_override_applies_to_the_player(home: Path, ui: Ui) -> None:
    """A forced get-ready time replaces the routine's own in the player."""
    ui.click("settingsButton")
    ui.click("prepare_3")
    ui.click("settingsBack")
    ui.start("calf-relief")
    assert ui.text("phaseLabel") == "Get ready"
    assert ui.text("countdownText") == "3"


def test_position_is_saved_while_playing_and_cleared_on_stop(home: Path, ui: Ui) -> None:
    """The player keeps a recovery point on disk while it plays, and drops it on stop."""
    ui.start("calf-relief")
    ui.advance(12)
    interrupted = load_position(home)
    assert interrupted is not None
    assert interrupted.position.routine_id == "calf-relief"
    assert interrupted.position.phase_index == 1
    ui.shell.player.stop()
    assert not recovery_path(home).exists()


def test_interrupted_routine_is_offered_and_continued(home: Path, open_ui: Any) -> None:
    """After a crash the app asks to continue, then opens the player paused at that point."""
    save_position(home, SessionPosition("calf-relief", 1, 20.0), "Calf cramp relief")
    ui = open_ui()
    assert ui.popup_open("recoveryDialog")
    dialog = ui.window.findChild(QObject, "recoveryDialog")
    assert dialog.property("heading") == "Continue Calf cramp relief?"
    ui.click("recoveryDialogAccept")
    assert ui.page() == "player"
    ui.click("acknowledgeButton")  # the relief routine's safety note comes first
    # A point without a side answer (an earlier version wrote it) asks the side again.
    assert ui.shell.player.sideQuestion
    ui.key(Qt.Key.Key_Return)
    assert ui.shell.player.view["paused"] is True
    assert ui.text("phaseLabel") == "Hold"
    assert ui.text("countdownText") == "10"


def test_interrupted_routine_can_be_declined(home: Path, open_ui: Any) -> None:
    """Declining the offer forgets the interrupted routine."""
    save_position(home, SessionPosition("calf-relief", 1, 20.0), "Calf cramp relief")
    ui = open_ui()
    ui.click("recoveryDialogReject")
    assert ui.page() == "library"
    assert not recovery_path(home).exists()


def test_settings_file_is_json(home: Path, ui: Ui) -> None:
    """The settings file is plain JSON people can read."""
    ui.shell.settings.setVolume(0.5)
    ui.shell.settings.save_now()
    assert json.loads(settings_path(home).read_text(encoding="utf-8"))["volume"] == 0.5
