"""The loaded library as data: its routines, its stretches and a report per file.

Kept apart from the loader (core.library) so that a library read back from the
start-up cache (core.library_cache) needs neither the schema nor pydantic.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from stretchapp.core.loading.problems import Problem
from stretchapp.core.model import Kind, Routine, Stretch, group_rank
from stretchapp.core.wording.routines import matches

KIND_ORDER = (Kind.WARM_UP, Kind.COOL_DOWN, Kind.RELIEF)


@dataclass(frozen=True)
class FileReport:
    """What happened to one file: its kind and every problem found in it."""

    path: Path
    builtin: bool
    kind: str  # "routine", "catalogue" or "unknown"
    problems: tuple[Problem, ...] = ()

    @property
    def loaded(self) -> bool:
        return not any(p.blocking for p in self.problems)


@dataclass(frozen=True)
class Library:
    routines: Mapping[str, Routine]
    stretches: Mapping[str, Stretch]
    files: tuple[FileReport, ...]

    @property
    def problems(self) -> list[Problem]:
        return [p for report in self.files for p in report.problems]

    @property
    def broken_files(self) -> list[FileReport]:
        return [report for report in self.files if not report.loaded]

    def groups(self) -> list[str]:
        """Muscle groups in display order: the built-in ones first."""
        found = {r.group for r in self.routines.values()}
        return sorted(found, key=group_rank)

    def by_group(self, kind: str = "",
                 words: Sequence[str] = ()) -> list[tuple[str, list[Routine]]]:
        """The routines of a kind ('' for any) matching every word, by group in display order."""
        found: dict[str, list[Routine]] = {}
        for routine in self.routines.values():
            if (not kind or routine.kind == kind) and matches(routine, words):
                found.setdefault(routine.group, []).append(routine)
        return [(group, found[group]) for group in self.groups() if group in found]
