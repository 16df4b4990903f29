"""The skeleton of a pose: its bones, joint by joint from the hips, and its face.

Segment lengths are in figure units (geometry.py: y up, about 100 tall, one
canonical orientation). Joints chain from the hips: each bone starts where its
parent ends, so a test can check that the limbs stay connected. The bones come
out in drawing order, before the scene rests them on their support.
"""

from __future__ import annotations

import math

from stretchapp.core.pose.geometry import Bone, Face, Layer, Point
from stretchapp.core.pose.model import Angles, Pose

# Segment lengths, in figure units (a standing figure is about 100 tall).
ANKLE_HEIGHT = 4.0
SHIN = 24.0
THIGH = 24.0
TORSO_PART = 8.7  # the trunk is three parts, so the spine can round or arch
NECK = 10.0
HEAD_RADIUS = 6.8
UPPER_ARM = 17.0
FOREARM = 14.5
HAND = 7.0

# How far a turn of the chest (twist 90) slides the shoulders across, front view.
TWIST_SHIFT = 6.0
# From this much twist the arm on the side turning back is drawn behind the trunk.
TWIST_FAR = 20.0

# Seen from the front, from a little above: a thigh coming toward the viewer
# (hip_flex) is drawn as a short, wide shape dropping below the hip by this
# share of its depth, ending in a rounded knee a little wider than the shin.
KNEE_DROP = 0.25
KNEE_SWELL = 2.2  # how much wider a knee fully toward the viewer is drawn
# A front-view thigh brought this far toward the viewer (its knee drops at
# least this far) is drawn on its own, in front of the trunk: a lap.
LAP_DEPTH = 3.0


def direction(degrees: float) -> Point:
    """The unit vector at an angle counter-clockwise from +x."""
    radians = math.radians(degrees)
    return math.cos(radians), math.sin(radians)


def along(origin: Point, degrees: float, distance: float) -> Point:
    dx, dy = direction(degrees)
    return origin[0] + dx * distance, origin[1] + dy * distance


# (start radius, end radius) of each bone kind, side view then front view.
_RADII: dict[str, tuple[tuple[float, float], tuple[float, float]]] = {
    "pelvis": ((8.0, 7.3), (9.4, 8.3)),
    "waist": ((7.3, 8.4), (8.3, 10.2)),
    "chest": ((8.4, 6.4), (10.2, 6.0)),
    "clavicle": ((4.2, 4.2), (4.6, 4.6)),
    "neck": ((3.4, 3.2), (3.5, 3.3)),
    "upper_arm": ((3.6, 3.0), (3.6, 3.0)),
    "forearm": ((3.0, 2.3), (3.0, 2.3)),
    "hand": ((2.3, 1.7), (2.3, 1.7)),
    "thigh": ((6.6, 4.5), (6.2, 4.3)),
    "shin": ((4.5, 2.7), (4.3, 2.7)),
    "heel": ((2.8, 2.6), (2.8, 2.6)),
    "foot": ((2.8, 1.25), (2.8, 2.2)),
}


def _sin(degrees: float) -> float:
    return math.sin(math.radians(degrees))


def _cos(degrees: float) -> float:
    return math.cos(math.radians(degrees))


