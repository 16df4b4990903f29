"""The cues of a timeline: which, when, with what sound and words, in what order."""

from __future__ import annotations

from hypothesis import given

from stretchapp.core.model import CueSettings, Routine
from stretchapp.core.session.cues import Cue, CueKind, CueSound, all_cues, cue_order, cues_for_phase
from stretchapp.core.session.timeline import PhaseKind, build_timeline
from stretchapp.core.sound.cue_sounds import CUE_SOUND_NAMES
from tests.helpers.routines import BOTH, routine, routines, step, three_steps


def cues_of(r: Routine) -> list[Cue]:
    """Every cue of a routine, played with its own settings."""
    return all_cues(build_timeline(r), r.cues)


def test_cue_sounds_are_the_sounds_the_assets_provide() -> None:
    """Every CueSound names one of the built-in cue WAVs, and the other way round."""
    assert {sound.value for sound in CueSound} == set(CUE_SOUND_NAMES)


def test_each_phase_starts_with_its_sound_and_words() -> None:
    """A phase-start cue at each phase's start, with the sound of its kind and its say text."""
    r = three_steps()
    timeline = build_timeline(r)
    starts = [c for c in cues_of(r) if c.kind is CueKind.PHASE_START]
    assert [(c.phase_index, c.due, c.text) for c in starts] == [
        (p.index, float(p.start), p.say) for p in timeline
    ]
    sounds = {c.phase_kind: c.sound for c in starts}
    assert sounds == {
        PhaseKind.PREPARE: "next",
        PhaseKind.HOLD: "start",
        PhaseKind.COUNT: "start",
        PhaseKind.SWITCH: "switch",
        PhaseKind.RELAX: "rest",
        PhaseKind.REST: "rest",
    }


def test_countdown_ticks_on_the_last_seconds_of_a_hold() -> None:
    """Countdown 3 on a 10 s hold ticks "3", "2", "1" at 3, 2 and 1 s before its end."""
    hold = build_timeline(routine(step(hold=10, prepare=2)))[1]
    ticks = [
        c for c in cues_for_phase(hold, CueSettings(countdown=3)) if c.kind is CueKind.COUNTDOWN
    ]
    assert [(c.due, c.text, c.number, c.sound) for c in ticks] == [
        (9.0, "3", 3, "tick"),
        (10.0, "2", 2, "tick"),
        (11.0, "1", 1, "tick"),
    ]


def test_countdown_zero_is_off() -> None:
    """With countdown 0 a hold has no ticks."""
    cues = cues_of(routine(step(hold=10), countdown=0))
    assert not [c for c in cues if c.kind is CueKind.COUNTDOWN]


def test_countdown_never_ticks_on_the_first_instant() -> None:
    """A countdown as long as the hold leaves out the tick that would fall on its start."""
    hold = build_timeline(routine(step(hold=3, prepare=0)))[0]
    ticks = [c.number for c in cues_for_phase(hold, CueSettings(countdown=5))]
    assert ticks == [None, 2, 1]


def test_halfway_only_when_asked_and_per_side() -> None:
    """Halfway falls at the half of each hold, each side's too, only when the routine asks."""
    sided = routine(step(hold=10, sides=BOTH, prepare=2, switch=1), halfway=True)
    halves = [(c.due, c.text, c.sound) for c in cues_of(sided) if c.kind is CueKind.HALFWAY]
    assert halves == [(7.0, "Halfway", "halfway"), (18.0, "Halfway", "halfway")]
    plain = routine(step(hold=10, sides=BOTH), halfway=False)
    assert not [c for c in cues_of(plain) if c.kind is CueKind.HALFWAY]


def test_halfway_is_left_out_inside_the_countdown() -> None:
    """A halfway cue that would fall within the countdown is left out."""
    short = routine(step(hold=6), halfway=True, countdown=3)
    assert not [c for c in cues_of(short) if c.kind is CueKind.HALFWAY]
    odd = routine(step(hold=9, prepare=0), halfway=True, countdown=3)
    assert [c.due for c in cues_of(odd) if c.kind is CueKind.HALFWAY] == [4.5]


