"""Synthesise the built-in cue sounds into assets/sounds/ (or --out DIR).

Only the standard library: the output is the same bytes on every run, so the
committed WAVs can be checked against this script (tests/core/test_cue_sounds.py).
Each sound is a few additive tones under soft envelopes, peak-normalised to the
same level, with a raised-cosine fade at both ends so that no sound clicks.
"""

from __future__ import annotations

import argparse
import math
import wave
from collections.abc import Callable
from pathlib import Path

RATE = 44100
PEAK = 0.5  # -6 dBFS: loud enough over a voice, far from clipping
FADE_IN = 0.003  # seconds of raised-cosine fade-in under every attack
RELEASE = 0.08  # seconds of raised-cosine fade-out, at most a quarter of the sound

# Note frequencies (equal temperament, A4 = 440 Hz).
C5, D5, E5, G5, A5, B5 = 523.25, 587.33, 659.26, 783.99, 880.0, 987.77
C6, E6 = 1046.50, 1318.51

# A partial is (frequency ratio, relative amplitude, decay time constant in s).
Partials = tuple[tuple[float, float, float], ...]

MARIMBA: Partials = ((1.0, 1.0, 0.16), (4.0, 0.25, 0.03), (10.0, 0.05, 0.01))
BELL: Partials = ((1.0, 1.0, 0.55), (2.0, 0.45, 0.35), (2.76, 0.3, 0.22), (5.4, 0.12, 0.08))
CHIME: Partials = ((1.0, 1.0, 0.3), (3.0, 0.2, 0.1), (5.0, 0.06, 0.05))
WOOD: Partials = ((1.0, 1.0, 0.025), (2.0, 0.4, 0.012), (3.1, 0.15, 0.008))
PLUCK: Partials = ((1.0, 1.0, 0.07), (2.0, 0.3, 0.04), (3.0, 0.1, 0.02))
PAD: Partials = ((1.0, 1.0, 1.5), (2.0, 0.15, 0.8))


def strike(
    buffer: list[float], freq: float, at: float, partials: Partials, attack: float = 0.006
) -> None:
    """Add one note struck at `at` seconds: a short sine attack, then decay."""
    start = round(at * RATE)
    longest = max(decay for _, _, decay in partials)
    end = min(len(buffer), start + round(longest * 7 * RATE))
    attack_n = max(1, round(attack * RATE))
    for n in range(start, end):
        t = (n - start) / RATE
        rise = 1.0 if n - start >= attack_n else math.sin(0.5 * math.pi * (n - start) / attack_n)
        value = 0.0
        for ratio, amp, decay in partials:
            value += amp * math.exp(-t / decay) * math.sin(2 * math.pi * freq * ratio * t)
        buffer[n] += rise * value


def glide(buffer: list[float], f0: float, f1: float, at: float, length: float) -> None:
    """Add a soft sine that slides from f0 to f1 under a raised-cosine swell."""
    start = round(at * RATE)
    count = round(length * RATE)
    phase = 0.0
    for i in range(min(count, len(buffer) - start)):
        x = i / count
        freq = f0 * (f1 / f0) ** (0.5 - 0.5 * math.cos(math.pi * x))
        phase += 2 * math.pi * freq / RATE
        swell = math.sin(math.pi * x) ** 2
        buffer[start + i] += swell * (math.sin(phase) + 0.15 * math.sin(2 * phase))


def silence(seconds: float) -> list[float]:
    return [0.0] * round(seconds * RATE)


def sound_next() -> list[float]:
    # "Get ready": two rising marimba notes.
    out = silence(0.5)
    strike(out, G5, 0.0, MARIMBA)
    strike(out, C6, 0.14, MARIMBA)
    return out


def sound_start() -> list[float]:
    # "Hold now": one clear bell.
    out = silence(1.2)
    strike(out, C5, 0.0, BELL, attack=0.004)
    return out


def sound_tick() -> list[float]:
    # Countdown: a short, soft woodblock.
    out = silence(0.12)
    strike(out, 1200.0, 0.0, WOOD, attack=0.002)
    return out


def sound_halfway() -> list[float]:
    # Halfway: the same chime twice.
    out = silence(0.8)
    strike(out, A5, 0.0, CHIME)
    strike(out, A5, 0.18, CHIME)
    return out


def sound_switch() -> list[float]:
    # Change sides: up and back down, like turning round.
    out = silence(0.6)
    for i, note in enumerate((E5, B5, E5)):
        strike(out, note, 0.11 * i, MARIMBA)
    return out


def sound_rest() -> list[float]:
    # Relax: a slow falling sigh.
    out = silence(1.0)
    glide(out, E5, C5, 0.0, 1.0)
    return out


def sound_count() -> list[float]:
    # One repetition of a counted movement: a mellow pluck, unlike the tick.
    out = silence(0.25)
    strike(out, D5, 0.0, PLUCK)
    return out


def sound_finish() -> list[float]:
    # Done: a rising major arpeggio that rings out.
    out = silence(1.8)
    for i, note in enumerate((C5, E5, G5, C6)):
        strike(out, note, 0.13 * i, CHIME)
    strike(out, E6, 0.52, BELL)
    return out


SOUNDS: dict[str, Callable[[], list[float]]] = {
    "next": sound_next,
    "start": sound_start,
    "tick": sound_tick,
    "halfway": sound_halfway,
    "switch": sound_switch,
    "rest": sound_rest,
    "count": sound_count,
    "finish": sound_finish,
}


def finish(samples: list[float]) -> bytes:
    """Normalise to PEAK, fade both ends to zero, and pack as 16-bit PCM."""
    top = max(abs(s) for s in samples) or 1.0
    fade_in = round(FADE_IN * RATE)
    release = min(round(RELEASE * RATE), len(samples) // 4)
    last = len(samples) - 1
    frames = bytearray()
    for n, sample in enumerate(samples):
        gain = 1.0
        if n < fade_in:
            gain = 0.5 - 0.5 * math.cos(math.pi * n / fade_in)
        elif last - n < release:
            gain = 0.5 - 0.5 * math.cos(math.pi * (last - n) / release)
        value = round(sample / top * PEAK * gain * 32767)
        frames += value.to_bytes(2, "little", signed=True)
    return bytes(frames)


def write_wav(path: Path, frames: bytes) -> None:
    with wave.open(str(path), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(RATE)
        out.writeframes(frames)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    default = Path(__file__).resolve().parent.parent / "assets" / "sounds"
    parser.add_argument("--out", type=Path, default=default, help="folder to write into")
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    for name, make in SOUNDS.items():
        write_wav(args.out / f"{name}.wav", finish(make()))
        print(f"{args.out / name}.wav")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
