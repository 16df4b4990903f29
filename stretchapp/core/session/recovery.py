"""Where a routine was when the app stopped unexpectedly, to offer to continue it.

The player saves the engine's SessionPosition to the home as it plays (on phase
changes, on pause and every few seconds) and clears it when the routine
finishes or is stopped. The saves run off the GUI thread (`OrderedSaves`); each
is numbered when asked for, so one that finishes late never overwrites a later
save nor brings back a cleared point. A position still on disk when the app starts means the
last run ended without either: the app offers to continue it. A damaged file
(whatever its bytes, a FIFO, a folder) is treated as no position: it is moved
into the backups folder, never deleted, and a notice says so.
"""

from __future__ import annotations

import contextlib
import json
import os
import threading
from collections.abc import Callable
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


class OrderedSaves:
    """The saves and clears of one home's recovery point, applied in the order asked for.

    `save_task` is called on the GUI thread and returns a plain task for a worker;
    `clear` runs at once on the caller's thread. Each takes a ticket when asked
    for; a write whose ticket is older than the last one applied is skipped.
    """

    def __init__(self, home: Path) -> None:
        self._home = home
        self._lock = threading.Lock()
        self._issued = 0
        self._applied = 0

    def save_task(self, position: SessionPosition, title: str) -> Callable[[], bool]:
        """A task that saves position: True when written, False when a later save or
        clear came first or the home cannot be written (the routine plays on without)."""
        ticket = self._take()

        def save() -> bool:
            try:
                return self._apply(ticket, lambda: save_position(self._home, position, title))
            except OSError:
                return False
        return save

    def save_now(self, position: SessionPosition, title: str) -> bool:
        """Save on this thread (the app is closing), after every save asked for before."""
        return self.save_task(position, title)()

    def clear(self) -> None:
        """Forget the point now; saves asked for earlier and still running are dropped."""
        self._apply(self._take(), lambda: clear_position(self._home))

    def _take(self) -> int:
        with self._lock:
            self._issued += 1
            return self._issued

    def _apply(self, ticket: int, write: Callable[[], None]) -> bool:
        # The write happens under the lock: two workers never write at once, and
        # the ticket check and the write are one step.
        with self._lock:
            if ticket < self._applied:
                return False
            self._applied = ticket
            write()
            return True


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
