"""Sound and voice cues: how late a cue reaches the sink, and how long speech takes to render.

1. Cue latency. A routine of `--seconds` (default 60) is played by SessionTicker
   on the real clock into a CuePlayer (voice on, phrases prepared), whose sink
   notes the monotonic time of each `play` call; a child process keeps one core
   busy meanwhile. Lateness = play call - planned time, for every cue sound.
   Baseline, in the same run and under the same load: a bare single-shot
   PreciseTimer chained through the same instants.
2. Rendering. Every phrase of the built-in routine with the most of them,
   rendered by VoiceRenderer into an empty cache (cold, engine start-up
   included), then again (cached). Baseline: one `espeak-ng -w` run for one
   phrase (where the program is installed).

    QT_QPA_PLATFORM=offscreen python benchmarks/cues.py [--seconds N]

The last line is one JSON object with the figures, baselines, ratios and budgets.
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench_common import bare_timer_lateness, percentile, templates
from PySide6.QtCore import QCoreApplication, QEventLoop, QTimer

from stretchapp.app.cue_player import CuePlayer
from stretchapp.app.session_ticker import SessionTicker
from stretchapp.app.voice_preparer import VoicePreparer
from stretchapp.core.loading.library import load_library
from stretchapp.core.model import CueSettings, Kind, Routine, Step
from stretchapp.core.session.controls import Control
from stretchapp.core.session.cues import all_cues
from stretchapp.core.session.timeline import build_timeline
from stretchapp.core.sound.cue_sink import RecordingSink
from stretchapp.core.sound.cue_sounds import CUE_SOUND_NAMES
from stretchapp.core.sound.voice import VoiceRenderer

BUDGET = {"p99_late_ms": 15.0, "render_cold_ms": 2000.0, "render_cached_ms": 50.0}
MS = 1000.0


TEMPLATES = templates(6)


def routine_of(seconds: int) -> Routine:
    """A routine at least `seconds` long, cycling through the templates."""
    steps: list[Step] = []
    used = 0
    while used < seconds:
        template = TEMPLATES[len(steps) % 3]
        steps.append(template)
        used += template.seconds(last=False)
    return Routine("cue-bench", "Cue benchmark", "calf", Kind.RELIEF, tuple(steps),
                   cues=CueSettings(countdown=3, halfway=True))




def measure_cues(app: QCoreApplication, routine: Routine, cache: Path) -> list[float]:
    """Lateness (s) of every cue sound's play call, the routine played on the real clock."""
    sink = RecordingSink(time.monotonic)
    preparer = VoicePreparer(cache)
    player = CuePlayer(sink, preparer)
    player.prepare(routine)
    while not player.ready:
        app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 10)
    ticker = SessionTicker.for_routine(routine)
    ticker.cueDue.connect(player.play_cue)
    ticker.stateChanged.connect(player.follow_state)
    ticker.finished.connect(lambda: QTimer.singleShot(500, app.quit))
    ticker.apply(Control.START)
    start = ticker.engine.clock_at(0.0)
    assert start is not None
    app.exec()
    preparer.wait()
    played = [p for p in sink.played if p.name in CUE_SOUND_NAMES]
    cues = all_cues(build_timeline(routine), routine.cues)
    assert [p.name for p in played] == [c.sound for c in cues], "cues missing or out of order"
    return [p.at - (start + c.due) for p, c in zip(played, cues, strict=True)]


