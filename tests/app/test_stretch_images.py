"""Stretch pictures served to QML: movements drawn in one steady frame."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QColor, QImage

from stretchapp.app import stretch_images
from stretchapp.app.stretch_images import (
    CACHE_BYTES,
    DEFLATE_BYTES,
    MOVEMENT_FRAMES,
    RAW_FRAMES,
    DeflatedImage,
    StretchImages,
    fitted,
)
from stretchapp.core.loading.library import load_library
from stretchapp.core.model import Side, Stretch
from stretchapp.core.palette import CARD, SURFACE, figure_palette
from stretchapp.core.pose.svg import render_spec_svg
from stretchapp.core.storage import paths


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


def test_a_held_movement_shows_where_it_is_held(qapp: object) -> None:
    """A still picture (a hold, a thumbnail) of a chin tuck is tucked: its hold frame, the end."""
    images = StretchImages()
    stretches = load_library().stretches
    tuck, raise_ = stretches["chin-tuck"], stretches["cat-cow"]
    assert images.url(tuck).split("/")[-2] == str(MOVEMENT_FRAMES)
    assert images.url(stretches["standing-side-bend"]).split("/")[-2] == str(MOVEMENT_FRAMES)
    assert images.url(raise_).split("/")[-2] == "0"  # held at its start
    assert images.url(tuck, None, 0).split("/")[-2] == "0"  # a counted frame is kept
    still = images.image(images.url(tuck).split("://stretch/")[1], QSize(120, 120))
    first = images.image(images.url(tuck, None, 0).split("://stretch/")[1], QSize(120, 120))
    assert still != first


def test_pictures_are_drawn_for_the_card_they_sit_on(qapp: object) -> None:
    """Seams take Theme.qml's card colour (surfaceMuted) in each theme, and the file's too."""
    text = (paths.ui_dir() / "Theme.qml").read_text(encoding="utf-8")
    light, dark = figure_palette("light", CARD), figure_palette("dark", CARD)
    assert light.background != dark.background
    assert f'"surfaceMuted": "{light.background}"' in text
    assert f'"surfaceMuted": "{dark.background}"' in text
    spec = load_library().stretches["wall-calf-stretch"].pose
    assert spec is not None
    svg = render_spec_svg(spec, dark)
    assert dark.background in svg and figure_palette("dark").background not in svg


def test_the_player_picture_is_drawn_for_its_plain_surface(qapp: object) -> None:
    """The player's picture sits on Theme.surface, not the card colour: its URL says so."""
    images = StretchImages()
    stretch = load_library().stretches["wall-calf-stretch"]
    card, plain = images.url(stretch, theme="dark"), images.url(stretch, theme="dark", on=SURFACE)
    assert card.endswith("/dark") and plain.endswith("/dark.surface")
    assert figure_palette("dark", SURFACE) != figure_palette("dark", CARD)
    on_card = images.image(card.split("://stretch/")[1], QSize(200, 200))
    on_plain = images.image(plain.split("://stretch/")[1], QSize(200, 200))
    assert on_card.size() == on_plain.size() and on_card != on_plain


@given(st.integers(1, 2000), st.integers(1, 2000), st.integers(1, 800), st.integers(1, 800))
def test_fitting_agrees_with_qt_keep_aspect_ratio(width: int, height: int, box_width: int,
                                                  box_height: int) -> None:
    """fitted() gives what QSize.scaled(..., KeepAspectRatio) gives, without Qt's enums."""
    size, box = QSize(width, height), QSize(box_width, box_height)
    assert fitted(size, box) == size.scaled(box, Qt.AspectRatioMode.KeepAspectRatio)


def test_an_image_file_is_scaled_to_fit_and_mirrored_for_the_right_side(
        qapp: object, tmp_path: Path) -> None:
    """A large picture file comes back within the size asked, aspect kept, flipped on the right."""
    source = QImage(400, 200, QImage.Format.Format_ARGB32)
    source.fill(QColor("red"))
    for x in range(200, 400):
        for y in range(200):
            source.setPixelColor(x, y, QColor("blue"))
    path = tmp_path / "stretch.png"
    assert source.save(str(path))
    stretch = Stretch(id="wide", name="Wide", group="calf", instructions="Hold.", sided=True,
                      image=path)
    images = StretchImages()
    left = images.image(images.url(stretch, Side.LEFT).split("://stretch/")[1], QSize(100, 100))
    right = images.image(images.url(stretch, Side.RIGHT).split("://stretch/")[1],
                         QSize(100, 100))
    assert left.size() == right.size() == QSize(100, 50)
    assert left.pixelColor(5, 25).red() > 200 and left.pixelColor(95, 25).blue() > 200
    assert right.pixelColor(5, 25).blue() > 200 and right.pixelColor(95, 25).red() > 200


