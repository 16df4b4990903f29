"""What every `stretchapp` command shares: safe output, one-line errors, the home, the library."""

from __future__ import annotations

import argparse
import os
import re
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from stretchapp.core.storage import paths
from stretchapp.core.wording import cli_words as words

if TYPE_CHECKING:
    from stretchapp.core.loading.library import Library
    from stretchapp.core.loading.problems import Problem

# The library (pydantic, the schema), and even the problems and durations (with
# dataclasses), are imported by the commands that use them, not here: the GUI
# and `--help` start faster without them on their critical path.

# Characters that move the cursor, recolour, hide text or retitle a terminal
# (C0, DEL, C1), and the invisible ones that reorder or hide what follows.
_UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]")
def safe(text: object) -> str:
    """Text from a file or the user, with every control character shown escaped.

    A shared routine must not be able to hide lines ('\\e[8m'), fake a prompt or
    retitle the terminal through a title or a value that a command prints.
    """
    return _UNSAFE.sub(_escape, str(text))


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    return {9: "\\t", 10: "\\n", 13: "\\r"}.get(code) or (
        f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}")


def fail(command: str, message: object, code: int = 1) -> int:
    """Print the one error line of a command and return its exit code."""
    print(words.command_error(command, safe(message)), file=sys.stderr)
    return code


class HomeUnusable(Exception):
    """--home (or STRETCHAPP_HOME) names a folder the app cannot use."""


def checked_home(args: argparse.Namespace, *, writing: bool = False) -> Path:
    """The home, checked: HomeUnusable says why it cannot be used."""
    home = paths.home_dir(args.home)
    named = bool(args.home or os.environ.get(paths.HOME_VARIABLE))
    if home.exists():
        if not home.is_dir():
            raise HomeUnusable(words.home_not_a_folder(str(home)))
        if writing and not os.access(home, os.W_OK | os.X_OK):
            raise HomeUnusable(words.home_not_writable(str(home)))
    else:
        parent = home.parent
        if not named:
            # The default home (~/.config/stretchapp): a new account may not have
            # ~/.config yet, and the app makes the folders it needs. A home the
            # user named must have its parent: a missing one is likely a typo.
            while not parent.exists() and parent != parent.parent:
                parent = parent.parent
        if not parent.is_dir():
            raise HomeUnusable(words.home_parent_missing(str(home), str(parent)))
        if writing and not os.access(parent, os.W_OK | os.X_OK):
            raise HomeUnusable(words.home_parent_not_writable(str(home), str(parent)))
    return home


def shown_path(path: Path) -> str:
    """A path as people type it: relative to here when it is below here."""
    try:
        relative = os.path.relpath(path)
    except ValueError:
        return str(path)
    return str(path) if relative.startswith("..") else relative


def format_problem(problem: Problem) -> str:
    """'path:line:col: error: message' (or 'warning:'), the path as people type it."""
    from stretchapp.core.wording.problems import problem_line

    return safe(problem_line(problem, shown_path(problem.path)))


def load_library_of(args: argparse.Namespace) -> Library:
    from stretchapp.core.loading.library import load_library

    return load_library(user_dir=paths.user_routines_dir(checked_home(args)))


def os_reason(error: OSError) -> str:
    from stretchapp.core.storage.safe_write import os_error_text

    return os_error_text(error)
