"""A routine's movement frames are drawn by the task runner before its clock starts."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from stretchapp.app.player_bridge import PlayerBridge
from stretchapp.app.player_view import movement_frames
from stretchapp.app.stretch_images import StretchImages
from stretchapp.core.loading.library import load_library
from tests.helpers.clock import FakeClock
from tests.helpers.routines import routine, step

from .conftest import Ui


class HeldTasks:
    """A task runner that keeps its tasks until the test runs them."""

    def __init__(self) -> None:
        self.tasks: list[tuple[str, Callable[[], Any], Callable[[Any], None]]] = []

    def run(self, task: Callable[[], Any], on_done: Callable[[Any], None],
            on_error: Callable[[Exception], None] | None = None, *,
            name: str = "task") -> None:
        self.tasks.append((name, task, on_done))


def test_the_start_waits_for_the_movement_frames(home: Path, qapp: object) -> None:
    """Opened, a routine with counted movements starts only once its frames are drawn."""
    held = HeldTasks()
    images = StretchImages(home / "pictures")
    player = PlayerBridge(images, home, clock=FakeClock(), runner=held)
    warm_up = load_library().routines["neck-warm-up"]
    player.open(warm_up)
    assert player.engine is None and player.preparing
    drawings = [entry for entry in held.tasks if entry[0] == "player pictures"]
    assert len(drawings) == 1
    _name, task, on_done = drawings[0]
    drawn = task()  # on the worker: plain Python in, SVG text out
    assert drawn and all(svg.startswith("<svg") for svg in drawn.values())
    # Every frame the routine shows (a left and a right side share a drawing).
    assert len(drawn) <= len(movement_frames(warm_up, images)) <= 2 * len(drawn)
    on_done(drawn)
    assert player.engine is not None and not player.preparing
    player.close()
    player.deleteLater()


def test_a_routine_without_movements_starts_at_once(home: Path, qapp: object) -> None:
    """Nothing to draw ahead (holds only): no task, and the start does not wait."""
    held = HeldTasks()
    player = PlayerBridge(StretchImages(), home, clock=FakeClock(), runner=held)
    player.open(routine(step("Neck tilt", hold=5), step("Calf stretch", hold=8)))
    assert player.engine is not None
    assert [name for name, _task, _done in held.tasks] == ["recovery point"]
    player.close()
    player.deleteLater()


def test_playing_a_movement_draws_no_pose_on_the_gui_thread(ui: Ui) -> None:
    """The first counted movement's frames are drawn as the clock starts, at the size the
    get-ready screen left the page: playing it neither solves a pose nor rasterises one."""
    held = HeldTasks()
    ui.shell.player._pictures._runner = held  # the get-ready screen waits for the drawings
    ui.start("neck-warm-up")
    assert ui.shell.player.preparing and not ui.shell.player.pictureSize.isEmpty()
    _name, task, on_done = next(entry for entry in held.tasks if entry[0] == "player pictures")
    images = ui.shell.images
    drawn_ahead = images.rendered
    on_done(task())  # the drawings are in: the clock starts
    assert ui.shell.player.engine is not None and images.rendered >= drawn_ahead + 6
    solved: list[object] = []
    original = images.svgs.get
    images.svgs.get = lambda what, draw: solved.append(what) or original(what, draw)
    while ui.shell.player.view["phaseKind"] != "count":
        ui.advance(0.5)
    # The first stretch hides the safety banner: the page's layout settles a refresh later.
    ui.advance(0.25, step=0.25)
    ui.settle()
    drawn_before = images.rendered
    shown = set()
    for _ in range(13):  # 3.25 s: a whole count's way out and back
        ui.advance(0.25, step=0.25)
        ui.settle()
        shown.add(ui.shell.player.imageSource)
    assert len(shown) >= 6
    assert images.rendered == drawn_before
    assert not solved
