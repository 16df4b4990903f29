"""Poses to test the drawing with: hand-written examples and every built-in stretch.

Other pose tests import EXAMPLES and builtin_specs() from here.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import yaml

from stretchapp.core.pose.model import PoseSpec
from stretchapp.core.pose.parser import parse_pose

REPO = Path(__file__).resolve().parents[2]
CATALOGUES = sorted((REPO / "routines" / "stretches").glob("*.yaml"))

# One of each kind of picture: standing at a wall, kneeling folded, lying,
# sitting with a towel, a front view and a counted movement.
EXAMPLES: dict[str, object] = {
    "standing": {},
    "wall-calf": {
        "torso": 25, "left_hip": -5, "right_hip": 45, "right_knee": 35,
        "left_ankle": "flat", "right_ankle": "flat", "left_shoulder": 75, "right_shoulder": 75,
        "props": ["wall"], "highlight": ["left_calf"],
    },
    "childs-pose": {
        "torso": 100, "neck": 10, "left_hip": 150, "right_hip": 150, "left_knee": 140,
        "right_knee": 140, "left_ankle": -90, "right_ankle": -90, "left_shoulder": 170,
        "right_shoulder": 170, "props": ["mat"], "highlight": ["back"],
    },
    "knee-to-chest": {
        "torso": -90, "left_hip": 130, "left_knee": 110, "left_shoulder": 17, "left_elbow": 79,
        "right_hip": 60, "right_knee": 100, "right_ankle": "flat",
        "props": ["mat"], "highlight": ["lower_back", "left_glute"],
    },
    "towel-calf": {
        "torso": -2, "left_hip": 88, "right_hip": 88, "left_ankle": 15, "left_shoulder": 60,
        "right_shoulder": 60, "props": ["mat", {"towel": "left_foot"}], "highlight": ["left_calf"],
    },
    "neck-side-bend": {
        "view": "front", "neck": -35, "right_shoulder": 150, "right_elbow": 110,
        "left_hip_flex": 90, "right_hip_flex": 90, "props": ["chair"],
        "highlight": ["neck_left"],
    },
    "cat-cow": {
        "torso": 90, "left_hip": 90, "right_hip": 90, "left_knee": 90, "right_knee": 90,
        "left_ankle": -90, "right_ankle": -90, "left_shoulder": 90, "right_shoulder": 90,
        "props": ["mat"], "highlight": ["back"],
        "start": {"back": -25, "neck": -30}, "end": {"back": 30, "neck": 35},
    },
    "heel-drop-on-step": {
        "left_ankle": 20, "right_ankle": 20, "props": ["step"], "highlight": ["left_calf"],
    },
    "knees-to-side-from-above": {
        "view": "top", "left_shoulder": 90, "right_shoulder": 90, "left_hip": 45,
        "left_knee": -60, "right_hip": -40, "right_knee": 60, "head_turn": -60,
        "props": ["mat"], "highlight": ["lower_back"],
    },
    "doorway": {
        "torso": 10, "left_hip": 30, "left_knee": 20, "right_hip": -15,
        "left_shoulder": -75, "right_shoulder": -75, "left_elbow": -90, "right_elbow": -90,
        "props": [{"door_frame": "hands"}], "highlight": ["chest"],
    },
    "heel-raise-at-chair": {
        "left_shoulder": 35, "right_shoulder": 35, "left_elbow": 30, "right_elbow": 30,
        "props": [{"chair": "hold"}], "highlight": ["left_calf", "right_calf"],
        "start": {}, "end": {"left_ankle": -30, "right_ankle": -30},
    },
}


def example_specs() -> dict[str, PoseSpec]:
    """The examples, parsed."""
    specs = {}
    for name, data in EXAMPLES.items():
        spec, problems = parse_pose(data)
        assert problems == [] and spec is not None, (name, problems)
        specs[name] = spec
    return specs


@cache
def builtin_pose_data() -> dict[str, object]:
    """Stretch id -> the `pose:` value of every built-in catalogue stretch."""
    found: dict[str, object] = {}
    for path in CATALOGUES:
        for stretch in yaml.safe_load(path.read_text(encoding="utf-8"))["stretches"]:
            found[stretch["id"]] = stretch.get("pose")
    return found


def builtin_specs() -> dict[str, PoseSpec]:
    """Every built-in stretch's pose, parsed."""
    specs = {}
    for stretch_id, data in builtin_pose_data().items():
        spec, problems = parse_pose(data)
        assert problems == [] and spec is not None, (stretch_id, problems)
        specs[stretch_id] = spec
    return specs


def all_specs() -> dict[str, PoseSpec]:
    """Examples and built-ins together, for tests that hold for every pose."""
    return {**example_specs(), **builtin_specs()}


def test_every_example_parses_without_problems() -> None:
    """Each hand-written example is a valid pose."""
    assert set(example_specs()) == set(EXAMPLES)


def test_every_builtin_stretch_is_drawn_from_a_pose() -> None:
    """Every stretch in the built-in catalogue has a valid pose and no image file."""
    data = builtin_pose_data()
    assert len(data) >= 20
    assert [stretch_id for stretch_id, pose in data.items() if pose is None] == []
    assert set(builtin_specs()) == set(data)
    for path in CATALOGUES:
        assert "image:" not in path.read_text(encoding="utf-8"), path.name
