"""The cue sink that plays through one long-lived QAudioSink fed by our own mixer.

Why not QSoundEffect: Qt 6.10.2 destroys a finished QSoundEffect voice inside
PulseAudio's callback, on PulseAudio's thread; the voice's eventfd notifier
belongs to the GUI thread, and the GUI thread's event loop then spins on a
closed fd for good (the window freezes, the log fills). Here Qt sees one
stream, opened once on the GUI thread and never torn down while the app runs,
and no per-cue Qt object exists at all: a cue is a list entry in `PcmMixer`.

Qt 6.10's PulseAudio sink pulls from our QIODevice on the GUI thread (measured:
every readData call came on the main thread) and would read as far ahead as
its ring buffer allows (16 KiB, about 190 ms), which is as late as a cue would
be heard. So the device gives out only `lead` seconds more than the stream has
played (`QAudioSink.processedUSecs`), keeping a cue within that of its call.

Why the lead stays at 20 ms although a GUI-thread stall longer than that leaves
a gap: every byte handed over is heard that much later, and Qt pulls on the GUI
thread whoever mixes (a mixing thread filling a ring would still be drained only
by this readData). Measured through real audio (tests/app/real_audio_child.py,
calf-warm-up, cold voice cache, with and without a 30 ms stall every 0.37 s):
lead 20 ms: no stalls p50 33 / max 40 ms late; stalled p50 35 / max 63 ms.
lead 40 ms: stalled p50 50 / max 60 ms; with a 10 ms stream buffer, max 85 ms.
A longer lead costs every cue its length and still does not ride out the
stalls; riding them out needs cues handed to the mixer ahead of their time.

A running stream costs the GUI thread a read every few milliseconds (about 3 %
of a core, measured), so after `IDLE_SECONDS` of silence it is suspended, and
the next `play` resumes it.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable, Mapping
from pathlib import Path

from PySide6.QtCore import QIODevice, QObject, QTimer
from PySide6.QtMultimedia import QAudioFormat, QAudioSink, QMediaDevices, QtAudio

from stretchapp.core.sound.cue_sink import CueSink
from stretchapp.core.sound.cue_sounds import WavError
from stretchapp.core.sound.pcm_mix import RATE, SAMPLE_BYTES, PcmMixer, decode_wav

log = logging.getLogger(__name__)

# How far ahead of the stream the mix is handed over: the latency the mixer
# adds (benchmarks/audio_latency.py), and how long the GUI thread may stall
# before a sound has a gap. STRETCHAPP_AUDIO_LEAD overrides it, for measuring.
LEAD_SECONDS = float(os.environ.get("STRETCHAPP_AUDIO_LEAD", "0.02"))
# The stream's own buffer, which PulseAudio adds on top of the lead (0: Qt's default).
BUFFER_SECONDS = float(os.environ.get("STRETCHAPP_AUDIO_BUFFER", "0"))
IDLE_SECONDS = 5.0


class _MixDevice(QIODevice):
    """A read-only, endless QIODevice whose bytes are the mixer's output, paced."""

    def __init__(self, mixer: PcmMixer, played_bytes: Callable[[], int],
                 lead_bytes: int, parent: QObject) -> None:
        super().__init__(parent)
        self._mixer = mixer
        self._played_bytes = played_bytes
        self._lead = lead_bytes
        self.given = 0  # bytes handed to the stream so far
        self.underruns = 0  # reads that found everything given already played

    def readData(self, maxlen: int) -> bytes:
        ahead = self.given - self._played_bytes()
        if ahead <= 0 and self.given:
            # The GUI thread came late: the listener hears a gap. Counted, and
            # logged (a flood is collapsed by the app's log).
            self.underruns += 1
            log.info("audio underrun: the GUI thread fed the stream late")
        size = min(maxlen, self._lead - ahead)
        size -= size % SAMPLE_BYTES
        if size <= 0:
            return b""
        self.given += size
        return self._mixer.read(size)

    def writeData(self, data: bytes | bytearray | memoryview, size: int, /) -> int:
        return -1

    def isSequential(self) -> bool:
        return True

    def bytesAvailable(self) -> int:
        return self._lead + super().bytesAvailable()


def stream_format() -> QAudioFormat:
    """The one format every clip is decoded to (see stretchapp.core.sound.pcm_mix)."""
    fmt = QAudioFormat()
    fmt.setSampleRate(RATE)
    fmt.setChannelCount(1)
    fmt.setSampleFormat(QAudioFormat.SampleFormat.Int16)
    return fmt


