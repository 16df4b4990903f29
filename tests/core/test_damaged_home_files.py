"""Any bytes in the files the app keeps in its home: defaults, a notice, the file kept.

settings.json, interrupted-session.json and history.sqlite3 are written by the
app, but a disk, a sync tool or a person can leave anything in them. The core
must start with its defaults, say so, and never delete what was there.
"""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from stretchapp.core.session.events import SessionPosition
from stretchapp.core.session.recovery import read_position, recovery_path, save_position
from stretchapp.core.storage.history import History, RoutineRecord
from stretchapp.core.storage.settings import Settings, load_settings, save_settings, settings_path


@contextmanager
def _home() -> Iterator[Path]:
    # Hypothesis runs many examples in one test: each gets a fresh home.
    folder = Path(tempfile.mkdtemp(prefix="stretchapp-damaged-"))
    try:
        yield folder
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def _backups(home: Path) -> list[Path]:
    folder = home / "backups" / "damaged"
    return sorted(p for p in folder.rglob("*") if p.is_file()) if folder.is_dir() else []


def _holds(home: Path, data: bytes) -> bool:
    """True when the home still holds data somewhere: in place or in the backups."""
    places = [settings_path(home), recovery_path(home), home / "history.sqlite3", *_backups(home)]
    return any(p.is_file() and p.read_bytes() == data for p in places)


# Bytes that look almost right are the ones most likely to slip through.
_ALMOST_JSON = st.one_of(
    st.binary(max_size=400),
    st.recursive(st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=20),
                 lambda inner: st.lists(inner, max_size=4)
                 | st.dictionaries(st.sampled_from(["theme", "volume", "muted", "voice",
                                                    "voice_rate", "position", "title",
                                                    "geometry", "prepare_override"]),
                                   inner, max_size=5),
                 max_leaves=12).map(lambda v: json.dumps(v).encode()),
)


@settings(max_examples=150)
@given(_ALMOST_JSON)
def test_any_settings_bytes_give_defaults_a_notice_and_a_kept_file(data: bytes) -> None:
    """Whatever settings.json holds, loading never raises, and a damaged file is kept."""
    with _home() as home:
        settings_path(home).write_bytes(data)
        loaded = load_settings(home)
        assert isinstance(loaded.settings, Settings)
        if loaded.notice:
            assert _backups(home) and _backups(home)[0].read_bytes() == data
            assert "kept at" in loaded.notice
        else:
            # Nothing said: the file was read as it is, every value valid.
            assert isinstance(json.loads(data), dict)
        save_settings(home, loaded.settings)  # the app rewrites it...
        assert _holds(home, data) or not loaded.notice  # ...and the old bytes survive


@settings(max_examples=150)
@given(_ALMOST_JSON)
def test_any_interrupted_session_bytes_give_none_a_notice_and_a_kept_file(data: bytes) -> None:
    """Whatever interrupted-session.json holds, nothing is offered unless it is sound."""
    with _home() as home:
        recovery_path(home).parent.mkdir(exist_ok=True)
        recovery_path(home).write_bytes(data)
        loaded = read_position(home)
        if loaded.interrupted is None:
            assert loaded.notice and "moved to" in loaded.notice
            assert not recovery_path(home).exists()
            assert _backups(home)[0].read_bytes() == data
        else:
            assert loaded.notice == ""


@settings(max_examples=60, deadline=None)
@given(st.one_of(st.binary(max_size=3000),
                 st.binary(max_size=3000).map(lambda b: b"SQLite format 3\x00" + b)))
def test_any_history_bytes_give_a_fresh_history_a_notice_and_a_kept_file(data: bytes) -> None:
    """Whatever history.sqlite3 holds, the history opens, says so, and keeps the bytes."""
    with _home() as home:
        (home / "history.sqlite3").write_bytes(data)
        history = History(home)
        notice = history.open()
        if data:
            assert "moved to" in notice
            assert _backups(home)[0].read_bytes() == data
        assert history.record("calf-relief", "Calf", 30, finished=True)
        assert history.routine("calf-relief") == RoutineRecord(1, history.routine(
            "calf-relief").last_finished)
        history.close()


