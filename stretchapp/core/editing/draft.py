"""A routine being edited, kept as a round-trip YAML document.

People's files carry comments and an order they chose; the editor changes
values in place (ruamel.yaml) so what they wrote by hand survives a save.
Every change can be checked at once with the loader's own rules.
"""

from __future__ import annotations

import io
import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import YAMLError
from ruamel.yaml.scalarstring import FoldedScalarString, LiteralScalarString

from stretchapp.core.loading.durations import format_written
from stretchapp.core.loading.library import Library, check_source
from stretchapp.core.loading.problems import Problem
from stretchapp.core.loading.resolve import Assets
from stretchapp.core.loading.yaml_source import Document
from stretchapp.core.model import Routine

TOP_FIELDS = ("title", "description", "safety", "kind", "group")
TIMING_FIELDS = ("prepare", "hold", "rest", "switch", "relax")
CUE_FIELDS = ("countdown", "halfway", "voice")
STEP_FIELDS = ("hold", "count", "tempo", "reps", "sides", "prepare", "rest", "switch", "relax")
_DURATION_FIELDS = {"hold", "tempo", "prepare", "rest", "switch", "relax"}


@dataclass(frozen=True)
class DraftCheck:
    """A draft as the loader sees it, from one reading of its text."""

    text: str
    doc: Document | None  # positions of every value, for placing the problems
    problems: list[Problem]
    routine: Routine | None


class DraftError(Exception):
    """An edit that cannot be made (bad step index, text that is not YAML...)."""


def round_trip_yaml(text: str) -> YAML:
    """A ruamel YAML that writes text back in its own style (quotes, list indent)."""
    yaml = YAML()
    yaml.preserve_quotes = True
    yaml.width = 88
    # Keep the file's own list indentation ("- x" or "  - x").
    match = re.search(r"^( *)- ", text, re.MULTILINE)
    offset = len(match.group(1)) if match else 2
    yaml.indent(mapping=2, sequence=offset + 2, offset=offset)
    return yaml


