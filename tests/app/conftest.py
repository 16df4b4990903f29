"""The real main window on the real bridges, headless, with a fake clock.

`ui` opens Main.qml over an AppShell on a temporary home with the built-in
library, a clock that only moves when a test moves it, and the sound
engineer's CuePlayer playing into a RecordingSink. Any QML warning fails the
test (besides pytest-qt's qt_log_level_fail, the engine's own warnings signal).
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
import shiboken6

os.environ["QT_QUICK_CONTROLS_STYLE"] = "Basic"

from PySide6.QtQml import QQmlApplicationEngine, QQmlError

from stretchapp.app.cue_player import CuePlayer
from stretchapp.app.main import load_window
from stretchapp.app.shell import AppShell
from stretchapp.core.sound.cue_sink import RecordingSink
from stretchapp.core.storage.settings import load_settings, save_settings
from tests.helpers.clock import FakeClock
from tests.helpers.ui import REPO_ROOT, Ui, is_blank


def _fail_on_warnings(ui: Ui) -> Any:
    def record(warnings: list[QQmlError]) -> None:
        ui.warnings.extend(w.toString() for w in warnings)
    return record


@pytest.fixture
def open_ui(home: Path, qtbot: Any) -> Iterator[Any]:
    """A factory that opens the main window (once per test) with options for the shell."""
    opened: list[Ui] = []

    def make(routine_id: str | None = None, *, theme: str | None = None,
             welcome: bool = False) -> Ui:
        loaded = load_settings(home)
        if not welcome and not loaded.notice:
            # The first-launch screen was read before, unless a test wants it (or
            # wants to see what a damaged settings file does).
            save_settings(home, replace(loaded.settings, welcome_seen=True))
        clock = FakeClock()
        sink = RecordingSink(clock)
        shell = AppShell(home, routine_id=routine_id, clock=clock, threaded_load=False,
                         audio_factory=lambda parent: CuePlayer(sink, None, parent))
        if theme is not None:
            shell.settings.setTheme(theme)
        engine = QQmlApplicationEngine()
        window = load_window(engine, shell)
        assert window is not None, "Main.qml did not load"
        ui = Ui(shell, engine, window, clock, sink, qtbot)
        engine.warnings.connect(_fail_on_warnings(ui))
        window.resize(1120, 780)
        window.show()
        qtbot.waitExposed(window)
        window.requestActivate()
        shell.start()
        ui.settle()
        opened.append(ui)
        return ui

    yield make
    for ui in opened:
        ui.shell.player.close()
        ui.window.close()
        ui.settle()
        warnings = list(ui.warnings)
        # The window and its bindings go before the bridges they read.
        shiboken6.delete(ui.engine)
        ui.settle()
        assert warnings == [], "QML warnings:\n" + "\n".join(warnings)


@pytest.fixture
def ui(open_ui: Any) -> Ui:
    """The main window on the library page."""
    opened: Ui = open_ui()
    return opened


__all__ = ["REPO_ROOT", "FakeClock", "Ui", "is_blank"]
