"""Running the app and a minimal QML window in fresh processes, offscreen or on Xvfb.

Shared by startup.py and idle_cpu.py. Each run is a new process; frame times
are wall-clock times the process prints as JSON; CPU is the process's own
user+system time (every thread) from /proc over a span; memory is its VmRSS.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path

from stretchapp.core.storage.settings import Settings, save_settings

REPO = Path(__file__).resolve().parent.parent
APP = [sys.executable, "-m", "stretchapp"]

# The baseline: one ApplicationWindow with a Label, in the app's Controls style.
# "frame" prints its first frame and quits; "settle" prints it and stays open
# (argv[1] = repaints per second, 0 for none) until it is terminated.
MINIMAL_WINDOW = r"""
import json, sys, time
from PySide6.QtGui import QGuiApplication
from PySide6.QtQml import QQmlApplicationEngine
def rss():
    with open("/proc/self/status") as status:
        return next(int(l.split()[1]) / 1024 for l in status if l.startswith("VmRSS:"))
app = QGuiApplication(sys.argv[:1])
mode, hz = sys.argv[1], int(sys.argv[2])
engine = QQmlApplicationEngine()
engine.loadData(b'import QtQuick\nimport QtQuick.Controls.Basic\n'
                b'ApplicationWindow { id: win; visible: true; width: 1120; height: 780; '
                b'title: "baseline"; property int hz: 0; property int n: 0\n'
                b'Label { text: "Hello " + win.n }\n'
                b'Timer { running: hz > 0; repeat: true; interval: hz > 0 ? 1000 / hz : 1000;'
                b' onTriggered: n++ } }')
window = engine.rootObjects()[0]
window.setProperty("hz", hz)
done = []
def frame():
    if done:
        return
    done.append(1)
    now, cpu = time.time(), time.process_time()
    print(json.dumps({"first_frame": now, "library_frame": now, "first_cpu": cpu,
                      "library_cpu": cpu, "rss_mb": round(rss(), 1)}), flush=True)
    if mode == "frame":
        app.quit()
window.frameSwapped.connect(frame)
app.exec()
"""


def minimal_window(mode: str = "frame", hz: int = 0) -> list[str]:
    return [sys.executable, "-c", MINIMAL_WINDOW, mode, str(hz)]


def environment(home: Path, display: Mapping[str, str], **extra: str) -> dict[str, str]:
    """The environment for one run: the repository's code, a home, a display.

    Python keeps compiled bytecode (in a folder beside the home), as it does
    for an installed app (pip compiles it at install time): with
    PYTHONDONTWRITEBYTECODE set, as on the shared development machines, every
    start would compile the app's modules anew (about 50 ms no user waits for).
    The warm-up run fills it, for the app and the minimal window alike.
    """
    env = dict(os.environ)
    for name in ("QT_QUICK_BACKEND", "QSG_RHI_BACKEND", "STRETCHAPP_RENDERER",
                 "PYTHONDONTWRITEBYTECODE"):
        env.pop(name, None)
    env["PYTHONPYCACHEPREFIX"] = str(home.parent / "bytecode")
    env.update(QT_QUICK_CONTROLS_STYLE="Basic", STRETCHAPP_HOME=str(home))
    env.update(display)
    env.update(extra)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(REPO), env.get("PYTHONPATH")]))
    return env


OFFSCREEN = {"QT_QPA_PLATFORM": "offscreen"}


def new_home(folder: Path, name: str) -> Path:
    """A home as a returning user has it: the first-launch screen was read once."""
    home = folder / name
    (home / "routines").mkdir(parents=True)
    save_settings(home, Settings(welcome_seen=True))
    return home


def run_once(command: list[str], env: Mapping[str, str]) -> tuple[float, dict[str, float]]:
    """Start a process and return its start time and the last JSON line it printed."""
    started = time.time()
    out = subprocess.run(command, env=dict(env), capture_output=True, text=True, timeout=90,
                         cwd=REPO, check=False)
    lines = [line for line in out.stdout.splitlines() if line.startswith("{")]
    if out.returncode != 0 or not lines:
        raise SystemExit(f"{' '.join(command[:3])} failed ({out.returncode}):\n{out.stderr}")
    return started, json.loads(lines[-1])


def _cpu_seconds(pid: int) -> float:
    with open(f"/proc/{pid}/stat", encoding="ascii") as stat:
        fields = stat.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _rss_mb(pid: int) -> float:
    with open(f"/proc/{pid}/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return 0.0


def measure_running(command: list[str], env: Mapping[str, str], *, seconds: float,
                    settle: float = 2.0, wait_line: bool = True) -> dict[str, float]:
    """CPU (% of one core) and RSS of a process over `seconds`, once it has settled.

    With wait_line, the span starts `settle` seconds after the process printed
    its first JSON line; without, `settle` seconds after it started.
    """
    process = subprocess.Popen(command, env=dict(env), cwd=REPO, text=True,
                               stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    try:
        if wait_line:
            assert process.stdout is not None
            deadline = time.monotonic() + 90
            while not process.stdout.readline().startswith("{"):
                if process.poll() is not None or time.monotonic() > deadline:
                    raise SystemExit(f"{' '.join(command[:3])} did not start")
        time.sleep(settle)
        cpu0, wall0 = _cpu_seconds(process.pid), time.monotonic()
        time.sleep(seconds)
        cpu1, wall1 = _cpu_seconds(process.pid), time.monotonic()
        return {"cpu_percent": 100 * (cpu1 - cpu0) / (wall1 - wall0),
                "rss_mb": _rss_mb(process.pid)}
    finally:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def xvfb_usable() -> str:
    """"" when Xvfb can run Qt windows here, else why not."""
    if shutil.which("Xvfb") is None:
        return "Xvfb is not installed"
    return ""


@contextmanager
def xvfb() -> Iterator[dict[str, str]]:
    """An Xvfb display of its own for the duration; yields the variables that select it."""
    number = next(n for n in range(140, 400) if not Path(f"/tmp/.X{n}-lock").exists()
                  and not Path(f"/tmp/.X11-unix/X{n}").exists())
    server = subprocess.Popen(["Xvfb", f":{number}", "-screen", "0", "1280x1024x24",
                               "-nolisten", "tcp"], stdout=subprocess.DEVNULL,
                              stderr=subprocess.DEVNULL)
    try:
        socket = Path(f"/tmp/.X11-unix/X{number}")
        deadline = time.monotonic() + 10
        while not socket.exists():
            if server.poll() is not None or time.monotonic() > deadline:
                raise SystemExit(f"Xvfb :{number} did not start")
            time.sleep(0.05)
        yield {"DISPLAY": f":{number}", "QT_QPA_PLATFORM": "xcb"}
    finally:
        server.terminate()
        server.wait(10)
