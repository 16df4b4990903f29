"""Reminder rules as typed in the settings: what reads, and what is refused and why."""

from __future__ import annotations

from datetime import time

import pytest
from hypothesis import given
from hypothesis import strategies as st

from stretchapp.core.habit.reminder_rules import (
    WEEKDAYS,
    ReminderRule,
    ReminderRuleError,
    parse_rule,
    parse_rules,
)


def test_the_two_rules_of_the_issue_read() -> None:
    """The example rules give an interval rule with window and days, and a fixed-time rule."""
    desk = parse_rule("every 50 minutes between 09:00 and 17:30 on weekdays: Desk break")
    assert desk == ReminderRule("Desk break", every_minutes=50, start=time(9), end=time(17, 30),
                                days=WEEKDAYS)
    bed = parse_rule("at 22:00: Bedtime calf routine")
    assert bed == ReminderRule("Bedtime calf routine", at=time(22))


@pytest.mark.parametrize(("text", "days"), [
    ("at 7:30 on mon, wed, fri: calf-warm-up", {0, 2, 4}),
    ("at 07:30 on Saturday and Sunday: calf-warm-up", {5, 6}),
    ("at 07:30 on weekends: calf-warm-up", {5, 6}),
    ("AT 07:30 ON EVERY DAY: calf-warm-up", set(range(7))),
])
def test_days_can_be_named_several_ways(text: str, days: set[int]) -> None:
    """Days are weekdays, weekends, every day, or listed by short or full name."""
    assert parse_rule(text).days == days


def test_a_routine_name_may_hold_a_colon_or_a_time() -> None:
    """Only the colon after the schedule splits: the routine keeps its own colons."""
    assert parse_rule("at 22:00: Calf: 10:30 version").routine == "Calf: 10:30 version"


@pytest.mark.parametrize(("text", "says"), [
    ("every 2 minutes: Desk break", "5 to 480 minutes"),
    ("at 25:00: x", "not a time of day"),
    ("every 50 minutes between 17:00 and 09:00: x", "end must come after the start"),
    ("at 22:00", "end the rule with a colon"),
    ("at 22:00:   ", "name a routine"),
    ("sometimes: x", "is not understood"),
    ("at 22:00 on funday: x", "'funday' is not a day"),
])
def test_bad_rules_say_what_is_wrong(text: str, says: str) -> None:
    """Each bad rule is refused with a sentence naming the wrong part."""
    with pytest.raises(ReminderRuleError, match=says):
        parse_rule(text)


def test_parse_rules_numbers_the_bad_lines_and_keeps_the_good() -> None:
    """Good lines become rules; bad ones give a numbered sentence; blanks are skipped."""
    rules, problems = parse_rules(["at 22:00: Bed", "", "every 1 minutes: x"])
    assert [r.routine for r in rules] == ["Bed"]
    assert problems == ["Reminder 3: every 1 minutes: the interval must be 5 to 480 minutes."]


@given(st.text(max_size=120))
def test_any_text_reads_or_is_refused_clearly(text: str) -> None:
    """Any text either reads as a rule or raises ReminderRuleError, nothing else."""
    try:
        rule = parse_rule(text)
    except ReminderRuleError as error:
        assert str(error)
    else:
        assert rule.routine.strip()


rule_texts = st.builds(
    lambda minutes, hour, minute, days, name, kind: (
        f"every {minutes} minutes between {hour:02d}:{minute:02d} and 23:59{days}: {name}"
        if kind else f"at {hour:02d}:{minute:02d}{days}: {name}"),
    st.integers(5, 480), st.integers(0, 22), st.integers(0, 59),
    st.sampled_from(["", " on weekdays", " on weekends", " on mon, thu", " on sun"]),
    st.from_regex(r"[A-Za-z][A-Za-z0-9 \-]{0,30}", fullmatch=True).map(str.strip),
    st.booleans())


@given(rule_texts)
def test_a_rule_written_back_reads_the_same(text: str) -> None:
    """text() writes a rule that parses to the same rule."""
    rule = parse_rule(text)
    assert parse_rule(rule.text()) == rule
