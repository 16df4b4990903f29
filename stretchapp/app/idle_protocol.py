"""What reminders ask of an idle source, and the source for when none can tell.

Apart from app.idle_sources (QtDBus and ctypes) so that the reminder bridge,
made in every launch, imports neither: the real sources are opened through
app.deferred_imports only once reminders are on.
"""

from __future__ import annotations

from typing import Protocol


class IdleSource(Protocol):
    name: str

    def idle_seconds(self) -> float | None:
        """Seconds without input, or None when it cannot be read just now."""
        ...


class NoIdleSource:
    """No way to tell time away here: reminders count on regardless."""

    name = "none"

    def __init__(self, reason: str) -> None:
        self.reason = reason

    def idle_seconds(self) -> float | None:
        return None
