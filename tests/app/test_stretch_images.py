"""Stretch pictures served to QML: movements drawn in one steady frame."""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtGui import QImage

from stretchapp.app.stretch_images import MOVEMENT_FRAMES, StretchImages
from stretchapp.core.loading.library import load_library


def _floor_top(image: QImage) -> int:
    """Where the floor starts, read up the right edge (figures face left, props stand left)."""
    x = image.width() - 2
    floor = image.pixel(x, image.height() - 1)
    y = image.height() - 1
    while y > 0 and image.pixel(x, y - 1) == floor:
        y -= 1
    return y


def test_movement_frames_keep_the_floor_still(qapp: object) -> None:
    """Every frame of a counted movement shares one frame: the floor never jumps."""
    images = StretchImages()
    stretches = load_library().stretches
    moving = [s for s in stretches.values() if images.is_movement(s)]
    assert moving, "the built-in catalogue has counted movements"
    for stretch in moving:
        rows = set()
        for frame in (0, MOVEMENT_FRAMES // 2, MOVEMENT_FRAMES):
            ident = images.url(stretch, None, frame).split("://stretch/")[1]
            rows.add(_floor_top(images.image(ident, QSize(160, 160))))
        assert len(rows) == 1, (stretch.id, rows)
