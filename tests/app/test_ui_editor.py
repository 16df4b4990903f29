"""The editor page driven like a person would: keys, clicks, the real QML and bridges."""

from __future__ import annotations

import errno
import os
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Q_ARG, QCoreApplication, QMetaObject, QObject, QPointF, Qt, QUrl
from PySide6.QtGui import QAccessible
from PySide6.QtQuick import QQuickItem
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from stretchapp.core.loading.library import load_library
from stretchapp.core.storage import safe_write
from tests.app.editor_harness.window import EditorWindow, find_item, open_editor_window
from tests.helpers.routine_texts import HAND_WRITTEN
from tests.helpers.ui import Ui, is_blank, still_image

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
# Set to a folder to keep the screenshots the tests take (they are looked at by people).
SHOTS_VARIABLE = "STRETCHAPP_SCREENSHOTS"


@pytest.fixture
def mine(home: Path) -> Path:
    path = home / "routines" / "evening.yaml"
    path.write_text(HAND_WRITTEN, encoding="utf-8")
    return path


def _show(qtbot: QtBot, home: Path, *, dark: bool = False) -> EditorWindow:
    shown = open_editor_window(home, dark=dark)
    shown.window.requestActivate()
    qtbot.waitUntil(shown.window.isActive, timeout=3000)
    return shown


@pytest.fixture
def ui(home: Path, mine: Path, qtbot: QtBot) -> Iterator[EditorWindow]:
    """The editor page with the hand-written routine open."""
    shown = _show(qtbot, home)
    assert shown.editor.openFile(str(mine))
    qtbot.waitUntil(lambda: find_item(shown.window.contentItem(), "step_2") is not None)
    yield shown
    shown.close()


def step_names(ui: EditorWindow) -> list[str]:
    return [row.stretchId for row in ui.editor.steps.rows()]


def visible(ui: EditorWindow, name: str) -> bool:
    return bool(ui.find(name).property("visible"))


def focus(ui: EditorWindow, name: str) -> QQuickItem:
    item = ui.item(name)
    item.forceActiveFocus(Qt.FocusReason.TabFocusReason)
    return item


def has_focus_within(item: QQuickItem) -> bool:
    return bool(item.hasActiveFocus())


# --- keyboard ---------------------------------------------------------------------------


def test_tab_reaches_the_steps_and_ctrl_arrows_move_the_focused_one(
        ui: EditorWindow, qtbot: QtBot) -> None:
    """Tab from Add step lands on step 1; Ctrl+Down/Up move it and the focus goes with it."""
    focus(ui, "addStepButton")
    ui.press(Qt.Key.Key_Tab)
    assert has_focus_within(ui.item("step_0"))
    ui.press(Qt.Key.Key_Down, CTRL)
    ui.press(Qt.Key.Key_Down, CTRL)
    assert step_names(ui) == ["heel-raise", "towel-calf-stretch", "wall-calf-stretch"]
    qtbot.waitUntil(lambda: has_focus_within(ui.item("step_2")))
    assert ui.item("step_2Name").property("text") == "Standing wall calf stretch"
    ui.press(Qt.Key.Key_Up, CTRL)
    assert step_names(ui) == ["heel-raise", "wall-calf-stretch", "towel-calf-stretch"]
    ui.press(Qt.Key.Key_Down, CTRL)
    ui.press(Qt.Key.Key_Down, CTRL)  # already last: stays
    assert step_names(ui) == ["heel-raise", "towel-calf-stretch", "wall-calf-stretch"]
    assert ui.editor.dirty


def test_ctrl_arrows_work_from_a_spin_box_inside_the_step(ui: EditorWindow) -> None:
    """Ctrl+Up moves the step even while one of its spin boxes has the focus."""
    focus(ui, "step_1RepsSpin")
    ui.press(Qt.Key.Key_Up, CTRL)
    assert step_names(ui) == ["heel-raise", "wall-calf-stretch", "towel-calf-stretch"]
    assert ui.editor.steps.rows()[0].reps == 1  # the spin box did not take the key


def test_delete_removes_the_focused_step_and_focus_moves_on(
        ui: EditorWindow, qtbot: QtBot) -> None:
    """Delete on a step card removes that step; the next one takes the focus."""
    focus(ui, "step_1")
    ui.press(Qt.Key.Key_Delete)
    assert step_names(ui) == ["wall-calf-stretch", "towel-calf-stretch"]
    qtbot.waitUntil(lambda: has_focus_within(ui.item("step_1")))
    assert ui.item("step_1Name").property("text") == "Seated towel calf stretch"


