"""The one place that builds the bridges and wires their signals together.

    library store --changed--> library bridge, editor (and, the first time, the app bridge)
    editor, sharing --(they ask the store to reload after writing)--> library store
    app bridge --detailIdChanged--> library bridge (the detail shown)
    app bridge --playRequested--> cue player.prepare, player.open
    player --cueDue / stateUpdated--> cue player
    cue player --ready, progress, notice--> player, app bridge
    settings --changed--> cue player, theme of the pictures
    editor --opened / closed / deleted / previewRequested--> app bridge (the editor page)

The loader, the editor and the cue player (pydantic, ruamel, QtMultimedia,
speech) come through `deferred_imports`, after the first frame. The editor and
sharing bridges only when QML first asks for them (`editing.ensure()`: New
routine, Customise, Delete, Import, Export): a user who only plays never pays
their memory (pydantic and ruamel.yaml, about 20 MB resident).
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QRect, Slot
from PySide6.QtGui import QWindow
from PySide6.QtQml import QQmlApplicationEngine, QQmlContext

from stretchapp.app import deferred_imports
from stretchapp.app.app_bridge import AppBridge
from stretchapp.app.library_bridge import LibraryBridge
from stretchapp.app.library_store import LibraryStore
from stretchapp.app.player_bridge import PlayerBridge, session_clock
from stretchapp.app.settings_bridge import SettingsBridge
from stretchapp.app.stretch_images import PROVIDER_ID, StretchImageProvider, StretchImages
from stretchapp.app.task_runner import InlineRunner, Runner, TaskRunner
from stretchapp.core.storage import paths
from stretchapp.core.storage.settings import Geometry, with_prepare
from stretchapp.core.wording.habit import finished_again
from stretchapp.core.wording.page_words import view_words

if TYPE_CHECKING:
    from stretchapp.app.cue_player import CuePlayer
    from stretchapp.app.editor_bridge import EditorBridge
    from stretchapp.app.habit_wiring import HabitFeatures
    from stretchapp.app.sharing_bridge import SharingBridge
    from stretchapp.core.model import Routine
    from stretchapp.core.session.events import SessionPosition
    from stretchapp.core.storage.history import History


AudioFactory = Callable[[QObject], "CuePlayer"]


class EditingGate(QObject):
    """QML's way to the editor and sharing bridges: they are made on the first ensure()."""

    def __init__(self, make: Callable[[], None], parent: QObject) -> None:
        super().__init__(parent)
        self._make = make

    @Slot()
    def ensure(self) -> None:
        """Make the bridges now if they are not there (QML's `editor`, `sharing` then set)."""
        self._make()


