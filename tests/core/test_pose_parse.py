"""parse_pose: the YAML pose format, its defaults and every problem it reports."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st

from stretchapp.core.pose.model import (
    BODY_PARTS,
    JOINT_RANGES,
    JOINTS,
    Angles,
    Pose,
    PoseSpec,
    Prop,
    interpolate,
)
from stretchapp.core.pose.parser import parse_pose


def problems(data: object) -> list[tuple[tuple[str | int, ...], str]]:
    spec, found = parse_pose(data)
    assert spec is None
    return found


def test_empty_mapping_is_standing_upright_from_the_side() -> None:
    """An empty pose is the neutral standing figure, side view, nothing else."""
    assert parse_pose({}) == (PoseSpec(Pose()), [])
    assert Pose().angles == Angles()
    assert all(getattr(Angles(), joint) == 0 for joint in JOINTS)


def test_angles_props_and_highlight_are_read() -> None:
    """Joint angles, props with and without a place, and highlights all arrive."""
    spec, found = parse_pose({
        "view": "side", "torso": 25, "left_knee": 12.5,
        "props": ["wall", {"chair": "hold"}, {"towel": "right_foot"}],
        "highlight": ["left_calf", "neck_right"],
    })
    assert found == []
    assert spec is not None and spec.end is None
    assert spec.start.angles.torso == 25 and spec.start.angles.left_knee == 12.5
    assert spec.start.props == (Prop("wall", "front"), Prop("chair", "hold"),
                                Prop("towel", "right_foot"))
    assert spec.start.highlight == ("left_calf", "neck_right")


def test_single_prop_and_part_need_no_list() -> None:
    """`props: mat` and `highlight: back` are read as one-item lists."""
    spec, found = parse_pose({"props": "mat", "highlight": "back"})
    assert found == [] and spec is not None
    assert spec.start.props == (Prop("mat"),) and spec.start.highlight == ("back",)


def test_movement_shares_top_level_keys_and_overrides_them() -> None:
    """start and end take the shared keys, then their own on top."""
    spec, found = parse_pose({
        "torso": 90, "back": 5, "props": ["mat"], "highlight": ["back"],
        "start": {"back": -25}, "end": {"back": 30, "highlight": ["upper_back"]},
    })
    assert found == [] and spec is not None and spec.end is not None
    assert spec.is_movement
    assert (spec.start.angles.torso, spec.start.angles.back) == (90, -25)
    assert (spec.end.angles.torso, spec.end.angles.back) == (90, 30)
    assert spec.start.highlight == ("back",) and spec.end.highlight == ("upper_back",)
    assert spec.end.props == (Prop("mat"),)


def test_flat_ankle_levels_the_sole() -> None:
    """ankle: flat works out the angle that puts the sole level under a leaning shin."""
    spec, found = parse_pose({"torso": 25, "left_hip": -5, "left_ankle": "flat",
                              "start": {"right_knee": 10, "right_ankle": "flat"},
                              "end": {"right_knee": 15, "right_ankle": "flat"}})
    assert found == [] and spec is not None and spec.end is not None
    assert spec.start.angles.left_ankle == 30  # torso - hip + knee
    assert spec.start.angles.right_ankle == 35 and spec.end.angles.right_ankle == 40
    halfway = spec.at(0.5).angles
    assert halfway.right_ankle == 37.5  # still level: the rule is linear in the angles


def test_flat_ankle_out_of_reach_is_reported() -> None:
    """A shin leaning too far for a level sole is a problem at that ankle."""
    found = problems({"torso": 90, "left_ankle": "flat"})
    assert found == [(("left_ankle",), "left_ankle: flat would need 90 degrees, beyond -90 "
                      "to 45; the shin leans too far to stand on the sole")]


@pytest.mark.parametrize(("data", "expected"), [
    (None, [((), "pose must be a mapping of joint angles, got nothing")]),
    ([1, 2], [((), "pose must be a mapping of joint angles, got a list")]),
    ("standing", [((), "pose must be a mapping of joint angles, got 'standing'")]),
    ({"left_knee": 200},
     [(("left_knee",), "left_knee must be between -150 and 165 degrees, got 200")]),
    ({"left_knee": "bent"},
     [(("left_knee",), "left_knee must be a number of degrees, got 'bent'")]),
    ({"left_ankle": True},
     [(("left_ankle",), "left_ankle must be a number of degrees or flat, got true")]),
    ({"torso": float("nan")}, [(("torso",), "torso must be a number of degrees, got nan")]),
    ({"lef_knee": 10}, [(("lef_knee",), "unknown joint 'lef_knee' (did you mean 'left_knee'?)")]),
    ({"prop": ["wall"]}, [(("prop",), "unknown key 'prop' in pose (did you mean 'props'?)")]),
    ({7: 1}, [((7,), "unknown key 7 in pose; expected joint angles such as left_knee or "
                     "torso, or view, lying, props, highlight, contacts, hold, start, end")]),
    ({"contacts": {"left_heal": "floor"}},
     [(("contacts", "left_heal"), "unknown contact part 'left_heal' (did you mean "
       "'left_heel'?); parts are heel, ball, toes, foot, instep, knee, shin, thigh, hand, "
       "forearm, elbow (left_, right_ or both as heels, feet, ...), hips, back, head")]),
    ({"contacts": {"feet": "flor"}},
     [(("contacts", "feet"), "unknown surface 'flor' (did you mean 'floor'?); surfaces are "
       "floor, mat, seat, step, wall, door_frame, chair")]),
    ({"contacts": ["feet"]},
     [(("contacts",), "contacts must be a mapping of body part to surface, like "
       "'left_heel: floor'")]),
    ({"view": "top", "contacts": {"back": "mat"}},
     [(("contacts",), "contacts are not used in the top view, where the figure lies flat "
       "on the floor or mat")]),
    ({"hold": "end"}, [(("hold",), "hold belongs to a movement (start and end): it says "
                                  "which of the two a still picture shows")]),
    ({"hold": "middle", "start": {}, "end": {}},
     [(("hold",), "hold must be start or end, got 'middle'")]),
    ({"view": "back"}, [(("view",), "view must be one of side, front, top, got 'back'")]),
    ({"view": "front", "left_ankle": 10},
     [(("left_ankle",), "left_ankle is drawn only in the side view, not the front view")]),
    ({"head_turn": 10},
     [(("head_turn",), "head_turn is drawn only in the front and top views, not the side view")]),
    ({"props": ["wal"]}, [(("props", 0), "unknown prop 'wal' (did you mean 'wall'?); props are "
                           "floor, mat, wall, door_frame, chair, step, towel, strap")]),
    ({"props": [{"wall": "up"}]},
     [(("props", 0, "wall"), "wall place must be one of front, back in the side view, got 'up'")]),
    ({"props": [{"mat": "left"}]},
     [(("props", 0, "mat"), "mat takes no place in the side view, got 'left'")]),
    ({"props": [{"wall": "front", "mat": None}]},
     [(("props", 0), "a prop with a place is one key and its value, like 'wall: back', "
                     "got 2 keys")]),
    ({"view": "top", "props": ["chair"]},
     [(("props", 0), "chair is not drawn in the top view, where the figure lies on its "
                     "back; props there are floor, mat, towel, strap")]),
    ({"highlight": ["left_calve"]}, [(("highlight", 0), "unknown body part 'left_calve' "
                                      "(did you mean 'left_calf'?); see docs/poses.md")]),
    ({"start": {"back": 1}}, [(("start",), "a movement needs both start and end; end is missing")]),
    ({"start": {"view": "front"}, "end": 3},
     [(("start", "view"), "view belongs at the top of the pose, not inside start"),
      (("end",), "end must be a mapping of joint angles, got 3")]),
    ({"lying": "side"}, [(("lying",), "lying belongs to the top view (seen from above), "
                                      "not the side view")]),
    ({"view": "top", "lying": "front"}, [(("lying",), "lying must be one of back, side, "
                                                      "got 'front'")]),
    ({"view": "top", "lying": "side", "twist": 20},
     [(("twist",), "twist is drawn only in the front and top views, not the top view "
                   "lying on its side")]),
    ({"start": {"lying": "side"}, "end": {}},
     [(("start", "lying"), "lying belongs at the top of the pose, not inside start")]),
    ({"start": {"left_knee": -200}, "end": {}},
     [(("start", "left_knee"), "left_knee must be between -150 and 165 degrees, got -200")]),
])
def test_problem_messages_and_paths(data: object, expected: list[object]) -> None:
    """Each mistake is reported at its path with a message a person can act on."""
    assert problems(data) == expected


def test_every_problem_is_reported_at_once() -> None:
    """A pose with several mistakes gets one problem for each, not just the first."""
    found = problems({"left_knee": 999, "lef_hip": 3, "props": ["wal", "mat", 5],
                      "highlight": ["nek"], "view": "sideways"})
    assert [path for path, _ in found] == [
        ("view",), ("left_knee",), ("lef_hip",), ("props", 0), ("props", 2), ("highlight", 0)]


def test_ranges_are_known_for_every_joint_drawn() -> None:
    """Every joint belongs to at least one view, and every range is sensible."""
    for joint in JOINTS:
        assert any(joint in JOINT_RANGES[view] for view in JOINT_RANGES), joint
    for ranges in JOINT_RANGES.values():
        assert all(low < 0 <= high or low <= 0 < high for low, high in ranges.values())


def test_interpolate_blends_angles_and_snaps_the_rest() -> None:
    """Half way between two poses the angles are averaged; props switch at half way."""
    a = Pose("side", Angles(torso=0, left_knee=20), (Prop("mat"),), ("back",))
    b = Pose("side", Angles(torso=90, left_knee=40), (), ("left_calf",))
    assert interpolate(a, b, 0.0) == a and interpolate(a, b, 1.0) == b
    assert interpolate(a, b, 0.25).angles == Angles(torso=22.5, left_knee=25)
    assert interpolate(a, b, 0.25).props == a.props
    assert interpolate(a, b, 0.75).highlight == b.highlight
    assert interpolate(a, b, 7.0) == b  # clamped


def test_every_body_part_name_is_unique_and_snake_case() -> None:
    """Highlight names are distinct lowercase identifiers."""
    assert len(set(BODY_PARTS)) == len(BODY_PARTS)
    assert all(part.replace("_", "").isalpha() and part.islower() for part in BODY_PARTS)


JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=12)
    | st.sampled_from([*JOINTS, "view", "props", "highlight", "start", "end", "flat", "side",
                       "front", "top", "wall", "chair", "towel", "left_foot", "left_calf",
                       "circle", "swing", "left_toes"]),
    lambda children: st.lists(children, max_size=4)
    | st.dictionaries(st.text(max_size=12) | st.sampled_from(
        [*JOINTS, "view", "props", "highlight", "start", "end", "middle", "motion", "circle",
         "swing"]), children, max_size=5),
    max_leaves=20,
)


@given(JSON)
def test_any_json_value_gives_a_spec_or_problems_never_an_exception(data: object) -> None:
    """parse_pose never raises: it returns a spec with no problems or None with some."""
    spec, found = parse_pose(data)
    assert (spec is None) == bool(found)
    for path, message in found:
        assert isinstance(path, tuple) and all(isinstance(p, str | int) for p in path)
        assert isinstance(message, str) and message
    json.dumps([list(path) for path, _ in found])  # paths are plain data


@given(st.dictionaries(st.sampled_from(JOINTS), st.floats(-400, 400), max_size=8),
       st.sampled_from(["side", "front", "top"]))
def test_angles_in_range_parse_and_out_of_range_are_named(angles: dict[str, float],
                                                            view: str) -> None:
    """An angle is accepted exactly when it lies in its view's range."""
    spec, found = parse_pose({"view": view, **angles})
    ranges = JOINT_RANGES[view]  # type: ignore[index]
    bad = {j for j, v in angles.items() if j not in ranges or not
           ranges[j][0] <= v <= ranges[j][1]}
    assert {path[0] for path, _ in found} == bad
    if not bad:
        assert spec is not None
        assert all(getattr(spec.start.angles, j) == v for j, v in angles.items())


