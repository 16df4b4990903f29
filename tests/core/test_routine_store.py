"""Saving and deleting routine files: failures leave the old file intact."""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest

from stretchapp.core.editing.draft import RoutineDraft
from stretchapp.core.editing.store import (
    SaveError,
    delete_routine,
    restore_routine,
    save_draft,
)
from stretchapp.core.loading.library import load_library
from stretchapp.core.storage import safe_write

ORIGINAL = """\
format: 1
title: Mine
group: back
kind: cool-down
steps:
  - stretch: childs-pose
"""


@pytest.fixture
def draft(home: Path) -> RoutineDraft:
    path = home / "routines" / "mine.yaml"
    path.write_text(ORIGINAL, encoding="utf-8")
    library = load_library(user_dir=home / "routines")
    result = RoutineDraft.from_file(path, library)
    result.set_field("title", "Mine, edited")
    return result


def _fail_with(code: int):
    def fail(*_args: object, **_kwargs: object) -> None:
        raise OSError(code, os.strerror(code))

    return fail


@pytest.mark.parametrize(
    ("where", "code", "said"),
    [
        ("fsync", errno.ENOSPC, "the disk is full"),
        ("mkstemp", errno.EROFS, "read-only"),
        ("replace", errno.EACCES, "read-only"),
    ],
)
def test_failed_save_keeps_old_file_and_says_why(
    draft: RoutineDraft,
    home: Path,
    monkeypatch: pytest.MonkeyPatch,
    where: str,
    code: int,
    said: str,
) -> None:
    """A save that fails at any stage leaves the old text, no temp files, and a clear reason."""
    target = {"fsync": safe_write.os, "replace": safe_write.os, "mkstemp": safe_write.tempfile}[
        where
    ]
    monkeypatch.setattr(target, where, _fail_with(code))
    with pytest.raises(SaveError) as failed:
        save_draft(draft, home)
    assert said in str(failed.value)
    assert "previous version is unchanged" in str(failed.value)
    assert draft.path.read_text(encoding="utf-8") == ORIGINAL
    assert sorted(p.name for p in draft.path.parent.iterdir()) == ["mine.yaml"]
    assert draft.dirty


def test_save_keeps_the_previous_version_as_backup(draft: RoutineDraft, home: Path) -> None:
    """Each save puts the version it replaces in the backups folder."""
    save_draft(draft, home)
    backups = list((home / "backups" / "saved" / "mine").glob("*.yaml"))
    assert [b.read_text(encoding="utf-8") for b in backups] == [ORIGINAL]
    assert "Mine, edited" in draft.path.read_text(encoding="utf-8")


def test_really_read_only_folder_is_reported(draft: RoutineDraft, home: Path) -> None:
    """Where permissions apply (not as root), a read-only folder fails the save cleanly."""
    folder = draft.path.parent
    folder.chmod(0o500)
    try:
        if os.access(folder, os.W_OK):
            pytest.skip("running as root: permissions do not apply (simulated above)")
        with pytest.raises(SaveError, match="read-only"):
            save_draft(draft, home)
        assert draft.path.read_text(encoding="utf-8") == ORIGINAL
    finally:
        folder.chmod(0o700)


def test_delete_can_be_undone(draft: RoutineDraft, home: Path) -> None:
    """A deleted routine is moved to the backups and restored by undo."""
    deleted = delete_routine(draft.path, home)
    assert not draft.path.exists()
    assert deleted.kept_at.read_text(encoding="utf-8") == ORIGINAL
    assert "mine" not in load_library(user_dir=home / "routines").routines
    restore_routine(deleted)
    assert draft.path.read_text(encoding="utf-8") == ORIGINAL
    assert "mine" in load_library(user_dir=home / "routines").routines


def test_undo_never_overwrites_a_newer_file(draft: RoutineDraft, home: Path) -> None:
    """Undoing a delete after a new file took its place refuses and keeps both."""
    deleted = delete_routine(draft.path, home)
    draft.path.write_text("new", encoding="utf-8")
    with pytest.raises(SaveError, match="exists again"):
        restore_routine(deleted)
    assert draft.path.read_text(encoding="utf-8") == "new"
    assert deleted.kept_at.exists()


def test_builtin_routines_cannot_be_deleted(home: Path) -> None:
    """Deleting a built-in routine file is refused."""
    source = load_library().routines["neck-relief"].source
    assert source is not None
    with pytest.raises(SaveError, match="cannot be deleted"):
        delete_routine(source, home)
    assert source.exists()
