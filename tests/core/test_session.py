"""The session engine playing a routine on a fake clock: timing, pauses, gaps and state."""

from __future__ import annotations

import random

import pytest

from stretchapp.core.model import Routine
from stretchapp.core.session.controls import Status
from stretchapp.core.session.cues import Cue, CueKind, all_cues
from stretchapp.core.session.engine import SessionEngine
from stretchapp.core.session.events import AutoPaused, Event, PhaseStarted, SessionFinished
from stretchapp.core.session.timeline import PhaseKind
from tests.helpers.routines import FakeClock, play, routine, run_for, step, three_steps


def started(
    r: Routine | None = None, *, gap_threshold: float = 2.0
) -> tuple[SessionEngine, FakeClock]:
    """An engine for `r` (three_steps by default), started on a fresh fake clock."""
    clock = FakeClock()
    engine = SessionEngine(r or three_steps(halfway=True), clock, gap_threshold=gap_threshold)
    engine.start()
    return engine, clock


def expected_events(engine: SessionEngine) -> list[Event]:
    """Every PhaseStarted and cue of an untouched playing, then SessionFinished."""
    events: list[Event] = []
    cues = all_cues(engine.timeline, engine.routine.cues)
    for phase in engine.timeline:
        events.append(PhaseStarted(phase))
        events += [c for c in cues if c.phase_index == phase.index]
    return [*events, SessionFinished(engine.total)]


@pytest.mark.parametrize("every", [1.0, 1 / 60, 0.25, 1.7, 0.3])
def test_untouched_playing_emits_everything_once_in_order(every: float) -> None:
    """At any steady tick rate the events are every phase and cue once, in plan order."""
    engine, clock = started()
    played = [event for _, event in play(engine, clock, every)]
    assert played == expected_events(engine)


def test_jittery_ticks_change_nothing() -> None:
    """Irregular ticks (1 ms to 1.9 s apart) give the same events at their planned times."""
    engine, clock = started()
    jitter = random.Random(7)
    start, last = clock.now, 0.0
    played: list[Event] = list(engine.tick())
    while engine.status is Status.RUNNING:
        clock.advance(jitter.uniform(0.001, 1.9))
        now = clock.now - start
        for event in engine.tick():
            played.append(event)
            if isinstance(event, Cue):
                assert last < event.due <= now  # played at the first tick at or after due
        last = now
    assert played == expected_events(engine)


def test_finishes_exactly_at_the_planned_total() -> None:
    """Ticked at its own deadlines (1 s apart at most), it finishes at start + total, to the ns."""
    engine, clock = started()
    start = clock.now
    while engine.status is Status.RUNNING:
        deadline = engine.next_deadline()
        assert deadline is not None
        clock.now = min(deadline, clock.now + 1.0)
        if any(isinstance(e, SessionFinished) for e in engine.tick()):
            break
    assert clock.now - start == pytest.approx(engine.routine.total_seconds, abs=1e-9)
    assert engine.status is Status.FINISHED


def test_next_deadline_is_the_next_cue_or_phase_end() -> None:
    """next_deadline gives the clock time of the next cue, or of the phase end, or None."""
    engine, clock = started(routine(step(hold=10, prepare=2), countdown=3))
    start = clock.now
    assert engine.next_deadline() == start + 2  # the prepare ends; the hold starts
    clock.now = start + 2
    engine.tick()
    assert engine.next_deadline() == start + 9  # the countdown's "3"
    engine.pause()
    assert engine.next_deadline() is None


def test_pause_neither_loses_nor_gains_time() -> None:
    """A 100 s pause delays the finish by exactly 100 s and plays nothing meanwhile."""
    engine, clock = started()
    run_for(engine, clock, 8.5)
    engine.pause()
    assert engine.tick() == []
    clock.advance(100)
    assert engine.tick() == []
    assert engine.state().elapsed == 8.5
    engine.resume()
    played = play(engine, clock, 0.5)
    assert played[-1][0] == engine.total - 8.5
    assert isinstance(played[-1][1], SessionFinished)


def test_pause_at_a_cue_plays_it_once() -> None:
    """A pause at the exact instant of a cue plays it before pausing, and never again."""
    engine, clock = started(routine(step(hold=10, prepare=2), countdown=3))
    run_for(engine, clock, 8.5)
    clock.advance(0.5)  # the "3" is due now, and no tick has played it yet
    engine.pause()
    assert [e.text for e in engine.tick() if isinstance(e, Cue)] == ["3"]
    clock.advance(30)
    engine.resume()
    assert engine.tick() == []
    clock.advance(1)
    assert [e.text for e in engine.tick() if isinstance(e, Cue)] == ["2"]


def test_cues_due_during_a_pause_are_not_played_late() -> None:
    """After a long pause the cues come at their routine time, not all at once on resume."""
    engine, clock = started(routine(step(hold=10, prepare=2), countdown=3))
    run_for(engine, clock, 8)
    engine.pause()
    clock.advance(60)
    engine.resume()
    clock.advance(0.5)
    assert engine.tick() == []
    clock.advance(0.5)
    assert [e.text for e in engine.tick() if isinstance(e, Cue)] == ["3"]


