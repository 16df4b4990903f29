"""The `stretchapp` command line: list, validate, schema, new, render, export and import.

Commands run in-process through stretchapp.cli.main with a temporary home;
`python -m stretchapp` runs once as a real process.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st

from stretchapp import cli
from stretchapp.core.loading.library import find_files, load_library
from stretchapp.core.storage import paths

GROUPS = ("calf", "back", "neck")
# The library lists each group's routines in file order; the everyday ones join
# their group (calf, neck) or come after the three in groups of their own.
BUILTIN_IDS = [
    "calf-warm-up", "bedtime-calf", "calf-cool-down", "calf-relief", "night-cramp-relief",
    "back-warm-up", "back-cool-down", "back-relief",
    "neck-warm-up", "neck-cool-down", "desk-neck-relief", "neck-relief",
    "desk-break", "gentle-seated", "pre-run-warm-up", "post-run-cool-down", "long-journey"]

SMALL_CATALOGUE = """\
format: 1
stretches:
  - id: heel-raise
    name: Heel raises
    group: calf
    instructions: Rise onto your toes and lower slowly.
"""
SMALL_ROUTINE = """\
format: 1
title: Small routine
group: calf
kind: warm-up
steps:
  - stretch: heel-raise
    count: 10
    tempo: 2s
"""
BROKEN_ROUTINE = """\
format: 1
title: Broken
group: calf
kind: warmup
steps:
  - stretch: heel-raise
    hodl: 30s
"""


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    """Exit code, stdout and stderr of one in-process `stretchapp` command."""
    code = cli.main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def small_builtins(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A clean built-in folder of one catalogue and one routine, instead of the real one."""
    folder = tmp_path / "builtin"
    (folder / "stretches").mkdir(parents=True)
    (folder / "stretches" / "calf.yaml").write_text(SMALL_CATALOGUE, encoding="utf-8")
    (folder / "calf").mkdir()
    (folder / "calf" / "small.yaml").write_text(SMALL_ROUTINE, encoding="utf-8")
    monkeypatch.setattr(paths, "builtin_routines_dir", lambda: folder)
    return folder


# --- list ------------------------------------------------------------------------


@pytest.mark.usefixtures("home")
def test_list_prints_a_table_of_the_builtin_routines(capsys: pytest.CaptureFixture[str]) -> None:
    """list prints a header and one row per routine, grouped calf, back, neck."""
    code, out, err = run(capsys, "list")
    lines = out.splitlines()
    assert (code, err) == (0, "")
    assert lines[0].split() == ["id", "group", "kind", "steps", "total", "source", "title",
                                "needs"]
    assert [line.split()[0] for line in lines[1:]] == BUILTIN_IDS
    assert all(line.split()[5] == "built-in" for line in lines[1:])
    assert next(line for line in lines if line.startswith("calf-cool-down")).endswith(
        "a wall, a step or stair, a mat, a towel")
    assert next(line for line in lines if line.startswith("desk-break ")).endswith("a chair")


@pytest.mark.usefixtures("home")
def test_list_json_gives_every_field(capsys: pytest.CaptureFixture[str]) -> None:
    """list --json prints a JSON list whose totals agree with their seconds."""
    code, out, _ = run(capsys, "list", "--json")
    rows = json.loads(out)
    assert code == 0
    assert [row["id"] for row in rows] == BUILTIN_IDS
    for row in rows:
        assert set(row) == {"id", "group", "kind", "steps", "total", "seconds", "source",
                            "title", "needs"}
        assert all(isinstance(need, str) for need in row["needs"])
        minutes, seconds = row["total"].split(":")
        assert int(minutes) * 60 + int(seconds) == row["seconds"]
        assert row["steps"] >= 1 and row["source"] == "built-in"


@pytest.mark.usefixtures("home")
def test_list_stretches_table_and_json(capsys: pytest.CaptureFixture[str]) -> None:
    """list --stretches shows the catalogue, as a table or as JSON."""
    code, out, _ = run(capsys, "list", "--stretches")
    lines = out.splitlines()
    assert code == 0
    assert lines[0].split() == ["id", "group", "sided", "name", "source"]
    assert len(lines) - 1 >= 24
    code, out, _ = run(capsys, "list", "--stretches", "--json")
    rows = json.loads(out)
    assert code == 0 and len(rows) == len(lines) - 1
    assert {row["group"] for row in rows} == {*GROUPS, "legs"}
    assert all(isinstance(row["sided"], bool) for row in rows)


