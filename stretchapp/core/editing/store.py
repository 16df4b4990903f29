"""Saving, deleting and restoring the user's routine files, never losing one.

A save is refused while the draft has blocking problems, never touches a
built-in file, writes atomically and keeps the previous version in the
backups folder. A delete moves the file there too, so it can be undone.
"""

from __future__ import annotations

import os
import shutil
from dataclasses import dataclass
from pathlib import Path

from stretchapp.core.editing.draft import RoutineDraft
from stretchapp.core.loading.problems import Problem
from stretchapp.core.storage import paths
from stretchapp.core.storage.safe_write import backup_slot, clean_stale_temps, write_atomically

KEEP_BACKUPS = 20


class SaveError(Exception):
    """A save or delete that did not happen; the message says why in words."""

    def __init__(self, message: str, problems: list[Problem] | None = None) -> None:
        super().__init__(message)
        self.problems = problems or []


@dataclass(frozen=True)
class DeletedRoutine:
    """Where a deleted file went, so the delete can be undone."""

    original: Path
    kept_at: Path


def is_builtin(path: Path) -> bool:
    try:
        return path.resolve().is_relative_to(paths.builtin_routines_dir().resolve())
    except OSError:
        return False


def save_draft(draft: RoutineDraft, home: Path) -> Path:
    """Write the draft to its file; SaveError (old file intact) when it cannot."""
    if is_builtin(draft.path):
        raise SaveError("built-in routines are never changed: customise a copy instead")
    blocking = [p for p in draft.problems() if p.blocking]
    if blocking:
        raise SaveError(f"not saved: the routine has {len(blocking)} problem(s) to fix first",
                        blocking)
    backup = None
    clean_stale_temps(draft.path.parent)
    try:
        if draft.path.exists():
            # One backup scheme for the app: backups/saved/<stem>/<stamp>.yaml, unique.
            backup = backup_slot(paths.backup_dir(home) / "saved", draft.path.stem, ".yaml")
        write_atomically(draft.path, draft.text(), backup=backup)
    except OSError as error:
        if backup is not None and backup.exists() and not backup.stat().st_size:
            backup.unlink(missing_ok=True)  # the reserved name, never filled
        raise SaveError(f"could not save {draft.path.name}: {_reason(error)}; "
                        "the previous version is unchanged") from None
    if backup is not None:
        _prune(backup.parent)
    draft.dirty = False
    return draft.path


def delete_routine(path: Path, home: Path) -> DeletedRoutine:
    """Move a user routine file into the backups folder (undo with restore_routine)."""
    if is_builtin(path):
        raise SaveError("built-in routines cannot be deleted")
    try:
        kept = backup_slot(paths.backup_dir(home) / "deleted", path.stem, path.suffix)
        shutil.move(os.fspath(path), os.fspath(kept))
    except OSError as error:
        raise SaveError(f"could not delete {path.name}: {_reason(error)}") from None
    return DeletedRoutine(path, kept)


def restore_routine(deleted: DeletedRoutine) -> Path:
    """Undo a delete; refuses to overwrite a file made since at the same place."""
    if deleted.original.exists():
        raise SaveError(f"{deleted.original.name} exists again; not overwriting it "
                        f"(the deleted copy is kept at {deleted.kept_at})")
    try:
        deleted.original.parent.mkdir(parents=True, exist_ok=True)
        shutil.move(os.fspath(deleted.kept_at), os.fspath(deleted.original))
    except OSError as error:
        raise SaveError(f"could not restore {deleted.original.name}: {_reason(error)}") from None
    return deleted.original


def _prune(folder: Path) -> None:
    versions = sorted(folder.glob("*.yaml"))
    for old in versions[:-KEEP_BACKUPS]:
        old.unlink(missing_ok=True)


def _reason(error: OSError) -> str:
    import errno

    if error.errno == errno.ENOSPC:
        return "the disk is full"
    if error.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return "the folder is read-only or not yours"
    return error.strerror or str(error)
