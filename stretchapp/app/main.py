"""Starting the desktop app: the Qt application, the QML engine, the main window.

What happens when, for the two frames people wait for:
- before the window: the bridges the first pages need and the renderer
  choice (app.renderer), nothing more: no loader, no pydantic, no
  platformdirs with a home given, no concurrent.futures, and no value of
  PySide's Qt namespace anywhere (the first one builds all its enums, about
  15 ms: Main.qml reads the colour scheme, stretch_images paints instead);
- after the first frame: the library, from the start-up cache when its files
  have not changed (core.library_cache), else loaded by a child process that
  a worker thread waits for (core.loading.child_load: no pydantic here);
- after the first frame that shows the library: the bounded log and the GUI
  watchdog (logging.handlers: about 25 ms), the history (sqlite3), and then,
  on a worker, the pose drawing (for pictures not yet stored);
- on the first click that needs them (New routine, Customise, Delete, Import,
  Export): the editor and sharing bridges (pydantic and ruamel.yaml, about
  170 ms and 20 MB), never for a user who only plays.

Never two imports at once: PySide's import hook reads each new module's
source, which makes pydantic's lazy attributes import pydantic modules from
inside their own import; with another thread importing at the same time that
fails now and then ("partially initialized module") and the library did not
load. So the library's worker imports alone, and the preload starts once the
GUI thread has imported what comes after the list.

With STRETCHAPP_BENCHMARK_STARTUP=1 the app prints, as JSON on stdout, the
wall-clock time of its first frame, of the first frame that shows the library,
and its resident memory then, and quits (benchmarks/startup.py reads it); with
STRETCHAPP_BENCHMARK_STARTUP=settle it prints the same once the history and
habit features are made and keeps running (benchmarks/idle_cpu.py measures it then).
"""

from __future__ import annotations

import importlib
import json
import linecache
import os
import sys
import threading
import time
from pathlib import Path

from PySide6 import QtCore
from PySide6.QtCore import QObject, QTimer, QUrl
from PySide6.QtGui import QGuiApplication, QIcon
from PySide6.QtQml import QQmlApplicationEngine, QQmlError
from PySide6.QtQuick import QQuickWindow

from stretchapp.app import deferred_imports
from stretchapp.app.renderer import apply_renderer, choose_renderer
from stretchapp.app.shell import AppShell
from stretchapp.app.single_instance import InstanceServer, hand_over, make_application, request_for
from stretchapp.app.task_runner import TaskRunner
from stretchapp.core.storage import paths

BENCHMARK_VARIABLE = "STRETCHAPP_BENCHMARK_STARTUP"
# Imported only after the routine list is drawn (the report says which came early).
AFTER_THE_LIST = ("pydantic", "ruamel.yaml", "sqlite3", "logging.handlers",
                  "concurrent.futures", "stretchapp.core.pose.svg")
# Imported on a worker once the routine list is up, so the first picture not
# yet stored does not wait for them on the GUI thread (about 30 ms of CPU).
PRELOADED = ("stretchapp.core.pose.svg",)


def preload_modules() -> int:
    """Import the modules the routine list draws with; a plain task for a worker."""
    for name in PRELOADED:
        importlib.import_module(name)
    return len(PRELOADED)


def main_qml() -> QUrl:
    return QUrl.fromLocalFile(str(paths.ui_dir() / "Main.qml"))


def forget_module_sources() -> None:
    """Drop the source lines read for the modules imported so far (while no thread imports).

    PySide's import hook reads every new module's source to see whether it uses
    PySide (inspect.getsource), and linecache keeps it: 4.7 MB of Python strings
    by the end of a 60 s play. Dropped before the window is made, their space is
    reused by what comes next: 2.6 MB less resident memory playing. linecache is
    not thread-safe (a lookup between another thread's check and read fails), so
    only while this is the one Python thread; tracebacks read the files again.
    """
    if threading.active_count() == 1:
        linecache.clearcache()


def load_window(engine: QQmlApplicationEngine, shell: AppShell) -> QQuickWindow | None:
    """Expose the shell to QML and load the main window; None when QML failed to load."""
    forget_module_sources()
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


