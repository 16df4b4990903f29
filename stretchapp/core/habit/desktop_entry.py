"""The app in the desktop's menus, and (opt-in) started at login: XDG files.

    $XDG_DATA_HOME/applications/stretchapp.desktop            (the menu entry)
    $XDG_DATA_HOME/icons/hicolor/scalable/apps/stretchapp.svg  (its icon)
    $XDG_CONFIG_HOME/autostart/stretchapp.desktop             (start at login)

Folders come from the environment given (the real one by default), so tests
point them at temporary folders. Only files this module wrote are removed.
"""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence
from pathlib import Path

from stretchapp.core.storage.safe_write import write_atomically

APP_ID = "stretchapp"
ENTRY_NAME = f"{APP_ID}.desktop"
ICON_NAME = f"{APP_ID}.svg"
MARK = "X-Stretchapp-Written=true"  # our files carry it; others are left alone
_EXEC_SPECIAL = '"`$\\'


class DesktopEntryError(Exception):
    """A file could not be written or removed; the message names it."""


def data_home(environ: Mapping[str, str] = os.environ) -> Path:
    value = environ.get("XDG_DATA_HOME", "")
    return Path(value) if os.path.isabs(value) else Path.home() / ".local" / "share"


def config_home(environ: Mapping[str, str] = os.environ) -> Path:
    value = environ.get("XDG_CONFIG_HOME", "")
    return Path(value) if os.path.isabs(value) else Path.home() / ".config"


def entry_path(environ: Mapping[str, str] = os.environ) -> Path:
    return data_home(environ) / "applications" / ENTRY_NAME


def icon_path(environ: Mapping[str, str] = os.environ) -> Path:
    return data_home(environ) / "icons" / "hicolor" / "scalable" / "apps" / ICON_NAME


def autostart_path(environ: Mapping[str, str] = os.environ) -> Path:
    return config_home(environ) / "autostart" / ENTRY_NAME


def launch_command(python: str, home: Path | None = None) -> list[str]:
    """How the desktop starts this app: this Python, the package, the home if not default."""
    command = [python, "-m", APP_ID]
    if home is not None:
        command += ["--home", str(home)]
    return command


def exec_line(command: Sequence[str]) -> str:
    """A command as the Exec key of a desktop entry quotes it."""
    parts = []
    for arg in command:
        if arg and not any(c in arg for c in ' \t\n"\'\\><~|&;$*?#()`%='):
            parts.append(arg)
        else:
            escaped = "".join("\\" + c if c in _EXEC_SPECIAL else c for c in arg)
            parts.append('"' + escaped.replace("%", "%%") + '"')
    return " ".join(parts)


def entry_text(command: Sequence[str], *, autostart: bool = False) -> str:
    """The desktop entry that starts the app with command."""
    lines = ["[Desktop Entry]", "Type=Application", "Version=1.5", "Name=stretchapp",
             "GenericName=Stretching routines",
             "Comment=Timed, guided stretching routines with reminders",
             f"Exec={exec_line(command)}", f"Icon={APP_ID}", "Terminal=false",
             "Categories=Utility;Education;", "Keywords=stretch;exercise;break;reminder;",
             "StartupWMClass=stretchapp", MARK]
    if autostart:
        lines += ["X-GNOME-Autostart-enabled=true", "NoDisplay=true"]
    return "\n".join(lines) + "\n"


def _write(path: Path, text: str) -> None:
    try:
        write_atomically(path, text)
    except OSError as error:
        raise DesktopEntryError(f"cannot write {path}: {error.strerror or error}") from error


def _ours(path: Path) -> bool:
    try:
        return MARK in path.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return False


def _remove(path: Path) -> bool:
    try:
        path.unlink()
    except FileNotFoundError:
        return False
    except OSError as error:
        raise DesktopEntryError(f"cannot remove {path}: {error.strerror or error}") from error
    return True


def install(command: Sequence[str], icon_svg: str,
            environ: Mapping[str, str] = os.environ) -> list[Path]:
    """Write the menu entry and the icon; the paths written."""
    entry, icon = entry_path(environ), icon_path(environ)
    _write(icon, icon_svg)
    _write(entry, entry_text(command))
    return [entry, icon]


def uninstall(environ: Mapping[str, str] = os.environ) -> list[Path]:
    """Remove the menu entry, its icon and the autostart entry this app wrote."""
    removed = []
    for path in (entry_path(environ), autostart_path(environ)):
        if path.exists() and not _ours(path):
            continue  # someone else's file of the same name
        if _remove(path):
            removed.append(path)
    if _remove(icon_path(environ)):
        removed.append(icon_path(environ))
    return removed


def autostart_enabled(environ: Mapping[str, str] = os.environ) -> bool:
    return _ours(autostart_path(environ))


def set_autostart(on: bool, command: Sequence[str],
                  environ: Mapping[str, str] = os.environ) -> Path:
    """Write (on) or remove (off) the autostart entry; its path."""
    path = autostart_path(environ)
    if on:
        _write(path, entry_text(command, autostart=True))
    elif _ours(path):
        _remove(path)
    return path
