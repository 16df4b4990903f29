"""render_svg: valid, fitted, themed, mirrored and cached SVG for every pose."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from stretchapp.core.palette import figure_palette
from stretchapp.core.pose.files import write_pose_svg
from stretchapp.core.pose.model import Angles, Pose
from stretchapp.core.pose.parser import parse_pose
from stretchapp.core.pose.svg import (
    MARGIN,
    VIEWBOX,
    capsule_path,
    movement_frame,
    render_spec_svg,
    render_svg,
)

from .test_pose_cases import all_specs

SVG = "{http://www.w3.org/2000/svg}"
SPECS = all_specs()
CASES = [(name, theme, mirrored, at) for name, spec in SPECS.items()
         for theme in ("light", "dark") for mirrored in (False, True)
         for at in ((0.0, 1.0) if spec.is_movement else (0.0,))]


def coordinates(root: ET.Element) -> list[tuple[float, float, float]]:
    """Every point an element passes through, with how far round it the shape reaches."""
    found = []
    for element in root.iter():
        tag = element.tag.removeprefix(SVG)
        if tag == "circle":
            found.append((float(element.get("cx", 0)), float(element.get("cy", 0)),
                          float(element.get("r", 0))))
        elif tag == "path":
            # Capsule paths: M/L/A end points lie on the outline itself.
            for x, y in re.findall(r"(-?[\d.]+),(-?[\d.]+)(?=\s*[LAZ]|\s*$)",
                                   element.get("d", "")):
                found.append((float(x), float(y), 0.0))
        elif tag == "polyline":
            width = float(element.get("stroke-width", 0)) / 2
            for pair in element.get("points", "").split():
                x, y = pair.split(",")
                found.append((float(x), float(y), width))
    return found


@pytest.mark.parametrize(("name", "theme", "mirrored", "at"), CASES)
def test_every_pose_renders_to_valid_svg_inside_the_viewbox(
        name: str, theme: str, mirrored: bool, at: float) -> None:
    """The SVG parses as XML, is cropped to 100 on its longer side, and every shape is inside."""
    text = render_spec_svg(SPECS[name], figure_palette(theme), mirrored, 200, at)  # type: ignore[arg-type]
    root = ET.fromstring(text)
    assert root.tag == f"{SVG}svg"
    x0, y0, width, height = map(float, root.get("viewBox", "").split())
    assert (x0, y0) == (0, 0) and max(width, height) == VIEWBOX
    assert min(width, height) > 20  # cropped, never a sliver
    assert abs(int(root.get("width", 0)) - 2 * width) <= 1
    assert abs(int(root.get("height", 0)) - 2 * height) <= 1
    points = coordinates(root)
    assert len(points) > 20
    for x, y, reach in points:
        assert x - reach >= -0.01 and x + reach <= width + 0.01, (name, x)
        assert y - reach >= -0.01 and y + reach <= height + 0.01, (name, y)


def test_the_figure_fills_the_frame_but_keeps_a_margin() -> None:
    """Fitting uses the room: the outline of a standing figure's head meets the top margin."""
    root = ET.fromstring(render_svg(Pose()))
    circles = list(root.iter(f"{SVG}circle"))
    head = max(circles, key=lambda c: float(c.get("r", 0)))  # its outline, the widest
    top = float(head.get("cy", 0)) - float(head.get("r", 0))
    assert top == pytest.approx(MARGIN, abs=0.02)


def test_theme_colours_are_used() -> None:
    """Light and dark pictures draw the figure, the accent and the floor in their palette."""
    pose = Pose("side", Angles(torso=20), highlight=("left_calf",))
    light, dark = figure_palette("light"), figure_palette("dark")
    for palette in (light, dark):
        text = render_svg(pose, palette)
        for colour in (palette.near, palette.far, palette.accent, palette.floor):
            assert colour in text, colour
    assert light.near not in render_svg(pose, dark)


