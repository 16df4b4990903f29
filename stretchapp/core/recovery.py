"""Where a routine was when the app stopped unexpectedly, to offer to continue it.

The player saves the engine's SessionPosition to the home as it plays (on phase
changes, on pause and every few seconds) and clears it when the routine
finishes or is stopped. A position still on disk when the app starts means the
last run ended without either: the app offers to continue it. A damaged file is
treated as no position and removed.
"""

from __future__ import annotations

import contextlib
import json
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from stretchapp.core.safe_write import write_atomically

if TYPE_CHECKING:  # imported by load_position: the app starts without the session's types
    from stretchapp.core.session_events import SessionPosition

RECOVERY_FILE = "interrupted-session.json"
# In a folder of its own: the library watcher watches the home itself until the
# user's routines folder exists, and a save every few seconds there made it
# reload the whole library every few seconds while a routine played.
RECOVERY_FOLDER = "session"
SAVE_EVERY = 5.0  # seconds between saves while a routine plays


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


def load_position(home: Path) -> Interrupted | None:
    """The routine left unfinished, or None; a damaged file is removed."""
    from stretchapp.core.session_events import SessionPosition

    path = recovery_path(home)
    if not path.exists() and _legacy_path(home).exists():
        path = _legacy_path(home)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        if not isinstance(data, dict):
            raise ValueError("not a mapping")
        position_data = data.get("position")
        if not isinstance(position_data, dict):
            raise ValueError("no position")
        position = SessionPosition.from_dict(position_data)
        title = data.get("title")
        if not isinstance(title, str):
            raise ValueError("no title")
    except FileNotFoundError:
        return None
    except (OSError, ValueError):
        clear_position(home)
        return None
    return Interrupted(position, title)


def clear_position(home: Path) -> None:
    """Forget the position: the routine finished, was stopped or was declined."""
    for path in (recovery_path(home), _legacy_path(home)):
        with contextlib.suppress(FileNotFoundError, OSError):
            path.unlink()
