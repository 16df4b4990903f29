"""The speech schedule: every phrase placed without overlap, by priority, outside cue sounds."""

from __future__ import annotations

from itertools import pairwise
from pathlib import Path

import pytest
from hypothesis import given, settings

from stretchapp.core.loading.library import Library, load_library
from stretchapp.core.model import Routine, Side
from stretchapp.core.session.controls import Status
from stretchapp.core.session.cues import Cue, CueKind, all_cues
from stretchapp.core.session.engine import SessionEngine
from stretchapp.core.session.speech_schedule import (
    Priority,
    SpeechSchedule,
    build_schedule,
    estimated_seconds,
    overlaps,
    phrase_seconds,
    playing_cues,
    sound_seconds,
)
from stretchapp.core.session.timeline import build_timeline
from stretchapp.core.sound.voice import VoiceRenderer
from stretchapp.core.storage import paths
from tests.helpers.routines import FakeClock, routine, routines, step

SOUNDS = {"next": 0.5, "start": 1.2, "tick": 0.12, "halfway": 0.8, "switch": 0.6,
          "rest": 1.0, "count": 0.25, "finish": 1.8}


def schedule_of(r: Routine, lengths: dict[str, float] | None = None,
                sounds: dict[str, float] | None = None) -> tuple[SpeechSchedule, list[Cue]]:
    timeline = build_timeline(r)
    cues = all_cues(timeline, r.cues)
    return build_schedule(timeline, cues, lengths or {}, sounds or SOUNDS), cues


def check_schedule(r: Routine, schedule: SpeechSchedule, cues: list[Cue],
                   sounds: dict[str, float]) -> None:
    """The invariants every schedule keeps (asserted, with the routine named)."""
    assert overlaps(schedule) == [], r.id
    timeline = build_timeline(r)
    spans = [(c.due, c.due + sounds.get(c.sound, 0.0)) for c in cues if c.sound]
    for u in schedule.spoken:
        inside = [s for s in spans if s[0] - 1e-6 <= u.start < s[1] - 1e-6]
        assert not inside, f"{r.id}: {u.cue.text!r} starts inside a cue sound {inside}"
        phase = timeline[u.cue.phase_index]
        assert phase.start <= u.start < phase.end, f"{r.id}: {u.cue.text!r} leaves its phase"
        assert u.start >= u.cue.due
    # A phrase is only ever cut short by the next one, and that one outranks it.
    spoken = schedule.spoken
    for a, b in pairwise(spoken):
        if a.shortened:
            assert b.priority > a.priority and abs(a.end - b.start) < 0.2, (r.id, a, b)
    counts = [c for c in cues if c.kind is CueKind.COUNT and c.text]
    said = {(u.cue.phase_index, u.cue.number) for u in spoken if u.cue.kind is CueKind.COUNT}
    assert said == {(c.phase_index, c.number) for c in counts}, f"{r.id}: a count is dropped"


@pytest.fixture(scope="module")
def library() -> Library:
    return load_library(user_dir=None)


@pytest.fixture(scope="module")
def rendered_lengths(library: Library, tmp_path_factory: pytest.TempPathFactory
                     ) -> dict[str, float]:
    """Every phrase of every built-in routine, rendered by the real voice (estimated without)."""
    phrases = {c.text for r in library.routines.values()
               for c in all_cues(build_timeline(r), r.cues) if c.text}
    renderer = VoiceRenderer(tmp_path_factory.mktemp("voice"))
    if not renderer.available:
        return {text: estimated_seconds(text) for text in phrases}
    return phrase_seconds(renderer.render_all(sorted(phrases)))


def test_every_builtin_routine_has_a_clean_schedule(library: Library,
                                                    rendered_lengths: dict[str, float]) -> None:
    """Whole schedules of every built-in routine: no overlap, no word in a sound, all counts."""
    assert library.routines
    for r in library.routines.values():
        sounds = sound_seconds(r, paths.sounds_dir())
        timeline = build_timeline(r)
        cues = all_cues(timeline, r.cues)
        schedule = build_schedule(timeline, cues, rendered_lengths, sounds)
        check_schedule(r, schedule, cues, sounds)
        kept = {u.cue for u in schedule.spoken}
        assert any(u.cue.kind is CueKind.SAFETY for u in schedule.spoken), r.id
        # Side changes are never lost either.
        switches = [c for c in cues if c.text == "Switch sides"]
        assert all(c in kept for c in switches), r.id


def test_count_one_is_said_after_the_start_sound_and_the_name_gives_way() -> None:
    """Count 1 shares its instant with the start sound and the name: "one" is said, after it."""
    r = routine(step("Heel raise", count=4, tempo=2, prepare=0), countdown=0)
    schedule, _ = schedule_of(r, {"Heel raise": 1.5, "1": 0.4, "2": 0.4, "3": 0.4, "4": 0.4})
    ones = [u for u in schedule.spoken if u.cue.kind is CueKind.COUNT and u.cue.number == 1]
    assert len(ones) == 1 and ones[0].start == pytest.approx(1.2)
    assert "Heel raise" in [c.text for c in schedule.dropped]
    assert [u.cue.number for u in schedule.spoken if u.cue.kind is CueKind.COUNT] == [1, 2, 3, 4]


