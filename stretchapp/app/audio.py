"""The cue sinks that make sound: our own mixer first, playsound3 as a fallback.

`open_sink()` picks what this machine can do:
- QtMultimedia loads and lists an audio output: `MixerSink` (app.audio_mixer),
  every clip decoded into memory ahead of time and mixed into one long-lived
  QAudioSink stream, so `play` is heard within the stream's 40 ms lead;
  `QSoundEffectSink` stays for comparison (backend "qsoundeffect"): Qt 6.10's
  QSoundEffect can freeze the window (docs/sounds.md);
- QtMultimedia cannot load (no libpulse0, a broken wheel): `PlaysoundSink`,
  one player process per cue, started off the UI thread;
- no output at all: a `SilentSink` whose notice says that cues are shown only.
The session never depends on which: a sink that cannot play simply stays quiet.
"""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Protocol, cast

from PySide6.QtCore import (
    QMessageLogContext,
    QObject,
    QtMsgType,
    QUrl,
    qFormatLogMessage,
    qInstallMessageHandler,
)

from stretchapp.app.task_runner import TaskRunner
from stretchapp.core.sound.cue_sink import CueSink, SilentSink
from stretchapp.core.wording import sound as sound_words

log = logging.getLogger(__name__)

BACKEND_VARIABLE = "STRETCHAPP_AUDIO"
BACKENDS = ("auto", "qt", "qsoundeffect", "playsound", "silent")
# QtMultimedia's media backend (FFmpeg: libavcodec, libavformat, swscale, VA-API
# stubs) is for players, cameras and recorders; the audio devices, QAudioSink and
# QSoundEffect work without one. Naming a backend that does not exist keeps FFmpeg
# unmapped: about 5 MB less resident memory playing (12 MB in a bare process;
# docs/performance.md). A user's own QT_MEDIA_BACKEND wins.
MEDIA_BACKEND_VARIABLE = "QT_MEDIA_BACKEND"
AUDIO_ONLY = "none"


# --- Qt's start-up chatter -----------------------------------------------------

# What QtMultimedia says while it looks for an audio system that may not be
# there; the notice tells the user, the log keeps it for a bug report.
_PROBE_CHATTER = ("PulseAudioService", "No audio device detected", "pipewire",
                  "No QtMultimedia backends found")
MessageHandler = Callable[[QtMsgType, QMessageLogContext, str], None]


@contextmanager
def _multimedia_messages_to_log() -> Iterator[None]:
    """Route QtMultimedia's probing messages to the log; pass all others on."""

    def handler(kind: QtMsgType, context: QMessageLogContext, message: str) -> None:
        category = context.category or ""
        if category.startswith("qt.multimedia") or any(s in message for s in _PROBE_CHATTER):
            log.debug("Qt (%s): %s", category, message)
        elif previous is not None:
            previous(kind, context, message)
        else:
            print(qFormatLogMessage(kind, context, message), file=sys.stderr)

    previous = cast(MessageHandler | None, qInstallMessageHandler(handler))
    try:
        yield
    finally:
        qInstallMessageHandler(previous)


def count_audio_outputs() -> int:
    """How many audio outputs QtMultimedia sees; ImportError where it cannot load."""
    # Read once, when QtMultimedia first asks for its platform integration (here).
    os.environ.setdefault(MEDIA_BACKEND_VARIABLE, AUDIO_ONLY)
    with _multimedia_messages_to_log():
        from PySide6.QtMultimedia import QMediaDevices

        return len(QMediaDevices.audioOutputs())


# --- QSoundEffect ------------------------------------------------------------------


