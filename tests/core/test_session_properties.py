"""Hypothesis: random routines, controls and tick times keep the engine's invariants."""

from __future__ import annotations

import random
from dataclasses import dataclass, field

from hypothesis import given, settings
from hypothesis import strategies as st

from stretchapp.core.model import Routine
from stretchapp.core.session.controls import Control, Status
from stretchapp.core.session.cues import Cue, CueKind
from stretchapp.core.session.engine import SessionEngine
from stretchapp.core.session.events import (
    AutoPaused,
    ControlRefused,
    Event,
    PhaseStarted,
    SessionFinished,
    SessionState,
)
from tests.helpers.routines import FakeClock, routines

# Controls after which the position may legitimately move backwards.
_REWINDS = {Control.BACK, Control.JUMP, Control.RESTART}

ticks = st.one_of(
    st.floats(min_value=0.0, max_value=1.99),  # an ordinary tick, 1 Hz to 60 Hz and jitter
    st.floats(min_value=0.0, max_value=0.02),  # a burst of fast ticks
    st.floats(min_value=2.01, max_value=120.0),  # a gap: sleep, a frozen UI
)
actions = st.one_of(
    ticks.map(lambda seconds: ("tick", seconds)),
    st.sampled_from(list(Control)).map(lambda control: ("control", control)),
)


@dataclass
class Watcher:
    """Checks each batch of events and each state against the engine's promises."""

    engine: SessionEngine
    phase: int = -1  # the phase instance under way, as the events told it
    played: set[Cue] = field(default_factory=set)  # cues of that instance so far
    progress: float = 0.0

    def see(self, events: list[Event], moved: bool, before: float, after: SessionState) -> None:
        """Check events from one action: `moved` when a control may have moved the session."""
        for event in events:
            if isinstance(event, PhaseStarted):
                if not moved:  # time alone never leaves a phase out
                    assert event.phase.index == self.phase + 1
                self.phase, self.played = event.phase.index, set()
            elif isinstance(event, Cue):
                assert event.phase_index == self.phase  # a cue of the phase under way
                assert event not in self.played  # at most once per phase instance
                self.played.add(event)
                if not moved:
                    assert before <= event.due <= after.elapsed  # never early, never stale
            elif isinstance(event, SessionFinished):
                if not moved:
                    assert self.phase == len(self.engine.timeline) - 1
                self.phase = len(self.engine.timeline)
            else:
                assert isinstance(event, AutoPaused)
                assert after.status is not Status.RUNNING or moved

    def check_state(self, state: SessionState, rewound: bool) -> None:
        """Check one state snapshot; `rewound` when back, jump or restart just succeeded."""
        assert state.time_left >= 0
        assert 0.0 <= state.progress <= 1.0
        assert 0.0 <= state.elapsed <= state.total
        assert state.remaining >= 0
        if state.phase is not None:
            assert state.phase.start <= state.elapsed <= state.phase.end
            assert state.time_left <= state.phase.duration
        if not rewound:
            assert state.progress >= self.progress - 1e-12
        self.progress = state.progress


@settings(max_examples=300)
@given(routines(), st.lists(actions, max_size=80), st.booleans())
def test_random_controls_and_ticks_keep_the_invariants(
    routine: Routine, steps: list[tuple[str, object]], start: bool
) -> None:
    """Any controls and tick times keep time left, progress, cue and phase-order invariants."""
    clock = FakeClock()
    engine = SessionEngine(routine, clock)
    watcher = Watcher(engine)
    if start:
        engine.start()
    for kind, value in steps:
        before = engine.state().elapsed
        moved = rewound = False
        if kind == "tick":
            assert isinstance(value, float)
            clock.advance(value)
        else:
            assert isinstance(value, Control)
            try:
                engine.jump(0) if value is Control.JUMP else getattr(engine, value.value)()
                moved = value not in (Control.PAUSE, Control.RESUME, Control.STOP)
                rewound = value in _REWINDS
            except ControlRefused as refused:
                assert refused.reason == engine.refusal(value, 0)
        events = engine.tick()
        state = engine.state()
        watcher.see(events, moved, before, state)
        watcher.check_state(state, rewound)


@settings(max_examples=150)
@given(routines(), st.integers(min_value=0, max_value=2**32))
def test_untouched_routine_ends_on_plan_however_it_is_ticked(routine: Routine, seed: int) -> None:
    """Ticked at random (up to 9 ms late), paused at random, it ends within 10 ms of plan."""
    rnd = random.Random(seed)  # tick times from a seed: drawing each one makes huge examples
    clock = FakeClock()
    engine = SessionEngine(routine, clock)
    start = clock.now
    paused_for = 0.0
    engine.start()
    events = engine.tick()
    while engine.status is Status.RUNNING:
        if rnd.random() < 0.02:
            engine.pause()
            pause = rnd.uniform(0.0, 500.0)
            clock.advance(pause)
            paused_for += pause
            engine.resume()
        deadline = engine.next_deadline()
        assert deadline is not None
        wake = deadline + rnd.uniform(0.0, 0.009)
        clock.now = min(clock.now + rnd.uniform(0.001, 1.99), max(clock.now, wake))
        events += engine.tick()
        state = engine.state()
        if state.status is Status.RUNNING:  # played time is clock time minus the pauses
            assert abs(state.elapsed - (clock.now - start - paused_for)) < 1e-6
    late = clock.now - start - paused_for - routine.total_seconds
    assert 0.0 <= late <= 0.010
    cues = [e for e in events if isinstance(e, Cue)]
    assert len(cues) == len(set(cues))
    assert [e.phase.index for e in events if isinstance(e, PhaseStarted)] == list(
        range(len(engine.timeline))
    )
    if engine.timeline:
        assert cues[-1].kind is CueKind.FINISHED
    assert events[-1] == SessionFinished(float(routine.total_seconds))
