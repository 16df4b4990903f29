"""The history page on the real window, over a seeded SQLite history, in both themes.

With STRETCHAPP_SCREENSHOTS=1 the pictures are also written to screenshots/.
"""

from __future__ import annotations

import os
import time
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtGui import QColor

from stretchapp.core.storage.history import History
from tests.helpers.ui import REPO_ROOT, Ui, is_blank

DAY = 86400


def seed_history(home: Path, now: float | None = None) -> None:
    """Five weeks of sessions: calf most days, neck some, a stopped back session, a gap."""
    now = time.time() if now is None else now
    history = History(home)
    for days_ago in range(36):
        if days_ago in (3, 17, 18):  # one forgiven miss, then a two-day break
            continue
        when = now - days_ago * DAY
        history.record("calf-relief", "Calf cramp relief", 480 + 30 * (days_ago % 4),
                       finished=True, ended_at=when)
        if days_ago % 3 == 0:
            history.record("neck-relief", "Stiff neck relief", 300, finished=True,
                           ended_at=when - 3600)
    history.record("back-relief", "Lower back relief", 95, finished=False,
                   ended_at=now - 2 * DAY)
    history.close()


def _open_history(ui: Ui) -> None:
    ui.click("historyButton")
    assert ui.page() == "history"
    ui.qtbot.waitUntil(lambda: ui.exists("calendar"))


@pytest.mark.parametrize("theme", ["light", "dark"])
def test_history_page_shows_a_seeded_history(theme: str, home: Path, tmp_path: Path,
                                             open_ui: Any) -> None:
    """Streaks, calendar shades, routine counts and sessions show what was seeded."""
    seed_history(home)
    ui = open_ui(theme=theme)
    _open_history(ui)
    assert ui.shell.habit.history.currentStreak == 16  # 0..16 but 3, which is forgiven
    assert ui.shell.habit.history.longestStreak == 17  # 19..35
    today = ui.item(f"day_{time.strftime('%Y-%m-%d')}")
    empty = QColor(ui.window.property("color"))
    assert QColor(today.property("color")) != empty
    assert ui.exists("routineRow_calf-relief") and ui.exists("routineRow_back-relief")
    assert ui.exists("sessionRow_0")
    image = ui.grab_still()  # once the page has faded in and the chart is painted
    assert not is_blank(image)
    assert image.save(str(tmp_path / f"history-{theme}.png"))
    if os.environ.get("STRETCHAPP_SCREENSHOTS") == "1":
        folder = REPO_ROOT / "screenshots"
        folder.mkdir(exist_ok=True)
        assert image.save(str(folder / f"history-{theme}.png"))


def test_empty_history_says_how_to_fill_it(open_ui: Any) -> None:
    """With no sessions the page says so instead of drawing empty charts."""
    ui = open_ui()
    ui.click("historyButton")
    assert ui.exists("historyEmpty") and not ui.exists("calendar")


def test_finish_page_links_to_the_history(open_ui: Any) -> None:
    """After a routine, the finish page's link opens the history with that session in it."""
    ui = open_ui()
    ui.start("calf-relief")
    ui.play_to_end()
    assert ui.page() == "finish"
    ui.click("historyLink")
    assert ui.page() == "history"
    assert ui.shell.habit.history.sessions[0]["finished"] is True
    assert ui.shell.habit.history.currentStreak == 1
    ui.click("historyBack")
    assert ui.page() in ("detail", "library")
