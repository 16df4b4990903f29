"""The timeline a routine expands to: every phase, when it starts and how long it lasts.

ROUTINE_FORMAT.md ("The timeline a step expands to") is the contract: for each
step, `prepare`, then per rep and per side the hold or counted movement, with
`switch` between sides and `relax` between reps, then `rest` after every step but
the last. Zero-length phases are left out, so the timeline's total always equals
`Routine.total_seconds`, the figure the library shows.
"""

from __future__ import annotations

from dataclasses import dataclass

from stretchapp.core.model import PhaseKind, Routine, Side, Step, Stretch
from stretchapp.core.wording.player import phase_spoken, phase_title

__all__ = ["PhaseKind"]  # the phase vocabulary lives in the model; kept importable here


# The phases in which the user actually stretches or moves.
ACTIVE_KINDS = frozenset({PhaseKind.HOLD, PhaseKind.COUNT})


@dataclass(frozen=True)
class Phase:
    """One stretch of time in a routine with a single thing to do.

    A phase that leads into something (prepare, switch, relax) carries the side
    and rep it leads into, so the player can already show the right picture;
    rest carries no side and the step's last rep.
    """

    index: int
    kind: PhaseKind
    step_index: int
    step: Step
    side: Side | None
    rep: int  # 1-based
    reps: int
    start: int  # routine-time offset in seconds
    duration: int  # planned length in seconds, always > 0
    title: str  # what the player shows as the phase's heading
    say: str  # what the voice says on entering the phase ("" for nothing)

    @property
    def stretch(self) -> Stretch:
        """The stretch this phase belongs to (for rest: the one just done)."""
        return self.step.stretch

    @property
    def end(self) -> int:
        """The routine-time offset at which the next phase starts."""
        return self.start + self.duration

    @property
    def active(self) -> bool:
        """True for a hold or counted movement, False for the pauses around them."""
        return self.kind in ACTIVE_KINDS

def build_timeline(routine: Routine) -> tuple[Phase, ...]:
    """Every phase of the routine in playing order, zero-length ones left out."""
    phases: list[Phase] = []
    offset = 0
    last = len(routine.steps) - 1
    for step_index, step in enumerate(routine.steps):
        for kind, seconds, side, rep in step.plan(last=step_index == last):
            if seconds <= 0:
                continue
            phases.append(
                Phase(
                    index=len(phases),
                    kind=kind,
                    step_index=step_index,
                    step=step,
                    side=side,
                    rep=rep,
                    reps=step.reps,
                    start=offset,
                    duration=seconds,
                    title=phase_title(kind, step.stretch.name, side),
                    say=phase_spoken(kind, step_index == 0, step, side),
                )
            )
            offset += seconds
    return tuple(phases)


def timeline_seconds(timeline: tuple[Phase, ...]) -> int:
    """The length of a whole timeline (0 when it is empty)."""
    return timeline[-1].end if timeline else 0
