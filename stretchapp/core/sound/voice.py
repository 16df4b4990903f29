"""Spoken cues: each phrase rendered offline to a WAV file once, then cached.

Speech is rendered before a routine starts and played through the same
`CueSink` as the cue sounds, so a voice cue is as punctual as a beep and nothing
speaks live (live speech over speech-dispatcher hangs without an audio output).

Two engines, tried in order:
- `LibraryEngine`: the libespeak-ng that the `espeakng-loader` wheel bundles with
  its data, through ctypes, so speech works after `pip install` alone;
- `CommandEngine`: the system's `espeak-ng` program.
Where neither works, `VoiceRenderer.notice` says so and the voice stays off.

Cache files are named by a hash of everything that changes the sound (engine,
its version, voice, rate, text), written atomically, and checked when read: a
file left broken by a crash or a full disk is rendered again.
"""

from __future__ import annotations

import contextlib
import ctypes
import os
import shutil
import subprocess
import tempfile
import threading
import time
import wave
from abc import ABC, abstractmethod
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from stretchapp.core.sound.cue_sounds import WavError, read_wav_info
from stretchapp.core.storage.digests import sha256
from stretchapp.core.wording.sound import voice_unavailable

DEFAULT_VOICE = "en"
DEFAULT_RATE = 160  # words per minute; espeak-ng's own default (175) is brisk for instructions
MIN_RATE = 80
MAX_RATE = 400
# Bumped whenever the rendering changes, so old cache entries stop matching.
CACHE_FORMAT = "1"
_STALE_TEMP_SECONDS = 3600.0

Progress = Callable[[int, int], None]


class SpeechUnavailable(Exception):
    """An engine cannot speak here; the message says why, for the notice."""


def clamp_rate(rate: int) -> int:
    """A speaking rate espeak-ng accepts, in words per minute."""
    return max(MIN_RATE, min(MAX_RATE, int(rate)))


class SpeechEngine(ABC):
    """Renders one phrase to a mono 16-bit WAV file."""

    name: str = ""
    # Whether several phrases may be rendered at once (separate processes).
    parallel: bool = False

    @property
    @abstractmethod
    def version(self) -> str:
        """What identifies the engine's output, for the cache key."""

    @abstractmethod
    def render(self, text: str, voice: str, rate: int, target: Path) -> None:
        """Write the phrase as a WAV to target; raise SpeechUnavailable on failure."""


# --- espeak-ng as a library ---------------------------------------------------

# espeak-ng's C API (speak_lib.h), the few values used here.
_AUDIO_OUTPUT_SYNCHRONOUS = 2
_INITIALIZE_DONT_EXIT = 0x8000  # return an error instead of calling exit()
_POS_CHARACTER = 1
_CHARS_UTF8 = 1
_PARAM_RATE = 1
_SYNTH_CALLBACK = ctypes.CFUNCTYPE(
    ctypes.c_int, ctypes.POINTER(ctypes.c_short), ctypes.c_int, ctypes.c_void_p
)

# libespeak-ng keeps global state: one initialisation per process, one
# synthesis at a time.
_LIBRARY_LOCK = threading.Lock()
_LIBRARIES: dict[str, tuple[ctypes.CDLL, int]] = {}


def _bundled_paths() -> tuple[str, str]:
    try:
        import espeakng_loader  # type: ignore[import-untyped]  # ships no type hints
    except ImportError as error:
        raise SpeechUnavailable("the espeakng-loader package is not installed") from error
    try:
        return str(espeakng_loader.get_library_path()), str(espeakng_loader.get_data_path())
    except (OSError, RuntimeError) as error:
        raise SpeechUnavailable(f"espeakng-loader is incomplete: {error}") from error


def _open_library(library_path: str, data_path: str) -> tuple[ctypes.CDLL, int]:
    """The initialised library and its sample rate; call with _LIBRARY_LOCK held."""
    if library_path in _LIBRARIES:
        return _LIBRARIES[library_path]
    try:
        lib = ctypes.CDLL(library_path)
    except OSError as error:
        raise SpeechUnavailable(f"cannot load {library_path}: {error}") from error
    lib.espeak_Initialize.argtypes = [ctypes.c_int, ctypes.c_int, ctypes.c_char_p, ctypes.c_int]
    lib.espeak_Initialize.restype = ctypes.c_int
    lib.espeak_Info.argtypes = [ctypes.c_void_p]
    lib.espeak_Info.restype = ctypes.c_char_p
    lib.espeak_SetSynthCallback.argtypes = [_SYNTH_CALLBACK]
    lib.espeak_SetVoiceByName.argtypes = [ctypes.c_char_p]
    lib.espeak_SetParameter.argtypes = [ctypes.c_int, ctypes.c_int, ctypes.c_int]
    lib.espeak_Synth.argtypes = [
        ctypes.c_void_p, ctypes.c_size_t, ctypes.c_uint, ctypes.c_int,
        ctypes.c_uint, ctypes.c_uint, ctypes.c_void_p, ctypes.c_void_p,
    ]
    lib.espeak_Synchronize.argtypes = []
    # The data path goes in as an argument, not through ESPEAK_DATA_PATH, so
    # the process environment is left alone.
    rate = lib.espeak_Initialize(
        _AUDIO_OUTPUT_SYNCHRONOUS, 0, data_path.encode(), _INITIALIZE_DONT_EXIT
    )
    if rate <= 0:
        raise SpeechUnavailable(f"espeak-ng found no voice data in {data_path}")
    _LIBRARIES[library_path] = (lib, rate)
    return lib, rate


