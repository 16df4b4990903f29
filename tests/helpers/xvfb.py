"""A private Xvfb server for tests that need a real X display."""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager

import pytest


@contextmanager
def private_display(size: str = "1280x1024x24") -> Iterator[str]:
    """Start Xvfb on a display number it picks itself and yield its name (":N").

    `-displayfd` makes the server choose a free number and write it back, so two
    test processes starting servers at once never race for the same one. Skips
    the test where Xvfb is not installed.
    """
    if shutil.which("Xvfb") is None:
        pytest.skip("Xvfb is not installed")
    read, write = os.pipe()
    server = subprocess.Popen(["Xvfb", "-displayfd", str(write), "-screen", "0", size,
                               "-nolisten", "tcp"], pass_fds=(write,),
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    os.close(write)
    with os.fdopen(read) as pipe:
        number = pipe.readline().strip()
    try:
        assert number, "Xvfb did not start"
        yield f":{number}"
    finally:
        server.terminate()
        server.wait(10)
