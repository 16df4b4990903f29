"""The history page's data: the habit summary as plain lists QML can draw.

QML draws the calendar and the bar chart from these numbers and computes
nothing itself: shades, bar heights (as fractions of the tallest week) and
every label are made here from `core.habit.stats`, the words by `core.wording.habit`,
and each muscle group's colour role by `core.palette`.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from datetime import datetime
from typing import Any

from PySide6.QtCore import Property, QObject, Signal, Slot

from stretchapp.core.habit.stats import HabitSummary, summarize
from stretchapp.core.model import GROUPS, OTHER_GROUP
from stretchapp.core.palette import GROUP_ROLES
from stretchapp.core.storage.history import SessionRecord
from stretchapp.core.wording import habit as words
from stretchapp.core.wording.amounts import duration_text

# The newest sessions the page lists; `stretchapp history --csv` has them all.
LISTED_SESSIONS = 200


def local_now() -> datetime:
    """Now, in the time zone the machine is set to at this moment."""
    return datetime.now().astimezone()


class HistoryBridge(QObject):
    """Reads the history when asked (the page opening) and shows its summary."""

    changed = Signal()

    def __init__(self, sessions: Callable[[], Sequence[SessionRecord]],
                 groups: Callable[[], Mapping[str, str]],
                 now: Callable[[], datetime] = local_now, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._sessions, self._groups, self._now = sessions, groups, now
        self._summary: HabitSummary | None = None
        self._records: list[SessionRecord] = []

    @Slot()
    def refresh(self) -> None:
        """Read the history again and recompute the summary."""
        now = self._now()
        assert now.tzinfo is not None
        self._records = list(self._sessions())
        self._summary = summarize(self._records, self._groups(), now.date(), now.tzinfo)
        self.changed.emit()

    # --- to QML ------------------------------------------------------------------

    def _get_empty(self) -> bool:
        return self._summary is None or self._summary.total_sessions == 0

    def _get_current(self) -> int:
        return self._summary.current_streak if self._summary else 0

    def _get_longest(self) -> int:
        return self._summary.longest_streak if self._summary else 0

    def _get_streak_text(self) -> str:
        if self._summary is None:
            return ""
        return words.days_text(self._summary.current_streak)

    def _get_streaks(self) -> list[dict[str, Any]]:
        if self._summary is None:
            return []
        values = {"currentStreak": self._summary.current_streak,
                  "longestStreak": self._summary.longest_streak}
        return [{"name": name, "label": label, "value": words.days_text(values[name]),
                 "accessibleName": words.streak_name(label, values[name])}
                for name, label in words.STREAK_LABELS.items()]

    def _get_totals_text(self) -> str:
        if self._summary is None:
            return ""
        return words.history_totals(self._summary.total_sessions, self._summary.total_minutes)

    def _get_groups(self) -> list[dict[str, str]]:
        """The chart's key: each muscle group's name and colour role."""
        return [{"label": words.group_name(group), "role": GROUP_ROLES[group]}
                for group in GROUPS]

    def _get_calendar(self) -> list[dict[str, Any]]:
        if self._summary is None:
            return []
        return [{"date": c.day.isoformat(), "level": c.level, "future": c.future,
                 "label": words.calendar_day(c.day, c.minutes)}
                for c in self._summary.calendar]

    def _get_weeks(self) -> list[dict[str, Any]]:
        if self._summary is None:
            return []
        tallest = max((w.total for w in self._summary.weeks), default=0.0) or 1.0
        rows = []
        for week in self._summary.weeks:
            parts = [{"role": GROUP_ROLES[name], "share": week.minutes.get(name, 0.0) / tallest}
                     for name in (*GROUPS, OTHER_GROUP)]
            rows.append({"label": words.week_label(week.monday), "parts": parts,
                         "total": round(week.total),
                         "description": words.week_description(week.monday, week.total)})
        return rows

    def _get_tallest(self) -> int:
        if self._summary is None:
            return 0
        return round(max((w.total for w in self._summary.weeks), default=0.0))

    def _get_routines(self) -> list[dict[str, Any]]:
        if self._summary is None:
            return []
        return [{"id": r.routine_id, "title": r.title,
                 "record": words.routine_record(r.finished, r.stopped, r.last_done)}
                for r in self._summary.routines]

    def _get_sessions(self) -> list[dict[str, Any]]:
        if self._summary is None:
            return []
        tz = self._now().tzinfo
        newest = sorted(self._records, key=lambda s: s.ended_at, reverse=True)
        return [{"when": words.session_when(datetime.fromtimestamp(s.ended_at, tz)),
                 "title": s.title, "finished": s.finished,
                 "outcome": words.session_outcome(s.finished),
                 "played": duration_text(s.seconds)}
                for s in newest[:LISTED_SESSIONS]]

    empty = Property(bool, _get_empty, notify=changed)
    currentStreak = Property(int, _get_current, notify=changed)
    longestStreak = Property(int, _get_longest, notify=changed)
    streakText = Property(str, _get_streak_text, notify=changed)
    streaks = Property(list, _get_streaks, notify=changed)
    totalsText = Property(str, _get_totals_text, notify=changed)
    groups = Property(list, _get_groups, notify=changed)
    calendar = Property(list, _get_calendar, notify=changed)
    weeks = Property(list, _get_weeks, notify=changed)
    tallestWeek = Property(int, _get_tallest, notify=changed)
    routines = Property(list, _get_routines, notify=changed)
    sessions = Property(list, _get_sessions, notify=changed)
