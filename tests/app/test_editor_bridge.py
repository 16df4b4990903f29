"""EditorBridge, its step and catalogue models, and SharingBridge, without QML."""

from __future__ import annotations

import errno
import os
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QModelIndex, QObject, QUrl, Slot
from PySide6.QtGui import QDesktopServices
from pytestqt.qtbot import QtBot

from stretchapp.app import sharing_bridge
from stretchapp.app.deferred_imports import load_library as load_library_of
from stretchapp.app.editor_bridge import EditorBridge
from stretchapp.app.editor_view import LIMITS
from stretchapp.app.library_store import LibraryStore
from stretchapp.app.sharing_bridge import SharingBridge
from stretchapp.app.task_runner import InlineRunner, TaskRunner
from stretchapp.core.editing.session import free_id, id_from_title
from stretchapp.core.loading.durations import PAUSE_RANGE
from stretchapp.core.loading.library import load_library
from stretchapp.core.model import Routine
from stretchapp.core.storage import paths, safe_write
from stretchapp.core.wording.amounts import duration_text
from tests.helpers.qt_objects import collect_qt_garbage
from tests.helpers.routine_texts import HAND_WRITTEN

__all__ = ["collect_qt_garbage"]  # the autouse fixture, used by being here


@pytest.fixture
def mine(home: Path) -> Path:
    """A hand-written user routine with comments."""
    path = home / "routines" / "evening.yaml"
    path.write_text(HAND_WRITTEN, encoding="utf-8")
    return path


@pytest.fixture
def store(home: Path, qtbot: QtBot) -> LibraryStore:
    """The library store of the home, loading at once on this thread."""
    library_store = LibraryStore(home / "routines", InlineRunner(), load_library_of)
    library_store.reload()
    return library_store


@pytest.fixture
def bridge(home: Path, store: LibraryStore) -> Iterator[EditorBridge]:
    editor = EditorBridge(home, store, InlineRunner())
    store.changed.connect(editor.library_changed)
    yield editor
    editor.close()


def names(editor: EditorBridge) -> list[str]:
    return [row.stretchId for row in editor.steps.rows()]


class UrlCatcher(QObject):
    """Receives the URLs QDesktopServices would hand to the desktop."""

    def __init__(self) -> None:
        super().__init__()
        self.urls: list[QUrl] = []

    @Slot(QUrl)
    def open(self, url: QUrl) -> None:
        self.urls.append(url)


# --- customise, open, new ------------------------------------------------------------


def test_customise_builtin_copies_it_under_a_free_id(bridge: EditorBridge, home: Path) -> None:
    """A built-in routine is copied to <id>-mine, then <id>-mine-2, and the copy is opened."""
    builtin = bridge.library.routines["calf-relief"].source
    assert builtin is not None
    before = builtin.read_bytes()
    assert bridge.customise("calf-relief")
    assert Path(bridge.filePath) == home / "routines" / "calf-relief-mine.yaml"
    assert bridge.title == "Calf cramp relief (my copy)"
    assert not bridge.dirty
    bridge.close()
    assert bridge.customise("calf-relief")
    assert Path(bridge.filePath).name == "calf-relief-mine-2.yaml"
    assert builtin.read_bytes() == before


def test_customise_a_user_routine_opens_its_own_file(bridge: EditorBridge, mine: Path,
                                                      store: LibraryStore) -> None:
    """The user's own routine is edited in place, no copy made."""
    store.reload()
    assert bridge.customise("evening")
    assert Path(bridge.filePath) == mine
    assert sorted(p.name for p in mine.parent.iterdir()) == ["evening.yaml"]


def test_unknown_routine_is_refused_with_a_message(bridge: EditorBridge) -> None:
    """Customising an id that does not exist opens nothing and says why."""
    assert not bridge.customise("nope")
    assert not bridge.isOpen
    assert "no routine 'nope'" in bridge.errorText


def test_builtin_file_is_never_opened_for_editing(bridge: EditorBridge) -> None:
    """openFile on a built-in file is refused: customise makes a copy instead."""
    source = bridge.library.routines["neck-relief"].source
    assert not bridge.openFile(str(source))
    assert "customise a copy" in bridge.errorText


