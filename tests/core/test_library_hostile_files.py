"""One hostile or odd file in the user's folder costs that file, never the library.

Uses the real built-in library next to a user folder in tmp_path.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from stretchapp.core.loading.library import Library, load_library, scan_folder
from stretchapp.core.sound.cue_sounds import WavError, read_wav_info

HEAD = "format: 1\ntitle: Mine\ngroup: calf\nkind: relief\n"
GOOD = HEAD.replace("Mine", "Good one") + "id: good-one\nsteps:\n  - stretch: wall-calf-stretch\n"
DIGITS = "9" * 4301


def _load(user: Path) -> Library:
    return load_library(user_dir=user)


def _messages(library: Library, name: str) -> list[str]:
    return [p.message for r in library.files if r.path.name == name for p in r.problems]


@pytest.mark.parametrize("value", [DIGITS, f'!!int "{DIGITS}"', f"-{DIGITS}"],
                         ids=["plain", "tagged", "negative"])
def test_a_4301_digit_number_costs_only_its_own_file(tmp_path: Path, value: str) -> None:
    """reps: with 4,301 digits (plain or !!int) is one problem; built-ins and others load."""
    user = tmp_path / "routines"
    user.mkdir()
    (user / "huge.yaml").write_text(
        HEAD + f"id: huge\nsteps:\n  - stretch: wall-calf-stretch\n    reps: {value}\n",
        encoding="utf-8")
    (user / "good.yaml").write_text(GOOD, encoding="utf-8")
    library = _load(user)
    assert "calf-relief" in library.routines and "good-one" in library.routines
    assert "huge" not in library.routines
    [message] = _messages(library, "huge.yaml")
    assert "4301 digits" in message and DIGITS[:100] not in message


def test_a_5000_character_value_is_not_echoed_in_full(tmp_path: Path) -> None:
    """A long bad value is quoted short, with its length, not printed whole."""
    user = tmp_path / "routines"
    user.mkdir()
    (user / "long.yaml").write_text(
        HEAD + "id: long\nsteps:\n  - stretch: wall-calf-stretch\n    hold: " + "x" * 5000
        + "\n", encoding="utf-8")
    messages = _messages(_load(user), "long.yaml")
    assert messages and all(len(m) < 400 for m in messages), messages


@pytest.mark.parametrize("hold", ["0x10", "1:30", "1m61s", "\u0661\u0662", "1_0"])
def test_durations_the_format_does_not_allow_are_refused(tmp_path: Path, hold: str) -> None:
    """0x10, 1:30 (YAML 1.1 numbers), 1m61s and Arabic-Indic digits are not durations."""
    user = tmp_path / "routines"
    user.mkdir()
    (user / "odd.yaml").write_text(
        HEAD + f"id: odd\nsteps:\n  - stretch: wall-calf-stretch\n    hold: {hold}\n",
        encoding="utf-8")
    library = _load(user)
    assert "odd" not in library.routines
    assert any("duration" in m for m in _messages(library, "odd.yaml"))


def test_plain_durations_still_read(tmp_path: Path) -> None:
    """45, 45s, 2m and 1m30s stay durations after the stricter rules."""
    user = tmp_path / "routines"
    user.mkdir()
    steps = "".join(f"  - stretch: wall-calf-stretch\n    hold: {h}\n"
                    for h in ("45", "45s", "2m", "1m30s"))
    (user / "fine.yaml").write_text(HEAD + "id: fine\nsteps:\n" + steps, encoding="utf-8")
    routine = _load(user).routines["fine"]
    assert [s.hold for s in routine.steps] == [45, 45, 120, 90]


def test_a_fifo_in_the_folder_is_reported_and_does_not_hang(tmp_path: Path) -> None:
    """A FIFO named .yaml is a problem for that name; the load goes on."""
    user = tmp_path / "routines"
    user.mkdir()
    os.mkfifo(user / "pipe.yaml")
    (user / "good.yaml").write_text(GOOD, encoding="utf-8")
    library = _load(user)
    assert "good-one" in library.routines
    assert any("pipe (FIFO)" in m for m in _messages(library, "pipe.yaml"))


def test_links_that_loop_or_lead_nowhere_are_reported(tmp_path: Path) -> None:
    """A self-looping link, a dangling one and a folder link back up are each named."""
    user = tmp_path / "routines"
    (user / "sub").mkdir(parents=True)
    (user / "loop.yaml").symlink_to("loop.yaml")
    (user / "gone.yaml").symlink_to("nowhere.yaml")
    (user / "sub" / "up").symlink_to("..")
    (user / "good.yaml").write_text(GOOD, encoding="utf-8")
    files, problems = scan_folder(user)
    assert files == [user / "good.yaml"]
    said = {p.path.name: p.message for p in problems}
    assert "leads nowhere" in said["loop.yaml"] and "leads nowhere" in said["gone.yaml"]
    assert "loop of links" in said["up"]
    assert "good-one" in _load(user).routines


def test_a_linked_folder_is_read(tmp_path: Path) -> None:
    """A subfolder that is a link to a folder elsewhere is followed, not skipped."""
    elsewhere = tmp_path / "synced"
    elsewhere.mkdir()
    (elsewhere / "good.yaml").write_text(GOOD, encoding="utf-8")
    user = tmp_path / "routines"
    user.mkdir()
    (user / "synced").symlink_to(elsewhere)
    assert "good-one" in _load(user).routines


def test_a_link_to_a_file_that_is_not_yaml_is_not_read(tmp_path: Path) -> None:
    """A .yaml link to another kind of file is refused, so its text is never echoed."""
    secret = tmp_path / "notes.txt"
    secret.write_text("my secret: do not show\n", encoding="utf-8")
    user = tmp_path / "routines"
    user.mkdir()
    (user / "notes.yaml").symlink_to(secret)
    library = _load(user)
    messages = _messages(library, "notes.yaml")
    assert messages and "not a .yaml file" in messages[0]
    assert not any("secret" in m for r in library.files for p in r.problems
                   for m in [p.message])


@pytest.mark.skipif(os.geteuid() == 0, reason="running as root: file modes do not apply")
def test_an_unreadable_subfolder_is_reported(tmp_path: Path) -> None:
    """A subfolder that cannot be read is named, with what that costs."""
    user = tmp_path / "routines"
    (user / "locked").mkdir(parents=True)
    (user / "locked").chmod(0)
    try:
        _, problems = scan_folder(user)
    finally:
        (user / "locked").chmod(0o755)
    assert any("cannot be read" in p.message for p in problems)


def test_a_duplicate_id_still_names_where_it_was_first_defined(tmp_path: Path) -> None:
    """The duplicate message gives the first file and its line (found lazily now)."""
    user = tmp_path / "routines"
    user.mkdir()
    (user / "a.yaml").write_text(GOOD, encoding="utf-8")
    (user / "b.yaml").write_text(GOOD, encoding="utf-8")
    [message] = _messages(_load(user), "b.yaml")
    assert f"already defined at {user / 'a.yaml'}:5" in message


def test_a_whitespace_only_title_is_refused(tmp_path: Path) -> None:
    """A title of spaces only is 'empty', not a routine with a blank card."""
    user = tmp_path / "routines"
    user.mkdir()
    (user / "blank.yaml").write_text(GOOD.replace("title: Good one", 'title: "   "'),
                                     encoding="utf-8")
    library = _load(user)
    assert "good-one" not in library.routines
    assert any("title must not be empty" in m for m in _messages(library, "blank.yaml"))


def test_a_fifo_named_like_a_cue_sound_is_refused_not_waited_on(tmp_path: Path) -> None:
    """read_wav_info on a FIFO raises WavError at once instead of blocking in open()."""
    fifo = tmp_path / "cue.wav"
    os.mkfifo(fifo)
    with pytest.raises(WavError, match="not a regular file"):
        read_wav_info(fifo)
