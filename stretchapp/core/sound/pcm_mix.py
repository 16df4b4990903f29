"""Cue clips as raw PCM, and a mixer that plays several of them at once.

The app's audio output is one long-lived stream (stretchapp.app.audio_mixer)
that asks this mixer for its next few milliseconds of sound. Every clip is
decoded once, up front, to the stream's one format (mono, 16-bit, 44.1 kHz), so
starting a cue is only appending a voice to a list, and no per-cue object of any
audio library is created or destroyed: Qt 6.10's QSoundEffect froze the window
doing that on PulseAudio's thread (see docs/sounds.md).

`PcmMixer` is thread-safe (one lock, held only for list operations and one
short mix), so the stream may read from whichever thread its backend uses.
"""

from __future__ import annotations

import sys
import threading
from array import array
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from stretchapp.core.sound.cue_sounds import WavError, read_wav_info

RATE = 44100  # frames per second of the output stream
SAMPLE_BYTES = 2  # 16-bit signed, little-endian, mono
_LOW, _HIGH = -32768, 32767


def decode_wav(path: Path) -> bytes:
    """The WAV's sound as mono 16-bit little-endian PCM at RATE; WavError if unreadable."""
    info = read_wav_info(path)
    try:
        with path.open("rb") as stream:
            stream.seek(info.data_offset)
            raw = stream.read(info.frames * info.channels * info.sample_width)
    except OSError as error:
        raise WavError(f"cannot read the file: {error.strerror or error}") from error
    samples = _to_int16(raw, info.sample_width)
    if info.channels == 2:
        samples = array("h", ((a + b) // 2 for a, b in zip(samples[0::2], samples[1::2],
                                                            strict=True)))
    out = _resample(samples, info.sample_rate)
    if sys.byteorder != "little":
        out.byteswap()
    return out.tobytes()


def _to_int16(raw: bytes, width: int) -> array[int]:
    if width == 2:
        samples = array("h")
        samples.frombytes(raw[: len(raw) // 2 * 2])
        if sys.byteorder != "little":
            samples.byteswap()
        return samples
    if width == 1:  # WAV's 8-bit samples are unsigned
        return array("h", ((value - 128) << 8 for value in raw))
    # 24 or 32 bits: keep the top 16 bits of each little-endian sample.
    return array("h", (int.from_bytes(raw[i + width - 2:i + width], "little", signed=True)
                       for i in range(0, len(raw) - width + 1, width)))


def _resample(samples: array[int], rate: int) -> array[int]:
    if rate == RATE:
        return samples
    if RATE % rate == 0:  # 22050 Hz speech: repeat each sample
        factor = RATE // rate
        out = array("h", bytes(len(samples) * factor * SAMPLE_BYTES))
        for offset in range(factor):
            out[offset::factor] = samples
        return out
    # Any other rate: nearest sample (cue clips are short; this runs once per file).
    count = len(samples) * RATE // rate
    return array("h", (samples[i * rate // RATE] for i in range(count)))


@dataclass
class _Voice:
    name: str
    data: bytes
    position: int = 0  # bytes already played


class PcmMixer:
    """Mixes the clips being played into one stream of 16-bit mono PCM."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._clips: dict[str, bytes] = {}
        self._voices: list[_Voice] = []

    def set_clips(self, clips: Mapping[str, bytes]) -> None:
        """Make exactly these clips playable; voices of clips that changed stop."""
        with self._lock:
            self._clips = dict(clips)
            self._voices = [v for v in self._voices if self._clips.get(v.name) is v.data]

    def play(self, name: str) -> bool:
        """Start the clip from its beginning (beside any already playing); False if unknown."""
        with self._lock:
            data = self._clips.get(name)
            if data is None:
                return False
            self._voices.append(_Voice(name, data))
            return True

    def stop(self, name: str | None = None) -> None:
        """Stop every voice of one clip, or all voices."""
        with self._lock:
            self._voices = [] if name is None else [v for v in self._voices if v.name != name]

    @property
    def playing(self) -> list[str]:
        """The names of the clips sounding now, in the order they started."""
        with self._lock:
            return [voice.name for voice in self._voices]

    def read(self, size: int) -> bytes:
        """The next size bytes (rounded down to whole samples) of the mix; silence when idle."""
        size -= size % SAMPLE_BYTES
        with self._lock:
            chunks = [self._advance(voice, size) for voice in self._voices]
            self._voices = [v for v in self._voices if v.position < len(v.data)]
        chunks = [chunk for chunk in chunks if chunk]
        if not chunks:
            return bytes(size)
        if len(chunks) == 1:
            return chunks[0].ljust(size, b"\0")
        return _mix(chunks, size)

    @staticmethod
    def _advance(voice: _Voice, size: int) -> bytes:
        chunk = voice.data[voice.position:voice.position + size]
        voice.position += len(chunk)
        return chunk


def _mix(chunks: list[bytes], size: int) -> bytes:
    """Sum several chunks of 16-bit samples, clipping, padded to size bytes."""
    total = array("i", bytes(size // SAMPLE_BYTES * 4))
    for chunk in chunks:
        samples = array("h")
        samples.frombytes(chunk)
        if sys.byteorder != "little":
            samples.byteswap()
        for index, value in enumerate(samples):
            total[index] += value
    out = array("h", (_HIGH if v > _HIGH else _LOW if v < _LOW else v for v in total))
    if sys.byteorder != "little":
        out.byteswap()
    return out.tobytes()
