"""Reminders in the app: the rules from the settings, the poll, the nudge's state.

The scheduler (core) decides when; this bridge polls it on a timer with the
idle time, resolves the rule's routine in the library, and holds what the
nudge window and the settings page show. A nudge left unanswered grows more
visible (level 0, 1, 2) after ESCALATE_MS.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

import platformdirs
from PySide6.QtCore import Property, QObject, QTimer, Signal, Slot

from stretchapp.app.history_bridge import local_now
from stretchapp.app.idle_protocol import IdleSource, NoIdleSource
from stretchapp.core.habit.desktop_entry import (
    DesktopEntryError,
    autostart_enabled,
    launch_command,
    set_autostart,
)
from stretchapp.core.habit.reminder_rules import parse_rules
from stretchapp.core.habit.scheduler import Nudge, ReminderScheduler
from stretchapp.core.storage import paths
from stretchapp.core.wording import habit as words

if TYPE_CHECKING:
    from stretchapp.app.settings_bridge import SettingsBridge
    from stretchapp.core.model import Routine

POLL_MS = 15_000
ESCALATE_MS = (2 * 60_000, 5 * 60_000)  # ignored this long: level 1, then 2
EXAMPLES = words.REMINDER_EXAMPLES


class ReminderBridge(QObject):
    """Reminder rules, pause, the poll and the nudge being shown."""

    changed = Signal()
    nudgeChanged = Signal()
    startRequested = Signal(str)  # a routine id: play it now
    nudged = Signal(str, str)  # title, detail: for a desktop notification

    def __init__(self, settings: SettingsBridge, find: Callable[[str], Routine | None],
                 idle: IdleSource | NoIdleSource, home: Path,
                 clock: Callable[[], datetime] = local_now,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._settings, self._find, self._idle, self._clock = settings, find, idle, clock
        self._home = home
        self._login_problem = ""
        self._problems: list[str] = []
        self._scheduler = ReminderScheduler([], clock)
        self._nudge: Nudge | None = None
        self._routine_id = ""
        self._title = ""
        self._detail = ""
        self._level = 0
        self._timer = QTimer(self, interval=POLL_MS)
        self._timer.timeout.connect(self.poll)
        self._escalate = [QTimer(self, singleShot=True, interval=ms) for ms in ESCALATE_MS]
        for step, timer in enumerate(self._escalate, start=1):
            timer.timeout.connect(lambda step=step: self._set_level(step))
        self._load_rules()
        self._load_pause()

    # --- from Python -----------------------------------------------------------------

    @property
    def scheduler(self) -> ReminderScheduler:
        return self._scheduler

    def set_escalation(self, *milliseconds: int) -> None:
        """How long an ignored nudge waits before each step up in visibility."""
        for timer, ms in zip(self._escalate, milliseconds, strict=True):
            timer.setInterval(ms)

    def set_clock(self, clock: Callable[[], datetime]) -> None:
        """Use another wall clock (tests move a fake one); the rules start counting afresh."""
        self._clock = clock
        self._scheduler = ReminderScheduler([], clock)
        self._load_rules()
        self.changed.emit()

    def set_idle_source(self, idle: IdleSource | NoIdleSource) -> None:
        self._idle = idle
        self.changed.emit()

    def _load_rules(self) -> None:
        rules, self._problems = parse_rules(list(self._settings.settings.reminders))
        self._scheduler.set_rules(rules)
        on = self._settings.settings.reminders_on
        self._scheduler.set_off(not on)
        if on:
            self._timer.start()
        else:
            self._timer.stop()
            self._hide()

    def _load_pause(self) -> None:
        until = self._settings.settings.reminders_paused_until
        if until is not None:
            moment = datetime.fromtimestamp(until, self._clock().tzinfo)
            if moment > self._clock():
                self._scheduler.paused_until = moment

    @Slot()
    def poll(self) -> None:
        """Ask the scheduler; show its nudge if it has one."""
        was_paused = self._scheduler.paused_until is not None
        nudge = self._scheduler.poll(self._idle.idle_seconds())
        if was_paused and self._scheduler.paused_until is None:
            self._settings.set_reminder_settings(paused_until=None)
            self.changed.emit()
        if nudge is not None:
            self._show(nudge)

    def _show(self, nudge: Nudge) -> None:
        routine = self._find(nudge.rule.routine)
        self._nudge = nudge
        if routine is None:
            self._routine_id = ""
            self._title = nudge.rule.routine
            self._detail = words.ROUTINE_GONE
        else:
            self._routine_id = routine.id
            self._title = routine.title
            self._detail = words.reminder_detail(routine.total_seconds)
        self._detail = words.nudge_detail(self._detail, nudge.late)
        self._level = 0
        for timer in self._escalate:
            timer.start()
        self.nudgeChanged.emit()
        self.changed.emit()
        self.nudged.emit(self._title, self._detail)

    def _hide(self) -> None:
        self._nudge = None
        for timer in self._escalate:
            timer.stop()
        self.nudgeChanged.emit()
        self.changed.emit()

    def _set_level(self, level: int) -> None:
        self._level = level
        self.nudgeChanged.emit()

    # --- the nudge's answers ---------------------------------------------------------

    @Slot()
    def startNudge(self) -> None:
        routine_id = self._routine_id
        self._scheduler.started()
        self._hide()
        if routine_id:
            self.startRequested.emit(routine_id)

    @Slot()
    def snoozeNudge(self) -> None:
        self._scheduler.snooze()
        self._hide()

    @Slot()
    def notToday(self) -> None:
        self._scheduler.not_today()
        self._hide()

    @Slot()
    def dismissNudge(self) -> None:
        self._scheduler.dismissed()
        self._hide()

    # --- settings --------------------------------------------------------------------

    @Slot(bool)
    def setEnabled(self, on: bool) -> None:
        self._settings.set_reminder_settings(on=on, paused_until=None)
        self._scheduler.paused_until = None
        self._load_rules()
        self.changed.emit()

    @Slot(list)
    def setRules(self, lines: list[str]) -> None:
        self._settings.set_reminder_settings(rules=tuple(str(x) for x in lines))
        self._load_rules()
        self.changed.emit()

    @Slot()
    def pauseHour(self) -> None:
        self._scheduler.pause_for(timedelta(hours=1))
        self._paused()

    @Slot()
    def pauseUntilTomorrow(self) -> None:
        self._scheduler.pause_until_tomorrow()
        self._paused()

    @Slot()
    def resume(self) -> None:
        self._scheduler.resume()
        self._settings.set_reminder_settings(paused_until=None)
        self.changed.emit()

    def _paused(self) -> None:
        until = self._scheduler.paused_until
        self._settings.set_reminder_settings(
            paused_until=None if until is None else until.timestamp())
        self._hide()
        self.changed.emit()

    @Slot(bool)
    def setStartAtLogin(self, on: bool) -> None:
        """Write or remove the autostart entry (with this home, unless it is the default)."""
        default = Path(platformdirs.user_config_dir(paths.APP_NAME)).resolve()
        home = None if self._home.resolve() == default else self._home
        try:
            set_autostart(on, launch_command(sys.executable, home))
            self._login_problem = ""
        except DesktopEntryError as error:
            self._login_problem = words.login_problem(error)
        self.changed.emit()

    # --- to QML ----------------------------------------------------------------------

    def _get_start_at_login(self) -> bool:
        return autostart_enabled()

    def _get_login_problem(self) -> str:
        return self._login_problem

    def _get_enabled(self) -> bool:
        return self._settings.settings.reminders_on

    def _get_rules(self) -> list[str]:
        return list(self._settings.settings.reminders)

    def _get_problems(self) -> list[str]:
        return list(self._problems)

    def _get_idle_text(self) -> str:
        if isinstance(self._idle, NoIdleSource):
            return self._idle.reason
        return words.idle_text(self._idle.name)

    def _get_status(self) -> str:
        paused = self._scheduler.paused_until
        coming = self._scheduler.next_due() if paused is None else None
        return words.reminder_status(self._settings.settings.reminders_on, paused,
                                     bool(self._scheduler.rules), coming)

    def _get_paused(self) -> bool:
        return self._scheduler.paused_until is not None

    def _get_shown(self) -> bool:
        return self._nudge is not None

    def _get_title(self) -> str:
        return self._title

    def _get_detail(self) -> str:
        return self._detail

    def _get_level(self) -> int:
        return self._level

    def _get_can_start(self) -> bool:
        return bool(self._routine_id)

    def _get_examples(self) -> list[str]:
        return list(EXAMPLES)

    enabled = Property(bool, _get_enabled, notify=changed)
    startAtLogin = Property(bool, _get_start_at_login, notify=changed)
    loginProblem = Property(str, _get_login_problem, notify=changed)
    rules = Property(list, _get_rules, notify=changed)
    problems = Property(list, _get_problems, notify=changed)
    idleText = Property(str, _get_idle_text, notify=changed)
    statusText = Property(str, _get_status, notify=changed)
    paused = Property(bool, _get_paused, notify=changed)
    examples = Property(list, _get_examples, constant=True)
    nudgeShown = Property(bool, _get_shown, notify=nudgeChanged)
    nudgeTitle = Property(str, _get_title, notify=nudgeChanged)
    nudgeDetail = Property(str, _get_detail, notify=nudgeChanged)
    nudgeLevel = Property(int, _get_level, notify=nudgeChanged)
    nudgeCanStart = Property(bool, _get_can_start, notify=nudgeChanged)
