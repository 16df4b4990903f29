"""Every command's error path ends in one clear line and a non-zero exit, never a traceback.

Commands run in-process with a temporary home, except those that could hang or
exhaust memory before the fix (a FIFO, /dev/zero), which run as real processes
with a timeout.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from stretchapp import cli
from stretchapp.core.storage import paths

STRETCH = "calf-pedal"


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    """Exit code, stdout and stderr of one in-process `stretchapp` command."""
    code = cli.main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def run_process(*args: str, timeout: float = 60) -> subprocess.CompletedProcess[str]:
    """One `python -m stretchapp` process, failing the test if it does not end in time."""
    env = dict(os.environ, PYTHONPATH=str(Path(cli.__file__).resolve().parent.parent))
    return subprocess.run([sys.executable, "-m", "stretchapp", *args], capture_output=True,
                          text=True, timeout=timeout, env=env, check=False)


def one_error_line(err: str, command: str) -> str:
    """The single 'stretchapp CMD: error: ...' line of stderr (and that there is no traceback)."""
    assert "Traceback" not in err
    lines = [line for line in err.splitlines() if line.strip()]
    assert len(lines) == 1, err
    assert lines[0].startswith(f"stretchapp {command}: error: "), err
    return lines[0]


@pytest.mark.usefixtures("home")
@pytest.mark.parametrize(("args", "said"), [
    (("render", STRETCH, "-o", "/missing-dir/x.png"), "/missing-dir does not exist"),
    (("render", STRETCH, "-o", "x.png", "--size", "0"), "--size must be between"),
    (("render", STRETCH, "-o", "x.png", "--size", "-5"), "got -5"),
    (("render", STRETCH, "-o", "x.png", "--size", "100000"), "got 100000"),
    (("render", STRETCH, "-o", "x.bmp"), "must end in .svg or .png"),
    (("render", "no-such-stretch", "-o", "x.png"), "no stretch with id"),
    (("schema", "-o", "/proc/nope/s.json"), "cannot write /proc/nope/s.json"),
    (("new", "a" * 81, "--from", "calf-relief"), "at most 80 characters"),
    (("new", "mine", "--from", "no-such-routine"), "no routine with id"),
    (("export", "no-such-routine", "-o", "x.zip"), "no routine with id"),
    (("import", "missing.zip"), "no such file"),
    (("import", "notes.txt"), "import takes a .yaml or .zip file"),
], ids=lambda v: "-".join(v) if isinstance(v, tuple) else None)
def test_each_error_is_one_line_with_a_non_zero_exit(capsys: pytest.CaptureFixture[str],
                                                     tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch,
                                                     args: tuple[str, ...], said: str) -> None:
    """The command exits 1 with one 'stretchapp CMD: error:' line saying what is wrong."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "notes.txt").write_text("hello", encoding="utf-8")
    code, out, err = run(capsys, *args)
    assert code == 1 and out == ""
    assert said in one_error_line(err, args[0])


@pytest.mark.parametrize(("home_of", "said"), [
    (lambda tmp: tmp / "missing" / "home", "is not a folder that exists"),
    (lambda tmp: tmp / "a-file", "is not a folder"),
])
@pytest.mark.parametrize("command", [("list",), ("validate",), ("new", "mine", "--from",
                                                                 "calf-relief")])
def test_a_home_that_cannot_be_used_says_so(capsys: pytest.CaptureFixture[str], tmp_path: Path,
                                            home_of: object, said: str,
                                            command: tuple[str, ...]) -> None:
    """--home with a missing parent or naming a file is an error, not the built-ins alone."""
    (tmp_path / "a-file").write_text("not a folder", encoding="utf-8")
    home = home_of(tmp_path)  # type: ignore[operator]
    code, out, err = run(capsys, "--home", str(home), *command)
    assert code == 2 and out == ""
    assert said in one_error_line(err, command[0])


@pytest.mark.parametrize("blocked", ["routines", "cache"])
def test_new_and_import_with_a_file_in_the_homes_place_of_a_folder(
        capsys: pytest.CaptureFixture[str], tmp_path: Path, blocked: str) -> None:
    """routines/ or cache/ being a file ends new and import in one line each."""
    home = tmp_path / "home"
    home.mkdir()
    (home / blocked).write_text("a file, not a folder", encoding="utf-8")
    shared = tmp_path / "shared.yaml"
    shared.write_text("format: 1\nid: shared\ntitle: Shared\ngroup: calf\nkind: relief\n"
                      "steps:\n  - stretch: wall-calf-stretch\n", encoding="utf-8")
    for args in (("new", "mine", "--from", "calf-relief"), ("import", str(shared))):
        code, out, err = run(capsys, "--home", str(home), *args)
        if blocked == "cache" and args[0] == "new":
            assert code == 0  # new does not need the cache
            continue
        assert code == 1, (args, out, err)
        assert f"{home / blocked} is a file where a folder is needed" in one_error_line(
            err, args[0])


