"""The routine being edited, for the editor page: its fields, steps and problems.

One RoutineDraft is open at a time. Every edit goes through the draft (which
keeps the file's comments and order), then the bridge reads back what QML
shows: the fields, the steps with defaults applied, the total time and every
problem, placed on its field or step. Saving goes through save_draft, so a
broken routine is never written and a built-in file never touched.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from PySide6.QtCore import Property, QObject, QUrl, Signal, Slot
from PySide6.QtGui import QDesktopServices
from ruamel.yaml.scalarstring import FoldedScalarString, LiteralScalarString

from stretchapp.app.catalogue_model import CatalogueModel
from stretchapp.app.draft_problems import PlacedProblem, place_problems
from stretchapp.app.editor_steps_model import (
    DEFAULT_TIMINGS,
    NEW_COUNT,
    NEW_TEMPO,
    EditorStepsModel,
    seconds_or,
    step_rows,
    whole_or,
)
from stretchapp.app.library_store import LibraryStore
from stretchapp.app.open_file_watch import OpenFileWatch
from stretchapp.app.routine_text import KIND_LABELS, plural
from stretchapp.app.thumbnail_files import ThumbnailFiles
from stretchapp.core import model, paths
from stretchapp.core.durations import HOLD_RANGE, PAUSE_RANGE, format_human
from stretchapp.core.library import Library
from stretchapp.core.model import Routine, Stretch
from stretchapp.core.routine_copy import CopyError, copy_routine
from stretchapp.core.routine_draft import TIMING_FIELDS, DraftError, RoutineDraft
from stretchapp.core.routine_store import (
    DeletedRoutine,
    SaveError,
    delete_routine,
    is_builtin,
    restore_routine,
    save_draft,
)

# Bounds the spin boxes keep to, from the format's rules (schema.py, durations.py).
LIMITS: dict[str, list[int]] = {
    "hold": list(HOLD_RANGE), "tempo": list(HOLD_RANGE),
    **{name: list(PAUSE_RANGE) for name in ("prepare", "rest", "switch", "relax")},
    "count": [1, 1000], "reps": [1, 100], "countdown": [0, 10],
}
NEW_TITLE = "My routine"
# What edits are checked against before the store's first load has finished.
EMPTY_LIBRARY = Library({}, {}, ())
# Fields the page shows a problem under; the others are listed apart (otherProblems).
SHOWN_FIELDS = frozenset({
    "title", "description", "safety", "kind", "group", "steps",
    *(f"defaults.{name}" for name in ("prepare", "hold", "rest", "switch", "relax")),
    *(f"cues.{name}" for name in ("countdown", "halfway", "voice")),
})


def free_id(wanted: str, library: Library, folder: Path) -> str:
    """wanted, or wanted-2, wanted-3...: the first id no routine or file has yet."""
    base = wanted[:72].strip("-") or "my-routine"
    candidate, number = base, 1
    while candidate in library.routines or (folder / f"{candidate}.yaml").exists():
        number += 1
        candidate = f"{base}-{number}"
    return candidate


def id_from_title(title: str) -> str:
    """'Morning calf, gentle' -> 'morning-calf-gentle'."""
    return "-".join(re.findall(r"[a-z0-9]+", title.lower())) or "my-routine"


def _routine_id(draft: RoutineDraft) -> str:
    """The id the draft's routine has in the library: its id key, else its file name."""
    value = draft.get("id")
    return value if isinstance(value, str) and value else draft.path.stem


def _plain(value: object) -> object:
    """A value from QML as the draft wants it: JavaScript numbers can arrive as 45.0."""
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def delete_prompt(title: str, *, new: bool) -> dict[str, str]:
    """The question asked before a delete: heading, message and the answer that deletes."""
    if new:
        return {"heading": f"Discard “{title}”?",
                "message": "It has never been saved, so it cannot be brought back.",
                "accept": "Discard"}
    return {"heading": f"Delete “{title}”?",
            "message": "It is moved to the backups folder; you can undo right after.",
            "accept": "Delete"}


def _styled_like(old: object, text: str) -> str:
    """text in the block style ('>' or '|') the field was written in, if any."""
    if isinstance(old, FoldedScalarString | LiteralScalarString) and text:
        ending = "\n" if str(old).endswith("\n") else ""
        styled: str = type(old)(text.rstrip("\n") + ending)
        return styled
    return text


