"""The stretch catalogue as a searchable list, for adding steps in the editor.

Every stretch the library knows, built-in and the user's own, sorted by group
then name. QML sets the search text and the group; the model keeps only the
stretches whose name, id, group or instructions hold every word searched for,
those with every word in their name or group first.
"""

from __future__ import annotations

from collections.abc import Iterable
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
    Slot,
)

from stretchapp.app.thumbnail_files import ThumbnailFiles
from stretchapp.core.model import Stretch, group_rank
from stretchapp.core.wording.editor import ALL_GROUPS
from stretchapp.core.wording.routines import group_label

_ROLES = ("stretchId", "name", "group", "groupLabel", "sided", "thumbnail", "summary")
_ROLE_IDS = {Qt.ItemDataRole.UserRole + 1 + n: name for n, name in enumerate(_ROLES)}

_Index = QModelIndex | QPersistentModelIndex


def _order(stretch: Stretch) -> tuple[int, str, str]:
    return (*group_rank(stretch.group), stretch.name.lower())


def _first_sentence(text: str) -> str:
    flat = " ".join(text.split())
    end = flat.find(". ")
    return flat if end < 0 else flat[: end + 1]


class CatalogueModel(QAbstractListModel):
    """The stretches that match the search text and group, with thumbnails."""

    filterChanged = Signal()
    groupsChanged = Signal()
    countChanged = Signal()

    def __init__(self, thumbnails: ThumbnailFiles, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._thumbnails = thumbnails
        self._theme = "light"
        self._all: list[Stretch] = []
        self._shown: list[Stretch] = []
        self._text = ""
        self._group = ""

    # --- from Python -------------------------------------------------------------

    def set_stretches(self, stretches: Iterable[Stretch]) -> None:
        """Show this catalogue (after a library load), keeping the filter."""
        self._all = sorted(stretches, key=_order)
        self.groupsChanged.emit()
        self._refilter()

    def set_theme(self, theme: str) -> None:
        """Draw thumbnails for the light or the dark theme."""
        if theme != self._theme:
            self._theme = theme
            if self._shown:
                self.dataChanged.emit(self.index(0), self.index(len(self._shown) - 1))

    def stretch_at(self, row: int) -> Stretch | None:
        return self._shown[row] if 0 <= row < len(self._shown) else None

    # --- to QML ------------------------------------------------------------------

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._shown)

    def roleNames(self) -> dict[int, QByteArray]:
        return {role: QByteArray(name.encode()) for role, name in _ROLE_IDS.items()}

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._shown):
            return None
        stretch = self._shown[index.row()]
        name = _ROLE_IDS.get(role, "name" if role == Qt.ItemDataRole.DisplayRole else "")
        if name == "stretchId":
            return stretch.id
        if name == "name":
            return stretch.name
        if name == "group":
            return stretch.group
        if name == "groupLabel":
            return group_label(stretch.group)
        if name == "sided":
            return stretch.sided
        if name == "thumbnail":
            return self._thumbnails.url(stretch, self._theme)
        if name == "summary":
            return _first_sentence(stretch.instructions)
        return None

    def _get_text(self) -> str:
        return self._text

    def _set_text(self, text: str) -> None:
        if text != self._text:
            self._text = text
            self.filterChanged.emit()
            self._refilter()

    def _get_group(self) -> str:
        return self._group

    def _set_group(self, group: str) -> None:
        if group != self._group:
            self._group = group
            self.filterChanged.emit()
            self._refilter()

    def _get_groups(self) -> list[dict[str, str]]:
        seen = list(dict.fromkeys(s.group for s in self._all))
        return [{"value": "", "label": ALL_GROUPS}] + [
            {"value": g, "label": group_label(g)} for g in seen]

    def _get_count(self) -> int:
        return len(self._shown)

    filterText = Property(str, _get_text, _set_text, notify=filterChanged)
    groupFilter = Property(str, _get_group, _set_group, notify=filterChanged)
    groups = Property(list, _get_groups, notify=groupsChanged)
    count = Property(int, _get_count, notify=countChanged)

    @Slot(int, result=str)
    def stretchIdAt(self, row: int) -> str:
        stretch = self.stretch_at(row)
        return stretch.id if stretch is not None else ""

    # --- filtering ---------------------------------------------------------------

    def _matches(self, stretch: Stretch, words: list[str]) -> bool:
        if self._group and stretch.group != self._group:
            return False
        haystack = " ".join((stretch.name, stretch.id, stretch.group,
                             stretch.instructions)).lower()
        return all(word in haystack for word in words)

    def _refilter(self) -> None:
        words = self._text.lower().split()
        wanted = [s for s in self._all if self._matches(s, words)]
        # Name matches first: "toe raise" lists Toe raises before a stretch whose
        # instructions only mention toes.
        wanted.sort(key=lambda s: not all(w in s.name.lower() or w in s.group for w in words))
        self._become(wanted)

    def _become(self, wanted: list[Stretch]) -> None:
        """Turn the shown rows into wanted with removes, moves and inserts (no reset,
        so views keep their delegates and current item where they can)."""
        before = len(self._shown)
        kept = {id(s) for s in wanted}
        for row in reversed(range(len(self._shown))):
            if id(self._shown[row]) not in kept:
                self.beginRemoveRows(QModelIndex(), row, row)
                del self._shown[row]
                self.endRemoveRows()
        for row, stretch in enumerate(wanted):
            if row < len(self._shown) and self._shown[row] is stretch:
                continue
            found = next((i for i in range(row + 1, len(self._shown))
                          if self._shown[i] is stretch), None)
            if found is not None:
                self.beginMoveRows(QModelIndex(), found, found, QModelIndex(), row)
                self._shown.insert(row, self._shown.pop(found))
                self.endMoveRows()
            else:
                self.beginInsertRows(QModelIndex(), row, row)
                self._shown.insert(row, stretch)
                self.endInsertRows()
        if len(self._shown) != before:
            self.countChanged.emit()
