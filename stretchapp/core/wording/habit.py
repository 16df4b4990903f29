"""Words of the habit features: history, streaks and reminders."""

from __future__ import annotations

from stretchapp.core.wording.amounts import duration_text


def reminder_detail(seconds: float) -> str:
    """A reminder's line under the routine's name: '4 min of gentle stretching'."""
    return f"{duration_text(seconds)} of gentle stretching"
