"""A stretch drawn from a pose: a 2D skeleton given by joint angles, plus props.

A pose is what a routine file writes under `pose:` (docs/poses.md): a view,
joint angles in degrees, props and the muscles to highlight. Every angle is
relative to its parent segment, so the neutral pose (all zeros) is a person
standing upright with arms hanging, and tilting the torso tilts everything
that hangs from it. This module holds the vocabulary (views, props, joints and
their ranges, body parts) and the immutable model; parser.py reads it from YAML.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, fields, replace
from typing import Literal, TypeAlias

from stretchapp.core.pose.contacts import Contact
from stretchapp.core.pose.motion import MotionMark

View: TypeAlias = Literal["side", "front", "top"]
VIEWS: tuple[View, ...] = ("side", "front", "top")
# How a figure seen from above (the top view) lies: on its back, drawn with the
# front view's joints, or on its side, drawn in profile with the side view's.
Lying: TypeAlias = Literal["back", "side"]
LYING: tuple[Lying, ...] = ("back", "side")

PropKind: TypeAlias = Literal[
    "floor", "mat", "wall", "door_frame", "chair", "step", "towel", "strap"]
PROP_KINDS: tuple[PropKind, ...] = (
    "floor", "mat", "wall", "door_frame", "chair", "step", "towel", "strap")

# Seen from above the figure lies on its back: only what it lies on or holds.
TOP_VIEW_PROPS: tuple[PropKind, ...] = ("floor", "mat", "towel", "strap")

# Where a prop goes, per view; the first is the default. Props not listed take
# no option. Positions are found from the figure: a wall at "front" touches the
# figure's frontmost point, a chair "seat" is under the buttocks.
_FRONT_PLACES: dict[str, tuple[str, ...]] = {
    "wall": ("left", "right"),
    "chair": ("seat", "hold"),
    "towel": ("left_foot", "right_foot"),
    "strap": ("left_foot", "right_foot"),
}
PROP_PLACES: dict[View, dict[str, tuple[str, ...]]] = {
    "side": {
        "wall": ("front", "back"),
        "door_frame": ("hands", "front", "back"),
        "chair": ("seat", "hold"),
        "towel": ("left_foot", "right_foot"),
        "strap": ("left_foot", "right_foot"),
    },
    "front": _FRONT_PLACES,
    "top": _FRONT_PLACES,
}


@dataclass(frozen=True)
class Angles:
    """Joint angles in degrees; all zero is standing upright, arms hanging.

    Side view (the figure faces where it is going): positive torso leans
    forward, back rounds the spine (negative arches it), neck bends it forward
    and head nods the chin down, shoulder and hip swing the limb forward, elbow
    bends the forearm forward, knee bends the shin back, ankle lifts the toes;
    shrug lifts the shoulders, shoulders_forward rounds them (negative draws
    them back). Front and top views: torso, back and neck bend toward the
    figure's left, twist and head_turn turn the chest and face toward its left,
    shoulder and hip lift the limb out to its side, elbow and knee bend on in
    that same turning direction; *_flex bring a limb toward the viewer, drawn
    foreshortened (a seated figure seen from the front has hip_flex 90).
    """

    torso: float = 0.0
    back: float = 0.0
    twist: float = 0.0
    neck: float = 0.0
    head: float = 0.0
    head_turn: float = 0.0
    shrug: float = 0.0
    shoulders_forward: float = 0.0
    left_shoulder: float = 0.0
    left_shoulder_flex: float = 0.0
    left_elbow: float = 0.0
    left_hip: float = 0.0
    left_hip_flex: float = 0.0
    left_knee: float = 0.0
    left_ankle: float = 0.0
    right_shoulder: float = 0.0
    right_shoulder_flex: float = 0.0
    right_elbow: float = 0.0
    right_hip: float = 0.0
    right_hip_flex: float = 0.0
    right_knee: float = 0.0
    right_ankle: float = 0.0


JOINTS: tuple[str, ...] = tuple(f.name for f in fields(Angles))

_SIDE_RANGES = {
    "torso": (-180, 180), "back": (-45, 60), "neck": (-60, 70), "head": (-45, 45),
    "shrug": (-10, 40), "shoulders_forward": (-30, 30),
    # A negative elbow or knee is a limb seen turned across or back: a raised
    # forearm when the upper arm points out to the side, a shin crossed over
    # the other thigh. Seen from the side they look bent the wrong way.
    "shoulder": (-80, 190), "elbow": (-100, 160),
    "hip": (-60, 160), "knee": (-150, 165), "ankle": (-90, 45),
}
_FRONT_RANGES = {
    "torso": (-180, 180), "back": (-60, 60), "twist": (-80, 80), "neck": (-60, 60),
    "head": (-45, 45), "head_turn": (-90, 90), "shrug": (-10, 40),
    "shoulder": (-40, 190), "shoulder_flex": (0, 180), "elbow": (-160, 160),
    "hip": (-60, 100), "hip_flex": (0, 150), "knee": (-160, 160),
}


def _per_joint(by_kind: Mapping[str, tuple[int, int]]) -> dict[str, tuple[int, int]]:
    """Expand 'knee' to left_knee and right_knee."""
    ranges: dict[str, tuple[int, int]] = {}
    for joint in JOINTS:
        kind = joint.removeprefix("left_").removeprefix("right_")  # knee, hip_flex, ...
        if kind in by_kind:
            ranges[joint] = by_kind[kind]
    return ranges


# The joints each view draws, and the angles a body can take there.
JOINT_RANGES: dict[View, dict[str, tuple[int, int]]] = {
    "side": _per_joint(_SIDE_RANGES),
    "front": _per_joint(_FRONT_RANGES),
    "top": _per_joint(_FRONT_RANGES),
}

FLAT_ANKLES = ("left_ankle", "right_ankle")  # may be 'flat' (side view): sole level

# Body parts that `highlight:` may name. Limb muscles take a side prefix.
_SIDED_PARTS = ("calf", "soleus", "shin", "hamstring", "quad", "hip_flexor", "glute",
                "side", "chest", "shoulder", "biceps", "triceps", "forearm", "trapezius")
_MIDLINE_PARTS = ("neck", "neck_back", "neck_front", "neck_left", "neck_right",
                  "upper_back", "lower_back", "back", "chest", "abs")
BODY_PARTS: tuple[str, ...] = (
    *(f"{side}_{part}" for side in ("left", "right") for part in _SIDED_PARTS),
    *_MIDLINE_PARTS,
)


@dataclass(frozen=True)
class Prop:
    """A thing the figure uses; place says where (PROP_PLACES), '' for the default."""

    kind: PropKind
    place: str = ""


@dataclass(frozen=True)
class Pose:
    """One still picture of the figure: view, angles, props and highlighted parts.

    lying says, for the top view, whether the figure lies on its back or its side.
    """

    view: View = "side"
    angles: Angles = field(default_factory=Angles)
    props: tuple[Prop, ...] = ()
    highlight: tuple[str, ...] = ()
    contacts: tuple[Contact, ...] = ()
    lying: Lying = "back"

    @property
    def profile(self) -> bool:
        """Whether the figure is drawn in profile: the side view, or lying on its side."""
        return self.view == "side" or self.lying == "side"


def drawn_joints(view: View, lying: Lying = "back") -> dict[str, tuple[int, int]]:
    """The joints a picture draws and their ranges: a figure lying on its side is a profile."""
    return JOINT_RANGES["side" if lying == "side" else view]


@dataclass(frozen=True)
class PoseSpec:
    """A stretch's drawing: one pose, or a start and an end for a counted movement.

    hold is where a movement is held when a routine holds it still (0 = its
    start, 1 = its end): a chin tuck is held tucked, a side bend bent. motion
    holds the arrows drawn on it (motion.py): how it moves where a still cannot show.
    middle, when given, is the pose half way: the movement passes through it,
    so a limb can go over the top instead of the short way between its ends.
    """

    start: Pose
    end: Pose | None = None
    hold: float = 0.0
    motion: tuple[MotionMark, ...] = ()
    middle: Pose | None = None

    @property
    def is_movement(self) -> bool:
        return self.end is not None

    def at(self, t: float) -> Pose:
        """The pose a fraction t (0 = start, 1 = end) into the movement."""
        if self.end is None:
            return self.start
        if self.middle is None:
            return interpolate(self.start, self.end, t)
        if t <= 0.5:
            return interpolate(self.start, self.middle, 2 * t)
        return interpolate(self.middle, self.end, 2 * t - 1)


def interpolate(a: Pose, b: Pose, t: float) -> Pose:
    """The pose between a (t=0) and b (t=1): angles blend, the rest snaps at half way."""
    t = min(1.0, max(0.0, t))
    blended = Angles(**{
        name: getattr(a.angles, name) + (getattr(b.angles, name) - getattr(a.angles, name)) * t
        for name in JOINTS
    })
    return replace(a if t < 0.5 else b, angles=blended)
