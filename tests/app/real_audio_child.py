"""Run by test_audio_real.py in its own process, against a test PulseAudio server.

Plays a short routine's cues through the app's real sink (QSoundEffect) at
their planned times, then prints one JSON line: the sink used and, for each
cue, its planned offset and the clock offset at which it reached the sink.
A separate process, because QtMultimedia connects to its sound server once.
"""

from __future__ import annotations

import json
import sys
import time

from PySide6.QtCore import QCoreApplication, QObject, Qt, QTimer

from stretchapp.app.audio import open_sink
from stretchapp.app.cue_player import CuePlayer
from stretchapp.core.model import CueSettings, Kind, Routine, Step, Stretch
from stretchapp.core.session.cues import all_cues
from stretchapp.core.session.timeline import build_timeline
from stretchapp.core.sound.cue_sink import CueSink

LEAD_IN = 0.5  # seconds between the sink being ready and the first cue


def short_routine() -> Routine:
    """One 4 s hold: next at 0, start at 2, ticks at 4 and 5, finish at 6; no overlaps."""
    stretch = Stretch(id="neck-tilt", name="Neck tilt", group="neck", instructions="Tilt.")
    return Routine(
        id="real-audio", title="Real audio", group="neck", kind=Kind.RELIEF,
        steps=(Step(stretch=stretch, hold=4, prepare=2),),
        cues=CueSettings(countdown=2, voice=False),
    )


class PlayTimes:
    """Notes when each play call reached the real sink, then passes it on."""

    def __init__(self, sink: CueSink, start: float) -> None:
        self.play_now, self.start = sink.play, start
        self.calls: list[tuple[str, float]] = []

    def __call__(self, name: str) -> None:
        self.calls.append((name, time.monotonic() - self.start))
        self.play_now(name)


def main() -> int:
    app = QCoreApplication(sys.argv)
    owner = QObject()
    sink = open_sink(parent=owner)
    routine = short_routine()
    player = CuePlayer(sink, None, owner)
    player.prepare(routine)
    deadline = time.monotonic() + 10
    while not player.ready and time.monotonic() < deadline:
        app.processEvents()
    cues = all_cues(build_timeline(routine), routine.cues)
    start = time.monotonic() + LEAD_IN
    timed = PlayTimes(sink, start)
    sink.play = timed  # type: ignore[method-assign]
    timers = []
    for cue in cues:
        timer = QTimer(owner)
        timer.setSingleShot(True)
        timer.setTimerType(Qt.TimerType.PreciseTimer)
        timer.timeout.connect(lambda cue=cue: player.play_cue(cue))
        timer.start(round((LEAD_IN + cue.due) * 1000))
        timers.append(timer)
    QTimer.singleShot(round((LEAD_IN + cues[-1].due + 2.5) * 1000), app.quit)
    app.exec()
    print(json.dumps({
        "sink": type(sink).__name__,
        "notice": sink.notice,
        "ready": player.ready,
        "planned": [[cue.sound, cue.due] for cue in cues],
        "played": timed.calls,
    }))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
