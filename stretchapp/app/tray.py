"""The tray icon while reminders are on: start a routine, pause, open, quit.

QSystemTrayIcon is a widget class: it needs a QApplication (main.py makes one
instead of a QGuiApplication when reminders are on) and a tray on the desktop.
`tray_possible()` says whether both are there; without them the app quits
when its window closes, as it always did.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtGui import QAction, QIcon
from PySide6.QtWidgets import QApplication, QMenu, QSystemTrayIcon

from stretchapp.core.wording import habit as words


def tray_possible() -> bool:
    """A QApplication runs and the desktop shows tray icons."""
    return (isinstance(QCoreApplication.instance(), QApplication)
            and QSystemTrayIcon.isSystemTrayAvailable())


class TrayIcon(QObject):
    """The icon and its menu; it asks, the wiring acts."""

    startRequested = Signal(str)  # routine id
    openRequested = Signal()
    quitRequested = Signal()
    pauseRequested = Signal(str)  # "hour", "tomorrow", "off", "resume"

    def __init__(self, icon: Path, routines: Callable[[], Sequence[tuple[str, str]]],
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._routines = routines
        self.menu = QMenu()
        self.start_menu = self.menu.addMenu(words.TRAY_START)
        self.start_menu.aboutToShow.connect(self.fill_routines)
        self.pause_menu = self.menu.addMenu(words.TRAY_PAUSE)
        for label, key in words.TRAY_PAUSE_CHOICES:
            action = self.pause_menu.addAction(label)
            action.triggered.connect(lambda _=False, key=key: self.pauseRequested.emit(key))
        self.menu.addSeparator()
        self.menu.addAction(words.TRAY_OPEN).triggered.connect(self.openRequested)
        self.menu.addAction(words.TRAY_QUIT).triggered.connect(self.quitRequested)
        self.icon = QSystemTrayIcon(QIcon(str(icon)), self)
        self.icon.setToolTip(words.TRAY_TIP)
        self.icon.setContextMenu(self.menu)
        self.icon.activated.connect(self._activated)
        self.fill_routines()

    def fill_routines(self) -> None:
        """One action per routine in the library, as it is now."""
        self.start_menu.clear()
        for routine_id, title in self._routines():
            action = QAction(title, self.start_menu)
            action.triggered.connect(
                lambda _=False, rid=routine_id: self.startRequested.emit(rid))
            self.start_menu.addAction(action)

    def show(self) -> None:
        self.icon.show()

    def hide(self) -> None:
        self.icon.hide()

    def notify(self, title: str, text: str) -> None:
        """A desktop notification, where the desktop shows them."""
        if self.icon.isVisible() and self.icon.supportsMessages():
            self.icon.showMessage(title, text, QSystemTrayIcon.MessageIcon.Information, 15000)

    def _activated(self, reason: QSystemTrayIcon.ActivationReason) -> None:
        if reason == QSystemTrayIcon.ActivationReason.Trigger:
            self.openRequested.emit()

    def close(self) -> None:
        self.icon.hide()
        self.menu.deleteLater()
