"""Exporting a routine to share it, and importing one, from the app.

An import happens in two steps, as on the command line: planImport unpacks
and checks the file in a staging folder (through the task runner: unpacking and
loading what it holds is not done on the GUI thread) and shows what it would add
and replace; confirmImport writes it, replacing things only when asked to.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import Property, QObject, QUrl, Signal, Slot

from stretchapp.app.library_store import LibraryStore
from stretchapp.app.task_runner import InlineRunner, Runner
from stretchapp.core.editing.archive import (
    ArchiveRefused,
    ImportPlan,
    apply_import,
    export_routine,
    plan_import,
)
from stretchapp.core.loading.library import Library
from stretchapp.core.wording.app_words import LIBRARY_STILL_LOADING
from stretchapp.core.wording.editor import (
    exported_notice,
    import_contents,
    imported_notice,
    not_done,
)

log = logging.getLogger(__name__)


def local_path(url_or_path: str) -> Path:
    """A FileDialog's file:// URL, or a plain path, as a Path."""
    url = QUrl(url_or_path)
    return Path(url.toLocalFile()) if url.isLocalFile() else Path(url_or_path)


class SharingBridge(QObject):
    """Export and import for the library page: plans, questions and outcomes."""

    planChanged = Signal()  # importing, importSummary, importProblems, replaces, canImport
    planningChanged = Signal()  # planning: a plan is being made off the GUI thread
    planReady = Signal()  # a plan asked for by planImport is there to show
    errorChanged = Signal()  # errorText: why the last export or import did not happen
    imported = Signal(list)  # the paths written by an import
    routinesChanged = Signal()  # an import wrote to the user's folder (the store reloads)
    toast = Signal(str, bool)  # a short notice (never undoable here)

    def __init__(self, home: Path, store: LibraryStore, runner: Runner | None = None,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._home = home
        self._store = store
        self._runner: Runner = runner if runner is not None else InlineRunner()
        self._plan: ImportPlan | None = None
        self._planning = 0  # the number of the plan asked for last; 0: none being made
        self._asked = 0
        self._error = ""

    # --- properties ----------------------------------------------------------------

    def _get_importing(self) -> bool:
        return self._plan is not None

    def _get_summary(self) -> list[str]:
        if self._plan is None:
            return []
        plan = self._plan
        return import_contents(plan.source.name, str(plan.target_dir),
                               [(r.id, r.title, len(r.steps)) for r in plan.routines],
                               [(s.id, s.name) for s in plan.stretches])

    def _get_problems(self) -> list[str]:
        return [str(p) for p in self._plan.problems] if self._plan is not None else []

    def _get_replaces(self) -> list[str]:
        return list(self._plan.replaces) if self._plan is not None else []

    def _get_can_import(self) -> bool:
        return self._plan is not None and self._plan.ok

    def _get_error(self) -> str:
        return self._error

    def _get_planning(self) -> bool:
        return self._planning != 0

    importing = Property(bool, _get_importing, notify=planChanged)
    importSummary = Property(list, _get_summary, notify=planChanged)
    importProblems = Property(list, _get_problems, notify=planChanged)
    importReplaces = Property(list, _get_replaces, notify=planChanged)
    canImport = Property(bool, _get_can_import, notify=planChanged)
    errorText = Property(str, _get_error, notify=errorChanged)
    planning = Property(bool, _get_planning, notify=planningChanged)

    # --- slots ---------------------------------------------------------------------

    @Slot(str, str, result=bool)
    def exportRoutine(self, routine_id: str, file_url: str) -> bool:
        """Write the routine where the file dialog says (.yaml, or .zip with its pictures)."""
        try:
            written = export_routine(self._library(), routine_id, local_path(file_url))
        except (ArchiveRefused, OSError) as error:
            return self._fail(not_done("exported", _reason(error)))
        self._set_error("")
        self.toast.emit(exported_notice(str(written)), False)
        return True

    @Slot(str, result=bool)
    def planImport(self, file_url: str) -> bool:
        """Check a shared .yaml or .zip off the GUI thread; planReady says the plan is there.

        False when refused before or, with an inline runner, while planning; the
        plan is made against the store's current library (nobody loads another).
        """
        self.cancelImport()
        try:
            library = self._library()
        except ArchiveRefused as error:
            return self._fail(not_done("imported", _reason(error)))
        self._asked += 1
        number = self._asked
        source, home = local_path(file_url), self._home
        self._set_planning(number)
        self._set_error("")
        self._runner.run(lambda: plan_import(source, home, library),
                         lambda plan: self._planned(number, plan),
                         lambda error: self._not_planned(number, error), name="plan import")
        return not self._error

    def _planned(self, number: int, plan: ImportPlan) -> None:
        if number != self._planning:  # cancelled, or another file asked for since
            plan.discard()
            return
        self._set_planning(0)
        self._plan = plan
        self.planChanged.emit()
        self.planReady.emit()

    def _not_planned(self, number: int, error: Exception) -> None:
        if number != self._planning:
            return
        self._set_planning(0)
        if not isinstance(error, ArchiveRefused | OSError):  # a bug: kept for the log
            log.error("planning an import failed", exc_info=error)
        self._fail(not_done("imported", _reason(error)))

    @Slot(bool, result=bool)
    def confirmImport(self, overwrite: bool) -> bool:
        """Import the planned file; replaces nothing unless overwrite is true."""
        plan = self._plan
        if plan is None:
            return False
        try:
            written = apply_import(plan, self._home, overwrite=overwrite)
        except (ArchiveRefused, OSError) as error:
            if plan.replaces and not overwrite:
                return self._fail(str(error))
            self._drop_plan()
            return self._fail(not_done("imported", _reason(error)))
        self._plan = None
        self.planChanged.emit()
        self._set_error("")
        self._store.reload()
        self.routinesChanged.emit()
        self.imported.emit([str(p) for p in written])
        self.toast.emit(imported_notice([r.title for r in plan.routines], len(written)), False)
        return True

    @Slot()
    def cancelImport(self) -> None:
        self._set_planning(0)
        self._drop_plan()

    @Slot()
    def dismissError(self) -> None:
        self._set_error("")

    # --- inside ----------------------------------------------------------------

    def _library(self) -> Library:
        library = self._store.library
        if library is None:
            raise ArchiveRefused(LIBRARY_STILL_LOADING)
        return library

    def _drop_plan(self) -> None:
        if self._plan is not None:
            self._plan.discard()
            self._plan = None
            self.planChanged.emit()

    def _set_planning(self, number: int) -> None:
        if number != self._planning:
            was = self._planning != 0
            self._planning = number
            if was != (number != 0):
                self.planningChanged.emit()

    def _fail(self, message: str) -> bool:
        self._set_error(message)
        return False

    def _set_error(self, message: str) -> None:
        if message != self._error:
            self._error = message
            self.errorChanged.emit()


def _reason(error: Exception) -> str:
    if isinstance(error, OSError):
        return error.strerror or str(error)
    return str(error)
