"""What the history says about the habit: a calendar, weekly minutes, streaks.

Plain functions over the sessions `History.sessions()` returns. Days are local
days in the time zone given (sessions are stored as instants), so a session at
23:30 counts for the evening it was done in, wherever the user is now.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta, tzinfo

from stretchapp.core.model import GROUPS, OTHER_GROUP
from stretchapp.core.storage.history import SessionRecord

CALENDAR_WEEKS = 12
# A streak forgives one missed day in any seven: a busy day does not end a month.
FORGIVEN_WINDOW_DAYS = 7
# Minutes at which a calendar day reaches each shade (level 1..4).
SHADE_MINUTES = (0.5, 5.0, 10.0, 20.0)


@dataclass(frozen=True)
class CalendarDay:
    """One square of the calendar."""

    day: date
    minutes: float
    level: int  # 0 (nothing) .. 4 (20 minutes or more)
    future: bool


@dataclass(frozen=True)
class WeekMinutes:
    """Minutes stretched in one week (Monday first), per group."""

    monday: date
    minutes: Mapping[str, float]

    @property
    def total(self) -> float:
        return sum(self.minutes.values())


@dataclass(frozen=True)
class RoutineSummary:
    """How often a routine was finished and stopped, and when it was last done."""

    routine_id: str
    title: str
    finished: int
    stopped: int
    last_done: date


@dataclass(frozen=True)
class HabitSummary:
    """Everything the history page and `stretchapp history` show."""

    today: date
    calendar: tuple[CalendarDay, ...]
    weeks: tuple[WeekMinutes, ...]
    current_streak: int
    longest_streak: int
    routines: tuple[RoutineSummary, ...]
    total_sessions: int
    total_minutes: float


def local_day(session: SessionRecord, tz: tzinfo) -> date:
    return datetime.fromtimestamp(session.ended_at, tz).date()


def shade_level(minutes: float) -> int:
    return sum(1 for threshold in SHADE_MINUTES if minutes >= threshold)


def _week_start(day: date) -> date:
    return day - timedelta(days=day.weekday())


def streaks(active_days: Iterable[date], today: date) -> tuple[int, int]:
    """(current, longest) streak in active days, forgiving one missed day in seven.

    Today not done yet does not break the current streak: the day is not over.
    """
    active = {day for day in active_days if day <= today}
    if not active:
        return 0, 0
    count = longest = 0
    forgiven: date | None = None
    day = min(active)
    while day <= today:
        if day in active:
            count += 1
            longest = max(longest, count)
        elif day != today and count > 0:
            if forgiven is not None and (day - forgiven).days < FORGIVEN_WINDOW_DAYS:
                count, forgiven = 0, None
            else:
                forgiven = day
        day += timedelta(days=1)
    return count, longest


def summarize(sessions: Sequence[SessionRecord], groups: Mapping[str, str], today: date,
              tz: tzinfo) -> HabitSummary:
    """The habit as of today; groups maps routine ids to calf/back/neck."""
    minutes_by_day: dict[date, float] = {}
    week_groups: dict[date, dict[str, float]] = {}
    finished_days: set[date] = set()
    per_routine: dict[str, list[SessionRecord]] = {}
    for session in sessions:
        day = local_day(session, tz)
        minutes = session.seconds / 60
        minutes_by_day[day] = minutes_by_day.get(day, 0.0) + minutes
        group = groups.get(session.routine_id, OTHER_GROUP)
        week = week_groups.setdefault(_week_start(day), {})
        week[group] = week.get(group, 0.0) + minutes
        if session.finished:
            finished_days.add(day)
        per_routine.setdefault(session.routine_id, []).append(session)
    first_monday = _week_start(today) - timedelta(weeks=CALENDAR_WEEKS - 1)
    calendar = []
    for offset in range(CALENDAR_WEEKS * 7):
        day = first_monday + timedelta(days=offset)
        minutes = minutes_by_day.get(day, 0.0)
        calendar.append(CalendarDay(day, minutes, shade_level(minutes), day > today))
    weeks = []
    for index in range(CALENDAR_WEEKS):
        monday = first_monday + timedelta(weeks=index)
        spent = week_groups.get(monday, {})
        names = GROUPS + ((OTHER_GROUP,) if OTHER_GROUP in spent else ())
        weeks.append(WeekMinutes(monday, {name: spent.get(name, 0.0) for name in names}))
    current, longest = streaks(finished_days, today)
    routines = []
    for routine_id, done in per_routine.items():
        last = max(done, key=lambda s: s.ended_at)
        routines.append(RoutineSummary(
            routine_id, last.title, sum(1 for s in done if s.finished),
            sum(1 for s in done if not s.finished), local_day(last, tz)))
    routines.sort(key=lambda r: (-r.finished, r.title.lower()))
    return HabitSummary(today, tuple(calendar), tuple(weeks), current, longest,
                        tuple(routines), len(sessions),
                        sum(s.seconds for s in sessions) / 60)


def sessions_csv(sessions: Sequence[SessionRecord], groups: Mapping[str, str],
                 tz: tzinfo) -> str:
    """Every session as CSV, one row each, with a header."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["ended_at", "routine_id", "title", "group", "seconds", "finished"])
    for s in sessions:
        ended = datetime.fromtimestamp(s.ended_at, tz).isoformat(timespec="seconds")
        writer.writerow([ended, s.routine_id, s.title, groups.get(s.routine_id, OTHER_GROUP),
                         f"{s.seconds:.1f}", "yes" if s.finished else "no"])
    return out.getvalue()
