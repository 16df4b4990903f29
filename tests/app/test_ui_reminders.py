"""Reminders in the real window: the settings section, the nudge on a fake wall clock,
Start into the player, snooze, and the nudge never taking the keyboard.

Run under Xvfb with QT_QPA_PLATFORM=xcb these use real X11 windows.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QGuiApplication, QWindow
from PySide6.QtQuick import QQuickItem, QQuickWindow
from PySide6.QtTest import QTest

from stretchapp.app.idle_sources import NoIdleSource
from stretchapp.core.loading.library import load_library
from stretchapp.core.storage.settings import load_settings
from stretchapp.core.wording.habit import reminder_detail
from tests.helpers.ui import Ui


class WallClock:
    """A local wall clock that moves only when a test moves it."""

    def __init__(self) -> None:
        self.now = datetime(2026, 11, 23, 9, 58, tzinfo=UTC)  # a Monday

    def __call__(self) -> datetime:
        return self.now


def _find(window: QQuickWindow, name: str) -> QQuickItem:
    found = window.findChild(QQuickItem, name)
    assert isinstance(found, QQuickItem), f"no item {name!r} in the nudge"
    return found


def click_in(window: QQuickWindow, name: str) -> None:
    item = _find(window, name)
    centre = item.mapToScene(QPointF(item.width() / 2, item.height() / 2)).toPoint()
    QTest.mouseClick(window, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, centre)


@pytest.fixture
def reminder_ui(open_ui: Any) -> tuple[Ui, WallClock]:
    ui: Ui = open_ui()
    clock = WallClock()
    bridge = ui.shell.habit.reminders
    bridge.set_idle_source(NoIdleSource("none in this test"))
    bridge.setRules(["at 10:00: Calf cramp relief", "every 50 minutes: neck-relief"])
    bridge.setEnabled(True)
    bridge.set_clock(clock)
    return ui, clock


def advance(ui: Ui, clock: WallClock, minutes: float) -> None:
    """Move the wall clock in 20-second polls, as the app's timer would."""
    end = clock.now + timedelta(minutes=minutes)
    while clock.now < end:
        clock.now = min(clock.now + timedelta(seconds=20), end)
        ui.shell.habit.reminders.poll()
    ui.settle()


def test_settings_save_rules_and_name_bad_ones(open_ui: Any, home: Path) -> None:
    """Rules typed in settings are saved; a bad line is named; no idle source is said."""
    ui = open_ui()
    # 09:58 on a fixed day: "at 22:00" is still to come, whatever time the test runs.
    ui.shell.habit.reminders.set_clock(WallClock())
    ui.click("settingsButton")
    ui.click("remindersSwitch")
    assert ui.shell.habit.reminders.enabled
    area = ui.item("reminderRules")
    area.setProperty("text", "at 22:00: Calf cramp relief\nevery 1 minutes: x")
    ui.click("saveReminders")
    assert "Reminder 2: every 1 minutes" in ui.shell.habit.reminders.problems[0]
    ui.shell.settings.save_now()
    saved = load_settings(home).settings
    assert saved.reminders_on and saved.reminders[0] == "at 22:00: Calf cramp relief"
    if QGuiApplication.platformName() == "offscreen":  # the real sources, asked here
        assert ui.text("idleText").startswith("No idle detection here (the 'offscreen' "
                                              "display is not X11")
    else:
        assert "restarts the count" in ui.text("idleText")
    assert ui.text("remindersStatus").startswith("Next reminder at")


def test_nudge_appears_on_time_without_focus_and_start_opens_the_player(
        reminder_ui: tuple[Ui, WallClock]) -> None:
    """At 10:00 the nudge shows (not before), keeps focus off itself, and Start plays."""
    ui, clock = reminder_ui
    advance(ui, clock, 1.5)
    assert ui.shell.habit.nudge is None or not ui.shell.habit.nudge.isVisible()
    focused = QGuiApplication.focusWindow()
    advance(ui, clock, 1)
    nudge = ui.shell.habit.nudge
    assert isinstance(nudge, QQuickWindow)
    ui.qtbot.waitUntil(nudge.isExposed)
    assert nudge.flags() & Qt.WindowType.WindowDoesNotAcceptFocus
    assert nudge.flags() & Qt.WindowType.Tool
    # The offscreen platform hands focus to every window it shows (Qt's
    # QOffscreenWindow::setVisible); a real one (xcb under Xvfb) honours the flag.
    if QGuiApplication.platformName() != "offscreen":
        assert QGuiApplication.focusWindow() is focused
    assert _find(nudge, "nudgeTitle").property("text") == "Calf cramp relief"
    routine = load_library().routines["calf-relief"]
    assert _find(nudge, "nudgeDetail").property("text") == (
        reminder_detail(routine.total_seconds))
    click_in(nudge, "nudgeStart")
    ui.qtbot.waitUntil(lambda: ui.page() == "player")
    assert ui.shell.player.routine.id == "calf-relief"
    assert not nudge.isVisible()


def test_snooze_and_growing_when_ignored(reminder_ui: tuple[Ui, WallClock]) -> None:
    """'In 10 minutes' hides the nudge until ten minutes later; ignored, it grows."""
    ui, clock = reminder_ui
    advance(ui, clock, 2.5)
    nudge = ui.shell.habit.nudge
    assert isinstance(nudge, QWindow) and nudge.isVisible()
    small = nudge.width()
    assert ui.shell.habit.reminders.nudgeLevel == 0
    ui.shell.habit.reminders.set_escalation(100, 200)  # 2 and 5 minutes in the app
    ui.shell.habit.reminders.snoozeNudge()
    advance(ui, clock, 10.5)  # shown again, now with the short escalation
    ui.qtbot.waitUntil(lambda: ui.shell.habit.reminders.nudgeLevel == 2, timeout=5000)
    ui.settle()
    assert nudge.isVisible() and nudge.width() > small
    click_in(nudge, "nudgeSnooze")  # type: ignore[arg-type]
    ui.qtbot.waitUntil(lambda: not nudge.isVisible())
    advance(ui, clock, 9.5)
    assert not nudge.isVisible()
    advance(ui, clock, 1)
    assert nudge.isVisible()
    click_in(nudge, "nudgeNotToday")  # type: ignore[arg-type]
    ui.qtbot.waitUntil(lambda: not nudge.isVisible())
    assert ui.shell.habit.reminders.scheduler.shown is None
