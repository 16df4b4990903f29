"""Import does what it says, completely or not at all; saves keep modes, links, backups.

Real files in a temporary home, real zips, the real library loader.
"""

from __future__ import annotations

import io
import os
import stat
import time
import zipfile
from pathlib import Path

import pytest

from stretchapp.core.editing.archive import (
    ArchiveRefused,
    apply_import,
    export_routine,
    plan_import,
)
from stretchapp.core.editing.zip_guard import MAX_ENTRIES
from stretchapp.core.loading.library import load_library
from stretchapp.core.storage.safe_write import (
    STALE_TEMP_SECONDS,
    backup_slot,
    clean_stale_temps,
    keep_copy,
    write_atomically,
)

PNG = (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00"
       b"\x00\x00\x1f\x15\xc4\x89\x00\x00\x00\rIDATx\x9cc\xf8\x0f\x00\x00\x01\x01\x00\x05"
       b"\x18\xd8N\x00\x00\x00\x00IEND\xaeB`\x82")
OTHER_PNG = PNG.replace(b"IDATx", b"IDATy")


def routine(ident: str, title: str, image: str | None = None) -> str:
    text = (f"format: 1\nid: {ident}\ntitle: {title}\ngroup: calf\nkind: relief\n"
            "steps:\n  - stretch: wall-calf-stretch\n")
    if image:
        text += (f"  - name: Ball roll\n    instructions: Roll the sole of your foot.\n"
                 f"    image: {image}\n")
    return text


def _zip(path: Path, members: dict[str, bytes]) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return path


def _yaml_files(home: Path) -> list[str]:
    return sorted(p.relative_to(home / "routines").as_posix()
                  for p in (home / "routines").rglob("*.yaml"))


def _import(source: Path, home: Path, *, overwrite: bool = True) -> list[Path]:
    plan = plan_import(source, home, load_library(user_dir=home / "routines"))
    assert plan.ok, plan.problems
    return apply_import(plan, home, overwrite=overwrite)


def test_replacing_a_routine_from_another_file_name_replaces_its_own_file(
        home: Path, tmp_path: Path) -> None:
    """other.yaml with id 'mine' overwrites mine.yaml: one file, one routine, no duplicate."""
    (home / "routines" / "mine.yaml").write_text(routine("mine", "Old title"), encoding="utf-8")
    shared = tmp_path / "other.yaml"
    shared.write_text(routine("mine", "New title"), encoding="utf-8")
    written = _import(shared, home)
    assert written == [home / "routines" / "mine.yaml"]
    assert _yaml_files(home) == ["mine.yaml"]
    library = load_library(user_dir=home / "routines")
    assert library.routines["mine"].title == "New title" and not library.problems


def test_exporting_and_importing_back_with_an_image_replaces_in_place(
        home: Path, tmp_path: Path) -> None:
    """The round trip of a routine with its own image writes onto the same two files."""
    (home / "routines" / "mine.yaml").write_text(routine("mine", "Mine", "ball.png"),
                                                 encoding="utf-8")
    (home / "routines" / "ball.png").write_bytes(PNG)
    archive = export_routine(load_library(user_dir=home / "routines"), "mine",
                             tmp_path / "mine-shared.zip")
    written = _import(archive, home)
    assert sorted(p.name for p in written) == ["ball.png", "mine.yaml"]
    assert _yaml_files(home) == ["mine.yaml"]
    assert not load_library(user_dir=home / "routines").problems


def test_two_replaced_files_of_the_same_name_each_keep_a_backup(home: Path,
                                                                tmp_path: Path) -> None:
    """a/pic.png and b/pic.png replaced in one import are both kept, whole."""
    target = home / "routines" / "pack"
    for folder, data in (("a", b"\x89PNG first"), ("b", b"\x89PNG second")):
        (target / folder).mkdir(parents=True)
        (target / folder / "pic.png").write_bytes(data)
    archive = _zip(tmp_path / "pack.zip", {
        "pack.yaml": routine("pack", "Pack", "a/pic.png").encode(),
        "a/pic.png": PNG, "b/pic.png": OTHER_PNG})
    _import(archive, home)
    kept = sorted(p.read_bytes() for p in (home / "backups" / "replaced").rglob("*.png"))
    assert kept == [b"\x89PNG first", b"\x89PNG second"]


def test_a_failure_half_way_changes_nothing_and_leaves_no_staging(home: Path,
                                                                  tmp_path: Path) -> None:
    """When the second file cannot be written, the first is put back and staging removed."""
    target = home / "routines" / "pack"
    target.mkdir(parents=True)
    (target / "pack.yaml").write_text(routine("pack", "Before"), encoding="utf-8")
    archive = _zip(tmp_path / "pack.zip", {
        "pack.yaml": routine("pack", "After", "z/pic.png").encode(), "z/pic.png": PNG})
    plan = plan_import(archive, home, load_library(user_dir=home / "routines"))
    assert plan.ok
    (target / "z").write_text("a file where the folder z must go", encoding="utf-8")
    with pytest.raises(ArchiveRefused, match="nothing imported"):
        apply_import(plan, home, overwrite=True)
    assert "Before" in (target / "pack.yaml").read_text(encoding="utf-8")
    assert not list((home / "cache" / "imports").iterdir())


