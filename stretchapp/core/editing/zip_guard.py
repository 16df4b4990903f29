"""Reading a shared .zip without trusting it.

Archives come from strangers: a member may try to climb out of its folder,
be a link, claim a small size and inflate to gigabytes, or be of a kind the
app never reads. Each is refused with a message, before anything is written.
The archive itself is opened through the bounded reader (a FIFO or a device
never reaches zipfile), and its end record is read first: an archive whose
central directory lists too many entries or is too large is refused before
zipfile reads that directory in full.
"""

from __future__ import annotations

import stat
import struct
import zipfile
import zlib
from pathlib import Path, PurePosixPath
from typing import BinaryIO

from stretchapp.core.loading.bounded_read import ReadRefused, open_bounded

MAX_MEMBERS = 200
MAX_MEMBER_BYTES = 8 * 1024 * 1024
MAX_YAML_BYTES = 1024 * 1024
MAX_TOTAL_BYTES = 64 * 1024 * 1024
MAX_RATIO = 100  # uncompressed / compressed, past which a member is a bomb
ALLOWED_SUFFIXES = {".yaml", ".png", ".jpg", ".jpeg", ".svg", ".gif", ".wav"}
_IGNORED = ("__MACOSX/", ".DS_Store")
# Entries in the central directory, counting those ignored (__MACOSX/...), and
# its size: a real shared routine lists a few dozen in a few KiB.
MAX_ENTRIES = 1000
MAX_DIRECTORY_BYTES = 1024 * 1024
MAX_ARCHIVE_BYTES = MAX_TOTAL_BYTES + MAX_DIRECTORY_BYTES
_END_RECORD = b"PK\x05\x06"
_END_SIZE = 22


class ArchiveRefused(Exception):
    """An archive that will not be imported, and why."""


def _check_name(name: str) -> str | None:
    if not name or "\x00" in name:
        return "a member has an empty or invalid name"
    if "\\" in name:
        return f"'{name}' uses backslashes in its path"
    pure = PurePosixPath(name)
    if pure.is_absolute() or (len(name) > 1 and name[1] == ":"):
        return f"'{name}' is an absolute path"
    if ".." in pure.parts:
        return f"'{name}' climbs out of the archive's folder"
    return None


def safe_members(archive: zipfile.ZipFile) -> list[zipfile.ZipInfo]:
    """The members to extract; ArchiveRefused for the first hostile one."""
    infos = [i for i in archive.infolist()
             if not i.is_dir() and not any(part in i.filename for part in _IGNORED)]
    if len(infos) > MAX_MEMBERS:
        raise ArchiveRefused(f"the archive has {len(infos)} files, more than {MAX_MEMBERS}")
    seen: set[str] = set()
    total = 0
    for info in infos:
        problem = _check_name(info.filename)
        if problem:
            raise ArchiveRefused(problem)
        if stat.S_ISLNK(info.external_attr >> 16):
            raise ArchiveRefused(f"'{info.filename}' is a link, and links are not imported")
        if info.flag_bits & 0x1:
            raise ArchiveRefused(f"'{info.filename}' is encrypted")
        suffix = PurePosixPath(info.filename).suffix.lower()
        if suffix not in ALLOWED_SUFFIXES:
            raise ArchiveRefused(f"'{info.filename}' is not a routine, image or sound file")
        folded = info.filename.lower()
        if folded in seen:
            raise ArchiveRefused(f"'{info.filename}' appears twice in the archive")
        seen.add(folded)
        if info.compress_size and info.file_size / info.compress_size > MAX_RATIO \
                and info.file_size > 1024 * 1024:
            raise ArchiveRefused(f"'{info.filename}' expands {info.file_size // info.compress_size}"
                                 " times: refused as a likely zip bomb")
        limit = MAX_YAML_BYTES if suffix == ".yaml" else MAX_MEMBER_BYTES
        if info.file_size > limit:
            raise ArchiveRefused(f"'{info.filename}' is {info.file_size // 1024} KiB, "
                                 f"more than the {limit // 1024} KiB limit")
        total += info.file_size
        if total > MAX_TOTAL_BYTES:
            raise ArchiveRefused(f"the archive expands to more than {MAX_TOTAL_BYTES >> 20} MiB")
    return infos


def check_directory(handle: BinaryIO, name: str) -> None:
    """Refuse an archive whose central directory is too long, from its end record alone."""
    handle.seek(0, 2)
    size = handle.tell()
    # The end record sits in the last 22 bytes, or before a comment of up to 64 KiB.
    start = max(0, size - _END_SIZE - 65535)
    handle.seek(start)
    tail = handle.read(size - start)
    at = tail.rfind(_END_RECORD)
    if at < 0 or len(tail) - at < _END_SIZE:
        raise ArchiveRefused(f"{name} is not a readable zip archive (no end record)")
    (_, _, _, entries_here, entries, directory_size, _, _) = struct.unpack(
        "<4s4H2LH", tail[at: at + _END_SIZE])
    if 0xFFFF in (entries_here, entries) or directory_size == 0xFFFFFFFF:
        raise ArchiveRefused(f"{name} is a ZIP64 archive: far larger than a shared "
                             "routine can be")
    if entries > MAX_ENTRIES:
        raise ArchiveRefused(f"the archive lists {entries} entries, more than {MAX_ENTRIES}")
    if directory_size > MAX_DIRECTORY_BYTES:
        raise ArchiveRefused(f"the archive's directory is {directory_size // 1024} KiB, more "
                             f"than the {MAX_DIRECTORY_BYTES // 1024} KiB limit")
    handle.seek(0)


def extract_safely(path: Path, into: Path) -> list[Path]:
    """Extract the archive's members into a folder, checking every byte count."""
    try:
        handle = open_bounded(path, MAX_ARCHIVE_BYTES)
    except ReadRefused as error:
        raise ArchiveRefused(f"{path.name}: {error.problem.message}") from None
    with handle:
        check_directory(handle, path.name)
        try:
            archive = zipfile.ZipFile(handle)
        except (zipfile.BadZipFile, OSError, ValueError, EOFError) as error:
            raise ArchiveRefused(f"{path.name} is not a readable zip archive "
                                 f"({error})") from None
        return _extract(archive, into)


def _extract(archive: zipfile.ZipFile, into: Path) -> list[Path]:
    written: list[Path] = []
    with archive:
        infos = safe_members(archive)
        for info in infos:
            target = into / info.filename
            if not target.resolve().is_relative_to(into.resolve()):
                raise ArchiveRefused(f"'{info.filename}' would be written outside its folder")
            limit = info.file_size
            copied = 0
            try:
                target.parent.mkdir(parents=True, exist_ok=True)
                with archive.open(info) as source, target.open("wb") as out:
                    # Headers can lie about sizes: count what really comes out.
                    while chunk := source.read(65536):
                        copied += len(chunk)
                        if copied > limit:
                            raise ArchiveRefused(
                                f"'{info.filename}' holds more than its header says")
                        out.write(chunk)
            except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, EOFError, zlib.error,
                    NotImplementedError) as error:
                raise ArchiveRefused(f"'{info.filename}' cannot be read: {error}") from None
            written.append(target)
    return written
