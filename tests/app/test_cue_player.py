"""CuePlayer: every cue's sound and words reach the sink, on time, as the settings say."""

from __future__ import annotations

import builtins
import dataclasses
import shutil
import struct
import wave
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from stretchapp.app.cue_player import CuePlayer, phrase_clip, routine_phrases
from stretchapp.app.session_ticker import SessionTicker
from stretchapp.app.voice_preparer import VoicePreparer
from stretchapp.core.model import CueSettings, Routine
from stretchapp.core.session.controls import Control, Status
from stretchapp.core.session.cues import Cue, CueKind, all_cues
from stretchapp.core.session.engine import SessionEngine
from stretchapp.core.session.timeline import PhaseKind, build_timeline
from stretchapp.core.sound.cue_sink import RecordingSink, SilentSink
from stretchapp.core.sound.cue_sounds import CUE_SOUND_NAMES
from stretchapp.core.sound.voice import LibraryEngine, SpeechEngine, SpeechUnavailable
from stretchapp.core.storage import paths
from stretchapp.core.wording.sound import NO_OUTPUT_NOTICE
from tests.helpers.routines import BOTH, FakeClock, routine, step, three_steps


class NoEngine(SpeechEngine):
    """An engine that can never speak."""

    name = "none"

    @property
    def version(self) -> str:
        return "0"

    def render(self, text: str, voice: str, rate: int, target: Path) -> None:
        raise SpeechUnavailable("no speech here")


@pytest.fixture
def preparer(qtbot: QtBot, tmp_path: Path) -> Iterator[VoicePreparer]:
    """A VoicePreparer on the bundled espeak-ng library, caching under tmp_path."""
    made = VoicePreparer(tmp_path / "voice", engines=[LibraryEngine()])
    yield made
    made.cancel()
    made.wait()


def ready_player(qtbot: QtBot, sink: RecordingSink, preparer: VoicePreparer | None,
                 r: Routine, **options: float) -> CuePlayer:
    """A CuePlayer that has prepared r, its phrases rendered."""
    player = CuePlayer(sink, preparer, **options)  # type: ignore[arg-type]
    player.prepare(r)
    qtbot.waitUntil(lambda: player.ready, timeout=10000)
    return player


def cue(text: str, due: float, sound: str = "tick", kind: CueKind = CueKind.COUNTDOWN) -> Cue:
    """A hand-made cue of the first phase."""
    return Cue(kind=kind, due=due, phase_index=0, phase_kind=PhaseKind.HOLD, sound=sound,
               text=text, number=None)


def test_cues_reach_the_sink_at_their_planned_times(qtbot: QtBot,
                                                    preparer: VoicePreparer) -> None:
    """Driven by a SessionTicker on a fake clock, each sound and phrase plays at its due time."""
    r = routine(step("Neck tilt", hold=6), step("Calf stretch", hold=4, sides=BOTH),
                countdown=2, halfway=True)
    clock = FakeClock()
    sink = RecordingSink(clock)
    player = ready_player(qtbot, sink, preparer, r, voice_gap=0.0)
    engine = SessionEngine(r, clock)
    ticker = SessionTicker(engine, refresh_ms=5)
    ticker.cueDue.connect(player.play_cue)
    ticker.stateChanged.connect(player.follow_state)
    ticker.apply(Control.START)
    start = clock.now
    qtbot.wait(1)
    while engine.status is Status.RUNNING:
        deadline = engine.next_deadline()
        assert deadline is not None
        # To the next deadline, never more than a second at once (a longer
        # jump would look like a suspended computer and auto-pause).
        clock.now = max(clock.now, min(deadline, clock.now + 1.0))
        with qtbot.waitSignal(ticker.stateChanged, timeout=2000):
            pass
        qtbot.wait(1)  # let the words that follow a sound start

    expected = all_cues(build_timeline(r), r.cues)
    sounds = [(p.name, p.at - start) for p in sink.played if p.name in CUE_SOUND_NAMES]
    assert sounds == [(c.sound, c.due) for c in expected if c.sound]
    words = [(p.name, p.at - start) for p in sink.played if p.name not in CUE_SOUND_NAMES]
    # The spoken safety line (words alone) queues behind "First: ..." of its instant.
    assert [w for w in words if "anything hurts" not in w[0]] == [
        (phrase_clip(c.text), c.due) for c in expected if c.text and c.sound]


def test_words_follow_their_sound(qtbot: QtBot, preparer: VoicePreparer) -> None:
    """A phrase starts once its short sound has played, not over it."""
    sink = RecordingSink()
    player = ready_player(qtbot, sink, preparer, routine(step(hold=10)))
    player.play_cue(cue("3", 9.0))
    qtbot.waitUntil(lambda: len(sink.played) == 2)
    tick, word = sink.played
    assert (tick.name, word.name) == ("tick", "say:3")
    assert 0.1 <= word.at - tick.at < 0.3  # the tick lasts 0.12 s


