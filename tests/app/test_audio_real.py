"""Real sound: cues played through the app's mixer into a private PulseAudio server.

The test starts its own PulseAudio server whose only sink writes what it plays
to a FIFO in real time (tests/app/real_audio_pulse.py), runs a short routine in
a child process through the app's own sink, records the FIFO, and finds each
cue's sound at its planned time. It touches no audio of the machine's, and is
skipped, saying why, where PulseAudio is missing or cannot start.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.app.real_audio_pulse import (
    FifoRecorder,
    PulseServer,
    PulseUnavailable,
    onsets,
    start_pulse,
)

REPO = Path(__file__).resolve().parents[2]
TOLERANCE = 0.080  # seconds, between cues
# Seconds from plan to first sample out of PulseAudio, on a loaded machine
# (benchmarks/audio_latency.py holds the 50 ms budget).
LATE = 0.150

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def pulse() -> Iterator[PulseServer]:
    """A private PulseAudio server with one sink that plays into a FIFO."""
    try:
        server = start_pulse(record=True,
                             base_env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    except PulseUnavailable as why:
        pytest.skip(str(why))
    try:
        yield server
    finally:
        server.stop()


def test_cues_sound_at_their_planned_times(pulse: PulseServer) -> None:
    """Each cue sound leaves PulseAudio on plan: 80 ms from the others, at most 150 ms late."""
    assert pulse.fifo is not None
    with FifoRecorder(pulse.fifo) as recorder:
        child = subprocess.run(
            [sys.executable, "-m", "tests.app.real_audio_child"],
            env=pulse.env, cwd=REPO, capture_output=True, text=True, timeout=60,
        )
        time.sleep(0.3)
    assert child.returncode == 0, child.stderr
    report = json.loads(child.stdout.strip().splitlines()[-1])
    assert report["sink"] == "MixerSink", report
    assert report["ready"] and report["notice"] == ""

    start = report["start"]
    planned = [(name, due) for name, due in report["planned"]]
    found = onsets(recorder.samples())
    assert len(found) == len(planned), (found, planned)
    first_heard, first_due = found[0], planned[0][1]
    for (name, due), heard in zip(planned, found, strict=True):
        assert abs((heard - first_heard) - (due - first_due)) <= TOLERANCE, (name, due, found)
        late = recorder.sample_time(heard) - (start + due)
        assert -0.01 <= late <= LATE, (name, due, late)
    # And each play call reached the sink on time.
    for (name, due), (played, at) in zip(planned, report["played"], strict=True):
        assert played == name
        assert -0.001 <= at - (start + due) < 0.05, (name, due, at)


def test_a_muted_player_sends_nothing_to_the_stream(pulse: PulseServer) -> None:
    """Muted, the same cues reach the sink but the recording stays silent."""
    assert pulse.fifo is not None
    with FifoRecorder(pulse.fifo) as recorder:
        child = subprocess.run(
            [sys.executable, "-m", "tests.app.real_audio_child", "--muted"],
            env=pulse.env, cwd=REPO, capture_output=True, text=True, timeout=60,
        )
        time.sleep(0.3)
    assert child.returncode == 0, child.stderr
    report = json.loads(child.stdout.strip().splitlines()[-1])
    assert len(report["played"]) == len(report["planned"]) > 0
    assert onsets(recorder.samples()) == []
