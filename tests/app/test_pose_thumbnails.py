"""Thumbnails that tell similar stretches apart: the seated neck stretches at card size."""

from __future__ import annotations

from itertools import combinations

import pytest
from PySide6.QtGui import QColor, QImage

from stretchapp.app.svg_raster import svg_to_image
from stretchapp.core.palette import figure_palette
from stretchapp.core.pose.svg import render_spec_svg
from tests.helpers.poses import builtin_specs

CARD = 72  # pixels: the routine card and step thumbnails
# Seated, seen from the front, all about the neck: the ones a glance confuses.
SEATED_NECK = ("upper-trapezius-stretch", "levator-scapulae-stretch", "scalene-stretch",
               "neck-rotation-hold", "neck-turn")
# The share of a card's pixels that must clearly differ between two of them
# (two mirror-image head turns on the same figure differed in 0.4%).
MIN_DIFFERENT = 0.03


def card(stretch: str, mirrored: bool) -> list[tuple[int, int, int]]:
    """The stretch's held picture at card size, light theme, as RGB pixels."""
    palette = figure_palette("light")
    svg = render_spec_svg(builtin_specs()[stretch], palette, mirrored, CARD, None)
    image = svg_to_image(svg, CARD, palette.background)
    rgb = image.convertToFormat(QImage.Format.Format_RGB32)
    return [QColor(rgb.pixel(x, y)).getRgb()[:3]  # type: ignore[misc]
            for y in range(CARD) for x in range(CARD)]


def differing(a: list[tuple[int, int, int]], b: list[tuple[int, int, int]]) -> float:
    return sum(max(abs(p - q) for p, q in zip(pa, pb, strict=True)) > 48
               for pa, pb in zip(a, b, strict=True)) / len(a)


@pytest.mark.parametrize(("first", "second"), list(combinations(SEATED_NECK, 2)))
def test_seated_neck_stretches_differ_at_card_size(first: str, second: str) -> None:
    """Any two seated neck stretches differ clearly at 72 px, for either side."""
    for mirrored in (False, True):
        share = differing(card(first, False), card(second, mirrored))
        assert share >= MIN_DIFFERENT, f"{first} vs {second} (mirrored={mirrored}): {share:.3f}"
