"""Sharing routines: export and import, and hostile archives refused."""

from __future__ import annotations

import io
import os
import stat
import zipfile
from pathlib import Path

import pytest

from stretchapp.core.editing.archive import (
    ArchiveRefused,
    apply_import,
    export_routine,
    plan_import,
)
from stretchapp.core.editing.zip_guard import MAX_RATIO
from stretchapp.core.loading.library import load_library

PNG = (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00"
       b"\x00\x00\x1f\x15\xc4\x89\x00\x00\x00\rIDATx\x9cc\xf8\x0f\x00\x00\x01\x01\x00\x05"
       b"\x18\xd8N\x00\x00\x00\x00IEND\xaeB`\x82")

ROUTINE = """\
format: 1
id: shared-calf
title: Shared calf   # from a friend
group: calf
kind: relief
steps:
  - stretch: wall-calf-stretch
  - name: Foot on a ball
    instructions: Sit and roll the sole of your foot slowly over a soft ball.
    image: ball.png
"""


def _zip(members: dict[str, bytes], path: Path, *, link: str | None = None) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
        if link:
            info = zipfile.ZipInfo(link)
            info.external_attr = (stat.S_IFLNK | 0o777) << 16
            archive.writestr(info, "/etc/passwd")
    return path


def _user_files(home: Path) -> list[str]:
    return sorted(p.relative_to(home).as_posix() for p in (home / "routines").rglob("*")
                  if p.is_file())


@pytest.fixture
def authored(tmp_path: Path) -> Path:
    """Another person's home with a routine that has its own image."""
    other = tmp_path / "other"
    (other / "routines").mkdir(parents=True)
    (other / "routines" / "shared-calf.yaml").write_text(ROUTINE, encoding="utf-8")
    (other / "routines" / "ball.png").write_bytes(PNG)
    return other


def test_export_then_import_round_trips(authored: Path, home: Path, tmp_path: Path) -> None:
    """A routine with its own image exports as a zip that imports, image and comments kept."""
    library = load_library(user_dir=authored / "routines")
    written = export_routine(library, "shared-calf", tmp_path / "out" / "shared.zip")
    assert written.suffix == ".zip"
    assert sorted(zipfile.ZipFile(written).namelist()) == ["ball.png", "shared-calf.yaml"]
    mine = load_library(user_dir=home / "routines")
    plan = plan_import(written, home, mine)
    assert plan.ok and plan.replaces == []
    assert [r.id for r in plan.routines] == ["shared-calf"]
    assert _user_files(home) == []  # nothing written before apply
    apply_import(plan, home)
    after = load_library(user_dir=home / "routines")
    routine = after.routines["shared-calf"]
    assert routine.steps[1].stretch.image is not None
    assert routine.steps[1].stretch.image.read_bytes() == PNG
    assert routine.source is not None
    assert "# from a friend" in routine.source.read_text(encoding="utf-8")


def test_routine_without_media_exports_as_plain_yaml(home: Path, tmp_path: Path) -> None:
    """A routine that needs no other file is exported as its .yaml."""
    (home / "routines" / "plain.yaml").write_text(ROUTINE.split("  - name")[0].replace(
        "shared-calf", "plain"), encoding="utf-8")
    library = load_library(user_dir=home / "routines")
    written = export_routine(library, "plain", tmp_path / "plain.zip")
    assert written == tmp_path / "plain.yaml"
    assert "id: plain" in written.read_text(encoding="utf-8")


def test_import_never_overwrites_without_consent(authored: Path, home: Path,
                                                 tmp_path: Path) -> None:
    """Importing a routine id that exists lists it as replaced and needs overwrite=True."""
    library = load_library(user_dir=authored / "routines")
    archive = export_routine(library, "shared-calf", tmp_path / "shared.zip")
    apply_import(plan_import(archive, home, load_library(user_dir=home / "routines")), home)
    before = _user_files(home)
    plan = plan_import(archive, home, load_library(user_dir=home / "routines"))
    assert "your routine 'shared-calf'" in plan.replaces
    with pytest.raises(ArchiveRefused, match="without your consent"):
        apply_import(plan, home)
    assert _user_files(home) == before
    apply_import(plan, home, overwrite=True)
    assert list((home / "backups" / "replaced").iterdir())


def test_broken_yaml_in_archive_is_reported_and_not_imported(home: Path, tmp_path: Path) -> None:
    """A zip whose routine is broken reports the problem at archive/file:line:col."""
    archive = _zip({"bad.yaml": b"format: 1\ntitle: x\ngroup: calf\nkind: warmup\nsteps: []\n"},
                   tmp_path / "bad.zip")
    plan = plan_import(archive, home, load_library(user_dir=home / "routines"))
    assert not plan.ok
    assert str(plan.problems[0]).startswith("bad.zip/bad.yaml:4:7: error: kind")
    with pytest.raises(ArchiveRefused):
        apply_import(plan, home)
    assert _user_files(home) == []


@pytest.mark.parametrize(("members", "link", "said"), [
    ({"../evil.yaml": b"x"}, None, "climbs out"),
    ({"a/../../evil.yaml": b"x"}, None, "climbs out"),
    ({"/etc/evil.yaml": b"x"}, None, "absolute path"),
    ({"C:/evil.yaml": b"x"}, None, "absolute path"),
    ({"a\\..\\evil.yaml": b"x"}, None, "backslashes"),
    ({"r.yaml": b"format: 1"}, "pic.png", "is a link"),
    ({"run.sh": b"rm -rf ~"}, None, "not a routine, image or sound"),
    ({"huge.yaml": os.urandom(700_000).hex().encode()}, None, "limit"),
    ({"bomb.png": b"\0" * (20 * 1024 * 1024)}, None, "zip bomb"),
    ({"a.yaml": b"x", "A.yaml": b"y"}, None, "appears twice"),
])
def test_hostile_archives_are_refused_and_write_nothing(home: Path, tmp_path: Path,
                                                        members: dict[str, bytes],
                                                        link: str | None, said: str) -> None:
    """Traversal, absolute paths, links, odd files, huge members and bombs are refused."""
    archive = _zip(members, tmp_path / "hostile.zip", link=link)
    with pytest.raises(ArchiveRefused, match=said):
        plan_import(archive, home, load_library(user_dir=home / "routines"))
    assert _user_files(home) == []
    assert not list((home / "cache" / "imports").iterdir())
    assert not (tmp_path / "evil.yaml").exists()


def test_lying_size_header_is_caught(home: Path, tmp_path: Path) -> None:
    """A member that inflates past the size its header claims is refused while reading."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("r.yaml", b"a: 1\n" * 1000)
    data = bytearray(buffer.getvalue())
    real = (5000).to_bytes(4, "little")
    fake = (10).to_bytes(4, "little")
    data = data.replace(real, fake)  # both local and central headers now claim 10 bytes
    path = tmp_path / "liar.zip"
    path.write_bytes(bytes(data))
    with pytest.raises(ArchiveRefused):
        plan_import(path, home, load_library(user_dir=home / "routines"))
    assert _user_files(home) == []


def test_not_a_zip_is_refused(home: Path, tmp_path: Path) -> None:
    """A .zip that is not an archive gets a clear message."""
    path = tmp_path / "fake.zip"
    path.write_bytes(b"not a zip at all")
    with pytest.raises(ArchiveRefused, match="not a readable zip archive"):
        plan_import(path, home, load_library(user_dir=home / "routines"))


def test_bomb_ratio_is_a_real_bound() -> None:
    """The bomb threshold stays far above what real images and YAML compress to."""
    assert MAX_RATIO >= 50
