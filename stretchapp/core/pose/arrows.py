"""Motion marks made into arrows placed on the laid-out figure, in figure units.

An arrow is found from the joints as laid out, so it follows the figure, and
it lives in figure space, so the renderer mirrors and crops it with the figure.
A circle rides on its point at the moment drawn; a swing traces where the point
goes over the whole movement (each moment laid out as the player draws it,
against the start), held a little outside that path so it does not hide the limb.
"""

from __future__ import annotations

import itertools
import math
from dataclasses import dataclass
from functools import lru_cache

from stretchapp.core.pose.geometry import Bone, Layout, Point
from stretchapp.core.pose.model import PoseSpec
from stretchapp.core.pose.motion import MotionMark, mark_bones
from stretchapp.core.pose.scene import layout

# A circle's radius by the part it circles, in figure units (a figure is about
# 100 tall): a shoulder rolls in a small circle, hips sway wide.
_RADII = {"shoulder": 6.5, "elbow": 6.0, "hand": 6.0, "knee": 6.0, "ankle": 5.5,
          "heel": 5.0, "toes": 5.5, "hips": 15.0, "head": 8.0}
# Seen from the front or above, a circle in the floor's plane is seen nearly edge on.
_FLATTENED = 0.32
# How much of the loop the circling arrow draws: the gap shows where it starts.
_SWEEP = 290.0
# How far outside its path a swing is drawn, and how many moments trace it.
SWING_OFFSET = 4.5
_SWING_STEPS = 12
# A swing shorter than this (a foot's small pump) is drawn further out round its
# pivot, so its two heads do not meet; never further out than the limit.
_SWING_MIN_LENGTH = 24.0
_SWING_MAX_OFFSET = 14.0
# A rock: a cradle, an arc curving up at both ends above the point, between
# these angles round its centre (0 = toward +x, y up).
_ROCK = (200.0, 340.0)
# A rock's arc clears the outline above its point by this much, looking that
# far to either side of it.
_ROCK_CLEARANCE = 4.0
_ROCK_WIDTH = 5.0


@dataclass(frozen=True)
class Arrow:
    """A drawn arrow: a line through points (figure units) with heads at its ends."""

    points: tuple[Point, ...]
    head_at_start: bool
    head_at_end: bool = True


def _point_of(drawn: Layout, point: str) -> tuple[Point, Point]:
    """Where a motion point is on a laid-out figure, and the point it turns about."""
    bone_name, end, pivot_name, pivot_end = mark_bones(point)
    bones: dict[str, Bone] = {bone.name: bone for bone in drawn.bones}
    bone = bones[bone_name]
    at = bone.end if end == "end" else bone.start
    if point == "hips":  # the pelvis bone runs up the trunk: circle its middle
        at = bone.point(0.5)[0]
    pivot = bones[pivot_name]
    return at, pivot.end if pivot_end == "end" else pivot.start


def _circle(centre: Point, kind: str, flat: bool) -> Arrow:
    """A loop round centre turning over the top toward the back (-x: the
    figure faces +x from the side; its right from the front)."""
    squash = _FLATTENED if flat else 1.0
    start = -90.0 + (360.0 - _SWEEP) / 2  # the gap sits under the point
    return Arrow(_arc(centre, _RADII[kind], squash, start, _SWEEP), head_at_start=False)


def _arc(centre: Point, radius: float, squash: float, start: float,
         sweep: float) -> tuple[Point, ...]:
    steps = max(8, round(abs(sweep) / 10))
    return tuple(
        (centre[0] + radius * math.cos(math.radians(start + sweep * i / steps)),
         centre[1] + radius * squash * math.sin(math.radians(start + sweep * i / steps)))
        for i in range(steps + 1))


def _length(points: tuple[Point, ...]) -> float:
    return sum(math.dist(a, b) for a, b in itertools.pairwise(points))


def _clear_above(drawn: Layout, centre: Point) -> float:
    """How far above centre the figure's outline reaches, near it: a rock's arc
    goes over that, not across the body (and the muscle drawn in it)."""
    reach = 0.0
    for bone in drawn.bones:
        if bone.layer == "hidden":
            continue
        for step in range(11):
            (x, y), radius = bone.point(step / 10)
            if abs(x - centre[0]) < _ROCK_WIDTH:
                reach = max(reach, y + radius - centre[1])
    return reach


