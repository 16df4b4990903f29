"""Editing routine files: values change, comments and order survive."""

from __future__ import annotations

from pathlib import Path

import pytest

from stretchapp.core.editing.draft import DraftError, RoutineDraft
from stretchapp.core.editing.store import SaveError, save_draft
from stretchapp.core.loading.durations import format_written
from stretchapp.core.loading.library import Library, load_library

HAND_WRITTEN = """\
# My evening routine: keep it short.
format: 1
title: Evening calf   # shown in the library
group: calf
kind: cool-down
defaults:
  hold: 30s   # my usual hold
steps:
  # first the wall
  - stretch: wall-calf-stretch
    hold: 40s
  - stretch: heel-raise
    count: 10
    tempo: 2s
  - stretch: towel-calf-stretch
"""


@pytest.fixture
def library(home: Path) -> Library:
    return load_library(user_dir=home / "routines")


@pytest.fixture
def draft_path(home: Path) -> Path:
    path = home / "routines" / "evening.yaml"
    path.write_text(HAND_WRITTEN, encoding="utf-8")
    return path


def test_duration_text_is_what_people_write() -> None:
    """Seconds are written back as 45s, 2m and 1m30s."""
    assert [format_written(s) for s in (45, 120, 90, 0)] == ["45s", "2m", "1m30s", "0s"]


def test_untouched_draft_round_trips_byte_for_byte(draft_path: Path, library: Library) -> None:
    """Loading and dumping without edits gives back the very same text."""
    draft = RoutineDraft.from_file(draft_path, library)
    assert draft.text() == HAND_WRITTEN
    assert not draft.dirty


def test_edits_keep_comments_and_key_order(draft_path: Path, library: Library, home: Path) -> None:
    """After edit, save and reload, every comment is still there and keys keep their order."""
    draft = RoutineDraft.from_file(draft_path, library)
    draft.set_field("title", "Evening calf, longer")
    draft.set_default("hold", 45)
    draft.set_step(0, "reps", 2)
    draft.move_step(2, 0)
    save_draft(draft, home)
    text = draft_path.read_text(encoding="utf-8")
    for comment in (
        "# My evening routine",
        "# shown in the library",
        "# my usual hold",
        "# first the wall",
    ):
        assert comment in text
    keys = [line.split(":")[0] for line in text.splitlines() if line and line[0].isalpha()]
    assert keys == ["format", "title", "group", "kind", "defaults", "steps"]
    reloaded = load_library(user_dir=home / "routines").routines["evening"]
    assert reloaded.title == "Evening calf, longer"
    assert [s.stretch.id for s in reloaded.steps] == [
        "towel-calf-stretch",
        "wall-calf-stretch",
        "heel-raise",
    ]
    assert reloaded.steps[1].reps == 2
    assert reloaded.steps[0].hold == 45


def test_hold_and_count_replace_each_other(draft_path: Path, library: Library) -> None:
    """Setting a hold on a counted step drops count and tempo, and the other way round."""
    draft = RoutineDraft.from_file(draft_path, library)
    draft.set_step(1, "hold", 20)
    assert dict(draft.steps()[1]) == {"stretch": "heel-raise", "hold": "20s"}
    draft.set_step(0, "count", 8)
    draft.set_step(0, "tempo", 3)
    assert "hold" not in draft.steps()[0]
    assert draft.problems() == []


def test_total_updates_as_steps_change(draft_path: Path, library: Library) -> None:
    """The routine's total time follows every edit."""
    draft = RoutineDraft.from_file(draft_path, library)
    before = draft.routine()
    assert before is not None
    draft.add_step("toe-raise")
    draft.set_step(3, "count", 10)
    draft.set_step(3, "tempo", 2)
    after = draft.routine()
    assert after is not None
    step = after.steps[3]
    assert after.total_seconds == before.total_seconds + before.steps[-1].rest + step.seconds(
        last=True
    )


def test_problems_show_before_saving_and_block_the_save(
    draft_path: Path, library: Library, home: Path
) -> None:
    """A draft with a count but no tempo reports it at its line and is not written."""
    draft = RoutineDraft.from_file(draft_path, library)
    draft.add_step("toe-raise")
    draft.set_step(3, "count", 10)
    problems = draft.problems()
    assert [p.message for p in problems] == [
        "count needs a tempo in step 4, the length of one repetition (e.g. tempo: 2s)"
    ]
    assert problems[0].line > 10
    with pytest.raises(SaveError) as refused:
        save_draft(draft, home)
    assert refused.value.problems == problems
    assert draft_path.read_text(encoding="utf-8") == HAND_WRITTEN


def test_bad_edits_are_refused(draft_path: Path, library: Library) -> None:
    """Unknown stretches, fields and step numbers are refused with a reason."""
    draft = RoutineDraft.from_file(draft_path, library)
    with pytest.raises(DraftError, match="no stretch with id 'nope'"):
        draft.add_step("nope")
    with pytest.raises(DraftError, match="there is no step 9"):
        draft.remove_step(8)
    with pytest.raises(DraftError, match="not a step field"):
        draft.set_step(0, "colour", 1)


def test_blank_draft_becomes_a_valid_routine(home: Path, library: Library) -> None:
    """A new routine from scratch saves once it has a step."""
    path = home / "routines" / "fresh.yaml"
    draft = RoutineDraft.blank(path, "fresh", 'A "fresh" start', "neck", "relief", library)
    assert any("steps must have at least one entry" in p.message for p in draft.problems())
    draft.add_step("chin-tuck")
    draft.set_cue("halfway", True)
    save_draft(draft, home)
    routine = load_library(user_dir=home / "routines").routines["fresh"]
    assert routine.title == 'A "fresh" start'
    assert routine.cues.halfway is True


def test_builtin_files_are_never_written(library: Library, home: Path) -> None:
    """Saving a draft of a built-in file is refused and the file is unchanged."""
    source = library.routines["calf-relief"].source
    assert source is not None
    before = source.read_bytes()
    draft = RoutineDraft.from_file(source, library)
    draft.set_field("title", "Changed")
    with pytest.raises(SaveError, match="built-in routines are never changed"):
        save_draft(draft, home)
    assert source.read_bytes() == before
