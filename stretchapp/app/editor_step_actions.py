"""The editor's step list actions, for QML as `editor.stepActions`.

Adding, inserting, removing and moving steps and setting a step's values go
through the open draft; the editor bridge then reads everything shown back
(`refresh`), telling the steps model what moved so the list keeps its focus.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

from PySide6.QtCore import QObject, Slot

from stretchapp.app.editor_view import plain
from stretchapp.core.editing.draft import TIMING_FIELDS, DraftError, RoutineDraft
from stretchapp.core.editing.step_rows import NEW_COUNT, NEW_TEMPO, StepRow
from stretchapp.core.wording.editor import not_a_timing


class DraftHost(Protocol):
    """What the step actions need of the editor bridge."""

    @property
    def draft(self) -> RoutineDraft | None: ...
    def step_rows(self) -> list[StepRow]: ...
    def refresh(self, *, reset: bool = False, inserted: int | None = None,
                removed: int | None = None, moved: tuple[int, int] | None = None) -> None: ...
    def fail(self, message: str) -> bool: ...


class StepActions(QObject):
    """Slots that change the open draft's steps."""

    def __init__(self, host: DraftHost, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._host = host

    @Slot(str, result=int)
    def addStep(self, stretch_id: str) -> int:
        """Add a catalogue stretch at the end; the new step's index (-1 when refused)."""
        at: int = self.insertStep(stretch_id, len(self._host.step_rows()))
        return at

    @Slot(str, int, result=int)
    def insertStep(self, stretch_id: str, index: int) -> int:
        draft = self._host.draft
        if draft is None:
            return -1
        try:
            at = draft.add_step(stretch_id, index)
        except DraftError as error:
            self._host.fail(str(error))
            return -1
        self._host.refresh(inserted=at)
        return at

    @Slot(int)
    def removeStep(self, index: int) -> None:
        draft = self._host.draft
        if draft is None:
            return
        try:
            draft.remove_step(index)
        except DraftError as error:
            self._host.fail(str(error))
            return
        self._host.refresh(removed=index)

    @Slot(int, int, result=int)
    def moveStep(self, index: int, to: int) -> int:
        """Move a step; where it went (its old place when it could not move)."""
        draft = self._host.draft
        if draft is None or not 0 <= index < len(draft.steps()):
            return index
        to = max(0, min(to, len(draft.steps()) - 1))
        if to == index:
            return index
        draft.move_step(index, to)
        self._host.refresh(moved=(index, to))
        return to

    @Slot(int, str, "QVariant")
    def setStepValue(self, index: int, name: str, value: int | str) -> None:
        """One of hold, count, tempo, reps, sides, prepare, rest, switch, relax."""
        self._change(lambda draft: draft.set_step(index, name, plain(value)))  # type: ignore[arg-type]

    @Slot(int, str)
    def useStepDefault(self, index: int, name: str) -> None:
        """Drop a step's own prepare, hold, rest, switch or relax: the routine's default applies."""
        if name not in TIMING_FIELDS:
            self._host.fail(not_a_timing(name))
            return
        self._change(lambda draft: draft.set_step(index, name, None))

    @Slot(int, bool)
    def setStepCounted(self, index: int, counted: bool) -> None:
        """Make a step a counted movement (count x tempo) or a static hold."""
        draft = self._host.draft
        rows = self._host.step_rows()
        if draft is None or not 0 <= index < len(draft.steps()) or index >= len(rows):
            return
        row = rows[index]

        def change(draft: RoutineDraft) -> None:
            draft.set_step(index, "count", (row.count or NEW_COUNT) if counted else None)
            draft.set_step(index, "tempo", (row.tempo or NEW_TEMPO) if counted else None)

        self._change(change)

    def _change(self, change: Callable[[RoutineDraft], None]) -> None:
        draft = self._host.draft
        if draft is None:
            return
        try:
            change(draft)
        except DraftError as error:
            self._host.fail(str(error))
            return
        self._host.refresh()
