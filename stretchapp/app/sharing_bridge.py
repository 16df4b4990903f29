"""Exporting a routine to share it, and importing one, from the app.

An import happens in two steps, as on the command line: planImport unpacks
and checks the file in a staging folder and shows what it would add and
replace; confirmImport writes it, replacing things only when asked to.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Property, QObject, QUrl, Signal, Slot

from stretchapp.app.library_store import LibraryStore
from stretchapp.core.editing.archive import (
    ArchiveRefused,
    ImportPlan,
    apply_import,
    export_routine,
    plan_import,
)
from stretchapp.core.loading.library import Library
from stretchapp.core.wording import import_contents


def local_path(url_or_path: str) -> Path:
    """A FileDialog's file:// URL, or a plain path, as a Path."""
    url = QUrl(url_or_path)
    return Path(url.toLocalFile()) if url.isLocalFile() else Path(url_or_path)


class SharingBridge(QObject):
    """Export and import for the library page: plans, questions and outcomes."""

    planChanged = Signal()  # importing, importSummary, importProblems, replaces, canImport
    errorChanged = Signal()  # errorText: why the last export or import did not happen
    imported = Signal(list)  # the paths written by an import
    routinesChanged = Signal()  # an import wrote to the user's folder (the store reloads)
    toast = Signal(str, bool)  # a short notice (never undoable here)

    def __init__(self, home: Path, store: LibraryStore, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._home = home
        self._store = store
        self._plan: ImportPlan | None = None
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

    importing = Property(bool, _get_importing, notify=planChanged)
    importSummary = Property(list, _get_summary, notify=planChanged)
    importProblems = Property(list, _get_problems, notify=planChanged)
    importReplaces = Property(list, _get_replaces, notify=planChanged)
    canImport = Property(bool, _get_can_import, notify=planChanged)
    errorText = Property(str, _get_error, notify=errorChanged)

    # --- slots ---------------------------------------------------------------------

    @Slot(str, str, result=bool)
    def exportRoutine(self, routine_id: str, file_url: str) -> bool:
        """Write the routine where the file dialog says (.yaml, or .zip with its pictures)."""
        try:
            written = export_routine(self._library(), routine_id, local_path(file_url))
        except (ArchiveRefused, OSError) as error:
            return self._fail(f"Not exported: {_reason(error)}")
        self._set_error("")
        self.toast.emit(f"Exported to {written}", False)
        return True

    @Slot(str, result=bool)
    def planImport(self, file_url: str) -> bool:
        """Check a shared .yaml or .zip; the plan says what importing it would do."""
        self.cancelImport()
        try:
            self._plan = plan_import(local_path(file_url), self._home, self._library())
        except (ArchiveRefused, OSError) as error:
            return self._fail(f"Not imported: {_reason(error)}")
        self._set_error("")
        self.planChanged.emit()
        return True

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
            return self._fail(f"Not imported: {_reason(error)}")
        self._plan = None
        self.planChanged.emit()
        self._set_error("")
        self._store.reload()
        self.routinesChanged.emit()
        self.imported.emit([str(p) for p in written])
        names = ", ".join(r.title for r in plan.routines) or f"{len(written)} files"
        self.toast.emit(f"Imported {names}", False)
        return True

    @Slot()
    def cancelImport(self) -> None:
        self._drop_plan()

    @Slot()
    def dismissError(self) -> None:
        self._set_error("")

    # --- inside ----------------------------------------------------------------

    def _library(self) -> Library:
        library = self._store.library
        if library is None:
            raise ArchiveRefused("the library is still loading; try again in a moment")
        return library

    def _drop_plan(self) -> None:
        if self._plan is not None:
            self._plan.discard()
            self._plan = None
            self.planChanged.emit()

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
