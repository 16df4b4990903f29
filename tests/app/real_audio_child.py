"""Run in its own process against a test PulseAudio server: plays cues at their times.

Used by test_audio_real.py and benchmarks/audio_latency.py. Plays a routine's
cue sounds through the app's real sink (`--backend`, the mixer by default) at
their planned times, then prints one JSON line: the sink used, each cue's
planned monotonic time, and when its play call reached the sink.

With `--cache DIR` the phrases of the routine are rendered into DIR by the
app's VoicePreparer first (an empty DIR: a cold cache), and loaded into the
sink as the app does; the words are not spoken, so every cue sound can be
found in the recording. The schedule starts `LEAD_IN` after the player is ready,
as the player waits for its first sounds. A separate process, because
QtMultimedia connects to its sound server once.

    python -m tests.app.real_audio_child [--backend qt] [--routine ID] [--seconds S]
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import sys
import time
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, Qt, QTimer

from stretchapp.app.audio import open_sink
from stretchapp.app.cue_player import CuePlayer
from stretchapp.app.voice_preparer import VoicePreparer
from stretchapp.core.loading.library import load_library
from stretchapp.core.model import CueSettings, Kind, Routine, Step, Stretch
from stretchapp.core.session.cues import Cue, all_cues
from stretchapp.core.session.timeline import build_timeline
from stretchapp.core.sound.cue_sink import CueSink

LEAD_IN = 0.5  # seconds between the sink being ready and the first cue
STALL_EVERY = 0.37  # seconds between stalls of the GUI thread (--stall-ms)


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

    def __init__(self, sink: CueSink) -> None:
        self.play_now = sink.play
        self.calls: list[tuple[str, float]] = []

    def __call__(self, name: str) -> None:
        self.calls.append((name, time.monotonic()))
        self.play_now(name)


def parse_args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser()
    parser.add_argument("--backend", default="qt")
    parser.add_argument("--routine", default="", help="a built-in routine id; default: short")
    parser.add_argument("--seconds", type=float, default=60.0, help="cues due before this")
    parser.add_argument("--cache", type=Path, default=None, help="voice cache folder")
    parser.add_argument("--muted", action="store_true", help="mute the player first")
    parser.add_argument("--stall-ms", type=float, default=0.0,
                        help="stall the GUI thread this long every STALL_EVERY s")
    return parser.parse_args(argv)


def main(argv: list[str]) -> int:
    args = parse_args(argv)
    app = QCoreApplication(sys.argv[:1])
    owner = QObject()
    began = time.monotonic()
    sink = open_sink(args.backend, parent=owner)
    routine = load_library().routines[args.routine] if args.routine else short_routine()
    preparer = VoicePreparer(args.cache, owner) if args.cache is not None else None
    player = CuePlayer(sink, preparer, owner)
    player.prepare(routine)
    deadline = time.monotonic() + 60
    while not player.ready and time.monotonic() < deadline:
        app.processEvents()
    ready_after = time.monotonic() - began
    player.set_muted(args.muted)
    cues = [c for c in all_cues(build_timeline(routine), routine.cues) if c.due < args.seconds]
    start = time.monotonic() + LEAD_IN
    timed = PlayTimes(sink)
    sink.play = timed  # type: ignore[method-assign]
    timers = []
    for cue in cues:
        # Sounds only: the words would hide the next cue's onset in the recording.
        quiet = dataclasses.replace(cue, text="")
        timer = QTimer(owner)
        timer.setSingleShot(True)
        timer.setTimerType(Qt.TimerType.PreciseTimer)
        timer.timeout.connect(lambda cue=quiet: _play(player, cue))
        timer.start(round((LEAD_IN + cue.due) * 1000))
        timers.append(timer)
    if args.stall_ms > 0:
        staller = QTimer(owner)
        staller.timeout.connect(lambda: _stall(args.stall_ms / 1000))
        staller.start(round(STALL_EVERY * 1000))
    QTimer.singleShot(round((LEAD_IN + cues[-1].due + 2.5) * 1000), app.quit)
    app.exec()
    print(json.dumps({
        "sink": type(sink).__name__,
        "notice": sink.notice,
        "ready": player.ready,
        "ready_after_s": round(ready_after, 3),
        "start": start,
        "planned": [[cue.sound, cue.due] for cue in cues if cue.sound],
        "played": timed.calls,
        "underruns": getattr(sink, "underruns", None),
        "buffer_bytes": getattr(sink, "buffer_bytes", None),
    }))
    sink.close()
    return 0


def _stall(seconds: float) -> None:
    """Keep the GUI thread busy, as a slow binding or a long paint would."""
    until = time.monotonic() + seconds
    while time.monotonic() < until:
        pass


def _play(player: CuePlayer, cue: Cue) -> None:
    player.play_cue(cue)


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
