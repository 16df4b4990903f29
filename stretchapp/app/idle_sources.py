"""How long since the last key press or mouse move: one small source per platform.

- X11: the XScreenSaver extension (libXss) through ctypes.
- GNOME (also under Wayland): Mutter's IdleMonitor over D-Bus.
- KDE (also under Wayland): org.freedesktop.ScreenSaver GetSessionIdleTime.

`open_idle_source()` returns the first that answers, or a NoIdleSource whose
`reason` says why none could; the settings page shows that sentence.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import os

from PySide6.QtDBus import QDBusConnection, QDBusInterface, QDBusMessage

# The protocol and the no-source live apart (no QtDBus); importable from here too.
from stretchapp.app.idle_protocol import IdleSource as IdleSource
from stretchapp.app.idle_protocol import NoIdleSource as NoIdleSource
from stretchapp.core.wording.habit import IDLE_SOURCE_NAMES, display_not_x11, no_idle_detection


class _XScreenSaverInfo(ctypes.Structure):
    _fields_ = [("window", ctypes.c_ulong), ("state", ctypes.c_int),
                ("kind", ctypes.c_int), ("til_or_since", ctypes.c_ulong),
                ("idle", ctypes.c_ulong), ("eventMask", ctypes.c_ulong)]


class IdleSourceUnavailable(Exception):
    """This source cannot work here; the message says why."""


class X11IdleSource:
    """Idle time from the X server's screen-saver extension."""

    name = IDLE_SOURCE_NAMES["x11"]

    def __init__(self, display: str | None = None) -> None:
        display_name = display or os.environ.get("DISPLAY")
        if not display_name:
            raise IdleSourceUnavailable("no X display (DISPLAY is not set)")
        x11_name = ctypes.util.find_library("X11")
        xss_name = ctypes.util.find_library("Xss")
        if x11_name is None:
            raise IdleSourceUnavailable("libX11 is not installed")
        if xss_name is None:
            raise IdleSourceUnavailable("libXss is not installed (Debian: apt install libxss1)")
        self._x11 = ctypes.CDLL(x11_name)
        self._xss = ctypes.CDLL(xss_name)
        self._x11.XOpenDisplay.restype = ctypes.c_void_p
        self._x11.XOpenDisplay.argtypes = [ctypes.c_char_p]
        self._x11.XDefaultRootWindow.restype = ctypes.c_ulong
        self._x11.XDefaultRootWindow.argtypes = [ctypes.c_void_p]
        self._x11.XCloseDisplay.argtypes = [ctypes.c_void_p]
        self._xss.XScreenSaverAllocInfo.restype = ctypes.POINTER(_XScreenSaverInfo)
        self._xss.XScreenSaverQueryExtension.argtypes = [
            ctypes.c_void_p, ctypes.POINTER(ctypes.c_int), ctypes.POINTER(ctypes.c_int)]
        self._xss.XScreenSaverQueryInfo.argtypes = [
            ctypes.c_void_p, ctypes.c_ulong, ctypes.POINTER(_XScreenSaverInfo)]
        self._display = self._x11.XOpenDisplay(display_name.encode())
        if not self._display:
            raise IdleSourceUnavailable(f"the X display {display_name} cannot be opened")
        event, error = ctypes.c_int(), ctypes.c_int()
        if not self._xss.XScreenSaverQueryExtension(self._display, ctypes.byref(event),
                                                    ctypes.byref(error)):
            self.close()
            raise IdleSourceUnavailable("the X server has no screen saver extension")
        self._root = self._x11.XDefaultRootWindow(self._display)
        self._info = self._xss.XScreenSaverAllocInfo()

    def idle_seconds(self) -> float | None:
        if not self._display:
            return None
        if not self._xss.XScreenSaverQueryInfo(self._display, self._root, self._info):
            return None
        return float(self._info.contents.idle) / 1000.0

    def close(self) -> None:
        if self._display:
            self._x11.XCloseDisplay(self._display)
            self._display = None


class DBusIdleSource:
    """Idle time from the desktop's session bus (GNOME's Mutter or KDE)."""

    def __init__(self, name: str, service: str, path: str, interface: str, method: str,
                 scale: float) -> None:
        self.name = name
        bus = QDBusConnection.sessionBus()
        if not bus.isConnected():
            raise IdleSourceUnavailable("there is no D-Bus session bus")
        self._interface = QDBusInterface(service, path, interface, bus)
        self._method, self._scale = method, scale
        if not self._interface.isValid() or self.idle_seconds() is None:
            raise IdleSourceUnavailable(f"{service} does not answer on the session bus")

    def idle_seconds(self) -> float | None:
        reply = self._interface.call(self._method)
        if reply.type() != QDBusMessage.MessageType.ReplyMessage or not reply.arguments():
            return None
        value = reply.arguments()[0]
        return float(value) * self._scale if isinstance(value, int | float) else None


def gnome_idle_source() -> DBusIdleSource:
    return DBusIdleSource(IDLE_SOURCE_NAMES["gnome"], "org.gnome.Mutter.IdleMonitor",
                          "/org/gnome/Mutter/IdleMonitor/Core",
                          "org.gnome.Mutter.IdleMonitor", "GetIdletime", 0.001)


def kde_idle_source() -> DBusIdleSource:
    return DBusIdleSource(IDLE_SOURCE_NAMES["kde"], "org.freedesktop.ScreenSaver",
                          "/ScreenSaver", "org.freedesktop.ScreenSaver",
                          "GetSessionIdleTime", 0.001)


def open_idle_source(platform: str) -> IdleSource | NoIdleSource:
    """The first idle source that works on this Qt platform ("xcb", "wayland", ...)."""
    reasons: list[str] = []
    if platform == "xcb":
        try:
            return X11IdleSource()
        except (IdleSourceUnavailable, OSError) as error:
            reasons.append(f"X11: {error}")
    for make in (gnome_idle_source, kde_idle_source):
        try:
            return make()
        except IdleSourceUnavailable as error:
            if str(error) not in reasons:
                reasons.append(str(error))
    if platform != "xcb":
        reasons.insert(0, display_not_x11(platform))
    return NoIdleSource(no_idle_detection(reasons))
