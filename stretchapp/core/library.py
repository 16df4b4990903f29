"""The routine library: every built-in and user file, loaded together.

A broken file never stops the others: its problems are kept in its report and
the rest of the library loads. User files extend the built-ins, and a user
routine or stretch with a built-in id replaces the built-in one.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

from pydantic import ValidationError

from stretchapp.core import paths
from stretchapp.core.errors import Problem, RoutineError
from stretchapp.core.model import Kind, Routine, Stretch
from stretchapp.core.resolve import (
    Assets,
    build_routine,
    build_stretches,
    check_invalid_catalogue,
    check_invalid_routine,
)
from stretchapp.core.schema import CatalogueFile, RoutineFile
from stretchapp.core.schema_errors import problems_from, shown
from stretchapp.core.yaml_source import Document, parse_text, read_document

GROUP_ORDER = ("calf", "back", "neck")
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
class ParsedFile:
    doc: Document | None
    spec: RoutineFile | CatalogueFile | None
    kind: str
    problems: tuple[Problem, ...]


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
        return [g for g in GROUP_ORDER if g in found] + sorted(found - set(GROUP_ORDER))


def default_assets() -> Assets:
    return Assets(images=paths.images_dir(), sounds=paths.sounds_dir())


def parse_file(path: Path) -> ParsedFile:
    """Read one file and check its shape; never raises for a bad file."""
    try:
        doc = read_document(path)
    except RoutineError as error:
        return ParsedFile(None, None, "unknown", tuple(error.problems))
    return parse_document(doc)


def parse_text_as(path: Path, text: str) -> ParsedFile:
    """Like parse_file, for text not yet on disk (an editor's draft)."""
    try:
        doc = parse_text(path, text)
    except RoutineError as error:
        return ParsedFile(None, None, "unknown", tuple(error.problems))
    return parse_document(doc)


def parse_document(doc: Document) -> ParsedFile:
    """Check a composed document's shape against the routine or catalogue schema."""
    data = doc.data
    if not isinstance(data, dict):
        problem = doc.problem((), "a routine file must be a mapping of keys to values "
                              f"at the top level, got {shown(data)}", code="wrong-type")
        return ParsedFile(doc, None, "unknown", (problem,))
    if "steps" in data and "stretches" in data:
        problem = doc.problem(("stretches",), "a file is either a routine (steps:) or a "
                              "stretch catalogue (stretches:), not both", of_key=True,
                              code="conflicting-keys")
        return ParsedFile(doc, None, "unknown", (problem,))
    kind = _kind_of(data)
    if kind is None:
        problem = doc.problem((), "not a routine or a stretch catalogue: a routine needs "
                              "'steps:', a catalogue 'stretches:'", code="not-a-routine")
        return ParsedFile(doc, None, "unknown", (problem,))
    model: type[RoutineFile] | type[CatalogueFile] = (
        RoutineFile if kind == "routine" else CatalogueFile)
    try:
        spec = model.model_validate(data)
    except ValidationError as error:
        return ParsedFile(doc, None, kind, tuple(in_order(problems_from(error, doc, model))))
    return ParsedFile(doc, spec, kind, ())


_ROUTINE_ONLY = set(RoutineFile.model_fields) - set(CatalogueFile.model_fields)


def _kind_of(data: dict[str, object]) -> str | None:
    """'routine' or 'catalogue' by the top-level keys, also when steps: is missing
    or misspelt (then the schema says so, key by key); None when it cannot tell."""
    if "steps" in data:
        return "routine"
    routine_keys = bool(_ROUTINE_ONLY & set(data))
    if "stretches" in data:
        # A routine whose steps were written under 'stretches:' has no ids there.
        entries = data["stretches"]
        has_ids = not isinstance(entries, list) or any(
            isinstance(entry, dict) and "id" in entry for entry in entries)
        return "routine" if routine_keys and not has_ids else "catalogue"
    if routine_keys:
        return "routine"
    for key in data:
        close = difflib.get_close_matches(key, ["stretches", "steps"], n=1, cutoff=0.6)
        if close:
            return "catalogue" if close[0] == "stretches" else "routine"
    return None


def in_order(problems: Iterable[Problem]) -> list[Problem]:
    """One file's problems from its top to its bottom."""
    return sorted(problems, key=lambda p: (p.line, p.column))


def find_files(folder: Path | None) -> list[Path]:
    """Every routine or catalogue file below folder, in a stable order."""
    if folder is None or not folder.is_dir():
        return []
    found = [p for p in folder.rglob("*.yaml")
             if p.is_file() and not any(part.startswith(".") for part in
                                        p.relative_to(folder).parts)]
    return sorted(found)


def _sort_key(routine: Routine) -> tuple[int, str, int, str]:
    group = GROUP_ORDER.index(routine.group) if routine.group in GROUP_ORDER else len(GROUP_ORDER)
    return (group, routine.group, KIND_ORDER.index(routine.kind), routine.title.lower())


class _Loader:
    """Loads layers of files (built-in, then user) into one library."""

    def __init__(self, assets: Assets) -> None:
        self.assets = assets
        self.stretches: dict[str, Stretch] = {}
        self.routines: dict[str, Routine] = {}
        self.reports: list[FileReport] = []
        self.origin: dict[tuple[str, str], str] = {}

    def load(self, layers: Iterable[tuple[list[Path], bool]]) -> Library:
        parsed = [(path, builtin, parse_file(path)) for files, builtin in layers for path in files]
        problems: dict[Path, list[Problem]] = {path: list(p.problems) for path, _, p in parsed}
        # Catalogues first, layer by layer, so every routine sees all stretches.
        for builtin in (True, False):
            layer_ids: set[str] = set()
            for path, is_builtin, item in parsed:
                if is_builtin == builtin and item.spec is None and item.kind == "catalogue":
                    problems[path].extend(_check_invalid(item, self.stretches, self.assets))
                if is_builtin != builtin or not isinstance(item.spec, CatalogueFile):
                    continue
                assert item.doc is not None
                stretches, res = build_stretches(item.doc, item.spec, self.assets,
                                                 builtin=builtin)
                problems[path].extend(res.problems)
                for index, stretch in enumerate(stretches):
                    self._add("stretch", stretch.id, stretch, layer_ids, item.doc,
                              ("stretches", index, "id"), problems[path])
        for builtin in (True, False):
            layer_ids = set()
            for path, is_builtin, item in parsed:
                if is_builtin == builtin and item.spec is None and item.kind == "routine":
                    problems[path].extend(_check_invalid(item, self.stretches, self.assets))
                if is_builtin != builtin or not isinstance(item.spec, RoutineFile):
                    continue
                assert item.doc is not None
                routine, res = build_routine(item.doc, item.spec, self.stretches, self.assets,
                                             builtin=builtin)
                problems[path].extend(res.problems)
                if routine is not None:
                    self._add("routine", routine.id, routine, layer_ids, item.doc, ("id",),
                              problems[path])
        for path, builtin, item in parsed:
            self.reports.append(FileReport(path, builtin, item.kind,
                                           tuple(in_order(problems[path]))))
        ordered = dict(sorted(self.routines.items(), key=lambda kv: _sort_key(kv[1])))
        return Library(ordered, dict(self.stretches), tuple(self.reports))

    def _add(self, noun: str, ident: str, value: Stretch | Routine, layer_ids: set[str],
             doc: Document, key: tuple[str | int, ...], problems: list[Problem]) -> None:
        where = f"{doc.path}:{doc.where(key)[0]}"
        if ident in layer_ids:
            problems.append(doc.problem(key, f"duplicate {noun} id '{ident}': "
                                        f"already defined at {self.origin[(noun, ident)]}",
                                        code="duplicate-id"))
            return
        layer_ids.add(ident)
        self.origin[(noun, ident)] = where
        table: dict[str, object] = self.stretches if noun == "stretch" else self.routines  # type: ignore[assignment]
        table[ident] = value


def load_library(builtin_dir: Path | None = None, user_dir: Path | None = None,
                 assets: Assets | None = None) -> Library:
    """Load the built-in files and the user's files into one library."""
    builtin_dir = paths.builtin_routines_dir() if builtin_dir is None else builtin_dir
    loader = _Loader(assets or default_assets())
    return loader.load([(find_files(builtin_dir), True), (find_files(user_dir), False)])


@dataclass(frozen=True)
class FileCheck:
    """One file checked against the library: its document, every problem, its routine."""

    doc: Document | None
    problems: list[Problem]
    # The routine a routine file makes; None for a catalogue or while blocked.
    routine: Routine | None = None


def check_source(path: Path, library: Library, assets: Assets | None = None,
                 *, text: str | None = None) -> FileCheck:
    """Read and check one file (or text meant for it) once, keeping what it makes."""
    item = parse_file(path) if text is None else parse_text_as(path, text)
    assets = assets or default_assets()
    if item.problems or item.doc is None:
        return FileCheck(item.doc, in_order(
            [*item.problems, *_check_invalid(item, library.stretches, assets)]))
    if isinstance(item.spec, CatalogueFile):
        _, res = build_stretches(item.doc, item.spec, assets, builtin=False)
        return FileCheck(item.doc, in_order(res.problems))
    assert isinstance(item.spec, RoutineFile)
    routine, res = build_routine(item.doc, item.spec, library.stretches, assets, builtin=False)
    return FileCheck(item.doc, in_order(res.problems), routine)


def check_file(path: Path, library: Library, assets: Assets | None = None,
               *, text: str | None = None) -> list[Problem]:
    """Every problem in one file (or in text meant for it), against the library."""
    return check_source(path, library, assets, text=text).problems


def _check_invalid(item: ParsedFile, catalogue: Mapping[str, Stretch],
                   assets: Assets) -> list[Problem]:
    """The other problems of a file that failed the schema, in its valid parts."""
    if item.doc is None or item.spec is not None or not isinstance(item.doc.data, dict):
        return []
    if item.kind == "routine":
        return check_invalid_routine(item.doc, item.doc.data, catalogue, assets)
    if item.kind == "catalogue":
        return check_invalid_catalogue(item.doc, item.doc.data, assets)
    return []


def load_routine_file(path: Path, catalogue: Mapping[str, Stretch],
                      assets: Assets | None = None) -> Routine:
    """One routine file against a given catalogue; RoutineError on any problem."""
    item = parse_file(path)
    if item.problems or item.doc is None:
        raise RoutineError(list(item.problems))
    if not isinstance(item.spec, RoutineFile):
        raise RoutineError([item.doc.problem((), "this is a stretch catalogue, not a routine")])
    routine, res = build_routine(item.doc, item.spec, catalogue, assets or default_assets(),
                                 builtin=False)
    if res.problems or routine is None:
        raise RoutineError(res.problems)
    return routine