class EditorBridge(QObject):
    """Opens, edits, saves, creates and deletes the user's routine files."""

    draftChanged = Signal()  # fields, defaults, cues, total, problems, dirty, canSave
    fileChanged = Signal()  # which file is open: isOpen, isNew, filePath, fileName
    errorChanged = Signal()  # errorText: why the last action did not happen
    diskChanged = Signal()  # diskNotice: the open file changed outside the editor
    undoChanged = Signal()  # canUndoDelete
    libraryChanged = Signal()  # groups: a new library was loaded
    opened = Signal()  # a draft was opened: show the editor
    closed = Signal(str)  # the draft was closed: leave the editor (its routine's id, or "")
    deleted = Signal(str)  # a routine's file was deleted (its id): leave its page
    previewRequested = Signal(object)  # a Routine built from the draft, to play now
    routinesChanged = Signal()  # the editor wrote to the user's folder (the store reloads)
    toast = Signal(str, bool)  # a short notice, and whether Undo applies to it

    def __init__(self, home: Path, store: LibraryStore, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._home = home
        self._user_dir = paths.user_routines_dir(home)
        self._thumbnails = ThumbnailFiles(paths.cache_dir(home) / "thumbnails")
        self._theme = "light"
        self._store = store
        self._library = store.library or EMPTY_LIBRARY
        self._draft: RoutineDraft | None = None
        self._is_new = False
        self._routine: Routine | None = None
        self._problems: list[PlacedProblem] = []
        self._error = ""
        self._deleted: DeletedRoutine | None = None
        self._steps = EditorStepsModel(self)
        self._catalogue = CatalogueModel(self._thumbnails, self)
        self._disk = OpenFileWatch(self)
        self._disk.noticeChanged.connect(self.diskChanged)
        self._catalogue.set_stretches(self._library.stretches.values())

    # --- from Python ---------------------------------------------------------------

    @property
    def library(self) -> Library:
        """The library edits are checked against: the store's, as last loaded."""
        return self._library

    @property
    def draft(self) -> RoutineDraft | None:
        return self._draft

    def library_changed(self) -> None:
        """The store loaded the library again: check the draft against it."""
        library = self._store.library
        if library is None:
            return
        self._library = library
        self._catalogue.set_stretches(library.stretches.values())
        self.libraryChanged.emit()
        if self._draft is not None:
            self._draft.library = library
            self._refresh()

    def set_theme(self, theme: str) -> None:
        """Draw thumbnails for the light or the dark theme."""
        if theme != self._theme:
            self._theme = theme
            self._catalogue.set_theme(theme)
            if self._draft is not None:
                self._refresh()

    # --- properties ----------------------------------------------------------------

    def _text(self, name: str) -> str:
        value = self._draft.get(name) if self._draft is not None else None
        return str(value).rstrip("\n") if value is not None else ""

    def _get_title(self) -> str:
        return self._text("title")

    def _get_description(self) -> str:
        return self._text("description")

    def _get_safety(self) -> str:
        return self._text("safety")

    def _get_kind(self) -> str:
        return self._text("kind")

    def _get_group(self) -> str:
        return self._text("group")

    def _get_kinds(self) -> list[dict[str, str]]:
        return [{"value": value, "label": label} for value, label in KIND_LABELS.items()]

    def _get_groups(self) -> list[str]:
        # Not the draft's own group: a list that changed while people type in the
        # editable box would reset what they typed.
        return self._library.groups()

    def _get_defaults(self) -> dict[str, int]:
        section = self._draft.section("defaults") if self._draft is not None else {}
        return {name: seconds_or(section.get(name), fallback)
                for name, fallback in DEFAULT_TIMINGS.items()}

    def _get_cues(self) -> dict[str, Any]:
        section = self._draft.section("cues") if self._draft is not None else {}
        halfway = section.get("halfway")
        voice = section.get("voice")
        return {
            "countdown": whole_or(section.get("countdown"), 3),
            "halfway": halfway if isinstance(halfway, bool) else False,
            "voice": voice if isinstance(voice, bool) else True,
        }

    def _get_total_text(self) -> str:
        if self._routine is None:
            return "–"
        return format_human(self._routine.total_seconds)

    def _get_total_caption(self) -> str:
        if self._routine is None:
            return "total shown once the problems are fixed"
        return "in all, " + plural(self._steps.rowCount(), "step")

    def _get_dirty(self) -> bool:
        return self._draft is not None and (self._draft.dirty or self._is_new)

    def _blocking(self) -> int:
        return sum(1 for p in self._problems if p.blocking)

    def _get_blocked(self) -> bool:
        return self._blocking() > 0

    def _get_can_save(self) -> bool:
        return self._get_dirty() and self._blocking() == 0

    def _get_can_preview(self) -> bool:
        return self._routine is not None and bool(self._routine.steps)

    def _get_problems(self) -> list[dict[str, object]]:
        return [p.as_map() for p in self._problems]

    def _get_field_problems(self) -> dict[str, str]:
        shown: dict[str, list[str]] = {}
        for problem in self._problems:
            if problem.step < 0 and problem.field:
                shown.setdefault(problem.field, []).append(problem.text)
        return {name: "\n".join(texts) for name, texts in shown.items()}

    def _get_other_problems(self) -> list[str]:
        return [p.text for p in self._problems if p.step < 0 and p.field not in SHOWN_FIELDS]

    def _get_problem_summary(self) -> str:
        blocking = self._blocking()
        if blocking:
            return f"{plural(blocking, 'problem')} to fix before saving"
        if self._problems:
            return plural(len(self._problems), "warning")
        return ""

    def _get_is_open(self) -> bool:
        return self._draft is not None

    def _get_is_new(self) -> bool:
        return self._is_new

    def _get_file_path(self) -> str:
        return str(self._draft.path) if self._draft is not None else ""

    def _get_file_name(self) -> str:
        return self._draft.path.name if self._draft is not None else ""

    def _get_error(self) -> str:
        return self._error

    def _get_disk_notice(self) -> str:
        return self._disk.notice

    def _get_can_undo(self) -> bool:
        return self._deleted is not None

    def _get_steps(self) -> EditorStepsModel:
        return self._steps

    def _get_catalogue(self) -> CatalogueModel:
        return self._catalogue

    def _get_limits(self) -> dict[str, list[int]]:
        return LIMITS

    title = Property(str, _get_title, notify=draftChanged)
    description = Property(str, _get_description, notify=draftChanged)
    safety = Property(str, _get_safety, notify=draftChanged)
    kind = Property(str, _get_kind, notify=draftChanged)
    group = Property(str, _get_group, notify=draftChanged)
    kinds = Property(list, _get_kinds, constant=True)
    groups = Property(list, _get_groups, notify=libraryChanged)
    defaults = Property(dict, _get_defaults, notify=draftChanged)
    cues = Property(dict, _get_cues, notify=draftChanged)
    totalText = Property(str, _get_total_text, notify=draftChanged)
    totalCaption = Property(str, _get_total_caption, notify=draftChanged)
    dirty = Property(bool, _get_dirty, notify=draftChanged)
    blocked = Property(bool, _get_blocked, notify=draftChanged)
    canSave = Property(bool, _get_can_save, notify=draftChanged)
    canPreview = Property(bool, _get_can_preview, notify=draftChanged)
    problems = Property(list, _get_problems, notify=draftChanged)
    fieldProblems = Property(dict, _get_field_problems, notify=draftChanged)
    otherProblems = Property(list, _get_other_problems, notify=draftChanged)
    problemSummary = Property(str, _get_problem_summary, notify=draftChanged)
    isOpen = Property(bool, _get_is_open, notify=fileChanged)
    isNew = Property(bool, _get_is_new, notify=fileChanged)
    filePath = Property(str, _get_file_path, notify=fileChanged)
    fileName = Property(str, _get_file_name, notify=fileChanged)
    errorText = Property(str, _get_error, notify=errorChanged)
    diskNotice = Property(str, _get_disk_notice, notify=diskChanged)
    canUndoDelete = Property(bool, _get_can_undo, notify=undoChanged)
    steps = Property(QObject, _get_steps, constant=True)
    catalogue = Property(QObject, _get_catalogue, constant=True)
    limits = Property(dict, _get_limits, constant=True)

    # --- opening and closing -----------------------------------------------------------

    @Slot(str, result=bool)
    def customise(self, routine_id: str) -> bool:
        """Edit a routine: the user's own file, or a fresh copy of a built-in one."""
        routine = self.library.routines.get(routine_id)
        if routine is None or routine.source is None:
            return self._fail(f"There is no routine '{routine_id}' to customise.")
        if not routine.builtin and not is_builtin(routine.source):
            return self._open(routine.source)
        new_id = free_id(f"{routine_id}-mine", self.library, self._user_dir)
        try:
            path = copy_routine(self.library, routine_id, new_id, self._user_dir)
        except (CopyError, OSError) as error:
            return self._fail(f"Could not copy the routine: {error}")
        self._wrote()
        self.toast.emit(f"Copied “{routine.title}” to your routines as {path.name}", False)
        return self._open(path)

    @Slot(str, result=bool)
    def openFile(self, path: str) -> bool:
        """Edit one of the user's routine files, also one that does not load."""
        target = Path(path)
        if is_builtin(target):
            return self._fail("Built-in routines are never changed: customise a copy instead.")
        return self._open(target)

    @Slot(result=bool)
    def newRoutine(self) -> bool:
        """Start a routine from scratch; its file is named after the title when saved."""
        routine_id = free_id(id_from_title(NEW_TITLE), self.library, self._user_dir)
        groups = self.library.groups()
        draft = RoutineDraft.blank(self._user_dir / f"{routine_id}.yaml", routine_id, NEW_TITLE,
                                   groups[0] if groups else "calf", model.Kind.WARM_UP.value,
                                   self.library)
        self._start(draft, new=True)
        return True

    @Slot()
    def close(self) -> None:
        """Leave the draft, saved or not (the page asks first)."""
        draft = self._draft
        if draft is None:
            return
        shown = "" if self._is_new or not draft.path.exists() else _routine_id(draft)
        self._draft = None
        self._is_new = False
        self._disk.follow(None)
        self._set_error("")
        self._refresh(reset=True)
        self.fileChanged.emit()
        self.closed.emit(shown)

    @Slot()
    def revert(self) -> None:
        """Throw the changes away and read the file again."""
        if self._draft is not None and not self._is_new:
            self._open(self._draft.path)

    @Slot()
    def reloadFromDisk(self) -> None:
        """Take the version changed outside the editor."""
        self.revert()

    @Slot()
    def keepMine(self) -> None:
        """Keep the editor's version of a file changed outside (saving replaces it)."""
        if self._draft is not None:
            self._draft.dirty = True
        self._disk.accept_disk()
        self._refresh()

    # --- editing -------------------------------------------------------------------

    @Slot(str, str)
    def setField(self, name: str, value: str) -> None:
        """title, description, safety, kind or group; empty text removes the field."""
        draft = self._draft
        if draft is None:
            return
        self._edit(lambda: draft.set_field(name, _styled_like(draft.get(name), value)))
        if name == "title" and self._is_new:
            self._name_new_file()

    @Slot(str, int)
    def setDefault(self, name: str, seconds: int) -> None:
        draft = self._draft
        if draft is not None:
            self._edit(lambda: draft.set_default(name, seconds))

    @Slot(str, "QVariant")
    def setCue(self, name: str, value: int | bool) -> None:
        draft = self._draft
        if draft is not None:
            self._edit(lambda: draft.set_cue(name, _plain(value)))  # type: ignore[arg-type]

    @Slot(str, result=int)
    def addStep(self, stretch_id: str) -> int:
        """Add a catalogue stretch at the end; the new step's index (-1 when refused)."""
        return self._insert(stretch_id, self._steps.rowCount())

    @Slot(str, int, result=int)
    def insertStep(self, stretch_id: str, index: int) -> int:
        return self._insert(stretch_id, index)

    def _insert(self, stretch_id: str, index: int) -> int:
        draft = self._draft
        if draft is None:
            return -1
        try:
            at = draft.add_step(stretch_id, index)
        except DraftError as error:
            self._fail(str(error))
            return -1
        self._refresh(inserted=at)
        return at

    @Slot(int)
    def removeStep(self, index: int) -> None:
        draft = self._draft
        if draft is None:
            return
        try:
            draft.remove_step(index)
        except DraftError as error:
            self._fail(str(error))
            return
        self._refresh(removed=index)

    @Slot(int, int, result=int)
    def moveStep(self, index: int, to: int) -> int:
        """Move a step; where it went (its old place when it could not move)."""
        draft = self._draft
        if draft is None or not 0 <= index < len(draft.steps()):
            return index
        to = max(0, min(to, len(draft.steps()) - 1))
        if to == index:
            return index
        draft.move_step(index, to)
        self._refresh(moved=(index, to))
        return to

    @Slot(int, str, "QVariant")
    def setStepValue(self, index: int, name: str, value: int | str) -> None:
        """One of hold, count, tempo, reps, sides, prepare, rest, switch, relax."""
        draft = self._draft
        if draft is not None:
            self._edit(lambda: draft.set_step(index, name, _plain(value)))  # type: ignore[arg-type]

    @Slot(int, str)
    def useStepDefault(self, index: int, name: str) -> None:
        """Drop a step's own prepare, hold, rest, switch or relax: the routine's default applies."""
        draft = self._draft
        if draft is None:
            return
        if name not in TIMING_FIELDS:
            self._fail(f"'{name}' is not a timing with a routine default")
            return
        self._edit(lambda: draft.set_step(index, name, None))

    @Slot(int, bool)
    def setStepCounted(self, index: int, counted: bool) -> None:
        """Make a step a counted movement (count x tempo) or a static hold."""
        draft = self._draft
        if draft is None or not 0 <= index < len(draft.steps()):
            return
        rows = self._steps.rows()

        def change() -> None:
            if counted:
                draft.set_step(index, "count", rows[index].count or NEW_COUNT)
                draft.set_step(index, "tempo", rows[index].tempo or NEW_TEMPO)
            else:
                draft.set_step(index, "count", None)
                draft.set_step(index, "tempo", None)

        self._edit(change)

    @Slot(result=bool)
    def preview(self) -> bool:
        """Play the routine as it stands in the editor (previewRequested)."""
        if self._routine is None or not self._routine.steps:
            return self._fail("Fix the problems first: the routine cannot play as it is.")
        self.previewRequested.emit(self._routine)
        return True

    # --- saving and files ---------------------------------------------------------------

    @Slot(result=bool)
    def save(self) -> bool:
        """Write the draft to its file; errorText says why when it cannot."""
        draft = self._draft
        if draft is None:
            return False
        if self._is_new:
            self._name_new_file()
        try:
            save_draft(draft, self._home)
        except SaveError as error:
            self._refresh()
            return self._fail(str(error))
        was_new, self._is_new = self._is_new, False
        self._set_error("")
        if was_new:
            self._disk.follow(draft.path)
        else:
            self._disk.accept_disk()
        self._wrote()
        self._refresh()
        if was_new:
            self.fileChanged.emit()
        self.toast.emit(f"Saved {draft.path.name}", False)
        return True

    @Slot(str, result="QVariantMap")
    def deletePrompt(self, routine_id: str) -> dict[str, str]:
        """What to ask before deleteRoutine(routine_id)."""
        routine = self.library.routines.get(routine_id)
        return delete_prompt(routine.title if routine is not None else routine_id, new=False)

    @Slot(result="QVariantMap")
    def deleteOpenPrompt(self) -> dict[str, str]:
        """What to ask before deleteOpen: a new routine is discarded, not deleted."""
        draft = self._draft
        title = self._get_title() or (draft.path.name if draft is not None else "")
        return delete_prompt(title, new=self._is_new)

    @Slot(str, result=bool)
    def deleteRoutine(self, routine_id: str) -> bool:
        """Delete one of the user's routines; undoDelete brings it back."""
        routine = self.library.routines.get(routine_id)
        if routine is None or routine.source is None:
            return self._fail(f"There is no routine '{routine_id}' to delete.")
        return self._delete(routine.source, routine.title, routine.id)

    @Slot(result=bool)
    def deleteOpen(self) -> bool:
        """Delete the file being edited (a new, unsaved routine is just dropped)."""
        draft = self._draft
        if draft is None:
            return False
        if self._is_new:
            self.close()
            return True
        return self._delete(draft.path, self._get_title() or draft.path.name, _routine_id(draft))

    @Slot(result=bool)
    def undoDelete(self) -> bool:
        deleted = self._deleted
        if deleted is None:
            return False
        try:
            restore_routine(deleted)
        except SaveError as error:
            return self._fail(str(error))
        self._deleted = None
        self.undoChanged.emit()
        self._set_error("")
        self._wrote()
        self.toast.emit(f"Restored {deleted.original.name}", False)
        return True

    @Slot(result=bool)
    def revealFile(self) -> bool:
        """Show the folder that holds the file in the system's file manager."""
        if self._draft is None:
            return False
        folder = self._draft.path.parent
        folder.mkdir(parents=True, exist_ok=True)
        if not QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder))):
            return self._fail(f"Could not open a file manager; the file is in {folder}")
        return True

    @Slot(result=bool)
    def openFileExternally(self) -> bool:
        """Open the file's own text in the system's editor for YAML files."""
        if self._draft is None or not self._draft.path.exists():
            return self._fail("Save the routine first: its file does not exist yet.")
        if not QDesktopServices.openUrl(QUrl.fromLocalFile(str(self._draft.path))):
            return self._fail(f"Could not open a text editor for {self._draft.path}")
        return True

    @Slot()
    def dismissError(self) -> None:
        self._set_error("")

    # --- inside ----------------------------------------------------------------

    def _open(self, path: Path) -> bool:
        try:
            draft = RoutineDraft.from_file(path, self.library)
        except (DraftError, OSError, UnicodeDecodeError) as error:
            return self._fail(f"Could not open {path.name}: {error}")
        self._start(draft, new=False)
        return True

    def _start(self, draft: RoutineDraft, *, new: bool) -> None:
        self._draft = draft
        self._is_new = new
        self._disk.follow(None if new else draft.path)
        self._set_error("")
        self._refresh(reset=True)
        self.fileChanged.emit()
        self.opened.emit()

    def _edit(self, change: Any) -> None:
        try:
            change()
        except DraftError as error:
            self._fail(str(error))
            return
        self._refresh()

    def _name_new_file(self) -> None:
        """A new routine's id and file follow its title until it is first saved."""
        draft = self._draft
        assert draft is not None
        routine_id = free_id(id_from_title(self._get_title()), self.library, self._user_dir)
        if routine_id != draft.get("id"):
            draft.data["id"] = routine_id
            draft.path = self._user_dir / f"{routine_id}.yaml"
            self._refresh()
            self.fileChanged.emit()

    def _refresh(self, *, reset: bool = False, inserted: int | None = None,
                 removed: int | None = None, moved: tuple[int, int] | None = None) -> None:
        """Read everything shown back from the draft, after any change."""
        draft = self._draft
        if draft is None:
            self._problems, self._routine = [], None
            self._steps.reset([])
            self.draftChanged.emit()
            return
        checked = draft.check()
        self._problems = place_problems(checked.doc, checked.problems)
        self._routine = checked.routine
        by_step: dict[int, list[str]] = {}
        for problem in self._problems:
            if problem.step >= 0:
                by_step.setdefault(problem.step, []).append(problem.text)
        rows = step_rows(draft, self._routine, by_step, self._thumbnail)
        if reset:
            self._steps.reset(rows)
        elif inserted is not None:
            self._steps.inserted(inserted, rows)
        elif removed is not None:
            self._steps.removed(removed, rows)
        elif moved is not None:
            self._steps.moved(*moved, rows)
        else:
            self._steps.update(rows)
        self.draftChanged.emit()

    def _thumbnail(self, stretch: Stretch) -> str:
        return self._thumbnails.url(stretch, self._theme)

    def _delete(self, path: Path, title: str, routine_id: str) -> bool:
        try:
            self._deleted = delete_routine(path, self._home)
        except SaveError as error:
            return self._fail(str(error))
        if self._draft is not None and self._draft.path == path:
            self.close()
        self.undoChanged.emit()
        self._set_error("")
        self._wrote()
        self.deleted.emit(routine_id)
        self.toast.emit(f"Deleted “{title}”", True)
        return True

    def _wrote(self) -> None:
        """The user's folder changed: the store loads the library again."""
        self._store.reload()
        self.routinesChanged.emit()

    def _fail(self, message: str) -> bool:
        self._set_error(message)
        return False

    def _set_error(self, message: str) -> None:
        if message != self._error:
            self._error = message
            self.errorChanged.emit()