def test_ids_are_made_from_titles_and_kept_free(bridge: EditorBridge, mine: Path) -> None:
    """Titles become ids, and a taken id gets -2, -3."""
    assert id_from_title("Morning calf, gentle!") == "morning-calf-gentle"
    assert id_from_title("!!!") == "my-routine"
    library = load_library(user_dir=mine.parent)
    assert free_id("evening", library, mine.parent) == "evening-2"
    assert free_id("calf-relief", library, mine.parent) == "calf-relief-2"


def test_new_routine_is_named_after_its_title_and_saved_once_it_has_a_step(
        bridge: EditorBridge, home: Path) -> None:
    """A new draft is not savable without steps; its file follows the title until saved."""
    assert bridge.newRoutine()
    assert bridge.isNew and bridge.dirty and not bridge.canSave
    assert "steps must have at least one entry" in bridge.fieldProblems["steps"]
    bridge.setField("title", "Desk neck break")
    assert Path(bridge.filePath).name == "desk-neck-break.yaml"
    bridge.setField("group", "neck")
    assert bridge.stepActions.addStep("chin-tuck") == 0
    assert bridge.canSave
    assert bridge.save(), bridge.errorText
    assert not bridge.isNew and not bridge.dirty
    routine = load_library(user_dir=home / "routines").routines["desk-neck-break"]
    assert [s.stretch.id for s in routine.steps] == ["chin-tuck"]


# --- editing --------------------------------------------------------------------------


def test_edits_save_with_comments_order_and_block_style_kept(
        bridge: EditorBridge, mine: Path, home: Path) -> None:
    """Fields, defaults, cues and steps edited, saved and read back; comments survive."""
    assert bridge.openFile(str(mine))
    bridge.setField("title", "Evening calf, longer")
    bridge.setField("description", "Slow holds, longer ones.")
    bridge.setDefault("hold", 45)
    bridge.setCue("halfway", True)
    bridge.stepActions.setStepValue(0, "reps", 2)
    assert bridge.stepActions.moveStep(2, 0) == 0
    assert bridge.dirty and bridge.canSave
    assert bridge.save(), bridge.errorText
    text = mine.read_text(encoding="utf-8")
    for comment in ("# My evening routine", "# shown in the library", "# my usual hold",
                    "# first the wall"):
        assert comment in text
    assert "description: >\n  Slow holds, longer ones.\n" in text
    reloaded = load_library(user_dir=home / "routines").routines["evening"]
    assert reloaded.title == "Evening calf, longer"
    assert [s.stretch.id for s in reloaded.steps] == [
        "towel-calf-stretch", "wall-calf-stretch", "heel-raise"]
    assert reloaded.steps[1].reps == 2
    assert reloaded.steps[0].hold == 45
    assert reloaded.cues.halfway is True


def test_total_and_step_rows_follow_every_edit(bridge: EditorBridge, mine: Path) -> None:
    """The total, each step's time and values are read back after each change."""
    bridge.openFile(str(mine))
    routine = load_library(user_dir=mine.parent).routines["evening"]
    assert bridge.totalText == duration_text(routine.total_seconds)
    before = bridge.totalText
    rows = bridge.steps.rows()
    assert [r.counted for r in rows] == [False, True, False]
    assert rows[0].hold == 40 and rows[2].hold == 30
    assert rows[1].count == 10 and rows[1].tempo == 2
    assert rows[0].sided and not rows[1].sided
    bridge.stepActions.setStepValue(1, "count", 20)
    assert bridge.totalText != before
    assert bridge.steps.rows()[1].summary == "20 × 2 s"
    bridge.stepActions.setStepCounted(1, False)
    assert not bridge.steps.rows()[1].counted
    assert "count" not in bridge.draft.steps()[1]  # type: ignore[union-attr]
    bridge.stepActions.setStepCounted(0, True)
    assert bridge.steps.rows()[0].counted and bridge.problems == []
    bridge.stepActions.setStepValue(2, "sides", "left")
    assert bridge.steps.rows()[2].sides == "left"
    assert bridge.steps.rows()[2].summary.endswith("left side only")


