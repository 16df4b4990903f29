"""Stretch pictures for QML: `image://stretch/...` URLs and the provider behind them.

A URL names one stretch object (the copy a library or a session holds), the
side (the right side is drawn mirrored unless the stretch has its own right
image), a frame of a counted movement drawn from a start and an end pose, and
the theme a drawn pose is coloured for. Rendered pictures are cached, so a
movement's frames are drawn once. The provider may be called from Qt's image
reader thread: everything shared is behind a lock.

No value of Qt's `Qt` namespace is touched here (aspect modes, orientations,
global colours): the first one PySide builds costs about 15 ms, on start-up's
path; sizes are fitted in Python and images scaled and flipped by painting.
"""

from __future__ import annotations

import threading
import zlib
from collections import OrderedDict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QRectF, QSize
from PySide6.QtGui import QImage, QPainter, QTransform
from PySide6.QtQuick import QQuickImageProvider
from PySide6.QtSvg import QSvgRenderer

from stretchapp.app import deferred_imports
from stretchapp.core.model import Side, Stretch
from stretchapp.core.palette import CARD, SURFACE, Palette, Theme, figure_palette
from stretchapp.core.pose.svg_store import SvgStore

if TYPE_CHECKING:
    from stretchapp.core.pose.model import PoseSpec

PROVIDER_ID = "stretch"
MOVEMENT_FRAMES = 12  # frames from the start pose to the end pose
DEFAULT_SIZE = 480
_CACHE_SIZE = 160
# And at most this many bytes kept (deflated bytes for big pictures): a movement's
# 13 frames per side at the player's size are about 0.4 MB deflated, cards 16 KB each.
CACHE_BYTES = 32 * 1024 * 1024
# A picture this big or bigger (a player's frame: about 1 MB, 444 x 537 RGB32) is kept
# deflated: flat colours shrink 30-fold, and inflating costs 0.3-0.6 ms where drawing
# it again costs 4-5 ms. Cards' pictures (64-256 px) stay as they are.
DEFLATE_BYTES = 256 * 1024
# The big pictures shown last are kept as they are, and deflated only when they drop out
# of this many: a movement under way shows the same few frames again and again (7 a side
# at a 3 s tempo), and inflating one each time it shows, four times a second, cost a
# quarter of a per cent of a core (deflating is 2 ms a frame, inflating 1 ms).
RAW_FRAMES = 8


@dataclass(frozen=True, slots=True)
class DeflatedImage:
    """A QImage's pixels, zlib-compressed (level 1), and what it takes to rebuild it."""

    pixels: bytes
    width: int
    height: int
    pixel_format: QImage.Format

    @classmethod
    def of(cls, image: QImage) -> DeflatedImage:
        """image, deflated."""
        return cls(zlib.compress(bytes(image.constBits()), 1), image.width(),
                   image.height(), image.format())

    def image(self) -> QImage:
        """The QImage again, pixel for pixel."""
        image = QImage(self.width, self.height, self.pixel_format)
        memoryview(image.bits())[:] = zlib.decompress(self.pixels)
        return image

    def sizeInBytes(self) -> int:  # the name QImage gives it (both are kept)
        """The bytes this form keeps."""
        return len(self.pixels)


