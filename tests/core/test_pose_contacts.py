"""Contacts: the solver sets parts on their surfaces, and `render --check` reports the gaps."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from stretchapp import cli
from stretchapp.core.loading.library import load_library
from stretchapp.core.pose.checks import GAP_LIMIT, SLIDE_LIMIT, check_frames, frame_gaps
from stretchapp.core.pose.model import JOINT_RANGES, Pose
from stretchapp.core.pose.parser import parse_pose
from stretchapp.core.pose.scene import layout, measure
from stretchapp.core.pose.solver import MAX_TURN, solve

# The old wall calf stretch: written angles alone leave the back heel in the air.
WALL_CALF = {
    "torso": 25, "left_shoulder": 75, "right_shoulder": 75, "left_hip": -5,
    "left_ankle": "flat", "right_hip": 45, "right_knee": 35, "right_ankle": "flat",
    "props": ["wall"], "contacts": {"feet": "floor", "hands": "wall"},
}
BUILTIN_IDS = sorted(sid for sid, s in load_library(user_dir=None).stretches.items()
                     if s.pose is not None)


def pose_of(data: dict[str, object]) -> Pose:
    spec, problems = parse_pose(data)
    assert problems == [] and spec is not None
    return spec.start


def test_angles_alone_leave_a_heel_up_and_contacts_bring_it_down() -> None:
    """Without contacts the back heel floats over 2 units; with them every gap is within 1."""
    pose = pose_of(WALL_CALF)
    unsolved = layout(replace(pose, contacts=()))
    bones = {bone.name: bone for bone in unsolved.bones}
    before = dict(measure(pose.contacts, bones, unsolved.props))
    assert max(abs(g) for g in before.values() if g is not None) > 2
    after = layout(pose).gaps
    assert len(after) == 4 and all(g is not None and abs(g) <= GAP_LIMIT for _, g in after)


def test_the_solver_turns_joints_only_a_little_and_within_their_ranges() -> None:
    """No joint moves more than MAX_TURN from what was written, nor leaves its range."""
    pose = pose_of(WALL_CALF)
    solved = solve(pose).pose
    for joint, (low, high) in JOINT_RANGES["side"].items():
        now, written = getattr(solved.angles, joint), getattr(pose.angles, joint)
        assert abs(now - written) <= MAX_TURN + 1e-9 and low <= now <= high, joint


def test_a_contact_with_no_surface_is_missing() -> None:
    """Hands on a wall that the pose does not have are reported as missing (None)."""
    pose = pose_of({**WALL_CALF, "props": []})
    gaps = {c.part: g for c, g in layout(pose).gaps}
    assert gaps["left_hand"] is None and gaps["left_foot"] is not None


@settings(max_examples=15, deadline=None)
@given(torso=st.floats(-20, 40), left_hip=st.floats(-30, 60), right_hip=st.floats(-30, 60),
       left_knee=st.floats(0, 60), right_knee=st.floats(0, 60))
def test_any_standing_pose_is_solved_within_bounds(
        torso: float, left_hip: float, right_hip: float, left_knee: float,
        right_knee: float) -> None:
    """Whatever the legs do, solving never raises, keeps joints in bounds and reports gaps."""
    pose = pose_of({"torso": torso, "left_hip": left_hip, "right_hip": right_hip,
                    "left_knee": left_knee, "right_knee": right_knee,
                    "contacts": {"feet": "floor"}})
    solved = solve(pose).pose
    for joint, (low, high) in JOINT_RANGES["side"].items():
        now, written = getattr(solved.angles, joint), getattr(pose.angles, joint)
        assert abs(now - written) <= MAX_TURN + 1e-9 and low <= now <= high, joint
    gaps = [g for _, g in layout(pose).gaps]
    assert len(gaps) == 2 and all(g is not None and abs(g) < 60 for g in gaps)


def check(capsys: pytest.CaptureFixture[str], home: Path, stretch: str) -> tuple[int, str, str]:
    code = cli.main(["--home", str(home), "render", stretch, "--check"])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.parametrize("stretch", BUILTIN_IDS)
def test_render_check_passes_for_every_builtin_stretch(
        capsys: pytest.CaptureFixture[str], tmp_path: Path, stretch: str) -> None:
    """`render ID --check` exits 0 for every built-in stretch and prints each contact's gap."""
    code, out, err = check(capsys, tmp_path, stretch)
    assert (code, err) == (0, ""), out
    assert out.rstrip().endswith("every contact touches")
    spec = load_library(user_dir=None).stretches[stretch].pose
    assert spec is not None
    if spec.start.view != "top":
        assert " on " in out and "gap " in out


