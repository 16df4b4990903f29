"""The player's cues: phrase lengths learnt from real WAV files, phrases moved to their slots."""

from __future__ import annotations

from stretchapp.app.spoken_cues import SpokenCues
from stretchapp.core.session.cues import CueKind
from stretchapp.core.storage import paths
from tests.helpers.routines import routine, step


def test_learnt_lengths_place_the_next_phrase_after_a_long_one() -> None:
    """A 1.8 s safety line (a real WAV) pushes "First: A" to after it ends."""
    spoken = SpokenCues()
    safety = "Stop if anything hurts sharply"
    spoken.learn({safety: paths.sounds_dir() / "finish.wav"})  # 1.8 s long
    cues = spoken.for_routine(routine(step("A", hold=5, prepare=8), countdown=0))
    words = {c.text: c.due for c in cues if not c.sound and c.text}
    assert words[safety] == 0.5  # after the 0.5 s "next" sound; it outranks the name
    assert words["First: A"] >= 0.5 + 1.8
    sounds = [c for c in cues if c.sound]
    assert all(c.text == "" for c in sounds if c.kind is not CueKind.FINISHED)
