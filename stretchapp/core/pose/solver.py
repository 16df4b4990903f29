"""Bringing a pose's contacts to their surfaces: placement and a small solver.

The angles a routine file gives say what the body does; its contacts say
what must touch what. Angles alone seldom make both feet reach the floor at
once, so the figure is lifted or lowered by the height that best fits every
contact, and the joints of the limbs carrying contacts (and, a little, the
torso) are turned within their ranges, never far from what was written, by
a damped least-squares solver until the remaining gaps are small. A test
holds every built-in stretch to gaps of at most one figure unit.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from functools import lru_cache

from stretchapp.core.pose.contacts import Contact, contact_points, free_joints, lowest, reaching
from stretchapp.core.pose.geometry import (
    MAT_THICKNESS,
    SEAT_HEIGHT,
    STEP_HEIGHT,
    Bone,
)
from stretchapp.core.pose.model import JOINT_RANGES, Pose
from stretchapp.core.pose.skeleton import HAND, skeleton

# How far the solver may turn a joint from the written angle, in degrees.
MAX_TURN = 25.0
# What a degree of turning costs against a unit of gap: a gap of one unit is
# worth turning a limb joint 40 degrees, the torso 13.
_LIMB_COST = 0.025
_TORSO_COST = 0.075
_STEP = 0.5  # degrees, for the finite differences
_GOOD_ENOUGH = 0.3  # figure units: stop when every gap is smaller

# A point a movement's frame keeps where its start put it: bone, fraction, and
# its place along the surface it rests on: axis 0 is x (across a floor), 1 is y
# (up a wall).
Anchor = tuple[str, float, int, float]

# Surfaces at a fixed height; walls, door frames and a held chair stand where
# the figure reaches them.
HEIGHTS = {"floor": 0.0, "mat": MAT_THICKNESS, "seat": SEAT_HEIGHT, "step": STEP_HEIGHT}


@dataclass(frozen=True)
class Solved:
    """A pose with its contacts met as well as they can be, and how to place it."""

    pose: Pose
    lift: float  # how far to move the figure up (hips start at the origin)
    walls: tuple[tuple[str, float], ...]  # (surface, x) of walls placed at contacts


def _horizontal(contacts: tuple[Contact, ...]) -> list[Contact]:
    return [c for c in contacts if c.surface in HEIGHTS]


def _bottoms(bones: dict[str, Bone], contact: Contact) -> list[float]:
    return [lowest(bones[name], ts) for name, ts in contact_points(contact.part)
            if name in bones]


def placement(bones: dict[str, Bone], contacts: tuple[Contact, ...]) -> float:
    """The lift that best sets the contacts on their heights (a mean, least squares)."""
    needs = [HEIGHTS[c.surface] - bottom for c in _horizontal(contacts)
             for bottom in _bottoms(bones, c)]
    return sum(needs) / len(needs) if needs else 0.0


def _floor_level(contacts: tuple[Contact, ...]) -> float:
    return MAT_THICKNESS if any(c.surface == "mat" for c in contacts) else 0.0


def _wall_side(pose: Pose) -> float:
    """+1 when the wall is toward +x (in front of a side view, or the left)."""
    place = next((p.place for p in pose.props if p.kind == "wall"), "front")
    return 1.0 if place in ("front", "left") else -1.0


def anchored_shift(bones: dict[str, Bone], anchors: tuple[Anchor, ...]) -> float | None:
    """How far to move the figure sideways to bring its anchors on the ground nearest
    their places; None when nothing on the ground is anchored."""
    across = [x - bones[name].point(t)[0][0] for name, t, axis, x in anchors if axis == 0]
    return sum(across) / len(across) if across else None


def residuals(pose: Pose, bones: dict[str, Bone], anchors: tuple[Anchor, ...] = ()) -> list[float]:
    """Each contact point's gap, how far anchored points are from their places, then
    how far anything sinks into the floor or a wall."""
    contacts = pose.contacts
    lift = placement(bones, contacts)
    moves = (anchored_shift(bones, anchors) or 0.0, lift)
    found_anchor = [bones[name].point(t)[0][axis] + moves[axis] - place
                    for name, t, axis, place in anchors]
    found: list[float] = []
    for contact in _horizontal(contacts):
        found += [bottom + lift - HEIGHTS[contact.surface] for bottom in _bottoms(bones, contact)]
    walled = [c for c in contacts if c.surface == "wall"]
    if walled:
        side = _wall_side(pose)
        reach = [reaching(bones[name], ts, side) for c in walled
                 for name, ts in contact_points(c.part) if name in bones]
        wall = max(reach)
        found += [wall - r for r in reach]
        body = max(c[0] * side + r for b in bones.values() for c, r in b.circles())
        found.append(max(0.0, body - wall))
    found += found_anchor
    floor = _floor_level(contacts)
    sunk = min(c[1] - r for b in bones.values() for c, r in b.circles())
    found.append(max(0.0, floor - (sunk + lift)))
    return found


def _joints(pose: Pose) -> list[str]:
    ranges = JOINT_RANGES[pose.view]
    names = ["torso"]
    for contact in pose.contacts:
        names += [j for j in free_joints(contact.part) if j in ranges and j not in names]
    return names


def contact_bones(pose: Pose) -> list[Bone]:
    """The skeleton, with hands that rest on a floor, mat or step laid flat.

    A hand continues its forearm; one pressing on the ground lies flat on it
    instead, fingers forward, as a palm does (the wrist bends: seen from the side).
    """
    bones = skeleton(pose)
    flat = {f"{c.part}" for c in pose.contacts
            if c.part.endswith("_hand") and c.surface in HEIGHTS and c.surface != "seat"}
    if pose.view != "side" or not flat:
        return bones
    return [replace(b, end=(b.start[0] + HAND, b.start[1])) if b.name in flat else b
            for b in bones]


def _bones(pose: Pose) -> dict[str, Bone]:
    return {bone.name: bone for bone in contact_bones(pose)}


def _turned(pose: Pose, names: list[str], deltas: list[float]) -> Pose:
    angles = {name: getattr(pose.angles, name) + d for name, d in zip(names, deltas, strict=True)}
    return replace(pose, angles=replace(pose.angles, **angles))


def _cost_vector(pose: Pose, names: list[str], deltas: list[float],
                 anchors: tuple[Anchor, ...]) -> list[float]:
    turned = _turned(pose, names, deltas)
    gaps = residuals(turned, _bones(turned), anchors)
    costs = [(_TORSO_COST if n == "torso" else _LIMB_COST) * d
             for n, d in zip(names, deltas, strict=True)]
    return gaps + costs


def _linear_solve(matrix: list[list[float]], rhs: list[float]) -> list[float]:
    """Gaussian elimination with partial pivoting, for the few unknowns here."""
    n = len(rhs)
    rows = [[*matrix[i], rhs[i]] for i in range(n)]
    for col in range(n):
        pivot = max(range(col, n), key=lambda r: abs(rows[r][col]))
        rows[col], rows[pivot] = rows[pivot], rows[col]
        if abs(rows[col][col]) < 1e-12:
            continue
        for r in range(col + 1, n):
            factor = rows[r][col] / rows[col][col]
            for c in range(col, n + 1):
                rows[r][c] -= factor * rows[col][c]
    result = [0.0] * n
    for r in range(n - 1, -1, -1):
        if abs(rows[r][r]) < 1e-12:
            continue
        total = rows[r][n] - sum(rows[r][c] * result[c] for c in range(r + 1, n))
        result[r] = total / rows[r][r]
    return result


def _bounds(pose: Pose, names: list[str]) -> list[tuple[float, float]]:
    ranges = JOINT_RANGES[pose.view]
    found = []
    for name in names:
        now = getattr(pose.angles, name)
        low, high = ranges[name]
        found.append((max(low - now, -MAX_TURN), min(high - now, MAX_TURN)))
    return found


def _gaps_of(vector: list[float], count: int) -> float:
    return max((abs(v) for v in vector[:count]), default=0.0)


def _solve_angles(pose: Pose, anchors: tuple[Anchor, ...]) -> Pose:
    """The pose with its free joints turned so the contacts touch (damped Gauss-Newton)."""
    names = _joints(pose)
    bounds = _bounds(pose, names)
    deltas = [0.0] * len(names)
    vector = _cost_vector(pose, names, deltas, anchors)
    count = len(vector) - len(names)
    damping = 1e-3
    for _ in range(20):
        if _gaps_of(vector, count) < _GOOD_ENOUGH:
            break
        columns = []
        for i in range(len(names)):
            nudged = list(deltas)
            nudged[i] += _STEP
            moved = _cost_vector(pose, names, nudged, anchors)
            columns.append([(m - v) / _STEP for m, v in zip(moved, vector, strict=True)])
        size = len(names)
        normal = [[sum(a * b for a, b in zip(columns[i], columns[j], strict=True))
                   for j in range(size)] for i in range(size)]
        gradient = [sum(a * b for a, b in zip(columns[i], vector, strict=True))
                    for i in range(size)]
        improved = False
        while damping < 1e6:
            damped = [[normal[i][j] + (damping * (1 + normal[i][i]) if i == j else 0.0)
                       for j in range(size)] for i in range(size)]
            step = _linear_solve(damped, [-g for g in gradient])
            trial = [min(hi, max(lo, d + s))
                     for d, s, (lo, hi) in zip(deltas, step, bounds, strict=True)]
            trial_vector = _cost_vector(pose, names, trial, anchors)
            before = sum(v * v for v in vector)
            after = sum(v * v for v in trial_vector)
            if after < before:
                # A step that gains under 2% means the rest cannot be had near here.
                improved = after < before * 0.98
                deltas, vector = trial, trial_vector
                damping = max(1e-6, damping / 4)
                break
            damping *= 5
        if not improved:
            break
    return _turned(pose, names, deltas)


@lru_cache(maxsize=256)
def solve(pose: Pose, anchors: tuple[Anchor, ...] = ()) -> Solved:
    """The pose adjusted to its contacts, the lift that sets it down, and its walls.

    anchors are points a movement's frame keeps where its start put them (a
    hand and a knee both planted on the mat as the hips rock back): the
    joints turn to keep them there as well as to touch.
    """
    adjusted = _solve_angles(pose, anchors) if pose.contacts else pose
    bones = _bones(adjusted)
    walls: list[tuple[str, float]] = []
    walled = [c for c in adjusted.contacts if c.surface == "wall"]
    if walled:
        side = _wall_side(adjusted)
        wall = max(reaching(bones[name], ts, side) for c in walled
                   for name, ts in contact_points(c.part) if name in bones)
        walls.append(("wall", wall * side))
    return Solved(adjusted, placement(bones, adjusted.contacts), tuple(walls))

