"""Problems found in files, as data, and the error that carries them.

A problem knows its file, line and column (so people can go straight to it),
the key path it is about (so the editor can put it next to that field), a
stable code (listed in ROUTINE_FORMAT.md, for tools and tests) and whether it
is an error or a warning. Sentences are made from it by `core.wording`; a
file's problems are collected and reported together, never one at a time.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum
from pathlib import Path

from stretchapp.core.wording.problems import problem_line

# A path into a file's data: ('steps', 2, 'hold').
KeyPath = tuple[str | int, ...]


class Severity(Enum):
    """An error keeps the file (or the routine) from loading; a warning does not."""

    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong in a file, at a 1-based line and column (0 when unknown)."""

    path: Path
    line: int
    column: int
    message: str
    # A blocking problem keeps the file (or the routine) from loading; a
    # non-blocking one (a missing image) is reported but the routine still runs.
    blocking: bool = True
    # What kind of problem it is, from the list in ROUTINE_FORMAT.md.
    code: str = "invalid"
    # The key path the problem is about; () for the whole file.
    key: KeyPath = field(default=(), compare=False)

    @property
    def severity(self) -> Severity:
        return Severity.ERROR if self.blocking else Severity.WARNING

    def moved(self, path: Path) -> Problem:
        """The same problem, reported for a file shown under another path."""
        return Problem(path, self.line, self.column, self.message, self.blocking,
                       self.code, self.key)

    def __str__(self) -> str:
        return problem_line(self)


class RoutineError(Exception):
    """A file that cannot be loaded, with all of its problems."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = sorted(problems, key=lambda p: (str(p.path), p.line, p.column))
        super().__init__("\n".join(str(p) for p in self.problems))
