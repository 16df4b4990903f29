"""What the user has done: each finished or stopped session, kept in SQLite.

The history lives in the app's home. SQLite commits atomically (in WAL mode,
so a reader never blocks the writer), so a killed process loses at most the
session it was recording. Only a file that really is damaged (not a
database, or failing SQLite's integrity check) is moved into the backups
folder, never deleted, and a fresh history started. A history that is busy
(another instance holds it), read-only or written by a newer stretchapp is
kept as it is: it is read if it can be, not added to, and a notice says why.
Nothing here ever stops the app; every notice is announced by the app.
"""

from __future__ import annotations

import os
import sqlite3
import stat
import time
from dataclasses import dataclass
from pathlib import Path

from stretchapp.core.storage import paths
from stretchapp.core.storage.safe_write import backup_slot

HISTORY_FILE = "history.sqlite3"
# Each step brings a database at version N-1 to version N; the list is never
# rewritten, only added to, so every earlier file can still be brought up.
MIGRATIONS: tuple[str, ...] = (
    # 1: the session log.
    """
    CREATE TABLE IF NOT EXISTS sessions (
        id INTEGER PRIMARY KEY,
        routine_id TEXT NOT NULL,
        title TEXT NOT NULL,
        ended_at REAL NOT NULL,
        seconds REAL NOT NULL,
        finished INTEGER NOT NULL
    );
    CREATE INDEX IF NOT EXISTS sessions_by_routine ON sessions (routine_id, finished);
    """,
    # 2: recent sessions, newest first, without a scan.
    "CREATE INDEX IF NOT EXISTS sessions_by_time ON sessions (ended_at);",
)
SCHEMA_VERSION = len(MIGRATIONS)
# How long to wait for another instance that holds the database.
BUSY_SECONDS = 1.0
_HEADER = b"SQLite format 3\x00"
_DAMAGED = ("file is not a database", "malformed", "corrupt", "not a database")


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


class _Damaged(Exception):
    """The file is not a usable database: it is moved aside."""


class _KeepAsIs(Exception):
    """The file is fine but cannot be written now: read it only, and say why."""


class History:
    """The session log of one home; every failure becomes a notice, not an error."""

    def __init__(self, home: Path) -> None:
        self.home = home
        self.path = home / HISTORY_FILE
        self.notice = ""
        self.read_only = False
        self._db: sqlite3.Connection | None = None
        self._tried = False

    def open(self) -> str:
        """Open the history now; the notice the app should show ('' when all is well)."""
        self._connect()
        return self.notice

    def _connect(self) -> sqlite3.Connection | None:
        if self._db is not None or self._tried:
            return self._db
        self._tried = True
        try:
            self._db = self._open()
        except _Damaged as damage:
            self._db = self._start_afresh(str(damage))
        except _KeepAsIs as reason:
            self._db = self._open_read_only(str(reason))
        except (sqlite3.Error, OSError) as error:
            self.notice = f"Your history cannot be kept this time ({error})."
        return self._db

    def _open(self) -> sqlite3.Connection:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._check_file()
        try:
            db = sqlite3.connect(self.path, timeout=BUSY_SECONDS)
        except sqlite3.OperationalError as error:
            raise _KeepAsIs(f"it cannot be opened: {error}") from None
        try:
            self._prepare(db)
        except sqlite3.OperationalError as error:
            db.close()
            text = str(error)
            if any(word in text for word in _DAMAGED):
                raise _Damaged(text) from None
            if "locked" in text or "busy" in text:
                raise _KeepAsIs("another stretchapp is using it") from None
            if "readonly" in text or "read-only" in text or "unable to open" in text:
                raise _KeepAsIs("the file or its folder is read-only") from None
            raise
        except sqlite3.DatabaseError as error:
            db.close()
            raise _Damaged(str(error)) from None
        except (_Damaged, _KeepAsIs):
            db.close()
            raise
        return db

    def _check_file(self) -> None:
        """Refuse what SQLite must not open: a FIFO would hang it, a folder fail."""
        try:
            info = os.stat(self.path)
        except FileNotFoundError:
            return
        if not stat.S_ISREG(info.st_mode):
            raise OSError(f"{self.path.name} is not a regular file")
        if info.st_size == 0:
            return
        with open(self.path, "rb") as handle:
            head = handle.read(len(_HEADER))
        if head != _HEADER:
            raise _Damaged("file is not a database")

    def _prepare(self, db: sqlite3.Connection) -> None:
        version = db.execute("PRAGMA user_version").fetchone()[0]
        if version > SCHEMA_VERSION:
            raise _KeepAsIs(f"it was written by a newer stretchapp (history version {version})")
        check = db.execute("PRAGMA quick_check").fetchone()[0]
        if check != "ok":
            raise _Damaged(f"integrity check: {check}")
        db.execute("PRAGMA journal_mode = WAL")
        migrate(db)

    def _open_read_only(self, reason: str) -> sqlite3.Connection | None:
        self.read_only = True
        self.notice = (f"Your history is kept as it is, and this time sessions are not "
                       f"added to it: {reason}.")
        try:
            uri = f"{self.path.resolve().as_uri()}?mode=ro"
            db = sqlite3.connect(uri, uri=True, timeout=BUSY_SECONDS)
            db.execute("SELECT COUNT(*) FROM sessions").fetchone()
        except (sqlite3.Error, OSError, ValueError):
            return None
        return db

    def _start_afresh(self, reason: str) -> sqlite3.Connection | None:
        try:
            aside = backup_slot(paths.backup_dir(self.home) / "damaged", "history", ".sqlite3")
            os.replace(self.path, aside)
            for extra in ("-wal", "-shm", "-journal"):
                companion = self.path.with_name(self.path.name + extra)
                if companion.exists():
                    os.replace(companion, aside.with_name(aside.name + extra))
            db = self._open()
        except (sqlite3.Error, OSError, _Damaged, _KeepAsIs) as error:
            self.notice = f"Your history cannot be kept this time ({error})."
            return None
        self.notice = (f"Your history file could not be read ({reason}); it was moved to "
                       f"{aside} and a new history started.")
        return db

    def record(self, routine_id: str, title: str, seconds: float, *, finished: bool,
               ended_at: float | None = None) -> bool:
        """Add one session; False (with a notice) when it could not be written."""
        db = self._connect()
        if db is None or self.read_only:
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
        self._tried = False


def migrate(db: sqlite3.Connection) -> int:
    """Bring db up to SCHEMA_VERSION, one step per version, each in its own transaction."""
    version = int(db.execute("PRAGMA user_version").fetchone()[0])
    for number in range(version + 1, SCHEMA_VERSION + 1):
        try:
            db.executescript(f"BEGIN; {MIGRATIONS[number - 1]} PRAGMA user_version = {number};"
                             " COMMIT;")
        except sqlite3.Error:
            if db.in_transaction:
                db.rollback()
            raise
    return SCHEMA_VERSION