class RoutineDraft:
    """An editable routine document bound to the file it will be saved as."""

    def __init__(self, path: Path, text: str, library: Library, assets: Assets | None = None):
        self.path = path
        self.library = library
        self.assets = assets
        self._yaml = round_trip_yaml(text)
        try:
            data = self._yaml.load(text)
        except YAMLError as error:
            raise DraftError(f"{path.name} is not valid YAML: {error}") from None
        if not isinstance(data, CommentedMap):
            raise DraftError(f"{path.name} is not a routine file (no mapping at the top)")
        self.data: CommentedMap = data
        self.dirty = False

    @classmethod
    def from_file(cls, path: Path, library: Library) -> RoutineDraft:
        return cls(path, path.read_text(encoding="utf-8"), library)

    @classmethod
    def blank(cls, path: Path, routine_id: str, title: str, group: str, kind: str,
              library: Library) -> RoutineDraft:
        text = (f"format: 1\nid: {routine_id}\ntitle: {_quoted(title)}\ngroup: {group}\n"
                f"kind: {kind}\nsteps: []\n")
        draft = cls(path, text, library)
        draft.dirty = True
        return draft

    # -- reading -------------------------------------------------------------

    def text(self) -> str:
        buffer = io.StringIO()
        self._yaml.dump(self.data, buffer)
        return buffer.getvalue()

    def check(self) -> DraftCheck:
        """The draft's text, read and checked once: its problems and its routine."""
        text = self.text()
        found = check_source(self.path, self.library, self.assets, text=text)
        return DraftCheck(text, found.doc, found.problems, found.routine)

    def problems(self) -> list[Problem]:
        """Every problem the loader would report for the draft as it stands."""
        return self.check().problems

    def routine(self) -> Routine | None:
        """The routine the draft describes, or None while it has blocking problems."""
        return self.check().routine

    def get(self, name: str) -> Any:
        return self.data.get(name)

    def section(self, name: str) -> Mapping[str, Any]:
        value = self.data.get(name)
        return value if isinstance(value, Mapping) else {}

    def steps(self) -> list[Mapping[str, Any]]:
        value = self.data.get("steps")
        return [s if isinstance(s, Mapping) else {} for s in value] if isinstance(
            value, list) else []

    # -- editing ---------------------------------------------------------------

    def set_field(self, name: str, value: str | None) -> None:
        """Set a top field (None or '' removes it), in the block style it was written in."""
        if name not in TOP_FIELDS:
            raise DraftError(f"'{name}' is not a routine field the editor changes")
        self._put(self.data, name, _styled_like(self.data.get(name), value or None),
                  after="format")

    def rename(self, routine_id: str, path: Path) -> None:
        """Give the routine another id and the file it will be saved as (a new routine)."""
        self._put(self.data, "id", routine_id, after="format")
        self.path = path

    def set_default(self, name: str, seconds: int | None) -> None:
        if name not in TIMING_FIELDS:
            raise DraftError(f"'{name}' is not a default timing")
        self._put(self._section("defaults"), name, _value(name, seconds))
        self._drop_if_empty("defaults")

    def set_cue(self, name: str, value: int | bool | None) -> None:
        if name not in CUE_FIELDS:
            raise DraftError(f"'{name}' is not a cue setting")
        self._put(self._section("cues"), name, value)
        self._drop_if_empty("cues")

    def add_step(self, stretch_id: str, index: int | None = None) -> int:
        """Add a catalogue stretch as a step (at index, else at the end); its index."""
        stretch = self.library.stretches.get(stretch_id)
        if stretch is None:
            raise DraftError(f"no stretch with id '{stretch_id}'")
        steps = self._steps()
        step = CommentedMap()
        step["stretch"] = stretch_id
        position = len(steps) if index is None else max(0, min(index, len(steps)))
        steps.insert(position, step)
        self.dirty = True
        return position

    def remove_step(self, index: int) -> None:
        steps = self._steps()
        self._check_index(index, steps)
        del steps[index]
        self.dirty = True

    def move_step(self, index: int, to: int) -> None:
        steps = self._steps()
        self._check_index(index, steps)
        to = max(0, min(to, len(steps) - 1))
        if to != index:
            steps.insert(to, steps.pop(index))
            self.dirty = True

    def set_step(self, index: int, name: str, value: int | str | None) -> None:
        """Set (or with None, remove) one field of a step; hold and count exclude each other."""
        steps = self._steps()
        self._check_index(index, steps)
        if name not in STEP_FIELDS:
            raise DraftError(f"'{name}' is not a step field the editor changes")
        step = steps[index]
        if not isinstance(step, CommentedMap):
            raise DraftError(f"step {index + 1} is not a mapping")
        if value is not None and name == "hold":
            for other in ("count", "tempo"):
                step.pop(other, None)
        if value is not None and name in ("count", "tempo"):
            step.pop("hold", None)
        stored = _value(name, value) if isinstance(value, int) else value
        if name == "sides" and value == "both":
            stored = None
        self._put(step, name, stored)

    # -- helpers -------------------------------------------------------------

    def _put(self, mapping: CommentedMap, name: str, value: Any, after: str | None = None) -> None:
        if value is None:
            if name in mapping:
                del mapping[name]
                self.dirty = True
            return
        if mapping.get(name) == value:
            return
        if name not in mapping and after is not None and after in mapping:
            mapping.insert(list(mapping).index(after) + 1, name, value)
        else:
            mapping[name] = value
        self.dirty = True

    def _section(self, name: str) -> CommentedMap:
        value = self.data.get(name)
        if not isinstance(value, CommentedMap):
            value = CommentedMap()
            keys = list(self.data)
            at = keys.index("steps") if "steps" in keys else len(keys)
            self.data.insert(at, name, value)
        return value

    def _drop_if_empty(self, name: str) -> None:
        value = self.data.get(name)
        if isinstance(value, CommentedMap) and not value:
            del self.data[name]

    def _steps(self) -> CommentedSeq:
        steps = self.data.get("steps")
        if not isinstance(steps, CommentedSeq):
            steps = CommentedSeq()
            self.data["steps"] = steps
        return steps

    @staticmethod
    def _check_index(index: int, steps: CommentedSeq) -> None:
        if not 0 <= index < len(steps):
            raise DraftError(f"there is no step {index + 1} (the routine has {len(steps)})")


def _value(name: str, value: int | None) -> int | str | None:
    if value is None:
        return None
    return format_written(value) if name in _DURATION_FIELDS else value


def _styled_like(old: object, text: str | None) -> str | None:
    """text in the block style ('>' or '|') the field was written in, if any."""
    if isinstance(old, FoldedScalarString | LiteralScalarString) and text:
        ending = "\n" if str(old).endswith("\n") else ""
        styled: str = type(old)(text.rstrip("\n") + ending)
        return styled
    return text


def _quoted(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'
