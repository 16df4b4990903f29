"""The shapes a drawn pose is made of: bones, muscles, props, the face and the layout.

The figure is laid out in units of about a hundredth of its height, y pointing
up, the floor at y = 0, and always in one canonical orientation: in the side
view it faces +x with its left side toward the viewer, in the front view its
left side is at +x. The renderer flips x to draw the side view facing left (so
a picture shows the left side, as routine images do) and to mirror a pose for
the right side. skeleton.py builds the bones; scene.py places them and the props.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Literal, TypeAlias

from stretchapp.core.pose.contacts import Contact
from stretchapp.core.pose.model import Prop, View

Point: TypeAlias = tuple[float, float]
# Drawing order in depth: far limbs, then the trunk and head, then near limbs.
Layer: TypeAlias = Literal["far", "body", "near", "hidden"]
# What the figure rests on (the top view has no gravity: it lies on the floor or mat).
Support: TypeAlias = Literal["floor", "mat", "step", "chair"]

# Heights of what the figure rests on, for a figure about 100 tall.
STEP_HEIGHT = 18.0
SEAT_HEIGHT = 26.0  # a chair seat
MAT_THICKNESS = 2.2



@dataclass(frozen=True)
class Bone:
    """A segment of the figure, drawn as a capsule tapering from start to end.

    A 'ball' bone (the head) is drawn as a circle of end_radius at its end; a
    hidden one only links joints (hips to pelvis in the front view).
    """

    name: str
    parent: str | None
    start: Point
    end: Point
    start_radius: float
    end_radius: float
    layer: Layer
    ball: bool = False

    @property
    def piece(self) -> str:
        """The part drawn as one outline: 'trunk', 'head', or a limb like 'left_leg'."""
        side, _, kind = self.name.partition("_")
        if side not in ("left", "right") or kind in ("clavicle", "hip"):
            return "head" if self.name == "head" else "trunk"
        return f"{side}_{'arm' if kind in ('upper_arm', 'forearm', 'hand') else 'leg'}"

    def circles(self) -> tuple[tuple[Point, float], ...]:
        """The circles whose hull is the drawn shape (for bounds and contact)."""
        if self.layer == "hidden":
            return ()
        if self.ball:
            return ((self.end, self.end_radius),)
        return (self.start, self.start_radius), (self.end, self.end_radius)

    def point(self, t: float) -> tuple[Point, float]:
        """The centre and radius a fraction t of the way from start to end."""
        x = self.start[0] + (self.end[0] - self.start[0]) * t
        y = self.start[1] + (self.end[1] - self.start[1]) * t
        return (x, y), self.start_radius + (self.end_radius - self.start_radius) * t


@dataclass(frozen=True)
class Muscle:
    """A highlighted muscle: a capsule lying inside the bone it belongs to."""

    part: str
    bone: str
    start: Point
    end: Point
    start_radius: float
    end_radius: float


@dataclass(frozen=True)
class Box:
    """A solid rectangle (chair part, step, mat, door lintel)."""

    x0: float
    y0: float
    x1: float
    y1: float
    corner: float = 0.0


@dataclass(frozen=True)
class Band:
    """A towel or strap: a thick line through points."""

    points: tuple[Point, ...]
    width: float


@dataclass(frozen=True)
class Floor:
    y: float


@dataclass(frozen=True)
class Wall:
    """A wall whose face is at x; it fills everything beyond, toward side (+1 or -1)."""

    x: float
    side: int


@dataclass(frozen=True)
class Post:
    """A door-frame upright: a vertical bar of full height."""

    x: float
    width: float


Shape: TypeAlias = Box | Band | Floor | Wall | Post


@dataclass(frozen=True)
class PlacedProp:
    prop: Prop
    shapes: tuple[Shape, ...]


@dataclass(frozen=True)
class Layout:
    """A pose made concrete: bones in drawing order, muscles, face and props."""

    view: View
    bones: tuple[Bone, ...]
    muscles: tuple[Muscle, ...]
    face: Face
    props: tuple[PlacedProp, ...]
    support: Support
    # Each declared contact and the gap left between it and its surface, in
    # figure units (negative: sunk into it), or None when the surface is missing.
    gaps: tuple[tuple[Contact, float | None], ...] = ()

    def bone(self, name: str) -> Bone:
        return next(b for b in self.bones if b.name == name)

    def circles(self) -> list[tuple[Point, float]]:
        found = [circle for bone in self.bones for circle in bone.circles()]
        found.append(self.face.nose)
        return found

    def body_bounds(self) -> tuple[float, float, float, float]:
        return circle_bounds(self.circles())


def circle_bounds(circles: Iterable[tuple[Point, float]]) -> tuple[float, float, float, float]:
    items = list(circles)
    return (min(c[0] - r for c, r in items), min(c[1] - r for c, r in items),
            max(c[0] + r for c, r in items), max(c[1] + r for c, r in items))


@dataclass(frozen=True)
class Face:
    """What shows which way the head points: a nose bump and the visible eyes."""

    nose: tuple[Point, float]
    eyes: tuple[Point, ...]
    eye_radius: float = 0.75

    def moved(self, move: Callable[[Point], Point]) -> Face:
        return Face((move(self.nose[0]), self.nose[1]), tuple(map(move, self.eyes)),
                    self.eye_radius)
