"""Which field or step of a draft each problem belongs to, found by its line.

The loader reports a problem at a line and column of the file's text; the
editor shows it next to the field or the step it is about. The draft's own
text is parsed again for the positions of its values, and a problem goes to
the value it points at, else to the step whose lines it falls within.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from stretchapp.core.loading.problems import Problem
from stretchapp.core.loading.yaml_source import Document, Key


@dataclass(frozen=True)
class PlacedProblem:
    """A problem with the step (-1 for none) and field it is about."""

    line: int
    column: int
    message: str
    blocking: bool
    step: int
    # 'title', 'defaults.hold', 'cues.countdown', 'steps'; a step's own field
    # ('hold', 'count'...) when step is set; '' when it is about the whole file.
    field: str

    @property
    def text(self) -> str:
        """'12:5: message', as people look it up in their text editor."""
        if not self.line:
            return self.message
        where = f"{self.line}:{self.column}" if self.column else str(self.line)
        return f"{where}: {self.message}"

    def as_map(self) -> dict[str, object]:
        return {"line": self.line, "column": self.column, "message": self.message,
                "blocking": self.blocking, "step": self.step, "field": self.field,
                "text": self.text}


def _key_at(table: dict[Key, tuple[int, int]], line: int, column: int) -> Key | None:
    """The deepest key whose value (or key) starts exactly at line:column."""
    found = [key for key, at in table.items() if at == (line, column)]
    return max(found, key=len) if found else None


def _step_lines(tables: Iterable[dict[Key, tuple[int, int]]]) -> dict[int, tuple[int, int]]:
    """Each step's first and last line in the text."""
    spans: dict[int, tuple[int, int]] = {}
    for table in tables:
        for key, (line, _) in table.items():
            if len(key) >= 2 and key[0] == "steps" and isinstance(key[1], int):
                first, last = spans.get(key[1], (line, line))
                spans[key[1]] = (min(first, line), max(last, line))
    return spans


_MISSING = re.compile(r"missing required key '([a-z_]+)'")


def _place(key: Key) -> tuple[int, str]:
    if len(key) >= 2 and key[0] == "steps" and isinstance(key[1], int):
        return key[1], str(key[2]) if len(key) > 2 else ""
    return -1, ".".join(str(part) for part in key[:2])


def place_problems(doc: Document | None, problems: Iterable[Problem]) -> list[PlacedProblem]:
    """The problems of a draft, each placed on a field or step by the draft's positions."""
    values = doc.positions if doc is not None else {}
    keys = doc.key_positions if doc is not None else {}
    spans = _step_lines((values, keys))
    placed = []
    for problem in problems:
        key = _key_at(values, problem.line, problem.column)
        if key is None:
            key = _key_at(keys, problem.line, problem.column)
        # A missing key is reported at the mapping that lacks it: place it on the key.
        missing = _MISSING.match(problem.message)
        if missing and key is not None:
            key = (*key, missing.group(1))
        step, field = _place(key) if key else (-1, "")
        if step < 0 and problem.line:
            for index, (first, last) in spans.items():
                if first <= problem.line <= last:
                    step, field = index, ""
        placed.append(PlacedProblem(problem.line, problem.column, problem.message,
                                    problem.blocking, step, field))
    return placed