def test_a_gap_pauses_where_it_began() -> None:
    """A gap longer than the threshold auto-pauses at the last tick, says why, skips nothing."""
    engine, clock = started()
    run_for(engine, clock, 5.0)
    clock.advance(600)  # the computer slept
    events = engine.tick()
    assert len(events) == 1 and isinstance(events[0], AutoPaused)
    assert (events[0].at, events[0].gap) == (5.0, 600)
    assert "no step was skipped" in events[0].reason
    state = engine.state()
    assert (state.status, state.elapsed) == (Status.AUTO_PAUSED, 5.0)
    engine.resume()
    rest = [event for _, event in play(engine, clock, 0.5)]
    phases = [e.phase.index for e in rest if isinstance(e, PhaseStarted)]
    assert phases == list(range(2, len(engine.timeline)))  # phase 1 was under way already


def test_a_tick_within_the_threshold_is_not_a_gap() -> None:
    """Ticks 1.9 s apart with the default 2 s threshold play on; a custom threshold applies."""
    engine, clock = started()
    clock.advance(1.9)
    engine.tick()
    assert engine.status is Status.RUNNING
    strict, strict_clock = started(gap_threshold=0.5)
    strict_clock.advance(0.6)
    assert isinstance(strict.tick()[-1], AutoPaused)


def test_a_gap_is_noticed_by_a_control_too() -> None:
    """A control that comes first after a gap still pauses at the gap's start."""
    engine, clock = started()
    clock.advance(1.0)
    engine.tick()
    clock.advance(50)
    engine.skip()
    events = engine.tick()
    assert isinstance(events[0], AutoPaused)
    assert isinstance(events[1], PhaseStarted) and events[1].phase.index == 1
    assert engine.status is Status.PAUSED  # the user has taken over the pause


def test_gap_that_ends_after_the_finish_still_plays_the_end() -> None:
    """A gap across the routine's end pauses before the end, then resuming finishes it."""
    engine, clock = started(routine(step(hold=3, prepare=0)))
    run_for(engine, clock, 2.5)
    clock.advance(10)
    assert isinstance(engine.tick()[-1], AutoPaused)
    engine.resume()
    clock.advance(0.5)
    kinds = [type(e).__name__ for e in engine.tick()]
    assert kinds == ["Cue", "SessionFinished"]


def test_state_in_a_hold() -> None:
    """State gives the phase, time in and left, elapsed, remaining, progress and next phase."""
    engine, clock = started(three_steps())
    run_for(engine, clock, 4.25)
    state = engine.state()
    assert state.status is Status.RUNNING
    assert state.phase is engine.timeline[1] and state.phase_kind is PhaseKind.HOLD
    assert (state.time_in_phase, state.time_left) == (2.25, 7.75)
    assert (state.elapsed, state.remaining, state.total) == (4.25, 52.75, 57.0)
    assert state.progress == pytest.approx(4.25 / 57)
    assert state.next_phase is engine.timeline[2]
    assert state.count is None and state.step_index == 0


def test_state_counts_repetitions() -> None:
    """In a counted movement the state's count is the repetition under way, 1..count."""
    engine, clock = started(routine(step(count=4, tempo=2, prepare=1)))
    counts = []
    for _ in range(9):
        clock.advance(1.0)
        counts.append(engine.state().count)
    assert counts == [1, 1, 2, 2, 3, 3, 4, 4, None]


def test_state_before_the_start_and_after_the_finish() -> None:
    """Idle shows the first phase as next and the whole time left; finished shows it all done."""
    clock = FakeClock()
    engine = SessionEngine(three_steps(), clock)
    idle = engine.state()
    assert (idle.status, idle.phase, idle.next_phase) == (Status.IDLE, None, engine.timeline[0])
    assert (idle.elapsed, idle.remaining, idle.progress) == (0.0, 57.0, 0.0)
    engine.start()
    play(engine, clock, 1.0)
    done = engine.state()
    assert (done.status, done.phase, done.next_phase) == (Status.FINISHED, None, None)
    assert (done.elapsed, done.remaining, done.progress, done.time_left) == (57.0, 0.0, 1.0, 0.0)


def test_an_empty_routine_finishes_at_once() -> None:
    """A routine of zero length finishes as soon as it starts, with no cues."""
    engine, _ = started(routine(step(hold=0, prepare=0)))
    assert engine.tick() == [SessionFinished(0.0)]
    assert engine.state().progress == 1.0


def test_the_clock_going_backwards_is_ignored() -> None:
    """A clock reading earlier than the last one never moves the session backwards."""
    engine, clock = started()
    run_for(engine, clock, 5)
    clock.now -= 3
    engine.tick()
    assert engine.state().elapsed == 5.0
    run_for(engine, clock, 4)
    assert engine.state().elapsed == 6.0


def test_events_carry_their_planned_times() -> None:
    """Cues know their due time and kind; well done and finished come last, at the total."""
    engine, clock = started(three_steps())
    played = [event for _, event in play(engine, clock, 1.0)]
    last_cue = played[-2]
    assert isinstance(last_cue, Cue) and last_cue.kind is CueKind.FINISHED
    assert played[-1] == SessionFinished(57.0)
