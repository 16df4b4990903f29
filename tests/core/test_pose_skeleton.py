"""The skeleton: joints bend the way the angles say, in each view, and stay connected."""

from __future__ import annotations

import math

import pytest

from stretchapp.core.pose.geometry import Bone, Box, Layout
from stretchapp.core.pose.model import Angles, Pose
from stretchapp.core.pose.scene import layout
from stretchapp.core.pose.skeleton import LAP_DEPTH, in_lap, skeleton

from .test_pose_cases import builtin_specs

TOLERANCE = 0.05


def lowest(bones: list[Bone]) -> float:
    return min(c[1] - r for bone in bones for c, r in bone.circles())


def shapes(drawn: Layout, kind: str) -> list[object]:
    return [shape for placed in drawn.props if placed.prop.kind == kind for shape in placed.shapes]


def test_the_hips_are_the_root_and_every_bone_hangs_from_its_parent() -> None:
    """Before resting, the pelvis starts at the origin and each bone starts at its parent's end."""
    bones = {b.name: b for b in skeleton(Pose("side", Angles(torso=40, left_knee=70)))}
    assert bones["pelvis"].start == (0.0, 0.0)
    for bone in bones.values():
        if bone.parent is not None:
            assert math.dist(bone.start, bones[bone.parent].end) < 1e-9, bone.name


def test_a_lap_is_a_thigh_brought_toward_the_viewer() -> None:
    """Front view: a seated thigh (hip_flex 90) is a lap, a standing one is not."""
    seated = {b.name: b for b in skeleton(Pose("front", Angles(left_hip_flex=90)))}
    assert in_lap(seated, "left") and not in_lap(seated, "right")
    knee = seated["left_knee"]
    assert math.dist(knee.start, knee.end) >= LAP_DEPTH


def test_side_view_leans_and_bends_the_way_the_angles_say() -> None:
    """Positive torso leans forward (+x); hips swing the thigh forward; knees bend it back."""
    def point(angles: Angles, name: str) -> tuple[float, float]:
        return layout(Pose("side", angles)).bone(name).end
    upright = point(Angles(), "chest")
    assert point(Angles(torso=30), "chest")[0] > upright[0] + 5
    assert point(Angles(left_hip=60), "left_thigh")[0] > 10
    assert point(Angles(left_knee=90), "left_shin")[0] < point(Angles(), "left_shin")[0] - 10

def test_front_view_lifts_limbs_outward_on_both_sides() -> None:
    """Seen from the front, a positive shoulder angle lifts either arm away from the body."""
    drawn = layout(Pose("front", Angles(left_shoulder=90, right_shoulder=90)))
    hands = {b.name: b.end for b in drawn.bones if b.name.endswith("_hand")}
    assert hands["left_hand"][0] > 40 and hands["right_hand"][0] < -40

def test_top_view_lies_with_the_head_to_the_left() -> None:
    """From above, the figure lies along x, head at the left, left side up."""
    drawn = layout(Pose("top", Angles(left_shoulder=90)))
    bones = {b.name: b for b in drawn.bones}
    assert bones["head"].end[0] < bones["pelvis"].start[0] - 30
    assert bones["left_hand"].end[1] > 30

def test_flexing_toward_the_viewer_shortens_the_thigh() -> None:
    """In the front view hip_flex 90 (sitting) draws the thigh end-on, 60 at half length."""
    def thigh(flex: float) -> float:
        bone = layout(Pose("front", Angles(left_hip_flex=flex))).bone("left_thigh")
        return math.dist(bone.start, bone.end)
    assert thigh(0) == pytest.approx(24) and thigh(60) == pytest.approx(12)
    assert thigh(90) == pytest.approx(0, abs=1e-9)

