"""Rendering phrases to WAV with espeak-ng, and the cache of rendered phrases."""

from __future__ import annotations

import math
import os
import shutil
import struct
import time
import wave
from pathlib import Path

import pytest

from stretchapp.core.sound.cue_sounds import check_wav
from stretchapp.core.sound.voice import (
    CommandEngine,
    LibraryEngine,
    SpeechEngine,
    SpeechUnavailable,
    VoiceRenderer,
)

PHRASE = "Lean into the wall, back heel down"
needs_command = pytest.mark.skipif(
    shutil.which("espeak-ng") is None, reason="the espeak-ng program is not installed"
)


def _rms_and_seconds(path: Path) -> tuple[float, float]:
    with wave.open(str(path)) as wav:
        rate, data = wav.getframerate(), wav.readframes(wav.getnframes())
        assert (wav.getnchannels(), wav.getsampwidth()) == (1, 2)
    samples = [value for (value,) in struct.iter_unpack("<h", data)]
    rms = math.sqrt(sum(s * s for s in samples) / len(samples))
    return rms, len(samples) / rate


class CountingEngine(SpeechEngine):
    """A real engine that also counts how often it is asked to render."""

    def __init__(self, inner: SpeechEngine) -> None:
        self.inner = inner
        self.name = inner.name
        self.parallel = inner.parallel
        self.calls: list[str] = []

    @property
    def version(self) -> str:
        return self.inner.version

    def render(self, text: str, voice: str, rate: int, target: Path) -> None:
        self.calls.append(text)
        self.inner.render(text, voice, rate, target)


class BrokenEngine(SpeechEngine):
    """An engine that writes half a file, then fails, like a library that crashed."""

    name = "broken"

    @property
    def version(self) -> str:
        return "0"

    def render(self, text: str, voice: str, rate: int, target: Path) -> None:
        target.write_bytes(b"RIFF\x00\x10\x00\x00WAVEfmt ")
        raise SpeechUnavailable("the broken engine broke")


def test_library_engine_speaks(tmp_path: Path) -> None:
    """The bundled libespeak-ng renders an audible WAV of plausible length."""
    renderer = VoiceRenderer(tmp_path, engines=[LibraryEngine()])
    path = renderer.render(PHRASE)
    rms, seconds = _rms_and_seconds(path)
    assert check_wav(path) is None
    assert rms > 1000
    assert 1.0 < seconds < 5.0  # 7 words at 160 words a minute: about 2.5 s


@needs_command
def test_command_engine_speaks(tmp_path: Path) -> None:
    """The espeak-ng program renders an audible WAV of plausible length."""
    renderer = VoiceRenderer(tmp_path, engines=[CommandEngine()])
    rms, seconds = _rms_and_seconds(renderer.render(PHRASE))
    assert rms > 1000
    assert 1.0 < seconds < 5.0


@needs_command
def test_command_engine_reads_text_as_text(tmp_path: Path) -> None:
    """Text that looks like an option, or is not ASCII, is spoken, not parsed."""
    renderer = VoiceRenderer(tmp_path, engines=[CommandEngine()])
    for text in ("-w /tmp/x.wav", "Détendez-vous"):
        rms, _ = _rms_and_seconds(renderer.render(text))
        assert rms > 500


def test_slower_rate_speaks_longer(tmp_path: Path) -> None:
    """Rate is words per minute: half the rate takes clearly longer to say."""
    fast = VoiceRenderer(tmp_path, rate=240, engines=[LibraryEngine()]).render(PHRASE)
    slow = VoiceRenderer(tmp_path, rate=120, engines=[LibraryEngine()]).render(PHRASE)
    assert _rms_and_seconds(slow)[1] > 1.5 * _rms_and_seconds(fast)[1]


def test_cache_hits_on_the_second_call(tmp_path: Path) -> None:
    """The second render of a phrase returns the same file without rendering again."""
    engine = CountingEngine(LibraryEngine())
    renderer = VoiceRenderer(tmp_path, engines=[engine])
    first = renderer.render(PHRASE)
    stamp = first.stat().st_mtime_ns
    second = VoiceRenderer(tmp_path, engines=[engine]).render(PHRASE)
    assert second == first and second.stat().st_mtime_ns == stamp
    assert engine.calls == [PHRASE]


def test_cache_key_follows_voice_rate_and_text(tmp_path: Path) -> None:
    """A different text, rate or voice is a different cache file."""
    engine = LibraryEngine()
    base = VoiceRenderer(tmp_path, engines=[engine])
    keys = {
        base.cache_path("Relax", engine),
        base.cache_path("Rest", engine),
        VoiceRenderer(tmp_path, rate=200, engines=[engine]).cache_path("Relax", engine),
        VoiceRenderer(tmp_path, voice="en-us", engines=[engine]).cache_path("Relax", engine),
    }
    assert len(keys) == 4


