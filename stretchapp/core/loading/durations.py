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


def format_written(seconds: int) -> str:
    """Seconds as routine files (and the format's docs) write them: 45s, 2m, 1m30s, 0s.

    The file's own syntax, not words: what the editor writes back and what a
    problem quotes as a bound. Words for people are core.wording.duration_text.
    """
    minutes, rest = divmod(seconds, 60)
    if minutes and rest:
        return f"{minutes}m{rest}s"
    if minutes:
        return f"{minutes}m"
    return f"{rest}s"


def format_clock(seconds: float) -> str:
    """Seconds as m:ss (or h:mm:ss), rounding up so 0.2 s left still shows 0:01."""
    whole = max(0, int(-(-seconds // 1)))
    hours, rest = divmod(whole, 3600)
    minutes, secs = divmod(rest, 60)
    if hours:
        return f"{hours}:{minutes:02d}:{secs:02d}"
    return f"{minutes}:{secs:02d}"

