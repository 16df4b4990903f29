"""The session engine: plays a routine's timeline on a clock it is given.

Time is deadlines, never a count of ticks. While running, the routine position
is `anchor_position + (clock() - anchor_clock)`; the anchor moves only when the
user (or a gap) pauses, resumes or moves the session. However often `tick()` is
called, every cue and phase falls due at its planned instant, and pausing
neither loses nor gains time.

Controls are methods that return None or raise `ControlRefused` with a reason
(`refusal()` gives the same reason without raising, to grey out a button). Every
control and query first reads the clock like `tick()` does; the events that
brings due, and those the control causes, are handed out by the next `tick()`:
there is one stream of events, always in order.

Rules worth knowing:
- Each phase instance plays each of its cues at most once. Moving to a phase
  (skip, next step, back, jump, restart) starts a new instance of it, whose
  cues play again; the phases moved over play nothing.
- Paused, nothing plays: a cue due at the exact instant of a pause is played
  before pausing; a phase entered while paused announces itself at once
  (PhaseStarted) and plays its start cue on resume.
- A gap between two clock readings longer than `gap_threshold` (a suspended
  computer, a frozen UI) pauses the session where the gap began: AUTO_PAUSED.
- `back` restarts the current step, or goes to the previous one when the current
  step began less than BACK_GRACE seconds ago (the usual media-player rule).
- `played` is clock time spent running: pauses and the gap of an auto-pause are
  left out, and so is any time after the end was reached. The bridges, the
  history and the finish page show it; nobody else adds up clock deltas.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Sequence

from stretchapp.core.loading.durations import format_clock
from stretchapp.core.model import Routine
from stretchapp.core.session.controls import Control, Status
from stretchapp.core.session.cues import Cue, all_cues
from stretchapp.core.session.events import (
    AutoPaused,
    ControlRefused,
    Event,
    PhaseStarted,
    SessionFinished,
    SessionPosition,
    SessionState,
)
from stretchapp.core.session.timeline import Phase, PhaseKind, build_timeline, timeline_seconds

BACK_GRACE = 3.0  # seconds into a step before `back` restarts it instead of going back

_OVER = frozenset({Status.FINISHED, Status.STOPPED})
_MOVES = frozenset({Control.SKIP, Control.NEXT_STEP, Control.BACK, Control.JUMP})


class SessionEngine:
    """One playing of one routine: a state machine driven by a monotonic clock."""

    def __init__(
        self,
        routine: Routine,
        clock: Callable[[], float],
        *,
        gap_threshold: float = 2.0,
        cues: Sequence[Cue] | None = None,
    ) -> None:
        """`cues` replaces the routine's own (all_cues), e.g. with the speech schedule's.

        They must be in `cue_order`, each inside its phase (the finish at the end).
        """
        self.routine = routine
        self.timeline: tuple[Phase, ...] = build_timeline(routine)
        self.total = float(timeline_seconds(self.timeline))
        self.gap_threshold = gap_threshold
        self.clock = clock  # public so a driver measures its waits on the same clock
        self._starts = [phase.start for phase in self.timeline]
        self._cues = list(cues) if cues is not None else all_cues(self.timeline, routine.cues)
        # _first_cue[i]: where phase i's cues begin in _cues (len(_cues) for i == len).
        cue_phases = [cue.phase_index for cue in self._cues]
        self._first_cue = [bisect.bisect_left(cue_phases, i) for i in range(len(self.timeline) + 1)]
        # _step_first_phase[s]: the first phase of step s or of a later one (a step
        # whose every phase is zero-length has none).
        phase_steps = [phase.step_index for phase in self.timeline]
        self._step_first_phase = [
            bisect.bisect_left(phase_steps, s) for s in range(len(routine.steps) + 1)
        ]
        self._status = Status.IDLE
        self._phase = -1  # current phase index; len(timeline) once finished
        self._cue_cursor = 0  # the next cue that may play
        self._position = 0.0  # routine time, while not running
        self._anchor_clock = 0.0  # while running: clock reading at _anchor_position
        self._anchor_position = 0.0
        self._last_seen = clock()
        self._played = 0.0  # clock seconds spent running
        self._pending: list[Event] = []

    # -- recovery -----------------------------------------------------------------

    @classmethod
    def restore(
        cls,
        routine: Routine,
        position: SessionPosition,
        clock: Callable[[], float],
        *,
        gap_threshold: float = 2.0,
        cues: Sequence[Cue] | None = None,
    ) -> SessionEngine:
        """An engine paused where `position` says; a position past the end is finished.

        The phase index and the time in it are clamped to the routine as it is now
        (its file may have changed); a position of another routine is a ValueError.
        """
        if position.routine_id != routine.id:
            raise ValueError(f"position is for routine {position.routine_id!r}, not {routine.id!r}")
        engine = cls(routine, clock, gap_threshold=gap_threshold, cues=cues)
        if position.phase_index >= len(engine.timeline):
            engine._finish()
            return engine
        phase = engine.timeline[max(0, position.phase_index)]
        at = phase.start + min(max(0.0, position.elapsed_in_phase), phase.duration)
        engine._status = Status.PAUSED
        engine._played = position.played  # the time played before the interruption counts
        engine._move_to(engine._phase_at(at), at)
        return engine

    def snapshot(self) -> SessionPosition:
        """Where the session is now, to save and `restore` later."""
        self._observe()
        position = self._current_position()
        if self._phase >= len(self.timeline):
            return SessionPosition(self.routine.id, len(self.timeline), 0.0, self._played)
        index = max(self._phase, 0)
        start = self.timeline[index].start if self.timeline else 0
        return SessionPosition(self.routine.id, index, max(0.0, position - start), self._played)

    # -- time -----------------------------------------------------------------------

    def tick(self) -> list[Event]:
        """Read the clock; return every event due since the last tick, in order."""
        self._observe()
        events, self._pending = self._pending, []
        return events

    def next_deadline(self) -> float | None:
        """The clock reading at which the next cue or phase end falls due; None unless running.

        It may lie in the past when events are due but not yet ticked.
        """
        due = self.total
        if 0 <= self._phase < len(self.timeline):
            due = self.timeline[self._phase].end
        if self._cue_cursor < len(self._cues):
            due = min(due, self._cues[self._cue_cursor].due)
        return self.clock_at(due)

    def clock_at(self, position: float) -> float | None:
        """The clock reading at which routine time `position` is reached; None unless running."""
        if self._status is not Status.RUNNING:
            return None
        return self._anchor_clock + (position - self._anchor_position)

    @property
    def played(self) -> float:
        """Seconds of clock time spent running so far (reads the clock, like tick)."""
        self._observe()
        return self._played

    @property
    def status(self) -> Status:
        """The status as of the last clock reading."""
        return self._status

    def state(self) -> SessionState:
        """A snapshot of the session now (reads the clock, like tick)."""
        self._observe()
        position = self._current_position()
        phase = None
        if 0 <= self._phase < len(self.timeline):
            phase = self.timeline[self._phase]
        next_index = self._phase + 1
        next_phase = self.timeline[next_index] if 0 <= next_index < len(self.timeline) else None
        in_phase = position - phase.start if phase is not None else 0.0
        time_left = max(0.0, phase.end - position) if phase is not None else 0.0
        count = None
        if phase is not None and phase.kind is PhaseKind.COUNT:
            tempo = phase.step.tempo or 1
            count = min(int(in_phase // tempo) + 1, phase.step.count or 1)
        if self.total:
            progress = position / self.total
        else:
            progress = 1.0 if self._status is Status.FINISHED else 0.0
        return SessionState(
            status=self._status,
            phase=phase,
            next_phase=next_phase,
            time_in_phase=in_phase,
            time_left=time_left,
            elapsed=position,
            remaining=self.total - position,
            total=self.total,
            progress=min(max(progress, 0.0), 1.0),
            count=count,
            played=self._played,
        )

    # -- controls -------------------------------------------------------------------

    def refusal(self, control: Control, step_index: int | None = None) -> str | None:
        """Why `control` would be refused now, or None when it would be accepted."""
        status = self._status
        if control is Control.RESTART:
            return None
        if control is Control.START:
            if status is Status.IDLE:
                return None
            if status in _OVER:
                return f"the session has {status}; restart it to play again"
            return "the session is already under way; restart it to begin again"
        if status is Status.IDLE:
            return "the session has not started yet"
        if status in _OVER:
            return f"the session has {status}; restart it to play again"
        if control is Control.PAUSE and status is Status.PAUSED:
            return "the session is already paused"
        if control is Control.RESUME and status is Status.RUNNING:
            return "the session is not paused"
        if control is Control.JUMP:
            steps = len(self.routine.steps)
            if step_index is None or not 0 <= step_index < steps:
                return f"there is no step {step_index}: the steps are numbered 0 to {steps - 1}"
        return None

    def start(self) -> None:
        """Play from the beginning (idle only)."""
        self._begin(Control.START)
        self._status = Status.RUNNING
        self._move_to(0, 0.0)

    def pause(self) -> None:
        """Hold the session where it is (running, or auto-paused to make it a user pause)."""
        self._begin(Control.PAUSE)
        self._halt(self._current_position(), Status.PAUSED)

    def resume(self) -> None:
        """Play on from where the session was paused."""
        self._begin(Control.RESUME)
        self._status = Status.RUNNING
        self._set_anchor(self._position)
        self._advance(self._position)

    def skip(self) -> None:
        """Go to the start of the next phase, or finish after the last one."""
        self._begin(Control.SKIP)
        self._move_to(self._phase + 1)

    def next_step(self) -> None:
        """Go to the first phase of the next step, or finish after the last step."""
        self._begin(Control.NEXT_STEP)
        step = self.timeline[self._phase].step_index
        self._move_to(self._step_first_phase[step + 1])

    def back(self) -> None:
        """Restart the current step, or go to the previous one within BACK_GRACE of its start."""
        self._begin(Control.BACK)
        first = self._step_first_phase[self.timeline[self._phase].step_index]
        in_step = self._current_position() - self.timeline[first].start
        if in_step < BACK_GRACE and first > 0:
            first = self._step_first_phase[self.timeline[first - 1].step_index]
        self._move_to(first)

    def jump(self, step_index: int) -> None:
        """Go to the first phase of step `step_index` (0-based)."""
        self._begin(Control.JUMP, step_index)
        self._move_to(self._step_first_phase[step_index])

    def restart(self) -> None:
        """Play again from the beginning, whatever the state."""
        self._begin(Control.RESTART)
        self._status = Status.RUNNING
        self._move_to(0, 0.0)

    def stop(self) -> None:
        """End the session where it is; only restart applies afterwards."""
        self._begin(Control.STOP)
        self._halt(self._current_position(), Status.STOPPED)

    # -- the machinery --------------------------------------------------------------

    def _begin(self, control: Control, step_index: int | None = None) -> None:
        """Bring the session up to the clock, then refuse the control if it does not apply."""
        self._observe()
        reason = self.refusal(control, step_index)
        if reason is not None:
            raise ControlRefused(control, reason)
        if control in _MOVES and self._status is Status.AUTO_PAUSED:
            self._status = Status.PAUSED  # the user has taken over the pause

    def _observe(self) -> None:
        """Read the clock: play what fell due, or pause at the start of a gap."""
        now = max(self.clock(), self._last_seen)  # a clock never runs backwards here
        if self._status is Status.RUNNING:
            gap = now - self._last_seen
            if gap > self.gap_threshold:
                self._advance(self._position_at(self._last_seen))
                if self._status is Status.RUNNING:
                    at = self._position_at(self._last_seen)
                    self._halt(at, Status.AUTO_PAUSED)
                    self._pending.append(AutoPaused(at, gap, _gap_reason(gap, at)))
            else:
                before = self._position_at(self._last_seen)
                self._advance(self._position_at(now))
                if self._status is Status.RUNNING:
                    self._played += gap
                else:  # finished on the way: the time past the end was not played
                    self._played += min(gap, max(0.0, self.total - before))
        self._last_seen = max(self._last_seen, now)

    def _position_at(self, clock_reading: float) -> float:
        elapsed = max(0.0, clock_reading - self._anchor_clock)
        # Rounded to the nanosecond so a tick at a deadline computed by
        # next_deadline() lands on the due time, not a rounding error before it.
        return min(round(self._anchor_position + elapsed, 9), self.total)

    def _current_position(self) -> float:
        if self._status is Status.RUNNING:
            return self._position_at(self._last_seen)
        return self._position

    def _phase_at(self, position: float) -> int:
        """The index of the phase playing at `position`; len(timeline) at the end."""
        if position >= self.total:
            return len(self.timeline)
        return max(0, bisect.bisect_right(self._starts, position) - 1)

    def _set_anchor(self, position: float) -> None:
        self._anchor_clock = self._last_seen
        self._anchor_position = position

    def _halt(self, position: float, status: Status) -> None:
        self._position = position
        self._status = status

    def _advance(self, position: float) -> None:
        """Play forward to `position`: phases entered and cues due, in order."""
        target = self._phase_at(position)
        while True:
            while self._cue_cursor < len(self._cues):
                cue: Cue = self._cues[self._cue_cursor]
                if cue.phase_index > self._phase or cue.due > position:
                    break
                self._pending.append(cue)
                self._cue_cursor += 1
            if self._phase >= target:
                break
            self._enter(self._phase + 1)
        if target >= len(self.timeline) and self._status is Status.RUNNING:
            self._finish()

    def _enter(self, index: int) -> None:
        self._phase = index
        if index < len(self.timeline):
            self._pending.append(PhaseStarted(self.timeline[index]))

    def _move_to(self, index: int, position: float | None = None) -> None:
        """Start a new instance of phase `index` (at its start, or at `position` in it)."""
        if index >= len(self.timeline):
            self._cue_cursor = len(self._cues)
            self._finish()
            return
        at = self.timeline[index].start if position is None else position
        cursor = self._first_cue[index]
        while cursor < self._first_cue[index + 1] and self._cues[cursor].due < at:
            cursor += 1
        self._cue_cursor = cursor
        self._enter(index)
        if self._status is Status.RUNNING:
            self._set_anchor(at)
            self._advance(at)
        else:
            self._position = at

    def _finish(self) -> None:
        self._phase = len(self.timeline)
        self._position = self.total
        self._status = Status.FINISHED
        self._pending.append(SessionFinished(self.total))


def _gap_reason(gap: float, at: float) -> str:
    return (
        f"Paused at {format_clock(at)}: nothing happened for {gap:.0f} s "
        "(the computer slept or the app was busy), so no step was skipped."
    )
