"""Handing a file or a folder to the desktop: the file manager, the system's text editor."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices


def show_folder(folder: Path) -> bool:
    """Open folder (made if missing) in the file manager; False when nothing could."""
    folder.mkdir(parents=True, exist_ok=True)
    return bool(QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder))))


def open_file(path: Path) -> bool:
    """Open a file in the application the desktop uses for its type; False when none."""
    return bool(QDesktopServices.openUrl(QUrl.fromLocalFile(str(path))))
