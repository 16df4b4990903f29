"""The interrupted-routine position: saved, read back, cleared, and damaged files."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from stretchapp.core.session.events import SessionPosition
from stretchapp.core.session.recovery import (
    OrderedSaves,
    clear_position,
    load_position,
    recovery_path,
    save_position,
)


def test_round_trip(tmp_path: Path) -> None:
    """A saved position comes back with its routine's title."""
    position = SessionPosition("calf-relief", 4, 12.5)
    save_position(tmp_path, position, "Calf cramp relief")
    interrupted = load_position(tmp_path)
    assert interrupted is not None
    assert interrupted.position == position
    assert interrupted.title == "Calf cramp relief"


def test_nothing_saved(tmp_path: Path) -> None:
    """Without a file there is nothing to continue."""
    assert load_position(tmp_path) is None


def test_clear(tmp_path: Path) -> None:
    """Clearing removes the position; clearing twice is harmless."""
    save_position(tmp_path, SessionPosition("x", 0, 0.0), "X")
    clear_position(tmp_path)
    clear_position(tmp_path)
    assert load_position(tmp_path) is None


def test_damaged_file_is_ignored_and_removed(tmp_path: Path) -> None:
    """A damaged file means no position, and it is deleted so it never comes back."""
    for text in ("{oops", "[]", '{"position": {"routine_id": 3}, "title": "T"}',
                 '{"position": {"routine_id": "a", "phase_index": 1, '
                 '"elapsed_in_phase": 1}, "title": 5}'):
        recovery_path(tmp_path).parent.mkdir(exist_ok=True)
        recovery_path(tmp_path).write_text(text, encoding="utf-8")
        assert load_position(tmp_path) is None
        assert not recovery_path(tmp_path).exists()


def test_file_lives_outside_the_watched_home_and_old_files_are_read(tmp_path: Path) -> None:
    """Saves go to a folder of their own (the home is watched); a file left by an old version
    directly in the home is still offered once, then cleared."""
    position = SessionPosition("calf-relief", 2, 1.5)
    save_position(tmp_path, position, "Calf")
    assert recovery_path(tmp_path).parent != tmp_path
    assert [p.name for p in tmp_path.iterdir()] == [recovery_path(tmp_path).parent.name]
    clear_position(tmp_path)
    legacy = tmp_path / "interrupted-session.json"
    legacy.write_text('{"position": {"routine_id": "calf-relief", "phase_index": 2, '
                      '"elapsed_in_phase": 1.5}, "title": "Calf"}', encoding="utf-8")
    loaded = load_position(tmp_path)
    assert loaded is not None and loaded.position == position
    clear_position(tmp_path)
    assert not legacy.exists()


def test_a_save_that_finishes_late_never_overwrites_a_later_one(tmp_path: Path) -> None:
    """Two saves asked for in order but run in reverse leave the later position on disk."""
    saves = OrderedSaves(tmp_path)
    early = saves.save_task(SessionPosition("calf-relief", 1, 2.0, played=7.0), "Calf")
    late = saves.save_task(SessionPosition("calf-relief", 3, 0.5, played=30.0, side="right"),
                           "Calf")
    assert late() is True
    assert early() is False
    interrupted = load_position(tmp_path)
    assert interrupted is not None
    assert interrupted.position == SessionPosition("calf-relief", 3, 0.5, 30.0, "right")


def test_a_save_that_finishes_after_a_clear_does_not_bring_the_point_back(
        tmp_path: Path) -> None:
    """A save still running when the routine finishes is dropped: nothing is offered later."""
    saves = OrderedSaves(tmp_path)
    pending = saves.save_task(SessionPosition("calf-relief", 1, 2.0), "Calf")
    saves.clear()
    assert pending() is False
    assert load_position(tmp_path) is None
    assert saves.save_now(SessionPosition("calf-relief", 2, 0.0), "Calf") is True
    assert load_position(tmp_path) is not None


def test_saves_from_many_threads_keep_the_last_asked_for(tmp_path: Path) -> None:
    """Fifty saves run on eight threads in any order: the file holds the last one asked for."""
    saves = OrderedSaves(tmp_path)
    tasks = [saves.save_task(SessionPosition("r", n, 0.0, played=float(n)), "R")
             for n in range(50)]
    with ThreadPoolExecutor(max_workers=8) as pool:
        written = list(pool.map(lambda task: task(), reversed(tasks)))
    assert written[0] is True  # the last asked for ran first and won
    interrupted = load_position(tmp_path)
    assert interrupted is not None and interrupted.position.phase_index == 49


def test_a_read_only_home_makes_a_save_report_false(tmp_path: Path) -> None:
    """Where the recovery folder cannot be made the save says False and raises nothing."""
    (tmp_path / "session").write_text("a file where the folder goes", encoding="utf-8")
    assert OrderedSaves(tmp_path).save_now(SessionPosition("r", 0, 0.0), "R") is False
