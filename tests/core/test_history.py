"""The session history in SQLite: kept across runs, robust to broken files."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import pytest

from stretchapp.core.storage import history as history_module
from stretchapp.core.storage.history import (
    MIGRATIONS,
    SCHEMA_VERSION,
    History,
    RoutineRecord,
    migrate,
)
from stretchapp.core.wording.habit import times_text


def _kept(home: Path) -> list[Path]:
    folder = home / "backups" / "damaged" / "history"
    return sorted(folder.glob("*.sqlite3")) if folder.is_dir() else []


def _database_at(path: Path, version: int, rows: int = 2) -> None:
    """A history file as stretchapp `version` left it, with some finished sessions."""
    db = sqlite3.connect(path)
    for number in range(1, version + 1):
        db.executescript(MIGRATIONS[number - 1])
    db.execute(f"PRAGMA user_version = {version}")
    for index in range(rows if version else 0):
        db.execute("INSERT INTO sessions (routine_id, title, ended_at, seconds, finished)"
                   " VALUES ('calf-relief', 'Calf', ?, 60, 1)", (100.0 + index,))
    db.commit()
    db.close()


def test_finished_sessions_are_counted_across_runs(tmp_path: Path) -> None:
    """Finished sessions are counted per routine, stopped ones are kept but not counted."""
    history = History(tmp_path)
    assert history.record("calf-relief", "Calf cramp relief", 480, finished=True, ended_at=100)
    assert history.record("calf-relief", "Calf cramp relief", 60, finished=False, ended_at=200)
    assert history.record("neck-relief", "Stiff neck relief", 497, finished=True, ended_at=300)
    history.close()
    again = History(tmp_path)
    assert again.routine("calf-relief") == RoutineRecord(1, 100.0)
    assert again.routine("back-relief") == RoutineRecord(0, None)
    rows = sqlite3.connect(tmp_path / "history.sqlite3").execute(
        "SELECT routine_id, finished FROM sessions ORDER BY id").fetchall()
    assert rows == [("calf-relief", 1), ("calf-relief", 0), ("neck-relief", 1)]
    assert again.notice == ""


def test_the_history_is_kept_in_wal_mode(tmp_path: Path) -> None:
    """The database runs in WAL mode, so a reader never blocks the app's writes."""
    History(tmp_path).record("x", "X", 1, finished=True)
    mode = sqlite3.connect(tmp_path / "history.sqlite3").execute(
        "PRAGMA journal_mode").fetchone()[0]
    assert mode == "wal"


def test_a_broken_file_is_moved_to_the_backups_and_announced_at_open(tmp_path: Path) -> None:
    """A file that is not a database is moved aside (not deleted) and open() says so."""
    broken = tmp_path / "history.sqlite3"
    broken.write_bytes(b"this is not a database, it is a shopping list" * 50)
    history = History(tmp_path)
    notice = history.open()
    assert "new history started" in notice and "moved to" in notice
    assert history.record("calf-relief", "Calf", 10, finished=True)
    assert history.routine("calf-relief").times_finished == 1
    kept = _kept(tmp_path)
    assert len(kept) == 1 and kept[0].read_bytes().startswith(b"this is not a database")


def test_a_database_failing_the_integrity_check_is_moved_aside(tmp_path: Path) -> None:
    """A real SQLite file with damaged pages counts as corrupt, and is kept in the backups."""
    path = tmp_path / "history.sqlite3"
    _database_at(path, SCHEMA_VERSION, rows=500)
    data = bytearray(path.read_bytes())
    data[4096:8192] = b"\xff" * 4096  # the second page: the table's b-tree
    path.write_bytes(bytes(data))
    history = History(tmp_path)
    assert "new history started" in history.open()
    assert len(_kept(tmp_path)) == 1 and _kept(tmp_path)[0].read_bytes() == bytes(data)


