"""Resident memory of the real app by cause: RSS and USS after each start-up stage.

One fresh offscreen process per home state, measuring itself (/proc/self/smaps_rollup)
after each stage, as `run_app` orders them: PySide6 imported, the app's modules,
Main.qml, the first frame, the routine list, the history, the habit features, then
playing `neck-warm-up` (QtMultimedia and the voice), and, last, the editor and
sharing bridges a user makes with New routine, Customise, Import or Export.
Each line's (+N) is that stage's cost. Two home states: "warm" (the library cache
from an earlier start: every start but the first) and "cold" (a fresh home: the
library is loaded by a child process, core.loading.child_load, so the loader and
pydantic stay out of the app's process). Reminders are off (the default), so the
habit features make no tray and no idle source. The baseline is a minimal QML window's RSS, measured
in the same run (benchmarks/player_cpu.py's). Budget (issue 17): playing RSS
<= 1.25x the minimal window. The last line is one JSON object.

Run: python benchmarks/memory_stages.py
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
BUDGET_RSS_RATIO = 1.25
PLAY_ROUTINE = "neck-warm-up"


def _memory_mb() -> tuple[float, float]:
    """(RSS, USS) of this process in MiB."""
    rss = uss = 0
    with open("/proc/self/smaps_rollup", encoding="ascii") as smaps:
        for line in smaps:
            key, value = line.split(":", 1)
            if key == "Rss":
                rss = int(value.split()[0])
            elif key in ("Private_Clean", "Private_Dirty"):
                uss += int(value.split()[0])
    return rss / 1024, uss / 1024


def child(home: Path) -> None:
    """The real app, stage by stage, printing one JSON line per stage."""
    def mark(stage: str) -> None:
        rss, uss = _memory_mb()
        print(json.dumps({"stage": stage, "rss": round(rss, 1), "uss": round(uss, 1),
                          "modules": len(sys.modules)}), flush=True)

    mark("python")
    os.environ.setdefault("QT_QUICK_CONTROLS_STYLE", "Basic")
    from PySide6.QtGui import QGuiApplication
    from PySide6.QtQml import QQmlApplicationEngine
    mark("PySide6 imported")
    app = QGuiApplication(sys.argv[:1])
    from stretchapp.app import deferred_imports
    from stretchapp.app.main import load_window
    from stretchapp.app.shell import AppShell
    mark("application + app modules")
    engine = QQmlApplicationEngine()
    shell = AppShell(home)
    window = load_window(engine, shell)
    assert window is not None
    mark("Main.qml loaded")
    frames = [0]
    window.frameSwapped.connect(lambda: frames.__setitem__(0, frames[0] + 1))

    def wait(done: Callable[[], bool], seconds: float) -> None:
        end = time.monotonic() + seconds
        while not done() and time.monotonic() < end:
            app.processEvents()
            time.sleep(0.01)

    wait(lambda: frames[0] > 0, 30)
    mark("first frame")
    shell.start_once()
    wait(lambda: shell.library.library is not None, 60)
    drawn = frames[0]
    window.update()
    wait(lambda: frames[0] > drawn, 5)
    mark("routine list drawn")
    shell.history = deferred_imports.open_history(home)
    shell.history.open()
    mark("history (sqlite3)")
    shell.start_rest()
    wait(lambda: False, 1.5)
    mark("habit features, settled (idle)")
    shell.app.startRoutine(PLAY_ROUTINE)
    wait(lambda: shell.player.engine is not None, 120)
    wait(lambda: False, 5)
    mark("playing (audio, voice)")
    shell.editing.ensure()
    mark("editor and sharing made")
    shell.player.close()
    shell.shutdown(window)


def _run(home: Path) -> list[dict[str, float]]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(REPO))
    out = subprocess.run([sys.executable, __file__, "--child", str(home)], capture_output=True,
                         text=True, env=env, cwd=REPO, timeout=600, check=False)
    rows = [json.loads(line) for line in out.stdout.splitlines() if line.startswith("{")]
    if out.returncode != 0 or not rows:
        raise SystemExit(f"child failed ({out.returncode}):\n{out.stderr[-3000:]}")
    return rows


def _baseline_rss() -> float:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(REPO))
    out = subprocess.run([sys.executable, str(REPO / "benchmarks" / "player_cpu.py"),
                          "--child", "minimal-idle", "--seconds", "2"], capture_output=True,
                         text=True, env=env, cwd=REPO, timeout=300, check=False)
    lines = [line for line in out.stdout.splitlines() if line.startswith("{")]
    if out.returncode != 0 or not lines:
        raise SystemExit(f"baseline failed ({out.returncode}):\n{out.stderr[-3000:]}")
    return float(json.loads(lines[-1])["rss_mb"])


def _print(title: str, rows: list[dict[str, float]]) -> None:
    print(title)
    last = 0.0
    for row in rows:
        print(f"  {row['stage']:34s} RSS {row['rss']:6.1f} MB (+{row['rss'] - last:5.1f})"
              f"  USS {row['uss']:6.1f} MB  {row['modules']:4.0f} modules")
        last = row["rss"]


def main() -> None:
    baseline = _baseline_rss()
    with tempfile.TemporaryDirectory() as tmp:
        home = Path(tmp) / "home"
        cold = _run(home)
        warm = _run(home)
    print(f"minimal QML window: RSS {baseline:.1f} MB")
    _print("fresh home (cold: the library is loaded by a child process):", cold)
    _print("second start (warm: the stored library, no pydantic):", warm)
    by_stage = {row["stage"]: row["rss"] for row in warm}
    playing = by_stage["playing (audio, voice)"]
    idle = by_stage["habit features, settled (idle)"]
    ratio = playing / baseline
    print(f"warm, playing: {playing:.0f} MB = {ratio:.2f}x the minimal window "
          f"(budget {BUDGET_RSS_RATIO}x)")
    print(json.dumps({"warm_idle_rss_mb": idle, "warm_playing_rss_mb": playing,
                      "cold_playing_rss_mb": {r["stage"]: r["rss"] for r in cold}[
                          "playing (audio, voice)"],
                      "baseline_rss_mb": baseline, "rss_ratio": round(ratio, 2),
                      "budget_rss_ratio": BUDGET_RSS_RATIO, "ok": ratio <= BUDGET_RSS_RATIO}))


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "--child":
        child(Path(sys.argv[2]))
    else:
        main()
