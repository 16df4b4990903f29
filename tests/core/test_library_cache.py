"""The library kept between start-ups: used while its files are unchanged, never after."""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from stretchapp.core.loading import library_cache
from stretchapp.core.loading.library import Library, load_library
from stretchapp.core.loading.library_cache import (
    cache_key,
    cache_path,
    default_folders,
    read_cached,
    stored_library,
)
from stretchapp.core.storage import paths
from tests.helpers.child_python import run_python
from tests.helpers.routine_texts import ONE_HOLD


def _cache(home: Path) -> Path:
    return cache_path(paths.cache_dir(home))


def _summary(library: Library) -> dict[str, object]:
    """What a library shows: its routines with titles, steps and length, and its stretches."""
    return {"routines": {rid: (r.title, len(r.steps), r.total_seconds)
                         for rid, r in library.routines.items()},
            "stretches": sorted(library.stretches),
            "files": [(str(f.path), f.kind, len(f.problems)) for f in library.files]}


def _any_stretch() -> str:
    return sorted(load_library(user_dir=None).stretches)[0]


def test_a_stored_library_is_the_library_loaded_from_its_files(home: Path) -> None:
    """The library read back from the cache shows the same as one loaded from the files."""
    user = paths.user_routines_dir(home)
    (user / "mine.yaml").write_text(ONE_HOLD.format(stretch=_any_stretch()))
    loaded = load_library(user_dir=user, cache=_cache(home))
    assert _cache(home).is_file()
    stored = stored_library(_cache(home), default_folders(user))
    assert stored is not None
    assert _summary(stored) == _summary(loaded) == _summary(load_library(user_dir=user))
    assert "my-calves" in stored.routines


def test_the_cache_is_used_while_nothing_changed(home: Path) -> None:
    """A second load comes from the cache: the loader is not called again."""
    user = paths.user_routines_dir(home)
    load_library(user_dir=user, cache=_cache(home))
    calls: list[int] = []

    def loader() -> Library:
        calls.append(1)
        return load_library(user_dir=user)

    library_cache.cached_library(_cache(home), default_folders(user), loader)
    assert calls == []


@pytest.mark.parametrize("change", ["add", "edit", "same-size", "remove"])
def test_any_change_to_a_user_file_makes_a_new_load(home: Path, change: str) -> None:
    """Adding, editing (even to the same size) or removing a user file is seen at once."""
    user = paths.user_routines_dir(home)
    mine = user / "mine.yaml"
    text = ONE_HOLD.format(stretch=_any_stretch())
    if change != "add":
        mine.write_text(text)
    before = load_library(user_dir=user, cache=_cache(home))
    if change == "add":
        mine.write_text(text)
    elif change == "edit":
        mine.write_text(text.replace("My calves", "My calves, longer"))
    elif change == "same-size":
        mine.write_text(text.replace("My calves", "My CALVES"))
        os.utime(mine, ns=(mine.stat().st_atime_ns, mine.stat().st_mtime_ns + 1_000_000))
    else:
        mine.unlink()
    assert stored_library(_cache(home), default_folders(user)) is None
    after = load_library(user_dir=user, cache=_cache(home))
    expected = load_library(user_dir=user)
    assert _summary(after) == _summary(expected) != _summary(before)


def test_a_changed_builtin_file_or_version_makes_a_new_load(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A built-in file changed (a checkout, an upgrade) or a new app version is seen."""
    builtin = tmp_path / "builtin"
    shutil.copytree(paths.builtin_routines_dir(), builtin)
    cache = tmp_path / "cache" / "library.pickle"
    folders = (builtin, None, paths.images_dir(), paths.sounds_dir())
    first = load_library(builtin_dir=builtin, cache=cache)
    key = cache_key(folders)
    assert key is not None and read_cached(cache, key) is not None
    monkeypatch.setattr(library_cache, "__version__", "99.0")
    assert read_cached(cache, cache_key(folders) or ()) is None
    monkeypatch.undo()
    calf = builtin / "calf" / "calf-relief.yaml"
    calf.write_text(calf.read_text().replace("title: ", "title: Changed ", 1))
    again = load_library(builtin_dir=builtin, cache=cache)
    assert again.routines["calf-relief"].title.startswith("Changed ")
    assert not first.routines["calf-relief"].title.startswith("Changed ")


@given(st.binary(max_size=512))
def test_a_damaged_cache_file_is_never_used(data: bytes) -> None:
    """Any bytes in the cache file are ignored (no exception, no library from them)."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "library.pickle"
        path.write_bytes(data)
        key = cache_key((paths.builtin_routines_dir(),))
        assert key is not None
        assert read_cached(path, key) is None


def test_a_damaged_cache_is_replaced_by_the_next_load(home: Path) -> None:
    """A truncated cache file is loaded over and written again, whole."""
    user = paths.user_routines_dir(home)
    load_library(user_dir=user, cache=_cache(home))
    whole = _cache(home).read_bytes()
    _cache(home).write_bytes(whole[: len(whole) // 2])
    assert stored_library(_cache(home), default_folders(user)) is None
    load_library(user_dir=user, cache=_cache(home))
    assert stored_library(_cache(home), default_folders(user)) is not None


def test_an_unwritable_cache_folder_still_gives_the_library(tmp_path: Path) -> None:
    """A cache that cannot be written is skipped: the library still loads."""
    blocked = tmp_path / "file-not-folder"
    blocked.write_text("")
    library = load_library(user_dir=None, cache=blocked / "library.pickle")
    assert len(library.routines) >= 9


def test_reading_the_stored_library_imports_no_pydantic(home: Path) -> None:
    """The start-up path (stored_library) needs neither pydantic nor the YAML loader."""
    user = paths.user_routines_dir(home)
    load_library(user_dir=user, cache=_cache(home))
    script = (
        "import sys\n"
        "from pathlib import Path\n"
        "from stretchapp.core.loading.library_cache import stored_library, default_folders\n"
        f"cache, user = Path({str(_cache(home))!r}), Path({str(user)!r})\n"
        "lib = stored_library(cache, default_folders(user))\n"
        "assert lib is not None and len(lib.routines) >= 9\n"
        "heavy = ('pydantic', 'yaml', 'ruamel')\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in heavy))\n"
    )
    out = run_python(script, check=False)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "[]"


def test_an_edit_inside_a_linked_folder_makes_a_new_load(home: Path, tmp_path: Path) -> None:
    """A routine in a folder the user links in is watched too: editing it is seen at once."""
    user = paths.user_routines_dir(home)
    shared = tmp_path / "dotfiles"
    shared.mkdir()
    mine = shared / "mine.yaml"
    text = ONE_HOLD.format(stretch=_any_stretch())
    mine.write_text(text)
    (user / "linked").symlink_to(shared, target_is_directory=True)
    (shared / "loop").symlink_to(shared, target_is_directory=True)  # a loop must end
    load_library(user_dir=user, cache=_cache(home))
    assert stored_library(_cache(home), default_folders(user)) is not None
    mine.write_text(text.replace("My calves", "My CALVES"))
    os.utime(mine, ns=(mine.stat().st_atime_ns, mine.stat().st_mtime_ns + 1_000_000))
    assert stored_library(_cache(home), default_folders(user)) is None
