"""Each rule of ROUTINE_FORMAT.md, with a file that follows it and one that breaks it.

Every test writes small files into tmp_path next to a tiny catalogue and loads
them with the real library loader, so what is checked is what people get.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from stretchapp.core.loading.library import Library, load_library
from stretchapp.core.loading.resolve import Assets
from stretchapp.core.model import Kind, Routine, Side

CATALOGUE = """\
format: 1
stretches:
  - id: heel-raise
    name: Heel raises
    group: calf
    instructions: Rise onto the balls of your feet, then lower your heels slowly.
  - id: wall-calf-stretch
    name: Standing wall calf stretch
    group: calf
    sided: true
    instructions: Hands on a wall, one foot back, heel down; lean in.
    say: Lean into the wall.
"""

HEAD = "format: 1\ntitle: Test routine\ngroup: calf\nkind: cool-down\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32


class Folder:
    """A built-in folder and a user folder in tmp_path, and the library they make."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.builtin = root / "builtin"
        self.user = root / "user"
        self.assets = Assets(images=root / "assets" / "images", sounds=root / "assets" / "sounds")
        self.write("builtin/stretches/catalogue.yaml", CATALOGUE)

    def write(self, name: str, text: str | bytes) -> Path:
        path = self.root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(text, bytes):
            path.write_bytes(text)
        else:
            path.write_text(text, encoding="utf-8")
        return path

    def load(self) -> Library:
        return load_library(builtin_dir=self.builtin, user_dir=self.user, assets=self.assets)

    def routine(self, text: str, name: str = "test-routine") -> tuple[Routine | None, list[str]]:
        """Load text as builtin/calf/NAME.yaml: the routine (None if blocked) and messages."""
        path = self.write(f"builtin/calf/{name}.yaml", text)
        library = self.load()
        report = next(r for r in library.files if r.path == path)
        routine = library.routines.get(name) if report.loaded else None
        return routine, [p.message for p in report.problems]


@pytest.fixture
def folder(tmp_path: Path) -> Folder:
    """A fresh pair of library folders with the tiny catalogue in the built-in one."""
    return Folder(tmp_path)


def steps(*lines: str) -> str:
    """A routine file: HEAD plus a steps list made of the given step bodies."""
    return HEAD + "steps:\n" + "".join(f"  - {line}\n" for line in lines)


def ok(folder: Folder, text: str) -> Routine:
    """The routine text makes, asserting it has no problem at all."""
    routine, messages = folder.routine(text)
    assert messages == []
    assert routine is not None
    return routine


def refused(folder: Folder, text: str) -> list[str]:
    """The messages for text, asserting the routine was not loaded."""
    routine, messages = folder.routine(text)
    assert routine is None
    assert messages
    return messages


# --- steps: catalogue references and inline stretches -----------------------


def test_step_refers_to_a_catalogue_stretch(folder: Folder) -> None:
    """'stretch: ID' takes name, instructions, sidedness and say from the catalogue."""
    routine = ok(folder, steps("stretch: wall-calf-stretch"))
    stretch = routine.steps[0].stretch
    assert (stretch.id, stretch.name, stretch.sided, stretch.spoken) == (
        "wall-calf-stretch", "Standing wall calf stretch", True, "Lean into the wall.")


def test_unknown_stretch_reference_suggests_the_closest_id(folder: Folder) -> None:
    """A misspelt stretch id is an error naming the step and the id it probably meant."""
    messages = refused(folder, steps("stretch: heel-raise", "stretch: wall-calf-strech"))
    assert messages == ["unknown stretch 'wall-calf-strech' in step 2 "
                        "(did you mean 'wall-calf-stretch'?)"]


def test_unknown_stretch_without_a_close_id_points_to_the_catalogue(folder: Folder) -> None:
    """An id like no other says where the list of stretches is."""
    assert refused(folder, steps("stretch: pigeon-pose")) == [
        "unknown stretch 'pigeon-pose' in step 1 "
        "('stretchapp list --stretches' shows the catalogue)"]


