"""How exactly a session keeps time: a routine played by SessionTicker on the real clock.

Plays a routine of `--seconds` (default 60) in a QCoreApplication event loop
driven by SessionTicker on time.monotonic, while a child process keeps one core
busy. It reports the drift at the end (finish time against plan), the lateness of
every phase start and cue (p50, p99), and the CPU the process used, as % of one
core. The baseline, measured first in the same run and under the same load, is a
bare single-shot PreciseTimer chained through the same deadlines: the best any
driver on this event loop can do.

    QT_QPA_PLATFORM=offscreen python benchmarks/timer_accuracy.py [--seconds N]

The last line is one JSON object with the figures, the baseline and the budget.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import os
import statistics
import sys
import time

from bench_common import bare_timer_lateness, bench_stretch, percentile, templates
from PySide6.QtCore import QCoreApplication

from stretchapp.app.session_ticker import SessionTicker
from stretchapp.core.model import CueSettings, Kind, Routine, Step
from stretchapp.core.session.controls import Control
from stretchapp.core.session.cues import Cue, all_cues
from stretchapp.core.session.events import Event, PhaseStarted, SessionFinished
from stretchapp.core.session.timeline import build_timeline

BUDGET = {"drift_ms": 10.0, "p99_late_ms": 20.0, "cpu_percent": 2.0}


TEMPLATES = templates(5)


def routine_of(seconds: int) -> Routine:
    """A routine exactly `seconds` long, cycling through the templates, a hold at the end."""
    steps: list[Step] = []
    used = 0
    while used + TEMPLATES[len(steps) % 3].seconds(last=False) + 1 <= seconds:
        template = TEMPLATES[len(steps) % 3]
        steps.append(template)
        used += template.seconds(last=False)
    steps.append(Step(bench_stretch("Neck tilt"), hold=seconds - used, prepare=0))
    cues = CueSettings(countdown=3, halfway=True)
    return Routine("timer-bench", "Timer benchmark", "calf", Kind.RELIEF, tuple(steps), cues=cues)


def _spin(until: float) -> None:
    """Keep one core busy until the monotonic clock reaches `until`."""
    while time.monotonic() < until:
        pass


def _due(event: Event) -> float:
    if isinstance(event, Cue):
        return event.due
    if isinstance(event, PhaseStarted):
        return float(event.phase.start)
    if isinstance(event, SessionFinished):
        return event.at
    raise TypeError(f"unexpected event {event!r}")




def measure_engine(app: QCoreApplication, routine: Routine) -> tuple[list[float], float, float]:
    """Lateness (s) of every timed event, the finish's drift (s) and the CPU (% of a core)."""
    ticker = SessionTicker.for_routine(routine)
    received: list[tuple[float, Event]] = []

    def stamp(events: list[Event]) -> None:
        now = time.monotonic()
        received.extend((now, event) for event in events)

    ticker.eventsReady.connect(stamp)
    ticker.finished.connect(app.quit)
    cpu, wall = time.process_time(), time.monotonic()
    ticker.apply(Control.START)
    start = ticker.engine.clock_at(0.0)
    assert start is not None
    app.exec()
    cpu_used, wall_used = time.process_time() - cpu, time.monotonic() - wall
    late = [at - (start + _due(event)) for at, event in received if _due(event) > 0]
    finish = next(at for at, event in received if isinstance(event, SessionFinished))
    drift = finish - (start + routine.total_seconds)
    return late, drift, 100.0 * cpu_used / wall_used


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    default = int(os.environ.get("TIMER_BENCH_SECONDS", "60"))
    parser.add_argument("--seconds", type=int, default=default, help="routine length (60)")
    seconds = max(1, parser.parse_args().seconds)
    routine = routine_of(seconds)
    app = QCoreApplication.instance() or QCoreApplication(sys.argv)

    # The load: one core busy for the whole run (baseline and engine).
    spinner = multiprocessing.get_context("spawn").Process(
        target=_spin, args=(time.monotonic() + 2 * seconds + 30,), daemon=True
    )
    spinner.start()
    try:
        timeline = build_timeline(routine)
        offsets = sorted(
            {c.due for c in all_cues(timeline, routine.cues)}
            | {float(p.start) for p in timeline[1:]}
        )
        print(
            f"routine: {seconds} s, {len(timeline)} phases, {len(offsets)} deadlines; "
            f"one core kept busy by pid {spinner.pid}"
        )
        cpu, wall = time.process_time(), time.monotonic()
        baseline = bare_timer_lateness(offsets)
        baseline_cpu = 100.0 * (time.process_time() - cpu) / (time.monotonic() - wall)
        late, drift, cpu_percent = measure_engine(app, routine)
    finally:
        spinner.terminate()
        spinner.join()

    ms = 1000.0
    figures = {
        "drift_ms": round(drift * ms, 3),
        "p50_late_ms": round(statistics.median(late) * ms, 3),
        "p99_late_ms": round(percentile(late, 0.99) * ms, 3),
        "max_late_ms": round(max(late) * ms, 3),
        "cpu_percent": round(cpu_percent, 3),
        "baseline_p50_late_ms": round(statistics.median(baseline) * ms, 3),
        "baseline_p99_late_ms": round(percentile(baseline, 0.99) * ms, 3),
        "baseline_cpu_percent": round(baseline_cpu, 3),
    }
    # The ratio compares p99 lateness with the bare timer's, floored at 1 ms so
    # that a sub-millisecond baseline does not turn noise into a large ratio.
    figures["ratio"] = round(
        max(figures["p99_late_ms"], 1.0) / max(figures["baseline_p99_late_ms"], 1.0), 3
    )
    ok = (
        abs(figures["drift_ms"]) <= BUDGET["drift_ms"]
        and figures["p99_late_ms"] <= BUDGET["p99_late_ms"]
        and figures["cpu_percent"] <= BUDGET["cpu_percent"]
    )
    print(f"events timed: {len(late)}, baseline deadlines: {len(baseline)}")
    print(f"drift at the end: {figures['drift_ms']:.3f} ms (budget {BUDGET['drift_ms']} ms)")
    print(
        f"lateness p50 {figures['p50_late_ms']:.3f} ms, p99 {figures['p99_late_ms']:.3f} ms, "
        f"max {figures['max_late_ms']:.3f} ms (budget p99 {BUDGET['p99_late_ms']} ms)"
    )
    print(
        f"bare QTimer p50 {figures['baseline_p50_late_ms']:.3f} ms, "
        f"p99 {figures['baseline_p99_late_ms']:.3f} ms"
    )
    print(
        f"CPU {figures['cpu_percent']:.3f} % of one core (bare timer "
        f"{figures['baseline_cpu_percent']:.3f} %, budget {BUDGET['cpu_percent']} %)"
    )
    print(json.dumps({**figures, "budget": BUDGET, "ok": ok}))
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
