"""Laying out a pose: connected limbs, resting on the floor or a prop, props placed."""

from __future__ import annotations

import math

import pytest

from stretchapp.core.pose.checks import GAP_LIMIT
from stretchapp.core.pose.geometry import (
    MAT_THICKNESS,
    STEP_HEIGHT,
    Band,
    Bone,
    Box,
    Floor,
    Layout,
    Post,
    Wall,
)
from stretchapp.core.pose.model import Angles, Pose, PoseSpec, Prop
from stretchapp.core.pose.parser import parse_pose
from stretchapp.core.pose.scene import BALL_OF_FOOT, layout
from stretchapp.core.pose.svg import frame_of

from .test_pose_cases import all_specs, builtin_specs

TOLERANCE = 0.05
SPECS = all_specs()


def poses_of(spec: PoseSpec) -> list[tuple[Pose, Pose | None]]:
    """The poses a spec shows: the one pose, or a movement at five moments."""
    if spec.end is None:
        return [(spec.start, None)]
    return [(spec.at(t / 4), spec.start) for t in range(5)]


def layouts() -> list[tuple[str, Layout]]:
    return [(f"{name}@{i}", layout(pose, props_from))
            for name, spec in SPECS.items()
            for i, (pose, props_from) in enumerate(poses_of(spec))]


LAYOUTS = layouts()
IDS = [name for name, _ in LAYOUTS]


def lowest(bones: list[Bone]) -> float:
    return min(c[1] - r for bone in bones for c, r in bone.circles())


def sole(foot: Bone, t: float) -> tuple[float, float]:
    """The point of a side-view foot's sole a fraction t of the way to the toes."""
    (x, y), radius = foot.point(t)
    dx, dy = foot.end[0] - foot.start[0], foot.end[1] - foot.start[1]
    length = math.hypot(dx, dy)
    return x + dy / length * radius, y - dx / length * radius


def shapes(drawn: Layout, kind: str) -> list[object]:
    return [shape for placed in drawn.props if placed.prop.kind == kind for shape in placed.shapes]


@pytest.mark.parametrize(("name", "drawn"), LAYOUTS, ids=IDS)
def test_every_bone_starts_where_its_parent_ends(name: str, drawn: Layout) -> None:
    """Limbs stay connected: each bone begins at the end of the bone it hangs from."""
    bones = {bone.name: bone for bone in drawn.bones}
    root = bones["pelvis"].start
    for bone in drawn.bones:
        joint = root if bone.parent is None else bones[bone.parent].end
        assert math.dist(bone.start, joint) < 1e-6, (name, bone.name)


@pytest.mark.parametrize(("name", "drawn"), LAYOUTS, ids=IDS)
def test_figure_rests_on_its_floor_or_prop(name: str, drawn: Layout) -> None:
    """The body's lowest point touches the floor, the mat, the step or the chair seat.

    A pose with contacts is set down by them: its lowest point is then within
    the gap a contact may keep (GAP_LIMIT) of its support.
    """
    bones = [bone for bone in drawn.bones if bone.layer != "hidden"]
    if drawn.view == "top":
        return  # seen from above nothing is below
    tolerance = GAP_LIMIT if drawn.gaps else TOLERANCE
    floors = shapes(drawn, "floor")
    assert floors == [Floor(0.0)]
    if drawn.support == "floor":
        assert abs(lowest(bones)) < tolerance
    elif drawn.support == "mat":
        assert abs(lowest(bones) - MAT_THICKNESS) < tolerance
    elif drawn.support == "step":
        # The front of the feet rests on the stair: the lower of the balls and toes.
        feet = [b for b in bones if b.name.endswith("_foot")]
        fronts = [sole(b, t) for b in feet for t in (BALL_OF_FOOT, 1.0)]
        assert abs(min(y for _, y in fronts) - STEP_HEIGHT) < tolerance
        bottom = [s for s in shapes(drawn, "step") if isinstance(s, Box)][-1]
        assert bottom.y1 == STEP_HEIGHT
        assert all(bottom.x0 <= sole(b, BALL_OF_FOOT)[0] <= bottom.x1 for b in feet)
        assert lowest(bones) > 0  # the heels hang over the edge, above the floor
    else:
        seat = [s for s in shapes(drawn, "chair") if isinstance(s, Box)]
        pelvis = [b for b in bones if b.name == "pelvis"]
        assert any(abs(lowest(pelvis) - box.y1) < tolerance for box in seat)
        # Seated, the seat holds the figure: moving feet may lift from the
        # floor or press on it a little, never sink into it.
        assert lowest(bones) > -1.5


@pytest.mark.parametrize(("name", "drawn"), LAYOUTS, ids=IDS)
def test_frame_holds_the_figure_and_its_props(name: str, drawn: Layout) -> None:
    """Every circle of the body and every finite prop lies inside the picture's frame."""
    frame = frame_of(drawn)
    for (x, y), r in drawn.circles():
        assert frame.x0 <= x - r and x + r <= frame.x1, name
        assert frame.y0 <= y - r and y + r <= frame.y1, name
    for placed in drawn.props:
        for shape in placed.shapes:
            if isinstance(shape, Box):
                assert frame.x0 <= shape.x0 and shape.x1 <= frame.x1, name
            elif isinstance(shape, Wall | Post):
                assert frame.x0 <= shape.x <= frame.x1, name


