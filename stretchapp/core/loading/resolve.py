"""From validated file data to the model: references, defaults, media.

schema.py has already checked each value's shape; here we check what spans
fields or files, and build immutable Stretch and Routine objects. Problems are
collected, never raised one by one, so a file reports everything at once.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TypeVar

from pydantic import BaseModel, ValidationError

from stretchapp.core import model
from stretchapp.core.loading.media import IMAGE_SUFFIXES, SOUND_SUFFIXES, find_media
from stretchapp.core.loading.problems import Problem
from stretchapp.core.loading.schema import (
    ID_PATTERN,
    CatalogueFile,
    CatalogueStretch,
    Cues,
    Defaults,
    RoutineFile,
    StepSpec,
)
from stretchapp.core.loading.schema_errors import did_you_mean
from stretchapp.core.loading.yaml_source import Document, Key
from stretchapp.core.model import CueSettings, Routine, Side, Step, Stretch
from stretchapp.core.pose.model import PoseSpec
from stretchapp.core.pose.parser import parse_pose
from stretchapp.core.sound.cue_sounds import CUE_SOUND_NAMES, check_wav

_SIDES = {"both": (Side.LEFT, Side.RIGHT), "left": (Side.LEFT,), "right": (Side.RIGHT,),
          "choose": (Side.LEFT, Side.RIGHT)}


@dataclass
class Assets:
    """Where names that are not next to the file are looked up."""

    images: Path
    sounds: Path


@dataclass
class Resolution:
    """Objects built from one file, and what was wrong on the way."""

    problems: list[Problem] = field(default_factory=list)

    @property
    def blocked(self) -> bool:
        return any(p.blocking for p in self.problems)


def _pose(doc: Document, key: Key, value: object, res: Resolution) -> PoseSpec | None:
    spec, issues = parse_pose(value)
    for sub, message in issues:
        res.problems.append(doc.problem((*key, *sub), message, code="bad-pose"))
    return spec


def _stretch_media(doc: Document, key: Key, fields: CatalogueStretch | StepSpec,
                   assets: Assets, res: Resolution) -> dict[str, object]:
    """image, image_right and pose of one stretch, looked up and checked."""
    found: dict[str, object] = {}
    if fields.pose is not None:
        if fields.image is not None:
            res.problems.append(doc.problem(
                (*key, "pose"), "give either image or pose, not both", of_key=True,
                code="conflicting-keys"))
        found["pose"] = _pose(doc, (*key, "pose"), fields.pose, res)
        found["image"] = None
    for name in ("image", "image_right"):
        ref = getattr(fields, name)
        if ref is None:
            continue
        look = find_media(ref, name, doc.path.parent, assets.images, IMAGE_SUFFIXES)
        if look.refused:
            res.problems.append(doc.problem((*key, name), look.refused, code="refused-path"))
        elif look.missing:
            res.problems.append(doc.problem((*key, name), look.missing, blocking=False,
                                            code="missing-image"))
            found["image_missing"] = ref
        found[name] = look.path
    return found


def build_stretches(doc: Document, spec: CatalogueFile, assets: Assets, *,
                    builtin: bool) -> tuple[list[Stretch], Resolution]:
    """The stretches of a catalogue file; ids unique within the file."""
    return _build_stretches(doc, enumerate(spec.stretches), assets, builtin=builtin)


def _build_stretches(doc: Document, entries: Iterable[tuple[int, CatalogueStretch]],
                     assets: Assets, *, builtin: bool) -> tuple[list[Stretch], Resolution]:
    res = Resolution()
    stretches: list[Stretch] = []
    seen: dict[str, int] = {}
    for index, entry in entries:
        key: Key = ("stretches", index)
        if entry.id in seen:
            first = seen[entry.id]
            line = doc.where(("stretches", first, "id"))[0]
            res.problems.append(doc.problem((*key, "id"), (
                f"duplicate stretch id '{entry.id}': stretch {first + 1} (line {line}) "
                "already has it"), code="duplicate-id"))
            continue
        seen[entry.id] = index
        if entry.image_right is not None and not entry.sided:
            res.problems.append(doc.problem(
                (*key, "image_right"), "image_right is only for a sided stretch (sided: true)",
                of_key=True, code="conflicting-keys"))
        media = _stretch_media(doc, key, entry, assets, res)
        stretches.append(Stretch(
            id=entry.id, name=entry.name, group=entry.group,
            instructions=entry.instructions.strip(), sided=bool(entry.sided), say=entry.say,
            spoken_name=entry.spoken_name, caution=(entry.caution or "").strip(),
            source=doc.path, builtin=builtin,
            **media))  # type: ignore[arg-type]
    return stretches, res


def _step_stretch(doc: Document, key: Key, step: StepSpec, number: int, routine_id: str,
                  group: str, catalogue: Mapping[str, Stretch], assets: Assets,
                  res: Resolution) -> Stretch | None:
    if step.stretch is not None:
        base = catalogue.get(step.stretch)
        if base is None:
            hint = did_you_mean(step.stretch, catalogue) or (
                " ('stretchapp list --stretches' shows the catalogue)")
            res.problems.append(doc.problem(
                (*key, "stretch"), f"unknown stretch '{step.stretch}' in step {number}{hint}",
                code="unknown-stretch"))
            return None
    else:
        missing = [name for name in ("name", "instructions") if getattr(step, name) is None]
        if missing:
            res.problems.append(doc.problem(key, (
                f"step {number} needs 'stretch: <catalogue id>', or 'name' and 'instructions' "
                f"for an inline stretch (missing {' and '.join(missing)})"), code="missing-key"))
            return None
        base = Stretch(id=f"{routine_id}-step-{number}", name="", group=group, instructions="",
                       source=doc.path)
    overrides: dict[str, object] = {
        name: getattr(step, name) for name in ("name", "say", "sided", "spoken_name")
        if getattr(step, name) is not None}
    if step.name is not None and step.spoken_name is None:
        overrides["spoken_name"] = None  # a new name: the catalogue's spoken one is stale
    for name in ("instructions", "caution"):
        if getattr(step, name) is not None:
            overrides[name] = getattr(step, name).strip()
    overrides.update(_stretch_media(doc, key, step, assets, res))
    return replace(base, **overrides) if overrides else base  # type: ignore[arg-type]


# The timings a step takes from the routine's defaults unless it sets its own, and
# the format's own default where the routine gives none (ROUTINE_FORMAT.md).
TIMING_DEFAULTS: dict[str, int] = {
    "prepare": model.DEFAULT_PREPARE, "hold": model.DEFAULT_HOLD, "rest": model.DEFAULT_REST,
    "switch": model.DEFAULT_SWITCH, "relax": model.DEFAULT_RELAX}


@dataclass(frozen=True)
class Timing:
    """One timing of a step, and whether it comes from a default (the step sets none)."""

    seconds: int
    inherited: bool


def step_timings(own: Mapping[str, int | None],
                 defaults: Mapping[str, int | None]) -> dict[str, Timing]:
    """Each timing of a step: its own value, else the routine's default, else the format's.

    The one rule of inheritance: the loader and the editor both resolve a step here.
    """
    found: dict[str, Timing] = {}
    for name, fallback in TIMING_DEFAULTS.items():
        value, routine_default = own.get(name), defaults.get(name)
        if value is not None:
            found[name] = Timing(value, inherited=False)
        else:
            found[name] = Timing(routine_default if routine_default is not None else fallback,
                                 inherited=True)
    return found


def _step(doc: Document, index: int, step: StepSpec, group: str, defaults: Defaults | None,
          routine_id: str, catalogue: Mapping[str, Stretch], assets: Assets,
          res: Resolution) -> Step | None:
    key: Key = ("steps", index)
    number = index + 1
    stretch = _step_stretch(doc, key, step, number, routine_id, group, catalogue, assets, res)
    if step.hold is not None and step.count is not None:
        res.problems.append(doc.problem((*key, "count"), (
            f"step {number} has both hold and count: a step is a hold or a counted movement"),
            of_key=True, code="conflicting-keys"))
    if step.count is not None and step.tempo is None:
        res.problems.append(doc.problem((*key, "count"), (
            f"count needs a tempo in step {number}, the length of one repetition "
            "(e.g. tempo: 2s)"), of_key=True, code="missing-key"))
    if step.tempo is not None and step.count is None:
        res.problems.append(doc.problem((*key, "tempo"), (
            f"tempo goes with count in step {number} (e.g. count: 10)"), of_key=True,
            code="missing-key"))
    if stretch is None:
        return None
    if step.sides is not None and not stretch.sided:
        res.problems.append(doc.problem((*key, "sides"), (
            f"sides is only for a sided stretch, and '{stretch.name}' has no sides"),
            of_key=True, code="conflicting-keys"))
    timing = {name: found.seconds for name, found in step_timings(
        {name: getattr(step, name) for name in TIMING_DEFAULTS},
        {name: getattr(defaults, name) if defaults is not None else None
         for name in TIMING_DEFAULTS}).items()}
    counted = model.is_counted(step.count, step.tempo)
    return Step(
        stretch=stretch,
        hold=None if counted else timing["hold"],
        count=step.count if counted else None, tempo=step.tempo if counted else None,
        reps=step.reps,
        sides=_SIDES[step.sides or "both"] if stretch.sided else (),
        choose_side=step.sides == "choose" and stretch.sided,
        prepare=timing["prepare"], rest=timing["rest"], switch=timing["switch"],
        relax=timing["relax"])


def _cue_settings(doc: Document, cues: Cues | None, assets: Assets,
                  res: Resolution) -> CueSettings:
    if cues is None:
        return CueSettings()
    sounds = _custom_sounds(doc, cues.sounds or {}, assets, res)
    return CueSettings(countdown=cues.countdown, halfway=cues.halfway, voice=cues.voice,
                       sounds=tuple(sounds))


def _custom_sounds(doc: Document, wanted: Mapping[str, str], assets: Assets,
                   res: Resolution) -> list[tuple[str, Path]]:
    """A routine's own WAV files for cues, each looked up and checked."""
    sounds: list[tuple[str, Path]] = []
    if not wanted:
        return sounds
    for name, ref in wanted.items():
        key: Key = ("cues", "sounds", name)
        if name not in CUE_SOUND_NAMES:
            res.problems.append(doc.problem(key, (
                f"unknown cue sound '{name}'{did_you_mean(name, CUE_SOUND_NAMES)}; the cues are "
                + ", ".join(CUE_SOUND_NAMES)), of_key=True, code="unknown-cue-sound"))
            continue
        look = find_media(ref, "sound", doc.path.parent, assets.sounds, SOUND_SUFFIXES)
        problem = look.refused or look.missing or (check_wav(look.path) if look.path else None)
        if problem:
            res.problems.append(doc.problem(key, problem if look.refused or look.missing
                                            else f"sound '{ref}': {problem}",
                                            blocking=look.refused is not None,
                                            code="refused-path" if look.refused
                                            else "missing-sound" if look.missing
                                            else "bad-sound"))
        elif look.path is not None:
            sounds.append((name, look.path))
    return sounds


