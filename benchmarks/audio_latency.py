"""Cue latency through real audio: from each planned cue to its first sample out of PulseAudio.

A private PulseAudio server whose sink writes what it plays to a FIFO in real
time (tests/app/real_audio_pulse.py) records a child process
(tests/app/real_audio_child.py) that prepares a built-in routine with the app's
CuePlayer and VoicePreparer, then plays its cue sounds at their planned times
through the app's sink. For each cue instant the first sample of its sound is
found in the recording (the clip's own silent lead-in taken off), and the
monotonic time PulseAudio wrote it out compared with the plan. PulseAudio's
pipe sink writes 10.7 ms blocks (so figures step by up to that) and runs a few
blocks ahead of real time, which a sound card's buffer would add on top.

Runs: the app's sink (our mixer) with a cold voice cache (an empty folder) and
then warm (the same folder again); baseline in the same run: Qt's QSoundEffect,
the path it replaced, cold and warm.

    python benchmarks/audio_latency.py [--seconds 40] [--routine calf-warm-up]

Where PulseAudio cannot be started it says so and prints ok=null. The last line
is one JSON object with the figures, baseline, ratio and budget.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from bench_common import percentile  # noqa: E402

from tests.app.real_audio_lateness import lateness  # noqa: E402
from tests.app.real_audio_pulse import (  # noqa: E402
    FifoRecorder,
    PulseUnavailable,
    start_pulse,
)

BUDGET = {"cold_max_ms": 50.0, "p99_ms": 50.0}


def run_child(backend: str, cache: Path, routine: str, seconds: float) -> dict[str, object]:
    """Record one child run; its report plus the measured lateness of each cue instant."""
    try:
        pulse = start_pulse(record=True, base_env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    except PulseUnavailable:
        raise
    assert pulse.fifo is not None
    try:
        with FifoRecorder(pulse.fifo) as recorder:
            child = subprocess.run(
                [sys.executable, "-m", "tests.app.real_audio_child", "--backend", backend,
                 "--routine", routine, "--seconds", str(seconds), "--cache", str(cache)],
                env={**pulse.env, "PYTHONPATH": str(REPO)}, cwd=REPO,
                capture_output=True, text=True, timeout=seconds + 120)
            time.sleep(0.3)
    except subprocess.TimeoutExpired as hung:
        raise RuntimeError(f"the {backend} child did not end in {hung.timeout} s; "
                           f"stderr: {hung.stderr!r:.1500}") from hung
    finally:
        pulse.stop()
    if child.returncode != 0:
        raise RuntimeError(child.stderr[-2000:])
    report: dict[str, object] = json.loads(child.stdout.strip().splitlines()[-1])
    report["late_ms"], report["masked"] = lateness(report, recorder)
    return report


def summary(late: list[float]) -> dict[str, float]:
    if not late:
        return {"p50_ms": math.nan, "p99_ms": math.nan, "max_ms": math.nan, "n": 0}
    return {"p50_ms": round(percentile(late, 0.5), 1), "p99_ms": round(percentile(late, 0.99), 1),
            "max_ms": round(max(late), 1), "min_ms": round(min(late), 1), "n": len(late)}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=40.0)
    parser.add_argument("--routine", default="calf-warm-up")
    args = parser.parse_args()
    figures: dict[str, dict[str, float]] = {}
    try:
        for backend, label in (("qt", "mixer"), ("qsoundeffect", "qsoundeffect")):
            with tempfile.TemporaryDirectory(prefix="latency-cache-") as cache:
                for state in ("cold", "warm"):
                    report = run_child(backend, Path(cache), args.routine, args.seconds)
                    late = report["late_ms"]
                    assert isinstance(late, list)
                    figures[f"{label}_{state}"] = {
                        **summary(late), "masked": report["masked"],  # type: ignore[dict-item]
                        "ready_after_s": report["ready_after_s"],
                        "underruns": report["underruns"]}  # type: ignore[dict-item]
                    print(f"{label:13s} {state}: sink {report['sink']}, ready after "
                          f"{report['ready_after_s']} s, {figures[f'{label}_{state}']}",
                          flush=True)
    except PulseUnavailable as why:
        print(f"PulseAudio cannot be started here, so nothing was measured: {why}")
        print(json.dumps({"ok": None, "why": "PulseAudio cannot be started"}))
        return 0
    cold, base = figures["mixer_cold"], figures["qsoundeffect_cold"]
    worst = max(cold["max_ms"], figures["mixer_warm"]["p99_ms"])
    result = {
        "mixer_cold": cold, "mixer_warm": figures["mixer_warm"],
        "baseline_qsoundeffect_cold": base,
        "baseline_qsoundeffect_warm": figures["qsoundeffect_warm"],
        "ratio_p99": round(cold["p99_ms"] / base["p99_ms"], 2) if base["p99_ms"] else None,
        "budget": BUDGET,
        "ok": bool(cold["max_ms"] <= BUDGET["cold_max_ms"]
                   and worst <= BUDGET["p99_ms"] and cold["min_ms"] >= 0),
    }
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