def measure_render(phrases: list[str]) -> tuple[float, float, float | None]:
    """Seconds to render all phrases cold, then cached; and one espeak-ng command run."""
    with tempfile.TemporaryDirectory() as folder:
        started = time.perf_counter()
        done = VoiceRenderer(Path(folder)).render_all(phrases)
        cold = time.perf_counter() - started
        assert len(done) == len(phrases), "some phrases could not be rendered"
        started = time.perf_counter()
        VoiceRenderer(Path(folder)).render_all(phrases)
        cached = time.perf_counter() - started
        command = None
        program = shutil.which("espeak-ng")
        if program is not None:
            started = time.perf_counter()
            subprocess.run([program, "-v", "en", "-s", "160", "-w", str(Path(folder) / "one.wav"),
                            phrases[0]], check=True, capture_output=True)
            command = time.perf_counter() - started
    return cold, cached, command


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=int, default=60, help="routine length (60)")
    seconds = max(10, parser.parse_args().seconds)
    app = QCoreApplication.instance() or QCoreApplication(sys.argv)

    library = load_library()
    biggest = max(library.routines.values(),
                  key=lambda r: len({c.text for c in all_cues(build_timeline(r), r.cues)}))
    phrases = list(dict.fromkeys(
        c.text for c in all_cues(build_timeline(biggest), biggest.cues) if c.text))
    cold, cached, command = measure_render(phrases)
    print(f"render: {len(phrases)} phrases of {biggest.id}: cold {cold * MS:.1f} ms "
          f"(budget {BUDGET['render_cold_ms']:.0f}), cached {cached * MS:.2f} ms "
          f"(budget {BUDGET['render_cached_ms']:.0f})")
    if command is not None:
        print(f"baseline: one espeak-ng command, one phrase: {command * MS:.1f} ms")

    routine = routine_of(seconds)
    timeline = build_timeline(routine)
    offsets = sorted({c.due for c in all_cues(timeline, routine.cues) if c.due > 0})
    # The load: one core kept busy by a child process for the whole measurement.
    spinner = subprocess.Popen([sys.executable, "-c", "while True: pass"])
    try:
        print(f"routine: {routine.total_seconds} s, {len(offsets)} cue instants; "
              f"one core kept busy by pid {spinner.pid}")
        baseline = bare_timer_lateness(offsets)
        with tempfile.TemporaryDirectory() as cache:
            late = measure_cues(app, routine, Path(cache))
    finally:
        spinner.kill()
        spinner.wait()

    figures = {
        "cues": len(late),
        "p50_late_ms": round(statistics.median(late) * MS, 3),
        "p99_late_ms": round(percentile(late, 0.99) * MS, 3),
        "max_late_ms": round(max(late) * MS, 3),
        "baseline_p99_late_ms": round(percentile(baseline, 0.99) * MS, 3),
        "phrases": len(phrases),
        "render_cold_ms": round(cold * MS, 2),
        "render_cached_ms": round(cached * MS, 3),
        "baseline_command_ms": None if command is None else round(command * MS, 2),
    }
    # Ratios against the baselines; latencies floored at 1 ms so that noise
    # below a millisecond does not make a large ratio.
    figures["ratio"] = round(
        max(figures["p99_late_ms"], 1.0) / max(figures["baseline_p99_late_ms"], 1.0), 3)
    figures["render_ratio"] = None if command is None else round(cold / command, 3)
    # The budget is absolute; the ratio is printed to tell a slow
    # machine (bare timer late too) from a slow cue path.
    on_time = figures["p99_late_ms"] <= BUDGET["p99_late_ms"]
    ok = (on_time
          and figures["render_cold_ms"] <= BUDGET["render_cold_ms"]
          and figures["render_cached_ms"] <= BUDGET["render_cached_ms"])
    print(f"cue sounds timed: {len(late)}; lateness p50 {figures['p50_late_ms']:.3f} ms, "
          f"p99 {figures['p99_late_ms']:.3f} ms, max {figures['max_late_ms']:.3f} ms "
          f"(budget p99 {BUDGET['p99_late_ms']:.0f} ms)")
    print(f"baseline: bare QTimer p99 {figures['baseline_p99_late_ms']:.3f} ms; "
          f"ratio {figures['ratio']:.2f}")
    print(json.dumps({**figures, "budget": BUDGET, "ok": ok}))
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
