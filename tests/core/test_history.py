"""The session history in SQLite: kept across runs, robust to broken files."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from stretchapp.core.storage.history import History, RoutineRecord, times_text


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


def test_a_broken_file_is_kept_aside_and_history_starts_afresh(tmp_path: Path) -> None:
    """A file that is not a database is renamed, not deleted, and a notice says so."""
    broken = tmp_path / "history.sqlite3"
    broken.write_bytes(b"this is not a database, it is a shopping list" * 50)
    history = History(tmp_path)
    assert history.record("calf-relief", "Calf", 10, finished=True)
    assert history.routine("calf-relief").times_finished == 1
    assert "new history started" in history.notice
    kept = [p for p in tmp_path.iterdir() if p.name.startswith("history.sqlite3.unreadable-")]
    assert len(kept) == 1 and kept[0].read_bytes().startswith(b"this is not a database")


def test_a_newer_schema_is_not_overwritten(tmp_path: Path) -> None:
    """A history written by a newer version is set aside rather than rewritten."""
    db = sqlite3.connect(tmp_path / "history.sqlite3")
    db.execute("PRAGMA user_version = 99")
    db.commit()
    db.close()
    history = History(tmp_path)
    assert history.record("x", "X", 1, finished=True)
    assert any(p.name.startswith("history.sqlite3.unreadable-") for p in tmp_path.iterdir())


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
