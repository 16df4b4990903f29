"""Words of the habit features: history, streaks and reminders."""

from __future__ import annotations

from datetime import date, datetime
from typing import TYPE_CHECKING

from stretchapp.core.wording.amounts import duration_text, plural

if TYPE_CHECKING:
    from stretchapp.core.habit.stats import HabitSummary


def reminder_detail(seconds: float) -> str:
    """A reminder's line under the routine's name: '4 min of gentle stretching'."""
    return f"{duration_text(seconds)} of gentle stretching"


def days_text(count: int) -> str:
    """'1 day', '3 days': a streak's length."""
    return plural(count, "day")


def history_summary_lines(summary: HabitSummary) -> list[str]:
    """The summary as `stretchapp history` prints it."""
    if summary.total_sessions == 0:
        return ["No sessions yet: finish a routine and it shows here."]
    lines = [f"Current streak: {days_text(summary.current_streak)} "
             f"(longest {days_text(summary.longest_streak)}; one missed day in seven "
             "is forgiven)",
             f"Sessions: {summary.total_sessions}, {summary.total_minutes:.0f} minutes in all",
             "", "Minutes per week:"]
    for week in summary.weeks:
        parts = ", ".join(f"{name} {value:.0f}" for name, value in week.minutes.items())
        lines.append(f"  {week.monday.isoformat()}  {week.total:5.0f}  ({parts})")
    lines += ["", "Routines:"]
    width = max(len(r.title) for r in summary.routines)
    for routine in summary.routines:
        stopped = f", stopped {routine.stopped}" if routine.stopped else ""
        lines.append(f"  {routine.title.ljust(width)}  finished {routine.finished}{stopped}, "
                     f"last {routine.last_done.isoformat()}")
    return lines


# The two streaks the history page shows, by the names the tests find them by.
STREAK_LABELS = {"currentStreak": "Current streak", "longestStreak": "Longest streak"}


def streak_name(label: str, days: int) -> str:
    """What a screen reader says for a streak: 'Current streak: 3 days'."""
    return f"{label}: {days} days"


def history_totals(sessions: int, minutes: float) -> str:
    """The line under the streaks: the totals, and what a streak counts."""
    return (f"{sessions} sessions, {minutes:.0f} minutes in all. A streak counts the days "
            "you finished a routine; one missed day in seven does not break it.")


def calendar_day(day: date, minutes: float) -> str:
    """A calendar square's name: 'Mon 3 Mar: 12 min'."""
    return f"{day:%a %-d %b}: {minutes:.0f} min"


def week_label(monday: date) -> str:
    """A bar's label under the chart: '3 Mar'."""
    return f"{monday:%-d %b}"


def week_description(monday: date, minutes: float) -> str:
    """A bar as a screen reader hears it: 'Week of 3 March: 40 minutes'."""
    return f"Week of {monday:%-d %B}: {minutes:.0f} minutes"


def group_name(group: str) -> str:
    """A muscle group in the chart's key: 'Calf'."""
    return group.capitalize()


def routine_record(finished: int, stopped: int, last: date) -> str:
    """A routine's row: '3 finished, 1 stopped · last 4 Mar 2026'."""
    stops = f", {stopped} stopped" if stopped > 0 else ""
    return f"{finished} finished{stops} · last {last:%-d %b %Y}"


def session_when(ended: datetime) -> str:
    """When a session ended: 'Tue 4 Mar, 18:30'."""
    return f"{ended:%a %-d %b, %H:%M}"


def session_outcome(finished: bool) -> str:
    return "finished" if finished else "stopped"


# --- reminders ----------------------------------------------------------------------

# Shown under the reminder rules' box: the forms a rule takes (core.habit parses them).
REMINDER_EXAMPLES = ("every 50 minutes between 09:00 and 17:30 on weekdays: Desk break",
                     "at 22:00: Calf cramp relief")
ROUTINE_GONE = "This routine is not in your library any more."


def nudge_detail(detail: str, late: bool) -> str:
    """A reminder's line, marked when it comes late because the computer slept."""
    return f"{detail} (missed while the computer slept)" if late else detail


def login_problem(error: Exception) -> str:
    return f"Start at login could not be changed: {error}."


def idle_text(source: str) -> str:
    """How the reminders learn of time away, named after the source that tells them."""
    return (f"Time away from the keyboard ({source}) of 5 minutes or more "
            "restarts the count of 'every' reminders.")


def reminder_status(on: bool, paused_until: datetime | None, has_rules: bool,
                    coming: datetime | None) -> str:
    """The line above the reminder rules: off, paused, none yet, next, or none left today."""
    if not on:
        return "Reminders are off."
    if paused_until is not None:
        return f"Paused until {paused_until:%a %H:%M}."
    if not has_rules:
        return "No reminders yet: add one below."
    return f"Next reminder at {coming:%H:%M}." if coming else "No more reminders today."


IDLE_WAITS_FOR_REMINDERS = "Idle detection starts with the reminders."


def no_idle_detection(reasons: list[str]) -> str:
    """Why time away from the keyboard cannot be seen here, with each source's reason."""
    return (f"No idle detection here ({'; '.join(reasons)}), so time away from the "
            "keyboard does not restart the reminders' count.")


def display_not_x11(platform: str) -> str:
    return f"the '{platform}' display is not X11"


# The tray icon's menu: its submenus, the pause choices by the key they send, its tip.
TRAY_START = "Start a routine"
TRAY_PAUSE = "Pause reminders"
TRAY_PAUSE_CHOICES = (("For 1 hour", "hour"), ("Until tomorrow", "tomorrow"),
                      ("Off", "off"), ("Resume", "resume"))
TRAY_OPEN = "Open stretchapp"
TRAY_QUIT = "Quit"
TRAY_TIP = "stretchapp: reminders are on"

# Where the reminders learn of time away from the keyboard, as the settings name it.
IDLE_SOURCE_NAMES = {"x11": "X11 screen saver extension", "gnome": "GNOME idle monitor",
                     "kde": "KDE screen saver"}


def times_text(count: int) -> str:
    """'the first time', 'the 2nd time', ... for the done screen."""
    if count <= 1:
        return "the first time"
    suffix = "th" if 10 <= count % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(count % 10, "th")
    return f"the {count}{suffix} time"


def finished_again(count: int) -> str:
    """'That was the 3rd time you finished this routine.' (the finish page)."""
    return f"That was {times_text(count)} you finished this routine."
