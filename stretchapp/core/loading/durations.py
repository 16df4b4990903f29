"""Durations as routine files write them: 45, "45s", "2m", "1m30s", "90"."""

from __future__ import annotations

import re

# ASCII digits only ('\d' would take Arabic-Indic ones), and few of them.
_DURATION = re.compile(r"^\s*(?:(?P<m>[0-9]{1,6})\s*m)?\s*(?:(?P<s>[0-9]{1,6})\s*s?)?\s*$")

# The bounds ROUTINE_FORMAT.md gives, in seconds.
HOLD_RANGE = (1, 60 * 60)
PAUSE_RANGE = (0, 10 * 60)


class DurationError(ValueError):
    """A value that is not a duration, or one out of its range."""


def parse_duration(value: object) -> int:
    """Seconds in a duration value; DurationError says why it is not one."""
    if isinstance(value, bool):
        raise DurationError(f"expected a duration such as 30s, 2m or 1m30s, got {value!r}")
    if isinstance(value, int):
        return value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, str):
        text = value.strip()
        match = _DURATION.match(text)
        has_digits = any(ch in "0123456789" for ch in text)
        # '1m61s' is not a way to write 2m1s: with minutes, seconds stay below 60.
        if match and has_digits and not (match["m"] and match["s"] and (
                text.endswith(match["s"]) or int(match["s"]) >= 60)):
            minutes = int(match["m"] or 0)
            seconds = int(match["s"] or 0)
            return minutes * 60 + seconds
        if text.startswith("-") and text[1:].strip() and _DURATION.match(text[1:]):
            return -parse_duration(text[1:])
    shown = repr(value)
    if isinstance(value, str):
        shown = f"'{value}'" if len(value) <= 40 else f"'{value[:28]}...' ({len(value)} characters)"
    raise DurationError(f"expected a duration such as 30s, 2m or 1m30s, got {shown}")


def check_range(seconds: int, bounds: tuple[int, int]) -> bool:
    """True when seconds lies within bounds, both ends included."""
    low, high = bounds
    return low <= seconds <= high


def format_bound(seconds: int) -> str:
    """A bound as the format's docs write it: 0s, 1s, 10m, 60m."""
    if seconds and seconds % 60 == 0:
        return f"{seconds // 60}m"
    return f"{seconds}s"


def format_clock(seconds: float) -> str:
    """Seconds as m:ss (or h:mm:ss), rounding up so 0.2 s left still shows 0:01."""
    whole = max(0, int(-(-seconds // 1)))
    hours, rest = divmod(whole, 3600)
    minutes, secs = divmod(rest, 60)
    if hours:
        return f"{hours}:{minutes:02d}:{secs:02d}"
    return f"{minutes}:{secs:02d}"


def format_human(seconds: float) -> str:
    """Seconds in words for lists: '45 s', '7 min', '7 min 30 s'."""
    whole = round(seconds)
    minutes, secs = divmod(whole, 60)
    if not minutes:
        return f"{secs} s"
    if not secs:
        return f"{minutes} min"
    return f"{minutes} min {secs} s"
