"""The routines and stretch catalogue shipped with the app.

They must load without a blocking problem (an illustration still being drawn is
not even a missing picture), and hold the nine
routines the app promises, with durations, safety notes and movements that fit
their kind.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from stretchapp.core.loading.library import Library, find_files, load_library
from stretchapp.core.model import Kind, Routine
from stretchapp.core.storage import paths

GROUPS = ("calf", "back", "neck")
KINDS = (Kind.WARM_UP, Kind.COOL_DOWN, Kind.RELIEF)

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


def test_there_are_exactly_the_nine_routines(library: Library) -> None:
    """The built-in routines are the nine group x kind ones, nothing else."""
    assert sorted(library.routines) == sorted(f"{g}-{k}" for g in GROUPS for k in KINDS)
    assert library.groups() == list(GROUPS)


@pytest.mark.parametrize("routine_id", [f"{g}-{k}" for g in GROUPS for k in KINDS])
def test_routine_lasts_four_to_twelve_minutes(library: Library, routine_id: str) -> None:
    """Every built-in routine's timeline is between 4 and 12 minutes long."""
    assert 4 * 60 <= library.routines[routine_id].total_seconds <= 12 * 60


@pytest.mark.parametrize("group", GROUPS)
def test_relief_routines_carry_a_safety_note(library: Library, group: str) -> None:
    """A relief routine's safety note mentions pain, a doctor or physiotherapist, water."""
    safety = routine(library, group, Kind.RELIEF).safety.lower()
    assert "pain" in safety
    assert "doctor" in safety or "physiotherapist" in safety
    assert "water" in safety


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
        assert stretch.group in GROUPS, stretch.id


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
