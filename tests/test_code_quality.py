"""The code itself: lint, types, and the core/app boundary."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
CORE = REPO / "stretchapp" / "core"


def test_core_never_imports_qt() -> None:
    """No module under stretchapp/core imports PySide6, even inside a function."""
    offenders = []
    for path in sorted(CORE.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            names: list[str] = []
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            if any(n.split(".")[0] in ("PySide6", "shiboken6", "stretchapp.app")
                   or n.startswith("stretchapp.app") for n in names):
                offenders.append(f"{path.relative_to(REPO)}:{node.lineno}")
    assert offenders == []


def test_core_imports_without_qt_loaded() -> None:
    """Importing every core module in a fresh interpreter loads no PySide6."""
    modules = sorted(".".join(("stretchapp", "core", *p.relative_to(CORE).with_suffix("").parts))
                     for p in CORE.rglob("*.py") if p.stem != "__init__")
    code = ("import sys\n" + "".join(f"import {m}\n" for m in modules)
            + "print(any(k.startswith('PySide6') for k in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True, cwd=REPO)
    assert out.stdout.strip() == "False"


def test_ruff_is_clean() -> None:
    """ruff finds nothing to complain about in the code, tests and benchmarks."""
    out = subprocess.run([sys.executable, "-m", "ruff", "check", "stretchapp", "tests",
                          "benchmarks", "scripts"], capture_output=True, text=True, cwd=REPO)
    assert out.returncode == 0, out.stdout + out.stderr


def test_mypy_is_clean() -> None:
    """mypy (strict for stretchapp/core) finds no type errors in the package."""
    out = subprocess.run([sys.executable, "-m", "mypy", "stretchapp"],
                         capture_output=True, text=True, cwd=REPO)
    assert out.returncode == 0, out.stdout + out.stderr


MAX_MODULE_LINES = 400


def test_no_module_is_over_400_lines() -> None:
    """Every Python module of the package is at most 400 lines long."""
    long = {}
    for path in sorted((REPO / "stretchapp").rglob("*.py")):
        name = path.relative_to(REPO).as_posix()
        lines = len(path.read_text(encoding="utf-8").splitlines())
        if lines > MAX_MODULE_LINES:
            long[name] = lines
    assert long == {}


def test_no_qml_file_is_over_400_lines() -> None:
    """Every QML view is at most 400 lines long (split a page into components)."""
    long = {}
    for path in sorted((REPO / "ui").rglob("*.qml")):
        name = path.relative_to(REPO).as_posix()
        lines = len(path.read_text(encoding="utf-8").splitlines())
        if lines > MAX_MODULE_LINES:
            long[name] = lines
    assert long == {}
