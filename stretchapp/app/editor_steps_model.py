"""The steps of the routine being edited, as a list model for the editor page.

Each row (core.editing.step_rows) shows what a step will do with every
default applied. Adds, removes and moves are announced as such (not as a
reset), so the list keeps its delegates, its scroll position and the focus.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    Property,
    QAbstractListModel,
    QByteArray,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)

from stretchapp.core.editing.step_rows import STEP_ROLES, StepRow

_ROLE_IDS = {Qt.ItemDataRole.UserRole + 1 + n: name for n, name in enumerate(STEP_ROLES)}

_Index = QModelIndex | QPersistentModelIndex


class EditorStepsModel(QAbstractListModel):
    """The draft's steps; the editor bridge tells it how they changed."""

    countChanged = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[StepRow] = []

    def rows(self) -> list[StepRow]:
        return list(self._rows)

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def roleNames(self) -> dict[int, QByteArray]:
        return {role: QByteArray(name.encode()) for role, name in _ROLE_IDS.items()}

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        name = _ROLE_IDS.get(role, "name" if role == Qt.ItemDataRole.DisplayRole else "")
        return getattr(self._rows[index.row()], name) if name else None

    def _get_count(self) -> int:
        return len(self._rows)

    count = Property(int, _get_count, notify=countChanged)

    # --- updates from the bridge ---------------------------------------------------

    def reset(self, rows: list[StepRow]) -> None:
        """Show another draft's steps (open, revert, reload)."""
        # All rows out, then all in: a view still creating a delegate warns on a
        # model reset ("DelegateModel::cancel: index out range").
        if self._rows:
            self.beginRemoveRows(QModelIndex(), 0, len(self._rows) - 1)
            self._rows = []
            self.endRemoveRows()
        if rows:
            self.beginInsertRows(QModelIndex(), 0, len(rows) - 1)
            self._rows = list(rows)
            self.endInsertRows()
        self.countChanged.emit()

    def inserted(self, at: int, rows: list[StepRow]) -> None:
        self.beginInsertRows(QModelIndex(), at, at)
        self._rows.insert(at, rows[at])
        self.endInsertRows()
        self.countChanged.emit()
        self.update(rows)

    def removed(self, at: int, rows: list[StepRow]) -> None:
        self.beginRemoveRows(QModelIndex(), at, at)
        del self._rows[at]
        self.endRemoveRows()
        self.countChanged.emit()
        self.update(rows)

    def moved(self, source: int, to: int, rows: list[StepRow]) -> None:
        # Qt counts the destination before the move: one further when moving down.
        if self.beginMoveRows(QModelIndex(), source, source, QModelIndex(),
                              to + 1 if to > source else to):
            self._rows.insert(to, self._rows.pop(source))
            self.endMoveRows()
        self.update(rows)

    def show(self, rows: list[StepRow], *, reset: bool = False, inserted: int | None = None,
             removed: int | None = None, moved: tuple[int, int] | None = None) -> None:
        """Show the draft's rows, announcing a reset, an insert, a removal or a move."""
        if reset:
            self.reset(rows)
        elif inserted is not None:
            self.inserted(inserted, rows)
        elif removed is not None:
            self.removed(removed, rows)
        elif moved is not None:
            self.moved(*moved, rows)
        else:
            self.update(rows)

    def update(self, rows: list[StepRow]) -> None:
        """Change the rows whose values changed (numbers, times, problems)."""
        if len(rows) != len(self._rows):
            self.reset(rows)
            return
        for row, (old, new) in enumerate(zip(self._rows, rows, strict=True)):
            if old != new:
                self._rows[row] = new
                self.dataChanged.emit(self.index(row), self.index(row))