def test_inline_stretch_needs_name_and_instructions(folder: Folder) -> None:
    """An inline step with name and instructions is a stretch of the routine's group."""
    routine = ok(folder, steps("name: Seated rest\n    instructions: Sit and relax.\n"
                               "    sided: true"))
    stretch = routine.steps[0].stretch
    assert (stretch.id, stretch.name, stretch.group, stretch.instructions, stretch.sided) == (
        "test-routine-step-1", "Seated rest", "calf", "Sit and relax.", True)


@pytest.mark.parametrize(("body", "missing"), [
    ("name: Seated rest", "instructions"),
    ("instructions: Sit and relax.", "name"),
    ("hold: 30s", "name and instructions"),
])
def test_inline_stretch_missing_a_field_is_refused(folder: Folder, body: str,
                                                   missing: str) -> None:
    """A step with neither a stretch id nor a full inline stretch says what is missing."""
    assert refused(folder, steps(body)) == [
        "step 1 needs 'stretch: <catalogue id>', or 'name' and 'instructions' for an "
        f"inline stretch (missing {missing})"]


def test_step_fields_override_the_catalogue_stretch(folder: Folder) -> None:
    """name, instructions and say given in a step replace the catalogue's for that step."""
    routine = ok(folder, steps("stretch: heel-raise\n    name: Slow heel raises\n"
                               "    say: Slowly now."))
    stretch = routine.steps[0].stretch
    assert (stretch.name, stretch.spoken) == ("Slow heel raises", "Slowly now.")
    assert stretch.instructions.startswith("Rise onto the balls")


# --- timings: defaults and their inheritance --------------------------------

TIMINGS = [("prepare", 5), ("hold", 30), ("rest", 10), ("switch", 5), ("relax", 5)]


@pytest.mark.parametrize(("field", "builtin"), TIMINGS)
def test_timing_without_defaults_is_the_built_in_default(folder: Folder, field: str,
                                                         builtin: int) -> None:
    """With neither a step value nor defaults, a step gets the format's default."""
    routine = ok(folder, steps("stretch: wall-calf-stretch"))
    assert getattr(routine.steps[0], field) == builtin


@pytest.mark.parametrize(("field", "builtin"), TIMINGS)
def test_routine_defaults_override_built_in_defaults(folder: Folder, field: str,
                                                     builtin: int) -> None:
    """A value under defaults: applies to every step that does not set its own."""
    text = HEAD + f"defaults:\n  {field}: 42s\nsteps:\n  - stretch: wall-calf-stretch\n"
    assert getattr(ok(folder, text).steps[0], field) == 42 != builtin


@pytest.mark.parametrize(("field", "builtin"), TIMINGS)
def test_step_value_overrides_routine_defaults(folder: Folder, field: str,
                                               builtin: int) -> None:
    """A step's own value wins over defaults:, and only for that step."""
    text = (HEAD + f"defaults:\n  {field}: 42s\nsteps:\n"
            f"  - stretch: wall-calf-stretch\n    {field}: 7s\n  - stretch: heel-raise\n")
    routine = ok(folder, text)
    assert [getattr(s, field) for s in routine.steps] == [7, 42]


def test_unknown_key_in_defaults_lists_the_keys(folder: Folder) -> None:
    """defaults: takes only the five timings, and says which they are."""
    text = HEAD + "defaults:\n  pause: 10s\nsteps:\n  - stretch: heel-raise\n"
    assert refused(folder, text) == [
        "unknown key 'pause' in defaults (the keys here are hold, prepare, relax, rest, "
        "switch)"]


# --- durations ----------------------------------------------------------------


@pytest.mark.parametrize(("written", "seconds"), [
    ("45", 45), ('"45s"', 45), ("45s", 45), ("2m", 120), ("1m30s", 90), ('"90"', 90),
    ("1m 30s", 90), ("60m", 3600), ("1", 1),
])
def test_duration_forms(folder: Folder, written: str, seconds: int) -> None:
    """A duration is an integer of seconds or a string like 45s, 2m, 1m30s or 90."""
    assert ok(folder, steps(f"stretch: heel-raise\n    hold: {written}")).steps[0].hold == seconds


