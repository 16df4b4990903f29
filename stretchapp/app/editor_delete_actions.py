"""Deleting a routine's file and undoing it, for QML as `editor.deleting`.

The detail page deletes a routine of the library, the editor the file it has
open (a new, never saved routine is only dropped). A deleted file goes to the
backups folder, so the toast's Undo can put it back.
"""

from __future__ import annotations

from pathlib import Path
from typing import Protocol

from PySide6.QtCore import Property, QObject, Signal, Slot

from stretchapp.app.editor_view import field_text
from stretchapp.core.editing.session import EditingSession, routine_id_of
from stretchapp.core.editing.store import SaveError
from stretchapp.core.loading.library import Library
from stretchapp.core.wording.editor import (
    delete_prompt,
    deleted_notice,
    no_routine_to_delete,
    restored_notice,
)


class DeleteHost(Protocol):
    """What the delete actions need of the editor bridge."""

    @property
    def session(self) -> EditingSession: ...
    @property
    def library(self) -> Library: ...
    def close(self) -> None: ...
    def fail(self, message: str) -> bool: ...
    def files_changed(self, message: str, *, undoable: bool = False,
                      deleted_id: str = "") -> None: ...


class DeleteActions(QObject):
    """Delete a routine's file, ask first, undo."""

    undoChanged = Signal()  # canUndo

    def __init__(self, host: DeleteHost, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._host = host

    canUndo = Property(bool, lambda self: self._host.session.deleted is not None,
                       notify=undoChanged)

    @Slot(str, result="QVariantMap")
    def prompt(self, routine_id: str) -> dict[str, str]:
        """What to ask before deleteRoutine(routine_id)."""
        routine = self._host.library.routines.get(routine_id)
        return delete_prompt(routine.title if routine is not None else routine_id, new=False)

    @Slot(result="QVariantMap")
    def promptOpen(self) -> dict[str, str]:
        """What to ask before deleteOpen: a new routine is discarded, not deleted."""
        draft = self._host.session.draft
        title = field_text(draft, "title") or (draft.path.name if draft is not None else "")
        return delete_prompt(title, new=self._host.session.is_new)

    @Slot(str, result=bool)
    def deleteRoutine(self, routine_id: str) -> bool:
        """Delete one of the user's routines; undo brings it back."""
        routine = self._host.library.routines.get(routine_id)
        if routine is None or routine.source is None:
            return self._host.fail(no_routine_to_delete(routine_id))
        return self._delete(routine.source, routine.title, routine.id)

    @Slot(result=bool)
    def deleteOpen(self) -> bool:
        """Delete the file being edited (a new, unsaved routine is just dropped)."""
        session = self._host.session
        draft = session.draft
        if draft is None:
            return False
        if session.is_new:
            self._host.close()
            return True
        return self._delete(draft.path, field_text(draft, "title") or draft.path.name,
                            routine_id_of(draft))

    @Slot(result=bool)
    def undo(self) -> bool:
        try:
            restored = self._host.session.undo_delete()
        except SaveError as error:
            return self._host.fail(str(error))
        self.undoChanged.emit()
        self._host.files_changed(restored_notice(restored.name))
        return True

    def _delete(self, path: Path, title: str, routine_id: str) -> bool:
        session = self._host.session
        was_open = session.draft is not None and session.draft.path == path
        try:
            session.delete(path)
        except SaveError as error:
            return self._host.fail(str(error))
        if was_open:
            self._host.close()
        self.undoChanged.emit()
        self._host.files_changed(deleted_notice(title), undoable=True, deleted_id=routine_id)
        return True
