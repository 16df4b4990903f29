"""Every control of the session engine, in every state: what it does or why it is refused."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from stretchapp.core.session.controls import Control, Status
from stretchapp.core.session.cues import Cue, CueKind
from stretchapp.core.session.engine import SessionEngine
from stretchapp.core.session.events import AutoPaused, ControlRefused, PhaseStarted, SessionFinished
from stretchapp.core.session.timeline import PhaseKind
from tests.helpers.routines import FakeClock, play, run_for, three_steps

# three_steps() plays: step 0 = phases 0-2 (0..15 s), step 1 = phases 3-11 (15..47 s),
# step 2 = phases 12-13 (47..57 s).


def engine_in(status: Status) -> tuple[SessionEngine, FakeClock]:
    """A three_steps engine brought into `status`, 4.25 s into its first hold where it played."""
    clock = FakeClock()
    engine = SessionEngine(three_steps(), clock)
    if status is Status.IDLE:
        return engine, clock
    engine.start()
    if status is Status.FINISHED:
        play(engine, clock)
        return engine, clock
    run_for(engine, clock, 4.25)
    if status is Status.PAUSED:
        engine.pause()
    elif status is Status.AUTO_PAUSED:
        clock.advance(30)
        engine.tick()
    elif status is Status.STOPPED:
        engine.stop()
    engine.tick()
    assert engine.status is status
    return engine, clock


def apply(engine: SessionEngine, control: Control) -> None:
    """Call the control's method (jump goes to step 1)."""
    if control is Control.JUMP:
        engine.jump(1)
    else:
        getattr(engine, control.value)()


R, P, S = Status.RUNNING, Status.PAUSED, Status.STOPPED
NO = None  # refused
# The status after each control in each status; None where it is refused.
AFTER: dict[Status, dict[Control, Status | None]] = {
    Status.IDLE: {
        Control.START: R, Control.PAUSE: NO, Control.RESUME: NO, Control.SKIP: NO,
        Control.NEXT_STEP: NO, Control.BACK: NO, Control.JUMP: NO, Control.RESTART: R,
        Control.STOP: NO,
    },
    Status.RUNNING: {
        Control.START: NO, Control.PAUSE: P, Control.RESUME: NO, Control.SKIP: R,
        Control.NEXT_STEP: R, Control.BACK: R, Control.JUMP: R, Control.RESTART: R,
        Control.STOP: S,
    },
    Status.PAUSED: {
        Control.START: NO, Control.PAUSE: NO, Control.RESUME: R, Control.SKIP: P,
        Control.NEXT_STEP: P, Control.BACK: P, Control.JUMP: P, Control.RESTART: R,
        Control.STOP: S,
    },
    Status.AUTO_PAUSED: {
        Control.START: NO, Control.PAUSE: P, Control.RESUME: R, Control.SKIP: P,
        Control.NEXT_STEP: P, Control.BACK: P, Control.JUMP: P, Control.RESTART: R,
        Control.STOP: S,
    },
    Status.FINISHED: {
        Control.START: NO, Control.PAUSE: NO, Control.RESUME: NO, Control.SKIP: NO,
        Control.NEXT_STEP: NO, Control.BACK: NO, Control.JUMP: NO, Control.RESTART: R,
        Control.STOP: NO,
    },
    Status.STOPPED: {
        Control.START: NO, Control.PAUSE: NO, Control.RESUME: NO, Control.SKIP: NO,
        Control.NEXT_STEP: NO, Control.BACK: NO, Control.JUMP: NO, Control.RESTART: R,
        Control.STOP: NO,
    },
}  # fmt: skip

CASES = [(status, control) for status in Status for control in Control]


@pytest.mark.parametrize(("status", "control"), CASES)
def test_every_control_in_every_state(status: Status, control: Control) -> None:
    """Each control either moves to the expected status or is refused, changing nothing."""
    engine, _ = engine_in(status)
    expected = AFTER[status][control]
    reason = engine.refusal(control, 1)
    if expected is None:
        assert reason
        before = engine.state()
        with pytest.raises(ControlRefused) as refused:
            apply(engine, control)
        assert refused.value.reason == reason and refused.value.control is control
        assert reason in str(refused.value)
        assert engine.state() == before
        assert engine.tick() == []
    else:
        assert reason is None
        apply(engine, control)
        assert engine.status is expected


def test_refusals_say_why() -> None:
    """Refusal reasons name the situation and what to do instead."""
    idle, _ = engine_in(Status.IDLE)
    assert idle.refusal(Control.PAUSE) == "the session has not started yet"
    done, _ = engine_in(Status.FINISHED)
    assert done.refusal(Control.SKIP) == "the session has finished; restart it to play again"
    running, _ = engine_in(Status.RUNNING)
    assert "restart it to begin again" in (running.refusal(Control.START) or "")
    assert running.refusal(Control.RESUME) == "the session is not paused"
    assert running.refusal(Control.JUMP, 3) == "there is no step 3: the steps are numbered 0 to 2"
    assert running.refusal(Control.JUMP, -1) is not None
    with pytest.raises(ControlRefused, match="cannot next step: the session has not started"):
        idle.next_step()


def starts(events: list[object]) -> list[int]:
    """The indices of the phases started among the events."""
    return [e.phase.index for e in events if isinstance(e, PhaseStarted)]


def test_skip_plays_the_next_phase_and_none_of_the_skipped_cues() -> None:
    """Skipping a hold starts the next phase at once; the hold's countdown never plays."""
    engine, clock = engine_in(Status.RUNNING)
    engine.skip()
    events = engine.tick()
    assert starts(events) == [2]
    assert [e.text for e in events if isinstance(e, Cue)] == ["Rest"]
    assert engine.state().elapsed == 12.0
    later = run_for(engine, clock, 3.5)
    assert not [e for e in later if isinstance(e, Cue) and e.phase_index < 2]
    assert starts(later) == [3]