def test_no_highlight_means_no_accent() -> None:
    """Without highlight nothing is drawn in the accent colour."""
    text = render_svg(Pose())
    light = figure_palette("light")
    assert light.accent not in text and light.far_accent not in text


def test_mirrored_side_view_is_the_same_picture_flipped() -> None:
    """The right side is the left side mirrored: every x becomes the picture's width - x."""
    pose = SPECS["wall-calf"].start
    plain = ET.fromstring(render_svg(pose))
    mirrored = ET.fromstring(render_svg(pose, mirrored=True))
    assert plain.get("viewBox") == mirrored.get("viewBox")
    _, _, width, _ = (float(v) for v in mirrored.get("viewBox", "").split())
    left = sorted((float(c.get("cx", 0)), float(c.get("cy", 0)))
                  for c in plain.iter(f"{SVG}circle"))
    right = sorted((round(width - float(c.get("cx", 0)), 2), float(c.get("cy", 0)))
                   for c in mirrored.iter(f"{SVG}circle"))
    assert len(left) == len(right)
    # pytest.approx takes flat sequences: compare every coordinate with the tolerance.
    flat_left = [value for point in left for value in point]
    flat_right = [value for point in right for value in point]
    assert flat_left == pytest.approx(flat_right, abs=0.011)


def test_side_view_faces_left_and_mirrored_faces_right() -> None:
    """Routine images show the left side: the face (nose) points to the picture's left."""
    pose = Pose()
    for mirrored, facing_left in ((False, True), (True, False)):
        circles = list(ET.fromstring(render_svg(pose, mirrored=mirrored)).iter(f"{SVG}circle"))
        head = max(circles, key=lambda c: float(c.get("r", 0)))
        small = [c for c in circles if float(c.get("r", 0)) > 0.9 and c is not head
                 and abs(float(c.get("cy", 0)) - float(head.get("cy", 0))) < 5]
        nose_x = min(float(c.get("cx", 0)) for c in small)
        assert (nose_x < float(head.get("cx", 0))) == facing_left


def test_render_cache_returns_the_same_text() -> None:
    """Asking twice for the same picture gives the cached string, not a new drawing."""
    pose = Pose("front", Angles(neck=20))
    dark, light = figure_palette("dark"), figure_palette("light")
    assert render_svg(pose, dark, True) is render_svg(pose, dark, True)
    assert render_svg(pose, dark, True) != render_svg(pose, light, True)


def test_movement_frames_share_one_frame() -> None:
    """A movement's pictures use one frame: the floor stays on the same line throughout."""
    spec = SPECS["heel-raise-at-chair"]
    frame = movement_frame(spec)
    floors = set()
    for t in (0.0, 0.5, 1.0):
        root = ET.fromstring(render_spec_svg(spec, at=t))
        floors |= {line.get("y1") for line in root.iter(f"{SVG}line")}
    assert len(floors) == 1
    assert frame.y1 > frame.y0 and frame.x1 > frame.x0


def test_capsule_path_is_a_closed_outline_round_both_circles() -> None:
    """A capsule is two tangent lines and two arcs; a circle inside another is just that circle."""
    path = capsule_path((10, 10), 3, (30, 10), 2)
    assert path.startswith("M") and path.endswith("Z") and path.count("A") == 2
    assert path.count("L") == 2
    assert capsule_path((10, 10), 5, (11, 10), 2).count("A") == 2  # swallowed: one circle


def test_write_pose_svg_writes_the_picture(tmp_path: Path) -> None:
    """write_pose_svg saves the same SVG render_spec_svg gives, and returns its path."""
    spec, _ = parse_pose({"torso": 30, "highlight": ["left_hamstring"]})
    assert spec is not None
    target = write_pose_svg(spec, tmp_path / "pose.svg", "dark", mirrored=True, size=128)
    assert target == tmp_path / "pose.svg"
    assert target.read_text(encoding="utf-8") == render_spec_svg(
        spec, figure_palette("dark"), True, 128)
    ET.parse(target)
