"""When each spoken phrase of a routine starts, so that nothing that matters is lost.

A pure plan made before a routine starts, from its cues, the length of each
rendered phrase and the length of each cue sound. The player then plays the
cue sounds at their planned instants and each phrase at its planned start
(`playing_cues`), so the words need no timing of their own at play time.

The rules, in order of what matters most:
- a phrase never starts inside a cue sound (it would be masked), nor before its
  own cue's sound has ended;
- phrases are placed by priority: counts, then side changes, then countdown
  numbers, then the safety line, then announcements (the stretch's name,
  "Rest"), then "Halfway"; within a priority, in playing order;
- a phrase is placed at the earliest instant where it overlaps no phrase placed
  before it, and no later than its own deadline (a number said late is worse
  than none; no phrase spills into the next phase);
- where no whole slot exists, a phrase of lower priority may be shortened: it
  starts anyway and is cut when the next, higher-priority phrase starts, as
  long as most of it (SHORTEN_KEEP) is heard. Otherwise it is dropped;
- so a phrase is only ever cut by one that outranks it, never mid-word by a
  lesser one, and every count is said, "one" included, whenever the tempo
  leaves room for the number at all.

"Well done" at the very end keeps to its cue: the player says it after the
finish sound, and nothing follows it.
"""

from __future__ import annotations

import bisect
import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from enum import IntEnum
from itertools import pairwise
from pathlib import Path

from stretchapp.core.model import Routine
from stretchapp.core.session.cues import Cue, CueKind, cue_order
from stretchapp.core.session.timeline import Phase, PhaseKind
from stretchapp.core.sound.cue_sounds import CUE_SOUND_NAMES, WavError, read_wav_info

SHORTEN_KEEP = 0.75  # the share of a shortened phrase that must still be heard
GAP = 0.08  # seconds of quiet kept between two phrases
NUMBER_LATE = 0.6  # seconds after its due instant past which a countdown number is stale
ANNOUNCE_LATE = 4.0  # the same for the stretch's name, "Rest", "Switch sides"
HALFWAY_LATE = 1.5
_EPSILON = 1e-6


class Priority(IntEnum):
    """How much a phrase matters: a higher one is placed first and may cut a lower one."""

    HALFWAY = 1
    ANNOUNCEMENT = 2
    SAFETY = 3  # "Stop if anything hurts sharply", once at the start: never crowded out
    COUNTDOWN = 4
    SIDE = 5
    COUNT = 6


@dataclass(frozen=True)
class Utterance:
    """One phrase as planned: when it starts, and when it ends (earlier if shortened)."""

    cue: Cue
    start: float  # routine time
    end: float  # routine time: start + its length, or where a higher phrase cuts it
    length: float  # the phrase's full length in seconds
    priority: Priority

    @property
    def shortened(self) -> bool:
        return self.end < self.start + self.length - _EPSILON


@dataclass(frozen=True)
class SpeechSchedule:
    """Every phrase placed, and every phrase left out (with its cue)."""

    spoken: tuple[Utterance, ...]  # in start order
    dropped: tuple[Cue, ...]


def priority(cue: Cue) -> Priority:
    """How much a cue's words matter."""
    if cue.kind is CueKind.COUNT:
        return Priority.COUNT
    if cue.kind is CueKind.PHASE_START and cue.phase_kind is PhaseKind.SWITCH:
        return Priority.SIDE
    if cue.kind is CueKind.COUNTDOWN:
        return Priority.COUNTDOWN
    if cue.kind is CueKind.SAFETY:
        return Priority.SAFETY
    if cue.kind is CueKind.HALFWAY:
        return Priority.HALFWAY
    return Priority.ANNOUNCEMENT


def estimated_seconds(text: str, rate: int = 160) -> float:
    """A phrase's length before it is rendered: words at `rate` per minute, plus a little."""
    words = max(1, len(text.split()))
    return 0.25 + words * 60.0 / rate


def sound_seconds(routine: Routine, sounds_dir: Path) -> dict[str, float]:
    """The length of every cue sound the routine plays (its own where it names them)."""
    paths = {name: sounds_dir / f"{name}.wav" for name in CUE_SOUND_NAMES}
    paths.update({name: path for name, path in routine.cues.sounds if name in paths})
    lengths: dict[str, float] = {}
    for name, path in paths.items():
        try:
            lengths[name] = read_wav_info(path).seconds
        except (OSError, WavError):
            lengths[name] = 0.0  # the player falls back or stays silent: nothing to mask
    return lengths


def phrase_seconds(rendered: Mapping[str, Path]) -> dict[str, float]:
    """The length of each rendered phrase (text -> WAV path); unreadable ones are left out."""
    lengths: dict[str, float] = {}
    for text, path in rendered.items():
        try:
            lengths[text] = read_wav_info(path).seconds
        except (OSError, WavError):
            continue
    return lengths


class _Busy:
    """Sorted, non-overlapping intervals of time already taken by placed phrases."""

    def __init__(self) -> None:
        self.starts: list[float] = []
        self.ends: list[float] = []

    def next_start_after(self, at: float) -> float:
        """The start of the first taken interval beginning at or after `at` (inf if none)."""
        index = bisect.bisect_left(self.starts, at - _EPSILON)
        return self.starts[index] if index < len(self.starts) else float("inf")

    def taken_at(self, at: float) -> float | None:
        """The end of the interval covering `at`, or None when `at` is free."""
        index = bisect.bisect_right(self.starts, at + _EPSILON) - 1
        if index >= 0 and self.ends[index] + GAP > at + _EPSILON:
            return self.ends[index] + GAP
        return None

    def add(self, start: float, end: float) -> None:
        index = bisect.bisect_left(self.starts, start)
        self.starts.insert(index, start)
        self.ends.insert(index, end)


