"""A routine's own cue sounds: looked up like images, checked, reported with positions."""

from __future__ import annotations

import struct
import wave
from pathlib import Path

import pytest

from stretchapp.core.loading.library import load_library
from stretchapp.core.model import Routine

HEAD = """\
format: 1
title: Gong routine
group: calf
kind: relief
cues:
  sounds:
"""
STEPS = """\
steps:
  - stretch: heel-raise
    count: 4
    tempo: 2s
"""


def _wav(path: Path, seconds: float, rate: int = 8000) -> Path:
    with wave.open(str(path), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(rate)
        frames = int(seconds * rate)
        out.writeframes(struct.pack(f"<{frames}h", *([1000, -1000] * (frames // 2)),
                                    *([0] * (frames % 2))))
    return path


def _load(home: Path, sounds: str) -> tuple[Routine | None, list[str]]:
    folder = home / "routines"
    (folder / "gong.yaml").write_text(HEAD + sounds + STEPS, encoding="utf-8")
    library = load_library(user_dir=folder)
    problems = [f"{p.line}:{p.column}: {p.message}" for p in library.problems
                if p.path.name == "gong.yaml"]
    return library.routines.get("gong"), problems


def test_custom_sound_next_to_the_file_replaces_the_cue(home: Path) -> None:
    """A WAV named under cues.sounds is found next to the routine and used for that cue."""
    gong = _wav(home / "routines" / "gong.wav", 0.5)
    routine, problems = _load(home, "    start: gong.wav\n")
    assert problems == []
    assert routine is not None
    assert routine.cues.sounds == (("start", gong),)


def test_builtin_sound_names_are_found_in_the_app_sounds(home: Path) -> None:
    """A name not next to the file is looked up in the app's own sounds."""
    routine, problems = _load(home, "    finish: tick.wav\n")
    assert problems == []
    assert routine is not None
    assert routine.cues.sounds[0][1].name == "tick.wav"


@pytest.mark.parametrize(("sounds", "expected"), [
    ("    strat: gong.wav\n", "7:5: unknown cue sound 'strat' (did you mean 'start'?); the cues "
     "are next, start, tick, halfway, switch, rest, count, finish"),
    ("    start: /usr/share/sounds/x.wav\n", "7:12: sound must be a relative path, not an "
     "absolute one"),
    ("    start: https://example.org/x.wav\n", "7:12: sound must be a file name or relative "
     "path, not a URL"),
    ("    start: ../../x.wav\n", "7:12: sound '../../x.wav' leaves the folder it starts from"),
    ("    start: gong.mp3\n", "7:12: sound must be a WAV file, got 'gong.mp3'"),
])
def test_refused_sounds_block_the_routine(home: Path, sounds: str, expected: str) -> None:
    """Unknown cue names and unsafe or wrong-kind paths are errors at their line and column."""
    routine, problems = _load(home, sounds)
    assert problems == [expected]
    assert routine is None


def test_too_long_or_missing_sounds_warn_but_the_routine_runs(home: Path) -> None:
    """A missing or over-long WAV is reported, and the routine loads with the built-in sound."""
    _wav(home / "routines" / "long.wav", 11)
    routine, problems = _load(home, "    start: long.wav\n    finish: nowhere.wav\n")
    assert problems == [
        "7:12: sound 'long.wav': sound is 11 s long, at most 10 s",
        "8:13: sound 'nowhere.wav' not found next to the file or in the app's assets",
    ]
    assert routine is not None
    assert routine.cues.sounds == ()


def test_a_file_that_is_not_a_wav_is_reported(home: Path) -> None:
    """A .wav that holds something else is named as not a WAV file."""
    (home / "routines" / "fake.wav").write_bytes(b"ID3 not a wave")
    _, problems = _load(home, "    start: fake.wav\n")
    assert len(problems) == 1 and problems[0].startswith("7:12: sound 'fake.wav'")
    assert "WAV" in problems[0]
