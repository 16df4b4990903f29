"""Small stretch pictures for the editor's lists, as plain files QML loads itself.

The editor's lists make and drop delegates while Python code is running (a
step added, a search typed). Pictures from a Python image provider are drawn
in Qt's image reader thread, which needs Python's lock while the code that
changed the list holds it: the two wait for each other. A drawn pose is
therefore written once to the cache as an SVG file, and an image file is
used as it is, so no Python runs while QML loads a thumbnail.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QUrl

from stretchapp.core.model import Stretch
from stretchapp.core.palette import CARD, figure_palette
from stretchapp.core.storage.digests import sha1
from stretchapp.core.storage.safe_write import write_atomically

THUMBNAIL_SIZE = 160


class ThumbnailFiles:
    """Thumbnail URLs for stretches, drawn into a cache folder as needed."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self._known: dict[tuple[object, str], str] = {}

    def url(self, stretch: Stretch, theme: str = "light") -> str:
        """A file URL for the stretch's picture, "" when it has none (a placeholder)."""
        key = (stretch.pose if stretch.pose is not None else stretch.image, theme)
        try:
            return self._known[key]
        except KeyError:
            pass
        except TypeError:  # a pose that cannot be hashed: draw it (the file is reused)
            return self._find(stretch, theme)
        found = self._known[key] = self._find(stretch, theme)
        return found

    def _find(self, stretch: Stretch, theme: str) -> str:
        if stretch.pose is not None:
            return self._drawn(stretch, theme)
        if stretch.image is not None and stretch.image.is_file():
            return QUrl.fromLocalFile(str(stretch.image)).toString()
        return ""

    def _drawn(self, stretch: Stretch, theme: str) -> str:
        from stretchapp.core.pose.svg import render_spec_svg

        assert stretch.pose is not None
        # A movement shows where it is held; seams take the card's colour.
        palette = figure_palette("dark" if theme == "dark" else "light", CARD)
        svg = render_spec_svg(stretch.pose, palette, size=THUMBNAIL_SIZE)
        name = sha1(svg.encode("utf-8")).hexdigest()[:16] + ".svg"
        path = self.folder / name
        if not path.exists():
            try:
                write_atomically(path, svg)
            except OSError:
                return ""  # a read-only cache: the placeholder shows instead
        return QUrl.fromLocalFile(str(path)).toString()