def routine_id_for(doc: Document, spec: RoutineFile, res: Resolution) -> str:
    """The routine's id: its own, or the file name without .yaml."""
    if spec.id is not None:
        return spec.id
    return _id_from_file_name(doc, res)


def _id_from_file_name(doc: Document, res: Resolution) -> str:
    stem = doc.path.stem
    if not re.match(ID_PATTERN, stem):
        res.problems.append(doc.problem((), (
            f"the file name '{stem}' cannot be the routine's id (lowercase letters, digits "
            "and single dashes): rename the file, or add an 'id:' key"), code="bad-id"))
    return stem


def build_routine(doc: Document, spec: RoutineFile, catalogue: Mapping[str, Stretch],
                  assets: Assets, *, builtin: bool) -> tuple[Routine | None, Resolution]:
    """The routine of a routine file, or None when a blocking problem was found."""
    res = Resolution()
    routine_id = routine_id_for(doc, spec, res)
    steps = [_step(doc, i, step, spec.group, spec.defaults, routine_id, catalogue, assets, res)
             for i, step in enumerate(spec.steps)]
    cues = _cue_settings(doc, spec.cues, assets, res)
    if res.blocked:
        return None, res
    routine = Routine(
        id=routine_id, title=spec.title.strip(), group=spec.group, kind=spec.kind,
        steps=tuple(s for s in steps if s is not None),
        description=(spec.description or "").strip(), safety=(spec.safety or "").strip(),
        cues=cues, source=doc.path, builtin=builtin)
    return routine, res


