"""Where cue sounds and spoken phrases go: the `CueSink` interface.

A sink is given every clip of a routine up front (`load`), by name, and then
only asked to `play` names: no file is read at cue time. Like Anki's `Player`,
it is a small ABC with one real implementation per playback technology
(stretchapp.app.audio) and two here that need none: `SilentSink` for a machine
without audio and `RecordingSink` for tests and benchmarks.

`play` must return at once: a sink never blocks the caller, which is the UI
thread that also runs the session's timer.
"""

from __future__ import annotations

import time
from abc import ABC, abstractmethod
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path

Listener = Callable[[], None]


class CueSink(ABC):
    """Plays short, preloaded WAV clips by name without blocking."""

    def __init__(self) -> None:
        self._volume = 1.0
        self._muted = False
        self._listeners: list[Listener] = []

    # --- what a sink must do -------------------------------------------------

    @abstractmethod
    def load(self, clips: Mapping[str, Path]) -> None:
        """Make exactly these clips playable, reading every file now (or in the background)."""

    @abstractmethod
    def play(self, name: str) -> None:
        """Start the clip called name at once; an unknown name is ignored."""

    @abstractmethod
    def stop(self, name: str | None = None) -> None:
        """Stop one clip, or every clip when name is None."""

    @abstractmethod
    def _apply_volume(self) -> None:
        """Pass the new `volume` or `muted` on to the playback layer."""

    # --- what a sink may refine -----------------------------------------------

    @property
    def audible(self) -> bool:
        """False where this sink cannot make any sound at all."""
        return True

    @property
    def notice(self) -> str:
        """A sentence for the user about what does not work, "" when all is well."""
        return ""

    @property
    def ready(self) -> bool:
        """True once every loaded clip can start without delay."""
        return True

    # --- shared behaviour ----------------------------------------------------

    @property
    def volume(self) -> float:
        return self._volume

    @volume.setter
    def volume(self, value: float) -> None:
        self._volume = min(1.0, max(0.0, float(value)))
        self._apply_volume()

    @property
    def muted(self) -> bool:
        return self._muted

    @muted.setter
    def muted(self, value: bool) -> None:
        self._muted = bool(value)
        self._apply_volume()

    def close(self) -> None:
        """Stop every clip and let go of what playing needed."""
        self.stop()

    def subscribe(self, listener: Listener) -> None:
        """Call listener whenever `ready` or `notice` may have changed."""
        self._listeners.append(listener)

    def _changed(self) -> None:
        for listener in list(self._listeners):
            listener()


class SilentSink(CueSink):
    """A sink for a machine with no audio output: cues are only shown."""

    def __init__(self, notice: str = "") -> None:
        super().__init__()
        self._notice = notice

    @property
    def audible(self) -> bool:
        return False

    @property
    def notice(self) -> str:
        return self._notice

    def load(self, clips: Mapping[str, Path]) -> None:
        pass

    def play(self, name: str) -> None:
        pass

    def stop(self, name: str | None = None) -> None:
        pass

    def _apply_volume(self) -> None:
        pass


@dataclass(frozen=True)
class PlayedClip:
    """One `play` call a RecordingSink saw: when, what, and from which file."""

    at: float
    name: str
    path: Path | None
    volume: float
    muted: bool


class RecordingSink(CueSink):
    """A sink that plays nothing and remembers every call, on a clock it is given."""

    def __init__(self, clock: Callable[[], float] = time.monotonic) -> None:
        super().__init__()
        self._clock = clock
        self.clips: dict[str, Path] = {}
        self.played: list[PlayedClip] = []
        self.stopped: list[str | None] = []

    def load(self, clips: Mapping[str, Path]) -> None:
        self.clips = dict(clips)

    def play(self, name: str) -> None:
        self.played.append(
            PlayedClip(self._clock(), name, self.clips.get(name), self.volume, self.muted)
        )

    def stop(self, name: str | None = None) -> None:
        self.stopped.append(name)

    def _apply_volume(self) -> None:
        pass  # each PlayedClip records the volume in force

    @property
    def names(self) -> list[str]:
        """The names played so far, in order."""
        return [clip.name for clip in self.played]