class AppShell(QObject):
    """Everything behind the main window, for one home."""

    def __init__(self, home: Path, *, routine_id: str | None = None,
                 clock: Callable[[], float] = session_clock,
                 audio_factory: AudioFactory | None = None, threaded_load: bool = True,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.home = home
        self.routine_id = routine_id
        self.runner: Runner = TaskRunner() if threaded_load else InlineRunner()
        self.images = StretchImages(paths.cache_dir(home) / "pictures")
        self.settings = SettingsBridge(home, self)
        # The stored library (no pydantic) while its files are unchanged.
        self.store = LibraryStore(paths.user_routines_dir(home), self.runner,
                                  partial(deferred_imports.load_library,
                                          cache_dir=paths.cache_dir(home)), self)
        self.library = LibraryBridge(self.images, paths.user_routines_dir(home), self)
        self.player = PlayerBridge(self.images, home, clock=clock, runner=self.runner,
                                   parent=self)
        self.player.set_safety_memory(self.settings)
        self.settings.changed.connect(self.player.audio_changed)  # the welcome was read
        self.app = AppBridge(home, self._playable, self)
        # The editor and sharing bridges need ruamel and pydantic: made when QML
        # first asks (self.editing.ensure()), not for a user who only plays.
        self.editing = EditingGate(self.make_editing, self)
        self.editor: EditorBridge | None = None
        self.sharing: SharingBridge | None = None
        self._context: QQmlContext | None = None
        self.history: History | None = None  # the SQLite history, opened in start_rest()
        self.habit: HabitFeatures | None = None  # history page, reminders, tray
        self._habit_window: tuple[QWindow | None, Any] = (None, None)
        self._audio_factory = audio_factory or deferred_imports.cue_player_factory(
            paths.cache_dir(home) / "voice")
        self.audio: CuePlayer | None = None
        self._first_load = True
        self._started = False
        self._wire()
        self.app.notify(self.settings.notice)
        self._apply_theme()

    def _wire(self) -> None:
        self.store.changed.connect(self._on_library)
        self.store.failed.connect(self.app.notify)
        self.app.detailIdChanged.connect(self._detail_changed)
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

    def make_editing(self) -> None:
        """Make and wire the editor and sharing bridges, and hand them to QML (once)."""
        if self.editor is not None:
            return
        editor_class, sharing_class = deferred_imports.editing_bridges()
        self.editor = editor = editor_class(self.home, self.store, self.runner, parent=self)
        self.sharing = sharing_class(self.home, self.store, self.runner, self)
        self.store.changed.connect(editor.library_changed)
        editor.opened.connect(self.app.show_editor)
        editor.closed.connect(self.app.leave_editor)
        editor.deleted.connect(self.app.routine_deleted)
        editor.previewRequested.connect(self._preview)
        editor.set_theme("dark" if self.settings.dark else "light")
        if self._context is not None:
            self._context.setContextProperty("editor", self.editor)
            self._context.setContextProperty("sharing", self.sharing)

    # --- habit features (history, reminders, tray) ---------------------------------------

    def _make_habit(self) -> None:
        if self.habit is None:
            self.habit = deferred_imports.habit_features(self)
            self.habit.expose()
            self.habit.attach(*self._habit_window)

    def attach_window(self, window: QWindow, server: Any = None) -> None:
        """The main window and the single-instance server, for the habit features."""
        self._habit_window = (window, server)
        if self.habit is not None:
            self.habit.attach(window, server)

    def _wire_audio(self, audio: CuePlayer) -> None:
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
        # Every view's fixed words, made a JS object once: a Python dict would be
        # a QVariantMap, turned into a new JS object each time a binding reads it.
        context.setContextProperty("words", engine.toScriptValue(view_words()))
        context.setContextProperty("app", self.app)
        context.setContextProperty("library", self.library)
        context.setContextProperty("player", self.player)
        context.setContextProperty("settings", self.settings)
        context.setContextProperty("editor", self.editor)
        context.setContextProperty("sharing", self.sharing)
        context.setContextProperty("editing", self.editing)
        context.setContextProperty("habit", None)
        context.setContextProperty("reminders", None)
        self._context = context

    def qml_context(self) -> QQmlContext | None:
        """The QML context the bridges are handed to (None before expose)."""
        return self._context

    def start(self) -> None:
        """Load the library (in the background unless told otherwise), open the rest."""
        self.start_loading()
        self.start_rest()

    def start_loading(self) -> None:
        """Load the library; main.py calls start_rest once the list has been drawn."""
        self._started = True
        self.store.reload()

    def start_rest(self) -> None:
        """Open the history and make the habit features (the editor waits to be asked for)."""
        if self.history is None:
            self.history = deferred_imports.open_history(self.home)
            # Whatever happened to the history file (moved aside, read-only) is said at once.
            self.app.notify(self.history.open())
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
        if isinstance(self.runner, TaskRunner):
            self.runner.shutdown()
        self.player.save_recovery_now()  # after the runner: no earlier save can follow it
        if self.audio is not None:
            self.audio.stop()
            deferred_imports.stop_voice_rendering(self)

    # --- inside ----------------------------------------------------------------------

    def _playable(self, routine_id: str) -> Routine | None:
        routine = self.library.routine(routine_id)
        if routine is None:
            return None
        return with_prepare(routine, self.settings.settings.prepare_override)

    def _on_library(self) -> None:
        library = self.store.library
        if library is None:
            return
        self.library.set_library(library)
        if self._first_load:
            self._first_load = False
            self.app.library_ready(self.routine_id)

    def _detail_changed(self) -> None:
        self.library.show_detail(self.app.detail_id)

    def _record(self, *, finished: bool) -> None:
        """Add the session that just ended to the history (not an editor preview)."""
        routine = self.player.routine
        if routine is None or self.app.in_preview or self.history is None:
            return
        if not self.history.record(routine.id, routine.title, self.player.seconds_spent,
                                   finished=finished):
            self.app.notify(self.history.notice)
            return
        if finished:
            count = self.history.routine(routine.id).times_finished
            self.player.set_history_text(finished_again(count))

    def _preview(self, routine: Routine) -> None:
        self.app.preview(with_prepare(routine, self.settings.settings.prepare_override))

    def _ensure_audio(self) -> CuePlayer:
        if self.audio is None:
            self.audio = audio = self._audio_factory(self)
            self._wire_audio(audio)
            self._apply_sound_settings()
            self.player.set_audio(audio)
            return audio
        return self.audio

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
