"""Where the app is: which page shows, notices for the user, the interrupted routine.

QML shows the page named by `page` and calls the slots here to move on;
which page follows which (finish after the last phase, the detail after a
stop) is decided here, never in QML.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Property, QObject, Signal, Slot

from stretchapp.core.session import recovery
from stretchapp.core.wording.app_words import no_such_routine, run_no_such_routine

if TYPE_CHECKING:
    from stretchapp.core.model import Routine
    from stretchapp.core.session.events import SessionPosition

PAGES = ("library", "detail", "player", "finish", "settings", "editor", "history")


class AppBridge(QObject):
    """The navigation and the notices of the main window."""

    pageChanged = Signal()
    detailIdChanged = Signal()  # detailId: which routine the detail page shows
    noticesChanged = Signal()
    recoveryChanged = Signal()
    # (routine, position or None): the shell gets the audio ready and opens the player.
    playRequested = Signal(object, object)
    playerLeft = Signal()

    def __init__(self, home: Path, find_routine: Callable[[str], Routine | None],
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._home = home
        self._find = find_routine  # routine id -> Routine | None (with the settings applied)
        self._page = "library"
        self._history: list[str] = []
        self._detail_id = ""  # set through _show_detail
        self._playing_id = ""
        self._notices: list[str] = []
        self._shown_once: set[str] = set()
        self._interrupted: recovery.Interrupted | None = None
        # The detail shown before a preview from the editor, which returns there.
        self._before_preview: str | None = None

    # --- from Python -------------------------------------------------------------

    def notify(self, text: str, *, once: bool = False) -> None:
        """Show a notice at the top of the window (once: never the same text twice)."""
        if not text or text in self._notices or (once and text in self._shown_once):
            return
        self._shown_once.add(text)
        self._notices.append(text)
        self.noticesChanged.emit()

    def library_ready(self, start_id: str | None) -> None:
        """The first library is in: open the routine asked for, or offer the interrupted one."""
        if start_id:
            if self._find(start_id) is None:
                # `stretchapp run ID` started from a terminal: say it there too.
                print(run_no_such_routine(start_id), file=sys.stderr)
            self.startRoutine(start_id)
            return
        loaded = recovery.read_position(self._home)
        self.notify(loaded.notice)
        interrupted = loaded.interrupted
        if interrupted is not None and self._find(interrupted.position.routine_id) is not None:
            self._interrupted = interrupted
            self.recoveryChanged.emit()
        elif interrupted is not None:
            recovery.clear_position(self._home)

    def session_finished(self) -> None:
        if self._back_from_preview():
            return
        self._go("finish", remember=False)

    def session_stopped(self) -> None:
        if self._back_from_preview():
            return
        self._show_detail(self._playing_id)
        self._history = [p for p in self._history if p == "library"]
        self._go("detail", remember=False)

    def show_editor(self) -> None:
        """The editor opened a routine: show it."""
        if self._page != "editor":
            self._go("editor")

    def leave_editor(self, routine_id: str) -> None:
        """The editor closed: back where it was opened from, showing the routine it saved."""
        if self._page != "editor":
            return
        if routine_id and self._find(routine_id) is not None:
            self._show_detail(routine_id)
        previous = self._history.pop() if self._history else "library"
        if previous == "detail" and self._find(self._detail_id) is None:
            previous = "library"
        self._go(previous, remember=False)

    def routine_deleted(self, routine_id: str) -> None:
        """A routine's file was deleted: its page cannot show any more."""
        if self._page == "detail" and self._detail_id == routine_id:
            self._history = []
            self._go("library", remember=False)

    def preview(self, routine: Routine) -> None:
        """Play a routine from the editor; stopping or finishing it goes back there."""
        self._before_preview = self._detail_id
        self._play(routine, None)

    @property
    def detail_id(self) -> str:
        """The routine the detail page shows."""
        return self._detail_id

    @property
    def in_preview(self) -> bool:
        """True while the editor's unsaved draft is playing (not a real session)."""
        return self._before_preview is not None

    def _back_from_preview(self) -> bool:
        if self._before_preview is None:
            return False
        before, self._before_preview = self._before_preview, None
        self._show_detail(before)
        if self._history and self._history[-1] == "editor":
            self._history.pop()
        self.playerLeft.emit()
        self._go("editor", remember=False)
        return True

    # --- to QML ------------------------------------------------------------------

    def _get_page(self) -> str:
        return self._page

    def _get_detail_id(self) -> str:
        return self._detail_id

    def _get_notices(self) -> list[str]:
        return list(self._notices)

    def _get_recovery_title(self) -> str:
        return self._interrupted.title if self._interrupted is not None else ""

    page = Property(str, _get_page, notify=pageChanged)
    detailId = Property(str, _get_detail_id, notify=detailIdChanged)
    notices = Property(list, _get_notices, notify=noticesChanged)
    recoveryTitle = Property(str, _get_recovery_title, notify=recoveryChanged)

    @Slot(str)
    def openDetail(self, routine_id: str) -> None:
        if self._find(routine_id) is None:
            self.notify(no_such_routine(routine_id))
            return
        self._show_detail(routine_id)
        self._go("detail")

    @Slot(str)
    def startRoutine(self, routine_id: str) -> None:
        routine: Routine | None = self._find(routine_id)
        if routine is None:
            self.notify(no_such_routine(routine_id))
            return
        self._play(routine, None)

    @Slot()
    def startAgain(self) -> None:
        if self._playing_id:
            self.startRoutine(self._playing_id)

    @Slot()
    def openSettings(self) -> None:
        if self._page != "settings":
            self._go("settings")

    @Slot()
    def openHistory(self) -> None:
        if self._page == "finish":
            self.playerLeft.emit()
        if self._page != "history":
            self._go("history")

    @Slot()
    def goBack(self) -> None:
        """Back to the page before (not out of a running player: stop does that)."""
        if self._page == "player":
            return
        if self._page == "finish":
            self.goHome()
            return
        previous = self._history.pop() if self._history else "library"
        self._go(previous, remember=False)

    @Slot()
    def goHome(self) -> None:
        if self._page in ("player", "finish"):
            self.playerLeft.emit()
        self._history = []
        self._go("library", remember=False)

    @Slot()
    def continueInterrupted(self) -> None:
        interrupted, self._interrupted = self._interrupted, None
        self.recoveryChanged.emit()
        if interrupted is None:
            return
        routine = self._find(interrupted.position.routine_id)
        if routine is None:
            recovery.clear_position(self._home)
            return
        self._play(routine, interrupted.position)

    @Slot()
    def discardInterrupted(self) -> None:
        self._interrupted = None
        recovery.clear_position(self._home)
        self.recoveryChanged.emit()

    @Slot(int)
    def dismissNotice(self, index: int) -> None:
        if 0 <= index < len(self._notices):
            del self._notices[index]
            self.noticesChanged.emit()

    @Slot(str)
    def dismissNoticeText(self, text: str) -> None:
        if text in self._notices:
            self._notices.remove(text)
            self.noticesChanged.emit()

    # --- inside --------------------------------------------------------------------

    def _play(self, routine: Routine, position: SessionPosition | None) -> None:
        self._playing_id = routine.id
        self._show_detail(routine.id)
        self.playRequested.emit(routine, position)
        self._go("player", remember=self._page not in ("player", "finish"))

    def _show_detail(self, routine_id: str) -> None:
        if routine_id != self._detail_id:
            self._detail_id = routine_id
            self.detailIdChanged.emit()

    def _go(self, page: str, *, remember: bool = True) -> None:
        if remember and self._page not in ("player", "finish"):
            self._history.append(self._page)
        if page != self._page:
            self._page = page
            self.pageChanged.emit()
