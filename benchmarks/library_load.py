"""Loading the routine library, against plain yaml.load of the same files.

Generates N routine files (N = 10, 100, 1000) and a stretch catalogue in a
temporary folder, loads them through the real loader (`load_library`: read,
compose with positions, validate, resolve) and, in the same run, parses the
same files with `yaml.load(text, Loader=yaml.CSafeLoader)`, which builds plain
data and checks nothing. Prints ms per file and the ratio for each N.

Then the GUI figure: a home holding GUI_ROUTINES routines, opened by the real
app (offscreen, STRETCHAPP_BENCHMARK_STARTUP=1) until the first frame that
shows the library, against `stretchapp list` on the same home in the same run:
the app must be within GUI_BUDGET_RATIO of `list`, and its peak resident
memory within GUI_BUDGET_RSS_MB. The last line is one JSON object with the
figures for N = 1000, the GUI figures and the budgets.

    python benchmarks/library_load.py            # GUI_ROUTINES = 10000
    python benchmarks/library_load.py --gui 2000 # a quicker GUI figure
"""

from __future__ import annotations

import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import yaml

from stretchapp.core.loading.library import load_library

SIZES = (10, 100, 1000)
BUDGET_RATIO = 2.0
BUDGET_1000_MS = 1000
STRETCHES = 24
GUI_ROUTINES = 10_000
GUI_BUDGET_RATIO = 2.0
GUI_BUDGET_RSS_MB = 300
REPO = Path(__file__).resolve().parent.parent
Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def catalogue_text() -> str:
    """A catalogue of STRETCHES stretches, a third of them sided."""
    lines = ["# Generated for the benchmark.", "format: 1", "stretches:"]
    for i in range(STRETCHES):
        lines += [
            f"  - id: stretch-{i}",
            f"    name: Stretch number {i}",
            "    group: calf",
            *(["    sided: true"] if i % 3 == 0 else []),
            "    instructions: >",
            "      Stand tall with your feet hip-width apart and rise slowly onto the",
            "      balls of your feet, then lower your heels back to the floor.",
            f"    say: Stretch {i}, slowly.",
            "",
        ]
    return "\n".join(lines)


def routine_text(n: int) -> str:
    """A routine of the size the built-in ones have: seven steps, every field kind."""
    kind = ("warm-up", "cool-down", "relief")[n % 3]
    steps = []
    for s in range(7):
        ref = (n + s * 5) % STRETCHES
        if s % 3 == 0:
            steps.append(f"  - stretch: stretch-{ref}\n    count: 12\n    tempo: 2s\n")
        elif s % 3 == 1:
            steps.append(f"  - stretch: stretch-{ref}\n    hold: 45s\n    reps: 2\n")
        else:
            steps.append("  - name: Seated rest\n    instructions: Sit and let the muscles relax."
                         "\n    hold: 1m30s\n    rest: 0\n")
    return (
        "# A generated routine.\n"
        f"format: 1\nid: routine-{n}\ntitle: Routine {n}\ngroup: calf\nkind: {kind}\n"
        "description: >\n  Long, gentle holds to ease a calf cramp or a tight calf.\n"
        "safety: Stretch gently; stop if the pain sharpens. Drink water.\n"
        "defaults:\n  prepare: 5s\n  hold: 30s\n  rest: 10s\n  switch: 5s\n  relax: 5s\n"
        "cues:\n  countdown: 3\n  halfway: true\n  voice: true\n"
        "steps:\n" + "".join(steps))


def make_folder(root: Path, count: int) -> list[Path]:
    """Write count routines and the catalogue below root; return every file."""
    (root / "stretches").mkdir(parents=True)
    (root / "calf").mkdir()
    files = [root / "stretches" / "calf.yaml"]
    files[0].write_text(catalogue_text(), encoding="utf-8")
    for n in range(count):
        path = root / "calf" / f"routine-{n}.yaml"
        path.write_text(routine_text(n), encoding="utf-8")
        files.append(path)
    return files


def best_of(repeats: int, *runs: Callable[[], object]) -> list[float]:
    """The fastest of repeats runs of each, in seconds, the runs taking turns so
    that a noisy moment on the machine slows both alike."""
    best = [float("inf")] * len(runs)
    for _ in range(repeats):
        for i, run in enumerate(runs):
            start = time.perf_counter()
            run()
            best[i] = min(best[i], time.perf_counter() - start)
    return best


