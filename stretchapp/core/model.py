"""The immutable routine model that the loader builds and the engine plays.

Durations are whole seconds, as routine files write them. Nothing here knows
about YAML or Qt: a Routine can be built by hand in a test.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING

from stretchapp.core.red_flags import red_flags

if TYPE_CHECKING:
    from stretchapp.core.pose.model import PoseSpec


class Kind(StrEnum):
    WARM_UP = "warm-up"
    COOL_DOWN = "cool-down"
    RELIEF = "relief"


class Side(StrEnum):
    LEFT = "left"
    RIGHT = "right"


# A bracketed aside in a name, "(piriformis)": shown, never read aloud.
_BRACKETS = re.compile(r"\s*[(\[][^)\]]*[)\]]")
_BRACKET_MARKS = str.maketrans("()[]", "    ")


class PhaseKind(StrEnum):
    """What a stretch of a routine's time is for (timeline.py builds the phases)."""

    PREPARE = "prepare"
    HOLD = "hold"
    COUNT = "count"
    SWITCH = "switch"
    RELAX = "relax"
    REST = "rest"


# One planned phase of a step: its kind, seconds, side and 1-based rep.
PlannedPhase = tuple[PhaseKind, int, "Side | None", int]


# Defaults from ROUTINE_FORMAT.md, in seconds.
DEFAULT_PREPARE = 5
DEFAULT_HOLD = 30
# The muscle groups the app knows, in the order it lists them; a routine may name
# another, listed after these. "other" is history's name for a routine no longer
# in the library.
GROUPS = ("calf", "back", "neck")
OTHER_GROUP = "other"


def group_rank(group: str) -> tuple[int, str]:
    """Where a group sorts: the known ones first, in their order, then the others by name."""
    return (GROUPS.index(group) if group in GROUPS else len(GROUPS), group)

DEFAULT_REST = 10
DEFAULT_SWITCH = 5
DEFAULT_RELAX = 5


@dataclass(frozen=True)
class Stretch:
    """A stretch or movement: what to do, what it looks like, what to say."""

    id: str
    name: str
    group: str
    instructions: str
    sided: bool = False
    say: str | None = None
    # Resolved files; None when not given, or given but missing (then
    # image_missing names it so the player can show a placeholder).
    image: Path | None = None
    image_right: Path | None = None
    image_missing: str | None = None
    # A parsed pose to draw instead of an image file.
    pose: PoseSpec | None = None
    source: Path | None = None
    builtin: bool = True
    # The name as the voice says it; None: the name without its brackets.
    spoken_name: str | None = None
    # Who should take care with this stretch or leave it out ("" for nobody).
    caution: str = ""

    @property
    def announced_name(self) -> str:
        """The name for the voice: spoken_name, or the name with no bracketed aside."""
        name = self.spoken_name or _BRACKETS.sub("", self.name)
        # An unclosed bracket is left by the pattern: its mark is still not read out.
        spoken = " ".join(name.translate(_BRACKET_MARKS).split())
        return spoken or " ".join(self.name.translate(_BRACKET_MARKS).split())

    @property
    def spoken(self) -> str:
        """What the voice says when the stretch starts."""
        return self.say or self.announced_name


def is_counted(count: object, tempo: object) -> bool:
    """The one meaning of "counted": a step gives both a count and a tempo.

    The loader, the model and the editor all ask this. A count or tempo alone is
    a problem of its own (missing-key) and the step stays a hold, since a hold
    is what movement_seconds falls back to without both.
    """
    return count is not None and tempo is not None


@dataclass(frozen=True)
class Step:
    """One step of a routine with every default already applied."""

    stretch: Stretch
    hold: int | None = DEFAULT_HOLD
    count: int | None = None
    tempo: int | None = None
    reps: int = 1
    # The sides in playing order; empty for a stretch that has no sides.
    sides: tuple[Side, ...] = ()
    # `sides: choose`: the user picks the first side, or one side only, before
    # the routine starts (side_choice.py); until then the sides are left, right.
    choose_side: bool = False
    prepare: int = DEFAULT_PREPARE
    rest: int = DEFAULT_REST
    switch: int = DEFAULT_SWITCH
    relax: int = DEFAULT_RELAX

    @property
    def counted(self) -> bool:
        """True for a dynamic movement counted out (count x tempo): see is_counted."""
        return is_counted(self.count, self.tempo)

    @property
    def movement_seconds(self) -> int:
        """The length of one hold, or of one side's whole counted movement."""
        if self.count is not None and self.tempo is not None:
            return self.count * self.tempo
        return self.hold if self.hold is not None else DEFAULT_HOLD

    @property
    def passes(self) -> tuple[Side | None, ...]:
        """The sides played in each rep: (None,) for a stretch without sides."""
        return self.sides if self.sides else (None,)

    def plan(self, *, last: bool) -> list[PlannedPhase]:
        """The step's phases in order (ROUTINE_FORMAT.md): the one rule for its length.

        prepare, then per rep and per side the hold or counted movement, with
        switch between sides and relax between reps, then rest unless last.
        Zero-length phases are kept here; the timeline leaves them out.
        """
        passes = self.passes
        active = PhaseKind.COUNT if self.counted else PhaseKind.HOLD
        plan: list[PlannedPhase] = [(PhaseKind.PREPARE, self.prepare, passes[0], 1)]
        for rep in range(1, self.reps + 1):
            if rep > 1:
                plan.append((PhaseKind.RELAX, self.relax, passes[0], rep))
            for position, side in enumerate(passes):
                if position > 0:
                    plan.append((PhaseKind.SWITCH, self.switch, side, rep))
                plan.append((active, self.movement_seconds, side, rep))
        if not last:
            plan.append((PhaseKind.REST, self.rest, None, self.reps))
        return plan

    def seconds(self, *, last: bool) -> int:
        """This step's share of the routine's timeline: its phases added up."""
        return sum(max(0, seconds) for _, seconds, _, _ in self.plan(last=last))


@dataclass(frozen=True)
class CueSettings:
    countdown: int = 3
    halfway: bool = False
    voice: bool = True
    # Cue name -> WAV file, replacing a built-in cue sound (see docs).
    sounds: tuple[tuple[str, Path], ...] = ()


@dataclass(frozen=True)
class Routine:
    """A titled, ordered list of steps, ready to play."""

    id: str
    title: str
    group: str
    kind: Kind
    steps: tuple[Step, ...]
    description: str = ""
    safety: str = ""
    cues: CueSettings = field(default_factory=CueSettings)
    source: Path | None = None
    builtin: bool = True

    @property
    def red_flags(self) -> tuple[str, ...]:
        """The signs to stop and get help, shown before a relief routine; () otherwise."""
        return red_flags(self.group) if self.kind is Kind.RELIEF else ()

    @property
    def total_seconds(self) -> int:
        """The whole timeline's length, as the library shows it."""
        last = len(self.steps) - 1
        return sum(step.seconds(last=i == last) for i, step in enumerate(self.steps))