@pytest.mark.parametrize(("written", "shown"), [
    ("5 minutes", "'5 minutes'"), ("1h", "'1h'"), ("1.5", "1.5"), ("30s1m", "'30s1m'"),
    ("'1:30'", "'1:30'"), ("true", "true"), ("[30s]", "a list"), ("{s: 30}", "a mapping"),
    ("2.5m", "'2.5m'"), ("''", "''"),
])
def test_malformed_duration_is_refused(folder: Folder, written: str, shown: str) -> None:
    """Anything else is an error that quotes the value and shows the accepted forms."""
    assert refused(folder, steps(f"stretch: heel-raise\n    hold: {written}")) == [
        f"hold must be a duration such as 30s, 2m or 1m30s, got {shown}"]


@pytest.mark.parametrize("field", ["hold", "tempo"])
@pytest.mark.parametrize(("written", "good"), [
    ("1s", True), ("60m", True), ("3600", True), ("0", False), ("0s", False), ("-5s", False),
    ("60m1s", False), ("3601", False),
])
def test_hold_and_tempo_bounds(folder: Folder, field: str, written: str, good: bool) -> None:
    """Holds and tempos are 1 s to 60 min, both ends included."""
    extra = "\n    count: 2" if field == "tempo" else ""
    text = steps(f"stretch: heel-raise\n    {field}: {written}{extra}")
    if good:
        ok(folder, text)
    else:
        shown = written if written.lstrip("-").isdigit() else f"'{written}'"
        assert refused(folder, text) == [f"{field} must be between 1s and 60m, got {shown}"]


@pytest.mark.parametrize("field", ["prepare", "rest", "switch", "relax"])
@pytest.mark.parametrize(("written", "good"), [
    ("0", True), ("0s", True), ("10m", True), ("600", True), ("-1", False), ("10m1s", False),
    ("601", False),
])
def test_pause_bounds(folder: Folder, field: str, written: str, good: bool) -> None:
    """prepare, rest, switch and relax are 0 s to 10 min, in a step or in defaults."""
    for text in (steps(f"stretch: heel-raise\n    {field}: {written}"),
                 HEAD + f"defaults:\n  {field}: {written}\nsteps:\n  - stretch: heel-raise\n"):
        if good:
            ok(folder, text)
        else:
            shown = written if written.lstrip("-").isdigit() else f"'{written}'"
            assert refused(folder, text) == [f"{field} must be between 0s and 10m, got {shown}"]


# --- sides, reps, count and tempo ---------------------------------------------


@pytest.mark.parametrize(("written", "sides"), [
    ("", (Side.LEFT, Side.RIGHT)), ("\n    sides: both", (Side.LEFT, Side.RIGHT)),
    ("\n    sides: left", (Side.LEFT,)), ("\n    sides: right", (Side.RIGHT,)),
])
def test_sides_of_a_sided_stretch(folder: Folder, written: str,
                                  sides: tuple[Side, ...]) -> None:
    """A sided stretch plays both sides (left first) unless sides: picks one."""
    assert ok(folder, steps(f"stretch: wall-calf-stretch{written}")).steps[0].sides == sides


def test_unsided_stretch_has_no_sides(folder: Folder) -> None:
    """A stretch without sides plays once per rep."""
    assert ok(folder, steps("stretch: heel-raise")).steps[0].sides == ()


@pytest.mark.parametrize("value", ["both", "left", "right", "choose"])
def test_sides_on_a_stretch_without_sides_is_refused(folder: Folder, value: str) -> None:
    """sides: on a stretch that is not sided is an error naming the stretch."""
    assert refused(folder, steps(f"stretch: heel-raise\n    sides: {value}")) == [
        "sides is only for a sided stretch, and 'Heel raises' has no sides"]


