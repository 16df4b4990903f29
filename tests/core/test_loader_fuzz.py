"""Any input either loads or is reported with the project's own problems, never a crash.

Hypothesis feeds the loader arbitrary text, YAML-ish text made of the format's
own fragments, arbitrary bytes, and YAML-shaped data (including valid routines
with keys dropped, added or retyped) dumped with yaml.safe_dump. Whatever comes
in, the only exception allowed is RoutineError, and every problem has a line
and a message a person can read.
"""

from __future__ import annotations

import string
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from stretchapp.core.loading.library import (
    Library,
    check_file,
    load_library,
    parse_file,
    parse_text_as,
)
from stretchapp.core.loading.problems import Problem, RoutineError
from stretchapp.core.loading.resolve import Assets, build_routine
from stretchapp.core.loading.schema import RoutineFile
from stretchapp.core.loading.yaml_source import parse_text, read_document

CATALOGUE = """\
format: 1
stretches:
  - id: heel-raise
    name: Heel raises
    group: calf
    instructions: Rise onto your toes and lower slowly.
  - id: wall-calf-stretch
    name: Wall calf stretch
    group: calf
    sided: true
    instructions: Lean into a wall, back heel down.
"""

# Phrases of pydantic and Python that must never reach a person.
LEAKS = ("Input should", "validation error", "Field required", "Extra inputs",
         "Traceback", "object at 0x", "pydantic")

TOP_KEYS = ["format", "id", "title", "group", "kind", "description", "safety", "defaults",
            "cues", "steps", "stretches"]
STEP_KEYS = ["stretch", "name", "instructions", "image", "image_right", "sided", "say",
             "hold", "count", "tempo", "reps", "sides", "prepare", "rest", "switch", "relax"]
OTHER_KEYS = ["countdown", "halfway", "voice", "sounds", "<<", "hodl", "Title", ""]
WORDS = ["45s", "2m", "1m30s", "90", "-5s", "0", "61m", "5 minutes", "both", "left", "right",
         "warm-up", "warmup", "relief", "calf", "heel-raise", "wall-calf-stretch",
         "pic.png", "../x.png", "/etc/x.png", "http://x/y.png", "yes", "no", "~", "null"]

FRAGMENTS = (
    [f"{key}: " for key in TOP_KEYS + STEP_KEYS + OTHER_KEYS] + WORDS + [
        "\n", "\n  ", "\n    ", "  ", "- ", "-", ": ", ":", "'", '"', "&a ", "*a", "&b ",
        "*b", "<<: *a", "!!python/object:os.system ", "!!python/name:os.system",
        "!!str ", "!!int ", "!!binary ", "!!timestamp ", "!!set ", "!!omap ", "!include ",
        "!foo ", "? ", "[", "]", "{", "}", ", ", "#", "# comment\n", "\t", "|", ">",
        "---\n", "...\n", "%YAML 1.1\n", "%TAG ! tag:x,2000:\n", "\ufeff", "\r\n", "é",
        "\\", "\\x", "\x00", "\x07", "1e400", ".nan", ".inf", "0x1F", "2024-01-01",
        "12:30:00", "99999999999999999999999"])

yamlish_text = st.lists(st.sampled_from(FRAGMENTS), max_size=40).map("".join)

scalars = (st.none() | st.booleans() | st.integers(min_value=-(10**25), max_value=10**25)
           | st.floats() | st.text(max_size=15) | st.sampled_from(WORDS))
keys = st.sampled_from(TOP_KEYS + STEP_KEYS + OTHER_KEYS) | st.text(max_size=8)
yaml_data = st.recursive(
    scalars,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(keys, inner, max_size=5),
    max_leaves=25)

durations = st.integers(1, 3600) | st.sampled_from(["45s", "2m", "1m30s", "90", "1m 30s"])
pauses = st.integers(0, 600) | st.sampled_from(["0s", "10m", "5s", "1m"])


@st.composite
def valid_step(draw: st.DrawFn) -> dict[str, Any]:
    """A step that the format accepts: a reference or an inline stretch, and timings."""
    if draw(st.booleans()):
        sided = draw(st.booleans())
        step: dict[str, Any] = {"stretch": "wall-calf-stretch" if sided else "heel-raise"}
    else:
        sided = draw(st.booleans())
        step = {"name": draw(st.sampled_from(["Towel stretch", "Rest", "Ä b"])),
                "instructions": "Do it gently.", "sided": sided}
    if draw(st.booleans()):
        step["count"] = draw(st.integers(1, 30))
        step["tempo"] = draw(durations)
    elif draw(st.booleans()):
        step["hold"] = draw(durations)
    if sided and draw(st.booleans()):
        step["sides"] = draw(st.sampled_from(["both", "left", "right"]))
    for name in ("prepare", "rest", "switch", "relax"):
        if draw(st.booleans()):
            step[name] = draw(pauses)
    if draw(st.booleans()):
        step["reps"] = draw(st.integers(1, 5))
    return step


