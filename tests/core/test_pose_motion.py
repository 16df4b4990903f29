"""Motion marks and middle poses: reading them, their errors, and where their arrows go."""

from __future__ import annotations

import json
import math
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from stretchapp.core.loading.library import load_library
from stretchapp.core.palette import figure_palette
from stretchapp.core.pose.arrows import (
    FLOOR_CLEARANCE,
    SWING_OFFSET,
    cut_for_head,
    motion_arrows,
)
from stretchapp.core.pose.model import PoseSpec
from stretchapp.core.pose.motion import MOTION_POINTS, MotionMark, mark_bones
from stretchapp.core.pose.parser import parse_pose
from stretchapp.core.pose.scene import layout
from stretchapp.core.pose.svg import render_spec_svg

SEATED = {"left_hip": 90, "right_hip": 90, "left_knee": 90, "right_knee": 90,
          "props": ["chair"], "contacts": {"hips": "seat", "feet": "floor"}}
PUMP = {"torso": -5, "left_hip": 65, "right_hip": 65, "props": ["chair"],
        "contacts": {"hips": "seat", "heels": "floor"}, "motion": [{"swing": "left_toes"}],
        "start": {"left_ankle": -40, "right_ankle": -40},
        "end": {"left_ankle": 20, "right_ankle": 20}}
BUILTINS = {sid: s.pose for sid, s in load_library(user_dir=None).stretches.items()
            if s.pose is not None}
WITH_MARKS = sorted(sid for sid, spec in BUILTINS.items() if spec.motion)


def spec_of(data: dict[str, object]) -> PoseSpec:
    spec, problems = parse_pose(data)
    assert problems == [] and spec is not None, problems
    return spec


def joint(spec: PoseSpec, point: str, at: float) -> tuple[float, float]:
    """Where a motion point is in figure space at a moment of the movement."""
    drawn = layout(spec.at(at), spec.start if spec.is_movement else None)
    bone_name, end, _, _ = mark_bones(point)
    bone = drawn.bone(bone_name)
    return bone.end if end == "end" else bone.start


def test_marks_are_read_in_order_without_repeats() -> None:
    """circle, swing and rock marks arrive as written, a repeated one once."""
    spec = spec_of({**PUMP, "motion": [{"swing": "left_toes"}, {"circle": "left_shoulder"},
                                       {"rock": "hips"}, {"swing": "left_toes"}]})
    assert spec.motion == (MotionMark("swing", "left_toes"), MotionMark("circle", "left_shoulder"),
                           MotionMark("rock", "hips"))


def test_a_single_mark_needs_no_list_and_a_still_may_circle() -> None:
    """`motion: {circle: hips}` is one mark; a still pose may circle or rock."""
    assert spec_of({**SEATED, "motion": {"circle": "hips"}}).motion == (
        MotionMark("circle", "hips"),)


@pytest.mark.parametrize(("data", "expected"), [
    ({"motion": [{"bounce": "hips"}]},
     [(("motion", 0, "bounce"), "unknown motion mark 'bounce'; marks are circle, swing and rock")]),
    ({"motion": [{"circel": "hips"}]},
     [(("motion", 0, "circel"),
       "unknown motion mark 'circel' (did you mean 'circle'?); marks are circle, swing and rock")]),
    ({"motion": [{"circle": "left_sholder"}]},
     [(("motion", 0, "circle"), "unknown point 'left_sholder' (did you mean 'left_shoulder'?); "
       "points are shoulder, elbow, hand, knee, ankle, heel, toes (with left_ or right_), "
       "hips, head")]),
    ({"motion": ["circle"]},
     [(("motion", 0), "a motion mark is one key and a point, like 'circle: left_shoulder' "
       "or 'swing: left_hand'")]),
    ({"motion": [{"swing": "left_hand"}]},
     [(("motion", 0, "swing"), "swing follows a point from a movement's start to its end: "
       "it needs start and end (or use circle)")]),
    ({"middle": {}},
     [(("middle",), "middle is the half-way pose of a movement: it needs start and end")]),
    ({"start": {}, "end": {}, "middle": 5},
     [(("middle",), "middle must be a mapping of joint angles, got 5")]),
    ({"start": {"motion": []}, "end": {}},
     [(("start", "motion"), "motion belongs at the top of the pose, not inside start")]),
])
def test_problem_messages_and_paths(data: dict[str, object], expected: list[object]) -> None:
    """Each mistake in motion or middle is reported with its path and a clear message."""
    spec, found = parse_pose(data)
    assert spec is None and found == expected


