"""The PCM mixer behind the app's one audio stream: decoding, mixing, stopping."""

from __future__ import annotations

import struct
import threading
import wave
from array import array
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from stretchapp.core.sound.cue_sounds import WavError
from stretchapp.core.sound.pcm_mix import RATE, PcmMixer, decode_wav
from stretchapp.core.storage.paths import sounds_dir


def write_wav(path: Path, samples: list[int], rate: int = RATE, channels: int = 1,
              width: int = 2) -> Path:
    with wave.open(str(path), "wb") as out:
        out.setnchannels(channels)
        out.setsampwidth(width)
        out.setframerate(rate)
        if width == 2:
            out.writeframes(struct.pack(f"<{len(samples)}h", *samples))
        else:
            out.writeframes(bytes(samples))
    return path


def as_samples(data: bytes) -> list[int]:
    return list(array("h", data))


def test_built_in_sounds_decode_to_their_length() -> None:
    """Every built-in cue sound decodes to as many samples as its file has frames."""
    for path in sorted(sounds_dir().glob("*.wav")):
        with wave.open(str(path)) as source:
            frames = source.getnframes()
        assert len(decode_wav(path)) == frames * 2, path.name


def test_speech_rate_is_doubled_and_stereo_is_averaged(tmp_path: Path) -> None:
    """22.05 kHz doubles each sample; a stereo frame becomes the mean of its two sides."""
    half = write_wav(tmp_path / "half.wav", [100, -200, 300], rate=RATE // 2)
    assert as_samples(decode_wav(half)) == [100, 100, -200, -200, 300, 300]
    stereo = write_wav(tmp_path / "st.wav", [1000, 3000, -10, -30], channels=2)
    assert as_samples(decode_wav(stereo)) == [2000, -20]


def test_eight_bit_samples_are_centred(tmp_path: Path) -> None:
    """Unsigned 8-bit samples map to signed 16-bit around zero."""
    path = write_wav(tmp_path / "u8.wav", [128, 255, 0], width=1)
    assert as_samples(decode_wav(path)) == [0, 127 << 8, -128 << 8]


def test_a_broken_file_is_a_wav_error(tmp_path: Path) -> None:
    """Text named .wav raises WavError, which the sink reports, never a crash."""
    path = tmp_path / "bad.wav"
    path.write_text("not sound")
    with pytest.raises(WavError):
        decode_wav(path)


def test_two_clips_mix_and_clip_at_the_limits() -> None:
    """Overlapping clips add up, clipped to 16 bits; the mix ends with silence."""
    mixer = PcmMixer()
    loud = array("h", [30000, -30000, 5]).tobytes()
    mixer.set_clips({"a": loud, "b": loud})
    assert mixer.play("a") and mixer.play("b")
    assert as_samples(mixer.read(10)) == [32767, -32768, 10, 0, 0]
    assert mixer.playing == []
    assert mixer.read(4) == bytes(4)


def test_stop_and_unknown_names() -> None:
    """stop(name) ends only that clip; an unknown name plays nothing; stop() ends all."""
    mixer = PcmMixer()
    mixer.set_clips({"a": array("h", [1] * 8).tobytes(), "b": array("h", [2] * 8).tobytes()})
    assert not mixer.play("nope")
    mixer.play("a")
    mixer.play("b")
    mixer.stop("a")
    assert as_samples(mixer.read(4)) == [2, 2]
    mixer.stop()
    assert mixer.read(4) == bytes(4)


def test_replacing_a_clip_stops_its_voice() -> None:
    """A clip whose data changed in set_clips stops; an unchanged one plays on."""
    mixer = PcmMixer()
    same = array("h", [7] * 8).tobytes()
    mixer.set_clips({"a": same, "b": array("h", [1] * 8).tobytes()})
    mixer.play("a")
    mixer.play("b")
    mixer.set_clips({"a": same, "b": array("h", [9] * 8).tobytes()})
    assert mixer.playing == ["a"]


@given(st.lists(st.integers(-32768, 32767), min_size=1, max_size=200),
       st.integers(1, 64))
def test_reading_in_any_pieces_gives_the_clip_back(samples: list[int], piece: int) -> None:
    """However the stream reads, one clip comes out whole, in order, then silence."""
    mixer = PcmMixer()
    mixer.set_clips({"c": array("h", samples).tobytes()})
    mixer.play("c")
    out = b""
    while len(out) < len(samples) * 2 + 4:
        out += mixer.read(piece * 2)
    assert as_samples(out)[: len(samples)] == samples
    assert set(as_samples(out)[len(samples):]) <= {0}


def test_play_and_read_from_two_threads() -> None:
    """The GUI thread may play while another thread reads: no error, every voice ends."""
    mixer = PcmMixer()
    mixer.set_clips({"c": array("h", [1] * 400).tobytes()})
    stop = threading.Event()

    def reader() -> None:
        while not stop.is_set():
            mixer.read(64)

    thread = threading.Thread(target=reader)
    thread.start()
    for _ in range(300):
        mixer.play("c")
    stop.set()
    thread.join()
    while mixer.playing:
        mixer.read(4096)
    assert mixer.read(8) == bytes(8)
