"""One side convention: a sided stretch's "left side" is the side being stretched.

Checked where a machine can: the drawing highlights left parts (the stretched
side) and never a right one alone, and the texts never leave the side to
chance with "one foot" or "to one side".
"""

from __future__ import annotations

import re

import pytest

from stretchapp.core.loading.library import load_library

STRETCHES = load_library(user_dir=None).stretches
SIDED = sorted(sid for sid, s in STRETCHES.items() if s.sided)
# Words that name a side without saying which: the side stretched or the other.
VAGUE = re.compile(r"\b(one|either) (foot|leg|knee|ankle|hand|arm|shoulder|side|heel)\b"
                   r"|\bto one side\b", re.IGNORECASE)


def test_the_catalogue_has_sided_stretches() -> None:
    """The checks below have something to check."""
    assert len(SIDED) >= 10


@pytest.mark.parametrize("stretch", SIDED)
def test_a_sided_drawing_highlights_the_left_side(stretch: str) -> None:
    """A sided stretch is drawn for its left side: it highlights a left part, no right one."""
    spec = STRETCHES[stretch].pose
    assert spec is not None
    poses = [spec.start] if spec.end is None else [spec.start, spec.end]
    for pose in poses:
        parts = pose.highlight
        assert any(p.startswith("left_") or p.endswith("_left") for p in parts), parts
        assert not any(p.startswith("right_") or p.endswith("_right") for p in parts), parts


@pytest.mark.parametrize("stretch", SIDED)
def test_sided_texts_say_which_side(stretch: str) -> None:
    """Instructions and say texts of a sided stretch never say just "one foot" or "one side"."""
    found = STRETCHES[stretch]
    for text in (found.instructions, found.say or ""):
        assert VAGUE.search(text) is None, (stretch, VAGUE.search(text))