def test_a_bad_mark_in_a_file_is_reported_at_its_line_and_column(tmp_path: Path) -> None:
    """The loader gives a wrong motion point the line:column of the point in the file."""
    (tmp_path / "mine.yaml").write_text(
        "format: 1\nstretches:\n  - id: rolls\n    name: Rolls\n    group: neck\n"
        "    pose:\n      motion:\n        - circle: left_sholder\n"
        "    instructions: Roll.\n", encoding="utf-8")
    library = load_library(user_dir=tmp_path)
    found = [p for p in library.problems if "left_sholder" in p.message]
    assert [(p.line, p.column) for p in found] == [(8, 19)], library.problems


MOTION_JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=8)
    | st.sampled_from(["circle", "swing", "rock", *MOTION_POINTS[:4], "hips"]),
    lambda children: st.lists(children, max_size=3) | st.dictionaries(
        st.sampled_from(["circle", "swing", "rock", "hips", "x"]), children, max_size=2),
    max_leaves=8,
)


@given(MOTION_JSON, st.booleans())
def test_any_motion_value_gives_marks_or_problems(value: object, movement: bool) -> None:
    """Whatever `motion:` holds, parse_pose returns marks or problems, never raises."""
    data: dict[str, object] = {"motion": value}
    if movement:
        data.update(start={}, end={})
    spec, found = parse_pose(data)
    assert (spec is None) == bool(found)
    json.dumps([list(path) for path, _ in found])
    if spec is not None:
        assert all(m.point in MOTION_POINTS for m in spec.motion)


@given(st.floats(0, 1))
def test_a_movement_passes_through_its_middle(t: float) -> None:
    """With a middle, half way is the middle pose and each half blends toward it."""
    spec = spec_of({"start": {"left_shoulder": 80}, "middle": {"left_shoulder": 10,
                    "left_elbow": 150}, "end": {"left_shoulder": -70}})
    shoulder = spec.at(t).angles.left_shoulder
    expected = 80 - 140 * t if t <= 0.5 else 10 - 160 * (t - 0.5)
    assert math.isclose(shoulder, expected, abs_tol=1e-6)
    assert spec.at(0.5).angles.left_elbow == 150


def test_a_circle_rings_its_joint() -> None:
    """Every point of a circle arrow lies a few units from the joint it circles."""
    spec = spec_of({**SEATED, "motion": [{"circle": "left_shoulder"}]})
    (arrow,) = motion_arrows(spec)
    cx, cy = joint(spec, "left_shoulder", 0.0)
    distances = [math.dist(p, (cx, cy)) for p in arrow.points]
    assert min(distances) > 4 and max(distances) < 9
    assert arrow.head_at_end and not arrow.head_at_start


def test_a_swing_runs_just_outside_its_point_from_start_to_end() -> None:
    """A swing's two ends lie beside where the toes are at the start and at the end."""
    spec = spec_of(PUMP)
    (arrow,) = motion_arrows(spec)
    assert arrow.head_at_start and arrow.head_at_end
    for end, moment in ((arrow.points[0], 0.0), (arrow.points[-1], 1.0)):
        assert SWING_OFFSET - 0.5 < math.dist(end, joint(spec, "left_toes", moment)) < 16


def test_arrows_stay_above_the_floor() -> None:
    """A swing of feet near the floor is lifted clear of it, not drawn into the floor strip."""
    spec = BUILTINS["seated-toe-heel-lift"]
    lowest = min(y for arrow in motion_arrows(spec) for _, y in arrow.points)
    assert lowest >= FLOOR_CLEARANCE - 1e-9