class _Skeleton:
    """Builds the bones of one pose, joint by joint, from the hips outward.

    The front view's *_flex joints bring a limb toward the viewer: the limb
    is drawn shortened by the cosine of that angle, a simple projection.
    """

    def __init__(self, pose: Pose) -> None:
        self.view = pose.view
        self.front = not pose.profile
        self.angles = pose.angles
        self.bones: dict[str, Bone] = {}

    def add(self, name: str, parent: str | None, start: Point, degrees: float, length: float,
            layer: Layer, kind: str = "") -> Bone:
        radii = _RADII.get(kind or name.split("_", 1)[-1], ((0.0, 0.0), (0.0, 0.0)))
        start_radius, end_radius = radii[1 if self.front else 0]
        ball = name == "head"
        if ball:
            start_radius = end_radius = HEAD_RADIUS
        bone = Bone(name, parent, start, along(start, degrees, length), start_radius, end_radius,
                    layer, ball)
        self.bones[name] = bone
        return bone

    def build(self) -> list[Bone]:
        a = self.angles
        # Trunk: three parts whose directions fan out by the spine's bend, so
        # the line from hips to neck keeps the torso angle however round the back.
        chord = 90 - a.torso
        parts = [chord + a.back / 2, chord, chord - a.back / 2]
        pelvis = self.add("pelvis", None, (0.0, 0.0), parts[0], TORSO_PART, "body")
        waist = self.add("waist", "pelvis", pelvis.end, parts[1], TORSO_PART, "body")
        chest = self.add("chest", "waist", waist.end, parts[2], TORSO_PART, "body")
        neck = self.add("neck", "chest", chest.end, parts[2] - a.neck * 0.6, NECK, "body")
        # Seen from the side a nod turns the head; from the front it only moves the face.
        nod = 0.0 if self.front else a.head
        self.add("head", "neck", neck.end, parts[2] - a.neck - nod, HEAD_RADIUS * 0.66, "body")
        for side in ("left", "right"):
            self.leg(side, chord, pelvis)
            self.arm(side, chord, parts[2], chest)
        return self.ordered()

    def layer(self, side: str, limb: str = "leg") -> Layer:
        if self.front:
            # A chest turned well away (twist) takes the arm on the side that
            # turns back behind the trunk.
            back = "left" if self.angles.twist > 0 else "right"
            far = limb == "arm" and abs(self.angles.twist) >= TWIST_FAR and side == back
            return "far" if far else "near"
        return "near" if side == "left" else "far"

    def outward(self, side: str) -> float:
        """+1 where a joint turning counter-clockwise moves the limb outward."""
        return 1.0 if side == "left" or not self.front else -1.0

    def leg(self, side: str, chord: float, pelvis: Bone) -> None:
        a = self.angles
        sign = self.outward(side)
        layer = self.layer(side)
        hip: Point = pelvis.start
        parent = None
        thigh_length = THIGH
        flex = getattr(a, f"{side}_hip_flex")
        if self.front:
            # Hip joints sit apart, linked to the pelvis by a hidden bone square
            # to it: a side bend of the spine (back) leaves the hips level.
            pelvis_angle = math.degrees(math.atan2(pelvis.end[1] - pelvis.start[1],
                                                   pelvis.end[0] - pelvis.start[0]))
            link = self.add(f"{side}_hip", None, pelvis.start, pelvis_angle - 90 * sign, 5.4,
                            "hidden")
            hip, parent = link.end, link.name
            thigh_length *= _cos(flex)
        thigh_angle = chord - 180 + sign * getattr(a, f"{side}_hip")
        knee_turn = getattr(a, f"{side}_knee")
        shin_angle = thigh_angle + (sign * knee_turn if self.front else -knee_turn)
        thigh = self.add(f"{side}_thigh", parent, hip, thigh_angle, thigh_length, layer)
        upper = thigh
        if self.view == "front":
            upper = self.knee(side, thigh, flex, getattr(a, f"{side}_hip"))
        shin = self.add(f"{side}_shin", upper.name, upper.end, shin_angle, SHIN, layer)
        if self.front:
            # Seen from the front the foot is short: a small shape turned outward.
            self.add(f"{side}_heel", shin.name, shin.end, shin_angle, 2.2, layer)
            self.add(f"{side}_foot", shin.name, shin.end, shin_angle + 55 * sign, 4.4, layer)
            return
        foot_angle = shin_angle + 90 + getattr(a, f"{side}_ankle")
        # Heel behind and below the ankle; toes a foot's length ahead, on the sole line.
        self.add(f"{side}_heel", shin.name, shin.end, foot_angle - 135, 2.0, layer)
        toe_drop = ANKLE_HEIGHT - 1.25
        self.add(f"{side}_foot", shin.name, shin.end,
                 foot_angle - math.degrees(math.atan2(toe_drop, 11.5)),
                 math.hypot(11.5, toe_drop), layer)

    def knee(self, side: str, thigh: Bone, flex: float, spread: float) -> Bone:
        """The part of a front-view thigh that comes toward the viewer (hip_flex).

        The thigh bone is only its outline in the picture's plane (end-on when
        sitting); seen from a little above, the depth it comes toward the
        viewer shows as a short drop below the hip, as wide as the thigh, to a
        rounded knee swollen a little by nearness. The knee also moves out as
        far as the hip swings the thigh out (spread). With no flex it has no
        length and hides inside the joint.
        """
        depth = THIGH * max(0.0, _sin(flex))
        out = depth * _sin(spread) * self.outward(side)
        end = (thigh.end[0] + out, thigh.end[1] - depth * KNEE_DROP)
        near = depth / THIGH
        start_radius = thigh.end_radius + (thigh.start_radius - thigh.end_radius) * near
        bone = Bone(f"{side}_knee", thigh.name, thigh.end, end, start_radius,
                    thigh.end_radius + KNEE_SWELL * near, thigh.layer)
        self.bones[bone.name] = bone
        return bone

    def arm(self, side: str, chord: float, chest_angle: float, chest: Bone) -> None:
        a = self.angles
        sign = self.outward(side)
        layer = self.layer(side, "arm")
        lift = 9.0 * _sin(a.shrug)  # shoulders rise with a shrug
        upper_length = UPPER_ARM
        lower_scale = 1.0
        if self.front:
            # The shoulders: a line from the neck's base out to each shoulder
            # joint. When the chest turns (twist) the line narrows and, as the
            # shoulders sit in front of the spine, slides toward the turn: the
            # shoulder coming forward looks shorter than the one going back.
            out = chest_angle - 90 * sign
            shoulder_at = along(along(along(chest.end, chest_angle, lift - 3.0), out,
                                      12.0 * _cos(a.twist)),
                                chest_angle - 90, TWIST_SHIFT * _sin(a.twist))
            flex = getattr(a, f"{side}_shoulder_flex")
            upper_length *= _cos(flex)
            # A straight arm raised toward the viewer shortens whole; a forearm
            # bent square to it lies across the picture at its full length.
            straight = max(0.0, _cos(getattr(a, f"{side}_elbow")))
            lower_scale = 1.0 - (1.0 - _cos(flex)) * straight
        else:
            forward = 7.0 * _sin(a.shoulders_forward)
            shoulder_at = along(along(chest.end, chest_angle, lift - 1.5), chest_angle - 90,
                                forward)
        degrees = math.degrees(math.atan2(shoulder_at[1] - chest.end[1],
                                          shoulder_at[0] - chest.end[0]))
        link = self.add(f"{side}_clavicle", chest.name, chest.end, degrees,
                        math.dist(chest.end, shoulder_at), "body" if self.front else "hidden",
                        "clavicle")
        upper_angle = chord - 180 + sign * getattr(a, f"{side}_shoulder")
        fore_angle = upper_angle + sign * getattr(a, f"{side}_elbow")
        upper = self.add(f"{side}_upper_arm", link.name, link.end, upper_angle, upper_length,
                         layer)
        fore = self.add(f"{side}_forearm", upper.name, upper.end, fore_angle,
                        FOREARM * lower_scale, layer)
        self.add(f"{side}_hand", fore.name, fore.end, fore_angle, HAND * lower_scale, layer)

    def ordered(self) -> list[Bone]:
        """Bones in drawing order: back to front."""
        legs = ("thigh", "knee", "shin", "heel", "foot")
        arms = ("upper_arm", "forearm", "hand")
        trunk = ["pelvis", "waist", "chest", "left_clavicle", "right_clavicle", "neck", "head"]
        if self.front:
            far = [s for s in ("left", "right") if self.bones[f"{s}_upper_arm"].layer == "far"]
            near = [s for s in ("left", "right") if s not in far]
            # Thighs coming toward the viewer (a lap) lie in front of the trunk.
            lap = [s for s in ("left", "right") if in_lap(self.bones, s)]
            names = [f"{s}_{p}" for s in ("left", "right") for p in (*legs, "hip")
                     if s not in lap or p == "hip"]
            # The knees come out in front of the hands at the sides and of the
            # tops of the shins hanging down from them.
            names += [*(f"{s}_{p}" for s in far for p in arms), *trunk,
                      *(f"{s}_{p}" for s in near for p in arms),
                      *(f"{s}_{p}" for s in lap for p in legs[2:]),
                      *(f"{s}_{p}" for s in lap for p in legs[:2])]
        else:
            names = [f"right_{p}" for p in (*legs, *arms)]
            names += [*trunk, *(f"left_{p}" for p in (*legs, *arms))]
        return [self.bones[n] for n in names if n in self.bones]


