"""Motion marks: small arrows that show how a stretch moves where a still cannot.

A circling shoulder, an ankle drawing circles, a foot pumping up and down:
one picture shows one moment of these, so a pose may add `motion:` marks
(docs/poses.md, "Motion marks"). The vocabulary is three words:

- `circle: POINT`: a looping arrow round a point of the figure (a shoulder
  roll, ankle or hip circles); seen from the front or above, a circle in the
  floor's plane, drawn flattened;
- `swing: POINT`: a two-headed arrow along the path the point travels from a
  movement's start to its end (arms swinging, toes pointing and pulling back);
- `rock: POINT`: a small two-headed cradle just above the body over a point
  that tilts to and fro while hardly moving (the pelvis in a pelvic tilt).

This module holds the vocabulary and the reading of a `motion:` value; it
imports nothing else of the pose package, so the parser can use it.
arrows.py turns marks into shapes placed on the laid-out figure.
"""

from __future__ import annotations

import difflib
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Literal, TypeAlias

MarkKind: TypeAlias = Literal["circle", "swing", "rock"]
MARK_KINDS: tuple[MarkKind, ...] = ("circle", "swing", "rock")

# The points a mark may follow: the bone it is the start or end of, and the
# point it turns about, also a bone's start or end (a swing keeps to the
# outside of its path, away from that pivot; a heel rises about the ball).
_SIDED: dict[str, tuple[str, str, str, str]] = {
    "shoulder": ("upper_arm", "start", "upper_arm", "start"),
    "elbow": ("forearm", "start", "upper_arm", "start"),
    "hand": ("hand", "end", "upper_arm", "start"),
    "knee": ("shin", "start", "thigh", "start"),
    "ankle": ("foot", "start", "shin", "start"),
    "heel": ("heel", "end", "foot", "end"),
    "toes": ("foot", "end", "foot", "start"),
}
_MIDLINE: dict[str, tuple[str, str, str, str]] = {
    "hips": ("pelvis", "start", "pelvis", "start"),
    "head": ("head", "end", "neck", "start"),
}
MOTION_POINTS: tuple[str, ...] = (
    *(f"{side}_{name}" for side in ("left", "right") for name in _SIDED), *_MIDLINE)


@dataclass(frozen=True)
class MotionMark:
    """One arrow: a circle round a point, a swing along the path it travels, or a rock."""

    kind: MarkKind
    point: str


def mark_bones(point: str) -> tuple[str, str, str, str]:
    """Where a point is on the figure: (bone, 'start' or 'end', pivot bone, its end)."""
    if point in _MIDLINE:
        return _MIDLINE[point]
    side, _, name = point.partition("_")
    bone, end, pivot, pivot_end = _SIDED[name]
    return f"{side}_{bone}", end, f"{side}_{pivot}", pivot_end


# --- reading ----------------------------------------------------------------

MotionProblem: TypeAlias = tuple[tuple[str | int, ...], str]


def _hint(word: object, choices: tuple[str, ...]) -> str:
    close = difflib.get_close_matches(str(word), choices, n=1)
    return f" (did you mean '{close[0]}'?)" if close else ""


def read_motion(value: object, at: tuple[str | int, ...],
                movement: bool) -> tuple[tuple[MotionMark, ...], list[MotionProblem]]:
    """The marks a `motion:` list gives, with every problem in it.

    movement says whether the pose has a start and an end: a swing follows
    the path between them, so a still pose cannot have one.
    """
    problems: list[MotionProblem] = []
    items = list(enumerate(value)) if isinstance(value, list) else [(None, value)]
    found: list[MotionMark] = []
    for index, item in items:
        path = at if index is None else (*at, index)
        if not isinstance(item, Mapping) or len(item) != 1:
            problems.append((path, "a motion mark is one key and a point, like "
                                   "'circle: left_shoulder' or 'swing: left_hand'"))
            continue
        ((kind, point),) = item.items()
        where = (*path, kind if isinstance(kind, str | int) else str(kind))
        chosen = next((k for k in MARK_KINDS if k == kind), None)
        if chosen is None:
            problems.append((where, f"unknown motion mark '{kind}'{_hint(kind, MARK_KINDS)}; "
                                    "marks are circle, swing and rock"))
            continue
        if point not in MOTION_POINTS:
            problems.append((where, f"unknown point '{point}'{_hint(point, MOTION_POINTS)}; "
                                    "points are shoulder, elbow, hand, knee, ankle, heel, "
                                    "toes (with left_ or right_), hips, head"))
            continue
        if chosen == "swing" and not movement:
            problems.append((where, "swing follows a point from a movement's start to its "
                                    "end: it needs start and end (or use circle)"))
            continue
        mark = MotionMark(chosen, str(point))
        if mark not in found:
            found.append(mark)
    return tuple(found), problems
