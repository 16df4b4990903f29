"""Painting only what changes: the ring drawn right, fast values apart, no idle cursor."""

from __future__ import annotations

import math

import pytest
from PySide6.QtCore import QPointF, QSize
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
    """Between whole seconds only the ring's progress notifies, and only on the half second:
    every other binding rests."""
    ui.start("calf-relief")
    ui.advance(10.1)
    player = ui.shell.player
    heard: dict[str, int] = {}
    for name in ("viewChanged", "tickChanged", "phaseProgressChanged", "pulseChanged",
                 "imageSourceChanged", "routineProgressChanged"):
        getattr(player, name).connect(
            lambda name=name: heard.update({name: heard.get(name, 0) + 1}))
    before = player.phaseProgress
    ui.advance(0.8, step=0.2)  # 10.1 s to 10.9 s: the countdown shows 45 throughout
    assert heard == {"phaseProgressChanged": 1}  # at 10.5 s
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


def _ring_parts(ui: Ui) -> tuple[list[bool], float]:
    """Which whole sectors of the ring show, and how far the end piece is turned."""
    ring = ui.item("countdownRing")
    parts = {child.objectName(): child for child in ring.childItems()}
    shown = [parts[f"ringSector{index}"].isVisible()
             for index in range(int(ring.property("sectors")))]
    piece = parts["ringEndPiece"]
    turned = piece.childItems()[0].rotation() if piece.isVisible() else -1.0
    return shown, turned


def test_a_ring_step_turns_the_end_piece_and_keeps_the_whole_sectors(ui: Ui) -> None:
    """A hold's refresh turns the end piece; whole sectors change only at a boundary."""
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
        assert after[1] == pytest.approx(end_after)  # the piece ends where the arc does
        if end_before // sector_angle == end_after // sector_angle:
            stayed += 1
            assert after[0] == before[0]  # the same fixed arcs: only the piece turned
        else:
            crossed += 1
            assert after[0].count(True) == before[0].count(True) - 1
    assert stayed and crossed


def _arc_and_track(ui: Ui) -> tuple[list[float], list[float]]:
    """Angles along the ring's middle line that show the arc's colour, and the track's.

    Angles close to either round end are left out: the ends are dots over the cut.
    """
    image = ui.grab()
    ring = ui.item("countdownRing")
    arc, track = QColor(ring.property("color")), QColor(ring.property("trackColor"))
    radius = float(ring.property("arcRadius"))
    box_x, box_y, box = (float(ring.property(name)) for name in ("boxX", "boxY", "box"))
    centre = ring.mapToScene(QPointF(box_x + box / 2, box_y + box / 2))
    scale = image.width() / ui.window.width()
    end = float(ring.property("endAngle"))
    near = math.degrees(float(ring.property("thickness")) / radius) + 1.5
    on_arc: list[float] = []
    on_track: list[float] = []
    for tenth in range(0, 3600, 25):
        degrees = tenth / 10
        if min(abs(degrees - end), degrees, 360 - degrees) < near:
            continue
        angle = math.radians(degrees)
        colour = QColor(image.pixel(round((centre.x() + radius * math.sin(angle)) * scale),
                                    round((centre.y() - radius * math.cos(angle)) * scale)))
        (on_arc if _distance(colour, arc) < _distance(colour, track) else on_track).append(
            degrees)
    return on_arc, on_track


def test_the_arc_covers_exactly_the_time_left_all_through_a_hold(ui: Ui) -> None:
    """At every point of a hold, last sector included, the arc runs from 12 o'clock to its
    end and the track shows after it: no gap, no piece past the end or before the top."""
    ui.start("calf-relief")
    engine = ui.shell.player.engine
    assert engine is not None
    hold = next(phase for phase in engine.timeline if phase.kind is PhaseKind.HOLD)
    ring = ui.item("countdownRing")
    for fraction in (0.03, 0.2, 0.37, 0.5, 0.71, 0.9, 0.94, 0.97, 0.99):
        ui.advance(hold.start + hold.duration * fraction - engine.state().elapsed, step=1.0)
        if float(ring.property("pulse")) > 0:  # a cue's halo lies over the ring: let it fade
            ui.advance(PULSE_SECONDS, step=PULSE_SECONDS)
        end = float(ring.property("endAngle"))
        on_arc, on_track = _arc_and_track(ui)
        assert on_arc == [degrees for degrees in on_arc if degrees < end], (fraction, end)
        assert on_track == [degrees for degrees in on_track if degrees > end], (fraction, end)
        assert len(on_arc) + len(on_track) > 100


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
    assert pulse_level(10.25, 10.0) == 0.5
    assert pulse_level(10.0 + PULSE_SECONDS, 10.0) == 0.0
    assert pulse_level(9.0, 10.0) == 0.0 and pulse_level(5.0, None) == 0.0


