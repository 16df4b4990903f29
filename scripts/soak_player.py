"""Soak test of the player: launch the real app many times and count freezes.

Each launch gets its own Xvfb display, its own PulseAudio server (a null sink),
and an empty home (so the voice cache is cold and every phrase is rendered and
loaded while the routine plays). The app runs `stretchapp --home H run ROUTINE`
for `--seconds` (100 by default) and is then ended with SIGTERM.

What is counted, per launch and in total:
- freezes: the GUI thread's heartbeat (STRETCHAPP_HEARTBEAT, written by
  stretchapp.app.gui_watchdog every 0.25 s) stopped for more than `--stall`
  seconds (1 by default); "hung" when it never came back before the end.
  A stop that begins within `--startup-grace` s of the first heartbeat is the
  window's first frames and the library loading, and is counted apart
  (startup_stalls), not as a freeze;
- crashes: the app ended before it was asked to, or did not end on SIGTERM;
- warnings: lines on stderr, and WARNING/ERROR/CRITICAL lines in HOME/logs.

    python scripts/soak_player.py [-n 50] [-j 2] [--seconds 100] [--backend qt]

The last line printed is one JSON object with the totals.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict, dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from tests.app.real_audio_pulse import PulseUnavailable, start_pulse, stop_process  # noqa: E402

LOG_PROBLEM = re.compile(r" (WARNING|ERROR|CRITICAL) ")
# The console script `stretchapp`, run from this checkout.
APP = "import sys; from stretchapp.cli import main; sys.exit(main(sys.argv[1:]))"
POLL = 0.1  # seconds between heartbeat checks


@dataclass
class Launch:
    """What one launch did."""

    index: int
    freezes: int = 0
    startup_stalls: int = 0
    hung: bool = False
    longest_stall_s: float = 0.0
    crashed: bool = False
    exit_code: int | None = None
    stderr_lines: int = 0
    log_problems: int = 0
    log_bytes: int = 0
    first_heartbeat_s: float | None = None
    stalls: list[tuple[float, float]] = field(default_factory=list)  # (s after first beat, s)
    underrun_lines: int = 0
    samples: list[str] = field(default_factory=list)  # a few warning lines


def start_xvfb(display: int) -> subprocess.Popen[bytes]:
    """An Xvfb server on :display, once it accepts connections."""
    server = subprocess.Popen(["Xvfb", f":{display}", "-screen", "0", "1280x800x24",
                               "-nolisten", "tcp"],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 10
    while not Path(f"/tmp/.X11-unix/X{display}").exists():
        if server.poll() is not None or time.monotonic() > deadline:
            raise RuntimeError(f"Xvfb :{display} did not start")
        time.sleep(0.05)
    return server


def launch(index: int, slot: int, args: argparse.Namespace) -> Launch:
    """Run the app once and watch its heartbeat."""
    result = Launch(index)
    folder = Path(tempfile.mkdtemp(prefix=f"soak{index}-"))
    home, beat = folder / "home", folder / "heartbeat"
    home.mkdir()
    xvfb = start_xvfb(args.display + slot)
    try:
        pulse = start_pulse(record=False)
    except PulseUnavailable:
        stop_process(xvfb)
        raise
    env = {**pulse.env, "DISPLAY": f":{args.display + slot}", "QT_QPA_PLATFORM": "xcb",
           "STRETCHAPP_HEARTBEAT": str(beat), "PYTHONPATH": str(REPO),
           "STRETCHAPP_AUDIO": args.backend}
    env.pop("STRETCHAPP_HOME", None)
    stderr_path = folder / "stderr.txt"
    began = time.monotonic()
    try:
        with stderr_path.open("wb") as stderr:
            app = subprocess.Popen(
                [sys.executable, "-c", APP, "--home", str(home), "run", args.routine],
                env=env, cwd=REPO, stdout=subprocess.DEVNULL, stderr=stderr)
            _watch(app, beat, began, args, result)
            if app.poll() is None:
                app.send_signal(signal.SIGTERM)
                try:
                    result.exit_code = app.wait(timeout=15)
                except subprocess.TimeoutExpired:
                    app.kill()
                    result.exit_code = app.wait()
                    result.crashed = True
            else:
                result.exit_code = app.returncode
                result.crashed = True
        _count_lines(stderr_path, home, result)
        if args.keep and (result.freezes or result.crashed or result.stderr_lines):
            kept = Path(args.keep) / f"launch{index}"
            shutil.copytree(folder, kept, dirs_exist_ok=True)
    finally:
        pulse.stop()
        stop_process(xvfb)
        shutil.rmtree(folder, ignore_errors=True)
    return result


def _watch(app: subprocess.Popen[bytes], beat: Path, began: float,
           args: argparse.Namespace, result: Launch) -> None:
    stalled_since: float | None = None
    end = began + args.startup + args.seconds
    while time.monotonic() < end and app.poll() is None:
        time.sleep(POLL)
        try:
            last = float(beat.read_text(encoding="ascii"))
        except (OSError, ValueError):
            continue  # not started yet, or caught mid-write
        now = time.monotonic()
        if result.first_heartbeat_s is None:
            result.first_heartbeat_s = round(last - began, 2)
            end = last + args.seconds  # the routine's seconds count from the window
        quiet = now - last
        result.longest_stall_s = max(result.longest_stall_s, round(quiet, 2))
        first = began + (result.first_heartbeat_s or 0.0)
        if quiet > args.stall:
            if stalled_since != last:
                stalled_since = last
                if last - first < args.startup_grace:
                    result.startup_stalls += 1
                else:
                    result.freezes += 1
                result.stalls.append((round(last - first, 1), round(quiet, 2)))
            result.stalls[-1] = (result.stalls[-1][0], round(quiet, 2))
            if quiet > args.give_up:
                result.hung = True
                return
    if stalled_since is not None and result.first_heartbeat_s is not None:
        last = float(beat.read_text(encoding="ascii") or 0)
        result.hung = last == stalled_since


def _count_lines(stderr_path: Path, home: Path, result: Launch) -> None:
    lines = [line for line in stderr_path.read_text(errors="replace").splitlines()
             if line.strip()]
    result.stderr_lines = len(lines)
    result.samples = lines[:3]
    for log in sorted((home / "logs").glob("stretchapp.log*")):
        result.log_bytes += log.stat().st_size
        text = log.read_text(errors="replace")
        problems = [line for line in text.splitlines() if LOG_PROBLEM.search(line)]
        result.underrun_lines += text.count("underrun")
        result.log_problems += len(problems)
        result.samples += problems[:3]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", type=int, default=50, help="launches")
    parser.add_argument("-j", type=int, default=2, help="launches at once")
    parser.add_argument("--seconds", type=float, default=100.0, help="of the routine each")
    parser.add_argument("--routine", default="calf-warm-up")
    parser.add_argument("--backend", default="auto", help="STRETCHAPP_AUDIO for the app")
    parser.add_argument("--stall", type=float, default=1.0, help="seconds that are a freeze")
    parser.add_argument("--give-up", type=float, default=15.0,
                        help="end a launch frozen this long")
    parser.add_argument("--startup", type=float, default=60.0,
                        help="seconds allowed for the first heartbeat")
    parser.add_argument("--startup-grace", type=float, default=2.0,
                        help="seconds after the first heartbeat that are start-up")
    parser.add_argument("--display", type=int, default=140, help="first Xvfb display number")
    parser.add_argument("--keep", default="", help="copy failed launches' files here")
    args = parser.parse_args()
    for tool in ("Xvfb", "pulseaudio"):
        if shutil.which(tool) is None:
            print(f"{tool} is not installed: cannot soak here")
            print(json.dumps({"launches": 0, "ok": None, "why": f"no {tool}"}))
            return 0
    slots = list(range(args.j))
    lock = threading.Lock()
    results: list[Launch] = []

    def one(index: int) -> Launch:
        with lock:
            slot = slots.pop()
        try:
            done = launch(index, slot, args)
        finally:
            with lock:
                slots.append(slot)
        print(f"launch {index:3d}: freezes {done.freezes} hung {done.hung} "
              f"start-up stalls {done.startup_stalls} "
              f"longest stall {done.longest_stall_s:.2f} s crashed {done.crashed} "
              f"stderr {done.stderr_lines} log problems {done.log_problems} "
              f"log {done.log_bytes} B underruns {done.underrun_lines} "
              f"stalls {done.stalls} {done.samples[:1]}", flush=True)
        return done

    try:
        with ThreadPoolExecutor(max_workers=args.j) as pool:
            results = list(pool.map(one, range(args.n)))
    except PulseUnavailable as why:
        print(f"PulseAudio cannot start here: {why}")
        print(json.dumps({"launches": 0, "ok": None, "why": "no PulseAudio"}))
        return 0
    totals = {
        "launches": len(results),
        "backend": args.backend,
        "seconds_each": args.seconds,
        "freezes": sum(r.freezes for r in results),
        "launches_with_freeze": sum(1 for r in results if r.freezes),
        "startup_stalls": sum(r.startup_stalls for r in results),
        "longest_startup_stall_s": max((r.stalls[0][1] for r in results
                                        if r.startup_stalls), default=0.0),
        "hung": sum(1 for r in results if r.hung),
        "crashes": sum(1 for r in results if r.crashed),
        "stderr_lines": sum(r.stderr_lines for r in results),
        "log_problems": sum(r.log_problems for r in results),
        "longest_stall_after_startup_s": max(
            (length for r in results for at, length in r.stalls if at >= args.startup_grace),
            default=0.0),
        "max_log_bytes": max((r.log_bytes for r in results), default=0),
        "underrun_log_lines": sum(r.underrun_lines for r in results),
    }
    totals["ok"] = (totals["freezes"] == 0 and totals["crashes"] == 0
                    and totals["stderr_lines"] == 0 and totals["log_problems"] == 0)
    if os.environ.get("SOAK_DETAILS"):
        print(json.dumps([asdict(r) for r in results]))
    print(json.dumps(totals))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
