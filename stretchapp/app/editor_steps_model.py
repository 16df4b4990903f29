"""The steps of the routine being edited, as a list model for the editor page.

Each row shows what a step will do with every default applied, read from the
draft itself, so a step still shows its values while the routine has a
problem elsewhere. Adds, removes and moves are announced as such (not as a
reset), so the list keeps its delegates, its scroll position and the focus.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, fields
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

from stretchapp.core.editing.draft import RoutineDraft
from stretchapp.core.loading.durations import DurationError, format_human, parse_duration
from stretchapp.core.loading.resolve import TIMING_DEFAULTS, step_timings
from stretchapp.core.model import Routine, Stretch
from stretchapp.core.wording import step_summary

# What a new counted step starts with: ten repetitions of two seconds.
NEW_COUNT = 10
NEW_TEMPO = 2
# The timings a step inherits, with the format's own defaults (resolve.py's rule).
DEFAULT_TIMINGS = TIMING_DEFAULTS


@dataclass(frozen=True)
class StepRow:
    """One step as the editor shows it."""

    number: int
    stretchId: str
    name: str
    thumbnail: str
    sided: bool
    counted: bool
    hold: int
    count: int
    tempo: int
    reps: int
    sides: str
    prepare: int
    rest: int
    sideSwitch: int  # the step's switch time ('switch' is a word JavaScript keeps)
    relax: int
    showsSwitch: bool  # a sided stretch done on both sides: the switch applies
    showsRelax: bool  # more than one rep: the relax applies
    # Each timing the step takes from the routine's defaults (it sets no value of its own).
    holdInherited: bool
    prepareInherited: bool
    restInherited: bool
    switchInherited: bool
    relaxInherited: bool
    summary: str  # '45 s each side · 2 times', '' while the routine has problems
    timeText: str  # the step's share of the total time
    problem: str  # this step's problems, one per line


_ROLES = tuple(f.name for f in fields(StepRow))
_ROLE_IDS = {Qt.ItemDataRole.UserRole + 1 + n: name for n, name in enumerate(_ROLES)}

_Index = QModelIndex | QPersistentModelIndex


def seconds_or(value: object, fallback: int) -> int:
    """A duration value in seconds, or fallback where the file's text is not one."""
    if value is None:
        return fallback
    try:
        return parse_duration(value)
    except DurationError:
        return fallback


def whole_or(value: object, fallback: int) -> int:
    return value if isinstance(value, int) and not isinstance(value, bool) else fallback


def step_rows(draft: RoutineDraft, routine: Routine | None, problems: Mapping[int, list[str]],
              picture: Callable[[Stretch], str]) -> list[StepRow]:
    """Every step of the draft, with the routine's defaults filled in."""
    defaults = draft.section("defaults")
    routine_defaults = {name: seconds_or(defaults.get(name), fallback)
                        for name, fallback in DEFAULT_TIMINGS.items()}
    built = routine.steps if routine is not None else ()
    catalogue = draft.library.stretches
    rows = []
    steps = draft.steps()
    for index, step in enumerate(steps):
        stretch_id = step.get("stretch")
        stretch_id = stretch_id if isinstance(stretch_id, str) else ""
        stretch = built[index].stretch if index < len(built) else catalogue.get(stretch_id)
        name = step.get("name")
        if not isinstance(name, str) or not name:
            name = stretch.name if stretch is not None else (stretch_id or "Unnamed step")
        sided = step.get("sided")
        if not isinstance(sided, bool):
            sided = stretch.sided if stretch is not None else False
        sides = step.get("sides")
        sides = sides if sides in ("left", "right") else "both"
        reps = whole_or(step.get("reps"), 1)
        last = index == len(steps) - 1
        # A key present with a value that is not a duration counts as the step's own
        # (its problem shows on the step); the default's value is shown meanwhile.
        timing = step_timings({name: seconds_or(step.get(name), routine_defaults[name])
                               if name in step else None for name in DEFAULT_TIMINGS},
                              routine_defaults)
        rows.append(StepRow(
            number=index + 1,
            stretchId=stretch_id,
            name=name,
            thumbnail=picture(stretch) if stretch is not None else "",
            sided=sided,
            counted="count" in step or "tempo" in step,
            hold=timing["hold"].seconds,
            count=whole_or(step.get("count"), NEW_COUNT),
            tempo=seconds_or(step.get("tempo"), NEW_TEMPO),
            reps=reps,
            sides=sides,
            prepare=timing["prepare"].seconds,
            rest=timing["rest"].seconds,
            sideSwitch=timing["switch"].seconds,
            relax=timing["relax"].seconds,
            showsSwitch=sided and sides == "both",
            showsRelax=reps > 1,
            holdInherited=timing["hold"].inherited,
            prepareInherited=timing["prepare"].inherited,
            restInherited=timing["rest"].inherited,
            switchInherited=timing["switch"].inherited,
            relaxInherited=timing["relax"].inherited,
            summary=step_summary(built[index]) if index < len(built) else "",
            timeText=(format_human(built[index].seconds(last=last))
                      if index < len(built) else ""),
            problem="\n".join(problems.get(index, [])),
        ))
    return rows


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
