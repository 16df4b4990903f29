"""Drawn pictures kept on disk between starts.

Placing a pose on its contacts (the solver) costs a few milliseconds a frame,
and the library draws a card for every routine on screen at start-up: from the
second start on, each card's SVG is read back instead of drawn again. The key
covers the pose, everything the drawing is asked for, and the drawing code
itself, so a changed pose or a changed renderer never shows an old picture.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable
from functools import cache
from pathlib import Path

from stretchapp import __version__
from stretchapp.core.storage.digests import sha256

MAX_SVG_BYTES = 512 * 1024  # far above any drawing; a larger file is not ours


@cache
def _code_stamp() -> str:
    """A digest of the pose package's source: a new drawing code, new keys."""
    digest = sha256(__version__.encode())
    for source in sorted(Path(__file__).parent.glob("*.py")):
        with contextlib.suppress(OSError):
            digest.update(source.read_bytes())
    return digest.hexdigest()


class SvgStore:
    """SVG text by what was drawn, in one folder (no folder: always drawn)."""

    def __init__(self, folder: Path | None) -> None:
        self.folder = folder
        self.hits = 0

    def get(self, what: tuple[object, ...], draw: Callable[[], str]) -> str:
        """The SVG for `what` (the repr of a pose and the drawing's settings)."""
        if self.folder is None:
            return draw()
        key = sha256((_code_stamp() + repr(what)).encode()).hexdigest()
        path = self.folder / f"{key[:40]}.svg"
        with contextlib.suppress(OSError, UnicodeDecodeError):
            if 0 < path.stat().st_size <= MAX_SVG_BYTES:
                text = path.read_text(encoding="utf-8")
                if text.startswith("<svg") and text.rstrip().endswith("</svg>"):
                    self.hits += 1
                    return text
        svg = draw()
        # A cache, not a document: no fsync, and a failed write only costs a redraw.
        with contextlib.suppress(OSError):
            self.folder.mkdir(parents=True, exist_ok=True)
            temporary = path.with_name(f"{path.name}.{os.getpid()}.tmp")
            temporary.write_text(svg, encoding="utf-8")
            os.replace(temporary, path)
        return svg
