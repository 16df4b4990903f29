"""Choosing a sink, the no-audio notice, and the playsound3 fallback (no real sound here)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from stretchapp.app import audio
from stretchapp.app.audio import PlaysoundSink, open_sink
from stretchapp.app.audio_mixer import MixerSink
from stretchapp.core.sound.cue_sink import SilentSink
from stretchapp.core.wording.sound import NO_OUTPUT_NOTICE, NO_PLAYER_NOTICE

REPO = Path(__file__).resolve().parents[2]

NO_SERVER_CHILD = """
import json, sys
from PySide6.QtCore import QCoreApplication
from stretchapp.app.audio import open_sink
app = QCoreApplication(sys.argv)
sink = open_sink()
print(json.dumps({"sink": type(sink).__name__, "notice": sink.notice, "audible": sink.audible}))
"""


class FakeSound:
    """What the fake player returns: a sound that can be stopped."""

    def __init__(self, path: str, log: list[str]) -> None:
        self.path, self.log = path, log

    def stop(self) -> None:
        self.log.append(f"stop {Path(self.path).name}")


class SlowPlayer:
    """A player function that takes 200 ms to start each sound, like a cold process."""

    def __init__(self) -> None:
        self.log: list[str] = []
        self.threads: set[int] = set()
        self.started = threading.Event()

    def __call__(self, path: str) -> FakeSound:
        self.threads.add(threading.get_ident())
        time.sleep(0.2)
        self.log.append(f"play {Path(path).name}")
        self.started.set()
        return FakeSound(path, self.log)


def test_no_audio_server_gives_a_silent_sink_and_a_notice() -> None:
    """With no sound server, open_sink returns a SilentSink saying so, and Qt stays quiet."""
    env = {**os.environ, "PULSE_SERVER": "unix:/nonexistent/pulse/native",
           "QT_QPA_PLATFORM": "offscreen", "PIPEWIRE_REMOTE": "/nonexistent"}
    child = subprocess.run([sys.executable, "-c", NO_SERVER_CHILD], env=env, cwd=REPO,
                           capture_output=True, text=True, timeout=60)
    assert child.returncode == 0, child.stderr
    report = json.loads(child.stdout.strip().splitlines()[-1])
    assert report == {"sink": "SilentSink", "notice": NO_OUTPUT_NOTICE, "audible": False}
    # QtMultimedia's probing chatter went to the log, not to the terminal.
    assert "PulseAudio" not in child.stderr and "pipewire" not in child.stderr


def test_open_sink_in_this_process_emits_no_qt_warning(qtbot: QtBot) -> None:
    """Whatever this machine has, choosing a sink emits no Qt warning (the test would fail)."""
    sink = open_sink()
    if isinstance(sink, SilentSink):
        assert sink.notice == NO_OUTPUT_NOTICE
    else:
        assert isinstance(sink, MixerSink) and sink.notice == ""
    sink.close()


def test_open_sink_can_be_forced() -> None:
    """backend="silent" is a silent sink with no notice; an unknown backend is an error."""
    sink = open_sink("silent")
    assert isinstance(sink, SilentSink) and sink.notice == ""
    with pytest.raises(ValueError, match="one of auto, qt, qsoundeffect, playsound, silent"):
        open_sink("alsa")


def test_without_qt_multimedia_playsound_takes_over(monkeypatch: pytest.MonkeyPatch) -> None:
    """When QtMultimedia cannot load, playsound3 plays; without a player, a notice says so."""

    def cannot_load() -> int:
        raise ImportError("libpulse.so.0: cannot open shared object file")

    monkeypatch.setattr(audio, "count_audio_outputs", cannot_load)
    sink = open_sink()
    import playsound3

    if playsound3.DEFAULT_BACKEND is None:
        assert isinstance(sink, SilentSink) and sink.notice == NO_PLAYER_NOTICE
    else:
        assert isinstance(sink, PlaysoundSink)
    sink.close()


def test_playsound_sink_never_blocks_the_caller(tmp_path: Path) -> None:
    """play() returns at once although starting a sound takes 200 ms, in another thread."""
    player = SlowPlayer()
    sink = PlaysoundSink(player)
    sink.load({"tick": tmp_path / "tick.wav"})
    started = time.perf_counter()
    sink.play("tick")
    assert time.perf_counter() - started < 0.02
    assert player.started.wait(2)
    assert threading.get_ident() not in player.threads
    sink.close()
    assert player.log == ["play tick.wav", "stop tick.wav"]


def test_playsound_sink_mutes_and_ignores_unknown_names(tmp_path: Path) -> None:
    """Muted, or at volume 0, or for a name never loaded, nothing is started."""
    player = SlowPlayer()
    sink = PlaysoundSink(player)
    sink.load({"tick": tmp_path / "tick.wav"})
    sink.muted = True
    sink.play("tick")
    sink.muted = False
    sink.volume = 0.0
    sink.play("tick")
    sink.volume = 0.5
    sink.play("nothing")
    sink.close()
    assert not [line for line in player.log if line.startswith("play")]


def test_playsound_sink_survives_a_failing_player(tmp_path: Path) -> None:
    """A player that raises is logged; the next sound still plays."""
    calls: list[str] = []

    def flaky(path: str) -> FakeSound:
        calls.append(path)
        if len(calls) == 1:
            raise OSError("no such player")
        return FakeSound(path, [])

    sink = PlaysoundSink(flaky)
    sink.load({"tick": tmp_path / "tick.wav"})
    sink.play("tick")
    sink.play("tick")
    sink.close()
    assert len(calls) == 2
