"""Highlights sit on the body part they name, in every view: measured, not eyeballed."""

from __future__ import annotations

import pytest

from stretchapp.core.pose.geometry import Layout, Point
from stretchapp.core.pose.model import Pose, View
from stretchapp.core.pose.scene import layout

# Where along the trunk each part lies: 0 at the hip joints, 1 at the base of the neck.
TRUNK_BANDS = {
    "glute": (-0.35, 0.3),
    "lower_back": (0.1, 0.45),
    "left_side": (0.1, 0.55),
    "right_side": (0.1, 0.55),
    "abs": (0.1, 0.5),
    "upper_back": (0.5, 1.0),
    "left_chest": (0.55, 1.0),
    "right_chest": (0.55, 1.0),
    "neck_left": (1.0, 1.6),
}
VIEWS: tuple[View, ...] = ("side", "front", "top")


def centre_and_axis(drawn: Layout, part: str) -> tuple[float, float]:
    """How far along the trunk (hips 0, neck 1) a part's highlight lies, and to which side."""
    pelvis, chest = drawn.bone("pelvis"), drawn.bone("chest")
    hip, neck = pelvis.start, chest.end
    ax, ay = neck[0] - hip[0], neck[1] - hip[1]
    points: list[Point] = [p for m in drawn.muscles if m.part == part for p in (m.start, m.end)]
    assert points, part
    px = sum(p[0] for p in points) / len(points) - hip[0]
    py = sum(p[1] for p in points) / len(points) - hip[1]
    along = (px * ax + py * ay) / (ax * ax + ay * ay)
    across = ax * py - ay * px  # > 0: counter-clockwise of the spine
    return along, across


@pytest.mark.parametrize("view", VIEWS)
@pytest.mark.parametrize("part", sorted(TRUNK_BANDS))
def test_trunk_highlight_lies_at_its_height_on_the_trunk(view: View, part: str) -> None:
    """Lower back, flanks, chest and glutes are highlighted at their own height in each view."""
    name = part.replace("glute", "left_glute")
    along, _ = centre_and_axis(layout(Pose(view, highlight=(name,))), name)
    low, high = TRUNK_BANDS[part]
    assert low <= along <= high, (view, part, round(along, 2))


@pytest.mark.parametrize("view", ("front", "top"))
@pytest.mark.parametrize("part", ["side", "chest", "glute", "neck"])
def test_sided_highlight_lies_on_its_own_side(view: View, part: str) -> None:
    """Seen from the front or above, a left part is on the figure's left, a right on its right."""
    names = ("neck_left", "neck_right") if part == "neck" else (f"left_{part}", f"right_{part}")
    sides = [centre_and_axis(layout(Pose(view, highlight=(n,))), n)[1] for n in names]
    # The figure's left is clockwise of its spine (front: +x, the viewer's right).
    assert sides[0] < -0.5 and sides[1] > 0.5, (view, part, sides)


@pytest.mark.parametrize("part", ["lower_back", "upper_back", "left_glute", "left_calf",
                                  "left_hamstring"])
def test_side_view_back_muscles_lie_behind_the_body(part: str) -> None:
    """From the side (facing +x) the back, glutes, calves and hamstrings are on the back."""
    drawn = layout(Pose("side", highlight=(part,)))
    muscle = next(m for m in drawn.muscles if m.part == part)
    bone = drawn.bone(muscle.bone)
    middle = (bone.start[0] + bone.end[0]) / 2
    assert (muscle.start[0] + muscle.end[0]) / 2 < middle, part


@pytest.mark.parametrize("part", ["abs", "left_chest", "left_quad", "left_shin"])
def test_side_view_front_muscles_lie_in_front(part: str) -> None:
    """From the side the abs, chest, quads and shins are on the front of their bone."""
    drawn = layout(Pose("side", highlight=(part,)))
    muscle = next(m for m in drawn.muscles if m.part == part)
    bone = drawn.bone(muscle.bone)
    middle = (bone.start[0] + bone.end[0]) / 2
    assert (muscle.start[0] + muscle.end[0]) / 2 > middle, part