def test_count_cues_at_each_repetition_after_the_phase_start() -> None:
    """A counted movement counts "1".."n" a tempo apart, its start cue before "1"."""
    count = build_timeline(routine(step(count=4, tempo=2, prepare=3)))[1]
    cues = cues_for_phase(count, CueSettings(countdown=3, halfway=True))
    assert [(c.kind, c.due, c.text, c.number) for c in cues] == [
        (CueKind.PHASE_START, 3.0, "Neck tilt", None),
        (CueKind.COUNT, 3.0, "1", 1),
        (CueKind.COUNT, 5.0, "2", 2),
        (CueKind.COUNT, 7.0, "3", 3),
        (CueKind.COUNT, 9.0, "4", 4),
    ]
    assert {c.sound for c in cues[1:]} == {"count"}


def test_pauses_have_only_their_start_cue() -> None:
    """Prepare, switch, relax and rest get one cue each, however long they are."""
    r = routine(
        step("A", hold=5, sides=BOTH, reps=2, prepare=9, switch=9, relax=9, rest=9),
        step("B"),
        halfway=True,
    )
    pauses = [c for c in cues_of(r) if c.phase_kind not in (PhaseKind.HOLD, PhaseKind.COUNT)
              and c.kind is not CueKind.SAFETY]
    assert {c.kind for c in pauses[:-1]} == {CueKind.PHASE_START}


def test_well_done_is_the_last_cue_at_the_end() -> None:
    """The routine ends with one "Well done" at its total, after every other cue."""
    r = three_steps()
    cues = cues_of(r)
    finished = [c for c in cues if c.kind is CueKind.FINISHED]
    assert finished == [cues[-1]]
    assert (cues[-1].due, cues[-1].text, cues[-1].sound) == (r.total_seconds, "Well done", "finish")
    assert cues[-1].phase_index == len(build_timeline(r)) - 1


def test_voice_off_keeps_sounds_and_drops_words() -> None:
    """With voice off every cue is still there with its sound, and says nothing.

    The spoken safety line, a cue without a sound, is the one left out.
    """
    spoken, silent = cues_of(three_steps()), cues_of(routine(*three_steps().steps, voice=False))
    assert [c.text for c in spoken if not c.sound] == ["Stop if anything hurts sharply"]
    spoken = [c for c in spoken if c.sound]
    assert [(c.kind, c.due, c.sound) for c in spoken] == [(c.kind, c.due, c.sound) for c in silent]
    assert {c.text for c in silent} == {""}


def test_empty_timeline_has_no_cues() -> None:
    """A routine of zero length has no cues at all, not even "Well done"."""
    assert all_cues((), CueSettings()) == []


@given(routines())
def test_cues_are_in_time_order_and_inside_their_phase(r: Routine) -> None:
    """all_cues is sorted by time and each cue falls within its phase (Well done at its end)."""
    timeline = build_timeline(r)
    cues = all_cues(timeline, r.cues)
    assert cues == sorted(cues, key=cue_order)
    assert [c.due for c in cues] == sorted(c.due for c in cues)
    for cue in cues:
        phase = timeline[cue.phase_index]
        assert cue.phase_kind is phase.kind
        assert cue.sound in CUE_SOUND_NAMES or (cue.kind is CueKind.SAFETY and cue.text)
        if cue.kind is CueKind.FINISHED:
            assert cue.due == phase.end
        else:
            assert phase.start <= cue.due < phase.end


@given(routines())
def test_no_two_cues_share_a_phase_kind_and_time(r: Routine) -> None:
    """Cues are never duplicated: kind, time and phase together are unique."""
    cues = cues_of(r)
    keys = [(c.phase_index, c.kind, c.due) for c in cues]
    assert len(keys) == len(set(keys))
