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
from pathlib import Path

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq

from stretchapp.core.editing.zip_guard import ArchiveRefused, extract_safely
from stretchapp.core.loading.library import Library, load_library
from stretchapp.core.loading.problems import Problem
from stretchapp.core.loading.yaml_source import MAX_FILE_BYTES
from stretchapp.core.model import Routine, Stretch
from stretchapp.core.storage import paths
from stretchapp.core.storage.safe_write import write_atomically

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
        write_atomically(target, text.decode("utf-8"))
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
    target.parent.mkdir(parents=True, exist_ok=True)
    temp = target.with_name(f".{target.name}.tmp")
    temp.write_bytes(buffer.getvalue())
    os.replace(temp, target)
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
    staging = Path(tempfile.mkdtemp(prefix="import-", dir=staging_root))
    try:
        if source.suffix.lower() == ".zip":
            extract_safely(source, staging)
            target_dir = user_dir / source.stem
        elif source.suffix.lower() in (".yaml", ".yml"):
            if source.stat().st_size > MAX_FILE_BYTES:
                raise ArchiveRefused(f"{source.name} is larger than the 1 MiB limit")
            shutil.copyfile(source, staging / (source.stem + ".yaml"))
            target_dir = user_dir
        else:
            raise ArchiveRefused(f"{source.name}: import takes a .yaml or .zip file")
    except (ArchiveRefused, OSError) as error:
        shutil.rmtree(staging, ignore_errors=True)
        if isinstance(error, OSError):
            raise ArchiveRefused(f"cannot read {source.name}: {error.strerror}") from None
        raise
    plan = ImportPlan(source, staging, target_dir)
    plan.files = sorted(p.relative_to(staging).as_posix() for p in staging.rglob("*")
                        if p.is_file())
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
    for routine in plan.routines:
        if routine.id in library.routines:
            kind = "built-in" if library.routines[routine.id].builtin else "your"
            plan.replaces.append(f"{kind} routine '{routine.id}'")
    for stretch in plan.stretches:
        if stretch.id in library.stretches:
            kind = "built-in" if library.stretches[stretch.id].builtin else "your"
            plan.replaces.append(f"{kind} stretch '{stretch.id}'")
    for name in plan.files:
        if (target_dir / name).exists():
            plan.replaces.append(f"file {target_dir / name}")
    if not plan.routines and not plan.stretches and not plan.problems:
        plan.problems.append(Problem(Path(source.name), 0, 0,
                                     "no routine or stretch catalogue found"))
    return plan


def apply_import(plan: ImportPlan, home: Path, *, overwrite: bool = False) -> list[Path]:
    """Move the staged files into the user's folder; the paths written."""
    if not plan.ok:
        plan.discard()
        raise ArchiveRefused("not imported: " + "; ".join(
            p.message for p in plan.problems if p.blocking) if plan.problems
            else "not imported: nothing to import")
    if plan.replaces and not overwrite:
        raise ArchiveRefused("not imported without your consent, it would replace: "
                             + ", ".join(plan.replaces))
    written: list[Path] = []
    backups = paths.backup_dir(home) / "replaced"
    for name in plan.files:
        target = plan.target_dir / name
        target.parent.mkdir(parents=True, exist_ok=True)
        if target.exists():
            backups.mkdir(parents=True, exist_ok=True)
            shutil.copy2(target, backups / f"{target.name}.{os.getpid()}.bak")
        os.replace(plan.staging / name, target)
        written.append(target)
    plan.discard()
    return written
