"""Real sound: cues played through the app's mixer into a private PulseAudio server.

The test starts its own PulseAudio server whose only sink writes what it plays
to a FIFO in real time (tests/app/real_audio_pulse.py), runs a routine in a
child process through the app's own sink (with an empty voice cache, as on a
first start), records the FIFO, and finds each cue's sound at its planned time.
It touches no audio of the machine's, and is skipped, saying why, where
PulseAudio is missing or cannot start.
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

from tests.app.real_audio_lateness import lateness
from tests.app.real_audio_pulse import (
    FifoRecorder,
    PulseServer,
    PulseUnavailable,
    onsets,
    start_pulse,
)

REPO = Path(__file__).resolve().parents[2]
ROUTINE, SECONDS = "calf-warm-up", 20.0  # counted movements, chimes and counts together
# The bound, from plan to the sound leaving PulseAudio, with a cold voice cache:
# the same figure benchmarks/audio_latency.py reports (real_audio_lateness).
LATE_MS = 50.0

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


@pytest.mark.alone  # a 50 ms bound on real time: nothing else may run beside it
def test_cues_sound_at_their_planned_times(pulse: PulseServer, tmp_path: Path) -> None:
    """From a cold voice cache, every cue sound leaves PulseAudio within 50 ms of its plan."""
    assert pulse.fifo is not None
    cache = tmp_path / "voice"
    cache.mkdir()  # empty: every phrase is rendered first, as on a first start
    with FifoRecorder(pulse.fifo) as recorder:
        child = subprocess.run(
            [sys.executable, "-m", "tests.app.real_audio_child", "--routine", ROUTINE,
             "--seconds", str(SECONDS), "--cache", str(cache)],
            env={**pulse.env, "PYTHONPATH": str(REPO)}, cwd=REPO, capture_output=True,
            text=True, timeout=SECONDS + 120,
        )
        time.sleep(0.3)
    assert child.returncode == 0, child.stderr
    report = json.loads(child.stdout.strip().splitlines()[-1])
    assert report["sink"] == "MixerSink", report
    assert report["ready"] and report["notice"] == ""
    late, masked = lateness(report, recorder)
    assert len(late) >= 6 and masked <= len(late) // 2, (late, masked)
    print("lateness ms:", [round(ms, 1) for ms in late])
    assert all(-10.0 <= ms <= LATE_MS for ms in late), late
    # And each play call reached the sink on time.
    start = report["start"]
    for (name, due), (played, at) in zip(report["planned"], report["played"], strict=True):
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
