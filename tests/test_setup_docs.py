"""The README's set-up commands, the lock they install from, and CI running them unchanged."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def _shell_blocks() -> list[str]:
    text = (REPO / "README.md").read_text(encoding="utf-8")
    return [block.strip() for block in re.findall(r"```sh\n(.*?)```", text, re.S)]


def test_ci_runs_the_readme_test_command_unchanged() -> None:
    """.ci/run ends by running, letter for letter, the README's command that runs pytest."""
    [command] = [block for block in _shell_blocks() if "pytest" in block]
    lines = (REPO / ".ci" / "run").read_text(encoding="utf-8").strip().splitlines()
    assert lines[-1] == command


def test_both_readme_commands_use_a_venv_and_the_lock() -> None:
    """The start and test commands make a virtual environment and install through the lock."""
    commands = [block for block in _shell_blocks() if "pip install" in block]
    assert len(commands) == 2
    for command in commands:
        assert command.startswith("python3 -m venv .venv && ")
        assert "-c requirements.lock" in command


def test_the_lock_pins_every_dependency_exactly() -> None:
    """Every runtime and test dependency in pyproject.toml has one exact pin in the lock."""
    pins: dict[str, str] = {}
    for line in (REPO / "requirements.lock").read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            name, _, version = line.partition("==")
            assert version, f"not an exact pin: {line}"
            pins[re.sub(r"[-_.]+", "-", name).lower()] = version
    project = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    wanted = project["dependencies"] + project["optional-dependencies"]["test"]
    for requirement in wanted:
        name = re.split(r"[<>=!~\[ ;]", requirement, maxsplit=1)[0]
        assert re.sub(r"[-_.]+", "-", name).lower() in pins, f"{name} is not locked"
