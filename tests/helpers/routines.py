"""Routines built by hand from the model, a clock tests move, and Hypothesis strategies.

The session tests need no loader: every routine here is made straight from the
model's dataclasses, with short durations so that expectations are easy to read.
"""

from __future__ import annotations

from hypothesis import strategies as st

from stretchapp.core.model import CueSettings, Kind, Routine, Side, Step, Stretch
from stretchapp.core.session.controls import Status
from stretchapp.core.session.engine import SessionEngine
from stretchapp.core.session.events import Event
from tests.helpers.clock import FakeClock

__all__ = ["FakeClock"]  # re-exported: the session tests take it from here

BOTH = (Side.LEFT, Side.RIGHT)


def stretch(name: str = "Neck tilt", *, sided: bool = False, say: str | None = None) -> Stretch:
    """A catalogue-style stretch with an id made from its name."""
    return Stretch(
        id=name.lower().replace(" ", "-"),
        name=name,
        group="neck",
        instructions=f"Do the {name.lower()}.",
        sided=sided,
        say=say,
    )


def step(
    name: str = "Neck tilt",
    *,
    hold: int | None = 10,
    count: int | None = None,
    tempo: int | None = None,
    reps: int = 1,
    sides: tuple[Side, ...] = (),
    prepare: int = 2,
    rest: int = 3,
    switch: int = 1,
    relax: int = 1,
    say: str | None = None,
) -> Step:
    """A step with short pauses; `sides` makes its stretch sided."""
    return Step(
        stretch=stretch(name, sided=bool(sides), say=say),
        hold=None if count is not None else hold,
        count=count,
        tempo=tempo,
        reps=reps,
        sides=sides,
        prepare=prepare,
        rest=rest,
        switch=switch,
        relax=relax,
    )


def routine(*steps: Step, countdown: int = 3, halfway: bool = False, voice: bool = True) -> Routine:
    """A routine of the given steps (one default step when none are given)."""
    return Routine(
        id="test-routine",
        title="Test routine",
        group="neck",
        kind=Kind.RELIEF,
        steps=steps or (step(),),
        cues=CueSettings(countdown=countdown, halfway=halfway, voice=voice),
    )


def three_steps(*, countdown: int = 3, halfway: bool = False) -> Routine:
    """A plain hold, a sided hold with two reps, and a counted movement."""
    return routine(
        step("Neck tilt", hold=10),
        step("Calf stretch", hold=6, sides=BOTH, reps=2, say="Lean into the wall"),
        step("Heel raise", count=4, tempo=2),
        countdown=countdown,
        halfway=halfway,
    )


_SIDES = st.sampled_from([(), BOTH, (Side.LEFT,), (Side.RIGHT,), (Side.RIGHT, Side.LEFT)])
_PAUSE = st.integers(min_value=0, max_value=4)


@st.composite
def steps(draw: st.DrawFn) -> Step:
    """Any step: hold or counted, any sides, reps, and zero-length pauses."""
    counted = draw(st.booleans())
    return step(
        draw(st.sampled_from(["Neck tilt", "Calf stretch", "Cat cow"])),
        hold=draw(st.integers(min_value=1, max_value=8)),
        count=draw(st.integers(min_value=1, max_value=5)) if counted else None,
        tempo=draw(st.integers(min_value=1, max_value=3)) if counted else None,
        reps=draw(st.integers(min_value=1, max_value=3)),
        sides=draw(_SIDES),
        prepare=draw(_PAUSE),
        rest=draw(_PAUSE),
        switch=draw(_PAUSE),
        relax=draw(_PAUSE),
    )


@st.composite
def routines(draw: st.DrawFn) -> Routine:
    """Any small routine with any cue settings."""
    return routine(
        *draw(st.lists(steps(), min_size=1, max_size=4)),
        countdown=draw(st.integers(min_value=0, max_value=5)),
        halfway=draw(st.booleans()),
        voice=draw(st.booleans()),
    )


def play(engine: SessionEngine, clock: FakeClock, every: float = 0.25) -> list[tuple[float, Event]]:
    """Tick every `every` seconds until the session stops running; (routine time, event) pairs."""
    start = clock.now
    played = [(clock.now - start, event) for event in engine.tick()]
    while engine.status is Status.RUNNING:
        clock.advance(every)
        played += [(clock.now - start, event) for event in engine.tick()]
    return played


def run_for(
    engine: SessionEngine, clock: FakeClock, seconds: float, every: float = 0.25
) -> list[Event]:
    """Move the clock on by `seconds`, ticking every `every` seconds (no gap); the events."""
    events: list[Event] = []
    end = clock.now + seconds
    while clock.now < end:
        clock.now = min(clock.now + every, end)
        events += engine.tick()
    return events