def test_structural_edits_are_announced_as_such(bridge: EditorBridge, mine: Path,
                                                 qtbot: QtBot) -> None:
    """Add, move and remove tell views rowsInserted, rowsMoved, rowsRemoved, never a reset."""
    bridge.openFile(str(mine))
    model = bridge.steps
    seen: list[str] = []
    model.modelReset.connect(lambda: seen.append("reset"))
    model.rowsInserted.connect(lambda *_: seen.append("inserted"))
    model.rowsMoved.connect(lambda *_: seen.append("moved"))
    model.rowsRemoved.connect(lambda *_: seen.append("removed"))
    assert bridge.stepActions.addStep("toe-raise") == 3
    assert bridge.stepActions.moveStep(3, 0) == 0
    bridge.stepActions.removeStep(1)
    assert seen == ["inserted", "moved", "removed"]
    assert names(bridge) == ["toe-raise", "heel-raise", "towel-calf-stretch"]
    assert [r.number for r in model.rows()] == [1, 2, 3]
    roles = {bytes(v).decode(): k for k, v in model.roleNames().items()}
    assert model.data(model.index(0), roles["name"]) == "Toe raises"
    assert model.rowCount(QModelIndex()) == 3


def test_switch_and_relax_are_set_per_step_where_they_apply(
        bridge: EditorBridge, mine: Path) -> None:
    """A step's own switch and relax are written, timed and shown only where they apply."""
    assert LIMITS["switch"] == LIMITS["relax"] == list(PAUSE_RANGE)
    bridge.openFile(str(mine))
    rows = bridge.steps.rows()
    assert [r.showsSwitch for r in rows] == [True, False, True]  # heel raises have no sides
    assert [r.showsRelax for r in rows] == [False, False, False]
    assert rows[0].sideSwitch == 5 and rows[0].relax == 5  # the format's defaults
    before = bridge.totalText
    bridge.stepActions.setStepValue(0, "switch", 8)
    bridge.stepActions.setStepValue(0, "reps", 2)
    bridge.stepActions.setStepValue(0, "relax", 12)
    row = bridge.steps.rows()[0]
    assert (row.sideSwitch, row.relax, row.showsRelax) == (8, 12, True)
    assert not row.switchInherited and not row.relaxInherited
    assert bridge.draft is not None
    assert "switch: 8s" in bridge.draft.text() and "relax: 12s" in bridge.draft.text()
    assert bridge.problems == [] and bridge.totalText != before
    routine = bridge.draft.routine()
    assert routine is not None
    assert (routine.steps[0].switch, routine.steps[0].relax) == (8, 12)
    bridge.stepActions.setStepValue(0, "sides", "left")
    assert not bridge.steps.rows()[0].showsSwitch


def test_use_default_drops_the_steps_own_timing(bridge: EditorBridge, mine: Path) -> None:
    """Each timing says whether it is the routine's default; useStepDefault brings it back."""
    bridge.openFile(str(mine))
    first, _, last = bridge.steps.rows()
    assert (first.hold, first.holdInherited) == (40, False)  # hold: 40s of its own
    assert (last.hold, last.holdInherited) == (30, True)  # the routine's hold: 30s
    assert all((r.prepareInherited, r.restInherited, r.switchInherited, r.relaxInherited)
               == (True, True, True, True) for r in (first, last))
    for name in ("prepare", "rest", "switch", "relax"):
        bridge.stepActions.setStepValue(2, name, 7)
    own = bridge.steps.rows()[2]
    assert (own.prepare, own.rest, own.sideSwitch, own.relax) == (7, 7, 7, 7)
    assert not (own.prepareInherited or own.restInherited or own.switchInherited
                or own.relaxInherited)
    for name in ("prepare", "rest", "switch", "relax"):
        bridge.stepActions.useStepDefault(2, name)
    assert bridge.steps.rows()[2] == last
    bridge.stepActions.useStepDefault(0, "hold")
    assert bridge.draft is not None and "hold" not in bridge.draft.steps()[0]
    bridge.setDefault("hold", 50)
    assert bridge.steps.rows()[0].hold == 50 and bridge.steps.rows()[0].holdInherited
    bridge.stepActions.useStepDefault(1, "count")
    assert "not a timing with a routine default" in bridge.errorText
    assert bridge.draft.steps()[1]["count"] == 10


