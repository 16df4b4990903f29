"""The one way the app runs work off the GUI thread.

In the spirit of Anki's `run_in_background(task, on_done)`: a task is a plain
Python callable returning plain data; it runs on a small pool of Python worker
threads; its `on_done` (or `on_error`) runs later on the GUI thread.

Workers never touch a QObject they could outlive. They hold only the pool (a
plain object) and a weak reference to their runner, and hand each outcome to
one relay QObject made on the GUI thread and never deleted; Qt queues the
relay's signal to the GUI thread, where the runner, if it is still there, gets
it. A worker used to hold the runner itself, a QObject: when a runner was
dropped while a result was on its way, its last reference could go on the
worker thread, and the GUI thread then delivered the queued result to a
half-destroyed object (a crash in Shiboken, seen about 1 run in 6 of
tests/app/test_audio.py).

The pool is a queue and threads started on first use (not concurrent.futures:
the runner is made before the window, and its import cost a few ms there).
"""

from __future__ import annotations

import logging
import queue
import threading
import weakref
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Protocol, TypeVar

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


class _Relay(QObject):
    """Carries outcomes from workers to the GUI thread; one per process, never deleted."""

    finished = Signal(object)  # (weak reference to a TaskRunner, _Outcome)

    def __init__(self) -> None:
        super().__init__()
        self.finished.connect(self._deliver)  # queued: emitted on workers

    @Slot(object)
    def _deliver(self, item: tuple[weakref.ref[TaskRunner], _Outcome]) -> None:
        owner, outcome = item
        runner = owner()
        if runner is not None:
            runner.deliver(outcome)


_relay: _Relay | None = None


def _the_relay() -> _Relay:
    # Called by TaskRunner's constructor, on the GUI thread, so the relay lives there.
    global _relay
    if _relay is None:
        _relay = _Relay()
    return _relay


class _Pool:
    """Worker threads and their queue: plain Python, all that a worker ever holds."""

    def __init__(self, workers: int, owner: weakref.ref[TaskRunner], relay: _Relay) -> None:
        self.workers = max(1, workers)
        self.owner, self.relay = owner, relay
        self.queue: queue.SimpleQueue[_Work] = queue.SimpleQueue()
        self.threads: list[threading.Thread] = []
        self.lock = threading.Lock()
        self.idle = threading.Condition(self.lock)
        self.running = 0  # tasks queued or running
        self.waiting = 0  # workers waiting for a task
        self.closed = False

    def submit(self, job: int, task: Callable[[], object]) -> None:
        with self.lock:
            self.running += 1
            if self.waiting == 0 and len(self.threads) < self.workers:
                self._start_worker()
        self.queue.put((job, task))

    def _start_worker(self) -> None:
        # Called with the lock held. Daemon threads: a runner nobody shut down
        # never holds the process open.
        worker = threading.Thread(target=self._work, name="task", daemon=True)
        self.threads.append(worker)
        worker.start()

    def _work(self) -> None:
        # On a worker thread: run tasks until told to stop.
        stopped = False
        try:
            stopped = self._serve()
        finally:
            # Ended by a BaseException (SystemExit in a task): another takes over.
            with self.lock:
                self.threads.remove(threading.current_thread())
                if not stopped and not self.closed:
                    self._start_worker()

    def _serve(self) -> bool:
        while True:
            with self.lock:
                self.waiting += 1
            work = self.queue.get()
            with self.lock:
                self.waiting -= 1
            if work is None:
                return True
            job, task = work
            del work
            try:
                outcome = _Outcome(job, task())
            except Exception as error:  # handed to on_error on the GUI thread
                outcome = _Outcome(job, None, error)
            finally:
                del task
                with self.lock:
                    self.running -= 1
                    self.idle.notify_all()
            self.relay.finished.emit((self.owner, outcome))

    def wait_idle(self, timeout: float) -> bool:
        with self.idle:
            return self.idle.wait_for(lambda: self.running == 0, timeout)

    def close(self) -> None:
        with self.lock:
            self.closed = True
            for _ in self.threads:
                self.queue.put(None)


class TaskRunner:
    """Runs plain-Python tasks on worker threads and hands results to the GUI thread.

    Make it, use it and drop it on the GUI thread. It is not a QObject: it dies
    wherever its last reference goes, and no worker ever holds one.
    """

    def __init__(self, workers: int = 2) -> None:
        self._pool = _Pool(workers, weakref.ref(self), _the_relay())
        self._jobs: dict[int, _Job] = {}
        self._next = 0
        self._closed = False

    def __del__(self) -> None:
        # Idle workers of a runner nobody shut down would wait for ever.
        pool = getattr(self, "_pool", None)  # absent if __init__ failed
        if pool is not None:
            pool.close()

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
        self._pool.submit(job, task)

    def deliver(self, outcome: _Outcome) -> None:
        """On the GUI thread (from the relay): call the job's on_done or on_error."""
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
        return self._pool.wait_idle(timeout)

    def pending(self) -> int:
        """How many tasks have not had their on_done/on_error called yet."""
        return len(self._jobs)

    def shutdown(self, timeout: float = 10.0) -> None:
        """Stop taking tasks, wait for running ones, drop their results."""
        self._closed = True
        self.wait_idle(timeout)
        self._pool.close()
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
