"""Reading a file the app did not write itself, with limits it cannot get past.

Routine files, settings, an interrupted session, a shared zip, an image or a
sound may be anything: a FIFO that never ends, /dev/zero, a folder, a 4,301
digit number, ten thousand nested brackets. Everything such a file can do is
turned into a Problem (path, line, column) here, before it reaches a parser.

The file is opened with O_NONBLOCK (opening a FIFO with no writer would
otherwise block for ever) and the *opened* descriptor is checked, so a file
swapped for a FIFO between a check and the open cannot slip through.
"""

from __future__ import annotations

import json
import os
import re
import stat
from pathlib import Path
from typing import BinaryIO

from stretchapp.core.loading.problems import Problem

MIB = 1024 * 1024
# Digits in a number worth reading: durations and counts need few, and
# Python refuses to convert past 4,300 with a ValueError of its own.
MAX_INT_DIGITS = 30
MAX_JSON_DEPTH = 60
_CHUNK = 65536


class ReadRefused(Exception):
    """A file that was not read, with the Problem that says why."""

    def __init__(self, problem: Problem, *, missing: bool = False) -> None:
        super().__init__(str(problem))
        self.problem = problem
        # The file is not there at all: most callers treat that as "nothing saved".
        self.missing = missing


def _kind(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a pipe (FIFO)"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "not a regular file"


def size_text(size: int) -> str:
    """A byte count as people read it: '1 MiB', '64 KiB', '1.5 MiB'."""
    if size >= MIB:
        value = size / MIB
        return f"{value:.0f} MiB" if value == int(value) else f"{value:.1f} MiB"
    return f"{size // 1024} KiB" if size >= 1024 else f"{size} bytes"


def open_bounded(path: Path, limit: int) -> BinaryIO:
    """An open regular file no larger than limit; ReadRefused otherwise."""
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    except FileNotFoundError:
        raise ReadRefused(Problem(path, 0, 0, "no such file"), missing=True) from None
    except IsADirectoryError:
        raise ReadRefused(Problem(path, 0, 0, "this is a folder, not a file")) from None
    except OSError as error:
        raise ReadRefused(Problem(path, 0, 0, f"cannot read file: {_reason(error)}")) from None
    handed_over = False
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise ReadRefused(Problem(path, 0, 0, f"this is {_kind(info.st_mode)}, not a "
                                      "regular file: only regular files are read"))
        if info.st_size > limit:
            raise ReadRefused(Problem(path, 0, 0, f"file is {size_text(info.st_size)}, "
                                      f"larger than the {size_text(limit)} limit"))
        # Reads of a regular file never block; blocking mode keeps read() plain.
        os.set_blocking(fd, True)
        handle = os.fdopen(fd, "rb")
        handed_over = True
        return handle
    finally:
        if not handed_over:
            os.close(fd)


def read_bounded(path: Path, limit: int = MIB) -> bytes:
    """The bytes of a regular file of at most limit bytes; ReadRefused otherwise."""
    with open_bounded(path, limit) as handle:
        chunks: list[bytes] = []
        total = 0
        try:
            while chunk := handle.read(_CHUNK):
                total += len(chunk)
                if total > limit:
                    # It grew after it was measured (a log, a file being written).
                    raise ReadRefused(Problem(path, 0, 0, f"file is larger than the "
                                              f"{size_text(limit)} limit"))
                chunks.append(chunk)
        except OSError as error:
            raise ReadRefused(Problem(path, 0, 0, f"cannot read file: {_reason(error)}")) \
                from None
    return b"".join(chunks)


def read_head(path: Path, count: int, limit: int) -> bytes:
    """The first count bytes of a regular file of at most limit bytes (media sniffing)."""
    with open_bounded(path, limit) as handle:
        try:
            return handle.read(count)
        except OSError as error:
            raise ReadRefused(Problem(path, 0, 0, f"cannot read file: {_reason(error)}")) \
                from None


def _reason(error: OSError) -> str:
    return error.strerror or type(error).__name__


def decode_text(path: Path, raw: bytes) -> str:
    """UTF-8 text (a BOM allowed); ReadRefused at the first byte that is not."""
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        before = raw[: error.start]
        line = before.count(b"\n") + 1
        column = len(before[before.rfind(b"\n") + 1:].decode("utf-8", "replace")) + 1
        raise ReadRefused(Problem(path, line, column, f"file is not UTF-8 text (byte "
                                  f"0x{raw[error.start]:02x}): save it with the UTF-8 "
                                  "encoding", code="not-utf8")) from None


_JSON_STRING = re.compile(r'"(?:[^"\\]|\\.)*"', re.DOTALL)
_BRACKETS = re.compile(r"[\[\]{}]")


def _json_too_deep(text: str, limit: int) -> int | None:
    """The offset where brackets first nest deeper than limit, or None."""
    if text.count("[") + text.count("{") <= limit:
        return None
    depth = 0
    # Brackets inside strings do not count: blank the strings out first (same length).
    blanked = _JSON_STRING.sub(lambda m: " " * len(m.group()), text)
    for match in _BRACKETS.finditer(blanked):
        depth += 1 if match.group() in "[{" else -1
        if depth > limit:
            return match.start()
    return None


def _bounded_int(text: str) -> int:
    digits = len(text.lstrip("-"))
    if digits > MAX_INT_DIGITS:
        raise _NumberTooLong(digits)
    return int(text)


class _NumberTooLong(ValueError):
    def __init__(self, digits: int) -> None:
        super().__init__(f"a number with {digits} digits (at most {MAX_INT_DIGITS} are read)")


def _position(text: str, offset: int) -> tuple[int, int]:
    line = text.count("\n", 0, offset) + 1
    return line, offset - (text.rfind("\n", 0, offset) + 1) + 1


def parse_json(path: Path, text: str, *, max_depth: int = MAX_JSON_DEPTH) -> object:
    """JSON text as plain data, with bounded nesting and numbers; ReadRefused otherwise."""
    deep = _json_too_deep(text, max_depth)
    if deep is not None:
        line, column = _position(text, deep)
        raise ReadRefused(Problem(path, line, column,
                                  f"nested more than {max_depth} levels deep"))
    try:
        return json.loads(text, parse_int=_bounded_int, parse_constant=_no_constant)
    except json.JSONDecodeError as error:
        raise ReadRefused(Problem(path, error.lineno, error.colno,
                                  f"not valid JSON: {error.msg}")) from None
    except ValueError as error:
        # Raised by the hooks above, where the scanner does not give a position.
        raise ReadRefused(Problem(path, 0, 0, str(error))) from None
    except RecursionError:  # pragma: no cover - the depth check comes first
        raise ReadRefused(Problem(path, 0, 0, "nested too deeply")) from None


def _no_constant(name: str) -> object:
    raise ValueError(f"'{name}' is not a number JSON allows")


def read_json(path: Path, limit: int = MIB) -> object:
    """A JSON file the app did not write itself, read within every limit."""
    return parse_json(path, decode_text(path, read_bounded(path, limit)))
