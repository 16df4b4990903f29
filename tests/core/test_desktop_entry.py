"""Desktop entries and the autostart entry, written into temporary XDG folders."""

from __future__ import annotations

from pathlib import Path

import pytest

from stretchapp.core.habit.desktop_entry import (
    autostart_enabled,
    autostart_path,
    entry_path,
    exec_line,
    install,
    set_autostart,
    uninstall,
)


@pytest.fixture
def xdg(tmp_path: Path) -> dict[str, str]:
    return {"XDG_DATA_HOME": str(tmp_path / "data"), "XDG_CONFIG_HOME": str(tmp_path / "cfg")}


def test_start_at_login_writes_and_removes_the_autostart_entry(xdg: dict[str, str]) -> None:
    """Turning it on writes an autostart entry that runs the app; off removes it."""
    assert not autostart_enabled(xdg)
    path = set_autostart(True, ["/usr/bin/python3", "-m", "stretchapp"], xdg)
    assert path == Path(xdg["XDG_CONFIG_HOME"]) / "autostart" / "stretchapp.desktop"
    text = path.read_text(encoding="utf-8")
    assert "Exec=/usr/bin/python3 -m stretchapp" in text
    assert "X-GNOME-Autostart-enabled=true" in text
    assert autostart_enabled(xdg)
    set_autostart(False, [], xdg)
    assert not path.exists() and not autostart_enabled(xdg)


def test_someone_elses_entry_is_left_alone(xdg: dict[str, str]) -> None:
    """An autostart file of the same name that this app did not write is never removed."""
    path = autostart_path(xdg)
    path.parent.mkdir(parents=True)
    path.write_text("[Desktop Entry]\nName=Mine\n", encoding="utf-8")
    assert not autostart_enabled(xdg)
    set_autostart(False, [], xdg)
    uninstall(xdg)
    assert path.read_text(encoding="utf-8").endswith("Name=Mine\n")


def test_install_then_uninstall_leaves_nothing(xdg: dict[str, str]) -> None:
    """Every file install writes, uninstall removes (autostart included)."""
    written = install(["stretchapp"], "<svg/>", xdg)
    set_autostart(True, ["stretchapp"], xdg)
    removed = uninstall(xdg)
    assert set(written) | {autostart_path(xdg)} == set(removed)
    assert not entry_path(xdg).exists()


def split_exec(line: str) -> list[str]:
    """The Exec key split as the desktop entry spec says (quotes, backslash, %%)."""
    args, current, quoted, escaped, started = [], "", False, False, False
    for char in line.replace("%%", "\0"):
        if escaped:
            current, escaped = current + char, False
        elif quoted and char == "\\":
            escaped = True
        elif char == '"':
            quoted, started = not quoted, True
        elif char == " " and not quoted:
            if current or started:
                args.append(current)
            current, started = "", False
        else:
            current += char
    args.append(current)
    return [a.replace("\0", "%") for a in args]


@pytest.mark.parametrize("arg", ["plain", "with space", 'q"uote', "dollar$", "back\\slash",
                                 "percent%"])
def test_exec_quoting_keeps_each_argument_whole(arg: str) -> None:
    """An argument with spaces or specials is quoted so the desktop passes it as one."""
    assert split_exec(exec_line(["/bin/app", arg])) == ["/bin/app", arg]
