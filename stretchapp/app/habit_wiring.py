"""The habit features wired into the shell: history page, reminders, tray, nudge.

Made in `AppShell.start()`, after the first frame, so none of it is on the
start-up path. The shell calls `attach` once and `shutdown` on quit; all the
signal wiring of these features is here.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from stretchapp.app.history_bridge import HistoryBridge
from stretchapp.core.history import SessionRecord

if TYPE_CHECKING:
    from stretchapp.app.shell import AppShell


class HabitFeatures(QObject):
    """The history bridge (and, when on, the reminders) of one shell."""

    def __init__(self, shell: AppShell) -> None:
        super().__init__(shell)
        self._shell = shell
        self.history = HistoryBridge(self._sessions, self._groups, parent=self)

    def _sessions(self) -> list[SessionRecord]:
        history = self._shell.history
        return history.sessions() if history is not None else []

    def _groups(self) -> dict[str, str]:
        library = self._shell.library.library
        if library is None:
            return {}
        return {routine.id: routine.group for routine in library.routines.values()}

    def expose(self) -> None:
        """Hand the bridges to QML (the shell's context, once it has one)."""
        context = self._shell.qml_context()
        if context is not None:
            context.setContextProperty("habit", self.history)

    def shutdown(self) -> None:
        """Stop timers and hide windows before the app goes."""
