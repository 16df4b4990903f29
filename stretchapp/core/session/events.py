"""What a session engine reports: its status, its events, its state and position.

All of these are plain frozen values, safe to hand to the Qt layer, to compare in
tests and (for SessionPosition) to write to JSON.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TypeGuard

from stretchapp.core.session.controls import Control, Status
from stretchapp.core.session.cues import Cue
from stretchapp.core.session.timeline import Phase, PhaseKind


class ControlRefused(Exception):
    """A control that does not apply in the session's present state, and why."""

    def __init__(self, control: Control, reason: str) -> None:
        self.control = control
        self.reason = reason
        super().__init__(f"cannot {control.replace('_', ' ')}: {reason}")


@dataclass(frozen=True)
class PhaseStarted:
    """The session entered a phase (by time, or by a control that moved it there)."""

    phase: Phase


@dataclass(frozen=True)
class AutoPaused:
    """The session paused itself because it was not ticked for `gap` seconds."""

    at: float  # routine-time offset where it paused: where the gap began
    gap: float  # seconds between the two ticks
    reason: str  # a sentence for the user


@dataclass(frozen=True)
class SessionFinished:
    """The routine reached its end (by time, or by skipping past its last phase)."""

    at: float  # routine-time offset: the routine's total


Event = Cue | PhaseStarted | AutoPaused | SessionFinished


@dataclass(frozen=True)
class SessionState:
    """A snapshot of a session at one instant; every time is in seconds."""

    status: Status
    phase: Phase | None  # None before the start and after the finish
    next_phase: Phase | None
    time_in_phase: float
    time_left: float  # in the current phase, never negative
    elapsed: float  # routine time played
    remaining: float  # routine time still to play
    total: float
    progress: float  # elapsed / total, 0..1
    count: int | None  # in a counted movement: the repetition under way, 1..count
    played: float = 0.0  # clock seconds spent running: pauses and gaps left out

    @property
    def step_index(self) -> int | None:
        """The index of the step under way, None when no phase is."""
        return self.phase.step_index if self.phase is not None else None

    @property
    def phase_kind(self) -> PhaseKind | None:
        """The kind of the phase under way, None when no phase is."""
        return self.phase.kind if self.phase is not None else None


@dataclass(frozen=True)
class SessionPosition:
    """Where a session was, enough to resume it after a crash or a restart."""

    routine_id: str
    phase_index: int
    elapsed_in_phase: float
    played: float = 0.0  # seconds played so far (running time), kept across a resume
    # The side answer of a `sides: choose` routine (SideChoice.key), "" when none was
    # asked: the phase index counts phases of the routine as that answer plays it.
    side: str = ""

    def to_dict(self) -> dict[str, object]:
        """The position as plain JSON-ready data."""
        return {
            "routine_id": self.routine_id,
            "phase_index": self.phase_index,
            "elapsed_in_phase": self.elapsed_in_phase,
            "played": self.played,
            "side": self.side,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, object]) -> SessionPosition:
        """The position read back from `to_dict`'s data; ValueError says what is wrong."""
        routine_id = data.get("routine_id")
        phase_index = data.get("phase_index")
        elapsed = data.get("elapsed_in_phase")
        if not isinstance(routine_id, str):
            raise ValueError(f"routine_id must be a string, got {routine_id!r}")
        if not isinstance(phase_index, int) or isinstance(phase_index, bool) or phase_index < 0:
            raise ValueError(f"phase_index must be an integer >= 0, got {phase_index!r}")
        if (
            isinstance(elapsed, bool)
            or not isinstance(elapsed, int | float)
            or not math.isfinite(elapsed)
            or elapsed < 0
        ):
            raise ValueError(f"elapsed_in_phase must be a number >= 0, got {elapsed!r}")
        played = data.get("played", 0.0)  # absent from files of earlier versions
        if not _seconds(played):
            raise ValueError(f"played must be a number >= 0, got {played!r}")
        side = data.get("side", "")
        if not isinstance(side, str) or len(side) > 20:
            raise ValueError(f"side must be a short string, got {side!r}")
        return cls(routine_id, phase_index, float(elapsed), float(played), side)


def _seconds(value: object) -> TypeGuard[float]:
    """A finite number of seconds >= 0 (a bool is no number here)."""
    return (not isinstance(value, bool) and isinstance(value, int | float)
            and math.isfinite(value) and value >= 0)