USER_CATALOGUE = """\
format: 1
stretches:
  - id: floating-heel
    name: Floating heel
    group: calf
    pose:
      left_hip: -55
      right_hip: 85
      contacts: {feet: floor}
    instructions: Step back.
  - id: no-wall
    name: No wall
    group: calf
    pose:
      contacts: {feet: floor, hands: wall}
    instructions: Stand.
  - id: skating-feet
    name: Skating feet
    group: legs
    pose:
      contacts: {feet: floor}
      start: {left_hip: -40, right_hip: 40}
      end: {left_hip: 40, right_hip: -40}
    instructions: Scissor the legs.
  - id: no-contacts
    name: No contacts
    group: calf
    pose: {torso: 10}
    instructions: Stand.
"""


@pytest.mark.parametrize(("stretch", "message"), [
    ("floating-heel", "floats"),
    ("no-wall", "there is no wall in the picture (add it to props)"),
    ("no-contacts", "the pose declares no contacts"),
    ("skating-feet", "slides"),
])
def test_render_check_fails_with_a_clear_message(
        capsys: pytest.CaptureFixture[str], tmp_path: Path, stretch: str, message: str) -> None:
    """A floating contact, a missing surface or no contacts at all exit 1 and say which."""
    folder = tmp_path / "routines"
    folder.mkdir()
    (folder / "mine.yaml").write_text(USER_CATALOGUE, encoding="utf-8")
    code, _, err = check(capsys, tmp_path, stretch)
    assert code == 1 and f"stretchapp render: {stretch}: " in err and message in err, err


def test_movement_frames_are_checked_from_start_to_end() -> None:
    """A movement is checked at every player frame, 13 from start to end, each with gaps."""
    spec = load_library(user_dir=None).stretches["march-on-the-spot"].pose
    assert spec is not None
    frames = frame_gaps(spec)
    assert [at for at, _ in frames][::6] == [0.0, 0.5, 1.0] and len(frames) == 13
    assert frames[0][1][0][0].part == "right_foot" and frames[-1][1][0][0].part == "left_foot"


def test_a_planted_foot_stays_put_while_the_other_marches() -> None:
    """Marching: each frame's planted foot is where the frame before had it (no jump)."""
    spec = load_library(user_dir=None).stretches["march-on-the-spot"].pose
    assert spec is not None
    frames = check_frames(spec)
    held = [moved for frame in frames for _, moved in frame.slides]
    assert len(held) >= 10 and max(held) <= SLIDE_LIMIT
    # The foot that comes down at half way lands where the other one stood.
    drawn = [layout(spec.at(t), spec.start) for t in (0.0, 1.0)]
    feet = [d.bone(f"{side}_foot").point(0.7)[0][0] for d, side in zip(drawn, ("right", "left"),
                                                                        strict=True)]
    assert abs(feet[0] - feet[1]) <= SLIDE_LIMIT


def test_feet_that_must_skate_are_reported_as_sliding() -> None:
    """Scissoring straight legs with both feet down cannot keep them still: slides show it."""
    spec, problems = parse_pose({"contacts": {"feet": "floor"},
                                 "start": {"left_hip": -40, "right_hip": 40},
                                 "end": {"left_hip": 40, "right_hip": -40}})
    assert problems == [] and spec is not None
    slides = [moved for frame in check_frames(spec) for _, moved in frame.slides]
    assert max(slides) > 3 * SLIDE_LIMIT
    assert check_frames(spec)[0].slides == ()  # the first frame has nothing before it


@settings(max_examples=15, deadline=None)
# Ranges where a flat ankle stays within its own (torso - hip + knee <= 45).
@given(hips=st.tuples(st.floats(-10, 20), st.floats(-10, 20)),
       knees=st.tuples(st.floats(0, 20), st.floats(0, 20)), torso=st.floats(-5, 15))
def test_feet_kept_down_through_a_movement_do_not_slide(
        hips: tuple[float, float], knees: tuple[float, float], torso: float) -> None:
    """Bending the legs with both feet declared down keeps each foot where the start put it."""
    spec, problems = parse_pose({
        "contacts": {"feet": "floor"}, "left_ankle": "flat", "right_ankle": "flat",
        "start": {}, "end": {"torso": torso, "left_hip": hips[0], "right_hip": hips[1],
                             "left_knee": knees[0], "right_knee": knees[1]}})
    assert problems == [] and spec is not None
    frames = check_frames(spec)
    assert all(moved <= SLIDE_LIMIT for frame in frames for _, moved in frame.slides)