def _outside(path: list[Point], pivots: list[Point], offset: float) -> tuple[Point, ...]:
    """The path pushed offset away from its pivot at each moment.

    A point that is its own pivot (hips, a shoulder) is pushed away from the
    middle of the chord instead: to the outside of its curve.
    """
    (ax, ay), (bx, by) = path[0], path[-1]
    mid = ((ax + bx) / 2, (ay + by) / 2)
    pushed: list[Point] = []
    for (x, y), (px, py) in zip(path, pivots, strict=True):
        dx, dy = x - px, y - py
        if math.hypot(dx, dy) < 1.0:
            dx, dy = x - mid[0], y - mid[1]
            if math.hypot(dx, dy) < 1.0:
                dx, dy = -(by - ay), bx - ax  # a straight path: to its left
        length = math.hypot(dx, dy) or 1.0
        pushed.append((x + dx / length * offset, y + dy / length * offset))
    return tuple(pushed)


@lru_cache(maxsize=64)
def _swing(spec: PoseSpec, point: str) -> Arrow:
    path: list[Point] = []
    pivots: list[Point] = []
    for step in range(_SWING_STEPS + 1):
        at, pivot = _point_of(layout(spec.at(step / _SWING_STEPS), spec.start), point)
        path.append(at)
        pivots.append(pivot)
    offset = SWING_OFFSET
    points = _outside(path, pivots, offset)
    while _length(points) < _SWING_MIN_LENGTH and offset < _SWING_MAX_OFFSET:
        offset += 1.5
        points = _outside(path, pivots, offset)
    return Arrow(points, head_at_start=True)


def mark_arrow(spec: PoseSpec, mark: MotionMark, drawn: Layout) -> Arrow:
    """The arrow of one mark on the figure as drawn at this moment (drawn)."""
    if mark.kind == "swing" and spec.is_movement:
        return _swing(spec, mark.point)
    centre, _ = _point_of(drawn, mark.point)
    kind = mark.point.removeprefix("left_").removeprefix("right_")
    if mark.kind == "rock":
        # A cradle: an arc curving up at both ends, sitting just above the body.
        low, high = _ROCK
        radius = _RADII[kind] * 0.6
        lowest = centre[1] + _clear_above(drawn, centre) + _ROCK_CLEARANCE
        return Arrow(_arc((centre[0], lowest + radius), radius, 1.0, low, high - low),
                     head_at_start=True)
    return _circle(centre, kind, flat=not spec.start.profile)


# The lowest an arrow may come in the side and front views: above the floor
# (y = 0), not into the strip drawn under it.
FLOOR_CLEARANCE = 1.5


def _above_floor(arrow: Arrow) -> Arrow:
    """The arrow lifted whole, if need be, so no part of it dips into the floor."""
    low = min(p[1] for p in arrow.points)
    if low >= FLOOR_CLEARANCE:
        return arrow
    lift = FLOOR_CLEARANCE - low
    return Arrow(tuple((x, y + lift) for x, y in arrow.points), arrow.head_at_start,
                 arrow.head_at_end)


def motion_arrows(spec: PoseSpec, at: float | None = None) -> tuple[Arrow, ...]:
    """Every arrow of a stretch drawn at moment at (None: where it is held)."""
    if not spec.motion:
        return ()
    moment = spec.hold if at is None else at
    drawn = layout(spec.at(moment), spec.start if spec.is_movement else None)
    # A swing of a point the movement does not move has no path: nothing to draw.
    arrows = tuple(arrow for arrow in (mark_arrow(spec, mark, drawn) for mark in spec.motion)
                   if _length(arrow.points) >= 1.0)
    if spec.start.view == "top":  # seen from above there is no floor below
        return arrows
    return tuple(map(_above_floor, arrows))


def cut_for_head(points: list[Point], length: float) -> tuple[list[Point], Point, Point]:
    """A head at the end of a line: the line cut back under it, its tip and direction.

    The head points along the line's last stretch of about its own length, so
    it follows a curve instead of the last tiny segment.
    """
    tip = points[-1]
    index = len(points) - 2
    while index > 0 and math.dist(tip, points[index]) < length:
        index -= 1
    base = points[index]
    norm = math.dist(tip, base) or 1.0
    ux, uy = (tip[0] - base[0]) / norm, (tip[1] - base[1]) / norm
    cut = (tip[0] - ux * length * 0.8, tip[1] - uy * length * 0.8)
    return [*points[:index + 1], cut], tip, (ux, uy)