@pytest.mark.parametrize("value", ["Left", "up", "[left, right]", "1"])
def test_sides_must_be_both_left_or_right(folder: Folder, value: str) -> None:
    """Any other value of sides is an error listing the four accepted ones."""
    [message] = refused(folder, steps(f"stretch: wall-calf-stretch\n    sides: {value}"))
    assert message.startswith("sides must be one of both, left, right, choose, got ")


@pytest.mark.parametrize(("written", "reps"), [("", 1), ("\n    reps: 1", 1),
                                               ("\n    reps: 3", 3), ("\n    reps: 100", 100)])
def test_reps(folder: Folder, written: str, reps: int) -> None:
    """reps defaults to 1 and accepts whole numbers from 1 to 100."""
    assert ok(folder, steps(f"stretch: heel-raise{written}")).steps[0].reps == reps


@pytest.mark.parametrize(("value", "message"), [
    ("0", "reps must be at least 1, got 0"),
    ("-2", "reps must be at least 1, got -2"),
    ("101", "reps must be at most 100, got 101"),
    ("1.5", "reps must be a whole number, got 1.5"),
    ("'2'", "reps must be a whole number, got '2' (write the number without quotes)"),
    ("twice", "reps must be a whole number, got 'twice'"),
])
def test_bad_reps_are_refused(folder: Folder, value: str, message: str) -> None:
    """reps must be a whole number of at least 1."""
    assert refused(folder, steps(f"stretch: heel-raise\n    reps: {value}")) == [message]


def test_count_and_tempo_make_a_counted_movement(folder: Folder) -> None:
    """count with tempo is a counted movement of count x tempo seconds and no hold."""
    step = ok(folder, steps("stretch: heel-raise\n    count: 12\n    tempo: 2s")).steps[0]
    assert (step.counted, step.count, step.tempo, step.hold, step.movement_seconds) == (
        True, 12, 2, None, 24)


@pytest.mark.parametrize(("body", "message"), [
    ("hold: 30s\n    count: 10\n    tempo: 2s",
     "step 1 has both hold and count: a step is a hold or a counted movement"),
    ("count: 10", "count needs a tempo in step 1, the length of one repetition "
                  "(e.g. tempo: 2s)"),
    ("tempo: 2s", "tempo goes with count in step 1 (e.g. count: 10)"),
    ("count: 0\n    tempo: 2s", "count must be at least 1, got 0"),
])
def test_count_and_tempo_rules(folder: Folder, body: str, message: str) -> None:
    """Never hold with count; count and tempo only together; count at least 1."""
    assert refused(folder, steps(f"stretch: heel-raise\n    {body}")) == [message]


# --- images ---------------------------------------------------------------


def image_step(ref: str) -> str:
    return steps(f"stretch: heel-raise\n    image: {ref}")


def test_image_next_to_the_file_is_found(folder: Folder) -> None:
    """An image name is looked up next to the routine file first."""
    folder.write("builtin/calf/mine.png", PNG)
    folder.write("assets/images/mine.png", PNG)
    routine = ok(folder, image_step("mine.png"))
    assert routine.steps[0].stretch.image == folder.builtin / "calf" / "mine.png"


def test_image_in_the_app_assets_is_found(folder: Folder) -> None:
    """An image not next to the file is looked up in assets/images."""
    folder.write("assets/images/shared/mine.png", PNG)
    routine = ok(folder, image_step("shared/mine.png"))
    assert routine.steps[0].stretch.image == folder.root / "assets/images/shared/mine.png"


def test_missing_image_is_reported_but_the_routine_loads(folder: Folder) -> None:
    """A missing image is a non-blocking problem: the routine still loads, marked."""
    routine, messages = folder.routine(image_step("nowhere.png"))
    assert messages == [
        "image 'nowhere.png' not found next to the file or in the app's assets"]
    assert routine is not None
    assert (routine.steps[0].stretch.image, routine.steps[0].stretch.image_missing) == (
        None, "nowhere.png")


def test_image_that_is_not_what_its_name_says_is_non_blocking(folder: Folder) -> None:
    """A .png that is not a PNG is reported, and the routine still loads."""
    folder.write("builtin/calf/fake.png", b"GIF89a")
    routine, messages = folder.routine(image_step("fake.png"))
    assert messages == ["image 'fake.png' is not a PNG file"]
    assert routine is not None


