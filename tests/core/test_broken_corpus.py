"""The corpus of broken routine files: exactly what `stretchapp validate` says.

Each tests/core/broken/NAME.yaml is a mistake people make; NAME.expected holds
every line validate prints for it (`NAME.yaml:LINE:COL: error: MESSAGE`). The
files are checked against the small catalogue in broken/library/, which stands
in for the built-in one so that no message depends on the shipped catalogue.

After a deliberate change of a message, regenerate the .expected files with

    STRETCHAPP_UPDATE_EXPECTED=1 python -m pytest tests/core/test_broken_corpus.py

and read the diff: every line must point at the offending node and say plainly
what is wrong.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from stretchapp import cli
from stretchapp.core.storage import paths

CORPUS = Path(__file__).resolve().parent / "broken"
CASES = sorted(CORPUS.glob("*.yaml"))
UPDATE = bool(os.environ.get("STRETCHAPP_UPDATE_EXPECTED"))
SUMMARY = re.compile(r"^\d+ error\(s\) in \d+ of \d+ file\(s\)(, \d+ warning\(s\))?$")
WARNINGS_ONLY = re.compile(r"^\d+ file\(s\) checked, no errors, \d+ warning\(s\)\n$")
LINE = re.compile(r"^(?P<file>[^:]+\.yaml)(?::(?P<line>\d+):(?P<col>\d+))?: "
                  r"(?:error|warning): (?P<msg>.+)$")


@pytest.fixture
def corpus_cli(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[None]:
    """validate run from the corpus folder, with the corpus catalogue as the built-ins."""
    monkeypatch.setattr(paths, "builtin_routines_dir", lambda: CORPUS / "library")
    monkeypatch.setenv("STRETCHAPP_HOME", str(tmp_path / "home"))
    monkeypatch.chdir(CORPUS)
    yield


def validate(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, list[str], str]:
    """Exit code, stderr lines without the summary, and stdout of `stretchapp validate`.

    With warnings only, validate exits 0 and its summary goes to stdout.
    """
    code = cli.main(["validate", *args])
    out, err = capsys.readouterr()
    lines = err.splitlines()
    if code == 0:
        assert WARNINGS_ONLY.match(out), out
        return code, lines, ""
    assert lines and SUMMARY.match(lines[-1]), err
    return code, lines[:-1], out


def test_corpus_is_large_and_complete() -> None:
    """There are at least 40 broken files, each with an .expected file, and no strays."""
    assert len(CASES) >= 40
    expected = {p.stem for p in CORPUS.glob("*.expected")}
    assert expected == {p.stem for p in CASES} or UPDATE


@pytest.mark.usefixtures("corpus_cli")
@pytest.mark.parametrize("case", CASES, ids=lambda p: p.stem)
def test_broken_file_reports_exactly_its_problems(
        case: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """validate NAME.yaml prints the lines of NAME.expected; exits 1 unless all are warnings."""
    code, lines, out = validate(capsys, case.name)
    expected_file = case.with_suffix(".expected")
    if UPDATE:
        expected_file.write_text("".join(line + "\n" for line in lines), encoding="utf-8")
    expected = expected_file.read_text(encoding="utf-8").splitlines()
    assert (code, out) == (1 if any(": error: " in line for line in expected) else 0, "")
    assert lines == expected


@pytest.mark.parametrize("case", CASES, ids=lambda p: p.stem)
def test_expected_lines_point_into_their_file(case: Path) -> None:
    """Each expected line names its own file and a line:column inside it (or none)."""
    lines = case.with_suffix(".expected").read_text(encoding="utf-8").splitlines()
    text = case.read_bytes().decode("utf-8", "replace")
    rows = text.split("\n")
    assert lines
    for line in lines:
        match = LINE.match(line)
        assert match, line
        assert match["file"] == case.name
        if match["line"] is not None:
            number, column = int(match["line"]), int(match["col"])
            assert 1 <= number <= len(rows), line
            assert 1 <= column <= len(rows[number - 1]) + 1, line


@pytest.mark.usefixtures("corpus_cli")
def test_validating_the_folder_reports_every_file_in_order(
        capsys: pytest.CaptureFixture[str]) -> None:
    """validate on the whole corpus folder prints every file's lines, file by file."""
    code, lines, _ = validate(capsys, ".")
    expected = [line for case in CASES
                for line in case.with_suffix(".expected").read_text(
                    encoding="utf-8").splitlines()]
    assert code == 1
    assert lines == expected


@pytest.mark.usefixtures("corpus_cli")
def test_corpus_catalogue_is_clean(capsys: pytest.CaptureFixture[str]) -> None:
    """The catalogue the corpus is checked against has no problem of its own."""
    assert cli.main(["validate", "library/stretches.yaml"]) == 0
    assert capsys.readouterr().err == ""