def test_list_shows_user_routines_and_notes_broken_files(
        home: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A user routine is listed as 'user'; a broken user file is noted on stderr only."""
    (home / "routines" / "mine.yaml").write_text(
        SMALL_ROUTINE, encoding="utf-8")
    (home / "routines" / "broken.yaml").write_text(BROKEN_ROUTINE, encoding="utf-8")
    code, out, err = run(capsys, "list", "--json")
    rows = {row["id"]: row for row in json.loads(out)}
    assert code == 0
    assert rows["mine"]["source"] == "user"
    assert "broken" not in rows
    assert err == "1 file(s) could not be loaded: run 'stretchapp validate' for details\n"


# --- validate ------------------------------------------------------------------


@pytest.mark.usefixtures("home")
def test_validate_the_builtin_library_is_clean(capsys: pytest.CaptureFixture[str]) -> None:
    """validate with no path checks the whole library and finds nothing wrong in it."""
    code, out, err = run(capsys, "validate")
    files = len(find_files(paths.builtin_routines_dir()))
    assert (code, out, err) == (0, f"{files} file(s) checked, no errors\n", "")


@pytest.mark.usefixtures("small_builtins")
def test_validate_clean_library_exits_0(home: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A clean library, user files included, exits 0 and says so on stdout."""
    (home / "routines" / "mine.yaml").write_text(SMALL_ROUTINE, encoding="utf-8")
    assert run(capsys, "validate") == (0, "3 file(s) checked, no errors\n", "")


@pytest.mark.usefixtures("small_builtins")
def test_validate_reports_user_files_from_home_option(
        tmp_path: Path, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    """--home DIR chooses the user folder that validate checks with the built-ins."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "other-home" / "routines").mkdir(parents=True)
    Path("other-home/routines/broken.yaml").write_text(BROKEN_ROUTINE, encoding="utf-8")
    code, out, err = run(capsys, "--home", "other-home", "validate")
    assert (code, out) == (1, "")
    assert err.splitlines() == [
        "other-home/routines/broken.yaml:4:7: error: kind must be one of warm-up, cool-down, "
        "relief, got 'warmup' (did you mean 'warm-up'?)",
        "other-home/routines/broken.yaml:7:5: error: unknown key 'hodl' in step 1 "
        "(did you mean 'hold'?)",
        "2 error(s) in 1 of 3 file(s)",
    ]


@pytest.mark.usefixtures("small_builtins")
def test_validate_reads_the_home_from_the_environment(
        home: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """STRETCHAPP_HOME chooses the user folder when --home is not given."""
    (home / "routines" / "broken.yaml").write_text(BROKEN_ROUTINE, encoding="utf-8")
    code, _, err = run(capsys, "validate")
    assert code == 1
    assert err.splitlines()[-1] == "2 error(s) in 1 of 3 file(s)"


@pytest.mark.usefixtures("small_builtins", "home")
def test_validate_paths(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                        monkeypatch: pytest.MonkeyPatch) -> None:
    """validate PATH... checks those files and folders, paths shown as given."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "work").mkdir()
    Path("work/good.yaml").write_text(SMALL_ROUTINE, encoding="utf-8")
    assert run(capsys, "validate", "work/good.yaml") == (0, "1 file(s) checked, no errors\n", "")
    Path("work/bad.yaml").write_text(BROKEN_ROUTINE, encoding="utf-8")
    code, out, err = run(capsys, "validate", "work")
    assert (code, out) == (1, "")
    assert err.splitlines()[0].startswith("work/bad.yaml:4:7: error: kind must be one of")
    assert err.splitlines()[-1] == "2 error(s) in 1 of 2 file(s)"


@pytest.mark.usefixtures("small_builtins", "home")
def test_validate_exits_0_on_warnings_only(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    """A missing image is a warning: printed as 'warning:', and validate still exits 0."""
    monkeypatch.chdir(tmp_path)
    Path("pictured.yaml").write_text(SMALL_ROUTINE.replace(
        "  - stretch: heel-raise", "  - stretch: heel-raise\n    image: nowhere.png"),
        encoding="utf-8")
    code, out, err = run(capsys, "validate", "pictured.yaml")
    assert code == 0, err
    assert out == "1 file(s) checked, no errors, 1 warning(s)\n"
    assert re.match(r"pictured\.yaml:\d+:\d+: warning: image 'nowhere.png' ", err)


@pytest.mark.usefixtures("small_builtins", "home")
def test_validate_missing_path(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    """A path that does not exist is an error, not a crash."""
    code, _, err = run(capsys, "validate", str(tmp_path / "nowhere.yaml"))
    assert code == 1
    assert err.splitlines()[0].endswith("nowhere.yaml: error: no such file")


@pytest.mark.usefixtures("small_builtins", "home")
def test_validate_checks_a_catalogue_file(tmp_path: Path,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    """A catalogue outside the library is checked on its own rules."""
    path = tmp_path / "cat.yaml"
    path.write_text(SMALL_CATALOGUE + SMALL_CATALOGUE.split("stretches:\n")[1],
                    encoding="utf-8")
    code, _, err = run(capsys, "validate", str(path))
    assert code == 1
    assert err.splitlines()[0].endswith(
        "cat.yaml:7:9: error: duplicate stretch id 'heel-raise': stretch 1 (line 3) "
        "already has it")


# --- schema ----------------------------------------------------------------------


def schema(capsys: pytest.CaptureFixture[str]) -> dict[str, object]:
    code, out, err = run(capsys, "schema")
    assert (code, err) == (0, "")
    loaded: dict[str, object] = json.loads(out)
    return loaded


def test_schema_is_a_valid_json_schema(capsys: pytest.CaptureFixture[str]) -> None:
    """schema prints JSON that is itself a valid draft 2020-12 JSON Schema."""
    jsonschema = pytest.importorskip("jsonschema")
    jsonschema.Draft202012Validator.check_schema(schema(capsys))


def test_schema_output_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """schema -o FILE writes the same JSON to FILE."""
    target = tmp_path / "routine.schema.json"
    code, out, _ = run(capsys, "schema", "-o", str(target))
    assert (code, out) == (0, f"wrote {target}\n")
    assert json.loads(target.read_text(encoding="utf-8")) == schema(capsys)


@pytest.mark.parametrize("path", find_files(paths.builtin_routines_dir()),
                         ids=lambda p: f"{p.parent.name}/{p.name}")
def test_every_builtin_file_validates_against_the_schema(
        path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Each built-in routine and catalogue file's data is valid under the schema."""
    jsonschema = pytest.importorskip("jsonschema")
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator(schema(capsys)).validate(data)


@pytest.mark.parametrize(("old", "new"), [
    ("kind: warm-up", "kind: warmup"), ("tempo: 2s", "tempo: 2 seconds"),
    ("count: 10", "count: 0"), ("format: 1", "format: 2"), ("    count", "    hodl: 3\n    count"),
])
def test_broken_routine_does_not_validate_against_the_schema(
        capsys: pytest.CaptureFixture[str], old: str, new: str) -> None:
    """Data the loader refuses for its shape, the schema refuses too."""
    jsonschema = pytest.importorskip("jsonschema")
    validator = jsonschema.Draft202012Validator(schema(capsys))
    assert validator.is_valid(yaml.safe_load(SMALL_ROUTINE))
    assert not validator.is_valid(yaml.safe_load(SMALL_ROUTINE.replace(old, new)))


# --- new ---------------------------------------------------------------------


def test_new_copies_a_builtin_routine_into_the_user_folder(
        home: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """new ID --from ROUTINE writes ID.yaml in the user folder; list shows it as user."""
    code, out, err = run(capsys, "new", "my-calf", "--from", "calf-relief")
    target = home / "routines" / "my-calf.yaml"
    assert (code, out, err) == (0, f"{target}\n", "")
    data = yaml.safe_load(target.read_text(encoding="utf-8"))
    original = yaml.safe_load(
        (paths.builtin_routines_dir() / "calf" / "calf-relief.yaml").read_text(encoding="utf-8"))
    assert (data["id"], data["title"]) == ("my-calf", original["title"] + " (my copy)")
    assert data["steps"] == original["steps"]
    _, out, _ = run(capsys, "list", "--json")
    rows = {row["id"]: row for row in json.loads(out)}
    assert rows["my-calf"]["source"] == "user"
    assert rows["my-calf"]["seconds"] == rows["calf-relief"]["seconds"]
    assert run(capsys, "validate", str(target))[0] == 0


def test_new_keeps_comments_and_order(home: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A copy keeps the source's comments and key order, with only id and title changed."""
    source = home / "routines" / "mine.yaml"
    source.write_text("# My own routine.\n" + SMALL_ROUTINE.replace(
        "    tempo: 2s\n", "    tempo: 2s  # slow and steady\n"), encoding="utf-8")
    assert run(capsys, "new", "mine-again", "--from", "mine")[0] == 0
    copy = (home / "routines" / "mine-again.yaml").read_text(encoding="utf-8")
    assert copy.startswith("# My own routine.\nformat: 1\nid: mine-again\n"
                           "title: Small routine (my copy)\n")
    assert re.search(r"^ *tempo: 2s +# slow and steady$", copy, re.MULTILINE)


@pytest.mark.usefixtures("home")
@pytest.mark.parametrize(("args", "message"), [
    (("new", "My Calf", "--from", "calf-relief"),
     "stretchapp new: error: 'My Calf' is not a valid id: use lowercase letters, digits and "
     "dashes, at most 80 characters, like my-calf-routine\n"),
    (("new", "calf-warm-up", "--from", "calf-relief"),
     "stretchapp new: error: a routine with id 'calf-warm-up' already exists ("),
    (("new", "mine", "--from", "calf-releif"),
     "stretchapp new: error: no routine with id 'calf-releif' (known: "),
])
def test_new_refuses_bad_and_taken_ids(capsys: pytest.CaptureFixture[str],
                                       args: tuple[str, ...], message: str) -> None:
    """new refuses an invalid id, an id in use and an unknown source, with exit 1."""
    code, out, err = run(capsys, *args)
    assert (code, out) == (1, "")
    assert err.startswith(message)


def test_new_refuses_an_existing_file(home: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """new never overwrites a file that is already in the user folder."""
    (home / "routines" / "taken.yaml").write_text("not a routine: [\n", encoding="utf-8")
    code, _, err = run(capsys, "new", "taken", "--from", "calf-relief")
    assert code == 1
    assert err == f"stretchapp new: error: {home / 'routines' / 'taken.yaml'} already exists\n"
    assert (home / "routines" / "taken.yaml").read_text(encoding="utf-8") == "not a routine: [\n"


# --- the module and the version ---------------------------------------------------


def test_python_m_stretchapp_list(tmp_path: Path) -> None:
    """`python -m stretchapp list` runs as a process and lists the built-in routines."""
    env = {**os.environ, "STRETCHAPP_HOME": str(tmp_path)}
    out = subprocess.run([sys.executable, "-m", "stretchapp", "list"], capture_output=True,
                         text=True, env=env, cwd=tmp_path, timeout=60, check=False)
    assert (out.returncode, out.stderr) == (0, "")
    assert [line.split()[0] for line in out.stdout.splitlines()[1:]] == BUILTIN_IDS


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    """--version prints the program name and version and exits 0."""
    with pytest.raises(SystemExit) as done:
        cli.main(["--version"])
    assert done.value.code == 0
    assert capsys.readouterr().out.startswith("stretchapp 0.")


# --- render, export, import ----------------------------------------------------------


@pytest.mark.usefixtures("home")
@pytest.mark.parametrize("suffix", [".svg", ".png"])
def test_render_draws_a_builtin_pose(capsys: pytest.CaptureFixture[str], tmp_path: Path,
                                     suffix: str) -> None:
    """render writes a real SVG or PNG of a stretch's pose (right side mirrored) and its path."""
    target = tmp_path / f"wall{suffix}"
    code, out, _ = run(capsys, "render", "wall-calf-stretch", "-o", str(target),
                       "--side", "right", "--size", "128")
    assert (code, out.strip()) == (0, str(target))
    data = target.read_bytes()
    if suffix == ".png":
        assert data.startswith(b"\x89PNG") and len(data) > 1000
    else:
        left = tmp_path / "left.svg"
        run(capsys, "render", "wall-calf-stretch", "-o", str(left), "--size", "128")
        assert b"<svg" in data and data != left.read_bytes()


@pytest.mark.usefixtures("home")
def test_render_draws_a_movement_where_it_is_held(capsys: pytest.CaptureFixture[str],
                                                  tmp_path: Path) -> None:
    """Without --at a movement is drawn at its hold frame (as on its card), not its start."""
    spec = load_library().stretches["heel-raise"].pose
    assert spec is not None and spec.is_movement and spec.hold > 0
    drawn = {}
    runs = (("plain", ()), ("held", ("--at", str(spec.hold))), ("start", ("--at", "0")))
    for name, extra in runs:
        target = tmp_path / f"{name}.svg"
        assert run(capsys, "render", "heel-raise", "-o", str(target), *extra)[0] == 0
        drawn[name] = target.read_text(encoding="utf-8")
    assert drawn["plain"] == drawn["held"] != drawn["start"]


@pytest.mark.usefixtures("home")
def test_render_refuses_unknown_stretches_and_formats(capsys: pytest.CaptureFixture[str],
                                                      tmp_path: Path) -> None:
    """An unknown id gets a did-you-mean, and an unknown output kind an error, exit 1."""
    code, _, err = run(capsys, "render", "wall-calf", "-o", str(tmp_path / "x.svg"))
    assert code == 1 and "did you mean 'wall-calf-stretch'?" in err
    code, _, err = run(capsys, "render", "heel-raise", "-o", str(tmp_path / "x.bmp"))
    assert code == 1 and ".svg or .png" in err
    assert not (tmp_path / "x.svg").exists() and not (tmp_path / "x.bmp").exists()


def test_export_then_import_through_the_command_line(capsys: pytest.CaptureFixture[str],
                                                     home: Path, tmp_path: Path) -> None:
    """export writes a shareable file; import adds it, and replaces only with --overwrite."""
    assert run(capsys, "new", "my-neck", "--from", "neck-relief")[0] == 0
    code, out, _ = run(capsys, "export", "my-neck", "-o", str(tmp_path / "share.zip"))
    shared = Path(out.strip())
    assert code == 0 and shared == tmp_path / "share.yaml" and "id: my-neck" in shared.read_text()
    (home / "routines" / "my-neck.yaml").unlink()
    code, out, _ = run(capsys, "import", str(shared))
    assert code == 0 and "routine 'my-neck'" in out
    assert (home / "routines" / "share.yaml").is_file()
    code, _, err = run(capsys, "import", str(shared))
    assert code == 1 and "--overwrite" in err
    assert run(capsys, "import", str(shared), "--overwrite")[0] == 0


@pytest.mark.usefixtures("home")
def test_import_reports_a_broken_file_and_writes_nothing(capsys: pytest.CaptureFixture[str],
                                                         home: Path, tmp_path: Path) -> None:
    """A broken routine is reported as file:line:column and not imported."""
    bad = tmp_path / "bad.yaml"
    bad.write_text("format: 1\ntitle: x\ngroup: calf\nkind: relief\nsteps:\n  - stretch: nope\n",
                   encoding="utf-8")
    code, _, err = run(capsys, "import", str(bad))
    assert code == 1
    assert "bad.yaml:6:14: error: unknown stretch 'nope'" in err
    assert not (home / "routines" / "bad.yaml").exists()


_WORDS = st.sampled_from(["--home", "--home=", "--home=/h", "--ho", "run", "list", "calf-relief",
                          "-x", "--", "", "--help", "/some/home", "--version", "-5", "a=b"])


@given(st.lists(_WORDS, max_size=5))
def test_the_quick_parse_of_a_plain_start_agrees_with_the_parser(argv: list[str]) -> None:
    """Whatever the words, the quick parse either declines or gives what argparse gives."""
    quick = cli.gui_arguments(argv)
    if quick is not None:
        assert vars(quick) == vars(cli.build_parser().parse_args(argv))


def test_the_quick_parse_takes_the_plain_starts() -> None:
    """`stretchapp`, `--home DIR`, `--home=DIR` and `run ID` skip building the parser."""
    for argv in ([], ["--home", "/h"], ["--home=/h"], ["run", "calf"],
                 ["--home", "/h", "run", "c"]):
        assert cli.gui_arguments(argv) is not None
    for argv in (["list"], ["--help"], ["run"], ["run", "-h"], ["--home"], ["--ho", "/h"]):
        assert cli.gui_arguments(argv) is None
