"""CPU and memory of the player: the real app playing, and idle, against a minimal QML window.

Each figure comes from a fresh process, offscreen, measuring its own CPU time
(user + system, getrusage) over a stretch of wall time, and its resident memory
at the end:

- app playing: `neck-warm-up` (counted movements from its first step) on a
  fresh home, measured for PLAY_SECONDS from the moment its session clock starts
  (after the voice is rendered: that work is the get-ready screen's, not the
  player's); then again on the same home, warm (its RSS is information only);
- baseline playing: a minimal QML window whose text changes 10 times a second;
- app idle: the library page, measured for IDLE_SECONDS once it has settled;
- baseline idle: the same minimal window with its timer stopped.

Budgets (issue 17): playing <= 1.5x the 10 Hz window; idle <= 0.3 % of a core;
resident memory <= 1.25x the minimal window. The machine is shared and noisy:
the ratio is the figure that holds. The last line is one JSON object.

Run: python benchmarks/player_cpu.py [--play-seconds 60] [--idle-seconds 20]
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
PLAY_ROUTINE = "neck-warm-up"
BUDGET_PLAY_RATIO = 1.5
BUDGET_IDLE_PERCENT = 0.3
BUDGET_RSS_RATIO = 1.25
SETTLE_SECONDS = 3.0  # after the library is in, before idle is measured

MINIMAL_QML = b"""
import QtQuick
Window {
    width: 1120; height: 780; visible: true; color: "#f4f5f1"
    property int n: 0
    Text { anchors.centerIn: parent; text: n; font.pointSize: 40 }
    Timer { interval: 100; repeat: true; running: TICKING; onTriggered: n++ }
}
"""


def _cpu_seconds() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def _rss_mb() -> float:
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return 0.0


class _Measure:
    """CPU time over `seconds` of wall time from start(); prints one JSON line, then quits."""

    def __init__(self, app: object, seconds: float, extra: dict[str, object] | None = None
                 ) -> None:
        self.app, self.seconds, self.extra = app, seconds, extra or {}
        self.started = False

    def start(self) -> None:
        from PySide6.QtCore import QTimer

        if self.started:
            return
        self.started = True
        self.cpu0, self.wall0 = _cpu_seconds(), time.monotonic()
        QTimer.singleShot(round(self.seconds * 1000), self.finish)

    def finish(self) -> None:
        cpu, wall = _cpu_seconds() - self.cpu0, time.monotonic() - self.wall0
        figures = {"cpu_s": round(cpu, 3), "wall_s": round(wall, 3),
                   "cpu_percent": round(100 * cpu / wall, 3), "rss_mb": round(_rss_mb(), 1)}
        print(json.dumps({**figures, **self.extra}), flush=True)
        self.app.quit()  # type: ignore[attr-defined]


def child_minimal(seconds: float, ticking: bool) -> None:
    """The baseline: a bare QML window, its text changing at 10 Hz (or never)."""
    from PySide6.QtCore import QByteArray, QTimer, QUrl
    from PySide6.QtGui import QGuiApplication
    from PySide6.QtQml import QQmlApplicationEngine

    app = QGuiApplication(sys.argv[:1])
    engine = QQmlApplicationEngine()
    source = MINIMAL_QML.replace(b"TICKING", b"true" if ticking else b"false")
    engine.loadData(QByteArray(source), QUrl("minimal.qml"))
    measure = _Measure(app, seconds)
    QTimer.singleShot(round(SETTLE_SECONDS * 1000), measure.start)
    app.exec()


def child_app(seconds: float, home: Path, routine_id: str | None) -> None:
    """The real app, as `run_app` builds it, measured playing a routine or idle on the library."""
    from PySide6.QtCore import Qt, QTimer
    from PySide6.QtGui import QGuiApplication
    from PySide6.QtQml import QQmlApplicationEngine

    from stretchapp.app.main import load_window
    from stretchapp.app.shell import AppShell

    os.environ.setdefault("QT_QUICK_CONTROLS_STYLE", "Basic")
    app = QGuiApplication(sys.argv[:1])
    engine = QQmlApplicationEngine()
    shell = AppShell(home, routine_id=routine_id)
    window = load_window(engine, shell)
    assert window is not None
    window.frameSwapped.connect(shell.start_once, Qt.ConnectionType.QueuedConnection)
    frames = [0]
    window.frameSwapped.connect(lambda: frames.__setitem__(0, frames[0] + 1))
    measure = _Measure(app, seconds)
    marks: dict[str, int] = {}

    def finish() -> None:
        measure.extra["frames_per_s"] = round((frames[0] - marks["frames"]) / seconds, 2)
        engine_now = shell.player.engine
        if engine_now is not None:
            measure.extra["status"] = engine_now.status.value
        _Measure.finish(measure)

    measure.finish = finish  # type: ignore[method-assign]

    def begin() -> None:
        marks["frames"] = frames[0]
        measure.start()

    if routine_id is not None:
        def check() -> None:
            if shell.player.engine is not None and not measure.started:
                begin()
        shell.player.stateUpdated.connect(lambda _state: check())
    else:
        shell.library.loadingChanged.connect(
            lambda: QTimer.singleShot(round(SETTLE_SECONDS * 1000), begin))
    app.exec()
    shell.shutdown(window)


def _run_child(args: list[str]) -> dict[str, float]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(REPO))
    out = subprocess.run([sys.executable, __file__, *args], capture_output=True, text=True,
                         env=env, cwd=REPO, timeout=900, check=False)
    lines = [line for line in out.stdout.splitlines() if line.startswith("{")]
    if out.returncode != 0 or not lines:
        raise SystemExit(f"child {args} failed ({out.returncode}):\n{out.stderr[-3000:]}")
    result: dict[str, float] = json.loads(lines[-1])
    return result


def _fresh_home(root: Path, name: str) -> Path:
    from stretchapp.core.storage.settings import Settings, save_settings

    home = root / name
    home.mkdir()
    save_settings(home, Settings(welcome_seen=True))  # past the first-launch screen
    return home


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--play-seconds", type=float, default=60.0)
    parser.add_argument("--idle-seconds", type=float, default=20.0)
    parser.add_argument("--child", choices=["minimal-10hz", "minimal-idle", "app-play",
                                            "app-idle"])
    parser.add_argument("--home", type=Path)
    parser.add_argument("--seconds", type=float, default=10.0)
    args = parser.parse_args()
    if args.child == "minimal-10hz":
        child_minimal(args.seconds, ticking=True)
        return
    if args.child == "minimal-idle":
        child_minimal(args.seconds, ticking=False)
        return
    if args.child in ("app-play", "app-idle"):
        routine = PLAY_ROUTINE if args.child == "app-play" else None
        child_app(args.seconds, args.home, routine)
        return

    sys.path.insert(0, str(REPO))
    with tempfile.TemporaryDirectory(prefix="player-cpu-") as temp:
        root = Path(temp)
        play, idle = str(args.play_seconds), str(args.idle_seconds)
        print(f"Each figure: CPU time over wall time in a fresh offscreen process "
              f"({args.play_seconds:.0f} s playing, {args.idle_seconds:.0f} s idle).")
        base_play = _run_child(["--child", "minimal-10hz", "--seconds", play])
        print(f"  minimal QML window at 10 Hz : {base_play['cpu_percent']:6.2f} % of a core, "
              f"{base_play['rss_mb']:.0f} MB")
        play_home = _fresh_home(root, "play")
        app_play = _run_child(["--child", "app-play", "--seconds", play,
                               "--home", str(play_home)])
        print(f"  app playing {PLAY_ROUTINE}  : {app_play['cpu_percent']:6.2f} % of a core, "
              f"{app_play['rss_mb']:.0f} MB, {app_play['frames_per_s']} frames/s")
        # Information only (the budget is the fresh home's): a second launch, library stored.
        warm_play = _run_child(["--child", "app-play", "--seconds", play,
                                "--home", str(play_home)])
        print(f"  same, second launch (warm)  : {warm_play['rss_mb']:.0f} MB")
        base_idle = _run_child(["--child", "minimal-idle", "--seconds", idle])
        print(f"  minimal QML window idle     : {base_idle['cpu_percent']:6.2f} % of a core, "
              f"{base_idle['rss_mb']:.0f} MB")
        app_idle = _run_child(["--child", "app-idle", "--seconds", idle,
                               "--home", str(_fresh_home(root, "idle"))])
        print(f"  app idle on the library     : {app_idle['cpu_percent']:6.2f} % of a core, "
              f"{app_idle['rss_mb']:.0f} MB, {app_idle['frames_per_s']} frames/s")
    play_ratio = app_play["cpu_percent"] / max(base_play["cpu_percent"], 0.01)
    rss_ratio = app_play["rss_mb"] / max(base_play["rss_mb"], 1.0)
    ok = {
        "play": play_ratio <= BUDGET_PLAY_RATIO,
        "idle": app_idle["cpu_percent"] <= BUDGET_IDLE_PERCENT,
        "rss": rss_ratio <= BUDGET_RSS_RATIO,
    }
    for name, good in ok.items():
        print(f"  {name:5s}: {'within budget' if good else 'OVER BUDGET'}")
    print(json.dumps({
        "play_cpu_percent": app_play["cpu_percent"],
        "baseline_10hz_cpu_percent": base_play["cpu_percent"],
        "play_ratio": round(play_ratio, 2), "budget_play_ratio": BUDGET_PLAY_RATIO,
        "play_frames_per_s": app_play["frames_per_s"],
        "idle_cpu_percent": app_idle["cpu_percent"],
        "baseline_idle_cpu_percent": base_idle["cpu_percent"],
        "budget_idle_percent": BUDGET_IDLE_PERCENT,
        "idle_frames_per_s": app_idle["frames_per_s"],
        "rss_mb": app_play["rss_mb"], "baseline_rss_mb": base_play["rss_mb"],
        "rss_ratio": round(rss_ratio, 2), "budget_rss_ratio": BUDGET_RSS_RATIO,
        "warm_rss_mb": warm_play["rss_mb"],
        "warm_rss_ratio": round(warm_play["rss_mb"] / max(base_play["rss_mb"], 1.0), 2),
        "ok": all(ok.values()),
    }))


if __name__ == "__main__":
    main()
