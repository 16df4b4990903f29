"""Time played as the engine reports it: running time only, pauses and gaps left out."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from stretchapp.core.session.controls import Status
from stretchapp.core.session.engine import SessionEngine
from tests.helpers.routines import FakeClock, play, routines, run_for, three_steps


def test_played_leaves_out_a_suspend() -> None:
    """5 s of play, a 600 s suspend, resume and play to the end: played is 5 s plus the rest."""
    clock = FakeClock()
    engine = SessionEngine(three_steps(), clock)
    engine.start()
    run_for(engine, clock, 5.0)
    clock.advance(600)
    engine.tick()
    assert engine.status is Status.AUTO_PAUSED
    assert engine.played == 5.0
    engine.resume()
    play(engine, clock)
    assert engine.status is Status.FINISHED
    assert abs(engine.played - engine.total) < 1e-6
    assert engine.state().played == engine.played


def test_played_leaves_out_a_user_pause_and_time_after_the_end() -> None:
    """A paused minute adds nothing, and ticking long after the end adds nothing either."""
    clock = FakeClock()
    engine = SessionEngine(three_steps(), clock)
    engine.start()
    run_for(engine, clock, 3.0)
    engine.pause()
    clock.advance(60)
    engine.tick()
    assert engine.played == 3.0
    engine.resume()
    run_for(engine, clock, engine.total - 2.0, every=1.5)
    clock.advance(1.0)
    engine.tick()
    assert engine.status is Status.FINISHED
    assert abs(engine.played - engine.total) < 1e-6


def test_played_counts_replayed_time_after_back() -> None:
    """Going back replays time: played is clock time running, not the routine position."""
    clock = FakeClock()
    engine = SessionEngine(three_steps(), clock)
    engine.start()
    run_for(engine, clock, 4.0)
    engine.restart()
    run_for(engine, clock, 4.0)
    assert engine.played == 8.0
    assert engine.state().elapsed == 4.0


@settings(max_examples=40, deadline=None)
@given(routine=routines(), pause_at=st.floats(min_value=0, max_value=20),
       suspend=st.floats(min_value=3, max_value=5000))
def test_played_is_the_total_whatever_the_suspend(routine: object, pause_at: float,
                                                  suspend: float) -> None:
    """Any routine with one suspend anywhere, played to its end, has played == its total."""
    clock = FakeClock()
    engine = SessionEngine(routine, clock)  # type: ignore[arg-type]
    engine.start()
    run_for(engine, clock, pause_at)
    clock.advance(suspend)
    engine.tick()
    if engine.status is Status.AUTO_PAUSED:
        engine.resume()
    play(engine, clock)
    assert abs(engine.played - engine.total) < 1e-6
