"""Checking a drawn stretch frame by frame: do its contacts touch, do planted ones stay put?

`stretchapp render --check` and the tests use these on every built-in
stretch: each frame the player draws of a movement (or the one pose of a
still stretch) must have every declared contact within GAP_LIMIT of its
surface, and a contact held from one frame to the next must not slide
along its surface (a foot skating over the floor, a hand creeping up a wall)
by more than SLIDE_LIMIT.
"""

from __future__ import annotations

from dataclasses import dataclass

from stretchapp.core.pose.contacts import Contact, contact_points
from stretchapp.core.pose.geometry import Layout
from stretchapp.core.pose.model import PoseSpec
from stretchapp.core.pose.scene import layout

# Frames a movement is checked at: the player's frames from start to end.
CHECK_FRAMES = 12
GAP_LIMIT = 1.0  # figure units (about 2 cm): more and a contact does not touch
SLIDE_LIMIT = 1.0  # figure units a planted contact may move along its surface per frame

# Surfaces that stand upright: sliding along them is up and down, not across.
_UPRIGHT = ("wall", "door_frame")

Gaps = tuple[tuple[Contact, float | None], ...]


@dataclass(frozen=True)
class FrameCheck:
    """One drawn frame: its moment, each contact's gap, and how far held contacts slid."""

    at: float
    gaps: Gaps
    slides: tuple[tuple[Contact, float], ...]


def frame_layouts(spec: PoseSpec) -> list[tuple[float, Layout]]:
    """Each frame's moment (0 to 1) and its layout, as the player draws them."""
    if not spec.is_movement:
        return [(0.0, layout(spec.start))]
    return [(i / CHECK_FRAMES, layout(spec.at(i / CHECK_FRAMES), spec.start))
            for i in range(CHECK_FRAMES + 1)]


def frame_gaps(spec: PoseSpec) -> list[tuple[float, Gaps]]:
    """Each frame's moment (0 to 1) and its contacts' gaps."""
    return [(at, drawn.gaps) for at, drawn in frame_layouts(spec)]


def along(drawn: Layout, contact: Contact) -> float:
    """Where a contact is along its surface: across the floor, up a wall."""
    axis = 1 if contact.surface in _UPRIGHT else 0
    bones = {bone.name: bone for bone in drawn.bones}
    places = [bones[name].point(t)[0][axis] for name, ts in contact_points(contact.part)
              if name in bones for t in ts]
    return sum(places) / len(places)


def contacts_of(drawn: Layout) -> tuple[Contact, ...]:
    """The contacts a laid-out frame declares."""
    return tuple(contact for contact, _ in drawn.gaps)


def slides(before: Layout, after: Layout) -> tuple[tuple[Contact, float], ...]:
    """How far each contact held in both frames moved along its surface between them."""
    held = [c for c in contacts_of(after) if c in contacts_of(before)]
    return tuple((c, abs(along(after, c) - along(before, c))) for c in held)


def check_frames(spec: PoseSpec) -> list[FrameCheck]:
    """Every frame's gaps and the slides of the contacts it kept from the frame before."""
    found: list[FrameCheck] = []
    previous: Layout | None = None
    for at, drawn in frame_layouts(spec):
        moved = () if previous is None else slides(previous, drawn)
        found.append(FrameCheck(at, drawn.gaps, moved))
        previous = drawn
    return found
