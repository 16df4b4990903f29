"""The reminder scheduler on a fake clock: windows, days, suspend, idle, answers, time zones."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone, tzinfo

from stretchapp.core.habit.reminder_rules import parse_rule
from stretchapp.core.habit.scheduler import Nudge, ReminderScheduler

POLL = timedelta(seconds=20)
DESK = "every 50 minutes between 09:00 and 17:30 on weekdays: Desk break"
BEDTIME = "at 22:00: Bedtime calf routine"


class FakeClock:
    """Local wall time that moves only when a test moves it."""

    def __init__(self, start: datetime) -> None:
        self.now = start

    def __call__(self) -> datetime:
        return self.now


def monday(hour: int, minute: int = 0, tz: tzinfo = UTC) -> datetime:
    return datetime(2026, 11, 23, hour, minute, tzinfo=tz)  # a Monday


def make(*rules: str, start: datetime | None = None) -> tuple[ReminderScheduler, FakeClock]:
    clock = FakeClock(start or monday(8))
    return ReminderScheduler([parse_rule(r) for r in rules], clock), clock


def run_until(scheduler: ReminderScheduler, clock: FakeClock, until: datetime, *,
              idle: float | None = None, answer: str = "dismissed") -> list[tuple[datetime, Nudge]]:
    """Poll every 20 s up to until; each nudge is answered at once (by default dismissed)."""
    shown = []
    while clock.now < until:
        clock.now = min(clock.now + POLL, until)
        nudge = scheduler.poll(idle)
        if nudge is not None:
            shown.append((clock.now, nudge))
            getattr(scheduler, answer)()
    return shown


def times(shown: list[tuple[datetime, Nudge]]) -> list[str]:
    return [f"{when:%a %H:%M}" for when, _ in shown]


def test_every_rule_fires_inside_its_window_on_weekdays_only() -> None:
    """Desk breaks come every 50 minutes from 09:00 until 17:30, and not at the weekend."""
    scheduler, clock = make(DESK)
    shown = run_until(scheduler, clock, monday(8) + timedelta(days=6, hours=12))
    monday_times = [t for t in times(shown) if t.startswith("Mon")]
    assert monday_times[:3] == ["Mon 09:50", "Mon 10:40", "Mon 11:30"]
    assert monday_times[-1] == "Mon 17:20"  # 18:10 is outside the window
    assert len(monday_times) == 10
    days = {t[:3] for t in times(shown)}
    assert days == {"Mon", "Tue", "Wed", "Thu", "Fri"}
    assert "Tue 09:50" in times(shown)  # each day starts counting when its window opens


def test_at_rule_fires_once_a_day_at_its_time() -> None:
    """A fixed-time reminder fires at 22:00 each day, exactly once."""
    scheduler, clock = make(BEDTIME)
    shown = run_until(scheduler, clock, monday(8) + timedelta(days=2))
    assert times(shown) == ["Mon 22:00", "Tue 22:00"]
    assert shown[0][1].rule.routine == "Bedtime calf routine" and not shown[0][1].late


def test_a_suspend_gives_one_late_nudge_never_a_burst() -> None:
    """Asleep from 09:30 to 15:00 past many desk breaks and a noon reminder: one nudge."""
    scheduler, clock = make(DESK, "at 12:00: Neck relief")
    run_until(scheduler, clock, monday(9, 30))
    clock.now = monday(15)  # the machine slept: no polls in between
    first = scheduler.poll()
    assert first is not None and first.late
    assert first.rule.routine == "Neck relief"  # the latest one missed is the one shown
    scheduler.dismissed()
    shown = run_until(scheduler, clock, monday(16))
    assert times(shown) == ["Mon 15:50"]  # counting again from the resume


def test_nothing_fires_while_a_nudge_is_shown() -> None:
    """An unanswered nudge stays the only one: nothing piles up behind it."""
    scheduler, clock = make(DESK, "at 10:00: Neck relief")
    run_until(scheduler, clock, monday(9, 49))
    clock.now = monday(9, 50)
    assert scheduler.poll() is not None
    later = []
    while clock.now < monday(11):
        clock.now += POLL
        later.append(scheduler.poll())
    assert later == [None] * len(later)
    assert scheduler.shown is not None and scheduler.shown.rule.is_interval


def test_time_away_restarts_the_interval() -> None:
    """Idle for ten minutes from 09:30: the next break is 50 minutes after coming back."""
    scheduler, clock = make(DESK)
    run_until(scheduler, clock, monday(9, 30), idle=0)
    away_from = clock.now
    while clock.now < monday(9, 45):
        clock.now += POLL
        assert scheduler.poll((clock.now - away_from).total_seconds()) is None
    shown = run_until(scheduler, clock, monday(11), idle=3)
    assert times(shown) == ["Mon 10:35"]


def test_short_idle_does_not_restart_the_interval() -> None:
    """Four minutes without input is not time away: the break stays at 09:50."""
    scheduler, clock = make(DESK)
    run_until(scheduler, clock, monday(9, 30), idle=0)
    run_until(scheduler, clock, monday(9, 34), idle=240)
    shown = run_until(scheduler, clock, monday(10), idle=1)
    assert times(shown) == ["Mon 09:50"]


def test_snooze_brings_the_same_reminder_back_in_ten_minutes() -> None:
    """'In 10 minutes' shows the same rule again ten minutes later, and nothing between."""
    scheduler, clock = make("at 22:00: Bedtime calf routine", start=monday(21))
    shown = run_until(scheduler, clock, monday(22, 30), answer="snooze")
    assert times(shown) == ["Mon 22:00", "Mon 22:10", "Mon 22:20", "Mon 22:30"]
    assert {n.rule.routine for _, n in shown} == {"Bedtime calf routine"}


def test_not_today_silences_a_rule_until_tomorrow() -> None:
    """'Not today' ends a rule's nudges for the day; the next weekday they come again."""
    scheduler, clock = make(DESK)
    shown = run_until(scheduler, clock, monday(8) + timedelta(days=1, hours=2),
                      answer="not_today")
    assert times(shown) == ["Mon 09:50", "Tue 09:50"]


