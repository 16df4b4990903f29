"""A posed figure set in its scene: resting on the floor or a prop, props placed.

Props are placed from the figure, so a routine file never gives coordinates:
a wall touches the figure's frontmost point, a chair seat is under the
buttocks, a step's edge is under the balls of the feet, a towel runs from the
hands round the sole of one foot. The figure is then lifted onto what it
rests on. Standing figures keep their feet in place (a movement's hips sway
over still feet); other figures keep their hips in place. A movement's frames
share one placement: what is planted on the floor, mat, seat or step stays
where the start put it (anchored).
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable

from stretchapp.core.pose.contacts import SURFACE_PROPS, Contact, contact_points, lowest, reaching
from stretchapp.core.pose.geometry import (
    MAT_THICKNESS,
    SEAT_HEIGHT,
    STEP_HEIGHT,
    Band,
    Bone,
    Box,
    Floor,
    Layout,
    Muscle,
    PlacedProp,
    Point,
    Post,
    Shape,
    Support,
    Wall,
    circle_bounds,
)
from stretchapp.core.pose.model import Pose, Prop
from stretchapp.core.pose.muscles import muscles
from stretchapp.core.pose.skeleton import face
from stretchapp.core.pose.solver import HEIGHTS, Anchor, anchored_shift, contact_bones, solve

_SIDES = ("left", "right")


def _lowest(bones: Iterable[Bone]) -> float:
    return min(c[1] - r for bone in bones for c, r in bone.circles())


def _standing(bones: dict[str, Bone]) -> bool:
    """Both feet on the ground: each foot reaches down to the lowest point."""
    lowest = _lowest(bones.values())
    return all(_lowest([bones[f"{s}_heel"], bones[f"{s}_foot"]]) - lowest < 1.5 for s in _SIDES)


def _sole(foot: Bone, t: float) -> Point:
    """The point of the sole under a fraction t of the way along a side-view foot."""
    (x, y), radius = foot.point(t)
    dx, dy = foot.end[0] - foot.start[0], foot.end[1] - foot.start[1]
    length = math.hypot(dx, dy) or 1.0
    return x + dy / length * radius, y - dx / length * radius  # clockwise from the toes


# How far along the foot (ankle to toes) its ball lies: what rests on a step's edge.
BALL_OF_FOOT = 0.7


def _step_contact(bones: dict[str, Bone]) -> Point:
    """Where the feet meet a step's edge: the lowest of the balls and toes.

    The front of the foot rests on the stair; everything behind the ball,
    the heel above all, hangs free over the edge and may drop below it.
    """
    points = [_sole(bones[f"{s}_foot"], t) for s in _SIDES for t in (BALL_OF_FOOT, 1.0)]
    return min(points, key=lambda p: p[1])


def _contact_support(contacts: tuple[Contact, ...]) -> Support:
    surfaces = {c.surface for c in contacts}
    for surface, support in (("seat", "chair"), ("step", "step"), ("mat", "mat")):
        if surface in surfaces:
            return support  # type: ignore[return-value]
    return "floor"


def _offset(bones: dict[str, Bone], pose: Pose, lift: float | None,
            seat_top: float | None, front: bool) -> tuple[Point, Support]:
    """How far to move the figure so it rests on its support, and which support.

    lift, when the pose has contacts, is the height the solver found for them;
    without contacts the lowest point of the figure rests on its support.
    """
    props = pose.props
    kinds = {prop.kind for prop in props}
    lowest = _lowest(bones.values())
    sideways = 0.0
    if _standing(bones) or "step" in kinds:
        sideways = -sum(bones[f"{s}_shin"].end[0] for s in _SIDES) / 2
    if lift is not None:
        return (sideways, lift), _contact_support(pose.contacts)
    if "step" in kinds:
        if front:
            return (sideways, STEP_HEIGHT - lowest), "step"
        return (sideways, STEP_HEIGHT - _step_contact(bones)[1]), "step"
    if any(p.kind == "chair" and p.place == "seat" for p in props):
        seat = _lowest([bones["pelvis"]])
        if seat_top is not None:  # a movement on a chair that is already placed
            return (0.0, seat_top - seat), "chair"
        # Feet that reach down past the seat rest on the floor; others dangle.
        if seat - lowest >= 12:
            return (0.0, -lowest), "chair"
        return (0.0, SEAT_HEIGHT - seat), "chair"
    if "mat" in kinds:
        return (sideways, MAT_THICKNESS - lowest), "mat"
    return (sideways, -lowest), "floor"


def _chair(x: float, seat: float, facing: int, back_top: float | None) -> tuple[Shape, ...]:
    """A chair in profile: the backrest at x, the seat reaching toward facing (+1 or -1)."""
    def span(a: float, b: float) -> tuple[float, float]:
        return min(a, b), max(a, b)

    front = x + 22.0 * facing
    back_x0, back_x1 = span(x, x + 2.4 * facing)
    leg_x0, leg_x1 = span(front, front - 2.4 * facing)
    top = back_top if back_top is not None else seat + 38
    seat_x0, seat_x1 = span(x, front)
    return (Box(back_x0, 0, back_x1, top, 1.0), Box(leg_x0, 0, leg_x1, seat),
            Box(seat_x0, seat - 3.0, seat_x1, seat, 1.0))


def _place(prop: Prop, bones: dict[str, Bone], view: str,
           bounds: tuple[float, float, float, float],
           at: dict[str, float]) -> tuple[Shape, ...]:
    """The shapes of one prop, placed against the figure (or where at says: wall, seat)."""
    x0, y0, x1, y1 = bounds
    hands = [bones[f"{s}_hand"].end for s in _SIDES]
    front = view != "side"
    if prop.kind == "floor":
        return () if view == "top" else (Floor(0.0),)
    if prop.kind == "mat":
        if view == "top":  # seen from above: the whole mat lies under the figure
            return (Box(x0 - 4, y0 - 4, x1 + 4, y1 + 4, 3.0),)
        return (Box(x0 - 3, 0, x1 + 3, MAT_THICKNESS, MAT_THICKNESS / 2),)
    if prop.kind == "wall":
        if "wall" in at:
            return (Wall(at["wall"], 1 if prop.place in ("front", "left") else -1),)
        return (Wall(x1, 1),) if prop.place in ("front", "left") else (Wall(x0, -1),)
    if prop.kind == "door_frame":
        if front:
            return Post(x0 - 3, 6), Post(x1 + 3, 6), Box(x0 - 6, y1 + 8, x1 + 6, y1 + 14)
        if prop.place == "hands":
            # The frame stands against the forearms, on the side toward the
            # chest: held back by it, the figure leans through the doorway.
            x = sum(h[0] for h in hands) / 2
            toward = 1.0 if bones["chest"].end[0] >= x else -1.0
            return (Post(x + toward * (bones["left_forearm"].start_radius + 3.0), 6),)
        return (Post(x1 + 3, 6) if prop.place == "front" else Post(x0 - 3, 6),)
    if prop.kind == "step":
        if front:
            return (Box(x0 - 6, 0, x1 + 6, STEP_HEIGHT, 1.0),)
        return _stairs(bones)
    if prop.kind == "chair" and prop.place == "seat":
        pelvis = bones["pelvis"]
        seat = at.get("seat", _lowest([pelvis]))
        if front:
            # Seen from a little above: the backrest frame standing out round
            # the back, the seat's top under the buttocks, its front edge
            # lower, across the knees (which come out over it), and the legs.
            edge = seat - SEAT_DEPTH
            return (Box(-16.5, seat, -14.5, seat + 42), Box(14.5, seat, 16.5, seat + 42),
                    Box(-17, seat + 38, 17, seat + 42, 1.0), Box(-19, edge, 19, seat, 1.0),
                    Box(-20, edge - 4, 20, edge, 1.0),
                    Box(-19, 0, -16.6, edge - 4), Box(16.6, 0, 19, edge - 4))
        return _chair(pelvis.start[0] - pelvis.start_radius - 2.6, seat, 1, None)
    if prop.kind == "chair":  # held for balance: the backrest under the outer hand
        hand = max(hands, key=lambda h: abs(h[0]))
        facing = 1 if hand[0] >= 0 else -1
        top = hand[1] - 1.8
        return _chair(hand[0] - 1.2 * facing, min(SEAT_HEIGHT, top - 20), facing, top)
    # A towel or strap from both hands round the sole, under the ball of one foot.
    foot = bones[prop.place]
    (bx, by), radius = foot.point(0.7)
    dx, dy = foot.end[0] - foot.start[0], foot.end[1] - foot.start[1]
    length = math.hypot(dx, dy) or 1.0
    width = 2.4 if prop.kind == "towel" else 1.4
    away = radius + width / 2  # clockwise from the toes' direction is the sole
    sole = (bx + dy / length * away, by - dx / length * away)
    return tuple(Band((hand, sole), width) for hand in hands)


# How far below the seat's top its front edge shows, seen from the front (a
# little from above): about where the knees come out over it.
SEAT_DEPTH = 4.0

STAIR_RUN = 26.0  # the depth of a tread


def _stairs(bones: dict[str, Bone]) -> tuple[Shape, ...]:
    """Stairs seen from the side, the bottom one's edge under the balls of the feet.

    The next stair up rises ahead so it reads as a staircase, and when a hand
    reaches forward a handrail runs up the stairs through it, held up by a
    post on each stair. The bottom stair is the last shape.
    """
    edge = _step_contact(bones)[0] - 2.0  # the ball a little onto the stair
    shapes: list[Shape] = []
    hand = max((bones[f"{s}_hand"].end for s in _SIDES), key=lambda h: h[0])
    if hand[0] > bones["chest"].end[0] + 4.0:  # reaching forward: holding the rail
        slope = STEP_HEIGHT / STAIR_RUN

        def rail_at(x: float) -> float:
            return hand[1] + (x - hand[0]) * slope

        start, stop = edge - 4.0, edge + 2 * STAIR_RUN - 2.0
        for stair, x in ((1, edge + STAIR_RUN - 7.0), (2, edge + 2 * STAIR_RUN - 7.0)):
            shapes.append(Box(x - 1.2, stair * STEP_HEIGHT, x + 1.2, rail_at(x), 0.6))
        shapes.append(Band(((start, rail_at(start)), (stop, rail_at(stop))), 1.8))
    shapes += [Box(edge + STAIR_RUN - 4, 0, edge + 2 * STAIR_RUN, 2 * STEP_HEIGHT, 1.0),
               Box(edge, 0, edge + STAIR_RUN, STEP_HEIGHT, 1.0)]
    return tuple(shapes)


def _moved_bone(bone: Bone, move: Callable[[Point], Point]) -> Bone:
    return Bone(bone.name, bone.parent, move(bone.start), move(bone.end), bone.start_radius,
                bone.end_radius, bone.layer, bone.ball)


def _moved_muscle(muscle: Muscle, move: Callable[[Point], Point]) -> Muscle:
    return Muscle(muscle.part, muscle.bone, move(muscle.start), move(muscle.end),
                  muscle.start_radius, muscle.end_radius)


# Props that stay put while a movement plays: placed once, against its start.
_FIXED_PROPS = ("floor", "mat", "wall", "door_frame", "chair", "step")


def _under_both(placed: PlacedProp, fixed: Layout) -> PlacedProp:
    """Seen from above, a mat under the start and this pose both: a limb opening out stays on it."""
    start = next((p for p in fixed.props if p.prop == placed.prop), placed)
    boxes = [s for s in (*start.shapes, *placed.shapes) if isinstance(s, Box)]
    if not boxes:
        return start
    return PlacedProp(placed.prop, (Box(min(b.x0 for b in boxes), min(b.y0 for b in boxes),
                                        max(b.x1 for b in boxes), max(b.y1 for b in boxes),
                                        boxes[0].corner),))


def layout(pose: Pose, props_from: Pose | None = None) -> Layout:
    """Every shape of a pose, in figure units, resting on its floor or prop.

    props_from is the pose that walls, chairs, steps and mats are placed
    against (a movement's start, so they do not move with the figure, and a
    seated figure stays on its seat); towels and straps follow the hands.
    """
    if props_from is None or props_from == pose:
        return _layout(pose, None)
    fixed = _layout(props_from, None)
    seat = None
    if fixed.support == "chair":
        seat = _lowest([fixed.bone("pelvis")])
    drawn = _layout(pose, seat, *_anchors(pose.contacts, props_from.contacts, fixed))
    kept = tuple(placed if placed.prop.kind not in _FIXED_PROPS
                 else _under_both(placed, fixed) if drawn.view == "top"
                 else next((p for p in fixed.props if p.prop == placed.prop), placed)
                 for placed in drawn.props)
    bones = {bone.name: bone for bone in drawn.bones}
    return Layout(drawn.view, drawn.bones, drawn.muscles, drawn.face, kept, drawn.support,
                  measure(pose.contacts, bones, kept))


def _planted(contacts: tuple[Contact, ...]) -> list[tuple[str, float, float]]:
    """The bone points that bear weight (on a floor, mat, seat or step), with its height."""
    return [(name, t, HEIGHTS[c.surface]) for c in contacts if c.surface in HEIGHTS
            for name, ts in contact_points(c.part) for t in ts]


def _anchors(contacts: tuple[Contact, ...], start_contacts: tuple[Contact, ...],
             start: Layout) -> tuple[tuple[Anchor, ...], float | None]:
    """Where a movement's frame must keep what it rests on, and where else it may stand.

    A point planted in the frame keeps the place it has in the start when it
    rested on that surface there too (feet rising onto their toes, hands and
    knees on the mat as the hips rock back, hands on a wall or chair back): those are the
    anchors, which the solver holds. A frame planted only on parts that were
    in the air at the start (the other foot, marching) comes down where the
    start stood: the second value, the mean place of the start's planted points.
    """
    here, there = _planted(contacts), _planted(start_contacts)
    base = {bone.name: bone for bone in start.bones}
    anchors: list[Anchor] = []
    for name, t, height in here:
        (x, y), radius = base[name].point(t)
        if y - radius - height <= _RESTING:
            anchors.append((name, t, 0, x))
    touching = {contact for contact, gap in start.gaps if gap is not None and abs(gap) <= _RESTING}
    anchors += [(name, t, axis, base[name].point(t)[0][axis]) for c in contacts
                if c.surface in _HELD and c in touching
                for name, ts in contact_points(c.part) for t in ts for axis in (0, 1)]
    if not here or not there:
        return tuple(anchors), None
    stood = sum(base[name].point(t)[0][0] for name, t, _ in there) / len(there)
    return tuple(anchors), stood


# Surfaces a part leans on or holds rather than stands on: kept in place both
# across and up (a hand on a wall, on a chair back held for balance).
_HELD = ("wall", "door_frame", "chair")
# How near its surface a point must be in the start to count as resting on it.
_RESTING = 1.5


def _layout(pose: Pose, seat: float | None, anchors: tuple[Anchor, ...] = (),
            stood: float | None = None) -> Layout:
    """The layout of one pose; seat, when given, is the height its chair seat must keep.

    anchors and stood, for a movement's frame, say where it keeps what it
    stands on (_anchors); without them it rests where it would on its own.
    """
    contacts = pose.contacts
    lift: float | None = None
    walls: dict[str, float] = {}
    if contacts and pose.view != "top":
        solved = solve(pose, anchors)
        pose, lift, walls = solved.pose, solved.lift, dict(solved.walls)
    built = {bone.name: bone for bone in contact_bones(pose)}
    front = not pose.profile
    found = [m for part in pose.highlight for m in muscles(part, built, front)]
    head = face(built, pose.angles, front)
    if pose.view == "top":
        # Lying on the back seen from above: the front view turned a quarter,
        # head to the left and the figure's left side up.
        support: Support = "mat" if any(p.kind == "mat" for p in pose.props) else "floor"

        def move(p: Point) -> Point:
            return -p[1], p[0]
    else:
        (dx, dy), support = _offset(built, pose, lift, seat, front)
        across = anchored_shift(built, anchors)
        if across is not None:
            dx = across
        elif stood is not None:
            planted = _planted(pose.contacts)
            dx = stood - sum(built[name].point(t)[0][0] for name, t, _ in planted) / len(planted)

        def move(p: Point) -> Point:
            return p[0] + dx, p[1] + dy

    bones = {name: _moved_bone(bone, move) for name, bone in built.items()}
    head = head.moved(move)
    bounds = circle_bounds([*(c for b in bones.values() for c in b.circles()), head.nose])
    props = list(pose.props)
    if not any(prop.kind == "floor" for prop in props):
        props.insert(0, Prop("floor"))  # there is always a floor
    at = {name: x + dx for name, x in walls.items()}
    if any(c.surface == "seat" for c in contacts):
        at["seat"] = HEIGHTS["seat"]
    placed = tuple(PlacedProp(prop, _place(prop, bones, pose.view, bounds, at))
                   for prop in props)
    return Layout(pose.view, tuple(bones.values()), tuple(_moved_muscle(m, move) for m in found),
                  head, placed, support, measure(contacts, bones, placed))


def measure(contacts: tuple[Contact, ...], bones: dict[str, Bone],
            placed: tuple[PlacedProp, ...]) -> tuple[tuple[Contact, float | None], ...]:
    """Each contact's gap to its placed surface; None when that surface is not there."""
    found: list[tuple[Contact, float | None]] = []
    for contact in contacts:
        points = [(bones[name], ts) for name, ts in contact_points(contact.part)
                  if name in bones]
        shapes = [shape for p in placed if p.prop.kind == SURFACE_PROPS.get(contact.surface)
                  and (contact.surface != "seat" or p.prop.place == "seat")
                  and (contact.surface != "chair" or p.prop.place == "hold")
                  for shape in p.shapes]
        gaps: list[float] = []
        if contact.surface in ("floor", "mat", "seat", "step"):
            if contact.surface != "floor" and not shapes:
                found.append((contact, None))
                continue
            gaps = [lowest(bone, ts) - HEIGHTS[contact.surface] for bone, ts in points]
        elif contact.surface == "chair" and shapes and isinstance(shapes[0], Box):
            gaps = [lowest(bone, ts) - shapes[0].y1 for bone, ts in points]
        else:
            for shape in shapes:
                if isinstance(shape, Wall):
                    gaps = [shape.x * shape.side - reaching(bone, ts, shape.side)
                            for bone, ts in points]
                elif isinstance(shape, Post):
                    gaps.extend(min(abs(c[0] - shape.x) - r - shape.width / 2
                                    for c, r in (bone.point(t) for t in ts))
                                for bone, ts in points)
            if not shapes or not gaps:
                found.append((contact, None))
                continue
        found.append((contact, max(gaps, key=abs) if gaps else None))
    return tuple(found)
