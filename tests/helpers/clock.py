"""The one fake clock: monotonic, and moving only when a test says so."""

from __future__ import annotations


class FakeClock:
    """A monotonic clock that moves only when a test says so."""

    def __init__(self, start: float = 1000.0) -> None:
        self.now = start

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> float:
        """Move the clock on and return the new reading."""
        self.now += seconds
        return self.now
