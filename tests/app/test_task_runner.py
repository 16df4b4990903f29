"""The task runner: work on a worker thread, results on the GUI thread."""

from __future__ import annotations

import logging
import threading
import weakref
from typing import Any

import pytest

from stretchapp.app.task_runner import TaskRunner


@pytest.fixture
def runner(qtbot: Any) -> Any:
    made = TaskRunner()
    yield made
    made.shutdown()


def test_task_runs_off_the_gui_thread_and_result_arrives_on_it(runner: TaskRunner,
                                                              qtbot: Any) -> None:
    """The task sees a worker thread; on_done sees the GUI thread and the task's value."""
    gui = threading.get_ident()
    seen: dict[str, object] = {}

    def task() -> int:
        seen["task_thread"] = threading.get_ident()
        return 42

    def done(value: int) -> None:
        seen["done_thread"] = threading.get_ident()
        seen["value"] = value

    runner.run(task, done, name="answer")
    qtbot.waitUntil(lambda: "value" in seen, timeout=5000)
    assert seen["value"] == 42
    assert seen["task_thread"] != gui
    assert seen["done_thread"] == gui


def test_a_failing_task_reaches_on_error_on_the_gui_thread(runner: TaskRunner,
                                                          qtbot: Any) -> None:
    """An exception in the task is handed to on_error, and on_done is not called."""
    errors: list[Exception] = []
    done: list[object] = []

    def task() -> None:
        raise ValueError("Exceeds the limit")

    runner.run(task, done.append, errors.append, name="boom")
    qtbot.waitUntil(lambda: bool(errors), timeout=5000)
    assert isinstance(errors[0], ValueError)
    assert done == []


def test_a_failure_without_on_error_is_logged_and_the_runner_keeps_working(
        runner: TaskRunner, qtbot: Any, caplog: pytest.LogCaptureFixture) -> None:
    """A task that raises with no on_error is logged; the next task still runs."""
    results: list[int] = []

    def bad() -> int:
        raise RuntimeError("worker died")

    with caplog.at_level(logging.ERROR, logger="stretchapp.app.task_runner"):
        runner.run(bad, results.append, name="bad")
        runner.run(lambda: 7, results.append, name="good")
        qtbot.waitUntil(lambda: results == [7], timeout=5000)
        qtbot.waitUntil(lambda: runner.pending() == 0, timeout=5000)
    assert any("bad" in record.getMessage() for record in caplog.records)


def test_after_shutdown_results_are_dropped(qtbot: Any) -> None:
    """Once shut down, a queued result is never delivered to a page that is gone."""
    runner = TaskRunner()
    gate = threading.Event()
    results: list[int] = []
    runner.run(lambda: gate.wait(5) and 1, results.append, name="slow")
    gate.set()
    runner.shutdown()
    qtbot.wait(50)
    assert results == []


def test_workers_start_on_first_use_and_stay_within_the_bound(qtbot: Any) -> None:
    """No thread before the first task; never more threads than workers, however many tasks."""
    before = threading.active_count()
    runner = TaskRunner(workers=2)
    assert threading.active_count() == before
    gate = threading.Event()
    results: list[int] = []
    for number in range(6):
        runner.run(lambda n=number: gate.wait(5) and n, results.append, name="held")
    assert threading.active_count() <= before + 2
    gate.set()
    qtbot.waitUntil(lambda: sorted(results) == list(range(6)), timeout=5000)
    runner.shutdown()


def test_a_worker_ended_by_a_base_exception_is_replaced(
        qtbot: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    """A task raising SystemExit ends its thread (not swallowed); the next task still runs."""
    ended: list[type[BaseException]] = []
    monkeypatch.setattr(threading, "excepthook", lambda args: ended.append(args.exc_type))
    runner = TaskRunner(workers=1)
    results: list[int] = []

    def leave() -> int:
        raise SystemExit(3)

    runner.run(leave, results.append, name="leave")
    qtbot.waitUntil(lambda: ended == [SystemExit], timeout=5000)
    runner.run(lambda: 5, results.append, name="after")
    qtbot.waitUntil(lambda: results == [5], timeout=5000)
    runner.shutdown()


def test_a_runner_dropped_with_results_in_flight_dies_on_the_gui_thread(qtbot: Any) -> None:
    """No worker keeps a runner alive: dropped on the GUI thread it dies there, results unheard."""
    gui = threading.get_ident()
    died: list[int] = []
    release = threading.Event()
    done: list[object] = []
    runner = TaskRunner(workers=2)
    weakref.finalize(runner, lambda: died.append(threading.get_ident()))
    for _ in range(4):
        runner.run(lambda: release.wait(5), done.append)
    del runner  # while its tasks still run on the workers
    release.set()
    qtbot.waitUntil(lambda: bool(died), timeout=5000)
    assert died == [gui]
    qtbot.wait(50)  # let any queued result arrive: it must find no runner
    assert done == []