@pytest.mark.parametrize(("ref", "message"), [
    ("/etc/pic.png", "image must be a relative path, not an absolute one"),
    ("'C:\\pics\\pic.png'", "image must be a relative path, not an absolute one"),
    ("https://example.com/pic.png", "image must be a file name or relative path, not a URL"),
    ("file:///etc/pic.png", "image must be a file name or relative path, not a URL"),
    ("../../pic.png", "image '../../pic.png' leaves the folder it starts from"),
    ("a/../../pic.png", "image 'a/../../pic.png' leaves the folder it starts from"),
    ("pic.bmp", "image must be a GIF, JPEG, PNG or SVG file, got 'pic.bmp'"),
    ('"pic\\0.png"', "image must be a file name, without control characters"),
])
def test_image_paths_that_leave_the_folders_are_refused(folder: Folder, ref: str,
                                                        message: str) -> None:
    """Absolute paths, URLs, climbing paths and other file kinds block the routine."""
    assert refused(folder, image_step(ref)) == [message]


def test_image_link_leading_out_of_the_folder_is_refused(folder: Folder) -> None:
    """A symbolic link next to the file that points elsewhere is refused."""
    outside = folder.write("elsewhere/pic.png", PNG)
    (folder.builtin / "calf").mkdir(parents=True, exist_ok=True)
    (folder.builtin / "calf" / "pic.png").symlink_to(outside)
    assert refused(folder, image_step("pic.png")) == [
        "image 'pic.png' leads out of its folder (a link?)"]


def test_overlong_image_name_is_missing_not_a_crash(folder: Folder) -> None:
    """A name the file system cannot look up (too long) is reported as not found."""
    name = "x" * 300 + ".png"
    _, messages = folder.routine(image_step(name))
    assert messages == [f"image '{name}' not found next to the file or in the app's assets"]


# --- the timeline -----------------------------------------------------------


def test_total_seconds_follows_the_timeline(folder: Folder) -> None:
    """total_seconds sums prepare, holds, switches, relaxes and rests as documented."""
    text = (HEAD + "defaults:\n  prepare: 5s\n  rest: 10s\n  switch: 3s\n  relax: 4s\nsteps:\n"
            "  - stretch: wall-calf-stretch\n    hold: 30s\n    reps: 2\n"
            "  - stretch: heel-raise\n    count: 10\n    tempo: 2s\n"
            "  - stretch: wall-calf-stretch\n    sides: right\n    hold: 1m\n")
    routine = ok(folder, text)
    first = 5 + 2 * 2 * 30 + 2 * 1 * 3 + 1 * 4 + 10   # 2 reps x 2 sides, 2 switches, 1 relax
    second = 5 + 10 * 2 + 10                           # counted, no sides
    last = 5 + 60                                      # one side, no rest after the last step
    assert routine.total_seconds == first + second + last == 245


# --- ids, layers and duplicates --------------------------------------------


def test_routine_id_defaults_to_the_file_name(folder: Folder) -> None:
    """Without id:, a routine's id is its file name without .yaml."""
    routine, _ = folder.routine(steps("stretch: heel-raise"), name="evening-calves")
    assert routine is not None and routine.id == "evening-calves"


def test_routine_id_given_wins_over_the_file_name(folder: Folder) -> None:
    """id: in the file names the routine, whatever the file is called."""
    folder.write("builtin/calf/file-name.yaml", HEAD.replace("format: 1\n", "format: 1\nid: "
                 "given-id\n") + "steps:\n  - stretch: heel-raise\n")
    assert set(folder.load().routines) == {"given-id"}


def test_file_name_that_is_no_id_needs_an_id_key(folder: Folder) -> None:
    """A file name that is not a valid id is an error unless id: is given."""
    _, messages = folder.routine(steps("stretch: heel-raise"), name="My_Routine")
    assert messages == ["the file name 'My_Routine' cannot be the routine's id (lowercase "
                        "letters, digits and single dashes): rename the file, or add an "
                        "'id:' key"]