def test_catalogue_search_adds_a_step_by_keyboard(ui: EditorWindow, qtbot: QtBot) -> None:
    """Ctrl+Shift+A, type a name, Down, Enter: the stretch is added and focused."""
    ui.press(Qt.Key.Key_A, CTRL | SHIFT)
    picker = ui.find("cataloguePicker")
    qtbot.waitUntil(lambda: bool(picker.property("opened")))
    assert has_focus_within(ui.item("catalogueSearch"))
    ui.type("toe raise")
    qtbot.waitUntil(lambda: ui.editor.catalogue.rowCount() >= 1)
    assert ui.editor.catalogue.stretchIdAt(0) == "toe-raise"
    ui.press(Qt.Key.Key_Down)
    assert has_focus_within(ui.item("catalogueResults"))
    ui.press(Qt.Key.Key_Return)
    assert step_names(ui)[-1] == "toe-raise"
    qtbot.waitUntil(lambda: not picker.property("visible"))
    qtbot.waitUntil(lambda: has_focus_within(ui.item("step_3")))
    assert ui.editor.totalText != "–"


def test_catalogue_lines_name_group_sides_and_summary(ui: EditorWindow, qtbot: QtBot) -> None:
    """A sided stretch's line says group, both sides and summary; a one-sided one no sides."""
    ui.press(Qt.Key.Key_A, CTRL | SHIFT)
    qtbot.waitUntil(lambda: bool(ui.find("cataloguePicker").property("opened")))
    ui.type("wall calf")
    qtbot.waitUntil(lambda: _line(ui, "wall-calf-stretch") != "")
    sided = _line(ui, "wall-calf-stretch")
    assert sided.startswith("Calf · left and right — ") and len(sided) > 30
    for _ in "wall calf":
        ui.press(Qt.Key.Key_Backspace)
    ui.type("toe raise")
    qtbot.waitUntil(lambda: _line(ui, "toe-raise") != "")
    single = _line(ui, "toe-raise")
    assert single.startswith("Calf — ") and "left and right" not in single
    ui.press(Qt.Key.Key_Escape)


def _line(ui: EditorWindow, stretch_id: str) -> str:
    """The text under a stretch's name in the picker ('' while its row is not made)."""
    content = ui.find("cataloguePicker").property("contentItem")  # a Popup's own items
    found = find_item(content, f"catalogueLine_{stretch_id}")
    return "" if found is None else str(found.property("text"))


def test_catalogue_group_filter_narrows_the_list(ui: EditorWindow, qtbot: QtBot) -> None:
    """Choosing a group in the picker lists only that group's stretches."""
    ui.click("addStepButton")
    qtbot.waitUntil(lambda: bool(ui.find("cataloguePicker").property("opened")))
    everything = ui.editor.catalogue.rowCount()
    box = focus(ui, "catalogueGroup")
    QTest.keyClick(ui.window, Qt.Key.Key_Down)  # a closed ComboBox steps to the next choice
    assert box.property("currentText") != "All groups"
    assert 0 < ui.editor.catalogue.rowCount() < everything
    ui.press(Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not ui.find("cataloguePicker").property("visible"))
    assert step_names(ui) == ["wall-calf-stretch", "heel-raise", "towel-calf-stretch"]


def test_spin_box_keys_change_a_step_and_the_total(ui: EditorWindow) -> None:
    """Up in a step's hold box adds a second to the step and to the total."""
    before = ui.editor.totalText
    focus(ui, "step_0HoldSpin")
    ui.press(Qt.Key.Key_Up)
    assert ui.editor.steps.rows()[0].hold == 41
    assert ui.editor.totalText != before
    assert ui.item("editorSave").property("enabled")


def test_switch_and_relax_show_where_they_apply_and_set_the_steps_own(
        ui: EditorWindow) -> None:
    """Switch sides shows on a two-sided step, Relax once it has reps; keys set them."""
    assert visible(ui, "step_0Switch") and not visible(ui, "step_1Switch")  # heel raises
    assert not visible(ui, "step_0Relax")
    focus(ui, "step_0RepsSpin")
    ui.press(Qt.Key.Key_Up)
    assert visible(ui, "step_0Relax")
    assert visible(ui, "step_0RelaxDefault") and not visible(ui, "step_0RelaxUseDefault")
    focus(ui, "step_0RelaxSpin")
    ui.press(Qt.Key.Key_Up)
    focus(ui, "step_0SwitchSpin")
    ui.press(Qt.Key.Key_Down)
    row = ui.editor.steps.rows()[0]
    assert (row.reps, row.relax, row.sideSwitch) == (2, 6, 4)
    assert ui.editor.draft is not None
    assert (ui.editor.draft.steps()[0]["relax"], ui.editor.draft.steps()[0]["switch"]) == (
        "6s", "4s")
    assert visible(ui, "step_0RelaxUseDefault") and not visible(ui, "step_0RelaxDefault")
    focus(ui, "step_0Sides")
    ui.press(Qt.Key.Key_Down)  # a closed ComboBox steps to the next choice: left only
    assert ui.editor.steps.rows()[0].sides == "left"
    assert not visible(ui, "step_0Switch")


