"""LibraryStore: the one owner of the library, its reloads, its watcher and its failures."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from stretchapp.app.deferred_imports import load_library
from stretchapp.app.library_store import LibraryStore
from stretchapp.app.task_runner import InlineRunner, TaskRunner
from stretchapp.core.loading.library import Library
from tests.helpers.qt_objects import collect_qt_garbage
from tests.helpers.routine_texts import USER_ROUTINE

__all__ = ["collect_qt_garbage"]  # the autouse fixture, used by being here

PLAIN_ROUTINE = USER_ROUTINE.replace("    image: arrow.png\n", "").format(group="calf")


class CountingLoader:
    """The real loader, counting its calls; it can be told to fail or to wait."""

    def __init__(self) -> None:
        self.calls = 0
        self.fail_next = False
        self.gate = threading.Event()
        self.gate.set()

    def __call__(self, user_dir: Path) -> Library:
        self.calls += 1
        self.gate.wait(10)
        if self.fail_next:
            self.fail_next = False
            raise ValueError("Exceeds the limit (4300 digits)")
        return load_library(user_dir)


@pytest.fixture
def runner(qtbot: QtBot) -> TaskRunner:
    task_runner = TaskRunner()
    yield task_runner
    task_runner.shutdown()


def test_first_load_runs_on_a_worker_and_emits_changed(home: Path, runner: TaskRunner,
                                                        qtbot: QtBot) -> None:
    """reload() hands the loaded library over with changed, on the GUI thread."""
    store = LibraryStore(home / "routines", runner, load_library)
    assert store.library is None
    with qtbot.waitSignal(store.changed, timeout=10000):
        store.reload()
    assert store.library is not None and "calf-relief" in store.library.routines


def test_reloads_asked_for_during_a_load_are_done_once_after_it(
        home: Path, runner: TaskRunner, qtbot: QtBot) -> None:
    """Three reloads during a load cost one more load, not three."""
    loader = CountingLoader()
    store = LibraryStore(home / "routines", runner, loader)
    loader.gate.clear()
    store.reload()
    store.reload()
    store.reload()
    loader.gate.set()
    qtbot.waitUntil(lambda: loader.calls == 2 and not store.loading, timeout=10000)
    runner.wait_idle()
    qtbot.waitUntil(lambda: runner.pending() == 0, timeout=10000)
    assert loader.calls == 2


def test_a_failed_load_is_reported_and_never_stops_later_reloads(
        home: Path, runner: TaskRunner, qtbot: QtBot) -> None:
    """A load that raises emits failed with a sentence; the next change loads again."""
    loader = CountingLoader()
    store = LibraryStore(home / "routines", runner, loader)
    with qtbot.waitSignal(store.changed, timeout=10000):
        store.reload()
    loader.fail_next = True
    with qtbot.waitSignal(store.failed, timeout=10000) as failed:
        (home / "routines" / "mine.yaml").write_text(PLAIN_ROUTINE, encoding="utf-8")
    assert "could not be loaded" in failed.args[0] and "4300 digits" in failed.args[0]
    assert store.library is not None and "my-calf" not in store.library.routines
    with qtbot.waitSignal(store.changed, timeout=10000):
        (home / "routines" / "mine.yaml").write_text(
            PLAIN_ROUTINE.replace("My picture routine", "Again"), encoding="utf-8")
    assert store.library.routines["my-calf"].title == "Again"


def test_without_a_routines_folder_other_files_in_the_home_are_ignored(
        home: Path, qtbot: QtBot) -> None:
    """The home is watched only to see routines/ appear: the recovery file does not reload."""
    (home / "routines").rmdir()
    loader = CountingLoader()
    store = LibraryStore(home / "routines", InlineRunner(), loader)
    store.reload()
    assert store.watched() == [str(home)]
    with qtbot.waitSignal(store._watcher.directoryChanged, timeout=5000):
        (home / "interrupted-session.json").write_text("{}", encoding="utf-8")
    assert not store.reload_pending
    assert loader.calls == 1
    with qtbot.waitSignal(store.changed, timeout=5000):
        (home / "routines").mkdir()
    assert loader.calls == 2
    assert store.watched() == [str(home / "routines")]
