"""The library page: groups, filters, search, user routines, problems and live reload."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QColor, QImage

from tests.helpers.routine_texts import USER_ROUTINE
from tests.helpers.ui import Ui

BROKEN = """\
format: 1
title: Broken one
group: calf
kind: warmup
steps:
  - stretch: wall-calf-stretch
    hodl: 30s
"""


def _arrow_png(folder: Path) -> None:
    """A picture whose left and right halves differ, to see a mirror."""
    image = QImage(40, 20, QImage.Format.Format_RGB32)
    image.fill(QColor("#c03030"))
    for x in range(20, 40):
        for y in range(20):
            image.setPixelColor(x, y, QColor("#3050c0"))
    assert image.save(str(folder / "arrow.png"))


def test_kind_filter_buttons(ui: Ui) -> None:
    """Clicking a kind shows only routines of that kind; All shows them all again."""
    ui.click("kindFilter_relief")
    assert ui.shell.library.kindFilter == "relief"
    assert ui.exists("routineCard_calf-relief")
    assert not ui.exists("routineCard_calf-warm-up")
    assert ui.shell.library.visibleCount == 5  # calf, night cramp, back, neck, desk neck
    ui.click("kindFilter_all")
    assert ui.shell.library.visibleCount == 17


def test_search_by_text(ui: Ui) -> None:
    """Typing in the search field narrows the list to matching routines and stretches."""
    ui.click("searchField")
    ui.type("neck")
    assert ui.shell.library.searchText == "neck"
    assert ui.exists("routineCard_neck-relief")
    assert not ui.exists("routineCard_calf-relief")
    assert not ui.exists("section_calf")
    ui.key(Qt.Key.Key_Escape)
    assert ui.shell.library.visibleCount == 17


def test_search_without_match_says_so(ui: Ui) -> None:
    """A search that matches nothing shows a message instead of an empty page."""
    ui.click("searchField")
    ui.type("zzzz")
    assert "No routine matches" in ui.text("libraryEmpty")


def test_user_routines_are_marked_and_user_groups_listed(home: Path, open_ui: Any) -> None:
    """A user's routine in a group of their own gets its section and a 'Yours' mark."""
    folder = home / "routines"
    _arrow_png(folder)
    (folder / "mine.yaml").write_text(USER_ROUTINE.format(group="feet"), encoding="utf-8")
    ui = open_ui()
    ui.scroll_library_to("section_feet")
    card = ui.scroll_library_to("routineCard_my-calf")
    assert "your routine" in str(card.property("Accessible.name") or "") or \
        card.property("routine")["user"] is True


def test_file_image_is_flipped_for_the_right_side(home: Path, open_ui: Any) -> None:
    """An image file is shown flipped left to right for the right side."""
    folder = home / "routines"
    _arrow_png(folder)
    (folder / "mine.yaml").write_text(USER_ROUTINE.format(group="calf"), encoding="utf-8")
    ui = open_ui("my-calf")
    ui.advance(5)
    left_url = ui.shell.player.view["imageSource"]
    ui.advance(5 + 5)
    right_url = ui.shell.player.view["imageSource"]
    assert "/right/" in right_url
    left = ui.shell.images.image(left_url.removeprefix("image://stretch/"), QSize(40, 20))
    right = ui.shell.images.image(right_url.removeprefix("image://stretch/"), QSize(40, 20))
    assert left.pixelColor(2, 10) == QColor("#c03030")
    assert right.pixelColor(2, 10) == QColor("#3050c0")
    assert right == left.flipped(Qt.Orientation.Horizontal)


def test_broken_files_are_listed_with_positions(home: Path, open_ui: Any) -> None:
    """A file that fails to load is listed with path:line:column messages; the rest works."""
    (home / "routines" / "broken.yaml").write_text(BROKEN, encoding="utf-8")
    ui = open_ui()
    assert ui.exists("problemsPanel")
    assert ui.text("problemsSummary").startswith("1 routine file has problems")
    ui.click("problemsToggle")
    messages = [str(item.property("text")) for item in ui.items("problemMessage")]
    assert any(m.startswith("routines/broken.yaml:4:7: error: kind") for m in messages)
    assert any("hodl" in m for m in messages)
    assert ui.shell.library.visibleCount == 17


def test_live_reload_adds_breaks_and_fixes(home: Path, ui: Ui, qtbot: Any) -> None:
    """Saving files in the routines folder updates the library and the problems panel."""
    folder = home / "routines" / "mine"
    folder.mkdir()
    path = folder / "mine.yaml"
    _arrow_png(folder)
    path.write_text(USER_ROUTINE.format(group="calf"), encoding="utf-8")
    qtbot.waitUntil(lambda: ui.shell.library.routine("my-calf") is not None, timeout=3000)
    ui.settle()
    assert ui.exists("routineCard_my-calf")
    path.write_text(USER_ROUTINE.format(group="calf").replace("hold: 5s", "hodl: 5s"),
                    encoding="utf-8")
    qtbot.waitUntil(lambda: ui.shell.library.problemCount == 1, timeout=3000)
    ui.settle()
    assert ui.exists("problemsPanel")
    assert not ui.exists("routineCard_my-calf")
    path.write_text(USER_ROUTINE.format(group="calf"), encoding="utf-8")
    qtbot.waitUntil(lambda: ui.shell.library.problemCount == 0, timeout=3000)
    ui.settle()
    assert not ui.exists("problemsPanel")
    assert ui.exists("routineCard_my-calf")


def test_running_session_keeps_its_copy(home: Path, open_ui: Any, qtbot: Any) -> None:
    """Editing a routine while it plays changes the library, not the session under way."""
    path = home / "routines" / "mine.yaml"
    _arrow_png(home / "routines")
    path.write_text(USER_ROUTINE.format(group="calf"), encoding="utf-8")
    ui = open_ui("my-calf")
    path.write_text(USER_ROUTINE.format(group="calf").replace("My picture routine", "Renamed"),
                    encoding="utf-8")
    qtbot.waitUntil(lambda: ui.shell.library.routine("my-calf").title == "Renamed",
                    timeout=3000)
    ui.settle()
    assert ui.text("playerRoutineTitle") == "My picture routine"


def test_open_detail_page_shows_the_new_title_after_the_file_changes(
        home: Path, ui: Ui, qtbot: Any) -> None:
    """The detail page follows a reload: a renamed routine shows its new title (was stale)."""
    path = home / "routines" / "mine.yaml"
    _arrow_png(home / "routines")
    path.write_text(USER_ROUTINE.format(group="calf"), encoding="utf-8")
    qtbot.waitUntil(lambda: ui.shell.library.routine("my-calf") is not None, timeout=3000)
    ui.shell.app.openDetail("my-calf")  # what the card's click calls (cards may still move)
    qtbot.waitUntil(lambda: ui.exists("detailTitle")
                    and ui.text("detailTitle") == "My picture routine", timeout=3000)
    path.write_text(USER_ROUTINE.format(group="calf").replace("My picture routine", "Renamed"),
                    encoding="utf-8")
    qtbot.waitUntil(lambda: ui.text("detailTitle") == "Renamed", timeout=3000)
    assert ui.page() == "detail"
