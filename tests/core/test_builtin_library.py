"""The routines and stretch catalogue shipped with the app.

They must load without a blocking problem (an illustration still being drawn is
not even a missing picture), and hold the nine group routines and the everyday
ones the app promises, with durations, safety notes, red flags, equipment and
movements that fit their kind.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from stretchapp.core.loading.library import Library, find_files, load_library
from stretchapp.core.model import Kind, Routine
from stretchapp.core.pose.equipment import what_you_need
from stretchapp.core.session.controls import Status
from stretchapp.core.session.engine import SessionEngine
from stretchapp.core.session.events import SessionFinished
from stretchapp.core.session.side_choice import (
    DEFAULT_SIDE_CHOICE,
    SIDE_CHOICES,
    apply_side_choice,
    asks_side,
)
from stretchapp.core.session.timeline import build_timeline
from stretchapp.core.storage import paths
from tests.helpers.routines import FakeClock, play

GROUPS = ("calf", "back", "neck")
KINDS = (Kind.WARM_UP, Kind.COOL_DOWN, Kind.RELIEF)
GROUP_ROUTINES = tuple(f"{g}-{k}" for g in GROUPS for k in KINDS)
# The everyday routines of issue 13, each 2 to 10 minutes: id -> (group, kind).
EVERYDAY = {
    "desk-break": ("desk", Kind.WARM_UP),
    "desk-neck-relief": ("neck", Kind.RELIEF),
    "bedtime-calf": ("calf", Kind.COOL_DOWN),
    "night-cramp-relief": ("calf", Kind.RELIEF),
    "pre-run-warm-up": ("running", Kind.WARM_UP),
    "post-run-cool-down": ("running", Kind.COOL_DOWN),
    "long-journey": ("travel", Kind.WARM_UP),
    "gentle-seated": ("gentle-seated", Kind.WARM_UP),
}
# The stretches issue 13 asked for, each drawn and used by some routine.
NEW_STRETCHES = (
    "thoracic-extension-chair", "open-book-rotation", "seated-twist", "seated-side-bend",
    "standing-back-extension", "kneeling-hip-flexor-stretch", "standing-hamstring-stretch",
    "seated-hamstring-stretch", "prone-press-up", "bottom-to-heels",
    "knee-to-wall-ankle-lunge", "leg-swing", "standing-quad-stretch", "calf-self-massage")
# Words the voice must never read out: anatomy in Latin.
LATIN = ("piriformis", "soleus", "trapezius", "scapulae", "levator", "scalene", "thoracic",
         "quadriceps", "gastrocnemius")

# Brands and medicines have no place in the routines: the app gives no medical
# or shopping advice.
DENIED = ("ibuprofen", "paracetamol", "acetaminophen", "aspirin", "naproxen", "diclofenac",
          "codeine", "magnesium supplement", "quinine", "voltaren", "nurofen", "advil",
          "tylenol", "tiger balm", "deep heat", "biofreeze", "amazon", "nike", "adidas",
          "decathlon", "theraband", "fitbit", "garmin")


@pytest.fixture(scope="module")
def library() -> Library:
    """The built-in library, with no user folder."""
    return load_library(user_dir=None)


def routine(library: Library, group: str, kind: Kind) -> Routine:
    return library.routines[f"{group}-{kind}"]


def test_builtin_files_have_no_problem(library: Library) -> None:
    """Every built-in file loads clean: no problem at all, not even a missing picture."""
    assert [str(p) for p in library.problems] == []
    assert library.broken_files == []


def test_every_builtin_stretch_is_drawn(library: Library) -> None:
    """Each built-in stretch has a pose to draw (or an image file that exists)."""
    undrawn = [s.id for s in library.stretches.values()
               if s.pose is None and (s.image is None or not s.image.is_file())]
    assert undrawn == []


def test_every_builtin_file_is_a_routine_or_a_catalogue(library: Library) -> None:
    """Each YAML file shipped is read, as a routine or as a catalogue."""
    files = find_files(paths.builtin_routines_dir())
    assert sorted(r.path for r in library.files) == files
    assert {r.kind for r in library.files} == {"routine", "catalogue"}


@pytest.mark.parametrize("kind", KINDS, ids=str)
@pytest.mark.parametrize("group", GROUPS)
def test_each_group_has_each_kind_of_routine(library: Library, group: str, kind: Kind) -> None:
    """calf, back and neck each have a warm-up, a cool-down and a relief routine."""
    found = routine(library, group, kind)
    assert (found.group, found.kind, found.builtin) == (group, kind, True)
    assert found.title and found.description


def test_there_are_exactly_the_promised_routines(library: Library) -> None:
    """The built-ins are the nine group x kind routines and the everyday ones, nothing else."""
    assert sorted(library.routines) == sorted((*GROUP_ROUTINES, *EVERYDAY))
    assert library.groups()[:3] == list(GROUPS)


@pytest.mark.parametrize("routine_id", GROUP_ROUTINES)
def test_routine_lasts_four_to_twelve_minutes(library: Library, routine_id: str) -> None:
    """Every built-in group routine's timeline is between 4 and 12 minutes long."""
    assert 4 * 60 <= library.routines[routine_id].total_seconds <= 12 * 60


