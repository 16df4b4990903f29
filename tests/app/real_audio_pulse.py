"""A private PulseAudio server and a recorder of what it plays, for real-audio checks.

Used by tests/app/test_audio_real.py, benchmarks/audio_latency.py and
scripts/soak_player.py. The server's only sink writes what it plays to a FIFO
in real time (module-pipe-sink on the system clock, so silences are kept), or
throws it away (module-null-sink) where no recording is wanted. It touches no
audio of the machine's.
"""

from __future__ import annotations

import math
import os
import select
import shutil
import signal
import socket
import struct
import subprocess
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

SINK = "stretchapp_test"
# The sink writes PIPE_BUF (4096-byte) blocks: 32-bit stereo at 48 kHz makes
# them 10.7 ms, the time resolution of `written_at`.
RATE = 48000
CHANNELS = 2
BYTES_PER_FRAME = 4 * CHANNELS
FRAME = 0.005  # seconds per RMS frame in the onset search


class PulseUnavailable(RuntimeError):
    """PulseAudio is missing or would not start here; the message says why."""


@dataclass
class PulseServer:
    """A running private server: the environment that reaches it, and its FIFO."""

    env: dict[str, str]
    fifo: Path | None
    folder: Path
    process: subprocess.Popen[bytes] = field(repr=False)

    def stop(self) -> None:
        stop_process(self.process)
        shutil.rmtree(self.folder, ignore_errors=True)


def stop_process(process: subprocess.Popen[bytes]) -> None:
    """SIGTERM, then SIGKILL after 5 s."""
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


def start_pulse(record: bool = True, base_env: dict[str, str] | None = None) -> PulseServer:
    """Start a private server (a FIFO sink when record, else a null sink)."""
    if shutil.which("pulseaudio") is None:
        raise PulseUnavailable("pulseaudio is not installed (Debian package: pulseaudio)")
    # A short path: a unix socket's name is limited to about 100 characters.
    folder = Path(tempfile.mkdtemp(prefix="stretchapp-pa-"))
    runtime, socket_path, fifo = folder / "pulse", folder / "pulse" / "native", folder / "sink"
    runtime.mkdir()
    (folder / "home").mkdir()
    env = {
        **(os.environ if base_env is None else base_env),
        "HOME": str(folder / "home"),
        "XDG_RUNTIME_DIR": str(folder),
        "PULSE_RUNTIME_PATH": str(runtime),
        "PULSE_SERVER": f"unix:{socket_path}",
    }
    env.pop("PULSE_SINK", None)
    sink = (f"--load=module-pipe-sink sink_name={SINK} file={fifo} format=float32le"
            f" rate={RATE} channels={CHANNELS} use_system_clock_for_timing=yes" if record
            else f"--load=module-null-sink sink_name={SINK}")
    command = [
        "pulseaudio", "--daemonize=no", "--exit-idle-time=-1", "--disallow-exit",
        "--system=false", "--use-pid-file=no", "-n", "--log-target=stderr", sink,
        f"--load=module-native-protocol-unix auth-anonymous=1 socket={socket_path}",
    ]
    log_path = folder / "pulseaudio.log"
    with log_path.open("wb") as log:
        server = subprocess.Popen(command, env=env, stdout=log, stderr=log)
    deadline = time.monotonic() + 10
    while not (_accepts(socket_path) and (not record or fifo.exists())):
        if server.poll() is not None or time.monotonic() > deadline:
            tail = log_path.read_text(errors="replace")[-600:].strip()
            stop_process(server)
            shutil.rmtree(folder, ignore_errors=True)
            raise PulseUnavailable(f"PulseAudio could not start here: {tail}")
        time.sleep(0.1)
    return PulseServer(env, fifo if record else None, folder, server)


class FifoRecorder:
    """Reads the sink's FIFO in a thread for as long as the `with` block lasts.

    It also notes when each chunk arrived on the monotonic clock, so a sample's
    index maps to the time PulseAudio wrote it out (`written_at`). The sink
    writes blocks of 10.7 ms, ahead of real time by a few blocks (what a
    sound card's buffer would still delay): `written_at` is when the sound left
    PulseAudio, never before the play call that made it.
    """

    def __init__(self, fifo: Path) -> None:
        self._fd = os.open(fifo, os.O_RDONLY | os.O_NONBLOCK)
        self._data = bytearray()
        self._done = threading.Event()
        self._thread = threading.Thread(target=self._read, daemon=True)
        self._origin: float | None = None  # monotonic time of sample 0
        self._arrivals: list[tuple[int, float]] = []  # (samples so far, monotonic time)

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
                chunk = os.read(self._fd, 65536)
                now = time.monotonic()
                self._data += chunk
                self._arrivals.append((len(self._data) // BYTES_PER_FRAME, now))
                # The earliest (arrival - samples so far) is the least delayed reading.
                origin = now - len(self._data) / BYTES_PER_FRAME / RATE
                if self._origin is None or origin < self._origin:
                    self._origin = origin

    def sample_time(self, seconds_in: float) -> float:
        """The monotonic time at which the sound `seconds_in` the recording was written."""
        if self._origin is None:
            raise RuntimeError("nothing was recorded")
        return self._origin + seconds_in

    def written_at(self, seconds_in: float) -> float:
        """The monotonic time at which the chunk holding the sound `seconds_in` arrived."""
        sample = round(seconds_in * RATE)
        for end, arrived in self._arrivals:
            if end > sample:
                return arrived
        raise ValueError(f"{seconds_in} s is past the end of the recording")

    def samples(self) -> list[int]:
        """The left channel, scaled to 16-bit sample values."""
        whole = bytes(self._data[: len(self._data) // BYTES_PER_FRAME * BYTES_PER_FRAME])
        return [round(left * 32767) for left, _ in struct.iter_unpack("<ff", whole)]


def onsets(samples: list[int], threshold: float = 400.0, quiet: float = 0.25) -> list[float]:
    """Times (s) where the sound rises over threshold after `quiet` s below it."""
    size = round(FRAME * RATE)
    found: list[float] = []
    below = quiet  # the recording starts in silence
    for start in range(0, len(samples) - size, size):
        frame = samples[start:start + size]
        rms = math.sqrt(sum(s * s for s in frame) / size)
        if rms > threshold:
            if below >= quiet:
                found.append(start / RATE)
            below = 0.0
        else:
            below += FRAME
    return found
