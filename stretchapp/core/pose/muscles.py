"""Where a highlighted body part is drawn: a muscle-shaped capsule inside its bone.

`highlight: [left_calf]` names body parts (pose.BODY_PARTS); each maps to one
or more regions of the bones, on the side of the bone where the muscle lies
(the back of the shin for the calf), so the accent colour reads as "this is
what stretches" rather than "this limb".
"""

from __future__ import annotations

import math
from typing import TypeAlias

from stretchapp.core.pose.geometry import Bone, Muscle

# Where each body part lies: (bone, from, to along it, which side of it, width).
# Sides: front/back of the body (side view), out (toward the part's own side,
# front view), centre. Width is a fraction of the bone's own thickness.
_Region: TypeAlias = tuple[str, float, float, str, float]
_SIDE_VIEW_PARTS: dict[str, tuple[_Region, ...]] = {
    "calf": (("shin", 0.06, 0.55, "back", 0.75),),
    "soleus": (("shin", 0.35, 0.88, "back", 0.7),),
    "shin": (("shin", 0.1, 0.8, "front", 0.6),),
    "hamstring": (("thigh", 0.12, 0.9, "back", 0.7),),
    "quad": (("thigh", 0.1, 0.88, "front", 0.7),),
    "hip_flexor": (("thigh", 0.0, 0.35, "front", 0.65), ("pelvis", 0.0, 0.6, "front", 0.55)),
    "glute": (("pelvis", 0.0, 0.55, "back", 0.7),),
    "side": (("pelvis", 0.5, 1.0, "centre", 0.6), ("waist", 0.0, 0.8, "centre", 0.6)),
    "chest": (("chest", 0.2, 0.9, "front", 0.6),),
    "shoulder": (("upper_arm", 0.0, 0.35, "centre", 0.85),),
    "biceps": (("upper_arm", 0.25, 0.85, "front", 0.65),),
    "triceps": (("upper_arm", 0.2, 0.85, "back", 0.65),),
    "forearm": (("forearm", 0.05, 0.8, "centre", 0.7),),
    "trapezius": (("neck", 0.0, 0.6, "back", 0.7), ("chest", 0.6, 1.0, "back", 0.6)),
    "neck": (("neck", 0.0, 0.75, "centre", 0.9),),
    "neck_back": (("neck", 0.0, 0.75, "back", 0.75),),
    "neck_front": (("neck", 0.1, 0.75, "front", 0.75),),
    "neck_left": (("neck", 0.0, 0.75, "centre", 0.9),),
    "neck_right": (("neck", 0.0, 0.75, "centre", 0.9),),
    "upper_back": (("chest", 0.0, 0.9, "back", 0.65),),
    "lower_back": (("waist", 0.0, 1.0, "back", 0.65), ("pelvis", 0.5, 1.0, "back", 0.65)),
    "back": (("pelvis", 0.5, 1.0, "back", 0.65), ("waist", 0.0, 1.0, "back", 0.65),
             ("chest", 0.0, 0.9, "back", 0.65)),
    "abs": (("waist", 0.0, 1.0, "front", 0.6), ("pelvis", 0.5, 1.0, "front", 0.6)),
}
_FRONT_VIEW_PARTS: dict[str, tuple[_Region, ...]] = {
    **{part: ((bone, t0, t1, "centre", width),)
       for part, ((bone, t0, t1, _, width), *_) in _SIDE_VIEW_PARTS.items()},
    # Seen from the front the trunk's widest part is the waist bone's top:
    # the lower back and the flanks lie lower, over the pelvis and the waist's
    # lower part, the chest above (tests/core/test_pose_muscles.py measures it).
    "glute": (("pelvis", 0.0, 0.4, "out", 0.42),),
    "side": (("pelvis", 0.55, 1.0, "out", 0.45), ("waist", 0.0, 0.6, "out", 0.45)),
    "chest": (("chest", 0.15, 0.8, "out", 0.55),),
    "trapezius": (("clavicle", 0.05, 0.95, "centre", 0.9),),
    "neck_left": (("neck", 0.0, 0.75, "out", 0.65),),
    "neck_right": (("neck", 0.0, 0.75, "out", 0.65),),
    "upper_back": (("waist", 0.6, 1.0, "centre", 0.6), ("chest", 0.0, 0.6, "centre", 0.6)),
    "lower_back": (("pelvis", 0.35, 1.0, "centre", 0.55), ("waist", 0.0, 0.35, "centre", 0.55)),
    "back": (("pelvis", 0.35, 1.0, "centre", 0.55), ("waist", 0.0, 1.0, "centre", 0.6),
             ("chest", 0.0, 0.6, "centre", 0.6)),
    "abs": (("pelvis", 0.4, 1.0, "centre", 0.55), ("waist", 0.0, 0.5, "centre", 0.55)),
}
_AXIAL = ("pelvis", "waist", "chest", "neck", "clavicle")


def muscles(part: str, bones: dict[str, Bone], front: bool) -> list[Muscle]:
    """The capsules that show one highlighted body part."""
    side, _, muscle = part.partition("_")
    if side not in ("left", "right"):  # a midline part, or neck_left / neck_right
        muscle = part
        side = "right" if part.endswith("_right") else "left"
    table = _FRONT_VIEW_PARTS if front else _SIDE_VIEW_PARTS
    # The figure's own left, square to the pelvis (front view): where "out" points.
    pelvis = bones["pelvis"]
    px, py = pelvis.end[0] - pelvis.start[0], pelvis.end[1] - pelvis.start[1]
    toward = 1.0 if side == "left" else -1.0
    found = []
    for bone_kind, t0, t1, where, width in table[muscle]:
        name = bone_kind if bone_kind in _AXIAL[:4] else f"{side}_{bone_kind}"
        bone = bones.get(name)
        if bone is None:
            continue
        dx, dy = bone.end[0] - bone.start[0], bone.end[1] - bone.start[1]
        length = math.hypot(dx, dy) or 1.0
        normal = (-dy / length, dx / length)  # counter-clockwise from the bone
        if where == "out":
            sign = 1.0 if (normal[0] * py - normal[1] * px) * toward >= 0 else -1.0
        else:
            # Limbs hang down, so their front is counter-clockwise; the trunk's is not.
            sign = -1.0 if bone_kind in _AXIAL else 1.0
            sign *= {"front": 1.0, "back": -1.0}.get(where, 0.0)
        ends = []
        for t in (t0, t1):
            centre, radius = bone.point(t)
            inner = radius * width
            shift = (radius - inner) * 0.9 * sign
            ends.append(((centre[0] + normal[0] * shift, centre[1] + normal[1] * shift), inner))
        found.append(Muscle(part, name, ends[0][0], ends[1][0], ends[0][1], ends[1][1]))
    return found
