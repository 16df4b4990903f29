"""The routine library: every built-in and user file, loaded together.

A broken file never stops the others: its problems are kept in its report and
the rest of the library loads. User files extend the built-ins, and a user
routine or stretch with a built-in id replaces the built-in one.
"""

from __future__ import annotations

import difflib
import os
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

from pydantic import ValidationError

from stretchapp.core.loading.library_cache import cached_library
from stretchapp.core.loading.library_model import KIND_ORDER as KIND_ORDER  # the data types
from stretchapp.core.loading.library_model import FileReport as FileReport  # live apart (no
from stretchapp.core.loading.library_model import Library as Library  # pydantic) and stay

# importable from here.
from stretchapp.core.loading.problems import Problem, RoutineError
from stretchapp.core.loading.resolve import (
    Assets,
    build_routine,
    build_stretches,
    check_invalid_catalogue,
    check_invalid_routine,
)
from stretchapp.core.loading.schema import CatalogueFile, RoutineFile
from stretchapp.core.loading.schema_errors import problems_from, shown
from stretchapp.core.loading.yaml_source import Document, parse_text, read_document
from stretchapp.core.model import Routine, Stretch, group_rank
from stretchapp.core.storage import paths


@dataclass(frozen=True)
class ParsedFile:
    doc: Document | None
    spec: RoutineFile | CatalogueFile | None
    kind: str
    problems: tuple[Problem, ...]
    # A routine read but not yet checked against the schema (see _Loader.load).
    deferred: bool = False


def default_assets() -> Assets:
    return Assets(images=paths.images_dir(), sounds=paths.sounds_dir())


def parse_file(path: Path, *, defer_routines: bool = False) -> ParsedFile:
    """Read one file and check its shape; never raises for a bad file."""
    try:
        return parse_document(read_document(path), defer_routines=defer_routines)
    except RoutineError as error:
        return ParsedFile(None, None, "unknown", tuple(error.problems))
    except (*UNFORESEEN, MemoryError) as error:
        # A case no check above foresaw must still cost this file only.
        return ParsedFile(None, None, "unknown", (_unforeseen(path, error),))


# Errors no check foresaw in building a file's content: they cost that file only.
UNFORESEEN = (ValueError, TypeError, LookupError, ArithmeticError, RecursionError)


def _unforeseen(path: Path, error: Exception) -> Problem:
    return Problem(path, 0, 0, f"this file could not be read ({type(error).__name__}); "
                   "please report it with the file attached")


def parse_text_as(path: Path, text: str) -> ParsedFile:
    """Like parse_file, for text not yet on disk (an editor's draft)."""
    try:
        doc = parse_text(path, text)
    except RoutineError as error:
        return ParsedFile(None, None, "unknown", tuple(error.problems))
    return parse_document(doc)


def parse_document(doc: Document, *, defer_routines: bool = False) -> ParsedFile:
    """Check a composed document's shape against the routine or catalogue schema.

    With defer_routines, a routine is only recognised (ParsedFile.deferred):
    its schema check is left for when it is built.
    """
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
    if defer_routines and kind == "routine":
        return ParsedFile(doc, None, kind, (), deferred=True)
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
    return scan_folder(folder)[0]


def scan_folder(folder: Path | None) -> tuple[list[Path], list[Problem]]:
    """Every .yaml file below folder, and a problem for each thing passed over.

    Linked folders are followed (once: a loop of links is reported, not
    walked for ever); unreadable folders, broken links and links to files that
    are not .yaml (whose contents would be echoed in errors) are reported.
    """
    if folder is None or not folder.is_dir():
        return [], []
    found: list[Path] = []
    problems: list[Problem] = []
    seen: set[tuple[int, int]] = set()

    def unreadable(error: OSError) -> None:
        where = Path(error.filename) if error.filename else folder
        problems.append(Problem(where, 0, 0, f"folder cannot be read ({error.strerror}): "
                                "the routines in it are not loaded"))

    for root, dirs, files in os.walk(folder, onerror=unreadable, followlinks=True):
        here = Path(root)
        try:
            info = here.stat()
        except OSError:
            dirs[:] = []
            continue
        if (info.st_dev, info.st_ino) in seen:
            problems.append(Problem(here, 0, 0, "a link leads back to a folder already "
                                    "read (a loop of links): it is read once"))
            dirs[:] = []
            continue
        seen.add((info.st_dev, info.st_ino))
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in files:
            path = here / name
            if name.startswith(".") or not (name.endswith(".yaml") or path.is_symlink()):
                continue
            problem = _link_problem(path)
            if problem is not None:
                problems.append(problem)
            elif name.endswith(".yaml"):
                found.append(path)
    return sorted(found), problems