def test_a_newer_schema_is_kept_and_read_not_replaced(tmp_path: Path) -> None:
    """A history from a newer stretchapp stays in place, is still read, and is not written."""
    path = tmp_path / "history.sqlite3"
    _database_at(path, SCHEMA_VERSION)
    db = sqlite3.connect(path)
    db.execute("PRAGMA user_version = 99")
    db.commit()
    db.close()
    before = path.read_bytes()
    history = History(tmp_path)
    assert "newer stretchapp" in history.open()
    assert history.routine("calf-relief").times_finished == 2
    assert history.record("x", "X", 1, finished=True) is False
    history.close()
    assert path.read_bytes() == before and _kept(tmp_path) == []


def test_a_history_locked_by_another_process_is_kept_not_moved(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A database another connection holds exclusively is left alone, with a notice."""
    # The lock is never released while it is tried: a second of waiting (twice) proves nothing.
    monkeypatch.setattr(history_module, "BUSY_SECONDS", 0.05)
    path = tmp_path / "history.sqlite3"
    _database_at(path, SCHEMA_VERSION)
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("PRAGMA locking_mode = EXCLUSIVE")
    holder.execute("BEGIN EXCLUSIVE")
    try:
        history = History(tmp_path)
        assert "another stretchapp" in history.open()
        assert history.record("x", "X", 1, finished=True) is False
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert path.exists() and _kept(tmp_path) == []
    assert History(tmp_path).routine("calf-relief").times_finished == 2


@pytest.mark.skipif(os.geteuid() == 0, reason="running as root: file modes do not apply")
def test_a_read_only_history_is_read_but_not_moved(tmp_path: Path) -> None:
    """A read-only history file is still shown, and kept where it is."""
    path = tmp_path / "history.sqlite3"
    _database_at(path, SCHEMA_VERSION)
    path.chmod(0o444)
    tmp_path.chmod(0o555)
    try:
        history = History(tmp_path)
        assert "read-only" in history.open()
        assert history.routine("calf-relief").times_finished == 2
    finally:
        tmp_path.chmod(0o755)
    assert _kept(tmp_path) == []


@pytest.mark.parametrize("version", range(SCHEMA_VERSION))
def test_every_earlier_history_version_is_migrated_keeping_its_sessions(
        tmp_path: Path, version: int) -> None:
    """A file from each earlier version is brought up to date with its sessions kept."""
    path = tmp_path / "history.sqlite3"
    _database_at(path, version)
    history = History(tmp_path)
    assert history.open() == ""
    assert history.routine("calf-relief").times_finished == (2 if version else 0)
    assert history.record("x", "X", 1, finished=True)
    history.close()
    db = sqlite3.connect(path)
    assert db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    indexes = {row[0] for row in db.execute("SELECT name FROM sqlite_master WHERE type='index'")}
    assert {"sessions_by_routine", "sessions_by_time"} <= indexes
    assert migrate(db) == SCHEMA_VERSION  # running it again changes nothing


def test_a_fifo_named_like_the_history_does_not_hang(tmp_path: Path) -> None:
    """A FIFO in the history's place gives a notice at once instead of blocking in SQLite."""
    os.mkfifo(tmp_path / "history.sqlite3")
    history = History(tmp_path)
    assert "cannot be kept" in history.open()
    assert (tmp_path / "history.sqlite3").exists()


def test_an_unwritable_home_gives_a_notice_not_an_error(tmp_path: Path) -> None:
    """When the home cannot hold the file, recording fails quietly with a notice."""
    blocker = tmp_path / "home"
    blocker.write_text("a file where the home folder should be", encoding="utf-8")
    history = History(blocker)
    assert history.record("x", "X", 1, finished=True) is False
    assert history.routine("x") == RoutineRecord()
    assert "cannot be kept" in history.notice


def test_times_text_reads_naturally() -> None:
    """Ordinals read as people say them."""
    assert [times_text(n) for n in (1, 2, 3, 4, 11, 12, 13, 21, 22, 101, 111)] == [
        "the first time", "the 2nd time", "the 3rd time", "the 4th time", "the 11th time",
        "the 12th time", "the 13th time", "the 21st time", "the 22nd time", "the 101st time",
        "the 111th time"]
