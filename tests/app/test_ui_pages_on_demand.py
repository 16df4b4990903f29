"""Pages are made when first shown and released when left: only the library stays built."""

from __future__ import annotations

from PySide6.QtCore import QObject

from tests.helpers.ui import Ui


def _page_loader(ui: Ui) -> QObject:
    loader = ui.window.findChild(QObject, "pageLoader")
    assert loader is not None
    return loader


def _page_type(ui: Ui) -> str:
    """The QML type of the page in the page loader ('' when none is made)."""
    item = _page_loader(ui).property("item")
    return "" if item is None else item.metaObject().className().split("_QML")[0]


def test_only_the_library_page_is_made_at_start(ui: Ui) -> None:
    """On the library no other page exists: settings, history, player are not built."""
    assert ui.exists("libraryPage")
    assert _page_type(ui) == ""


def test_a_page_is_made_when_shown_and_released_when_left(ui: Ui) -> None:
    """Settings is built on its first show and destroyed on going back; history likewise."""
    for button, page, back in (("settingsButton", "SettingsPage", "settingsBack"),
                               ("historyButton", "HistoryPage", None)):
        ui.click(button)
        ui.qtbot.waitUntil(lambda page=page: _page_type(ui) == page)
        item = _page_loader(ui).property("item")
        with ui.qtbot.waitSignal(item.destroyed, timeout=5000):
            if back is not None:
                ui.click(back)
            else:
                ui.shell.app.goBack()
        assert ui.page() == "library" and _page_type(ui) == ""