def test_a_turned_chest_slides_the_shoulders_and_hides_the_far_arm() -> None:
    """Front view twist: shoulders shift toward the turn, the arm turning back goes behind."""
    def bones(twist: float) -> dict[str, Bone]:
        return {b.name: b for b in layout(Pose("front", Angles(twist=twist))).bones}

    for twist, back, ahead in ((40, "left", "right"), (-40, "right", "left")):
        turned = bones(twist)
        neck = turned["neck"].start[0]
        back_reach = abs(turned[f"{back}_clavicle"].end[0] - neck)
        ahead_reach = abs(turned[f"{ahead}_clavicle"].end[0] - neck)
        assert back_reach > ahead_reach + 3
        assert turned[f"{back}_upper_arm"].layer == "far"
        assert turned[f"{ahead}_upper_arm"].layer == "near"
        names = list(turned)
        assert names.index(f"{back}_upper_arm") < names.index("chest") < names.index(
            f"{ahead}_upper_arm")
    square = bones(0)
    assert {square[f"{s}_upper_arm"].layer for s in ("left", "right")} == {"near"}

def test_a_side_bend_keeps_the_hips_level() -> None:
    """Front view: bending the spine sideways leaves both feet on the floor."""
    drawn = layout(Pose("front", Angles(torso=-20, back=-40, left_hip=-14, right_hip=26)))
    feet = [lowest([drawn.bone(f"{s}_heel"), drawn.bone(f"{s}_foot")]) for s in ("left", "right")]
    assert feet == pytest.approx([0.0, 0.0], abs=TOLERANCE)

def test_a_seated_front_view_shows_knees_in_front_of_the_trunk() -> None:
    """Sitting seen from the front: each knee a rounded end just below the hip, wider
    than the shin hanging from it, drawn after the trunk, over the seat's front edge."""
    drawn = layout(builtin_specs()["upper-trapezius-stretch"].start)
    names = [b.name for b in drawn.bones]
    seat = lowest([drawn.bone("pelvis")])
    for side in ("left", "right"):
        knee, shin = drawn.bone(f"{side}_knee"), drawn.bone(f"{side}_shin")
        assert knee.end[1] < knee.start[1] - 3  # the knee drops below the hip
        assert knee.end_radius > shin.start_radius + 1
        assert names.index(f"{side}_knee") > names.index("chest")
        assert names.index(f"{side}_knee") > names.index(f"{side}_shin")
        assert abs(knee.end[1] - seat) < knee.end_radius + 6  # about at the seat's level
    edges = [s for s in shapes(drawn, "chair") if isinstance(s, Box) and s.y1 < seat]
    assert edges, "the seat's front edge shows below the seat top"
    standing = layout(Pose("front", Angles()))
    assert math.dist(standing.bone("left_knee").start, standing.bone("left_knee").end) < 1e-9


def test_a_figure_lying_on_its_side_is_a_profile_seen_from_above() -> None:
    """Top view, lying on the side: head to the left, knees bent up the picture in front,
    the lower (right) limbs drawn behind, an arm opened behind reaching down the picture."""
    drawn = layout(Pose("top", Angles(left_hip=90, left_knee=90, right_hip=90, right_knee=90,
                                      left_shoulder=-70), lying="side"))
    pelvis = drawn.bone("pelvis").start
    assert drawn.bone("head").end[0] < pelvis[0] - 25
    knee = drawn.bone("left_thigh").end
    assert knee[1] > pelvis[1] + 15  # the thighs point the way the front faces
    assert drawn.bone("right_thigh").layer == "far" and drawn.bone("left_thigh").layer == "near"
    assert drawn.bone("left_hand").end[1] < drawn.bone("chest").end[1] - 15


def test_a_straight_arm_raised_toward_the_viewer_shortens_whole() -> None:
    """Front view: a straight arm flexed 60 degrees is drawn half as long, forearm and hand too;
    a forearm bent square across the body keeps its full length."""
    def lengths(angles: Angles) -> tuple[float, float]:
        bones = {b.name: b for b in skeleton(Pose("front", angles))}
        return tuple(math.dist(bones[f"left_{n}"].start, bones[f"left_{n}"].end)  # type: ignore[return-value]
                     for n in ("upper_arm", "forearm"))
    upper, fore = lengths(Angles())
    assert lengths(Angles(left_shoulder_flex=60)) == pytest.approx((upper / 2, fore / 2))
    assert lengths(Angles(left_shoulder_flex=60, left_elbow=-90))[1] == pytest.approx(fore)
