"""Starting the desktop app: the Qt application, the QML engine, the main window.

With STRETCHAPP_BENCHMARK_STARTUP=1 the app prints, as JSON on stdout, the
wall-clock time of its first frame, of the first frame that shows the library,
and its resident memory then, and quits (benchmarks/startup.py reads it).
"""

from __future__ import annotations

import json
import os
import sys
import time
from pathlib import Path

from PySide6.QtCore import QObject, Qt, QTimer, QUrl
from PySide6.QtGui import QGuiApplication, QIcon
from PySide6.QtQml import QQmlApplicationEngine, QQmlError
from PySide6.QtQuick import QQuickWindow

from stretchapp.app.app_log import AppLog
from stretchapp.app.gui_watchdog import GuiWatchdog
from stretchapp.app.shell import AppShell
from stretchapp.core import paths

BENCHMARK_VARIABLE = "STRETCHAPP_BENCHMARK_STARTUP"


def main_qml() -> QUrl:
    return QUrl.fromLocalFile(str(paths.ui_dir() / "Main.qml"))


def load_window(engine: QQmlApplicationEngine, shell: AppShell) -> QQuickWindow | None:
    """Expose the shell to QML and load the main window; None when QML failed to load."""
    shell.expose(engine)
    engine.load(main_qml())
    roots = engine.rootObjects()
    window = roots[0] if roots else None
    return window if isinstance(window, QQuickWindow) else None


def _report_warnings(warnings: list[QQmlError]) -> None:
    for warning in warnings:
        print(f"stretchapp: QML: {warning.toString()}", file=sys.stderr)


def rss_mb() -> float:
    """This process's resident memory in MiB (0 where /proc is not there)."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


class _StartupProbe(QObject):
    """Prints the first frame and the first library frame, then quits (benchmark only)."""

    def __init__(self, window: QQuickWindow, shell: AppShell, app: QGuiApplication) -> None:
        super().__init__(None)
        self._window, self._app = window, app
        self._first: float | None = None
        self._library_in = False
        self._done = False
        window.frameSwapped.connect(self._frame, Qt.ConnectionType.QueuedConnection)
        shell.library.loadingChanged.connect(self._loaded)

    def _loaded(self) -> None:
        self._library_in = True
        self._window.update()

    def _frame(self) -> None:
        now = time.time()
        if self._first is None:
            self._first = now
        if self._library_in and not self._done:
            self._done = True
            print(json.dumps({"first_frame": self._first, "library_frame": now,
                              "rss_mb": round(rss_mb(), 1)}), flush=True)
            QTimer.singleShot(0, self._app.quit)


def run_app(home: Path, routine_id: str | None = None) -> int:
    """Open the main window on the user's home (straight into a routine when given)."""
    os.environ.setdefault("QT_QUICK_CONTROLS_STYLE", "Basic")
    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    assert isinstance(app, QGuiApplication)
    app.setApplicationName("stretchapp")
    app.setApplicationDisplayName("stretchapp")
    app.setDesktopFileName("stretchapp")
    icon = paths.assets_dir() / "icons" / "stretchapp.svg"
    if icon.is_file():
        app.setWindowIcon(QIcon(str(icon)))
    # Qt's messages and ours go to a bounded log; a stalled GUI thread logs its stacks.
    app_log = AppLog(home).install()
    engine = QQmlApplicationEngine()
    engine.warnings.connect(_report_warnings)
    shell = AppShell(home, routine_id=routine_id)
    window = load_window(engine, shell)
    if window is None:
        print("stretchapp: error: the main window could not be loaded", file=sys.stderr)
        app_log.uninstall()
        return 1
    watchdog = GuiWatchdog.from_environment().start()  # once the window is loaded
    shell.restore_geometry(window)
    probe: _StartupProbe | None = None
    if os.environ.get(BENCHMARK_VARIABLE) == "1":
        probe = _StartupProbe(window, shell, app)
    # The window shows first; the library loads in its thread right after.
    window.frameSwapped.connect(shell.start_once, Qt.ConnectionType.QueuedConnection)
    code = app.exec()
    shell.shutdown(window)
    del probe, engine
    watchdog.stop()
    app_log.uninstall()
    return int(code)
