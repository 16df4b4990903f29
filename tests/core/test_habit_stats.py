"""The habit statistics: calendar, weekly minutes by group, forgiving streaks, CSV."""

from __future__ import annotations

import csv
import io
from datetime import UTC, date, datetime, timedelta, timezone
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from stretchapp.core.habit.stats import (
    CALENDAR_WEEKS,
    sessions_csv,
    shade_level,
    streaks,
    summarize,
)
from stretchapp.core.storage.history import History, SessionRecord
from stretchapp.core.wording.habit import history_summary_lines

TODAY = date(2026, 11, 25)  # a Wednesday
GROUPS = {"calf-relief": "calf", "neck-relief": "neck", "back-relief": "back"}


def _at(day: date, hour: int = 12, tz: timezone = UTC) -> float:
    return datetime(day.year, day.month, day.day, hour, tzinfo=tz).timestamp()


def _session(day: date, routine: str = "calf-relief", minutes: float = 8,
             finished: bool = True, hour: int = 12) -> SessionRecord:
    return SessionRecord(routine, routine.replace("-", " ").title(), _at(day, hour),
                         minutes * 60, finished)


def _days(*offsets: int) -> list[date]:
    return [TODAY - timedelta(days=o) for o in offsets]


def test_a_single_missed_day_does_not_break_a_streak() -> None:
    """Ten days with one gap in the middle is one streak of nine active days."""
    days = _days(*[o for o in range(10) if o != 4])
    assert streaks(days, TODAY) == (9, 9)


def test_two_missed_days_within_a_week_break_the_streak() -> None:
    """A second miss less than seven days after the first ends the streak."""
    days = _days(0, 1, 3, 4, 6, 7, 8, 9)  # missed 2 and 5: three days apart
    current, longest = streaks(days, TODAY)
    assert longest == 6  # 9, 8, 7, 6, (5 forgiven), 4, 3
    assert current == 2  # 1, 0: the miss on day 2 came three days after day 5


def test_misses_a_week_apart_are_each_forgiven() -> None:
    """One miss every seven days keeps a month-long streak alive."""
    days = _days(*[o for o in range(29) if o % 7 != 3])
    current, longest = streaks(days, TODAY)
    assert current == longest == 25


def test_today_not_done_yet_does_not_end_the_streak() -> None:
    """The current streak still counts while today is not over."""
    assert streaks(_days(1, 2, 3), TODAY) == (3, 3)
    assert streaks(_days(2, 3, 4), TODAY) == (3, 3)  # yesterday forgiven
    assert streaks(_days(3, 4, 5), TODAY) == (0, 3)  # two misses in a row


def test_no_sessions_no_streak() -> None:
    """An empty history has no streak and a friendly summary."""
    summary = summarize([], GROUPS, TODAY, UTC)
    assert (summary.current_streak, summary.longest_streak) == (0, 0)
    assert history_summary_lines(summary) == [
        "No sessions yet: finish a routine and it shows here."]
    assert len(summary.calendar) == CALENDAR_WEEKS * 7


@given(st.sets(st.integers(min_value=0, max_value=120)))
def test_streaks_never_exceed_the_active_days(offsets: set[int]) -> None:
    """The current streak is at most the longest, which is at most the days done."""
    current, longest = streaks(_days(*offsets), TODAY)
    assert 0 <= current <= longest <= len(offsets)


def test_calendar_and_weeks_add_minutes_by_day_and_group() -> None:
    """Minutes land on their local day and in their week's group; stopped ones count too."""
    sessions = [_session(TODAY, "calf-relief", 8), _session(TODAY, "neck-relief", 5),
                _session(TODAY - timedelta(days=7), "back-relief", 12, finished=False),
                _session(TODAY - timedelta(days=1), "gone-routine", 3)]
    summary = summarize(sessions, GROUPS, TODAY, UTC)
    calendar = {c.day: c for c in summary.calendar}
    assert calendar[TODAY].minutes == 13 and calendar[TODAY].level == 3
    assert calendar[TODAY + timedelta(days=1)].future
    assert summary.calendar[0].day.weekday() == 0 and summary.calendar[-1].day.weekday() == 6
    this_week, last_week = summary.weeks[-1], summary.weeks[-2]
    assert this_week.minutes == {"calf": 8, "back": 0, "neck": 5, "other": 3}
    assert last_week.minutes == {"calf": 0, "back": 12, "neck": 0}
    by_id = {r.routine_id: r for r in summary.routines}
    assert (by_id["back-relief"].finished, by_id["back-relief"].stopped) == (0, 1)
    assert summary.current_streak == 2


def test_local_days_follow_the_time_zone() -> None:
    """A session at 23:30 UTC is the next day in UTC+2."""
    plus_two = timezone(timedelta(hours=2))
    late = SessionRecord("calf-relief", "Calf", _at(TODAY, 23) + 1800, 60, True)
    assert summarize([late], GROUPS, TODAY, UTC).calendar[-5].minutes == 1  # Wednesday
    shifted = summarize([late], GROUPS, TODAY + timedelta(days=1), plus_two)
    assert {c.day for c in shifted.calendar if c.minutes} == {TODAY + timedelta(days=1)}


def test_shades_rise_with_minutes() -> None:
    """No minutes is level 0; twenty minutes or more is the darkest level."""
    assert [shade_level(m) for m in (0, 1, 5, 12, 45)] == [0, 1, 2, 3, 4]


def test_csv_has_every_session_from_a_real_history(tmp_path: Path) -> None:
    """The CSV written from a real SQLite history has one row per session, quoted safely."""
    history = History(tmp_path)
    history.record("calf-relief", 'Calf, "relief"', 480, finished=True, ended_at=_at(TODAY))
    history.record("neck-relief", "Neck", 30, finished=False, ended_at=_at(TODAY, 13))
    rows = list(csv.reader(io.StringIO(sessions_csv(history.sessions(), GROUPS, UTC))))
    history.close()
    assert rows[0] == ["ended_at", "routine_id", "title", "group", "seconds", "finished"]
    assert rows[1] == ["2026-11-25T12:00:00+00:00", "calf-relief", 'Calf, "relief"', "calf",
                       "480.0", "yes"]
    assert rows[2][5] == "no" and len(rows) == 3


def test_summary_lines_name_streak_and_routines() -> None:
    """The printed summary gives the streaks and each routine's counts and last day."""
    sessions = [_session(TODAY - timedelta(days=o)) for o in range(3)]
    sessions.append(_session(TODAY, "neck-relief", finished=False))
    text = "\n".join(history_summary_lines(summarize(sessions, GROUPS, TODAY, UTC)))
    assert "Current streak: 3 days (longest 3 days" in text
    assert "Calf Relief  finished 3, last 2026-11-25" in text
    assert "finished 0, stopped 1" in text
