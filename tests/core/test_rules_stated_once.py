"""Rules stated once: problem codes, limits, vocabularies, words, lengths, colours, "counted"."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from stretchapp.core.editing.draft import RoutineDraft
from stretchapp.core.editing.step_rows import step_rows
from stretchapp.core.loading.durations import format_clock, format_written
from stretchapp.core.loading.library import load_library
from stretchapp.core.loading.problems import Problem, Severity
from stretchapp.core.loading.resolve import TIMING_DEFAULTS, Timing, step_timings
from stretchapp.core.loading.schema import RoutineFile, cue_defaults, number_limits
from stretchapp.core.model import GROUPS, OTHER_GROUP, Kind, PhaseKind, is_counted
from stretchapp.core.palette import (
    GROUP_ROLES,
    KIND_ROLES,
    PHASE_ROLES,
    figure_palette,
    theme_colours,
)
from stretchapp.core.session.cues import CueKind
from stretchapp.core.sound.cue_sounds import CUE_SOUND_NAMES, CueSound
from stretchapp.core.wording.amounts import duration_text
from stretchapp.core.wording.player import FINISHED, HALFWAY, PHASE_LABELS, REST_HEADING

REPO = Path(__file__).resolve().parents[2]


def _documented() -> dict[str, str]:
    text = (REPO / "docs" / "ROUTINE_FORMAT.md").read_text(encoding="utf-8")
    return dict(re.findall(r"^\| `([a-z0-9-]+)` \| (error|warning) \|", text, re.MULTILINE))


def test_every_code_in_core_is_documented() -> None:
    """Every code= in core names a row of the problem code table."""
    source = "\n".join(p.read_text(encoding="utf-8")
                       for p in (REPO / "stretchapp" / "core").rglob("*.py"))
    used = set(re.findall(r'code="([a-z0-9-]+)"', source))
    used |= set(re.findall(r'"[a-z_]+": "([a-z0-9-]+)",', source.split("_CODES = {")[1]
                           .split("}")[0]))
    assert used, "no codes found"
    assert used - set(_documented()) == set()


def test_a_missing_image_is_a_coded_warning_on_its_key(tmp_path: Path) -> None:
    """A missing image: code missing-image, severity warning, key path of the image."""
    (tmp_path / "mine.yaml").write_text(
        "format: 1\ntitle: Mine\ngroup: calf\nkind: warm-up\nsteps:\n"
        "  - stretch: heel-raise\n    image: nowhere.png\n", encoding="utf-8")
    library = load_library(user_dir=tmp_path)
    [problem] = [p for p in library.problems if p.path.name == "mine.yaml"]
    assert (problem.code, problem.severity, problem.key) == (
        "missing-image", Severity.WARNING, ("steps", 0, "image"))
    assert _documented()["missing-image"] == "warning"
    assert ": warning: image 'nowhere.png'" in str(problem)


def test_a_missing_key_is_about_the_key_itself(tmp_path: Path) -> None:
    """A missing title is reported where the mapping starts, but with the key path ('title',)."""
    (tmp_path / "mine.yaml").write_text(
        "format: 1\ngroup: calf\nkind: warm-up\nsteps:\n  - stretch: heel-raise\n",
        encoding="utf-8")
    library = load_library(user_dir=tmp_path)
    [problem] = [p for p in library.problems if p.path.name == "mine.yaml"]
    assert (problem.code, problem.key, problem.severity) == (
        "missing-key", ("title",), Severity.ERROR)


def test_new_fields_have_defaults_for_old_call_sites() -> None:
    """Problem(path, line, column, message) still works: an 'invalid' error about the file."""
    problem = Problem(Path("a.yaml"), 3, 4, "bad")
    assert (problem.code, problem.key, problem.severity) == ("invalid", (), Severity.ERROR)
    assert str(problem) == "a.yaml:3:4: error: bad"


def test_the_schema_states_the_editors_limits_and_the_kinds_of_the_model() -> None:
    """Limits and cue defaults come from the models; the kind literal is the Kind enum's."""
    assert number_limits()["count"] == (1, 1000) and number_limits()["countdown"] == (0, 10)
    assert cue_defaults() == {"countdown": 3, "halfway": False, "voice": True}
    assert RoutineFile.model_fields["kind"].annotation is Kind


def test_a_step_timing_comes_from_the_step_the_routine_or_the_format() -> None:
    """step_timings: the step's own value wins, then the routine's default, then the format's."""
    found = step_timings({"hold": 40, "rest": None}, {"rest": 20, "hold": 10})
    assert found["hold"] == Timing(40, inherited=False)
    assert found["rest"] == Timing(20, inherited=True)
    assert found["prepare"] == Timing(TIMING_DEFAULTS["prepare"], inherited=True)


_COUNTED_CASES = {
    "hold": "    hold: 20s\n",
    "count and tempo": "    count: 8\n    tempo: 2s\n",
    "count alone": "    count: 8\n",
    "tempo alone": "    tempo: 2s\n",
    "count empty": "    count:\n    tempo: 2s\n",
}


