"""The library page's rows as a list model: a group heading, or a row of cards.

The page is a ListView over this model, so Qt Quick makes only the rows on
screen (and a little around them): a library of 10,000 routines costs the
cards that are seen, not 10,000 of them. The cards in a row are made as
dicts when the view asks for that row, and kept until the library, the
filters or the theme change. How many cards a row holds is the view's width
in cards, which QML reports (`set_columns`); the arranging is done here.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractListModel, QByteArray, QModelIndex, QPersistentModelIndex

from stretchapp.core.model import Routine

# Qt.ItemDataRole's values, written out: touching PySide's Qt namespace builds all
# of its enums (about 15 ms), and this model is made before the first frame.
DISPLAY_ROLE = 0
USER_ROLE = 256

CardMaker = Callable[[Routine], dict[str, Any]]


@dataclass(frozen=True)
class Section:
    """One muscle group's routines, as the filters leave them."""

    group: str
    label: str
    routines: Sequence[Routine]


@dataclass(frozen=True)
class _Row:
    group: str
    heading: str  # the group's label on a heading row, "" on a row of cards
    routines: Sequence[Routine] = ()


class LibraryRows(QAbstractListModel):
    """Headings and rows of at most `columns` routine cards, in display order."""

    GroupRole = USER_ROLE + 1
    HeadingRole = USER_ROLE + 2
    CardsRole = USER_ROLE + 3

    def __init__(self, make_card: CardMaker, parent: Any = None) -> None:
        super().__init__(parent)
        self._make_card = make_card
        self._sections: list[Section] = []
        self._columns = 1
        self._rows: list[_Row] = []
        self._cards: dict[int, dict[str, Any]] = {}

    def set_sections(self, sections: list[Section]) -> None:
        """Show these sections (after a reload, a filter or a theme change)."""
        self._sections = sections
        self._cards.clear()
        self._arrange()

    def set_columns(self, columns: int, keep_row: int = -1) -> int:
        """Rows of this many cards; the new index of what was row keep_row (-1: none)."""
        columns = max(1, min(columns, 12))
        if columns == self._columns:
            return keep_row
        kept = self._rows[keep_row] if 0 <= keep_row < len(self._rows) else None
        self._columns = columns
        self._arrange()
        if kept is None:
            return -1
        for index, row in enumerate(self._rows):
            # The same heading, or the row that now holds the kept row's first card.
            if (row.heading and row.heading == kept.heading and row.group == kept.group) or (
                    kept.routines and any(r is kept.routines[0] for r in row.routines)):
                return index
        return -1

    @property
    def columns(self) -> int:
        return self._columns

    def _arrange(self) -> None:
        rows: list[_Row] = []
        step = self._columns
        for section in self._sections:
            rows.append(_Row(section.group, section.label))
            routines = section.routines
            rows.extend(_Row(section.group, "", routines[start: start + step])
                        for start in range(0, len(routines), step))
        self.beginResetModel()
        self._rows = rows
        self.endResetModel()

    # --- QAbstractListModel ---------------------------------------------------------

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def roleNames(self) -> dict[int, QByteArray]:
        return {self.GroupRole: QByteArray(b"group"), self.HeadingRole: QByteArray(b"heading"),
                self.CardsRole: QByteArray(b"cards")}

    def data(self, index: QModelIndex | QPersistentModelIndex,
             role: int = DISPLAY_ROLE) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        if role == self.GroupRole:
            return row.group
        if role == self.HeadingRole:
            return row.heading
        if role == self.CardsRole:
            return [self._card(routine) for routine in row.routines]
        return None

    def _card(self, routine: Routine) -> dict[str, Any]:
        key = id(routine)
        card = self._cards.get(key)
        if card is None:
            card = self._cards[key] = self._make_card(routine)
        return card