def test_validate_a_folder_with_a_self_looping_link(capsys: pytest.CaptureFixture[str],
                                                    tmp_path: Path) -> None:
    """A link to itself is reported as a problem of that file, not a RuntimeError."""
    folder = tmp_path / "mine"
    folder.mkdir()
    (folder / "loop.yaml").symlink_to("loop.yaml")
    (folder / "loop").symlink_to("loop")
    code, _, err = run(capsys, "--home", str(tmp_path / "home"), "validate", str(folder))
    assert code == 1 and "Traceback" not in err
    assert "loop.yaml: error: a link that leads nowhere" in err


@pytest.mark.parametrize("target", ["/dev/zero", "fifo.yaml"])
def test_validate_a_device_or_a_fifo_ends_at_once(tmp_path: Path, target: str) -> None:
    """validate /dev/zero and validate FIFO end with a clear problem, not memory or a hang."""
    if target == "fifo.yaml":
        os.mkfifo(tmp_path / target)
        target = str(tmp_path / target)
    done = run_process("--home", str(tmp_path / "home"), "validate", target)
    assert done.returncode == 1 and "Traceback" not in done.stderr
    assert "not a regular file: only regular files are read" in done.stderr


def test_import_a_fifo_zip_ends_at_once(tmp_path: Path) -> None:
    """import FIFO.zip is refused in one line instead of waiting for ever."""
    os.mkfifo(tmp_path / "shared.zip")
    done = run_process("--home", str(tmp_path / "home"), "import", str(tmp_path / "shared.zip"))
    assert done.returncode == 1
    assert "not a regular file" in one_error_line(done.stderr, "import")


def test_version_is_printed(tmp_path: Path) -> None:
    """stretchapp --version names the app and its version."""
    done = run_process("--version")
    assert done.returncode == 0 and done.stdout.startswith("stretchapp ")


def test_run_help_describes_its_argument(capsys: pytest.CaptureFixture[str]) -> None:
    """run --help says what ID is and where to find one."""
    with pytest.raises(SystemExit) as exit_code:
        cli.main(["run", "--help"])
    out = capsys.readouterr().out
    assert exit_code.value.code == 0
    assert "the id of the routine to play" in out and "stretchapp list" in out


HIDING = "Calm \x1b]0;owned\x07\x1b[8mhidden\u202eevil"


@pytest.mark.usefixtures("home")
def test_control_characters_in_titles_are_shown_escaped(capsys: pytest.CaptureFixture[str],
                                                        home: Path, tmp_path: Path) -> None:
    """list, validate and the import summary never send a file's escape codes to the terminal."""
    escaped = HIDING.replace("\x1b", "\\x1b").replace("\x07", "\\x07").replace(
        "\u202e", "\\u202e")
    text = ('format: 1\nid: sneaky\ntitle: "Calm \\e]0;owned\\a\\e[8mhidden\\u202Eevil"\n'
            "group: calf\nkind: relief\nsteps:\n  - stretch: wall-calf-stretch\n")
    shared = tmp_path / "sneaky.yaml"
    shared.write_text(text, encoding="utf-8")
    code, out, err = run(capsys, "import", str(shared))
    assert code == 0 and escaped in out and "\x1b" not in out + err
    code, out, err = run(capsys, "list")
    assert code == 0 and escaped in out and "\x1b" not in out + err
    (home / "routines" / "bad.yaml").write_text(text.replace("sneaky", "bad").replace(
        "kind: relief", 'kind: "\\e[2Jwipe"'), encoding="utf-8")
    code, out, err = run(capsys, "validate")
    assert code == 1 and "\\x1b[2Jwipe" in err and "\x1b" not in out + err


def test_safe_keeps_ordinary_text_and_escapes_each_control_character() -> None:
    """Letters, accents and emoji pass; C0, DEL, C1 and bidi controls are escaped."""
    assert cli.safe("Étirement du mollet 🦵") == "Étirement du mollet 🦵"
    assert cli.safe("a\tb\nc\x7f\x9b\u2066") == "a\\tb\\nc\\x7f\\x9b\\u2066"


def test_a_new_account_without_a_config_folder_gets_its_home_made(
        capsys: pytest.CaptureFixture[str], tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    """With no home named and no ~/.config yet, the default home is made, not refused."""
    monkeypatch.delenv(paths.HOME_VARIABLE, raising=False)
    monkeypatch.delenv("XDG_CONFIG_HOME", raising=False)
    monkeypatch.setenv("HOME", str(tmp_path))
    home = tmp_path / ".config" / "stretchapp"
    assert paths.home_dir() == home and not home.parent.exists()
    code, _, err = run(capsys, "new", "mine", "--from", "calf-relief")
    assert code == 0, err
    assert (home / "routines" / "mine.yaml").is_file()
