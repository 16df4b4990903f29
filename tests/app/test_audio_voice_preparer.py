"""VoicePreparer: phrases rendered in a worker thread, the UI thread never waiting."""

from __future__ import annotations

import itertools
import threading
import time
from pathlib import Path

from PySide6.QtCore import QObject, QTimer
from pytestqt.qtbot import QtBot

from stretchapp.app.voice_preparer import VoicePreparer
from stretchapp.core.sound.cue_sounds import check_wav
from stretchapp.core.sound.voice import LibraryEngine, SpeechEngine


class SlowEngine(SpeechEngine):
    """The real library engine, 50 ms slower per phrase, noting the thread it runs in."""

    name = "slow"

    def __init__(self) -> None:
        self.inner = LibraryEngine()
        self.threads: set[int] = set()

    @property
    def version(self) -> str:
        return self.inner.version

    def render(self, text: str, voice: str, rate: int, target: Path) -> None:
        self.threads.add(threading.get_ident())
        time.sleep(0.05)
        self.inner.render(text, voice, rate, target)


def test_renders_in_a_worker_and_reports_progress(qtbot: QtBot, tmp_path: Path) -> None:
    """Progress counts up to the total, then finished brings one good WAV per phrase."""
    engine = SlowEngine()
    owner = QObject()
    preparer = VoicePreparer(tmp_path, owner, engines=[engine])
    seen: list[tuple[int, int]] = []
    preparer.progress.connect(lambda done, total: seen.append((done, total)))
    with qtbot.waitSignal(preparer.finished, timeout=5000) as finished:
        preparer.prepare(["Relax", "Rest", "Relax", "Well done"], rate=170)
        assert preparer.busy
    rendered = finished.args[0]
    assert list(rendered) == ["Relax", "Rest", "Well done"]
    assert all(check_wav(path) is None for path in rendered.values())
    assert seen == [(0, 3), (1, 3), (2, 3), (3, 3)]
    assert threading.get_ident() not in engine.threads
    assert not preparer.busy and preparer.notice == ""


def test_the_event_loop_keeps_running_while_rendering(qtbot: QtBot, tmp_path: Path) -> None:
    """prepare() returns at once and a 10 ms timer keeps firing during a 0.5 s render."""
    owner = QObject()
    preparer = VoicePreparer(tmp_path, owner, engines=[SlowEngine()])
    beats: list[float] = []
    beat = QTimer(owner)
    beat.timeout.connect(lambda: beats.append(time.monotonic()))
    beat.start(10)
    started = time.monotonic()
    with qtbot.waitSignal(preparer.finished, timeout=5000):
        preparer.prepare([f"Phrase {n}" for n in range(10)])
        assert time.monotonic() - started < 0.02
    beat.stop()
    gaps = [b - a for a, b in itertools.pairwise(beats)]
    assert len(beats) > 20 and max(gaps) < 0.1


def test_the_newest_job_wins(qtbot: QtBot, tmp_path: Path) -> None:
    """A second prepare() replaces the first: only its result is reported."""
    owner = QObject()
    preparer = VoicePreparer(tmp_path, owner, engines=[SlowEngine()])
    results: list[dict[str, Path]] = []
    preparer.finished.connect(results.append)
    preparer.prepare([f"Old {n}" for n in range(10)])
    preparer.prepare(["New"])
    qtbot.waitUntil(lambda: bool(results), timeout=5000)
    preparer.wait()
    qtbot.wait(20)
    assert [list(r) for r in results] == [["New"]]


def test_cancel_reports_nothing(qtbot: QtBot, tmp_path: Path) -> None:
    """After cancel() the preparer is idle and the job's result never arrives."""
    owner = QObject()
    preparer = VoicePreparer(tmp_path, owner, engines=[SlowEngine()])
    results: list[object] = []
    preparer.finished.connect(results.append)
    preparer.prepare([f"Phrase {n}" for n in range(10)])
    preparer.cancel()
    assert not preparer.busy
    assert preparer.wait(5000)
    qtbot.wait(20)
    assert results == []