def _ticks(ui: Ui, count: int) -> list[float]:
    """The routine times of the next `count` ticks, each run when its timer would fire."""
    ticker, engine = ui.shell.player._ticker, ui.shell.player.engine
    assert ticker is not None and engine is not None
    times = []
    for _ in range(count):
        armed = ticker.armed_ms
        assert armed is not None
        ui.advance(armed / 1000, step=armed / 1000)
        times.append(engine.state().elapsed)
    return times


def _on_grid(times: list[float], step: float) -> list[float]:
    return [round(time / step) * step for time in times if abs(time / step - round(time / step))
            < 0.002 / step]


def test_a_held_ring_steps_twice_a_second_and_a_movement_four_times(ui: Ui) -> None:
    """Holding, the display moves on the half seconds of routine time; a drawn movement, on
    every quarter second: even steps, none left out, and at most a few ticks off the grid
    (cues due between its steps)."""
    ui.start("calf-cool-down")
    ui.advance(12.3)  # inside the first hold, away from a cue's halo
    assert ui.shell.player.view["phaseKind"] == "hold"
    held = _ticks(ui, 12)
    assert REFRESH_MS == 500 and MOVING_REFRESH_MS == 250
    assert held[0] == pytest.approx(12.5, abs=0.002)  # the next half second, not 12.8
    grid = _on_grid(held, 0.5)
    assert grid == pytest.approx([12.5 + 0.5 * index for index in range(len(grid))])
    assert len(grid) >= len(held) - 2
    ui.shell.player.close()
    ui.shell.app.goHome()
    ui.settle()
    ui.start("neck-warm-up")
    while ui.shell.player.view["phaseKind"] != "count":
        ui.advance(0.5)
    ui.advance(0.1)
    player = ui.shell.player
    frames: list[str] = []
    rings: list[float] = []
    player.imageSourceChanged.connect(lambda: frames.append(player.imageSource))
    player.phaseProgressChanged.connect(lambda: rings.append(player.phaseProgress))
    moving = _ticks(ui, 20)
    assert len(frames) >= 15 and 8 <= len(rings) <= 11  # the ring steps at every other
    grid = _on_grid(moving, 0.25)
    assert grid == pytest.approx([grid[0] + 0.25 * index for index in range(len(grid))])
    assert len(grid) >= len(moving) - 2


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


def test_the_players_picture_is_drawn_only_at_sizes_it_is_shown_at(ui: Ui) -> None:
    """Opening the player draws its picture at its laid-out size, not at each size the
    page's first layout passes through (each one a whole picture drawn for nothing)."""
    images = ui.shell.images
    asked: list[tuple[str, int, int]] = []
    serve = images.image

    def spy(ident: str, size: QSize) -> QImage:
        asked.append((ident, size.width(), size.height()))
        return serve(ident, size)

    images.image = spy  # type: ignore[method-assign]
    ui.start("neck-warm-up")
    while ui.shell.player.view["phaseKind"] != "count":
        ui.advance(0.5)
    ui.advance(1.0)
    sizes = {(width, height) for ident, width, height in asked if ".surface" in ident}
    shown = ui.item("pictureImage").property("sourceSize")
    assert (shown.width(), shown.height()) in sizes
    # The size with the safety banner above it (until the first stretch) and without.
    assert len(sizes) <= 2 and all(min(size) > 100 for size in sizes), sizes
