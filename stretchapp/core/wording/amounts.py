"""Words for amounts: a length of time in words, a count with its noun."""

from __future__ import annotations


def duration_text(seconds: float) -> str:
    """A length in words, the one way the app writes one: '45 s', '7 min', '7 min 30 s'.

    (A running clock is durations.format_clock, m:ss; a file's own syntax,
    45s or 1m30s, is durations.format_written.)
    """
    minutes, secs = divmod(max(0, round(seconds)), 60)
    if not minutes:
        return f"{secs} s"
    if not secs:
        return f"{minutes} min"
    return f"{minutes} min {secs} s"


def plural(number: int, word: str) -> str:
    """'1 step', '3 steps'."""
    return f"{number} {word}" if number == 1 else f"{number} {word}s"
