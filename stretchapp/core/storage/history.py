"""What the user has done: each finished or stopped session, kept in SQLite.

The history lives in the app's home. SQLite commits atomically, so a killed
process loses at most the session it was recording; a file that is not a
database (a broken disk, a stray copy) is moved aside, never deleted, and a
fresh history starts with a notice. Nothing here ever stops the app.
"""

from __future__ import annotations

import sqlite3
import time
from dataclasses import dataclass
from pathlib import Path

HISTORY_FILE = "history.sqlite3"
SCHEMA_VERSION = 1

_SCHEMA = """
CREATE TABLE IF NOT EXISTS sessions (
    id INTEGER PRIMARY KEY,
    routine_id TEXT NOT NULL,
    title TEXT NOT NULL,
    ended_at REAL NOT NULL,
    seconds REAL NOT NULL,
    finished INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS sessions_by_routine ON sessions (routine_id, finished);
"""


@dataclass(frozen=True)
class SessionRecord:
    """One session as the history keeps it."""

    routine_id: str
    title: str
    ended_at: float  # seconds since the epoch
    seconds: float  # time played
    finished: bool


@dataclass(frozen=True)
class RoutineRecord:
    """How often a routine was finished, and when last."""

    times_finished: int = 0
    last_finished: float | None = None  # seconds since the epoch


class History:
    """The session log of one home; every failure becomes a notice, not an error."""

    def __init__(self, home: Path) -> None:
        self.path = home / HISTORY_FILE
        self.notice = ""
        self._db: sqlite3.Connection | None = None

    def _connect(self) -> sqlite3.Connection | None:
        if self._db is not None:
            return self._db
        try:
            self._db = self._open()
        except sqlite3.DatabaseError:
            self._db = self._start_afresh()
        except (sqlite3.Error, OSError) as error:
            self.notice = f"Your history cannot be kept this time ({error})."
        return self._db

    def _open(self) -> sqlite3.Connection:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        db = sqlite3.connect(self.path)
        try:
            version = db.execute("PRAGMA user_version").fetchone()[0]
            if version > SCHEMA_VERSION:
                raise sqlite3.DatabaseError(f"written by a newer stretchapp (v{version})")
            with db:
                db.executescript(_SCHEMA)
                db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
        except Exception:
            db.close()
            raise
        return db

    def _start_afresh(self) -> sqlite3.Connection | None:
        aside = self.path.with_name(f"{self.path.name}.unreadable-{int(time.time())}")
        try:
            self.path.replace(aside)
            db = self._open()
        except (sqlite3.Error, OSError) as error:
            self.notice = f"Your history cannot be kept this time ({error})."
            return None
        self.notice = (f"Your history file could not be read; it was kept as {aside.name} "
                       "and a new history started.")
        return db

    def record(self, routine_id: str, title: str, seconds: float, *, finished: bool,
               ended_at: float | None = None) -> bool:
        """Add one session; False (with a notice) when it could not be written."""
        db = self._connect()
        if db is None:
            return False
        try:
            with db:
                db.execute(
                    "INSERT INTO sessions (routine_id, title, ended_at, seconds, finished)"
                    " VALUES (?, ?, ?, ?, ?)",
                    (routine_id, title, time.time() if ended_at is None else ended_at,
                     max(0.0, seconds), int(finished)))
        except sqlite3.Error as error:
            self.notice = f"This session could not be added to your history ({error})."
            return False
        return True

    def routine(self, routine_id: str) -> RoutineRecord:
        """How often routine_id was finished; an empty record when unknown or unreadable."""
        db = self._connect()
        if db is None:
            return RoutineRecord()
        try:
            count, last = db.execute(
                "SELECT COUNT(*), MAX(ended_at) FROM sessions"
                " WHERE routine_id = ? AND finished = 1", (routine_id,)).fetchone()
        except sqlite3.Error:
            return RoutineRecord()
        return RoutineRecord(int(count), None if last is None else float(last))

    def sessions(self) -> list[SessionRecord]:
        """Every session, oldest first; empty when the history cannot be read."""
        db = self._connect()
        if db is None:
            return []
        try:
            rows = db.execute("SELECT routine_id, title, ended_at, seconds, finished"
                              " FROM sessions ORDER BY ended_at, id").fetchall()
        except sqlite3.Error:
            return []
        return [SessionRecord(str(r[0]), str(r[1]), float(r[2]), float(r[3]), bool(r[4]))
                for r in rows]

    def close(self) -> None:
        if self._db is not None:
            self._db.close()
            self._db = None


def times_text(count: int) -> str:
    """'the first time', 'the 2nd time', ... for the done screen."""
    if count <= 1:
        return "the first time"
    suffix = "th" if 10 <= count % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(count % 10, "th")
    return f"the {count}{suffix} time"
