"""Painting only what changes: the ring drawn right, fast values apart, no idle cursor."""

from __future__ import annotations

import math

from PySide6.QtCore import QPointF
from PySide6.QtGui import QColor, QImage

from stretchapp.app.player_bridge import MOVING_REFRESH_MS, REFRESH_MS
from stretchapp.app.player_view import PULSE_SECONDS, pulse_level
from stretchapp.core.session.timeline import PhaseKind

from .conftest import Ui


def _ring_colour_at(ui: Ui, clockwise_degrees: float) -> QColor:
    """The colour on the ring's stroke at an angle measured clockwise from 12 o'clock."""
    image = ui.grab()  # settles the layout first: measure the ring after it
    ring = ui.item("countdownRing")
    radius = float(ring.property("radius"))
    centre = ring.mapToScene(QPointF(ring.width() / 2, ring.height() / 2))
    angle = math.radians(clockwise_degrees)
    scale = image.width() / ui.window.width()
    x = (centre.x() + radius * math.sin(angle)) * scale
    y = (centre.y() - radius * math.cos(angle)) * scale
    return QColor(image.pixel(round(x), round(y)))


def _distance(a: QColor, b: QColor) -> int:
    return abs(a.red() - b.red()) + abs(a.green() - b.green()) + abs(a.blue() - b.blue())


def test_ring_shows_the_time_left_clockwise_from_the_top(ui: Ui) -> None:
    """A quarter into a hold the arc runs from 12 o'clock clockwise to 9; the rest is track."""
    ui.start("calf-relief")
    engine = ui.shell.player.engine
    assert engine is not None
    hold = next(phase for phase in engine.timeline if phase.kind is PhaseKind.HOLD)
    ui.advance(hold.start + hold.duration * 0.25)
    assert ui.text("phaseLabel") == "Hold"
    ring = ui.item("countdownRing")
    arc = QColor(ring.property("color"))
    background = QColor(ui.window.color())
    for degrees in (20, 90, 180, 250):
        colour = _ring_colour_at(ui, degrees)
        assert _distance(colour, arc) < _distance(colour, background), degrees
    for degrees in (290, 340):  # the track, a pale grey near the background
        colour = _ring_colour_at(ui, degrees)
        assert _distance(colour, background) < _distance(colour, arc), degrees


def test_a_refresh_moves_the_ring_without_touching_the_rest_of_the_view(ui: Ui) -> None:
    """Between whole seconds only the ring's progress notifies: every other binding rests."""
    ui.start("calf-relief")
    ui.advance(10.1)
    player = ui.shell.player
    heard: dict[str, int] = {}
    for name in ("viewChanged", "tickChanged", "phaseProgressChanged", "pulseChanged",
                 "imageSourceChanged", "routineProgressChanged"):
        getattr(player, name).connect(
            lambda name=name: heard.update({name: heard.get(name, 0) + 1}))
    before = player.phaseProgress
    ui.advance(0.6, step=0.2)  # 10.1 s to 10.7 s: the countdown shows 45 throughout
    assert heard == {"phaseProgressChanged": 3}
    assert player.phaseProgress > before


def test_the_routine_progress_bar_steps_with_the_seconds(ui: Ui) -> None:
    """The whole routine's progress notifies once per second gone by, not with every ring step."""
    ui.start("calf-relief")
    ui.advance(10.1)
    player = ui.shell.player
    steps: list[float] = []
    player.routineProgressChanged.connect(lambda: steps.append(player.routineProgress))
    ui.advance(2.0, step=0.2)  # ten refreshes, two whole seconds
    assert len(steps) == 2 and steps[0] < steps[1]


def _ring_parts(ui: Ui) -> tuple[list[bool], tuple[float, float]]:
    """Which whole sectors of the ring show, and where the end's sector box is."""
    ring = ui.item("countdownRing")
    parts = {child.objectName(): child for child in ring.childItems()}
    shown = [parts[f"ringSector{index}"].isVisible()
             for index in range(int(ring.property("sectors")))]
    end = parts["ringEndSector"]
    return shown, (end.x(), end.y())


