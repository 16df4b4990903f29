"""How late each cue's sound left PulseAudio, from a FifoRecorder's recording and a child's report.

Shared by tests/app/test_audio_real.py and benchmarks/audio_latency.py, so the
test holds the same figure the benchmark reports: for each cue instant, the
first frame over THRESHOLD after its plan, less the clip's own silent lead-in
(`attack`), mapped to the time PulseAudio wrote that block out (`written_at`).
"""

from __future__ import annotations

import math
from functools import cache

from stretchapp.core.sound.pcm_mix import decode_wav
from stretchapp.core.storage.paths import sounds_dir
from tests.app.real_audio_pulse import FRAME, RATE, FifoRecorder

THRESHOLD = 400.0  # RMS that counts as sound
EARLY, LATE = 0.03, 0.5  # seconds around a plan searched for its sound
MS = 1000.0


def frame_levels(samples: list[int]) -> list[float]:
    """The RMS of each FRAME-long piece of the recording."""
    size = round(FRAME * RATE)
    return [math.sqrt(sum(s * s for s in samples[i:i + size]) / size)
            for i in range(0, len(samples) - size, size)]


@cache
def attack(name: str) -> float:
    """Seconds from a clip's first sample to its first frame over THRESHOLD."""
    data = decode_wav(sounds_dir() / f"{name}.wav")
    levels = frame_levels([int.from_bytes(data[i:i + 2], "little", signed=True)
                           for i in range(0, len(data), 2)])
    return next((i * FRAME for i, level in enumerate(levels) if level > THRESHOLD), 0.0)


def lateness(report: dict[str, object], recorder: FifoRecorder) -> tuple[list[float], int]:
    """For each cue instant with a sound, ms from plan to its sound; and how many were masked.

    A cue is masked when sound is already playing just before its plan (an
    earlier clip still ringing): its start cannot be told apart in the mix.
    """
    levels = frame_levels(recorder.samples())
    start = float(report["start"])  # type: ignore[arg-type]
    instants: dict[float, list[str]] = {}
    for name, due in report["planned"]:  # type: ignore[attr-defined]
        instants.setdefault(due, []).append(name)
    found: list[float] = []
    masked = 0
    for due, names in sorted(instants.items()):
        planned = start + due
        first = math.ceil((planned - EARLY - recorder.sample_time(0)) / FRAME)
        last = math.floor((planned + LATE - recorder.sample_time(0)) / FRAME)
        if first < 2 or last >= len(levels):
            continue
        if levels[first - 1] > THRESHOLD / 2:
            masked += 1
            continue
        onset = next((i for i in range(first, last) if levels[i] > THRESHOLD), None)
        if onset is None:
            masked += 1
            continue
        written = recorder.written_at(onset * FRAME - min(attack(n) for n in names))
        found.append((written - planned) * MS)
    return found, masked
