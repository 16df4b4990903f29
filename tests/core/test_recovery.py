"""The interrupted-routine position: saved, read back, cleared, and damaged files."""

from __future__ import annotations

from pathlib import Path

from stretchapp.core.session.events import SessionPosition
from stretchapp.core.session.recovery import (
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