def test_a_ring_step_redraws_only_the_sector_its_end_is_in(ui: Ui) -> None:
    """A hold's refresh turns the end sector's clip; whole sectors change only at a boundary."""
    ui.start("calf-relief")
    ui.advance(10.1)
    ring = ui.item("countdownRing")
    sector_angle = float(ring.property("sectorAngle"))
    crossed = stayed = 0
    for _ in range(24):  # 12 s of a 45 s hold: about 96 degrees, so some boundaries
        before, end_before = _ring_parts(ui), float(ring.property("endAngle"))
        ui.advance(0.5, step=0.5)
        after, end_after = _ring_parts(ui), float(ring.property("endAngle"))
        assert end_after < end_before
        if end_before // sector_angle == end_after // sector_angle:
            stayed += 1
            assert after == before  # the same boxes: only the clip inside one turned
        else:
            crossed += 1
            assert after[0].count(True) == before[0].count(True) - 1
            assert after[1] != before[1]
    assert stayed and crossed


def test_the_player_picture_is_drawn_at_its_shown_size_and_opaque(ui: Ui) -> None:
    """The picture comes at the size it is painted (no scaling on each change), and opaque."""
    ui.start("neck-warm-up")
    while ui.shell.player.view["phaseKind"] != "count":
        ui.advance(0.5)
    ui.settle()
    image = ui.item("pictureImage")
    assert ui.item("stretchPicture").property("showsImage") is True
    painted = (image.property("paintedWidth"), image.property("paintedHeight"))
    source = image.property("sourceSize")
    assert painted == (image.property("implicitWidth"), image.property("implicitHeight"))
    assert painted[0] <= source.width() and painted[1] <= source.height()
    assert min(source.width() - painted[0], source.height() - painted[1]) <= 1  # fitted
    shown = ui.shell.images.image(str(image.property("source").toString()).split("://stretch/")[1],
                                  source)
    assert shown.format() == QImage.Format.Format_RGB32
    assert not shown.hasAlphaChannel()


def test_paused_player_has_no_timer_running(ui: Ui) -> None:
    """Paused, nothing is due: the ticker's timer is stopped, so nothing repaints."""
    ui.start("calf-relief")
    ui.advance(2)
    ui.shell.player.togglePause()
    ui.settle()
    ticker = ui.shell.player._ticker
    assert ticker is not None and ticker.armed_ms is None


def test_search_field_shows_no_cursor_until_used(ui: Ui) -> None:
    """The library's search field has the keyboard focus but no (blinking) cursor till used."""
    field = ui.item("searchField")
    assert field.hasActiveFocus()
    assert field.property("used") is False
    ui.click("searchField")
    assert field.property("used") is True


def test_pulse_fades_in_steps_of_routine_time() -> None:
    """The halo is full at a cue, gone PULSE_SECONDS later, and never before the cue."""
    assert pulse_level(10.0, 10.0) == 1.0
    assert pulse_level(10.3, 10.0) == 0.5
    assert pulse_level(10.0 + PULSE_SECONDS, 10.0) == 0.0
    assert pulse_level(9.0, 10.0) == 0.0 and pulse_level(5.0, None) == 0.0


def test_a_held_ring_steps_twice_a_second_and_a_movement_five_times(ui: Ui) -> None:
    """Holding, the ticker waits up to 500 ms between frames; a drawn movement, 200 ms."""
    ui.start("calf-cool-down")
    ui.advance(12.3)  # inside the first hold, away from a cue's halo
    assert ui.shell.player.view["phaseKind"] == "hold"
    ticker = ui.shell.player._ticker
    assert ticker is not None and ticker.armed_ms == REFRESH_MS == 500
    ui.shell.player.close()
    ui.shell.app.goHome()
    ui.settle()
    ui.start("neck-warm-up")
    while ui.shell.player.view["phaseKind"] != "count":
        ui.advance(0.5)
    ui.advance(0.1)
    ticker = ui.shell.player._ticker
    assert ticker is not None and ticker.armed_ms is not None
    assert ticker.armed_ms <= MOVING_REFRESH_MS == 200


def test_a_second_going_by_updates_the_figures_not_the_whole_view(ui: Ui) -> None:
    """Crossing whole seconds in a hold moves `tick` (countdown, elapsed) but not `view`."""
    ui.start("calf-relief")
    ui.advance(10.1)
    player = ui.shell.player
    views: list[int] = []
    ticks: list[int] = []
    player.viewChanged.connect(lambda: views.append(1))
    player.tickChanged.connect(lambda: ticks.append(1))
    shown = ui.text("countdownText")
    ui.advance(2.0, step=0.25)  # two whole seconds inside the same hold
    assert len(ticks) >= 2 and not views
    assert ui.text("countdownText") == player.tick["countdownText"] != shown
    assert ui.text("elapsedText") == player.tick["elapsedText"]
