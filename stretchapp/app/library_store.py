"""The one owner of the current library: it loads it, reloads it, and says when it changed.

Loads run through the task runner (plain Python on a worker, the result handed
back on the GUI thread). A QFileSystemWatcher follows the user's routines
folder, its subfolders and their files; a burst of changes (an editor saving
through a temporary file) is gathered for DEBOUNCE_MS into one reload, and a
reload asked for while one runs is done once, after it. Writers (the editor,
an import) call `reload()`; bridges connect to `changed` and read `library`.
A load that fails is reported with `failed` and never stops later reloads.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QFileSystemWatcher, QObject, QTimer, Signal

from stretchapp.app.task_runner import Runner
from stretchapp.core.wording.problems import library_load_failed

if TYPE_CHECKING:
    from stretchapp.core.loading.library import Library

DEBOUNCE_MS = 200


class LibraryStore(QObject):
    """Holds the current Library of one user's folder and keeps it up to date."""

    changed = Signal()  # a new library is in `library`
    failed = Signal(str)  # a load failed: the sentence to show

    def __init__(self, user_dir: Path, runner: Runner, load: Callable[[Path], Library],
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.user_dir = user_dir
        self._runner = runner
        self._load = load
        self._library: Library | None = None
        self._loading = False
        self._again = False
        self._watcher = QFileSystemWatcher(self)
        self._debounce = QTimer(self, singleShot=True, interval=DEBOUNCE_MS)
        self._watcher.directoryChanged.connect(self._folder_changed)
        self._watcher.fileChanged.connect(self._file_changed)
        self._debounce.timeout.connect(self.reload)

    @property
    def library(self) -> Library | None:
        """The library as last loaded (None before the first load has finished)."""
        return self._library

    @property
    def loading(self) -> bool:
        return self._loading

    def reload(self) -> None:
        """Load the library again; a request during a load is done once, after it."""
        if not self._alive():
            return
        if self._loading:
            self._again = True
            return
        self._loading = True
        user_dir, load = self.user_dir, self._load
        self._runner.run(lambda: load(user_dir), self._loaded, self._load_failed,
                         name="library-load")

    @property
    def reload_pending(self) -> bool:
        """True while a change seen on disk waits out the debounce before its reload."""
        return self._debounce.isActive()

    def watched(self) -> list[str]:
        """The paths the watcher follows now (for tests)."""
        return sorted(self._watcher.files() + self._watcher.directories())

    # --- inside ----------------------------------------------------------------------

    def _alive(self) -> bool:
        # A result can arrive while the window is torn down, after Qt deleted the watcher.
        return shiboken6.isValid(self) and shiboken6.isValid(self._watcher)

    def _loaded(self, library: Library) -> None:
        if not self._alive():
            return
        self._library = library
        self._finish()
        self.changed.emit()
        self._next()

    def _load_failed(self, error: Exception) -> None:
        if not self._alive():
            return
        self._finish()
        self.failed.emit(library_load_failed(error))
        self._next()

    def _finish(self) -> None:
        self._loading = False
        self._watch()

    def _next(self) -> None:
        if self._again:
            self._again = False
            self.reload()

    def _folder_changed(self, path: str) -> None:
        # Without a routines folder the parent (the home) is watched only to see it
        # appear: the other files there (the recovery file...) are none of our business.
        if Path(path) != self.user_dir and not self.user_dir.is_dir():
            return
        self._debounce.start()

    def _file_changed(self, _path: str) -> None:
        self._debounce.start()

    def _watch(self) -> None:
        """Watch the folder, every subfolder and every routine file in it, as they are now."""
        wanted: set[str] = set()
        if self.user_dir.is_dir():
            wanted.add(str(self.user_dir))
            for path in self.user_dir.rglob("*"):
                if any(part.startswith(".") for part in path.relative_to(self.user_dir).parts):
                    continue
                if path.is_dir() or path.suffix == ".yaml":
                    wanted.add(str(path))
        elif self.user_dir.parent.is_dir():
            wanted.add(str(self.user_dir.parent))
        current = set(self._watcher.files()) | set(self._watcher.directories())
        gone = sorted(current - wanted)
        new = sorted(wanted - current)
        if gone:
            self._watcher.removePaths(gone)
        if new:
            self._watcher.addPaths(new)
