"""The routine being edited, without Qt: open, name, save, delete and undo a draft.

The editor's bridge shows this session and forwards people's actions to it.
A user's file is read within the limits of any file the app did not write
(a regular file, size-capped, nesting bounded), so "Reload from disk" and
"Revert" can run on a worker thread and never hang or crash the window.
A new routine's id and file name follow its title until it is first saved.
"""

from __future__ import annotations

import os
import re
import stat
from pathlib import Path

from stretchapp.core import model
from stretchapp.core.editing.draft import DraftError, RoutineDraft
from stretchapp.core.editing.routine_copy import CopyError, copy_routine
from stretchapp.core.editing.store import (
    DeletedRoutine,
    SaveError,
    delete_routine,
    is_builtin,
    restore_routine,
    save_draft,
)
from stretchapp.core.loading.library import Library
from stretchapp.core.loading.problems import RoutineError
from stretchapp.core.loading.yaml_source import MAX_FILE_BYTES, decode, parse_text
from stretchapp.core.storage import paths

NEW_TITLE = "My routine"
# Problems that mean the file cannot be opened at all (the others are shown in it):
# the round-trip parser would refuse a syntax error too, but only after a long time.
_REFUSED = frozenset({"too-large", "too-deep", "not-utf8", "unreadable", "yaml-syntax",
                      "bad-character"})


class EditError(Exception):
    """An editing action that did not happen; the message says why in words."""


def free_id(wanted: str, library: Library, folder: Path) -> str:
    """wanted, or wanted-2, wanted-3...: the first id no routine or file has yet."""
    base = wanted[:72].strip("-") or "my-routine"
    candidate, number = base, 1
    while candidate in library.routines or (folder / f"{candidate}.yaml").exists():
        number += 1
        candidate = f"{base}-{number}"
    return candidate


def id_from_title(title: str) -> str:
    """'Morning calf, gentle' -> 'morning-calf-gentle'."""
    return "-".join(re.findall(r"[a-z0-9]+", title.lower())) or "my-routine"


def routine_id_of(draft: RoutineDraft) -> str:
    """The id the draft's routine has in the library: its id key, else its file name."""
    value = draft.get("id")
    return value if isinstance(value, str) and value else draft.path.stem


def read_text_bounded(path: Path) -> str:
    """A user's routine file as text: a regular file under the size cap, nesting bounded."""
    try:
        # O_NONBLOCK: a FIFO named like a routine must not hang the reader.
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
    except OSError as error:
        raise EditError(f"Could not open {path.name}: {error.strerror}") from None
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise EditError(f"Could not open {path.name}: it is not a regular file")
        raw = b""
        while len(raw) <= MAX_FILE_BYTES:
            chunk = os.read(fd, MAX_FILE_BYTES + 1 - len(raw))
            if not chunk:
                break
            raw += chunk
    finally:
        os.close(fd)
    if len(raw) > MAX_FILE_BYTES:
        raise EditError(f"Could not open {path.name}: it is larger than the 1 MiB limit")
    try:
        text = decode(path, raw)
    except RoutineError as error:
        raise EditError(f"Could not open {path.name}: {error.problems[0].message}") from None
    try:
        parse_text(path, text)  # for its limits only: the draft shows the other problems
    except RoutineError as error:
        refused = [p for p in error.problems if p.code in _REFUSED]
        if refused:
            raise EditError(f"Could not open {path.name}: {refused[0].message}") from None
    except (ValueError, RecursionError) as error:
        raise EditError(f"Could not open {path.name}: {error}") from None
    return text


def read_draft(path: Path, library: Library) -> RoutineDraft:
    """A draft of a user's file (plain Python: safe to run on a worker thread)."""
    text = read_text_bounded(path)
    try:
        return RoutineDraft(path, text, library)
    except (DraftError, ValueError, RecursionError) as error:
        raise EditError(f"Could not open {path.name}: {error}") from None


class EditingSession:
    """At most one open draft of one user's folder, and the last delete (for undo)."""

    def __init__(self, home: Path) -> None:
        self.home = home
        self.user_dir = paths.user_routines_dir(home)
        self.draft: RoutineDraft | None = None
        self.is_new = False
        self.deleted: DeletedRoutine | None = None

    @property
    def dirty(self) -> bool:
        return self.draft is not None and (self.draft.dirty or self.is_new)

    def open(self, draft: RoutineDraft, *, new: bool = False) -> None:
        self.draft, self.is_new = draft, new

    def close(self) -> str:
        """Drop the draft; the id of its routine when it exists on disk, else ''."""
        draft = self.draft
        shown = "" if draft is None or self.is_new or not draft.path.exists() \
            else routine_id_of(draft)
        self.draft, self.is_new = None, False
        return shown

    def open_path(self, path: Path, library: Library) -> RoutineDraft:
        """Read one of the user's files for editing (also one that does not load)."""
        if is_builtin(path):
            raise EditError("Built-in routines are never changed: customise a copy instead.")
        draft = read_draft(path, library)
        self.open(draft)
        return draft

    def file_to_customise(self, routine_id: str, library: Library) -> tuple[Path, bool]:
        """The file to edit for a routine: the user's own, or a fresh copy (True) of a built-in."""
        routine = library.routines.get(routine_id)
        if routine is None or routine.source is None:
            raise EditError(f"There is no routine '{routine_id}' to customise.")
        if not routine.builtin and not is_builtin(routine.source):
            return routine.source, False
        new_id = free_id(f"{routine_id}-mine", library, self.user_dir)
        try:
            return copy_routine(library, routine_id, new_id, self.user_dir), True
        except (CopyError, OSError) as error:
            raise EditError(f"Could not copy the routine: {error}") from None

    def new_routine(self, library: Library) -> RoutineDraft:
        """A blank routine, named after its title until it is saved."""
        routine_id = free_id(id_from_title(NEW_TITLE), library, self.user_dir)
        groups = library.groups()
        draft = RoutineDraft.blank(self.user_dir / f"{routine_id}.yaml", routine_id, NEW_TITLE,
                                   groups[0] if groups else "calf", model.Kind.WARM_UP.value,
                                   library)
        self.open(draft, new=True)
        return draft

    def name_new_file(self, library: Library) -> bool:
        """A new routine's id and file follow its title; True when they changed."""
        draft = self.draft
        if draft is None or not self.is_new:
            return False
        title = draft.get("title")
        routine_id = free_id(id_from_title(str(title or "")), library, self.user_dir)
        if routine_id == draft.get("id"):
            return False
        draft.rename(routine_id, self.user_dir / f"{routine_id}.yaml")
        return True

    def save(self, library: Library) -> tuple[Path, bool]:
        """Write the draft to its file; its path, and True when it was new. SaveError if not."""
        draft = self.draft
        if draft is None:
            raise SaveError("there is nothing open to save")
        self.name_new_file(library)
        save_draft(draft, self.home)
        was_new, self.is_new = self.is_new, False
        return draft.path, was_new

    def delete(self, path: Path) -> None:
        """Move a user's file to the backups (undo brings it back); the caller closes it."""
        self.deleted = delete_routine(path, self.home)

    def undo_delete(self) -> Path:
        deleted = self.deleted
        if deleted is None:
            raise SaveError("there is no delete to undo")
        restore_routine(deleted)
        self.deleted = None
        return deleted.original
