"""Reads a `pose:` value from a routine file into a PoseSpec, with every problem at once.

parse_pose takes the plain value the YAML loader produced and reports each
problem with its path inside the pose value, the way the loader reports the
rest of a file; it never raises.
"""

from __future__ import annotations

import difflib
import math
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from typing import TypeAlias

from stretchapp.core.pose.contacts import Contact, read_contacts
from stretchapp.core.pose.model import (
    BODY_PARTS,
    FLAT_ANKLES,
    JOINT_RANGES,
    JOINTS,
    LYING,
    PROP_KINDS,
    PROP_PLACES,
    TOP_VIEW_PROPS,
    VIEWS,
    Angles,
    Lying,
    Pose,
    PoseSpec,
    Prop,
    View,
    drawn_joints,
)
from stretchapp.core.pose.motion import MotionMark, read_motion

Path: TypeAlias = tuple[str | int, ...]
PoseProblem: TypeAlias = tuple[Path, str]

_POSE_KEYS = ("view", "lying", "props", "highlight", "contacts", "hold", "motion", "start",
              "middle", "end")
# What start and end may give besides angles.
_PHASE_KEYS = ("props", "highlight", "contacts")
HOLDS = ("start", "end")


def _shown(value: object) -> str:
    """A value as a message quotes it."""
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        text = value if len(value) <= 40 else value[:37] + "..."
        return f"'{text}'"
    if isinstance(value, float):
        return f"{value:g}"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, Mapping):
        return "a mapping"
    if isinstance(value, list | tuple):
        return "a list"
    return type(value).__name__


def _key(key: object) -> str | int:
    """A mapping key as a path element: the loader finds str and int keys."""
    if isinstance(key, str) or (isinstance(key, int) and not isinstance(key, bool)):
        return key
    return _shown(key)


def _suggest(word: object, choices: tuple[str, ...]) -> str:
    if not isinstance(word, str):
        return ""
    close = difflib.get_close_matches(word, choices, n=1, cutoff=0.6)
    return f" (did you mean '{close[0]}'?)" if close else ""


def _number(value: object) -> float | None:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    try:
        number = float(value)
    except OverflowError:  # an int too big for a float
        return None
    return number if math.isfinite(number) else None


@dataclass
class _Found:
    """What one mapping of a pose gave: angles, and props or highlight if present."""

    angles: dict[str, float] = field(default_factory=dict)
    # Ankles given as 'flat', each with where it was written: worked out last,
    # from the leg above it, so the sole lies level.
    flat: dict[str, Path] = field(default_factory=dict)
    props: tuple[Prop, ...] | None = None
    highlight: tuple[str, ...] | None = None
    contacts: tuple[Contact, ...] | None = None

    def over(self, base: _Found) -> _Found:
        """These fields laid over base's: the start or end of a movement over the shared ones."""
        angles = {k: v for k, v in base.angles.items() if k not in self.flat}
        return _Found(
            {**angles, **self.angles},
            {**{k: v for k, v in base.flat.items() if k not in self.angles}, **self.flat},
            self.props if self.props is not None else base.props,
            self.highlight if self.highlight is not None else base.highlight,
            self.contacts if self.contacts is not None else base.contacts,
        )


