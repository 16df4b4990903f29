"""The built-in cue sounds, and the check a routine's own sounds must pass."""

from __future__ import annotations

import importlib.util
import itertools
import struct
import wave
from pathlib import Path
from types import ModuleType

import pytest

from stretchapp.core.session.cues import CueSound
from stretchapp.core.sound.cue_sounds import CUE_SOUND_NAMES, check_wav, read_wav_info
from stretchapp.core.storage import paths

REPO = Path(__file__).resolve().parents[2]


def _load_script() -> ModuleType:
    script = REPO / "scripts" / "make_sounds.py"
    spec = importlib.util.spec_from_file_location("make_sounds", script)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _samples(path: Path) -> list[int]:
    with wave.open(str(path)) as wav:
        data = wav.readframes(wav.getnframes())
    return [value for (value,) in struct.iter_unpack("<h", data)]


def _write_wav(path: Path, seconds: float, *, rate: int = 8000, value: int = 1000) -> Path:
    with wave.open(str(path), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(rate)
        out.writeframes(struct.pack("<h", value) * round(seconds * rate))
    return path


def test_cue_sound_names_match_the_engine() -> None:
    """Every sound the engine's cues name can be replaced, and no other."""
    assert set(CUE_SOUND_NAMES) == {sound.value for sound in CueSound}


def test_script_reproduces_the_committed_sounds(tmp_path: Path) -> None:
    """scripts/make_sounds.py writes exactly the bytes committed in assets/sounds."""
    _load_script().main(["--out", str(tmp_path)])
    for name in CUE_SOUND_NAMES:
        made = (tmp_path / f"{name}.wav").read_bytes()
        assert made == (paths.sounds_dir() / f"{name}.wav").read_bytes(), name


@pytest.mark.parametrize("name", CUE_SOUND_NAMES)
def test_built_in_sound_format(name: str) -> None:
    """Each built-in sound is 16-bit mono 44.1 kHz PCM, short, and passes check_wav."""
    path = paths.sounds_dir() / f"{name}.wav"
    info = read_wav_info(path)
    assert (info.channels, info.sample_width, info.sample_rate) == (1, 2, 44100)
    assert 0.1 <= info.seconds <= 2.0
    assert check_wav(path) is None


@pytest.mark.parametrize("name", CUE_SOUND_NAMES)
def test_built_in_sound_has_no_clicks(name: str) -> None:
    """A sound starts and ends at zero, never jumps, and stays clear of clipping."""
    samples = _samples(paths.sounds_dir() / f"{name}.wav")
    assert samples[0] == 0 and samples[-1] == 0
    assert max(abs(s) for s in samples) <= 0.6 * 32767
    assert max(abs(b - a) for a, b in itertools.pairwise(samples)) < 0.2 * 32767
    # The first and last 2 ms rise from and fall to near silence.
    edge = 88
    assert max(abs(s) for s in samples[:edge // 4]) < 0.1 * 32767
    assert max(abs(s) for s in samples[-edge:]) < 0.05 * 32767


def test_built_in_sounds_are_distinct() -> None:
    """No two cue sounds are the same length and loudness envelope."""
    shapes = set()
    for name in CUE_SOUND_NAMES:
        samples = _samples(paths.sounds_dir() / f"{name}.wav")
        tenth = len(samples) // 10
        envelope = tuple(
            round(max(abs(s) for s in samples[i * tenth:(i + 1) * tenth]) / 3000)
            for i in range(10)
        )
        shapes.add((len(samples), envelope))
    assert len(shapes) == len(CUE_SOUND_NAMES)


def test_check_wav_accepts_a_short_pcm_file(tmp_path: Path) -> None:
    """A plain 2 s PCM WAV is accepted."""
    assert check_wav(_write_wav(tmp_path / "gong.wav", 2.0)) is None


def test_check_wav_refuses_a_long_sound(tmp_path: Path) -> None:
    """A 45 s sound is refused with its length and the limit."""
    path = _write_wav(tmp_path / "long.wav", 45.0)
    assert check_wav(path) == "sound is 45 s long, at most 10 s"


def test_check_wav_refuses_other_files(tmp_path: Path) -> None:
    """Text, an empty file and a missing file each get their own message."""
    text = tmp_path / "notes.wav"
    text.write_text("hello, this is not a sound\n", encoding="utf-8")
    empty = tmp_path / "empty.wav"
    empty.write_bytes(b"")
    assert check_wav(text) == "not a WAV file"
    assert check_wav(empty) == "not a WAV file"
    assert (check_wav(tmp_path / "missing.wav") or "").startswith("cannot read the file")


def test_check_wav_refuses_a_cut_short_file(tmp_path: Path) -> None:
    """A WAV whose data stops before its header says is refused."""
    path = _write_wav(tmp_path / "cut.wav", 1.0)
    path.write_bytes(path.read_bytes()[:-100])
    assert check_wav(path) == "WAV file is cut short"


def test_check_wav_refuses_compressed_and_silent_files(tmp_path: Path) -> None:
    """A non-PCM WAV and one with no frames are refused."""
    path = _write_wav(tmp_path / "float.wav", 0.5)
    data = bytearray(path.read_bytes())
    data[20:22] = struct.pack("<H", 3)  # IEEE float
    path.write_bytes(bytes(data))
    assert "not plain PCM" in (check_wav(path) or "")
    assert check_wav(_write_wav(tmp_path / "none.wav", 0.0)) == "WAV file has no sound data"


def test_check_wav_refuses_a_huge_file(tmp_path: Path) -> None:
    """A file over 8 MiB is refused before it is parsed."""
    path = tmp_path / "huge.wav"
    path.write_bytes(b"RIFF" + b"\0" * (9 * 1024 * 1024))
    assert check_wav(path) == "sound file is 9 MiB, at most 8"


def test_read_wav_info_skips_unknown_chunks(tmp_path: Path) -> None:
    """A LIST chunk before the data (as editors write) is stepped over."""
    path = _write_wav(tmp_path / "tagged.wav", 1.0)
    raw = path.read_bytes()
    extra = b"LIST" + struct.pack("<I", 5) + b"abcde\0"
    raw = raw[:36] + extra + raw[36:]
    raw = raw[:4] + struct.pack("<I", len(raw) - 8) + raw[8:]
    path.write_bytes(raw)
    info = read_wav_info(path)
    assert info.frames == 8000 and info.data_offset == 44 + len(extra)


def _extensible_wav(path: Path, encoding: int) -> Path:
    guid_tail = b"\x00\x00\x00\x00\x10\x00\x80\x00\x00\xaa\x00\x38\x9b\x71"
    fmt = struct.pack("<HHIIHH", 0xFFFE, 1, 8000, 32000, 4, 32)
    fmt += struct.pack("<HHI", 22, 32, 4) + struct.pack("<H", encoding) + guid_tail
    data = b"\0\0\0\0" * 800
    body = b"WAVE" + b"fmt " + struct.pack("<I", len(fmt)) + fmt
    body += b"data" + struct.pack("<I", len(data)) + data
    path.write_bytes(b"RIFF" + struct.pack("<I", len(body)) + body)
    return path


def test_check_wav_reads_the_extensible_format(tmp_path: Path) -> None:
    """WAVE_FORMAT_EXTENSIBLE is judged by its sub-format: PCM passes, float does not."""
    assert check_wav(_extensible_wav(tmp_path / "pcm.wav", 1)) is None
    assert "not plain PCM" in (check_wav(_extensible_wav(tmp_path / "float.wav", 3)) or "")
