"""What the player page shows for one SessionState, as plain values.

A pure function of the engine's state, so tests can check the words and
figures without a window, and the bridge only compares and forwards them.
"""

from __future__ import annotations

import math
from typing import Any

from stretchapp.app.stretch_images import MOVEMENT_FRAMES, StretchImages
from stretchapp.core.loading.durations import format_clock
from stretchapp.core.model import Kind, Routine, Side, Stretch
from stretchapp.core.palette import SURFACE, phase_role
from stretchapp.core.session.controls import Status
from stretchapp.core.session.events import SessionState
from stretchapp.core.session.timeline import Phase, PhaseKind, build_timeline
from stretchapp.core.wording.amounts import duration_text
from stretchapp.core.wording.player import (
    PHASE_LABELS,
    REST_HEADING,
    count_line,
    count_of,
    step_of,
)
from stretchapp.core.wording.routines import AFTER_CARE, side_rep_text


def countdown_text(seconds: float) -> str:
    """The big number: whole seconds left, rounded up; m:ss from a minute on."""
    whole = max(0, math.ceil(seconds - 1e-9))
    return format_clock(whole) if whole >= 60 else str(whole)


def movement_frame(phase: Phase, time_in_phase: float) -> int:
    """The frame of a start-to-end movement: out and back once per count."""
    tempo = phase.step.tempo or 1
    within = (time_in_phase % tempo) / tempo
    there_and_back = 1.0 - abs(1.0 - 2.0 * within)
    return round(there_and_back * MOVEMENT_FRAMES)


def movement_frames(routine: Routine,
                    images: StretchImages) -> list[tuple[Stretch, Side | None, int]]:
    """Every frame of a counted movement the routine shows (stretch, side, frame)."""
    frames: dict[tuple[str, Side | None], Stretch] = {}
    for phase in build_timeline(routine):
        if phase.kind is PhaseKind.COUNT and images.is_movement(phase.stretch):
            frames.setdefault((phase.stretch.id, phase.side), phase.stretch)
    return [(stretch, side, frame) for (_id, side), stretch in frames.items()
            for frame in range(MOVEMENT_FRAMES + 1)]


def _pictured(phase: Phase, next_phase: Phase | None) -> Phase:
    """The phase whose stretch is pictured: during rest, the one coming next."""
    if phase.kind is PhaseKind.REST and next_phase is not None:
        return next_phase
    return phase


def blank_view() -> dict[str, Any]:
    """The player's values before any session: every key, nothing to show."""
    return {
        "status": "", "paused": False, "autoPaused": False, "finished": False,
        "routineTitle": "", "elapsedText": "0:00", "remainingText": "-0:00",
        "routineProgress": 0.0, "relief": False, "afterCare": [],
        "phaseKind": "", "phaseRole": phase_role(None), "phaseLabel": "", "stretchName": "",
        "instructions": "",
        "sideRepText": "", "stepText": "", "countdownText": "", "phaseProgress": 0.0,
        "counted": False, "countText": "", "countOfText": "", "countLine": "",
        "showNext": False,
        "nextName": "", "nextDetail": "", "imageSource": "", "mirrored": False,
        "hasImage": False, "pulse": 0.0,
    }


def player_view(routine: Routine, state: SessionState, images: StretchImages,
                theme: str) -> dict[str, Any]:
    """Every value the player page binds to, for one state of the session."""
    phase = state.phase
    view = blank_view()
    view.update({
        "status": state.status.value,
        "paused": state.status in (Status.PAUSED, Status.AUTO_PAUSED),
        "autoPaused": state.status is Status.AUTO_PAUSED,
        "finished": state.status is Status.FINISHED,
        "routineTitle": routine.title,
        "elapsedText": format_clock(state.elapsed),
        "remainingText": "-" + format_clock(state.remaining),
        "routineProgress": round(state.progress, 4),
        "relief": routine.kind is Kind.RELIEF,
        "afterCare": list(AFTER_CARE) if routine.kind is Kind.RELIEF else [],
    })
    if phase is None:
        return view
    pictured = _pictured(phase, state.next_phase)
    stretch = pictured.stretch
    resting = phase.kind is PhaseKind.REST
    upcoming = state.next_phase if resting else None
    counted = phase.kind is PhaseKind.COUNT and state.count is not None
    view.update(
        phaseKind=phase.kind.value,
        phaseRole=phase_role(phase.kind),
        phaseLabel=PHASE_LABELS[phase.kind],
        # During a rest the heading rests too; the card names what comes next
        # and the instructions let people read ahead.
        stretchName=REST_HEADING if resting else stretch.name,
        instructions=" ".join(stretch.instructions.split()),
        sideRepText="" if resting else side_rep_text(pictured.side, pictured.rep, pictured.reps),
        stepText=step_of(pictured.step_index + 1, len(routine.steps)),
        countdownText=countdown_text(state.time_left),
        counted=counted,
        countText=str(state.count) if counted else "",
        countOfText=count_of(phase.step.count or 0) if counted else "",
        countLine=(count_line(phase.step.count or 0, countdown_text(state.time_left))
                   if counted else ""),
        showNext=upcoming is not None,
        nextName=upcoming.stretch.name if upcoming is not None else "",
        nextDetail=(side_rep_text(upcoming.side, upcoming.rep, upcoming.reps)
                    if upcoming is not None else ""),
        mirrored=images.mirrored(stretch, pictured.side),
    )
    view.update(moving_values(state, images, theme))
    view["hasImage"] = bool(view["imageSource"])
    return view


