"""The app's settings, remembered between runs in the app's home as JSON.

Pure data and plain functions: the Qt layer (stretchapp.app.settings_bridge)
shows and changes them. A missing file means the defaults; a corrupt or
half-valid one also gives the defaults (for the bad values) with a notice for
the user, never a crash. Writes replace the file in one step.
"""

from __future__ import annotations

import json
import math
from dataclasses import asdict, dataclass, fields, replace
from pathlib import Path

from stretchapp.core.loading.bounded_read import ReadRefused, decode_text, parse_json, read_bounded
from stretchapp.core.model import Routine
from stretchapp.core.storage import paths
from stretchapp.core.storage.safe_write import clean_stale_temps, keep_copy, write_atomically

SETTINGS_FILE = "settings.json"
# A settings file is a few hundred bytes; anything far larger is not one.
MAX_SETTINGS_BYTES = 256 * 1024
THEMES = ("system", "light", "dark")
# The get-ready times the settings offer; None keeps each routine's own.
PREPARE_CHOICES = (None, 3, 5, 10, 15, 20)
MAX_PREPARE = 600
# How Qt Quick draws: "auto" picks software drawing where OpenGL is itself
# software (stretchapp.app.renderer); the others force one.
RENDERERS = ("auto", "software", "opengl")
# Speaking rates in words per minute, labelled for people: slow, normal, brisk.
VOICE_RATES = (130, 160, 200)
MAX_ACKNOWLEDGED = 2000  # routine ids remembered; a file with more is cut, not refused


@dataclass(frozen=True)
class Geometry:
    """The main window's place and size on screen, in device-independent pixels."""

    x: int
    y: int
    width: int
    height: int
    maximized: bool = False


@dataclass(frozen=True)
class Settings:
    """Everything the app remembers for a user."""

    theme: str = "system"  # one of THEMES
    volume: float = 0.8  # 0..1
    muted: bool = False
    voice: bool = True
    voice_rate: int = 160  # words per minute, one of VOICE_RATES
    prepare_override: int | None = None  # seconds of get-ready time, None: the routine's
    geometry: Geometry | None = None
    renderer: str = "auto"  # one of RENDERERS, used from the next start
    # Reminders: rule lines as typed, on/off, a pause's end (epoch).
    reminders: tuple[str, ...] = ()
    reminders_on: bool = False
    reminders_paused_until: float | None = None
    welcome_seen: bool = False  # the first-launch screen was read
    # Relief routines whose safety note the user has acknowledged, by routine id.
    safety_acknowledged: tuple[str, ...] = ()


MAX_REMINDERS = 20
MAX_REMINDER_TEXT = 300


def _reminder_values(data: dict[str, object], bad: list[str]) -> dict[str, object]:
    """The reminder keys of the file, each bad one replaced by its default and named."""
    values: dict[str, object] = {}
    lines = data.get("reminders", [])
    if (not isinstance(lines, list) or len(lines) > MAX_REMINDERS
            or not all(isinstance(x, str) and len(x) <= MAX_REMINDER_TEXT for x in lines)):
        bad.append("reminders")
        lines = []
    values["reminders"] = tuple(lines)
    on = data.get("reminders_on", False)
    if not isinstance(on, bool):
        bad.append("reminders_on")
        on = False
    values["reminders_on"] = on
    until = data.get("reminders_paused_until")
    if until is not None and (isinstance(until, bool) or not isinstance(until, int | float)
                              or not math.isfinite(until) or until < 0):
        bad.append("reminders_paused_until")
        until = None
    values["reminders_paused_until"] = None if until is None else float(until)
    return values


@dataclass(frozen=True)
class LoadedSettings:
    """Settings as read from disk, with a sentence for the user when something was wrong."""

    settings: Settings
    notice: str = ""


def settings_path(home: Path) -> Path:
    return home / SETTINGS_FILE


def _geometry(value: object) -> Geometry | None:
    if not isinstance(value, dict):
        return None
    numbers: list[int] = []
    for key in ("x", "y", "width", "height"):
        number = value.get(key)
        if not isinstance(number, int) or isinstance(number, bool):
            return None
        numbers.append(number)
    x, y, width, height = numbers
    if not (100 <= width <= 20000 and 100 <= height <= 20000):
        return None
    if not (-20000 <= x <= 20000 and -20000 <= y <= 20000):
        return None
    return Geometry(x, y, width, height, value.get("maximized") is True)


def _routine_ids(value: object) -> tuple[str, ...] | None:
    """A list of routine ids read back, or None when it is not one."""
    if not isinstance(value, list):
        return None
    if not all(isinstance(item, str) and 0 < len(item) <= 200 for item in value):
        return None
    return tuple(dict.fromkeys(value))[:MAX_ACKNOWLEDGED]


def acknowledge(settings: Settings, routine_id: str) -> Settings:
    """The settings with routine_id's safety note remembered as acknowledged."""
    if routine_id in settings.safety_acknowledged:
        return settings
    ids = (*settings.safety_acknowledged, routine_id)[-MAX_ACKNOWLEDGED:]
    return replace(settings, safety_acknowledged=ids)


