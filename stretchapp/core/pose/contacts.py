"""Contacts: what part of a posed figure touches which surface.

A pose says what bears its weight or rests against something (`contacts:
{left_foot: floor, hands: wall}`); the scene places the figure so those
parts touch their surfaces (pose_solver) and reports what gap is left, so a
heel meant to be down cannot float and `stretchapp render --check` can say so.

This module holds the vocabulary, the reading of a `contacts:` value and the
measuring of gaps on bones; it imports nothing else of the pose package, so
the parser can use it.
"""

from __future__ import annotations

import difflib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Literal, Protocol, TypeAlias

Surface: TypeAlias = Literal["floor", "mat", "seat", "step", "wall", "door_frame", "chair"]
SURFACES: tuple[Surface, ...] = ("floor", "mat", "seat", "step", "wall", "door_frame", "chair")
# The prop a surface belongs to (the floor is always there).
SURFACE_PROPS: dict[str, str] = {"mat": "mat", "seat": "chair", "step": "step",
                                 "wall": "wall", "door_frame": "door_frame", "chair": "chair"}

# Where each part touches: points, each a bone and the fractions along it that
# may touch (the lowest, or nearest to a wall, of them counts). A part of two
# points (a whole foot: heel and ball) touches only when both do.
_Point: TypeAlias = tuple[str, tuple[float, ...]]
_ALONG = (0.0, 0.25, 0.5, 0.75, 1.0)
_SIDED: dict[str, tuple[_Point, ...]] = {
    "heel": (("heel", (1.0,)),),
    "ball": (("foot", (0.7,)),),
    "toes": (("foot", (1.0,)),),
    "foot": (("heel", (1.0,)), ("foot", (0.7,))),
    "instep": (("foot", _ALONG),),
    "knee": (("shin", (0.0,)),),
    "shin": (("shin", _ALONG),),
    "thigh": (("thigh", _ALONG),),
    "hand": (("hand", _ALONG),),
    "forearm": (("forearm", (0.0,)), ("forearm", (1.0,))),
    "elbow": (("forearm", (0.0,)),),
}
_MIDLINE: dict[str, tuple[_Point, ...]] = {
    "hips": (("pelvis", (0.0, 0.5)),),
    "back": (("chest", _ALONG),),
    "head": (("head", (1.0,)),),
}
CONTACT_PARTS: tuple[str, ...] = (
    *(f"{side}_{part}" for side in ("left", "right") for part in _SIDED), *_MIDLINE)
# Both sides at once: `feet: floor` is left_foot and right_foot.
PLURALS: dict[str, str] = {"heels": "heel", "balls": "ball", "toes": "toes", "feet": "foot",
                           "insteps": "instep",
                           "knees": "knee", "shins": "shin", "thighs": "thigh", "hands": "hand",
                           "forearms": "forearm", "elbows": "elbow"}
# The limb joints the solver may turn to bring a part to its surface.
_LEG = ("hip", "knee", "ankle")
_CHAINS: dict[str, tuple[str, ...]] = {
    "heel": _LEG, "ball": _LEG, "toes": _LEG, "foot": _LEG, "instep": _LEG,
    "knee": ("hip",), "shin": ("hip", "knee"), "thigh": ("hip",),
    "hand": ("shoulder", "elbow"), "forearm": ("shoulder", "elbow"), "elbow": ("shoulder",),
}


@dataclass(frozen=True)
class Contact:
    """One part of the figure (CONTACT_PARTS) touching one surface (SURFACES)."""

    part: str
    surface: Surface


def contact_points(part: str) -> tuple[_Point, ...]:
    """The bone points of a part, with the bone names made whole (left_heel, pelvis)."""
    if part in _MIDLINE:
        return _MIDLINE[part]
    side, _, kind = part.partition("_")
    return tuple((f"{side}_{bone}", ts) for bone, ts in _SIDED[kind])


def free_joints(part: str) -> tuple[str, ...]:
    """The joints that move a part relative to the trunk (left_knee, ...)."""
    side, _, kind = part.partition("_")
    return tuple(f"{side}_{joint}" for joint in _CHAINS.get(kind, ()))


class _Circle(Protocol):
    """What a bone offers for measuring: its centre and radius along it."""

    def point(self, t: float) -> tuple[tuple[float, float], float]: ...


def lowest(bone: _Circle, ts: Sequence[float]) -> float:
    """The lowest outline point over the given fractions of a bone."""
    return min(c[1] - r for c, r in (bone.point(t) for t in ts))


def reaching(bone: _Circle, ts: Sequence[float], toward: float) -> float:
    """How far the outline reaches toward +x (toward=1) or -x (toward=-1)."""
    return max(c[0] * toward + r for c, r in (bone.point(t) for t in ts))


# --- reading ----------------------------------------------------------------

ContactProblem: TypeAlias = tuple[tuple[str | int, ...], str]


def read_contacts(value: object, at: tuple[str | int, ...],
                  view: str) -> tuple[tuple[Contact, ...], list[ContactProblem]]:
    """The contacts a `contacts:` mapping gives, with every problem in it."""
    problems: list[ContactProblem] = []
    if view == "top":
        problems.append((at, "contacts are not used in the top view, where the figure "
                             "lies flat on the floor or mat"))
        return (), problems
    if not isinstance(value, Mapping):
        problems.append((at, "contacts must be a mapping of body part to surface, "
                             "like 'left_heel: floor'"))
        return (), problems
    found: list[Contact] = []
    for key, surface in value.items():
        path = (*at, key if isinstance(key, str | int) else str(key))
        parts = _parts(key)
        if not parts:
            close = difflib.get_close_matches(str(key), (*CONTACT_PARTS, *PLURALS), n=1)
            hint = f" (did you mean '{close[0]}'?)" if close else ""
            problems.append((path, f"unknown contact part '{key}'{hint}; parts are "
                                   "heel, ball, toes, foot, instep, knee, shin, thigh, hand, "
                                   "forearm, elbow (left_, right_ or both as heels, feet, ...), "
                                   "hips, back, head"))
            continue
        chosen = next((s for s in SURFACES if s == surface), None)
        if chosen is None:
            close = difflib.get_close_matches(str(surface), SURFACES, n=1)
            hint = f" (did you mean '{close[0]}'?)" if close else ""
            problems.append((path, f"unknown surface '{surface}'{hint}; surfaces are "
                                   f"{', '.join(SURFACES)}"))
            continue
        found.extend(Contact(part, chosen) for part in parts
                     if Contact(part, chosen) not in found)
    return tuple(found), problems


def _parts(key: object) -> tuple[str, ...]:
    if not isinstance(key, str):
        return ()
    if key in PLURALS:
        return tuple(f"{side}_{PLURALS[key]}" for side in ("left", "right"))
    return (key,) if key in CONTACT_PARTS else ()