def test_every_example_in_the_docs_parses() -> None:
    """The pose examples in docs/poses.md are valid poses, as written."""
    text = (Path(__file__).resolve().parents[2] / "docs" / "poses.md").read_text("utf-8")
    blocks = [b for b in re.findall(r"```yaml\n(.*?)```", text, re.S) if "pose:" in b]
    assert len(blocks) >= 4
    for block in blocks:
        data = yaml.safe_load(block)
        pose = data[0]["pose"] if isinstance(data, list) else data["pose"]
        assert parse_pose(pose)[1] == [], block


def test_contacts_expand_both_sides_and_hold_picks_the_end() -> None:
    """`feet: floor` is both feet; a movement's `hold: end` is kept as 1.0; start and end
    may each give their own contacts."""
    spec, found = parse_pose({
        "contacts": {"feet": "floor", "left_hand": "wall"}, "props": ["wall"], "hold": "end",
        "start": {}, "end": {"left_ankle": -30, "contacts": {"toes": "floor"}},
    })
    assert found == [] and spec is not None
    assert [(c.part, c.surface) for c in spec.start.contacts] == [
        ("left_foot", "floor"), ("right_foot", "floor"), ("left_hand", "wall")]
    assert spec.end is not None
    assert [c.part for c in spec.end.contacts] == ["left_toes", "right_toes"]
    assert spec.hold == 1.0
    assert parse_pose({"start": {}, "end": {}})[0] == PoseSpec(Pose(), Pose(), 0.0)


def test_a_figure_lying_on_its_side_takes_the_side_views_joints() -> None:
    """view: top with lying: side reads profile joints (hip, knee, ankle) and keeps lying."""
    spec, found = parse_pose({"view": "top", "lying": "side", "left_hip": 90, "left_knee": 90,
                              "left_ankle": -30, "start": {}, "end": {"left_shoulder": -70}})
    assert found == [] and spec is not None and spec.end is not None
    assert spec.start.lying == spec.end.lying == "side"
    assert spec.start.profile and spec.at(0.5).profile
    assert spec.start.angles.left_ankle == -30
    lying_back, _ = parse_pose({"view": "top"})
    assert lying_back is not None and not lying_back.start.profile