@pytest.mark.parametrize("written", _COUNTED_CASES.values(), ids=_COUNTED_CASES.keys())
def test_counted_means_the_same_to_the_editor_and_the_player(tmp_path: Path,
                                                             written: str) -> None:
    """The editor's row and the loaded step agree on "counted": both give a count and a tempo."""
    path = tmp_path / "mine.yaml"
    path.write_text("format: 1\ntitle: Mine\ngroup: calf\nkind: warm-up\nsteps:\n"
                    "  - stretch: heel-raise\n" + written, encoding="utf-8")
    library = load_library(user_dir=tmp_path)
    draft = RoutineDraft.from_file(path, library)
    [row] = step_rows(draft, draft.routine(), {}, lambda stretch: "")
    [raw] = draft.steps()
    assert row.counted == is_counted(raw.get("count"), raw.get("tempo"))
    resolved = library.routines.get("mine")
    if resolved is not None:
        assert resolved.steps[0].counted == row.counted
    assert row.counted == (written == _COUNTED_CASES["count and tempo"])


def _sources(*patterns: str) -> dict[Path, str]:
    return {path: path.read_text(encoding="utf-8")
            for pattern in patterns for path in sorted(REPO.glob(pattern))}


def test_lengths_are_written_by_one_function_each() -> None:
    """Seconds become minutes only in durations.py (clock, file syntax) and wording.amounts."""
    # Whole minutes and the seconds left over: what formatting a length takes.
    minutes = re.compile(r"divmod\([^)]*,\s*60\)|//\s*60\b|%\s*60\b")
    owners = {REPO / "stretchapp/core/loading/durations.py",
              REPO / "stretchapp/core/wording/amounts.py"}
    found = {path.relative_to(REPO).as_posix()
             for path, text in _sources("stretchapp/**/*.py", "ui/**/*.qml").items()
             if path not in owners and minutes.search(text)}
    assert found == set()
    assert duration_text(450) == "7 min 30 s" and format_written(450) == "7m30s"
    assert format_clock(450) == "7:30"


def test_every_kind_and_phase_has_a_colour_role_of_both_palettes() -> None:
    """core.palette names a role for each Kind and PhaseKind; Theme.qml has it in both themes."""
    assert set(KIND_ROLES) == set(Kind) and set(PHASE_ROLES) == set(PhaseKind)
    roles = {role for pair in KIND_ROLES.values() for role in pair} | set(PHASE_ROLES.values())
    for theme in ("light", "dark"):
        assert roles <= set(theme_colours(theme)), theme
        figure_palette(theme)  # every figure role is there too (PaletteError if not)


def test_every_muscle_group_has_a_colour_role_of_both_palettes() -> None:
    """core.palette names the history chart's role of each group (and 'other'), in both themes."""
    assert set(GROUP_ROLES) == {*GROUPS, OTHER_GROUP}
    for theme in ("light", "dark"):
        assert set(GROUP_ROLES.values()) <= set(theme_colours(theme)), theme
    history_page = (REPO / "ui" / "HistoryPage.qml").read_text(encoding="utf-8")
    assert not any(f'"{group}"' in history_page for group in GROUPS)


def test_the_views_spell_no_vocabulary() -> None:
    """No QML file compares against a kind, phase, cue or cue sound: bridges hand over roles."""
    words = {*(k.value for k in Kind), *(p.value for p in PhaseKind),
             *(c.value for c in CueKind), *(s.value for s in CueSound)}
    compared = re.compile(r"""[!=]==?\s*["']([a-z_-]+)["']|["']([a-z_-]+)["']\s*[!=]==?""")
    found = {(path.name, word) for path, text in _sources("ui/**/*.qml").items()
             for match in compared.finditer(text) for word in match.groups()
             if word in words}
    assert found == set()


def test_each_vocabulary_is_defined_once() -> None:
    """Each enum's member lines (NAME = "value") are written in one module only."""
    sources = _sources("stretchapp/**/*.py")
    for enum in (Kind, PhaseKind, CueKind, CueSound):
        members = [rf'^\s+{member.name} = "{re.escape(member.value)}"$' for member in enum]
        defined = [path.name for path, text in sources.items()
                   if all(re.search(line, text, re.M) for line in members)]
        assert len(defined) == 1, (enum, defined)
    schema = (REPO / "stretchapp/core/loading/schema.py").read_text(encoding="utf-8")
    assert '"warm-up"' not in schema and '"cool-down"' not in schema
    assert tuple(CueSound) == CUE_SOUND_NAMES


def test_the_players_words_are_written_only_in_wording() -> None:
    """Phase words, Halfway and Well done appear as text in no module but core.wording."""
    words = [*PHASE_LABELS.values(), HALFWAY, FINISHED, REST_HEADING]
    found = set()
    for path, text in _sources("stretchapp/**/*.py", "ui/**/*.qml").items():
        if path.parent.name == "wording":
            continue
        code = "\n".join(line.split("#")[0] for line in text.splitlines()
                         if "objectName" not in line)  # names for tests, never shown
        code = re.sub(r'"""(.|\n)*?"""', "", code)  # docstrings may name the words
        found |= {(path.name, word) for word in words
                  if re.search(rf'["\']{re.escape(word)}["\']', code)}
    assert found == set()