class QSoundEffectSink(CueSink):
    """One preloaded QSoundEffect per clip: play() only starts a decoded sample."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__()
        # The effects' parent: deleting it (or the given parent) frees them all.
        self._owner = QObject(parent)
        self._effects: dict[str, Any] = {}
        self._paths: dict[str, Path] = {}

    def load(self, clips: Mapping[str, Path]) -> None:
        from PySide6.QtMultimedia import QSoundEffect

        for name in [n for n in self._effects if self._paths[n] != clips.get(n)]:
            effect = self._effects.pop(name)
            del self._paths[name]
            effect.stop()
            effect.deleteLater()
        for name, path in clips.items():
            if name in self._effects:
                continue
            effect = QSoundEffect(self._owner)
            effect.statusChanged.connect(self._status_changed)
            self._effects[name] = effect
            self._paths[name] = path
            # Decoding runs in Qt's loader thread; play() before it ends plays
            # the clip as soon as it is ready.
            effect.setSource(QUrl.fromLocalFile(str(path)))
        self._apply_volume()
        self._changed()

    def play(self, name: str) -> None:
        effect = self._effects.get(name)
        if effect is not None and not self.muted:
            effect.play()

    def stop(self, name: str | None = None) -> None:
        names = list(self._effects) if name is None else [name]
        for each in names:
            effect = self._effects.get(each)
            if effect is not None and effect.isPlaying():
                effect.stop()

    @property
    def ready(self) -> bool:
        from PySide6.QtMultimedia import QSoundEffect

        loading = (QSoundEffect.Status.Null, QSoundEffect.Status.Loading)
        return all(effect.status() not in loading for effect in self._effects.values())

    @property
    def failed(self) -> list[str]:
        """The clips that could not be decoded."""
        from PySide6.QtMultimedia import QSoundEffect

        error = QSoundEffect.Status.Error
        return [name for name, effect in self._effects.items() if effect.status() == error]

    def _status_changed(self) -> None:
        for name in self.failed:
            log.warning("cannot play %s (%s)", name, self._paths.get(name))
        self._changed()

    def _apply_volume(self) -> None:
        from PySide6.QtMultimedia import QtAudio

        # The UI's volume is what a slider shows; the ear hears it logarithmically.
        scale = QtAudio.VolumeScale
        gain = QtAudio.convertVolume(
            self.volume, scale.LogarithmicVolumeScale, scale.LinearVolumeScale
        )
        for effect in self._effects.values():
            effect.setVolume(gain)
            effect.setMuted(self.muted)

    def close(self) -> None:
        """Stop and free every effect."""
        self.stop()
        for effect in self._effects.values():
            effect.deleteLater()
        self._effects.clear()
        self._paths.clear()


# --- playsound3 ----------------------------------------------------------------------


class Playing(Protocol):
    """A sound started by a player function (playsound3's Sound)."""

    def stop(self) -> None: ...


PlayFile = Callable[[str], Playing]


class PlaysoundSink(CueSink):
    """Plays each cue in a player process started by a task of its own TaskRunner.

    Slower to start a sound than the mixer (a process per cue), but it needs
    no QtMultimedia. Volume cannot be set per sound: 0 mutes, anything else is full.
    The runner has one worker, so starts and stops happen in the order asked.
    """

    def __init__(self, play_file: PlayFile) -> None:
        super().__init__()
        self._play_file = play_file
        self._clips: dict[str, Path] = {}
        # Only the runner's one worker touches _playing.
        self._playing: dict[str, list[Playing]] = {}
        self._runner = TaskRunner(workers=1)

    @classmethod
    def create(cls) -> CueSink:
        """A PlaysoundSink where playsound3 finds a player, else a SilentSink saying why."""
        # playsound3 logs its own warning when it finds no player; ours says more.
        quiet = logging.getLogger("playsound3")
        level = quiet.level
        quiet.setLevel(logging.ERROR)
        try:
            import playsound3
        except ImportError:
            return SilentSink(sound_words.NO_PLAYER_NOTICE)
        finally:
            quiet.setLevel(level)
        if playsound3.DEFAULT_BACKEND is None:
            return SilentSink(sound_words.NO_PLAYER_NOTICE)

        def play_file(path: str) -> Playing:
            return playsound3.playsound(path, block=False)

        return cls(play_file)

    def load(self, clips: Mapping[str, Path]) -> None:
        self._clips = dict(clips)

    def play(self, name: str) -> None:
        path = self._clips.get(name)
        if path is not None and not self.muted and self.volume > 0:
            self._run(lambda: self._start(str(path), name))

    def stop(self, name: str | None = None) -> None:
        self._run(lambda: self._stop_now(name))

    def close(self) -> None:
        """Stop every sound and end the runner."""
        self.stop()
        self._runner.wait_idle(timeout=2.0)
        self._runner.shutdown(timeout=0.0)

    def _run(self, job: Callable[[], None]) -> None:
        self._runner.run(job, _ignore, name="playsound")

    def _apply_volume(self) -> None:
        if self.muted or self.volume == 0:
            self.stop()

    def _start(self, path: str, name: str) -> None:
        try:
            self._playing.setdefault(name, []).append(self._play_file(path))
        except Exception as error:  # a player that fails must not end the worker
            log.warning("cannot play %s: %s", path, error)

    def _stop_now(self, name: str | None) -> None:
        names = list(self._playing) if name is None else [name]
        for each in names:
            for sound in self._playing.pop(each, []):
                try:
                    sound.stop()
                except Exception as error:  # the process may be gone already
                    log.debug("stopping %s: %s", each, error)


def _ignore(_: object) -> None:
    """A task's result nobody needs."""


# --- choosing ------------------------------------------------------------------------


def open_sink(backend: str = "auto", parent: QObject | None = None) -> CueSink:
    """The best sink this machine can play through (see the module docstring).

    backend forces one: "qt" (the mixer), "qsoundeffect", "playsound" or "silent"
    ("auto" chooses, unless the STRETCHAPP_AUDIO environment variable names one).
    """
    if backend == "auto":
        backend = os.environ.get(BACKEND_VARIABLE, "auto")
    if backend not in BACKENDS:
        raise ValueError(f"audio backend must be one of {', '.join(BACKENDS)}, got {backend!r}")
    if backend == "silent":
        return SilentSink()
    if backend == "playsound":
        return PlaysoundSink.create()
    try:
        outputs = count_audio_outputs()
    except ImportError as error:
        log.info("Qt Multimedia cannot load (%s); trying playsound3", error)
        return PlaysoundSink.create()
    if outputs == 0:
        return SilentSink(sound_words.NO_OUTPUT_NOTICE)
    if backend == "qsoundeffect":
        return QSoundEffectSink(parent)
    # Imported here: QtMultimedia is known to load only now.
    from stretchapp.app.audio_mixer import MixerSink

    with _multimedia_messages_to_log():
        return MixerSink(parent)