def test_use_default_by_mouse_and_by_keyboard(ui: EditorWindow) -> None:
    """A step's own value offers Use default; clicking it, or Tab and Space, takes the
    routine's value back, and the box then says "default"."""
    assert visible(ui, "step_0HoldUseDefault") and not visible(ui, "step_0HoldDefault")
    assert visible(ui, "step_2HoldDefault") and not visible(ui, "step_2HoldUseDefault")
    QAccessible.setActive(True)
    assert _accessible_name(ui.item("step_0HoldUseDefault")) == (
        "Use the routine's default for hold")
    ui.click("step_0HoldUseDefault")
    row = ui.editor.steps.rows()[0]
    assert row.hold == 30 and row.holdInherited
    assert visible(ui, "step_0HoldDefault") and not visible(ui, "step_0HoldUseDefault")
    assert has_focus_within(ui.item("step_0HoldSpin"))  # the focus stays in the box
    focus(ui, "step_1PrepareSpin")
    ui.press(Qt.Key.Key_Up)
    assert ui.editor.steps.rows()[1].prepare == 6
    assert not ui.editor.steps.rows()[1].prepareInherited
    ui.press(Qt.Key.Key_Tab)
    assert ui.focused() is ui.item("step_1PrepareUseDefault")
    ui.press(Qt.Key.Key_Space)
    row = ui.editor.steps.rows()[1]
    assert row.prepare == 5 and row.prepareInherited
    assert ui.editor.draft is not None and "prepare" not in ui.editor.draft.steps()[1]
    assert has_focus_within(ui.item("step_1PrepareSpin"))


def test_typed_title_saves_with_ctrl_s_and_keeps_comments(
        ui: EditorWindow, mine: Path, home: Path) -> None:
    """Select the title, type a new one, Ctrl+S: saved, reloaded, comments and order kept."""
    focus(ui, "titleField")
    ui.press(Qt.Key.Key_A, CTRL)
    ui.type("late calf")
    assert ui.editor.title == "late calf"
    focus(ui, "step_2")
    ui.press(Qt.Key.Key_Up, CTRL)
    ui.press(Qt.Key.Key_S, CTRL)
    assert not ui.editor.dirty, ui.editor.errorText
    text = mine.read_text(encoding="utf-8")
    assert re.search(r"^title: late calf +# shown in the library$", text, re.MULTILINE)
    assert "# first the wall" in text and "# my usual hold" in text
    routine = load_library(user_dir=home / "routines").routines["evening"]
    assert [s.stretch.id for s in routine.steps] == [
        "wall-calf-stretch", "towel-calf-stretch", "heel-raise"]
    assert not ui.item("editorSave").property("enabled")


# --- problems and failures --------------------------------------------------------------


def test_problems_show_under_the_field_and_disable_save(ui: EditorWindow) -> None:
    """A group with a space is shown wrong, with line:column, and Save is disabled."""
    group = ui.item("groupField")
    editor_text = group.property("contentItem")
    assert isinstance(editor_text, QQuickItem)
    editor_text.forceActiveFocus()
    ui.press(Qt.Key.Key_A, CTRL)
    ui.type("calf muscles")
    problem = ui.item("groupProblem")
    assert problem.property("visible")
    assert str(problem.property("text")).startswith("4:8: group must be lowercase")
    assert not ui.item("editorSave").property("enabled")
    assert "1 problem to fix before saving" in ui.item("editorProblemsText").property("text")
    ui.press(Qt.Key.Key_A, CTRL)
    ui.type("calf")
    assert not problem.property("visible")
    assert ui.item("editorSave").property("enabled")


def test_a_step_problem_shows_on_its_card(ui: EditorWindow) -> None:
    """A counted step without a tempo shows the loader's message on that step's card."""
    ui.editor.stepActions.setStepValue(1, "tempo", None)  # type: ignore[arg-type]
    problem = ui.item("step_1Problem")
    assert problem.property("visible")
    assert "count needs a tempo in step 2" in str(problem.property("text"))
    assert not ui.item("step_0Problem").property("visible")


