"""The window with a damaged home: notices shown at once, the library view virtual.

The real QML, the real core and real files in a temporary home.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

from PySide6.QtCore import QPointF
from PySide6.QtQuick import QQuickItem

from stretchapp.core.loading.library import load_library
from tests.helpers.ui import REPO_ROOT, Ui


def _notices(ui: Ui) -> list[str]:
    return [str(n) for n in ui.shell.app.property("notices")]


def test_a_history_moved_aside_is_announced_when_the_app_starts(home: Path,
                                                                open_ui: Any) -> None:
    """A damaged history gives a notice in the window before any session is recorded."""
    (home / "history.sqlite3").write_bytes(b"not a database at all" * 100)
    ui = open_ui()
    assert any("history file could not be read" in n for n in _notices(ui))
    kept = list((home / "backups" / "damaged" / "history").glob("*.sqlite3"))
    assert len(kept) == 1


def test_a_damaged_interrupted_session_is_announced_and_kept(home: Path, open_ui: Any) -> None:
    """interrupted-session.json nested 100,000 deep: a notice, the file kept, no exception."""
    (home / "interrupted-session.json").write_text("[" * 100_000, encoding="utf-8")
    ui = open_ui()
    assert any("routine left unfinished was damaged" in n for n in _notices(ui))
    assert not (home / "interrupted-session.json").exists()
    assert list((home / "backups" / "damaged" / "interrupted-session").iterdir())


def test_a_fifo_settings_file_opens_the_window_with_defaults(home: Path, open_ui: Any) -> None:
    """A FIFO named settings.json no longer hangs the start: the window opens, with a notice."""
    os.mkfifo(home / "settings.json")
    ui = open_ui()
    assert ui.exists("routineCard_calf-relief")
    assert any("settings could not be read" in n for n in _notices(ui))


def _cards(ui: Ui) -> list[QQuickItem]:
    found = []
    stack: list[QQuickItem] = [ui.window.contentItem()]
    while stack:
        item = stack.pop()
        if item.objectName().startswith("routineCard_"):
            found.append(item)
        stack.extend(item.childItems())
    return found


def _write_routines(home: Path, count: int) -> None:
    """count small calf routines, many-000 onwards, in a folder of the user's routines."""
    folder = home / "routines" / "many"
    folder.mkdir()
    for index in range(count):
        (folder / f"r{index}.yaml").write_text(
            f"format: 1\nid: many-{index:03d}\ntitle: Routine {index:03d}\ngroup: calf\n"
            "kind: relief\nsteps:\n  - stretch: wall-calf-stretch\n", encoding="utf-8")


def test_only_the_cards_near_the_screen_are_made(home: Path, open_ui: Any) -> None:
    """With 600 routines the view makes a few screens of cards, not 600."""
    _write_routines(home, 600)
    ui = open_ui()
    assert ui.shell.library.visibleCount == 600 + len(load_library().routines)
    made = _cards(ui)
    assert 9 <= len(made) < 150, len(made)
    assert ui.exists("routineCard_calf-warm-up")


def test_run_with_an_unknown_routine_says_so_on_the_terminal(tmp_path: Path) -> None:
    """`stretchapp run no-such-routine` prints one error line on stderr (and shows a banner)."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", STRETCHAPP_BENCHMARK_STARTUP="1",
               PYTHONPATH=str(REPO_ROOT))
    done = subprocess.run([sys.executable, "-m", "stretchapp", "--home", str(tmp_path / "home"),
                           "run", "no-such-routine"], capture_output=True, text=True,
                          timeout=120, env=env, check=False)
    assert "stretchapp run: error: there is no routine called 'no-such-routine'" in done.stderr
    assert "Traceback" not in done.stderr
    json.loads(done.stdout.strip().splitlines()[-1])  # the window did open and show


def test_the_qml_disk_cache_is_kept_in_the_homes_cache(tmp_path: Path) -> None:
    """Qt's compiled QML goes under HOME/cache/qml, not ~/.cache (nothing outside the home)."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", STRETCHAPP_BENCHMARK_STARTUP="1",
               PYTHONPATH=str(REPO_ROOT), XDG_CACHE_HOME=str(tmp_path / "xdg-cache"))
    env.pop("QML_DISK_CACHE_PATH", None)
    env.pop("QML_DISABLE_DISK_CACHE", None)
    home = tmp_path / "home"
    subprocess.run([sys.executable, "-m", "stretchapp", "--home", str(home)],
                   capture_output=True, text=True, timeout=120, env=env, check=True)
    assert any((home / "cache" / "qml").rglob("*.qmlc"))
    assert not (tmp_path / "xdg-cache").exists()


def test_a_4301_digit_number_costs_one_file_and_reload_still_works(home: Path,
                                                                   open_ui: Any) -> None:
    """The library shows the built-ins and the problem; removing the file reloads cleanly."""
    huge = home / "routines" / "huge.yaml"
    huge.write_text("format: 1\nid: huge\ntitle: Huge\ngroup: calf\nkind: relief\nsteps:\n"
                    "  - stretch: wall-calf-stretch\n    reps: " + "9" * 4301 + "\n",
                    encoding="utf-8")
    ui = open_ui()
    assert ui.exists("routineCard_calf-relief")
    assert ui.shell.library.problemCount == 1
    huge.unlink()
    ui.shell.store.reload()
    ui.qtbot.waitUntil(lambda: ui.shell.library.problemCount == 0)
    assert ui.shell.library.visibleCount == len(load_library().routines)


def _cards_in_view(ui: Ui) -> set[str]:
    height = ui.window.height()
    return {c.objectName() for c in _cards(ui)
            if c.isVisible() and 0 <= c.mapToScene(QPointF(0, c.height() / 2)).y() < height}


def test_a_resize_that_changes_the_columns_keeps_the_cards_in_view(home: Path,
                                                                   open_ui: Any) -> None:
    """Scrolled far down, a narrower window (fewer columns) still shows the same cards."""
    _write_routines(home, 300)
    ui = open_ui()
    view = ui.item("libraryList")
    view.setProperty("contentY", 6000)
    ui.settle()
    before = _cards_in_view(ui)
    columns = ui.item("libraryPage").property("columns")
    ui.window.resize(600, 780)
    ui.qtbot.waitUntil(lambda: ui.item("libraryPage").property("columns") < columns)
    ui.settle()
    assert view.property("contentY") > 6000
    assert before & _cards_in_view(ui)
