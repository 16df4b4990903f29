"""Which side goes first, or one side only: the choice a `sides: choose` step leaves open.

A routine for a cramp in one leg should start on that leg. A step written with
`sides: choose` plays left then right until the user answers the question on
the get-ready screen; `apply_side_choice` then gives the routine as it will
play, and the timeline is built from that. One answer covers every such step of
the routine: the leg with the cramp is the same leg in each of them.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from stretchapp.core.model import Routine, Side


@dataclass(frozen=True)
class SideChoice:
    """The side to start on, and whether to stay on it."""

    first: Side = Side.LEFT
    only: bool = False

    @property
    def sides(self) -> tuple[Side, ...]:
        """The sides a chosen step plays, in order."""
        other = Side.RIGHT if self.first is Side.LEFT else Side.LEFT
        return (self.first,) if self.only else (self.first, other)

    @property
    def key(self) -> str:
        """A short name for the choice: 'left', 'right', 'left-only', 'right-only'."""
        return f"{self.first.value}-only" if self.only else self.first.value

    @property
    def label(self) -> str:
        """The choice as the get-ready screen words it."""
        side = self.first.value.capitalize()
        return f"{side} side only" if self.only else f"{side} side first"


# The answers offered, in the order the get-ready screen shows them; the first
# is what a routine plays when nobody answers.
SIDE_CHOICES: tuple[SideChoice, ...] = (
    SideChoice(Side.LEFT), SideChoice(Side.RIGHT),
    SideChoice(Side.LEFT, only=True), SideChoice(Side.RIGHT, only=True))
DEFAULT_SIDE_CHOICE = SIDE_CHOICES[0]


def side_choice_for(key: str) -> SideChoice | None:
    """The choice named `key` (SideChoice.key), or None for a name that is none."""
    return next((choice for choice in SIDE_CHOICES if choice.key == key), None)


def asks_side(routine: Routine) -> bool:
    """True when some step of the routine leaves its sides to the user."""
    return any(step.choose_side for step in routine.steps)


def apply_side_choice(routine: Routine, choice: SideChoice) -> Routine:
    """The routine as it plays with `choice`: each `sides: choose` step gets its sides.

    Steps with fixed sides and routines that ask nothing come back unchanged.
    """
    if not asks_side(routine):
        return routine
    steps = tuple(replace(step, sides=choice.sides) if step.choose_side else step
                  for step in routine.steps)
    return replace(routine, steps=steps)