def test_user_routine_replaces_the_built_in_one_with_its_id(folder: Folder) -> None:
    """A user routine whose id is a built-in one's replaces it, without an error."""
    folder.write("builtin/calf/calf-relief.yaml", steps("stretch: heel-raise"))
    folder.write("user/mine.yaml", HEAD.replace("Test routine", "Mine").replace(
        "format: 1\n", "format: 1\nid: calf-relief\n") + "steps:\n  - stretch: heel-raise\n")
    library = folder.load()
    assert library.problems == []
    routine = library.routines["calf-relief"]
    assert (routine.title, routine.builtin) == ("Mine", False)


def test_user_stretch_replaces_the_built_in_one_everywhere(folder: Folder) -> None:
    """A user stretch with a built-in id is the one every routine, built-in too, uses."""
    folder.write("builtin/calf/calf-relief.yaml", steps("stretch: heel-raise"))
    folder.write("user/stretches.yaml", "format: 1\nstretches:\n  - id: heel-raise\n"
                 "    name: My heel raises\n    group: calf\n    instructions: My way.\n")
    library = folder.load()
    assert library.problems == []
    assert library.stretches["heel-raise"].builtin is False
    assert library.routines["calf-relief"].steps[0].stretch.name == "My heel raises"


def test_duplicate_routine_ids_in_one_folder_are_an_error(folder: Folder) -> None:
    """Two files of one folder with the same routine id: the second is refused."""
    first = folder.write("builtin/calf/a.yaml", HEAD.replace(
        "format: 1\n", "format: 1\nid: same\n") + "steps:\n  - stretch: heel-raise\n")
    second = folder.write("builtin/calf/b.yaml", HEAD.replace(
        "format: 1\n", "format: 1\nid: same\n") + "steps:\n  - stretch: heel-raise\n")
    library = folder.load()
    [problem] = library.problems
    assert (problem.path, problem.line, problem.column) == (second, 2, 5)
    assert problem.message == f"duplicate routine id 'same': already defined at {first}:2"
    assert library.routines["same"].source == first


def test_duplicate_stretch_ids_across_catalogues_are_an_error(folder: Folder) -> None:
    """A stretch id defined in two catalogues of one folder is refused in the second."""
    other = folder.write("builtin/stretches/other.yaml", "format: 1\nstretches:\n"
                         "  - id: heel-raise\n    name: Again\n    group: calf\n"
                         "    instructions: Again.\n")
    library = folder.load()
    [problem] = library.problems
    assert problem.path == other and problem.line == 3
    assert problem.message.startswith("duplicate stretch id 'heel-raise': already defined at ")
    assert library.stretches["heel-raise"].name == "Heel raises"


def test_duplicate_stretch_ids_in_one_catalogue_are_an_error(folder: Folder) -> None:
    """A catalogue that defines an id twice is told where the first one is."""
    folder.write("builtin/stretches/catalogue.yaml", CATALOGUE + (
        "  - id: heel-raise\n    name: Again\n    group: calf\n    instructions: Again.\n"))
    [problem] = folder.load().problems
    assert (problem.line, problem.message) == (
        13, "duplicate stretch id 'heel-raise': stretch 1 (line 3) already has it")


def test_broken_file_never_stops_the_others(folder: Folder) -> None:
    """One broken routine is reported; the other routines still load."""
    folder.write("builtin/calf/good.yaml", steps("stretch: heel-raise"))
    folder.write("builtin/calf/bad.yaml", "format: 1\ntitle: [\n")
    library = folder.load()
    assert set(library.routines) == {"good"}
    assert [r.path.name for r in library.broken_files] == ["bad.yaml"]


# --- the routine's own fields ----------------------------------------------