def in_lap(bones: dict[str, Bone], side: str) -> bool:
    """Whether a front-view leg's thigh comes toward the viewer enough to show as a lap."""
    knee = bones.get(f"{side}_knee")
    return knee is not None and math.dist(knee.start, knee.end) >= LAP_DEPTH


def skeleton(pose: Pose) -> list[Bone]:
    """The bones of a pose in drawing order, hips at the origin, before resting."""
    return _Skeleton(pose).build()


def face(bones: dict[str, Bone], angles: Angles, front: bool) -> Face:
    """The face of a head: seen from the side, or turned and nodding from the front."""
    head = bones["head"]
    neck = bones["neck"]
    up = math.degrees(math.atan2(head.end[1] - neck.end[1], head.end[0] - neck.end[0]))
    if not front:
        nose = along(along(head.end, up, -1.0), up - 90, HEAD_RADIUS - 0.3)
        eye = along(along(head.end, up, 0.9), up - 90, HEAD_RADIUS * 0.55)
        return Face((nose, 1.5), (eye,))
    # Eyes sit on the head like points on a ball, 22 degrees either side of
    # the face's middle: turning the head slides them over and hides the far one.
    turn = angles.head_turn + angles.twist
    lift = 0.9 - 3.2 * _sin(angles.head)
    eyes = tuple(along(along(head.end, up, lift), up - 90, HEAD_RADIUS * 0.8 * _sin(turn + side))
                 for side in (-22.0, 22.0) if _cos(turn + side) > 0.25)
    nose = along(along(head.end, up, lift - 2.2), up - 90, (HEAD_RADIUS + 0.2) * _sin(turn))
    return Face((nose, 1.4), eyes)