@pytest.mark.parametrize(("name", "drawn"), LAYOUTS, ids=IDS)
def test_highlighted_muscles_lie_inside_their_bones(name: str, drawn: Layout) -> None:
    """A highlight never spills out of the limb it colours."""
    bones = {bone.name: bone for bone in drawn.bones}
    for muscle in drawn.muscles:
        bone = bones[muscle.bone]
        for centre, radius in ((muscle.start, muscle.start_radius),
                               (muscle.end, muscle.end_radius)):
            # The nearest point on the bone's axis, and the bone's thickness there.
            ax, ay = bone.start
            dx, dy = bone.end[0] - ax, bone.end[1] - ay
            length2 = dx * dx + dy * dy or 1.0
            t = max(0.0, min(1.0, ((centre[0] - ax) * dx + (centre[1] - ay) * dy) / length2))
            axis, thickness = bone.point(t)
            assert math.dist(centre, axis) + radius <= thickness + 1e-6, (name, muscle.part)


def test_every_highlight_is_drawn() -> None:
    """Each highlighted body part of each pose shows at least one muscle shape."""
    for name, drawn in LAYOUTS:
        spec_name = name.split("@")[0]
        wanted = set(SPECS[spec_name].start.highlight) | set(
            (SPECS[spec_name].end or SPECS[spec_name].start).highlight)
        drawn_parts = {m.part for m in drawn.muscles}
        assert drawn_parts <= wanted, name
        assert bool(drawn_parts) == bool(wanted), name


def test_heels_drop_below_the_step_edge() -> None:
    """On a step the balls of the feet rest on the edge and the heels sink below it."""
    drawn = layout(SPECS["heel-drop-on-step"].start)
    bottom = [s for s in shapes(drawn, "step") if isinstance(s, Box)][-1]
    for side in ("left", "right"):
        heel = drawn.bone(f"{side}_heel")
        assert lowest([heel]) < STEP_HEIGHT - 1.0
        assert heel.end[0] < bottom.x0  # over the edge, not on the stair


def test_a_hand_reaching_forward_on_stairs_holds_a_handrail() -> None:
    """Stairs get a handrail through the hand that reaches forward, none for hanging arms."""
    holding = PoseSpec(Pose(angles=Angles(left_shoulder=35, left_ankle=20, right_ankle=20),
                            props=(Prop("step"),)))
    drawn = layout(holding.start)
    (rail,) = [s for s in shapes(drawn, "step") if isinstance(s, Band)]
    hand = drawn.bone("left_hand").end
    (ax, ay), (bx, by) = rail.points
    assert ax < hand[0] < bx and by > ay  # rising up the stairs, ahead
    assert abs(ay + (hand[0] - ax) * (by - ay) / (bx - ax) - hand[1]) < TOLERANCE
    assert not [s for s in shapes(layout(SPECS["heel-drop-on-step"].start), "step")
                if isinstance(s, Band)]


def test_wall_touches_the_frontmost_point() -> None:
    """A wall in front is placed against the farthest-forward part of the figure."""
    drawn = layout(SPECS["wall-calf"].start)
    (wall,) = shapes(drawn, "wall")
    assert isinstance(wall, Wall) and wall.side == 1
    assert abs(wall.x - drawn.body_bounds()[2]) < 1e-9
    hands = [b for b in drawn.bones if b.name.endswith("_hand")]
    assert min(abs(wall.x - (b.end[0] + b.end_radius)) for b in hands) < 0.5


def test_towel_runs_from_the_hands_to_the_named_foot() -> None:
    """Each hand holds one end of the towel; the other end is at the foot's sole."""
    drawn = layout(SPECS["towel-calf"].start)
    bands = shapes(drawn, "towel")
    bones = {b.name: b for b in drawn.bones}
    assert {band.points[0] for band in bands if isinstance(band, Band)} == {
        bones["left_hand"].end, bones["right_hand"].end}
    for band in bands:
        assert isinstance(band, Band)
        assert math.dist(band.points[-1], bones["left_foot"].point(0.7)[0]) < 5


def test_standing_movement_keeps_the_feet_in_place() -> None:
    """Rising onto the toes lifts the body; the feet do not slide across the floor."""
    spec = SPECS["heel-raise-at-chair"]
    start, end = layout(spec.start), layout(spec.at(1.0), spec.start)
    def ankles(drawn: Layout) -> float:
        return sum(b.end[0] for b in drawn.bones if b.name.endswith("_shin")) / 2
    assert abs(ankles(start) - ankles(end)) < 1e-9
    assert end.bone("pelvis").start[1] > start.bone("pelvis").start[1] + 2
    assert shapes(start, "chair") == shapes(end, "chair")  # props stay put


def test_chair_seat_is_under_the_buttocks_with_feet_on_the_floor() -> None:
    """Sitting on a chair: the seat top meets the pelvis and the feet reach the floor."""
    spec, _ = parse_pose({"left_hip": 90, "right_hip": 90, "left_knee": 90, "right_knee": 90,
                          "props": ["chair"]})
    assert spec is not None
    drawn = layout(spec.start)
    assert drawn.support == "chair"
    feet = [b for b in drawn.bones if b.name.endswith(("_foot", "_heel"))]
    assert abs(lowest(feet)) < TOLERANCE
    assert Prop("chair", "seat") in spec.start.props


def test_every_builtin_stretch_lays_out() -> None:
    """Each built-in stretch gives a layout with a head and four limbs."""
    for name, spec in builtin_specs().items():
        names = {b.name for b in layout(spec.start).bones}
        assert {"head", "left_hand", "right_hand", "left_foot", "right_foot"} <= names, name


def test_door_frame_stands_between_the_forearms_and_the_chest() -> None:
    """Forearms held back on the frame: the upright is just in front of the hands."""
    drawn = layout(SPECS["doorway"].start)
    (post,) = shapes(drawn, "door_frame")
    assert isinstance(post, Post)
    hand = drawn.bone("left_hand")
    assert hand.end[0] < post.x - post.width / 2 < hand.end[0] + hand.start_radius + 1
    assert post.x < drawn.bone("chest").end[0]
