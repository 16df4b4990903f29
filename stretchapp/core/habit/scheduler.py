"""When a reminder is due, on a clock it is given.

The app polls `ReminderScheduler.poll()` every few seconds with the idle time
(when an idle source exists); it answers with at most one Nudge. The clock
returns an aware local datetime, so a change of time zone is seen at the next
poll. Rules:

- "at" rules fire when the local wall clock passes their time, once a day;
  a time zone change that moves the clock back does not fire them again.
- "every" rules count from the later of: the window opening today, the last
  nudge or answer, the return from time away (idle >= IDLE_RESET_SECONDS,
  or a suspend).
- A poll that comes long after the one before (a suspend) shows what was
  missed once: one nudge, never a burst. Everything else missed is dropped.
- While a nudge is shown nothing else fires; its answer (start, snooze,
  not today, dismissed) decides what comes next.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from stretchapp.core.habit.reminder_rules import ReminderRule

IDLE_RESET_SECONDS = 5 * 60
SNOOZE_MINUTES = 10
# A poll later than this after the previous one means the machine slept.
SUSPEND_GAP = timedelta(minutes=2)

Clock = Callable[[], datetime]


@dataclass(frozen=True)
class Nudge:
    """A reminder to show now."""

    rule_index: int
    rule: ReminderRule
    late: bool = False  # missed during a suspend, shown on resume


class ReminderScheduler:
    """Decides, poll by poll, whether a nudge is due."""

    def __init__(self, rules: Sequence[ReminderRule], clock: Clock) -> None:
        self._clock = clock
        self._rules: list[ReminderRule] = []
        self._anchors: dict[int, datetime] = {}  # every-rules: counting from here
        self._fired_on: dict[int, date] = {}  # at-rules: local day last fired
        self._silenced_on: dict[int, date] = {}  # "not today"
        self._snoozed: tuple[int, datetime] | None = None
        self._shown: Nudge | None = None
        self._last: datetime | None = None
        self._last_wall: datetime | None = None  # local wall time then, in its zone then
        self._away = False
        self.paused_until: datetime | None = None
        self.off = False
        self.set_rules(rules)

    @property
    def rules(self) -> list[ReminderRule]:
        return list(self._rules)

    @property
    def shown(self) -> Nudge | None:
        return self._shown

    def set_rules(self, rules: Sequence[ReminderRule]) -> None:
        """New rules (from the settings): every count starts again from now."""
        now = self._clock()
        self._rules = list(rules)
        self._anchors = {i: now for i, r in enumerate(self._rules) if r.is_interval}
        self._fired_on, self._silenced_on = {}, {}
        self._snoozed, self._shown = None, None
        self._last, self._last_wall = now, now.replace(tzinfo=None)

    # --- answers to a nudge ------------------------------------------------------------

    def started(self) -> None:
        """The user started the routine: counting starts again."""
        self._answered()

    def dismissed(self) -> None:
        """The nudge was closed without a choice."""
        self._answered()

    def snooze(self, minutes: int = SNOOZE_MINUTES) -> None:
        """Show the same reminder again in a few minutes."""
        if self._shown is not None:
            self._snoozed = (self._shown.rule_index, self._clock() + timedelta(minutes=minutes))
        self._answered()

    def not_today(self) -> None:
        """No more of this reminder until tomorrow (local time)."""
        if self._shown is not None:
            self._silenced_on[self._shown.rule_index] = self._clock().date()
        self._answered()

    def _answered(self) -> None:
        now = self._clock()
        if self._shown is not None and self._shown.rule.is_interval:
            self._anchors[self._shown.rule_index] = now
        self._shown = None

    # --- pausing -----------------------------------------------------------------------

    def pause_for(self, delta: timedelta) -> None:
        self.paused_until = self._clock() + delta
        self._shown = None

    def pause_until_tomorrow(self) -> None:
        now = self._clock()
        midnight = datetime.combine(now.date() + timedelta(days=1), datetime.min.time(),
                                    now.tzinfo)
        self.paused_until = midnight
        self._shown = None

    def set_off(self, off: bool) -> None:
        self.off = off
        self._shown = None
        if not off:
            self.resume()

    def resume(self) -> None:
        """End a pause now: counting starts again."""
        self.paused_until = None
        self._snoozed = None
        self._restart_counts(self._clock())

    def _restart_counts(self, now: datetime) -> None:
        for index in self._anchors:
            self._anchors[index] = now

    # --- the poll ----------------------------------------------------------------------

    def poll(self, idle_seconds: float | None = None) -> Nudge | None:
        """The nudge to show now, if any (at most one; None while one is shown)."""
        now = self._clock()
        last = self._last if self._last is not None else now
        wall_last = self._last_wall if self._last_wall is not None else now.replace(tzinfo=None)
        self._last, self._last_wall = now, now.replace(tzinfo=None)
        if self.off:
            return None
        if self.paused_until is not None:
            if now < self.paused_until:
                return None
            self.paused_until = None
            self._snoozed = None
            self._restart_counts(now)
            last, wall_last = now, now.replace(tzinfo=None)
        gap = now - last
        if gap < timedelta(0):  # the clock was set back: start from here
            last, wall_last = now, now.replace(tzinfo=None)
        suspended = gap > SUSPEND_GAP
        if idle_seconds is not None:
            self._follow_idle(now, idle_seconds)
        if self._shown is not None:
            return None
        nudge = self._due(now, wall_last, late=suspended)
        if suspended:
            # Time asleep is time away: intervals count again from the resume.
            self._restart_counts(now)
        self._shown = nudge
        return nudge

    def _follow_idle(self, now: datetime, idle_seconds: float) -> None:
        if idle_seconds >= IDLE_RESET_SECONDS:
            self._away = True
        elif self._away:
            self._away = False
            returned = now - timedelta(seconds=idle_seconds)
            for index in self._anchors:
                self._anchors[index] = returned

    def _due(self, now: datetime, wall_last: datetime, *, late: bool) -> Nudge | None:
        """The one nudge due now; every other one due at the same time is dropped.

        At-rules compare wall times (each in the zone it was read in), so a jump
        of the local clock past their time fires them, once a day.
        """
        today = now.date()
        due: list[tuple[datetime, int]] = []
        if self._snoozed is not None and now >= self._snoozed[1]:
            index, when = self._snoozed
            self._snoozed = None
            if index < len(self._rules):
                due.append((when, index))
        wall_now = now.replace(tzinfo=None)
        for index, rule in enumerate(self._rules):
            if self._silenced_on.get(index) == today or today.weekday() not in rule.days:
                continue
            if rule.at is not None:
                moment = datetime.combine(today, rule.at)
                if wall_last < moment <= wall_now and self._fired_on.get(index) != today:
                    self._fired_on[index] = today
                    due.append((moment.replace(tzinfo=now.tzinfo), index))
            elif rule.every_minutes is not None and not self._away:
                opened = self._window_start(rule, now)
                if opened is None:
                    continue
                anchor = max(self._anchors[index], opened)
                self._anchors[index] = anchor
                when = anchor + timedelta(minutes=rule.every_minutes)
                if when <= now:
                    self._anchors[index] = now
                    due.append((when, index))
        if not due:
            return None
        when, index = max(due)
        return Nudge(index, self._rules[index], late=late)

    @staticmethod
    def _window_start(rule: ReminderRule, now: datetime) -> datetime | None:
        """When today's window of an every-rule opened; None outside it."""
        wall = now.time()
        if wall < rule.start or (rule.end is not None and wall >= rule.end):
            return None
        return datetime.combine(now.date(), rule.start, now.tzinfo)

    def next_due(self) -> datetime | None:
        """The earliest moment a nudge may come next (for the settings to show)."""
        now = self._clock()
        if self.off:
            return None
        candidates: list[datetime] = []
        if self._snoozed is not None:
            candidates.append(self._snoozed[1])
        for index, rule in enumerate(self._rules):
            if rule.every_minutes is not None:
                opened = self._window_start(rule, now)
                if opened is not None:
                    anchor = max(self._anchors[index], opened)
                    candidates.append(anchor + timedelta(minutes=rule.every_minutes))
            elif rule.at is not None and self._fired_on.get(index) != now.date():
                moment = datetime.combine(now.date(), rule.at, now.tzinfo)
                if moment > now:
                    candidates.append(moment)
        if self.paused_until is not None:
            candidates = [max(c, self.paused_until) for c in candidates]
        return min(candidates) if candidates else None
