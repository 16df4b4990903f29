"""The timeline a routine expands to (ROUTINE_FORMAT.md, "The timeline a step expands to")."""

from __future__ import annotations

import pytest
from hypothesis import given

from stretchapp.core.model import Routine, Side, Step
from stretchapp.core.session.timeline import Phase, PhaseKind, build_timeline, timeline_seconds
from stretchapp.core.wording.routines import side_rep_text
from tests.helpers.routines import BOTH, routine, routines, step

P, H, C = PhaseKind.PREPARE, PhaseKind.HOLD, PhaseKind.COUNT
SW, RL, RS = PhaseKind.SWITCH, PhaseKind.RELAX, PhaseKind.REST
L, R = Side.LEFT, Side.RIGHT


def shape(timeline: tuple[Phase, ...]) -> list[tuple[PhaseKind, Side | None, int, int]]:
    """Each phase as (kind, side, rep, duration)."""
    return [(p.kind, p.side, p.rep, p.duration) for p in timeline]


def test_one_unsided_step_is_prepare_then_hold() -> None:
    """A single step plays its prepare and hold, with no rest after the last step."""
    timeline = build_timeline(routine(step(hold=10, prepare=2, rest=3)))
    assert shape(timeline) == [(P, None, 1, 2), (H, None, 1, 10)]


def test_rest_follows_every_step_but_the_last() -> None:
    """Rest separates steps and never ends the routine."""
    timeline = build_timeline(routine(step("A", hold=4), step("B", hold=5)))
    assert [p.kind for p in timeline] == [P, H, RS, P, H]
    assert [p.step_index for p in timeline] == [0, 0, 0, 1, 1]


@pytest.mark.parametrize(
    ("sides", "expected"),
    [
        ((), [(P, None, 1, 2), (H, None, 1, 6)]),
        (BOTH, [(P, L, 1, 2), (H, L, 1, 6), (SW, R, 1, 1), (H, R, 1, 6)]),
        ((L,), [(P, L, 1, 2), (H, L, 1, 6)]),
        ((R,), [(P, R, 1, 2), (H, R, 1, 6)]),
        ((R, L), [(P, R, 1, 2), (H, R, 1, 6), (SW, L, 1, 1), (H, L, 1, 6)]),
    ],
)
def test_sides_play_in_order_with_switch_between(
    sides: tuple[Side, ...], expected: list[tuple[PhaseKind, Side | None, int, int]]
) -> None:
    """Each side plays in the given order, a switch only between two of them."""
    assert shape(build_timeline(routine(step(hold=6, sides=sides)))) == expected


def test_reps_relax_between_and_switch_within() -> None:
    """Reps repeat both sides, relax between reps, switch between sides, rep numbers count."""
    timeline = build_timeline(routine(step(hold=6, sides=BOTH, reps=3, relax=4)))
    assert shape(timeline) == [
        (P, L, 1, 2),
        (H, L, 1, 6), (SW, R, 1, 1), (H, R, 1, 6),
        (RL, L, 2, 4),
        (H, L, 2, 6), (SW, R, 2, 1), (H, R, 2, 6),
        (RL, L, 3, 4),
        (H, L, 3, 6), (SW, R, 3, 1), (H, R, 3, 6),
    ]  # fmt: skip
    assert {p.reps for p in timeline} == {3}
    assert side_rep_text(None, timeline[-1].rep, timeline[-1].reps) == "3 of 3"


def test_unsided_reps_relax_between() -> None:
    """An unsided step with reps alternates holds and relaxes."""
    timeline = build_timeline(routine(step(hold=5, reps=2, relax=2)))
    assert shape(timeline) == [(P, None, 1, 2), (H, None, 1, 5), (RL, None, 2, 2), (H, None, 2, 5)]


@pytest.mark.parametrize("sides", [(), BOTH, (L,), (R,)])
def test_counted_movement_lasts_count_times_tempo(sides: tuple[Side, ...]) -> None:
    """A counted step plays count phases of count x tempo seconds, per side."""
    timeline = build_timeline(routine(step(count=5, tempo=2, sides=sides, reps=2)))
    active = [p for p in timeline if p.active]
    assert {p.kind for p in active} == {C}
    assert {p.duration for p in active} == {10}
    assert len(active) == 2 * max(1, len(sides))


