"""Where stretchapp reads and writes, as functions with an override.

Nothing here runs at import time: a test or a script points the app at a
temporary home with `--home` or STRETCHAPP_HOME and every path follows it.
"""

from __future__ import annotations

import os
from pathlib import Path

HOME_VARIABLE = "STRETCHAPP_HOME"
APP_NAME = "stretchapp"


def home_dir(override: str | os.PathLike[str] | None = None) -> Path:
    """The one folder for a user's routines, settings, history and caches."""
    if override:
        return Path(override).expanduser().resolve()
    from_env = os.environ.get(HOME_VARIABLE)
    if from_env:
        return Path(from_env).expanduser().resolve()
    # Imported only here: with a home given, start-up does without it (about 8 ms).
    import platformdirs

    return Path(platformdirs.user_config_dir(APP_NAME))


def user_routines_dir(home: Path) -> Path:
    """Where the user's own routine files and catalogues live."""
    return home / "routines"


def cache_dir(home: Path) -> Path:
    """Rendered speech and images: safe to delete."""
    return home / "cache"


def backup_dir(home: Path) -> Path:
    """Previous versions of saved and deleted routine files."""
    return home / "backups"


def _data_root() -> Path:
    # An installed wheel carries the data inside the package (pyproject's
    # force-include); a checkout keeps it at the top of the repository.
    package = Path(__file__).resolve().parents[2]  # stretchapp/core/storage/paths.py
    bundled = package / "_data"
    if bundled.is_dir():
        return bundled
    return package.parent


def builtin_routines_dir() -> Path:
    """The routines and stretch catalogue shipped with the app (read-only)."""
    return _data_root() / "routines"


def assets_dir() -> Path:
    """Images, sounds and icons shipped with the app."""
    return _data_root() / "assets"


def images_dir() -> Path:
    return assets_dir() / "images"


def sounds_dir() -> Path:
    return assets_dir() / "sounds"


def ui_dir() -> Path:
    """The QML views."""
    return _data_root() / "ui"
