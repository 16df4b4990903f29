"""The library loaded in a child process: the same library and problems, the cache stored."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from stretchapp.core.loading import child_load
from stretchapp.core.loading.child_load import load_in_child
from stretchapp.core.loading.library import load_library
from stretchapp.core.loading.library_cache import cache_path, default_folders, stored_library
from stretchapp.core.storage import paths
from tests.helpers.child_python import run_python
from tests.helpers.routine_texts import ONE_HOLD

# A wrong type, an unknown key and a hold out of range: several problems, with places.
BROKEN = """\
format: 1
id: broken-one
title: Broken
group: calf
kind: relief
colour: red
steps:
  - stretch: {stretch}
    hold: -4
  - stretch: 12
"""


def _user_folder(home: Path) -> Path:
    user = paths.user_routines_dir(home)
    stretch = sorted(load_library(user_dir=None).stretches)[0]
    (user / "mine.yaml").write_text(ONE_HOLD.format(stretch=stretch))
    (user / "broken.yaml").write_text(BROKEN.format(stretch=stretch))
    (user / "not-yaml.yaml").write_text("steps: [unclosed\n")
    return user


def test_the_childs_library_is_the_one_loaded_here(home: Path) -> None:
    """Routines, stretches and every file's problems (text and place) equal an in-process load."""
    user = _user_folder(home)
    here = load_library(user_dir=user)
    there = load_in_child(user, cache_path(paths.cache_dir(home)))
    assert there is not None
    assert there == here
    broken = [report for report in there.files if report.path.name == "broken.yaml"]
    assert broken and broken[0].problems == next(
        r for r in here.files if r.path.name == "broken.yaml").problems
    assert len(broken[0].problems) >= 2


def test_the_child_stores_the_start_up_cache(home: Path) -> None:
    """After a child's load the next start reads the stored library, equal to the child's."""
    user = _user_folder(home)
    cache = cache_path(paths.cache_dir(home))
    there = load_in_child(user, cache)
    assert stored_library(cache, default_folders(user)) == there


def test_a_child_that_fails_says_none(home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A child that cannot run its module gives None (the caller then loads itself)."""
    monkeypatch.setattr(child_load, "CHILD_MODULE", "stretchapp.core.loading.no_such_module")
    assert load_in_child(None, cache_path(paths.cache_dir(home))) is None


def test_a_child_that_writes_garbage_says_none(home: Path,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    """A child whose stdout is not a library's pickle gives None, not an exception."""
    monkeypatch.setattr(child_load, "CHILD_MODULE", "this")  # prints the Zen of Python
    assert load_in_child(None, cache_path(paths.cache_dir(home))) is None


def test_the_app_loads_a_fresh_home_without_pydantic(tmp_path: Path) -> None:
    """In a process started like the app, a first load leaves pydantic and the YAML loader out."""
    home = tmp_path / "home"
    script = (
        "import json, sys\n"
        "from pathlib import Path\n"
        "from stretchapp.app import deferred_imports\n"
        f"home = Path({str(home)!r})\n"
        "library = deferred_imports.load_library(home / 'routines', home / 'cache')\n"
        "print(json.dumps({'routines': len(library.routines),\n"
        "                  'pydantic': 'pydantic' in sys.modules,\n"
        "                  'loader': 'stretchapp.core.loading.library' in sys.modules,\n"
        "                  'yaml': 'yaml' in sys.modules}))\n"
    )
    done = run_python(script, timeout=120)
    found = json.loads(done.stdout.splitlines()[-1])
    assert found == {"routines": len(load_library(user_dir=None).routines),
                     "pydantic": False, "loader": False, "yaml": False}