class LibraryEngine(SpeechEngine):
    """libespeak-ng through ctypes, synthesising into memory (no audio device)."""

    name = "espeak-ng-library"

    def __init__(self, library_path: str | None = None, data_path: str | None = None) -> None:
        if library_path is None or data_path is None:
            bundled_library, bundled_data = _bundled_paths()
            library_path = library_path or bundled_library
            data_path = data_path or bundled_data
        with _LIBRARY_LOCK:
            self._lib, self._sample_rate = _open_library(library_path, data_path)
            info = self._lib.espeak_Info(None)
        self._version = info.decode(errors="replace") if info else "unknown"
        self._chunks: list[bytes] = []
        # Kept on the instance: ctypes must not free the callback while C holds it.
        self._callback = _SYNTH_CALLBACK(self._collect)

    @property
    def version(self) -> str:
        return self._version

    def _collect(self, samples: ctypes._Pointer[ctypes.c_short], count: int, _: int) -> int:
        if count > 0 and samples:
            self._chunks.append(ctypes.string_at(samples, count * 2))
        return 0  # 0 = go on

    def render(self, text: str, voice: str, rate: int, target: Path) -> None:
        data = text.encode("utf-8") + b"\0"
        with _LIBRARY_LOCK:
            self._chunks = []
            self._lib.espeak_SetSynthCallback(self._callback)
            if self._lib.espeak_SetVoiceByName(voice.encode()) != 0:
                raise SpeechUnavailable(f"espeak-ng has no voice '{voice}'")
            self._lib.espeak_SetParameter(_PARAM_RATE, clamp_rate(rate), 0)
            status = self._lib.espeak_Synth(
                data, len(data), 0, _POS_CHARACTER, 0, _CHARS_UTF8, None, None
            )
            self._lib.espeak_Synchronize()
            pcm, self._chunks = b"".join(self._chunks), []
        if status != 0 or not pcm:
            raise SpeechUnavailable(f"espeak-ng could not say {text!r} (error {status})")
        with wave.open(str(target), "wb") as out:
            out.setnchannels(1)
            out.setsampwidth(2)
            out.setframerate(self._sample_rate)
            out.writeframes(pcm)


# --- espeak-ng as a command -----------------------------------------------------


class CommandEngine(SpeechEngine):
    """The system's espeak-ng program, one process per phrase."""

    name = "espeak-ng-command"
    parallel = True

    def __init__(self, command: str = "espeak-ng", timeout: float = 20.0) -> None:
        found = shutil.which(command)
        if found is None:
            raise SpeechUnavailable(f"the '{command}' program is not installed")
        self._command = found
        self._timeout = timeout
        try:
            result = subprocess.run(
                [found, "--version"], capture_output=True, text=True, timeout=timeout, check=True
            )
        except (OSError, subprocess.SubprocessError) as error:
            raise SpeechUnavailable(f"'{command} --version' failed: {error}") from error
        # "eSpeak NG text-to-speech: 1.51  Data at: /usr/lib/...": the data
        # path is left out so that the key does not change with the install place.
        self._version = result.stdout.split("Data at:")[0].strip() or "unknown"

    @property
    def version(self) -> str:
        return self._version

    def render(self, text: str, voice: str, rate: int, target: Path) -> None:
        # The text goes in on stdin: no option parsing of text that starts with
        # "-", no length limit of the command line; -b 1 reads it as UTF-8.
        args = [self._command, "-b", "1", "-v", voice, "-s", str(clamp_rate(rate))]
        args += ["-w", str(target)]
        try:
            result = subprocess.run(
                args, input=text.encode("utf-8"), capture_output=True, timeout=self._timeout
            )
        except (OSError, subprocess.SubprocessError) as error:
            raise SpeechUnavailable(f"espeak-ng failed: {error}") from error
        if result.returncode != 0:
            message = result.stderr.decode(errors="replace").strip() or f"exit {result.returncode}"
            raise SpeechUnavailable(f"espeak-ng failed: {message}")


def default_engines() -> tuple[list[SpeechEngine], list[str]]:
    """The engines that work here, best first, and why the others do not."""
    engines: list[SpeechEngine] = []
    problems: list[str] = []
    for make in (LibraryEngine, CommandEngine):
        try:
            engines.append(make())
        except SpeechUnavailable as error:
            problems.append(str(error))
    return engines, problems