@pytest.mark.parametrize("damage", ["truncate", "garbage", "empty"])
def test_corrupt_cache_entry_is_rendered_again(tmp_path: Path, damage: str) -> None:
    """A cache file cut short or overwritten is replaced by a good rendering."""
    engine = CountingEngine(LibraryEngine())
    renderer = VoiceRenderer(tmp_path, engines=[engine])
    path = renderer.render(PHRASE)
    good = path.read_bytes()
    broken = {"truncate": good[: len(good) // 2], "garbage": b"x" * 500, "empty": b""}[damage]
    path.write_bytes(broken)
    again = renderer.render(PHRASE)
    assert again == path and check_wav(again) is None
    # espeak-ng's output may differ by a few samples from one call to the next.
    assert abs(len(again.read_bytes()) - len(good)) < len(good) // 50
    assert len(engine.calls) == 2


def test_failed_render_leaves_no_file(tmp_path: Path) -> None:
    """An engine failing half-way leaves neither a cache entry nor a temporary file."""
    renderer = VoiceRenderer(tmp_path, engines=[BrokenEngine()])
    with pytest.raises(SpeechUnavailable):
        renderer.render(PHRASE)
    assert list(tmp_path.iterdir()) == []


@needs_command
def test_falls_back_to_the_command_when_the_library_fails(tmp_path: Path) -> None:
    """When the first engine fails, the espeak-ng program speaks and no notice shows."""
    renderer = VoiceRenderer(tmp_path, engines=[BrokenEngine(), CommandEngine()])
    rms, _ = _rms_and_seconds(renderer.render(PHRASE))
    assert rms > 1000
    assert renderer.notice == ""


def test_missing_library_is_reported() -> None:
    """A library that cannot be loaded raises SpeechUnavailable, not OSError."""
    with pytest.raises(SpeechUnavailable, match="cannot load"):
        LibraryEngine(library_path="/nonexistent/libespeak-ng.so", data_path="/nonexistent")


def test_missing_program_is_reported() -> None:
    """A command that is not installed raises SpeechUnavailable naming it."""
    with pytest.raises(SpeechUnavailable, match="no-such-espeak"):
        CommandEngine("no-such-espeak")


def test_no_engine_turns_the_voice_off_with_a_notice(tmp_path: Path) -> None:
    """With no working engine, render_all returns nothing and the notice says why."""
    renderer = VoiceRenderer(tmp_path, engines=[BrokenEngine()])
    assert renderer.render_all([PHRASE, "Relax"]) == {}
    assert not renderer.available
    assert renderer.notice.startswith("Voice cues are off")
    assert "the broken engine broke" in renderer.notice


def test_render_all_reports_progress_once_per_distinct_phrase(tmp_path: Path) -> None:
    """Duplicates and blank texts are skipped; progress counts up to the total."""
    renderer = VoiceRenderer(tmp_path, engines=[LibraryEngine()])
    seen: list[tuple[int, int]] = []
    done = renderer.render_all(["Relax", "", "3", "Relax", "  ", "Well done"],
                               lambda d, t: seen.append((d, t)))
    assert list(done) == ["Relax", "3", "Well done"]
    assert seen == [(0, 3), (1, 3), (2, 3), (3, 3)]
    assert all(check_wav(path) is None for path in done.values())


@needs_command
def test_render_all_in_parallel_with_the_command(tmp_path: Path) -> None:
    """The command engine renders several phrases at once, each to its own file."""
    renderer = VoiceRenderer(tmp_path, engines=[CommandEngine()])
    phrases = [f"Step {n}" for n in range(1, 9)]
    done = renderer.render_all(phrases)
    assert list(done) == phrases and len(set(done.values())) == 8


def test_progress_can_cancel(tmp_path: Path) -> None:
    """An exception raised by the progress callback stops render_all."""

    class Stop(Exception):
        pass

    def progress(done: int, total: int) -> None:
        if done == 1:
            raise Stop

    engine = CountingEngine(LibraryEngine())
    with pytest.raises(Stop):
        VoiceRenderer(tmp_path, engines=[engine]).render_all(["One", "Two", "Three"], progress)
    assert engine.calls == ["One"]


def test_stale_temporary_files_are_removed(tmp_path: Path) -> None:
    """A temporary file left by a killed render is cleared; a fresh one is kept."""
    old, new = tmp_path / ".abc.tmp", tmp_path / ".def.tmp"
    old.write_bytes(b"RIFF")
    new.write_bytes(b"RIFF")
    an_hour_ago = time.time() - 7200
    os.utime(old, (an_hour_ago, an_hour_ago))
    VoiceRenderer(tmp_path, engines=[LibraryEngine()]).render_all(["Relax"])
    assert not old.exists() and new.exists()
