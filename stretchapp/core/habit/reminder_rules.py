"""Reminder rules as people write them in the settings.

    every 50 minutes between 09:00 and 17:30 on weekdays: Desk break
    at 22:00: Bedtime calf routine
    at 7:30 on mon, wed, fri: calf-warm-up

The part after the colon names a routine by its title or its id; the app
looks it up when the reminder is due. A rule that cannot be read raises
ReminderRuleError with a sentence saying which part is wrong.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import time

MIN_INTERVAL = 5
MAX_INTERVAL = 8 * 60
DAY_NAMES = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
EVERY_DAY = frozenset(range(7))
WEEKDAYS = frozenset(range(5))
WEEKENDS = frozenset((5, 6))
MAX_RULE_LENGTH = 300

_TIME = r"(\d{1,2}):(\d{2})"
_EVERY = re.compile(
    rf"^every\s+(\d+)\s*(?:minutes?|mins?|m)"
    rf"(?:\s+(?:between|from)\s+{_TIME}\s+(?:and|to|-)\s+{_TIME})?(?P<days>\s+on\s+.+?)?$",
    re.IGNORECASE)
_SPLIT = re.compile(r"(?<!\d):|:(?!\d{2})")
_AT = re.compile(rf"^at\s+{_TIME}(?P<days>\s+on\s+.+?)?$", re.IGNORECASE)


class ReminderRuleError(ValueError):
    """A rule that cannot be read; the message says what is wrong."""


@dataclass(frozen=True)
class ReminderRule:
    """One reminder: every N minutes inside a daily window, or once at a time of day."""

    routine: str  # a routine's title or id, as written
    every_minutes: int | None = None  # set for "every" rules
    at: time | None = None  # set for "at" rules
    start: time = time(0, 0)
    end: time | None = None  # None: until midnight
    days: frozenset[int] = EVERY_DAY  # 0 = Monday

    @property
    def is_interval(self) -> bool:
        return self.every_minutes is not None

    def text(self) -> str:
        """The rule written back the way the parser reads it."""
        if self.every_minutes is not None:
            head = f"every {self.every_minutes} minutes"
            if self.start != time(0, 0) or self.end is not None:
                end = self.end.strftime("%H:%M") if self.end else "24:00"
                head += f" between {self.start:%H:%M} and {end}"
        else:
            assert self.at is not None
            head = f"at {self.at:%H:%M}"
        return f"{head}{days_text(self.days)}: {self.routine}"


def days_text(days: frozenset[int]) -> str:
    if days == EVERY_DAY:
        return ""
    if days == WEEKDAYS:
        return " on weekdays"
    if days == WEEKENDS:
        return " on weekends"
    return " on " + ", ".join(DAY_NAMES[d] for d in sorted(days))


def _clock_time(hours: str, minutes: str, where: str) -> time | None:
    """A time of day; None for 24:00 (the end of the day)."""
    h, m = int(hours), int(minutes)
    if h == 24 and m == 0:
        return None
    if not (0 <= h <= 23 and 0 <= m <= 59):
        raise ReminderRuleError(f"{where} {hours}:{minutes} is not a time of day "
                                "(use 00:00 to 23:59)")
    return time(h, m)


def _days(text: str | None) -> frozenset[int]:
    if not text:
        return EVERY_DAY
    words = text.strip()[2:].strip().lower()
    if words in ("every day", "all days", "daily"):
        return EVERY_DAY
    if words in ("weekdays", "workdays"):
        return WEEKDAYS
    if words in ("weekends", "the weekend"):
        return WEEKENDS
    days: set[int] = set()
    for part in re.split(r"\s*(?:,|\band\b)\s*", words):
        key = part[:3]
        if not part or key not in DAY_NAMES or not (
                part == key or any(part == name for name in _full_names(key))):
            raise ReminderRuleError(
                f"'{part or words}' is not a day: write weekdays, weekends, every day "
                "or days such as mon, wed, fri")
        days.add(DAY_NAMES.index(key))
    return frozenset(days)


def _full_names(key: str) -> tuple[str, ...]:
    full = {"mon": "monday", "tue": "tuesday", "wed": "wednesday", "thu": "thursday",
            "fri": "friday", "sat": "saturday", "sun": "sunday"}[key]
    return full, full + "s", key + "s", {"tue": "tues", "thu": "thur"}.get(key, key)


def parse_rule(text: str) -> ReminderRule:
    """The rule in one line of text; ReminderRuleError says what is wrong."""
    line = " ".join(text.split())
    if len(line) > MAX_RULE_LENGTH:
        raise ReminderRuleError(f"a rule is at most {MAX_RULE_LENGTH} characters long")
    # The colon before the routine, not the one inside a time such as 22:00.
    split = _SPLIT.search(line)
    if split is None:
        raise ReminderRuleError("end the rule with a colon and the routine, "
                                "as in 'at 22:00: Calf cramp relief'")
    when, routine = line[:split.start()].strip(), line[split.end():].strip()
    if not routine:
        raise ReminderRuleError("name a routine after the colon")
    every = _EVERY.match(when)
    if every is not None:
        minutes = int(every.group(1))
        if not MIN_INTERVAL <= minutes <= MAX_INTERVAL:
            raise ReminderRuleError(f"every {minutes} minutes: the interval must be "
                                    f"{MIN_INTERVAL} to {MAX_INTERVAL} minutes")
        start, end = time(0, 0), None
        if every.group(2) is not None:
            start = _clock_time(every.group(2), every.group(3), "the start") or time(0, 0)
            end = _clock_time(every.group(4), every.group(5), "the end")
            if end is not None and end <= start:
                raise ReminderRuleError(
                    f"between {start:%H:%M} and {end:%H:%M}: the end must come after the start")
        return ReminderRule(routine, every_minutes=minutes, start=start, end=end,
                            days=_days(every.group("days")))
    at = _AT.match(when)
    if at is not None:
        moment = _clock_time(at.group(1), at.group(2), "the time")
        if moment is None:
            raise ReminderRuleError("at 24:00 is not a time of day: use 00:00")
        return ReminderRule(routine, at=moment, days=_days(at.group("days")))
    raise ReminderRuleError(f"'{when}' is not understood: start with 'every 50 minutes' "
                            "or 'at 22:00'")


def parse_rules(lines: list[str]) -> tuple[list[ReminderRule], list[str]]:
    """The rules that read, and a sentence for each line that did not (numbered)."""
    rules: list[ReminderRule] = []
    problems: list[str] = []
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            rules.append(parse_rule(line))
        except ReminderRuleError as error:
            problems.append(f"Reminder {number}: {error}.")
    return rules, problems
