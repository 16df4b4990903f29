"""The routine file format as pydantic models: one source for validation,
messages and the JSON Schema that `stretchapp schema` publishes.

These models check each value's shape and range. What needs more than one
field or more than one file (a step's hold versus count, a reference to a
catalogue stretch, image files) is checked when resolving, in resolve.py.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    StringConstraints,
    ValidationInfo,
    WithJsonSchema,
)
from pydantic_core import PydanticCustomError

from stretchapp.core.loading.durations import (
    HOLD_RANGE,
    PAUSE_RANGE,
    DurationError,
    check_range,
    format_written,
    parse_duration,
)
from stretchapp.core.model import Kind

FORMAT_VERSION = 1
ID_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"

_HOLD_FIELDS = {"hold", "tempo"}


def _seconds(value: object, info: ValidationInfo) -> int:
    if not isinstance(value, int | float | str) or isinstance(value, bool):
        # parse_duration would show Python's spelling (True, ['30s']).
        shown = ("true" if value else "false") if isinstance(value, bool) else (
            "a mapping" if isinstance(value, dict) else "a list" if isinstance(value, list)
            else "nothing" if value is None else type(value).__name__)
        raise PydanticCustomError(
            "duration", "expected a duration such as 30s, 2m or 1m30s, got {shown}",
            {"shown": shown})
    try:
        seconds = parse_duration(value)
    except DurationError as error:
        raise PydanticCustomError("duration", str(error)) from None
    bounds = HOLD_RANGE if info.field_name in _HOLD_FIELDS else PAUSE_RANGE
    if not check_range(seconds, bounds):
        shown = f"'{value}'" if isinstance(value, str) else str(value)
        low, high = (format_written(b) for b in bounds)
        raise PydanticCustomError(
            "duration_range", "must be between {low} and {high}, got {shown}",
            {"low": low, "high": high, "shown": shown})
    return seconds


_DURATION_SCHEMA = {
    "anyOf": [
        {"type": "integer", "minimum": 0, "description": "seconds"},
        {"type": "string", "pattern": r"^\s*(\d+\s*m)?\s*(\d+\s*s?)?\s*$",
         "examples": ["45s", "2m", "1m30s", "90"]},
    ]
}

Duration = Annotated[int, BeforeValidator(_seconds), WithJsonSchema(_DURATION_SCHEMA)]
Identifier = Annotated[str, Field(pattern=ID_PATTERN, max_length=80)]
Text = Annotated[str, Field(min_length=1)]
FileRef = Annotated[str, Field(min_length=1, max_length=400)]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


class Defaults(_Strict):
    """Timings that every step of the routine inherits."""

    prepare: Duration | None = Field(None, description="get-ready time before each step (5s)")
    hold: Duration | None = Field(None, description="static hold time (30s)")
    rest: Duration | None = Field(None, description="rest after each step but the last (10s)")
    switch: Duration | None = Field(None, description="between the left and right side (5s)")
    relax: Duration | None = Field(None, description="between reps of the same step (5s)")


class Cues(_Strict):
    """Which cues sound during the routine."""

    countdown: int = Field(3, ge=0, le=10, description="beep on each of the last N seconds")
    halfway: bool = Field(False, description="a cue at the half of each hold")
    voice: bool = Field(True, description="spoken cues, where speech is available")
    sounds: dict[str, FileRef] | None = Field(
        None, description="replace cue sounds with WAV files: cue name -> file (docs/sounds.md)")


class StretchFields(_Strict):
    """What a stretch is: shared by catalogue entries and inline steps."""

    name: Annotated[str, Field(min_length=1, max_length=80)] | None = None
    instructions: Text | None = None
    image: FileRef | None = Field(None, description="PNG, JPEG, SVG or GIF, next to this file")
    image_right: FileRef | None = Field(None, description="the right side, instead of a mirror")
    sided: bool | None = Field(None, description="has a left and a right side")
    say: Text | None = Field(None, description="spoken when the stretch starts")
    spoken_name: Annotated[str, Field(min_length=1, max_length=80)] | None = Field(
        None, description="the name as the voice says it (default: the name without brackets)")
    caution: Text | None = Field(
        None, description="who should take care or leave the stretch out, and why")
    pose: Any = Field(None, description="a drawn figure instead of an image (docs/poses.md)")


class StepSpec(StretchFields):
    """One step: a catalogue stretch by id, or an inline one, and its timing."""

    stretch: Identifier | None = Field(None, description="a catalogue stretch id")
    hold: Duration | None = None
    count: int | None = Field(None, ge=1, le=1000, description="repetitions, counted out")
    tempo: Duration | None = Field(None, description="the length of one repetition")
    reps: int = Field(1, ge=1, le=100)
    sides: Literal["both", "left", "right", "choose"] | None = Field(
        None, description="both (left then right), left, right, or choose: the user picks "
        "the first side, or one side only, before the routine starts")
    prepare: Duration | None = None
    rest: Duration | None = None
    switch: Duration | None = None
    relax: Duration | None = None


class RoutineFile(_Strict):
    """A routine file: a titled, ordered list of steps."""

    format: Literal[1]
    id: Identifier | None = Field(None, description="default: the file name without .yaml")
    # Stripped first: a title of spaces only is empty, not a blank card.
    title: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=80)]
    group: Identifier = Field(description="the muscle group, e.g. calf, back, neck")
    # The model's enum, so the kinds are spelled once; lax here to take the file's text.
    kind: Annotated[Kind, Field(strict=False)]
    description: str | None = None
    safety: str | None = None
    defaults: Defaults | None = None
    cues: Cues | None = None
    steps: Annotated[list[StepSpec], Field(min_length=1)]


class CatalogueStretch(StretchFields):
    """A reusable stretch that routines refer to by id."""

    id: Identifier
    name: Annotated[str, Field(min_length=1, max_length=80)]
    group: Identifier
    instructions: Text


class CatalogueFile(_Strict):
    """A stretch catalogue file."""

    format: Literal[1]
    stretches: Annotated[list[CatalogueStretch], Field(min_length=1)]


def json_schema() -> dict[str, Any]:
    """JSON Schema for both file kinds, for YAML language servers."""
    routine = RoutineFile.model_json_schema()
    catalogue = CatalogueFile.model_json_schema()
    defs = {**routine.pop("$defs", {}), **catalogue.pop("$defs", {})}
    defs["RoutineFile"] = routine
    defs["CatalogueFile"] = catalogue
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "stretchapp routine or stretch catalogue, format 1",
        "oneOf": [{"$ref": "#/$defs/RoutineFile"}, {"$ref": "#/$defs/CatalogueFile"}],
        "$defs": defs,
    }


def _bounds(model: type[BaseModel], name: str) -> tuple[int, int]:
    """The ge/le bounds a model's field states."""
    low = high = 0
    for item in model.model_fields[name].metadata:
        low = getattr(item, "ge", low)
        high = getattr(item, "le", high)
    return low, high


def number_limits() -> dict[str, tuple[int, int]]:
    """The bounds of every number a routine file holds (durations in seconds), for editors."""
    limits = {name: HOLD_RANGE for name in sorted(_HOLD_FIELDS)}
    limits |= {name: PAUSE_RANGE for name in ("prepare", "rest", "switch", "relax")}
    limits |= {"count": _bounds(StepSpec, "count"), "reps": _bounds(StepSpec, "reps"),
               "countdown": _bounds(Cues, "countdown")}
    return limits


def cue_defaults() -> dict[str, int | bool]:
    """What a routine without a cues section gets: the Cues model's own defaults."""
    return {name: Cues.model_fields[name].default for name in ("countdown", "halfway", "voice")}
