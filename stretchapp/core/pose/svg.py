"""Poses drawn as clean SVG, in the colours they are handed (core.palette's, from Theme.qml).

The picture is cropped to the figure and its props, with a margin: its
viewBox is 100 units on its longer side, so a lying figure fills the width
of a small card instead of sitting in the bottom third of a square. The
palette handed in says the colour of the card a picture sits on too, so the
seams between parts are drawn in it. A movement's
start and end share one frame (movement_frame) so the figure does not jump
or change size while it moves. Drawings are cached: the player asks for the
same few pictures again and again.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, replace
from functools import lru_cache

from stretchapp.core.palette import Palette, figure_palette
from stretchapp.core.pose.arrows import Arrow, cut_for_head, motion_arrows
from stretchapp.core.pose.geometry import (
    Band,
    Bone,
    Box,
    Face,
    Floor,
    Layout,
    Muscle,
    PlacedProp,
    Point,
    Post,
    Shape,
    Wall,
)
from stretchapp.core.pose.model import Pose, PoseSpec
from stretchapp.core.pose.scene import layout
from stretchapp.core.pose.skeleton import in_lap

VIEWBOX = 100.0
MARGIN = 6.0
# The thin gap, in figure units, that parts drawn over others leave round them.
GAP = 0.9
# Motion arrows are sized in viewBox units, not figure units, so they read the
# same on a tall standing figure and a wide lying one: line, its outline, head.
ARROW_LINE = 2.2
ARROW_OUTLINE = 1.1
ARROW_HEAD = (6.0, 3.6)  # length, half width

@dataclass(frozen=True)
class Frame:
    """The part of figure space a picture shows (x0, y0) to (x1, y1), y up."""

    x0: float
    y0: float
    x1: float
    y1: float

    def union(self, other: Frame) -> Frame:
        return Frame(min(self.x0, other.x0), min(self.y0, other.y0),
                     max(self.x1, other.x1), max(self.y1, other.y1))


def frame_of(drawn: Layout) -> Frame:
    """The figure, its props and a strip of floor: what a picture must show."""
    x0, y0, x1, y1 = drawn.body_bounds()
    x0, y0, x1, y1 = x0 - GAP, y0 - GAP, x1 + GAP, y1 + GAP  # the outline round the body
    if drawn.view != "top":
        y0 = min(y0, -3.0)  # a little floor below whatever rests on it
    for placed in drawn.props:
        for shape in placed.shapes:
            if isinstance(shape, Box):
                x0, x1 = min(x0, shape.x0), max(x1, shape.x1)
                y0, y1 = min(y0, shape.y0), max(y1, shape.y1)
            elif isinstance(shape, Band):
                x0 = min(x0, *(p[0] - shape.width for p in shape.points))
                x1 = max(x1, *(p[0] + shape.width for p in shape.points))
                y0 = min(y0, *(p[1] - shape.width for p in shape.points))
                y1 = max(y1, *(p[1] + shape.width for p in shape.points))
            elif isinstance(shape, Wall):
                x0, x1 = min(x0, shape.x - 5), max(x1, shape.x + 5)
            elif isinstance(shape, Post):
                x0, x1 = min(x0, shape.x - shape.width), max(x1, shape.x + shape.width)
    return Frame(x0, y0, x1, y1)


def with_arrows(frame: Frame, arrows: tuple[Arrow, ...]) -> Frame:
    """The frame grown to hold the arrows, with room for their heads."""
    room = 3.0  # figure units: about the head's half width on a standing figure
    for arrow in arrows:
        xs = [p[0] for p in arrow.points]
        ys = [p[1] for p in arrow.points]
        frame = frame.union(Frame(min(xs) - room, min(ys) - room, max(xs) + room,
                                  max(ys) + room))
    return frame


def movement_frame(spec: PoseSpec) -> Frame:
    """One frame that holds every pose of a movement, and its arrows, sampled along the way."""
    frame = with_arrows(frame_of(layout(spec.start)), motion_arrows(spec, 0.0))
    if spec.end is not None:
        for step in range(1, 5):
            frame = frame.union(with_arrows(frame_of(layout(spec.at(step / 4), spec.start)),
                                            motion_arrows(spec, step / 4)))
    return frame


def _number(value: float) -> str:
    text = f"{value:.2f}".rstrip("0").rstrip(".")
    return "0" if text == "-0" else text


class _Canvas:
    """Maps figure space into the viewBox (cropped to the frame) and writes SVG elements."""

    def __init__(self, frame: Frame, flip_x: bool, flip_y: bool) -> None:
        room = VIEWBOX - 2 * MARGIN
        width, height = max(frame.x1 - frame.x0, 1.0), max(frame.y1 - frame.y0, 1.0)
        self.scale = room / max(width, height)
        self.width = width * self.scale + 2 * MARGIN
        self.height = height * self.scale + 2 * MARGIN
        self.frame = frame
        self.flip_x = flip_x
        self.flip_y = flip_y
        self.items: list[str] = []

    def x(self, x: float) -> float:
        sx = MARGIN + (x - self.frame.x0) * self.scale
        return self.width - sx if self.flip_x else sx

    def y(self, y: float) -> float:
        sy = self.height - MARGIN - (y - self.frame.y0) * self.scale
        return self.height - sy if self.flip_y else sy

    def point(self, p: Point) -> Point:
        return self.x(p[0]), self.y(p[1])

    def rect(self, x0: float, y0: float, x1: float, y1: float, fill: str,
             corner: float = 0.0, edge: str | None = None) -> None:
        """A rectangle given by two corners in viewBox units."""
        attrs = (f'x="{_number(min(x0, x1))}" y="{_number(min(y0, y1))}" '
                 f'width="{_number(abs(x1 - x0))}" height="{_number(abs(y1 - y0))}"')
        if corner:
            attrs += f' rx="{_number(corner)}"'
        stroke = f' stroke="{edge}" stroke-width="0.4"' if edge else ""
        self.items.append(f'<rect {attrs} fill="{fill}"{stroke}/>')

    def capsule(self, start: Point, end: Point, r0: float, r1: float, fill: str) -> None:
        """A tapered capsule: the hull of two circles, in figure units."""
        c0, c1 = self.point(start), self.point(end)
        r0, r1 = r0 * self.scale, r1 * self.scale
        self.items.append(f'<path d="{capsule_path(c0, r0, c1, r1)}" fill="{fill}"/>')

    def circle(self, centre: Point, radius: float, fill: str) -> None:
        cx, cy = self.point(centre)
        self.items.append(f'<circle cx="{_number(cx)}" cy="{_number(cy)}" '
                          f'r="{_number(radius * self.scale)}" fill="{fill}"/>')

    def band(self, points: tuple[Point, ...], width: float, colour: str) -> None:
        path = " ".join(f"{_number(x)},{_number(y)}" for x, y in map(self.point, points))
        self.items.append(f'<polyline points="{path}" fill="none" stroke="{colour}" '
                          f'stroke-width="{_number(width * self.scale)}" '
                          'stroke-linecap="round" stroke-linejoin="round"/>')


def capsule_path(c0: Point, r0: float, c1: Point, r1: float) -> str:
    """SVG path data for the hull of two circles: two tangent lines and two arcs."""
    distance = math.dist(c0, c1)
    if distance + min(r0, r1) <= max(r0, r1) + 1e-9:  # one circle holds the other
        (cx, cy), r = (c0, r0) if r0 >= r1 else (c1, r1)
        radius = f"{_number(r)},{_number(r)}"
        return (f"M{_number(cx - r)},{_number(cy)} A{radius} 0 1,0 {_number(cx + r)},"
                f"{_number(cy)} A{radius} 0 1,0 {_number(cx - r)},{_number(cy)}Z")
    ux, uy = (c1[0] - c0[0]) / distance, (c1[1] - c0[1]) / distance
    cos = (r0 - r1) / distance
    sin = math.sqrt(max(0.0, 1 - cos * cos))
    # The two tangent normals, at +-phi from the line of centres.
    plus = (ux * cos - uy * sin, uy * cos + ux * sin)
    minus = (ux * cos + uy * sin, uy * cos - ux * sin)

    def at(c: Point, r: float, n: Point) -> str:
        return f"{_number(c[0] + r * n[0])},{_number(c[1] + r * n[1])}"

    # Both arcs turn the same way (sweep 0); the one round the smaller end is
    # the short one (large-arc 0) unless the ends are nearly level in size.
    end_large = 1 if cos < 0 else 0
    start_large = 1 if cos > 0 else 0
    return (f"M{at(c0, r0, plus)} L{at(c1, r1, plus)} "
            f"A{_number(r1)},{_number(r1)} 0 {end_large},0 {at(c1, r1, minus)} "
            f"L{at(c0, r0, minus)} A{_number(r0)},{_number(r0)} 0 {start_large},0 "
            f"{at(c0, r0, plus)}Z")


def _draw_prop(canvas: _Canvas, shape: Shape, fill: str, colours: Palette) -> None:
    floor_y = canvas.y(0.0)
    if isinstance(shape, Floor):
        line = _number(canvas.y(shape.y))
        canvas.rect(0, canvas.y(shape.y), canvas.width, canvas.height, colours.floor)
        canvas.items.append(f'<line x1="0" y1="{line}" x2="{_number(canvas.width)}" '
                            f'y2="{line}" stroke="{colours.prop_edge}" stroke-width="0.6"/>')
    elif isinstance(shape, Wall):
        beyond = max(0.0, min(canvas.width, canvas.x(shape.x + shape.side * 1000)))
        canvas.rect(canvas.x(shape.x), 0, beyond, floor_y, fill, edge=colours.prop_edge)
    elif isinstance(shape, Post):
        half = shape.width / 2
        canvas.rect(canvas.x(shape.x - half), 0, canvas.x(shape.x + half), floor_y,
                    fill, edge=colours.prop_edge)
    elif isinstance(shape, Box):
        canvas.rect(canvas.x(shape.x0), canvas.y(shape.y0), canvas.x(shape.x1),
                    canvas.y(shape.y1), fill, shape.corner * canvas.scale, colours.prop_edge)
    elif isinstance(shape, Band):
        canvas.band(shape.points, shape.width, fill)


def _draw_piece(canvas: _Canvas, bones: list[Bone], muscles: list[Muscle],
                face: Face | None, colours: Palette) -> None:
    """One limb, the trunk or the head: gap outline, then fill, then highlights.

    Outlining the whole piece before filling keeps its joints seamless while
    it still stands apart from whatever lies behind it.
    """
    far = bones[0].layer == "far"
    for colour, grow in ((colours.background, GAP), (colours.far if far else colours.near, 0.0)):
        for bone in bones:
            if bone.ball:
                canvas.circle(bone.end, bone.end_radius + grow, colour)
            else:
                canvas.capsule(bone.start, bone.end, bone.start_radius + grow,
                               bone.end_radius + grow, colour)
        if face is not None:
            canvas.circle(face.nose[0], face.nose[1] + grow, colour)
    accent = colours.far_accent if far else colours.accent
    for muscle in muscles:
        canvas.capsule(muscle.start, muscle.end, muscle.start_radius, muscle.end_radius, accent)
    if face is not None:
        for eye in face.eyes:
            canvas.circle(eye, face.eye_radius, colours.background)


def _draw_arrow(canvas: _Canvas, arrow: Arrow, colours: Palette) -> None:
    """A motion arrow in the accent colour, outlined in the background so it reads over
    the figure; the line stops where a head begins."""
    points = [canvas.point(p) for p in arrow.points]
    length, half = ARROW_HEAD
    heads: list[tuple[Point, Point]] = []
    if arrow.head_at_end and len(points) > 1:
        points, tip, way = cut_for_head(points, length)
        heads.append((tip, way))
    if arrow.head_at_start and len(points) > 1:
        reverse, tip, way = cut_for_head(points[::-1], length)
        points = reverse[::-1]
        heads.append((tip, way))
    line = " ".join(f"{_number(x)},{_number(y)}" for x, y in points)
    triangles = []
    for (tx, ty), (ux, uy) in heads:
        bx, by = tx - ux * length, ty - uy * length
        tips = ((tx, ty), (bx - uy * half, by + ux * half), (bx + uy * half, by - ux * half))
        triangles.append(" ".join(f"{_number(x)},{_number(y)}" for x, y in tips))
    for colour, grow in ((colours.background, ARROW_OUTLINE), (colours.accent, 0.0)):
        canvas.items.append(f'<polyline points="{line}" fill="none" stroke="{colour}" '
                            f'stroke-width="{_number(ARROW_LINE + 2 * grow)}" '
                            'stroke-linecap="round" stroke-linejoin="round"/>')
        for corners in triangles:
            stroke = (f' stroke="{colour}" stroke-width="{_number(2 * grow)}" '
                      'stroke-linejoin="round"') if grow else ""
            canvas.items.append(f'<polygon points="{corners}" fill="{colour}"{stroke}/>')


def draw(drawn: Layout, colours: Palette, mirrored: bool, size: int, frame: Frame,
         arrows: tuple[Arrow, ...] = ()) -> str:
    """The SVG text of a laid-out pose in the colours handed in (the background it sits on)."""
    # Side views face left, so the near side is the left one (as routine images show).
    # Mirroring swaps the figure's sides: across the picture, or, seen from
    # above (head to the left), top for bottom.
    top = drawn.view == "top"
    canvas = _Canvas(frame, flip_x=(drawn.view == "side") != (mirrored and not top),
                     flip_y=mirrored and top)
    towels: list[Band] = []
    for placed in drawn.props:
        kind = placed.prop.kind
        for shape in placed.shapes:
            if isinstance(shape, Band) and kind in ("towel", "strap"):
                towels.append(shape)
            elif isinstance(shape, Band):  # a handrail
                _draw_prop(canvas, shape, colours.prop_edge, colours)
            elif top and kind == "mat" and isinstance(shape, Box):
                # Seen from above the mat is the floor the figure lies on: drawn
                # like the floor strip of the other views, edged in the mat colour.
                canvas.rect(canvas.x(shape.x0), canvas.y(shape.y0), canvas.x(shape.x1),
                            canvas.y(shape.y1), colours.floor, shape.corner * canvas.scale,
                            colours.mat)
            else:
                _draw_prop(canvas, shape, colours.mat if kind == "mat" else colours.prop,
                           colours)
    pieces: dict[str, list[Bone]] = {}
    named = {bone.name: bone for bone in drawn.bones}
    for bone in drawn.bones:
        if bone.layer == "hidden":
            continue
        # Seen from the front, legs and trunk are one outline: hips without a
        # seam; but thighs coming toward the viewer (a lap) stand out in front
        # of the trunk, their knees over the tops of the shins.
        piece = bone.piece
        if drawn.view == "front" and piece.endswith("_leg"):
            side = piece.removesuffix("_leg")
            if not in_lap(named, side):
                piece = "trunk"
            elif bone.name in (f"{side}_thigh", f"{side}_knee"):
                piece = f"{side}_lap"  # drawn over the top of its shin
        pieces.setdefault(piece, []).append(bone)
    for piece, bones in pieces.items():
        if piece == "left_arm":  # towels run in front of the legs, under the hands
            for band in towels:
                _draw_prop(canvas, band, colours.towel, colours)
        names = {bone.name for bone in bones}
        muscles = [m for m in drawn.muscles if m.bone in names]
        _draw_piece(canvas, bones, muscles, drawn.face if piece == "head" else None, colours)
    for arrow in arrows:
        _draw_arrow(canvas, arrow, colours)
    body = "\n  ".join(canvas.items)
    # size is the longer side in pixels, like the viewBox's 100 units.
    width = max(1, round(size * canvas.width / VIEWBOX))
    height = max(1, round(size * canvas.height / VIEWBOX))
    return (f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
            f'viewBox="0 0 {_number(canvas.width)} {_number(canvas.height)}">\n  {body}\n</svg>\n')


@lru_cache(maxsize=64)
def render_svg(pose: Pose, palette: Palette | None = None, mirrored: bool = False,
               size: int = 256, frame: Frame | None = None,
               props_from: Pose | None = None, arrows: tuple[Arrow, ...] = (),
               mat: Box | None = None) -> str:
    """A pose as SVG text; mirrored draws the right side. Cached per arguments.

    frame fixes what part of figure space is shown (movement_frame), and
    props_from the pose that props are placed against; both default to this
    pose. palette is the one of the theme and what the picture sits on
    (core.palette.figure_palette); None is the light theme on a plain surface.
    arrows are the motion marks to draw over it (arrows.motion_arrows), and
    mat, given, the mat seen from above that a whole movement lies on.
    """
    drawn = layout(pose, props_from)
    if mat is not None:
        drawn = replace(drawn, props=tuple(
            PlacedProp(p.prop, (mat,)) if p.prop.kind == "mat" else p for p in drawn.props))
    return draw(drawn, palette or figure_palette("light"), mirrored, size,
                frame or with_arrows(frame_of(drawn), arrows), arrows)


def render_spec_svg(spec: PoseSpec, palette: Palette | None = None, mirrored: bool = False,
                    size: int = 256, at: float | None = None) -> str:
    """A stretch's pose as SVG; for a movement, the pose a fraction `at` of the way.

    at None is the still picture: a movement where it is held (spec.hold).
    """
    arrows = motion_arrows(spec, at)
    if not spec.is_movement:
        return render_svg(spec.start, palette, mirrored, size, arrows=arrows)
    moment = spec.hold if at is None else at
    return render_svg(spec.at(moment), palette, mirrored, size, _spec_frame(spec), spec.start,
                      arrows, _spec_mat(spec))


@lru_cache(maxsize=32)
def _spec_frame(spec: PoseSpec) -> Frame:
    return movement_frame(spec)


@lru_cache(maxsize=32)
def _spec_mat(spec: PoseSpec) -> Box | None:
    """Seen from above, one mat under every moment of a movement, so it does not
    grow as an arm opens out over its edge."""
    if spec.start.view != "top":
        return None
    boxes = [shape for step in range(_MAT_STEPS + 1)
             for placed in layout(spec.at(step / _MAT_STEPS), spec.start).props
             if placed.prop.kind == "mat" for shape in placed.shapes if isinstance(shape, Box)]
    if not boxes:
        return None
    return Box(min(b.x0 for b in boxes), min(b.y0 for b in boxes),
               max(b.x1 for b in boxes), max(b.y1 for b in boxes), boxes[0].corner)


_MAT_STEPS = 8
