"""Pieces the timing benchmarks share: test steps, percentiles, the bare-timer baseline."""

from __future__ import annotations

import math
import time

from PySide6.QtCore import QEventLoop, Qt, QTimer

from stretchapp.core.model import Side, Step, Stretch


def bench_stretch(name: str, sided: bool = False) -> Stretch:
    return Stretch(id=name.lower().replace(" ", "-"), name=name, group="calf",
                   instructions=name, sided=sided)


def templates(count: int) -> tuple[Step, ...]:
    """A plain hold, a sided hold and a counted movement: every kind of phase and cue."""
    return (
        Step(bench_stretch("Calf stretch"), hold=8, prepare=2, rest=2),
        Step(bench_stretch("Wall stretch", True), hold=5, sides=(Side.LEFT, Side.RIGHT),
             prepare=2, switch=1, rest=2),
        Step(bench_stretch("Heel raise"), hold=None, count=count, tempo=1, prepare=2, rest=2),
    )


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, math.ceil(share * len(ordered)) - 1)]


def bare_timer_lateness(offsets: list[float]) -> list[float]:
    """Lateness (s) of a bare PreciseTimer single shot chained through `offsets`.

    The baseline for anything driven by a Qt timer: how late the machine itself
    delivers a timer under the same load.
    """
    timer = QTimer()
    timer.setSingleShot(True)
    timer.setTimerType(Qt.TimerType.PreciseTimer)
    loop = QEventLoop()
    late: list[float] = []
    start = time.monotonic()
    pending = list(offsets)

    def arm() -> None:
        timer.start(max(0, math.ceil((start + pending[0] - time.monotonic()) * 1000)))

    def fired() -> None:
        now = time.monotonic()
        while pending and start + pending[0] <= now:
            late.append(now - start - pending.pop(0))
        if pending:
            arm()
        else:
            loop.quit()

    timer.timeout.connect(fired)
    arm()
    loop.exec()
    return late