def test_count_without_tempo_plays_as_a_hold() -> None:
    """A count with no tempo falls back to the hold, as Step.movement_seconds does."""
    bare = Step(stretch=step().stretch, hold=7, count=4, tempo=None)
    timeline = build_timeline(routine(bare))
    assert [(p.kind, p.duration) for p in timeline] == [(P, 5), (H, 7)]


@pytest.mark.parametrize("field", ["prepare", "rest", "switch", "relax"])
def test_zero_length_pauses_are_left_out(field: str) -> None:
    """A pause of 0 s leaves no phase, and the other phases keep their order."""
    options: dict[str, int] = {"prepare": 2, "rest": 3, "switch": 1, "relax": 1, field: 0}
    first = step("A", hold=4, sides=BOTH, reps=2, **options)
    r = routine(first, step("B", hold=4, **options))
    timeline = build_timeline(r)
    kind = {"prepare": P, "rest": RS, "switch": SW, "relax": RL}[field]
    assert kind not in {p.kind for p in timeline}
    assert all(p.duration > 0 for p in timeline)
    assert timeline_seconds(timeline) == r.total_seconds


def test_all_pauses_zero_leaves_only_the_holds() -> None:
    """With every pause at 0 s the timeline is the holds alone, back to back."""
    zero = {"prepare": 0, "rest": 0, "switch": 0, "relax": 0}
    timeline = build_timeline(
        routine(step("A", hold=3, sides=BOTH, reps=2, **zero), step("B", hold=2, **zero))
    )
    assert [(p.kind, p.start) for p in timeline] == [(H, 0), (H, 3), (H, 6), (H, 9), (H, 12)]


def test_say_and_title_of_each_kind() -> None:
    """Each phase says and shows what to do: First/Next with the side, say, switch, relax, rest."""
    r = routine(
        step("Neck tilt", hold=4, reps=2),
        step("Calf stretch", hold=4, sides=BOTH, say="Lean into the wall"),
    )
    said = [(p.kind, p.say, p.title) for p in build_timeline(r)]
    assert said == [
        (P, "First: Neck tilt", "Get ready: Neck tilt"),
        (H, "Neck tilt", "Neck tilt"),
        (RL, "Relax", "Relax"),
        (H, "Neck tilt", "Neck tilt"),
        (RS, "Rest", "Rest"),
        (P, "Next: Calf stretch, left side", "Get ready: Calf stretch"),
        (H, "Lean into the wall", "Calf stretch, left side"),
        (SW, "Switch sides", "Switch to the right side"),
        (H, "Lean into the wall", "Calf stretch, right side"),
    ]


def test_right_only_step_announces_the_right_side() -> None:
    """A step played on the right only names the right side when it is announced."""
    timeline = build_timeline(routine(step("Calf stretch", sides=(R,))))
    assert timeline[0].say == "First: Calf stretch, right side"


def test_phase_knows_its_step_and_stretch() -> None:
    """Each phase carries its Step and that step's Stretch."""
    r = routine(step("A"), step("B"))
    for phase in build_timeline(r):
        assert phase.step is r.steps[phase.step_index]
        assert phase.stretch is phase.step.stretch


def test_empty_when_every_phase_is_zero_length() -> None:
    """A routine whose every duration is 0 has an empty timeline of length 0."""
    zero = routine(step(hold=0, prepare=0, rest=0))
    assert build_timeline(zero) == ()
    assert timeline_seconds(()) == 0


@given(routines())
def test_total_equals_library_total(r: Routine) -> None:
    """The timeline's length equals Routine.total_seconds for any routine."""
    assert timeline_seconds(build_timeline(r)) == r.total_seconds


@given(routines())
def test_phases_are_contiguous_and_indexed(r: Routine) -> None:
    """Phases are numbered 0.., each starts where the previous ends, none is empty."""
    timeline = build_timeline(r)
    offset = 0
    for number, phase in enumerate(timeline):
        assert phase.index == number
        assert phase.start == offset
        assert phase.duration > 0
        offset = phase.end


@given(routines())
def test_every_step_plays_every_pass_of_every_rep(r: Routine) -> None:
    """Each step has one active phase per rep and side, in rep-then-side order."""
    timeline = build_timeline(r)
    for index, s in enumerate(r.steps):
        active = [(p.rep, p.side) for p in timeline if p.step_index == index and p.active]
        assert active == [(rep, side) for rep in range(1, s.reps + 1) for side in s.passes]
