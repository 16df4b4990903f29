"""The habit features wired into the shell: history page, reminders, nudge, tray.

Made in `AppShell.start()`, after the first frame, so none of it is on the
start-up path. The reminder poll, the idle source, the nudge window and the
tray are only made while reminders are on, and the tray's and the idle
sources' modules (QtWidgets, QtDBus, ctypes: about 7 MB) only imported then.
All their signal wiring is here:

    reminders --startRequested--> app.startRoutine, main window raised
    reminders --nudged--> tray notification
    tray --start / pause / open / quit--> app, reminders, main window, quit
    instance server --requested--> main window shown, app.startRoutine
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, QUrl
from PySide6.QtGui import QGuiApplication, QWindow
from PySide6.QtQml import QQmlComponent, QQmlEngine

from stretchapp.app.deferred_imports import idle_source, tray_icon, tray_possible
from stretchapp.app.history_bridge import HistoryBridge
from stretchapp.app.idle_protocol import IdleSource, NoIdleSource
from stretchapp.app.reminder_bridge import ReminderBridge
from stretchapp.core.storage import paths
from stretchapp.core.storage.history import SessionRecord
from stretchapp.core.wording.habit import IDLE_WAITS_FOR_REMINDERS

if TYPE_CHECKING:
    from stretchapp.app.shell import AppShell
    from stretchapp.app.single_instance import InstanceServer
    from stretchapp.app.tray import TrayIcon
    from stretchapp.core.model import Routine


class HabitFeatures(QObject):
    """The history bridge, and the reminders with their nudge and tray."""

    def __init__(self, shell: AppShell, idle: IdleSource | NoIdleSource | None = None) -> None:
        super().__init__(shell)
        self._shell = shell
        self.history = HistoryBridge(self._sessions, self._groups, parent=self)
        on = shell.settings.settings.reminders_on
        if idle is None:
            idle = (idle_source(QGuiApplication.platformName()) if on
                    else NoIdleSource(IDLE_WAITS_FOR_REMINDERS))
        self.reminders = ReminderBridge(shell.settings, self._find, idle, shell.home,
                                        parent=self)
        self.nudge: QWindow | None = None
        self._nudge_component: QQmlComponent | None = None
        self.tray: TrayIcon | None = None
        self.window: QWindow | None = None
        self._idle_opened = on
        self.reminders.startRequested.connect(self._start)
        self.reminders.nudgeChanged.connect(self._ensure_nudge)
        self.reminders.changed.connect(self._follow_enabled)

    # --- data for the bridges ---------------------------------------------------------

    def _sessions(self) -> list[SessionRecord]:
        history = self._shell.history
        return history.sessions() if history is not None else []

    def _groups(self) -> dict[str, str]:
        library = self._shell.library.library
        if library is None:
            return {}
        return {routine.id: routine.group for routine in library.routines.values()}

    def _find(self, name: str) -> Routine | None:
        """A routine by id, or by title ignoring case."""
        library = self._shell.library.library
        if library is None:
            return None
        if name in library.routines:
            return library.routines[name]
        wanted = name.casefold()
        for routine in library.routines.values():
            if routine.title.casefold() == wanted:
                return routine
        return None

    def _titles(self) -> list[tuple[str, str]]:
        library = self._shell.library.library
        if library is None:
            return []
        return sorted(((r.id, r.title) for r in library.routines.values()),
                      key=lambda pair: pair[1].casefold())

    # --- set-up ------------------------------------------------------------------------

    def expose(self) -> None:
        """Hand the bridges to QML (the shell's context, once it has one)."""
        context = self._shell.qml_context()
        if context is not None:
            context.setContextProperty("habit", self.history)
            context.setContextProperty("reminders", self.reminders)

    def attach(self, window: QWindow | None, server: InstanceServer | None = None) -> None:
        """Know the main window (raised on a request) and the instance server."""
        self.window = window
        if server is not None:
            server.requested.connect(self._handle_request)
        if window is not None:
            window.visibleChanged.connect(self._window_visibility)
        self._follow_enabled()

    def _ensure_nudge(self) -> None:
        if self.nudge is not None or not self.reminders.nudgeShown:
            return
        context = self._shell.qml_context()
        if context is None:
            return
        component = QQmlComponent(context.engine(),
                                  QUrl.fromLocalFile(str(paths.ui_dir() / "Nudge.qml")))
        created = component.create(context)
        if not isinstance(created, QWindow):
            raise RuntimeError("Nudge.qml did not load: " + component.errorString())
        # Ours, not the JavaScript collector's; it goes with the engine.
        QQmlEngine.setObjectOwnership(created, QQmlEngine.ObjectOwnership.CppOwnership)
        context.engine().destroyed.connect(created.deleteLater)
        self._nudge_component = component
        self.nudge = created

    def _follow_enabled(self) -> None:
        """Tray and idle source follow the reminders' on switch."""
        on = self._shell.settings.settings.reminders_on
        app = QCoreApplication.instance()
        if on and self.tray is None and tray_possible():
            icon = paths.assets_dir() / "icons" / "stretchapp.svg"
            self.tray = tray_icon(icon, self._titles, self)
            self.tray.startRequested.connect(self._start)
            self.tray.openRequested.connect(self.show_window)
            self.tray.quitRequested.connect(self._quit)
            self.tray.pauseRequested.connect(self._pause)
            self.reminders.nudged.connect(self.tray.notify)
        if self.tray is not None and on:
            self.tray.show()
        elif self.tray is not None:
            self.tray.hide()
        if isinstance(app, QGuiApplication):
            app.setQuitOnLastWindowClosed(not self.keeps_running)
        if on and not self._idle_opened:
            self._idle_opened = True
            self.reminders.set_idle_source(idle_source(QGuiApplication.platformName()))

    @property
    def keeps_running(self) -> bool:
        """Closing the window leaves the app in the tray (reminders on, a tray shown)."""
        on = self._shell.settings.settings.reminders_on
        return on and self.tray is not None and self.tray.icon.isVisible()

    # --- actions -----------------------------------------------------------------------

    def show_window(self) -> None:
        if self.window is not None:
            self.window.show()
            self.window.raise_()
            self.window.requestActivate()

    def _start(self, routine_id: str) -> None:
        """Start from the nudge or the tray: the window comes up with the player."""
        self.show_window()
        self._shell.app.startRoutine(routine_id)

    def _pause(self, key: str) -> None:
        actions = {"hour": self.reminders.pauseHour, "tomorrow": self.reminders.pauseUntilTomorrow,
                   "resume": self.reminders.resume}
        if key == "off":
            self.reminders.setEnabled(False)
        else:
            actions[key]()

    def _handle_request(self, request: dict[str, str]) -> None:
        self.show_window()
        if request.get("action") == "run" and request.get("routine"):
            self._shell.app.startRoutine(request["routine"])

    def _window_visibility(self, visible: bool) -> None:
        # A shown nudge is a window too: without a tray it must not keep the app alive.
        if (not visible and not self.keeps_running and self.nudge is not None
                and self.nudge.isVisible()):
            self.reminders.dismissNudge()
            self._quit()

    def _quit(self) -> None:
        app = QCoreApplication.instance()
        if app is not None:
            app.quit()

    def shutdown(self) -> None:
        """Hide the nudge and the tray before the app goes."""
        if self.nudge is not None:
            self.nudge.setProperty("visible", False)
        if self.tray is not None:
            self.tray.close()