class StretchImages:
    """The registry of stretches that have picture URLs, and their rendered frames."""

    def __init__(self, cache_dir: Path | None = None) -> None:
        self._lock = threading.Lock()
        # Cards' SVGs kept between starts (the pose solver is the costly part).
        self.svgs = SvgStore(cache_dir)
        self._keys: dict[int, str] = {}
        self._stretches: dict[str, Stretch] = {}
        self._cache: OrderedDict[tuple[str, ...], QImage | DeflatedImage] = OrderedDict()
        self.cached_bytes = 0  # bytes held in the cache (bounded by CACHE_BYTES)
        # The last RAW_FRAMES big pictures shown, not deflated (besides their deflated copy).
        self._raw: OrderedDict[tuple[str, ...], QImage] = OrderedDict()
        self.inflated = 0  # how many times a deflated picture was inflated (GUI thread)
        # SVG text drawn ahead by a worker (drawing_task), by repr of what was drawn:
        # the frames of the routine about to play, so play only rasterises them.
        self._drawn: dict[str, str] = {}
        self.rendered = 0  # how many pictures were drawn (not served from the cache)

    @staticmethod
    def has_picture(stretch: Stretch) -> bool:
        """True when the stretch has an image file or a pose to draw."""
        return stretch.image is not None or stretch.pose is not None

    @staticmethod
    def is_movement(stretch: Stretch) -> bool:
        """True when the stretch is drawn from a start and an end pose."""
        return stretch.pose is not None and stretch.pose.is_movement

    @staticmethod
    def mirrored(stretch: Stretch, side: Side | None) -> bool:
        """True when the picture for side is the left one flipped."""
        return side is Side.RIGHT and stretch.image_right is None

    @staticmethod
    def still_frame(stretch: Stretch) -> int:
        """The frame a still picture of a movement shows: where it is held (pose `hold:`)."""
        if stretch.pose is None or not stretch.pose.is_movement:
            return 0
        return round(stretch.pose.hold * MOVEMENT_FRAMES)

    def url(self, stretch: Stretch, side: Side | None = None, frame: int | None = None,
            theme: str = "light", on: str = CARD) -> str:
        """The image URL of a stretch's picture, "" when it has none (a placeholder).

        frame is a frame of a counted movement; None is the still picture
        (a hold, a thumbnail), which shows a movement where it is held. on is
        the Theme.qml colour the picture sits on (CARD or SURFACE).
        """
        if not self.has_picture(stretch):
            return ""
        with self._lock:
            key = self._keys.get(id(stretch))
            if key is None or self._stretches.get(key) is not stretch:
                key = f"{stretch.id}.{len(self._keys)}"
                self._keys[id(stretch)] = key
                self._stretches[key] = stretch
        side_name = side.value if side is not None else "none"
        if frame is None:
            frame = self.still_frame(stretch)
        frame = max(0, min(frame, MOVEMENT_FRAMES)) if self.is_movement(stretch) else 0
        shade = theme if on == CARD else f"{theme}.{on}"
        return f"image://{PROVIDER_ID}/{key}/{side_name}/{frame}/{shade}"

    def image(self, ident: str, requested: QSize) -> QImage:
        """The picture a URL's path names, at the requested size (null when unknown)."""
        parts = ident.split("/")
        if len(parts) != 4:
            return QImage()
        key, side_name, frame_text, shade = parts
        theme, _, on = shade.partition(".")
        width = requested.width() if requested.width() > 0 else DEFAULT_SIZE
        height = requested.height() if requested.height() > 0 else width
        cache_key = (key, side_name, frame_text, shade, str(width), str(height))
        with self._lock:
            raw = self._raw.get(cache_key)
            if raw is not None:
                self._raw.move_to_end(cache_key)
                return raw
            cached = self._cache.get(cache_key)
            if cached is not None:
                self._cache.move_to_end(cache_key)
            stretch = self._stretches.get(key)
        if isinstance(cached, DeflatedImage):
            inflated = cached.image()
            self.inflated += 1
            self._keep_raw(cache_key, inflated)
            return inflated
        if cached is not None:
            return cached
        if stretch is None:
            return QImage()
        side = Side(side_name) if side_name in ("left", "right") else None
        frame = int(frame_text) if frame_text.isdigit() else 0
        image = self._render(stretch, side, frame, theme, on or CARD, QSize(width, height))
        with self._lock:
            self.rendered += 1
        if image.sizeInBytes() >= DEFLATE_BYTES:
            self._keep_raw(cache_key, image)
        else:
            self._store(cache_key, image)
        return image

    def _keep_raw(self, cache_key: tuple[str, ...], image: QImage) -> None:
        """Keep a big picture as it is among the last RAW_FRAMES shown; the one that drops
        out is kept deflated (once: a deflated copy stays)."""
        with self._lock:
            self._raw[cache_key] = image
            self._raw.move_to_end(cache_key)
            dropped = self._raw.popitem(last=False) if len(self._raw) > RAW_FRAMES else None
            if dropped is not None and dropped[0] in self._cache:
                dropped = None
        if dropped is not None:
            self._store(dropped[0], DeflatedImage.of(dropped[1]))

    def _store(self, cache_key: tuple[str, ...], kept: QImage | DeflatedImage) -> None:
        """Add to the cache of kept pictures, bounded by _CACHE_SIZE and CACHE_BYTES."""
        with self._lock:
            if cache_key not in self._cache:
                self._cache[cache_key] = kept
                self.cached_bytes += kept.sizeInBytes()
            while len(self._cache) > _CACHE_SIZE or (
                    self.cached_bytes > CACHE_BYTES and len(self._cache) > 1):
                _key, evicted = self._cache.popitem(last=False)
                self.cached_bytes -= evicted.sizeInBytes()

    def _render(self, stretch: Stretch, side: Side | None, frame: int, theme: str, on: str,
                size: QSize) -> QImage:
        mirrored = self.mirrored(stretch, side)
        if stretch.pose is not None:
            # One frame for the whole movement, so the figure does not jump or
            # change size as it moves and props stay where they are.
            pose = stretch.pose
            shade: Theme = "dark" if theme == "dark" else "light"
            palette = figure_palette(shade, on if on == SURFACE else CARD)
            at = frame / MOVEMENT_FRAMES
            what = (pose, palette, mirrored, at)
            with self._lock:
                svg = self._drawn.get(repr(what))
            if svg is None:
                # The pose drawing is imported only when a picture is not in the store.
                svg = self.svgs.get(what, lambda: deferred_imports.pose_svg(
                    pose, palette, mirrored, at=at))
            return _svg_image(QByteArray(svg.encode("utf-8")), size, _backdrop(theme, on))
        path = stretch.image_right if side is Side.RIGHT and stretch.image_right else stretch.image
        if path is None:
            return QImage()
        image = _file_image(path, size, _backdrop(theme, on))
        if mirrored and not image.isNull():
            image = image.transformed(QTransform(-1, 0, 0, 1, 0, 0))
        return image


    def drawing_task(self, frames: Iterable[tuple[Stretch, Side | None, int]],
                     theme: str, on: str = SURFACE) -> Callable[[], dict[str, str]]:
        """A task for the task runner: draw these movement frames' SVGs ahead (for `learn`).

        Placing a pose (the solver) is plain Python and costs about 15 ms a frame:
        done while the get-ready screen shows, not on the GUI thread during play.
        """
        shade: Theme = "dark" if theme == "dark" else "light"
        palette = figure_palette(shade, on if on == SURFACE else CARD)
        jobs: dict[str, tuple[PoseSpec, Palette, bool, float]] = {}
        for stretch, side, frame in frames:
            if stretch.pose is not None and stretch.pose.is_movement:
                what = (stretch.pose, palette, self.mirrored(stretch, side),
                        frame / MOVEMENT_FRAMES)
                jobs[repr(what)] = what
        store = self.svgs

        def draw() -> dict[str, str]:
            drawn: dict[str, str] = {}
            for key, (pose, colours, mirrored, at) in jobs.items():
                drawn[key] = store.get((pose, colours, mirrored, at),
                                       partial(deferred_imports.pose_svg, pose, colours,
                                               mirrored, at=at))
            return drawn

        return draw

    def learn(self, drawn: dict[str, str]) -> None:
        """Keep the SVGs a drawing task made (replacing the last routine's)."""
        with self._lock:
            self._drawn = dict(drawn)


