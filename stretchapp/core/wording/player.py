"""Words of the player: phase headings, spoken cues, the safety note, the first launch."""

from __future__ import annotations

from stretchapp.core.model import PhaseKind, Side, Step

# The heading of each kind of phase, as the player shows it.
PHASE_LABELS: dict[PhaseKind, str] = {
    PhaseKind.PREPARE: "Get ready",
    PhaseKind.HOLD: "Hold",
    PhaseKind.COUNT: "Move",
    PhaseKind.SWITCH: "Switch sides",
    PhaseKind.RELAX: "Relax",
    PhaseKind.REST: "Rest",
}


# The card's heading during a rest (the stretch named is the one coming next).
REST_HEADING = "Rest a moment"


# Said (and, with the voice off, flashed) halfway through a hold and at the very end.
HALFWAY = "Halfway"


FINISHED = "Well done"


def phase_title(kind: PhaseKind, name: str, side: Side | None) -> str:
    """A phase's title: 'Get ready: Calf stretch', 'Calf stretch, left side', 'Rest'."""
    if kind is PhaseKind.PREPARE:
        return f"{PHASE_LABELS[kind]}: {name}"
    if kind in (PhaseKind.HOLD, PhaseKind.COUNT):
        return name + _side_suffix(side)
    if kind is PhaseKind.SWITCH and side is not None:
        return f"Switch to the {side.value} side"
    return PHASE_LABELS[kind]


def phase_spoken(kind: PhaseKind, first: bool, step: Step, side: Side | None) -> str:
    """What the voice says as a phase starts: 'First: Calf stretch, left side', 'Rest'."""
    if kind is PhaseKind.PREPARE:
        lead = "First" if first else "Next"
        return f"{lead}: {step.stretch.announced_name}{_side_suffix(side)}"
    if kind in (PhaseKind.HOLD, PhaseKind.COUNT):
        return step.stretch.spoken
    return PHASE_LABELS[kind]


def _side_suffix(side: Side | None) -> str:
    return f", {side.value} side" if side is not None else ""


def step_of(number: int, steps: int) -> str:
    """'Step 2 of 5'."""
    return f"Step {number} of {steps}"


def count_of(count: int) -> str:
    """'of 10', under the count of a counted movement."""
    return f"of {count}"


def count_line(count: int, seconds_left: str) -> str:
    """'of 10  ·  16 s': the line under a counted movement's number."""
    return f"{count_of(count)}  ·  {seconds_left} s"


# Spoken at the start of every routine, after the first step is named.
SAFETY_SPOKEN = "Stop if anything hurts sharply"


# Shown on the get-ready screen above the routine's own safety note.
SAFETY_HEADING = "Before you start"


# A relief routine's note is acknowledged once per routine, with one key or click.
ACKNOWLEDGE_BUTTON = "I have read this"


ACKNOWLEDGE_HINT = "Press Enter or click to go on. You will not be asked again for this routine."


# The get-ready screen while the voice is rendered, and its escape.
PREPARING_VOICE = "Getting the voice ready…"


START_NOW = "Start now"


# The first-launch screen: what the app is, and is not, in two sentences.
WELCOME_HEADING = "Welcome to stretchapp"


WELCOME_TEXT = (
    "stretchapp guides you through gentle, timed stretching routines for the calf, "
    "back and neck, with pictures, sounds and a voice. "
    "It is not medical advice: for pain that is severe, frequent or not easing, "
    "see a doctor or physiotherapist."
)


WELCOME_BUTTON = "Got it"


def player_words() -> dict[str, str]:
    """The sentences above by the names QML reads them by."""
    return {
        "safetyHeading": SAFETY_HEADING,
        "acknowledgeButton": ACKNOWLEDGE_BUTTON,
        "acknowledgeHint": ACKNOWLEDGE_HINT,
        "preparingVoice": PREPARING_VOICE,
        "startNow": START_NOW,
        "welcomeHeading": WELCOME_HEADING,
        "welcomeText": WELCOME_TEXT,
        "welcomeButton": WELCOME_BUTTON,
        "finished": FINISHED,
    }
