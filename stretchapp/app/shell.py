"""The one place that builds the bridges and wires their signals together.

    watcher --loaded--> library bridge (and, the first time, the app bridge)
    app bridge --playRequested--> cue player.prepare, player.open
    player --cueDue / stateUpdated--> cue player
    cue player --ready, progress, notice--> player, app bridge
    settings --changed--> cue player, theme of the pictures
    editor --opened / closed / deleted / previewRequested--> app bridge (the editor page)
    editor, sharing --routinesChanged--> library bridge (at once, before the watcher)

The cue player (QtMultimedia, speech) is only made when the first routine
starts, so the app opens without loading any of it.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QRect
from PySide6.QtGui import QWindow
from PySide6.QtQml import QQmlApplicationEngine

from stretchapp.app.app_bridge import AppBridge
from stretchapp.app.library_bridge import LibraryBridge
from stretchapp.app.library_watcher import LibraryWatcher
from stretchapp.app.player_bridge import PlayerBridge, session_clock
from stretchapp.app.settings_bridge import SettingsBridge
from stretchapp.app.stretch_images import PROVIDER_ID, StretchImageProvider, StretchImages
from stretchapp.core.storage import paths
from stretchapp.core.storage.settings import Geometry, with_prepare

if TYPE_CHECKING:
    from stretchapp.core.model import Routine
    from stretchapp.core.session.events import SessionPosition

AudioFactory = Callable[[QObject], Any]


def default_audio(home: Path) -> AudioFactory:
    """Makes the real cue player: the best sink here, and the voice rendered into the cache."""

    def make(parent: QObject) -> Any:
        from stretchapp.app.audio import open_sink
        from stretchapp.app.cue_player import CuePlayer
        from stretchapp.app.voice_preparer import VoicePreparer

        sink = open_sink("auto", parent)
        preparer = VoicePreparer(paths.cache_dir(home) / "voice", parent)
        # The speech schedule hands each phrase over at its start; only "Well done"
        # still rides on its cue, and is said once the whole finish sound has played.
        return CuePlayer(sink, preparer, parent, voice_gap=10.0)

    return make


class AppShell(QObject):
    """Everything behind the main window, for one home."""

    def __init__(self, home: Path, *, routine_id: str | None = None,
                 clock: Callable[[], float] = session_clock,
                 audio_factory: AudioFactory | None = None, threaded_load: bool = True,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.home = home
        self.routine_id = routine_id
        self.images = StretchImages()
        self.settings = SettingsBridge(home, self)
        self.library = LibraryBridge(self.images, paths.user_routines_dir(home), self)
        self.player = PlayerBridge(self.images, home, clock=clock, parent=self)
        self.player.set_safety_memory(self.settings)
        self.settings.changed.connect(self.player.audio_changed)  # the welcome was read
        self.app = AppBridge(home, self._playable, self)
        self.watcher = LibraryWatcher(paths.user_routines_dir(home), threaded=threaded_load,
                                      cache_dir=paths.cache_dir(home), parent=self)
        # The editor and sharing bridges need the whole loader (pydantic, ruamel):
        # main.py makes them once the routine list has been drawn (start_rest).
        self.editor: Any = None
        self.sharing: Any = None
        self._context: Any = None
        self.history: Any = None  # the SQLite history, opened in start()
        self.habit: Any = None  # history page, reminders, tray: made in start()
        self._habit_window: tuple[Any, Any] = (None, None)
        self._audio_factory = audio_factory or default_audio(home)
        self.audio: Any = None
        self._first_load = True
        self._started = False
        self._library: Any = None  # the last library loaded, for an editor made later
        self._wire()
        self.app.notify(self.settings.notice)
        self._apply_theme()

    def _wire(self) -> None:
        self.watcher.loaded.connect(self._on_library)
        self.app.playRequested.connect(self._play)
        self.app.playerLeft.connect(self._leave_player)
        # Recorded before the app bridge moves on, while it still knows a preview.
        self.player.finished.connect(lambda: self._record(finished=True))
        self.player.stopped.connect(lambda: self._record(finished=False))
        self.player.finished.connect(self.app.session_finished)
        self.player.stopped.connect(self.app.session_stopped)
        self.player.stopped.connect(self._silence)
        self.settings.darkChanged.connect(self._apply_theme)
        self.settings.changed.connect(self._apply_sound_settings)

    def _make_editing(self) -> None:
        """Make and wire the editor and sharing bridges, and hand them to QML."""
        if self.editor is not None:
            return
        from stretchapp.app.editor_bridge import EditorBridge
        from stretchapp.app.sharing_bridge import SharingBridge

        self.editor = EditorBridge(self.home, parent=self)
        self.sharing = SharingBridge(self.home, lambda: self.editor.library, self)
        self.editor.opened.connect(self.app.show_editor)
        self.editor.closed.connect(self.app.leave_editor)
        self.editor.deleted.connect(self.app.routine_deleted)
        self.editor.previewRequested.connect(self._preview)
        self.editor.routinesChanged.connect(self._editor_wrote)
        self.sharing.routinesChanged.connect(self._imported)
        self.editor.set_theme("dark" if self.settings.dark else "light")
        if self._library is not None:  # made after the first load (main.py)
            self.editor.set_library(self._library)
        if self._context is not None:
            self._context.setContextProperty("editor", self.editor)
            self._context.setContextProperty("sharing", self.sharing)

    # --- habit features (history, reminders, tray) ---------------------------------------

    def _make_habit(self) -> None:
        from stretchapp.app.habit_wiring import HabitFeatures

        if self.habit is None:
            self.habit = HabitFeatures(self)
            self.habit.expose()
            self.habit.attach(*self._habit_window)

    def attach_window(self, window: QWindow, server: Any = None) -> None:
        """The main window and the single-instance server, for the habit features."""
        self._habit_window = (window, server)
        if self.habit is not None:
            self.habit.attach(window, server)

    def _wire_audio(self, audio: Any) -> None:
        self.player.cueDue.connect(audio.play_cue)
        self.player.stateUpdated.connect(audio.follow_state)
        for signal in (audio.readyChanged, audio.preparingChanged, audio.progressChanged):
            signal.connect(self.player.audio_changed)
        audio.noticeChanged.connect(self._audio_notice)

    # --- QML -------------------------------------------------------------------------

    def expose(self, engine: QQmlApplicationEngine) -> None:
        """Give the engine the image provider and the bridges, before loading Main.qml."""
        engine.addImageProvider(PROVIDER_ID, StretchImageProvider(self.images))
        context = engine.rootContext()
        context.setContextProperty("app", self.app)
        context.setContextProperty("library", self.library)
        context.setContextProperty("player", self.player)
        context.setContextProperty("settings", self.settings)
        context.setContextProperty("editor", self.editor)
        context.setContextProperty("sharing", self.sharing)
        context.setContextProperty("habit", None)
        context.setContextProperty("reminders", None)
        self._context = context

    def qml_context(self) -> Any:
        """The QML context the bridges are handed to (None before expose)."""
        return self._context

    def start(self) -> None:
        """Load the library (in the background unless told otherwise), open the rest."""
        self.start_loading()
        self.start_rest()

    def start_loading(self) -> None:
        """Load the library; main.py calls start_rest once the list has been drawn."""
        self._started = True
        self.watcher.load()

    def start_rest(self) -> None:
        """Open the history and make the editor and sharing bridges."""
        from stretchapp.core.storage.history import History

        if self.history is None:
            self.history = History(self.home)
            # Whatever happened to the history file (moved aside, read-only) is said at once.
            self.app.notify(self.history.open())
        self._make_editing()
        self._make_habit()

    def start_once(self) -> None:
        """Start loading, unless already started (connected to the first frame)."""
        if not self._started:
            self.start_loading()

    def restore_geometry(self, window: QWindow) -> None:
        geometry = self.settings.settings.geometry
        if geometry is None:
            return
        window.setGeometry(QRect(geometry.x, geometry.y, geometry.width, geometry.height))
        if geometry.maximized:
            window.showMaximized()

    def shutdown(self, window: QWindow | None) -> None:
        """Remember the window and stop cleanly (an unfinished routine stays recoverable)."""
        if window is not None:
            rect = window.geometry()
            maximized = window.visibility() == QWindow.Visibility.Maximized
            if rect.width() >= 100 and rect.height() >= 100:
                self.settings.set_geometry(Geometry(rect.x(), rect.y(), rect.width(),
                                                    rect.height(), maximized))
        self.settings.save_now()
        if self.habit is not None:
            self.habit.shutdown()
        if self.history is not None:
            self.history.close()
        self.watcher.wait()
        if self.audio is not None:
            self.audio.stop()
            preparer = getattr(self.audio, "_preparer", None)
            if preparer is not None:
                preparer.cancel()
                preparer.wait(3000)

    # --- inside ----------------------------------------------------------------------

    def _playable(self, routine_id: str) -> Routine | None:
        routine = self.library.routine(routine_id)
        if routine is None:
            return None
        return with_prepare(routine, self.settings.settings.prepare_override)

    def _on_library(self, library: Any) -> None:
        self._library = library
        self.library.set_library(library)
        if self.editor is not None:
            self.editor.set_library(library)
        if self._first_load:
            self._first_load = False
            self.app.library_ready(self.routine_id)

    def _record(self, *, finished: bool) -> None:
        """Add the session that just ended to the history (not an editor preview)."""
        from stretchapp.core.storage.history import times_text

        routine = self.player.routine
        if routine is None or self.app.in_preview or self.history is None:
            return
        if not self.history.record(routine.id, routine.title, self.player.seconds_spent,
                                   finished=finished):
            self.app.notify(self.history.notice)
            return
        if finished:
            count = self.history.routine(routine.id).times_finished
            self.player.set_history_text(
                f"That was {times_text(count)} you finished this routine.")

    def _preview(self, routine: Routine) -> None:
        self.app.preview(with_prepare(routine, self.settings.settings.prepare_override))

    def _editor_wrote(self) -> None:
        # The editor has loaded the library again already: show it now, not after
        # the watcher's pause.
        self.library.set_library(self.editor.library)

    def _imported(self) -> None:
        self.editor.reload_library()
        self.library.set_library(self.editor.library)

    def _ensure_audio(self) -> None:
        if self.audio is None:
            self.audio = self._audio_factory(self)
            self._wire_audio(self.audio)
            self._apply_sound_settings()
            self.player.set_audio(self.audio)

    def _play(self, routine: Routine, position: SessionPosition | None) -> None:
        self._ensure_audio()
        self.player.open(routine, position)
        self._audio_notice()

    def _leave_player(self) -> None:
        self.player.close()
        self._silence()

    def _silence(self) -> None:
        if self.audio is not None:
            self.audio.stop()

    def _audio_notice(self) -> None:
        if self.audio is not None:
            self.app.notify(str(self.audio.notice), once=True)

    def _apply_theme(self) -> None:
        theme = "dark" if self.settings.dark else "light"
        self.library.set_theme(theme)
        self.player.set_theme(theme)
        if self.editor is not None:
            self.editor.set_theme(theme)

    def _apply_sound_settings(self) -> None:
        if self.audio is None:
            return
        settings = self.settings.settings
        self.audio.set_volume(settings.volume)
        self.audio.set_muted(settings.muted)
        self.audio.set_voice_enabled(settings.voice)
        self.audio.set_voice_rate(settings.voice_rate)