def test_the_players_pictures_are_opaque_on_its_surface_and_the_cards_transparent(
        qapp: object, tmp_path: Path) -> None:
    """On the player's surface a picture is opaque in that colour (copied, not blended, when
    shown) and a small file is enlarged to the size asked; a card's stays transparent."""
    images = StretchImages()
    stretch = load_library().stretches["wall-calf-stretch"]
    for theme in ("light", "dark"):
        ident = images.url(stretch, theme=theme, on=SURFACE).split("://stretch/")[1]
        plain = images.image(ident, QSize(300, 300))
        assert plain.format() == QImage.Format.Format_RGB32 and not plain.hasAlphaChannel()
        card = images.image(images.url(stretch, theme=theme).split("://stretch/")[1],
                            QSize(300, 300))
        assert card.hasAlphaChannel() and card.size() == plain.size()
        # Where the card's picture is see-through, the player's has its surface colour.
        clear = [(x, y) for x in range(0, card.width(), 7) for y in range(0, card.height(), 7)
                 if card.pixelColor(x, y).alpha() == 0]
        assert clear
        background = figure_palette(theme, SURFACE).background
        assert all(plain.pixelColor(x, y).name() == background for x, y in clear)
    small = QImage(40, 20, QImage.Format.Format_ARGB32)
    small.fill(QColor("red"))
    path = tmp_path / "small.png"
    assert small.save(str(path))
    filed = Stretch(id="small", name="Small", group="calf", instructions="Hold.", image=path)
    on_card = images.image(images.url(filed).split("://stretch/")[1], QSize(100, 100))
    on_plain = images.image(images.url(filed, on=SURFACE).split("://stretch/")[1],
                            QSize(100, 100))
    assert on_card.size() == QSize(40, 20) and on_plain.size() == QSize(100, 50)
    assert on_plain.pixelColor(50, 25).red() > 200 and not on_plain.hasAlphaChannel()


def test_the_picture_cache_holds_at_most_its_byte_budget(
        qapp: object, monkeypatch: pytest.MonkeyPatch) -> None:
    """Pictures past the byte budget push out the oldest; the newest is still served."""
    monkeypatch.setattr(stretch_images, "CACHE_BYTES", 256 * 1024)
    images = StretchImages()
    stretch = next(s for s in load_library().stretches.values() if images.is_movement(s))
    ident = ""
    for frame in range(MOVEMENT_FRAMES + 1):
        for side in (Side.LEFT, Side.RIGHT):
            ident = images.url(stretch, side, frame).split("://stretch/")[1]
            images.image(ident, QSize(200, 200))  # under 160 KB each: kept whole, as cards
            assert images.cached_bytes <= 256 * 1024
    drawn = images.rendered
    images.image(ident, QSize(200, 200))
    assert images.rendered == drawn and images.cached_bytes > 128 * 1024


def test_a_players_frame_is_kept_deflated_and_served_pixel_for_pixel(qapp: object) -> None:
    """A big opaque frame is kept as it is while among the last few shown, then in a small
    form, and served again exactly as drawn."""
    images = StretchImages()
    stretch = next(s for s in load_library().stretches.values() if images.is_movement(s))
    idents = [images.url(stretch, Side.RIGHT, frame, "dark", SURFACE).split("://stretch/")[1]
              for frame in range(RAW_FRAMES + 1)]
    first = images.image(idents[0], QSize(444, 537))
    assert first.sizeInBytes() >= DEFLATE_BYTES
    images.image(idents[0], QSize(444, 537))
    assert images.rendered == 1 and images.inflated == 0 and images.cached_bytes == 0
    for ident in idents[1:]:  # the first frame drops out of the last RAW_FRAMES shown
        images.image(ident, QSize(444, 537))
    assert 0 < images.cached_bytes < first.sizeInBytes() // 8
    again = images.image(idents[0], QSize(444, 537))
    assert images.rendered == len(idents) and images.inflated == 1 and again == first
    assert again.format() == QImage.Format.Format_RGB32 and again.size() == first.size()


def test_a_whole_movement_at_the_players_size_stays_cached(qapp: object) -> None:
    """Both sides' frames of a movement at a big player's size fit: a loop draws nothing."""
    images = StretchImages()
    stretch = next(s for s in load_library().stretches.values() if images.is_movement(s))
    idents = [images.url(stretch, side, frame, "light", SURFACE).split("://stretch/")[1]
              for side in (Side.LEFT, Side.RIGHT) for frame in range(MOVEMENT_FRAMES + 1)]
    for _cycle in range(2):
        for ident in idents:
            images.image(ident, QSize(1000, 1000))
    assert images.rendered == len(idents)
    assert images.cached_bytes < CACHE_BYTES // 4


@given(st.integers(1, 40), st.integers(1, 40), st.binary(min_size=0, max_size=64),
       st.sampled_from([QImage.Format.Format_RGB32, QImage.Format.Format_ARGB32_Premultiplied]))
def test_a_deflated_image_round_trips_any_pixels(width: int, height: int, seed: bytes,
                                                  pixel_format: QImage.Format) -> None:
    """Deflating and inflating gives back the same image, whatever its pixels and format."""
    image = QImage(width, height, pixel_format)
    pattern = (seed or b"\x00") * (image.sizeInBytes() // max(1, len(seed)) + 1)
    memoryview(image.bits())[:] = pattern[:image.sizeInBytes()]
    if pixel_format == QImage.Format.Format_RGB32:
        image = image.convertToFormat(QImage.Format.Format_RGB32)
    assert DeflatedImage.of(image).image() == image
