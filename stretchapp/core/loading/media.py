"""Finding the image and sound files that routine files name, safely.

A file name is looked up next to the routine file, then in the app's assets.
Absolute paths, URLs and paths that climb out of their folder are refused:
a shared routine must never read files elsewhere on someone's disk.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path, PurePosixPath, PureWindowsPath

from stretchapp.core.loading.bounded_read import ReadRefused, read_head

IMAGE_SUFFIXES = {".png": "PNG", ".jpg": "JPEG", ".jpeg": "JPEG", ".svg": "SVG", ".gif": "GIF"}
SOUND_SUFFIXES = {".wav": "WAV"}

_URL = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:(//|[^\\/])")
# Larger images and sounds than this are not ones a routine needs.
MAX_MEDIA_BYTES = 8 * 1024 * 1024
_HEAD_BYTES = 4096
_MAGIC = {
    "PNG": (b"\x89PNG",),
    "JPEG": (b"\xff\xd8",),
    "GIF": (b"GIF87a", b"GIF89a"),
    "WAV": (b"RIFF",),
}
KIND_OF_SUFFIX = {**IMAGE_SUFFIXES, **SOUND_SUFFIXES}


@dataclass(frozen=True)
class MediaLookup:
    """The outcome of looking up one file name."""

    path: Path | None = None
    # A refusal: the value itself is wrong (blocking).
    refused: str | None = None
    # The value is fine but the file is missing or unreadable (non-blocking).
    missing: str | None = None


def find_media(ref: str, what: str, base_dir: Path, fallback_dir: Path,
               suffixes: dict[str, str]) -> MediaLookup:
    """Look a file name up under base_dir, then fallback_dir."""
    if _URL.match(ref):
        return MediaLookup(refused=f"{what} must be a file name or relative path, not a URL")
    if any(ord(ch) < 32 for ch in ref):
        return MediaLookup(refused=f"{what} must be a file name, without control characters")
    if PurePosixPath(ref).is_absolute() or PureWindowsPath(ref).drive or ref.startswith("\\"):
        return MediaLookup(refused=f"{what} must be a relative path, not an absolute one")
    parts = PurePosixPath(ref.replace("\\", "/")).parts
    depth = 0
    for part in parts:
        depth += -1 if part == ".." else (0 if part == "." else 1)
        if depth < 0:
            return MediaLookup(refused=f"{what} '{ref}' leaves the folder it starts from")
    suffix = PurePosixPath(ref).suffix.lower()
    if suffix not in suffixes:
        *others, last = sorted(set(suffixes.values()))
        kinds = f"{', '.join(others)} or {last}" if others else last
        return MediaLookup(refused=f"{what} must be a {kinds} file, got '{ref}'")
    for folder in (base_dir, fallback_dir):
        candidate = folder / ref
        try:
            inside = candidate.resolve().is_relative_to(folder.resolve())
            present, is_file = candidate.exists(), candidate.is_file()
        except (OSError, RuntimeError):
            # A name this system cannot look up (too long, a loop of links) is not there.
            continue
        if not inside:
            if present:
                return MediaLookup(refused=f"{what} '{ref}' leads out of its folder (a link?)")
            continue
        if is_file:
            problem = _unreadable(candidate, suffixes[suffix])
            if problem:
                return MediaLookup(missing=f"{what} '{ref}' {problem}")
            return MediaLookup(path=candidate)
    return MediaLookup(missing=f"{what} '{ref}' not found next to the file or in the app's assets")


def _unreadable(path: Path, kind: str) -> str | None:
    try:
        head = read_head(path, _HEAD_BYTES, MAX_MEDIA_BYTES)
    except ReadRefused as error:
        return f"cannot be read: {error.problem.message}"
    return wrong_contents(head, kind)


def wrong_contents(head: bytes, kind: str) -> str | None:
    """Why a file's first bytes are not a file of kind ('PNG', 'SVG', ...), or None."""
    if kind == "SVG":
        text = head.lstrip(b"\xef\xbb\xbf \t\r\n")
        return None if text.startswith(b"<") and b"<svg" in head else "is not an SVG file"
    if kind == "WAV" and head[8:12] != b"WAVE":
        return "is not a WAV file"
    if not head.startswith(_MAGIC[kind]):
        return f"is not a {kind} file"
    return None
