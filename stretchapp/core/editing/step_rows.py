"""The editor's rows: each step of a draft with every default applied, as plain data.

Read from the draft itself, so a step still shows its values while the routine
has a problem elsewhere; the timings come from resolve's one rule of
inheritance and "counted" from the model's, so the editor and the player agree.
The field names are the roles the editor page binds to.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, fields

from stretchapp.core.editing.draft import RoutineDraft
from stretchapp.core.loading.durations import DurationError, parse_duration
from stretchapp.core.loading.resolve import TIMING_DEFAULTS, step_timings
from stretchapp.core.model import Routine, Stretch, is_counted
from stretchapp.core.wording.amounts import duration_text
from stretchapp.core.wording.routines import step_summary

# What a new counted step starts with: ten repetitions of two seconds.
NEW_COUNT = 10
NEW_TEMPO = 2
# The timings a step inherits, with the format's own defaults (resolve.py's rule).
DEFAULT_TIMINGS = TIMING_DEFAULTS


@dataclass(frozen=True)
class StepRow:
    """One step as the editor shows it."""

    number: int
    stretchId: str
    name: str
    thumbnail: str
    sided: bool
    counted: bool
    hold: int
    count: int
    tempo: int
    reps: int
    sides: str
    prepare: int
    rest: int
    sideSwitch: int  # the step's switch time ('switch' is a word JavaScript keeps)
    relax: int
    showsSwitch: bool  # a sided stretch done on both sides: the switch applies
    showsRelax: bool  # more than one rep: the relax applies
    # Each timing the step takes from the routine's defaults (it sets no value of its own).
    holdInherited: bool
    prepareInherited: bool
    restInherited: bool
    switchInherited: bool
    relaxInherited: bool
    summary: str  # '45 s each side · 2 times', '' while the routine has problems
    timeText: str  # the step's share of the total time
    problem: str  # this step's problems, one per line


# The row's fields in order: the list model's roles.
STEP_ROLES = tuple(f.name for f in fields(StepRow))


def seconds_or(value: object, fallback: int) -> int:
    """A duration value in seconds, or fallback where the file's text is not one."""
    if value is None:
        return fallback
    try:
        return parse_duration(value)
    except DurationError:
        return fallback


def whole_or(value: object, fallback: int) -> int:
    return value if isinstance(value, int) and not isinstance(value, bool) else fallback


def step_rows(draft: RoutineDraft, routine: Routine | None, problems: Mapping[int, list[str]],
              picture: Callable[[Stretch], str]) -> list[StepRow]:
    """Every step of the draft, with the routine's defaults filled in."""
    defaults = draft.section("defaults")
    routine_defaults = {name: seconds_or(defaults.get(name), fallback)
                        for name, fallback in DEFAULT_TIMINGS.items()}
    built = routine.steps if routine is not None else ()
    catalogue = draft.library.stretches
    rows = []
    steps = draft.steps()
    for index, step in enumerate(steps):
        stretch_id = step.get("stretch")
        stretch_id = stretch_id if isinstance(stretch_id, str) else ""
        stretch = built[index].stretch if index < len(built) else catalogue.get(stretch_id)
        name = step.get("name")
        if not isinstance(name, str) or not name:
            name = stretch.name if stretch is not None else (stretch_id or "Unnamed step")
        sided = step.get("sided")
        if not isinstance(sided, bool):
            sided = stretch.sided if stretch is not None else False
        sides = step.get("sides")
        sides = sides if sides in ("left", "right") else "both"
        reps = whole_or(step.get("reps"), 1)
        last = index == len(steps) - 1
        # A key present with a value that is not a duration counts as the step's own
        # (its problem shows on the step); the default's value is shown meanwhile.
        timing = step_timings({name: seconds_or(step.get(name), routine_defaults[name])
                               if name in step else None for name in DEFAULT_TIMINGS},
                              routine_defaults)
        rows.append(StepRow(
            number=index + 1,
            stretchId=stretch_id,
            name=name,
            thumbnail=picture(stretch) if stretch is not None else "",
            sided=sided,
            counted=is_counted(step.get("count"), step.get("tempo")),
            hold=timing["hold"].seconds,
            count=whole_or(step.get("count"), NEW_COUNT),
            tempo=seconds_or(step.get("tempo"), NEW_TEMPO),
            reps=reps,
            sides=sides,
            prepare=timing["prepare"].seconds,
            rest=timing["rest"].seconds,
            sideSwitch=timing["switch"].seconds,
            relax=timing["relax"].seconds,
            showsSwitch=sided and sides == "both",
            showsRelax=reps > 1,
            holdInherited=timing["hold"].inherited,
            prepareInherited=timing["prepare"].inherited,
            restInherited=timing["rest"].inherited,
            switchInherited=timing["switch"].inherited,
            relaxInherited=timing["relax"].inherited,
            summary=step_summary(built[index]) if index < len(built) else "",
            timeText=(duration_text(built[index].seconds(last=last))
                      if index < len(built) else ""),
            problem="\n".join(problems.get(index, [])),
        ))
    return rows
