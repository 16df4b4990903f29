"""Sharing routines: export one with its own images and sounds, import one.

An export is the plain .yaml when the routine needs nothing else, otherwise a
.zip with the routine, the user stretches it refers to and their media. An
import is planned first (what will be added, what it would replace, every
problem found) and applied only when asked, never overwriting silently.
"""

from __future__ import annotations

import io
import os
import shutil
import tempfile
import zipfile
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq

from stretchapp.core.editing.zip_guard import ArchiveRefused, extract_safely
from stretchapp.core.loading.bounded_read import ReadRefused, read_bounded
from stretchapp.core.loading.library import Library, load_library
from stretchapp.core.loading.media import KIND_OF_SUFFIX, wrong_contents
from stretchapp.core.loading.problems import Problem
from stretchapp.core.loading.yaml_source import MAX_FILE_BYTES
from stretchapp.core.model import Routine, Stretch
from stretchapp.core.storage import paths
from stretchapp.core.storage.safe_write import (
    clean_stale_temps,
    keep_copy,
    os_error_text,
    write_atomically,
)

__all__ = ["ArchiveRefused", "ImportPlan", "apply_import", "export_routine", "plan_import"]


def _media_of(stretch: Stretch) -> list[Path]:
    return [p for p in (stretch.image, stretch.image_right) if p is not None]


def _local(path: Path, folder: Path) -> str | None:
    """path relative to folder when it lies inside it, else None (an app asset)."""
    try:
        return path.resolve().relative_to(folder.resolve()).as_posix()
    except ValueError:
        return None


def _stretch_entries(stretches: list[Stretch]) -> str:
    """A catalogue file holding the given user stretches, comments kept."""
    yaml = YAML()
    entries = CommentedSeq()
    for stretch in stretches:
        assert stretch.source is not None
        data = yaml.load(stretch.source.read_text(encoding="utf-8"))
        for entry in data.get("stretches", []):
            if isinstance(entry, CommentedMap) and entry.get("id") == stretch.id:
                entries.append(entry)
    doc = CommentedMap([("format", 1), ("stretches", entries)])
    buffer = io.StringIO()
    yaml.indent(mapping=2, sequence=4, offset=2)
    yaml.dump(doc, buffer)
    return buffer.getvalue()


def export_routine(library: Library, routine_id: str, out: Path) -> Path:
    """Write routine_id to out (.yaml or .zip, chosen by what it needs); the path written."""
    routine = library.routines.get(routine_id)
    if routine is None or routine.source is None:
        raise ArchiveRefused(f"no routine with id '{routine_id}'")
    folder = routine.source.parent
    members: dict[str, bytes] = {}
    user_stretches: dict[str, Stretch] = {}
    for step in routine.steps:
        library_stretch = library.stretches.get(step.stretch.id)
        if library_stretch is not None and not library_stretch.builtin:
            user_stretches[library_stretch.id] = library_stretch
        for media in _media_of(step.stretch):
            name = _local(media, folder)
            if name is not None:
                members[name] = media.read_bytes()
    for _, sound in routine.cues.sounds:
        name = _local(sound, folder)
        if name is not None:
            members[name] = sound.read_bytes()
    for stretch in user_stretches.values():
        assert stretch.source is not None
        for media in _media_of(stretch):
            name = _local(media, stretch.source.parent)
            if name is not None:
                members.setdefault(name, media.read_bytes())
    text = routine.source.read_bytes()
    if not members and not user_stretches:
        target = out.with_suffix(".yaml")
        write_atomically(target, text)
        return target
    if user_stretches:
        members[f"{routine.id}-stretches.yaml"] = _stretch_entries(
            list(user_stretches.values())).encode("utf-8")
    members[f"{routine.id}.yaml"] = text
    target = out.with_suffix(".zip")
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name in sorted(members):
            archive.writestr(name, members[name])
    write_atomically(target, buffer.getvalue())
    return target