@pytest.mark.parametrize(("name", "data", "said"), [
    ("inner.png", b"PK\x03\x04 a zip renamed", "is not a PNG file"),
    ("pic.png", b"just some text", "is not a PNG file"),
    ("cue.wav", b"RIFF\x00\x00\x00\x00AVI LIST", "is not a WAV file"),
    ("drawing.svg", b"<html>not a drawing</html>", "is not an SVG file"),
])
def test_media_whose_contents_do_not_match_their_name_are_refused(
        home: Path, tmp_path: Path, name: str, data: bytes, said: str) -> None:
    """Contents are sniffed: a zip named .png or text named .png is not imported."""
    archive = _zip(tmp_path / "sneaky.zip", {"sneaky.yaml": routine("sneaky", "S").encode(),
                                             name: data})
    plan = plan_import(archive, home, load_library(user_dir=home / "routines"))
    assert not plan.ok and any(said in p.message for p in plan.problems)
    with pytest.raises(ArchiveRefused):
        apply_import(plan, home, overwrite=True)
    assert _yaml_files(home) == []


def test_a_central_directory_with_too_many_entries_is_refused_before_reading_it(
        home: Path, tmp_path: Path) -> None:
    """More entries than the limit (ignored __MACOSX/ ones too) are refused from the end record."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_STORED) as archive:
        archive.writestr("r.yaml", routine("r", "R"))
        for index in range(MAX_ENTRIES + 1):
            archive.writestr(f"__MACOSX/._{index}", b"")
    path = tmp_path / "many.zip"
    path.write_bytes(buffer.getvalue())
    started = time.perf_counter()
    with pytest.raises(ArchiveRefused, match=f"more than {MAX_ENTRIES}"):
        plan_import(path, home, load_library(user_dir=home / "routines"))
    assert time.perf_counter() - started < 5


def test_a_fifo_named_zip_is_refused_not_waited_on(home: Path, tmp_path: Path) -> None:
    """import FIFO.zip is refused at once as not a regular file."""
    fifo = tmp_path / "shared.zip"
    os.mkfifo(fifo)
    with pytest.raises(ArchiveRefused, match="not a regular file"):
        plan_import(fifo, home, load_library(user_dir=home / "routines"))


def test_a_save_keeps_the_files_mode(tmp_path: Path) -> None:
    """A 0644 routine stays 0644 after a save (mkstemp's 0600 is not kept)."""
    path = tmp_path / "mine.yaml"
    path.write_text("old", encoding="utf-8")
    path.chmod(0o644)
    write_atomically(path, "new")
    assert stat.S_IMODE(path.stat().st_mode) == 0o644 and path.read_text() == "new"


def test_a_new_file_gets_the_umask_mode_not_0600(tmp_path: Path) -> None:
    """A file saved for the first time is readable as any file the user makes."""
    write_atomically(tmp_path / "settings.json", "{}")
    mask = os.umask(0o022)
    os.umask(mask)
    assert stat.S_IMODE((tmp_path / "settings.json").stat().st_mode) == 0o666 & ~mask


def test_a_save_writes_through_a_link(tmp_path: Path) -> None:
    """A linked routine is saved into the link's target; the link stays a link."""
    real = tmp_path / "dotfiles" / "mine.yaml"
    real.parent.mkdir()
    real.write_text("old", encoding="utf-8")
    link = tmp_path / "mine.yaml"
    link.symlink_to(real)
    write_atomically(link, "new")
    assert link.is_symlink() and real.read_text(encoding="utf-8") == "new"


def test_stale_temporary_files_are_cleaned_and_fresh_ones_kept(tmp_path: Path) -> None:
    """Temp files a killed save left long ago go; one a save is writing now stays."""
    old = tmp_path / ".mine.yaml.abc123xy.tmp"
    new = tmp_path / ".other.yaml.zz99zz99.tmp"
    keep = tmp_path / "mine.yaml"
    for path in (old, new, keep):
        path.write_text("x", encoding="utf-8")
    long_ago = time.time() - STALE_TEMP_SECONDS - 60
    os.utime(old, (long_ago, long_ago))
    os.utime(keep, (long_ago, long_ago))
    assert clean_stale_temps(tmp_path) == [old]
    assert new.exists() and keep.exists()


def test_backups_are_unique_and_whole(tmp_path: Path) -> None:
    """Two backups in the same instant get different names; each is a full copy."""
    source = tmp_path / "mine.yaml"
    source.write_bytes(b"x" * 100_000)
    first = keep_copy(source, tmp_path / "backups")
    second = keep_copy(source, tmp_path / "backups")
    assert first != second
    assert first.read_bytes() == second.read_bytes() == source.read_bytes()
    assert not list((tmp_path / "backups").rglob("*.tmp"))
    assert backup_slot(tmp_path / "backups", "mine", ".yaml").parent == first.parent
