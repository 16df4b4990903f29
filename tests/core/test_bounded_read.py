"""The bounded reader: what a file the app did not write can do, it does as a Problem."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from stretchapp.core.loading.bounded_read import (
    MAX_INT_DIGITS,
    MAX_JSON_DEPTH,
    ReadRefused,
    parse_json,
    read_bounded,
    read_json,
)


def test_a_fifo_is_refused_at_once_instead_of_blocking(tmp_path: Path) -> None:
    """A FIFO with no writer is refused (opening it plainly would block for ever)."""
    fifo = tmp_path / "settings.json"
    os.mkfifo(fifo)
    with pytest.raises(ReadRefused, match="pipe") as refused:
        read_bounded(fifo)
    assert refused.value.problem.path == fifo


def test_a_device_is_refused_without_reading_it() -> None:
    """/dev/zero (endless) is refused as a device, not read until memory runs out."""
    with pytest.raises(ReadRefused, match="device"):
        read_bounded(Path("/dev/zero"))


def test_a_folder_is_refused(tmp_path: Path) -> None:
    """A folder where a file is expected is a problem, not an IsADirectoryError."""
    with pytest.raises(ReadRefused, match="folder"):
        read_bounded(tmp_path)


def test_a_missing_file_is_marked_missing(tmp_path: Path) -> None:
    """A file that is not there is told apart from a damaged one."""
    with pytest.raises(ReadRefused) as refused:
        read_bounded(tmp_path / "nothing.json")
    assert refused.value.missing


def test_the_size_is_checked_before_reading(tmp_path: Path) -> None:
    """A file over the limit is refused with its size and the limit, in words."""
    big = tmp_path / "big.yaml"
    big.write_bytes(b"x" * (2 * 1024 * 1024 + 10))
    with pytest.raises(ReadRefused, match=r"2\.0 MiB, larger than the 1 MiB limit"):
        read_bounded(big, 1024 * 1024)


def test_nesting_past_the_limit_is_refused_with_its_position(tmp_path: Path) -> None:
    """100,000 '[' give a Problem at the bracket that goes too deep, not a RecursionError."""
    text = "[" * 100_000
    with pytest.raises(ReadRefused, match="nested more than") as refused:
        parse_json(tmp_path / "s.json", text)
    problem = refused.value.problem
    assert (problem.line, problem.column) == (1, MAX_JSON_DEPTH + 1)


def test_brackets_inside_strings_do_not_count_as_nesting(tmp_path: Path) -> None:
    """A title full of '[' is text, not depth."""
    text = json.dumps({"title": "[" * 500})
    assert parse_json(tmp_path / "s.json", text) == {"title": "[" * 500}


def test_a_4301_digit_number_is_refused_without_pythons_wording(tmp_path: Path) -> None:
    """A huge integer says how many digits it has, not 'Exceeds the limit (4300 digits)'."""
    with pytest.raises(ReadRefused) as refused:
        parse_json(tmp_path / "s.json", '{"volume": ' + "9" * 4301 + "}")
    message = refused.value.problem.message
    assert "4301 digits" in message and str(MAX_INT_DIGITS) in message
    assert "Exceeds" not in message and "9" * 50 not in message


def test_nan_is_not_a_number_json_allows(tmp_path: Path) -> None:
    """NaN and Infinity, which Python's json accepts, are refused."""
    with pytest.raises(ReadRefused, match="NaN"):
        parse_json(tmp_path / "s.json", '{"volume": NaN}')


def test_bad_utf8_is_refused_with_line_and_column(tmp_path: Path) -> None:
    """A byte that is not UTF-8 is placed at its line and column."""
    path = tmp_path / "s.json"
    path.write_bytes(b'{\n  "theme": "d\xffrk"}')
    with pytest.raises(ReadRefused, match="0xff") as refused:
        read_json(path)
    assert (refused.value.problem.line, refused.value.problem.column) == (2, 14)


def test_bad_json_is_refused_with_line_and_column(tmp_path: Path) -> None:
    """A JSON syntax error keeps the decoder's line and column."""
    path = tmp_path / "s.json"
    path.write_text('{\n  "theme": dark\n}', encoding="utf-8")
    with pytest.raises(ReadRefused, match="not valid JSON") as refused:
        read_json(path)
    assert refused.value.problem.line == 2


@given(st.binary(max_size=2000))
def test_any_bytes_read_as_json_or_raise_read_refused(data: bytes) -> None:
    """Whatever the bytes, read_json returns data or raises ReadRefused, nothing else."""
    folder = Path(os.environ.get("TMPDIR", "/tmp"))
    path = folder / f"stretchapp-bounded-{os.getpid()}.json"
    path.write_bytes(data)
    try:
        read_json(path)
    except ReadRefused as refused:
        assert refused.problem.message
    finally:
        path.unlink()


@given(st.recursive(st.none() | st.booleans() | st.integers() | st.text(),
                    lambda inner: st.lists(inner) | st.dictionaries(st.text(), inner),
                    max_leaves=30))
def test_plain_json_reads_back_as_written(value: object) -> None:
    """Everything the app writes itself (small numbers, text, lists, maps) reads back."""
    text = json.dumps(value)
    if any(len(str(abs(n))) > MAX_INT_DIGITS for n in _ints(value)):
        return
    assert parse_json(Path("v.json"), text) == value


def _ints(value: object) -> list[int]:
    if isinstance(value, bool):
        return []
    if isinstance(value, int):
        return [value]
    if isinstance(value, list):
        return [n for item in value for n in _ints(item)]
    if isinstance(value, dict):
        return [n for item in value.values() for n in _ints(item)]
    return []