class MixerSink(CueSink):
    """Plays clips by mixing them into one QAudioSink stream opened at construction."""

    def __init__(self, parent: QObject | None = None, *, lead: float = LEAD_SECONDS,
                 buffer: float = BUFFER_SECONDS) -> None:
        super().__init__()
        self._mixer = PcmMixer()
        self._decoded: dict[Path, tuple[float, bytes]] = {}  # path -> (mtime, pcm)
        self._failed: list[str] = []
        self._owner = QObject(parent)
        self._output = QAudioSink(QMediaDevices.defaultAudioOutput(), stream_format(),
                                  self._owner)
        self._device = _MixDevice(self._mixer, self._played_bytes,
                                  round(lead * RATE) * SAMPLE_BYTES, self._owner)
        self._device.open(QIODevice.OpenModeFlag.ReadOnly)
        self._output.stateChanged.connect(self._state_changed)
        if buffer > 0:
            self._output.setBufferSize(round(buffer * RATE) * SAMPLE_BYTES)
        self._output.start(self._device)
        self._idle = QTimer(self._owner)
        self._idle.setSingleShot(True)
        self._idle.timeout.connect(self._suspend_if_silent)
        self._idle.start(round(IDLE_SECONDS * 1000))
        self._clip_ms: dict[str, int] = {}

    def _suspend_if_silent(self) -> None:
        if self._mixer.playing:
            self._idle.start(round(IDLE_SECONDS * 1000))
        elif self._output.state() != QtAudio.State.SuspendedState:
            self._output.suspend()

    def _wake(self, name: str) -> None:
        if self._output.state() == QtAudio.State.SuspendedState:
            self._output.resume()
        self._idle.start(self._clip_ms.get(name, 0) + round(IDLE_SECONDS * 1000))

    def _played_bytes(self) -> int:
        return self._output.processedUSecs() * RATE // 1_000_000 * SAMPLE_BYTES

    def _state_changed(self) -> None:
        error = self._output.error()
        if error not in (QtAudio.Error.NoError, QtAudio.Error.UnderrunError):
            log.warning("the audio stream stopped: %s (state %s)",
                        error.name, self._output.state().name)

    # --- CueSink ----------------------------------------------------------------------

    def load(self, clips: Mapping[str, Path]) -> None:
        pcm: dict[str, bytes] = {}
        self._failed = []
        for name, path in clips.items():
            data = self._decode(path)
            if data is None:
                self._failed.append(name)
            else:
                pcm[name] = data
        self._mixer.set_clips(pcm)
        self._clip_ms = {name: len(data) * 1000 // (RATE * SAMPLE_BYTES)
                         for name, data in pcm.items()}
        self._changed()

    def _decode(self, path: Path) -> bytes | None:
        try:
            mtime = path.stat().st_mtime
            cached = self._decoded.get(path)
            if cached is not None and cached[0] == mtime:
                return cached[1]
            data = decode_wav(path)
        except (OSError, WavError) as error:
            log.warning("cannot play %s: %s", path, error)
            return None
        self._decoded[path] = (mtime, data)
        return data

    @property
    def underruns(self) -> int:
        """How often the stream had played everything it was given (a GUI thread too late)."""
        return self._device.underruns

    @property
    def buffer_bytes(self) -> int:
        """The stream's buffer as Qt reports it (PulseAudio plays this much after the lead)."""
        return int(self._output.bufferSize())

    @property
    def failed(self) -> list[str]:
        """The clips that could not be decoded."""
        return list(self._failed)

    def play(self, name: str) -> None:
        if not self.muted and self._mixer.play(name):
            self._wake(name)

    def stop(self, name: str | None = None) -> None:
        self._mixer.stop(name)

    def _apply_volume(self) -> None:
        # The UI's volume is what a slider shows; the ear hears it logarithmically.
        scale = QtAudio.VolumeScale
        gain = QtAudio.convertVolume(
            self.volume, scale.LogarithmicVolumeScale, scale.LinearVolumeScale)
        self._output.setVolume(0.0 if self.muted else gain)
        if self.muted:
            self._mixer.stop()

    def close(self) -> None:
        """Stop the stream; the sink plays nothing after this."""
        self._mixer.stop()
        self._idle.stop()
        self._output.stateChanged.disconnect(self._state_changed)
        self._output.stop()
        self._device.close()