# --- the cache -------------------------------------------------------------------


class VoiceRenderer:
    """Renders phrases to cached WAV files with the first engine that works."""

    def __init__(
        self,
        cache_dir: Path,
        *,
        voice: str = DEFAULT_VOICE,
        rate: int = DEFAULT_RATE,
        engines: Sequence[SpeechEngine] | None = None,
    ) -> None:
        self.cache_dir = cache_dir
        self.voice = voice
        self.rate = clamp_rate(rate)
        # None: look the engines up on first use (loading a library takes time).
        self._engines: list[SpeechEngine] | None = None if engines is None else list(engines)
        self._problems: list[str] = []
        self._lock = threading.Lock()

    def _working_engines(self) -> list[SpeechEngine]:
        with self._lock:
            if self._engines is None:
                self._engines, self._problems = default_engines()
            return list(self._engines)

    def _drop(self, engine: SpeechEngine, problem: str) -> None:
        with self._lock:
            if self._engines is not None and engine in self._engines:
                self._engines.remove(engine)
                self._problems.append(problem)

    @property
    def available(self) -> bool:
        """True while some engine can speak."""
        return bool(self._working_engines())

    @property
    def notice(self) -> str:
        """Why the voice is off, "" while it works."""
        if self._working_engines():
            return ""
        return voice_unavailable(self._problems)

    def cache_path(self, text: str, engine: SpeechEngine) -> Path:
        """Where the phrase, as this engine says it, is cached."""
        key = "\x1f".join(
            (CACHE_FORMAT, engine.name, engine.version, self.voice, str(self.rate), text)
        )
        return self.cache_dir / f"{sha256(key.encode('utf-8')).hexdigest()[:40]}.wav"

    def render(self, text: str) -> Path:
        """The WAV file that says text, rendered now unless cached; SpeechUnavailable if none."""
        for engine in self._working_engines():
            path = self.cache_path(text, engine)
            if _is_good_wav(path):
                return path
            try:
                self._render_to(engine, text, path)
            except SpeechUnavailable as error:
                self._drop(engine, str(error))
                continue
            return path
        raise SpeechUnavailable(self.notice or f"could not render {text!r}")

    def _render_to(self, engine: SpeechEngine, text: str, path: Path) -> None:
        self.cache_dir.mkdir(parents=True, exist_ok=True)
        handle, temp_name = tempfile.mkstemp(prefix=".", suffix=".tmp", dir=self.cache_dir)
        os.close(handle)
        temp = Path(temp_name)
        try:
            engine.render(text, self.voice, self.rate, temp)
            if not _is_good_wav(temp):
                raise SpeechUnavailable(f"{engine.name} wrote no usable sound for {text!r}")
            # One rename: a reader sees the old file or the whole new one.
            os.replace(temp, path)
        except OSError as error:
            raise SpeechUnavailable(f"cannot write the voice cache: {error}") from error
        finally:
            with contextlib.suppress(OSError):
                temp.unlink()

    def render_all(
        self, phrases: Iterable[str], progress: Progress | None = None
    ) -> dict[str, Path]:
        """Render every distinct, non-empty phrase; text -> WAV for those that worked.

        progress(done, total) is called after each phrase; an exception raised
        in it stops the rendering and propagates (that is how to cancel).
        """
        wanted = list(dict.fromkeys(text for text in phrases if text.strip()))
        total = len(wanted)
        self._remove_stale_temps()
        engines = self._working_engines()
        done: dict[str, Path] = {}
        if progress is not None:
            progress(0, total)
        if not wanted or not engines:
            return done
        workers = min(4, os.cpu_count() or 1) if engines[0].parallel else 1
        if workers == 1:
            for index, text in enumerate(wanted, 1):
                with contextlib.suppress(SpeechUnavailable):
                    done[text] = self.render(text)
                if progress is not None:
                    progress(index, total)
            return done
        with ThreadPoolExecutor(max_workers=workers) as pool:
            futures = [(text, pool.submit(self.render, text)) for text in wanted]
            try:
                for index, (text, future) in enumerate(futures, 1):
                    with contextlib.suppress(SpeechUnavailable):
                        done[text] = future.result()
                    if progress is not None:
                        progress(index, total)
            finally:
                # After a cancel from progress(): drop the phrases not yet started.
                for _, future in futures:
                    future.cancel()
        return done

    def _remove_stale_temps(self) -> None:
        # Left by a process killed mid-render; young ones may belong to another.
        cutoff = time.time() - _STALE_TEMP_SECONDS
        with contextlib.suppress(OSError):
            for temp in self.cache_dir.glob(".*.tmp"):
                with contextlib.suppress(OSError):
                    if temp.stat().st_mtime < cutoff:
                        temp.unlink()


def _is_good_wav(path: Path) -> bool:
    try:
        info = read_wav_info(path)
    except WavError:
        return False
    return info.frames > 0 and info.channels == 1 and info.sample_width == 2
