"""The words users see, made in one place: problems, routines, steps, questions.

This is the translation seam: the rest of the code hands over data (a
Problem, a step, a count, an error) and gets text back, so views never build
a sentence, a plural or a duration. Nobody parses this text back into data;
that is what a Problem's code, key path and severity are for.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from stretchapp.core.model import Kind, PhaseKind, Routine, Side, Step

if TYPE_CHECKING:
    from stretchapp.core.loading.problems import Problem


def where(path: str, line: int, column: int) -> str:
    """'routines/a.yaml:12:5', as editors and compilers write a place in a file."""
    text = path
    if line:
        text += f":{line}"
        if column:
            text += f":{column}"
    return text


def problem_line(problem: Problem, shown_path: str | None = None) -> str:
    """'<file>:12:5: error: <message>' (or 'warning:'), the path shown as the caller says."""
    path = str(problem.path) if shown_path is None else shown_path
    return f"{where(path, problem.line, problem.column)}: {problem.severity.value}: " \
           f"{problem.message}"


def place_in_file(line: int, column: int, message: str) -> str:
    """'12:5: message' for a problem shown next to the file it is in (the editor)."""
    if not line:
        return message
    at = f"{line}:{column}" if column else str(line)
    return f"{at}: {message}"


def library_load_failed(error: Exception) -> str:
    """The notice shown when a whole load of the library went wrong."""
    return f"The routines could not be loaded again ({type(error).__name__}: {error}). " \
           "The ones shown are from before; fix or remove the file and it is tried again."


def duration_text(seconds: float) -> str:
    """A length in words, the one way the app writes one: '45 s', '7 min', '7 min 30 s'.

    (A running clock is durations.format_clock, m:ss; a file's own syntax,
    45s or 1m30s, is durations.format_written.)
    """
    minutes, secs = divmod(max(0, round(seconds)), 60)
    if not minutes:
        return f"{secs} s"
    if not secs:
        return f"{minutes} min"
    return f"{minutes} min {secs} s"


def reminder_detail(seconds: float) -> str:
    """A reminder's line under the routine's name: '4 min of gentle stretching'."""
    return f"{duration_text(seconds)} of gentle stretching"


def plural(number: int, word: str) -> str:
    """'1 step', '3 steps'."""
    return f"{number} {word}" if number == 1 else f"{number} {word}s"


def import_contents(source: str, target: str, routines: list[tuple[str, str, int]],
                    stretches: list[tuple[str, str]]) -> list[str]:
    """What an import would add: a heading line, then a routine or stretch a line."""
    lines = [f"from {source}, into {target}:"]
    lines += [f"routine '{ident}': {title} ({plural(steps, 'step')})"
              for ident, title, steps in routines]
    lines += [f"stretch '{ident}': {name}" for ident, name in stretches]
    return lines


def delete_prompt(title: str, *, new: bool) -> dict[str, str]:
    """The question asked before a delete: heading, message and the answer that deletes."""
    if new:
        return {"heading": f"Discard “{title}”?",
                "message": "It has never been saved, so it cannot be brought back.",
                "accept": "Discard"}
    return {"heading": f"Delete “{title}”?",
            "message": "It is moved to the backups folder; you can undo right after.",
            "accept": "Delete"}


# --- notices after an action (toasts, and why one did not happen) -------------------

def copied_notice(title: str, file_name: str) -> str:
    return f"Copied “{title}” to your routines as {file_name}"


def saved_notice(file_name: str) -> str:
    return f"Saved {file_name}"


def deleted_notice(title: str) -> str:
    return f"Deleted “{title}”"


def restored_notice(file_name: str) -> str:
    return f"Restored {file_name}"


def exported_notice(path: str) -> str:
    return f"Exported to {path}"


def imported_notice(titles: list[str], files: int) -> str:
    """'Imported Calf stretches, Neck relief', or 'Imported 3 files' when no routine came."""
    return f"Imported {', '.join(titles) or plural(files, 'file')}"


def not_done(action: str, reason: str) -> str:
    """'Not imported: <reason>', 'Not exported: <reason>'."""
    return f"Not {action}: {reason}"


CANNOT_PLAY_DRAFT = "Fix the problems first: the routine cannot play as it is."
SAVE_FIRST = "Save the routine first: its file does not exist yet."


def no_file_manager(folder: str) -> str:
    return f"Could not open a file manager; the file is in {folder}"


def no_text_editor(path: str) -> str:
    return f"Could not open a text editor for {path}"


def no_routine_to_delete(routine_id: str) -> str:
    return f"There is no routine '{routine_id}' to delete."


def problem_summary(errors: int, warnings: int) -> str:
    """'2 problems to fix before saving', '1 warning' or ''."""
    if errors:
        return f"{plural(errors, 'problem')} to fix before saving"
    if warnings:
        return plural(warnings, "warning")
    return ""


# --- routines and steps ------------------------------------------------------------

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


# --- the player: phases, cues, the finish --------------------------------------

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


# The editor's timing fields, named after the phases they time (ROUTINE_FORMAT.md's keys).
TIMING_LABELS: dict[str, str] = {
    "prepare": PHASE_LABELS[PhaseKind.PREPARE],
    "hold": PHASE_LABELS[PhaseKind.HOLD],
    "rest": f"{PHASE_LABELS[PhaseKind.REST]} between steps",
    "switch": PHASE_LABELS[PhaseKind.SWITCH],
    "relax": f"{PHASE_LABELS[PhaseKind.RELAX]} between reps",
}


def timing_fields() -> list[dict[str, str]]:
    """The routine's default timings as the editor lists them: name and label, in order."""
    return [{"name": name, "label": label} for name, label in TIMING_LABELS.items()]


def step_timing_labels() -> dict[str, str]:
    """A step's timing fields' labels (its rest is the one after it)."""
    return {**TIMING_LABELS, "rest": f"{PHASE_LABELS[PhaseKind.REST]} after"}


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


def total_caption(steps: int) -> str:
    """Under a routine's total time: 'in all, 6 steps, with get-ready time and rests'."""
    return f"in all, {plural(steps, 'step')}, with get-ready time and rests"


def editor_total_caption(steps: int | None) -> str:
    """Under the editor's total: 'in all, 6 steps'; None while the routine has problems."""
    if steps is None:
        return "total shown once the problems are fixed"
    return f"in all, {plural(steps, 'step')}"


# --- the player: safety, the voice getting ready, the first launch ----------------

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
