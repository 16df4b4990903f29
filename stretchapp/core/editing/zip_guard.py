"""Reading a shared .zip without trusting it.

Archives come from strangers: a member may try to climb out of its folder,
be a link, claim a small size and inflate to gigabytes, or be of a kind the
app never reads. Each is refused with a message, before anything is written.
"""

from __future__ import annotations

import stat
import zipfile
import zlib
from pathlib import Path, PurePosixPath

MAX_MEMBERS = 200
MAX_MEMBER_BYTES = 8 * 1024 * 1024
MAX_YAML_BYTES = 1024 * 1024
MAX_TOTAL_BYTES = 64 * 1024 * 1024
MAX_RATIO = 100  # uncompressed / compressed, past which a member is a bomb
ALLOWED_SUFFIXES = {".yaml", ".png", ".jpg", ".jpeg", ".svg", ".gif", ".wav"}
_IGNORED = ("__MACOSX/", ".DS_Store")


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


def extract_safely(path: Path, into: Path) -> list[Path]:
    """Extract the archive's members into a folder, checking every byte count."""
    try:
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError) as error:
        raise ArchiveRefused(f"{path.name} is not a readable zip archive ({error})") from None
    written: list[Path] = []
    with archive:
        infos = safe_members(archive)
        for info in infos:
            target = into / info.filename
            if not target.resolve().is_relative_to(into.resolve()):
                raise ArchiveRefused(f"'{info.filename}' would be written outside its folder")
            target.parent.mkdir(parents=True, exist_ok=True)
            limit = info.file_size
            copied = 0
            try:
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