class _PoseReader:
    """Reads one `pose:` value, collecting every problem on the way."""

    def __init__(self) -> None:
        self.problems: list[PoseProblem] = []
        self.lying: Lying = "back"

    def fail(self, path: Path, message: str) -> None:
        self.problems.append((path, message))

    def spec(self, data: object) -> PoseSpec | None:
        if not isinstance(data, Mapping):
            self.fail((), f"pose must be a mapping of joint angles, got {_shown(data)}")
            return None
        view = self.view(data)
        self.lying = self.read_lying(data, view)
        shared = self.fields(data, (), view)
        phases = [name for name in ("start", "end") if name in data]
        hold = data.get("hold", "start")
        if hold not in HOLDS:
            self.fail(("hold",), f"hold must be start or end, got {_shown(hold)}")
        elif "hold" in data and not phases:
            self.fail(("hold",), "hold belongs to a movement (start and end): it says "
                                 "which of the two a still picture shows")
        motion: tuple[MotionMark, ...] = ()
        if "motion" in data:
            motion, issues = read_motion(data["motion"], ("motion",), bool(phases))
            self.problems.extend(issues)
        if not phases:
            if "middle" in data:
                self.fail(("middle",), "middle is the half-way pose of a movement: it needs "
                                       "start and end")
            return PoseSpec(self.pose(shared, view), motion=motion)
        if len(phases) == 1:
            missing = "end" if phases == ["start"] else "start"
            self.fail((phases[0],), f"a movement needs both start and end; {missing} is missing")
        poses: list[Pose] = []
        for name in phases:
            pose = self.phase(data, name, shared, view)
            if pose is not None:
                poses.append(pose)
        middle = self.phase(data, "middle", shared, view) if "middle" in data else None
        if len(poses) != 2:
            return None
        return PoseSpec(poses[0], poses[1], 1.0 if hold == "end" else 0.0, motion, middle)

    def phase(self, data: Mapping[object, object], name: str, shared: _Found,
              view: View) -> Pose | None:
        """The start, middle or end of a movement: its own keys over the shared ones."""
        value = data[name]
        if not isinstance(value, Mapping):
            self.fail((name,), f"{name} must be a mapping of joint angles, got {_shown(value)}")
            return None
        return self.pose(self.fields(value, (name,), view).over(shared), view)

    def view(self, data: Mapping[object, object]) -> View:
        value = data.get("view", "side")
        for view in VIEWS:
            if value == view:
                return view
        self.fail(("view",), f"view must be one of {', '.join(VIEWS)}, got {_shown(value)}")
        return "side"

    def read_lying(self, data: Mapping[object, object], view: View) -> Lying:
        """How a top view's figure lies: on its back (the default) or its side."""
        if "lying" not in data:
            return "back"
        value = data["lying"]
        if view != "top":
            self.fail(("lying",), f"lying belongs to the top view (seen from above), "
                                  f"not the {view} view")
            return "back"
        for lying in LYING:
            if value == lying:
                return lying
        self.fail(("lying",), f"lying must be one of {', '.join(LYING)}, got {_shown(value)}")
        return "back"

    def fields(self, data: Mapping[object, object], at: Path, view: View) -> _Found:
        """Angles, props and highlight from one mapping, each checked."""
        found = _Found()
        ranges = drawn_joints(view, self.lying)
        for key, value in data.items():
            path = (*at, _key(key))
            if key == "props":
                found.props = self.props(value, path, view)
            elif key == "highlight":
                found.highlight = self.highlight(value, path)
            elif key == "contacts":
                found.contacts, issues = read_contacts(value, path, view)
                self.problems.extend(issues)
            elif key in FLAT_ANKLES and value == "flat" and view == "side":
                found.flat[str(key)] = path
                found.angles.pop(str(key), None)
            elif key in ranges:
                found.flat.pop(str(key), None)
                angle = self.angle(str(key), value, path, ranges[str(key)])
                if angle is not None:
                    found.angles[str(key)] = angle
            elif key in JOINTS:
                views = [v for v in VIEWS if key in JOINT_RANGES[v]]
                shown = "top view lying on its side" if self.lying == "side" else f"{view} view"
                self.fail(path, f"{key} is drawn only in the {' and '.join(views)} "
                                f"view{'s' if len(views) > 1 else ''}, not the {shown}")
            elif key in _POSE_KEYS and not at:
                pass  # view, start and end: read by spec()
            elif key in _POSE_KEYS:
                self.fail(path, f"{key} belongs at the top of the pose, not inside {at[-1]}")
            else:
                self.unknown(key, path, (*ranges, *(_PHASE_KEYS if at else _POSE_KEYS)))
        return found

    def pose(self, found: _Found, view: View) -> Pose:
        angles = dict(found.angles)
        for ankle, path in found.flat.items():
            side = ankle.removesuffix("_ankle")
            # The sole is level when the ankle undoes the lean of the shin:
            # shin tilt = torso - hip + knee in the side view's conventions.
            level = (angles.get("torso", 0.0) - angles.get(f"{side}_hip", 0.0)
                     + angles.get(f"{side}_knee", 0.0))
            low, high = JOINT_RANGES[view][ankle]
            if low <= level <= high:
                angles[ankle] = level
            else:
                self.fail(path, f"{ankle}: flat would need {level:g} degrees, beyond "
                                f"{low} to {high}; the shin leans too far to stand on the sole")
        return Pose(view, replace(Angles(), **angles), found.props or (), found.highlight or (),
                    found.contacts or (), self.lying)

    def unknown(self, key: object, path: Path, choices: tuple[str, ...]) -> None:
        name = f"'{key}'" if isinstance(key, str) else _shown(key)
        close = difflib.get_close_matches(key, choices, n=1) if isinstance(key, str) else []
        if close and close[0] in JOINTS:
            self.fail(path, f"unknown joint {name} (did you mean '{close[0]}'?)")
        elif close:
            self.fail(path, f"unknown key {name} in pose (did you mean '{close[0]}'?)")
        else:
            self.fail(path, f"unknown key {name} in pose; expected joint angles such as "
                            "left_knee or torso, or view, lying, props, highlight, contacts, hold, "
                            "start, end")

    def angle(self, name: str, value: object, path: Path,
              limits: tuple[int, int]) -> float | None:
        number = _number(value)
        if number is None:
            also = " or flat" if name in FLAT_ANKLES else ""
            self.fail(path, f"{name} must be a number of degrees{also}, got {_shown(value)}")
            return None
        low, high = limits
        if not low <= number <= high:
            self.fail(path, f"{name} must be between {low} and {high} degrees, "
                            f"got {_shown(value)}")
            return None
        return number

    def props(self, value: object, at: Path, view: View) -> tuple[Prop, ...]:
        if isinstance(value, list):
            items = [((*at, index), item) for index, item in enumerate(value)]
        else:
            items = [(at, value)]  # a single prop without the list around it
        found: list[Prop] = []
        for path, item in items:
            prop = self.prop(item, path, view)
            if prop is not None and prop not in found:
                found.append(prop)
        return tuple(found)

    def prop(self, item: object, path: Path, view: View) -> Prop | None:
        place: object = None
        if isinstance(item, Mapping):
            if len(item) != 1:
                self.fail(path, "a prop with a place is one key and its value, "
                                f"like 'wall: back', got {len(item)} keys")
                return None
            ((item, place),) = item.items()
            path = (*path, _key(item))
        kind = next((k for k in PROP_KINDS if k == item), None)
        if kind is None:
            self.fail(path, f"unknown prop {_shown(item)}{_suggest(item, PROP_KINDS)}; "
                            f"props are {', '.join(PROP_KINDS)}")
            return None
        if view == "top" and kind not in TOP_VIEW_PROPS:
            self.fail(path, f"{kind} is not drawn in the top view, where the figure lies on "
                            f"its back; props there are {', '.join(TOP_VIEW_PROPS)}")
            return None
        places = PROP_PLACES[view].get(kind, ())
        if place is None or place == "":
            return Prop(kind, places[0] if places else "")
        chosen = next((p for p in places if p == place), None)
        if chosen is not None:
            return Prop(kind, chosen)
        if places:
            self.fail(path, f"{kind} place must be one of {', '.join(places)} "
                            f"in the {view} view, got {_shown(place)}")
        else:
            self.fail(path, f"{kind} takes no place in the {view} view, got {_shown(place)}")
        return None

    def highlight(self, value: object, at: Path) -> tuple[str, ...]:
        if isinstance(value, list):
            items = [((*at, index), item) for index, item in enumerate(value)]
        else:
            items = [(at, value)]  # one part without the list around it
        found: list[str] = []
        for path, item in items:
            part = next((p for p in BODY_PARTS if p == item), None)
            if part is None:
                self.fail(path, f"unknown body part {_shown(item)}"
                                f"{_suggest(item, BODY_PARTS)}; see docs/poses.md")
            elif part not in found:
                found.append(part)
        return tuple(found)


def parse_pose(data: object) -> tuple[PoseSpec | None, list[PoseProblem]]:
    """The pose a routine file gives, or None, with every problem in it.

    data is the plain value the YAML loader produced; each problem carries its
    path relative to that value, e.g. (("start", "left_knee"), "left_knee must
    be ..."). Never raises: the spec is None whenever a problem was found.
    """
    reader = _PoseReader()
    spec = reader.spec(data)
    if reader.problems:
        # A flat ankle shared by start and end is checked twice: report it once.
        return None, list(dict.fromkeys(reader.problems))
    return spec, []
