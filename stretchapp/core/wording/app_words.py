"""Words of the app around the pages: notices, settings choices, the command line's errors."""

from __future__ import annotations


def no_such_routine(routine_id: str) -> str:
    """The notice when a routine asked for (a link, `stretchapp run ID`) is not there."""
    return f"There is no routine called '{routine_id}'."


def run_no_such_routine(routine_id: str) -> str:
    """The same, said on the terminal `stretchapp run ID` was started from."""
    shown = routine_id.encode("unicode_escape").decode("ascii")
    return f"stretchapp run: error: there is no routine called '{shown}'"


# The settings page's choices, by the values the settings file keeps.
VOICE_RATE_LABELS = ("Slow", "Normal", "Brisk")  # in the order of settings.VOICE_RATES
THEME_LABELS = {"system": "Follow the system", "light": "Light", "dark": "Dark"}
RENDERER_CHOICES = {
    "auto": "Choose for this computer",
    "software": "Software (least CPU without a graphics card)",
    "opengl": "OpenGL (graphics card)",
}

LIBRARY_STILL_LOADING = "the library is still loading; try again in a moment"


def prepare_choice(seconds: int | None) -> str:
    """A get-ready time to choose: '5 seconds', or the routine's own (None)."""
    return "As the routine says" if seconds is None else f"{seconds} seconds"