# A file that fails the schema builds nothing, but the parts of it that are
# valid on their own (a step, the cues, a catalogue entry) still get the checks
# above, so that every problem of a file is reported at once.


_M = TypeVar("_M", bound=BaseModel)


# Keys that the checks here do not read together with others: when only these
# are wrong (or unknown), the rest of a step or catalogue entry is still checked.
_STEP_KEYS_ALONE = frozenset({"hold", "reps", "prepare", "rest", "switch", "relax", "say",
                              "spoken_name", "caution",
                              "image", "image_right", "pose"})
_STRETCH_KEYS_ALONE = frozenset({"say", "image", "pose", "spoken_name", "caution"})


def _valid(model: type[_M], value: object, alone: frozenset[str] = frozenset()) -> _M | None:
    """value as model; failing that, without its wrong keys when all are in alone."""
    try:
        return model.model_validate(value)
    except ValidationError as error:
        if not isinstance(value, dict):
            return None
        wrong = {item["loc"][0] for item in error.errors() if item["loc"]}
        unknown = {item["loc"][0] for item in error.errors()
                   if item["type"] == "extra_forbidden" and len(item["loc"]) == 1}
        if not wrong <= alone | unknown:
            return None
    try:
        return model.model_validate({k: v for k, v in value.items() if k not in wrong})
    except ValidationError:
        return None


