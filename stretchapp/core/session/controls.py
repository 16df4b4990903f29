"""A session's status and the controls a user gives it: plain enums, cheap to import.

The player's bridge compares against them in every slot and is made before the
first frame, so they live apart from the session's state and events.
"""

from __future__ import annotations

from enum import StrEnum


class Status(StrEnum):
    IDLE = "idle"  # built, not started
    RUNNING = "running"
    PAUSED = "paused"  # paused by the user
    AUTO_PAUSED = "auto_paused"  # paused by the engine after a gap between ticks
    FINISHED = "finished"  # played to the end
    STOPPED = "stopped"  # ended by the user


class Control(StrEnum):
    START = "start"
    PAUSE = "pause"
    RESUME = "resume"
    SKIP = "skip"
    NEXT_STEP = "next_step"
    BACK = "back"
    JUMP = "jump"
    RESTART = "restart"
    STOP = "stop"
