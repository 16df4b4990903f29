"""Where a routine was when the app stopped unexpectedly, to offer to continue it.

The player saves the engine's SessionPosition to the home as it plays (on phase
changes, on pause and every few seconds) and clears it when the routine
finishes or is stopped. A position still on disk when the app starts means the
last run ended without either: the app offers to continue it. A damaged file
(whatever its bytes, a FIFO, a folder) is treated as no position: it is moved
into the backups folder, never deleted, and a notice says so.
"""

from __future__ import annotations

import contextlib
import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from stretchapp.core.loading.bounded_read import ReadRefused, decode_text, parse_json, read_bounded
from stretchapp.core.storage import paths
from stretchapp.core.storage.safe_write import backup_slot, write_atomically

if TYPE_CHECKING:  # imported by load_position: the app starts without the session's types
    from stretchapp.core.session.events import SessionPosition

RECOVERY_FILE = "interrupted-session.json"
# In a folder of its own: the library watcher watches the home itself until the
# user's routines folder exists, and a save every few seconds there made it
# reload the whole library every few seconds while a routine played.
RECOVERY_FOLDER = "session"
SAVE_EVERY = 5.0  # seconds between saves while a routine plays
MAX_RECOVERY_BYTES = 64 * 1024


@dataclass(frozen=True)
class Interrupted:
    """A routine left unfinished: its position and the title to show."""

    position: SessionPosition
    title: str


def recovery_path(home: Path) -> Path:
    return home / RECOVERY_FOLDER / RECOVERY_FILE


def _legacy_path(home: Path) -> Path:
    """Where versions before the session folder kept the file (still read once)."""
    return home / RECOVERY_FILE


def save_position(home: Path, position: SessionPosition, title: str) -> None:
    """Remember where a routine is; OSError when the home cannot be written."""
    data = {"position": position.to_dict(), "title": title}
    write_atomically(recovery_path(home), json.dumps(data) + "\n")


@dataclass(frozen=True)
class LoadedPosition:
    """What the file held, and a sentence for the user when it was damaged."""

    interrupted: Interrupted | None = None
    notice: str = ""


def load_position(home: Path) -> Interrupted | None:
    """The routine left unfinished, or None; a damaged file is moved aside."""
    return read_position(home).interrupted


def read_position(home: Path) -> LoadedPosition:
    """The routine left unfinished (or None) and a notice when the file was damaged."""
    from stretchapp.core.session.events import SessionPosition

    path = recovery_path(home)
    if not path.exists() and _legacy_path(home).exists():
        path = _legacy_path(home)
    try:
        data = parse_json(path, decode_text(path, read_bounded(path, MAX_RECOVERY_BYTES)))
        if not isinstance(data, dict):
            raise ValueError("not a mapping")
        position_data = data.get("position")
        if not isinstance(position_data, dict):
            raise ValueError("no position")
        position = SessionPosition.from_dict(position_data)
        title = data.get("title")
        if not isinstance(title, str):
            raise ValueError("no title")
    except ReadRefused as error:
        if error.missing:
            return LoadedPosition()
        return LoadedPosition(None, _move_aside(home, path))
    except (ValueError, TypeError, LookupError, ArithmeticError):
        return LoadedPosition(None, _move_aside(home, path))
    return LoadedPosition(Interrupted(position, title))


def _move_aside(home: Path, path: Path) -> str:
    """Move a damaged file into the backups folder; the notice that says so."""
    try:
        slot = backup_slot(paths.backup_dir(home) / "damaged", "interrupted-session",
                           path.suffix)
        os.replace(path, slot)
    except OSError:
        clear_position(home)
        return ("The record of a routine left unfinished was damaged and could not be "
                "kept; it was removed.")
    return (f"The record of a routine left unfinished was damaged; it was moved to {slot} "
            "and nothing is offered to continue.")


def clear_position(home: Path) -> None:
    """Forget the position: the routine finished, was stopped or was declined."""
    for path in (recovery_path(home), _legacy_path(home)):
        with contextlib.suppress(FileNotFoundError, OSError):
            path.unlink()