def test_skip_while_paused_stays_paused_and_cues_on_resume() -> None:
    """A paused skip shows the next phase at once and plays its start cue on resume."""
    engine, _ = engine_in(Status.PAUSED)
    engine.skip()
    events = engine.tick()
    assert starts(events) == [2] and not [e for e in events if isinstance(e, Cue)]
    assert engine.status is Status.PAUSED
    engine.resume()
    assert [e.text for e in engine.tick() if isinstance(e, Cue)] == ["Rest"]


def test_skipping_the_last_phase_finishes_without_well_done() -> None:
    """Skipping past the end finishes the session; the skipped phase's cues never play."""
    engine, _ = engine_in(Status.RUNNING)
    engine.jump(2)
    engine.skip()
    engine.tick()
    engine.skip()
    events = engine.tick()
    assert events == [SessionFinished(57.0)]
    assert engine.status is Status.FINISHED


def test_next_step_goes_to_the_next_prepare_or_finishes() -> None:
    """next_step starts the next step's first phase; on the last step it finishes."""
    engine, _ = engine_in(Status.RUNNING)
    engine.next_step()
    assert starts(engine.tick()) == [3]
    assert engine.state().phase_kind is PhaseKind.PREPARE
    engine.next_step()
    engine.next_step()
    assert engine.tick()[-1] == SessionFinished(57.0)


def test_back_early_in_a_step_goes_to_the_previous_step() -> None:
    """Back within 3 s of a step's start goes to the previous step's start."""
    engine, clock = engine_in(Status.RUNNING)
    engine.next_step()
    run_for(engine, clock, 2.5)
    engine.back()
    events = engine.tick()
    assert starts(events) == [0]
    assert [e.text for e in events if isinstance(e, Cue)] == [
        "First: Neck tilt", "Stop if anything hurts sharply"]
    assert engine.state().elapsed == 0.0


def test_back_later_in_a_step_restarts_it() -> None:
    """Back 3 s or more into a step (its rest included) restarts that step."""
    engine, clock = engine_in(Status.RUNNING)
    run_for(engine, clock, 9.0)  # 13.25 s: the rest after step 0
    engine.back()
    assert starts(engine.tick()) == [0]
    engine.jump(1)
    run_for(engine, clock, 3.0)
    engine.back()
    assert starts(engine.tick()) == [3]


def test_back_on_the_first_step_restarts_it() -> None:
    """Back early in the first step has no previous step and restarts the first one."""
    engine, clock = engine_in(Status.IDLE)
    engine.start()
    run_for(engine, clock, 1.0)
    engine.back()
    assert starts(engine.tick()) == [0]
    assert engine.state().elapsed == 0.0


def test_back_replays_the_cues_of_the_new_phase_instance() -> None:
    """Cues of a phase played again after back play again, once each."""
    engine, clock = engine_in(Status.IDLE)
    engine.start()
    first = run_for(engine, clock, 12.0)
    engine.back()
    second = engine.tick() + run_for(engine, clock, 12.0)
    texts = [e.text for e in first if isinstance(e, Cue)]
    assert texts == [e.text for e in second if isinstance(e, Cue)]


def test_jump_goes_to_a_step_and_keeps_a_pause() -> None:
    """Jump starts the chosen step's first phase; paused, it stays paused."""
    engine, _ = engine_in(Status.PAUSED)
    engine.jump(2)
    assert starts(engine.tick()) == [12]
    assert (engine.status, engine.state().elapsed) == (Status.PAUSED, 47.0)
    engine.jump(0)
    assert engine.state().elapsed == 0.0


def test_restart_plays_again_from_the_start() -> None:
    """Restart after the finish plays the routine again, every cue again."""
    engine, clock = engine_in(Status.FINISHED)
    engine.restart()
    events = engine.tick()
    assert starts(events) == [0]
    assert engine.state().elapsed == 0.0
    again = [e for _, e in play(engine, clock)]
    assert [e for e in again if isinstance(e, Cue) and e.kind is CueKind.FINISHED]


def test_stop_freezes_the_session_where_it_was() -> None:
    """Stop keeps the phase and elapsed time for display; time no longer moves."""
    engine, clock = engine_in(Status.STOPPED)
    clock.advance(100)
    state = engine.state()
    assert (state.status, state.elapsed, state.phase) == (Status.STOPPED, 4.25, engine.timeline[1])
    assert engine.tick() == []
    assert engine.next_deadline() is None


def test_pause_after_an_auto_pause_makes_it_the_users() -> None:
    """Pause on an auto-paused session turns it into a user pause at the same point."""
    engine, _ = engine_in(Status.AUTO_PAUSED)
    engine.pause()
    assert (engine.status, engine.state().elapsed) == (Status.PAUSED, 4.25)


def test_auto_paused_reports_once() -> None:
    """An auto-pause is reported once, not again on every tick after it."""
    engine, clock = engine_in(Status.RUNNING)
    clock.advance(10)
    assert [type(e) for e in engine.tick()] == [AutoPaused]
    clock.advance(10)
    assert engine.tick() == []


def test_controls_only_move_progress_back_when_they_should() -> None:
    """Skip and next_step move progress forward; back, jump and restart may move it back."""
    engine, _ = engine_in(Status.RUNNING)
    progress = [engine.state().progress]
    moves: list[Callable[[], None]] = [engine.skip, engine.next_step, engine.skip]
    for move in moves:
        move()
        progress.append(engine.state().progress)
    assert progress == sorted(progress)
    engine.back()
    assert engine.state().progress < progress[-1]