def _sound_end_at(sounds: Sequence[tuple[float, float]], at: float) -> float | None:
    """The end of a cue sound playing at `at`, or None when none is."""
    latest = None
    for start, end in sounds:
        if start - _EPSILON <= at < end - _EPSILON:
            latest = end if latest is None else max(latest, end)
    return latest


def _deadline(cue: Cue, phase: Phase, next_count_due: float | None,
              next_sound_due: float | None) -> float:
    """The latest start for a cue's words: stale after this, and never in the next phase.

    An announcement is stale once the next cue sound has played: "Heel raise"
    said between "two" and "three" would only confuse.
    """
    end = phase.end - _EPSILON
    if next_sound_due is not None and cue.kind in (CueKind.PHASE_START, CueKind.SAFETY):
        end = min(end, next_sound_due)
    if cue.kind is CueKind.COUNT:
        return min(end, next_count_due if next_count_due is not None else end)
    if cue.kind is CueKind.COUNTDOWN:
        return min(end, cue.due + NUMBER_LATE)
    if cue.kind is CueKind.HALFWAY:
        return min(end, cue.due + HALFWAY_LATE)
    return min(end, cue.due + ANNOUNCE_LATE)


def build_schedule(
    timeline: Sequence[Phase],
    cues: Sequence[Cue],
    phrase_lengths: Mapping[str, float],
    sound_lengths: Mapping[str, float],
    *,
    rate: int = 160,
) -> SpeechSchedule:
    """Place every cue's words (see the module's rules); "Well done" is left to its cue."""
    sounds = sorted((cue.due, cue.due + sound_lengths.get(cue.sound, 0.0))
                    for cue in cues if cue.sound)
    count_dues = sorted(cue.due for cue in cues if cue.kind is CueKind.COUNT)
    sound_dues = sorted({cue.due for cue in cues if cue.sound})
    wordy = [cue for cue in cues if cue.text and cue.kind is not CueKind.FINISHED]
    wordy.sort(key=lambda cue: (-priority(cue), cue_order(cue)))
    busy = _Busy()
    placed: list[Utterance] = []
    dropped: list[Cue] = []
    for cue in wordy:
        length = phrase_lengths.get(cue.text) or estimated_seconds(cue.text, rate)
        later = [due for due in count_dues if due > cue.due + _EPSILON]
        next_count = later[0] if cue.kind is CueKind.COUNT and later else None
        after = bisect.bisect_right(sound_dues, cue.due + _EPSILON)
        next_sound = sound_dues[after] if after < len(sound_dues) else None
        deadline = _deadline(cue, timeline[cue.phase_index], next_count, next_sound)
        earliest = cue.due + sound_lengths.get(cue.sound, 0.0) if cue.sound else cue.due
        utterance = _place(cue, length, earliest, deadline, sounds, busy)
        if utterance is None:
            dropped.append(cue)
            continue
        busy.add(utterance.start, utterance.end)
        placed.append(utterance)
    placed.sort(key=lambda u: (u.start, cue_order(u.cue)))
    dropped.sort(key=cue_order)
    return SpeechSchedule(tuple(placed), tuple(dropped))


def _place(cue: Cue, length: float, earliest: float, deadline: float,
           sounds: Sequence[tuple[float, float]], busy: _Busy) -> Utterance | None:
    """The earliest good slot for one phrase, whole or (for lesser phrases) shortened."""
    at = _whole_ms(earliest)
    while at <= deadline + _EPSILON:
        moved = _sound_end_at(sounds, at) or busy.taken_at(at)
        if moved is not None:
            at = _whole_ms(moved)
            continue
        room = busy.next_start_after(at) - GAP - at
        if room >= length - _EPSILON:
            return Utterance(cue, at, at + length, length, priority(cue))
        if room >= SHORTEN_KEEP * length:
            # Everything already placed outranks or equals this phrase, so the
            # one that cuts it is never a lesser one.
            return Utterance(cue, at, at + room, length, priority(cue))
        at = busy.next_start_after(at)
        moved = busy.taken_at(at)
        at = _whole_ms(moved if moved is not None else at + 0.001)
    return None


def _whole_ms(seconds: float) -> float:
    """Rounded up to a whole millisecond: a due time a clock reading can land on exactly."""
    return math.ceil(round(seconds * 1000, 6)) / 1000


def playing_cues(cues: Iterable[Cue], schedule: SpeechSchedule) -> list[Cue]:
    """The cues the engine plays: each sound at its instant, then each phrase at its start.

    A cue's sound keeps its instant and loses its words; every placed phrase
    becomes a cue of its own, without a sound, due at its planned start. The
    player says a cue's words as soon as it arrives. "Well done" keeps its words.
    """
    played = [cue if cue.kind is CueKind.FINISHED else replace(cue, text="")
              for cue in cues if cue.sound or cue.kind is CueKind.FINISHED]
    played += [replace(u.cue, sound="", due=u.start) for u in schedule.spoken]
    return sorted(played, key=cue_order)


def overlaps(schedule: SpeechSchedule) -> list[tuple[Utterance, Utterance]]:
    """Pairs of phrases that would be heard at once (a correct schedule has none)."""
    return [(a, b) for a, b in pairwise(schedule.spoken) if b.start < a.end - _EPSILON]
