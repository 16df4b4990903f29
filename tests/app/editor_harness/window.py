"""Loading EditorHarness.qml with the real editor and sharing bridges."""

from __future__ import annotations

import time
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QPointF, Qt, QUrl
from PySide6.QtQml import QQmlApplicationEngine
from PySide6.QtQuick import QQuickItem, QQuickWindow
from PySide6.QtQuickControls2 import QQuickStyle
from PySide6.QtTest import QTest

from stretchapp.app.deferred_imports import load_library
from stretchapp.app.editor_bridge import EditorBridge
from stretchapp.app.library_store import LibraryStore
from stretchapp.app.sharing_bridge import SharingBridge
from stretchapp.app.task_runner import InlineRunner
from stretchapp.core.wording.page_words import view_words

HARNESS = Path(__file__).with_name("EditorHarness.qml")


@dataclass
class EditorWindow:
    """The harness window, its engine and the bridges behind it."""

    engine: QQmlApplicationEngine
    window: QQuickWindow
    editor: EditorBridge
    sharing: SharingBridge

    def find(self, name: str) -> QObject:
        """The object with this objectName: a visible item first (view delegates and
        popup contents live only in the item tree), else any QObject child."""
        found = find_item(self.window.contentItem(), name)
        if found is None:
            found = self.window.findChild(QObject, name)
        assert found is not None, f"no object named {name!r}"
        return found

    def item(self, name: str) -> QQuickItem:
        found = self.find(name)
        assert isinstance(found, QQuickItem), f"{name!r} is not an item"
        return found

    def press(self, key: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier
              ) -> None:
        """One key, sent through the window as the system would (shortcuts apply)."""
        QTest.keyClick(self.window, key, modifier)

    def type(self, text: str) -> None:
        """Type plain ASCII text into whatever has the focus."""
        for char in text:
            QTest.keyClick(self.window, Qt.Key(ord(char.upper())))

    def click(self, name: str) -> None:
        """Click the middle of a named item, once it has stopped moving (laid out, shown)."""
        target = self.item(name)

        def centre() -> QPointF:
            return target.mapToScene(QPointF(target.width() / 2, target.height() / 2))

        places = [centre()]

        def settled() -> bool:
            QCoreApplication.processEvents()
            self.window.grabWindow()  # runs a frame: animations and layouts move on
            places.append(centre())
            return target.opacity() >= 1 and places[-1] == places[-2] == places[-3] \
                if len(places) >= 3 else False

        deadline = time.monotonic() + 5
        while not settled() and time.monotonic() < deadline:
            pass
        QTest.mouseClick(self.window, Qt.MouseButton.LeftButton,
                         Qt.KeyboardModifier.NoModifier, places[-1].toPoint())

    def focused(self) -> QQuickItem | None:
        return self.window.activeFocusItem()

    def close(self) -> None:
        """Close the window and delete the engine, its QML and the bridges, now."""
        self.window.close()
        self.engine.deleteLater()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def find_item(root: QQuickItem, name: str) -> QQuickItem | None:
    """The first item named name in root's visual tree (breadth first)."""
    queue = [root]
    while queue:
        item = queue.pop(0)
        if item.objectName() == name:
            return item
        queue.extend(item.childItems())
    return None


def open_editor_window(home: Path, *, dark: bool = False) -> EditorWindow:
    """Build the bridges for home, expose them and show the harness window."""
    if QQuickStyle.name() != "Basic":  # only before the first QML that uses Controls
        QQuickStyle.setStyle("Basic")
    engine = QQmlApplicationEngine()
    # Owned by the engine, so they outlive the QML that binds to them.
    store = LibraryStore(home / "routines", InlineRunner(), load_library, engine)
    store.reload()
    editor = EditorBridge(home, store, InlineRunner(), parent=engine)
    sharing = SharingBridge(home, store, InlineRunner(), parent=engine)
    store.changed.connect(editor.library_changed)
    context = engine.rootContext()
    context.setContextProperty("words", view_words())
    context.setContextProperty("editor", editor)
    context.setContextProperty("sharing", sharing)
    engine.setInitialProperties({"dark": dark})
    engine.load(QUrl.fromLocalFile(str(HARNESS)))
    roots = engine.rootObjects()
    assert roots, "the harness QML did not load"
    window = roots[0]
    assert isinstance(window, QQuickWindow)
    editor.set_theme("dark" if dark else "light")
    return EditorWindow(engine, window, editor, sharing)