def _backdrop(theme: str, on: str) -> str | None:
    """The colour a player's picture is drawn on, opaque; None (transparent) for a card.

    The player's picture changes four times a second while a movement plays: an
    opaque picture is copied onto the window where a transparent one is blended.
    """
    if on != SURFACE:
        return None
    return figure_palette("dark" if theme == "dark" else "light", SURFACE).background


def fitted(size: QSize, box: QSize) -> QSize:
    """size scaled to fit in box, keeping its aspect ratio (as QSize.scaled, KeepAspectRatio)."""
    width, height = size.width(), size.height()
    if width <= 0 or height <= 0:
        return QSize(box)
    rounded_width = box.height() * width // height
    if rounded_width <= box.width():
        return QSize(rounded_width, box.height())
    return QSize(box.width(), box.width() * height // width)


def _canvas(size: QSize, backdrop: str | None = None) -> QImage:
    """A transparent image, or an opaque one filled with backdrop ("#rrggbb").

    Filled from bytes: QImage.fill would build Qt's GlobalColor enum.
    """
    width, height = max(1, size.width()), max(1, size.height())
    if backdrop is None:
        pixels = bytes(width * height * 4)
        pixel_format = QImage.Format.Format_ARGB32_Premultiplied
    else:
        red, green, blue = (int(backdrop[i:i + 2], 16) for i in (1, 3, 5))
        pixels = bytes((blue, green, red, 255)) * (width * height)  # 0xffRRGGBB, little-endian
        pixel_format = QImage.Format.Format_RGB32
    return QImage(pixels, width, height, width * 4, pixel_format).copy()


def _svg_image(data: QByteArray | str, size: QSize, backdrop: str | None = None) -> QImage:
    renderer = QSvgRenderer(data)
    if not renderer.isValid():
        return QImage()
    view = renderer.viewBoxF()
    target = QSize(size)
    if view.width() > 0 and view.height() > 0:
        target = fitted(view.size().toSize(), size)
    image = _canvas(target, backdrop)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter, QRectF(0, 0, target.width(), target.height()))
    painter.end()
    return image


def _file_image(path: Path, size: QSize, backdrop: str | None = None) -> QImage:
    if path.suffix.lower() == ".svg":
        return _svg_image(str(path), size, backdrop)
    image = QImage(str(path))
    if image.isNull():
        return image
    # A card's picture is only ever made smaller (QML fits it); the player's is drawn
    # at the size it is shown, on its backdrop, as its Image pads instead of scaling.
    if backdrop is not None or image.width() > size.width() or image.height() > size.height():
        target = fitted(image.size(), size)
        scaled = _canvas(target, backdrop)
        painter = QPainter(scaled)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        painter.drawImage(QRectF(0, 0, target.width(), target.height()), image)
        painter.end()
        image = scaled
    return image


class StretchImageProvider(QQuickImageProvider):
    """Serves `image://stretch/...` from a StretchImages registry."""

    def __init__(self, images: StretchImages) -> None:
        super().__init__(QQuickImageProvider.ImageType.Image)
        self._images = images

    def requestImage(self, ident: str, size: QSize, requested: QSize) -> QImage:
        image = self._images.image(ident, requested)
        if not image.isNull():
            size.setWidth(image.width())
            size.setHeight(image.height())
        return image
