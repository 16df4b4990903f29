"""Turns the session's cues into sound and speech, through a `CueSink`.

Before a routine starts, `prepare(routine)` hands the sink every clip it may
need: the eight cue sounds (the routine's own where its `cues: sounds:` names
them) and, rendered by a `VoicePreparer` in the background, each phrase. At cue
time `play_cue` only starts clips that are already loaded.

How the voice is timed, so that it is heard and never late:
- a cue's sound plays at once; its words follow the sound after at most
  `voice_gap` seconds (the tick before "3", the bell before the stretch's name);
- words of cues due at the same instant are spoken one after the other;
- words of a later cue cut off whatever is still being said: what to do now
  matters more than the end of the previous sentence.
"""

from __future__ import annotations

import logging
import weakref
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Property, QObject, Qt, QTimer, Signal, Slot

from stretchapp.app.voice_preparer import VoicePreparer
from stretchapp.core.model import Routine
from stretchapp.core.session.controls import Status
from stretchapp.core.session.cues import Cue, all_cues
from stretchapp.core.session.events import SessionState
from stretchapp.core.session.timeline import build_timeline
from stretchapp.core.sound.cue_sink import CueSink
from stretchapp.core.sound.cue_sounds import CUE_SOUND_NAMES, WavError, check_wav, read_wav_info
from stretchapp.core.sound.voice import DEFAULT_RATE, DEFAULT_VOICE, clamp_rate
from stretchapp.core.storage import paths
from stretchapp.core.wording import sound as sound_words

log = logging.getLogger(__name__)

VOICE_PREFIX = "say:"  # sink clip names: "tick" is a sound, "say:3" a phrase
PHRASE_GAP = 0.1  # seconds of quiet between two phrases of the same instant
_SILENT_STATUSES = frozenset({Status.PAUSED, Status.AUTO_PAUSED, Status.STOPPED})


def phrase_clip(text: str) -> str:
    """The sink's name for the clip that says text."""
    return VOICE_PREFIX + text


def routine_phrases(routine: Routine) -> list[str]:
    """Every distinct phrase the routine's cues speak, in order of first use."""
    cues = all_cues(build_timeline(routine), routine.cues)
    return list(dict.fromkeys(cue.text for cue in cues if cue.text))


