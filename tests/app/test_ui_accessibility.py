"""Accessibility: names on every control, Tab order, and text that follows the system font."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible, QFont, QGuiApplication
from PySide6.QtQuick import QQuickItem

from tests.helpers.ui import Ui

_CONTROL_ROLES = {QAccessible.Role.Button, QAccessible.Role.CheckBox,
                  QAccessible.Role.RadioButton, QAccessible.Role.EditableText,
                  QAccessible.Role.Slider, QAccessible.Role.PageTab}


def _visible_items(ui: Ui) -> Iterator[QQuickItem]:
    stack = [ui.window.contentItem()]
    overlay = ui.window.property("overlay")
    if isinstance(overlay, QQuickItem):
        stack.append(overlay)
    while stack:
        item = stack.pop()
        if not item.isVisible() or item.opacity() == 0:
            continue
        yield item
        stack.extend(item.childItems())


def _unnamed_controls(ui: Ui) -> list[str]:
    """Controls on screen whose accessible name is empty."""
    missing = []
    for item in _visible_items(ui):
        face = QAccessible.queryAccessibleInterface(item)
        if face is None or face.role() not in _CONTROL_ROLES:
            continue
        if not face.text(QAccessible.Text.Name).strip():
            missing.append(f"{item.metaObject().className()} {item.objectName()!r}")
    return missing


def _library(ui: Ui) -> None:
    ui.click("problemsToggle") if ui.exists("problemsToggle") else None


def _detail(ui: Ui) -> None:
    ui.click("routineCard_calf-relief")


def _player(ui: Ui) -> None:
    ui.start("calf-relief")


def _finish(ui: Ui) -> None:
    ui.start("neck-relief")
    ui.play_to_end()


def _settings(ui: Ui) -> None:
    ui.click("settingsButton")


@pytest.mark.parametrize("open_page", [_library, _detail, _player, _finish, _settings])
def test_every_control_has_a_name(ui: Ui, open_page: Any) -> None:
    """Every button, switch, field and slider on the page has an accessible name."""
    open_page(ui)
    assert _unnamed_controls(ui) == []


def _tab_walk(ui: Ui, presses: int) -> list[str]:
    names = []
    for _ in range(presses):
        ui.key(Qt.Key.Key_Tab)
        item = ui.window.activeFocusItem()
        names.append(item.objectName() if item is not None else "")
    return names


def test_tab_order_on_the_library(ui: Ui) -> None:
    """Tab moves from the search field through the filters to the routine cards."""
    ui.settle()
    assert ui.window.activeFocusItem().objectName() == "searchField"
    names = _tab_walk(ui, 8)
    assert names[:4] == ["kindFilter_all", "kindFilter_warm-up", "kindFilter_cool-down",
                         "kindFilter_relief"]
    assert names[4] == "routineCard_calf-warm-up"


def test_keyboard_alone_reaches_the_player(ui: Ui) -> None:
    """A card opens with Enter, the detail page starts with Space on its focused Start."""
    ui.settle()
    while ui.window.activeFocusItem().objectName() != "routineCard_calf-relief":
        ui.key(Qt.Key.Key_Tab)
    ui.key(Qt.Key.Key_Return)
    assert ui.page() == "detail"
    assert ui.window.activeFocusItem().objectName() == "startButton"
    ui.key(Qt.Key.Key_Return)
    assert ui.page() == "player"


def test_tab_order_in_the_player(ui: Ui) -> None:
    """In the player, Tab reaches the mute, stop, back, pause and skip buttons."""
    ui.start("calf-relief")
    names = set(_tab_walk(ui, 6))
    assert {"muteButton", "stopButton", "backButton", "pauseButton", "skipButton"} <= names


@pytest.fixture
def large_font() -> Iterator[float]:
    """The system font set larger than usual for one test."""
    app = QGuiApplication.instance()
    assert isinstance(app, QGuiApplication)
    before = QGuiApplication.font()
    font = QFont(before)
    font.setPointSizeF(17)
    QGuiApplication.setFont(font)
    yield 17.0
    QGuiApplication.setFont(before)


def test_text_follows_the_system_font_size(large_font: float, open_ui: Any) -> None:
    """With a larger system font every size in the app scales up from it."""
    ui = open_ui()
    ui.shell.app.openDetail("calf-relief")
    ui.settle()
    title = ui.item("detailTitle")
    assert title.property("font").pointSizeF() == pytest.approx(large_font * 2.3)