class _Stages(QObject):
    """Starts each stage after the frame before it (see the module's docstring)."""

    def __init__(self, window: QQuickWindow, shell: AppShell, app: QGuiApplication,
                 benchmark: str, home: Path) -> None:
        super().__init__(None)
        self._window, self._shell, self._app = window, shell, app
        self._benchmark, self._home = benchmark, home
        self.tasks: TaskRunner | None = None
        self.diagnostics: deferred_imports.Diagnostics | None = None
        self._first: float | None = None
        self._first_cpu = 0.0
        self._library_in = False
        self._editing_due = True
        # A bound method of a QObject: queued here when the render thread swaps.
        window.frameSwapped.connect(self._frame)
        shell.library.loadingChanged.connect(self._loaded)

    def _loaded(self) -> None:
        self._library_in = True
        self._window.update()

    def _frame(self) -> None:
        now = time.time()
        if self._first is None:
            self._first, self._first_cpu = now, time.process_time()
            QTimer.singleShot(0, self._shell.start_once)
        if self._library_in and self._editing_due:
            self._editing_due = False
            if self._benchmark == "1":
                self._report(now, quit_after=True)
                return
            QTimer.singleShot(0, self._start_rest)

    def _preload(self) -> None:
        if self.tasks is None:
            self.tasks = TaskRunner(workers=1)
            self.tasks.run(preload_modules, lambda _count: None, name="preload")

    def _start_rest(self) -> None:
        # The bounded log and the watchdog: from the routine list on (Qt's
        # messages before it go to stderr).
        self.diagnostics = deferred_imports.start_diagnostics(self._home, self)
        self._shell.start_rest()
        self._preload()
        if self._benchmark == "settle":
            self._report(time.time(), quit_after=False)

    def _report(self, now: float, *, quit_after: bool) -> None:
        interface = self._window.rendererInterface()
        api = interface.graphicsApi().name if interface is not None else ""
        print(json.dumps({"first_frame": self._first, "library_frame": now,
                          "first_cpu": self._first_cpu, "library_cpu": time.process_time(),
                          "rss_mb": round(rss_mb(), 1), "graphics_api": api,
                          "renderer": self._shell.settings.renderer_in_use,
                          "pydantic_loaded": "pydantic" in sys.modules,
                          "early_imports": [name for name in AFTER_THE_LIST
                                            if name in sys.modules],
                          # PySide builds the Qt namespace's enums on first use (~15 ms).
                          "qt_namespace_built": "Qt" in vars(QtCore)}), flush=True)
        if quit_after:
            QTimer.singleShot(0, self._app.quit)


def run_app(home: Path, routine_id: str | None = None) -> int:
    """Open the main window on the user's home (straight into a routine when given)."""
    os.environ.setdefault("QT_QUICK_CONTROLS_STYLE", "Basic")
    # --- one instance per home; a QApplication when reminders need the tray ---
    app = make_application(home)
    if hand_over(home, request_for(routine_id)):
        print("stretchapp: handed over to the app already open on this home")
        return 0
    server = InstanceServer(home)
    # --- end of the single-instance block ---
    app.setApplicationName("stretchapp")
    app.setApplicationDisplayName("stretchapp")
    app.setDesktopFileName("stretchapp")
    icon = paths.assets_dir() / "icons" / "stretchapp.svg"
    if icon.is_file():
        app.setWindowIcon(QIcon(str(icon)))
    # Qt's compiled-QML cache goes under the home, like everything the app writes
    # (read when the engine is made, so set before it).
    os.environ.setdefault("QML_DISK_CACHE_PATH", str(paths.cache_dir(home) / "qml"))
    shell = AppShell(home, routine_id=routine_id)
    choice = choose_renderer(shell.settings.settings.renderer, os.environ, app.platformName())
    apply_renderer(choice)
    shell.settings.renderer_in_use = choice.reason
    engine = QQmlApplicationEngine()
    engine.warnings.connect(_report_warnings)
    window = load_window(engine, shell)
    if window is None:
        print("stretchapp: error: the main window could not be loaded", file=sys.stderr)
        return 1
    shell.restore_geometry(window)
    shell.attach_window(window, server)
    stages = _Stages(window, shell, app, os.environ.get(BENCHMARK_VARIABLE, ""), home)
    code = app.exec()
    if stages.tasks is not None:
        stages.tasks.shutdown()
    shell.shutdown(window)
    if stages.diagnostics is not None:
        stages.diagnostics.stop()
    del stages, engine
    return int(code)