@dataclass
class ImportPlan:
    """What an import would do; nothing is written until apply_import."""

    source: Path
    staging: Path
    target_dir: Path
    files: list[str] = field(default_factory=list)
    routines: list[Routine] = field(default_factory=list)
    stretches: list[Stretch] = field(default_factory=list)
    # Ids already in the library, and files already on disk, that it would replace.
    replaces: list[str] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return bool(self.routines or self.stretches) and not any(
            p.blocking for p in self.problems)

    def summary(self) -> list[str]:
        lines = [f"from {self.source.name}, into {self.target_dir}:"]
        lines += [f"  routine '{r.id}': {r.title} ({len(r.steps)} steps)" for r in self.routines]
        lines += [f"  stretch '{s.id}': {s.name}" for s in self.stretches]
        lines += [f"  replaces {item}" for item in self.replaces]
        return lines

    def discard(self) -> None:
        shutil.rmtree(self.staging, ignore_errors=True)


def plan_import(source: Path, home: Path, library: Library) -> ImportPlan:
    """Unpack and check a shared .yaml or .zip in a staging folder under home."""
    user_dir = paths.user_routines_dir(home)
    staging_root = paths.cache_dir(home) / "imports"
    staging_root.mkdir(parents=True, exist_ok=True)
    clean_stale_temps(user_dir)
    staging = Path(tempfile.mkdtemp(prefix="import-", dir=staging_root))
    try:
        target_dir = _unpack(source, staging, user_dir)
        return _plan(source, staging, target_dir, user_dir, library)
    except (ArchiveRefused, OSError) as error:
        shutil.rmtree(staging, ignore_errors=True)
        if isinstance(error, OSError):
            raise ArchiveRefused(f"cannot read {source.name}: {error.strerror}") from None
        raise


def _unpack(source: Path, staging: Path, user_dir: Path) -> Path:
    """Put the shared file's contents in staging; the folder they would go to."""
    suffix = source.suffix.lower()
    if suffix == ".zip":
        extract_safely(source, staging)
        return user_dir / source.stem
    if suffix not in (".yaml", ".yml"):
        raise ArchiveRefused(f"{source.name}: import takes a .yaml or .zip file")
    try:
        data = read_bounded(source, MAX_FILE_BYTES)
    except ReadRefused as error:
        raise ArchiveRefused(f"{source.name}: {error.problem.message}") from None
    (staging / (source.stem + ".yaml")).write_bytes(data)
    return user_dir


def _plan(source: Path, staging: Path, target_dir: Path, user_dir: Path,
          library: Library) -> ImportPlan:
    plan = ImportPlan(source, staging, target_dir)
    plan.files = sorted(p.relative_to(staging).as_posix() for p in staging.rglob("*")
                        if p.is_file())
    plan.problems.extend(_sniffed(source, staging, plan.files))
    staged = load_library(user_dir=staging)
    for report in staged.files:
        if report.builtin:
            continue
        for problem in report.problems:
            shown = Path(source.name) / report.path.relative_to(staging)
            plan.problems.append(Problem(shown, problem.line, problem.column, problem.message,
                                         problem.blocking))
    plan.routines = [r for r in staged.routines.values() if not r.builtin]
    plan.stretches = [s for s in staged.stretches.values() if not s.builtin]
    plan.target_dir = _own_folder(plan, staging, library) or target_dir
    for routine in plan.routines:
        if routine.id in library.routines:
            kind = "built-in" if library.routines[routine.id].builtin else "your"
            plan.replaces.append(f"{kind} routine '{routine.id}'")
    for stretch in plan.stretches:
        known = library.stretches.get(stretch.id)
        if known is None:
            continue
        plan.replaces.append(f"{'built-in' if known.builtin else 'your'} stretch '{stretch.id}'")
        landing = plan.target_dir / _staged_name(stretch.source, staging)
        if not known.builtin and known.source is not None and not _same(known.source, landing):
            plan.problems.append(Problem(Path(source.name), 0, 0, f"stretch '{stretch.id}' is "
                                         f"already yours in {known.source}: importing it into "
                                         f"{landing} would define it twice"))
    for name in plan.files:
        if (plan.target_dir / name).exists():
            plan.replaces.append(f"file {plan.target_dir / name}")
    if not plan.routines and not plan.stretches and not plan.problems:
        plan.problems.append(Problem(Path(source.name), 0, 0,
                                     "no routine or stretch catalogue found"))
    return plan


def _staged_name(path: Path | None, staging: Path) -> str:
    return "" if path is None else path.relative_to(staging).as_posix()


