"""Start-up of the real app: what is (not) done before the routine list is drawn."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]


def start_app(home: Path, env: dict[str, str]) -> dict[str, object]:
    """Start the real app in a process of its own; what it printed at the routine list."""
    (home / "routines").mkdir(parents=True, exist_ok=True)
    full = dict(os.environ, STRETCHAPP_BENCHMARK_STARTUP="1", STRETCHAPP_HOME=str(home),
                PYTHONPATH=str(REPO), **env)
    for name in ("QT_QUICK_BACKEND", "QSG_RHI_BACKEND"):
        full.pop(name, None)
    out = subprocess.run([sys.executable, "-m", "stretchapp"], env=full, capture_output=True,
                         text=True, timeout=120, check=False, cwd=REPO)
    if out.returncode and "xcb" in out.stderr:
        pytest.skip(f"Qt's xcb platform cannot run here: {out.stderr.strip()[-200:]}")
    assert out.returncode == 0, out.stderr
    figures: dict[str, object] = json.loads(out.stdout.strip().splitlines()[-1])
    return figures


def test_the_routine_list_needs_no_pydantic_first_or_cached(tmp_path: Path) -> None:
    """A fresh home's list is loaded by a child process, the second start's comes from the
    cache: neither imports pydantic into the app."""
    home = tmp_path / "home"
    first = start_app(home, {"QT_QPA_PLATFORM": "offscreen"})
    assert (home / "cache" / "library.pickle").is_file()  # the child stored it
    second = start_app(home, {"QT_QPA_PLATFORM": "offscreen"})
    assert first["pydantic_loaded"] is False
    assert second["pydantic_loaded"] is False


def test_the_routine_list_comes_before_the_late_imports(tmp_path: Path) -> None:
    """Once cached, the list is drawn with no Qt enum built and nothing of what comes after."""
    home = tmp_path / "home"
    start_app(home, {"QT_QPA_PLATFORM": "offscreen"})
    second = start_app(home, {"QT_QPA_PLATFORM": "offscreen"})
    assert second["early_imports"] == []
    assert second["qt_namespace_built"] is False


def test_the_editor_is_made_when_first_asked_for_and_sees_the_library(tmp_path: Path) -> None:
    """Started the way the app starts (cache warm), nothing imports pydantic or ruamel until
    QML asks for the editor; then both bridges are there, with the library."""
    script = (
        "import sys\n"
        "from pathlib import Path\n"
        "from PySide6.QtGui import QGuiApplication\n"
        "app = QGuiApplication(sys.argv[:1])\n"
        "from stretchapp.app.shell import AppShell\n"
        f"shell = AppShell(Path({str(tmp_path)!r}), threaded_load=False)\n"
        "shell.start_once()\n"
        "assert shell.library.library is not None\n"
        "shell.start_rest()\n"
        "assert shell.editor is None and shell.sharing is None\n"
        "early = [m for m in ('pydantic', 'ruamel.yaml') if m in sys.modules]\n"
        "shell.editing.ensure()\n"
        "assert shell.editor.library is shell.library.library\n"
        "assert shell.sharing is not None and 'pydantic' in sys.modules\n"
        "shell.shutdown(None)\n"
        "print('early', *early)\n"
    )
    env = dict(os.environ, PYTHONPATH=str(REPO), QT_QPA_PLATFORM="offscreen")
    runs = [subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                           env=env, timeout=120, check=False, cwd=REPO) for _ in range(2)]
    for out in runs:
        assert out.returncode == 0, out.stderr
    # The first start loads (and stores) the library; the second reads the stored one.
    assert runs[1].stdout.strip().splitlines()[-1] == "early"