def test_a_settings_file_nested_100000_deep_gives_defaults(tmp_path: Path) -> None:
    """'[' x 100,000 (a RecursionError for json.loads) gives defaults and a notice."""
    settings_path(tmp_path).write_text("[" * 100_000, encoding="utf-8")
    loaded = load_settings(tmp_path)
    assert loaded.settings == Settings() and "nested" in loaded.notice
    assert _backups(tmp_path)[0].read_text(encoding="utf-8") == "[" * 100_000


def test_a_fifo_named_settings_json_does_not_hang(tmp_path: Path) -> None:
    """A FIFO in the settings' place gives defaults at once (the app used to hang)."""
    os.mkfifo(settings_path(tmp_path))
    loaded = load_settings(tmp_path)
    assert loaded.settings == Settings() and "not a regular file" in loaded.notice


def test_a_fifo_named_interrupted_session_does_not_freeze(tmp_path: Path) -> None:
    """A FIFO in the interrupted session's place is moved aside, nothing offered."""
    recovery_path(tmp_path).parent.mkdir()
    os.mkfifo(recovery_path(tmp_path))
    loaded = read_position(tmp_path)
    assert loaded.interrupted is None and "moved to" in loaded.notice
    assert not recovery_path(tmp_path).exists()


def test_an_interrupted_session_nested_deep_is_moved_aside_not_raised(tmp_path: Path) -> None:
    """Deep nesting in interrupted-session.json is a notice, not an exception in a slot."""
    recovery_path(tmp_path).parent.mkdir()
    recovery_path(tmp_path).write_text("[" * 100_000, encoding="utf-8")
    loaded = read_position(tmp_path)
    assert loaded.interrupted is None and loaded.notice


def test_a_sound_interrupted_session_is_offered(tmp_path: Path) -> None:
    """A file the app wrote itself reads back as the position it saved."""
    save_position(tmp_path, SessionPosition("calf-relief", 3, 12.5), "Calf cramp relief")
    loaded = read_position(tmp_path)
    assert loaded.notice == "" and loaded.interrupted is not None
    assert loaded.interrupted.position == SessionPosition("calf-relief", 3, 12.5)


def test_a_settings_file_with_one_typo_is_copied_before_it_is_rewritten(tmp_path: Path) -> None:
    """One bad value keeps the others, and the file as it was is kept in the backups."""
    text = json.dumps({"theme": "drak", "volume": 0.3})
    settings_path(tmp_path).write_text(text, encoding="utf-8")
    loaded = load_settings(tmp_path)
    assert loaded.settings.volume == 0.3 and loaded.settings.theme == "system"
    save_settings(tmp_path, loaded.settings)
    assert [p.read_text(encoding="utf-8") for p in _backups(tmp_path)] == [text]


def test_a_second_instance_does_not_revert_the_first_ones_settings(tmp_path: Path) -> None:
    """Two instances: each save keeps the setting the other changed (last writer per key)."""
    first = load_settings(tmp_path).settings
    second = load_settings(tmp_path).settings
    save_settings(tmp_path, Settings(theme="dark"), base=first)  # the first changes theme
    mine = Settings(volume=0.2)  # the second, which still has the old theme, changes volume
    written = save_settings(tmp_path, mine, base=second)
    assert (written.theme, written.volume) == ("dark", 0.2)
    assert load_settings(tmp_path).settings == written


def test_a_real_database_without_our_tables_is_used_silently(tmp_path: Path) -> None:
    """A sound SQLite file at version 0 (made by a tool) gets our tables, no notice."""
    db = sqlite3.connect(tmp_path / "history.sqlite3")
    db.execute("CREATE TABLE other (x)")
    db.commit()
    db.close()
    assert History(tmp_path).open() == ""
