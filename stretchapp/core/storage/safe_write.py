"""Writing files so that a crash, a full disk or a kill never loses data.

The new text goes to a temporary file in the same folder, is flushed to disk,
then replaces the old file in one step; the old file survives any failure.
The file keeps its permissions, and a link is written through (its target is
replaced, the link stays). Backups, of a saved, replaced or damaged file,
all go through `keep_copy`: one naming scheme, each copy unique and whole
(written aside and renamed, so a kill never leaves a 0-byte backup).
"""

from __future__ import annotations

import contextlib
import os
import re
import stat
import tempfile
import time
from datetime import datetime
from pathlib import Path
from typing import BinaryIO

from stretchapp.core.loading.bounded_read import ReadRefused, open_bounded

# Temporary files look like '.NAME.XXXXXXXX.tmp'; ones older than this were
# left by a killed process (a live save takes milliseconds).
STALE_TEMP_SECONDS = 3600
# Nothing the app backs up (routines, images, settings) comes near this.
MAX_BACKUP_BYTES = 256 * 1024 * 1024
_TEMP_NAME = re.compile(r"^\..+\.[A-Za-z0-9_]{6,}\.tmp$")


def write_atomically(path: Path, text: str | bytes, *, backup: Path | None = None) -> None:
    """Replace path with text in one step; keep the old file as backup if given.

    Raises OSError (read-only folder, disk full) with the old file intact.
    """
    target = _through_links(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    data = text.encode("utf-8") if isinstance(text, str) else text
    mode = _mode_for(target)
    handle, temp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp",
                                         dir=target.parent)
    temp = Path(temp_name)
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
            out.flush()
            os.fchmod(out.fileno(), mode)
            os.fsync(out.fileno())
        if backup is not None and target.exists():
            copy_whole(target, backup)
        os.replace(temp, target)
    except Exception:
        with contextlib.suppress(OSError):
            temp.unlink()
        raise
    _sync_folder(target.parent)


def _through_links(path: Path) -> Path:
    """The file a link points to (so the link survives the save), else path."""
    if not path.is_symlink():
        return path
    try:
        return path.resolve(strict=False)
    except (OSError, RuntimeError):
        return path


def _mode_for(path: Path) -> int:
    """The existing file's permissions, or what a new file gets under the umask."""
    try:
        return stat.S_IMODE(path.stat().st_mode)
    except OSError:
        return 0o666 & ~_umask()


def _umask() -> int:
    # Read, not set-and-restore: os.umask() would race with other threads' files.
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("Umask:"):
                    return int(line.split()[1], 8)
    except (OSError, ValueError):
        pass
    return 0o022


def copy_whole(source: Path, destination: Path) -> None:
    """Copy source to destination so that destination is never seen half-written.

    OSError when source is not a regular file (a FIFO would block the copy).
    """
    try:
        reader = open_bounded(source, MAX_BACKUP_BYTES)
    except ReadRefused as error:
        raise OSError(f"{source} cannot be copied: {error.problem.message}") from None
    with reader:
        _copy_from(reader, destination)


def _copy_from(reader: BinaryIO, destination: Path) -> None:
    destination.parent.mkdir(parents=True, exist_ok=True)
    handle, temp_name = tempfile.mkstemp(prefix=f".{destination.name}.", suffix=".tmp",
                                         dir=destination.parent)
    temp = Path(temp_name)
    try:
        with os.fdopen(handle, "wb") as out:
            while chunk := reader.read(1 << 20):
                out.write(chunk)
            out.flush()
            os.fsync(out.fileno())
        os.replace(temp, destination)
    except Exception:
        with contextlib.suppress(OSError):
            temp.unlink()
        raise


def backup_slot(folder: Path, label: str, suffix: str) -> Path:
    """A new, unused path for a backup: folder/label/STAMP[-n]suffix.

    label names what is kept (a routine's stem, 'a/pic' for a file in a
    subfolder), so two files of the same name never share a slot; the
    name is reserved by creating it, so two saves in one microsecond differ.
    """
    place = folder / label
    place.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S-%f")
    for attempt in range(1000):
        candidate = place / (f"{stamp}{suffix}" if not attempt else f"{stamp}-{attempt}{suffix}")
        try:
            os.close(os.open(candidate, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
        except FileExistsError:
            continue
        return candidate
    raise FileExistsError(f"no free backup name in {place}")


def keep_copy(path: Path, folder: Path, label: str | None = None) -> Path:
    """Copy path whole into a new backup slot under folder; the copy's path."""
    slot = backup_slot(folder, label or path.stem, path.suffix)
    copy_whole(path, slot)
    return slot


def clean_stale_temps(folder: Path, *, now: float | None = None) -> list[Path]:
    """Remove temporary files a killed save left in folder; the ones removed."""
    now = time.time() if now is None else now
    removed: list[Path] = []
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return removed
    for entry in entries:
        if not _TEMP_NAME.match(entry.name):
            continue
        try:
            info = entry.stat(follow_symlinks=False)
            if stat.S_ISREG(info.st_mode) and now - info.st_mtime > STALE_TEMP_SECONDS:
                os.unlink(entry.path)
                removed.append(Path(entry.path))
        except OSError:
            continue
    return removed


def os_error_text(error: OSError) -> str:
    """An OSError in words, naming its path; a file where a folder must be, said so."""
    name = os.fsdecode(error.filename) if error.filename else ""
    if isinstance(error, FileExistsError | NotADirectoryError) and name:
        blocker = Path(name)
        while blocker != blocker.parent and not blocker.is_file():
            blocker = blocker.parent
        if blocker.is_file():
            return f"{blocker} is a file where a folder is needed"
    return f"{error.strerror or error}" + (f" ({name})" if name else "")


def _sync_folder(folder: Path) -> None:
    # The rename itself is only durable once the folder entry is on disk.
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
