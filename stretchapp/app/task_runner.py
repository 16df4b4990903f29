"""The one way the app runs work off the GUI thread.

In the spirit of Anki's `run_in_background(task, on_done)`: a task is a plain
Python callable returning plain data; it runs on a small pool of Python worker
threads; its `on_done` (or `on_error`) runs later on the GUI thread. Workers
never touch a QObject: the only Qt call made from a worker is emitting the
runner's private signal, which Qt queues to the GUI thread. So every QObject
is created, used and destroyed on the GUI thread.

The pool is a queue and threads started on first use (not concurrent.futures:
the runner is made before the window, and its import cost a few ms there).
"""

from __future__ import annotations

import logging
import queue
import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Protocol, TypeVar

import shiboken6
from PySide6.QtCore import QObject, Signal, Slot

T = TypeVar("T")
log = logging.getLogger(__name__)


@dataclass(frozen=True)
class _Outcome:
    job: int
    value: object = None
    error: Exception | None = None


@dataclass(frozen=True)
class _Job:
    name: str
    on_done: Callable[[Any], None]
    on_error: Callable[[Exception], None] | None


# What a worker takes from the queue: a job and its task, or None to stop.
_Work = tuple[int, Callable[[], object]] | None


class TaskRunner(QObject):
    """Runs plain-Python tasks on worker threads and hands results to the GUI thread."""

    _finished = Signal(object)  # an _Outcome, emitted from a worker, delivered queued

    def __init__(self, workers: int = 2, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._workers = max(1, workers)
        self._queue: queue.SimpleQueue[_Work] = queue.SimpleQueue()
        self._threads: list[threading.Thread] = []
        self._jobs: dict[int, _Job] = {}
        self._next = 0
        self._lock = threading.Lock()
        self._idle = threading.Condition(self._lock)
        self._running = 0  # tasks queued or running
        self._waiting = 0  # workers waiting for a task
        self._closed = False
        self._finished.connect(self._deliver)

    def run(
        self,
        task: Callable[[], T],
        on_done: Callable[[T], None],
        on_error: Callable[[Exception], None] | None = None,
        *,
        name: str = "task",
    ) -> None:
        """Run task() on a worker; then on_done(result), or on_error(exc), on the GUI thread.

        Without on_error a failure is logged with its traceback: a task never
        takes the runner, or the thread that asked for it, down with it.
        """
        if self._closed:
            return
        self._next += 1
        job = self._next
        self._jobs[job] = _Job(name, on_done, on_error)
        with self._lock:
            self._running += 1
            if self._waiting == 0 and len(self._threads) < self._workers:
                self._start_worker()
        self._queue.put((job, task))

    def _start_worker(self) -> None:
        # Called with the lock held. Daemon threads: a runner nobody shut down
        # never holds the process open.
        worker = threading.Thread(target=self._work, name="task", daemon=True)
        self._threads.append(worker)
        worker.start()

    def _work(self) -> None:
        # On a worker thread: run tasks until told to stop.
        stopped = False
        try:
            stopped = self._serve()
        finally:
            # Ended by a BaseException (SystemExit in a task): another takes over.
            with self._lock:
                self._threads.remove(threading.current_thread())
                if not stopped and not self._closed:
                    self._start_worker()

    def _serve(self) -> bool:
        while True:
            with self._lock:
                self._waiting += 1
            work = self._queue.get()
            with self._lock:
                self._waiting -= 1
            if work is None:
                return True
            job, task = work
            try:
                outcome = _Outcome(job, task())
            except Exception as error:  # handed to on_error on the GUI thread
                outcome = _Outcome(job, None, error)
            finally:
                with self._lock:
                    self._running -= 1
                    self._idle.notify_all()
            if shiboken6.isValid(self):
                self._finished.emit(outcome)

    @Slot(object)
    def _deliver(self, outcome: _Outcome) -> None:
        job = self._jobs.pop(outcome.job, None)
        if job is None or self._closed:
            return
        if outcome.error is None:
            job.on_done(outcome.value)
        elif job.on_error is not None:
            job.on_error(outcome.error)
        else:
            log.error("background task %r failed", job.name, exc_info=outcome.error)

    def wait_idle(self, timeout: float = 10.0) -> bool:
        """Block until no task is running (results may still be queued); False on time-out."""
        with self._idle:
            return self._idle.wait_for(lambda: self._running == 0, timeout)

    def pending(self) -> int:
        """How many tasks have not had their on_done/on_error called yet."""
        return len(self._jobs)

    def shutdown(self, timeout: float = 10.0) -> None:
        """Stop taking tasks, wait for running ones, drop their results."""
        self._closed = True
        self.wait_idle(timeout)
        with self._lock:
            for _ in self._threads:
                self._queue.put(None)
        self._jobs.clear()


class Runner(Protocol):
    """What a user of the task runner needs of it (TaskRunner, or InlineRunner in tests)."""

    def run(self, task: Callable[[], T], on_done: Callable[[T], None],
            on_error: Callable[[Exception], None] | None = None, *, name: str = "task") -> None:
        ...


class InlineRunner:
    """Runs each task at once on the calling thread: for tests that want no worker."""

    def run(self, task: Callable[[], T], on_done: Callable[[T], None],
            on_error: Callable[[Exception], None] | None = None, *, name: str = "task") -> None:
        try:
            value = task()
        except Exception as error:  # the same contract as TaskRunner: never raise here
            if on_error is None:
                log.error("task %r failed", name, exc_info=error)
            else:
                on_error(error)
            return
        on_done(value)
