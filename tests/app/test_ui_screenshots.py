"""Each page in both themes, grabbed as PNG and checked to have something drawn.

With STRETCHAPP_SCREENSHOTS=1 the pictures are also written to screenshots/,
to look at them.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from tests.helpers.ui import REPO_ROOT, Ui, is_blank

BROKEN = "format: 1\ntitle: Broken\ngroup: calf\nkind: warmup\nsteps:\n  - stretch: nope\n"


def _library(ui: Ui) -> None:
    ui.click("problemsToggle")


def _detail(ui: Ui) -> None:
    ui.click("routineCard_calf-relief")


def _player_hold(ui: Ui) -> None:
    ui.start("calf-relief")
    ui.advance(10 + 45 + 5 + 20)


def _player_count(ui: Ui) -> None:
    ui.start("calf-warm-up")
    ui.advance(9.5)


def _player_rest(ui: Ui) -> None:
    ui.start("neck-relief")
    while ui.shell.player.view["phaseKind"] != "rest":
        ui.shell.player.skip()
    ui.advance(1)


def _player_paused(ui: Ui) -> None:
    ui.start("back-relief")
    ui.advance(4)
    ui.clock.now += 60
    ui.shell.player.refresh()


def _stop_dialog(ui: Ui) -> None:
    ui.start("calf-relief")
    ui.click("stopButton")


def _finish(ui: Ui) -> None:
    ui.start("calf-relief")
    ui.play_to_end()


def _settings(ui: Ui) -> None:
    ui.click("settingsButton")


def _get_ready(ui: Ui) -> None:
    ui.start("calf-relief", acknowledge=False)


def _safety_banner(ui: Ui) -> None:
    ui.start("calf-warm-up")


def _first_launch(ui: Ui) -> None:
    assert ui.exists("welcomeScreen")


PAGES: dict[str, Callable[[Ui], None]] = {
    "library": _library,
    "detail": _detail,
    "player-hold": _player_hold,
    "player-count": _player_count,
    "player-rest": _player_rest,
    "player-autopaused": _player_paused,
    "player-stop-dialog": _stop_dialog,
    "finish": _finish,
    "settings": _settings,
    "player-get-ready": _get_ready,
    "player-safety-banner": _safety_banner,
    "first-launch": _first_launch,
}


# An item each screenshot must show: the page did get where it was sent.
SHOWN = {
    "library": "problemsPanel",
    "detail": "detailTitle",
    "player-hold": "stopButton",
    "player-count": "stopButton",
    "player-rest": "stopButton",
    "player-autopaused": "stopButton",
    "player-stop-dialog": "stopButton",
    "finish": "finishPage",
    "settings": "settingsPage",
    "player-get-ready": "acknowledgeButton",
    "player-safety-banner": "safetyBanner",
    "first-launch": "welcomeScreen",
}


@pytest.mark.parametrize("theme", ["light", "dark"])
@pytest.mark.parametrize("page", list(PAGES))
def test_page_screenshot(page: str, theme: str, home: Path, tmp_path: Path,
                         open_ui: Any) -> None:
    """The page renders in the theme, settled: drawn, on the right page, in its colours."""
    (home / "routines" / "broken.yaml").write_text(BROKEN, encoding="utf-8")
    ui = open_ui(theme=theme, welcome=page == "first-launch")
    PAGES[page](ui)
    image = ui.grab_still()
    assert not image.isNull()
    assert not is_blank(image)
    assert ui.exists(SHOWN[page]), f"{SHOWN[page]} is not on the {page} page ({ui.page()})"
    # The theme's background, not the other's, fills the window's corner
    # (dimmed behind the stop dialog, which must then be open).
    corner = image.pixelColor(2, image.height() - 3).lightness()
    if page in ("player-stop-dialog", "first-launch"):  # a dialog dims the page
        assert page != "player-stop-dialog" or ui.popup_open("stopDialog")
        assert corner < 90 if theme == "dark" else 90 < corner < 200, corner
    else:
        assert corner < 90 if theme == "dark" else corner > 200, corner
    name = f"{page}-{theme}.png"
    assert image.save(str(tmp_path / name))
    if os.environ.get("STRETCHAPP_SCREENSHOTS") == "1":
        folder = REPO_ROOT / "screenshots"
        folder.mkdir(exist_ok=True)
        assert image.save(str(folder / name))
