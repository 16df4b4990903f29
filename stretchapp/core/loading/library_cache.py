"""The whole library, validated once and kept for the next start-up.

Loading the library means the YAML parser, the schema and pydantic: about
150 ms of imports before the routine list can be drawn. The library they make
is plain data, so it is kept in the cache folder with a key made of everything
it was made from: the size, mtime and inode of every file in the built-in and
user routine folders and the media folders, this package's own source files
(a changed loader in a checkout), the app's version and Python's. When the key
still holds, start-up reads the file back (under a millisecond) and imports
nothing of the loader; any change to any of those files makes a new key, and
the next load writes the cache again.

Not tracked: a picture or sound a user routine names by a path outside these
folders. Such a file appearing or vanishing shows at the next change to any
routine file (a missing picture is a notice, never a blocked routine).
"""

from __future__ import annotations

import contextlib
import os
import pickle
import sys
import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path

from stretchapp import __version__
from stretchapp.core.loading.library_model import Library
from stretchapp.core.storage import paths

CACHE_NAME = "library.pickle"
# Bumped when what is stored changes shape without a version bump.
FORMAT = 1
# Each folder is walked at most this deep and this wide; a larger tree is not
# cached (the load is then the ordinary one, which has its own limits).
MAX_ENTRIES = 20_000

Stamp = tuple[str, int, int, int]
CacheKey = tuple[object, ...]


def cache_path(cache_dir: Path) -> Path:
    """Where the app keeps its library between start-ups, in its cache folder."""
    return cache_dir / CACHE_NAME


def default_folders(user_dir: Path | None) -> tuple[Path | None, ...]:
    """What the library is made from with the built-in routines and media."""
    return (paths.builtin_routines_dir(), user_dir, paths.images_dir(), paths.sounds_dir())


def _walk(folder: Path, out: list[Stamp]) -> bool:
    """Stamp every regular file below folder; False when the tree is too large.

    Linked folders are followed, as the loader follows them (a file edited in
    one must make the cache stale), each real folder once, so a loop ends.
    """
    pending, seen = [folder], set()
    while pending:
        current = pending.pop()
        try:
            real = current.stat()
            if (real.st_dev, real.st_ino) in seen:
                continue
            seen.add((real.st_dev, real.st_ino))
            entries = list(os.scandir(current))
        except OSError:
            continue  # a missing folder: its absence is in the key by having no entries
        for entry in entries:
            if len(out) >= MAX_ENTRIES:
                return False
            try:
                if entry.is_dir():
                    pending.append(Path(entry.path))
                    continue
                stat = entry.stat()
            except OSError:
                continue
            out.append((entry.path, stat.st_size, stat.st_mtime_ns, stat.st_ino))
    return True


def cache_key(folders: Iterable[Path | None]) -> CacheKey | None:
    """The key for a library made from these folders, or None when it cannot be cached."""
    stamps: list[Stamp] = []
    # The whole of core: the stored objects are its classes.
    for folder in [Path(__file__).parents[1], *folders]:
        if folder is None:
            continue
        stamps.append((str(folder), -1, -1, -1))
        if not _walk(folder, stamps):
            return None
    stamps.sort()
    return (FORMAT, __version__, sys.version_info[:2], pickle.HIGHEST_PROTOCOL, tuple(stamps))


def read_cached(path: Path, key: CacheKey) -> Library | None:
    """The library stored at path under this key; None when absent, stale or damaged."""
    try:
        with path.open("rb") as stored:
            if pickle.load(stored) != key:
                return None
            library = pickle.load(stored)
    # A damaged or foreign cache file can fail in any way unpickling can; it is
    # then simply not used (and is written again after the ordinary load).
    except Exception:
        return None
    return library if isinstance(library, Library) else None


def write_cached(path: Path, key: CacheKey, library: Library) -> None:
    """Store the library under key; a cache that cannot be written is skipped."""
    with contextlib.suppress(OSError, pickle.PicklingError):
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
        try:
            with os.fdopen(handle, "wb") as out:
                pickle.dump(key, out, protocol=pickle.HIGHEST_PROTOCOL)
                pickle.dump(library, out, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(temp, path)
        finally:
            with contextlib.suppress(OSError):
                os.unlink(temp)


def stored_library(path: Path, folders: tuple[Path | None, ...]) -> Library | None:
    """The stored library when its key still holds (nothing of the loader is imported)."""
    key = cache_key(folders)
    return None if key is None else read_cached(path, key)


def cached_library(path: Path, folders: tuple[Path | None, ...],
                   load: Callable[[], Library]) -> Library:
    """The stored library when its key still holds; else load it and store it."""
    key = cache_key(folders)
    if key is None:
        return load()
    library = read_cached(path, key)
    if library is None:
        library = load()
        # The files may have changed while they were being read: store the
        # library only under a key that still holds after the load.
        if cache_key(folders) == key:
            write_cached(path, key, library)
    return library