def _arrow_points(svg: str) -> list[tuple[float, float]]:
    """The accent-coloured arrow lines of an SVG, as viewBox points."""
    accent = figure_palette("light").accent
    root = ET.fromstring(svg)
    points = []
    for line in root.iter("{http://www.w3.org/2000/svg}polyline"):
        if line.get("stroke") == accent:
            points += [tuple(map(float, p.split(","))) for p in line.get("points", "").split()]
    return points  # type: ignore[return-value]


@pytest.mark.parametrize("stretch", WITH_MARKS)
def test_arrows_are_drawn_inside_the_cropped_frame(stretch: str) -> None:
    """Every built-in's arrows, heads included, lie inside its picture at every moment."""
    spec = BUILTINS[stretch]
    for at in (None, 0.0, 0.5, 1.0):
        svg = render_spec_svg(spec, figure_palette("light"), False, 72, at)
        width, height = map(float, re.search(r'viewBox="0 0 ([\d.]+) ([\d.]+)"', svg).groups())  # type: ignore[union-attr]
        points = _arrow_points(svg)
        assert points, f"{stretch} at {at}: no arrow drawn"
        polygons = re.findall(r'<polygon points="([^"]+)"', svg)
        corners = [tuple(map(float, c.split(","))) for poly in polygons for c in poly.split()]
        for x, y in [*points, *corners]:
            assert 0 <= x <= width and 0 <= y <= height, (stretch, at, x, y)


@pytest.mark.parametrize("stretch", ["shoulder-roll", "ankle-circle", "ankle-pump"])
def test_arrows_are_mirrored_with_the_figure(stretch: str) -> None:
    """The right side's picture has its arrows where the left's are, reflected across."""
    spec = BUILTINS[stretch]
    left = render_spec_svg(spec, figure_palette("light"), False, 256)
    right = render_spec_svg(spec, figure_palette("light"), True, 256)
    width = float(re.search(r'viewBox="0 0 ([\d.]+)', left).group(1))  # type: ignore[union-attr]
    mirrored = [(width - x, y) for x, y in _arrow_points(left)]
    drawn = _arrow_points(right)
    assert len(mirrored) == len(drawn) > 0
    assert all(math.dist(a, b) < 0.05 for a, b in zip(mirrored, drawn, strict=True))


def test_every_moving_builtin_that_needed_its_text_has_marks() -> None:
    """The circles, swings and small movements a still cannot show carry motion marks."""
    assert {"shoulder-roll", "hip-circle", "ankle-circle", "arm-swing", "ankle-pump",
            "seated-toe-heel-lift", "pelvic-tilt"} <= set(WITH_MARKS)
    book = BUILTINS["open-book-rotation"]
    assert book.middle is not None and book.middle.angles.left_elbow > 90


def test_a_rock_sits_just_above_the_body_over_its_point() -> None:
    """The pelvic tilt's rock is drawn over the pelvis, clear of the body below it."""
    spec = BUILTINS["pelvic-tilt"]
    (arrow,) = motion_arrows(spec)
    drawn = layout(spec.at(spec.hold), spec.start)
    cx, _ = drawn.bone("pelvis").point(0.5)[0]
    xs = [x for x, _ in arrow.points]
    assert min(xs) < cx < max(xs)
    body_top = max(c[1] + r for bone in drawn.bones if bone.layer != "hidden"
                   for c, r in (bone.point(t / 10) for t in range(11))
                   if min(xs) <= c[0] <= max(xs))
    lowest = min(y for _, y in arrow.points)
    assert body_top < lowest < body_top + 20


def test_a_swing_of_a_point_that_stays_still_draws_nothing() -> None:
    """Swinging a hand while only the head nods gives no arrow, not a stray blob."""
    spec = spec_of({**SEATED, "motion": [{"swing": "left_hand"}], "start": {},
                    "end": {"head": 20}})
    assert motion_arrows(spec) == ()


def test_a_head_points_along_the_end_of_its_line_and_the_line_stops_under_it() -> None:
    """On a line running +x the head points +x, its tip at the end, the line cut short."""
    line = [(float(x), 0.0) for x in range(0, 21, 2)]
    kept, tip, way = cut_for_head(line, 6.0)
    assert tip == (20.0, 0.0) and way == (1.0, 0.0)
    assert kept[-1][0] < 20.0 - 4.0 and kept[0] == (0.0, 0.0)
