"""The reminder keys of settings.json: kept across runs, bad values replaced and named."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

from stretchapp.core.storage.settings import Settings, load_settings, save_settings


def test_reminder_settings_survive_a_save_and_load(tmp_path: Path) -> None:
    """Rules, the on switch and a pause's end come back as written."""
    settings = replace(Settings(), reminders=("at 22:00: Bed",), reminders_on=True,
                       reminders_paused_until=1_800_000_000.0)
    save_settings(tmp_path, settings)
    loaded = load_settings(tmp_path)
    assert loaded.settings == settings and loaded.notice == ""


def test_bad_reminder_values_fall_back_and_are_named(tmp_path: Path) -> None:
    """A non-list of rules, a non-boolean switch and a bad pause each get their default."""
    (tmp_path / "settings.json").write_text(json.dumps(
        {"reminders": "at 22:00: Bed", "reminders_on": "yes", "reminders_paused_until": -5,
         "theme": "dark"}), encoding="utf-8")
    loaded = load_settings(tmp_path)
    assert loaded.settings == replace(Settings(), theme="dark")
    for name in ("reminders", "reminders_on", "reminders_paused_until"):
        assert name in loaded.notice
