"""Start-up: process start to the first frame of the main window, against a minimal window.

Both run offscreen in fresh processes, alternately, 5 times each after one
warm-up run (which fills Qt's QML disk cache, as any second start would find
it). The app is `python -m stretchapp` on a temporary home with the built-in
library and STRETCHAPP_BENCHMARK_STARTUP=1, which makes it print the time of
its first frame, of the first frame that shows the loaded library, and its
resident memory then. The baseline is a Python process that opens one
ApplicationWindow with a Label in the same Qt Quick Controls style.

Budget: first frame within 1.6x the baseline's, and at most 150 MB resident.
The last line is one JSON object with the figures.
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

RUNS = 5
BUDGET_RATIO = 1.6
BUDGET_RSS_MB = 150
REPO = Path(__file__).resolve().parent.parent

BASELINE = r"""
import json, sys, time
from PySide6.QtGui import QGuiApplication
from PySide6.QtQml import QQmlApplicationEngine
app = QGuiApplication(sys.argv[:1])
engine = QQmlApplicationEngine()
engine.loadData(b'import QtQuick\nimport QtQuick.Controls.Basic\n'
                b'ApplicationWindow { visible: true; width: 1120; height: 780; '
                b'title: "baseline"; Label { text: "Hello" } }')
window = engine.rootObjects()[0]
def frame():
    print(json.dumps({"first_frame": time.time()}), flush=True)
    app.quit()
window.frameSwapped.connect(frame)
app.exec()
"""


def _environment(home: Path) -> dict[str, str]:
    env = dict(os.environ)
    env.update(QT_QPA_PLATFORM="offscreen", QT_QUICK_CONTROLS_STYLE="Basic",
               STRETCHAPP_HOME=str(home), STRETCHAPP_BENCHMARK_STARTUP="1")
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(REPO), env.get("PYTHONPATH")]))
    return env


def _run(command: list[str], env: dict[str, str]) -> tuple[float, dict[str, float]]:
    started = time.time()
    out = subprocess.run(command, env=env, capture_output=True, text=True, timeout=60,
                         cwd=REPO, check=False)
    lines = [line for line in out.stdout.splitlines() if line.startswith("{")]
    if out.returncode != 0 or not lines:
        raise SystemExit(f"{' '.join(command[:3])} failed ({out.returncode}):\n{out.stderr}")
    return started, json.loads(lines[-1])


def main() -> int:
    with tempfile.TemporaryDirectory() as folder:
        home = Path(folder) / "home"
        (home / "routines").mkdir(parents=True)
        env = _environment(home)
        app_command = [sys.executable, "-m", "stretchapp"]
        baseline_command = [sys.executable, "-c", BASELINE]
        _run(app_command, env)
        _run(baseline_command, env)
        first, library, baseline, rss = [], [], [], []
        for _ in range(RUNS):
            started, figures = _run(app_command, env)
            first.append((figures["first_frame"] - started) * 1000)
            library.append((figures["library_frame"] - started) * 1000)
            rss.append(figures["rss_mb"])
            started, figures = _run(baseline_command, env)
            baseline.append((figures["first_frame"] - started) * 1000)
    startup = statistics.median(first)
    with_library = statistics.median(library)
    base = statistics.median(baseline)
    rss_mb = max(rss)
    ratio = startup / base
    print(f"app first frame:        {startup:7.1f} ms  (runs: "
          + ", ".join(f"{v:.0f}" for v in first) + ")")
    print(f"app frame with library: {with_library:7.1f} ms  (ratio {with_library / base:.2f})")
    print(f"minimal window:         {base:7.1f} ms  (runs: "
          + ", ".join(f"{v:.0f}" for v in baseline) + ")")
    print(f"ratio {ratio:.2f} (budget {BUDGET_RATIO}), RSS {rss_mb:.1f} MB "
          f"(budget {BUDGET_RSS_MB})")
    ok = ratio <= BUDGET_RATIO and rss_mb <= BUDGET_RSS_MB
    print(json.dumps({
        "startup_ms": round(startup, 1), "library_frame_ms": round(with_library, 1),
        "baseline_ms": round(base, 1), "ratio": round(ratio, 2),
        "library_ratio": round(with_library / base, 2), "rss_mb": round(rss_mb, 1),
        "budget_ratio": BUDGET_RATIO, "budget_rss_mb": BUDGET_RSS_MB, "ok": ok,
    }))
    return 0


if __name__ == "__main__":
    sys.exit(main())
