"""Saving where a session was and resuming it there: SessionPosition and restore."""

from __future__ import annotations

import json

import pytest

from stretchapp.core.session.controls import Status
from stretchapp.core.session.cues import Cue
from stretchapp.core.session.engine import SessionEngine
from stretchapp.core.session.events import PhaseStarted, SessionPosition
from tests.helpers.routines import FakeClock, play, routine, run_for, step, three_steps


def test_snapshot_round_trips_through_json() -> None:
    """A snapshot written to JSON and read back is the same position."""
    clock = FakeClock()
    engine = SessionEngine(three_steps(), clock)
    engine.start()
    run_for(engine, clock, 20.5)
    position = engine.snapshot()
    assert position == SessionPosition("test-routine", 4, 3.5, played=20.5)
    data = json.loads(json.dumps(position.to_dict()))
    assert SessionPosition.from_dict(data) == position


def test_restore_resumes_paused_where_it_was() -> None:
    """A restored engine is paused at the saved point and plays on from it on resume."""
    r = three_steps()
    clock = FakeClock(5000.0)
    engine = SessionEngine.restore(r, SessionPosition(r.id, 4, 3.5), clock)
    state = engine.state()
    assert (state.status, state.phase, state.elapsed) == (Status.PAUSED, engine.timeline[4], 20.5)
    assert engine.tick() == [PhaseStarted(engine.timeline[4])]  # the display learns the phase
    engine.resume()
    rest = [e for _, e in play(engine, clock, 0.5)]
    assert [e.text for e in rest if isinstance(e, Cue)][:2] == ["2", "1"]
    assert [e.phase.index for e in rest if isinstance(e, PhaseStarted)] == list(range(5, 14))
    assert clock.now - 5000.0 == engine.total - 20.5
    assert engine.status is Status.FINISHED


def test_restore_skips_cues_already_played_in_the_phase() -> None:
    """Cues before the saved point do not play again; those after it do."""
    r = routine(step(hold=10, prepare=2), countdown=3)
    clock = FakeClock()
    engine = SessionEngine.restore(r, SessionPosition(r.id, 1, 7.5), clock)
    engine.resume()
    texts = [e.text for e in run_for(engine, clock, 3.0) if isinstance(e, Cue)]
    assert texts == ["2", "1", "Well done"]  # the "3" at 9 s came before 9.5 s


def test_restore_at_a_phase_start_plays_its_start_cue() -> None:
    """Restored at 0 s into a phase, resuming names the phase again."""
    r = three_steps()
    clock = FakeClock()
    engine = SessionEngine.restore(r, SessionPosition(r.id, 3, 0.0), clock)
    engine.resume()
    texts = [e.text for e in engine.tick() if isinstance(e, Cue)]
    assert texts == ["Next: Calf stretch, left side"]


def test_restore_clamps_to_the_routine_as_it_is_now() -> None:
    """A time past its phase's end moves to the next phase; a phase past the end finishes."""
    r = three_steps()
    engine = SessionEngine.restore(r, SessionPosition(r.id, 0, 99.0), FakeClock())
    assert engine.state().phase == engine.timeline[1]
    done = SessionEngine.restore(r, SessionPosition(r.id, 99, 0.0), FakeClock())
    assert done.status is Status.FINISHED
    assert done.snapshot() == SessionPosition(r.id, len(done.timeline), 0.0)


def test_restore_refuses_another_routines_position() -> None:
    """A position saved for another routine is a ValueError naming both."""
    with pytest.raises(ValueError, match=r"'other'.*'test-routine'"):
        SessionEngine.restore(three_steps(), SessionPosition("other", 0, 0.0), FakeClock())


def test_idle_snapshot_is_the_start() -> None:
    """A session not yet started saves the start of its first phase."""
    engine = SessionEngine(three_steps(), FakeClock())
    assert engine.snapshot() == SessionPosition("test-routine", 0, 0.0)


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"phase_index": 0, "elapsed_in_phase": 0}, "routine_id"),
        ({"routine_id": "r", "phase_index": -1, "elapsed_in_phase": 0}, "phase_index"),
        ({"routine_id": "r", "phase_index": True, "elapsed_in_phase": 0}, "phase_index"),
        ({"routine_id": "r", "phase_index": 0, "elapsed_in_phase": "1"}, "elapsed_in_phase"),
        ({"routine_id": "r", "phase_index": 0, "elapsed_in_phase": float("nan")}, "elapsed"),
        ({"routine_id": "r", "phase_index": 0, "elapsed_in_phase": -2.0}, "elapsed"),
        ({"routine_id": "r", "phase_index": 0, "elapsed_in_phase": 0, "played": -1}, "played"),
        ({"routine_id": "r", "phase_index": 0, "elapsed_in_phase": 0, "played": True}, "played"),
        ({"routine_id": "r", "phase_index": 0, "elapsed_in_phase": 0, "side": 3}, "side"),
    ],
)
def test_from_dict_rejects_malformed_data(data: dict[str, object], message: str) -> None:
    """Malformed saved positions raise ValueError naming the bad field."""
    with pytest.raises(ValueError, match=message):
        SessionPosition.from_dict(data)


def test_restore_keeps_the_time_played_before_the_interruption() -> None:
    """An engine restored from a position that had played 40 s reports 40 s plus what follows."""
    r = three_steps()
    clock = FakeClock(100.0)
    engine = SessionEngine.restore(r, SessionPosition(r.id, 4, 3.5, played=40.0), clock)
    assert engine.played == 40.0
    engine.resume()
    run_for(engine, clock, 2.0)
    assert engine.played == pytest.approx(42.0)
    assert engine.snapshot().played == pytest.approx(42.0)


def test_a_position_of_an_earlier_version_has_no_played_time_nor_side() -> None:
    """A file written before `played` and `side` existed still reads, as 0 s and no answer."""
    old = {"routine_id": "r", "phase_index": 2, "elapsed_in_phase": 1.5}
    assert SessionPosition.from_dict(old) == SessionPosition("r", 2, 1.5, 0.0, "")