def _link_problem(path: Path) -> Problem | None:
    """A problem when path is a link that cannot or should not be read."""
    if not path.is_symlink():
        return None
    try:
        target = path.resolve(strict=True)
    except (OSError, RuntimeError):
        return Problem(path, 0, 0, "a link that leads nowhere (its target is missing, "
                       "or it leads back to itself)")
    if target.suffix != ".yaml" and path.suffix == ".yaml":
        return Problem(path, 0, 0, f"a link to '{target.name}', which is not a .yaml "
                       "file: not read")
    return None


def _sort_key(routine: Routine) -> tuple[int, str, int, str]:
    return (*group_rank(routine.group), KIND_ORDER.index(routine.kind), routine.title.lower())


class _Loader:
    """Loads layers of files (built-in, then user) into one library."""

    def __init__(self, assets: Assets) -> None:
        self.assets = assets
        self.stretches: dict[str, Stretch] = {}
        self.routines: dict[str, Routine] = {}
        self.reports: list[FileReport] = []
        # Where each id was first defined: the file and key, its line found only if needed.
        self.origin: dict[tuple[str, str], tuple[Path, tuple[str | int, ...]]] = {}

    def load(self, layers: Iterable[tuple[list[Path], bool]],
             skipped: Iterable[Problem] = ()) -> Library:
        # Routines are checked against the schema one by one as they are built
        # (below), not all at once here: 10,000 validated files held together
        # would cost hundreds of MB for a moment.
        parsed = [(path, builtin, parse_file(path, defer_routines=True))
                  for files, builtin in layers for path in files]
        problems: dict[Path, list[Problem]] = {path: list(p.problems) for path, _, p in parsed}
        self.reports.extend(FileReport(p.path, False, "unknown", (p,)) for p in skipped)
        # Catalogues first, layer by layer, so every routine sees all stretches.
        for builtin in (True, False):
            layer_ids: set[str] = set()
            for path, is_builtin, item in parsed:
                if is_builtin == builtin and item.spec is None and item.kind == "catalogue":
                    problems[path].extend(_check_invalid(item, self.stretches, self.assets))
                if is_builtin != builtin or not isinstance(item.spec, CatalogueFile):
                    continue
                assert item.doc is not None
                try:
                    stretches, res = build_stretches(item.doc, item.spec, self.assets,
                                                     builtin=builtin)
                except UNFORESEEN as error:
                    problems[path].append(_unforeseen(path, error))
                    continue
                problems[path].extend(res.problems)
                for index, stretch in enumerate(stretches):
                    self._add("stretch", stretch.id, stretch, layer_ids, item.doc,
                              ("stretches", index, "id"), problems[path])
        for builtin in (True, False):
            layer_ids = set()
            for path, is_builtin, item in parsed:
                if is_builtin == builtin and item.deferred:
                    assert item.doc is not None
                    item = _checked(path, item.doc)
                    problems[path].extend(item.problems)
                if is_builtin == builtin and item.spec is None and item.kind == "routine":
                    problems[path].extend(_check_invalid(item, self.stretches, self.assets))
                if is_builtin != builtin or not isinstance(item.spec, RoutineFile):
                    continue
                assert item.doc is not None
                try:
                    routine, res = build_routine(item.doc, item.spec, self.stretches,
                                                 self.assets, builtin=builtin)
                except UNFORESEEN as error:
                    problems[path].append(_unforeseen(path, error))
                    continue
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
        if ident in layer_ids:
            first_path, first_key = self.origin[(noun, ident)]
            line = _line_of(first_path, first_key)
            problems.append(doc.problem(key, f"duplicate {noun} id '{ident}': already "
                                        f"defined at {first_path}:{line}",
                                        code="duplicate-id"))
            return
        layer_ids.add(ident)
        self.origin[(noun, ident)] = (doc.path, key)
        table: dict[str, object] = self.stretches if noun == "stretch" else self.routines  # type: ignore[assignment]
        table[ident] = value


def _checked(path: Path, doc: Document) -> ParsedFile:
    """A deferred routine checked against the schema now."""
    try:
        return parse_document(doc)
    except UNFORESEEN as error:
        return ParsedFile(doc, None, "routine", (_unforeseen(path, error),))


def _line_of(path: Path, key: tuple[str | int, ...]) -> int:
    """The line of a key in a file read again (only for the rare duplicate id)."""
    item = parse_file(path)
    return item.doc.where(key)[0] if item.doc is not None else 0


def load_library(builtin_dir: Path | None = None, user_dir: Path | None = None,
                 assets: Assets | None = None, *, cache: Path | None = None) -> Library:
    """Load the built-in files and the user's files into one library.

    With a cache file, a library stored there from the same files is used as
    it is, and a new load is stored there (core.library_cache).
    """
    builtin = paths.builtin_routines_dir() if builtin_dir is None else builtin_dir
    media = assets or default_assets()

    def load() -> Library:
        user_files, skipped = scan_folder(user_dir)
        return _Loader(media).load([(find_files(builtin), True), (user_files, False)], skipped)

    if cache is None:
        return load()
    return cached_library(cache, (builtin, user_dir, media.images, media.sounds), load)


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