def _same(a: Path, b: Path) -> bool:
    try:
        return a.resolve() == b.resolve()
    except (OSError, RuntimeError):
        return a == b


def _own_folder(plan: ImportPlan, staging: Path, library: Library) -> Path | None:
    """The folder that puts each replaced user routine onto its own file, if any.

    Replacing 'mine' must overwrite the file 'mine' came from, not add a
    second file with the same id; its images go next to it, as in the archive.
    """
    folders: set[Path] = set()
    for routine in plan.routines:
        known = library.routines.get(routine.id)
        if known is None or known.builtin or known.source is None or routine.source is None:
            continue
        relative = routine.source.relative_to(staging)
        # Only the file name may differ (other.yaml replacing mine.yaml): rename it.
        folder = known.source.parent
        for _ in relative.parts[:-1]:
            folder = folder.parent
        if relative.name != known.source.name:
            renamed = relative.with_name(known.source.name).as_posix()
            if renamed in plan.files:
                plan.problems.append(Problem(Path(plan.source.name), 0, 0, f"routine "
                                             f"'{routine.id}' replaces {known.source}, but the "
                                             f"archive also holds a file named {renamed}"))
                continue
            os.replace(routine.source, staging / renamed)
            plan.files = sorted({*plan.files, renamed} - {relative.as_posix()})
        folders.add(folder)
    if len(folders) > 1:
        plan.problems.append(Problem(Path(plan.source.name), 0, 0, "the routines it replaces "
                                     "are in different folders: import them one at a time"))
        return None
    return folders.pop() if folders else None


def _sniffed(source: Path, staging: Path, files: list[str]) -> list[Problem]:
    """A problem for each image or sound whose contents are not what its name says."""
    problems = []
    for name in files:
        kind = KIND_OF_SUFFIX.get(PurePosixPath(name).suffix.lower())
        if kind is None:
            continue
        with (staging / name).open("rb") as handle:
            wrong = wrong_contents(handle.read(4096), kind)
        if wrong:
            problems.append(Problem(Path(source.name) / name, 0, 0, f"this file {wrong}"))
    return problems


def apply_import(plan: ImportPlan, home: Path, *, overwrite: bool = False) -> list[Path]:
    """Write the staged files into the user's folder, all of them or none; the paths written.

    Every file about to be replaced is first copied whole into the backups
    folder (one slot per file, so a/pic.png and b/pic.png both survive);
    should any write fail, the files written so far are put back as they
    were and ArchiveRefused says why.
    """
    if not plan.ok:
        plan.discard()
        raise ArchiveRefused("not imported: " + "; ".join(
            p.message for p in plan.problems if p.blocking) if plan.problems
            else "not imported: nothing to import")
    if plan.replaces and not overwrite:
        raise ArchiveRefused("not imported without your consent, it would replace: "
                             + ", ".join(plan.replaces))
    backups = paths.backup_dir(home) / "replaced"
    user_dir = paths.user_routines_dir(home)
    done: list[tuple[Path, Path | None]] = []
    try:
        kept: dict[str, Path] = {}
        for name in plan.files:
            target = plan.target_dir / name
            if target.exists():
                kept[name] = keep_copy(target, backups, _label(target, user_dir))
        for name in plan.files:
            target = plan.target_dir / name
            target.parent.mkdir(parents=True, exist_ok=True)
            write_atomically(target, (plan.staging / name).read_bytes())
            done.append((target, kept.get(name)))
    except OSError as error:
        _undo(done)
        raise ArchiveRefused(f"nothing imported: {os_error_text(error)}") from None
    finally:
        plan.discard()
    return [target for target, _ in done]


def _label(target: Path, user_dir: Path) -> str:
    """The backup label of a file: its path below the user's folder, without suffix."""
    try:
        return target.relative_to(user_dir).with_suffix("").as_posix()
    except ValueError:
        return target.stem


def _undo(done: list[tuple[Path, Path | None]]) -> None:
    """Put back what an import wrote before it failed (best effort, newest first)."""
    for target, backup in reversed(done):
        try:
            if backup is None:
                target.unlink(missing_ok=True)
            else:
                write_atomically(target, backup.read_bytes())
        except OSError:
            continue
