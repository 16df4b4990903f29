"""What the player page shows while a routine plays, and which part of it moved.

The bridge hands every SessionState to `PlayerPresenter.show`; the presenter
makes the page's values (player_view) and says whether the still values changed
or only the moving ones (MOTION_KEYS), so a refresh re-evaluates a few bindings
instead of every one of the page's.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from stretchapp.app.player_view import blank_view, player_view, pulse_level
from stretchapp.core.model import PhaseKind

if TYPE_CHECKING:
    from stretchapp.app.stretch_images import StretchImages
    from stretchapp.core.model import Routine
    from stretchapp.core.session.cues import Cue
    from stretchapp.core.session.events import SessionState

# The view's values that move with every refresh: they have their own properties
# and signal, so a refresh re-evaluates three bindings, not every one of the page's.
MOTION_KEYS = ("phaseProgress", "routineProgress", "pulse", "imageSource")
# The figures that change every second: their own signal too (the bridge's `tick`),
# so a second going by re-evaluates the few texts that show them.
TICK_KEYS = ("countdownText", "countText", "countLine", "elapsedText", "remainingText")


class PlayerPresenter:
    """The page's values for one session: the last view made, and the last cue's pulse."""

    def __init__(self, images: StretchImages) -> None:
        self._images = images
        self.theme = "light"
        self.view: dict[str, Any] = {}  # every key once a routine opens (blank_view)
        self._pulse_at: float | None = None  # routine time of the last cue sound
        # Something moves between whole seconds: a movement's frames, or a cue's halo.
        self.moving = False

    def reset(self, title: str) -> None:
        """A blank page naming the routine (the get-ready screen), no pulse."""
        self.view = blank_view()
        self.view["routineTitle"] = title
        self._pulse_at = None

    def cue_sounded(self, cue: Cue) -> None:
        """A cue sound played: the ring's halo starts from it."""
        self._pulse_at = cue.due

    def show(self, routine: Routine, state: SessionState) -> tuple[bool, bool, bool]:
        """Make the view for state: did a still value change, a second's figure, a moving one."""
        view = player_view(routine, state, self._images, self.theme)
        view["pulse"] = pulse_level(state.elapsed, self._pulse_at)
        phase = state.phase
        self.moving = view["pulse"] > 0 or (
            phase is not None and phase.kind is PhaseKind.COUNT
            and self._images.is_movement(phase.stretch))
        old, self.view = self.view, view
        moved = any(view[key] != old.get(key) for key in MOTION_KEYS)
        ticked = any(view[key] != old.get(key) for key in TICK_KEYS)
        changed = any(value != old.get(key) for key, value in view.items()
                      if key not in MOTION_KEYS and key not in TICK_KEYS)
        return changed, ticked, moved

    def tick(self) -> dict[str, str]:
        return {key: str(self.view.get(key, "")) for key in TICK_KEYS}

    def number(self, key: str) -> float:
        return float(self.view.get(key, 0.0))

    def text(self, key: str) -> str:
        return str(self.view.get(key, ""))