class CuePlayer(QObject):
    """Plays each engine cue's sound and words; every setting is a bindable property."""

    cuePlayed = Signal(object)  # the Cue, once its sound started: for a visual cue
    readyChanged = Signal()
    preparingChanged = Signal()
    progressChanged = Signal()
    noticeChanged = Signal()
    audibleChanged = Signal()
    volumeChanged = Signal()
    mutedChanged = Signal()
    voiceEnabledChanged = Signal()
    voiceRateChanged = Signal()

    def __init__(
        self,
        sink: CueSink,
        preparer: VoicePreparer | None = None,
        parent: QObject | None = None,
        *,
        sounds_dir: Path | None = None,
        voice: str = DEFAULT_VOICE,
        voice_gap: float = 0.3,
    ) -> None:
        super().__init__(parent)
        self._sink = sink
        self._preparer = preparer
        self._sounds_dir = sounds_dir if sounds_dir is not None else paths.sounds_dir()
        self._voice = voice
        self._voice_gap = voice_gap
        self._voice_enabled = True
        self._voice_rate = DEFAULT_RATE
        self._routine: Routine | None = None
        self._sounds: dict[str, Path] = {}
        self._sound_problems: list[str] = []
        self._phrases: dict[str, Path] = {}
        self._lengths: dict[str, float] = {}  # clip name -> seconds
        self._progress = 0.0
        self._notice = ""
        self._ready = False
        # The words still to say for the latest instant, and when that instant was.
        self._queue: list[str] = []
        self._queue_due: float | None = None
        self._speaking: str | None = None
        self._running = False
        self._voice_timer = QTimer(self)
        self._voice_timer.setSingleShot(True)
        self._voice_timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._voice_timer.timeout.connect(self._say_next)
        sink.subscribe(_weak_call(self, CuePlayer._update_status))
        if preparer is not None:
            preparer.progress.connect(self._on_voice_progress)
            preparer.finished.connect(self._on_voice_ready)
            # Status first: a listener to preparingChanged then finds `ready` up to date.
            preparer.busyChanged.connect(self._update_status)
            preparer.busyChanged.connect(self.preparingChanged)
            preparer.noticeChanged.connect(self._update_status)
        self._update_status()

    # --- preparing a routine -------------------------------------------------------

    def prepare(self, routine: Routine) -> None:
        """Load every clip the routine can play; `ready` turns True when all are in."""
        self.stop()
        self._routine = routine
        self._sounds, self._sound_problems = self._sound_files(routine)
        self._phrases = {}
        self._lengths = {name: _seconds(path) for name, path in self._sounds.items()}
        self._sink.load(self._sounds)
        self._render_phrases()
        self._update_status()

    def _sound_files(self, routine: Routine) -> tuple[dict[str, Path], list[str]]:
        sounds = {name: self._sounds_dir / f"{name}.wav" for name in CUE_SOUND_NAMES}
        problems: list[str] = []
        for name, path in routine.cues.sounds:
            if name not in sounds:
                problems.append(sound_words.not_a_cue_sound(name))
                continue
            # The loader checked it; the file may have changed since.
            problem = check_wav(path)
            if problem is None:
                sounds[name] = path
            else:
                problems.append(sound_words.unusable_sound_file(path.name, problem, name))
        return sounds, problems

    def _voice_wanted(self) -> bool:
        routine = self._routine
        return (
            self._voice_enabled
            and self._sink.audible
            and self._preparer is not None
            and routine is not None
            and routine.cues.voice
        )

    def _render_phrases(self) -> None:
        if self._preparer is None or not self._voice_wanted() or self._routine is None:
            if self._preparer is not None:
                self._preparer.cancel()
            self._set_progress(1.0)  # nothing (more) to prepare
            return
        self._set_progress(0.0)
        self._preparer.prepare(
            routine_phrases(self._routine), rate=self._voice_rate, voice=self._voice
        )

    @Slot(int, int)
    def _on_voice_progress(self, done: int, total: int) -> None:
        self._set_progress(done / total if total else 1.0)

    @Slot(object)
    def _on_voice_ready(self, rendered: dict[str, Path]) -> None:
        self._phrases = dict(rendered)
        clips = dict(self._sounds)
        for text, path in rendered.items():
            clips[phrase_clip(text)] = path
            self._lengths[phrase_clip(text)] = _seconds(path)
        self._sink.load(clips)
        self._set_progress(1.0)
        self._update_status()

    # --- playing -------------------------------------------------------------------

    @Slot(object)
    def play_cue(self, cue: Cue) -> None:
        """Play a cue that falls due now: its sound at once, its words just after."""
        if cue.sound:
            self._sink.play(cue.sound)
        if cue.text and self._voice_wanted() and cue.text in self._phrases:
            self._queue_words(cue.text, cue.due, self._lengths.get(cue.sound, 0.0))
        self.cuePlayed.emit(cue)

    def _queue_words(self, text: str, due: float, sound_seconds: float) -> None:
        if self._queue_due == due and (self._queue or self._voice_timer.isActive()):
            self._queue.append(text)
            return
        self._silence()
        self._queue, self._queue_due = [text], due
        self._start_voice_timer(min(sound_seconds, self._voice_gap))

    def _start_voice_timer(self, seconds: float) -> None:
        self._voice_timer.start(max(0, round(seconds * 1000)))

    @Slot()
    def _say_next(self) -> None:
        if not self._queue:
            self._speaking = None
            return
        text = self._queue.pop(0)
        self._speaking = phrase_clip(text)
        self._sink.play(self._speaking)
        # Wait for this phrase to end before the next one of the same instant.
        length = self._lengths.get(self._speaking, 0.0)
        self._start_voice_timer(length + PHRASE_GAP if self._queue else length)

    def _silence(self) -> None:
        self._voice_timer.stop()
        self._queue = []
        if self._speaking is not None:
            self._sink.stop(self._speaking)
            self._speaking = None

    @Slot()
    def stop(self) -> None:
        """Stop every sound and the words not yet said (on pause, stop, skip)."""
        self._silence()
        self._queue_due = None
        self._sink.stop()

    @Slot(object)
    def follow_state(self, state: SessionState) -> None:
        """Fall silent when the session pauses or is stopped (connect to stateChanged).

        A finished session keeps playing its "Well done" to the end.
        """
        running = state.status is Status.RUNNING
        if self._running and state.status in _SILENT_STATUSES:
            self.stop()
        self._running = running

    # --- state for the UI ---------------------------------------------------------

    def _update_status(self) -> None:
        preparing = self._preparer is not None and self._preparer.is_busy()
        ready = self._routine is not None and self._sink.ready and not preparing
        if ready != self._ready:
            self._ready = ready
            self.readyChanged.emit()
        parts = [self._sink.notice]
        if self._sink.audible and self._voice_wanted() and self._preparer is not None:
            parts.append(self._preparer.current_notice())
        if self._sound_problems:
            parts.append(sound_words.unusable_sounds(self._sound_problems))
        notice = " ".join(part for part in parts if part)
        if notice != self._notice:
            self._notice = notice
            self.noticeChanged.emit()

    def _set_progress(self, value: float) -> None:
        if value != self._progress:
            self._progress = value
            self.progressChanged.emit()

    def _get_ready(self) -> bool:
        return self._ready

    def _get_preparing(self) -> bool:
        return self._preparer is not None and self._preparer.is_busy()

    def _get_progress(self) -> float:
        return self._progress

    def _get_notice(self) -> str:
        return self._notice

    def _get_audible(self) -> bool:
        return self._sink.audible

    def _get_volume(self) -> float:
        return self._sink.volume

    def _set_volume(self, value: float) -> None:
        if value != self._sink.volume:
            self._sink.volume = value
            self.volumeChanged.emit()

    def _get_muted(self) -> bool:
        return self._sink.muted

    def _set_muted(self, value: bool) -> None:
        if value != self._sink.muted:
            self._sink.muted = value
            if value:
                self._silence()
            self.mutedChanged.emit()

    def _get_voice_enabled(self) -> bool:
        return self._voice_enabled

    def _set_voice_enabled(self, value: bool) -> None:
        if value == self._voice_enabled:
            return
        self._voice_enabled = value
        if not value:
            self._silence()
        if self._routine is not None and (not value or not self._phrases):
            self._render_phrases()
        self._update_status()
        self.voiceEnabledChanged.emit()

    def _get_voice_rate(self) -> int:
        return self._voice_rate

    def _set_voice_rate(self, value: int) -> None:
        value = clamp_rate(value)
        if value == self._voice_rate:
            return
        self._voice_rate = value
        # The phrases said at the old rate stay in use until the new ones are in.
        if self._routine is not None:
            self._render_phrases()
        self.voiceRateChanged.emit()

    ready = Property(bool, _get_ready, notify=readyChanged)
    preparing = Property(bool, _get_preparing, notify=preparingChanged)
    progress = Property(float, _get_progress, notify=progressChanged)
    notice = Property(str, _get_notice, notify=noticeChanged)
    audible = Property(bool, _get_audible, notify=audibleChanged)
    volume = Property(float, _get_volume, _set_volume, notify=volumeChanged)
    muted = Property(bool, _get_muted, _set_muted, notify=mutedChanged)
    voiceEnabled = Property(bool, _get_voice_enabled, _set_voice_enabled,
                            notify=voiceEnabledChanged)
    voiceRate = Property(int, _get_voice_rate, _set_voice_rate, notify=voiceRateChanged)

    # Plain setters for Python callers (settings, tests).
    set_volume = _set_volume
    set_muted = _set_muted
    set_voice_enabled = _set_voice_enabled
    set_voice_rate = _set_voice_rate


def _weak_call(player: CuePlayer, method: Callable[[CuePlayer], None]) -> Callable[[], None]:
    # No reference cycle player -> sink -> player: Python's collector could
    # otherwise free the player from whichever thread it happens to run in.
    ref = weakref.ref(player)

    def call() -> None:
        alive = ref()
        if alive is not None:
            method(alive)

    return call


def _seconds(path: Path) -> float:
    try:
        return read_wav_info(path).seconds
    except WavError as error:
        log.warning("cannot read %s: %s", path, error)
        return 0.0
