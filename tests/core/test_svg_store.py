"""Drawn pictures kept on disk: read back while nothing changed, drawn anew otherwise."""

from __future__ import annotations

from pathlib import Path

from stretchapp.core.loading.library import load_library
from stretchapp.core.pose.model import PoseSpec
from stretchapp.core.pose.svg import render_spec_svg
from stretchapp.core.pose.svg_store import SvgStore


def _spec() -> PoseSpec:
    return next(s.pose for s in load_library().stretches.values() if s.pose is not None)


def test_a_second_request_is_read_back_not_drawn(tmp_path: Path) -> None:
    """The same pose and settings are drawn once; the next store on the folder reads it."""
    spec = _spec()
    calls: list[int] = []

    def draw() -> str:
        calls.append(1)
        return render_spec_svg(spec, "light", False, at=0.0)

    first = SvgStore(tmp_path).get((spec, "light", False, 0.0), draw)
    again = SvgStore(tmp_path).get((spec, "light", False, 0.0), draw)
    assert first == again == render_spec_svg(spec, "light", False, at=0.0)
    assert calls == [1]


def test_other_settings_or_a_damaged_file_are_drawn_again(tmp_path: Path) -> None:
    """Another theme is another picture; a truncated file on disk is never served."""
    spec = _spec()
    store = SvgStore(tmp_path)
    light = store.get((spec, "light", False, 0.0), lambda: "<svg>light</svg>")
    dark = store.get((spec, "dark", False, 0.0), lambda: "<svg>dark</svg>")
    assert (light, dark) == ("<svg>light</svg>", "<svg>dark</svg>")
    for path in tmp_path.glob("*.svg"):
        path.write_text("<svg>cut off", encoding="utf-8")
    assert store.get((spec, "dark", False, 0.0), lambda: "<svg>again</svg>") == "<svg>again</svg>"


def test_without_a_folder_or_with_an_unwritable_one_pictures_are_still_drawn(
        tmp_path: Path) -> None:
    """No cache folder, or a file where the folder should be: the drawing is returned."""
    blocker = tmp_path / "pictures"
    blocker.write_text("not a folder", encoding="utf-8")
    for store in (SvgStore(None), SvgStore(blocker)):
        assert store.get(("x",), lambda: "<svg>drawn</svg>") == "<svg>drawn</svg>"
