"""Words for routines and their steps: kinds, groups, sides, summaries, search."""

from __future__ import annotations

from collections.abc import Iterable

from stretchapp.core.model import Kind, Routine, Side, Step
from stretchapp.core.wording.amounts import duration_text, plural

KIND_LABELS: dict[Kind, str] = {
    Kind.WARM_UP: "Warm-up",
    Kind.COOL_DOWN: "Cool-down",
    Kind.RELIEF: "Relief",
}


ALL_KINDS = "All"


def kind_choices(*, with_all: bool = False) -> list[dict[str, str]]:
    """The kinds as a choice list for QML (value, label); with_all adds "All" (value '')."""
    choices = [{"value": kind.value, "label": label} for kind, label in KIND_LABELS.items()]
    return [{"value": "", "label": ALL_KINDS}, *choices] if with_all else choices


def library_empty_text(has_routines: bool) -> str:
    """What the library says when it shows no card."""
    if not has_routines:
        return "No routines could be loaded."
    return "No routine matches. Try another word, or show all kinds."


# Shown on the finish screen of a relief routine. Never a medicine, brand or shop.
AFTER_CARE: tuple[str, ...] = (
    "Gentle warmth, such as a warm towel or a warm bath, can help the muscle relax.",
    "A gentle massage of the muscle, with slow strokes, can ease what is left of the tightness.",
    "If spasms or cramps come often or are severe, see a doctor or a physiotherapist.",
)


def kind_label(kind: Kind) -> str:
    return KIND_LABELS[kind]


def group_label(group: str) -> str:
    return group.replace("-", " ").replace("_", " ").capitalize()


def step_duration_text(step: Step) -> str:
    """How long one pass of the step lasts: '45 s', '10 × 3 s'."""
    if step.counted:
        return f"{step.count} × {step.tempo} s"
    return duration_text(step.movement_seconds)


def sides_text(step: Step) -> str:
    if step.sides == (Side.LEFT, Side.RIGHT):
        return "Left, then right"
    if step.sides == (Side.RIGHT, Side.LEFT):
        return "Right, then left"
    if len(step.sides) == 1:
        return f"{step.sides[0].value.capitalize()} side only"
    return ""


def detail_sides_text(step: Step) -> str:
    """The sides under a step in the routine's detail: one side only is in its summary."""
    if len(step.sides) <= 1:
        return ""
    return "You choose the side" if step.choose_side else sides_text(step)


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


def total_caption(steps: int) -> str:
    """Under a routine's total time: 'in all, 6 steps, with get-ready time and rests'."""
    return f"in all, {plural(steps, 'step')}, with get-ready time and rests"


# What a routine needs when it needs nothing, on a card, the detail page and `list`.
NOTHING_NEEDED = "Nothing"


def needs_line(needs: Iterable[str]) -> str:
    """'You need: a chair, a wall' or 'You need: nothing', on a card and the detail page."""
    return f"You need: {', '.join(needs) or 'nothing'}"


def card_name(routine: Routine, needs: Iterable[str]) -> str:
    """A routine card as a screen reader says it: title, kind, length, steps, needs."""
    parts = [routine.title, kind_label(routine.kind), duration_text(routine.total_seconds),
             plural(len(routine.steps), "step"), f"you need: {', '.join(needs) or 'nothing'}"]
    if not routine.builtin:
        parts.append("your routine")
    return ", ".join(parts)


def caution_line(caution: str) -> str:
    """'Take care: <the stretch's caution>' under a step, or '' when it has none."""
    return f"Take care: {caution}" if caution else ""


def detail_step_name(number: int, step: Step) -> str:
    """A step of the detail page as a screen reader says it."""
    name = f"Step {number}: {step.stretch.name}, {step_summary(step)}"
    caution = step.stretch.caution
    return f"{name}, take care: {caution}" if caution else name
