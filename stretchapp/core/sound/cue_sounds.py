"""The cue sounds a routine can replace, and the check a replacement must pass.

`check_wav` parses the RIFF header itself rather than trusting `wave`: it must
also catch a file cut short (a killed download, a half-written cache entry),
which `wave` only notices when the missing frames are read.
"""

from __future__ import annotations

import os
import struct
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from stretchapp.core.loading.bounded_read import ReadRefused, open_bounded


class CueSound(StrEnum):
    """The built-in sounds, assets/sounds/<value>.wav; a routine's `cues: sounds:`
    may map any of these names to its own WAV file."""

    NEXT = "next"
    START = "start"
    TICK = "tick"
    HALFWAY = "halfway"
    SWITCH = "switch"
    REST = "rest"
    COUNT = "count"
    FINISH = "finish"


# The names as files and routine files write them, in the enum's order.
CUE_SOUND_NAMES: tuple[str, ...] = tuple(sound.value for sound in CueSound)

MAX_SECONDS = 10.0
MAX_BYTES = 8 * 1024 * 1024
_PCM = 1
_EXTENSIBLE = 0xFFFE


@dataclass(frozen=True)
class WavInfo:
    """What a cue player needs to know about a PCM WAV file."""

    channels: int
    sample_rate: int
    sample_width: int  # bytes per sample
    frames: int
    data_offset: int

    @property
    def seconds(self) -> float:
        return self.frames / self.sample_rate


class WavError(ValueError):
    """A file that is not a playable PCM WAV; the message says why."""


def read_wav_info(path: Path) -> WavInfo:
    """Parse the header of a PCM WAV and check that all its frames are there."""
    try:
        # Regular files only, size-capped before reading: a FIFO named cue.wav never blocks.
        stream = open_bounded(path, MAX_BYTES)
    except ReadRefused as refused:
        raise WavError(f"cannot read the file: {refused.problem.message}") from None
    try:
        size = os.fstat(stream.fileno()).st_size
        with stream:
            head = stream.read(12)
            if len(head) < 12 or head[:4] != b"RIFF" or head[8:12] != b"WAVE":
                raise WavError("not a WAV file")
            fmt: tuple[int, ...] | None = None
            while True:
                chunk = stream.read(8)
                if len(chunk) < 8:
                    raise WavError("WAV file has no sound data")
                chunk_id, chunk_size = chunk[:4], struct.unpack("<I", chunk[4:])[0]
                if chunk_id == b"fmt ":
                    body = stream.read(chunk_size)
                    if len(body) < 16:
                        raise WavError("WAV file has a broken format header")
                    fmt = struct.unpack("<HHIIHH", body[:16])
                    if fmt[0] == _EXTENSIBLE and len(body) >= 26:
                        # The real encoding is the first field of the sub-format GUID.
                        fmt = (struct.unpack("<H", body[24:26])[0], *fmt[1:])
                elif chunk_id == b"data":
                    if fmt is None:
                        raise WavError("WAV file has no format header")
                    return _info(fmt, chunk_size, stream.tell(), size)
                else:
                    # RIFF chunks are padded to an even length.
                    stream.seek(chunk_size + (chunk_size & 1), 1)
    except OSError as error:
        raise WavError(f"cannot read the file: {error.strerror or error}") from error


def _info(fmt: tuple[int, ...], data_size: int, offset: int, file_size: int) -> WavInfo:
    encoding, channels, rate, _, block, bits = fmt
    if encoding != _PCM or bits not in (8, 16, 24, 32):
        raise WavError("WAV file is not plain PCM (compressed or float samples)")
    if not 1 <= channels <= 2:
        raise WavError(f"WAV file has {channels} channels, at most 2")
    if not 8000 <= rate <= 192000:
        raise WavError(f"WAV sample rate {rate} Hz is not between 8000 and 192000")
    if block != channels * bits // 8 or block == 0:
        raise WavError("WAV file has a broken format header")
    if offset + data_size > file_size:
        raise WavError("WAV file is cut short")
    return WavInfo(channels, rate, bits // 8, data_size // block, offset)


def check_wav(path: Path) -> str | None:
    """None for a readable PCM WAV of sane size and at most 10 s; else why not."""
    try:
        size = path.stat().st_size
    except OSError as error:
        return f"cannot read the file: {error.strerror or error}"
    if size > MAX_BYTES:
        return f"sound file is {size // (1024 * 1024)} MiB, at most {MAX_BYTES // (1024 * 1024)}"
    try:
        info = read_wav_info(path)
    except WavError as error:
        return str(error)
    if info.frames == 0:
        return "WAV file has no sound data"
    if info.seconds > MAX_SECONDS:
        return f"sound is {info.seconds:.3g} s long, at most {MAX_SECONDS:.3g} s"
    return None
