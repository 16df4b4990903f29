"""What a routine needs: a chair, a wall, a mat..., read from the props of its poses.

A routine file never lists its equipment: each step's pose already draws the
chair it sits on or the step it stands on, so the list is derived from those
and can never disagree with the pictures. The floor is always there and is not
listed; a strap is offered as "a towel or a strap", since a towel does.
"""

from __future__ import annotations

from collections.abc import Iterable

from stretchapp.core.model import Routine, Stretch
from stretchapp.core.wording.routines import NOTHING_NEEDED

# Each prop a routine can need, in the order they are listed, and its words.
_NEEDS: dict[str, str] = {
    "chair": "a chair",
    "wall": "a wall",
    "door_frame": "a doorway",
    "step": "a step or stair",
    "mat": "a mat",
    "towel": "a towel",
    "strap": "a towel or a strap",
}


def stretch_props(stretch: Stretch) -> set[str]:
    """The kinds of prop a stretch's pose uses (start and end of a movement alike)."""
    spec = stretch.pose
    if spec is None:
        return set()
    poses = (spec.start,) if spec.end is None else (spec.start, spec.end)
    return {prop.kind for pose in poses for prop in pose.props}


def needs_of(stretches: Iterable[Stretch]) -> tuple[str, ...]:
    """What the stretches need, in words, each once: ('a chair', 'a mat')."""
    kinds: set[str] = set()
    for stretch in stretches:
        kinds |= stretch_props(stretch)
    if "towel" in kinds:
        kinds.discard("strap")  # a towel also serves where a strap is drawn
    return tuple(words for kind, words in _NEEDS.items() if kind in kinds)


def what_you_need(routine: Routine) -> tuple[str, ...]:
    """What the routine needs, in words, in a fixed order; () when nothing."""
    return needs_of(step.stretch for step in routine.steps)


def needs_text(needs: tuple[str, ...]) -> str:
    """One line for the card, the detail page and `list`: 'A chair, a mat' or 'Nothing'."""
    if not needs:
        return NOTHING_NEEDED
    text = ", ".join(needs)
    return text[0].upper() + text[1:]
