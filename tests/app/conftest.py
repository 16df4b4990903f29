"""The real main window on the real bridges, headless, with a fake clock.

`ui` opens Main.qml over an AppShell on a temporary home with the built-in
library, a clock that only moves when a test moves it, and the sound
engineer's CuePlayer playing into a RecordingSink. Any QML warning fails the
test (besides pytest-qt's qt_log_level_fail, the engine's own warnings signal).
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
import shiboken6

os.environ["QT_QUICK_CONTROLS_STYLE"] = "Basic"

from PySide6.QtCore import QObject, QPointF, Qt
from PySide6.QtGui import QGuiApplication, QImage
from PySide6.QtQml import QQmlApplicationEngine, QQmlError
from PySide6.QtQuick import QQuickItem, QQuickWindow
from PySide6.QtTest import QTest

from stretchapp.app.cue_player import CuePlayer
from stretchapp.app.main import load_window
from stretchapp.app.shell import AppShell
from stretchapp.core.sound.cue_sink import RecordingSink
from stretchapp.core.storage.settings import load_settings, save_settings

REPO_ROOT = Path(__file__).resolve().parent.parent.parent


class FakeClock:
    """A monotonic clock that moves only when told to."""

    def __init__(self, start: float = 1000.0) -> None:
        self.now = start

    def __call__(self) -> float:
        return self.now


class Ui:
    """The open main window, and ways to look at it and drive it like a person."""

    def __init__(self, shell: AppShell, engine: QQmlApplicationEngine, window: QQuickWindow,
                 clock: FakeClock, sink: RecordingSink, qtbot: Any) -> None:
        self.shell, self.engine, self.window = shell, engine, window
        self.clock, self.sink, self.qtbot = clock, sink, qtbot
        self.warnings: list[str] = []

    # --- looking -------------------------------------------------------------------

    def items(self, name: str) -> list[QQuickItem]:
        """Every visible item called name, in the window's item tree."""
        found: list[QQuickItem] = []
        stack: list[QQuickItem] = [self.window.contentItem()]
        overlay = self.window.property("overlay")
        if isinstance(overlay, QQuickItem):
            stack.append(overlay)
        while stack:
            item = stack.pop()
            if item.objectName() == name and item.isVisible():
                found.append(item)
            stack.extend(item.childItems())
        return found

    def item(self, name: str) -> QQuickItem:
        found = self.items(name)
        assert found, f"no visible item called {name!r}"
        return found[0]

    def exists(self, name: str) -> bool:
        return bool(self.items(name))

    def scroll_library_to(self, name: str) -> QQuickItem:
        """Scroll the library list down, a screenful at a time as a user would, until the
        item called name is made (the list makes only the rows near the screen)."""
        [view] = self.items("libraryList")
        view.setProperty("contentY", 0.0)
        self.settle()
        while not self.exists(name):
            before = view.property("contentY")
            view.setProperty("contentY", before + view.height() * 0.8)
            self.settle()
            if view.property("contentY") == before or view.property("atYEnd"):
                break
        return self.item(name)

    def popup_open(self, name: str) -> bool:
        """True when the dialog (a Popup, outside the item tree) called name is open."""
        popup = self.window.findChild(QObject, name)
        return popup is not None and bool(popup.property("opened"))

    def text(self, name: str) -> str:
        return str(self.item(name).property("text"))

    def page(self) -> str:
        return str(self.shell.app.page)

    def grab(self) -> QImage:
        self.settle()
        return self.window.grabWindow()

    # --- doing ---------------------------------------------------------------------

    def settle(self) -> None:
        """Let pending events, bindings and page loads run."""
        for _ in range(3):
            QGuiApplication.processEvents()

    def scroll_to(self, item: QQuickItem) -> None:
        """Scroll the Flickable that holds item until item is in the window, as a user would."""
        flickable = item.parentItem()
        while flickable is not None and not flickable.inherits("QQuickFlickable"):
            flickable = flickable.parentItem()
        if flickable is None:
            return
        top = item.mapToItem(flickable.property("contentItem"), QPointF(0, 0)).y()
        view = flickable.height()
        if not (flickable.property("contentY") <= top
                and top + item.height() <= flickable.property("contentY") + view):
            most = max(0.0, flickable.property("contentHeight") - view)
            flickable.setProperty("contentY", min(max(0.0, top - view / 3), most))
            self.settle()

    def click(self, name: str) -> None:
        """A left click in the middle of the visible item called name."""
        item = self.item(name)
        self.scroll_to(item)
        centre = item.mapToScene(QPointF(item.width() / 2, item.height() / 2)).toPoint()
        QTest.mouseClick(self.window, Qt.MouseButton.LeftButton,
                         Qt.KeyboardModifier.NoModifier, centre)
        self.settle()

    def key(self, key: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier
            ) -> None:
        QTest.keyClick(self.window, key, modifier)
        self.settle()

    def type(self, text: str) -> None:
        for char in text:
            QTest.keyClick(self.window, char)
        self.settle()

    def advance(self, seconds: float, step: float = 0.25) -> None:
        """Move the fake clock on in small steps, letting the player see each one."""
        left = seconds
        while left > 1e-9:
            moved = min(step, left)
            self.clock.now += moved
            left -= moved
            self.shell.player.refresh()
        self.settle()

    def start(self, routine_id: str, *, acknowledge: bool = True) -> None:
        """Open a routine's detail page from the library and press Start.

        A relief routine's safety note is acknowledged with a click unless told not to.
        """
        self.click(f"routineCard_{routine_id}")
        assert self.page() == "detail"
        self.click("startButton")
        assert self.page() == "player"
        if acknowledge and self.shell.player.mustAcknowledge:
            self.click("acknowledgeButton")
        if self.shell.player.sideQuestion and not self.shell.player.mustAcknowledge:
            self.key(Qt.Key.Key_Return)  # sides: choose; the default answer
        # The page fades in (Main.qml): pictures of it are taken once it is whole.
        self.qtbot.waitUntil(lambda: self.item("playerPage").opacity() == 1.0)