def test_numbers_from_javascript_are_stored_as_whole_seconds(
        bridge: EditorBridge, mine: Path) -> None:
    """A hold that QML hands over as 50.0 is written as 50s, not 50.0."""
    bridge.openFile(str(mine))
    bridge.stepActions.setStepValue(0, "hold", 50.0)  # type: ignore[arg-type]
    bridge.setCue("countdown", 5.0)  # type: ignore[arg-type]
    assert bridge.steps.rows()[0].hold == 50 and bridge.problems == []
    assert bridge.draft is not None and "hold: 50s" in bridge.draft.text()
    assert bridge.cues["countdown"] == 5


def test_moves_past_the_ends_stay_put(bridge: EditorBridge, mine: Path) -> None:
    """Moving the first step up or the last down changes nothing and marks nothing dirty."""
    bridge.openFile(str(mine))
    assert bridge.stepActions.moveStep(0, -1) == 0
    assert bridge.stepActions.moveStep(2, 3) == 2
    assert not bridge.dirty


def test_problems_are_placed_on_their_field_and_block_saving(
        bridge: EditorBridge, mine: Path) -> None:
    """A bad group shows under the group with line:column; a step problem on its row."""
    bridge.openFile(str(mine))
    bridge.setField("group", "Calf Muscles")
    assert not bridge.canSave
    assert bridge.fieldProblems["group"].startswith("4:8: group must be lowercase")
    bridge.setField("group", "calf")
    bridge.stepActions.setStepValue(1, "tempo", None)  # type: ignore[arg-type]
    problem = bridge.steps.rows()[1].problem
    assert "count needs a tempo in step 2" in problem
    assert problem.split(":")[0].isdigit()
    assert [p["step"] for p in bridge.problems] == [1]
    assert bridge.problemSummary == "1 problem to fix before saving"
    assert bridge.totalText == "–" and not bridge.canPreview
    assert not bridge.save()
    assert mine.read_text(encoding="utf-8") == HAND_WRITTEN


def test_unknown_keys_are_listed_apart(bridge: EditorBridge, home: Path) -> None:
    """A problem on no field the page shows goes to otherProblems, with its place."""
    path = home / "routines" / "odd.yaml"
    path.write_text(HAND_WRITTEN.replace("kind: cool-down", "kind: cool-down\ncolour: red"),
                    encoding="utf-8")
    assert bridge.openFile(str(path))
    assert bridge.otherProblems and bridge.otherProblems[0].startswith("6:1: unknown key")


def test_a_missing_title_is_shown_under_the_title(bridge: EditorBridge, mine: Path) -> None:
    """Emptying the title removes the key; the loader's complaint goes under the title."""
    bridge.openFile(str(mine))
    bridge.setField("title", "")
    assert "missing required key 'title'" in bridge.fieldProblems["title"]
    assert bridge.otherProblems == [] and not bridge.canSave


def test_a_bad_edit_is_refused_with_a_reason(bridge: EditorBridge, mine: Path) -> None:
    """Adding a stretch that is not in the catalogue changes nothing and says why."""
    bridge.openFile(str(mine))
    assert bridge.stepActions.addStep("no-such-stretch") == -1
    assert "no stretch with id 'no-such-stretch'" in bridge.errorText
    assert not bridge.dirty


# --- saving, reverting, the file on disk ------------------------------------------------