def test_routine_fields_and_cue_defaults(folder: Folder) -> None:
    """title, group, kind, description and safety are kept; cues have their defaults."""
    text = HEAD + "description: >\n  Two\n  lines.\nsafety: Stop if it hurts.\n" + \
        "steps:\n  - stretch: heel-raise\n"
    routine = ok(folder, text)
    assert (routine.title, routine.group, routine.kind, routine.description, routine.safety) == (
        "Test routine", "calf", Kind.COOL_DOWN, "Two lines.", "Stop if it hurts.")
    assert (routine.cues.countdown, routine.cues.halfway, routine.cues.voice) == (3, False, True)


@pytest.mark.parametrize("kind", ["warm-up", "cool-down", "relief"])
def test_each_kind_is_accepted(folder: Folder, kind: str) -> None:
    """kind is one of warm-up, cool-down and relief."""
    assert ok(folder, steps("stretch: heel-raise").replace("cool-down", kind)).kind == kind


@pytest.mark.parametrize(("old", "new", "message"), [
    ("kind: cool-down", "kind: warmup",
     "kind must be one of warm-up, cool-down, relief, got 'warmup' (did you mean 'warm-up'?)"),
    ("format: 1", "format: 2",
     "format 2 is newer than this version of stretchapp can read (it reads format 1)"),
    ("title: Test routine", "title: ''", "title must not be empty"),
    ("title: Test routine", "title: " + "x" * 81, "title must be at most 80 characters, got 81"),
    ("group: calf", "group: Upper Back",
     "group must be lowercase letters, digits and single dashes (like calf or upper-back), "
     "got 'Upper Back' (did you mean 'upper-back'?)"),
    ("title: Test routine\n", "", "missing required key 'title'"),
])
def test_bad_routine_fields_are_refused(folder: Folder, old: str, new: str,
                                        message: str) -> None:
    """The routine's own fields are checked with a message for each."""
    assert refused(folder, steps("stretch: heel-raise").replace(old, new)) == [message]


@pytest.mark.parametrize(("cues", "good"), [
    ("{countdown: 0}", True), ("{countdown: 10, halfway: true, voice: false}", True),
    ("{countdown: 20}", False), ("{countdown: -1}", False), ("{beep: true}", False),
    ("[countdown]", False),
])
def test_cues(folder: Folder, cues: str, good: bool) -> None:
    """cues: takes countdown 0-10, halfway and voice, and nothing else."""
    text = HEAD + f"cues: {cues}\nsteps:\n  - stretch: heel-raise\n"
    if good:
        ok(folder, text)
    else:
        refused(folder, text)


def test_unknown_keys_are_errors_with_did_you_mean(folder: Folder) -> None:
    """Unknown keys are never ignored: each is reported, with the key it resembles."""
    messages = refused(folder, steps("stretch: heel-raise\n    hodl: 30s\n    repz: 2"))
    assert messages == ["unknown key 'hodl' in step 1 (did you mean 'hold'?)",
                        "unknown key 'repz' in step 1 (did you mean 'reps'?)"]


def test_every_problem_of_a_file_is_reported_at_once(folder: Folder) -> None:
    """Schema errors do not hide the catalogue and cross-field errors of other steps."""
    text = (HEAD.replace("cool-down", "warmup") + "steps:\n"
            "  - stretch: wall-calf-strech\n    hodl: 30s\n"
            "  - stretch: heel-raise\n    reps: 0\n    sides: left\n"
            "  - name: Towel stretch\n")
    assert refused(folder, text) == [
        "kind must be one of warm-up, cool-down, relief, got 'warmup' (did you mean 'warm-up'?)",
        "unknown stretch 'wall-calf-strech' in step 1 (did you mean 'wall-calf-stretch'?)",
        "unknown key 'hodl' in step 1 (did you mean 'hold'?)",
        "reps must be at least 1, got 0",
        "sides is only for a sided stretch, and 'Heel raises' has no sides",
        "step 3 needs 'stretch: <catalogue id>', or 'name' and 'instructions' for an inline "
        "stretch (missing instructions)",
    ]


# --- the catalogue -------------------------------------------------------------


