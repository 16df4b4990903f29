"""The player's movement frames stay cached (deflated, the last few also as they are)
while a movement loops."""

from __future__ import annotations

from stretchapp.app.stretch_images import DEFLATE_BYTES, RAW_FRAMES

from .conftest import Ui


def _pass(ui: Ui, steps: int) -> set[str]:
    """The picture sources the player shows over steps of 0.25 s (its refreshes)."""
    shown = set()
    for _ in range(steps):
        ui.advance(0.25, step=0.25)
        ui.settle()
        shown.add(ui.shell.player.imageSource)
    return shown


def test_a_looping_movement_draws_each_frame_once_and_keeps_it_small(ui: Ui) -> None:
    """Second time round a count, no frame is drawn again; the cache holds them deflated."""
    ui.start("neck-warm-up")
    images = ui.shell.images
    while ui.shell.player.view["phaseKind"] != "count":
        ui.advance(0.5)
    first = _pass(ui, 13)  # 3.25 s: a whole count's way out and back
    drawn, inflated = images.rendered, images.inflated
    second = _pass(ui, 13)
    new = second - first
    assert len(second & first) >= 6
    assert images.rendered - drawn <= len(new)
    # A movement's frames are among the last few shown, kept as they are: showing them
    # again inflates none (each would cost about 1 ms, four times a second).
    assert len(first | second) <= RAW_FRAMES
    assert images.inflated == inflated
    picture = ui.item("pictureImage")
    assert picture.isVisible()  # visible only when its status is Image.Ready
    size = picture.property("sourceSize")
    frame_bytes = size.width() * size.height() * 4
    assert frame_bytes >= DEFLATE_BYTES  # a big frame: kept deflated
    # Every frame shown, the cards' pictures and all, in less than a quarter of the
    # frames' own pixels.
    assert images.cached_bytes < len(first | second) * frame_bytes // 4