def test_words_of_one_instant_are_said_in_turn(qtbot: QtBot, preparer: VoicePreparer) -> None:
    """Two phrases due at the same instant play one after the other, none cut off."""
    r = routine(step("Heel raise", count=4, tempo=2))
    sink = RecordingSink()
    player = ready_player(qtbot, sink, preparer, r, voice_gap=0.0)
    player.play_cue(cue("Heel raise", 2.0, "start", CueKind.PHASE_START))
    player.play_cue(cue("1", 2.0, "count", CueKind.COUNT))
    qtbot.waitUntil(lambda: len(sink.played) == 4, timeout=3000)
    names = [p.name for p in sink.played]
    assert names == ["start", "count", "say:Heel raise", "say:1"]
    assert sink.played[3].at - sink.played[2].at >= 0.4  # "Heel raise" takes about 0.6 s
    assert "say:Heel raise" not in sink.stopped


def test_later_words_cut_off_earlier_ones(qtbot: QtBot, preparer: VoicePreparer) -> None:
    """A cue due later stops the phrase still being said and says its own."""
    r = routine(step("Neck tilt", hold=4, prepare=1, say="Tilt your head slowly to one side"))
    sink = RecordingSink()
    player = ready_player(qtbot, sink, preparer, r, voice_gap=0.0)
    player.play_cue(cue("Tilt your head slowly to one side", 1.0, "start", CueKind.PHASE_START))
    qtbot.waitUntil(lambda: "say:Tilt your head slowly to one side" in sink.names)
    player.play_cue(cue("3", 2.0))
    qtbot.waitUntil(lambda: "say:3" in sink.names)
    assert "say:Tilt your head slowly to one side" in sink.stopped


def test_play_cue_reads_no_file(qtbot: QtBot, preparer: VoicePreparer,
                                monkeypatch: pytest.MonkeyPatch) -> None:
    """Once prepared, playing a cue opens no file: everything was loaded before."""
    r = three_steps()
    sink = RecordingSink()
    player = ready_player(qtbot, sink, preparer, r, voice_gap=0.0)

    def no_open(*args: object, **kwargs: object) -> None:
        raise AssertionError("a file was opened at cue time")

    monkeypatch.setattr(builtins, "open", no_open)
    monkeypatch.setattr(Path, "open", no_open)
    for each in all_cues(build_timeline(r), r.cues)[:6]:
        player.play_cue(each)
        qtbot.wait(5)
    monkeypatch.undo()
    assert sink.names[:4] == ["next", "say:First: Neck tilt", "start", "say:Neck tilt"]


def test_prepare_loads_every_sound_and_phrase(qtbot: QtBot, preparer: VoicePreparer) -> None:
    """The sink gets the eight built-in sounds and one clip per distinct phrase."""
    r = three_steps()
    sink = RecordingSink()
    player = ready_player(qtbot, sink, preparer, r)
    phrases = routine_phrases(r)
    assert set(sink.clips) == set(CUE_SOUND_NAMES) | {phrase_clip(t) for t in phrases}
    assert sink.clips["tick"] == paths.sounds_dir() / "tick.wav"
    assert player.progress == 1.0 and not player.preparing and player.notice == ""


def test_phrases_are_in_before_preparing_ends(qtbot: QtBot, preparer: VoicePreparer) -> None:
    """When `preparing` turns False, `ready` is True and every phrase is in the sink."""
    r = three_steps()
    sink = RecordingSink()
    player = CuePlayer(sink, preparer)
    seen: list[tuple[bool, bool, int]] = []
    player.preparingChanged.connect(
        lambda: seen.append((player.preparing, player.ready, len(sink.clips))))
    player.prepare(r)
    qtbot.waitUntil(lambda: bool(seen) and not seen[-1][0], timeout=10000)
    assert seen[-1] == (False, True, len(CUE_SOUND_NAMES) + len(routine_phrases(r)))


def test_voice_off_in_the_routine_renders_nothing(qtbot: QtBot,
                                                  preparer: VoicePreparer) -> None:
    """A routine with `voice: false` plays its sounds only."""
    r = routine(step(hold=6), voice=False)
    sink = RecordingSink()
    player = ready_player(qtbot, sink, preparer, r)
    assert set(sink.clips) == set(CUE_SOUND_NAMES)
    for each in all_cues(build_timeline(r), r.cues):
        player.play_cue(each)
    qtbot.wait(50)
    assert all(name in CUE_SOUND_NAMES for name in sink.names)


def test_voice_off_in_the_app_settings(qtbot: QtBot, preparer: VoicePreparer) -> None:
    """Turning the voice off silences phrases at once; turning it on brings them back."""
    sink = RecordingSink()
    player = ready_player(qtbot, sink, preparer, routine(step(hold=10)), voice_gap=0.0)
    with qtbot.waitSignal(player.voiceEnabledChanged):
        player.set_voice_enabled(False)
    assert player.voiceEnabled is False
    player.play_cue(cue("3", 9.0))
    qtbot.wait(30)
    assert sink.names == ["tick"]
    player.set_voice_enabled(True)
    player.play_cue(cue("2", 10.0))
    qtbot.waitUntil(lambda: "say:2" in sink.names)