# The ring steps on the half seconds of a phase, as a held stretch refreshes, also while
# a movement's picture moves four times a second: every other refresh then leaves the
# ring (its bindings and its boxes on screen) alone.
RING_STEP_SECONDS = 0.5


def moving_values(state: SessionState, images: StretchImages, theme: str) -> dict[str, Any]:
    """The values of the view that move between whole seconds: the ring's progress and
    the picture (a movement's frame). Part of player_view; made alone on the refreshes
    where nothing else can have changed."""
    phase = state.phase
    if phase is None:
        return {}
    stepped = RING_STEP_SECONDS * math.floor(state.time_in_phase / RING_STEP_SECONDS + 1e-6)
    return {
        "phaseProgress": round(min(1.0, stepped / phase.duration), 4),
        "imageSource": picture_url(phase, state.next_phase, state.time_in_phase, images, theme),
    }


def picture_url(phase: Phase, next_phase: Phase | None, time_in_phase: float,
                images: StretchImages, theme: str) -> str:
    """The player's picture at a time in a phase: a movement's frame, or a still picture
    (a movement held shows its hold frame; a rest shows what comes next)."""
    pictured = _pictured(phase, next_phase)
    frame: int | None = None
    if phase.kind is PhaseKind.COUNT and images.is_movement(pictured.stretch):
        frame = movement_frame(phase, time_in_phase)
    # Drawn on the player's plain surface.
    return images.url(pictured.stretch, pictured.side, frame, theme, SURFACE)


def first_movement_frames(routine: Routine, images: StretchImages, theme: str,
                          refresh_seconds: float) -> list[str]:
    """The frames the routine's first counted movement shows, as the display moves on its
    grid of routine time (the session ticker's), if its first step is one."""
    timeline = build_timeline(routine)
    urls: dict[str, None] = {}
    for phase in timeline:
        if phase.step_index != timeline[0].step_index:
            break
        if phase.kind is PhaseKind.COUNT and images.is_movement(phase.stretch):
            for step in range(math.ceil(phase.duration / refresh_seconds)):
                urls.setdefault(picture_url(phase, None, step * refresh_seconds, images, theme))
            break
    return list(urls)


def still_key(state: SessionState, theme: str) -> tuple[object, ...]:
    """What every value of the view but the moving ones depends on, besides the routine:
    while it stays the same, a refresh need only make moving_values (and the pulse)."""
    phase = state.phase
    return (phase.index if phase is not None else -1, state.status, state.count,
            state.next_phase.index if state.next_phase is not None else -1,
            countdown_text(state.time_left), format_clock(state.elapsed),
            format_clock(state.remaining), theme)


PULSE_SECONDS = 0.5  # how long the ring's halo takes to fade after a cue: 2 steps at 4 Hz


def pulse_level(elapsed: float, cue_at: float | None) -> float:
    """The halo's strength: 1 at a cue, fading to 0 over PULSE_SECONDS of routine time.

    A value of the view, stepped with the ring, instead of an animation of its own
    that would paint at the screen's full frame rate.
    """
    if cue_at is None or elapsed < cue_at:
        return 0.0
    return round(max(0.0, 1.0 - (elapsed - cue_at) / PULSE_SECONDS), 2)


def time_spent_text(seconds: float) -> str:
    return duration_text(seconds)