def _from_data(data: dict[str, object]) -> tuple[Settings, list[str]]:
    """Settings from parsed JSON, each bad value replaced by its default and named."""
    default = Settings()
    bad: list[str] = []
    theme = data.get("theme", default.theme)
    if theme not in THEMES:
        bad.append("theme")
        theme = default.theme
    volume = data.get("volume", default.volume)
    if (isinstance(volume, bool) or not isinstance(volume, int | float)
            or not math.isfinite(volume) or not 0 <= volume <= 1):
        bad.append("volume")
        volume = default.volume
    flags: dict[str, bool] = {}
    for name in ("muted", "voice", "welcome_seen"):
        value = data.get(name, getattr(default, name))
        if not isinstance(value, bool):
            bad.append(name)
            value = getattr(default, name)
        flags[name] = value
    rate = data.get("voice_rate", default.voice_rate)
    if rate not in VOICE_RATES or isinstance(rate, bool):
        bad.append("voice_rate")
        rate = default.voice_rate
    prepare = data.get("prepare_override")
    if prepare is not None and (isinstance(prepare, bool) or not isinstance(prepare, int)
                                or not 0 <= prepare <= MAX_PREPARE):
        bad.append("prepare_override")
        prepare = None
    renderer = data.get("renderer", default.renderer)
    if renderer not in RENDERERS:
        bad.append("renderer")
        renderer = default.renderer
    raw_geometry = data.get("geometry")
    geometry = _geometry(raw_geometry)
    if raw_geometry is not None and geometry is None:
        bad.append("geometry")
    acknowledged = _routine_ids(data.get("safety_acknowledged", []))
    if acknowledged is None:
        bad.append("safety_acknowledged")
        acknowledged = ()
    settings = Settings(theme=str(theme), volume=float(volume), muted=flags["muted"],
                        voice=flags["voice"], voice_rate=int(rate), prepare_override=prepare,
                        geometry=geometry, welcome_seen=flags["welcome_seen"],
                        safety_acknowledged=acknowledged, renderer=str(renderer))
    settings = replace(settings, **_reminder_values(data, bad))  # type: ignore[arg-type]
    return settings, bad


def load_settings(home: Path) -> LoadedSettings:
    """The saved settings, or the defaults; never raises for a bad file.

    Whatever is wrong, the file as it was is copied into the backups folder
    first (the notice says where): the app may rewrite it, never lose it.
    """
    path = settings_path(home)
    try:
        data = parse_json(path, decode_text(path, read_bounded(path, MAX_SETTINGS_BYTES)))
    except ReadRefused as error:
        if error.missing:
            return LoadedSettings(Settings())
        kept = _keep_damaged(home, path)
        return LoadedSettings(Settings(), f"Your settings could not be read "
                              f"({error.problem.message}); the defaults are used.{kept}")
    if not isinstance(data, dict):
        kept = _keep_damaged(home, path)
        return LoadedSettings(Settings(), f"Your settings file {path} is damaged; "
                              f"the defaults are used.{kept}")
    settings, bad = _from_data(data)
    notice = ""
    if bad:
        kept = _keep_damaged(home, path)
        notice = (f"Some settings in {path} were not valid ({', '.join(bad)}); "
                  f"their defaults are used.{kept}")
    return LoadedSettings(settings, notice)


def _keep_damaged(home: Path, path: Path) -> str:
    """Copy a settings file that is about to be rewritten; a sentence saying where."""
    try:
        kept = keep_copy(path, paths.backup_dir(home) / "damaged", "settings")
    except OSError:
        return " It could not be copied aside (it is not a regular, readable file)."
    return f" The file as it was is kept at {kept}."


def save_settings(home: Path, settings: Settings, *, base: Settings | None = None) -> Settings:
    """Write the settings in one step; OSError when the home cannot be written.

    With base (the settings as this instance last read or wrote them), only
    the settings changed since base are taken from `settings`; the others are
    read again from the file, so a second running instance's changes are
    kept, not reverted (last writer wins, setting by setting). Returns what
    was written.
    """
    clean_stale_temps(home)
    merged = settings if base is None else _merge(home, settings, base)
    data = asdict(merged)
    write_atomically(settings_path(home), json.dumps(data, indent=2, sort_keys=True) + "\n")
    return merged


def _merge(home: Path, mine: Settings, base: Settings) -> Settings:
    path = settings_path(home)
    try:
        data = parse_json(path, decode_text(path, read_bounded(path, MAX_SETTINGS_BYTES)))
    except ReadRefused:
        return mine
    if not isinstance(data, dict):
        return mine
    on_disk, _ = _from_data(data)
    changes = {f.name: getattr(mine, f.name) for f in fields(Settings)
               if getattr(mine, f.name) != getattr(base, f.name)}
    return replace(on_disk, **changes)


def with_prepare(routine: Routine, seconds: int | None) -> Routine:
    """The routine with every step's get-ready time set to seconds (None: unchanged)."""
    if seconds is None:
        return routine
    steps = tuple(replace(step, prepare=seconds) for step in routine.steps)
    return replace(routine, steps=steps)


def setting_names() -> tuple[str, ...]:
    """The names of the settings, as the file writes them."""
    return tuple(f.name for f in fields(Settings))
