"""Words of the cue sounds and the voice: the notices shown when either cannot play."""

from __future__ import annotations

from collections.abc import Sequence

NO_OUTPUT_NOTICE = "No audio output was found: cues are shown on screen only."

NO_PLAYER_NOTICE = (
    "Sound is off: Qt Multimedia could not start and no audio player program "
    "(gst-play-1.0, ffplay or aplay) was found. Cues are shown on screen only."
)


def not_a_cue_sound(name: str) -> str:
    """A routine names a sound the app does not have."""
    return f"'{name}' is not a cue sound"


def unusable_sound_file(file_name: str, problem: str, name: str) -> str:
    """A routine's own sound file cannot be played: the built-in one plays instead."""
    return f"{file_name} ({problem}); the built-in {name} sound plays"


def unusable_sounds(problems: Sequence[str]) -> str:
    """The notice listing a routine's sounds that cannot be used."""
    return "Some of this routine's sounds cannot be used: " + "; ".join(problems) + "."


def voice_failed(error: object) -> str:
    """The voice could not be rendered: cues are sounds only."""
    return f"Voice cues are off: rendering failed ({error})."


def voice_unavailable(problems: Sequence[str]) -> str:
    """Why the voice is off: no speech engine works (each engine's problem, in order)."""
    reasons = "; ".join(problems) or "no speech engine was given"
    return (f"Voice cues are off: espeak-ng is not available ({reasons}). "
            "Install the espeak-ng package to hear them.")
