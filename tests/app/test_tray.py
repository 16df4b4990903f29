"""The tray menu on the real shell: start any routine, pause, open; and when the app stays."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtWidgets import QApplication

from stretchapp.app import habit_wiring
from stretchapp.app.tray import tray_possible
from stretchapp.core.loading.library import load_library
from tests.helpers.ui import Ui


def _action(menu: Any, text: str) -> Any:
    for action in menu.actions():
        if action.text() == text:
            return action
    raise AssertionError(f"no menu entry {text!r} in {[a.text() for a in menu.actions()]}")


# QSystemTrayIcon.show() on the offscreen platform (where the tests pretend there
# is a tray) warns that the platform has no tray signal; real platforms do not.
pytestmark = pytest.mark.qt_log_ignore("systemTrayWindowChanged")


@pytest.fixture
def tray_ui(open_ui: Any, monkeypatch: pytest.MonkeyPatch) -> Ui:
    """The window with reminders on, as if the desktop had a tray."""
    assert isinstance(QApplication.instance(), QApplication)
    monkeypatch.setattr(habit_wiring, "tray_possible", lambda: True)
    ui: Ui = open_ui()
    ui.shell.habit.reminders.setRules(["at 22:00: Calf cramp relief"])
    ui.shell.habit.reminders.setEnabled(True)
    assert ui.shell.habit.tray is not None
    return ui


def test_tray_menu_starts_any_routine(tray_ui: Ui) -> None:
    """The 'Start a routine' menu lists the library and plays the one picked."""
    tray = tray_ui.shell.habit.tray
    tray.fill_routines()
    titles = [a.text() for a in tray.start_menu.actions()]
    assert "Calf cramp relief" in titles
    assert len(titles) == len(load_library().routines)
    _action(tray.start_menu, "Stiff neck relief").trigger()
    tray_ui.settle()
    assert tray_ui.page() == "player" and tray_ui.shell.player.routine.id == "neck-relief"


def test_tray_pauses_and_turns_reminders_off(tray_ui: Ui) -> None:
    """Pause for an hour, resume, and off; off also makes closing the window quit again."""
    tray = tray_ui.shell.habit.tray
    assert tray_ui.shell.habit.keeps_running  # closing the window leaves it in the tray
    assert not QApplication.quitOnLastWindowClosed()
    pause_menu = tray.pause_menu
    _action(pause_menu, "For 1 hour").trigger()
    assert tray_ui.shell.habit.reminders.paused
    assert tray_ui.shell.settings.settings.reminders_paused_until is not None
    _action(pause_menu, "Resume").trigger()
    assert not tray_ui.shell.habit.reminders.paused
    _action(pause_menu, "Off").trigger()
    assert not tray_ui.shell.habit.reminders.enabled
    assert not tray_ui.shell.habit.keeps_running
    assert QApplication.quitOnLastWindowClosed()


def test_without_a_tray_closing_quits_as_before(open_ui: Any) -> None:
    """Here (offscreen) there is no tray: reminders on or not, the window's close quits."""
    ui = open_ui()
    ui.shell.habit.reminders.setEnabled(True)
    assert not tray_possible()
    assert ui.shell.habit.tray is None and not ui.shell.habit.keeps_running
    assert QApplication.quitOnLastWindowClosed()