def check_invalid_routine(doc: Document, data: Mapping[str, object],
                          catalogue: Mapping[str, Stretch], assets: Assets) -> list[Problem]:
    """The cross-field and catalogue problems of a routine file's valid parts."""
    res = Resolution()
    routine_id = data.get("id")
    if not isinstance(routine_id, str):
        routine_id = _id_from_file_name(doc, res) if "id" not in data else doc.path.stem
    group = data.get("group")
    defaults = _valid(Defaults, data.get("defaults"))
    steps = data.get("steps")
    for index, raw in enumerate(steps if isinstance(steps, list) else []):
        step = _valid(StepSpec, raw, _STEP_KEYS_ALONE)
        if step is not None:
            _step(doc, index, step, group if isinstance(group, str) else "", defaults,
                  routine_id, catalogue, assets, res)
    _cue_settings(doc, _valid(Cues, data.get("cues")), assets, res)
    return res.problems


def check_invalid_catalogue(doc: Document, data: Mapping[str, object],
                            assets: Assets) -> list[Problem]:
    """The duplicate ids and media problems of a catalogue file's valid entries."""
    entries = data.get("stretches")
    valid = [(index, entry) for index, raw in enumerate(entries if isinstance(entries, list)
                                                        else [])
             if (entry := _valid(CatalogueStretch, raw, _STRETCH_KEYS_ALONE)) is not None]
    return _build_stretches(doc, valid, assets, builtin=False)[1].problems
