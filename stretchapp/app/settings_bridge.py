"""The settings as QML sees them: bindable properties, saved soon after each change.

The theme is resolved here: "system" follows the colour scheme Main.qml binds
to `systemDark` (Application.styleHints.colorScheme, read in QML: in Python,
the first Qt enum value built costs about 15 ms before the window); `dark` is
what the Theme singleton binds to.
"""

from __future__ import annotations

import contextlib
from dataclasses import replace
from pathlib import Path
from typing import Any

from PySide6.QtCore import Property, QObject, QTimer, Signal, Slot

from stretchapp.core.storage.settings import (
    PREPARE_CHOICES,
    RENDERERS,
    THEMES,
    VOICE_RATES,
    Geometry,
    Settings,
    acknowledge,
    load_settings,
    save_settings,
)
from stretchapp.core.wording import app_words

SAVE_DELAY_MS = 300


class SettingsBridge(QObject):
    """Holds the Settings, shows them to QML and writes them to the home."""

    changed = Signal()
    darkChanged = Signal()
    systemDarkChanged = Signal()

    def __init__(self, home: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._home = home
        loaded = load_settings(home)
        self._settings = loaded.settings
        # What this instance last read or wrote: saves keep another instance's changes.
        self._base = loaded.settings
        self.notice = loaded.notice
        self._system_dark = False
        self.renderer_in_use = ""
        self._save_timer = QTimer(self, singleShot=True, interval=SAVE_DELAY_MS)
        self._save_timer.timeout.connect(self.save_now)
        self._dark = self._resolve_dark()
        if loaded.notice:
            # Rewrite a damaged file with what was kept, so the notice shows once.
            self._save_timer.start()

    # --- from Python -------------------------------------------------------------

    @property
    def settings(self) -> Settings:
        return self._settings

    def save_now(self) -> None:
        """Write pending changes at once (also called on quit)."""
        self._save_timer.stop()
        # A read-only home: the settings last until the app closes.
        with contextlib.suppress(OSError):
            merged = save_settings(self._home, self._settings, base=self._base)
            self._base = merged
            if merged != self._settings:
                self._settings = merged
                self.changed.emit()
                self._set_dark(self._resolve_dark())

    def set_geometry(self, geometry: Geometry) -> None:
        self._update(geometry=geometry)

    def set_reminder_settings(self, *, rules: tuple[str, ...] | None = None,
                              on: bool | None = None, paused_until: float | None = -1.0
                              ) -> None:
        """Change the reminder keys (the reminder bridge owns their meaning)."""
        changes: dict[str, Any] = {}
        if rules is not None:
            changes["reminders"] = rules
        if on is not None:
            changes["reminders_on"] = on
        if paused_until != -1.0:
            changes["reminders_paused_until"] = paused_until
        self._update(**changes)

    def welcome_pending(self) -> bool:
        """True until the first-launch screen has been read."""
        return not self._settings.welcome_seen

    def safety_acknowledged(self, routine_id: str) -> bool:
        """True once the user has acknowledged this relief routine's safety note."""
        return routine_id in self._settings.safety_acknowledged

    def acknowledge_safety(self, routine_id: str) -> None:
        """Remember the acknowledgement now (written at once: it must survive a crash)."""
        self._settings = acknowledge(self._settings, routine_id)
        self.save_now()

    # --- to QML ------------------------------------------------------------------

    def _get_theme(self) -> str:
        return self._settings.theme

    def _get_dark(self) -> bool:
        return self._dark

    def _get_theme_name(self) -> str:
        return "dark" if self._dark else "light"

    def _get_volume(self) -> float:
        return self._settings.volume

    def _get_muted(self) -> bool:
        return self._settings.muted

    def _get_voice(self) -> bool:
        return self._settings.voice

    def _get_voice_rate(self) -> int:
        return self._settings.voice_rate

    def _get_voice_rate_choices(self) -> list[dict[str, Any]]:
        labels = dict(zip(VOICE_RATES, app_words.VOICE_RATE_LABELS, strict=True))
        return [{"value": rate, "label": labels[rate]} for rate in VOICE_RATES]

    def _get_prepare(self) -> int:
        value = self._settings.prepare_override
        return -1 if value is None else value

    def _get_prepare_choices(self) -> list[dict[str, Any]]:
        return [{"value": -1 if c is None else c,
                 "label": app_words.prepare_choice(c)}
                for c in PREPARE_CHOICES]

    def _get_theme_choices(self) -> list[dict[str, str]]:
        return [{"value": t, "label": app_words.THEME_LABELS[t]} for t in THEMES]

    def _get_renderer(self) -> str:
        return self._settings.renderer

    def _get_renderer_in_use(self) -> str:
        return self.renderer_in_use

    def _get_renderer_choices(self) -> list[dict[str, str]]:
        return [{"value": r, "label": app_words.RENDERER_CHOICES[r]} for r in RENDERERS]

    theme = Property(str, _get_theme, notify=changed)
    dark = Property(bool, _get_dark, notify=darkChanged)
    themeName = Property(str, _get_theme_name, notify=darkChanged)
    volume = Property(float, _get_volume, notify=changed)
    muted = Property(bool, _get_muted, notify=changed)
    voice = Property(bool, _get_voice, notify=changed)
    voiceRate = Property(int, _get_voice_rate, notify=changed)
    voiceRateChoices = Property(list, _get_voice_rate_choices, constant=True)
    prepareOverride = Property(int, _get_prepare, notify=changed)
    prepareChoices = Property(list, _get_prepare_choices,
                              constant=True)
    themeChoices = Property(list, _get_theme_choices, constant=True)
    renderer = Property(str, _get_renderer, notify=changed)
    rendererChoices = Property(list, _get_renderer_choices, constant=True)
    # A sentence on the drawing chosen at start-up (set by main.py before the window).
    rendererInUse = Property(str, _get_renderer_in_use, constant=True)

    @Slot(str)
    def setRenderer(self, renderer: str) -> None:
        if renderer in RENDERERS:
            self._update(renderer=renderer)

    def _get_welcome_seen(self) -> bool:
        return self._settings.welcome_seen

    welcomeSeen = Property(bool, _get_welcome_seen, notify=changed)

    @Slot()
    def markWelcomeSeen(self) -> None:
        """The first-launch screen was read: never show it again."""
        self._update(welcome_seen=True)
        self.save_now()

    @Slot(str)
    def setTheme(self, theme: str) -> None:
        if theme in THEMES:
            self._update(theme=theme)

    @Slot(float)
    def setVolume(self, volume: float) -> None:
        self._update(volume=round(min(1.0, max(0.0, volume)), 2))

    @Slot(bool)
    def setMuted(self, muted: bool) -> None:
        self._update(muted=muted)

    @Slot()
    def toggleMute(self) -> None:
        self._update(muted=not self._settings.muted)

    @Slot(bool)
    def setVoice(self, voice: bool) -> None:
        self._update(voice=voice)

    @Slot(int)
    def setVoiceRate(self, rate: int) -> None:
        if rate in VOICE_RATES:
            self._update(voice_rate=rate)

    @Slot(int)
    def setPrepareOverride(self, seconds: int) -> None:
        if seconds == -1:
            self._update(prepare_override=None)
        elif seconds in PREPARE_CHOICES:
            self._update(prepare_override=seconds)

    # --- inside --------------------------------------------------------------------

    def _update(self, **changes: Any) -> None:
        updated = replace(self._settings, **changes)
        if updated == self._settings:
            return
        self._settings = updated
        self._save_timer.start()
        self.changed.emit()
        self._set_dark(self._resolve_dark())

    def _resolve_dark(self) -> bool:
        if self._settings.theme == "system":
            return self._system_dark
        return self._settings.theme == "dark"

    def _get_system_dark(self) -> bool:
        return self._system_dark

    def _set_system_dark(self, dark: bool) -> None:
        if dark != self._system_dark:
            self._system_dark = dark
            self.systemDarkChanged.emit()
            self._set_dark(self._resolve_dark())

    # The system's colour scheme is dark (bound by Main.qml; False until then).
    systemDark = Property(bool, _get_system_dark, _set_system_dark, notify=systemDarkChanged)

    def _set_dark(self, dark: bool) -> None:
        if dark != self._dark:
            self._dark = dark
            self.darkChanged.emit()
