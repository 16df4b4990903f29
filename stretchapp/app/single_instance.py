"""One running app per home: a second launch hands its request over and exits.

The first instance listens on a local socket named after its home. A second
one (`stretchapp`, or `stretchapp run ID`) connects, sends one JSON line
({"action": "show"} or {"action": "run", "routine": ID}), waits for "ok" and
exits; the first shows its window or starts the routine. Two instances never
write the same settings file any more.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtNetwork import QLocalServer, QLocalSocket

from stretchapp.app import deferred_imports
from stretchapp.core.storage.digests import sha256
from stretchapp.core.storage.settings import load_settings

HANDOVER_TIMEOUT_MS = 1500
MAX_REQUEST_BYTES = 4096


def server_name(home: Path) -> str:
    """A socket name per user and home (the resolved path, hashed)."""
    digest = sha256(str(home.resolve()).encode()).hexdigest()[:16]
    user = os.environ.get("USER") or str(os.getuid())
    return f"stretchapp-{user}-{digest}"


def make_application(home: Path) -> QGuiApplication:
    """The Qt application: a QApplication (widgets, for the tray) only when reminders are on."""
    existing = QGuiApplication.instance()
    if isinstance(existing, QGuiApplication):
        return existing
    if load_settings(home).settings.reminders_on:
        return deferred_imports.widgets_application(sys.argv[:1])
    return QGuiApplication(sys.argv[:1])


def request_for(routine_id: str | None) -> dict[str, str]:
    return {"action": "run", "routine": routine_id} if routine_id else {"action": "show"}


def hand_over(home: Path, request: dict[str, str]) -> bool:
    """Send the request to the app already running on home; False when there is none."""
    socket = QLocalSocket()
    socket.connectToServer(server_name(home))
    if not socket.waitForConnected(HANDOVER_TIMEOUT_MS):
        return False
    socket.write(json.dumps(request).encode() + b"\n")
    # flush() may write it all at once; waitForBytesWritten is then false, not an error.
    if not socket.flush():
        socket.waitForBytesWritten(HANDOVER_TIMEOUT_MS)
    while socket.bytesAvailable() < 2 and socket.waitForReadyRead(HANDOVER_TIMEOUT_MS):
        pass
    answered = bytes(socket.readAll().data()).startswith(b"ok")
    socket.disconnectFromServer()
    return answered


class InstanceServer(QObject):
    """Listens for later launches on the same home and reports their requests."""

    requested = Signal(dict)

    def __init__(self, home: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._server = QLocalServer(self)
        self._server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        self._server.newConnection.connect(self._accept)
        name = server_name(home)
        if not self._server.listen(name):
            # A socket file left by a crashed instance: nobody answered hand_over.
            QLocalServer.removeServer(name)
            self._server.listen(name)

    @property
    def listening(self) -> bool:
        return self._server.isListening()

    def _accept(self) -> None:
        while self._server.hasPendingConnections():
            socket = self._server.nextPendingConnection()
            socket.readyRead.connect(self._ready)
            socket.disconnected.connect(socket.deleteLater)

    def _ready(self) -> None:
        socket = self.sender()
        if isinstance(socket, QLocalSocket):
            self._read(socket)

    def _read(self, socket: QLocalSocket) -> None:
        if not socket.canReadLine():
            if socket.bytesAvailable() > MAX_REQUEST_BYTES:
                socket.abort()
            return
        line = bytes(socket.readLine(MAX_REQUEST_BYTES).data())
        try:
            request = json.loads(line)
        except ValueError:
            request = None
        if not isinstance(request, dict) or request.get("action") not in ("show", "run"):
            socket.write(b"no\n")
            socket.disconnectFromServer()
            return
        socket.write(b"ok\n")
        socket.flush()
        self.requested.emit({str(k): str(v) for k, v in request.items()})

    def close(self) -> None:
        self._server.close()