def _fail_on_warnings(ui: Ui) -> Any:
    def record(warnings: list[QQmlError]) -> None:
        ui.warnings.extend(w.toString() for w in warnings)
    return record


@pytest.fixture
def open_ui(home: Path, qtbot: Any) -> Iterator[Any]:
    """A factory that opens the main window (once per test) with options for the shell."""
    opened: list[Ui] = []

    def make(routine_id: str | None = None, *, theme: str | None = None,
             welcome: bool = False) -> Ui:
        loaded = load_settings(home)
        if not welcome and not loaded.notice:
            # The first-launch screen was read before, unless a test wants it (or
            # wants to see what a damaged settings file does).
            save_settings(home, replace(loaded.settings, welcome_seen=True))
        clock = FakeClock()
        sink = RecordingSink(clock)
        shell = AppShell(home, routine_id=routine_id, clock=clock, threaded_load=False,
                         audio_factory=lambda parent: CuePlayer(sink, None, parent))
        if theme is not None:
            shell.settings.setTheme(theme)
        engine = QQmlApplicationEngine()
        window = load_window(engine, shell)
        assert window is not None, "Main.qml did not load"
        ui = Ui(shell, engine, window, clock, sink, qtbot)
        engine.warnings.connect(_fail_on_warnings(ui))
        window.resize(1120, 780)
        window.show()
        qtbot.waitExposed(window)
        window.requestActivate()
        shell.start()
        ui.settle()
        opened.append(ui)
        return ui

    yield make
    for ui in opened:
        ui.shell.player.close()
        ui.window.close()
        ui.settle()
        warnings = list(ui.warnings)
        # The window and its bindings go before the bridges they read.
        shiboken6.delete(ui.engine)
        ui.settle()
        assert warnings == [], "QML warnings:\n" + "\n".join(warnings)


@pytest.fixture
def ui(open_ui: Any) -> Ui:
    """The main window on the library page."""
    opened: Ui = open_ui()
    return opened


def is_blank(image: QImage) -> bool:
    """True when an image is (nearly) one colour: nothing was drawn."""
    small = image.scaled(64, 48)
    colours = {small.pixel(x, y) for x in range(small.width()) for y in range(small.height())}
    return len(colours) < 8


__all__ = ["REPO_ROOT", "FakeClock", "QObject", "Ui", "is_blank"]
