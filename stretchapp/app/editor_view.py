"""What the editor page shows of a draft, as plain data: no Qt, tested on its own.

The editor bridge hands these to QML: the defaults and cues with the format's
own defaults filled in, the bounds of every spin box, the total, and each
problem placed under its field (or listed apart when no field shows it).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from stretchapp.app.draft_problems import PlacedProblem
from stretchapp.core.editing.draft import RoutineDraft
from stretchapp.core.editing.step_rows import DEFAULT_TIMINGS, seconds_or, whole_or
from stretchapp.core.loading.schema import cue_defaults, number_limits
from stretchapp.core.model import Routine
from stretchapp.core.wording.amounts import duration_text
from stretchapp.core.wording.editor import editor_total_caption

# Bounds the spin boxes keep to, and the cues a routine gets without its own, as the
# schema states them.
LIMITS: dict[str, list[int]] = {name: list(bounds) for name, bounds in number_limits().items()}
CUE_DEFAULTS = cue_defaults()
# Fields the page shows a problem under; the others are listed apart (otherProblems).
SHOWN_FIELDS = frozenset({
    "title", "description", "safety", "kind", "group", "steps",
    *(f"defaults.{name}" for name in ("prepare", "hold", "rest", "switch", "relax")),
    *(f"cues.{name}" for name in ("countdown", "halfway", "voice")),
})


def plain(value: object) -> object:
    """A value from QML as the draft wants it: JavaScript numbers can arrive as 45.0."""
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def field_text(draft: RoutineDraft | None, name: str) -> str:
    """A top field's text as the form shows it ('' when missing)."""
    value = draft.get(name) if draft is not None else None
    return str(value).rstrip("\n") if value is not None else ""


def shown_defaults(draft: RoutineDraft | None) -> dict[str, int]:
    """The routine's default timings, the format's own where the routine gives none."""
    section: Mapping[str, Any] = draft.section("defaults") if draft is not None else {}
    return {name: seconds_or(section.get(name), fallback)
            for name, fallback in DEFAULT_TIMINGS.items()}


def shown_cues(draft: RoutineDraft | None) -> dict[str, Any]:
    """The routine's cue settings, the format's defaults where the routine gives none."""
    section: Mapping[str, Any] = draft.section("cues") if draft is not None else {}
    halfway = section.get("halfway")
    voice = section.get("voice")
    return {
        "countdown": whole_or(section.get("countdown"), int(CUE_DEFAULTS["countdown"])),
        "halfway": halfway if isinstance(halfway, bool) else CUE_DEFAULTS["halfway"],
        "voice": voice if isinstance(voice, bool) else CUE_DEFAULTS["voice"],
    }


def total_text(routine: Routine | None) -> str:
    return "–" if routine is None else duration_text(routine.total_seconds)


def total_caption(routine: Routine | None, steps: int) -> str:
    return editor_total_caption(None if routine is None else steps)


def field_problems(problems: Iterable[PlacedProblem]) -> dict[str, str]:
    """Each field's problems, one a line, for the text under that field."""
    shown: dict[str, list[str]] = {}
    for problem in problems:
        if problem.step < 0 and problem.field:
            shown.setdefault(problem.field, []).append(problem.text)
    return {name: "\n".join(texts) for name, texts in shown.items()}


def other_problems(problems: Iterable[PlacedProblem]) -> list[str]:
    """Problems about no step and no field the form shows: listed apart."""
    return [p.text for p in problems if p.step < 0 and p.field not in SHOWN_FIELDS]


def step_problems(problems: Iterable[PlacedProblem]) -> dict[int, list[str]]:
    """Each step's problems."""
    by_step: dict[int, list[str]] = {}
    for problem in problems:
        if problem.step >= 0:
            by_step.setdefault(problem.step, []).append(problem.text)
    return by_step