def test_rest_is_said_after_the_rest_sound() -> None:
    """"Rest" waits for the 1 s rest sound instead of starting inside it."""
    r = routine(step("A", hold=5), step("B", hold=5), countdown=0)
    schedule, _ = schedule_of(r)
    rest = [u for u in schedule.spoken if u.cue.text == "Rest"]
    assert rest and rest[0].start == pytest.approx(rest[0].cue.due + 1.0)


def test_a_lesser_phrase_is_shortened_only_by_a_higher_one() -> None:
    """A long name that would run into a countdown number is cut there, or dropped."""
    r = routine(step("A", hold=4, prepare=0), countdown=2)
    long_name = {"A": 1.9, "2": 0.3, "1": 0.3}
    schedule, _ = schedule_of(r, long_name)
    name = [u for u in schedule.spoken if u.cue.text == "A"]
    # The start sound ends at 1.2 and "2" starts at 2.12: 0.84 s of 1.9 is too little.
    assert name == [] and "A" in [c.text for c in schedule.dropped]
    schedule, _ = schedule_of(r, {**long_name, "A": 1.0})
    name = [u for u in schedule.spoken if u.cue.text == "A"]
    assert name and name[0].shortened and name[0].end <= 2.12


def test_side_change_outranks_an_announcement() -> None:
    """"Switch sides" keeps its slot; the announcement competing with it moves or goes."""
    r = routine(step("A", hold=3, sides=(Side.LEFT, Side.RIGHT), switch=2, prepare=0),
                countdown=0)
    schedule, _ = schedule_of(r, {"A": 3.0, "Switch sides": 0.8})
    switch = [u for u in schedule.spoken if u.cue.text == "Switch sides"]
    assert switch and switch[0].priority is Priority.SIDE and not switch[0].shortened


def test_playing_cues_split_sounds_from_words() -> None:
    """The engine gets each sound at its instant without words, and each phrase at its start."""
    r = routine(step("A", hold=6, prepare=2), countdown=3)
    schedule, cues = schedule_of(r)
    played = playing_cues(cues, schedule)
    sounds = [c for c in played if c.sound]
    words = [c for c in played if not c.sound]
    assert [(c.due, c.sound) for c in sounds] == [(c.due, c.sound) for c in cues if c.sound]
    assert all(c.text == "" for c in sounds if c.kind is not CueKind.FINISHED)
    assert sorted(c.due for c in words) == sorted(u.start for u in schedule.spoken)
    assert [c.text for c in sounds if c.kind is CueKind.FINISHED] == ["Well done"]


def test_sound_seconds_reads_the_real_sounds() -> None:
    """The built-in cue sounds' lengths come from their WAV files."""
    r = routine(step())
    lengths = sound_seconds(r, paths.sounds_dir())
    assert lengths["start"] == pytest.approx(1.2) and lengths["tick"] == pytest.approx(0.12)


def test_phrase_seconds_skips_unreadable_files(tmp_path: Path) -> None:
    """A phrase whose WAV is broken is left out, so it is estimated instead."""
    bad = tmp_path / "bad.wav"
    bad.write_bytes(b"not a wav")
    assert phrase_seconds({"Rest": bad}) == {}


@settings(max_examples=60, deadline=None)
@given(r=routines())
def test_any_routine_has_no_overlap_and_no_word_in_a_sound(r: Routine) -> None:
    """Any routine, estimated phrase lengths: no overlap, nothing starts inside a sound."""
    schedule, cues = schedule_of(r)
    assert overlaps(schedule) == []
    timeline = build_timeline(r)
    spans = [(c.due, c.due + SOUNDS.get(c.sound, 0.0)) for c in cues if c.sound]
    for u in schedule.spoken:
        assert not [s for s in spans if s[0] - 1e-6 <= u.start < s[1] - 1e-6]
        phase = timeline[u.cue.phase_index]
        assert phase.start <= u.start < phase.end
    assert len(schedule.spoken) + len(schedule.dropped) == len(
        [c for c in cues if c.text and c.kind is not CueKind.FINISHED])


@settings(max_examples=30, deadline=None)
@given(r=routines())
def test_the_engine_says_each_phrase_at_its_planned_start(r: Routine) -> None:
    """An engine given playing_cues hands out each phrase exactly at its schedule's start."""
    schedule, cues = schedule_of(r)
    clock = FakeClock()
    engine = SessionEngine(r, clock, cues=playing_cues(cues, schedule))
    engine.start()
    start = clock.now
    heard: list[tuple[float, str]] = []
    while engine.status is Status.RUNNING:
        heard += [(clock.now - start, e.text) for e in engine.tick()
                  if isinstance(e, Cue) and not e.sound and e.text]
        due = engine.next_deadline()
        if due is None:  # finished by that tick
            break
        clock.now = max(clock.now, min(due, clock.now + 1.0))
    planned = [(u.start, u.cue.text) for u in schedule.spoken]
    assert [t for _, t in heard] == [t for _, t in planned]
    assert all(abs(a - b) < 1e-6 for (a, _), (b, _) in zip(heard, planned, strict=True))