def test_a_full_disk_keeps_the_old_file_and_says_so(
        bridge: EditorBridge, mine: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A save failing with ENOSPC leaves the file as it was and the draft still dirty."""
    bridge.openFile(str(mine))
    bridge.setField("title", "Changed")

    def full(*_args: object) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(safe_write.os, "fsync", full)
    assert not bridge.save()
    assert "the disk is full" in bridge.errorText
    assert "previous version is unchanged" in bridge.errorText
    assert mine.read_text(encoding="utf-8") == HAND_WRITTEN
    assert bridge.dirty and bridge.canSave


def test_revert_reads_the_file_again(bridge: EditorBridge, mine: Path) -> None:
    """Revert drops every change since the last save."""
    bridge.openFile(str(mine))
    bridge.stepActions.removeStep(0)
    bridge.revert()
    assert not bridge.dirty
    assert names(bridge) == ["wall-calf-stretch", "heel-raise", "towel-calf-stretch"]


def test_outside_changes_are_offered_for_reload(bridge: EditorBridge, mine: Path,
                                                qtbot: QtBot) -> None:
    """Another program changing the open file raises a notice; the editor's own save does not."""
    bridge.openFile(str(mine))
    bridge.setField("title", "Mine")
    bridge.save()
    qtbot.wait(150)
    assert bridge.diskNotice == ""
    with qtbot.waitSignal(bridge.diskChanged, timeout=3000):
        mine.write_text(HAND_WRITTEN.replace("Evening calf", "Changed elsewhere"),
                        encoding="utf-8")
    assert "changed outside the editor" in bridge.diskNotice
    bridge.reloadFromDisk()
    assert bridge.title == "Changed elsewhere"
    assert bridge.diskNotice == ""


def test_keeping_my_version_then_saving_replaces_the_outside_one(
        bridge: EditorBridge, mine: Path, qtbot: QtBot) -> None:
    """Keep mine dismisses the notice; the next save writes the editor's version."""
    bridge.openFile(str(mine))
    with qtbot.waitSignal(bridge.diskChanged, timeout=3000):
        mine.write_text(HAND_WRITTEN.replace("Evening calf", "Elsewhere"), encoding="utf-8")
    bridge.keepMine()
    assert bridge.diskNotice == "" and bridge.canSave
    assert bridge.save()
    assert "Evening calf" in mine.read_text(encoding="utf-8")


def test_preview_hands_over_the_drafts_routine(bridge: EditorBridge, mine: Path,
                                               qtbot: QtBot) -> None:
    """Preview emits the Routine built from the unsaved draft."""
    bridge.openFile(str(mine))
    bridge.stepActions.setStepValue(0, "hold", 20)
    with qtbot.waitSignal(bridge.previewRequested) as sent:
        assert bridge.preview()
    routine = sent.args[0]
    assert isinstance(routine, Routine)
    assert routine.steps[0].hold == 20
    assert mine.read_text(encoding="utf-8") == HAND_WRITTEN


# --- delete, undo, the desktop ------------------------------------------------------------


def test_delete_is_undone(bridge: EditorBridge, mine: Path, qtbot: QtBot,
                          store: LibraryStore) -> None:
    """Deleting closes the open file and says so with an undo; undo puts the file back."""
    store.reload()
    bridge.customise("evening")
    with qtbot.waitSignals([bridge.closed, bridge.toast, bridge.routinesChanged]):
        assert bridge.deleting.deleteRoutine("evening")
    assert not mine.exists() and not bridge.isOpen and bridge.deleting.canUndo
    assert "evening" not in bridge.library.routines
    assert bridge.deleting.undo()
    assert mine.read_text(encoding="utf-8") == HAND_WRITTEN
    assert "evening" in bridge.library.routines
    assert not bridge.deleting.canUndo


def test_delete_asks_with_the_routines_title(bridge: EditorBridge, mine: Path,
                                             store: LibraryStore) -> None:
    """The question before a delete names the routine; a new one is discarded instead."""
    store.reload()
    assert bridge.deleting.prompt("evening") == {
        "heading": "Delete “Evening calf”?",
        "message": "It is moved to the backups folder; you can undo right after.",
        "accept": "Delete"}
    bridge.openFile(str(mine))
    bridge.setField("title", "Evening calf, edited")
    assert bridge.deleting.promptOpen()["heading"] == "Delete “Evening calf, edited”?"
    assert mine.exists() and bridge.isOpen  # asking deletes nothing
    bridge.close()
    bridge.newRoutine()
    prompt = bridge.deleting.promptOpen()
    assert prompt["heading"] == "Discard “My routine”?" and prompt["accept"] == "Discard"
    assert "never been saved" in prompt["message"]


def test_builtin_routines_cannot_be_deleted(bridge: EditorBridge) -> None:
    """deleteRoutine on a built-in id refuses and keeps the file."""
    assert not bridge.deleting.deleteRoutine("back-relief")
    assert "cannot be deleted" in bridge.errorText


def test_reveal_and_open_hand_file_urls_to_the_desktop(bridge: EditorBridge, mine: Path) -> None:
    """Show in folder opens the folder's URL, Open as text the file's."""
    catcher = UrlCatcher()
    QDesktopServices.setUrlHandler("file", catcher, "open")
    try:
        bridge.openFile(str(mine))
        assert bridge.revealFile()
        assert bridge.openFileExternally()
    finally:
        QDesktopServices.unsetUrlHandler("file")
    assert [u.toLocalFile() for u in catcher.urls] == [str(mine.parent), str(mine)]


# --- the catalogue -------------------------------------------------------------------------


def test_catalogue_filters_by_words_and_group(bridge: EditorBridge) -> None:
    """Search words must all match, in name, group or instructions; the group narrows."""
    stretches = bridge.library.stretches  # loads the library, which fills the catalogue
    catalogue = bridge.catalogue
    everything = catalogue.rowCount()
    assert everything == len(stretches)
    catalogue.filterText = "calf wall"
    found = [catalogue.stretch_at(i) for i in range(catalogue.rowCount())]
    # Matches in the name (or the group: knee-to-wall is a calf stretch) come first.
    in_name = [all(w in s.name.lower() or w == s.group for w in ("calf", "wall"))
               for s in found if s]
    assert in_name[0] and not in_name[-1]  # instructions mention a wall: listed after
    assert in_name == sorted(in_name, reverse=True)
    assert {"wall-calf-stretch", "bent-knee-wall-calf-stretch"} <= {s.id for s in found if s}
    catalogue.filterText = ""
    catalogue.groupFilter = "neck"
    assert catalogue.rowCount() < everything
    assert all(catalogue.stretch_at(i).group == "neck"  # type: ignore[union-attr]
               for i in range(catalogue.rowCount()))
    assert catalogue.groups[0] == {"value": "", "label": "All groups"}
    catalogue.filterText = "zzzz"
    assert catalogue.rowCount() == 0 and catalogue.stretchIdAt(0) == ""


def test_catalogue_rows_have_thumbnails_for_the_theme(bridge: EditorBridge, home: Path) -> None:
    """A drawn stretch gets an SVG file in the cache, drawn for the current theme."""
    assert bridge.library.stretches
    catalogue = bridge.catalogue
    roles = {bytes(v).decode(): k for k, v in catalogue.roleNames().items()}
    light = catalogue.data(catalogue.index(0), roles["thumbnail"])
    bridge.set_theme("dark")
    dark = catalogue.data(catalogue.index(0), roles["thumbnail"])
    assert light != dark
    for url in (light, dark):
        path = Path(QUrl(url).toLocalFile())
        assert path.parent == home / "cache" / "thumbnails"
        assert path.read_text(encoding="utf-8").startswith("<svg")


# --- sharing -------------------------------------------------------------------------------


def test_export_then_import_asks_before_replacing(home: Path, mine: Path, tmp_path: Path,
                                                  qtbot: QtBot, store: LibraryStore) -> None:
    """An exported routine imports back only with consent to replace the existing one."""
    sharing = SharingBridge(home, store)
    out = tmp_path / "shared" / "evening.yaml"
    assert sharing.exportRoutine("evening", QUrl.fromLocalFile(str(out)).toString())
    assert out.read_text(encoding="utf-8") == HAND_WRITTEN
    assert sharing.planImport(QUrl.fromLocalFile(str(out)).toString())
    assert sharing.canImport
    assert sharing.importSummary[1].startswith("routine 'evening': Evening calf")
    assert sharing.importReplaces == ["your routine 'evening'", f"file {mine}"]
    assert not sharing.confirmImport(False)
    assert "without your consent" in sharing.errorText and sharing.importing
    with qtbot.waitSignal(sharing.routinesChanged):
        assert sharing.confirmImport(True)
    assert not sharing.importing
    assert (home / "backups" / "replaced").is_dir()


def test_import_of_a_broken_file_shows_its_problems(home: Path, tmp_path: Path,
                                                    store: LibraryStore) -> None:
    """A broken routine is planned with its problems and cannot be imported."""
    broken = tmp_path / "broken.yaml"
    broken.write_text("format: 1\ntitle: Broken\ngroup: calf\nkind: warmup\nsteps: []\n",
                      encoding="utf-8")
    sharing = SharingBridge(home, store)
    assert sharing.planImport(str(broken))
    assert not sharing.canImport
    assert any("kind must be one of" in p for p in sharing.importProblems)
    assert not sharing.confirmImport(False)
    assert not (home / "routines" / "broken.yaml").exists()


def test_import_of_something_else_is_refused(home: Path, tmp_path: Path,
                                             store: LibraryStore) -> None:
    """A file that is neither .yaml nor .zip is refused at once with a reason."""
    other = tmp_path / "notes.txt"
    other.write_text("hello", encoding="utf-8")
    sharing = SharingBridge(home, store)
    assert not sharing.planImport(str(other))
    assert "takes a .yaml or .zip" in sharing.errorText


def test_an_import_is_planned_off_the_gui_thread(home: Path, mine: Path, tmp_path: Path,
                                                 qtbot: QtBot, store: LibraryStore,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    """planImport unpacks and loads on the runner's worker; planReady brings the plan back."""
    threads: list[int] = []
    real_plan = sharing_bridge.plan_import

    def plan_noting_thread(*args: Any) -> Any:
        threads.append(threading.get_ident())
        return real_plan(*args)

    monkeypatch.setattr(sharing_bridge, "plan_import", plan_noting_thread)
    runner = TaskRunner()
    sharing = SharingBridge(home, store, runner)
    out = tmp_path / "shared" / "evening.yaml"
    assert sharing.exportRoutine("evening", str(out))
    with qtbot.waitSignal(sharing.planReady, timeout=10000):
        assert sharing.planImport(str(out))
        assert sharing.planning and not sharing.importing
    assert threads and threads[0] != threading.get_ident()
    assert not sharing.planning and sharing.canImport
    assert sharing.importReplaces == ["your routine 'evening'", f"file {mine}"]
    # Cancelled while planning: the plan that comes back is thrown away.
    sharing.cancelImport()
    sharing.planImport(str(out))
    sharing.cancelImport()
    runner.wait_idle(10)
    staging = paths.cache_dir(home) / "imports"
    qtbot.waitUntil(lambda: len(threads) == 2 and not any(staging.iterdir()), timeout=10000)
    assert not sharing.importing and not sharing.planning
    runner.shutdown()


# --- reading the file again: bounded, off the GUI thread --------------------------------


@pytest.fixture
def threaded_bridge(home: Path, tmp_path: Path, qtbot: QtBot) -> Iterator[EditorBridge]:
    """An editor whose revert runs on the real task runner's worker.

    Its library store follows another folder: the loader's own handling of a
    FIFO among the routines is not what these tests are about.
    """
    (tmp_path / "elsewhere").mkdir()
    store = LibraryStore(tmp_path / "elsewhere", InlineRunner(), load_library_of)
    store.reload()
    runner = TaskRunner()
    editor = EditorBridge(home, store, runner)
    yield editor
    editor.close()
    runner.shutdown()


def test_revert_reads_the_file_again_on_a_worker(threaded_bridge: EditorBridge, mine: Path,
                                                  qtbot: QtBot) -> None:
    """Revert throws the edits away; the file is read on a worker and shown when read."""
    assert threaded_bridge.openFile(str(mine))
    threaded_bridge.setField("title", "Changed here")
    mine.write_text(HAND_WRITTEN.replace("Evening calf", "Changed on disk"), encoding="utf-8")
    threaded_bridge.revert()
    qtbot.waitUntil(lambda: threaded_bridge.title == "Changed on disk", timeout=5000)
    assert not threaded_bridge.dirty


@pytest.mark.parametrize("damage", ["huge", "deep", "fifo"])
def test_reload_of_a_damaged_file_says_why_and_keeps_the_draft(
        threaded_bridge: EditorBridge, mine: Path, qtbot: QtBot, damage: str) -> None:
    """A file grown past the cap, nested too deep or turned into a FIFO is refused in words."""
    assert threaded_bridge.openFile(str(mine))
    threaded_bridge.setField("title", "Mine still")
    if damage == "huge":
        mine.write_text("# padding\n" * 200_000, encoding="utf-8")
    elif damage == "deep":
        mine.write_text("a: " + "[" * 5000 + "]" * 5000 + "\n", encoding="utf-8")
    else:
        mine.unlink()
        os.mkfifo(mine)
    with qtbot.waitSignal(threaded_bridge.errorChanged, timeout=5000):
        threaded_bridge.reloadFromDisk()
    assert threaded_bridge.errorText.startswith("Could not open evening.yaml: ")
    assert {"huge": "1 MiB", "deep": "nest", "fifo": "not a regular file"}[damage] \
        in threaded_bridge.errorText
    assert threaded_bridge.title == "Mine still" and threaded_bridge.isOpen