@st.composite
def valid_routine(draw: st.DrawFn) -> dict[str, Any]:
    """A whole routine file's data that the format accepts."""
    routine: dict[str, Any] = {
        "format": 1, "title": draw(st.text(string.ascii_letters + " ", min_size=1,
                                           max_size=30).filter(str.strip)),
        "group": draw(st.sampled_from(["calf", "back", "neck", "upper-back"])),
        "kind": draw(st.sampled_from(["warm-up", "cool-down", "relief"])),
        "steps": draw(st.lists(valid_step(), min_size=1, max_size=5)),
    }
    if draw(st.booleans()):
        routine["defaults"] = draw(st.fixed_dictionaries({}, optional={
            "prepare": pauses, "hold": durations, "rest": pauses, "switch": pauses,
            "relax": pauses}))
    if draw(st.booleans()):
        routine["cues"] = {"countdown": draw(st.integers(0, 10)), "halfway": draw(st.booleans())}
    return routine


@st.composite
def valid_catalogue(draw: st.DrawFn) -> dict[str, Any]:
    """A stretch catalogue's data that the format accepts (ids may repeat: an error)."""
    entries = []
    for index in range(draw(st.integers(1, 4))):
        entry: dict[str, Any] = {"id": draw(st.sampled_from(["a", "b-c", f"s-{index}"])),
                                 "name": "A stretch", "group": "calf",
                                 "instructions": "Do it gently."}
        if draw(st.booleans()):
            entry["sided"] = draw(st.booleans())
        if draw(st.booleans()):
            entry["say"] = "Gently."
        entries.append(entry)
    return {"format": 1, "stretches": entries}


@st.composite
def near_valid(draw: st.DrawFn, valid: st.SearchStrategy[dict[str, Any]]) -> dict[str, Any]:
    """Valid data with a few keys dropped, added or retyped, at the top or in an entry."""
    routine = draw(valid)
    for _ in range(draw(st.integers(1, 4))):
        entries = routine.get("steps", routine.get("stretches"))
        targets = [routine, *(s for s in (entries if isinstance(entries, list) else [])
                              if isinstance(s, dict))]
        target: dict[str, Any] = draw(st.sampled_from(targets))
        action = draw(st.sampled_from(["drop", "add", "retype"]))
        if action == "drop" and target:
            del target[draw(st.sampled_from(sorted(target)))]
        elif action == "add":
            target[draw(keys)] = draw(yaml_data)
        elif target:
            target[draw(st.sampled_from(sorted(target)))] = draw(yaml_data)
    return routine


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Library, Assets, Path]]:
    """A library with the tiny catalogue, empty asset folders and a scratch folder."""
    root = tmp_path_factory.mktemp("fuzz")
    (root / "lib").mkdir()
    (root / "lib" / "stretches.yaml").write_text(CATALOGUE, encoding="utf-8")
    assets = Assets(images=root / "images", sounds=root / "sounds")
    library = load_library(builtin_dir=root / "lib", user_dir=None, assets=assets)
    assert library.problems == []
    (root / "scratch").mkdir()
    yield library, assets, root / "scratch"


def assert_readable(problems: list[Problem] | tuple[Problem, ...]) -> None:
    """Every problem has a line and column >= 0 and a plain, non-empty message."""
    for problem in problems:
        assert isinstance(problem, Problem)
        assert problem.line >= 0 and problem.column >= 0
        assert isinstance(problem.message, str) and problem.message.strip()
        assert not any(leak in problem.message for leak in LEAKS), problem.message
        assert str(problem).startswith(str(problem.path))


def check_text(world: tuple[Library, Assets, Path], text: str) -> list[Problem]:
    """Run text through every stage a file goes through; return all its problems."""
    library, assets, folder = world
    path = folder / "fuzzed.yaml"
    try:
        doc = parse_text(path, text)
    except RoutineError as error:
        assert error.problems
        assert_readable(error.problems)
    else:
        assert doc.path == path
    problems = check_file(path, library, assets, text=text)
    assert_readable(problems)
    item = parse_text_as(path, text)
    if isinstance(item.spec, RoutineFile) and item.doc is not None:
        routine, res = build_routine(item.doc, item.spec, library.stretches, assets,
                                     builtin=False)
        assert (routine is None) == res.blocked
        if routine is not None:
            assert routine.total_seconds >= 0
    return problems


@settings(max_examples=300)
@given(text=st.text(max_size=200))
def test_any_text_loads_or_reports_problems(world: tuple[Library, Assets, Path],
                                            text: str) -> None:
    """Arbitrary text either loads or yields RoutineError/problems, nothing else."""
    check_text(world, text)


@settings(max_examples=400)
@given(text=yamlish_text)
def test_yamlish_text_loads_or_reports_problems(world: tuple[Library, Assets, Path],
                                                text: str) -> None:
    """Text made of the format's keys, indentation, quotes, anchors and tags never crashes."""
    check_text(world, text)


@settings(max_examples=200)
@given(data=yaml_data)
def test_any_yaml_data_loads_or_reports_problems(world: tuple[Library, Assets, Path],
                                                 data: object) -> None:
    """Any YAML-shaped data, dumped as YAML, loads or yields readable problems."""
    check_text(world, yaml.safe_dump(data))


