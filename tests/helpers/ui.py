"""The real main window, and ways to look at it and drive it like a person."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QPointF, Qt
from PySide6.QtGui import QGuiApplication, QImage
from PySide6.QtQml import QQmlApplicationEngine
from PySide6.QtQuick import QQuickItem, QQuickWindow
from PySide6.QtTest import QTest

from stretchapp.app.shell import AppShell
from stretchapp.core.sound.cue_sink import RecordingSink
from tests.helpers.clock import FakeClock

REPO_ROOT = Path(__file__).resolve().parent.parent.parent
# Under the player's 2 s gap threshold (a longer gap is taken for a suspend).
PLAY_STEP = 1.5


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
            if not isinstance(item, QQuickItem):  # shiboken may hand back a bare meta object
                continue
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

    def page_shown(self) -> bool:
        """True once the page has faded in and no dialog is still opening."""
        loader = self.window.findChild(QObject, "pageLoader")
        page = loader.property("item") if loader is not None else None
        if isinstance(page, QQuickItem) and page.opacity() < 1:
            return False
        return not any(bool(popup.property("visible")) and not bool(popup.property("opened"))
                       for popup in self.window.findChildren(QObject)
                       if popup.metaObject().indexOfProperty("opened") >= 0)

    def grab_still(self, timeout_ms: int = 5000) -> QImage:
        """The window once the page is in and three grabs in a row are the same."""
        self.qtbot.waitUntil(self.page_shown, timeout=timeout_ms)
        return still_image(self.window, self.qtbot, timeout_ms)

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

    def play_to_end(self) -> None:
        """Play the running routine to its end, as a player ticking every 1.5 s would.

        The engine plays whatever fell due between two clock readings, and takes a
        gap of 2 s or more as a suspend: steps just under that reach the end in a
        few hundred refreshes instead of thousands, and play it the ordinary way.
        """
        engine = self.shell.player.engine
        assert engine is not None, "no routine is playing"
        self.advance(engine.total - engine.state().elapsed + 1, step=PLAY_STEP)

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



def is_blank(image: QImage) -> bool:
    """True when an image is (nearly) one colour: nothing was drawn."""
    small = image.scaled(64, 48)
    colours = {small.pixel(x, y) for x in range(small.width()) for y in range(small.height())}
    return len(colours) < 8


def still_image(window: QQuickWindow, qtbot: Any, timeout_ms: int = 5000) -> QImage:
    """The window once three grabs in a row are the same: fades and moves have ended."""
    shots: list[QImage] = []

    def still() -> bool:
        QGuiApplication.processEvents()
        shots.append(window.grabWindow())
        return len(shots) >= 3 and shots[-1] == shots[-2] == shots[-3]

    qtbot.waitUntil(still, timeout=timeout_ms)
    return shots[-1]
