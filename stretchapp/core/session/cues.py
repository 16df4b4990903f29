"""The sound and voice cues of a timeline, each due at an exact planned time.

A cue names a sound (one of `CueSound`, the keys `CueSettings.sounds` may
replace) and the text the voice speaks. The session engine emits them as they
fall due; the sound engineer calls `all_cues` before a routine starts to render
every phrase ahead of time.

Rules beyond ROUTINE_FORMAT.md, chosen so that two cues never talk over each other:

- countdown ticks fall on the last N seconds of a hold, but never on its first
  instant (a 3 s hold with countdown 3 ticks "2", "1": its start already speaks);
- the halfway cue is left out when it would fall inside the countdown;
- holds get countdown and halfway cues, counted movements get their count instead;
- with `voice` off every text is "", the sounds stay;
- every routine's first phase also says SAFETY_SPOKEN, a cue without a sound
  (so with the voice off it is left out altogether).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum

from stretchapp.core.model import CueSettings
from stretchapp.core.session.timeline import Phase, PhaseKind, timeline_seconds
from stretchapp.core.sound.cue_sounds import CueSound
from stretchapp.core.wording.player import FINISHED, HALFWAY, SAFETY_SPOKEN


class CueKind(StrEnum):
    PHASE_START = "phase_start"
    COUNTDOWN = "countdown"
    HALFWAY = "halfway"
    COUNT = "count"
    SAFETY = "safety"
    FINISHED = "finished"


__all__ = ["CueSound"]  # the sound vocabulary lives with the sounds; kept importable here

# The sound that marks the start of each kind of phase.
START_SOUNDS: dict[PhaseKind, CueSound] = {
    PhaseKind.PREPARE: CueSound.NEXT,
    PhaseKind.HOLD: CueSound.START,
    PhaseKind.COUNT: CueSound.START,
    PhaseKind.SWITCH: CueSound.SWITCH,
    PhaseKind.RELAX: CueSound.REST,
    PhaseKind.REST: CueSound.REST,
}

# Order of cues due at the same instant: the phase is named before count 1,
# and "Well done" comes after everything else.
_RANK: dict[CueKind, int] = {
    CueKind.PHASE_START: 0,
    CueKind.SAFETY: 1,
    CueKind.COUNT: 2,
    CueKind.HALFWAY: 3,
    CueKind.COUNTDOWN: 4,
    CueKind.FINISHED: 5,
}


@dataclass(frozen=True)
class Cue:
    """A sound, and maybe words, due at one instant of the routine."""

    kind: CueKind
    due: float  # routine-time offset in seconds
    phase_index: int
    phase_kind: PhaseKind
    sound: str  # a CueSound value, "" for words alone
    text: str  # what the voice says, "" for nothing
    number: int | None  # the countdown or count number, else None


def flashed_words(cue: Cue) -> str:
    """The words the player flashes for a cue: halfway and the end, even with the voice off.

    Numbers (countdown, count) are on screen already, and a phase's words are its title.
    """
    if cue.kind is CueKind.HALFWAY:
        return HALFWAY
    if cue.kind is CueKind.FINISHED:
        return FINISHED
    return ""


def cue_order(cue: Cue) -> tuple[int, float, int]:
    """The sort key that puts cues in playing order, ties broken sensibly."""
    return (cue.phase_index, cue.due, _RANK[cue.kind])


def _cue(
    phase: Phase,
    settings: CueSettings,
    kind: CueKind,
    due: float,
    sound: CueSound,
    text: str,
    number: int | None = None,
) -> Cue:
    return Cue(
        kind=kind,
        due=float(due),
        phase_index=phase.index,
        phase_kind=phase.kind,
        sound=sound,
        text=text if settings.voice else "",
        number=number,
    )


def _hold_cues(phase: Phase, settings: CueSettings) -> Iterable[Cue]:
    half = phase.duration / 2
    if settings.halfway and half > max(settings.countdown, 0):
        due = phase.start + half
        yield _cue(phase, settings, CueKind.HALFWAY, due, CueSound.HALFWAY, HALFWAY)
    for left in range(min(settings.countdown, phase.duration - 1), 0, -1):
        due = phase.end - left
        yield _cue(phase, settings, CueKind.COUNTDOWN, due, CueSound.TICK, str(left), left)


def _count_cues(phase: Phase, settings: CueSettings) -> Iterable[Cue]:
    count, tempo = phase.step.count, phase.step.tempo
    if count is None or tempo is None:
        return
    for number in range(1, count + 1):
        due = phase.start + (number - 1) * tempo
        yield _cue(phase, settings, CueKind.COUNT, due, CueSound.COUNT, str(number), number)


def cues_for_phase(phase: Phase, settings: CueSettings) -> list[Cue]:
    """The cues of one phase in playing order (without the routine's "Well done")."""
    sound = START_SOUNDS[phase.kind]
    cues = [_cue(phase, settings, CueKind.PHASE_START, phase.start, sound, phase.say)]
    if phase.kind is PhaseKind.HOLD:
        cues.extend(_hold_cues(phase, settings))
    elif phase.kind is PhaseKind.COUNT:
        cues.extend(_count_cues(phase, settings))
    return sorted(cues, key=cue_order)


def finished_cue(timeline: tuple[Phase, ...], settings: CueSettings) -> Cue | None:
    """The "Well done" at the end of the last phase (None for an empty timeline)."""
    if not timeline:
        return None
    end = timeline_seconds(timeline)
    return _cue(timeline[-1], settings, CueKind.FINISHED, end, CueSound.FINISH, FINISHED)


def safety_cue(timeline: tuple[Phase, ...], settings: CueSettings) -> Cue | None:
    """The spoken safety line at the routine's start (None without a voice or a timeline)."""
    if not timeline or not settings.voice:
        return None
    first = timeline[0]
    return Cue(kind=CueKind.SAFETY, due=float(first.start), phase_index=first.index,
               phase_kind=first.kind, sound="", text=SAFETY_SPOKEN, number=None)


def all_cues(timeline: tuple[Phase, ...], settings: CueSettings) -> list[Cue]:
    """Every cue of a routine in playing order, "Well done" last."""
    cues = [cue for phase in timeline for cue in cues_for_phase(phase, settings)]
    safety = safety_cue(timeline, settings)
    if safety is not None:
        cues.append(safety)
        cues.sort(key=cue_order)
    finished = finished_cue(timeline, settings)
    if finished is not None:
        cues.append(finished)
    return cues
