"""Words of the app around the pages: notices, settings choices, the renderer's reasons."""

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


# Why the window is drawn the way it is (the settings page, under "Drawing").
RENDERER_SETTING = "the setting"  # who asked: the setting, or an environment variable
_BACKEND_NAMES = {"software": "software", "opengl": "OpenGL"}
RENDERER_QT_CHOICE = "Now: Qt's own choice."
RENDERER_NO_GPU = "Now: software (no graphics card found)."
RENDERER_NO_OPENGL = "Now: software (OpenGL is not available)."


def renderer_asked(backend: str, source: str) -> str:
    """'Now: software, as the setting asks.' (backend 'software' or 'opengl')."""
    return f"Now: {_BACKEND_NAMES[backend]}, as {source} asks."


def renderer_variable_asks(variable: str) -> str:
    """'Now: as QT_QUICK_BACKEND asks.'"""
    return f"Now: as {variable} asks."


def renderer_software_gl(gl_name: str) -> str:
    """OpenGL is there but drawn in software (llvmpipe): software is cheaper."""
    return f"Now: software (OpenGL here is {gl_name})."


def renderer_opengl(gl_name: str) -> str:
    """'Now: OpenGL (Mesa Intel(R) UHD Graphics).'"""
    return f"Now: OpenGL ({gl_name})."
