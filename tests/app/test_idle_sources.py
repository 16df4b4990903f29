"""Idle sources: X11's screen saver extension on a real Xvfb, and clear words when absent."""

from __future__ import annotations

import os
import shutil
import subprocess
import time
from collections.abc import Iterator

import pytest

from stretchapp.app.idle_sources import (
    IdleSourceUnavailable,
    NoIdleSource,
    X11IdleSource,
    gnome_idle_source,
    open_idle_source,
)
from tests.helpers.xvfb import private_display


@pytest.fixture
def xvfb_display() -> Iterator[str]:
    """A private Xvfb server, its display name; skipped where Xvfb is not installed."""
    with private_display("640x480x24") as display:
        yield display


def test_x11_idle_time_grows_and_input_resets_it(xvfb_display: str) -> None:
    """On a real X server idle time counts up, and a pointer move sets it back near zero."""
    source = X11IdleSource(xvfb_display)
    try:
        first = source.idle_seconds()
        assert first is not None and first >= 0
        deadline = time.monotonic() + 5
        while (source.idle_seconds() or 0) < first + 0.3 and time.monotonic() < deadline:
            time.sleep(0.05)  # waiting for the X server's own clock, not ours
        grown = source.idle_seconds()
        assert grown is not None and grown >= first + 0.3
        if shutil.which("xdotool") is None:
            pytest.skip("xdotool is not installed")
        subprocess.run(["xdotool", "mousemove", "100", "100"], check=True,
                       env=dict(os.environ, DISPLAY=xvfb_display))
        after = source.idle_seconds()
        assert after is not None and after < grown
    finally:
        source.close()


def test_x11_without_a_display_says_so() -> None:
    """With no display the X11 source refuses with a sentence, not a crash."""
    with pytest.raises(IdleSourceUnavailable, match=r"cannot be opened|no X display"):
        X11IdleSource(":987")


def test_gnome_idle_without_its_service_says_so(monkeypatch: pytest.MonkeyPatch) -> None:
    """Without GNOME's idle monitor on the bus, the D-Bus source says it is unavailable."""
    monkeypatch.setenv("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/bus")
    with pytest.raises(IdleSourceUnavailable, match="bus"):
        gnome_idle_source()


def test_no_source_on_offscreen_explains_itself() -> None:
    """On a display that is not X11 and with no desktop bus, the reason is given."""
    source = open_idle_source("offscreen")
    assert isinstance(source, NoIdleSource)
    assert source.idle_seconds() is None
    assert "not X11" in source.reason and "restart" in source.reason
