"""The side question on the get-ready screen, and what-you-need and red flags on screen.

Real QML, the real built-in routines, driven with keys and clicks.
"""

from __future__ import annotations

from PySide6.QtCore import Qt

from stretchapp.core.model import Side
from stretchapp.core.red_flags import red_flags
from tests.helpers.ui import Ui


def _open_player(ui: Ui, routine_id: str) -> None:
    """Library -> detail -> Start, leaving any side question unanswered."""
    ui.click(f"routineCard_{routine_id}")
    ui.click("startButton")
    assert ui.page() == "player"
    if ui.shell.player.mustAcknowledge:  # a relief routine's safety note comes first
        ui.click("acknowledgeButton")


def _active_sides(ui: Ui) -> list[Side | None]:
    engine = ui.shell.player.engine
    assert engine is not None
    return [phase.side for phase in engine.timeline if phase.active]


def test_calf_relief_asks_the_side_and_waits(ui: Ui) -> None:
    """Starting calf relief shows the side question; nothing plays until it is answered."""
    _open_player(ui, "calf-relief")
    assert ui.shell.player.sideQuestion
    assert ui.exists("sideChooser") and ui.exists("sideChoice_right-only")
    assert not ui.exists("startNowButton")
    ui.advance(30)
    assert ui.shell.player.engine is None and ui.shell.player.preparing


def test_arrow_keys_then_enter_choose_right_first(ui: Ui) -> None:
    """Right arrow moves to 'Right side first'; Enter starts on the right side."""
    _open_player(ui, "calf-relief")
    ui.key(Qt.Key.Key_Right)
    ui.key(Qt.Key.Key_Return)
    assert not ui.shell.player.sideQuestion and not ui.exists("sideChooser")
    assert ui.text("sideRepText").startswith("Right side")
    sides = _active_sides(ui)
    assert sides[:2] == [Side.RIGHT, Side.LEFT]


def test_a_click_on_one_side_only_starts_that_side_alone(ui: Ui) -> None:
    """Clicking 'Left side only' starts at once and never plays the right side."""
    _open_player(ui, "calf-relief")
    ui.click("sideChoice_left-only")
    sides = _active_sides(ui)
    assert Side.RIGHT not in sides and Side.LEFT in sides
    routine = ui.shell.player.routine
    assert routine is not None
    full = ui.shell.library.routine("calf-relief")
    assert full is not None and routine.total_seconds < full.total_seconds


def test_a_routine_without_choose_starts_without_asking(ui: Ui) -> None:
    """A routine with fixed sides never shows the side question."""
    _open_player(ui, "calf-cool-down")
    assert not ui.shell.player.sideQuestion
    assert not ui.exists("sideChooser")
    assert ui.shell.player.engine is not None


def test_cards_and_detail_say_what_you_need(ui: Ui) -> None:
    """The card and the detail page list what the routine needs, from its poses."""
    assert ui.text("cardNeeds_calf-cool-down") == (
        "You need: a wall, a step or stair, a mat, a towel")
    ui.scroll_library_to("cardNeeds_desk-break")
    assert ui.text("cardNeeds_desk-break") == "You need: a chair"
    ui.click("routineCard_back-relief")
    assert ui.text("detailNeeds") == "You need: a mat"


def test_relief_detail_lists_its_red_flags_and_cautions(ui: Ui) -> None:
    """Back relief's page shows every back red flag; a step with a caution shows it."""
    ui.click("routineCard_back-relief")
    shown = [item.property("text") for item in ui.items("detailRedFlag")]
    assert len(shown) == len(red_flags("back"))
    assert all(any(flag in text for text in shown) for flag in red_flags("back"))
    assert ui.exists("detailRedFlagsHeading")
    assert "hip replacement" in ui.text("detailCaution_3")


def test_warm_up_detail_has_no_red_flags(ui: Ui) -> None:
    """A warm-up's page shows no red flags."""
    ui.click("routineCard_calf-warm-up")
    assert ui.items("detailRedFlag") == []
    assert not ui.exists("detailRedFlagsHeading")


def test_side_question_screen_looks_right(ui: Ui) -> None:
    """The get-ready screen with the side question draws its four answers."""
    _open_player(ui, "night-cramp-relief")
    image = ui.grab()
    assert not image.isNull()
    answers = [ui.item(f"sideChoice_{key}") for key in ("left", "right", "left-only",
                                                        "right-only")]
    assert all(answer.width() > 0 and answer.height() > 0 for answer in answers)
    lefts = sorted(answer.mapToScene(answer.boundingRect().topLeft()).x() for answer in answers)
    assert lefts[0] < lefts[-1]  # laid out in two columns, not piled up
