"""One app per home: a second launch (a real process) hands its request over and exits."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Any

from PySide6.QtNetwork import QLocalServer, QLocalSocket

from stretchapp.app.single_instance import InstanceServer, server_name
from tests.helpers.ui import REPO_ROOT


def _launch(home: Path, *args: str) -> subprocess.Popen[str]:
    env = dict(os.environ, PYTHONPATH=str(REPO_ROOT), QT_QPA_PLATFORM="offscreen")
    return subprocess.Popen([sys.executable, "-m", "stretchapp", "--home", str(home), *args],
                            env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def test_a_second_run_hands_its_routine_to_the_first(home: Path, qtbot: Any) -> None:
    """`stretchapp run ID` on a home with a running app sends it the routine and exits 0."""
    server = InstanceServer(home)
    assert server.listening
    with qtbot.waitSignal(server.requested, timeout=30000) as signal:
        second = _launch(home, "run", "calf-relief")
    out, err = second.communicate(timeout=30)
    assert signal.args == [{"action": "run", "routine": "calf-relief"}]
    assert second.returncode == 0, err
    assert "handed over" in out
    server.close()


def test_a_plain_second_launch_asks_to_be_shown(home: Path, qtbot: Any) -> None:
    """A second `stretchapp` with no command asks the first to show its window."""
    server = InstanceServer(home)
    with qtbot.waitSignal(server.requested, timeout=30000) as signal:
        second = _launch(home)
    second.communicate(timeout=30)
    assert signal.args == [{"action": "show"}] and second.returncode == 0
    server.close()


def test_a_socket_left_by_a_crash_is_taken_over(home: Path, tmp_path: Path) -> None:
    """A stale socket file of a dead instance does not stop the next one listening."""
    stale = QLocalServer()
    assert stale.listen(server_name(home))  # holds the name, as a dead process's file would
    server = InstanceServer(home)
    assert server.listening
    stale.close()
    server.close()


def test_a_garbled_request_is_refused(home: Path, qtbot: Any) -> None:
    """A client sending something that is not a request gets 'no' and no signal fires."""
    server = InstanceServer(home)
    fired: list[object] = []
    server.requested.connect(fired.append)
    socket = QLocalSocket()
    socket.connectToServer(server_name(home))
    assert socket.waitForConnected(2000)
    socket.write(b'{"action": "format the disk"}\n')
    qtbot.waitUntil(lambda: socket.bytesAvailable() > 0 or socket.state()
                    == QLocalSocket.LocalSocketState.UnconnectedState, timeout=5000)
    assert bytes(socket.readAll().data()).startswith(b"no") and fired == []
    server.close()


def test_different_homes_do_not_meet(tmp_path: Path) -> None:
    """Each home has its own socket name, so two homes run side by side."""
    assert server_name(tmp_path / "a") != server_name(tmp_path / "b")


def test_the_application_has_widgets_only_with_reminders(tmp_path: Path) -> None:
    """A home with reminders on gets a QApplication (for the tray); else a QGuiApplication."""
    script = (
        "import sys\n"
        "from pathlib import Path\n"
        "from stretchapp.core.storage.settings import Settings, save_settings\n"
        "from stretchapp.app.single_instance import make_application\n"
        "home = Path(sys.argv[1])\n"
        "save_settings(home, Settings(reminders_on=sys.argv[2] == 'on'))\n"
        "print(type(make_application(home)).__name__)\n"
    )
    env = dict(os.environ, PYTHONPATH=str(REPO_ROOT), QT_QPA_PLATFORM="offscreen")
    names = []
    for reminders in ("on", "off"):
        home = tmp_path / reminders
        home.mkdir()
        done = subprocess.run([sys.executable, "-c", script, str(home), reminders], env=env,
                              capture_output=True, text=True, timeout=60, check=True)
        names.append(done.stdout.strip())
    assert names == ["QApplication", "QGuiApplication"]