def test_pause_for_an_hour_then_counting_starts_again() -> None:
    """Paused at 09:10 for an hour: no nudge until 10:10, then the first one at 11:00."""
    scheduler, clock = make(DESK)
    run_until(scheduler, clock, monday(9, 10))
    scheduler.pause_for(timedelta(hours=1))
    shown = run_until(scheduler, clock, monday(11, 5))
    assert times(shown) == ["Mon 11:00"]


def test_pause_until_tomorrow_drops_the_evening_reminder() -> None:
    """Paused until tomorrow: tonight's 22:00 is skipped, tomorrow's desk breaks come."""
    scheduler, clock = make(DESK, BEDTIME, start=monday(17))
    scheduler.pause_until_tomorrow()
    assert scheduler.next_due() is not None
    shown = run_until(scheduler, clock, monday(23) + timedelta(hours=11))
    assert times(shown) == ["Tue 09:50"]


def test_reminders_off_never_fire_and_on_again_start_afresh() -> None:
    """Off means no nudge at all; turned on at 13:00 the first break is at 13:50."""
    scheduler, clock = make(DESK, BEDTIME)
    scheduler.set_off(True)
    assert run_until(scheduler, clock, monday(13)) == []
    assert scheduler.next_due() is None
    scheduler.set_off(False)
    assert times(run_until(scheduler, clock, monday(14))) == ["Mon 13:50"]


def test_an_eastward_time_zone_change_past_the_time_fires_once() -> None:
    """Flying east at 21:00 local to 23:00 local: the 22:00 reminder shows once."""
    scheduler, clock = make(BEDTIME, start=monday(20))
    run_until(scheduler, clock, monday(21))
    clock.now = clock.now.astimezone(timezone(timedelta(hours=2)))  # now 23:00 local
    nudge = scheduler.poll()
    assert nudge is not None and nudge.rule.at is not None
    scheduler.dismissed()
    # And back west: 21:00 local again, the clock passes 22:00 a second time today.
    clock.now = clock.now.astimezone(UTC)
    assert run_until(scheduler, clock, monday(23)) == []


def test_intervals_count_real_time_across_a_time_zone_change() -> None:
    """A time zone change does not shorten or lengthen the interval being counted."""
    scheduler, clock = make("every 30 minutes: Neck relief", start=monday(10))
    run_until(scheduler, clock, monday(10, 10))
    clock.now = clock.now.astimezone(timezone(timedelta(hours=-3)))  # 07:10 local
    shown = run_until(scheduler, clock, monday(10, 40))
    assert [when.astimezone(UTC).strftime("%H:%M") for when, _ in shown] == ["10:30"]


def test_midnight_starts_a_new_day_for_at_rules() -> None:
    """A reminder at 00:00 fires as the day turns, once."""
    scheduler, clock = make("at 00:00: Calf cramp relief", start=monday(23))
    shown = run_until(scheduler, clock, monday(23) + timedelta(hours=2))
    assert times(shown) == ["Tue 00:00"]


def test_the_clock_set_back_does_not_replay_reminders() -> None:
    """The wall clock set back an hour after 22:00 does not show 22:00 again."""
    scheduler, clock = make(BEDTIME, start=monday(21, 50))
    assert len(run_until(scheduler, clock, monday(22, 5))) == 1
    clock.now = monday(21, 30)
    assert run_until(scheduler, clock, monday(22, 30)) == []


def test_two_rules_due_together_give_one_nudge() -> None:
    """Two rules due in the same poll show one nudge, never two in a row."""
    scheduler, clock = make("every 30 minutes: Neck relief", "at 10:30: Back relief",
                            start=monday(10))
    shown = run_until(scheduler, clock, monday(10, 45))
    assert len(shown) == 1


def test_next_due_names_the_coming_break() -> None:
    """next_due gives the time of the coming nudge for the settings page."""
    scheduler, clock = make(DESK)
    run_until(scheduler, clock, monday(9, 20))
    assert scheduler.next_due() == monday(9, 50)