def test_a_failed_save_keeps_the_file_and_shows_why(
        ui: EditorWindow, mine: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """With the disk full the old file stays, the banner says so, the changes stay."""
    def full(*_args: object) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(safe_write.os, "fsync", full)
    ui.editor.setField("title", "Will not be written")
    ui.click("editorSave")
    assert mine.read_text(encoding="utf-8") == HAND_WRITTEN
    assert visible(ui, "editorError")
    assert "the disk is full" in ui.item("editorErrorText").property("text")
    assert ui.editor.dirty
    ui.click("editorErrorFirst")
    assert not visible(ui, "editorError")


# --- leaving, deleting, outside changes -------------------------------------------------


def test_leaving_with_changes_asks_and_discard_keeps_the_file(
        ui: EditorWindow, mine: Path, qtbot: QtBot) -> None:
    """Back with unsaved changes opens the question; Discard leaves without writing."""
    ui.editor.setField("title", "Not kept")
    ui.click("editorBack")
    dialog = ui.find("leaveDialog")
    qtbot.waitUntil(lambda: bool(dialog.property("opened")))
    assert ui.item("leaveSave").hasActiveFocus()
    with qtbot.waitSignal(ui.editor.closed):
        ui.click("leaveDiscard")
    assert not ui.editor.isOpen
    assert mine.read_text(encoding="utf-8") == HAND_WRITTEN


def test_leaving_with_save_writes_then_closes(ui: EditorWindow, mine: Path,
                                              qtbot: QtBot) -> None:
    """Choosing Save in the question saves the routine, then leaves."""
    ui.editor.setField("title", "Kept")
    ui.click("editorBack")
    qtbot.waitUntil(lambda: bool(ui.find("leaveDialog").property("opened")))
    with qtbot.waitSignal(ui.editor.closed):
        ui.press(Qt.Key.Key_Return)
    assert "title: Kept" in mine.read_text(encoding="utf-8")


def test_leaving_without_changes_does_not_ask(ui: EditorWindow, qtbot: QtBot) -> None:
    """A saved routine closes at once."""
    with qtbot.waitSignal(ui.editor.closed):
        ui.click("editorBack")
    assert not ui.find("leaveDialog").property("visible")


def _open_delete_dialog(ui: EditorWindow, qtbot: QtBot) -> QObject:
    ui.click("editorDelete")
    dialog = ui.find("deleteDialog")
    qtbot.waitUntil(lambda: bool(dialog.property("opened")))
    return dialog


def test_delete_asks_first_and_keep_deletes_nothing(
        ui: EditorWindow, mine: Path, qtbot: QtBot) -> None:
    """Delete routine asks, naming the routine, with Keep focused; Enter and Esc keep it."""
    dialog = _open_delete_dialog(ui, qtbot)
    assert dialog.property("heading") == "Delete “Evening calf”?"
    assert dialog.property("message") == (
        "It is moved to the backups folder; you can undo right after.")
    assert ui.item("deleteDialogAccept").property("text") == "Delete"
    assert ui.item("deleteDialogReject").property("text") == "Keep"
    assert ui.item("deleteDialogReject").hasActiveFocus()
    ui.press(Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not dialog.property("visible"))
    assert mine.read_text(encoding="utf-8") == HAND_WRITTEN and ui.editor.isOpen
    _open_delete_dialog(ui, qtbot)
    ui.press(Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not dialog.property("visible"))
    assert mine.exists() and ui.editor.isOpen and not visible(ui, "undoToast")


def test_delete_then_undo_from_the_toast(ui: EditorWindow, mine: Path, qtbot: QtBot) -> None:
    """Confirmed by keyboard, the delete moves the file away; Undo in the toast brings it back."""
    _open_delete_dialog(ui, qtbot)
    ui.press(Qt.Key.Key_Tab)
    assert ui.item("deleteDialogAccept").hasActiveFocus()
    ui.press(Qt.Key.Key_Return)
    assert not mine.exists()
    qtbot.waitUntil(lambda: visible(ui, "undoToast"))
    assert "Deleted “Evening calf”" in ui.item("undoToastText").property("text")
    ui.click("undoToastUndo")
    assert mine.read_text(encoding="utf-8") == HAND_WRITTEN
    qtbot.waitUntil(lambda: "Restored" in ui.item("undoToastText").property("text"))


def test_discarding_a_new_routine_asks_too(ui: EditorWindow, qtbot: QtBot) -> None:
    """A new, never saved routine is discarded after a question of its own."""
    ui.editor.newRoutine()
    qtbot.waitUntil(lambda: ui.item("editorDelete").property("text") == "Discard")
    dialog = _open_delete_dialog(ui, qtbot)
    assert dialog.property("heading") == "Discard “My routine”?"
    with qtbot.waitSignal(ui.editor.closed):
        ui.click("deleteDialogAccept")
    assert not ui.editor.isOpen


def test_outside_change_offers_a_reload(ui: EditorWindow, mine: Path, qtbot: QtBot) -> None:
    """Another program saving the open file shows a banner; Reload takes its version."""
    with qtbot.waitSignal(ui.editor.diskChanged, timeout=3000):
        mine.write_text(HAND_WRITTEN.replace("Evening calf", "From my text editor"),
                        encoding="utf-8")
    assert visible(ui, "editorDisk")
    ui.click("editorDiskFirst")
    assert ui.editor.title == "From my text editor"
    assert ui.item("titleField").property("text") == "From my text editor"
    assert not visible(ui, "editorDisk")


# --- mouse ------------------------------------------------------------------------------


def test_dragging_the_handle_moves_a_step(ui: EditorWindow, qtbot: QtBot) -> None:
    """Dragging step 1 by its handle below step 3 puts it last."""
    handle = ui.item("step_0Handle")
    last = ui.item("step_2")
    start = handle.mapToScene(QPointF(handle.width() / 2, handle.height() / 2)).toPoint()
    end_y = last.mapToScene(QPointF(0, last.height() * 0.75)).toPoint().y()
    QTest.mousePress(ui.window, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                     start)
    for step in range(1, 21):
        point = start.__class__(start.x(), start.y() + (end_y - start.y()) * step // 20)
        QTest.mouseMove(ui.window, point)
        QCoreApplication.processEvents()
    QTest.mouseRelease(ui.window, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                       start.__class__(start.x(), end_y))
    assert step_names(ui) == ["heel-raise", "towel-calf-stretch", "wall-calf-stretch"]


# --- reachability and looks --------------------------------------------------------------


def _accessible_name(item: QObject) -> str:
    interface = QAccessible.queryAccessibleInterface(item)
    return interface.text(QAccessible.Text.Name) if interface is not None else ""


def test_tab_reaches_every_control_and_each_has_a_name(ui: EditorWindow) -> None:
    """Tabbing round the page visits the fields, defaults, cues, steps and buttons, all named."""
    ui.editor.setField("title", "Changed")  # enables Save and Revert
    focus(ui, "editorBack")
    seen: list[QQuickItem] = []
    for _ in range(200):
        ui.press(Qt.Key.Key_Tab)
        item = ui.focused()
        assert item is not None
        if seen and item is seen[0]:
            break
        seen.append(item)
    names = set()
    for item in seen:
        named = item
        while named is not None and not named.objectName():
            named = named.parentItem()
        names.add(named.objectName() if named is not None else "")
    wanted = {"titleField", "descriptionField", "kindField", "groupField", "safetyField",
              "default_holdSpin", "cueCountdownSpin", "cueHalfway", "cueVoice",
              "addStepButton", "step_0", "step_0HoldSpin", "step_1Up", "step_2Remove",
              "step_1Mode", "editorSave", "editorPreview", "editorReveal", "editorBack",
              "step_0HoldUseDefault", "step_0SwitchSpin", "step_2RestSpin", "editorDelete"}
    assert wanted <= names, wanted - names
    QAccessible.setActive(True)
    unnamed = [f"{item.metaObject().className()} in {item.parentItem().objectName()!r}"
               for item in seen if not _accessible_name(item).strip()]
    assert unnamed == []


@pytest.mark.parametrize("dark", [False, True], ids=["light", "dark"])
def test_screenshot_of_the_editor(home: Path, mine: Path, qtbot: QtBot, tmp_path: Path,
                                  dark: bool) -> None:
    """The editor renders in both themes, with a problem showing (kept for people to look at)."""
    shown = _show(qtbot, home, dark=dark)
    try:
        shown.editor.openFile(str(mine))
        shown.editor.stepActions.setStepValue(1, "tempo", None)  # type: ignore[arg-type]
        shown.editor.stepActions.setStepValue(0, "reps", 2)
        shown.editor.stepActions.setStepValue(0, "relax", 8)
        image = still_image(shown.window, qtbot)
        assert not image.isNull() and image.width() >= 1000
        colours = {image.pixel(x, y) for x in range(0, image.width(), 40)
                   for y in range(0, image.height(), 40)}
        assert len(colours) > 8  # drawn, not a blank window
        folder = Path(os.environ.get(SHOTS_VARIABLE) or tmp_path)
        folder.mkdir(parents=True, exist_ok=True)
        theme = "dark" if dark else "light"
        assert image.save(str(folder / f"editor-{theme}.png"))
        shown.press(Qt.Key.Key_A, CTRL | SHIFT)
        qtbot.waitUntil(lambda: bool(shown.find("cataloguePicker").property("opened")))
        shown.type("calf")
        assert still_image(shown.window, qtbot).save(str(folder / f"editor-picker-{theme}.png"))
        shown.press(Qt.Key.Key_Escape)
        qtbot.waitUntil(lambda: not shown.find("cataloguePicker").property("visible"))
        _open_delete_dialog(shown, qtbot)
        assert still_image(shown.window, qtbot).save(str(folder / f"editor-delete-{theme}.png"))
    finally:
        shown.close()


# --- export and import -------------------------------------------------------------------


def _call(target: QObject, method: str, *args: object) -> None:
    QMetaObject.invokeMethod(target, method, *(Q_ARG("QVariant", a) for a in args))


def _choose(dialogs: QObject, file_dialog: QObject, handler: str, path: Path) -> None:
    """Pick path in an open file dialog: close it, then hand the file to what its
    onAccepted calls (the dialog's own file list loads in the background, so
    accepting it from a test races with its first selection)."""
    QMetaObject.invokeMethod(file_dialog, "reject")
    _call(dialogs, handler, QUrl.fromLocalFile(str(path)))


def test_export_goes_through_the_file_dialog(ui: EditorWindow, tmp_path: Path,
                                             qtbot: QtBot) -> None:
    """Export opens the save dialog named after the routine; accepting writes the file."""
    dialog = ui.find("exportDialog")
    dialog.setProperty("currentFolder", QUrl.fromLocalFile(str(tmp_path)))
    _call(ui.find("sharingDialogs"), "exportRoutine", "evening")
    qtbot.waitUntil(lambda: bool(dialog.property("visible")))
    target = tmp_path / "evening.yaml"
    assert dialog.property("selectedFile").toLocalFile() == str(target)
    _choose(ui.find("sharingDialogs"), dialog, "exportTo", target)
    assert target.read_text(encoding="utf-8") == HAND_WRITTEN
    qtbot.waitUntil(lambda: "Exported to" in ui.item("undoToastText").property("text"))


def test_import_shows_the_plan_and_asks_before_replacing(
        ui: EditorWindow, mine: Path, tmp_path: Path, qtbot: QtBot) -> None:
    """Importing a routine that exists lists what it replaces; Import waits for consent."""
    shared = tmp_path / "evening.yaml"
    shared.write_text(HAND_WRITTEN.replace("Evening calf", "Shared evening"), encoding="utf-8")
    dialog = ui.find("importDialog")
    _call(ui.find("sharingDialogs"), "importFile")
    qtbot.waitUntil(lambda: bool(dialog.property("visible")))
    _choose(ui.find("sharingDialogs"), dialog, "importFrom", shared)
    plan = ui.find("importPlanDialog")
    qtbot.waitUntil(lambda: bool(plan.property("opened")))
    assert "Shared evening" in ui.item("importSummary_1").property("text")
    assert not ui.item("importConfirm").property("enabled")
    ui.click("importReplace")
    assert ui.item("importConfirm").property("enabled")
    ui.click("importConfirm")
    qtbot.waitUntil(lambda: not plan.property("visible"))
    assert "Shared evening" in mine.read_text(encoding="utf-8")


def test_a_broken_import_shows_its_problems_and_cannot_be_confirmed(
        ui: EditorWindow, home: Path, tmp_path: Path, qtbot: QtBot) -> None:
    """A file with errors is listed with its line:column messages and Import stays off."""
    broken = tmp_path / "broken.yaml"
    broken.write_text("format: 1\ntitle: Broken\ngroup: calf\nkind: warmup\nsteps: []\n",
                      encoding="utf-8")
    ui.sharing.planImport(QUrl.fromLocalFile(str(broken)).toString())
    _call(ui.find("sharingDialogs"), "showPlan")
    plan = ui.find("importPlanDialog")
    qtbot.waitUntil(lambda: bool(plan.property("opened")))
    assert not ui.item("importConfirm").property("enabled")
    ui.click("importCancel")
    qtbot.waitUntil(lambda: not plan.property("visible"))
    assert not ui.sharing.importing
    assert not (home / "routines" / "broken.yaml").exists()


# --- in the app: the shell's pages, navigation, player and library -----------------------


@pytest.fixture
def app_ui(open_ui: Any) -> Ui:
    """The whole app (Main.qml over AppShell) on the library page."""
    opened: Ui = open_ui()
    return opened


def _wait_page(app_ui: Ui, page: str) -> None:
    app_ui.qtbot.waitUntil(lambda: app_ui.page() == page, timeout=3000)
    app_ui.settle()


def test_the_editor_is_made_by_the_first_click_that_needs_it(app_ui: Ui) -> None:
    """The library page shows without editor or sharing; New routine makes them and opens."""
    assert app_ui.shell.editor is None and app_ui.shell.sharing is None
    assert app_ui.item("newRoutineButton").property("enabled")
    app_ui.click("newRoutineButton")
    _wait_page(app_ui, "editor")
    assert app_ui.shell.editor is not None and app_ui.shell.editor.isNew
    assert app_ui.shell.sharing is not None


def test_customise_from_the_detail_page_edits_a_copy_and_comes_back_to_it(
        app_ui: Ui, home: Path) -> None:
    """Customise copies the built-in, the editor saves it, Back shows the copy's page."""
    app_ui.click("routineCard_calf-relief")
    app_ui.click("customiseButton")
    _wait_page(app_ui, "editor")
    copy = home / "routines" / "calf-relief-mine.yaml"
    assert copy.exists()
    title = app_ui.item("titleField")
    title.forceActiveFocus()
    app_ui.key(Qt.Key.Key_A, CTRL)
    app_ui.type("evening calf")
    app_ui.key(Qt.Key.Key_S, CTRL)
    assert "title: evening calf" in copy.read_text(encoding="utf-8")
    app_ui.click("editorBack")
    _wait_page(app_ui, "detail")
    assert app_ui.text("detailTitle") == "evening calf"
    assert app_ui.exists("deleteButton") and app_ui.exists("exportButton")
    app_ui.click("detailBack")
    _wait_page(app_ui, "library")
    assert app_ui.exists("routineCard_calf-relief-mine")
    assert app_ui.exists("routineCard_calf-relief")  # the built-in is still there


def test_preview_plays_the_unsaved_draft_and_stopping_returns_to_the_editor(
        app_ui: Ui, home: Path) -> None:
    """Preview plays the draft as edited; Esc and Stop lead back to the editor, still dirty."""
    app_ui.click("routineCard_neck-relief")
    app_ui.click("customiseButton")
    _wait_page(app_ui, "editor")
    app_ui.shell.editor.stepActions.removeStep(0)
    steps = app_ui.shell.editor.steps.rowCount()
    app_ui.click("editorPreview")
    _wait_page(app_ui, "player")
    app_ui.click("acknowledgeButton")  # a relief routine's safety note, read once
    engine = app_ui.shell.player.engine
    assert engine is not None and len(engine.routine.steps) == steps
    app_ui.key(Qt.Key.Key_Escape)
    assert app_ui.popup_open("stopDialog")
    app_ui.click("stopDialogAccept")
    _wait_page(app_ui, "editor")
    assert app_ui.shell.editor.dirty
    assert app_ui.shell.editor.steps.rowCount() == steps


def test_new_routine_from_the_library_by_keyboard(app_ui: Ui, home: Path) -> None:
    """New routine, a title, a step from the catalogue search, Ctrl+S: it is in the library."""
    app_ui.click("newRoutineButton")
    _wait_page(app_ui, "editor")
    assert not app_ui.item("editorSave").property("enabled")
    assert "at least one" in app_ui.text("stepsProblem")
    title = app_ui.item("titleField")
    title.forceActiveFocus()
    app_ui.key(Qt.Key.Key_A, CTRL)
    app_ui.type("morning fit")  # M and F are window keys elsewhere (mute, full screen)
    assert app_ui.shell.editor.title == "morning fit"
    assert not app_ui.shell.settings.muted
    app_ui.key(Qt.Key.Key_A, CTRL | SHIFT)
    app_ui.qtbot.waitUntil(lambda: app_ui.popup_open("cataloguePicker"))
    app_ui.type("chin tuck")
    app_ui.key(Qt.Key.Key_Return)
    assert [r.stretchId for r in app_ui.shell.editor.steps.rows()] == ["chin-tuck"]
    app_ui.key(Qt.Key.Key_S, CTRL)
    saved = home / "routines" / "morning-fit.yaml"
    assert saved.exists(), app_ui.shell.editor.errorText
    app_ui.click("editorBack")
    _wait_page(app_ui, "library")
    assert app_ui.exists("routineCard_morning-fit")


def test_escape_with_unsaved_changes_asks_first(app_ui: Ui, home: Path) -> None:
    """Esc in a changed editor asks; Keep editing stays, Discard leaves the file as it was."""
    app_ui.click("routineCard_back-relief")
    app_ui.click("customiseButton")
    _wait_page(app_ui, "editor")
    copy = home / "routines" / "back-relief-mine.yaml"
    before = copy.read_text(encoding="utf-8")
    app_ui.shell.editor.setField("title", "Changed")
    app_ui.key(Qt.Key.Key_Escape)
    assert app_ui.popup_open("leaveDialog")
    app_ui.click("leaveKeep")
    assert app_ui.page() == "editor" and not app_ui.popup_open("leaveDialog")
    app_ui.key(Qt.Key.Key_Escape)
    app_ui.click("leaveDiscard")
    _wait_page(app_ui, "detail")
    assert copy.read_text(encoding="utf-8") == before


def test_escape_closes_the_catalogue_not_the_editor(app_ui: Ui) -> None:
    """With the stretch picker open, Esc closes the picker and the editor stays."""
    app_ui.click("routineCard_neck-relief")
    app_ui.click("customiseButton")
    _wait_page(app_ui, "editor")
    app_ui.key(Qt.Key.Key_A, CTRL | SHIFT)
    app_ui.qtbot.waitUntil(lambda: app_ui.popup_open("cataloguePicker"))
    app_ui.key(Qt.Key.Key_Escape)
    app_ui.qtbot.waitUntil(lambda: not app_ui.popup_open("cataloguePicker"))
    assert app_ui.page() == "editor"


def test_delete_from_the_editor_goes_back_where_it_came_from(app_ui: Ui, home: Path) -> None:
    """Deleting a fresh copy asks (Esc closes only the question), then shows the original."""
    app_ui.click("routineCard_back-warm-up")
    app_ui.click("customiseButton")
    _wait_page(app_ui, "editor")
    app_ui.click("editorDelete")
    app_ui.qtbot.waitUntil(lambda: app_ui.popup_open("deleteDialog"))
    app_ui.key(Qt.Key.Key_Escape)  # closes the question, not the editor
    assert app_ui.page() == "editor" and not app_ui.popup_open("deleteDialog")
    app_ui.click("editorDelete")
    app_ui.qtbot.waitUntil(lambda: app_ui.popup_open("deleteDialog"))
    app_ui.click("deleteDialogAccept")
    _wait_page(app_ui, "detail")
    assert app_ui.text("detailTitle") == "Back warm-up"
    assert not (home / "routines" / "back-warm-up-mine.yaml").exists()
    assert app_ui.exists("undoToastUndo")
    app_ui.click("undoToastUndo")
    assert (home / "routines" / "back-warm-up-mine.yaml").exists()


def test_closing_the_window_with_unsaved_changes_asks_first(app_ui: Ui) -> None:
    """Closing the window from a changed editor asks; Discard then closes it."""
    app_ui.click("routineCard_neck-cool-down")
    app_ui.click("customiseButton")
    _wait_page(app_ui, "editor")
    app_ui.shell.editor.setField("title", "Changed")
    app_ui.window.close()
    app_ui.settle()
    assert app_ui.window.isVisible()
    assert app_ui.popup_open("leaveDialog")
    app_ui.click("leaveDiscard")
    app_ui.qtbot.waitUntil(lambda: not app_ui.window.isVisible())


def test_delete_from_the_detail_page_then_undo(app_ui: Ui, home: Path) -> None:
    """Delete asks first (Keep keeps it); confirmed, it returns to the library; Undo restores."""
    app_ui.click("routineCard_calf-warm-up")
    app_ui.click("customiseButton")
    _wait_page(app_ui, "editor")
    app_ui.click("editorBack")
    _wait_page(app_ui, "detail")
    copy = home / "routines" / "calf-warm-up-mine.yaml"
    app_ui.click("deleteButton")
    app_ui.qtbot.waitUntil(lambda: app_ui.popup_open("deleteDialog"))
    assert app_ui.text("deleteDialogAccept") == "Delete"
    assert copy.exists()
    app_ui.click("deleteDialogReject")
    app_ui.qtbot.waitUntil(lambda: not app_ui.popup_open("deleteDialog"))
    assert copy.exists() and app_ui.page() == "detail"
    app_ui.click("deleteButton")
    app_ui.qtbot.waitUntil(lambda: app_ui.popup_open("deleteDialog"))
    app_ui.click("deleteDialogAccept")
    _wait_page(app_ui, "library")
    assert not copy.exists()
    assert not app_ui.exists("routineCard_calf-warm-up-mine")
    assert "Deleted" in app_ui.text("undoToastText")
    app_ui.click("undoToastUndo")
    assert copy.exists()
    app_ui.qtbot.waitUntil(lambda: app_ui.exists("routineCard_calf-warm-up-mine"))


def test_import_from_the_library_and_export_from_the_detail_page(
        app_ui: Ui, home: Path, tmp_path: Path) -> None:
    """Import… shows the plan and adds the routine; Export… writes it back out."""
    shared = tmp_path / "shared.yaml"
    shared.write_text(HAND_WRITTEN.replace("Evening calf", "Shared calf"), encoding="utf-8")
    assert app_ui.shell.sharing is None  # made by the first click that needs it
    app_ui.click("importButton")
    dialogs = app_ui.window.findChild(QObject, "librarySharing")
    dialog = dialogs.findChild(QObject, "importDialog")
    app_ui.qtbot.waitUntil(lambda: bool(dialog.property("visible")))
    _choose(dialogs, dialog, "importFrom", shared)
    app_ui.qtbot.waitUntil(lambda: app_ui.popup_open("importPlanDialog"))
    app_ui.click("importConfirm")
    app_ui.qtbot.waitUntil(lambda: app_ui.exists("routineCard_shared"))
    assert (home / "routines" / "shared.yaml").exists()

    app_ui.click("routineCard_shared")
    out = tmp_path / "out"
    out.mkdir()
    dialogs = app_ui.window.findChild(QObject, "detailSharing")
    exporter = dialogs.findChild(QObject, "exportDialog")
    app_ui.click("exportButton")
    app_ui.qtbot.waitUntil(lambda: bool(exporter.property("visible")))
    assert exporter.property("selectedFile").fileName() == "shared.yaml"
    _choose(dialogs, exporter, "exportTo", out / "shared.yaml")
    assert "Shared calf" in (out / "shared.yaml").read_text(encoding="utf-8")


def test_an_outside_change_reaches_the_library_and_the_open_editor(
        app_ui: Ui, home: Path) -> None:
    """The watcher reloads the library after another program saves; the editor offers a reload."""
    app_ui.click("routineCard_back-cool-down")
    app_ui.click("customiseButton")
    _wait_page(app_ui, "editor")
    copy = home / "routines" / "back-cool-down-mine.yaml"
    text = copy.read_text(encoding="utf-8")
    copy.write_text(text.replace("(my copy)", "(edited elsewhere)"), encoding="utf-8")
    app_ui.qtbot.waitUntil(lambda: app_ui.exists("editorDisk"), timeout=5000)
    app_ui.qtbot.waitUntil(lambda: "(edited elsewhere)" in str(
        app_ui.shell.library.detail_of("back-cool-down-mine").get("title")), timeout=5000)
    app_ui.click("editorDiskFirst")
    assert app_ui.shell.editor.title.endswith("(edited elsewhere)")


@pytest.mark.parametrize("theme", ["light", "dark"])
def test_screenshot_of_the_editor_in_the_app(open_ui: Any, theme: str, tmp_path: Path) -> None:
    """The detail page's new buttons and the editor inside the app, in both themes."""
    app_ui: Ui = open_ui(theme=theme)
    app_ui.click("routineCard_calf-relief")
    folder = Path(os.environ.get(SHOTS_VARIABLE) or tmp_path)
    folder.mkdir(parents=True, exist_ok=True)
    image = app_ui.grab_still()
    assert not is_blank(image) and app_ui.text("detailTitle") == "Calf cramp relief"
    assert image.save(str(folder / f"app-detail-{theme}.png"))
    app_ui.click("customiseButton")
    _wait_page(app_ui, "editor")
    image = app_ui.grab_still()
    assert not is_blank(image) and app_ui.exists("titleField")
    assert image.save(str(folder / f"app-editor-{theme}.png"))
