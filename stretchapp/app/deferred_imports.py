"""The one place where the app imports late, so that the first frame comes sooner.

The loader needs pydantic, the editor ruamel, the cue player QtMultimedia and
speech: together they cost more than the window itself. Start-up shows the
window first and asks for them here afterwards (the library on a worker
thread, the rest after the first frame). Every other module imports at its top.
"""

from __future__ import annotations

import sys
import threading
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtGui import QGuiApplication

# The late imports of the loader's libraries, one thread at a time: the library
# loads on a worker while a click may ask for the editor on the GUI thread, and
# pydantic imported on two threads at once under PySide's import hook was seen
# to fail ("partially initialized module"). Held only while importing.
IMPORTING = threading.RLock()

if TYPE_CHECKING:
    from stretchapp.app.cue_player import CuePlayer
    from stretchapp.app.editor_bridge import EditorBridge
    from stretchapp.app.habit_wiring import HabitFeatures
    from stretchapp.app.idle_protocol import IdleSource, NoIdleSource
    from stretchapp.app.session_ticker import SessionTicker
    from stretchapp.app.sharing_bridge import SharingBridge
    from stretchapp.app.shell import AppShell
    from stretchapp.app.spoken_cues import SpokenCues
    from stretchapp.app.tray import TrayIcon
    from stretchapp.core.loading.library import Library
    from stretchapp.core.palette import Palette
    from stretchapp.core.pose.model import PoseSpec
    from stretchapp.core.session.engine import SessionEngine
    from stretchapp.core.storage.history import History


def load_library(user_dir: Path, cache_dir: Path | None = None) -> Library:
    """The built-in library and the user's folder.

    With a cache folder, the library stored there is used while its files are
    unchanged (that needs neither pydantic nor the YAML loader); else it is
    loaded and stored for the next start: in a child process while this one has
    not imported pydantic (core.loading.child_load), else here.
    """
    with IMPORTING:
        from stretchapp.core.loading.library_cache import (
            cache_path,
            default_folders,
            stored_library,
        )

    cache = None if cache_dir is None else cache_path(cache_dir)
    if cache is not None:
        stored = stored_library(cache, default_folders(user_dir))
        if stored is not None:
            return stored
        # Until something else has imported the loader (the editor), a load runs
        # in a child process: the loader and pydantic stay out of this one (20 MB).
        if "pydantic" not in sys.modules:
            with IMPORTING:
                from stretchapp.core.loading.child_load import load_in_child
            loaded = load_in_child(user_dir, cache)
            if loaded is not None:
                return loaded
    with IMPORTING:
        from stretchapp.core.loading.library import load_library as load

    return load(user_dir=user_dir, cache=cache)


def widgets_application(argv: list[str]) -> QGuiApplication:
    """A QApplication (QtWidgets, for the tray's menu): only when reminders are on."""
    from PySide6.QtWidgets import QApplication

    return QApplication(argv)


def pose_svg(pose: PoseSpec, palette: Palette, mirrored: bool, *, at: float) -> str:
    """A drawn pose as SVG text (the pose drawing: about 30 ms to import, so on first use)."""
    with IMPORTING:
        from stretchapp.core.pose.svg import render_spec_svg

    return render_spec_svg(pose, palette, mirrored, at=at)


def editing_bridges() -> tuple[type[EditorBridge], type[SharingBridge]]:
    """The editor's and sharing's bridge classes."""
    with IMPORTING:
        from stretchapp.app.editor_bridge import EditorBridge
        from stretchapp.app.sharing_bridge import SharingBridge

    return EditorBridge, SharingBridge


def session_classes() -> tuple[type[SessionEngine], type[SessionTicker]]:
    """The session engine and its Qt ticker (the engine, cues and speech schedule)."""
    from stretchapp.app.session_ticker import SessionTicker
    from stretchapp.core.session.engine import SessionEngine

    return SessionEngine, SessionTicker


def spoken_cues() -> SpokenCues:
    """Where the voice's rendered phrases are kept for the cue player."""
    from stretchapp.app.spoken_cues import SpokenCues

    return SpokenCues()


def open_history(home: Path) -> History:
    """The history of finished and stopped sessions (sqlite3: not on start-up's path)."""
    from stretchapp.core.storage.history import History

    return History(home)


def habit_features(shell: AppShell) -> HabitFeatures:
    """The history page, reminders and tray (made after the routine list is drawn)."""
    from stretchapp.app.habit_wiring import HabitFeatures

    return HabitFeatures(shell)


def tray_possible() -> bool:
    """A QApplication runs (reminders were on at start) and the desktop shows tray icons.

    QtWidgets is imported only with a QApplication, which imported it already.
    """
    app = QCoreApplication.instance()
    if app is None or not app.inherits("QApplication"):
        return False
    from stretchapp.app.tray import tray_possible as shown_here

    return shown_here()


def tray_icon(icon: Path, routines: Callable[[], Sequence[tuple[str, str]]],
              parent: QObject) -> TrayIcon:
    """The tray icon and its menu (QtWidgets): only once tray_possible() said yes."""
    from stretchapp.app.tray import TrayIcon

    return TrayIcon(icon, routines, parent)


def idle_source(platform: str) -> IdleSource | NoIdleSource:
    """The idle source reminders poll (QtDBus, ctypes): only once reminders are on."""
    from stretchapp.app.idle_sources import open_idle_source

    return open_idle_source(platform)


def cue_player_factory(voice_cache: Path) -> Callable[[QObject], CuePlayer]:
    """Makes the real cue player: the best sink here, and the voice rendered into the cache."""

    def make(parent: QObject) -> CuePlayer:
        from stretchapp.app.audio import open_sink
        from stretchapp.app.cue_player import CuePlayer
        from stretchapp.app.voice_preparer import VoicePreparer

        sink = open_sink("auto", parent)
        # The speech schedule hands each phrase over at its start; only "Well done"
        # still rides on its cue, and is said once the whole finish sound has played.
        return CuePlayer(sink, VoicePreparer(voice_cache, parent), parent, voice_gap=10.0)

    return make


def stop_voice_rendering(owner: QObject, wait_ms: int = 3000) -> None:
    """Cancel the voice renderers made under owner and wait for them (at shutdown)."""
    from stretchapp.app.voice_preparer import VoicePreparer

    for preparer in owner.findChildren(VoicePreparer):
        preparer.cancel()
        preparer.wait(wait_ms)


class Diagnostics:
    """The bounded log and the GUI watchdog, running until stop()."""

    def __init__(self, home: Path, parent: QObject) -> None:
        from stretchapp.app.app_log import AppLog
        from stretchapp.app.gui_watchdog import GuiWatchdog

        self.log = AppLog(home).install()
        self.watchdog = GuiWatchdog.from_environment(parent).start()

    def stop(self) -> None:
        self.watchdog.stop()
        self.log.uninstall()


def start_diagnostics(home: Path, parent: QObject) -> Diagnostics:
    """Qt's messages and ours into HOME/logs, and a watchdog on the GUI thread.

    Started with the first frame: logging.handlers and the watchdog cost about
    30 ms that the window need not wait for. Qt's messages before it go to stderr.
    """
    return Diagnostics(home, parent)
