"""Noticing when the file open in the editor is changed by another program.

The folder and the file are watched (an editor that saves by replacing the
file ends the watch on the file itself). A change counts only when the text
on disk differs from what the editor last read or wrote, so the editor's
own saves never raise the notice.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QFileSystemWatcher, QObject, Signal

from stretchapp.core.editing.session import EditError, read_text_bounded
from stretchapp.core.wording.editor import FILE_CHANGED_OUTSIDE, FILE_DELETED_OUTSIDE


class OpenFileWatch(QObject):
    """Follows one file; `notice` says how it changed outside, "" when it did not."""

    noticeChanged = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._path: Path | None = None
        self._known: str | None = None
        self.notice = ""
        self._watcher = QFileSystemWatcher(self)
        self._watcher.fileChanged.connect(self._check)
        self._watcher.directoryChanged.connect(self._check)

    def follow(self, path: Path | None) -> None:
        """Watch path (None: nothing) as it is on disk now."""
        self._stop()
        self._path = path
        self._known = self.read()
        self._set_notice("")
        if path is not None:
            wanted = [str(p) for p in (path, path.parent) if p.exists()]
            if wanted:
                self._watcher.addPaths(wanted)

    def accept_disk(self) -> None:
        """What is on disk now is known (after a save, or when keeping one's own)."""
        self._known = self.read()
        self._set_notice("")

    def read(self) -> str | None:
        if self._path is None:
            return None
        try:  # bounded: a FIFO or a huge file put there must not hang the window
            return read_text_bounded(self._path)
        except EditError:
            return None

    def _stop(self) -> None:
        watched = self._watcher.files() + self._watcher.directories()
        if watched:
            self._watcher.removePaths(watched)

    def _check(self, _changed: str = "") -> None:
        path = self._path
        if path is None:
            return
        if str(path) not in self._watcher.files() and path.exists():
            self._watcher.addPath(str(path))
        text = self.read()
        if text == self._known:
            return
        if text is None and not path.exists():
            self._set_notice(FILE_DELETED_OUTSIDE)
        else:
            self._set_notice(FILE_CHANGED_OUTSIDE)

    def _set_notice(self, notice: str) -> None:
        if notice != self.notice:
            self.notice = notice
            self.noticeChanged.emit()
