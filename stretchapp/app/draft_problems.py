"""Which field or step of a draft each problem belongs to, by its key path.

The loader reports every problem with the key path it is about
(('steps', 2, 'hold')); the editor shows it next to that field or step.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from stretchapp.core.loading.problems import Problem
from stretchapp.core.loading.yaml_source import Document, Key
from stretchapp.core.wording.problems import place_in_file


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
        return place_in_file(self.line, self.column, self.message)

    def as_map(self) -> dict[str, object]:
        return {"line": self.line, "column": self.column, "message": self.message,
                "blocking": self.blocking, "step": self.step, "field": self.field,
                "text": self.text}


def _step_lines(tables: Iterable[dict[Key, tuple[int, int]]]) -> dict[int, tuple[int, int]]:
    """Each step's first and last line in the text."""
    spans: dict[int, tuple[int, int]] = {}
    for table in tables:
        for key, (line, _) in table.items():
            if len(key) >= 2 and key[0] == "steps" and isinstance(key[1], int):
                first, last = spans.get(key[1], (line, line))
                spans[key[1]] = (min(first, line), max(last, line))
    return spans


def _place(key: Key) -> tuple[int, str]:
    if len(key) >= 2 and key[0] == "steps" and isinstance(key[1], int):
        return key[1], str(key[2]) if len(key) > 2 else ""
    return -1, ".".join(str(part) for part in key[:2])


def place_problems(doc: Document | None, problems: Iterable[Problem]) -> list[PlacedProblem]:
    """The problems of a draft, each placed on the field or step its key path names.

    A problem without a key path (a YAML syntax error) goes to the step whose
    lines it falls within, if any.
    """
    tables = (doc.positions, doc.key_positions) if doc is not None else ()
    spans = _step_lines(tables)
    placed = []
    for problem in problems:
        step, field = _place(problem.key) if problem.key else (-1, "")
        if step < 0 and not field and problem.line:
            for index, (first, last) in spans.items():
                if first <= problem.line <= last:
                    step = index
        placed.append(PlacedProblem(problem.line, problem.column, problem.message,
                                    problem.blocking, step, field))
    return placed
