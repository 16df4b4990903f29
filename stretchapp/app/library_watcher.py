"""Loading the library off the UI thread, and again whenever a user file changes.

A QFileSystemWatcher watches the user's routines folder, its subfolders and
their files; a burst of changes (an editor saving through a temporary file)
is gathered for DEBOUNCE_MS, then the library is loaded again in a worker
thread and handed over with `loaded`.
"""

from __future__ import annotations

import sys
import threading
from pathlib import Path

import shiboken6
from PySide6.QtCore import QFileSystemWatcher, QObject, QTimer, Signal

DEBOUNCE_MS = 200


class LibraryWatcher(QObject):
    """Loads the library (built-in plus the user's folder) and reloads it on changes."""

    loaded = Signal(object)  # a stretchapp.core.loading.library.Library
    _finished = Signal(object)  # from the worker thread to the UI thread

    def __init__(self, user_dir: Path, *, threaded: bool = True,
                 cache_dir: Path | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.user_dir = user_dir
        self.cache_dir = cache_dir  # where the library is kept between start-ups
        self.threaded = threaded
        self._watcher = QFileSystemWatcher(self)
        self._debounce = QTimer(self, singleShot=True, interval=DEBOUNCE_MS)
        self._lock = threading.Lock()
        self._busy = False
        self._again = False
        self._worker: threading.Thread | None = None
        self._watcher.directoryChanged.connect(self._changed)
        self._watcher.fileChanged.connect(self._changed)
        self._debounce.timeout.connect(self.load)
        self._finished.connect(self._deliver)

    def _alive(self) -> bool:
        # A queued load can arrive while the window is being torn down, after
        # Qt has already deleted the watcher that belongs to this object.
        return shiboken6.isValid(self) and shiboken6.isValid(self._watcher)

    def load(self) -> None:
        """Load the library now: in a worker thread, or at once when not threaded."""
        if not self._alive():
            return
        if not self.threaded:
            self._deliver(self._read())
            return
        with self._lock:
            if self._busy:
                self._again = True
                return
            self._busy = True
        self._worker = threading.Thread(target=self._work, name="library-load", daemon=True)
        self._worker.start()

    def wait(self, timeout: float = 10.0) -> None:
        """Block until a load under way in the worker has finished (for shutdown)."""
        worker = self._worker
        if worker is not None:
            worker.join(timeout)

    def _work(self) -> None:
        try:
            library = self._read()
        except (OSError, ValueError, RuntimeError, MemoryError, RecursionError) as error:
            # The worker must never die: keep the library shown, let the next change retry.
            print(f"stretchapp: the library could not be reloaded: {error!r}", file=sys.stderr)
            library = None
        self._finished.emit(library)

    def _read(self) -> object:
        # Imported here, in the worker, not on the way to the first frame.
        from stretchapp.core.loading.library_cache import (
            cache_path,
            default_folders,
            stored_library,
        )

        cache = None if self.cache_dir is None else cache_path(self.cache_dir)
        if cache is not None:
            # The stored library needs none of the loader's imports (pydantic).
            stored = stored_library(cache, default_folders(self.user_dir))
            if stored is not None:
                return stored
        from stretchapp.core.loading.library import load_library

        return load_library(user_dir=self.user_dir, cache=cache)

    def _deliver(self, library: object) -> None:
        with self._lock:
            self._busy = False
            again, self._again = self._again, False
        if not self._alive():
            return
        self._watch()
        if library is not None:
            self.loaded.emit(library)
        if again:
            self.load()

    def _changed(self, _path: str) -> None:
        self._debounce.start()

    def _watch(self) -> None:
        """Watch the folder, every subfolder and every file in it, as they are now."""
        wanted: set[str] = set()
        if self.user_dir.is_dir():
            wanted.add(str(self.user_dir))
            for path in self.user_dir.rglob("*"):
                if any(part.startswith(".") for part in path.relative_to(self.user_dir).parts):
                    continue
                if path.is_dir() or path.suffix == ".yaml":
                    wanted.add(str(path))
        elif self.user_dir.parent.is_dir():
            # The folder does not exist yet: watch its parent to see it appear.
            wanted.add(str(self.user_dir.parent))
        current = set(self._watcher.files()) | set(self._watcher.directories())
        gone = sorted(current - wanted)
        new = sorted(wanted - current)
        if gone:
            self._watcher.removePaths(gone)
        if new:
            self._watcher.addPaths(new)
