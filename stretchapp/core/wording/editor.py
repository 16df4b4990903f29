"""Words of the editor and sharing: notices after an action, prompts, timing labels."""

from __future__ import annotations

from stretchapp.core.model import PhaseKind
from stretchapp.core.wording.amounts import plural
from stretchapp.core.wording.player import PHASE_LABELS


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


def editor_total_caption(steps: int | None) -> str:
    """Under the editor's total: 'in all, 6 steps'; None while the routine has problems."""
    if steps is None:
        return "total shown once the problems are fixed"
    return f"in all, {plural(steps, 'step')}"


# The editor's banner when its file changes on disk behind it.
FILE_DELETED_OUTSIDE = "The file was deleted outside the editor; saving writes it again."
FILE_CHANGED_OUTSIDE = "The file was changed outside the editor."
# The catalogue picker's first group choice.
ALL_GROUPS = "All groups"


def not_a_timing(name: str) -> str:
    """A view asked for the default of a field that has none (a bug in the view)."""
    return f"'{name}' is not a timing with a routine default"
