"""The routine being edited, for the editor page: its fields, steps and problems.

The editing session (core) holds the draft and does the opening, naming,
saving and deleting; this bridge turns it into properties and slots. Every
edit goes through the draft (which keeps the file's comments and order), then
the bridge reads back what QML shows: the fields, the steps with defaults
applied, the total time and every problem, placed on its field or step.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Property, QObject, Signal, Slot

from stretchapp.app import desktop
from stretchapp.app.catalogue_model import CatalogueModel
from stretchapp.app.draft_problems import PlacedProblem, place_problems
from stretchapp.app.editor_delete_actions import DeleteActions
from stretchapp.app.editor_step_actions import StepActions
from stretchapp.app.editor_steps_model import EditorStepsModel
from stretchapp.app.editor_view import (
    LIMITS,
    field_problems,
    field_text,
    other_problems,
    plain,
    shown_cues,
    shown_defaults,
    step_problems,
    total_caption,
    total_text,
)
from stretchapp.app.library_store import LibraryStore
from stretchapp.app.open_file_watch import OpenFileWatch
from stretchapp.app.task_runner import Runner
from stretchapp.app.thumbnail_files import ThumbnailFiles
from stretchapp.core.editing.draft import DraftError, RoutineDraft
from stretchapp.core.editing.session import (
    EditError,
    EditingSession,
    read_draft,
)
from stretchapp.core.editing.step_rows import StepRow, step_rows
from stretchapp.core.editing.store import (
    SaveError,
)
from stretchapp.core.loading.library import Library
from stretchapp.core.model import Routine, Stretch
from stretchapp.core.storage import paths
from stretchapp.core.wording import editor as editor_words
from stretchapp.core.wording import problems as problem_words
from stretchapp.core.wording import routines as routine_words

# What edits are checked against before the store's first load has finished.
EMPTY_LIBRARY = Library({}, {}, ())


class EditorBridge(QObject):
    """Opens, edits, saves, creates and deletes the user's routine files."""

    draftChanged = Signal()  # fields, defaults, cues, total, problems, dirty, canSave
    fileChanged = Signal()  # which file is open: isOpen, isNew, filePath, fileName
    errorChanged = Signal()  # errorText: why the last action did not happen
    diskChanged = Signal()  # diskNotice: the open file changed outside the editor
    libraryChanged = Signal()  # groups: a new library was loaded
    opened = Signal()  # a draft was opened: show the editor
    closed = Signal(str)  # the draft was closed: leave the editor (its routine's id, or "")
    deleted = Signal(str)  # a routine's file was deleted (its id): leave its page
    previewRequested = Signal(object)  # a Routine built from the draft, to play now
    routinesChanged = Signal()  # the editor wrote to the user's folder (the store reloads)
    toast = Signal(str, bool)  # a short notice, and whether Undo applies to it

    def __init__(self, home: Path, store: LibraryStore, runner: Runner,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._store = store
        self._runner = runner
        self._session = EditingSession(home)
        self._library = store.library or EMPTY_LIBRARY
        self._thumbnails = ThumbnailFiles(paths.cache_dir(home) / "thumbnails")
        self._theme = "light"
        self._routine: Routine | None = None
        self._problems: list[PlacedProblem] = []
        self._error = ""
        self._steps = EditorStepsModel(self)
        self._step_actions = StepActions(self, self)
        self._deleting = DeleteActions(self, self)
        self._catalogue = CatalogueModel(self._thumbnails, self)
        self._catalogue.set_stretches(self._library.stretches.values())
        self._disk = OpenFileWatch(self)
        self._disk.noticeChanged.connect(self.diskChanged)

    # --- from Python ---------------------------------------------------------------

    @property
    def library(self) -> Library:
        """The library edits are checked against: the store's, as last loaded."""
        return self._library

    @property
    def draft(self) -> RoutineDraft | None:
        return self._session.draft

    @property
    def session(self) -> EditingSession:
        return self._session

    def library_changed(self) -> None:
        """The store loaded the library again: check the draft against it."""
        library = self._store.library
        if library is None:
            return
        self._library = library
        self._catalogue.set_stretches(library.stretches.values())
        self.libraryChanged.emit()
        if self.draft is not None:
            self.draft.library = library
            self.refresh()

    def set_theme(self, theme: str) -> None:
        """Draw thumbnails for the light or the dark theme."""
        if theme != self._theme:
            self._theme = theme
            self._catalogue.set_theme(theme)
            if self.draft is not None:
                self.refresh()

    # --- properties ----------------------------------------------------------------

    def _blocking(self) -> int:
        return sum(1 for p in self._problems if p.blocking)

    title = Property(str, lambda self: field_text(self.draft, "title"), notify=draftChanged)
    description = Property(str, lambda self: field_text(self.draft, "description"),
                           notify=draftChanged)
    safety = Property(str, lambda self: field_text(self.draft, "safety"), notify=draftChanged)
    kind = Property(str, lambda self: field_text(self.draft, "kind"), notify=draftChanged)
    group = Property(str, lambda self: field_text(self.draft, "group"), notify=draftChanged)
    kinds = Property(list, lambda self: routine_words.kind_choices(), constant=True)
    # The timing fields' labels: the phase words, from core.wording.
    timingFields = Property(list, lambda self: editor_words.timing_fields(), constant=True)
    stepLabels = Property(dict, lambda self: editor_words.step_timing_labels(), constant=True)
    # Not the draft's own group: a list that changed while people type in the
    # editable box would reset what they typed.
    groups = Property(list, lambda self: self._library.groups(), notify=libraryChanged)
    defaults = Property(dict, lambda self: shown_defaults(self.draft), notify=draftChanged)
    cues = Property(dict, lambda self: shown_cues(self.draft), notify=draftChanged)
    totalText = Property(str, lambda self: total_text(self._routine), notify=draftChanged)
    totalCaption = Property(str, lambda self: total_caption(self._routine, self._steps.rowCount()),
                            notify=draftChanged)
    dirty = Property(bool, lambda self: self._session.dirty, notify=draftChanged)
    blocked = Property(bool, lambda self: self._blocking() > 0, notify=draftChanged)
    canSave = Property(bool, lambda self: self._session.dirty and self._blocking() == 0,
                       notify=draftChanged)
    canPreview = Property(bool, lambda self: self._routine is not None
                          and bool(self._routine.steps), notify=draftChanged)
    problems = Property(list, lambda self: [p.as_map() for p in self._problems],
                        notify=draftChanged)
    fieldProblems = Property(dict, lambda self: field_problems(self._problems),
                             notify=draftChanged)
    otherProblems = Property(list, lambda self: other_problems(self._problems),
                             notify=draftChanged)
    problemSummary = Property(str, lambda self: problem_words.problem_summary(
        self._blocking(), len(self._problems) - self._blocking()), notify=draftChanged)
    isOpen = Property(bool, lambda self: self.draft is not None, notify=fileChanged)
    isNew = Property(bool, lambda self: self._session.is_new, notify=fileChanged)
    filePath = Property(str, lambda self: str(self.draft.path) if self.draft else "",
                        notify=fileChanged)
    fileName = Property(str, lambda self: self.draft.path.name if self.draft else "",
                        notify=fileChanged)
    errorText = Property(str, lambda self: self._error, notify=errorChanged)
    diskNotice = Property(str, lambda self: self._disk.notice, notify=diskChanged)
    steps = Property(QObject, lambda self: self._steps, constant=True)
    stepActions = Property(QObject, lambda self: self._step_actions, constant=True)
    deleting = Property(QObject, lambda self: self._deleting, constant=True)
    catalogue = Property(QObject, lambda self: self._catalogue, constant=True)
    limits = Property(dict, lambda self: LIMITS, constant=True)

    # --- opening and closing -----------------------------------------------------------

    @Slot(str, result=bool)
    def customise(self, routine_id: str) -> bool:
        """Edit a routine: the user's own file, or a fresh copy of a built-in one."""
        try:
            path, copied = self._session.file_to_customise(routine_id, self._library)
        except EditError as error:
            return self.fail(str(error))
        if copied:
            self._wrote()
            title = self._library.routines[routine_id].title
            self.toast.emit(editor_words.copied_notice(title, path.name), False)
        return self._open(path)

    @Slot(str, result=bool)
    def openFile(self, path: str) -> bool:
        """Edit one of the user's routine files, also one that does not load."""
        return self._open(Path(path))

    @Slot(result=bool)
    def newRoutine(self) -> bool:
        """Start a routine from scratch; its file is named after the title when saved."""
        self._started(self._session.new_routine(self._library), new=True)
        return True

    @Slot()
    def close(self) -> None:
        """Leave the draft, saved or not (the page asks first)."""
        if self.draft is None:
            return
        shown = self._session.close()
        self._disk.follow(None)
        self._set_error("")
        self.refresh(reset=True)
        self.fileChanged.emit()
        self.closed.emit(shown)

    @Slot()
    def revert(self) -> None:
        """Throw the changes away and read the file again (on a worker, within limits)."""
        draft = self.draft
        if draft is None or self._session.is_new:
            return
        path, library = draft.path, self._library
        self._runner.run(lambda: read_draft(path, library), self._reverted,
                         lambda error: self._set_error(str(error)), name="editor-revert")

    @Slot()
    def reloadFromDisk(self) -> None:
        """Take the version changed outside the editor."""
        self.revert()

    @Slot()
    def keepMine(self) -> None:
        """Keep the editor's version of a file changed outside (saving replaces it)."""
        if self.draft is not None:
            self.draft.dirty = True
        self._disk.accept_disk()
        self.refresh()

    # --- editing -------------------------------------------------------------------

    @Slot(str, str)
    def setField(self, name: str, value: str) -> None:
        """title, description, safety, kind or group; empty text removes the field."""
        draft = self.draft
        if draft is None:
            return
        self._edit(lambda: draft.set_field(name, value))
        if name == "title" and self._session.name_new_file(self._library):
            self.refresh()
            self.fileChanged.emit()

    @Slot(str, int)
    def setDefault(self, name: str, seconds: int) -> None:
        draft = self.draft
        if draft is not None:
            self._edit(lambda: draft.set_default(name, seconds))

    @Slot(str, "QVariant")
    def setCue(self, name: str, value: int | bool) -> None:
        draft = self.draft
        if draft is not None:
            self._edit(lambda: draft.set_cue(name, plain(value)))  # type: ignore[arg-type]

    @Slot(result=bool)
    def preview(self) -> bool:
        """Play the routine as it stands in the editor (previewRequested)."""
        if self._routine is None or not self._routine.steps:
            return self.fail(editor_words.CANNOT_PLAY_DRAFT)
        self.previewRequested.emit(self._routine)
        return True

    # --- saving and files ---------------------------------------------------------------

    @Slot(result=bool)
    def save(self) -> bool:
        """Write the draft to its file; errorText says why when it cannot."""
        if self.draft is None:
            return False
        try:
            path, was_new = self._session.save(self._library)
        except SaveError as error:
            self.refresh()
            return self.fail(str(error))
        self._set_error("")
        if was_new:
            self._disk.follow(path)
        else:
            self._disk.accept_disk()
        self._wrote()
        self.refresh()
        if was_new:
            self.fileChanged.emit()
        self.toast.emit(editor_words.saved_notice(path.name), False)
        return True

    @Slot(result=bool)
    def revealFile(self) -> bool:
        """Show the folder that holds the file in the system's file manager."""
        if self.draft is None:
            return False
        folder = self.draft.path.parent
        if not desktop.show_folder(folder):
            return self.fail(editor_words.no_file_manager(str(folder)))
        return True

    @Slot(result=bool)
    def openFileExternally(self) -> bool:
        """Open the file's own text in the system's editor for YAML files."""
        if self.draft is None or not self.draft.path.exists():
            return self.fail(editor_words.SAVE_FIRST)
        if not desktop.open_file(self.draft.path):
            return self.fail(editor_words.no_text_editor(str(self.draft.path)))
        return True

    @Slot()
    def dismissError(self) -> None:
        self._set_error("")

    # --- inside ----------------------------------------------------------------

    def _open(self, path: Path) -> bool:
        try:
            draft = self._session.open_path(path, self._library)
        except EditError as error:
            return self.fail(str(error))
        self._started(draft, new=False)
        return True

    def _reverted(self, draft: RoutineDraft) -> None:
        current = self.draft
        if current is not None and current.path == draft.path and not self._session.is_new:
            draft.library = self._library
            self._session.open(draft)
            self._started(draft, new=False)

    def _started(self, draft: RoutineDraft, *, new: bool) -> None:
        self._disk.follow(None if new else draft.path)
        self._set_error("")
        self.refresh(reset=True)
        self.fileChanged.emit()
        self.opened.emit()

    def _edit(self, change: Callable[[], None]) -> None:
        try:
            change()
        except DraftError as error:
            self.fail(str(error))
            return
        self.refresh()

    def step_rows(self) -> list[StepRow]:
        return self._steps.rows()

    def fail(self, message: str) -> bool:
        self._set_error(message)
        return False

    def refresh(self, *, reset: bool = False, inserted: int | None = None,
                 removed: int | None = None, moved: tuple[int, int] | None = None) -> None:
        """Read everything shown back from the draft, after any change."""
        draft = self.draft
        if draft is None:
            self._problems, self._routine = [], None
            self._steps.reset([])
            self.draftChanged.emit()
            return
        checked = draft.check()
        self._problems = place_problems(checked.doc, checked.problems)
        self._routine = checked.routine
        rows = step_rows(draft, self._routine, step_problems(self._problems), self._thumbnail)
        self._steps.show(rows, reset=reset, inserted=inserted, removed=removed, moved=moved)
        self.draftChanged.emit()

    def _thumbnail(self, stretch: Stretch) -> str:
        return self._thumbnails.url(stretch, self._theme)

    def files_changed(self, message: str, *, undoable: bool = False,
                      deleted_id: str = "") -> None:
        """A delete or its undo changed the user's folder: say so, reload (DeleteActions)."""
        self._set_error("")
        self._wrote()
        if deleted_id:
            self.deleted.emit(deleted_id)
        self.toast.emit(message, undoable)

    def _wrote(self) -> None:
        """The user's folder changed: the store loads the library again."""
        self._store.reload()
        self.routinesChanged.emit()

    def _set_error(self, message: str) -> None:
        if message != self._error:
            self._error = message
            self.errorChanged.emit()
