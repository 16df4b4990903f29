"""Problems found in routine files, and the error that carries them.

Every problem knows its file, line and column, so people can go straight to
it; a file's problems are collected and reported together, never one at a time.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


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

    def __str__(self) -> str:
        where = str(self.path)
        if self.line:
            where += f":{self.line}"
            if self.column:
                where += f":{self.column}"
        return f"{where}: error: {self.message}"


class RoutineError(Exception):
    """A file that cannot be loaded, with all of its problems."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = sorted(problems, key=lambda p: (str(p.path), p.line, p.column))
        super().__init__("\n".join(str(p) for p in self.problems))
