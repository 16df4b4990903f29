"""Start-up: the first frame and the routine-list frame, against a minimal window.

Each run is a fresh process: the app (`python -m stretchapp` on a temporary
home with the built-in library and STRETCHAPP_BENCHMARK_STARTUP=1, which makes
it print the time of its first frame, of the first frame that shows the
routine list, and its resident memory then) and, alternately, the baseline: a
Python process that opens one ApplicationWindow with a Label in the same Qt
Quick Controls style and prints its first frame. One warm-up run each first
fills Qt's QML disk cache, the app's library cache and Python's compiled
bytecode (kept in the run's own folder, even where PYTHONDONTWRITEBYTECODE is
set: an installed app has its bytecode), as any second start finds them.

Offscreen (the CI figure), RUNS runs each. The machine is shared: each ratio
held is the median of the ratios of an app run and the baseline run right
after it (which share the load of the moment); the ratio of the best runs and
of the processes' CPU time to the frame are printed beside it. Budgets: first
frame within 1.6x the minimal window's, the routine list within 2.0x, and at
most 150 MB resident.

On Xvfb, where it is installed, the same runs again on a display of their
own (the app picks its renderer as on any desktop: software where OpenGL is
llvmpipe), then memory once both have settled for two seconds (the app with
its editor made, as it idles): RSS within 1.25x the minimal window's.

The last line is one JSON object with the figures.
"""

from __future__ import annotations

import json
import statistics
import sys
import tempfile
from collections.abc import Mapping
from pathlib import Path

from display_runs import (
    APP,
    OFFSCREEN,
    environment,
    measure_running,
    minimal_window,
    new_home,
    run_once,
    xvfb,
    xvfb_usable,
)

RUNS = 9
XVFB_RUNS = 3
SKIP_XVFB = False
BUDGET_FIRST_RATIO = 1.6
BUDGET_LIST_RATIO = 2.0
BUDGET_RSS_MB = 150
BUDGET_XVFB_RSS_RATIO = 1.25


def _frames(display: Mapping[str, str], folder: Path, runs: int) -> dict[str, list[float]]:
    """Frame times (ms, wall and CPU) of the app and the baseline run by run, and RSS."""
    home = new_home(folder, "home-" + display.get("DISPLAY", "offscreen").strip(":"))
    env = environment(home, display, STRETCHAPP_BENCHMARK_STARTUP="1")
    names = ("first", "list", "first_cpu", "list_cpu", "rss",
             "base", "base_cpu", "base_rss")
    out: dict[str, list[float]] = {name: [] for name in names}
    run_once(APP, env)
    run_once(minimal_window(), env)
    for _ in range(runs):
        started, figures = run_once(APP, env)
        out["first"].append((figures["first_frame"] - started) * 1000)
        out["list"].append((figures["library_frame"] - started) * 1000)
        out["first_cpu"].append(figures["first_cpu"] * 1000)
        out["list_cpu"].append(figures["library_cpu"] * 1000)
        out["rss"].append(figures["rss_mb"])
        started, figures = run_once(minimal_window(), env)
        out["base"].append((figures["first_frame"] - started) * 1000)
        out["base_cpu"].append(figures["first_cpu"] * 1000)
        out["base_rss"].append(figures["rss_mb"])
    return out


def _runs(values: list[float]) -> str:
    return ", ".join(f"{v:.0f}" for v in values)


def _pair_ratio(app: list[float], base: list[float]) -> float:
    """The median of the ratios of runs taken one after the other (they share the load)."""
    return statistics.median(a / b for a, b in zip(app, base, strict=True))


def _report(where: str, runs: dict[str, list[float]]) -> dict[str, float]:
    median = statistics.median
    for label, key in (("app first frame  ", "first"), ("app routine list ", "list"),
                       ("minimal window   ", "base")):
        print(f"{where}: {label} {median(runs[key]):6.1f} ms median ({_runs(runs[key])}); "
              f"CPU {median(runs[key + '_cpu']):6.1f} ms")
    figures = {"first_ms": round(median(runs["first"]), 1),
               "list_ms": round(median(runs["list"]), 1),
               "baseline_ms": round(median(runs["base"]), 1),
               "first_ratio": round(_pair_ratio(runs["first"], runs["base"]), 2),
               "list_ratio": round(_pair_ratio(runs["list"], runs["base"]), 2),
               "best_list_ratio": round(min(runs["list"]) / min(runs["base"]), 2),
               "cpu_first_ratio": round(_pair_ratio(runs["first_cpu"], runs["base_cpu"]), 2),
               "cpu_list_ratio": round(_pair_ratio(runs["list_cpu"], runs["base_cpu"]), 2),
               "rss_mb": round(max(runs["rss"]), 1),
               "baseline_rss_mb": round(max(runs["base_rss"]), 1)}
    print(f"{where}: against the minimal window: first frame {figures['first_ratio']:.2f}x, "
          f"routine list {figures['list_ratio']:.2f}x (best runs {figures['best_list_ratio']:.2f}x;"
          f" CPU time {figures['cpu_first_ratio']:.2f}x and {figures['cpu_list_ratio']:.2f}x)")
    print(f"{where}: RSS at the list {figures['rss_mb']:.1f} MB, minimal window "
          f"{figures['baseline_rss_mb']:.1f} MB")
    return figures


def _settled_memory(display: Mapping[str, str], folder: Path) -> dict[str, float]:
    home = new_home(folder, "home-settled")
    app_env = environment(home, display, STRETCHAPP_BENCHMARK_STARTUP="settle")
    app = measure_running(APP, app_env, seconds=1.0)
    base = measure_running(minimal_window("settle"), environment(home, display), seconds=1.0)
    ratio = app["rss_mb"] / base["rss_mb"]
    print(f"xvfb: settled RSS app {app['rss_mb']:.1f} MB, minimal window "
          f"{base['rss_mb']:.1f} MB: {ratio:.2f}x (budget {BUDGET_XVFB_RSS_RATIO}x)")
    return {"settled_rss_mb": round(app["rss_mb"], 1),
            "settled_baseline_rss_mb": round(base["rss_mb"], 1),
            "settled_rss_ratio": round(ratio, 2)}


def main() -> int:
    result: dict[str, object] = {}
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        offscreen = _report("offscreen", _frames(OFFSCREEN, folder, RUNS))
        ok = (offscreen["first_ratio"] <= BUDGET_FIRST_RATIO
              and offscreen["list_ratio"] <= BUDGET_LIST_RATIO
              and offscreen["rss_mb"] <= BUDGET_RSS_MB)
        result.update(offscreen)
        missing = xvfb_usable()
        if missing:
            print(f"xvfb: not measured: {missing}")
            result["xvfb"] = None
        else:
            with xvfb() as display:
                on_x = _report("xvfb", _frames(display, folder, XVFB_RUNS))
                on_x.update(_settled_memory(display, folder))
            ok = ok and on_x["settled_rss_ratio"] <= BUDGET_XVFB_RSS_RATIO
            result["xvfb"] = on_x
    result.update(budget_first_ratio=BUDGET_FIRST_RATIO, budget_list_ratio=BUDGET_LIST_RATIO,
                  budget_rss_mb=BUDGET_RSS_MB, budget_xvfb_rss_ratio=BUDGET_XVFB_RSS_RATIO,
                  ok=ok)
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
