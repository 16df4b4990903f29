"""What the player page shows while a routine plays, and which part of it moved.

The bridge hands every SessionState to `PlayerPresenter.show`; the presenter
makes the page's values (player_view) and says whether the still values changed
or only the moving ones (MOTION_KEYS), so a refresh re-evaluates a few bindings
instead of every one of the page's.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from stretchapp.app.player_view import (
    blank_view,
    first_movement_frames,
    movement_frames,
    moving_values,
    player_view,
    pulse_level,
    still_key,
)
from stretchapp.app.stretch_images import PROVIDER_ID
from stretchapp.core.model import PhaseKind

if TYPE_CHECKING:
    from PySide6.QtCore import QSize

    from stretchapp.app.stretch_images import StretchImages
    from stretchapp.core.model import Routine
    from stretchapp.core.session.cues import Cue
    from stretchapp.core.session.events import SessionState

# The view's values that move between whole seconds, each with its own property and
# signal: a ring step re-evaluates the ring's bindings, not the picture's or the halo's.
MOTION_KEYS = ("phaseProgress", "pulse", "imageSource")
# The figures that change every second: their own signal too (the bridge's `tick`),
# so a second going by re-evaluates the few texts that show them. The routine's
# progress bar moves with them (its own property): a second is a pixel or two of it.
TICK_KEYS = ("countdownText", "countText", "countLine", "elapsedText", "remainingText")
SECOND_KEYS = (*TICK_KEYS, "routineProgress")


class PlayerPresenter:
    """The page's values for one session: the last view made, and the last cue's pulse."""

    def __init__(self, images: StretchImages) -> None:
        self._images = images
        self.theme = "light"
        self.view: dict[str, Any] = {}  # every key once a routine opens (blank_view)
        self._pulse_at: float | None = None  # routine time of the last cue sound
        # Something moves between whole seconds: a movement's frames, or a cue's halo.
        self.moving = False
        self._still: tuple[object, ...] | None = None  # still_key of the last full view

    def reset(self, title: str) -> None:
        """A blank page naming the routine (the get-ready screen), no pulse."""
        self.view = blank_view()
        self.view["routineTitle"] = title
        self._pulse_at = None
        self._still = None

    def drawing_task(self, routine: Routine) -> Callable[[], dict[str, str]] | None:
        """A task drawing the routine's movement frames ahead (StretchImages.learn); None
        when it has no counted movement to draw."""
        frames = movement_frames(routine, self._images)
        return self._images.drawing_task(frames, self.theme) if frames else None

    def learn_drawings(self, drawn: dict[str, str]) -> None:
        self._images.learn(drawn)

    def draw_first_movement(self, routine: Routine, size: QSize,
                            refresh_seconds: float) -> None:
        """Rasterise the first step's movement frames at the picture's size, as the clock
        is about to start: that movement then plays without drawing a frame (each 4-5 ms
        on the GUI thread, between cues)."""
        prefix = f"image://{PROVIDER_ID}/"
        for url in first_movement_frames(routine, self._images, self.theme, refresh_seconds):
            self._images.image(url.removeprefix(prefix), size)

    def cue_sounded(self, cue: Cue) -> None:
        """A cue sound played: the ring's halo starts from it."""
        self._pulse_at = cue.due

    def show(self, routine: Routine, state: SessionState) -> set[str]:
        """Make the view for state; the keys whose values changed since the last one.

        Most refreshes (three of four in a movement) only move the ring and the picture:
        those make the moving values alone, not the whole view.
        """
        still = still_key(state, self.theme)
        if still == self._still:
            view = {**self.view, **moving_values(state, self._images, self.theme)}
        else:
            view = player_view(routine, state, self._images, self.theme)
            self._still = still
        view["pulse"] = pulse_level(state.elapsed, self._pulse_at)
        phase = state.phase
        self.moving = view["pulse"] > 0 or (
            phase is not None and phase.kind is PhaseKind.COUNT
            and self._images.is_movement(phase.stretch))
        old, self.view = self.view, view
        if view["elapsedText"] == old.get("elapsedText") and "routineProgress" in old:
            view["routineProgress"] = old["routineProgress"]  # it steps with the seconds
        return {key for key, value in view.items() if value != old.get(key)}

    def tick(self) -> dict[str, str]:
        return {key: str(self.view.get(key, "")) for key in TICK_KEYS}

    def number(self, key: str) -> float:
        return float(self.view.get(key, 0.0))

    def text(self, key: str) -> str:
        return str(self.view.get(key, ""))

