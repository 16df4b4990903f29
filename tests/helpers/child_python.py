"""A Python script run in a child process, this checkout on its path (as the app starts)."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Mapping

from tests.helpers.ui import REPO_ROOT


def run_python(script: str, *args: str, env: Mapping[str, str | None] | None = None,
               timeout: float = 60, check: bool = True) -> subprocess.CompletedProcess[str]:
    """Run `python -c script args` from the repository; env adds variables (None drops one)."""
    variables = dict(os.environ, PYTHONPATH=str(REPO_ROOT))
    for name, value in (env or {}).items():
        if value is None:
            variables.pop(name, None)
        else:
            variables[name] = value
    return subprocess.run([sys.executable, "-c", script, *args], capture_output=True,
                          text=True, env=variables, cwd=REPO_ROOT, timeout=timeout,
                          check=check)
