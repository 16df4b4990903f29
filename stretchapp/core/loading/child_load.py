"""The library loaded in a child Python process, so the app's own never imports the loader.

A first start (or any start after a routine file changed) must read, parse and
check every file: the YAML loader, the schema and pydantic, about 20 MB of
resident memory that a process never gives back once imported, for a user who
then only plays. Loading in a short-lived child keeps them out: the child runs
the very same `load_library` (so every problem and message is the same one),
stores the start-up cache as the app would, and hands the library back as the
pickle the cache holds. The app's process unpickles plain data (core.model and
core.loading.library_model), as it does from the start-up cache.

When the child cannot run or fails in any way, `load_in_child` says so (None)
and the caller loads in its own process, as before: the child only ever saves
memory, it never changes what is loaded or said.
"""

from __future__ import annotations

import logging
import os
import pickle
import subprocess
import sys
from pathlib import Path

import stretchapp
from stretchapp.core.loading.library_model import Library

log = logging.getLogger(__name__)

# A library of a few hundred files loads in well under a second; a child that
# takes this long is stuck, and the load is done in the app's process instead.
TIMEOUT_S = 300.0
# What the child runs (it imports the loader; this module does not).
CHILD_MODULE = "stretchapp.core.loading.library_child"


def package_root() -> Path:
    """The folder that holds this stretchapp package (the child imports the same one)."""
    return Path(stretchapp.__file__).resolve().parent.parent


def child_command(user_dir: Path | None, cache: Path) -> list[str]:
    """How the child is started: this Python, this module, the two folders."""
    return [sys.executable, "-m", CHILD_MODULE, "" if user_dir is None else str(user_dir),
            str(cache)]


def child_environment() -> dict[str, str]:
    """The app's environment, with this package first on the child's import path."""
    env = dict(os.environ)
    rest = env.get("PYTHONPATH", "")
    env["PYTHONPATH"] = str(package_root()) + (os.pathsep + rest if rest else "")
    return env


def load_in_child(user_dir: Path | None, cache: Path) -> Library | None:
    """The library as `load_library(user_dir=..., cache=...)` makes it, made in a child.

    None when no child can be started here (a frozen app, no interpreter) or
    it failed: the caller then loads in its own process.
    """
    if getattr(sys, "frozen", False) or not sys.executable:
        return None
    try:
        done = subprocess.run(child_command(user_dir, cache), capture_output=True,
                              stdin=subprocess.DEVNULL, env=child_environment(),
                              timeout=TIMEOUT_S, check=False)
    except (OSError, subprocess.SubprocessError) as error:
        log.info("library child could not run (%s); loading here", error)
        return None
    if done.returncode != 0:
        log.info("library child failed (%s): %s; loading here", done.returncode,
                 done.stderr.decode("utf-8", "replace")[-2000:])
        return None
    try:
        # The bytes of our own child, made by the same code as the start-up cache.
        library = pickle.loads(done.stdout)
    except Exception as error:  # any damage in the hand-over costs only the child's work
        log.info("library child's answer unreadable (%s); loading here", error)
        return None
    return library if isinstance(library, Library) else None