@settings(max_examples=200)
@given(data=st.dictionaries(st.sampled_from(TOP_KEYS), yaml_data, max_size=6))
def test_any_top_level_mapping_loads_or_reports_problems(
        world: tuple[Library, Assets, Path], data: dict[str, object]) -> None:
    """Mappings with the format's top-level keys and random values never crash."""
    check_text(world, yaml.safe_dump(data))


@settings(max_examples=250)
@given(data=near_valid(valid_routine()))
def test_near_valid_routines_load_or_report_problems(
        world: tuple[Library, Assets, Path], data: dict[str, Any]) -> None:
    """Valid routines with keys dropped, added or retyped load or yield readable problems."""
    check_text(world, yaml.safe_dump(data, sort_keys=False, allow_unicode=True))


@settings(max_examples=100)
@given(data=near_valid(valid_catalogue()))
def test_near_valid_catalogues_load_or_report_problems(
        world: tuple[Library, Assets, Path], data: dict[str, Any]) -> None:
    """Catalogues with keys dropped, added or retyped load or yield readable problems."""
    check_text(world, yaml.safe_dump(data, sort_keys=False))


@settings(max_examples=150)
@given(data=valid_routine())
def test_valid_routines_always_load(world: tuple[Library, Assets, Path],
                                    data: dict[str, Any]) -> None:
    """Data that follows every rule of the format loads with no problem at all."""
    assert check_text(world, yaml.safe_dump(data, sort_keys=False)) == []


@settings(max_examples=200)
@given(raw=st.binary(max_size=300) | st.builds(
    lambda head, text: head + text.encode("utf-8"),
    st.sampled_from([b"", b"\xef\xbb\xbf", b"\xff\xfe", b"\xe9", b"\x00"]), yamlish_text))
def test_any_bytes_load_or_report_problems(world: tuple[Library, Assets, Path],
                                           raw: bytes) -> None:
    """Bytes on disk (not UTF-8, BOMs, NULs) go through parse_file without a crash."""
    _, _, folder = world
    path = folder / "bytes.yaml"
    path.write_bytes(raw)
    item = parse_file(path)
    assert_readable(item.problems)
    try:
        read_document(path)
    except RoutineError as error:
        assert_readable(error.problems)


def billion_laughs(levels: int, width: int) -> str:
    """The alias bomb: each level lists the previous one width times."""
    lines = ["a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
    for level in range(1, levels):
        refs = ", ".join([f"*a{level - 1}"] * width)
        lines.append(f"a{level}: &a{level} [{refs}]")
    return "\n".join(lines) + "\n"


@pytest.mark.parametrize("text", [
    billion_laughs(10, 10),
    billion_laughs(30, 2),
    "a: &a\n  b: &b [*a, *a]\n",
    "&a [*a, *a]\n",
    "a: &a {x: 1}\nb: &b {<<: [*a, *a, *a]}\nc: {<<: *b}\n" + "".join(
        f"d{i}: &d{i} [*d{i - 1}, *d{i - 1}, *d{i - 1}, *d{i - 1}]\n" if i else
        "d0: &d0 [*a, *a, *a, *a]\n" for i in range(12)),
], ids=["billion-laughs", "deep-doubling", "recursive-mapping", "recursive-list", "merges"])
def test_alias_bombs_are_refused_quickly(text: str) -> None:
    """Aliases that expand without bound, or refer to themselves, are refused in < 1 s of CPU."""
    # CPU time, not wall time: a busy machine must not fail this, an expansion would.
    start = time.process_time()
    with pytest.raises(RoutineError) as caught:
        parse_text(Path("bomb.yaml"), text)
    assert time.process_time() - start < 1.0
    assert_readable(caught.value.problems)
    messages = " ".join(p.message for p in caught.value.problems)
    assert "too many aliases" in messages or "contains itself" in messages


@pytest.mark.parametrize("text", [
    "[" * 100_000 + "]" * 100_000,
    "- " * 200_000 + "x\n",
    "a: " + "{b: " * 50_000 + "1" + "}" * 50_000 + "\n",
    "? " * 100_000 + "x\n",
], ids=["flow-lists", "block-lists", "flow-maps", "complex-keys"])
def test_deep_nesting_is_refused_without_crashing(text: str, tmp_path: Path) -> None:
    """Text nested thousands of levels deep is refused; it used to kill the process."""
    path = tmp_path / "deep.yaml"
    path.write_text(text, encoding="utf-8")
    code = ("import sys\nfrom pathlib import Path\n"
            "from stretchapp.core.loading.library import parse_file\n"
            f"item = parse_file(Path({str(path)!r}))\n"
            "print([p.message for p in item.problems])\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         timeout=60, check=False)
    assert out.returncode == 0, out.stderr[-2000:]
    assert "nested more than 60 levels deep" in out.stdout


def test_nesting_just_under_the_limit_is_read() -> None:
    """Nesting within the limit composes normally (only its values are then checked)."""
    doc = parse_text(Path("ok.yaml"), "a: " + "[" * 50 + "]" * 50 + "\n")
    assert isinstance(doc.data, dict)