@pytest.mark.parametrize("routine_id", sorted(EVERYDAY))
def test_everyday_routine_fits_its_group_kind_and_two_to_ten_minutes(
        library: Library, routine_id: str) -> None:
    """Each everyday routine has its group and kind and lasts 2 to 10 minutes."""
    found = library.routines[routine_id]
    assert (found.group, found.kind) == EVERYDAY[routine_id]
    assert 2 * 60 <= found.total_seconds <= 10 * 60
    assert found.title and found.description and found.safety


def test_desk_break_is_two_to_three_minutes_off_the_floor(library: Library) -> None:
    """The desk break lasts 2-3 minutes and needs no mat: seated or standing only."""
    desk = library.routines["desk-break"]
    assert 2 * 60 <= desk.total_seconds <= 3 * 60
    assert "a mat" not in what_you_need(desk)


@pytest.mark.parametrize("routine_id", ["desk-neck-relief", "long-journey", "gentle-seated"])
def test_seated_routines_need_only_a_chair(library: Library, routine_id: str) -> None:
    """The office, journey and gentle routines are done in a chair: they need nothing else."""
    assert what_you_need(library.routines[routine_id]) == ("a chair",)


@pytest.mark.parametrize("routine_id", ["calf-cool-down", "post-run-cool-down"])
def test_what_you_need_names_the_step_and_the_mat(library: Library, routine_id: str) -> None:
    """Props drawn in the poses are listed: the calf cool-down's stair, the run's mat."""
    needs = what_you_need(library.routines[routine_id])
    assert ("a step or stair" in needs) == (routine_id == "calf-cool-down")
    assert "a wall" in needs


# What each group's red flags must warn of, as words any one of the lines holds.
RED_FLAG_SIGNS = {
    "calf": ("blood clot", "swelling", "10 minutes", "breathless"),
    "back": ("genitals", "peeing", "bowels", "weakness", "fever",
             "fall", "weight loss", "cancer"),
    "neck": ("fever with a headache and a stiff neck", "arm or hand", "double vision",
             "speaking or swallowing", "chest pain"),
}


def _relief_ids() -> list[str]:
    return [f"{g}-relief" for g in GROUPS] + [r for r, (_, k) in EVERYDAY.items()
                                              if k is Kind.RELIEF]


@pytest.mark.parametrize("routine_id", _relief_ids())
def test_relief_routines_carry_their_groups_red_flags(library: Library, routine_id: str) -> None:
    """Each relief routine shows its group's red flags and a note on pain and a doctor."""
    found = library.routines[routine_id]
    flags = " ".join(found.red_flags).lower()
    missing = [sign for sign in RED_FLAG_SIGNS[found.group] if sign not in flags]
    assert missing == []
    safety = found.safety.lower()
    assert "pain" in safety
    assert "doctor" in safety or "physiotherapist" in safety


@pytest.mark.parametrize("routine_id", _relief_ids())
def test_relief_notes_say_nothing_beside_the_point(library: Library, routine_id: str) -> None:
    """No relief note tells people to drink water: it is not what a spasm needs."""
    assert "water" not in library.routines[routine_id].safety.lower()


def test_only_relief_routines_carry_red_flags(library: Library) -> None:
    """Warm-ups and cool-downs show no red flags; relief routines always do."""
    assert {r.id for r in library.routines.values() if r.red_flags} == set(_relief_ids())


def test_calf_relief_starts_on_the_chosen_leg_standing_then_massage(library: Library) -> None:
    """Calf relief: stand on the leg, toes up, a massage; its sided steps ask the side."""
    steps = library.routines["calf-relief"].steps
    assert [s.stretch.id for s in steps[:3]] == [
        "stand-on-cramping-leg", "toe-up-wall-calf-stretch", "calf-self-massage"]
    assert all(s.choose_side for s in steps if s.stretch.sided)
    assert "a mat" not in what_you_need(library.routines["calf-relief"])


def test_back_relief_keeps_moving_with_short_repeats(library: Library) -> None:
    """Back relief: mostly counted movements of 5-10 repeats, holds short, no standing step."""
    relief = library.routines["back-relief"]
    counted = [s for s in relief.steps if s.counted]
    assert len(counted) * 2 > len(relief.steps)
    assert all(s.count is not None and 5 <= s.count <= 10 for s in counted)
    assert {s.stretch.id for s in counted} >= {
        "pelvic-tilt", "lower-trunk-rotation", "prone-press-up", "bottom-to-heels"}
    assert all(s.hold is None or s.hold <= 30 for s in relief.steps)
    assert what_you_need(relief) == ("a mat",)


