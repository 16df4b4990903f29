"""Red flags per muscle group, and "what you need" derived from the poses' props."""

from __future__ import annotations

from pathlib import Path

import pytest

from stretchapp.core.model import Kind
from stretchapp.core.pose.equipment import needs_text, what_you_need
from stretchapp.core.red_flags import has_red_flags, red_flags
from tests.core.test_builtin_library import DENIED
from tests.core.test_format_rules import Folder, ok


@pytest.fixture
def folder(tmp_path: Path) -> Folder:
    """A fresh pair of library folders with the tiny catalogue in the built-in one."""
    return Folder(tmp_path)


@pytest.mark.parametrize("group", ["calf", "back", "neck"])
def test_each_group_has_red_flags_that_send_people_for_help(group: str) -> None:
    """calf, back and neck each list several red flags, each saying where to get help."""
    flags = red_flags(group)
    assert has_red_flags(group) and len(flags) >= 4
    for flag in flags:
        assert any(word in flag.lower() for word in ("doctor", "help", "ambulance", "checked"))


def test_red_flags_name_no_medicine_or_brand() -> None:
    """No red flag names a medicine, a supplement or a brand."""
    text = " ".join(red_flags("calf") + red_flags("back") + red_flags("neck")).lower()
    assert [word for word in DENIED if word in text] == []


def test_other_groups_have_no_red_flags() -> None:
    """A group the app has no red flags for gets none rather than another group's."""
    assert red_flags("desk") == () and not has_red_flags("running")


POSED = """format: 1
stretches:
  - id: sit
    name: Sit
    group: calf
    instructions: Sit on a chair.
    pose: {left_hip: 90, left_knee: 90, right_hip: 90, right_knee: 90, props: [chair]}
  - id: towel
    name: Towel
    group: calf
    instructions: Pull a towel.
    pose: {torso: -2, left_hip: 88, right_hip: 88, props: [mat, {towel: left_foot}]}
  - id: strap
    name: Strap
    group: calf
    instructions: Pull a strap.
    pose: {torso: -2, left_hip: 88, right_hip: 88, props: [{strap: left_foot}]}
  - id: lean
    name: Lean
    group: calf
    instructions: Lean on a wall.
    pose: {torso: 20, props: [wall], start: {}, end: {props: [wall, step]}}
"""


@pytest.mark.parametrize(("used", "needs"), [
    (["sit"], ("a chair",)),
    (["towel", "sit"], ("a chair", "a mat", "a towel")),
    (["strap"], ("a towel or a strap",)),
    (["strap", "towel"], ("a mat", "a towel")),
    (["lean"], ("a wall", "a step or stair")),
    (["heel-raise"], ()),
])
def test_what_you_need_comes_from_the_poses(folder: Folder, used: list[str],
                                            needs: tuple[str, ...]) -> None:
    """Props drawn in each step's pose (start and end) make the list, in a fixed order."""
    folder.write("builtin/stretches/posed.yaml", POSED)
    routine = ok(folder, "format: 1\ntitle: T\ngroup: calf\nkind: relief\nsteps:\n"
                 + "".join(f"  - stretch: {s}\n" for s in used))
    assert what_you_need(routine) == needs
    assert routine.kind is Kind.RELIEF and routine.red_flags == red_flags("calf")


def test_needs_text_reads_as_one_line() -> None:
    """The list reads as one capitalised line, or 'Nothing'."""
    assert needs_text(("a chair", "a mat")) == "A chair, a mat"
    assert needs_text(()) == "Nothing"
