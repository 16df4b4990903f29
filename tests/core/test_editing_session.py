"""The editing session without Qt: naming new files, save, delete, undo, bounded reads."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from stretchapp.core.editing.session import EditError, EditingSession, read_text_bounded
from stretchapp.core.loading.library import Library, load_library


@pytest.fixture
def library(home: Path) -> Library:
    return load_library(user_dir=home / "routines")


def test_a_new_routine_is_named_after_its_title_until_saved(home: Path, library: Library) -> None:
    """The id and file follow the title; after the save they stay put."""
    session = EditingSession(home)
    draft = session.new_routine(library)
    assert draft.path.name == "my-routine.yaml" and session.is_new and session.dirty
    draft.set_field("title", "Morning calf, gentle")
    assert session.name_new_file(library)
    assert (draft.get("id"), draft.path.name) == ("morning-calf-gentle", "morning-calf-gentle.yaml")
    draft.add_step("wall-calf-stretch")
    path, was_new = session.save(library)
    assert was_new and path.is_file() and not session.is_new and not session.dirty
    draft.set_field("title", "Renamed later")
    assert not session.name_new_file(library)
    assert draft.path == path


def test_delete_then_undo_brings_the_file_back(home: Path,
                                                            library: Library) -> None:
    """A deleted file goes to the backups; undo restores it byte for byte."""
    path, copied = EditingSession(home).file_to_customise("calf-relief", library)
    assert copied
    text = path.read_bytes()
    session = EditingSession(home)
    session.open_path(path, library)
    session.delete(path)
    assert session.close() == ""  # the file is gone: nothing to show after closing
    assert not path.exists() and session.draft is None and session.deleted is not None
    assert session.undo_delete() == path
    assert path.read_bytes() == text and session.deleted is None


def test_built_in_files_are_never_opened(home: Path, library: Library) -> None:
    """open_path refuses a built-in file, in words."""
    source = library.routines["calf-relief"].source
    assert source is not None
    with pytest.raises(EditError, match="customise a copy"):
        EditingSession(home).open_path(source, library)


@pytest.mark.parametrize("damage", ["fifo", "huge", "directory", "binary"])
def test_the_bounded_reader_refuses_what_is_not_a_small_text_file(tmp_path: Path,
                                                                  damage: str) -> None:
    """A FIFO (without hanging), a 2 MiB file, a folder and non-UTF-8 bytes are refused."""
    path = tmp_path / "r.yaml"
    if damage == "fifo":
        os.mkfifo(path)
    elif damage == "huge":
        path.write_bytes(b"# x\n" * 600_000)
    elif damage == "directory":
        path.mkdir()
    else:
        path.write_bytes(b"title: \xff\xfe\n")
    with pytest.raises(EditError, match=r"^Could not open r\.yaml: "):
        read_text_bounded(path)
