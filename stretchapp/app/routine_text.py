"""The words and figures the views show for routines and steps.

Plain functions of the model, no Qt: the bridges call them and hand QML
ready-made strings, so the views never compute a duration or a plural.
"""

from __future__ import annotations

from collections.abc import Iterable

from stretchapp.core.loading.durations import format_human
from stretchapp.core.model import Kind, Routine, Side, Step

KIND_LABELS: dict[str, str] = {
    Kind.WARM_UP.value: "Warm-up",
    Kind.COOL_DOWN.value: "Cool-down",
    Kind.RELIEF.value: "Relief",
}

# Shown on the finish screen of a relief routine. Never a medicine, brand or shop.
AFTER_CARE: tuple[str, ...] = (
    "Gentle warmth, such as a warm towel or a warm bath, can help the muscle relax.",
    "A gentle massage of the muscle, with slow strokes, can ease what is left of the tightness.",
    "Drink a glass of water.",
    "If spasms or cramps come often or are severe, see a doctor or a physiotherapist.",
)


def kind_label(kind: str) -> str:
    return KIND_LABELS.get(kind, kind.replace("-", " ").capitalize())


def group_label(group: str) -> str:
    return group.replace("-", " ").replace("_", " ").capitalize()


def plural(number: int, word: str) -> str:
    return f"{number} {word}" if number == 1 else f"{number} {word}s"


def step_duration_text(step: Step) -> str:
    """How long one pass of the step lasts: '45 s', '10 × 3 s'."""
    if step.counted:
        return f"{step.count} × {step.tempo} s"
    return format_human(step.movement_seconds)


def sides_text(step: Step) -> str:
    if step.sides == (Side.LEFT, Side.RIGHT):
        return "Left, then right"
    if step.sides == (Side.RIGHT, Side.LEFT):
        return "Right, then left"
    if len(step.sides) == 1:
        return f"{step.sides[0].value.capitalize()} side only"
    return ""


def step_summary(step: Step) -> str:
    """One line for a step in the routine's detail: '45 s each side · 2 times'."""
    parts = [step_duration_text(step) + (" each side" if len(step.sides) > 1 else "")]
    if len(step.sides) == 1:
        parts.append(sides_text(step).lower())
    if step.reps > 1:
        parts.append(f"{step.reps} times")
    return " · ".join(parts)


def side_rep_text(side: Side | None, rep: int, reps: int) -> str:
    """'Left side – 2 of 3', 'Right side', '2 of 3' or ''."""
    parts = []
    if side is not None:
        parts.append(f"{side.value.capitalize()} side")
    if reps > 1:
        parts.append(f"{rep} of {reps}")
    return " – ".join(parts)


def matches(routine: Routine, words: Iterable[str]) -> bool:
    """True when every word is found in the routine's title, text, group or stretches."""
    haystack = " ".join([
        routine.title, routine.description, routine.group, kind_label(routine.kind),
        *(step.stretch.name for step in routine.steps),
    ]).lower()
    return all(word in haystack for word in words)


def search_words(text: str) -> list[str]:
    return [word for word in text.lower().split() if word]
