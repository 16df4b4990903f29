"""Real sound: cues played through QSoundEffect into a private PulseAudio server.

The test starts its own PulseAudio server whose only sink writes what it plays
to a FIFO in real time (module-pipe-sink on the system clock, so silences are
kept), runs a short routine in a child process through the app's own sink,
records the FIFO, and finds each cue's sound at its planned time. It touches no
audio of the machine's, and is skipped, saying why, where PulseAudio is missing
or cannot start.
"""

from __future__ import annotations

import json
import math
import os
import select
import shutil
import signal
import socket
import struct
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
SINK = "stretchapp_test"
RATE = 44100
FRAME = 0.005  # seconds per RMS frame in the onset search
TOLERANCE = 0.080  # seconds

pytestmark = pytest.mark.slow


@dataclass
class PulseServer:
    env: dict[str, str]
    fifo: Path


def _stop(process: subprocess.Popen[bytes]) -> None:
    if process.poll() is None:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def _accepts(path: Path) -> bool:
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as probe:
        try:
            probe.connect(str(path))
        except OSError:
            return False
    return True


@pytest.fixture(scope="module")
def pulse() -> Iterator[PulseServer]:
    """A private PulseAudio server with one sink that plays into a FIFO."""
    if shutil.which("pulseaudio") is None:
        pytest.skip("pulseaudio is not installed (Debian package: pulseaudio)")
    # A short path: a unix socket's name is limited to about 100 characters.
    folder = Path(tempfile.mkdtemp(prefix="stretchapp-pa-"))
    runtime, socket_path, fifo = folder / "pulse", folder / "pulse" / "native", folder / "sink"
    runtime.mkdir()
    (folder / "home").mkdir()
    env = {
        **os.environ,
        "HOME": str(folder / "home"),
        "XDG_RUNTIME_DIR": str(folder),
        "PULSE_RUNTIME_PATH": str(runtime),
        "PULSE_SERVER": f"unix:{socket_path}",
        "QT_QPA_PLATFORM": "offscreen",
    }
    env.pop("PULSE_SINK", None)
    command = [
        "pulseaudio", "--daemonize=no", "--exit-idle-time=-1", "--disallow-exit",
        "--system=false", "--use-pid-file=no", "-n", "--log-target=stderr",
        f"--load=module-pipe-sink sink_name={SINK} file={fifo} format=s16le rate={RATE}"
        " channels=1 use_system_clock_for_timing=yes",
        f"--load=module-native-protocol-unix auth-anonymous=1 socket={socket_path}",
    ]
    log_path = folder / "pulseaudio.log"
    with log_path.open("wb") as log:
        server = subprocess.Popen(command, env=env, stdout=log, stderr=log)
    try:
        deadline = time.monotonic() + 10
        while not (socket_path.exists() and fifo.exists() and _accepts(socket_path)):
            if server.poll() is not None or time.monotonic() > deadline:
                tail = log_path.read_text(errors="replace")[-600:].strip()
                pytest.skip(f"PulseAudio could not start here: {tail}")
            time.sleep(0.1)
        yield PulseServer(env, fifo)
    finally:
        _stop(server)
        shutil.rmtree(folder, ignore_errors=True)


class FifoRecorder:
    """Reads the sink's FIFO in a thread for as long as the `with` block lasts."""

    def __init__(self, fifo: Path) -> None:
        self._fd = os.open(fifo, os.O_RDONLY | os.O_NONBLOCK)
        self._data = bytearray()
        self._done = threading.Event()
        self._thread = threading.Thread(target=self._read, daemon=True)

    def __enter__(self) -> FifoRecorder:
        self._drain()  # what the sink wrote before we listened
        self._data.clear()
        self._thread.start()
        return self

    def __exit__(self, *_: object) -> None:
        self._done.set()
        self._thread.join(timeout=5)
        os.close(self._fd)

    def _drain(self) -> None:
        while select.select([self._fd], [], [], 0)[0]:
            chunk = os.read(self._fd, 65536)
            if not chunk:
                return
            self._data += chunk

    def _read(self) -> None:
        while not self._done.is_set():
            if select.select([self._fd], [], [], 0.1)[0]:
                self._data += os.read(self._fd, 65536)

    def samples(self) -> list[int]:
        whole = bytes(self._data[: len(self._data) // 2 * 2])
        return [value for (value,) in struct.iter_unpack("<h", whole)]


def _onsets(samples: list[int], threshold: float = 400.0, quiet: float = 0.25) -> list[float]:
    """Times (s) where the sound rises over threshold after `quiet` s below it."""
    size = round(FRAME * RATE)
    onsets: list[float] = []
    below = quiet  # the recording starts in silence
    for start in range(0, len(samples) - size, size):
        frame = samples[start:start + size]
        rms = math.sqrt(sum(s * s for s in frame) / size)
        if rms > threshold:
            if below >= quiet:
                onsets.append(start / RATE)
            below = 0.0
        else:
            below += FRAME
    return onsets


def test_cues_sound_at_their_planned_times(pulse: PulseServer) -> None:
    """Each cue's sound starts in the recording at its planned offset, within 80 ms."""
    with FifoRecorder(pulse.fifo) as recorder:
        child = subprocess.run(
            [sys.executable, "-m", "tests.app.real_audio_child"],
            env=pulse.env, cwd=REPO, capture_output=True, text=True, timeout=60,
        )
        time.sleep(0.3)
    assert child.returncode == 0, child.stderr
    report = json.loads(child.stdout.strip().splitlines()[-1])
    assert report["sink"] == "QSoundEffectSink", report
    assert report["ready"] and report["notice"] == ""

    planned = [(name, due) for name, due in report["planned"]]
    found = _onsets(recorder.samples())
    assert len(found) == len(planned), (found, planned)
    # Where the recording starts is unknown: offsets count from the first cue.
    first_heard, first_due = found[0], planned[0][1]
    for (name, due), heard in zip(planned, found, strict=True):
        assert abs((heard - first_heard) - (due - first_due)) <= TOLERANCE, (name, due, found)
    # And each play call reached the sink on time.
    for (name, due), (played, at) in zip(planned, report["played"], strict=True):
        assert played == name
        assert -0.001 <= at - due < 0.05, (name, due, at)
