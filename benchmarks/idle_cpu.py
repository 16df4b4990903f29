"""CPU and memory while the app idles on the routine list, and while it plays, per renderer.

Each figure is one fresh process measured from /proc over a span once it has
settled: CPU time of all its threads as % of one core, and its RSS at the end.

- Idle: the app on the routine list (its editor made, nothing moving) against
  the minimal QML window idle, offscreen (the CI figure) and, where Xvfb is
  installed, on a display of its own with Qt Quick's software backend and
  with OpenGL (Mesa's llvmpipe there, as on any machine without a GPU).
- Playing (Xvfb only): `stretchapp run calf-warm-up` (counted movements, so
  the picture moves), voice off so that only drawing is compared, in both
  backends, against the minimal window repainting 10 times a second.

Budget: idle on the routine list at most 0.3 % of a core with the renderer
the app picks itself (offscreen and on Xvfb). The last line is one JSON object.
"""

from __future__ import annotations

import json
import sys
import tempfile
from pathlib import Path

from display_runs import (
    APP,
    OFFSCREEN,
    environment,
    measure_running,
    minimal_window,
    new_home,
    xvfb,
    xvfb_usable,
)

IDLE_SECONDS = 10.0
PLAY_SECONDS = 20.0
BUDGET_IDLE_PERCENT = 0.3
PLAYED = "calf-warm-up"


def _line(label: str, figures: dict[str, float]) -> dict[str, float]:
    print(f"{label:44s} CPU {figures['cpu_percent']:6.2f} %   RSS {figures['rss_mb']:6.1f} MB")
    return {key: round(value, 2) for key, value in figures.items()}


def _idle(display: dict[str, str], home: Path, renderer: str) -> dict[str, float]:
    env = environment(home, display, STRETCHAPP_BENCHMARK_STARTUP="settle",
                      STRETCHAPP_RENDERER=renderer)
    return measure_running(APP, env, seconds=IDLE_SECONDS)


def _playing(display: dict[str, str], home: Path, renderer: str) -> dict[str, float]:
    env = environment(home, display, STRETCHAPP_RENDERER=renderer)
    return measure_running([*APP, "run", PLAYED], env, seconds=PLAY_SECONDS, settle=4.0,
                           wait_line=False)


def main() -> int:
    result: dict[str, object] = {}
    with tempfile.TemporaryDirectory() as name:
        home = new_home(Path(name), "home")
        (home / "settings.json").write_text(json.dumps({"voice": False}), encoding="utf-8")
        result["offscreen_idle"] = _line("offscreen: app idle on the routine list",
                                         _idle(OFFSCREEN, home, "auto"))
        result["offscreen_minimal_idle"] = _line(
            "offscreen: minimal window idle",
            measure_running(minimal_window("settle"), environment(home, OFFSCREEN),
                            seconds=IDLE_SECONDS))
        ok = result["offscreen_idle"]["cpu_percent"] <= BUDGET_IDLE_PERCENT  # type: ignore[index]
        missing = xvfb_usable()
        if missing:
            print(f"xvfb: not measured: {missing}")
        else:
            with xvfb() as display:
                for renderer in ("auto", "software", "opengl"):
                    result[f"xvfb_idle_{renderer}"] = _line(
                        f"xvfb: app idle, renderer {renderer}", _idle(display, home, renderer))
                result["xvfb_minimal_idle"] = _line(
                    "xvfb: minimal window idle (OpenGL)",
                    measure_running(minimal_window("settle"), environment(home, display),
                                    seconds=IDLE_SECONDS))
                for renderer in ("software", "opengl"):
                    result[f"xvfb_playing_{renderer}"] = _line(
                        f"xvfb: app playing, renderer {renderer}",
                        _playing(display, home, renderer))
                result["xvfb_minimal_10hz"] = _line(
                    "xvfb: minimal window repainting 10/s (OpenGL)",
                    measure_running(minimal_window("settle", 10), environment(home, display),
                                    seconds=PLAY_SECONDS))
            auto_idle = result["xvfb_idle_auto"]["cpu_percent"]  # type: ignore[index]
            ok = ok and auto_idle <= BUDGET_IDLE_PERCENT
    result.update(budget_idle_percent=BUDGET_IDLE_PERCENT, ok=ok)
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