@pytest.mark.parametrize(("entry", "message"), [
    ("  - id: Towel Stretch\n    name: T\n    group: calf\n    instructions: Pull.\n",
     "id must be lowercase letters, digits and single dashes (like wall-calf-stretch), "
     "got 'Towel Stretch' (did you mean 'towel-stretch'?)"),
    ("  - id: towel\n    name: T\n    group: calf\n", "missing required key 'instructions' "
     "in stretch 3"),
    ("  - id: towel\n    name: T\n    group: calf\n    instructions: Pull.\n    hold: 30s\n",
     "unknown key 'hold' in stretch 3 (the keys here are caution, group, id, image, "
     "image_right, instructions, name, pose, say, sided, spoken_name)"),
    ("  - id: towel\n    name: T\n    group: calf\n    instructions: Pull.\n"
     "    image_right: r.png\n", "image_right is only for a sided stretch (sided: true)"),
])
def test_catalogue_entry_rules(folder: Folder, entry: str, message: str) -> None:
    """A catalogue entry needs a valid id, name, group and instructions, nothing unknown."""
    path = folder.write("builtin/stretches/catalogue.yaml", CATALOGUE + entry)
    report = next(r for r in folder.load().files if r.path == path)
    assert message in [p.message for p in report.problems]
    assert not report.loaded


# --- whole-file problems ---------------------------------------------------


@pytest.mark.parametrize(("content", "where", "message"), [
    (HEAD.encode() + b"description: caf\xe9\nsteps: []\n", (5, 17),
     "file is not UTF-8 text (byte 0xe9): save it with the UTF-8 encoding"),
    ("- stretch: heel-raise\n", (1, 1),
     "a routine file must be a mapping of keys to values at the top level, got a list"),
    ("just some words\n", (1, 1), "a routine file must be a mapping of keys to values at "
     "the top level, got 'just some words'"),
    ("format: 1\ntitle: [unclosed\n", (2, 8),
     "YAML syntax error: a list opened with '[' is not closed with ']'"),
    (HEAD + "steps: !!python/object/apply:os.system ['true']\n", (5, 8),
     "tag '!!python/object/apply:os.system' is not allowed: only plain YAML data is read"),
    (HEAD + "steps:\n  - !!python/object:builtins.dict {}\n", (6, 5),
     "tag '!!python/object:builtins.dict' is not allowed: only plain YAML data is read"),
    ("", (1, 1), "file is empty"),
    ("# only a comment\n", (1, 1), "file is empty"),
    (HEAD + "steps:\n  - stretch: heel-raise\nstretches: []\n", (7, 1),
     "a file is either a routine (steps:) or a stretch catalogue (stretches:), not both"),
    ("format: 1\n", (1, 1), "not a routine or a stretch catalogue: a routine needs "
     "'steps:', a catalogue 'stretches:'"),
])
def test_file_level_problems(folder: Folder, content: str | bytes, where: tuple[int, int],
                             message: str) -> None:
    """A file that cannot be read as a routine at all says why, at the line where known."""
    path = folder.write("builtin/calf/broken.yaml", content)
    report = next(r for r in folder.load().files if r.path == path)
    assert [(p.line, p.column, p.message) for p in report.problems] == [(*where, message)]
    assert not report.loaded


def test_file_over_one_mebibyte_is_refused_unread(folder: Folder) -> None:
    """A file larger than 1 MiB is refused by its size alone."""
    path = folder.write("builtin/calf/huge.yaml", "# " + "x" * (1024 * 1024) + "\n")
    report = next(r for r in folder.load().files if r.path == path)
    assert [(p.line, p.message) for p in report.problems] == [
        (0, "file is 1.0 MiB, larger than the 1 MiB limit")]


def test_file_of_exactly_one_mebibyte_is_read(folder: Folder) -> None:
    """The limit itself is allowed: a 1 MiB file is read (here: a long description)."""
    body = steps("stretch: heel-raise") + "description: "
    text = body + "x" * (1024 * 1024 - len(body) - 1) + "\n"
    assert len(text.encode()) == 1024 * 1024
    ok(folder, text)
