"""`sides: choose`, spoken names and cautions: read from real YAML files and played.

Side choice is a format extension (ROUTINE_FORMAT.md): a step that leaves its
first side, or one side only, to the user; one answer covers every such step.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from stretchapp.core.model import Side, Stretch
from stretchapp.core.session.side_choice import (
    DEFAULT_SIDE_CHOICE,
    SIDE_CHOICES,
    SideChoice,
    apply_side_choice,
    asks_side,
    side_choice_for,
)
from stretchapp.core.session.timeline import PhaseKind, build_timeline
from tests.core.test_format_rules import Folder, ok, refused, steps


@pytest.fixture
def folder(tmp_path: Path) -> Folder:
    """A fresh pair of library folders with the tiny catalogue in the built-in one."""
    return Folder(tmp_path)


CHOOSE = "stretch: wall-calf-stretch\n    sides: choose\n    hold: 10s"
FIXED = "stretch: wall-calf-stretch\n    sides: left\n    hold: 10s"


def _active_sides(routine_steps: str, folder: Folder, choice: SideChoice) -> list[Side | None]:
    routine = apply_side_choice(ok(folder, routine_steps), choice)
    return [p.side for p in build_timeline(routine) if p.kind is PhaseKind.HOLD]


def test_choose_plays_left_then_right_until_answered(folder: Folder) -> None:
    """A `sides: choose` step loads with both sides, left first, and asks."""
    routine = ok(folder, steps(CHOOSE))
    assert routine.steps[0].sides == (Side.LEFT, Side.RIGHT)
    assert routine.steps[0].choose_side and asks_side(routine)
    assert apply_side_choice(routine, DEFAULT_SIDE_CHOICE) == routine


@pytest.mark.parametrize(("choice", "sides"), [
    (SideChoice(Side.RIGHT), [Side.RIGHT, Side.LEFT, Side.RIGHT, Side.LEFT]),
    (SideChoice(Side.RIGHT, only=True), [Side.RIGHT, Side.RIGHT]),
    (SideChoice(Side.LEFT, only=True), [Side.LEFT, Side.LEFT]),
])
def test_the_answer_orders_every_chosen_step(folder: Folder, choice: SideChoice,
                                             sides: list[Side]) -> None:
    """One answer sets the first side (or the only one) of each `choose` step."""
    rep_twice = CHOOSE + "\n    reps: 2"
    assert _active_sides(steps(rep_twice), folder, choice) == sides


def test_the_answer_leaves_fixed_steps_alone(folder: Folder) -> None:
    """A step with sides: left stays on the left whatever the user chose."""
    got = _active_sides(steps(FIXED, CHOOSE), folder, SideChoice(Side.RIGHT, only=True))
    assert got == [Side.LEFT, Side.RIGHT]


def test_one_side_only_shortens_the_timeline(folder: Folder) -> None:
    """Doing one side only drops the other side's hold and the switch from the total."""
    routine = ok(folder, steps(CHOOSE))
    only = apply_side_choice(routine, SideChoice(Side.RIGHT, only=True))
    assert routine.total_seconds - only.total_seconds == 10 + routine.steps[0].switch
    assert build_timeline(only)[-1].end == only.total_seconds


def test_a_routine_without_choose_asks_nothing(folder: Folder) -> None:
    """Old files never ask: both and fixed sides are played as written."""
    routine = ok(folder, steps(FIXED, "stretch: wall-calf-stretch"))
    assert not asks_side(routine)
    assert apply_side_choice(routine, SideChoice(Side.RIGHT, only=True)) is routine


def test_choose_on_a_stretch_without_sides_is_refused(folder: Folder) -> None:
    """sides: choose on an unsided stretch is the same error as any sides there."""
    assert refused(folder, steps("stretch: heel-raise\n    sides: choose")) == [
        "sides is only for a sided stretch, and 'Heel raises' has no sides"]


def test_each_offered_choice_has_a_key_and_label() -> None:
    """The four answers have distinct keys that name them back, and readable labels."""
    assert [c.key for c in SIDE_CHOICES] == ["left", "right", "left-only", "right-only"]
    assert all(side_choice_for(c.key) == c for c in SIDE_CHOICES)
    assert [c.label for c in SIDE_CHOICES] == [
        "Left side first", "Right side first", "Left side only", "Right side only"]


@given(st.text(max_size=20))
def test_any_key_names_a_choice_or_none(key: str) -> None:
    """Any text names one of the offered choices or nothing; it never raises."""
    found = side_choice_for(key)
    assert found is None or (found in SIDE_CHOICES and found.key == key)


# --- spoken names and cautions ------------------------------------------------------


def test_spoken_name_and_caution_are_read_from_a_catalogue(folder: Folder) -> None:
    """A catalogue's spoken_name is announced instead of the name; caution is kept."""
    folder.write("builtin/stretches/more.yaml", (
        "format: 1\nstretches:\n  - id: scalene\n    name: Scalene stretch (front)\n"
        "    spoken_name: Front of the neck stretch\n    group: neck\n"
        "    instructions: Tilt away and look up a little.\n"
        "    caution: Stop if you feel dizzy.\n"))
    routine = ok(folder, steps("stretch: scalene"))
    prepare = build_timeline(routine)[0]
    assert prepare.say == "First: Front of the neck stretch"
    assert prepare.title == "Get ready: Scalene stretch (front)"
    assert routine.steps[0].stretch.caution == "Stop if you feel dizzy."


def test_a_step_that_renames_a_stretch_drops_its_spoken_name(folder: Folder) -> None:
    """A step's own name replaces the catalogue's spoken name, which no longer fits."""
    folder.write("builtin/stretches/more.yaml", (
        "format: 1\nstretches:\n  - id: scalene\n    name: Scalene stretch\n"
        "    spoken_name: Front of the neck stretch\n    group: neck\n"
        "    instructions: Tilt away and look up a little.\n"))
    routine = ok(folder, steps("stretch: scalene\n    name: Neck tilt (gentle)"))
    assert build_timeline(routine)[0].say == "First: Neck tilt"


@pytest.mark.parametrize(("name", "spoken"), [
    ("Figure-four stretch (piriformis)", "Figure-four stretch"),
    ("Lower trunk rotations (knee rocks)", "Lower trunk rotations"),
    ("Calf [soleus] stretch", "Calf stretch"),
    ("Odd (unclosed", "Odd unclosed"),
    ("(all in brackets)", "all in brackets"),
])
def test_announced_name_leaves_brackets_out(name: str, spoken: str) -> None:
    """Without a spoken_name, the voice says the name without its bracketed aside."""
    assert Stretch(id="x", name=name, group="g", instructions="i").announced_name == spoken


@given(st.text(min_size=1, max_size=40))
def test_no_announced_name_holds_a_bracket(name: str) -> None:
    """Whatever the name, the announced one has no bracket mark."""
    announced = Stretch(id="x", name=name, group="g", instructions="i").announced_name
    assert not set(announced) & set("()[]")
