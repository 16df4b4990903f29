"""The tray's and idle sources' modules (QtWidgets, QtDBus, ctypes) only when reminders are on."""

from __future__ import annotations

import json
from pathlib import Path

from stretchapp.core.storage.settings import Settings, save_settings
from tests.helpers.child_python import run_python

HEAVY = ("PySide6.QtWidgets", "PySide6.QtDBus", "ctypes", "stretchapp.app.tray",
         "stretchapp.app.idle_sources")
# Started as run_app starts it: the application the settings ask for, the shell,
# the library, then the history and habit features; then reminders turned on.
SCRIPT = """\
import json, sys
from pathlib import Path
from stretchapp.app.single_instance import make_application
home = Path(sys.argv[1])
app = make_application(home)
from stretchapp.app.shell import AppShell
shell = AppShell(home, threaded_load=False)
shell.start_once()
shell.start_rest()
heavy = {heavy!r}
at_start = [name for name in heavy if name in sys.modules]
shell.habit.reminders.setEnabled(True)
turned_on = [name for name in heavy if name in sys.modules]
idle = shell.habit.reminders.idleText
shell.shutdown(None)
print(json.dumps({{"at_start": at_start, "turned_on": turned_on, "idle": idle,
                  "application": type(app).__name__}}))
"""


def _start(home: Path) -> dict[str, object]:
    out = run_python(SCRIPT.format(heavy=HEAVY), str(home), timeout=120, check=False,
                     env={"QT_QPA_PLATFORM": "offscreen", "STRETCHAPP_HOME": None})
    assert out.returncode == 0, out.stderr
    result: dict[str, object] = json.loads(out.stdout.strip().splitlines()[-1])
    return result


def test_reminders_off_import_no_tray_and_no_idle_source(tmp_path: Path) -> None:
    """Reminders off: a plain QGuiApplication, none of QtWidgets, QtDBus, ctypes, tray or
    idle sources imported; turning reminders on opens an idle source at once."""
    home = tmp_path / "home"
    (home / "routines").mkdir(parents=True)
    save_settings(home, Settings(welcome_seen=True))
    found = _start(home)
    assert found["application"] == "QGuiApplication"
    assert found["at_start"] == []
    # On in the settings: the idle source is opened (offscreen: none can tell, and says why).
    assert "PySide6.QtDBus" in found["turned_on"] and "stretchapp.app.idle_sources" in found[
        "turned_on"]
    assert found["idle"]
    # No QApplication: no tray this launch, so QtWidgets stays out.
    assert "PySide6.QtWidgets" not in found["turned_on"]


def test_reminders_on_at_start_bring_the_tray_and_idle_source(tmp_path: Path) -> None:
    """Reminders on: a QApplication (for the tray) and the idle source are made at start."""
    home = tmp_path / "home"
    (home / "routines").mkdir(parents=True)
    save_settings(home, Settings(welcome_seen=True, reminders_on=True))
    found = _start(home)
    assert found["application"] == "QApplication"
    assert {"PySide6.QtWidgets", "PySide6.QtDBus", "stretchapp.app.idle_sources"} <= set(
        found["at_start"])
