"""Writing a stretch's pose to an SVG file, for `stretchapp render` and the docs."""

from __future__ import annotations

from pathlib import Path

from stretchapp.core.palette import Theme, figure_palette
from stretchapp.core.pose.model import PoseSpec
from stretchapp.core.pose.svg import render_spec_svg


def write_pose_svg(spec: PoseSpec, path: str | Path, theme: Theme = "light",
                   mirrored: bool = False, size: int = 512, at: float = 0.0) -> Path:
    """Write the pose as SVG at path and return the path.

    mirrored draws the right side of a sided stretch; for a movement, at picks
    the moment drawn (0 = start, 1 = end) in the movement's shared frame.
    """
    target = Path(path)
    svg = render_spec_svg(spec, figure_palette(theme), mirrored, size, at)
    target.write_text(svg, encoding="utf-8")
    return target