def test_rate_change_renders_the_phrases_again(qtbot: QtBot, preparer: VoicePreparer) -> None:
    """A new speaking rate replaces every phrase clip with one said at that rate."""
    sink = RecordingSink()
    player = ready_player(qtbot, sink, preparer, routine(step(hold=10)))
    before = sink.clips[phrase_clip("Well done")]
    with qtbot.waitSignal(player.voiceRateChanged):
        player.set_voice_rate(110)
    qtbot.waitUntil(lambda: sink.clips[phrase_clip("Well done")] != before, timeout=5000)
    with wave.open(str(sink.clips[phrase_clip("Well done")])) as slow, \
            wave.open(str(before)) as normal:
        assert slow.getnframes() > normal.getnframes()


def test_volume_and_mute_reach_the_sink(qtbot: QtBot) -> None:
    """volume and muted are bindable properties passed on to the sink."""
    sink = RecordingSink()
    player = CuePlayer(sink)
    with qtbot.waitSignal(player.volumeChanged):
        player.set_volume(0.4)
    with qtbot.waitSignal(player.mutedChanged):
        player.set_muted(True)
    assert (player.volume, player.muted) == (pytest.approx(0.4), True)
    player.set_volume(7.0)
    assert sink.volume == 1.0
    player.play_cue(cue("", 1.0))
    assert (sink.played[-1].volume, sink.played[-1].muted) == (1.0, True)


def _write_gong(path: Path, seconds: float) -> Path:
    with wave.open(str(path), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(22050)
        out.writeframes(struct.pack("<h", 3000) * round(seconds * 22050))
    return path


def test_routine_sounds_replace_the_built_in_ones(qtbot: QtBot, tmp_path: Path) -> None:
    """A routine's `cues: sounds:` replace those sounds; a broken one falls back, noticed."""
    gong = _write_gong(tmp_path / "gong.wav", 1.0)
    long_bell = _write_gong(tmp_path / "bell.wav", 12.0)
    r = dataclasses.replace(
        routine(step(hold=6)),
        cues=CueSettings(sounds=(("start", gong), ("finish", long_bell))),
    )
    sink = RecordingSink()
    player = CuePlayer(sink)
    with qtbot.waitSignal(player.noticeChanged):
        player.prepare(r)
    assert sink.clips["start"] == gong
    assert sink.clips["finish"] == paths.sounds_dir() / "finish.wav"
    assert "bell.wav (sound is 12 s long, at most 10 s)" in player.notice


def test_no_audio_output_shows_cues_only(qtbot: QtBot, preparer: VoicePreparer) -> None:
    """Without audio the notice says so once, nothing is rendered, cues still go out."""
    player = CuePlayer(SilentSink(NO_OUTPUT_NOTICE), preparer)
    player.prepare(three_steps())
    assert player.notice == NO_OUTPUT_NOTICE
    assert player.audible is False and player.ready and not player.preparing
    assert player.progress == 1.0
    with qtbot.waitSignal(player.cuePlayed) as shown:
        player.play_cue(cue("3", 9.0))
    assert shown.args[0].text == "3"


def test_no_speech_engine_gives_a_notice(qtbot: QtBot, tmp_path: Path) -> None:
    """Where espeak-ng cannot speak, the sounds play and the notice says the voice is off."""
    preparer = VoicePreparer(tmp_path, engines=[NoEngine()])
    sink = RecordingSink()
    player = ready_player(qtbot, sink, preparer, routine(step(hold=10)), voice_gap=0.0)
    assert player.notice.startswith("Voice cues are off")
    player.play_cue(cue("3", 9.0))
    qtbot.wait(20)
    assert sink.names == ["tick"]


def test_pause_silences_but_finishing_does_not(qtbot: QtBot,
                                               preparer: VoicePreparer) -> None:
    """follow_state stops the words on a pause; the final "Well done" is left to finish."""
    clock = FakeClock()
    r = routine(step(hold=4, prepare=1))
    sink = RecordingSink(clock)
    player = ready_player(qtbot, sink, preparer, r, voice_gap=0.0)
    ticker = SessionTicker(SessionEngine(r, clock), refresh_ms=5)
    ticker.cueDue.connect(player.play_cue)
    ticker.stateChanged.connect(player.follow_state)
    ticker.apply(Control.START)
    ticker.apply(Control.PAUSE)
    assert sink.stopped[-1] is None
    stops = len(sink.stopped)
    ticker.apply(Control.RESUME)
    for _ in range(10):
        clock.advance(1.0)
        ticker.pump()
    assert ticker.engine.status is Status.FINISHED
    assert None not in sink.stopped[stops:]


def test_sounds_dir_can_be_given(qtbot: QtBot, tmp_path: Path) -> None:
    """The built-in sounds are looked up in the folder given (a test or a theme)."""
    for name in CUE_SOUND_NAMES:
        shutil.copy(paths.sounds_dir() / f"{name}.wav", tmp_path / f"{name}.wav")
    sink = RecordingSink()
    CuePlayer(sink, sounds_dir=tmp_path).prepare(routine())
    assert sink.clips["tick"] == tmp_path / "tick.wav"
