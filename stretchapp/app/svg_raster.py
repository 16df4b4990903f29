"""SVG text turned into pixels with Qt: PNG files for the CLI and the tests.

QSvgRenderer paints into a QImage without a running QGuiApplication, so the
command line can write PNGs without opening a window or needing a display.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QRectF, Qt
from PySide6.QtGui import QColor, QImage, QImageWriter, QPainter
from PySide6.QtSvg import QSvgRenderer


class SvgError(ValueError):
    """SVG text that Qt cannot read, or a PNG that cannot be written."""


def svg_to_image(svg: str, size: int, background: str | None = None) -> QImage:
    """The SVG drawn into a size x size image, on a colour or transparent.

    A picture that is not square (pictures are cropped to the figure) keeps
    its shape and is centred.
    """
    if size < 1:
        raise SvgError(f"size must be at least 1 pixel, got {size}")
    renderer = QSvgRenderer(QByteArray(svg.encode("utf-8")))
    if not renderer.isValid():
        raise SvgError("not a picture Qt can read as SVG")
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    if background is None:
        image.fill(Qt.GlobalColor.transparent)
    else:
        image.fill(QColor(background))
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    view = renderer.viewBoxF()
    scale = size / max(view.width(), view.height(), 1e-9)
    width, height = view.width() * scale, view.height() * scale
    renderer.render(painter, QRectF((size - width) / 2, (size - height) / 2, width, height))
    painter.end()
    return image


def svg_to_png(svg: str, path: str | Path, size: int = 512,
               background: str | None = None) -> Path:
    """Write the SVG as a size x size PNG at path; transparent unless a background is given."""
    target = Path(path)
    writer = QImageWriter(str(target), QByteArray(b"png"))
    if not writer.write(svg_to_image(svg, size, background)):
        raise SvgError(f"could not write {target}: {writer.errorString()}")
    return target