@pytest.mark.parametrize("stretch_id", NEW_STRETCHES)
def test_the_asked_for_stretches_are_drawn(library: Library, stretch_id: str) -> None:
    """Each stretch issue 13 asked for is in the catalogue with a pose to draw."""
    assert library.stretches[stretch_id].pose is not None


@pytest.mark.parametrize(("stretch_id", "words"), [
    ("scalene-stretch", "dizzy"), ("seated-forward-fold", "osteoporosis"),
    ("supine-spinal-twist", "osteoporosis"), ("seated-twist", "osteoporosis"),
    ("figure-four-stretch", "hip replacement"), ("knee-to-chest", "hip replacement"),
    ("calf-pedal", "glaucoma"), ("doorway-chest-stretch", "dislocated"),
    ("calf-self-massage", "blood clot")])
def test_cautions_where_they_belong(library: Library, stretch_id: str, words: str) -> None:
    """The stretches that need a caution carry it, in their own caution field."""
    assert words in library.stretches[stretch_id].caution.lower()


def test_announcements_never_read_brackets_or_latin(library: Library) -> None:
    """No phrase the voice says reads a bracket or an anatomical Latin name."""
    said = {phase.say for r in library.routines.values() for phase in build_timeline(r)}
    bad = [text for text in said
           if "(" in text or any(word in text.lower() for word in LATIN)]
    assert bad == []


def test_heel_raise_voice_matches_its_text(library: Library) -> None:
    """Heel raises: the voice says the balls of the feet, as the instructions do."""
    heel = library.stretches["heel-raise"]
    assert "balls of your feet" in heel.instructions and "balls of your feet" in heel.spoken


@pytest.mark.parametrize("group", GROUPS)
def test_warm_ups_are_mostly_counted_movements(library: Library, group: str) -> None:
    """More than half of a warm-up's steps are counted, dynamic movements."""
    steps = routine(library, group, Kind.WARM_UP).steps
    assert sum(step.counted for step in steps) * 2 > len(steps)


@pytest.mark.parametrize("group", GROUPS)
def test_cool_downs_are_static_holds(library: Library, group: str) -> None:
    """Every step of a cool-down is a static hold, none is counted."""
    steps = routine(library, group, Kind.COOL_DOWN).steps
    assert [step.counted for step in steps] == [False] * len(steps)
    assert all(step.hold is not None for step in steps)


def test_catalogue_has_at_least_24_stretches_to_read_and_say(library: Library) -> None:
    """The catalogue holds >= 24 distinct stretches, each with instructions and a say line."""
    stretches = list(library.stretches.values())
    assert len(stretches) >= 24
    assert len({s.name for s in stretches}) == len(stretches)
    for stretch in stretches:
        assert len(stretch.instructions.split()) >= 10, stretch.id
        assert stretch.say and stretch.say.strip(), stretch.id
        assert stretch.group in (*GROUPS, "legs"), stretch.id


def test_every_catalogue_stretch_is_used(library: Library) -> None:
    """No stretch of the catalogue is left out of every routine."""
    used = {step.stretch.id for r in library.routines.values() for step in r.steps}
    assert set(library.stretches) - used == set()


@pytest.mark.parametrize("path", find_files(paths.builtin_routines_dir()),
                         ids=lambda p: f"{p.parent.name}/{p.name}")
def test_no_brand_or_medicine_names(path: Path) -> None:
    """No built-in file names a medicine, a supplement or a brand."""
    text = path.read_text(encoding="utf-8").lower()
    found = [word for word in DENIED if re.search(rf"\b{re.escape(word)}\b", text)]
    assert found == []


@pytest.mark.parametrize("routine_id", sorted((*GROUP_ROUTINES, *EVERYDAY)))
def test_every_builtin_plays_to_the_end_with_every_side_answer(
        library: Library, routine_id: str) -> None:
    """Each built-in plays to FINISHED on a fake clock, for every answer it may ask."""
    found = library.routines[routine_id]
    answers = SIDE_CHOICES if asks_side(found) else (DEFAULT_SIDE_CHOICE,)
    for answer in answers:
        played = apply_side_choice(found, answer)
        clock = FakeClock()
        engine = SessionEngine(played, clock)
        engine.start()
        events = play(engine, clock, every=1.0)
        assert engine.status is Status.FINISHED
        assert isinstance(events[-1][1], SessionFinished)
        assert events[-1][0] == pytest.approx(played.total_seconds, abs=1.0)


def test_by_group_filters_by_kind_and_words_in_display_order(library: Library) -> None:
    """by_group: groups in display order, only the kind asked for, every word matching."""
    assert [group for group, _ in library.by_group()][:3] == ["calf", "back", "neck"]
    relief = library.by_group("relief")
    assert relief and all(r.kind is Kind.RELIEF for _, found in relief for r in found)
    [(group, found)] = library.by_group("relief", ["calf", "cramp"])
    assert group == "calf" and all("cramp" in r.title.lower() for r in found)
    assert library.by_group("warm-up", ["nothing-like-this"]) == []
