"""The cues a session plays: the routine's own, each phrase moved to its planned start.

Plain Python for the player bridge. It learns how long each rendered phrase is
(from the voice preparer's `finished`) and, when a session begins, asks the
core speech schedule where every phrase goes. Phrases not rendered (voice off,
no speech engine) are estimated: they are not heard, but still planned around.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from stretchapp.core.model import Routine
from stretchapp.core.session.cues import Cue, all_cues
from stretchapp.core.session.speech_schedule import (
    build_schedule,
    phrase_seconds,
    playing_cues,
    sound_seconds,
)
from stretchapp.core.session.timeline import build_timeline
from stretchapp.core.sound.voice import DEFAULT_RATE
from stretchapp.core.storage import paths


class SpokenCues:
    """Phrase lengths learnt so far, and the cues a routine plays with them."""

    def __init__(self, sounds_dir: Path | None = None) -> None:
        self._sounds_dir = sounds_dir
        self._lengths: dict[str, float] = {}  # phrase -> seconds, as rendered

    def learn(self, rendered: Mapping[str, Path]) -> None:
        """Note the length of each rendered phrase (text -> WAV file)."""
        self._lengths.update(phrase_seconds(rendered))

    def for_routine(self, routine: Routine, rate: int = DEFAULT_RATE) -> list[Cue]:
        """The routine's cues: each sound at its instant, each phrase at its slot."""
        timeline = build_timeline(routine)
        cues = all_cues(timeline, routine.cues)
        sounds_dir = self._sounds_dir if self._sounds_dir is not None else paths.sounds_dir()
        schedule = build_schedule(timeline, cues, self._lengths,
                                  sound_seconds(routine, sounds_dir), rate=rate)
        return playing_cues(cues, schedule)