def measure(count: int) -> dict[str, float]:
    with tempfile.TemporaryDirectory(prefix="stretchapp-bench-") as name:
        root = Path(name)
        files = make_folder(root, count)

        def loader() -> object:
            library = load_library(builtin_dir=root, user_dir=None)
            assert len(library.routines) == count, library.problems[:3]
            return library

        def baseline() -> object:
            return [yaml.load(p.read_text(encoding="utf-8"), Loader=Loader) for p in files]

        loader()  # warm up imports and caches of both paths before timing
        baseline()
        real, base = best_of(max(5, 2000 // len(files)), loader, baseline)
    return {"files": len(files), "load_ms": real * 1000, "baseline_ms": base * 1000,
            "ms_per_file": real * 1000 / len(files),
            "baseline_ms_per_file": base * 1000 / len(files), "ratio": real / base}


def _child_env() -> dict[str, str]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", STRETCHAPP_BENCHMARK_STARTUP="1")
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(REPO), env.get("PYTHONPATH")]))
    return env


def _peak_mb_of(command: list[str], env: dict[str, str]) -> tuple[float, float, str]:
    """Wall seconds, peak RSS (MiB) and stdout of one child process."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    start = time.time()
    done = subprocess.run(command, env=env, capture_output=True, text=True, timeout=900,
                          check=True)
    wall = time.time() - start
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    # ru_maxrss of the children is the largest any child reached: only a new
    # maximum can be told apart, so the app (the larger) is measured last.
    return wall, max(peak, before) / 1024, done.stdout


def measure_gui(count: int) -> dict[str, float]:
    """The app's first library frame and memory against `stretchapp list`, one home."""
    with tempfile.TemporaryDirectory(prefix="stretchapp-bench-gui-") as name:
        home = Path(name)
        make_folder(home / "routines" / "generated", count)
        env = _child_env()
        stretchapp = [sys.executable, "-m", "stretchapp", "--home", str(home)]
        best_list = min(_peak_mb_of([*stretchapp, "list"], env)[0] for _ in range(2))
        start = time.time()
        _, peak_mb, out = _peak_mb_of(stretchapp, env)
        shown = json.loads(out.strip().splitlines()[-1])
        gui = shown["library_frame"] - start
    return {"routines": count, "list_s": best_list, "gui_s": gui,
            "ratio": gui / best_list, "rss_mb": shown["rss_mb"], "peak_rss_mb": peak_mb}


def main() -> int:
    gui_count = GUI_ROUTINES
    if "--gui" in sys.argv:
        gui_count = int(sys.argv[sys.argv.index("--gui") + 1])
    print(f"library load vs yaml.load({Loader.__name__}), best of several runs")
    results = {}
    for count in SIZES:
        r = measure(count)
        results[count] = r
        print(f"N={count:5d} ({r['files']} files): loader {r['ms_per_file']:.3f} ms/file "
              f"({r['load_ms']:.1f} ms), yaml.load {r['baseline_ms_per_file']:.3f} ms/file, "
              f"ratio {r['ratio']:.2f}")
    big = results[SIZES[-1]]
    gui = measure_gui(gui_count)
    print(f"GUI with {gui_count} routines: first library frame after {gui['gui_s']:.2f} s, "
          f"`stretchapp list` {gui['list_s']:.2f} s, ratio {gui['ratio']:.2f}; "
          f"RSS at that frame {gui['rss_mb']:.0f} MiB, peak {gui['peak_rss_mb']:.0f} MiB")
    gui_ok = gui["ratio"] <= GUI_BUDGET_RATIO and gui["peak_rss_mb"] <= GUI_BUDGET_RSS_MB
    ok = big["ratio"] <= BUDGET_RATIO and big["load_ms"] < BUDGET_1000_MS and gui_ok
    print(json.dumps({
        "ms_per_file": round(big["ms_per_file"], 4),
        "baseline_ms_per_file": round(big["baseline_ms_per_file"], 4),
        "ratio": round(big["ratio"], 2),
        "load_1000_ms": round(big["load_ms"], 1),
        "ratios": {str(n): round(r["ratio"], 2) for n, r in results.items()},
        "budget_ratio": BUDGET_RATIO,
        "budget_1000_ms": BUDGET_1000_MS,
        "gui_routines": gui_count,
        "gui_s": round(gui["gui_s"], 2),
        "list_s": round(gui["list_s"], 2),
        "gui_ratio": round(gui["ratio"], 2),
        "gui_rss_mb": gui["rss_mb"],
        "gui_peak_rss_mb": round(gui["peak_rss_mb"], 1),
        "gui_budget_ratio": GUI_BUDGET_RATIO,
        "gui_budget_rss_mb": GUI_BUDGET_RSS_MB,
        "ok": ok,
    }))
    return 0


if __name__ == "__main__":
    sys.exit(main())
